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
from aiextract.robust import clean_text, merge_articles, split_text

log = logging.getLogger("aiextract")

_DEFAULT_NLP: Language | None = None


def default_nlp() -> Language:
    """The pipeline with default settings, loaded once per process."""
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        _DEFAULT_NLP = load()
    return _DEFAULT_NLP


def _prepare_docs(
    nlp: Language, text: Any, published: Any, doc_id: Any
) -> list[tuple[int, Doc]]:
    """Tokenised ``Doc`` objects carrying the id and publication date, ready for the pipes,
    with their offsets in ``text``: one, or one per chunk of a text longer than
    ``nlp.max_length`` (docs/robustness.md). ``text`` is cleaned first (``clean_text``)."""
    if not isinstance(text, str):
        hint = " (decode it first: data.decode('utf-8'))" if isinstance(text, bytes) else ""
        raise InputError(f"text must be a str, not {type(text).__name__}{hint}")
    register_extensions()
    text = clean_text(text)
    iso = coerce_published(published)
    chunks = [(0, text)]
    if len(text) > nlp.max_length:
        chunks = split_text(text, nlp.max_length)
        if iso is None:  # the article's own date, read once for every chunk
            iso = find_published(text)
    out = []
    for offset, chunk in chunks:
        doc = nlp.make_doc(chunk)
        doc._.published = iso
        doc._.doc_id = None if doc_id is None else str(doc_id)
        out.append((offset, doc))
    return out


def extract(
    text: str,
    *,
    published: Any = None,
    doc_id: str | None = None,
    nlp: Language | None = None,
) -> Article:
    """Find the organisations, people, amounts, dates and deals of one French article.

    ``published`` is a ``date``, a ``datetime``, an ISO string (``"2024-04"`` is fine), a
    date as people write it (« 5 mars 2024 », ``05/03/2024`` day first) or a Unix
    timestamp; relative dates in the text (« hier », « en juin dernier ») are resolved
    against it. A bad one raises ``InputError`` (docs/robustness.md).
    """
    nlp = nlp or default_nlp()
    docs = _prepare_docs(nlp, text, published, doc_id)
    if len(docs) == 1:
        return Article.from_doc(nlp(docs[0][1]))
    processed = nlp.pipe(doc for _, doc in docs)
    pairs = zip(docs, processed, strict=True)
    parts = [(offset, Article.from_doc(doc)) for (offset, _), doc in pairs]
    return merge_articles(parts)


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
) -> Iterator[Article]:
    """Stream ``Article`` records for ``items``, in order, one per item.

    Items are strings or dicts with ``text`` and optional ``id`` and ``published``;
    other keys are carried through to ``Article.extra``. An item that cannot be
    processed yields an ``Article`` with its ``error`` set instead of stopping the run;
    so does a dict that already carries an ``error`` (a reader's way to report a broken
    line), without going through the model. An id already given to an earlier item is
    kept, the item processed as any other, and its ``Article`` gets a warning (and a
    log line on the ``aiextract`` logger): ids are the user's, never rewritten.
    """
    nlp = nlp or default_nlp()
    if n_process == 1:
        articles = _extract_stream(items, nlp, batch_size)
    else:  # workers that return finished records
        from aiextract.parallel import extract_parallel

        articles = extract_parallel(items, nlp=nlp, n_process=n_process, batch_size=batch_size)
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
        yield article


def _extract_stream(
    items: Iterable[str | Mapping[str, Any]], nlp: Language, batch_size: int
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
                docs = _prepare_docs(nlp, text, published, doc_id)
                for offset, doc in docs:
                    context = {"index": index, "id": doc_id, "extra": extra, "error": None}
                    if len(docs) > 1:  # a long text: its chunks are merged back below
                        context["chunk"] = (offset, len(docs))
                    yield doc, context
            except Exception as exc:  # one bad article must not stop the corpus
                context = {"index": index, "id": doc_id, "extra": {}, "error": str(exc)}
                yield nlp.make_doc(""), context

    parts: list[tuple[int, Article]] = []
    for doc, context in nlp.pipe(with_context(), as_tuples=True, batch_size=batch_size):
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
