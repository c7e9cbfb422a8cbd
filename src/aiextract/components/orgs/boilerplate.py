"""Page furniture that is not article text: lorem ipsum, share buttons, follower
counters, breadcrumbs, cookie banners. Names found there are never kept."""

from __future__ import annotations

import re

from aiextract.components.orgs.lexicon import word_set

_LATIN = word_set(
    """lorem ipsum dolor amet consectetur adipiscing elit eiusmod tempor incididunt labore
    dolore magna aliqua nec vis ei eu ex mei hinc partem cu eos ius pri usu quo nihil
    nihilmei detraxit periculis pericula euripidis torquatos phaedrum alienum eam sit nam ut
    enim veniam quis nostrud exercitation ullamco laboris nisi aliquip commodo consequat
    duis aute irure reprehenderit voluptate velit esse cillum fugiat nulla pariatur
    excepteur sint occaecat cupidatat proident sunt culpa officia deserunt mollit anim"""
)
_ENGLISH_ONLY = word_set(
    """the and my me your our you of on with to for all this that is are follow subscribe share
    like followers subscribers views likes sign login log read more click here privacy
    policy terms"""
)
_FRENCH_FUNCTION = word_set(
    """le la les de des du un une et en au aux est sont dans pour par sur avec que qui ne pas
    ce cette ces il elle ils elles son sa ses leur"""
)
_UI_WORDS = word_set(
    """partager partagez accueil chercher rechercher recherche menu commentaire commentaires
    ajouter répondre connexion inscription newsletter abonnez-vous s'abonner publicité
    cookies imprimer envoyer copier lien facebook twitter linkedin instagram youtube tiktok
    whatsapp pinterest telegram email e-mail follow subscribe share like tweet followers
    subscribers fans abonnés vues me us"""
)
_BOILER_LINE = re.compile(
    r"""^\s*(?:
        (?:Accueil|Home)\s*[-–›>»/|]              # breadcrumbs: « Accueil - Tech - ... »
      | [\d.,\s]+[KkMm]?\+?\s*$                  # follower counters: « 5M+ »
      | [\d.,]+\s*[KkMm]?\+?\s+\w+\s+(?:followers|subscribers|abonnés|fans)\b
      | (?:©|\(c\)|copyright\b)                 # « © Tech Hebdo 2025 »
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# Searched only in lines holding one of their key words (a cheap substring test first).
_COOKIE_LINE = re.compile(
    r"\b(?:cookies?|consentement)\b.*\b(?:accept|navigation|paramétr|consent)", re.IGNORECASE
)
_RIGHTS_LINE = re.compile(r"\b(?:tous\s+droits\s+réservés|all\s+rights\s+reserved)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture, not article text.

    Line-level heuristics: lorem ipsum, short English UI lines (« Follow Me »),
    follower counters, breadcrumbs, cookie banners, share buttons, bare lower-case
    words on their own line (« facebook »).
    """
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped:
            continue
        if _is_boilerplate_line(stripped):
            ranges.append((start, pos))
    return ranges


def _is_boilerplate_line(line: str) -> bool:
    head = line[:300]  # page furniture shows itself early; long lines are article text
    if len(line) <= 300 and _BOILER_LINE.match(head):
        return True  # a long line that opens on a breadcrumb or a © is the article itself
    low = head.lower()
    if ("cookie" in low or "consentement" in low) and _COOKIE_LINE.search(low):
        return True
    if ("droits" in low or "rights" in low) and _RIGHTS_LINE.search(low):
        return True
    short = len(line) <= 300 and low.count(" ") < 40
    if not short and _LATIN.isdisjoint(low.split()):
        return False  # a paragraph of article text: most lines end here
    words = _WORD.findall(low)
    if not words:
        return False
    latin = sum(w in _LATIN for w in words)
    if latin >= 2 and latin >= 0.2 * len(words):
        return True
    if len(words) <= 12 and len(line) <= 300:
        french = sum(w in _FRENCH_FUNCTION for w in words)
        english = sum(w in _ENGLISH_ONLY for w in words)
        if english and not french:
            return True
        ui = sum(w.strip(":") in _UI_WORDS for w in words)
        if len(words) <= 4 and ui * 2 >= len(words):
            return True
    return len(words) == 1 and line.islower() and len(line) < 25
