"""Integrity checks of the development corpus itself (tests/data/dev), no model needed.

The gold in ``tests/data/dev/gold.jsonl`` must follow docs/GUIDELINES.md; these checks
catch the mechanical mistakes (missing files, texts that are not substrings of their
article, unknown deal types or roles, deals without the parties they need).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from tests.gold_schema import (
    ARTICLE_KEYS,
    CERTAINTIES,
    CURRENCY,
    DEAL_KEY_ORDER,
    ROLES_BY_TYPE,
)
from tests.gold_schema import ISO_VALUE as ISO_DATE

DEV = Path(__file__).resolve().parent / "data" / "dev"
GOLD = DEV / "gold.jsonl"

DEAL_KEYS = set(DEAL_KEY_ORDER)
ISO_DAY = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def _load_gold() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD_ARTICLES = _load_gold()
BY_ID = {a["id"]: a for a in GOLD_ARTICLES}


def _text(article_id: str) -> str:
    return (DEV / f"{article_id}.txt").read_text(encoding="utf-8")


def _deal_cases() -> list[Any]:
    cases = []
    for art in GOLD_ARTICLES:
        for i, deal in enumerate(art["deals"]):
            cases.append(pytest.param(art, deal, id=f"{art['id']}#{i}-{deal.get('type')}"))
    return cases


ARTICLE_CASES = [pytest.param(a, id=a["id"]) for a in GOLD_ARTICLES]


def test_every_txt_has_one_gold_line_and_vice_versa() -> None:
    stems = sorted(p.stem for p in DEV.glob("*.txt"))
    ids = [a["id"] for a in GOLD_ARTICLES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sorted(ids) == stems


def test_corpus_has_at_least_thirty_articles() -> None:
    assert len(GOLD_ARTICLES) >= 30


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_article_keys_and_published(art: dict[str, Any]) -> None:
    assert list(art) == ARTICLE_KEYS
    assert art["published"] is None or ISO_DAY.match(art["published"])
    assert all(isinstance(x, str) and x for x in art["orgs"] + art["people"])
    assert len(set(art["orgs"])) == len(art["orgs"])
    assert len(set(art["people"])) == len(art["people"])


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_money_items_occur_in_article(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    for item in art["money"]:
        assert set(item) <= {"text", "value", "currency", "max"}, item
        assert CURRENCY.match(item["currency"]), item
        assert isinstance(item["value"], (int, float)) and item["value"] > 0, item
        if "max" in item:
            assert item["max"] > item["value"], item
    for snippet, n in Counter(i["text"] for i in art["money"]).items():
        assert text.count(snippet) >= n, f"{snippet!r} listed {n}x"


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_date_items_occur_in_article(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    for item in art["dates"]:
        assert set(item) == {"text", "value"}, item
        assert item["value"] is None or ISO_DATE.match(item["value"]), item
    for snippet, n in Counter(i["text"] for i in art["dates"]).items():
        assert text.count(snippet) >= n, f"{snippet!r} listed {n}x"


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_names_occur_in_article(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    missing = [n for n in art["orgs"] + art["people"] if n not in text]
    assert missing == []


@pytest.mark.parametrize(("art", "deal"), _deal_cases())
def test_deal_shape(art: dict[str, Any], deal: dict[str, Any]) -> None:
    assert set(deal) <= DEAL_KEYS
    assert [k for k in DEAL_KEY_ORDER if k in deal] == list(deal), "deal keys out of order"
    assert {"type", "parties", "amount", "date", "certainty"} <= set(deal)
    assert deal["type"] in ROLES_BY_TYPE
    assert deal["certainty"] in CERTAINTIES
    roles = [p["role"] for p in deal["parties"]]
    assert set(roles) <= ROLES_BY_TYPE[deal["type"]], roles
    for key in ("amount", "valuation"):
        if deal.get(key) is not None:
            assert set(deal[key]) == {"value", "currency"}
            assert CURRENCY.match(deal[key]["currency"])
    assert deal["date"] is None or ISO_DATE.match(deal["date"])
    if "stake" in deal:
        assert deal["type"] == "investment" and 0 < deal["stake"] <= 100
    if "valuation" in deal:
        assert deal["type"] == "funding"


@pytest.mark.parametrize(("art", "deal"), _deal_cases())
def test_deal_has_required_parties(art: dict[str, Any], deal: dict[str, Any]) -> None:
    roles = Counter(p["role"] for p in deal["parties"])
    if deal["type"] == "funding":
        assert roles["target"] == 1
    elif deal["type"] == "hire":
        assert roles["employer"] == 1 and (roles["person"] or roles["source"])
    else:
        orgs = [p for p in deal["parties"] if p["role"] != "person"]
        assert len(orgs) >= 2


@pytest.mark.parametrize(("art", "deal"), _deal_cases())
def test_deal_parties_are_mentioned_entities(art: dict[str, Any], deal: dict[str, Any]) -> None:
    for party in deal["parties"]:
        pool = art["people"] if party["role"] == "person" else art["orgs"]
        assert party["name"] in pool, party


@pytest.mark.parametrize(("art", "deal"), _deal_cases())
def test_deal_amount_and_date_come_from_mentions(art: dict[str, Any], deal: dict[str, Any]) -> None:
    values = {(m["value"], m["currency"]) for m in art["money"]}
    for key in ("amount", "valuation"):
        if deal.get(key) is not None:
            assert (deal[key]["value"], deal[key]["currency"]) in values, deal[key]
    if deal["date"] is not None:
        assert deal["date"] in {d["value"] for d in art["dates"]}


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_published_is_shown_in_article(art: dict[str, Any]) -> None:
    """A publication date is set only when the article shows it, as one of its dates."""
    if art["published"] is not None:
        assert art["published"] in {d["value"] for d in art["dates"]}
