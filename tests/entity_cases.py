"""The entity tables (``tests/data/entities/*.tsv``): read a row, run it, say what was found.

Each row holds a short invented passage with one ``[bracketed]`` span and what the
entities step must say of it (see ``docs/entities.md``, « The test tables »):

- ``reference``: the entity name(s) the bracketed reference stands for (``A|B`` for a
  pair), or ``-`` when it must stay unresolved;
- ``name``: the entity a bracketed name belongs to (``-``: grouped with no other name);
- ``source``: ``source`` when the bracketed organisation is cited as the news' source,
  ``party`` when it is not;
- ``focus`` (no brackets): the entity the passage is about, or ``-``.

A fifth column, ``status``, marks a row the step is known to get wrong
(``xfail: why``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from aiextract.components.entities import entity_keys
from aiextract.evaluate import names_match

TABLES = Path(__file__).resolve().parent / "data" / "entities"


@dataclass(frozen=True)
class Case:
    table: str
    line: int
    kind: str
    text: str  # without the brackets
    start: int  # the bracketed span, -1 when none
    end: int
    expected: str
    note: str
    status: str

    @property
    def id(self) -> str:
        return f"{self.table}:{self.line}"


def read_cases() -> list[Case]:
    cases = []
    for path in sorted(TABLES.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            for n, row in enumerate(reader, start=2):
                raw = row["text"]
                start = raw.find("[")
                end = raw.find("]") - 1 if start >= 0 else -1
                text = raw.replace("[", "").replace("]", "")
                cases.append(
                    Case(
                        path.stem, n, row["kind"], text, start, end, row["expected"].strip(),
                        row.get("note") or "", (row.get("status") or "").strip(),
                    )
                )  # fmt: skip
    return cases


def _groups(doc: Doc) -> list[tuple[str, list]]:
    return [(doc.spans[k][0].kb_id_, list(doc.spans[k])) for k in entity_keys(doc)]


def found(case: Case, doc: Doc) -> str:
    """What the step says of the case, in the table's terms."""
    if case.kind == "focus":
        return doc._.focus or "-"
    overlapping = [
        (name, span)
        for name, spans in _groups(doc)
        for span in spans
        if span.start_char < case.end and case.start < span.end_char
    ]
    if case.kind == "reference":
        names = [name for name, span in overlapping if span.label_ != "NAME"]
        return "|".join(dict.fromkeys(names)) or "-"
    names = [name for name, span in overlapping if span.label_ == "NAME"]
    if case.kind == "source":
        if not names:
            return "no organisation"
        return "source" if names[0] in (doc._.sources or ()) else "party"
    if not names:
        return "no entity"
    return names[0]


def agrees(case: Case, answer: str) -> bool:
    """Does the step's answer agree with the row's expectation?"""
    if case.kind == "source" or case.expected == "-" or answer in ("-", "no entity"):
        if case.kind == "name" and case.expected == "-":
            mention = case.text[case.start : case.end]
            return answer not in ("no entity",) and answer.lower() == mention.lower()
        return answer == case.expected
    want = case.expected.split("|")
    got = answer.split("|")
    return len(want) == len(got) and all(any(names_match(w, g) for g in got) for w in want)
