"""How ``aiextract extract`` scales: articles per second and peak memory by corpus size.

For each corpus size and each ``--n-process``, the command line's extract path
(``aiextract.cli.main``) runs in a fresh Python process on a JSONL corpus of that many
articles (the seeds and the dev corpus, repeated and shuffled: ``benchmarks/corpus.py``).
Printed for each run:

- articles/s: articles over the seconds from the model loaded to the output closed
  (model loading is left out: it is paid once per run, whatever the corpus size);
- peak RSS of the largest process (``os.wait4``: the main process, or a worker);
- peak memory of the whole process tree (the sum of the processes' PSS, sampled with
  psutil every 0.2 s; shared pages are counted once per sharer's share), when psutil
  is installed.

Memory that does not grow from 500 to 2,000 articles is what streaming promises.

    python -m benchmarks.bench_scale                       # 500 and 2,000, 1 and 2 processes
    python -m benchmarks.bench_scale --sizes 50 --processes 1
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import build_corpus

ROOT = Path(__file__).resolve().parent.parent

# Runs in the child: times the extract command from the model loaded to its end.
DRIVER = """
import json, sys, time
import aiextract.cli as cli

argv, report = json.loads(sys.argv[1]), sys.argv[2]
times = {}
load = cli._load

def timed_load(model):
    nlp = load(model)
    times["loaded"] = time.perf_counter()
    return nlp

cli._load = timed_load
code = cli.main(argv)
seconds = time.perf_counter() - times.get("loaded", time.perf_counter())
with open(report, "w") as handle:
    json.dump({"code": code, "seconds": seconds}, handle)
"""


@dataclass
class Run:
    """The figures of one run."""

    articles: int
    n_process: int
    seconds: float
    max_rss_mb: float
    tree_mb: float | None
    deals: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def write_corpus(path: Path, n_articles: int) -> Path:
    """A JSONL corpus of ``n_articles`` shipped texts, repeated and shuffled, unique ids."""
    with path.open("w", encoding="utf-8") as handle:
        for n, text in enumerate(build_corpus(n_articles)):
            handle.write(json.dumps({"id": f"a{n:06d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _watch_tree(pid: int, peak: list[float], stop: threading.Event) -> None:
    """Sample the summed PSS (else RSS) of ``pid`` and its children into ``peak[0]``."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        total = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                try:
                    info = proc.memory_full_info()
                    total += getattr(info, "pss", 0) or info.rss
                except psutil.Error:
                    continue
        except psutil.Error:
            break
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.2)


def run_once(corpus: Path, out: Path, n_process: int, batch_size: int, fmt: str) -> Run:
    """One ``aiextract extract`` run in a fresh process; its time and memory."""
    report = out.with_suffix(".report.json")
    argv = [
        "extract", str(corpus), "-o", str(out), "--overwrite", "-q", "--no-progress",
        "--n-process", str(n_process), "--batch-size", str(batch_size), "--format", fmt,
    ]  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, json.dumps(argv), str(report)], cwd=ROOT)
    peak, stop = [0.0], threading.Event()
    watcher = threading.Thread(target=_watch_tree, args=(proc.pid, peak, stop), daemon=True)
    watcher.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"aiextract extract failed with status {proc.returncode}")
    result = json.loads(report.read_text())
    n_articles = sum(1 for _ in corpus.open(encoding="utf-8"))
    deals = 0
    if fmt == "jsonl":
        with out.open(encoding="utf-8") as handle:
            deals = sum(len(json.loads(line)["deals"]) for line in handle)
    return Run(
        articles=n_articles,
        n_process=n_process,
        seconds=result["seconds"],
        max_rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        tree_mb=peak[0] or None,
        deals=deals,
    )


def report(sizes: list[int], processes: list[int], batch_size: int = 32, fmt: str = "jsonl") -> str:
    """Run every size with every process count; the figures as a text table."""
    lines = [
        f"aiextract extract, JSONL corpus in, {fmt} out, batch size {batch_size}",
        f"{'articles':>9}{'n-process':>11}{'seconds':>10}{'articles/s':>12}"
        f"{'max RSS MB':>12}{'tree MB':>10}{'deals':>8}",
    ]
    with tempfile.TemporaryDirectory(prefix="aiextract-bench-") as tmp:
        for size in sizes:
            corpus = write_corpus(Path(tmp) / f"corpus_{size}.jsonl", size)
            for n_process in processes:
                out = Path(tmp) / f"out_{size}_{n_process}.{fmt}"
                run = run_once(corpus, out, n_process, batch_size, fmt)
                tree = f"{run.tree_mb:.0f}" if run.tree_mb else "-"
                lines.append(
                    f"{run.articles:>9}{run.n_process:>11}{run.seconds:>10.1f}"
                    f"{run.rate:>12.2f}{run.max_rss_mb:>12.0f}{tree:>10}{run.deals:>8}"
                )
                print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "csv", "parquet", "duckdb"))
    args = parser.parse_args(argv)
    print(report(args.sizes, args.processes, args.batch_size, args.format))


if __name__ == "__main__":
    main()
