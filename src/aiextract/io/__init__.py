"""Reading input articles and writing results.

Inputs: ``.txt``, ``.jsonl``, ``.html``/``.htm``, ``.csv``, ``.parquet`` and folders of them
(``iter_inputs``). Outputs: ``.jsonl``, ``.csv``, ``.parquet``, ``.duckdb`` (``open_writer``);
JSONL and DuckDB outputs can resume an interrupted run (``aiextract.io.batch``).
"""

from aiextract.io.base import OutputExistsError, Writer
from aiextract.io.optional import MissingExtraError
from aiextract.io.readers import (
    READERS,
    check_inputs,
    iter_inputs,
    read_csv,
    read_html,
    read_jsonl,
    read_parquet,
    read_txt,
)
from aiextract.io.tables import CsvWriter, DuckDBWriter, ParquetWriter
from aiextract.io.writers import FORMATS, WRITERS, JsonlWriter, open_writer, output_format

__all__ = [
    "FORMATS",
    "READERS",
    "WRITERS",
    "CsvWriter",
    "DuckDBWriter",
    "JsonlWriter",
    "MissingExtraError",
    "OutputExistsError",
    "ParquetWriter",
    "Writer",
    "check_inputs",
    "iter_inputs",
    "open_writer",
    "output_format",
    "read_csv",
    "read_html",
    "read_jsonl",
    "read_parquet",
    "read_txt",
]
