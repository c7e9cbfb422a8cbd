"""What the entities step knows of an article: its words, sentences and names, and
what each organisation is introduced as (nouns, origin, gender, class), with the
language tables the references are checked against."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from aiextract.components.columns import Columns
from aiextract.components.columns import normalise as _norm
from aiextract.components.entities.salience import Name
from aiextract.lexicon import load_table

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
PERSONAL = {"il": "Masc", "elle": "Fem"}
PLURAL_PERSONAL = frozenset(["ils", "elles"])
# Nouns whose owner is a company (« ses effectifs », « son capital »).
COMPANY_THINGS = frozenset(
    ["effectif", "capital", "chiffre", "filiale", "usine", "site", "siège", "actionnaire",
     "salarié", "client", "produit", "valorisation", "levée", "croissance", "activité",
     "marque", "catalogue", "portefeuille", "action", "bénéfice", "perte", "dette"]
)  # fmt: skip
# Nouns whose owner is a person (« son embauche », « sa nomination »).
PERSON_NOUNS = frozenset(
    ["embauche", "arrivée", "nomination", "recrutement", "départ", "successeur", "successeure",
     "mandat", "carrière", "parcours", "démission", "retour"]
)  # fmt: skip
DEMONSTRATIVE_HEADS = {"dernier": "Masc", "dernière": "Fem"}
RELATIVES = frozenset(["qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "dont"])
POSSESSIVES = frozenset(["son", "sa", "ses", "leur", "leurs"])
DETERMINERS = frozenset(["le", "la", "l'", "ce", "cette", "cet", "du", "au"])
START_UP = frozenset(["start", "startup", "start-up", "pousse", "scale-up", "scaleup"])
# Nouns that fit any company: they never pick one out by themselves.
GENERIC_NOUNS = frozenset(["société", "entreprise", "firme", "acteur", "spécialiste"])
PAIR_WORDS = frozenset(["deux"])
# Nouns of a company's stage, not its trade: « la start-up » may be « l'éditeur ».
STAGE_NOUNS = frozenset(["start-up", "licorne", "pépite", "scale-up", "spin-off", "pme", "eti"])
DET_GENDERS = {"le": "Masc", "un": "Masc", "ce": "Masc", "cet": "Masc", "du": "Masc",
               "au": "Masc", "la": "Fem", "une": "Fem", "cette": "Fem"}  # fmt: skip


@cache
def noun_classes() -> dict[str, str]:
    """Company noun → class (``data/reference_nouns.tsv``)."""
    return {_norm(r["noun"]): r["class"] for r in load_table("reference_nouns.tsv")}


@cache
def origin_adjectives() -> dict[str, str]:
    """Adjective of origin → its country's (``data/origin_adjectives.tsv``):
    « californien » → « américain »."""
    return {_norm(r["adjective"]): _norm(r["country"]) for r in load_table("origin_adjectives.tsv")}


def countries(origins: set[str]) -> set[str]:
    table = origin_adjectives()
    return {table.get(o, o) for o in origins}


def origin_of(cols: Columns, i: int) -> str:
    """The origin adjective token ``i`` is, masculine singular (« chinoise » →
    « chinois »), or ''."""
    if not cols.is_lower[i]:
        return ""
    low = cols.low[i]
    known = origin_adjectives()
    for form in (cols.lemma[i], low, low[:-1], low[:-2], low[:-3]):
        if form in known:
            return form
    return ""


@cache
def first_name_genders() -> dict[str, str]:
    """First name → « Masc » or « Fem » (``data/first_names.tsv``; « x » decides nothing)."""
    table = {"m": "Masc", "f": "Fem"}
    return {
        r["name"]: table[r["gender"]]
        for r in load_table("first_names.tsv")
        if r.get("gender") in table
    }


@cache
def epithets() -> tuple[tuple[str, str], ...]:
    """(« géant de redmond », « Microsoft »)... from ``data/deal_references.tsv``."""
    return tuple((_norm(r["epithet"]), r["name"]) for r in load_table("deal_references.tsv"))


@dataclass
class Article:
    """What the resolver reads: the words, the sentences, the names and what is known
    of each named organisation."""

    cols: Columns
    sentences: list[tuple[int, int]]  # token bounds, in order
    names: list[Name]  # name mentions, sorted by start
    sources: set[str]
    categories: dict[str, str] = field(default_factory=dict)  # org -> gazetteer category
    by_token: dict[int, Name] = field(default_factory=dict)
    sent_of: list[int] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _nouns: dict[str, set[str]] | None = None
    _origins: dict[str, set[str]] | None = None
    resolved: list[tuple[str, int]] = field(default_factory=list)  # (entity, token) so far
    memo: dict[tuple, object] = field(default_factory=dict)  # per-article results
    org_names: set[str] = field(default_factory=set)
    lead_end: int = 0  # the end of the title and lead

    def __post_init__(self) -> None:
        self.org_names = {n.name for n in self.names if n.kind == "org"}
        for name in self.names:
            for i in range(name.start, name.end):
                self.by_token[i] = name
        self._starts = [n.start for n in self.names]
        self.sent_of = [0] * len(self.cols.low)
        for n, (a, b) in enumerate(self.sentences):
            self.sent_of[a:b] = [n] * (b - a)

    def in_span(self, start: int, end: int) -> list[Name]:
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [m for m in self.names[lo:hi] if m.end <= end]

    def noun_key(self, i: int) -> str:
        """The company noun token ``i`` is (« start-up » for « la jeune pousse »), or ''."""
        cols = self.cols
        if not cols.is_lower[i]:
            low = cols.low[i]  # « l'ETI », « la PME »: a noun written in capitals
            return low if low in ("eti", "pme") and i not in self.by_token else ""
        if cols.low[i] in START_UP:
            return "start-up"
        lemma = cols.lemma[i]
        return lemma if lemma in noun_classes() else ""

    def nouns(self) -> dict[str, set[str]]:
        """The company nouns each organisation is introduced with (« la fintech X »,
        « X, le groupe ... »)."""
        if self._nouns is None:
            self._nouns = {}
            cols = self.cols
            for name in self.names:
                if name.kind != "org":
                    continue
                keys = set()
                # the noun phrase right before the name: « la jeune fintech lyonnaise X »,
                # « l'éditeur de logiciels X » (not « le groupe met la main sur X »)
                i = name.start - 1
                while i >= max(0, name.start - 7) and (
                    (cols.pos[i] in ("ADJ", "NOUN") and cols.is_lower[i])
                    or origin_of(cols, i)  # « rennaise » read as a verb
                    or cols.pos[i] == "DET"
                    or cols.low[i] in ("de", "d'", "-", "up", "start")
                    or self.noun_key(i)
                ):
                    key = self.noun_key(i)
                    if key:
                        keys.add(key)
                    i -= 1
                if name.end + 1 < len(cols.low) and cols.low[name.end] == ",":
                    for i in range(name.end + 1, min(len(cols.low), name.end + 4)):
                        key = self.noun_key(i)
                        if key:
                            keys.add(key)
                            break
                for word in name.name.lower().split():  # « Groupe Altis », « Banque X »
                    for form in (word, word.removesuffix("s")):
                        if form in noun_classes() and noun_classes()[form] != "relation":
                            keys.add(form)
                self._nouns.setdefault(name.name, set()).update(keys)
            # « les start-up A et B », « les fonds A et B »: the plural noun is B's too
            for name in self.names:
                if name.kind != "org" or name.start == 0:
                    continue
                j = name.start - 1
                while j > 0 and (
                    (cols.is_lower[j] and cols.pos[j] == "ADJ") or cols.low[j] in ("-", "up")
                ):
                    j -= 1
                if self.noun_key(j) and cols.low[j - 1] in ("les", "des", "aux", "ces"):
                    for other in coordinated(self, name):
                        self._nouns.setdefault(other, set()).add(self.noun_key(j))
        return self._nouns

    def origins(self) -> dict[str, set[str]]:
        """The adjectives of origin each organisation is introduced with (« le
        constructeur chinois X », « X, le groupe texan »)."""
        if self._origins is None:
            self._origins = {}
            cols = self.cols
            for name in self.names:
                if name.kind != "org":
                    continue
                found = set()
                for i in range(max(0, name.start - 5), name.start):
                    if cols.is_punct[i] and cols.low[i] != "-":
                        found.clear()
                    elif origin_of(cols, i):
                        found.add(origin_of(cols, i))
                if name.end + 1 < len(cols.low) and cols.low[name.end] == ",":
                    for i in range(name.end + 1, min(len(cols.low), name.end + 6)):
                        if cols.is_punct[i] and cols.low[i] != "-":
                            break
                        if origin_of(cols, i):
                            found.add(origin_of(cols, i))
                self._origins.setdefault(name.name, set()).update(found)
        return self._origins

    def learn(self, org: str, start: int, end: int) -> None:
        """A description resolved to ``org`` tells its nouns and origin (« le géant
        californien » makes the next « groupe californien » the same company)."""
        cols = self.cols
        for i in range(start, end):
            key = self.noun_key(i)
            if key and key not in GENERIC_NOUNS and noun_classes().get(key) != "relation":
                self.nouns().setdefault(org, set()).add(key)
            if origin_of(cols, i):
                self.origins().setdefault(org, set()).add(origin_of(cols, i))

    def classes(self, org: str) -> set[str]:
        """What is known of an organisation's class: from its nouns and the gazetteer."""
        key = ("classes", org, len(self.nouns().get(org, ())))
        if key not in self.memo:
            self.memo[key] = self._classes(org)
        return self.memo[key]

    def _classes(self, org: str) -> set[str]:
        found = {noun_classes().get(n, "") for n in self.nouns().get(org, ())}
        category = self.categories.get(org, "")
        if category in ("fund", "bank", "media", "public", "university"):
            found.add("research" if category == "university" else category)
        return found - {"", "company", "relation"}

    def genders(self, org: str) -> set[str]:
        """The grammatical genders an organisation is introduced with (of the
        determiner before its company noun: « la start-up X », « le fonds X »), or a
        person's (a title, « M. X », « Mme X », or a word agreeing with the name:
        « X, directrice de », « X a été nommée », « nomme X directeur »)."""
        key = ("genders", org)
        if key in self.memo:
            return self.memo[key]
        out: set[str] = set()
        cols = self.cols
        for name in self.names:
            if name.name != org:
                continue
            if name.kind == "person":
                out.update(self._person_gender(name))
                continue
            for i in range(max(0, name.start - 4), name.start):
                if self.noun_key(i):
                    j = i - 1
                    while j >= 0 and cols.pos[j] == "ADJ":
                        j -= 1
                    gender = DET_GENDERS.get(cols.low[j]) if j >= 0 else None
                    out.update([gender] if gender else cols.feats(i).get("Gender", ()))
        self.memo[key] = out
        return out

    def _person_gender(self, name: Name) -> set[str]:
        cols = self.cols
        before = cols.low[name.start - 1] if name.start else ""
        if before in ("m.", "monsieur", "mr"):
            return {"Masc"}
        if before in ("mme", "madame", "mme."):
            return {"Fem"}
        root = name.root
        words = [k for k in cols.kids(root) if cols.dep[k] in ("appos", "acl", "amod")]
        head = cols.head[root]
        copula = any(cols.dep[k] == "cop" for k in cols.kids(head))
        if (cols.dep[root] == "nsubj:pass" and cols.pos[head] == "VERB") or (
            cols.dep[root] == "nsubj" and copula and cols.pos[head] in ("ADJ", "NOUN")
        ):
            words.append(head)  # « X a été nommée », « X est directrice » (not « X a fondé »)
        if cols.dep[root] == "obj":
            words += [k for k in cols.kids(head) if cols.dep[k] == "xcomp"]  # « nomme X PDG »
        genders = {g for k in words for g in cols.feats(k).get("Gender", ())}
        if len(genders) == 1:
            return genders
        first = name.name.split()[0] if " " in name.name else ""
        gender = first_name_genders().get(first) or first_name_genders().get(first.split("-")[0])
        return {gender} if gender else set()


