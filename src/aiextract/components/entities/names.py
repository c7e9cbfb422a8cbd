"""Which names of an article are one organisation: acronyms and their expansions,
spelling and typography variants (pure functions on strings).

The orgs component already maps a short form to the fuller one (« Mistral » →
« Mistral AI »); this step adds what needs the whole article's names at once:

- an acronym and the name it abbreviates, wherever each is written (« CEA » and
  « Commissariat à l'énergie atomique »), when only one name of the article fits;
- variants of one name: case (« NEXORA »), accents, hyphens and spaces (« Bio-Sense »,
  « BioSense »), a group word or a legal form around it (« Groupe Altis », « Altis
  Group », « Altis SA »).

A subsidiary, a fund or a unit the text names keeps its own entity: « Altis Ventures »
and « Altis Bretagne » differ from « Altis » by a word, not by a variant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Words that do not make a name another organisation: group words and legal forms.
VARIANT_WORDS = frozenset(
    ["groupe", "group", "sa", "sas", "sasu", "se", "inc", "ltd", "corp", "corporation",
     "gmbh", "ag", "plc", "llc", "nv", "bv", "spa", "co"]
)  # fmt: skip
# Words an acronym does not take a letter from.
ACRONYM_SKIPPED = frozenset(
    ["de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "à", "a", "en", "of",
     "the", "and", "for", "sur", "au", "aux", "&"]
)  # fmt: skip
_SPLIT = re.compile(r"[\s\-'’.]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """The letters and digits of ``name`` without its group words and legal forms:
    « Groupe Altis », « ALTIS Group » and « Altis SA » give « altis »."""
    words = [w for w in _SPLIT.split(fold(name)) if w]
    kept = [w for w in words if w not in VARIANT_WORDS] or words
    return "".join(c for c in "".join(kept) if c.isalnum())


def is_acronym(name: str) -> bool:
    """« BMS », « ANR », « LVMH », « S.N.T.A. »: 2 to 6 capitals in one word (« CMA-CGM »
    is not one)."""
    if name.count(".") >= 2:
        name = name.replace(".", "")
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """The acronym a name gives, from its significant words (« Agence nationale de la
    recherche » → « ANR », « Bristol-Myers Squibb » → « BMS »)."""
    words = [w for w in _SPLIT.split(name) if w]
    letters = [fold(w)[0] for w in words if fold(w) not in ACRONYM_SKIPPED and w[0].isalpha()]
    return "".join(letters).upper()


def group_org_names(names: Sequence[str], fixed: Iterable[str] = ()) -> dict[str, str]:
    """Map each organisation name of an article to the name of its entity.

    Variants go to their fullest written form (the most words, then the first written);
    an acronym goes to the one multi-word name of the article whose initials it spells.
    ``fixed`` names (the gazetteer's canonical names) are never merged with each other.

    >>> group_org_names(["CEA", "Commissariat à l'énergie atomique"])["CEA"]
    "Commissariat à l'énergie atomique"
    """
    fixed = set(fixed)
    unique = list(dict.fromkeys(n for n in names if n))
    by_key: dict[str, list[str]] = {}
    for name in unique:
        by_key.setdefault(variant_key(name), []).append(name)
    out: dict[str, str] = {}
    for forms in by_key.values():
        if len([f for f in forms if f in fixed]) > 1:
            for form in forms:
                out[form] = form
            continue
        best = max(forms, key=lambda f: (f in fixed, len(_SPLIT.split(f.strip())), -forms.index(f)))
        for form in forms:
            out[form] = best
    expansions: dict[str, set[str]] = {}
    for name in set(out.values()):
        if len([w for w in _SPLIT.split(name) if fold(w) not in ACRONYM_SKIPPED]) >= 2:
            expansions.setdefault(initials(name), set()).add(name)
    for name in unique:
        if not is_acronym(name) or out[name] != name:
            continue
        fits = expansions.get(fold(name).replace(".", "").upper(), set()) - {name}
        if len(fits) == 1 and not (name in fixed and next(iter(fits)) in fixed):
            target = next(iter(fits))
            for form, entity in out.items():
                if entity == name:
                    out[form] = target
    return out


def fuller_name(cut: str, names: Iterable[str]) -> str | None:
    """The one other name of the article that ``cut`` begins, for a name the end of a
    truncated text cuts mid-word (« Bouygues T » → « Bouygues Telecom », « Hav » →
    « Havas »); None when no name, or several, begin with it.

    >>> fuller_name("Bouygues T", ["Bouygues Telecom", "Orange"])
    'Bouygues Telecom'
    """
    start = fold(cut)
    fits = {n for n in names if len(n) > len(cut) and fold(n).startswith(start)}
    return next(iter(fits)) if len(fits) == 1 else None
