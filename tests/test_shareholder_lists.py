"""Named shareholders: one investment of all of them in the company they hold
(GUIDELINES, « Ownership labels », « Existing shareholders in a round »;
``components/deals/relation_lists.py``)."""

from __future__ import annotations

import pytest

from aiextract.components.deals.relation_lists import add_relation_lists


def _investments(doc) -> list[dict[str, str]]:
    return [
        {p["name"]: p["role"] for p in d["parties"]}
        for d in doc._.deals
        if d["type"] == "investment"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kelvia compte parmi ses actionnaires Valtor et Nexalia.",
        "Valtor et Nexalia sont actionnaires de la société Kelvia depuis 2015.",
        "La banque Kelvia lève 20 millions d'euros. Parmi ses actionnaires figurent le "
        "groupe Valtor et la société Nexalia.",
        "La banque Kelvia a publié ses résultats lundi. Ses actionnaires sont le groupe "
        "Valtor (51 %) et le fonds Nexalia (49 %).",
        "Le titre appartient au groupe Kelvia, dont les actionnaires sont la banque Valtor "
        "et le fonds Nexalia.",
    ],
)
def test_listed_shareholders_hold_the_company_together(nlp, text):
    assert {"Valtor": "investor", "Nexalia": "investor", "Kelvia": "target"} in _investments(
        nlp(text)
    )


def test_a_holder_of_several_companies_holds_each(nlp):
    doc = nlp("Valtor est déjà actionnaire de nombreux studios, dont Kelvia, Orbiq et Lumeo.")
    investments = _investments(doc)
    for target in ("Kelvia", "Orbiq", "Lumeo"):
        assert {"Valtor": "investor", target: "target"} in investments


def test_a_single_holder_keeps_the_stake_the_rules_read(nlp):
    doc = nlp(
        "Le fonds Nexalia est devenu le premier actionnaire de Kelvia avec 16,4 % du capital."
    )
    stakes = [d.get("stake") for d in doc._.deals if d["type"] == "investment"]
    assert stakes == [16.4]


def test_a_deal_already_read_as_the_list_says_stays():
    rule = {
        "type": "investment",
        "parties": [
            {"name": "Valtor", "role": "investor"},
            {"name": "Kelvia", "role": "target"},
        ],
        "stake": 20,
        "start": 0,
        "end": 40,
    }
    garbled = {
        "type": "partnership",
        "parties": [
            {"name": "Valtor", "role": "partner"},
            {"name": "Kelvia", "role": "partner"},
        ],
        "start": 0,
        "end": 40,
    }
    listed = {**rule, "list_names": ["Kelvia", "Valtor"]}
    listed.pop("stake")
    assert add_relation_lists([rule, garbled], [listed]) == [rule]


def test_a_shareholder_noun_without_its_company_lists_no_holder(nlp):
    doc = nlp(
        "Le groupe Valtor met un million et un nouvel actionnaire, la société Nexalia, aussi."
    )
    assert {"Nexalia": "investor", "Valtor": "target"} not in _investments(doc)
