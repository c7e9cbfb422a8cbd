"""The names a deal's parties are taken from: ``Mention`` (one name in the doc),
``Party`` (a name in a role) and ``MentionIndex`` (the doc's names by token, the
references the entities step resolved, and per-document caches)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import Columns
from aiextract.components.deals.role_tables import company_nouns
from aiextract.components.entities import REFERENCES_KEY
from aiextract.components.entities.article import START_UP as _START_UP
from aiextract.extensions import (
    DATES_KEY,
    MONEY_KEY,
    ORGS_KEY,
    PEOPLE_KEY,
    PRODUCTS_KEY,
    doc_text,
)


class Mention(NamedTuple):
    """An organisation, person or product mention usable as a party (a named tuple:
    a few thousand are made per second)."""

    name: str
    kind: str  # "org" or "person"
    start: int  # token offsets
    end: int
    root: int
    product: bool = False


@dataclass
class Party:
    """One party of a candidate deal and how it was found."""

    name: str
    role: str
    kind: str
    token: int
    how: str  # "tree", "cue", "reference"


class OpenReference(NamedTuple):
    """A reference the entities step left unresolved, with the entities it may stand
    for: the last named before it, most recent first."""

    start: int
    end: int
    root: int
    kind: str  # « description », « pronoun », « possessive »...
    candidates: tuple[Mention, ...]


CANDIDATES = 3  # the entities named last before an unresolved reference that may fill it


@dataclass
class MentionIndex:
    """The doc's usable mentions, by token."""

    by_token: dict[int, Mention] = field(default_factory=dict)
    markers: dict[tuple[int, int], str] = field(default_factory=dict)  # linear_marker cache
    _texts: dict[int, str] = field(default_factory=dict)
    money: list[Span] = field(default_factory=list)  # the doc's amounts, read once
    dates: list[Span] = field(default_factory=list)  # the doc's dates, read once
    _starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    org_names: set[str] = field(default_factory=set)
    memo: dict[tuple, object] = field(default_factory=dict)  # per-sentence results
    cols: Columns | None = None  # the doc's words as lists
    # from the entities step: token -> the mentions a reference there stands for,
    # the head tokens of references, the organisations cited as sources, the focus
    refs: dict[int, list[Mention]] = field(default_factory=dict)
    ref_heads: list[int] = field(default_factory=list)
    # the references left unresolved: their tokens, kind and the entities last named
    # before them, the likeliest first (the learned roles' candidate antecedents)
    open_refs: list[OpenReference] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    lead: Mention | None = None

    @classmethod
    def from_doc(cls, doc: Doc, arr=None, cols: Columns | None = None) -> MentionIndex:
        """The mentions of ``doc``; ``arr`` is ``columns.read_array(doc)`` and ``cols``
        its ``Columns``, if read."""
        index = cls()
        groups = (
            (ORGS_KEY, "org", False),
            (PEOPLE_KEY, "person", False),
            (PRODUCTS_KEY, "org", True),
        )
        text = doc_text(doc)
        for key, kind, product in groups:
            if key not in doc.spans:
                continue
            for span in doc.spans[key]:
                name = span.kb_id_
                if not product and not name:
                    name = text[span.start_char : span.end_char]  # span.text, without a join
                if not name:
                    continue
                if any(i in index.by_token for i in range(span.start, span.end)):
                    continue
                root = span.start if span.end - span.start == 1 else span.root.i
                mention = Mention(name, kind, span.start, span.end, root, product)
                index.mentions.append(mention)
                for i in range(span.start, span.end):
                    index.by_token[i] = mention
                if kind == "org" and not product:
                    index.org_names.add(name)
        index.mentions.sort(key=lambda m: m.start)
        index.cols = cols if cols is not None else Columns.from_doc(doc, arr)
        index.read_entities(doc)
        for key, out in ((MONEY_KEY, index.money), (DATES_KEY, index.dates)):
            if key in doc.spans:
                out.extend(sorted(doc.spans[key], key=lambda s: s.start))
        return index

    def sent_text(self, sent: Span) -> str:
        """``sent.text``, built once per sentence (``Span.text`` joins its tokens per call)."""
        text = self._texts.get(sent.start)
        if text is None:
            text = self._texts[sent.start] = doc_text(sent.doc)[sent.start_char : sent.end_char]
        return text

    def amounts(self) -> list[Span]:
        """The doc's amounts with a value, without the conversions given in brackets
        (of « 30 M$ (27,6 M€) », the first)."""
        found = self.memo.get(("amounts",))
        if found is None:
            found = []
            for span in self.money:
                data = span._.money
                equivalent = (data or {}).get("equivalent")
                if data and not (equivalent and equivalent[0] < span.start_char):
                    found.append(span)
            self.memo[("amounts",)] = found
        return found

    def noun_key(self, i: int) -> str:
        """The company noun token ``i`` is (« start-up » for « la jeune pousse »), or ''."""
        if not self.cols.is_lower[i]:
            return ""
        if self.cols.low[i] in _START_UP:
            return "start-up"
        lemma = self.cols.lemma[i]
        return lemma if lemma in company_nouns() else ""

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions inside tokens ``start``..``end`` (mentions are sorted by start)."""
        if len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def read_entities(self, doc: Doc) -> None:
        """What the entities step found: each resolved reference's tokens point to the
        mentions it stands for (the last name of each entity before it), the sources
        and the focus. Without that step (``exclude=("entities",)``) no reference is
        resolved."""
        self.sources = set(getattr(doc._, "sources", None) or ())
        last: dict[str, Mention] = {}
        first: dict[str, Mention] = {}
        refs = []
        if REFERENCES_KEY in doc.spans:
            refs = sorted(doc.spans[REFERENCES_KEY], key=lambda s: s.start)
        k = 0
        for ref in refs:
            while k < len(self.mentions) and self.mentions[k].start < ref.start:
                mention = self.mentions[k]
                last[mention.name] = mention
                first.setdefault(mention.name, mention)
                k += 1
            if ref.label_ == "APPOSITION":
                continue  # « la start-up X »: X is the mention itself
            if not ref.kb_id_:
                self._open(ref, last)
                continue
            found = []
            for name in ref.kb_id_.split("|"):
                mention = last.get(name) or self._first_named(name)
                if mention is not None:
                    found.append(mention)
            if found:
                root = ref.root.i
                self.ref_heads.append(root)
                for i in range(ref.start, ref.end):
                    self.refs[i] = found
        focus = getattr(doc._, "focus", None)
        if focus:
            self.lead = next(
                (
                    m
                    for m in reversed(self.mentions)
                    if m.name == focus and m.kind == "org" and not m.product
                ),
                None,
            )

    def _open(self, ref: Span, last: dict[str, Mention]) -> None:
        """Keep an unresolved reference with the entities last named before it."""
        named = [m for m in last.values() if not m.product and m.name not in self.sources]
        named.sort(key=lambda m: -m.start)
        candidates = tuple(named[:CANDIDATES])
        if candidates:
            kind = ref.label_.lower()
            self.open_refs.append(OpenReference(ref.start, ref.end, ref.root.i, kind, candidates))

    def _first_named(self, name: str) -> Mention | None:
        return next((m for m in self.mentions if m.name == name and not m.product), None)

    def reference(self, i: int, exclude: set[str] | frozenset[str] = frozenset()) -> Mention | None:
        """The mention a reference at token ``i`` stands for, unless it is in ``exclude``
        (a party already taken) or stands for several (a pair)."""
        found = self.refs.get(i)
        if not found or len(found) > 1 or found[0].name in exclude:
            return None
        return found[0]

    def references(self, i: int) -> list[Mention]:
        """Every mention a reference at token ``i`` stands for (two for a pair)."""
        return list(self.refs.get(i, ()))

    def reference_tokens(self, sent: Span) -> list[Token]:
        """The head words of the resolved references in ``sent``."""
        doc = sent.doc
        return [doc[i] for i in self.ref_heads if sent.start <= i < sent.end]
