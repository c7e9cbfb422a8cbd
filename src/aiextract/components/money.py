"""Monetary amounts (placeholder: « N milliards/millions de dollars/d'euros » only)."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc

from aiextract.extensions import MONEY_KEY, register_extensions

_AMOUNT = re.compile(
    r"(\d+(?:,\d+)?)\s+(milliards?|millions?)\s+(de dollars|d'euros|d’euros)"
)
_MULT = {"milliard": Decimal(10) ** 9, "million": Decimal(10) ** 6}


class MoneyComponent:
    """Fill ``doc.spans["money"]``; each span's ``_.money`` holds value and currency."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in _AMOUNT.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), "MONEY")
            if span is None:
                continue
            value = Decimal(match.group(1).replace(",", ".")) * _MULT[match.group(2).rstrip("s")]
            currency = "USD" if "dollar" in match.group(3) else "EUR"
            span._.money = {"value": str(value), "currency": currency, "max": None,
                            "qualifier": None, "equivalent": None}
            spans.append(span)
        doc.spans[MONEY_KEY] = spans
        return doc


@Language.factory("aiextract_money", default_config={})
def make_money(nlp: Language, name: str) -> MoneyComponent:
    return MoneyComponent(nlp, name)
