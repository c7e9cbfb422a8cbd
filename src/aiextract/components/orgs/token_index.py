"""Where given strings occur in a doc: one token column sorted once, then each lookup of
a set of string hashes is a binary search."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def hash_array(hashes: Iterable[int]) -> np.ndarray:
    """String hashes as a sorted array, for :meth:`TokenIndex.positions`."""
    return np.array(sorted(hashes), dtype="uint64")


class TokenIndex:
    """Where each string hash of one token column (ORTH or LOWER) occurs in a doc:
    sorted once, then each lookup of a set of hashes is a binary search."""

    def __init__(self, column: np.ndarray) -> None:
        self.order = np.argsort(column, kind="stable")
        self.sorted = column[self.order]

    def positions(self, hashes: np.ndarray) -> list[int]:
        """Token indices, in text order, whose value is one of ``hashes``."""
        if not len(self.sorted) or not len(hashes):
            return []
        left = np.searchsorted(self.sorted, hashes, side="left")
        right = np.searchsorted(self.sorted, hashes, side="right")
        hits = [
            self.order[a:b] for a, b in zip(left.tolist(), right.tolist(), strict=True) if b > a
        ]
        return sorted(np.concatenate(hits).tolist()) if hits else []
