"""The deal rules' columns (``aiextract.components.columns``) agree with spaCy's tokens.

``Columns.from_doc`` reads ``Doc.to_array`` once and turns hashes into strings through
process-wide caches; every column must say what the ``Token`` says, whether the caches
were hit, missed or just cleared, and the deals must not depend on which document went
through the caches before.
"""

from __future__ import annotations

import copy

import pytest

from aiextract.components import columns
from aiextract.components.columns import Columns, normalise, read_array

FEATURES = ("VerbForm", "Mood", "Tense", "Number", "Voice", "Poss", "PronType")
# values seen for FEATURES in the French model, plus one that never occurs
VALUES = (
    "Fin", "Inf", "Part", "Ger", "Ind", "Sub", "Cnd", "Imp", "Pres", "Past", "Fut",
    "Sing", "Plur", "Act", "Pass", "Yes", "Prs", "Rel", "Int", "Dem", "Art", "Ind",
    "Neg", "Tot", "Nope",
)  # fmt: skip

SENTENCES = [
    pytest.param(
        "La start-up Mistral AI lève 600 millions d'euros auprès de General Catalyst.",
        id="funding-lever",
    ),
    pytest.param(
        "Pigment a levé 145 millions de dollars auprès d’ICONIQ et de Greenoaks.",
        id="funding-typographic-apostrophe",
    ),
    pytest.param(
        "Alan annonce une levée de fonds de 173 millions d’euros, menée par Temasek.",
        id="funding-noun",
    ),
    pytest.param(
        "La jeune pousse nantaise Lengow boucle un tour de table de 12,5 M€ en série B.",
        id="funding-decimal-euro-sign",
    ),
    pytest.param(
        "« Nous allons recruter 200 personnes d’ici 2026 », a déclaré Arthur Mensch.",
        id="quote-guillemets",
    ),
    pytest.param(
        "Capgemini rachète l’américain WNS pour 3,3 milliards de dollars.",
        id="acquisition-rachete",
    ),
    pytest.param(
        "Le groupe Saint-Gobain a finalisé l'acquisition de Fosroc, annoncée en février.",
        id="acquisition-hyphenated-name",
    ),
    pytest.param(
        "Schneider Electric va acquérir la participation restante de 35 % dans sa filiale.",
        id="acquisition-stake-percent",
    ),
    pytest.param(
        "La société a été rachetée par Dassault Systèmes, qui en détenait déjà 20 %.",
        id="acquisition-passive",
    ),
    pytest.param(
        "Orange et Capgemini nouent un partenariat stratégique dans le cloud souverain.",
        id="partnership-nouent",
    ),
    pytest.param(
        "Airbus s’associe à Thales pour lancer une coentreprise baptisée « Skyway ».",
        id="partnership-reflexive",
    ),
    pytest.param(
        "OpenAI dévoile Stargate, son mégaprojet d'infrastructure, en partenariat avec "
        "Oracle et SoftBank.",
        id="partnership-apposition",
    ),
    pytest.param(
        "Thales remporte un contrat de 1,2 milliard d’euros auprès de la Direction "
        "générale de l’armement.",
        id="contract",
    ),
    pytest.param(
        "Doctolib recrute Jean-Baptiste Rudelle au poste de directeur général.",
        id="hire-hyphenated-person",
    ),
    pytest.param(
        "Marie-Laure Sauty de Chalon est nommée présidente du conseil d’administration.",
        id="hire-nommee",
    ),
    pytest.param(
        "Ledger a levé 100 millions d'euros.\nLa licorne française prévoit d'ouvrir "
        "des bureaux à New York.",
        id="line-break",
    ),
    pytest.param(
        "Qonto  annonce  avoir  levé 486 millions d’euros  auprès de Tiger Global.",
        id="double-spaces",
    ),
    pytest.param(
        "Le fonds Eurazeo a investi 50 M€. Il détiendrait désormais 15 % du capital. "
        "L'opération serait finalisée au T3 2025.",
        id="three-sentences-conditional",
    ),
    pytest.param(
        "Ce n’est pas la première fois que Bpifrance soutient l’entreprise : en 2021, "
        "elle avait déjà participé à un tour de 30 millions.",
        id="negation-colon",
    ),
    pytest.param(
        "Ses investisseurs historiques — Partech, Elaia et Kima Ventures — ont remis au pot.",
        id="dashes-possessive",
    ),
    pytest.param(
        "Quelle entreprise rachètera la pépite grenobloise ? Rien n'est encore décidé.",
        id="interrogative",
    ),
    pytest.param(
        "Les leurs ont été cédés ; les nôtres seront vendus en 2026.",
        id="possessive-pronouns",
    ),
    pytest.param(
        "Le rachat, d’un montant de 1 200 000 €, porte sur 100 % des titres (actions "
        "ordinaires et BSA).",
        id="numbers-parentheses",
    ),
    pytest.param(
        "BNP Paribas et AXA Investment Managers : l’accord a été signé le 1er août 2024.",
        id="ordinal-date",
    ),
    pytest.param(
        "Hugging Face, qui vaut 4,5 Md$, embauche l'ex-dirigeant de Google DeepMind.",
        id="relative-clause",
    ),
    pytest.param(
        "Selon « Les Echos », l'éditeur lyonnais Cegid serait en négociations exclusives "
        "avec KKR\u00a0!",
        id="nbsp-exclamation",
    ),
    pytest.param("Mistral AI lève des fonds", id="no-final-punct"),
    pytest.param("ACQUISITION : TotalEnergies RACHÈTE SunPower", id="upper-case"),
    pytest.param("\n\nLa fintech Swile a été valorisée 1 milliard.\n", id="surrounding-breaks"),
    pytest.param("Rachat", id="single-token"),
    pytest.param("’", id="single-apostrophe"),
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="only-whitespace"),
]


