"""Integrity of the deals data tables (no model needed)."""

from __future__ import annotations

from aiextract.components.deals import load_triggers
from aiextract.components.deals.role_tables import role_cues, verb_forms
from aiextract.lexicon import load_table
from aiextract.records import DEAL_TYPES, ROLES

FRAME_KEYS = {
    "subj",
    "psubj",
    "obj",
    "gsubj",
    "gsubj_give",
    "gsubj_win",
    "member",
    "de",
    "par",
    "avec",
    "à",
    "dans",
    "chez",
    "entre",
    "pour",
    "envers",
    "auprès_de",
    "capital",
    "with",
    "led_by",
    "quitter",
    "sur",
    "goods",
}


def test_triggers_are_well_formed() -> None:
    triggers = load_triggers()
    assert len(triggers) > 60
    for trig in triggers:
        assert trig.type in DEAL_TYPES, trig
        assert trig.kind in ("verb", "noun", "phrase-verb", "phrase-noun"), trig
        assert trig.frame, trig
        for key, roles in trig.frame.items():
            assert key in FRAME_KEYS, (trig.form, key)
            assert all(r in ROLES for r in roles.split("|")), (trig.form, roles)
        assert trig.form == trig.form.strip().lower()
        assert "\\u" not in trig.form


def test_trigger_forms_are_unique() -> None:
    forms = [(t.form, t.kind) for t in load_triggers()]
    assert len(forms) == len(set(forms)), [f for f in forms if forms.count(f) > 1]


def test_every_type_has_triggers() -> None:
    assert {t.type for t in load_triggers()} == set(DEAL_TYPES)


def test_cues_map_to_frame_keys() -> None:
    extra = {"valuation", "worth", "nondeal", "horizon", "cite", "reference", "past_job", "idiom"}
    extra |= {"purpose", "shares", "apart", "bilateral", "together", "founding"}
    extra |= {"customer", "list_word", "shareholder", "predecessor", "holding", "transfer"}
    extra |= {"nondeal_after", "valuation_after", "supplier_noun"}
    for row in load_table("deal_cues.tsv"):
        assert row["key"] in FRAME_KEYS | extra, row


def test_hedge_kinds() -> None:
    kinds = {"hedge_verb", "hedge_phrase", "fail", "deny_verb", "deny_phrase", "negation", "guess"}
    rows = load_table("hedges.tsv")
    assert rows
    assert all(r["kind"] in kinds for r in rows)


def test_role_cues_longest_first() -> None:
    lengths = [len(cue) for cue, _ in role_cues()]
    assert lengths == sorted(lengths, reverse=True)


def test_verb_forms() -> None:
    assert "rachète" in verb_forms("racheter")
    assert "lève" in verb_forms("lever")
    assert "cède" in verb_forms("céder")
    assert "fusionnent" in verb_forms("fusionner")
    assert "investit" in verb_forms("investir")


def test_references_table() -> None:
    rows = load_table("deal_references.tsv")
    assert all(r["epithet"] == r["epithet"].lower() and r["name"] for r in rows)
