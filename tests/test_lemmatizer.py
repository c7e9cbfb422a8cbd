"""The memoised lemmatizer gives the model's own lemmas, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.tokens import Doc

from aiextract.components.lemmatizer import MemoLemmatizer, use_memo_lemmatizer

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").glob("*/*.txt")],
    key=str,
)


def _before_lemmas(nlp, texts):
    """Docs as the model leaves them just before its lemmatizer."""
    names = nlp.pipe_names[: nlp.pipe_names.index("lemmatizer")]
    with nlp.select_pipes(enable=names):
        return list(nlp.pipe(texts))


def test_same_lemmas_as_the_model_on_every_repository_text(nlp):
    memo = nlp.get_pipe("lemmatizer")
    assert isinstance(memo, MemoLemmatizer)
    reference = FrenchLemmatizer(nlp.vocab, None, mode="rule")
    reference.lookups = memo.lookups
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    assert len(texts) > 100
    tokens = 0
    for doc in _before_lemmas(nlp, texts):
        expected = reference(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        got = memo(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], doc.text[:60]
        tokens += len(doc)
    assert tokens > 10_000


def test_a_second_pass_reads_the_memo(nlp):
    memo = nlp.get_pipe("lemmatizer")
    doc = nlp("Les fonds ont racheté la société.")
    assert [t.lemma_ for t in doc][1:5] == ["fonds", "avoir", "racheter", "le"]
    assert memo.memo  # filled
    again = nlp("Les fonds ont racheté la société.")
    assert [t.lemma_ for t in again] == [t.lemma_ for t in doc]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "123"])
def test_empty_and_odd_texts(nlp, text):
    assert len(nlp(text)) == len(nlp.make_doc(text))


def test_saved_pipeline_keeps_it(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert isinstance(loaded.get_pipe("lemmatizer"), MemoLemmatizer)
    assert [t.lemma_ for t in loaded("Elles ont signé.")] == ["lui", "avoir", "signer", "."]


def test_other_lemmatizers_are_left_alone():
    blank = spacy.blank("fr")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    use_memo_lemmatizer(blank)
    assert not isinstance(blank.get_pipe("lemmatizer"), MemoLemmatizer)
    use_memo_lemmatizer(spacy.blank("fr"))  # no lemmatizer: nothing to do
