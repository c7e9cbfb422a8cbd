"""What every writer shares: the ``Writer`` protocol, a base class, the resume key."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol

from aiextract.errors import AiextractError
from aiextract.records import Article

DoneKey = tuple[str | None, str | None]


class OutputExistsError(AiextractError, FileExistsError):
    """The output exists and cannot be continued: the message says what to do."""


class Writer(Protocol):
    """What every writer offers."""

    count: int
    resumable: bool
    done: set[DoneKey]
    pipelines: set[str | None]

    def write(self, article: Article | dict[str, Any]) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Writer: ...

    def __exit__(self, *exc: object) -> None: ...


def as_dict(article: Article | dict[str, Any]) -> dict[str, Any]:
    """The ``to_dict()`` form of an ``Article``; a dict is copied as it is."""
    return article.to_dict() if isinstance(article, Article) else dict(article)


class BaseWriter:
    """Context-manager plumbing shared by the writers."""

    resumable = False
    count: int
    done: set[DoneKey]
    pipelines: set[str | None]

    def close(self) -> None:  # pragma: no cover - every writer overrides it
        raise NotImplementedError

    def __enter__(self):  # returns the concrete writer
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
