"""A benchmark corpus: the seeds and the dev corpus, repeated and shuffled to any size."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "data" / "dev")


def base_texts() -> list[str]:
    """Every article text the repository ships (seeds and dev corpus)."""
    texts = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def build_corpus(n_articles: int, seed: int = 13) -> list[str]:
    """``n_articles`` texts drawn by repeating and shuffling the shipped articles."""
    texts = base_texts()
    rng = random.Random(seed)
    corpus: list[str] = []
    while len(corpus) < n_articles:
        batch = texts[:]
        rng.shuffle(batch)
        corpus.extend(batch)
    return corpus[:n_articles]
