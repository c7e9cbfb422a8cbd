"""Parties read from word order: the cue words before a name (« auprès de », « mené
par »), shared along a list or an apposition; the names right after a trigger; the
subject by position when the parse gives none."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import Columns
from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.role_tables import (
    UNIT_NOUNS,
    company_words,
    cue_words,
    role_cue_words,
    role_cues_by_length,
)


def linear_marker(
    doc: Doc, start: int, sent_start: int, mentions: MentionIndex, depth: int = 0
) -> str:
    """The frame key of the cue words just before token ``start`` (cached per doc)."""
    key = (start, sent_start)
    if key not in mentions.markers:
        mentions.markers[key] = _linear_marker(doc, start, sent_start, mentions, depth)
    return mentions.markers[key]


def _linear_marker(
    doc: Doc, start: int, sent_start: int, mentions: MentionIndex, depth: int = 0
) -> str:
    """The frame key of the cue words just before token ``start`` ('' when none).

    Determiners, company nouns and adjectives are skipped (« auprès de la start-up
    lyonnaise X »); a name after « et » or a comma shares the cue of the name before.
    """
    j = start - 1
    skipped = 0
    words = company_words()
    lows, poses, is_lower = mentions.cols.low, mentions.cols.pos, mentions.cols.is_lower
    # « le groupe de transport X », « l'éditeur allemand de logiciels X »: skip back to
    # the company noun over its complements
    k, limit = j, max(sent_start, j - 6)
    if j >= sent_start and lows[j] in ("de", "d'"):
        k = limit - 1  # « ... de X »: X's own cue is « de »
    while k >= limit:
        low = lows[k]
        if (
            limit < k < j
            and lows[k - 1] in ("de", "d'")
            and poses[k] == "DET"
            and _describes(mentions.cols, k - 2, limit)
        ):
            k -= 1  # « le spécialiste de la cybersécurité X »: a complement's article
            continue
        if limit < k < j and low in ("du", "des") and _describes(mentions.cols, k - 1, limit):
            k -= 1  # « le leader européen du stockage X »
            continue
        if low in ("au", "aux") and k < j:
            j = k  # « au laboratoire suisse X »: the cue opens the phrase
            break
        if poses[k] == "DET" and k < j:
            j = k - 1  # the determiner opening the phrase
            break
        if low in words and is_lower[k]:
            j = k - 1  # a company noun: the phrase may start further back
            k -= 1  # (« l'éditeur de logiciels de traçabilité X »)
            continue
        if not (is_lower[k] and (poses[k] in ("NOUN", "ADJ", "PROPN") or low in ("de", "d'"))):
            break  # (« l'allemand X »: a nationality noun tagged PROPN)
        k -= 1
    while j >= sent_start and skipped < 6:
        low = lows[j]
        pos = poses[j]
        if (
            (pos == "DET" and low not in ("des", "du", "au", "aux"))
            or low in words
            or (pos == "ADJ" and is_lower[j])
        ):
            j -= 1
            skipped += 1
            continue
        break
    if j < sent_start:
        return ""
    low = lows[j]
    if low in ("et", ",", "ou", "ainsi") and depth < 4:
        k = j - 1
        if low == "ainsi":
            return ""
        own = mentions.by_token.get(start)
        if (
            low == ","
            and own is not None
            and own.end < len(doc)
            and lows[own.end] not in (",", "et", "ou")
        ):
            # only a list's inner items follow a comma (« de A, B et C »): « Créée par
            # des anciens de X, la société Y compte ... » is no list
            return _apposed_cue(doc, j, start, sent_start, mentions, depth)
        while k >= sent_start and mentions.cols.is_punct[k] and lows[k] not in (")", "»"):
            k -= 1
        before = mentions.by_token.get(k)
        if before is not None:
            return linear_marker(doc, before.start, sent_start, mentions, depth + 1)
        if low == "," and own is not None:
            # « avec la participation de ses investisseurs historiques, A et B »
            return _apposed_cue(doc, j, start, sent_start, mentions, depth)
        return ""
    window = lows[max(sent_start, j - 4) : j + 1]
    for size, cues in role_cues_by_length():
        key = cues.get(tuple(window[-size:])) if size <= len(window) else None
        if key is not None:
            # « auprès du fonds A et de B »: B shares A's cue
            k = j - size
            joined = k > sent_start and lows[k] in ("et", ",")
            if size == 1 and depth < 4 and joined:
                before = mentions.by_token.get(k - 1)
                if before is not None:
                    inherited = linear_marker(doc, before.start, sent_start, mentions, depth + 1)
                    if inherited:
                        return inherited
                elif lows[k] == "et":
                    # « auprès de business angels et du fonds X »: the investor cue of
                    # the unnamed item before « et »
                    inherited = _cue_before_item(k, sent_start, mentions)
                    if inherited:
                        return inherited
            return key
    return ""


def _describes(cols: Columns, k: int, limit: int) -> bool:
    """Is token ``k`` (after its adjectives) a company noun a « de » complement hangs
    on (« spécialiste », « leader européen »), not a part of a company (« capital »)?"""
    while k > limit and cols.pos[k] == "ADJ" and cols.is_lower[k]:
        k -= 1
    return k >= limit and cols.low[k] in company_words() and cols.low[k] not in UNIT_NOUNS


def _cue_before_item(et: int, sent_start: int, mentions: MentionIndex) -> str:
    """The investor cue opening the words just before « et » (at most 8, no verb, no
    punctuation, no name): « auprès de business angels » gives ``auprès_de``."""
    cols = mentions.cols
    window: list[str] = []
    for j in range(et - 1, max(sent_start, et - 8) - 1, -1):
        if j in mentions.by_token or cols.is_punct[j] or cols.pos[j] in ("VERB", "AUX"):
            return ""
        window.insert(0, cols.low[j])
        for size, cues in role_cues_by_length():
            key = cues.get(tuple(window[:size])) if size <= len(window) else None
            if key in ("auprès_de", "led_by", "with"):
                return key
    return ""


def _apposed_cue(
    doc: Doc, comma: int, start: int, sent_start: int, mentions: MentionIndex, depth: int
) -> str:
    """« auprès de son actionnaire de référence, le fonds X »: X shares the cue of the
    noun phrase it stands beside (an investor cue, or « de » after a company noun)."""
    k = comma - 1
    if k < sent_start or k in mentions.by_token or depth >= 4:
        return ""
    head = doc[k]
    while head.pos_ == "ADJ" and sent_start <= head.head.i < head.i:
        head = head.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in company_words() and head.i < start:
        # « le rachat d'un concurrent allemand, la société X »: X is the company
        # the « de » phrase describes
        first = head.left_edge.i
        while first < head.i and doc[first].dep_ == "case":
            first += 1
        if first >= sent_start and (
            linear_marker(doc, first, sent_start, mentions, depth + 1) == "de"
        ):
            return "de"
    while head.dep_ == "nmod" and sent_start <= head.head.i < head.i:
        head = head.head
    if head.pos_ != "NOUN" or head.left_edge.i < sent_start or head.i >= start:
        return ""
    inherited = linear_marker(doc, head.left_edge.i, sent_start, mentions, depth + 1)
    return inherited if inherited in ("auprès_de", "led_by", "with", "par") else ""


def listed_with(mention: Mention, doc: Doc, sent: Span, mentions: MentionIndex) -> list[Mention]:
    """The names listed just before ``mention`` (« A, B et le fonds C »), in text order."""
    out: list[Mention] = []
    first = mention
    cols = mentions.cols
    for other in reversed(mentions.in_span(sent.start, mention.start)):
        words = cols.low[other.end : first.start]
        if not words or not ("et" in words or "," in words):
            break
        if not all(
            cols.low[j] in (",", "et")
            or cols.low[j] in company_words()
            or cols.pos[j] == "DET"
            or (cols.is_lower[j] and cols.pos[j] == "ADJ")
            for j in range(other.end, first.start)
        ):
            break
        out.insert(0, other)
        first = other
    return out


def linear_subject(
    doc: Doc, sent: Span, verb: Token, anchor: Token, mentions: MentionIndex
) -> list[Mention]:
    """When the parse gives no subject: the closest name before the verb that no
    preposition introduces, with no other finite verb in between (and the names
    listed with it)."""
    chain = {verb.i, anchor.i}
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            chain.add(tok.i)
    found = mentions.in_span(sent.start, min(verb.i, anchor.i))
    cols = mentions.cols
    for n in range(len(found) - 1, -1, -1):
        mention = found[n]
        between = range(mention.end, verb.i)
        if any(
            cols.pos[j] == "VERB"
            and j not in chain
            and cols.dep[j] != "cop"  # « X serait sur le point de remporter »
            and cols.has(j, "VerbForm", "Fin")
            and not _relative(doc[j])
            for j in between
        ) or any(cols.low[j] in (";", ":") for j in between):
            return []
        if linear_marker(doc, mention.start, sent.start, mentions):
            continue
        if doc[mention.root].dep_ == "appos":
            continue
        # « A, B et C fusionnent »: the names listed before it share the subject
        subjects = [mention]
        for other in reversed(found[:n]):
            gap = cols.low[other.end : subjects[0].start]
            if (
                gap
                and all(
                    w in (",", "et") or w in company_words() or cols.pos[other.end] == "DET"
                    for w in gap
                )
                and ("et" in gap or "," in gap)
            ):
                subjects.insert(0, other)
            else:
                break
        return subjects
    return []


def _relative(verb: Token) -> bool:
    """A verb of a relative clause (« X, dont le chiffre d'affaires atteint ... »)."""
    return verb.dep_ == "acl:relcl" or any(
        "Rel" in c.morph.get("PronType") for c in verb.subtree if c.i < verb.i
    )


def adjacent_mentions(doc: Doc, anchor: Token, sent: Span, mentions: MentionIndex) -> set[int]:
    """Mentions right after the trigger, with only cue words, determiners, company
    nouns and list commas in between (« un partenariat avec A, B et C »)."""
    out: set[int] = set()
    words = company_words()
    cue_words = role_cue_words()
    cols = mentions.cols
    j = anchor.i + 1
    while j < sent.end and j - anchor.i < 25:
        mention = mentions.by_token.get(j)
        if mention is not None:
            out.add(mention.start)
            j = mention.end
            continue
        low = cols.low[j]
        if (
            cols.pos[j] == "DET"
            or low in words
            or low in cue_words
            or low in (",", "et", "ou")
            or (cols.pos[j] == "ADJ" and cols.is_lower[j])
            or low in ("fonds", "table", "série")
        ):
            j += 1
            continue
        k = j - 1  # a description opened by an article (« avec le spécialiste des »)
        while (
            k > anchor.i
            and cols.is_lower[k]
            and (cols.pos[k] in ("NOUN", "ADJ", "DET") or cols.low[k] in _DESCRIPTION_LINKS)
        ):
            k -= 1
        opened = next(
            (t for t in range(k + 1, j) if cols.pos[t] == "DET" or cols.low[t] in _ARTICLES), None
        )
        end = None
        # a company noun heads it (« le spécialiste », not « les poids des modèles »)
        if opened is not None and any(low in words for low in cols.low[opened + 1 : j]):
            end = _description_end(mentions, j, sent.end)
        if end is not None:
            j = end  # « avec le spécialiste des anticorps X »: X right after its description
            continue
        break
    return out


_ARTICLES = ("du", "des", "au", "aux")
_DESCRIPTION_LINKS = ("de", "d'", *_ARTICLES)


def _description_end(mentions: MentionIndex, j: int, end: int) -> int | None:
    """The start of the name right after a description opened at token ``j``
    (« spécialiste de la cybersécurité X », « leader européen du stockage X »): lower-case
    nouns, adjectives and « de » complements, at most 6 words; None when no name ends it."""
    cols = mentions.cols
    for k in range(j, min(end, j + 7)):
        if k > j and k in mentions.by_token:
            return k
        if not cols.is_lower[k] or not (
            cols.pos[k] in ("NOUN", "ADJ", "DET") or cols.low[k] in ("de", "d'", "du", "des")
        ):
            return None
    return None


def replaced(cols: Columns, i: int, sent_start: int) -> bool:
    """Is the person at token ``i`` the one a hire replaces (« succède à Marie Dupont »,
    « le remplaçant de M. Paul Marchal », « en remplacement de »; ``predecessor`` in
    ``deal_cues.tsv``)? The predecessor is no person hired, unless a relative clause
    tells where they go (« Elle remplace Paul Marchal, qui rejoindra Valtor »)."""
    for k in range(i + 1, min(len(cols.low), i + 6)):
        if cols.low[k] == "qui":
            return False
        if cols.pos[k] in ("VERB", "AUX"):
            break
    words = [
        cols.low[k]
        for k in range(max(sent_start, i - 5), i)
        if cols.pos[k] != "DET" and cols.low[k] not in _TITLES
    ]
    return any(tuple(words[-len(cue) :]) == cue for cue in _predecessor_cues())


_TITLES = frozenset(["m.", "mme", "mme.", "mlle", "dr", "dr."])


@cache
def _predecessor_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cue.split()) for cue in cue_words("predecessor"))
