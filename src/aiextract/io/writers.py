"""Write ``Article`` records out, one at a time, as results come.

``open_writer(path)`` picks a writer by the file's suffix or by ``format`` (``None`` or
``"-"`` means JSON lines on stdout): ``.jsonl`` (the guidelines' schema), ``.csv`` and
``.parquet`` (flat tables, see ``aiextract.frame``), ``.duckdb`` (a database with the tables
``articles``, ``deals``, ``parties``, ``mentions``). A writer is a context manager with
``write(article)``; a new format is one class added to ``WRITERS``.

``mode="resume"`` continues an earlier run: the writer reads what the output already holds
into ``done`` (``(id, text_sha1)`` pairs) and appends; JSONL and DuckDB can resume, CSV and
Parquet cannot (``OutputExistsError`` when their files exist).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from aiextract.errors import InputError
from aiextract.io.base import BaseWriter, DoneKey, OutputExistsError, Writer, as_dict
from aiextract.io.tables import CsvWriter, DuckDBWriter, ParquetWriter
from aiextract.records import Article

log = logging.getLogger(__name__)


def utf8_stdout() -> IO[str]:
    """``sys.stdout``, switched to UTF-8 if it was something else (``LANG=C`` terminals)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream


def _resume_jsonl(path: Path) -> tuple[set[DoneKey], set[str | None]]:
    """What an earlier JSONL output holds: the ``(id, text_sha1)`` pairs of its complete
    lines, and the ``pipeline_sha1`` values they carry (``None`` for a line without one:
    written before aiextract could resume).

    A last line cut short (a killed run) is removed from the file. A line with a
    ``text`` field means the file holds articles, not results: an error, so an input
    file given as ``-o`` by mistake is never appended to.
    """
    done: set[DoneKey] = set()
    pipelines: set[str | None] = set()
    with path.open("rb+") as handle:
        good_end = 0
        for lineno, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n"):
                break  # the tail of an interrupted write: cut below
            good_end += len(raw)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                log.warning("%s:%d: broken line left as it is; its article is redone", path, lineno)
                continue
            if not isinstance(record, dict) or ("text" in record and "text_sha1" not in record):
                raise OutputExistsError(
                    f"{path} exists and line {lineno} is not an aiextract result (it has a "
                    "'text'): refusing to add results to it; give another output file, or "
                    "--overwrite to replace it"
                )
            doc_id = record.get("id")
            done.add((None if doc_id is None else str(doc_id), record.get("text_sha1")))
            pipelines.add(record.get("pipeline_sha1") if "text_sha1" in record else None)
        handle.seek(0, os.SEEK_END)
        if handle.tell() != good_end:
            log.warning("%s: cutting an unfinished last line (interrupted run)", path)
            handle.truncate(good_end)
    return done, pipelines


class JsonlWriter(BaseWriter):
    """One JSON object per line, UTF-8, accents as they are (``ensure_ascii=False``);
    each line is flushed as written, so a killed run loses at most the line being written."""

    resumable = True

    def __init__(self, path: str | Path | None = None, *, resume: bool = False) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self.count = 0
        self.done: set[DoneKey] = set()
        self.pipelines: set[str | None] = set()  # the pipeline_sha1 values already there
        if self.path is None:
            self._stream: IO[str] = utf8_stdout()
            self._owned = False
            return
        if resume and self.path.is_file():
            self.done, self.pipelines = _resume_jsonl(self.path)
        mode = "a" if resume else "w"
        self._stream = self.path.open(mode, encoding="utf-8", newline="\n")
        self._owned = True

    @staticmethod
    def files(path: Path) -> list[Path]:
        """The files a writer to ``path`` makes."""
        return [path]

    def write(self, article: Article | dict[str, Any]) -> None:
        self._stream.write(json.dumps(as_dict(article), ensure_ascii=False, default=str) + "\n")
        self._stream.flush()  # a pipe sees each article as it comes; a kill loses little
        self.count += 1

    def close(self) -> None:
        if self._owned:
            self._stream.close()
        else:
            self._stream.flush()


# Format name -> writer class; a new format is one class added here (and to SUFFIXES).
WRITERS: dict[str, Callable[..., Writer]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "parquet": ParquetWriter,
    "duckdb": DuckDBWriter,
}
FORMATS = tuple(WRITERS)
# Output suffix -> format; a suffix not listed here (none, ``mktemp``'s) is JSONL.
SUFFIXES = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet", ".duckdb": "duckdb"}


def writer_class(format: str) -> Callable[..., Writer]:
    """The writer class of a format name (``jsonl``, ``csv``, ``parquet``, ``duckdb``)."""
    if format not in WRITERS:
        raise InputError(f"unknown output format {format!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[format]


def output_format(path: str | Path | None, format: str | None = None) -> str:
    """The format of an output: ``format`` if given, else by the path's suffix (JSONL for
    standard output and for any suffix no writer claims)."""
    if format:
        return format
    if path in (None, "-"):
        return "jsonl"
    return SUFFIXES.get(Path(path).suffix.lower(), "jsonl")


def open_writer(
    path: str | Path | None = None, *, format: str | None = None, mode: str = "w"
) -> Writer:
    """A writer for ``path``; ``None`` or ``"-"``: JSONL on stdout.

    ``mode="w"`` starts afresh (existing files are replaced); ``mode="resume"`` continues
    an earlier output (``writer.done`` holds the ``(id, text_sha1)`` pairs already there,
    ``writer.pipelines`` the ``pipeline_sha1`` values),
    and raises ``OutputExistsError`` for an existing output of a format that cannot resume.
    """
    if mode not in ("w", "resume"):
        raise ValueError(f"mode must be 'w' or 'resume', not {mode!r}")
    fmt = output_format(path, format)
    cls = writer_class(fmt)
    if path in (None, "-"):
        if fmt != "jsonl":
            raise InputError(f"{fmt} output needs a file: give -o OUT.{fmt}")
        return JsonlWriter(None)
    path = Path(path)
    existing = [p for p in cls.files(path) if p.exists()]
    if mode == "resume" and existing and not cls.resumable:
        names = ", ".join(str(p) for p in existing)
        raise OutputExistsError(
            f"{names} already {'exists' if len(existing) == 1 else 'exist'} and {fmt} output "
            "cannot resume a run: use --overwrite "
            "to start afresh, or write .jsonl or .duckdb, which resume"
        )
    return cls(path, resume=mode == "resume")
