"""Deal recall on constructions of docs/deal_errors.md (patterns 8, 11 and part of 3).

- 8: capital entry with a possessive (« l'entrée à son capital du fonds X », « X est
  entré à notre capital », « entrer à leur capital »): the possessive's owner is the
  target (the subject of the governing verb, or the company of a quote's speaker).
- 11: round nouns (« un amorçage de 2 M€ », « introduction en Bourse », « IPO »).
- 3: a holding told with its holder as the passive's agent (« Y est détenue depuis 2020
  par le fonds X ») needs no percentage.

Every sentence is invented. Each case lists the expected deals as
``(type, {name: role}, amount or None, certainty, stake or None)``: the component must
return exactly those deals, ``None`` amount meaning that the deal has no amount.
"""

from __future__ import annotations

import pytest

M = 1_000_000


def _matches(deal: dict, expected: tuple) -> bool:
    dtype, parties, amount, cert, stake = expected
    got = {p["name"]: p["role"] for p in deal["parties"]}
    if deal["type"] != dtype or got != parties or deal["certainty"] != cert:
        return False
    if deal.get("stake") != stake:
        return False
    if amount is None:
        return deal["amount"] is None
    return deal["amount"] is not None and abs(deal["amount"]["value"] - amount) <= amount * 0.005


