"""References to an article's organisations and people, resolved only when clear.

A reference is a word or a phrase that stands for an entity named elsewhere:

- a **description**: a definite or demonstrative noun phrase on a company noun of
  ``data/reference_nouns.tsv`` (« la jeune pousse », « cette fintech », « le groupe
  texan »), or an epithet of ``data/deal_references.tsv`` (« le géant de Redmond »);
- a **pronoun**: « il », « elle » as a subject, « ce dernier », « cette dernière »;
- a **relative**: « qui », « dont », « lequel » after a name or a description;
- a **possessive**: « son », « sa », « ses », « leur(s) » before a noun;
- a **pair**: « les deux groupes », « les deux entreprises », and « leur » after one.

The antecedent is looked for in the sentence, then in the one or two sentences before,
then (for a description that is a subject) in the article's focus. A candidate must
agree: a pronoun's gender with the noun the company was introduced with, a
description's class with the company's (« la banque » is no start-up), and neither may
be a source of the news nor a co-argument of the reference's own verb (« X a racheté la
start-up »: the start-up is not X). When two candidates fit equally the reference
stays unresolved: a wrong party is worse than a missing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from aiextract.components.columns import Columns
from aiextract.components.entities.article import (
    DEMONSTRATIVE_HEADS,
    DETERMINERS,
    PAIR_WORDS,
    PERSONAL,
    PLURAL_PERSONAL,
    POSSESSIVES,
    RELATIVES,
    START_UP,
    SUBJECT_DEPS,
    Article,
    epithets,
    noun_classes,
    origin_of,
)


@dataclass
class Reference:
    """A reference at tokens ``start``..``end`` with its head word, its ``kind``
    (description, pronoun, relative, possessive, pair, epithet, apposition) and the
    names of the entities it stands for (empty when unresolved)."""

    start: int
    end: int
    head: int
    kind: str
    names: tuple[str, ...] = ()
    inside: tuple[str, ...] = ()  # names in the phrase's complements (« le rival de X »)
    rule: str = ""  # which rule resolved it
    origins: frozenset[str] | None = None  # its adjectives of origin, read once

    def origins_in(self, cols: Columns) -> frozenset[str]:
        """The adjectives of origin of the reference's words (« chinois »...)."""
        if self.origins is None:
            self.origins = frozenset(origin_of(cols, j) for j in range(self.start, self.end)) - {""}
        return self.origins


# ------------------------------------------------------------------ finding


def find_references(art: Article) -> list[Reference]:
    """Every reference candidate of the article, in text order (not yet resolved)."""
    cols = art.cols
    out: list[Reference] = []
    n = len(cols.low)
    taken: set[int] = set()
    epithet_words = {e.split()[0] for e, _ in epithets()}
    words = _reference_words() | epithet_words
    nouns = noun_classes()
    lemmas = cols.lemma
    for i in range(n):
        low = cols.low[i]
        if (low not in words and lemmas[i] not in nouns) or i in art.by_token or i in taken:
            continue
        pos = cols.pos[i]
        if low in RELATIVES and pos == "PRON":
            out.append(Reference(i, i + 1, i, "relative"))
        elif low in PERSONAL and pos == "PRON" and cols.dep[i] in (*SUBJECT_DEPS, "expl:subj"):
            if not _impersonal(cols, i):
                out.append(Reference(i, i + 1, i, "pronoun"))
        elif low in PLURAL_PERSONAL and pos == "PRON" and cols.dep[i] in SUBJECT_DEPS:
            out.append(Reference(i, i + 1, i, "plural"))
        elif (
            low in DEMONSTRATIVE_HEADS
            and i > 0
            and cols.low[i - 1] in ("ce", "cette")
            and (i + 1 >= n or not cols.is_lower[i + 1] or cols.pos[i + 1] != "NOUN")
        ):
            out.append(Reference(i - 1, i + 1, i, "pronoun"))
        elif low in POSSESSIVES and pos == "DET":
            out.append(Reference(i, i + 1, i, "possessive"))
        elif low in epithet_words and cols.is_lower[i]:
            phrase = " ".join(cols.low[i : i + 6]).replace("' ", "'")
            hit = next(((e, nm) for e, nm in epithets() if phrase.startswith(e)), None)
            if hit is not None:
                end = i + len(hit[0].replace("'", "' ").split())
                first = i - 1 if i > 0 and cols.low[i - 1] in DETERMINERS | {"l'"} else i
                out.append(Reference(first, end, i, "epithet", (hit[1],)))
                taken.update(range(i, end))
                continue
        if pos in ("NOUN", "PROPN", "VERB", "ADJ") and art.noun_key(i):
            ref = _description(art, i)
            if ref is not None:
                out.append(ref)
                taken.update(range(ref.start, ref.end))
    return out


