"""The held-out corpus (tests/data/heldout): integrity of its gold, and score floors.

The corpus was written and annotated from docs/GUIDELINES.md alone, by someone who had
not read the implementation (docs/heldout_corpus.md). Nothing in ``src/`` may be tuned on
it: its scores are the honest measure of the library on unseen French articles.

The integrity tests need no model. The score test runs the pipeline once on the 30
articles and asserts floors set about 0.03 under the figures measured when the corpus was
added, so that a regression is caught. Raise a floor when the library improves; never
lower one to make a change pass, and never edit the gold to match the output.
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
    CURRENCY,
    ISO_DAY,
    ISO_VALUE,
    ROLES_BY_TYPE,
    check_deal_shape,
    check_deal_values,
    check_required_parties,
    check_weekdays,
)

import aiextract
from aiextract.evaluate import score

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
GOLD = HELDOUT / "gold.jsonl"

WORD = re.compile(r"\w+")
YEAR = re.compile(r"\d{4}")


def _load_gold() -> list[dict[str, Any]]:
    """Gold lines; a broken line fails here with its number rather than later."""
    articles = []
    for lineno, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                articles.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - message for the annotator
                raise AssertionError(f"gold.jsonl:{lineno} is not valid JSON: {exc}") from None
    return articles


GOLD_ARTICLES = _load_gold()
ARTICLE_CASES = [pytest.param(a, id=a["id"]) for a in GOLD_ARTICLES]
DEAL_CASES = [
    pytest.param(a, d, id=f"{a['id']}#{i}-{d.get('type')}")
    for a in GOLD_ARTICLES
    for i, d in enumerate(a["deals"])
]


def _text(article_id: str) -> str:
    return (HELDOUT / f"{article_id}.txt").read_text(encoding="utf-8")


def _published_is_shown(article: dict[str, Any]) -> bool:
    """True when the text itself shows the publication date (a dated line, with its year)."""
    published = article["published"]
    return published is not None and any(
        d["value"] == published and YEAR.search(d["text"]) for d in article["dates"]
    )


# --------------------------------------------------------------------------- integrity


def test_every_txt_has_one_gold_line_and_vice_versa() -> None:
    ids = [a["id"] for a in GOLD_ARTICLES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sorted(ids) == sorted(p.stem for p in HELDOUT.glob("*.txt"))
    assert len(ids) == 30


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_article_shape(art: dict[str, Any]) -> None:
    assert list(art) == ARTICLE_KEYS
    assert re.fullmatch(r"\d{3}_[a-z0-9_]+", art["id"]), art["id"]
    assert art["published"] is None or ISO_DAY.match(art["published"])
    for key in ("orgs", "people"):
        assert all(isinstance(x, str) and x.strip() == x and x for x in art[key])
        assert len(set(art[key])) == len(art[key]), f"duplicate in {key}"
    assert 120 <= len(WORD.findall(_text(art["id"]))) <= 400


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_names_occur_in_article(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    assert [n for n in art["orgs"] + art["people"] if n not in text] == []


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_money_items(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    for item in art["money"]:
        assert list(item)[:3] == ["text", "value", "currency"], item
        assert set(item) <= {"text", "value", "currency", "max"}, item
        assert CURRENCY.match(item["currency"]), item
        assert isinstance(item["value"], (int, float)) and item["value"] > 0, item
        if "max" in item:
            assert item["max"] > item["value"], item
    for snippet, n in Counter(i["text"] for i in art["money"]).items():
        assert text.count(snippet) >= n, f"{snippet!r} listed {n}x"


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_date_items(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    for item in art["dates"]:
        assert list(item) == ["text", "value"], item
        assert item["value"] is None or ISO_VALUE.match(item["value"]), item
        if art["published"] is None:
            assert item["value"] is not None or not YEAR.search(item["text"]), item
    for snippet, n in Counter(i["text"] for i in art["dates"]).items():
        assert text.count(snippet) >= n, f"{snippet!r} listed {n}x"


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_weekdays_fall_on_their_day(art: dict[str, Any]) -> None:
    check_weekdays(art)


@pytest.mark.parametrize(("art", "deal"), DEAL_CASES)
def test_deal_shape(art: dict[str, Any], deal: dict[str, Any]) -> None:
    check_deal_shape(deal)


@pytest.mark.parametrize(("art", "deal"), DEAL_CASES)
def test_deal_has_required_parties(art: dict[str, Any], deal: dict[str, Any]) -> None:
    check_required_parties(deal)


@pytest.mark.parametrize(("art", "deal"), DEAL_CASES)
def test_deal_values_come_from_mentions(art: dict[str, Any], deal: dict[str, Any]) -> None:
    check_deal_values(art, deal)


COVERAGE = [
    pytest.param(lambda t: "\u202f" in t, id="narrow-nbsp"),
    pytest.param(lambda t: "\u00a0" in t, id="nbsp"),
    pytest.param(lambda t: "’" in t, id="curly-apostrophe"),
    pytest.param(lambda t: "'" in t, id="straight-apostrophe"),
    pytest.param(lambda t: "«" in t, id="french-quotes"),
    pytest.param(lambda t: '"' in t, id="straight-quotes"),
]


@pytest.mark.parametrize("has", COVERAGE)
def test_corpus_keeps_its_typography_variants(has: Any) -> None:
    assert any(has(_text(a["id"])) for a in GOLD_ARTICLES)


def test_corpus_covers_every_deal_type_and_case() -> None:
    deals = [d for a in GOLD_ARTICLES for d in a["deals"]]
    assert set(Counter(d["type"] for d in deals)) == set(ROLES_BY_TYPE)
    assert any(d["certainty"] == "hedged" for d in deals)
    assert any("name" in d for d in deals) and any("stake" in d for d in deals)
    assert any("valuation" in d for d in deals)
    assert any(not a["deals"] for a in GOLD_ARTICLES)
    assert any(a["published"] is None for a in GOLD_ARTICLES)
    assert any(a["published"] and not _published_is_shown(a) for a in GOLD_ARTICLES)
    assert any(_published_is_shown(a) for a in GOLD_ARTICLES)


# --------------------------------------------------------------------------- scores


@pytest.fixture(scope="module")
def heldout_scores(nlp) -> dict[str, Any]:
    """The scorer's report on the whole corpus (the model runs once, in text order).

    ``published`` is passed as metadata only for articles whose text does not show it,
    as a news feed would give it; a dated first line is left for the library to read.
    """
    items = []
    for art in GOLD_ARTICLES:
        item = {"id": art["id"], "text": _text(art["id"])}
        if art["published"] is not None and not _published_is_shown(art):
            item["published"] = art["published"]
        items.append(item)
    pred = [a.to_dict() for a in aiextract.extract_many(items, nlp=nlp)]
    return score(GOLD_ARTICLES, pred)


# Measured on 2026-11-30 (docs/heldout_corpus.md), first at the corpus's commit: orgs 0.841,
# people 0.941, money 1.000, dates 0.987, deals typed 0.503, untyped 0.517; then at the end
# of that session: orgs 0.923, people 0.960, money 1.000, dates 0.987, deals typed 0.581
# (P 0.849, R 0.441), untyped 0.606; at the end of 2026-12-01 (measured once, not tuned on):
# orgs 0.937, people 0.960, money 1.000, dates 0.987, deals typed 0.604 (P 0.842, R 0.471),
# untyped 0.629. Floors sit about 0.03 under the latest.
HELDOUT_FLOORS = [
    ("orgs", 0.90),
    ("people", 0.93),
    ("money", 0.97),
    ("dates", 0.95),
    ("deals_typed", 0.57),
    ("deals_untyped", 0.60),
]
# Attribute accuracies move when recall moves (a new match may bring a wrong date), so
# these floors count correct attributes, which a gain in recall does not lower. Measured
# at the end of 2026-11-30: amount 38/45, date 33/45, roles 93/105, certainty 43/45; at the
# end of 2026-12-01: amount 42/48, date 37/48, roles 103/113, certainty 45/48.
ATTRIBUTE_FLOORS = [("amount", 40), ("date", 35), ("roles", 99), ("certainty", 43)]


def test_every_article_is_scored(heldout_scores: dict[str, Any]) -> None:
    articles = heldout_scores["articles"]
    assert articles["scored"] == len(GOLD_ARTICLES)
    assert articles["failed_pred"] == []


@pytest.mark.parametrize(("field", "floor"), HELDOUT_FLOORS, ids=[f for f, _ in HELDOUT_FLOORS])
def test_heldout_f1_floor(heldout_scores: dict[str, Any], field: str, floor: float) -> None:
    assert heldout_scores[field]["f1"] >= floor, heldout_scores[field]


@pytest.mark.parametrize(
    ("attribute", "floor"), ATTRIBUTE_FLOORS, ids=[a for a, _ in ATTRIBUTE_FLOORS]
)
def test_heldout_deal_attribute_floor(
    heldout_scores: dict[str, Any], attribute: str, floor: int
) -> None:
    assert heldout_scores["deal_attributes"][attribute]["correct"] >= floor, heldout_scores[
        "deal_attributes"
    ][attribute]
