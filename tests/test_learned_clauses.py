"""Deals told clause by clause in one sentence are one deal each (``learned.by_clause``):
« Quibix rachète Lumeo et Kelvia rachète Ventora » is two acquisitions, not one with two
buyers and two targets; a sentence whose clauses do not each hold a whole deal stays one.

Every sentence here is invented (Quibix, Lumeo, Kelvia, Ventora, Norvane)."""

from __future__ import annotations

from tests.learned_scores import learned_reading


def _pairs(deals: list) -> list[list[tuple[str, str]]]:
    return [sorted((name, role) for name, (role, _p, _t) in d.parties.items()) for d in deals]


def test_two_clauses_two_acquisitions(annotate_until) -> None:
    text = "En 2014, Quibix rachète Lumeo pour 30 millions d'euros et Kelvia rachète Ventora."
    roles = {"Quibix": "acquirer", "Lumeo": "target", "Kelvia": "acquirer", "Ventora": "target"}
    deals = learned_reading(annotate_until, text, "acquisition", roles)
    assert _pairs(deals) == [
        [("Lumeo", "target"), ("Quibix", "acquirer")],
        [("Kelvia", "acquirer"), ("Ventora", "target")],
    ]
    # the amount stays with the first; the date is each one's
    assert [d.amount is not None for d in deals] == [True, False]
    assert [d.date for d in deals] == ["2014", "2014"]


def test_participles_each_with_their_buyer(annotate_until) -> None:
    text = "Deux exemples : Lumeo racheté par Quibix et Ventora racheté par Kelvia."
    roles = {"Quibix": "acquirer", "Lumeo": "target", "Kelvia": "acquirer", "Ventora": "target"}
    deals = learned_reading(annotate_until, text, "acquisition", roles)
    assert _pairs(deals) == [
        [("Lumeo", "target"), ("Quibix", "acquirer")],
        [("Kelvia", "acquirer"), ("Ventora", "target")],
    ]


def test_one_buyer_of_two_companies_stays_one_deal(annotate_until) -> None:
    text = "Quibix rachète Lumeo et Ventora."
    roles = {"Quibix": "acquirer", "Lumeo": "target", "Ventora": "target"}
    (deal,) = learned_reading(annotate_until, text, "acquisition", roles)
    assert sorted(deal.parties) == ["Lumeo", "Quibix", "Ventora"]


def test_a_clause_without_a_whole_deal_keeps_the_sentence_one_deal(annotate_until) -> None:
    # the relative clause holds only Norvane: no split
    text = "Quibix, que Norvane soutient, rachète Lumeo."
    roles = {"Quibix": "acquirer", "Lumeo": "target", "Norvane": "acquirer"}
    (deal,) = learned_reading(annotate_until, text, "acquisition", roles)
    assert sorted(deal.parties) == ["Lumeo", "Norvane", "Quibix"]
