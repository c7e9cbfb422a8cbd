"""The decision on one entity of the model: organisation, person, product, or nothing,
from the gazetteer, the name's shape, cues, suffixes and the slot it fills."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from aiextract.components.orgs.context import (
    acts_as_org,
    after_noun,
    as_medium,
    common_word_at_start,
    cue_after,
    cue_before,
    deal_slot,
    glued_domain,
    invented,
    org_context,
    org_shape_ok,
    person_shape_ok,
    place_context,
    place_slot,
    product_context,
    rubric_label,
)
from aiextract.components.orgs.gazetteer import Gazetteer
from aiextract.components.orgs.lexicon import DETERMINERS, TITLES, OrgLexicon
from aiextract.components.orgs.passes import OrgMention, PersonMention, Take
from aiextract.normalize.names import clean_name, name_key

# A product mention: start, end, maker.
ProductMention = tuple[int, int, str]


def decide(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    span: Span,
    label: str,
    orgs: list[OrgMention],
    people: list[PersonMention],
    products: list[ProductMention],
    take: Take,
) -> None:
    """Keep the model's entity ``span`` (labelled ``label``) as an organisation, a
    person or a product, or drop it; the span first loses a leading determiner or title."""
    s, e = span.start, span.end
    # Mentions start at the name: no determiner, elision or civil title inside the span.
    while e - s > 1 and (
        (doc[s].lower_ in DETERMINERS and (doc[s].is_lower or doc[s + 1].is_lower))
        or (label == "PER" and doc[s].text in TITLES)
        or (doc[s].is_lower and doc[s].pos_ == "NOUN" and doc[s + 1].text[:1].isupper())
        or (doc[s].is_upper and lex.non_org(doc[s].text) == "acronym" and doc[s + 1].is_title)
        or nationality_before_name(lex, doc, s)
    ):
        s += 1  # « la legtech Juridia » tagged as one entity: the name is « Juridia »;
        # « La start-up » opening a sentence is no name (« La Poste » keeps its article);
        # « PME Navelis »: a generic acronym before the name; « l'Américaine Kelvia »
    span = doc[s:e]
    person = label == "PER"
    text = clean_name(span.text, person=person)
    if not text or (text[0].islower() and not re.match(r"[a-z]+[A-Z]", text)):
        return  # names start with a capital, or are « xAI »-like
    entry = gaz.lookup(text)
    if entry is not None and not (person and entry.ambiguous):
        if entry.type == "product":
            products.append((s, e, entry.maker))
            take(s, e)
        elif not (entry.ambiguous or as_medium(doc, s, entry)) or org_context(lex, doc, s, e):
            orgs.append((s, e, entry.name, "gazetteer"))
            take(s, e)
        return
    if lex.non_org(text) or place_context(doc, s, e):
        return
    if rubric_label(doc, s, e):
        return
    if e - s == 1 and (common_word_at_start(lex, gaz, doc[s]) or glued_domain(lex, doc[s])):
        return  # « Interrogé en marge... », « Enfin, ... », « Innovationsfr »
    if entry is None and (not person or e - s == 1) and product_context(lex, doc, span):
        return  # « Nuvora lance Cirrus, un assistant de code »
    if entry is None and after_noun(doc, s, lex.not_org_nouns):
        return  # « le salon Agrinexpo », « le projet Hélios », « l'usine Orbis »
    words0 = text.split()
    if label in ("LOC", "MISC") and len(words0) >= 2 and words0[0] in lex.institutions:
        orgs.append((s, e, text, "cue"))  # « la Région Occitanie », « la Ville de Nantes »
        take(s, e)
        return
    if (
        not person
        and 2 <= len(words0) <= 3
        and words0[0] in lex.first_names
        and words0[-1] not in lex.suffixes
        and person_shape_ok(text)
        and cue_before(lex, doc, s)[0] != "strong"
    ):
        people.append((s, e, text))
        take(s, e)
        return
    words = text.split()
    cue, skipped = cue_before(lex, doc, s)
    suffix = len(words) >= 2 and words[-1] in lex.suffixes
    appos = cue_after(lex, doc, e)
    # A cue makes an organisation, but never overrides a full person name that the
    # model found after a weak or distant cue (« l'investisseur Xavier Niel »).
    overrides_person = not person or len(words) == 1 or (cue == "strong" and skipped == 0)
    if person and len(words) > 1 and words[0] in lex.first_names:
        overrides_person = overrides_person and not (
            s >= 1 and doc[s - 1].lower_ in lex.nationalities
        )  # « l'américain John Carter »
    if (suffix or ((cue == "strong" or appos) and overrides_person)) and (
        suffix or org_shape_ok(lex, span, text)
    ):
        orgs.append((s, e, text, "cue"))
        take(s, e)
        return
    key = name_key(text)
    prefix_of_org = any(o[3] != "model" and name_key(o[2])[: len(key)] == key for o in orgs)
    if prefix_of_org or (label in ("PER", "MISC", "LOC") and acts_as_org(doc, span)):
        orgs.append((s, e, text, "model"))
        take(s, e)
        return
    if label in ("ORG", "MISC", "LOC") and rescued(lex, doc, span, label, cue):
        orgs.append((s, e, text, "model"))
        take(s, e)
        return
    if label == "ORG" or (cue == "weak" and label in ("MISC", "LOC")):
        shape = org_shape_ok(lex, span, text) or (
            cue == "weak" and label == "MISC" and text[:1].isupper()
        )
        if shape and not all(lex.non_org(w) == "acronym" for w in words):
            orgs.append((s, e, text, "model"))
            take(s, e)
        return
    if person and person_shape_ok(text):
        people.append((s, e, text))
        take(s, e)


def nationality_before_name(lex: OrgLexicon, doc: Doc, i: int) -> bool:
    """Is token ``i`` a capitalised nationality noun before a name (« le Japonais
    Quibix », « l'Américaine Kelvia »)? It describes the name; it is never one."""
    return (
        i + 1 < len(doc)
        and not doc[i].is_lower
        and lex.non_org(doc[i].text) == "nationality"
        and doc[i + 1].text[:1].isupper()
    )


def rescued(lex: OrgLexicon, doc: Doc, span: Span, label: str, cue: str | None) -> bool:
    """A MISC/LOC (or odd-shaped ORG) entity that is a company: an invented word (no
    vector: not a known place, person or product) or a name in a company slot, unless
    the context makes it a place or a product."""
    if product_context(lex, doc, span) or place_slot(lex, doc, span):
        return False
    caps = [t for t in span if t.text[:1].isupper() and not t.is_punct]
    if not caps or caps[0].text in lex.first_names:
        return False
    if all(invented(lex, t) for t in caps) and not span.text.isupper():
        return True
    if label == "ORG" and org_context(lex, doc, span.start, span.end):
        return True
    return cue == "weak" or deal_slot(lex, doc, span)


def rejoin_split_people(doc: Doc, ents: list[Span], lex: OrgLexicon) -> list[Span]:
    """A person the recogniser cut in two put back together: a first name alone tagged
    ``PER`` right before a name of one or two capitalised words tagged otherwise
    (« Vincent » ``PER`` + « Bolloré » ``ORG``, the surname being also a company's name)
    becomes one ``PER`` over both, unless the name ends with a company suffix
    (« Bolloré Logistics »). Other entities are returned as they are."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and ent.label_ == "PER"
            and len(ent) == 1
            and ent.text in lex.first_names
            and nxt.start == ent.end
            and nxt[-1].text not in lex.suffixes
            and nxt.label_ in ("ORG", "MISC", "LOC")
            and len(nxt) <= 2
            and all(t.is_alpha or "-" in t.text for t in nxt)
            and all(t.text[:1].isupper() and not t.is_upper for t in nxt)
        ):
            out.append(Span(doc, ent.start, nxt.end, label="PER"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out
