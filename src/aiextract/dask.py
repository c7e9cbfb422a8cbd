"""Run aiextract over a Dask bag or DataFrame of articles, on one machine or a cluster.

The pipeline is loaded once per worker process (a module-level cache keyed by model, config
and exclusions) and reused by every partition that worker runs; each partition goes through
``extract_many``, so every article gives one record, in order, a bad one with its ``error``.

    >>> import dask.bag as db
    >>> from aiextract.dask import extract_bag, to_frame, to_parquet
    >>> results = extract_bag(db.from_sequence(articles, partition_size=200))  # article dicts
    >>> deals = to_frame(results).compute()                # pandas, one row per deal
    >>> to_parquet(results, "deals/")                      # or the Parquet files

``extract_on_cluster`` streams articles through an existing cluster and yields ``Article``
records in input order (the ``extract --scheduler`` command). docs/scale.md has the rest.
"""

from __future__ import annotations

import json
import math
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from aiextract.io.optional import MissingExtraError

try:
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed
except ImportError as exc:  # the extra is installed in tests; a subprocess test checks this
    raise MissingExtraError(
        f'aiextract.dask needs Dask ({exc}); install it with: pip install "aiextract[dask]"'
    ) from None

from aiextract.api import extract_many
from aiextract.errors import ModelNotFoundError
from aiextract.pipeline import DEFAULT_MODEL, load
from aiextract.records import Article

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from distributed import Client
    from spacy.language import Language

__all__ = [
    "extract_bag",
    "extract_frame",
    "extract_on_cluster",
    "extract_partition",
    "pipeline_loads",
    "to_frame",
    "to_parquet",
    "worker_pipeline",
]

Item = str | Mapping[str, Any]

# One pipeline per (model, config, exclusions) and worker process, loaded on first use.
_PIPELINES: dict[str, Language] = {}
_LOAD_LOCK = threading.Lock()
# The aiextract components share per-process state (extensions.doc_text's one-entry cache):
# a process runs one partition at a time, whatever the number of threads of its worker.
_RUN_LOCK = threading.Lock()
_LOADS = [0]


def _pipeline_key(model: str, exclude: Sequence[str], config: Mapping[str, Any] | None) -> str:
    return json.dumps([model, sorted(exclude), config or {}], sort_keys=True, default=str)


def worker_pipeline(
    model: str = DEFAULT_MODEL,
    *,
    exclude: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
) -> Language:
    """The aiextract pipeline of this process for these settings, loaded once and kept."""
    key = _pipeline_key(model, exclude, config)
    with _LOAD_LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            nlp = load(model, exclude=tuple(exclude), config=dict(config or {}))
            _PIPELINES[key] = nlp
            _LOADS[0] += 1
    return nlp


def pipeline_loads() -> int:
    """How many pipelines this process has loaded (``client.run(pipeline_loads)``)."""
    return _LOADS[0]


def extract_partition(
    items: Iterable[Item],
    *,
    model: str = DEFAULT_MODEL,
    exclude: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    batch_size: int = 32,
) -> list[Article]:
    """``extract_many`` over one partition with this worker's cached pipeline."""
    nlp = worker_pipeline(model, exclude=exclude, config=config)
    with _RUN_LOCK:
        return list(extract_many(items, nlp=nlp, batch_size=batch_size))


def _partition_dicts(items: Iterable[Item], **options: Any) -> list[dict[str, Any]]:
    return [article.to_dict() for article in extract_partition(items, **options)]


def extract_bag(
    articles: db.Bag,
    *,
    model: str = DEFAULT_MODEL,
    exclude: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    batch_size: int = 32,
) -> db.Bag:
    """A bag of article dicts (``Article.to_dict()``, the guidelines' schema) for a bag of
    strings or dicts (``text``, optional ``id``, ``published``, other keys carried
    through), one per article and in the bag's order."""
    return articles.map_partitions(
        _partition_dicts,
        model=model,
        exclude=tuple(exclude),
        config=config,
        batch_size=batch_size,
    )


