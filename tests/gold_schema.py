"""The shape of a gold file, as docs/GUIDELINES.md defines it: shared by the integrity
tests of the dev, dev_b and held-out corpora."""

from __future__ import annotations

import re

ARTICLE_KEYS = ["id", "published", "orgs", "people", "money", "dates", "deals"]
DEAL_KEY_ORDER = ["type", "parties", "amount", "date", "name", "valuation", "stake", "certainty"]
ROLES_BY_TYPE: dict[str, set[str]] = {
    "funding": {"target", "investor"},
    "investment": {"investor", "target"},
    "acquisition": {"acquirer", "target", "seller"},
    "partnership": {"partner"},
    "contract": {"buyer", "supplier"},
    "hire": {"employer", "person", "source"},
}
CERTAINTIES = {"stated", "hedged"}
ISO_VALUE = re.compile(
    r"^\d{4}(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?$"
)
ISO_DAY = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
