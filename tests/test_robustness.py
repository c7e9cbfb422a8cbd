"""Bad input through ``extract`` and ``extract_many``: empty, huge, control characters,
HTML, bytes; adversarial strings through the money and date finders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiextract
from aiextract.normalize.amounts import find_amounts, parse_amount
from aiextract.normalize.dates import find_dates, normalize_date
from aiextract.records import Article, DateMention, Deal, Money, Party, json_number
from aiextract.robust import clean_text, merge_articles, split_text

# ------------------------------------------------------------------ pure helpers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alpha\x00lève\x07 5 M€", "Alpha lève  5 M€"),
        ("ligne\x0cpage\x1bfin\x85", "ligne page fin "),
        ("tab\tet\nretour\r\n", "tab\tet\nretour\r\n"),
        ("<p>Beta rachète Gamma</p>", "\n  Beta rachète Gamma\n   "),
        ("a<br/>b", "a\n    b"),
        ('<a href="x>y">Delta</a>', " " * 14 + "Delta    "),
        ("<!-- note --><script>var x = '<p>';</script>Fin", " " * 44 + "Fin"),
        ("AT&amp;T et L&#39;Oréal&nbsp;SA", "AT&T et L'Oréal SA"),
        ("3 < 5 et 7 > 2", "3 < 5 et 7 > 2"),
        ("<Alpha> n'est pas une balise", "<Alpha> n'est pas une balise"),
    ],
    ids=[
        "nul-bell",
        "formfeed-esc-c1",
        "keeps-whitespace",
        "paragraph",
        "br",
        "quoted-attr",
        "comment-script",
        "entities",
        "comparisons",
        "unknown-tag",
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


def test_clean_text_keeps_length_without_entities():
    text = "<div class='x'>Le fonds\x00 Oryx</div>\x1f investit 3 M€.<br>"
    assert len(clean_text(text)) == len(text)


@pytest.mark.parametrize("limit", [10, 37, 100, 1000])
def test_split_text_covers_text_under_limit(limit):
    text = (
        "Alpha rachète Beta pour 12 millions d'euros. Le 3 mars 2024, Gamma lève des fonds.\n"
        "\nUn nouveau paragraphe suit ici.\n"
    ) * 20 + "x" * 250
    chunks = split_text(text, limit)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= limit for _, c in chunks)
    assert all(text[o : o + len(c)] == c for o, c in chunks)


def test_split_text_prefers_paragraphs():
    text = "Une phrase. " * 5 + "\n\n" + "Une autre phrase. " * 2
    chunks = split_text(text, len(text) - 5)
    assert chunks[0][1].endswith("\n\n")


def test_merge_articles_shifts_offsets_and_deduplicates():
    deal = Deal(
        "acquisition", (Party("Alpha", "acquirer"), Party("Beta", "target")), start=0, end=10
    )
    first = Article(
        id="a",
        published="2024-03",
        orgs=["Alpha", "Beta"],
        people=["Sam Altman"],
        money=[Money("5 M€", value=5_000_000, currency="EUR", start=3, end=7)],
        deals=[deal],
    )
    second = Article(
        id="a",
        published="2024-03",
        orgs=["beta", "Gamma"],
        people=["Altman", "Léa Roux"],
        dates=[DateMention("2024", "2024", start=1, end=5)],
        deals=[deal],
    )
    merged = merge_articles([(0, first), (100, second)])
    assert merged.orgs == ["Alpha", "Beta", "Gamma"]
    assert merged.people == ["Sam Altman", "Léa Roux"]
    assert (merged.money[0].start, merged.money[0].end) == (3, 7)
    assert (merged.dates[0].start, merged.dates[0].end) == (101, 105)
    assert len(merged.deals) == 1 and merged.published == "2024-03"


def test_merge_articles_takes_the_language_of_most_chunks():
    warning = "language: the article looks written in 'en' (score 0.97), not 'fr': …"
    parts = [
        (0, Article(id="a", language="fr", language_score=1.0)),
        (100, Article(id="a", language="en", language_score=0.97, warnings=[warning])),
        (200, Article(id="a", language="fr", language_score=0.9)),
        (300, Article(id="a", language="en", language_score=0.99, warnings=[warning])),
    ]
    merged = merge_articles(parts)
    assert (merged.language, merged.language_score) == ("fr", 0.95)  # a tie: the first's
    assert merged.warnings == [warning]


# ------------------------------------------------------------------ through the API


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\t  \n", "\x00\x00", "<p></p>"],
    ids=["empty", "space", "whitespace", "nul-only", "empty-html"],
)
def test_empty_text_gives_empty_article(nlp, text):
    article = aiextract.extract(text, nlp=nlp)
    assert article.error is None
    assert (article.orgs, article.people, article.money, article.dates, article.deals) == (
        [],
        [],
        [],
        [],
        [],
    )
    [many] = aiextract.extract_many([{"id": "e", "text": text}], nlp=nlp)
    assert many.error is None and many.to_dict()["money"] == []


@pytest.mark.parametrize("bad", [b"Alpha rach\xc3\xa8te Beta", bytearray(b"x"), None, 42])
def test_extract_rejects_non_str(nlp, bad):
    with pytest.raises(aiextract.InputError, match="text must be a str"):
        aiextract.extract(bad, nlp=nlp)


def test_bytes_error_says_to_decode(nlp):
    with pytest.raises(aiextract.InputError, match="decode"):
        aiextract.extract(b"texte", nlp=nlp)
    [article] = aiextract.extract_many([{"id": "b", "text": b"texte"}], nlp=nlp)
    assert article.error and "decode" in article.error


def _check_offsets(article: Article, text: str) -> None:
    for mention in [*article.money, *article.dates]:
        assert text[mention.start : mention.end] == mention.text


def test_control_characters_keep_offsets(nlp):
    text = "Le\x00 fonds Oryx\x07 investit 3 millions d'euros\x1b dans Nova le 3 mars 2024."
    article = aiextract.extract(text, nlp=nlp)
    assert [m.value for m in article.money] == [3_000_000]
    assert [d.value for d in article.dates] == ["2024-03-03"]
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    _check_offsets(article, cleaned)
    for mention in article.money:  # valid in the original text too
        assert text[mention.start : mention.end] == mention.text


def test_html_tags_are_stripped_offsets_in_original(nlp):
    text = (
        "<html><body><p>La start-up <b>Nova</b> a levé <strong>12 millions "
        "d'euros</strong> le 3 mars 2024.</p></body></html>"
    )
    article = aiextract.extract(text, nlp=nlp)
    assert [(m.value, m.currency) for m in article.money] == [(12_000_000, "EUR")]
    assert [d.value for d in article.dates] == ["2024-03-03"]
    assert not any("<" in name for name in article.orgs + article.people)
    _check_offsets(article, text)


def _long_text() -> str:
    sentences = [
        "La société Alpha rachète Beta pour 12 millions d'euros.",
        "Le 3 mars 2024, la start-up Gamma a levé 5 millions de dollars.",
        "Les analystes restent prudents sur le marché européen.",
        "Paul Durand dirige désormais la filiale de Delta à Lyon.",
    ]
    paragraph = " ".join(sentences) + "\n\n"
    return paragraph * (2_500_000 // len(paragraph) + 1)


def test_text_longer_than_max_length_is_chunked(nlp):
    text = _long_text()
    assert len(text) > 2_500_000
    saved = nlp.max_length
    nlp.max_length = 2_000  # keep the test fast: chunks of a few sentences
    try:
        short = text[:6_000]  # 3 chunks or so, through the full model
        article = aiextract.extract(short, nlp=nlp)
        [many] = aiextract.extract_many([{"id": "long", "text": short}], nlp=nlp)
        # the full model would take minutes on 2.5 MB: see test_2_5_mb_text_through_chunks
        chunks = split_text(text, nlp.max_length)
    finally:
        nlp.max_length = saved
    assert len(chunks) > 1000 and "".join(c for _, c in chunks) == text
    assert all(c.endswith("\n\n") for _, c in chunks[:-1])
    whole = aiextract.extract(short, nlp=nlp)  # under the normal limit: one doc
    assert many.to_dict() == {**article.to_dict(), "id": "long"}
    assert [m.to_dict() for m in article.money] == [m.to_dict() for m in whole.money]
    assert [d.to_dict() for d in article.dates] == [d.to_dict() for d in whole.dates]
    assert len(article.orgs) == len(set(article.orgs))
    assert len(article.money) > 10
    _check_offsets(article, short)
    assert len(article.deals) <= len(whole.deals) + 1


@pytest.fixture(scope="module")
def light_nlp():
    """Only the money and dates components, no statistical pipe: fast on megabytes."""
    heavy = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"]
    return aiextract.load(exclude=("orgs", "deals"), model_exclude=heavy)


def test_2_5_mb_text_through_chunks(light_nlp):
    text = _long_text()
    paragraphs = text.count("\n\n")
    saved = light_nlp.max_length
    light_nlp.max_length = 100_000  # 26 chunks
    try:
        article = aiextract.extract(text, nlp=light_nlp, published="2024-06-01")
    finally:
        light_nlp.max_length = saved
    assert len(article.money) == 2 * paragraphs
    assert len(article.dates) == paragraphs
    assert {d.value for d in article.dates} == {"2024-03-03"}
    assert article.money[-1].end > 2_400_000
    starts = [m.start for m in article.money]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    _check_offsets(article, text)


def test_too_long_text_does_not_raise_max_length(nlp):
    saved = nlp.max_length
    nlp.max_length = 300
    try:
        text = "Alpha rachète Beta pour 12 millions d'euros. " * 30  # no paragraph breaks
        article = aiextract.extract(text, nlp=nlp)
    finally:
        nlp.max_length = saved
    assert article.error is None
    assert len(article.money) == 30
    _check_offsets(article, text)


# ------------------------------------------------------------------ regex safety

ADVERSARIAL = {
    "ones": "1 " * 50_000,
    "de": "de " * 50_000,
    "milliards": "milliards " * 20_000,
    "digit-groups": "123 456 " * 20_000,
    "societe": "la société " * 10_000,
    "nbsp-digits": "1\u00a0" * 30_000,
    "amounts-open": "12 millions de " * 10_000,
    "dates-open": "le 3 mars " * 10_000,
    "commas": "1,2,3," * 20_000,
    "entre": "entre 1 et " * 10_000,
    "long-number": "9" * 100_000,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_finders_finish_on_adversarial_strings(text):
    """Catastrophic backtracking would hang here; speed itself is measured, not asserted
    (docs/robustness.md « Slow inputs »: each of these takes well under a second)."""
    for func in (find_amounts, find_dates):
        found = func(text)
        assert all(0 <= f.start <= f.end <= len(text) for f in found)
    assert parse_amount(text[:20_000]) is None
    assert normalize_date(text[:20_000]) is None


FRAGMENTS = [
    "1 ",
    "de ",
    "12 millions de ",
    "le 3 mars ",
    "entre 1 et ",
    "1,2,",
    "€ ",
    "<p ",
    "&",
    "la société ",
    "M. ",
    "d'ici ",
    "fin ",
    "2024 ",
    "9",
    "\u00a0",
]


@settings(
    max_examples=25, deadline=dt.timedelta(seconds=20), suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4), st.integers(500, 8_000))
def test_repeated_fragments_have_a_deadline(parts, times):
    """Hypothesis fails a run over its (generous) deadline: repeated mixes of the
    fragments that drive the finders' patterns, up to about 100 000 characters."""
    text = "".join(parts) * times
    clean_text(text)
    find_amounts(text)
    find_dates(text)


