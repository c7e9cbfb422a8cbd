"""Benchmarks as slow tests: they print figures and assert nothing about time.

Run with ``pytest -m slow -s tests/test_benchmarks.py``.
"""

from __future__ import annotations

import pytest
from benchmarks.bench_pipeline import report
from benchmarks.corpus import build_corpus


def test_corpus_builder_repeats_to_size():
    corpus = build_corpus(37)
    assert len(corpus) == 37
    assert all(isinstance(t, str) and t for t in corpus)


@pytest.mark.slow
def test_component_costs_report():
    text = report(n_articles=100, rounds=3)
    print(text)
    assert "throughput ratio" in text
