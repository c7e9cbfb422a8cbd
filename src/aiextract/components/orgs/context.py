"""Context tests around a name: cues before and after it, the slot it fills (deal,
place, product, medium), and whether its shape is an organisation's or a person's.

Pure predicates over a parsed ``Doc``; they read the words of an :class:`OrgLexicon`
and, for a few, the :class:`Gazetteer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from aiextract.components.entities.salience import cue_right_before
from aiextract.components.orgs.gazetteer import Entry, Gazetteer
from aiextract.components.orgs.lexicon import (
    APPOSITION_VERBS,
    BUY_LEMMAS,
    CUE_LEFT,
    DEAL_OBJECT_NOUNS,
    DETERMINERS,
    INSTITUTION_HEADS,
    LOWER_WORD,
    MEDIUM_CONTEXT,
    ORG_OBJECT_NOUNS,
    ORG_VERB_LEMMAS,
    PLACE_HEADS,
    OrgLexicon,
)


def span_root(span: Span) -> Token:
    """The syntactic root of ``span`` (its token when it has one: the common case)."""
    return span[0] if len(span) == 1 else span.root


# --------------------------------------------------------------------------- cues


def cue_before(lex: OrgLexicon, doc: Doc, start: int) -> tuple[str | None, int]:
    """(strength, number of modifier tokens skipped) of a cue ending before ``start``."""
    i = start - 1
    skipped = 0
    # Skip adjectives and « de capital-risque » / « d'IA » complements.
    while i >= 0 and skipped < 4:
        tok = doc[i]
        if tok.pos_ == "ADJ" and tok.is_lower:
            i -= 1
            skipped += 1
        elif (
            i >= 1
            and doc[i - 1].lower_ in ("de", "d'", "d’", "du", "des")
            and (tok.is_lower or tok.text in ("IA", "AI"))
            and not tok.is_punct
            and tok.lower_ not in lex.cues
        ):
            i -= 2
            skipped += 2
        elif (
            i >= 2
            and doc[i - 1].lower_ in ("la", "l'", "l’")
            and doc[i - 2].lower_ == "de"
            and tok.is_lower
            and tok.is_alpha
            and tok.lower_ not in lex.cues
        ):
            i -= 3  # « le spécialiste de la dématérialisation X »
            skipped += 3
        else:
            break
    if i < 0:
        return None, 0
    if i >= 1 and doc[i].lower_ in ("de", "d'", "d’") and doc[i - 1].lower_ == "auprès":
        return "weak", skipped  # « lève 5 millions auprès de Kima »
    for first in range(max(0, i - 3), i + 1):
        for words, strength in lex.cues.get(doc[first].lower_, ()):
            end = first + len(words)
            if end != i + 1:
                continue
            if tuple(t.lower_ for t in doc[first:end]) != words:
                continue
            if doc[first].lower_ in lex.nationalities and not doc[first].is_lower:
                continue  # « le Français Antoine Garnier »: a person's nationality
            if first == 0 or doc[first - 1].lower_ in CUE_LEFT:
                return strength, skipped
            # « Le géant américain » at a sentence start: determiner capitalised.
            if doc[first - 1].lower_ in DETERMINERS:
                return strength, skipped
    return None, 0


def cue_after(lex: OrgLexicon, doc: Doc, end: int) -> bool:
    """« X, la start-up ... », « X, basée à ... »; a short parenthesis after the name is
    stepped over (« X (8,8 %), la société familiale de … »)."""
    if end < len(doc) and doc[end].text == "(":
        close = next(
            (k for k in range(end + 1, min(len(doc), end + 8)) if doc[k].text == ")"), None
        )
        if close is not None:
            end = close + 1
    if end >= len(doc) or doc[end].text != ",":
        return False
    tail = doc[end : min(len(doc), end + 5)]
    if APPOSITION_VERBS.match(tail.text):
        return True
    j = end + 1
    if j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1
    if j >= len(doc):
        return False
    return any(
        tuple(t.lower_ for t in doc[j : j + len(w)]) == w and s == "strong"
        for w, s in lex.cues.get(doc[j].lower_, ())
    )


def org_context(lex: OrgLexicon, doc: Doc, start: int, end: int) -> bool:
    """Does the context make an ambiguous name (« X ») an acting organisation?"""
    if cue_before(lex, doc, start)[0] == "strong" or cue_after(lex, doc, end):
        return True
    # « rachat de X », « fusion de xAI et de X »: walk back over names and « et de ».
    i = start - 1
    while i >= 1 and start - i <= 8:
        word = doc[i].lower_
        if word in ("de", "d'", "d’") and doc[i - 1].lower_ in ORG_OBJECT_NOUNS:
            return True
        if not (word in ("de", "d'", "d’", "et", ",") or not doc[i].text.islower()):
            break
        i -= 1
    for tok in doc[end : min(len(doc), end + 4)]:
        if tok.is_punct and tok.text not in ("-",):
            break
        if tok.lemma_.lower() in ORG_VERB_LEMMAS or tok.lower_.startswith("valoris"):
            return True
    return False


def named_as_company(lex: OrgLexicon, doc: Doc, starts: list[int]) -> bool:
    """Is an ambiguous company name (« Casino », « Ford ») written at ``starts`` the
    company? Yes when at least two of its mentions stand mid-sentence after no place or
    market preposition (``lex.market_preps``: « à », « dans », « sur »…): a common word,
    a surname or a place is rarely written so twice."""
    mid = [
        s
        for s in starts
        if s > 0 and not doc[s].is_sent_start and doc[s - 1].lower_ not in lex.market_preps
    ]
    return len(mid) >= 2


_LIST_LINKS = frozenset(["et", "ou", ","])


def listed_with_company(doc: Doc, start: int, end: int, company: Callable[[str], bool]) -> bool:
    """« Orange et Free », « Free, SFR »: a name listed right beside a known company
    (``company`` of a one- or two-word name) is a company too."""
    after = doc[end + 1 : end + 3] if end + 1 < len(doc) else None
    listed_after = after is not None and doc[end].lower_ in _LIST_LINKS
    if listed_after and (company(after[:1].text) or company(after.text)):
        return True
    before = doc[max(0, start - 3) : start - 1] if start >= 2 else None
    if before is not None and doc[start - 1].lower_ in _LIST_LINKS:
        return company(before[-1:].text) or company(before.text)
    return False


def cited_as_source(doc: Doc, start: int) -> bool:
    """« comme l'a révélé Challenges », « selon Fortune »: a medium cited as a source."""
    lows = [t.lower_.replace("’", "'") for t in doc[max(0, start - 6) : start]]
    return cue_right_before(lows, len(lows))


