"""Who takes part in a deal, and in which role.

The parties of a trigger are found in its sentence from three kinds of evidence, in
order of trust:

1. the dependency tree: a party must hang under the trigger (or under the verb that
   governs a trigger noun) without crossing another clause (« xAI, la start-up fondée
   par Elon Musk »: Musk hangs under *fondée*, not under the deal); the subject of the
   trigger's verb is found through coordination and control (« X a levé ... et cherche à
   obtenir », « autoriser X à signer »);
2. the word before the party (« auprès de », « mené par », « chez »), shared along a
   list (« auprès de A et B »), read from ``data/deal_cues.tsv``;
3. references (« l'entreprise », « le géant de Redmond », « elle », « qui »), as the
   entities step resolved them (``MentionIndex.read_entities``); none are resolved here.

The trigger's ``frame`` (``data/deal_triggers.tsv``) maps positions to roles.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import Columns
from aiextract.components.columns import normalise as _norm
from aiextract.components.entities import REFERENCES_KEY
from aiextract.components.entities.article import RELATIVES, noun_classes
from aiextract.components.entities.article import START_UP as _START_UP
from aiextract.components.entities.salience import source_cues
from aiextract.extensions import (
    DATES_KEY,
    MONEY_KEY,
    ORGS_KEY,
    PEOPLE_KEY,
    PRODUCTS_KEY,
    doc_text,
)
from aiextract.lexicon import load_table

# Verbs a party may be reached through without leaving the deal's clause.
TRANSPARENT_VERBS = frozenset(
    [
        "mener",
        "conduire",
        "piloter",
        "emmener",
        "codiriger",
        "réunir",
        "rassembler",
        "former",
        "composer",
        "regrouper",
        "associer",
        "impliquer",
        "inclure",
        "baptiser",
        "nommer",
        "dénommer",
        "appeler",
        "évaluer",
        "estimer",
        "valoriser",
        "chiffrer",
        "souscrire",
        "participer",
        "soutenir",
        "financer",
        "accompagner",
        "annoncer",
        "signer",
        "conclure",
        "finaliser",
        "boucler",
        "réaliser",
        "officialiser",
        "sceller",
        "nouer",
        "lancer",
        "dévoiler",
        "confirmer",
        "compléter",
        "effectuer",
        "opérer",
        "passer",
    ]
)
# Verbs whose subject leads a round (« X mènera le tour de table »).
LEAD_VERBS = frozenset(["mener", "conduire", "piloter", "codiriger", "emmener", "diriger"])
# Verbs of joining a round: their subject is one of its investors.
JOIN_VERBS = frozenset(["participer", "contribuer", "souscrire", "abonder"])
# Verbs that give (the subject is the giver) or win (the subject is the winner).
GIVE_VERBS = frozenset(
    [
        "accorder",
        "octroyer",
        "verser",
        "attribuer",
        "allouer",
        "confier",
        "consentir",
        "débloquer",
        "injecter",
        "apporter",
        "concéder",
        "délivrer",
    ]
)
WIN_VERBS = frozenset(
    [
        "remporter",
        "décrocher",
        "gagner",
        "obtenir",
        "recevoir",
        "rafler",
        "emporter",
        "arracher",
        "empocher",
    ]
)
# Nouns of an announcement that may stand between a trigger noun and its verb
# (« annonce la signature d'un contrat »).
EVENT_NOUNS = frozenset(
    [
        "signature",
        "conclusion",
        "finalisation",
        "annonce",
        "lancement",
        "création",
        "officialisation",
        "bouclage",
        "réalisation",
        "mise",
        "clôture",
    ]
)
# Nouns that name a part of a company or of its capital (« le rachat des activités de X »).
UNIT_NOUNS = frozenset(
    [
        "activité",
        "activités",
        "division",
        "branche",
        "filiale",
        "filiales",
        "pôle",
        "unité",
        "actifs",
        "actif",
        "part",
        "parts",
        "participation",
        "capital",
        "action",
        "actions",
        "totalité",
        "majorité",
        "contrôle",
        "giron",  # « passer dans le giron de X »
        "escarcelle",
        "pavillon",
        "titre",
        "titres",
        "%",
    ]
)
MONEY_NOUNS = frozenset(
    ["million", "millions", "milliard", "milliards", "euro", "euros", "dollar", "dollars"]
)
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Verbs whose object is the subject of the infinitive after them (« autoriser X à signer »).
OBJECT_CONTROL = frozenset(
    [
        "autoriser",
        "permettre",
        "pousser",
        "inviter",
        "charger",
        "mandater",
        "aider",
        "encourager",
        "obliger",
        "contraindre",
        "forcer",
        "amener",
        "habiliter",
        "appeler",
    ]
)
CLAUSE_DEPS = ("acl:relcl", "advcl", "ccomp", "parataxis", "csubj")


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
            if not ref.kb_id_ or ref.label_ == "APPOSITION":
                continue  # unresolved, or « la start-up X »: X is the mention itself
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


# --------------------------------------------------------------------- tables


def verb_forms(lemma: str) -> list[str]:
    """Regular inflected forms of a French -er / -ir verb (the lemmatiser misses some)."""
    forms = {lemma}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        ends = [
            "e",
            "es",
            "ent",
            "é",
            "ée",
            "és",
            "ées",
            "er",
            "ons",
            "ez",
            "ait",
            "aient",
            "ant",
            "era",
            "eront",
            "erait",
            "eraient",
            "a",
            "èrent",
        ]
        forms.update(stem + e for e in ends)
        # lever → lève, racheter → rachète, céder → cède
        for k in range(len(stem) - 1, 0, -1):
            if stem[k] in "eé" and stem[k + 1 :] and all(c not in "aeiouéè" for c in stem[k + 1 :]):
                grave = stem[:k] + "è" + stem[k + 1 :]
                forms.update(grave + e for e in ("e", "es", "ent", "era", "eront", "erait"))
                break
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms.update(
            stem + e
            for e in (
                "i",
                "is",
                "it",
                "ie",
                "ies",
                "issent",
                "issait",
                "ira",
                "iront",
                "irait",
                "issant",
            )
        )
    return sorted(forms)


@cache
def _join_forms() -> frozenset[str]:
    """The inflected forms of JOIN_VERBS (the lemmatiser leaves « participe » alone)."""
    return frozenset(form for verb in JOIN_VERBS for form in verb_forms(verb))


@cache
def role_cues() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Cue words before a party → frame key, longest first."""
    rows = [
        r
        for r in load_table("deal_cues.tsv")
        if r["key"] not in ("valuation", "nondeal", "horizon", "reference", "past_job", "idiom")
    ]
    cues = [(tuple(_norm(r["cue"]).split()), r["key"]) for r in rows]
    return tuple(sorted(cues, key=lambda c: -len(c[0])))


