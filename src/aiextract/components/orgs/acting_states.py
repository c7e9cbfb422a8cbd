"""States, governments and countries that act: organisations under the words the text uses.

The guidelines make a country an organisation when it acts (« vendu à l'Inde »,
« la France investit », « un accord entre le Maroc et la France ») and never when it
is a place (« une usine en France »); « l'État » and « le gouvernement » acting in a
deal are organisations too (``data/acting_states.tsv``). Country names are Babel's
French territory names, matched by their name key (case and accents aside).

Pure functions over a parsed ``Doc``; the orgs step calls :func:`find_acting_states`
before it reads the model's entities, so that a country kept here is not dropped as a
place later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
from babel import Locale
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from aiextract.components.orgs.token_index import TokenIndex, hash_array
from aiextract.lexicon import load_table
from aiextract.normalize.names import clean_name, name_key

ELISIONS = ("l'", "l’")
ARTICLES = ("la", "le", "les", *ELISIONS)
# A contracted article and the preposition it carries (« au Qatar » = « à le Qatar »).
CONTRACTED = {"au": "à", "aux": "à", "du": "de", "des": "de"}
SUBJECT_DEPS = ("nsubj",)


@dataclass(frozen=True)
class StateLexicon:
    """The words of ``data/acting_states.tsv`` and the countries' name keys."""

    state_words: frozenset[str]
    adjectives: frozenset[str]
    not_after: frozenset[str]
    with_words: frozenset[str]
    transfer_verbs: frozenset[str]
    countries: frozenset[tuple[str, ...]]
    country_words: frozenset[str]
    # The string hashes of ``country_words`` and ``state_words``, sorted, hashed once.
    country_orths: np.ndarray
    state_orths: np.ndarray


