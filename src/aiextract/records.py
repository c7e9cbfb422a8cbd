"""Typed records of what aiextract finds, and their JSON form (docs/GUIDELINES.md).

``Article.from_doc(doc)`` reads what the pipeline left on a ``Doc``; ``to_dict()`` gives
exactly the guidelines' schema, plus extras that a scorer ignores: character offsets
(``start``, ``end``) on every mention and deal, the deal's evidence sentence and a
confidence score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from spacy.tokens import Doc, Span

DEAL_TYPES = ("funding", "investment", "acquisition", "partnership", "contract", "hire")
ROLES = (
    "target",
    "investor",
    "acquirer",
    "seller",
    "partner",
    "buyer",
    "supplier",
    "employer",
    "person",
    "source",
)
CERTAINTIES = ("stated", "hedged")
# The roles each deal type takes (docs/GUIDELINES.md, Deals).
ROLES_BY_TYPE: dict[str, frozenset[str]] = {
    "funding": frozenset({"target", "investor"}),
    "investment": frozenset({"investor", "target"}),
    "acquisition": frozenset({"acquirer", "target", "seller"}),
    "partnership": frozenset({"partner"}),
    "contract": frozenset({"buyer", "supplier"}),
    "hire": frozenset({"employer", "person", "source"}),
}


def json_number(value: Decimal | int | float | str | None) -> int | float | None:
    """A money value as JSON wants it: an int when whole, else a float."""
    if value is None:
        return None
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    if dec == dec.to_integral_value():
        return int(dec)
    return float(dec)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class Money:
    """One monetary amount mentioned in the text."""

    text: str
    value: Decimal
    currency: str | None
    max: Decimal | None = None
    qualifier: str | None = None
    start: int | None = None
    end: int | None = None

    @classmethod
    def from_span(cls, span: Span) -> Money:
        data = span._.money or {}
        return cls(
            text=span.text,
            value=Decimal(str(data.get("value", "0"))),
            currency=data.get("currency"),
            max=_decimal(data.get("max")),
            qualifier=data.get("qualifier"),
            start=span.start_char,
            end=span.end_char,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "value": json_number(self.value),
            "currency": self.currency,
        }
        if self.max is not None:
            out["max"] = json_number(self.max)
        if self.qualifier:
            out["qualifier"] = self.qualifier
        out["start"], out["end"] = self.start, self.end
        return out


@dataclass(frozen=True)
class DateMention:
    """One calendar date or period mentioned in the text."""

    text: str
    value: str | None
    start: int | None = None
    end: int | None = None
    relative: bool = False

    @classmethod
    def from_span(cls, span: Span) -> DateMention:
        data = span._.date or {}
        return cls(
            text=span.text,
            value=data.get("value"),
            start=span.start_char,
            end=span.end_char,
            relative=bool(data.get("relative", False)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Party:
    """An organisation or person taking part in a deal, with its role."""

    name: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Amount:
    """A deal's amount, valuation: a value and a currency, no text."""

    value: Decimal
    currency: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Amount | None:
        if not data:
            return None
        return cls(Decimal(str(data["value"])), data.get("currency"))

    def to_dict(self) -> dict[str, Any]:
        return {"value": json_number(self.value), "currency": self.currency}


@dataclass(frozen=True)
class Deal:
    """One deal the article reports."""

    type: str
    parties: tuple[Party, ...]
    amount: Amount | None = None
    date: str | None = None
    certainty: str = "stated"
    name: str | None = None
    valuation: Amount | None = None
    stake: float | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deal:
        return cls(
            type=data["type"],
            parties=tuple(Party(p["name"], p["role"]) for p in data.get("parties", [])),
            amount=Amount.from_dict(data.get("amount")),
            date=data.get("date"),
            certainty=data.get("certainty", "stated"),
            name=data.get("name"),
            valuation=Amount.from_dict(data.get("valuation")),
            stake=data.get("stake"),
            evidence=data.get("evidence"),
            start=data.get("start"),
            end=data.get("end"),
            confidence=data.get("confidence"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "parties": [p.to_dict() for p in self.parties],
            "amount": self.amount.to_dict() if self.amount else None,
            "date": self.date,
        }
        if self.valuation is not None:
            out["valuation"] = self.valuation.to_dict()
        if self.stake is not None:
            out["stake"] = json_number(self.stake)
        if self.name:
            out["name"] = self.name
        out["certainty"] = self.certainty
        for key in ("evidence", "start", "end", "confidence"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass
class Article:
    """Everything aiextract found in one article."""

    id: str | None
    published: str | None = None
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    language: str | None = None
    language_score: float | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, doc_id: str | None = None) -> Article:
        """Read the pipeline's results off a processed ``Doc``."""
        return cls(
            id=doc_id if doc_id is not None else doc._.doc_id,
            published=doc._.published,
            orgs=list(doc._.orgs),
            people=list(doc._.people),
            money=[Money.from_span(s) for s in doc._.money],
            dates=[DateMention.from_span(s) for s in doc._.dates],
            deals=[Deal.from_dict(d) for d in (doc._.deals or [])],
            language=doc._.language,
            language_score=doc._.language_score,
            warnings=list(doc._.warnings or []),
        )

    @classmethod
    def failed(cls, doc_id: str | None, error: str, published: str | None = None) -> Article:
        """An article that could not be processed: empty, with the reason."""
        return cls(id=doc_id, published=published, error=error)

    def to_dict(self) -> dict[str, Any]:
        """The guidelines' schema first (``id`` leading), aiextract's own fields, then the
        input's carried-through keys (which never replace aiextract's)."""
        out: dict[str, Any] = {
            "id": self.id,
            "published": self.published,
            "orgs": list(self.orgs),
            "people": list(self.people),
            "money": [m.to_dict() for m in self.money],
            "dates": [d.to_dict() for d in self.dates],
            "deals": [d.to_dict() for d in self.deals],
        }
        if self.language is not None:
            out["language"] = self.language
            out["language_score"] = self.language_score
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.error:
            out["error"] = self.error
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out
