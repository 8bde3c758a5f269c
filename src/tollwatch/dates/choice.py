"""Which date mention dates an incident.

    is_reporting_date(text, mention) -> bool      "the Observatory said on Saturday"
    incident_date(clean, mentions, sentence, published) -> DateMention | None

News text dates its statements as often as its events: "police reported today that
... were killed yesterday". A date tied to a verb of saying is the date of the report,
not of the incident, so it is skipped when an incident's date is chosen. The choice
rule and the figures behind it are in docs/dates.md ("Choosing an incident's date").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..records import CleanText, DateMention
from .resolve import document_date

_SAY = (
    r"said|says|say|reported|announced|announces|stated|states|told|declared"
    r"|added|disclosed|confirmed|indicated|denounced|claimed|warned|revealed|explained|noted"
    r"|voiced|informed|asserted|charged|urged|expressed|condemned|denied|accused|deplored"
    r"|demanded|criticized|criticised|reaffirmed|reiterated|asked|appealed|acknowledged"
    r"|admitted|insisted|alleged|learned|quoted|cited|tweeted|posted|published|issued"
    r"|dijo|informó|informo|señaló|senalo|afirmó|afirmo|anunció|anuncio|declaró|declaro"
    r"|denunció|denuncio|reportó|reporto|confirmó|confirmo"
)
# up to three words between the verb and the date, none opening a clause ("said that on ...")
_SAID_BEFORE = re.compile(
    rf"\b(?:{_SAY})\b(?:\s+(?!that\b|que\b|how\b|when\b|after\b)[\w'’-]+){{0,3}}\s+$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(rf"\s+(?:(?:[\w'’-]+\s+)?(?:{_SAY})\b|that\b|que\b)", re.IGNORECASE)
_WINDOW = 60


def is_reporting_date(text: str, mention: DateMention) -> bool:
    """True when the mention dates a statement ("said on Saturday", "REPORTED TODAY THAT").

    Ranges ("since Thursday") are never statement dates.

    >>> from tollwatch.records import Span
    >>> text = "an activist group said on Saturday."
    >>> is_reporting_date(text, DateMention(None, None, "unknown", "on Saturday", Span(23, 34), 0))
    True
    """
    if mention.start is not None and mention.end is not None and mention.start != mention.end:
        return False
    begin, stop = mention.span.start, mention.span.end
    if _SAID_BEFORE.search(text, max(0, begin - _WINDOW), begin):
        return True
    return _SAID_AFTER.match(text[stop : stop + _WINDOW]) is not None


def incident_date(
    clean: CleanText,
    mentions: Sequence[DateMention],
    sentence: int,
    published: date | None,
    *,
    ranges: bool = True,
) -> DateMention | None:
    """The date of an incident whose evidence starts in sentence `sentence`.

    1. the first event date in that sentence; with `ranges` (the default) a range of
       days counts too ("more than 60 killed in two days", "since Thursday"): pass
       `ranges=False` for a single incident that should get a single day;
    2. else the first single-day event date anywhere in the report;
    3. else the document date (dateline or "MM/DD/YYYY:" prefix);
    4. else None: the caller falls back to `published`, so the output can say so.

    An event date is a resolved day-precision mention that is not a statement date
    (`is_reporting_date`), not after publication and not the dateline itself. The
    order was chosen on the dev set (docs/dates.md): on MUC the first event date of
    the report is one of the report's incident dates for 82% of violent sentences
    without a date of their own, the nearest earlier one for 75%, the dateline for 62%.
    """
    dateline = document_date(clean, published)
    own = [
        m
        for m in mentions
        if m.sentence == sentence and _is_event(clean.text, m, published, dateline, ranges)
    ]
    if own:
        return own[0]
    events = [m for m in mentions if _is_event(clean.text, m, published, dateline, False)]
    if events:
        return events[0]
    return dateline if dateline is not None and dateline.start is not None else None


OWN_RANGES = False


def _is_event(
    text: str,
    mention: DateMention,
    published: date | None,
    dateline: DateMention | None,
    ranges: bool,
) -> bool:
    """A resolved event date: a day (or, with `ranges`, a range of days), not a statement."""
    if mention.start is None or mention.precision != "day":
        return False
    if mention.start != mention.end and not ranges:
        return False
    if published is not None and mention.start > published:
        return False  # a plan: "will meet on 9 October"
    if dateline is not None and mention.span.overlaps(dateline.span):
        return False
    return not is_reporting_date(text, mention)
