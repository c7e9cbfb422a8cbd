"""The model's lemmatizer remembering each (word, POS): same lemmas, saved and loaded back."""

from __future__ import annotations

import spacy
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.lookups import Lookups

from aiextract.components.lemmatizer import MemoLemmatizer, use_memo_lemmatizer

TEXTS = (
    "Les deux fondateurs de Ventora ont levé douze millions d'euros auprès de fonds lyonnais.",
    "Kelvia rachètera ses concurrents belges, annoncent  les dirigeants de Lumeo.\n\n",
    "Elles étaient parties plus tôt ; nous aurions signé les contrats hier avec Quibix.",
    "",
)


def _before_lemmatizer(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name == "lemmatizer":
            return doc
        doc = pipe(doc)
    raise AssertionError("the pipeline has no lemmatizer")


def _stock(nlp, **config) -> FrenchLemmatizer:
    ours = nlp.get_pipe("lemmatizer")
    stock = FrenchLemmatizer(nlp.vocab, None, mode=ours.mode, **config)
    stock.lookups = ours.lookups
    return stock


def test_the_loaded_pipeline_remembers_lemmas(nlp):
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, MemoLemmatizer)
    assert nlp.get_pipe_meta("lemmatizer").factory == "aiextract_lemmatizer"
    assert ours.mode == "rule" and not ours.overwrite
    doc = nlp("Quibix a racheté trois usines.")
    assert (doc[2].orth, doc[2].pos) in ours.memo
    assert use_memo_lemmatizer(nlp) is False  # already ours
    assert use_memo_lemmatizer(spacy.blank("fr")) is False


def test_same_lemmas_as_the_stock_lemmatizer(nlp):
    stock, ours = _stock(nlp), nlp.get_pipe("lemmatizer")
    for text in TEXTS:
        doc = _before_lemmatizer(nlp, text)
        expected = [t.lemma_ for t in stock(doc.copy())]
        assert [t.lemma_ for t in ours(doc.copy())] == expected
        assert [t.lemma_ for t in ours(doc.copy())] == expected  # from memory the second time
    lemmas = [t.lemma_ for t in ours(_before_lemmatizer(nlp, TEXTS[0]))]
    assert "lever" in lemmas and "fondateur" in lemmas


def test_overwrite_is_kept(nlp):
    doc = _before_lemmatizer(nlp, TEXTS[2])
    doc[0].lemma_ = "ELLES"
    kept = MemoLemmatizer(nlp.vocab, None, mode="rule")
    kept.lookups = nlp.get_pipe("lemmatizer").lookups
    assert kept(doc.copy())[0].lemma_ == "ELLES"
    replaced = MemoLemmatizer(nlp.vocab, None, mode="rule", overwrite=True)
    replaced.lookups = kept.lookups
    assert replaced(doc.copy())[0].lemma_ == _stock(nlp, overwrite=True)(doc.copy())[0].lemma_


def test_lookup_mode(nlp):
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"levé": "lever", "fonds": "fonds"})
    ours, stock = (
        cls(nlp.vocab, None, mode="lookup") for cls in (MemoLemmatizer, FrenchLemmatizer)
    )
    ours.lookups = stock.lookups = lookups
    doc = _before_lemmatizer(nlp, TEXTS[0])
    assert [t.lemma_ for t in ours(doc.copy())] == [t.lemma_ for t in stock(doc.copy())]
    assert "lever" in [t.lemma_ for t in ours(doc.copy())]


def test_memory_emptied_when_tables_are_loaded(nlp):
    ours = MemoLemmatizer(nlp.vocab, None, mode="lookup")
    ours.lookups = Lookups()
    ours.lookups.add_table("lemma_lookup", {"fonds": "fond"})
    doc = _before_lemmatizer(nlp, TEXTS[0])
    assert "fond" in [t.lemma_ for t in ours(doc.copy())]
    other = Lookups()
    other.add_table("lemma_lookup", {"fonds": "financement"})
    ours.lookups.from_bytes(other.to_bytes())
    ours.from_bytes(ours.to_bytes())  # loading checks the tables: the memory starts again
    lemmas = [t.lemma_ for t in ours(doc.copy())]
    assert "financement" in lemmas and "fond" not in lemmas


def test_saved_and_loaded_back(nlp, tmp_path):
    nlp.get_pipe("lemmatizer").to_disk(tmp_path / "lemmatizer")
    loaded = MemoLemmatizer(nlp.vocab, None, mode="rule").from_disk(tmp_path / "lemmatizer")
    doc = _before_lemmatizer(nlp, TEXTS[1])
    assert [t.lemma_ for t in loaded(doc.copy())] == [t.lemma_ for t in _stock(nlp)(doc.copy())]