def _assert_columns_agree(doc, cols: Columns) -> None:
    n = len(doc)
    assert len(cols.low) == len(cols.lemma) == len(cols.pos) == len(cols.dep) == n
    assert len(cols.head) == len(cols.is_lower) == len(cols.is_punct) == n
    for t in doc:
        i = t.i
        where = f"token {i} {t.text!r}"
        assert cols.low[i] == t.text.lower().replace("’", "'").strip(), where
        assert cols.low[i] == normalise(t.text), where
        assert cols.lemma[i] == t.lemma_.lower(), where
        assert cols.pos[i] == t.pos_, where
        assert cols.dep[i] == t.dep_, where
        assert cols.head[i] == t.head.i, where
        assert bool(cols.is_lower[i]) == t.is_lower, where
        assert bool(cols.is_punct[i]) == t.is_punct, where
        assert cols.kids(i) == [c.i for c in t.children], where
        assert cols.kids(i) == [c.i for c in t.children], where  # second call: cached
        full = [a.i for a in t.ancestors]
        assert cols.ancestors(i, 50) == full, where
        for limit in range(3):
            assert cols.ancestors(i, limit) == full[:limit], (where, limit)
        feats = cols.feats(i)
        for f in FEATURES:
            expected = tuple(t.morph.get(f))
            assert feats.get(f, ()) == expected, (where, f)
            for value in (*VALUES, *expected):
                assert cols.has(i, f, value) == (value in expected), (where, f, value)


@pytest.mark.parametrize("text", SENTENCES)
def test_columns_agree_with_tokens(nlp, text):
    doc = nlp(text)
    _assert_columns_agree(doc, Columns.from_doc(doc))


@pytest.mark.parametrize("text", SENTENCES)
def test_columns_agree_with_tokens_on_fresh_caches(nlp, monkeypatch, text):
    """The first read of a word (a cache miss) gives the same as a later one (a hit)."""
    for name in ("_LOWS", "_LEMMAS", "_DEPS", "_FEATS"):
        monkeypatch.setattr(columns, name, {})
    doc = nlp(text)
    _assert_columns_agree(doc, Columns.from_doc(doc))  # misses
    _assert_columns_agree(doc, Columns.from_doc(doc))  # hits


@pytest.mark.parametrize("text", SENTENCES)
def test_columns_from_a_read_array(nlp, text):
    doc = nlp(text)
    read, fresh = Columns.from_doc(doc, read_array(doc)), Columns.from_doc(doc)
    assert read == fresh
    assert list(read.morph) == list(fresh.morph) == [t.morph.key for t in doc]