@cache
def role_cues_by_length() -> tuple[tuple[int, dict[tuple[str, ...], str]], ...]:
    """``role_cues`` as one lookup table per cue length, longest first."""
    tables: dict[int, dict[tuple[str, ...], str]] = {}
    for cue, key in role_cues():
        if cue:
            tables.setdefault(len(cue), {}).setdefault(cue, key)
    return tuple(sorted(tables.items(), reverse=True))


@cache
def _cue_words() -> frozenset[str]:
    """Every word of the party cues (« auprès », « de », « mené », « par »...)."""
    return frozenset(w for cue, _ in role_cues() for w in cue)


@cache
def company_words() -> frozenset[str]:
    """Words of company nouns (« la start-up », « le fonds souverain ») skipped before a name."""
    words: set[str] = {"-", "up", "start", "nouvelle", "nouveau", "française", "français"}
    for row in load_table("org_cues.tsv"):
        words.update(_norm(row["cue"]).replace("-", " - ").replace("'", "' ").split())
    words.update(noun_classes())
    return frozenset(words - {"de", "d'", "du", "des", "à", "au", "en", "et", "la", "le", "l'"})


@cache
def company_nouns() -> frozenset[str]:
    """Lemmas that may refer back to a company (« l'entreprise », « le géant »)."""
    nouns = {_norm(r["cue"]) for r in load_table("org_cues.tsv") if " " not in r["cue"]}
    return frozenset(nouns | set(noun_classes()))


# ------------------------------------------------------------------- the tree


def is_passive(verb: Token, mentions: MentionIndex) -> bool:
    cols, i = mentions.cols, verb.i
    if cols.dep[i] == "acl" and cols.has(i, "VerbForm", "Part") and cols.has(i, "Tense", "Past"):
        return True  # « Orane, détenue à 40 % par X »
    return cols.has(i, "Voice", "Pass") or any(cols.dep[c] == "aux:pass" for c in cols.kids(i))


def find_subject(verb: Token, mentions: MentionIndex) -> Token | None:
    """The subject of ``verb``, through coordination, control and participles
    (cached per document)."""
    key = ("subject", verb.i)
    if key not in mentions.memo:
        found = _find_subject(verb.i, mentions.cols, 0)
        mentions.memo[key] = None if found is None else verb.doc[found]
    return mentions.memo[key]


