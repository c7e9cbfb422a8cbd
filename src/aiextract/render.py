"""See what aiextract found: displaCy HTML with the mentions marked and the deals beneath.

``render(doc_or_article)`` marks organisations, people, amounts and dates in the text with
displaCy's ``ent`` style (the normalised value, such as ``30 000 000 000 USD`` or
``2023-11-20``, next to the label and in the tooltip) and lists the deals in a table below.
It takes a ``Doc`` from the aiextract pipeline, an ``Article`` (pass its ``text=``) or a raw
string (the pipeline runs first). In Jupyter the HTML is displayed as well as returned.
Every piece of text is HTML-escaped. docs/render.md has the details.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import is_in_jupyter

from aiextract.cli import format_amount
from aiextract.components.entities import REFERENCES_KEY
from aiextract.errors import ModelNotFoundError
from aiextract.extensions import DATES_KEY, MONEY_KEY, ORGS_KEY, PEOPLE_KEY
from aiextract.records import Article
from aiextract.robust import clean_text

__all__ = [
    "Mark",
    "RenderedHtml",
    "article_html",
    "deals_table",
    "entities_table",
    "marks_from_article",
    "marks_from_doc",
    "record_html",
    "render",
    "render_page",
    "write_html",
]

LABELS = {ORGS_KEY: "ORG", PEOPLE_KEY: "PER", MONEY_KEY: "MONEY", DATES_KEY: "DATE"}
COLORS = {
    "ORG": "#7aecec",
    "PER": "#aa9cfc",
    "MONEY": "#e4e7d2",
    "DATE": "#bfe1d9",
    "REF": "#f7d8a8",  # a reference (« la jeune pousse », « elle »), with what it stands for
}

# displaCy's entity template with a tooltip (``title``) holding the normalised value.
_ENT_TEMPLATE = """
<mark class="entity" title="{title}" style="background: {bg}; padding: 0.45em 0.6em; \
margin: 0 0.25em; line-height: 1; border-radius: 0.35em;">
    {text}
    <span style="font-size: 0.8em; font-weight: bold; line-height: 1; border-radius: 0.35em; \
vertical-align: middle; margin-left: 0.5rem">{label}{kb_link}</span>
</mark>
"""

_STYLE = """<style>
.aiextract-deals {border-collapse: collapse; margin: 1em 0; font-size: 0.9em;}
.aiextract-deals th, .aiextract-deals td {border: 1px solid #ccc; padding: 0.3em 0.6em;
  text-align: left; vertical-align: top;}