class _CountingPattern:
    """A stand-in for a compiled pattern that counts the calls to ``match``."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_find_dates_tries_each_word_once(text, monkeypatch):
    """The work of find_dates is linear: at most one try of the full pattern per word
    start (plus one per match), whatever the number of anchors nearby."""
    from aiextract.normalize import dates

    counting = _CountingPattern(dates._PATTERN)
    monkeypatch.setattr(dates, "_PATTERN", counting)
    found = dates.find_dates(text)
    words = len(dates._WORD_START.findall(text))
    assert counting.calls <= words + len(found) + 1


EDGE_AMOUNTS = [
    ("La plateforme affiche 0 € de frais.", [("0 €", 0, "EUR")]),
    (
        "Un marché estimé à 999 999 milliards d'euros.",
        [("999 999 milliards d'euros", 999_999 * 10**9, "EUR")],
    ),
    (
        "Une dette de 1 000 000 000 000 000 000 000 milliards de dollars.",
        [("1 000 000 000 000 000 000 000 milliards de dollars", 10**30, "USD")],
    ),
    ("Un total de " + "9" * 400 + " euros.", []),
    ("Un total de 1" + "0" * 400 + ",5 euros.", []),
    ("Le code 1e400 € n'est pas un prix.", []),
    ("Une perte de -5 millions d'euros.", [("5 millions d'euros", 5_000_000, "EUR")]),
    ("Un résultat net de −12 M€ sur l'exercice.", [("12 M€", 12_000_000, "EUR")]),
    ("Un ticket de 0,0001 € par requête.", [("0,0001 €", 0.0001, "EUR")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    EDGE_AMOUNTS,
    ids=[
        "zero",
        "999999-milliards",
        "10e30",
        "400-digits",
        "400-digits-decimal",
        "e-notation",
        "minus",
        "unicode-minus",
        "tiny",
    ],
)
def test_amounts_at_the_edge(text, expected):
    """Decided outcomes: zero is money; a sign stays outside the span and the value is
    the magnitude; an integer part of more than 24 digits is no amount."""
    found = [(f.text, json_number(f.amount.value), f.amount.currency) for f in find_amounts(text)]
    assert found == expected
    json.dumps(found, allow_nan=False)  # plain, finite JSON


EDGE_DATES = [
    ("La maison, fondée en 1837, ouvre un atelier.", [("1837", "1837")]),
    ("Les 1850 salariés du site sont concernés.", []),
    ("Le fondateur est né le 5 mars 1850 à Lyon.", [("5 mars 1850", "1850-03-05")]),
    ("Le bail court jusqu'en 2200.", []),
    ("Une capsule sera ouverte le 5 mars 2200.", []),
    ("Une capsule sera ouverte en mars 2200.", []),
    ("Le contrat prend effet le 31 février 2024.", []),
    ("Le contrat prend effet le 31 février.", []),
    ("Le contrat prend effet le 30/02/2024.", []),
    ("La date 2024-02-30 est refusée.", []),
    ("Il a été signé le 29 février 2024.", [("29 février 2024", "2024-02-29")]),
    ("Il a été signé le 29 février 2023.", []),
    ("Il a été signé le 31 avril 2024.", []),
    ("Le 5 mars 2500 salariés ont fait grève.", [("5 mars", "2024-03-05")]),
    ("Le budget court jusqu'en 2100.", [("2100", "2100")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    EDGE_DATES,
    ids=[
        "1837-with-en",
        "1850-count",
        "1850-full",
        "2200-year",
        "2200-full",
        "2200-month",
        "31-fevrier",
        "31-fevrier-no-year",
        "30-02-numeric",
        "iso-feb-30",
        "29-fevrier-leap",
        "29-fevrier-not-leap",
        "31-avril",
        "day-then-count",
        "2100",
    ],
)
def test_dates_at_the_edge(text, expected):
    """Decided outcomes: years 1900–2100, the 19th century with a preposition or a day;
    a day no calendar has is no date at all, not a date with a null value."""
    found = [(text[c.start : c.end], c.value("2024-06-01")) for c in find_dates(text)]
    assert found == expected


def test_edge_amounts_and_dates_through_the_pipeline(nlp):
    text = (
        "Le 31 février 2024, la société Ardent a annoncé 0 € de dette et un carnet de "
        "commandes de 999 999 milliards d'euros, un record depuis sa création en 1837."
    )
    article = aiextract.extract(text, published="2024-06-01", nlp=nlp)
    assert [(m.text, json_number(m.value)) for m in article.money] == [
        ("0 €", 0),
        ("999 999 milliards d'euros", 999_999 * 10**9),
    ]
    assert [(d.text, d.value) for d in article.dates] == [("1837", "1837")]
    json.dumps(article.to_dict(), allow_nan=False)


@pytest.mark.parametrize(
    "text",
    [
        "<p" + " a" * 50_000,
        "<!--" + "-" * 100_000,
        "&" * 100_000 + ";",
        "<" * 100_000,
        '<a href="' + "x" * 100_000,
    ],
    ids=["open-tag", "open-comment", "ampersands", "brackets", "open-attr"],
)
def test_clean_text_finishes_on_adversarial_strings(text):
    assert len(clean_text(text)) <= len(text)


# ------------------------------------------------------------------ multiprocessing

ARTICLES = [
    "Le groupe Alpha a finalisé le rachat de Beta pour 120 millions d'euros le 4 avril 2024.",
    "La start-up lyonnaise Nova lève 8 millions d'euros auprès du fonds Oryx Capital.",
    "Selon des sources proches du dossier, Gamma serait en discussions pour acquérir Delta.",
    "Hier, Epsilon et Zeta ont annoncé un partenariat stratégique dans le cloud souverain.",
    "Paul Martin rejoint Omega comme directeur financier après dix ans chez Sigma.",
    "",
    "Le ministère de l'Économie accorde une subvention de 2,5 M€ à la société Kappa.",
    "Au premier trimestre 2025, Lambda a signé un contrat de 40 millions de dollars avec Mu.",
    "Shares of Harborview Systems jumped after the company agreed to buy a rival for $2 billion.",
    "上海一家芯片设计公司宣布完成五亿元人民币的融资，由国内多家基金共同投资。",
]


def test_n_process_2_gives_the_same_results(nlp):
    items = [
        {"id": f"a{i}", "text": text, "published": "2025-02-10"} for i, text in enumerate(ARTICLES)
    ]
    one = [a.to_dict() for a in aiextract.extract_many(items, nlp=nlp, n_process=1)]
    two = [a.to_dict() for a in aiextract.extract_many(items, nlp=nlp, n_process=2, batch_size=2)]
    assert len(one) == len(ARTICLES)
    assert two == one
    assert [a.get("language") for a in one[-2:]] == ["en", "zh"]
    assert all(a["deals"] == [] and a["warnings"] for a in one[-2:])


# ------------------------------------------------------------------ duplicate ids

DUP_TEXT = "La PME rennaise Ondine lève 2 millions d'euros auprès du fonds Armor Capital."


def test_duplicate_ids_are_both_processed_the_second_warned(nlp, caplog):
    items = [
        {"id": "x", "text": DUP_TEXT},
        {"id": "y", "text": DUP_TEXT},
        {"id": "x", "text": DUP_TEXT.replace("2 millions", "3 millions")},
        {"id": "x", "text": None},
        {"id": 7, "text": DUP_TEXT},
        {"id": "7", "text": DUP_TEXT},
        DUP_TEXT,
        DUP_TEXT,  # plain strings have no id: never duplicates
    ]
    with caplog.at_level("WARNING", logger="aiextract"):
        out = [a.to_dict() for a in aiextract.extract_many(items, nlp=nlp)]
    assert [a["id"] for a in out] == ["x", "y", "x", "x", "7", "7", None, None]
    assert [a["money"][0]["value"] for a in (out[0], out[2])] == [2_000_000, 3_000_000]
    assert [bool(a.get("warnings")) for a in out] == [
        False,
        False,
        True,
        True,
        False,
        True,
        False,
        False,
    ]
    assert out[2]["warnings"] == ["duplicate id: article 1 of the input has the same id 'x'"]
    assert out[3]["error"] and out[3]["warnings"]  # a failed repeat is still marked
    assert "duplicate id 'x': articles 1 and 3" in caplog.text


# ------------------------------------------------------------------ the command line


@pytest.fixture()
def cli_nlp(nlp, monkeypatch):
    """``aiextract.cli.main`` in-process with the session's pipeline (no model reload)."""
    from aiextract import cli

    monkeypatch.setattr(cli, "_load", lambda model=None: nlp)
    return cli.main


