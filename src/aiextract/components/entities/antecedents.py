"""Choosing what each reference stands for (see ``references.py`` for the kinds and
``docs/entities.md`` for the rules, in the order they are tried here)."""

from __future__ import annotations

from collections.abc import Sequence

from aiextract.components.columns import Columns
from aiextract.components.entities.article import (
    COMPANY_THINGS,
    DEMONSTRATIVE_HEADS,
    DET_GENDERS,
    GENERIC_NOUNS,
    PERSON_NOUNS,
    PERSONAL,
    STAGE_NOUNS,
    SUBJECT_DEPS,
    Article,
    coordinated,
    countries,
    noun_classes,
)
from aiextract.components.entities.references import Reference
from aiextract.components.entities.salience import Name, article_focus

# ---------------------------------------------------------------- resolving


RULES_BY_KIND = {
    "relative": "relative clause",
    "possessive": "subject of the clause",
    "pair": "the two most named",
    "plural": "coordinated subject",
    "apposition": "name in the phrase",
    "epithet": "epithet table",
}


FUND_COMPLEMENTS = frozenset(
    [("de", "gestion"), ("d'", "investissement"), ("de", "capital-risque"), ("de", "capital")]
)


def resolve_all(art: Article, refs: Sequence[Reference]) -> None:
    """Fill each reference's ``names``, in text order (a relative or a pronoun may lean
    on a reference resolved before it)."""
    by_head = {i: r for r in refs for i in range(r.start, r.end)}
    for ref in refs:
        if ref.names:
            ref.rule = RULES_BY_KIND.get(ref.kind, ref.kind)
            if ref.kind != "apposition" and len(ref.names) == 1:
                art.resolved.append((ref.names[0], ref.start))
            continue
        if ref.kind == "relative":
            ref.names = _relative(art, ref, by_head)
        elif ref.kind == "possessive":
            ref.names = _possessive(art, ref, by_head)
        elif ref.kind == "pair":
            ref.names = _pair(art, ref)
        elif ref.kind == "plural":
            ref.names = _plural(art, ref, by_head)
        else:
            found = _antecedent(art, ref, by_head)
            ref.names = (found.name,) if found is not None else ()
        if ref.names and not ref.rule:
            ref.rule = RULES_BY_KIND.get(ref.kind, ref.kind)
        if len(ref.names) == 1:
            art.resolved.append((ref.names[0], ref.start))
            if ref.kind == "description":
                art.learn(ref.names[0], ref.start, ref.end)


def _subject_names(art: Article, k: int, by_head: dict[int, Reference]) -> set[str]:
    """The entities a subject token stands for: a name and its conjuncts, or a
    resolved reference."""
    cols = art.cols
    out = set()
    name = art.by_token.get(k)
    if name is not None:
        out.add(name.name)
    elif k in by_head:
        out.update(by_head[k].names)
    for j in cols.kids(k):
        inner = art.by_token.get(j)
        if inner is not None and cols.dep[j] in ("conj", "appos", "flat:name", "nmod"):
            out.add(inner.name)
    return out


def _clause_mates(art: Article, i: int, by_head: dict[int, Reference]) -> set[str]:
    """The subject of the verb whose object token ``i`` is (« X a racheté la start-up »,
    « X prend 35 % du groupe », « X devient actionnaire du groupe »: the start-up and
    the group are not X). A verb without a subject of its own (« proposé de racheter
    la société ») takes the subject of the verb it depends on."""
    cols = art.cols
    dep = cols.dep[i]
    verb = cols.head[i]
    if dep == "nmod" and (
        cols.dep[verb] in ("obj", "obl:arg", "xcomp")
        or noun_classes().get(cols.lemma[verb]) == "relation"
    ):
        dep, verb = cols.dep[verb], cols.head[verb]
        if dep not in ("obj", "obl:arg", "xcomp", "iobj", "obl:mod"):
            dep = "obj"  # « actionnaire du groupe » wherever it stands
    if dep not in ("obj", "iobj", "obl:arg", "obl:mod", "xcomp"):
        return set()
    if cols.pos[verb] != "VERB" and not (dep == "obj" and cols.pos[verb] == "ADJ"):
        return set()  # (« a doublé ses effectifs » with « doublé » tagged ADJ is a verb)
    out: set[str] = set()
    for _ in range(3):
        for k in cols.kids(verb):
            if cols.dep[k] in (*SUBJECT_DEPS, "expl:subj"):
                out |= _subject_names(art, k, by_head)
        if out or cols.dep[verb] not in ("xcomp", "advcl", "conj") or cols.head[verb] == verb:
            break
        verb = cols.head[verb]
    return out


