"""Named customers and named shareholders: the deals a relation noun and a list tell.

Customers. « Kelvia compte parmi ses clients Valtor, Nexalia et Quibix », « Kelvia a
déjà séduit 200 clients, dont le groupe Valtor », « Parmi les clients de Kelvia
figurent Valtor et Nexalia », « Valtor et Nexalia sont clients de Kelvia »: GUIDELINES,
« Client lists », gives one `stated` `contract` per customer, the customer `buyer`, the
supplier `supplier`, no amount and no date; customers shared by suppliers named together
(« Kelvia et Lumeo partageaient des clients, dont Valtor ») give one contract per
customer with every such supplier.

Shareholders. « Kelvia compte parmi ses actionnaires Valtor et Nexalia », « Ses
actionnaires sont Valtor (51 %) et Nexalia (49 %) », « Valtor et Nexalia sont
actionnaires de Kelvia »: GUIDELINES, « Ownership labels » and « Existing shareholders
in a round », give one `investment` of all of them in the company they hold.

No trigger word tells the customers' deals, and the shareholders' noun makes no rule
deal without a percentage; the learned steps read a partnership there, or garble the
roles. The company the noun belongs to (the supplier, the held company) is the one
after « clients de », « actionnaires de », else the subject of the verb that governs
the noun (a resolved reference, a relative « qui » standing for the name it follows,
and names joined by « et » included), else the company a possessive (« ses
actionnaires ») stands for. The others are the companies listed after the noun
(« dont », « notamment », « comme », « figurent », « sont »... may come between, and
a percentage in brackets: ``data/deal_cues.tsv``, key ``list_word``), or, after
« clients de X », the subject of its verb. Deals of the sentence made only of those
names (a partnership read in the list) give way (but acquisitions and hires).

Pure functions over a parsed ``Doc``, its ``MentionIndex`` and the deal dicts of the
schema; the deals component adds the confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from aiextract.components.deals.attributes import certainty
from aiextract.components.deals.confidence import Calibrator, deal_features
from aiextract.components.deals.joining import sentence_score
from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.role_tables import company_words, cue_words
from aiextract.components.deals.syntax import subject_mentions
from aiextract.components.learned.features import doc_mentions
from aiextract.extensions import doc_text

_OF = frozenset(["de", "d'", "d’", "du", "des"])
_UP = frozenset(["obj", "obl", "obl:mod", "obl:arg", "nmod", "nsubj", "xcomp", "appos"])
_BEFORE_LIST = 8  # words at most between the relation noun and the first name listed
_BEFORE_SUBJECT = 15  # words at most between an owner named before and the noun
_BRACKET = 8  # words at most inside a bracket skipped in a list (« Valtor (51 %) »)
_INTRODUCING = frozenset(["dont", "notamment", "comme"])  # « de nombreux studios, dont X »
_BECOME = frozenset(["devenir", "rester", "demeurer"])
_RULE_SCORE = 0.6  # the rules' own score of such a deal (``rule_confidence``'s scale)


@dataclass(frozen=True)
class Relation:
    """What a relation noun tells: the deal type, the role of the company the noun
    belongs to (« ses clients »: the supplier) and of the companies listed, and
    whether a deal is made per listed company (each customer its own contract) or per
    owner (the shareholders of a company together). ``possessed``: without « de X »,
    the owner is the subject only with a possessive (« X compte parmi ses
    actionnaires A »; « X a séduit 300 clients, dont A » needs none). ``keeps``: the
    types of a deal of the list's names in the same sentence that is not a misreading
    of the list and stays beside it."""

    cue: str  # the ``deal_cues.tsv`` key of the nouns
    type: str
    owner_role: str
    listed_role: str
    per_listed: bool
    possessed: bool
    keeps: tuple[str, ...]


RELATIONS = (
    Relation(
        "customer",
        "contract",
        "supplier",
        "buyer",
        per_listed=True,
        possessed=False,
        keeps=("acquisition", "hire"),
    ),
    # « lève 5 M€ auprès de ses actionnaires A et B »: the round and the holding
    Relation(
        "shareholder",
        "investment",
        "target",
        "investor",
        per_listed=False,
        possessed=True,
        keeps=("acquisition", "hire", "funding"),
    ),
)
_KEEPS = {relation.type: relation.keeps for relation in RELATIONS}


def with_relation_lists(doc: Doc, deals: list[dict], calibrator: Calibrator | None) -> list[dict]:
    """``deals`` with the deals of ``doc``'s customer and shareholder lists
    (``add_relation_lists``), their confidence calibrated as a rule deal's when the
    learned steps ran."""
    text = doc_text(doc).lower()  # most articles name no customer: one look at the text
    relations = [r for r in RELATIONS if any(noun in text for noun in cue_words(r.cue))]
    if not relations:
        return deals
    mentions, sentences = doc_mentions(doc)
    listed = [
        deal for relation in relations for deal in list_deals(doc, sentences, mentions, relation)
    ]
    if calibrator is not None and doc._.deal_sentences is not None:
        for deal in listed:
            row = deal_features(
                rules=True,
                learned=False,
                sentence=sentence_score(doc, deal["type"], deal["start"], deal["end"]),
                rule_score=deal["confidence"],
                role_score=0.0,
                amount=False,
                hedged=deal["certainty"] == "hedged",
            )
            deal["confidence"], deal["features"] = calibrator.confidence(row), row
    return add_relation_lists(deals, listed)


def list_deals(
    doc: Doc, sentences: list[Span], mentions: MentionIndex, relation: Relation
) -> list[dict]:
    """The deals of every list of ``relation`` in ``doc`` (no confidence yet)."""
    nouns = cue_words(relation.cue)
    low = mentions.cols.low
    out: list[dict] = []
    for n, sent in enumerate(sentences):
        prev = sentences[n - 1] if n else None
        for i in range(sent.start, sent.end):
            if low[i] in nouns:
                out.extend(_list_deals(doc, sent, prev, doc[i], mentions, relation))
    unique: dict[tuple, dict] = {}
    for deal in out:
        unique.setdefault(_reading(deal), deal)  # the same deal read twice, once
    return list(unique.values())


def add_relation_lists(deals: list[dict], listed: list[dict]) -> list[dict]:
    """``deals`` with the deals of relation lists, less the deals of the same sentence
    made only of a list's names (but the types its relation ``keeps``), and less a deal of the
    same type between the same names already there."""
    if not listed:
        return deals
    readings = {_reading(d) for d in listed}
    kept = []
    for deal in deals:
        names = {p["name"] for p in deal.get("parties") or []}
        if _reading(deal) not in readings and any(
            deal.get("type") not in _KEEPS[list_deal["type"]]
            and _same_sentence(deal, list_deal)
            and names <= set(list_deal["list_names"])
            for list_deal in listed
        ):
            continue
        kept.append(deal)
    there = {_pair(d) for d in kept}  # a deal between the same names told elsewhere
    added = [
        {k: v for k, v in list_deal.items() if k != "list_names"}
        for list_deal in listed
        if _pair(list_deal) not in there
    ]
    return sorted([*kept, *added], key=lambda d: d.get("start", 0))


def _reading(deal: dict) -> tuple[str, frozenset[tuple[str, str]]]:
    """A deal's type and its parties with their roles."""
    parties = deal.get("parties") or []
    return deal.get("type", ""), frozenset((p["name"], p["role"]) for p in parties)


