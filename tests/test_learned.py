"""The learned steps (deal sentences, deal roles), their join with the rules, the
confidence and ``min_confidence``, saved pipelines and ``aiextract train``.

Every sentence here is written for these tests. Scores of the learned steps on real
articles are measured by ``aiextract corpus eval`` (docs/learned.md), not asserted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from tests import test_deal_descriptions, test_deal_rounds, test_deals, test_deals_references

import aiextract
from aiextract.cli import main
from aiextract.components.deals.confidence import FEATURES, Calibrator
from aiextract.components.deals.learned import (
    TYPE_THRESHOLDS,
    LearnedDeal,
    decode_roles,
    fold_repeats,
    merge_neighbours,
    same_deal,
)
from aiextract.components.deals.mentions import CANDIDATES
from aiextract.components.learned.features import (
    SENTENCE_WIDTH,
    TYPES,
    doc_features,
    sentence_rows,
    sentence_slots,
    string_ids,
    token_vectors,
    trigger_words,
)
from aiextract.components.learned.gold import (
    EVIDENCE_KEY,
    PARTIES_KEY,
    annotate_gold,
    deals_in,
    sentence_targets,
    slot_role,
    with_evidence,
)
from aiextract.components.learned.model import Batch, build_scorer, drop_keys
from aiextract.errors import InputError
from aiextract.training import calibration
from aiextract.training.data import read_annotated

ROUND = "La start-up lyonnaise Ventora lève 12 millions d'euros auprès du fonds Kelvin Partners."
DATA = Path(__file__).resolve().parent / "data"


# ------------------------------------------------------------------ features


def test_trigger_words_hold_inflected_forms() -> None:
    words = trigger_words()
    assert "acquisition" in words["rachète"]
    assert "funding" in words["lève"]
    assert "racheter" in words and "est" not in words


def test_string_ids_are_the_vocab_hashes() -> None:
    words = ["dep=nsubj", "head=lever", "dep=nsubj", "w=ventora"]
    expected = [spacy.strings.get_string_id(w) for w in words]
    assert string_ids(words).tolist() == expected
    assert string_ids(words).dtype == numpy.uint64
    assert string_ids([]).tolist() == []


def test_sentence_rows_have_one_row_per_sentence(nlp) -> None:
    doc = nlp(ROUND + " Le groupe Brenta rachète la société Ilvo.")
    feats = doc_features(doc)
    dense, keys = sentence_rows(feats)
    assert dense.shape == (len(feats.sentences), SENTENCE_WIDTH) == (2, SENTENCE_WIDTH)
    assert all(len(k) > 0 for k in keys)
    assert numpy.isfinite(dense).all()
    # the trigger columns: a funding word in the first, an acquisition word in the second
    base = SENTENCE_WIDTH - len(TYPES)
    assert dense[0, base + TYPES.index("funding")] == 1.0
    assert dense[1, base + TYPES.index("acquisition")] == 1.0


def test_token_vectors_without_a_tensor_are_zeros(nlp) -> None:
    doc = nlp.make_doc("Un texte sans analyse.")
    assert not token_vectors(doc).any()


# --------------------------------------------------------------------- model


def test_scorer_learns_a_separable_batch() -> None:
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(0)
    model = build_scorer(n_dense=4, n_labels=2, hidden=8, n_buckets=64, dropout=0.0)
    model.initialize()
    dense = numpy.asarray([[1, 0, 0, 0], [0, 1, 0, 0]] * 4, dtype="float32")
    keys = numpy.asarray([1, 2] * 4, dtype="uint64")
    batch = Batch(dense, keys, numpy.ones(8, dtype="int64"))
    truth = numpy.asarray([[1, 0], [0, 1]] * 4, dtype="float32")
    opt = Adam(0.05)
    for _ in range(60):
        logits, backprop = model.begin_update(batch)
        probs = 1 / (1 + numpy.exp(-logits))
        backprop((probs - truth) / len(truth))
        model.finish_update(opt)
    probs = 1 / (1 + numpy.exp(-model.predict(batch)))
    assert ((probs > 0.5) == (truth > 0.5)).all()


# ------------------------------------------------------------------ the steps


def test_shipped_weights_load_and_score_sentences(nlp) -> None:
    assert nlp.get_pipe("aiextract_deal_sentences").trained
    assert nlp.get_pipe("aiextract_deal_roles").trained
    doc = nlp(ROUND)
    (entry,) = doc._.deal_sentences
    assert max(entry["scores"], key=entry["scores"].get) == "funding"
    assert [s.label_ for s in doc.spans["deal_sentences"]] == ["funding"]
    roles = {r["name"]: max(r["scores"], key=r["scores"].get) for r in doc._.deal_roles}
    assert roles.get("Ventora") == "target"


def test_no_weights_no_learned_annotation() -> None:
    from aiextract.components.learned import DealSentences

    blank = spacy.blank("fr")
    pipe = blank.add_pipe("aiextract_deal_sentences", config={"weights": ""})
    assert isinstance(pipe, DealSentences) and not pipe.trained
    doc = blank("Une phrase.")
    assert doc._.deal_sentences is None


def test_the_configured_dropout_survives_the_shipped_weights() -> None:
    # the weights file holds the rate it was trained with; the config's rate is the one a
    # retraining (aiextract train --from-scratch) must use
    blank = spacy.blank("fr")
    pipe = blank.add_pipe("aiextract_deal_roles", config={"model": {"dropout": 0.45}})
    assert pipe.trained
    rates = [layer.attrs["dropout_rate"] for layer in pipe.model.walk() if layer.name == "dropout"]
    assert rates == [0.45]


def test_the_configured_bag_dropout_survives_the_shipped_weights() -> None:
    blank = spacy.blank("fr")
    pipe = blank.add_pipe("aiextract_deal_sentences", config={"model": {"bag_dropout": 0.25}})
    assert pipe.trained
    (bag,) = [layer for layer in pipe.model.walk() if layer.name == "hashed_linear"]
    assert bag.attrs["dropout_rate"] == 0.25


def test_bag_dropout_leaves_keys_out_while_training_only() -> None:
    from thinc.api import fix_random_seed

    fix_random_seed(0)
    batch = Batch(
        numpy.zeros((3, 2), dtype="float32"),
        numpy.arange(1, 301, dtype="uint64"),
        numpy.asarray([100, 0, 200], dtype="int64"),
    )
    kept = drop_keys(batch, 0.6)
    assert kept.lengths[1] == 0 and kept.lengths.sum() == kept.keys.size
    assert 60 < kept.keys.size < 180  # about 40 % of 300
    assert set(kept.keys.tolist()) <= set(batch.keys.tolist())
    assert drop_keys(batch, 0.0) is batch
    model = build_scorer(n_dense=2, n_labels=2, hidden=4, n_buckets=512, bag_dropout=0.6)
    model.initialize()
    sparse = model.layers[1]
    sparse.set_param("W", numpy.ones((512, 2), dtype="float32"))
    predicted = sparse.predict(batch)
    assert predicted[:, 0].tolist() == [100.0, 0.0, 200.0]  # every key when predicting
    trained, _ = sparse.begin_update(batch)
    assert trained[0, 0] < 100.0 and trained[2, 0] < 200.0


def test_a_missing_weights_file_is_an_error(tmp_path: Path) -> None:
    blank = spacy.blank("fr")
    with pytest.raises(InputError, match="no weights file"):
        blank.add_pipe("aiextract_deal_roles", config={"weights": str(tmp_path / "none.bin")})


def test_deals_carry_a_confidence_and_its_features(nlp) -> None:
    (deal,) = nlp(ROUND)._.deals
    assert 0.0 <= deal["confidence"] <= 1.0
    assert len(deal["features"]) == len(FEATURES)
    assert deal["features"][FEATURES.index("both")] == 1.0  # rules and learned agree


ALL_CASES = [
    *test_deals.CASES,
    *test_deal_rounds.CASES,
    *test_deals_references.CASES,
    *test_deal_descriptions.CASES,
]


def test_the_join_keeps_every_rule_deal(nlp, monkeypatch) -> None:
    """Whatever the learned steps add, the deals of the rules come out with their type,
    amount, certainty and parties (to which the learned reading may add some). The two
    exceptions by design, a rule deal of a type in ``rule_thresholds`` that the learned
    steps score under its floor and a contract's roles the role step orients, are
    switched off here and tested on their own (below; tests/test_contract_roles.py)."""
    from aiextract.components.deals import joining

    monkeypatch.setattr(joining, "ORIENTED", {})
    deals = nlp.get_pipe("aiextract_deals")
    floors = deals.rule_thresholds

    def key(d: dict) -> tuple:
        return d["type"], json.dumps(d["amount"]), d["certainty"]

    def parties(d: dict) -> set[tuple[str, str]]:
        return {(p["name"], p["role"]) for p in d["parties"]}

    texts = [text for _id, text, _exp in ALL_CASES]
    deals.sources = "rules"
    try:
        rules = [list(doc._.deals) for doc in nlp.pipe(texts)]
    finally:
        deals.sources = "both"
    deals.rule_thresholds = {t: 0.0 for t in floors}
    try:
        both = [list(doc._.deals) for doc in nlp.pipe(texts)]
    finally:
        deals.rule_thresholds = floors
    for text, ours, joined in zip(texts, rules, both, strict=True):
        for deal in ours:
            assert any(key(d) == key(deal) and parties(deal) <= parties(d) for d in joined), text
    assert sum(len(j) for j in both) > sum(len(r) for r in rules)  # the steps add some


def test_prefer_learned_keeps_every_learned_deal(nlp) -> None:
    """With ``prefer="learned"`` the learned record stands where both tell a deal: all
    the deals of the learned steps alone come out, and some rule deals beside them."""
    deals = nlp.get_pipe("aiextract_deals")

    def key(d: dict) -> tuple:
        parties = tuple(sorted((p["name"], p["role"]) for p in d["parties"]))
        return d["type"], parties, json.dumps(d["amount"]), d["certainty"]

    texts = [text for _id, text, _exp in ALL_CASES]
    try:
        deals.sources = "learned"
        alone = [[key(d) for d in doc._.deals] for doc in nlp.pipe(texts)]
        deals.sources, deals.prefer = "both", "learned"
        joined = [[key(d) for d in doc._.deals] for doc in nlp.pipe(texts)]
    finally:
        deals.sources, deals.prefer = "both", "rules"
    for text, ours, out in zip(texts, alone, joined, strict=True):
        assert set(ours) <= set(out), text
    assert sum(map(len, joined)) > sum(map(len, alone))  # the rules fill gaps


def test_learned_alone(nlp) -> None:
    deals = nlp.get_pipe("aiextract_deals")
    deals.sources = "learned"
    try:
        found = nlp(ROUND)._.deals
    finally:
        deals.sources = "both"
    assert [d["type"] for d in found] == ["funding"]
    assert {p["name"] for p in found[0]["parties"]} >= {"Ventora"}
    assert found[0]["features"][FEATURES.index("learned")] == 1.0


def test_a_round_led_by_a_fund_alone_gives_no_deal(nlp) -> None:
    doc = nlp(
        "Kelvia et Nexora exposent à Lyon. Un tour de table de 10 millions d'euros a été "
        "mené par Verdane Capital."
    )
    assert not doc._.deals


def test_sources_must_be_known() -> None:
    with pytest.raises(ValueError, match="sources"):
        spacy.blank("fr").add_pipe("aiextract_deals", config={"sources": "oracle"})


def test_type_thresholds_must_name_deal_types() -> None:
    with pytest.raises(ValueError, match="type_thresholds"):
        spacy.blank("fr").add_pipe("aiextract_deals", config={"type_thresholds": {"merger": 0.3}})


def test_a_type_threshold_in_the_config_joins_the_shipped_ones() -> None:
    deals = spacy.blank("fr").add_pipe(
        "aiextract_deals", config={"type_thresholds": {"hire": 0.5}, "learned_threshold": 0.25}
    )
    assert deals.learned_thresholds["hire"] == 0.5
    assert deals.learned_thresholds["acquisition"] == TYPE_THRESHOLDS["acquisition"]
    assert deals.learned_thresholds["funding"] == 0.25


def test_each_deal_type_needs_its_own_sentence_score(nlp) -> None:
    deals = nlp.get_pipe("aiextract_deals")
    doc = nlp("Le groupe Kiplo rachète la start-up lyonnaise Ventora pour 40 millions d'euros.")
    score = max(e["scores"]["acquisition"] for e in doc._.deal_sentences)
    before = (deals.sources, deals.learned_thresholds)
    deals.sources = "learned"
    try:
        deals.learned_thresholds = {**before[1], "acquisition": score + 0.01}
        assert not [d for d in deals(doc)._.deals if d["type"] == "acquisition"]
        deals.learned_thresholds = {**before[1], "acquisition": score - 0.01}
        assert [d["type"] for d in deals(doc)._.deals] == ["acquisition"]
    finally:
        deals.sources, deals.learned_thresholds = before


def test_same_deal_ignores_type_and_takes_subsets() -> None:
    rule = {"type": "investment", "parties": [{"name": "A"}, {"name": "B"}, {"name": "C"}]}
    assert same_deal(rule, {"type": "funding", "parties": [{"name": "A"}, {"name": "B"}]})
    assert not same_deal(rule, {"type": "funding", "parties": [{"name": "D"}, {"name": "E"}]})


def test_a_learned_deal_needs_what_the_guidelines_require() -> None:
    def deal(kind: str, **roles: str) -> LearnedDeal:
        return LearnedDeal(kind, {n: (r, 0.9, 0) for n, r in roles.items()}, 0, 0, 0.9)

    assert not deal("funding", A="investor").complete()
    assert deal("funding", A="target").complete()
    assert not deal("hire", A="employer").complete()
    # the roles every gold deal of the real corpus has
    assert not deal("contract", A="supplier", B="supplier").complete()
    assert deal("contract", A="buyer", B="supplier").complete()
    assert not deal("acquisition", A="acquirer", B="acquirer").complete()
    assert deal("acquisition", A="acquirer", B="seller").complete()  # a buyback
    assert deal("acquisition", A="seller", B="target").complete()  # no buyer named
    assert not deal("investment", A="investor", B="investor").complete()
    assert not deal("partnership", A="partner").complete()


def test_a_deal_told_again_further_on_is_one_deal() -> None:
    def deal(sentence: int, score: float, amount=None, date=None, **roles: str) -> LearnedDeal:
        parties = {n: (r, 0.9, 0) for n, r in roles.items()}
        return LearnedDeal("acquisition", parties, sentence, sentence, score, amount, date)

    eur = {"value": 30_000_000, "currency": "EUR"}
    first = deal(1, 0.6, None, "2024", A="acquirer", B="target")
    again = deal(7, 0.8, eur, None, A="acquirer", B="target")
    folded = fold_repeats([first, again])
    assert folded == [again]  # the likelier reading stands...
    assert folded[0].amount == eur and folded[0].date == "2024"  # ...with both details
    # two sums, or two years, are two deals; other parties are another deal
    other_sum = deal(9, 0.7, {"value": 5_000_000, "currency": "EUR"}, A="acquirer", B="target")
    assert len(fold_repeats([again, other_sum])) == 2
    assert len(fold_repeats([first, deal(9, 0.7, None, "2019", A="acquirer", B="target")])) == 2
    assert len(fold_repeats([first, deal(9, 0.7, A="acquirer", C="target")])) == 2


def test_a_deal_lacking_a_role_joins_its_neighbour_of_the_same_type() -> None:
    """« Ventora lève 5 M€. Le tour est mené par Kelvin Partners et Quibix Capital. »:
    the second sentence names backers but no company raising; they join the round."""

    def deal(kind: str, sentence: int, amount=None, **roles: str) -> LearnedDeal:
        parties = {n.replace("_", " "): (r, 0.8, 0) for n, r in roles.items()}
        return LearnedDeal(kind, parties, sentence, sentence, 0.8, amount)

    def round_() -> LearnedDeal:  # a new one each time: merging adds to the first deal
        return deal("funding", 0, Ventora="target")

    backers = deal("funding", 1, Kelvin_Partners="investor", Quibix_Capital="investor")
    (merged,) = merge_neighbours([round_(), backers])
    assert merged.parties["Kelvin Partners"][0] == "investor"
    assert (merged.sentence, merged.last) == (0, 1)
    # alone, the backers are no deal (a round needs its target)
    assert merge_neighbours([deal("funding", 1, Kelvin_Partners="investor")]) == []
    # not across a sentence, not across types, not across two amounts
    far = deal("funding", 2, Kelvin_Partners="investor")
    assert [d.names() for d in merge_neighbours([round_(), far])] == [{"Ventora"}]
    other = deal("investment", 1, Kelvin_Partners="investor")
    assert [d.names() for d in merge_neighbours([round_(), other])] == [{"Ventora"}]
    eur = {"value": 5_000_000, "currency": "EUR"}
    sums = [
        deal("funding", 0, eur, Ventora="target"),
        deal("funding", 1, {"value": 9}, Lumeo="investor"),
    ]
    assert [d.names() for d in merge_neighbours(sums)] == [{"Ventora"}]
    # two whole deals with no party in common stay two
    kiplo = deal("funding", 1, Kiplo="target")
    assert len(merge_neighbours([round_(), kiplo])) == 2
    # two rounds of two companies stay two, though one backer is in both
    kiplo_round = deal("funding", 1, Kiplo="target", Kelvin_Partners="investor")
    ventora_round = deal("funding", 0, Ventora="target", Kelvin_Partners="investor")
    merged = merge_neighbours([ventora_round, kiplo_round])
    assert [sorted(d.names()) for d in merged] == [
        ["Kelvin Partners", "Ventora"],
        ["Kelvin Partners", "Kiplo"],
    ]
    # two partnerships sharing a partner are one (no targets there)
    pact = deal("partnership", 0, Ventora="partner", Lumeo="partner")
    again = deal("partnership", 1, Lumeo="partner", Kiplo="partner")
    assert len(merge_neighbours([pact, again])) == 1


def test_roles_are_decoded_with_the_shape_of_a_deal() -> None:
    scores = {
        "Ferlane": {"target": 0.9, "investor": 0.05, "none": 0.05},
        "Quillot": {"target": 0.6, "investor": 0.3, "none": 0.1},
    }
    # one target per round: the likelier keeps it, the other takes its next role
    assert decode_roles("funding", scores) == {
        "Ferlane": ("target", 0.9),
        "Quillot": ("investor", 0.3),
    }
    # a role the deal lacks goes to the likeliest name left out, above a floor
    lacking = {
        "Dorvane": {"buyer": 0.7, "none": 0.2},
        "Ombrelle": {"supplier": 0.35, "none": 0.6},
        "Vernalis": {"supplier": 0.1, "none": 0.9},
    }
    assert decode_roles("contract", lacking) == {
        "Dorvane": ("buyer", 0.7),
        "Ombrelle": ("supplier", 0.35),
    }
    lacking["Ombrelle"]["supplier"] = 0.15
    assert decode_roles("contract", lacking) == {"Dorvane": ("buyer", 0.7)}
    # a round read with two investors and no target: the likelier target of the two
    two_investors = {
        "Ferlane": {"target": 0.35, "investor": 0.42, "none": 0.2},
        "Quillot": {"target": 0.06, "investor": 0.87, "none": 0.06},
    }
    assert decode_roles("funding", two_investors) == {
        "Ferlane": ("target", 0.35),
        "Quillot": ("investor", 0.87),
    }
    # any type: « Kiplo rachète Ventora » read with two targets gives the buyer's role
    # to the likelier buyer of the two
    two_targets = {
        "Kiplo": {"target": 0.45, "acquirer": 0.41, "none": 0.1},
        "Ventora": {"target": 0.49, "acquirer": 0.34, "none": 0.12},
    }
    assert decode_roles("acquisition", two_targets) == {
        "Kiplo": ("acquirer", 0.41),
        "Ventora": ("target", 0.49),
    }
    # under the floor, no role is given and the deal stays incomplete
    two_targets["Kiplo"]["acquirer"] = two_targets["Ventora"]["acquirer"] = 0.15
    assert {r for r, _p in decode_roles("acquisition", two_targets).values()} == {"target"}


def test_prefer_must_be_known() -> None:
    with pytest.raises(ValueError, match="prefer"):
        spacy.blank("fr").add_pipe("aiextract_deals", config={"prefer": "oracle"})


# ------------------------------------------------------ confidence, thresholds


def test_min_confidence_trades_deals_away(nlp) -> None:
    assert aiextract.extract(ROUND, nlp=nlp).deals
    assert not aiextract.extract(ROUND, nlp=nlp, min_confidence=0.999).deals
    many = list(aiextract.extract_many([ROUND, ROUND], nlp=nlp, min_confidence=0.999))
    assert [a.deals for a in many] == [[], []]


def test_cli_min_confidence(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ROUND, encoding="utf-8")
    out_all, out_none = tmp_path / "all.jsonl", tmp_path / "none.jsonl"
    assert main(["extract", str(source), "-o", str(out_all), "-q"]) == 0
    assert main(["extract", str(source), "-o", str(out_none), "-q", "--min-confidence", "1"]) == 0
    assert json.loads(out_all.read_text())["deals"]
    assert json.loads(out_none.read_text())["deals"] == []
    with pytest.raises(SystemExit):
        main(["extract", str(source), "--min-confidence", "2"])


def test_calibrator_fits_and_round_trips(tmp_path: Path) -> None:
    rows = [[1, 0, 0, 0.9, 0.7, 0, 1, 0]] * 20 + [[0, 1, 0, 0.3, 0, 0.4, 0, 0]] * 20
    labels = [1] * 16 + [0] * 4 + [1] * 4 + [0] * 16
    cal = Calibrator.fit(rows, labels)
    assert cal(rows[0]) > 0.7 > 0.3 > cal(rows[-1])
    cal.save(tmp_path / "c.json")
    assert Calibrator.load(tmp_path / "c.json") == cal
    assert Calibrator.load(tmp_path / "missing.json") is None


def test_reliability_and_ece() -> None:
    rows, ece = calibration.reliability([0.1, 0.1, 0.9, 0.9], [0, 0, 1, 1], bins=2)
    assert [r["deals"] for r in rows] == [2, 2]
    assert ece == pytest.approx(0.1)
    rows, ece = calibration.reliability([0.9, 0.9], [0, 0], bins=5)
    assert ece == pytest.approx(0.9)


def test_pr_curve_counts() -> None:
    gold = [[{"type": "funding", "parties": [{"name": "A", "role": "target"}]}]]
    pred = [
        [
            {"type": "funding", "parties": [{"name": "A", "role": "target"}], "confidence": 0.8},
            {"type": "hire", "parties": [{"name": "B", "role": "employer"}], "confidence": 0.2},
        ]
    ]
    low, high, top = calibration.pr_curve(gold, pred, [0.0, 0.5, 0.9])
    assert (low["precision"], low["recall"]) == (0.5, 1.0)
    assert (high["precision"], high["recall"]) == (1.0, 1.0)
    assert (top["deals"], top["recall"]) == (0, 0.0)


# ----------------------------------------------------------------- gold, data


def test_gold_spans_and_targets(nlp) -> None:
    text = ROUND + " Elle recrute."
    doc = nlp.make_doc(text)
    deal = {
        "type": "funding",
        "parties": [
            {"name": "Ventora", "role": "target", "mentions": [{"start": 22, "end": 29}]},
        ],
        "evidence": [{"start": 0, "end": len(ROUND)}],
    }
    annotate_gold(doc, [deal])
    assert [s.label_ for s in doc.spans[EVIDENCE_KEY]] == ["funding"]
    assert [(s.text, s.label_) for s in doc.spans[PARTIES_KEY]] == [("Ventora", "target")]
    targets = sentence_targets(doc, [(0, len(ROUND)), (len(ROUND) + 1, len(text))])
    assert targets[:, TYPES.index("funding")].tolist() == [1.0, 0.0]


UNRESOLVED = (
    "Quibix, Lumeo, Kiplo et Ventora ont présenté leurs résultats annuels à Lyon. "
    "La société a levé 5 millions d'euros auprès du fonds Kelvin Partners."
)


def test_an_unresolved_reference_offers_the_names_last_named_before_it(nlp) -> None:
    doc = nlp(UNRESOLVED)
    slots = sentence_slots(doc_features(doc), 1)
    candidates = sorted((s for s in slots if s.how == "candidate"), key=lambda s: s.rank)
    # the entities step cannot tell which company « La société » is: the role step
    # scores the last three named, the most recent first
    assert CANDIDATES == 3
    assert [(s.name, s.rank, s.ref_kind) for s in candidates] == [
        ("Ventora", 0, "description"),
        ("Kiplo", 1, "description"),
        ("Lumeo", 2, "description"),
    ]
    assert {doc[s.start : s.end].text for s in candidates} == {"La société"}
    # a name of the sentence itself is a slot as a name, never as a candidate
    assert [(s.name, s.how) for s in slots if s.how != "candidate"] == [("Kelvin Partners", "name")]


def test_a_candidate_takes_a_gold_role_only_where_the_gold_names_it_so(nlp) -> None:
    doc = nlp(UNRESOLVED)
    second = UNRESOLVED.index("La société")
    kiplo = UNRESOLVED.index("Kiplo")
    slots = [s for s in sentence_slots(doc_features(doc), 1) if s.how == "candidate"]
    chars = (second, second + len("La société"))

    def roles(mentions: list[dict]) -> dict[str, str]:
        reference = nlp.make_doc(UNRESOLVED)
        deal = {
            "type": "funding",
            "parties": [{"name": "Kiplo", "role": "target", "mentions": mentions}],
            "evidence": [{"start": 0, "end": len(UNRESOLVED)}],
        }
        annotate_gold(reference, [deal])
        deals = deals_in(reference, second, len(UNRESOLVED))
        return {s.name: slot_role(reference, s, chars, deals, "funding") for s in slots}

    said_there = [{"start": chars[0], "end": chars[1]}]
    assert roles(said_there) == {"Ventora": "none", "Kiplo": "target", "Lumeo": "none"}
    # the deal's party named elsewhere only: the reference is not known to stand for it
    named_elsewhere = [{"start": kiplo, "end": kiplo + len("Kiplo")}]
    assert roles(named_elsewhere) == {"Ventora": "none", "Kiplo": "none", "Lumeo": "none"}


def test_evidence_read_from_the_text_when_the_gold_has_none(nlp) -> None:
    text = "Le groupe Brenta rachète la société Ilvo. Il fait beau à Lyon."
    deal = {
        "type": "acquisition",
        "parties": [{"name": "Brenta", "role": "acquirer"}, {"name": "Ilvo", "role": "target"}],
    }
    (done,) = with_evidence(nlp(text), [deal])
    assert done["evidence"] == [{"start": 0, "end": 41}]
    assert done["parties"][1]["mentions"] == [{"start": 36, "end": 40}]


def test_read_annotated_sources(tmp_path: Path) -> None:
    articles = read_annotated(DATA / "dev")
    assert len(articles) == 36 and all(a.text for a in articles)
    lines = tmp_path / "gold.jsonl"
    lines.write_text(json.dumps({"id": "x", "text": ROUND, "deals": []}) + "\n", "utf-8")
    assert read_annotated(lines)[0].text == ROUND
    with pytest.raises(InputError, match="no such"):
        read_annotated(tmp_path / "absent.jsonl")
    lines.write_text(json.dumps({"id": "y", "deals": []}) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"y\.txt"):
        read_annotated(lines)


# ------------------------------------------------- saving, loading, training


def test_saved_pipeline_loads_back_with_the_same_deals(nlp, tmp_path: Path) -> None:
    text = ROUND + " Le groupe Brenta rachète la société Ilvo pour 30 millions d'euros."
    expected = nlp(text)._.deals
    nlp.to_disk(tmp_path / "pipe")
    again = aiextract.load(str(tmp_path / "pipe"))
    assert again.pipe_names == nlp.pipe_names
    assert again(text)._.deals == expected
    tuned = nlp.get_pipe("ner").to_bytes(exclude=["vocab"])  # the shipped recogniser
    assert again.get_pipe("ner").to_bytes(exclude=["vocab"]) == tuned
    assert [t.text for t in again.tokenizer("la start-up")] == ["la", "start-up"]
    assert spacy.load(tmp_path / "pipe")(text)._.deals == expected
    with pytest.raises(ValueError, match=r"config\.cfg"):
        aiextract.load(str(tmp_path / "pipe"), config={"deals": {"sources": "rules"}})


def test_train_command_writes_a_pipeline(tmp_path: Path, capsys) -> None:
    out = tmp_path / "trained"
    args = ["train", str(DATA / "dev"), "--dev", str(DATA / "dev_b"), "--epochs", "2"]
    args += ["--ner-epochs", "2"]
    assert main([*args, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ner epoch   2" in printed and "dev names: organisations F1" in printed
    assert "epoch   2" in printed and "dev deals typed F1" in printed
    assert "expected calibration error" in printed
    assert "fitted on the dev articles and 5 folds of TRAIN" in printed
    record = json.loads((out / "training.json").read_text())
    assert record["articles"] == {"train": 36, "dev": 30}
    assert record["calibration_folds"] == 5
    assert record["ner"]["epochs"] == 2 and record["ner"]["articles"] == 36
    trained = aiextract.load(str(out))
    assert trained.get_pipe("aiextract_deal_roles").trained
    assert (out / "aiextract_deals" / "calibration.json").is_file()
    # seeded: the same command gives the same weights
    assert main([*args, "-o", str(tmp_path / "again")]) == 0
    for pipe in ("aiextract_deal_sentences", "ner"):
        first = (out / pipe / "model").read_bytes()
        assert (tmp_path / "again" / pipe / "model").read_bytes() == first


def test_out_of_fold_predictions_leave_the_weights_as_they_were(nlp) -> None:
    from aiextract.training.loop import learned_pipes, out_of_fold, prepare

    articles = read_annotated(DATA / "dev")[:6]
    examples = prepare(nlp, articles)
    before = [pipe.model.to_bytes() for pipe in learned_pipes(nlp)]
    golds, preds = out_of_fold(nlp, examples, 3, epochs=1)
    assert len(golds) == len(preds) == len(articles)
    assert sorted(map(len, golds)) == sorted(len(a.deals) for a in articles)
    assert [pipe.model.to_bytes() for pipe in learned_pipes(nlp)] == before


def test_training_needs_the_learned_steps(nlp) -> None:
    from aiextract.training.loop import learned_pipes

    with (
        nlp.select_pipes(disable=["aiextract_deal_roles"]),
        pytest.raises(InputError, match="aiextract_deal_roles"),
    ):
        learned_pipes(nlp)


def test_train_command_needs_an_output(capsys) -> None:
    assert main(["train", str(DATA / "dev")]) == 2
    assert "-o DIR" in capsys.readouterr().err


def test_features_are_read_once_per_document_in_nlp_pipe(nlp, monkeypatch) -> None:
    """The learned steps run one document at a time, so the deals component finds the
    document's features cached: the mention index is built once per document."""
    from aiextract.components.deals import mentions

    texts = [
        "La start-up Kelvia lève 12 millions d'euros auprès du fonds Valtor Capital.",
        "Le groupe Nexalia rachète la société Orbeo. Orbeo emploie 40 personnes.",
        "Valtor Capital investit dans Quorvel.",
    ] * 4
    original = mentions.MentionIndex.from_doc.__func__
    calls = []

    def counted(cls, *args, **kwargs):
        calls.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(mentions.MentionIndex, "from_doc", classmethod(counted))
    docs = list(nlp.pipe(texts, batch_size=5))
    assert len(calls) == len(texts)
    assert [len(d._.deals) for d in docs] == [len(nlp(t)._.deals) for t in texts]


