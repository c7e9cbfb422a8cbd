"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import aiextract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    """The full aiextract pipeline, loaded once for the whole session."""
    return aiextract.load()


@pytest.fixture(scope="session")
def annotate_until(nlp):
    """A function: ``text`` run through the pipes of ``nlp`` before the one named ``stop``."""

    def run(text: str, stop: str) -> spacy.tokens.Doc:
        doc = nlp.make_doc(text)
        for name, pipe in nlp.pipeline:
            if name == stop:
                return doc
            doc = pipe(doc)
        raise AssertionError(f"the pipeline has no {stop}")

    return run


@pytest.fixture
def rules_nlp(nlp):
    """The same pipeline with its deals found by the rules alone (the learned steps'
    deals left out), for the tests that pin what the rules do; restored afterwards."""
    deals = nlp.get_pipe("aiextract_deals")
    before = deals.sources
    deals.sources = "rules"
    yield nlp
    deals.sources = before


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return DEV
