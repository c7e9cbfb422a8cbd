"""Features of the learned steps, read from what the model and the rules left on a doc.

Pure functions of a ``Doc`` (and the ``Columns``, sentences and mentions the other steps
share): no weights here. A sentence is described by its token vectors (``doc.tensor``,
the model's own context vectors), its words' static vectors, counts of what the earlier
steps found in it, and a bag of its lemmas and lemma pairs in which every name, amount
and date is replaced by its kind (« lever @MONEY auprès de @ORG »). A mention in a
sentence is described by its own and its governor's vectors and by its syntax: its
dependency, its governor, the words that introduce it, its kind.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from aiextract.components.columns import Columns, doc_columns
from aiextract.components.deals.cues import linear_marker
from aiextract.components.deals.mentions import MentionIndex
from aiextract.records import DEAL_TYPES, ROLES_BY_TYPE
from aiextract.records import ROLES as RECORD_ROLES

# Label orders of the trained weights: never reorder without retraining.
TYPES = tuple(sorted(DEAL_TYPES))
ROLES = ("none", *RECORD_ROLES)
# The roles a type allows (docs/GUIDELINES.md), in a fixed order.
TYPE_ROLES = {t: tuple(r for r in RECORD_ROLES if r in ROLES_BY_TYPE[t]) for t in DEAL_TYPES}
TENSOR_WIDTH = 96  # fr_core_news_md's token vectors; other widths are cut or padded
VECTOR_WIDTH = 300  # its static vectors
_COUNTS = 8
SENTENCE_WIDTH = 2 * TENSOR_WIDTH + VECTOR_WIDTH + _COUNTS + len(TYPES)
MENTION_WIDTH = 3 * TENSOR_WIDTH + VECTOR_WIDTH + 2 * len(TYPES)
_TENSOR_SCALE = 0.1  # token vectors run to about ±5; static vectors are made unit length
_MIX = numpy.uint64(0x9E3779B97F4A7C15)
_ORG, _PER, _MONEY, _DATE, _REF = (
    numpy.uint64(get_string_id(k)) for k in ("@ORG", "@PER", "@MONEY", "@DATE", "@REF")
)


# feature string -> its hash, shared by all documents; cleared past _MAX_IDS entries so
# that a long run keeps flat memory
_MAX_IDS = 500_000
_IDS: dict[str, int] = {}


def string_ids(words: list[str]) -> numpy.ndarray:
    """The string hashes of ``words`` (``get_string_id``, remembered per process)."""
    ids = list(map(_IDS.get, words))
    if None in ids:
        if len(_IDS) > _MAX_IDS:
            _IDS.clear()
        for k, word in enumerate(words):
            if ids[k] is None:
                ids[k] = _IDS[word] = get_string_id(word)
    return numpy.array(ids, dtype="uint64")


def token_vectors(doc: Doc) -> numpy.ndarray:
    """``doc.tensor`` as ``(len(doc), TENSOR_WIDTH)`` float32 (zeros without one)."""
    tensor = doc.tensor
    out = numpy.zeros((len(doc), TENSOR_WIDTH), dtype="float32")
    if tensor is not None and getattr(tensor, "ndim", 0) == 2 and tensor.shape[0] == len(doc):
        width = min(TENSOR_WIDTH, tensor.shape[1])
        out[:, :width] = tensor[:, :width] * _TENSOR_SCALE
    return out


def static_vectors(doc: Doc, lower: numpy.ndarray) -> numpy.ndarray:
    """The static vector of each token's lower-case form, unit length (zeros when
    unknown)."""
    vectors = doc.vocab.vectors
    out = numpy.zeros((len(doc), VECTOR_WIDTH), dtype="float32")
    if vectors.shape[0] == 0 or vectors.shape[1] != VECTOR_WIDTH or not len(doc):
        return out
    rows = numpy.asarray(vectors.find(keys=lower))
    known = rows >= 0
    out[known] = _unit_table(vectors)[rows[known]]
    return out


_UNIT: dict[int, tuple[object, numpy.ndarray]] = {}


def _unit_table(vectors) -> numpy.ndarray:
    """The vectors table scaled to unit length, made once per table and process."""
    data = vectors.data
    cached = _UNIT.get(id(vectors))
    if cached is None or cached[0] is not data:
        table = numpy.asarray(data, dtype="float32")
        norms = numpy.linalg.norm(table, axis=1, keepdims=True)
        cached = _UNIT[id(vectors)] = (data, table / numpy.maximum(norms, 1e-6))
    return cached[1]


@lru_cache(maxsize=1)
def trigger_words() -> dict[str, frozenset[str]]:
    """The head word of each trigger of ``data/deal_triggers.tsv`` (its inflected forms
    too) -> the deal types it may trigger."""
    from aiextract.components.deals.candidates import head_forms, load_triggers

    found: dict[str, set[str]] = {}
    for trigger in load_triggers():
        words = trigger.form.replace("'", "' ").replace("’", "' ").split()
        head = words[min(trigger.head, len(words) - 1)].rstrip("'")
        for form in head_forms(trigger, head):
            found.setdefault(form, set()).add(trigger.type)
    return {form: frozenset(types) for form, types in found.items()}


def token_triggers(cols: Columns) -> list[frozenset[str]]:
    """Per token, the deal types its word may trigger (empty for most)."""
    words = trigger_words()
    empty: frozenset[str] = frozenset()
    lows, lemmas = cols.low, cols.lemma
    return [words.get(lows[i]) or words.get(lemmas[i]) or empty for i in range(len(lows))]


@dataclass
class DocFeatures:
    """What the learned steps read of one doc, computed once."""

    tensor: numpy.ndarray
    static: numpy.ndarray
    symbols: numpy.ndarray  # per token: the lemma hash, or the kind of what it is part of
    triggers: list[frozenset[str]]  # per token: the deal types its word may trigger
    mentions: MentionIndex
    cols: Columns
    sentences: list[Span]

    @classmethod
    def read(
        cls, doc: Doc, arr: numpy.ndarray, mentions: MentionIndex, sentences: list[Span]
    ) -> DocFeatures:
        symbols = arr[:, 1].astype("uint64").copy()
        for key, symbol in (("money", _MONEY), ("dates", _DATE)):
            for span in doc.spans.get(key, ()):
                symbols[span.start : span.end] = symbol
        for mention in mentions.mentions:
            symbols[mention.start : mention.end] = _PER if mention.kind == "person" else _ORG
        for i in mentions.ref_heads:
            symbols[i] = _REF
        return cls(
            token_vectors(doc),
            static_vectors(doc, arr[:, 0]),
            symbols,
            token_triggers(mentions.cols),
            mentions,
            mentions.cols,
            sentences,
        )


_CACHE = threading.local()  # one entry per thread: (doc, DocFeatures)


def doc_features(doc: Doc) -> DocFeatures:
    """``DocFeatures.read`` once per document, shared by the learned steps and the deals
    (a one-entry cache per thread, as ``columns.doc_columns``)."""
    cached = getattr(_CACHE, "entry", None)
    if cached is None or cached[0] is not doc or len(cached[1].symbols) != len(doc):
        arr, cols, sentences = doc_columns(doc)
        mentions = MentionIndex.from_doc(doc, arr, cols)
        cached = _CACHE.entry = (doc, DocFeatures.read(doc, arr, mentions, sentences))
    return cached[1]


def cached_features(doc: Doc) -> DocFeatures | None:
    """What ``doc_features`` made for ``doc``, if it was made."""
    cached = getattr(_CACHE, "entry", None)
    if cached is None or cached[0] is not doc or len(cached[1].symbols) != len(doc):
        return None
    return cached[1]


def doc_mentions(doc: Doc) -> tuple[MentionIndex, list[Span]]:
    """The document's mentions and sentences: the learned steps' when they ran, else
    read from the columns the entities step shares (``doc_columns``)."""
    feats = cached_features(doc)
    if feats is not None:
        return feats.mentions, feats.sentences
    arr, cols, sentences = doc_columns(doc)
    return MentionIndex.from_doc(doc, arr, cols), sentences


def _per_sentence(
    positions: list[int], starts: numpy.ndarray, ends: numpy.ndarray
) -> numpy.ndarray:
    """How many of the token ``positions`` fall in each sentence."""
    at = numpy.sort(numpy.asarray(positions, dtype="int64"))
    return numpy.searchsorted(at, ends) - numpy.searchsorted(at, starts)


def named_sentences(feats: DocFeatures) -> list[int]:
    """The numbers of the sentences with a name or a resolved reference in them: the
    only ones a deal can be read from."""
    mentions = feats.mentions
    at = sorted([m.start for m in mentions.mentions] + list(mentions.ref_heads))
    starts = numpy.asarray([s.start for s in feats.sentences], dtype="int64")
    ends = numpy.asarray([s.end for s in feats.sentences], dtype="int64")
    counts = _per_sentence(at, starts, ends)
    return numpy.nonzero(counts)[0].tolist()


def sentence_rows(
    feats: DocFeatures, numbers: list[int] | None = None
) -> tuple[numpy.ndarray, list[numpy.ndarray]]:
    """Dense rows ``(len(numbers), SENTENCE_WIDTH)`` and hashed keys for the sentences
    ``numbers`` (all by default): the mean and maximum of the token vectors, the mean
    static vector of the words, counts of names, amounts, dates and references, and the
    types of the trigger words."""
    if numbers is None:
        numbers = list(range(len(feats.sentences)))
    sentences = [feats.sentences[n] for n in numbers]
    dense = numpy.zeros((len(sentences), SENTENCE_WIDTH), dtype="float32")
    if not sentences:
        return dense, []
    starts = numpy.asarray([s.start for s in sentences], dtype="int64")
    ends = numpy.asarray([s.end for s in sentences], dtype="int64")
    bounds = numpy.empty(2 * len(sentences), dtype="int64")
    bounds[0::2], bounds[1::2] = starts, ends
    lengths = (ends - starts)[:, None].astype("float32")

    def reduce(ufunc, rows: numpy.ndarray) -> numpy.ndarray:
        padded = numpy.vstack((rows, numpy.zeros((1, rows.shape[1]), dtype=rows.dtype)))
        return ufunc.reduceat(padded, bounds, axis=0)[0::2]

    words = (1 - numpy.asarray(feats.cols.is_punct, dtype="float32"))[:, None]
    counted = reduce(numpy.add, words)
    static = numpy.where(
        counted > 0,
        reduce(numpy.add, feats.static * words) / numpy.maximum(counted, 1),
        reduce(numpy.add, feats.static) / lengths,
    )
    dense[:, :TENSOR_WIDTH] = reduce(numpy.add, feats.tensor) / lengths
    dense[:, TENSOR_WIDTH : 2 * TENSOR_WIDTH] = reduce(numpy.maximum, feats.tensor)
    base = 2 * TENSOR_WIDTH
    dense[:, base : base + VECTOR_WIDTH] = static
    mentions = feats.mentions
    base += VECTOR_WIDTH
    counts = numpy.stack(
        [
            _per_sentence([m.start for m in mentions.mentions if m.kind == "org"], starts, ends),
            _per_sentence([m.start for m in mentions.mentions if m.kind == "person"], starts, ends),
            _per_sentence([s.start for s in mentions.money], starts, ends),
            _per_sentence([s.start for s in mentions.dates], starts, ends),
            _per_sentence(mentions.ref_heads, starts, ends),
            (numpy.asarray(numbers) == 0),
            (ends - starts) / 40,
            _per_sentence(
                [m.start for m in mentions.mentions if m.name in mentions.sources], starts, ends
            )
            > 0,
        ],
        axis=1,
    ).astype("float32")
    dense[:, base : base + _COUNTS] = numpy.log1p(counts)
    base += _COUNTS
    triggered = [(i, t) for i, types in enumerate(feats.triggers) if types for t in sorted(types)]
    owner = numpy.searchsorted(ends, [i for i, _t in triggered], side="right")
    extra: dict[int, list[str]] = {}
    lemmas = feats.cols.lemma
    for (i, deal_type), n in zip(triggered, owner.tolist(), strict=True):
        if n < len(sentences) and starts[n] <= i:
            dense[n, base + TYPES.index(deal_type)] = 1.0
            extra.setdefault(n, []).append(f"trigger={deal_type}|{lemmas[i]}")
    keys = []
    for n, (a, b) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        bag = _bag(feats.symbols[a:b])
        if n in extra:
            names = extra[n] + sorted({e.split("|")[0] for e in extra[n]})
            named = string_ids(names)
            bag = numpy.concatenate((bag, named))
        keys.append(bag)
    return dense, keys


def _bag(symbols: numpy.ndarray) -> numpy.ndarray:
    """Unigrams and bigrams of ``symbols``, a run of one kind counted once."""
    if len(symbols) > 1:
        keep = numpy.concatenate(([True], symbols[1:] != symbols[:-1]))
        symbols = symbols[keep]
    with numpy.errstate(over="ignore"):
        pairs = symbols[:-1] * _MIX ^ symbols[1:]
    return numpy.concatenate((symbols, pairs))


@dataclass(frozen=True)
class Slot:
    """A mention that may be a party in a sentence: a name, a reference resolved to one,
    or an unresolved reference read as one of the entities named last before it
    (``how`` is ``"name"``, ``"reference"`` or ``"candidate"``; ``rank``: 0 for the
    most recent of those, 1 for the next...)."""

    sentence: int
    start: int
    end: int
    root: int
    name: str
    kind: str
    how: str
    rank: int = 0
    ref_kind: str = ""


def sentence_slots(feats: DocFeatures, n: int) -> list[Slot]:
    """The names and resolved references of sentence ``n``; sources are never parties."""
    sent = feats.sentences[n]
    mentions = feats.mentions
    slots = [
        Slot(n, m.start, m.end, m.root, m.name, m.kind, "name")
        for m in mentions.in_span(sent.start, sent.end)
        if m.name not in mentions.sources
    ]
    seen = {(s.start, s.name) for s in slots}
    for i in mentions.ref_heads:
        if not sent.start <= i < sent.end:
            continue
        for m in mentions.references(i):
            if (i, m.name) not in seen and m.name not in mentions.sources:
                slots.append(Slot(n, i, i + 1, i, m.name, m.kind, "reference"))
                seen.add((i, m.name))
    named = {s.name for s in slots}
    for ref in mentions.open_refs:
        if not sent.start <= ref.root < sent.end:
            continue
        for rank, m in enumerate(ref.candidates):
            if m.name not in named:
                where = (ref.start, ref.end, ref.root)
                slots.append(Slot(n, *where, m.name, m.kind, "candidate", rank, ref.kind))
    return sorted(slots, key=lambda s: (s.start, s.name))


def slot_rows(
    doc: Doc, feats: DocFeatures, slots: list[Slot], deal_type: str
) -> tuple[numpy.ndarray, list[numpy.ndarray]]:
    """Dense rows ``(len(slots), MENTION_WIDTH)`` and hashed keys, for ``deal_type``."""
    dense = numpy.zeros((len(slots), MENTION_WIDTH), dtype="float32")
    if not slots:
        return dense, []
    keys = []
    cols = feats.cols
    focus = getattr(doc._, "focus", None)
    around: dict[int, _Around] = {}  # what the slots of one sentence share
    for slot in slots:
        if slot.sentence not in around:
            around[slot.sentence] = _Around.read(feats, slot.sentence, deal_type)
    roots = [slot.root for slot in slots]
    heads = [cols.head[r] for r in roots]
    sent_roots = [_sentence_root(around[slot.sentence], slot) for slot in slots]
    dense[:, :TENSOR_WIDTH] = feats.tensor[roots]
    dense[:, TENSOR_WIDTH : 2 * TENSOR_WIDTH] = feats.tensor[heads]
    dense[:, 2 * TENSOR_WIDTH : 3 * TENSOR_WIDTH] = feats.tensor[sent_roots]
    dense[:, 3 * TENSOR_WIDTH : 3 * TENSOR_WIDTH + VECTOR_WIDTH] = feats.static[heads]
    dense[:, MENTION_WIDTH - len(TYPES) + TYPES.index(deal_type)] = 1.0
    for k, slot in enumerate(slots):
        for deal_type_near in feats.triggers[heads[k]]:
            dense[k, MENTION_WIDTH - 2 * len(TYPES) + TYPES.index(deal_type_near)] = 1.0
        keys.append(_slot_keys(doc, feats, slot, around[slot.sentence], deal_type, focus))
    return dense, keys


@dataclass
class _Around:
    """What the slots of one sentence share: its root (-1 when the parse gives it none
    inside the sentence), its organisations and its trigger words of the type."""

    sent: Span
    root: int
    orgs: list
    near: list[int]

    @classmethod
    def read(cls, feats: DocFeatures, n: int, deal_type: str) -> _Around:
        sent = feats.sentences[n]
        head = feats.cols.head
        root = next((i for i in range(sent.start, sent.end) if head[i] == i), -1)
        orgs = [m for m in feats.mentions.in_span(sent.start, sent.end) if m.kind == "org"]
        near = [i for i in range(sent.start, sent.end) if deal_type in feats.triggers[i]]
        return cls(sent, root, orgs, near)


def _sentence_root(around: _Around, slot: Slot) -> int:
    return around.root if around.root >= 0 else slot.root


def _slot_keys(
    doc: Doc,
    feats: DocFeatures,
    slot: Slot,
    around: _Around,
    deal_type: str,
    focus: str | None,
) -> numpy.ndarray:
    sent, others, near = around.sent, around.orgs, around.near
    sent_root = _sentence_root(around, slot)
    cols = feats.cols
    root, head = slot.root, cols.head[slot.root]
    cases = [cols.low[c] for c in cols.kids(root) if cols.dep[c] in ("case", "fixed")]
    passive = any(cols.dep[c] in ("aux:pass", "nsubj:pass") for c in cols.kids(head))
    before = "|".join(cols.low[max(sent.start, slot.start - 2) : slot.start])
    gap = min((i - slot.start for i in near), key=abs, default=None)
    side = "none" if gap is None else ("after" if gap > 0 else "before")
    distance = "none" if gap is None else min(abs(gap) // 3, 4)
    plain = [
        f"dep={cols.dep[root]}",
        f"hdep={cols.dep[head]}",
        f"head={cols.lemma[head]}",
        f"hpos={cols.pos[head]}",
        f"case={'+'.join(cases)}",
        f"marker={linear_marker(doc, slot.start, sent.start, feats.mentions)}",
        f"before={before}",
        f"kind={slot.kind}",
        f"how={slot.how}",
        f"candidate={slot.ref_kind}|{slot.rank}|{slot.kind}",
        f"candidate={slot.ref_kind}|{slot.rank}|{slot.name == focus}",
        f"side={'before' if slot.start < sent_root else 'after'}",
        f"passive={passive}",
        f"headroot={head == sent_root}",
        f"first={bool(others) and others[0].start == slot.start}",
        f"focus={slot.name == focus}",
        f"orgs={min(len(others), 4)}",
        f"trigger={side}",
        f"trigger={side}|{distance}",
        f"trigger_head={deal_type in feats.triggers[head]}",
        *(f"w={w.lower()}" for w in slot.name.split()[:4]),
    ]
    words = [*plain, *(f"{deal_type}|{p}" for p in plain)]
    return string_ids(words)
