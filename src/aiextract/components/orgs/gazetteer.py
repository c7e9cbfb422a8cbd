"""The gazetteer: well-known organisations and products (``data/gazetteer.tsv``, plus
the user's rows), their forms, and the phrase matcher that finds them in a doc."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from aiextract.lexicon import load_table, load_table_file
from aiextract.normalize.names import name_key

GAZETTEER_COLUMNS = ("name", "aliases", "type", "maker", "category", "flags")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: canonical name, org or product, maker, flags."""

    name: str
    type: str
    maker: str
    category: str
    ambiguous: bool


def load_rows(path: str | None, extend: bool) -> list[dict[str, str]]:
    """The built-in rows, the user's file at ``path``, or both (``extend``)."""
    rows: list[dict[str, str]] = []
    if path is None or extend:
        rows.extend(dict(r) for r in load_table("gazetteer.tsv"))
    if path is not None:
        user = [dict(r) for r in load_table_file(path)]
        if not all("name" in r for r in user):
            raise ValueError(
                f"gazetteer {path!r} needs a header line with at least a 'name' column "
                f"(columns: {', '.join(GAZETTEER_COLUMNS)})"
            )
        rows.extend(user)
    return rows


class Gazetteer:
    """Gazetteer rows with their entries, the forms that name each entry (exact and by
    name key), and a case-sensitive ``PhraseMatcher`` over the forms."""

    def __init__(self, nlp: Language, rows: Iterable[dict[str, str]]) -> None:
        """Keep ``rows`` (dicts with the TSV columns) and build the forms and matcher."""
        self.rows = [
            {k: (r.get(k) or "").strip() for k in GAZETTEER_COLUMNS} for r in rows if r.get("name")
        ]
        self.entries: list[Entry] = []
        self.forms: dict[str, int] = {}
        self.keys: dict[tuple[str, ...], int] = {}
        for row in self.rows:
            entry = Entry(
                name=row["name"],
                type=row["type"] or "org",
                maker=row["maker"],
                category=row["category"],
                ambiguous="ambiguous" in row["flags"].split(","),
            )
            index = len(self.entries)
            self.entries.append(entry)
            forms = [row["name"], *(a for a in row["aliases"].split("|") if a.strip())]
            for form in forms:
                form = form.strip()
                variants = {form}
                # « openai » in a garbled title; not « l'expansion » for « L'Expansion »
                bare = form[2:] if form[1:2] in ("'", "’") else form
                if len(form) >= 5 and any(c.isupper() for c in bare[1:]) and " " not in form:
                    variants.add(form.lower())
                if len(form.rsplit(" ", 1)[-1]) == 1 and form[-1].isupper():
                    variants.add(form + ".")  # the tokenizer keeps « X. », « Station F. »
                for v in variants:
                    self.forms[v] = index  # later rows (user rows) win
                self.keys.setdefault(name_key(form), index)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_entry: dict[int, list[str]] = {}
        for form, index in self.forms.items():
            by_entry.setdefault(index, []).append(form)
        for index, forms in by_entry.items():
            self.matcher.add(f"aiextract_gaz_{index}", list(nlp.tokenizer.pipe(forms)))
        # The matcher's match id (a string hash) -> the index of its entry.
        self.match_index = {nlp.vocab.strings[f"aiextract_gaz_{i}"]: i for i in by_entry}
        self.org_names = {e.name for e in self.entries if e.type == "org"}

    def lookup(self, text: str) -> Entry | None:
        """The gazetteer entry written ``text`` exactly, else by key (case/accents)."""
        index = self.forms.get(text)
        if index is None:
            key = name_key(text)
            index = self.keys.get(key) if key else None
            # A key match on a one-word name must not turn common words into companies.
            if index is not None and len(key) == 1 and text.islower():
                index = None
        return None if index is None else self.entries[index]
