"""A stake sold by a named holder is the buyer's investment; the seller is no party and
its former holding no deal of its own; a sale with no buyer named is an acquisition
with its seller and target (GUIDELINES, « A stake sold »)."""

from __future__ import annotations

import pytest


def _deals(doc) -> list[tuple[str, dict[str, str], float | None]]:
    return [
        (d["type"], {p["name"]: p["role"] for p in d["parties"]}, d.get("stake"))
        for d in doc._.deals
    ]


@pytest.mark.parametrize(
    "text, stake",
    [
        ("Le groupe Ventora cède sa participation de 20 % dans Orbiq au fonds Quibix.", 20),
        (
            "Ventora a cédé sa participation de 30 % dans Orbiq au fonds Quibix pour 40 "
            "millions d'euros.",
            30,
        ),
    ],
)
def test_a_stake_sold_is_the_buyers_investment(nlp, text, stake):
    deals = _deals(nlp(text))
    assert ("investment", {"Quibix": "investor", "Orbiq": "target"}, stake) in deals
    assert not any("Ventora" in parties for _type, parties, _stake in deals)


def test_a_stake_sold_to_nobody_named_is_a_sale(nlp):
    deals = _deals(nlp("La banque Ventora a cédé sa participation dans Orbiq."))
    assert deals == [("acquisition", {"Ventora": "seller", "Orbiq": "target"}, None)]


def test_a_stake_held_or_taken_stays_the_holders(nlp):
    deals = _deals(nlp("Ventora a pris une participation de 20 % dans Orbiq."))
    assert deals == [("investment", {"Ventora": "investor", "Orbiq": "target"}, 20)]


@pytest.mark.parametrize(
    "text, buyer, target, stake",
    [
        # the guidelines' own example (« A controlling holder buying more »)
        (
            "Le groupe Valtor, déjà majoritaire, reprend les 30 % que le fonds Nexalia "
            "détenait dans Kelvia.",
            "Valtor",
            "Kelvia",
            30,
        ),
        (
            "Le groupe Ventora a cédé la participation de 35 % qu'il détenait dans le "
            "capital de l'assureur Orbiq au fonds Quibix Capital.",
            "Quibix Capital",
            "Orbiq",
            35,
        ),
    ],
)
def test_the_holding_of_a_stake_sold_is_the_sellers_and_no_deal(nlp, text, buyer, target, stake):
    deals = _deals(nlp(text))
    assert deals == [("investment", {buyer: "investor", target: "target"}, stake)]


def test_the_subject_of_a_selling_verb_is_the_seller(nlp):
    doc = nlp(
        "Le groupe Valtor annonce reprendre les parts que le groupe Nexalia détenait "
        "dans la société Kelvia."
    )
    for _type, parties, _stake in _deals(doc):
        assert parties.get("Nexalia") in (None, "seller")


def test_a_buyer_described_by_what_it_holds_stays_the_buyer(nlp):
    text = (
        "Le groupe Valtor, qui possède déjà la chaîne Nexalia, a acquis 6 % du capital de Kelvia."
    )
    deals = _deals(nlp(text))
    assert ("investment", {"Valtor": "investor", "Kelvia": "target"}, 6) in deals
