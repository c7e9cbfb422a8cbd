"""The model's attribute ruler applied on arrays: same annotations as spaCy's, saved and loaded."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from aiextract.components.attribute_ruler import (
    ArrayAttributeRuler,
    matches_only_space,
    pos_to_tag,
    use_array_attribute_ruler,
)

TEXTS = (
    "La start-up Ventora lève 12 M€ auprès de Quibix et de Kelvia.",
    "Kelvia  rachète\n\n Lumeo pour 40 millions d'euros.\t\tLe montant n'est pas confirmé.",
    "\n\n  Kiplo signe un contrat avec l'armée.  \n",
    "   ",
    "",
    "Oui !",
)
ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA]


def _both(nlp, rows):
    """spaCy's ruler and ours, holding the same ``rows``."""
    stock, ours = AttributeRuler(nlp.vocab), ArrayAttributeRuler(nlp.vocab)
    stock.add_patterns(rows)
    ours.add_patterns(rows)
    return stock, ours


def _assert_same(annotate_until, stock, ours):
    for text in TEXTS:
        doc = annotate_until(text, "attribute_ruler")
        expected, got = stock(doc.copy()), ours(doc.copy())
        assert np.array_equal(expected.to_array(ATTRS), got.to_array(ATTRS)), text
        assert [t.tag_ for t in expected] == [t.tag_ for t in got]


def test_the_loaded_pipeline_holds_the_models_rows(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    assert nlp.get_pipe_meta("attribute_ruler").factory == "aiextract_attribute_ruler"
    plan = ruler.plan()
    assert plan.space_only and len(plan.rest.attrs) == 3
    assert plan.tags[spacy.parts_of_speech.IDS["NOUN"]] == nlp.vocab.strings["NOUN"]


def test_same_annotations_as_spacys_ruler_on_the_models_rows(nlp, annotate_until):
    rows = nlp.get_pipe("attribute_ruler").patterns
    stock, ours = _both(nlp, rows)
    _assert_same(annotate_until, stock, ours)
    doc = ours(annotate_until(TEXTS[1], "attribute_ruler"))
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.tag_ == "SPACE" and t.pos_ == "SPACE" for t in spaces)
    assert doc[0].tag_ == doc[0].pos_ == "PROPN"


def test_later_rows_still_win_on_the_general_path(nlp, annotate_until):
    model_rows = nlp.get_pipe("attribute_ruler").patterns
    rows = [
        *model_rows[:20],
        {"patterns": [[{"ORTH": "Lumeo"}]], "attrs": {"TAG": "MARQUE"}},
        {"patterns": [[{"LOWER": "rachète"}, {"IS_SPACE": True}]], "attrs": {"LEMMA": "racheter"}},
        *model_rows[20:],
    ]
    stock, ours = _both(nlp, rows)
    assert not ours.plan().space_only
    _assert_same(annotate_until, stock, ours)
    doc = ours(annotate_until(TEXTS[1], "attribute_ruler"))
    assert [t.tag_ for t in doc if t.text == "Lumeo"] == ["MARQUE"]


def test_a_row_before_the_copies_keeps_its_place(nlp, annotate_until):
    rows = [
        {"patterns": [[{"ORTH": "Ventora"}]], "attrs": {"TAG": "MARQUE"}},
        *nlp.get_pipe("attribute_ruler").patterns,
    ]
    stock, ours = _both(nlp, rows)
    assert not ours.plan().tags.any()  # no leading copies: every row goes through the matcher
    _assert_same(annotate_until, stock, ours)
    doc = ours(annotate_until(TEXTS[0], "attribute_ruler"))
    assert doc[2].tag_ == "PROPN"  # the later copy wins


def test_adding_rows_renews_the_plan(nlp, annotate_until):
    ruler = ArrayAttributeRuler(nlp.vocab)
    ruler.add_patterns(nlp.get_pipe("attribute_ruler").patterns[:20])
    assert ruler.plan().space_only and not ruler.plan().rest.attrs
    ruler.add([[{"ORTH": "Kiplo"}]], {"TAG": "MARQUE"})
    assert not ruler.plan().space_only
    doc = ruler(annotate_until(TEXTS[2], "attribute_ruler"))
    assert [t.tag_ for t in doc if t.text == "Kiplo"] == ["MARQUE"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}}, "NOUN"),
        ({"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NC"}, "index": -1}, "NC"),
        ({"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN", "POS": "X"}}, None),
        ({"patterns": [[{"POS": "NOUN", "OP": "?"}]], "attrs": {"TAG": "NOUN"}}, None),
        ({"patterns": [[{"POS": "NOUN"}], [{"POS": "VERB"}]], "attrs": {"TAG": "X"}}, None),
        ({"patterns": [[{"POS": "NOUN"}, {"POS": "ADJ"}]], "attrs": {"TAG": "NOUN"}}, None),
        ({"patterns": [[{"POS": "NOM"}]], "attrs": {"TAG": "NOUN"}}, None),
    ],
)
def test_pos_to_tag(row, expected):
    mapping = pos_to_tag(row)
    assert (None if mapping is None else mapping[1]) == expected


def test_matches_only_space():
    assert matches_only_space({"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE"}})
    assert matches_only_space(
        {"patterns": [[{"POS": "SPACE", "IS_SPACE": False}]], "attrs": {"POS": "X"}}
    )
    assert not matches_only_space({"patterns": [[{"IS_SPACE": False}]], "attrs": {"TAG": "X"}})
    assert not matches_only_space(
        {"patterns": [[{"IS_SPACE": True}, {"POS": "SPACE"}]], "attrs": {"TAG": "X"}}
    )


def test_saved_and_loaded_back(nlp, tmp_path, annotate_until):
    nlp.get_pipe("attribute_ruler").to_disk(tmp_path / "ruler")
    loaded = ArrayAttributeRuler(nlp.vocab).from_disk(tmp_path / "ruler")
    assert loaded.patterns == nlp.get_pipe("attribute_ruler").patterns
    _assert_same(annotate_until, _both(nlp, loaded.patterns)[0], loaded)


def test_only_spacys_own_ruler_is_replaced(nlp):
    assert use_array_attribute_ruler(nlp) is False  # already ours
    assert use_array_attribute_ruler(spacy.blank("fr")) is False


def test_later_rows_still_win_on_whitespace(nlp, annotate_until):
    rows = [
        *nlp.get_pipe("attribute_ruler").patterns,
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "BLANC"}},
        {"patterns": [[{"POS": "SPACE"}]], "attrs": {"TAG": "ESPACE"}},
    ]
    stock, ours = _both(nlp, rows)
    assert ours.plan().space_only
    _assert_same(annotate_until, stock, ours)
    doc = ours(annotate_until(TEXTS[1], "attribute_ruler"))
    assert {t.tag_ for t in doc if t.is_space} == {"ESPACE"}


def test_a_later_row_reading_the_tag_sees_it_as_it_was(nlp, annotate_until):
    rows = [
        *nlp.get_pipe("attribute_ruler").patterns,
        {"patterns": [[{"TAG": "NOUN"}]], "attrs": {"LEMMA": "NOM"}},
    ]
    stock, ours = _both(nlp, rows)
    assert not ours.plan().tags.any()
    _assert_same(annotate_until, stock, ours)
