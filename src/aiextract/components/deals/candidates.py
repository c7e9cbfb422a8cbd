"""A deal trigger of the table and a deal candidate found at one, before merging."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiextract.components.deals.roles import Party


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
