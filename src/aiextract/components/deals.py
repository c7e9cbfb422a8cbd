"""Deals (placeholder: finds none yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.extensions import register_extensions


class DealsComponent:
    """Fill ``doc._.deals`` with deal dicts in the GUIDELINES schema."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.deals = []
        return doc


@Language.factory("aiextract_deals", default_config={})
def make_deals(nlp: Language, name: str) -> DealsComponent:
    return DealsComponent(nlp, name)
