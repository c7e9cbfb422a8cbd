"""Benchmark scripts, run from the project root: ``python -m benchmarks.bench_pipeline``."""
