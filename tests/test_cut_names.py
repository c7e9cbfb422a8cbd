"""A name the end of a truncated text cuts mid-word is the article's one fuller name it
begins (``entities._complete_cut_names``, ``names.fuller_name``): the real corpus's texts
are page excerpts, most of them cut mid-sentence.

Every name here is invented (Kelvia Telecom, Kelvia Media, Quibix, Lumeo, Lumeon Systems,
Françoise Mercadal)."""

from __future__ import annotations

from aiextract.components.entities.names import fuller_name


def test_the_one_fuller_name_is_found():
    assert fuller_name("Kelvia Te", ["Kelvia Telecom", "Quibix"]) == "Kelvia Telecom"
    assert fuller_name("Kelv", ["Kelvia Telecom", "Kelvia Media"]) is None  # which one?
    assert fuller_name("Lumeo", ["Kelvia Telecom", "Lumeo"]) is None  # itself only


def test_an_organisation_cut_by_the_end_of_the_text(nlp):
    text = "Le groupe Kelvia Telecom a racheté Quibix. Lumeo voulait aussi racheter Kelvia Te"
    assert nlp(text)._.orgs == ["Kelvia Telecom", "Quibix", "Lumeo"]


def test_a_person_cut_by_the_end_of_the_text(nlp):
    text = "La directrice Françoise Mercadal a signé l'accord. Nous avons interrogé Françoise Merca"
    assert nlp(text)._.people == ["Françoise Mercadal"]


def test_a_whole_text_keeps_its_last_name(nlp):
    # the text ends with its full stop: « Lumeo » is a company of its own
    doc = nlp("Le groupe Lumeon Systems a racheté Quibix, puis Lumeo.")
    assert doc._.orgs == ["Lumeon Systems", "Quibix", "Lumeo"]
    # cut there, it is the start of the only name it begins
    doc = nlp("Le groupe Lumeon Systems a racheté Quibix, puis Lumeo")
    assert doc._.orgs == ["Lumeon Systems", "Quibix"]
