"""Monetary amounts: found in ``doc.text``, normalised, aligned to tokens.

The finding and normalising is pure (:func:`aiextract.normalize.amounts.find_amounts`);
this module only aligns the amounts to tokens and writes ``doc.spans["money"]``, each
span's ``_.money`` holding ``{"value", "currency", "max", "qualifier", "equivalent"}``
(see :mod:`aiextract.extensions`). ``doc.ents`` is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from aiextract.extensions import MONEY_KEY, doc_text, register_extensions
from aiextract.normalize.amounts import find_amounts

LABEL = "MONEY"


class MoneyComponent:
    """Fill ``doc.spans[spans_key]`` with the monetary amounts of the text."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str = MONEY_KEY,
        carry_currency: bool = True,
        default_currency: str | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.carry_currency = carry_currency
        self.default_currency = default_currency

    def __call__(self, doc: Doc) -> Doc:
        found = find_amounts(
            doc_text(doc), carry=self.carry_currency, default_currency=self.default_currency
        )
        spans: list[Span | None] = []
        for item in found:
            span = doc.char_span(item.start, item.end, LABEL, alignment_mode="expand")
            spans.append(span)
        kept: list[Span] = []
        for item, span in zip(found, spans, strict=True):
            if span is None:
                continue
            other = spans[item.equivalent] if item.equivalent is not None else None
            amount = item.amount
            span._.money = {
                "value": str(amount.value),
                "currency": amount.currency,
                "max": None if amount.max is None else str(amount.max),
                "qualifier": amount.qualifier,
                "equivalent": None if other is None else [other.start_char, other.end_char],
            }
            kept.append(span)
        doc.spans[self.spans_key] = kept
        return doc


@Language.factory(
    "aiextract_money",
    default_config={"spans_key": MONEY_KEY, "carry_currency": True, "default_currency": None},
)
def make_money(
    nlp: Language,
    name: str,
    *,
    spans_key: str = MONEY_KEY,
    carry_currency: bool = True,
    default_currency: str | None = None,
) -> MoneyComponent:
    """Monetary amounts in ``doc.spans[spans_key]``.

    ``carry_currency``: a bare amount with a multiplier word (« 10 milliards
    supplémentaires ») takes the currency of its sentence, paragraph or article;
    ``default_currency``: the ISO code given to such an amount when the text names no
    currency at all (None: the amount is dropped).
    """
    return MoneyComponent(
        nlp,
        name,
        spans_key=spans_key,
        carry_currency=carry_currency,
        default_currency=default_currency,
    )
