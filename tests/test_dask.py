"""``aiextract.dask`` on a LocalCluster of two worker processes: the same records as one
process, the model loaded once per worker, bags, DataFrames, Parquet and the command line.

One cluster for the whole module (each worker loads the model once, ~10 s).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import aiextract.dask as ad
from aiextract import extract_many
from aiextract.errors import ModelNotFoundError
from aiextract.frame import to_frame

OWN_TEXTS = [
    {
        "id": "alvea",
        "text": (
            "La medtech grenobloise Alvéa a bouclé mardi un tour de table de 22 millions "
            "d'euros mené par Sofinnova Partners, avec la participation de Bpifrance."
        ),
        "published": "2024-05-16",
        "source": "fil",
    },
    {
        "id": "marlin",
        "text": (
            "Le groupe industriel Marlin a finalisé le rachat de l'éditeur lillois Quadrant "
            "Data pour 48 millions d'euros, selon un communiqué diffusé le 2 octobre 2023."
        ),
        "published": "2023-10-03",
        "source": "communiqué",
    },
    {"id": "vide", "text": "", "published": None, "source": "fil"},
    {"id": "pas-de-texte", "text": 42, "published": None, "source": "fil"},
    {
        "id": "date-fausse",
        "text": "La fintech Nerio recrute vingt ingénieurs à Nantes.",
        "published": "hier soir",
        "source": "fil",
    },
]


def _seed_items(seeds_dir: Path) -> list[dict]:
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": None, "source": "seed"}
        for p in sorted(seeds_dir.glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def items(seeds_dir: Path) -> list[dict]:
    return _seed_items(seeds_dir) + OWN_TEXTS


@pytest.fixture(scope="module")
def expected(items: list[dict], nlp) -> list[dict]:
    """The single-process reference run."""
    return [a.to_dict() for a in extract_many(items, nlp=nlp)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster) as dask_client:
        yield dask_client


def test_bag_of_dicts_equals_one_process(client, items, expected) -> None:
    bag = db.from_sequence(items, npartitions=4)
    assert ad.extract_bag(bag).compute() == expected


def test_bag_of_strings(client, items, nlp) -> None:
    texts = [item["text"] for item in items if isinstance(item["text"], str)]
    want = [a.to_dict() for a in extract_many(texts, nlp=nlp)]
    assert ad.extract_bag(db.from_sequence(texts, npartitions=3)).compute() == want


def test_model_loaded_once_per_worker(client, items) -> None:
    ad.extract_bag(db.from_sequence(items * 2, npartitions=8)).compute()
    loads = client.run(ad.pipeline_loads)
    assert len(loads) == 2
    assert all(count <= 1 for count in loads.values()), loads
    assert sum(loads.values()) >= 1


@pytest.fixture(scope="module")
def frame_items(items: list[dict]) -> list[dict]:
    """A text column holds strings or nothing: the article with a number as text has none."""
    return [
        {**item, "text": item["text"] if isinstance(item["text"], str) else None} for item in items
    ]


@pytest.fixture(scope="module")
def frame_expected(frame_items: list[dict], nlp) -> list[dict]:
    return [a.to_dict() for a in extract_many(frame_items, nlp=nlp)]


def test_dataframe_equals_one_process(client, frame_items, frame_expected) -> None:
    frame = dd.from_pandas(pd.DataFrame(frame_items), npartitions=3)
    records = ad.extract_frame(frame).compute()
    assert records == frame_expected
    assert records[8]["error"] == "text must be a str, not NoneType"


def test_pandas_frame_with_other_column_names(client, frame_items, frame_expected) -> None:
    frame = pd.DataFrame(frame_items).rename(columns={"text": "body", "id": "uid"})
    records = ad.extract_frame(frame, text="body", id="uid", npartitions=2).compute()
    assert records == frame_expected


def test_frame_without_text_column(client) -> None:
    with pytest.raises(ValueError, match="no 'text' column"):
        ad.extract_frame(pd.DataFrame({"body": ["x"]}))


def test_deals_frame_and_parquet(client, items, expected, tmp_path: Path) -> None:
    results = ad.extract_bag(db.from_sequence(items, npartitions=3))
    want = to_frame(expected)
    got = ad.to_frame(results).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    ad.to_parquet(results, str(tmp_path / "deals"))
    back = pd.read_parquet(tmp_path / "deals")
    assert len(back) == len(want) > 0
    assert list(back["article_id"]) == list(want["article_id"])


def test_stream_through_cluster_in_order(client, cluster, items, expected) -> None:
    got = ad.extract_on_cluster(iter(items), client, block_size=3, window=2)
    assert [a.to_dict() for a in got] == expected
    by_address = ad.extract_on_cluster(items[:3], cluster.scheduler_address)
    assert [a.to_dict() for a in by_address] == expected[:3]


def test_missing_model_on_workers(client) -> None:
    with pytest.raises(ModelNotFoundError, match="not installed"):
        list(ad.extract_on_cluster(["Un texte."], client, model="xx_modele_absent"))


def _extract_on(
    cluster, corpus: Path, out: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    """``aiextract extract CORPUS -o OUT`` on ``cluster``'s scheduler, in a new process."""
    command = ["extract", str(corpus), "-o", str(out), "--scheduler", cluster.scheduler_address]
    return subprocess.run(
        [sys.executable, "-m", "aiextract", *command, *options],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def test_cli_scheduler(cluster, items, expected, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    done = _extract_on(cluster, corpus, out, "--batch-size", "2")
    assert done.returncode == 1, done.stderr  # the article with no text fails
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == [e["id"] for e in expected]
    assert [r["deals"] for r in lines] == [e["deals"] for e in expected]
    again = _extract_on(cluster, corpus, out)  # resuming: everything is done, nothing added
    assert again.returncode == 0, again.stderr
    assert "already done" in again.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(lines)


def test_missing_extra_names_it() -> None:
    code = "import sys; sys.modules['dask'] = None; import aiextract.dask"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert 'pip install "aiextract[dask]"' in done.stderr
