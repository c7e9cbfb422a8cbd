"""Deals whose parties are named in other sentences: descriptions (« la start-up »,
« le groupe texan »), pronouns, relative clauses over a list, « les deux entreprises »,
earlier rounds of the same company. Every text is written for these tests.

Each case lists the deals expected as ``(type, {name: role}, amount, certainty)``, as in
tests/test_deals.py; the component must return exactly those deals.
"""

from __future__ import annotations

import pytest
from tests.deal_cases import NO_AMOUNT, assert_deals, case_params

M = 1_000_000

CASES = [
    (
        "description-matches-its-noun",
        "Le groupe lyonnais Vastel a racheté la start-up Oxalio pour 30 millions d'euros. "
        "Ni Vastel ni Oxalio n'ont commenté l'opération. "
        "Le groupe lyonnais avait déjà acquis la société belge Tramex l'an dernier.",
        [
            ("acquisition", {"Vastel": "acquirer", "Oxalio": "target"}, 30 * M, "stated"),
            ("acquisition", {"Vastel": "acquirer", "Tramex": "target"}, None, "stated"),
        ],
    ),
    (
        "pronoun-after-description-subject",
        "La start-up rennaise Kelvio a levé 8 millions d'euros auprès du fonds Axelor. "
        "Ni Axelor ni Kelvio n'ont souhaité commenter. "
        "Le fonds parisien gère 400 millions d'euros : il avait déjà investi dans la "
        "société Dunéo en 2021.",
        [
            ("funding", {"Kelvio": "target", "Axelor": "investor"}, 8 * M, "stated"),
            ("investment", {"Axelor": "investor", "Dunéo": "target"}, None, "stated"),
        ],
    ),
    (
        "subject-after-fronted-clause",
        "Créée en 2019 par deux anciens ingénieurs de Thales, la société Orbiane compte "
        "80 salariés. L'entreprise a réalisé en mai une levée de fonds de 12 millions "
        "d'euros auprès du fonds Serena.",
        [("funding", {"Orbiane": "target", "Serena": "investor"}, 12 * M, "stated")],
    ),
    (
        "description-falls-back-to-leading-company",
        "La start-up Polymnia, qui conçoit des batteries au sodium, vise l'Asie. "
        "Polymnia compte déjà des clients au Japon. "
        "« Nous voulons doubler nos ventes », explique sa présidente, Anne Rivière. "
        "La jeune pousse avait levé 6 millions d'euros auprès du fonds Kurma en 2022.",
        [("funding", {"Polymnia": "target", "Kurma": "investor"}, 6 * M, "stated")],
    ),
    (
        "relative-over-a-list",
        "Le fonds Partech et la banque Arkéa, qui détiennent ensemble 30 % de la start-up "
        "Néolis, n'ont pas vendu leurs titres.",
        [
            (
                "investment",
                {"Partech": "investor", "Arkéa": "investor", "Néolis": "target"},
                None,
                "stated",
            )
        ],
    ),
    (
        "the-two-companies",
        "Le groupe Sorevia a pris 15 % du capital de la start-up Lumiq. "
        "Les deux entreprises ont également conclu un partenariat industriel.",
        [
            ("investment", {"Sorevia": "investor", "Lumiq": "target"}, None, "stated"),
            ("partnership", {"Sorevia": "partner", "Lumiq": "partner"}, None, "stated"),
        ],
    ),
    (
        "earlier-round-same-company",
        "La start-up Hexago a levé 25 millions d'euros auprès du fonds Eurazeo. "
        "Ce tour de table fait suite à une première levée de 4 millions d'euros réalisée "
        "en 2021.",
        [
            ("funding", {"Hexago": "target", "Eurazeo": "investor"}, 25 * M, "stated"),
            ("funding", {"Hexago": "target"}, 4 * M, "stated"),
        ],
    ),
    (
        "round-led-by-next-sentence",
        "La fintech Payvo a annoncé une levée de fonds de 40 millions d'euros. "
        "Le tour est mené par le fonds Idinvest, avec la participation de Bpifrance.",
        [
            (
                "funding",
                {"Payvo": "target", "Idinvest": "investor", "Bpifrance": "investor"},
                40 * M,
                "stated",
            )
        ],
    ),
    (
        "capital-increase-beside-noun",
        "La société Cellipse a bouclé une augmentation de capital de 50 millions d'euros "
        "auprès de son actionnaire historique, le fonds Orvalis.",
        # GUIDELINES « Existing shareholders in a round »: the holding is a deal too
        [
            ("funding", {"Cellipse": "target", "Orvalis": "investor"}, 50 * M, "stated"),
            ("investment", {"Cellipse": "target", "Orvalis": "investor"}, None, "stated"),
        ],
    ),
    (
        "two-rounds-two-years",
        "La start-up Quadria a levé 10 millions d'euros en 2022 auprès du fonds Elaia. "
        "Quadria a ensuite levé 30 millions d'euros en 2024 auprès du fonds Eurazeo.",
        [
            ("funding", {"Quadria": "target", "Elaia": "investor"}, 10 * M, "stated"),
            ("funding", {"Quadria": "target", "Eurazeo": "investor"}, 30 * M, "stated"),
        ],
    ),
    (
        "earlier-purchase-by-the-seller",
        "Le groupe Marvane cède la société Tecnis au fonds Ardian pour 70 millions d'euros. "
        "Marvane, qui avait acquis Tecnis en 2015, veut se recentrer sur la chimie.",
        [
            (
                "acquisition",
                {"Marvane": "seller", "Tecnis": "target", "Ardian": "acquirer"},
                70 * M,
                "stated",
            ),
            ("acquisition", {"Marvane": "acquirer", "Tecnis": "target"}, None, "stated"),
        ],
    ),
    (
        "hired-persons-after-the-verb",
        "La start-up Novalys a annoncé jeudi avoir débauché Paul Mercier et Inès Laurent, "
        "deux ingénieurs jusqu'ici employés par le groupe Dassault Systèmes.",
        [
            (
                "hire",
                {
                    "Novalys": "employer",
                    "Paul Mercier": "person",
                    "Inès Laurent": "person",
                    "Dassault Systèmes": "source",
                },
                None,
                "stated",
            )
        ],
    ),
    (
        "joins-the-young-company",
        "La start-up Cobalia muscle sa direction. Julie Garnier, ancienne directrice "
        "financière de l'éditeur Sylpheo, rejoint la jeune pousse au poste de directrice "
        "générale adjointe.",
        [
            (
                "hire",
                {"Cobalia": "employer", "Julie Garnier": "person", "Sylpheo": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "fund-size-is-no-deal-amount",
        "La start-up Vertalia a levé 5 millions d'euros auprès du fonds Kernel. "
        "Le fonds, doté de 200 millions d'euros, a aussi investi dans la société Agrisol.",
        [
            ("funding", {"Vertalia": "target", "Kernel": "investor"}, 5 * M, "stated"),
            ("investment", {"Kernel": "investor", "Agrisol": "target"}, None, "stated"),
        ],
    ),
    (
        "pronoun-subject-with-weekday",
        "La start-up Talvio, qui conçoit des puces photoniques, poursuit ses recrutements. "
        "Elle a annoncé lundi avoir débauché Hugo Lambert, jusqu'ici employé par le "
        "groupe Nokia.",
        [
            (
                "hire",
                {"Talvio": "employer", "Hugo Lambert": "person", "Nokia": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "acquisition-of-people-is-a-hire",
        "Le groupe Sylvane a ravi deux talents à son rival. L'acquisition par le groupe "
        "de Marc Olivier et Lucie Perrin renforce son équipe de recherche.",
        [
            (
                "hire",
                {"Sylvane": "employer", "Marc Olivier": "person", "Lucie Perrin": "person"},
                None,
                "stated",
            )
        ],
    ),
    (
        "headline-fragment-names-the-company",
        "La start-up Greenvolt a levé 3 millions d'euros auprès du fonds Demeter. "
        "Greenvolt vise l'Afrique. Astria, 2 M€. La medtech lilloise a obtenu une "
        "subvention de 2 M€ de la Région.",
        [
            ("funding", {"Greenvolt": "target", "Demeter": "investor"}, 3 * M, "stated"),
            ("funding", {"Astria": "target"}, 2 * M, "stated"),
        ],
    ),
    (
        "one-investor-two-targets-dans-et-dans",
        "Le fonds Serena, doté de 250 millions d'euros, a investi dans la start-up de "
        "robotique agricole Naïo et dans l'éditeur de logiciels de comptabilité Pennylane.",
        [
            ("investment", {"Serena": "investor", "Naïo": "target"}, None, "stated"),
            ("investment", {"Serena": "investor", "Pennylane": "target"}, None, "stated"),
        ],
    ),
    (
        "description-subject-with-apposition",
        "La société de gestion Eiffel Partners a levé 40 millions d'euros. Le gestionnaire "
        "d'actifs, fondé en 2012, a aussi investi dans la start-up Qonto.",
        [
            ("funding", {"Eiffel Partners": "target"}, 40 * M, "stated"),
            ("investment", {"Eiffel Partners": "investor", "Qonto": "target"}, None, "stated"),
        ],
    ),
    (
        "dont-holder-of-capital",
        "La start-up Kaliom, dont le fonds Eurazeo détient 30 % du capital, recrute.",
        [("investment", {"Eurazeo": "investor", "Kaliom": "target"}, None, "stated")],
    ),
    (
        "dont-le-rachat-est-evoque",
        "Le groupe Varenne a racheté la société Ondilo. Il pourrait aussi viser la "
        "fintech Paymo, dont le rachat est évoqué à hauteur de 40 millions d'euros.",
        [("acquisition", {"Varenne": "acquirer", "Ondilo": "target"}, None, "stated")],
    ),
    (
        "stake-of-the-company-that-raised",
        "La start-up Solvana a bouclé une levée de fonds de 15 millions d'euros auprès du "
        "fonds Mirae, qui détient désormais 25 % du capital.",
        [
            ("funding", {"Solvana": "target", "Mirae": "investor"}, 15 * M, "stated"),
            ("investment", {"Mirae": "investor", "Solvana": "target"}, None, "stated"),
        ],
    ),
    (
        "commitment-amount-next-sentence",
        "La start-up Quantor a signé un accord cloud avec le groupe Oracle. Quantor "
        "s'engage à consommer 80 millions de dollars de services pendant quatre ans.",
        [("contract", {"Quantor": "buyer", "Oracle": "supplier"}, 80 * M, "stated")],
    ),
    (
        "amount-after-title-and-body",
        "Le groupe Dalmas en discussions pour racheter Vitalis\n"
        "Le groupe Dalmas serait en discussions pour racheter la start-up Vitalis. "
        "Le montant évoqué avoisinerait 300 millions d'euros, ce qui en ferait l'une des "
        "plus grosses acquisitions du secteur.",
        [("acquisition", {"Dalmas": "acquirer", "Vitalis": "target"}, 300 * M, "hedged")],
    ),
    (
        "passes-under-control-of",
        "La start-up Trajeo passe sous le contrôle du groupe Geodis.",
        [("acquisition", {"Trajeo": "target", "Geodis": "acquirer"}, None, "stated")],
    ),
    (
        "price-in-next-sentence-under-flag",
        "Le groupe japonais Sorami a finalisé le rachat du studio Ludika. "
        "Le studio passe sous pavillon japonais pour 200 millions d'euros.",
        [("acquisition", {"Sorami": "acquirer", "Ludika": "target"}, 200 * M, "stated")],
    ),
    (
        "description-not-the-fund-before-it",
        "Le studio Ludika a été racheté par le groupe Sorami. Le fonds lyonnais Arvalis, "
        "entré au capital du studio en 2019, cède sa participation.",
        [
            ("acquisition", {"Ludika": "target", "Sorami": "acquirer"}, None, "stated"),
            ("investment", {"Arvalis": "investor", "Ludika": "target"}, None, "stated"),
        ],
    ),
    (
        "fund-that-would-lead-the-round",
        "La start-up Medivia chercherait à lever 50 millions d'euros. Des discussions "
        "seraient en cours avec le fonds Tikal Growth, qui pourrait mener le tour de table.",
        [("funding", {"Medivia": "target", "Tikal Growth": "investor"}, 50 * M, "hedged")],
    ),
    (
        "fund-leads-a-round-in-a-start-up",
        "Le fonds Korvane mène un tour de table de 25 millions d'euros dans la start-up Opalia.",
        [("funding", {"Korvane": "investor", "Opalia": "target"}, 25 * M, "stated")],
    ),
    (
        "order-won-from-a-buyer",
        "Le constructeur Alstom a remporté une commande de 40 trains auprès de "
        "l'opérateur Trenitalia.",
        [("contract", {"Alstom": "supplier", "Trenitalia": "buyer"}, None, "stated")],
    ),
    (
        "about-to-win-an-order-then-its-value",
        "Le constructeur Navalis serait sur le point de remporter une commande de quatre "
        "navires auprès de l'armateur Brittany Ferries, selon des sources proches du "
        "dossier. Le contrat pourrait atteindre 900 millions d'euros, ce qui en ferait la "
        "plus grosse commande de l'histoire du constructeur.",
        [
            (
                "contract",
                {"Navalis": "supplier", "Brittany Ferries": "buyer"},
                900 * M,
                "hedged",
            )
        ],
    ),
    (
        "the-two-companies-of-the-main-deal",
        "Le groupe Sorevia a pris 15 % du capital de la start-up Lumiq. Sorevia est un "
        "actionnaire patient. Lumiq compte 40 salariés. Sorevia a aussi pris en mai 5 % de "
        "la société Dexo. Les deux entreprises ont conclu un partenariat industriel.",
        [
            ("investment", {"Sorevia": "investor", "Lumiq": "target"}, None, "stated"),
            ("investment", {"Sorevia": "investor", "Dexo": "target"}, None, "stated"),
            ("partnership", {"Sorevia": "partner", "Lumiq": "partner"}, None, "stated"),
        ],
    ),
    (
        "start-up-subject-split-by-the-parser",
        "La start-up Nivalis, fondée à Grenoble, conçoit des drones. Les analystes saluent "
        "sa technologie. La start-up avait levé 15 millions d'euros en mars 2023 auprès "
        "du fonds Kerala.",
        [("funding", {"Nivalis": "target", "Kerala": "investor"}, 15 * M, "stated")],
    ),
    (
        "commitment-to-buy-on-a-product",
        "En contrepartie, la start-up Vecto s'engage à acheter pour 300 millions d'euros de "
        "capacité de calcul sur Azure d'ici 2027.",
        [("contract", {"Vecto": "buyer", "Microsoft": "supplier"}, 300 * M, "stated")],
    ),
    (
        "grant-paid-by-to",
        "La région a voté une subvention de 2 millions d'euros versée par Bpifrance à la "
        "start-up Kelvo.",
        [("funding", {"Bpifrance": "investor", "Kelvo": "target"}, 2 * M, "stated")],
    ),
    (
        "investors-beside-a-noun-after-a-comma",
        "La start-up Qilia a annoncé une série B de 60 millions d'euros menée par le fonds "
        "Kernel Capital, avec la participation de ses investisseurs historiques, Orvane et "
        "Selvia.",
        [
            (
                "funding",
                {
                    "Qilia": "target",
                    "Kernel Capital": "investor",
                    "Orvane": "investor",
                    "Selvia": "investor",
                },
                60 * M,
                "stated",
            )
        ],
    ),
    (
        "purchase-with-no-buyer-named-is-the-article-company",
        "La société Lexora a levé 20 millions d'euros auprès du fonds Partech. Lexora "
        "compte 300 clients. Une partie de la somme a servi à financer le rachat de la "
        "start-up allemande Klausel, conclu pour 8 millions d'euros.",
        [
            ("funding", {"Lexora": "target", "Partech": "investor"}, 20 * M, "stated"),
            ("acquisition", {"Lexora": "acquirer", "Klausel": "target"}, 8 * M, "stated"),
        ],
    ),
    (
        "neg-purchase-by-an-unnamed-buyer",
        "La société Lexora a levé 20 millions d'euros auprès du fonds Partech. Lexora "
        "compte 300 clients. Le rachat de la start-up Klausel par un industriel "
        "américain est évoqué.",
        [("funding", {"Lexora": "target", "Partech": "investor"}, 20 * M, "stated")],
    ),
    (
        "neg-plural-description-is-no-company",
        "La start-up Greenvolt a levé 12 millions d'euros auprès du fonds Demeter. Au total, "
        "les start-up françaises ont levé 312 millions d'euros depuis le début du mois.",
        [("funding", {"Greenvolt": "target", "Demeter": "investor"}, 12 * M, "stated")],
    ),
    (
        "description-shared-by-two-chosen-by-the-sentence-before",
        "Les opérateurs Nordel et Kaptel renoncent à leur alliance. Pour Kaptel, c'est un "
        "revers. L'opérateur, détenu à 30 % par le fonds Ardara, cherche d'autres options.",
        [
            ("partnership", {"Nordel": "partner", "Kaptel": "partner"}, None, "hedged"),
            ("investment", {"Ardara": "investor", "Kaptel": "target"}, None, "stated"),
        ],
    ),
    (
        "enters-the-capital-of-the-company-just-told",
        "Le fonds Idia a pris une participation de 25 % dans la start-up Clevia. Le "
        "Département du Gard pourrait également entrer au capital, à hauteur de 2 "
        "millions d'euros.",
        [
            ("investment", {"Idia": "investor", "Clevia": "target"}, None, "stated"),
            (
                "investment",
                {"Département du Gard": "investor", "Clevia": "target"},
                2 * M,
                "hedged",
            ),
        ],
    ),
    (
        "neg-description-two-candidates",
        "Le groupe Tessor et le groupe Vallia ont publié leurs résultats. "
        "Le groupe a racheté une usine à Lille.",
        [],
    ),
    # « l'opération » stands for the deal just told: its parties join that deal when it
    # is a round, and nothing else comes of it
    (
        "operation-led-by-next-sentence",
        "La medtech Orsalis annonce la clôture d'un tour de table de 7 millions d'euros. "
        "L'opération est menée par le fonds Elaia, aux côtés de Bpifrance.",
        [
            (
                "funding",
                {"Orsalis": "target", "Elaia": "investor", "Bpifrance": "investor"},
                7 * M,
                "stated",
            )
        ],
    ),
    (
        "operation-subject-leads",
        "Le spécialiste du recyclage Revalia boucle une série A de 15 millions d'euros. "
        "Demeter Partners mène l'opération, aux côtés d'Eurazeo.",
        [
            (
                "funding",
                {"Revalia": "target", "Demeter Partners": "investor", "Eurazeo": "investor"},
                15 * M,
                "stated",
            )
        ],
    ),
    (
        "operation-demonstrative-piloted",
        "La jeune pousse Nexalia a bouclé un financement de 2 millions d'euros. "
        "Cette opération, pilotée par Side Capital, doit financer son expansion.",
        [("funding", {"Nexalia": "target", "Side Capital": "investor"}, 2 * M, "stated")],
    ),
    (
        "operation-after-acquisition-adds-no-investor",
        "Le groupe Ardelis a racheté la société Vigilo pour 20 millions d'euros. "
        "L'opération a été conseillée par la banque Lazard.",
        [("acquisition", {"Ardelis": "acquirer", "Vigilo": "target"}, 20 * M, "stated")],
    ),
    (
        "operation-follows-the-last-deal-told",
        "La start-up Kelio a levé 5 millions d'euros auprès d'Alven. "
        "Elle rachète aussi la société Datapix. L'opération est financée par Bpifrance.",
        [
            ("funding", {"Kelio": "target", "Alven": "investor"}, 5 * M, "stated"),
            ("acquisition", {"Kelio": "acquirer", "Datapix": "target"}, None, "stated"),
        ],
    ),
    (
        "operation-amount-of-the-deal-told",
        "Le groupe Kelio a finalisé l'acquisition de la société Datapix. "
        "Le montant de l'opération s'élève à 30 millions d'euros.",
        [("acquisition", {"Kelio": "acquirer", "Datapix": "target"}, 30 * M, "stated")],
    ),
    (
        "operation-valued-contract",
        "La société Orvia a signé un contrat avec la SNCF. "
        "Le prix de l'opération avoisine 4 millions d'euros.",
        [("contract", {"Orvia": "buyer", "SNCF": "supplier"}, 4 * M, "stated")],
    ),
    (
        "operation-revenue-is-no-amount",
        "Le groupe Kelio a racheté la société Datapix. L'opération renforce ce spécialiste, "
        "qui réalise 30 millions d'euros de chiffre d'affaires.",
        [("acquisition", {"Kelio": "acquirer", "Datapix": "target"}, NO_AMOUNT, "stated")],
    ),
    (
        "operation-savings-are-no-amount",
        "Le groupe Kelio a racheté la société Datapix. "
        "L'opération permettra d'économiser 3 millions d'euros par an.",
        [("acquisition", {"Kelio": "acquirer", "Datapix": "target"}, NO_AMOUNT, "stated")],
    ),
    # the source of a hire told in the next sentence, about the person hired
    (
        "hire-source-next-sentence",
        "La fintech Paylo nomme Julie Ferrand directrice financière. "
        "Elle était jusqu'ici vice-présidente de Qonto.",
        [
            (
                "hire",
                {"Paylo": "employer", "Julie Ferrand": "person", "Qonto": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-source-years-chez",
        "La fintech Paylo recrute Julie Ferrand comme directrice financière. "
        "Elle a auparavant passé huit ans chez BNP Paribas.",
        [
            (
                "hire",
                {"Paylo": "employer", "Julie Ferrand": "person", "BNP Paribas": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-source-vient-de",
        "Le groupe Kelio a recruté Marc Aubry au poste de directeur technique. "
        "Il vient de Dassault Systèmes.",
        [
            (
                "hire",
                {"Kelio": "employer", "Marc Aubry": "person", "Dassault Systèmes": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "subsidiary-is-its-own-company",
        "Le producteur Valorem a annoncé la cession de 49 % de sa filiale Valorem Bretagne "
        "à la Banque des Territoires, pour 85 millions d'euros. Valorem exploite 1 200 "
        "mégawatts en France.",
        [
            (
                "investment",
                {"Banque des Territoires": "investor", "Valorem Bretagne": "target"},
                85 * M,
                "stated",
            )
        ],
    ),
    (
        "no-amount-lent-to-a-hire",
        "La société Fretlink recrute Sophie Marchal comme directrice financière. "
        "Selon nos informations, la start-up étudierait aussi un rachat, pour un montant de "
        "10 millions d'euros.",
        [("hire", {"Fretlink": "employer", "Sophie Marchal": "person"}, NO_AMOUNT, "stated")],
    ),
    (
        "hire-person-then-employer-pronoun",
        "Marie Dupont a été nommée directrice financière. Elle rejoint Biotop après dix ans "
        "chez Criteo.",
        [
            (
                "hire",
                {"Marie Dupont": "person", "Biotop": "employer", "Criteo": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-source-years-chez-next-sentence",
        "Biotop a nommé Marie Dupont directrice financière. Elle rejoint l'entreprise après "
        "dix ans chez Criteo.",
        [
            (
                "hire",
                {"Biotop": "employer", "Marie Dupont": "person", "Criteo": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-takes-office-next-sentence",
        "Marie Dupont a été recrutée comme directrice financière. Elle prendra ses fonctions "
        "chez Biotop en mars.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    (
        "neg-person-then-another-hiring",
        "Marie Dupont a été nommée directrice financière. Biotop recrute aussi 50 ingénieurs.",
        [],
    ),
    (
        "hire-next-sentence-about-the-company",
        "Le groupe Kelio a recruté Marc Aubry. Le groupe Kelio était jusqu'ici client de "
        "la société Datapix.",
        # Datapix is no source of the hire; Kelio's being its customer is a contract
        # (GUIDELINES, « Client lists »: a customer relation told, past or present)
        [
            ("hire", {"Kelio": "employer", "Marc Aubry": "person"}, None, "stated"),
            ("contract", {"Kelio": "buyer", "Datapix": "supplier"}, None, "stated"),
        ],
    ),
    (
        "hire-next-sentence-future-task",
        "Le groupe Kelio a recruté Marc Aubry. Il pilotera le développement de la filiale "
        "allemande.",
        [("hire", {"Kelio": "employer", "Marc Aubry": "person"}, None, "stated")],
    ),
    (
        "transaction-amount",
        "Capgemini met la main sur la société Syntheos. "
        "Le montant de la transaction avoisinerait 18 millions d'euros.",
        [("acquisition", {"Capgemini": "acquirer", "Syntheos": "target"}, 18 * M, "stated")],
    ),
    (
        "verbless-amount-of-the-operation",
        "Ravel met la main sur Biotop. Montant de l'opération : 12 millions d'euros.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, 12 * M, "stated")],
    ),
    (
        "undisclosed-amount-revenue-is-not-lent",
        "Ravel met la main sur Biotop. Le montant de l'opération n'a pas été dévoilé, mais "
        "Biotop réalise 12 millions d'euros de chiffre d'affaires.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, NO_AMOUNT, "stated")],
    ),
    (
        "price-of-something-else",
        "Capgemini met la main sur la société Syntheos. Le prix du baril atteint 80 dollars.",
        [("acquisition", {"Capgemini": "acquirer", "Syntheos": "target"}, NO_AMOUNT, "stated")],
    ),
    (
        "operation-of-another-amount",
        "La fintech Paylo lève 8 millions d'euros auprès de Partech. Une autre opération "
        "de 3 millions d'euros, menée par Kima Ventures, concerne la société Dunéo.",
        [("funding", {"Paylo": "target", "Partech": "investor"}, 8 * M, "stated")],
    ),
]

# Known gaps: strict, so a fix is noticed.
OWN_GAPS: dict[str, str] = {}


@pytest.mark.parametrize(("text", "expected"), list(case_params(CASES, OWN_GAPS)))
def test_deals_across_sentences(rules_nlp, text: str, expected: list[tuple]) -> None:
    assert_deals(rules_nlp(text)._.deals, expected)