def _fits(art: Article, name: Name, ref: Reference, keys: set[str], gender: str) -> bool:
    """Agreement, class and origin: can ``name`` be what ``ref`` describes?"""
    if name.name in art.sources:
        return False
    if ref.kind in ("person", "company"):
        return name.kind == ("person" if ref.kind == "person" else "org")
    if gender and ref.kind == "pronoun":
        genders = art.genders(name.name)
        if genders and gender not in genders:
            return False  # « il » for « la start-up X », « elle » for a man
    if name.kind == "person":
        return ref.kind in ("pronoun", "possessive")
    classes = {noun_classes().get(k, "") for k in keys} - {"", "company", "relation"}
    known = art.classes(name.name)
    if classes and known and not classes & known:
        return False  # « la banque » is not the start-up
    specific = keys - GENERIC_NOUNS
    if (
        specific
        and known
        and known <= {"public", "media", "research", "bank", "fund"}
        and not (classes & known)
    ):
        return False  # « le studio » is not the European Commission, « l'éditeur » no bank
    if keys and not classes and known and known <= {"public", "research"}:
        return False  # « la firme américaine » is not the SEC
    if keys and keys <= GENERIC_NOUNS and known and known <= {"fund"}:
        return False  # « l'entreprise » is not the fund that invests in it
    origins = set(ref.origins_in(art.cols))
    known_origins = art.origins().get(name.name, set())
    if origins and known_origins and not countries(origins) & countries(known_origins):
        return False  # « l'industriel chinois » is not « la marque californienne »
    if gender and ref.kind == "pronoun":
        genders = art.genders(name.name)
        if genders and gender not in genders:
            return False  # « il » for « la start-up X »
    return True


