"""Input formats (.html, .csv, .parquet), table outputs (.csv, .parquet, .duckdb) and the
flat tables of ``aiextract.frame``. No model needed: articles are built by hand."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import aiextract
from aiextract.errors import InputError
from aiextract.frame import TABLES, flatten, read_results, to_frame
from aiextract.io import (
    MissingExtraError,
    OutputExistsError,
    iter_inputs,
    open_writer,
    output_format,
)
from aiextract.io.readers import folder_files
from aiextract.io.tables import fixed_decimal, table_paths
from aiextract.records import Amount, Article, DateMention, Deal, Money, Party

TEXT_A = (
    "La start-up rennaise Ombelle, qui édite un logiciel de planification pour les "
    "infirmiers libéraux, lève 7,5 millions d'euros auprès d'Axeleo Capital."
)
TEXT_B = (
    "Le transporteur Galtier rachète son concurrent bourguignon Routes Morel pour un "
    "montant qui n'a pas été communiqué."
)

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Ombelle lève 7,5 millions d'euros | La Gazette des Entreprises</title>
<meta property="article:published_time" content="2024-09-17T07:45:00+02:00">
<link rel="canonical" href="https://gazette.example.fr/2024/09/ombelle-leve">
</head><body>
<nav><a href="/">Accueil</a> | <a href="/startups">Start-up</a> |
<a href="/abonnement">S'abonner</a></nav>
<article><h1>Ombelle lève 7,5 millions d'euros pour soigner l'agenda des infirmiers</h1>
<p>La start-up rennaise Ombelle, qui édite un logiciel de planification pour les infirmiers
libéraux, a bouclé un tour de table de 7,5 millions d'euros auprès d'Axeleo Capital et de
plusieurs business angels du secteur de la santé.</p>
<p>La jeune pousse, fondée en 2021, revendique 4 000 soignants utilisateurs et compte
doubler ses effectifs d'ici la fin de l'année prochaine.</p>
</article>
<footer>© 2024 La Gazette des Entreprises. Tous droits réservés. Mentions légales.</footer>
</body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def sample_articles() -> list[Article]:
    """Two processed articles and a failed one, as the pipeline would give them."""
    funding = Deal(
        "funding",
        (Party("Ombelle", "target"), Party("Axeleo Capital", "investor")),
        amount=Amount(Decimal("7500000"), "EUR"),
        date="2024-09-16",
        valuation=Amount(Decimal("30000000"), "EUR"),
        evidence="Ombelle lève 7,5 millions d'euros auprès d'Axeleo Capital.",
        start=0,
        end=61,
        confidence=0.9,
    )
    stake = Deal(
        "investment",
        (Party("Axeleo Capital", "investor"), Party("Ombelle", "target")),
        stake=12.5,
        certainty="hedged",
    )
    a = Article(
        id="ombelle",
        published="2024-09-17",
        orgs=["Ombelle", "Axeleo Capital"],
        people=["Claire Le Goff"],
        money=[Money("7,5 millions d'euros", Decimal("7500000"), "EUR", start=40, end=60)],
        dates=[DateMention("lundi", "2024-09-16", start=70, end=75)],
        deals=[funding, stake],
        extra={"text_sha1": "f" * 40, "source": "Gazette"},
    )
    b = Article(
        id="galtier",
        orgs=["Galtier", "Routes Morel"],
        deals=[
            Deal(
                "acquisition",
                (Party("Galtier", "acquirer"), Party("Routes Morel", "target")),
                amount=Amount(Decimal("0.6025"), "USD"),
            )
        ],
        extra={"text_sha1": "e" * 40},
    )
    failed = Article.failed("broken:3", "in.jsonl:3: not valid JSON (Expecting value)")
    failed.extra["text_sha1"] = None
    return [a, b, failed]


# ------------------------------------------------------------------- readers: html


def test_html_page_gives_main_text_date_and_metadata(tmp_path):
    path = write(tmp_path / "ombelle-leve.html", PAGE)
    (item,) = iter_inputs([path])
    assert item["id"] == "ombelle-leve"
    assert item["published"] == "2024-09-17"
    assert "tour de table de 7,5 millions d'euros" in item["text"]
    assert "Accueil" not in item["text"] and "Mentions légales" not in item["text"]
    assert item["url"] == "https://gazette.example.fr/2024/09/ombelle-leve"
    assert item["title"].startswith("Ombelle lève 7,5 millions")


def test_html_date_only_from_metadata_not_guessed_from_text(tmp_path):
    page = PAGE.replace(
        '<meta property="article:published_time" content="2024-09-17T07:45:00+02:00">', ""
    ).replace("fondée en 2021", "fondée le 3 mars 2021")
    (item,) = iter_inputs([write(tmp_path / "sans-date.htm", page)])
    assert item["published"] is None
    assert "3 mars 2021" in item["text"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<html><head><script>var suivi = 1;</script></head><body></body></html>",
        b"\x00\xff\xfe",
    ],
    ids=["empty", "script-only", "binary"],
)
def test_html_without_article_text_gives_an_error_item(tmp_path, content):
    (item,) = iter_inputs([write(tmp_path / "vide.html", content)])
    assert item["id"] == "vide" and item["text"] is None
    assert "no article text" in item["error"] or "cannot parse" in item["error"]


# ------------------------------------------------------------------- readers: csv


def csv_text(*rows: list[str]) -> str:
    out: list[str] = []

    class Sink:
        def write(self, line: str) -> None:
            out.append(line)

    csv.writer(Sink()).writerows(rows)
    return "".join(out)


def test_csv_rows_with_id_published_and_extra_columns(tmp_path):
    path = write(
        tmp_path / "depeches.csv",
        csv_text(
            ["id", "published", "text", "source"],
            ["d1", "2024-09-17", TEXT_A, "Gazette"],
            ["", "", TEXT_B + "\nSuite du texte, « citée », sur deux lignes.", "AFP"],
        ),
    )
    items = list(iter_inputs([path]))
    assert items[0] == {"id": "d1", "text": TEXT_A, "published": "2024-09-17", "source": "Gazette"}
    assert items[1]["id"] == "depeches:2"  # no id: file name and row number
    assert items[1]["published"] is None
    assert items[1]["text"].endswith("sur deux lignes.")
    assert items[1]["source"] == "AFP"


def test_csv_text_column_option_and_bom(tmp_path):
    path = write(tmp_path / "a.csv", "\ufeff" + csv_text(["titre", "corps"], ["Ombelle", TEXT_A]))
    (item,) = iter_inputs([path], text_column="corps")
    assert item == {"id": "a:1", "text": TEXT_A, "published": None, "titre": "Ombelle"}


def test_csv_long_text_over_the_csv_default_limit(tmp_path):
    long_text = " ".join([TEXT_A] * 2000)  # ~300 000 characters in one cell
    (item,) = iter_inputs([write(tmp_path / "long.csv", csv_text(["text"], [long_text]))])
    assert item["text"] == long_text


CSV_BAD_ROWS = [
    # (id, file bytes, index of the bad row, expected id, error fragment)
    (
        "missing-cell",
        csv_text(["id", "text", "source"], ["x1"]).encode(),
        0,
        "x1",
        "has no 'text'",
    ),
    (
        "too-many-cells",
        csv_text(["id", "text"], ["x2", "Galtier rachète", " Routes Morel"]).encode(),
        0,
        "x2",
        "3 cells for 2 columns",
    ),
    (
        "not-utf8",
        csv_text(["id", "text"], ["ok", TEXT_A]).encode()
        + "x3,Soci\u00e9t\u00e9 g\u00e9n\u00e9rale\r\n".encode("latin-1"),
        1,
        "x3",
        "not UTF-8",
    ),
]


@pytest.mark.parametrize(
    ("content", "index", "doc_id", "error"),
    [c[1:] for c in CSV_BAD_ROWS],
    ids=[c[0] for c in CSV_BAD_ROWS],
)
def test_csv_bad_row_gives_an_error_item_and_the_rest_goes_on(
    tmp_path, content, index, doc_id, error
):
    path = write(tmp_path / "in.csv", content + csv_text(["after", TEXT_B]).encode())
    items = list(iter_inputs([path]))
    bad = items[index]
    assert bad["id"] == doc_id and bad["text"] is None and error in bad["error"]
    assert "row" in bad["error"]
    assert items[-1]["id"] == "after" and items[-1]["text"] == TEXT_B


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (csv_text(["titre", "corps"], ["a", "b"]), "no 'text' column"),
        ("", "empty file"),
    ],
    ids=["no-text-column", "empty-file"],
)
def test_csv_unusable_file_gives_one_error_item(tmp_path, content, error):
    (item,) = iter_inputs([write(tmp_path / "t.csv", content)])
    assert item["id"] == "t" and error in item["error"]


# ------------------------------------------------------------------- readers: parquet


def test_parquet_rows_with_dates_ids_and_extra_columns(tmp_path):
    table = pa.table(
        {
            "id": [101, None, 103],
            "text": [TEXT_A, TEXT_B, None],
            "published": [dt.date(2024, 9, 17), None, dt.date(2024, 9, 18)],
            "score": [0.5, float("nan"), 1.0],
            "prix": pa.array([Decimal("12.50"), None, None], pa.decimal128(10, 2)),
        }
    )
    pq.write_table(table, tmp_path / "lot.parquet")
    items = list(iter_inputs([tmp_path / "lot.parquet"]))
    assert items[0] == {
        "id": "101",
        "text": TEXT_A,
        "published": "2024-09-17",
        "score": 0.5,
        "prix": "12.50",
    }
    assert items[1]["id"] == "lot:2" and items[1]["score"] is None  # NaN is no JSON
    assert items[2]["id"] == "103" and "has no 'text'" in items[2]["error"]
    json.dumps(items)  # plain data all through


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: pq.write_table(pa.table({"corps": [TEXT_A]}), p), "no 'text' column"),
        (lambda p: p.write_bytes(b"PAR1 tronque"), "cannot read as Parquet"),
    ],
    ids=["no-text-column", "truncated"],
)
def test_parquet_unusable_file_gives_one_error_item(tmp_path, make, error):
    make(tmp_path / "p.parquet")
    (item,) = iter_inputs([tmp_path / "p.parquet"])
    assert item["id"] == "p" and error in item["error"]


# ------------------------------------------------------------------- folders


def test_folder_reads_every_format_and_skips_table_outputs(tmp_path):
    write(tmp_path / "a.txt", TEXT_A)
    write(tmp_path / "b.html", PAGE)
    write(tmp_path / "c.csv", csv_text(["id", "text"], ["c1", TEXT_B]))
    pq.write_table(pa.table({"id": ["d1"], "text": [TEXT_A]}), tmp_path / "d.parquet")
    with open_writer(tmp_path / "res.csv") as writer:  # four tables: none is read back
        writer.write(sample_articles()[0])
    files = [p.name for p in folder_files(tmp_path)]
    assert files == ["a.txt", "b.html", "c.csv", "d.parquet"]
    assert [i["id"] for i in iter_inputs([tmp_path])] == ["a", "b", "c1", "d1"]


def test_missing_extra_is_named(tmp_path, monkeypatch):
    import aiextract.io.optional as optional

    real = optional.importlib.import_module

    def no_trafilatura(name: str):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real(name)

    monkeypatch.setattr(optional.importlib, "import_module", no_trafilatura)
    page = write(tmp_path / "p.html", PAGE)
    with pytest.raises(MissingExtraError, match=r'pip install "aiextract\[html\]"'):
        list(iter_inputs([page]))
    # inside a folder: an error item for the page, the other files are read
    write(tmp_path / "q.txt", TEXT_A)
    items = list(iter_inputs([tmp_path]))
    assert [i["id"] for i in items] == ["p", "q"]
    assert "aiextract[html]" in items[0]["error"]


# ------------------------------------------------------------------- flat tables


def test_flatten_deal_row_columns():
    deals = flatten(sample_articles()[0])["deals"]
    assert [set(row) for row in deals] == [{name for name, _ in TABLES["deals"]}] * 2
    first, second = deals
    assert first["article_id"] == "ombelle" and first["deal_index"] == 0
    assert first["amount_value"] == Decimal("7500000") and first["amount_currency"] == "EUR"
    assert first["valuation_value"] == Decimal("30000000")
    assert first["target"] == "Ombelle" and first["investors"] == "Axeleo Capital"
    assert first["party_names"] == "Ombelle; Axeleo Capital"
    assert first["start_char"] == 0 and first["confidence"] == 0.9
    assert second["stake"] == Decimal("12.5") and second["certainty"] == "hedged"
    assert second["amount_value"] is None


def test_flatten_parties_mentions_and_article_row():
    tables = flatten(sample_articles()[0])
    assert [(p["deal_index"], p["name"], p["role"]) for p in tables["parties"]] == [
        (0, "Ombelle", "target"),
        (0, "Axeleo Capital", "investor"),
        (1, "Axeleo Capital", "investor"),
        (1, "Ombelle", "target"),
    ]
    kinds = [(m["kind"], m["value"], m["amount_value"]) for m in tables["mentions"]]
    assert kinds == [
        ("org", "Ombelle", None),
        ("org", "Axeleo Capital", None),
        ("person", "Claire Le Goff", None),
        ("money", None, Decimal("7500000")),
        ("date", "2024-09-16", None),
    ]
    (row,) = tables["articles"]
    assert row["n_deals"] == 2 and row["text_sha1"] == "f" * 40
    assert json.loads(row["extra"]) == {"source": "Gazette"}


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"id": 7, "deals": "pas une liste", "money": [None, {"value": "abc"}]},
        {"id": "x", "deals": [{"parties": [{"name": None}], "amount": {"value": None}}]},
    ],
    ids=["empty", "wrong-types", "nulls"],
)
def test_flatten_never_raises_on_malformed_records(record):
    tables = flatten(record)
    assert len(tables["articles"]) == 1


def test_to_frame_from_articles_dicts_and_jsonl(tmp_path):
    articles = sample_articles()
    path = tmp_path / "out.jsonl"
    with open_writer(path) as writer:
        for article in articles:
            writer.write(article)
    for given in (articles, [a.to_dict() for a in articles], path, str(path)):
        frame = aiextract.to_frame(given)
        assert list(frame["article_id"]) == ["ombelle", "ombelle", "galtier"]
        assert frame["amount_value"].sum() == Decimal("7500000.6025")
        assert str(frame["amount_value"].dtype).startswith("decimal128(38, 4)")
        assert frame.sort_values("amount_value")["article_id"].iloc[0] == "galtier"
    mentions = to_frame(articles, table="mentions")
    assert set(mentions["kind"]) == {"org", "person", "money", "date"}
    empty = to_frame([])
    assert list(empty.columns) == [name for name, _ in TABLES["deals"]] and empty.empty
    with pytest.raises(ValueError, match="table must be one of"):
        to_frame(articles, table="orgs")


def test_read_results_last_line_of_an_id_wins_and_numbers_are_exact(tmp_path):
    path = write(
        tmp_path / "out.jsonl",
        '{"id": "a", "deals": [], "text_sha1": "1"}\n'
        '{"id": "b", "money": [{"value": 0.1, "currency": "EUR"}], "text_sha1": "2"}\n'
        "{broken\n"
        '{"id": "a", "deals": [], "text_sha1": "3"}\n',
    )
    records = list(read_results(path))
    assert [(r["id"], r["text_sha1"]) for r in records] == [("b", "2"), ("a", "3")]
    assert records[0]["money"][0]["value"] == Decimal("0.1")


# ------------------------------------------------------------------- writers


@pytest.mark.parametrize(
    ("path", "given", "expected"),
    [
        ("out.csv", None, "csv"),
        ("out.PARQUET", None, "parquet"),
        ("base.duckdb", None, "duckdb"),
        ("out.jsonl", None, "jsonl"),
        ("out", None, "jsonl"),
        ("out.txt", "csv", "csv"),
        (None, None, "jsonl"),
    ],
    ids=["csv", "parquet-upper", "duckdb", "jsonl", "no-suffix", "format-wins", "stdout"],
)
def test_output_format(path, given, expected):
    assert output_format(path, given) == expected


def test_table_paths():
    paths = table_paths(Path("res/out.csv"))
    assert paths == {
        "articles": Path("res/out.articles.csv"),
        "deals": Path("res/out.csv"),
        "parties": Path("res/out.parties.csv"),
        "mentions": Path("res/out.mentions.csv"),
    }


def test_csv_writer_tables_with_exact_amounts(tmp_path):
    out = tmp_path / "out.csv"
    with open_writer(out) as writer:
        for article in sample_articles():
            writer.write(article)
    assert writer.count == 3
    deals = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(deals.columns) == [name for name, _ in TABLES["deals"]]
    assert list(deals["amount_value"]) == ["7500000", "", "0.6025"]
    assert sum(Decimal(v) for v in deals["amount_value"] if v) == Decimal("7500000.6025")
    articles = pd.read_csv(tmp_path / "out.articles.csv", dtype=str, keep_default_na=False)
    assert list(articles["article_id"]) == ["ombelle", "galtier", "broken:3"]
    assert articles["error"].iloc[2].startswith("in.jsonl:3")
    mentions = pd.read_csv(tmp_path / "out.mentions.csv", dtype=str, keep_default_na=False)
    assert "7,5 millions d'euros" in set(mentions["text"])
    parties = pd.read_csv(tmp_path / "out.parties.csv")
    assert len(parties) == 6


def test_parquet_writer_decimal_columns(tmp_path):
    out = tmp_path / "out.parquet"
    with open_writer(out, format="parquet") as writer:
        for article in sample_articles():
            writer.write(article)
    deals = pq.read_table(out)
    assert deals.schema.field("amount_value").type == pa.decimal128(38, 4)
    assert deals.column("amount_value").to_pylist() == [
        Decimal("7500000.0000"),
        None,
        Decimal("0.6025"),
    ]
    assert pq.read_table(tmp_path / "out.articles.parquet").num_rows == 3
    assert pq.read_table(tmp_path / "out.mentions.parquet").num_rows == 7


def test_parquet_writer_flushes_row_groups(tmp_path):
    from aiextract.io.tables import ParquetWriter

    with ParquetWriter(tmp_path / "o.parquet", row_group_size=2) as writer:
        for n in range(5):
            article = sample_articles()[1]
            article.id = f"g{n}"
            writer.write(article)
    meta = pq.ParquetFile(tmp_path / "o.parquet").metadata
    assert meta.num_rows == 5 and meta.num_row_groups >= 2


def test_duckdb_writer_tables_join_and_sum(tmp_path):
    out = tmp_path / "deals.duckdb"
    with open_writer(out) as writer:
        for article in sample_articles():
            writer.write(article)
    con = duckdb.connect(str(out), read_only=True)
    tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert tables == {"articles", "deals", "parties", "mentions"}
    (kind,) = con.execute(
        "SELECT data_type FROM information_schema.columns "
        "WHERE table_name = 'deals' AND column_name = 'amount_value'"
    ).fetchone()
    assert kind == "DECIMAL(38,4)"
    by_investor = con.execute(
        """
        SELECT p.name, sum(d.amount_value) AS total
        FROM deals d JOIN parties p USING (article_id, deal_index)
        WHERE p.role = 'investor' AND d.type = 'funding'
        GROUP BY p.name
        """
    ).fetchall()
    assert by_investor == [("Axeleo Capital", Decimal("7500000.0000"))]
    assert con.execute("SELECT count(*) FROM articles WHERE error IS NOT NULL").fetchone() == (1,)
    con.close()


def test_decimal_scale_and_limits():
    assert fixed_decimal(Decimal("0.60254")) == Decimal("0.6025")
    assert fixed_decimal(Decimal("2.5E12")) == Decimal("2500000000000.0000")
    assert fixed_decimal(Decimal("1E40")) is None


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_formats_refuse_to_resume(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    with open_writer(out) as writer:
        writer.write(sample_articles()[0])
    with pytest.raises(OutputExistsError, match="--overwrite"):
        open_writer(out, mode="resume")
    with open_writer(out, mode="w") as writer:  # starting afresh is fine
        writer.write(sample_articles()[1])


@pytest.mark.parametrize(
    ("path", "fmt", "error"),
    [(None, "csv", "needs a file"), ("out.x", "xml", "unknown output format")],
    ids=["csv-to-stdout", "unknown-format"],
)
def test_bad_output_choices(path, fmt, error):
    with pytest.raises(InputError, match=error):
        open_writer(path, format=fmt)
