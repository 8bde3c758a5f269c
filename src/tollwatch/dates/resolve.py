"""Date phrases resolved against the publication date.

    find_dates(clean, sentences, published, settings) -> [DateMention]
    document_date(clean, published) -> DateMention | None   (dateline or "MM/DD/YYYY:")

A sentence is first cut into lower-case words and checked against four small word
sets (date_words): only the rule families whose words occur (month names, digits,
weekdays, relative words) run, so a sentence with no date word costs a few microseconds.
The readings are then cut to the longest non-overlapping ones and joined:
"since Thursday" (a range to publication), "between 28 February and 2 March 2022",
"Tuesday, 31 October" (the explicit date wins). Every rule, and what each precision
means, is in docs/dates.md. Without `published`, relative phrases stay unresolved
(start/end None, precision "unknown", relative True) rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from datetime import date

from ..read.prefilter import Prefiltered
from ..records import CleanText, DateMention, DatePrecision, Sentence, Span
from ..settings import Settings
from . import weekdays as cal
from .order import settle_dates
from .rules import (
    RULE_DATELINE,
    RULE_RANGE,
    RULES,
    Context,
    Reading,
    pick_order,
)
from .words import (
    ALL_MONTHS,
    DAY,
    DIGITS,
    MONTH,
    MONTH_WORDS,
    MONTHS,
    RELATIVE_WORDS,
    WEEKDAY_WORDS,
    WORD,
    YEAR4,
)

_PRECISION_ORDER: tuple[DatePrecision, ...] = ("day", "week", "month", "year", "unknown")


def find_dates(
    clean: CleanText,
    sentences: Sequence[Sentence],
    published: date | None,
    settings: Settings,
    *,
    source: str | None = None,
) -> list[DateMention]:
    """Date mentions in the given sentences, resolved against `published` where relative.

    Spans are offsets into `clean.text`; only the given sentences are read.
    `settings` is accepted for the stage interface; no setting changes the grammar yet.

    >>> from tollwatch.records import Span
    >>> text = "Eight soldiers were killed on Thursday."
    >>> clean = CleanText("r1", text, (Sentence(0, Span(0, len(text)), text),))
    >>> found = find_dates(clean, clean.sentences, date(2019, 4, 13), Settings())
    >>> [(m.text, m.start.isoformat()) for m in found]
    [('on Thursday', '2019-04-11')]
    """
    found: list[DateMention] = []
    for sentence in sentences:
        found.extend(sentence_dates(clean.text, sentence, published))
    # numeric order, years and starts settled across the report (dates/order.py);
    # `source` (the report's url or outlet) tells a US source from a day-first one
    return settle_dates(found, clean.text, published, source)


def sentence_dates(text: str, sentence: Sentence, published: date | None) -> list[DateMention]:
    """The date mentions of one sentence (offsets into `text`)."""
    begin, stop = sentence.span.start, sentence.span.end
    segment = text[begin:stop]
    families = rule_families(segment)
    if not families:
        return []
    english = _ENGLISH.search(segment) is not None
    ctx = Context(text, published, upper=segment.isupper(), english=english)
    readings = []
    for rank, (family, _pattern, reader) in enumerate(RULES):
        if family not in families:
            continue
        for match in _FAST_RULES[rank].finditer(text, begin, stop):
            try:
                reading = reader(match, ctx)
            except (OverflowError, ValueError):  # outside years 1 to 9999: no date
                continue
            if reading is not None:
                readings.append((rank, reading))
    chosen = _longest(readings)
    with suppress(OverflowError, ValueError):  # a range reaching past the calendar's edge
        chosen = _join_appositions(_join_since(_join_ranges(chosen, ctx), ctx), ctx)
    return [_mention(r, text, sentence.index) for r in chosen]


# Each rule's pattern behind its prefilters: the same matches, cheaper (read/prefilter.py).
_FAST_RULES = tuple(Prefiltered.of(pattern) for _, pattern, _ in RULES)
_ENGLISH = re.compile(r"\b(?:the|of|and|was|were)\b", re.IGNORECASE)


def rule_families(segment: str) -> frozenset[str]:
    """The rule families worth running on a piece of text (empty: it holds no date)."""
    words = set(WORD.findall(segment.lower()))
    found = set()
    if not words.isdisjoint(MONTH_WORDS):
        found.add("month")
    if not words.isdisjoint(WEEKDAY_WORDS):
        found.add("weekday")
    if not words.isdisjoint(RELATIVE_WORDS):
        found.add("relative")
    if DIGITS.search(segment) is not None:
        found.add("digits")
    return frozenset(found)


def _longest(readings: list[tuple[int, Reading]]) -> list[Reading]:
    """Keep the longest readings that do not overlap (ties go to the earlier rule)."""
    ordered = sorted(readings, key=lambda pair: (pair[1].begin - pair[1].stop, pair[0]))
    kept: list[Reading] = []
    for _, reading in ordered:
        if all(reading.stop <= k.begin or k.stop <= reading.begin for k in kept):
            kept.append(reading)
    return sorted(kept, key=lambda r: r.begin)


# "from Friday evening to early Monday": the second end may carry "early" or "late"
_RANGE_GAP = re.compile(
    r"\s*(?:and|to|until|till|through|-|–|—|y|al|hasta|a)\s*(?:(?:early|late)\s+)?", re.I
)
_RANGE_OPEN = re.compile(r"\b(?:between|from|entre|del|desde|de)\s+(?:the\s+|el\s+)?$", re.I)
_SINCE = re.compile(r"\b(?:ever\s+)?(?:since|desde)\s+(?:the\s+|el\s+|la\s+)?$", re.I)
_APPOSITION_GAP = re.compile(r"[\s,(]*(?:on\s+|the\s+)?")


def _join_ranges(readings: list[Reading], ctx: Context) -> list[Reading]:
    """'between 28 February and 2 March 2022', 'from Thursday to Saturday' -> one range."""
    out: list[Reading] = []
    for reading in readings:
        prev = out[-1] if out else None
        if prev is not None and _is_range(prev, reading, ctx):
            out[-1] = _range(prev, reading, ctx)
        else:
            out.append(reading)
    return out


def _is_range(first: Reading, second: Reading, ctx: Context) -> bool:
    gap = ctx.text[first.stop : second.begin]
    if not _RANGE_GAP.fullmatch(gap):
        return False
    if _RANGE_OPEN.search(ctx.text, max(0, first.begin - 20), first.begin) is not None:
        return True
    if gap.strip() in ("-", "–", "—"):
        return True
    # "1 January to 30 September 2019": two explicit dates need no "from"
    both_explicit = first.kind == "explicit" and second.kind == "explicit"
    return both_explicit and gap.strip().lower() in ("to", "until", "till", "through")


def _range(first: Reading, second: Reading, ctx: Context) -> Reading:
    opener = _RANGE_OPEN.search(ctx.text, max(0, first.begin - 20), first.begin)
    begin = opener.start() if opener else first.begin
    start = first.start
    if first.yearless and second.start is not None:
        start = cal.yearless(*first.yearless, second.start)  # the range's end gives the year
    end = second.end
    if start is None or end is None or end < start:
        return replace(second, begin=begin, start=None, end=None, precision="unknown")
    first_precision = "day" if first.yearless else first.precision
    precision = max(first_precision, second.precision, key=_PRECISION_ORDER.index)
    relative = second.relative or (first.relative and not first.yearless)
    return Reading(begin, second.stop, start, end, precision, relative, RULE_RANGE, second.kind)


def _join_since(readings: list[Reading], ctx: Context) -> list[Reading]:
    """'since Thursday', 'since 2011': from that date to publication."""
    out = []
    for reading in readings:
        since = _SINCE.search(ctx.text, max(0, reading.begin - 20), reading.begin)
        if since is None:
            out.append(reading)
            continue
        end = ctx.published
        if end is None or reading.start is None or end < reading.start:
            end = None
        out.append(
            replace(reading, begin=since.start(), end=end, relative=True, rule=RULE_RANGE)
        )
    return out


def _join_appositions(readings: list[Reading], ctx: Context) -> list[Reading]:
    """'Tuesday, 31 October', 'yesterday, 30 March': one mention, the explicit date's value."""
    out: list[Reading] = []
    for reading in readings:
        while out and _apposed(out[-1], reading, ctx):
            prev = out.pop()
            explicit, other = (reading, prev) if reading.kind == "explicit" else (prev, reading)
            if other.kind == "weekday":
                explicit = _weekday_year(explicit, other)
            reading = replace(explicit, begin=prev.begin, stop=reading.stop)
        out.append(reading)
    return out


