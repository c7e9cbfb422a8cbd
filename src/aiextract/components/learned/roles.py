"""``aiextract_deal_roles``: the role of each name in a sentence that tells a deal.

A learned step (docs/learned.md). For every sentence that ``aiextract_deal_sentences``
scored at ``threshold`` (0.2) or more for a type, each name and resolved reference of the
sentence (``features.sentence_slots``) gets a probability per role of that type, or
``none``. Results: ``doc._.deal_roles``, one dict per (mention, type) with its token and
character bounds, the entity's name and kind and the scores.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

from aiextract.components.learned.features import (
    MENTION_WIDTH,
    ROLES,
    doc_features,
    sentence_slots,
    slot_rows,
)
from aiextract.components.learned.gold import deals_in, role_targets, slot_role
from aiextract.components.learned.model import Batch, scorer_config
from aiextract.components.learned.pipe import ScorerPipe, as_batch
from aiextract.extensions import register_extensions

DEFAULT_MODEL = scorer_config(MENTION_WIDTH, len(ROLES))


class DealRoles(ScorerPipe):
    """Scores the names of deal sentences for each role."""

    labels = ROLES
    multilabel = False
    weights_name = "deal_roles"

    def _rows_for(self, doc: Doc, wanted: dict[int, list[str]]) -> tuple[Batch, list[Any]]:
        """Rows for sentence number -> the types to score it for."""
        feats = doc_features(doc)
        denses, keys, items = [], [], []
        for n, types in sorted(wanted.items()):
            slots = sentence_slots(feats, n)
            if not slots:
                continue
            for deal_type in types:
                dense, more = slot_rows(doc, feats, slots, deal_type)
                denses.append(dense)
                keys.extend(more)
                items.extend((slot, deal_type) for slot in slots)
        if not items:
            return as_batch(numpy.zeros((0, MENTION_WIDTH), dtype="float32"), []), []
        return as_batch(numpy.concatenate(denses), keys), items

    def rows(self, doc: Doc) -> tuple[Batch, list[Any]]:
        feats = doc_features(doc)
        number = {s.start: n for n, s in enumerate(feats.sentences)}
        wanted: dict[int, list[str]] = {}
        for entry in doc._.deal_sentences or []:
            n = number.get(entry["start"])
            types = [t for t, p in entry["scores"].items() if p >= self.cfg["threshold"]]
            if n is not None and types:
                wanted[n] = types
        return self._rows_for(doc, wanted)

    def training_rows(self, example: Example) -> tuple[Batch, list[Any]]:
        """The sentences that tell a gold deal, for each gold type."""
        doc = example.predicted
        feats = doc_features(doc)
        wanted = {}
        for n, sent in enumerate(feats.sentences):
            types = sorted(
                set(deals_in(example.reference, sent.start_char, sent.end_char).values())
            )
            if types:
                wanted[n] = types
        return self._rows_for(doc, wanted)

    def gold(self, example: Example, items: list[Any]) -> numpy.ndarray:
        doc = example.predicted
        feats = doc_features(doc)
        roles = []
        for slot, deal_type in items:
            sent = feats.sentences[slot.sentence]
            deals = deals_in(example.reference, sent.start_char, sent.end_char)
            chars = (doc[slot.start].idx, doc[slot.end - 1].idx + len(doc[slot.end - 1]))
            roles.append(slot_role(example.reference, slot, chars, deals, deal_type))
        return role_targets(roles)

    def write(self, doc: Doc, items: list[Any], probs: numpy.ndarray) -> None:
        found = []
        for (slot, deal_type), row in zip(items, probs.tolist(), strict=True):
            found.append(
                {
                    "type": deal_type,
                    "sentence": slot.sentence,
                    "start": slot.start,
                    "end": slot.end,
                    "root": slot.root,
                    "name": slot.name,
                    "kind": slot.kind,
                    "how": slot.how,
                    "scores": {r: round(p, 4) for r, p in zip(ROLES, row, strict=True)},
                }
            )
        doc._.deal_roles = found


@Language.factory(
    "aiextract_deal_roles",
    default_config={"model": DEFAULT_MODEL, "threshold": 0.2, "weights": "shipped"},
)
def make_deal_roles(
    nlp: Language, name: str, model: Model, threshold: float, weights: str
) -> DealRoles:
    """The learned role step; ``threshold`` is the sentence score from which a sentence's
    names are scored for a type."""
    register_extensions()
    return DealRoles(nlp.vocab, model, name, threshold=threshold, weights=weights)
