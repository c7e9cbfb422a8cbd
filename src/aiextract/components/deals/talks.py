"""Talks a deal noun is the aim of (« des négociations avec X en vue de son rachat »)
and the parties they give it."""

from __future__ import annotations

from spacy.tokens import Token

from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.syntax import find_subject, subject_mentions

# Nouns of talks: the deal noun under them takes their parties (« des négociations
# avec X en vue de son rachat », « les discussions entre A et B pour une fusion »).
TALKS_NOUNS = frozenset(["discussion", "discussions", "négociation", "négociations", "pourparlers"])


def is_talks(tok: Token) -> bool:
    return tok.lemma_.lower() in TALKS_NOUNS or tok.lower_ in TALKS_NOUNS


def talks_noun(anchor: Token) -> Token | None:
    """The talks a trigger noun is the aim of: « des négociations ... en vue de son
    rachat », « mène des pourparlers avec X pour une fusion »."""
    tok = anchor
    for _ in range(3):
        if tok.dep_ not in ("nmod", "obl", "obl:mod") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if is_talks(tok):
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            return next((c for c in tok.children if c.dep_ == "obj" and is_talks(c)), None)
    return None


def talks_parties(
    anchor: Token, mentions: MentionIndex, frame: dict[str, str]
) -> list[tuple[str, Mention]]:
    """The parties of the talks a trigger noun is the aim of, with their frame keys:
    the talks' subject as ``gsubj``, « avec X » and « entre A et B ». For a purchase
    with a possessive (« en vue de son rachat »), « avec X » is the company bought."""
    talks = talks_noun(anchor)
    if talks is None:
        return []
    found: list[tuple[str, Mention]] = []
    subject = None
    if any(c.dep_ == "cop" for c in talks.children):
        subject = next((c for c in talks.children if c.dep_ == "nsubj"), None)
    elif talks.dep_ == "obj":
        subject = find_subject(talks.head, mentions)
    if subject is not None:
        found += [("gsubj", m) for m in subject_mentions(subject, subject.doc, mentions)]
    possessive = any(c.dep_ == "det" and c.lower_ in ("son", "sa") for c in anchor.children)
    for child in talks.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        key = "avec" if "avec" in cases else "entre" if "entre" in cases else ""
        if key == "avec" and key not in frame and possessive and "de" in frame:
            key = "de"  # « avec X en vue de son rachat »
        named = subject_mentions(child, child.doc, mentions) if key else []
        if key == "entre":  # « entre A et B » with B parsed as a conjunct of the talks
            named += [
                mentions.by_token[c.i]
                for c in talks.children
                if c.dep_ == "conj" and c.i > child.i and c.i in mentions.by_token
            ]
        if key == "entre" and key not in frame and {"gsubj", "de"} <= set(frame):
            # « les négociations entre A et B pour le rachat de ... »: A buys from B
            found += [("gsubj" if n == 0 else "de", m) for n, m in enumerate(named)]
        else:
            found += [(key, m) for m in named]
    return found
