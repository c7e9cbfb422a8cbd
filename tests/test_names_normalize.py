"""Pure tests for aiextract.normalize.names (no model needed)."""

from __future__ import annotations

import pytest

from aiextract.normalize.names import (
    canonical_orgs,
    canonical_people,
    clean_name,
    fix_person_case,
    is_handle,
    name_key,
    split_glued,
    split_glued_elision,
)


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        pytest.param("d'OpenAI", False, "OpenAI", id="elision-straight"),
        pytest.param("d’OpenAI", False, "OpenAI", id="elision-curly"),
        pytest.param("l'OpenAI", False, "OpenAI", id="elision-l"),
        pytest.param("qu’Anthropic", False, "Anthropic", id="elision-qu"),
        pytest.param("jusqu'à Nvidia", False, "à Nvidia", id="elision-jusqu"),
        pytest.param("M. Altman", True, "Altman", id="title-m"),
        pytest.param("Mme Lagarde", True, "Lagarde", id="title-mme"),
        pytest.param("Dr Yann LeCun", True, "Yann LeCun", id="title-dr"),
        pytest.param("M. Altman", False, "M. Altman", id="title-kept-for-orgs"),
        pytest.param("X.", False, "X", id="final-dot"),
        pytest.param("Helios Inc.", False, "Helios Inc.", id="inc-dot-kept"),
        pytest.param("« Mistral AI »", False, "Mistral AI", id="guillemets"),
        pytest.param("la BCE", False, "BCE", id="determiner"),
        pytest.param("Open\u00a0AI", False, "Open AI", id="nbsp"),
        pytest.param("Sam\u202fAltman,", True, "Sam Altman", id="narrow-nbsp-comma"),
        pytest.param("(AIP)", False, "AIP", id="parentheses"),
    ],
)
def test_clean_name(text, person, expected):
    assert clean_name(text, person=person) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param("L’Oréal S.A.", ("l", "oreal", "s", "a"), id="accents-dots"),
        pytest.param("OPENAI", ("openai",), id="case"),
        pytest.param("Société Générale", ("societe", "generale"), id="accents"),
        pytest.param("Œuvre", ("oeuvre",), id="ligature"),
        pytest.param("  ", (), id="empty"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        pytest.param("MicrosoftLes", {"Microsoft"}, "Microsoft", id="les"),
        pytest.param("OpenAIDans", {"OpenAI"}, None, id="acronym-end-not-split"),
        pytest.param("NvidiaCette", {"Nvidia"}, "Nvidia", id="cette"),
        pytest.param("MicrosoftLes", set(), None, id="unknown-head"),
        pytest.param("SoftBank", {"Soft"}, None, id="camel-case-name"),
        pytest.param("DeepMind", {"Deep"}, None, id="not-a-glue-word"),
    ],
)
def test_split_glued(word, known, expected):
    assert split_glued(word, known) == expected


def test_split_glued_accepts_predicate():
    assert split_glued("GoogleLe", lambda s: s.startswith("Goo")) == "Google"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("dOpenAI", "OpenAI", id="d"),
        pytest.param("lOréal", None, id="unknown"),
        pytest.param("dans", None, id="word"),
    ],
)
def test_split_glued_elision(word, expected):
    assert split_glued_elision(word, {"OpenAI"}) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("ELON MUSK", "Elon Musk", id="caps"),
        pytest.param("JEAN-PIERRE DUPONT", "Jean-Pierre Dupont", id="hyphen"),
        pytest.param("Yann LeCun", "Yann LeCun", id="mixed-kept"),
        pytest.param("IBM", "IBM", id="short"),
    ],
)
def test_fix_person_case(name, expected):
    assert fix_person_case(name) == expected


