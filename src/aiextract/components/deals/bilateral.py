"""Bilateral alliances told together: one partnership per pair.

« Kelvia a noué des partenariats avec Quibix et Lumeo », « Quibix et Lumeo, les deux
alliés de Kelvia », « les accords passés par Kelvia avec Quibix et Lumeo »: a plural
alliance noun (``data/deal_cues.tsv`` key ``bilateral``) tells several alliances of one
company, each with one company of a list. A partnership read there with all of them
becomes one partnership per listed company, with the one company left out of the list
(GUIDELINES, « Deals told in passing »: several bilateral alliances told together give
one partnership per pair). An alliance of all of them together stays one deal: no
plural alliance noun (« Kelvia collabore avec Quibix et Lumeo sur un campus », « A, B
et C s'allient »), a noun that gathers them (« parmi ses partenaires », « entre A, B et
C »: key ``together``), a list that is the subject (« A et B ont noué des partenariats
avec C »), a list far from the noun in the parse, a named alliance, or more than one
company left out of the list.

Pure functions over a parsed ``Doc`` and the deal dicts of the schema.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from aiextract.components.deals.listed_rounds import deal_mentions, listed_runs, replace_split
from aiextract.components.deals.role_tables import cue_words

# Words that end a list of names (« A et B, les alliés de C », « A, qui détient B »).
_NOT_IN_LIST = frozenset(["VERB", "AUX", "ADP", "PRON"])
# Arcs from the alliance noun to the list, at most (« des partenariats avec des géants
# comme A »: 2).
_MAX_DISTANCE = 5


def split_bilateral(doc: Doc, deals: list[dict]) -> list[dict]:
    """``deals`` with each partnership of several alliances told together replaced by
    one partnership per pair, in list order; a pair already told is not told twice."""
    return replace_split(deals, "partnership", lambda deal: _pairs(doc, deal), _same_pair)


def _same_pair(new: dict, old: dict) -> bool:
    """Does a partnership already tell the pair (its two names, with or without others)?"""
    names = {p["name"] for p in old.get("parties") or []}
    return {p["name"] for p in new["parties"]} <= names and len(names) == 2


def _pairs(doc: Doc, deal: dict) -> list[dict] | None:
    parties = deal.get("parties") or []
    if len(parties) < 3 or deal.get("name") or "start" not in deal:
        return None
    span = doc.char_span(deal["start"], deal["end"], alignment_mode="expand")
    if span is None:
        return None
    nouns = [token for token in span if token.lower_ in cue_words("bilateral")]
    if not nouns or any(_gathers(noun) for noun in nouns):
        return None
    names = [p["name"] for p in parties]
    for run in _strict_runs(deal_mentions(span, set(names))):
        if any(_gathers(mention.root) for _, mention in run):
            return None  # « entre A, B et C »
        if _in_subject(run[0][1].root):
            continue  # « A et B signent des accords avec C »: the list acts together
        if not any(_tree_distance(noun, run[0][1].root) <= _MAX_DISTANCE for noun in nouns):
            continue  # the alliance noun tells of other companies
        listed = list(dict.fromkeys(name for name, _ in run))
        hub = [name for name in names if name not in listed]
        if len(listed) >= 2 and len(hub) == 1:
            pair = [{"name": hub[0], "role": "partner"}]
            return [
                {**deal, "amount": None, "parties": [*pair, {"name": name, "role": "partner"}]}
                for name in listed
            ]
    return None


def _gathers(token: Token) -> bool:
    """Is ``token`` introduced by a word that gathers partners (« parmi ses partenaires »,
    « entre A, B et C »)?"""
    return any(child.lower_ in cue_words("together") for child in token.children)


def _in_subject(token: Token) -> bool:
    """Is ``token`` the subject of its verb, or inside it (« Les groupes A et B ont
    signé »: A hangs on « groupes », the subject)?"""
    while not token.dep_.startswith("nsubj"):
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            return False
        token = token.head
    return True


def _tree_distance(a: Token, b: Token) -> int:
    """Arcs between two tokens of a sentence through their lowest common head (a large
    number when they are in two sentences)."""
    up = {a.i: 0}
    for steps, head in enumerate(a.ancestors, start=1):
        up[head.i] = steps
    if b.i in up:
        return up[b.i]
    for steps, head in enumerate(b.ancestors, start=1):
        if head.i in up:
            return steps + up[head.i]
    return 1000


def _strict_runs(mentions: list[tuple[str, Span]]) -> list[list[tuple[str, Span]]]:
    """Runs of listed names, cut where a verb, a preposition or an alliance noun stands
    between two of them (« Nissan et Mitsubishi, les deux alliés de Renault »: Renault
    is not in the list)."""
    runs: list[list[tuple[str, Span]]] = []
    for run in listed_runs(mentions):
        runs.append(run[:1])
        for before, after in pairwise(run):
            between = before[1].doc[before[1].end : after[1].start]
            if any(t.pos_ in _NOT_IN_LIST or t.lower_ in cue_words("bilateral") for t in between):
                runs.append([after])
            else:
                runs[-1].append(after)
    return runs
