"""Five-fold cross-validation of the learned steps on the real corpus's train + dev.

The articles of the two splits (never the test split) are shuffled with the seed and cut
into five folds. For each fold the learned steps are trained from scratch on the four
others (as ``aiextract train --from-scratch`` does) and the held fold is scored three
ways: the rules alone, the learned steps alone, both. The spread of the typed and
untyped deal F1 over the folds is printed, as a Markdown table, and the mean accuracy of
roles and amount on the typed matches.

The model's own entity recogniser is used, not the shipped one (fine-tuned on the train
split, so it has seen most held folds). With ``--ner-epochs N`` the recogniser is
fine-tuned in each fold on the four others first, as ``aiextract train`` does (about
three minutes a fold instead of fifteen seconds).

Needs the corpus texts (``aiextract corpus verify``); a few minutes on two cores.

    python -m benchmarks.cross_validate --folds 5 --seed 0
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

import aiextract
from aiextract.training.data import Annotated, read_annotated
from aiextract.training.loop import deal_scores, predict_deals, prepare, train
from aiextract.training.ner import ner_examples, train_ner

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("rules", "learned", "both")


def shuffled_train_dev(seed: int) -> tuple[list[Annotated], list[int]]:
    """The real corpus's train and dev articles, and their indices shuffled with ``seed``
    (fold ``f`` of ``n`` is ``order[f::n]``)."""
    articles = [
        *read_annotated("corpus:train", ROOT / "corpus"),
        *read_annotated("corpus:dev", ROOT / "corpus"),
    ]
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    return articles, order


class FoldRecogniser:
    """The model's entity recogniser, fine-tuned afresh in each fold on the names of the
    other folds' articles (as ``aiextract train`` fine-tunes it)."""

    def __init__(self, nlp: Language, articles: list[Annotated]) -> None:
        self.nlp = nlp
        named = [a for a in articles if a.orgs or a.people]
        self.examples = dict(zip((a.id for a in named), ner_examples(nlp, named), strict=True))
        self.own = nlp.get_pipe("ner").to_bytes()

    def fit(self, ids: list[str], epochs: int, seed: int, log: Callable[..., None]) -> None:
        """Restore the model's weights, then fine-tune on the articles ``ids``."""
        self.nlp.get_pipe("ner").from_bytes(self.own)
        rest = [self.examples[i] for i in ids if i in self.examples]
        train_ner(self.nlp, rest, epochs=epochs, learn_rate=0.001, seed=seed, log=log)


def cross_validate(
    folds: int,
    seed: int,
    epochs: int,
    ner_epochs: int = 0,
    twin_threshold: float = 0.5,
    dropout: float | None = None,
    bag_dropout: float | None = None,
    train_share: float = 1.0,
    party_threshold: float = 0.5,
) -> list[dict]:
    """One row per fold: the held fold's size and its typed/untyped F1 per source.

    ``train_share`` under 1 trains each fold on that share of the four other folds
    (the first articles in the seed's order): a learning curve.
    """
    rates = {"dropout": dropout, "bag_dropout": bag_dropout}
    rates = {key: rate for key, rate in rates.items() if rate is not None}
    model = {"model": rates} if rates else {}
    nlp = aiextract.load(
        news_ner=False,
        config={
            "deal_sentences": {"weights": "", **model},
            "deal_roles": {"weights": "", **model},
            "deals": {"twin_threshold": twin_threshold, "party_threshold": party_threshold},
        },
    )
    articles, order = shuffled_train_dev(seed)
    if ner_epochs:
        recogniser = FoldRecogniser(nlp, articles)
    else:
        examples = prepare(nlp, articles)
    deals = nlp.get_pipe("aiextract_deals")
    rows = []
    for fold in range(folds):
        held = set(order[fold::folds])
        if ner_epochs:
            ids = [articles[i].id for i in order if i not in held]
            recogniser.fit(ids[: round(len(ids) * train_share)], ner_epochs, seed, log=print)
            examples = prepare(nlp, articles)
        train_part = [examples[i] for i in order if i not in held]
        train_part = train_part[: round(len(train_part) * train_share)]
        test_part = [examples[i] for i in sorted(held)]
        train(nlp, train_part, epochs=epochs, seed=seed, from_scratch=True, log=lambda _l: None)
        golds = [ex.reference.user_data["aiextract_gold"] for ex in test_part]
        row = {"fold": fold + 1, "articles": len(test_part), "deals": sum(map(len, golds))}
        for source in SOURCES:
            deals.sources = source
            scores = deal_scores(golds, predict_deals(nlp, test_part))
            row[source] = (scores["typed"]["f1"], scores["untyped"]["f1"])
            row[f"{source} attributes"] = (
                scores["roles"]["accuracy"],
                scores["amount"]["accuracy"],
            )
        deals.sources = "both"
        rows.append(row)
        print(
            f"fold {fold + 1}: "
            + "  ".join(f"{s} {row[s][0]:.3f}/{row[s][1]:.3f}" for s in SOURCES)
            + "  roles/amount (both) {:.3f}/{:.3f}".format(*row["both attributes"]),
            flush=True,
        )
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| fold | articles | gold deals | rules typed / untyped | learned typed / untyped "
        "| both typed / untyped |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = " | ".join(f"{row[s][0]:.3f} / {row[s][1]:.3f}" for s in SOURCES)
        lines.append(f"| {row['fold']} | {row['articles']} | {row['deals']} | {cells} |")
    spread = []
    for s in SOURCES:
        typed = [r[s][0] for r in rows]
        untyped = [r[s][1] for r in rows]
        spread.append(
            f"{statistics.mean(typed):.3f} ± {statistics.stdev(typed):.3f} / "
            f"{statistics.mean(untyped):.3f} ± {statistics.stdev(untyped):.3f}"
        )
    lines.append("| mean ± sd | | | " + " | ".join(spread) + " |")
    attributes = [
        f"{statistics.mean(r[f'{s} attributes'][k] for r in rows):.3f}"
        for s in SOURCES
        for k in (0, 1)
    ]
    lines.append(
        "\nOn the typed matches, mean over the folds, roles / amount: "
        + ", ".join(
            f"{s} {attributes[2 * n]} / {attributes[2 * n + 1]}" for n, s in enumerate(SOURCES)
        )
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--ner-epochs", type=int, default=0, help="fine-tune the recogniser in each fold"
    )
    parser.add_argument(
        "--twin-threshold",
        type=float,
        default=0.5,
        help="the deals' twin_threshold (over 1: no twins)",
    )
    parser.add_argument(
        "--party-threshold",
        type=float,
        default=0.5,
        help="the deals' party_threshold (over 1: no learned party joins a rule deal)",
    )
    parser.add_argument(
        "--dropout", type=float, help="the learned steps' dropout (default: their config's)"
    )
    parser.add_argument(
        "--bag-dropout",
        type=float,
        help="the share of the learned steps' bag keys left out while training (default: "
        "their config's)",
    )
    parser.add_argument(
        "--train-share",
        type=float,
        default=1.0,
        help="train each fold on this share of the other folds (a learning curve)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    rows = cross_validate(
        args.folds,
        args.seed,
        args.epochs,
        args.ner_epochs,
        twin_threshold=args.twin_threshold,
        dropout=args.dropout,
        bag_dropout=args.bag_dropout,
        train_share=args.train_share,
        party_threshold=args.party_threshold,
    )
    print("\n" + table(rows))
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
