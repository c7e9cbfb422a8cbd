"""Monetary amounts without the model: parse_amount, parse_number, find_amounts, tables."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from aiextract.lexicon import load_table
from aiextract.normalize.amounts import Amount, find_amounts, parse_amount, parse_number

NBSP, NNBSP = "\u00a0", "\u202f"
M, G = 10**6, 10**9


def D(value: float | int | str) -> Decimal:
    return Decimal(str(value))


# --------------------------------------------------------------------------------------
# parse_amount: one amount written alone
# (text, value, currency, max, qualifier)
# --------------------------------------------------------------------------------------

PARSE_CASES = [
    # digits, French notation
    ("37,5 milliards de dollars", "37500000000", "USD", None, None),
    ("1 400 milliards de dollars", "1400000000000", "USD", None, None),
    (f"1{NBSP}400 milliards de dollars", "1400000000000", "USD", None, None),
    (f"1{NNBSP}400 milliards de dollars", "1400000000000", "USD", None, None),
    ("1.400 euros", "1400", "EUR", None, None),
    ("1 400 000 euros", "1400000", "EUR", None, None),
    (f"1{NNBSP}400{NNBSP}000 euros", "1400000", "EUR", None, None),
    (f"2{NBSP}500{NBSP}000 dollars", "2500000", "USD", None, None),
    ("12.500.000 euros", "12500000", "EUR", None, None),
    ("0,60 dollar", "0.60", "USD", None, None),
    ("1,5 milliard d'euros", "1500000000", "EUR", None, None),
    ("1,25 million de dollars", "1250000", "USD", None, None),
    ("30 milliards de dollars", "30000000000", "USD", None, None),
    ("250 millions de dollars", "250000000", "USD", None, None),
    ("18 millions d’euros", "18000000", "EUR", None, None),
    ("18 millions d'euros", "18000000", "EUR", None, None),
    ("4 millions d’ euros", "4000000", "EUR", None, None),
    ("850 000 euros", "850000", "EUR", None, None),
    ("12 euros", "12", "EUR", None, None),
    ("3,2 milliards de livres sterling", "3200000000", "GBP", None, None),
    # symbols and codes, before and after
    ("$50 milliards", "50000000000", "USD", None, None),
    ("$ 50 milliards", "50000000000", "USD", None, None),
    ("50 Md$", "50000000000", "USD", None, None),
    ("2 Md$", "2000000000", "USD", None, None),
    ("2,5 Md€", "2500000000", "EUR", None, None),
    ("2,5 Mds€", "2500000000", "EUR", None, None),
    ("2,5 Mds €", "2500000000", "EUR", None, None),
    ("100 M€", "100000000", "EUR", None, None),
    ("100M€", "100000000", "EUR", None, None),
    (f"100{NNBSP}M€", "100000000", "EUR", None, None),
    ("45 k€", "45000", "EUR", None, None),
    ("45k€", "45000", "EUR", None, None),
    ("£3m", "3000000", "GBP", None, None),
    ("£3 millions", "3000000", "GBP", None, None),
    ("€2,5 milliards", "2500000000", "EUR", None, None),
    ("30 €", "30", "EUR", None, None),
    ("30€", "30", "EUR", None, None),
    ("¥500 milliards", "500000000000", "JPY", None, None),
    ("1,2 G€", "1200000000", "EUR", None, None),
    ("3 Mrd €", "3000000000", "EUR", None, None),
    ("$45 mds", "45000000000", "USD", None, None),  # lower-case abbreviations
    ("45 mds $", "45000000000", "USD", None, None),
    ("€350 mlns", "350000000", "EUR", None, None),
    ("3 mlns d'euros", "3000000", "EUR", None, None),
    ("7 Mio €", "7000000", "EUR", None, None),
    ("50 millions USD", "50000000", "USD", None, None),
    ("50 M USD", "50000000", "USD", None, None),
    ("100 MUSD", "100000000", "USD", None, None),
    ("20 MEUR", "20000000", "EUR", None, None),
    ("USD 50 millions", "50000000", "USD", None, None),
    ("EUR 2,5 Md", "2500000000", "EUR", None, None),
    ("500 millions CHF", "500000000", "CHF", None, None),
    ("CHF 12 millions", "12000000", "CHF", None, None),
    ("80 millions $US", "80000000", "USD", None, None),
    ("80 millions $ US", "80000000", "USD", None, None),
    ("US$ 3 milliards", "3000000000", "USD", None, None),
    ("C$ 40 millions", "40000000", "CAD", None, None),
    ("40 millions $CA", "40000000", "CAD", None, None),
    ("A$ 15 millions", "15000000", "AUD", None, None),
    ("HK$ 2 milliards", "2000000000", "HKD", None, None),
    ("₹ 900 millions", "900000000", "INR", None, None),
    # English notation after a dollar sign: decided, see docs/money.md
    ("$2.5M", "2500000", "USD", None, None),
    ("$2.5 M", "2500000", "USD", None, None),
    ("$1.5 billion", "1500000000", "USD", None, None),
    ("$1,500", "1500", "USD", None, None),
    ("$4.75", "4.75", "USD", None, None),
    # currency names
    ("10 millions de dollars canadiens", "10000000", "CAD", None, None),
    ("10 millions de dollars australiens", "10000000", "AUD", None, None),
    ("10 millions de dollars américains", "10000000", "USD", None, None),
    ("10 millions de dollars US", "10000000", "USD", None, None),
    ("200 millions de dollars de Hong Kong", "200000000", "HKD", None, None),
    ("5 millions de francs suisses", "5000000", "CHF", None, None),
    ("5 milliards de yens", "5000000000", "JPY", None, None),
    ("5 milliards de yuans", "5000000000", "CNY", None, None),
    ("5 milliards de renminbi", "5000000000", "CNY", None, None),
    ("3 milliards de roupies", "3000000000", "INR", None, None),
    ("700 millions de couronnes suédoises", "700000000", "SEK", None, None),
    ("2 milliards de wons", "2000000000", "KRW", None, None),
    ("40 milliards de roubles", "40000000000", "RUB", None, None),
    ("12 millions de dirhams marocains", "12000000", "MAD", None, None),
    ("90 milliards de francs CFA", "90000000000", "XOF", None, None),
    ("1 000 livres sterling", "1000", "GBP", None, None),
    ("25 Millions de Dollars", "25000000", "USD", None, None),
    # multipliers in words
    ("50 mille euros", "50000", "EUR", None, None),
    ("3 billions de dollars", "3000000000000", "USD", None, None),
    ("1,4 billion de dollars", "1400000000000", "USD", None, None),
    ("2 billiards de dollars", "2000000000000000", "USD", None, None),
    # number words
    ("un milliard de dollars", "1000000000", "USD", None, None),
    ("Un milliard de dollars", "1000000000", "USD", None, None),
    ("un million d'euros", "1000000", "EUR", None, None),
    ("deux milliards d'euros", "2000000000", "EUR", None, None),
    ("trois cents millions de dollars", "300000000", "USD", None, None),
    ("deux cent cinquante millions d'euros", "250000000", "EUR", None, None),
    ("vingt et un milliards de dollars", "21000000000", "USD", None, None),
    ("quatre-vingt-dix millions d'euros", "90000000", "EUR", None, None),
    ("deux milliards et demi d'euros", "2500000000", "EUR", None, None),
    ("un milliard et demi de dollars", "1500000000", "USD", None, None),
    ("1 milliard et demi de dollars", "1500000000", "USD", None, None),
    ("un demi-milliard de dollars", "500000000", "USD", None, None),
    ("demi-milliard d'euros", "500000000", "EUR", None, None),
    ("mille euros", "1000", "EUR", None, None),
    ("deux mille euros", "2000", "EUR", None, None),
    ("cinq euros", "5", "EUR", None, None),
    ("le milliard de dollars", "1000000000", "USD", None, None),
    ("le million d'euros", "1000000", "EUR", None, None),
    # vague quantities: the round number, qualifier « environ »
    ("une dizaine de millions d'euros", "10000000", "EUR", None, "environ"),
    ("une vingtaine de milliards de dollars", "20000000000", "USD", None, "environ"),
    ("une centaine de millions de dollars", "100000000", "USD", None, "environ"),
    ("une quinzaine de millions d’euros", "15000000", "EUR", None, "environ"),
    ("une centaine d'euros", "100", "EUR", None, "environ"),
    # qualifiers
    ("plus de 10 M€", "10000000", "EUR", None, "plus de"),
    ("plus d'un milliard de dollars", "1000000000", "USD", None, "plus de"),
    ("plus d’un milliard de dollars", "1000000000", "USD", None, "plus de"),
    ("près de 3 milliards d'euros", "3000000000", "EUR", None, "près de"),
    ("près d'un milliard d'euros", "1000000000", "EUR", None, "près de"),
    ("environ 40 millions de dollars", "40000000", "USD", None, "environ"),
    ("quelque $50 milliards", "50000000000", "USD", None, "environ"),
    ("jusqu'à 3 Mds€", "3000000000", "EUR", None, "jusqu'à"),
    ("jusqu’à 500 millions d'euros", "500000000", "EUR", None, "jusqu'à"),
    ("moins de 2 millions d'euros", "2000000", "EUR", None, "moins de"),
    ("au moins 5 milliards de dollars", "5000000000", "USD", None, "au moins"),
    ("pas moins de 8 milliards de dollars", "8000000000", "USD", None, "au moins"),
    ("un peu plus de 6 millions d'euros", "6000000", "EUR", None, "plus de"),
    ("autour de 300 millions d'euros", "300000000", "EUR", None, "environ"),
    ("de l'ordre de 2 milliards d'euros", "2000000000", "EUR", None, "environ"),
    ("Près de 4 milliards d’euros", "4000000000", "EUR", None, "près de"),
    # ranges: value = low end, max = high end
    ("entre 5 et 10 millions d'euros", "5000000", "EUR", "10000000", None),
    ("entre 500 millions et 1 milliard de dollars", "500000000", "USD", "1000000000", None),
    ("de 5 à 10 millions d'euros", "5000000", "EUR", "10000000", None),
    ("5 à 10 M€", "5000000", "EUR", "10000000", None),
    ("5-10 M€", "5000000", "EUR", "10000000", None),
    ("5 – 10 M€", "5000000", "EUR", "10000000", None),
    ("entre 1,5 et 2 milliards de dollars", "1500000000", "USD", "2000000000", None),
    ("entre 20 et 30 euros", "20", "EUR", "30", None),
    ("$10 à $15 milliards", "10000000000", "USD", "15000000000", None),
]


@pytest.mark.parametrize(
    ("text", "value", "currency", "high", "qualifier"),
    PARSE_CASES,
    ids=[case[0] for case in PARSE_CASES],
)
def test_parse_amount(
    text: str, value: str, currency: str | None, high: str | None, qualifier: str | None
) -> None:
    expected = Amount(D(value), currency, None if high is None else D(high), qualifier)
    assert parse_amount(text) == expected


BARE_CASES = [
    ("10 milliards", "10000000000"),
    ("10 milliards supplémentaires", None),
    ("3 Mds", "3000000000"),
    ("un million", "1000000"),
]


@pytest.mark.parametrize(("text", "value"), BARE_CASES, ids=[c[0] for c in BARE_CASES])
def test_parse_amount_bare_multiplier_has_no_currency(text: str, value: str | None) -> None:
    amount = parse_amount(text)
    if value is None:
        assert amount is None
    else:
        assert amount == Amount(D(value), None)


NOT_AN_AMOUNT = [
    "50",
    "1 400",
    "2023",
    "37,5 %",
    "GPT-4",
    "5M+",
    "4.6M+",
    "100 M",
    "5G",
    "des milliards de dollars",
    "quelques millions d'euros",
    "le milliard",
    "",
    "   ",
    "dollars",
    "2 milliards de dollars et 3 milliards d'euros",
]


@pytest.mark.parametrize("text", NOT_AN_AMOUNT, ids=[repr(t) for t in NOT_AN_AMOUNT])
def test_parse_amount_none(text: str) -> None:
    assert parse_amount(text) is None


NUMBER_CASES = [
    ("37,5", "37.5"),
    ("1 400", "1400"),
    ("1.400", "1400"),
    (f"1{NBSP}400", "1400"),
    (f"1{NNBSP}400{NNBSP}000", "1400000"),
    ("2.5", "2.5"),
    ("0,60", "0.60"),
    ("1.400,50", "1400.50"),
    ("trois cents", "300"),
    ("vingt et un", "21"),
    ("quatre-vingt-dix", "90"),
    ("mille", "1000"),
]


@pytest.mark.parametrize(("text", "value"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == D(value)


def test_parse_number_english_thousands_after_dollar() -> None:
    assert parse_number("1,500", True) == D(1500)
    assert parse_number("1,500") == D("1.5")


def test_parse_number_rejects_words_that_are_not_numbers() -> None:
    assert parse_number("beaucoup") is None
    assert parse_number("") is None


# --------------------------------------------------------------------------------------
# find_amounts: amounts in sentences
# (sentence, [(text, value, currency), ...])
# --------------------------------------------------------------------------------------

FIND_CASES = [
    (
        "La start-up a levé 12 milliards de dollars et cherche à obtenir 10 milliards "
        "supplémentaires.",
        [("12 milliards de dollars", 12 * G, "USD"), ("10 milliards", 10 * G, "USD")],
    ),
    (
        "Le groupe a bouclé une levée de 30 millions d'euros ; il espère lever 20 millions "
        "de plus l'an prochain.",
        [("30 millions d'euros", 30 * M, "EUR"), ("20 millions", 20 * M, "EUR")],
    ),
    (
        "Le fonds vise 15 milliards, contre 12 milliards de dollars pour le précédent.",
        [("15 milliards", 15 * G, "USD"), ("12 milliards de dollars", 12 * G, "USD")],
    ),
    (
        "Les deux sociétés ont levé respectivement 40 et 104 millions d'euros.",
        [("40", 40 * M, "EUR"), ("104 millions d'euros", 104 * M, "EUR")],
    ),
    (
        "Les trois fonds apportent 10, 20 et 30 millions d’euros.",
        [("10", 10 * M, "EUR"), ("20", 20 * M, "EUR"), ("30 millions d’euros", 30 * M, "EUR")],
    ),
    (
        "Elles ont investi 2,5 et 4 milliards de dollars respectivement.",
        [("2,5", 2.5 * G, "USD"), ("4 milliards de dollars", 4 * G, "USD")],
    ),
    (
        "Le contrat est estimé à 250 millions de dollars (226 millions d'euros).",
        [("250 millions de dollars", 250 * M, "USD"), ("226 millions d'euros", 226 * M, "EUR")],
    ),
    (
        "L'opération valorise la cible à 3 milliards de livres sterling, soit environ "
        "3,5 milliards d'euros.",
        [
            ("3 milliards de livres sterling", 3 * G, "GBP"),
            ("3,5 milliards d'euros", 3.5 * G, "EUR"),
        ],
    ),
    (
        "Le groupe versera un dividende de 0,60 dollar par action.",
        [("0,60 dollar", 0.6, "USD")],
    ),
    (
        "L'action a clôturé à 412,30 euros vendredi.",
        [("412,30 euros", 412.3, "EUR")],
    ),
    (
        "Microsoft consacrera quelque $50 milliards par an aux centres de données.",
        [("$50 milliards", 50 * G, "USD")],
    ),
    (
        "La société a réalisé un chiffre d'affaires de 1 400 000 euros en 2024.",
        [("1 400 000 euros", 1_400_000, "EUR")],
    ),
    (
        "Le budget atteint 2,5 Md€ sur cinq ans, dont 100 M€ pour la recherche.",
        [("2,5 Md€", 2.5 * G, "EUR"), ("100 M€", 100 * M, "EUR")],
    ),
    (
        "La banque britannique a racheté la fintech pour £3m seulement.",
        [("£3m", 3 * M, "GBP")],
    ),
    (
        "Le tour de table, entre 5 et 10 millions d'euros, sera bouclé en juin.",
        [("5 et 10 millions d'euros", 5 * M, "EUR")],
    ),
    (
        "Son chiffre d'affaires est passé de 5 à 8 millions d'euros en un an.",
        [("5", 5 * M, "EUR"), ("8 millions d'euros", 8 * M, "EUR")],
    ),
    (
        "La dette a grimpé de 2 milliards à 3 milliards d'euros.",
        [("2 milliards", 2 * G, "EUR"), ("3 milliards d'euros", 3 * G, "EUR")],
    ),
    (
        "Le projet franchit le milliard de dollars d'investissements.",
        [("le milliard de dollars", 1 * G, "USD")],
    ),
    (
        "Le groupe japonais prévoit d'investir 500 milliards de yens au Japon.",
        [("500 milliards de yens", 500 * G, "JPY")],
    ),
    (
        "Le fabricant suisse a cédé sa filiale pour 800 millions de francs suisses.",
        [("800 millions de francs suisses", 800 * M, "CHF")],
    ),
    (
        "Ottawa accorde 240 millions de dollars canadiens à la filière.",
        [("240 millions de dollars canadiens", 240 * M, "CAD")],
    ),
    (
        "Le pôle a été vendu 1,2 milliard USD au fonds américain.",
        [("1,2 milliard USD", 1.2 * G, "USD")],
    ),
    (
        "La valorisation atteint deux milliards et demi d'euros après l'opération.",
        [("deux milliards et demi d'euros", 2.5 * G, "EUR")],
    ),
    (
        "L'État apportera une dizaine de millions d'euros au consortium.",
        [("une dizaine de millions d'euros", 10 * M, "EUR")],
    ),
    (
        "Le géant chinois investit 10 milliards de yuans dans ses puces.",
        [("10 milliards de yuans", 10 * G, "CNY")],
    ),
    (
        "Les pertes annuelles dépassent les 5 milliards de dollars pour l'entreprise.",
        [("5 milliards de dollars", 5 * G, "USD")],
    ),
    (
        "Il promet d'investir 1 400 milliards de dollars dans le calcul alors que ses revenus "
        "ne sont que de 13 milliards de dollars.",
        [
            ("1 400 milliards de dollars", 1400 * G, "USD"),
            ("13 milliards de dollars", 13 * G, "USD"),
        ],
    ),
    (
        f"Les ventes atteignent 1{NNBSP}400{NNBSP}000 € au premier trimestre.",
        [(f"1{NNBSP}400{NNBSP}000 €", 1_400_000, "EUR")],
    ),
    (
        f"Le prix de l'offre s'élève à 45{NBSP}€ par action.",
        [(f"45{NBSP}€", 45, "EUR")],
    ),
    (
        "La jeune pousse lève 45 k€ auprès de ses premiers clients.",
        [("45 k€", 45_000, "EUR")],
    ),
    (
        "Le marché pourrait peser 3 billions de dollars d'ici dix ans.",
        [("3 billions de dollars", 3 * 10**12, "USD")],
    ),
    (
        "Le fonds souverain a engagé 40 milliards de dollars ; il ajoutera 5 milliards "
        "l'année prochaine et 3 milliards en 2027.",
        [
            ("40 milliards de dollars", 40 * G, "USD"),
            ("5 milliards", 5 * G, "USD"),
            ("3 milliards", 3 * G, "USD"),
        ],
    ),
    (
        "La société a levé 12 M$ en seed, puis 40 M$ en série A.",
        [("12 M$", 12 * M, "USD"), ("40 M$", 40 * M, "USD")],
    ),
    (
        "Le rachat, évalué à 80 millions $US, doit être finalisé cet été.",
        [("80 millions $US", 80 * M, "USD")],
    ),
    (
        "Les investisseurs ont mis sur la table un milliard de dollars.",
        [("un milliard de dollars", 1 * G, "USD")],
    ),
    (
        "Les subventions publiques atteignent trois cents millions d'euros.",
        [("trois cents millions d'euros", 300 * M, "EUR")],
    ),
    (
        "La capitalisation boursière a bondi à 3 200 milliards de dollars.",
        [("3 200 milliards de dollars", 3200 * G, "USD")],
    ),
    (
        "Le ticket moyen est de 1,5 million d'euros, contre 2 millions un an plus tôt.",
        [("1,5 million d'euros", 1.5 * M, "EUR"), ("2 millions", 2 * M, "EUR")],
    ),
    (
        "L'amende de 4,2 milliards d'euros infligée par Bruxelles a été réduite.",
        [("4,2 milliards d'euros", 4.2 * G, "EUR")],
    ),
    (
        "Un investissement de 2 Mds€ est prévu, et 500 M€ ont déjà été dépensés.",
        [("2 Mds€", 2 * G, "EUR"), ("500 M€", 500 * M, "EUR")],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    FIND_CASES,
    ids=[case[1][0][0] + " / " + case[0][:40] for case in FIND_CASES],
)
def test_find_amounts(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_amounts(sentence)
    got = [(f.text, f.amount.value, f.amount.currency) for f in found]
    want = [(text, D(value).normalize(), cur) for text, value, cur in expected]
    assert [(t, v.normalize(), c) for t, v, c in got] == want
    for item in found:
        assert sentence[item.start : item.end] == item.text


QUALIFIER_CASES = [
    ("Il a levé plus de 10 millions d'euros.", "plus de"),
    ("La facture atteint près de 3 milliards d’euros.", "près de"),
    ("Le groupe investira jusqu'à 500 millions de dollars.", "jusqu'à"),
    ("Un chiffre d'affaires d'environ 40 M€ est attendu.", "environ"),
    ("Moins de 2 millions d'euros ont été levés.", "moins de"),
    ("Il faudra au moins 5 milliards de dollars.", "au moins"),
    ("Les pertes ont atteint 5 milliards de dollars.", None),
]


@pytest.mark.parametrize(
    ("sentence", "qualifier"), QUALIFIER_CASES, ids=[c[0][:45] for c in QUALIFIER_CASES]
)
def test_qualifier_outside_text(sentence: str, qualifier: str | None) -> None:
    (item,) = find_amounts(sentence)
    assert item.amount.qualifier == qualifier
    assert not item.text.lower().startswith(("plus", "près", "jusqu", "environ", "moins", "au"))


def test_range_keeps_low_and_high() -> None:
    (item,) = find_amounts("Le tour, entre 5 et 10 millions d'euros, sera bouclé.")
    assert item.amount == Amount(D(5 * M), "EUR", D(10 * M))
    assert item.text == "5 et 10 millions d'euros"


def test_conversion_links_both_sides() -> None:
    text = "Le contrat est estimé à 250 millions de dollars (226 millions d'euros)."
    first, second = find_amounts(text)
    assert first.equivalent == 1
    assert second.equivalent == 0


def test_same_currency_in_brackets_is_no_conversion() -> None:
    text = "Un plan de 50 millions d'euros (dont 10 millions d'euros de subventions)."
    first, second = find_amounts(text)
    assert first.equivalent is None and second.equivalent is None


def test_currency_carried_from_paragraph() -> None:
    text = "Le fonds a levé 2 milliards d'euros en mars.\nIl vise 3 milliards en 2026."
    found = find_amounts(text)
    assert [(f.text, f.amount.currency, f.carried) for f in found] == [
        ("2 milliards d'euros", "EUR", False),
        ("3 milliards", "EUR", True),
    ]


def test_currency_carried_from_article_when_only_one() -> None:
    text = "La société a levé 20 millions de dollars.\n\nElle en prévoit 50 millions."
    assert [f.amount.currency for f in find_amounts(text)] == ["USD", "USD"]


def test_no_carry_when_article_mixes_currencies_elsewhere() -> None:
    text = (
        "Le groupe a levé 20 millions de dollars.\nSa filiale a levé 5 millions d'euros.\n"
        "Un autre tour de 10 millions est attendu."
    )
    found = find_amounts(text)
    # the third line has no amount of its own currency before it in its paragraph
    assert [f.text for f in found] == ["20 millions de dollars", "5 millions d'euros"]


AMBIGUOUS_CASES = [
    (
        "La fintech a levé 40 millions de livres sterling. Elle traite 6 milliards de livres "
        "de paiements par an.",
        [("40 millions de livres sterling", "GBP"), ("6 milliards de livres", "GBP")],
    ),
    (
        "Le libraire a vendu 3 millions de livres en 2024.",
        [],
    ),
    (
        "Le groupe bâlois a payé 310 millions de francs suisses, dont 80 millions de francs "
        "en actions.",
        [("310 millions de francs suisses", "CHF"), ("80 millions de francs", "CHF")],
    ),
    (
        "L'éditeur affiche un franc succès avec 2 millions de francs de recettes.",
        [],
    ),
    (
        "Le prix est compris entre 90 et 250 francs suisses par mois.",
        [("90 et 250 francs suisses", "CHF")],
    ),
    (
        "La société vaudoise Kelvia, basée à Lausanne, a levé 12 millions de francs.",
        [("12 millions de francs", "CHF")],
    ),
    (
        "Kelvia a levé 12 millions de francs à Lausanne.",  # a city once settles nothing
        [],
    ),
    (
        "Selon l'ATS, la start-up issue de l'EPFL a levé 12 millions de francs.",
        [("12 millions de francs", "CHF")],  # a Swiss agency and school settle it
    ),
    (
        "Au Cameroun, Nexalia a obtenu 40 milliards FCFA d'une banque de Douala.",
        [("40 milliards FCFA", "XAF")],
    ),
    (
        "Nexalia a obtenu 40 milliards de F CFA.",  # a sure sign: its first code
        [("40 milliards de F CFA", "XOF")],
    ),
    (
        "La montréalaise Kelvia lève 25 millions $ auprès de fonds du Québec.",
        [("25 millions $", "CAD")],
    ),
    (
        "Kelvia, partie de Montréal, a reçu une commande de 1,6 milliard de dollars.",
        [("1,6 milliard de dollars", "USD")],
    ),
    (
        "Le groupe tunisien, basé à Sfax, a investi 40 millions de dinars.",
        [("40 millions de dinars", "TND")],
    ),
]

GLUED_CASES = [
    ("Le chiffre d'affaires atteint 801,2 ME, contre 218,3 ME.", [801200000, 218300000], "EUR"),
    ("Une levée de 2 MdE pour Kelvia.", [2000000000], "EUR"),
    ("Le résultat net est de 2,6 MDH.", [2600000], "MAD"),
    ("Un prêt de 40 MDT.", [40000000], "TND"),
    ("Amazon investit 13 milliards de $ dans Nexalia.", [13000000000], "USD"),
    ("La Série E de 5 E ne compte pas, ni la vitamine E.", [], None),
]


@pytest.mark.parametrize(
    ("text", "values", "code"), GLUED_CASES, ids=[c[0][:40] for c in GLUED_CASES]
)
def test_glued_abbreviations_and_signs_after_de(text: str, values: list[int], code: str) -> None:
    found = find_amounts(text)
    assert [int(f.amount.value) for f in found] == values
    assert all(f.amount.currency == code for f in found)


def test_currency_regions_table() -> None:
    # every code a place settles is a candidate of some ambiguous currency
    ambiguous = [r["code"].split() for r in load_table("currencies.tsv") if " " in r["code"]]
    candidates = {code for codes in ambiguous for code in codes}
    rows = load_table("currency_regions.tsv")
    cues = [r["cue"] for r in rows]
    assert len(cues) == len(set(cues)), "a cue settles one currency"
    for row in rows:
        assert row["code"] in candidates, row
        assert row["cue"].strip() == row["cue"] and row["cue"], row


@pytest.mark.parametrize(
    ("text", "expected"), AMBIGUOUS_CASES, ids=[c[0][:45] for c in AMBIGUOUS_CASES]
)
def test_ambiguous_names_need_the_article(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.amount.currency) for f in find_amounts(text)] == expected


def test_carry_can_be_turned_off() -> None:
    text = "Il a levé 12 milliards de dollars et cherche 10 milliards supplémentaires."
    assert [f.text for f in find_amounts(text, carry=False)] == ["12 milliards de dollars"]


def test_default_currency_for_bare_amounts() -> None:
    text = "La start-up a levé 10 millions lors de son premier tour."
    assert find_amounts(text) == []
    (item,) = find_amounts(text, default_currency="EUR")
    assert (item.text, item.amount.currency) == ("10 millions", "EUR")


# --------------------------------------------------------------------------------------
# No false positives
# --------------------------------------------------------------------------------------

NEGATIVE_CASES = [
    "Le taux de croissance atteint 37,5 % sur un an.",
    "La part de l'État est passée de 12 % à 15 % du capital.",
    "Fondée en 2023, la société emploie 700 personnes.",
    "Le groupe compte 700 employés, dont 550 des 700 ingénieurs.",
    "Parmi 550 des 700 salariés, la grogne monte.",
    "L'entreprise a commandé un million de GPU à Nvidia.",
    "Le modèle GPT-4 a été remplacé par GPT-40 puis GPT-5.",
    "Il s'agit de 1,4 billion d'unités de puissance de calcul.",
    "Sa participation pourrait valoir des milliards de dollars.",
    "Des centaines de millions d'euros ont été engloutis.",
    "Quelques millions de dollars suffiraient, selon lui.",
    "Contactez la rédaction au 01 23 45 67 89.",
    "Le standard répond au +33 1 45 67 89 00.",
    "La conférence s'est tenue le 20 novembre 2023 à Paris.",
    "Le compte affiche 5M+ abonnés et 4.6M+ followers.",
    "Microsoft a présenté les puces Cobalt 100 et Maia 100.",
    "Le réseau 5G couvre 90 % de la population.",
    "Le site revendique 100 millions d'utilisateurs actifs.",
    "La plateforme compte 3 milliards de visites par mois.",
    "L'application a été téléchargée 10 millions de fois.",
    "Le modèle compte 175 milliards de paramètres.",
    "La ville compte 2 millions d'habitants.",
    "Le centre de données consomme 300 mégawatts, soit 1 million de foyers.",
    "Le chantier mobilise 1 200 ouvriers pendant 18 mois.",
    "Le texte a été adopté par 350 voix contre 120.",
    "La version 2.5 du logiciel sort en mars.",
    "Le constructeur a vendu 1,8 million de voitures l'an dernier.",
    "Un franc succès pour la nouvelle offre.",
    "Il a écrit 3 livres sur le sujet.",
    "La start-up a levé des fonds en 2024 et 2025.",
    "Le data center s'étend sur 100 000 m² près de Memphis.",
    "Il a été élu avec 52,3 % des voix au second tour.",
    "Le projet France 2030 soutient la filière.",
    "Les 10 millions de Français concernés recevront un courrier.",
    "La société prévoit d'atteindre 1 milliard d'utilisateurs.",
    "Le groupe a recruté 40 ingénieurs et 104 commerciaux.",
]


@pytest.mark.parametrize("sentence", NEGATIVE_CASES, ids=[s[:50] for s in NEGATIVE_CASES])
def test_no_money(sentence: str) -> None:
    assert find_amounts(sentence) == []


def test_negatives_stay_negative_next_to_a_currency() -> None:
    text = (
        "OpenAI a levé 6 milliards de dollars. La société compte 100 millions d'utilisateurs "
        "et un million de GPU, et 5M+ abonnés."
    )
    assert [f.text for f in find_amounts(text)] == ["6 milliards de dollars"]


def test_bare_number_without_multiplier_is_not_carried() -> None:
    text = "Il a levé 12 milliards de dollars et recrute 300 ingénieurs en 2025."
    assert [f.text for f in find_amounts(text)] == ["12 milliards de dollars"]


# --------------------------------------------------------------------------------------
# Known gaps
# --------------------------------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="compound amounts (« 1 milliard 200 millions ») unread")
def test_compound_amount() -> None:
    assert parse_amount("1 milliard 200 millions d'euros") == Amount(D(1_200_000_000), "EUR")


@pytest.mark.xfail(strict=True, reason="number-word ranges (« entre deux et trois ») unread")
def test_number_word_range() -> None:
    assert parse_amount("entre deux et trois milliards d'euros") == Amount(
        D(2 * G), "EUR", D(3 * G)
    )


# --------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------


def test_currency_table_integrity() -> None:
    rows = load_table("currencies.tsv")
    assert len(rows) > 80
    forms = [(r["form"], r["kind"]) for r in rows]
    assert len(forms) == len(set(forms)), "duplicate currency forms"
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}(?: [A-Z]{3})*", row["code"]), row
        assert row["kind"] in {"word", "context", "symbol", "code", "glued"}, row
        assert row["kind"] != "code" or " " not in row["code"], row
        assert row["position"] in {"before", "after", "both"}, row
        assert "\\u" not in row["form"]
        if row["kind"] == "code":
            assert row["form"] == row["form"].upper()


def test_multiplier_table_integrity() -> None:
    rows = load_table("multipliers.tsv")
    forms = [r["form"] for r in rows]
    assert len(forms) == len(set(forms))
    for row in rows:
        assert row["kind"] in {"word", "abbr", "vague"}, row
        assert row["carry"] in {"yes", "no"}, row
        assert int(row["value"]) > 1
    values = {r["form"]: int(r["value"]) for r in rows}
    assert values["billion"] == 10**12 and values["milliard"] == 10**9
    assert values["billiard"] == 10**15 and values["Md"] == 10**9


def test_qualifier_and_context_tables_integrity() -> None:
    qualifiers = load_table("qualifiers.tsv")
    assert {r["qualifier"] for r in qualifiers} <= {
        "plus de",
        "près de",
        "environ",
        "jusqu'à",
        "moins de",
        "au moins",
    }
    context = load_table("amount_context.tsv")
    assert {r["kind"] for r in context} == {"money", "count"}
    assert len({r["word"] for r in context}) == len(context)
