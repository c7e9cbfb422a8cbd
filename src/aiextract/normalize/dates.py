"""French date expressions: find them in text and normalise them to ISO 8601 values.

Pure functions, no spaCy. Values follow docs/GUIDELINES.md « Dates »: ``2023``, ``2023-11``,
``2023-11-20``, ``2025-Q1``, ``2023-H1``. Relative expressions are resolved against an
explicit publication date (ISO, possibly partial: ``2024``, ``2024-04``); with none, their
value is ``None``. The clock is never read.

- :func:`normalize_date` — one expression (``"en juin dernier"``) to its value.
- :func:`find_dates` — every date mention in a text, as :class:`DateCandidate` (offsets of
  the span without preposition or frame, the full expression to normalise, flags).
- :func:`find_published` — the article's own date printed near its top, if any.

Language data (months, weekdays, prefixes, blockers...) come from ``data/date_lexicon.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from aiextract.lexicon import load_table

# --------------------------------------------------------------------------- lexicon


def _table(kind: str) -> dict[str, str]:
    return {
        row["form"]: row["value"] for row in load_table("date_lexicon.tsv") if row["kind"] == kind
    }


MONTHS = {form: int(v) for form, v in _table("month").items()}
WEEKDAYS = {form: int(v) for form, v in _table("weekday").items()}
SEASONS = {form: int(v) for form, v in _table("season").items()}
ORDINALS = {form: int(v) for form, v in _table("ordinal").items()}
NUMBERS = {form: int(v) for form, v in _table("number").items()}
UNITS = _table("unit")
DIRECTIONS = {form: int(v) for form, v in _table("direction").items()}
DAYWORDS = {form: int(v) for form, v in _table("dayword").items()}
PREFIXES = _table("prefix")
BLOCKERS = frozenset(_table("blocker"))
COUNTERS = frozenset(_table("counter"))
TODAY_VERBS = frozenset(_table("today"))
FUTURE_VERBS = frozenset(_table("future"))


def _char(ch: str) -> str:
    return {"'": "['’]", "’": "['’]", " ": r"\s+"}.get(ch, re.escape(ch))


def _alt(forms: object) -> str:
    """A regex matching any of ``forms`` (longest first), built as a trie so that the
    engine does not try each form in turn; ' matches ’ too, a space any spaces."""
    trie: dict[str, dict] = {}
    for form in forms:  # type: ignore[union-attr]
        node = trie
        for ch in form.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        parts = [_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


def _prefix_token() -> str:
    glued = [f for f in PREFIXES if f.endswith(("'", "-"))]  # d', l', mi-: no space after
    spaced = [f for f in PREFIXES if f not in glued]
    return rf"(?:{_alt(glued)}\s*|{_alt(spaced)}\s+)"


_MONTH = _alt(MONTHS) + r"(?!\w)"
_WEEKDAY = _alt(WEEKDAYS) + r"(?!\w)"
_SEASON = _alt(SEASONS) + r"(?!\w)"
_ORDINAL = _alt(ORDINALS)
_NUMBER = rf"(?:{_alt(NUMBERS)}|\d{{1,2}})"
_UNIT = _alt(UNITS) + r"(?!\w)"
_DIRECTION = _alt(DIRECTIONS) + r"(?!\w)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
_OF_YEAR = r"(?:\s+(?:de\s+l['’]année\s+|de\s+|d['’]\s*)?)"

# « 2011-12 », « 2019-10 »: a year and the next one's last two digits, a span of years
# (an exercise, a season), never a month.
_TWO_YEARS = "(?:" + "|".join(f"{y}-{(y + 1) % 100:02d}" for y in range(1900, 2100)) + ")"

_PATTERN = re.compile(
    rf"""
    (?<![\w/.,+#@&])                    # not inside a word or a number (« -2024 »: see _accept)
    (?P<pre>{_prefix_token()}*)         # prepositions, frames, determiners: outside the span
    (?:
        # 2024-03-05, 2024-03 (a dateline « date 2024-03 »), not « 2011-12 » (two years)
        (?!{_TWO_YEARS}(?![\d-]))
        (?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])(?:-(?P<iso_d>\d\d))?(?![\d-])
      | # 3/04/2024, 03.04.2024, 3-4-24
        (?P<n_d>\d{{1,2}})(?P<n_sep>[/.-])(?P<n_m>\d{{1,2}})(?P=n_sep)(?P<n_y>{_YEAR}|\d\d(?!\d))
      | # [mardi] 20 novembre [2023]
        (?:(?P<f_wd>{_WEEKDAY})\s+)?(?P<f_d>1er|[0-3]?\d)\s+(?P<f_m>{_MONTH})
        (?:\s+(?P<f_y>{_YEAR}))?
      | # janvier 22, 2025 (English order)
        (?P<e_m>{_MONTH})\s+(?P<e_d>[0-3]?\d),\s*(?P<e_y>{_YEAR})
      | # novembre 2023
        (?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR})
      | # premier trimestre 2025, T3 2024, Q1 2025
        (?:(?P<q_o>{_ORDINAL})\s+trimestre|(?P<q_t>[TQ])(?P<q_n>[1-4]))(?!\w)
        (?:{_OF_YEAR}(?P<q_y>{_YEAR}))?
      | # second semestre 2023, S1 2024, H2 2023
        (?:(?P<h_o>{_ORDINAL})\s+semestre|(?P<h_t>[SH])(?P<h_n>[12]))(?!\w)
        (?:{_OF_YEAR}(?P<h_y>{_YEAR}))?
      | # été 2023, hiver dernier
        (?P<s_s>{_SEASON})(?:{_OF_YEAR}(?P<s_y>{_YEAR})|\s+(?P<s_dir>{_DIRECTION}))?
      | # il y a deux ans
        (?P<ago>il\s+y\s+a)\s+(?P<a_n>{_NUMBER})\s+(?P<a_u>{_UNIT})
        (?!\s+(?:que|qu['’]|plus|après|avant|déjà|environ|à\s+peine))
      | # (dans | d'ici) deux ans: accepted only after those prefixes
        (?P<i_n>{_NUMBER})\s+(?P<i_u>{_UNIT})
      | # cette année, ce mois-ci
        (?P<t_det>cette|cet|ce)\s+(?P<t_u>année|an|mois|semaine|trimestre|semestre)
        (?:-ci)?(?![\w-]|\s+-|\s+là)
      | # l'année dernière, le mois prochain, l'an passé
        (?P<r_u>année|an|mois|semaine|trimestre|semestre)\s+(?P<r_dir>{_DIRECTION})
      | # fin de l'année, en début d'année
        (?P<fy>(?:fin|début|milieu|courant|cours|mi-)\s*(?:de\s+l['’]|d['’]\s*)année)
        (?!\s+(?:dernière|prochaine|passée|en\s+cours|\d))
      | # hier, aujourd'hui, demain
        (?P<dw>avant-hier|après-demain|aujourd['’]hui|hier|demain)(?![\w-])
      | # mercredi, mercredi dernier
        (?P<w_d>{_WEEKDAY})(?:\s+(?P<w_dir>dernier|prochain)(?!\w))?
      | # (en) juin, juin dernier
        (?P<m_m>{_MONTH})(?:\s+(?P<m_dir>dernier|prochain)(?!\w))?
      | # 2023
        (?P<y>{_YEAR})
    )
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Every date expression holds a digit or one of these words: the scan starts from them
# and tries the full pattern only at the few word starts just before (a 60-character
# window covers the longest prefix and core), which is many times faster than letting
# the full pattern try every position of the text.
_ANCHOR = re.compile(
    rf"""\d+
      | (?<!\w){_alt([*MONTHS, *WEEKDAYS, *SEASONS, *UNITS, "hier", "demain", "aujourd'hui"])}
        (?!\w)""",
    re.VERBOSE | re.IGNORECASE,
)
_WORD_START = re.compile(r"(?<!\w)\w")
_WINDOW = 60

# Kinds whose value depends on the publication date whatever the groups say.
_RELATIVE_KINDS = frozenset({"ago", "in", "this", "rel", "frame_year", "dayword", "weekday"})


# --------------------------------------------------------------------------- helpers


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'"))


@lru_cache(maxsize=64)
def _parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """``"2024-04"`` -> ``(2024, 4, None)``; anything unreadable -> all ``None``."""
    if not published:
        return None, None, None
    match = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published.strip())
    if not match:
        return None, None, None
    y, m, d = (int(g) if g else None for g in match.groups())
    return y, m, d


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(y: int, m: int, shift: int = 0) -> str:
    index = y * 12 + (m - 1) + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _quarter(y: int, q: int, shift: int = 0) -> str:
    index = y * 4 + (q - 1) + shift
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _half(y: int, h: int, shift: int = 0) -> str:
    index = y * 2 + (h - 1) + shift
    return f"{index // 2:04d}-H{index % 2 + 1}"


def _number(word: str) -> int:
    word = _key(word)
    return int(word) if word.isdigit() else NUMBERS[word]


def _kind(m: re.Match[str]) -> str:
    g = m.group
    for kind, group in (
        ("iso", "iso_y"),
        ("num", "n_d"),
        ("full", "f_d"),
        ("eng", "e_m"),
        ("month_year", "my_m"),
        ("quarter", "q_o"),
        ("quarter", "q_t"),
        ("half", "h_o"),
        ("half", "h_t"),
        ("season", "s_s"),
        ("ago", "ago"),
        ("in", "i_n"),
        ("this", "t_det"),
        ("rel", "r_u"),
        ("frame_year", "fy"),
        ("dayword", "dw"),
        ("weekday", "w_d"),
        ("month", "m_m"),
    ):
        if g(group):
            return kind
    return "year"


def _is_relative(kind: str, m: re.Match[str]) -> bool:
    if kind in _RELATIVE_KINDS or kind == "month":
        return True
    return (
        (kind == "full" and not m.group("f_y"))
        or (kind == "quarter" and not m.group("q_y"))
        or (kind == "half" and not m.group("h_y"))
        or (kind == "season" and not m.group("s_y"))
    )


# --------------------------------------------------------------------------- values


def _value(m: re.Match[str], published: str | None, future: bool) -> str | None:
    """The ISO value of a match of ``_PATTERN``, or ``None`` if it cannot be resolved."""
    g = m.group
    kind = _kind(m)
    py, pm, pd = _parse_published(published)
    pub_day = _day(py, pm, pd) if py and pm and pd else None

    if kind == "iso":
        if not g("iso_d"):
            return _month(int(g("iso_y")), int(g("iso_m")))
        return _day(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
    if kind == "num":
        year = int(g("n_y"))
        year = year + 2000 if year < 100 else year
        return _day(year, int(g("n_m")), int(g("n_d")))
    if kind in ("full", "eng"):
        p = "f" if kind == "full" else "e"
        day = 1 if _key(g(f"{p}_d")) == "1er" else int(g(f"{p}_d"))
        year = int(g(f"{p}_y")) if g(f"{p}_y") else py
        return _day(year, MONTHS[_key(g(f"{p}_m"))], day) if year else None
    if kind == "month_year":
        return _month(int(g("my_y")), MONTHS[_key(g("my_m"))])
    if kind == "year":
        return g("y")
    if kind in ("quarter", "half"):
        p, size, fmt = ("q", 3, _quarter) if kind == "quarter" else ("h", 6, _half)
        rank = ORDINALS[_key(g(f"{p}_o"))] if g(f"{p}_o") else int(g(f"{p}_n"))
        if g(f"{p}_y"):
            return fmt(int(g(f"{p}_y")), 12 // size if rank == -1 else rank)
        if not py:
            return None
        if rank == -1:  # « le dernier trimestre »: the last one before publication
            return fmt(py, (pm - 1) // size + 1, -1) if pm else None
        return fmt(py, rank)
    if kind == "season":
        if g("s_y"):
            return g("s_y")
        start = SEASONS[_key(g("s_s"))]
        if not py:
            return None
        if g("s_dir"):
            if not pm:
                return None
            if DIRECTIONS[_key(g("s_dir"))] < 0:
                return str(py if pm > start else py - 1)
            return str(py if pm < start else py + 1)
        return str(py - 1 if start == 12 and pm and pm <= 3 else py)  # « cet été »
    if kind == "month":
        month = MONTHS[_key(g("m_m"))]
        if not py:
            return None
        direction = DIRECTIONS[_key(g("m_dir"))] if g("m_dir") else 0
        if not pm:
            return None if direction else _month(py, month)
        if direction < 0 or (direction == 0 and not future):
            year = py if (month < pm or (direction == 0 and month == pm)) else py - 1
        else:
            year = py if (month > pm or (direction == 0 and month == pm)) else py + 1
        return _month(year, month)
    if kind == "dayword":
        shift = DAYWORDS[_key(g("dw"))]
        if not pub_day:  # « aujourd'hui » is the publication day, at the grain it is known
            return published if py and shift == 0 else None
        return (dt.date.fromisoformat(pub_day) + dt.timedelta(shift)).isoformat()
    if kind == "weekday":
        if not pub_day:
            return None
        base = dt.date.fromisoformat(pub_day)
        wanted, today = WEEKDAYS[_key(g("w_d"))], base.isoweekday()
        direction = DIRECTIONS[_key(g("w_dir"))] if g("w_dir") else 0
        if direction < 0:
            delta = -((today - wanted) % 7 or 7)
        elif direction > 0:
            delta = (wanted - today) % 7 or 7
        elif future:
            delta = (wanted - today) % 7
        else:
            delta = -((today - wanted) % 7)
        return (base + dt.timedelta(delta)).isoformat()
    if kind == "frame_year":
        return str(py) if py else None
    # ago / in / this / rel: a unit moved from the publication date
    if kind in ("ago", "in"):
        p = "a" if kind == "ago" else "i"
        unit, shift = UNITS[_key(g(f"{p}_u"))], _number(g(f"{p}_n"))
        shift = -shift if kind == "ago" else shift
    elif kind == "this":
        unit, shift = UNITS.get(_key(g("t_u")), "year"), 0
    else:
        unit, shift = UNITS.get(_key(g("r_u")), "year"), DIRECTIONS[_key(g("r_dir"))]
    return _shift(unit, shift, py, pm, pub_day)


def _shift(
    unit: str, shift: int, py: int | None, pm: int | None, pub_day: str | None
) -> str | None:
    """The period ``shift`` ``unit``\\ s away from publication, at the unit's grain.

    Weeks have no ISO grain in the guidelines: a week gives the month of its day.
    """
    if not py:
        return None
    if unit == "year":
        return str(py + shift)
    if unit in ("day", "week"):
        if not pub_day:
            return _month(py, pm) if (pm and unit == "week" and shift == 0) else None
        days = shift * (7 if unit == "week" else 1)
        day = dt.date.fromisoformat(pub_day) + dt.timedelta(days)
        return day.isoformat() if unit == "day" else day.isoformat()[:7]
    if not pm:
        return None
    if unit == "month":
        return _month(py, pm, shift)
    if unit == "quarter":
        return _quarter(py, (pm - 1) // 3 + 1, shift)
    return _half(py, (pm - 1) // 6 + 1, shift)


@lru_cache(maxsize=4096)
def normalize_date(text: str, published: str | None = None, *, future: bool = False) -> str | None:
    """The ISO value of one French date expression, or ``None``.

    ``published`` (ISO, possibly partial) anchors relative expressions; without it they
    give ``None``. ``future`` says the sentence's verb is in the future tense: a bare
    month or weekday then points after the publication date instead of before it.

    >>> normalize_date("fin 2022", None)
    '2022'
    >>> normalize_date("en juin dernier", "2025-01-22")
    '2024-06'
    """
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        return None
    if "d'ici" in _key(match.group("pre")):
        future = True  # « d'ici juin » always looks ahead
    return _value(match, published, future)


# --------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class DateCandidate:
    """A date mention found in a text.

    ``start``/``end`` delimit the span (prepositions and frames left out); ``expr`` is the
    whole expression to give :func:`normalize_date`; ``tense`` says the value depends on the
    verb's tense (bare month or weekday); ``today`` marks « aujourd'hui », a date only when
    it means the day itself (the caller checks the verb).
    """

    start: int
    end: int
    expr: str
    kind: str
    relative: bool
    tense: bool = False
    today: bool = False

    def value(self, published: str | None, *, future: bool = False) -> str | None:
        return normalize_date(self.expr, published, future=future)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«»\"“”(\[•\-–—|]\s*)$")
_PREV_WORD = re.compile(r"([\w'’°.-]+)[\s\u00a0\u202f]*$")
_THOUSANDS_BEFORE = re.compile(r"\d[\s\u00a0\u202f.]$")
_AFTER_NUMBER = re.compile(
    r"""^(?:
        [\s\u00a0\u202f.]\d{3}(?!\d)      # 2 024 000: a number in groups
      | ,\d                               # 2024,5
      | \s?(?:%|€|\$|£|¥|pour\s*cent\b|[kKM]\b|Mds?\b|M€|k€)
    )""",
    re.VERBOSE,
)
_NEXT_WORD = re.compile(r"^[\s\u00a0\u202f]+([\w²-]+)")
_PREFIX_WORDS = re.compile(_prefix_token(), re.IGNORECASE)


def _prefix_tokens(pre: str) -> list[str]:
    return [_key(tok.strip()) for tok in _PREFIX_WORDS.findall(pre)]


def _starts_sentence(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, pos - 3) : pos]))


def _year_ok(text: str, start: int, end: int, has_prefix: bool) -> bool:
    """Context checks of a bare 4-digit number: is it a year, not a count or a name?"""
    before, after = text[max(0, start - 40) : start], text[end : end + 30]
    if _THOUSANDS_BEFORE.search(before) or _AFTER_NUMBER.match(after):
        return False
    nxt = _NEXT_WORD.match(after)
    if nxt and _key(nxt.group(1)) in COUNTERS:
        return False
    if has_prefix:
        return True
    prev = _PREV_WORD.search(before)
    if prev and before.endswith(prev.group(0)):
        word = prev.group(1)
        if _key(word) in BLOCKERS or (word[:1].isupper() and _key(word) not in MONTHS):
            return False  # France 2030, Windows 2000, version 2024, les années 2010
    return True


# A four-digit number right after a day and month (not an amount, not a decimal).
_FOREIGN_YEAR = re.compile(r"[ \t\u00a0\u202f]+\d{4}(?!\d|[,.]\d|\s*(?:%|€|\$))")


def _possible_day(kind: str, m: re.Match[str]) -> bool:
    """False for a day that no calendar has (31 février, 2024-02-30, 31/04/2024); a day
    and month with no year are checked against a leap year (« 29 février » is fine)."""
    if kind == "full" and not m.group("f_y"):
        day = 1 if _key(m.group("f_d")) == "1er" else int(m.group("f_d"))
        return _day(2000, MONTHS[_key(m.group("f_m"))], day) is not None
    return _value(m, None, False) is not None


def _accept(kind: str, m: re.Match[str], text: str, tokens: list[str]) -> bool:
    """Context rules that tell a date from a look-alike."""
    g = m.group
    start = m.start("pre") + len(g("pre"))
    kinds = {PREFIXES.get(t) for t in tokens}
    tail = tokens[-1] if tokens else ""
    before = text[max(0, m.start() - 40) : m.start()]  # a window, not the whole prefix
    if before.endswith("-") and not (kind == "year" and re.search(r"\d{4}-$", before)):
        return False
    if kind in ("year", "month_year", "full", "eng", "quarter", "half", "season"):
        if kind == "year" and not _year_ok(text, start, m.end(), bool(tokens)):
            return False
        year = g("y") or g("my_y") or g("f_y") or g("e_y") or g("q_y") or g("h_y") or g("s_y")
        # the 19th century only with a preposition (« fondée en 1837 ») or a day
        if (
            year
            and not 1900 <= int(year) <= 2100
            and not (1800 <= int(year) < 1900 and (tokens or kind == "full"))
        ):
            return False
        if year and kind != "year" and _AFTER_NUMBER.match(text[m.end() : m.end() + 30]):
            return False
    if kind in ("iso", "num", "full", "eng") and not _possible_day(kind, m):
        return False  # « le 31 février », « 2024-02-30 »: no date at all
    if kind in ("full", "month") and _FOREIGN_YEAR.match(text, m.end()):
        nxt = _NEXT_WORD.match(text[m.end() + 5 : m.end() + 40])
        if not (nxt and _key(nxt.group(1)) in COUNTERS):
            return False  # « le 5 mars 2200 »: the year is out of range, not missing
    if kind in ("quarter", "half"):
        if (g("q_t") or g("h_t")) and not (g("q_y") or g("h_y")):
            return False  # T1, S2 alone: a flat, a model
        word = g("q_t") or g("h_t")
        return not (word and word.islower())
    if kind == "season":
        if not tokens:
            return False  # « a été », a bare « été »
        return bool(g("s_y") or g("s_dir") or tail in ("cet", "ce"))
    if kind == "ago":
        return False  # « il y a deux ans »: a duration back from today (GUIDELINES)
    if kind in ("this", "rel") and _key(g("t_u") or g("r_u")) == "semaine":
        return False  # « cette semaine », « la semaine dernière »: vague (GUIDELINES)
    if kind == "in":
        return tail in ("dans", "d'ici", "d'ici à")
    if kind == "rel":
        return tail in ("l'", "le", "la", "du", "au")
    if kind == "dayword":
        if tail in ("d'", "de", "du", "jusqu'à", "jusqu'au"):
            return False  # l'IA de demain, les géants d'hier
        around = text[max(0, m.start() - 12) : m.end() + 12].lower()
        return "encore" not in around  # « aujourd'hui encore »: nowadays
    if kind in ("weekday", "month"):
        word = g("w_d") or g("m_m")
        direction = g("w_dir") or g("m_dir")
        if len(word) > 1 and word.isupper():
            return False  # MAI, the model
        if word[:1].isupper() and (tokens or not _starts_sentence(text, start)):
            return False  # « Mai » inside a name, « sur Mars »
        if kind == "month":
            return bool(direction) or bool(kinds & {"prep", "frame"})
        if direction:
            return True
        if tail in ("le", "les") or re.search(r"(?:chaque|tous\s+les)\s*$", before, re.I):
            return False  # habitual: « le lundi », « chaque mardi »
        return not re.match(r"\s+gras\b", text[m.end() :], re.I)
    return True


def _span_start(kind: str, m: re.Match[str], tokens: list[str]) -> int:
    """Spans leave prepositions and frames out; relative units keep their determiner."""
    pre = m.group("pre")
    start = m.start("pre") + len(pre)
    if tokens and tokens[-1] == "mi-":
        return start - 3
    if kind == "rel" and tokens and tokens[-1] in ("l'", "le", "la"):
        det = re.search(r"(?:l['’]|le\s+|la\s+)$", pre, re.I)
        return start - len(det.group(0)) if det else start
    return start


def _matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_PATTERN.finditer(text)`` gives, found from the anchors.

    Each word start is tried at most once: a start that failed for one anchor fails for
    the next too (the match does not depend on the anchor), so ``pos`` moves past every
    start already tried. « 1 1 1 … » costs one try per word, not one per word and anchor.
    """
    pos = 0
    for anchor in _ANCHOR.finditer(text):
        lo = max(pos, anchor.start() - _WINDOW)
        while lo <= anchor.start():
            match = None
            for start in _WORD_START.finditer(text, lo, anchor.start() + 1):
                match = _PATTERN.match(text, start.start())
                if match:
                    break
            if match is None:
                break
            yield match
            pos = lo = match.end()
            if match.end() > anchor.start():
                break
        pos = max(pos, anchor.start() + 1)  # every start up to this anchor has been tried


def find_dates(text: str) -> list[DateCandidate]:
    """Every date mention of ``text``, in order, with no overlap."""
    out: list[DateCandidate] = []
    for m in _matches(text):
        kind = _kind(m)
        tokens = _prefix_tokens(m.group("pre"))
        if not _accept(kind, m, text, tokens):
            continue
        start = _span_start(kind, m, tokens)
        expr = text[m.start() : m.end()]
        out.append(
            DateCandidate(
                start=start,
                end=m.end(),
                expr=re.sub(r"[\s\u00a0\u202f]+", " ", expr),
                kind=kind,
                relative=_is_relative(kind, m),
                tense=kind in ("weekday", "month") and not (m.group("w_dir") or m.group("m_dir")),
                today=kind == "dayword" and _key(m.group("dw")) == "aujourd'hui",
            )
        )
    return out


# --------------------------------------------------------------------------- publication

_DAY_KINDS = frozenset({"iso", "num", "full", "eng"})
_PUBLISHED_CUE = re.compile(
    r"(?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|posté)\s*(?:le)?\s*:?\s*$",
    re.IGNORECASE,
)
_DATE_LINE_REST = re.compile(
    rf"""^(?:
        [\s,|\-–—:/•·]+                                   # separators
      | (?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|posté|le|à|par)\b
      | {_WEEKDAY}
      | \d{{1,2}}\s*[h:]\s*\d{{0,2}}(?:\s*min)?(?:\s*(?:UTC|GMT|CET|CEST))?   # a time
    )*$""",
    re.VERBOSE | re.IGNORECASE,
)


def find_published(text: str, *, max_chars: int = 600, max_lines: int = 6) -> str | None:
    """The article's own date, printed near its top, as ``YYYY-MM-DD``; else ``None``.

    Looks only at the first ``max_lines`` non-empty lines starting within ``max_chars``:
    a full date (with a day) after « Publié le » / « Mis à jour le », or alone on its
    line (a weekday, « le » and a time allowed). « Publié » wins over « Mis à jour ».
    """
    found: list[tuple[int, str]] = []
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines or line_start >= max_chars:
            break
        if len(line) > 200:
            continue  # a paragraph, not a date line or a byline
        for cand in find_dates(line):
            if cand.kind not in _DAY_KINDS or cand.relative:
                continue
            value = cand.value(None)
            if value is None:
                continue
            head = line[: cand.start]
            cue = _PUBLISHED_CUE.search(head)
            rest = head + line[cand.end :]
            if cue:
                rank = 0 if "publi" in cue.group(0).lower() else 1
                found.append((rank, value))
            elif _DATE_LINE_REST.match(rest.strip()):
                found.append((2, value))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]
