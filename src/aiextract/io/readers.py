"""Read input articles from ``.txt`` files, ``.jsonl`` files and folders of them.

Every reader yields plain dicts ``{"id", "text", "published", ...extra fields}``, ready for
``aiextract.extract_many``. A file or line that cannot be read never stops the stream: it
yields an item carrying an ``"error"`` key instead (``"text"`` is then ``None``), so the
output still gets one line for it.

A new format is one function ``(path) -> Iterator[dict]`` added to ``READERS``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from aiextract.errors import InputError

log = logging.getLogger(__name__)

Item = dict[str, Any]

# Keys that mark a JSONL record as a result (an aiextract output or a gold file), not an input.
_RESULT_KEYS = ("deals", "orgs", "money", "dates")


def _error_item(doc_id: str, error: str, published: Any = None, **extra: Any) -> Item:
    return {"id": doc_id, "text": None, "published": published, **extra, "error": error}


def read_txt(path: Path) -> Iterator[Item]:
    """One article: the whole file, UTF-8 (a BOM is dropped); id is the file's stem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _error_item(path.stem, f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    except OSError as exc:
        yield _error_item(path.stem, f"{path}: cannot read ({exc.strerror or exc})")
        return
    yield {"id": path.stem, "text": text, "published": None}


def _jsonl_item(path: Path, lineno: int, raw: bytes) -> Item:
    """The input item of one JSONL line, or an error item saying what is wrong with it."""
    fallback_id = f"{path.stem}:{lineno}"
    where = f"{path}:{lineno}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _error_item(fallback_id, f"{where}: not UTF-8 text ({exc.reason})")
    except json.JSONDecodeError as exc:
        return _error_item(fallback_id, f"{where}: not valid JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(record, dict):
        return _error_item(fallback_id, f"{where}: not a JSON object")
    doc_id = record.get("id")
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
    extra = {k: v for k, v in record.items() if k not in ("id", "text", "published", "error")}
    text = record.get("text")
    if not isinstance(text, str):
        problem = "has no 'text'" if text is None else f"'text' is a {type(text).__name__}"
        return _error_item(
            doc_id, f"{where}: {problem}, not a string", record.get("published"), **extra
        )
    return {"id": doc_id, "text": text, "published": record.get("published"), **extra}


def read_jsonl(path: Path) -> Iterator[Item]:
    """One article per non-blank line: ``{"id", "text", "published", ...}``.

    A missing id becomes ``"<file stem>:<line number>"``; a broken line, a non-object or
    a missing or non-string ``text`` gives an error item.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _error_item(path.stem, f"{path}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.strip():
                yield _jsonl_item(path, lineno, raw)


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
}


def looks_like_results(path: Path) -> bool:
    """True when a ``.jsonl`` file's first record has no ``text`` but has result fields
    (``deals``, ``orgs``...): an aiextract output or a gold file, not articles to read."""
    try:
        with path.open("rb") as handle:
            for raw in handle:
                if raw.strip():
                    record = json.loads(raw.decode("utf-8-sig"))
                    return (
                        isinstance(record, dict)
                        and "text" not in record
                        and any(k in record for k in _RESULT_KEYS)
                    )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def folder_files(folder: Path) -> list[Path]:
    """The readable files under ``folder``, recursively, sorted by path; hidden files and
    folders are left out, and so are ``.jsonl`` files that hold results, not articles."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not path.is_file() or path.suffix.lower() not in READERS:
            continue
        if path.suffix.lower() == ".jsonl" and looks_like_results(path):
            log.warning("skipping %s: it holds results (no 'text'), not articles", path)
            continue
        files.append(path)
    return files


def check_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The paths as ``Path`` objects; ``InputError`` for a missing path or an unknown format."""
    checked = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file() and path.suffix.lower() not in READERS:
            known = ", ".join(sorted(READERS))
            raise InputError(f"{path}: unknown input format; aiextract reads {known} and folders")
        checked.append(path)
    return checked


def iter_inputs(paths: str | Path | Iterable[str | Path]) -> Iterator[Item]:
    """Input items of ``paths`` (files or folders), in the order given, folders sorted.

    Raises ``InputError`` before reading anything if a path is missing or of an unknown
    format; problems inside files give error items instead.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in check_inputs(paths):
        files = folder_files(path) if path.is_dir() else [path]
        for file in files:
            yield from READERS[file.suffix.lower()](file)