def _pair(deal: dict) -> tuple[str, frozenset[str]]:
    """A deal's type and the names of its parties."""
    return deal.get("type", ""), frozenset(p["name"] for p in deal.get("parties") or [])


def _same_sentence(deal: dict, list_deal: dict) -> bool:
    return "start" in deal and deal["start"] < list_deal["end"] and list_deal["start"] < deal["end"]


def _counted(noun: Token, sent: Span) -> bool:
    """Is the noun the customers or holders themselves (« ses clients », « 150
    clients », « clients de X »), not a word of a description (« un logiciel de gestion
    client X »)?"""
    doc = noun.doc
    if noun.i > sent.start and doc[noun.i - 1].pos_ in ("NOUN", "PROPN"):
        return False  # « des familles actionnaires », « l'État actionnaire »: a description
    after = doc[noun.i + 1].lower_ if noun.i + 1 < sent.end else ""
    before = doc[max(sent.start, noun.i - 3) : noun.i]
    return after in _OF or any(t.pos_ in ("DET", "NUM") for t in before)


def _list_deals(
    doc: Doc,
    sent: Span,
    prev: Span | None,
    noun: Token,
    mentions: MentionIndex,
    relation: Relation,
) -> list[dict]:
    if not _counted(noun, sent):
        return []
    owners_after = _named_after_of(noun, sent, mentions)
    verb = _governing_verb(noun, sent)
    # a subject after the noun is one listed (« Parmi ses clients figurent A et B »)
    subjects = (
        [m for m in (_subjects(verb, mentions) if verb is not None else []) if m.start < noun.i]
        or _named_before(doc, sent, noun.i, mentions)
        or _possessor(noun, prev, mentions)
    )
    # « A et B sont clients de X », « Y est devenu actionnaire de X », « A, cliente de
    # X »: the subject is the noun's (not « A met la main sur les clients de X »)
    predicative = _apposed(noun, sent, mentions) or (
        verb is not None and (verb.i == noun.i or verb.lemma_ in _BECOME)
    )
    if owners_after:
        owners = owners_after
        others = _listed_after(doc, sent, owners_after[-1].end, mentions) or (
            subjects if predicative else []
        )
    elif (whose := _whose(noun, sent, mentions)) is not None:
        owners = whose  # « X, dont l'actionnaire principal est Y »
        others = _listed_after(doc, sent, noun.i + 1, mentions)
    elif relation.possessed and not _possessive(noun):
        return []  # « X met un million et un nouvel actionnaire, Y »: not X's holders
    else:
        owners = subjects
        others = _listed_after(doc, sent, noun.i + 1, mentions)
    owner_names = list(dict.fromkeys(m.name for m in owners if m.kind == "org"))
    other_names = [
        name
        for name in dict.fromkeys(
            m.name for m in sorted(others, key=lambda m: m.start) if m.kind == "org"
        )
        if name not in owner_names and name not in mentions.sources
    ]
    if not owner_names or not other_names:
        return []
    anchor = verb if verb is not None else noun
    said = certainty(doc, sent, anchor, [anchor.i], mentions)
    if said not in ("stated", "hedged"):
        return []
    text = mentions.sent_text(sent)
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.start_char + len(text.rstrip())
    if relation.per_listed:
        groups = [([name], owner_names) for name in other_names]
    else:
        groups = [(other_names, [name]) for name in owner_names]
    return [
        {
            "type": relation.type,
            "parties": [
                *({"name": name, "role": relation.listed_role} for name in listed),
                *({"name": name, "role": relation.owner_role} for name in owned),
            ],
            "amount": None,
            "date": None,
            "certainty": said,
            "evidence": doc_text(doc)[start:end],
            "start": start,
            "end": end,
            "confidence": _RULE_SCORE,
            "list_names": [*owner_names, *other_names],
        }
        for listed, owned in groups
    ]


