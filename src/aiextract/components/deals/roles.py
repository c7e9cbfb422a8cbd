"""Who takes part in a deal, and in which role.

The parties of a trigger are found in its sentence from three kinds of evidence, in
order of trust:

1. the dependency tree: a party must hang under the trigger (or under the verb that
   governs a trigger noun) without crossing another clause (« xAI, la start-up fondée
   par Elon Musk »: Musk hangs under *fondée*, not under the deal); the subject of the
   trigger's verb is found through coordination and control (« X a levé ... et cherche à
   obtenir », « autoriser X à signer »);
2. the word before the party (« auprès de », « mené par », « chez »), shared along a
   list (« auprès de A et B »), read from ``data/deal_cues.tsv``;
3. references (« l'entreprise », « le géant de Redmond », « elle », « qui »), as the
   entities step resolved them (``MentionIndex.read_entities``); none are resolved here.

The trigger's ``frame`` (``data/deal_triggers.tsv``) maps positions to roles. The tree
is read in ``syntax``, the cue words in ``cues``, the names in ``mentions``, the word
classes in ``role_tables``; talks and possessives have their own modules.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import normalise as _norm
from aiextract.components.deals.cues import (
    adjacent_mentions,
    linear_marker,
    linear_subject,
    listed_with,
    replaced,
)
from aiextract.components.deals.mentions import Mention, MentionIndex, Party
from aiextract.components.deals.possessives import possessive_owner
from aiextract.components.deals.role_tables import (
    GIVE_VERBS,
    JOIN_VERBS,
    LEAD_VERBS,
    MONEY_NOUNS,
    SELL_VERBS,
    SUBJECT_DEPS,
    UNIT_NOUNS,
    WIN_VERBS,
    company_nouns,
    company_words,
    join_forms,
)
from aiextract.components.deals.syntax import (
    find_subject,
    governor,
    group_member,
    is_passive,
    path_up,
    subject_mentions,
)
from aiextract.components.deals.talks import is_talks, talks_parties
from aiextract.components.entities.article import RELATIVES
from aiextract.components.entities.salience import source_cues
from aiextract.lexicon import load_table


def _role_allowed(role: str, kind: str) -> bool:
    if role == "person":
        return kind == "person"
    if role == "investor":
        return True
    return kind == "org"


def _trigger_complement(tok: Token, anchor: Token) -> bool:
    """« en Bourse » in « l'introduction en Bourse de X »: a noun right after the trigger
    noun, with only a preposition between, that the next « de X » hangs on."""
    return (
        tok.head.i == anchor.i
        and tok.dep_ == "nmod"
        and 0 < tok.i - anchor.i <= 2
        and all(t.pos_ == "ADP" for t in tok.doc[anchor.i + 1 : tok.i])
    )


def _de_ok(doc: Doc, token: Token, anchor: Token, role: str, mentions: MentionIndex) -> bool:
    """« de X » belongs to the deal only on the trigger itself or on a part of a
    company (« le rachat des activités de X », « 27 % de X »), not « les poids de X »."""
    while token.head.i != token.i and (
        token.dep_ == "conj"
        or (  # « de A et du fonds B »: B's company noun is the conjunct
            token.head.dep_ == "conj"
            and token.head.lemma_.lower() in company_nouns()
            and token.head.head.i != token.head.i
        )
    ):
        token = token.head
    head = token.head
    # « la biotech lyonnaise X »: climb over the company noun and its adjectives
    for _ in range(3):
        if head.i == anchor.i or _trigger_complement(head, anchor):
            return True
        if (
            head.pos_ == "ADJ"
            or head.lemma_.lower() in company_nouns()
            or (head.i == token.i - 1 and head.is_lower)  # « de l'allemand X »
        ):
            head = head.head
        else:
            break
    if (head.lemma_.lower() in UNIT_NOUNS or head.text == "%") and head.i != token.head.i:
        return True  # « le contrôle du groupe X »: the unit above the company noun
    head = token.head
    if head.lemma_.lower() in UNIT_NOUNS or head.text == "%" or head.pos_ == "NUM":
        return True
    if role == "investor" and (
        head.lemma_.lower() in MONEY_NOUNS or any(s.start <= head.i < s.end for s in mentions.money)
    ):
        return True  # « 42 millions d'euros de la Commission européenne », « 2 M€ de X »
    if head.lemma_.lower() in company_nouns() and head.head.i == anchor.i:
        return True
    if role == "employer":
        # « nommé directeur général de X », « prend la tête des ventes de X »: the
        # post's noun (and the department under it) hang on the appointing verb
        for _ in range(3):
            if head.head.i == anchor.i:
                return head.pos_ == "NOUN"
            if head.pos_ != "NOUN" or head.dep_ != "nmod" or head.head.i == head.i:
                return False
            head = head.head
        return False
    return role in ("source", "person") and head.head.i == anchor.i


def _goods(doc: Doc, mention: Mention, marker: str) -> bool:
    """Is a name after « de » the goods ordered: a product (« de Rafale »), or a count of
    its maker's machines (« de 134 Airbus »)?"""
    start = mention.start
    if mention.product and marker == "de":
        return True
    return start >= 2 and doc[start - 1].like_num and doc[start - 2].lower_ in ("de", "d'", "d’")


