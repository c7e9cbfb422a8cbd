"""Dates without the model: normalize_date, find_dates, find_published, the lexicon."""

from __future__ import annotations

import pytest

from aiextract.lexicon import load_table
from aiextract.normalize.dates import find_dates, find_published, normalize_date

WED = "2025-01-22"  # a Wednesday

# (expression, published, future, expected value)
NORMALIZE = [
    # absolute, day grain
    ("20 novembre 2023", None, False, "2023-11-20"),
    ("1er mars 2024", None, False, "2024-03-01"),
    ("le 1er janvier 2026", None, False, "2026-01-01"),
    ("31 décembre 2024", None, False, "2024-12-31"),
    ("le 3/04/2024", None, False, "2024-04-03"),
    ("03/04/2024", None, False, "2024-04-03"),
    ("15.09.2023", None, False, "2023-09-15"),
    ("3/04/24", None, False, "2024-04-03"),
    ("2024-03-05", None, False, "2024-03-05"),
    ("mardi 12 mars 2024", None, False, "2024-03-12"),
    ("lundi 2 septembre 2024", None, False, "2024-09-02"),
    ("janvier 22, 2025", None, False, "2025-01-22"),
    ("mars 5, 2024", None, False, "2024-03-05"),
    ("8 août 2023", None, False, "2023-08-08"),
    ("8 aout 2023", None, False, "2023-08-08"),
    ("12 févr. 2024", None, False, "2024-02-12"),
    ("4 déc. 2022", None, False, "2022-12-04"),
    ("le 29 février 2024", None, False, "2024-02-29"),
    ("30 février 2024", None, False, None),
    ("31/13/2024", None, False, None),
    # month grain
    ("novembre 2023", None, False, "2023-11"),
    ("en mai 2024", None, False, "2024-05"),
    ("Juin 2025", None, False, "2025-06"),
    ("début septembre 2024", None, False, "2024-09"),
    ("fin octobre 2023", None, False, "2023-10"),
    ("mi-juillet 2024", None, False, "2024-07"),
    ("sept. 2022", None, False, "2022-09"),
    # year grain
    ("2023", None, False, "2023"),
    ("en 2023", None, False, "2023"),
    ("d'ici 2029", None, False, "2029"),
    ("d’ici 2029", None, False, "2029"),
    ("jusqu'en 2030", None, False, "2030"),
    ("à partir de 2024", None, False, "2024"),
    ("depuis 2019", None, False, "2019"),
    ("avant 2027", None, False, "2027"),
    ("fin 2022", None, False, "2022"),
    ("début 2025", None, False, "2025"),
    ("mi-2024", None, False, "2024"),
    ("courant 2026", None, False, "2026"),
    ("l'exercice 2024", None, False, "2024"),
    ("fin de l'année 2024", None, False, "2024"),
    # quarters, half-years, seasons
    ("au premier trimestre 2025", None, False, "2025-Q1"),
    ("1er trimestre 2023", None, False, "2023-Q1"),
    ("troisième trimestre de 2024", None, False, "2024-Q3"),
    ("T3 2024", None, False, "2024-Q3"),
    ("Q4 2023", None, False, "2023-Q4"),
    ("dernier trimestre 2024", None, False, "2024-Q4"),
    ("au second semestre 2023", None, False, "2023-H2"),
    ("premier semestre 2024", None, False, "2024-H1"),
    ("S1 2025", None, False, "2025-H1"),
    ("H2 2023", None, False, "2023-H2"),
    ("au second semestre", "2024-05-02", False, "2024-H2"),
    ("au second semestre", None, False, None),
    ("au quatrième trimestre", "2024", False, "2024-Q4"),
    ("l'été 2023", None, False, "2023"),
    ("au printemps 2025", None, False, "2025"),
    ("l'hiver 2022", None, False, "2022"),
    ("l'été dernier", "2025-01-22", False, "2024"),
    ("l'été dernier", "2025-10-02", False, "2025"),
    ("l'automne prochain", "2025-04-10", False, "2025"),
    ("cet été", "2025-03-01", False, "2025"),
    # relative: days
    ("hier", WED, False, "2025-01-21"),
    ("avant-hier", WED, False, "2025-01-20"),
    ("aujourd'hui", WED, False, "2025-01-22"),
    ("demain", WED, False, "2025-01-23"),
    ("après-demain", "2024-12-31", False, "2025-01-02"),
    ("hier", "2024-03-01", False, "2024-02-29"),
    ("hier", "2025-01", False, None),
    ("aujourd'hui", "2025-01", False, "2025-01"),  # the publication day, known to the month
    ("aujourd'hui", "2025", False, "2025"),
    ("hier", None, False, None),
    # relative: weekdays
    ("mercredi", WED, False, "2025-01-22"),
    ("lundi", WED, False, "2025-01-20"),
    ("jeudi", WED, False, "2025-01-16"),
    ("jeudi", WED, True, "2025-01-23"),
    ("lundi", WED, True, "2025-01-27"),
    ("mercredi dernier", WED, False, "2025-01-15"),
    ("vendredi dernier", WED, False, "2025-01-17"),
    ("mardi prochain", WED, False, "2025-01-28"),
    ("mercredi prochain", WED, False, "2025-01-29"),
    ("ce vendredi", "2025-01-24", False, "2025-01-24"),
    ("mercredi", "2025-01", False, None),
    ("mercredi", None, False, None),
    # relative: day and month without year
    ("mardi 15 mars", "2022-03-20", False, "2022-03-15"),
    ("le 3 avril", "2024-05", False, "2024-04-03"),
    ("le 3 avril", None, False, None),
    # relative: months
    ("en juin dernier", WED, False, "2024-06"),
    ("juin dernier", "2025-06-30", False, "2024-06"),
    ("en juin", WED, False, "2024-06"),
    ("en juin", WED, True, "2025-06"),
    ("en janvier", WED, False, "2025-01"),
    ("en décembre", WED, False, "2024-12"),
    ("en décembre", WED, True, "2025-12"),
    ("en mars prochain", "2024-10-01", False, "2025-03"),
    ("d'ici décembre", "2025-02-20", False, "2025-12"),
    ("d'ici juin", "2025-06-20", False, "2025-06"),
    ("depuis septembre", "2025-02-20", False, "2024-09"),
    ("mi-juillet", "2024-09-01", False, "2024-07"),
    ("début mars", "2024-02-10", True, "2024-03"),
    ("en juin", "2024", False, "2024-06"),
    ("juin dernier", "2024", False, None),
    ("en juin dernier", None, False, None),
    # relative: units
    ("l'an dernier", WED, False, "2024"),
    ("l'année dernière", "2025", False, "2024"),
    ("l’année dernière", "2025-04", False, "2024"),
    ("l'an passé", "2023-06-01", False, "2022"),
    ("l'année prochaine", "2025", False, "2026"),
    ("l'an prochain", "2025-11-03", False, "2026"),
    ("l'année en cours", "2025-11-03", False, "2025"),
    ("le mois dernier", "2025-01-05", False, "2024-12"),
    ("le mois prochain", "2025-12-03", False, "2026-01"),
    ("la semaine dernière", WED, False, "2025-01"),
    ("la semaine dernière", "2025-02-03", False, "2025-01"),
    ("la semaine prochaine", "2025-01-29", False, "2025-02"),
    ("le trimestre dernier", "2025-02-10", False, "2024-Q4"),
    ("le trimestre prochain", "2025-02-10", False, "2025-Q2"),
    ("le semestre dernier", "2025-02-10", False, "2024-H2"),
    ("cette année", "2025-03", False, "2025"),
    ("cette année", None, False, None),
    ("ce mois-ci", "2025-03-14", False, "2025-03"),
    ("cette semaine", "2025-03-14", False, "2025-03"),
    ("ce trimestre", "2025-05-14", False, "2025-Q2"),
    ("il y a deux ans", "2025", False, "2023"),
    ("il y a un an", "2025-06-01", False, "2024"),
    ("il y a 3 ans", "2025-06-01", False, "2022"),
    ("il y a trois mois", "2025-02-10", False, "2024-11"),
    ("il y a deux jours", WED, False, "2025-01-20"),
    ("il y a une semaine", WED, False, "2025-01"),
    ("dans deux ans", "2025", False, "2027"),
    ("dans trois mois", "2025-11", False, "2026-02"),
    ("d'ici deux ans", "2025-11", False, "2027"),
    ("fin de l'année", "2024", False, "2024"),
    ("en fin d'année", "2024-10-10", False, "2024"),
    ("au début de l'année", "2023-02", False, "2023"),
    ("à la fin de l'année dernière", "2025-02", False, "2024"),
    ("il y a deux ans", None, False, None),
    # not date expressions at all
    ("pendant sept ans", "2025", False, None),
    ("bonjour", "2025", False, None),
]


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    NORMALIZE,
    ids=[f"{t}|{p}|{'fut' if f else 'past'}" for t, p, f, _ in NORMALIZE],
)
def test_normalize_date(text: str, published: str | None, future: bool, expected: str | None):
    assert normalize_date(text, published, future=future) == expected


