"""Coerce a user-given publication date to a (possibly partial) ISO 8601 string."""

from __future__ import annotations

import datetime as dt
import re

from aiextract.errors import InputError

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def coerce_published(value: object) -> str | None:
    """``date``, ``datetime`` or ISO string (``2024``, ``2024-04``, ``2024-04-03``,
    ``2024-04-03T10:00:00Z``) -> ``"2024-04-03"`` at the grain given; ``None`` stays ``None``.

    Raises ``InputError`` for anything else, or an impossible date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(
            f"published must be a date, a datetime or an ISO string, not {type(value).__name__}"
        )
    text = value.strip()
    if not text:
        return None
    head = re.split(r"[T ]", text, maxsplit=1)[0]
    match = _ISO_PARTIAL.match(head)
    if not match:
        raise InputError(f"published {value!r} is not an ISO date such as 2024-04-03 or 2024-04")
    year, month, day = match.groups()
    try:
        if day:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            if not 1 <= int(month) <= 12:
                raise ValueError("month out of range")
            return f"{int(year):04d}-{int(month):02d}"
        return f"{int(year):04d}"
    except ValueError as exc:
        raise InputError(f"published {value!r} is not a real date: {exc}") from None
