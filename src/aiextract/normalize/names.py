"""Pure helpers for organisation and person names: cleaning, keys, canonical forms.

No spaCy here: these functions take and return strings, so they are easy to test and
to reuse. The component :mod:`aiextract.components.orgs` calls them on the text of the
mentions it keeps.

- :func:`clean_name` strips what is not part of a name: elisions (« d'OpenAI »), civil
  titles (« M. Altman »), surrounding quotes and final punctuation.
- :func:`name_key` gives a comparison key: lower case, no accents, no punctuation.
- :func:`split_glued` repairs two words glued by a lost line break (« MicrosoftLes »).
- :func:`canonical_people` and :func:`canonical_orgs` map every mention of an article
  to the fullest name the article uses for the same entity (« Altman » → « Sam Altman »,
  « Mistral » → « Mistral AI »).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable
from functools import lru_cache

from aiextract.lexicon import load_table


def _words(text: str) -> frozenset[str]:
    """A set of words written as one readable block."""
    return frozenset(text.split())


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

_ELISION = re.compile(
    r"""^(?:
        [dDlLjJnNsScCmMtT]          # d' l' j' n' s' c' m' t'
      | [qQ]u | [jJ]usqu | [lL]orsqu | [pP]uisqu | [qQ]uoiqu
    )['’ʼ‘]""",
    re.VERBOSE,
)

_TITLE = re.compile(
    r"""^(?:
        M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|Me|Sir|Dame|Lord
      | Monsieur|Madame|Mademoiselle|Docteur|Professeur|Maître
    )\s+""",
    re.VERBOSE,
)

_DETERMINER = re.compile(r"^(?:le|la|les|du|des|de\s+la|un|une)\s+(?=\S)")

# Legal forms whose final dot belongs to the name.
_DOTTED_SUFFIX = re.compile(r"(?:\b(?:Inc|Ltd|Co|Corp|Cie|Bros|Jr|Sr)|\b[A-Z]\.[A-Z])\.$")

_QUOTES = "\"'«»“”„‘’ \u00a0\u202f\t"
_TRAILING = ".,;:!?)]}-–—/"

# Words that often follow a name glued to it by a lost line break (« MicrosoftLes »).
GLUE_WORDS = _words(
    """Le La Les L Un Une Des Du De Ce Cette Ces Cet Il Elle Ils Elles On Nous Vous En Dans
    Pour Par Sur Avec Sans Selon Et Mais Ou Donc Or Ni Car Au Aux Si Lors Alors Depuis Apres
    Après Avant Pendant Comme Quand Que Qui Son Sa Ses Leur Leurs Notre Voici Voila Voilà
    The And"""
)
_GLUED = re.compile(r"^(.*?[a-z0-9])([A-ZÀ-Ý][a-zà-ÿ]*)$")
_GLUED_ELISION = re.compile(r"^[dlDL](?=[A-Z])(.+)$")

PARTICLES = _words("""de du des d' d’ la le van von der den da di dos del ben bin ibn al el y""")


def normalize_spaces(text: str) -> str:
    """Collapse whitespace (non-breaking and narrow spaces included) to single spaces."""
    return " ".join(text.split())


def strip_elision(text: str) -> str:
    """« d'OpenAI » → « OpenAI », « l’Oréal » stays « l’Oréal » only if asked not to.

    Removes one leading elided article or preposition, with ' or ’.
    """
    return _ELISION.sub("", text, count=1)


def strip_title(text: str) -> str:
    """« M. Altman » → « Altman », « Mme Dupont » → « Dupont »."""
    return _TITLE.sub("", text, count=1)


@lru_cache(maxsize=65536)
def clean_name(text: str, *, person: bool = False) -> str:
    """The name inside a mention: no elision, title, determiner, quotes or end punctuation.

    >>> clean_name("d’OpenAI")
    'OpenAI'
    >>> clean_name("M. Altman", person=True)
    'Altman'
    """
    name = normalize_spaces(text).strip(_QUOTES)
    name = strip_elision(name)
    name = _DETERMINER.sub("", name, count=1)
    if person:
        name = strip_title(name)
    while name and name[-1] in _TRAILING:
        if name[-1] == "." and _DOTTED_SUFFIX.search(name):
            break
        name = name[:-1].rstrip()
    while name and name[0] in "([{-–—/":
        name = name[1:].lstrip()
    return name.strip(_QUOTES)


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """Comparison key: words lower-cased, without accents or punctuation.

    >>> name_key("L’Oréal S.A.")
    ('l', 'oreal', 's', 'a')
    """
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return tuple(w for w in _NON_WORD.split(text) if w)


