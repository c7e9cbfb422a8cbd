"""Soak test: a long run with two processes, killed at random moments and resumed.

``--articles`` articles are made by varying the shipped corpora (seeds, dev, dev_b,
held-out: paragraphs shuffled, a numbered wire line on top, so every text is new). The
command line runs over them with ``--n-process 2`` into a JSONL output; the whole run
(its process group) is killed with SIGKILL at ``--kills`` random moments and rerun each
time, which resumes; then it runs to the end. An uninterrupted run over the same input
is the reference. The script checks that every article is in the output exactly once,
with the same record as in the reference, and samples the peak memory (VmHWM) of every
process of the run, reported at 1,000 articles and at the end.

    python -m benchmarks.soak --articles 10000 --kills 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import ROOT

FOLDERS = ("seeds", "tests/data/dev", "tests/data/dev_b", "tests/data/heldout")
CITIES = ("Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Rennes", "Grenoble")


def make_articles(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` distinct articles varied from the shipped ones."""
    rng = random.Random(seed)
    bases = [p.read_text("utf-8") for f in FOLDERS for p in sorted((ROOT / f).glob("*.txt"))]
    articles = []
    for i in range(n):
        paragraphs = [p for p in bases[i % len(bases)].split("\n\n") if p.strip()]
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        line = f"{rng.choice(CITIES)}, dépêche n° {i + 1}."
        articles.append({"id": f"soak-{i:05d}", "text": "\n\n".join([line, *head, *rest])})
    return articles


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return out


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def run(
    inputs: Path, output: Path, *, kill_at: int | None = None, watch: dict | None = None
) -> bool:
    """One run of the CLI; killed (SIGKILL to its group) once the output has ``kill_at``
    lines. Returns True when it was killed. ``watch`` collects peak memory per process."""
    command = [sys.executable, "-m", "aiextract", "extract", str(inputs), "-o", str(output),
               "--n-process", "2", "-q"]  # fmt: skip
    process = subprocess.Popen(command, start_new_session=True, cwd=ROOT)
    while process.poll() is None:
        time.sleep(0.5)
        done = _lines(output)
        if watch is not None:
            peaks = {pid: _peak_mb(pid) for pid in _descendants(process.pid)}
            for pid, peak in peaks.items():
                watch["peaks"][pid] = max(watch["peaks"].get(pid, 0.0), peak)
            if done >= 1000 and "at_1000" not in watch:
                watch["at_1000"] = dict(watch["peaks"])
        if kill_at is not None and done >= kill_at:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return True
    if process.returncode not in (0, 1):
        raise RuntimeError(f"the run failed with status {process.returncode}")
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = folder / "soak.jsonl"
        articles = make_articles(args.articles, args.seed)
        inputs.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles))
        start = time.perf_counter()
        run(inputs, folder / "reference.jsonl")
        reference_seconds = time.perf_counter() - start

        output, watch = folder / "killed.jsonl", {"peaks": {}}
        span = range(args.articles // 10, args.articles * 9 // 10)
        moments = sorted(rng.sample(span, args.kills))
        start = time.perf_counter()
        for moment in moments:
            killed = run(inputs, output, kill_at=moment, watch=watch)
            print(f"killed at {_lines(output):,} articles written" if killed else "ended early")
        run(inputs, output, watch=watch)
        seconds = time.perf_counter() - start

        reference = {r["id"]: r for r in _records(folder / "reference.jsonl")}
        result = _records(output)
        ids = [record["id"] for record in result]
        expected = [a["id"] for a in articles]
        duplicates = len(ids) - len(set(ids))
        lost = len(set(expected) - set(ids))
        different = sum(1 for r in result if r != reference[r["id"]])
        print(
            f"articles in {len(expected):,}, out {len(ids):,}, duplicates {duplicates}, "
            f"lost {lost}, records differing from the uninterrupted run {different}"
        )
        print(
            f"reference run {reference_seconds:.0f} s; killed {len(moments)} times and "
            f"resumed: {seconds:.0f} s in all"
        )
        at_1000 = sorted(round(v) for v in watch.get("at_1000", {}).values() if v)
        at_end = sorted(round(v) for v in watch["peaks"].values() if v)
        print(f"peak memory per process (MB) at 1,000 articles: {at_1000}; at the end: {at_end}")


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


if __name__ == "__main__":
    main()
