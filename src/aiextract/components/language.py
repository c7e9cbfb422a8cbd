"""The language check: marks an article that is not French and drops what was read in it.

It runs last, after the deals: it writes ``doc._.language`` (``"fr"``, ``"en"``, ``"zh"``…
or ``None`` when the text is too short to tell) and ``doc._.language_score``, and when
the language is not one of ``languages`` it empties the results according to
``on_other`` and adds a line to ``doc._.warnings``. The detection itself is the pure
function :func:`aiextract.langcheck.detect_language` (docs/robustness.md).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.extensions import (
    DATES_KEY,
    MONEY_KEY,
    ORGS_KEY,
    PEOPLE_KEY,
    PRODUCTS_KEY,
    doc_text,
    register_extensions,
)
from aiextract.langcheck import DEFAULT_CANDIDATES, detect_language, load_identifier

ON_OTHER = ("empty", "no_deals", "keep")
_MENTION_KEYS = (ORGS_KEY, PEOPLE_KEY, PRODUCTS_KEY, MONEY_KEY, DATES_KEY)


class LanguageCheck:
    """Set ``doc._.language`` and keep foreign articles from yielding junk."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        languages: list[str],
        min_score: float,
        on_other: str,
        windows: int,
        window_chars: int,
        candidates: list[str] | None,
        fast_path: bool = True,
    ) -> None:
        if on_other not in ON_OTHER:
            raise ValueError(f"on_other must be one of {ON_OTHER}, not {on_other!r}")
        if windows < 1 or window_chars < 1:
            raise ValueError("windows and window_chars must be at least 1")
        register_extensions()
        self.name = name
        self.languages = frozenset(languages)
        self.min_score = min_score
        self.on_other = on_other
        self.windows = windows
        self.window_chars = window_chars
        self.fast_path = fast_path
        self.candidates = tuple(candidates) if candidates else DEFAULT_CANDIDATES
        missing = self.languages - set(self.candidates)
        if missing:
            raise ValueError(f"languages {sorted(missing)} are not among the candidates")
        load_identifier(self.candidates)  # load the model now (0.5 s), not on the first doc

    def __call__(self, doc: Doc) -> Doc:
        guess = detect_language(
            doc_text(doc),
            windows=self.windows,
            window_chars=self.window_chars,
            candidates=self.candidates,
            fast_path=self.fast_path,
        )
        doc._.language = guess.language
        doc._.language_score = guess.score
        if (
            guess.language is None
            or guess.language in self.languages
            or guess.score < self.min_score
            or self.on_other == "keep"
        ):
            return doc
        if self.on_other == "empty":
            for key in _MENTION_KEYS:
                if key in doc.spans:
                    doc.spans[key] = []
            dropped = "no mentions or deals extracted"
        else:
            dropped = "no deals extracted"
        doc._.deals = []
        expected = "/".join(sorted(self.languages))
        warning = (
            f"language: the article looks written in {guess.language!r} "
            f"(score {guess.score:.2f}), not {expected!r}: {dropped}"
        )
        doc._.warnings = [*(doc._.warnings or []), warning]
        return doc


@Language.factory(
    "aiextract_language",
    default_config={
        "languages": ["fr"],
        "min_score": 0.5,
        "on_other": "empty",
        "windows": 3,
        "window_chars": 150,
        "candidates": None,
        "fast_path": True,
    },
)
def make_language(
    nlp: Language,
    name: str,
    *,
    languages: list[str] = ["fr"],  # noqa: B006  (spaCy configs give lists)
    min_score: float = 0.5,
    on_other: str = "empty",
    windows: int = 3,
    window_chars: int = 150,
    candidates: list[str] | None = None,
    fast_path: bool = True,
) -> LanguageCheck:
    """The language check, run after the other aiextract components.

    ``languages``: the languages read (ISO 639-1); ``min_score``: the share of the
    sampled text another language needs before the article counts as foreign;
    ``on_other``: ``"empty"`` (nothing but the language and a warning), ``"no_deals"``
    (mentions kept, deals dropped) or ``"keep"`` (only marked); ``windows`` ×
    ``window_chars``: the sample classified; ``candidates``: the languages the model
    may answer (None: about thirty major ones); ``fast_path``: a window full of French
    function words is French without the model (data/language_cues.tsv).
    """
    return LanguageCheck(
        nlp,
        name,
        languages=languages,
        min_score=min_score,
        on_other=on_other,
        windows=windows,
        window_chars=window_chars,
        candidates=candidates,
        fast_path=fast_path,
    )
