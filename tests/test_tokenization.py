"""The tokenizer keeps lower-case hyphenated words whole (« start-up »)."""

from __future__ import annotations

import re

import pytest
import spacy

from aiextract.tokenization import hyphenated_word_pattern, keep_hyphenated_words


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("start-up", ["start-up"]),
        ("des start-ups,", ["des", "start-ups", ","]),
        ("le fonds de capital-risque.", ["le", "fonds", "de", "capital-risque", "."]),
        ("une joint-venture", ["une", "joint-venture"]),
        ("(spin-off)", ["(", "spin-off", ")"]),
        ("start\u2011up", ["start\u2011up"]),
    ],
)
def test_lower_case_compounds_stay_whole(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("dit-il", ["dit", "-il"]),
        ("allons-y", ["allons", "-", "y"]),
        ("cette fois-ci", ["cette", "fois", "-", "ci"]),
        ("eux-mêmes", ["eux", "-", "mêmes"]),
        ("Rolls-Royce", ["Rolls", "-", "Royce"]),
        ("Kelvia-Nexalia", ["Kelvia", "-", "Nexalia"]),
        ("2021-06", ["2021", "-", "06"]),
    ],
)
def test_pronouns_names_and_numbers_are_still_cut(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_the_pattern_reads_its_endings_from_the_data_file():
    pattern = re.compile(hyphenated_word_pattern())
    assert pattern.match("capital-investissement")
    assert not pattern.match("a-t-elle")
    assert not pattern.match("Start-up")  # capitalised: left to the model's rules


def test_a_company_after_start_up_is_in_its_verbs_sentence(nlp):
    doc = nlp("La start-up nantaise Brevalis lève 4 millions d'euros auprès de Corvex Capital.")
    assert len(list(doc.sents)) == 1
    name = next(t for t in doc if t.text == "Brevalis")
    assert name.head.text == "start-up"
    assert name.head.head.lemma_ == "lever"


def test_keeping_compounds_is_idempotent_and_survives_to_disk(nlp, tmp_path):
    blank = spacy.blank("fr")
    keep_hyphenated_words(blank)
    pattern = blank.tokenizer.token_match.__self__.pattern
    keep_hyphenated_words(blank)
    assert blank.tokenizer.token_match.__self__.pattern == pattern
    blank.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert [t.text for t in loaded("une start-up, dit-il")] == [
        "une",
        "start-up",
        ",",
        "dit",
        "-il",
    ]
