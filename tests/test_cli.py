"""The ``aiextract`` command line.

Commands that need the model run as subprocesses (``python -m aiextract``), kept few since
each one loads the model; commands that do not (eval, show on an output file, usage
errors) run in-process through ``main``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import aiextract.pipeline
from aiextract.cli import format_amount, format_deals, main

TEXT_A = (
    "La start-up bordelaise Tessera Santé a levé 18 millions d'euros auprès de Bpifrance "
    "et du fonds Elaia, a annoncé son président Julien Marchetti le 3 avril 2024."
)
TEXT_B = (
    "Le groupe Valmonde rachète l'éditeur toulousain Kinetik Logiciels pour 120 millions "
    "d'euros, selon un communiqué publié mardi."
)
TEXT_C = "Le conseil régional d'Occitanie a voté hier un budget de 2,3 milliards d'euros."


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aiextract", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def write_jsonl(path: Path, *lines: object) -> Path:
    path.write_text(
        "".join(
            (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def no_model(monkeypatch):
    """Fail the test if a command loads the model."""

    def refuse(*args, **kwargs):
        raise AssertionError("this command must not load the model")

    monkeypatch.setattr(aiextract.pipeline, "load", refuse)


# ------------------------------------------------------------------- subprocesses


def test_extract_folder_to_file_then_eval(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "b_valmonde.txt").write_text(TEXT_B, encoding="utf-8")
    (corpus / "a_tessera.txt").write_text(TEXT_A, encoding="utf-8")
    write_jsonl(
        corpus / "sub" / "more.jsonl",
        {"id": "c_region", "text": TEXT_C, "published": "2024-06-12", "source": "AFP"},
    )
    gold = write_jsonl(
        corpus / "gold.jsonl",  # a result file in the folder: skipped, not read as articles
        {
            "id": "a_tessera",
            "published": None,
            "orgs": ["Tessera Santé", "Bpifrance", "Elaia"],
            "people": ["Julien Marchetti"],
            "money": [{"text": "18 millions d'euros", "value": 18_000_000, "currency": "EUR"}],
            "dates": [{"text": "3 avril 2024", "value": "2024-04-03"}],
            "deals": [
                {
                    "type": "funding",
                    "parties": [
                        {"name": "Tessera Santé", "role": "target"},
                        {"name": "Bpifrance", "role": "investor"},
                        {"name": "Elaia", "role": "investor"},
                    ],
                    "amount": {"value": 18_000_000, "currency": "EUR"},
                    "date": "2024-04-03",
                    "certainty": "stated",
                }
            ],
        },
        {
            "id": "b_valmonde",
            "published": None,
            "orgs": ["Valmonde", "Kinetik Logiciels"],
            "people": [],
            "money": [{"text": "120 millions d'euros", "value": 120_000_000, "currency": "EUR"}],
            "dates": [],
            "deals": [
                {
                    "type": "acquisition",
                    "parties": [
                        {"name": "Valmonde", "role": "acquirer"},
                        {"name": "Kinetik Logiciels", "role": "target"},
                    ],
                    "amount": {"value": 120_000_000, "currency": "EUR"},
                    "date": None,
                    "certainty": "stated",
                }
            ],
        },
    )
    out = tmp_path / "out.jsonl"

    done = run("extract", "corpus", "-o", str(out), "--batch-size", "2", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "3 articles, 0 failed" in done.stderr
    assert "skipping" in done.stderr and "gold.jsonl" in done.stderr
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in articles] == ["a_tessera", "b_valmonde", "c_region"]
    for article in articles:
        assert {"id", "published", "orgs", "people", "money", "dates", "deals"} <= set(article)
        assert "error" not in article
    assert articles[2]["published"] == "2024-06-12"
    assert articles[2]["source"] == "AFP"  # extra input fields are carried through

    # eval runs without the model: in-process, as table and as JSON
    assert main(["eval", str(gold), str(out), "--json"]) == 0
    assert run("eval", str(gold), str(out), cwd=tmp_path).stdout.startswith(
        "articles: 2 gold, 3 predicted, 2 scored"
    )


def test_extract_bad_lines_to_stdout_exit_1(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT_B, encoding="utf-8")
    write_jsonl(
        tmp_path / "bad.jsonl",
        {"id": "fine", "text": TEXT_C},
        '{"id": "cut", "text": "Le groupe',
        {"id": "notext", "published": "2024-01-05"},
        {"id": "badpub", "text": TEXT_A, "published": "hier"},
    )

    done = run("extract", "ok.txt", "bad.jsonl", cwd=tmp_path)

    assert done.returncode == 1
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["id"] for a in lines] == ["ok", "fine", "bad:2", "notext", "badpub"]
    assert [bool(a.get("error")) for a in lines] == [False, False, True, True, True]
    assert "not valid JSON" in lines[2]["error"]
    assert "has no 'text'" in lines[3]["error"]
    assert lines[3]["deals"] == [] and lines[3]["orgs"] == []
    assert "5 articles, 3 failed" in done.stderr


def test_show_runs_the_pipeline_on_a_txt(tmp_path):
    (tmp_path / "valmonde.txt").write_text(TEXT_B, encoding="utf-8")
    done = run("show", "valmonde.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()[:2]
    assert first.startswith("== valmonde")
    assert second == "no deal found" or second.split()[:2] == ["type", "parties"]


def test_version():
    done = subprocess.run(
        [sys.executable, "-m", "aiextract", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("aiextract ")


# ------------------------------------------------------------------- in-process, no model


def test_show_output_file_without_the_model(tmp_path, capsys, no_model):
    deal = {
        "type": "acquisition",
        "parties": [
            {"name": "Valmonde", "role": "acquirer"},
            {"name": "Kinetik Logiciels", "role": "target"},
        ],
        "amount": {"value": 120_000_000, "currency": "EUR"},
        "date": "2024-05",
        "certainty": "hedged",
        "name": "Projet Kite",
    }
    path = write_jsonl(
        tmp_path / "out.jsonl",
        {"id": "a", "orgs": ["Valmonde"], "deals": [deal]},
        {"id": "b", "orgs": [], "deals": []},
        {"id": "c", "orgs": [], "deals": [], "error": "text must be a str"},
    )
    assert main(["show", str(path)]) == 1  # one article had failed
    out = capsys.readouterr().out
    assert "== a: 1 deal ==" in out
    row = next(line for line in out.splitlines() if line.startswith("acquisition"))
    assert row.split("  ")[0] == "acquisition"
    for cell in (
        "Valmonde:acquirer, Kinetik Logiciels:target",
        "120 000 000 EUR",
        "2024-05",
        "hedged",
        "Projet Kite",
    ):
        assert cell in row
    assert "== b ==\nno deal found" in out
    assert "== c ==\nerror: text must be a str" in out


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ({"value": 12_000_000_000, "currency": "USD"}, "12 000 000 000 USD"),
        ({"value": 37.5, "currency": "EUR"}, "37,5 EUR"),
        ({"value": 1500, "currency": None}, "1 500 ?"),
        (None, "-"),
    ],
    ids=["billions", "decimal", "no-currency", "null"],
)
def test_format_amount(amount, expected):
    assert format_amount(amount) == expected


def test_format_deals_stake():
    article = {
        "id": "x",
        "deals": [
            {
                "type": "investment",
                "parties": [],
                "amount": None,
                "date": None,
                "stake": 27,
                "certainty": "stated",
            }
        ],
    }
    assert "27 %" in format_deals(article)


def test_eval_prints_table(tmp_path, capsys, no_model):
    article = {"id": "a", "orgs": ["Valmonde"], "people": [], "money": [], "dates": [], "deals": []}
    gold = write_jsonl(tmp_path / "gold.jsonl", article)
    pred = write_jsonl(tmp_path / "pred.jsonl", article)
    assert main(["eval", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert next(line for line in out.splitlines() if line.startswith("orgs")).split() == [
        "orgs",
        "1",
        "0",
        "0",
        "1.000",
        "1.000",
        "1.000",
    ]
    assert main(["eval", str(gold), str(pred), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orgs"]["f1"] == 1.0


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "missing_folder"],
        ["extract", "notes.pdf"],
        ["eval", "gold.jsonl", "missing.jsonl"],
        ["eval", "gold.jsonl", "broken.jsonl"],
        ["show", "missing.jsonl"],
        ["extract", "a.txt", "-o", "no_such_dir/out.jsonl"],
        [],
    ],
    ids=[
        "missing-input",
        "unknown-format",
        "missing-pred",
        "broken-pred",
        "missing-show",
        "output-dir-missing",
        "no-command",
    ],
)
def test_usage_errors_exit_2(tmp_path, monkeypatch, capsys, argv, no_model):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.pdf").write_text("%PDF-1.4", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    write_jsonl(tmp_path / "gold.jsonl", {"id": "a", "orgs": []})
    (tmp_path / "broken.jsonl").write_text('{"id": "a"\n', encoding="utf-8")
    # the model must not be loaded for these; "-o" errors come before any article
    monkeypatch.setattr("aiextract.cli._load", lambda model: object())
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err  # a message on stderr


@pytest.mark.parametrize("value", ["0", "-3", "deux"])
def test_bad_numbers_are_usage_errors(value):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "x.txt", "--n-process", value])
    assert exc.value.code == 2
