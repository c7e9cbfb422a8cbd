"""What a new user stumbled on (issue 17), each mended and pinned here: columns of
``show``, ``show --text-column``, no model load for a finished job, the terminal's word
on foreign articles, messages, key order, the articles table's columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from aiextract.cli import format_deals, main
from aiextract.errors import json_problem
from aiextract.frame import flatten
from aiextract.records import Article

FUNDING = (
    "La medtech grenobloise Cardiolis lève 15 millions d'euros auprès du fonds Alpenrose "
    "Capital, qui valorise la société 80 millions d'euros."
)
ENGLISH = (
    "Northwind Robotics has raised $45 million in a Series B round led by Accel, with "
    "participation from existing investors. The Boston-based company plans to expand."
)


@pytest.fixture()
def model_loads(nlp, monkeypatch) -> list[str | None]:
    """Each time the command line asks for the model (the session's pipeline is given)."""
    calls: list[str | None] = []

    def load(model):
        calls.append(model)
        return nlp

    monkeypatch.setattr("aiextract.cli._load", load)
    monkeypatch.setattr("aiextract.io.batch.pipeline_fingerprint", lambda model: "edges")
    return calls


@pytest.fixture()
def cli(model_loads):
    """``main`` with the session's pipeline."""
    return main


def test_show_has_valuation_and_stake_columns() -> None:
    deal = {
        "type": "funding",
        "parties": [{"name": "Cardiolis", "role": "target"}],
        "amount": {"value": 15000000, "currency": "EUR"},
        "valuation": {"value": 80000000, "currency": "EUR"},
        "date": None,
        "certainty": "stated",
    }
    stake = {**deal, "type": "investment", "valuation": None, "stake": 27}
    table = format_deals({"id": "a", "deals": [deal, stake]})
    header = table.splitlines()[1].split()
    assert header[:5] == ["type", "parties", "amount", "valuation", "stake"]
    assert "80 000 000 EUR" in table.splitlines()[3]
    assert "27 %" in table.splitlines()[4]


def test_show_reads_a_csv_with_its_text_column(cli, tmp_path: Path, capsys) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "body"])
        writer.writerow(["n1", FUNDING])
    assert cli(["show", str(path), "--text-column", "body"]) == 0
    out = capsys.readouterr().out
    assert "== n1: 1 deal ==" in out and "Cardiolis:target" in out


def test_rerunning_a_finished_job_loads_no_model(cli, model_loads, tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(FUNDING, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    assert len(model_loads) == 1
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    assert len(model_loads) == 1  # nothing to do: no model
    assert "0 articles, 0 failed, 1 already done" in capsys.readouterr().err


def test_foreign_articles_are_told_on_the_terminal(cli, tmp_path: Path, capsys) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FUNDING, encoding="utf-8")
    assert cli(["extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "2 articles, 0 failed" in err
    assert "1 article not in French (en: 1): nothing extracted from them" in err


def test_one_article_is_singular(cli, tmp_path: Path, capsys) -> None:
    (tmp_path / "fr.txt").write_text(FUNDING, encoding="utf-8")
    assert cli(["extract", str(tmp_path / "fr.txt"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 article, 0 failed" in err and "not in French" not in err


def test_several_existing_outputs_are_plural(cli, tmp_path: Path, capsys) -> None:
    (tmp_path / "fr.txt").write_text(FUNDING, encoding="utf-8")
    out = tmp_path / "deals.csv"
    out.write_text("", encoding="utf-8")
    (tmp_path / "deals.articles.csv").write_text("", encoding="utf-8")
    assert cli(["extract", str(tmp_path / "fr.txt"), "-o", str(out)]) == 2
    assert "already exist and csv output cannot resume" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"text": "a\tb"}', "not valid JSON (Invalid control character at column 12)"),
        ('{"text": ', "not valid JSON (Expecting value at column 10)"),
        ('{"text": "x"} y', "not valid JSON (Extra data at column 15)"),
    ],
    ids=["control-character", "cut-line", "extra-data"],
)
def test_json_problems_read_plainly(raw: str, message: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(raw)
    assert json_problem(caught.value) == message


def test_bad_published_says_file_and_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"id": "ok", "text": FUNDING}, {"id": "bad", "text": FUNDING, "published": "hier"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(path), "-o", str(out), "-q"]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[1]["error"].startswith(f"{path}:2: ")
    assert "error" not in records[0]


def test_id_comes_first_and_input_keys_last() -> None:
    article = Article(id="a1", published="2025-01-02")
    article.extra = {"source": "fil", "lang_hint": "fr", "id": "not this one"}
    keys = list(article.to_dict())
    assert keys[:2] == ["id", "published"]
    assert keys[-2:] == ["source", "lang_hint"]
    assert article.to_dict()["id"] == "a1"


def test_articles_table_has_language_columns_not_in_extra() -> None:
    record = {
        "id": "a1", "published": None, "orgs": [], "people": [], "money": [], "dates": [],
        "deals": [], "language": "en", "language_score": 0.93,
        "warnings": ["not French: nothing extracted"], "source": "fil",
    }  # fmt: skip
    (row,) = flatten(record)["articles"]
    assert (row["language"], row["language_score"]) == ("en", 0.93)
    assert row["warnings"] == "not French: nothing extracted"
    assert json.loads(row["extra"]) == {"source": "fil"}
