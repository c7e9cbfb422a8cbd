"""``aiextract train``: train the learned steps on annotated articles, from the CLI."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from aiextract.components.learned.pipe import WEIGHTS_DIR
from aiextract.errors import AiextractError

TRAINING_RECORD = "training.json"


def add_parser(commands: Any) -> None:
    """Register ``train`` on the main parser's subparsers."""
    train = commands.add_parser(
        "train",
        help="train the learned steps on annotated articles and save a pipeline",
        description=(
            "Train aiextract's learned steps (deal sentences, deal roles) on articles in the "
            "gold format of docs/GUIDELINES.md, starting from the shipped weights, and fit "
            "the deals' confidence on the dev articles. TRAIN and --dev are a gold JSONL "
            "with 'text' in each line, a gold JSONL with <id>.txt files beside it, a folder "
            "with gold.jsonl and its texts, or corpus:SPLIT (the real corpus). "
            "docs/learned.md has a worked example."
        ),
    )
    train.add_argument("train", metavar="TRAIN")
    train.add_argument("--dev", metavar="DEV", help="articles to score each epoch and calibrate on")
    train.add_argument("-o", "--output", type=Path, help="pipeline folder to write")
    train.add_argument("--epochs", type=int, default=10, help="passes over TRAIN (default: 10)")
    train.add_argument("--learn-rate", type=float, default=0.002, help="Adam's (default: 0.002)")
    train.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    train.add_argument(
        "--ner-epochs",
        type=int,
        default=10,
        help="passes of the model's entity recogniser over TRAIN's organisations and people, "
        "before the deal steps (default: 10; 0: leave it as it is)",
    )
    train.add_argument(
        "--ner-learn-rate", type=float, default=0.001, help="for the recogniser (default: 0.001)"
    )
    train.add_argument(
        "--calibration-folds",
        type=int,
        default=5,
        help="also fit the confidence on TRAIN's deals predicted fold by fold by steps "
        "trained on the other folds (default: 5; 0: on the dev articles only)",
    )
    train.add_argument(
        "--from-scratch",
        action="store_true",
        help="start from fresh weights and the model's own recogniser, not the shipped ones",
    )
    train.add_argument("--model", default=None, help="pipeline to start from (default: shipped)")
    train.add_argument(
        "--corpus-root", type=Path, default=Path("corpus"), help="for corpus:SPLIT sources"
    )
    train.add_argument(
        "--ship",
        action="store_true",
        help="write the weights into the package (src/aiextract/data/weights): maintainers",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``aiextract train``; 0 when done."""
    from aiextract.pipeline import NER_WEIGHTS, load
    from aiextract.training import calibration
    from aiextract.training.data import read_annotated
    from aiextract.training.loop import (
        deal_scores,
        learned_pipes,
        out_of_fold,
        predict_deals,
        prepare,
        train,
    )
    from aiextract.training.ner import ner_examples, train_ner

    if not args.output and not args.ship:
        print("aiextract: error: say where the pipeline goes: -o DIR (or --ship)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        train_articles = read_annotated(args.train, args.corpus_root)
        dev_articles = read_annotated(args.dev, args.corpus_root) if args.dev else []
    except AiextractError as exc:
        print(f"aiextract: error: {exc}", file=sys.stderr)
        return 1
    # blis, as the shipped weights were trained: numpy's BLAS rounds the last bits otherwise
    nlp = (
        load(args.model, numpy_blas=False)
        if args.model
        else load(news_ner=not args.from_scratch, numpy_blas=False)
    )
    pipes = learned_pipes(nlp)
    print(
        f"reading {len(train_articles)} training and {len(dev_articles)} dev articles", flush=True
    )
    ner_record: dict[str, Any] = {"epochs": 0}
    if args.ner_epochs > 0 and "ner" in nlp.pipe_names:
        examples = ner_examples(nlp, train_articles)
        if examples:
            print(f"training the entity recogniser on {len(examples)} articles", flush=True)
            seconds = train_ner(
                nlp,
                examples,
                epochs=args.ner_epochs,
                learn_rate=args.ner_learn_rate,
                seed=args.seed,
                log=lambda line: print(line, flush=True),
            )
            ner_record = {
                "epochs": args.ner_epochs,
                "learn_rate": args.ner_learn_rate,
                "articles": len(examples),
                "seconds": round(seconds, 1),
            }
    train_examples = prepare(nlp, train_articles)
    dev_examples = prepare(nlp, dev_articles)
    print(f"prepared in {time.perf_counter() - started:.1f} s", flush=True)
    folds = args.calibration_folds
    if folds < 2 or len(train_examples) < 2 * folds:
        folds = 0  # too few articles for folds: the confidence is fitted on dev alone
    oof_golds: list = []
    oof_preds: list = []
    settings = {"epochs": args.epochs, "learn_rate": args.learn_rate, "seed": args.seed}
    if folds:
        print(f"predicting each of {folds} folds of TRAIN with steps trained on the others")
        oof_golds, oof_preds = out_of_fold(nlp, train_examples, folds, **settings)
    print("training", flush=True)
    history = train(
        nlp,
        train_examples,
        dev_examples,
        from_scratch=args.from_scratch,
        log=lambda line: print(line, flush=True),
        **settings,
    )
    record: dict[str, Any] = {
        "train": str(args.train),
        "dev": args.dev,
        "articles": {"train": len(train_articles), "dev": len(dev_articles)},
        "epochs": args.epochs,
        "learn_rate": args.learn_rate,
        "seed": args.seed,
        "training_seconds": history["seconds"],
        "calibration_folds": folds,
        "ner": ner_record,
    }
    deals = nlp.get_pipe("aiextract_deals")
    if dev_examples:
        golds = [ex.reference.user_data["aiextract_gold"] for ex in dev_examples]
        preds = predict_deals(nlp, dev_examples)
        deals.calibrator = calibration.fit([*oof_golds, *golds], [*oof_preds, *preds])
        calibration.recalibrate(preds, deals.calibrator)
        confidences = [d["confidence"] for pred in preds for d in pred]
        labels = [y for _d, y in calibration.labelled(golds, preds)]
        rows, ece = calibration.reliability(confidences, labels)
        scores = deal_scores(golds, preds)
        record["dev_scores"] = scores
        names = name_scores(nlp, dev_articles)
        record["dev_names"] = names
        print(
            "dev names: organisations F1 {orgs:.3f}, people F1 {people:.3f}".format(**names),
            flush=True,
        )
        record["dev_ece"] = round(ece, 4)
        where = f"the dev articles and {folds} folds of TRAIN" if folds else "dev"
        print(f"\nconfidence on the dev articles (fitted on {where})")
        print(calibration.format_reliability(rows, ece))
        print(
            f"\ndev deals: typed F1 {scores['typed']['f1']:.3f} "
            f"(P {scores['typed']['precision']:.3f}, R {scores['typed']['recall']:.3f}), "
            f"untyped F1 {scores['untyped']['f1']:.3f}"
        )
    if args.output:
        nlp.to_disk(args.output)
        (args.output / TRAINING_RECORD).write_text(json.dumps(record, indent=1) + "\n", "utf-8")
        print(f"\npipeline written to {args.output}: aiextract extract --model {args.output} ...")
    if args.ship:
        WEIGHTS_DIR.mkdir(parents=True, exist_ok=True)
        for pipe in pipes:
            pipe.model.to_disk(WEIGHTS_DIR / f"{pipe.weights_name}.bin")
        if deals.calibrator is not None:
            deals.calibrator.save(WEIGHTS_DIR / "confidence.json")
        if ner_record["epochs"]:
            nlp.get_pipe("ner").to_disk(WEIGHTS_DIR / NER_WEIGHTS, exclude=["vocab"])
        (WEIGHTS_DIR / TRAINING_RECORD).write_text(json.dumps(record, indent=1) + "\n", "utf-8")
        size = sum(p.stat().st_size for p in WEIGHTS_DIR.rglob("*") if p.is_file())
        print(f"\nweights shipped in {WEIGHTS_DIR} ({size / 1e6:.1f} MB)")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


def name_scores(nlp: Any, articles: list) -> dict[str, float]:
    """Organisations and people F1 of ``nlp`` on ``articles`` (their gold lists)."""
    from aiextract.api import extract_many
    from aiextract.evaluate import score

    items = [{"id": a.id, "text": a.text, "published": a.published} for a in articles]
    preds = [r.to_dict() for r in extract_many(items, nlp=nlp)]
    gold = [{"id": a.id, "orgs": a.orgs, "people": a.people} for a in articles]
    report = score(gold, preds)
    return {key: round(report[key]["f1"], 4) for key in ("orgs", "people")}
