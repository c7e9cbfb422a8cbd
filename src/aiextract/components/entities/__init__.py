"""``aiextract_entities``: who is who across an article.

Runs after the orgs, money and dates components and before deals. It groups every
mention of an organisation or a person into one entity, resolves the references that
stand for them, marks the sources of the news and finds the article's focus:

- ``names``: acronyms, expansions and spelling variants of one organisation
  (« CEA » and « Commissariat à l'énergie atomique »); the orgs spans' ``kb_id_`` is
  rewritten to the entity's name, so ``doc._.orgs`` lists it once;
- ``references``: descriptions, pronouns, relatives, possessives and pairs, resolved
  only when clear;
- ``salience``: sources (« selon Les Échos ») and the focus.

Results, in spaCy's coreference style:

``doc.spans["entity_1"]``, ``["entity_2"]``...  one group per entity, in order of first
    mention: its name mentions (label ``NAME``) and the references resolved to it
    (label ``DESCRIPTION``, ``PRONOUN``, ``RELATIVE``, ``POSSESSIVE``, ``PAIR``,
    ``EPITHET``, ``APPOSITION``); ``span.kb_id_`` is the entity's name.
``doc.spans["references"]``  every reference found, resolved or not (``kb_id_`` "" when
    unresolved); a pair's span is in both entities' groups.
``span._.entity``   the key of the entity a span is a mention of (None for none).
``span._.resolved_by``  for a reference: the rule that resolved it (« previous
    subject », « introduced as », « relative clause »...), None when unresolved.
``doc._.focus``     the name of the entity the article is about, or None.
``doc._.sources``   the names of the organisations cited as sources, or None.
``doc._.entities``  one dict per entity: key, name, kind, source, mentions.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from aiextract.components.columns import doc_columns
from aiextract.components.entities.antecedents import resolve_all
from aiextract.components.entities.article import Article
from aiextract.components.entities.names import fuller_name, group_org_names, initials
from aiextract.components.entities.references import find_references
from aiextract.components.entities.salience import Name, article_focus, sources
from aiextract.extensions import ORGS_KEY, PEOPLE_KEY, PRODUCTS_KEY, doc_text, register_extensions
from aiextract.lexicon import load_table

ENTITY_PREFIX = "entity_"
_ACRONYM = re.compile(r"\b(?:[A-Z]{3,6}|(?:[A-Z]\.){3,6})(?!\w)")
REFERENCES_KEY = "references"
NAME_LABEL = "NAME"


@cache
def _gazetteer() -> tuple[frozenset[str], dict[str, str]]:
    rows = load_table("gazetteer.tsv")
    fixed = frozenset(r["name"] for r in rows if r.get("type") == "org")
    return fixed, {r["name"]: r.get("category", "") for r in rows}


def entity_keys(doc: Doc) -> list[str]:
    """The doc's entity group keys, in order (``entity_1``, ``entity_2``...)."""
    keys = [
        k for k in doc.spans if k.startswith(ENTITY_PREFIX) and k[len(ENTITY_PREFIX) :].isdigit()
    ]
    return sorted(keys, key=lambda k: int(k[len(ENTITY_PREFIX) :]))


def _span_entity(span: Span) -> str | None:
    """The key of the entity group holding a span with ``span``'s offsets."""
    doc = span.doc
    for key in entity_keys(doc):
        for member in doc.spans[key]:
            if member.start == span.start and member.end == span.end:
                return key
    return None


def _doc_entities(doc: Doc) -> list[dict]:
    out = []
    sources = set(doc._.sources or ())
    for key in entity_keys(doc):
        group = doc.spans[key]
        name = group[0].kb_id_ if len(group) else ""
        kind = group.attrs.get("kind", "org")
        out.append(
            {
                "key": key,
                "name": name,
                "kind": kind,
                "source": name in sources,
                "mentions": [
                    {
                        "text": s.text,
                        "start": s.start_char,
                        "end": s.end_char,
                        "how": s.label_.lower(),
                    }
                    for s in group
                ],
            }
        )
    return out


def register_entity_extensions() -> None:
    """The plain attributes (``extensions.py``) and the two views over the groups."""
    register_extensions()
    if not Doc.has_extension("entities"):
        Doc.set_extension("entities", getter=_doc_entities)
    if not Span.has_extension("entity"):
        Span.set_extension("entity", getter=_span_entity)


def _regroup(doc: Doc, key: str, mapping: dict[str, str]) -> None:
    """Rewrite the canonical names of a span group through ``mapping``."""
    group = doc.spans[key]
    if not any(mapping.get(s.kb_id_, s.kb_id_) != s.kb_id_ for s in group):
        return
    doc.spans[key] = [
        Span(doc, s.start, s.end, label=s.label, kb_id=mapping.get(s.kb_id_, s.kb_id_))
        for s in group
    ]


def _complete_cut_names(doc: Doc) -> None:
    """An organisation or person name the end of a truncated text cuts mid-word (the
    text's last character a letter, « … a racheté Bouygues T ») is the article's one
    fuller name it begins."""
    text = doc_text(doc).rstrip()
    if not text[-1:].isalnum():
        return
    for key in (ORGS_KEY, PEOPLE_KEY):
        group = doc.spans.get(key, [])
        cut = next((s.kb_id_ for s in group if s.end_char >= len(text) and s.kb_id_), None)
        fuller = fuller_name(cut, {s.kb_id_ for s in group}) if cut else None
        if fuller is not None:
            _regroup(doc, key, {cut: fuller})


