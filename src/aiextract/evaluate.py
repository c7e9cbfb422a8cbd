"""Score predicted articles against gold ones, as docs/GUIDELINES.md "Scoring" says.

``score(gold, pred)`` takes article dicts in the guidelines schema (one per article,
paired by ``id``) and returns plain data: for each of ``orgs``, ``people``, ``money``,
``dates``, ``deals_typed`` and ``deals_untyped`` the counts ``tp``, ``fp``, ``fn`` and the
micro-averaged ``precision``, ``recall`` and ``f1``; the accuracies of ``amount``,
``date``, ``roles`` and ``certainty`` on the typed deal matches; and a summary of how the
articles were paired. ``format_report`` prints it as a text table.

Decisions where the guidelines leave room (see docs/cli.md):

- A ratio with a zero denominator is ``0.0`` (nothing found gives precision 0.0, nothing
  to find gives recall 0.0); the counts are always reported next to it.
- A gold article with no prediction counts all its items as misses; a predicted article
  whose id is not in the gold file is listed under ``articles.extra_pred`` and not scored.
- Every matching is one to one. Names, money and dates use a maximum matching (as many
  pairs as possible); deals are paired greedily, best Jaccard first, ties broken by the
  order of the deals in their files.
- ``roles``: over the gold parties of the typed deal matches, the share whose name-matched
  predicted party has the same role (a gold party with no name match counts as wrong).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from aiextract.errors import InputError, json_problem

MONEY_TOLERANCE = Decimal("0.005")  # 0.5 % of the gold value
DEAL_JACCARD = Fraction(1, 2)  # party-name overlap needed for two deals to match
FIELDS = ("orgs", "people", "money", "dates", "deals_typed", "deals_untyped")
DEAL_ATTRIBUTES = ("amount", "date", "roles", "certainty")

G = TypeVar("G")
P = TypeVar("P")

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)  # punctuation, spaces, symbols


# --------------------------------------------------------------------------- names


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words of ``name``, lowercased, without accents or punctuation.

    >>> name_words("L’Oréal S.A.")
    ('l', 'oreal', 's', 'a')
    """
    text = unicodedata.normalize("NFKD", str(name).translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return tuple(w for w in _NON_WORD.split(text) if w)


def names_match(a: str, b: str) -> bool:
    """True when one name's words contain the other's (« Mistral » ~ « mistral AI »)."""
    wa, wb = set(name_words(a)), set(name_words(b))
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa


def _unique_names(names: Iterable[Any]) -> list[str]:
    """Names as a set: duplicates (same words) and empty names dropped, order kept."""
    seen: set[tuple[str, ...]] = set()
    out: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        key = name_words(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


# --------------------------------------------------------------------------- matching


def max_matching(
    gold: Sequence[G], pred: Sequence[P], compatible: Callable[[G, P], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching ``[(gold index, pred index)]`` (augmenting paths).

    Deterministic: gold items are tried in order, each against predictions in order.
    """
    edges = [[j for j, p in enumerate(pred) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _to_decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        dec = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return dec if dec.is_finite() else None


def amounts_match(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Same currency and ``|pred - gold| <= 0.5 % of |gold|`` (a zero gold needs a zero)."""
    if not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        return False
    if gold.get("currency") != pred.get("currency"):
        return False
    g, p = _to_decimal(gold.get("value")), _to_decimal(pred.get("value"))
    if g is None or p is None:
        return False
    return abs(p - g) <= MONEY_TOLERANCE * abs(g)


def _dates_match(gold: Any, pred: Any) -> bool:
    g = gold.get("value") if isinstance(gold, Mapping) else None
    p = pred.get("value") if isinstance(pred, Mapping) else None
    return g == p


# --------------------------------------------------------------------------- deals


def _party_names(deal: Mapping[str, Any]) -> list[str]:
    parties = deal.get("parties") or []
    return _unique_names(p.get("name") for p in parties if isinstance(p, Mapping))


def party_jaccard(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> Fraction:
    """Jaccard overlap of two deals' party names, names paired one to one as for orgs."""
    g, p = _party_names(gold), _party_names(pred)
    if not g and not p:
        return Fraction(0)
    shared = len(max_matching(g, p, names_match))
    return Fraction(shared, len(g) + len(p) - shared)


def match_deals(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], *, typed: bool
) -> list[tuple[int, int]]:
    """One-to-one deal pairs ``[(gold index, pred index)]``: Jaccard >= 0.5 (and the same
    ``type`` when ``typed``), best Jaccard first, ties by gold then prediction order."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if typed and g.get("type") != p.get("type"):
                continue
            jac = party_jaccard(g, p)
            if jac >= DEAL_JACCARD:
                candidates.append((-jac, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _roles(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[int, int]:
    """``(gold parties whose name-matched predicted party has the same role, gold parties)``."""

    def parties(deal: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        seen: set[tuple[str, ...]] = set()
        out = []
        for party in deal.get("parties") or []:
            if not isinstance(party, Mapping) or not isinstance(party.get("name"), str):
                continue
            key = name_words(party["name"])
            if key and key not in seen:
                seen.add(key)
                out.append(party)
        return out

    g, p = parties(gold), parties(pred)
    pairs = max_matching(g, p, lambda a, b: names_match(a["name"], b["name"]))
    correct = sum(1 for i, j in pairs if g[i].get("role") == p[j].get("role"))
    return correct, len(g)


def deal_attributes(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, tuple]:
    """``{attribute: (correct, total)}`` for one matched pair of deals."""
    g_amount, p_amount = gold.get("amount"), pred.get("amount")
    amount_ok = (g_amount is None and p_amount is None) or amounts_match(g_amount, p_amount)
    return {
        "amount": (int(amount_ok), 1),
        "date": (int(gold.get("date") == pred.get("date")), 1),
        "roles": _roles(gold, pred),
        "certainty": (int(gold.get("certainty") == pred.get("certainty")), 1),
    }


# --------------------------------------------------------------------------- scores


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Counts and precision, recall, F1; a zero denominator gives 0.0."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _list(article: Mapping[str, Any] | None, key: str) -> list[Any]:
    value = article.get(key) if article else None
    return list(value) if isinstance(value, list) else []


def score_article(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> dict[str, Any]:
    """Raw counts for one article: ``{field: [tp, fp, fn]}`` and ``{attribute: [ok, n]}``."""
    counts: dict[str, list[int]] = {}

    def add(name: str, n_gold: int, n_pred: int, tp: int) -> None:
        counts[name] = [tp, n_pred - tp, n_gold - tp]

    for key in ("orgs", "people"):
        g, p = _unique_names(_list(gold, key)), _unique_names(_list(pred, key))
        add(key, len(g), len(p), len(max_matching(g, p, names_match)))

    g, p = _list(gold, "money"), _list(pred, "money")
    add("money", len(g), len(p), len(max_matching(g, p, amounts_match)))

    g, p = _list(gold, "dates"), _list(pred, "dates")
    add("dates", len(g), len(p), len(max_matching(g, p, _dates_match)))

    g = [d for d in _list(gold, "deals") if isinstance(d, Mapping)]
    p = [d for d in _list(pred, "deals") if isinstance(d, Mapping)]
    typed = match_deals(g, p, typed=True)
    add("deals_typed", len(g), len(p), len(typed))
    add("deals_untyped", len(g), len(p), len(match_deals(g, p, typed=False)))

    per_type: dict[str, list[int]] = {}
    matched_g, matched_p = {i for i, _ in typed}, {j for _, j in typed}
    for i, deal in enumerate(g):
        row = per_type.setdefault(str(deal.get("type")), [0, 0, 0])
        row[0 if i in matched_g else 2] += 1
    for j, deal in enumerate(p):
        if j not in matched_p:
            per_type.setdefault(str(deal.get("type")), [0, 0, 0])[1] += 1

    attributes = {name: [0, 0] for name in DEAL_ATTRIBUTES}
    for i, j in typed:
        for name, (ok, total) in deal_attributes(g[i], p[j]).items():
            attributes[name][0] += ok
            attributes[name][1] += total
    return {"counts": counts, "attributes": attributes, "per_type": per_type}


def deal_errors(
    gold: Mapping[str, Any], pred: Mapping[str, Any] | None
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """``(misses, extras)`` of one article: gold deals with no typed match, and predicted
    deals with none."""
    g = [d for d in _list(gold, "deals") if isinstance(d, Mapping)]
    p = [d for d in _list(pred, "deals") if isinstance(d, Mapping)]
    typed = match_deals(g, p, typed=True)
    matched_g, matched_p = {i for i, _ in typed}, {j for _, j in typed}
    misses = [d for i, d in enumerate(g) if i not in matched_g]
    extras = [d for j, d in enumerate(p) if j not in matched_p]
    return misses, extras


def _by_id(articles: Iterable[Mapping[str, Any]], which: str) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for n, article in enumerate(articles, 1):
        if not isinstance(article, Mapping):
            raise InputError(f"{which} article {n} is not a JSON object")
        doc_id = article.get("id")
        if doc_id is None:
            raise InputError(f"{which} article {n} has no 'id': articles are paired by id")
        doc_id = str(doc_id)
        if doc_id in out:
            raise InputError(
                f"{which} articles: id {doc_id!r} appears twice; ids must be unique "
                "(aiextract extract keeps a repeated id and marks the repeat in 'warnings':"
                " rename it in the input)"
            )
        out[doc_id] = article
    return out


def score(gold: Iterable[Mapping[str, Any]], pred: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-averaged scores of ``pred`` against ``gold``, articles paired by ``id``.

    Raises ``InputError`` when an article has no id or an id appears twice in one side.
    """
    gold_by_id, pred_by_id = _by_id(gold, "gold"), _by_id(pred, "predicted")
    totals = {name: [0, 0, 0] for name in FIELDS}
    attributes = {name: [0, 0] for name in DEAL_ATTRIBUTES}
    per_type: dict[str, list[int]] = {}
    for doc_id, gold_article in gold_by_id.items():
        result = score_article(gold_article, pred_by_id.get(doc_id))
        for kind, counts in result["per_type"].items():
            row = per_type.setdefault(kind, [0, 0, 0])
            per_type[kind] = [a + b for a, b in zip(row, counts, strict=True)]
        for name, counts in result["counts"].items():
            totals[name] = [a + b for a, b in zip(totals[name], counts, strict=True)]
        for name, (ok, total) in result["attributes"].items():
            attributes[name][0] += ok
            attributes[name][1] += total

    report: dict[str, Any] = {
        "articles": {
            "gold": len(gold_by_id),
            "pred": len(pred_by_id),
            "scored": sum(1 for i in gold_by_id if i in pred_by_id),
            "missing_pred": [i for i in gold_by_id if i not in pred_by_id],
            "extra_pred": [i for i in pred_by_id if i not in gold_by_id],
            "failed_pred": [i for i, a in pred_by_id.items() if i in gold_by_id and a.get("error")],
        }
    }
    for name in FIELDS:
        report[name] = prf(*totals[name])
    report["deals_per_type"] = {kind: prf(*per_type[kind]) for kind in sorted(per_type)}
    report["deal_attributes"] = {
        name: {"correct": ok, "total": total, "accuracy": ok / total if total else 0.0}
        for name, (ok, total) in attributes.items()
    }
    return report


def read_articles(path: str | Path) -> list[dict[str, Any]]:
    """The article dicts of a JSONL file; a broken line raises ``InputError`` with its number."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    articles = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: {json_problem(exc)}") from None
        if not isinstance(article, dict):
            raise InputError(f"{path}:{lineno}: not a JSON object")
        articles.append(article)
    return articles


def score_files(gold_path: str | Path, pred_path: str | Path) -> dict[str, Any]:
    """``score`` of two JSONL files."""
    return score(read_articles(gold_path), read_articles(pred_path))


# --------------------------------------------------------------------------- report

_LABELS = {
    "orgs": "orgs",
    "people": "people",
    "money": "money",
    "dates": "dates",
    "deals_typed": "deals (typed)",
    "deals_untyped": "deals (untyped)",
}


def format_report(scores: Mapping[str, Any]) -> str:
    """A plain text table of ``score``'s result."""
    arts = scores["articles"]
    lines = [
        f"articles: {arts['gold']} gold, {arts['pred']} predicted, {arts['scored']} scored"
        + (f", {len(arts['failed_pred'])} failed" if arts["failed_pred"] else "")
    ]
    if arts["missing_pred"]:
        lines.append(f"no prediction (all counted as misses): {', '.join(arts['missing_pred'])}")
    if arts["extra_pred"]:
        lines.append(f"not in gold (ignored): {', '.join(arts['extra_pred'])}")
    lines.append("")
    header = f"{'':<16} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>9} {'recall':>7} {'f1':>6}"
    lines += [header, "-" * len(header)]
    for name in FIELDS:
        s = scores[name]
        lines.append(
            f"{_LABELS[name]:<16} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}"
            f" {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}"
        )
    lines.append("")
    n_pairs = scores["deals_typed"]["tp"]
    lines.append(f"deal attributes on the {n_pairs} typed matches")
    header = f"{'':<16} {'correct':>7} {'total':>5} {'accuracy':>8}"
    lines += [header, "-" * len(header)]
    for name in DEAL_ATTRIBUTES:
        a = scores["deal_attributes"][name]
        label = "roles (parties)" if name == "roles" else name
        lines.append(f"{label:<16} {a['correct']:>7} {a['total']:>5} {a['accuracy']:>8.3f}")
    per_type = scores.get("deals_per_type") or {}
    if per_type:
        lines += ["", "typed deals per type"]
        header = f"{'':<16} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>9} {'recall':>7} {'f1':>6}"
        lines += [header, "-" * len(header)]
        for kind, s in per_type.items():
            lines.append(
                f"{kind:<16} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5}"
                f" {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}"
            )
    return "\n".join(lines)
