"""Coerce a user-given publication date to a (possibly partial) ISO 8601 string.

Strict ISO (``2024``, ``2024-04``, ``2024-04-03``, ``2024-04-03T10:00:00+02:00``) takes a
fast path with no library; other strings (« 5 mars 2024 », ``March 5, 2024``,
``05/03/2024`` read day first, ``Tue, 05 Mar 2024 10:00:00 +0100``) go to dateparser with
French and English, day-first order and no relative parser: « hier » or ``yesterday``
are refused, never resolved against the machine's clock. Numbers are Unix timestamps
(UTC) from 10⁸ on (March 1973): ``2024`` as a number is refused, ``"2024"`` is the year.
The date is the one written: a time zone never moves it to another day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from aiextract.errors import InputError

MIN_YEAR, MAX_YEAR = 1900, 2100  # as the date finder: anything else is a data error

_ISO = re.compile(
    r"""^(?P<y>\d{4})
        (?:-(?P<m>\d{2})
           (?:-(?P<d>\d{2})
              (?:[T\s](?P<hh>\d{2})(?::?(?P<mm>\d{2})(?::?(?P<ss>\d{2})(?:[.,]\d{1,9})?)?)?
                 \s*(?:Z|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?)?
           )?
        )?$""",
    re.VERBOSE | re.IGNORECASE,
)
_TIMESTAMP = re.compile(r"^[+-]?\d{9,13}(?:\.\d+)?$")
_HINT = "an ISO date (2024-03-05, 2024-03, 2024), « 5 mars 2024 » or a Unix timestamp"


def _check_year(year: int, value: object) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(f"published {value!r}: the year {year} is outside {MIN_YEAR}–{MAX_YEAR}")


def _from_timestamp(number: float, value: object) -> str:
    """Unix seconds (milliseconds from 10¹¹ on, as JavaScript writes them), UTC."""
    seconds = number / 1000 if abs(number) >= 1e11 else number
    try:
        day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise InputError(f"published {value!r} is not a usable timestamp") from None
    _check_year(day.year, value)
    return day.isoformat()


def _iso(match: re.Match[str], value: str) -> str:
    year, month, day = match.group("y", "m", "d")
    _check_year(int(year), value)
    try:
        if day:
            text = dt.date(int(year), int(month), int(day)).isoformat()
            # the time is checked, then dropped: the date is the one written
            hh, mm, ss, zh, zm = (int(g or 0) for g in match.group("hh", "mm", "ss", "zh", "zm"))
            if hh > 24 or mm > 59 or ss > 60 or zh > 23 or zm > 59:
                raise ValueError("impossible time or time zone")
            return text
        if month and not 1 <= int(month) <= 12:
            raise ValueError("month must be in 1..12")
    except ValueError as exc:
        raise InputError(f"published {value!r} is not a real date: {exc}") from None
    return f"{year}-{month}" if month else year


@lru_cache(maxsize=1)
def _parser() -> Any:
    """dateparser, French and English, day first, absolute dates only (loaded once)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["fr", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "PARSERS": ["custom-formats", "absolute-time"],  # no « hier », no « il y a »
            "REQUIRE_PARTS": ["year"],  # « 5 mars » alone is not a publication date
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),  # never the clock, should it be read
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


@lru_cache(maxsize=1024)
def _from_string(text: str) -> str:
    match = _ISO.match(text)
    if match:
        return _iso(match, text)
    if _TIMESTAMP.match(text):
        return _from_timestamp(float(text), text)
    if re.fullmatch(r"\d{8}", text):  # 20240305, ISO basic format
        return _iso(_ISO.match(f"{text[:4]}-{text[4:6]}-{text[6:]}"), text)  # type: ignore[arg-type]
    if len(text) > 100:
        raise InputError(f"published {text[:40]!r}… is too long to be a date; give {_HINT}")
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        raise InputError(f"published {text!r} is not a date: give {_HINT}")
    parsed = data.date_obj
    _check_year(parsed.year, text)
    if data.period == "year":
        return f"{parsed.year:04d}"
    if data.period == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return parsed.date().isoformat()


def coerce_published(value: object) -> str | None:
    """``date``, ``datetime``, string or Unix timestamp -> ``"2024-04-03"`` at the grain
    given (``"2024-04"``, ``"2024"``); ``None`` and blank strings give ``None``.

    Raises ``InputError`` for anything else: an impossible date (``2024-02-30``), a
    relative one (« hier »), a year outside 1900–2100, another type, garbage.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        _check_year(value.year, value)
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not abs(value) >= 1e8:  # NaN too; 2024 is no timestamp, and no date either
            raise InputError(
                f"published {value!r} is not a usable timestamp (Unix seconds have at least"
                " 9 digits); give a year as a string: '2024'"
            )
        return _from_timestamp(float(value), value)
    if not isinstance(value, str):
        raise InputError(
            f"published must be a date, a datetime, a string or a Unix timestamp, "
            f"not {type(value).__name__}"
        )
    text = value.strip()
    if not text:
        return None
    return _from_string(text)
