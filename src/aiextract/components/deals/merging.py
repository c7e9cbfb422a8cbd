"""One record per deal: merge the candidates of an article (``merge``).

Repeated mentions of a deal become one record; references, partial mentions and
parties told in another sentence are folded into the deal they are about; what still
misses a party the GUIDELINES require is dropped. See docs/deals.md, step 7.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Span

from aiextract.components.deals.candidates import Candidate
from aiextract.components.deals.mentions import Party


def _requirements(cand: Candidate) -> bool:
    roles = {p.role for p in cand.parties}
    orgs = {p.name for p in cand.parties if p.kind == "org"}
    if cand.type == "funding":
        return "target" in roles
    if cand.type == "hire":
        return "employer" in roles and bool(roles & {"person", "source"})
    if cand.type == "acquisition":
        return len(orgs) >= 2 and "target" in roles
    if cand.type == "investment":
        return len(orgs) >= 2 and "target" in roles and "investor" in roles
    return len(orgs) >= 2


def _same_amount(a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return True
    try:
        va, vb = Decimal(str(a["value"])), Decimal(str(b["value"]))
    except Exception:
        return False
    if a.get("currency") != b.get("currency"):
        return False
    return abs(va - vb) <= Decimal("0.005") * max(abs(va), abs(vb))


def _same_year(a: str | None, b: str | None) -> bool:
    """Two rounds of one company dated in different years are two deals."""
    return not a or not b or a[:4] == b[:4]


def _roles_clash(deal: Candidate, cand: Candidate) -> bool:
    """A company in two roles (« Y, qui avait acquis X en 2017 » against « Y cède X »)."""
    roles = {p.name: p.role for p in deal.parties}
    return any({roles.get(p.name), p.role} == {"acquirer", "seller"} for p in cand.parties)


def _compatible(deal: Candidate, cand: Candidate) -> bool:
    if deal.type != cand.type or not _same_amount(deal.amount, cand.amount):
        return False
    if cand.type in ("acquisition", "investment", "contract") and (
        _roles_clash(deal, cand) or not _same_year(deal.date, cand.date)
    ):
        return False
    a, b = deal.names(), cand.names()
    if not a or not b:
        return False
    if cand.type == "hire":
        ea = {p.name for p in deal.parties if p.role == "employer"}
        eb = {p.name for p in cand.parties if p.role == "employer"}
        pa = {p.name for p in deal.parties if p.role == "person"}
        pb = {p.name for p in cand.parties if p.role == "person"}
        if ea & eb:  # one employer: the same hire unless both name different people
            return not (pa and pb and not pa & pb)
        return (not eb and bool(pa & pb)) or (not ea and bool(pa & pb))
    if cand.type == "funding":
        ta = {p.name for p in deal.parties if p.role == "target"}
        tb = {p.name for p in cand.parties if p.role == "target"}
        return ta == tb and bool(ta) and _same_year(deal.date, cand.date)
    return a <= b or b <= a


def _absorb(deal: Candidate, cand: Candidate) -> None:
    names = deal.names()
    for party in cand.parties:
        if party.name not in names:
            deal.parties.append(party)
            names.add(party.name)
    for attr in ("amount", "valuation", "stake", "date", "name"):
        if getattr(deal, attr) is None and getattr(cand, attr) is not None:
            setattr(deal, attr, getattr(cand, attr))
    if (
        cand.certainty == "stated"
        and deal.certainty == "hedged"
        and cand.parties
        and not cand.reference
    ):
        deal.certainty = "stated"  # a re-mention (« cette commande ») asserts nothing new
    deal.confidence = max(deal.confidence, cand.confidence)
    deal.merged.append(cand.anchor)
    deal.last_sent = max(deal.last_sent, deal.sent, cand.sent)


def merge(
    candidates: list[Candidate],
    sentences: list[Span],
    counts: dict[str, int] | None = None,
    leader: str | None = None,
) -> list[Candidate]:
    """One record per deal: merge repeated mentions, fold references and partial
    mentions into the deal they are about, drop what still misses a party."""
    counts = counts or {}
    deals: list[Candidate] = []
    partial: list[Candidate] = []
    extra: list[Candidate] = []  # the investments of backers' shares, kept apart
    for cand in candidates:
        if not _requirements(cand) or "follow" in cand.trigger.flags:
            partial.append(cand)
            continue
        for deal in deals:
            if _compatible(deal, cand):
                _absorb(deal, cand)
                break
        else:
            deals.append(cand)
    for cand in partial:
        if "follow" in cand.trigger.flags:
            # « L'opération est menée par X »: the parties of the deal just told;
            # « Le montant de l'opération s'élève à 30 M€ »: its amount, whatever its type
            told = _just_told(cand, deals)
            if told is None:
                continue
            if "talks" in cand.trigger.flags and told.certainty != "hedged":
                continue  # talks after a stated round are about another one
            if cand.parties and told.type == cand.type:
                _absorb(told, cand)
            elif not cand.parties and cand.amount and told.amount is None and told.type != "hire":
                told.amount = cand.amount
            continue
        if cand.pair and not {p.kind for p in cand.parties} & {"org"}:
            pair = _pair_of(cand, deals, counts)
            if pair is not None:
                deals.append(pair)
                continue
        if cand.type == "funding" and not cand.parties and not cand.reference:
            # « une première levée de 6 M€ en 2022 »: an earlier round of the target
            # of the round just reported
            earlier_round = _earlier_round(cand, deals)
            if earlier_round is not None:
                deals.append(earlier_round)
                continue
        if (
            cand.type in ("funding", "investment")
            and cand.amount
            and cand.parties
            and all(p.role == "investor" for p in cand.parties)
        ):
            # « Le fonds X apporte 6 M€. Au total, Y lève 8 M€ »: a backer's share of the
            # round told next to it joins it, and is its own investment (GUIDELINES)
            whole = _round_of_share(cand, deals)
            if whole is not None and not (
                cand.type == "funding" and _same_amount(whole.amount, cand.amount)
            ):  # the round itself told again: merged below as before
                share = _share_investment(cand, whole)
                _absorb_parties(whole, cand)
                if share is not None:
                    extra.append(share)
                continue
        if (
            cand.type == "funding"
            and cand.parties
            and all(p.role == "investor" for p in cand.parties)
        ):
            # « Le tour est mené par X »: the investors of the round just reported
            near = [
                d
                for d in deals
                if d.type == "funding"
                and d.sent <= cand.sent
                and cand.sent - d.sent <= 2
                and _same_amount(d.amount, cand.amount)
            ]
            if near:
                _absorb(max(near, key=lambda d: (d.sent, d.anchor)), cand)
                continue
        if (
            cand.type == "investment"
            and (cand.stake is not None or "capital" in cand.trigger.form)
            and cand.parties
            and all(p.role == "investor" for p in cand.parties)
        ):
            # « ... auprès du fonds X, qui détient désormais 45 % du capital »: the capital
            # of the company that raised or was bought in that same sentence
            holder = _held_target(cand, deals)
            if holder is not None:
                deals.append(holder)
                continue
        if leader and cand.type == "acquisition" and not cand.trigger.is_verb:
            # « le rachat de X, conclu pour 40 M€ » with no buyer named: the company the
            # article is about, when it is not X itself and no « par » names another
            bought = _bought_by(cand, leader)
            if bought is not None:
                deals.append(bought)
                continue
        if (
            leader
            and cand.type == "funding"
            and cand.parties
            and all(p.role == "investor" for p in cand.parties)
            and not any(d.type == "funding" for d in deals)
        ):
            # « Un tour de table de 10 M€ a été mené par X » with the company that raised
            # only implied: the company the article is about (its focus)
            raised = _raised_by(cand, leader)
            if raised is not None:
                deals.append(raised)
                continue
        if cand.type == "hire" and cand.parties and all(p.role == "person" for p in cand.parties):
            # « X a débauché A et B » parsed apart: the persons join the hire just found
            near = [
                d
                for d in deals
                if d.type == "hire"
                and 0 <= cand.sent - d.sent <= 1
                and not any(p.role == "person" for p in d.parties)
            ]
            if near:
                _absorb(max(near, key=lambda d: (d.sent, d.anchor)), cand)
                continue
        if cand.parties:
            fits = [
                d
                for d in deals
                if d.type == cand.type
                and _same_amount(d.amount, cand.amount)
                and (cand.names() <= d.names() or (cand.type == "hire" and _compatible(d, cand)))
            ]
            if fits:
                best = min(fits, key=lambda d: abs(d.sent - cand.sent))
                _absorb(best, cand)
                continue
            if not cand.reference:
                continue
        # no party: a reference to an earlier deal (« ce partenariat, baptisé X »,
        # « l'opération, évaluée à ... »), or an amount for the deal just before
        earlier = [d for d in deals if d.sent <= cand.sent and cand.sent - d.sent <= 12]
        same = [d for d in earlier if d.type == cand.type]
        target = None
        if cand.reference and same:
            target = max(same, key=lambda d: d.sent)
        elif cand.amount and earlier:
            # the deal introduced last among those mentioned in the sentence before
            recent = [
                d
                for d in earlier
                if cand.sent - max(d.sent, d.last_sent) <= 1
                and d.amount is None
                and d.type != "hire"  # a hire has no amount
            ]
            if recent:
                target = max(recent, key=lambda d: (d.sent, d.anchor))
        if cand.amount and target is None and cand.orphan:
            lonely = [d for d in deals if d.type == cand.type and d.amount is None]
            if len(lonely) == 1 and len([d for d in deals if d.type == cand.type]) == 1:
                target = lonely[0]
        if target is not None:
            for attr in ("amount", "date", "name"):
                if getattr(target, attr) is None and getattr(cand, attr) is not None:
                    setattr(target, attr, getattr(cand, attr))
    for share in extra:
        same = next((d for d in deals if _compatible(d, share)), None)
        if same is not None:
            _absorb(same, share)
        else:
            deals.append(share)
    deals.extend(_hires_over_two_sentences(partial, deals))
    return sorted(deals, key=lambda d: d.anchor)


def _hires_over_two_sentences(partial: list[Candidate], deals: list[Candidate]) -> list[Candidate]:
    """« Marie Dupont a été nommée directrice financière. Elle rejoint X … »: a hire with
    its person only, then one with its employer only whose sentence opens on « il / elle »,
    make one hire (when no found hire already has that person)."""
    hired = {p.name for d in deals if d.type == "hire" for p in d.parties if p.role == "person"}
    persons = [
        c
        for c in partial
        if c.type == "hire" and c.parties and all(p.role == "person" for p in c.parties)
    ]
    out = []
    for cand in [*partial, *deals]:
        roles = {p.role for p in cand.parties}
        words = cand.evidence[2].lower().split()
        if cand.type != "hire" or "employer" not in roles or "person" in roles:
            continue
        if not words or words[0] not in ("il", "elle"):
            continue
        before = [c for c in persons if c.sent == cand.sent - 1]
        if len(before) != 1 or {p.name for p in before[0].parties} & hired:
            continue
        if cand in deals:  # « Elle rejoint X après dix ans chez Y »: a deal already
            cand.parties = [*before[0].parties, *cand.parties]
            continue
        joined = replace(before[0], parties=[*before[0].parties, *cand.parties], merged=[])
        if _requirements(joined):
            joined.last_sent = cand.sent
            out.append(joined)
    return out


def _round_of_share(cand: Candidate, deals: list[Candidate]) -> Candidate | None:
    """The round ``cand`` (backers and their amount, no company) is a share of: the
    deal told last before it in its sentence, else the one told right after it in its
    sentence or the next, else the one told last in the sentence before, when that is
    a funding of at least ``cand``'s amount."""
    before = [d for d in deals if d.anchor < cand.anchor and d.sent == cand.sent]
    after = [d for d in deals if d.anchor > cand.anchor and 0 <= d.sent - cand.sent <= 1]
    back = _just_told(replace(cand, amount=None), deals)
    if before:
        near = max(before, key=lambda d: d.anchor)
    elif after:
        near = min(after, key=lambda d: d.anchor)
        if back is not None and back.type == "funding" and not _compatible(back, near):
            return None  # a round on either side: whose share is it?
    else:
        near = back
    if near is None or near.type != "funding" or not near.amount or near.names() & cand.names():
        return None
    try:
        whole, part = Decimal(str(near.amount["value"])), Decimal(str(cand.amount["value"]))
    except Exception:
        return None
    same_currency = near.amount.get("currency") == cand.amount.get("currency")
    return near if same_currency and part <= whole * Decimal("1.005") else None


