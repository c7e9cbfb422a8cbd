"""The language check: French articles (English company names and quotes included) stay
French; English, Chinese and mostly foreign articles are marked and give no junk."""

from __future__ import annotations

import pytest
import spacy

import aiextract
from aiextract.langcheck import CUES, detect_language, plainly_french, sample_windows, words_of
from aiextract.lexicon import load_table

FR_NAMES = (
    "Le fonds américain Sequoia Capital mène un tour de table de 40 millions de dollars "
    "dans la start-up parisienne Dataloop, aux côtés de Google Ventures et Index Ventures."
)
FR_TITLES = (
    "OpenAI, Microsoft et Nvidia signent un accord avec Oracle Cloud Infrastructure pour "
    "héberger les modèles de la start-up dans le Texas."
)
FR_CEO = (
    "Le CEO de Snowflake a présenté la nouvelle offre Cortex AI lors du Summit de San "
    "Francisco, devant un parterre de clients et de partenaires."
)
FR_DEEPTECH = (
    "La deeptech grenobloise Quantum Forge lève 12 M€ en seed auprès de Kima Ventures, "
    "Frst et plusieurs business angels de la French Tech."
)
FR_QUOTE = (
    "« It's a game changer for the whole industry », a lancé le fondateur de Skyward Labs, "
    "qui vient de boucler une levée de fonds de 8 millions d'euros auprès d'Eurazeo."
)
EN = (
    "Northwind Robotics has raised $45 million in a Series B round led by Accel, with "
    "participation from existing investors. The Boston-based company plans to use the "
    "proceeds to expand its warehouse automation platform, its chief executive said."
)
ZH = (
    "北京一家人工智能初创公司周二宣布完成两亿元人民币的B轮融资，由红杉中国领投，现有股东继续跟投。"
    "公司表示，新资金将主要用于研发和扩大海外市场。"
)
DE = (
    "Das Münchner Start-up Helix Energie hat in einer Finanzierungsrunde 20 Millionen Euro "
    "eingesammelt, angeführt von einem Berliner Risikokapitalgeber."
)
FR_PARAGRAPH = (
    "La société lyonnaise Ardent Solutions a annoncé mardi l'acquisition de son concurrent "
    "grenoblois pour un montant qui n'a pas été dévoilé. L'opération doit encore recevoir "
    "le feu vert de l'Autorité de la concurrence, a précisé la direction dans un communiqué. "
)
EN_PARAGRAPH = (
    "Analysts expect the deal to close in the second quarter, subject to regulatory "
    "approval, and the combined company will keep its headquarters in London. Shares of "
    "the acquirer rose four percent in early trading after the announcement on Monday. "
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FR_NAMES, "fr"),
        (FR_TITLES, "fr"),
        (FR_CEO, "fr"),
        (FR_DEEPTECH, "fr"),
        (FR_QUOTE, "fr"),
        (EN, "en"),
        (ZH, "zh"),
        (DE, "de"),
        (FR_PARAGRAPH * 2 + EN_PARAGRAPH, "fr"),
        (EN_PARAGRAPH * 2 + FR_PARAGRAPH, "en"),
        (FR_PARAGRAPH * 6, "fr"),
        ("", None),
        ("12 345 678 — 2024 — 3,5 %", None),
        ("OpenAI Microsoft", None),
    ],
    ids=[
        "fr-english-fund-names",
        "fr-us-companies",
        "fr-ceo-summit",
        "fr-frenchtech",
        "fr-english-quote",
        "en",
        "zh",
        "de",
        "mostly-fr",
        "mostly-en",
        "long-fr",
        "empty",
        "numbers-only",
        "two-names",
    ],
)
@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "model-only"])
def test_detect_language(text, language, fast_path):
    guess = detect_language(text, fast_path=fast_path)
    assert guess.language == language
    if language is not None:
        assert 0.5 <= guess.score <= 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("BNP Paribas acquiert la fintech Kantox.", "fr"),  # 0.39 es, 0.34 fr
        ("Banco Sabadell acquiert la fintech Kelvo.", "fr"),  # a Spanish name
        ("Le groupe Ombrelle rachète Kelvo.", "fr"),
        ("Ombrelle compra la empresa española Kelvo por 100 millones.", "es"),
        ("Ombrelle buys the payments start-up Kelvo for $19 million.", "en"),
        ("Ombrelle übernimmt das Start-up Kelvo für 100 Millionen Euro.", "de"),
    ],
    ids=[
        "fr-close-call-with-es",
        "fr-spanish-name",
        "fr-short",
        "es-short",
        "en-short",
        "de-short",
    ],
)
def test_short_sentence_close_call_goes_to_french(text, language):
    assert detect_language(text, fast_path=False).language == language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FR_NAMES, True),
        (FR_PARAGRAPH, True),
        (FR_QUOTE, False),  # English words in the quote: the model decides
        (EN, False),
        (EN_PARAGRAPH, False),
        (DE, False),
        (ZH, False),
        ("Google, Meta et Apple", False),  # too few cues
    ],
    ids=[
        "fr-names",
        "fr-paragraph",
        "fr-english-quote",
        "en",
        "en-paragraph",
        "de",
        "zh",
        "names-only",
    ],
)
def test_plainly_french(text, expected):
    assert plainly_french(words_of(text)) is expected