def coordinated(art: Article, name: Name) -> tuple[str, ...]:
    """The names listed with ``name`` (« A, B et le fonds C »), in text order: names
    joined by commas or « et », with only determiners, company nouns and adjectives
    between them."""
    cols = art.cols
    sent_start, sent_end = art.sentences[art.sent_of[name.start]]
    listed = [name]

    def joined(a: Name, b: Name) -> bool:
        words = range(a.end, b.start)
        return (
            bool(words)
            and any(cols.low[k] in (",", "et") for k in words)
            and all(
                cols.low[k] in (",", "et")
                or cols.pos[k] == "DET"
                or (cols.is_lower[k] and (art.noun_key(k) or cols.pos[k] == "ADJ"))
                for k in words
            )
        )

    names = [m for m in art.in_span(sent_start, sent_end) if m.kind == name.kind]
    if name not in names:  # a name running past its sentence's end lists nothing
        return () if name.name in art.sources else (name.name,)
    k = names.index(name)
    while k > 0 and joined(names[k - 1], listed[0]):
        k -= 1
        listed.insert(0, names[k])
    k = names.index(name)
    while k + 1 < len(names) and joined(listed[-1], names[k + 1]):
        k += 1
        listed.append(names[k])
    found = [m.name for m in listed if m.name not in art.sources]
    return tuple(dict.fromkeys(found))