def _weekday_year(explicit: Reading, weekday: Reading) -> Reading:
    """'TUESDAY, 31 OCTOBER': a yearless date takes the latest year where that day is a Tuesday.

    Looked for in the six years up to the year the date already has; kept as is when none fits.
    """
    if explicit.yearless is None or explicit.start is None or weekday.start is None:
        return explicit
    for back in range(7):
        day = cal.safe_date(explicit.start.year - back, *explicit.yearless)
        if day is not None and day.weekday() == weekday.start.weekday():
            return replace(explicit, start=day, end=day)
    return explicit


def _apposed(first: Reading, second: Reading, ctx: Context) -> bool:
    if not _APPOSITION_GAP.fullmatch(ctx.text, first.stop, second.begin):
        return False
    kinds = {first.kind, second.kind}
    if kinds != {"explicit", "weekday"} and kinds != {"explicit", "relative"}:
        return False
    explicit = second if second.kind == "explicit" else first
    return explicit.precision == "day" or (explicit.start is None and explicit.yearless is not None)


def _mention(reading: Reading, text: str, sentence: int) -> DateMention:
    return DateMention(
        start=reading.start,
        end=reading.end,
        precision=reading.precision if reading.start is not None else "unknown",
        text=text[reading.begin : reading.stop],
        span=Span(reading.begin, reading.stop),
        sentence=sentence,
        relative=reading.relative,
        rule=reading.rule,
    )


