"""Flat tables of results: one row per article, deal, party and mention.

``flatten(record)`` turns one article (an ``Article`` or its ``to_dict()`` form) into rows
of four tables, as plain Python values (``str``, ``int``, ``float``, ``Decimal``, ``None``);
the CSV, Parquet and DuckDB writers and ``to_frame`` all share it, so the columns are the
same everywhere. ``TABLES`` names every column and its kind.

    >>> import aiextract
    >>> frame = aiextract.to_frame("out.jsonl")            # one row per deal
    >>> frame.groupby("amount_currency")["amount_value"].sum()
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiextract.records import Article

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Row = dict[str, Any]

# Column kinds: "str", "int", "float", "decimal" (exact money values), "json" (a JSON text).
# Party roles, each a column of the deals table: "; "-joined names of the parties in the role.
ROLE_COLUMNS: dict[str, str] = {
    "target": "target",
    "investor": "investors",
    "acquirer": "acquirer",
    "seller": "seller",
    "partner": "partners",
    "buyer": "buyer",
    "supplier": "suppliers",
    "employer": "employer",
    "person": "persons",
    "source": "source",
}
NAME_SEPARATOR = "; "

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", "str"),
        ("published", "str"),
        ("text_sha1", "str"),
        ("pipeline_sha1", "str"),
        ("n_orgs", "int"),
        ("n_people", "int"),
        ("n_money", "int"),
        ("n_dates", "int"),
        ("n_deals", "int"),
        ("orgs", "str"),
        ("people", "str"),
        ("language", "str"),
        ("language_score", "float"),
        ("warnings", "str"),
        ("error", "str"),
        ("extra", "json"),
    ),
    "deals": (
        ("article_id", "str"),
        ("published", "str"),
        ("deal_index", "int"),
        ("type", "str"),
        ("certainty", "str"),
        ("name", "str"),
        ("date", "str"),
        ("amount_value", "decimal"),
        ("amount_currency", "str"),
        ("valuation_value", "decimal"),
        ("valuation_currency", "str"),
        ("stake", "decimal"),
        ("party_names", "str"),
        *((column, "str") for column in ROLE_COLUMNS.values()),
        ("evidence", "str"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("confidence", "float"),
    ),
    "parties": (
        ("article_id", "str"),
        ("deal_index", "int"),
        ("party_index", "int"),
        ("name", "str"),
        ("role", "str"),
    ),
    "mentions": (
        ("article_id", "str"),
        ("kind", "str"),
        ("mention_index", "int"),
        ("text", "str"),
        ("value", "str"),
        ("amount_value", "decimal"),
        ("amount_max", "decimal"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("start_char", "int"),
        ("end_char", "int"),
    ),
}
# The article keys that have their own columns; any other key goes to ``extra`` (JSON).
_ARTICLE_KEYS = {
    "id",
    "published",
    "text_sha1",
    "pipeline_sha1",
    "orgs",
    "people",
    "money",
    "dates",
    "deals",
    "error",
    "language",
    "language_score",
    "warnings",
}


def to_decimal(value: Any) -> Decimal | None:
    """An exact ``Decimal`` of a JSON number or numeric string; ``None`` for anything else."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    try:
        dec = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return dec if dec.is_finite() else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _amount(data: Any) -> tuple[Decimal | None, str | None]:
    if not isinstance(data, Mapping):
        return None, None
    return to_decimal(data.get("value")), _str(data.get("currency"))


def _float(value: Any) -> float | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if ok else None


def _dicts(items: Any) -> list[Mapping[str, Any]]:
    return [item for item in items or () if isinstance(item, Mapping)]


def _names(items: Any) -> list[str]:
    return [str(item) for item in items or () if item is not None]


