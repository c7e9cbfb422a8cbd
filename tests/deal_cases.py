"""How a table-driven deal case is checked: shared by the deal tests."""

from __future__ import annotations

import pytest

# An expected amount that says the deal must have none (None means any amount).
NO_AMOUNT = "no amount"


def investments(doc) -> list[dict[str, str]]:
    """``{name: role}`` of every investment of ``doc``."""
    return [
        {p["name"]: p["role"] for p in d["parties"]}
        for d in doc._.deals
        if d["type"] == "investment"
    ]


def matches(deal: dict, expected: tuple) -> bool:
    """Does ``deal`` (the component's dict) match ``(type, {name: role}, amount, certainty)``?
    ``amount`` None means any, ``NO_AMOUNT`` none; otherwise within 0.5 %."""
    dtype, parties, amount, cert = expected
    got = {p["name"]: p["role"] for p in deal["parties"]}
    if deal["type"] != dtype or got != parties or deal["certainty"] != cert:
        return False
    if amount is None:
        return True
    if amount == NO_AMOUNT:
        return deal["amount"] is None
    return deal["amount"] is not None and abs(deal["amount"]["value"] - amount) <= amount * 0.005


def assert_deals(deals: list[dict], expected: list[tuple]) -> None:
    """Exactly the expected deals, each matched by one found."""
    assert len(deals) == len(expected), deals
    for exp in expected:
        assert any(matches(d, exp) for d in deals), (exp, deals)


def case_params(cases: list, strict_gaps: dict[str, str], loose_gaps: dict[str, str] | None = None):
    """``pytest.param``s of ``(id, text, expected)`` cases: known gaps of the component
    itself as strict xfails (a fix is noticed), upstream ones as loose xfails."""
    for case_id, text, expected in cases:
        marks = []
        if loose_gaps and case_id in loose_gaps:
            marks.append(pytest.mark.xfail(reason=loose_gaps[case_id], strict=False))
        if case_id in strict_gaps:
            marks.append(pytest.mark.xfail(reason=strict_gaps[case_id], strict=True))
        yield pytest.param(text, expected, id=case_id, marks=marks)