.aiextract-deals th {background: #f3f3f3;}
.aiextract-role {color: #666; font-size: 0.85em;}
.aiextract-error {color: #b00020;}
</style>"""

_DEAL_HEADER = ("type", "parties", "amount", "date", "certainty")


@dataclass(frozen=True)
class Mark:
    """One mention to highlight: character offsets, a label and the normalised value."""

    start: int
    end: int
    label: str
    value: str = ""


class RenderedHtml(str):
    """The HTML string ``render`` returns after displaying it in Jupyter.

    IPython shows nothing more for it, so a cell ending in ``render(doc)`` displays the
    article once, not once as HTML and again as a long string.
    """

    def _ipython_display_(self) -> None:
        return None


# --------------------------------------------------------------------------- marks


def _money_value(data: Mapping[str, Any] | None) -> str:
    if not data or data.get("value") is None:
        return ""
    text = format_amount({"value": data["value"], "currency": data.get("currency")})
    if data.get("max") is not None:
        text += " – " + format_amount({"value": data["max"], "currency": data.get("currency")})
    return text


def marks_from_doc(doc: Doc) -> list[Mark]:
    """The mentions the pipeline put in ``doc.spans``, with their normalised values."""
    marks: list[Mark] = []
    for key, label in LABELS.items():
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            if key == MONEY_KEY:
                value = _money_value(span._.money)
            elif key == DATES_KEY:
                value = str((span._.date or {}).get("value") or "")
            else:  # the canonical name, when the mention is written otherwise
                value = span.kb_id_ if span.kb_id_ and span.kb_id_ != span.text else ""
            marks.append(Mark(span.start_char, span.end_char, label, value))
    for span in doc.spans.get(REFERENCES_KEY, []):
        if span.label_ != "APPOSITION":  # « la start-up X »: X is marked already
            value = span.kb_id_.replace("|", " + ") or "unresolved"
            marks.append(Mark(span.start_char, span.end_char, "REF", value))
    return _no_overlap(marks)


def entities_table(doc: Doc) -> str:
    """Who is who: one row per entity of the entities step (``doc._.entities``), with
    its names and references; the focus first, sources marked."""
    if not Doc.has_extension("entities"):
        return ""
    entities = doc._.entities
    if not entities:
        return ""
    focus = doc._.focus
    entities = sorted(entities, key=lambda e: e["name"] != focus)
    rows = []
    for entity in entities:
        names = sorted({m["text"] for m in entity["mentions"] if m["how"] == "name"})
        refs = [m["text"] for m in entity["mentions"] if m["how"] != "name"]
        tags = [
            t for t, on in (("focus", entity["name"] == focus), ("source", entity["source"])) if on
        ]
        rows.append(
            "<tr>"
            f"<td>{html.escape(entity['name'])}"
            + "".join(f' <span class="aiextract-role">({t})</span>' for t in tags)
            + f"</td><td>{entity['kind']}</td>"
            f"<td>{html.escape(', '.join(names))}</td>"
            f"<td>{html.escape(', '.join(refs)) or '–'}</td></tr>"
        )
    header = "<tr><th>entity</th><th>kind</th><th>names</th><th>references</th></tr>"
    return f'<table class="aiextract-deals">{header}{"".join(rows)}</table>'


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    forms = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def marks_from_article(article: Article, text: str) -> list[Mark]:
    """The mentions of an ``Article`` in its ``text``.

    Amounts and dates come with their offsets. Organisations and people are kept as
    canonical names only, so they are found again in the text: the name itself and, for
    a person, the surname alone (« M. Altman »). A mention written in another form (an
    acronym, a misspelling) stays unmarked; render the ``Doc`` to see every mention.
    """
    marks: list[Mark] = []
    for money in article.money:
        if _valid(money.start, money.end, text):
            data = {"value": money.value, "currency": money.currency, "max": money.max}
            marks.append(Mark(money.start, money.end, "MONEY", _money_value(data)))  # type: ignore[arg-type]
    for date in article.dates:
        if _valid(date.start, date.end, text):
            marks.append(Mark(date.start, date.end, "DATE", date.value or ""))  # type: ignore[arg-type]
    aliases: dict[str, tuple[str, str]] = {}
    for name in article.people:
        aliases[name] = ("PER", name)
        surname = name.split()[-1] if name.split() else ""
        if len(surname) > 2 and surname != name:
            aliases.setdefault(surname, ("PER", name))
    for name in article.orgs:
        aliases[name] = ("ORG", name)
    pattern = _name_pattern(aliases)
    if pattern is not None:
        for match in pattern.finditer(text):
            label, canonical = aliases[match.group()]
            value = canonical if canonical != match.group() else ""
            marks.append(Mark(match.start(), match.end(), label, value))
    return _no_overlap(marks)


def _valid(start: int | None, end: int | None, text: str) -> bool:
    return start is not None and end is not None and 0 <= start < end <= len(text)


def _no_overlap(marks: Sequence[Mark]) -> list[Mark]:
    """Marks in text order; of overlapping ones the first, then the longest, is kept."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mark.start < kept[-1].end:
            continue
        kept.append(mark)
    return kept


# --------------------------------------------------------------------------- html


def _highlighted(text: str, marks: Sequence[Mark], title: str | None) -> str:
    """displaCy's ``ent`` markup of ``text`` with ``marks``; every string escaped."""
    ents = []
    for mark in marks:
        value = html.escape(mark.value)
        ents.append(
            {
                "start": mark.start,
                "end": mark.end,
                "label": mark.label,
                "kb_id": value,
                "params": {"title": value or mark.label},
            }
        )
    data = {"text": text, "ents": ents, "title": html.escape(title) if title else None}
    options = {"colors": COLORS, "template": _ENT_TEMPLATE}
    return displacy.render(data, style="ent", manual=True, options=options, jupyter=False)


def _parties_cell(parties: Iterable[Any]) -> str:
    cells = []
    for party in parties:
        if isinstance(party, Mapping):
            name, role = party.get("name"), party.get("role")
        else:
            name, role = getattr(party, "name", None), getattr(party, "role", None)
        cells.append(
            f'{html.escape(str(name))} <span class="aiextract-role">{html.escape(str(role))}</span>'
        )
    return "<br>".join(cells) or "–"


def deals_table(deals: Sequence[Mapping[str, Any]]) -> str:
    """An HTML table of deal dicts (the guidelines' schema), or a line saying there is none."""
    if not deals:
        return '<p class="aiextract-deals">No deal found.</p>'
    rows = []
    for deal in deals:
        amount = format_amount(deal.get("amount"))
        extras = []
        if deal.get("valuation"):
            extras.append("valuation " + format_amount(deal.get("valuation")))
        if deal.get("stake") is not None:
            extras.append(f"stake {deal['stake']} %")
        if extras:
            amount = amount + " (" + ", ".join(extras) + ")"
        kind = str(deal.get("type") or "–")
        if deal.get("name"):
            kind += f" « {deal['name']} »"
        cells = [
            html.escape(kind),
            _parties_cell(deal.get("parties") or []),
            html.escape(amount),
            html.escape(str(deal.get("date") or "–")),
            html.escape(str(deal.get("certainty") or "–")),
        ]
        evidence = deal.get("evidence")
        tip = f' title="{html.escape(str(evidence))}"' if evidence else ""
        rows.append(f"<tr{tip}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in _DEAL_HEADER)
    return (
        f'<table class="aiextract-deals"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def article_html(
    text: str | None,
    marks: Sequence[Mark],
    deals: Sequence[Mapping[str, Any]],
    *,
    title: str | None = None,
    error: str | None = None,
    summary: str | None = None,
) -> str:
    """One article's HTML fragment: the marked text (or a ``summary`` of the mentions when
    the text is unknown), then its deals."""
    parts = ['<div class="aiextract-article">']
    if error:
        if title:
            parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(f'<p class="aiextract-error">Error: {html.escape(error)}</p>')
    elif text is not None:
        parts.append(_highlighted(text, marks, title))
    elif title:
        parts.append(f"<h2>{html.escape(title)}</h2>")
    if summary and not error and text is None:
        parts.append(summary)
    if not error:
        parts.append(deals_table(deals))
    parts.append("</div>")
    return "\n".join(parts)


def _record_summary(record: Mapping[str, Any]) -> str:
    """Without the text: an article's mentions as lists (what an output file keeps)."""

    def money(item: Mapping[str, Any]) -> str:
        return f"{item.get('text')} = {_money_value(item) or '?'}"

    def date(item: Mapping[str, Any]) -> str:
        return f"{item.get('text')} = {item.get('value') or 'null'}"

    def items(key: str) -> list[Mapping[str, Any]]:
        return [i for i in record.get(key) or [] if isinstance(i, Mapping)]

    rows = [
        ("organisations", [str(n) for n in record.get("orgs") or []]),
        ("people", [str(n) for n in record.get("people") or []]),
        ("amounts", [money(m) for m in items("money")]),
        ("dates", [date(d) for d in items("dates")]),
    ]
    lines = "".join(
        f"<li><b>{name}</b>: {html.escape(', '.join(values) or '–')}</li>" for name, values in rows
    )
    return f"<ul>{lines}</ul>"


def record_html(record: Mapping[str, Any], *, title: str | None = None) -> str:
    """One article dict (``Article.to_dict()``, a line of an output file), without its text."""
    title = title if title is not None else str(record.get("id"))
    if record.get("error"):
        return article_html(None, [], [], title=title, error=str(record["error"]))
    deals = [d for d in record.get("deals") or [] if isinstance(d, Mapping)]
    return article_html(None, [], deals, title=title, summary=_record_summary(record))


# --------------------------------------------------------------------------- entry points


def _fragment(
    obj: Doc | Article | str,
    *,
    text: str | None,
    nlp: Language | None,
    published: Any,
    title: str | None,
) -> str:
    if isinstance(obj, str):
        from aiextract.api import _prepare_docs, default_nlp, extract

        nlp = nlp or default_nlp()
        prepared = _prepare_docs(nlp, obj, published, None)
        if len(prepared) == 1:
            obj = nlp(prepared[0][1])
        else:  # longer than nlp.max_length: chunked and merged into one Article
            text, obj = clean_text(obj), extract(obj, published=published, nlp=nlp)
    if isinstance(obj, Doc):
        deals = obj._.deals if obj.has_extension("deals") else None
        fragment = article_html(obj.text, marks_from_doc(obj), deals or [], title=title)
        return fragment.removesuffix("</div>") + entities_table(obj) + "</div>"
    if isinstance(obj, Article):
        title = title if title is not None else obj.id
        if obj.error or text is None:
            return record_html(obj.to_dict(), title=title)
        deals = [d.to_dict() for d in obj.deals]
        text = clean_text(text)
        return article_html(text, marks_from_article(obj, text), deals, title=title)
    raise TypeError(
        f"render takes a spaCy Doc from the aiextract pipeline, an aiextract Article or a str, "
        f"not {type(obj).__name__}"
    )


def render(
    doc_or_article: Doc | Article | str,
    *,
    text: str | None = None,
    nlp: Language | None = None,
    published: Any = None,
    title: str | None = None,
    jupyter: bool | None = None,
) -> str:
    """HTML showing the mentions and the deals of one article.

    ``doc_or_article`` is a ``Doc`` processed by the aiextract pipeline, an ``Article``
    (give its ``text`` to see the mentions marked in it; without it, they are listed) or
    a raw string, run through ``nlp`` (default: the default pipeline) with ``published``.
    ``jupyter=None`` displays the HTML when running in a notebook, ``True`` always, and
    ``False`` never; the HTML string is returned in every case.
    """
    markup = (
        _STYLE
        + "\n"
        + _fragment(doc_or_article, text=text, nlp=nlp, published=published, title=title)
    )
    if jupyter or (jupyter is None and is_in_jupyter()):
        from IPython.display import HTML, display

        display(HTML(f'<span class="tex2jax_ignore">{markup}</span>'))
        return RenderedHtml(markup)
    return markup


def render_page(fragments: Iterable[str], *, title: str = "aiextract") -> str:
    """A complete HTML page of article fragments (from ``render(..., jupyter=False)``)."""
    body = "\n<hr>\n".join(fragments)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{_STYLE}\n</head>\n"
        "<body style=\"font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', "
        'Helvetica, Arial, sans-serif; max-width: 60em; margin: 2em auto; line-height: 2.5;">'
        f"\n{body}\n</body>\n</html>\n"
    )


def write_html(path: str | Path, out: str | Path, *, nlp: Callable[[], Language]) -> int:
    """Write one HTML page for every article of ``path`` to ``out``; the number of articles
    that failed. An aiextract output ``.jsonl`` is shown as it is (mentions listed, deals);
    articles (``.txt``, ``.jsonl``, a folder) are run through ``nlp()`` (called once, when
    first needed) and shown with their mentions marked."""
    from aiextract.cli import _result_records
    from aiextract.io import iter_inputs
    from aiextract.io.readers import looks_like_results

    path = Path(path)
    failed = 0
    fragments: list[str] = []
    if path.suffix.lower() == ".jsonl" and looks_like_results(path):
        for record in _result_records(path):
            failed += bool(record.get("error"))
            fragments.append(record_html(record))
    else:
        pipeline: Language | None = None
        for item in iter_inputs([path]):
            title = str(item.get("id"))
            try:
                if item.get("error"):
                    raise ValueError(item["error"])
                pipeline = pipeline or nlp()
                fragments.append(
                    _fragment(
                        item.get("text"),
                        text=None,
                        nlp=pipeline,
                        published=item.get("published"),
                        title=title,
                    )
                )
            except ModelNotFoundError:
                raise  # a missing model: a usage error, not one bad article
            except Exception as exc:  # one bad article must not stop the page
                failed += 1
                fragments.append(article_html(None, [], [], title=title, error=str(exc)))
    page = render_page(fragments, title=f"aiextract: {path.name}")
    Path(out).write_text(page, encoding="utf-8")
    return failed
