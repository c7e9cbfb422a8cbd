"""The words the orgs step reads: fixed word sets, and the tables of ``data/`` loaded
once per pipeline (non-organisations, first names, context words, cues)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from aiextract.components.orgs.token_index import hash_array
from aiextract.lexicon import load_table
from aiextract.normalize.names import name_key


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one readable block."""
    return frozenset(text.split())


# Last words that make a name a company (« Inflection AI », « Kyber Capital »).
ORG_SUFFIXES = word_set(
    """AI Labs Lab Capital Ventures Partners Technologies Technology Tech Group Groupe SA SAS
    SASU SE SCA Inc Inc. Ltd Ltd. LLC LLP GmbH AG NV BV Plc plc Holdings Holding Systems
    Robotics Therapeutics Biotech Energy Energies Bank Corp Corp. Corporation Company
    Investments Investment Management Networks Software Solutions Analytics Security
    Semiconductor Semiconductors Industries Motors Pharma Media Studios Games Foundation
    Fondation Consulting Associés Avocats Finance Gestion Invest Computing Dynamics"""
)

# First words of public bodies and institutions (« Autorité de la concurrence »).
INSTITUTION_HEADS = word_set(
    """Autorité Banque Caisse Ministère Agence Commission Conseil Cour Office Institut
    Université École Fondation Fédération Direction Haute Tribunal Parlement Sénat Assemblée
    Centre Chambre Comité Confédération Syndicat Association Groupe Société Compagnie Fonds
    Mutuelle Crédit Secrétariat Observatoire Académie Laboratoire"""
)

TITLES = word_set("""M. MM. Mme Mmes Mlle Dr Dr. Pr Pr. Me Mr Mr. Sir""")
DETERMINERS = word_set(
    """la le l' l’ les une un cette ce cet sa son ses leur notre du au aux des de d' d’"""
)
CUE_PREPOSITIONS = word_set("""de d' d’ par avec chez pour à entre et""")
CUE_LEFT = DETERMINERS | CUE_PREPOSITIONS
PLURAL_DETERMINERS = word_set("""les des ces leurs nos deux trois quatre cinq""")
# Lower-case words inside a name the model found (« Graines de Provence », « Tallis & Co »).
NAME_LINKS = word_set("""de d' d’ du des la & and""")

BUY_LEMMAS = frozenset(["racheter", "acquérir", "absorber", "reprendre"])

# Words after a name that say « this is an organisation acting » (for ambiguous names
# such as X: « X a été valorisée », « X investit »).
ORG_VERB_LEMMAS = word_set(
    """racheter valoriser lever investir acquérir vendre céder fusionner valoir employer
    licencier recruter embaucher financer absorber signer détenir posséder"""
)
ORG_OBJECT_NOUNS = word_set(
    """rachat acquisition valorisation capital actionnaire actionnaires propriétaire
    propriétaires fusion cession vente dirigeant dirigeants patron directeur directrice
    président présidente fondateur fondatrice cofondateur cofondatrice salariés employés
    conseil filiale maison participation"""
)
# A word starting with a lower-case letter after a space (« Vectis vise »).
LOWER_WORD = re.compile(r"\s[^\W\d_A-ZÀ-Þ]")
# Deal nouns whose verb's subject is a company (« X négocie le rachat de Y »).
DEAL_OBJECT_NOUNS = word_set(
    """rachat acquisition fusion cession reprise levée participation partenariat alliance
    contrat commande rapprochement"""
)
# « compte sur Y », « publié sur Y »: Y is a medium people post on.
MEDIUM_CONTEXT = word_set(
    """compte comptes profil page chaîne publié publiée posté postée écrit écrite partagé
    partagée exprimé exprimée message messages vidéo tweet billet inscrivez-vous disponible
    disponibles"""
)
PLACE_HEADS = word_set("""géant firme entreprise groupe société compagnie ville""")
APPOSITION_VERBS = re.compile(
    r"^,?\s*(?:basée?s?|installée?s?|implantée?s?|domiciliée?s?|établie?s?)\s+(?:à|en|au|aux)\b"
    r"|^,?\s*dont\s+le\s+siège",
    re.IGNORECASE,
)