IMPERSONAL_VERBS = frozenset(["falloir", "agir", "sembler", "paraître", "pleuvoir"])


@cache
def _reference_words() -> frozenset[str]:
    """The words that may open a reference, besides the company nouns."""
    return frozenset(
        [*RELATIVES, *PERSONAL, *PLURAL_PERSONAL, *DEMONSTRATIVE_HEADS, *POSSESSIVES,
         *START_UP, "eti", "pme"]
    )  # fmt: skip


def _impersonal(cols: Columns, i: int) -> bool:
    """« il y a », « il faut », « il s'agit », « il est possible que »: no reference."""
    if cols.low[i] != "il":
        return False
    after = cols.low[i + 1 : i + 4]
    if after[:1] == ["y"] or (
        after[:1] in (["s'"], ["se"]) and cols.lemma[i + 2 : i + 3] == ["agir"]
    ):
        return True
    head = cols.head[i]
    if cols.lemma[head] in IMPERSONAL_VERBS:
        return True
    return cols.pos[head] == "ADJ" and any(
        cols.dep[k] in ("csubj", "ccomp") for k in cols.kids(head)
    )


def _description(art: Article, i: int) -> Reference | None:
    """The description whose head noun is token ``i``: its determiner, adjectives and
    the hyphenated parts of « start-up »; a pair for « les deux groupes »; an apposition
    when a name follows in the same phrase (« le fonds de pension suédois X »)."""
    cols = art.cols
    low = cols.low
    if noun_classes().get(art.noun_key(i)) == "relation":
        return None  # « le partenaire », « ce nouvel actionnaire »: whose is not said
    first = i
    while (
        first > 0
        and i - first < 4
        and (cols.pos[first - 1] == "ADJ" or low[first - 1] in ("jeune", "nouvelle", "-", "start"))
    ):
        first -= 1
    if first >= 2 and low[first - 1] in PAIR_WORDS and low[first - 2] in ("les", "ces"):
        return Reference(first - 2, i + 1, i, "pair")
    if first == 0 or low[first - 1] not in DETERMINERS:
        return None
    last = i
    while (
        last + 1 < len(low)
        and last + 1 not in art.by_token
        and (
            low[last + 1] in ("-", "up")
            or (cols.pos[last + 1] == "ADJ" and cols.is_lower[last + 1])
            or origin_of(cols, last + 1)  # « rennaise » read as a verb
        )
    ):
        last += 1
    # a name in the same phrase: « la start-up X », « le fonds de pension suédois X »
    complement = False  # « la PME du fonds X »: X is the fund's, not the PME's
    for j in range(last + 1, min(len(low), last + 7)):
        complement = complement or (
            low[j - 1] in ("de", "d'", "du", "des") and bool(art.noun_key(j))
        )
        if j in art.by_token and (complement or low[j - 1] in ("de", "d'", "du", "des")):
            # « la concurrente d'OpenAI »: a complement, not the company described
            inside = (art.by_token[j].name,)
            return Reference(first - 1, last + 1, i, "description", inside=inside)
        if j in art.by_token:
            return Reference(first - 1, last + 1, i, "apposition", (art.by_token[j].name,))
        if (
            cols.is_punct[j]
            or cols.pos[j] in ("VERB", "AUX", "PRON")
            or not (cols.is_lower[j] or cols.pos[j] == "ADP")
        ):
            break
        if cols.pos[j] == "ADP" and low[j] not in ("de", "d'", "du", "des"):
            break
    return Reference(first - 1, last + 1, i, "description")
