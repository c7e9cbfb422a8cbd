"""Read aiextract's language data: UTF-8 TSV tables shipped in ``aiextract/data``.

A table has a header line naming its columns; blank lines and lines starting with
``#`` are comments. ``load_table("currencies.tsv")`` gives a list of dicts.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path


def _rows(lines: list[str]) -> tuple[dict[str, str], ...]:
    body = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the packaged table ``name`` (cached: tables are read once per process)."""
    text = resources.files("aiextract.data").joinpath(name).read_text(encoding="utf-8")
    return _rows(text.splitlines())


def load_table_file(path: str | Path) -> tuple[dict[str, str], ...]:
    """Rows of a user-supplied table at ``path``, same format as the packaged ones."""
    return _rows(Path(path).read_text(encoding="utf-8").splitlines())
