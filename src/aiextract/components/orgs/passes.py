"""Passes that find organisations beyond the gazetteer: names after a strong cue
(« la start-up Quantiq »), before an apposition (« Tessera, spécialiste de ... »), with a
company suffix (« Kyber Capital »), and the other mentions of names already kept.

Each pass appends ``(start, end, name, source)`` to ``orgs`` and claims the tokens with
``take``; ``free`` says whether tokens are still unclaimed and outside page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import LIKE_URL
from spacy.tokens import Doc, Span

from aiextract.components.orgs.context import (
    invented,
    name_like,
    place_slot,
    product_context,
    span_root,
)
from aiextract.components.orgs.gazetteer import Gazetteer
from aiextract.components.orgs.lexicon import (
    CUE_LEFT,
    DETERMINERS,
    INSTITUTION_HEADS,
    NAME_LINKS,
    PLURAL_DETERMINERS,
    TITLES,
    OrgLexicon,
    amount_follows,
)
from aiextract.components.orgs.token_index import TokenIndex, hash_array
from aiextract.extensions import doc_text
from aiextract.normalize.names import clean_name, fix_person_case, name_key

# An organisation mention: start, end, name, source (« gazetteer », « cue », « model »).
OrgMention = tuple[int, int, str, str]
# A person mention: start, end, name.
PersonMention = tuple[int, int, str]
Free = Callable[[int, int], bool]
Take = Callable[[int, int], None]


def cue_names(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    cue_pos: list[int],
    free: Free,
    take: Take,
    orgs: list[OrgMention],
    model_per: dict[int, Span],
    ent_of: dict[int, Span],
) -> None:
    """Names after a strong cue at ``cue_pos`` (« la société MGX », « la start-up
    bordelaise Quantiq »), and the list a plural cue opens (« les agritechs X et Y »)."""
    n = len(doc)
    for i in cue_pos:
        if i == 0 or doc[i - 1].lower_ not in CUE_LEFT:
            continue
        for words, strength in lex.cues[doc[i].lower_]:
            end = i + len(words)
            if strength != "strong" or (
                len(words) > 1 and tuple(t.lower_ for t in doc[i:end]) != words
            ):
                continue
            j = end
            skipped = 0
            while j < n and skipped < 4:
                t = doc[j]
                if t.pos_ == "ADJ" and t.is_lower:
                    j += 1
                    skipped += 1
                elif (
                    t.lower_ in ("de", "d'", "d’")
                    and j + 1 < n
                    and (doc[j + 1].is_lower or doc[j + 1].text in ("IA", "AI"))
                    and doc[j + 1].is_alpha
                ):
                    j += 2
                    skipped += 2
                else:
                    break
            k = name_end(doc, j)
            if k == j and len(words) == 1 and not skipped and doc[i].text[:1].isupper():
                break  # « L'Agence spatiale »: the cue word is the head of a phrase
            nationality = doc[i].lower_ in lex.nationalities
            if nationality and not doc[i].is_lower:
                break  # « le Français Antoine Garnier »: a person
            if len(words) == 1 and not skipped and not doc[i].is_lower and not nationality:
                j = i  # « le Groupe Marbeuf », « la Banque Ligérienne »: cue in the name
            k = extend_to_entity(doc, j, k, ent_of)
            if not take_cued(lex, gaz, doc, j, k, skipped, free, take, orgs, model_per):
                break
            # A plural cue introduces a list: « les agritechs X et Y ».
            plural = doc[i - 1].lower_ in PLURAL_DETERMINERS
            while plural and k + 1 < n and doc[k].lower_ in (",", "et"):
                j, k = k + 1, name_end(doc, k + 1)
                k = extend_to_entity(doc, j, k, ent_of)
                if k == j or not take_cued(lex, gaz, doc, j, k, 0, free, take, orgs, model_per):
                    break
            break


def appos_names(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    cue_pos: list[int],
    free: Free,
    take: Take,
    orgs: list[OrgMention],
    ent_of: dict[int, Span],
) -> None:
    """Untagged names before an apposition: « Tessera, spécialiste de ... »,
    « Ferlor, filiale du groupe ... ». A weak cue needs an invented word."""
    for i in cue_pos:
        if not doc[i].is_lower:
            continue  # « Enfin, la Société Générale »: a name, not an apposition
        c = i - 1 if i >= 1 and doc[i - 1].text == "," else i - 2
        if c < 1 or doc[c].text != "," or (c == i - 2 and doc[i - 1].lower_ not in DETERMINERS):
            continue
        options = [o for o in lex.cues[doc[i].lower_] if len(o[0]) == 1]
        if not options:
            continue
        b = c
        while b > 0 and c - b < 4 and doc[b - 1].text[:1].isupper() and not doc[b - 1].is_punct:
            b -= 1
        if b == c or not free(b, c) or any(k in ent_of for k in range(b, c)):
            continue
        if b > 0 and not (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b].is_sent_start):
            continue  # the start of a longer phrase
        text = clean_name(doc[b:c].text)
        if not text or lex.non_org(text) or text.split()[0] in lex.first_names:
            continue
        weak = all(s == "weak" for _, s in options)
        subject = doc[c - 1].dep_ in ("nsubj", "nsubj:pass")
        word = doc[b]
        if (
            c - b == 1
            and not subject
            and word.pos_ != "PROPN"
            and lex.vocab.has_vector(word.lower_)
        ):
            continue  # « Lundi, la legtech X... »: a common word opening the sentence
        if (
            weak
            and not subject
            and not all(t.pos_ == "PROPN" or invented(lex, t) for t in doc[b:c])
        ):
            continue
        entry = gaz.lookup(text)
        if entry is None or entry.type == "org":
            orgs.append((b, c, entry.name if entry else text, "gazetteer" if entry else "cue"))
            take(b, c)


def take_cued(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    j: int,
    k: int,
    skipped: int,
    free: Free,
    take: Take,
    orgs: list[OrgMention],
    model_per: dict[int, Span],
) -> bool:
    """Keep ``doc[j:k]`` named after a strong cue as an organisation, if it is one."""
    if k == j or not free(j, k):
        return False
    first = doc[j].text
    if any(k2 in model_per for k2 in range(j, k)) and k - j > 1 and first in lex.first_names:
        return False  # « l'industriel Vincent Bolloré »: a person
    text = clean_name(doc[j:k].text)
    entry = gaz.lookup(text)
    if entry is not None and entry.type == "product":
        return False
    if not text or lex.non_org(text) or (text.isupper() and len(text) < 2):
        return False
    if k - j == 1 and not name_like(doc[j]) and doc[j].text in INSTITUTION_HEADS:
        return False
    orgs.append((j, k, entry.name if entry else text, "gazetteer" if entry else "cue"))
    take(j, k)
    return True


def name_end(doc: Doc, j: int) -> int:
    """End of the run of capitalised name tokens starting at ``j`` (at most 5); a number
    joins it (« Ventora 2 »), not one that an amount word follows (« Quibix 450 M€ »)."""
    k, n = j, len(doc)
    while k < n and k - j < 5:
        t = doc[k]
        glued_hyphen = (  # « Algo-Mer » cut in three tokens
            k > j
            and t.text == "-"
            and not doc[k - 1].whitespace_
            and not t.whitespace_
            and k + 1 < n
            and doc[k + 1].text[:1].isupper()
        )
        if glued_hyphen or (
            (
                t.text[:1].isupper()
                or re.match(r"[a-z]+[A-Z]", t.text)
                or (k > j and t.text == "&")
                or (k > j and t.text[:1].isdigit() and not amount_follows(doc, k))
                or (k == j and t.text[:1].isdigit() and any(c.isalpha() for c in t.text))
            )
            and (not t.is_punct or t.text == "&")
        ):
            k += 1
        else:
            break
    if k > j and doc[k - 1].text == "&":
        k -= 1
    return k


def extend_to_entity(doc: Doc, j: int, k: int, ent_of: dict[int, Span]) -> int:
    """The model's entity over ``j`` may run further (« Graines de Provence »)."""
    ent = ent_of.get(j) if k > j else None
    if ent is None or ent.end <= k or ent.end - j > 6:
        return k
    for t in doc[k : ent.end]:
        if not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in NAME_LINKS):
            return k
        if t.like_num and amount_follows(doc, t.i):
            return k  # « le fonds Quibix 3 M€ »: an amount, not the name's end
    if not doc[ent.end - 1].text[:1].isupper():
        return k
    after = ent.end
    while after < len(doc) and after - j < 6 and doc[after].text[:1].isupper():
        after += 1  # « Côte d'Opale Marine » when the model stopped at « Opale »
    return after


