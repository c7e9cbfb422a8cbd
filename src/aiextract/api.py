"""The Python entry points: ``extract`` one article, ``extract_many`` a stream of them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.errors import InputError
from aiextract.extensions import register_extensions
from aiextract.normalize.dates import find_published
from aiextract.normalize.published import coerce_published
from aiextract.pipeline import load
from aiextract.records import Article
from aiextract.robust import (
    BATCH_CHARS,
    CHUNK_CHARS,
    MAX_CHARS,
    clean_text,
    is_prose,
    merge_articles,
    split_text,
)

log = logging.getLogger("aiextract")

_DEFAULT_NLP: Language | None = None


def default_nlp() -> Language:
    """The pipeline with default settings, loaded once per process."""
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


class PreparedDocs:
    """The pieces of one cleaned text as ``(offset, Doc)`` pairs, each ``Doc`` tokenised
    only when it is asked for: a long article never has all its pieces in memory at once
    (the tokens of 5.5 MB of text weigh some 700 MB)."""

    def __init__(
        self, nlp: Language, chunks: list[tuple[int, str]], iso: str | None, doc_id: Any
    ) -> None:
        self.nlp, self.chunks, self.iso = nlp, chunks, iso
        self.doc_id = None if doc_id is None else str(doc_id)

    def __len__(self) -> int:
        return len(self.chunks)

    def __iter__(self) -> Iterator[tuple[int, Doc]]:
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index: int) -> tuple[int, Doc]:
        offset, chunk = self.chunks[index]
        prose = is_prose(chunk)
        doc = self.nlp.make_doc(chunk if prose else "")
        if not prose:
            doc._.warnings = [
                f"{len(chunk):,} characters from offset {offset:,} were not analysed: "
                "they read as digits, symbols or function words, not prose"
            ]
        doc._.published = self.iso
        doc._.doc_id = self.doc_id
        return offset, doc


def _prepare_docs(
    nlp: Language, text: Any, published: Any, doc_id: Any, max_chars: int = MAX_CHARS
) -> PreparedDocs:
    """Tokenised ``Doc`` objects carrying the id and publication date, ready for the pipes,
    with their offsets in ``text``: one, or one per piece of a text longer than
    ``CHUNK_CHARS`` (docs/robustness.md), made as they are read. ``text`` is cleaned first
    (``clean_text``); a long piece that is not prose (``is_prose``) becomes an empty doc
    with a warning; a text over ``max_chars`` characters raises ``InputError``."""
    if not isinstance(text, str):
        hint = " (decode it first: data.decode('utf-8'))" if isinstance(text, bytes) else ""
        raise InputError(f"text must be a str, not {type(text).__name__}{hint}")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}: "
            "raise it with --max-chars N (extract(..., max_chars=N)) to process it"
        )
    register_extensions()
    text = clean_text(text)
    iso = coerce_published(published)
    limit = min(nlp.max_length, CHUNK_CHARS)
    chunks = [(0, text)]
    if len(text) > limit:
        chunks = split_text(text, limit)
        if iso is None:  # the article's own date, read once for every chunk
            iso = find_published(text)
    return PreparedDocs(nlp, chunks, iso, doc_id)


def char_batches(
    stream: Iterable[tuple[Doc, Any]], max_items: int, max_chars: int = BATCH_CHARS
) -> Iterator[list[tuple[Doc, Any]]]:
    """Batches of at most ``max_items`` docs and (beyond the first) ``max_chars``
    characters: the model's memory follows the characters in flight."""
    batch: list[tuple[Doc, Any]] = []
    chars = 0
    for doc, context in stream:
        size = len(doc.text)
        if batch and (len(batch) >= max_items or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((doc, context))
        chars += size
    if batch:
        yield batch


def extract(
    text: str,
    *,
    published: Any = None,
    doc_id: str | None = None,
    nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
    min_confidence: float = 0.0,
) -> Article:
    """Find the organisations, people, amounts, dates and deals of one French article.

    ``published`` is a ``date``, a ``datetime``, an ISO string (``"2024-04"`` is fine), a
    date as people write it (« 5 mars 2024 », ``05/03/2024`` day first) or a Unix
    timestamp; relative dates in the text (« hier », « en juin dernier ») are resolved
    against it. A bad one raises ``InputError`` (docs/robustness.md), and so does a text
    longer than ``max_chars`` characters. Deals whose ``confidence`` (a calibrated
    probability, docs/learned.md) is under ``min_confidence`` are left out.
    """
    nlp = nlp or default_nlp()
    docs = _prepare_docs(nlp, text, published, doc_id, max_chars)
    if len(docs) == 1:
        return keep_confident(Article.from_doc(nlp(docs[0][1])), min_confidence)
    processed = pipe_bounded(nlp, ((doc, offset) for offset, doc in docs), 32)
    parts = [(offset, Article.from_doc(doc)) for doc, offset in processed]
    return keep_confident(merge_articles(parts), min_confidence)


def keep_confident(article: Article, min_confidence: float) -> Article:
    """``article`` without its deals of a confidence under ``min_confidence``."""
    if min_confidence > 0:
        article.deals = [d for d in article.deals if (d.confidence or 0.0) >= min_confidence]
    return article


def pipe_bounded(
    nlp: Language, stream: Iterable[tuple[Doc, Any]], batch_size: int
) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe(stream, as_tuples=True)`` in ``char_batches``: flat memory on long texts."""
    for batch in char_batches(stream, batch_size):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _as_item(item: Any) -> tuple[Any, Any, Any, dict[str, Any]]:
    """``(text, published, id, extra fields)`` of a str or a mapping."""
    if isinstance(item, str):
        return item, None, None, {}
    if isinstance(item, Mapping):
        extra = {k: v for k, v in item.items() if k not in ("id", "text", "published")}
        return item.get("text"), item.get("published"), item.get("id"), extra
    raise InputError(f"an item must be a str or a dict with 'text', not {type(item).__name__}")


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    max_chars: int = MAX_CHARS,
    min_confidence: float = 0.0,
) -> Iterator[Article]:
    """Stream ``Article`` records for ``items``, in order, one per item.

    Items are strings or dicts with ``text`` and optional ``id`` and ``published``;
    other keys are carried through to ``Article.extra``. An item that cannot be
    processed yields an ``Article`` with its ``error`` set instead of stopping the run;
    so does a dict that already carries an ``error`` (a reader's way to report a broken
    line), without going through the model. An id already given to an earlier item is
    kept, the item processed as any other, and its ``Article`` gets a warning (and a
    log line on the ``aiextract`` logger): ids are the user's, never rewritten. A text
    longer than ``max_chars`` characters gets an ``error`` that says how to raise it.
    Deals under ``min_confidence`` are left out, as in ``extract``.
    """
    nlp = nlp or default_nlp()
    if n_process == 1:
        articles = _extract_stream(items, nlp, batch_size, max_chars)
    else:  # workers that return finished records
        from aiextract.parallel import extract_parallel

        articles = extract_parallel(
            items, nlp=nlp, n_process=n_process, batch_size=batch_size, max_chars=max_chars
        )
    first_seen: dict[str, int] = {}
    for index, article in enumerate(articles):
        if article.id is not None:
            if article.id in first_seen:
                first = first_seen[article.id] + 1
                log.warning("duplicate id %r: articles %d and %d", article.id, first, index + 1)
                article.warnings.append(
                    f"duplicate id: article {first} of the input has the same id {article.id!r}"
                )
            else:
                first_seen[article.id] = index
        yield keep_confident(article, min_confidence)


def _extract_stream(
    items: Iterable[str | Mapping[str, Any]],
    nlp: Language,
    batch_size: int,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article]:
    """``extract_many`` in this process, through ``nlp.pipe``."""

    def with_context() -> Iterator[tuple[Doc, dict[str, Any]]]:
        for index, item in enumerate(items):
            doc_id = None
            if isinstance(item, Mapping) and item.get("error"):
                error = str(item["error"])
                yield nlp.make_doc(""), {"index": index, "id": item.get("id"), "error": error}
                continue
            try:
                text, published, doc_id, extra = _as_item(item)
                docs = _prepare_docs(nlp, text, published, doc_id, max_chars)
                for offset, doc in docs:
                    context = {"index": index, "id": doc_id, "extra": extra, "error": None}
                    if len(docs) > 1:  # a long text: its chunks are merged back below
                        context["chunk"] = (offset, len(docs))
                    yield doc, context
            except Exception as exc:  # one bad article must not stop the corpus
                context = {"index": index, "id": doc_id, "extra": {}, "error": str(exc)}
                yield nlp.make_doc(""), context

    parts: list[tuple[int, Article]] = []
    for doc, context in pipe_bounded(nlp, with_context(), batch_size):
        doc_id = None if context["id"] is None else str(context["id"])
        if context["error"]:
            yield Article.failed(doc_id, context["error"])
            continue
        article = Article.from_doc(doc, doc_id=doc_id)
        if "chunk" in context:  # chunks of one text come in order, one after another
            offset, count = context["chunk"]
            parts.append((offset, article))
            if len(parts) < count:
                continue
            article = merge_articles(parts, doc_id)
            parts = []
        article.extra = context["extra"]
        yield article
