"""The lemmatizer's word lists are indexed: same lemmas, saved and loaded back."""

from __future__ import annotations

from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.lookups import Lookups

from aiextract.components.lemmatizer import INDEX_TABLE, index_lemma_lists

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
    import spacy

    assert index_lemma_lists(spacy.blank("fr")) is False
