"""Certainty of deals (stated or hedged) and deals that are denied or negated.

Each case: a text written for these tests, and the expected list of
``(type, certainty)`` of the deals found (empty when the deal is denied).
"""

from __future__ import annotations

import pytest

CASES = [
    (
        "stated-present",
        "Le groupe Valtor rachète la start-up Nexalia.",
        [("acquisition", "stated")],
    ),
    (
        "conditional-mood",
        "Le groupe Valtor rachèterait la start-up Nexalia pour 50 millions d'euros.",
        [("acquisition", "hedged")],
    ),
    (
        "selon-des-sources",
        "Selon des sources proches du dossier, le groupe Valtor va racheter la start-up Nexalia.",
        [("acquisition", "hedged")],
    ),
    (
        "en-discussions",
        "Le groupe Valtor est en discussions pour racheter la start-up Nexalia.",
        [("acquisition", "hedged")],
    ),
    (
        "envisage-de",
        "Le fonds Ardian envisage de céder sa filiale Solvair au groupe Valtor.",
        [("acquisition", "hedged")],
    ),
    (
        "cherche-a-lever",
        "La start-up Nexalia cherche à lever 20 millions d'euros auprès du fonds Elaia.",
        [("funding", "hedged")],
    ),
    (
        "est-evoque",
        "Un rachat de la start-up Nexalia par le groupe Valtor est évoqué.",
        [("acquisition", "hedged")],
    ),
    (
        "talks-abandoned",
        "Le groupe Valtor a renoncé à racheter la start-up Nexalia.",
        [("acquisition", "hedged")],
    ),
    (
        "deny-verb",
        "Le groupe Valtor dément tout rachat de la start-up Nexalia.",
        [],
    ),
    (
        "deny-reported-information",
        "Le groupe Valtor a démenti hier les informations selon lesquelles il s'apprêtait "
        "à racheter la start-up Nexalia.",
        [],
    ),
    (
        "suspicion-is-a-guess",
        "Sur les réseaux, cela a fait naître des soupçons quant à une prise de contrôle "
        "de la start-up Nexalia par le groupe Valtor.",
        [],
    ),
    (
        "fear-is-a-guess",
        "Les salariés craignent un rachat de la start-up Nexalia par le groupe Valtor.",
        [],
    ),
    (
        "negated-verb",
        "Le groupe Valtor n'a pas racheté la start-up Nexalia.",
        [],
    ),
    (
        "ne-que-is-not-negation",
        "Le groupe Valtor n'a racheté que la filiale belge de la société Nexalia.",
        [("acquisition", "stated")],
    ),
    (
        "question",
        "Le groupe Valtor va-t-il racheter la start-up Nexalia ?",
        [],
    ),
    (
        "order-book-is-no-order",
        "Ce contrat représente 10 % du carnet de commandes du groupe Valtor.",
        [],
    ),
    (
        "stated-despite-conditional-elsewhere",
        "Le groupe Valtor a racheté la start-up Nexalia, une opération qui pourrait "
        "doubler ses ventes.",
        [("acquisition", "stated")],
    ),
    (
        "neither-confirmed-nor-denied",
        "Le groupe Ravel n'a ni confirmé ni démenti le rachat de la société Kelio.",
        [("acquisition", "hedged")],
    ),
    (
        "denied-still-denied",
        "Le groupe Ravel a démenti le rachat de la société Kelio.",
        [],
    ),
    (
        "ready-to-raise",
        "La société Biotop est prête à lever des fonds auprès de ses actionnaires.",
        [("funding", "hedged")],
    ),
    (
        "blocked-by-regulator",
        "Le rachat de Biotop par le groupe Ravel a été bloqué par Bruxelles.",
        [("acquisition", "hedged")],
    ),
    (
        "zero-rate-loan-is-stated",
        "Bpifrance a accordé un prêt de 2 millions d'euros à taux zéro à la société Biotop.",
        [("funding", "stated")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_certainty(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    deals = nlp(text)._.deals
    assert [(d["type"], d["certainty"]) for d in deals] == expected, deals
