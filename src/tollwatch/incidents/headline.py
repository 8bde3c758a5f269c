"""A headline that tells a shooting of someone, when the body gives no figure.

Local news titles an injury-only shooting "4 people shot in ...", "Girl, 10, shot in
face", "Boy, 11, accidentally shoots himself": no killed figure, so the incident rules
build nothing and relevance stays undecided. Matching needs an incident there: the
other outlets' reports of the same shooting join it (docs/incidents.md, "A headline
that tells a shooting"). The incident gets no toll, so an irrelevant article that
slips through gains no dead.

A headline qualifies when it holds a word of shooting or wounding and a word for a
person hit (a person noun, an age), and no figurative use ("shoots up the charts",
"kills the deal", "slashes jobs", "shot 67", "photo shoot").
"""

from __future__ import annotations

import re

from ..records import CleanText, Sentence

_HARM = re.compile(
    r"\b(?:shot|shoots?|shooting|gunshot|gunfire|wounded|wounds|injured|hurt|stabbed"
    r"|stabbing|killed|kills?|slain|dies|died|dead)\b",
    re.IGNORECASE,
)
_PERSON_HIT = re.compile(
    r"\b(?:\d{1,3}-(?:year|month|week)-old|(?:wo)?m[ae]n|teen(?:ager)?s?|boys?|girls?"
    r"|child(?:ren)?|toddlers?|bab(?:y|ies)|infants?|kids?|persons?|people|victims?"
    r"|students?|officers?|deput(?:y|ies)|troopers?|mother|father|mom|dad|son|daughter"
    r"|brother|sister|wife|husband|girlfriend|boyfriend|neighbou?r|clerk|driver|suspect)\b"
    r"|,\s*\d{1,3}\s*,",
    re.IGNORECASE,
)
# business, sport, music and photography: a shot or a kill that hurts nobody
_FIGURATIVE = re.compile(
    r"\bshoot(?:s|ing)?\s+(?:up|for|down|hoops|baskets|the\s+breeze)\b|\bshot\s+(?:up|down)\b"
    r"|\bshot\s+(?:a\s+)?\d|\b(?:photo|video|film)\s+shoot|\bshooting\s+(?:guard|star|range"
    r"|percentage|script|schedule)|\b(?:mug|big|long|free|jump|slap|booster|flu)\s*shots?\b"
    r"|\bkills?\s+(?:the\s+)?(?:deal|bill|plan|proposal|project|time)|\bslash(?:es|ed)?\b"
    r"|\bhurt\s+(?:sales|profits|shares|stocks|economy|chances)\b|\binjur(?:y|ies)\s+list\b",
    re.IGNORECASE,
)


def shooting_headline(clean: CleanText) -> Sentence | None:
    """The report's headline when it tells a person shot or hurt (see module doc)."""
    content = clean.content()
    if clean.upper or len(content) < 2 or not content[0].headline:
        return None  # a headline over a body: a news article
    headline = content[0]
    text = headline.text
    if text.rstrip().endswith("?") or _FIGURATIVE.search(text):
        return None
    if _HARM.search(text) and _PERSON_HIT.search(text):
        return headline
    return None
