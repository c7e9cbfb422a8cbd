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
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return DEV
