"""Table writers: CSV files, Parquet files and a DuckDB database, one row per deal,
party, mention and article (the columns of ``aiextract.frame.TABLES``).

``-o out.csv`` writes the deals to ``out.csv`` and the other tables beside it:
``out.articles.csv``, ``out.parties.csv``, ``out.mentions.csv`` (same for ``.parquet``).
``-o out.duckdb`` writes one database with the tables ``articles``, ``deals``, ``parties``
and ``mentions``, joined on ``article_id`` (and ``deal_index``). Money is exact:
decimal strings in CSV, ``DECIMAL(38, 4)`` in Parquet and DuckDB.
"""

from __future__ import annotations

import csv
import decimal
import logging
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from aiextract.frame import TABLES, Row, flatten
from aiextract.io.base import BaseWriter, DoneKey
from aiextract.io.optional import require
from aiextract.records import Article

log = logging.getLogger(__name__)

MAIN_TABLE = "deals"
# DECIMAL(38, 4): 34 digits before the point, 4 after (a per-share price of 0,6025 $).
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 4
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)
_DECIMAL_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)
_CONTEXT = decimal.Context(prec=DECIMAL_PRECISION + 10)


def table_paths(path: Path) -> dict[str, Path]:
    """The file of each table for the output ``path``: the deals in ``path`` itself,
    the others beside it (``out.csv`` -> ``out.articles.csv``...)."""
    return {
        table: path if table == MAIN_TABLE else path.with_name(f"{path.stem}.{table}{path.suffix}")
        for table in TABLES
    }


def fixed_decimal(value: Decimal | None) -> Decimal | None:
    """``value`` rounded to the table scale (4 places); ``None`` if it does not fit."""
    if value is None:
        return None
    fixed = value.quantize(_QUANTUM, context=_CONTEXT)
    if abs(fixed) >= _DECIMAL_LIMIT:
        log.warning("amount %s is too large for DECIMAL(38, 4): left empty", value)
        return None
    return fixed


def _text_cell(value: Any) -> str:
    """A CSV cell: exact decimal strings (``12000000000``, ``37.5``), empty for ``None``."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


class _TableFiles(BaseWriter):
    """Shared by the CSV and Parquet writers: one file per table, rows as they come."""

    suffix = ""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        self.count = 0
        self.done: set[DoneKey] = set()  # these formats never resume
        self.pipelines: set[str | None] = set()

    @classmethod
    def files(cls, path: Path) -> list[Path]:
        """The files a writer to ``path`` makes."""
        return list(table_paths(path).values())

    def write(self, article: Article | dict[str, Any]) -> None:
        for table, rows in flatten(article).items():
            if rows:
                self._write_rows(table, rows)
        self.count += 1

    def _write_rows(self, table: str, rows: list[Row]) -> None:  # pragma: no cover
        raise NotImplementedError


class CsvWriter(_TableFiles):
    """Four CSV files (UTF-8, header line, ``,`` separated, RFC 4180 quoting), flushed
    after each article. Lists of names are ``; ``-joined; money is an exact decimal
    string; an empty cell is ``null``."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        super().__init__(path, resume=resume)
        self._handles = {}
        self._writers = {}
        for table, file in table_paths(self.path).items():
            handle = file.open("w", encoding="utf-8", newline="")
            self._handles[table] = handle
            self._writers[table] = csv.writer(handle)
            self._writers[table].writerow([name for name, _ in TABLES[table]])

    def _write_rows(self, table: str, rows: list[Row]) -> None:
        columns = [name for name, _ in TABLES[table]]
        self._writers[table].writerows([_text_cell(row[c]) for c in columns] for row in rows)

    def write(self, article: Article | dict[str, Any]) -> None:
        super().write(article)
        for handle in self._handles.values():
            handle.flush()

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()


class ParquetWriter(_TableFiles):
    """Four Parquet files, written a row group at a time (``row_group_size`` rows per
    table are held in memory at most). Money is ``decimal128(38, 4)``, counts and
    offsets ``int64``. A file is readable once the writer is closed."""

    def __init__(
        self, path: str | Path, *, resume: bool = False, row_group_size: int = 2048
    ) -> None:
        super().__init__(path, resume=resume)
        self._pa = require("pyarrow", "parquet")
        parquet = require("pyarrow.parquet", "parquet")
        self.row_group_size = row_group_size
        self._schemas = {table: self._schema(table) for table in TABLES}
        self._buffers: dict[str, list[Row]] = {table: [] for table in TABLES}
        self._writers = {
            table: parquet.ParquetWriter(file, self._schemas[table])
            for table, file in table_paths(self.path).items()
        }

    def _schema(self, table: str):
        pa = self._pa
        types = {
            "str": pa.string(),
            "json": pa.string(),
            "int": pa.int64(),
            "float": pa.float64(),
            "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        }
        return pa.schema([(name, types[kind]) for name, kind in TABLES[table]])

    def _write_rows(self, table: str, rows: list[Row]) -> None:
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= self.row_group_size:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._buffers[table]
        if not rows:
            return
        decimals = [name for name, kind in TABLES[table] if kind == "decimal"]
        for row in rows:
            for name in decimals:
                row[name] = fixed_decimal(row[name])
        batch = self._pa.Table.from_pylist(rows, schema=self._schemas[table])
        self._writers[table].write_table(batch)
        self._buffers[table] = []

    def close(self) -> None:
        for table, writer in self._writers.items():
            self._flush(table)
            writer.close()


_SQL_TYPES = {
    "str": "VARCHAR",
    "json": "JSON",
    "int": "BIGINT",
    "float": "DOUBLE",
    "decimal": f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})",
}