def suffix_names(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    suffix_pos: list[int],
    free: Free,
    take: Take,
    orgs: list[OrgMention],
) -> None:
    """Unknown names ending with a company suffix at ``suffix_pos`` (« Kyber Capital »,
    « Nexalis Group », « Helios Robotics Inc »)."""
    last = -1
    for k in suffix_pos:
        if k == 0 or k <= last:
            continue
        j = k
        while j > 0 and k - j < 3:
            prev = doc[j - 1]
            not_name = (
                prev.is_punct or (prev.is_stop and prev.is_lower) or not prev.text[:1].isupper()
            )
            if not_name and not re.match(r"[a-z]+[A-Z]", prev.text):
                break
            if lex.non_org(prev.text) or prev.text in lex.suffixes:
                break
            j -= 1
        if (
            j < k
            and j >= 2
            and doc[j - 1].lower_ in ("de", "d'", "d’", "du")
            and doc[j - 2].text[:1].isupper()
            and name_like(doc[j - 2])
            and not lex.non_org(doc[j - 2].text)
            and doc[j - 2].text not in lex.suffixes
        ):
            j -= 2  # « Mer d'Iroise Chantiers », « Graines de Beauce Bio »
        if doc[j].lower_ in DETERMINERS:
            j += 1  # « La Métropole de Rouen »: the article is no part of a name
        if j == k:
            continue
        while k + 1 < len(doc) and doc[k + 1].text in lex.suffixes:
            k += 1  # « Helios Robotics Inc »
        if (
            doc[k].text in ("Inc", "Ltd", "Corp", "Co")
            and k + 2 < len(doc)
            and doc[k + 1].text == "."
            and doc[k + 2].is_lower
        ):
            k += 1  # the dot of « Inc. » when the sentence goes on
        if not free(j, k + 1):
            continue
        # A capitalised common word at a sentence start is not a name (« Notre Group »).
        if (
            k - j == 1
            and doc[j].is_sent_start
            and (doc[j].is_stop or doc[j].pos_ in ("DET", "PRON", "ADP", "ADV", "CCONJ"))
        ):
            continue
        text = clean_name(doc[j : k + 1].text)
        entry = gaz.lookup(text)
        if (entry is not None and entry.type == "product") or (entry is None and lex.non_org(text)):
            continue  # a product, or « Euronext Growth »: a market, not a company
        orgs.append((j, k + 1, entry.name if entry else text, "gazetteer" if entry else "cue"))
        take(j, k + 1)
        last = k


