"""Pure normalisation functions: amounts, dates, names. No spaCy import here."""
