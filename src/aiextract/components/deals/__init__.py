"""Deals: funding, investment, acquisition, partnership, contract and hire records.

Reads what the earlier components wrote (``orgs``, ``people``, ``products``, ``money``,
``dates`` span groups) and the model's parse; never re-runs the model. Only sentences
with a trigger of ``data/deal_triggers.tsv`` are looked at. See docs/deals.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from aiextract.components.columns import Columns, cached_columns, read_array, text_sentences
from aiextract.components.deals.attributes import (
    MAX_STAKE,
    as_amount,
    certainty,
    claims_sum,
    deal_sum,
    find_date,
    find_name,
    find_stake,
    money_kind,
    money_spans,
    sum_targets,
    valuation_sum,
    verb_chain,
)
from aiextract.components.deals.bilateral import split_bilateral
from aiextract.components.deals.candidates import (
    Candidate,
    Trigger,
    head_forms,
    load_triggers,
    per_target,
    rule_confidence,
    to_dict,
)
from aiextract.components.deals.completion import (
    DEMONSTRATIVES,
    OPERATION_NOUNS,
    hire_sources,
    operation_dates,
)
from aiextract.components.deals.confidence import Calibrator
from aiextract.components.deals.contract_sides import orient_by_description
from aiextract.components.deals.cues import linear_marker
from aiextract.components.deals.joining import PREFER, join_learned
from aiextract.components.deals.learned import RULE_THRESHOLDS, TYPE_THRESHOLDS, threshold_table
from aiextract.components.deals.listed_rounds import split_listed_rounds
from aiextract.components.deals.listed_targets import split_listed_targets
from aiextract.components.deals.mentions import MentionIndex, Party
from aiextract.components.deals.merging import merge
from aiextract.components.deals.relation_lists import with_relation_lists
from aiextract.components.deals.role_tables import GIVE_VERBS, cue_words
from aiextract.components.deals.roles import find_parties
from aiextract.components.deals.syntax import find_subject, is_passive, sold_holding
from aiextract.components.learned.features import cached_features
from aiextract.extensions import register_extensions
from aiextract.lexicon import load_table
from aiextract.tokenization import keep_hyphenated_words

_log = logging.getLogger("aiextract")
SOURCES = ("both", "rules", "learned")
CALIBRATION_FILE = "calibration.json"
_CONTRACT_WORDS = frozenset(
    [
        "ressources",
        "cloud",
        "capacités",
        "capacité",
        "calcul",
        "fourniture",
        "fournir",
        "approvisionnement",
        "licence",
        "achat",
        "livraison",
        "services",
        "service",
        "puces",
        "gpu",
        "serveurs",
        "hébergement",
        "commande",
        "client",
        "clients",
        "fournisseur",
    ]
)
# Adjectives that set a funding round apart from the one just reported.
_ROUND_ORDER = frozenset(
    [
        "premier",
        "précédent",
        "dernier",
        "second",
        "deuxième",
        "troisième",
        "initial",
        "ancien",
        "nouveau",
        "prochain",
    ]
)
# « de » before a noun that is then a complement, not a deal (« un prêt d'amorçage »).
_OF_WORDS = frozenset(["de", "d'", "d’", "du", "des"])
# Round nouns that are an early round by themselves (« après un amorçage de 2 M€ »).
_EARLY_ROUNDS = frozenset(["amorçage"])
# Roles when a candidate changes type.
_AS_HIRE = {"acquirer": "employer", "seller": "source", "person": "person"}
_AS_INVESTMENT = {"acquirer": "investor", "target": "target"}
_AS_CONTRACT = {"seller": "supplier", "acquirer": "buyer"}
_AS_PARTNERSHIP = {"buyer": "partner", "supplier": "partner"}


def _apostrophe(text: str) -> str:
    return text.replace("’", "'")


class DealsComponent:
    """Fill ``doc._.deals`` with deal dicts in the GUIDELINES schema."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        triggers_path: str | None = None,
        min_confidence: float = 0.0,
        sources: str = "both",
        learned_threshold: float = 0.2,
        type_thresholds: dict[str, float] | None = None,
        calibration: str = "shipped",
        prefer: str = "rules",
        twin_threshold: float = 0.5,
        party_threshold: float = 0.5,
        rule_thresholds: dict[str, float] | None = None,
    ) -> None:
        register_extensions()
        keep_hyphenated_words(nlp)  # the trigger tables are tokenized as the texts will be
        if sources not in SOURCES:
            raise ValueError(f"deals: sources must be one of {SOURCES}, not {sources!r}")
        if prefer not in PREFER:
            raise ValueError(f"deals: prefer must be one of {PREFER}, not {prefer!r}")
        self.prefer = prefer
        self.name = name
        self.min_confidence = min_confidence
        self.sources = sources
        # deal type -> the sentence score a learned deal of that type needs
        self.learned_thresholds = threshold_table(learned_threshold, type_thresholds or {})
        self.twin_threshold = twin_threshold
        self.party_threshold = party_threshold
        self.rule_thresholds = threshold_table(0.0, rule_thresholds or {}, "rule_thresholds")
        self.calibrator = (
            Calibrator.load(None if calibration == "shipped" else calibration)
            if calibration
            else None
        )
        self.triggers = load_triggers(triggers_path)
        # head word (a lemma, an inflected form, a plural) -> triggers; the other words
        # of a phrase are checked in place. A dict lookup per token is much cheaper
        # than a Matcher with hundreds of IN-predicates.
        # trigger form -> (words before, words after) of the idioms that hold it
        self.idioms: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        forms = {t.form for t in self.triggers}
        for row in load_table("deal_cues.tsv"):
            if row["key"] != "idiom":
                continue
            words = tuple(_apostrophe(t.text.lower()) for t in nlp.make_doc(row["cue"]))
            for k, word in enumerate(words):
                if word in forms:
                    self.idioms.setdefault(word, []).append((words[:k], words[k + 1 :]))
                    break
        self.words: list[tuple[str, ...]] = []
        self.index: dict[str, list[int]] = {}
        self._keys: frozenset[int] | None = None
        for number, trigger in enumerate(self.triggers):
            words = tuple(_apostrophe(t.text.lower()) for t in nlp.make_doc(trigger.form))
            self.words.append(words)
            for form in head_forms(trigger, words[trigger.head]):
                self.index.setdefault(form, []).append(number)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the confidence calibrator (``nlp.to_disk``)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.calibrator is not None:
            self.calibrator.save(path / CALIBRATION_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DealsComponent:
        """Load the calibrator ``to_disk`` saved (``spacy.load``)."""
        saved = Path(path) / CALIBRATION_FILE
        if saved.is_file():
            self.calibrator = Calibrator.load(saved)
        return self

    def _trigger_words(self, doc: Doc, arr: numpy.ndarray) -> list[int]:
        """Positions of the words that may head a trigger (by form or lemma); ``arr``
        is ``read_array(doc)``, LOWER and LEMMA first."""
        if self._keys is None:
            self._keys = frozenset(doc.vocab.strings.add(w) for w in self.index)
        keys = self._keys
        if not len(doc):
            return []
        lows, lemmas = arr[:, 0].tolist(), arr[:, 1].tolist()
        return [i for i, low in enumerate(lows) if low in keys or lemmas[i] in keys]

    def _in_idiom(self, form: str, start: int, end: int, cols: Columns) -> bool:
        """The trigger at ``start``..``end`` is inside an idiom of ``deal_cues.tsv``
        (key ``idiom``, written with the trigger's form: « lever le voile »)."""
        lows = cols.low
        for before, after in self.idioms.get(form, ()):
            if (
                start >= len(before)
                and tuple(lows[start - len(before) : start]) == before
                and tuple(lows[end : end + len(after)]) == after
            ):
                return True
        return False

    def _matches(self, positions: list[int], cols: Columns) -> list[tuple[int, int, int]]:
        """(trigger number, start, end) of every trigger headed at ``positions``."""
        found = []
        index, n_tokens, lows = self.index, len(cols.low), cols.low
        for i in positions:
            # the index holds no apostrophe: normalised and raw lower case agree on it
            numbers = index.get(lows[i], []) + index.get(cols.lemma[i], [])
            for number in dict.fromkeys(numbers):
                words, head = self.words[number], self.triggers[number].head
                start = i - head
                end = start + len(words)
                if start < 0 or end > n_tokens:
                    continue
                if all(k == head or lows[start + k] == word for k, word in enumerate(words)):
                    found.append((number, start, end))
        return found

    # ------------------------------------------------------------------ call

    def __call__(self, doc: Doc) -> Doc:
        try:
            deals = self._deals(doc)
        except Exception:  # a strange text must give no deal, not stop the pipeline
            _log.warning("deals: no deal read from a text of %d tokens", len(doc), exc_info=True)
            deals = []
        doc._.deals = deals
        return doc

    def _hits(
        self, doc: Doc, positions: list[int], cols: Columns
    ) -> dict[int, tuple[Trigger, int, int]]:
        """One trigger per head token: the longest, a strong one over a weak one."""
        hits: dict[int, tuple[Trigger, int, int]] = {}
        poses = cols.pos
        for number, start, end in self._matches(positions, cols):
            trigger = self.triggers[number]
            anchor = doc[start + trigger.head]
            i = anchor.i
            if "self" in trigger.flags and not any(
                low in ("se", "s'") for low in cols.low[max(0, i - 3) : i]
            ):
                continue
            if trigger.form == "participation" and doc[max(0, start - 2) : start].text.lower() in (
                "avec la",
                "avec une",
            ):
                continue
            if trigger.form == "amorçage" and start > 0 and cols.low[start - 1] in _OF_WORDS:
                continue  # « un prêt d'amorçage », « la phase d'amorçage »: no round
            if trigger.form == "apporter" and "NUM" not in poses[i + 1 : i + 6]:
                continue  # « apporte 6 M€ », not « apporte son soutien »
            if "talks" in trigger.flags and cols.dep[i] != "nsubj":
                continue  # only « Des discussions sont en cours avec X » joins a round
            if self._in_idiom(trigger.form, start, end, cols):
                continue  # « lever le voile sur », « rester aux commandes de »
            if trigger.form == "commande" and doc[max(0, start - 2) : start].text.lower() in (
                "carnet de",
                "carnets de",
                "prises de",
            ):
                continue  # « le carnet de commandes »: an order book, not one order
            if trigger.is_verb and (
                (trigger.kind == "verb" and poses[i] in ("DET", "ADP", "PROPN"))
                or (poses[i] == "NOUN" and i > 0 and poses[i - 1] == "DET")
                or (poses[i] == "NOUN" and any(cols.dep[c] == "det" for c in cols.kids(i)))
            ):
                continue  # « le signe », not « signe »
            if (
                trigger.kind in ("noun", "phrase-noun")
                and anchor.is_title
                and anchor.i > 0
                and not doc[anchor.i - 1].is_sent_end
                and doc[anchor.i - 1].text not in ".!?\n"
            ):
                continue  # « baptisé Cloud Alliance »: a name, not a trigger
            if (
                trigger.kind == "noun"
                and poses[i] in ("ADJ", "ADV", "VERB")
                and not (i > 0 and poses[i - 1] == "DET")
                # « X reste / est actionnaire de Y »: a predicative noun tagged ADJ
                and not (
                    poses[i] == "ADJ"
                    and (cols.dep[i] == "xcomp" or any(cols.dep[c] == "cop" for c in cols.kids(i)))
                )
            ):
                continue  # « prêt à », not « un prêt » (nor « une levée » tagged a verb)
            old = hits.get(anchor.i)
            rank = (("weak" not in trigger.flags), end - start)
            if old is None or rank > (("weak" not in old[0].flags), old[2] - old[1]):
                hits[anchor.i] = (trigger, start, end)
        # phrases cover their inner words (« tour de financement » over « financement »)
        covered = {i for t, s, e in hits.values() for i in range(s, e) if e - s > 1}
        hits = {i: h for i, h in hits.items() if i not in covered or h[2] - h[1] > 1}
        # a weak trigger gives way to a strong one it governs or that governs it
        for i, (trigger, _s, _e) in list(hits.items()):
            if "weak" not in trigger.flags:
                continue
            head = cols.head[i]
            near = {*cols.kids(i), head}
            near |= {c for c in cols.kids(head) if cols.dep[c] in ("obj", "nsubj:pass")}
            if cols.dep[head] == "nmod" or cols.dep[i] == "nmod":
                near.add(cols.head[head])
            # « un accord qui permettra d'acquérir X »: the clause on the weak noun
            for c in cols.kids(i):
                if cols.dep[c].startswith("acl"):
                    near |= {k for k in cols.kids(c) if cols.dep[k] in ("xcomp", "ccomp", "obj")}
            near |= _purpose_of(i, hits, cols)
            for j in near:
                if (
                    j != i
                    and j in hits
                    and ("weak" not in hits[j][0].flags or hits[j][0].kind == "noun")
                    # « annonce le rachat de X et l'arrivée de Y »: a hire is its own deal
                    and (trigger.type != "hire" or hits[j][0].type == "hire")
                ):
                    del hits[i]
                    break
        return hits

    def _deals(self, doc: Doc) -> list[dict]:
        found, candidates = self._rule_deals(doc)
        if self.sources == "learned":
            found = []
        deals = [to_dict(deal) for deal in found]
        if doc._.deal_sentences is not None and self.sources != "rules":
            # the roles the rules gave in each sentence, complete deal or not
            roles: dict[tuple[int, str], dict[str, str]] = {}
            for cand in candidates:
                known = roles.setdefault((cand.sent, cand.type), {})
                for party in cand.parties:
                    known.setdefault(party.name, party.role)
            deals = join_learned(
                doc,
                deals,
                self.learned_thresholds,
                self.calibrator,
                roles,
                self.prefer,
                self.twin_threshold,
                self.party_threshold,
                self.rule_thresholds,
            )
        deals = split_listed_rounds(doc, deals)  # « A (170 M€), B (150 M€) et C »
        deals = split_bilateral(doc, deals)  # « des partenariats avec A et B »
        deals = split_listed_targets(doc, deals)  # « les rachats de A, de B et de C »
        if self.sources != "learned":  # « X compte parmi ses clients / actionnaires A et B »
            deals = with_relation_lists(doc, deals, self.calibrator)
        if any(d.get("type") == "contract" for d in deals):  # « Y, un fournisseur de »
            deals = orient_by_description(doc, deals)
        deals = [{k: v for k, v in d.items() if k != "twoway"} for d in deals]
        return [d for d in deals if d["confidence"] >= self.min_confidence]

    def _rule_deals(self, doc: Doc) -> tuple[list[Candidate], list[Candidate]]:
        """The deals the trigger table and the parse give, and every candidate found
        before merging (some of them partial)."""
        cached = cached_columns(doc)  # read by the entities step, when it ran
        arr = cached[0] if cached else read_array(doc)
        positions = self._trigger_words(doc, arr)
        if not positions:
            return [], []
        learned = cached_features(doc)
        if learned is not None:
            mentions = learned.mentions
        else:
            mentions = MentionIndex.from_doc(doc, arr, cached[1] if cached else None)
        hits = self._hits(doc, positions, mentions.cols)
        if not hits:
            return [], []
        sentences = cached[2] if cached else text_sentences(doc, arr)
        sent_of = [-1] * len(doc)  # token -> its sentence, -1 for none
        for n, sent in enumerate(sentences):
            sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
        by_sent: dict[int, list[int]] = {}
        for i in sorted(hits):
            if sent_of[i] >= 0:
                by_sent.setdefault(sent_of[i], []).append(i)
        candidates: list[Candidate] = []
        for n, anchors in sorted(by_sent.items()):
            sent = sentences[n]
            prev = doc[sentences[max(0, n - 2)].start : sentences[n - 1].end] if n > 0 else None
            candidates.extend(self._sentence(doc, n, sent, prev, anchors, hits, mentions))
        counts: dict[str, int] = {}
        for mention in mentions.mentions:
            counts[mention.name] = counts.get(mention.name, 0) + 1
        leader = mentions.lead
        deals = merge(candidates, sentences, counts, leader.name if leader else None)
        if any(d.date is None for d in deals) and mentions.dates:
            operation_dates(doc, sentences, sent_of, deals, mentions)
        if any(d.type == "hire" for d in deals):
            hire_sources(doc, sentences, deals, mentions)
        return deals, candidates

    def _sentence(
        self,
        doc: Doc,
        n: int,
        sent: Span,
        prev: Span | None,
        anchors: list[int],
        hits: dict[int, tuple[Trigger, int, int]],
        mentions: MentionIndex,
    ) -> list[Candidate]:
        money = money_spans(doc, sent, mentions)
        claimed: dict[int, int] = {}  # money span start -> anchor
        found: list[tuple[Candidate, dict[int, str]]] = []
        for i in anchors:
            trigger = hits[i][0]
            anchor = doc[i]
            cand = self._candidate(doc, n, sent, prev, anchor, trigger, mentions)
            if cand is None:
                continue
            gov_targets = sum_targets(anchor, cand.gov)
            for span in money:
                if span.start not in claimed and claims_sum(anchor, span, gov_targets, mentions):
                    claimed[span.start] = i
            found.append((cand, gov_targets))
        out = []
        for cand, targets in found:
            anchor = doc[cand.anchor]
            mine = [s for s in money if claimed.get(s.start) == cand.anchor]
            free = [s for s in money if s.start not in claimed]
            kinds = {s.start: money_kind(doc, s, sent, cand.anchor, mentions) for s in money}
            amount = next((s for s in mine if deal_sum(kinds[s.start], cand.type)), None)
            follow = "follow" in cand.trigger.flags  # « l'opération »: its own amount only
            if amount is None and len([c for c, _ in found]) == 1 and not follow:
                amount = next((s for s in free if deal_sum(kinds[s.start], cand.type)), None)
            if amount is not None:
                cand.amount = as_amount(amount)
            if cand.type == "funding":
                val = next(
                    (
                        s
                        for s in money
                        if valuation_sum(kinds[s.start], cand.type) and s.start > anchor.i - 3
                    ),
                    None,
                )
                if val is not None:
                    cand.valuation = as_amount(val)
            if "money" in cand.trigger.flags and cand.amount is None:
                continue
            if cand.type in ("investment", "acquisition") or "percent" in cand.trigger.flags:
                cand.stake = find_stake(doc, sent, anchor, mentions, hits[cand.anchor][2] - 1)
                if "percent" in cand.trigger.flags and cand.stake is None and not cand.by_agent:
                    continue
            if cand.type == "acquisition" and cand.stake is not None and cand.stake <= MAX_STAKE:
                cand.type = "investment"
                # an investment has an investor and a target only (GUIDELINES)
                cand.parties = [
                    p
                    for p in _retype(cand.parties, _AS_INVESTMENT)
                    if p.role in ("investor", "target")
                ]
            if cand.type != "investment":
                cand.stake = None
            cand.date = find_date(doc, sent, targets, cand.chain, mentions)
            cand.name = find_name(doc, sent, anchor, mentions)
            cand.confidence = rule_confidence(cand)
            out.extend(per_target(cand))
        return out

    def _candidate(
        self,
        doc: Doc,
        n: int,
        sent: Span,
        prev: Span | None,
        anchor: Token,
        trigger: Trigger,
        mentions: MentionIndex,
    ) -> Candidate | None:
        deal_type, frame = trigger.type, trigger.frame
        # cheap checks first: most trigger words in an article make no deal
        has_money = bool(money_spans(doc, sent, mentions))
        if "money" in trigger.flags and not has_money:
            return None
        no_percent = (
            "percent" in trigger.flags
            and "%" not in mentions.sent_text(sent)
            and "pour cent" not in mentions.sent_text(sent)
        )
        if no_percent and not (
            ("agent" in trigger.flags and " par " in mentions.sent_text(sent))
            or "named" in trigger.flags
        ):
            return None
        if (
            deal_type == "hire"
            and "weak" in trigger.flags
            and not any(m.kind == "person" for m in mentions.in_span(sent.start, sent.end))
        ):
            return None  # « devenir », « accueillir »: a hire only around a person's name
        cols = mentions.cols
        if trigger.is_verb and sold_holding(cols, anchor.i):
            return None  # « cède la participation qu'il détenait »: the seller's, no deal
        kids = cols.kids(anchor.i)
        follow = "follow" in trigger.flags
        if follow and not has_money and not mentions.in_span(sent.start, sent.end):
            return None  # « l'opération » lends only an amount or named parties
        if "follow" in trigger.flags and any(
            cols.dep[c] == "nmod"
            and cols.lemma[c] not in OPERATION_NOUNS
            and any(cols.low[g] in _OF_WORDS for g in cols.kids(c) if cols.dep[g] == "case")
            for c in kids
        ):
            return None  # « le prix du baril », « le montant des ventes »: not the deal's
        det = next((c for c in kids if cols.dep[c] == "det"), None)
        reference = (
            not trigger.is_verb
            and det is not None
            and cols.low[det] in DEMONSTRATIVES
            # « les investissements européens ont dépassé ... »: a sector, no deal told
            and not (cols.low[det] == "les" and any(cols.dep[c] == "amod" for c in kids))
        )
        nobody = not mentions.in_span(sent.start, sent.end) and not mentions.reference_tokens(sent)
        if nobody and (trigger.is_verb or not (reference or has_money)):
            return None
        if trigger.form == "accord":
            deal_type = _accord_type(doc, sent, anchor)
            if deal_type == "partnership":
                frame = {
                    k: "|".join(_AS_PARTNERSHIP.get(r, r) for r in v.split("|"))
                    for k, v in frame.items()
                }
        parties, gov = find_parties(
            doc,
            sent,
            prev,
            anchor,
            trigger.is_verb,
            frame,
            mentions,
            deal_type,
            possessive_frame="poss" in trigger.flags,
        )
        # « Y est détenue depuis 2020 par le fonds X »: a holding told with its holder
        # as the passive's agent needs no percentage
        by_agent = (
            "agent" in trigger.flags
            and is_passive(anchor, mentions)
            and {"investor", "target"} <= {p.role for p in parties}
        )
        # « le fonds X reste actionnaire de Y »: a holding between two named companies
        # needs no percentage either
        by_agent = by_agent or (
            "named" in trigger.flags
            and {"investor", "target"}
            <= {p.role for p in parties if p.how != "reference" and p.kind == "org"}
        )
        if no_percent and not by_agent:
            return None
        pair = _pair_subject(anchor if trigger.is_verb else gov, mentions)
        if (
            not parties
            and not pair
            and ((trigger.is_verb and anchor.dep_ != "acl") or not (reference or has_money))
        ):
            return None  # nothing to report, nothing to lend to another deal
        noun_subject = _noun_is_subject(anchor, trigger)
        chain = verb_chain(anchor, gov, noun_subject, mentions)
        cert = certainty(doc, sent, anchor, chain, mentions)
        if cert in ("denied", "question", "guess"):
            return None
        if deal_type == "acquisition" and any(p.role == "person" for p in parties):
            deal_type = "hire"
            parties = _retype(parties, _AS_HIRE)
        if (
            deal_type == "acquisition"
            and not any(p.role == "target" for p in parties)
            and trigger.form in ("vendre", "vente")
            and {p.role for p in parties} >= {"seller", "acquirer"}
        ):
            deal_type = "contract"
            parties = _retype(parties, _AS_CONTRACT)
        if deal_type in ("contract", "partnership"):
            parties = _complete(doc, sent, anchor, parties, frame, mentions, deal_type)
        if deal_type == "contract" and not any(p.role == "supplier" for p in parties):
            buyers = [p for p in parties if p.role == "buyer"]
            if len(buyers) > 1:  # « A et B signent un accord »: the first buys
                parties = [
                    Party(p.name, "supplier", p.kind, p.token, p.how) if p in buyers[1:] else p
                    for p in parties
                ]
        cand = Candidate(
            type=deal_type,
            parties=parties,
            sent=n,
            anchor=anchor.i,
            trigger=trigger,
            certainty=cert,
            reference=reference,
            evidence=(
                sent.start_char,
                sent.end_char,
                mentions.sent_text(sent).strip(),
            ),
        )
        cand.gov = gov.i if gov is not None else None
        cand.by_agent = by_agent
        cand.chain = chain
        cand.orphan = anchor.dep_ == "acl" and not parties
        cand.pair = pair
        # « par » two levels under the trigger (its head's head is the trigger)
        below = [g for c in kids for g in cols.kids(c)]
        if cols.head[anchor.i] == anchor.i:
            below += kids
        cand.by_phrase = any(cols.low[j] == "par" for j in below)
        cand.round_word = deal_type == "funding" and (
            trigger.form in _EARLY_ROUNDS
            or any(cols.lemma[c] in _ROUND_ORDER for c in kids if cols.dep[c] == "amod")
        )
        return cand


def _pair_subject(verb: Token | None, mentions: MentionIndex) -> bool:
    """True when the subject of ``verb`` is « les deux entreprises » (or groupes...)."""
    subj = find_subject(verb, mentions) if verb is not None else None
    if subj is None:
        return False
    cols = mentions.cols
    if mentions.noun_key(subj.i) == "" and cols.lemma[subj.i] != "partenaire":
        return False
    return any(cols.low[c] == "deux" for c in cols.kids(subj.i))


def _noun_is_subject(anchor: Token, trigger: Trigger) -> bool:
    return not trigger.is_verb and anchor.dep_ in ("nsubj", "csubj")


def _retype(parties: list[Party], mapping: dict[str, str]) -> list[Party]:
    return [Party(p.name, mapping.get(p.role, p.role), p.kind, p.token, p.how) for p in parties]


def _accord_type(doc: Doc, sent: Span, anchor: Token) -> str:
    """A bare « accord » is a contract when it is about buying something, else a
    partnership."""
    words = {t.lower_ for t in sent}
    if words & _CONTRACT_WORDS:
        return "contract"
    for child in anchor.children:
        if child.dep_ == "nmod" and child.lemma_ in ("milliard", "million", "dollar", "euro"):
            return "contract"
    if any(t.like_num for t in anchor.subtree):
        return "contract"
    return "partnership"


def _complete(
    doc: Doc,
    sent: Span,
    anchor: Token,
    parties: list[Party],
    frame: dict[str, str],
    mentions: MentionIndex,
    deal_type: str,
) -> list[Party]:
    """A contract or partnership with one company found: the company the sentence is
    about (an earlier name with no preposition) is the other side."""
    orgs = [p for p in parties if p.kind == "org"]
    if len(orgs) != 1:
        return parties
    names = {p.name for p in parties}
    role = (
        frame.get("gsubj")
        or frame.get("subj")
        or ("partner" if deal_type == "partnership" else "buyer")
    )
    role = role.split("|")[0]
    for mention in mentions.in_span(sent.start, anchor.i):
        if mention.kind != "org" or mention.name in names or mention.name in mentions.sources:
            continue
        if linear_marker(doc, mention.start, sent.start, mentions):
            continue
        if doc[mention.root].dep_ == "appos":
            continue
        root = doc[mention.root]
        if root.dep_ in ("nmod", "appos") and root.head.i < root.i:
            root = root.head  # « la PME X a accordé »
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in GIVE_VERBS:
            # « X a accordé au laboratoire Y une licence »: the giver (a parse cut there)
            role = frame.get("gsubj_give", role).split("|")[0]
        return sorted(
            [*parties, Party(mention.name, role, "org", mention.start, "cue")],
            key=lambda p: p.token,
        )
    return parties


_PURPOSE_REACH = 15  # words between a weak trigger noun and the deal it is for


def _purpose_of(i: int, hits: dict, cols: Columns) -> set[int]:
    """Strong triggers a weak noun's deal is the purpose of: « un accord avec X pour
    acquérir Y », « afin de créer une coentreprise », « en vue de l'acquisition de »
    (the ``purpose`` words of ``deal_cues.tsv``)."""
    if hits[i][0].kind != "noun":
        return set()
    found = set()
    for j in hits:
        if not i < j <= i + _PURPOSE_REACH or "weak" in hits[j][0].flags:
            continue
        verb = cols.head[j] if cols.dep[j] == "obj" else j
        words = {cols.low[k] for k in range(max(i + 1, verb - 3), verb)}
        if words & cue_words("purpose") and "," not in words:
            found.add(j)
    return found


@Language.factory(
    "aiextract_deals",
    default_config={
        "triggers_path": None,
        "min_confidence": 0.0,
        "sources": "both",
        "learned_threshold": 0.2,
        "type_thresholds": dict(TYPE_THRESHOLDS),
        "calibration": "shipped",
        "prefer": "rules",
        "twin_threshold": 0.5,
        "party_threshold": 0.5,
        "rule_thresholds": dict(RULE_THRESHOLDS),
    },
)
def make_deals(
    nlp: Language,
    name: str,
    *,
    triggers_path: str | None = None,
    min_confidence: float = 0.0,
    sources: str = "both",
    learned_threshold: float = 0.2,
    type_thresholds: dict[str, float] | None = None,
    calibration: str = "shipped",
    prefer: str = "rules",
    twin_threshold: float = 0.5,
    party_threshold: float = 0.5,
    rule_thresholds: dict[str, float] | None = None,
) -> DealsComponent:
    """The deals component; ``triggers_path`` replaces the trigger table, ``sources``
    is ``"both"``, ``"rules"`` or ``"learned"`` (what finds deals),
    ``learned_threshold`` the sentence score a learned deal needs, ``type_thresholds``
    the score for the types that need another one, and ``calibration``
    the confidence file (``"shipped"``, a path, or ``""`` for the rules' score);
    ``prefer`` whose record stands where the rules and the learned steps tell one deal
    (``"rules"`` or ``"learned"``); ``twin_threshold`` the sentence score at which a
    learned deal of another type than a rule deal with the same parties stands beside
    it (above 1: never); ``party_threshold`` the role probability at which a party of the
    learned reading joins the rules' record of the same deal (above 1: never);
    ``rule_thresholds`` the learned sentence score a rule deal of a type needs."""
    return DealsComponent(
        nlp,
        name,
        triggers_path=triggers_path,
        min_confidence=min_confidence,
        sources=sources,
        learned_threshold=learned_threshold,
        type_thresholds=type_thresholds,
        calibration=calibration,
        prefer=prefer,
        twin_threshold=twin_threshold,
        party_threshold=party_threshold,
        rule_thresholds=rule_thresholds,
    )