def test_read_array_layout(nlp):
    doc = nlp("Ledger a levé 100 millions d'euros.\nLa licorne recrute.")
    arr = read_array(doc)
    assert arr.shape == (len(doc), len(columns._ATTRS))
    assert arr[:, columns.SENT_START_COLUMN].astype("int64").tolist() == [
        1 if t.is_sent_start else (-1 if t.is_sent_start is False else 0) for t in doc
    ]
    assert arr[:, columns.IS_SPACE_COLUMN].tolist() == [int(t.is_space) for t in doc]
    assert arr[:, 0].tolist() == [t.lower for t in doc]
    assert arr[:, 1].tolist() == [t.lemma for t in doc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’Oréal", "l'oréal"),
        ("  Saint-Gobain\n", "saint-gobain"),
        ("AUJOURD’HUI", "aujourd'hui"),
        ("d'euros", "d'euros"),
        ("", ""),
        (" \t\n", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


KEYS = ("lower", "lemma", "dep")
CACHE_TEXTS = [
    "Capgemini rachète l’américain WNS pour 3,3 milliards de dollars.",
    "Orange et Capgemini nouent un partenariat stratégique dans le cloud souverain.",
    "Doctolib recrute Jean-Baptiste Rudelle au poste de directeur général.",
    "Rachat",
    "Les leurs ont été cédés ; les nôtres seront vendus en 2026.",
    "Qonto  annonce  avoir  levé 486 millions d’euros  auprès de Tiger Global.",
]


@pytest.mark.parametrize("max_cached", [0, 1, 5, 20])
def test_caches_cleared_past_max_cached(nlp, monkeypatch, max_cached):
    monkeypatch.setattr(columns, "_MAX_CACHED", max_cached)
    tables = {name: {} for name in ("_LOWS", "_LEMMAS", "_DEPS", "_FEATS")}
    for name, table in tables.items():
        monkeypatch.setattr(columns, name, table)
    docs = [nlp(text) for text in CACHE_TEXTS]
    most = {key: max(len({getattr(t, key) for t in doc}) for doc in docs) for key in KEYS}
    cleared = dict.fromkeys(tables, False)
    for _ in range(3):
        for doc in [*docs, *reversed(docs)]:
            before = {name: set(table) for name, table in tables.items()}
            cols = Columns.from_doc(doc)
            _assert_columns_agree(doc, cols)  # also fills _FEATS, one analysis at a time
            # a table changes only when a document brings a new word; it is cleared just
            # before the new words are added, so it then holds at most the limit plus
            # this document's words (and never more than the limit plus the longest's)
            for name, key in (("_LOWS", "lower"), ("_LEMMAS", "lemma"), ("_DEPS", "dep")):
                distinct = len({getattr(t, key) for t in doc})
                if set(tables[name]) != before[name]:
                    assert len(tables[name]) <= max_cached + distinct, name
                assert len(tables[name]) <= max_cached + most[key], name
            assert len(tables["_FEATS"]) <= max_cached + 1
            for name, table in tables.items():
                cleared[name] |= not before[name] <= set(table)  # a word was dropped
    # every cache that would outgrow the limit by more than one document was cleared
    total = {key: len({getattr(t, key) for doc in docs for t in doc}) for key in KEYS}
    total["morph"] = len({t.morph.key for doc in docs for t in doc})
    most["morph"] = 1
    for name, key in (
        ("_LOWS", "lower"),
        ("_LEMMAS", "lemma"),
        ("_DEPS", "dep"),
        ("_FEATS", "morph"),
    ):
        if total[key] > max_cached + most[key]:
            assert cleared[name], (name, total[key])
    assert cleared["_LOWS"] and cleared["_LEMMAS"]


def test_caches_not_cleared_under_max_cached(nlp, monkeypatch):
    tables = {name: {} for name in ("_LOWS", "_LEMMAS", "_DEPS")}
    for name, table in tables.items():
        monkeypatch.setattr(columns, name, table)
    docs = [nlp(text) for text in CACHE_TEXTS]
    for doc in docs:
        Columns.from_doc(doc)
    assert len(tables["_LOWS"]) == len({t.lower for doc in docs for t in doc})
    assert len(tables["_LEMMAS"]) == len({t.lemma for doc in docs for t in doc})
    assert len(tables["_DEPS"]) == len({t.dep for doc in docs for t in doc})


DEAL_TEXTS = [
    "La start-up Mistral AI lève 600 millions d'euros auprès de General Catalyst.",
    "Capgemini rachète l’américain WNS pour 3,3 milliards de dollars. Orange et Thales "
    "nouent un partenariat dans le cloud.",
]


@pytest.mark.parametrize("max_cached", [500_000, 3])
def test_deals_do_not_depend_on_the_previous_document(nlp, monkeypatch, max_cached):
    """Two documents through the deals component in turn: the same deals each time."""
    deals_pipe = nlp.get_pipe("aiextract_deals")
    docs = [nlp(text) for text in DEAL_TEXTS]
    expected = [copy.deepcopy(doc._.deals) for doc in docs]
    assert all(expected), expected  # the component swallows errors: no deal is suspect
    assert expected[0] != expected[1]
    monkeypatch.setattr(columns, "_MAX_CACHED", max_cached)
    for name in ("_LOWS", "_LEMMAS", "_DEPS", "_FEATS"):
        monkeypatch.setattr(columns, name, {})
    for turn in range(3):
        for k in (0, 1, 1, 0):
            doc = deals_pipe(docs[k])
            assert doc._.deals == expected[k], (turn, k)
    # and through the whole pipeline, alternately, on new docs
    for k, doc in enumerate(nlp.pipe([DEAL_TEXTS[0], DEAL_TEXTS[1]] * 2)):
        assert doc._.deals == expected[k % 2], k
