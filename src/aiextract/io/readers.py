"""Read input articles: ``.txt``, ``.jsonl``, ``.html``/``.htm``, ``.csv``, ``.parquet``
and folders of them.

Every reader yields plain dicts ``{"id", "text", "published", ...extra fields}``, ready for
``aiextract.extract_many``, one at a time (a file is never read whole into a list of
articles). A file or row that cannot be read never stops the stream: it yields an item
carrying an ``"error"`` key instead (``"text"`` is then ``None``), so the output still gets
one line for it.

A new format is one function ``(path, *, text_column="text") -> Iterator[dict]`` added to
``READERS`` (``text_column`` names the text field of record formats; others ignore it).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import math
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from aiextract.errors import InputError, json_problem
from aiextract.io.optional import MissingExtraError, require
from aiextract.normalize.published import coerce_published

log = logging.getLogger(__name__)

Item = dict[str, Any]

# Keys that mark a JSONL record as a result (an aiextract output or a gold file), not an input.
_RESULT_KEYS = ("deals", "orgs", "money", "dates")


def _error_item(doc_id: str, error: str, published: Any = None, **extra: Any) -> Item:
    return {"id": doc_id, "text": None, "published": published, **extra, "error": error}


class Reader(Protocol):
    """What every reader is: a path in, input items out."""

    def __call__(self, path: Path, *, text_column: str = "text") -> Iterator[Item]: ...


def plain(value: Any) -> Any:
    """``value`` as JSON- and msgpack-safe plain data: dates as ISO strings, Decimals as
    strings (exact), NaN as ``None``, bytes decoded; lists and dicts recursively."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def record_item(record: Mapping[str, Any], fallback_id: str, where: str, text_column: str) -> Item:
    """The input item of one record (a JSON object, a CSV or Parquet row): ``text_column``
    is the text, ``id`` and ``published`` are read if present (an empty ``id`` becomes
    ``fallback_id``), every other field is carried through as plain data."""
    doc_id = record.get("id")
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(plain(doc_id))
    published = plain(record.get("published"))
    if published == "":
        published = None
    skip = ("id", text_column, "published", "error")
    extra = {str(k): plain(v) for k, v in record.items() if k not in skip}
    text = record.get(text_column)
    if not isinstance(text, str):
        problem = (
            f"has no {text_column!r}"
            if text is None
            else (f"{text_column!r} is a {type(text).__name__}")
        )
        return _error_item(doc_id, f"{where}: {problem}, not a string", published, **extra)
    try:
        coerce_published(published)
    except InputError as exc:  # said here, where the file and line are known
        return _error_item(doc_id, f"{where}: {exc}", None, **extra)
    return {"id": doc_id, "text": text, "published": published, **extra}


def read_txt(path: Path, *, text_column: str = "text") -> Iterator[Item]:
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


def _jsonl_item(path: Path, lineno: int, raw: bytes, text_column: str = "text") -> Item:
    """The input item of one JSONL line, or an error item saying what is wrong with it."""
    fallback_id = f"{path.stem}:{lineno}"
    where = f"{path}:{lineno}"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _error_item(fallback_id, f"{where}: not UTF-8 text ({exc.reason})")
    except json.JSONDecodeError as exc:
        return _error_item(fallback_id, f"{where}: {json_problem(exc)}")
    if not isinstance(record, dict):
        return _error_item(fallback_id, f"{where}: not a JSON object")
    return record_item(record, fallback_id, where, text_column)


def read_jsonl(path: Path, *, text_column: str = "text") -> Iterator[Item]:
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
                yield _jsonl_item(path, lineno, raw, text_column)


def read_html(path: Path, *, text_column: str = "text") -> Iterator[Item]:
    """One article per page: its main text, found by trafilatura (menus, footers and
    comments left out); ``published`` is the date in the page's metadata (``<meta>``
    tags, JSON-LD), not a date guessed from the text; ``title`` and ``url`` are kept when
    the page gives them. id is the file's stem."""
    trafilatura = require("trafilatura", "html")
    for name in ("trafilatura", "htmldate", "courlan"):  # their failures are our error items
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _error_item(path.stem, f"{path}: cannot read ({exc.strerror or exc})")
        return
    try:
        page = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser crash on one page must not stop the corpus
        yield _error_item(path.stem, f"{path}: cannot parse the HTML ({exc})")
        return
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        yield _error_item(path.stem, f"{path}: no article text found in the page")
        return
    item: Item = {"id": path.stem, "text": text, "published": page.date or None}
    for key in ("title", "url"):
        if getattr(page, key, None):
            item[key] = getattr(page, key)
    yield item


