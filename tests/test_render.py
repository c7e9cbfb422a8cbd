"""``aiextract.render``: displaCy HTML of the mentions and a table of the deals."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import aiextract
import aiextract.cli
from aiextract.cli import main
from aiextract.records import Amount, Article, DateMention, Deal, Money, Party
from aiextract.render import Mark, RenderedHtml, marks_from_article, render, render_page

TEXT = (
    "La start-up nantaise Hydrolis a levé 14 millions d'euros auprès de Bpifrance et du "
    "fonds Demeter, a annoncé le 5 février 2024 sa directrice générale, Sophie Lemaire. "
    "Mme Lemaire compte recruter trente ingénieurs d'ici 2026."
)


def _marks(markup: str) -> list[tuple[str, str]]:
    """``(text, label)`` of every displaCy mark in ``markup``."""
    found = re.findall(r'<mark class="entity"[^>]*>\s*(.*?)\s*<span[^>]*>(\w+)', markup, re.S)
    return [(html.unescape(text), label) for text, label in found]


@pytest.fixture(scope="module")
def doc(nlp):
    from aiextract.api import _prepare_docs

    ((_, prepared),) = _prepare_docs(nlp, TEXT, "2024-02-06", "hydrolis")
    return nlp(prepared)


@pytest.fixture(scope="module")
def doc_html(doc) -> str:
    return render(doc, jupyter=False)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param("Hydrolis", "ORG", id="org"),
        pytest.param("Bpifrance", "ORG", id="org-investor"),
        pytest.param("Sophie Lemaire", "PER", id="person"),
        pytest.param("14 millions d'euros", "MONEY", id="money"),
        pytest.param("5 février 2024", "DATE", id="date"),
        pytest.param("2026", "DATE", id="year"),
    ],
)
def test_doc_mentions_are_marked(doc_html: str, text: str, label: str) -> None:
    assert (text, label) in _marks(doc_html)


@pytest.mark.parametrize(
    "fragment",
    [
        pytest.param("14 000 000 EUR", id="money-normalised"),
        pytest.param('title="2024-02-05"', id="date-tooltip"),
        pytest.param("<td>funding</td>", id="deal-type"),
        pytest.param('Hydrolis <span class="aiextract-role">target</span>', id="deal-target"),
        pytest.param('Bpifrance <span class="aiextract-role">investor</span>', id="deal-investor"),
        pytest.param("<td>stated</td>", id="certainty"),
    ],
)
def test_doc_values_and_deals(doc_html: str, fragment: str) -> None:
    assert fragment in doc_html


def test_string_is_run_through_the_pipeline(nlp, doc_html: str) -> None:
    markup = render(TEXT, nlp=nlp, published="2024-02-06", jupyter=False)
    assert _marks(markup) == _marks(doc_html)
    assert "<td>funding</td>" in markup


def test_article_with_text_marks_mentions(nlp) -> None:
    article = aiextract.extract(TEXT, published="2024-02-06", nlp=nlp)
    marks = _marks(render(article, text=TEXT, jupyter=False))
    assert ("Sophie Lemaire", "PER") in marks
    assert ("Lemaire", "PER") in marks  # « Mme Lemaire »: the surname alone
    assert ("14 millions d'euros", "MONEY") in marks
    assert ("Hydrolis", "ORG") in marks


def test_article_without_text_lists_mentions(nlp) -> None:
    article = aiextract.extract(TEXT, published="2024-02-06", nlp=nlp)
    markup = render(article, jupyter=False)
    assert not _marks(markup)
    assert "<b>people</b>: Sophie Lemaire" in markup
    assert "<td>funding</td>" in markup


def test_script_in_text_is_escaped(nlp) -> None:
    doc = nlp("Le fonds Kerala Ventures <script>alert('x')</script> investit à Rennes.")
    markup = render(doc, jupyter=False)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup


def _hand_article(**kwargs) -> Article:
    text = "Orvane rachète <b>Velix</b> pour 9 millions d'euros en mars 2023."
    money, date = text.index("9 millions"), text.index("mars 2023")
    defaults = dict(
        id="a<1>",
        orgs=["Orvane", "Velix"],
        money=[Money("9 millions d'euros", Decimal(9_000_000), "EUR", start=money, end=money + 18)],
        dates=[DateMention("mars 2023", "2023-03", start=date, end=date + 9)],
        deals=[
            Deal(
                "acquisition",
                (Party("Orvane", "acquirer"), Party("<script>alert(1)</script>", "target")),
                amount=Amount(Decimal(9_000_000), "EUR"),
                date="2023-03",
            )
        ],
    )
    defaults.update(kwargs)
    return Article(**defaults), text


def test_names_and_ids_are_escaped() -> None:
    article, text = _hand_article()
    markup = render(article, text=text, jupyter=False)
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "a&lt;1&gt;" in markup  # the title


def test_article_without_deals() -> None:
    article, text = _hand_article(deals=[])
    markup = render(article, text=text, jupyter=False)
    assert "No deal found." in markup
    assert ("9 millions d'euros", "MONEY") in _marks(markup)


def test_failed_article_shows_its_error() -> None:
    markup = render(Article.failed("x", "not UTF-8 <text>"), jupyter=False)
    assert "Error: not UTF-8 &lt;text&gt;" in markup


def test_not_an_article() -> None:
    with pytest.raises(TypeError, match="Doc from the aiextract pipeline"):
        render(42, jupyter=False)  # type: ignore[arg-type]


def test_jupyter_display_returns_the_html(capsys) -> None:
    article, text = _hand_article()
    markup = render(article, text=text, jupyter=True)
    assert isinstance(markup, RenderedHtml)
    assert markup == render(article, text=text, jupyter=False)


@pytest.mark.parametrize(
    ("people", "orgs", "text", "expected"),
    [
        pytest.param(
            ["Paul Girard"],
            [],
            "M. Girard et Paul Girard.",
            [Mark(3, 9, "PER", "Paul Girard"), Mark(13, 24, "PER", "")],
            id="surname-then-full-name",
        ),
        pytest.param(
            [],
            ["Nova"],
            "Novatek n'est pas Nova.",
            [Mark(18, 22, "ORG", "")],
            id="whole-words-only",
        ),
        pytest.param(
            [],
            ["Banque Lumen", "Lumen"],
            "La Banque Lumen prête.",
            [Mark(3, 15, "ORG", "")],
            id="longest-name-wins",
        ),
        pytest.param([], ["Orvane"], "Rien ici.", [], id="name-absent"),
    ],
)
def test_marks_from_article(people, orgs, text, expected) -> None:
    article = Article(id="x", people=people, orgs=orgs)
    assert marks_from_article(article, text) == expected


def test_offsets_outside_the_text_are_ignored() -> None:
    article = Article(id="x", dates=[DateMention("2023", "2023", start=40, end=44)])
    assert marks_from_article(article, "Court.") == []


def test_page_is_complete_html() -> None:
    page = render_page(["<p>un</p>", "<p>deux</p>"], title="Revue <1>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Revue &lt;1&gt;</title>" in page
    assert page.count("<hr>") == 1


def test_show_html_of_an_output_file(tmp_path: Path) -> None:
    article, _ = _hand_article()
    results = tmp_path / "out.jsonl"
    failed = Article.failed("cassé", "not valid JSON")
    lines = [json.dumps(a.to_dict(), ensure_ascii=False) for a in (article, failed)]
    results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["show", str(results), "--html", str(page)]) == 1  # one failed article
    markup = page.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    assert "<td>acquisition</td>" in markup
    assert "Error: not valid JSON" in markup


def test_show_html_of_articles(tmp_path: Path, nlp, monkeypatch) -> None:
    monkeypatch.setattr(aiextract.cli, "_load", lambda model: nlp)
    (tmp_path / "hydrolis.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "vide.txt").write_text("Aucune opération annoncée ce jour.", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["show", str(tmp_path), "--html", str(page)]) == 0
    markup = page.read_text(encoding="utf-8")
    assert ("Sophie Lemaire", "PER") in _marks(markup)
    assert "<td>funding</td>" in markup
    assert "No deal found." in markup


@pytest.mark.parametrize(
    ("money", "value"),
    [
        pytest.param(
            Money("12 millions de dollars", Decimal(12_000_000), "USD", start=0, end=22),
            "12 000 000 USD",
            id="amount",
        ),
        pytest.param(
            Money(
                "5 et 10 millions d'euros",
                Decimal(5_000_000),
                "EUR",
                max=Decimal(10_000_000),
                start=0,
                end=24,
            ),
            "5 000 000 EUR – 10 000 000 EUR",
            id="range",
        ),
        pytest.param(
            Money("0,60 dollar", Decimal("0.6"), "USD", start=0, end=11),
            "0,6 USD",
            id="per-share",
        ),
    ],
)
def test_money_value_beside_the_label(money: Money, value: str) -> None:
    text = money.text + " au total."
    (mark,) = marks_from_article(Article(id="x", money=[money]), text)
    assert mark == Mark(0, len(money.text), "MONEY", value)
