"""One sentence, one type: a learned-only deal that a deal of another type, read from the
same sentence between the same parties and scored at least as high, shadows is left out
(``joining.unshadowed``).

Every name here is invented (Quibix, Ventora, Kelvia, Lumeo)."""

from __future__ import annotations

from aiextract.components.deals.confidence import FEATURES, deal_features
from aiextract.components.deals.joining import unshadowed


def _deal(kind: str, names: list[str], start: int = 0) -> dict:
    parties = [{"name": n, "role": "partner"} for n in names]
    return {"type": kind, "parties": parties, "start": start}


def _row(sentence: float, rules: bool = False, learned: bool = True) -> list[float]:
    return deal_features(
        rules=rules,
        learned=learned,
        sentence=sentence,
        rule_score=0.0,
        role_score=0.5,
        amount=False,
        hedged=False,
    )


SENTENCE = FEATURES.index("sentence")


def _types(out: list) -> list[str]:
    return [deal["type"] for deal, _row, _guessed in out]


def test_a_learned_deal_of_another_type_from_the_same_sentence_is_shadowed() -> None:
    # « Quibix et Ventora s'allient pour fournir … » read as a partnership (0.6) and a
    # contract (0.35) between the same two companies: the contract is left out
    partnership = (_deal("partnership", ["Quibix", "Ventora"]), _row(0.6), True)
    contract = (_deal("contract", ["Quibix", "Ventora"]), _row(0.35), True)
    assert _types(unshadowed([contract, partnership])) == ["partnership"]
    # the other way round, the contract stands and the partnership goes
    partnership[1][SENTENCE], contract[1][SENTENCE] = 0.3, 0.7
    assert _types(unshadowed([contract, partnership])) == ["contract"]


def test_a_deal_found_by_the_rules_is_never_shadowed() -> None:
    rule = (_deal("contract", ["Quibix", "Ventora"]), _row(0.1, rules=True, learned=False), False)
    both = (_deal("investment", ["Quibix", "Ventora"]), _row(0.2, rules=True), False)
    learned = (_deal("partnership", ["Quibix", "Ventora"]), _row(0.6), True)
    assert _types(unshadowed([rule, both, learned])) == ["contract", "investment", "partnership"]
    # a learned-only deal scored no higher than a rule deal's sentence is shadowed by it
    learned[1][SENTENCE] = 0.15
    assert _types(unshadowed([rule, both, learned])) == ["contract", "investment"]


def test_other_sentences_other_parties_and_one_type_are_kept() -> None:
    high = (_deal("partnership", ["Quibix", "Ventora"]), _row(0.8), True)
    elsewhere = (_deal("contract", ["Quibix", "Ventora"], start=120), _row(0.4), True)
    others = (_deal("contract", ["Quibix", "Kelvia", "Lumeo"]), _row(0.4), True)  # 1 of 4 names
    same_type = (_deal("partnership", ["Quibix", "Ventora"]), _row(0.3), True)
    out = unshadowed([high, elsewhere, others, same_type])
    assert _types(out) == ["partnership", "contract", "contract", "partnership"]
    # half the names in common is enough (« Quibix, Ventora » against « Quibix »)
    half = (_deal("contract", ["Quibix"]), _row(0.4), True)
    assert _types(unshadowed([high, half])) == ["partnership"]
