"""The words of a document as plain lists, read once per document for the deal rules.

The deal rules look at the same few hundred words many times per sentence (the words
before a name, the determiners of a description, the verbs between a subject and its
verb). Reading them through ``Token`` objects means a Python object and a string lookup
per look; here ``Doc.to_array`` is read once and every hash is turned into its string
through a process-wide table, so a look is a list index.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import (
    DEP,
    HEAD,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    POS,
    SENT_START,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

_ATTRS = [LOWER, LEMMA, POS, DEP, HEAD, IS_LOWER, IS_PUNCT, MORPH, SENT_START, IS_SPACE]
SENT_START_COLUMN, IS_SPACE_COLUMN = 8, 9  # in read_array's array
_FINAL = frozenset(".!?…:;")  # a sentence cut after these stays cut
# hash -> string, shared by all documents (hashes do not depend on the vocab); cleared
# when it grows past _MAX_CACHED so that a long run over many texts keeps flat memory
_MAX_CACHED = 500_000
_LOWS: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}
_DEPS: dict[int, str] = {}
_FEATS: dict[int, dict[str, tuple[str, ...]]] = {}
_EMPTY: dict[str, tuple[str, ...]] = {}
_POS: dict[int, str] = dict(POS_NAMES)  # a copy: _read never writes to spaCy's table


def normalise(text: str) -> str:
    """Lower case, typographic apostrophe as ``'``, no surrounding space."""
    return text.lower().replace("’", "'").strip()


def read_array(doc: Doc) -> numpy.ndarray:
    """The raw attribute array the columns are made from (LOWER and LEMMA first,
    SENT_START and IS_SPACE at SENT_START_COLUMN and IS_SPACE_COLUMN)."""
    return doc.to_array(_ATTRS)


def _read(hashes: list[int], table: dict[int, str], strings: StringStore, convert) -> Sequence[str]:
    """The strings of ``hashes`` through ``table`` (filled from ``strings`` on a miss)."""
    if len(hashes) == 1:  # itemgetter of one key gives the value, not a tuple
        return _read(hashes * 2, table, strings, convert)[:1]
    try:  # the common case: every word seen before
        return operator.itemgetter(*hashes)(table)
    except KeyError:
        pass
    if len(table) > _MAX_CACHED:
        table.clear()
    out = []  # one by one, so that a table cleared meanwhile by another thread is no harm
    for h in hashes:
        text = table.get(h)
        if text is None:
            text = table[h] = convert(strings[h])
        out.append(text)
    return out


def _parse_feats(text: str) -> dict[str, tuple[str, ...]]:
    feats: dict[str, tuple[str, ...]] = {}
    for item in text.split("|"):
        if "=" in item:
            name, values = item.split("=", 1)
            feats[name] = tuple(values.split(","))
    return feats


