"""A learned deal without an amount takes the one of the next sentence when that
sentence speaks of the deal just told (``learned.amount_after``): « La transaction porte
sur 420 millions d'euros ».

Every sentence here is invented (Quibix, Ventora)."""

from __future__ import annotations

from aiextract.components.deals.learned import amount_after
from aiextract.components.learned.features import doc_features

TEXT = (
    "Quibix va reprendre la société lyonnaise Ventora. "
    "La transaction porte sur 420 millions d'euros. "
    "Le groupe réalise un chiffre d'affaires de 50 millions d'euros. "
    "Cette opération a été annoncée lundi. "
    "Quibix emploie 300 personnes pour 80 millions d'euros de ventes."
)


def test_the_next_sentence_about_the_deal_gives_its_amount(nlp) -> None:
    doc = nlp(TEXT)
    feats = doc_features(doc)
    assert len(feats.sentences) == 5
    amount = amount_after(doc, feats.sentences, 1, feats.mentions, "acquisition")
    assert amount is not None
    assert (float(amount["value"]), amount["currency"]) == (420_000_000, "EUR")
    # a sentence about the company, not the deal; one about the deal without an amount;
    # an amount with no deal noun; no sentence at all
    for n in (2, 3, 4, 5):
        assert amount_after(doc, feats.sentences, n, feats.mentions, "acquisition") is None
