"""Who supplies in a contract: the party the article describes as a maker or a supplier.

« Tesla a signé un accord de cinq ans avec Yahua, un fournisseur chinois de lithium »,
« le constructeur Valtor a conclu un contrat avec Kelvia »: the text tells no direction
where the deal is told, but the description of a party does (``deal_cues.tsv`` key
``supplier_noun``: « fournisseur », « fabricant », « constructeur », « équipementier »,
« prestataire »...). A contract of one buyer and one supplier whose buyer alone is so
described, in a sentence of the deal, is turned round: that party supplies.

Pure functions over a parsed ``Doc``, its ``MentionIndex`` and the deal dicts.
"""

from __future__ import annotations

from spacy.tokens import Doc

from aiextract.components.deals.mentions import Mention
from aiextract.components.deals.role_tables import cue_words
from aiextract.components.learned.features import doc_mentions

_SKIPPED = ("DET", "ADJ", "PUNCT")
_AROUND = 4  # words at most between a name and its description


def orient_by_description(doc: Doc, deals: list[dict]) -> list[dict]:
    """``deals`` with each two-sided contract whose buyer alone is described as a
    supplier turned round (the dicts are changed in place)."""
    mentions, _sentences = doc_mentions(doc)
    for deal in deals:
        if deal.get("type") != "contract" or "start" not in deal:
            continue
        buyers = [p for p in deal["parties"] if p["role"] == "buyer"]
        suppliers = [p for p in deal["parties"] if p["role"] == "supplier"]
        if len(buyers) != 1 or len(suppliers) != 1:
            continue
        span = doc.char_span(deal["start"], deal["end"], alignment_mode="expand")
        if span is None:
            continue
        named = mentions.in_span(span.start, span.end)
        if _described(doc, named, buyers[0]["name"]) and not _described(
            doc, named, suppliers[0]["name"]
        ):
            buyers[0]["role"], suppliers[0]["role"] = "supplier", "buyer"
    return deals


def _described(doc: Doc, named: list[Mention], name: str) -> bool:
    """Is a mention of ``name`` among ``named`` described by a supplier noun right
    before it (« le fabricant X ») or in an apposition right after it (« X, un
    fournisseur chinois de lithium »)?"""
    nouns = cue_words("supplier_noun")
    for mention in named:
        if mention.name != name:
            continue
        k = mention.start - 1
        while k >= max(0, mention.start - _AROUND) and doc[k].pos_ in ("DET", "ADJ"):
            k -= 1
        if k >= 0 and doc[k].lemma_.lower() in nouns:
            return True
        if mention.end < len(doc) and doc[mention.end].text == ",":
            for k in range(mention.end + 1, min(len(doc), mention.end + 1 + _AROUND)):
                if doc[k].lemma_.lower() in nouns:
                    return True
                if doc[k].pos_ not in _SKIPPED:
                    break
    return False