def _antecedent(art: Article, ref: Reference, by_head: dict[int, Reference]) -> Name | None:
    """The entity a description or a pronoun stands for, when it is clear."""
    cols = art.cols
    tok = ref.head
    n = art.sent_of[tok]
    sent_start = art.sentences[n][0]
    low = cols.low[tok]
    gender = PERSONAL.get(low, DEMONSTRATIVE_HEADS.get(low, ""))
    keys = {art.noun_key(j) for j in range(ref.start, ref.end)} - {""}
    if "jeune" in cols.low[ref.start : ref.end] and keys & GENERIC_NOUNS:
        keys.add("start-up")  # « cette jeune société »
    after = tuple(cols.low[ref.end : ref.end + 2])
    if keys & GENERIC_NOUNS and after in FUND_COMPLEMENTS:
        keys.add("fonds")  # « la société de gestion », « la société d'investissement »
    skip = _clause_mates(art, tok, by_head) | set(ref.inside)

    def ok(name: Name) -> bool:
        return name.name not in skip and _fits(art, name, ref, keys, gender)

    if low in DEMONSTRATIVE_HEADS:  # « ce dernier »: the last one named that agrees
        prev_start = art.sentences[max(0, n - 1)][0]
        for name in reversed(art.in_span(prev_start, ref.start)):
            if name.name not in art.sources and ok(name):
                ref.rule = "last named"
                return name
        return None
    pronoun = ref.kind in ("pronoun", "possessive", "person", "company")
    if pronoun:
        # « La start-up ... a indiqué qu'elle »: the subject reference before it
        for j in range(sent_start, tok):
            if cols.dep[j] in SUBJECT_DEPS and j in by_head and by_head[j].kind != "relative":
                names = by_head[j].names
                found = _last_named(art, names[0], tok) if len(names) == 1 else None
                said = _phrase_gender(cols, by_head[j])
                if (
                    found is not None
                    and found.name not in skip
                    and (said == gender if said and gender else ok(found))
                ):
                    ref.rule = "subject of its sentence"
                    return found  # « L'éditeur poursuit ... : il détient »
                if found is None:
                    return None  # it stands for what that subject stands for
    # 1. the closest candidate earlier in the same sentence, if it is alone there: an
    # unmarked name, or a subject reference already resolved (« Le groupe, présidé par
    # X, poursuit sa montée dans l'éditeur »)
    named = [m for m in art.in_span(sent_start, ref.start) if m.name not in art.sources]
    # unmarked names, and « chez X, ... l'entreprise »; not an agent (« présidé par X »)
    # nor a complement (« la concurrente d'OpenAI ... elle »)
    before = [m for m in named if ok(m) and _marker(art, m, sent_start) in ("", "chez", "pour")]
    if cols.dep[tok] in SUBJECT_DEPS and ref.kind != "possessive":
        # « Après s'être offert l'éditeur X, le groupe met la main sur Y »: the subject
        # of a clause is not the object of the clause before it
        before = [m for m in before if cols.dep[m.root] not in ("obj", "iobj", "obl:arg", "xcomp")]
    for j in range(sent_start, ref.start):
        if cols.dep[j] not in SUBJECT_DEPS or j in art.by_token:
            continue
        if j in by_head and by_head[j] is not ref and len(by_head[j].names) == 1:
            found = _last_named(art, by_head[j].names[0], j + 1)
            if found is not None and ok(found):
                before.append(found)
        elif _unknown_name(cols, j):
            return None  # a subject name the orgs step did not take: it may be this one
    if len({m.name for m in before}) == 1:
        listed = set(coordinated(art, before[-1])) - {before[-1].name}
        if any(ok(m) for m in named if m.name in listed):
            return None  # « A et B ont signé ... la société »: which one is not said
    if len({m.name for m in before}) == 1:
        candidate = before[-1]
        known = art.nouns().get(candidate.name, set()) - GENERIC_NOUNS
        specific = keys - {"start-up"} - GENERIC_NOUNS
        origins = set(ref.origins_in(cols))
        if specific and known and not known & specific:
            pass  # « l'éditeur X ..., le groupe »: not the one named so; look further
        elif (
            (specific or origins)
            and not _matches(art, candidate, ref, keys)
            and len({m.name for m in named}) > 1
        ):
            return None  # « du groupe stéphanois » with another company named beside
        else:
            ref.rule = "same sentence"
            return candidate
    elif before:
        return None
    subject = cols.dep[tok] in SUBJECT_DEPS
    # the sentence before; a clause cut off it at « ; » that names no one does not count
    # (« X a capitalisé ... ; cela pourrait-il être le signe ... ? L'acquisition par le
    # géant ... »: X's sentence)
    before_n = n - 1
    if before_n > 0:
        start, end = art.sentences[before_n]
        if (
            cols.is_lower[start]
            and cols.low[start - 1] in (";", ":")
            and not art.in_span(start, end)
        ):
            before_n -= 1
    previous = _previous_subject(
        art, before_n, ok, by_head, pronoun, generic=not (keys - GENERIC_NOUNS)
    )
    if previous is _BLOCKED:
        return None
    keys = keys - GENERIC_NOUNS
    leads: list[Name | None] = []

    def lead_name() -> Name | None:  # the focus so far, found when a rule needs it
        if not leads:
            leads.append(_lead(art, tok, skip))
        return leads[0]

    # 2. the subject of the sentence before, when it fits: introduced with the same noun
    # or origin, the article's focus, or any company for a generic noun; unless a
    # company called so elsewhere disagrees
    fits: dict[str, Name] = {}
    origins = set(ref.origins_in(cols))
    if ref.kind == "description" and (keys or origins):
        fits = {
            m.name: m for m in art.names if m.start < tok and ok(m) and _matches(art, m, ref, keys)
        }
    if (
        ref.kind == "description"
        and not keys
        and not subject
        and any(m in art.org_names for m in skip)
        and (opening := _opening_subject(art, by_head, tok)) is not None
        and (lead := lead_name()) is not None
        and lead.name == opening
        and ok(lead)
        and (previous is None or lead.name != previous.name)
    ):
        # « X détient 22 % de la société »: a generic noun as the complement of another
        # company's verb stands for the article's leading company (named as the
        # title's subject), rather than the last sentence's subject
        ref.rule = "article focus (complement)"
        return lead
    by_origin = {name: m for name, m in fits.items() if _origin_match(art, m, ref)}
    if len(by_origin) == 1 and (previous is None or previous.name not in by_origin):
        ref.rule = "introduced as"
        return next(iter(by_origin.values()))  # « le géant américain » for « X, groupe américain »
    if previous is not None:
        matched = _matches(art, previous, ref, keys)
        known = _trades(art.nouns().get(previous.name, set()))
        conflict = bool(_trades(keys)) and bool(known) and not matched
        classes = {noun_classes().get(k) for k in keys} - {None, "company", "relation"}
        if classes & {noun_classes().get(k) for k in known}:
            conflict = False  # « le groupe » for « le conglomérat X »
        unknown = not art.nouns().get(previous.name)
        if not conflict and (
            matched
            or not keys
            or unknown
            or ((lead := lead_name()) is not None and lead.name == previous.name)
        ):
            # the sentence before names it as its topic: that wins over a company
            # introduced with the same noun further back (« L'opérateur X ... Pour Y,
            # c'est un revers. L'opérateur ... » is Y)
            if matched and _rival(art, before_n, previous, ref, keys, ok):
                return None  # « la start-up X ... avec la start-up Y. La jeune pousse »
            ref.rule = "previous subject"
            return previous
    # 3. « le groupe texan »: the one company introduced earlier as « le groupe X »
    if len(fits) == 1:
        ref.rule = "introduced as"
        return next(iter(fits.values()))
    if len(fits) > 1:
        ref.rule = "previous subject"
        return previous if previous is not None and previous.name in fits else None
    if previous is not None and not (_trades(keys) and known):
        ref.rule = "previous subject"
        return previous
    # 4. a description the sentences before leave open: the article's focus
    if (
        ref.kind == "description"
        and subject
        and (lead := lead_name()) is not None
        and ok(lead)
        and (not keys - {"start-up"} or _matches(art, lead, ref, keys))
    ):
        ref.rule = "article focus"
        return lead
    # 5. for a subject, the subject two sentences back
    if n >= 2 and subject:
        found = _previous_subject(art, n - 2, ok, by_head, pronoun, True)
        if found not in (None, _BLOCKED):
            known = _trades(art.nouns().get(found.name, set()))
            if not _trades(keys) or not known or _matches(art, found, ref, keys):
                ref.rule = "two sentences back"
                return found
    return None