def _share_investment(cand: Candidate, whole: Candidate) -> Candidate | None:
    """One backer's named share, smaller than the round: an investment in its target."""
    targets = [p for p in whole.parties if p.role == "target"]
    if len(cand.parties) != 1 or len(targets) != 1 or _same_amount(cand.amount, whole.amount):
        return None
    target = targets[0]
    party = Party(target.name, "target", target.kind, target.token, "reference")
    return replace(cand, type="investment", parties=[*cand.parties, party], merged=[], stake=None)


def _absorb_parties(deal: Candidate, cand: Candidate) -> None:
    """``cand``'s parties join ``deal``, its amount and certainty do not."""
    names = deal.names()
    deal.parties.extend(p for p in cand.parties if p.name not in names)
    deal.merged.append(cand.anchor)
    deal.last_sent = max(deal.last_sent, deal.sent, cand.sent)


def _just_told(cand: Candidate, deals: list[Candidate]) -> Candidate | None:
    """The deal told last in ``cand``'s sentence or the one before, when its amount
    does not contradict ``cand``'s."""
    told = [
        d for d in deals if d.anchor < cand.anchor and cand.sent - max(d.sent, d.last_sent) <= 1
    ]
    if not told:
        return None
    last = max(told, key=lambda d: (max(d.sent, d.last_sent), d.anchor))
    return last if _same_amount(last.amount, cand.amount) else None


