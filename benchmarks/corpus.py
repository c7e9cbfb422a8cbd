"""A benchmark corpus: the seeds and the dev corpus, repeated and shuffled to any size."""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the five real articles the project started from, and the dev corpus (short articles
# written to be dense in deals: the worst case for the deals component)
FOLDERS = {"seeds": ROOT / "seeds", "dev": ROOT / "tests" / "data" / "dev"}
SOURCES = tuple(FOLDERS.values())


def base_texts(only: str | None = None) -> list[str]:
    """The article texts the repository ships: seeds and dev corpus, or one of them."""
    texts = []
    for folder in (FOLDERS[only],) if only else SOURCES:
        for path in sorted(folder.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def build_corpus(n_articles: int, seed: int = 13, only: str | None = None) -> list[str]:
    """``n_articles`` texts drawn by repeating and shuffling the shipped articles (all,
    or only ``"seeds"`` or ``"dev"``)."""
    texts = base_texts(only)
    rng = random.Random(seed)
    corpus: list[str] = []
    while len(corpus) < n_articles:
        batch = texts[:]
        rng.shuffle(batch)
        corpus.extend(batch)
    return corpus[:n_articles]


def deal_density(only: str | None = None) -> float:
    """Gold deals per 1,000 words of the shipped articles (all, or one folder): what the
    deals component's cost follows."""
    deals = words = 0
    for folder in (FOLDERS[only],) if only else SOURCES:
        words += sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
        with open(folder / "gold.jsonl", encoding="utf-8") as lines:
            deals += sum(len(json.loads(line).get("deals", [])) for line in lines if line.strip())
    return 1000 * deals / words if words else 0.0