def _find_subject(i: int, cols: Columns, depth: int) -> int | None:
    kids = cols.kids(i)
    for child in kids:
        if cols.dep[child] in SUBJECT_DEPS:
            return child
    head, dep = cols.head[i], cols.dep[i]
    if depth > 3 or head == i:
        return None
    if dep == "xcomp":
        if cols.lemma[head] in OBJECT_CONTROL:  # « autoriser X à signer »
            for child in cols.kids(head):
                if cols.dep[child] == "obj" and child < i:
                    return child
        return _find_subject(head, cols, depth + 1)
    if dep == "conj" and cols.pos[head] in ("VERB", "AUX"):
        return _find_subject(head, cols, depth + 1)
    if dep == "advcl" and (
        cols.has(i, "VerbForm", "Ger")
        or any(cols.low[c] == "en" for c in kids)
        or (cols.has(i, "VerbForm", "Part") and cols.has(i, "Tense", "Pres"))
        or any(cols.dep[c] == "mark" and cols.low[c] in ("en", "pour", "afin") for c in kids)
        or cols.has(i, "VerbForm", "Inf")
    ):
        return _find_subject(head, cols, depth + 1)
    if dep == "acl" and any(cols.low[c] == "en" for c in kids):
        # « en recrutant » hangs on a noun: its subject is that of the verb above
        above = next(
            (a for a in cols.ancestors(i, len(cols.head)) if cols.pos[a] in ("VERB", "AUX")),
            None,
        )
        return _find_subject(above, cols, depth + 1) if above is not None else None
    if dep == "acl" and cols.pos[head] in ("NOUN", "PROPN", "X"):
        return head
    return None


def governor(anchor: Token) -> Token | None:
    """The verb of which a trigger noun is an argument (« X annonce un partenariat »)."""
    tok = anchor
    if tok.dep_ == "conj" and tok.head.i < tok.i:
        # « annonce le rachat de X et l'arrivée de Y »: the same verb (the parser may
        # hang the second noun on the verb itself)
        if tok.head.pos_ == "VERB":
            return tok.head
        if tok.head.pos_ == "NOUN":
            tok = tok.head
    if tok.dep_ == "nmod" and tok.head.lemma_ in EVENT_NOUNS:
        tok = tok.head
    if tok.dep_ in ("obj", "nsubj:pass", "xcomp") or tok.dep_.startswith("obl"):
        head = tok.head
        if head.pos_ in ("VERB", "AUX") and head.i != tok.i:
            return head
    return None


def path_up(
    token: Token, targets: dict[int, str], mentions: MentionIndex, own: Mention | None
) -> tuple[Token, Token, bool] | None:
    """Walk from ``token`` up to one of ``targets``: (target, entry child, via a verb).

    None when the walk leaves the deal's clause: through another verb that is not
    transparent, into another mention's apposition, or too far.
    """
    cols = mentions.cols
    heads, poses, deps, lemmas = cols.head, cols.pos, cols.dep, cols.lemma
    tok, entry, via_verb = token.i, token.i, False
    for _ in range(8):
        if tok in targets:
            doc = token.doc
            return doc[tok], doc[entry], via_verb
        head = heads[tok]
        if head == tok:
            return None
        if head not in targets:
            if poses[head] in ("VERB", "AUX"):
                if deps[head] == "xcomp" and heads[head] in targets:
                    pass  # « s'engage à acheter ... sur Azure »: one event
                elif deps[head] == "acl" and heads[head] in targets and lemmas[head] in GIVE_VERBS:
                    pass  # « un prêt accordé par X à Y »: the giver and the receiver
                elif _raw_lemma(cols, head) not in TRANSPARENT_VERBS:
                    return None
                else:
                    via_verb = True
            if deps[tok] == "appos":
                other = mentions.by_token.get(head)
                if other is not None and other is not own:
                    return None
            if deps[tok] in CLAUSE_DEPS:
                return None
        entry, tok = tok, head
    return None


def _raw_lemma(cols: Columns, i: int) -> str:
    """``token.lemma_`` as the parser gives it (not lower-cased)."""
    return cols.doc[i].lemma_


# ------------------------------------------------------------------ the cues


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


# --------------------------------------------------------------- the parties


def _role_allowed(role: str, kind: str) -> bool:
    if role == "person":
        return kind == "person"
    if role == "investor":
        return True
    return kind == "org"


def _trigger_complement(tok: Token, anchor: Token) -> bool:
    """« en Bourse » in « l'introduction en Bourse de X »: a noun right after the trigger
    noun, with only a preposition between, that the next « de X » hangs on."""
    return (
        tok.head.i == anchor.i
        and tok.dep_ == "nmod"
        and 0 < tok.i - anchor.i <= 2
        and all(t.pos_ == "ADP" for t in tok.doc[anchor.i + 1 : tok.i])
    )


