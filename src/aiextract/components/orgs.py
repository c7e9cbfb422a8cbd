"""Organisations and people: found, cleaned and named canonically.

The component combines four cheap sources, in this order of trust:

1. a gazetteer of well-known organisations and products (``data/gazetteer.tsv``),
   matched with a case-sensitive ``PhraseMatcher`` built once;
2. context cues (« la société X », « le fonds X », « X, la start-up ... »,
   ``data/org_cues.tsv``) that make unknown names organisations;
3. the model's own ``ORG``/``PER`` entities (and ``MISC``/``LOC`` ones rescued by a
   cue or a company suffix such as « AI », « Capital », « SAS »), filtered: products,
   places, events, generic acronyms and page boilerplate are dropped
   (``data/non_orgs.tsv``);
4. civil titles (« M. Altman ») for people the model missed.

Results: ``doc.spans["orgs"]``, ``doc.spans["people"]`` (``kb_id_`` = canonical name),
``doc.spans["products"]`` (``kb_id_`` = the maker, or ""), and ``doc.ents`` updated so
that ``ORG``/``PER`` entities reflect these decisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import srsly
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from aiextract.components.acting_states import find_acting_states
from aiextract.extensions import ORGS_KEY, PEOPLE_KEY, PRODUCTS_KEY, doc_text, register_extensions
from aiextract.lexicon import load_table, load_table_file
from aiextract.normalize.names import (
    canonical_orgs,
    canonical_people,
    clean_name,
    name_key,
    spelled_out,
    split_glued,
    split_glued_elision,
)

GAZETTEER_COLUMNS = ("name", "aliases", "type", "maker", "category", "flags")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one readable block."""
    return frozenset(text.split())


# Last words that make a name a company (« Inflection AI », « Kyber Capital »).
ORG_SUFFIXES = _words(
    """AI Labs Lab Capital Ventures Partners Technologies Technology Tech Group Groupe SA SAS
    SASU SE SCA Inc Inc. Ltd Ltd. LLC LLP GmbH AG NV BV Plc plc Holdings Holding Systems
    Robotics Therapeutics Biotech Energy Energies Bank Corp Corp. Corporation Company
    Investments Investment Management Networks Software Solutions Analytics Security
    Semiconductor Semiconductors Industries Motors Pharma Media Studios Games Foundation
    Fondation Consulting Associés Avocats Finance Gestion Invest Computing Dynamics"""
)

# First words of public bodies and institutions (« Autorité de la concurrence »).
INSTITUTION_HEADS = _words(
    """Autorité Banque Caisse Ministère Agence Commission Conseil Cour Office Institut
    Université École Fondation Fédération Direction Haute Tribunal Parlement Sénat Assemblée
    Centre Chambre Comité Confédération Syndicat Association Groupe Société Compagnie Fonds
    Mutuelle Crédit Secrétariat Observatoire Académie Laboratoire"""
)

TITLES = _words("""M. MM. Mme Mmes Mlle Dr Dr. Pr Pr. Me Mr Mr. Sir""")
DETERMINERS = _words(
    """la le l' l’ les une un cette ce cet sa son ses leur notre du au aux des de d' d’"""
)
CUE_PREPOSITIONS = _words("""de d' d’ par avec chez pour à entre et""")
CUE_LEFT = DETERMINERS | CUE_PREPOSITIONS
PLURAL_DETERMINERS = _words("""les des ces leurs nos deux trois quatre cinq""")
# Lower-case words inside a name the model found (« Graines de Provence », « Tallis & Co »).
NAME_LINKS = _words("""de d' d’ du des la & and""")

BUY_LEMMAS = frozenset(["racheter", "acquérir", "absorber", "reprendre"])

