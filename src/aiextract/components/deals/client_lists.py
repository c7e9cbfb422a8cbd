"""A supplier's named customers: one contract per customer.

« Kelvia compte parmi ses clients Valtor, Nexalia et Quibix », « Kelvia a déjà séduit
200 clients, dont le groupe Valtor », « Parmi les clients de Kelvia figurent Valtor et
Nexalia », « Valtor et Nexalia sont clients de Kelvia »: GUIDELINES, « Client lists »,
gives one `stated` `contract` per customer, the customer `buyer`, the supplier
`supplier`, no amount and no date; customers shared by suppliers named together
(« Kelvia et Lumeo partageaient des clients, dont Valtor ») give one contract per
customer with every such supplier. No trigger word tells these deals, so neither the
rules nor the learned steps read them (the learned steps read a partnership there, or
nothing).

The supplier is the company after « clients de », else the subject of the verb that
governs the customer noun (a resolved reference, a relative « qui » standing for the
name it follows, and names joined by « et » included). The customers are the companies
listed after the noun (« dont », « notamment », « comme », « figurent »... may come
between: ``data/deal_cues.tsv``, key ``customer_list``), or, after « clients de X »,
the subject of its verb. Deals of the sentence made only of those names (a partnership
read in the list) give way to the contracts.

Pure functions over a parsed ``Doc``, its ``MentionIndex`` and the deal dicts of the
schema; the deals component adds the confidence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import text_sentences
from aiextract.components.deals.attributes import certainty
from aiextract.components.deals.confidence import Calibrator, deal_features
from aiextract.components.deals.joining import sentence_score
from aiextract.components.deals.mentions import Mention, MentionIndex
from aiextract.components.deals.role_tables import cue_words
from aiextract.components.learned.features import cached_features
from aiextract.extensions import doc_text

_OF = frozenset(["de", "d'", "d’", "du", "des"])
_UP = frozenset(["obj", "obl", "obl:mod", "obl:arg", "nmod", "nsubj", "xcomp", "appos"])
_BEFORE_LIST = 8  # words at most between the customer noun and the first customer
_BEFORE_SUBJECT = 15  # words at most between a supplier named before and the noun
_RULE_SCORE = 0.6  # the rules' own score of such a deal (``rule_confidence``'s scale)
_KEPT_TYPES = ("acquisition", "hire")  # deals of a list's names that are not its reading


def with_client_lists(doc: Doc, deals: list[dict], calibrator: Calibrator | None) -> list[dict]:
    """``deals`` with the contracts of ``doc``'s client lists (``add_client_lists``),
    their confidence calibrated as a rule deal's when the learned steps ran."""
    text = doc_text(doc).lower()  # most articles name no customer: one look at the text
    if not any(noun in text for noun in cue_words("customer")):
        return deals
    feats = cached_features(doc)
    if feats is not None:
        mentions, sentences = feats.mentions, feats.sentences
    else:
        mentions, sentences = MentionIndex.from_doc(doc), text_sentences(doc)
    listed = client_list_deals(doc, sentences, mentions)
    if calibrator is not None and doc._.deal_sentences is not None:
        for deal in listed:
            row = deal_features(
                rules=True,
                learned=False,
                sentence=sentence_score(doc, "contract", deal["start"], deal["end"]),
                rule_score=deal["confidence"],
                role_score=0.0,
                amount=False,
                hedged=deal["certainty"] == "hedged",
            )
            deal["confidence"], deal["features"] = calibrator.confidence(row), row
    return add_client_lists(deals, listed)


def client_list_deals(doc: Doc, sentences: list[Span], mentions: MentionIndex) -> list[dict]:
    """One contract per customer of every client list of ``doc`` (no confidence yet)."""
    nouns = cue_words("customer")
    low = mentions.cols.low
    out: list[dict] = []
    for sent in sentences:
        for i in range(sent.start, sent.end):
            if low[i] in nouns:
                out.extend(_list_deals(doc, sent, doc[i], mentions))
    seen: set[tuple] = set()
    unique = []
    for deal in out:
        key = tuple(sorted((p["name"], p["role"]) for p in deal["parties"]))
        if key not in seen:
            seen.add(key)
            unique.append(deal)
    return unique