def _missing(value: Any) -> bool:
    """``None``, NaN or NaT: a cell with nothing in it."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    """A cell as a plain Python value (numpy scalars have ``item()``)."""
    if _missing(value):
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, (str, bytes)) else value


def _row_item(row: Mapping[str, Any], text: str, id: str, published: str) -> dict[str, Any]:
    item: dict[str, Any] = {"text": _plain(row.get(text))}
    doc_id = _plain(row.get(id))
    item["id"] = None if doc_id is None else str(doc_id)
    item["published"] = _plain(row.get(published))
    for key, value in row.items():
        if key not in (text, id, published):
            item[str(key)] = _plain(value)
    return item


def extract_frame(
    frame: dd.DataFrame | pd.DataFrame,
    *,
    text: str = "text",
    id: str = "id",
    published: str = "published",
    npartitions: int | None = None,
    model: str = DEFAULT_MODEL,
    exclude: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    batch_size: int = 32,
) -> db.Bag:
    """A bag of article dicts for a DataFrame with a ``text`` column and optional ``id`` and
    ``published`` columns (other columns are carried through). A pandas DataFrame is cut
    into ``npartitions`` (default: one per 200 rows)."""
    if not isinstance(frame, dd.DataFrame):
        npartitions = npartitions or max(1, math.ceil(len(frame) / 200))
        frame = dd.from_pandas(frame, npartitions=npartitions, sort=False)
    if text not in frame.columns:
        raise ValueError(f"the DataFrame has no {text!r} column (columns: {list(frame.columns)})")
    rows = frame.to_bag(index=False, format="dict")
    items = rows.map(_row_item, text=text, id=id, published=published)
    return extract_bag(items, model=model, exclude=exclude, config=config, batch_size=batch_size)


def _frame_part(records: list[dict[str, Any]], table: str) -> pd.DataFrame:
    from aiextract.frame import to_frame as records_frame

    return records_frame(records, table=table)


def to_frame(results: db.Bag, table: str = "deals") -> dd.DataFrame:
    """A Dask DataFrame of ``table`` (``deals``: one row per deal; ``articles``, ``parties``
    or ``mentions``) for a bag of article dicts, with the columns of
    ``aiextract.to_frame``; ``.compute()`` gives the pandas one."""
    from aiextract.frame import TABLES
    from aiextract.frame import to_frame as records_frame

    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    meta = records_frame([], table=table)
    parts = [delayed(_frame_part)(part, table) for part in results.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def to_parquet(results: db.Bag, path: str, table: str = "deals", **options: Any) -> None:
    """Write ``table`` (see ``to_frame``) of a bag of article dicts as Parquet files under
    ``path`` (a folder, local or any fsspec URL); ``options`` go to ``dd.to_parquet``."""
    options.setdefault("write_index", False)
    to_frame(results, table).to_parquet(path, **options)


# --------------------------------------------------------------------------- a cluster


def _blocks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    block: list[Item] = []
    for item in items:
        block.append(item)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block


def _failed(item: Any, error: str) -> Article:
    doc_id = item.get("id") if isinstance(item, Mapping) else None
    return Article.failed(None if doc_id is None else str(doc_id), error)


def extract_on_cluster(
    items: Iterable[Item],
    scheduler: str | Client,
    *,
    model: str = DEFAULT_MODEL,
    exclude: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    batch_size: int = 32,
    block_size: int | None = None,
    window: int | None = None,
) -> Iterator[Article]:
    """Stream ``Article`` records for ``items`` through a Dask cluster, in input order.

    ``scheduler`` is a ``distributed.Client`` or a scheduler address
    (``tcp://host:8786``, then a client is opened and closed here). Items go out in blocks
    of ``block_size`` articles (default: 4 × ``batch_size``), at most ``window`` blocks at
    a time (default: 2 per worker thread), so memory stays flat however long the stream.
    A block the cluster fails to process (a worker lost) gives error records for its
    articles; a model missing on the workers raises ``ModelNotFoundError``.
    """
    from distributed import Client

    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        size = block_size or 4 * batch_size
        limit = window or max(2, 2 * sum(client.nthreads().values()))
        options = {
            "model": model,
            "exclude": tuple(exclude),
            "config": config,
            "batch_size": batch_size,
        }
        pending: deque[tuple[list[Item], Any]] = deque()
        for block in _blocks(items, size):
            future = client.submit(extract_partition, block, pure=False, **options)
            pending.append((block, future))
            while len(pending) >= limit:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        if own:
            client.close()


def _collect(block: list[Item], future: Any) -> list[Article]:
    """The records of one block, or error records when the cluster lost it."""
    try:
        return future.result()
    except ModelNotFoundError:
        raise
    except Exception as exc:  # a worker died, a task was cancelled: keep every article
        error = f"the cluster could not process this article ({type(exc).__name__}: {exc})"
        return [_failed(item, error) for item in block]
    finally:
        future.release()