def _decoded_lines(handle: Iterable[bytes], bad: set[int]) -> Iterator[str]:
    """The lines of a byte stream as text (a BOM dropped); a line that is not UTF-8 is
    decoded with replacement characters and its number (1-based) put in ``bad``."""
    for lineno, raw in enumerate(handle, 1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(lineno)
            yield raw.decode("utf-8", errors="replace")


def read_csv(path: Path, *, text_column: str = "text") -> Iterator[Item]:
    """One article per row of a CSV file with a header line (UTF-8, ``,`` separated,
    RFC 4180 quoting): ``text_column`` is the text, ``id`` and ``published`` columns are
    read if present, other columns are carried through. A missing id becomes
    ``"<file stem>:<row number>"`` (the first row under the header is 1). A row with
    bytes that are not UTF-8, or one the CSV parser rejects, gives an error item."""
    csv.field_size_limit(2**31 - 1)  # articles are longer than csv's 128 KiB default
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _error_item(path.stem, f"{path}: cannot read ({exc.strerror or exc})")
        return
    bad_lines: set[int] = set()
    with handle:
        rows = csv.reader(_decoded_lines(handle, bad_lines))
        try:
            header = next(rows, None)
        except csv.Error as exc:
            header, problem = None, f"broken header line ({exc})"
        else:
            problem = "empty file, no header line"
        if header is None or not any(header):
            yield _error_item(path.stem, f"{path}: {problem}")
            return
        if text_column not in header:
            yield _error_item(path.stem, _no_text_column(path, text_column, header))
            return
        last_line, number = rows.line_num, 0
        while True:
            number += 1
            fallback_id, where = f"{path.stem}:{number}", f"{path}: row {number}"
            try:
                row: list[Any] = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                last_line = rows.line_num
                yield _error_item(fallback_id, f"{where}: not valid CSV ({exc})")
                continue
            lines = range(last_line + 1, rows.line_num + 1)
            last_line = rows.line_num
            if not any(row):
                number -= 1  # a blank line is no row
                continue
            if len(row) < len(header):
                row += [None] * (len(header) - len(row))
            record = dict(zip(header, row[: len(header)], strict=True))
            doc_id = record.get("id") or fallback_id
            if any(line in bad_lines for line in lines):
                yield _error_item(doc_id, f"{where}: not UTF-8 text")
            elif len(row) > len(header):  # an unquoted separator would cut the text
                yield _error_item(
                    doc_id, f"{where}: {len(row)} cells for {len(header)} columns (quoting?)"
                )
            else:
                yield record_item(record, fallback_id, where, text_column)


def _no_text_column(path: Path, text_column: str, columns: Iterable[str]) -> str:
    shown = ", ".join(repr(c) for c in list(columns)[:12])
    return (
        f"{path}: no {text_column!r} column (columns: {shown}); "
        "name the text column with --text-column"
    )


def read_parquet(path: Path, *, text_column: str = "text") -> Iterator[Item]:
    """One article per row of a Parquet file, read batch by batch: ``text_column`` is the
    text, ``id`` and ``published`` columns are read if present (a date or timestamp
    ``published`` is fine), other columns are carried through as plain data. A missing id
    becomes ``"<file stem>:<row number>"`` (the first row is 1)."""
    parquet = require("pyarrow.parquet", "parquet")
    try:
        table = parquet.ParquetFile(path)
    except Exception as exc:  # not a Parquet file, truncated footer, unreadable
        yield _error_item(path.stem, f"{path}: cannot read as Parquet ({exc})")
        return
    names = table.schema_arrow.names
    if text_column not in names:
        yield _error_item(path.stem, _no_text_column(path, text_column, names))
        return
    number = 0
    try:
        for batch in table.iter_batches(batch_size=256):
            for record in batch.to_pylist():
                number += 1
                yield record_item(
                    record, f"{path.stem}:{number}", f"{path}: row {number}", text_column
                )
    except Exception as exc:  # a corrupt row group: say where the reading stopped
        yield _error_item(
            f"{path.stem}:{number + 1}", f"{path}: unreadable from row {number + 1} ({exc})"
        )


READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".csv": read_csv,
    ".parquet": read_parquet,
}
# Formats that need an optional package: suffix -> (module, extra of aiextract).
READER_EXTRAS: dict[str, tuple[str, str]] = {
    ".html": ("trafilatura", "html"),
    ".htm": ("trafilatura", "html"),
    ".parquet": ("pyarrow.parquet", "parquet"),
}