def is_handle(text: str) -> bool:
    """A social-media handle (« @ilyasut »), never a person."""
    return text.lstrip().startswith("@")


def split_glued(word: str, known: Container[str] | Callable[[str], bool]) -> str | None:
    """Repair a name glued to the next word: « MicrosoftLes » → « Microsoft ».

    Only when the tail is a common French (or English) function word and the head is
    ``known`` (a container of names, or a predicate). Returns ``None`` otherwise.
    """
    match = _GLUED.match(word)
    if not match or match.group(2) not in GLUE_WORDS:
        return None
    head = match.group(1)
    ok = known(head) if callable(known) else head in known
    return head if ok else None


def split_glued_elision(word: str, known: Container[str] | Callable[[str], bool]) -> str | None:
    """Repair an elision whose apostrophe was lost: « dOpenAI » → « OpenAI » (if known)."""
    match = _GLUED_ELISION.match(word)
    if not match:
        return None
    rest = match.group(1)
    ok = known(rest) if callable(known) else rest in known
    return rest if ok else None


def fix_person_case(name: str) -> str:
    """« ELON MUSK » → « Elon Musk »; names with normal case are left alone."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return name
    words = []
    for word in name.split(" "):
        parts = re.split(r"([-'’])", word)
        words.append("".join(p.capitalize() if p.isalpha() else p for p in parts))
    return " ".join(words)


def _core_words(name: str) -> list[str]:
    """Name words without particles (« de », « van »), for surname/first-name lookups."""
    return [w for w in name.split() if w.lower() not in PARTICLES]


def canonical_people(names: Iterable[str]) -> dict[str, str]:
    """Map each person mention (already cleaned) to the fullest name the article uses.

    « Sam Altman », « Altman », « Sam » → « Sam Altman » (a single word maps to the one
    full name whose last word, or failing that first word, it is; ambiguous ones stay).

    >>> canonical_people(["Sam Altman", "Altman", "Sam"])["Sam"]
    'Sam Altman'
    """
    unique = list(dict.fromkeys(n for n in names if n))
    fixed = {n: fix_person_case(n) for n in unique}
    by_key: dict[tuple[str, ...], str] = {}
    for n in sorted(set(fixed.values()), key=lambda s: (-len(s.split()), -len(s), s)):
        by_key.setdefault(name_key(n), n)
    full = [n for n in by_key.values() if len(_core_words(n)) >= 2]

    def longest(cands: list[str]) -> str | None:
        if not cands:
            return None
        cands = sorted(set(cands), key=lambda s: (-len(s.split()), -len(s), s))
        # All candidates must be variants of the longest one (« Sam Altman » and
        # « Samuel H. Altman » are not merged; two distinct people stay apart).
        top = set(name_key(cands[0]))
        if all(set(name_key(c)) <= top for c in cands):
            return cands[0]
        return None

    out: dict[str, str] = {}
    for original in unique:
        name = fixed[original]
        key = name_key(name)
        words = set(key)
        # Longer names that contain all of this one's words (« Elon Musk » ⊂ « Elon R. Musk »).
        supers = [f for f in full if f != name and words < set(name_key(f))]
        target = None
        if len(key) == 1 and supers:
            w = key[0]
            last = [f for f in supers if name_key(_core_words(f)[-1])[-1:] == (w,)]
            first = [f for f in supers if name_key(_core_words(f)[0])[:1] == (w,)]
            target = longest(last) or (None if last else longest(first))
        elif len(key) > 1 and supers:
            target = longest(supers)
        out[original] = target or by_key.get(key, name)
    return out


@lru_cache(maxsize=1)
def _subsidiary_words() -> frozenset[str]:
    return frozenset(w for row in load_table("subsidiary_words.tsv") for w in name_key(row["word"]))


def _subsidiary(extra: tuple[str, ...]) -> bool:
    """The words added to a name make another organisation (« Bretagne » in « Valorem
    Bretagne », « Business » in « Orange Business »)."""
    return bool(extra) and all(word in _subsidiary_words() for word in extra)


def spelled_out(acronym: str, written: str) -> bool:
    """``written`` spells out ``acronym`` rather than holding it (GUIDELINES: an acronym
    and the name it abbreviates are one organisation, named by the expansion where the
    article writes it).

    >>> spelled_out("PIF", "Public Investment Fund"), spelled_out("BPCE", "Groupe BPCE")
    (True, False)
    """
    if not (2 <= len(acronym) <= 8 and acronym.replace("&", "").isupper()):
        return False
    words = name_key(written)
    return len(words) >= 2 and name_key(acronym)[0] not in words


def fuller_form(name: str, written: str) -> bool:
    """``written`` is a fuller form of the known ``name``: all its words and more
    (GUIDELINES: the fullest name the article uses names the organisation).

    >>> fuller_form("PSA", "PSA Peugeot Citroën"), fuller_form("PSA", "psa")
    (True, False)
    """
    short, full = name_key(name), name_key(written)
    return len(full) > len(short) > 0 and set(short) <= set(full)


def names_in_article(known: Iterable[tuple[str, str]], text: str = "") -> dict[str, str]:
    """The name each known organisation goes by in one article, from its (gazetteer
    name, written form) mentions: an acronym's expansion (``spelled_out``), else the
    fullest form holding all its words (``fuller_form``), else, when the article
    (``text``, in any case) never writes the gazetteer's name, the fullest form it does
    write (« Open AI », « la BCE »); names written as the gazetteer writes them are left out.

    >>> names_in_article([("PSA", "PSA"), ("PSA", "PSA Peugeot Citroën")])
    {'PSA': 'PSA Peugeot Citroën'}
    >>> names_in_article([("OpenAI", "Open AI"), ("Nvidia", "NVIDIA"), ("Meta", "Meta")])
    {'OpenAI': 'Open AI'}
    >>> names_in_article([("La Poste", "Poste")], text="Enfin, la Poste recrute.")
    {}
    """
    expansions: dict[str, str] = {}
    fuller: dict[str, str] = {}
    other_forms: dict[str, str] = {}
    written_as_known: set[str] = set()
    for name, written in known:
        key = name_key(written)
        if key == name_key(name):
            written_as_known.add(name)
        elif len(key) > len(name_key(other_forms.get(name, ""))):
            other_forms[name] = written
        if spelled_out(name, written):
            expansions[name] = written
        elif fuller_form(name, written) and len(key) > len(name_key(fuller.get(name, ""))):
            fuller[name] = written
    if other_forms and text:
        words = f" {' '.join(name_key(text))} "
        written_as_known.update(n for n in other_forms if f" {' '.join(name_key(n))} " in words)
    as_written = {n: w for n, w in other_forms.items() if n not in written_as_known}
    return {**as_written, **fuller, **expansions}


def _joined_start(words: tuple[str, ...], word: str) -> bool:
    """``word`` writes the first words of a longer name without their hyphen or space
    (« BioSense » for « Bio-Sense Diagnostics »), and what follows is no subsidiary's."""
    for k in range(2, len(words)):
        if "".join(words[:k]) == word:
            return not _subsidiary(words[k:])
    return False