def test_is_handle():
    assert is_handle("@ilyasut")
    assert not is_handle("Ilya Sutskever")


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        pytest.param(
            ["Sam Altman", "Altman", "Sam"],
            {"Sam Altman": "Sam Altman", "Altman": "Sam Altman", "Sam": "Sam Altman"},
            id="altman",
        ),
        pytest.param(
            ["Musk", "Elon Musk"], {"Musk": "Elon Musk", "Elon Musk": "Elon Musk"}, id="musk"
        ),
        pytest.param(
            ["Larry Page", "Jimmy Page", "Page"],
            {"Larry Page": "Larry Page", "Jimmy Page": "Jimmy Page", "Page": "Page"},
            id="ambiguous-surname-kept",
        ),
        pytest.param(["Nadella"], {"Nadella": "Nadella"}, id="alone"),
        pytest.param(
            ["ELON MUSK", "Musk"], {"ELON MUSK": "Elon Musk", "Musk": "Elon Musk"}, id="caps-fixed"
        ),
        pytest.param(
            ["Bruno Le Maire", "Le Maire", "Maire"],
            {
                "Bruno Le Maire": "Bruno Le Maire",
                "Le Maire": "Bruno Le Maire",
                "Maire": "Bruno Le Maire",
            },
            id="particle",
        ),
        pytest.param(
            ["Lisa Su", "Lisa"], {"Lisa Su": "Lisa Su", "Lisa": "Lisa Su"}, id="first-name"
        ),
    ],
)
def test_canonical_people(mentions, expected):
    assert canonical_people(mentions) == expected


@pytest.mark.parametrize(
    ("mentions", "fixed", "expected"),
    [
        pytest.param(
            ["Mistral", "Mistral AI"],
            (),
            {"Mistral": "Mistral AI", "Mistral AI": "Mistral AI"},
            id="mistral",
        ),
        pytest.param(
            ["Nexalis", "Nexalis Group"],
            (),
            {"Nexalis": "Nexalis Group", "Nexalis Group": "Nexalis Group"},
            id="suffix",
        ),
        pytest.param(
            ["Google", "Alphabet"],
            {"Google", "Alphabet"},
            {"Google": "Google", "Alphabet": "Alphabet"},
            id="distinct-known",
        ),
        pytest.param(
            ["Orbit", "Orbit Labs", "Orbit Capital"],
            (),
            {"Orbit": "Orbit", "Orbit Labs": "Orbit Labs", "Orbit Capital": "Orbit Capital"},
            id="two-candidates-no-merge",
        ),
        pytest.param(
            ["Microsoft", "Microsoft"], {"Microsoft"}, {"Microsoft": "Microsoft"}, id="dupe"
        ),
        pytest.param(
            ["OPENAI", "OpenAI"], (), {"OPENAI": "OpenAI", "OpenAI": "OpenAI"}, id="case-variants"
        ),
        pytest.param(
            ["Valorem", "Valorem Bretagne"],
            (),
            {"Valorem": "Valorem", "Valorem Bretagne": "Valorem Bretagne"},
            id="regional-subsidiary",
        ),
        pytest.param(
            ["Kelio", "Kelio France"],
            (),
            {"Kelio": "Kelio", "Kelio France": "Kelio France"},
            id="country-subsidiary",
        ),
        pytest.param(
            ["Fretlink", "Fretlink Business"],
            (),
            {"Fretlink": "Fretlink", "Fretlink Business": "Fretlink Business"},
            id="division",
        ),
        pytest.param(
            ["Kima", "Kima Ventures"],
            (),
            {"Kima": "Kima Ventures", "Kima Ventures": "Kima Ventures"},
            id="fund-suffix-merges",
        ),
        pytest.param(
            ["Vel-Tronic Systèmes", "VelTronic"],
            (),
            {"Vel-Tronic Systèmes": "Vel-Tronic Systèmes", "VelTronic": "Vel-Tronic Systèmes"},
            id="hyphen-dropped-short-form",
        ),
        pytest.param(
            ["Vel-Tronic Bretagne", "VelTronic"],
            (),
            {"Vel-Tronic Bretagne": "Vel-Tronic Bretagne", "VelTronic": "VelTronic"},
            id="hyphen-dropped-subsidiary-stays",
        ),
    ],
)
def test_canonical_orgs(mentions, fixed, expected):
    assert canonical_orgs(mentions, fixed=fixed) == expected
