"""Place phrases linked to the gazetteer (rule ``places.v1``), as an analyst codes them.

1. Scan: token n-grams of each sentence are looked up by name key (longest
   first), starting only at capitalised tokens in ordinary text and at every
   token in upper-case or title-case text, where the acceptance bar is higher.
2. Context (cheap: the opening sentences and the ones asked about): the
   countries and provinces the report names, by name or demonym ("Syrian"),
   weighted towards the first sentences (places/context.py).
3. Resolve: each name's candidates are scored by kind, population, agreement
   with the report's countries and provinces (without the name's own votes),
   the words around it ("X province", "X city") and the other names of its
   sentence (the frame: "Ghadir al Bostan village, Quneitra" is in Quneitra,
   not Boston); the best one is kept if it clears the bar.
4. Shape: "near X" / "outside X" / "10 km east of X" give precision ``near``;
   "central Syria", "northwestern Idlib", "the Badia desert", "between X and Y"
   give ``region``; "X province" gives ``admin1``; "the UK-based Observatory",
   "a spokesman in Damascus" and wire datelines are flagged as the source's place.

See docs/places.md for the rules and precision values. Steps 3 and 4 for one name
(its candidates scored, the words around it read, the best one kept, the mention
written) are in resolve.py; "the capital" in capitals.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import CleanText, PlaceMention, Sentence
from ..settings import Settings
from . import rules
from .acronyms import without_defined_acronyms
from .admin2 import admin2_index, admin2_mentions, unplaced_index
from .brackets import bracket_units
from .capitals import _capital_names, _capitals, capital_entry
from .combine import combine
from .containers import (
    Resolved,
    bracketed_containers,
    containers_in_the_towns_country,
    demote_outside_named_provinces,
    foreign_towns_in_named_countries,
    provinces_before_foreign_containers,
    towns_outside_their_province,
    within_named_provinces,
    without_neighbourhoods,
)
from .context import read_context
from .country import demonyms, document_country
from .dateline import body_datelines_elsewhere
from .frame import sentence_frames
from .gazetteer.model import Gazetteer
from .glued import without_fragments
from .masthead import masthead_places
from .names import light_key
from .namesakes import same_name_same_place
from .ordinary import OrdinaryWords
from .resolve import _decide, _mention, _OrgSpans, _prepare, _Prepared
from .scan import abbreviation_pattern, common_words, scan
from .speech import speakers_namesakes
from .unitnames import without_unit_named_neighbourhoods

__all__ = ["capital_entry", "document_country", "find_places", "prepare_gazetteer"]


CONTEXT_SENTENCES = 6  # news states its country early; this bounds the cost on long texts


PRECISION_ORDER = ("point", "near", "admin2", "region", "admin1", "country", "unknown")


# a wire's dateline the sentence splitter left alone: "COX'S BAZAR, Bangladesh (AP) -"
_WIRE_LINE = re.compile(
    r"[A-Z][A-Z'’. -]{1,40}(?:,\s*[A-Z][\w'’. -]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\((?:AP|AFP|Reuters)\)\s*"
    r"(?:-{1,2}|—|–)$"
)


def _with_wire_dateline(
    opening: Sequence[Sentence], sentences: Sequence[Sentence]
) -> Sequence[Sentence]:
    """The sentences asked about, with a wire's dateline standing alone just before one
    of them: it names where the report was filed, and the lead below it (read as for
    any dateline, `body_datelines_elsewhere`) says whether it is the incident's place."""
    asked = {s.index for s in sentences}
    lines = [s for s in opening if s.index not in asked and s.index + 1 in asked
             and _WIRE_LINE.match(s.text)]
    if not lines:
        return sentences
    return sorted([*sentences, *lines], key=lambda s: s.index)


def prepare_gazetteer(gazetteer: Gazetteer) -> None:
    """Build now the lookups `find_places` derives from `gazetteer` on first need (the
    index of admin2 units, most of a second) and read the tables it loads on first need
    (the stop words, with the stop lists of justext; capitals, demonyms, state
    abbreviations), so that loading pays for them once per process instead of the first
    report that names a district. Optional: without it they are loaded on first use."""
    admin2_index(gazetteer)
    unplaced_index(gazetteer)
    common_words()
    abbreviation_pattern()
    demonyms()
    _capital_names()


