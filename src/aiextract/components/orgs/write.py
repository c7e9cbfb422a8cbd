"""The last step: mentions become span groups with canonical names in ``kb_id``, and
``doc.ents`` follows the decisions made."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from aiextract.components.orgs.decide import ProductMention
from aiextract.components.orgs.lexicon import TITLES
from aiextract.components.orgs.passes import OrgMention, PersonMention
from aiextract.extensions import ORGS_KEY, PEOPLE_KEY, PRODUCTS_KEY, doc_text
from aiextract.normalize.names import (
    canonical_orgs,
    canonical_people,
    name_key,
    names_in_article,
)


def write_mentions(
    doc: Doc,
    ents: list[Span],
    orgs: list[OrgMention],
    people: list[PersonMention],
    products: list[ProductMention],
    *,
    first_names: frozenset[str],
    overwrite_ents: bool,
    known_name: Callable[[str], str | None] = lambda text: None,
) -> None:
    """Fill ``doc.spans["orgs"]``, ``["people"]`` and ``["products"]``; with
    ``overwrite_ents``, the ORG/PER entities of ``doc.ents`` become these mentions.
    ``known_name`` gives the gazetteer name a written form stands for, if any."""
    # People: fullest name the article uses.
    person_names = canonical_people(name for _, _, name in people)
    person_keys = [set(name_key(v)) for v in set(person_names.values())]
    kept_orgs = []
    count = len(people)
    for s, e, name, source in orgs:
        # A model-only « ORG » that is part of a person's name (« Altman ») is that person.
        if source == "model" and any(set(name_key(name)) <= k for k in person_keys):
            people.append((s, e, name))
        else:
            kept_orgs.append((s, e, name, source))
    if len(people) != count:
        person_names = canonical_people(name for _, _, name in people)
    count = len(people)
    people = lone_names_as_orgs(doc, people, person_names, kept_orgs, first_names)
    if len(people) != count:
        person_names = canonical_people(name for _, _, name in people)
    # A known name goes by its expansion or by the fullest form the article writes; a
    # mention read inside a glued or damaged word (« dOpenAI ») is no written form.
    written = ((name, doc[s:e].text) for s, e, name, source in kept_orgs if source == "gazetteer")
    in_article = names_in_article(
        ((name, text if known_name(text) == name else name) for name, text in written),
        text=doc_text(doc),
    )
    kept_orgs = [(s, e, in_article.get(name, name), src) for s, e, name, src in kept_orgs]
    fixed = {name for _, _, name, source in kept_orgs if source == "gazetteer"}
    org_names = canonical_orgs([name for _, _, name, _ in kept_orgs], fixed=fixed)

    org_spans = [Span(doc, s, e, label="ORG", kb_id=org_names[name]) for s, e, name, _ in kept_orgs]
    per_spans = [Span(doc, s, e, label="PER", kb_id=person_names[name]) for s, e, name in people]
    # A product's maker goes by the name its organisation has in this article.
    makers = {m: in_article.get(m, m) for _, _, m in products}
    makers = {m: org_names.get(n, n) for m, n in makers.items()}
    prod_spans = [Span(doc, s, e, label="PRODUCT", kb_id=makers[m]) for s, e, m in products]
    doc.spans[ORGS_KEY] = sorted(org_spans, key=lambda x: x.start)
    doc.spans[PEOPLE_KEY] = sorted(per_spans, key=lambda x: x.start)
    doc.spans[PRODUCTS_KEY] = sorted(prod_spans, key=lambda x: x.start)
    if not overwrite_ents:
        return
    ours = filter_spans(org_spans + per_spans)
    occupied = set()
    for span in ours:
        occupied.update(range(span.start, span.end))
    others = [
        ent
        for ent in ents
        if ent.label_ not in ("ORG", "PER") and not occupied.intersection(range(ent.start, ent.end))
    ]
    doc.ents = sorted(filter_spans(ours + others), key=lambda x: x.start)


def lone_names_as_orgs(
    doc: Doc,
    people: list[PersonMention],
    person_names: dict[str, str],
    orgs: list[OrgMention],
    first_names: frozenset[str],
) -> list[PersonMention]:
    """People whose only name in the article is one word, neither a first name nor
    after a civil title (« Kapsul lève... »), are companies: news articles introduce
    a person by full name first. They move to ``orgs``; the rest stay people."""
    kept = []
    name_words = {w for v in person_names.values() if " " in v for w in v.split()}
    for s, e, name in people:
        canonical = person_names[name]
        lone = len(canonical.split()) == 1 and canonical not in first_names
        lone = lone and canonical not in name_words
        titled = s >= 1 and doc[s - 1].text in TITLES
        if lone and not titled:
            orgs.append((s, e, canonical, "model"))
        else:
            kept.append((s, e, name))
    return kept
