"""A corpus folder on disk: ``manifest.jsonl``, ``gold.jsonl``, ``texts/`` (git-ignored)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiextract.corpus.manifest import (
    locked,
    manifest_line,
    read_heldout,
    read_jsonl,
    text_sha1,
    url_sha1,
)
from aiextract.errors import InputError

REBUILD_HINT = (
    "the corpus texts are not in git (they are other people's pages); rebuild them "
    "from the manifest as corpus/README.md says"
)


class TextsMissing(InputError):
    """The texts of a corpus are not on this machine."""


@dataclass(frozen=True)
class Corpus:
    """The corpus at ``root`` (the repository's ``corpus/`` folder by default)."""

    root: Path

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.jsonl"

    @property
    def gold_path(self) -> Path:
        return self.root / "gold.jsonl"

    @property
    def texts(self) -> Path:
        return self.root / "texts"

    def manifest(self) -> list[dict[str, Any]]:
        return read_jsonl(self.manifest_path)

    def gold(self) -> list[dict[str, Any]]:
        return read_jsonl(self.gold_path)

    def heldout(self) -> set[str]:
        return read_heldout(self.root / "heldout_urls.sha1")

    def ids(self, split: str | None = None) -> list[str]:
        """The ids of a split (all when ``split`` is None), in manifest order."""
        return [m["id"] for m in self.manifest() if split in (None, "all", m["split"])]

    def text_path(self, article_id: str) -> Path:
        return self.texts / f"{article_id}.txt"

    def missing_texts(self, ids: Iterable[str]) -> list[str]:
        return [i for i in ids if not self.text_path(i).exists()]

    def text(self, article_id: str) -> str:
        """The text of one article; ``TextsMissing`` says how to rebuild it."""
        path = self.text_path(article_id)
        if not path.exists():
            raise TextsMissing(f"{path} is missing: {REBUILD_HINT}")
        return path.read_text("utf-8")

    def add(
        self,
        url: str,
        query: str,
        text: str,
        *,
        replace: bool = False,
        split: str | None = None,
    ) -> tuple[dict[str, Any] | None, str]:
        """Add a page: its text saved and its manifest line written, or why not.

        With ``replace``, a page already there gets this text and query instead (a
        better copy found when rebuilding); its id and split stay. ``split="train"`` puts
        a new page in train whatever its hash says."""
        if url_sha1(url) in self.heldout():
            return None, "refused: this URL is one of the project's held-out articles"
        line = manifest_line(url, query, text, split)
        if not text.strip():
            return None, "refused: empty text"
        with locked(self.manifest_path):
            known = {m["id"]: m for m in self.manifest()}
            if replace != (line["id"] in known):
                why = "not in the corpus" if replace else f"already in the corpus as {line['id']}"
                return None, f"refused: {why}"
            if any(m["sha1"] == line["sha1"] for i, m in known.items() if i != line["id"]):
                return None, "refused: the same text is already in the corpus"
            if replace:
                line["split"] = known[line["id"]]["split"]
            self.texts.mkdir(parents=True, exist_ok=True)
            self.text_path(line["id"]).write_text(text, "utf-8")
            known[line["id"]] = line
            self.manifest_path.write_text(
                "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in known.values()),
                "utf-8",
            )
        verb = "replaced" if replace else "added"
        return line, f"{verb} {line['id']} ({line['split']}, {line['chars']} chars)"

    def rebuild_plan(self, *, missing_only: bool = True) -> list[tuple[str, list[dict]]]:
        """The manifest lines grouped by ``query``, in manifest order: one search of the
        stored pages rebuilds each group (``missing_only``: only the absent texts)."""
        groups: dict[str, list[dict]] = {}
        for line in self.manifest():
            if missing_only and self.text_path(line["id"]).exists():
                continue
            groups.setdefault(line["query"], []).append(line)
        return list(groups.items())

    def restore(self, article_id: str, text: str) -> str | None:
        """Save ``text`` as the article's text if its length and sha1 are the manifest's;
        else leave the folder as it is and say why."""
        line = next((m for m in self.manifest() if m["id"] == article_id), None)
        if line is None:
            return f"{article_id}: not in the manifest"
        if len(text) != line["chars"]:
            return f"{article_id}: {len(text)} chars, manifest says {line['chars']}"
        if text_sha1(text) != line["sha1"]:
            return f"{article_id}: right length, but the sha1 differs from the manifest"
        self.texts.mkdir(parents=True, exist_ok=True)
        self.text_path(article_id).write_text(text, "utf-8", newline="")
        return None

    def verify_text(self, line: dict[str, Any]) -> str | None:
        """Why a present text does not match its manifest line, or None."""
        text = self.text(line["id"])
        if len(text) != line["chars"]:
            return f"{line['id']}: {len(text)} chars, manifest says {line['chars']}"
        if text_sha1(text) != line["sha1"]:
            return f"{line['id']}: sha1 differs from the manifest"
        return None
