"""``aiextract corpus ...``: add pages, check drafts, build the gold, verify, count."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from aiextract.corpus.drafts import check_draft, gold_line
from aiextract.corpus.evaluation import (
    error_report,
    format_causes,
    miss_causes,
    predict,
    reference_scores,
    split_gold,
)
from aiextract.corpus.manifest import SPLITS, read_jsonl
from aiextract.corpus.store import REBUILD_HINT, Corpus
from aiextract.evaluate import format_report, score

DEFAULT_ROOT = Path("corpus")


def add_parser(commands: Any) -> None:
    """Register ``corpus`` and its subcommands on the main parser's subparsers."""
    corpus = commands.add_parser(
        "corpus",
        help="the real-article corpus: add, check, build, verify, stats, eval, refs",
        description="Tools for the real-article corpus (corpus/README.md).",
    )
    corpus.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="corpus folder")
    sub = corpus.add_subparsers(dest="corpus_command", metavar="SUBCOMMAND", required=True)
    add = sub.add_parser("add", help="add a page: its text file, URL and the query finding it")
    add.add_argument("--url", required=True)
    add.add_argument("--query", required=True)
    add.add_argument("--text-file", type=Path, required=True)
    add.add_argument(
        "--replace", action="store_true", help="give a page already there this text and query"
    )
    add.add_argument(
        "--split",
        choices=["train"],
        help="put a new page in train (default: the split its id's hash gives)",
    )
    check = sub.add_parser("check", help="list the problems of annotation drafts")
    check.add_argument("drafts", nargs="+", type=Path, metavar="DRAFT.json")
    build = sub.add_parser("build", help="drafts -> gold lines with offsets")
    build.add_argument("drafts", type=Path, metavar="DRAFT_DIR")
    build.add_argument("-o", "--output", type=Path, required=True)
    sub.add_parser("verify", help="check every present text against the manifest")
    plan = sub.add_parser(
        "plan", help="the missing texts grouped by the search that finds them (rebuild lists)"
    )
    plan.add_argument("--all", action="store_true", help="every text, present or not")
    plan.add_argument(
        "--chunks", type=int, default=1, help="cut the list in N parts of about equal size"
    )
    plan.add_argument(
        "-o", "--output", type=Path, help="folder for the parts (task1.txt ...); else stdout"
    )
    restore = sub.add_parser(
        "restore", help="save rebuilt texts (<id>.json: the excerpt as a JSON string)"
    )
    restore.add_argument("files", nargs="+", type=Path, metavar="ID.json|ID.txt")
    evaluate = sub.add_parser(
        "eval", help="run the pipeline on a split and score it, with its misses and extras"
    )
    evaluate.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    evaluate.add_argument("-o", "--output", type=Path, help="also write the predictions")
    evaluate.add_argument("--pred", type=Path, help="score these predictions instead")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--no-errors", action="store_true", help="no list of misses")
    evaluate.add_argument("--model", default=None, help="pipeline folder or spaCy model")
    evaluate.add_argument(
        "--sources",
        choices=("both", "rules", "learned"),
        default="both",
        help="what finds deals: the rules, the learned steps or both (default: both)",
    )
    evaluate.add_argument(
        "--min-confidence", type=float, default=0.0, metavar="P", help="leave out deals under P"
    )
    confidence = sub.add_parser(
        "confidence",
        help="is the deals' confidence a probability? reliability, ECE, precision-recall",
    )
    confidence.add_argument("--split", choices=(*SPLITS, "all"), default="test")
    confidence.add_argument("--model", default=None, help="pipeline folder or spaCy model")
    confidence.add_argument("--plot", type=Path, metavar="OUT.png", help="draw the PR curve")
    refs = sub.add_parser(
        "refs",
        help="score reference resolution on the gold's deal-party mentions that are not names",
    )
    refs.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    refs.add_argument("--model", default=None, help="pipeline folder or spaCy model")
    refs.add_argument(
        "--all", action="store_true", help="list every mention, not only the wrong ones"
    )
    agreement = sub.add_parser(
        "agreement", help="score a second, independent annotation against the gold"
    )
    agreement.add_argument(
        "--second",
        type=Path,
        default=Path("corpus/agreement/gold_b.jsonl"),
        help="the second annotator's gold lines",
    )
    sub.add_parser("stats", help="counts per split, site, year, deal type")


