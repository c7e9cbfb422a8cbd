"""A funding round told over two sentences (deal_errors.md, pattern 4): the target and
amount in one sentence, the investors in the next (« remettent au pot », « accompagnés
par », talks « en cours avec »), or the backers' shares told before the total. Every
text is written for these tests.

Each case lists the deals expected as ``(type, {name: role}, amount, certainty)``, as in
tests/test_deals.py; the component must return exactly those deals.
"""

from __future__ import annotations

import pytest
from tests.deal_cases import assert_deals, case_params

M = 1_000_000

CASES = [
    (
        "participated-in-the-operation",
        "La jeune pousse lilloise Tarvio a bouclé un tour de table de 12 millions d'euros. "
        "Karnea et Volubis ont participé à l'opération.",
        [
            (
                "funding",
                {"Tarvio": "target", "Karnea": "investor", "Volubis": "investor"},
                12 * M,
                "stated",
            ),
        ],
    ),
    (
        "put-back-into-the-pot",
        "La medtech Norvane boucle un tour de table de 15 millions d'euros. "
        "Ses actionnaires historiques Ardéal et Fenwick Capital remettent au pot.",
        [
            (
                "funding",
                {"Norvane": "target", "Ardéal": "investor", "Fenwick Capital": "investor"},
                15 * M,
                "stated",
            ),
            # GUIDELINES « Existing shareholders in a round »: their holding is a deal too
            (
                "investment",
                {"Norvane": "target", "Ardéal": "investor", "Fenwick Capital": "investor"},
                None,
                "stated",
            ),
        ],
    ),
    (
        "put-back-into-the-pot-accompanied-by",
        "La start-up Norvane a levé 15 millions d'euros. Les fonds Ardéal et Sorbane "
        "remettent également au pot, accompagnés par Bpifrance.",
        [
            (
                "funding",
                {
                    "Norvane": "target",
                    "Ardéal": "investor",
                    "Sorbane": "investor",
                    "Bpifrance": "investor",
                },
                15 * M,
                "stated",
            ),
        ],
    ),
    (
        "capital-increase-subscribed-by",
        "La société nantaise Hydrex réalise une levée de 30 millions d'euros. "
        "L'augmentation de capital est souscrite par Ardéal et Bpifrance.",
        [
            (
                "funding",
                {"Hydrex": "target", "Ardéal": "investor", "Bpifrance": "investor"},
                30 * M,
                "stated",
            ),
        ],
    ),
    (
        "took-part-in-the-operation",
        "La fintech bordelaise Payzo a levé 20 millions d'euros. Les fonds Ardéal et "
        "Sorbane ont pris part à l'opération.",
        [
            (
                "funding",
                {"Payzo": "target", "Ardéal": "investor", "Sorbane": "investor"},
                20 * M,
                "stated",
            ),
        ],
    ),
    (
        "subscribed-to-the-capital-increase",
        "La fintech Payzo a levé 20 millions d'euros. Ardéal et Sorbane ont souscrit à "
        "l'augmentation de capital.",
        [
            (
                "funding",
                {"Payzo": "target", "Ardéal": "investor", "Sorbane": "investor"},
                20 * M,
                "stated",
            ),
        ],
    ),
    (
        "hedged-round-talks-with-investors",
        "La start-up Qubix envisage une levée de 50 millions d'euros. "
        "Des discussions seraient en cours avec Temasek et Bpifrance.",
        [
            (
                "funding",
                {"Qubix": "target", "Temasek": "investor", "Bpifrance": "investor"},
                50 * M,
                "hedged",
            ),
        ],
    ),
    (
        "hedged-round-negotiations",
        "Selon nos informations, Qubix pourrait lever 50 millions d'euros. "
        "Des négociations sont en cours avec Temasek et le fonds Karnea.",
        [
            (
                "funding",
                {"Qubix": "target", "Temasek": "investor", "Karnea": "investor"},
                50 * M,
                "hedged",
            ),
        ],
    ),
    (
        "shares-first-total-last",
        "Le fonds Karnea apporte 6 millions d'euros et Bpifrance 2 millions. Au total, "
        "la biotech Dermalis lève 8 millions d'euros pour ses essais cliniques.",
        [
            (
                "funding",
                {"Dermalis": "target", "Karnea": "investor", "Bpifrance": "investor"},
                8 * M,
                "stated",
            ),
        ],
    ),
    (
        "one-share-first-is-also-an-investment",
        "Le fonds Karnea investit 6 millions d'euros. Au total, la biotech Dermalis "
        "lève 8 millions d'euros.",
        [
            ("funding", {"Dermalis": "target", "Karnea": "investor"}, 8 * M, "stated"),
            ("investment", {"Karnea": "investor", "Dermalis": "target"}, 6 * M, "stated"),
        ],
    ),
    (
        "one-share-after-the-round",
        "La biotech Dermalis lève 8 millions d'euros. Le fonds Karnea apporte à lui "
        "seul 6 millions d'euros.",
        [
            ("funding", {"Dermalis": "target", "Karnea": "investor"}, 8 * M, "stated"),
            ("investment", {"Karnea": "investor", "Dermalis": "target"}, 6 * M, "stated"),
        ],
    ),
    # negative cases: the parties stay out of the round
    (
        "share-larger-than-the-round",
        "Le fonds Karnea apporte 9 millions d'euros. Au total, la biotech Dermalis lève "
        "8 millions d'euros.",
        [("funding", {"Dermalis": "target"}, 8 * M, "stated")],
    ),
    (
        "share-in-another-currency",
        "Le fonds Karnea apporte 6 millions d'euros. La biotech Dermalis lève 8 millions "
        "de dollars.",
        [("funding", {"Dermalis": "target"}, 8 * M, "stated")],
    ),
    (
        "share-then-acquisition-then-round",
        "Le fonds Karnea apporte 6 millions d'euros. Le groupe Vastel rachète la "
        "société Tramex. La biotech Dermalis lève 8 millions d'euros.",
        [
            ("acquisition", {"Vastel": "acquirer", "Tramex": "target"}, None, "stated"),
            ("funding", {"Dermalis": "target"}, 8 * M, "stated"),
        ],
    ),
    (
        "share-between-two-rounds",
        "La biotech Dermalis lève 8 millions d'euros. Le fonds Karnea y investit 6 "
        "millions d'euros. La start-up Lumio a levé 10 millions d'euros auprès de Sorbane.",
        [
            ("funding", {"Dermalis": "target"}, 8 * M, "stated"),
            ("funding", {"Lumio": "target", "Sorbane": "investor"}, 10 * M, "stated"),
        ],
    ),
    (
        "bringing-support-is-no-share",
        "Le fonds Karnea apporte son soutien à la biotech. La biotech Dermalis lève "
        "8 millions d'euros.",
        [("funding", {"Dermalis": "target"}, 8 * M, "stated")],
    ),
    (
        "talks-after-a-stated-round-stay-out",
        "La start-up Qubix a levé 50 millions d'euros l'an dernier. "
        "Des discussions sont en cours avec Temasek et Bpifrance.",
        [("funding", {"Qubix": "target"}, 50 * M, "stated")],
    ),
    (
        "investors-of-another-company",
        "La start-up Lumio a levé 5 millions d'euros auprès de Karnea. "
        "Ardéal et Sorbane ont participé au tour de table de Flexo.",
        [
            ("funding", {"Lumio": "target", "Karnea": "investor"}, 5 * M, "stated"),
            (
                "funding",
                {"Flexo": "target", "Ardéal": "investor", "Sorbane": "investor"},
                None,
                "stated",
            ),
        ],
    ),
    (
        "acquisition-told-in-between",
        "La start-up Lumio a levé 5 millions d'euros. Le groupe Vastel a racheté la "
        "société Tramex. Ardéal et Sorbane ont remis au pot.",
        [
            ("funding", {"Lumio": "target"}, 5 * M, "stated"),
            ("acquisition", {"Vastel": "acquirer", "Tramex": "target"}, None, "stated"),
        ],
    ),
    (
        "operation-of-another-amount",
        "La start-up Lumio a levé 5 millions d'euros en 2023. L'opération, menée par "
        "Ardéal, s'élève à 9 millions d'euros.",
        [("funding", {"Lumio": "target"}, 5 * M, "stated")],
    ),
    (
        "talks-about-another-deal",
        "Qubix envisage une levée de 50 millions d'euros. Le groupe Vastel serait en "
        "discussions avec Temasek pour racheter la société Tramex.",
        [
            ("funding", {"Qubix": "target"}, 50 * M, "hedged"),
            ("acquisition", {"Vastel": "acquirer", "Tramex": "target"}, None, "hedged"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), list(case_params(CASES, {})))
def test_round_split_over_sentences(rules_nlp, text: str, expected: list[tuple]) -> None:
    assert_deals(rules_nlp(text)._.deals, expected)
