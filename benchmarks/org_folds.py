"""Organisations and people on articles the recogniser never saw: five folds of train + dev.

The shipped recogniser is fine-tuned on the train split, so its train and dev figures
say little about unseen articles. Here the articles of train and dev are shuffled with
the seed and cut into five folds; for each fold the model's own recogniser is fine-tuned
on the four others (10 passes, as ``aiextract train`` does) and the whole pipeline reads
the held fold. Organisations and people are scored as ``aiextract eval`` scores them,
pooled over the folds. About ten minutes on two cores; needs the corpus texts.

    python -m benchmarks.org_folds --seed 0
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import aiextract
from aiextract.evaluate import prf, score_article
from aiextract.training.data import read_annotated
from aiextract.training.ner import ner_examples, train_ner

ROOT = Path(__file__).resolve().parent.parent


def org_folds(folds: int, seed: int, epochs: int = 10) -> dict[str, dict]:
    """Pooled P/R/F1 of ``orgs`` and ``people`` over the held folds."""
    nlp = aiextract.load(news_ner=False)
    articles = [
        *read_annotated("corpus:train", ROOT / "corpus"),
        *read_annotated("corpus:dev", ROOT / "corpus"),
    ]
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    named = [a for a in articles if a.orgs or a.people]
    names = dict(zip((a.id for a in named), ner_examples(nlp, named), strict=True))
    own_ner = nlp.get_pipe("ner").to_bytes()
    totals = {"orgs": [0, 0, 0], "people": [0, 0, 0]}
    for fold in range(folds):
        held = set(order[fold::folds])
        nlp.get_pipe("ner").from_bytes(own_ner)
        rest = [names[articles[i].id] for i in order if i not in held and articles[i].id in names]
        train_ner(nlp, rest, epochs=epochs, learn_rate=0.001, seed=seed, log=lambda *_: None)
        for i in sorted(held):
            article = articles[i]
            doc = nlp(article.text)
            gold = {"orgs": article.orgs, "people": article.people}
            pred = {"orgs": list(doc._.orgs), "people": list(doc._.people)}
            counts = score_article(gold, pred)["counts"]
            for key, total in totals.items():
                for k in range(3):
                    total[k] += counts[key][k]
        print(f"fold {fold + 1} done", flush=True)
    return {key: prf(*total) for key, total in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    for key, scores in org_folds(args.folds, args.seed, args.epochs).items():
        print(
            f"{key:7s} tp {scores['tp']:5d}  fp {scores['fp']:4d}  fn {scores['fn']:4d}  "
            f"P {scores['precision']:.3f}  R {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
        )


if __name__ == "__main__":
    main()
