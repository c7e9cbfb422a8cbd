"""The scorer (docs/GUIDELINES.md "Scoring"): hand-made gold/prediction pairs, known answers."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from aiextract.errors import InputError
from aiextract.evaluate import (
    FIELDS,
    amounts_match,
    format_report,
    match_deals,
    name_words,
    names_match,
    party_jaccard,
    prf,
    read_articles,
    score,
    score_files,
)


def art(doc_id: str = "a", **fields) -> dict:
    """An article dict in the guidelines schema, empty unless told."""
    base = {
        "id": doc_id,
        "published": None,
        "orgs": [],
        "people": [],
        "money": [],
        "dates": [],
        "deals": [],
    }
    base.update(fields)
    return base


def eur(value, currency: str = "EUR") -> dict:
    return {"text": "x", "value": value, "currency": currency}


def day(value) -> dict:
    return {"text": "x", "value": value}


def deal(kind: str, *parties: str, amount=None, date=None, certainty="stated") -> dict:
    """``deal("acquisition", "Orange:acquirer", "Sewan:target")``."""
    return {
        "type": kind,
        "parties": [dict(zip(("name", "role"), p.split(":"), strict=True)) for p in parties],
        "amount": amount,
        "date": date,
        "certainty": certainty,
    }


def counts(report: dict, name: str) -> tuple[int, int, int]:
    return report[name]["tp"], report[name]["fp"], report[name]["fn"]


# ------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Mistral", "Mistral AI", True),
        ("Mistral AI", "Mistral", True),
        ("Société Générale", "SOCIETE GENERALE", True),
        ("L'Oréal", "L’OREAL", True),
        ("Crédit Agricole S.A.", "credit agricole sa", False),  # "s a" is not "sa"
        ("Crédit Agricole S.A.", "Crédit Agricole", True),
        ("Œuvre d'Orient", "oeuvre d orient", True),
        ("Open AI", "OpenAI", False),
        ("Meta", "Metavers Labs", False),
        ("Banque de France", "Banque postale", False),
        ("", "Orange", False),
        ("...", "...", False),
    ],
    ids=lambda v: repr(v) if isinstance(v, str) else str(v),
)
def test_names_match(a, b, expected):
    assert names_match(a, b) is expected


def test_name_words_strip_accents_case_punctuation():
    assert name_words("  Dassault-Systèmes, S.E. ") == ("dassault", "systemes", "s", "e")


# ------------------------------------------------------------------- prf conventions


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f"),
    [
        (0, 0, 0, 0.0, 0.0, 0.0),  # nothing to find, nothing found: 0/0 -> 0.0
        (0, 3, 0, 0.0, 0.0, 0.0),
        (0, 0, 2, 0.0, 0.0, 0.0),
        (2, 0, 0, 1.0, 1.0, 1.0),
        (1, 1, 3, 0.5, 0.25, 1 / 3),
    ],
    ids=["nothing", "only-fp", "only-fn", "perfect", "partial"],
)
def test_prf(tp, fp, fn, p, r, f):
    out = prf(tp, fp, fn)
    assert (out["tp"], out["fp"], out["fn"]) == (tp, fp, fn)
    assert out["precision"] == pytest.approx(p)
    assert out["recall"] == pytest.approx(r)
    assert out["f1"] == pytest.approx(f)


# ------------------------------------------------------------------- orgs, people

NAME_CASES = [
    ("perfect", ["Orange", "Bpifrance"], ["Bpifrance", "Orange"], (2, 0, 0)),
    ("empty-pred", ["Orange", "Bpifrance"], [], (0, 0, 2)),
    ("empty-both", [], [], (0, 0, 0)),
    ("partial", ["Orange", "Bpifrance", "Free"], ["Orange", "SFR"], (1, 1, 2)),
    ("accents-case", ["Société Générale"], ["societe generale"], (1, 0, 0)),
    ("containment", ["Mistral AI"], ["Mistral"], (1, 0, 0)),
    ("contained-the-other-way", ["Mistral"], ["Mistral AI"], (1, 0, 0)),
    ("one-to-one", ["Mistral AI"], ["Mistral", "Mistral AI"], (1, 1, 0)),
    ("duplicates-are-one", ["Orange"], ["Orange", "ORANGE", "orange"], (1, 0, 0)),
    # « Crédit » could match either gold name; only one of them
    (
        "max-matching",
        ["Crédit Agricole", "Crédit Mutuel"],
        ["Crédit", "Crédit Mutuel Arkéa"],
        (2, 0, 0),
    ),
    ("no-word-overlap", ["OpenAI"], ["Open AI"], (0, 1, 1)),
]


@pytest.mark.parametrize("field", ["orgs", "people"])
@pytest.mark.parametrize(
    ("gold", "pred", "expected"), [c[1:] for c in NAME_CASES], ids=[c[0] for c in NAME_CASES]
)
def test_name_sets(field, gold, pred, expected):
    report = score([art(**{field: gold})], [art(**{field: pred})])
    assert counts(report, field) == expected


# ------------------------------------------------------------------- money

MONEY_CASES = [
    ("same", [eur(15_000_000)], [eur(15_000_000)], (1, 0, 0)),
    ("within-0.4%", [eur(1_000_000)], [eur(1_004_000)], (1, 0, 0)),
    ("below-0.4%", [eur(1_000_000)], [eur(996_000)], (1, 0, 0)),
    ("exactly-0.5%", [eur(1_000_000)], [eur(1_005_000)], (1, 0, 0)),
    ("beyond-0.6%", [eur(1_000_000)], [eur(1_006_000)], (0, 1, 1)),
    ("beyond-0.6%-below", [eur(1_000_000)], [eur(994_000)], (0, 1, 1)),
    ("currency-mismatch", [eur(30e9, "USD")], [eur(30e9, "EUR")], (0, 1, 1)),
    ("no-currency", [eur(30e9, "USD")], [eur(30e9, None)], (0, 1, 1)),
    ("float-value", [eur(37.5)], [eur(37.5)], (1, 0, 0)),
    ("string-value", [eur(12_000_000)], [eur("12000000")], (1, 0, 0)),
    ("duplicates-multiset", [eur(10e6), eur(10e6)], [eur(10e6)] * 3, (2, 1, 0)),
    ("zero-needs-zero", [eur(0)], [eur(1)], (0, 1, 1)),
    # 100,3 fits both gold items, 100,9 only the second: a maximum matching pairs both
    ("max-matching", [eur(100), eur(100.45)], [eur(100.3), eur(100.9)], (2, 0, 0)),
    ("empty", [eur(5)], [], (0, 0, 1)),
]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"), [c[1:] for c in MONEY_CASES], ids=[c[0] for c in MONEY_CASES]
)
def test_money(gold, pred, expected):
    report = score([art(money=gold)], [art(money=pred)])
    assert counts(report, "money") == expected


def test_amounts_match_ignores_text_and_max():
    gold = {"text": "entre 5 et 10 millions d'euros", "value": 5e6, "max": 10e6, "currency": "EUR"}
    assert amounts_match(gold, {"text": "5 M€", "value": 5_000_000, "currency": "EUR"})


# ------------------------------------------------------------------- dates

DATE_CASES = [
    ("same", [day("2023-11-20")], [day("2023-11-20")], (1, 0, 0)),
    ("other-grain", [day("2023-11")], [day("2023-11-20")], (0, 1, 1)),
    ("quarter", [day("2025-Q1")], [day("2025-Q1")], (1, 0, 0)),
    ("duplicates-multiset", [day("2024")] * 2, [day("2024")] * 3, (2, 1, 0)),
    ("null-equals-null", [day(None)], [day(None)], (1, 0, 0)),
    ("null-vs-value", [day(None)], [day("2024")], (0, 1, 1)),
]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES]
)
def test_dates(gold, pred, expected):
    report = score([art(dates=gold)], [art(dates=pred)])
    assert counts(report, "dates") == expected


# ------------------------------------------------------------------- deals

JACCARD_CASES = [
    ("same", ["Orange", "Sewan"], ["Orange", "Sewan"], Fraction(1)),
    ("half-exactly", ["Orange", "Sewan"], ["Orange"], Fraction(1, 2)),
    (
        "two-of-four",
        ["Orange", "Sewan", "Bpifrance"],
        ["Orange", "Sewan", "Eurazeo"],
        Fraction(1, 2),
    ),
    (
        "just-below",
        ["Orange", "Sewan", "Bpifrance", "Eurazeo"],
        ["Orange", "Sewan", "Free"],
        Fraction(2, 5),
    ),
    ("name-variants", ["Mistral AI", "Nvidia"], ["mistral", "NVIDIA Corp"], Fraction(1)),
    # « Crédit » may pair with one gold name only
    ("one-to-one-names", ["Crédit Agricole", "Crédit Mutuel"], ["Crédit"], Fraction(1, 2)),
    ("disjoint", ["Orange"], ["Free"], Fraction(0)),
    ("no-parties", [], [], Fraction(0)),
]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"), [c[1:] for c in JACCARD_CASES], ids=[c[0] for c in JACCARD_CASES]
)
def test_party_jaccard(gold, pred, expected):
    g = deal("partnership", *(f"{n}:partner" for n in gold))
    p = deal("partnership", *(f"{n}:partner" for n in pred))
    assert party_jaccard(g, p) == expected


DEAL_CASES = [
    (
        "perfect",
        [deal("acquisition", "Orange:acquirer", "Sewan:target")],
        [deal("acquisition", "Orange:acquirer", "Sewan:target")],
        (1, 0, 0),
        (1, 0, 0),
    ),
    ("empty-pred", [deal("funding", "Pasqal:target")], [], (0, 0, 1), (0, 0, 1)),
    ("nothing-to-find", [], [deal("funding", "Pasqal:target")], (0, 1, 0), (0, 1, 0)),
    (
        "jaccard-0.5-matches",
        [deal("funding", "Pasqal:target", "Bpifrance:investor")],
        [deal("funding", "Pasqal:target")],
        (1, 0, 0),
        (1, 0, 0),
    ),
    (
        "jaccard-0.4-misses",
        [deal("partnership", "Orange:partner", "Sewan:partner", "Thales:partner", "Atos:partner")],
        [deal("partnership", "Orange:partner", "Sewan:partner", "Free:partner")],
        (0, 1, 1),
        (0, 1, 1),
    ),
    (
        "type-differs",
        [deal("investment", "Nvidia:investor", "Mistral AI:target")],
        [deal("partnership", "Nvidia:partner", "Mistral:partner")],
        (0, 1, 1),
        (1, 0, 0),
    ),
    (
        "duplicate-prediction",
        [deal("funding", "Pasqal:target")],
        [deal("funding", "Pasqal:target"), deal("funding", "pasqal:target")],
        (1, 1, 0),
        (1, 1, 0),
    ),
    (
        "two-similar-deals",
        [deal("funding", "Pasqal:target"), deal("funding", "Pasqal:target")],
        [deal("funding", "Pasqal:target")],
        (1, 0, 1),
        (1, 0, 1),
    ),
]


@pytest.mark.parametrize(
    ("gold", "pred", "typed", "untyped"),
    [c[1:] for c in DEAL_CASES],
    ids=[c[0] for c in DEAL_CASES],
)
def test_deals(gold, pred, typed, untyped):
    report = score([art(deals=gold)], [art(deals=pred)])
    assert counts(report, "deals_typed") == typed
    assert counts(report, "deals_untyped") == untyped


def test_deal_matching_takes_best_jaccard_first():
    gold = [
        deal("partnership", "Orange:partner", "Sewan:partner"),
        deal("partnership", "Orange:partner", "Sewan:partner", "Thales:partner"),
    ]
    pred = [deal("partnership", "Orange:partner", "Sewan:partner", "Thales:partner")]
    assert match_deals(gold, pred, typed=True) == [(1, 0)]


def test_deal_matching_ties_follow_file_order():
    gold = [deal("funding", "Pasqal:target"), deal("funding", "Pasqal:target")]
    pred = [deal("funding", "Pasqal:target"), deal("funding", "Pasqal:target")]
    assert match_deals(gold, pred, typed=True) == [(0, 0), (1, 1)]


USD_12 = {"value": 12_000_000_000, "currency": "USD"}
ATTRIBUTE_CASES = [
    # (id, gold deal, predicted deal, {attribute: (correct, total)})
    (
        "all-right",
        deal("funding", "xAI:target", amount=USD_12, date="2024-12"),
        deal("funding", "xAI:target", amount={"value": 12.04e9, "currency": "USD"}, date="2024-12"),
        {"amount": (1, 1), "date": (1, 1), "roles": (1, 1), "certainty": (1, 1)},
    ),
    (
        "both-null",
        deal("funding", "xAI:target"),
        deal("funding", "xAI:target"),
        {"amount": (1, 1), "date": (1, 1)},
    ),
    (
        "amount-missing",
        deal("funding", "xAI:target", amount=USD_12),
        deal("funding", "xAI:target"),
        {"amount": (0, 1)},
    ),
    (
        "amount-unwanted",
        deal("funding", "xAI:target"),
        deal("funding", "xAI:target", amount=USD_12),
        {"amount": (0, 1)},
    ),
    (
        "amount-currency",
        deal("funding", "xAI:target", amount=USD_12),
        deal("funding", "xAI:target", amount={"value": 12e9, "currency": "EUR"}),
        {"amount": (0, 1)},
    ),
    (
        "amount-0.6%",
        deal("funding", "xAI:target", amount=USD_12),
        deal("funding", "xAI:target", amount={"value": 12.072e9, "currency": "USD"}),
        {"amount": (0, 1)},
    ),
    (
        "date-differs",
        deal("funding", "xAI:target", date="2024"),
        deal("funding", "xAI:target", date="2024-05"),
        {"date": (0, 1)},
    ),
    (
        "date-null",
        deal("funding", "xAI:target", date="2024"),
        deal("funding", "xAI:target"),
        {"date": (0, 1)},
    ),
    (
        "certainty",
        deal("funding", "xAI:target", certainty="hedged"),
        deal("funding", "xAI:target"),
        {"certainty": (0, 1)},
    ),
    (
        "roles-one-of-three",
        deal("acquisition", "Capgemini:acquirer", "Altran:target", "Apax:seller"),
        deal("acquisition", "Capgemini:acquirer", "altran:acquirer"),
        {"roles": (1, 3)},
    ),
    (
        "roles-name-variant",
        deal("hire", "Meta:employer", "Yann LeCun:person"),
        deal("hire", "Meta Platforms:employer", "LeCun:person"),
        {"roles": (2, 2)},
    ),
]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [c[1:] for c in ATTRIBUTE_CASES],
    ids=[c[0] for c in ATTRIBUTE_CASES],
)
def test_deal_attributes(gold, pred, expected):
    report = score([art(deals=[gold])], [art(deals=[pred])])
    assert report["deals_typed"]["tp"] == 1
    for name, (correct, total) in expected.items():
        got = report["deal_attributes"][name]
        assert (got["correct"], got["total"]) == (correct, total), name
        assert got["accuracy"] == pytest.approx(correct / total)


def test_attributes_only_on_typed_matches():
    gold = [deal("investment", "Nvidia:investor", "Mistral AI:target", certainty="hedged")]
    pred = [deal("partnership", "Nvidia:partner", "Mistral AI:partner")]
    report = score([art(deals=gold)], [art(deals=pred)])
    assert report["deals_untyped"]["tp"] == 1
    assert report["deal_attributes"]["certainty"] == {"correct": 0, "total": 0, "accuracy": 0.0}


# ------------------------------------------------------------------- articles


def test_micro_average_over_articles():
    gold = [art("a", orgs=["Orange", "Free"]), art("b", orgs=["Sanofi"]), art("c", orgs=["Bic"])]
    pred = [art("a", orgs=["Orange"]), art("b", orgs=["Sanofi", "Servier", "Ipsen"])]
    report = score(gold, pred)
    assert counts(report, "orgs") == (2, 2, 2)
    assert report["orgs"]["precision"] == pytest.approx(0.5)
    assert report["articles"]["missing_pred"] == ["c"]


def test_pairing_by_id_not_order_and_extra_predictions_ignored():
    gold = [art("a", orgs=["Orange"]), art("b", orgs=["Sanofi"])]
    pred = [art("z", orgs=["Thales"]), art("b", orgs=["Sanofi"]), art("a", orgs=["Orange"])]
    report = score(gold, pred)
    assert counts(report, "orgs") == (2, 0, 0)
    assert report["articles"] == {
        "gold": 2,
        "pred": 3,
        "scored": 2,
        "missing_pred": [],
        "extra_pred": ["z"],
        "failed_pred": [],
    }


def test_failed_prediction_counts_as_misses_and_is_listed():
    gold = [art("a", orgs=["Orange"])]
    pred = [art("a", error="text must be a str")]
    report = score(gold, pred)
    assert counts(report, "orgs") == (0, 0, 1)
    assert report["articles"]["failed_pred"] == ["a"]


def test_numeric_ids_pair_with_string_ids():
    report = score([art(7, orgs=["Orange"])], [art("7", orgs=["Orange"])])
    assert report["orgs"]["tp"] == 1


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ([art("a"), art("a")], []),
        ([art("a")], [art("a"), art("a")]),
        ([{"orgs": []}], []),
        (["not an article"], []),
    ],
    ids=["duplicate-gold", "duplicate-pred", "missing-id", "not-a-dict"],
)
def test_bad_article_sets_raise(gold, pred):
    with pytest.raises(InputError):
        score(gold, pred)


def test_perfect_score_on_the_seeds(seeds_dir):
    gold = read_articles(seeds_dir / "gold.jsonl")
    report = score(gold, gold)
    for name in FIELDS:
        assert report[name]["fp"] == report[name]["fn"] == 0
        assert report[name]["f1"] == 1.0, name
    for name, values in report["deal_attributes"].items():
        assert values["accuracy"] == 1.0, name


def test_score_files_and_report(tmp_path):
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold = [art("a", orgs=["Orange"], deals=[deal("funding", "Pasqal:target")])]
    pred = [art("a", orgs=["Orange", "Free"], deals=[deal("funding", "Pasqal:target")])]
    gold_path.write_text("\n".join(json.dumps(a) for a in gold) + "\n\n", encoding="utf-8")
    pred_path.write_text("\n".join(json.dumps(a) for a in pred), encoding="utf-8")
    report = score_files(gold_path, pred_path)
    assert counts(report, "orgs") == (1, 1, 0)
    text = format_report(report)
    assert "articles: 1 gold, 1 predicted, 1 scored" in text
    orgs_line = next(line for line in text.splitlines() if line.startswith("orgs"))
    assert orgs_line.split() == ["orgs", "1", "1", "0", "0.500", "1.000", "0.667"]
    assert "deals (typed)" in text and "certainty" in text


def test_read_articles_reports_the_broken_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a"}\n{"id": "b", \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"pred\.jsonl:2"):
        read_articles(path)
