"""Custom attributes on ``Doc`` and ``Span``: where the components leave their results.

Every stored value is plain data (str, int, float, bool, list, dict, None) so that a
``Doc`` survives ``to_bytes``/``from_bytes``, ``DocBin`` and ``nlp.pipe(n_process=2)``,
which all serialise ``doc.user_data`` with msgpack. Typed views are built from these
plain values by :mod:`aiextract.records`.

Span groups written by the components (``doc.spans[key]``):

``orgs``      organisation mentions; ``span.kb_id_`` is the canonical name
``people``    person mentions; ``span.kb_id_`` is the canonical name
``products``  product, model and service mentions; ``span.kb_id_`` is the maker's name, or ""
``money``     monetary amounts; ``span._.money`` holds the normalised amount
``dates``     dates and periods; ``span._.date`` holds the normalised value
``entity_1``, ``entity_2``...  one group per entity (the entities step)
``references``  every reference the entities step found, resolved or not
"""

from __future__ import annotations

import threading

from spacy.tokens import Doc, Span

ORGS_KEY = "orgs"
PEOPLE_KEY = "people"
PRODUCTS_KEY = "products"
MONEY_KEY = "money"
DATES_KEY = "dates"


def _sorted_group(key: str):
    def getter(doc: Doc) -> list[Span]:
        if key not in doc.spans:
            return []
        return sorted(doc.spans[key], key=lambda s: (s.start_char, s.end_char))

    return getter


def _canonical_names(key: str):
    def getter(doc: Doc) -> list[str]:
        names: list[str] = []
        seen: set[str] = set()
        for span in _sorted_group(key)(doc):
            name = span.kb_id_ or span.text
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    return getter


def _canonical(span: Span) -> str:
    return span.kb_id_ or span.text


DOC_EXTENSIONS = {
    # Set by the caller before the pipeline runs, or by the dates component when the
    # article shows its own date: ISO 8601, possibly partial ("2024", "2024-04").
    "published": {"default": None},
    "doc_id": {"default": None},
    # Views over the span groups, in text order.
    "orgs": {"getter": _canonical_names(ORGS_KEY)},
    "people": {"getter": _canonical_names(PEOPLE_KEY)},
    "products": {"getter": _sorted_group(PRODUCTS_KEY)},
    "money": {"getter": _sorted_group(MONEY_KEY)},
    "dates": {"getter": _sorted_group(DATES_KEY)},
    # Set by the deals component: a list of deal dicts in the GUIDELINES schema, plus
    # "evidence", "start", "end" and "confidence".
    "deals": {"default": None},
    # Set by the language check (aiextract_language): ISO 639-1 code of the article's
    # dominant language ("fr", "en", "zh"...) or None when too short to tell, and the
    # share of the sampled text in it (0 to 1).
    "language": {"default": None},
    "language_score": {"default": None},
    # Notes on a processed article that are not errors: a list of str, or None.
    "warnings": {"default": None},
    # Set by the entities step (aiextract_entities): the name of the entity the article
    # is about, and the organisations cited as sources of the news (list of str), or None.
    "focus": {"default": None},
    "sources": {"default": None},
    # Set by the learned steps (aiextract_deal_sentences, aiextract_deal_roles): the
    # sentences scored per deal type, and the names of those sentences scored per role.
    "deal_sentences": {"default": None},
    "deal_roles": {"default": None},
}

SPAN_EXTENSIONS = {
    # {"value": "30000000000" (Decimal as str), "currency": "USD" | None,
    #  "max": str | None, "qualifier": str | None,
    #  "equivalent": [start_char, end_char] | None}
    "money": {"default": None},
    # {"value": "2023-11-20" | None, "relative": bool}
    "date": {"default": None},
    "canonical": {"getter": _canonical},
    # Set by the entities step on a reference span: the rule that resolved it, or None.
    "resolved_by": {"default": None},
}


_TEXT_CACHE = threading.local()  # one entry per thread: (doc, text)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document and shared by the components.

    ``Doc.text`` rebuilds the string from every token at each call; the components run
    one document at a time, so a one-entry cache per thread (holding the doc itself,
    never its id) saves three rebuilds per document.
    """
    cached = getattr(_TEXT_CACHE, "entry", None)
    if cached is None or cached[0] is not doc:
        cached = _TEXT_CACHE.entry = (doc, doc.text)
    return cached[1]


def register_extensions() -> None:
    """Declare aiextract's attributes once per process (safe to call again)."""
    for name, kwargs in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    for name, kwargs in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
