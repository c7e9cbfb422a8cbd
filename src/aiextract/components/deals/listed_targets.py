"""Companies bought or held one by one: one deal per company of a list.

« Après les rachats de Quibix, de Lumeo et de Ventora », « l'acquisition de Kelvia et
de Nexalia »: each company of the list has its own preposition, so each is its own
deal with the same buyer (the real corpus's gold gives one acquisition per company in
such lists; GUIDELINES: one investor with several holdings makes one record per
target). An acquisition or investment read there with all of them as its targets
becomes one deal per listed company, the buyers, holders and sellers on each, the amount
and stake told once staying with the first. A list whose companies share one
preposition (« le rachat de Quibix et Lumeo », « Kelvia rachète Quibix et Lumeo ») is
one transaction and stays one deal; so does a list of which the deal read only some as
targets.

Pure functions over a parsed ``Doc`` and the deal dicts of the schema.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from aiextract.components.deals.listed_rounds import deal_mentions, listed_runs, replace_split
from aiextract.extensions import ORGS_KEY

# words that introduce a company bought or held (« de », « du », « dans »)
_OWN_PREPOSITIONS = frozenset(["de", "d'", "d’", "du", "des", "dans"])
# deal type -> the roles that stay on every part (a buyer, a holder, a seller)
_KEPT_ROLES = {"acquisition": ("acquirer", "seller"), "investment": ("investor",)}


def split_listed_targets(doc: Doc, deals: list[dict]) -> list[dict]:
    """``deals`` with each acquisition or investment of several companies, listed each
    with its own preposition, replaced by one deal per company, in list order; a part
    another deal already tells is not told twice."""
    for deal_type in _KEPT_ROLES:
        deals = replace_split(deals, deal_type, lambda deal: _parts(doc, deal), _same_parties)
    return deals


def _same_parties(new: dict, old: dict) -> bool:
    """Does another deal already tell the part (the same names, whatever their roles)?"""
    return {p["name"] for p in new["parties"]} == {p["name"] for p in old.get("parties") or []}


def _parts(doc: Doc, deal: dict) -> list[dict] | None:
    parties = deal.get("parties") or []
    targets = {p["name"] for p in parties if p.get("role") == "target"}
    if len(targets) < 2 or "start" not in deal:
        return None
    span = doc.char_span(deal["start"], deal["end"], alignment_mode="expand")
    if span is None:
        return None
    kept = [p for p in parties if p.get("role") in _KEPT_ROLES[deal["type"]]]
    if not kept:
        return None
    every_name = {m._.canonical for m in doc.spans.get(ORGS_KEY, [])}
    for run in listed_runs(deal_mentions(span, every_name)):
        listed = list(dict.fromkeys(name for name, _ in run))
        if len(listed) < 2 or not set(listed) <= targets:
            continue
        if not all(_own_preposition(mention) for _, mention in run):
            continue
        others = [p for p in parties if p["name"] not in listed and p not in kept]
        out = []
        for k, name in enumerate(listed):
            part = {**deal, "parties": [*kept, *others, {"name": name, "role": "target"}]}
            if k:
                part["amount"] = None
                part.pop("stake", None)
            out.append(part)
        return out
    return None


def _own_preposition(mention: Span) -> bool:
    """Is the mention introduced by its own « de », « du », « dans »? A determiner
    between them is skipped (« de La Provence »); a company noun is not, so « de
    l'éditeur Quibix » counts as no preposition of its own."""
    doc = mention.doc
    i = mention.start - 1
    while i >= 0 and doc[i].pos_ == "DET" and doc[i].lower_ not in _OWN_PREPOSITIONS:
        i -= 1
    return i >= 0 and doc[i].lower_ in _OWN_PREPOSITIONS
