"""The dependency tree around a trigger: passives, subjects (through coordination and
control), the verb governing a trigger noun, and the walk up from a party to the
trigger that stays in the deal's clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from aiextract.components.columns import Columns
from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.role_tables import (
    CLAUSE_DEPS,
    DATIVE_CASES,
    EVENT_NOUNS,
    GIVE_VERBS,
    OBJECT_CONTROL,
    SELL_VERBS,
    SUBJECT_DEPS,
    TRANSPARENT_VERBS,
    company_words,
    cue_words,
)


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
            controller = _controller(head, i, cols)
            if controller is not None:
                return controller
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


def _controller(verb: int, infinitive: int, cols: Columns) -> int | None:
    """Who does the infinitive after an object-control ``verb``: its object (« autoriser
    X à signer ») or, failing one, the dative before the infinitive (« permettre à X
    d'acquérir », « au laboratoire »)."""
    kids = [c for c in cols.kids(verb) if c < infinitive]
    for child in kids:
        if cols.dep[child] == "obj":
            return child
    for child in kids:
        if cols.dep[child] in ("obl:arg", "iobj") and any(
            cols.low[c] in DATIVE_CASES for c in cols.kids(child)
        ):
            return child
    return None


def name_head(cols: Columns, i: int) -> int:
    """The head word of the name whose first word is token ``i`` (« Jean Morvan »,
    « Kelvia Lab »: up through proper nouns, at most three steps)."""
    for _ in range(3):
        head = cols.head[i]
        if head == i or cols.pos[i] != "PROPN" or cols.pos[head] != "PROPN":
            break
        i = head
    return i


def group_member(cols: Columns, i: int) -> bool:
    """Is the name at token ``i`` the complement of a plural company noun in subject
    position (« les jeunes pousses de l'EPFL ont levé 470 M »)? Unnamed companies
    raise there, not the name: GUIDELINES, « Unnamed counterparts »."""
    i = name_head(cols, i)
    head = cols.head[i]
    return (
        cols.dep[i] == "nmod"
        and head != i
        and cols.pos[head] == "NOUN"
        and cols.has(head, "Number", "Plur")
        and cols.dep[head] in ("nsubj", "nsubj:pass")
        and cols.lemma[head] in company_words()
        and any(cols.low[c] in ("de", "d'", "du", "des") for c in cols.kids(i))
    )


_THAT = frozenset(["que", "qu'", "qu’"])


def stake_seller(cols: Columns, i: int) -> bool:
    """Is the name at token ``i`` the one who sells (GUIDELINES, « A stake sold »): the
    subject or agent of a selling verb (« le groupe Valtor cède 20 % de Kelvia »,
    « cédée par Valtor »), or the holder of a stake that changes hands (« reprend les
    30 % que Nexalia détenait dans Kelvia », ``sold_holding``)?"""
    i = name_head(cols, i)
    head = cols.head[i]
    if cols.dep[i] in ("nmod", "appos") and head < i and cols.lemma[head] in company_words():
        i, head = head, cols.head[head]  # « le groupe Valtor »
    if cols.dep[i] == "conj" and head < i:
        i, head = head, cols.head[head]  # « Valtor et Nexalia cèdent »
    dep = cols.dep[i]
    if head == i:
        return False
    if dep in ("nsubj", "obl:agent") and cols.lemma[head] in SELL_VERBS:
        return dep == "obl:agent" or not cols.has(head, "Voice", "Pass")
    return dep == "nsubj" and sold_holding(cols, head)


def sold_holding(cols: Columns, verb: int) -> bool:
    """Is the verb at ``verb`` a holding (``holding`` in ``deal_cues.tsv``: « détenir »)
    told in a relative clause on a stake that a word of ``transfer`` hands over (« cède
    la participation qu'il détenait dans Kelvia », « reprend les parts que Nexalia
    détenait »)? The holding is the seller's, no deal of its own."""
    if cols.lemma[verb] not in cue_words("holding"):
        return False
    if cols.dep[verb] == "ccomp" and any(cols.low[c] in _THAT for c in cols.kids(verb)):
        # « reprend les 30 % que Nexalia détenait »: the relative parsed as a clause
        return cols.lemma[cols.head[verb]] in cue_words("transfer")
    if cols.dep[verb] != "acl:relcl" or not any(cols.low[c] in _THAT for c in cols.kids(verb)):
        return False  # « la famille X, qui possède Y »: the noun holds, it is not held
    noun = cols.head[verb]
    for _ in range(3):  # « l'intégralité des parts que », « 50 % du capital qu'il »
        head = cols.head[noun]
        if head == noun:
            return False
        if cols.lemma[head] in cue_words("transfer"):
            return True
        if cols.dep[noun] not in ("nmod", "obj", "nsubj:pass"):
            return False
        noun = head
    return False


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


def subject_mentions(subj: Token, doc: Doc, mentions: MentionIndex) -> list[Mention]:
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
                and tok.lemma_.lower() in company_words()
                and (inner := mentions.by_token.get(child.i)) is not None
            ):
                # « la start-up X »; « au groupe X » parsed as a complement (« les
                # sociétés A et B » stays a list)
                named = child.dep_ in ("appos", "flat:name", "flat", "amod")
                complement = (
                    child.dep_ == "nmod"
                    and child.i == tok.i + 1
                    and "Plur" not in tok.morph.get("Number")
                )
                if (named and 0 < inner.start - tok.i <= 3) or complement:
                    stack.append(child)
    return sorted(found, key=lambda m: m.start)
