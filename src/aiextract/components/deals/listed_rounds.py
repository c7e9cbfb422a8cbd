"""Rounds told in a list: one funding per company listed beside the round's target.

A round-up writes several rounds in one sentence: « trois tours de table ont dépassé
100 M€ : Loft Orbital (170 M€), Powesco (150 millions) et Alice & Bob », « 21 millions
pour Imcyse, 20 millions pour NeuVasQ ». A funding deal read there makes the first name
its target and the others its investors. A target is never listed with its own backers,
so when the target of a funding is listed (« , », « et ») with other parties of the
deal, and at least two of them have a sum of their own, each company of that list is the
target of its own round (GUIDELINES, « One target per round »), with the amount the
sentence ties to it: in its own brackets or clause (« Loft Orbital (170 M€) »), or the
sum it depends on (« 21 millions pour Imcyse »). A list with no sums of its own
(« General Catalyst, Lightspeed et Bpifrance ») is as often the round's backers, with the
target misread, and is left as it is; so are investors named apart from the target
(« auprès de A, B et C ») and a list of backers' shares (« A et B (10 millions chacun),
C (5 millions) », « le financement provient de A (116 millions) et B »).

Pure functions over a parsed ``Doc`` and the deal dicts of the schema; the words come
from ``data/deal_cues.tsv`` (keys ``shares`` and ``apart``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from aiextract.components.deals.candidates import amount_dict
from aiextract.components.deals.role_tables import cue_words
from aiextract.extensions import MONEY_KEY, ORGS_KEY

# Links from a name up to the sum it belongs to: « les 7 M€ levés par le groupe Sergic ».
_UP_TO_AMOUNT = ("nmod", "appos", "obl:agent", "acl", "flat:name", "obl:arg", "obl:mod")
_MAX_CLIMB = 3
_SEPARATORS = (",", "et", ";", "ou")


def split_listed_rounds(doc: Doc, deals: list[dict]) -> list[dict]:
    """``deals`` with each funding whose target is listed with other parties replaced by
    one funding per listed company, in text order."""
    return replace_split(deals, "funding", lambda deal: _split(doc, deal), _same_round)


def replace_split(
    deals: list[dict],
    deal_type: str,
    split: Callable[[dict], list[dict] | None],
    told_again: Callable[[dict, dict], bool],
) -> list[dict]:
    """``deals`` with each deal of ``deal_type`` that ``split`` cuts in two or more parts
    replaced by them, less the parts another deal of that type already tells
    (``told_again(part, other)``)."""
    out: list[dict] = []
    for deal in deals:
        parts = split(deal) if deal.get("type") == deal_type else None
        if not parts or len(parts) < 2:
            out.append(deal)
            continue
        told = [d for d in deals if d is not deal and d.get("type") == deal_type]
        out.extend(p for p in parts if not any(told_again(p, d) for d in told))
    return out


def _same_round(new: dict, old: dict) -> bool:
    """Is a round cut from a list one the deals already tell (same one target, and the
    same sum or none)?"""
    names = [p["name"] for p in old.get("parties") or [] if p.get("role") == "target"]
    if names != [new["parties"][0]["name"]]:
        return False
    return new["amount"] is None or old.get("amount") == new["amount"]


def _split(doc: Doc, deal: dict) -> list[dict]:
    parties = deal.get("parties") or []
    targets = {p["name"] for p in parties if p.get("role") == "target"}
    if len(parties) < 2 or not targets or "start" not in deal:
        return [deal]
    span = doc.char_span(deal["start"], deal["end"], alignment_mode="expand")
    if span is None:
        return [deal]
    if any(token.lower_ in cue_words("shares") for token in span):
        return [deal]  # « A et B (10 millions chacun), C (5 millions) »: backers' shares
    mentions = deal_mentions(span, {p["name"] for p in parties})
    listed = next((run for run in listed_runs(mentions) if any(n in targets for n, _ in run)), [])
    if len({name for name, _ in listed}) < 2:
        return [deal]
    money = _money_tokens(doc, span)
    hung = {name: _hung_on(mention, money) for name, mention in listed}
    claimed = {amount.start for amount in hung.values() if amount is not None}
    rounds = []
    amounts: dict[str, dict | None] = {}
    for k, (name, mention) in enumerate(listed):
        if name in amounts:
            continue
        amount = hung[name]
        if amount is None:
            end = listed[k + 1][1].start if k + 1 < len(listed) else span.end
            amount = _first_amount(money, mention.end, end, claimed)
        amounts[name] = amount_dict(amount._.money) if amount is not None else None
    if len({str(a) for a in amounts.values() if a is not None}) < 2:
        return [deal]  # « A, B et C » with no sums of their own: backers as often as rounds
    for name, amount in amounts.items():
        record = {k: v for k, v in deal.items() if k not in ("valuation", "stake", "name")}
        record["parties"] = [{"name": name, "role": "target"}]
        record["amount"] = amount
        rounds.append(record)
    return rounds


def deal_mentions(span: Span, names: set[str]) -> list[tuple[str, Span]]:
    """(party name, mention) of the deal's parties written in ``span``, in text order."""
    found = []
    for mention in span.doc.spans.get(ORGS_KEY, []):
        inside = mention.start >= span.start and mention.end <= span.end
        if inside and mention._.canonical in names:
            found.append((mention._.canonical, mention))
    return sorted(found, key=lambda item: item[1].start)


def listed_runs(mentions: list[tuple[str, Span]]) -> list[list[tuple[str, Span]]]:
    """The mentions cut into runs of names listed together (« A (…), B (…) et C »), in
    text order; a name alone is a run of one."""
    runs: list[list[tuple[str, Span]]] = []
    for name, mention in mentions:
        if runs and _listed(runs[-1][-1][1], mention):
            runs[-1].append((name, mention))
        else:
            runs.append([(name, mention)])
    return runs


def _listed(before: Span, after: Span) -> bool:
    """Are two mentions items of one list: a separator between them, and no verb that
    a relative pronoun does not introduce (« A, qui conçoit des robots, et B »)?"""
    between = before.doc[before.end : after.start]
    if not any(t.text in _SEPARATORS for t in between):
        return False
    relative = False
    for token in between:
        if token.lower_ in cue_words("apart"):
            return False
        if token.pos_ == "PRON" and "Rel" in token.morph.get("PronType"):
            relative = True
        elif _finite(token) and not relative:
            return False
    return True


def _finite(token: Token) -> bool:
    """A finite verb or auxiliary (« conçoit », « a »), not an infinitive or participle."""
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _hung_on(mention: Span, money: dict[int, Span]) -> Span | None:
    """The sum a name hangs on in the parse (« 21 millions pour X », « les 3 M€ de X »)."""
    token = mention.root
    for _ in range(_MAX_CLIMB):
        if token.dep_ not in _UP_TO_AMOUNT or token.head == token:
            return None
        token = token.head
        if token.i in money:
            return money[token.i]
    return None


def _first_amount(money: dict[int, Span], start: int, end: int, claimed: set[int]) -> Span | None:
    """The first amount between two listed names that no other name hangs on."""
    for i in range(start, end):
        amount = money.get(i)
        if amount is not None and amount.start not in claimed:
            return amount
    return None


def _money_tokens(doc: Doc, span: Span) -> dict[int, Span]:
    """Token index -> the amount span covering it, inside ``span``."""
    found: dict[int, Span] = {}
    for amount in doc.spans.get(MONEY_KEY, []):
        if amount.start >= span.start and amount.end <= span.end and amount._.money:
            for i in range(amount.start, amount.end):
                found[i] = amount
    return found
