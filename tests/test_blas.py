"""The networks' matrix products on numpy's BLAS: same products, one thread, same annotations."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import Model, NumpyOps

import aiextract
from aiextract.blas import NumpyBlasOps, use_numpy_blas

TEXT = (
    "La start-up lyonnaise Ventora a levé 12 millions d'euros auprès du fonds Kelvin "
    "Partners. Quibix rachète Lumeo pour 2 Md$, a annoncé mardi Marie Kiplo, sa présidente."
)
ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]


class CountingLibrary:
    """A stand-in for a threadpoolctl controller that records the thread counts set."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.seen: list[int] = []

    def get_num_threads(self) -> int:
        return self.threads

    def set_num_threads(self, count: int) -> None:
        self.threads = count
        self.seen.append(count)


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_gives_blis_products(trans1, trans2):
    rng = np.random.default_rng(0)
    x = rng.random((7, 5) if not trans1 else (5, 7), dtype="float32")
    y = rng.random((5, 3) if not trans2 else (3, 5), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = NumpyBlasOps(libraries=[]).gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (7, 3) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-5)


def test_gemm_writes_to_out():
    x = np.ones((2, 3), dtype="float32")
    out = np.zeros((2, 2), dtype="float32")
    result = NumpyBlasOps(libraries=[]).gemm(x, x, out=out, trans2=True)
    assert result is out
    assert out.tolist() == [[3.0, 3.0], [3.0, 3.0]]


def test_gemm_refuses_arrays_that_are_not_matrices():
    with pytest.raises(ValueError, match="2-d"):
        NumpyBlasOps(libraries=[]).gemm(
            np.ones(3, dtype="float32"), np.ones((3, 1), dtype="float32")
        )


def test_each_product_runs_in_one_thread_and_puts_the_count_back():
    library = CountingLibrary(threads=8)
    ops = NumpyBlasOps(libraries=[library])
    ops.gemm(np.ones((4, 4), dtype="float32"), np.ones((4, 4), dtype="float32"))
    assert library.seen == [1, 8]
    assert library.threads == 8


def test_the_count_is_put_back_when_the_product_fails():
    library = CountingLibrary(threads=4)
    ops = NumpyBlasOps(libraries=[library])
    with pytest.raises(ValueError):
        ops.gemm(np.ones((2, 3), dtype="float32"), np.ones((2, 3), dtype="float32"))
    assert library.threads == 4


def test_the_loaded_pipeline_multiplies_with_numpy_in_every_network(nlp):
    networks = {
        name: pipe.model
        for name, pipe in nlp.pipeline
        if isinstance(getattr(pipe, "model", None), Model)
    }
    assert {"tok2vec", "parser", "ner", "aiextract_deal_sentences"} <= set(networks)
    assert all(
        isinstance(layer.ops, NumpyBlasOps) for model in networks.values() for layer in model.walk()
    )


def test_same_annotations_as_with_blis(nlp):
    with_numpy = nlp(TEXT).to_array(ATTRS)
    use_numpy_blas(nlp, ops=NumpyOps())
    try:
        with_blis = nlp(TEXT).to_array(ATTRS)
    finally:
        use_numpy_blas(nlp)
    assert np.array_equal(with_numpy, with_blis)


def test_use_numpy_blas_counts_the_layers_it_changed():
    blank = spacy.blank("fr")
    assert use_numpy_blas(blank) == 0
    blank.add_pipe("tagger").add_label("NOUN")
    blank.initialize()
    assert use_numpy_blas(blank) == len(list(blank.get_pipe("tagger").model.walk())) > 0


def test_a_saved_pipeline_gets_numpy_blas_again_from_aiextract_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    with_blis = spacy.load(tmp_path / "pipeline")
    assert not isinstance(with_blis.get_pipe("parser").model.ops, NumpyBlasOps)
    reloaded = aiextract.load(str(tmp_path / "pipeline"))
    assert isinstance(reloaded.get_pipe("parser").model.ops, NumpyBlasOps)
    kept = aiextract.load(str(tmp_path / "pipeline"), numpy_blas=False)
    assert not isinstance(kept.get_pipe("parser").model.ops, NumpyBlasOps)


def test_pickled_ops_find_their_libraries_again():
    import pickle

    ops = pickle.loads(pickle.dumps(NumpyBlasOps(libraries=[CountingLibrary(threads=2)])))
    assert isinstance(ops, NumpyBlasOps)
    assert not any(isinstance(library, CountingLibrary) for library in ops.libraries)
