"""The person a hire replaces is not hired (« succède à X », « en remplacement de X »,
« le remplaçant de X »): GUIDELINES, « Appointments are hires » (a departure with no
new employer named is no deal), read by the rules (``roles.find_parties``) and the
learned steps (``learned._sentence_deals``) alike through ``cues.replaced``."""

from __future__ import annotations

import pytest

from aiextract.components.columns import Columns
from aiextract.components.deals.cues import replaced


def _hired(doc) -> list[set[str]]:
    return [
        {p["name"] for p in d["parties"] if p["role"] == "person"}
        for d in doc._.deals
        if d["type"] == "hire"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nexalia annonce l'arrivée de Claire Morin à la direction financière, en "
        "remplacement de Paul Marchal.",
        "Valtor a désigné Claire Morin pour succéder à M. Paul Marchal à la présidence du "
        "directoire.",
        "Claire Morin prend la relève de Paul Marchal à la tête de Valtor.",
        "Le conseil de Valtor a nommé Claire Morin, remplaçante de Paul Marchal, au poste "
        "de directrice générale.",
    ],
)
def test_the_person_replaced_is_not_hired(nlp, text):
    hired = _hired(nlp(text))
    assert hired, text
    assert all(names == {"Claire Morin"} for names in hired), hired


def test_people_appointed_together_stay_hired(nlp):
    doc = nlp("Valtor nomme Claire Morin et Hugo Petit au comité exécutif.")
    assert _hired(doc) == [{"Claire Morin", "Hugo Petit"}]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Elle succède à Paul Marchal .", "Paul", True),
        ("Elle succède à M. Paul Marchal .", "Paul", True),
        ("Il arrive en remplacement de Paul Marchal .", "Paul", True),
        ("Valtor recrute Paul Marchal .", "Paul", False),
        # a relative clause may tell where the person replaced goes
        ("Elle remplace Paul Marchal , qui rejoindra Nexalia .", "Paul", False),
        # a departure may be towards the new employer: not read as a predecessor
        ("Le départ de Paul Marchal chez Nexalia est acté .", "Paul", False),
    ],
)
def test_replaced_reads_the_words_before_the_name(nlp, text, word, expected):
    doc = nlp(text)
    cols = Columns.from_doc(doc)
    i = next(t.i for t in doc if t.text == word)
    assert replaced(cols, i, 0) is expected