def _found(text: str, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(text[c.start : c.end], c.value(published)) for c in find_dates(text)]


# (sentence, published, [(span text, value)])
FIND = [
    ("Fondée en 2023, la start-up emploie déjà quarante personnes.", None, [("2023", "2023")]),
    (
        "Le contrat court jusqu'en 2030 et pourrait être prolongé.",
        None,
        [("2030", "2030")],
    ),
    ("L'opérateur vise la neutralité carbone d'ici 2029.", None, [("2029", "2029")]),
    (
        "Le groupe a été racheté le 20 novembre 2023 par un fonds.",
        None,
        [("20 novembre 2023", "2023-11-20")],
    ),
    ("Les résultats publiés le 3/04/2024 ont déçu.", None, [("3/04/2024", "2024-04-03")]),
    (
        "Le chiffre d'affaires a reculé au premier trimestre 2025.",
        None,
        [("premier trimestre 2025", "2025-Q1")],
    ),
    ("Les ventes ont bondi au T3 2024, selon la direction.", None, [("T3 2024", "2024-Q3")]),
    ("La banque prévoit une reprise fin 2022.", None, [("2022", "2022")]),
    ("Le lancement est attendu mi-2024.", None, [("mi-2024", "2024")]),
    ("Les travaux commenceront début 2025.", None, [("2025", "2025")]),
    ("La société a déménagé à l'été 2023.", None, [("été 2023", "2023")]),
    ("Le fonds a annoncé sa levée l'an dernier.", WED, [("l'an dernier", "2024")]),
    ("La levée a été bouclée l'année dernière.", None, [("l'année dernière", None)]),
    ("Le PDG a démissionné hier soir.", WED, [("hier", "2025-01-21")]),
    ("En juin dernier, l'entreprise avait levé des fonds.", WED, [("juin dernier", "2024-06")]),
    (
        "Les deux groupes ont signé le 1er mars 2024 puis le 15 mai 2024.",
        None,
        [("1er mars 2024", "2024-03-01"), ("15 mai 2024", "2024-05-15")],
    ),
    ("Le marché a progressé entre 2020 et 2024.", None, [("2020", "2020"), ("2024", "2024")]),
    (
        "Sur la saison 2023-2024, le club a perdu de l'argent.",
        None,
        [("2023", "2023"), ("2024", "2024")],
    ),
    ("Le bilan de l'exercice 2024 est attendu.", None, [("2024", "2024")]),
    ("Publié le 12/06/2024 à 10h32", None, [("12/06/2024", "2024-06-12")]),
    ("La décision est tombée il y a deux ans.", "2025-05-01", []),  # a duration: no date item
    ("Kelvia a levé 5 M€ cette semaine.", "2025-05-01", []),  # a week: vague, no date item
    ("Le service ouvrira dans deux ans.", "2025", [("deux ans", "2027")]),
    ("Le rachat sera finalisé au second semestre.", "2024-05-02", [("second semestre", "2024-H2")]),
    (
        "Les résultats de cette année seront publiés en mars.",
        "2025-01-10",
        [("cette année", "2025"), ("mars", "2024-03")],
    ),
    ("Le salon ouvre le mois prochain à Paris.", "2025-12-03", [("le mois prochain", "2026-01")]),
    ("La start-up a été créée la semaine dernière.", WED, []),
    ("Depuis 2019, la société double ses ventes chaque année.", None, [("2019", "2019")]),
    ("Le projet démarre à partir de 2024 à Lyon.", None, [("2024", "2024")]),
    ("La décision a été rendue mercredi dernier.", WED, [("mercredi dernier", "2025-01-15")]),
    ("L'usine sera inaugurée à la fin de l'année.", "2025-03", [("fin de l'année", "2025")]),
    ("Le groupe publiera ses comptes au printemps 2026.", None, [("printemps 2026", "2026")]),
    ("La fusion, annoncée en décembre 2023, a été validée.", None, [("décembre 2023", "2023-12")]),
    ("Il a pris ses fonctions le 1er septembre.", "2024-10-02", [("1er septembre", "2024-09-01")]),
    ("Le site est en ligne depuis le 2024-03-05.", None, [("2024-03-05", "2024-03-05")]),
    ("Mis en ligne janvier 22, 2025 par la rédaction.", None, [("janvier 22, 2025", "2025-01-22")]),
    ("Le 1er mai 2024, la société a changé de nom.", None, [("1er mai 2024", "2024-05-01")]),
    (
        "Les comptes du 4e trimestre de l'année 2023 sont bons.",
        None,
        [("4e trimestre de l'année 2023", "2023-Q4")],
    ),
    ("Cette année, la croissance ralentit.", "2024-06", [("Cette année", "2024")]),
    ("Le 31 décembre 2024 à minuit, l'offre expire.", None, [("31 décembre 2024", "2024-12-31")]),
    ("Les revenus de 2022 étaient de 5 millions.", None, [("2022", "2022")]),
    (" date 2024-11 Kelvia lève 5 M€ auprès de Nexalia.", None, [("2024-11", "2024-11")]),
    (
        "Entre 2020-06 et 2020-09, les ventes ont doublé.",
        None,
        [("2020-06", "2020-06"), ("2020-09", "2020-09")],
    ),
    ("L'exercice 2011-12 a été difficile.", None, [("2011", "2011")]),  # two years, not December
    ("La saison 2019-20 a été écourtée.", None, [("2019", "2019")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), FIND, ids=[t[:50] for t, _, _ in FIND])
def test_find_dates(text: str, published: str | None, expected: list[tuple[str, str | None]]):
    assert _found(text, published) == expected


# Sentences in which nothing is a date.
NEGATIVES = [
    "Microsoft a cédé à OpenAI une licence pendant sept ans.",
    "Deux ans après sa création, la start-up a été rachetée.",
    "Trois jours à peine après l'annonce, le titre a chuté.",
    "Il y a quelques jours, le PDG s'est exprimé.",
    "Ces dernières années, le secteur a explosé.",
    "Dans les prochains mois, l'entreprise recrutera.",
    "Un an plus tôt, la société était au bord de la faillite.",
    "Cette nuit, les serveurs ont été coupés.",
    "Le plan France 2030 finance la recherche.",
    "La stratégie Horizon 2030 est présentée.",
    "Le dirigeant, âgé de 45 ans, quitte le groupe.",
    "La réunion est prévue à 14h30 au siège.",
    "GPT-4 surpasse ses concurrents.",
    "Le modèle GPT-40 n'existe pas encore.",
    "La puce Cobalt 100 et l'accélérateur Maia 100 arrivent.",
    "Microsoft développe ses propres modèles, dont MAI.",
    "Le chercheur Mai Nguyen rejoint l'équipe.",
    "Sa filiale et Me Dupont ont été entendus.",
    "Le compte affiche 5M+ abonnés.",
    "La prime s'élève à 2 024 euros par salarié.",
    "Le groupe compte 2024 salariés en France.",
    "Le taux atteint 2024 % sur la période.",
    "Windows 2000 a marqué son époque.",
    "Les années 2010 ont vu naître le cloud.",
    "Le robot Vendredi est présenté au salon.",
    "Le magasin ferme le lundi.",
    "Chaque mardi, l'équipe fait le point.",
    "Les géants d'hier sont menacés.",
    "Les métiers de demain demandent de nouvelles compétences.",
    "La sonde s'est posée sur Mars.",
    "Elle a été nommée directrice générale.",
    "Le T1 de la banque est un appartement de fonction.",
    "La prise S1 est mal branchée.",
    "Il a fini dernier du classement.",
    "Le dossier a été traité en 12 minutes.",
    "Le réseau compte 1900 km de fibre.",
    "Les JO de Paris 2024 ont coûté cher.",
    "Cette année-là, le groupe a changé de nom.",
    "L'article 1240 du Code civil s'applique.",
    "La version 2025 du logiciel est sortie.",
    "Sept ans de travail ont été nécessaires.",
    "Un montant de 2 000 000 dollars a été versé.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:50] for t in NEGATIVES])
def test_not_a_date(text: str):
    assert _found(text, WED) == []


TYPOGRAPHY = [
    ("L’année dernière, le groupe a perdu de l’argent.", "2025", [("L’année dernière", "2024")]),
    (
        "Le rachat date du 20\u00a0novembre\u00a02023.",
        None,
        [("20\u00a0novembre\u00a02023", "2023-11-20")],
    ),
    ("Le bilan est attendu d’ici\u202f2029.", None, [("2029", "2029")]),
    ("« En 2023 », a-t-il rappelé.", None, [("2023", "2023")]),
    ("Aujourd’hui, la société a annoncé un accord.", WED, [("Aujourd’hui", "2025-01-22")]),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), TYPOGRAPHY, ids=[t[:40] for t, _, _ in TYPOGRAPHY]
)
def test_typography(text: str, published: str | None, expected: list[tuple[str, str | None]]):
    assert _found(text, published) == expected


PUBLISHED = [
    ("Titre de l'article\n\njanvier 22, 2025\n\nCorps du texte.", "2025-01-22"),
    ("Titre\nPublié le 12 mars 2024 à 10h30\nTexte.", "2024-03-12"),
    ("Titre\nPar Marie Dupont | Publié le 03/04/2024\nTexte.", "2024-04-03"),
    ("Titre\nMis à jour le 5 juin 2024\nPublié le 4 juin 2024\nTexte.", "2024-06-04"),
    ("Titre\nLe mardi 12 mars 2024\nTexte.", "2024-03-12"),
    ("Titre\n2024-03-05 08:15\nTexte.", "2024-03-05"),
    ("Titre\nmars 2024\nTexte.", None),  # no day: not a publication date
    ("Titre\nLa société a signé le 12 mars 2024 un accord.\nTexte.", None),  # in a sentence
    ("Titre\nCorps du texte, sans date.", None),
    ("Titre\n" + "Une ligne de texte.\n" * 8 + "12 mars 2024\n", None),  # too far down
    ("Titre\n" + "x" * 700 + "\n12 mars 2024\n", None),  # beyond the first 600 characters
]


@pytest.mark.parametrize(
    ("text", "expected"), PUBLISHED, ids=[str(i) for i in range(len(PUBLISHED))]
)
def test_find_published(text: str, expected: str | None):
    assert find_published(text) == expected


GAPS = [
    # « du 3 au 5 mars 2024 »: only the closing day is found
    (
        "Le salon se tient du 3 au 5 mars 2024.",
        None,
        [("3", "2024-03-03"), ("5 mars 2024", "2024-03-05")],
    ),
    # the month of a range takes the year given at its end
    (
        "Les travaux dureront de mars à juin 2024.",
        "2023-12-01",
        [("mars", "2024-03"), ("juin 2024", "2024-06")],
    ),
]


@pytest.mark.xfail(strict=True, reason="known gap: ranges sharing a month or a year")
@pytest.mark.parametrize(("text", "published", "expected"), GAPS, ids=["day-range", "month-range"])
def test_known_gaps(text: str, published: str | None, expected: list[tuple[str, str | None]]):
    assert _found(text, published) == expected


def test_never_reads_the_clock():
    for text in ("hier", "aujourd'hui", "mercredi", "en juin", "l'an dernier", "cette année"):
        assert normalize_date(text, None) is None
        assert normalize_date(text, None, future=True) is None


def test_lexicon_integrity():
    rows = load_table("date_lexicon.tsv")
    kinds = {
        "month",
        "weekday",
        "season",
        "ordinal",
        "number",
        "unit",
        "direction",
        "dayword",
        "prefix",
        "blocker",
        "counter",
        "today",
        "future",
    }
    seen: set[tuple[str, str]] = set()
    for row in rows:
        assert row["kind"] in kinds, row
        assert row["form"] and row["form"] == row["form"].strip(), row
        assert "\\u" not in row["form"], row
        assert (row["kind"], row["form"]) not in seen, row
        seen.add((row["kind"], row["form"]))
    months = {int(r["value"]) for r in rows if r["kind"] == "month"}
    weekdays = {int(r["value"]) for r in rows if r["kind"] == "weekday"}
    assert months == set(range(1, 13))
    assert weekdays == set(range(1, 8))
    assert {r["value"] for r in rows if r["kind"] == "prefix"} == {"prep", "frame", "det"}
    assert {r["value"] for r in rows if r["kind"] == "unit"} <= {
        "year",
        "month",
        "week",
        "day",
        "quarter",
        "half",
    }
