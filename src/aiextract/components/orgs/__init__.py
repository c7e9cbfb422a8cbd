"""Organisations and people: found, cleaned and named canonically.

The component combines four cheap sources, in this order of trust:

1. a gazetteer of well-known organisations and products (``data/gazetteer.tsv``),
   matched with a case-sensitive ``PhraseMatcher`` built once;
2. context cues (« la société X », « le fonds X », « X, la start-up ... »,
   ``data/org_cues.tsv``) that make unknown names organisations;
3. the model's own ``ORG``/``PER`` entities (and ``MISC``/``LOC`` ones rescued by a
   cue or a company suffix such as « AI », « Capital », « SAS »), filtered: products,
   places, events, generic acronyms and page boilerplate are dropped
   (``data/non_orgs.tsv``);
4. civil titles (« M. Altman ») for people the model missed.

Results: ``doc.spans["orgs"]``, ``doc.spans["people"]`` (``kb_id_`` = canonical name),
``doc.spans["products"]`` (``kb_id_`` = the maker, or ""), and ``doc.ents`` updated so
that ``ORG``/``PER`` entities reflect these decisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from aiextract.components.orgs.acting_states import find_acting_states
from aiextract.components.orgs.boilerplate import boilerplate_ranges
from aiextract.components.orgs.context import (
    acronym_half,
    as_medium,
    as_medium_text,
    cited_as_source,
    clause_start,
    cue_before,
    function_words_only,
    listed_with_company,
    medium_context,
    name_like,
    named_as_company,
    openers_only,
    org_context,
)
from aiextract.components.orgs.decide import ProductMention, decide, rejoin_split_people
from aiextract.components.orgs.gazetteer import GAZETTEER_COLUMNS, Entry, Gazetteer, load_rows
from aiextract.components.orgs.lexicon import OrgLexicon, amount_follows
from aiextract.components.orgs.passes import (
    OrgMention,
    PersonMention,
    appos_names,
    cue_names,
    extends_known,
    institution_names,
    repeat_mentions,
    site_names,
    suffix_names,
    unseen_names,
)
from aiextract.components.orgs.token_index import TokenIndex, hash_array
from aiextract.components.orgs.write import write_mentions
from aiextract.extensions import doc_text, register_extensions
from aiextract.lexicon import load_table_file
from aiextract.normalize.names import clean_name, name_key, split_glued, split_glued_elision
from aiextract.tokenization import keep_hyphenated_words

__all__ = ["GAZETTEER_COLUMNS", "Entry", "OrgsComponent", "boilerplate_ranges", "make_orgs"]


_TRAILING_LINKS = frozenset(["et", "ou", "de", "du", "des", "d'", "d’", "&"])


def trimmed(doc: Doc, span: Span, deferred: list[Span]) -> Span | None:
    """``span`` without what an entity should not hold: an acronym in parentheses after
    the name (« Compagnie européenne de batteries (CEB) », the acronym goes to
    ``deferred``), a trailing link word (« CEB et ») and an amount after the name
    (« Quibix Capital 450 millions », « Kiplo 3 M€ »)."""
    start, end = span.start, span.end
    for i in range(start + 1, end):
        if doc[i].text == "(":
            if i + 2 < len(doc) and doc[i + 2].text == ")":
                deferred.append(Span(doc, i + 1, i + 2, label=span.label_))
            end = i
            break
    while end - start > 1 and (doc[end - 1].lower_ in _TRAILING_LINKS or doc[end - 1].is_punct):
        end -= 1
    if doc[end - 1].lower_ in _TRAILING_LINKS:
        return None
    for i in range(start + 1, end):
        if doc[i].like_num and amount_follows(doc, i):
            end = i
            break
    return span if (start, end) == (span.start, span.end) else doc[start:end]


class OrgsComponent:
    """Fill ``doc.spans["orgs"]``, ``["people"]`` and ``["products"]``; canonical names in kb_id."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer_path: str | None = None,
        extend_gazetteer: bool = True,
        overwrite_ents: bool = True,
    ) -> None:
        register_extensions()
        keep_hyphenated_words(nlp)  # the tables below are tokenized as the texts will be
        self.name = name
        self.nlp = nlp
        self.gazetteer_path = gazetteer_path
        self.extend_gazetteer = extend_gazetteer
        self.overwrite_ents = overwrite_ents
        self._pending: str | None = None
        try:
            self.set_gazetteer(load_rows(gazetteer_path, extend_gazetteer))
        except FileNotFoundError:
            # spacy.load(path) after the user file moved: from_disk restores the copy and
            # clears the error; otherwise the first text raises it.
            self.set_gazetteer(load_rows(None, True))
            self._pending = (
                f"gazetteer file {gazetteer_path!r} not found: fix `gazetteer_path` in the "
                "aiextract_orgs config, or load a pipeline saved with nlp.to_disk"
            )
        self.lexicon = OrgLexicon.load(nlp)

    # ------------------------------------------------------------------ data

    def set_gazetteer(self, rows: Iterable[dict[str, str]]) -> None:
        """Replace the gazetteer with ``rows`` (dicts with the TSV columns) and rebuild."""
        self.gazetteer = Gazetteer(self.nlp, rows)
        self._pending = None

    @property
    def rows(self) -> list[dict[str, str]]:
        """The gazetteer rows in use (built-in rows plus the user's)."""
        return self.gazetteer.rows

    def lookup(self, text: str) -> Entry | None:
        """The gazetteer entry written ``text`` exactly, else by key (case/accents)."""
        return self.gazetteer.lookup(text)

    def company(self, text: str) -> bool:
        """``text`` is a known company, never anything else (« SFR », not « Free »)."""
        entry = self.gazetteer.lookup(text)
        return entry is not None and entry.category == "company" and not entry.ambiguous

    def known_name(self, text: str) -> str | None:
        """The gazetteer name ``text`` is a written form of, if any."""
        entry = self.gazetteer.lookup(text)
        return None if entry is None else entry.name

    # ------------------------------------------------------------------ main

    def __call__(self, doc: Doc) -> Doc:
        """Run the steps in order of trust; each claims its tokens before the next."""
        if self._pending:
            raise ValueError(self._pending)
        lex, gaz = self.lexicon, self.gazetteer
        n = len(doc)
        ents = rejoin_split_people(doc, list(doc.ents), lex)
        arr = doc.to_array([ORTH, LOWER]) if n else np.zeros((0, 2), dtype="uint64")
        by_orth, by_lower = TokenIndex(arr[:, 0]), TokenIndex(arr[:, 1])
        cue_pos = by_lower.positions(lex.cue_hashes)
        strings = self.nlp.vocab.strings
        bad = [False] * n
        full_text = doc_text(doc)
        for start, end in boilerplate_ranges(full_text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    bad[i] = True
        taken = [False] * n
        orgs: list[OrgMention] = []
        people: list[PersonMention] = []
        products: list[ProductMention] = []

        def free(start: int, end: int) -> bool:
            return not any(taken[start:end]) and not any(bad[start:end])

        def take(start: int, end: int) -> None:
            for i in range(start, end):
                taken[i] = True

        model_per = {}
        ent_of: dict[int, Span] = {}
        for ent in ents:
            if ent.label_ in ("ORG", "PER", "MISC", "LOC"):
                for i in range(ent.start, ent.end):
                    ent_of[i] = ent
                    if ent.label_ == "PER":
                        model_per[i] = ent

        # 1. Gazetteer.
        spans = [Span(doc, s, e, label=k) for k, s, e in gaz.matcher(doc)]
        spans = sorted(filter_spans(spans), key=lambda s: s.start)

        def inside_person(s: int, e: int, entry: Entry) -> bool:
            """« Alan » inside « Alan Turing », « Bolloré » in « Vincent Bolloré »: the
            model's longer person name."""
            per = model_per.get(s)
            return (
                per is not None
                and (per.end - per.start) > (e - s)
                and entry.type == "org"
                and (
                    entry.ambiguous
                    or not (per.start == s or per.end == e)
                    or (e - per.start == 2 and doc[per.start].text in lex.first_names)
                )
            )

        # where each gazetteer entry is written outside a person's name
        starts: dict[int, list[int]] = {}
        for span in spans:
            index = gaz.match_index[span.label]
            if not inside_person(span.start, span.end, gaz.entries[index]):
                starts.setdefault(index, []).append(span.start)
        for span in spans:
            s, e = span.start, span.end
            if not free(s, e):
                continue
            entry = gaz.entries[gaz.match_index[span.label]]
            if inside_person(s, e, entry):
                continue
            if acronym_half(gaz, doc, s, e):
                continue
            if entry.type == "product":
                while (
                    e < n
                    and re.fullmatch(
                        r"-?\d[\w.]*|-?[a-z]?\d+\w*|Plus|Pro|Turbo|Max|mini|Ultra", doc[e].text
                    )
                    and not doc[e].is_punct
                ):
                    e += 1
                products.append((s, e, entry.maker))
                take(s, e)
                continue
            if (
                (entry.ambiguous or as_medium(doc, s, entry))
                and not org_context(lex, doc, s, e)
                and not (
                    entry.category == "company"
                    and (
                        listed_with_company(doc, s, e, self.company)
                        or named_as_company(lex, doc, starts[gaz.match_index[span.label]])
                    )
                )
                and not (entry.category == "media" and cited_as_source(doc, s))
            ):
                continue
            orgs.append((s, e, entry.name, "gazetteer"))
            take(s, e)

        # 2. Strong cues before unknown names: « la société MGX », « la start-up Quantiq ».
        cue_names(lex, gaz, doc, cue_pos, free, take, orgs, model_per, ent_of)
        appos_names(lex, gaz, doc, cue_pos, free, take, orgs, ent_of)

        # 2b. Unknown names ending with a company suffix: « Kyber Capital », « Nexalis Group ».
        suffix_names(lex, gaz, doc, by_orth.positions(lex.suffix_hashes), free, take, orgs)

        # 2c. States, governments and countries that act (« vendu à l'Inde », « l'État »).
        for s, e, name in find_acting_states(doc, free, by_orth=by_orth):
            orgs.append((s, e, name, "cue"))
            take(s, e)

        # 2d. Public bodies: « la Ville de Nantes », « la Région Occitanie ».
        institutions = by_orth.positions(lex.institution_hashes)
        for s, e, name in institution_names(lex, doc, institutions, free):
            orgs.append((s, e, name, "cue"))
            take(s, e)

        # 2e. News sites cited by their address (« selon Boursier.com »).
        for s, e, name in site_names(doc, free):
            orgs.append((s, e, name, "cue"))
            take(s, e)

        # 3. The model's entities.
        known_names = {name for _, _, name, _ in orgs}
        ent_texts = {full_text[e.start_char : e.end_char] for e in ents}  # e.text, read once

        def known(text: str) -> bool:
            return text in gaz.forms or text in known_names or text in ent_texts

        deferred: list[Span] = []
        for ent in ents:
            if ent.label_ not in ("ORG", "PER", "MISC", "LOC"):
                continue
            span = ent
            if "\n" in span.text:
                cut = span.text.index("\n")
                span = doc.char_span(
                    span.start_char, span.start_char + cut, alignment_mode="contract"
                )
                if span is None or len(span) == 0:
                    continue
            cut = clause_start(span)
            if cut is not None:  # « Vectis vise 100 millions ... »: a clause, not a name
                span = doc[span.start : cut]
            span = trimmed(doc, span, deferred)
            if span is None:
                continue
            s, e = span.start, span.end
            if ent.label_ == "ORG" and extends_known(doc, span, orgs, free, take):
                continue
            if not free(s, e):
                # Keep the free end of an entity that runs into a kept name
                # (« Station F. Jensen Huang » → « Jensen Huang »).
                while s < e and (taken[s] or bad[s]):
                    s += 1
                while e > s and (taken[e - 1] or bad[e - 1]):
                    e -= 1
                if s >= e or not free(s, e) or doc[s].is_punct:
                    continue
                span = doc[s:e]
            if any(t.text.startswith("@") for t in span) or (s > 0 and doc[s - 1].text == "@"):
                continue
            # Glued words and lost apostrophes: « MicrosoftLes », « dOpenAI Innovationsfr ».
            repaired_any = False
            for tok in span:
                repaired = split_glued(tok.text, known) or split_glued_elision(tok.text, known)
                if not repaired:
                    continue
                repaired_any = True
                entry = gaz.lookup(repaired)
                if entry is not None and entry.type == "org":
                    orgs.append((tok.i, tok.i + 1, entry.name, "gazetteer"))
                elif entry is None and e - s == 1:
                    orgs.append((tok.i, tok.i + 1, repaired, "model"))
            if repaired_any:
                take(s, e)
                continue
            if medium_context(doc, s):
                continue
            if s > 0 and e < n and doc[s - 1].text == "(" and doc[e].text == ")":
                deferred.append(span)
                continue
            decide(lex, gaz, doc, span, ent.label_, orgs, people, products, take)

        unseen_names(lex, gaz, doc, free, take, orgs, people)

        # Other mentions of a name already kept as an organisation (« WNS » tagged LOC once).
        org_keys = {name_key(name): name for _, _, name, _ in orgs}
        for ent in ents:
            s, e = ent.start, ent.end
            if ent.label_ in ("MISC", "LOC", "ORG") and free(s, e):
                text = clean_name(ent.text)
                if name_key(text) in org_keys and not as_medium_text(gaz, doc, s, text):
                    orgs.append((s, e, org_keys[name_key(text)], "model"))
                    take(s, e)

        repeat_mentions(lex, doc, arr[:, 0].tolist(), by_orth, ents, free, take, orgs, people)

        # Acronyms in parentheses: an organisation only when what they abbreviate is one.
        for span in deferred:
            s, e = span.start, span.end
            if not free(s, e):
                continue
            owner = next((o for o in orgs if o[1] == s - 1), None)
            if owner is not None:
                orgs.append((s, e, owner[2], owner[3]))
                take(s, e)
            elif doc[s - 2].text[:1].isupper() and cue_before(lex, doc, s - 1)[0]:
                decide(lex, gaz, doc, span, span.label_, orgs, people, products, take)

        # 4a. « Demis Hassabis » untagged but « Hassabis » tagged elsewhere: first name + surname.
        surnames = {name for _, _, name in people if " " not in name}
        if surnames:
            surname_hashes = {strings.add(name) for name in surnames}
            for i in by_orth.positions(hash_array(surname_hashes)):
                if i == 0 or taken[i - 1] or bad[i - 1]:
                    continue
                tok, prev = doc[i], doc[i - 1]
                if (
                    prev.is_alpha
                    and prev.text[:1].isupper()
                    and not prev.is_stop
                    and not lex.non_org(prev.text)
                    and (prev.text in lex.first_names or name_like(prev))
                ):
                    if taken[i]:
                        for k, (ps, pe, _) in enumerate(people):
                            if ps == i and pe == i + 1:
                                people[k] = (i - 1, i + 1, f"{prev.text} {tok.text}")
                    else:
                        people.append((i - 1, i + 1, f"{prev.text} {tok.text}"))
                    taken[i - 1] = taken[i] = True

        # 4b. People the model missed behind a civil title (« M. Dupont », « Mme Martin »).
        titles = [i for i in by_orth.positions(lex.title_hashes) if i < n - 1]
        for i in titles:
            if not taken[i + 1] and not bad[i + 1]:
                j = i + 1
                if j + 1 < n and doc[j].lower_ in ("de", "d'", "d’", "du"):
                    j += 1  # « M. de La Roche »
                first = j
                while j < n and j - i <= 4 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                    j += 1
                if j > first and free(i + 1, j):
                    people.append((i + 1, j, doc[i + 1 : j].text))
                    take(i + 1, j)

        common = openers_only(doc, orgs) | function_words_only(doc, orgs)
        if common:
            orgs = [o for o in orgs if o[2] not in common]
        pronouns = function_words_only(doc, people)  # a lone person name becomes an org
        if pronouns:
            people = [p for p in people if p[2] not in pronouns]
        write_mentions(
            doc,
            ents,
            orgs,
            people,
            products,
            first_names=lex.first_names,
            overwrite_ents=self.overwrite_ents,
            known_name=self.known_name,
        )
        return doc

    # ------------------------------------------------------------------ serialisation

    def to_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> None:
        """Save the gazetteer actually in use (built-in rows plus the user's)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = ["\t".join(GAZETTEER_COLUMNS)]
        for row in self.rows:
            lines.append("\t".join(row[c].replace("\t", " ") for c in GAZETTEER_COLUMNS))
        (path / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Sequence[str] = ()) -> OrgsComponent:
        """Restore the gazetteer saved by :meth:`to_disk`."""
        path = ensure_path(path)
        self.set_gazetteer(load_table_file(path / "gazetteer.tsv"))
        return self

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"rows": self.rows})

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> OrgsComponent:
        self.set_gazetteer(srsly.msgpack_loads(data)["rows"])
        return self


@Language.factory(
    "aiextract_orgs",
    default_config={"gazetteer_path": None, "extend_gazetteer": True, "overwrite_ents": True},
)
def make_orgs(
    nlp: Language,
    name: str,
    *,
    gazetteer_path: str | None = None,
    extend_gazetteer: bool = True,
    overwrite_ents: bool = True,
) -> OrgsComponent:
    """Organisations, people and products with canonical names.

    ``gazetteer_path``: a TSV file of your own organisations/products (columns
    ``name, aliases, type, maker, category, flags``); ``extend_gazetteer``: add it to the
    built-in list (True) or use it instead (False); ``overwrite_ents``: update
    ``doc.ents`` so that its ORG/PER entities match the decisions made here.
    """
    return OrgsComponent(
        nlp,
        name,
        gazetteer_path=gazetteer_path,
        extend_gazetteer=extend_gazetteer,
        overwrite_ents=overwrite_ents,
    )
