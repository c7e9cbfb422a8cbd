"""The real-article corpus: manifest lines, ids, splits, the held-out URL list.

Pure functions and small file helpers, no spaCy. A manifest line is
``{"id", "url", "query", "site", "chars", "sha1", "split"}``; the texts themselves are
other people's pages and live in a git-ignored folder (``corpus/texts/<id>.txt``),
rebuilt from the manifest (``corpus/README.md``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MANIFEST_KEYS = ("id", "url", "query", "site", "chars", "sha1", "split")
SPLITS = ("train", "dev", "test")


def normalise_url(url: str) -> str:
    """The URL as the held-out list hashes it: lower case, no scheme, no ``www.``, no ``/``.

    >>> normalise_url("https://www.Example.com/a/b/")
    'example.com/a/b'
    """
    text = url.strip().lower()
    for scheme in ("https://", "http://"):
        if text.startswith(scheme):
            text = text[len(scheme) :]
            break
    if text.startswith("www."):
        text = text[4:]
    return text.rstrip("/")


def url_sha1(url: str) -> str:
    """sha1 of the normalised URL (the form of ``heldout_urls.sha1``)."""
    return hashlib.sha1(normalise_url(url).encode("utf-8")).hexdigest()


def site_of(url: str) -> str:
    """The site a URL belongs to: its host without ``www.`` (``maddyness.com``)."""
    return normalise_url(url).split("/", 1)[0].split(":", 1)[0]


def article_id(url: str) -> str:
    """A stable id for the page at ``url``: ``r`` and 11 hex digits of its URL hash."""
    return "r" + url_sha1(url)[:11]


def split_of(article_id_: str) -> str:
    """train / dev / test, fixed once by a hash of the id (about 60 / 20 / 20).

    >>> split_of("r0123456789a") in SPLITS
    True
    """
    bucket = int(hashlib.sha1(article_id_.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def text_sha1(text: str) -> str:
    """sha1 of a text as UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_heldout(path: Path) -> set[str]:
    """The sha1s of the held-out URLs, one per line."""
    return {line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (an absent file is empty)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def manifest_line(url: str, query: str, text: str, split: str | None = None) -> dict[str, Any]:
    """The manifest line of a page's text found by ``query``.

    ``split`` may only say ``train``: a later collection can go wholly to training,
    while dev and test stay exactly the hashed ones, so their figures stay comparable."""
    if split not in (None, "train"):
        raise ValueError(f"a page can be put in train only, not {split!r}: dev and test are hashed")
    aid = article_id(url)
    return {
        "id": aid,
        "url": url.strip(),
        "query": query,
        "site": site_of(url),
        "chars": len(text),
        "sha1": text_sha1(text),
        "split": split or split_of(aid),
    }


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside ``path``, so several annotators can add pages at once."""
    lock = path.with_suffix(path.suffix + ".lock")
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