def _opening_subject(art: Article, by_head: dict[int, Reference], tok: int) -> str | None:
    """The entity that is the first subject of the title and lead (the sentences before
    ``lead_end``), if that subject is an entity (found once the lead is resolved)."""
    if tok < art.lead_end:
        return _find_opening_subject(art, by_head)
    if "opening" not in art.memo:
        art.memo["opening"] = _find_opening_subject(art, by_head)
    return art.memo["opening"]


def _find_opening_subject(art: Article, by_head: dict[int, Reference]) -> str | None:
    for start, end in art.sentences:
        if start >= art.lead_end:
            break
        for k in range(start, end):
            if art.cols.dep[k] not in SUBJECT_DEPS:
                continue
            name = art.by_token.get(k)
            if name is not None and _marked(art, name, start):
                continue  # « concurrente d'OpenAI » parsed as a subject
            if name is not None:
                return name.name
            if k in by_head and len(by_head[k].names) == 1:
                return by_head[k].names[0]
            return None  # the first subject is no entity
    return None


def _lead(art: Article, before: int, skip: set[str]) -> Name | None:
    """The article's focus so far: from the names and the references resolved before
    token ``before`` (see ``salience.article_focus``)."""
    mentions = [(n.name, n.start) for n in art.names if n.start < before and n.kind == "org"]
    mentions += [(name, t) for name, t in art.resolved if t < before]
    found = article_focus(mentions, skip | art.sources, art.lead_end)
    return _last_named(art, found, before) if found else None


def _unknown_name(cols: Columns, k: int) -> bool:
    """A capitalised noun the orgs step did not take (« Synthesio est deuxième »)."""
    return not cols.is_lower[k] and cols.low[k].isalpha() and cols.pos[k] in ("PROPN", "NOUN", "X")


def _employer(art: Article, person: Name) -> Name | None:
    """The organisation a person is presented with: « X, directrice financière de Y »."""
    cols = art.cols
    if person.end >= len(cols.low) or cols.low[person.end] != ",":
        return None
    for j in range(person.end + 1, min(len(cols.low), person.end + 9)):
        if cols.is_punct[j]:
            return None
        name = art.by_token.get(j)
        if name is not None:
            ok = name.kind == "org" and cols.low[j - 1] in ("de", "d'", "du", "chez")
            return name if ok else None
    return None


