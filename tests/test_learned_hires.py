"""A founder is no person hired (``learned.founder``): « Kelvia, fondée en 2019 par Jean
Morvan, recrute Paul Marchal » is one hire, of Paul Marchal; a company « lancée par »
its founders hires nobody.

Every name here is invented (Kelvia, Jean Morvan, Paul Marchal, Lucie Texel)."""

from __future__ import annotations

from tests.learned_scores import learned_reading


def test_the_founder_is_left_out_of_the_hire(annotate_until) -> None:
    text = "Kelvia, fondée en 2019 par Jean Morvan, recrute Paul Marchal comme directeur financier."
    roles = {"Kelvia": "employer", "Jean Morvan": "person", "Paul Marchal": "person"}
    (deal,) = learned_reading(annotate_until, text, "hire", roles)
    assert sorted(deal.parties) == ["Kelvia", "Paul Marchal"]


def test_founders_alone_make_no_hire(annotate_until) -> None:
    text = "Lancée en 2017 par Jean Morvan et Lucie Texel, Kelvia compte 40 salariés."
    roles = {"Kelvia": "employer", "Jean Morvan": "person", "Lucie Texel": "person"}
    assert learned_reading(annotate_until, text, "hire", roles) == []


def test_a_person_hired_by_a_founder_stays(annotate_until) -> None:
    text = "Jean Morvan a recruté Paul Marchal chez Kelvia en 2024."
    roles = {"Kelvia": "employer", "Paul Marchal": "person"}
    (deal,) = learned_reading(annotate_until, text, "hire", roles)
    assert sorted(deal.parties) == ["Kelvia", "Paul Marchal"]
