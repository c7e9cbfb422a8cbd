"""Deal attributes through the real pipeline: names, stakes, valuations, dates, schema."""

from __future__ import annotations

import pytest

from aiextract.records import CERTAINTIES, DEAL_TYPES, ROLES


def _only(nlp, text: str, published: str | None = None) -> dict:
    doc = nlp.make_doc(text)
    doc._.published = published
    deals = nlp(doc)._.deals
    assert len(deals) == 1, deals
    return deals[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Capgemini et Orange nouent un partenariat, baptisé Cloud Alliance, dans le cloud.",
            "Cloud Alliance",
            id="baptise",
        ),
        pytest.param(
            "Microsoft et Nvidia annoncent un partenariat. Ce partenariat, baptisé AI Forge "
            "Partnership (AFP), vise les centres de données.",
            "AI Forge Partnership",
            id="reference-baptise",
        ),
        pytest.param(
            "Airbus et Thales lancent une coentreprise connue sous le nom de Skyway.",
            "Skyway",
            id="connu-sous-le-nom",
        ),
        pytest.param(
            "OpenAI dévoile Stargate, son mégaprojet d'infrastructure, en partenariat avec "
            "Oracle et SoftBank.",
            "Stargate",
            id="appos-project",
        ),
    ],
)
def test_name(nlp, text: str, name: str) -> None:
    assert _only(nlp, text).get("name") == name


def test_stake(nlp) -> None:
    deal = _only(nlp, "Microsoft détient 27 % d'OpenAI.")
    assert deal["type"] == "investment"
    assert deal["stake"] == 27


def test_stake_decimal(nlp) -> None:
    deal = _only(nlp, "Bpifrance détient désormais 12,5 % du capital de Ynsect.")
    assert deal["stake"] == 12.5


def test_valuation(nlp) -> None:
    deal = _only(
        nlp, "Mistral AI lève 220 millions d'euros à une valorisation de 2 milliards d'euros."
    )
    assert deal["amount"] == {"value": 220_000_000, "currency": "EUR"}
    assert deal["valuation"] == {"value": 2_000_000_000, "currency": "EUR"}


def test_date_of_the_deal(nlp) -> None:
    deal = _only(nlp, "En 2021, Capgemini a racheté Atos pour 300 millions d'euros.")
    assert deal["date"] == "2021"


def test_founding_year_is_not_the_deal_date(nlp) -> None:
    deal = _only(nlp, "Fondée en 2019, la start-up Aledia a levé 120 millions d'euros.")
    assert deal["date"] is None


def test_schema_and_extras(nlp) -> None:
    text = "Intro. Capgemini rachète Atos pour 300 millions d'euros. Fin."
    deal = _only(nlp, text)
    assert deal["type"] in DEAL_TYPES
    assert deal["certainty"] in CERTAINTIES
    assert all(p["role"] in ROLES for p in deal["parties"])
    assert isinstance(deal["amount"]["value"], int)
    assert text[deal["start"] : deal["end"]].strip() == deal["evidence"]
    assert deal["evidence"].startswith("Capgemini rachète")
    assert 0.0 <= deal["confidence"] <= 1.0


def test_empty_and_no_trigger(nlp) -> None:
    assert nlp("")._.deals == []
    assert nlp("Il fait beau à Paris.")._.deals == []


def test_serialisable(nlp) -> None:
    from spacy.tokens import Doc

    doc = nlp("Capgemini rachète Atos pour 300 millions d'euros.")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.deals == doc._.deals


def test_typography_variants(nlp) -> None:
    a = _only(nlp, "Capgemini a finalisé l’acquisition d’Altran.")
    b = _only(nlp, "Capgemini a finalisé l'acquisition d'Altran.")
    assert a["parties"] == b["parties"]


def test_min_confidence_config() -> None:
    import aiextract

    strict = aiextract.load(config={"deals": {"min_confidence": 0.99}})
    assert strict("Capgemini rachète Atos.")._.deals == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param(
            "Annoncé vendredi, le rachat de la start-up Heliox par le groupe Vantor s'élève à "
            "40 millions d'euros.",
            "2025-03-07",
            id="fronted-participle",
        ),
        pytest.param(
            "Le groupe Vantor rachète la société Ordia pour 60 millions d'euros. L'opération a "
            "été annoncée le 4 mars 2025 et doit être finalisée en juin.",
            "2025-03-04",
            id="operation-announced-next-sentence",
        ),
        pytest.param(
            "La start-up Linkea a recruté Paul Morel, venu de la société Capgemini, et compte "
            "embaucher vingt ingénieurs d'ici décembre.",
            None,
            id="horizon-with-elided-de",
        ),
    ],
)
def test_deal_date(nlp, text: str, date: str | None) -> None:
    assert _only(nlp, text, "2025-03-10")["date"] == date


def test_the_sum_a_participle_qualifies_is_the_rounds(nlp) -> None:
    # « les 9 M€ levés par Kelvia »: the participle hangs on its sum, which the rules'
    # path up from an amount to the trigger did not reach
    round_ = _only(
        nlp,
        "Les 9 millions d'euros levés par Kelvia dépassent de loin les 4 millions d'euros de "
        "son premier tour.",
    )
    assert round_["amount"] == {"value": 9_000_000, "currency": "EUR"}
    only = _only(nlp, "Les 12 millions d'euros levés par la start-up Quibix serviront à recruter.")
    assert only["amount"] == {"value": 12_000_000, "currency": "EUR"}


def test_what_a_deal_is_worth_is_its_amount_but_a_rounds_valuation(nlp) -> None:
    # « d'une valeur de » gives a contract its amount; after a round it is the valuation
    contract = _only(
        nlp,
        "Le constructeur Quibix a obtenu de Kelvia une commande d'une valeur de 80 millions "
        "d'euros.",
    )
    assert contract["amount"] == {"value": 80_000_000, "currency": "EUR"}
    round_ = _only(
        nlp, "Kelvia lève 20 millions d'euros, ce qui lui donne une valeur de 200 millions d'euros."
    )
    assert round_["amount"] == {"value": 20_000_000, "currency": "EUR"}
    assert round_["valuation"] == {"value": 200_000_000, "currency": "EUR"}


def test_a_hire_is_about_no_sum(nlp) -> None:
    # a bonus, a salary or a price told beside it is not a hire's amount
    hire = _only(
        nlp,
        "Kelvia a recruté Marie Dupont au poste de directrice générale pour 2 millions d'euros.",
    )
    assert hire["type"] == "hire" and hire["amount"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe Valtor a racheté au groupe Nexalia la société Kelvia (179 millions "
        "d'euros de chiffre d'affaires).",
        "Le groupe Valtor rachète la société Kelvia, qui affiche 40 millions d'euros de pertes.",
    ],
)
def test_a_sum_named_as_revenue_after_it_is_no_deal_amount(nlp, text):
    deal = _only(nlp, text)
    assert deal["type"] == "acquisition" and deal["amount"] is None


def test_a_sum_named_as_a_valuation_is_no_deal_amount(nlp):
    doc = nlp("Le groupe Valtor valoriserait la société Kelvia à 25 milliards d'euros.")
    assert all(deal["amount"] is None for deal in doc._.deals)