@cache
def _generic_acronyms() -> frozenset[str]:
    """« IA », « PDG », « ETI »...: acronyms that name no organisation (non_orgs.tsv)."""
    return frozenset(r["term"] for r in load_table("non_orgs.tsv") if r.get("kind") == "acronym")


def _add_acronyms(doc: Doc, names: set[str]) -> None:
    """An acronym the orgs step left out (« l'OFMP », « S.N.T.A. ») is a mention of the
    one organisation of the article (``names``) whose initials it spells."""
    found = [
        (m, m.group().replace(".", "")) for m in _ACRONYM.finditer(doc_text(doc))
    ]  # most articles hold few capitalised words: look at them before anything else
    found = [(m, w) for m, w in found if len(w) >= 3 and w not in _generic_acronyms()]
    if not found:
        return
    by_initials: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            by_initials.setdefault(initials(name), set()).add(name)
    found = [(m, w) for m, w in found if len(by_initials.get(w, ())) == 1]
    if not found:
        return
    taken = {
        i for key in (ORGS_KEY, PEOPLE_KEY, PRODUCTS_KEY) if key in doc.spans
        for s in doc.spans[key] for i in range(s.start, s.end)
    }  # fmt: skip
    added = []
    for match, word in found:
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and span.start not in taken:
            name = next(iter(by_initials[word]))
            added.append(Span(doc, span.start, span.end, label="ORG", kb_id=name))
    if added:
        doc.spans[ORGS_KEY] = sorted([*doc.spans[ORGS_KEY], *added], key=lambda s: s.start)


def read_names(doc: Doc) -> list[Name]:
    """The doc's organisation and person mentions (products left out), sorted."""
    text = doc_text(doc)
    taken: set[int] = set()
    names: list[Name] = []
    for key, kind in ((ORGS_KEY, "org"), (PEOPLE_KEY, "person"), (PRODUCTS_KEY, "")):
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            if not kind:
                continue  # products hold their tokens but are no entity
            name = span.kb_id_ or text[span.start_char : span.end_char]
            root = span.start if span.end - span.start == 1 else span.root.i
            names.append(Name(span.start, span.end, root, name, kind))
    names.sort(key=lambda m: m.start)
    return names


class EntitiesComponent:
    """Group mentions into entities, resolve references, mark sources and the focus."""

    def __init__(self, nlp: Language, name: str, *, resolve_references: bool = True) -> None:
        register_entity_extensions()
        self.name = name
        self.resolve_references = resolve_references

    def __call__(self, doc: Doc) -> Doc:
        for key in [k for k in doc.spans if k.startswith(ENTITY_PREFIX)]:
            del doc.spans[key]
        doc._.focus = None
        doc._.sources = None
        if not len(doc):
            return doc
        fixed, categories = _gazetteer()
        if ORGS_KEY in doc.spans and len(doc.spans[ORGS_KEY]):
            _add_acronyms(doc, {s.kb_id_ for s in doc.spans[ORGS_KEY] if s.kb_id_})
            mapping = group_org_names([s.kb_id_ for s in doc.spans[ORGS_KEY]], fixed)
            _regroup(doc, ORGS_KEY, mapping)
        _complete_cut_names(doc)
        names = read_names(doc)
        if not names:
            doc.spans[REFERENCES_KEY] = []
            return doc
        _arr, cols, spans = doc_columns(doc)
        sentences = [(s.start, s.end) for s in spans]
        found_sources = sources(names, cols, categories)
        lead_end = sentences[min(2, len(sentences) - 1)][1] if sentences else len(doc)
        art = Article(cols, sentences, names, found_sources, categories, lead_end=lead_end)
        refs = find_references(art) if self.resolve_references else []
        resolve_all(art, refs)
        mentions = [(n.name, n.start) for n in names]
        mentions += [(r.names[0], r.start) for r in refs if len(r.names) == 1]
        doc._.focus = article_focus(mentions, found_sources, lead_end)
        doc._.sources = sorted(found_sources) or None
        self._write(doc, names, refs)
        return doc

    @staticmethod
    def _write(doc: Doc, names: list[Name], refs: list) -> None:
        members: dict[str, list[Span]] = {}
        kinds: dict[str, str] = {}
        for name in names:
            members.setdefault(name.name, []).append(
                Span(doc, name.start, name.end, label=NAME_LABEL, kb_id=name.name)
            )
            kinds.setdefault(name.name, name.kind)
        all_refs = []
        for ref in refs:
            label = ref.kind.upper()
            joined = "|".join(ref.names)
            span = Span(doc, ref.start, ref.end, label=label, kb_id=joined)
            span._.resolved_by = ref.rule or None
            all_refs.append(span)
            for entity in ref.names:
                if entity in members:  # one entity: the same span in both groups
                    same = len(ref.names) == 1
                    member = (
                        span if same else Span(doc, ref.start, ref.end, label=label, kb_id=entity)
                    )
                    members[entity].append(member)
        doc.spans[REFERENCES_KEY] = all_refs
        for n, (entity, spans) in enumerate(members.items(), start=1):
            key = f"{ENTITY_PREFIX}{n}"
            doc.spans[key] = sorted(spans, key=lambda s: (s.start, s.end))
            doc.spans[key].attrs["kind"] = kinds[entity]


@Language.factory(
    "aiextract_entities",
    default_config={"resolve_references": True},
)
def make_entities(nlp: Language, name: str, resolve_references: bool) -> EntitiesComponent:
    """Group mentions into entities and resolve references (see the module docstring)."""
    return EntitiesComponent(nlp, name, resolve_references=resolve_references)
