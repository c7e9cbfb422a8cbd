"""The Python API: load, extract, extract_many, and the records' JSON form."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import aiextract
from aiextract.normalize.published import coerce_published
from aiextract.records import Article

TEXT = (
    "Publié le 4 mars 2024\n"
    "La start-up lyonnaise Vektor Robotics a levé 15 millions d'euros auprès de Bpifrance."
)


def test_load_adds_components_in_order(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("aiextract_")]
    assert names == [
        "aiextract_orgs",
        "aiextract_money",
        "aiextract_dates",
        "aiextract_entities",
        "aiextract_deal_sentences",
        "aiextract_deal_roles",
        "aiextract_deals",
        "aiextract_language",
    ]
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("aiextract_orgs")


def test_extract_returns_article_with_schema(nlp):
    article = aiextract.extract(TEXT, doc_id="a1", nlp=nlp)
    assert isinstance(article, Article)
    data = article.to_dict()
    for key in ("id", "published", "orgs", "people", "money", "dates", "deals"):
        assert key in data
    assert data["id"] == "a1"
    assert json.loads(json.dumps(data)) == data
    money = [m for m in data["money"] if m["currency"] == "EUR"]
    assert money and money[0]["value"] == 15_000_000


def test_every_mention_text_is_at_its_offsets(nlp):
    article = aiextract.extract(TEXT, nlp=nlp)
    for mention in [*article.money, *article.dates]:
        assert TEXT[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("", None),
        ("2024", "2024"),
        ("2024-04", "2024-04"),
        ("2024-4", "2024-04"),
        ("2024-04-03", "2024-04-03"),
        ("2024-04-03T10:22:00Z", "2024-04-03"),
        ("2024-04-03 10:22", "2024-04-03"),
        (dt.date(2023, 11, 20), "2023-11-20"),
        (dt.datetime(2023, 11, 20, 8, 30), "2023-11-20"),
    ],
    ids=repr,
)
def test_published_is_coerced_to_iso(given, expected):
    assert coerce_published(given) == expected


@pytest.mark.parametrize(
    "bad", ["hier", "2024-13", "2024-02-30", "31/02/2023", 2024, 3.5, ["2024"]], ids=repr
)
def test_bad_published_raises_input_error(bad):
    with pytest.raises(aiextract.InputError):
        coerce_published(bad)


def test_extract_passes_published_through(nlp):
    article = aiextract.extract("Rien à signaler.", published="2024-04", nlp=nlp)
    assert article.published == "2024-04"


def test_extract_rejects_non_text(nlp):
    with pytest.raises(aiextract.InputError):
        aiextract.extract(b"bytes", nlp=nlp)  # type: ignore[arg-type]


def test_extract_many_keeps_order_ids_and_extras(nlp):
    items = [
        {"id": "x", "text": "Le fonds Oryx investit 3 millions d'euros.", "source": "demo"},
        "Texte brut sans identifiant.",
        {"id": "bad", "text": None},
        {"id": "bad-date", "text": "Rien.", "published": "pas une date"},
        {"id": "y", "text": "", "published": "2024-01-02"},
    ]
    out = list(aiextract.extract_many(items, nlp=nlp, batch_size=2))
    assert [a.id for a in out] == ["x", None, "bad", "bad-date", "y"]
    assert out[0].extra == {"source": "demo"}
    assert out[0].to_dict()["source"] == "demo"
    assert out[2].error and "text" in out[2].error
    assert out[3].error and "published" in out[3].error
    assert out[4].error is None and out[4].published == "2024-01-02"
    assert out[4].deals == [] and out[4].orgs == []


def test_extract_many_streams_lazily(nlp):
    def endless():
        i = 0
        while True:
            i += 1
            yield {"id": str(i), "text": f"Article numéro {i}."}

    stream = aiextract.extract_many(endless(), nlp=nlp, batch_size=4)
    first = [next(stream) for _ in range(5)]
    assert [a.id for a in first] == ["1", "2", "3", "4", "5"]


def test_records_round_trip_through_dict(nlp):
    article = aiextract.extract(TEXT, nlp=nlp)
    for deal in article.deals:
        assert aiextract.Deal.from_dict(deal.to_dict()) == deal
