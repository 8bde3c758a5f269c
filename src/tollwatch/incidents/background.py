"""Background and cumulative figures: context, kept but never in the document toll.

A report tells its news and, around it, earlier events and running totals:

* **cumulative totals**: "a conflict that has killed more than 80,000 people", "the
  raids have now claimed 240 lives in the district since the offensive began", "so
  far this year" (the toll finder's `cumulative` flag, or the words below). They
  become an `aggregate` with `background` set;
* **earlier events**: "a bombing in the same square killed 30 in 2018", "last year a
  similar attack killed 11": a figure whose own sentence dates it more than
  `RECENT_DAYS` before publication, or places it in an earlier year, is an
  `incident` with `background` set;
* **what a protest is about** ("justice for the 9 killed", the finder's `background`
  flag): an earlier event, background.

Background drafts stay out of the relations between the report's news figures
(repeats, parts, retellings) and out of the store's events (store/ingest.py).
"""

from __future__ import annotations

import re
from datetime import date

from ..dates.words import MONTH_NAMES, MONTHS
from ..records import CleanText, DateMention, Report
from ..tolls.lang import TOLL_WORDS
from .draft import Draft
from .scope import _lead_indices

# An event dated more than this many days before publication is background.
RECENT_DAYS = 60
# Toll finder flags that mark a figure as background (tolls/sentence_flags.py).
BACKGROUND_FLAGS = frozenset({"cumulative", "background"})

