"""What a deal is worth, when, how sure, and its name: read around a trigger.

Amounts and dates are taken from the spans the money and dates components wrote;
they belong to the deal only when the dependency tree ties them to its trigger (or,
for an amount, when it is the sentence's only amount no other deal claims and no cue
says it is revenue, losses or costs). Certainty comes from the mood of the trigger's
verbs and the cues of ``data/hedges.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import Columns
from aiextract.components.columns import normalise as _norm
from aiextract.components.deals.mentions import MentionIndex
from aiextract.components.deals.role_tables import cue_words, verb_forms
from aiextract.components.deals.syntax import path_up
from aiextract.components.deals.talks import talks_noun
from aiextract.lexicon import load_table

# A percentage: « 27 % », « 27,5% », « 27 pour cent » (narrow and no-break spaces too).
_PERCENT = re.compile(
    r"""(?<![\d,.])
        (\d{1,3}(?:[,.]\d+)?)      # the number, French or English decimal mark
        [\s\u00a0\u202f]*
        (?:%|pour[\s-]cent)""",
    re.VERBOSE,
)
# Words that introduce a deal's own name.
_NAME_CUES = frozenset(
    [
        "baptisé",
        "baptisée",
        "baptisés",
        "baptisées",
        "nommé",
        "nommée",
        "dénommé",
        "dénommée",
        "appelé",
        "appelée",
        "surnommé",
        "surnommée",
        "intitulé",
        "intitulée",
    ]
)
# Stems of the naming words above and of « sous le nom de », for a quick test per sentence.
_NAME_STEMS = ("baptis", "nomm", "appel", "intitul", "surnomm", " nom ")
_PROJECT_NOUNS = frozenset(
    [
        "projet",
        "mégaprojet",
        "programme",
        "initiative",
        "coentreprise",
        "joint-venture",
        "alliance",
        "consortium",
        "partenariat",
        "plateforme",
    ]
)
_QUOTES = frozenset('«»"“”')
# Words after an amount that make it a unit price (« 12 euros par action »).
_UNIT_PRICES = frozenset([("par", "action"), ("par", "titre"), ("l'", "action"), ("par", "part")])
# Verbs of announcing or closing: their date is the deal's (« Annoncée en février, ... »,
# « L'opération a été annoncée le 8 octobre »).
ANNOUNCE_VERBS = frozenset(
    [
        "annoncer",
        "dévoiler",
        "officialiser",
        "conclure",
        "signer",
        "finaliser",
        "boucler",
        "sceller",
        "confirmer",
        "réaliser",
    ]
)


@cache
def _cues(kind: str) -> tuple[tuple[str, ...], ...]:
    """Cue word sequences of ``deal_cues.tsv`` with the given key."""
    rows = load_table("deal_cues.tsv")
    return tuple(tuple(_norm(r["cue"]).split()) for r in rows if r["key"] == kind)


@cache
def _hedges(kind: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(_norm(r["cue"]).split()) for r in load_table("hedges.tsv") if r["kind"] == kind
    )


@cache
def _phrases(*kinds: str) -> re.Pattern[str]:
    """One regex for the multi-word cues of ``kinds`` (hedge_phrase: all of them)."""
    cues = [c for kind in kinds for c in _hedges(kind) if kind == "hedge_phrase" or len(c) > 1]
    parts = []
    for cue in cues:
        pattern = ""
        for n, word in enumerate(cue):
            if n:
                pattern += r"\s*" if cue[n - 1].endswith("'") else r"\s+"
            pattern += re.escape(word)
        parts.append(pattern)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts or ["(?!)"]) + r")(?!\w)")


@cache
def _phrase_words(*kinds: str) -> frozenset[str]:
    """The longest word of each cue of ``_phrases(*kinds)``: a text where none occurs
    cannot match, which spares most sentences the regex."""
    cues = [c for kind in kinds for c in _hedges(kind) if kind == "hedge_phrase" or len(c) > 1]
    return frozenset(max(cue, key=len) for cue in cues)


@cache
def _deny_phrases() -> tuple[dict[int, frozenset[tuple[str, ...]]], frozenset[str]]:
    """The denial cues by length (to test the words before a trigger in one look each),
    and the one-word ones."""
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for cue in _hedges("deny_phrase"):
        by_length.setdefault(len(cue), set()).add(cue)
    single = frozenset(c[0] for c in _hedges("deny_phrase") if len(c) == 1)
    return {n: frozenset(cues) for n, cues in by_length.items()}, single


@cache
def _hedge_lemmas(kind: str) -> frozenset[str]:
    """One-word cues of ``kind``, with the inflected forms of the verbs among them."""
    words: set[str] = set()
    for cue in _hedges(kind):
        if len(cue) == 1:
            words.add(cue[0])
            if kind in ("hedge_verb", "fail", "deny_verb", "guess") and cue[0].endswith(
                ("er", "ir")
            ):
                words.update(verb_forms(cue[0]))
    return frozenset(words)


def _words(tokens: Span | list[Token]) -> list[str]:
    return [_norm(t.text) for t in tokens]


@cache
def _cue_texts(kind: str) -> tuple[str, ...]:
    """The cues of ``kind`` as space-padded strings, to look for in joined words."""
    return tuple(f" {' '.join(cue)} " for cue in _cues(kind))


def contains_cue(words: list[str], kind: str) -> bool:
    """True when a cue of ``kind`` occurs as whole words in ``words``."""
    text = f" {' '.join(words)} "
    return any(cue in text for cue in _cue_texts(kind))


def _ends_with_cue(words: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(c) <= len(words) and tuple(words[-len(c) :]) == c for c in cues)


# --------------------------------------------------------------------- money


def money_spans(doc: Doc, sent: Span, mentions: MentionIndex) -> list[Span]:
    """The amounts of ``sent``, without the conversions given in brackets (cached)."""
    key = ("money", sent.start, sent.end)
    found = mentions.memo.get(key)
    if found is None:
        found = mentions.memo[key] = [
            s for s in mentions.amounts() if s.start >= sent.start and s.end <= sent.end
        ]
    return found


def money_kind(doc: Doc, span: Span, sent: Span, stop: int, mentions: MentionIndex) -> str:
    """'valuation', 'worth', 'nondeal' or 'deal', from the words before the amount
    (``deal_sum`` says which a deal of a given type takes).

    The look-back stops at token ``stop`` (the trigger) so that « lève 10 M€ » is not
    spoiled by a « chiffre d'affaires » earlier in the sentence.
    """
    key = ("kind", span.start, sent.start, stop)
    found = mentions.memo.get(key)
    if found is None:
        low = max(sent.start, span.start - 10)
        if low <= stop < span.start:
            low = stop + 1
        words = mentions.cols.low[low : span.start]
        after = tuple(mentions.cols.low[span.end : span.end + 2])
        # « 179 millions d'euros de chiffre d'affaires », « 14 Md$ de valorisation »
        named = after[1] if after and after[0] in ("de", "d'", "d’") and len(after) > 1 else ""
        if contains_cue(words[-5:], "valuation") or named in cue_words("valuation_after"):
            found = "valuation"
        elif contains_cue(words[-5:], "worth"):
            found = "worth"
        elif (
            contains_cue(words, "nondeal")
            or after in _UNIT_PRICES
            or named in cue_words("nondeal_after")
        ):
            found = "nondeal"  # « 12 euros par action » is a unit price, not the deal's
        else:
            found = "deal"
        mentions.memo[key] = found
    return found


def deal_sum(kind: str, deal_type: str) -> bool:
    """Is an amount of ``kind`` (``money_kind``) the amount of a deal of ``deal_type``?
    What something is worth (« d'une valeur de ») is a round's valuation, but the price
    of a sale or a contract. A hire is about no sum: a bonus, a salary or the price of a
    deal told beside it is not its amount (GUIDELINES, « Appointments are hires »)."""
    if deal_type == "hire":
        return False
    return kind == "deal" or (kind == "worth" and deal_type != "funding")


def valuation_sum(kind: str, deal_type: str) -> bool:
    """Is an amount of ``kind`` the valuation of a deal of ``deal_type``?"""
    return kind == "valuation" or (kind == "worth" and deal_type == "funding")


def as_amount(span: Span) -> dict[str, str | None]:
    data = span._.money or {}
    return {"value": data.get("value"), "currency": data.get("currency")}


def attached(token: Token, targets: dict[int, str], mentions: MentionIndex) -> bool:
    return path_up(token, targets, mentions, None) is not None


# Verbs of value: their object is the amount of the trigger noun that is their subject.
_WORTH_VERBS = frozenset(
    ["atteindre", "élever", "monter", "chiffrer", "avoisiner", "dépasser", "représenter"]
)
# Nouns of a deal's price: « le montant de l'opération atteint 30 M€ ».
_VALUE_NOUNS = frozenset(["montant", "prix", "valeur", "coût", "enveloppe"])


def _worth_verb(anchor: Token) -> Token | None:
    """« Le contrat pourrait atteindre 1,5 Md€ »: the verb of value a trigger noun is
    the subject of (directly or under a modal)."""
    if anchor.dep_ == "nmod" and anchor.head.lemma_.lower() in _VALUE_NOUNS:
        anchor = anchor.head  # « le montant de l'opération s'élève à »
    if anchor.dep_ != "nsubj":
        return None
    verb = anchor.head
    if verb.lemma_.lower() in _WORTH_VERBS:
        return verb
    return next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _WORTH_VERBS),
        None,
    )


def sum_targets(anchor: Token, gov: int | None) -> dict[int, str]:
    """The words a trigger's sum may hang on: the trigger, the verb governing it
    (``gov``), a verb of value it is the subject of, and the value noun it qualifies
    (« Montant de l'opération : 12 M€ »)."""
    targets = {anchor.i: "anchor"}
    if gov is not None:
        targets[gov] = "gov"
    worth = _worth_verb(anchor)
    if worth is not None:
        targets[worth.i] = "worth"
    if anchor.dep_ == "nmod" and anchor.head.lemma_.lower() in _VALUE_NOUNS:
        targets[anchor.head.i] = "worth"
    return targets


def claims_sum(anchor: Token, span: Span, targets: dict[int, str], mentions: MentionIndex) -> bool:
    """Is the sum ``span`` the trigger's: the sum a participle trigger qualifies (« les
    7 M€ levés par X »), or one whose path up reaches ``targets`` (``sum_targets``)?"""
    if anchor.dep_.startswith("acl") and span.start <= anchor.head.i < span.end:
        return True
    return attached(span.root, targets, mentions)


MAX_STAKE = 50.0  # a share bought up to this percentage is an investment (GUIDELINES)


def find_stake(
    doc: Doc, sent: Span, anchor: Token, mentions: MentionIndex, last: int | None = None
) -> float | None:
    """The percentage nearest the trigger in its sentence (« détient 27 % »); ``last`` is
    the trigger phrase's last token, from which a percentage after it is measured."""
    last = anchor.i if last is None else max(last, anchor.i)
    best: tuple[int, float] | None = None
    for match in _PERCENT.finditer(mentions.sent_text(sent)):
        value = float(match.group(1).replace(",", "."))
        if not 0 < value <= 100:
            continue
        start = sent.start_char + match.start()
        span = doc.char_span(start, start + len(match.group(1)), alignment_mode="expand")
        if span is None:
            continue
        lo, hi = (last, span.start) if span.start > last else (span.start, anchor.i)
        # the words of a name in between do not count (« de la Caisse de dépôt et ... »)
        distance = hi - lo - sum(1 for j in range(lo, hi) if j in mentions.by_token)
        if distance <= 12 and (best is None or distance < best[0]):
            best = (distance, value)
    return None if best is None else best[1]


# --------------------------------------------------------------------- dates


def _sentence_dates(sent: Span, mentions: MentionIndex) -> list[tuple[Span, str]]:
    """The dates of ``sent`` with a value, but for horizons (« d'ici 2030 »), with
    their value (cached per sentence)."""
    key = ("dates", sent.start, sent.end)
    found = mentions.memo.get(key)
    if found is None:
        found = []
        for span in mentions.dates:
            if span.start < sent.start or span.end > sent.end:
                continue
            value = (span._.date or {}).get("value")
            if not value:
                continue
            before = mentions.cols.low[max(sent.start, span.start - 3) : span.start]
            tail = " " + " ".join(before).replace("' ", "'")  # « d' ici » as « d'ici »
            if _ends_with_cue(before, _cues("horizon")) or any(
                tail.endswith(" " + " ".join(c)) for c in _cues("horizon")
            ):
                continue
            found.append((span, value))
        mentions.memo[key] = found
    return found


def find_date(
    doc: Doc, sent: Span, targets: dict[int, str], chain: list[int], mentions: MentionIndex
) -> str | None:
    """The value of a date tied to the trigger, its verb or a verb above it."""
    chain_ids = set(chain)
    for span, value in _sentence_dates(sent, mentions):
        root = span.root
        if root.head.i in chain_ids or attached(root, targets, mentions):
            return value
        anchor = min(targets)
        if _announced(root.head, sent, anchor):
            return value
    return None


def _announced(verb: Token, sent: Span, anchor: int) -> bool:
    """« Annoncé vendredi, ce financement ... »: a participle of announcing that opens
    the sentence before the trigger."""
    return (
        verb.lemma_.lower() in ANNOUNCE_VERBS
        and "Part" in verb.morph.get("VerbForm")
        and verb.i - sent.start <= 1
        and verb.i < anchor
    )


# ----------------------------------------------------------------- certainty


def verb_chain(
    anchor: Token, gov: Token | None, noun_is_subject: bool, mentions: MentionIndex
) -> list[int]:
    """The trigger's verb and the words that govern it (« pourrait racheter »,
    « envisage de racheter », « en discussions pour racheter »), up to the clause top:
    their positions, the trigger first."""
    chain = [anchor.i]
    if noun_is_subject:
        return chain
    cols = mentions.cols
    tok = anchor.i
    if gov is not None:
        chain.append(gov.i)
        tok = gov.i
    for _ in range(4):
        head = cols.head[tok]
        if head == tok:
            break
        kids = cols.kids(tok)
        if cols.pos[tok] == "VERB" and any(
            cols.low[c] == "en" and cols.dep[c] == "mark" for c in kids
        ):
            break  # « en recrutant »: a manner, asserted whatever the verb above says
        dep = cols.dep[tok]
        if (
            dep in ("xcomp", "ccomp", "obj", "acl")
            or dep.startswith("obl")
            or (
                dep in ("nmod", "advcl")
                and any(
                    cols.dep[c] in ("case", "mark") and cols.low[c] in ("pour", "de", "d'", "à")
                    for c in kids
                )
            )
        ):
            tok = head
            chain.append(tok)
        else:
            break
    return chain


def _neither_nor(verb: int, cols: Columns) -> bool:
    """« ni confirmé ni démenti »: the denial is one half of a « ni … ni » pair."""
    if any(cols.low[c] == "ni" for c in cols.kids(verb)):
        return True
    head = cols.head[verb]
    return head != verb and any(cols.low[c] == "ni" for c in cols.kids(head))


def _negated(verb: int, cols: Columns) -> bool:
    kid_ids = cols.kids(verb)
    kids = [cols.low[c] for c in kid_ids]
    neg_words = _hedge_lemmas("negation")
    if "que" in kids and not any(w in ("pas", "jamais", "plus") for w in kids):
        return False
    has_ne = "ne" in kids or "n'" in kids or "n’" in kids
    # « ne veut rien vendre »; not « rien n'empêche X de racheter » (« rien » the subject)
    nothing = any(cols.low[c] == "rien" and not cols.dep[c].startswith("nsubj") for c in kid_ids)
    return (
        any(w in neg_words for w in kids if w != "plus")
        or (has_ne and "plus" in kids)
        or (has_ne and nothing)
    )


def _sentence_hedged(sent: Span, mentions: MentionIndex) -> bool:
    """A hedge or failure phrase anywhere in ``sent`` (searched once per sentence)."""
    key = ("hedged", sent.start)
    found = mentions.memo.get(key)
    if found is None:
        text = _norm(mentions.sent_text(sent))
        found = mentions.memo[key] = any(
            word in text for word in _phrase_words("hedge_phrase", "fail")
        ) and bool(_phrases("hedge_phrase", "fail").search(text))
    return found


# Verbs of preparing a deal still to come (« X prépare son introduction en Bourse »).
_PLAN_VERBS = frozenset(["préparer"])


def certainty(doc: Doc, sent: Span, anchor: Token, chain: list[int], mentions: MentionIndex) -> str:
    """'stated', 'hedged', or no deal: 'denied', 'question' or 'guess'."""
    key = ("question", sent.start)
    if key not in mentions.memo:
        mentions.memo[key] = mentions.sent_text(sent).rstrip().endswith("?")
    if mentions.memo[key]:
        return "question"
    cols = mentions.cols
    lows, lemmas, poses, deps = cols.low, cols.lemma, cols.pos, cols.dep
    before = lows[max(sent.start, anchor.i - 3) : anchor.i]
    by_length, single = _deny_phrases()
    denial = single.intersection(before[-2:]) or any(
        n <= len(before) and tuple(before[-n:]) in cues for n, cues in by_length.items()
    )
    if denial and "ni" not in before:  # « ni confirmé ni démenti le rachat »: no denial
        return "denied"
    deny = _hedge_lemmas("deny_verb")
    fail = _hedge_lemmas("fail")
    hedge = _hedge_lemmas("hedge_verb")
    hedged = False
    guess = _hedge_lemmas("guess")
    if guess.intersection(lemmas[max(sent.start, anchor.i - 5) : anchor.i]):
        return "guess"  # « des soupçons quant à une prise de contrôle », however parsed
    for above in cols.ancestors(anchor.i, 8):
        if lemmas[above] in guess or lows[above] in guess:
            return "guess"  # « des soupçons quant à une prise de contrôle de X par Y »
        # « a démenti les informations selon lesquelles il s'apprêtait à racheter »
        if poses[above] == "VERB" and (lemmas[above] in deny or lows[above] in deny):
            if _neither_nor(above, cols):
                hedged = True  # « n'a ni confirmé ni démenti le rachat »: still a rumour
                continue
            return "denied"
    for k, i in enumerate(chain):
        lemma, low = lemmas[i], lows[i]
        if (lemma in deny or low in deny) and not _neither_nor(i, cols):
            return "denied"
        if k <= 2 and poses[i] in ("VERB", "AUX") and _negated(i, cols):
            return "denied"
        if (
            lemma in fail
            or lemma in hedge
            or low in fail
            or (k > 0 and (low in hedge or lemma in _PLAN_VERBS))
        ):
            hedged = True
        kids = cols.kids(i)
        moods = [i, *(c for c in kids if deps[c].startswith("aux"))]
        if any(cols.has(m, "Mood", "Cnd") for m in moods):
            hedged = True
        if any(deps[c] == "mark" and lows[c] == "si" for c in kids):
            hedged = True
    if _sentence_hedged(sent, mentions):
        hedged = True
    if not hedged and cols.pos[anchor.i] == "NOUN" and talks_noun(anchor) is not None:
        hedged = True  # « des négociations avec X en vue de son rachat »
    return "hedged" if hedged else "stated"


# --------------------------------------------------------------------- names


def _name_after(
    doc: Doc, i: int, end: int, mentions: MentionIndex, *, of_project: bool = False
) -> str | None:
    """A capitalised name starting at token ``i`` (quotes skipped), or None; not an
    organisation's, unless ``of_project`` (« une coentreprise connue sous le nom de X »:
    a named partnership is the deal's name whatever the recogniser read)."""
    while i < end and doc[i].text in _QUOTES:
        i += 1
    words: list[str] = []
    while i < end:
        tok = doc[i]
        if tok.text in _QUOTES or tok.text in ("(", ",", ".", ";", ":"):
            break
        if (
            tok.is_title
            or tok.is_upper
            or (
                words
                and tok.lower_ in ("de", "du", "des", "&")
                and i + 1 < end
                and doc[i + 1].is_title
            )
        ):
            words.append(tok.text_with_ws)
            i += 1
            continue
        break
    name = "".join(words).strip()
    if not name or any(m.start <= i - 1 < m.end and m.kind == "person" for m in mentions.mentions):
        return None
    if name in mentions.org_names and not of_project:
        return None
    return name


def find_name(doc: Doc, sent: Span, anchor: Token, mentions: MentionIndex) -> str | None:
    """The deal's own name: « baptisé X », « connu sous le nom de X », « le projet X »,
    « X, son mégaprojet ... en partenariat avec »."""
    key = ("name_cue", sent.start)
    if key not in mentions.memo:  # most sentences have no naming word: skip the scan
        text = mentions.sent_text(sent).lower()
        mentions.memo[key] = any(stem in text for stem in _NAME_STEMS)
    cols = mentions.cols
    window = doc[max(sent.start, anchor.i - 10) : min(sent.end, anchor.i + 12)]
    if mentions.memo[key]:
        near = {anchor.i, *cols.kids(anchor.i), *cols.ancestors(anchor.i, 2)}
    for tok in window if mentions.memo[key] else ():
        low = cols.low[tok.i]
        if low in _NAME_CUES and (tok.i in near or 0 < tok.i - anchor.i <= 5):
            name = _name_after(doc, tok.i + 1, sent.end, mentions)
            if name:
                return name
        if (
            low == "nom"
            and tok.i >= sent.start + 2
            and _words(doc[tok.i - 2 : tok.i]) in (["sous", "le"],)
            and tok.i + 2 <= sent.end
            and _norm(doc[tok.i + 1].text) in ("de", "d'")
            and (tok.i in near or 0 < tok.i - anchor.i <= 8)
        ):
            of_project = any(
                cols.low[k] in _PROJECT_NOUNS for k in range(max(sent.start, tok.i - 6), tok.i)
            )
            name = _name_after(doc, tok.i + 2, sent.end, mentions, of_project=of_project)
            if name:
                return name
    # « le partenariat « Nova » », « le consortium Helios »
    nxt = anchor.i + 1
    if nxt < sent.end and (
        doc[nxt].text in _QUOTES
        or (doc[nxt].is_title and doc[nxt].i not in mentions.by_token and doc[nxt].pos_ == "PROPN")
    ):
        name = _name_after(doc, nxt, sent.end, mentions)
        if name:
            return name
    # « Stargate, son mégaprojet ... en partenariat avec »
    nearby = [
        doc[i]
        for i in range(max(sent.start, anchor.i - 12), anchor.i + 1)
        if cols.lemma[i] in _PROJECT_NOUNS or cols.low[i] in _PROJECT_NOUNS
    ]
    for tok in nearby:
        j = tok.i - 1
        while j > sent.start and doc[j].pos_ in ("DET", "ADJ"):
            j -= 1
        if doc[j].text == "," and j - 1 >= sent.start:
            k = j - 1
            start = k
            while (
                start - 1 >= sent.start
                and doc[start - 1].is_title
                and doc[start - 1].pos_ in ("PROPN", "X", "NOUN")
            ):
                start -= 1
            if doc[k].is_title and k not in mentions.by_token:
                name = _name_after(doc, start, k + 1, mentions)
                if name:
                    return name
    return None
