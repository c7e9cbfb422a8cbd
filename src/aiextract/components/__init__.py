"""spaCy glue: one module per component. Importing this package registers the factories."""

from aiextract.components import (
    attribute_ruler,
    dates,
    deals,
    entities,
    language,
    learned,
    lemmatizer,
    money,
    orgs,
)

__all__ = [
    "attribute_ruler",
    "dates",
    "deals",
    "entities",
    "language",
    "learned",
    "lemmatizer",
    "money",
    "orgs",
]
