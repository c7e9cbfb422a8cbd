"""Dates and periods (placeholder: bare years only)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.extensions import DATES_KEY, register_extensions

_YEAR = re.compile(r"(?<![\d\w-])(19\d\d|20\d\d)(?![\d\w-])")


class DatesComponent:
    """Fill ``doc.spans["dates"]``; each span's ``_.date`` holds its ISO value."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in _YEAR.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), "DATE")
            if span is not None:
                span._.date = {"value": match.group(1), "relative": False}
                spans.append(span)
        doc.spans[DATES_KEY] = spans
        return doc


@Language.factory("aiextract_dates", default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
