"""Throughput with one and two processes: aiextract against bare fr_core_news_md.

On the same texts in the same run, four timings (median over rounds):

- bare ``fr_core_news_md``: ``nlp.pipe(texts, n_process=1)`` and ``n_process=2``;
- aiextract, the user's path: ``extract_many(texts, n_process=1)`` and ``n_process=2``,
  records built (``Article.from_doc``) and turned into JSON dicts, as the CLI does.

It prints tokens per second for each, the single-process ratio aiextract / bare (issue 8
wants at least 0.9) and, for each pipeline, the speed-up of two processes over one (issue 8
wants at least 1.7 for aiextract on 1,000 articles; bare reaches about that).

    python -m benchmarks.bench_processes --articles 1000 --rounds 1
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import spacy

import aiextract
from benchmarks.corpus import build_corpus

BATCH_SIZE = 32


def _median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(n_articles: int, rounds: int, batch_size: int = BATCH_SIZE) -> str:
    """Run the four timings on ``n_articles`` texts and return the printed report."""
    texts = build_corpus(n_articles)
    nlp = aiextract.load()
    bare = spacy.load(aiextract.pipeline.DEFAULT_MODEL)
    n_tokens = sum(len(doc) for doc in bare.tokenizer.pipe(texts))
    # A whole pass of each first: the caches it fills (lemmas, strings, features) are
    # then full for the one-process round and for the workers forked after it alike.
    # Warmed on ten texts only, the one-process round paid for them and two processes
    # looked more than twice as fast (2.14x, session 24).
    for warm in (nlp, bare):
        list(warm.pipe(texts))

    def run_bare(n_process: int) -> Callable[[], object]:
        return lambda: sum(1 for _ in bare.pipe(texts, n_process=n_process, batch_size=batch_size))

    def run_ours(n_process: int) -> Callable[[], object]:
        def run() -> int:
            articles = aiextract.extract_many(
                texts, nlp=nlp, n_process=n_process, batch_size=batch_size
            )
            return sum(len(article.to_dict()) for article in articles)

        return run

    seconds = {}
    for n_process in (1, 2):
        seconds[("bare", n_process)] = _median_seconds(run_bare(n_process), rounds)
        seconds[("aiextract", n_process)] = _median_seconds(run_ours(n_process), rounds)

    lines = [
        f"{len(texts)} articles, {n_tokens:,} tokens, batch size {batch_size}, "
        f"median of {rounds} round(s)",
        f"{'pipeline':<12}{'processes':>10}{'seconds':>10}{'tokens/s':>12}{'articles/s':>12}",
    ]
    for (name, n_process), secs in seconds.items():
        lines.append(
            f"{name:<12}{n_process:>10}{secs:>10.2f}{n_tokens / secs:>12,.0f}"
            f"{len(texts) / secs:>12.1f}"
        )
    ratio_1 = seconds[("bare", 1)] / seconds[("aiextract", 1)]
    ratio_2 = seconds[("bare", 2)] / seconds[("aiextract", 2)]
    lines += [
        "",
        f"throughput ratio aiextract / bare, 1 process:  {ratio_1:.3f}",
        f"throughput ratio aiextract / bare, 2 processes: {ratio_2:.3f}",
        f"speed-up of 2 processes over 1, bare:       "
        f"{seconds[('bare', 1)] / seconds[('bare', 2)]:.2f}",
        f"speed-up of 2 processes over 1, aiextract:  "
        f"{seconds[('aiextract', 1)] / seconds[('aiextract', 2)]:.2f}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args(argv)
    print(report(args.articles, args.rounds, args.batch_size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