def place_context(doc: Doc, start: int, end: int) -> bool:
    """« le géant de Redmond »: a one-word name after « géant/firme de » is a place."""
    return (
        end - start == 1
        and start >= 2
        and doc[start - 1].lower_ == "de"
        and doc[start - 2].lower_ in PLACE_HEADS
    )


# --------------------------------------------------------------------------- slots


def deal_slot(lex: OrgLexicon, doc: Doc, span: Span) -> bool:
    """Subject or object of a deal verb (« X lève », « rachète X », « mené par X »)."""
    root = span_root(span)
    while root.dep_ == "conj" and root.head.i < root.i and root.head.i >= span.start - 12:
        root = root.head  # « X et Y fusionnent »: Y's role is X's
    head = root.head.lemma_.lower()
    if root.dep_ in ("nsubj", "nsubj:pass", "obj") and head in lex.subject_verbs:
        return not (root.dep_ == "nsubj:pass" and head in lex.by_verbs)
    if root.dep_ == "nsubj" and any(
        (c.dep_ == "xcomp" and c.lemma_.lower() in lex.subject_verbs)
        or (c.dep_ == "obj" and c.lemma_.lower() in DEAL_OBJECT_NOUNS)
        for c in root.head.children
    ):
        return True  # « X pourrait racheter Y », « X négocie le rachat de Y »
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    if head in lex.by_verbs and "par" in cases:
        return True
    if head in lex.subject_verbs and cases & {"avec", "à"}:
        return True  # « signe avec X », « s'associe à X »
    if head in DEAL_OBJECT_NOUNS and cases & {"avec", "entre"}:
        return True  # « un contrat avec X », « un partenariat entre X et Y »
    s = min(span.start, root.i)
    return (
        s >= 2
        and doc[s - 1].lower_ in ("de", "d'", "d’")
        and (doc[s - 2].lower_ in ORG_OBJECT_NOUNS or doc[s - 2].lower_ == "auprès")
    )


def place_slot(lex: OrgLexicon, doc: Doc, span: Span) -> bool:
    """« à Plouzané », « en Bretagne »: a place, unless the verb gives to someone
    (« attribué le marché à X », « s'associe à X »)."""
    s = span.start
    if s == 0 or doc[s - 1].lower_ not in lex.place_preps:
        return False
    return span_root(span).head.lemma_.lower() not in lex.transfer_verbs


def product_context(lex: OrgLexicon, doc: Doc, span: Span) -> bool:
    """« lance Nova », « Nova, un assistant de ... », « le modèle Mixtral »."""
    s, e = span.start, span.end
    if after_noun(doc, s, lex.product_nouns):
        return True
    if (
        e + 2 < len(doc)
        and doc[e].text == ","
        and doc[e + 1].lower_ in ("un", "une")
        and doc[e + 2].lower_ in lex.product_nouns
    ):
        return True
    root = span_root(span)
    return root.dep_ in ("obj", "xcomp") and root.head.lemma_.lower() in lex.launch_verbs


