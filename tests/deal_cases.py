"""How a table-driven deal case is checked: shared by the deal tests."""

from __future__ import annotations


def matches(deal: dict, expected: tuple) -> bool:
    """Does ``deal`` (the component's dict) match ``(type, {name: role}, amount, certainty)``?
    ``amount`` None means any; otherwise within 0.5 %."""
    dtype, parties, amount, cert = expected
    got = {p["name"]: p["role"] for p in deal["parties"]}
    if deal["type"] != dtype or got != parties or deal["certainty"] != cert:
        return False
    if amount is None:
        return True
    return deal["amount"] is not None and abs(deal["amount"]["value"] - amount) <= amount * 0.005


def assert_deals(deals: list[dict], expected: list[tuple]) -> None:
    """Exactly the expected deals, each matched by one found."""
    assert len(deals) == len(expected), deals
    for exp in expected:
        assert any(matches(d, exp) for d in deals), (exp, deals)
