"""Deals whose party is named after a descriptive noun phrase (« le spécialiste de la
cybersécurité X », « au leader européen du stockage X », « de l'allemand X »): the name
takes the role of its noun phrase; and descriptions standing for a company named in
earlier sentences (« La société, qui a bouclé … »). Every text is written for these tests.

Each case lists the deals expected as ``(type, {name: role}, amount, certainty)``, as in
tests/test_deals.py; the component must return exactly those deals.
"""

from __future__ import annotations

import pytest
from tests.deal_cases import assert_deals, case_params

M = 1_000_000

CASES = [
    (
        "object-with-de-la-complement",
        "Le groupe Ardelis a racheté le spécialiste de la cybersécurité Vigilo pour 20 "
        "millions d'euros.",
        [("acquisition", {"Ardelis": "acquirer", "Vigilo": "target"}, 20 * M, "stated")],
    ),
    (
        "cue-au-over-adjective-and-du-complement",
        "Fintelo s'associe au leader européen du stockage Cellvia.",
        [("partnership", {"Fintelo": "partner", "Cellvia": "partner"}, None, "stated")],
    ),
    (
        "avec-over-des-complement",
        "Le laboratoire Novapharm a signé un accord de licence avec le spécialiste des "
        "anticorps Immunex.",
        [("contract", {"Novapharm": "buyer", "Immunex": "supplier"}, None, "stated")],
    ),
    (
        "agent-after-description",
        "La start-up Lumio a été rachetée par le leader mondial de l'emballage Packwell "
        "pour 12 millions d'euros.",
        [("acquisition", {"Lumio": "target", "Packwell": "acquirer"}, 12 * M, "stated")],
    ),
    (
        "subject-description",
        "Le spécialiste de la cybersécurité Vigilo a levé 5 millions d'euros auprès du "
        "fonds Keras.",
        [("funding", {"Vigilo": "target", "Keras": "investor"}, 5 * M, "stated")],
    ),
    (
        "giron-of-a-group",
        "La PME nantaise Tramelo est entrée dans le giron du groupe Kessler en mars.",
        [("acquisition", {"Tramelo": "target", "Kessler": "acquirer"}, None, "stated")],
    ),
    (
        "giron-of-a-nationality-noun",
        "La société Tramelo est entrée dans le giron de l'allemand Kessler.",
        [("acquisition", {"Tramelo": "target", "Kessler": "acquirer"}, None, "stated")],
    ),
    (
        "giver-to-a-description",
        "Le ministère des Armées a notifié au constructeur naval Navelis une commande de "
        "300 millions d'euros.",
        [
            (
                "contract",
                {"Ministère des Armées": "buyer", "Navelis": "supplier"},
                300 * M,
                "stated",
            )
        ],
    ),
    (
        "seller-to-a-description",
        "Le groupe Darnell a cédé sa filiale Ondis à la PME bordelaise Aérolis pour 8 "
        "millions d'euros.",
        [
            (
                "acquisition",
                {"Darnell": "seller", "Ondis": "target", "Aérolis": "acquirer"},
                8 * M,
                "stated",
            )
        ],
    ),
    (
        "two-descriptions-two-targets",
        "Le fonds Keras a investi dans l'éditeur de logiciels Sylvea et dans le fabricant "
        "de drones Altiro.",
        [
            ("investment", {"Keras": "investor", "Sylvea": "target"}, None, "stated"),
            ("investment", {"Keras": "investor", "Altiro": "target"}, None, "stated"),
        ],
    ),
    (
        "capital-cue-kept-before-description",
        "Le fonds Keras est entré au capital du fabricant breton de biscuits Biscor.",
        [("investment", {"Keras": "investor", "Biscor": "target"}, None, "stated")],
    ),
    (
        "de-over-a-long-description",
        "Le fonds Keras a annoncé l'acquisition du fabricant lyonnais de vélos électriques Cyclom.",
        [("acquisition", {"Keras": "acquirer", "Cyclom": "target"}, None, "stated")],
    ),
    (
        "name-closes-the-object",
        "Le groupe Darnell va racheter le numéro deux européen de l'emballage Packwell.",
        [("acquisition", {"Darnell": "acquirer", "Packwell": "target"}, None, "stated")],
    ),
    (
        "name-parsed-as-xcomp",
        "Le groupe Darnell s'est offert le spécialiste du mobilier de bureau Ofisa pour 25 "
        "millions d'euros.",
        [("acquisition", {"Darnell": "acquirer", "Ofisa": "target"}, 25 * M, "stated")],
    ),
    (
        "pioneer-as-company-noun",
        "Le fonds Keras a investi 3 millions d'euros dans le pionnier français de "
        "l'hydrogène vert Hydrion.",
        [("investment", {"Keras": "investor", "Hydrion": "target"}, 3 * M, "stated")],
    ),
    (
        "source-after-description",
        "Le groupe Ardelis a recruté Julie Moreau, ancienne directrice financière du "
        "spécialiste de la cybersécurité Vigilo.",
        [
            (
                "hire",
                {"Ardelis": "employer", "Julie Moreau": "person", "Vigilo": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "no-deal-description-without-trigger",
        "Le spécialiste de la cybersécurité Vigilo a publié ses résultats annuels.",
        [],
    ),
    (
        "no-deal-description-without-name",
        "Le groupe Darnell a racheté le spécialiste du recyclage des batteries.",
        [],
    ),
    (
        "giving-verb-trigger-under-the-name",
        "La biotech lyonnaise Genlab a concédé au laboratoire suisse Novapharm une licence "
        "mondiale sur son vaccin.",
        [("contract", {"Genlab": "supplier", "Novapharm": "buyer"}, None, "stated")],
    ),
    (
        "giving-verb-licence-before-description",
        "Genlab a accordé une licence au laboratoire suisse Novapharm.",
        [("contract", {"Genlab": "supplier", "Novapharm": "buyer"}, None, "stated")],
    ),
    (
        "giving-verb-giver-after-its-noun",
        "La PME Navelis a accordé au groupe italien Fincor une licence de fabrication.",
        [("contract", {"Navelis": "supplier", "Fincor": "buyer"}, None, "stated")],
    ),
    (
        "giver-to-a-description-after-a-headline",
        "Défense : Navelis livrera des radars à la Marine\n\nLe ministère des Armées a "
        "notifié à l'entreprise toulousaine Navelis une commande de 45 radars, pour un "
        "montant de 30 millions d'euros.",
        [
            (
                "contract",
                {"Ministère des Armées": "buyer", "Navelis": "supplier"},
                30 * M,
                "stated",
            )
        ],
    ),
    # pattern 1: a description whose company is told sentences before
    (
        "relative-after-description-subject",
        "Basée à Nantes, Ondalis fabrique des vélos cargo. La société, qui a bouclé un tour "
        "de table de 9 millions d'euros auprès du fonds Keras, ouvre une usine.",
        [("funding", {"Ondalis": "target", "Keras": "investor"}, 9 * M, "stated")],
    ),
    (
        "relative-after-description-investor",
        "Le fonds Keras gère 300 millions d'euros. Il a été créé en 2015. La société de "
        "gestion, qui a investi dans la start-up Vitanor, compte douze salariés.",
        [("investment", {"Keras": "investor", "Vitanor": "target"}, None, "stated")],
    ),
    (
        "description-subject-to-leading-company",
        "Ondalis fabrique des vélos cargo à Nantes. Fondée en 2019, Ondalis emploie 40 "
        "personnes. Le marché du vélo cargo progresse de 20 % par an. Les ventes ont doublé "
        "en 2024. L'entreprise a levé 9 millions d'euros auprès du fonds Keras.",
        [("funding", {"Ondalis": "target", "Keras": "investor"}, 9 * M, "stated")],
    ),
    (
        "generic-complement-to-leading-company",
        "La start-up Ondalis, qui fabrique des vélos cargo à Nantes, a levé 9 millions "
        "d'euros. Ondalis compte 40 salariés. Le Crédit Mutuel complète le dispositif avec "
        "un prêt de 2 millions d'euros. Le fonds Keras détient désormais 20 % de la société.",
        [
            ("funding", {"Ondalis": "target"}, 9 * M, "stated"),
            ("investment", {"Keras": "investor", "Ondalis": "target"}, None, "stated"),
        ],
    ),
    (
        "no-deal-description-two-companies-equal",
        "Ondalis et Velcom fabriquent des vélos cargo. Les deux marques se partagent le "
        "marché français. Le secteur progresse de 20 % par an. La société a levé 9 millions "
        "d'euros auprès du fonds Keras.",
        [],
    ),
    (
        "giving-verb-sentence-cut-at-the-name",
        "Genlab a accordé au laboratoire suisse Novapharm une licence exclusive.",
        [("contract", {"Genlab": "supplier", "Novapharm": "buyer"}, None, "stated")],
    ),
]

# Known gaps: strict, so a fix is noticed.
OWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(("text", "expected"), list(case_params(CASES, OWN_GAPS)))
def test_deals_after_descriptions(rules_nlp, text: str, expected: list[tuple]) -> None:
    assert_deals(rules_nlp(text)._.deals, expected)
