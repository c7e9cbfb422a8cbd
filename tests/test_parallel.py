"""extract_many over worker processes (aiextract.parallel): same records as one process."""

from __future__ import annotations

import os
from itertools import islice

import pytest

import aiextract
from aiextract import parallel

TEXTS = [
    "La start-up lyonnaise Ombelle lève 8 millions d'euros auprès de Kestrel Partners.",
    "Le groupe Varlin rachète la société Tessane pour 120 millions d'euros, a-t-il annoncé hier.",
    "",
    "Les ventes de la société Morvane ont progressé de 12 % en 2023.",
    "Hexalis et Brunel Technologies signent un partenariat dans le stockage d'énergie.",
    "Le fonds Aubépine Capital prendrait 30 % de Calyxa, selon nos informations.",
]


def _items() -> list[object]:
    items: list[object] = [
        {"id": f"a{i}", "text": text, "published": "2024-06-12", "source": "test"}
        for i, text in enumerate(TEXTS)
    ]
    items.insert(2, {"id": "bytes", "text": b"pas du texte"})
    items.insert(4, {"id": "broken", "error": "line 5: not JSON"})
    items.append("Quantelia recrute Jeanne Morel, ancienne de Dassault Systèmes.")
    return items


@pytest.fixture(scope="module")
def one_process(nlp) -> list[dict]:
    return [a.to_dict() for a in aiextract.extract_many(_items(), nlp=nlp, n_process=1)]


@pytest.mark.parametrize("batch_size", [1, 3, 32], ids=["batch1", "batch3", "batch32"])
def test_two_processes_give_the_records_of_one(nlp, one_process, batch_size):
    two = aiextract.extract_many(_items(), nlp=nlp, n_process=2, batch_size=batch_size)
    assert [a.to_dict() for a in two] == one_process


def test_bad_items_keep_their_place_and_error(nlp, one_process):
    ids = [a["id"] for a in one_process]
    assert ids[2] == "bytes" and "str" in one_process[2]["error"]
    assert ids[4] == "broken" and one_process[4]["error"] == "line 5: not JSON"
    assert any(d["type"] == "funding" for d in one_process[0]["deals"])


def _dying_batch(batch, max_chars):
    """A worker that dies without a word (as when the system kills it for memory)."""
    os._exit(1)


def test_a_dead_worker_loses_no_article(nlp, one_process, monkeypatch):
    monkeypatch.setattr(parallel, "_run_batch", _dying_batch)
    two = list(parallel.extract_parallel(_items(), nlp=nlp, n_process=2, batch_size=2))
    assert [a.to_dict() for a in two] == one_process


def test_an_item_that_does_not_pickle_is_processed_here(nlp):
    items = [{"id": "x", "text": TEXTS[0], "callback": lambda: None}, TEXTS[1]]
    two = list(aiextract.extract_many(items, nlp=nlp, n_process=2, batch_size=1))
    assert [a.id for a in two] == ["x", None]
    assert two[0].error is None and two[0].deals


def test_stopping_early_does_not_hang(nlp):
    stream = aiextract.extract_many((TEXTS[0] for _ in range(200)), nlp=nlp, n_process=2)
    first = list(islice(stream, 3))
    stream.close()
    assert len(first) == 3


@pytest.mark.parametrize(("asked", "expected"), [(2, 2), (5, 5), (-1, os.cpu_count() or 1)])
def test_worker_count(asked, expected):
    assert parallel.worker_count(asked) == expected