def _de_ok(doc: Doc, token: Token, anchor: Token, role: str, mentions: MentionIndex) -> bool:
    """« de X » belongs to the deal only on the trigger itself or on a part of a
    company (« le rachat des activités de X », « 27 % de X »), not « les poids de X »."""
    while token.head.i != token.i and (
        token.dep_ == "conj"
        or (  # « de A et du fonds B »: B's company noun is the conjunct
            token.head.dep_ == "conj"
            and token.head.lemma_.lower() in company_nouns()
            and token.head.head.i != token.head.i
        )
    ):
        token = token.head
    head = token.head
    # « la biotech lyonnaise X »: climb over the company noun and its adjectives
    for _ in range(3):
        if head.i == anchor.i or _trigger_complement(head, anchor):
            return True
        if (
            head.pos_ == "ADJ"
            or head.lemma_.lower() in company_nouns()
            or (head.i == token.i - 1 and head.is_lower)  # « de l'allemand X »
        ):
            head = head.head
        else:
            break
    if (head.lemma_.lower() in UNIT_NOUNS or head.text == "%") and head.i != token.head.i:
        return True  # « le contrôle du groupe X »: the unit above the company noun
    head = token.head
    if head.lemma_.lower() in UNIT_NOUNS or head.text == "%" or head.pos_ == "NUM":
        return True
    if role == "investor" and (
        head.lemma_.lower() in MONEY_NOUNS or any(s.start <= head.i < s.end for s in mentions.money)
    ):
        return True  # « 42 millions d'euros de la Commission européenne », « 2 M€ de X »
    if head.lemma_.lower() in company_nouns() and head.head.i == anchor.i:
        return True
    if role == "employer":
        # « nommé directeur général de X », « prend la tête des ventes de X »: the
        # post's noun (and the department under it) hang on the appointing verb
        for _ in range(3):
            if head.head.i == anchor.i:
                return head.pos_ == "NOUN"
            if head.pos_ != "NOUN" or head.dep_ != "nmod" or head.head.i == head.i:
                return False
            head = head.head
        return False
    return role in ("source", "person") and head.head.i == anchor.i


# Nouns of talks: the deal noun under them takes their parties (« des négociations
# avec X en vue de son rachat », « les discussions entre A et B pour une fusion »).
TALKS_NOUNS = frozenset(["discussion", "discussions", "négociation", "négociations", "pourparlers"])


def _is_talks(tok: Token) -> bool:
    return tok.lemma_.lower() in TALKS_NOUNS or tok.lower_ in TALKS_NOUNS


def talks_noun(anchor: Token) -> Token | None:
    """The talks a trigger noun is the aim of: « des négociations ... en vue de son
    rachat », « mène des pourparlers avec X pour une fusion »."""
    tok = anchor
    for _ in range(3):
        if tok.dep_ not in ("nmod", "obl", "obl:mod") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if _is_talks(tok):
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            return next((c for c in tok.children if c.dep_ == "obj" and _is_talks(c)), None)
    return None