def _apposed(noun: Token, sent: Span, mentions: MentionIndex) -> bool:
    """Is the noun said of the name before it (« A, fidèle client de X », « A, premier
    actionnaire du groupe »)?"""
    if noun.dep_ == "appos":
        return True
    i = noun.i - 1
    while i > sent.start and noun.doc[i].pos_ in ("ADJ", "DET", "ADV"):
        i -= 1
    return noun.doc[i].text == "," and i - 1 in mentions.by_token


def _whose(noun: Token, sent: Span, mentions: MentionIndex) -> list[Mention] | None:
    """The name a « dont » just before the noun stands for (« X, dont l'unique
    actionnaire est Y »), or None when there is no such « dont »."""
    doc = noun.doc
    for i in range(noun.i - 1, max(sent.start, noun.i - 4) - 1, -1):
        if doc[i].lower_ == "dont":
            k = i - 1
            while k > sent.start and doc[k].text in (",", "(", ")"):
                k -= 1
            return _mention_at(k, mentions) or None
        if doc[i].pos_ not in ("DET", "ADJ"):
            return None
    return None


def _possessive(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] for c in noun.children)


def _possessor(noun: Token, prev: Span | None, mentions: MentionIndex) -> list[Mention]:
    """The company a possessive before the noun stands for (« ses actionnaires »): the
    reference resolved there, else the subject of the sentence before (« Kelvia a été
    créée en 2019. Ses actionnaires sont ... »)."""
    if not _possessive(noun):
        return []
    for child in noun.children:
        if child.dep_ == "det" and mentions.references(child.i):
            return mentions.references(child.i)
    if prev is None:
        return []
    for token in prev:
        if token.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        found = subject_mentions(token, noun.doc, mentions)
        if not found and token.lemma_.lower() in company_words():
            found = _name_right_after(token, prev, mentions)  # « La banque Kelvia » mis-parsed
        found = [m for m in found if m.kind == "org"]
        if found:
            return found
    return []


