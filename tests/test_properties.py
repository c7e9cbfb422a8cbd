"""Property-based tests: the normalisers, the finders and the whole pipeline never raise
on arbitrary text, and every offset they give points at the text they report."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiextract
from aiextract.errors import InputError
from aiextract.langcheck import detect_language
from aiextract.normalize.amounts import Amount, find_amounts, parse_amount
from aiextract.normalize.dates import find_dates, normalize_date
from aiextract.normalize.published import coerce_published
from aiextract.records import CERTAINTIES, DEAL_TYPES, ROLES, json_number
from aiextract.robust import clean_text

FRAGMENTS = [
    "12 millions d'euros",
    "le 3 mars 2024",
    "Alpha rachète Beta",
    "2,5 Md€",
    "$50 milliards",
    "entre 5 et 10 millions de dollars",
    "fin 2022",
    "au premier trimestre 2025",
    "hier",
    "en juin dernier",
    "Mistral AI",
    "M. Dupont",
    "a levé 300 M$",
    "1 400 milliards",
    "de",
    "la société Gamma",
    " ",
    "\n\n",
    ", ",
    ". ",
    "«",
    "»",
    "mi-juillet",
    "T1 2025",
    "1er",
    "lundi 15 mars",
    "0,60 dollar par action",
    "27 %",
    "<p>",
    "&amp;",
    "\x00",
    "Md",
    "€",
]

french_ish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25).map(
    "".join
)
any_text = st.one_of(st.text(max_size=200), french_ish)
published = st.one_of(st.none(), st.sampled_from(["2024", "2024-04", "2025-01-22", "2023-12-31"]))

SPACES = re.compile(r"[\s\u00a0\u202f]+")


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_parse_amount_never_raises(text):
    result = parse_amount(text)
    assert result is None or isinstance(result, Amount)
    if result is not None:
        assert isinstance(result.value, Decimal)
        assert result.currency is None or isinstance(result.currency, str)
        assert result.max is None or isinstance(result.max, Decimal)


@settings(max_examples=300, deadline=None)
@given(any_text, published, st.booleans())
def test_normalize_date_never_raises(text, pub, future):
    value = normalize_date(text, pub, future=future)
    assert value is None or isinstance(value, str)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_find_amounts_offsets(text):
    for found in find_amounts(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.text == text[found.start : found.end]
        assert isinstance(found.amount.value, Decimal)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_find_dates_offsets(text):
    for found in find_dates(text):
        assert 0 <= found.start < found.end <= len(text)
        assert SPACES.sub(" ", text[found.start : found.end]) in found.expr
        value = found.value("2024-04-15")
        assert value is None or isinstance(value, str)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(any_text, published)
def test_pipeline_never_raises(nlp, text, pub):
    article = aiextract.extract(text, published=pub, nlp=nlp)
    cleaned = clean_text(text)  # the offsets refer to it (docs/robustness.md)
    assert article.error is None
    assert all(isinstance(name, str) and name for name in article.orgs + article.people)
    for money in article.money:
        assert cleaned[money.start : money.end] == money.text
        assert isinstance(money.value, Decimal)
        assert money.currency is None or isinstance(money.currency, str)
    for date in article.dates:
        assert cleaned[date.start : date.end] == date.text
        assert date.value is None or isinstance(date.value, str)
    for deal in article.deals:
        assert deal.type in DEAL_TYPES and deal.certainty in CERTAINTIES
        assert all(party.role in ROLES and isinstance(party.name, str) for party in deal.parties)
        if deal.start is not None:
            assert 0 <= deal.start <= deal.end <= len(cleaned)
    article.to_dict()  # plain data all the way


ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
date_like = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "5 mars 2024",
            "March 5, 2024",
            "05/03/2024",
            "hier",
            "2024-02-30",
            "2024-04-03T10:00:00Z",
            "mars 2024",
            "1709596800",
            "31 février 2024",
        ]
    ),
    st.from_regex(r"\A[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}\Z"),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=300, deadline=None)
@given(date_like)
def test_coerce_published_gives_iso_or_input_error(value):
    try:
        result = coerce_published(value)
    except InputError:
        return
    assert result is None or ISO_VALUE.match(result)
    if result is not None:
        assert 1900 <= int(result[:4]) <= 2100


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_detect_language_never_raises(text):
    guess = detect_language(text)
    assert guess.language is None or isinstance(guess.language, str)
    assert 0 <= guess.score <= 1


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"\A-?[0-9]{1,80}(?:[,.][0-9]{0,30})?\Z"),
    st.sampled_from([" €", " euros", " milliards d'euros", " M$", " billions de dollars", ""]),
)
def test_long_digit_amounts_give_finite_json(digits, unit):
    for found in find_amounts(f"Un montant de {digits}{unit} est annoncé."):
        json.dumps(json_number(found.amount.value), allow_nan=False)