def _joined(
    monkeypatch, learned: list[LearnedDeal], sentences: list | None = None, **options
) -> list[str]:
    """The types of ``_join``'s deals."""
    return [d["type"] for d in _join(monkeypatch, learned, sentences, **options)]


def _join(
    monkeypatch, learned: list[LearnedDeal], sentences: list | None = None, **options
) -> list[dict]:
    """``join_learned`` of one rule partnership between Nordane and Velix and
    ``learned``, the learned steps' reading stubbed out (no model run); ``sentences``
    stands for ``doc._.deal_sentences``."""
    from types import SimpleNamespace

    from aiextract.components.deals import joining

    monkeypatch.setattr(joining, "doc_features", lambda doc: SimpleNamespace(sentences=[]))
    monkeypatch.setattr(joining, "read_learned", lambda *args: learned)
    monkeypatch.setattr(joining, "doc_text", lambda doc: "")

    def as_dict(deal: LearnedDeal, sentences: list, text: str) -> dict:
        parties = [{"name": n, "role": r} for n, (r, _p, _t) in deal.parties.items()]
        return {"type": deal.type, "parties": parties, "amount": None, "start": 0, "end": 9}

    monkeypatch.setattr(joining, "as_dict", as_dict)
    rule = {
        "type": "partnership",
        "parties": [{"name": "Nordane", "role": "partner"}, {"name": "Velix", "role": "partner"}],
        "amount": None,
        "certainty": "stated",
        "confidence": 0.8,
        "start": 0,
        "end": 9,
    }
    doc = SimpleNamespace(_=SimpleNamespace(deal_sentences=sentences or []))
    return joining.join_learned(doc, [rule], dict.fromkeys(TYPES, 0.2), None, {}, **options)