_ROWS_PER_INSERT = 256


def create_table_sql(table: str) -> str:
    """The ``CREATE TABLE IF NOT EXISTS`` statement of a table."""
    columns = ", ".join(f'"{name}" {_SQL_TYPES[kind]}' for name, kind in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns})"


class DuckDBWriter(BaseWriter):
    """A DuckDB database file with the tables ``articles``, ``deals``, ``parties`` and
    ``mentions``. Rows are committed a batch of articles at a time (each batch one
    transaction), so a killed run leaves whole articles only; ``resume=True`` keeps the
    rows there and reads the ``(article_id, text_sha1)`` pairs already done. An article
    written again (its text changed) replaces its earlier rows."""

    resumable = True

    def __init__(
        self,
        path: str | Path,
        *,
        resume: bool = False,
        commit_every: int = 64,
        commit_seconds: float = 5.0,
        memory_limit: str = "256MB",
    ) -> None:
        duckdb = require("duckdb", "duckdb")
        self.path = Path(path)
        self.count = 0
        self.commit_every, self.commit_seconds = commit_every, commit_seconds
        if not resume:
            for file in self.files(self.path):
                file.unlink(missing_ok=True)
        # bounded memory and one thread: the writer must not compete with the pipeline
        self._con = duckdb.connect(
            str(self.path), config={"memory_limit": memory_limit, "threads": 1}
        )
        for table in TABLES:
            self._con.execute(create_table_sql(table))
        self.done: set[DoneKey] = set(
            self._con.execute("SELECT article_id, text_sha1 FROM articles").fetchall()
        )
        try:
            rows = self._con.execute("SELECT DISTINCT pipeline_sha1 FROM articles").fetchall()
            self.pipelines: set[str | None] = {row[0] for row in rows}
        except duckdb.Error:  # a database from before pipeline_sha1: another pipeline
            self.pipelines = {None}
        self._ids = {doc_id for doc_id, _ in self.done}
        self._pending: list[dict[str, list[Row]]] = []
        self._replace: set[str] = set()
        self._last_commit = time.monotonic()

    @staticmethod
    def files(path: Path) -> list[Path]:
        """The files a writer to ``path`` makes (the database and its write-ahead log)."""
        return [path, path.with_name(path.name + ".wal")]

    def write(self, article: Article | dict[str, Any]) -> None:
        tables = flatten(article)
        (row,) = tables["articles"]
        doc_id = row["article_id"]
        if doc_id in self._ids and (doc_id, row["text_sha1"]) not in self.done:
            self._replace.add(doc_id)
        self._pending.append(tables)
        self.count += 1
        waited = time.monotonic() - self._last_commit
        if len(self._pending) >= self.commit_every or waited >= self.commit_seconds:
            self.commit()

    def commit(self) -> None:
        """Write the articles held so far, in one transaction."""
        if not self._pending:
            return
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            for doc_id in self._replace:
                for table in TABLES:
                    con.execute(f"DELETE FROM {table} WHERE article_id = ?", [doc_id])
            for table, kinds in TABLES.items():
                rows = [row for tables in self._pending for row in tables[table]]
                if not rows:
                    continue
                names = [name for name, _ in kinds]
                decimals = {name for name, kind in kinds if kind == "decimal"}
                values = [
                    [fixed_decimal(row[n]) if n in decimals else row[n] for n in names]
                    for row in rows
                ]
                row_marks = "(" + ", ".join("?" for _ in names) + ")"
                for start in range(0, len(values), _ROWS_PER_INSERT):
                    chunk = values[start : start + _ROWS_PER_INSERT]
                    # one multi-row INSERT: several times faster than executemany
                    con.execute(
                        f"INSERT INTO {table} VALUES " + ", ".join([row_marks] * len(chunk)),
                        [value for row in chunk for value in row],
                    )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._pending, self._replace = [], set()
        self._last_commit = time.monotonic()

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self._con.close()
