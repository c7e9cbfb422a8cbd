"""The deals of the rules and of the learned steps, joined, each with its confidence.

Where both tell one deal (``learned.same_deal``: their parties, whatever their types;
a learned deal of another type scored ``twin_threshold`` or more is a second deal between
the same companies), ``prefer`` says whose record stands:
``"rules"`` (the default) or ``"learned"`` (better on real news across five folds of
the real corpus, much worse on the invented corpora the rules were written for:
docs/learned.md). A rule contract whose sentences the learned steps score under 0.1
for a contract is left out (``rule_thresholds``). A rule record that stands takes the
parties the learned reading of the same type names and it lacks, when the role step
gives them ``party_threshold`` or more (``add_learned_parties``). A deal only one of
them found joins the list. A contract's buyer and supplier are the role step's likelier
reading of the two where the learned steps alone found it or the rules' frame guessed
them, and its reading ten times likelier elsewhere (``ORIENTED``, ``orient``). A
learned-only deal that a deal of another type, told from the same sentence between the
same parties and scored at least as high, shadows is left out (``unshadowed``). A rule
deal that two learned deals of its type, cut from one sentence with no party in common,
match gives way to them (``told_apart``: the rules merged what the learned reading told
apart). A rule deal that stands gets the learned score of its sentence for its type
and, when the learned steps found it too, their role scores. Every deal's ``confidence`` then comes
from ``confidence.Calibrator`` over ``confidence.deal_features``.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from aiextract.components.deals.confidence import FEATURES, Calibrator, deal_features
from aiextract.components.deals.learned import (
    ONE_TARGET,
    LearnedDeal,
    as_dict,
    read_learned,
    role_score,
    same_deal,
)
from aiextract.components.learned.features import doc_features
from aiextract.evaluate import DEAL_JACCARD, names_match, party_jaccard
from aiextract.extensions import doc_text

PREFER = ("rules", "learned")
# roles a deal holds once: the target of a round or a stake, a hire's person and employer
SINGLE_ROLES = {(t, "target") for t in ONE_TARGET} | {("hire", "person"), ("hire", "employer")}
# the types whose rule records take learned parties. Not investment: the role step
# reads the seller of a stake as a second investor (« X a cédé 30 % de Y au fonds Z »);
# of the parties it would add over five folds at seeds 0 and 1, 1 in 13 was right.
TAKE_PARTIES = ("acquisition", "contract", "funding", "hire", "partnership")
# the types whose two roles the role step orients (docs/learned.md, « Who buys, who
# supplies »): in a learned deal, and in a rule deal whose frame guessed them (``twoway``
# triggers: « X signe un contrat avec Y » says nothing of who buys), it takes the likelier
# reading; a rule frame that knows the direction yields to one ``OVERTURN`` times likelier
ORIENTED = {"contract": ("buyer", "supplier")}
OVERTURN = 10.0


def sentence_score(doc: Doc, deal_type: str, start: int, end: int) -> float:
    """The best learned score for ``deal_type`` of the sentences in ``start``..``end``
    (characters)."""
    best = 0.0
    for entry in doc._.deal_sentences or []:
        if entry["start_char"] < end and start < entry["end_char"]:
            best = max(best, entry["scores"].get(deal_type, 0.0))
    return best


def role_scores_in(doc: Doc, deal_type: str, start: int, end: int) -> dict[str, dict[str, float]]:
    """Per name, the best probability the role step gives it for each role of
    ``deal_type`` in the words of ``start``..``end`` (characters)."""
    out: dict[str, dict[str, float]] = {}
    for row in doc._.deal_roles or []:
        if row["type"] == deal_type and start <= doc[row["start"]].idx < end:
            best = out.setdefault(row["name"], {})
            for role, p in row["scores"].items():
                best[role] = max(best.get(role, 0.0), p)
    return out


def orient(
    deal: dict,
    scores: Mapping[str, Mapping[str, float]],
    roles: tuple[str, str],
    margin: float = 1.0,
) -> None:
    """Swap ``deal``'s two ``roles`` (one party each) when ``scores`` (``role_scores_in``)
    find the other reading ``margin`` times likelier than the deal's: « Capgemini signe
    un contrat avec Schneider » read by the rules with Capgemini buying. A party the role
    step did not score leaves the deal as it is."""
    a, b = roles
    one = [p for p in deal["parties"] if p["role"] == a]
    other = [p for p in deal["parties"] if p["role"] == b]
    if len(one) != 1 or len(other) != 1:
        return
    found = [
        next((s for name, s in scores.items() if names_match(name, party["name"])), None)
        for party in (one[0], other[0])
    ]
    if found[0] is None or found[1] is None:
        return
    kept = found[0].get(a, 0.0) * found[1].get(b, 0.0)
    swapped = found[0].get(b, 0.0) * found[1].get(a, 0.0)
    if swapped > margin * kept:
        one[0]["role"], other[0]["role"] = b, a


def add_learned_parties(rule: dict, learned: LearnedDeal, threshold: float) -> None:
    """Add to ``rule`` (a rule deal's dict) the parties ``learned``, the learned reading of
    the same deal and type, names with a role probability of ``threshold`` or more and
    the rules left out (« Ventora lève 12 M€ auprès de Kelvin Partners, Quibix et
    Lumeo » read by the rules with one backer). A role a deal holds once
    (``SINGLE_ROLES``) is not given twice; only ``TAKE_PARTIES`` types take parties."""
    if learned.type != rule["type"] or rule["type"] not in TAKE_PARTIES:
        return
    names = [party["name"] for party in rule["parties"]]
    held = {party["role"] for party in rule["parties"]}
    for name, (role, prob, _token) in sorted(learned.parties.items(), key=lambda x: x[1][2]):
        if prob < threshold or any(names_match(name, known) for known in names):
            continue
        if (rule["type"], role) in SINGLE_ROLES and role in held:
            continue
        rule["parties"].append({"name": name, "role": role})
        names.append(name)
        held.add(role)


def join_learned(
    doc: Doc,
    rule_deals: list[dict],
    thresholds: Mapping[str, float],
    calibrator: Calibrator | None,
    rule_roles: dict[tuple[int, str], dict[str, str]] | None = None,
    prefer: str = "rules",
    twin_threshold: float = 0.5,
    party_threshold: float = 0.5,
    rule_thresholds: Mapping[str, float] | None = None,
) -> list[dict]:
    """``rule_deals`` (dicts with evidence offsets and the rules' confidence) and the
    learned deals of ``doc`` (sentences scored at or over ``thresholds`` of their type),
    in text order, with a calibrated ``confidence`` and the
    numbers it came from (the deal's ``features``, which calibration fits on).
    ``rule_roles`` gives, per (sentence, type), the roles the rules' candidates gave
    there: a learned deal's party takes the rules' role when they gave one. ``prefer``
    says whose record stands where both tell one deal. A learned deal of another type
    than the rule deal it shares its parties with stands beside it when its sentence
    scores ``twin_threshold`` or more: a second deal between the same companies (a round
    and a backer's named share of it, a consortium's contract and its partnership). A
    rule record that stands takes the parties its learned reading of the same type
    scores ``party_threshold`` or more and it lacks (above 1: none). A rule deal whose
    sentences score under ``rule_thresholds`` for its type is left out."""
    feats = doc_features(doc)
    learned = read_learned(doc, feats, thresholds, rule_roles or {})
    text = doc_text(doc)
    records = [(deal, as_dict(deal, feats.sentences, text)) for deal in learned]
    out: list[tuple[dict, list[float], bool]] = []  # deal, features, roles guessed
    taken: set[int] = set()
    floors = rule_thresholds or {}
    for deal in rule_deals:
        sentence = sentence_score(doc, deal["type"], deal["start"], deal["end"])
        if sentence < floors.get(deal["type"], 0.0):
            continue  # the learned steps read no deal of its type there
        matches = [
            k
            for k, (d, r) in enumerate(records)
            if same_deal(deal, r) and not (d.type != deal["type"] and d.score >= twin_threshold)
        ]
        if matches and prefer == "learned":
            continue  # the learned reading stands
        if told_apart(deal["type"], [records[k][0] for k in matches]):
            continue  # the rules merged deals the learned reading tells apart
        taken.update(matches)
        match = matches[0] if matches else None
        if match is not None:
            add_learned_parties(deal, records[match][0], party_threshold)
        row = deal_features(
            rules=True,
            learned=match is not None,
            sentence=sentence,
            rule_score=deal["confidence"],
            role_score=role_score(records[match][0]) if match is not None else 0.0,
            amount=deal.get("amount") is not None,
            hedged=deal.get("certainty") == "hedged",
        )
        out.append((deal, row, deal.pop("twoway", False)))
    for k, (deal, record) in enumerate(records):
        if k in taken:
            continue
        row = deal_features(
            rules=False,
            learned=True,
            sentence=deal.score,
            rule_score=0.0,
            role_score=role_score(deal),
            amount=record.get("amount") is not None,
            hedged=record.get("certainty") == "hedged",
        )
        record["confidence"] = round(deal.score * role_score(deal), 2)
        out.append((record, row, True))
    out = unshadowed(out)
    for deal, row, guessed in out:
        if deal["type"] in ORIENTED:
            scores = role_scores_in(doc, deal["type"], deal["start"], deal["end"])
            orient(deal, scores, ORIENTED[deal["type"]], 1.0 if guessed else OVERTURN)
        if calibrator is not None:
            deal["confidence"] = calibrator.confidence(row)
        deal["features"] = row
    out.sort(key=lambda item: item[0]["start"])
    return [deal for deal, _row, _guessed in out]


def told_apart(rule_type: str, matches: list[LearnedDeal]) -> bool:
    """Do two learned deals or more of ``rule_type``, from one sentence and with no party
    in common, tell again the rule deal they all match? Then the rules merged deals the
    learned reading cut clause by clause or holding by holding (« Quibix rachète Lumeo et
    Kelvia rachète Ventora » as one acquisition with two buyers), and the learned deals
    stand in its place."""
    same = [d for d in matches if d.type == rule_type]
    if len(same) < 2 or len({d.sentence for d in same}) > 1:
        return False
    names = [d.names() for d in same]
    return all(not names[a] & names[b] for a in range(len(same)) for b in range(a + 1, len(same)))


def unshadowed(out: list[tuple[dict, list[float], bool]]) -> list[tuple[dict, list[float], bool]]:
    """``out`` (deal, its ``deal_features`` row, roles guessed) without the learned-only
    deals that a deal of another type shadows: told from the same sentence, with half
    their parties in common and a learned sentence score at least as high. One sentence
    read as a contract and a partnership between the same companies mostly tells one of
    them (docs/learned.md, « One sentence, one type »)."""
    learned_only, sentence = FEATURES.index("learned"), FEATURES.index("sentence")
    kept: list[dict] = []
    dropped: set[int] = set()
    for k in sorted(range(len(out)), key=lambda k: -out[k][1][sentence]):
        deal, row, _guessed = out[k]
        if row[learned_only] and any(
            other["type"] != deal["type"]
            and other["start"] == deal["start"]
            and party_jaccard(other, deal) >= DEAL_JACCARD
            for other in kept
        ):
            dropped.add(k)
            continue
        kept.append(deal)
    return [item for k, item in enumerate(out) if k not in dropped]
