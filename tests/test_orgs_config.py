"""The orgs component's contract: span groups, kb ids, doc.ents, user gazetteers, saving."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import spacy

import aiextract
from aiextract.lexicon import load_table
from aiextract.normalize.names import name_key

USER_TABLE = (
    "name\taliases\ttype\tmaker\tcategory\tflags\n"
    "# a user's own companies\n"
    "Zorblax\tZorblax Industries\torg\t\tcompany\t\n"
    "ZorbPhone\t\tproduct\tZorblax\t\t\n"
)


def _spans(doc, key):
    return [(s.text, s.kb_id_) for s in doc.spans[key]]


def test_kb_id_on_every_mention(nlp):
    doc = nlp("Sam Altman est revenu chez OpenAI. M. Altman a remercié l'équipe d'OpenAI.")
    assert _spans(doc, "people") == [("Sam Altman", "Sam Altman"), ("Altman", "Sam Altman")]
    assert _spans(doc, "orgs") == [("OpenAI", "OpenAI"), ("OpenAI", "OpenAI")]


def test_products_carry_their_maker(nlp):
    doc = nlp("OpenAI a signé un accord avec Azure et teste Grok, Gemini et GPT-4o.")
    assert _spans(doc, "products") == [
        ("Azure", "Microsoft"),
        ("Grok", "xAI"),
        ("Gemini", "Google"),
        ("GPT-4o", "OpenAI"),
    ]
    assert doc._.orgs == ["OpenAI"]


def test_doc_ents_reflect_decisions(nlp):
    doc = nlp("Le géant de Redmond s'allie à OpenAI et à SoftBank. Inflection AI recrute.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("OpenAI", "ORG"), ("SoftBank", "ORG"), ("Inflection AI", "ORG")} <= ents
    assert not any(e.label_ == "PER" for e in doc.ents)


def test_user_gazetteer_extends(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_TABLE, encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("aiextract_orgs", config={"gazetteer_path": str(path)})
    doc = nlp("Zorblax vend son ZorbPhone ; Microsoft aussi.")
    assert doc._.orgs == ["Zorblax", "Microsoft"]
    assert _spans(doc, "products") == [("ZorbPhone", "Zorblax")]
    # an alias that is a fuller form names the organisation where the article writes it
    doc = nlp("Zorblax Industries vend son ZorbPhone. Zorblax en vend dix.")
    assert doc._.orgs == ["Zorblax Industries"]
    assert _spans(doc, "products") == [("ZorbPhone", "Zorblax Industries")]


def test_user_gazetteer_replaces(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_TABLE, encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("aiextract_orgs", config={"gazetteer_path": str(path), "extend_gazetteer": False})
    doc = nlp("Zorblax et OpenAI discutent.")
    assert doc._.orgs == ["Zorblax"]


def test_bad_user_gazetteer_says_how_to_fix(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("company\nZorblax\n", encoding="utf-8")
    nlp = spacy.blank("fr")
    with pytest.raises(ValueError, match="'name' column"):
        nlp.add_pipe("aiextract_orgs", config={"gazetteer_path": str(path)})


def test_to_disk_then_spacy_load_keeps_the_user_gazetteer(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_TABLE, encoding="utf-8")
    nlp = aiextract.load(
        exclude=("money", "dates", "deals"), config={"orgs": {"gazetteer_path": str(path)}}
    )
    text = "La start-up Quantiq vend le ZorbPhone de Zorblax à OpenAI. Sam Altman et M. Altman."
    before = nlp(text)
    nlp.to_disk(tmp_path / "pipeline")
    path.unlink()  # the saved pipeline carries its own copy of the gazetteer
    reloaded = spacy.load(tmp_path / "pipeline")
    after = reloaded(text)
    for key in ("orgs", "people", "products"):
        assert _spans(after, key) == _spans(before, key)
    assert after._.orgs == ["Quantiq", "Zorblax", "OpenAI"]
    assert [(e.text, e.label_) for e in after.ents] == [(e.text, e.label_) for e in before.ents]


def test_component_bytes_round_trip(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_TABLE, encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("aiextract_orgs", config={"gazetteer_path": str(path)})
    data = nlp.to_bytes()
    other = spacy.blank("fr")
    other.add_pipe("aiextract_orgs")
    other.from_bytes(data)
    assert other("Zorblax rachète Orange.")._.orgs == ["Zorblax", "Orange"]


# --------------------------------------------------------------------------- data tables


def test_gazetteer_integrity():
    rows = load_table("gazetteer.tsv")
    assert len(rows) >= 300
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "duplicate canonical names"
    orgs = {r["name"] for r in rows if r["type"] == "org"}
    forms: dict[str, str] = {}
    for row in rows:
        assert row["type"] in ("org", "product"), row
        assert row["flags"] in ("", "ambiguous"), row
        if row["type"] == "product":
            assert row["maker"] == "" or row["maker"] in orgs, row
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            assert form == form.strip(), row
            assert forms.setdefault(form, row["name"]) == row["name"], f"{form!r} twice"


def test_other_tables_integrity():
    kinds = {"place", "project", "event", "acronym", "word", "head"}
    non_orgs = load_table("non_orgs.tsv")
    assert {r["kind"] for r in non_orgs} <= kinds
    gaz_orgs = {name_key(r["name"]) for r in load_table("gazetteer.tsv") if r["type"] == "org"}
    clashes = [
        r["term"] for r in non_orgs if r["kind"] != "head" and name_key(r["term"]) in gaz_orgs
    ]
    assert clashes == []
    assert {r["strength"] for r in load_table("org_cues.tsv")} == {"strong", "weak"}
    assert all(r["cue"] == r["cue"].lower() for r in load_table("org_cues.tsv"))
    assert len(load_table("first_names.tsv")) >= 200
    names = [r["name"] for r in load_table("first_names.tsv")]
    assert len(names) == len(set(names))


CONTEXT_KINDS = {
    "suffix": str.istitle,
    "nationality": str.islower,
    # « la Région Occitanie »; lower case where the body acts: « le ministère de la Santé »
    "institution": lambda word: word.istitle() or word.islower(),
    "place_prep": str.islower,
    "market_prep": str.islower,
    "transfer": str.islower,
    "product": str.islower,
    "launch": str.islower,
    "subject_verb": str.islower,
    "by_verb": str.islower,
    "not_org_noun": str.islower,
}


def test_org_context_table():
    rows = load_table("org_context.tsv")
    assert {r["kind"] for r in rows} == set(CONTEXT_KINDS)
    for row in rows:
        word = row["word"]
        # several words only for a lower-case body: « le tribunal de commerce de Rouen »
        several = row["kind"] == "institution" and word.islower()
        assert word and (several or " " not in word) and CONTEXT_KINDS[row["kind"]](word), row
        assert word == word.strip() and "  " not in word and "’" not in word, row
    pairs = [(r["word"], r["kind"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    cues = {r["cue"] for r in load_table("org_cues.tsv")}
    # A word is either a company noun (org_cues.tsv) or a nationality, not both.
    assert not cues & {r["word"] for r in rows if r["kind"] == "nationality"}


@pytest.mark.parametrize(
    "table", ["gazetteer.tsv", "non_orgs.tsv", "org_cues.tsv", "org_context.tsv", "first_names.tsv"]
)
def test_tables_use_real_accents(table):
    text = resources.files("aiextract.data").joinpath(table).read_text(encoding="utf-8")
    assert not re.search(r"\\u[0-9a-fA-F]{4}", text)


def test_missing_gazetteer_file_is_a_clear_error(tmp_path):
    nlp = aiextract.load(
        config={"orgs": {"gazetteer_path": str(tmp_path / "gone.tsv")}},
        exclude=("deal_sentences", "deal_roles"),
    )
    with pytest.raises(ValueError, match=r"gazetteer file .* not found"):
        nlp("La société Kelvia lève 5 millions d'euros.")
