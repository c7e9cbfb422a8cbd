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

import aiextract
from aiextract.evaluate import prf, score_article
from benchmarks.cross_validate import FoldRecogniser, shuffled_train_dev


def org_folds(folds: int, seed: int, epochs: int = 10) -> dict[str, dict]:
    """Pooled P/R/F1 of ``orgs`` and ``people`` over the held folds."""
    nlp = aiextract.load(news_ner=False)
    articles, order = shuffled_train_dev(seed)
    recogniser = FoldRecogniser(nlp, articles)
    totals = {"orgs": [0, 0, 0], "people": [0, 0, 0]}
    for fold in range(folds):
        held = set(order[fold::folds])
        ids = [articles[i].id for i in order if i not in held]
        recogniser.fit(ids, epochs, seed, log=lambda *_: None)
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