def _pair_of(cand: Candidate, deals: list[Candidate], counts: dict[str, int]) -> Candidate | None:
    """« Les deux entreprises ont conclu un partenariat »: the two companies of a deal
    before it (the one the article names most) become the parties, in the role of the
    trigger's subject."""
    earlier = [d for d in deals if d.sent <= cand.sent]
    if not earlier:
        return None
    pairs = [d for d in earlier if len({p.name for p in d.parties if p.kind == "org"}) == 2]
    if not pairs:
        return None
    best = max(pairs, key=lambda d: (sum(counts.get(p.name, 0) for p in d.parties), d.sent))
    orgs = [p for p in best.parties if p.kind == "org"]
    key = "subj" if cand.trigger.is_verb else "gsubj"
    role = cand.trigger.frame.get(key, "partner").split("|")[0]
    if cand.type == "partnership":
        role = "partner"
    parties = [Party(p.name, role, "org", p.token, "reference") for p in orgs]
    out = replace(cand, parties=parties, merged=[])
    return out if _requirements(out) else None


def _bought_by(cand: Candidate, leader: str) -> Candidate | None:
    """The acquisition with the article's leading company as the buyer, or None."""
    roles = {p.role for p in cand.parties}
    if roles != {"target"} or cand.by_phrase:
        return None
    return _with_leader(cand, leader, "acquirer")


