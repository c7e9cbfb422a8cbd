"""Which language is an article written in? A cheap check on a sample of its text.

aiextract reads French; an English or Chinese article would give junk deals (« billion »
read as 10¹², English verbs taken for names). :func:`detect_language` classifies a few
short windows spread over the text with py3langid (a naive Bayes model over byte
n-grams, about 0.3 µs a byte) and returns the language most of the sampled letters are
written in, with the share of them it holds. A window full of French function words
(« le », « des », « dans », data/language_cues.tsv) is French without the model: the
common case costs a few µs. French news full of English company names stays French:
each window is mostly French words. No spaCy import
(docs/robustness.md, « Language »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from aiextract.lexicon import load_table

# Languages a window may be given: the main languages of news on the web. Fewer
# candidates mean fewer confusions of a short French window with a close language
# (Occitan, Catalan, Latin...) and a faster model.
DEFAULT_CANDIDATES = (
    "fr", "en", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs",
    "ro", "hu", "el", "tr", "ru", "uk", "ar", "he", "fa", "hi", "zh", "ja", "ko",
    "vi", "id", "th",
)  # fmt: skip

_SPACE = re.compile(r"\s")
_WORD = re.compile(r"[^\W\d_]+'?")  # a word, with its elision (« l' », « qu' »)


def _cues() -> dict[str, str]:
    return {row["form"]: row["language"] for row in load_table("language_cues.tsv")}


CUES = _cues()  # function word -> "fr" or "en" (data/language_cues.tsv)


@dataclass(frozen=True)
class LanguageGuess:
    """The dominant language of a text (ISO 639-1 code, ``None`` when there is too little
    text to tell), ``score`` the share of sampled letters in windows of that language
    weighted by the model's confidence (0 to 1), and each window's language."""

    language: str | None
    score: float
    windows: tuple[str, ...] = field(default=())


def words_of(window: str) -> list[str]:
    """The words of ``window`` in lower case, with their elision (« l' », « qu' »)."""
    return _WORD.findall(window.lower().replace("’", "'"))


def plainly_french(words: list[str]) -> bool:
    """True when ``words`` (lower case) hold at least 3 French function words (« le »,
    « des », « dans », « l' »…) and four times as many as English ones: a window no
    model is needed for. A few µs, against 0.1 to 1 ms for the model on 150 characters."""
    french = english = 0
    for word in words:
        lang = CUES.get(word)
        if lang == "fr":
            french += 1
        elif lang == "en":
            english += 1
    return french >= 3 and french >= 4 * english


@lru_cache(maxsize=4)
def load_identifier(candidates: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``candidates``, loaded once (about 0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


def _classify(window: str, candidates: tuple[str, ...], prefer: str | None) -> tuple[str, float]:
    """The model's language for one window, a close call going to ``prefer``."""
    ranks = load_identifier(candidates).rank(window)
    lang, confidence = ranks[0]
    if prefer is not None and lang != prefer:
        preferred = dict(ranks).get(prefer, 0.0)
        if preferred >= confidence / 2:
            return prefer, preferred
    return lang, confidence


def sample_windows(text: str, *, windows: int = 3, window_chars: int = 150) -> list[str]:
    """Up to ``windows`` pieces of ``text`` of about ``window_chars`` characters, cut at
    spaces, centred on the middles of ``windows`` equal parts of the text (page menus and
    footers at its very start and end weigh less); the whole text when it is short."""
    text = text.strip()
    if windows < 1 or window_chars < 1:
        raise ValueError("windows and window_chars must be at least 1")
    if len(text) <= windows * window_chars:
        return [text] if text else []
    part = len(text) / windows
    out = []
    for i in range(windows):
        start = max(int(part * (i + 0.5)) - window_chars // 2, 0)
        if start:  # start after a space, so no window opens in the middle of a word
            space = _SPACE.search(text, start, start + 30)
            start = space.end() if space else start
        end = start + window_chars
        space = _SPACE.search(text, end, end + 30)
        out.append(text[start : space.start() if space else end])
    return out


def detect_language(
    text: str,
    *,
    windows: int = 3,
    window_chars: int = 150,
    min_letters: int = 20,
    candidates: tuple[str, ...] = DEFAULT_CANDIDATES,
    fast_path: bool = True,
    prefer: str | None = "fr",
) -> LanguageGuess:
    """The dominant language of ``text`` from ``windows`` samples of ``window_chars``.

    A window with fewer than ``min_letters`` letters is not classified (numbers, a list of
    names); with no window left the language is ``None``. With ``fast_path``, a window
    that is :func:`plainly_french` counts as French with confidence 1 without the model
    (« fr » must be a candidate). A close call goes to ``prefer``, the language the
    library reads: a window where the model gives it at least half the winner's
    probability is in ``prefer`` (« BNP Paribas acquiert la fintech Kantox. » is 0.39
    Spanish, 0.34 French: French).

    >>> detect_language("La start-up lyonnaise a levé douze millions d'euros auprès de ses "
    ...                 "actionnaires historiques.").language
    'fr'
    """
    candidates = tuple(candidates)
    fast_path = fast_path and "fr" in candidates
    votes: dict[str, float] = {}
    langs: list[str] = []
    total = 0
    for window in sample_windows(text, windows=windows, window_chars=window_chars):
        words = words_of(window)
        letters = sum(map(len, words))
        if letters < min_letters:
            continue
        if fast_path and plainly_french(words):
            lang, confidence = "fr", 1.0
        else:
            lang, confidence = _classify(window, candidates, prefer)
        langs.append(lang)
        votes[lang] = votes.get(lang, 0.0) + letters * confidence
        total += letters
    if not votes:
        return LanguageGuess(None, 0.0, tuple(langs))
    best = max(votes, key=votes.__getitem__)
    return LanguageGuess(best, round(votes[best] / total, 3), tuple(langs))
