"""Reading input articles and writing results (``.txt``, ``.jsonl`` for now)."""

from aiextract.io.readers import READERS, check_inputs, iter_inputs, read_jsonl, read_txt
from aiextract.io.writers import WRITERS, JsonlWriter, open_writer

__all__ = [
    "READERS",
    "WRITERS",
    "JsonlWriter",
    "check_inputs",
    "iter_inputs",
    "open_writer",
    "read_jsonl",
    "read_txt",
]