@cache
def _citing_cues() -> tuple[tuple[str, ...], ...]:
    """The ``cite`` rows of ``deal_cues.tsv`` (« au titre de ») and the citing words of
    ``source_cues.tsv`` (« selon », « d'après »), as the tokenizer cuts them: what
    follows them is a frame or a source, not a party."""
    frames = tuple(
        tuple(_norm(r["cue"]).replace("'", "' ").split())
        for r in load_table("deal_cues.tsv")
        if r["key"] == "cite"
    )
    return frames + source_cues().get("before", ())


@cache
def _citing_cues_by_length() -> dict[int, frozenset[tuple[str, ...]]]:
    """:func:`_citing_cues` grouped by their number of words."""
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for cue in _citing_cues():
        by_length.setdefault(len(cue), set()).add(cue)
    return {n: frozenset(cues) for n, cues in by_length.items()}


def _cited(start: int, mentions: MentionIndex) -> bool:
    """Do the words before ``start`` end with a citing cue (« selon », « au titre de »)?"""
    lows = mentions.cols.low
    return any(
        start >= n and tuple(lows[start - n : start]) in cues
        for n, cues in _citing_cues_by_length().items()
    )


def _agent_key(token: Token, frame: dict[str, str]) -> str:
    """The frame key of X in « réalisée par X », « conclu par le groupe X »: X is the agent
    of a participle on the trigger noun, so it takes the noun's subject role (the giver's
    for a giving verb: « la subvention versée par X »); '' for a leading or joining verb
    (« menée par X » names an investor) or no participle."""
    for _ in range(2):
        if token.dep_.startswith("obl"):  # obl:agent, or obl:mod in a loose parse
            verb = token.head
            lemma = verb.lemma_.lower()
            if verb.dep_ != "acl" or lemma in LEAD_VERBS or lemma in JOIN_VERBS:
                return ""
            key = "gsubj_give" if lemma in GIVE_VERBS else "gsubj"
            return key if key in frame else ""
        if token.dep_ not in ("nmod", "flat:name", "appos", "amod") or token.head.i == token.i:
            return ""
        token = token.head
    return ""


def _former_employer(mention: Mention, sent: Span, mentions: MentionIndex) -> bool:
    """« Sophie Marchal, ancienne directrice des opérations de X »: « ancien(ne) » or
    « ex- » opens the noun phrase that ends with the organisation."""
    cols = mentions.cols
    for j in range(mention.start - 1, max(sent.start, mention.start - 8) - 1, -1):
        low = cols.low[j]
        if low in ("ancien", "ancienne", "ex", "ex-") or low.startswith("ex-"):
            return True
        if j in mentions.by_token or cols.pos[j] in ("VERB", "AUX", "PUNCT", "PRON"):
            return False
    return False


def _verbless(tok: Token) -> bool:
    """True when no verb governs ``tok`` (a fragment the parser cut off)."""
    for _ in range(50):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def _sentence_root(tok: Token) -> Token:
    for _ in range(50):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _closes_object(entry: Token, mention: Mention) -> bool:
    """Does ``mention`` end the object noun phrase ``entry``, right after a lower-case
    word of its description (« le numéro deux européen de l'emballage X »)?"""
    return (
        entry.dep_ == "obj"
        and entry.i < mention.start
        and entry.right_edge.i == mention.end - 1
        and entry.doc[mention.start - 1].is_lower
        and entry.doc[mention.start - 1].pos_ in ("NOUN", "ADJ", "PROPN")
    )


