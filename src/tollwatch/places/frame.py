"""The sentence frame: what the other names of a sentence say about where a name is.

Part of rule ``places.v1`` (see places/geocode.py and docs/places.md): provinces,
countries and towns named within FRAME_WINDOW characters and no full stop away favour
their namesakes, and a province or country written right after a name as its
container ("X, Y", "X (A, Y)", "X district of Y") keeps it in that place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .gazetteer.model import Gazetteer
from .scan import MAX_CANDIDATES, Match

MAX_FRAME_BONUS = 2.0
FRAME_WINDOW = 80  # characters between two names of a sentence that frame each other


@dataclass
class Frame:
    """What the other names of a sentence say about where a name is.

    `provinces` and `countries` are the provinces and countries the other names
    may be (well-spelled candidates); `towns` and `town_countries` the provinces
    and countries of the towns they may be.
    """

    provinces: set[tuple[str, str]] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    towns: set[tuple[str, str]] = field(default_factory=set)
    town_countries: set[str] = field(default_factory=set)
    containers_after: bool = False  # a province or country is named just after the name
    # provinces named just after the name ("X town in Y countryside", "X (A, Y)")
    provinces_after: set[tuple[str, str]] = field(default_factory=set)

    def merge(self, other: Frame) -> None:
        self.provinces |= other.provinces
        self.countries |= other.countries
        self.towns |= other.towns
        self.town_countries |= other.town_countries

    def bonus(self, gaz: Gazetteer, i: int, alternate: bool) -> float:
        """Agreement of entry i with the sentence's other names.

        A town inside a province the sentence names gains most; a town in a
        country the sentence names some; a town abroad beside named provinces
        or countries loses, more when it matched only by an alternate name
        ("Ghadir al Bostan village, Quneitra" is not Boston). A province gains
        when a town named beside it lies inside it.
        """
        kind = gaz.kinds[i]
        iso = gaz.countries[i]
        where = (iso, gaz.admin1_codes[i])
        if kind == 2:
            if iso in self.town_countries or iso in self.countries:
                return 0.5
            return -3.5 if alternate and self.containers_after else 0.0  # "Banin" is not Benin
        if kind == 1:
            if where in self.towns:
                return 1.0
            if iso in self.countries or iso in self.town_countries:
                return 0.5
            return -1.0 if self.containers_after else 0.0
        if where in self.provinces:
            return MAX_FRAME_BONUS
        if any(iso == country for country, _ in self.provinces_after):
            # a town of the right country but outside the province named after it
            return -3.5 if alternate else -3.0
        if iso in self.countries:
            return 1.0
        if self.containers_after:
            return -3.5 if alternate else -3.0
        if where in self.towns:
            return 0.5
        return 0.0


_CLAUSE_BREAK = re.compile(r"[.;!?]\s|\n\s*\n")

# Lower-case words that may stand between a place and the province or country that
# contains it ("X village, Nkum subdivision (Bui, Y)", "X district of Y", "X in Y")
_CONTAINER_GAP_WORDS = frozenset(
    {
        "in",
        "of",
        "the",
        "and",
        "or",
        "city",
        "town",
        "village",
        "villages",
        "area",
        "areas",
        "district",
        "districts",
        "region",
        "camp",
        "township",
        "county",
        "municipality",
        "rural",
        "subdivision",
        "sub",
        "neighbourhood",
        "neighborhood",
        "locality",
        "ward",
        "payam",
        "sector",
        "countryside",
        "province",
        "governorate",
        "state",
        "department",
        "tract",
        "commune",
        "quarter",
        "suburb",
        "outskirts",
        "near",
        "coded",
        "as",
        # units below a province in coder notes ("Playa Rica corregimiento (Cauca)")
        "corregimiento",
        "vereda",
        "municipio",
        "kebele",
        "woreda",
        "zone",
        "chiefdom",
        "council",
        "raion",
        "hromada",
        "tehsil",
        "upazila",
        "taluka",
        "union",
        # a site named after its place ("Khaldah junction (Aley)")
        "junction",
        "roundabout",
        "crossing",
        "checkpoint",
        "road",
        "highway",
        "bridge",
        "market",
    }
)


_CONTAINMENT = re.compile(r"[,(]|\b(?:in|of)\b")
_LIST_WORD = re.compile(r"\b(?:and|or)\b")


def container_gap(between: str) -> bool:
    """Whether the text between a name and a later one reads "X, Y" / "X (A, Y)" /
    "X district of Y": only names, punctuation and container words."""
    if not _CONTAINMENT.search(between) or _LIST_WORD.search(between):
        return False  # "Aleppo and Idlib", "Homs – Deir Ezzor": a list, not a container
    words = re.findall(
        r"\b[a-z]+\b", between if any(c.islower() for c in between) else between.lower()
    )
    return all(w in _CONTAINER_GAP_WORDS for w in words)


def _neighbours(names: list[tuple[Match, frozenset[int], bool]]) -> list[range]:
    """For each name, the indices of the names that may lie within FRAME_WINDOW
    characters of it: all of them, or (names in text order, the usual case) only those
    around it, so that a sentence of n names does not cost n * n."""
    starts = [n[0].start for n in names]
    if any(a > b for a, b in pairwise(starts)):
        return [range(len(names))] * len(names)
    longest = max(n[0].end - n[0].start for n in names)
    out: list[range] = []
    lo = hi = 0
    for k, (m, _, _) in enumerate(names):
        while m.start - (starts[lo] + longest) > FRAME_WINDOW:  # too far before, for good
            lo += 1
        hi = max(hi, k + 1)
        while hi < len(names) and starts[hi] - m.end <= FRAME_WINDOW:
            hi += 1
        out.append(range(lo, hi))
    return out


def sentence_frames(
    gaz: Gazetteer, text: str, names: list[tuple[Match, frozenset[int], bool]]
) -> list[Frame | None]:
    """For each (match, well-spelled candidates, whether it frames others) of a
    sentence, the frame its other names give: those within FRAME_WINDOW
    characters and no full stop away (None when there is no other name)."""
    if len(names) < 2:
        return [None] * len(names)
    own: list[Frame] = []
    for m, spelled, framing in names:
        f = Frame()
        if framing:
            for i in m.candidates[:MAX_CANDIDATES]:
                kind, iso = gaz.kinds[i], gaz.countries[i]
                if i not in spelled and kind not in (1, 2):
                    continue  # provinces and countries frame by key ("Al Hasakeh")
                if kind == 1:
                    f.provinces.add((iso, gaz.admin1_codes[i]))
                    f.countries.add(iso)
                elif kind == 2:
                    f.countries.add(iso)
                elif kind != 3:
                    f.towns.add((iso, gaz.admin1_codes[i]))
                    f.town_countries.add(iso)
        own.append(f)
    frames: list[Frame | None] = []
    near = _neighbours(names)
    for k, (m, _, _) in enumerate(names):
        f = Frame()
        for j in near[k]:
            other, o = own[j], names[j][0]
            gap = o.start - m.end if j > k else m.start - o.end
            if j == k or gap > FRAME_WINDOW:
                continue
            between = text[m.end : o.start] if j > k else text[o.end : m.start]
            if not _CLAUSE_BREAK.search(between):
                f.merge(other)
                if j > k and other.countries and container_gap(between):
                    f.containers_after = True
                    f.provinces_after |= other.provinces
        frames.append(f)
    return frames