def _name_right_after(token: Token, sent: Span, mentions: MentionIndex) -> list[Mention]:
    """The name right after a company noun (« la banque Kelvia »)."""
    for k in range(token.i + 1, min(sent.end, token.i + 3)):
        if k in mentions.by_token:
            return [mentions.by_token[k]]
    return []


def _mention_at(i: int, mentions: MentionIndex) -> list[Mention]:
    """The name at token ``i``, or the names a reference there stands for."""
    found = mentions.by_token.get(i)
    if found is not None and not found.product:
        return [found]
    return mentions.references(i)


def _named_after_of(noun: Token, sent: Span, mentions: MentionIndex) -> list[Mention]:
    """The companies in « clients de X » (« du groupe X »: a determiner and a company
    noun may come between), or listed after a plural (« actionnaire de nombreux
    studios, dont X et Y »)."""
    doc = noun.doc
    i = noun.i + 1
    if i >= sent.end or doc[i].lower_ not in _OF:
        return []
    for j in range(i + 1, min(sent.end, i + 4)):
        found = _mention_at(j, mentions)
        if found:
            return found[:1]
    for j in range(i + 1, min(sent.end, i + _BEFORE_LIST)):
        if doc[j].lower_ in _INTRODUCING:
            return _listed_after(doc, sent, j + 1, mentions)
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].text in (".", ";", "(", ":"):
            break
    return []


def _governing_verb(noun: Token, sent: Span) -> Token | None:
    """The verb the customer noun hangs from (« compte parmi ses clients », « a séduit
    300 clients », « sont clients de »: the noun itself as a predicate)."""
    if any(child.dep_ == "cop" for child in noun.children):
        return noun
    token = noun
    for _ in range(3):
        head = token.head
        if token.dep_ not in _UP or head is token or not sent.start <= head.i < sent.end:
            return None
        token = head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _subjects(verb: Token, mentions: MentionIndex) -> list[Mention]:
    """The names the subject of ``verb`` gives: itself and the names joined to it, or
    for a relative « qui », the name it follows."""
    out: list[Mention] = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        if child.lower_ == "qui" and verb.dep_.startswith("acl"):
            child = verb.head
        for token in (child, *(c for c in child.children if c.dep_ == "conj")):
            out.extend(_mention_at(token.i, mentions))
    return out


def _named_before(doc: Doc, sent: Span, end: int, mentions: MentionIndex) -> list[Mention]:
    """The names last before ``end`` when the parse gives the verb no subject: the
    nearest within ``_BEFORE_SUBJECT`` words, with the names joined to it by « et » or a
    comma (« Kelvia et Lumeo partageaient des clients »)."""
    found: list[Mention] = []
    i = end - 1
    while i >= max(sent.start, end - _BEFORE_SUBJECT):
        names = _mention_at(i, mentions)
        if names:
            found.extend(n for n in names if n not in found)
            mention = mentions.by_token.get(i)
            i = (mention.start if mention is not None else i) - 1
            continue
        if found and doc[i].lower_ not in (",", "et") and doc[i].pos_ != "DET":
            break
        i -= 1
    return found


def _listed_after(doc: Doc, sent: Span, start: int, mentions: MentionIndex) -> list[Mention]:
    """The names listed from ``start`` on: the first within ``_BEFORE_LIST`` words, all
    of them separated only by list words (``list_word`` cues: « dont », « notamment »,
    « figurent », « groupe »...), punctuation, determiners and adjectives."""
    fillers = cue_words("list_word")
    found: list[Mention] = []
    i = start
    while i < sent.end:
        names = _mention_at(i, mentions)
        if names:
            found.extend(n for n in names if n not in found)
            mention = mentions.by_token.get(i)
            i = mention.end if mention is not None else i + 1
            continue
        token = doc[i]
        if token.text in (".", ";", "?", "!") or (not found and i - start >= _BEFORE_LIST):
            break
        if found and token.text == "(":
            close = next(
                (k for k in range(i + 1, min(sent.end, i + _BRACKET)) if doc[k].text == ")"),
                None,
            )
            if close is not None:  # « Valtor (51 %) et Nexalia (49 %) »
                i = close + 1
                continue
        if not (
            token.lower_ in fillers
            or token.lemma_.lower() in company_words()
            or token.pos_ in ("DET", "ADJ", "CCONJ")
            or (token.is_punct and token.text not in ("«", "»", '"'))
        ):
            break
        i += 1
    return found
