"""Annotation drafts to gold lines: strings located in the text, offsets computed.

Annotators quote the text instead of counting characters (``corpus/ANNOTATING.md``):
a deal's ``evidence`` is a list of exact passages, its ``trigger`` the words that tell
it, each party's ``mentions`` the words that name it in the evidence (a name, a
description, a pronoun). A quote may pin one place with brackets, ``"[elle] a levé"``:
the bracketed part is the mention, the rest only finds it. ``check_draft`` lists every
problem; ``gold_line`` gives the gold line with character offsets (text-free: no
passage of the page is stored, only offsets and the short words of triggers and
mentions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from aiextract.evaluate import names_match
from aiextract.records import CERTAINTIES, ROLES_BY_TYPE

DEAL_ROLES = ROLES_BY_TYPE
DATE_VALUE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-H[12])?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
_SPACES = re.compile(r"\s+")

Span = tuple[int, int]


class DraftError(ValueError):
    """A draft that cannot become a gold line; the message lists every problem."""


def find_all(text: str, quote: str, within: Iterable[Span] | None = None) -> list[Span]:
    """Every place of ``quote`` in ``text`` (spaces matched loosely), optionally inside spans.

    A quote with ``[...]`` returns the bracketed part's places only; when that finds
    nothing, the quote is read literally (a text may hold brackets: « […] »).
    """
    found = _find(text, quote, within)
    if not found and "[" in quote:
        found = _find(text, quote, within, markers=False)
    return found


def _find(
    text: str, quote: str, within: Iterable[Span] | None, *, markers: bool = True
) -> list[Span]:
    left, mark, rest = quote.partition("[") if markers else ("", "", "")
    inner, close, right = rest.partition("]")
    if not (mark and close):
        left, inner, right = "", quote, ""
    if not inner.strip():
        return []
    pattern = _loose(left) + "(" + _loose(inner) + ")" + _loose(right)
    boundary_l = r"(?<!\w)" if re.match(r"\w", (left or inner)) else ""
    boundary_r = r"(?!\w)" if re.search(r"\w$", (right or inner)) else ""
    found = [(m.start(1), m.end(1)) for m in re.finditer(boundary_l + pattern + boundary_r, text)]
    if within is not None:
        spans = list(within)
        found = [f for f in found if any(s <= f[0] and f[1] <= e for s, e in spans)]
    return found


def _loose(quote: str) -> str:
    """A regex for ``quote`` where any run of spaces matches any run of spaces."""
    parts = _SPACES.split(quote)
    return r"\s+".join(re.escape(p) for p in parts) if quote.strip() else re.escape(quote)


def _first_after(text: str, quote: str, start: int) -> Span | None:
    spans = find_all(text, quote)
    after = [s for s in spans if s[0] >= start]
    return (after or spans or [None])[0]


def _amount_problems(where: str, amount: Any) -> list[str]:
    if amount is None:
        return []
    if not isinstance(amount, Mapping):
        return [f"{where}: must be an object or null"]
    problems = []
    if not isinstance(amount.get("value"), (int, float)):
        problems.append(f"{where}: value must be a number")
    if not CURRENCY.match(str(amount.get("currency", ""))):
        problems.append(f"{where}: currency must be an ISO 4217 code")
    return problems


def check_draft(draft: Mapping[str, Any], text: str) -> list[str]:
    """Every problem of a draft against its text (empty when it is ready)."""
    problems: list[str] = []
    for key in ("id", "orgs", "people", "money", "dates", "deals"):
        if key not in draft:
            problems.append(f"missing key {key!r}")
    if problems:
        return problems
    published = draft.get("published")
    if published is not None and not DATE_VALUE.match(str(published)):
        problems.append(f"published {published!r} is not an ISO date")
    for i, item in enumerate(draft["money"]):
        where = f"money[{i}] {item.get('text')!r}"
        if not find_all(text, str(item.get("text", ""))):
            problems.append(f"{where}: text not found in the article")
        problems += _amount_problems(where, item)
    for i, item in enumerate(draft["dates"]):
        where = f"dates[{i}] {item.get('text')!r}"
        if not find_all(text, str(item.get("text", ""))):
            problems.append(f"{where}: text not found in the article")
        value = item.get("value")
        if value is not None and not DATE_VALUE.match(str(value)):
            problems.append(f"{where}: value {value!r} is not ISO at a grain")
    names = [*draft["orgs"], *draft["people"]]
    for i, deal in enumerate(draft["deals"]):
        problems += [f"deals[{i}] {p}" for p in _deal_problems(deal, text, names)]
    return problems


def _deal_problems(deal: Mapping[str, Any], text: str, names: list[str]) -> list[str]:
    kind = deal.get("type")
    if kind not in DEAL_ROLES:
        return [f"type {kind!r} is not one of {sorted(DEAL_ROLES)}"]
    problems: list[str] = []
    if deal.get("certainty") not in CERTAINTIES:
        problems.append(f"certainty {deal.get('certainty')!r} is not stated/hedged")
    evidence: list[Span] = []
    for quote in deal.get("evidence") or []:
        spans = find_all(text, quote)
        if not spans:
            problems.append(f"evidence not found: {quote[:60]!r}")
        evidence += spans[:1]
    if not evidence:
        problems.append("no evidence passage found")
    for quote in deal.get("trigger") or []:
        if not find_all(text, quote, evidence):
            problems.append(f"trigger {quote!r} not found inside the evidence")
    if not deal.get("trigger"):
        problems.append("no trigger")
    roles = []
    for party in deal.get("parties") or []:
        role, name = party.get("role"), str(party.get("name", ""))
        roles.append(role)
        if role not in DEAL_ROLES[kind]:
            allowed = sorted(DEAL_ROLES[kind])
            problems.append(f"party {name!r}: role {role!r} is not one of {allowed}")
        if not any(names_match(name, other) for other in names):
            problems.append(f"party {name!r} is in neither orgs nor people")
        for quote in party.get("mentions") or []:
            if not find_all(text, quote, evidence):
                problems.append(f"party {name!r}: mention {quote!r} not inside the evidence")
    problems += _required_parties(kind, roles)
    for key in ("amount", "valuation"):
        problems += _amount_problems(key, deal.get(key))
    date = deal.get("date")
    if date is not None and not DATE_VALUE.match(str(date)):
        problems.append(f"date {date!r} is not ISO at a grain")
    return problems


def _required_parties(kind: str, roles: list[str]) -> list[str]:
    """The guidelines' minimum parties for a deal of this type."""
    if kind == "funding":
        return [] if "target" in roles else ["a funding deal needs its target"]
    if kind == "hire":
        ok = "employer" in roles and ("person" in roles or "source" in roles)
        return [] if ok else ["a hire needs its employer and a person or a source"]
    orgs = [r for r in roles if r != "person"]
    return [] if len(orgs) >= 2 else [f"a {kind} needs at least two organisation parties"]