def repeat_mentions(
    lex: OrgLexicon,
    doc: Doc,
    orths: list[int],
    by_orth: TokenIndex,
    ents: list[Span],
    free: Free,
    take: Take,
    orgs: list[OrgMention],
    people: list[PersonMention],
) -> None:
    """Other mentions of a name kept as an organisation are that organisation: the
    model's person-tagged or untagged repeats (« Semavia » after « la start-up
    Semavia »), and names listed with organisations (« Aldebaran, Sirius Capital et
    Vega Partners »)."""
    keys = {name_key(name): name for _, _, name, src in orgs if src != "model"}
    if keys:
        for k, (s, e, name) in reversed(list(enumerate(people))):
            if name_key(name) in keys and not (s >= 1 and doc[s - 1].text in TITLES):
                del people[k]
                orgs.append((s, e, keys[name_key(name)], "model"))
    wanted: dict[int, list[tuple[tuple[int, ...], str]]] = {}
    for s, e, name, src in orgs:
        if src == "gazetteer" or e - s > 4:
            continue  # the gazetteer's matcher found every mention already
        first = doc[s].text
        if first[:1].isupper() and first not in lex.first_names:
            wanted.setdefault(orths[s], []).append((tuple(orths[s:e]), name))
    for i in by_orth.positions(hash_array(wanted)) if wanted else ():
        if not free(i, i + 1):
            continue
        for seq, name in wanted.get(orths[i], ()):
            j = i + len(seq)
            if (
                tuple(orths[i:j]) == seq
                and free(i, j)
                and not (i >= 1 and doc[i - 1].text in TITLES)
            ):
                orgs.append((i, j, name, "model"))
                take(i, j)
                break
    in_org = {i for s, e, _, _ in orgs for i in range(s, e)}
    for ent in ents if in_org else ():
        s, e = ent.start, ent.end
        if ent.label_ not in ("MISC", "LOC", "PER", "ORG") or not free(s, e):
            continue
        root = span_root(ent)
        listed = (root.dep_ == "conj" and root.head.i in in_org) or any(
            c.dep_ == "conj" and c.i in in_org for c in root.children
        )
        if not listed:
            continue
        text = clean_name(ent.text)
        if _listed_name_ok(lex, doc, ent, text):
            orgs.append((s, e, text, "model"))
            take(s, e)
    if in_org:
        listed_unknown_names(lex, doc, in_org, free, take, orgs)


