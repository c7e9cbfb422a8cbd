"""A rule deal that two learned deals of its type, cut from one sentence and sharing no
party, both tell again gives way to them (``joining.told_apart``): the rules merged
« Quibix rachète Lumeo et Kelvia rachète Ventora » into one acquisition with two
buyers, the learned reading told the two apart.

Every name here is invented (Quibix, Lumeo, Kelvia, Ventora, Norvane)."""

from __future__ import annotations

from aiextract.components.deals.joining import told_apart
from aiextract.components.deals.learned import LearnedDeal


def _learned(kind: str, roles: dict[str, str], sentence: int = 3) -> LearnedDeal:
    parties = {name: (role, 0.9, 0) for name, role in roles.items()}
    return LearnedDeal(kind, parties, sentence, sentence, 0.8)


def test_two_deals_cut_from_one_sentence_replace_the_rules_record() -> None:
    first = _learned("acquisition", {"Quibix": "acquirer", "Lumeo": "target"})
    second = _learned("acquisition", {"Kelvia": "acquirer", "Ventora": "target"})
    assert told_apart("acquisition", [first, second])


def test_the_rules_record_stands_otherwise() -> None:
    first = _learned("acquisition", {"Quibix": "acquirer", "Lumeo": "target"})
    # one learned deal only
    assert not told_apart("acquisition", [first])
    # two sentences: two readings of one deal, or two rounds the rules joined rightly
    later = _learned("acquisition", {"Kelvia": "acquirer", "Ventora": "target"}, sentence=4)
    assert not told_apart("acquisition", [first, later])
    # a party in common: the same deal read twice
    again = _learned("acquisition", {"Quibix": "acquirer", "Norvane": "target"})
    assert not told_apart("acquisition", [first, again])
    # another type: a twin, not a cut
    twin = _learned("investment", {"Kelvia": "investor", "Ventora": "target"})
    assert not told_apart("acquisition", [first, twin])
