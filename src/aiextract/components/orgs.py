"""Organisations and people (placeholder: the model's ORG and PER entities as they are)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.extensions import ORGS_KEY, PEOPLE_KEY, register_extensions


class OrgsComponent:
    """Fill ``doc.spans["orgs"]`` and ``doc.spans["people"]``, canonical names in kb_id."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        orgs, people = [], []
        for ent in doc.ents:
            if ent.label_ == "ORG":
                orgs.append(doc.char_span(ent.start_char, ent.end_char, "ORG", kb_id=ent.text))
            elif ent.label_ == "PER":
                people.append(doc.char_span(ent.start_char, ent.end_char, "PER", kb_id=ent.text))
        doc.spans[ORGS_KEY] = [s for s in orgs if s is not None]
        doc.spans[PEOPLE_KEY] = [s for s in people if s is not None]
        return doc


@Language.factory("aiextract_orgs", default_config={})
def make_orgs(nlp: Language, name: str) -> OrgsComponent:
    return OrgsComponent(nlp, name)