def _phrase_gender(cols: Columns, ref: Reference) -> str:
    """The gender a description shows by its determiner (« l'éditeur »: its noun)."""
    gender = DET_GENDERS.get(cols.low[ref.start], "")
    if not gender and ref.kind in ("description", "apposition", "epithet"):
        genders = cols.feats(ref.head).get("Gender", ())
        gender = genders[0] if len(genders) == 1 else ""
    return gender


def _trades(nouns: set[str]) -> set[str]:
    """The nouns that say a company's trade (« éditeur », « constructeur »), not its
    size or stage (« groupe », « start-up ») nor nothing (« société »)."""
    return (
        {n for n in nouns if noun_classes().get(n) not in (None, "group", "relation")}
        - GENERIC_NOUNS
        - STAGE_NOUNS
    )


def _origin_match(art: Article, name: Name, ref: Reference) -> bool:
    origins = set(ref.origins_in(art.cols))
    return bool(countries(origins) & countries(art.origins().get(name.name, set())))


def _matches(art: Article, name: Name, ref: Reference, keys: set[str]) -> bool:
    """Was ``name`` introduced with the reference's noun or origin (« le groupe X »
    for « le groupe », « le japonais X » for « le groupe japonais »)?"""
    known = art.nouns().get(name.name, set())
    if known & keys:
        return True
    origins = set(ref.origins_in(art.cols))
    return bool(countries(origins) & countries(art.origins().get(name.name, set())))


def _rival(art: Article, n: int, chosen: Name, ref: Reference, keys: set[str], ok) -> bool:
    """Does sentence ``n`` name another candidate introduced like ``chosen`` with the
    reference's noun or origin?"""
    start, end = art.sentences[n]
    return any(
        m.name != chosen.name and ok(m) and _matches(art, m, ref, keys)
        for m in art.in_span(start, end)
    )


_BLOCKED = Name(-1, -1, -1, "", "")  # the sentence's subject is something else


def _previous_subject(
    art: Article,
    n: int,
    ok,
    by_head: dict[int, Reference],
    pronoun: bool,
    subjects_only: bool = False,
    generic: bool = True,
) -> Name | None:
    """In sentence ``n``: its last subject that is an entity (a name or a resolved
    reference); failing that its only candidate named without a preposition, or one
    opening it (« Pour X, ... »). For a pronoun, a last subject that is no entity
    (« Le patron du Losange ... Il ») blocks: ``_BLOCKED``."""
    if n < 0:
        return None
    cols = art.cols
    start, end = art.sentences[n]
    last: Name | None = None
    blocked = False
    quoted = 0
    for k in range(start, end):
        quoted += (cols.low[k] == "«") - (cols.low[k] == "»")
        opening = (
            k in by_head
            and by_head[k].start == start
            and by_head[k].head == k
            and cols.dep[k] == "ROOT"
        )  # « Le constructeur, qui a réalisé ..., emploie »: a subject parsed as the root
        if not opening and (
            cols.dep[k] not in SUBJECT_DEPS
            or cols.dep[cols.head[k]] == "acl:relcl"
            or quoted > 0  # « Pakko nous ouvre les portes », dit-il: not the topic
        ):
            continue
        name = art.by_token.get(k)
        listed = set(coordinated(art, name)) - {name.name} if name is not None else set()
        if listed and any(ok(m) for m in art.in_span(start, end) if m.name in listed):
            last, blocked = None, True  # « A et B ont signé »: not one of them
        elif name is not None:
            # « explique X, directrice de Y. L'entreprise »: a generic noun or a pronoun
            # may stand for the speaker's company, not a specific one (« du studio »)
            employer = _employer(art, name) if name.kind == "person" and generic else None
            if ok(name):
                last, blocked = name, False
            elif employer is not None and ok(employer):
                last, blocked = employer, False  # « explique X, directrice de Solvéo »
        elif k in by_head and by_head[k].kind != "relative":
            names = by_head[k].names
            found = _last_named(art, names[0], k) if len(names) == 1 else None
            if found is not None and ok(found):
                last, blocked = found, False
            elif pronoun and not names:
                last, blocked = None, True  # an unresolved subject: it may be this one
        elif cols.pos[k] in ("NOUN", "PROPN") and pronoun:
            last, blocked = None, True
        elif _unknown_name(cols, k):
            last, blocked = None, True  # a subject name the orgs step did not take
    if last is not None:
        return last
    if blocked:
        return _BLOCKED
    if subjects_only:
        return None
    found = [m for m in art.in_span(start, end) if ok(m)]
    unmarked = [m for m in found if not _marked(art, m, start)]
    if len({m.name for m in unmarked}) == 1:
        return unmarked[-1]
    if len({m.name for m in found}) == 1 and (pronoun or found[0].start - start <= 2):
        return found[0]  # « Kelvia lève 8 M€ auprès du fonds X. Il détient »: the only one
    return None


