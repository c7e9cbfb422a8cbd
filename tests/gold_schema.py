"""The shape of a gold file, as docs/GUIDELINES.md defines it: shared by the integrity
tests of the dev, dev_b and held-out corpora."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from aiextract.records import ROLES_BY_TYPE

ARTICLE_KEYS = ["id", "published", "orgs", "people", "money", "dates", "deals"]
DEAL_KEY_ORDER = ["type", "parties", "amount", "date", "name", "valuation", "stake", "certainty"]
CERTAINTIES = {"stated", "hedged"}
ISO_VALUE = re.compile(
    r"^\d{4}(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?$"
)
ISO_DAY = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


# Checks shared by the corpora's integrity tests: each asserts, for one article or deal.


def check_weekdays(art: dict[str, Any]) -> None:
    """A date written as a bare weekday resolves to a day that is that weekday."""
    for item in art["dates"]:
        word = item["text"].split()[0].lower()
        if word in WEEKDAYS and item["value"] is not None:
            day = dt.date.fromisoformat(item["value"])
            assert WEEKDAYS[day.weekday()] == word, item
            if len(item["text"].split()) == 1:  # relative: within a week of publication
                gap = (day - dt.date.fromisoformat(art["published"])).days
                assert -7 < gap < 7, item


def check_deal_shape(deal: dict[str, Any]) -> None:
    assert [k for k in DEAL_KEY_ORDER if k in deal] == list(deal), "unknown or misordered key"
    assert {"type", "parties", "amount", "date", "certainty"} <= set(deal)
    assert deal["type"] in ROLES_BY_TYPE
    assert deal["certainty"] in CERTAINTIES
    assert {p["role"] for p in deal["parties"]} <= ROLES_BY_TYPE[deal["type"]]
    assert all(list(p) == ["name", "role"] for p in deal["parties"])
    for key in ("amount", "valuation"):
        if deal.get(key) is not None:
            assert list(deal[key]) == ["value", "currency"]
            assert CURRENCY.match(deal[key]["currency"])
    assert deal["date"] is None or ISO_VALUE.match(deal["date"])
    if "stake" in deal:
        assert deal["type"] == "investment" and 0 < deal["stake"] <= 100
    if "valuation" in deal:
        assert deal["type"] == "funding"


def check_required_parties(deal: dict[str, Any]) -> None:
    roles = Counter(p["role"] for p in deal["parties"])
    if deal["type"] == "funding":
        assert roles["target"] == 1
    elif deal["type"] == "hire":
        assert roles["employer"] == 1 and (roles["person"] or roles["source"])
    else:
        assert sum(n for r, n in roles.items() if r != "person") >= 2
    names = [p["name"] for p in deal["parties"]]
    assert len(set(names)) == len(names), "a party listed twice"


def check_deal_values(art: dict[str, Any], deal: dict[str, Any]) -> None:
    for party in deal["parties"]:
        pool = art["people"] if party["role"] == "person" else art["orgs"]
        assert party["name"] in pool, party
    money = {(m["value"], m["currency"]) for m in art["money"]}
    for key in ("amount", "valuation"):
        if deal.get(key) is not None:
            assert (deal[key]["value"], deal[key]["currency"]) in money, deal[key]
    if deal["date"] is not None:
        assert deal["date"] in {d["value"] for d in art["dates"]}
