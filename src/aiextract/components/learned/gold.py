"""Gold deals as spaCy annotations, and the targets the learned steps train on.

A reference ``Doc`` carries the gold deals of its article in two span groups:
``deal_evidence`` (one span per evidence passage, labelled with the deal's type) and
``deal_parties`` (one span per party mention inside that deal's evidence, labelled with
the party's role). Both spans' ``kb_id_`` is ``"<deal number>|<party name>"`` (empty
name for evidence), so the rows of the predicted doc find their targets by characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy
from spacy.tokens import Doc, Span

from aiextract.components.learned.features import ROLES, TYPES, Slot, doc_features
from aiextract.evaluate import names_match
from aiextract.extensions import doc_text

EVIDENCE_KEY = "deal_evidence"
PARTIES_KEY = "deal_parties"


def annotate_gold(doc: Doc, deals: list[Mapping[str, Any]]) -> Doc:
    """Put ``deals`` (gold-format dicts with ``evidence`` and party ``mentions``
    character offsets) on ``doc`` as the two span groups."""
    evidence, parties = [], []
    for number, deal in enumerate(deals):
        if deal.get("type") not in TYPES:
            continue
        passages = []
        for part in deal.get("evidence") or []:
            span = doc.char_span(part["start"], part["end"], alignment_mode="expand")
            if span is None:
                continue
            evidence.append(Span(doc, span.start, span.end, label=deal["type"], kb_id=f"{number}|"))
            passages.append((part["start"], part["end"]))
        for party in deal.get("parties") or []:
            for mention in party.get("mentions") or []:
                if not any(a <= mention["start"] < b for a, b in passages):
                    continue  # a party's mention outside the passages of the deal
                span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
                if span is None or party.get("role") not in ROLES:
                    continue
                kb_id = f"{number}|{party.get('name', '')}"
                parties.append(Span(doc, span.start, span.end, label=party["role"], kb_id=kb_id))
    doc.spans[EVIDENCE_KEY] = evidence
    doc.spans[PARTIES_KEY] = parties
    doc.user_data["aiextract_gold"] = [dict(deal) for deal in deals]
    return doc


def with_evidence(doc: Doc, deals: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``deals`` with ``evidence`` and party ``mentions`` read from ``doc`` where the gold
    gives none (the guidelines' plain format): a sentence is evidence of a deal when it
    names two of its parties, or one and a trigger word of its type; a party's mentions
    are its name's occurrences in those sentences."""
    feats = doc_features(doc)
    text = doc_text(doc)
    out = []
    for deal in deals:
        deal = dict(deal)
        if deal.get("evidence"):
            out.append(deal)
            continue
        parties = [dict(p) for p in deal.get("parties") or []]
        found: dict[int, list[tuple[int, int]]] = {}
        evidence = []
        for sent in feats.sentences:
            hits = {}
            for k, party in enumerate(parties):
                name = re.escape(str(party.get("name", "")))
                if not name:
                    continue
                pattern = rf"(?<!\w){name}(?!\w)"
                spans = [
                    (m.start() + sent.start_char, m.end() + sent.start_char)
                    for m in re.finditer(pattern, text[sent.start_char : sent.end_char])
                ]
                if spans:
                    hits[k] = spans
            kind = deal.get("type")
            trigger = any(kind in feats.triggers[i] for i in range(sent.start, sent.end))
            if len(hits) >= 2 or (hits and trigger):
                evidence.append({"start": sent.start_char, "end": sent.end_char})
                for k, spans in hits.items():
                    found.setdefault(k, []).extend(spans)
        for k, party in enumerate(parties):
            if not party.get("mentions"):
                party["mentions"] = [{"start": a, "end": b} for a, b in found.get(k, [])]
        deal["parties"], deal["evidence"] = parties, evidence
        out.append(deal)
    return out


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start_char < end and start < span.end_char


def sentence_targets(reference: Doc, bounds: list[tuple[int, int]]) -> numpy.ndarray:
    """``(len(bounds), len(TYPES))``: 1 where a gold deal of the type has evidence in the
    sentence (``bounds`` are character offsets)."""
    out = numpy.zeros((len(bounds), len(TYPES)), dtype="float32")
    for span in reference.spans.get(EVIDENCE_KEY, ()):
        for n, (start, end) in enumerate(bounds):
            if _overlaps(span, start, end):
                out[n, TYPES.index(span.label_)] = 1.0
    return out


def deals_in(reference: Doc, start: int, end: int) -> dict[str, str]:
    """Gold deal number -> type, for the deals with evidence in ``start``..``end``."""
    return {
        span.kb_id_.split("|")[0]: span.label_
        for span in reference.spans.get(EVIDENCE_KEY, ())
        if _overlaps(span, start, end)
    }


def slot_role(
    reference: Doc, slot: Slot, slot_chars: tuple[int, int], deals: dict[str, str], deal_type: str
) -> str:
    """The gold role of ``slot`` in a deal of ``deal_type`` told in its sentence
    (``deals`` from ``deals_in``): by overlapping mention first, else by name."""
    numbers = {n for n, t in deals.items() if t == deal_type}
    named = ""
    for span in reference.spans.get(PARTIES_KEY, ()):
        number, name = span.kb_id_.split("|", 1)
        if number not in numbers:
            continue
        if _overlaps(span, *slot_chars):
            # a reference resolved to another entity than the gold's is no party
            return span.label_ if not name or names_match(name, slot.name) else "none"
        if not named and name and names_match(name, slot.name):
            named = span.label_
    if slot.how == "candidate":
        return "none"  # an unresolved reference stands for a party only where it is one
    return named or "none"


def role_targets(roles: list[str]) -> numpy.ndarray:
    """One-hot rows over ``ROLES``."""
    out = numpy.zeros((len(roles), len(ROLES)), dtype="float32")
    for k, role in enumerate(roles):
        out[k, ROLES.index(role)] = 1.0
    return out
