"""Keep lower-case hyphenated words whole: « start-up », « capital-risque ».

spaCy's French tokenizer cuts a hyphenated word at its hyphens unless the word is in its
own list. « La start-up lyonnaise Ventora lève 12 M€ » then becomes « La start », « - »,
« up lyonnaise Ventora », « lève ... »: four sentences, and the company is no longer the
subject of « lève ». The model's training treebanks write such words as one token, and
parse them well so. ``keep_hyphenated_words`` adds one alternative to the tokenizer's
``token_match``: lower-case words of letters joined by hyphens, whose last part is not a
pronoun or demonstrative (``data/hyphen_clitics.tsv``: « dit-il », « allons-y », « ce
jour-là » are still cut). Capitalised words (« Rolls-Royce », « Président-directeur », a
sentence's first « Start-up ») and numbers (« 2021-01 ») are left as they were: a
capitalised whole would look like a name. The pattern is saved with the
tokenizer by ``nlp.to_disk``.
"""

from __future__ import annotations

import re

from spacy.language import Language

from aiextract.lexicon import load_table

_LOWER = "a-zàâäçéèêëîïôöùûüÿœæ"
_HYPHEN = "-\u2011"  # hyphen-minus, non-breaking hyphen


def hyphenated_word_pattern() -> str:
    """The regular expression (case-sensitive, anchored) of the words kept whole."""
    clitics = sorted((row["form"] for row in load_table("hyphen_clitics.tsv")), key=len)
    ending = "|".join(re.escape(c) for c in reversed(clitics))
    return f"(?-i:^(?!.*[{_HYPHEN}](?:{ending})$)[{_LOWER}]+(?:[{_HYPHEN}][{_LOWER}]+)+$)"


def keep_hyphenated_words(nlp: Language) -> Language:
    """Make ``nlp``'s tokenizer keep lower-case hyphenated words whole (idempotent)."""
    ours = hyphenated_word_pattern()
    current = nlp.tokenizer.token_match
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is not None and ours in pattern:
        return nlp
    if current is None:
        nlp.tokenizer.token_match = re.compile(ours).match
    elif pattern is None:
        raise TypeError("the tokenizer's token_match is not a regular expression's match")
    else:
        flags = current.__self__.flags & ~re.UNICODE  # inline flags stay in the pattern
        nlp.tokenizer.token_match = re.compile(f"{pattern}|{ours}", flags).match
    return nlp
