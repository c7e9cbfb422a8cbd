"""Deals from the learned steps, and how they join the deals of the rules.

``aiextract_deal_sentences`` says which sentences tell a deal of which type and
``aiextract_deal_roles`` which names of those sentences take which role. A sentence
scored at ``sentence_threshold`` or more for a type gives a deal of that type with the
names whose best role beats ``none`` (``decode_roles``: one target for a round or a
stake, and a role the deal lacks given to the likeliest name left out). Its amount,
date and certainty are read by the rules' own functions. Deals of one type in
neighbouring sentences are one deal where they share a party or one lacks a role its
type needs, unless they tell two different amounts or two targets of a round or a
stake; only whole deals are kept
(GUIDELINES: a funding needs its target, a hire its employer and a person or a source,
the others two organisations). Deals of one type between the same parties anywhere in
the article are one too (``fold_repeats``), unless they tell two amounts or two years.
Where the rules' candidates in its sentences gave a party a role (a partial deal the rules
dropped, say), that role is kept: the rules' frames know roles better than the model.
A sentence that tells deals clause by clause (« Quibix rachète Lumeo et Kelvia rachète
Ventora ») gives one deal per clause, and an investor's several holdings one investment
each (GUIDELINES).

``same_deal`` says when a learned deal tells a rule deal again (``joining.py`` then
keeps the rule deal); ``as_dict`` writes a learned deal in the guidelines' schema.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span

from aiextract.components.columns import Columns
from aiextract.components.deals.attributes import (
    as_amount,
    certainty,
    deal_sum,
    find_date,
    find_stake,
    money_kind,
    money_spans,
)
from aiextract.components.deals.candidates import amount_dict
from aiextract.components.deals.completion import DEMONSTRATIVES, OPERATION_NOUNS
from aiextract.components.deals.cues import replaced
from aiextract.components.deals.mentions import MentionIndex
from aiextract.components.deals.role_tables import cue_words
from aiextract.components.deals.syntax import group_member, name_head, stake_seller
from aiextract.components.learned.features import TYPE_ROLES, TYPES, DocFeatures
from aiextract.evaluate import names_match
from aiextract.records import json_number

_REACH = 1  # sentences apart that deals of one type told together may be


@dataclass
class LearnedDeal:
    """A deal read from the learned scores of one or more sentences."""

    type: str
    parties: dict[str, tuple[str, float, int]]  # name -> (role, probability, token)
    sentence: int
    last: int
    score: float  # the sentence's probability for the type
    amount: dict | None = None
    date: str | None = None
    certainty: str = "stated"
    stake: float | None = None  # an investment's percentage
    kinds: dict[str, str] = field(default_factory=dict)

    def names(self) -> set[str]:
        return set(self.parties)

    def complete(self) -> bool:
        """It has the roles every gold deal of the real corpus has (1,610 of 1,610): a
        funding its target, an investment its investor and target, an acquisition an
        acquirer or a seller and a target or a seller, a contract its buyer and
        supplier, a hire its employer and a person or a source, a partnership two
        partners; and two organisations for every type but funding and hire."""
        roles = Counter(role for role, _p, _t in self.parties.values())
        orgs = [n for n in self.parties if self.kinds.get(n) != "person"]
        if self.type == "funding":
            return roles["target"] >= 1
        if self.type == "hire":
            return roles["employer"] >= 1 and (roles["person"] + roles["source"]) >= 1
        if len(orgs) < 2:
            return False
        if self.type == "investment":
            return roles["investor"] >= 1 and roles["target"] >= 1
        if self.type == "contract":
            return roles["buyer"] >= 1 and roles["supplier"] >= 1
        if self.type == "acquisition":
            buyer_side = roles["acquirer"] + roles["seller"]
            return buyer_side >= 1 and roles["target"] + roles["seller"] >= 1 and len(roles) >= 2
        return roles["partner"] >= 2


# The sentence score a learned deal of these types needs instead of ``learned_threshold``
# (0.2): chosen on five folds of train + dev (docs/learned.md, "Thresholds per type").
# The role step scores a sentence's names only from its own ``threshold`` (0.2) on.
TYPE_THRESHOLDS = {"acquisition": 0.4, "contract": 0.3, "hire": 0.3}
# The learned sentence score under which a rule deal of these types is left out: the
# rules' contracts are their least precise type (docs/learned.md, "Rule contracts").
RULE_THRESHOLDS = {"contract": 0.1}


def threshold_table(
    default: float, per_type: Mapping[str, float], key: str = "type_thresholds"
) -> dict[str, float]:
    """A score for each deal type: ``per_type``'s, else ``default``; an error for a type
    that does not exist (``key`` names the setting: ``type_thresholds``,
    ``rule_thresholds``)."""
    unknown = sorted(set(per_type) - set(TYPES))
    if unknown:
        raise ValueError(f"deals: {key} names no deal type: {unknown} (types: {TYPES})")
    return {t: float(per_type.get(t, default)) for t in TYPES}


def read_learned(
    doc: Doc,
    feats: DocFeatures,
    thresholds: Mapping[str, float],
    rule_roles: dict[tuple[int, str], dict[str, str]],
) -> list[LearnedDeal]:
    """The learned deals of ``doc``, merged across neighbouring sentences
    (``thresholds``: the score a sentence needs per deal type, ``threshold_table``;
    ``rule_roles``: the roles the rules' candidates gave per sentence and type)."""
    sentences = feats.sentences
    number = {s.start: n for n, s in enumerate(sentences)}
    by_sentence: dict[tuple[int, str], list[dict]] = {}
    for row in doc._.deal_roles or []:
        by_sentence.setdefault((row["sentence"], row["type"]), []).append(row)
    deals: list[LearnedDeal] = []
    for entry in doc._.deal_sentences or []:
        n = number.get(entry["start"])
        if n is None:
            continue
        for deal_type, score in entry["scores"].items():
            if score < thresholds[deal_type]:
                continue
            deals.extend(
                _sentence_deals(
                    doc,
                    feats.mentions,
                    sentences[n],
                    n,
                    deal_type,
                    score,
                    by_sentence,
                    feats.triggers,
                )
            )
    merged = fold_repeats(merge_neighbours(deals))
    told = {d.sentence for d in merged}
    for deal in merged:
        _take_rule_roles(deal, rule_roles)
        if deal.amount is None and deal.last + 1 not in told:
            deal.amount = amount_after(doc, sentences, deal.last + 1, feats.mentions, deal.type)
    return merged


# nouns that, after a determiner, stand for the deal just told (« La transaction porte
# sur 420 millions »): the rules' ``OPERATION_NOUNS`` and words of its price
_DEAL_NOUNS = OPERATION_NOUNS | {"montant", "prix", "vente"}


def amount_after(
    doc: Doc, sentences: list, n: int, mentions: MentionIndex, deal_type: str
) -> dict | None:
    """The amount of sentence ``n`` when it speaks of the deal just told (« La
    transaction porte sur 420 millions de francs », « Le montant de la vente s'établit
    à … »): a deal noun after a determiner, then a deal amount."""
    if n >= len(sentences):
        return None
    sent = sentences[n]
    cols = mentions.cols
    refers = any(
        cols.lemma[i] in _DEAL_NOUNS and cols.low[i - 1] in DEMONSTRATIVES
        for i in range(sent.start + 1, min(sent.end, sent.start + 8))
    )
    if not refers:
        return None
    for span in money_spans(doc, sent, mentions):
        if deal_sum(money_kind(doc, span, sent, sent.start, mentions), deal_type):
            return as_amount(span)
    return None


def _take_rule_roles(deal: LearnedDeal, rule_roles: dict[tuple[int, str], dict[str, str]]) -> None:
    """The roles the rules gave the deal's parties in its sentences, where they gave one
    the type allows and the deal stays whole; the learned roles otherwise."""
    known: dict[str, str] = {}
    for n in range(deal.sentence, deal.last + 1):
        for name, role in rule_roles.get((n, deal.type), {}).items():
            known.setdefault(name, role)
    before = dict(deal.parties)
    for name, (role, prob, token) in before.items():
        if known.get(name, role) in TYPE_ROLES[deal.type]:
            deal.parties[name] = (known.get(name, role), prob, token)
    if not deal.complete():
        deal.parties = before


def _sentence_deals(
    doc: Doc,
    mentions: MentionIndex,
    sent: Any,
    n: int,
    deal_type: str,
    score: float,
    by_sentence: dict[tuple[int, str], list[dict]],
    triggers: list[frozenset[str]],
) -> list[LearnedDeal]:
    """The deals of ``deal_type`` sentence ``n`` tells: one, or one per clause where each
    clause holds a whole deal (``by_clause``, ``by_trigger``), or one per holding of an
    investment in several companies (``holdings``)."""
    allowed = TYPE_ROLES[deal_type]
    best: dict[str, dict[str, float]] = {}  # name -> role -> best probability
    where: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for row in by_sentence.get((n, deal_type), ()):
        # a person is a party only as the person hired (GUIDELINES)
        fitting = [r for r in allowed if (r == "person") == (row["kind"] == "person")]
        if not fitting:
            continue
        scores = best.setdefault(row["name"], {})
        for role in (*fitting, "none"):
            p = row["scores"].get(role, 0.0)
            if p > scores.get(role, -1.0):
                scores[role] = p
                if role != "none":
                    where.setdefault(row["name"], row["start"])
        kinds.setdefault(row["name"], row["kind"])
    parties = {
        name: (role, prob, where.get(name, 0))
        for name, (role, prob) in decode_roles(deal_type, best).items()
    }
    if deal_type == "hire":
        parties = {
            name: party
            for name, party in parties.items()
            if party[0] != "person" or not _not_hired(mentions.cols, party[2], sent.start)
        }
    if deal_type in ("acquisition", "investment"):
        deal_type, parties = _sellers_apart(deal_type, parties, mentions.cols)
    if deal_type == "funding":  # « les jeunes pousses de l'EPFL ont levé »: no round
        parties = {
            name: party
            for name, party in parties.items()
            if party[0] != "target" or not group_member(mentions.cols, party[2])
        }
    if not parties:
        return []
    anchor = _anchor(sent, deal_type, triggers)
    targets = {anchor.i: "anchor"}
    cert = certainty(doc, sent, anchor, [anchor.i], mentions)
    if cert in ("denied", "question", "guess"):
        return []
    deal = LearnedDeal(deal_type, parties, n, n, score, certainty=cert, kinds=kinds)
    for span in money_spans(doc, sent, mentions):
        if deal_sum(money_kind(doc, span, sent, sent.start, mentions), deal_type):
            deal.amount = as_amount(span)
            break
    deal.date = find_date(doc, sent, targets, [anchor.i], mentions)
    if deal_type == "investment":
        deal.stake = find_stake(doc, sent, anchor, mentions)
    clauses = by_clause(deal, mentions.cols, sent) or by_trigger(deal, triggers, sent)
    if clauses:
        return clauses
    if deal_type != "investment":
        return [deal]
    return holdings(deal, best, where)


def _sellers_apart(
    deal_type: str, parties: dict[str, tuple[str, float, int]], cols: Columns
) -> tuple[str, dict[str, tuple[str, float, int]]]:
    """The deal's type and parties with the seller of a stake (``stake_seller``) as the
    acquisition's ``seller``, or out of the investment, where a buyer is left; an
    investment whose investors all sell is a sale (GUIDELINES, « A stake sold »)."""
    sellers = {name for name, party in parties.items() if stake_seller(cols, party[2])}
    if not sellers:
        return deal_type, parties
    rest = {name: party for name, party in parties.items() if name not in sellers}
    if deal_type == "investment" and any(role == "investor" for role, _p, _t in rest.values()):
        return deal_type, rest
    if not any(role != "seller" for role, _p, _t in rest.values()):
        return deal_type, parties  # nobody left to buy or be bought: the reading stands
    sold = {name: ("seller", *parties[name][1:]) for name in sellers}
    return "acquisition", {**sold, **rest}


def founder(cols: Columns, i: int) -> bool:
    """Is the name at token ``i`` the agent of a verb of founding (« Kelvia, fondée en
    2019 par Jean Morvan et Paul Marchal »; ``founding`` in ``deal_cues.tsv``), or listed
    with it? A founder is no person hired."""
    founding = cue_words("founding")
    i = name_head(cols, i)
    head = cols.head[i]
    if cols.dep[i] in ("obl:agent", "conj") and cols.lemma[head] in founding:
        return True
    # « par X et Y »: Y listed with the agent X
    return (
        cols.dep[i] == "conj"
        and cols.dep[head] == "obl:agent"
        and cols.lemma[cols.head[head]] in founding
    )


def _not_hired(cols: Columns, i: int, sent_start: int) -> bool:
    return founder(cols, i) or replaced(cols, i, sent_start)


_ACL = ("acl", "acl:relcl")


def clause_of(cols: Columns, i: int, sent: Span) -> int:
    """The verb whose clause token ``i`` stands in: the nearest verb above it, or the
    participle or relative clause that hangs on it (« Lumeo, racheté par Quibix »:
    racheté for Lumeo); the sentence's root when there is none."""
    for _ in range(12):
        for kid in cols.kids(i):
            if cols.dep[kid] in _ACL and cols.pos[kid] == "VERB":
                return kid
        if cols.pos[i] == "VERB" or cols.head[i] == i or not sent.start <= cols.head[i] < sent.end:
            return i
        i = cols.head[i]
    return i


def by_trigger(deal: LearnedDeal, triggers: list[frozenset[str]], sent: Span) -> list[LearnedDeal]:
    """The same cut where the parse does not give it (« Quibix rachète Lumeo et Kelvia
    rachète Ventora » parsed with Kelvia under the first verb): each party with the
    nearest trigger word of the type (words two apart or less are one phrase), one deal
    per trigger when each holds a whole deal; else none."""
    spans: list[list[int]] = []
    for i in range(sent.start, sent.end):
        if deal.type in triggers[i]:
            if spans and i - spans[-1][1] <= 2:
                spans[-1][1] = i
            else:
                spans.append([i, i])
    if len(spans) < 2:
        return []
    groups: dict[int, dict[str, tuple[str, float, int]]] = {}
    for name, party in deal.parties.items():
        t = party[2]
        near = min(range(len(spans)), key=lambda k: max(spans[k][0] - t, t - spans[k][1], 0))
        groups.setdefault(near, {})[name] = party
    return _whole_parts(deal, groups)


def _whole_parts(
    deal: LearnedDeal, groups: dict[int, dict[str, tuple[str, float, int]]]
) -> list[LearnedDeal]:
    """One deal per group of parties, when there are two groups or more and each is a
    whole deal (``LearnedDeal.complete``); the amount and stake told once stay with the
    first."""
    if len(groups) < 2:
        return []
    parts = [replace(deal, parties=g, kinds=dict(deal.kinds)) for _k, g in sorted(groups.items())]
    if not all(part.complete() for part in parts):
        return []
    for part in parts[1:]:
        part.amount, part.stake = None, None
    return parts


def by_clause(deal: LearnedDeal, cols: Columns, sent: Span) -> list[LearnedDeal]:
    """Deals told clause by clause in one sentence (« Dongfeng prend 14 % de Peugeot,
    Fosun rachète le Club Med », « Lumeo racheté par Quibix et Ventora racheté par
    Kelvia »): where the parties fall into two clauses or more (``clause_of``) and each
    holds a whole deal, one deal per clause, the amount staying with the first; else
    none."""
    groups: dict[int, dict[str, tuple[str, float, int]]] = {}
    for name, party in deal.parties.items():
        groups.setdefault(clause_of(cols, party[2], sent), {})[name] = party
    return _whole_parts(deal, groups)


def holdings(
    deal: LearnedDeal, scores: dict[str, dict[str, float]], where: dict[str, int]
) -> list[LearnedDeal]:
    """One investment per company its investors hold (GUIDELINES: « one investor with
    several holdings makes one record per target »; « Kelvia détient des participations
    dans Quibix, Lumeo et Ventora »): every name whose likeliest role is ``target``, but
    an investor of the deal, is a holding; with two or more, each gets a deal with the
    deal's investors, the first named taking the amount and stake stated once."""
    investors = {n: p for n, p in deal.parties.items() if p[0] == "investor"}
    held = [
        name
        for name, by_role in scores.items()
        if name not in investors
        and by_role.get("target", 0.0) > by_role.get("none", 0.0)
        and by_role.get("target", 0.0) >= by_role.get("investor", 0.0)
    ]
    if len(held) < 2 or not investors:
        return [deal]
    ordered = sorted(held, key=lambda n: where.get(n, 0))
    groups = {
        k: {**investors, name: ("target", scores[name]["target"], where.get(name, 0))}
        for k, name in enumerate(ordered)
    }
    return _whole_parts(deal, groups) or [deal]


_PROMOTE = 0.2  # a name's score for a role the deal lacks, for it to take that role
ONE_TARGET = ("funding", "investment")  # deal types with one target
_NEEDED = {
    "funding": ("target",),
    "investment": ("investor", "target"),
    "contract": ("buyer", "supplier"),
    "acquisition": ("acquirer", "target"),
    "hire": ("employer",),
}


def decode_roles(
    deal_type: str, scores: dict[str, dict[str, float]]
) -> dict[str, tuple[str, float]]:
    """Each name's role in a deal of ``deal_type`` from its role scores: its best role
    when that beats ``none``; then one target where the type has one (the likeliest),
    and a role the deal lacks (a round's target, a contract's buyer) given to the
    likeliest name left out, else to the likeliest whose role another name also holds
    (two targets, one of them the buyer), when it scores ``_PROMOTE`` or more for it."""
    roles: dict[str, tuple[str, float]] = {}
    for name, by_role in scores.items():
        fitting = {r: p for r, p in by_role.items() if r != "none"}
        if not fitting:
            continue
        role = max(fitting, key=fitting.__getitem__)
        if fitting[role] > by_role.get("none", 0.0):
            roles[name] = (role, fitting[role])
    if deal_type in ONE_TARGET:
        targets = sorted(
            (n for n, (r, _p) in roles.items() if r == "target"), key=lambda n: -roles[n][1]
        )
        for name in targets[1:]:
            others = {r: p for r, p in scores[name].items() if r not in ("none", "target")}
            role = max(others, key=others.__getitem__) if others else None
            if role is not None and others[role] > scores[name].get("none", 0.0):
                roles[name] = (role, others[role])
            else:
                del roles[name]
    for needed in _NEEDED.get(deal_type, ()):
        if any(r == needed for r, _p in roles.values()):
            continue
        left = [n for n in scores if n not in roles and scores[n].get(needed, 0.0) >= _PROMOTE]
        if not left:  # « Kiplo rachète Ventora » read with two targets
            held = [r for r, _p in roles.values()]
            left = [
                n
                for n, (r, _p) in roles.items()
                if held.count(r) > 1 and scores[n].get(needed, 0.0) >= _PROMOTE
            ]
        if left:
            name = max(left, key=lambda n: scores[n][needed])
            roles[name] = (needed, scores[name][needed])
    return roles


def _anchor(sent: Any, deal_type: str, triggers: list[frozenset[str]]) -> Any:
    """The sentence's first trigger word of ``deal_type``, else its root: where the
    rules' functions look for the deal's certainty and date."""
    for i in range(sent.start, sent.end):  # positions: no Token made per word
        if deal_type in triggers[i]:
            return sent.doc[i]
    return next((t for t in sent if t.head.i == t.i), sent.root)


def merge_neighbours(deals: list[LearnedDeal]) -> list[LearnedDeal]:
    """Deals of one type in neighbouring sentences, as one, where they share a party or
    one of them lacks a role its type needs (« Ventora lève 5 M€. Le tour est mené par
    Kelvin Partners. »: the second sentence's backer joins the first's round), unless
    they tell two amounts or are rounds or stakes of two different targets; then only
    the complete deals (``LearnedDeal.complete``)."""
    out: list[LearnedDeal] = []
    for deal in sorted(deals, key=lambda d: d.sentence):
        for kept in reversed(out):
            if (
                kept.type == deal.type
                and deal.sentence - kept.last <= _REACH
                and (kept.names() & deal.names() or not (kept.complete() and deal.complete()))
                and not (kept.amount and deal.amount and kept.amount != deal.amount)
                and not _two_targets(kept, deal)
            ):
                for name, party in deal.parties.items():
                    if name not in kept.parties or party[1] > kept.parties[name][1]:
                        kept.parties[name] = party
                kept.kinds.update(deal.kinds)
                kept.last = deal.sentence
                kept.score = max(kept.score, deal.score)
                kept.amount = kept.amount or deal.amount
                kept.date = kept.date or deal.date
                kept.stake = kept.stake if kept.stake is not None else deal.stake
                break
        else:
            out.append(deal)
    return [d for d in out if d.complete()]


def _two_targets(a: LearnedDeal, b: LearnedDeal) -> bool:
    """Two rounds or stakes of different companies: one target each, not the same."""
    if a.type not in ONE_TARGET:
        return False
    ta = {n for n, (r, _p, _t) in a.parties.items() if r == "target"}
    tb = {n for n, (r, _p, _t) in b.parties.items() if r == "target"}
    return bool(ta and tb and not ta & tb)


def fold_repeats(deals: list[LearnedDeal]) -> list[LearnedDeal]:
    """Deals of one type between the same parties told again further on (« Google a
    annoncé le rachat de Moodstocks ... la firme vient de faire l'acquisition de
    Moodstocks »), as one: the likelier reading stands and takes the other's amount and
    date when it has none. Two sums, or two years, are two deals (two rounds)."""
    out: list[LearnedDeal] = []
    for deal in sorted(deals, key=lambda d: -d.score):
        kept = next((k for k in out if _repeats(k, deal)), None)
        if kept is None:
            out.append(deal)
            continue
        kept.amount = kept.amount or deal.amount
        kept.date = kept.date or deal.date
    return sorted(out, key=lambda d: d.sentence)


def _repeats(kept: LearnedDeal, deal: LearnedDeal) -> bool:
    if kept.type != deal.type or kept.names() != deal.names():
        return False
    if kept.amount and deal.amount and kept.amount != deal.amount:
        return False
    return not (kept.date and deal.date and kept.date[:4] != deal.date[:4])


def same_deal(rule: dict, learned: dict) -> bool:
    """The learned deal tells the rule deal again: half the parties in common (the
    scorer's match) or all the learned deal's parties among the rule's. The type need
    not agree: where the rules found a deal, their type stands."""
    names_a = [p["name"] for p in rule["parties"]]
    names_b = [p["name"] for p in learned["parties"]]
    if all(any(names_match(x, y) for y in names_a) for x in names_b):
        return True
    common = sum(1 for x in names_a if any(names_match(x, y) for y in names_b))
    union = len(names_a) + len(names_b) - common
    return union > 0 and 2 * common >= union


def as_dict(deal: LearnedDeal, sentences: list, text: str) -> dict:
    """The deal in the GUIDELINES schema, with evidence, offsets and its scores."""
    first, last = sentences[deal.sentence], sentences[deal.last]
    parties = sorted(deal.parties.items(), key=lambda item: item[1][2])
    out: dict = {
        "type": deal.type,
        "parties": [{"name": name, "role": role} for name, (role, _p, _t) in parties],
        "amount": amount_dict(deal.amount),
        "date": deal.date,
    }
    if deal.stake is not None:
        out["stake"] = json_number(deal.stake)
    out["certainty"] = deal.certainty
    out["evidence"] = text[first.start_char : last.end_char].strip()
    out["start"], out["end"] = first.start_char, last.end_char
    return out


def role_score(deal: LearnedDeal) -> float:
    """The mean probability of the deal's parties' roles."""
    return sum(p for _r, p, _t in deal.parties.values()) / max(1, len(deal.parties))
