"""The network behind the learned steps: a small scorer over prepared features.

One input row per item (a sentence, or a mention in a sentence) is a dense vector (the
model's token vectors and static word vectors, read by ``features.py``) and a bag of
hashed sparse features (lemmas, dependency labels, prepositions...). The dense part
goes through one hidden layer, the bag through a hashed linear layer (as spaCy's
bag-of-words text classifier does); their sums are the output logits. Nothing is
embedded anew, so a forward pass costs a few small matrix products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.util import registry
from thinc.api import Linear, Model, Relu, chain
from thinc.types import Floats2d


@dataclass
class Batch:
    """Prepared features of ``n`` items: ``dense`` is ``(n, width)`` float32; ``keys``
    holds every item's hashed feature keys one after the other, ``lengths`` how many
    belong to each item."""

    dense: numpy.ndarray
    keys: numpy.ndarray
    lengths: numpy.ndarray

    def __len__(self) -> int:
        return int(self.dense.shape[0])


def hashed_linear(n_out: int, n_buckets: int, dropout: float = 0.0) -> Model[Batch, Floats2d]:
    """A linear layer over a bag of hashed keys: the sum of one weight row per key.
    While training, each key is left out with probability ``dropout``
    (``attrs["dropout_rate"]``), so that no single word or pair carries an item."""
    return Model(
        "hashed_linear",
        _hashed_forward,
        dims={"nO": n_out, "nB": n_buckets},
        params={"W": None, "b": None},
        attrs={"dropout_rate": dropout},
        init=_hashed_init,
    )


def _hashed_init(model: Model, X=None, Y=None) -> None:
    model.set_param("W", model.ops.alloc2f(model.get_dim("nB"), model.get_dim("nO")))
    model.set_param("b", model.ops.alloc1f(model.get_dim("nO")))


def drop_keys(batch: Batch, rate: float) -> Batch:
    """``batch`` with each key left out with probability ``rate`` (numpy's global
    generator, which ``fix_random_seed`` seeds)."""
    if rate <= 0 or not batch.keys.size:
        return batch
    keep = numpy.random.random(batch.keys.size) >= rate
    owner = numpy.repeat(numpy.arange(len(batch.lengths)), batch.lengths)
    lengths = numpy.bincount(owner[keep], minlength=len(batch.lengths))
    return Batch(batch.dense, batch.keys[keep], lengths)


def _hashed_forward(model: Model, batch: Batch, is_train: bool):
    if is_train:
        batch = drop_keys(batch, model.attrs.get("dropout_rate", 0.0))
    W, b = model.get_param("W"), model.get_param("b")
    rows = (batch.keys % numpy.uint64(model.get_dim("nB"))).astype("int64")
    out = numpy.zeros((len(batch.lengths), W.shape[1]), dtype="float32")
    filled = batch.lengths > 0
    if rows.size:  # a sum per item over its keys' rows (items without keys stay 0)
        starts = (numpy.cumsum(batch.lengths) - batch.lengths)[filled]
        out[filled] = numpy.add.reduceat(W[rows], starts, axis=0)
    out += b

    def backprop(d_out: Floats2d) -> Batch:
        owner = numpy.repeat(numpy.arange(len(batch.lengths)), batch.lengths)
        d_W = numpy.zeros_like(W)
        numpy.add.at(d_W, rows, d_out[owner])
        model.inc_grad("W", d_W)
        model.inc_grad("b", d_out.sum(axis=0))
        return batch

    return out, backprop


@registry.architectures("aiextract.DealScorer.v1")
def build_scorer(
    n_dense: int,
    n_labels: int,
    hidden: int = 64,
    n_buckets: int = 65536,
    dropout: float = 0.3,
    bag_dropout: float = 0.0,
) -> Model[Batch, Floats2d]:
    """Logits for ``n_labels`` labels: an MLP over the dense part (``dropout`` on its
    hidden layer) plus a hashed linear layer over the sparse keys (``bag_dropout`` of
    the keys left out while training; 0 for pipelines saved before it existed)."""
    dense = chain(Relu(hidden, n_dense, dropout=dropout), Linear(n_labels, hidden))
    sparse = hashed_linear(n_labels, n_buckets, dropout=bag_dropout)
    return Model(
        "deal_scorer",
        _scorer_forward,
        layers=[dense, sparse],
        dims={"nO": n_labels, "nI": n_dense},
        init=_scorer_init,
    )


def _scorer_init(model: Model, X=None, Y=None) -> None:
    for layer in model.layers:
        layer.initialize()


def _scorer_forward(model: Model, batch: Batch, is_train: bool):
    dense, sparse = model.layers
    if len(batch) == 0:
        return model.ops.alloc2f(0, model.get_dim("nO")), lambda d: batch
    d_out, d_back = dense(batch.dense, is_train)
    s_out, s_back = sparse(batch, is_train)

    def backprop(d_logits: Floats2d) -> Batch:
        d_back(d_logits)
        s_back(d_logits)
        return batch

    return d_out + s_out, backprop


def scorer_config(n_dense: int, n_labels: int) -> dict:
    """A step's default ``model`` config block: ``aiextract.DealScorer.v1`` and its sizes."""
    return {
        "@architectures": "aiextract.DealScorer.v1",
        "n_dense": n_dense,
        "n_labels": n_labels,
        "hidden": 64,
        "n_buckets": 65536,
        "dropout": 0.3,
        "bag_dropout": 0.6,
    }
