"""The shared per-document text cache: one entry per thread, so threads never mix texts."""

from __future__ import annotations

import threading

import spacy

from aiextract import extensions
from aiextract.extensions import doc_text


def test_each_thread_keeps_its_own_entry():
    nlp = spacy.blank("fr")
    docs = [nlp.make_doc("Varlin lève 5 millions d'euros."), nlp.make_doc("Ombelle recrute.")]
    barrier = threading.Barrier(2)
    seen: dict[int, object] = {}

    def work(k: int) -> None:
        assert doc_text(docs[k]) == docs[k].text
        barrier.wait()  # both threads have filled the cache before either looks again
        seen[k] = extensions._TEXT_CACHE.entry[0]
        assert doc_text(docs[k]) == docs[k].text

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {0: docs[0], 1: docs[1]}


def test_a_new_doc_replaces_the_entry():
    nlp = spacy.blank("fr")
    first, second = nlp.make_doc("Un texte."), nlp.make_doc("Un autre texte.")
    assert doc_text(first) == "Un texte."
    assert doc_text(second) == "Un autre texte."
    assert doc_text(first) == "Un texte."
