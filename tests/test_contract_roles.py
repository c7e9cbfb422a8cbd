"""Who buys and who supplies in a contract: the role step orients the two roles
(``joining.orient``), and the scores report how often roles are right on matched deals.

Every sentence here is invented (Quibix, Ventora, Kelvia, Lumeo)."""

from __future__ import annotations

from types import SimpleNamespace

import spacy

from aiextract.components.deals import joining
from aiextract.components.deals.joining import ORIENTED, orient, role_scores_in
from aiextract.components.learned.features import TYPES
from aiextract.extensions import register_extensions
from aiextract.training.loop import deal_scores


def _contract(buyer: str, supplier: str) -> dict:
    parties = [{"name": buyer, "role": "buyer"}, {"name": supplier, "role": "supplier"}]
    return {"type": "contract", "parties": parties}


def _roles(deal: dict) -> list[tuple[str, str]]:
    return [(p["name"], p["role"]) for p in deal["parties"]]


def test_a_contract_takes_the_role_steps_likelier_reading() -> None:
    # « Quibix signe un contrat avec Ventora », read by the rules with Quibix buying; the
    # role step reads Quibix as the supplier and Ventora as the buyer
    deal = _contract("Quibix", "Ventora")
    scores = {
        "Quibix": {"buyer": 0.2, "supplier": 0.7, "none": 0.1},
        "Ventora": {"buyer": 0.6, "supplier": 0.3, "none": 0.1},
    }
    orient(deal, scores, ORIENTED["contract"])
    assert _roles(deal) == [("Quibix", "supplier"), ("Ventora", "buyer")]
    # the same scores the other way round leave the rules' reading as it is
    deal = _contract("Ventora", "Quibix")
    orient(deal, scores, ORIENTED["contract"])
    assert _roles(deal) == [("Ventora", "buyer"), ("Quibix", "supplier")]


def test_a_contract_stays_as_it_is_without_both_scores_or_with_two_buyers() -> None:
    scores = {"Quibix": {"buyer": 0.1, "supplier": 0.9}, "Ventora": {"buyer": 0.9}}
    # a party the role step did not score: nothing to compare
    deal = _contract("Quibix", "Kelvia")
    orient(deal, scores, ORIENTED["contract"])
    assert _roles(deal) == [("Quibix", "buyer"), ("Kelvia", "supplier")]
    # two buyers and one supplier: which pair to swap is not the role step's to say
    deal = _contract("Quibix", "Ventora")
    deal["parties"].append({"name": "Lumeo", "role": "buyer"})
    orient(deal, {**scores, "Lumeo": {"buyer": 0.1, "supplier": 0.9}}, ORIENTED["contract"])
    assert _roles(deal) == [("Quibix", "buyer"), ("Ventora", "supplier"), ("Lumeo", "buyer")]
    # names are matched as the scorer matches them (« la société Quibix »)
    deal = _contract("la société Quibix", "Ventora")
    orient(deal, scores, ORIENTED["contract"])
    assert _roles(deal) == [("la société Quibix", "supplier"), ("Ventora", "buyer")]


def test_role_scores_are_read_in_the_deals_words_only() -> None:
    register_extensions()
    doc = spacy.blank("fr")("Quibix fournit Ventora . Lumeo achète Kelvia .")
    row = {"type": "contract", "name": "Quibix", "start": 0}
    doc._.deal_roles = [
        {**row, "scores": {"buyer": 0.2, "supplier": 0.7}},
        {**row, "scores": {"buyer": 0.4, "supplier": 0.1}},  # a second mention
        {"type": "contract", "name": "Lumeo", "start": 4, "scores": {"buyer": 0.9}},
        {"type": "partnership", "name": "Ventora", "start": 2, "scores": {"partner": 0.9}},
    ]
    first = doc[0:4]
    assert role_scores_in(doc, "contract", first.start_char, first.end_char) == {
        "Quibix": {"buyer": 0.4, "supplier": 0.7}
    }


class _Doc(SimpleNamespace):
    """A doc whose words 0 and 1 start at characters 0 and 30."""

    def __getitem__(self, i: int) -> SimpleNamespace:
        return SimpleNamespace(idx=(0, 30)[i])