def run(args: argparse.Namespace) -> int:
    """Run one ``corpus`` subcommand; 0 when all went well, 1 otherwise."""
    corpus = Corpus(args.root)
    command = args.corpus_command
    if command == "add":
        text = args.text_file.read_text("utf-8")
        line, message = corpus.add(
            args.url, args.query, text, replace=args.replace, split=args.split
        )
        print(message)
        return 0 if line else 1
    if command == "check":
        return _check(corpus, args.drafts)
    if command == "build":
        return _build(corpus, args.drafts, args.output)
    if command == "verify":
        return _verify(corpus)
    if command == "plan":
        return _plan(corpus, args.all, args.chunks, args.output)
    if command == "restore":
        return _restore(corpus, args.files)
    if command == "eval":
        return _eval(corpus, args)
    if command == "agreement":
        return _agreement(corpus, args.second)
    if command == "refs":
        return _refs(corpus, args)
    if command == "confidence":
        return _confidence(corpus, args)
    if command == "stats":
        print(json.dumps(stats(corpus), ensure_ascii=False, indent=1))
        return 0
    raise AssertionError(command)


def _check(corpus: Corpus, paths: list[Path]) -> int:
    bad = 0
    for path in paths:
        draft = json.loads(path.read_text("utf-8"))
        problems = check_draft(draft, corpus.text(draft["id"]))
        bad += bool(problems)
        print(f"{path.name}: " + ("ok" if not problems else f"{len(problems)} problem(s)"))
        for problem in problems:
            print("  - " + problem)
    return 1 if bad else 0


def _build(corpus: Corpus, folder: Path, output: Path) -> int:
    order = {aid: i for i, aid in enumerate(corpus.ids())}
    drafts = [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]
    drafts.sort(key=lambda d: order.get(d["id"], len(order)))
    lines, failed = [], 0
    for draft in drafts:
        try:
            lines.append(gold_line(draft, corpus.text(draft["id"])))
        except ValueError as error:
            failed += 1
            print(error, file=sys.stderr)
    output.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8"
    )
    print(f"{len(lines)} gold lines written to {output}, {failed} draft(s) not ready")
    return 1 if failed else 0


def _verify(corpus: Corpus) -> int:
    manifest = corpus.manifest()
    missing = corpus.missing_texts(m["id"] for m in manifest)
    if len(missing) == len(manifest):
        print(f"no text present: {REBUILD_HINT}")
        return 1
    problems = [p for m in manifest if m["id"] not in missing for p in [corpus.verify_text(m)] if p]
    for problem in problems:
        print(problem)
    print(
        f"{len(manifest) - len(missing)} texts checked, {len(problems)} differ, "
        f"{len(missing)} missing"
    )
    return 1 if problems or missing else 0


def plan_chunks(
    groups: list[tuple[str, list[dict]]], chunks: int
) -> list[list[tuple[str, list[dict]]]]:
    """``groups`` dealt into ``chunks`` parts holding about as many articles each (largest
    group first, to the lightest part)."""
    parts: list[list[tuple[str, list[dict]]]] = [[] for _ in range(max(1, chunks))]
    load = [0] * len(parts)
    for query, lines in sorted(groups, key=lambda group: -len(group[1])):
        lightest = load.index(min(load))
        parts[lightest].append((query, lines))
        load[lightest] += len(lines)
    return [part for part in parts if part]


def plan_text(groups: list[tuple[str, list[dict]]]) -> str:
    """One block per search: ``QUERY: ...`` then ``id=... chars=... url=...`` lines."""
    out = []
    for query, lines in groups:
        out.append(f"QUERY: {query}")
        out.extend(f"  id={m['id']}  chars={m['chars']}  url={m['url']}" for m in lines)
    return "\n".join(out) + "\n" if out else ""


def _plan(corpus: Corpus, every: bool, chunks: int, output: Path | None) -> int:
    groups = corpus.rebuild_plan(missing_only=not every)
    articles = sum(len(lines) for _query, lines in groups)
    parts = plan_chunks(groups, chunks)
    if output is None:
        sys.stdout.write("".join(plan_text(part) for part in parts))
    else:
        output.mkdir(parents=True, exist_ok=True)
        for n, part in enumerate(parts, 1):
            (output / f"task{n}.txt").write_text(plan_text(part), "utf-8")
        print(f"{len(parts)} task list(s) written to {output}")
    print(f"{articles} texts, {len(groups)} searches", file=sys.stderr)
    return 0


def excerpt_of(path: Path) -> str:
    """The text a rebuild file holds: ``.json``, the excerpt written as a JSON string
    (quotes and escapes as the search answer shows them); anything else, the text as is."""
    raw = path.read_text("utf-8")
    if path.suffix != ".json":
        return raw
    value = json.loads(raw)
    if not isinstance(value, str):
        raise ValueError(f"{path}: a JSON string is expected, not {type(value).__name__}")
    return value


def _restore(corpus: Corpus, files: list[Path]) -> int:
    failed = 0
    for path in files:
        try:
            problem = corpus.restore(path.stem, excerpt_of(path))
        except (ValueError, OSError) as error:
            problem = f"{path.stem}: {error}"
        failed += problem is not None
        print(problem or f"{path.stem}: ok")
    print(f"{len(files) - failed} restored, {failed} not")
    return 1 if failed else 0