CASES = [
    # ----------------------------------------------- 8: capital entry, possessive
    (
        "poss-noun-son-du-fonds-with-amount",
        "Le fabricant de cosmétiques Oléane a finalisé l'entrée à son capital du fonds "
        "Kerys, qui apporte 8 millions d'euros.",
        [("investment", {"Oléane": "target", "Kerys": "investor"}, 8 * M, "stated", None)],
    ),
    (
        "poss-noun-son-two-investors-stake",
        "Le spécialiste du recyclage Tecnoval a officialisé l'entrée à son capital de "
        "Bpifrance et du fonds Siparex, à hauteur de 30 %.",
        [
            (
                "investment",
                {"Tecnoval": "target", "Bpifrance": "investor", "Siparex": "investor"},
                None,
                "stated",
                30,
            )
        ],
    ),
    (
        "poss-noun-son-hedged",
        "La PME Ferlio pourrait annoncer prochainement l'entrée à son capital du fonds Naxor.",
        [("investment", {"Ferlio": "target", "Naxor": "investor"}, None, "hedged", None)],
    ),
    (
        "poss-noun-leur-two-owners",
        "Les sociétés Ferlio et Brenva ont annoncé l'entrée à leur capital du fonds Naxor.",
        [
            ("investment", {"Ferlio": "target", "Naxor": "investor"}, None, "stated", None),
            ("investment", {"Brenva": "target", "Naxor": "investor"}, None, "stated", None),
        ],
    ),
    (
        "poss-verb-son-in-que-clause",
        "La start-up lilloise Drovia a annoncé mardi que le fonds Omnes Capital était entré "
        "à son capital.",
        [("investment", {"Drovia": "target", "Omnes Capital": "investor"}, None, "stated", None)],
    ),
    (
        "poss-verb-notre-speaker-after-quote",
        "« Bpifrance entre à notre capital pour nous accompagner à l'export », a déclaré "
        "Marc Dulac, président de Tecnoval.",
        [("investment", {"Bpifrance": "investor", "Tecnoval": "target"}, None, "stated", None)],
    ),
    (
        "poss-verb-notre-speaker-la-societe",
        "« Le fonds Atria est entré à notre capital », explique le président de la société Solvo.",
        [("investment", {"Atria": "investor", "Solvo": "target"}, None, "stated", None)],
    ),
    (
        "poss-verb-notre-speaker-rappelle",
        "Le groupe Tecnoval a publié ses comptes. « Bpifrance est entrée à notre capital », "
        "a rappelé Marc Dulac, président de Tecnoval.",
        [("investment", {"Bpifrance": "investor", "Tecnoval": "target"}, None, "stated", None)],
    ),
    (
        "poss-verb-notre-speaker-before-quote",
        "Marc Dulac, président de Tecnoval, le confirme : « Bpifrance est entrée à notre "
        "capital au printemps. »",
        [("investment", {"Bpifrance": "investor", "Tecnoval": "target"}, None, "stated", None)],
    ),
    (
        "poss-verb-notre-speaker-before-quote-patron",
        "Interrogé par Les Echos, le patron de Tecnoval détaille : « Le fonds Atria est entré "
        "à notre capital. »",
        [("investment", {"Atria": "investor", "Tecnoval": "target"}, None, "stated", None)],
    ),
    (
        "no-deal-notre-speaker-before-quote-without-company",
        "Le fondateur explique : « Le fonds Atria est entré à notre capital. »",
        [],
    ),
    (
        "no-deal-notre-speaker-without-company",
        "« Le fonds Atria est entré à notre capital l'an dernier », explique le fondateur.",
        [],
    ),
    (
        "no-deal-notre-outside-the-quote",
        "Le président de Tecnoval l'a rappelé : « Nos résultats sont bons. » Le fonds Atria "
        "est entré à notre capital, explique Marc Dulac, président de Solvo.",
        [],
    ),
    (
        "no-deal-capital-shared-by-founders",
        "Le capital de la société est réparti entre ses fondateurs.",
        [],
    ),
    (
        "poss-noun-son-aux-cotes-de",
        "Solvo annonce l'entrée à son capital du fonds Atria, aux côtés de Bpifrance.",
        [
            (
                "investment",
                {"Solvo": "target", "Atria": "investor", "Bpifrance": "investor"},
                None,
                "stated",
                None,
            )
        ],
    ),
    (
        "entree-au-capital-aux-cotes-de",
        "Le fonds Kerys entre au capital de Mobilis aux côtés de Bpifrance.",
        [
            (
                "investment",
                {"Kerys": "investor", "Mobilis": "target", "Bpifrance": "investor"},
                None,
                "stated",
                None,
            )
        ],
    ),
    (
        "entree-au-capital-unchanged",
        "Le fonds Kerys entre au capital de Mobilis.",
        [("investment", {"Kerys": "investor", "Mobilis": "target"}, None, "stated", None)],
    ),
    # ------------------------------------------------------ 11: round nouns
    (
        "amorcage-with-amount",
        "Fondée en 2021, la start-up Lumeo a réalisé un amorçage de 1,8 million d'euros "
        "auprès de business angels.",
        [("funding", {"Lumeo": "target"}, 1.8 * M, "stated", None)],
    ),
    (
        "amorcage-in-relative-beside-a-round",
        "La jeune pousse Vextra, qui avait bouclé un amorçage de 2 M€ en 2023, lève "
        "aujourd'hui 9 millions d'euros auprès du fonds Serena.",
        [
            ("funding", {"Vextra": "target"}, 2 * M, "stated", None),
            ("funding", {"Vextra": "target", "Serena": "investor"}, 9 * M, "stated", None),
        ],
    ),
    (
        "amorcage-earlier-round-without-party",
        "La medtech Kivra a levé 12 millions d'euros auprès du fonds Elaia. Cette levée fait "
        "suite à un amorçage de 2 millions d'euros en 2022.",
        [
            ("funding", {"Kivra": "target", "Elaia": "investor"}, 12 * M, "stated", None),
            ("funding", {"Kivra": "target"}, 2 * M, "stated", None),
        ],
    ),
    (
        "amorcage-pronoun-next-sentence",
        "La medtech Kivra lève 12 millions d'euros auprès du fonds Elaia. Elle avait réalisé "
        "un amorçage de 2 millions d'euros en 2022.",
        [
            ("funding", {"Kivra": "target", "Elaia": "investor"}, 12 * M, "stated", None),
            ("funding", {"Kivra": "target"}, 2 * M, "stated", None),
        ],
    ),
    ("no-deal-amorcage-without-amount", "L'amorçage du projet a pris du retard.", []),
    (
        "no-deal-amorcage-as-a-need",
        "Comme toute start-up, Lumeo a besoin d'un amorçage solide.",
        [],
    ),
    (
        "no-deal-fonds-d-amorcage",
        "Le dispositif d'amorçage de la région a été doté de 3 millions d'euros.",
        [],
    ),
    (
        "ipo-planned-hedged",
        "Le groupe Orvane prépare son introduction en Bourse sur Euronext Paris.",
        [("funding", {"Orvane": "target"}, None, "hedged", None)],
    ),
    (
        "ipo-acronym-planned-hedged",
        "La fintech Kapsa a indiqué préparer son IPO pour 2026.",
        [("funding", {"Kapsa": "target"}, None, "hedged", None)],
    ),
    (
        "ipo-done-with-amount",
        "Le spécialiste des drones Altivo a réussi son introduction en Bourse, qui lui a "
        "rapporté 60 millions d'euros.",
        [("funding", {"Altivo": "target"}, 60 * M, "stated", None)],
    ),
    (
        "ipo-and-lever-one-deal",
        "Le fabricant Silvane a levé 40 millions d'euros lors de son introduction en Bourse "
        "à Paris.",
        [("funding", {"Silvane": "target"}, 40 * M, "stated", None)],
    ),
    (
        "ipo-reflexive-verb-hedged",
        "Le fabricant de batteries Volthys pourrait s'introduire en Bourse dès l'an prochain.",
        [("funding", {"Volthys": "target"}, None, "hedged", None)],
    ),
    (
        "ipo-reflexive-verb-with-lever-one-deal",
        "La foodtech Miamo s'est introduite en Bourse en 2021 en levant 30 millions d'euros.",
        [("funding", {"Miamo": "target"}, 30 * M, "stated", None)],
    ),
    (
        "ipo-entree-en-bourse-de-x-planned",
        "L'entrée en Bourse de l'éditeur Cartalis est prévue pour le printemps.",
        [("funding", {"Cartalis": "target"}, None, "hedged", None)],
    ),
    (
        "de-after-the-trigger-complement",
        "Le transporteur Vialis remporte l'appel d'offres de Nantes Métropole, un marché de "
        "40 millions d'euros.",
        [("contract", {"Vialis": "supplier", "Nantes Métropole": "buyer"}, 40 * M, "stated", None)],
    ),
    ("no-deal-share-price-in-bourse", "Le titre a progressé de 4 % en Bourse après l'annonce.", []),
    # ------------------------------------------- 3: holding with a « par » agent
    (
        "detenue-depuis-par-fonds",
        "La PME Cartalis est détenue depuis 2020 par le fonds Sofival.",
        [("investment", {"Cartalis": "target", "Sofival": "investor"}, None, "stated", None)],
    ),
    (
        "detenu-participle-par-fonds",
        "Le laboratoire Biovane, détenu par le fonds Kerys depuis 2019, vise une usine en "
        "Bretagne.",
        [("investment", {"Biovane": "target", "Kerys": "investor"}, None, "stated", None)],
    ),
    (
        "detenue-percent-par-unchanged",
        "Cartalis est détenue à 60 % par Sofival.",
        [("investment", {"Cartalis": "target", "Sofival": "investor"}, None, "stated", 60)],
    ),
    ("no-deal-bare-detenir-without-percent", "Le fonds Kerys détient la société Cartalis.", []),
    (
        "no-deal-detenue-par-a-person",
        "Cartalis, détenue par son fondateur Marc Dulac, vise l'Europe.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_deal_recall_b(rules_nlp, text: str, expected: list[tuple]) -> None:
    deals = rules_nlp(text)._.deals
    assert len(deals) == len(expected), deals
    for exp in expected:
        assert any(_matches(d, exp) for d in deals), (exp, deals)
