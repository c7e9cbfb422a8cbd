"""States, governments and countries that act are organisations; places are not.

Written for these tests (GUIDELINES, « Countries and cities that act » and « The State
unnamed »); company names are invented.
"""

from __future__ import annotations

import numpy
import pytest

from aiextract.components.orgs.acting_states import find_acting_states, state_lexicon
from aiextract.components.orgs.token_index import TokenIndex, hash_array

COMPANIES = {"Quorvel", "Varnel"}  # the invented companies, beside the point here

CASES = [
    (
        "recipients-of-a-sale",
        "Le chantier Varnel a vendu des patrouilleurs à l'Égypte, au Qatar et à la Grèce.",
        {"Égypte", "Qatar", "Grèce"},
    ),
    ("subject", "La France investit 2 milliards d'euros dans la start-up Quorvel.", {"France"}),
    ("place-only", "Quorvel ouvre une usine en Inde et un bureau au Brésil.", set()),
    (
        "places-listed-after-a-sale",
        "Le groupe Varnel a vendu ses agences en Norvège et au Danemark à Quorvel.",
        set(),
    ),
    ("counterpart", "Quorvel a signé un contrat avec l'Australie.", {"Australie"}),
    (
        "between-two-countries",
        "Un accord entre le Maroc et la France prévoit un fonds commun.",
        {"Maroc", "France"},
    ),
    ("agent", "Le projet Quorvel est financé par le Canada.", {"Canada"}),
    ("nationality-before-a-person", "Le Suisse Anton Keller a rejoint Quorvel.", set()),
    (
        "state-one-name",
        "L'Etat français détient 15 % de Quorvel. L'État a approuvé la cession.",
        {"Etat français"},
    ),
    (
        "government",
        "Le gouvernement indien a commandé 26 drones à Quorvel.",
        {"gouvernement indien"},
    ),
    (
        "titles-and-fixed-phrases",
        "Le chef de l'État, le secrétaire d'État et le chef du gouvernement ont parlé "
        "d'un coup d'État.",
        set(),
    ),
    (
        "guaranteed-loan",
        "Quorvel a obtenu un prêt garanti par l'État de 5 millions d'euros.",
        set(),
    ),
    (
        "bought-from-a-country",
        "La marine de Quorvel achète des frégates auprès des États-Unis et auprès du Japon.",
        {"États-Unis", "Japon"},
    ),
    ("a-region-of-a-country", "Quorvel construit une usine dans l'État de Bahia.", set()),
]


@pytest.mark.parametrize("text,orgs", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_acting_states(nlp, text, orgs):
    doc = nlp(text)
    assert set(doc._.orgs) - COMPANIES == orgs


def test_country_names_come_from_babel():
    lexicon = state_lexicon()
    assert ("cote", "d", "ivoire") in lexicon.countries or any(
        k[0] == "cote" for k in lexicon.countries
    )
    assert ("etats", "unis") in lexicon.countries
    assert ("union", "europeenne") not in lexicon.countries  # EU is not a country


@pytest.mark.parametrize(
    "text",
    [
        "La compagnie Air France a signé un contrat de 2 milliards avec Quorvel.",
        "Quorvel a signé un accord avec France Travail pour former 500 personnes.",
        "Le plan France 2030 finance Quorvel à hauteur de 3 millions d'euros.",
    ],
)
def test_a_country_inside_a_longer_name_acts_as_no_state(nlp, text):
    doc = nlp(text)
    found = {name for _, _, name in find_acting_states(doc, lambda start, end: True)}
    assert "France" not in found


def test_token_index_finds_the_positions_np_isin_finds():
    rng = numpy.random.default_rng(0)
    column = rng.integers(0, 50, size=300).astype("uint64")
    index = TokenIndex(column)
    for size in (1, 7, 40):
        hashes = hash_array(rng.choice(60, size=size, replace=False).tolist())
        assert index.positions(hashes) == numpy.flatnonzero(numpy.isin(column, hashes)).tolist()
    assert index.positions(hash_array([])) == []
    assert TokenIndex(column[:0]).positions(hashes) == []


def test_country_and_state_words_are_hashed_once_as_the_vocab_hashes_them(nlp):
    lexicon = state_lexicon()
    strings = nlp.vocab.strings
    assert strings["Maroc"] in lexicon.country_orths.tolist()
    assert strings["gouvernement"] in lexicon.state_orths.tolist()
    assert len(lexicon.country_orths) == len(lexicon.country_words)
