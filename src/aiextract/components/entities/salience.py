"""Which entities are sources of the news, and which one the article is about.

- A **source** is an organisation cited as the origin of a piece of news: « selon Les
  Échos », « d'après Reuters », « Bloomberg rapporte que », « …, rapporte Kelvia », a
  credit (« Photo : Maxppp ») or a dateline (« PARIS (AFP) - »). An organisation is a
  source when every one of its mentions cites it, or when it is a medium (a media name of
  the gazetteer, or one introduced as « le quotidien X ») cited at least once. Sources stay
  organisations but are never a deal's party nor the antecedent of a reference.
- The **focus** is the entity the article is about: the one mentioned most often (names
  and resolved references), a mention in the title or lead counting one more; none when
  two are level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from aiextract.components.columns import Columns
from aiextract.components.columns import normalise as _norm
from aiextract.lexicon import load_table


class Name(NamedTuple):
    """A name mention: tokens ``start``..``end``, its entity's ``name``, ``kind``
    (« org » or « person »)."""

    start: int
    end: int
    root: int
    name: str
    kind: str


@cache
def source_cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cues of ``data/source_cues.tsv`` by position, as the tokenizer cuts them."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in load_table("source_cues.tsv"):
        words = tuple(_norm(row["cue"]).replace("'", "' ").split())
        out.setdefault(row["position"], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _cues_by_word(position: str, last: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cues of a position indexed by their last (or first) word: one dict lookup
    finds the few worth comparing."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in source_cues().get(position, ()):
        out.setdefault(cue[-1] if last else cue[0], []).append(cue)
    return {k: tuple(v) for k, v in out.items()}


def _cue_ends_at(lows: Sequence[str], end: int, position: str) -> bool:
    """Does a cue of ``position`` end right before token ``end``?"""
    return _cue_start(lows, end, position) is not None


def _cue_start(lows: Sequence[str], end: int, position: str) -> int | None:
    """Where a cue of ``position`` ending right before token ``end`` starts, if one does."""
    if end <= 0:
        return None
    for cue in _cues_by_word(position, True).get(lows[end - 1], ()):
        if _ends_with(lows, end, cue):
            return end - len(cue)
    return None


def _cue_starts_at(lows: Sequence[str], start: int, position: str) -> bool:
    """Does a cue of ``position`` start at token ``start``?"""
    if start >= len(lows):
        return False
    return any(
        tuple(lows[start : start + len(c)]) == c
        for c in _cues_by_word(position, False).get(lows[start], ())
    )


def cue_right_before(lows: Sequence[str], end: int) -> bool:
    """Does a source cue end right before token ``end`` (« selon », « comme l'a
    révélé »), a determiner skipped? ``lows``: lower-case words, apostrophes as '."""
    while end > 0 and lows[end - 1] in ("le", "la", "les", "l'"):
        end -= 1
    return any(_cue_ends_at(lows, end, position) for position in ("before", "after", "press"))


DASHES = frozenset(["-", "–", "—"])
MEDIA_NOUNS = frozenset(
    ["journal", "quotidien", "hebdomadaire", "magazine", "média", "site", "agence", "chaîne"]
)


def _ends_with(lows: Sequence[str], end: int, cue: tuple[str, ...]) -> bool:
    return end >= len(cue) and tuple(lows[end - len(cue) : end]) == cue


def cited(name: Name, cols: Columns) -> str:
    """How a mention cites its organisation: « before » (« selon X »), « after »
    (« X rapporte », « rapporte X »), « credit » (« Photo : X », « (AFP) »), or ''."""
    lows = cols.low
    start = name.start
    # skip a determiner and a media noun: « selon le quotidien X »
    j = start
    while j > 0 and (cols.pos[j - 1] == "DET" or lows[j - 1] in MEDIA_NOUNS):
        j -= 1
    if _cue_ends_at(lows, j, "before"):
        return "before"
    # « selon les analystes de X », « d'après les données de X »: a phrase between
    k = j
    while (
        k > 0
        and start - k < 6
        and (
            cols.pos[k - 1] == "DET"
            or lows[k - 1] in ("de", "d'", "du", "des")
            or (cols.is_lower[k - 1] and cols.pos[k - 1] in ("NOUN", "ADJ"))
        )
    ):
        k -= 1
        if _cue_ends_at(lows, k, "before"):
            return "before"
    if j >= 2 and lows[j - 1] == "avec" and lows[j - 2] == "(":
        return "credit"  # « (avec AFP) »
    k = j
    while k > 0 and lows[k - 1] in (":", "/", "-"):
        k -= 1
    if _cue_ends_at(lows, k, "credit"):
        return "credit"
    if _cue_starts_at(lows, name.end, "after") or _cue_starts_at(lows, name.end, "press"):
        return "after"  # « Reuters rapporte que »
    press_at = _cue_start(lows, j, "press")
    if press_at is not None:
        # « …, rapporte Kelvia »: the inverted verb of the press names the source
        return "press" if press_at > 0 and lows[press_at - 1] == "," else "after"
    if _cue_ends_at(lows, j, "after"):
        return "after"  # « rapporte Reuters », « comme l'a révélé X »
    if start > 0 and name.end < len(lows) and lows[start - 1] == "(" and lows[name.end] == ")":
        return "credit"  # « (AFP) », « PARIS (Reuters) - »
    after = name.end + (name.end < len(lows) and lows[name.end] in ("]", ")"))
    if after < len(lows) and lows[after] in DASHES:
        # a dateline: at most three words between the line's start and the name, then
        # a dash (« INFO LE FIGARO – », « PARIS, AFP - »)
        k = j
        while k > 0 and j - k <= 3 and "\n" not in cols.doc[k - 1].text_with_ws:
            k -= 1
        if k == 0 or "\n" in cols.doc[k - 1].text_with_ws:
            return "credit"
    return ""


def sources(
    names: Sequence[Name], cols: Columns, categories: Mapping[str, str] | None = None
) -> set[str]:
    """The organisations cited as sources (see the module's docstring)."""
    by_name: dict[str, list[str]] = {}
    for name in names:
        if name.kind == "org":
            by_name.setdefault(name.name, []).append(cited(name, cols))
    out = set()
    categories = categories or {}
    for org, ways in by_name.items():
        if all(w in ("before", "credit", "press") for w in ways) or (
            any(ways)
            and (categories.get(org) == "media" or _introduced_as_medium(org, names, cols))
        ):
            out.add(org)
    return out


def _introduced_as_medium(org: str, names: Sequence[Name], cols: Columns) -> bool:
    """« le quotidien X », « le magazine X »: a media noun right before a mention."""
    for name in names:
        if name.name == org:
            j = name.start - 1
            while j >= 0 and cols.pos[j] == "ADJ":
                j -= 1
            if j >= 0 and cols.lemma[j] in MEDIA_NOUNS:
                return True
    return False


def article_focus(
    mentions: Sequence[tuple[str, int]], sources: set[str], lead_end: int
) -> str | None:
    """The entity the article is about, from all its mentions (names and resolved
    references, as ``(entity, token)``): the most mentioned, a mention in the title or
    lead (before token ``lead_end``) counting one more; None when two are level or
    none is mentioned twice."""
    counts: dict[str, int] = {}
    lead: set[str] = set()
    for entity, token in mentions:
        if entity in sources:
            continue
        counts[entity] = counts.get(entity, 0) + 1
        if token < lead_end:
            lead.add(entity)
    scores = sorted(((n + (e in lead), n, e) for e, n in counts.items()), reverse=True)
    if not scores or scores[0][1] < 2:
        return None
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None
    return scores[0][2]
