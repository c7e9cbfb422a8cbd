"""The second development corpus (tests/data/dev_b): integrity of its gold, and score floors.

Thirty articles written and annotated from docs/GUIDELINES.md alone, before the annotator
read the implementation (docs/dev_b_corpus.md). They aim at the wording of real French
business news that a rule-based reader tends to miss: nominal deals, verbless headlines,
idioms (« met la main sur », « tombe dans l'escarcelle de »), appositions, quotes, several
deals per sentence, deals told again with « la start-up » or « l'ETI », hedged, abandoned
and denied deals, money with no deal. docs/deal_errors.md lists what the library misses.

Unlike tests/data/heldout, this corpus is for development: the deal rules may be tuned on
it (never keyed to its strings). The integrity tests need no model. The score test runs
the pipeline once and asserts floors set about 0.03 under the figures measured when the
corpus was added: raise them as the library improves; never lower one to make a change
pass, and never edit the gold to match the output.
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

DEV_B = Path(__file__).resolve().parent / "data" / "dev_b"
GOLD = DEV_B / "gold.jsonl"

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
    return (DEV_B / f"{article_id}.txt").read_text(encoding="utf-8")


def _published_is_shown(article: dict[str, Any]) -> bool:
    """True when the text itself shows the publication date (a dated line, with its year)."""
    published = article["published"]
    return published is not None and any(
        d["value"] == published and YEAR.search(d["text"]) for d in article["dates"]
    )


def corpus_items() -> list[dict[str, Any]]:
    """The articles as ``extract_many`` items, in gold order.

    ``published`` is passed as metadata only for articles whose text does not show it, as a
    news feed would give it; a dated first line is left for the library to read.
    """
    items = []
    for art in GOLD_ARTICLES:
        item = {"id": art["id"], "text": _text(art["id"])}
        if art["published"] is not None and not _published_is_shown(art):
            item["published"] = art["published"]
        items.append(item)
    return items


def _in_text_order(text: str, snippets: list[str]) -> bool:
    """True when the snippets occur in the text one after the other, in list order."""
    pos = 0
    for snippet in snippets:
        found = text.find(snippet, pos)
        if found < 0:
            return False
        pos = found + len(snippet)
    return True


# --------------------------------------------------------------------------- integrity


def test_every_txt_has_one_gold_line_and_vice_versa() -> None:
    ids = [a["id"] for a in GOLD_ARTICLES]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert sorted(ids) == sorted(p.stem for p in DEV_B.glob("*.txt"))
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
    assert _in_text_order(text, [i["text"] for i in art["money"]])


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_date_items(art: dict[str, Any]) -> None:
    text = _text(art["id"])
    for item in art["dates"]:
        assert list(item) == ["text", "value"], item
        assert item["value"] is None or ISO_VALUE.match(item["value"]), item
        if art["published"] is None:
            assert item["value"] is not None or not YEAR.search(item["text"]), item
        else:
            assert item["value"] is not None, item
    for snippet, n in Counter(i["text"] for i in art["dates"]).items():
        assert text.count(snippet) >= n, f"{snippet!r} listed {n}x"
    assert _in_text_order(text, [i["text"] for i in art["dates"]])


@pytest.mark.parametrize("art", ARTICLE_CASES)
def test_shown_publication_date_is_the_first_line(art: dict[str, Any]) -> None:
    """A shown publication date sits on the first line; a hidden one is nowhere in the text."""
    first_line = _text(art["id"]).splitlines()[0]
    shown = _published_is_shown(art)
    assert shown == any(
        d["value"] == art["published"] and d["text"] in first_line for d in art["dates"]
    )


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
def dev_b_scores(nlp) -> dict[str, Any]:
    """The scorer's report on the whole corpus (the model runs once, in text order)."""
    pred = [a.to_dict() for a in aiextract.extract_many(corpus_items(), nlp=nlp)]
    return score(GOLD_ARTICLES, pred)


# Measured on 2026-11-30 (docs/dev_b_corpus.md): orgs 0.933, people 0.972, money 1.000,
# dates 0.989, deals typed 0.479 (P 0.773, R 0.347), untyped 0.507; at the end of that
# session: orgs 0.958, people 0.972, deals typed 0.584 (P 0.804, R 0.459), untyped 0.610
# (after new triggers taken from docs/deal_errors.md, so no longer an out-of-sample figure);
# at the end of 2026-12-01 (session 4): orgs 0.967, people 0.972, money 1.000, dates 0.989,
# deals typed 0.793 (P 0.944, R 0.684), untyped 0.793.
DEV_B_FLOORS = [
    ("orgs", 0.93),
    ("people", 0.94),
    ("money", 0.97),
    ("dates", 0.95),
    ("deals_typed", 0.76),
    ("deals_untyped", 0.76),
]
# Attribute accuracies move when recall moves (a new match may bring a wrong date), so
# these floors count correct attributes, which a gain in recall does not lower. Measured
# at the end of 2026-11-30: amount 33/45, date 40/45, roles 83/100, certainty 43/45; at the
# end of 2026-12-01: amount 57/67, date 56/67, roles 136/156, certainty 66/67.
ATTRIBUTE_FLOORS = [("amount", 54), ("date", 53), ("roles", 130), ("certainty", 63)]


def test_every_article_is_scored(dev_b_scores: dict[str, Any]) -> None:
    articles = dev_b_scores["articles"]
    assert articles["scored"] == len(GOLD_ARTICLES)
    assert articles["failed_pred"] == []


@pytest.mark.parametrize(("field", "floor"), DEV_B_FLOORS, ids=[f for f, _ in DEV_B_FLOORS])
def test_dev_b_f1_floor(dev_b_scores: dict[str, Any], field: str, floor: float) -> None:
    assert dev_b_scores[field]["f1"] >= floor, dev_b_scores[field]


@pytest.mark.parametrize(
    ("attribute", "floor"), ATTRIBUTE_FLOORS, ids=[a for a, _ in ATTRIBUTE_FLOORS]
)
def test_dev_b_deal_attribute_floor(
    dev_b_scores: dict[str, Any], attribute: str, floor: int
) -> None:
    assert dev_b_scores["deal_attributes"][attribute]["correct"] >= floor, dev_b_scores[
        "deal_attributes"
    ][attribute]
