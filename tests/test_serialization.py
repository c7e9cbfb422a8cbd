"""A pipeline saved with nlp.to_disk loads back with spacy.load and gives the same results."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import aiextract
from aiextract.records import Article

TEXTS = [
    "Publié le 12 février 2025\nLe groupe Nexalis rachète la start-up Quantiq pour 80 millions "
    "d'euros. Le rachat de Quantiq par Nexalis serait finalisé en juin.",
    "La fintech bordelaise Payflow lève 12 millions d'euros auprès de Partech et d'Eurazeo.",
    "Mercredi, Orange a signé un contrat de 40 millions d'euros avec Capgemini.",
]


def _dicts(nlp, texts):
    return [Article.from_doc(doc).to_dict() for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def reloaded(nlp, tmp_path_factory):
    """The session's pipeline saved with ``nlp.to_disk`` and read back by ``spacy.load``."""
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(path)
    return spacy.load(path)


def test_to_disk_then_spacy_load_gives_same_results(nlp, reloaded):
    assert reloaded.pipe_names == nlp.pipe_names
    assert _dicts(reloaded, TEXTS) == _dicts(nlp, TEXTS)


def test_doc_results_survive_to_bytes_and_docbin(nlp):
    docs = list(nlp.pipe(TEXTS))
    before = [Article.from_doc(d).to_dict() for d in docs]
    again = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]
    assert [Article.from_doc(d).to_dict() for d in again] == before
    docbin = DocBin(store_user_data=True, docs=docs)
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert [Article.from_doc(d).to_dict() for d in restored] == before


def test_extract_with_reloaded_pipeline(nlp, reloaded):
    a = aiextract.extract(TEXTS[1], nlp=reloaded).to_dict()
    b = aiextract.extract(TEXTS[1], nlp=nlp).to_dict()
    assert a == b


def test_reloaded_components_read_words_as_the_tokenizer_cuts_them(nlp, reloaded):
    # spacy.load builds the components before it restores the tokenizer: their tables of
    # cues and triggers must still keep « start-up » or « joint-venture » whole, as the
    # texts will be cut, or a saved pipeline finds fewer names and deals than nlp.
    assert (
        reloaded.get_pipe("aiextract_orgs").lexicon.cues
        == nlp.get_pipe("aiextract_orgs").lexicon.cues
    )
    assert ("start-up",) in [
        w for w, _ in reloaded.get_pipe("aiextract_orgs").lexicon.cues["start-up"]
    ]
    assert reloaded.get_pipe("aiextract_deals").words == nlp.get_pipe("aiextract_deals").words
    assert reloaded.get_pipe("aiextract_deals").idioms == nlp.get_pipe("aiextract_deals").idioms
