"""The corpus tools on invented pages: URL hashing, splits, drafts to offsets, add/build/eval.

No real article is needed here (those tests are in test_real_corpus.py).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from aiextract.cli import main
from aiextract.corpus import Corpus, TextsMissing, article_id, check_draft, gold_line, split_of
from aiextract.corpus.drafts import find_all
from aiextract.corpus.evaluation import error_report, miss_cause, predict
from aiextract.corpus.manifest import normalise_url, url_sha1

PAGE = (
    "Publié le 4 février 2025\n\n"
    "La jeune pousse lyonnaise Vernalis lève 6 millions d’euros auprès du fonds Axiome "
    "Partners. Elle compte recruter vingt ingénieurs d'ici 2026.\n"
    "Par ailleurs, le groupe Dorvane rachète  la société Ombrelle."
)


def draft(**changes) -> dict:
    base = {
        "id": "rtest",
        "annotators": ["T1"],
        "published": "2025-02-04",
        "orgs": ["Vernalis", "Axiome Partners", "Dorvane", "Ombrelle"],
        "people": [],
        "money": [{"text": "6 millions d’euros", "value": 6000000, "currency": "EUR"}],
        "dates": [
            {"text": "4 février 2025", "value": "2025-02-04"},
            {"text": "2026", "value": "2026"},
        ],
        "deals": [
            {
                "type": "funding",
                "parties": [
                    {
                        "name": "Vernalis",
                        "role": "target",
                        "mentions": ["La jeune pousse lyonnaise Vernalis", "[Elle] compte"],
                    },
                    {
                        "name": "Axiome Partners",
                        "role": "investor",
                        "mentions": ["Axiome Partners"],
                    },
                ],
                "amount": {"value": 6000000, "currency": "EUR"},
                "date": None,
                "certainty": "stated",
                "evidence": [
                    "La jeune pousse lyonnaise Vernalis lève 6 millions d’euros auprès du fonds "
                    "Axiome Partners.",
                    "Elle compte recruter vingt ingénieurs d'ici 2026.",
                ],
                "trigger": ["lève"],
            },
            {
                "type": "acquisition",
                "parties": [
                    {"name": "Dorvane", "role": "acquirer", "mentions": ["le groupe Dorvane"]},
                    {"name": "Ombrelle", "role": "target", "mentions": ["la société Ombrelle"]},
                ],
                "amount": None,
                "date": None,
                "certainty": "stated",
                "evidence": ["le groupe Dorvane rachète la société Ombrelle."],
                "trigger": ["rachète"],
            },
        ],
    }
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://www.Example.com/a/b/", "example.com/a/b"),
        ("http://example.com", "example.com"),
        ("example.com/x?y=1", "example.com/x?y=1"),
        ("HTTPS://WWW.EXAMPLE.FR/", "example.fr"),
    ],
    ids=["scheme-www-slash", "bare-host", "query-kept", "upper-case"],
)
def test_normalise_url(url: str, normalised: str) -> None:
    assert normalise_url(url) == normalised


def test_url_variants_share_id_and_hash() -> None:
    assert article_id("https://www.a.fr/x/") == article_id("http://a.fr/x")
    assert url_sha1("https://a.fr/x") == url_sha1("a.fr/x/")
    assert article_id("https://a.fr/x") != article_id("https://a.fr/y")


def test_splits_are_about_60_20_20() -> None:
    counts = Counter(split_of(f"r{i:011x}") for i in range(3000))
    assert set(counts) == {"train", "dev", "test"}
    assert 0.55 < counts["train"] / 3000 < 0.65
    assert 0.17 < counts["dev"] / 3000 < 0.23
    assert 0.17 < counts["test"] / 3000 < 0.23


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Vernalis", ["Vernalis"]),
        ("[Elle] compte", ["Elle"]),
        ("rachète la société", ["rachète  la société"]),  # runs of spaces match loosely
        ("lève", ["lève"]),
        ("Axiome", ["Axiome"]),
        ("xiome", []),  # a quote is matched on word boundaries
        ("Absent", []),
    ],
    ids=["name", "bracketed", "loose-spaces", "trigger", "prefix-word", "inside-word", "absent"],
)
def test_find_all(quote: str, expected: list[str]) -> None:
    assert [PAGE[s:e] for s, e in find_all(PAGE, quote)] == expected


def test_clean_draft_has_no_problem() -> None:
    assert check_draft(draft(), PAGE) == []


def _deal(index: int, **changes) -> list[dict]:
    deals = draft()["deals"]
    deals[index] = {**deals[index], **changes}
    return deals


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"published": "4/2/2025"}, "published"),
        ({"money": [{"text": "7 millions", "value": 7e6, "currency": "EUR"}]}, "not found"),
        ({"money": [{"text": "6 millions d’euros", "value": "6", "currency": "EUR"}]}, "number"),
        ({"money": [{"text": "6 millions d’euros", "value": 6e6, "currency": "€"}]}, "ISO 4217"),
        ({"dates": [{"text": "2026", "value": "2026-13"}]}, "not ISO"),
        ({"deals": _deal(0, type="fundraising")}, "type"),
        ({"deals": _deal(0, certainty="likely")}, "certainty"),
        ({"deals": _deal(1, evidence=["Dorvane achète Ombrelle."])}, "evidence not found"),
        ({"deals": _deal(1, trigger=["lève"])}, "not found inside the evidence"),
        ({"deals": _deal(1, trigger=[])}, "no trigger"),
        ({"orgs": ["Vernalis", "Dorvane", "Ombrelle"]}, "neither orgs nor people"),
        (
            {"deals": _deal(0, parties=[{"name": "Axiome Partners", "role": "investor"}])},
            "needs its target",
        ),
        (
            {"deals": _deal(1, parties=[{"name": "Dorvane", "role": "buyer"}])},
            "role 'buyer'",
        ),
        (
            {"deals": _deal(1, parties=[{"name": "Dorvane", "role": "acquirer"}])},
            "at least two organisation parties",
        ),
    ],
    ids=[
        "published-not-iso",
        "money-not-in-text",
        "money-value-string",
        "currency-symbol",
        "date-month-13",
        "unknown-type",
        "unknown-certainty",
        "evidence-absent",
        "trigger-outside-evidence",
        "no-trigger",
        "party-not-in-orgs",
        "funding-no-target",
        "wrong-role",
        "acquisition-one-party",
    ],
)
def test_draft_problems(changes: dict, problem: str) -> None:
    problems = check_draft(draft(**changes), PAGE)
    assert any(problem in p for p in problems), problems


def test_gold_line_offsets_point_at_the_quotes() -> None:
    line = gold_line(draft(), PAGE)
    funding, acquisition = line["deals"]
    mentions = [m["text"] for m in funding["parties"][0]["mentions"]]
    assert mentions == ["La jeune pousse lyonnaise Vernalis", "Elle"]
    assert [PAGE[e["start"] : e["end"]] for e in funding["evidence"]][1].startswith("Elle compte")
    start = PAGE.index("lève")
    assert funding["trigger"] == [{"start": start, "end": start + 4, "text": "lève"}]
    assert PAGE[acquisition["evidence"][0]["start"] :].startswith("le groupe Dorvane")
    assert line["money"][0]["start"] == PAGE.index("6 millions")
    assert line["dates"][1]["start"] == PAGE.index("2026")
    assert "text" not in funding["evidence"][0]  # no passage of the page is stored


def test_gold_line_refuses_a_draft_with_problems() -> None:
    with pytest.raises(ValueError, match="evidence not found"):
        gold_line(draft(deals=_deal(1, evidence=["absent"])), PAGE)


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Corpus:
    """A corpus folder with one invented page and its gold, as the tools lay it out."""
    (tmp_path / "heldout_urls.sha1").write_text(url_sha1("https://news.test/hidden") + "\n")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    assert (
        main(
            [
                "corpus",
                "--root",
                str(tmp_path),
                "add",
                "--url",
                "https://news.test/a",
                "--query",
                "Vernalis lève",
                "--text-file",
                str(page),
            ]
        )
        == 0
    )
    aid = article_id("https://news.test/a")
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / f"{aid}.json").write_text(json.dumps(draft(id=aid)), "utf-8")
    gold = tmp_path / "gold.jsonl"
    assert (
        main(["corpus", "--root", str(tmp_path), "build", str(tmp_path / "ann"), "-o", str(gold)])
        == 0
    )
    return Corpus(tmp_path)


def test_add_refuses_held_out_and_duplicate_pages(tiny_corpus: Corpus, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    root = str(tiny_corpus.root)
    hidden = ["--url", "https://www.news.test/hidden/", "--query", "q", "--text-file", str(page)]
    assert main(["corpus", "--root", root, "add", *hidden]) == 1
    again = ["--url", "https://news.test/a", "--query", "q", "--text-file", str(page)]
    assert main(["corpus", "--root", root, "add", *again]) == 1
    assert len(tiny_corpus.manifest()) == 1
    line = tiny_corpus.manifest()[0]
    assert line["chars"] == len(PAGE) and line["site"] == "news.test"
    assert tiny_corpus.verify_text(line) is None


def test_verify_notices_a_changed_text(tiny_corpus: Corpus) -> None:
    line = tiny_corpus.manifest()[0]
    tiny_corpus.text_path(line["id"]).write_text(PAGE.replace("’", "'"), "utf-8")
    assert "sha1" in tiny_corpus.verify_text(line)


def test_missing_texts_say_how_to_rebuild(tiny_corpus: Corpus) -> None:
    line = tiny_corpus.manifest()[0]
    tiny_corpus.text_path(line["id"]).unlink()
    with pytest.raises(TextsMissing, match="rebuild them from the manifest"):
        predict(tiny_corpus, tiny_corpus.gold())
    assert main(["corpus", "--root", str(tiny_corpus.root), "verify"]) == 1


def test_predict_and_error_report(tiny_corpus: Corpus, nlp) -> None:
    gold = tiny_corpus.gold()
    pred = predict(tiny_corpus, gold, nlp=nlp)
    assert [p["id"] for p in pred] == [g["id"] for g in gold]
    pred[0]["deals"] = []  # every gold deal becomes a miss, shown with its evidence
    report = error_report(tiny_corpus, gold, pred)
    assert "MISS  acquisition: Dorvane (acquirer), Ombrelle (target)" in report
    assert "« le groupe Dorvane rachète la société Ombrelle. »" in report


def test_corpus_eval_command_scores_given_predictions(
    tiny_corpus: Corpus, tmp_path: Path, capsys
) -> None:
    gold = tiny_corpus.gold()
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps({**gold[0], "deals": gold[0]["deals"][:1]}) + "\n", "utf-8")
    split = tiny_corpus.manifest()[0]["split"]
    args = [
        "corpus",
        "--root",
        str(tiny_corpus.root),
        "eval",
        "--split",
        split,
        "--pred",
        str(pred_path),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "typed deals per type" in out
    assert "acquisition          0     0     1" in out
    assert "MISS  acquisition" in out


def test_a_text_with_brackets_is_quoted_literally() -> None:
    text = "[Vernalis] Le groupe […] annonce une levée."
    assert [text[s:e] for s, e in find_all(text, "[Vernalis] Le groupe")] == [
        "[Vernalis] Le groupe"
    ]
    assert [text[s:e] for s, e in find_all(text, "groupe […] annonce")] == ["groupe […] annonce"]
    assert [text[s:e] for s, e in find_all(text, "[Le] groupe")] == ["Le"]


def test_replace_gives_a_page_a_better_copy(tiny_corpus: Corpus, tmp_path: Path) -> None:
    page = tmp_path / "better.txt"
    page.write_text(PAGE + " Fin.", "utf-8")
    root = str(tiny_corpus.root)
    args = ["--url", "https://news.test/a", "--query", "Vernalis", "--text-file", str(page)]
    assert main(["corpus", "--root", root, "add", "--replace", *args]) == 0
    (line,) = tiny_corpus.manifest()
    assert line["chars"] == len(PAGE) + 5 and line["query"] == "Vernalis"
    assert tiny_corpus.verify_text(line) is None
    new = ["--url", "https://news.test/b", "--query", "q", "--text-file", str(page)]
    assert main(["corpus", "--root", root, "add", "--replace", *new]) == 1


def _gold_deal(kind: str = "acquisition", mentions: tuple[str, str] = ("Dorvane", "Ombrelle")):
    start = PAGE.index("le groupe Dorvane")
    return {
        "type": kind,
        "parties": [
            {"name": "Dorvane", "role": "acquirer", "mentions": [{"text": mentions[0]}]},
            {"name": "Ombrelle", "role": "target", "mentions": [{"text": mentions[1]}]},
        ],
        "evidence": [{"start": start, "end": len(PAGE)}],
    }


def _pred(deals: list[dict], orgs: tuple[str, ...] = ("Dorvane", "Ombrelle")) -> dict:
    return {"orgs": list(orgs), "people": [], "deals": deals}


IN_PASSAGE = PAGE.index("le groupe Dorvane") + 3


@pytest.mark.parametrize(
    ("gold", "pred", "cause"),
    [
        (
            _gold_deal(),
            _pred([{"type": "investment", "parties": [{"name": "Dorvane"}, {"name": "Ombrelle"}]}]),
            "type",
        ),
        (_gold_deal(), _pred([], orgs=("Dorvane",)), "org"),
        (_gold_deal(mentions=("le groupe", "Ombrelle")), _pred([]), "reference"),
        (
            _gold_deal(),
            _pred(
                [
                    {
                        "type": "acquisition",
                        "parties": [{"name": "Axiome"}, {"name": "Ombrelle"}, {"name": "Vernalis"}],
                        "start": IN_PASSAGE,
                        "end": IN_PASSAGE + 10,
                    }
                ]
            ),
            "parties",
        ),
        (_gold_deal(), _pred([]), "passage"),
        (_gold_deal(), None, "org"),
    ],
    ids=["other-type", "org-missed", "description-only", "other-parties", "nothing", "no-pred"],
)
def test_miss_cause(gold: dict, pred: dict | None, cause: str) -> None:
    assert miss_cause(gold, pred) == cause


def test_a_later_collection_can_go_to_train_only(tiny_corpus: Corpus, tmp_path: Path) -> None:
    page = tmp_path / "other.txt"
    page.write_text("Le groupe Ferlane reprend la société Quillot.", "utf-8")
    root = str(tiny_corpus.root)
    urls = [f"https://news.test/train-{i}" for i in range(40)]
    url = next(u for u in urls if split_of(article_id(u)) != "train")
    args = ["--url", url, "--query", "Ferlane", "--text-file", str(page)]
    assert main(["corpus", "--root", root, "add", "--split", "train", *args]) == 0
    line = next(m for m in tiny_corpus.manifest() if m["url"] == url)
    assert line["split"] == "train"
    page.write_text("Le groupe Ferlane reprend la société Quillot. Fin.", "utf-8")
    assert main(["corpus", "--root", root, "add", "--replace", *args]) == 0
    assert next(m for m in tiny_corpus.manifest() if m["url"] == url)["split"] == "train"
    with pytest.raises(SystemExit):
        main(["corpus", "--root", root, "add", "--split", "test", *args])


def test_plan_groups_missing_texts_by_their_search(tiny_corpus: Corpus, tmp_path: Path) -> None:
    root = str(tiny_corpus.root)
    assert tiny_corpus.rebuild_plan() == []  # every text present
    line = tiny_corpus.manifest()[0]
    tiny_corpus.text_path(line["id"]).unlink()
    [(query, lines)] = tiny_corpus.rebuild_plan()
    assert query == "Vernalis lève" and [m["id"] for m in lines] == [line["id"]]
    assert main(["corpus", "--root", root, "plan", "--chunks", "3", "-o", str(tmp_path / "p")]) == 0
    task = (tmp_path / "p" / "task1.txt").read_text("utf-8")
    assert task.startswith("QUERY: Vernalis lève\n") and f"id={line['id']}" in task
    assert not (tmp_path / "p" / "task2.txt").exists()  # one search, one list


def test_plan_chunks_share_the_articles_out() -> None:
    from aiextract.corpus.commands import plan_chunks

    groups = [
        (f"q{n}", [{"id": f"{n}-{k}"} for k in range(size)])
        for n, size in enumerate([5, 1, 3, 3, 2])
    ]
    parts = plan_chunks(groups, 2)
    sizes = sorted(sum(len(lines) for _q, lines in part) for part in parts)
    assert sizes == [7, 7]
    assert sorted(q for part in parts for q, _l in part) == ["q0", "q1", "q2", "q3", "q4"]


def test_restore_saves_only_the_manifest_s_text(tiny_corpus: Corpus, tmp_path: Path) -> None:
    root = str(tiny_corpus.root)
    line = tiny_corpus.manifest()[0]
    tiny_corpus.text_path(line["id"]).unlink()
    typo = tmp_path / "typo" / f"{line['id']}.json"
    typo.parent.mkdir()
    typo.write_text(json.dumps(PAGE.replace("’", "'"), ensure_ascii=False), "utf-8")
    assert main(["corpus", "--root", root, "restore", str(typo)]) == 1
    assert not tiny_corpus.text_path(line["id"]).exists()
    short = tmp_path / f"{line['id']}.txt"
    short.write_text(PAGE[:-1], "utf-8")
    assert "chars, manifest says" in tiny_corpus.restore(line["id"], PAGE[:-1])
    assert tiny_corpus.restore("rnothere", PAGE) == "rnothere: not in the manifest"
    # the excerpt as the search answer prints it: a JSON string with \n escapes
    good = tmp_path / f"{line['id']}.json"
    good.write_text(json.dumps(PAGE, ensure_ascii=False), "utf-8")
    assert "\\n" in good.read_text("utf-8")
    assert main(["corpus", "--root", root, "restore", str(good)]) == 0
    assert tiny_corpus.verify_text(line) is None


def test_restore_refuses_a_file_that_is_not_a_json_string(
    tiny_corpus: Corpus, tmp_path: Path, capsys
) -> None:
    line = tiny_corpus.manifest()[0]
    bad = tmp_path / f"{line['id']}.json"
    bad.write_text('{"excerpt": "x"}', "utf-8")
    assert main(["corpus", "--root", str(tiny_corpus.root), "restore", str(bad)]) == 1
    assert "a JSON string is expected" in capsys.readouterr().out


def test_a_twin_deal_is_told_apart_from_a_wrong_type() -> None:
    from aiextract.corpus.evaluation import miss_causes

    stake = _gold_deal("investment")
    pact = _gold_deal("partnership")
    found = {"type": "partnership", "parties": [{"name": "Dorvane"}, {"name": "Ombrelle"}]}
    article = {"id": "a", "deals": [stake, pact]}
    pred = {"id": "a", **_pred([found])}
    # the partnership is found and matched: the stake between the same two is its twin
    assert miss_causes([article], [pred]) == Counter({"twin": 1})
    # without the partnership in the gold, the found deal is the stake with another type
    assert miss_causes([{"id": "a", "deals": [stake]}], [pred]) == Counter({"type": 1})
