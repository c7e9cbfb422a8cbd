"""Companies bought one by one: a list whose companies each have their own preposition
(« les rachats de Quibix, de Lumeo et de Ventora ») gives one deal per company; a list
sharing one preposition (« le rachat de Quibix et Lumeo ») stays one transaction
(``components/deals/listed_targets.py``).

Every name here is invented (Kelvia, Quibix, Lumeo, Ventora, Valtor)."""

from __future__ import annotations

import pytest
from tests.deal_sets import as_sets, party_sets

from aiextract.components.deals.listed_targets import split_listed_targets


@pytest.mark.parametrize(
    "text, deals",
    [
        (
            "Kelvia a bouclé les acquisitions de Quibix au printemps, de Lumeo à l'été et de "
            "Ventora à l'automne.",
            [{"Kelvia", "Lumeo"}, {"Kelvia", "Quibix"}, {"Kelvia", "Ventora"}],
        ),
        pytest.param(
            "Au terme des rachats de Quibix, de Lumeo et de Ventora, le groupe Kelvia se "
            "tourne vers l'Italie.",
            [{"Kelvia", "Lumeo"}, {"Kelvia", "Quibix"}, {"Kelvia", "Ventora"}],
            marks=pytest.mark.xfail(
                reason="the list runs on into the buyer's name (« Ventora, le groupe "
                "Kelvia »); cutting lists where a name has no preposition of its own cost "
                "five folds 0.4566 → 0.4558 (docs/learned.md)"
            ),
        ),
        (
            "Kelvia a annoncé l'acquisition de Quibix et de Lumeo.",
            [{"Kelvia", "Lumeo"}, {"Kelvia", "Quibix"}],
        ),
    ],
)
def test_companies_each_with_its_preposition_are_bought_one_by_one(nlp, text, deals):
    assert party_sets(nlp(text), "acquisition") == as_sets(deals)


@pytest.mark.parametrize(
    "text",
    [
        "Kelvia rachète Quibix et Lumeo pour 30 millions d'euros.",
        "Kelvia a annoncé l'acquisition de Quibix et Lumeo pour 30 millions d'euros.",
    ],
)
def test_companies_sharing_one_preposition_are_one_transaction(nlp, text):
    assert party_sets(nlp(text), "acquisition") == [frozenset({"Kelvia", "Quibix", "Lumeo"})]


def _deal(doc, kind: str, roles: dict[str, str], **extra) -> dict:
    return {
        "type": kind,
        "parties": [{"name": n, "role": r} for n, r in roles.items()],
        "amount": {"value": 30_000_000, "currency": "EUR"},
        "start": 0,
        "end": len(doc.text),
        "confidence": 0.8,
        **extra,
    }


def test_the_amount_and_stake_told_once_stay_with_the_first(nlp):
    doc = nlp("Le fonds Valtor détient des participations de Quibix et de Lumeo.")
    deal = _deal(
        doc, "investment", {"Valtor": "investor", "Quibix": "target", "Lumeo": "target"}, stake=20
    )
    first, second = split_listed_targets(doc, [deal])
    assert [p["name"] for p in first["parties"]] == ["Valtor", "Quibix"]
    assert [p["name"] for p in second["parties"]] == ["Valtor", "Lumeo"]
    assert first["amount"] == deal["amount"] and first["stake"] == 20
    assert second["amount"] is None and "stake" not in second


def test_a_part_already_told_is_not_told_twice(nlp):
    doc = nlp("Kelvia a annoncé l'acquisition de Quibix et de Lumeo.")
    roles = {"Kelvia": "acquirer", "Quibix": "target", "Lumeo": "target"}
    told = _deal(doc, "acquisition", {"Kelvia": "acquirer", "Lumeo": "target"})
    out = split_listed_targets(doc, [_deal(doc, "acquisition", roles), told])
    assert [{p["name"] for p in d["parties"]} for d in out] == [
        {"Kelvia", "Quibix"},
        {"Kelvia", "Lumeo"},
    ]
    assert out[1] is told


def test_a_list_read_only_partly_as_targets_is_left_alone(nlp):
    doc = nlp("Le fonds Valtor détient des participations de Quibix et de Lumeo.")
    # Lumeo read as a second holder: the deal does not say the list is its targets
    deal = _deal(doc, "investment", {"Valtor": "investor", "Quibix": "target", "Lumeo": "investor"})
    assert split_listed_targets(doc, [deal]) == [deal]
    # no buyer or holder outside the list: nothing to give each part
    bare = _deal(doc, "acquisition", {"Quibix": "target", "Lumeo": "target"})
    assert split_listed_targets(doc, [bare]) == [bare]
