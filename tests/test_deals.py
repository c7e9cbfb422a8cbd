"""Deals through the real pipeline: one short sentence (or two) per case, expected deals.

Each case lists the deals expected as ``(type, {name: role}, amount, certainty)``;
``amount`` is the value in currency units or None. A case passes when the component
returns exactly as many deals and each expected one is found with those parties
(names and roles), that amount and that certainty.
"""

from __future__ import annotations

import pytest
from tests.deal_cases import NO_AMOUNT, assert_deals, case_params

UPSTREAM_ORGS = (
    "upstream aiextract_orgs: a one-word or unknown company name is missed or taken for a person"
)
UPSTREAM_MONEY = "upstream aiextract_money: amount not found"

M = 1_000_000
B = 1_000_000_000

CASES = [
    # ------------------------------------------------------------ funding
    (
        "lever-present",
        "La start-up Mistral AI lève 600 millions d'euros auprès de General Catalyst.",
        [("funding", {"Mistral AI": "target", "General Catalyst": "investor"}, 600 * M, "stated")],
    ),
    (
        "lever-passe-compose",
        "Pigment a levé 145 millions de dollars auprès de ICONIQ et de Greenoaks.",
        [
            (
                "funding",
                {"Pigment": "target", "ICONIQ": "investor", "Greenoaks": "investor"},
                145 * M,
                "stated",
            )
        ],
    ),
    (
        "levee-de-fonds-noun",
        "Alan annonce une levée de fonds de 173 millions d'euros menée par Temasek.",
        [("funding", {"Alan": "target", "Temasek": "investor"}, 173 * M, "stated")],
    ),
    (
        "tour-de-table-mene-par",
        "Mistral AI a bouclé un tour de table de 385 millions d'euros mené par Andreessen "
        "Horowitz, avec la participation de Nvidia.",
        [
            (
                "funding",
                {"Mistral AI": "target", "Andreessen Horowitz": "investor", "Nvidia": "investor"},
                385 * M,
                "stated",
            )
        ],
    ),
    (
        "serie-a",
        "La jeune pousse Nabla finalise une série A de 20 millions d'euros.",
        [("funding", {"Nabla": "target"}, 20 * M, "stated")],
    ),
    (
        "valorisation-not-amount",
        "Mistral AI lève 220 millions d'euros à une valorisation de 2 milliards d'euros.",
        [("funding", {"Mistral AI": "target"}, 220 * M, "stated")],
    ),
    (
        "subvention-give",
        "Bpifrance accorde une subvention de 3 millions d'euros à la start-up Exotrail.",
        [("funding", {"Exotrail": "target", "Bpifrance": "investor"}, 3 * M, "stated")],
    ),
    (
        "funding-pronoun",
        "Fondée à Lyon en 2019, la société Aledia a levé 120 millions d'euros.",
        [("funding", {"Aledia": "target"}, 120 * M, "stated")],
    ),
    (
        "funding-hedged-chercherait",
        "Selon des sources proches du dossier, Mistral AI chercherait à lever un milliard d'euros.",
        [("funding", {"Mistral AI": "target"}, 1 * B, "hedged")],
    ),
    (
        "funding-hedged-discussions",
        "Doctolib est en discussions pour lever 500 millions d'euros.",
        [("funding", {"Doctolib": "target"}, 500 * M, "hedged")],
    ),
    (
        "funding-two-rounds",
        "xAI a déjà levé 12 milliards de dollars et cherche à obtenir 10 milliards de dollars "
        "supplémentaires.",
        [
            ("funding", {"xAI": "target"}, 12 * B, "stated"),
            ("funding", {"xAI": "target"}, 10 * B, "hedged"),
        ],
    ),
    (
        "funding-with-revenue",
        "Qonto, dont le chiffre d'affaires atteint 300 millions d'euros, a levé 50 millions "
        "d'euros.",
        [("funding", {"Qonto": "target"}, 50 * M, "stated")],
    ),
    # ---------------------------------------------------------- investment
    (
        "investir-dans",
        "Microsoft investit 2 milliards de dollars dans OpenAI.",
        [("investment", {"Microsoft": "investor", "OpenAI": "target"}, 2 * B, "stated")],
    ),
    (
        "detenir-stake",
        "Microsoft détient 27 % d'OpenAI.",
        [("investment", {"Microsoft": "investor", "OpenAI": "target"}, None, "stated")],
    ),
    (
        "prise-de-participation",
        "Bpifrance annonce une prise de participation de 10 % dans Ynsect.",
        [("investment", {"Bpifrance": "investor", "Ÿnsect": "target"}, None, "stated")],
    ),
    (
        "entrer-au-capital",
        "Le fonds Eurazeo entre au capital de Back Market.",
        [("investment", {"Eurazeo": "investor", "Back Market": "target"}, None, "stated")],
    ),
    (
        "investment-pourrait",
        "Amazon pourrait investir 4 milliards de dollars dans Anthropic.",
        [("investment", {"Amazon": "investor", "Anthropic": "target"}, 4 * B, "hedged")],
    ),
    (
        "acquisition-minority-stake",
        "Thales rachète 20 % de Vinci.",
        [("investment", {"Thales": "investor", "Vinci": "target"}, None, "stated")],
    ),
    # --------------------------------------------------------- acquisition
    (
        "racheter-active",
        "Capgemini rachète Atos pour 300 millions d'euros.",
        [("acquisition", {"Capgemini": "acquirer", "Atos": "target"}, 300 * M, "stated")],
    ),
    (
        "racheter-passive",
        "Atos a été rachetée par Capgemini pour 300 millions d'euros.",
        [("acquisition", {"Capgemini": "acquirer", "Atos": "target"}, 300 * M, "stated")],
    ),
    (
        "rachat-de-par",
        "Le rachat de Deezer par Universal Music a été finalisé.",
        [("acquisition", {"Universal Music": "acquirer", "Deezer": "target"}, None, "stated")],
    ),
    (
        "acquisition-noun-gov",
        "Capgemini a finalisé l'acquisition d'Altran.",
        [("acquisition", {"Capgemini": "acquirer", "Altran": "target"}, None, "stated")],
    ),
    (
        "acquerir",
        "Nvidia acquiert la start-up israélienne Run:ai pour 700 millions de dollars.",
        [("acquisition", {"Nvidia": "acquirer", "Run:ai": "target"}, 700 * M, "stated")],
    ),
    (
        "ceder-a",
        "Sanofi cède Opella à CD&R pour 16 milliards d'euros.",
        [
            (
                "acquisition",
                {"Sanofi": "seller", "Opella": "target", "CD&R": "acquirer"},
                16 * B,
                "stated",
            )
        ],
    ),
    (
        "absorber",
        "Orange absorbe sa filiale Orange Business.",
        [("acquisition", {"Orange": "acquirer", "Orange Business": "target"}, None, "stated")],
    ),
    (
        "fusionner",
        "Ubisoft et Vivendi fusionnent.",
        [("acquisition", {"Ubisoft": "acquirer", "Vivendi": "target"}, None, "stated")],
    ),
    (
        "acquisition-conditional",
        "Capgemini pourrait racheter Atos, selon Les Echos.",
        [("acquisition", {"Capgemini": "acquirer", "Atos": "target"}, None, "hedged")],
    ),
    (
        "acquisition-envisage",
        "Thales envisage de racheter Atos.",
        [("acquisition", {"Thales": "acquirer", "Atos": "target"}, None, "hedged")],
    ),
    (
        "acquisition-abandoned",
        "Les négociations entre Thales et Atos pour le rachat de la branche cybersécurité ont "
        "échoué.",
        [("acquisition", {"Thales": "acquirer", "Atos": "target"}, None, "hedged")],
    ),
    # --------------------------------------------------------- partnership
    (
        "partenariat-avec",
        "Microsoft annonce un partenariat avec Mistral AI.",
        [("partnership", {"Microsoft": "partner", "Mistral AI": "partner"}, None, "stated")],
    ),
    (
        "partenariat-entre",
        "Le partenariat entre Renault et Google porte sur les logiciels embarqués.",
        [("partnership", {"Renault": "partner", "Google": "partner"}, None, "stated")],
    ),
    (
        "s-allier",
        "Orange s'allie à Capgemini pour lancer une offre de cloud souverain.",
        [("partnership", {"Orange": "partner", "Capgemini": "partner"}, None, "stated")],
    ),
    (
        "en-collaboration-avec",
        "Microsoft, en collaboration avec BlackRock, annonce un partenariat avec Nvidia.",
        [
            (
                "partnership",
                {"Microsoft": "partner", "BlackRock": "partner", "Nvidia": "partner"},
                None,
                "stated",
            )
        ],
    ),
    (
        "coentreprise",
        "Airbus et Thales créent une coentreprise dans les satellites.",
        [("partnership", {"Airbus": "partner", "Thales": "partner"}, None, "stated")],
    ),
    (
        "accord-de-cooperation",
        "Dassault Systèmes signe un accord de coopération avec Mistral AI.",
        [
            (
                "partnership",
                {"Dassault Systèmes": "partner", "Mistral AI": "partner"},
                None,
                "stated",
            )
        ],
    ),
    (
        "partnership-named",
        "Capgemini et Orange nouent un partenariat, baptisé Cloud Alliance, dans le cloud.",
        [("partnership", {"Capgemini": "partner", "Orange": "partner"}, None, "stated")],
    ),
    (
        "partnership-en-partenariat",
        "OpenAI a annoncé un projet de 100 milliards de dollars en partenariat avec Oracle et "
        "SoftBank.",
        [
            (
                "partnership",
                {"OpenAI": "partner", "Oracle": "partner", "SoftBank": "partner"},
                100 * B,
                "stated",
            )
        ],
    ),
    (
        "s-emparer-de",
        "L'industriel Brunel s'est emparé de la société Kalipso l'an dernier.",
        [("acquisition", {"Brunel": "acquirer", "Kalipso": "target"}, None, "stated")],
    ),
    (
        "mettre-la-main-sur",
        "Le géant Hexalis a mis la main sur la pépite Ombelle.",
        [("acquisition", {"Hexalis": "acquirer", "Ombelle": "target"}, None, "stated")],
    ),
    (
        "s-offrir-passe",
        "Le groupe Varlin s'est offert la société Tessane.",
        [("acquisition", {"Varlin": "acquirer", "Tessane": "target"}, None, "stated")],
    ),
    ("neg-s-offrir-an-asset", "La start-up Tessane s'offre une nouvelle usine à Lyon.", []),
    # ------------------------------------------------------------ contract
    (
        "confier-a",
        "La SNCF confie à la société Quantelia la maintenance de ses capteurs.",
        [("contract", {"SNCF": "buyer", "Quantelia": "supplier"}, None, "stated")],
    ),
    (
        "choisir-pour",
        "La Ville de Nantes a choisi la start-up Morvane pour équiper ses écoles.",
        [("contract", {"Ville de Nantes": "buyer", "Morvane": "supplier"}, None, "stated")],
    ),
    (
        "s-appuyer-sur",
        "La société Ombelle s'appuie sur le groupe Kestrel pour son cloud.",
        [("contract", {"Ombelle": "buyer", "Kestrel": "supplier"}, None, "stated")],
    ),
    ("neg-choisir-de", "La société Calyxa a choisi Paris pour son nouveau siège.", []),
    (
        "contrat-remporte",
        "Atos remporte un contrat de 200 millions d'euros auprès du ministère des Armées.",
        [("contract", {"Atos": "supplier", "Ministère des Armées": "buyer"}, 200 * M, "stated")],
    ),
    (
        "negated-nothing-to-sell",
        "Kelvia ne veut rien vendre à Nexora, a assuré son président.",
        [],
    ),
    (
        "agreement-that-allows-a-takeover",
        # no contract: the agreement tells the takeover, and the one it lets buy buys
        "Kelvia et Nexora ont conclu un accord qui permettra à Kelvia d'acquérir Nexora.",
        [("acquisition", {"Kelvia": "acquirer", "Nexora": "target"}, None, "stated")],
    ),
    (
        "a-group-of-unnamed-startups-raises",
        # « Unnamed counterparts »: the start-ups raise, not the school they come from
        "Les jeunes pousses de l'Institut Ombelle ont réuni 85 millions d'euros sur l'année.",
        [],
    ),
    (
        "dative-control-names-the-buyer",
        "Le conseil de Nexora a permis au groupe Ombelle de racheter Nexora.",
        [("acquisition", {"Ombelle": "acquirer", "Nexora": "target"}, None, "stated")],
    ),
    (
        "dative-control-in-a-relative",
        "Kelvia a conclu avec Nexora un protocole qui permettra à Google de reprendre Ombelle.",
        [("acquisition", {"Google": "acquirer", "Ombelle": "target"}, None, "stated")],
    ),
    (
        "object-control-still-reads-the-object",
        "Le tribunal a autorisé le groupe Ombelle à reprendre Nexora.",
        [("acquisition", {"Ombelle": "acquirer", "Nexora": "target"}, None, "stated")],
    ),
    (
        "agreement-to-acquire",
        "Kelvia a signé un accord avec Nexora pour acquérir la société Ombelle.",
        [("acquisition", {"Kelvia": "acquirer", "Ombelle": "target"}, None, "stated")],
    ),
    (
        "agreement-for-a-service",
        "Kelvia a signé un accord avec Nexora pour la maintenance de ses serveurs.",
        [("contract", {"Kelvia": "buyer", "Nexora": "supplier"}, None, "stated")],
    ),
    (
        "commande-of-machines",
        "La compagnie Lumeo a passé une commande de 40 Airbus.",
        [("contract", {"Lumeo": "buyer", "Airbus": "supplier"}, None, "stated")],
    ),
    (
        "commander-a-product",
        "La compagnie Lumeo a commandé douze Rafale.",
        [("contract", {"Lumeo": "buyer", "Dassault Aviation": "supplier"}, None, "stated")],
    ),
    (
        "commande-of-a-buyer",
        "Quibix décroche une commande de la compagnie Lumeo.",
        [("contract", {"Lumeo": "buyer", "Quibix": "supplier"}, None, "stated")],
    ),
    (
        "commande-engrangee",
        "Le constructeur Kelvia Aéro a engrangé une commande de la compagnie Lumeo Air.",
        [("contract", {"Lumeo Air": "buyer", "Kelvia Aéro": "supplier"}, None, "stated")],
    ),
    (
        "commande-comptabilisee",
        "Kelvia Aéro a comptabilisé la commande de Lumeo Air pour dix appareils.",
        [("contract", {"Lumeo Air": "buyer", "Kelvia Aéro": "supplier"}, None, "stated")],
    ),
    (
        "commande-a",
        "Air France passe une commande de 50 avions à Airbus.",
        [("contract", {"Air France": "buyer", "Airbus": "supplier"}, None, "stated")],
    ),
    (
        "accord-cloud-product",
        "OpenAI signe un accord cloud avec Azure.",
        [("contract", {"OpenAI": "buyer", "Microsoft": "supplier"}, None, "stated")],
    ),
    (
        "accord-with-money",
        "Oracle et OpenAI signent un accord de 10 milliards de dollars pour des capacités de "
        "calcul.",
        [("contract", {"Oracle": "buyer", "OpenAI": "supplier"}, 10 * B, "stated")],
    ),
    (
        "contract-evoque",
        "Un contrat de 2 milliards d'euros entre Thales et la Direction générale de l'armement "
        "est évoqué.",
        [
            (
                "contract",
                {"Thales": "buyer", "Direction générale de l'armement": "supplier"},
                2 * B,
                "hedged",
            )
        ],
    ),
    (
        "licence-accorde",
        "Le CNRS accorde une licence exclusive à la start-up Pasqal.",
        [("contract", {"CNRS": "supplier", "Pasqal": "buyer"}, None, "stated")],
    ),
    # ---------------------------------------------------------------- hire
    (
        "debaucher-de",
        "Google a débauché Jean Dupont, ancien directeur de Meta.",
        [
            (
                "hire",
                {"Google": "employer", "Jean Dupont": "person", "Meta": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "rejoindre",
        "Marie Martin rejoint Microsoft après dix ans chez Google.",
        [
            (
                "hire",
                {"Microsoft": "employer", "Marie Martin": "person", "Google": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "recruter-chez",
        "Microsoft recrute des chercheurs chez Inflection AI.",
        [("hire", {"Microsoft": "employer", "Inflection AI": "source"}, None, "stated")],
    ),
    (
        "recruter-person",
        "Mistral AI a recruté Paul Durand pour diriger sa filiale américaine.",
        [("hire", {"Mistral AI": "employer", "Paul Durand": "person"}, None, "stated")],
    ),
    (
        "quitter-pour",
        "Claire Petit quitte Amazon pour Meta.",
        [
            (
                "hire",
                {"Meta": "employer", "Claire Petit": "person", "Amazon": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-conditional",
        "Sam Altman pourrait rejoindre Microsoft.",
        [("hire", {"Microsoft": "employer", "Sam Altman": "person"}, None, "hedged")],
    ),
    (
        "hire-nomme-directeur-provenance",
        "L'assureur Alan nomme Hélène Martin directrice financière, en provenance de Qonto.",
        [
            (
                "hire",
                {"Alan": "employer", "Hélène Martin": "person", "Qonto": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-est-nomme-de",
        "Thomas Garnier a été nommé directeur général de Back Market.",
        [("hire", {"Back Market": "employer", "Thomas Garnier": "person"}, None, "stated")],
    ),
    (
        "hire-prend-la-tete",
        "Camille Roussel prend la tête de Contentsquare, après huit ans chez Criteo.",
        [("hire", {"Contentsquare": "employer", "Camille Roussel": "person"}, None, "stated")],
    ),
    (
        "hire-prend-la-tete-des-ventes",
        "Antoine Lefort prendra la tête des ventes de Doctolib en septembre.",
        [("hire", {"Doctolib": "employer", "Antoine Lefort": "person"}, None, "stated")],
    ),
    (
        "hire-confie-la-direction-ancien",
        "Le groupe Fnac confie la direction de sa filiale à Julie Moreau, ancienne de Decathlon.",
        [
            (
                "hire",
                {"Fnac": "employer", "Julie Moreau": "person", "Decathlon": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "hire-nomme-ancien-apposition",
        "Ledger a nommé Victor Lambert, ancien directeur commercial de Salesforce, au poste "
        "de président.",
        [
            (
                "hire",
                {"Ledger": "employer", "Victor Lambert": "person", "Salesforce": "source"},
                None,
                "stated",
            )
        ],
    ),
    ("neg-prend-la-tete-classement", "Doctolib prend la tête du classement des applications.", []),
    # ------------------------------------------------------------ multi-sentence
    (
        "merge-same-deal",
        "Capgemini rachète Atos. Le rachat d'Atos par Capgemini sera finalisé en juin.",
        [("acquisition", {"Capgemini": "acquirer", "Atos": "target"}, None, "stated")],
    ),
    (
        "reference-name",
        "Microsoft et Nvidia annoncent un partenariat. Ce partenariat, baptisé AI Forge, vise "
        "les centres de données.",
        [("partnership", {"Microsoft": "partner", "Nvidia": "partner"}, None, "stated")],
    ),
    (
        "reference-redmond",
        "Microsoft a annoncé ses résultats. Le géant de Redmond rachète la start-up Nuance.",
        [("acquisition", {"Microsoft": "acquirer", "Nuance": "target"}, None, "stated")],
    ),
    (
        "stated-wins-on-merge",
        "Capgemini pourrait racheter Atos. Capgemini a finalement racheté Atos.",
        [("acquisition", {"Capgemini": "acquirer", "Atos": "target"}, None, "stated")],
    ),
    # ------------------------------------------------------------ negatives
    ("neg-dement", "Capgemini dément tout rachat d'Atos.", []),
    ("neg-ne-pas", "Capgemini n'a pas racheté Atos.", []),
    ("neg-pas-de-contrat", "Le ministère n'a pas attribué de contrat à Atos.", []),
    ("neg-revenue", "Le chiffre d'affaires de Capgemini atteint 22 milliards d'euros.", []),
    ("neg-losses", "OpenAI a enregistré des pertes de 5 milliards de dollars.", []),
    ("neg-spending", "Microsoft consacrera 80 milliards de dollars aux centres de données.", []),
    ("neg-product", "Microsoft a lancé Copilot dans Windows.", []),
    ("neg-question", "OpenAI parviendra-t-il à lever les fonds nécessaires ?", []),
    ("neg-funding-no-target", "Les investisseurs ont levé le pied en 2023.", []),
    ("neg-one-party", "Le partenariat reste flou.", []),
    ("neg-weights", "Microsoft pourrait acquérir les poids des modèles d'OpenAI.", []),
    ("neg-founded-by", "xAI, la start-up fondée par Elon Musk, développe le chatbot Grok.", []),
    ("neg-ready", "Microsoft est prêt à tout pour garder ses talents.", []),
    (
        "cede-minority-stake-is-investment",
        "Le groupe Kelio a cédé 30 % de sa filiale Datapix au fonds Ardian.",
        [("investment", {"Ardian": "investor", "Datapix": "target"}, None, "stated")],
    ),
    # ------------------------------------- acquisition and holding idioms
    (
        "passe-dans-le-giron",
        "Biotop passe dans le giron du groupe Ravel.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "stated")],
    ),
    (
        "passe-sous-pavillon",
        "La société Biotop passe sous pavillon du groupe Ravel.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "stated")],
    ),
    (
        "tombe-dans-l-escarcelle",
        "Biotop tombe dans l'escarcelle du groupe Ravel.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "stated")],
    ),
    (
        "s-offre-name-misparsed",
        "Le groupe Ravel s'offre la PME Biotop pour 50 millions d'euros.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, 50 * M, "stated")],
    ),
    (
        "avale-son-concurrent",
        "Ravel avale son concurrent Biotop.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "stated")],
    ),
    (
        "prend-une-participation",
        "Le groupe Ravel prend une participation minoritaire dans la start-up Biotop.",
        [("investment", {"Ravel": "investor", "Biotop": "target"}, None, "stated")],
    ),
    (
        "monte-au-capital",
        "Le fonds Ardian monte au capital de la société Biotop.",
        [("investment", {"Ardian": "investor", "Biotop": "target"}, None, "stated")],
    ),
    (
        "mise-sur",
        "Le fonds Partech mise 10 millions d'euros sur la start-up Biotop.",
        [("investment", {"Partech": "investor", "Biotop": "target"}, 10 * M, "stated")],
    ),
    ("neg-mise-sur-a-technology", "La start-up Biotop mise sur l'intelligence artificielle.", []),
    ("neg-avale-des-pertes", "L'entreprise a dû avaler des pertes de 3 millions d'euros.", []),
    # ------------------------------------- contracts told by choosing, public tenders
    (
        "retenu-pour",
        "La SNCF a retenu Biotop pour la maintenance de ses trains.",
        [("contract", {"SNCF": "buyer", "Biotop": "supplier"}, None, "stated")],
    ),
    (
        "selectionne-pour",
        "La SNCF a sélectionné la société Biotop pour équiper ses gares.",
        [("contract", {"SNCF": "buyer", "Biotop": "supplier"}, None, "stated")],
    ),
    (
        "remporte-un-marche",
        "Biotop remporte un marché de 3 millions d'euros auprès de la Ville de Lyon.",
        [("contract", {"Biotop": "supplier", "Ville de Lyon": "buyer"}, 3 * M, "stated")],
    ),
    (
        "neg-marche-size",
        "Le marché européen des batteries atteindra 100 milliards d'euros en 2030.",
        [],
    ),
    ("neg-vise-un-marche", "Biotop vise un marché de 2 milliards d'euros.", []),
    ("neg-retenu-projets", "Le jury a retenu trois projets.", []),
    # ------------------------------------- appointments told as a new post
    (
        "succede-a-la-tete",
        "Marie Dupont succède à Paul Martin à la tête de Biotop.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    (
        "devient-directrice",
        "Marie Dupont devient directrice générale de Biotop.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    (
        "promue-presidente",
        "Marie Dupont a été promue présidente de Biotop.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    (
        "annonce-l-arrivee",
        "Biotop annonce l'arrivée de Marie Dupont comme directrice commerciale.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    ("neg-devient-leader", "Biotop devient leader du marché français.", []),
    (
        "prendra-ses-fonctions-de",
        "Marie Dupont prendra ses fonctions de directrice générale de Biotop le 1er mars.",
        [("hire", {"Marie Dupont": "person", "Biotop": "employer"}, None, "stated")],
    ),
    ("neg-ministre-prend-ses-fonctions", "La nouvelle ministre a pris ses fonctions lundi.", []),
    ("neg-accueille-visiteurs", "Biotop accueille 500 visiteurs sur son stand.", []),
    (
        "neg-devient-premiere-femme",
        "Marie Dupont devient la première femme à diriger une licorne.",
        [],
    ),
    ("neg-arrivee-en-france", "L'arrivée de Tesla en France inquiète Renault.", []),
    (
        "ouvre-son-capital",
        "Biotop ouvre son capital au fonds Ardian.",
        [("investment", {"Ardian": "investor", "Biotop": "target"}, None, "stated")],
    ),
    (
        "hire-source-ancienne-apposed",
        "La société Fretlink vient de recruter Sophie Marchal, ancienne directrice des "
        "opérations de Geodis, au poste de directrice générale adjointe.",
        [
            (
                "hire",
                {"Fretlink": "employer", "Sophie Marchal": "person", "Geodis": "source"},
                None,
                "stated",
            )
        ],
    ),
    (
        "rachat-d-un-concurrent-apposed-name",
        "Selon nos informations, la start-up Fretlink étudierait le rachat d'un concurrent "
        "allemand, la société Trucklink, pour un montant de 10 millions d'euros.",
        [("acquisition", {"Fretlink": "acquirer", "Trucklink": "target"}, 10 * M, "hedged")],
    ),
    # ------------------------------------- the agent of a participle does the deal
    (
        "levee-realisee-par",
        "La levée de 5 millions d'euros réalisée par Biotop auprès du fonds Elaia a été "
        "annoncée hier.",
        [("funding", {"Biotop": "target", "Elaia": "investor"}, 5 * M, "stated")],
    ),
    (
        "levee-realisee-par-loose-parse",
        "Ce rapprochement intervient six mois après la levée de fonds de 18 millions d'euros "
        "réalisée par Medalis auprès de Sofinnova Partners et d'Eurazeo.",
        [
            (
                "funding",
                {"Medalis": "target", "Sofinnova Partners": "investor", "Eurazeo": "investor"},
                18 * M,
                "stated",
            )
        ],
    ),
    (
        "licence-accordee-par",
        "La licence exclusive accordée par Genlab au laboratoire Novapharm porte sur "
        "trois molécules.",
        [("contract", {"Genlab": "supplier", "Novapharm": "buyer"}, None, "stated")],
    ),
    (
        "rachat-conclu-par",
        "Le rachat de Biotop conclu par le groupe Ravel a été validé.",
        [("acquisition", {"Biotop": "target", "Ravel": "acquirer"}, None, "stated")],
    ),
    # ------------------------------------- bids and designs on a company: hedged
    (
        "jette-son-devolu",
        "Ravel jette son dévolu sur Biotop, selon Les Echos.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "hedged")],
    ),
    (
        "lorgne-sur",
        "Ravel lorgne sur Biotop.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "hedged")],
    ),
    (
        "convoite",
        "Ravel convoite la start-up Biotop.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "hedged")],
    ),
    (
        "opa-sur",
        "Ravel lance une OPA sur Biotop.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "hedged")],
    ),
    (
        "opa-unit-price-is-no-amount",
        "Ravel a lancé une offre publique d'achat sur Biotop à 12 euros par action.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, NO_AMOUNT, "hedged")],
    ),
    (
        "opa-total-amount",
        "Ravel a lancé une offre publique d'achat de 300 millions d'euros sur Biotop, soit "
        "12 euros par action.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, 300 * M, "hedged")],
    ),
    (
        "rachat-bloque",
        "Le rachat de Biotop par Ravel a été bloqué par Bruxelles.",
        [("acquisition", {"Ravel": "acquirer", "Biotop": "target"}, None, "hedged")],
    ),
    ("neg-lorgne-un-marche", "Le fonds Elaia lorgne le marché allemand.", []),
    # ------------------------------------- lists, alliances, the object's owner
    (
        "fusionnent-list-subject",
        "Biotop et Ravel fusionnent pour créer un leader européen.",
        [("acquisition", {"Biotop": "acquirer", "Ravel": "target"}, None, "stated")],
    ),
    (
        "unissent-leurs-forces",
        "Biotop et Ravel unissent leurs forces dans l'hydrogène.",
        [("partnership", {"Biotop": "partner", "Ravel": "partner"}, None, "stated")],
    ),
    (
        "protocole-d-accord",
        "Biotop et Ravel ont signé un protocole d'accord.",
        [("partnership", {"Biotop": "partner", "Ravel": "partner"}, None, "stated")],
    ),
    (
        "cited-before-the-subject-is-no-party",
        "Selon Kelio, Biotop rachète Datapix.",
        [("acquisition", {"Biotop": "acquirer", "Datapix": "target"}, None, "stated")],
    ),
    (
        "choisit-la-technologie-de",
        "Biotop choisit la technologie de Ravel pour ses usines.",
        [("contract", {"Biotop": "buyer", "Ravel": "supplier"}, None, "stated")],
    ),
    (
        "equipera-les-usines-de",
        "Ravel équipera les 40 usines de Biotop.",
        [("contract", {"Ravel": "supplier", "Biotop": "buyer"}, None, "stated")],
    ),
    ("neg-choisit-des-locaux", "Biotop choisit les locaux de son ancien siège.", []),
    (
        "two-deals-on-one-verb",
        "Dans la foulée, Lumio annonce le rachat de la start-up belge Lexa, et l'arrivée de "
        "Paul Girard au poste de directeur technique.",
        [
            ("acquisition", {"Lumio": "acquirer", "Lexa": "target"}, None, "stated"),
            ("hire", {"Lumio": "employer", "Paul Girard": "person"}, None, "stated"),
        ],
    ),
    (
        "aupres-de-unnamed-et-du-fonds",
        "Biotop a bouclé une levée de 4 millions d'euros auprès de business angels et du "
        "fonds Elaia.",
        [("funding", {"Biotop": "target", "Elaia": "investor"}, 4 * M, "stated")],
    ),
    (
        "participation-de-unnamed-et-de",
        "Biotop lève 4 millions d'euros avec la participation de plusieurs family offices et "
        "de Bpifrance.",
        [("funding", {"Biotop": "target", "Bpifrance": "investor"}, 4 * M, "stated")],
    ),
    (
        "tour-avec-chef-de-file",
        "Biotop finalise un tour de table de 4 millions d'euros, avec Elaia comme chef de file.",
        [("funding", {"Biotop": "target", "Elaia": "investor"}, 4 * M, "stated")],
    ),
    (
        "neg-avec-son-partenaire-not-investor",
        "Biotop lève 4 millions d'euros pour se développer avec son partenaire Kelio.",
        [("funding", {"Biotop": "target"}, 4 * M, "stated")],
    ),
    (
        "investit-aux-cotes-de",
        "Elaia investit 4 millions d'euros dans Biotop, aux côtés de Partech.",
        [
            (
                "investment",
                {"Elaia": "investor", "Partech": "investor", "Biotop": "target"},
                4 * M,
                "stated",
            )
        ],
    ),
    # ------------------------------------- idioms holding a trigger word
    ("neg-idiom-lever-le-voile", "Le PDG de Kapta a levé le voile sur sa stratégie.", []),
    (
        "neg-idiom-aux-commandes",
        "Les fondateurs de Datalume restent aux commandes de la start-up, qui conservera sa "
        "marque.",
        [],
    ),
    (
        "neg-idiom-levee-de-boucliers",
        "La réforme a provoqué une levée de boucliers chez les syndicats.",
        [],
    ),
    (
        "idiom-fonds-d-investissement-is-no-investment",
        "Le fonds d'investissement Capzanine rachète la société Hexaform.",
        [("acquisition", {"Capzanine": "acquirer", "Hexaform": "target"}, None, "stated")],
    ),
    (
        "commande-still-an-order",
        "Kapta a passé une commande de 300 camions auprès de Renault Trucks.",
        [("contract", {"Kapta": "buyer", "Renault Trucks": "supplier"}, None, "stated")],
    ),
    # ------------------------------------- joining a round: an investor
    (
        "participe-au-tour",
        "Bpifrance participe au tour de table de la biotech Dermagen.",
        [("funding", {"Bpifrance": "investor", "Dermagen": "target"}, None, "stated")],
    ),
    (
        "a-participe-a-la-levee",
        "Le fonds Elaia a également participé à la levée de fonds de Wavely.",
        [("funding", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    ("neg-participe-no-target", "Le Crédit Agricole Languedoc participe au financement.", []),
    # ------------------------------------- talks: their parties, hedged
    (
        "talks-entre-fusion-failed",
        "Les discussions entre Ferlane et Oxymat en vue d'une fusion ont échoué.",
        [("acquisition", {"Ferlane": "acquirer", "Oxymat": "target"}, None, "hedged")],
    ),
    (
        "talks-avec-son-rachat",
        "Vitalis a entamé des négociations avec Datapix en vue de son rachat.",
        [("acquisition", {"Vitalis": "acquirer", "Datapix": "target"}, None, "hedged")],
    ),
    (
        "talks-copula-partenariat",
        "Vitalis est en discussions avec Datapix pour un partenariat dans le cloud.",
        [("partnership", {"Vitalis": "partner", "Datapix": "partner"}, None, "hedged")],
    ),
    (
        "talks-object-of-leading-verb",
        "Vitalis mène des pourparlers avec Oxymat pour une fusion.",
        [("acquisition", {"Vitalis": "acquirer", "Oxymat": "target"}, None, "hedged")],
    ),
    (
        "talks-before-a-done-deal",
        "Vitalis a racheté Datapix après six mois de négociations.",
        [("acquisition", {"Vitalis": "acquirer", "Datapix": "target"}, None, "stated")],
    ),
    (
        "neg-talks-no-deal-noun",
        "Les négociations entre Vitalis et les syndicats sur les salaires se poursuivent.",
        [],
    ),
    # ------------------------------------------- holdings told as an attribute
    (
        "actionnaire-reste",
        "Présent depuis la création, le fonds Elaia reste actionnaire de Wavely.",
        [("investment", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    (
        "actionnaire-apposed",
        "Le fonds Elaia, actionnaire de Wavely depuis 2019, a cédé ses titres.",
        [("investment", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    (
        "actionnaire-copula-percent",
        "Le fonds Elaia est actionnaire à 20 % de Wavely.",
        [("investment", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    (
        "actionnaire-majoritaire",
        "Elaia est l'actionnaire majoritaire de Wavely.",
        [("investment", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    (
        "actionnaire-devenu",
        "Le fonds Elaia est devenu actionnaire de Wavely en 2021.",
        [("investment", {"Elaia": "investor", "Wavely": "target"}, None, "stated")],
    ),
    ("neg-actionnaire-no-target", "Le fonds Elaia est un actionnaire exigeant.", []),
    ("neg-actionnaire-no-holder", "L'actionnaire de Wavely a démenti toute cession.", []),
    ("neg-reste-leader", "Le groupe Kelio reste leader du marché.", []),
]

XFAIL = {
    "acquerir": UPSTREAM_ORGS,  # « Run:ai » cut to « Run »
}
# Known gaps of the deals component itself: strict, so a fix is noticed.
OWN_GAPS = {}


@pytest.mark.parametrize(("text", "expected"), list(case_params(CASES, OWN_GAPS, XFAIL)))
def test_deals(rules_nlp, text: str, expected: list[tuple]) -> None:
    assert_deals(rules_nlp(text)._.deals, expected)


def test_idioms_are_read_as_the_tokenizer_cuts_them(nlp):
    """« fonds d'investissement » is three tokens: the idiom must be stored so."""
    idioms = nlp.get_pipe("aiextract_deals").idioms
    assert (("fonds", "d'"), ()) in idioms["investissement"]
    assert ((), ("le", "voile")) in idioms["lever"]