def _plain(value: Any) -> Any:
    """``value`` with Decimals as JSON numbers, for the ``extra`` JSON text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _deal_rows(article_id: str | None, published: Any, deals: list[Mapping[str, Any]]):
    deal_rows, party_rows = [], []
    for deal_index, deal in enumerate(deals):
        parties = _dicts(deal.get("parties"))
        by_role: dict[str, list[str]] = {}
        for party_index, party in enumerate(parties):
            name, role = _str(party.get("name")), _str(party.get("role"))
            party_rows.append(
                {
                    "article_id": article_id,
                    "deal_index": deal_index,
                    "party_index": party_index,
                    "name": name,
                    "role": role,
                }
            )
            if name is not None and role in ROLE_COLUMNS:
                by_role.setdefault(role, []).append(name)
        amount, currency = _amount(deal.get("amount"))
        valuation, valuation_currency = _amount(deal.get("valuation"))
        row: Row = {
            "article_id": article_id,
            "published": _str(published),
            "deal_index": deal_index,
            "type": _str(deal.get("type")),
            "certainty": _str(deal.get("certainty")),
            "name": _str(deal.get("name")),
            "date": _str(deal.get("date")),
            "amount_value": amount,
            "amount_currency": currency,
            "valuation_value": valuation,
            "valuation_currency": valuation_currency,
            "stake": to_decimal(deal.get("stake")),
            "party_names": NAME_SEPARATOR.join(
                str(p["name"]) for p in parties if p.get("name") is not None
            )
            or None,
        }
        for role, column in ROLE_COLUMNS.items():
            row[column] = NAME_SEPARATOR.join(by_role[role]) if role in by_role else None
        confidence = deal.get("confidence")
        row.update(
            evidence=_str(deal.get("evidence")),
            start_char=_int(deal.get("start")),
            end_char=_int(deal.get("end")),
            confidence=float(confidence) if isinstance(confidence, (int, float)) else None,
        )
        deal_rows.append(row)
    return deal_rows, party_rows


def _mention_rows(article_id: str | None, record: Mapping[str, Any]) -> list[Row]:
    rows: list[Row] = []

    def add(kind: str, index: int, **values: Any) -> None:
        row = dict.fromkeys(name for name, _ in TABLES["mentions"])
        row.update(article_id=article_id, kind=kind, mention_index=index, **values)
        rows.append(row)

    for kind, key in (("org", "orgs"), ("person", "people")):
        for index, name in enumerate(_names(record.get(key))):
            add(kind, index, text=name, value=name)
    for index, money in enumerate(_dicts(record.get("money"))):
        add(
            "money",
            index,
            text=_str(money.get("text")),
            amount_value=to_decimal(money.get("value")),
            amount_max=to_decimal(money.get("max")),
            currency=_str(money.get("currency")),
            qualifier=_str(money.get("qualifier")),
            start_char=_int(money.get("start")),
            end_char=_int(money.get("end")),
        )
    for index, date in enumerate(_dicts(record.get("dates"))):
        add(
            "date",
            index,
            text=_str(date.get("text")),
            value=_str(date.get("value")),
            start_char=_int(date.get("start")),
            end_char=_int(date.get("end")),
        )
    return rows


def flatten(article: Article | Mapping[str, Any]) -> dict[str, list[Row]]:
    """The rows of one article in each of ``TABLES``: ``{"articles": [row], "deals": [...],
    "parties": [...], "mentions": [...]}``. Missing or malformed fields give ``None`` cells,
    never an exception."""
    record: Mapping[str, Any] = article.to_dict() if isinstance(article, Article) else article
    article_id = _str(record.get("id"))
    deals = _dicts(record.get("deals"))
    orgs, people = _names(record.get("orgs")), _names(record.get("people"))
    extra = {k: _plain(v) for k, v in record.items() if k not in _ARTICLE_KEYS}
    article_row: Row = {
        "article_id": article_id,
        "published": _str(record.get("published")),
        "text_sha1": _str(record.get("text_sha1")),
        "pipeline_sha1": _str(record.get("pipeline_sha1")),
        "n_orgs": len(orgs),
        "n_people": len(people),
        "n_money": len(_dicts(record.get("money"))),
        "n_dates": len(_dicts(record.get("dates"))),
        "n_deals": len(deals),
        "orgs": NAME_SEPARATOR.join(orgs) or None,
        "people": NAME_SEPARATOR.join(people) or None,
        "language": _str(record.get("language")),
        "language_score": _float(record.get("language_score")),
        "warnings": NAME_SEPARATOR.join(_names(record.get("warnings"))) or None,
        "error": _str(record.get("error")),
        "extra": json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
    }
    deal_rows, party_rows = _deal_rows(article_id, record.get("published"), deals)
    return {
        "articles": [article_row],
        "deals": deal_rows,
        "parties": party_rows,
        "mentions": _mention_rows(article_id, record),
    }


def read_results(path: str | Path) -> Iterable[dict[str, Any]]:
    """The article records of an aiextract JSONL output, numbers read as exact
    ``Decimal``; a later line for the same id replaces an earlier one (a resumed run
    appends a new line when an article's text changed); broken lines are skipped."""
    latest: dict[Any, dict[str, Any]] = {}
    with Path(path).open("rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if isinstance(record, dict):
                key = record.get("id")
                latest.pop(key, None)  # keep the file's order, the last version wins
                latest[key] = record
    return latest.values()


def _pandas():
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - the extra is installed in tests
        from aiextract.io.optional import missing_extra

        raise missing_extra("pandas", "frame") from None
    return pd


def _dtype(kind: str, pd: Any) -> Any:
    if kind == "int":
        return "Int64"
    if kind == "float":
        return "Float64"
    if kind == "decimal":
        try:
            import pyarrow as pa
        except ImportError:  # pragma: no cover - plain Decimal objects still sum and sort
            return object
        return pd.ArrowDtype(pa.decimal128(38, 4))
    return "string"


def to_frame(
    articles: str | Path | Iterable[Article | Mapping[str, Any]], table: str = "deals"
) -> pd.DataFrame:
    """A pandas ``DataFrame`` of ``table`` (``deals`` by default: one row per deal, the
    columns of the CSV output) for ``Article`` objects, article dicts, or the path of a
    JSONL output. Money columns are exact decimals (``decimal128(38, 4)``), summable and
    sortable; counts and offsets are nullable integers."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    pd = _pandas()
    records = read_results(articles) if isinstance(articles, (str, Path)) else articles
    rows = [row for article in records for row in flatten(article)[table]]
    columns = TABLES[table]
    frame = pd.DataFrame.from_records(rows, columns=[name for name, _ in columns])
    return frame.astype({name: _dtype(kind, pd) for name, kind in columns})
