"""The dates component through the real pipeline (session ``nlp`` fixture)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import aiextract
from aiextract.extensions import DATES_KEY

WED = "2025-01-22"  # a Wednesday


def _run(nlp, text: str, published: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def _dates(doc: Doc) -> list[tuple[str, str | None]]:
    return [(s.text, s._.date["value"]) for s in doc.spans[DATES_KEY]]


# (sentence, published, [(span text, value)])
PIPELINE = [
    ("Fondée en 2023, la jeune pousse a déjà levé 12 millions d'euros.", None, [("2023", "2023")]),
    (
        "Le rachat a été conclu le 20 novembre 2023 à New York.",
        None,
        [("20 novembre 2023", "2023-11-20")],
    ),
    ("L'accord d'exclusivité restera en place jusqu'en 2030.", None, [("2030", "2030")]),
    ("La banque vise 37,5 milliards de dollars de revenus d'ici 2029.", None, [("2029", "2029")]),
    ("Le groupe investira davantage à partir de 2024.", None, [("2024", "2024")]),
    ("En juin dernier, Microsoft avait dû revoir sa copie.", WED, [("juin dernier", "2024-06")]),
    ("Microsoft dévoilera sa feuille de route en juin.", WED, [("juin", "2025-06")]),
    ("Microsoft a dévoilé sa feuille de route en juin.", WED, [("juin", "2024-06")]),
    ("Le groupe va annoncer en mars un plan d'économies.", WED, [("mars", "2025-03")]),
    ("Le conseil se réunira jeudi pour valider l'opération.", WED, [("jeudi", "2025-01-23")]),
    ("La fintech prévoit d'ouvrir un bureau à Paris en mars.", WED, [("mars", "2025-03")]),
    ("Sa finalisation est attendue en septembre.", WED, [("septembre", "2025-09")]),
    ("L'usine devrait ouvrir en octobre.", WED, [("octobre", "2025-10")]),
    ("Microsoft a dû revoir sa copie en juin.", WED, [("juin", "2024-06")]),
    ("Le groupe prévoyait de lancer son offre en juin.", WED, [("juin", "2024-06")]),
    ("Le directeur a rejoint l'entreprise en septembre.", WED, [("septembre", "2024-09")]),
    ("La société compte embaucher vingt personnes d'ici décembre.", WED, [("décembre", "2025-12")]),
    ("Le conseil s'est réuni jeudi pour valider l'opération.", WED, [("jeudi", "2025-01-16")]),
    ("Le PDG a démissionné mercredi.", WED, [("mercredi", "2025-01-22")]),
    ("La société a annoncé aujourd'hui une levée de fonds.", WED, [("aujourd'hui", "2025-01-22")]),
    ("Google annonce aujourd'hui le rachat de la start-up.", WED, [("aujourd'hui", "2025-01-22")]),
    ("Microsoft présente aujourd'hui son nouveau modèle.", WED, [("aujourd'hui", "2025-01-22")]),
    ("Les alliances qui se nouent aujourd'hui façonnent le secteur.", WED, []),
    ("Aujourd'hui, l'intelligence artificielle est partout.", WED, []),
    ("La start-up a été rachetée hier par un géant américain.", WED, [("hier", "2025-01-21")]),
    (
        "Le chiffre d'affaires a reculé au premier trimestre 2025.",
        None,
        [("premier trimestre 2025", "2025-Q1")],
    ),
    ("Les ventes ont bondi au T3 2024 selon la direction.", None, [("T3 2024", "2024-Q3")]),
    (
        "La fusion sera finalisée au second semestre.",
        "2024-05-02",
        [("second semestre", "2024-H2")],
    ),
    ("L'opérateur a lancé son offre à l'été 2023.", None, [("été 2023", "2023")]),
    ("La levée a été bouclée l'année dernière.", "2025-03-10", [("l'année dernière", "2024")]),
    (
        "Le salon ouvrira ses portes le mois prochain.",
        "2025-12-03",
        [("le mois prochain", "2026-01")],
    ),
    ("La start-up a été créée il y a deux ans.", "2025-05-01", []),
    ("Cette année, la croissance devrait ralentir.", "2024-06", [("Cette année", "2024")]),
    ("Les résultats publiés le 3/04/2024 ont déçu.", None, [("3/04/2024", "2024-04-03")]),
    ("Le contrat sera signé le 15 mars.", WED, [("15 mars", "2025-03-15")]),
    ("La valorisation a été fixée mi-2024 par les investisseurs.", None, [("mi-2024", "2024")]),
    ("La banque anticipait une reprise fin 2022.", None, [("2022", "2022")]),
    ("Depuis 2019, le groupe a triplé ses effectifs.", None, [("2019", "2019")]),
    ("L'État a versé 2024 millions d'euros aux régions.", None, []),
    ("La prime s'élève à 2 024 euros par salarié.", None, []),
    ("Le plan France 2030 soutient la filière.", None, []),
    ("Microsoft développe ses propres modèles d'IA, dont MAI.", None, []),
    ("GPT-4 et GPT-40 ne sont pas des dates, ni Cobalt 100 ni Maia 100.", None, []),
    ("OpenAI a accordé une licence pendant sept ans.", None, []),
    ("Il y a quelques jours, le dirigeant a pris la parole.", WED, []),
    ("Ces dernières années, les investissements ont explosé.", WED, []),
    ("Dans les prochains mois, le groupe recrutera.", WED, []),
    ("Un an plus tôt, la start-up était inconnue.", WED, []),
    ("Cette nuit, les serveurs ont été coupés.", WED, []),
    ("Le compte de Sam Altman affiche 5M+ abonnés.", None, []),
    ("La réunion a lieu à 14h30, au siège.", WED, []),
    ("Le dirigeant, âgé de 52 ans, quitte ses fonctions.", None, []),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), PIPELINE, ids=[t[:55] for t, _, _ in PIPELINE]
)
def test_pipeline_dates(nlp, text: str, published: str | None, expected):
    assert _dates(_run(nlp, text, published)) == expected


def test_relative_without_published_is_null(nlp):
    doc = _run(nlp, "La société a été rachetée hier, l'an dernier elle était cotée.")
    assert [(s.text, s._.date) for s in doc.spans[DATES_KEY]] == [
        ("hier", {"value": None, "relative": True}),
        ("l'an dernier", {"value": None, "relative": True}),
    ]


ARTICLE = """Microsoft n’est plus le seul fournisseur d’OpenAI

