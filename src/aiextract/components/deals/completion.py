"""After merging: what a deal's own sentence did not say, read from the sentences around.

- ``operation_dates``: « L'opération a été annoncée le 8 octobre » dates the deal just
  told.
- ``hire_sources``: « Elle était jusqu'ici vice-présidente de W » gives a hire its source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from aiextract.components.deals.attributes import ANNOUNCE_VERBS, contains_cue
from aiextract.components.deals.candidates import Candidate
from aiextract.components.deals.cues import linear_marker
from aiextract.components.deals.mentions import MentionIndex, Party

# Determiners and possessives before a noun that refers back to a deal or a company.
DEMONSTRATIVES = frozenset(
    [
        "ce",
        "cet",
        "cette",
        "ces",
        "le",
        "la",
        "l'",
        "l’",
        "les",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
    ]
)
# Nouns that stand for the deal just told (« l'opération a été annoncée le ... »).
OPERATION_NOUNS = frozenset(
    ["opération", "transaction", "accord", "annonce", "rachat", "acquisition", "cession"]
)


def operation_dates(
    doc: Doc,
    sentences: list[Span],
    sent_of: list[int],
    deals: list[Candidate],
    mentions: MentionIndex,
) -> None:
    """« L'opération a été annoncée le 8 octobre »: the date of announcing « l'opération »
    (« la transaction ») goes to the deal told just before, when it has none."""
    for span in mentions.dates:
        value = (span._.date or {}).get("value")
        verb = span.root.head
        if not value or verb.lemma_.lower() not in ANNOUNCE_VERBS or sent_of[span.start] < 0:
            continue
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if verb.dep_ == "acl":
            nouns.append(verb.head)
        if not any(
            n.lemma_.lower() in OPERATION_NOUNS
            and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in n.children)
            for n in nouns
        ):
            continue
        n = sent_of[span.start]
        before = [d for d in deals if 0 <= n - max(d.sent, d.last_sent) <= 2]
        if before:
            last = max(before, key=lambda d: (max(d.sent, d.last_sent), d.anchor))
            if last.date is None:
                last.date = value


def hire_sources(
    doc: Doc, sentences: list[Span], deals: list[Candidate], mentions: MentionIndex
) -> None:
    """« X nomme Z directrice. Elle était jusqu'ici vice-présidente de W »: the company
    named after « de » or « chez » in the sentence right after a hire, about the person
    hired and with words of a former job, is the hire's source."""
    cols = mentions.cols
    for deal in deals:
        persons = [p for p in deal.parties if p.role == "person"]
        if deal.type != "hire" or len(persons) != 1:
            continue
        if any(p.role == "source" for p in deal.parties):
            continue
        n = max(deal.sent, deal.last_sent) + 1
        if n >= len(sentences):
            continue
        sent = sentences[n]
        words = list(cols.low[sent.start : sent.end])
        surname = persons[0].name.split()[-1].lower()
        if not {"il", "elle", surname} & set(words[:3]):
            continue
        if not contains_cue(words, "past_job"):
            continue
        names = deal.names()
        for mention in mentions.in_span(sent.start, sent.end):
            if mention.kind != "org" or mention.product or mention.name in names:
                continue
            if linear_marker(doc, mention.start, sent.start, mentions) in ("de", "chez", "quitter"):
                deal.parties.append(Party(mention.name, "source", "org", mention.start, "cue"))
                break