def _listed_name_ok(lex: OrgLexicon, doc: Doc, span: Span, text: str) -> bool:
    """May a name listed with organisations be one: capitalised, not a first name, a
    word the lexicon rules out, a place or a product in its slot?"""
    return not (
        not text[:1].isupper()
        or lex.non_org(text)
        or text.split()[0] in lex.first_names
        or place_slot(lex, doc, span)
        or product_context(lex, doc, span)
    )


def listed_unknown_names(
    lex: OrgLexicon, doc: Doc, in_org: set[int], free: Free, take: Take, orgs: list[OrgMention]
) -> None:
    """Names the model left untagged in a list of organisations: « Facebook, Walt Disney,
    Marriott International et Cisco Systems », « d'AccorHotels, de Desigual et de
    Moncler ». A list item is a conjunct of a word of an organisation."""
    if not in_org:
        return
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for i in sorted(in_org):
        token = doc[i]
        for other in token.children:
            if other.dep_ != "conj" or other.i in in_org or other.i in tagged:
                continue
            start = other.i
            while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
                start -= 1
            end = name_end(doc, start)
            if end <= other.i or doc[start].is_sent_start or not free(start, end):
                continue
            span = doc[start:end]
            text = clean_name(span.text)
            if doc[start].pos_ not in ("PROPN", "NOUN", "X") or not _listed_name_ok(
                lex, doc, span, text
            ):
                continue
            orgs.append((start, end, text, "model"))
            take(start, end)
            in_org.update(range(start, end))


def extends_known(doc: Doc, span: Span, orgs: list[OrgMention], free: Free, take: Take) -> bool:
    """« Orange Business », « Crédit Agricole Languedoc »: a model ORG entity that
    starts with a gazetteer organisation and goes on with free words ending on a
    capitalised one is a subsidiary's fuller name: the kept name is widened to it."""
    s, e = span.start, span.end
    kept = next(
        (k for k, o in enumerate(orgs) if o[0] == s and o[1] < e and o[3] == "gazetteer"),
        None,
    )
    if kept is None or not free(orgs[kept][1], e):
        return False
    rest = doc[orgs[kept][1] : e]
    if not rest[-1].text[:1].isupper() or any(
        (t.is_punct and t.text not in ("&", "-", "'", "’")) or any(c.isdigit() for c in t.text)
        for t in rest
    ):
        return False  # « Airbus A321neo », « Google Pixel 9 »: a product, not a company
    orgs[kept] = (s, e, clean_name(span.text), "model")
    take(s, e)
    return True


# A news site cited by its address (« selon Boursier.com », « latribune.fr »): a medium.
SITE_NAME = re.compile(r"[A-Za-zÀ-ÿ][\w-]*\.(?:com|fr|ca|ch|be|net|info|io|co)")


def site_names(doc: Doc, free: Free) -> list[tuple[int, int, str]]:
    """(start, end, name) of the bare site addresses in ``doc`` (no « www. », no path,
    no e-mail), named as written (GUIDELINES: media cited as organisations)."""
    if not len(doc):
        return []
    found = []
    for i in numpy.flatnonzero(doc.to_array(LIKE_URL)).tolist():
        text = doc[i].text
        if SITE_NAME.fullmatch(text) and not text.lower().startswith("www.") and free(i, i + 1):
            found.append((i, i + 1, text))
    return found


