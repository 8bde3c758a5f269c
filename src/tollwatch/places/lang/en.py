"""English: place cues of `places/rules.py`."""

from __future__ import annotations

from .base import PlaceWords

WORDS = PlaceWords(
    code="en",
    directions=(
        r"north|south|east|west|central|centre|center|northern|southern|eastern|western|"
        r"north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|"
        r"north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|"
        r"upper|lower|mid|middle|rural|greater"
    ),
    near=(
        r"near|nearby|outside|close\s+to|next\s+to|around|on\s+the\s+outskirts\s+of|"
        r"outskirts\s+of|suburbs?\s+of|in\s+the\s+vicinity\s+of|not\s+far\s+from"
    ),
    clause_links=r"and",
    list_words=(
        r"the|in|at|on|into|to|from|of|its|their|other|several|some|parts|areas|"
        r"villages|towns|cities|nearby|neighbouring|neighboring|elsewhere|"
        # the tally of the same event: "one dead and four others injured"
        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens|"
        r"scores|hundreds|many|more|others?|another|"
        # a second verb of the same clause: "attacked and killed", "killing one person
        # and injuring several"
        r"[a-z]+ed|[a-z]+ing"
    ),
)
