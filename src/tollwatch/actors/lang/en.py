"""English: attribution words of `actors/sources.py`."""

from __future__ import annotations

from .base import SourceWords

WORDS = SourceWords(
    code="en",
    speech=(
        r"said|says|say|reported|reports|report|told|tells|added|adds|stated|announced|"
        r"confirmed|tweeted|wrote|noted|estimated|counted|documented|recorded|described|"
        r"claimed|claims|claim|asserted|acknowledged|admitted|alleged|affirmed|declared|"
        r"put\s+the\s+(?:death\s+)?toll|puts?\s+the\s+number\s+of\s+(?:the\s+)?(?:dead|deaths|victims)|"
        r"gave\s+(?:a|the)\s+(?:death\s+)?(?:toll|tally|figure)|quoted|cited|indicated|explained|denounced|charged|"
        r"informed"
    ),
    according=r"according\s+to",
)
