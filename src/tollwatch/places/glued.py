"""Names glued to other words, which make them no place of their own (rule ``places.v1``).

A known name inside a longer one the gazetteer lacks ("Ghadir al Bostan", "Rincon del
Poniente"), a name among a person's ("Toney Keith White"), and two town names abutting
("Nyaung Kan villages": two words of one unknown village) are not the places they spell.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from . import rules
from .gazetteer.model import Gazetteer
from .names import light_key
from .scan import MAX_CANDIDATES, Match, Token, common_words

__all__ = ["inside_longer_name", "run_of_names", "without_fragments"]

def inside_longer_name(
    gaz: Gazetteer, tokens: list[Token], m: Match, text: str,
    provinces: AbstractSet[str] = frozenset(),
) -> bool:
    """A name glued to unknown capitalised words in ordinary text: "Rami Abdel...",
    "Rincon del Poniente", "Ghadir al Bostan", "Kafr Hamra" (a longer name the
    gazetteer lacks, not the shorter one it has). The tail of a longer Spanish name
    counts only when the name has no namesake in a province the report names
    (`provinces`, "CO.02"): "the Tijeras de Campamento vereda (Antioquia)" is near
    Campamento, Antioquia; "Real de Minas" alone is not Minas, Uruguay."""
    if m.strict:
        return False
    return (
        _glued_after(gaz, tokens, m, text)
        or _glued_before(gaz, tokens, m, text)
        or (_tail_of_spanish_name(gaz, tokens, m, text)
            and not _in_named_province(gaz, m, provinces))
    )


def _in_named_province(gaz: Gazetteer, m: Match, provinces: AbstractSet[str]) -> bool:
    return any(f"{gaz.countries[i]}.{gaz.admin1_codes[i]}" in provinces
               for i in m.candidates[:MAX_CANDIDATES])


# words before "de" that make the name after it a unit's or an office's, not a longer name
_OFFICE_BEFORE_DE = frozenset({
    "ciudad", "municipio", "estado", "provincia", "departamento", "region", "región",
    "fiscalía", "fiscalia", "gobierno", "gobernador", "gobernadora", "secretaría",
    "policía", "universidad", "alcalde", "alcaldesa", "presidente", "presidenta", "obispo",
    "diócesis", "puerto", "valle", "sierra", "isla", "lago", "río", "rio", "cerro",
})


def _tail_of_spanish_name(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    """A town name that ends a longer Spanish name the gazetteer lacks: "Huertas de San
    Bernardo", "Real de Minas", "Paseo del Campestre", "Villas de los Arcos" (a
    neighbourhood or a street, not San Bernardo in Chile or Minas in Uruguay). A unit or
    an office before "de" ("Municipio de X", "Fiscalía de X") leaves the name a place;
    so does a province's or a country's name, and a neighbourhood's name written as one
    ("Col. Insurgentes de Iguala": the colonia of Iguala)."""
    k = m.first - 1
    if k >= 1 and tokens[k].text in ("la", "los", "las") and tokens[k - 1].text == "de":
        k -= 1
    if k < 1 or tokens[k].text not in ("de", "del"):
        return False
    prev = tokens[k - 1]
    if not prev.cap or prev.text.lower() in _OFFICE_BEFORE_DE or prev.text.lower() in (
        rules.TITLES | rules.TYPE_WORDS
    ):
        return False
    if _NEIGHBOURHOOD_BEFORE.search(text, max(0, prev.start - 20), prev.start):
        return False  # "Col. Insurgentes de Iguala": the neighbourhood of the town after "de"
    spaced = all(text[tokens[j].end : tokens[j + 1].start] == " " for j in range(k - 1, m.first))
    return spaced and _town_only(gaz, m, text)


_NEIGHBOURHOOD_BEFORE = re.compile(
    r"(?i:\b(?:col|colonia|fracc|fraccionamiento|barrio|neighbou?rhood)\.?\s+)$"
)


def _glued_after(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    k = m.last + 1
    connector = k + 1 < len(tokens) and tokens[k].text in ("del", "de", "la")
    if connector and text[m.end : tokens[k].start] == " ":
        k += 1  # "Rincon del Poniente"
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    return (
        nxt.cap
        and text[tokens[k - 1].end if k > m.last + 1 else m.end : nxt.start] == " "
        and nxt.text.lower() not in rules.TITLES
        and not gaz.candidates(nxt.key)
        and nxt.text.lower() not in rules.TYPE_WORDS
    )


def _glued_before(gaz: Gazetteer, tokens: list[Token], m: Match, text: str) -> bool:
    if m.first == 0:
        return False
    prev = tokens[m.first - 1]
    lower = prev.text.lower()
    if not prev.cap or text[prev.end : m.start] != " " or lower in common_words():
        return False
    if lower in rules.TITLES or lower in rules.TYPE_WORDS or prev.key in gaz.demonyms:
        return False
    article_first = tokens[m.first].core == ""  # "Ghadir al Bostan", "Jurf Al Nasr"
    return article_first or not gaz.candidates(prev.key)


def _name_word(tok: Token) -> bool:
    lower = tok.text.lower()
    return (
        tok.cap
        and lower not in common_words()
        and lower not in rules.TITLES
        and lower not in rules.TYPE_WORDS
    )


def run_of_names(tokens: list[Token], m: Match, text: str) -> bool:
    """Two more capitalised words around a name, with single spaces ("Toney Keith White",
    "Keith White Jones"): a person's or an organisation's full name holds it, not a place."""
    around = 0
    k = m.first
    while k > 0 and around < 2 and _name_word(tokens[k - 1]):
        if text[tokens[k - 1].end : tokens[k].start] != " ":
            break
        around, k = around + 1, k - 1
    k = m.last
    while k + 1 < len(tokens) and around < 2 and _name_word(tokens[k + 1]):
        if text[tokens[k].end : tokens[k + 1].start] != " ":
            break
        around, k = around + 1, k + 1
    return around >= 2


def _town_only(gaz: Gazetteer, m: Match, text: str) -> bool:
    """A name that can only be a town (no province, country or region), not an acronym."""
    word = text[m.start : m.end]
    if word.isupper():
        return False  # "IMSS Terranova": an acronym before the name
    return all(gaz.kinds[i] in (0, 4, 5) for i in m.candidates[:MAX_CANDIDATES])


def without_fragments(
    gaz: Gazetteer, text: str, matches: list[Match], persons: set[str]
) -> list[Match]:
    """Drop town names that abut another with a single space between ("Nyaung Kan villages":
    two known words of one village the gazetteer lacks, not two places). The container
    beside it ("Salin township (Minbu district, Magway region)") still places the figure;
    a province or country ("South-West Cameroon", "Croix Sinaloa") is kept. The second
    word is remembered in `persons`: alone later, it is most often that person's surname."""
    if len(matches) < 2:
        return matches
    glued: set[int] = set()
    for k in range(len(matches) - 1):
        a, b = matches[k], matches[k + 1]
        if a.strict or a.sure or b.sure or text[a.end : b.start] != " ":
            continue
        if _town_only(gaz, a, text) and _town_only(gaz, b, text):
            glued.update((k, k + 1))
            persons.add(light_key(text[b.start : b.end]))  # "Keith White": later, "White"
    return [m for k, m in enumerate(matches) if k not in glued]