@cache
def state_lexicon() -> StateLexicon:
    """Read the table once per process."""
    kinds: dict[str, set[str]] = {}
    for row in load_table("acting_states.tsv"):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    skip = kinds.get("not_territory", set())
    territories = Locale("fr").territories
    countries = frozenset(
        name_key(name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in skip
    )
    country_words = frozenset(
        name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in skip and name.isalpha()
    )
    origins = {row["country"] for row in load_table("origin_adjectives.tsv")}
    transfer = {r["word"] for r in load_table("org_context.tsv") if r["kind"] == "transfer"}
    state_words = frozenset(kinds.get("state", ()))
    return StateLexicon(
        state_words=state_words,
        adjectives=frozenset(kinds.get("adjective", set()) | origins),
        not_after=frozenset(kinds.get("not_after", ())),
        with_words=frozenset(kinds.get("with", ())),
        transfer_verbs=frozenset(transfer),
        countries=frozenset(k for k in countries if k),
        country_words=country_words,
        country_orths=_orths(country_words),
        state_orths=_orths(state_words),
    )


def _orths(words: frozenset[str]) -> np.ndarray:
    """The string hashes of ``words`` as a sorted array, for ``TokenIndex.positions``."""
    return hash_array(get_string_id(w) for w in words)


def _preposition(doc: Doc, start: int) -> tuple[str | None, str]:
    """(article, preposition) written before a name at ``start``: « à l'Inde » gives
    ("l'", "à"), « au Qatar » ("au", "à"), « la France » ("la", ""); no article gives None."""
    if start == 0:
        return None, ""
    before = doc[start - 1].lower_
    if before in CONTRACTED:
        after_aupres = start >= 2 and doc[start - 2].lower_ == "auprès"
        return before, "auprès" if after_aupres and before in ("du", "des") else CONTRACTED[before]
    if before not in ARTICLES:
        return None, ""
    prep = doc[start - 2].lower_ if start >= 2 else ""
    if prep in ("de", "d'", "d’") and start >= 3 and doc[start - 3].lower_ == "auprès":
        prep = "auprès"
    return before, prep


def _head_verb(token: Token) -> Token:
    """The word governing a name, through the conjuncts of a list (« à l'Inde, au Qatar »)."""
    while token.dep_ in ("conj", "nmod") and token.head.i < token.i and token.head != token:
        if token.dep_ == "nmod" and token.head.pos_ != "PROPN":
            break
        token = token.head
    return token.head


def country_acts(span: Span, lexicon: StateLexicon) -> bool:
    """Is the country ``span`` the one that acts: subject, agent, counterpart
    (« avec l'Inde », « entre le Maroc et la France ») or recipient of a transfer
    (« vendu à l'Égypte, au Qatar »)? « en France », « au Brésil » alone are places."""
    doc = span.doc
    article, prep = _preposition(doc, span.start)
    if span.end < len(doc) and doc[span.end].is_title and not doc[span.end].is_sent_start:
        return False  # « le Suisse Stefan Bollinger »: a nationality before a person
    root = span.root
    if article is None:
        return root.dep_ in SUBJECT_DEPS and root.ent_type_ == "LOC" and span.start > 0
    if prep == "" and root.dep_ in SUBJECT_DEPS:
        return True
    if prep in lexicon.with_words:
        return True
    if prep == "à":
        head = _head_verb(root)
        return head.lemma_.lower() in lexicon.transfer_verbs and not _listed_with_a_place(root)
    return False


def _listed_with_a_place(token: Token) -> bool:
    """Is ``token`` listed after a name written as a place (« ses filiales en Sierra Leone
    et au Burkina Faso »: « au » is then « in », not the transfer's « to »)?"""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
        if any(c.dep_ == "case" and c.lower_ == "en" for c in token.children):
            return True
    return False


def state_name(doc: Doc, start: int, lexicon: StateLexicon) -> tuple[int, int] | None:
    """The span of « l'État », « l'Etat français », « le gouvernement indien » at
    ``start`` when it names the State acting, else None (« secrétaire d'État »,
    « chef du gouvernement », « prêt garanti par l'État », « dans l'État de … »)."""
    token = doc[start]
    if token.text not in lexicon.state_words or start == 0:
        return None
    before = doc[start - 1].lower_
    articles = ("le", "du", "au") if token.lower_.startswith("gouv") else ELISIONS
    if before not in articles:
        return None  # « d'État », « un État », « état » (a condition)
    if before == "du":
        owner = doc[start - 2].lower_ if start >= 2 else ""
    else:
        link = doc[start - 2].lower_ if start >= 2 else ""
        if link in lexicon.not_after:
            return None
        owner = doc[start - 3].lower_ if start >= 3 and link in ("de", "d'", "d’", "par") else ""
    if owner in lexicon.not_after:
        return None
    end = start + 1
    if end < len(doc) and doc[end].lower_ in lexicon.adjectives:
        end += 1
    return start, end


def find_acting_states(
    doc: Doc,
    free: Callable[[int, int], bool],
    lexicon: StateLexicon | None = None,
    by_orth: TokenIndex | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, name) of every State, government or country that acts in ``doc``,
    among the tokens ``free`` leaves; a country listed with one that acts acts too.
    ``by_orth``: the doc's ORTH column as a ``TokenIndex``, when the caller has it."""
    lexicon = lexicon or state_lexicon()
    if by_orth is None:
        orths = doc.to_array(ORTH) if len(doc) else np.zeros(0, dtype="uint64")
        by_orth = TokenIndex(orths)
    found: dict[int, tuple[int, int, str]] = {}
    countries: list[Span] = []
    ents = doc.ents  # a new tuple of spans at each read: read once
    for ent in ents:
        if ent.label_ not in ("LOC", "ORG", "MISC"):
            continue
        if len(ent) > 1 and (ent[0].lower_ in ARTICLES or ent[0].lower_ in CONTRACTED):
            ent = doc[ent.start + 1 : ent.end]  # « La France », « du Japon »
        if free(ent.start, ent.end):
            text = clean_name(ent.text)
            if text and name_key(text) in lexicon.countries:
                countries.append(ent)
    # Countries the recogniser left untagged (« entre le Maroc et la France »), when they
    # stand alone: not inside a longer name (« Air France », « France Travail »).
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    for i in by_orth.positions(lexicon.country_orths):
        if i in tagged or not free(i, i + 1):
            continue
        before = doc[i - 1] if i > 0 else None
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.is_title or after.like_num):
            continue
        if before is not None and before.is_title and not before.is_sent_start:
            continue
        countries.append(doc[i : i + 1])
    for span in countries:
        if country_acts(span, lexicon):
            found[span.root.i] = (span.start, span.end, clean_name(span.text))
    # Lists: « à l'Égypte, au Qatar, à l'Inde » and « entre le Maroc et la France ».
    changed = True
    while changed:
        changed = False
        for span in countries:
            root = span.root
            if root.i in found:
                continue
            linked = (root.head.i in found and root.dep_ == "conj") or any(
                child.i in found for child in root.children if child.dep_ == "conj"
            )
            if linked and _preposition(doc, span.start)[0] is not None:
                found[root.i] = (span.start, span.end, clean_name(span.text))
                changed = True
    states = []
    for i in by_orth.positions(lexicon.state_orths):
        bounds = state_name(doc, i, lexicon)
        if bounds is not None and free(*bounds):
            states.append(bounds)
    # One State per word: « l'État » after « l'Etat français » is the same organisation,
    # named by the fullest form the article writes when it writes only one.
    fullest: dict[str, set[str]] = {}
    for s, e in states:
        fullest.setdefault(name_key(doc[s].text)[0], set()).add(doc[s:e].text)
    for s, e in states:
        forms = {f for f in fullest[name_key(doc[s].text)[0]] if " " in f}
        name = forms.pop() if len(forms) == 1 and e - s == 1 else doc[s:e].text
        found[s] = (s, e, name)
    return sorted(found.values())