def _join_contract(monkeypatch, scores: tuple = ((0.0, 0.0), (0.8, 0.7)), **rule_keys) -> list:
    """``join_learned`` of the rules' « Quibix signe un contrat avec Ventora » (Quibix
    buying) and no learned deal; ``scores`` are the role step's ((Quibix buyer, Ventora
    supplier), (Quibix supplier, Ventora buyer))."""
    (q_buyer, v_supplier), (q_supplier, v_buyer) = scores
    monkeypatch.setattr(joining, "doc_features", lambda doc: SimpleNamespace(sentences=[]))
    monkeypatch.setattr(joining, "read_learned", lambda *args: [])
    monkeypatch.setattr(joining, "doc_text", lambda doc: "")
    rule = {**_contract("Quibix", "Ventora"), "amount": None, "certainty": "stated"}
    rule.update(confidence=0.8, start=0, end=40, **rule_keys)
    rows = [
        {"type": "contract", "name": "Quibix", "start": 0},
        {"type": "contract", "name": "Ventora", "start": 1},
    ]
    rows[0]["scores"] = {"buyer": q_buyer, "supplier": q_supplier}
    rows[1]["scores"] = {"buyer": v_buyer, "supplier": v_supplier}
    doc = _Doc(_=SimpleNamespace(deal_sentences=[], deal_roles=rows))
    return joining.join_learned(doc, [rule], dict.fromkeys(TYPES, 0.2), None, {})


def test_the_join_orients_a_rule_contract_whose_frame_guessed(monkeypatch) -> None:
    [deal] = _join_contract(monkeypatch, twoway=True)  # a « twoway » trigger's frame
    assert _roles(deal) == [("Quibix", "supplier"), ("Ventora", "buyer")]
    assert "twoway" not in deal
    # a frame that knows who buys (« Quibix s'appuie sur Ventora ») yields only to a
    # reading ten times likelier: 0.8 × 0.7 against 0.01 × 0.01, not 0.2 × 0.3
    [deal] = _join_contract(monkeypatch, scores=((0.01, 0.01), (0.8, 0.7)))
    assert _roles(deal) == [("Quibix", "supplier"), ("Ventora", "buyer")]
    [deal] = _join_contract(monkeypatch, scores=((0.2, 0.3), (0.8, 0.7)))
    assert _roles(deal) == [("Quibix", "buyer"), ("Ventora", "supplier")]


def test_orient_takes_a_margin() -> None:
    scores = {"Quibix": {"buyer": 0.3, "supplier": 0.6}, "Ventora": {"buyer": 0.6}}
    deal = _contract("Quibix", "Ventora")  # 0.6 × 0.6 against 0.3 × 0: any margin swaps
    orient(deal, scores, ORIENTED["contract"], margin=100.0)
    assert _roles(deal) == [("Quibix", "supplier"), ("Ventora", "buyer")]
    scores["Ventora"]["supplier"] = 0.4  # 0.36 against 0.12: three times likelier
    deal = _contract("Quibix", "Ventora")
    orient(deal, scores, ORIENTED["contract"], margin=3.5)
    assert _roles(deal) == [("Quibix", "buyer"), ("Ventora", "supplier")]
    orient(deal, scores, ORIENTED["contract"], margin=2.5)
    assert _roles(deal) == [("Quibix", "supplier"), ("Ventora", "buyer")]


def test_deal_scores_give_roles_and_amount_on_typed_matches() -> None:
    gold = [
        {**_contract("Quibix", "Ventora"), "amount": {"value": 5e6, "currency": "EUR"}},
        {"type": "partnership", "parties": [{"name": "Lumeo", "role": "partner"}]},
    ]
    pred = [{**_contract("Ventora", "Quibix"), "amount": {"value": 5e6, "currency": "EUR"}}]
    scores = deal_scores([gold], [pred])
    assert scores["typed"]["tp"] == 1 and scores["typed"]["fn"] == 1
    # both parties of the one match have the other role; its amount is right
    assert scores["roles"] == {"correct": 0, "total": 2, "accuracy": 0.0}
    assert scores["amount"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert deal_scores([[]], [[]])["roles"]["accuracy"] == 0.0