def add_client_lists(deals: list[dict], listed: list[dict]) -> list[dict]:
    """``deals`` with the contracts of client lists, less the deals of the same sentence
    made only of a list's names (but acquisitions and hires), and less a contract a
    deal already tells."""
    if not listed:
        return deals
    kept = []
    for deal in deals:
        names = {p["name"] for p in deal.get("parties") or []}
        if deal.get("type") not in _KEPT_TYPES and any(
            _same_sentence(deal, list_deal) and names <= set(list_deal["list_names"])
            for list_deal in listed
        ):
            continue
        kept.append(deal)
    added = []
    for list_deal in listed:
        names = {p["name"] for p in list_deal["parties"]}
        if any(
            d.get("type") == "contract" and {p["name"] for p in d.get("parties") or []} == names
            for d in kept
        ):
            continue
        added.append({k: v for k, v in list_deal.items() if k != "list_names"})
    return sorted([*kept, *added], key=lambda d: d.get("start", 0))


def _same_sentence(deal: dict, list_deal: dict) -> bool:
    return "start" in deal and deal["start"] < list_deal["end"] and list_deal["start"] < deal["end"]


def _counted(noun: Token, sent: Span) -> bool:
    """Is the noun the customers themselves (« ses clients », « 150 clients », « clients
    de X »), not a word of a description (« un logiciel de gestion client X »)?"""
    doc = noun.doc
    after = doc[noun.i + 1].lower_ if noun.i + 1 < sent.end else ""
    before = doc[max(sent.start, noun.i - 3) : noun.i]
    return after in _OF or any(t.pos_ in ("DET", "NUM") for t in before)


def _list_deals(doc: Doc, sent: Span, noun: Token, mentions: MentionIndex) -> list[dict]:
    if not _counted(noun, sent):
        return []
    supplier_after = _named_after_of(noun, sent, mentions)
    verb = _governing_verb(noun, sent)
    subjects = (_subjects(verb, mentions) if verb is not None else []) or _named_before(
        doc, sent, noun.i, mentions
    )
    if supplier_after is not None:
        suppliers = [supplier_after]
        customers = _listed_after(doc, sent, supplier_after.end, mentions) or subjects
    else:
        suppliers = subjects
        customers = _listed_after(doc, sent, noun.i + 1, mentions)
    supplier_names = list(dict.fromkeys(m.name for m in suppliers if m.kind == "org"))
    customer_names = [
        name
        for name in dict.fromkeys(
            m.name for m in sorted(customers, key=lambda m: m.start) if m.kind == "org"
        )
        if name not in supplier_names and name not in mentions.sources
    ]
    if not supplier_names or not customer_names:
        return []
    anchor = verb if verb is not None else noun
    said = certainty(doc, sent, anchor, [anchor.i], mentions)
    if said not in ("stated", "hedged"):
        return []
    text = mentions.sent_text(sent)
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.start_char + len(text.rstrip())
    return [
        {
            "type": "contract",
            "parties": [
                {"name": customer, "role": "buyer"},
                *({"name": name, "role": "supplier"} for name in supplier_names),
            ],
            "amount": None,
            "date": None,
            "certainty": said,
            "evidence": doc_text(doc)[start:end],
            "start": start,
            "end": end,
            "confidence": _RULE_SCORE,
            "list_names": [*supplier_names, *customer_names],
        }
        for customer in customer_names
    ]


def _mention_at(i: int, mentions: MentionIndex) -> list[Mention]:
    """The name at token ``i``, or the names a reference there stands for."""
    found = mentions.by_token.get(i)
    if found is not None and not found.product:
        return [found]
    return mentions.references(i)


def _named_after_of(noun: Token, sent: Span, mentions: MentionIndex) -> Mention | None:
    """The company in « clients de X » (« du groupe X »: a determiner and a company
    noun may come between)."""
    i = noun.i + 1
    if i >= sent.end or noun.doc[i].lower_ not in _OF:
        return None
    for j in range(i + 1, min(sent.end, i + 4)):
        found = _mention_at(j, mentions)
        if found:
            return found[0]
    return None


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
    of them separated only by list words (``customer_list`` cues: « dont », « notamment »,
    « figurent », « groupe »...), punctuation, determiners and adjectives."""
    fillers = cue_words("customer_list")
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
        if not (
            token.lower_ in fillers
            or token.pos_ in ("DET", "ADJ", "CCONJ")
            or (token.is_punct and token.text not in ("«", "»", '"'))
        ):
            break
        i += 1
    return found
