"""Write ``Article`` records out: JSON lines for now.

``open_writer(path)`` picks a writer by the file's suffix (``None`` or ``"-"`` means JSON
lines on stdout). A writer is a context manager with ``write(article)``; a new format is one
class added to ``WRITERS``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Protocol

from aiextract.records import Article


class Writer(Protocol):
    """What every writer offers."""

    count: int

    def write(self, article: Article | dict[str, Any]) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Writer: ...

    def __exit__(self, *exc: object) -> None: ...


def _as_dict(article: Article | dict[str, Any]) -> dict[str, Any]:
    return article.to_dict() if isinstance(article, Article) else dict(article)


def utf8_stdout() -> IO[str]:
    """``sys.stdout``, switched to UTF-8 if it was something else (``LANG=C`` terminals)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream


class JsonlWriter:
    """One JSON object per line, UTF-8, accents as they are (``ensure_ascii=False``)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self.count = 0
        if self.path is None:
            self._stream: IO[str] = utf8_stdout()
            self._owned = False
        else:
            self._stream = self.path.open("w", encoding="utf-8", newline="\n")
            self._owned = True

    def write(self, article: Article | dict[str, Any]) -> None:
        self._stream.write(json.dumps(_as_dict(article), ensure_ascii=False) + "\n")
        if not self._owned:
            self._stream.flush()  # stdout: let a pipe see each article as it comes
        self.count += 1

    def close(self) -> None:
        if self._owned:
            self._stream.close()
        else:
            self._stream.flush()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


WRITERS: dict[str, Callable[[Path], Writer]] = {
    ".jsonl": JsonlWriter,
}


def open_writer(path: str | Path | None = None) -> Writer:
    """A writer for ``path``, chosen by its suffix; ``None`` or ``"-"``: JSONL on stdout.

    A suffix no writer claims (none, or ``mktemp``'s ``tmp.XXXX``) gets JSONL, the
    default format."""
    if path in (None, "-"):
        return JsonlWriter(None)
    writer = WRITERS.get(Path(path).suffix.lower(), JsonlWriter)
    return writer(Path(path))
