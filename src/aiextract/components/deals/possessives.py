"""The owner of the possessive in a trigger phrase (« entrer à son capital »): the
subject of a verb above, or, for « notre » in a quote, the speaker's company."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from aiextract.components.deals.cues import linear_marker, linear_subject
from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.syntax import find_subject, subject_mentions

# Possessive determiners in « entrer à son / notre / leur capital ».
_OWN_POSSESSIVES = frozenset(["son", "sa", "ses", "leur", "leurs"])
_OUR_POSSESSIVES = frozenset(["notre", "nos"])
_QUOTES = frozenset(["«", "»", '"'])
# Verbs that introduce a quote's speaker after the quote (« », explique le président de X).
SPEECH_VERBS = frozenset(
    [
        "expliquer",
        "déclarer",
        "affirmer",
        "souligner",
        "indiquer",
        "préciser",
        "confier",
        "ajouter",
        "commenter",
        "résumer",
        "assurer",
        "estimer",
        "réjouir",
        "annoncer",
        "détailler",
        "insister",
        "poursuivre",
        "rappeler",
        "témoigner",
        "noter",
        "conclure",
        "confirmer",
        "raconter",
    ]
)


def _quote_speaker(doc: Doc, anchor: Token, mentions: MentionIndex) -> Mention | None:
    """The company of the speaker of a quote holding ``anchor``: « ... notre capital »,
    explique le président de X / a déclaré Z, PDG de X. None when the text does not say."""
    cols = mentions.cols
    end = min(len(cols.low), anchor.i + 80)
    window = range(max(0, anchor.i - 80), anchor.i)
    opening = next((k for k in reversed(window) if cols.low[k] in _QUOTES), None)
    straight = sum(1 for k in window if cols.low[k] == '"')
    mark = cols.low[opening] if opening is not None else "»"
    if mark == "»" or (mark == '"' and straight % 2 == 0):
        return None  # the trigger is not inside a quote
    close = next((k for k in range(anchor.i + 1, end) if cols.low[k] in ("»", '"')), None)
    if close is None:
        return None
    k = close + 1
    while k < end and cols.pos[k] == "PUNCT":
        k += 1
    said = k < end and cols.lemma[k] in SPEECH_VERBS  # « ... », explique
    if not said and k + 1 < end and cols.pos[k] == "AUX":
        said = cols.lemma[k + 1] in SPEECH_VERBS  # « ... », a déclaré
    if said:
        for j in range(k + 1, min(end, k + 16)):
            if cols.low[j] in (".", "«", "»", ";", "!", "?"):
                return None
            mention = mentions.by_token.get(j)
            if mention is not None and mention.kind == "org" and mention.start == j:
                if linear_marker(doc, j, k + 1, mentions) in ("de", "chez"):
                    return mention  # « le président de X », « PDG de la société X »
                return None
        return None
    # « Z, président de X, explique : « ... » »: the speaker before the quote, in the
    # same sentence (a speech verb right before the quote, the company before it)
    k = opening - 1
    while k >= 0 and cols.pos[k] == "PUNCT":
        k -= 1
    if k < 0 or cols.lemma[k] not in SPEECH_VERBS:
        return None
    for j in range(k - 1, max(-1, k - 16), -1):
        if cols.low[j] in (".", "«", "»", ";", "!", "?") or "\n" in doc[j].text:
            return None
        mention = mentions.by_token.get(j)
        if mention is not None and mention.kind == "org":
            start = max(0, mention.start - 8)
            if linear_marker(doc, mention.start, start, mentions) in ("de", "chez"):
                return mention
            return None
    return None


def possessive_owner(
    doc: Doc,
    sent: Span,
    prev: Span | None,
    anchor: Token,
    is_verb: bool,
    head_verb: Token | None,
    mentions: MentionIndex,
) -> tuple[list[Mention], str] | None:
    """The owners of the possessive in a trigger phrase (« entrer à son capital »): the
    speaker's company for « notre » in a quote; for « son / leur », the subject of the
    verb governing the trigger noun, or of a verb above the trigger verb (not the trigger
    verb's own subject: « X est entré à son capital » is X entering another company)."""
    cols = mentions.cols
    word = next(
        (
            cols.low[k]
            for k in range(anchor.i + 1, min(sent.end, anchor.i + 4))
            if cols.low[k] in _OWN_POSSESSIVES or cols.low[k] in _OUR_POSSESSIVES
        ),
        None,
    )
    if word is None:
        return None
    if word in _OUR_POSSESSIVES:
        speaker = _quote_speaker(doc, anchor, mentions)
        return ([speaker], "reference") if speaker is not None else None
    if is_verb:
        verbs = [a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")][:3]
    else:
        verbs = [head_verb] if head_verb is not None else []
    own = find_subject(anchor, mentions) if is_verb else None
    for verb in verbs:
        subj = find_subject(verb, mentions)
        if subj is not None and subj.text in ("-", "up") and subj.i - 2 >= sent.start:
            start = doc[subj.i - 1] if subj.text == "-" else doc[subj.i - 2]
            if start.lower_ == "start":  # « Start-up X a annoncé », capitalised, cut at « - »
                subj = start
        if subj is not None and not sent.start <= subj.i < sent.end:
            continue
        if own is not None and subj is not None and subj.i == own.i:
            continue
        if subj is not None:
            found = subject_mentions(subj, doc, mentions)
            if found:
                return found, "tree"  # « A et B ont annoncé l'entrée à leur capital »
            ref = mentions.reference(subj.i)
            if ref is not None:
                return [ref], "reference"
            if subj.pos_ == "PRON" and subj.i < verb.i:
                return None
        # no subject in the parse, or a noun that is no name (« Le fabricant de
        # cosmétiques X a finalisé »): the closest unmarked name before the verb
        found = linear_subject(doc, sent, verb, anchor, mentions)
        return (found, "cue") if found else None
    return None
