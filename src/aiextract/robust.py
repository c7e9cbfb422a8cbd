"""Make any input text safe for the pipeline: clean it, cut it when it is too long.

``clean_text`` removes what the model should never see (NUL bytes, control characters,
HTML tags) and keeps every other character where it was: offsets found in the cleaned
text are valid in the original one, except after a decoded HTML entity (``&amp;``), the
only change that shortens the text. ``split_text`` cuts a text longer than
``CHUNK_CHARS`` at paragraph, line, sentence or word boundaries, so that the model's
memory stays flat whatever the article's size; ``is_prose`` tells the pieces worth the
model's time from runs of digits, symbols and function words; ``merge_articles`` puts
the chunks' results back together with offsets in the whole text.
No spaCy import: these are pure functions (docs/robustness.md).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from aiextract.lexicon import load_table
from aiextract.records import Article, Deal

__all__ = ["clean_text", "is_prose", "merge_articles", "split_text"]

CHUNK_CHARS = 20_000  # a longer text goes through the model in pieces of at most this
BATCH_CHARS = 100_000  # at most this many characters in one batch through the model
MAX_CHARS = 10_000_000  # default size limit of one article (``max_chars``)
PROSE_MIN_CHARS = 2_000  # shorter pieces always go through the model
PROSE_MIN_SHARE = 0.2  # prose has 50-70 % of its characters in content words

# A content word: four letters or more, not one of the commonest function words.
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_FUNCTION_WORDS = frozenset(row["form"] for row in load_table("function_words.tsv"))

# C0 and C1 control characters except tab, line feed and carriage return; DEL; lone
# surrogates (they cannot be written out as UTF-8). Each becomes one space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|cite|code|div|dl|dd|dt|em"
    "|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input"
    "|label|li|link|main|meta|nav|noscript|ol|option|p|pre|q|s|script|section|select"
    "|small|source|span|strong|style|sub|sup|svg|table|tbody|td|tfoot|th|thead|time"
    "|title|tr|u|ul|video"
)

# Content that is never text: comments, scripts, styles (bounded, so no runaway scan).
_HIDDEN = re.compile(
    r"""
      <!--[\s\S]{0,100000}?-->                              # a comment
    | <(script|style)\b[^<>]{0,2000}>[\s\S]{0,200000}?</\1\s*>  # a script or a style block
    """,
    re.IGNORECASE | re.VERBOSE,
)

# One tag of a known HTML element, or a doctype; attributes bounded, no nested <>.
_TAG = re.compile(
    rf"""
      <!doctype[^<>]{{0,2000}}>
    | </?(?:{_TAG_NAMES})\b(?:[^<>"']|"[^"]{{0,2000}}"|'[^']{{0,2000}}'){{0,2000}}/?>
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Tags that end a block: they become a line break so that paragraphs stay apart.
_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote"
    r"|title|figcaption|hr)\b",
    re.IGNORECASE,
)

# A named or numeric character reference, with its semicolon.
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match; a line break first when it ends a block."""
    text = match.group(0)
    if _BLOCK.match(text):
        return "\n" + " " * (len(text) - 1)
    return " " * len(text)


def _entity(match: re.Match[str]) -> str:
    out = _CONTROL.sub(" ", html.unescape(match.group(0)))
    return " " if out == "\u00a0" else out


def clean_text(text: str) -> str:
    """``text`` ready for the model.

    Control characters (NUL, form feed, escape, C1 codes...) become spaces; when the text
    holds HTML tags, each tag becomes as many spaces (a line break first for block tags
    like ``<p>`` or ``<br>``), comments, scripts and styles too. Character references
    (``&amp;``, ``&#233;``, ``&nbsp;``) are decoded: only they change the length.
    """
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if "<" in text:
        text = _HIDDEN.sub(_blank, text)
        text = _TAG.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return text


# Cut points, best first: a blank line, a line break, a sentence end, a space.
_CUTS = (
    re.compile(r"\n[ \t\u00a0]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…»][ \t\u00a0\u202f]+"),
    re.compile(r"\s+"),
)


def is_prose(text: str) -> bool:
    """False for a long piece that is mostly digits, symbols or function words (« de de
    1 00 de … »): the model would spend seconds on it and find nothing.

    >>> is_prose("12 de 00 de 4 " * 500), is_prose("Vernalis lève des fonds. " * 100)
    (False, True)
    """
    if len(text) < PROSE_MIN_CHARS:
        return True
    content = sum(len(w) for w in _CONTENT_WORD.findall(text) if w.lower() not in _FUNCTION_WORDS)
    return content >= PROSE_MIN_SHARE * len(text)


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pairs that cover ``text`` exactly, each chunk at most ``limit``
    characters, cut at the best boundary in the second half of each window."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    chunks: list[tuple[int, str]] = []
    pos = 0
    while len(text) - pos > limit:
        end = pos + limit
        cut = end  # no boundary at all: a hard cut
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(text, pos + limit // 2, end)]
            if ends:
                cut = ends[-1]  # the spaces stay at the end of the chunk
                break
        chunks.append((pos, text[pos:cut]))
        pos = cut
    chunks.append((pos, text[pos:]))
    return chunks


def _shift_deal(deal: Deal, offset: int) -> Deal:
    return replace(
        deal,
        start=None if deal.start is None else deal.start + offset,
        end=None if deal.end is None else deal.end + offset,
    )


def _unique_names(names: Iterable[str], *, drop_partial: bool) -> list[str]:
    """Names once each (case-insensitively), in order; with ``drop_partial``, a name whose
    words all belong to a longer kept name (« Altman » beside « Sam Altman ») is dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    if not drop_partial:
        return out
    words = [set(re.findall(r"\w+", n.casefold())) for n in out]
    return [
        name
        for i, name in enumerate(out)
        if not any(j != i and words[i] < words[j] for j in range(len(out)))
    ]


def merge_articles(parts: list[tuple[int, Article]], doc_id: str | None = None) -> Article:
    """One article from the articles of a text's chunks, given with their offsets."""
    if not parts:
        return Article(id=doc_id)
    first = parts[0][1]
    merged = Article(id=doc_id if doc_id is not None else first.id, published=first.published)
    deal_keys: set[tuple[object, ...]] = set()
    for offset, part in parts:
        merged.money.extend(
            replace(m, start=m.start + offset, end=m.end + offset)  # type: ignore[operator]
            for m in part.money
        )
        merged.dates.extend(
            replace(d, start=d.start + offset, end=d.end + offset)  # type: ignore[operator]
            for d in part.dates
        )
        for deal in part.deals:
            key = (
                deal.type,
                frozenset(deal.parties),
                deal.amount,
                deal.date,
                deal.certainty,
            )
            if key not in deal_keys:  # the same deal told again in a later chunk
                deal_keys.add(key)
                merged.deals.append(_shift_deal(deal, offset))
    # the language of most chunks (the first one's on a tie); warnings once each
    votes = Counter(part.language for _, part in parts if part.language) or Counter([None])
    merged.language = max(votes, key=votes.__getitem__)
    scores = [p.language_score for _, p in parts if p.language == merged.language]
    known = [s for s in scores if s is not None]
    merged.language_score = round(sum(known) / len(known), 3) if known else None
    merged.warnings = list(dict.fromkeys(w for _, p in parts for w in p.warnings))
    merged.orgs = _unique_names((o for _, p in parts for o in p.orgs), drop_partial=False)
    merged.people = _unique_names((n for _, p in parts for n in p.people), drop_partial=True)
    return merged