def _before_phrase(art: Article, name: Name, sent_start: int) -> int:
    """The token before a name's noun phrase (its determiner, company noun, adjectives):
    « auprès de [la start-up lyonnaise] X » gives « de »."""
    cols = art.cols
    j = name.start - 1
    while j >= sent_start and (
        cols.pos[j] == "DET" or (cols.is_lower[j] and (art.noun_key(j) or cols.pos[j] == "ADJ"))
    ):
        j -= 1
    return j


def _marker(art: Article, name: Name, sent_start: int) -> str:
    """The preposition introducing a name (« par », « chez »...), or ''."""
    j = _before_phrase(art, name, sent_start)
    if j < sent_start or not _marked(art, name, sent_start):
        return ""
    return art.cols.low[j]


def _marked(art: Article, name: Name, sent_start: int) -> bool:
    """Is a name introduced by a preposition (« auprès de X », « chez le groupe X »)?"""
    key = ("marked", name.start, sent_start)
    if key not in art.memo:
        art.memo[key] = _find_marked(art, name, sent_start)
    return art.memo[key]


def _find_marked(art: Article, name: Name, sent_start: int) -> bool:
    cols = art.cols
    j = _before_phrase(art, name, sent_start)
    if j < sent_start:
        return False
    listed = cols.low[j] == "et" or (
        cols.low[j] == "," and name.end < len(cols.low) and cols.low[name.end] in (",", "et")
    )
    if listed:  # « auprès de A, B et C »: B and C share A's preposition
        before = art.by_token.get(j - 1)
        return before is not None and _marked(art, before, sent_start)
    if cols.low[j] == ",":
        return False  # « Créée par d'anciens de X, la société Y compte »: no list
    return cols.pos[j] == "ADP" or cols.low[j] in ("du", "des", "au", "aux")


def _last_named(art: Article, name: str, before: int) -> Name | None:
    """The last mention of entity ``name`` before token ``before`` (the first after it
    when none is before: « la start-up X »)."""
    found = None
    for m in art.names:
        if m.name == name:
            if m.start >= before and found is not None:
                break
            found = m
            if m.start >= before:
                break
    return found


def _relative(art: Article, ref: Reference, by_head: dict[int, Reference]) -> tuple[str, ...]:
    """« X, qui a levé », « la société, dont le capital »: the name or description the
    relative clause hangs on, or the name just before."""
    cols = art.cols
    i = ref.head
    clause = next((a for a in cols.ancestors(i, 4) if cols.dep[a] == "acl:relcl"), None)
    if clause is not None:
        antecedent = cols.head[clause]
        found = art.by_token.get(antecedent)
        if found is None:  # « le patron de X, Y, qui »: the apposed name before a complement
            kids = [c for c in cols.kids(antecedent) if c in art.by_token]
            for deps in (("appos", "flat:name"), ("nmod",)):
                found = next((art.by_token[c] for c in kids if cols.dep[c] in deps), None)
                if found is not None:
                    break
        if found is None and antecedent in by_head and by_head[antecedent].names:
            return by_head[antecedent].names
        if found is not None:
            if found.name in art.sources:
                return ()
            if cols.has(clause, "Number", "Plur"):  # « A et B, qui détiennent »
                return coordinated(art, found)
            return (found.name,)
    sent_start = art.sentences[art.sent_of[i]][0]
    j = i - 1
    while j > sent_start and (cols.pos[j] == "ADP" or cols.low[j] == ","):
        j -= 1
    found = art.by_token.get(j)
    return (found.name,) if found is not None and found.name not in art.sources else ()


