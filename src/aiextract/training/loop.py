"""The training loop of the learned steps, seeded and deterministic.

The frozen part of the pipeline (the model, organisations, money, dates, entities) runs
once over the articles; the learned steps then train on those docs for a number of
epochs (Adam, parameter averages kept as the final weights). Each epoch prints its
losses and, with a dev set, the deal scores of the whole pipeline.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.training import Example
from thinc.api import Adam, Optimizer, fix_random_seed

from aiextract.components.learned.gold import annotate_gold, with_evidence
from aiextract.components.learned.pipe import ScorerPipe
from aiextract.errors import InputError
from aiextract.evaluate import deal_attributes, match_deals, prf
from aiextract.training.data import Annotated

LEARNED = ("aiextract_deal_sentences", "aiextract_deal_roles")
_AFTER = ("aiextract_deals", "aiextract_language")  # not run while preparing


def learned_pipes(nlp: Language) -> list[ScorerPipe]:
    """The pipeline's learned steps, in order; an error when one is missing."""
    missing = [name for name in LEARNED if name not in nlp.pipe_names]
    if missing:
        raise InputError(
            f"the pipeline has no {', '.join(missing)}: train from aiextract.load() or a "
            "folder it saved"
        )
    return [nlp.get_pipe(name) for name in LEARNED]


def prepare(nlp: Language, articles: Sequence[Annotated], batch_size: int = 16) -> list[Example]:
    """One ``Example`` per article: the frozen pipeline's doc, and a reference doc with
    the gold deals as span groups (``learned.gold``)."""
    from aiextract.normalize.published import coerce_published

    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        try:
            doc._.published = coerce_published(article.published)
        except ValueError:
            doc._.published = None
        doc._.doc_id = article.id
        docs.append(doc)
    skip = [name for name in nlp.pipe_names if name in LEARNED or name in _AFTER]
    with nlp.select_pipes(disable=skip):
        done = list(nlp.pipe(docs, batch_size=batch_size))
    out = []
    for article, doc in zip(articles, done, strict=True):
        reference = annotate_gold(nlp.make_doc(doc.text), with_evidence(doc, article.deals))
        out.append(Example(doc, reference))
    return out


def predict_deals(nlp: Language, examples: Sequence[Example]) -> list[list[dict[str, Any]]]:
    """The deals the pipeline gives for the prepared docs (learned steps, then deals)."""
    steps = [nlp.get_pipe(name) for name in (*LEARNED, "aiextract_deals") if name in nlp.pipe_names]
    out = []
    for example in examples:
        doc = example.predicted
        for step in steps:
            doc = step(doc)
        out.append([dict(deal) for deal in doc._.deals or []])
    return out