# A cue: its words, lower-cased, and its strength (« strong » or « weak »).
Cue = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class OrgLexicon:
    """The tables of ``data/`` as sets, the cues by first word, and the string hashes
    of cue words, company suffixes and civil titles (for :class:`TokenIndex` lookups).
    ``vocab`` is the pipeline's, for « does the model know this word » tests."""

    vocab: Vocab
    non_orgs: dict[str, str]
    heads: set[str]
    first_names: frozenset[str]
    suffixes: frozenset[str]
    institutions: frozenset[str]
    institution_phrases: dict[str, tuple[tuple[str, ...], ...]]
    place_preps: frozenset[str]
    market_preps: frozenset[str]
    transfer_verbs: frozenset[str]
    product_nouns: frozenset[str]
    launch_verbs: frozenset[str]
    subject_verbs: frozenset[str]
    by_verbs: frozenset[str]
    nationalities: frozenset[str]
    not_org_nouns: frozenset[str]
    money_units: frozenset[str]
    cues: dict[str, list[Cue]]
    cue_hashes: np.ndarray
    suffix_hashes: np.ndarray
    institution_hashes: np.ndarray
    title_hashes: np.ndarray

    @classmethod
    def load(cls, nlp: Language) -> OrgLexicon:
        """Read ``non_orgs.tsv``, ``first_names.tsv``, ``org_context.tsv`` and
        ``org_cues.tsv``; cues are tokenized by ``nlp`` and get their plurals."""
        non_orgs: dict[str, str] = {}
        heads: set[str] = set()
        for row in load_table("non_orgs.tsv"):
            if row["kind"] == "head":
                heads.add(row["term"].lower())
            else:
                non_orgs[" ".join(name_key(row["term"]))] = row["kind"]
        first_names = frozenset(r["name"] for r in load_table("first_names.tsv"))
        context: dict[str, set[str]] = {}
        for row in load_table("org_context.tsv"):
            context.setdefault(row["kind"], set()).add(row["word"])
        suffixes = ORG_SUFFIXES | context.get("suffix", set())
        # « tribunal de commerce » -> {"tribunal": (("tribunal", "de", "commerce"),)}
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in context.get("institution", ()):
            if " " in phrase:
                words = tuple(t.lower_ for t in nlp.make_doc(phrase))
                phrases.setdefault(words[0], []).append(words)
        nationalities = frozenset(context.get("nationality", ()))
        cues: dict[str, list[Cue]] = {}
        cue_rows = [(r["cue"], r["strength"]) for r in load_table("org_cues.tsv")]
        cue_rows += [(w, "strong") for w in nationalities]
        for cue, strength in cue_rows:
            words = tuple(t.lower_ for t in nlp.make_doc(cue))
            cues.setdefault(words[0], []).append((words, strength))
            if words[0][-1] not in "sxz" and words[0] not in nationalities:
                # Plural: « les agritechs X et Y », « les start-ups X, Y et Z ».
                plural = (words[0] + "s", *words[1:])
                cues.setdefault(plural[0], []).append((plural, strength))
        for options in cues.values():
            options.sort(key=lambda o: -len(o[0]))
        strings = nlp.vocab.strings
        return cls(
            vocab=nlp.vocab,
            non_orgs=non_orgs,
            heads=heads,
            first_names=first_names,
            suffixes=suffixes,
            institutions=frozenset(w for w in context.get("institution", ()) if " " not in w),
            institution_phrases={
                first: tuple(sorted(options, key=len, reverse=True))
                for first, options in phrases.items()
            },
            place_preps=frozenset(context.get("place_prep", ())),
            market_preps=frozenset(
                (*context.get("place_prep", ()), *context.get("market_prep", ()))
            ),
            transfer_verbs=frozenset(context.get("transfer", ())),
            product_nouns=frozenset(context.get("product", ())),
            launch_verbs=frozenset(context.get("launch", ())),
            subject_verbs=frozenset(context.get("subject_verb", ())),
            by_verbs=frozenset(context.get("by_verb", ())),
            nationalities=nationalities,
            not_org_nouns=frozenset(context.get("not_org_noun", ())),
            money_units=money_units(),
            cues=cues,
            cue_hashes=hash_array({strings.add(w) for w in cues}),
            suffix_hashes=hash_array({strings.add(w) for w in suffixes}),
            institution_hashes=hash_array(
                {strings.add(w.split()[0]) for w in context.get("institution", ())}
            ),
            title_hashes=hash_array({strings.add(w) for w in ("M.", "Mme", "Mlle", "MM.")}),
        )

    def non_org(self, text: str) -> str | None:
        """The kind of non-organisation ``text`` is (« place », « acronym », « head »,
        « nationality »: a nationality noun alone, « money »: a currency sign with or
        without its multiplier...), or None. A country written like its
        nationality (« la Suisse ») is found apart, as a State that acts."""
        kind = self.non_orgs.get(" ".join(name_key(text)))
        if kind:
            return kind
        if "".join(text.split()) in self.money_units:
            return "money"  # « 180 Md$ pour Ventora »: the recogniser took « Md$ »
        if text.lower() in self.nationalities:
            return "nationality"  # « le Japonais Quibix », « l'opérateur Chinois »
        words = text.split()
        if len(words) > 1 and words[-1].lower() in self.heads:
            return "head"
        return None


def money_units() -> frozenset[str]:
    """Currency signs (« $ », « € », « US$ ») alone and glued to an abbreviated multiplier
    (« Md$ », « M€ », « k£ »), spaces removed: never an organisation's name."""
    signs = {
        "".join(r["form"].split())
        for r in load_table("currencies.tsv")
        if r["kind"] == "symbol" and not r["form"].replace(" ", "").isalpha()
    }
    multipliers = {r["form"] for r in load_table("multipliers.tsv") if r["kind"] == "abbr"}
    return frozenset(signs | {m + s for m in multipliers for s in signs})


@lru_cache(maxsize=1)
def amount_words() -> frozenset[str]:
    """Lower-case words that make the number before them an amount: multipliers
    (« millions », « Md ») and currencies (« euros », « $ », « M€ »), and « % »."""
    forms = {r["form"] for r in load_table("multipliers.tsv") if r["kind"] != "vague"}
    forms |= {r["form"] for r in load_table("currencies.tsv")}
    return frozenset({f.lower() for f in forms} | {u.lower() for u in money_units()} | {"%"})


def amount_follows(doc: Doc, i: int) -> bool:
    """The token after ``doc[i]`` is one of ``amount_words``, a sentence's final stop
    aside (« Quibix 450 millions », « Quibix 3 M€. »)."""
    if i + 1 >= len(doc):
        return False
    low = doc[i + 1].lower_
    return low in amount_words() or low.rstrip(".") in amount_words()