def after_noun(doc: Doc, s: int, nouns: frozenset[str]) -> bool:
    """Is the name at ``s`` right after one of ``nouns`` (adjectives skipped)?"""
    i = s - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return i >= 0 and doc[i].lower_ in nouns


def acts_as_org(doc: Doc, span: Span) -> bool:
    """A one-word name bought, absorbed or raising money is a company, not a person."""
    if len(span) != 1:
        return False
    s, e = span.start, span.end
    if s >= 1 and doc[s - 1].lemma_.lower() in BUY_LEMMAS:
        return True
    if s >= 2 and doc[s - 1].lower_ in ("de", "d'", "d’") and doc[s - 2].lower_ in ORG_OBJECT_NOUNS:
        return True
    j = e
    while j < len(doc) and j - e < 2 and doc[j].lower_ in ("a", "vient", "de", "va"):
        j += 1
    return j < len(doc) and doc[j].lemma_.lower() in BUY_LEMMAS | {"lever", "boucler"}


def medium_context(doc: Doc, start: int) -> bool:
    """« un compte sur NEURA KING », « publié sur Threads »: a medium, not a company."""
    return (
        start >= 2
        and doc[start - 1].lower_ in ("sur", "via")
        and doc[start - 2].lower_ in MEDIUM_CONTEXT
    )


def as_medium(doc: Doc, start: int, entry: Entry) -> bool:
    """« sur LinkedIn », « via TikTok »: a platform named as a medium people post on."""
    return (
        entry.category == "platform"
        and start >= 1
        and doc[start - 1].lower_ in ("sur", "via", "depuis")
    )


def as_medium_text(gaz: Gazetteer, doc: Doc, start: int, text: str) -> bool:
    """Is ``text`` at ``start`` an ambiguous gazetteer name, or a platform as a medium?"""
    entry = gaz.lookup(text)
    return entry is not None and (entry.ambiguous or as_medium(doc, start, entry))


def acronym_half(gaz: Gazetteer, doc: Doc, start: int, end: int) -> bool:
    """« HP » in « l'AP-HP »: a known acronym glued by a hyphen to an unknown acronym
    is half of a longer name, not the company of that name (« IBM-HP » is two)."""

    def unknown_acronym(i: int) -> bool:
        text = doc[i].text if 0 <= i < len(doc) else ""
        return 1 < len(text) <= 4 and text.isalpha() and text.isupper() and not gaz.lookup(text)

    text = doc[start].text
    if end - start != 1 or not (len(text) <= 4 and text.isupper()):
        return False
    glued_before = (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
    ) and not doc[start - 1].whitespace_
    glued_after = (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    ) and not doc[end].whitespace_
    return (glued_before and unknown_acronym(start - 2)) or (
        glued_after and unknown_acronym(end + 1)
    )


def clause_start(span: Span) -> int | None:
    """Where a model entity runs into a clause: its first lower-case verb, or the first
    lower-case word before a possessive (« Biotop pour la maintenance de ses trains »);
    None when it is a name throughout."""
    if not LOWER_WORD.search(span.text):
        return None  # the common case: a name of capitalised words
    verb = next((t.i for t in span[1:] if t.is_lower and t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        return verb
    if any(t.is_lower and "Yes" in t.morph.get("Poss") for t in span):
        return next((t.i for t in span[1:] if t.is_lower), None)
    return None


def rubric_label(doc: Doc, s: int, e: int) -> bool:
    """« Santé : Oxalys rachète... », « Vidéoprotection algorithmique : ... »: a short
    phrase opening a line before a colon, whose first word is never repeated in the
    article, is a section label."""
    while e < len(doc) and e - s < 3 and doc[e].is_lower and doc[e].pos_ in ("ADJ", "NOUN"):
        e += 1  # lower-case words the entity left out (« algorithmique »)
    if e - s > 3 or e >= len(doc) or doc[e].text != ":":
        return False
    if s > 0 and "\n" not in doc[s - 1].text and "\n" not in doc[s - 1].whitespace_:
        return False
    orth = doc[s].orth
    return sum(1 for t in doc if t.orth == orth) == 1


# « Innovationsfr »: a word glued to a web address's ending (a site that lost its dot).
_DOMAIN_TAIL = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ]{3,})(fr|com|net|io)")


