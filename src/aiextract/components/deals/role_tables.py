"""The word tables of the role rules: verb and noun classes, the party cues of
``data/deal_cues.tsv``, company words, and the inflected forms of a verb."""

from __future__ import annotations

from functools import cache

from aiextract.components.columns import normalise as _norm
from aiextract.components.entities.article import noun_classes
from aiextract.lexicon import load_table

# Verbs a party may be reached through without leaving the deal's clause.
TRANSPARENT_VERBS = frozenset(
    [
        "mener",
        "conduire",
        "piloter",
        "emmener",
        "codiriger",
        "réunir",
        "rassembler",
        "former",
        "composer",
        "regrouper",
        "associer",
        "impliquer",
        "inclure",
        "baptiser",
        "nommer",
        "dénommer",
        "appeler",
        "évaluer",
        "estimer",
        "valoriser",
        "chiffrer",
        "souscrire",
        "participer",
        "soutenir",
        "financer",
        "accompagner",
        "annoncer",
        "signer",
        "conclure",
        "finaliser",
        "boucler",
        "réaliser",
        "officialiser",
        "sceller",
        "nouer",
        "lancer",
        "dévoiler",
        "confirmer",
        "compléter",
        "effectuer",
        "opérer",
        "passer",
    ]
)
# Verbs whose subject leads a round (« X mènera le tour de table »).
LEAD_VERBS = frozenset(["mener", "conduire", "piloter", "codiriger", "emmener", "diriger"])
# Verbs of joining a round: their subject is one of its investors.
JOIN_VERBS = frozenset(["participer", "contribuer", "souscrire", "abonder"])
# verbs that sell what the noun they govern names (« X cède sa participation dans Y »):
# their subject is the seller, never the noun's investor (GUIDELINES, « A stake sold »)
SELL_VERBS = frozenset(["céder", "vendre", "revendre", "solder"])
# Verbs that give (the subject is the giver) or win (the subject is the winner).
GIVE_VERBS = frozenset(
    [
        "accorder",
        "octroyer",
        "verser",
        "attribuer",
        "allouer",
        "confier",
        "consentir",
        "débloquer",
        "injecter",
        "apporter",
        "concéder",
        "délivrer",
    ]
)
WIN_VERBS = frozenset(
    [
        "remporter",
        "décrocher",
        "gagner",
        "obtenir",
        "recevoir",
        "rafler",
        "emporter",
        "arracher",
        "empocher",
        "engranger",
        "enregistrer",
        "comptabiliser",
        "récolter",
    ]
)
# Nouns of an announcement that may stand between a trigger noun and its verb
# (« annonce la signature d'un contrat »).
EVENT_NOUNS = frozenset(
    [
        "signature",
        "conclusion",
        "finalisation",
        "annonce",
        "lancement",
        "création",
        "officialisation",
        "bouclage",
        "réalisation",
        "mise",
        "clôture",
    ]
)
# Nouns that name a part of a company or of its capital (« le rachat des activités de X »).
UNIT_NOUNS = frozenset(
    [
        "activité",
        "activités",
        "division",
        "branche",
        "filiale",
        "filiales",
        "pôle",
        "unité",
        "actifs",
        "actif",
        "part",
        "parts",
        "participation",
        "capital",
        "action",
        "actions",
        "totalité",
        "majorité",
        "contrôle",
        "giron",  # « passer dans le giron de X »
        "escarcelle",
        "pavillon",
        "titre",
        "titres",
        "%",
    ]
)
MONEY_NOUNS = frozenset(
    ["million", "millions", "milliard", "milliards", "euro", "euros", "dollar", "dollars"]
)
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# Verbs whose object is the subject of the infinitive after them (« autoriser X à signer »).
OBJECT_CONTROL = frozenset(
    [
        "autoriser",
        "permettre",
        "pousser",
        "inviter",
        "charger",
        "mandater",
        "aider",
        "encourager",
        "obliger",
        "contraindre",
        "forcer",
        "amener",
        "habiliter",
        "appeler",
    ]
)
# The prepositions of a dative (« permettre à X de racheter », « au groupe »).
DATIVE_CASES = frozenset(["à", "au", "aux"])
CLAUSE_DEPS = ("acl:relcl", "advcl", "ccomp", "parataxis", "csubj")


