"""A contract party the article describes as a maker or supplier supplies
(``components/deals/contract_sides.py``)."""

from __future__ import annotations

import pytest

from aiextract.components.deals.contract_sides import orient_by_description


def _sides(deal: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in deal["parties"]}


@pytest.mark.parametrize(
    "text, supplier, buyer",
    [
        (
            "Le groupe Valtor a signé un accord de cinq ans avec Kelvia, un fournisseur "
            "chinois de lithium.",
            "Kelvia",
            "Valtor",
        ),
        ("Le fabricant Kelvia a signé un contrat avec le groupe Valtor.", "Kelvia", "Valtor"),
    ],
)
def test_the_party_described_as_a_supplier_supplies(nlp, text, supplier, buyer):
    doc = nlp(text)
    deal = {
        "type": "contract",
        "parties": [
            {"name": supplier, "role": "buyer"},
            {"name": buyer, "role": "supplier"},
        ],
        "start": 0,
        "end": len(text),
    }
    orient_by_description(doc, [deal])
    assert _sides(deal) == {supplier: "supplier", buyer: "buyer"}


def test_both_described_or_neither_leaves_the_contract(nlp):
    text = "Le constructeur Valtor a signé un contrat avec le fabricant Kelvia."
    doc = nlp(text)
    deal = {
        "type": "contract",
        "parties": [{"name": "Valtor", "role": "buyer"}, {"name": "Kelvia", "role": "supplier"}],
        "start": 0,
        "end": len(text),
    }
    orient_by_description(doc, [deal])
    assert _sides(deal) == {"Valtor": "buyer", "Kelvia": "supplier"}