def deal_scores(
    golds: Sequence[Sequence[dict[str, Any]]], preds: Sequence[Sequence[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """Typed and untyped deal P/R/F1 (the guidelines' matching) over articles, and the
    accuracy of roles and amount on the typed matches (``{"correct", "total",
    "accuracy"}``, as ``aiextract eval`` reports them)."""
    out: dict[str, dict[str, Any]] = {}
    for name, typed in (("typed", True), ("untyped", False)):
        tp = fp = fn = 0
        for gold, pred in zip(golds, preds, strict=True):
            pairs = len(match_deals(gold, pred, typed=typed))
            tp, fp, fn = tp + pairs, fp + len(pred) - pairs, fn + len(gold) - pairs
        out[name] = prf(tp, fp, fn)
    for attribute in ("roles", "amount"):
        correct = total = 0
        for gold, pred in zip(golds, preds, strict=True):
            for i, j in match_deals(gold, pred, typed=True):
                ok, n = deal_attributes(gold[i], pred[j])[attribute]
                correct, total = correct + ok, total + n
        accuracy = correct / total if total else 0.0
        out[attribute] = {"correct": correct, "total": total, "accuracy": accuracy}
    return out


@contextlib.contextmanager
def averaged(pipes: Sequence[ScorerPipe], optimizer: Optimizer) -> Iterator[None]:
    """The pipes use the optimizer's parameter averages inside the block."""
    with contextlib.ExitStack() as stack:
        if optimizer.averages:
            for pipe in pipes:
                stack.enter_context(pipe.model.use_params(optimizer.averages))
        yield


def train(
    nlp: Language,
    train_examples: Sequence[Example],
    dev_examples: Sequence[Example] = (),
    *,
    epochs: int = 10,
    learn_rate: float = 0.002,
    seed: int = 0,
    batch_size: int = 8,
    from_scratch: bool = False,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Train the learned steps of ``nlp`` in place; the history of losses and scores."""
    fix_random_seed(seed)
    pipes = learned_pipes(nlp)
    for pipe in pipes:
        if from_scratch or not pipe.trained:
            pipe.initialize(lambda: train_examples, nlp=nlp)
        pipe.cache_rows(True)
    optimizer = Adam(learn_rate, L2=1e-5, use_averages=True)
    dev_gold = [list(ex.reference.user_data.get("aiextract_gold", [])) for ex in dev_examples]
    order = list(range(len(train_examples)))
    history: list[dict[str, Any]] = []
    started = time.perf_counter()
    try:
        for epoch in range(1, epochs + 1):
            random.Random(seed * 1000 + epoch).shuffle(order)
            losses: dict[str, float] = {}
            for i in range(0, len(order), batch_size):
                batch = [train_examples[k] for k in order[i : i + batch_size]]
                for pipe in pipes:
                    pipe.update(batch, sgd=optimizer, losses=losses)
            entry: dict[str, Any] = {"epoch": epoch, "losses": losses}
            line = f"epoch {epoch:>3}  " + "  ".join(
                f"loss {name.removeprefix('aiextract_')} {value:8.2f}"
                for name, value in losses.items()
            )
            if dev_examples:
                with averaged(pipes, optimizer):
                    scores = deal_scores(dev_gold, predict_deals(nlp, dev_examples))
                entry["dev"] = scores
                line += (
                    f"  dev deals typed F1 {scores['typed']['f1']:.3f}"
                    f"  untyped F1 {scores['untyped']['f1']:.3f}"
                )
            line += f"  {time.perf_counter() - started:6.1f} s"
            log(line)
            history.append(entry)
    finally:
        for pipe in pipes:
            pipe.cache_rows(False)
    keep_averages(pipes, optimizer)
    return {"epochs": history, "seconds": round(time.perf_counter() - started, 1)}


def out_of_fold(
    nlp: Language,
    examples: Sequence[Example],
    folds: int,
    *,
    epochs: int = 10,
    learn_rate: float = 0.002,
    seed: int = 0,
) -> tuple[list[list[dict[str, Any]]], list[list[dict[str, Any]]]]:
    """The gold and the predicted deals of every example, predicted by the learned steps
    trained from scratch on the other ``folds - 1`` folds: deals the steps never saw,
    which the confidence is fitted on. The steps' weights are put back afterwards."""
    pipes = learned_pipes(nlp)
    saved = [pipe.model.to_bytes() if pipe.trained else None for pipe in pipes]
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    golds: list[list[dict[str, Any]]] = []
    preds: list[list[dict[str, Any]]] = []
    for fold in range(folds):
        held = set(order[fold::folds])
        rest = [examples[i] for i in order if i not in held]
        train(
            nlp,
            rest,
            epochs=epochs,
            learn_rate=learn_rate,
            seed=seed,
            from_scratch=True,
            log=lambda _line: None,
        )
        part = [examples[i] for i in sorted(held)]
        golds += [list(ex.reference.user_data.get("aiextract_gold", [])) for ex in part]
        preds += predict_deals(nlp, part)
    for pipe, data in zip(pipes, saved, strict=True):
        if data is None:
            pipe.cfg["trained"] = False
        else:
            pipe.model.from_bytes(data)
    return golds, preds


def keep_averages(pipes: Sequence[ScorerPipe], optimizer: Optimizer) -> None:
    """Make the optimizer's parameter averages the pipes' weights."""
    for pipe in pipes:
        for layer in pipe.model.walk():
            for name in layer.param_names:
                key = (layer.id, name)
                if key in optimizer.averages:
                    layer.set_param(name, optimizer.averages[key].copy())