def _dont_governs(tok: Token, anchor: Token, doc: Doc) -> bool:
    """« dont » opens the clause of the trigger: the relative clause holds it, or the
    trigger comes right after with no other verb in between."""
    clause = next((a for a in list(tok.ancestors)[:4] if a.dep_ == "acl:relcl"), None)
    if clause is not None and (clause.i == anchor.i or clause in anchor.ancestors):
        return True
    return tok.i < anchor.i and not any(t.pos_ == "VERB" for t in doc[tok.i + 1 : anchor.i])


def _coordinated_with(doc: Doc, mention: Mention, taken: list[tuple[Mention, str, int]]) -> bool:
    """« investi dans X et dans l'éditeur Y »: ``mention`` is joined by « et » to a party
    taken with the same cue, with no verb or stop in between."""
    for other, _how, _token in taken:
        if other.end > mention.start or mention.start - other.end > 12:
            continue
        gap = doc[other.end : mention.start]
        if any(t.lower_ == "et" for t in gap) and not any(
            t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":", "(", ")") for t in gap
        ):
            return True
    return False


def find_parties(
    doc: Doc,
    sent: Span,
    prev: Span | None,
    anchor: Token,
    is_verb: bool,
    frame: dict[str, str],
    mentions: MentionIndex,
    deal_type: str,
    possessive_frame: bool = False,
) -> tuple[list[Party], Token | None]:
    """The parties of the trigger at ``anchor`` and the verb governing a trigger noun.
    ``possessive_frame``: the possessive of the trigger phrase (« à son capital ») names
    the ``capital`` party."""
    gov = None if is_verb else governor(anchor)
    targets: dict[int, str] = {anchor.i: "anchor"}
    if gov is not None:
        targets[gov.i] = "gov"
    elif not is_verb and anchor.dep_ == "nsubj" and is_talks(anchor):
        # « Des discussions seraient en cours avec X »: the parties hang on the predicate
        targets[anchor.head.i] = "gov"
    # the subject, through coordination and control
    if is_verb:
        head_verb = anchor
        subj_key = "psubj" if is_passive(anchor, mentions) else "subj"
        if subj_key == "psubj" and "psubj" not in frame and anchor.dep_ == "acl":
            subj_key = "subj"  # « rejoint » tagged a participle: no passive for it
    elif gov is not None and anchor.dep_ != "nsubj:pass":
        head_verb = gov
        lemma = gov.lemma_.lower()
        subj_key = "gsubj"
        if lemma in GIVE_VERBS and "gsubj_give" in frame:
            subj_key = "gsubj_give"
        elif lemma in SELL_VERBS:
            subj_key = "gsubj_sell"  # the seller of a stake holds nothing: no role
        elif lemma in WIN_VERBS and "gsubj_win" in frame:
            subj_key = "gsubj_win"
        elif lemma in LEAD_VERBS and "led_by" in frame:
            subj_key = "led_by"  # « X mènera le tour de table »: X leads, it does not raise
        elif (
            lemma in JOIN_VERBS
            or gov.lower_ in join_forms()
            or (lemma == "prendre" and any(c.lower_ == "part" for c in gov.children))
        ) and "with" in frame:
            subj_key = "with"  # « X participe / prend part au tour de table »
    elif gov is None and any(c.dep_ == "cop" for c in anchor.children):
        head_verb, subj_key = anchor, "gsubj"  # « X est (l')actionnaire de Y »
    else:
        head_verb, subj_key = None, ""
    by_key: dict[str, list[tuple[Mention, str, int]]] = {}
    used: set[int] = set()

    def add(key: str, mention: Mention, how: str, token: int) -> None:
        if not key or key not in frame:
            return
        by_key.setdefault(key, []).append((mention, how, token))
        used.add(mention.start)

    if not is_verb and anchor.dep_ == "appos":
        # « X, actionnaire de Y, ... »: the name the trigger noun stands beside
        for apposed in subject_mentions(anchor.head, doc, mentions):
            add("gsubj", apposed, "tree", apposed.start)

    # « X annonce un projet ... en partenariat avec Y »: X is a party too
    adverbial = not is_verb and anchor.i > sent.start and doc[anchor.i - 1].lower_ == "en"
    if adverbial and head_verb is None:
        head_verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj_key = "gsubj"
    cols = mentions.cols
    possessive = not is_verb and any(
        cols.dep[c] == "det" and cols.has(c, "Poss", "Yes") for c in cols.kids(anchor.i)
    )
    if possessive and head_verb is None:
        head_verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj_key = "gsubj"
    if head_verb is not None and possessive:
        # « X ... son partenariat avec Y »: the owner is the subject of a verb above
        for verb in [head_verb, *(a for a in head_verb.ancestors if a.pos_ in ("VERB", "AUX"))][:4]:
            subj = find_subject(verb, mentions)
            if subj is None or not sent.start <= subj.i < sent.end:
                continue
            found = subject_mentions(subj, doc, mentions)
            ref = found[0] if found else mentions.reference(subj.i)
            if ref is not None:
                add(subj_key, ref, "tree" if found else "reference", ref.start)
                break
    if head_verb is not None and not used:
        subj = find_subject(head_verb, mentions)
        if (
            subj is not None
            and subj.i > head_verb.i
            and head_verb.dep_ == "xcomp"
            and "Fin" not in head_verb.morph.get("VerbForm")
        ):
            subj = find_subject(head_verb.head, mentions)  # « a annoncé avoir débauché X »
        if subj is not None and subj.text in ("-", "up") and subj.i - 2 >= sent.start:
            # « Start-up avait levé » (capitalised, so cut) with « - » or « up » as the subject
            start = doc[subj.i - 1] if subj.text == "-" else doc[subj.i - 2]
            if start.lower_ == "start":
                subj = start
        if subj is not None and subj.i != anchor.i and sent.start <= subj.i < sent.end:
            found = subject_mentions(subj, doc, mentions)
            if found:
                # « A et B fusionnent » parsed with B alone as the subject: A too
                listed = listed_with(found[0], doc, sent, mentions)
                if listed and "et" in mentions.cols.low[listed[-1].end : found[0].start]:
                    found = listed + found
                for mention in found:
                    add(subj_key, mention, "tree", mention.start)
            else:
                # one entity, or several: « A et B, qui détiennent », « les deux
                # entreprises » (a pair the entities step resolved)
                refs = mentions.references(subj.i)
                for ref in refs:
                    add(subj_key, ref, "reference", subj.i)
                if len(refs) == 1 and _norm(subj.text) in RELATIVES:
                    # « Altman et Brockman, qui pourrait » (a verb in the singular): the
                    # names listed before the one the clause hangs on
                    for other in listed_with(refs[0], doc, sent, mentions):
                        add(subj_key, other, "reference", other.start)
        if not used and (subj is None or subj.i >= head_verb.i or subj.pos_ != "PRON"):
            for mention in linear_subject(doc, sent, head_verb, anchor, mentions):
                add(subj_key, mention, "cue", mention.start)
    if possessive_frame:
        # « X annonce l'entrée à son capital de Y », « le fonds Y est entré à notre capital »
        owner = possessive_owner(doc, sent, prev, anchor, is_verb, head_verb, mentions)
        for mention in owner[0] if owner is not None else ():
            if mention.start not in used:
                add("capital", mention, owner[1], mention.start)
    if adverbial and not used:
        for mention in reversed(mentions.in_span(sent.start, anchor.i)):
            if mention.kind == "org" and linear_marker(
                doc, mention.start, sent.start, mentions
            ) in ("", "par"):
                add(subj_key, mention, "cue", mention.start)
                break
    anchor_root = _sentence_root(anchor)
    adjacent = adjacent_mentions(doc, anchor, sent, mentions)
    for mention in mentions.in_span(sent.start, sent.end):
        if mention.start in used or anchor.i in range(mention.start, mention.end):
            continue
        if mention.name in mentions.sources or (
            mention.start > sent.start and _cited(mention.start, mentions)
        ):
            continue  # « selon Les Echos »: a source of the news, not a party
        token = doc[mention.root]
        if deal_type == "funding" and group_member(mentions.cols, mention.root):
            continue  # « les jeunes pousses de l'EPFL ont levé »: no round of the EPFL
        if (
            deal_type == "hire"
            and mention.kind == "person"
            and replaced(mentions.cols, mention.start, sent.start)
        ):
            continue  # « en remplacement de X », « succède à X »: X is not the one hired
        marker = linear_marker(doc, mention.start, sent.start, mentions)
        res = path_up(token, targets, mentions, mention)
        key = ""
        how = "tree"
        if res is None:
            if (
                (marker in frame and mention.start in adjacent)
                or (
                    marker in frame
                    and _verbless(token)
                    and _sentence_root(token).i != anchor_root.i
                )
                or (  # « au laboratoire Y une licence »: a cut parse hangs the trigger
                    # noun on the name right before it, or leaves it on its own
                    marker in frame
                    and not is_verb
                    and mention.end < anchor.i
                    and (
                        mentions.cols.head[anchor.i] == token.i
                        or (
                            gov is None
                            and mentions.cols.head[anchor.i] == anchor.i
                            and mentions.cols.pos[mention.end] == "DET"
                            and mention.end + 1 == anchor.i
                        )
                    )
                )
                or (deal_type == "hire" and marker in ("chez", "quitter"))
            ):
                key, how = marker, "cue"
            elif marker in frame and _coordinated_with(doc, mention, by_key.get(marker, [])):
                key, how = marker, "cue"  # « dans X et dans Y »: Y as X
            elif (
                deal_type == "hire"
                and mention.kind == "person"
                and not marker
                and mention.start in adjacent
                and is_verb
            ):
                # « avoir débauché A et B »: the persons right after the verb, whatever
                # the parse hangs them on
                key = next((k for k in ("obj", "psubj") if frame.get(k) == "person"), "")
                how = "cue"
            elif deal_type == "hire" and any(
                low in ("ancien", "ancienne", "ex", "ex-")
                for low in mentions.cols.low[max(sent.start, mention.start - 8) : mention.start]
            ):
                key, how = ("quitter" if "quitter" in frame else "de"), "cue"
            else:
                continue
        else:
            target, entry, via_verb = res
            main = anchor if is_verb else gov
            if (
                main is not None
                and target.i == main.i
                and entry.dep_ in SUBJECT_DEPS
                and entry.i != anchor.i
                and subj_key
            ):
                key = subj_key
                if (
                    entry.i > main.i
                    and "obj" in frame
                    and (
                        "Fin" not in main.morph.get("VerbForm")
                        or any(f[2] < main.i for f in by_key.get(subj_key, ()))
                    )
                ):
                    # « avoir débauché X » with X parsed as a subject; « X nomme Y
                    # directrice » with Y parsed as a second subject after the verb
                    key = "obj"
            elif (
                marker == "par"
                and target.i == anchor.i
                and not is_verb
                and (agent := _agent_key(token, frame))
            ):
                # « la levée réalisée par X », « le rachat conclu par X », « la licence
                # accordée par X »
                key = agent
            elif via_verb:
                key = marker if marker in ("led_by", "with", "auprès_de") else "member"
            elif "goods" in frame and _goods(doc, mention, marker):
                key = "goods"  # « une commande de 134 Airbus »: the maker of the goods
            elif marker:
                key = marker
                if key == "de" and not _de_ok(doc, token, anchor, frame.get("de", ""), mentions):
                    key = ""
                    if mention.start in adjacent:
                        key = "de"  # « l'acquisition du fabricant lyonnais de vélos X »
                    elif is_verb and target.i == anchor.i and _closes_object(entry, mention):
                        key = "obj"  # « racheter le numéro deux européen de l'emballage X »
                    elif (
                        is_verb
                        and entry.dep_ == "obj"
                        and entry.head.i == anchor.i
                        and token.head.i == entry.i
                        and frame.get("obj") in ("supplier", "buyer")
                    ):
                        # « choisit la technologie de X » (X supplies), « équipera les
                        # usines de X » (X buys): the owner of the object takes its role
                        key = "obj"
            elif (
                entry.dep_ == "obj"
                and target.i == anchor.i
                and is_verb
                and (
                    mention.start <= entry.i < mention.end
                    or entry.lemma_.lower() in company_words() | UNIT_NOUNS
                    or token.dep_ in ("conj", "appos", "flat:name")
                    or _closes_object(entry, mention)
                )
            ):
                key = "obj"
            elif (
                is_verb
                and target.i == anchor.i
                and mention.start > anchor.i
                and entry.lower_ in company_words()
                and entry.dep_ in ("obl:arg", "obl:mod", "dep", "nmod", "obl")
                and not any(c.dep_ == "case" for c in entry.children)
            ):
                key = "obj"  # « racheté la start-up X » with « up » hung on the verb
            elif (
                not marker
                and is_verb
                and target.i == anchor.i
                and entry.i == token.i
                and mention.start > anchor.i
                and not mention.product
                and not any(c.dep_ == "case" for c in token.children)
                and (
                    entry.dep_ in ("advmod", "obl:mod", "dep", "nmod", "obl")
                    # « s'offre la PME X », « s'est offert le spécialiste du mobilier X »
                    # with X an xcomp
                    or (
                        entry.dep_ == "xcomp"
                        and (
                            entry.pos_ == "PROPN"
                            or (
                                mention.start - 1 > anchor.i
                                and doc[mention.start - 1].is_lower
                                and doc[mention.start - 1].pos_ == "NOUN"
                            )
                        )
                    )
                )
            ):
                key = "obj"  # a name right under the verb, mis-tagged by the parser
            elif entry.dep_ in ("nmod", "appos") and target.i == anchor.i and not is_verb:
                key = ""
        if (
            deal_type == "hire"
            and mention.kind == "org"
            and _former_employer(mention, sent, mentions)
        ):
            key = "quitter" if "quitter" in frame else "de"  # « ancienne directrice de X »
        if not key and deal_type == "hire" and mention.kind == "person" and not marker:
            # a person named around a hiring verb is the one hired, whatever the parse
            key = next((k for k in ("obj", "subj", "psubj", "de") if frame.get(k) == "person"), "")
        add(key, mention, how, mention.start)
    if not is_verb:
        # « A est en discussions avec B en vue d'une fusion »: the talks' parties
        for key, mention in talks_parties(anchor, mentions, frame):
            if mention.start not in used:
                add(key, mention, "tree", mention.start)
    # references with a preposition (« avec qui », « par le géant de Redmond »)
    for tok in mentions.reference_tokens(sent):
        if tok.i == anchor.i:
            continue
        low = mentions.cols.low[tok.i]
        if tok.dep_ in SUBJECT_DEPS and head_verb is not None and tok.head.i == head_verb.i:
            continue
        marker = linear_marker(doc, tok.i, sent.start, mentions)
        right_after = (
            is_verb
            and 0 < tok.i - anchor.i <= 3
            and all(p in ("DET", "ADJ") for p in mentions.cols.pos[anchor.i + 1 : tok.i])
        )
        if (
            not marker
            and is_verb
            and ((tok.dep_ == "obj" and tok.head.i == anchor.i) or right_after)
        ):
            marker = "obj"  # « rejoint la jeune pousse »
        if low == "dont" and _dont_governs(tok, anchor, doc):
            # « X, dont le rachat est évoqué », « X, dont le fonds Y détient 40 % »
            marker = next((k for k in ("de", "capital") if k in frame), marker)
        if not marker or marker not in frame:
            continue
        if (
            path_up(tok, targets, mentions, None) is None
            and low not in RELATIVES
            and not (right_after and marker == "obj")
        ):
            continue
        taken = {m.name for ms in by_key.values() for m, _, _ in ms}
        ref = mentions.reference(tok.i, taken)
        if ref is not None:
            add(marker, ref, "reference", tok.i)
    parties: list[Party] = []
    seen: set[str] = set()
    for key, found in by_key.items():
        roles = frame[key].split("|")
        for n, (mention, how, token) in enumerate(sorted(found, key=lambda f: f[2])):
            role = roles[0] if n == 0 or len(roles) == 1 else roles[1]
            kind = mention.kind
            if kind == "person" and " " not in mention.name and role not in ("person", "investor"):
                kind = "org"  # a one-word name that buys, merges or signs is a company
            if deal_type == "acquisition" and role == "target" and kind == "person":
                role = "person"  # « l'acquisition de Sam Altman »: a hire
            if mention.name in seen or mention.name in mentions.sources:
                continue  # a source of the news is never a party, however found
            if not _role_allowed(role, kind):
                continue
            seen.add(mention.name)
            parties.append(Party(mention.name, role, kind, token, how))
    if subj_key == "gsubj_win" and deal_type == "contract":
        # « X remporte une commande auprès de Y »: whoever X won it from is the buyer
        winners = {m.name for m, _, _ in by_key.get("gsubj_win", [])}
        parties = [
            Party(p.name, "buyer", p.kind, p.token, p.how)
            if p.role == "supplier" and p.name not in winners
            else p
            for p in parties
        ]
    parties.sort(key=lambda p: p.token)
    return parties, gov