def test_cue_table_has_both_languages_and_no_repeats():
    rows = load_table("language_cues.tsv")
    forms = [row["form"] for row in rows]
    assert len(forms) == len(set(forms))
    assert {row["language"] for row in rows} == {"fr", "en"}
    assert set(CUES) == set(forms)


def test_mixed_article_windows_disagree():
    guess = detect_language(FR_PARAGRAPH * 2 + EN_PARAGRAPH, fast_path=False)
    assert sorted(guess.windows) == ["en", "fr", "fr"]
    assert 0.5 < guess.score < 0.8


@pytest.mark.parametrize("length", [0, 30, 449, 450, 451, 2_000, 100_000])
def test_sample_windows_are_bounded_pieces_of_the_text(length):
    text = ("Alpha rachète Beta. " * (length // 20 + 1))[:length]
    windows = sample_windows(text, windows=3, window_chars=150)
    assert len(windows) <= 3
    assert all(w in text for w in windows)
    assert sum(len(w) for w in windows) <= 3 * 180
    if text.strip():
        assert windows


def test_sample_windows_rejects_zero():
    with pytest.raises(ValueError, match="at least 1"):
        sample_windows("texte", windows=0)


# ------------------------------------------------------------------ the component


def test_french_article_is_marked_fr_and_keeps_its_deal(nlp):
    article = aiextract.extract(FR_NAMES, nlp=nlp)
    assert article.language == "fr" and article.language_score >= 0.9
    assert article.warnings == []
    assert article.deals and "Dataloop" in article.orgs
    assert article.to_dict()["language"] == "fr"


@pytest.mark.parametrize("text", [EN, ZH, DE], ids=["en", "zh", "de"])
def test_foreign_article_gives_nothing_but_a_warning(nlp, text):
    article = aiextract.extract(text, nlp=nlp)
    assert article.language != "fr" and article.error is None
    assert (article.orgs, article.people, article.money, article.dates, article.deals) == (
        [],
        [],
        [],
        [],
        [],
    )
    [warning] = article.warnings
    assert warning.startswith(f"language: the article looks written in {article.language!r}")
    out = article.to_dict()
    assert out["warnings"] == [warning] and out["deals"] == []


def _blank_with_check(**config) -> spacy.language.Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe("aiextract_money")
    nlp.add_pipe("aiextract_language", config=config)
    return nlp


def test_on_other_no_deals_keeps_mentions():
    nlp = _blank_with_check(on_other="no_deals")
    doc = nlp(EN.replace("$45 million", "45 millions de dollars"))
    assert doc._.language == "en"
    assert doc._.deals == [] and len(doc.spans["money"]) == 1
    assert "no deals extracted" in doc._.warnings[0]


def test_on_other_keep_only_marks():
    doc = _blank_with_check(on_other="keep")(EN.replace("$45 million", "45 M$"))
    assert doc._.language == "en" and doc._.warnings is None
    assert len(doc.spans["money"]) == 1


def test_languages_config_accepts_english():
    doc = _blank_with_check(languages=["fr", "en"])(EN.replace("$45 million", "45 M$"))
    assert doc._.language == "en" and doc._.warnings is None
    assert len(doc.spans["money"]) == 1


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"on_other": "drop"}, "on_other must be one of"),
        ({"windows": 0}, "at least 1"),
        ({"languages": ["fr", "xx"]}, "not among the candidates"),
    ],
    ids=["on-other", "windows", "language"],
)
def test_bad_config_is_a_clear_error(config, message):
    with pytest.raises(ValueError, match=message):
        _blank_with_check(**config)


def test_saves_and_loads_with_its_config(tmp_path):
    nlp = _blank_with_check(on_other="no_deals", window_chars=120)
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.get_pipe_config("aiextract_language")["on_other"] == "no_deals"
    assert loaded.get_pipe_config("aiextract_language")["window_chars"] == 120
    doc = loaded(EN)
    assert (doc._.language, doc._.language_score) == (nlp(EN)._.language, nlp(EN)._.language_score)
    assert loaded(FR_NAMES)._.language == "fr"


def test_doc_values_survive_to_bytes():
    nlp = _blank_with_check()
    doc = nlp(ZH)
    copy = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.language == "zh" and copy._.warnings == doc._.warnings
