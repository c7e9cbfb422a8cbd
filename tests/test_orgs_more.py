"""More organisations and people: longer, messier sentences and paragraphs.

Written for these tests; invented company names are unknown to the gazetteer.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from aiextract.components.orgs.decide import rejoin_split_people

X = pytest.mark.xfail(strict=True)

CASES = [
    (
        "para-funding",
        "La start-up parisienne Lumenia a bouclé une levée de 40 millions d'euros. Le tour est "
        "mené par Balderton Capital, avec la participation de Bpifrance. Lumenia, fondée par "
        "Claire Dubois et Marc Petit, emploie 80 personnes. Mme Dubois vise l'Allemagne.",
        {"Lumenia", "Balderton Capital", "Bpifrance"},
        {"Claire Dubois", "Marc Petit"},
    ),
    (
        "para-acquisition",
        "Capgemini a finalisé le rachat de Syntelia, un éditeur lyonnais. Aiman Ezzat, directeur "
        "général de Capgemini, évoque une opération stratégique. Ezzat n'a pas donné de prix.",
        {"Capgemini", "Syntelia"},
        {"Aiman Ezzat"},
    ),
    (
        "para-hire",
        "Google a débauché Noam Shazeer, cofondateur de Character.AI. M. Shazeer rejoint "
        "l'équipe Gemini de Google DeepMind.",
        {"Google", "Character.AI", "Google DeepMind"},
        {"Noam Shazeer"},
    ),
    (
        "para-public",
        "L'État, via l'Agence des participations de l'État, détient 23 % de Renault. "
        "Bercy n'a pas commenté.",
        {"État", "Agence des participations de l'État", "Renault", "Bercy"},
        set(),
    ),
    (
        "para-cloud",
        "OpenAI s'appuiera sur Google Cloud et sur Oracle Cloud en plus d'Azure. "
        "Microsoft garde un droit de premier refus.",
        {"OpenAI", "Microsoft"},
        set(),
    ),
    (
        "para-media",
        "D'après Bloomberg et The Information, Safe Superintelligence serait valorisée "
        "30 milliards. Ilya Sutskever n'a pas souhaité commenter.",
        {"Bloomberg", "The Information", "Safe Superintelligence"},
        {"Ilya Sutskever"},
    ),
    (
        "para-x-both",
        "Elon Musk a annoncé sur X la fusion de xAI et de X. La nouvelle entité est valorisée "
        "113 milliards.",
        {"xAI", "X"},
        {"Elon Musk"},
    ),
    (
        "para-boilerplate-tail",
        "Nvidia a dépassé les 4 000 milliards de capitalisation.\nPartager:\nfacebook\n2.1M+\n"
        "Facebook followers\nFollow Me\nLorem ipsum dolor sit amet, consectetur adipiscing elit.",
        {"Nvidia"},
        set(),
    ),
    (
        "para-cookie",
        "Ce site utilise des cookies pour améliorer votre navigation. Accepter\n"
        "Mistral AI signe avec Stellantis.",
        {"Mistral AI", "Stellantis"},
        set(),
    ),
    (
        "para-caps-title",
        "ENTRETIEN AVEC JENSEN HUANG\nLe patron de Nvidia défend ses marges.",
        {"Nvidia"},
        {"Jensen Huang"},
    ),
    (
        "sentence-investors-list",
        "Le tour de table réunit Accel, Index Ventures, Kima Ventures et Xavier Niel.",
        {"Accel", "Index Ventures", "Kima Ventures"},
        {"Xavier Niel"},
    ),
    (
        "sentence-law-firm",
        "Darrois Villey conseille le vendeur, Latham & Watkins l'acquéreur.",
        {"Darrois Villey", "Latham & Watkins"},
        set(),
    ),
    (
        "ambiguous-listed-with-company",
        "Orange et Free étudient un partage de leurs antennes.",
        {"Orange", "Free"},
        set(),
    ),
    (
        "two-ambiguous-names-listed-together",
        "Les mots Free et Casino figurent sur l'affiche de Nexora.",
        {"Nexora"},
        set(),
    ),
    (
        "ambiguous-company-written-twice-mid-sentence",
        "Nexora rachète douze entrepôts de Casino, et les équipes de Casino suivront.",
        {"Nexora", "Casino"},
        set(),
    ),
    (
        "ambiguous-company-once-mid-sentence",
        "Nexora a ouvert un restaurant à côté du Casino municipal.",
        {"Nexora"},
        set(),
    ),
    (
        "ambiguous-company-twice-after-place-prepositions",
        "Nexora a ouvert un bureau à Casino. Kelvia en a ouvert un autre près Casino.",
        {"Nexora", "Kelvia"},
        set(),
    ),
    (
        "stock-exchange-repeated-is-no-company",
        "Les sociétés Nexora et Ombelle ont rejoint Euronext Growth. "
        "Elles quittent Euronext Access.",
        {"Nexora", "Ombelle"},
        set(),
    ),
    (
        "apposed-cue-after-a-parenthesis",
        "Kelvia cède le premier rang à Patagonia (6,2 %), la société d'investissement d'une "
        "famille lyonnaise.",
        {"Kelvia", "Patagonia"},
        set(),
    ),
    (
        "function-word-is-no-name",
        "Entre--, la direction générale de Nexora revient à Paul Verdier.",
        {"Nexora"},
        {"Paul Verdier"},
    ),
    (
        "ambiguous-medium-cited-as-source",
        "Kelvia cède sa filiale Ardor, comme l'a révélé Challenges mardi.",
        {"Kelvia", "Ardor", "Challenges"},
        set(),
    ),
    (
        "ambiguous-medium-as-a-word",
        "Kelvia relève trois Challenges industriels en 2025.",
        {"Kelvia"},
        set(),
    ),
    (
        "lowercase-ministry",
        "Le ministère de la Santé a confié à Kelvia la refonte de ses registres.",
        {"ministère de la Santé", "Kelvia"},
        set(),
    ),
    (
        "lowercase-city-acting",
        "La ville de Quimper a retenu Nexora pour ses navettes électriques.",
        {"ville de Quimper", "Nexora"},
        set(),
    ),
    (
        "lowercase-city-as-place",
        "Nexora ouvre un atelier dans la ville de Quimper.",
        {"Nexora"},
        set(),
    ),
    (
        "sentence-universities",
        "L'université Paris-Saclay et Inria ouvrent un laboratoire commun.",
        {"Université Paris-Saclay", "Inria"},
        set(),
    ),
    (
        "sentence-central-banks",
        "La Fed et la Banque de France surveillent les risques liés à l'IA.",
        {"Fed", "Banque de France"},
        set(),
    ),
    (
        "sentence-suffix-inc",
        "Helios Robotics Inc. a déposé son dossier d'introduction en Bourse.",
        {"Helios Robotics Inc."},
        set(),
    ),
    (
        "sentence-ministry-lower",
        "Le ministère des Armées a commandé des drones à Helsing.",
        {"Ministère des Armées", "Helsing"},
        set(),
    ),
    (
        "sentence-dr-title",
        "Le Dr Yann LeCun, chercheur chez Meta, critique les LLM.",
        {"Meta"},
        {"Yann LeCun"},
    ),
    (
        "sentence-nested-people",
        "Demis Hassabis et Lisa Su ont débattu. Hassabis a cité AMD et Lisa Su a souri.",
        {"AMD"},
        {"Demis Hassabis", "Lisa Su"},
    ),
    (
        "sentence-same-surname",
        "Larry Page et Jimmy Page n'ont aucun lien. Page a fondé Google.",
        {"Google"},
        {"Larry Page", "Jimmy Page", "Page"},
    ),
    (
        "sentence-product-maker",
        "Grâce à Copilot et à Azure OpenAI, Microsoft gagne des clients.",
        {"Microsoft"},
        set(),
    ),
    ("sentence-starlink", "Starlink, filiale de SpaceX, équipe les navires.", {"SpaceX"}, set()),
    (
        "sentence-aws-unit",
        "Amazon Web Services a signé un contrat avec Anthropic.",
        {"Anthropic"},
        set(),
    ),
    (
        "sentence-apple-intel",
        "Apple Intelligence arrive en France cet automne, a indiqué Apple.",
        {"Apple"},
        set(),
    ),
    (
        "sentence-lowercase-cue",
        "la société eFluxa, spécialiste du stockage, recrute.",
        {"eFluxa"},
        set(),
    ),
    (
        "sentence-chez-cue",
        "Elle a passé dix ans chez Dataiku avant de rejoindre Owkin.",
        {"Dataiku", "Owkin"},
        set(),
    ),
    (
        "sentence-abbrev-paren",
        "Le Fonds monétaire international (FMI) révise ses prévisions.",
        {"Fonds monétaire international"},
        set(),
    ),
    (
        "sentence-unknown-acronym-paren",
        "La société Génération Numérique Avancée (GNA) ouvre un site.",
        {"Génération Numérique Avancée"},
        set(),
    ),
    ("sentence-event-wwdc", "À la WWDC, Apple a dévoilé ses modèles locaux.", {"Apple"}, set()),
    (
        "sentence-no-org-lowercase",
        "les géants de la tech et les fonds souverains se disputent les puces.",
        set(),
        set(),
    ),
    (
        "sentence-place-silicon",
        "Dans la Silicon Valley, les start-up recrutent à nouveau.",
        set(),
        set(),
    ),
    (
        "sentence-sommet",
        "Le Sommet pour l'action sur l'IA s'est tenu au Grand Palais.",
        set(),
        set(),
    ),
    (
        "sentence-curly-elision-people",
        "L’entretien d’Emmanuel Macron avec Sundar Pichai a porté sur l’IA.",
        set(),
        {"Emmanuel Macron", "Sundar Pichai"},
    ),
    (
        "sentence-journalist-byline",
        "Par Thomas Leroy, le 3 mars 2025\nScaleway ouvre un centre de données.",
        {"Scaleway"},
        {"Thomas Leroy"},
    ),
    ("sentence-ambiguous-alan", "Alan Turing aurait apprécié ChatGPT.", set(), {"Alan Turing"}),
    ("sentence-alan-company", "L'assureur Alan lève 173 millions d'euros.", {"Alan"}, set()),
    (
        "sentence-two-unknown-cues",
        "Le groupe Ventis a racheté la start-up Ombrelle pour 20 millions.",
        {"Ventis", "Ombrelle"},
        set(),
    ),
    (
        "sentence-uppercase-name",
        "MICROSOFT ET OPENAI RENÉGOCIENT LEUR ACCORD",
        {"Microsoft", "OpenAI"},
        set(),
    ),
    ("sentence-tweet-handle", "« Nous sommes prêts », a écrit @sama sur X.", set(), set()),
    ("sentence-sncf", "La SNCF et la RATP testent des assistants d'IA.", {"SNCF", "RATP"}, set()),
    (
        "sentence-gpt5",
        "GPT-5 et o3 seront disponibles pour les clients de ChatGPT Plus.",
        set(),
        set(),
    ),
    (
        "copyright-line",
        "Alten reprend Worldgrid.\n© Tech Hebdo 2025 - Tous droits réservés",
        {"Alten", "Worldgrid"},
        set(),
    ),
    (
        "platform-medium",
        "La ministre s'est félicitée de l'opération sur LinkedIn.",
        set(),
        set(),
    ),
    (
        "platform-company",
        "Microsoft a racheté LinkedIn pour 26 milliards de dollars.",
        {"Microsoft", "LinkedIn"},
        set(),
    ),
    (
        "entity-runs-into-known-name",
        "Il s'exprimait à Station F. Jensen Huang, le patron de Nvidia, a salué l'équipe.",
        {"Station F", "Nvidia"},
        {"Jensen Huang"},
    ),
    (
        "site-cited",
        "Selon Finorama.com, la start-up Kelvia prépare une levée. Source : echosdunet.fr. "
        "Plus sur www.finorama.com/kelvia ou par courriel à redaction@kelvia.fr.",
        {"Finorama.com", "Kelvia", "echosdunet.fr"},
        set(),
    ),
    (
        "state-shareholder",
        "L'État détient 15 % de Renault via l'APE.",
        {"État", "Renault", "APE"},
        set(),
    ),
    (
        "state-title",
        "Le chef de l'État et le secrétaire d'État au numérique ont visité l'usine.",
        set(),
        set(),
    ),
    # A known acronym glued to an unknown one is half of a longer name (« HP » of AP-HP).
    (
        "acronym-compound",
        "La medtech Cardiolis a signé un contrat avec l'AP-HP.",
        {"Cardiolis", "AP-HP"},
        set(),
    ),
    (
        "acronym-alone",
        "HP et Dell se disputent le marché des PC en Europe.",
        {"HP", "Dell"},
        set(),
    ),
    (
        "acronym-spaced-dash",
        "HP - numéro deux mondial du secteur - a racheté la start-up Teradix.",
        {"HP", "Teradix"},
        set(),
    ),
    # A known organisation continued by the model's entity: a subsidiary's fuller name.
    (
        "subsidiary-fuller-name",
        "Le Crédit Mutuel Arkéa accompagne la start-up Kelvio.",
        {"Crédit Mutuel Arkéa", "Kelvio"},
        set(),
    ),
    (
        "subsidiary-after-preposition",
        "Kelvio a signé un contrat avec Orange Business pour son réseau.",
        {"Kelvio", "Orange Business"},
        set(),
    ),
    # A name cut in three tokens by its hyphen.
    (
        "hyphenated-name-after-cue",
        "La start-up marseillaise Algo-Mer a finalisé une série A menée par Breega.",
        {"Algo-Mer", "Breega"},
        set(),
    ),
    # An unknown name as the subject of a deal told through a modal or a deal noun.
    (
        "subject-of-modal-deal-verb",
        "Kelio pourrait racheter Datapix pour 40 millions d'euros.",
        {"Kelio", "Datapix"},
        set(),
    ),
    (
        "subject-of-deal-noun",
        "Kelio a finalisé l'acquisition de la société Datapix.",
        {"Kelio", "Datapix"},
        set(),
    ),
    (
        "first-name-subject-of-modal",
        "Marie pourrait racheter les parts de son associé.",
        set(),
        {"Marie"},
    ),
    (
        "acronym-two-known",
        "Le partenariat IBM-HP annoncé hier porte sur le cloud.",
        {"IBM", "HP"},
        set(),
    ),
    (
        "listed-with-companies-common-words",
        "Le fonds a acheté des actions de Danone, Orange, Marriott International et Cisco.",
        {"Danone", "Orange", "Marriott International", "Cisco"},
        set(),
    ),
    (
        "ministry-after-au",
        "Le contrat a été signé au ministère de la Santé.",
        {"ministère de la Santé"},
        set(),
    ),
    (
        "air-force-lower-case",
        "L'armée de l'air grecque a commandé six avions au constructeur Quibix.",
        {"armée de l'air", "Quibix"},
        set(),
    ),
    (
        "media-title-after-du",
        "Selon les informations du Journal du Dimanche, Quibix va racheter Lumeo.",
        {"Journal du Dimanche", "Quibix", "Lumeo"},
        set(),
    ),
    (
        "heading-word-written-lower-case-elsewhere",
        "Quibix rachète Lumeo.\nMedtech\nLe secteur medtech reste actif chez Quibix.",
        {"Quibix", "Lumeo"},
        set(),
    ),
    (
        "listed-with-companies-invented",
        "Le fonds a acheté des actions de Danone, Grand Hôtel International et Cisco.",
        {"Danone", "Grand Hôtel International", "Cisco"},
        set(),
    ),
    (
        "nationality-nouns-before-names",
        "Le Japonais Quibix rachète l'Allemand Lumeo. L'Américaine Kelvia Systems a suivi.",
        {"Quibix", "Lumeo", "Kelvia Systems"},
        set(),
    ),
    (
        "nationality-after-a-noun",
        "Lumeo fournit des antennes 5G à l'opérateur Chinois, Kiplo Telecom.",
        {"Lumeo", "Kiplo Telecom"},
        set(),
    ),
    (
        "a-country-named-like-its-nationality-stays",
        "La Suisse a signé un accord de libre-échange avec le Maroc.",
        {"Suisse", "Maroc"},
        set(),
    ),
]

XFAIL = {
    # The model tags « ENTRETIEN AVEC JENSEN HUANG » as one entity; all-caps lines are hard.
}


@pytest.mark.parametrize(
    ("text", "orgs", "people"),
    [pytest.param(*c[1:], id=c[0], marks=[X] if c[0] in XFAIL else []) for c in CASES],
)
def test_orgs_and_people_more(nlp, text, orgs, people):
    doc = nlp(text)
    assert (set(doc._.orgs), set(doc._.people)) == (orgs, people)


# A one-word name that the article never gives as a full person name is not a person.
# The model's PER label is forced, so the rule is tested whatever the model would say.
LONE_NAME_CASES = [
    (
        "lone-raises",
        "Fretly annonce une levée de fonds pour son logiciel.",
        "Fretly",
        "Fretly",
        None,
    ),
    ("lone-partner", "Le transporteur Cargonia s'associe à Vialto.", "Cargonia", "Cargonia", None),
    (
        "surname-after-full-name",
        "Julie Marchand dirige la filiale. Marchand vise l'Espagne.",
        "Marchand",
        None,
        "Julie Marchand",
    ),
    ("surname-after-title", "M. Garnier a quitté la banque en mars.", "Garnier", None, "Garnier"),
    (
        "shared-surname",
        "Larry Page et Jimmy Page n'ont aucun lien. Page a fondé une société.",
        "Page",
        None,
        "Page",
    ),
    ("first-name-alone", "Sam a répondu aux questions des salariés.", "Sam", None, "Sam"),
]


@pytest.mark.parametrize(
    ("text", "word", "org", "person"), [pytest.param(*c[1:], id=c[0]) for c in LONE_NAME_CASES]
)
def test_lone_one_word_person_names(nlp, text, word, org, person):
    doc = nlp.make_doc(text)
    ents = []
    for full in ("Julie Marchand", "Larry Page", "Jimmy Page"):
        start = text.find(full)
        if start >= 0:
            ents.append(doc.char_span(start, start + len(full), "PER"))
    start = text.rfind(word)
    ents.append(doc.char_span(start, start + len(word), "PER"))
    doc.ents = [e for e in ents if e is not None]
    doc = nlp.get_pipe("aiextract_orgs")(doc)
    if org:
        assert org in doc._.orgs and org not in doc._.people
    if person:
        assert person in doc._.people and word not in doc._.orgs


def _orgs_with_forced_org(nlp, annotate_until, text: str, start: int, end: int):
    """``text`` through the model's pipes, the model's entities replaced by one ORG over
    ``text[start:end]``, then through aiextract_orgs."""
    doc = annotate_until(text, "aiextract_orgs")
    doc.ents = [doc.char_span(start, end, "ORG")]
    return nlp.get_pipe("aiextract_orgs")(doc)


def test_model_entity_over_a_clause_stops_before_the_verb(nlp, annotate_until):
    """« Kordis vise ... d'affaires » forced as one ORG: the name is « Kordis » alone, and
    its other mention keeps that name."""
    text = "Kordis vise 50 millions d'euros de chiffre d'affaires. Kordis recrute."
    end = text.index(" d'affaires") + len(" d'affaires")
    doc = _orgs_with_forced_org(nlp, annotate_until, text, 0, end)
    assert set(doc._.orgs) == {"Kordis"}


def test_model_entity_over_a_possessive_phrase_stops_at_its_first_small_word(nlp, annotate_until):
    """« Biotop pour la maintenance de ses trains » forced as one ORG: the name is
    « Biotop »."""
    text = "La SNCF a retenu Biotop pour la maintenance de ses trains."
    doc = _orgs_with_forced_org(nlp, annotate_until, text, text.index("Biotop"), len(text) - 1)
    assert "Biotop" in doc._.orgs
    assert not any("maintenance" in name for name in doc._.orgs)


@pytest.mark.parametrize(
    ("text", "name", "label", "kept"),
    [
        # the model's own recogniser tags many companies MISC (« un contrat avec DirecTV »):
        # after a deal noun and « avec » the name is the other party; elsewhere MISC stays out
        (
            "Nexora a signé un contrat avec Sextant pour équiper ses entrepôts.",
            "Sextant",
            "MISC",
            True,
        ),
        ("Nexora annonce un partenariat avec Sextant dès janvier.", "Sextant", "MISC", True),
        ("Nexora expose ses entrepôts avec Sextant en toile de fond.", "Sextant", "MISC", False),
        # a pronoun or preposition tagged ORG is no organisation; a quoted title is one
        ('Nexora et "Elle" signent un accord de distribution.', "Elle", "ORG", True),
        ("Nexora recrute. « Il connaît le terrain », confie un proche.", "Il", "ORG", False),
        ("Nexora recrute. Elle vise 40 embauches.", "Elle", "ORG", False),
    ],
)
def test_a_name_the_model_tags_is_kept_by_its_context(nlp, annotate_until, text, name, label, kept):
    """``name`` forced as the model's only entity besides « Nexora », with ``label``:
    kept as an organisation or not, by the words around it."""
    doc = annotate_until(text, "aiextract_orgs")
    start = text.index(name, len("Nexora"))
    doc.ents = [
        doc.char_span(0, len("Nexora"), "ORG"),
        doc.char_span(start, start + len(name), label),
    ]
    doc = nlp.get_pipe("aiextract_orgs")(doc)
    assert (name in doc._.orgs) is kept


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # « Vincent » PER + « Bolloré » ORG: one person
        ([(7, 8, "PER"), (8, 9, "ORG")], [(7, 9, "PER")]),
        # the second name ends with a company suffix: the company stays apart
        ([(7, 8, "PER"), (8, 10, "ORG")], [(7, 8, "PER"), (8, 10, "ORG")]),
        # not side by side: nothing joined
        ([(7, 8, "PER"), (9, 10, "ORG")], [(7, 8, "PER"), (9, 10, "ORG")]),
    ],
)
def test_a_person_cut_in_two_by_the_recogniser_is_rejoined(nlp, labels, expected):
    doc = nlp.make_doc("Le fonds a repris les titres de Vincent Bolloré Logistics .")
    ents = [Span(doc, s, e, label=label) for s, e, label in labels]
    lexicon = nlp.get_pipe("aiextract_orgs").lexicon
    joined = rejoin_split_people(doc, ents, lexicon)
    assert [(e.start, e.end, e.label_) for e in joined] == expected