def verb_forms(lemma: str) -> list[str]:
    """Regular inflected forms of a French -er / -ir verb (the lemmatiser misses some)."""
    forms = {lemma}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        ends = [
            "e",
            "es",
            "ent",
            "é",
            "ée",
            "és",
            "ées",
            "er",
            "ons",
            "ez",
            "ait",
            "aient",
            "ant",
            "era",
            "eront",
            "erait",
            "eraient",
            "a",
            "èrent",
        ]
        forms.update(stem + e for e in ends)
        # lever → lève, racheter → rachète, céder → cède
        for k in range(len(stem) - 1, 0, -1):
            if stem[k] in "eé" and stem[k + 1 :] and all(c not in "aeiouéè" for c in stem[k + 1 :]):
                grave = stem[:k] + "è" + stem[k + 1 :]
                forms.update(grave + e for e in ("e", "es", "ent", "era", "eront", "erait"))
                break
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms.update(
            stem + e
            for e in (
                "i",
                "is",
                "it",
                "ie",
                "ies",
                "issent",
                "issait",
                "ira",
                "iront",
                "irait",
                "issant",
            )
        )
    return sorted(forms)


@cache
def join_forms() -> frozenset[str]:
    """The inflected forms of JOIN_VERBS (the lemmatiser leaves « participe » alone)."""
    return frozenset(form for verb in JOIN_VERBS for form in verb_forms(verb))


# Keys of deal_cues.tsv that are not the preposition or cue introducing a party.
NOT_ROLE_KEYS = frozenset(
    {
        "valuation",
        "worth",
        "nondeal",
        "horizon",
        "reference",
        "past_job",
        "idiom",
        "purpose",
        "shares",
        "apart",
        "bilateral",
        "together",
        "founding",
        "customer",
        "list_word",
        "shareholder",
        "predecessor",
        "holding",
        "transfer",
        "nondeal_after",
        "valuation_after",
        "supplier_noun",
    }
)


@cache
def cue_words(key: str) -> frozenset[str]:
    """The one-word cues of ``deal_cues.tsv`` with ``key`` (« purpose », « shares »...)."""
    return frozenset(r["cue"] for r in load_table("deal_cues.tsv") if r["key"] == key)


@cache
def role_cues() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Cue words before a party → frame key, longest first."""
    rows = [r for r in load_table("deal_cues.tsv") if r["key"] not in NOT_ROLE_KEYS]
    cues = [(tuple(_norm(r["cue"]).split()), r["key"]) for r in rows]
    return tuple(sorted(cues, key=lambda c: -len(c[0])))


@cache
def role_cues_by_length() -> tuple[tuple[int, dict[tuple[str, ...], str]], ...]:
    """``role_cues`` as one lookup table per cue length, longest first."""
    tables: dict[int, dict[tuple[str, ...], str]] = {}
    for cue, key in role_cues():
        if cue:
            tables.setdefault(len(cue), {}).setdefault(cue, key)
    return tuple(sorted(tables.items(), reverse=True))


@cache
def role_cue_words() -> frozenset[str]:
    """Every word of the party cues (« auprès », « de », « mené », « par »...)."""
    return frozenset(w for cue, _ in role_cues() for w in cue)


@cache
def company_words() -> frozenset[str]:
    """Words of company nouns (« la start-up », « le fonds souverain ») skipped before a name."""
    words: set[str] = {"-", "up", "start", "nouvelle", "nouveau", "française", "français"}
    for row in load_table("org_cues.tsv"):
        words.update(_norm(row["cue"]).replace("-", " - ").replace("'", "' ").split())
    words.update(noun_classes())
    return frozenset(words - {"de", "d'", "du", "des", "à", "au", "en", "et", "la", "le", "l'"})


@cache
def company_nouns() -> frozenset[str]:
    """Lemmas that may refer back to a company (« l'entreprise », « le géant »)."""
    nouns = {_norm(r["cue"]) for r in load_table("org_cues.tsv") if " " not in r["cue"]}
    return frozenset(nouns | set(noun_classes()))
