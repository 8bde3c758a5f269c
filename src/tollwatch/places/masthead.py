"""A station's or paper's masthead in the headline line (part of rule ``places.v1.dateline``).

Web pages of local stations carry their masthead on the title line: "Second man
arrested in the death of OK teen - KSWO, Lawton, OK- Wichita Falls, TX: News, Weather,
Sports". The towns there are where the outlet is, not where anything happened: they are
flagged as the source's own place, so a dateline below ("OKLAHOMA CITY, OK (KFOR) -")
or the body's towns place the incident. A masthead is the first line's tail after a dash
or a bar that holds a call sign (four capitals starting with K or W: "KSWO", "WMBF") or
the outlet's section words ("News, Weather, Sports", "Breaking News").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import CleanText, PlaceMention

_SEPARATOR = re.compile(r"\s[-|–—]\s|\s[-–—](?=[A-Z])|(?<=[A-Z])[-–—]\s")
_MASTHEAD_MARK = re.compile(
    r"\b[KW][A-Z]{3}(?:-(?:TV|FM|AM))?\b|\bNews,\s*Weather\b|\bBreaking News\b"
    r"|\bNews\s*(?:&|and)\s*Weather\b"
)


def masthead_start(text: str) -> int | None:
    """Where the first line's masthead begins (the separator before its first mark),
    None without one."""
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    separators = [m.start() for m in _SEPARATOR.finditer(line)]
    if not separators:
        return None
    for start in separators:
        if _MASTHEAD_MARK.search(line, start):
            return start
    return None


def masthead_places(clean: CleanText, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions, those in the headline line's masthead flagged as the source's own
    place (rule ``places.v1.dateline``)."""
    if not mentions or mentions[0].span.start > 300:
        return mentions
    start = masthead_start(clean.text[:600])
    if start is None:
        return mentions
    line_end = clean.text.find("\n")
    end = len(clean.text) if line_end < 0 else line_end
    return [
        replace(m, is_source_location=True, rule="places.v1.dateline")
        if start <= m.span.start < end and not m.is_source_location else m
        for m in mentions
    ]