def _named_persons(text: str) -> set[str]:
    """The light keys of the surnames of people named with an age or a generation
    ("Jaden Rahm, 16,", "Toney Keith White II") in the first 50,000 characters."""
    if (rules.PERSON_AGE_END.search(text, 0, 50_000) is None
            and rules.PERSON_GENERATION_END.search(text, 0, 50_000) is None):
        return set()
    return {light_key(m.group(1)) for m in rules.PERSON_NAME.finditer(text, 0, 50_000)}


def find_places(
    clean: CleanText,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    settings: Settings,
    language: str | None = None,
) -> list[PlaceMention]:
    """Place mentions in the given sentences, linked to the gazetteer.

    The report's opening (its first CONTEXT_SENTENCES content sentences) and the
    given sentences are scanned once for context: the countries and provinces
    they name. Mentions come in text order. `language` is the report's (ISO 639-1,
    None when unknown): a lone town abroad is re-picked where it is spoken
    (`speech.speakers_namesakes`, which also drops a Spanish name's fragment abroad).
    """
    opening = clean.content()[:CONTEXT_SENTENCES]
    sentences = _with_wire_dateline(opening, sentences)
    ordinary = OrdinaryWords(clean.text)
    scans = {s.index: scan(gazetteer, clean, s, ordinary) for s in opening}
    for s in sentences:
        if s.index not in scans:
            scans[s.index] = scan(gazetteer, clean, s, ordinary)
    ctx = read_context(gazetteer, clean.text, scans)
    mentions: list[PlaceMention] = []
    persons = _named_persons(clean.text)
    for sentence in sentences:
        tokens, matches = scans[sentence.index]
        if not matches:
            continue
        orgs = _OrgSpans(sentence)
        matches = without_fragments(gazetteer, clean.text, matches, persons)
        prepared: list[_Prepared] = []
        framing: list[bool] = []  # whether a name frames the others (not the source's place)
        dateline_end = -1
        for m in matches:
            prev = prepared[-1] if prepared else None
            end = prev.match.end if prev else 0
            p = _prepare(gazetteer, clean, tokens, m, ctx.without(m), orgs, end, persons)
            if p is None:
                continue
            prepared.append(p)
            plausible = max(p.base)[0] >= p.bar - 1.0  # "LEADER", "TAKING" frame nothing
            framing.append(plausible and not p.shape.source and m.start >= dateline_end)
            if p.shape.rule == "places.v1.dateline":
                after = rules.DATELINE_AFTER.match(clean.text[m.end : sentence.span.end])
                dateline_end = m.end + after.end() if after else -1
        frames = sentence_frames(
            gazetteer,
            clean.text,
            [(p.match, p.spelled, f) for p, f in zip(prepared, framing, strict=True)],
        )
        found: list[Resolved] = []
        for p, frame in zip(prepared, frames, strict=True):
            r = _decide(gazetteer, p, ctx, frame)
            if r:
                found.append(r)
        found = within_named_provinces(gazetteer, found)
        found = containers_in_the_towns_country(gazetteer, clean.text, found, ctx)
        found = foreign_towns_in_named_countries(gazetteer, clean.text, found, ctx)
        found = towns_outside_their_province(gazetteer, clean.text, found)
        found = provinces_before_foreign_containers(gazetteer, clean.text, found, ctx)
        mentions.extend(combine(clean, [_mention(gazetteer, clean, r) for r in found]))
    mentions.extend(_capitals(gazetteer, clean, sentences, ctx, mentions))
    mentions.sort(key=lambda m: m.span.start)
    mentions = without_unit_named_neighbourhoods(clean.text, mentions)
    mentions = without_neighbourhoods(clean.text, mentions)
    mentions = admin2_mentions(gazetteer, clean, sentences, ctx, mentions)
    mentions = bracket_units(gazetteer, clean, sentences, ctx, mentions)
    mentions = bracketed_containers(clean.text, mentions)
    mentions = masthead_places(clean, mentions)
    mentions = body_datelines_elsewhere(clean, mentions)
    mentions = without_defined_acronyms(clean.text, mentions)
    mentions = same_name_same_place(mentions)
    mentions = demote_outside_named_provinces(mentions)
    return speakers_namesakes(gazetteer, mentions, language)
