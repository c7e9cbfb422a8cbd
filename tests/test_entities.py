"""The entities step (``aiextract_entities``): name groups, references, sources and
focus as spaCy users find them, and the deals that read them."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, DocBin

import aiextract
from aiextract.components.columns import doc_columns
from aiextract.components.entities import REFERENCES_KEY, entity_keys
from aiextract.components.entities.article import Article, coordinated
from aiextract.components.entities.names import (
    group_org_names,
    initials,
    is_acronym,
    variant_key,
)
from aiextract.components.entities.salience import Name, article_focus
from aiextract.normalize.names import fuller_form, spelled_out
from aiextract.render import render

TEXT = (
    "La start-up lyonnaise Kelvia a levé 5 millions d'euros auprès du fonds Verdane "
    "Capital, selon Les Échos. La jeune pousse veut recruter 30 personnes. Son "
    "directeur général, Paul Marchal, vise l'Allemagne. Il a rejoint Kelvia en 2021."
)


# ------------------------------------------------------------------ names (pure)


def test_acronym_goes_to_its_expansion():
    mapping = group_org_names(["CEA", "Commissariat à l'énergie atomique", "Kelvia"])
    assert mapping["CEA"] == "Commissariat à l'énergie atomique"
    assert mapping["Kelvia"] == "Kelvia"


def test_acronym_with_two_expansions_stays_itself():
    mapping = group_org_names(["ANR", "Agence nationale de la recherche", "Alpha Nord Rail"])
    assert mapping["ANR"] == "ANR"


def test_spelling_variants_are_one():
    mapping = group_org_names(["Groupe Renault", "Renault Group", "RENAULT GROUP"])
    assert len(set(mapping.values())) == 1
    assert group_org_names(["Bio-Sense", "BioSense"])["BioSense"] == "Bio-Sense"


def test_subsidiaries_and_funds_keep_their_name():
    mapping = group_org_names(["Altis", "Altis Ventures", "Altis Bretagne"])
    assert mapping == {"Altis": "Altis", "Altis Ventures": "Altis Ventures",
                       "Altis Bretagne": "Altis Bretagne"}  # fmt: skip


def test_gazetteer_names_are_never_merged_together():
    mapping = group_org_names(["GM", "General Motors", "General Mills"], fixed={"General Mills"})
    assert mapping["GM"] == "GM"  # two expansions: ambiguous


def test_name_helpers():
    assert initials("Bristol-Myers Squibb") == "BMS"
    assert initials("Autorité de contrôle prudentiel et de résolution") == "ACPR"
    assert is_acronym("LVMH") and not is_acronym("Kelvia") and not is_acronym("A")
    assert variant_key("Groupe Altis SA") == variant_key("ALTIS") == "altis"


def test_focus_needs_a_clear_lead():
    assert article_focus([("A", 0), ("A", 9), ("B", 20)], set(), 5) == "A"
    assert article_focus([("A", 0), ("B", 1), ("A", 9), ("B", 20)], set(), 5) is None
    assert article_focus([("A", 0), ("A", 9), ("S", 1), ("S", 2), ("S", 3)], {"S"}, 5) == "A"
    assert article_focus([("A", 30)], set(), 5) is None  # named once


# ------------------------------------------------------------- the component


def test_groups_are_span_groups_one_key_per_entity(nlp):
    doc = nlp(TEXT)
    keys = entity_keys(doc)
    assert keys == [f"entity_{n}" for n in range(1, len(keys) + 1)]
    by_name = {doc.spans[k][0].kb_id_: doc.spans[k] for k in keys}
    kelvia = by_name["Kelvia"]
    assert {s.label_ for s in kelvia} >= {"NAME", "DESCRIPTION"}
    assert "La jeune pousse" in [s.text for s in kelvia]
    assert all(s.kb_id_ == "Kelvia" for s in kelvia)
    assert kelvia.attrs["kind"] == "org"
    assert by_name["Paul Marchal"].attrs["kind"] == "person"


def test_span_extensions_and_focus(nlp):
    doc = nlp(TEXT)
    pousse = next(s for s in doc.spans[REFERENCES_KEY] if s.text == "La jeune pousse")
    assert pousse._.entity is not None
    assert doc.spans[pousse._.entity][0].kb_id_ == "Kelvia"
    assert pousse._.resolved_by == "previous subject"
    assert doc._.focus == "Kelvia"
    assert doc._.sources == ["Les Échos"]
    entities = {e["name"]: e for e in doc._.entities}
    assert entities["Les Échos"]["source"] and not entities["Kelvia"]["source"]


def test_unresolved_references_are_kept_without_an_entity(nlp):
    doc = nlp("Kelvia et Nexora ont signé un accord. La start-up recrute.")
    start_up = next(s for s in doc.spans[REFERENCES_KEY] if s.text == "La start-up")
    assert start_up.kb_id_ == "" and start_up._.entity is None
    assert start_up._.resolved_by is None


def test_a_known_acronym_is_named_by_the_expansion_the_article_writes(nlp):
    doc = nlp(
        "Le fonds saoudien Public Investment Fund (PIF) entre au capital de Kelvia. "
        "Le PIF détient désormais 12 % de la société."
    )
    assert doc._.orgs == ["Public Investment Fund", "Kelvia"]
    # the expansion unwritten, the acronym stays (GUIDELINES, Acronyms)
    assert nlp("Le PIF entre au capital de Kelvia.")._.orgs == ["PIF", "Kelvia"]
    # a name that holds the acronym is no expansion of it
    assert spelled_out("PIF", "Public Investment Fund")
    assert not spelled_out("BPCE", "Groupe BPCE")
    assert not spelled_out("Kelvia", "Kelvia Robotics")


def test_a_known_name_is_named_by_the_fuller_form_the_article_writes(nlp):
    doc = nlp(
        "PSA Peugeot Citroën cède sa filiale Kelvia à Nexora. PSA en gardera 10 % pendant deux ans."
    )
    assert doc._.orgs[0] == "PSA Peugeot Citroën" and "PSA" not in doc._.orgs
    parties = {p["name"] for d in doc._.deals for p in d["parties"]}
    assert "PSA Peugeot Citroën" in parties and "PSA" not in parties
    # the short form alone stays the gazetteer's name
    assert nlp("PSA cède sa filiale Kelvia à Nexora.")._.orgs[0] == "PSA"
    assert fuller_form("Bouygues", "Bouygues Telecom")
    assert not fuller_form("Bouygues", "bouygues") and not fuller_form("PSA", "Renault SA")


def test_a_known_name_the_article_spells_otherwise_goes_by_the_article_s_form(nlp):
    # never written as the gazetteer writes it: the article's form names it, in deals too
    doc = nlp("Microsoft investit 80 millions de dollars dans Open AI, selon Reuters.")
    assert "Open AI" in doc._.orgs and "OpenAI" not in doc._.orgs
    parties = {p["name"] for d in doc._.deals for p in d["parties"]}
    assert "Open AI" in parties
    # written both ways: the gazetteer's name
    both = nlp("Open AI recrute. OpenAI a ouvert un bureau à Paris le mois dernier.")
    assert "OpenAI" in both._.orgs and "Open AI" not in both._.orgs
    # written in other case (« la Banque Postale »): still the gazetteer's name
    assert "La Banque Postale" in nlp("Enfin, la Banque Postale a choisi Kelvia.")._.orgs
    # a mention read inside a glued word is no written form of the name
    assert nlp("Le contrat lie Kelvia et dOpenAI depuis mars.")._.orgs.count("dOpenAI") == 0


def test_an_acronym_the_orgs_step_left_out_joins_its_expansion(nlp):
    doc = nlp(
        "La Compagnie européenne de batteries a signé un contrat avec Kelvia. "
        "La CEB livrera les premières cellules en 2027."
    )
    assert doc._.orgs == ["Compagnie européenne de batteries", "Kelvia"]
    group = doc.spans[entity_keys(doc)[0]]
    assert [s.text for s in group if s.label_ == "NAME"] == [
        "Compagnie européenne de batteries",
        "CEB",
    ]
    # a generic acronym spells no company: « IA » is not « Intelligence Artificielle »
    doc = nlp("Inflection AI recrute. L'IA générative attire les fonds.")
    assert all(s.text != "IA" for s in doc.spans["orgs"])


def test_results_survive_serialisation(nlp):
    doc = nlp(TEXT)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert entity_keys(again) == entity_keys(doc)
    assert again._.focus == "Kelvia" and again._.sources == ["Les Échos"]
    store = DocBin(store_user_data=True, docs=[doc])
    [back] = store.get_docs(nlp.vocab)
    assert [s.text for s in back.spans[REFERENCES_KEY]] == [
        s.text for s in doc.spans[REFERENCES_KEY]
    ]


def test_pipeline_saved_and_loaded_keeps_the_step_and_its_config(tmp_path):
    nlp = aiextract.load(config={"entities": {"resolve_references": False}})
    assert nlp.pipe_names.index("aiextract_entities") < nlp.pipe_names.index("aiextract_deals")
    nlp.to_disk(tmp_path / "pipe")
    back = spacy.load(tmp_path / "pipe")
    assert back.get_pipe_config("aiextract_entities") == {
        "factory": "aiextract_entities",
        "resolve_references": False,
    }
    doc = back(TEXT)
    assert len(doc.spans[REFERENCES_KEY]) == 0  # references off
    assert entity_keys(doc)  # names are still grouped


# ----------------------------------------------------------------- the deals


def test_a_cited_newspaper_is_never_the_party(nlp):
    doc = nlp(
        "Le groupe Renault discute avec plusieurs partenaires, a appris Les Échos. "
        "Le constructeur pourrait prendre une participation de 20 % dans Verkor."
    )
    [deal] = doc._.deals
    parties = {p["name"]: p["role"] for p in deal["parties"]}
    assert parties == {"Renault": "investor", "Verkor": "target"}
    assert deal["certainty"] == "hedged"


def test_deals_read_the_references(nlp):
    doc = nlp(
        "Fondée en 2019, la fintech Pylvane compte 40 salariés. "
        "La jeune pousse a levé 8 millions d'euros auprès de Verdane Capital."
    )
    [deal] = doc._.deals
    assert {p["name"]: p["role"] for p in deal["parties"]} == {
        "Pylvane": "target",
        "Verdane Capital": "investor",
    }


def test_without_the_entities_step_deals_resolve_no_reference():
    nlp = aiextract.load(exclude=("entities",))
    doc = nlp(
        "Fondée en 2019, la fintech Pylvane compte 40 salariés. "
        "La jeune pousse a levé 8 millions d'euros auprès de Verdane Capital."
    )
    names = {p["name"] for d in doc._.deals for p in d["parties"]}
    assert "Pylvane" not in names


def test_render_shows_who_is_who(nlp):
    html = render(nlp(TEXT), jupyter=False)
    assert "<th>entity</th>" in html
    assert "Kelvia" in html and "(focus)" in html and "(source)" in html
    assert "La jeune pousse" in html


def test_the_focus_is_offered_to_a_round_whose_company_is_implied(rules_nlp):
    nlp = rules_nlp  # the deal rules' use of the focus (the learned steps: test_learned.py)
    doc = nlp(
        "La start-up Kelvia développe des capteurs pour les vignes. Kelvia équipe déjà "
        "200 exploitations. Un tour de table de 10 millions d'euros a été mené par "
        "Verdane Capital."
    )
    [deal] = doc._.deals
    assert deal["type"] == "funding"
    assert {p["name"]: p["role"] for p in deal["parties"]} == {
        "Kelvia": "target",
        "Verdane Capital": "investor",
    }
    # not when the article has no clear focus
    doc = nlp(
        "Kelvia et Nexora exposent à Lyon. Un tour de table de 10 millions d'euros a été "
        "mené par Verdane Capital."
    )
    assert not doc._.deals


def test_a_name_running_past_its_sentence_lists_only_itself(nlp):
    # A recogniser may tag a span across a sentence end (« … lauréats. Orvane Systems »);
    # asking which names are listed with it must not fail.
    doc = nlp("Kelvia a levé 5 millions auprès des lauréats. Orvane Systems et Vexa signent.")
    start = next(t.i for t in doc if t.text == "lauréats")
    end = next(t.i for t in doc if t.text == "Systems") + 1
    assert doc[end - 1].sent.start > start  # the span does cross a sentence end
    _arr, cols, sents = doc_columns(doc)
    crossing = Name(start, end, end - 1, "lauréats. Orvane Systems", "org")
    art = Article(cols, [(s.start, s.end) for s in sents], [crossing], set())
    assert coordinated(art, crossing) == ("lauréats. Orvane Systems",)


def test_an_inverted_verb_of_the_press_names_the_source(nlp):
    # « …, rapporte X »: X reports the news, known medium or not, and is no party
    doc = nlp("Quibix serait en négociations pour racheter Ventora, rapporte Kelvia.")
    assert doc._.sources == ["Kelvia"]
    assert all(p["name"] != "Kelvia" for d in doc._.deals for p in d["parties"])
    assert nlp("Quibix va racheter Ventora, a appris Kelvia.")._.sources == ["Kelvia"]
    # a company that speaks of its own deal is no source (« précise », « indique »)
    assert not nlp("Quibix a racheté Ventora, précise Kelvia dans un communiqué.")._.sources
    # nor is one named elsewhere as a company
    doc = nlp("Quibix rachète Ventora, rapporte Kelvia. Kelvia lève 5 millions d'euros.")
    assert not doc._.sources