# Words after a name that say « this is an organisation acting » (for ambiguous names
# such as X: « X a été valorisée », « X investit »).
ORG_VERB_LEMMAS = _words(
    """racheter valoriser lever investir acquérir vendre céder fusionner valoir employer
    licencier recruter embaucher financer absorber signer détenir posséder"""
)
ORG_OBJECT_NOUNS = _words(
    """rachat acquisition valorisation capital actionnaire actionnaires propriétaire
    propriétaires fusion cession vente dirigeant dirigeants patron directeur directrice
    président présidente fondateur fondatrice cofondateur cofondatrice salariés employés
    conseil filiale maison participation"""
)
# A word starting with a lower-case letter after a space (« Vectis vise »).
_LOWER_WORD = re.compile(r"\s[^\W\d_A-ZÀ-Þ]")
# Deal nouns whose verb's subject is a company (« X négocie le rachat de Y »).
DEAL_OBJECT_NOUNS = _words(
    """rachat acquisition fusion cession reprise levée participation partenariat alliance
    contrat commande rapprochement"""
)
# « compte sur Y », « publié sur Y »: Y is a medium people post on.
MEDIUM_CONTEXT = _words(
    """compte comptes profil page chaîne publié publiée posté postée écrit écrite partagé
    partagée exprimé exprimée message messages vidéo tweet billet inscrivez-vous disponible
    disponibles"""
)
PLACE_HEADS = _words("""géant firme entreprise groupe société compagnie ville""")
APPOSITION_VERBS = re.compile(
    r"^,?\s*(?:basée?s?|installée?s?|implantée?s?|domiciliée?s?|établie?s?)\s+(?:à|en|au|aux)\b"
    r"|^,?\s*dont\s+le\s+siège",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- boilerplate

_LATIN = _words(
    """lorem ipsum dolor amet consectetur adipiscing elit eiusmod tempor incididunt labore
    dolore magna aliqua nec vis ei eu ex mei hinc partem cu eos ius pri usu quo nihil
    nihilmei detraxit periculis pericula euripidis torquatos phaedrum alienum eam sit nam ut
    enim veniam quis nostrud exercitation ullamco laboris nisi aliquip commodo consequat
    duis aute irure reprehenderit voluptate velit esse cillum fugiat nulla pariatur
    excepteur sint occaecat cupidatat proident sunt culpa officia deserunt mollit anim"""
)
_ENGLISH_ONLY = _words(
    """the and my me your our you of on with to for all this that is are follow subscribe share
    like followers subscribers views likes sign login log read more click here privacy
    policy terms"""
)
_FRENCH_FUNCTION = _words(
    """le la les de des du un une et en au aux est sont dans pour par sur avec que qui ne pas
    ce cette ces il elle ils elles son sa ses leur"""
)
_UI_WORDS = _words(
    """partager partagez accueil chercher rechercher recherche menu commentaire commentaires
    ajouter répondre connexion inscription newsletter abonnez-vous s'abonner publicité
    cookies imprimer envoyer copier lien facebook twitter linkedin instagram youtube tiktok
    whatsapp pinterest telegram email e-mail follow subscribe share like tweet followers
    subscribers fans abonnés vues me us"""
)
_BOILER_LINE = re.compile(
    r"""^\s*(?:
        (?:Accueil|Home)\s*[-–›>»/|]              # breadcrumbs: « Accueil - Tech - ... »
      | [\d.,\s]+[KkMm]?\+?\s*$                  # follower counters: « 5M+ »
      | [\d.,]+\s*[KkMm]?\+?\s+\w+\s+(?:followers|subscribers|abonnés|fans)\b
      | (?:©|\(c\)|copyright\b)                 # « © Tech Hebdo 2025 »
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# Searched only in lines holding one of their key words (a cheap substring test first).
_COOKIE_LINE = re.compile(
    r"\b(?:cookies?|consentement)\b.*\b(?:accept|navigation|paramétr|consent)", re.IGNORECASE
)
_RIGHTS_LINE = re.compile(r"\b(?:tous\s+droits\s+réservés|all\s+rights\s+reserved)", re.IGNORECASE)
_WORD = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted(_LATIN, key=len, reverse=True)) + r")(?![\w'’-])"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture, not article text.

    Line-level heuristics: lorem ipsum, short English UI lines (« Follow Me »),
    follower counters, breadcrumbs, cookie banners, share buttons, bare lower-case
    words on their own line (« facebook »).
    """
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped:
            continue
        if _is_boilerplate_line(stripped):
            ranges.append((start, pos))
    return ranges


def _is_boilerplate_line(line: str) -> bool:
    head = line[:300]  # page furniture shows itself early; long lines are article text
    if len(line) <= 300 and _BOILER_LINE.match(head):
        return True  # a long line that opens on a breadcrumb or a © is the article itself
    low = head.lower()
    if ("cookie" in low or "consentement" in low) and _COOKIE_LINE.search(low):
        return True
    if ("droits" in low or "rights" in low) and _RIGHTS_LINE.search(low):
        return True
    short = len(line) <= 300 and low.count(" ") < 40
    if not short and _LATIN.isdisjoint(low.split()):
        return False  # a paragraph of article text: most lines end here
    words = _WORD.findall(low)
    if not words:
        return False
    latin = sum(w in _LATIN for w in words)
    if latin >= 2 and latin >= 0.2 * len(words):
        return True
    if len(words) <= 12 and len(line) <= 300:
        french = sum(w in _FRENCH_FUNCTION for w in words)
        english = sum(w in _ENGLISH_ONLY for w in words)
        if english and not french:
            return True
        ui = sum(w.strip(":") in _UI_WORDS for w in words)
        if len(words) <= 4 and ui * 2 >= len(words):
            return True
    return len(words) == 1 and line.islower() and len(line) < 25


# --------------------------------------------------------------------------- data


def _root(span: Span) -> Any:
    """The syntactic root of ``span`` (its token when it has one: the common case)."""
    return span[0] if len(span) == 1 else span.root


def _hash_array(hashes: Iterable[int]) -> np.ndarray:
    """String hashes as a sorted array, for :meth:`_Index.positions`."""
    return np.array(sorted(hashes), dtype="uint64")


class _Index:
    """Where each string hash of one token column (ORTH or LOWER) occurs in a doc:
    sorted once, then each lookup of a set of hashes is a binary search."""

    def __init__(self, column: np.ndarray) -> None:
        self.order = np.argsort(column, kind="stable")
        self.sorted = column[self.order]

    def positions(self, hashes: np.ndarray) -> list[int]:
        """Token indices, in text order, whose value is one of ``hashes``."""
        if not len(self.sorted) or not len(hashes):
            return []
        left = np.searchsorted(self.sorted, hashes, side="left")
        right = np.searchsorted(self.sorted, hashes, side="right")
        hits = [
            self.order[a:b] for a, b in zip(left.tolist(), right.tolist(), strict=True) if b > a
        ]
        return sorted(np.concatenate(hits).tolist()) if hits else []


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: canonical name, org or product, maker, flags."""

    name: str
    type: str
    maker: str
    category: str
    ambiguous: bool


def _load_rows(path: str | None, extend: bool) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    if path is None or extend:
        rows.extend(dict(r) for r in load_table("gazetteer.tsv"))
    if path is not None:
        user = [dict(r) for r in load_table_file(path)]
        if not all("name" in r for r in user):
            raise ValueError(
                f"gazetteer {path!r} needs a header line with at least a 'name' column "
                f"(columns: {', '.join(GAZETTEER_COLUMNS)})"
            )
        rows.extend(user)
    return rows


class OrgsComponent:
    """Fill ``doc.spans["orgs"]``, ``["people"]`` and ``["products"]``; canonical names in kb_id."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer_path: str | None = None,
        extend_gazetteer: bool = True,
        overwrite_ents: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.gazetteer_path = gazetteer_path
        self.extend_gazetteer = extend_gazetteer
        self.overwrite_ents = overwrite_ents
        self._pending: str | None = None
        self.rows: list[dict[str, str]] = []
        try:
            self.set_gazetteer(_load_rows(gazetteer_path, extend_gazetteer))
        except FileNotFoundError:
            # spacy.load(path) after the user file moved: from_disk restores the copy.
            self._pending = (
                f"gazetteer file {gazetteer_path!r} not found: fix `gazetteer_path` in the "
                "aiextract_orgs config, or load a pipeline saved with nlp.to_disk"
            )
            self.set_gazetteer(_load_rows(None, True))
        self._load_lexicons()

    # ------------------------------------------------------------------ data

    def _load_lexicons(self) -> None:
        self.non_orgs: dict[str, str] = {}
        self.heads: set[str] = set()
        for row in load_table("non_orgs.tsv"):
            if row["kind"] == "head":
                self.heads.add(row["term"].lower())
            else:
                self.non_orgs[" ".join(name_key(row["term"]))] = row["kind"]
        self.first_names = frozenset(r["name"] for r in load_table("first_names.tsv"))
        context: dict[str, set[str]] = {}
        for row in load_table("org_context.tsv"):
            context.setdefault(row["kind"], set()).add(row["word"])
        self.suffixes = ORG_SUFFIXES | context.get("suffix", set())
        self.institutions = frozenset(context.get("institution", ()))
        self.place_preps = frozenset(context.get("place_prep", ()))
        self.transfer_verbs = frozenset(context.get("transfer", ()))
        self.product_nouns = frozenset(context.get("product", ()))
        self.launch_verbs = frozenset(context.get("launch", ()))
        self.subject_verbs = frozenset(context.get("subject_verb", ()))
        self.by_verbs = frozenset(context.get("by_verb", ()))
        self.nationalities = frozenset(context.get("nationality", ()))
        self.not_org_nouns = frozenset(context.get("not_org_noun", ()))
        self.cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        cue_rows = [(r["cue"], r["strength"]) for r in load_table("org_cues.tsv")]
        cue_rows += [(w, "strong") for w in self.nationalities]
        for cue, strength in cue_rows:
            words = tuple(t.lower_ for t in self.nlp.make_doc(cue))
            self.cues.setdefault(words[0], []).append((words, strength))
            if words[0][-1] not in "sxz" and words[0] not in self.nationalities:
                # Plural: « les agritechs X et Y », « les start-ups X, Y et Z ».
                plural = (words[0] + "s", *words[1:])
                self.cues.setdefault(plural[0], []).append((plural, strength))
        for options in self.cues.values():
            options.sort(key=lambda o: -len(o[0]))
        strings = self.nlp.vocab.strings
        self._cue_hashes = {strings.add(w) for w in self.cues}
        self._suffix_hashes = {strings.add(w) for w in self.suffixes}
        self._title_hashes = {strings.add(w) for w in ("M.", "Mme", "Mlle", "MM.")}
        self._cue_np = _hash_array(self._cue_hashes)
        self._suffix_np = _hash_array(self._suffix_hashes)
        self._title_np = _hash_array(self._title_hashes)

    def set_gazetteer(self, rows: Iterable[dict[str, str]]) -> None:
        """Replace the gazetteer with ``rows`` (dicts with the TSV columns) and rebuild."""
        self.rows = [
            {k: (r.get(k) or "").strip() for k in GAZETTEER_COLUMNS} for r in rows if r.get("name")
        ]
        self.entries: list[Entry] = []
        self.forms: dict[str, int] = {}
        self.keys: dict[tuple[str, ...], int] = {}
        for row in self.rows:
            entry = Entry(
                name=row["name"],
                type=row["type"] or "org",
                maker=row["maker"],
                category=row["category"],
                ambiguous="ambiguous" in row["flags"].split(","),
            )
            index = len(self.entries)
            self.entries.append(entry)
            forms = [row["name"], *(a for a in row["aliases"].split("|") if a.strip())]
            for form in forms:
                form = form.strip()
                variants = {form}
                if len(form) >= 5 and any(c.isupper() for c in form[1:]) and " " not in form:
                    variants.add(form.lower())  # « openai » in a garbled title
                if len(form.rsplit(" ", 1)[-1]) == 1 and form[-1].isupper():
                    variants.add(form + ".")  # the tokenizer keeps « X. », « Station F. »
                for v in variants:
                    self.forms[v] = index  # later rows (user rows) win
                self.keys.setdefault(name_key(form), index)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        by_entry: dict[int, list[str]] = {}
        for form, index in self.forms.items():
            by_entry.setdefault(index, []).append(form)
        for index, forms in by_entry.items():
            self.matcher.add(f"aiextract_gaz_{index}", list(self.nlp.tokenizer.pipe(forms)))
        self._match_index = {self.nlp.vocab.strings[f"aiextract_gaz_{i}"]: i for i in by_entry}
        self.org_names = {e.name for e in self.entries if e.type == "org"}
        self._pending = None

    def lookup(self, text: str) -> Entry | None:
        """The gazetteer entry written ``text`` exactly, else by key (case/accents)."""
        index = self.forms.get(text)
        if index is None:
            key = name_key(text)
            index = self.keys.get(key) if key else None
            # A key match on a one-word name must not turn common words into companies.
            if index is not None and len(key) == 1 and text.islower():
                index = None
        return None if index is None else self.entries[index]

    # ------------------------------------------------------------------ context

    def _cue_before(self, doc: Doc, start: int) -> tuple[str | None, int]:
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
                and tok.lower_ not in self.cues
            ):
                i -= 2
                skipped += 2
            elif (
                i >= 2
                and doc[i - 1].lower_ in ("la", "l'", "l’")
                and doc[i - 2].lower_ == "de"
                and tok.is_lower
                and tok.is_alpha
                and tok.lower_ not in self.cues
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
            for words, strength in self.cues.get(doc[first].lower_, ()):
                end = first + len(words)
                if end != i + 1:
                    continue
                if tuple(t.lower_ for t in doc[first:end]) != words:
                    continue
                if doc[first].lower_ in self.nationalities and not doc[first].is_lower:
                    continue  # « le Français Antoine Garnier »: a person's nationality
                if first == 0 or doc[first - 1].lower_ in CUE_LEFT:
                    return strength, skipped
                # « Le géant américain » at a sentence start: determiner capitalised.
                if doc[first - 1].lower_ in DETERMINERS:
                    return strength, skipped
        return None, 0

    def _cue_after(self, doc: Doc, end: int) -> bool:
        """« X, la start-up ... », « X, basée à ... »."""
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
            for w, s in self.cues.get(doc[j].lower_, ())
        )

    def _org_context(self, doc: Doc, start: int, end: int) -> bool:
        """Does the context make an ambiguous name (« X ») an acting organisation?"""
        if self._cue_before(doc, start)[0] == "strong" or self._cue_after(doc, end):
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

    def _place_context(self, doc: Doc, start: int, end: int) -> bool:
        """« le géant de Redmond »: a one-word name after « géant/firme de » is a place."""
        return (
            end - start == 1
            and start >= 2
            and doc[start - 1].lower_ == "de"
            and doc[start - 2].lower_ in PLACE_HEADS
        )

    @staticmethod
    def _clause_start(span: Span) -> int | None:
        """Where a model entity runs into a clause: its first lower-case verb, or the first
        lower-case word before a possessive (« Biotop pour la maintenance de ses trains »);
        None when it is a name throughout."""
        if not _LOWER_WORD.search(span.text):
            return None  # the common case: a name of capitalised words
        verb = next((t.i for t in span[1:] if t.is_lower and t.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            return verb
        if any(t.is_lower and "Yes" in t.morph.get("Poss") for t in span):
            return next((t.i for t in span[1:] if t.is_lower), None)
        return None

    @staticmethod
    def _extends_known(doc: Doc, span: Span, orgs: list, free: Any, take: Any) -> bool:
        """« Orange Business », « Crédit Agricole Languedoc »: a model ORG entity that
        starts with a gazetteer organisation and goes on with free words ending on a
        capitalised one is a subsidiary's fuller name: the kept name is widened to it."""
        s, e = span.start, span.end
        kept = next(
            (k for k, o in enumerate(orgs) if o[0] == s and o[1] < e and o[3] == "gazetteer"),
            None,
        )
        if kept is None or not free(orgs[kept][1], e):
            return False
        rest = doc[orgs[kept][1] : e]
        if not rest[-1].text[:1].isupper() or any(
            (t.is_punct and t.text not in ("&", "-", "'", "’")) or any(c.isdigit() for c in t.text)
            for t in rest
        ):
            return False  # « Airbus A321neo », « Google Pixel 9 »: a product, not a company
        orgs[kept] = (s, e, clean_name(span.text), "model")
        take(s, e)
        return True

    def _acronym_half(self, doc: Doc, start: int, end: int) -> bool:
        """« HP » in « l'AP-HP »: a known acronym glued by a hyphen to an unknown acronym
        is half of a longer name, not the company of that name (« IBM-HP » is two)."""

        def unknown_acronym(i: int) -> bool:
            text = doc[i].text if 0 <= i < len(doc) else ""
            return (
                1 < len(text) <= 4 and text.isalpha() and text.isupper() and not self.lookup(text)
            )

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

    @staticmethod
    def _as_medium(doc: Doc, start: int, entry: Entry) -> bool:
        """« sur LinkedIn », « via TikTok »: a platform named as a medium people post on."""
        return (
            entry.category == "platform"
            and start >= 1
            and doc[start - 1].lower_ in ("sur", "via", "depuis")
        )

    def _as_medium_text(self, doc: Doc, start: int, text: str) -> bool:
        entry = self.lookup(text)
        return entry is not None and (entry.ambiguous or self._as_medium(doc, start, entry))

    @staticmethod
    def _medium_context(doc: Doc, start: int) -> bool:
        """« un compte sur NEURA KING », « publié sur Threads »: a medium, not a company."""
        return (
            start >= 2
            and doc[start - 1].lower_ in ("sur", "via")
            and doc[start - 2].lower_ in MEDIUM_CONTEXT
        )

    # ------------------------------------------------------------------ tests on names

    def _non_org(self, text: str) -> str | None:
        kind = self.non_orgs.get(" ".join(name_key(text)))
        if kind:
            return kind
        words = text.split()
        if len(words) > 1 and words[-1].lower() in self.heads:
            return "head"
        return None

    @staticmethod
    def _name_like(tok: Any) -> bool:
        text = tok.text
        if not text[:1].isalpha() and not text[:1].isdigit():
            return False
        if any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text):
            return True
        if tok.pos_ == "PROPN" and text[:1].isupper():
            return True
        return text[:1].isupper() and not tok.has_vector

    def _org_shape_ok(self, span: Span, text: str) -> bool:
        """Is a model ORG entity shaped like a real organisation name?"""
        if not text or not (
            text[0].isupper() or text[0].isdigit() or re.match(r"[a-z]+[A-Z]", text)
        ):
            return False
        words = text.split()
        if words[0] in INSTITUTION_HEADS or words[-1] in self.suffixes:
            return True
        toks = [
            t
            for t in span
            if not t.is_punct and self._non_org(t.text) != "acronym" and t.text[:1].isalpha()
        ]
        if len(words) == 1 and text.isupper() and len(text) <= 1:
            return False
        return any(self._name_like(t) for t in toks)

    @staticmethod
    def _person_shape_ok(text: str) -> bool:
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

    # ------------------------------------------------------------------ main

    def __call__(self, doc: Doc) -> Doc:
        if self._pending:
            raise ValueError(self._pending)
        n = len(doc)
        ents = list(doc.ents)
        arr = doc.to_array([ORTH, LOWER]) if n else np.zeros((0, 2), dtype="uint64")
        by_orth, by_lower = _Index(arr[:, 0]), _Index(arr[:, 1])
        cue_pos = by_lower.positions(self._cue_np)
        strings = self.nlp.vocab.strings
        bad = [False] * n
        for start, end in boilerplate_ranges(doc_text(doc)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    bad[i] = True
        taken = [False] * n
        orgs: list[tuple[int, int, str, str]] = []  # start, end, name, source
        people: list[tuple[int, int, str]] = []
        products: list[tuple[int, int, str]] = []

        def free(start: int, end: int) -> bool:
            return not any(taken[start:end]) and not any(bad[start:end])

        def take(start: int, end: int) -> None:
            for i in range(start, end):
                taken[i] = True

        model_per = {}
        ent_of: dict[int, Span] = {}
        for ent in ents:
            if ent.label_ in ("ORG", "PER", "MISC", "LOC"):
                for i in range(ent.start, ent.end):
                    ent_of[i] = ent
                    if ent.label_ == "PER":
                        model_per[i] = ent

        # 1. Gazetteer.
        spans = [Span(doc, s, e, label=k) for k, s, e in self.matcher(doc)]
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            s, e = span.start, span.end
            if not free(s, e):
                continue
            entry = self.entries[self._match_index[span.label]]
            per = model_per.get(s)
            inside_person = (
                per is not None
                and (per.end - per.start) > (e - s)
                and entry.type == "org"
                and (entry.ambiguous or not (per.start == s or per.end == e))
            )
            if inside_person:
                continue  # « Alan » inside « Alan Turing »
            if self._acronym_half(doc, s, e):
                continue
            if entry.type == "product":
                while (
                    e < n
                    and re.fullmatch(
                        r"-?\d[\w.]*|-?[a-z]?\d+\w*|Plus|Pro|Turbo|Max|mini|Ultra", doc[e].text
                    )
                    and not doc[e].is_punct
                ):
                    e += 1
                products.append((s, e, entry.maker))
                take(s, e)
                continue
            if (entry.ambiguous or self._as_medium(doc, s, entry)) and not self._org_context(
                doc, s, e
            ):
                continue
            orgs.append((s, e, entry.name, "gazetteer"))
            take(s, e)

        # 2. Strong cues before unknown names: « la société MGX », « la start-up Quantiq ».
        self._cue_names(doc, cue_pos, free, take, orgs, model_per, ent_of)
        self._appos_names(doc, cue_pos, free, take, orgs, ent_of)

        # 2b. Unknown names ending with a company suffix: « Kyber Capital », « Nexalis Group ».
        self._suffix_names(doc, by_orth.positions(self._suffix_np), free, take, orgs)

        # 2c. States, governments and countries that act (« vendu à l'Inde », « l'État »).
        for s, e, name in find_acting_states(doc, free):
            orgs.append((s, e, name, "cue"))
            take(s, e)

        # 3. The model's entities.
        known_names = {name for _, _, name, _ in orgs}
        ent_texts = {e.text for e in ents}

        def known(text: str) -> bool:
            return text in self.forms or text in known_names or text in ent_texts

        deferred: list[Span] = []
        for ent in ents:
            if ent.label_ not in ("ORG", "PER", "MISC", "LOC"):
                continue
            span = ent
            if "\n" in span.text:
                cut = span.text.index("\n")
                span = doc.char_span(
                    span.start_char, span.start_char + cut, alignment_mode="contract"
                )
                if span is None or len(span) == 0:
                    continue
            cut = self._clause_start(span)
            if cut is not None:  # « Vectis vise 100 millions ... »: a clause, not a name
                span = doc[span.start : cut]
            s, e = span.start, span.end
            if ent.label_ == "ORG" and self._extends_known(doc, span, orgs, free, take):
                continue
            if not free(s, e):
                # Keep the free end of an entity that runs into a kept name
                # (« Station F. Jensen Huang » → « Jensen Huang »).
                while s < e and (taken[s] or bad[s]):
                    s += 1
                while e > s and (taken[e - 1] or bad[e - 1]):
                    e -= 1
                if s >= e or not free(s, e) or doc[s].is_punct:
                    continue
                span = doc[s:e]
            if any(t.text.startswith("@") for t in span) or (s > 0 and doc[s - 1].text == "@"):
                continue
            # Glued words and lost apostrophes: « MicrosoftLes », « dOpenAI Innovationsfr ».
            repaired_any = False
            for tok in span:
                repaired = split_glued(tok.text, known) or split_glued_elision(tok.text, known)
                if not repaired:
                    continue
                repaired_any = True
                entry = self.lookup(repaired)
                if entry is not None and entry.type == "org":
                    orgs.append((tok.i, tok.i + 1, entry.name, "gazetteer"))
                elif entry is None and e - s == 1:
                    orgs.append((tok.i, tok.i + 1, repaired, "model"))
            if repaired_any:
                take(s, e)
                continue
            if self._medium_context(doc, s):
                continue
            if s > 0 and e < n and doc[s - 1].text == "(" and doc[e].text == ")":
                deferred.append(span)
                continue
            self._decide(doc, span, ent.label_, orgs, people, products, take)

        # Other mentions of a name already kept as an organisation (« WNS » tagged LOC once).
        org_keys = {name_key(name): name for _, _, name, _ in orgs}
        for ent in ents:
            s, e = ent.start, ent.end
            if ent.label_ in ("MISC", "LOC", "ORG") and free(s, e):
                text = clean_name(ent.text)
                if name_key(text) in org_keys and not self._as_medium_text(doc, s, text):
                    orgs.append((s, e, org_keys[name_key(text)], "model"))
                    take(s, e)

        self._repeat_mentions(doc, arr[:, 0].tolist(), by_orth, ents, free, take, orgs, people)

        # Acronyms in parentheses: an organisation only when what they abbreviate is one.
        for span in deferred:
            s, e = span.start, span.end
            if not free(s, e):
                continue
            owner = next((o for o in orgs if o[1] == s - 1), None)
            if owner is not None:
                orgs.append((s, e, owner[2], owner[3]))
                take(s, e)
            elif doc[s - 2].text[:1].isupper() and self._cue_before(doc, s - 1)[0]:
                self._decide(doc, span, span.label_, orgs, people, products, take)

        # 4a. « Demis Hassabis » untagged but « Hassabis » tagged elsewhere: first name + surname.
        surnames = {name for _, _, name in people if " " not in name}
        if surnames:
            surname_hashes = {strings.add(name) for name in surnames}
            for i in by_orth.positions(_hash_array(surname_hashes)):
                if i == 0 or taken[i - 1] or bad[i - 1]:
                    continue
                tok, prev = doc[i], doc[i - 1]
                if (
                    prev.is_alpha
                    and prev.text[:1].isupper()
                    and not prev.is_stop
                    and not self._non_org(prev.text)
                    and (prev.text in self.first_names or self._name_like(prev))
                ):
                    if taken[i]:
                        for k, (ps, pe, _) in enumerate(people):
                            if ps == i and pe == i + 1:
                                people[k] = (i - 1, i + 1, f"{prev.text} {tok.text}")
                    else:
                        people.append((i - 1, i + 1, f"{prev.text} {tok.text}"))
                    taken[i - 1] = taken[i] = True

        # 4b. People the model missed behind a civil title (« M. Dupont », « Mme Martin »).
        titles = [i for i in by_orth.positions(self._title_np) if i < n - 1]
        for i in titles:
            if not taken[i + 1] and not bad[i + 1]:
                j = i + 1
                while j < n and j - i <= 3 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                    j += 1
                if j > i + 1 and free(i + 1, j):
                    people.append((i + 1, j, doc[i + 1 : j].text))
                    take(i + 1, j)

        self._write(doc, ents, orgs, people, products)
        return doc

    def _repeat_mentions(self, doc, orths, by_orth, ents, free, take, orgs, people) -> None:
        """Other mentions of a name kept as an organisation are that organisation: the
        model's person-tagged or untagged repeats (« Semavia » after « la start-up
        Semavia »), and names listed with organisations (« Aldebaran, Sirius Capital et
        Vega Partners »)."""
        keys = {name_key(name): name for _, _, name, src in orgs if src != "model"}
        if keys:
            for k, (s, e, name) in reversed(list(enumerate(people))):
                if name_key(name) in keys and not (s >= 1 and doc[s - 1].text in TITLES):
                    del people[k]
                    orgs.append((s, e, keys[name_key(name)], "model"))
        wanted: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        for s, e, name, src in orgs:
            if src == "gazetteer" or e - s > 4:
                continue  # the gazetteer's matcher found every mention already
            first = doc[s].text
            if first[:1].isupper() and first not in self.first_names:
                wanted.setdefault(orths[s], []).append((tuple(orths[s:e]), name))
        for i in by_orth.positions(_hash_array(wanted)) if wanted else ():
            if not free(i, i + 1):
                continue
            for seq, name in wanted.get(orths[i], ()):
                j = i + len(seq)
                if (
                    tuple(orths[i:j]) == seq
                    and free(i, j)
                    and not (i >= 1 and doc[i - 1].text in TITLES)
                ):
                    orgs.append((i, j, name, "model"))
                    take(i, j)
                    break
        in_org = {i for s, e, _, _ in orgs for i in range(s, e)}
        for ent in ents if in_org else ():
            s, e = ent.start, ent.end
            if ent.label_ not in ("MISC", "LOC", "PER") or not free(s, e):
                continue
            root = _root(ent)
            listed = (root.dep_ == "conj" and root.head.i in in_org) or any(
                c.dep_ == "conj" and c.i in in_org for c in root.children
            )
            if not listed:
                continue
            text = clean_name(ent.text)
            if not text[:1].isupper() or self._non_org(text) or text.split()[0] in self.first_names:
                continue
            if not self._place_slot(doc, ent) and not self._product_context(doc, ent):
                orgs.append((s, e, text, "model"))
                take(s, e)

    def _cue_names(self, doc, cue_pos, free, take, orgs, model_per, ent_of) -> None:
        n = len(doc)
        for i in cue_pos:
            if i == 0 or doc[i - 1].lower_ not in CUE_LEFT:
                continue
            for words, strength in self.cues[doc[i].lower_]:
                end = i + len(words)
                if strength != "strong" or (
                    len(words) > 1 and tuple(t.lower_ for t in doc[i:end]) != words
                ):
                    continue
                j = end
                skipped = 0
                while j < n and skipped < 4:
                    t = doc[j]
                    if t.pos_ == "ADJ" and t.is_lower:
                        j += 1
                        skipped += 1
                    elif (
                        t.lower_ in ("de", "d'", "d’")
                        and j + 1 < n
                        and (doc[j + 1].is_lower or doc[j + 1].text in ("IA", "AI"))
                        and doc[j + 1].is_alpha
                    ):
                        j += 2
                        skipped += 2
                    else:
                        break
                k = self._name_end(doc, j)
                if k == j and len(words) == 1 and not skipped and doc[i].text[:1].isupper():
                    break  # « L'Agence spatiale »: the cue word is the head of a phrase
                nationality = doc[i].lower_ in self.nationalities
                if nationality and not doc[i].is_lower:
                    break  # « le Français Antoine Garnier »: a person
                if len(words) == 1 and not skipped and not doc[i].is_lower and not nationality:
                    j = i  # « le Groupe Marbeuf », « la Banque Ligérienne »: cue in the name
                k = self._extend_to_entity(doc, j, k, ent_of)
                if not self._take_cued(doc, j, k, skipped, free, take, orgs, model_per):
                    break
                # A plural cue introduces a list: « les agritechs X et Y ».
                plural = doc[i - 1].lower_ in PLURAL_DETERMINERS
                while plural and k + 1 < n and doc[k].lower_ in (",", "et"):
                    j, k = k + 1, self._name_end(doc, k + 1)
                    k = self._extend_to_entity(doc, j, k, ent_of)
                    if k == j or not self._take_cued(doc, j, k, 0, free, take, orgs, model_per):
                        break
                break

    def _appos_names(self, doc, cue_pos, free, take, orgs, ent_of) -> None:
        """Untagged names before an apposition: « Tessera, spécialiste de ... »,
        « Ferlor, filiale du groupe ... ». A weak cue needs an invented word."""
        for i in cue_pos:
            if not doc[i].is_lower:
                continue  # « Enfin, la Société Générale »: a name, not an apposition
            c = i - 1 if i >= 1 and doc[i - 1].text == "," else i - 2
            if c < 1 or doc[c].text != "," or (c == i - 2 and doc[i - 1].lower_ not in DETERMINERS):
                continue
            options = [o for o in self.cues[doc[i].lower_] if len(o[0]) == 1]
            if not options:
                continue
            b = c
            while b > 0 and c - b < 4 and doc[b - 1].text[:1].isupper() and not doc[b - 1].is_punct:
                b -= 1
            if b == c or not free(b, c) or any(k in ent_of for k in range(b, c)):
                continue
            if b > 0 and not (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b].is_sent_start):
                continue  # the start of a longer phrase
            text = clean_name(doc[b:c].text)
            if not text or self._non_org(text) or text.split()[0] in self.first_names:
                continue
            weak = all(s == "weak" for _, s in options)
            subject = doc[c - 1].dep_ in ("nsubj", "nsubj:pass")
            word = doc[b]
            if (
                c - b == 1
                and not subject
                and word.pos_ != "PROPN"
                and self.nlp.vocab.has_vector(word.lower_)
            ):
                continue  # « Lundi, la legtech X... »: a common word opening the sentence
            if (
                weak
                and not subject
                and not all(t.pos_ == "PROPN" or self._invented(t) for t in doc[b:c])
            ):
                continue
            entry = self.lookup(text)
            if entry is None or entry.type == "org":
                orgs.append((b, c, entry.name if entry else text, "gazetteer" if entry else "cue"))
                take(b, c)

    def _name_end(self, doc: Doc, j: int) -> int:
        """End of the run of capitalised name tokens starting at ``j`` (at most 5)."""
        k, n = j, len(doc)
        while k < n and k - j < 5:
            t = doc[k]
            glued_hyphen = (  # « Algo-Mer » cut in three tokens
                k > j
                and t.text == "-"
                and not doc[k - 1].whitespace_
                and not t.whitespace_
                and k + 1 < n
                and doc[k + 1].text[:1].isupper()
            )
            if glued_hyphen or (
                (
                    t.text[:1].isupper()
                    or re.match(r"[a-z]+[A-Z]", t.text)
                    or (k > j and (t.text == "&" or t.text[:1].isdigit()))
                    or (k == j and t.text[:1].isdigit() and any(c.isalpha() for c in t.text))
                )
                and (not t.is_punct or t.text == "&")
            ):
                k += 1
            else:
                break
        if k > j and doc[k - 1].text == "&":
            k -= 1
        return k

    @staticmethod
    def _extend_to_entity(doc: Doc, j: int, k: int, ent_of: dict[int, Span]) -> int:
        """The model's entity over ``j`` may run further (« Graines de Provence »)."""
        ent = ent_of.get(j) if k > j else None
        if ent is None or ent.end <= k or ent.end - j > 6:
            return k
        for t in doc[k : ent.end]:
            if not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in NAME_LINKS):
                return k
        if not doc[ent.end - 1].text[:1].isupper():
            return k
        after = ent.end
        while after < len(doc) and after - j < 6 and doc[after].text[:1].isupper():
            after += 1  # « Côte d'Opale Marine » when the model stopped at « Opale »
        return after

    def _take_cued(self, doc, j, k, skipped, free, take, orgs, model_per) -> bool:
        """Keep ``doc[j:k]`` named after a strong cue as an organisation, if it is one."""
        if k == j or not free(j, k):
            return False
        first = doc[j].text
        if any(k2 in model_per for k2 in range(j, k)) and k - j > 1 and first in self.first_names:
            return False  # « l'industriel Vincent Bolloré »: a person
        text = clean_name(doc[j:k].text)
        entry = self.lookup(text)
        if entry is not None and entry.type == "product":
            return False
        if not text or self._non_org(text) or (text.isupper() and len(text) < 2):
            return False
        if k - j == 1 and not self._name_like(doc[j]) and doc[j].text in INSTITUTION_HEADS:
            return False
        orgs.append((j, k, entry.name if entry else text, "gazetteer" if entry else "cue"))
        take(j, k)
        return True

    def _suffix_names(self, doc, suffix_pos, free, take, orgs) -> None:
        last = -1
        for k in suffix_pos:
            if k == 0 or k <= last:
                continue
            j = k
            while j > 0 and k - j < 3:
                prev = doc[j - 1]
                not_name = (
                    prev.is_punct or (prev.is_stop and prev.is_lower) or not prev.text[:1].isupper()
                )
                if not_name and not re.match(r"[a-z]+[A-Z]", prev.text):
                    break
                if self._non_org(prev.text) or prev.text in self.suffixes:
                    break
                j -= 1
            if (
                j < k
                and j >= 2
                and doc[j - 1].lower_ in ("de", "d'", "d’", "du")
                and doc[j - 2].text[:1].isupper()
                and self._name_like(doc[j - 2])
                and not self._non_org(doc[j - 2].text)
                and doc[j - 2].text not in self.suffixes
            ):
                j -= 2  # « Mer d'Iroise Chantiers », « Graines de Beauce Bio »
            if doc[j].lower_ in DETERMINERS:
                j += 1  # « La Métropole de Rouen »: the article is no part of a name
            if j == k:
                continue
            while k + 1 < len(doc) and doc[k + 1].text in self.suffixes:
                k += 1  # « Helios Robotics Inc »
            if (
                doc[k].text in ("Inc", "Ltd", "Corp", "Co")
                and k + 2 < len(doc)
                and doc[k + 1].text == "."
                and doc[k + 2].is_lower
            ):
                k += 1  # the dot of « Inc. » when the sentence goes on
            if not free(j, k + 1):
                continue
            # A capitalised common word at a sentence start is not a name (« Notre Group »).
            if (
                k - j == 1
                and doc[j].is_sent_start
                and (doc[j].is_stop or doc[j].pos_ in ("DET", "PRON", "ADP", "ADV", "CCONJ"))
            ):
                continue
            text = clean_name(doc[j : k + 1].text)
            entry = self.lookup(text)
            if entry is not None and entry.type == "product":
                continue
            orgs.append((j, k + 1, entry.name if entry else text, "gazetteer" if entry else "cue"))
            take(j, k + 1)
            last = k

    def _acts_as_org(self, doc: Doc, span: Span) -> bool:
        """A one-word name bought, absorbed or raising money is a company, not a person."""
        if len(span) != 1:
            return False
        s, e = span.start, span.end
        if s >= 1 and doc[s - 1].lemma_.lower() in BUY_LEMMAS:
            return True
        if (
            s >= 2
            and doc[s - 1].lower_ in ("de", "d'", "d’")
            and doc[s - 2].lower_ in ORG_OBJECT_NOUNS
        ):
            return True
        j = e
        while j < len(doc) and j - e < 2 and doc[j].lower_ in ("a", "vient", "de", "va"):
            j += 1
        return j < len(doc) and doc[j].lemma_.lower() in BUY_LEMMAS | {"lever", "boucler"}

    def _decide(self, doc, span, label, orgs, people, products, take) -> None:
        s, e = span.start, span.end
        # Mentions start at the name: no determiner, elision or civil title inside the span.
        while e - s > 1 and (
            (doc[s].is_lower and doc[s].lower_ in DETERMINERS)
            or (label == "PER" and doc[s].text in TITLES)
            or (doc[s].is_lower and doc[s].pos_ == "NOUN" and doc[s + 1].text[:1].isupper())
        ):
            s += 1  # « la legtech Juridia » tagged as one entity: the name is « Juridia »
        span = doc[s:e]
        person = label == "PER"
        text = clean_name(span.text, person=person)
        if not text or (text[0].islower() and not re.match(r"[a-z]+[A-Z]", text)):
            return  # names start with a capital, or are « xAI »-like
        entry = self.lookup(text)
        if entry is not None and not (person and entry.ambiguous):
            if entry.type == "product":
                products.append((s, e, entry.maker))
                take(s, e)
            elif not (entry.ambiguous or self._as_medium(doc, s, entry)) or self._org_context(
                doc, s, e
            ):
                orgs.append((s, e, entry.name, "gazetteer"))
                take(s, e)
            return
        if self._non_org(text) or self._place_context(doc, s, e):
            return
        if self._rubric_label(doc, s, e):
            return
        if e - s == 1 and self._common_word_at_start(doc[s]):
            return  # « Interrogé en marge... », « Enfin, ... »
        if entry is None and (not person or e - s == 1) and self._product_context(doc, span):
            return  # « Nuvora lance Cirrus, un assistant de code »
        if entry is None and self._after_noun(doc, s, self.not_org_nouns):
            return  # « le salon Agrinexpo », « le projet Hélios », « l'usine Orbis »
        words0 = text.split()
        if label in ("LOC", "MISC") and len(words0) >= 2 and words0[0] in self.institutions:
            orgs.append((s, e, text, "cue"))  # « la Région Occitanie », « la Ville de Nantes »
            take(s, e)
            return
        if (
            not person
            and 2 <= len(words0) <= 3
            and words0[0] in self.first_names
            and words0[-1] not in self.suffixes
            and self._person_shape_ok(text)
            and self._cue_before(doc, s)[0] != "strong"
        ):
            people.append((s, e, text))
            take(s, e)
            return
        words = text.split()
        cue, skipped = self._cue_before(doc, s)
        suffix = len(words) >= 2 and words[-1] in self.suffixes
        appos = self._cue_after(doc, e)
        # A cue makes an organisation, but never overrides a full person name that the
        # model found after a weak or distant cue (« l'investisseur Xavier Niel »).
        overrides_person = not person or len(words) == 1 or (cue == "strong" and skipped == 0)
        if person and len(words) > 1 and words[0] in self.first_names:
            overrides_person = overrides_person and not (
                s >= 1 and doc[s - 1].lower_ in self.nationalities
            )  # « l'américain John Carter »
        if (suffix or ((cue == "strong" or appos) and overrides_person)) and (
            suffix or self._org_shape_ok(span, text)
        ):
            orgs.append((s, e, text, "cue"))
            take(s, e)
            return
        prefix_of_org = any(
            o[3] != "model" and name_key(o[2])[: len(name_key(text))] == name_key(text)
            for o in orgs
        )
        if prefix_of_org or (label in ("PER", "MISC", "LOC") and self._acts_as_org(doc, span)):
            orgs.append((s, e, text, "model"))
            take(s, e)
            return
        if label in ("ORG", "MISC", "LOC") and self._rescued(doc, span, label, cue):
            orgs.append((s, e, text, "model"))
            take(s, e)
            return
        if label == "ORG" or (cue == "weak" and label in ("MISC", "LOC")):
            shape = self._org_shape_ok(span, text) or (
                cue == "weak" and label == "MISC" and text[:1].isupper()
            )
            if shape and not all(self._non_org(w) == "acronym" for w in words):
                orgs.append((s, e, text, "model"))
                take(s, e)
            return
        if person and self._person_shape_ok(text):
            people.append((s, e, text))
            take(s, e)

    def _rescued(self, doc: Doc, span: Span, label: str, cue: str | None) -> bool:
        """A MISC/LOC (or odd-shaped ORG) entity that is a company: an invented word (no
        vector: not a known place, person or product) or a name in a company slot, unless
        the context makes it a place or a product."""
        if self._product_context(doc, span) or self._place_slot(doc, span):
            return False
        caps = [t for t in span if t.text[:1].isupper() and not t.is_punct]
        if not caps or caps[0].text in self.first_names:
            return False
        if all(self._invented(t) for t in caps) and not span.text.isupper():
            return True
        if label == "ORG" and self._org_context(doc, span.start, span.end):
            return True
        return cue == "weak" or self._deal_slot(doc, span)

    def _invented(self, tok: Any) -> bool:
        """A word the model's vectors do not know, in any case: an invented name."""
        return not tok.has_vector and not self.nlp.vocab.has_vector(tok.lower_)

    def _deal_slot(self, doc: Doc, span: Span) -> bool:
        """Subject or object of a deal verb (« X lève », « rachète X », « mené par X »)."""
        root = _root(span)
        while root.dep_ == "conj" and root.head.i < root.i and root.head.i >= span.start - 12:
            root = root.head  # « X et Y fusionnent »: Y's role is X's
        head = root.head.lemma_.lower()
        if root.dep_ in ("nsubj", "nsubj:pass", "obj") and head in self.subject_verbs:
            return not (root.dep_ == "nsubj:pass" and head in self.by_verbs)
        if root.dep_ == "nsubj" and any(
            (c.dep_ == "xcomp" and c.lemma_.lower() in self.subject_verbs)
            or (c.dep_ == "obj" and c.lemma_.lower() in DEAL_OBJECT_NOUNS)
            for c in root.head.children
        ):
            return True  # « X pourrait racheter Y », « X négocie le rachat de Y »
        cases = {c.lower_ for c in root.children if c.dep_ == "case"}
        if head in self.by_verbs and "par" in cases:
            return True
        if head in self.subject_verbs and cases & {"avec", "à"}:
            return True  # « signe avec X », « s'associe à X »
        s = min(span.start, root.i)
        return (
            s >= 2
            and doc[s - 1].lower_ in ("de", "d'", "d’")
            and (doc[s - 2].lower_ in ORG_OBJECT_NOUNS or doc[s - 2].lower_ == "auprès")
        )

    def _place_slot(self, doc: Doc, span: Span) -> bool:
        """« à Plouzané », « en Bretagne »: a place, unless the verb gives to someone
        (« attribué le marché à X », « s'associe à X »)."""
        s = span.start
        if s == 0 or doc[s - 1].lower_ not in self.place_preps:
            return False
        return _root(span).head.lemma_.lower() not in self.transfer_verbs

    def _product_context(self, doc: Doc, span: Span) -> bool:
        """« lance Nova », « Nova, un assistant de ... », « le modèle Mixtral »."""
        s, e = span.start, span.end
        if self._after_noun(doc, s, self.product_nouns):
            return True
        if (
            e + 2 < len(doc)
            and doc[e].text == ","
            and doc[e + 1].lower_ in ("un", "une")
            and doc[e + 2].lower_ in self.product_nouns
        ):
            return True
        root = _root(span)
        return root.dep_ in ("obj", "xcomp") and root.head.lemma_.lower() in self.launch_verbs

    def _common_word_at_start(self, tok: Any) -> bool:
        """A capitalised sentence opener that is a known verb, adverb or adjective."""
        return (
            tok.is_sent_start
            and tok.pos_ in ("VERB", "AUX", "ADV", "ADJ", "CCONJ", "SCONJ", "ADP", "PRON")
            and self.nlp.vocab.has_vector(tok.lower_)
            and tok.text not in self.forms
        )

    @staticmethod
    def _after_noun(doc: Doc, s: int, nouns: frozenset[str]) -> bool:
        """Is the name at ``s`` right after one of ``nouns`` (adjectives skipped)?"""
        i = s - 1
        while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
            i -= 1
        return i >= 0 and doc[i].lower_ in nouns

    @staticmethod
    def _rubric_label(doc: Doc, s: int, e: int) -> bool:
        """« Santé : Oxalys rachète... »: a short phrase opening a line before a colon,
        whose first word is never repeated in the article, is a section label."""
        if e - s > 3 or e >= len(doc) or doc[e].text != ":":
            return False
        if s > 0 and "\n" not in doc[s - 1].text and "\n" not in doc[s - 1].whitespace_:
            return False
        orth = doc[s].orth
        return sum(1 for t in doc if t.orth == orth) == 1

    def _lone_names_as_orgs(self, doc, people, person_names, orgs) -> list:
        """People whose only name in the article is one word, neither a first name nor
        after a civil title (« Kapsul lève... »), are companies: news articles introduce
        a person by full name first. They move to ``orgs``; the rest stay people."""
        kept = []
        name_words = {w for v in person_names.values() if " " in v for w in v.split()}
        for s, e, name in people:
            canonical = person_names[name]
            lone = len(canonical.split()) == 1 and canonical not in self.first_names
            lone = lone and canonical not in name_words
            titled = s >= 1 and doc[s - 1].text in TITLES
            if lone and not titled:
                orgs.append((s, e, canonical, "model"))
            else:
                kept.append((s, e, name))
        return kept

    def _write(self, doc, ents, orgs, people, products) -> None:
        # People: fullest name the article uses.
        person_names = canonical_people(name for _, _, name in people)
        person_keys = [set(name_key(v)) for v in set(person_names.values())]
        kept_orgs = []
        count = len(people)
        for s, e, name, source in orgs:
            # A model-only « ORG » that is part of a person's name (« Altman ») is that person.
            if source == "model" and any(set(name_key(name)) <= k for k in person_keys):
                people.append((s, e, name))
            else:
                kept_orgs.append((s, e, name, source))
        if len(people) != count:
            person_names = canonical_people(name for _, _, name in people)
        count = len(people)
        people = self._lone_names_as_orgs(doc, people, person_names, kept_orgs)
        if len(people) != count:
            person_names = canonical_people(name for _, _, name in people)
        # A known acronym whose expansion the article writes is named by the expansion.
        spelled = {
            name: doc[s:e].text
            for s, e, name, source in kept_orgs
            if source == "gazetteer" and spelled_out(name, doc[s:e].text)
        }
        kept_orgs = [(s, e, spelled.get(name, name), src) for s, e, name, src in kept_orgs]
        fixed = {name for _, _, name, source in kept_orgs if source == "gazetteer"}
        org_names = canonical_orgs([name for _, _, name, _ in kept_orgs], fixed=fixed)

        org_spans = [
            Span(doc, s, e, label="ORG", kb_id=org_names[name]) for s, e, name, _ in kept_orgs
        ]
        per_spans = [
            Span(doc, s, e, label="PER", kb_id=person_names[name]) for s, e, name in people
        ]
        prod_spans = [Span(doc, s, e, label="PRODUCT", kb_id=maker) for s, e, maker in products]
        doc.spans[ORGS_KEY] = sorted(org_spans, key=lambda x: x.start)
        doc.spans[PEOPLE_KEY] = sorted(per_spans, key=lambda x: x.start)
        doc.spans[PRODUCTS_KEY] = sorted(prod_spans, key=lambda x: x.start)
        if not self.overwrite_ents:
            return
        ours = filter_spans(org_spans + per_spans)
        occupied = set()
        for span in ours:
            occupied.update(range(span.start, span.end))
        others = [
            ent
            for ent in ents
            if ent.label_ not in ("ORG", "PER")
            and not occupied.intersection(range(ent.start, ent.end))
        ]
        doc.ents = sorted(filter_spans(ours + others), key=lambda x: x.start)

    # ------------------------------------------------------------------ serialisation

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        """Save the gazetteer actually in use (built-in rows plus the user's)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = ["\t".join(GAZETTEER_COLUMNS)]
        for row in self.rows:
            lines.append("\t".join(row[c].replace("\t", " ") for c in GAZETTEER_COLUMNS))
        (path / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> OrgsComponent:
        """Restore the gazetteer saved by :meth:`to_disk`."""
        path = ensure_path(path)
        self.set_gazetteer(load_table_file(path / "gazetteer.tsv"))
        return self

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"rows": self.rows})

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> OrgsComponent:
        self.set_gazetteer(srsly.msgpack_loads(data)["rows"])
        return self


@Language.factory(
    "aiextract_orgs",
    default_config={"gazetteer_path": None, "extend_gazetteer": True, "overwrite_ents": True},
)
def make_orgs(
    nlp: Language,
    name: str,
    *,
    gazetteer_path: str | None = None,
    extend_gazetteer: bool = True,
    overwrite_ents: bool = True,
) -> OrgsComponent:
    """Organisations, people and products with canonical names.

    ``gazetteer_path``: a TSV file of your own organisations/products (columns
    ``name, aliases, type, maker, category, flags``); ``extend_gazetteer``: add it to the
    built-in list (True) or use it instead (False); ``overwrite_ents``: update
    ``doc.ents`` so that its ORG/PER entities match the decisions made here.
    """
    return OrgsComponent(
        nlp,
        name,
        gazetteer_path=gazetteer_path,
        extend_gazetteer=extend_gazetteer,
        overwrite_ents=overwrite_ents,
    )