ENGLISH = (
    "Harborview Systems said on Monday it had agreed to acquire the cybersecurity firm "
    "Redline Labs for $1.2 billion in cash, its largest deal since the company went public."
)


def _mixed_corpus(folder: Path) -> list[str]:
    """A corpus with one article of each kind of trouble; returns the expected ids."""
    folder.mkdir()
    (folder / "a_ondine.txt").write_text(DUP_TEXT, encoding="utf-8")
    lines = [
        json.dumps({"id": "ok", "text": ARTICLES[0], "published": "2024-04-05"}),
        '{"id": "cut", "text": "Le groupe Alpha',
        json.dumps({"id": "notext", "published": "2024-01-05"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "english", "text": ENGLISH}, ensure_ascii=False),
        json.dumps({"id": "ok", "text": ARTICLES[1]}, ensure_ascii=False),
        json.dumps({"id": "badpub", "text": ARTICLES[1], "published": "2024-02-30"}),
    ]
    (folder / "b_lot.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    latin1 = "Le café Élysée lève 1 million d'euros.".encode("latin-1")
    (folder / "c_latin1.txt").write_bytes(latin1)
    (folder / "d_vide.txt").write_bytes(b"")
    return [
        "a_ondine",
        "ok",
        "b_lot:2",
        "notext",
        "number",
        "english",
        "ok",
        "badpub",
        "c_latin1",
        "d_vide",
    ]


def test_cli_mixed_corpus_exit_1_one_line_per_article(cli_nlp, tmp_path, capsys, caplog):
    ids = _mixed_corpus(tmp_path / "corpus")
    out = tmp_path / "out.jsonl"
    with caplog.at_level("WARNING", logger="aiextract"):
        status = cli_nlp(["extract", str(tmp_path / "corpus"), "-o", str(out)])
    assert status == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in lines] == ids
    errors = {a["id"]: a.get("error", "") for a in lines}
    assert "not valid JSON" in errors["b_lot:2"]
    assert "has no 'text'" in errors["notext"]
    assert "'text' is a int" in errors["number"]
    assert "not UTF-8" in errors["c_latin1"]
    assert "not a real date" in errors["badpub"]
    assert [bool(a.get("error")) for a in lines] == [
        False,
        False,
        True,
        True,
        True,
        False,
        False,
        True,
        True,
        False,
    ]
    empty, english = lines[9], lines[5]
    assert (empty["orgs"], empty["money"], empty["deals"]) == ([], [], [])
    assert english["language"] == "en" and english["deals"] == [] and english["warnings"]
    assert lines[6]["warnings"] == ["duplicate id: article 2 of the input has the same id 'ok'"]
    assert lines[1]["deals"] and lines[1]["language"] == "fr"
    for article in lines:  # every line has the whole schema, failed or not
        assert {"id", "published", "orgs", "people", "money", "dates", "deals"} <= set(article)
    stderr = capsys.readouterr().err
    assert "10 articles, 5 failed" in stderr
    assert "duplicate id 'ok'" in caplog.text