def stats(corpus: Corpus) -> dict[str, Any]:
    """Counts of the corpus: articles per split and site, deals per type, no-deal articles."""
    manifest = corpus.manifest()
    gold = {g["id"]: g for g in corpus.gold()}
    deals = Counter(d["type"] for g in gold.values() for d in g["deals"])
    years = Counter(str(g.get("published") or "")[:4] or "unknown" for g in gold.values())
    return {
        "articles": len(manifest),
        "annotated": len(gold),
        "splits": Counter(m["split"] for m in manifest),
        "sites": len({m["site"] for m in manifest}),
        "largest_site": Counter(m["site"] for m in manifest).most_common(3),
        "deals": sum(deals.values()),
        "deals_per_type": deals,
        "no_deal_articles": sum(1 for g in gold.values() if not g["deals"]),
        "hedged": sum(1 for g in gold.values() for d in g["deals"] if d["certainty"] == "hedged"),
        "years": dict(sorted(years.items())),
    }


def _eval(corpus: Corpus, args: argparse.Namespace) -> int:
    gold = split_gold(corpus, args.split)
    if not gold:
        print(f"no gold article in split {args.split!r} of {corpus.root}", file=sys.stderr)
        return 1
    if args.pred:
        pred = read_jsonl(args.pred)
    else:
        from aiextract.pipeline import load

        if args.model:
            nlp = load(args.model)
            nlp.get_pipe("aiextract_deals").sources = args.sources
        else:
            nlp = load(config={"deals": {"sources": args.sources}})
        pred = predict(corpus, gold, nlp=nlp)
    if args.min_confidence > 0:
        from aiextract.training.calibration import confident

        for article in pred:
            article["deals"] = confident(article.get("deals") or [], args.min_confidence)
    if args.output:
        args.output.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), "utf-8"
        )
    scores = score(gold, pred)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
        return 0
    print(f"split {args.split}: {len(gold)} articles\n" + format_report(scores))
    print("\nmissed deals by cause\n" + format_causes(miss_causes(gold, pred)))
    if not args.no_errors:
        print("\nmisses and extras (typed)\n" + error_report(corpus, gold, pred))
    return 0


def _refs(corpus: Corpus, args: argparse.Namespace) -> int:
    from aiextract.pipeline import load

    gold = split_gold(corpus, args.split)
    result = reference_scores(corpus, gold, nlp=load(args.model) if args.model else load())
    print(
        f"split {args.split}: {result['mentions']} deal-party mentions that are not names\n"
        f"  resolved to the right entity  {result['correct']}\n"
        f"  resolved to another entity    {result['wrong']}\n"
        f"  left unresolved               {result['unresolved']}\n"
        f"  precision {result['precision']:.3f}   recall {result['recall']:.3f}"
    )
    for case in result["cases"]:
        if args.all or case["verdict"] == "wrong":
            got = " | ".join(case["answers"]) or "-"
            how = f" ({', '.join(case['rules'])})" if case["rules"] else ""
            print(f"  {case['verdict']:<10} {case['id']}  « {case['text'][:60]} »"
                  f" -> {case['party']}; found {got}{how}")  # fmt: skip
    return 0


THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)


def _confidence(corpus: Corpus, args: argparse.Namespace) -> int:
    from aiextract.pipeline import load
    from aiextract.training import calibration

    gold = split_gold(corpus, args.split)
    pred = predict(corpus, gold, nlp=load(args.model) if args.model else load())
    golds = [g["deals"] for g in gold]
    preds = [p.get("deals") or [] for p in pred]
    pairs = calibration.labelled(golds, preds)
    rows, ece = calibration.reliability([d["confidence"] for d, _ in pairs], [y for _, y in pairs])
    curve = calibration.pr_curve(golds, preds, THRESHOLDS)
    print(f"split {args.split}: {len(pairs)} deals found, {sum(y for _, y in pairs)} right\n")
    print(calibration.format_reliability(rows, ece))
    print("\n" + calibration.format_curve(curve))
    if args.plot:
        calibration.plot_curve(curve, args.plot, title=f"typed deals, {args.split} split")
        print(f"\nprecision-recall curve drawn in {args.plot}")
    return 0


def _agreement(corpus: Corpus, second: Path) -> int:
    """The guidelines' scorer, first annotation as gold and the second as prediction."""
    other = read_jsonl(second)
    if not other:
        print(f"no second annotation in {second}", file=sys.stderr)
        return 1
    ids = {o["id"] for o in other}
    gold = [g for g in corpus.gold() if g["id"] in ids]
    print(f"{len(gold)} articles annotated twice\n" + format_report(score(gold, other)))
    return 0