# A running total: a war, a campaign or a year so far, with the perfect tense.
_CUMULATIVE = re.compile(
    r"\b(?:war|conflict|insurgency|uprising|violence|offensive|campaign|crisis|unrest|"
    r"fighting|raids|attacks|strikes|bombardment|siege|occupation|epidemic|invasion|"
    r"rebellion|crackdown)s?"
    # who fights whom: "the war between the army and the RSF, now in its third year, has"
    r"(?:\s+(?:between|against|with)\s+[^,.;]{3,80}?(?=,))?"
    # an aside between the war and its verb: "the war, now in its third year, has killed"
    r"(?:,\s+[^,.;]{3,60},)?\s+"
    r"(?:that\s+|which\s+)?(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?:killed|claimed|left|cost)\b"
    # "since the fighting erupted on Sunday" is the news's own fighting
    r"|\bsince\s+the\s+(?:[\w-]+\s+){0,2}(?:began|started|begun|erupted|broke\s+out)\b"
    r"(?!\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday"
    r"|overnight|last\s+night|this\s+week|earlier\s+this\s+week)\b)"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak)\s+of\b"
    r"|\bso\s+far\s+this\s+(?:year|month)\b|\bthis\s+year\s+alone\b"
    r"|\bsince\s+(?:january|the\s+start\s+of\s+the\s+year)\b"
    # a span from a dated turning point or over part of the year: "since the 2021 coup",
    # "in the first three months of the year", "in the first half of 2024"
    r"|\bsince\s+the\s+(?:19|20)\d\d\s+\w+"
    r"|\bin\s+the\s+first\s+(?:\w+\s+)?(?:months?|weeks?|half|quarter)\s+of\s+(?:the|this"
    r"|last)\s+year\b|\bin\s+the\s+first\s+(?:\w+\s+)?(?:months?|half|quarter)\s+of\s+(?:19|20)\d\d\b"
    # a city's yearly count: "168 homicides in the city this year", "murders last year"
    r"|\b(?:homicides|murders|killings)\b[^.;]{0,60}\b(?:this|last)\s+year\b"
    r"|\b(?:this|last)\s+year\b[^.;]{0,60}\b(?:homicides|murders|killings)\b"
    # "a wave of killings this year, in which 14 policemen have died"
    r"|\b(?:this\s+year|so\s+far)\b[^.;]{0,60}?\b(?:has|have)\s+(?:now\s+)?(?:died|been\s+killed)\b"
    r"|\b(?:has|have)\s+(?:now\s+)?(?:died|been\s+killed)\b[^.;]{0,40}?\b(?:this\s+year|so\s+far)\b"
    # the perfect tense of a group's killing over the year: "militants of the TTP, who
    # have killed hundreds of security personnel this year"
    r"|\b(?:has|have)\s+(?:now\s+|already\s+)?killed\b[^.;]{0,80}?\bthis\s+year\b"
    # the perfect tense over a long span: "have been killed in the West Bank since October
    # 2023", "since then", "since campaigning began", "has killed thousands over the past
    # decade" (a span from a weekday, "since Sunday", is the news's own fighting)
    r"|\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+killed|killed|died|"
    r"claimed|left)\b[^.;]{0,120}?\b(?:since\s+(?:then|(?:early\s+|late\s+|mid-?)?(?:january|"
    r"february|march|april|june|july|august|september|october|november|december)\b|"
    r"may\s+(?:19|20)\d\d\b|"
    r"(?:19|20)\d\d|\w+\s+(?:began|started)|the\s+(?:19|20)\d0s|the\s+(?:19|20)\d\d\s+\w+)"
    r"|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:decades?|years|months)|in\s+recent\s+"
    r"(?:years|months))"
    # deaths counted over a dated span: "has verified more than 12,600 civilian deaths in
    # Ukraine since February 2022"
    r"|\b\d[\d,.]*\s+(?:[a-z-]+\s+)?(?:deaths|fatalities)\b[^.;]{0,60}?\b(?<!worst\s)"
    r"(?<!deadliest\s)since\s+(?:" + MONTH_NAMES + r"\s+)?(?:19|20)\d\d\b"
    # the span first: "clashes since May 2023 have left more than 250 people dead"
    r"|\bsince\s+(?:" + MONTH_NAMES + r"\s+)?(?:19|20)\d\d\b[^.;]{0,80}?\b(?:has|have)\s+"
    r"(?:now\s+)?"
    r"(?:left|killed|claimed|cost|died|been\s+killed)\b"
    # the perfect tense over years: "Plateau state has for years been hit by clashes ... in
    # which thousands have died", "have been killed for decades"
    r"|\b(?:has|have|had)\s+(?:now\s+)?for\s+(?:(?:many|several|some|\w+)\s+)?(?:years|decades)\b"
    r"[^.;]{0,120}?\b(?:has|have|had)\s+(?:died|been\s+killed|killed|claimed|left)\b"
    r"|\b(?:has|have)\s+(?:been\s+killed|died|killed)\b[^.;]{0,60}?\bfor\s+(?:(?:many|several"
    r"|\w+)\s+)?(?:years|decades)\b"
    # a war's months or years: "were killed in Lebanon during the 14 months of war"
    r"|\b(?:during|in|over|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:months|years)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:war|conflict|fighting|hostilities|insurgency|occupation)\b"
    # a war's estimated dead, in the tens of thousands: "some researchers estimate that as
    # many as 150,000 people have been killed", "the UN has put the toll at more than 20,000"
    r"|\b\d{2,3}(?:,\d{3}){1,2}\s+(?:[\w-]+\s+){0,2}(?:have|has)\s+(?:now\s+)?"
    r"(?:been\s+killed|died|perished)\b"
    r"|\b(?:put|puts|putting|estimated?|estimates)\s+(?:the\s+)?(?:overall\s+|total\s+)?"
    r"(?:death\s+)?toll\s+at\s+(?:[a-z]+\s+){0,2}\d{2,3}(?:,\d{3}){1,2}\b"
    # a part of a year: "were killed in gang violence in the first half of the year"
    r"|\bin\s+the\s+(?:first|second|third|last)\s+(?:half|quarter|three\s+months|six\s+months)"
    r"\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# An earlier event told by its distance from the news: "the attack comes a month after
