"""``aiextract extract`` as a batch tool: every input and output format, resume, progress.

The command runs in-process through ``main`` with the session's pipeline (``_load`` is
patched to return the ``nlp`` fixture), so the model is loaded once; a single subprocess
test kills a real run mid-way and resumes it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import aiextract
from aiextract.cli import main

TEXT_FUNDING = (
    "La start-up grenobloise Vertiflux, qui conçoit des pompes à chaleur pour les immeubles "
    "anciens, a levé 14 millions d'euros auprès du fonds Eurazeo et de Bpifrance."
)
TEXT_ACQUISITION = (
    "Le groupe nantais Armorique Logistique rachète la société bordelaise Quaibus pour "
    "35 millions d'euros, a annoncé jeudi sa directrice générale Hélène Carradec."
)
TEXT_NOTHING = "La météo s'annonce clémente ce week-end sur la façade atlantique."
PAGE = """<html lang="fr"><head><meta charset="utf-8"><title>Vertiflux lève 14 M€</title>
<meta name="date" content="2024-10-08"></head><body>
<header><a href="/">Accueil</a> <a href="/newsletter">Newsletter</a></header>
<article><h1>Vertiflux lève 14 millions d'euros</h1><p>{text}</p>
<p>Les fonds serviront à ouvrir une seconde ligne de production dans l'Isère et à
recruter une quarantaine de techniciens d'ici l'été prochain.</p></article>
<footer>Tous droits réservés</footer></body></html>"""


@pytest.fixture()
def cli(nlp, monkeypatch):
    """``main`` using the session's pipeline instead of loading the model again, under a
    fixed pipeline fingerprint (others may edit the code while the tests run)."""
    monkeypatch.setattr("aiextract.cli._load", lambda model: nlp)
    monkeypatch.setattr("aiextract.io.batch.pipeline_fingerprint", lambda model: "cli-test")
    return main


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Three articles in three formats: a .txt, an .html page, a .csv with a bad row."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_armorique.txt").write_text(TEXT_ACQUISITION, encoding="utf-8")
    (folder / "b_vertiflux.html").write_text(PAGE.format(text=TEXT_FUNDING), encoding="utf-8")
    with (folder / "c_depeches.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "published", "text", "source"])
        writer.writerow(["meteo-0412", "2024-12-04", TEXT_NOTHING, "AFP"])
        writer.writerow(["broken", "hier", TEXT_FUNDING, "AFP"])  # bad published
    return folder


IDS = ["a_armorique", "b_vertiflux", "meteo-0412", "broken"]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_to_jsonl_from_txt_html_and_csv(cli, corpus, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(corpus), "-o", str(out)]) == 1  # one bad row
    records = jsonl(out)
    assert [r["id"] for r in records] == IDS
    by_id = {r["id"]: r for r in records}
    assert by_id["b_vertiflux"]["published"] == "2024-10-08"  # from the page's metadata
    assert by_id["b_vertiflux"]["title"].startswith("Vertiflux")
    assert by_id["meteo-0412"]["source"] == "AFP" and by_id["meteo-0412"]["deals"] == []
    assert "published" in by_id["broken"]["error"]
    assert all(len(r["text_sha1"] or "x" * 40) == 40 for r in records)
    types = {d["type"] for r in records for d in r["deals"]}
    assert types == {"acquisition", "funding"}
    err = capsys.readouterr().err
    assert "4 articles, 1 failed" in err and "broken:" in err

    # rerun: everything is done already
    assert cli(["extract", str(corpus), "-o", str(out)]) == 0
    assert "0 articles, 0 failed, 4 already done" in capsys.readouterr().err
    assert len(jsonl(out)) == 4
    assert {r["pipeline_sha1"] for r in records} == {"cli-test"}


def test_resuming_the_output_of_another_pipeline_is_refused(cli, tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(TEXT_NOTHING, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    monkeypatch.setattr("aiextract.io.batch.pipeline_fingerprint", lambda model: "edited")
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out)]) == 2
    assert "another pipeline" in capsys.readouterr().err
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--overwrite", "-q"]) == 0
    assert [r["pipeline_sha1"] for r in jsonl(out)] == ["edited"]


def test_jsonl_and_duckdb_give_the_same_deals(cli, corpus, tmp_path):
    out_jsonl, out_db = tmp_path / "out.jsonl", tmp_path / "out.duckdb"
    cli(["extract", str(corpus), "-o", str(out_jsonl), "-q"])
    cli(["extract", str(corpus), "-o", str(out_db), "-q"])
    expected = sorted(
        (
            r["id"],
            d["type"],
            d["certainty"],
            None if d["amount"] is None else Decimal(str(d["amount"]["value"])),
            tuple(sorted((p["name"], p["role"]) for p in d["parties"])),
        )
        for r in jsonl(out_jsonl)
        for d in r["deals"]
    )
    con = duckdb.connect(str(out_db), read_only=True)
    rows = con.execute(
        """
        SELECT d.article_id, d.type, d.certainty, d.amount_value,
               list(p.name || '|' || p.role ORDER BY p.name, p.role) AS parties
        FROM deals d JOIN parties p USING (article_id, deal_index)
        GROUP BY ALL
        """
    ).fetchall()
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    got = sorted(
        (a, t, c, v, tuple(tuple(x.split("|")) for x in parties)) for a, t, c, v, parties in rows
    )
    assert got == expected and got
    assert n_articles == 4


def test_extract_to_csv_and_parquet_tables(cli, corpus, tmp_path, capsys):
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"res.{fmt}"
        assert cli(["extract", str(corpus), "-o", str(out), "-q"]) == 1
        if fmt == "csv":
            with out.open(encoding="utf-8", newline="") as handle:
                deals = list(csv.DictReader(handle))
        else:
            deals = pq.read_table(out).to_pylist()
        funding = next(d for d in deals if d["type"] == "funding")
        assert funding["article_id"] == "b_vertiflux"
        assert str(funding["amount_value"]).startswith("14000000")
        assert "Vertiflux" in funding["target"]
        assert Path(str(out).replace(f".{fmt}", f".articles.{fmt}")).exists()
        # an existing table output is never resumed nor silently replaced
        assert cli(["extract", str(corpus), "-o", str(out)]) == 2
        assert "--overwrite" in capsys.readouterr().err
        assert cli(["extract", str(corpus), "-o", str(out), "--overwrite", "-q"]) == 1
    schema = pq.read_schema(tmp_path / "res.parquet")
    assert schema.field("amount_value").type == pa.decimal128(38, 4)


def test_parquet_input_with_text_column(cli, tmp_path):
    table = pa.table({"ref": ["x1", "x2"], "corps": [TEXT_FUNDING, TEXT_NOTHING]})
    pq.write_table(table, tmp_path / "lot.parquet")
    out = tmp_path / "out.jsonl"
    code = cli(["extract", str(tmp_path / "lot.parquet"), "--text-column", "corps", "-o", str(out)])
    assert code == 0
    records = jsonl(out)
    assert [(r["id"], r["ref"]) for r in records] == [("lot:1", "x1"), ("lot:2", "x2")]
    assert records[0]["deals"] and not records[1]["deals"]
    frame = aiextract.to_frame(out)
    assert list(frame["type"]) == ["funding"]
    assert frame["amount_value"].sum() == Decimal("14000000")


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("flags", "terminal", "bar"),
    [
        ([], True, True),
        ([], False, False),
        (["-q"], True, False),
        (["--no-progress"], True, False),
        (["--progress"], False, True),
        (["--progress", "-q"], False, True),
    ],
    ids=["terminal", "piped", "quiet", "no-progress", "forced", "forced-quiet"],
)
def test_progress_bar(cli, tmp_path, monkeypatch, flags, terminal, bar):
    (tmp_path / "a.txt").write_text(TEXT_FUNDING, encoding="utf-8")
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    out = tmp_path / "out.jsonl"
    assert cli(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--overwrite", *flags]) == 0
    text = stderr.getvalue()
    assert ("articles/s" in text and "deals=1" in text) is bar
    assert ("1 article, 0 failed" in text) is ("-q" not in flags)


def test_stdout_output_streams_jsonl(cli, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT_ACQUISITION, encoding="utf-8")
    assert cli(["extract", str(tmp_path / "a.txt"), "-q"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["id"] == "a" and record["deals"][0]["type"] == "acquisition"
    assert cli(["extract", str(tmp_path / "a.txt"), "--format", "csv"]) == 2
    assert "needs a file" in capsys.readouterr().err


def test_killed_run_resumes_without_loss_or_duplicate(cli, dev_dir, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = sorted(p.name for p in dev_dir.glob("*.txt"))[:8]
    for name in names:
        shutil.copy(dev_dir / name, corpus / name)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "aiextract", "extract", str(corpus), "-o", str(out)]
    proc = subprocess.Popen(
        [*command, "--batch-size", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 2:
                break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    written_before = out.read_bytes().count(b"\n")
    assert written_before >= 2
    # the same pipeline as the killed run (the real fingerprint, computed by that process)
    pipeline = json.loads(out.read_text(encoding="utf-8").splitlines()[0])["pipeline_sha1"]
    monkeypatch.setattr("aiextract.io.batch.pipeline_fingerprint", lambda model: pipeline)

    assert cli(["extract", str(corpus), "-o", str(out), "-q"]) == 0
    ids = [r["id"] for r in jsonl(out)]
    assert ids == [name.removesuffix(".txt") for name in names]  # in order, each once


@pytest.mark.parametrize(
    ("name", "module", "extra"),
    [("page.html", "trafilatura", "html"), ("out.duckdb", "duckdb", "duckdb")],
    ids=["html-input", "duckdb-output"],
)
def test_missing_extra_is_a_usage_error_naming_it(
    tmp_path, monkeypatch, capsys, name, module, extra
):
    import aiextract.io.optional as optional

    real = optional.importlib.import_module

    def without(wanted: str):
        if wanted == module:
            raise ImportError(f"No module named {module!r}")
        return real(wanted)

    monkeypatch.setattr(optional.importlib, "import_module", without)
    monkeypatch.setattr("aiextract.cli._load", lambda model: pytest.fail("model loaded"))
    (tmp_path / "a.txt").write_text(TEXT_NOTHING, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE.format(text=TEXT_NOTHING), encoding="utf-8")
    given = tmp_path / name
    argv = (
        ["extract", str(given)]
        if name.endswith(".html")
        else ["extract", str(tmp_path / "a.txt"), "-o", str(given)]
    )
    assert main(argv) == 2
    assert f'pip install "aiextract[{extra}]"' in capsys.readouterr().err