def _stake(score: float, kind: str = "investment") -> LearnedDeal:
    roles = {"Nordane": ("investor", 0.9, 0), "Velix": ("target", 0.8, 1)}
    return LearnedDeal(kind, roles, 0, 0, score)


def test_a_learned_deal_of_another_type_stands_beside_the_rule_deal(monkeypatch) -> None:
    # « Nordane prend 20 % de Velix et noue un partenariat avec elle »: a stake and a
    # partnership between the same two companies are two deals (docs/learned.md)
    assert sorted(_joined(monkeypatch, [_stake(0.6)])) == ["investment", "partnership"]
    # a weak reading of another type is the rule deal told again
    assert _joined(monkeypatch, [_stake(0.4)]) == ["partnership"]
    # the same type is always the same deal, and twin_threshold over 1 turns twins off
    assert _joined(monkeypatch, [_stake(0.9, "partnership")]) == ["partnership"]
    assert _joined(monkeypatch, [_stake(0.9)], twin_threshold=1.01) == ["partnership"]


def _rule_round(*backers: str) -> dict:
    parties = [{"name": "Ventora", "role": "target"}]
    parties += [{"name": name, "role": "investor"} for name in backers]
    return {"type": "funding", "parties": parties}


def _read_round(**roles: tuple[str, float]) -> LearnedDeal:
    parties = {name: (role, p, k) for k, (name, (role, p)) in enumerate(roles.items())}
    return LearnedDeal("funding", parties, 0, 0, 0.9)


