"""An organisation named as founder of another holds an investment in it; people named
as founders give no deal (GUIDELINES, « Founders »)."""

from __future__ import annotations

import pytest
from tests.deal_cases import investments


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "La start-up Orbiq, fondée en 2021 par le groupe Ventora, recrute 30 ingénieurs.",
            {"Ventora": "investor", "Orbiq": "target"},
        ),
        (
            "Le groupe Ventora a fondé Orbiq en 2021 pour exploiter ses brevets.",
            {"Ventora": "investor", "Orbiq": "target"},
        ),
    ],
)
def test_a_founding_company_holds_an_investment(nlp, text, expected):
    assert expected in investments(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "La start-up Orbiq, fondée en 2021 par Lucie Garnier, recrute 30 ingénieurs.",
        "Lucie Garnier a fondé Orbiq en 2021 après dix ans chez Ventora.",
    ],
)
def test_people_founding_a_company_make_no_deal(nlp, text):
    assert investments(nlp(text)) == []
