"""Training the learned steps: ``aiextract train`` and the confidence calibration.

- ``data.py``: annotated articles from a gold JSONL, a folder or the real corpus.
- ``loop.py``: the seeded training loop over the two learned steps.
- ``calibration.py``: the confidence calibrator's fit, reliability table, ECE and the
  precision-recall curve over ``min_confidence``.
- ``commands.py``: the ``aiextract train`` and ``aiextract corpus confidence`` glue.

See docs/learned.md.
"""