def gold_line(draft: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The gold line of a checked draft, with offsets (raises ``DraftError`` if not ready)."""
    problems = check_draft(draft, text)
    if problems:
        raise DraftError(f"{draft.get('id')}: " + "; ".join(problems))
    line: dict[str, Any] = {
        "id": draft["id"],
        "published": draft.get("published"),
        "orgs": list(draft["orgs"]),
        "people": list(draft["people"]),
        "money": _located(draft["money"], text, ("text", "value", "currency", "max")),
        "dates": _located(draft["dates"], text, ("text", "value")),
        "deals": [_gold_deal(deal, text) for deal in draft["deals"]],
    }
    for key in ("annotators",):
        if key in draft:
            line[key] = draft[key]
    return line


def _located(items: list[Mapping[str, Any]], text: str, keys: tuple[str, ...]) -> list[dict]:
    """Items with ``start``/``end``: each text at its next place after the previous item."""
    out, cursor = [], 0
    for item in items:
        row = {k: item[k] for k in keys if k in item}
        span = _first_after(text, str(item["text"]), cursor)
        if span:
            row["start"], row["end"] = span
            cursor = span[0] + 1
        out.append(row)
    return out


def _gold_deal(deal: Mapping[str, Any], text: str) -> dict[str, Any]:
    evidence = [find_all(text, quote)[0] for quote in deal["evidence"]]
    out: dict[str, Any] = {
        "type": deal["type"],
        "parties": [
            {
                "name": party["name"],
                "role": party["role"],
                "mentions": [
                    {"start": s, "end": e, "text": text[s:e]}
                    for quote in party.get("mentions") or []
                    for s, e in find_all(text, quote, evidence)
                ],
            }
            for party in deal["parties"]
        ],
        "amount": _money(deal.get("amount")),
        "date": deal.get("date"),
        "certainty": deal["certainty"],
    }
    for key in ("name", "stake"):
        if deal.get(key) is not None:
            out[key] = deal[key]
    if deal.get("valuation") is not None:
        out["valuation"] = _money(deal["valuation"])
    out["evidence"] = [{"start": s, "end": e} for s, e in evidence]
    out["trigger"] = [
        {"start": s, "end": e, "text": text[s:e]}
        for quote in deal["trigger"]
        for s, e in find_all(text, quote, evidence)[:1]
    ]
    return out


def _money(amount: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {k: amount[k] for k in ("value", "currency", "max") if k in amount}
