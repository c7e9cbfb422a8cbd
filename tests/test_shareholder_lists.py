"""Named shareholders: one investment of all of them in the company they hold
(GUIDELINES, « Ownership labels », « Existing shareholders in a round »;
``components/deals/relation_lists.py``)."""

from __future__ import annotations

import pytest
from tests.deal_cases import investments

from aiextract.components.deals.relation_lists import add_relation_lists


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
    assert {"Valtor": "investor", "Nexalia": "investor", "Kelvia": "target"} in investments(
        nlp(text)
    )


def test_a_holder_of_several_companies_holds_each(nlp):
    doc = nlp("Valtor est déjà actionnaire de nombreux studios, dont Kelvia, Orbiq et Lumeo.")
    held = investments(doc)
    for target in ("Kelvia", "Orbiq", "Lumeo"):
        assert {"Valtor": "investor", target: "target"} in held


def test_a_single_holder_keeps_the_stake_the_rules_read(nlp):
    doc = nlp(
        "Le fonds Nexalia est devenu le premier actionnaire de Kelvia avec 16,4 % du capital."
    )
    stakes = [d.get("stake") for d in doc._.deals if d["type"] == "investment"]
    assert stakes == [16.4]


def _deal(deal_type: str, roles: dict[str, str], **more) -> dict:
    parties = [{"name": name, "role": role} for name, role in roles.items()]
    return {"type": deal_type, "parties": parties, "start": 0, "end": 40, **more}


def test_a_deal_already_read_as_the_list_says_stays():
    rule = _deal("investment", {"Valtor": "investor", "Kelvia": "target"}, stake=20)
    garbled = _deal("partnership", {"Valtor": "partner", "Kelvia": "partner"})
    listed = _deal(
        "investment", {"Valtor": "investor", "Kelvia": "target"}, list_names=["Kelvia", "Valtor"]
    )
    assert add_relation_lists([rule, garbled], [listed]) == [rule]


def test_a_shareholder_noun_without_its_company_lists_no_holder(nlp):
    doc = nlp(
        "Le groupe Valtor met un million et un nouvel actionnaire, la société Nexalia, aussi."
    )
    assert {"Nexalia": "investor", "Valtor": "target"} not in investments(doc)
