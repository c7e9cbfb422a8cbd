"""spaCy glue: one module per component. Importing this package registers the factories."""

from aiextract.components import dates, deals, entities, language, learned, money, orgs

__all__ = ["dates", "deals", "entities", "language", "learned", "money", "orgs"]
