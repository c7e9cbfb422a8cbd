"""Deals compared by who is in them: the party names of each deal of one type."""

from __future__ import annotations

from collections.abc import Iterable


def party_sets(doc, deal_type: str) -> list[frozenset[str]]:
    """The names of each ``deal_type`` deal of ``doc``, as sets, in a fixed order."""
    return as_sets((p["name"] for p in d["parties"]) for d in doc._.deals if d["type"] == deal_type)


def as_sets(groups: Iterable[Iterable[str]]) -> list[frozenset[str]]:
    """Groups of names as sets, sorted as ``party_sets`` sorts them."""
    return sorted(map(frozenset, groups), key=sorted)
