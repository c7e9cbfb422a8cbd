"""A deal's confidence: the probability that it is right, from what found it.

Each deal is described by a few numbers (``FEATURES``): whether the rules, the learned
steps or both found it, the learned sentence score for its type, the rules' own score,
the learned role scores, whether it has an amount and whether it is hedged. A logistic
regression fitted on the real corpus's dev split (``aiextract train`` refits it; see
docs/learned.md for its reliability table) turns them into a probability. Without a
fitted file the rules' score is kept, and a learned deal's is its sentence score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aiextract.components.learned.pipe import WEIGHTS_DIR

FEATURES = (
    "rules",
    "learned",
    "both",
    "sentence",
    "rule_score",
    "role_score",
    "amount",
    "hedged",
)
SHIPPED = WEIGHTS_DIR / "confidence.json"


def deal_features(
    *,
    rules: bool,
    learned: bool,
    sentence: float,
    rule_score: float,
    role_score: float,
    amount: bool,
    hedged: bool,
) -> list[float]:
    """The numbers of ``FEATURES`` for one deal."""
    return [
        float(rules and not learned),
        float(learned and not rules),
        float(rules and learned),
        sentence,
        rule_score,
        role_score,
        float(amount),
        float(hedged),
    ]


@dataclass
class Calibrator:
    """``p = sigmoid(weights · features + bias)``."""

    weights: list[float]
    bias: float

    def __call__(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def confidence(self, features: Sequence[float]) -> float:
        """The probability as a deal's ``confidence`` shows it (3 decimals)."""
        return round(self(features), 3)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Calibrator | None:
        """The calibrator saved at ``path`` (the shipped one by default), or None."""
        path = Path(path) if path else SHIPPED
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if list(data.get("features", ())) != list(FEATURES):
            return None
        return cls([float(w) for w in data["weights"]], float(data["bias"]))

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), "weights": self.weights, "bias": self.bias}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def fit(
        cls,
        rows: Sequence[Sequence[float]],
        labels: Sequence[int],
        *,
        l2: float = 0.1,
        steps: int = 3000,
        rate: float = 0.5,
    ) -> Calibrator:
        """Logistic regression by gradient descent (ridge ``l2`` on the weights)."""
        import numpy

        x = numpy.asarray(rows, dtype="float64")
        y = numpy.asarray(labels, dtype="float64")
        w = numpy.zeros(x.shape[1])
        b = 0.0
        n = max(1, len(y))
        for _ in range(steps):
            p = 1.0 / (1.0 + numpy.exp(-(x @ w + b)))
            g = p - y
            w -= rate * (x.T @ g / n + l2 * w / n)
            b -= rate * g.mean() if len(y) else 0.0
        return cls([round(float(v), 6) for v in w], round(float(b), 6))
