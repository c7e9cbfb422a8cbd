"""What the learned steps share: a ``TrainablePipe`` over a ``model.Batch`` of rows.

A subclass says how a doc becomes rows (``rows``), what the gold of an example is
(``gold``), how scores are squashed (``multilabel``: a sigmoid per label, else a softmax
over them) and what it writes on the doc (``set_annotations``). Weights come from the
package (``weights = "shipped"``), from a file, or from ``nlp.to_disk`` output; without
any the step writes nothing, so the rules run alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

from aiextract.components.learned.model import Batch
from aiextract.errors import InputError

WEIGHTS_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "weights"


def shipped_weights(name: str) -> Path:
    """Where the package keeps the trained weights of step ``name``."""
    return WEIGHTS_DIR / f"{name}.bin"


def _dropout_layers(model: Model) -> list[Model]:
    return [layer for layer in model.walk() if "dropout_rate" in layer.attrs]


class ScorerPipe(TrainablePipe):
    """A trainable step that scores rows of features with ``model``."""

    labels: tuple[str, ...] = ()
    multilabel = True
    weights_name = ""  # the file of the shipped weights, ``<weights_name>.bin``
    _cache: dict[int, tuple[Batch, list[Any], numpy.ndarray]] | None = None

    def __init__(
        self, vocab: Any, model: Model, name: str, *, threshold: float, weights: str
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg: dict[str, Any] = {"threshold": threshold, "trained": False}
        source = shipped_weights(self.weights_name) if weights == "shipped" else weights
        if source and weights != "shipped" and not Path(source).is_file():
            raise InputError(f"{name}: no weights file at {source!r}")
        if source and Path(source).is_file():
            self.model.initialize()
            rates = [(layer, layer.attrs["dropout_rate"]) for layer in _dropout_layers(model)]
            self.model.from_bytes(Path(source).read_bytes())
            for layer, rate in rates:  # the config's rate, not the one saved with the weights
                layer.attrs["dropout_rate"] = rate
            self.cfg["trained"] = True

    def cache_rows(self, on: bool) -> None:
        """Keep each training example's rows and targets between epochs (on during
        ``training.loop.train``: the features of a doc do not change)."""
        self._cache = {} if on else None

    @property
    def trained(self) -> bool:
        return bool(self.cfg.get("trained"))

    # -------------------------------------------------------- to be defined

    def rows(self, doc: Doc) -> tuple[Batch, list[Any]]:
        """The feature rows of ``doc`` and what each row is about."""
        raise NotImplementedError

    def gold(self, example: Example, items: list[Any]) -> numpy.ndarray:
        """``(len(items), len(labels))`` targets for the rows of ``example.predicted``."""
        raise NotImplementedError

    def write(self, doc: Doc, items: list[Any], probs: numpy.ndarray) -> None:
        """Put the scores on ``doc``."""
        raise NotImplementedError

    def training_rows(self, example: Example) -> tuple[Batch, list[Any]]:
        """The rows trained on (by default, those of prediction)."""
        return self.rows(example.predicted)

    # ------------------------------------------------------------ prediction

    def probabilities(self, logits: numpy.ndarray) -> numpy.ndarray:
        if self.multilabel:
            return 1.0 / (1.0 + numpy.exp(-logits))
        shifted = numpy.exp(logits - logits.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)

    def predict(self, docs: Iterable[Doc]) -> list[tuple[list[Any], numpy.ndarray]]:
        out = []
        nothing = numpy.zeros((0, len(self.labels)), dtype="float32")
        for doc in docs:
            batch, items = self.rows(doc) if self.trained and len(doc) else (None, [])
            if not items:
                out.append(([], nothing))
                continue
            out.append((items, self.probabilities(self.model.predict(batch))))
        return out

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """One document at a time: the network reads one document's rows anyway, and the
        next steps then find that document's features still cached (``doc_features``
        keeps one entry). In batches, each step rebuilt them for every document."""
        error_handler = self.get_error_handler()
        for doc in stream:
            try:
                self.set_annotations([doc], self.predict([doc]))
                yield doc
            except Exception as exc:  # spaCy's error handler decides: raise or skip
                error_handler(self.name, self, [doc], exc)

    def set_annotations(self, docs: Iterable[Doc], scores: Any) -> None:
        if not self.trained:
            return  # no weights: nothing written, the deals use the rules alone
        for doc, (items, probs) in zip(docs, scores, strict=True):
            self.write(doc, items, probs)

    # --------------------------------------------------------------- training

    def initialize(
        self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None
    ) -> None:
        """Fresh weights (``aiextract train --from-scratch``); shipped ones are kept
        otherwise, since the factory loaded them."""
        self.model.initialize()

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Any = None,
        losses: dict[str, float] | None = None,
    ) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        batches, targets = [], []
        for example in examples:
            cached = self._cache.get(id(example)) if self._cache is not None else None
            if cached is None:
                batch, items = self.training_rows(example)
                cached = (batch, items, self.gold(example, items) if items else None)
                if self._cache is not None:
                    self._cache[id(example)] = cached
            batch, items, target = cached
            if items:
                batches.append(batch)
                targets.append(target)
        if not batches:
            return losses
        batch = Batch(
            numpy.concatenate([b.dense for b in batches]),
            numpy.concatenate([b.keys for b in batches]),
            numpy.concatenate([b.lengths for b in batches]),
        )
        truth = numpy.concatenate(targets).astype("float32")
        logits, backprop = self.model.begin_update(batch)
        probs = self.probabilities(logits)
        d_logits = (probs - truth) / len(truth)
        backprop(d_logits.astype("float32"))
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += float(self._loss(probs, truth))
        self.cfg["trained"] = True
        return losses

    def _loss(self, probs: numpy.ndarray, truth: numpy.ndarray) -> float:
        probs = numpy.clip(probs, 1e-7, 1 - 1e-7)
        if self.multilabel:
            return -(truth * numpy.log(probs) + (1 - truth) * numpy.log(1 - probs)).sum()
        return -(truth * numpy.log(probs)).sum()

    def get_loss(self, examples: Iterable[Example], scores: Any) -> tuple[float, Any]:
        total = 0.0
        grads = []
        for example, (items, probs) in zip(examples, scores, strict=True):
            if not items:
                continue
            truth = self.gold(example, items).astype("float32")
            total += self._loss(probs, truth)
            grads.append(probs - truth)
        return total, grads


def as_batch(dense: numpy.ndarray, keys: list[numpy.ndarray]) -> Batch:
    """A ``Batch`` of the rows ``dense`` with their keys."""
    lengths = numpy.asarray([len(k) for k in keys], dtype="int64")
    joined = numpy.concatenate(keys) if keys else numpy.zeros((0,), dtype="uint64")
    return Batch(dense, joined.astype("uint64"), lengths)