# more than 100 people were killed", "two weeks earlier", "about a fortnight ago". A week
# or less is news (the attack the news avenges); "died two weeks after being shot" is the
# news's own death.
_EARLIER_RELATIVE = re.compile(
    r"\b(?:comes?|came|coming|follows?|followed|following)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:weeks?|fortnights?|months?)"
    r"|weeks|months)\s+after\b"
    r"|\b(?:(?:two|three|four|five|six|several|a\s+few|\d+)\s+weeks|(?:a|one|two|three|four|"
    r"five|six|several|a\s+few|\d+)\s+(?:months?|fortnights?))\s+(?:ago|earlier)\b",
    re.IGNORECASE,
)
# The event a war began with, told as the war's cause: "the Hamas-led attack that
# triggered the war killed about 1,200 people", "the 2023 raid, which sparked the conflict".
_WAR_CAUSE = re.compile(
    r"\b(?:triggered|sparked|ignited|set\s+off|started|precipitated)\s+(?:the|this)\s+"
    r"(?:[\w-]+\s+){0,2}(?:war|conflict)\b",
    re.IGNORECASE,
)
# Words that place the figure's event in an earlier year.
_EARLIER_YEAR = re.compile(
    r"\b(?:last\s+year|years\s+ago|a\s+year\s+ago|in\s+(?:19|20)\d\d|of\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s+(?:attack|bombing|massacre|shooting|killing))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Years counted back from the news: "gathered on Wednesday to remember the 148 killed ten
# years ago" (the day is the remembrance's, the deaths are a decade old).
_YEARS_AGO = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|several|many|\d+)\s+years|a\s+decade|(?:two|three|several)\s+decades|decades)"
    r"\s+ago\b",
    re.IGNORECASE,
)


# A month's tally: "412 deaths across Syria in May" documented or counted by a monitor,
# "the number killed ... during November reached 47" (a month with no day; the month
# alone is no tally: "the shooting in May" is one event).
_MONTH_SPAN = re.compile(
    r"(?<!\d\s)\b(?:in|during|over|throughout)\s+(?:the\s+(?:whole\s+)?month\s+of\s+)?"
    + MONTH_NAMES + r"\b(?!\s+\d)(?!\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_TALLY = re.compile(
    r"\b(?:tally|statistics|documented|documents|recorded|records|registered|counted|"
    r"monthly|the\s+month\s+of|the\s+number\s+of\s+(?:people\s+)?(?:killed|dead|deaths|"
    r"victims))\b",
    re.IGNORECASE,
)


_PERIOD_STATISTICS = re.compile(
    r"\b(?:monthly|annual|yearly|quarterly)\s+(?:statistics|tally|tallies|toll|count|figures)\b",
    re.IGNORECASE,
)


# Totals of long articles, the span told before the figure or around it:
# "Since then at least 790 Palestinians have been killed", "Since 1 January, this bulletin
# has recorded 38 deaths", "February closed with 142 homicides in Sinaloa", "450,664
# people were killed ... between 1985 and 2018".
_SPAN_TOTAL = re.compile(
    r"\bsince\s+(?:then|that\s+(?:day|time|attack)|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + MONTH_NAMES + r"|" + MONTH_NAMES + r"\s+\d{1,2}(?:st|nd|rd|th)?)\b[^.;]{0,100}?\b(?:has|have)"
    r"\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|claimed|cost|been\s+killed|recorded|"
    r"documented|counted|registered|verified)\b"
    r"|\b(?:" + MONTH_NAMES + r"|the\s+(?:month|year|week))\s+(?:closed|ended|finished)\s+with\s+"
    r"(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?\d"
    r"|\b(?:between|from)\s+(?:" + MONTH_NAMES + r"\s+)?(?:19|20)\d\d\s+(?:and|to|until)\s+(?:"
    + MONTH_NAMES + r"\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def is_cumulative_sentence(text: str) -> bool:
    """A sentence that gives a running total ("the war has killed ...")."""
    if _CUMULATIVE.search(text) is not None or _SPAN_TOTAL.search(text) is not None:
        return True
    if _PERIOD_STATISTICS.search(text) is not None:
        return True  # "according to the monitor's monthly statistics, 71 of the dead ..."
    return _MONTH_SPAN.search(text) is not None and _TALLY.search(text) is not None


