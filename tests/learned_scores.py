"""Learned scores set by hand on a parsed text, for the tests of how the learned deals
are put together (``components/deals/learned.py``): the scores are given, not
predicted, so a test pins the decoding whatever the shipped weights read."""

from __future__ import annotations

from aiextract.components.deals.learned import read_learned, threshold_table
from aiextract.components.learned.features import ROLES, TYPES, doc_features


def _scores(**given: float) -> dict[str, float]:
    return {key: given.get(key, 0.0) for key in ROLES}


def learned_reading(annotate_until, text: str, deal_type: str, roles: dict[str, str]) -> list:
    """``text`` read by the learned steps as one deal of ``deal_type``, each name of
    ``roles`` scored 0.9 for its role: the scores are set here, not predicted."""
    doc = annotate_until(text, "aiextract_deal_sentences")
    feats = doc_features(doc)
    (sent,) = feats.sentences
    doc._.deal_sentences = [
        {
            "start": sent.start,
            "end": sent.end,
            "start_char": sent.start_char,
            "end_char": sent.end_char,
            "scores": {t: 0.9 if t == deal_type else 0.0 for t in TYPES},
        }
    ]
    rows = []
    for name, role in roles.items():
        start = next(t.i for t in sent if name.startswith(t.text))
        rows.append(
            {
                "type": deal_type,
                "sentence": 0,
                "start": start,
                "end": start + 1,
                "root": start,
                "name": name,
                "kind": "person" if role == "person" else "org",
                "how": "name",
                "scores": _scores(**{role: 0.9, "none": 0.1}),
            }
        )
    doc._.deal_roles = rows
    return read_learned(doc, feats, threshold_table(0.2, {}), {})
