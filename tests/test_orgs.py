"""Organisations and people through the real pipeline: one sentence per case.

Each case gives the canonical organisation and person names expected in
``doc._.orgs`` and ``doc._.people`` (compared as sets). Sentences are written for
these tests, in the style of French business news; the companies with invented
names (Nexalis, Quantiq, Payflow...) are unknown to the gazetteer on purpose.
"""

from __future__ import annotations

import pytest

X = pytest.mark.xfail(strict=True)

# (id, text, orgs, people)
CASES = [
    # --- gazetteer names the model mislabels or misses
    (
        "openai-misc",
        "OpenAI a présenté mardi un nouveau modèle de raisonnement.",
        {"OpenAI"},
        set(),
    ),
    (
        "softbank-misc",
        "SoftBank prévoit d'injecter plusieurs milliards dans la robotique.",
        {"SoftBank"},
        set(),
    ),
    ("xai-loc", "xAI a levé des fonds auprès de plusieurs investisseurs du Golfe.", {"xAI"}, set()),
    (
        "elision-apostrophe",
        "Les dirigeants d'OpenAI ont rencontré ceux d'Anthropic.",
        {"OpenAI", "Anthropic"},
        set(),
    ),
    (
        "elision-curly",
        "La valorisation d’OpenAI dépasse désormais celle d’Uber.",
        {"OpenAI", "Uber"},
        set(),
    ),
    ("elision-l", "L’offre de l’OpenAI chancelante a surpris le secteur.", {"OpenAI"}, set()),
    ("mgx-acronym", "Le fonds émirati MGX participe au tour de table.", {"MGX"}, set()),
    (
        "amd-acronym",
        "AMD et Nvidia se disputent le marché des accélérateurs.",
        {"AMD", "Nvidia"},
        set(),
    ),
    ("alias-bpi", "BPI France accompagne la jeune pousse depuis 2021.", {"BPI France"}, set()),
    (
        "alias-caisse",
        "La Caisse des dépôts entre au capital du projet.",
        {"Caisse des Dépôts"},
        set(),
    ),
    (
        "banks",
        "BNP Paribas et Société Générale ont arrangé le prêt.",
        {"BNP Paribas", "Société Générale"},
        set(),
    ),
    (
        "public-bodies",
        "L'Autorité de la concurrence et la CNIL ont ouvert une enquête.",
        {"Autorité de la concurrence", "CNIL"},
        set(),
    ),
    (
        "ministry",
        "Le ministère de l'Économie a salué l'opération.",
        {"Ministère de l'Économie"},
        set(),
    ),
    (
        "central-bank",
        "La Banque centrale européenne a maintenu ses taux.",
        {"Banque centrale européenne"},
        set(),
    ),
    (
        "media-source",
        "Selon le Wall Street Journal, Apple négocie avec Anthropic.",
        {"Wall Street Journal", "Apple", "Anthropic"},
        set(),
    ),
    (
        "media-french",
        "Les Échos rapportent que Capgemini prépare une acquisition.",
        {"Les Échos", "Capgemini"},
        set(),
    ),
    (
        "nyt",
        "Le New York Times poursuit OpenAI pour violation du droit d'auteur.",
        {"New York Times", "OpenAI"},
        set(),
    ),
    (
        "university",
        "Des chercheurs de Stanford et du MIT ont publié l'étude.",
        {"Stanford", "MIT"},
        set(),
    ),
    ("law-firm", "Le cabinet Bredin Prat a conseillé l'acheteur.", {"Bredin Prat"}, set()),
    (
        "vc-funds",
        "Sequoia Capital et Andreessen Horowitz mènent le tour.",
        {"Sequoia Capital", "Andreessen Horowitz"},
        set(),
    ),
    ("french-vc", "Partech et Eurazeo ont investi dans la fintech.", {"Partech", "Eurazeo"}, set()),
    ("sovereign", "Mubadala et le PIF saoudien financent le campus.", {"Mubadala", "PIF"}, set()),
    (
        "alphabet-google-distinct",
        "Alphabet, maison mère de Google, publie ses résultats.",
        {"Alphabet", "Google"},
        set(),
    ),
    ("meta-facebook-distinct", "Meta a rebaptisé Facebook en 2021.", {"Meta", "Facebook"}, set()),
    (
        "mistral-fullest",
        "Mistral AI lève 600 millions d'euros. Mistral vise l'Amérique.",
        {"Mistral AI"},
        set(),
    ),
    (
        "elided-medium-not-in-lower-case",
        "Kelvia accélère l'expansion de son réseau en Espagne.",
        {"Kelvia"},
        set(),
    ),
    ("mistral-short", "Mistral a dévoilé un modèle compact.", {"Mistral"}, set()),
    (
        "inflection-per",
        "Microsoft a recruté des talents chez Inflection AI.",
        {"Microsoft", "Inflection AI"},
        set(),
    ),
    (
        "deepmind",
        "Google DeepMind a recruté des chercheurs de Meta.",
        {"Google DeepMind", "Meta"},
        set(),
    ),
    (
        "hugging-face",
        "Hugging Face s'associe à Amazon pour héberger des modèles.",
        {"Hugging Face", "Amazon"},
        set(),
    ),
    ("coreweave", "CoreWeave a signé un contrat avec OpenAI.", {"CoreWeave", "OpenAI"}, set()),
    (
        "french-corp",
        "TotalEnergies et EDF investissent dans le nucléaire.",
        {"TotalEnergies", "EDF"},
        set(),
    ),
    (
        "orange-company",
        "Orange a annoncé un partenariat avec Mistral AI.",
        {"Orange", "Mistral AI"},
        set(),
    ),
    (
        "glued-microsoft",
        "ils pourraient rejoindre MicrosoftLes salariés ont signé une lettre.",
        {"Microsoft"},
        set(),
    ),
    (
        "glued-known-elsewhere",
        "La startup Quantiq recrute. Ils rejoignent QuantiqDes ingénieurs suivent.",
        {"Quantiq"},
        set(),
    ),
    (
        "lost-apostrophe",
        "Microsoft nest plus le fournisseur exclusif dOpenAI Innovationsfr",
        {"Microsoft", "OpenAI"},
        set(),
    ),
    # --- context cues for unknown names
    ("cue-societe", "La société Nexalis a été fondée à Lyon en 2019.", {"Nexalis"}, set()),
    (
        "cue-startup-adj",
        "La start-up bordelaise Payflow lève 12 millions d'euros.",
        {"Payflow"},
        set(),
    ),
    ("cue-startup-ia", "La start-up d'IA Kortexa ouvre un bureau à Paris.", {"Kortexa"}, set()),
    (
        "cue-jeune-pousse",
        "La jeune pousse Quantiq a séduit plusieurs business angels.",
        {"Quantiq"},
        set(),
    ),
    ("cue-fonds", "Le fonds Brume Capital a mené l'opération.", {"Brume Capital"}, set()),
    (
        "cue-fonds-adj",
        "Le fonds souverain Norvik investit dans les semi-conducteurs.",
        {"Norvik"},
        set(),
    ),
    ("cue-banque", "La banque Veltra a accordé un prêt de 5 millions.", {"Veltra"}, set()),
    ("cue-groupe", "Le groupe Daltec rachète son concurrent italien.", {"Daltec"}, set()),
    ("cue-acronym", "La société SROQ développe des capteurs industriels.", {"SROQ"}, set()),
    (
        "cue-lowercase-first",
        "La start-up eNovia a signé avec Renault.",
        {"eNovia", "Renault"},
        set(),
    ),
    (
        "cue-apposition",
        "Velorix, une start-up nantaise, lève 3 millions d'euros.",
        {"Velorix"},
        set(),
    ),
    ("cue-basee", "Silvara, basée à Toulouse, fabrique des drones.", {"Silvara"}, set()),
    ("cue-fintech", "La fintech Monevo a obtenu son agrément.", {"Monevo"}, set()),
    ("cue-editeur", "L'éditeur de logiciels Vantiq est racheté.", {"Vantiq"}, set()),
    ("suffix-capital", "Kyber Capital a participé au tour de table.", {"Kyber Capital"}, set()),
    ("suffix-labs", "Orbital Labs prépare son introduction en Bourse.", {"Orbital Labs"}, set()),
    ("suffix-ventures", "Northwind Ventures mène une série A.", {"Northwind Ventures"}, set()),
    (
        "suffix-ai",  # the fullest name the article uses (GUIDELINES, orgs)
        "Poolside AI et Kyutai travaillent sur le code.",
        {"Poolside AI", "Kyutai"},
        set(),
    ),
    (
        "suffix-sas",
        "Les actionnaires de Fermatic SAS ont approuvé la fusion.",
        {"Fermatic SAS"},
        set(),
    ),
    (
        "canonical-unknown",
        "Nexalis Group rachète Quantiq. Nexalis paiera en numéraire.",
        {"Nexalis Group", "Quantiq"},
        set(),
    ),
    # --- people
    (
        "people-basic",
        "Sam Altman a rencontré Satya Nadella à Redmond.",
        set(),
        {"Sam Altman", "Satya Nadella"},
    ),
    (
        "people-surname",
        "Elon Musk a critiqué OpenAI. Musk réclame des comptes.",
        {"OpenAI"},
        {"Elon Musk"},
    ),
    (
        "people-title",
        "Sam Altman est revenu. M. Altman a remercié les salariés.",
        set(),
        {"Sam Altman"},
    ),
    (
        "people-title-mme",
        "Mme Lagarde a présidé la réunion de la BCE.",
        {"BCE"},
        {"Lagarde"},
    ),
    (
        "people-firstname",
        "Sam Altman dirige OpenAI ; selon Sam, l'accord tiendra.",
        {"OpenAI"},
        {"Sam Altman"},
    ),
    (
        "people-ceo",
        "Larry Fink, PDG de BlackRock, a salué l'accord.",
        {"BlackRock"},
        {"Larry Fink"},
    ),
    (
        "people-handle",
        "Ilya Sutskever (@ilyasut) a présenté ses excuses.",
        set(),
        {"Ilya Sutskever"},
    ),
    (
        "people-french",
        "Arthur Mensch, cofondateur de Mistral AI, a répondu.",
        {"Mistral AI"},
        {"Arthur Mensch"},
    ),
    (
        "people-particle",
        "Xavier Niel et Rodolphe Saadé soutiennent Kyutai.",
        {"Kyutai"},
        {"Xavier Niel", "Rodolphe Saadé"},
    ),
    (
        "people-minister",
        "Bruno Le Maire a reçu les dirigeants de Nvidia à Bercy.",
        {"Nvidia", "Bercy"},
        {"Bruno Le Maire"},
    ),
    (
        "people-two-surnames",
        "Greg Brockman et Sam Altman rejoignent Microsoft. Brockman et Altman partent.",
        {"Microsoft"},
        {"Greg Brockman", "Sam Altman"},
    ),
    (
        "people-byline",
        "Par Julie Martin\nLa start-up Quantiq lève des fonds.",
        {"Quantiq"},
        {"Julie Martin"},
    ),
    (
        "people-investor-cue",
        "L'investisseur Xavier Niel mise sur la robotique.",
        set(),
        {"Xavier Niel"},
    ),
    ("people-not-redmond", "Le géant de Redmond a publié ses comptes.", set(), set()),
    ("people-not-cupertino", "La firme de Cupertino prépare un nouvel iPhone.", set(), set()),
    # --- products, models and services are not organisations
    ("product-chatgpt", "ChatGPT compte 400 millions d'utilisateurs chaque semaine.", set(), set()),
    ("product-gpt4", "GPT-4 a été entraîné sur des milliers de GPU.", set(), set()),
    (
        "product-azure",
        "Microsoft loue des serveurs Azure à OpenAI.",
        {"Microsoft", "OpenAI"},
        set(),
    ),
    ("product-azure-alone", "Le cloud Azure héberge désormais ces modèles.", set(), set()),
    ("product-grok", "Le chatbot Grok est intégré à la plateforme X.", set(), set()),
    (
        "product-office",
        "Microsoft intègre Copilot dans Office, Windows et Teams.",
        {"Microsoft"},
        set(),
    ),
    ("product-bing", "Bing a gagné des parts de marché grâce à l'IA.", set(), set()),
    ("product-gemini", "Google a lancé Gemini 2.0 pour concurrencer ChatGPT.", {"Google"}, set()),
    ("product-aws", "AWS propose les modèles de Mistral AI.", {"Mistral AI"}, set()),
    ("product-sora", "Sora génère des vidéos à partir de texte.", set(), set()),
    ("product-claude", "Anthropic a mis à jour Claude.", {"Anthropic"}, set()),
    ("product-llama", "Meta publie Llama 3 en accès libre.", {"Meta"}, set()),
    # --- projects, places, events, partnerships
    (
        "project-stargate",
        "Le projet Stargate prévoit 500 milliards d'investissements.",
        set(),
        set(),
    ),
    ("project-colossus", "Le supercalculateur Colossus est installé à Memphis.", set(), set()),
    ("place-emirats", "Le fonds est basé aux Émirats et investit aux États-Unis.", set(), set()),
    (
        "event-ignite",
        "Lors de la conférence Ignite, Microsoft a présenté ses puces.",
        {"Microsoft"},
        set(),
    ),
    ("event-vivatech", "Au salon VivaTech, Nvidia a fait sensation.", {"Nvidia"}, set()),
    (
        "partnership-name",
        "Le AI Infrastructure Partnership (AIP) réunit BlackRock et Microsoft.",
        {"BlackRock", "Microsoft"},
        set(),
    ),
    ("acronym-definition", "La propriété intellectuelle (PI) est au cœur du litige.", set(), set()),
    (
        "acronym-org-definition",
        "La Banque publique d'investissement (BPI) soutient le projet.",
        {"Banque publique d'investissement"},
        set(),
    ),
    # --- X: medium or company
    ("x-medium", "Il s'est exprimé sur X pour présenter ses excuses.", set(), set()),
    (
        "x-medium-depuis",
        "Des messages publiés depuis X ont circulé toute la journée.",
        set(),
        set(),
    ),
    ("x-valued", "X a été valorisée 9,4 milliards de dollars lors de l'opération.", {"X"}, set()),
    ("x-bought", "Le rachat de X par xAI a surpris les investisseurs.", {"X", "xAI"}, set()),
    # --- generic acronyms, section titles and boilerplate
    ("acronyms-generic", "Les LLM et l'AGI inquiètent les PDG interrogés.", set(), set()),
    ("acronym-ia", "L'IA générative transforme les API des éditeurs.", set(), set()),
    (
        "money-unit",
        "Déjà plus de 300 Md$ pour Kiplo et 180 Md$ pour Ventora, et 2 M€ pour Lumeo.",
        {"Kiplo", "Ventora", "Lumeo"},
        set(),
    ),
    (
        "civility-title",
        "Sud Conseil est détenue par Monsieur Paul Martin et Madame Claire Petit.",
        {"Sud Conseil"},
        {"Paul Martin", "Claire Petit"},
    ),
    (
        "acronym-ssii-esn",
        "La SSII Kelvia recrute à Lyon. Les ESN comme Quibix peinent à embaucher.",
        {"Kelvia", "Quibix"},
        set(),
    ),
    ("section-title", "Conclusion : la course à l'IA ne fait que commencer.", set(), set()),
    ("verb-title", "Orchestrer l'IA avec des agents autonomes", set(), set()),
    (
        "boiler-lorem",
        "Alienum phaedrum torquatos nec eu, vis detraxit periculis ex, nihil mei.",
        set(),
        set(),
    ),
    (
        "boiler-follow",
        "Facebook followers\nFollow Me\nYoutube Subscribers\nSubscribe Me",
        set(),
        set(),
    ),
    ("boiler-counter", "instagram\n3.4M+\nInstagram Followers", set(), set()),
    (
        "boiler-breadcrumb",
        "Accueil - Technologies - Intelligence Artificielle - Tout savoir",
        set(),
        set(),
    ),
    ("boiler-share", "Partager:\nAjouter Un Commentaire\nChercher", set(), set()),
    (
        "breadcrumb-then-article-on-one-line",  # a page stored as one long line
        "Accueil > Économie > Entreprises Le groupe nantais Dorvane annonce le rachat de la "
        "société Ombrelle, un éditeur de logiciels de paie fondé en 2009, pour un montant qui "
        "n'a pas été communiqué. L'opération doit permettre à Dorvane de compléter son offre "
        "auprès des collectivités locales et des établissements de santé, où Ombrelle compte "
        "déjà plusieurs centaines de clients.",
        {"Dorvane", "Ombrelle"},
        set(),
    ),
    (
        "boiler-keeps-article",
        "Partager:\nLa société Nexalis a annoncé un accord avec Orange.",
        {"Nexalis", "Orange"},
        set(),
    ),
    ("medium-account", "Créez un compte sur NEURA KING pour tester la solution.", set(), set()),
    (
        "no-entities",
        "Les entreprises investissent massivement dans les centres de données.",
        set(),
        set(),
    ),
    # --- mixed sentences
    (
        "mixed-deal",
        "Microsoft, en collaboration avec BlackRock, annonce un partenariat avec xAI, "
        "la start-up fondée par Elon Musk.",
        {"Microsoft", "BlackRock", "xAI"},
        {"Elon Musk"},
    ),
    (
        "mixed-oracle",
        "OpenAI a signé un accord de 10 milliards avec Oracle et SoftBank.",
        {"OpenAI", "Oracle", "SoftBank"},
        set(),
    ),
    (
        "mixed-typo-nbsp",
        "Selon\u00a0Reuters, Nvidia investit dans xAI.",
        {"Reuters", "Nvidia", "xAI"},
        set(),
    ),
    (
        "mixed-quotes",
        "« Nous croyons en Mistral AI », a déclaré Cédric O.",
        {"Mistral AI"},
        {"Cédric O"},
    ),
    (
        "mixed-hire",
        "Mustafa Suleyman quitte Inflection AI pour rejoindre Microsoft.",
        {"Inflection AI", "Microsoft"},
        {"Mustafa Suleyman"},
    ),
    (
        "mixed-french-public",
        "Bpifrance et la Caisse des Dépôts soutiennent Pasqal.",
        {"Bpifrance", "Caisse des Dépôts", "Pasqal"},
        set(),
    ),
    (
        "mixed-telecom",
        "Iliad, la maison mère de Free, investit dans l'IA avec Scaleway.",
        {"Iliad", "Scaleway"},
        set(),
    ),
    (
        "mixed-chip",
        "TSMC produira les puces d'Apple et de Qualcomm en Arizona.",
        {"TSMC", "Apple", "Qualcomm"},
        set(),
    ),
    (
        "mixed-gov",
        "L'Élysée et Matignon ont réuni les patrons de Capgemini et d'Atos.",
        {"Élysée", "Matignon", "Capgemini", "Atos"},
        set(),
    ),
    (
        "mixed-amazon-anthropic",
        "Amazon a porté à 8 milliards sa participation dans Anthropic.",
        {"Amazon", "Anthropic"},
        set(),
    ),
    # an amount after a name, the verb left out, is no part of the name
    (
        "amount-after-name-words",
        "Kelvin Partners a investi 300 millions de dollars, le fonds Quibix Capital "
        "450 millions de dollars et Lumeo 100 millions de dollars.",
        {"Kelvin Partners", "Quibix Capital", "Lumeo"},
        set(),
    ),
    (
        "amount-after-name-sign",
        "Kelvin Partners a mis 30 M€ et le fonds Quibix Capital 3 M€.",
        {"Kelvin Partners", "Quibix Capital"},
        set(),
    ),
    (
        "number-in-name",
        "La société Ventora 2 a été rachetée par Lumeo.",
        {"Ventora 2", "Lumeo"},
        set(),
    ),
    # a car model after its body type is a product
    (
        "car-models",
        "Au salon, Kelvia expose sa berline Orvane et sa citadine Lumeo Zest.",
        {"Kelvia"},
        set(),
    ),
    # a person whose surname is also a company's name: the recogniser cuts it in two
    (
        "surname-of-a-company",
        "Le fonds Kelvin Partners a repris en 2001 les titres que possédait Vincent Bolloré.",
        {"Kelvin Partners"},
        {"Vincent Bolloré"},
    ),
    (
        "surname-of-a-company-and-the-company",
        "Thierry Bolloré quitte Lumeo ; le groupe Bolloré ne commente pas.",
        {"Lumeo", "Bolloré"},
        {"Thierry Bolloré"},
    ),
]


@pytest.mark.parametrize(
    ("text", "orgs", "people"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_orgs_and_people(nlp, text, orgs, people):
    doc = nlp(text)
    assert (set(doc._.orgs), set(doc._.people)) == (orgs, people)


def test_case_count():
    assert len(CASES) >= 100
    assert len({c[0] for c in CASES}) == len(CASES)