def mark_background(drafts: list[Draft], clean: CleanText, report: Report) -> None:
    """Set `background` (and `cumulative`) on drafts that are context, not news."""
    for draft in drafts:
        if draft.kind == "claim":
            continue
        text = _figure_sentence(draft, clean)
        flags = draft.flags() | _other_flags(draft)
        if "cumulative" in flags or is_cumulative_sentence(text):
            draft.background = True
            draft.cumulative = True
        elif _earlier_event(draft, flags, text, report, _figure_at(draft, clean)):
            draft.background = True
    _mark_older_than_the_news(drafts, report.published)
    _mark_dated_by_the_sentence_before(drafts, clean, report.published)
    _mark_earlier_in_the_period(drafts, clean)
    _mark_headline_of_a_total(drafts, clean)
    _mark_told_as_memory(drafts, clean)


# A story told from years on: "Her father and two brothers were killed that night ...
# Nearly a decade later she still lives in a camp".
_YEARS_LATER = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several|"
    r"many|\d+)\s+(?:decades?|years)|a\s+decade)\s+later\b",
    re.IGNORECASE,
)
_MEMORY_WINDOW = 3  # sentences after the figure within which "years later" may follow


def _mark_told_as_memory(drafts: list[Draft], clean: CleanText) -> None:
    """A figure a few sentences before "a decade later" (with no date of its own sentence)
    belongs to the remembered past of a feature, not to the news."""
    later = [s.index for s in clean.sentences if _YEARS_LATER.search(s.text)]
    if not later:
        return
    for draft in drafts:
        if draft.background or draft.kind == "claim":
            continue
        dated = draft.date is not None and draft.date.sentence == draft.sentence
        if not dated and any(0 < i - draft.sentence <= _MEMORY_WINDOW for i in later):
            draft.background = True


def _mark_headline_of_a_total(drafts: list[Draft], clean: CleanText) -> None:
    """"Daraa: 47 people killed in security chaos in November" over "the number of people
    killed ... during November reached 47, according to the monitor's tally": the
    headline tells the lead's running total, not news of its own."""
    content = clean.content()
    if not content or not content[0].headline:
        return
    headline, lead = content[0].index, {s.index for s in content[1:4]}
    totals = {d.best for d in drafts if d.cumulative and d.sentence in lead and d.best}
    for draft in drafts:
        if draft.sentence == headline and not draft.background and draft.best in totals:
            draft.background = True
            draft.cumulative = True


def _earlier_event(
    draft: Draft, flags: frozenset[str], text: str, report: Report, figure_at: int
) -> bool:
    """What a protest is about, a figure dated long ago, or one placed in an earlier year."""
    if "background" in flags or _dated_earlier(draft, report):
        return True
    if _EARLIER_RELATIVE.search(text) is not None or _WAR_CAUSE.search(text) is not None:
        return True
    if _event_of_earlier_year(text, report.published) or _YEARS_AGO.search(text, figure_at):
        return True  # "for their roles in a 2016 bombing that killed 75", whatever "on Thursday"
    return _earlier_year(text, report.published) and not _dated_recent(draft, report)


# An event named with its year: "a 2016 suicide bombing", "the 2014 village massacre".
_YEAR_EVENT = re.compile(
    r"\b((?:19|20)\d\d)\s+(?:[\w'-]+\s+){0,3}?(?:attacks?|bombings?|massacres?|shootings?"
    r"|killings?|raids?|ambush|siege)\b",
    re.IGNORECASE,
)


# The same with the year after the event, in the languages' words (`TollWords.event_year`):
# "لتفجير حي الكرادة عام 2016".
_EVENT_YEARS = tuple(
    re.compile(w.event_year, re.IGNORECASE) for w in TOLL_WORDS.values() if w.event_year)


def _event_of_earlier_year(text: str, published: date | None) -> bool:
    if published is None:
        return False
    if any(int(m.group(1)) < published.year for m in _YEAR_EVENT.finditer(text)):
        return True
    return any(int(m.group("year")) < published.year
               for pattern in _EVENT_YEARS for m in pattern.finditer(text))