_INSTITUTION_LINKS = ("de", "du", "des", "d'", "d’")
# « la Ville de Nantes », « au ministère du Travail », « du ministère de la Défense »
_INSTITUTION_ARTICLES = ("la", "le", "l'", "l’", "au", "du")
# Words before « la ville de X » that make it a place, not a body acting.
_PLACE_BEFORE = frozenset(["dans", "sur", "vers", "près", "hors", "depuis", "en"])


def _after_institution_words(lex: OrgLexicon, doc: Doc, i: int) -> int | None:
    """The token after the institution's own words starting at ``i`` (« tribunal de
    commerce » in « le tribunal de commerce de Rouen »), or None when none matches."""
    if doc[i].text in lex.institutions:
        return i + 1
    for words in lex.institution_phrases.get(doc[i].lower_, ()):
        end = i + len(words)
        if end <= len(doc) and all(
            t.lower_.replace("’", "'") == w for t, w in zip(doc[i:end], words, strict=True)
        ):
            return end
    return None


def institution_names(
    lex: OrgLexicon, doc: Doc, positions: list[int], free: Free
) -> list[tuple[int, int, str]]:
    """(start, end, name) of public bodies written « la Ville de Nantes », « la Région
    Occitanie », « le tribunal de commerce de Rouen »: an institution's words
    (``org_context.tsv``) after an article, then a capitalised name, whatever the
    recogniser tagged."""
    found = []
    for i in positions:
        if i == 0 or doc[i - 1].lower_ not in _INSTITUTION_ARTICLES:
            continue
        if doc[i].is_lower and i >= 2 and doc[i - 2].lower_ in _PLACE_BEFORE:
            continue  # « dans la ville de Lyon » is a place
        j = _after_institution_words(lex, doc, i)
        if j is None:
            continue
        if j < len(doc) and doc[j].lower_ in _INSTITUTION_LINKS:
            j += 1
            if j < len(doc) and doc[j].lower_ in ("la", "l'", "l’"):
                j += 1  # « le ministère de la Défense »
        end = j
        while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        name = doc[i:end].text
        if end > j and free(i, end) and not lex.non_org(name):
            found.append((i, end, name))
    return found


# « dOpenAI »: an elision whose apostrophe was lost, glued to a capitalised name.
_LOST_ELISION = re.compile(r"(?<![\w'’])[dl][A-Z][\w.]*\w")
# A line written in capitals (a title): no lower-case letter, at least two capitals.
_CAPS_LINE = re.compile(r"^[^a-zà-ÿ\n]*[A-ZÀ-Ý]{2}[^a-zà-ÿ\n]*$", re.M)


def _known_org(gaz: Gazetteer, text: str) -> str | None:
    entry = gaz.lookup(text)
    if entry is None or entry.type != "org" or entry.ambiguous:
        return None
    return entry.name


def unseen_names(
    lex: OrgLexicon,
    gaz: Gazetteer,
    doc: Doc,
    free: Free,
    take: Take,
    orgs: list[OrgMention],
    people: list[PersonMention],
) -> None:
    """Known names the recogniser may leave out: after a lost apostrophe (« dOpenAI »), and
    in a title written in capitals, the gazetteer's organisations (« MICROSOFT ET OPENAI »)
    and a known first name with its surname (« ENTRETIEN AVEC JENSEN HUANG »)."""
    text = doc_text(doc)
    for match in _LOST_ELISION.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1 or not free(span.start, span.end):
            continue
        name = _known_org(gaz, match.group()[1:])
        if name:
            orgs.append((span.start, span.end, name, "gazetteer"))
            take(span.start, span.end)
    for match in _CAPS_LINE.finditer(text):
        line = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if line is None:
            continue
        i = line.start
        while i < line.end:
            tok = doc[i]
            if not (tok.is_alpha and len(tok.text) >= 2 and free(i, i + 1)):
                i += 1
                continue
            name = _known_org(gaz, tok.text)
            if name:
                orgs.append((i, i + 1, name, "gazetteer"))
                take(i, i + 1)
            elif (
                tok.text.title() in lex.first_names
                and i + 1 < line.end
                and doc[i + 1].is_alpha
                and len(doc[i + 1].text) >= 2
                and free(i + 1, i + 2)
                and not doc[i + 1].is_stop
                and not lex.non_org(doc[i + 1].text.title())
            ):
                people.append((i, i + 2, fix_person_case(doc[i : i + 2].text)))
                take(i, i + 2)
                i += 1
            i += 1