def _possessive(art: Article, ref: Reference, by_head: dict[int, Reference]) -> tuple[str, ...]:
    """The owner of « son / sa / ses / leur(s) X »: the subject of the verb above the
    noun phrase; when there is none, or the phrase is that subject (« Son capital est
    ouvert »), the owner is found as for a pronoun."""
    cols = art.cols
    i = ref.head
    noun = cols.head[i]
    plural = cols.low[i] in ("leur", "leurs")
    if noun_classes().get(cols.lemma[noun]) == "relation":
        return ()  # « son concurrent » is not its owner
    if cols.lemma[noun] in PERSON_NOUNS:
        ref = Reference(ref.start, ref.end, ref.head, "person")  # « son embauche »: a person
    elif cols.lemma[noun] in COMPANY_THINGS:
        ref = Reference(ref.start, ref.end, ref.head, "company")  # « ses effectifs »
    verb, hops, own_subject = noun, 0, False
    while cols.pos[verb] not in ("VERB", "AUX") and cols.head[verb] != verb and hops < 4:
        if cols.dep[verb] in SUBJECT_DEPS:
            own_subject = True
            break
        verb = cols.head[verb]
        hops += 1
    subject = None
    if not own_subject and cols.pos[verb] in ("VERB", "AUX"):
        if cols.lemma[noun] == "capital" and cols.lemma[verb] in ("entrer", "monter", "prendre"):
            return ()  # « X est entré à son capital »: another company's capital
        subject = next((k for k in cols.kids(verb) if cols.dep[k] in SUBJECT_DEPS), None)
        if subject is None and cols.dep[verb] in ("xcomp", "conj", "advcl"):
            parent = cols.head[verb]
            subject = next((k for k in cols.kids(parent) if cols.dep[k] in SUBJECT_DEPS), None)
    if subject is not None:
        owners = _subject_owners(art, subject, by_head)
        if owners and (len(owners) > 1) == plural:
            return owners
        if owners or cols.pos[subject] in ("NOUN", "PROPN", "PRON"):
            return ()  # the subject is someone else, or not an entity
    if plural:
        return _plural(art, ref, by_head)
    found = _antecedent(art, ref, by_head)
    return (found.name,) if found is not None else ()


def _subject_owners(art: Article, subject: int, by_head: dict[int, Reference]) -> tuple[str, ...]:
    """The entities a subject token stands for: a name and the names coordinated with it,
    or a resolved reference."""
    name = art.by_token.get(subject)
    if name is not None:
        owners = coordinated(art, name)
        return () if any(o in art.sources for o in owners) else owners
    if subject in by_head:
        ref = by_head[subject]
        if ref.kind == "apposition":  # « Le fonds X et le groupe Y ont uni leurs forces »
            named = next((m for m in art.names if m.start >= ref.end), None)
            if named is not None and named.name == ref.names[0]:
                return coordinated(art, named)
        return ref.names
    return ()


def _plural(art: Article, ref: Reference, by_head: dict[int, Reference]) -> tuple[str, ...]:
    """« ils », « elles », « leur »: the names coordinated as the last subject before it,
    in its sentence or the one before (« A et B ont signé ... Ils prévoient »)."""
    cols = art.cols
    n = art.sent_of[ref.head]
    for m in (n, n - 1):
        if m < 0:
            break
        start, end = art.sentences[m]
        subjects = [
            k
            for k in range(start, min(end, ref.start))
            if cols.dep[k] in SUBJECT_DEPS and cols.dep[cols.head[k]] != "acl:relcl"
        ]
        if subjects:
            owners = _subject_owners(art, subjects[-1], by_head)
            if len(owners) > 1:
                return owners
            break
    if ref.kind == "plural":
        return ()
    return _pair(art, ref)  # « X s'est alliée à Y. Leur alliance »


def _pair(art: Article, ref: Reference) -> tuple[str, ...]:
    """« les deux groupes »: the two organisations named most often before it, when a
    third one is named less often than both (else unresolved)."""
    counts: dict[str, int] = {}
    keys = {art.noun_key(j) for j in range(ref.start, ref.end)} - {""}
    for name in art.names:
        if name.start >= ref.start:
            break
        if name.kind == "org" and _fits(art, name, ref, keys, ""):
            counts[name.name] = counts.get(name.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) < 2 or (len(ranked) > 2 and ranked[2][1] >= ranked[1][1]):
        return ()
    first, second = ranked[0][0], ranked[1][0]
    order = {n.name: n.start for n in reversed(art.names) if n.name in (first, second)}
    return tuple(sorted((first, second), key=lambda n: order[n]))
