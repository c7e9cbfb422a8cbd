"""Is a deal's confidence a probability? Fit, reliability, ECE, precision-recall.

A predicted deal is right when the guidelines' scorer matches it to a gold deal of the
same type. ``fit`` learns ``confidence.Calibrator`` from the deals of a dev set;
``reliability`` bins the deals by confidence and compares each bin's mean confidence
with its share of right deals; the expected calibration error (ECE) is the mean gap,
weighted by the bins' sizes. ``pr_curve`` gives precision and recall when deals under
each ``min_confidence`` are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiextract.components.deals.confidence import Calibrator
from aiextract.evaluate import match_deals, prf


def labelled(
    golds: Sequence[Sequence[dict[str, Any]]], preds: Sequence[Sequence[dict[str, Any]]]
) -> list[tuple[dict[str, Any], int]]:
    """Every predicted deal with 1 when it matches a gold deal (typed), else 0."""
    out = []
    for gold, pred in zip(golds, preds, strict=True):
        right = {j for _i, j in match_deals(gold, pred, typed=True)}
        out.extend((deal, int(j in right)) for j, deal in enumerate(pred))
    return out


def confident(deals: Sequence[dict[str, Any]], min_confidence: float) -> list[dict[str, Any]]:
    """The deal dicts at or over ``min_confidence``."""
    return [d for d in deals if (d.get("confidence") or 0.0) >= min_confidence]


def recalibrate(preds: Sequence[Sequence[dict[str, Any]]], calibrator: Calibrator) -> None:
    """Give predicted deals the confidence ``calibrator`` gives their ``features`` (as
    the deals component does), without running the pipeline again."""
    for pred in preds:
        for deal in pred:
            if "features" in deal:
                deal["confidence"] = calibrator.confidence(deal["features"])


def fit(
    golds: Sequence[Sequence[dict[str, Any]]], preds: Sequence[Sequence[dict[str, Any]]]
) -> Calibrator:
    """A calibrator for the deals ``preds`` (each with its ``features``)."""
    pairs = [
        (deal["features"], label) for deal, label in labelled(golds, preds) if "features" in deal
    ]
    if not pairs:
        raise ValueError("no predicted deal with features to calibrate on")
    rows, labels = zip(*pairs, strict=True)
    return Calibrator.fit(rows, labels)


def reliability(
    confidences: Sequence[float], labels: Sequence[int], bins: int = 5
) -> tuple[list[dict[str, Any]], float]:
    """Rows ``{low, high, deals, confidence, right}`` per bin of equal width, and the ECE."""
    rows = []
    total = len(labels)
    ece = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [
            (c, y)
            for c, y in zip(confidences, labels, strict=True)
            if low <= c < high or (k == bins - 1 and c == 1.0)
        ]
        if not inside:
            rows.append({"low": low, "high": high, "deals": 0, "confidence": None, "right": None})
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        right = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / max(1, total) * abs(mean - right)
        rows.append(
            {"low": low, "high": high, "deals": len(inside), "confidence": mean, "right": right}
        )
    return rows, ece


def pr_curve(
    golds: Sequence[Sequence[dict[str, Any]]],
    preds: Sequence[Sequence[dict[str, Any]]],
    thresholds: Sequence[float],
) -> list[dict[str, Any]]:
    """Typed deal precision, recall and F1 keeping the deals at or over each threshold."""
    out = []
    for threshold in thresholds:
        tp = fp = fn = 0
        for gold, pred in zip(golds, preds, strict=True):
            kept = confident(pred, threshold)
            pairs = len(match_deals(gold, kept, typed=True))
            tp, fp, fn = tp + pairs, fp + len(kept) - pairs, fn + len(gold) - pairs
        out.append({"min_confidence": threshold, "deals": tp + fp, **prf(tp, fp, fn)})
    return out


def format_reliability(rows: Sequence[dict[str, Any]], ece: float) -> str:
    """A Markdown table of ``reliability`` and its ECE."""
    lines = ["| confidence | deals | mean confidence | share right |", "|---|---|---|---|"]
    for row in rows:
        if not row["deals"]:
            lines.append(f"| {row['low']:.1f}-{row['high']:.1f} | 0 | - | - |")
            continue
        lines.append(
            f"| {row['low']:.1f}-{row['high']:.1f} | {row['deals']} | "
            f"{row['confidence']:.3f} | {row['right']:.3f} |"
        )
    return "\n".join(lines) + f"\n\nexpected calibration error (ECE): {ece:.3f}"


def format_curve(rows: Sequence[dict[str, Any]]) -> str:
    """A Markdown table of ``pr_curve``."""
    lines = ["| min_confidence | deals | precision | recall | F1 |", "|---|---|---|---|---|"]
    lines += [
        f"| {r['min_confidence']:.2f} | {r['deals']} | {r['precision']:.3f} | "
        f"{r['recall']:.3f} | {r['f1']:.3f} |"
        for r in rows
    ]
    return "\n".join(lines)


def plot_curve(rows: Sequence[dict[str, Any]], path: Any, title: str = "") -> None:
    """Draw ``pr_curve`` rows as a picture (needs matplotlib: ``pip install
    "aiextract[plot]"``)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        from aiextract.errors import InputError

        raise InputError('drawing needs matplotlib: pip install "aiextract[plot]"') from None
    fig, ax = plt.subplots(figsize=(5.5, 4.2), dpi=110)
    points: list[tuple[float, float, list[float]]] = []  # thresholds giving one point
    for r in rows:
        if not r["deals"]:
            continue
        if points and (points[-1][0], points[-1][1]) == (r["recall"], r["precision"]):
            points[-1][2].append(r["min_confidence"])
        else:
            points.append((r["recall"], r["precision"], [r["min_confidence"]]))
    ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", color="#1f5f8b")
    for recall, precision, thresholds in points:
        low, high = thresholds[0], thresholds[-1]
        label = f"{low:.2f}" if low == high else f"{low:.2f}-{high:.2f}"
        ax.annotate(
            label, (recall, precision), textcoords="offset points", xytext=(4, 4), fontsize=7
        )
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    ax.set_title(title or "typed deals over min_confidence")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
