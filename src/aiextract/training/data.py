"""Annotated articles to train on: each a text, its gold deals, organisations and people.

Three sources, all in the gold format of docs/GUIDELINES.md:
- a JSONL file whose lines carry ``text`` beside the gold fields;
- a gold JSONL whose lines have no ``text``, with ``<id>.txt`` files beside it (the
  invented corpora of ``tests/data`` and the seeds are laid out so);
- a folder holding a ``gold.jsonl`` and its texts, the same way;
- ``corpus:SPLIT``: a split of the real corpus (its texts rebuilt from the manifest).
Deals without ``evidence`` or party ``mentions`` get them from the text
(``learned.gold.with_evidence``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiextract.errors import InputError, json_problem


@dataclass
class Annotated:
    """One training article."""

    id: str
    text: str
    published: str | None
    deals: list[dict[str, Any]] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def read_annotated(source: str | Path, corpus_root: Path = Path("corpus")) -> list[Annotated]:
    """The articles of ``source`` (see the module's docstring)."""
    text = str(source)
    if text.startswith("corpus:"):
        return _from_corpus(text.split(":", 1)[1], corpus_root)
    path = Path(source)
    if path.is_dir():
        path = path / "gold.jsonl"
    if not path.is_file():
        raise InputError(f"{source}: no such gold file or folder")
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}, line {number}: {json_problem(exc)}") from None
        if not isinstance(gold, dict) or "id" not in gold:
            raise InputError(f"{path}, line {number}: a gold line needs an 'id'")
        body = gold.get("text")
        if body is None:
            beside = path.parent / f"{gold['id']}.txt"
            if not beside.is_file():
                raise InputError(
                    f"{path}, line {number}: no 'text' and no {beside.name} beside the file"
                )
            body = beside.read_text("utf-8")
        out.append(_article(gold, body))
    if not out:
        raise InputError(f"{path}: no annotated article")
    return out


def _article(gold: dict[str, Any], text: str) -> Annotated:
    deals = gold.get("deals") or []
    if not isinstance(deals, list):
        raise InputError(f"article {gold['id']}: 'deals' must be a list")
    names = {}
    for key in ("orgs", "people"):
        value = gold.get(key) or []
        if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
            raise InputError(f"article {gold['id']}: '{key}' must be a list of names")
        names[key] = value
    return Annotated(str(gold["id"]), text, gold.get("published"), deals, **names)


def _from_corpus(split: str, root: Path) -> list[Annotated]:
    from aiextract.corpus.evaluation import require_texts, split_gold
    from aiextract.corpus.store import Corpus

    corpus = Corpus(root)
    gold = split_gold(corpus, split)
    if not gold:
        raise InputError(f"corpus:{split}: no gold article in split {split!r} of {root}")
    require_texts(corpus, [g["id"] for g in gold])
    return [_article(g, corpus.text(g["id"])) for g in gold]
