"""A deal trigger of the table, a deal candidate found at one before merging, and a
candidate as a deal dict."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from aiextract.components.deals.mentions import Party
from aiextract.components.deals.role_tables import verb_forms
from aiextract.lexicon import load_table, load_table_file
from aiextract.records import json_number


@dataclass(frozen=True)
class Trigger:
    """One row of the trigger table."""

    type: str
    form: str
    kind: str
    frame: dict[str, str]
    flags: frozenset[str]
    head: int

    @property
    def is_verb(self) -> bool:
        return self.kind in ("verb", "phrase-verb")


@dataclass
class Candidate:
    """A deal found at one trigger, before merging."""

    type: str
    parties: list[Party]
    sent: int
    anchor: int
    trigger: Trigger
    certainty: str
    amount: dict | None = None
    valuation: dict | None = None
    stake: float | None = None
    date: str | None = None
    name: str | None = None
    evidence: tuple[int, int, str] = (0, 0, "")
    confidence: float = 0.5
    reference: bool = False
    gov: int | None = None
    orphan: bool = False  # « les 14 milliards déjà investis »: an amount, no party
    pair: bool = False  # « les deux entreprises ont conclu »: the two of the deal before
    round_word: bool = False  # « une première levée », « le précédent tour »
    by_phrase: bool = False  # « par » hangs on the trigger (« par un industriel »)
    by_agent: bool = False  # « Y est détenue par X »: a holding with its holder as agent
    merged: list[int] = field(default_factory=list)
    last_sent: int = -1  # the latest sentence that mentions this deal
    chain: list[int] = field(default_factory=list)  # verb_chain of the trigger

    def names(self) -> set[str]:
        return {p.name for p in self.parties}


def load_triggers(path: str | None = None) -> list[Trigger]:
    """The rows of ``data/deal_triggers.tsv`` (or of the table at ``path``)."""
    rows = load_table_file(path) if path else load_table("deal_triggers.tsv")
    triggers = []
    for row in rows:
        flags = frozenset(row.get("flags", "").split())
        head = 0
        for flag in flags:
            if flag.startswith("head="):
                head = int(flag[5:])
        frame = dict(item.split("=", 1) for item in row.get("frame", "").split() if "=" in item)
        triggers.append(Trigger(row["type"], row["form"].lower(), row["kind"], frame, flags, head))
    return triggers


def head_forms(trigger: Trigger, head: str) -> list[str]:
    """The forms the head word ``head`` of ``trigger`` takes in a text: a verb's regular
    inflections, a noun's plurals (the lemmatiser misses some)."""
    return verb_forms(head) if trigger.is_verb else [head, head + "s", head + "x"]


def rule_confidence(cand: Candidate) -> float:
    """The rules' own score of a candidate (a feature of the calibrated confidence)."""
    score = 0.55
    if all(p.how == "tree" for p in cand.parties):
        score += 0.15
    if any(p.how == "reference" for p in cand.parties):
        score -= 0.15
    if "weak" in cand.trigger.flags:
        score -= 0.1
    if cand.amount:
        score += 0.1
    if cand.certainty == "hedged":
        score -= 0.05
    return round(max(0.05, min(0.99, score)), 2)


def per_target(cand: Candidate) -> list[Candidate]:
    """One investor with several holdings gives one record per target (GUIDELINES)."""
    targets = [p for p in cand.parties if p.role == "target"]
    if cand.type != "investment" or len(targets) < 2:
        return [cand]
    others = [p for p in cand.parties if p.role != "target"]
    out = []
    for n, target in enumerate(targets):
        part = replace(cand, parties=[*others, target], merged=[])
        if n:  # the amount and stake stated once belong to the first holding
            part.amount, part.stake = None, None
        out.append(part)
    return out


def to_dict(deal: Candidate) -> dict:
    """The deal in the GUIDELINES schema, with evidence, offsets and confidence (and
    ``twoway`` where its frame guessed the roles, which the deals component drops)."""
    out: dict = {
        "type": deal.type,
        "parties": [{"name": p.name, "role": p.role} for p in deal.parties],
        "amount": amount_dict(deal.amount),
        "date": deal.date,
    }
    if deal.valuation and deal.type == "funding":
        out["valuation"] = amount_dict(deal.valuation)
    if deal.stake is not None:
        out["stake"] = json_number(deal.stake)
    if deal.name:
        out["name"] = deal.name
    out["certainty"] = deal.certainty
    start, end, text = deal.evidence
    out["evidence"] = text
    out["start"], out["end"] = start, end
    out["confidence"] = deal.confidence
    if "twoway" in deal.trigger.flags and deal.type == "contract":
        out["twoway"] = True  # its buyer and supplier are a guess (joining.orient)
    return out


def amount_dict(data: dict | None) -> dict | None:
    """An amount span's data as the schema's ``{value, currency}``, or None."""
    if not data or data.get("value") is None:
        return None
    return {"value": json_number(data["value"]), "currency": data.get("currency")}