def _talks_parties(
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
        found += [("gsubj", m) for m in _subject_mentions(subject, subject.doc, mentions)]
    possessive = any(c.dep_ == "det" and c.lower_ in ("son", "sa") for c in anchor.children)
    for child in talks.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        key = "avec" if "avec" in cases else "entre" if "entre" in cases else ""
        if key == "avec" and key not in frame and possessive and "de" in frame:
            key = "de"  # « avec X en vue de son rachat »
        named = _subject_mentions(child, child.doc, mentions) if key else []
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


@cache
def _citing_cues() -> tuple[tuple[str, ...], ...]:
    """The ``cite`` rows of ``deal_cues.tsv`` (« au titre de ») and the citing words of
    ``source_cues.tsv`` (« selon », « d'après »), as the tokenizer cuts them: what
    follows them is a frame or a source, not a party."""
    frames = tuple(
        tuple(_norm(r["cue"]).replace("'", "' ").split())
        for r in load_table("deal_cues.tsv")
        if r["key"] == "cite"
    )
    return frames + source_cues().get("before", ())


def _cited(start: int, mentions: MentionIndex) -> bool:
    lows = mentions.cols.low
    return any(tuple(lows[max(0, start - len(c)) : start]) == c for c in _citing_cues())


def _agent_key(token: Token, frame: dict[str, str]) -> str:
    """The frame key of X in « réalisée par X », « conclu par le groupe X »: X is the agent
    of a participle on the trigger noun, so it takes the noun's subject role (the giver's
    for a giving verb: « la subvention versée par X »); '' for a leading or joining verb
    (« menée par X » names an investor) or no participle."""
    for _ in range(2):
        if token.dep_.startswith("obl"):  # obl:agent, or obl:mod in a loose parse
            verb = token.head
            lemma = verb.lemma_.lower()
            if verb.dep_ != "acl" or lemma in LEAD_VERBS or lemma in JOIN_VERBS:
                return ""
            key = "gsubj_give" if lemma in GIVE_VERBS else "gsubj"
            return key if key in frame else ""
        if token.dep_ not in ("nmod", "flat:name", "appos", "amod") or token.head.i == token.i:
            return ""
        token = token.head
    return ""


def _former_employer(mention: Mention, sent: Span, mentions: MentionIndex) -> bool:
    """« Sophie Marchal, ancienne directrice des opérations de X »: « ancien(ne) » or
    « ex- » opens the noun phrase that ends with the organisation."""
    cols = mentions.cols
    for j in range(mention.start - 1, max(sent.start, mention.start - 8) - 1, -1):
        low = cols.low[j]
        if low in ("ancien", "ancienne", "ex", "ex-") or low.startswith("ex-"):
            return True
        if j in mentions.by_token or cols.pos[j] in ("VERB", "AUX", "PUNCT", "PRON"):
            return False
    return False


def _verbless(tok: Token) -> bool:
    """True when no verb governs ``tok`` (a fragment the parser cut off)."""
    for _ in range(50):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def _sentence_root(tok: Token) -> Token:
    for _ in range(50):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _subject_mentions(subj: Token, doc: Doc, mentions: MentionIndex) -> list[Mention]:
    """The mentions a subject token stands for: itself, its conjuncts, the name in
    « la start-up X »."""
    found: list[Mention] = []
    stack = [subj]
    seen: set[int] = set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        mention = mentions.by_token.get(tok.i)
        if mention is not None and mention not in found:
            found.append(mention)
        for child in tok.children:
            if child.dep_ == "conj":
                stack.append(child)
            elif (
                mention is None
                and tok.i == subj.i
                and child.dep_ in ("appos", "flat:name", "flat", "amod")
                and tok.lemma_.lower() in company_words()
            ):
                inner = mentions.by_token.get(child.i)
                if inner is not None and 0 < inner.start - tok.i <= 3:
                    stack.append(child)
    return sorted(found, key=lambda m: m.start)


def _linear_subject(
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


def _adjacent_mentions(doc: Doc, anchor: Token, sent: Span, mentions: MentionIndex) -> set[int]:
    """Mentions right after the trigger, with only cue words, determiners, company
    nouns and list commas in between (« un partenariat avec A, B et C »)."""
    out: set[int] = set()
    words = company_words()
    cue_words = _cue_words()
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


def _closes_object(entry: Token, mention: Mention) -> bool:
    """Does ``mention`` end the object noun phrase ``entry``, right after a lower-case
    word of its description (« le numéro deux européen de l'emballage X »)?"""
    return (
        entry.dep_ == "obj"
        and entry.i < mention.start
        and entry.right_edge.i == mention.end - 1
        and entry.doc[mention.start - 1].is_lower
        and entry.doc[mention.start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
    )


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


def _dont_governs(tok: Token, anchor: Token, doc: Doc) -> bool:
    """« dont » opens the clause of the trigger: the relative clause holds it, or the
    trigger comes right after with no other verb in between."""
    clause = next((a for a in list(tok.ancestors)[:4] if a.dep_ == "acl:relcl"), None)
    if clause is not None and (clause.i == anchor.i or clause in anchor.ancestors):
        return True
    return tok.i < anchor.i and not any(t.pos_ == "VERB" for t in doc[tok.i + 1 : anchor.i])


def _coordinated_with(doc: Doc, mention: Mention, taken: list[tuple[Mention, str, int]]) -> bool:
    """« investi dans X et dans l'éditeur Y »: ``mention`` is joined by « et » to a party
    taken with the same cue, with no verb or stop in between."""
    for other, _how, _token in taken:
        if other.end > mention.start or mention.start - other.end > 12:
            continue
        gap = doc[other.end : mention.start]
        if any(t.lower_ == "et" for t in gap) and not any(
            t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "(", ")") for t in gap
        ):
            return True
    return False


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


def _possessive_owner(
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
            if start.lower_ == "start":  # « La start-up X a annoncé » cut at « - »
                subj = start
        if subj is not None and not sent.start <= subj.i < sent.end:
            continue
        if own is not None and subj is not None and subj.i == own.i:
            continue
        if subj is not None:
            found = _subject_mentions(subj, doc, mentions)
            if found:
                return found, "tree"  # « A et B ont annoncé l'entrée à leur capital »
            ref = mentions.reference(subj.i)
            if ref is not None:
                return [ref], "reference"
            if subj.pos_ == "PRON" and subj.i < verb.i:
                return None
        # no subject in the parse, or a noun that is no name (« Le fabricant de
        # cosmétiques X a finalisé »): the closest unmarked name before the verb
        found = _linear_subject(doc, sent, verb, anchor, mentions)
        return (found, "cue") if found else None
    return None


def find_parties(
    doc: Doc,
    sent: Span,
    prev: Span | None,
    anchor: Token,
    is_verb: bool,
    frame: dict[str, str],
    mentions: MentionIndex,
    deal_type: str,
    possessive_frame: bool = False,
) -> tuple[list[Party], Token | None]:
    """The parties of the trigger at ``anchor`` and the verb governing a trigger noun.
    ``possessive_frame``: the possessive of the trigger phrase (« à son capital ») names
    the ``capital`` party."""
    gov = None if is_verb else governor(anchor)
    targets: dict[int, str] = {anchor.i: "anchor"}
    if gov is not None:
        targets[gov.i] = "gov"
    elif not is_verb and anchor.dep_ == "nsubj" and _is_talks(anchor):
        # « Des discussions seraient en cours avec X »: the parties hang on the predicate
        targets[anchor.head.i] = "gov"
    # the subject, through coordination and control
    if is_verb:
        head_verb = anchor
        subj_key = "psubj" if is_passive(anchor, mentions) else "subj"
        if subj_key == "psubj" and "psubj" not in frame and anchor.dep_ == "acl":
            subj_key = "subj"  # « rejoint » tagged a participle: no passive for it
    elif gov is not None and anchor.dep_ != "nsubj:pass":
        head_verb = gov
        lemma = gov.lemma_.lower()
        subj_key = "gsubj"
        if lemma in GIVE_VERBS and "gsubj_give" in frame:
            subj_key = "gsubj_give"
        elif lemma in WIN_VERBS and "gsubj_win" in frame:
            subj_key = "gsubj_win"
        elif lemma in LEAD_VERBS and "led_by" in frame:
            subj_key = "led_by"  # « X mènera le tour de table »: X leads, it does not raise
        elif (
            lemma in JOIN_VERBS
            or gov.lower_ in _join_forms()
            or (lemma == "prendre" and any(c.lower_ == "part" for c in gov.children))
        ) and "with" in frame:
            subj_key = "with"  # « X participe / prend part au tour de table »
    elif gov is None and any(c.dep_ == "cop" for c in anchor.children):
        head_verb, subj_key = anchor, "gsubj"  # « X est (l')actionnaire de Y »
    else:
        head_verb, subj_key = None, ""
    by_key: dict[str, list[tuple[Mention, str, int]]] = {}
    used: set[int] = set()

    def add(key: str, mention: Mention, how: str, token: int) -> None:
        if not key or key not in frame:
            return
        by_key.setdefault(key, []).append((mention, how, token))
        used.add(mention.start)

    if not is_verb and anchor.dep_ == "appos":
        # « X, actionnaire de Y, ... »: the name the trigger noun stands beside
        for apposed in _subject_mentions(anchor.head, doc, mentions):
            add("gsubj", apposed, "tree", apposed.start)

    # « X annonce un projet ... en partenariat avec Y »: X is a party too
    adverbial = not is_verb and anchor.i > sent.start and doc[anchor.i - 1].lower_ == "en"
    if adverbial and head_verb is None:
        head_verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj_key = "gsubj"
    cols = mentions.cols
    possessive = not is_verb and any(
        cols.dep[c] == "det" and cols.has(c, "Poss", "Yes") for c in cols.kids(anchor.i)
    )
    if possessive and head_verb is None:
        head_verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj_key = "gsubj"
    if head_verb is not None and possessive:
        # « X ... son partenariat avec Y »: the owner is the subject of a verb above
        for verb in [head_verb, *(a for a in head_verb.ancestors if a.pos_ in ("VERB", "AUX"))][:4]:
            subj = find_subject(verb, mentions)
            if subj is None or not sent.start <= subj.i < sent.end:
                continue
            found = _subject_mentions(subj, doc, mentions)
            ref = found[0] if found else mentions.reference(subj.i)
            if ref is not None:
                add(subj_key, ref, "tree" if found else "reference", ref.start)
                break
    if head_verb is not None and not used:
        subj = find_subject(head_verb, mentions)
        if (
            subj is not None
            and subj.i > head_verb.i
            and head_verb.dep_ == "xcomp"
            and "Fin" not in head_verb.morph.get("VerbForm")
        ):
            subj = find_subject(head_verb.head, mentions)  # « a annoncé avoir débauché X »
        if subj is not None and subj.text in ("-", "up") and subj.i - 2 >= sent.start:
            # « La start-up avait levé » with « - » or « up » parsed as the subject
            start = doc[subj.i - 1] if subj.text == "-" else doc[subj.i - 2]
            if start.lower_ == "start":
                subj = start
        if subj is not None and subj.i != anchor.i and sent.start <= subj.i < sent.end:
            found = _subject_mentions(subj, doc, mentions)
            if found:
                # « A et B fusionnent » parsed with B alone as the subject: A too
                listed = listed_with(found[0], doc, sent, mentions)
                if listed and "et" in mentions.cols.low[listed[-1].end : found[0].start]:
                    found = listed + found
                for mention in found:
                    add(subj_key, mention, "tree", mention.start)
            else:
                # one entity, or several: « A et B, qui détiennent », « les deux
                # entreprises » (a pair the entities step resolved)
                refs = mentions.references(subj.i)
                for ref in refs:
                    add(subj_key, ref, "reference", subj.i)
                if len(refs) == 1 and _norm(subj.text) in RELATIVES:
                    # « Altman et Brockman, qui pourrait » (a verb in the singular): the
                    # names listed before the one the clause hangs on
                    for other in listed_with(refs[0], doc, sent, mentions):
                        add(subj_key, other, "reference", other.start)
        if not used and (subj is None or subj.i >= head_verb.i or subj.pos_ != "PRON"):
            for mention in _linear_subject(doc, sent, head_verb, anchor, mentions):
                add(subj_key, mention, "cue", mention.start)
    if possessive_frame:
        # « X annonce l'entrée à son capital de Y », « le fonds Y est entré à notre capital »
        owner = _possessive_owner(doc, sent, prev, anchor, is_verb, head_verb, mentions)
        for mention in owner[0] if owner is not None else ():
            if mention.start not in used:
                add("capital", mention, owner[1], mention.start)
    if adverbial and not used:
        for mention in reversed(mentions.in_span(sent.start, anchor.i)):
            if mention.kind == "org" and linear_marker(
                doc, mention.start, sent.start, mentions
            ) in ("", "par"):
                add(subj_key, mention, "cue", mention.start)
                break
    anchor_root = _sentence_root(anchor)
    adjacent = _adjacent_mentions(doc, anchor, sent, mentions)
    for mention in mentions.in_span(sent.start, sent.end):
        if mention.start in used or anchor.i in range(mention.start, mention.end):
            continue
        if mention.name in mentions.sources or (
            mention.start > sent.start and _cited(mention.start, mentions)
        ):
            continue  # « selon Les Echos »: a source of the news, not a party
        token = doc[mention.root]
        marker = linear_marker(doc, mention.start, sent.start, mentions)
        res = path_up(token, targets, mentions, mention)
        key = ""
        how = "tree"
        if res is None:
            if (
                (marker in frame and mention.start in adjacent)
                or (
                    marker in frame
                    and _verbless(token)
                    and _sentence_root(token).i != anchor_root.i
                )
                or (  # « au laboratoire Y une licence »: a cut parse hangs the trigger
                    # noun on the name right before it, or leaves it on its own
                    marker in frame
                    and not is_verb
                    and mention.end < anchor.i
                    and (
                        mentions.cols.head[anchor.i] == token.i
                        or (
                            gov is None
                            and mentions.cols.head[anchor.i] == anchor.i
                            and mentions.cols.pos[mention.end] == "DET"
                            and mention.end + 1 == anchor.i
                        )
                    )
                )
                or (deal_type == "hire" and marker in ("chez", "quitter"))
            ):
                key, how = marker, "cue"
            elif marker in frame and _coordinated_with(doc, mention, by_key.get(marker, [])):
                key, how = marker, "cue"  # « dans X et dans Y »: Y as X
            elif (
                deal_type == "hire"
                and mention.kind == "person"
                and not marker
                and mention.start in adjacent
                and is_verb
            ):
                # « avoir débauché A et B »: the persons right after the verb, whatever
                # the parse hangs them on
                key = next((k for k in ("obj", "psubj") if frame.get(k) == "person"), "")
                how = "cue"
            elif deal_type == "hire" and any(
                low in ("ancien", "ancienne", "ex", "ex-")
                for low in mentions.cols.low[max(sent.start, mention.start - 8) : mention.start]
            ):
                key, how = ("quitter" if "quitter" in frame else "de"), "cue"
            else:
                continue
        else:
            target, entry, via_verb = res
            main = anchor if is_verb else gov
            if (
                main is not None
                and target.i == main.i
                and entry.dep_ in SUBJECT_DEPS
                and entry.i != anchor.i
                and subj_key
            ):
                key = subj_key
                if (
                    entry.i > main.i
                    and "obj" in frame
                    and (
                        "Fin" not in main.morph.get("VerbForm")
                        or any(f[2] < main.i for f in by_key.get(subj_key, ()))
                    )
                ):
                    # « avoir débauché X » with X parsed as a subject; « X nomme Y
                    # directrice » with Y parsed as a second subject after the verb
                    key = "obj"
            elif (
                marker == "par"
                and target.i == anchor.i
                and not is_verb
                and (agent := _agent_key(token, frame))
            ):
                # « la levée réalisée par X », « le rachat conclu par X », « la licence
                # accordée par X »
                key = agent
            elif via_verb:
                key = marker if marker in ("led_by", "with", "auprès_de") else "member"
            elif marker:
                key = marker
                if key == "de" and not _de_ok(doc, token, anchor, frame.get("de", ""), mentions):
                    key = ""
                    if mention.start in adjacent:
                        key = "de"  # « l'acquisition du fabricant lyonnais de vélos X »
                    elif is_verb and target.i == anchor.i and _closes_object(entry, mention):
                        key = "obj"  # « racheter le numéro deux européen de l'emballage X »
                    elif (
                        is_verb
                        and entry.dep_ == "obj"
                        and entry.head.i == anchor.i
                        and token.head.i == entry.i
                        and frame.get("obj") in ("supplier", "buyer")
                    ):
                        # « choisit la technologie de X » (X supplies), « équipera les
                        # usines de X » (X buys): the owner of the object takes its role
                        key = "obj"
            elif (
                entry.dep_ == "obj"
                and target.i == anchor.i
                and is_verb
                and (
                    mention.start <= entry.i < mention.end
                    or entry.lemma_.lower() in company_words() | UNIT_NOUNS
                    or token.dep_ in ("conj", "appos", "flat:name")
                    or _closes_object(entry, mention)
                )
            ):
                key = "obj"
            elif (
                is_verb
                and target.i == anchor.i
                and mention.start > anchor.i
                and entry.lower_ in company_words()
                and entry.dep_ in ("obl:arg", "obl:mod", "dep", "nmod", "obl")
                and not any(c.dep_ == "case" for c in entry.children)
            ):
                key = "obj"  # « racheté la start-up X » with « up » hung on the verb
            elif (
                not marker
                and is_verb
                and target.i == anchor.i
                and entry.i == token.i
                and mention.start > anchor.i
                and not mention.product
                and not any(c.dep_ == "case" for c in token.children)
                and (
                    entry.dep_ in ("advmod", "obl:mod", "dep", "nmod", "obl")
                    # « s'offre la PME X », « s'est offert le spécialiste du mobilier X »
                    # with X an xcomp
                    or (
                        entry.dep_ == "xcomp"
                        and (
                            entry.pos_ == "PROPN"
                            or (
                                mention.start - 1 > anchor.i
                                and doc[mention.start - 1].is_lower
                                and doc[mention.start - 1].pos_ == "NOUN"
                            )
                        )
                    )
                )
            ):
                key = "obj"  # a name right under the verb, mis-tagged by the parser
            elif entry.dep_ in ("nmod", "appos") and target.i == anchor.i and not is_verb:
                key = ""
        if (
            deal_type == "hire"
            and mention.kind == "org"
            and _former_employer(mention, sent, mentions)
        ):
            key = "quitter" if "quitter" in frame else "de"  # « ancienne directrice de X »
        if not key and deal_type == "hire" and mention.kind == "person" and not marker:
            # a person named around a hiring verb is the one hired, whatever the parse
            key = next((k for k in ("obj", "subj", "psubj", "de") if frame.get(k) == "person"), "")
        add(key, mention, how, mention.start)
    if not is_verb:
        # « A est en discussions avec B en vue d'une fusion »: the talks' parties
        for key, mention in _talks_parties(anchor, mentions, frame):
            if mention.start not in used:
                add(key, mention, "tree", mention.start)
    # references with a preposition (« avec qui », « par le géant de Redmond »)
    for tok in mentions.reference_tokens(sent):
        if tok.i == anchor.i:
            continue
        low = mentions.cols.low[tok.i]
        if tok.dep_ in SUBJECT_DEPS and head_verb is not None and tok.head.i == head_verb.i:
            continue
        marker = linear_marker(doc, tok.i, sent.start, mentions)
        right_after = (
            is_verb
            and 0 < tok.i - anchor.i <= 3
            and all(p in ("DET", "ADJ") for p in mentions.cols.pos[anchor.i + 1 : tok.i])
        )
        if (
            not marker
            and is_verb
            and ((tok.dep_ == "obj" and tok.head.i == anchor.i) or right_after)
        ):
            marker = "obj"  # « rejoint la jeune pousse »
        if low == "dont" and _dont_governs(tok, anchor, doc):
            # « X, dont le rachat est évoqué », « X, dont le fonds Y détient 40 % »
            marker = next((k for k in ("de", "capital") if k in frame), marker)
        if not marker or marker not in frame:
            continue
        if (
            path_up(tok, targets, mentions, None) is None
            and low not in RELATIVES
            and not (right_after and marker == "obj")
        ):
            continue
        taken = {m.name for ms in by_key.values() for m, _, _ in ms}
        ref = mentions.reference(tok.i, taken)
        if ref is not None:
            add(marker, ref, "reference", tok.i)
    parties: list[Party] = []
    seen: set[str] = set()
    for key, found in by_key.items():
        roles = frame[key].split("|")
        for n, (mention, how, token) in enumerate(sorted(found, key=lambda f: f[2])):
            role = roles[0] if n == 0 or len(roles) == 1 else roles[1]
            kind = mention.kind
            if kind == "person" and " " not in mention.name and role not in ("person", "investor"):
                kind = "org"  # a one-word name that buys, merges or signs is a company
            if deal_type == "acquisition" and role == "target" and kind == "person":
                role = "person"  # « l'acquisition de Sam Altman »: a hire
            if mention.name in seen or mention.name in mentions.sources:
                continue  # a source of the news is never a party, however found
            if not _role_allowed(role, kind):
                continue
            seen.add(mention.name)
            parties.append(Party(mention.name, role, kind, token, how))
    if subj_key == "gsubj_win" and deal_type == "contract":
        # « X remporte une commande auprès de Y »: whoever X won it from is the buyer
        winners = {m.name for m, _, _ in by_key.get("gsubj_win", [])}
        parties = [
            Party(p.name, "buyer", p.kind, p.token, p.how)
            if p.role == "supplier" and p.name not in winners
            else p
            for p in parties
        ]
    parties.sort(key=lambda p: p.token)
    return parties, gov
