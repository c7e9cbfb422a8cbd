"""The model's lemmatizer remembering each (word, POS), its word lists indexed: same lemmas,
saved and loaded back."""

from __future__ import annotations

import spacy
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.lookups import Lookups

from aiextract.components.lemmatizer import (
    INDEX_TABLE,
    MemoLemmatizer,
    index_lemma_lists,
    use_memo_lemmatizer,
)

TEXTS = (
    "Les deux fondateurs de Ventora ont levé douze millions d'euros auprès de fonds lyonnais.",
    "Kelvia rachètera ses concurrents belges, annoncent  les dirigeants de Lumeo.\n\n",
    "Elles étaient parties plus tôt ; nous aurions signé les contrats hier avec Quibix.",
    "",
)


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


def test_same_lemmas_as_the_stock_lemmatizer(nlp, annotate_until):
    stock, ours = _stock(nlp), nlp.get_pipe("lemmatizer")
    for text in TEXTS:
        doc = annotate_until(text, "lemmatizer")
        expected = [t.lemma_ for t in stock(doc.copy())]
        assert [t.lemma_ for t in ours(doc.copy())] == expected
        assert [t.lemma_ for t in ours(doc.copy())] == expected  # from memory the second time
    lemmas = [t.lemma_ for t in ours(annotate_until(TEXTS[0], "lemmatizer"))]
    assert "lever" in lemmas and "fondateur" in lemmas


def test_overwrite_is_kept(nlp, annotate_until):
    doc = annotate_until(TEXTS[2], "lemmatizer")
    doc[0].lemma_ = "ELLES"
    kept = MemoLemmatizer(nlp.vocab, None, mode="rule")
    kept.lookups = nlp.get_pipe("lemmatizer").lookups
    assert kept(doc.copy())[0].lemma_ == "ELLES"
    replaced = MemoLemmatizer(nlp.vocab, None, mode="rule", overwrite=True)
    replaced.lookups = kept.lookups
    assert replaced(doc.copy())[0].lemma_ == _stock(nlp, overwrite=True)(doc.copy())[0].lemma_


def test_lookup_mode(nlp, annotate_until):
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"levé": "lever", "fonds": "fonds"})
    ours, stock = (
        cls(nlp.vocab, None, mode="lookup") for cls in (MemoLemmatizer, FrenchLemmatizer)
    )
    ours.lookups = stock.lookups = lookups
    doc = annotate_until(TEXTS[0], "lemmatizer")
    assert [t.lemma_ for t in ours(doc.copy())] == [t.lemma_ for t in stock(doc.copy())]
    assert "lever" in [t.lemma_ for t in ours(doc.copy())]


def test_memory_emptied_when_tables_are_loaded(nlp, annotate_until):
    ours = MemoLemmatizer(nlp.vocab, None, mode="lookup")
    ours.lookups = Lookups()
    ours.lookups.add_table("lemma_lookup", {"fonds": "fond"})
    doc = annotate_until(TEXTS[0], "lemmatizer")
    assert "fond" in [t.lemma_ for t in ours(doc.copy())]
    other = Lookups()
    other.add_table("lemma_lookup", {"fonds": "financement"})
    ours.lookups.from_bytes(other.to_bytes())
    ours.from_bytes(ours.to_bytes())  # loading checks the tables: the memory starts again
    lemmas = [t.lemma_ for t in ours(doc.copy())]
    assert "financement" in lemmas and "fond" not in lemmas


def test_saved_and_loaded_back(nlp, tmp_path, annotate_until):
    nlp.get_pipe("lemmatizer").to_disk(tmp_path / "lemmatizer")
    loaded = MemoLemmatizer(nlp.vocab, None, mode="rule").from_disk(tmp_path / "lemmatizer")
    doc = annotate_until(TEXTS[1], "lemmatizer")
    assert [t.lemma_ for t in loaded(doc.copy())] == [t.lemma_ for t in _stock(nlp)(doc.copy())]


def test_memory_starts_again_when_full(nlp, annotate_until, monkeypatch):
    import aiextract.components.lemmatizer as module

    ours = MemoLemmatizer(nlp.vocab, None, mode="rule")
    ours.lookups = nlp.get_pipe("lemmatizer").lookups
    doc = annotate_until(TEXTS[0], "lemmatizer")
    ours(doc.copy())
    assert len(ours.memo) > 5
    monkeypatch.setattr(module, "MAX_REMEMBERED", 5)
    lemmas = [t.lemma_ for t in ours(annotate_until(TEXTS[2], "lemmatizer"))]
    assert lemmas == [t.lemma_ for t in _stock(nlp)(annotate_until(TEXTS[2], "lemmatizer"))]
    assert len(ours.memo) < len(TEXTS[2].split()) + 3  # only the second text's words


# ------------------------------------------------- the word lists, indexed as dicts

SENTENCES = (
    "Les deux fondateurs ont levé douze millions d'euros auprès de fonds lyonnais.",
    "La société rachètera ses concurrents belges, annoncent les dirigeants.",
    "Elles étaient parties plus tôt ; nous aurions signé les contrats hier.",
    "Les grandes banques finançaient des centrales solaires et des éoliennes.",
)


def _stock_copy(nlp) -> FrenchLemmatizer:
    """A lemmatizer with the model's tables as the model ships them (lists)."""
    ours = nlp.get_pipe("lemmatizer")
    lookups = Lookups()
    for name in ours.lookups.tables:
        table = ours.lookups.get_table(name)
        data = {
            key: list(value) if isinstance(value, dict) and name == INDEX_TABLE else value
            for key, value in table.items()
        }
        lookups.add_table(name, data)
    stock = FrenchLemmatizer(nlp.vocab, None, mode="rule", overwrite=True)
    stock.lookups = lookups
    return stock


def test_index_is_dicts_in_the_loaded_pipeline(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table(INDEX_TABLE)
    values = list(table.values())
    assert values and all(isinstance(words, dict) for words in values)
    assert len(table.get("noun")) > 10_000


def test_same_lemmas_as_the_stock_lists(nlp):
    stock = _stock_copy(nlp)
    assert isinstance(stock.lookups.get_table(INDEX_TABLE).get("noun"), list)
    for doc in nlp.pipe(SENTENCES):
        ours = [token.lemma_ for token in doc]
        assert ours == [token.lemma_ for token in stock(doc)]
        assert "lever" in ours or "racheter" in ours or "être" in ours or "financer" in ours


def test_idempotent_and_absent_lemmatizer(nlp):
    assert index_lemma_lists(nlp) is True
    assert isinstance(nlp.get_pipe("lemmatizer").lookups.get_table(INDEX_TABLE).get("verb"), dict)
    assert index_lemma_lists(spacy.blank("fr")) is False