def test_cli_clean_corpus_exit_0(cli_nlp, tmp_path, capsys):
    folder = tmp_path / "propre"
    folder.mkdir()
    for i, text in enumerate(ARTICLES[:3]):
        (folder / f"art{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli_nlp(["extract", str(folder), "-o", str(out), "--batch-size", "2"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in lines] == ["art0", "art1", "art2"]
    assert not any("error" in a or "warnings" in a for a in lines)
    assert "3 articles, 0 failed" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["extract"],
        ["extract", "{tmp}/absent.txt"],
        ["extract", "{tmp}/notes.xyz"],
        ["extract", "--n-process", "0", "{tmp}/a.txt"],
        ["extract", "--batch-size", "beaucoup", "{tmp}/a.txt"],
        ["frobnicate"],
    ],
    ids=[
        "no-command",
        "no-input",
        "missing-file",
        "unknown-format",
        "zero-processes",
        "bad-batch-size",
        "unknown-command",
    ],
)
def test_cli_usage_errors_exit_2(args, tmp_path, monkeypatch):
    from aiextract import cli

    monkeypatch.setattr(cli, "_load", lambda model=None: pytest.fail("model loaded"))
    (tmp_path / "a.txt").write_text(DUP_TEXT, encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    try:
        status = cli.main(argv)
    except SystemExit as exc:  # argparse exits by itself on a bad option
        status = exc.code
    assert status == 2


def test_eval_refuses_duplicate_ids(tmp_path, capsys):
    from aiextract.cli import main

    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    record = {"id": "a", "orgs": [], "people": [], "money": [], "dates": [], "deals": []}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    pred.write_text((json.dumps(record) + "\n") * 2, encoding="utf-8")
    assert main(["eval", str(gold), str(pred)]) == 2
    assert "'a' appears twice" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 2_000,
        "la société " * 400,
        "le fonds " * 500,
        "Capital " * 500,
        "M. " * 1_300,
        "« " * 2_000,
        "start-up " * 450,
        "d'" * 2_000,
        "ABC " * 1_000,
        "Alpha rachète " * 300,
    ],
    ids=[
        "ones",
        "societe",
        "fonds",
        "capital",
        "monsieur",
        "guillemets",
        "start-up",
        "elisions",
        "upper",
        "triggers",
    ],
)
def test_pipeline_on_adversarial_strings(nlp, text):
    """Every component on strings made to repeat its cues: no error, valid offsets."""
    article = aiextract.extract(text, nlp=nlp)
    assert article.error is None
    _check_offsets(article, text)
    json.dumps(article.to_dict(), allow_nan=False)


def test_a_failing_deal_rule_gives_no_deal_and_a_warning(nlp, monkeypatch, caplog):
    """A bug in a deal rule must not stop the corpus: the article gets no deal, and the
    failure is logged on the ``aiextract`` logger instead of vanishing."""
    deals = nlp.get_pipe("aiextract_deals")

    def broken(doc):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(deals, "_deals", broken)
    with caplog.at_level("WARNING", logger="aiextract"):
        doc = nlp("La start-up Lumio lève 5 millions d'euros auprès du fonds Elaia.")
    assert doc._.deals == []
    assert any("no deal read" in r.getMessage() and r.exc_info for r in caplog.records)