def test_a_rule_deal_takes_the_parties_its_learned_reading_adds() -> None:
    from aiextract.components.deals.joining import add_learned_parties

    # « Ventora lève 12 M€ auprès de Kelvin Partners, Quibix et Lumeo », read by the
    # rules with one backer: the two others join, the one scored under 0.5 does not
    rule = _rule_round("Kelvin Partners")
    learned = _read_round(
        Ventora=("target", 0.9),
        Quibix=("investor", 0.8),
        Lumeo=("investor", 0.6),
        Kiplo=("investor", 0.3),
    )
    add_learned_parties(rule, learned, 0.5)
    assert [(p["name"], p["role"]) for p in rule["parties"]] == [
        ("Ventora", "target"),
        ("Kelvin Partners", "investor"),
        ("Quibix", "investor"),
        ("Lumeo", "investor"),
    ]
    # a round has one company: a second target is not added
    rule = _rule_round("Kelvin Partners")
    add_learned_parties(rule, _read_round(Quibix=("target", 0.9)), 0.5)
    assert [p["name"] for p in rule["parties"]] == ["Ventora", "Kelvin Partners"]
    # a reading of another type adds nothing, and a threshold over 1 turns it off
    rule = _rule_round()
    other = LearnedDeal("investment", {"Quibix": ("investor", 0.9, 0)}, 0, 0, 0.9)
    add_learned_parties(rule, other, 0.5)
    add_learned_parties(rule, _read_round(Quibix=("investor", 0.9)), 1.01)
    assert [p["name"] for p in rule["parties"]] == ["Ventora"]