@dataclass
class Columns:
    """One list per attribute, indexed by token position."""

    low: Sequence[str]  # normalise(token.text)
    lemma: Sequence[str]  # token.lemma_.lower()
    pos: Sequence[str]
    dep: Sequence[str]
    head: list[int]  # the head's position
    is_lower: list[int]  # 1 or 0
    is_punct: list[int]
    # hash of the morphological analysis, left a numpy column (read by ``feats``)
    morph: Sequence[int] = field(compare=False)
    strings: StringStore | None = None
    doc: Doc | None = None
    _kids: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: Doc, arr: numpy.ndarray | None = None) -> Columns:
        """The columns of ``doc``; ``arr`` is ``read_array(doc)`` when already read."""
        if not len(doc):
            return cls([], [], [], [], [], [], [], [], doc.vocab.strings, doc)
        if arr is None:
            arr = read_array(doc)
        strings = doc.vocab.strings
        # column by column: ``arr[:, :8].T.tolist()`` is twice as slow
        heads = (numpy.arange(len(doc)) + arr[:, 4].view(numpy.int64)).tolist()
        return cls(
            low=_read(arr[:, 0].tolist(), _LOWS, strings, normalise),
            lemma=_read(arr[:, 1].tolist(), _LEMMAS, strings, str.lower),
            pos=_read(arr[:, 2].tolist(), _POS, strings, str),
            dep=_read(arr[:, 3].tolist(), _DEPS, strings, str),
            head=heads,
            is_lower=arr[:, 5].tolist(),
            is_punct=arr[:, 6].tolist(),
            morph=arr[:, 7],
            strings=strings,
            doc=doc,
        )

    def kids(self, i: int) -> list[int]:
        """The positions of token ``i``'s children, in text order (``Token.children``)."""
        found = self._kids.get(i)
        if found is None:
            found = self._kids[i] = [c.i for c in self.doc[i].children]
        return found

    def ancestors(self, i: int, limit: int) -> list[int]:
        """The positions above token ``i``, nearest first, at most ``limit``."""
        out = []
        head = self.head
        while len(out) < limit and head[i] != i:
            i = head[i]
            out.append(i)
        return out

    def feats(self, i: int) -> dict[str, tuple[str, ...]]:
        """Token ``i``'s morphological features, {"VerbForm": ("Fin",), ...}."""
        key = int(self.morph[i])
        found = _FEATS.get(key)
        if found is None:
            if len(_FEATS) > _MAX_CACHED:
                _FEATS.clear()
            found = _FEATS[key] = _parse_feats(self.strings[key]) if key else _EMPTY
        return found

    def has(self, i: int, feature: str, value: str) -> bool:
        """``value in doc[i].morph.get(feature)``."""
        return value in self.feats(i).get(feature, ())


def text_sentences(doc: Doc, arr: numpy.ndarray | None = None) -> list[Span]:
    """Sentences as a reader sees them: the parser's, glued back where it cut without
    final punctuation, and cut at line breaks. ``arr`` is ``read_array(doc)`` if read."""
    if not len(doc):
        return []
    if arr is None:
        arr = read_array(doc)
    spaces = arr[:, IS_SPACE_COLUMN].tolist()
    starts = {0}
    for i in numpy.nonzero(arr[:, IS_SPACE_COLUMN])[0].tolist():
        if "\n" in doc[i].text:
            starts.add(i + 1)
    for i in numpy.nonzero(arr[:, SENT_START_COLUMN] == 1)[0].tolist():
        if i == 0 or i in starts:
            continue
        prev = doc[i - 1].text
        before = doc[i - 2].text if i >= 2 else prev
        if prev in _FINAL or spaces[i - 1] or (prev in '»")' and before in _FINAL):
            starts.add(i)
    bounds = sorted(s for s in starts if s < len(doc))
    spans = []
    for a, b in zip(bounds, [*bounds[1:], len(doc)], strict=True):
        if b - a == 1 and spaces[a]:
            continue
        spans.append(Span(doc, a, b))
    return spans


_DOC_CACHE = threading.local()  # one entry per thread: (doc, array, columns, sentences)


def doc_columns(doc: Doc) -> tuple[numpy.ndarray, Columns, list[Span]]:
    """``read_array(doc)``, its ``Columns`` and ``text_sentences``, made once per document
    and shared by the components that read them (entities, then deals): a one-entry cache
    per thread holding the doc itself, as ``extensions.doc_text`` does. The components
    after the parser change no token attribute, so the columns stay true."""
    cached = getattr(_DOC_CACHE, "entry", None)
    if cached is None or cached[0] is not doc or len(cached[2].low) != len(doc):
        arr = read_array(doc)
        cached = _DOC_CACHE.entry = (doc, arr, Columns.from_doc(doc, arr), text_sentences(doc, arr))
    return cached[1], cached[2], cached[3]


def cached_columns(doc: Doc) -> tuple[numpy.ndarray, Columns, list[Span]] | None:
    """What ``doc_columns`` made for ``doc``, if it was made (None otherwise)."""
    cached = getattr(_DOC_CACHE, "entry", None)
    if cached is None or cached[0] is not doc or len(cached[2].low) != len(doc):
        return None
    return cached[1], cached[2], cached[3]