# An event dated more than this many days before the news's own date is context (the
# annotation's rule: "more than a week older than the report's news").
NEWS_WEEK_DAYS = 7


def _mark_older_than_the_news(drafts: list[Draft], published: date | None = None) -> None:
    """ "It was the second mass shooting this month; four people died in a shooting in
    Birmingham on Sept. 6": a figure whose own sentence dates it more than a week
    before the news (the first incident of the report dated to the day) is background.
    When no figure is dated to the day, a later figure dated to a whole earlier month
    than publication ("Violence on the coast in early March left 1,500 dead" in news of
    April 15) is background beside the first one, the news."""
    news = next((d for d in drafts if not d.background and d.kind != "claim"
                 and _own_day(d) is not None), None)
    news_day = _own_day(news) if news is not None else None
    if news_day is None:
        _mark_earlier_month_than_published(drafts, published)
        return
    for draft in drafts:
        own = _own_end(draft)
        if draft is news or draft.background or draft.kind == "claim" or own is None:
            continue
        if (news_day - own).days > NEWS_WEEK_DAYS or _earlier_month(draft, news_day):
            draft.background = True


def _the_news(drafts: list[Draft], published: date | None) -> Draft | None:
    """The report's first counted figure, the news, when the report is published and that
    figure is not itself dated to an earlier month (a follow-up of an older event, whose
    figures are all of that event): None otherwise."""
    first = next((d for d in drafts if not d.background and d.kind != "claim"), None)
    if published is None or first is None or _earlier_month(first, published):
        return None
    return first


def _mark_earlier_month_than_published(drafts: list[Draft], published: date | None) -> None:
    first = _the_news(drafts, published)
    if first is None or published is None:
        return
    for draft in drafts:
        if draft is first or draft.background or draft.kind == "claim":
            continue
        if draft.best == first.best:
            continue  # the news's figure told again
        if draft.sentence > first.sentence and _earlier_month(draft, published):
            draft.background = True


# "The M23 seized Goma in January and Bukavu in February. The fighting for Goma killed about
# 3,000": a named month (no day) in the sentence before a figure that gives no date.
_IN_MONTH = re.compile(
    r"\b(?:in|since|during)\s+(?:early\s+|mid-|late\s+)?(?P<month>January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}\b)")


def _mark_dated_by_the_sentence_before(
    drafts: list[Draft], clean: CleanText, published: date | None
) -> None:
    """A later figure whose sentence gives no date, after a sentence of the same paragraph
    that has no figure and names only months earlier than publication ("seized Goma in
    January and Bukavu in February. The fighting for Goma killed about 3,000"), tells that
    earlier event: background beside the first figure, the news (unless it repeats it or
    the news itself is of an earlier month, a follow-up)."""
    first = _the_news(drafts, published)
    if first is None or published is None:
        return
    counted = {d.sentence for d in drafts}
    for draft in drafts:
        if (draft is first or draft.background or draft.kind == "claim"
                or draft.best == first.best or draft.sentence <= first.sentence + 1
                or (draft.date is not None and draft.date.sentence == draft.sentence)
                or draft.sentence - 1 in counted):
            continue
        if _earlier_months_only(clean, draft.sentence - 1, published):
            draft.background = True


def _earlier_months_only(clean: CleanText, index: int, published: date) -> bool:
    """The sentence at `index` (same paragraph as the next) names months, all earlier in
    publication's year."""
    if not 0 <= index < len(clean.sentences) - 1:
        return False
    sentence, following = clean.sentences[index], clean.sentences[index + 1]
    if sentence.headline or "\n" in clean.text[sentence.span.end : following.span.start]:
        return False
    months = [MONTHS[m.group("month").lower()] for m in _IN_MONTH.finditer(sentence.text)]
    return bool(months) and all(m < published.month for m in months)


# An event told as earlier in the month or the year than the news ("a strike on a detention
# centre in Saada earlier this month killed 68"); "earlier this week" may be the news's own.
_EARLIER_PERIOD = re.compile(
    r"\b(?:earlier\s+(?:this|in\s+the)\s+(?:month|year)|last\s+month)\b", re.IGNORECASE)


