"""Investments read by the learned steps: a learned investment carries the percentage
its sentence tells (« Kelvia prend 30 % de Ventora »), as the rules' investments do; an
investor's several holdings are one investment each (GUIDELINES); and a share bought of
50 % or less is an investment, 50 % included (GUIDELINES, « Stake or purchase »).

Every sentence here is invented (Kelvia, Ventora, Quibix, Lumeo)."""

from __future__ import annotations

from tests.learned_scores import learned_reading

TEXT = "Selon le journal, le fonds Kelvia a pris 30 % du capital de Ventora en juin 2024."


def test_a_learned_investment_carries_its_stake(annotate_until) -> None:
    roles = {"Kelvia": "investor", "Ventora": "target"}
    (deal,) = learned_reading(annotate_until, TEXT, "investment", roles)
    assert deal.type == "investment"
    assert deal.stake == 30.0
    assert deal.date == "2024-06"


def test_no_stake_where_the_sentence_tells_no_percentage(annotate_until) -> None:
    text = "Selon le journal, le fonds Kelvia est entré au capital de Ventora en juin 2024."
    roles = {"Kelvia": "investor", "Ventora": "target"}
    (deal,) = learned_reading(annotate_until, text, "investment", roles)
    assert deal.stake is None


def test_a_learned_acquisition_has_no_stake(annotate_until) -> None:
    text = "Le groupe Quibix a racheté 100 % de Lumeo en juin 2024."
    (deal,) = learned_reading(
        annotate_until, text, "acquisition", {"Quibix": "acquirer", "Lumeo": "target"}
    )
    assert deal.type == "acquisition"
    assert deal.stake is None


def test_several_holdings_are_one_investment_each(annotate_until) -> None:
    text = "Kelvia a investi 12 millions d'euros dans Quibix, Lumeo et Ventora en 2024."
    roles = {"Kelvia": "investor", "Quibix": "target", "Lumeo": "target", "Ventora": "target"}
    deals = learned_reading(annotate_until, text, "investment", roles)
    assert [sorted(d.parties) for d in deals] == [
        ["Kelvia", "Quibix"],
        ["Kelvia", "Lumeo"],
        ["Kelvia", "Ventora"],
    ]
    assert all(d.parties["Kelvia"][0] == "investor" for d in deals)
    # the amount told once is the first holding's; the date is every one's
    assert [d.amount is not None for d in deals] == [True, False, False]
    assert {d.date for d in deals} == {"2024"}


def test_one_holding_stays_one_deal(annotate_until) -> None:
    text = "Kelvia et Lumeo ont investi 12 millions d'euros dans Quibix en 2024."
    roles = {"Kelvia": "investor", "Lumeo": "investor", "Quibix": "target"}
    (deal,) = learned_reading(annotate_until, text, "investment", roles)
    assert sorted(deal.parties) == ["Kelvia", "Lumeo", "Quibix"]


def test_half_of_a_company_bought_is_an_investment(rules_nlp) -> None:
    def read(text: str) -> list[tuple[str, object]]:
        return [(d["type"], d.get("stake")) for d in rules_nlp(text)._.deals]

    assert read("Le fonds Kelvia acquiert 50 % de la société Ventora.") == [("investment", 50)]
    assert read("Le fonds Kelvia acquiert 51 % de la société Ventora.") == [("acquisition", None)]