def glued_domain(lex: OrgLexicon, tok: Token) -> bool:
    """A common word glued to « fr », « com »... (« Innovationsfr »): a site's address
    that lost its dot, not a company's name."""
    match = _DOMAIN_TAIL.fullmatch(tok.text)
    return bool(match) and lex.vocab.has_vector(match.group(1).lower()) and not tok.has_vector


def common_word_at_start(lex: OrgLexicon, gaz: Gazetteer, tok: Token) -> bool:
    """A capitalised sentence opener that is a known verb, adverb or adjective."""
    return (
        tok.is_sent_start
        and tok.pos_ in ("VERB", "AUX", "ADV", "ADJ", "CCONJ", "SCONJ", "ADP", "PRON")
        and lex.vocab.has_vector(tok.lower_)
        and tok.text not in gaz.forms
    )


def openers_only(doc: Doc, orgs: list[tuple[int, int, str, str]]) -> set[str]:
    """One-word names found only where a line or sentence opens, written elsewhere in the
    article in lower case: a common word, not a company (« Commande confirmée … »,
    « Elle était là … », « Entente de gré à gré » as a heading; the gazetteer's aside)."""
    starts: dict[str, bool] = {}
    for s, e, name, src in orgs:
        if e - s != 1 or src == "gazetteer" or name != doc[s].text or not name.istitle():
            continue
        prev = doc[s - 1] if s > 0 else None
        opener = (
            prev is None
            or doc[s].is_sent_start
            or prev.is_space
            or "\n" in prev.whitespace_
            or prev.text in (".", "!", "?", "»", ":")
        )
        starts[name] = starts.get(name, True) and opener
    only = {name.lower(): name for name, at_start in starts.items() if at_start}
    if not only:
        return set()  # most articles: read no further
    return {only[t.text] for t in doc if t.is_lower and t.text in only}


OPENING_QUOTES = frozenset(['"', "«", "“"])
CLOSING_QUOTES = frozenset(['"', "»", "”"])


def function_words_only(doc: Doc, mentions: Sequence[tuple]) -> set[str]:
    """One-word names of ``mentions`` (``(start, end, name, ...)``) that are French
    function words (« Il », « Elle », « Entre », « Aura » as written): never a name,
    unless the gazetteer knows it or the article quotes it (« le magazine "Elle" »)."""
    verdict: dict[str, bool] = {}
    for s, e, name, *src in mentions:
        word = e - s == 1 and name.lower() in STOP_WORDS and src[:1] != ["gazetteer"]
        quoted = (
            s > 0
            and e < len(doc)
            and doc[s - 1].text in OPENING_QUOTES
            and doc[e].text in CLOSING_QUOTES
        )
        verdict[name] = verdict.get(name, True) and word and not quoted
    return {name for name, function_word in verdict.items() if function_word}


# --------------------------------------------------------------------------- shapes


def name_like(tok: Token) -> bool:
    """A word written like a name: inner capitals or digits, a capitalised proper noun,
    or a capitalised word the model has no vector for."""
    text = tok.text
    if not text[:1].isalpha() and not text[:1].isdigit():
        return False
    if any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text):
        return True
    if tok.pos_ == "PROPN" and text[:1].isupper():
        return True
    return text[:1].isupper() and not tok.has_vector


def org_shape_ok(lex: OrgLexicon, span: Span, text: str) -> bool:
    """Is a model ORG entity shaped like a real organisation name?"""
    if not text or not (text[0].isupper() or text[0].isdigit() or re.match(r"[a-z]+[A-Z]", text)):
        return False
    words = text.split()
    if words[0] in INSTITUTION_HEADS or words[-1] in lex.suffixes:
        return True
    toks = [
        t
        for t in span
        if not t.is_punct and lex.non_org(t.text) != "acronym" and t.text[:1].isalpha()
    ]
    if len(words) == 1 and text.isupper() and len(text) <= 1:
        return False
    return any(name_like(t) for t in toks)


def person_shape_ok(text: str) -> bool:
    """One to four words, capitalised apart from particles (« de », « van », « ben »)."""
    words = text.split()
    if not 1 <= len(words) <= 4 or any(c.isdigit() for c in text):
        return False
    if len(words) == 1 and (text.isupper() or len(text) < 2):
        return False
    caps = 0
    for w in words:
        if w[0].isupper():
            caps += 1
        elif w.lower() not in (
            "de",
            "du",
            "des",
            "van",
            "von",
            "der",
            "da",
            "di",
            "le",
            "la",
            "ben",
            "bin",
            "al",
            "el",
        ) and not w.startswith(("d'", "d’")):
            return False
    return caps >= 1


def invented(lex: OrgLexicon, tok: Token) -> bool:
    """A word the model's vectors do not know, in any case: an invented name."""
    return not tok.has_vector and not lex.vocab.has_vector(tok.lower_)
