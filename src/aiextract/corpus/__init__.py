"""The real-article corpus: manifest, texts (git-ignored), gold, splits (corpus/README.md)."""

from aiextract.corpus.drafts import DraftError, check_draft, gold_line
from aiextract.corpus.manifest import (
    SPLITS,
    article_id,
    manifest_line,
    normalise_url,
    split_of,
    url_sha1,
)
from aiextract.corpus.store import Corpus, TextsMissing

__all__ = [
    "SPLITS",
    "Corpus",
    "DraftError",
    "TextsMissing",
    "article_id",
    "check_draft",
    "gold_line",
    "manifest_line",
    "normalise_url",
    "split_of",
    "url_sha1",
]