Accueil - Technologies - Intelligence artificielle
mercredi 22 janvier 2025

Microsoft a dévoilé hier un accord qui restera en place jusqu'en 2030.
"""


def test_published_read_from_the_top(nlp):
    doc = _run(nlp, ARTICLE)
    assert doc._.published == "2025-01-22"
    assert _dates(doc) == [
        ("mercredi 22 janvier 2025", "2025-01-22"),
        ("hier", "2025-01-21"),
        ("2030", "2030"),
    ]


def test_published_given_by_caller_wins(nlp):
    doc = _run(nlp, ARTICLE, "2025-01-23")
    assert doc._.published == "2025-01-23"
    assert ("hier", "2025-01-22") in _dates(doc)


def test_date_inside_body_is_not_published(nlp):
    text = (
        "Le conseil d'administration a été renversé.\n"
        "Une lettre circule parmi les salariés.\n"
        "Les investisseurs s'inquiètent.\n"
        "- Un chercheur (@chercheur) 20 novembre 2023\n"
        "Le groupe a réagi hier."
    )
    doc = _run(nlp, text)
    assert doc._.published is None
    assert _dates(doc) == [("20 novembre 2023", "2023-11-20"), ("hier", None)]


def test_published_detection_can_be_switched_off():
    nlp = aiextract.load(exclude=("deals",), config={"dates": {"detect_published": False}})
    doc = _run(nlp, ARTICLE)
    assert doc._.published is None
    assert ("hier", None) in _dates(doc)


def test_money_spans_are_skipped(nlp):
    doc = _run(nlp, "Le fonds a investi 2030 millions d'euros en 2030.")
    assert [s.text for s in doc.spans["money"]] == ["2030 millions d'euros"]
    assert _dates(doc) == [("2030", "2030")]
    assert doc.spans[DATES_KEY][0].start_char == doc.text.rindex("2030")


def test_values_are_plain_and_survive_serialisation(nlp):
    doc = _run(nlp, "Le rachat a été annoncé hier et finalisé le 20 novembre 2023.", WED)
    for span in doc.spans[DATES_KEY]:
        assert set(span._.date) == {"value", "relative"}
        assert isinstance(span._.date["relative"], bool)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert (
        _dates(copy) == _dates(doc) == [("hier", "2025-01-21"), ("20 novembre 2023", "2023-11-20")]
    )
    assert copy._.published == WED


def test_empty_text(nlp):
    doc = _run(nlp, "")
    assert list(doc.spans[DATES_KEY]) == []


def test_extract_records(nlp):
    article = aiextract.extract(
        "En juin dernier, le groupe a levé des fonds ; il vise 2029.", published=WED, nlp=nlp
    )
    assert [(d.text, d.value, d.relative) for d in article.dates] == [
        ("juin dernier", "2024-06", True),
        ("2029", "2029", False),
    ]
