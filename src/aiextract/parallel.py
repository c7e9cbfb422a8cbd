"""Several processes for ``extract_many``: each worker runs the whole path on a batch.

spaCy's own ``nlp.pipe(n_process=N)`` tokenises in the parent, ships every ``Doc`` to a
worker as bytes and ships it back, tensor and span groups included, then the parent
still builds the records. Here a worker takes a batch of raw items and returns finished
``Article`` records, which are small: the parent only reads input and writes output, so
two processes come close to twice the speed of one. Results are those of one process,
in input order, since each worker runs the same ``extract_many``.

Workers are forked where the platform allows it (the loaded pipeline is shared, not
copied); elsewhere they are spawned and receive the pipeline pickled, once each.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from spacy.language import Language

from aiextract.records import Article
from aiextract.robust import MAX_CHARS

_WORKER_NLP: Language | None = None


def _start_worker(nlp: Language) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp


def _run_batch(batch: list[Any], max_chars: int) -> list[Article]:
    from aiextract.api import _extract_stream

    if _WORKER_NLP is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("aiextract worker started without a pipeline")
    return list(_extract_stream(batch, _WORKER_NLP, len(batch), max_chars))


def worker_count(n_process: int) -> int:
    """``n_process`` as spaCy reads it: -1 (or any value below 1) means one per core."""
    return n_process if n_process >= 1 else max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def extract_parallel(
    items: Iterable[str | Mapping[str, Any]],
    *,
    nlp: Language,
    n_process: int,
    batch_size: int,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article]:
    """``extract_many`` over ``n_process`` worker processes, one ``Article`` per item, in order.

    At most two batches per worker are in flight, so memory does not grow with the
    corpus. A batch that cannot reach a worker (an item that does not pickle) or whose
    worker died is processed again in this process, so no article is lost; after a
    worker's death the rest of the corpus is processed here too.
    """
    from aiextract.api import _extract_stream

    def here(batch: list[Any]) -> list[Article]:
        return list(_extract_stream(batch, nlp, batch_size, max_chars))

    workers = worker_count(n_process)
    iterator = iter(items)
    pending: deque[tuple[list[Any], Future[list[Article]] | None]] = deque()
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_start_worker, initargs=(nlp,)
    )
    try:
        broken = False

        def collect() -> list[Article]:
            nonlocal broken
            batch, future = pending.popleft()
            if future is None:
                return here(batch)
            try:
                return future.result()
            except BrokenProcessPool:
                broken = True
            except Exception:
                pass  # an item that does not pickle, say: the batch is done here instead
            return here(batch)

        def submit(batch: list[Any]) -> Future[list[Article]] | None:
            nonlocal broken
            if not broken:
                try:
                    return pool.submit(_run_batch, batch, max_chars)
                except BrokenProcessPool:
                    broken = True
            return None

        while batch := list(islice(iterator, batch_size)):
            pending.append((batch, submit(batch)))
            if len(pending) >= 2 * workers:
                yield from collect()
        while pending:
            yield from collect()
    finally:  # also when the caller stops early: queued batches are dropped, not run
        pool.shutdown(wait=True, cancel_futures=True)