def _columns(path: Path) -> list[str] | None:
    """The column names of a CSV or Parquet file, ``None`` if they cannot be read."""
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return next(csv.reader(handle), None)
        parquet = require("pyarrow.parquet", "parquet")
        return list(parquet.ParquetFile(path).schema_arrow.names)
    except Exception:  # unreadable: let the reader report it as an error item
        return None


def looks_like_results(path: Path, text_column: str = "text") -> bool:
    """True when a file holds results, not articles: a ``.jsonl`` whose first record has
    no ``text`` but has result fields (``deals``, ``orgs``...), an aiextract output or a
    gold file; a ``.csv`` or ``.parquet`` with an ``article_id`` column and no text column,
    or the columns of a mentions table (the tables aiextract writes)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".parquet"):
        columns = set(_columns(path) or ())
        if "article_id" not in columns:
            return False
        return text_column not in columns or {"kind", "mention_index"} <= columns
    if suffix != ".jsonl":
        return False
    try:
        with path.open("rb") as handle:
            for raw in handle:
                if raw.strip():
                    record = json.loads(raw.decode("utf-8-sig"))
                    return (
                        isinstance(record, dict)
                        and text_column not in record
                        and any(k in record for k in _RESULT_KEYS)
                    )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def folder_files(folder: Path, text_column: str = "text") -> list[Path]:
    """The readable files under ``folder``, recursively, sorted by path; hidden files and
    folders are left out, and so are files that hold results, not articles (an aiextract
    output or a gold file written next to the articles)."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not path.is_file() or path.suffix.lower() not in READERS:
            continue
        if looks_like_results(path, text_column):
            log.warning("skipping %s: it holds results (no %r), not articles", path, text_column)
            continue
        files.append(path)
    return files


def check_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The paths as ``Path`` objects; ``InputError`` for a missing path or an unknown
    format, ``MissingExtraError`` for a file whose format needs a package not installed."""
    checked = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        suffix = path.suffix.lower()
        if path.is_file() and suffix not in READERS:
            known = ", ".join(sorted(READERS))
            raise InputError(f"{path}: unknown input format; aiextract reads {known} and folders")
        if path.is_file() and suffix in READER_EXTRAS:
            require(*READER_EXTRAS[suffix])
        checked.append(path)
    return checked


def _input_files(
    paths: Iterable[Path], text_column: str, exclude: Iterable[str | Path]
) -> Iterator[Path]:
    """Every input file of ``paths`` (folders listed), in reading order, minus ``exclude``."""
    skip = {Path(p).resolve() for p in exclude}
    for path in paths:
        files = folder_files(path, text_column) if path.is_dir() else [path]
        for file in files:
            if file.resolve() not in skip:
                yield file


def count_inputs(
    paths: str | Path | Iterable[str | Path],
    *,
    text_column: str = "text",
    exclude: Iterable[str | Path] = (),
) -> int | None:
    """How many items ``iter_inputs`` will yield, for a progress bar's total, or ``None``
    when that cannot be known without parsing (a ``.csv``: its cells may hold newlines).
    ``.txt`` and ``.html`` count one, ``.jsonl`` its non-blank lines (a fast scan), and
    ``.parquet`` the row count of its footer."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total = 0
    for file in _input_files(check_inputs(paths), text_column, exclude):
        suffix = file.suffix.lower()
        if suffix == ".csv":
            return None
        try:
            if suffix == ".jsonl":
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix == ".parquet":
                parquet = require("pyarrow.parquet", "parquet")
                total += parquet.ParquetFile(file).metadata.num_rows
            else:
                total += 1
        except Exception:  # unreadable: the reader will give it one error item
            total += 1
    return total


def iter_inputs(
    paths: str | Path | Iterable[str | Path],
    *,
    text_column: str = "text",
    exclude: Iterable[str | Path] = (),
) -> Iterator[Item]:
    """Input items of ``paths`` (files or folders), in the order given, folders sorted.

    ``text_column`` names the text field of ``.jsonl``, ``.csv`` and ``.parquet`` records.
    Files in ``exclude`` (the run's own output files) are never read, even inside a
    folder: reading the output while writing it would never end. Raises ``InputError``
    before reading anything if a path is missing, of an unknown format, or excluded;
    problems inside files give error items instead (a file in a folder whose format
    needs a package not installed too).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    exclude = [Path(p).resolve() for p in exclude]
    checked = check_inputs(paths)
    for path in checked:
        if path.is_file() and path.resolve() in exclude:
            raise InputError(f"{path} is both an input and the output: give another -o")
    for file in _input_files(checked, text_column, exclude):
        reader = READERS[file.suffix.lower()]
        try:
            yield from reader(file, text_column=text_column)
        except MissingExtraError as exc:
            yield _error_item(file.stem, f"{file}: {exc}")
