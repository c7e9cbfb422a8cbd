"""Benchmarks as slow tests: they print figures and assert nothing about time.

Run with ``pytest -m slow -s tests/test_benchmarks.py``.
"""

from __future__ import annotations

import pytest
from benchmarks.bench_pipeline import report
from benchmarks.corpus import base_texts, build_corpus, deal_density


def test_corpus_builder_repeats_to_size():
    corpus = build_corpus(37)
    assert len(corpus) == 37
    assert all(isinstance(t, str) and t for t in corpus)


@pytest.mark.parametrize("only", ["seeds", "dev"])
def test_corpus_builder_draws_from_one_folder(only):
    texts = set(base_texts(only))
    corpus = build_corpus(12, only=only)
    assert len(corpus) == 12
    assert set(corpus) <= texts
    others = set(base_texts("dev" if only == "seeds" else "seeds"))
    assert not set(corpus) & others


def test_deal_density_of_the_real_and_the_dense_articles():
    seeds, dev, both = deal_density("seeds"), deal_density("dev"), deal_density()
    assert 0 < seeds < both < dev  # the dev corpus was written dense in deals


@pytest.mark.slow
def test_component_costs_report():
    text = report(n_articles=100, rounds=3)
    print(text)
    assert "throughput ratio" in text
