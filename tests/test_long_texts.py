"""Long and pathological texts: pieces, character-bounded batches, the size limit, prose.

The figures on a 5.5 MB article and a 185 KB junk file are in docs/robustness.md
(``benchmarks/bench_long.py``); here the same mechanisms on texts a test can afford.
"""

from __future__ import annotations

import pytest

import aiextract
from aiextract import api
from aiextract.errors import InputError
from aiextract.robust import CHUNK_CHARS, is_prose

PARAGRAPH = (
    "La start-up lyonnaise Vernalis lève 6 millions d'euros auprès du fonds Axiome "
    "Partners, le 4 février 2025. Le groupe Dorvane rachète la société Ombrelle pour "
    "12 millions d'euros.\n\n"
)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("12 de 00 de 4 " * 500, False),
        ("de la le les des du un une et en dans pour avec " * 100, False),
        ("|---|---|\n| 1 234 | 5,6 % |\n" * 200, False),
        (PARAGRAPH * 20, True),
        ("la société " * 400, True),  # repeated, but words: the model's time stays linear
        ("12 de 00", True),  # short pieces always go to the model
    ],
    ids=["digits-and-de", "function-words", "table-of-numbers", "prose", "repeated-noun", "short"],
)
def test_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


def test_a_long_text_goes_in_pieces_with_offsets_in_the_whole_text(nlp) -> None:
    text = PARAGRAPH * (3 * CHUNK_CHARS // len(PARAGRAPH))
    docs = api._prepare_docs(nlp, text, None, "long")
    assert len(docs) >= 3
    assert all(len(doc.text) <= CHUNK_CHARS for _, doc in docs)
    assert "".join(doc.text for _, doc in docs) == text
    article = aiextract.extract(text, nlp=nlp)
    assert len(article.money) == 2 * text.count(PARAGRAPH)
    assert all(text[m.start : m.end] == m.text for m in article.money)
    assert article.dates[-1].value == "2025-02-04"
    assert {d.type for d in article.deals} == {"funding", "acquisition"}


def test_batches_hold_a_bounded_number_of_characters(nlp) -> None:
    docs = [(nlp.make_doc("mot " * n), n) for n in (5_000, 5_000, 20_000, 100, 100, 30_000)]
    batches = list(api.char_batches(iter(docs), max_items=32, max_chars=25_000))
    sizes = [sum(len(doc.text) for doc, _ in batch) for batch in batches]
    assert [ctx for batch in batches for _, ctx in batch] == [d[1] for d in docs]
    assert all(
        size <= 25_000 or len(batch) == 1 for size, batch in zip(sizes, batches, strict=True)
    )
    assert len(list(api.char_batches(iter(docs), max_items=2, max_chars=10**9))) == 3


def test_junk_pieces_skip_the_model_with_a_warning(nlp) -> None:
    junk = "12 de 00 de 4 de 1 " * 3_000
    article = aiextract.extract(PARAGRAPH + junk + PARAGRAPH, nlp=nlp)
    assert article.warnings and "not analysed" in article.warnings[0]
    assert article.error is None
    only_junk = aiextract.extract(junk, nlp=nlp)
    assert (only_junk.money, only_junk.deals) == ([], [])
    assert "not prose" in only_junk.warnings[0]


def test_text_over_max_chars_is_an_error_that_says_how_to_raise_it(nlp) -> None:
    with pytest.raises(InputError, match=r"over the limit of 1,000: raise it with --max-chars"):
        aiextract.extract(PARAGRAPH * 10, nlp=nlp, max_chars=1_000)
    items = ["Court.", PARAGRAPH * 10]
    first, second = aiextract.extract_many(items, nlp=nlp, max_chars=1_000)
    assert first.error is None
    assert "max_chars=N" in second.error


def test_function_word_table_is_clean() -> None:
    from aiextract.lexicon import load_table

    forms = [row["form"] for row in load_table("function_words.tsv")]
    assert len(forms) == len(set(forms)), "a word listed twice"
    assert all(form == form.lower() and len(form) >= 4 and form.isalpha() for form in forms)
    assert "dans" in forms and "société" not in forms