def _mark_earlier_in_the_period(drafts: list[Draft], clean: CleanText) -> None:
    """A figure after the lead whose own sentence places its event earlier in the month
    (or year) tells an earlier event when the lead tells the news with a figure of its own
    (another count): background, though within `RECENT_DAYS`."""
    lead = _lead_indices(clean)
    news = {d.best for d in drafts if d.sentence in lead and not d.background
            and d.kind != "claim" and d.best}
    if not news:
        return
    for draft in drafts:
        if draft.background or draft.kind == "claim" or draft.sentence in lead:
            continue
        if draft.best in news or not 0 <= draft.sentence < len(clean.sentences):
            continue
        if _EARLIER_PERIOD.search(clean.sentences[draft.sentence].text):
            draft.background = True


def _earlier_month(draft: Draft, news_day: date) -> bool:
    """ "Violence on the coast in March left more than 1,500 dead" in news of April 6: a
    figure its own sentence dates to a whole earlier month (no day), when the news is
    dated to the day, tells an earlier event (the news's own recent days are named by
    their weekday or date)."""
    d = _own_date(draft)
    if d is None or d.precision != "month" or d.start is None:
        return False
    if _NAMED_MONTH.search(d.text) is None:
        return False  # "last month" may be days before the news: only a named month
    return (d.start.year, d.start.month) < (news_day.year, news_day.month)


_NAMED_MONTH = re.compile(r"\b" + MONTH_NAMES + r"\b", re.IGNORECASE)


def _own_date(draft: Draft) -> DateMention | None:
    """The date the draft's own sentence gives, or None (a date carried from another
    sentence says nothing of this figure's age)."""
    d = draft.date
    return d if d is not None and d.sentence == draft.sentence else None


def _own_day(draft: Draft) -> date | None:
    """The day the draft's own sentence dates it to, when it gives one day."""
    d = _own_date(draft)
    return d.start if d is not None and d.precision == "day" else None


def _own_end(draft: Draft) -> date | None:
    """The last day of the date the draft's own sentence gives, or None."""
    d = _own_date(draft)
    return (d.end or d.start) if d is not None else None


def _other_flags(draft: Draft) -> frozenset[str]:
    groups = (draft.wounded, draft.abducted, draft.missing)
    return frozenset(f for group in groups for m in group for f in m.flags)


def _figure_at(draft: Draft, clean: CleanText) -> int:
    """Where the draft's first killed figure stands in its sentence (0 when unknown): "years
    ago" after it dates its event ("the 148 killed ... ten years ago"); before it, an aside
    ("-- jailed a decade ago for his son's death -- killed six of his grandchildren")."""
    if not draft.killed or not 0 <= draft.sentence < len(clean.sentences):
        return 0
    return max(0, draft.killed[0].span.start - clean.sentences[draft.sentence].span.start)


def _figure_sentence(draft: Draft, clean: CleanText) -> str:
    if 0 <= draft.sentence < len(clean.sentences):
        return clean.sentences[draft.sentence].text
    return ""


def _dated_earlier(draft: Draft, report: Report) -> bool:
    """The figure's own sentence dates it more than RECENT_DAYS before publication."""
    end = _own_end(draft)
    return report.published is not None and end is not None and (
        report.published - end).days > RECENT_DAYS


def _dated_recent(draft: Draft, report: Report) -> bool:
    """The figure's own sentence dates it within RECENT_DAYS of publication."""
    end = _own_end(draft)
    return report.published is not None and end is not None and (
        report.published - end).days <= RECENT_DAYS


def _earlier_year(text: str, published: date | None) -> bool:
    """ "in 2018", "last year", "years ago" in the figure's sentence."""
    for m in _EARLIER_YEAR.finditer(text):
        year = _YEAR.search(m.group(0))
        if year is None or published is None or int(year.group(0)) < published.year:
            return True
    return False
