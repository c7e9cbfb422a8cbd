"""Each factory is declared as a spacy_factories entry point and loads by name."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

FACTORIES = [
    "aiextract_orgs",
    "aiextract_money",
    "aiextract_dates",
    "aiextract_deals",
    "aiextract_language",
]
# in place of the model's own pipes: same rows and tables, applied faster
MODEL_FACTORIES = ["aiextract_attribute_ruler", "aiextract_lemmatizer"]


@pytest.mark.parametrize("factory", FACTORIES + MODEL_FACTORIES)
def test_factory_is_an_entry_point(factory):
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert factory in names


@pytest.mark.parametrize("factory", FACTORIES)
def test_blank_french_pipeline_adds_factory_by_name(factory):
    nlp = spacy.blank("fr")
    nlp.add_pipe(factory)
    doc = nlp("Texte court sans entité.")
    assert doc is not None
    assert factory in nlp.pipe_names


def test_blank_pipeline_with_all_components_runs():
    nlp = spacy.blank("fr")
    for factory in FACTORIES:
        nlp.add_pipe(factory)
    doc = nlp("La société Alpha a acquis Beta pour 20 millions d'euros en 2023.")
    assert doc._.deals is not None


@pytest.mark.parametrize("factory", MODEL_FACTORIES)
def test_model_factories_add_by_name(factory):
    nlp = spacy.blank("fr")
    nlp.add_pipe(factory, name=factory.removeprefix("aiextract_"))
    assert nlp.get_pipe_meta(factory.removeprefix("aiextract_")).factory == factory