def canonical_orgs(names: Iterable[str], fixed: Container[str] = ()) -> dict[str, str]:
    """Map each organisation mention to the fullest form the article uses.

    A name whose words start or end a longer name maps to it (« Mistral » →
    « Mistral AI », « BioSense » → « Bio-Sense Diagnostics ») when that longer name is
    the only candidate. Names in ``fixed``
    (canonical names from the gazetteer) are never rewritten, nor used as targets for
    other names, so known distinct companies stay distinct.
    """
    unique = list(dict.fromkeys(n for n in names if n))
    by_key: dict[tuple[str, ...], str] = {}
    # Preferred written form: the gazetteer's, then mixed case over all capitals (« OpenAI »
    # over « OPENAI » in a title), then the one with most capitals (« xAI » over « Xai »).
    order = sorted(
        unique, key=lambda s: (s not in fixed, s.isupper(), -sum(c.isupper() for c in s), s)
    )
    for n in order:
        by_key.setdefault(name_key(n), n)
    forms = list(by_key.values())
    out: dict[str, str] = {}
    for name in unique:
        key = name_key(name)
        if name in fixed or not key:
            out[name] = name
            continue
        supers = [
            f
            for f in forms
            if f not in fixed
            and len(name_key(f)) > len(key)
            and (
                (name_key(f)[: len(key)] == key and not _subsidiary(name_key(f)[len(key) :]))
                or name_key(f)[-len(key) :] == key
                or (len(key) == 1 and _joined_start(name_key(f), key[0]))
            )
        ]
        tops = {name_key(f) for f in supers}
        if len(tops) == 1:
            out[name] = supers[0]
        else:
            out[name] = by_key[key]
    return out