def test_the_join_adds_learned_parties_to_the_rule_deal(monkeypatch) -> None:
    # « Nordane, Velix et Quibix nouent un partenariat », read by the rules with two
    roles = {"Nordane": ("partner", 0.9, 0), "Velix": ("partner", 0.9, 1)}
    reading = LearnedDeal("partnership", {**roles, "Quibix": ("partner", 0.7, 2)}, 0, 0, 0.9)
    [deal] = _join(monkeypatch, [reading])
    assert [p["name"] for p in deal["parties"]] == ["Nordane", "Velix", "Quibix"]
    [deal] = _join(monkeypatch, [reading], party_threshold=1.01)
    assert [p["name"] for p in deal["parties"]] == ["Nordane", "Velix"]


def test_a_stake_takes_no_learned_party() -> None:
    from aiextract.components.deals.joining import add_learned_parties

    # « Kelio a cédé 30 % de Datapix au fonds Ardian »: the role step reads the seller
    # of a stake as a second investor, so an investment takes no party from it
    rule = {"type": "investment", "parties": [{"name": "Datapix", "role": "target"}]}
    rule["parties"].append({"name": "Ardian", "role": "investor"})
    reading = LearnedDeal("investment", {"Kelio": ("investor", 0.8, 0)}, 0, 0, 0.9)
    add_learned_parties(rule, reading, 0.5)
    assert [p["name"] for p in rule["parties"]] == ["Datapix", "Ardian"]


def test_a_rule_deal_the_learned_steps_do_not_read_is_left_out(monkeypatch) -> None:
    # « Nordane et Velix ... »: a rule partnership whose sentence the learned steps
    # score 0.04 for a partnership goes with a floor of 0.1 for that type
    scored = [{"start_char": 0, "end_char": 9, "scores": {"partnership": 0.04}}]
    floor = {"partnership": 0.1}
    assert _joined(monkeypatch, [], scored, rule_thresholds=floor) == []
    assert _joined(monkeypatch, [], scored) == ["partnership"]
    scored[0]["scores"]["partnership"] = 0.3
    assert _joined(monkeypatch, [], scored, rule_thresholds=floor) == ["partnership"]


def test_rule_thresholds_must_name_deal_types() -> None:
    with pytest.raises(ValueError, match="rule_thresholds names no deal type"):
        aiextract.load(config={"deals": {"rule_thresholds": {"contrat": 0.1}}})