# --- the document date: dateline or "MM/DD/YYYY:" prefix --------------------------------

_DATELINE_DATE = (
    rf"(?:(?P<d>{DAY})\s+(?P<m>{MONTH})(?:\s+(?P<y>{YEAR4}|\d\d))?"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR4}))?)"
)
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][^\n,\[\]]{0,60}?(?:,[ \t]*[A-Z][^\n,\[\]]{0,40}?)?),[ \t]*"
    rf"{_DATELINE_DATE}[ \t]*(?:\([^)\n]{{1,80}}\)[ \t]*)?(?:--|-|—|–)",
    re.MULTILINE | re.IGNORECASE,
)
PREFIX = re.compile(r"\A\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\s*:")
_DATELINE_WINDOW = 500  # a dateline sits in the first lines, after a headline at most


def document_date(clean: CleanText, published: date | None) -> DateMention | None:
    """The date a report gives itself: a dateline or an "MM/DD/YYYY:" prefix.

    Datelines: "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --", "BOGOTA, 12 MAR 90 (EFE) --",
    "DAMASCUS, April 13 (Reuters) -". A dateline without a year takes the year that puts
    it on or before `published`; without `published` it stays unresolved.

    >>> text = "  LIMA, 9 JAN 90 (EFE) -- [TEXT] A BOMB EXPLODED."
    >>> document_date(CleanText("r1", text, ()), None).start
    datetime.date(1990, 1, 9)
    """
    head = clean.text[:_DATELINE_WINDOW]
    prefix = PREFIX.match(head)
    if prefix is not None:
        year, a, b = int(prefix.group("y")), int(prefix.group("a")), int(prefix.group("b"))
        day = pick_order(year, a, b, published, month_first=True)
        if day is not None:
            span = prefix.span()
            return _document_mention(clean, span, (day, day), relative=False)
    dateline = DATELINE.search(head)
    if dateline is None:
        return None
    return _dateline_mention(clean, dateline, published)


def _dateline_mention(
    clean: CleanText, m: re.Match[str], published: date | None
) -> DateMention | None:
    group = "d" if m.group("d") else "d2"
    month_word = m.group("m") or m.group("m2")
    day = int(re.match(r"\d+", m.group(group)).group())  # type: ignore[union-attr]
    month = ALL_MONTHS[month_word.lower().rstrip(".")]
    raw_year = m.group("y") or m.group("y2")
    span = (m.start(group if group == "d" else "m2"), m.end(_last_group(m)))
    if raw_year is not None and (len(raw_year) == 4 or month_word.lower().rstrip(".") in MONTHS):
        year = int(raw_year) if len(raw_year) == 4 else cal.full_year(int(raw_year), published)
        found = cal.safe_date(year, month, day)
        return _document_mention(clean, span, (found, found), relative=False) if found else None
    anchored = cal.yearless(month, day, published, ahead=cal.YEARLESS_AHEAD) if published else None
    value = (anchored, anchored) if anchored else None
    return _document_mention(clean, span, value, relative=True)


def _last_group(m: re.Match[str]) -> str:
    for name in ("y", "y2", "d2", "m"):
        if m.group(name):
            return name
    return "m"


def _document_mention(
    clean: CleanText, span: tuple[int, int], value: tuple[date, date] | None, *, relative: bool
) -> DateMention:
    start, stop = span
    return DateMention(
        start=value[0] if value else None,
        end=value[1] if value else None,
        precision="day" if value else "unknown",
        text=clean.text[start:stop],
        span=Span(start, stop),
        sentence=_sentence_at(clean, start),
        relative=relative,
        rule=RULE_DATELINE,
    )


def _sentence_at(clean: CleanText, offset: int) -> int:
    """The index of the sentence holding `offset`, else of the first one after it, else 0."""
    for sentence in clean.sentences:
        if sentence.span.end > offset:
            return sentence.index
    return 0
