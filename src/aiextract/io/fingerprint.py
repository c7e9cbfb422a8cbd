"""A fingerprint of what makes the results: aiextract's code and data, and the model.

A resumed run must not mix the results of two pipelines (an upgrade, an edited gazetteer,
another model): every output record carries ``pipeline_sha1``, and ``extract`` refuses to
continue an output written by another pipeline. The fingerprint is computed without
loading the model (from its package version), so the refusal comes before the model loads.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# Modules that read, write, show or score results, but never change them.
_NOT_RESULTS = ("io/", "cli.py", "__main__.py", "render.py", "dask.py", "evaluate.py", "frame.py")
_SUFFIXES = (".py", ".tsv", ".txt", ".json")


def code_digest() -> str:
    """SHA-1 over aiextract's own files that shape results (components, normalisers,
    language data, pipeline, records), by relative path and content; read afresh at
    each call (a few milliseconds), so a long-lived process sees an edited file."""
    digest = hashlib.sha1()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE).as_posix()
        if path.suffix not in _SUFFIXES or "__pycache__" in relative or not path.is_file():
            continue
        if relative.startswith(_NOT_RESULTS):
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def model_version(model: str) -> str:
    """``name==version`` of an installed model package, or the content hash of a model
    folder's ``meta.json`` and config, or the name alone."""
    folder = Path(model)
    if folder.is_dir():
        digest = hashlib.sha1()
        for name in ("meta.json", "config.cfg"):
            if (folder / name).is_file():
                digest.update((folder / name).read_bytes())
        return f"{folder.resolve()}#{digest.hexdigest()[:12]}"
    try:
        return f"{model}=={importlib.metadata.version(model.replace('_', '-'))}"
    except importlib.metadata.PackageNotFoundError:
        return model


def pipeline_fingerprint(model: str | None = None) -> str:
    """12 hex digits naming the pipeline: aiextract's version, code and data, the model."""
    from aiextract import __version__
    from aiextract.pipeline import DEFAULT_MODEL

    parts = (__version__, code_digest(), model_version(model or DEFAULT_MODEL))
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]
