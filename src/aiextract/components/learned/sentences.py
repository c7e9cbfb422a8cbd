"""``aiextract_deal_sentences``: which sentences tell a deal, and of which type.

A learned step (docs/learned.md). Each sentence of ``columns.text_sentences`` that
names someone gets a probability per deal type from ``features.sentence_rows``; the results are
``doc._.deal_sentences`` (every sentence with a score of 0.05 or more, its token and
character bounds and its scores) and ``doc.spans["deal_sentences"]`` (the sentences at
or over ``threshold``, labelled with the type).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model

from aiextract.components.learned.features import (
    SENTENCE_WIDTH,
    TYPES,
    doc_features,
    named_sentences,
    sentence_rows,
)
from aiextract.components.learned.gold import sentence_targets
from aiextract.components.learned.model import Batch, scorer_config
from aiextract.components.learned.pipe import ScorerPipe, as_batch
from aiextract.extensions import register_extensions

SENTENCES_KEY = "deal_sentences"
_KEEP = 0.05  # sentences scored below this for every type are not written

DEFAULT_MODEL = scorer_config(SENTENCE_WIDTH, len(TYPES))


class DealSentences(ScorerPipe):
    """Scores every sentence for each deal type."""

    labels = TYPES
    multilabel = True
    weights_name = "deal_sentences"

    def rows(self, doc: Doc) -> tuple[Batch, list[Any]]:
        """The sentences that name someone; the others cannot give a deal."""
        feats = doc_features(doc)
        numbers = named_sentences(feats)
        dense, keys = sentence_rows(feats, numbers)
        return as_batch(dense, keys), [feats.sentences[n] for n in numbers]

    def gold(self, example: Example, items: list[Any]) -> numpy.ndarray:
        bounds = [(s.start_char, s.end_char) for s in items]
        return sentence_targets(example.reference, bounds)

    def write(self, doc: Doc, items: list[Any], probs: numpy.ndarray) -> None:
        found, spans = [], []
        threshold = self.cfg["threshold"]
        for sent, row, values in zip(items, probs, probs.tolist(), strict=True):
            if row.max(initial=0.0) < _KEEP:
                continue
            scores = {t: round(p, 4) for t, p in zip(TYPES, values, strict=True)}
            found.append(
                {
                    "start": sent.start,
                    "end": sent.end,
                    "start_char": sent.start_char,
                    "end_char": sent.end_char,
                    "scores": scores,
                }
            )
            spans.extend(
                Span(doc, sent.start, sent.end, label=t)
                for t, p in scores.items()
                if p >= threshold
            )
        doc._.deal_sentences = found
        doc.spans[SENTENCES_KEY] = spans


@Language.factory(
    "aiextract_deal_sentences",
    default_config={"model": DEFAULT_MODEL, "threshold": 0.5, "weights": "shipped"},
)
def make_deal_sentences(
    nlp: Language, name: str, model: Model, threshold: float, weights: str
) -> DealSentences:
    """The learned deal-sentence step; ``weights`` is ``"shipped"``, a file or ``""``."""
    register_extensions()
    return DealSentences(nlp.vocab, model, name, threshold=threshold, weights=weights)
