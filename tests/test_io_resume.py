"""Resumable batch runs: rerunning on the same output skips the articles already done (same
id, same text SHA-1), and an interrupted run (killed mid-way, a last JSONL line cut short,
an uncommitted DuckDB batch) continues with nothing lost and nothing twice.

No model: a stand-in extractor turns each item into an ``Article`` (what ``extract_many``
yields, one per item, in order), so these tests check the batch machinery alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest

from aiextract.errors import InputError
from aiextract.frame import read_results
from aiextract.io import OutputExistsError
from aiextract.io.batch import Batch, text_sha1
from aiextract.io.readers import count_inputs
from aiextract.records import Article, Deal, Party

TEXTS = {
    "a_lumio": "La start-up lyonnaise Lumio lève 12 millions d'euros auprès de Demeter.",
    "b_galtier": "Le transporteur Galtier rachète son concurrent bourguignon Routes Morel.",
    "c_ombelle": "Ombelle signe un partenariat avec la mutuelle Harmonie Santé.",
    "d_kelvin": "Le fonds Kelvin Partners prend 20 % du capital de l'éditeur Norvia.",
    "e_praxis": "Praxis Énergie décroche un contrat de 40 millions d'euros auprès de RTE.",
}


def fake_extract(items: Iterable[dict]) -> Iterator[Article]:
    """One ``Article`` per item, in order, as ``extract_many`` gives them."""
    for item in items:
        if item.get("error"):
            yield Article.failed(item["id"], item["error"])
            continue
        first = item["text"].split()[2]
        deal = Deal("funding", (Party(first, "target"),))
        yield Article(id=item["id"], orgs=[first], deals=[deal], extra={})


def make_corpus(folder: Path, names: Iterable[str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(TEXTS[name], encoding="utf-8")
    return folder


PIPELINE = "stand-in-v1"  # the stand-in extractor's pipeline fingerprint


def run(inputs, output, **options):
    """One batch run with the stand-in extractor; returns its summary."""
    options.setdefault("pipeline", PIPELINE)
    with Batch(inputs, output, **options) as batch:
        return batch.write_all(fake_extract(batch.items()))


def jsonl_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def duckdb_ids(path: Path) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()
        deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
    finally:
        con.close()
    assert deals == len(rows)  # one deal per article, none twice
    return [r[0] for r in rows]


def test_text_sha1():
    assert text_sha1("Société") == hashlib.sha1("Société".encode()).hexdigest()
    assert text_sha1("Lumio") != text_sha1("Lumio ")
    assert text_sha1(None) is None


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_rerun_skips_everything_already_done(tmp_path, suffix):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / f"out{suffix}"
    first = run([corpus], out)
    assert (first.written, first.skipped, first.deals) == (5, 0, 5)
    before = out.read_bytes() if suffix == ".jsonl" else None
    again = run([corpus], out)
    assert (again.written, again.skipped) == (0, 5)
    if suffix == ".jsonl":
        assert out.read_bytes() == before
        records = [json.loads(line) for line in before.decode().splitlines()]
        assert [r["text_sha1"] for r in records] == [text_sha1(t) for t in TEXTS.values()]


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_new_articles_are_appended(tmp_path, suffix):
    corpus = make_corpus(tmp_path / "corpus", ["a_lumio", "c_ombelle"])
    out = tmp_path / f"o{suffix}"
    run([corpus], out)
    make_corpus(corpus, ["b_galtier", "e_praxis"])
    summary = run([corpus], out)
    assert (summary.written, summary.skipped) == (2, 2)
    ids = jsonl_ids(out) if suffix == ".jsonl" else duckdb_ids(out)
    assert sorted(ids) == ["a_lumio", "b_galtier", "c_ombelle", "e_praxis"]


def test_jsonl_cut_last_line_is_redone_nothing_lost_nothing_twice(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out.jsonl"
    run([corpus], out)
    full = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # a run killed while writing its third line
    out.write_text("".join(full[:2]) + full[2][: len(full[2]) // 2], encoding="utf-8")
    summary = run([corpus], out)
    assert (summary.written, summary.skipped) == (3, 2)
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == full


def test_jsonl_complete_last_line_without_newline_is_redone_once(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out.jsonl"
    run([corpus], out)
    full = out.read_text(encoding="utf-8")
    out.write_text(full.rstrip("\n"), encoding="utf-8")  # the last newline never made it
    run([corpus], out)
    assert out.read_text(encoding="utf-8") == full


def test_duckdb_uncommitted_batch_is_redone(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out.duckdb"
    batch = Batch([corpus], out, pipeline=PIPELINE)
    batch.writer.commit_every = 2
    articles = fake_extract(batch.items())
    for article in list(articles)[:3]:  # two committed, the third still pending
        batch.write(article)
    batch.writer._con.close()  # the process dies: no commit, no close
    summary = run([corpus], out)
    assert (summary.written, summary.skipped) == (3, 2)
    assert duckdb_ids(out) == sorted(TEXTS)


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_changed_text_is_redone(tmp_path, suffix, caplog):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / f"out{suffix}"
    run([corpus], out)
    (corpus / "b_galtier.txt").write_text(
        "Le transporteur Galtier finalise le rachat de Routes Morel.", encoding="utf-8"
    )
    summary = run([corpus], out)
    assert (summary.written, summary.skipped, summary.changed) == (1, 4, 1)
    assert "b_galtier: its text changed" in caplog.text
    if suffix == ".jsonl":  # appended; the last line of an id is its current version
        assert jsonl_ids(out).count("b_galtier") == 2
        latest = {r["id"]: r for r in read_results(out)}
        assert latest["b_galtier"]["orgs"] == ["Galtier"]
        assert len(latest) == 5
    else:  # replaced in place
        assert duckdb_ids(out) == sorted(TEXTS)


def test_failed_articles_count_as_done(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "text": TEXTS["a_lumio"]}) + "\n" + '{"id": "cut", "te\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert run([path], out).failed == 1
    again = run([path], out)
    assert (again.written, again.skipped) == (0, 2)
    assert jsonl_ids(out) == ["ok", "in:2"]


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_output_of_another_pipeline_is_refused(tmp_path, suffix):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / f"out{suffix}"
    run([corpus], out, pipeline="stand-in-v0")
    with pytest.raises(OutputExistsError, match="another pipeline"):
        run([corpus], out)
    assert run([corpus], out, overwrite=True).written == 5
    assert run([corpus], out).skipped == 5


def test_output_from_before_resuming_existed_is_refused(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out.jsonl"
    out.write_text('{"id": "a_lumio", "orgs": [], "deals": []}\n', encoding="utf-8")
    with pytest.raises(OutputExistsError, match="another pipeline"):
        run([corpus], out)


def test_records_carry_both_hashes(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus", ["a_lumio"]), tmp_path / "out.jsonl"
    run([corpus], out)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text_sha1"] == text_sha1(TEXTS["a_lumio"])
    assert record["pipeline_sha1"] == PIPELINE


def test_pipeline_fingerprint_follows_code_data_and_model(tmp_path, monkeypatch):
    import aiextract.io.fingerprint as fp

    package = tmp_path / "aiextract"
    shutil.copytree(fp.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fp, "PACKAGE", package)
    first = fp.pipeline_fingerprint()
    assert len(first) == 12 and first == fp.pipeline_fingerprint()
    (package / "cli.py").write_text("# the command line changes no result\n", encoding="utf-8")
    (package / "io" / "readers.py").write_text("# nor do the readers\n", encoding="utf-8")
    assert fp.pipeline_fingerprint() == first
    assert fp.pipeline_fingerprint("fr_core_news_sm") != first
    table = next((package / "data").glob("*.tsv"))
    table.write_text(table.read_text(encoding="utf-8") + "# une ligne de plus\n", encoding="utf-8")
    assert fp.pipeline_fingerprint() != first


def test_an_input_file_given_as_output_is_refused(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "articles.jsonl"
    out.write_text(json.dumps({"id": "z", "text": TEXTS["a_lumio"]}) + "\n", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="not an aiextract result"):
        run([corpus], out)
    assert run([corpus], out, overwrite=True).written == 5
    assert jsonl_ids(out) == list(TEXTS)


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_overwrite_starts_afresh(tmp_path, suffix):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / f"out{suffix}"
    run([corpus], out)
    (corpus / "d_kelvin.txt").unlink()
    summary = run([corpus], out, overwrite=True)
    assert (summary.written, summary.skipped) == (4, 0)
    ids = jsonl_ids(out) if suffix == ".jsonl" else duckdb_ids(out)
    assert sorted(ids) == sorted(set(TEXTS) - {"d_kelvin"})


KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from test_io_resume import Batch, fake_extract

    with Batch([{corpus!r}], {out!r}, pipeline="stand-in-v1") as batch:
        if hasattr(batch.writer, "commit_every"):
            batch.writer.commit_every = 2  # DuckDB: two articles committed, one pending
        for n, article in enumerate(fake_extract(batch.items())):
            if n == 3:
                os.kill(os.getpid(), signal.SIGKILL)  # no cleanup of any kind
            batch.write(article)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_run_killed_mid_way_then_resumed(tmp_path, suffix):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / f"out{suffix}"
    script = KILLED_RUN.format(tests=str(Path(__file__).parent), corpus=str(corpus), out=str(out))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, env=os.environ)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    summary = run([corpus], out)
    assert summary.skipped >= 2 and summary.written + summary.skipped == len(TEXTS)
    ids = jsonl_ids(out) if suffix == ".jsonl" else duckdb_ids(out)
    assert sorted(ids) == sorted(TEXTS)  # each once: nothing lost, nothing twice


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "z_last.jsonl"])
def test_output_inside_the_input_folder_is_not_read_back(tmp_path, name):
    corpus = make_corpus(tmp_path / "corpus")
    out = corpus / name
    summary = run([corpus], out)
    assert summary.written == len(TEXTS)  # and the run ended
    again = run([corpus], out, overwrite=True)
    assert again.written == len(TEXTS)


@pytest.mark.parametrize("overwrite", [False, True])
def test_input_file_as_output_is_refused_and_left_intact(tmp_path, overwrite):
    path = tmp_path / "in.jsonl"
    content = json.dumps({"id": "a", "text": TEXTS["a_lumio"]}) + "\n"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="both an input and the output"):
        run([path], path, overwrite=overwrite)
    assert path.read_text(encoding="utf-8") == content


def test_nothing_is_held_per_article_after_it_is_written(tmp_path):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out.jsonl"
    with Batch([corpus], out, pipeline=PIPELINE) as batch:
        batch.write_all(fake_extract(batch.items()))
        assert batch._in_flight == {}


def test_count_inputs_for_the_progress_total(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", ["a_lumio", "b_galtier"])
    lines = [json.dumps({"id": n, "text": TEXTS["c_ombelle"]}) for n in ("x", "y", "z")]
    (corpus / "lot.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert count_inputs([corpus]) == 5
    assert count_inputs([corpus], exclude=[corpus / "lot.jsonl"]) == 2
    (corpus / "t.csv").write_text("text\nLumio\n", encoding="utf-8")
    assert count_inputs([corpus]) is None  # CSV rows cannot be counted without parsing


def test_progress_total_is_what_this_run_does(tmp_path, capsys):
    corpus, out = make_corpus(tmp_path / "corpus", ["a_lumio", "b_galtier"]), tmp_path / "o.jsonl"
    run([corpus], out)
    make_corpus(corpus, ["c_ombelle"])
    with Batch([corpus], out, pipeline=PIPELINE) as batch:
        batch.write_all(fake_extract(batch.items()), progress=True)
    bar = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert "1/1" in bar and "already done=2" in bar and "deals=1" in bar
