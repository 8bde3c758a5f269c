"""Acronyms a report defines, which are no places (rule of places round seven).

"les Forces armées maliennes (FAMa)", "the Armed Forces of the Philippines (AFP)": a
short name in brackets right after the words it abbreviates is an actor's or an
office's name, wherever the report writes it again ("Sept soldats des FAMA"), even
when a small town somewhere spells it ("Fama", Minas Gerais). The letters are read
from the phrase's words, one to three leading letters a word ("FAMA" = Forces Armées
MAliennes), the language's small link words ("of", "the", "de", "des") skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import PlaceMention
from .names import fold

# "(FAMa)", "(FARDC)", "(ISWAP)": capitals, at most one lower-case letter at the end
_IN_BRACKETS = re.compile(r"\(([A-Z]{2,7}[a-z]?)\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# link words an acronym skips, in the languages read
_LINKS = frozenset({
    "of", "the", "for", "and", "de", "des", "du", "la", "le", "les", "et", "pour", "del",
    "el", "los", "las", "y", "da", "do", "dos", "das", "e", "d", "l",
})
_MAX_WORDS = 8  # words before the bracket read for the definition


def _spells(letters: str, words: tuple[str, ...]) -> bool:
    """Whether `letters` are the leading letters (one to three each) of every word of
    `words` in order, link words optional."""
    if not words:
        return not letters
    if not letters:
        return all(w in _LINKS for w in words)
    head, rest = words[0], words[1:]
    if head in _LINKS and _spells(letters, rest):
        return True
    return any(
        letters[:n] == head[:n] and _spells(letters[n:], rest)
        for n in (1, 2, 3)
        if n <= len(head) and n <= len(letters)
    )


def _defines(before: str, acronym: str) -> bool:
    """Whether the words just before a bracket spell `acronym` ("Forces Armées
    Maliennes" before "(FAMA)"), the first of them a capital."""
    words = [w for w in _WORD.findall(before)][-_MAX_WORDS:]
    letters = fold(acronym).replace(" ", "")
    for k in range(len(words) - 1, -1, -1):
        phrase = words[k:]
        if len(phrase) < 2 or not phrase[0][:1].isupper():
            continue
        folded = tuple(fold(w) for w in phrase)
        if folded[0] not in _LINKS and _spells(letters, folded):
            return True
    return False


@lru_cache(maxsize=8)
def defined_acronyms(text: str) -> frozenset[str]:
    """The folded acronyms the report defines in brackets after their words."""
    found: set[str] = set()
    for m in _IN_BRACKETS.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        if _defines(before, m.group(1)):
            found.add(fold(m.group(1)))
    return frozenset(found)


def is_defined_acronym(text: str, surface: str) -> bool:
    """Whether `surface` (a capitals word, "FAMA" or "FAMa") is an acronym the report
    defines, in any case."""
    if not surface[:2].isupper() or " " in surface:
        return False
    return fold(surface) in defined_acronyms(text)


def without_defined_acronyms(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """`mentions` without the acronyms the report defines ("FAMA" read as the Brazilian
    municipality Fama after "Forces Armées Maliennes (FAMA)"); a country or a province
    so written stays ("the Democratic Republic of the Congo (DRC)")."""
    if "(" not in text or not defined_acronyms(text):
        return mentions
    return [
        m for m in mentions
        if m.precision in ("country", "admin1") or not is_defined_acronym(text, m.text)
    ]
