"""Score the pipeline on a split of the real corpus, with its misses and extras.

The pipeline gets what a user's feed would give it: the text and, when the gold has
one, the publication date. Each miss is shown with its gold evidence (read from the
text by its offsets) and each extra with the sentence the pipeline gave as evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from aiextract.corpus.store import REBUILD_HINT, Corpus, TextsMissing
from aiextract.evaluate import DEAL_JACCARD, deal_errors, match_deals, names_match, party_jaccard

# Why a gold deal was missed, from the first test that holds (``miss_cause``).
CAUSES = {
    "twin": "another deal between the same parties was found, not this one",
    "type": "found with another type",
    "org": "a party is not among the organisations and people found",
    "reference": "a party is named only by a description or a pronoun in the evidence",
    "parties": "found in the passage, with other parties",
    "passage": "no deal found in the passage (wording, parse)",
}


def split_gold(corpus: Corpus, split: str) -> list[dict[str, Any]]:
    """The gold lines of a split (``all`` for every split), in manifest order."""
    ids = corpus.ids(split)
    gold = {g["id"]: g for g in corpus.gold()}
    return [gold[i] for i in ids if i in gold]


def require_texts(corpus: Corpus, ids: Sequence[str]) -> None:
    """Raise ``TextsMissing`` with the rebuild hint when any text is absent."""
    missing = corpus.missing_texts(ids)
    if missing:
        raise TextsMissing(
            f"{len(missing)} of {len(ids)} corpus texts are missing (e.g. "
            f"{corpus.text_path(missing[0])}): {REBUILD_HINT}"
        )


def predict(
    corpus: Corpus, gold: Sequence[Mapping[str, Any]], *, nlp: Any = None, n_process: int = 1
) -> list[dict[str, Any]]:
    """The pipeline's records for the gold articles' texts."""
    from aiextract.api import extract_many

    require_texts(corpus, [g["id"] for g in gold])
    items = [
        {"id": g["id"], "text": corpus.text(g["id"]), "published": g.get("published")} for g in gold
    ]
    return [a.to_dict() for a in extract_many(items, nlp=nlp, n_process=n_process)]


def describe_deal(deal: Mapping[str, Any]) -> str:
    """One line: type, parties with roles, amount, certainty."""
    parties = ", ".join(f"{p.get('name')} ({p.get('role')})" for p in deal.get("parties") or [])
    amount = deal.get("amount")
    money = f" {amount['value']} {amount['currency']}" if amount else ""
    return f"{deal.get('type')}: {parties}{money} [{deal.get('certainty')}]"


def error_report(
    corpus: Corpus, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> str:
    """Misses and extras per article, each with its evidence sentence."""
    by_id = {p.get("id"): p for p in pred}
    lines: list[str] = []
    for article in gold:
        misses, extras = deal_errors(article, by_id.get(article["id"]))
        if not (misses or extras):
            continue
        text = corpus.text(article["id"])
        lines.append(f"== {article['id']}")
        taken = typed_matches(article, by_id.get(article["id"]))
        for deal in misses:
            cause = miss_cause(deal, by_id.get(article["id"]), taken)
            lines.append(f"  MISS  {describe_deal(deal)}  ({cause})")
            for span in deal.get("evidence") or []:
                lines.append("        « " + _one_line(text[span["start"] : span["end"]]) + " »")
        for deal in extras:
            lines.append("  EXTRA " + describe_deal(deal))
            if deal.get("evidence"):
                lines.append("        « " + _one_line(str(deal["evidence"])) + " »")
    return "\n".join(lines)


def miss_cause(
    deal: Mapping[str, Any], pred: Mapping[str, Any] | None, taken: Collection[int] = ()
) -> str:
    """The key in ``CAUSES`` of why ``deal`` (a gold deal with offsets) has no typed match
    in ``pred``: checked in the order of ``CAUSES``, the first that holds. ``taken``: the
    indices of ``pred``'s deals that match another gold deal of the article (``twin``:
    every deal sharing this one's parties is another gold deal's, as when the gold holds a
    stake and a partnership between the same companies)."""
    pred = pred or {}
    deals = [d for d in pred.get("deals") or [] if isinstance(d, Mapping)]
    sharing = [j for j, other in enumerate(deals) if party_jaccard(deal, other) >= DEAL_JACCARD]
    if sharing and all(j in taken for j in sharing):
        return "twin"
    if sharing:
        return "type"
    found = [*(pred.get("orgs") or []), *(pred.get("people") or [])]
    names = [p["name"] for p in deal.get("parties") or []]
    if any(not any(names_match(n, f) for f in found) for n in names):
        return "org"
    for party in deal.get("parties") or []:
        mentions = party.get("mentions") or []
        if mentions and not any(names_match(m["text"], party["name"]) for m in mentions):
            return "reference"
    spans = [(e["start"], e["end"]) for e in deal.get("evidence") or []]
    for other in deals:
        start, end = other.get("start"), other.get("end")
        if other.get("type") != deal.get("type") or start is None or end is None:
            continue
        close = any(start < e and s < end for s, e in spans)
        if close and party_jaccard(deal, other) < DEAL_JACCARD:
            return "parties"
    return "passage"


def miss_causes(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> Counter[str]:
    """How many gold deals were missed for each of ``CAUSES``."""
    by_id = {p.get("id"): p for p in pred}
    counts: Counter[str] = Counter()
    for article in gold:
        pred_article = by_id.get(article["id"])
        misses, _ = deal_errors(article, pred_article)
        taken = typed_matches(article, pred_article)
        counts.update(miss_cause(deal, pred_article, taken) for deal in misses)
    return counts


def typed_matches(article: Mapping[str, Any], pred: Mapping[str, Any] | None) -> set[int]:
    """The indices of ``pred``'s deals that the scorer pairs with a gold deal of the
    article (typed)."""
    deals = [d for d in (pred or {}).get("deals") or [] if isinstance(d, Mapping)]
    return {j for _i, j in match_deals(article.get("deals") or [], deals, typed=True)}


def format_causes(counts: Counter[str]) -> str:
    """The causes, largest first, with their counts and shares."""
    total = sum(counts.values()) or 1
    return "\n".join(
        f"{n:>5}  {100 * n / total:>3.0f} %  {CAUSES[key]}" for key, n in counts.most_common()
    )


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------ references

_FUNCTION_WORDS = frozenset(
    ["le", "la", "les", "l", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
     "il", "elle", "ils", "elles", "un", "une", "des", "du", "de", "d", "au", "aux", "nous",
     "notre", "nos", "celui", "celle", "qui", "dont", "dans", "avec", "à", "par", "chez"]
)  # fmt: skip


def is_name_mention(text: str, party: str) -> bool:
    """Does a gold mention name its party (a word of the name, or its acronym), rather
    than describe it (« la jeune pousse », « elle », « son »)?"""
    from aiextract.components.entities.names import fold, initials, is_acronym

    if names_match(text, party):
        return True
    words = {fold(w) for w in party.replace("’", "'").replace("'", " ").split() if len(w) > 1}
    for word in text.replace("’", "'").replace("'", " ").split():
        word = word.strip(',.;:!?()«»"')
        if word[:1].isupper() and fold(word) not in _FUNCTION_WORDS and fold(word) in words:
            return True
        if is_acronym(word) and word == initials(party):
            return True
    return False


def reference_mentions(article: Mapping[str, Any]) -> list[tuple[int, int, str, str]]:
    """The deal-party mentions of a gold article that are not names: (start, end, text,
    party name), each once."""
    out: dict[tuple[int, int, str], str] = {}
    for deal in article.get("deals") or []:
        for party in deal.get("parties") or []:
            for mention in party.get("mentions") or []:
                if not is_name_mention(mention["text"], party["name"]):
                    out[(mention["start"], mention["end"], party["name"])] = mention["text"]
    return [(s, e, text, name) for (s, e, name), text in sorted(out.items())]


def reference_scores(
    corpus: Corpus, gold: Sequence[Mapping[str, Any]], *, nlp: Any = None
) -> dict[str, Any]:
    """Precision and recall of reference resolution on the gold's non-name party mentions.

    A mention counts as resolved when a reference the entities step found overlaps it;
    correct when one of those stands for the mention's party. Precision is correct over
    resolved, recall correct over all. ``cases`` lists every mention with the answer."""
    import aiextract
    from aiextract.components.entities import REFERENCES_KEY

    require_texts(corpus, [g["id"] for g in gold])
    nlp = nlp or aiextract.load()
    texts = [corpus.text(g["id"]) for g in gold]
    cases = []
    for article, doc in zip(gold, nlp.pipe(texts), strict=True):
        refs = list(doc.spans[REFERENCES_KEY]) if REFERENCES_KEY in doc.spans else []
        for start, end, text, party in reference_mentions(article):
            found = [
                span
                for span in refs
                if span.start_char < end and start < span.end_char and span.kb_id_
            ]
            answers = [name for span in found for name in span.kb_id_.split("|")]
            rules = sorted({span._.resolved_by or "" for span in found})
            if any(names_match(a, party) for a in answers):
                verdict = "correct"
            elif answers:
                verdict = "wrong"
            else:
                verdict = "unresolved"
            cases.append(
                {"id": article["id"], "text": text, "party": party, "answers": answers,
                 "rules": rules, "verdict": verdict}
            )  # fmt: skip
    counts = Counter(c["verdict"] for c in cases)
    resolved = counts["correct"] + counts["wrong"]
    return {
        "mentions": len(cases),
        "correct": counts["correct"],
        "wrong": counts["wrong"],
        "unresolved": counts["unresolved"],
        "precision": counts["correct"] / resolved if resolved else 0.0,
        "recall": counts["correct"] / len(cases) if cases else 0.0,
        "cases": cases,
    }
