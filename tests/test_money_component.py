"""The money component in the real pipeline: spans aligned to tokens, values, config."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from aiextract.components.money import MoneyComponent
from aiextract.extensions import MONEY_KEY

NNBSP = "\u202f"
M, G = 10**6, 10**9

# (sentence, [(span text, value, currency, max, qualifier), ...])
PIPELINE_CASES = [
    (
        "La start-up a levé 12 milliards de dollars et cherche à obtenir 10 milliards "
        "supplémentaires auprès de ses actionnaires.",
        [
            ("12 milliards de dollars", 12 * G, "USD", None, None),
            ("10 milliards", 10 * G, "USD", None, None),
        ],
    ),
    (
        "Microsoft consacrera quelque $50 milliards par an à ses centres de données.",
        [("$50 milliards", 50 * G, "USD", None, "environ")],
    ),
    (
        "Le groupe a annoncé un budget de 2,5 Md€ et une enveloppe de 100 M€ pour la R&D.",
        [
            ("2,5 Md€", 2.5 * G, "EUR", None, None),
            ("100 M€", 100 * M, "EUR", None, None),
        ],
    ),
    (
        "Les deux jeunes pousses ont levé respectivement 40 et 104 millions d'euros.",
        [
            ("40", 40 * M, "EUR", None, None),
            ("104 millions d'euros", 104 * M, "EUR", None, None),
        ],
    ),
    (
        "Le tour de table, entre 5 et 10 millions d'euros, sera bouclé d'ici l'été.",
        [("5 et 10 millions d'euros", 5 * M, "EUR", 10 * M, None)],
    ),
    (
        "Le rachat de la société londonienne s'est fait pour £3m, une somme modeste.",
        [("£3m", 3 * M, "GBP", None, None)],
    ),
    (
        "Le fonds a apporté plus d'un milliard de dollars au consortium.",
        [("un milliard de dollars", 1 * G, "USD", None, "plus de")],
    ),
    (
        "Le conseil proposera un dividende de 0,60 dollar par action en mai.",
        [("0,60 dollar", 0.6, "USD", None, None)],
    ),
    (
        f"Le chiffre d'affaires atteint 1{NNBSP}400{NNBSP}000 euros sur l'exercice.",
        [(f"1{NNBSP}400{NNBSP}000 euros", 1_400_000, "EUR", None, None)],
    ),
    (
        "Il promet d'investir 1 400 milliards de dollars dans le calcul.",
        [("1 400 milliards de dollars", 1400 * G, "USD", None, None)],
    ),
    (
        "La société a levé 8 M$ auprès de business angels, dont 2 M$ de Kima.",
        [("8 M$", 8 * M, "USD", None, None), ("2 M$", 2 * M, "USD", None, None)],
    ),
    (
        "L'entreprise japonaise investira 500 milliards de yens d'ici 2030.",
        [("500 milliards de yens", 500 * G, "JPY", None, None)],
    ),
    (
        "Le groupe bâlois a payé 800 millions de francs suisses pour la biotech.",
        [("800 millions de francs suisses", 800 * M, "CHF", None, None)],
    ),
    (
        "Ottawa débloque 240 millions de dollars canadiens pour la filière des batteries.",
        [("240 millions de dollars canadiens", 240 * M, "CAD", None, None)],
    ),
    (
        "La valorisation dépasse désormais le milliard de dollars, selon nos informations.",
        [("le milliard de dollars", 1 * G, "USD", None, None)],
    ),
    (
        "L'État apportera une dizaine de millions d'euros à la future usine.",
        [("une dizaine de millions d'euros", 10 * M, "EUR", None, "environ")],
    ),
    (
        "Le fonds vise deux milliards et demi d'euros pour son troisième millésime.",
        [("deux milliards et demi d'euros", 2.5 * G, "EUR", None, None)],
    ),
    (
        "Le groupe a été cédé pour 1,2 milliard USD à un fonds américain.",
        [("1,2 milliard USD", 1.2 * G, "USD", None, None)],
    ),
    (
        "Le budget est compris entre 500 millions et 1 milliard de dollars.",
        [("500 millions et 1 milliard de dollars", 500 * M, "USD", 1 * G, None)],
    ),
    (
        "Les pertes ont atteint près de 5 milliards de dollars l'an dernier.",
        [("5 milliards de dollars", 5 * G, "USD", None, "près de")],
    ),
    (
        "La société vaut 20 milliards de dollars.\nElle espère doubler ce chiffre et lever "
        "encore 6 milliards d'ici deux ans.",
        [
            ("20 milliards de dollars", 20 * G, "USD", None, None),
            ("6 milliards", 6 * G, "USD", None, None),
        ],
    ),
    (
        "Le marché est estimé à 3 billions de dollars à l'horizon 2035.",
        [("3 billions de dollars", 3 * 10**12, "USD", None, None)],
    ),
]


def _expected_money(value: float, currency: str, high: float | None, qualifier: str | None):
    return {
        "value": Decimal(str(value)).normalize(),
        "currency": currency,
        "max": None if high is None else Decimal(str(high)).normalize(),
        "qualifier": qualifier,
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    PIPELINE_CASES,
    ids=[case[1][0][0] + " / " + case[0][:35] for case in PIPELINE_CASES],
)
def test_money_spans(nlp: Language, sentence: str, expected: list[tuple]) -> None:
    doc = nlp(sentence)
    spans = list(doc._.money)
    assert [s.text for s in spans] == [e[0] for e in expected]
    for span, (_, value, currency, high, qualifier) in zip(spans, expected, strict=True):
        data = span._.money
        got = {
            "value": Decimal(data["value"]).normalize(),
            "currency": data["currency"],
            "max": None if data["max"] is None else Decimal(data["max"]).normalize(),
            "qualifier": data["qualifier"],
        }
        assert got == _expected_money(value, currency, high, qualifier)
        assert span.label_ == "MONEY"


NEGATIVE_PIPELINE = [
    "La part de Microsoft au capital atteint 27 % selon le communiqué.",
    "Fondée en 2023, la société emploie 700 personnes à Paris.",
    "OpenAI a commandé un million de GPU pour son futur campus.",
    "Parmi 550 des 700 employés, beaucoup menacent de partir.",
    "De GPT-40 au futur GPT-5, Microsoft intègre tous les modèles.",
    "Il vise 1,4 billion d'unités de puissance de calcul.",
    "Sa participation pourrait valoir des milliards de dollars.",
    "Microsoft a présenté Cobalt 100 et Maia 100 lors de sa conférence.",
    "Le compte suivi par 5M+ abonnés a relayé l'annonce.",
    "Le contrat a été signé le 20 novembre 2023.",
]


@pytest.mark.parametrize("sentence", NEGATIVE_PIPELINE, ids=[s[:40] for s in NEGATIVE_PIPELINE])
def test_no_money_spans(nlp: Language, sentence: str) -> None:
    assert list(nlp(sentence).spans[MONEY_KEY]) == []


def test_conversion_equivalent_offsets(nlp: Language) -> None:
    doc = nlp("Le contrat est estimé à 250 millions de dollars (226 millions d'euros).")
    first, second = doc._.money
    assert first._.money["equivalent"] == [second.start_char, second.end_char]
    assert second._.money["equivalent"] == [first.start_char, first.end_char]
    assert (first._.money["currency"], second._.money["currency"]) == ("USD", "EUR")


def test_ents_untouched_and_values_plain(nlp: Language) -> None:
    doc = nlp("OpenAI a levé 6,6 milliards de dollars auprès de Thrive Capital.")
    assert all(ent.label_ != "MONEY" for ent in doc.ents)
    (span,) = doc._.money
    assert span._.money == {
        "value": "6600000000",
        "currency": "USD",
        "max": None,
        "qualifier": None,
        "equivalent": None,
    }


def test_span_alignment_expands_to_tokens(nlp: Language) -> None:
    doc = nlp("Une enveloppe de 100M€ est prévue.")
    (span,) = doc._.money
    assert span.text.startswith("100") and "€" in span.text
    assert span._.money["value"] == "100000000"


def test_survives_to_bytes(nlp: Language) -> None:
    doc = nlp("La société a levé 30 millions d'euros, puis 20 millions de plus.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s._.money["value"]) for s in restored.spans[MONEY_KEY]] == [
        ("30 millions d'euros", "30000000"),
        ("20 millions", "20000000"),
    ]


def test_config_carry_off_and_default_currency(nlp: Language) -> None:
    text = "La start-up a levé 12 millions de dollars puis 10 millions supplémentaires."
    doc = nlp.make_doc(text)
    no_carry = MoneyComponent(nlp, "money_test", carry_currency=False)
    assert [s.text for s in no_carry(doc).spans[MONEY_KEY]] == ["12 millions de dollars"]
    bare = nlp.make_doc("La start-up a levé 10 millions lors de son premier tour.")
    default = MoneyComponent(nlp, "money_test", default_currency="EUR", spans_key="montants")
    (span,) = default(bare).spans["montants"]
    assert (span.text, span._.money["currency"]) == ("10 millions", "EUR")


def test_factory_config(nlp: Language) -> None:
    config = nlp.get_pipe_config("aiextract_money")
    assert config["carry_currency"] is True
    assert config["default_currency"] is None
    assert config["spans_key"] == MONEY_KEY


def test_empty_and_numberless_texts(nlp: Language) -> None:
    assert list(nlp("").spans[MONEY_KEY]) == []
    assert list(nlp("Aucun montant n'est cité ici.").spans[MONEY_KEY]) == []
