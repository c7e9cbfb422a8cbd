"""A batch run: input files -> ``extract_many`` -> a writer, streaming and resumable.

``Batch`` checks the inputs and opens the output before anything heavy happens (so a bad
path fails before the model loads), feeds input items one at a time, skipping those the
output already holds (same ``id`` and same ``text_sha1``, the SHA-1 of the text), and
writes each result as it comes, stamped with its ``text_sha1``. Nothing holds the whole
corpus: memory stays flat whatever its size.

    with Batch(["corpus/"], "out.jsonl") as batch:
        summary = batch.write_all(aiextract.extract_many(batch.items(), nlp=nlp))
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiextract.errors import InputError
from aiextract.io.base import OutputExistsError
from aiextract.io.fingerprint import pipeline_fingerprint
from aiextract.io.readers import Item, check_inputs, count_inputs, iter_inputs
from aiextract.io.writers import open_writer, output_format, writer_class
from aiextract.records import Article

log = logging.getLogger(__name__)


def text_sha1(text: Any) -> str | None:
    """The SHA-1 (hex) of a text's UTF-8 bytes; ``None`` when there is no text."""
    if not isinstance(text, str):
        return None
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass
class BatchSummary:
    """What a run did: articles written, failed among them, skipped as already done,
    redone because their text changed, and deals found."""

    written: int = 0
    failed: int = 0
    skipped: int = 0
    changed: int = 0
    deals: int = 0


class Batch:
    """One run of ``aiextract extract``: inputs, an output, and what is already done.

    ``overwrite=False`` (the default) continues an earlier output of a format that can
    resume (JSONL, DuckDB) written by the same pipeline (``pipeline_sha1``: aiextract's
    code and data, and ``model``; ``pipeline`` names it yourself, e.g. for a custom
    configuration), and refuses to touch an existing CSV or Parquet output or one of
    another pipeline; ``overwrite=True`` starts afresh.
    """

    def __init__(
        self,
        inputs: str | Path | Sequence[str | Path],
        output: str | Path | None = None,
        *,
        format: str | None = None,
        overwrite: bool = False,
        text_column: str = "text",
        model: str | None = None,
        pipeline: str | None = None,
    ) -> None:
        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        self.paths = check_inputs(inputs)
        self.output = output
        self._outputs: list[Path] = []
        if output not in (None, "-"):
            cls = writer_class(output_format(output, format))
            self._outputs = cls.files(Path(output))
            for path in self.paths:  # before the writer touches the file
                if path.is_file() and path.resolve() in {p.resolve() for p in self._outputs}:
                    raise InputError(f"{path} is both an input and the output: give another -o")
        self.format = output_format(output, format)
        self.text_column = text_column
        self.pipeline = pipeline or pipeline_fingerprint(model)
        self.writer = open_writer(output, format=format, mode="w" if overwrite else "resume")
        if self.writer.pipelines - {self.pipeline}:
            self.writer.close()
            raise OutputExistsError(
                f"{output} holds results of another pipeline (aiextract's code or data, or "
                "the model, changed since, or an aiextract that could not resume): "
                "continuing would mix both; use --overwrite to redo every article, or "
                "another output file"
            )
        self.done = self.writer.done
        self._done_ids = {doc_id for doc_id, _ in self.done}
        self._in_flight: dict[str | None, deque[str | None]] = defaultdict(deque)
        self.summary = BatchSummary()
        self._bar: Any = None

    def items(self) -> Iterator[Item]:
        """The input items still to do, in input order, one at a time."""
        items = iter_inputs(self.paths, text_column=self.text_column, exclude=self._outputs)
        for item in items:
            doc_id = None if item.get("id") is None else str(item["id"])
            sha1 = text_sha1(item.get("text"))
            if (doc_id, sha1) in self.done:
                self.summary.skipped += 1
                if self._bar is not None and self._bar.total:
                    self._bar.total -= 1  # the bar counts what this run does
                continue
            if doc_id in self._done_ids:
                self.summary.changed += 1
                log.warning("%s: its text changed since the output was written: redone", doc_id)
            self._in_flight[doc_id].append(sha1)
            yield item

    def write(self, article: Article | dict[str, Any]) -> None:
        """Write one result, stamped with the ``text_sha1`` of its input."""
        doc_id = article.id if isinstance(article, Article) else article.get("id")
        key = None if doc_id is None else str(doc_id)
        queue = self._in_flight.get(key)
        sha1 = queue.popleft() if queue else None
        if queue is not None and not queue:
            del self._in_flight[key]  # only the articles in flight are held
        stamp = {"text_sha1": sha1, "pipeline_sha1": self.pipeline}
        if isinstance(article, Article):
            article.extra.update(stamp)
            error, deals = article.error, len(article.deals)
        else:
            article = {**article, **stamp}
            error, deals = article.get("error"), len(article.get("deals") or ())
        self.writer.write(article)
        self.summary.written += 1
        self.summary.failed += bool(error)
        self.summary.deals += deals

    def write_all(
        self,
        articles: Iterable[Article | dict[str, Any]],
        *,
        progress: bool = False,
        on_failed: Callable[[Article | dict[str, Any]], None] | None = None,
    ) -> BatchSummary:
        """Write every result as it comes; a tqdm bar on stderr when ``progress`` (articles
        done, articles per second, deals found, and a total and time left when the inputs
        can be counted cheaply: see ``count_inputs``); ``on_failed`` is called for each
        failure."""
        from tqdm import tqdm

        total = None
        if progress:
            total = count_inputs(self.paths, text_column=self.text_column, exclude=self._outputs)
        self._bar = bar = tqdm(
            total=total,
            desc="aiextract",
            unit=" articles",
            file=sys.stderr,
            disable=not progress,
            mininterval=0.5,
            dynamic_ncols=True,
        )
        with bar:
            for article in articles:
                self.write(article)
                failed = article.error if isinstance(article, Article) else article.get("error")
                if failed and on_failed is not None:
                    on_failed(article)
                bar.update(1)
                postfix = {"deals": self.summary.deals}
                if self.summary.failed:
                    postfix["failed"] = self.summary.failed
                if self.summary.skipped:
                    postfix["already done"] = self.summary.skipped
                bar.set_postfix(postfix, refresh=False)
        self._bar = None
        return self.summary

    def close(self) -> None:
        """Close the output (a DuckDB writer commits its last batch)."""
        self.writer.close()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
