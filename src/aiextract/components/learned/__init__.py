"""Learned steps beside the rules: deal sentences and the roles of their names.

- ``features.py``: what a sentence and a mention look like to a model (pure functions).
- ``model.py``: the small scorer network (``aiextract.DealScorer.v1``).
- ``pipe.py``: the ``TrainablePipe`` both steps share, and where shipped weights live.
- ``gold.py``: gold deals as span groups of a reference doc, and training targets.
- ``sentences.py``: ``aiextract_deal_sentences``; ``roles.py``: ``aiextract_deal_roles``.

See docs/learned.md.
"""

from aiextract.components.learned.roles import DealRoles, make_deal_roles
from aiextract.components.learned.sentences import DealSentences, make_deal_sentences

__all__ = ["DealRoles", "DealSentences", "make_deal_roles", "make_deal_sentences"]
