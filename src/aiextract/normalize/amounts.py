"""Monetary amounts in French text: found and normalised, with no spaCy.

Two entry points:

- :func:`parse_amount` normalises one amount written alone
  (``parse_amount("2,5 Md€") == Amount(Decimal(2500000000), "EUR")``);
- :func:`find_amounts` finds every amount of a whole text, with character offsets:
  ranges (« entre 5 et 10 millions d'euros »), lists (« respectivement 40 et 104
  millions d'euros »), qualifiers (« plus de »), the currency of a bare amount carried
  from its sentence, paragraph or article (« ... et cherche 10 milliards
  supplémentaires »), and conversions linked to each other (« 250 millions de dollars
  (226 millions d'euros) »).

The language data are tables in ``aiextract/data``: ``currencies.tsv``,
``multipliers.tsv``, ``qualifiers.tsv`` and ``amount_context.tsv``. Rules are those of
docs/GUIDELINES.md, « Money »; decisions on vague cases are in docs/money.md.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import text2num

from aiextract.lexicon import load_table

__all__ = ["Amount", "FoundAmount", "find_amounts", "parse_amount", "parse_number"]


@dataclass(frozen=True)
class Amount:
    """A normalised amount: ``value`` in units of ``currency`` (ISO 4217, or None)."""

    value: Decimal
    currency: str | None = None
    max: Decimal | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class FoundAmount:
    """An amount found in a text: ``text == source[start:end]``.

    ``equivalent`` is the index, in the list returned by :func:`find_amounts`, of the
    same amount in another currency (« 250 millions de dollars (226 millions d'euros) »);
    ``carried`` tells that the currency came from the context, not from the mention.
    """

    start: int
    end: int
    text: str
    amount: Amount
    equivalent: int | None = None
    carried: bool = False


# ---------------------------------------------------------------------------------------
# Language data
# ---------------------------------------------------------------------------------------

_SP = r"[\s\u00a0\u202f]"  # any space, non-breaking and narrow no-break included


def _form_pattern(form: str, bounded: bool = True) -> str:
    """A table form as a regex: spaces match any run of spaces, ' matches ’ too.

    ``bounded``: a form that starts with a letter must not follow a letter or a sign.
    """
    parts = [re.escape(p) for p in form.split(" ")]
    pattern = f"{_SP}+".join(parts).replace("'", "['’]")
    if bounded and form[:1].isalnum():
        pattern = r"(?<![\w$€£¥])" + pattern
    if form[-1:].isalnum():
        pattern += r"(?![\w])"
    return pattern


def _alternation(forms: list[str], bounded: bool = True) -> str:
    """Forms as one alternation, longest first."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(_form_pattern(f, bounded) for f in ordered)


def _key(form: str) -> str:
    """Lookup key of a matched form: lower case, one plain space, ' for ’."""
    return " ".join(form.split()).replace("’", "'").lower()


_CURRENCY_ROWS = load_table("currencies.tsv")
_MULTIPLIER_ROWS = load_table("multipliers.tsv")

# Currency words (« dollars canadiens ») by lower-case key; symbols and codes as written.
# Each gives its candidate codes: one, or several settled by the article (« FCFA »).
_CUR_WORDS = {
    _key(r["form"]): tuple(r["code"].split()) for r in _CURRENCY_ROWS if r["kind"] == "word"
}
# Ambiguous names (« livres », « francs »): candidate codes, confirmed by the article.
_CUR_CONTEXT = {
    _key(r["form"]): tuple(r["code"].split()) for r in _CURRENCY_ROWS if r["kind"] == "context"
}
_CUR_SIGNS = {
    " ".join(r["form"].split()): tuple(r["code"].split())
    for r in _CURRENCY_ROWS
    if r["kind"] in ("symbol", "code", "glued")
}
# Signs read only glued to an abbreviated multiplier: « 801,2 ME », « 2 MdE ».
_GLUED = [r["form"] for r in _CURRENCY_ROWS if r["kind"] == "glued"]
# Places that settle an ambiguous currency, as lower-case word tuples (« côte d ivoire »)
# indexed by their first word: one pass over the text's words finds them all.
_WORDS = re.compile(r"\w+")


def _region_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in load_table("currency_regions.tsv"):
        words = tuple(_WORDS.findall(row["cue"].lower()))
        index.setdefault(words[0], []).append((words, row["code"]))
    return index


_REGION_CUES = _region_index()
_SIGNS_BEFORE = [
    r["form"]
    for r in _CURRENCY_ROWS
    if r["kind"] in ("symbol", "code") and r["position"] != "after"
]
_SIGNS_AFTER = [
    r["form"]
    for r in _CURRENCY_ROWS
    if r["kind"] in ("symbol", "code") and r["position"] != "before"
]
_DOLLAR_SIGNS = frozenset(r["form"] for r in _CURRENCY_ROWS if r["form"].endswith("$"))

_MULT_WORDS = {
    _key(r["form"]): (Decimal(r["value"]), r["carry"] == "yes")
    for r in _MULTIPLIER_ROWS
    if r["kind"] == "word"
}
_MULT_ABBRS = {
    r["form"]: (Decimal(r["value"]), r["carry"] == "yes")
    for r in _MULTIPLIER_ROWS
    if r["kind"] == "abbr"
}
_VAGUE = {_key(r["form"]): Decimal(r["value"]) for r in _MULTIPLIER_ROWS if r["kind"] == "vague"}

_QUALIFIERS = {_key(r["form"]): r["qualifier"] for r in load_table("qualifiers.tsv")}
_CONTEXT = {r["word"].lower(): r["kind"] for r in load_table("amount_context.tsv")}


def _words(block: str) -> list[str]:
    """Words written as one readable block."""
    return block.split()


# French number words, read by text2num; only their spelling is needed here.
_NUMBER_WORDS = _words(
    """un une deux trois quatre cinq six sept huit neuf dix onze douze treize
    quatorze quinze seize vingt vingts trente quarante cinquante soixante septante
    huitante octante nonante cent cents mille"""
)

# ---------------------------------------------------------------------------------------
# Regexes, compiled once
# ---------------------------------------------------------------------------------------

_NUMWORD = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

# Where a number starts: digits, number words, « une dizaine de », « (un) demi- »,
# or the definite « le » of « le milliard de dollars ».
_NUMBER = re.compile(
    rf"""
    (?=\d|\b[UuDdTtQqCcSsHhNnOoMmVvLl])      # cheap test first: a digit, or a word that
    (?:                                      # may open a number word, « le » or « demi »
    (?P<digits>
        (?<![\w.,/+])(?<![A-Za-z]-)           # not inside a bigger number, word or code
        (?: \d{{1,3}}(?:[\x20\u00a0\u202f.]\d{{3}})+(?!\d)   # 1 400 000 / 1.400
          | \d+ )
        (?: ,\d+ | \.\d{{1,2}}(?!\d) )?       # 37,5 (French) or 2.5 (English, 1-2 digits)
    )
  | (?P<vague>
        \b(?i:une){_SP}+(?i:{"|".join(_VAGUE)})\b
    )
  | (?P<demi>
        \b(?:(?i:un){_SP}+)?(?i:demi)-(?=(?i:milli))
    )
  | (?P<words>
        \b(?i:{_NUMWORD}(?:(?:[\s\-]+|[\s\-]+et[\s\-]+(?=un\b|une\b|onze\b)){_NUMWORD})*)\b
    )
  | (?P<le>
        \b(?:le|Le)(?={_SP}+(?i:milliard|million)\b)
    )
    )
    """,
    re.VERBOSE,
)

_MULTIPLIER = re.compile(
    rf"""
    {_SP}*
    (?: (?P<word>(?i:{_alternation(list(_MULT_WORDS))}))
      | (?P<abbr>(?:{"|".join(sorted(_MULT_ABBRS, key=len, reverse=True))})(?![a-zà-ÿ0-9]))
    )
    """,
    re.VERBOSE,
)

_AND_HALF = re.compile(rf"{_SP}+et{_SP}+demie?\b", re.IGNORECASE)

_SIGN_AFTER = re.compile(rf"{_SP}*(?P<sign>{_alternation(_SIGNS_AFTER, bounded=False)})")
_SIGN_AFTER_DE = re.compile(  # « 13 milliards de $ », « 500 milliards de F CFA »
    rf"{_SP}+(?i:de){_SP}+(?P<sign>{_alternation(_SIGNS_AFTER, bounded=False)})"
)
_SIGN_GLUED = re.compile(rf"(?P<sign>{_alternation(_GLUED, bounded=False)})")
_SIGN_BEFORE = re.compile(rf"(?P<sign>{_alternation(_SIGNS_BEFORE)}){_SP}?$")

_CUR_WORD = re.compile(
    rf"""
    {_SP}+
    (?P<de> (?i:de){_SP}+ | (?i:d)['’]{_SP}* )?
    (?P<word>(?i:{_alternation([*_CUR_WORDS, *_CUR_CONTEXT], bounded=False)}))
    """,
    re.VERBOSE,
)

# What may join two numbers into a range or a list.
_RANGE_AND = re.compile(rf"^{_SP}+et{_SP}+$")
_RANGE_TO = re.compile(rf"^{_SP}*(?:à|a){_SP}+$")
_RANGE_DASH = re.compile(rf"^{_SP}*[-–—]{_SP}*$")
_LIST_SEP = re.compile(rf"^(?:{_SP}*,{_SP}*|{_SP}+(?:et|ou){_SP}+)$")
_BETWEEN = re.compile(rf"(?<!\w)(?i:entre){_SP}+$")
_FROM = re.compile(rf"(?<!\w)(?i:de|d['’]){_SP}*$")

_QUALIFIER = re.compile(rf"(?P<q>(?i:{_alternation(list(_QUALIFIERS))})){_SP}*$")

# A conversion: « A (B) », « A (soit B) », « A, soit environ B ».
_CONV_OPEN = re.compile(
    rf"""^{_SP}*
    (?: [(\[]{_SP}* | ,?{_SP}*(?i:soit){_SP}+ )
    (?: (?i:soit|environ|env\.|près\s+de|près\s+d['’]|quelque|l['’]équivalent\s+de){_SP}*
      | [~≈]{_SP}* )?
    $""",
    re.VERBOSE,
)

_NEXT_WORD = re.compile(rf"{_SP}+(?P<de>de{_SP}+|d['’]{_SP}*)?(?P<word>[\w\-]+)", re.IGNORECASE)
_DE = re.compile(rf"{_SP}+(?:de{_SP}+|d['’]{_SP}*)", re.IGNORECASE)
# « passé de 5 à 10 millions »: a change, two amounts, not a range.
_CHANGE = re.compile(
    rf"(?i:pass\w*|grimp\w*|bondi\w*|augment\w*|chut\w*|recul\w*|progress\w*|"
    rf"baiss\w*|hauss\w*|relev\w*|abaiss\w*|port\w*|fait\s+pass\w*){_SP}+$"
)
_PLUS_AFTER = re.compile(rf"{_SP}*\+")
_PERCENT_AFTER = re.compile(rf"{_SP}*(?:%|pour{_SP}*cent\b)")

# Sentence ends (approximate and cheap) and paragraph ends.
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\u00a0]+[«\"“(A-ZÀ-Ý0-9])|\n")
_PARAGRAPH_END = re.compile(r"\n")

# A quick test: no digit and no number word means no amount.
_MAYBE = re.compile(rf"\d|\b(?i:{_NUMWORD}|demi|le)\b")

# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


# Longest integer part read as a number: 24 digits, far above any real amount (a
# billiard, 10¹⁵) and within Decimal's 28-digit precision once multiplied.
MAX_DIGITS = 24


@lru_cache(maxsize=4096)
def parse_number(text: str, english: bool = False) -> Decimal | None:
    """A number written in digits (French notation) or in French words, or None.

    ``37,5`` → 37.5, ``1 400`` and ``1.400`` → 1400, ``2.5`` → 2.5 (a dot followed by
    one or two digits is a decimal point), ``trois cents`` → 300. With ``english`` (the
    number follows a dollar sign), ``1,500`` is 1500.
    """
    raw = " ".join(text.split())
    if not raw:
        return None
    if raw[0].isdigit():
        digits = raw.replace(" ", "")
        if english and re.fullmatch(r"\d{1,3},\d{3}", digits):
            digits = digits.replace(",", "")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
            digits = digits.replace(".", "")
        digits = digits.replace(",", ".")
        if len(digits.split(".")[0]) > MAX_DIGITS:
            return None  # 10²⁴ and more: a serial number or a joke, not an amount
        try:
            return Decimal(digits)
        except InvalidOperation:
            return None
    try:
        return Decimal(text2num(raw.lower(), "fr"))
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------------------------------
# Scanning: atoms (one number with its multiplier and currency)
# ---------------------------------------------------------------------------------------


@dataclass
class _Atom:
    start: int
    end: int
    number: Decimal
    kind: str  # digits, words, vague, demi, le
    mult: Decimal | None = None
    mult_kind: str | None = None  # word or abbr
    carry: bool = False  # the multiplier lets a bare amount take a carried currency
    currency: str | None = None
    sign_before: bool = False
    vague: bool = False
    max: Decimal | None = None
    qualifier: str | None = None
    rejected: bool = False
    carried: bool = False
    maybe: tuple[str, ...] = ()  # candidate codes of an ambiguous name (« livres »)
    sure: bool = False  # a currency whatever the article says (« FCFA »): maybe[0] at worst
    listed: bool = False  # took its multiplier from the amount on its right

    @property
    def value(self) -> Decimal:
        return self.number * (self.mult or 1)


def _scale(number: Decimal, mult: Decimal) -> Decimal:
    value = number * mult
    if value == value.to_integral_value() and value.adjusted() < MAX_DIGITS:
        return value.quantize(Decimal(1))
    return value


def _number_of(match: re.Match[str], english: bool) -> Decimal | None:
    kind = match.lastgroup
    if kind == "digits":
        return parse_number(match.group(), english)
    if kind == "words":
        return parse_number(match.group())
    if kind == "vague":
        return _VAGUE[_key(match.group().split()[-1])]
    if kind == "demi":
        return Decimal("0.5")
    return Decimal(1)  # « le milliard »


def _multiplier(text: str, pos: int, atom: _Atom) -> int:
    """Read a multiplier (and « et demi ») at ``pos``; return the new position."""
    if atom.kind == "vague":
        de = _DE.match(text, pos)
        if de is None:
            return pos
        mult = _MULTIPLIER.match(text, de.end())
    else:
        mult = _MULTIPLIER.match(text, pos)
    if mult is None:
        return pos
    if mult.group("word"):
        word = _key(mult.group("word"))
        atom.mult, atom.carry = _MULT_WORDS[word]
        atom.mult_kind = "word"
        if word.startswith("billion") and atom.sign_before:
            atom.mult = Decimal(10) ** 9  # « $1.5 billion »: English order, English scale
        pos = mult.end()
        half = _AND_HALF.match(text, pos)
        if half is not None:
            atom.number += Decimal("0.5")
            pos = half.end()
        return pos
    if atom.kind != "digits":
        return pos  # « un M », « une dizaine de M »: not an amount
    atom.mult, atom.carry = _MULT_ABBRS[mult.group("abbr")]
    atom.mult_kind = "abbr"
    return mult.end()


def _set_currency(atom: _Atom, codes: tuple[str, ...], sure: bool) -> None:
    """Give ``atom`` its currency, or candidates that ``_settle_ambiguous`` settles."""
    atom.currency = codes[0]
    if len(codes) > 1 or not sure:
        atom.maybe, atom.sure = codes, sure


def _currency_after(text: str, pos: int, atom: _Atom) -> int:
    """Read a currency sign, code or name at ``pos``; return the new position."""
    sign = _SIGN_GLUED.match(text, pos) if atom.mult_kind == "abbr" else None
    if sign is None:
        sign = _SIGN_AFTER.match(text, pos)
    if sign is None and atom.mult_kind == "word":
        sign = _SIGN_AFTER_DE.match(text, pos)
    if sign is not None:
        _set_currency(atom, _CUR_SIGNS[" ".join(sign.group("sign").split())], True)
        return sign.end()
    word = _CUR_WORD.match(text, pos)
    if word is None:
        return pos
    with_de = bool(word.group("de"))
    if atom.mult is None:
        needs_de = atom.kind == "vague"  # « une centaine d'euros », « 50 euros »
    elif atom.mult_kind == "word":
        needs_de = atom.mult != 1000  # « 2 milliards de dollars », « 5 mille euros »
    else:
        needs_de = with_de  # « 100 M d'euros » and « 100 M dollars » both seen
    if with_de != needs_de:
        return pos
    key = _key(word.group("word"))
    if key in _CUR_CONTEXT:
        _set_currency(atom, _CUR_CONTEXT[key], False)
    else:
        _set_currency(atom, _CUR_WORDS[key], True)
    return word.end()


def _scan(text: str) -> list[_Atom]:
    """Every number that comes with a multiplier or a currency, left to right.

    Bare numbers in digits are kept too, marked ``rejected``: they may still be the first
    half of a range or a list (« entre 5 et 10 millions »).
    """
    atoms: list[_Atom] = []
    last_end = 0
    for match in _NUMBER.finditer(text):
        start = match.start()
        if start < last_end:
            continue
        kind = match.lastgroup or "digits"
        before = None
        if kind == "digits":
            before = _SIGN_BEFORE.search(text, max(last_end, start - 6), start)
        sign = before.group("sign") if before is not None else None
        number = _number_of(match, sign in _DOLLAR_SIGNS)
        if number is None:
            continue
        atom = _Atom(start=start, end=match.end(), number=number, kind=kind)
        atom.vague = kind == "vague"
        if before is not None and sign is not None:
            atom.start = before.start()
            _set_currency(atom, _CUR_SIGNS[" ".join(sign.split())], True)
            atom.sign_before = True
        pos = _multiplier(text, match.end(), atom)
        if kind in ("demi", "le") and atom.mult is None:
            continue
        if atom.currency is None:
            pos = _currency_after(text, pos, atom)
        atom.end = pos
        if atom.mult is None and atom.currency is None:
            if kind == "digits":
                atom.rejected = True
                atoms.append(atom)
            continue
        if _PLUS_AFTER.match(text, pos) or _PERCENT_AFTER.match(text, pos):
            continue  # « 5M+ » followers, « 2 M % »
        if atom.currency is None and (kind in ("le", "vague") or not atom.carry):
            continue  # « 100 M », « 5G », « le million »: need their own currency
        atoms.append(atom)
        last_end = pos
    return atoms


# ---------------------------------------------------------------------------------------
# Combining atoms: ranges, lists, qualifiers, conversions, carried currencies
# ---------------------------------------------------------------------------------------


def _is_change(text: str, atom: _Atom) -> bool:
    """« est passé de 5 à 10 millions »: the « de » before ``atom`` follows a verb of change."""
    de = _FROM.search(text, max(0, atom.start - 6), atom.start)
    if de is None:
        return False
    return _CHANGE.search(text, max(0, de.start() - 30), de.start()) is not None


def _join(text: str, left: _Atom, right: _Atom) -> str | None:
    """How ``left`` and the amount right after it go together: range, list or None."""
    if left.kind != "digits" or right.rejected or right.max is not None or right.kind == "le":
        return None
    if left.currency is not None and left.currency != right.currency:
        return None
    gap = text[left.end : right.start]
    if _RANGE_AND.match(gap) and _BETWEEN.search(text, max(0, left.start - 8), left.start):
        return "range"
    if _RANGE_TO.match(gap):
        return "list" if _is_change(text, left) else "range"
    if _RANGE_DASH.match(gap) and right.kind == "digits":
        return "range"
    if _LIST_SEP.match(gap) and ("," not in gap or right.listed):
        return "list"  # « 40 et 104 millions », « 10, 20 et 30 millions »; not « 3, 5 M€ »
    return None


def _combine(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join ranges into one atom and give the members of a list their multiplier.

    Works right to left, so that in « 10, 20 et 30 millions d'euros » each number takes
    the multiplier and currency of the complete amount on its right.
    """
    kept: list[_Atom] = []  # right to left
    right: _Atom | None = None
    for atom in reversed(atoms):
        how = _join(text, atom, right) if right is not None else None
        if how == "range" and right is not None:
            mult = atom.mult or right.mult or Decimal(1)
            low = atom.number * mult
            if low <= right.value:
                merged = replace(
                    right,
                    start=atom.start,
                    number=low / (right.mult or Decimal(1)) if right.mult else low,
                    max=right.value,
                    sign_before=atom.sign_before or right.sign_before,
                )
                if not right.mult:
                    merged.mult = None
                kept[-1] = merged
                right = merged
                continue
        elif how == "list" and right is not None and atom.rejected:
            if right.mult is not None and not _looks_like_year(atom):
                atom = replace(
                    atom,
                    mult=right.mult,
                    mult_kind=right.mult_kind,
                    carry=right.carry,
                    currency=right.currency,
                    maybe=right.maybe,
                    sure=right.sure,
                    rejected=False,
                    listed=True,
                )
        elif how == "list" and right is not None and atom.currency is None:
            atom.currency = right.currency  # « passé de 5 millions à 8 millions d'euros »
            atom.maybe, atom.sure = right.maybe, right.sure
        if atom.rejected:
            right = None
            continue
        kept.append(atom)
        right = atom
    return list(reversed(kept))


def _looks_like_year(atom: _Atom) -> bool:
    return atom.number == atom.number.to_integral_value() and 1900 <= atom.number <= 2100


def _qualify(text: str, atom: _Atom) -> None:
    """Set the qualifier written right before the amount, if any."""
    match = _QUALIFIER.search(text, max(0, atom.start - 40), atom.start)
    if match is not None:
        atom.qualifier = _QUALIFIERS.get(_key(match.group("q")))
    elif atom.vague:
        atom.qualifier = "environ"


def _is_count(text: str, atom: _Atom) -> bool:
    """A bare amount followed by a word that makes it a count (« un million de GPU »)."""
    nxt = _NEXT_WORD.match(text, atom.end)
    if nxt is None:
        return False
    word = nxt.group("word").lower()
    if nxt.group("de"):
        return _CONTEXT.get(word) != "money"
    return _CONTEXT.get(word) == "count" or _CONTEXT.get(nxt.group("word")) == "count"


def _settle_ambiguous(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Settle an ambiguous currency by the places the article names (« francs » in an
    article on Lausanne, « $ » in one on Québec companies), else by a code it names
    plainly (« 6 milliards de livres » beside « £ »); a context name left unsettled is
    no amount, a sure sign takes its first code."""
    plain = {a.currency for a in atoms if a.currency is not None and not a.maybe}
    regions: dict[str, int] | None = None
    kept = []
    for atom in atoms:
        if atom.maybe:
            if regions is None:
                regions = _region_counts(text)
            codes = _most_named(atom.maybe, regions)
            if not codes:
                codes = [code for code in atom.maybe if code in plain]
            if not codes and not atom.sure:
                continue
            atom.currency = codes[0] if codes else atom.maybe[0]
        kept.append(atom)
    return kept


def _region_counts(text: str) -> dict[str, int]:
    """How often the article names a place of each currency of currency_regions.tsv."""
    counts: dict[str, int] = {}
    words = _WORDS.findall(text.lower())
    for i, word in enumerate(words):
        for cue, code in _REGION_CUES.get(word, ()):
            if tuple(words[i : i + len(cue)]) == cue:
                counts[code] = counts.get(code, 0) + 1
                break
    return counts


def _most_named(codes: tuple[str, ...], counts: dict[str, int]) -> list[str]:
    """The one candidate whose places the article names most, twice at least (a city
    named in passing settles nothing); none on a tie."""
    ranked = sorted((counts.get(c, 0) for c in codes), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return []
    return [c for c in codes if counts.get(c, 0) == ranked[0]]


def _carry(text: str, atoms: list[_Atom], default_currency: str | None) -> list[_Atom]:
    """Give bare amounts the currency of their sentence, paragraph or article."""
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    paragraph_ends = [m.end() for m in _PARAGRAPH_END.finditer(text)]
    explicit = [a for a in atoms if a.currency is not None]
    article = {a.currency for a in explicit}
    kept: list[_Atom] = []
    for atom in atoms:
        if atom.currency is not None:
            kept.append(atom)
            continue
        if not atom.carry or _is_count(text, atom):
            continue
        sentence = bisect.bisect_right(sentence_ends, atom.start)
        paragraph = bisect.bisect_right(paragraph_ends, atom.start)
        same_sentence = [
            a for a in explicit if bisect.bisect_right(sentence_ends, a.start) == sentence
        ]
        before = [a for a in same_sentence if a.start < atom.start]
        after = [a for a in same_sentence if a.start > atom.start]
        currency = None
        if before:
            currency = before[-1].currency
        elif after:
            currency = after[0].currency
        else:
            in_paragraph = [
                a
                for a in explicit
                if a.start < atom.start
                and bisect.bisect_right(paragraph_ends, a.start) == paragraph
            ]
            if in_paragraph:
                currency = in_paragraph[-1].currency
            elif len(article) == 1:
                currency = next(iter(article))
            else:
                currency = default_currency
        if currency is None:
            continue
        atom.currency = currency
        atom.carried = True
        kept.append(atom)
    return kept


def _to_amount(atom: _Atom) -> Amount:
    value = _scale(atom.number, atom.mult or Decimal(1))
    high = None if atom.max is None else _scale(atom.max, Decimal(1))
    return Amount(value=value, currency=atom.currency, max=high, qualifier=atom.qualifier)


def find_amounts(
    text: str, *, carry: bool = True, default_currency: str | None = None
) -> list[FoundAmount]:
    """Every monetary amount of ``text``, in text order, with character offsets.

    ``carry``: let a bare amount with a multiplier word (« 10 milliards ») take the
    currency of its sentence, else of the preceding amounts of its paragraph, else of
    the article when the article uses one currency only; ``default_currency`` is the last
    resort for such amounts (None: they are dropped).
    """
    if not text or _MAYBE.search(text) is None:
        return []
    atoms = _settle_ambiguous(text, _combine(text, _scan(text)))
    if carry:
        atoms = _carry(text, atoms, default_currency)
    else:
        atoms = [a for a in atoms if a.currency is not None]
    for atom in atoms:
        if atom.max is None:
            _qualify(text, atom)
    found = [
        FoundAmount(
            start=a.start,
            end=a.end,
            text=text[a.start : a.end],
            amount=_to_amount(a),
            carried=a.carried,
        )
        for a in atoms
    ]
    return _link_conversions(text, found)


def _link_conversions(text: str, found: list[FoundAmount]) -> list[FoundAmount]:
    """Point each side of « A (B) » / « A, soit B » to the other when currencies differ."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.amount.currency == second.amount.currency or first.equivalent is not None:
            continue
        gap = text[first.end : second.start]
        if not _CONV_OPEN.match(gap):
            continue
        if "(" in gap or "[" in gap:
            rest = text[second.end : second.end + 3].lstrip(" \u00a0\u202f")
            if not rest.startswith((")", "]")):
                continue
        out[i] = replace(first, equivalent=i + 1)
        out[i + 1] = replace(second, equivalent=i)
    return out


@lru_cache(maxsize=4096)
def parse_amount(text: str) -> Amount | None:
    """The amount written in ``text``, alone (a qualifier or « entre » may precede it).

    ``parse_amount("2,5 Md€") == Amount(Decimal(2500000000), "EUR")``;
    ``parse_amount("10 milliards")`` has no currency; a bare number gives None.
    """
    stripped = text.strip()
    atoms = _settle_ambiguous(stripped, _combine(stripped, _scan(stripped)))
    if len(atoms) != 1:
        return None
    atom = atoms[0]
    head, tail = stripped[: atom.start], stripped[atom.end :]
    if tail.strip(" \u00a0\u202f.,;:)"):
        return None
    if head.strip():
        qualifier = _QUALIFIER.fullmatch(head) if atom.max is None else None
        if qualifier is None and not re.fullmatch(rf"(?i:entre|de|d['’]){_SP}*", head):
            return None
    if atom.mult_kind == "abbr" and atom.currency is None and not atom.carry:
        return None
    if atom.max is None:
        _qualify(stripped, atom)
    return _to_amount(atom)
