"""Readers and writers: .txt, .jsonl and folders in; JSON lines out. No model needed."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from aiextract.errors import InputError
from aiextract.io import check_inputs, iter_inputs, open_writer
from aiextract.io.readers import folder_files, looks_like_results
from aiextract.records import Article, Deal, Party

TEXT_A = "La fintech nantaise Lydia lève 86 millions d'euros auprès de Northzone."
TEXT_B = "Le groupe Seb rachète la marque allemande Wilbur & Söhne pour 40 millions d'euros."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


# ------------------------------------------------------------------- .txt


def test_txt_file_is_one_article_named_by_its_stem(tmp_path):
    path = write(tmp_path / "lydia_2024.txt", TEXT_A)
    assert list(iter_inputs(path)) == [{"id": "lydia_2024", "text": TEXT_A, "published": None}]


def test_txt_bom_is_dropped(tmp_path):
    path = write(tmp_path / "a.txt", "\ufeff" + TEXT_A)
    assert next(iter_inputs([path]))["text"] == TEXT_A


def test_txt_not_utf8_gives_an_error_item(tmp_path):
    path = write(tmp_path / "latin.txt", TEXT_B.encode("latin-1"))
    (item,) = iter_inputs([path])
    assert item["id"] == "latin"
    assert item["text"] is None
    assert "not UTF-8" in item["error"]


# ------------------------------------------------------------------- .jsonl

JSONL_CASES = [
    # (id, line, expected id, expected text or None for an error, error fragment)
    ("ok", {"id": "x1", "text": TEXT_A, "published": "2024-03-12"}, "x1", TEXT_A, None),
    ("numeric-id", {"id": 42, "text": TEXT_A}, "42", TEXT_A, None),
    ("missing-id", {"text": TEXT_A}, "in:1", TEXT_A, None),
    ("empty-id", {"id": "", "text": TEXT_A}, "in:1", TEXT_A, None),
    ("broken-json", '{"id": "x1", "text": "Lydia lève', "in:1", None, "not valid JSON"),
    ("not-an-object", '["Lydia", "Northzone"]', "in:1", None, "not a JSON object"),
    ("missing-text", {"id": "x2", "published": "2024-03-12"}, "x2", None, "has no 'text'"),
    ("text-not-str", {"id": "x3", "text": 12}, "x3", None, "'text' is a int"),
    ("text-null", {"id": "x4", "text": None}, "x4", None, "has no 'text'"),
]


@pytest.mark.parametrize(
    ("line", "doc_id", "text", "error"),
    [c[1:] for c in JSONL_CASES],
    ids=[c[0] for c in JSONL_CASES],
)
def test_jsonl_line(tmp_path, line, doc_id, text, error):
    path = write(tmp_path / "in.jsonl", jsonl(line))
    (item,) = iter_inputs([path])
    assert item["id"] == doc_id
    assert item["text"] == text
    if error is None:
        assert "error" not in item
    else:
        assert error in item["error"]
        assert "in.jsonl:1" in item["error"]


def test_jsonl_keeps_published_and_extra_fields_and_skips_blank_lines(tmp_path):
    record = {"id": "x1", "text": TEXT_A, "published": "2024-03", "url": "https://ex.fr/a"}
    path = write(tmp_path / "in.jsonl", "\n" + jsonl(record) + "   \n")
    assert list(iter_inputs([path])) == [record]


def test_jsonl_bad_lines_keep_their_place_and_numbers(tmp_path):
    path = write(
        tmp_path / "mix.jsonl",
        jsonl({"id": "a", "text": TEXT_A}, "{oops", {"text": TEXT_B}, {"id": "d"}),
    )
    items = list(iter_inputs([path]))
    assert [i["id"] for i in items] == ["a", "mix:2", "mix:3", "d"]
    assert [bool(i.get("error")) for i in items] == [False, True, False, True]


def test_jsonl_line_not_utf8(tmp_path):
    path = write(tmp_path / "in.jsonl", b'{"id": "a", "text": "Soci\xe9t\xe9"}\n')
    (item,) = iter_inputs([path])
    assert item["id"] == "in:1" and "not UTF-8" in item["error"]


# ------------------------------------------------------------------- folders and paths


def test_folder_is_read_recursively_sorted_with_txt_and_jsonl(tmp_path):
    write(tmp_path / "b.txt", TEXT_B)
    write(tmp_path / "a.txt", TEXT_A)
    write(tmp_path / "sub" / "c.jsonl", jsonl({"id": "c1", "text": TEXT_A}))
    write(tmp_path / "notes.md", "pas un article")
    write(tmp_path / ".cache" / "z.txt", TEXT_A)
    assert [i["id"] for i in iter_inputs([tmp_path])] == ["a", "b", "c1"]


def test_folder_skips_result_files(tmp_path, caplog):
    write(tmp_path / "a.txt", TEXT_A)
    gold = write(tmp_path / "gold.jsonl", jsonl({"id": "a", "orgs": ["Lydia"], "deals": []}))
    assert looks_like_results(gold)
    with caplog.at_level(logging.WARNING, logger="aiextract.io.readers"):
        assert folder_files(tmp_path) == [tmp_path / "a.txt"]
    assert "gold.jsonl" in caplog.text


def test_explicit_result_file_is_still_read_as_input(tmp_path):
    path = write(tmp_path / "gold.jsonl", jsonl({"id": "a", "orgs": ["Lydia"]}))
    (item,) = iter_inputs([path])
    assert item["id"] == "a" and "has no 'text'" in item["error"]


def test_inputs_keep_the_order_given(tmp_path):
    a, b = write(tmp_path / "a.txt", TEXT_A), write(tmp_path / "b.txt", TEXT_B)
    assert [i["id"] for i in iter_inputs([b, a])] == ["b", "a"]


@pytest.mark.parametrize(
    ("name", "message"), [("missing.txt", "no such file"), ("notes.pdf", "unknown input format")]
)
def test_bad_paths_raise_before_reading(tmp_path, name, message):
    if name.endswith(".pdf"):
        write(tmp_path / name, "%PDF-1.4")
    with pytest.raises(InputError, match=message):
        check_inputs([tmp_path / name])
    with pytest.raises(InputError, match=message):
        list(iter_inputs([tmp_path / name]))


# ------------------------------------------------------------------- writers


def sample_article() -> Article:
    deal = Deal("funding", (Party("Lydia", "target"), Party("Northzone", "investor")))
    return Article(id="société", orgs=["Lydia", "Northzone"], deals=[deal])


def test_jsonl_writer_one_line_per_article_utf8(tmp_path):
    out = tmp_path / "out.jsonl"
    with open_writer(out) as writer:
        writer.write(sample_article())
        writer.write(Article.failed("b", "text must be a str"))
        writer.write({"id": "c", "orgs": []})
    assert writer.count == 3
    raw = out.read_text(encoding="utf-8")
    assert "société" in raw  # not \u00e9
    lines = [json.loads(line) for line in raw.splitlines()]
    assert lines[0] == sample_article().to_dict()
    assert lines[1]["error"] == "text must be a str"
    assert lines[2] == {"id": "c", "orgs": []}


def test_jsonl_writer_to_stdout(capsys):
    with open_writer(None) as writer:
        writer.write(sample_article())
    out = capsys.readouterr().out
    assert json.loads(out)["id"] == "société"


@pytest.mark.parametrize("name", ["out.data", "tmp.Xk3Zq9pLmA"])
def test_unknown_output_suffix_is_jsonl(tmp_path, name):
    with open_writer(tmp_path / name) as writer:
        writer.write(sample_article())
    assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["id"] == "société"


def test_output_without_suffix_is_jsonl(tmp_path):
    with open_writer(tmp_path / "out") as writer:
        writer.write(sample_article())
    line = (tmp_path / "out").read_text(encoding="utf-8")
    assert json.loads(line)["id"] == "société"
