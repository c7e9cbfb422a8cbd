"""``published`` in every form a user may give: what is read, what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

import aiextract
from aiextract.errors import InputError
from aiextract.normalize.published import coerce_published

PARIS = dt.timezone(dt.timedelta(hours=1))
NEW_YORK = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  \n", None),
        (dt.date(2024, 3, 5), "2024-03-05"),
        (dt.datetime(2024, 3, 5, 23, 30, tzinfo=NEW_YORK), "2024-03-05"),
        ("2024", "2024"),
        ("2024-04", "2024-04"),
        ("2024-04-03", "2024-04-03"),
        (" 2024-04-03 ", "2024-04-03"),
        ("2024-04-03T10:00:00Z", "2024-04-03"),
        ("2024-04-03T23:30:00-05:00", "2024-04-03"),
        ("2024-04-03T08:15:30.123+02:00", "2024-04-03"),
        ("2024-04-03 10:00", "2024-04-03"),
        ("20240403", "2024-04-03"),
        ("5 mars 2024", "2024-03-05"),
        ("« 5 mars 2024 »", "2024-03-05"),
        ("1er mars 2024", "2024-03-01"),
        ("lundi 4 mars 2024", "2024-03-04"),
        ("le 5 mars 2024 à 10h30", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("05/03/2024", "2024-03-05"),
        ("5.3.2024", "2024-03-05"),
        ("2024/03/05", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 +0100", "2024-03-05"),
        ("mars 2024", "2024-03"),
        ("March 2024", "2024-03"),
        (1709596800, "2024-03-05"),
        (1709596800.5, "2024-03-05"),
        (1709596800000, "2024-03-05"),
        ("1709596800", "2024-03-05"),
        ("1900-01-01", "1900-01-01"),
        ("2100-12-31", "2100-12-31"),
    ],
    ids=[
        "none",
        "empty",
        "blank",
        "date",
        "datetime-tz",
        "year",
        "month",
        "day",
        "spaces",
        "iso-z",
        "iso-offset-late",
        "iso-fraction",
        "iso-space-time",
        "iso-basic",
        "fr-day",
        "fr-guillemets",
        "fr-1er",
        "fr-weekday",
        "fr-with-time",
        "en-month-day",
        "dmy-slashes",
        "dmy-dots",
        "ymd-slashes",
        "rfc-2822",
        "fr-month",
        "en-month",
        "timestamp",
        "timestamp-float",
        "timestamp-ms",
        "timestamp-str",
        "min-year",
        "max-year",
    ],
)
def test_coerce_published(value, expected):
    assert coerce_published(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "not a real date"),
        ("2023-02-29", "not a real date"),
        ("2024-13-01", "not a real date"),
        ("2024-13", "not a real date"),
        ("2024-04-03T25:00", "not a real date"),
        ("30/02/2024", "not a date"),
        ("31 février 2024", "not a date"),
        ("1800-03-05", "outside 1900–2100"),
        ("2200", "outside 1900–2100"),
        ("5 mars 1800", "outside 1900–2100"),
        (dt.date(1850, 1, 1), "outside 1900–2100"),
        (-5_000_000_000, "outside 1900–2100"),
        ("hier", "not a date"),
        ("aujourd'hui", "not a date"),
        ("yesterday", "not a date"),
        ("il y a deux jours", "not a date"),
        ("5 mars", "not a date"),
        ("n'importe quoi", "not a date"),
        ("2024-04-03" * 20, "too long"),
        (float("nan"), "not a usable timestamp"),
        (2024, "give a year as a string"),
        (3.5, "not a usable timestamp"),
        (True, "not bool"),
        (b"2024-04-03", "not bytes"),
        (["2024"], "not list"),
    ],
    ids=[
        "feb-30",
        "feb-29-not-leap",
        "month-13",
        "month-13-partial",
        "hour-25",
        "dmy-feb-30",
        "fr-31-fevrier",
        "year-1800",
        "year-2200",
        "fr-1800",
        "date-1850",
        "timestamp-1811",
        "hier",
        "aujourdhui",
        "yesterday",
        "il-y-a",
        "no-year",
        "garbage",
        "too-long",
        "nan",
        "int-year",
        "small-float",
        "bool",
        "bytes",
        "list",
    ],
)
def test_bad_published_is_an_input_error(value, message):
    with pytest.raises(InputError, match=message):
        coerce_published(value)


def test_relative_date_is_resolved_against_an_odd_format(nlp):
    article = aiextract.extract(
        "Hier, la start-up Kalyo a bouclé une levée de 3 millions d'euros.",
        published="« 5 mars 2024 »",
        nlp=nlp,
    )
    assert article.published == "2024-03-05"
    assert [d.value for d in article.dates] == ["2024-03-04"]


def test_bad_published_in_a_stream_gives_an_error_line(nlp):
    items = [
        {"id": "a", "text": "Kalyo lève 3 M€.", "published": "2024-02-30"},
        {"id": "b", "text": "Kalyo lève 3 M€.", "published": "March 5, 2024"},
    ]
    first, second = aiextract.extract_many(items, nlp=nlp)
    assert "not a real date" in first.error
    assert second.error is None and second.published == "2024-03-05"
