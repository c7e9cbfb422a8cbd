"""Dates and periods: ``doc.spans["dates"]``, each span's ``_.date`` holding its ISO value.

The spaCy glue around :mod:`aiextract.normalize.dates`: candidates come from one compiled
regex over ``doc.text``; the parse is used only to read the verb's tense (a bare month or
weekday in a future-tense sentence points forward) and to keep « aujourd'hui » only when
it means the day itself. Candidates overlapping a money span are dropped. When the caller
gave no publication date, the date the article prints near its top becomes
``doc._.published`` before relative dates are resolved.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from aiextract.extensions import DATES_KEY, MONEY_KEY, doc_text, register_extensions
from aiextract.normalize.dates import (
    FUTURE_VERBS,
    TODAY_VERBS,
    find_dates,
    find_published,
    normalize_date,
)

_VERB_POS = ("VERB", "AUX")
# Stems of the announcement verbs, for when the lemmatizer misses (« présente » -> présente).
_TODAY_STEMS = tuple(sorted({verb[:-2] for verb in TODAY_VERBS if len(verb) > 5}))


def _governing_verb(span: Span) -> Token | None:
    """The verb the span hangs on, walking up at most four heads."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in _VERB_POS:
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in _VERB_POS else None


def _tenses(verb: Token) -> set[str]:
    """Tenses of a verb and its auxiliaries; « va signer » counts as future."""
    tenses = set(verb.morph.get("Tense"))
    for child in verb.children:
        if child.dep_.startswith("aux"):
            tenses.update(child.morph.get("Tense"))
    if verb.lemma_ == "aller" and any(c.morph.get("VerbForm") == ["Inf"] for c in verb.children):
        tenses.add("Fut")
    if "Inf" in verb.morph.get("VerbForm") and verb.head.lemma_ == "aller":
        tenses.add("Fut")
    return tenses


def _is_intent(verb: Token) -> bool:
    """A verb of intent in the present or passive (« prévoit », « est attendue »), not in
    a past tense (« a dû », « prévoyait »)."""
    if verb.lemma_.lower() not in FUTURE_VERBS:
        return False
    if any(child.dep_ == "aux:tense" for child in verb.children):
        return False
    finite_past = "Fin" in verb.morph.get("VerbForm") and {"Past", "Imp"} & set(
        verb.morph.get("Tense")
    )
    return not finite_past


def _is_future(span: Span) -> bool:
    """Does the sentence around ``span`` look ahead: a future tense (« annoncera »,
    « va annoncer ») or a verb of intent above an infinitive (« prévoit d'ouvrir »,
    « est attendue »)?"""
    doc = span.doc
    if not doc.has_annotation("DEP"):
        window = doc[max(0, span.start - 12) : min(len(doc), span.end + 12)]
        return any("Fut" in t.morph.get("Tense") for t in window)
    verb = _governing_verb(span)
    for _ in range(4):
        if verb is None:
            return False
        if "Fut" in _tenses(verb) or _is_intent(verb):
            return True
        if "Inf" not in verb.morph.get("VerbForm") or verb.head is verb:
            return False  # a finite verb or a participle decides: not future
        verb = verb.head if verb.head.pos_ in _VERB_POS else None
    return False


def _means_today(span: Span) -> bool:
    """« aujourd'hui » names the publication day with a past or future verb or an
    announcement verb (« a annoncé aujourd'hui », « présente aujourd'hui »), not in a
    general present (« les alliances qui se nouent aujourd'hui »)."""
    if not span.doc.has_annotation("DEP"):
        return False
    verb = _governing_verb(span)
    if verb is None:
        return False
    if _tenses(verb) & {"Past", "Fut"} or verb.lemma_.lower() in TODAY_VERBS:
        return True
    return verb.lower_.startswith(_TODAY_STEMS)


class DatesComponent:
    """Fill ``doc.spans["dates"]``; each span's ``_.date`` is ``{"value", "relative"}``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        detect_published: bool = True,
        published_max_chars: int = 600,
        published_max_lines: int = 6,
        skip_money: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.detect_published = detect_published
        self.published_max_chars = published_max_chars
        self.published_max_lines = published_max_lines
        self.skip_money = skip_money

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if doc._.published is None and self.detect_published:
            doc._.published = find_published(
                text, max_chars=self.published_max_chars, max_lines=self.published_max_lines
            )
        published = doc._.published
        money = []
        if self.skip_money and MONEY_KEY in doc.spans:
            money = [(s.start_char, s.end_char) for s in doc.spans[MONEY_KEY]]
        spans: list[Span] = []
        last_token = -1
        for cand in find_dates(text):
            if any(cand.start < end and start < cand.end for start, end in money):
                continue
            span = doc.char_span(cand.start, cand.end, label="DATE", alignment_mode="expand")
            if span is None or span.start < last_token:
                continue
            if cand.today and not _means_today(span):
                continue
            future = cand.tense and _is_future(span)
            value = normalize_date(cand.expr, published, future=future)
            span._.date = {"value": value, "relative": cand.relative}
            spans.append(span)
            last_token = span.end
        doc.spans[DATES_KEY] = spans
        return doc


@Language.factory(
    "aiextract_dates",
    default_config={
        "detect_published": True,
        "published_max_chars": 600,
        "published_max_lines": 6,
        "skip_money": True,
    },
)
def make_dates(
    nlp: Language,
    name: str,
    *,
    detect_published: bool = True,
    published_max_chars: int = 600,
    published_max_lines: int = 6,
    skip_money: bool = True,
) -> DatesComponent:
    """The dates component; ``detect_published`` reads the article's own date when the
    caller gave none, looking at the first ``published_max_lines`` non-empty lines
    within ``published_max_chars``; ``skip_money`` drops candidates inside amounts."""
    return DatesComponent(
        nlp,
        name,
        detect_published=detect_published,
        published_max_chars=published_max_chars,
        published_max_lines=published_max_lines,
        skip_money=skip_money,
    )
