"""The scaling benchmark of ``aiextract extract`` (benchmarks/bench_scale.py).

The full run is a slow test (``pytest -m slow -s tests/test_cli_scale.py``): it prints
articles per second and peak memory for 500 and 2,000 articles with 1 and 2 processes
and asserts nothing about time.
"""

from __future__ import annotations

import json

import pytest
from benchmarks.bench_scale import report, write_corpus


def test_bench_corpus_has_unique_ids_and_texts(tmp_path):
    path = write_corpus(tmp_path / "c.jsonl", 45)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 45
    assert len({r["id"] for r in records}) == 45
    assert all(isinstance(r["text"], str) and r["text"].strip() for r in records)


@pytest.mark.slow
def test_scaling_report():
    text = report(sizes=[500, 2000], processes=[1, 2])
    print(text)
    assert len(text.splitlines()) == 2 + 4
