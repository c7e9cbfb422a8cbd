"""A supplier's named customers: one contract per customer (GUIDELINES, « Client
lists »), the customer `buyer`, the supplier `supplier`, no amount, no date."""

from __future__ import annotations

import pytest

from aiextract.components.deals.relation_lists import add_relation_lists


def _contracts(doc) -> list[tuple[str, frozenset[str]]]:
    """(buyer, suppliers) of every contract of ``doc``, in text order."""
    out = []
    for deal in doc._.deals:
        if deal["type"] != "contract":
            continue
        buyers = [p["name"] for p in deal["parties"] if p["role"] == "buyer"]
        suppliers = frozenset(p["name"] for p in deal["parties"] if p["role"] == "supplier")
        out.append((buyers[0] if len(buyers) == 1 else tuple(buyers), suppliers))
    return sorted(out)


@pytest.mark.parametrize(
    "text, buyers, suppliers",
    [
        (
            "L'éditeur Ventora compte parmi ses clients Quibix, Lumeo et Kelvia.",
            ["Kelvia", "Lumeo", "Quibix"],
            {"Ventora"},
        ),
        (
            "Créée en 2016, Ventora a déjà convaincu 150 clients, dont le groupe Quibix, "
            "Lumeo ou encore Kelvia.",
            ["Kelvia", "Lumeo", "Quibix"],
            {"Ventora"},
        ),
        (
            "Parmi les clients de Ventora figurent Quibix et Lumeo.",
            ["Lumeo", "Quibix"],
            {"Ventora"},
        ),
        (
            "Quibix et Lumeo sont clients de Ventora depuis 2019.",
            ["Lumeo", "Quibix"],
            {"Ventora"},
        ),
        (
            "Ventora revendique de nombreux grands clients, notamment Quibix et Lumeo.",
            ["Lumeo", "Quibix"],
            {"Ventora"},
        ),
        # the supplier named before a description that a relative clause follows, the
        # customer noun on a verb joined by « et » to the clause's first verb
        (
            "Le studio Ventora, une agence de design qui emploie 50 salariés et compte "
            "parmi ses clients Quibix et Lumeo, ouvre un bureau à Lyon.",
            ["Lumeo", "Quibix"],
            {"Ventora"},
        ),
        # customers shared by two suppliers named together: one contract per customer
        (
            "Ventora et Orbiq se disputaient des clients, dont Quibix.",
            ["Quibix"],
            {"Ventora", "Orbiq"},
        ),
    ],
)
def test_each_customer_of_a_list_is_a_contract(nlp, text, buyers, suppliers):
    doc = nlp(text)
    assert _contracts(doc) == [(b, frozenset(suppliers)) for b in buyers]
    for deal in doc._.deals:
        assert deal["amount"] is None and deal["date"] is None
        assert deal["certainty"] == "stated"


def test_a_customer_named_in_apposition_buys_from_the_supplier(nlp):
    doc = nlp("La société Quibix, cliente de Ventora, a renouvelé sa commande en mars.")
    assert ("Quibix", frozenset({"Ventora"})) in _contracts(doc)
    assert ("Ventora", frozenset({"Quibix"})) not in _contracts(doc)


@pytest.mark.parametrize(
    "text",
    [
        # customers without a name
        "Ventora a convaincu 150 clients en deux ans.",
        # the name after the customer noun is not listed as one
        "Ventora a séduit 150 clients en 2023 grâce à Quibix.",
        # a question tells no deal
        "Quibix et Lumeo sont-ils clients de Ventora ?",
    ],
)
def test_no_contract_without_a_listed_customer(nlp, text):
    assert _contracts(nlp(text)) == []


def _deal(deal_type: str, roles: dict[str, str], end: int, **extra) -> dict:
    parties = [{"name": name, "role": role} for name, role in roles.items()]
    return {"type": deal_type, "parties": parties, "start": 0, "end": end, **extra}


def test_a_deal_read_in_the_list_gives_way_and_others_stay(nlp):
    doc = nlp("Parmi les clients de Ventora figurent Quibix et Lumeo.")
    end = len(doc.text)
    names = ["Ventora", "Quibix", "Lumeo"]
    listed = [_deal("contract", {"Quibix": "buyer", "Ventora": "supplier"}, end, list_names=names)]
    alliance = _deal("partnership", dict.fromkeys(names, "partner"), end)
    purchase = _deal("acquisition", {"Ventora": "acquirer", "Quibix": "target"}, end)
    out = add_relation_lists([alliance, purchase], listed)
    assert [d["type"] for d in out] == ["acquisition", "contract"]
    assert "list_names" not in out[1]


def test_a_company_that_takes_over_customers_is_not_their_supplier_s_customer(nlp):
    doc = nlp("Avec ce rachat, le groupe Ventora met la main sur les clients de la société Quibix.")
    assert ("Ventora", frozenset({"Quibix"})) not in _contracts(doc)


def test_a_loyal_customer_in_apposition_buys_from_the_supplier(nlp):
    doc = nlp("Le transporteur Orbiq, fidèle client de Ventora depuis 2010, renouvelle sa flotte.")
    assert ("Orbiq", frozenset({"Ventora"})) in _contracts(doc)