def _raised_by(cand: Candidate, leader: str) -> Candidate | None:
    """The round with the article's focus as the company that raised, or None."""
    return _with_leader(cand, leader, "target")


def _with_leader(cand: Candidate, leader: str, role: str) -> Candidate | None:
    """``cand`` with the article's focus added in ``role`` (a party the text leaves
    implied), at a lower confidence; None when it is a party already or the deal then
    still misses what the guidelines require."""
    if leader in cand.names():
        return None
    party = Party(leader, role, "org", cand.anchor, "reference")
    out = replace(cand, parties=[party, *cand.parties], merged=[])
    out.confidence = max(0.05, round(cand.confidence - 0.2, 2))
    return out if _requirements(out) else None


def _held_target(cand: Candidate, deals: list[Candidate]) -> Candidate | None:
    """An investor's stake with no company named: the target of the funding or
    acquisition reported in the same sentence; « entrer au capital » with no company:
    the one target of the deals told in the two sentences before."""
    if cand.stake is not None:
        same = [
            d
            for d in deals
            if d.type in ("funding", "acquisition") and cand.sent in (d.sent, d.last_sent)
        ]
    else:  # « La Région pourrait également entrer au capital »: the company just told
        same = [
            d
            for d in deals
            if d.type in ("funding", "investment", "acquisition")
            and 0 <= cand.sent - max(d.sent, d.last_sent) <= 2
        ]
    targets = {p.name: p for d in same for p in d.parties if p.role == "target"}
    if len(targets) != 1:
        return None
    target = next(iter(targets.values()))
    if target.name in cand.names():
        return None
    party = Party(target.name, "target", target.kind, target.token, "reference")
    return replace(cand, parties=[*cand.parties, party], merged=[])


def _earlier_round(cand: Candidate, deals: list[Candidate]) -> Candidate | None:
    """A party-less round with its own amount, right after a round of one target whose
    amount or year differs: an earlier (or later) round of that same target."""
    if not cand.amount or not cand.round_word:
        return None
    near = [
        d for d in deals if d.type == "funding" and d.sent <= cand.sent and cand.sent - d.sent <= 2
    ]
    if not near:
        return None
    last = max(near, key=lambda d: (d.sent, d.anchor))
    if _same_amount(last.amount, cand.amount) and _same_year(last.date, cand.date):
        return None
    if any(d.type == "funding" and d.amount and _same_amount(d.amount, cand.amount) for d in deals):
        return None
    target = next(p for p in last.parties if p.role == "target")
    return replace(
        cand, parties=[Party(target.name, "target", target.kind, target.token, "reference")]
    )
