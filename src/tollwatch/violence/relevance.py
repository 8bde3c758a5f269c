"""Is the report about violence done by people? Decided once per report, with a reason.

`judge_relevance(clean, cues, tolls, published)` returns a `Relevance` record. A
report is relevant when at least one sentence holds *violence evidence*: an
affirmed cue (not negated, not hypothetical) of strength >= 0.75 whose sentence is
not framed as something else, or a cue of people's violence ("gunmen", "shooting",
"bomb", "raid"...) whatever the frame. Frames (violence/lang/frames.py):

* disaster, accident, industrial accident, illness: a sentence naming one
  ("a methane explosion in a coal mine", "the bus plunged into a gorge, killing
  27") gives no evidence from its ambiguous words ("killed", "explosion");
* a story or a game: when the report's lead (headline and two sentences) holds two
  words of fiction or of sport, only people's-violence words outside those
  sentences count ("a 44-1 massacre", "the film follows a hitman who kills 12");
* a figure of speech: "the Senate killed the bill";
* an anniversary: the killing is what is commemorated;
* a court case: a court sentence whose sentence dates the killing in an earlier year
  ("sentenced to life for the 2021 killings").

Reasons read "violence: <cue> (sentence N)" or "not violence: <frame label>". With
neither evidence nor a frame the verdict is None and the incident rules decide
(`incidents.build_document`); so too for a gun death framed as an accident (a
firearm that went off is counted by monitors of gun violence).
Docs: docs/incidents.md, "Relevance".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from ..records import CleanText, EventCue, Relevance, Sentence, TollMention
from .detect import lowered
from .lang import VIOLENCE_WORDS
from .lang.frames import (
    ANNIVERSARY_HEADLINE,
    FIREARM,
    FRAMES,
    HUMAN_VIOLENCE,
    OLD_EVENT,
    REVIEW_HEADLINE,
    THAT_DAY,
    THOSE_DEEDS,
    TWO_WORD_FRAMES,
)

RULE = "violence.relevance.v1"
# A cue this strong, in a sentence with no frame, is evidence of violence.
EVIDENCE_STRENGTH = 0.75
LEAD_SENTENCES = 3

_FRAME_RES = {name: re.compile(pattern) for name, (_, pattern) in FRAMES.items()}
# Each language's words of deaths by accident, disaster or illness
# (`ViolenceWords.accident`, violence/lang/<code>.py: "lluvias", "deslave", "chuvas",
# "السيول") frame a sentence as the English accident words do, so a rain toll told in
# Spanish is no violence either; a gun that went off still is (`_firearm_death`).
_FRAME_RES["accident"] = re.compile(
    FRAMES["accident"][1]
    + r"|\b(?:" + "|".join(w.accident for w in VIOLENCE_WORDS.values() if w.accident) + r")\b"
)
_HUMAN = re.compile(HUMAN_VIOLENCE)
_OLD = re.compile(OLD_EVENT)
_THAT_DAY = re.compile(THAT_DAY)
_THOSE_DEEDS = re.compile(THOSE_DEEDS)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_FIREARM = re.compile(FIREARM)
_REVIEW = re.compile(REVIEW_HEADLINE)
_ANNIVERSARY_HEADLINE = re.compile(ANNIVERSARY_HEADLINE)
# "... victims of 26/11 attacks, 17 years on": a count of years since the event, wherever
# the attack is named in the headline.
_YEARS_ON = re.compile(
    r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty)\s+years\s+(?:on|later)\b|\ba\s+decade\s+(?:on|later)\b"
)
# The killing a court punishes: "sentenced ... for the murder of two journalists", "por
# el asesinato de", "pour le meurtre de", "pelo assassinato de" (the case, not the news).
_FOR_THE_KILLING = re.compile(
    r"\b(?:for|over)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:murders?|killings?|"
    r"assassination|massacre)\s+of\b"
    # the case named in quotes before the plural: "over 'false positives' killings"
    r"|\b(?:for|over)\s+(?:the\s+)?['‘’\"“”][\w\s-]{2,30}['‘’\"“”]\s+(?:killings|murders"
    r"|massacres)\b"
    r"|\bpor\s+(?:el|los|la|las)\s+(?:asesinatos?|homicidios?|feminicidios?|masacre)\s+de\b"
    r"|\bpour\s+(?:le|les|l['’])\s*(?:meurtres?|assassinats?|massacre)\s+d"
    r"|\bpel[oa]s?\s+(?:assassinatos?|homicídios?|chacina|massacre)\s+d"
    # "مدانين اثنين بقتل ثلاثة", "أدين بتهمة قتل": the killing the convicted were found guilty of
    r"|(?<!\S)(?:مدان|أدين|ادين|إدانة|ادانة|إدانت|ادانت|بتهمة)\S*\s+(?:\S+\s+){0,3}?ب?(?:قتل|اغتيال|تفجير)"
    # the case a court tries: "في قضية مقتل 3 شرطيين", "قضية اغتيال"
    r"|(?<!\S)[وفب]?(?:ال)?قضية\s+(?:ال)?(?:مقتل|قتل|اغتيال|تفجير)"
)
# Frames under which a sentence's ambiguous violence words say nothing.
_SENTENCE_FRAMES = ("disaster", "accident", "industrial", "disease", "politics", "anniversary")


def judge_relevance(
    clean: CleanText,
    cues: Sequence[EventCue],
    tolls: Sequence[TollMention] = (),
    published: date | None = None,
    context: Callable[[str], bool] | None = None,
) -> Relevance | None:
    """Whether `clean` tells of violence done by people, and why (see the module doc).

    `context` tells a sentence of context ("a conflict that has killed thousands", the
    incident builder's running totals): after the lead, such a sentence is no evidence.
    None when neither violence evidence nor a frame is found: the incident rules
    decide (a report is then relevant when it yields an incident).
    """
    verdict = _judge(clean, cues, tolls, published, context)
    if verdict is None or verdict.relevant:
        return verdict
    if verdict.reason.endswith(FRAMES["accident"][0]) and _firearm_death(clean, tolls, published):
        return None  # a gun that went off is not a road accident: let the rules decide
    return verdict


def _firearm_death(
    clean: CleanText, tolls: Sequence[TollMention], published: date | None
) -> bool:
    """A firearm word in the lead or beside a figure, history after the lead left out
    ("Last year, gunmen fired on a bus on the same road")."""
    lead = {s.index for s in clean.content()[:LEAD_SENTENCES]}
    wanted = {t.sentence for t in tolls} | lead
    for s in clean.sentences:
        if s.index not in wanted:
            continue
        low = lowered(s.text)
        if _FIREARM.search(low) and (s.index in lead or not _dated_old(low, published)):
            return True
    return False


def _judge(
    clean: CleanText,
    cues: Sequence[EventCue],
    tolls: Sequence[TollMention],
    published: date | None,
    context: Callable[[str], bool] | None = None,
) -> Relevance | None:
    affirmed = [c for c in cues if not (c.negated or c.hypothetical)]
    story = _story_frames(clean)
    reviewed = _is_review(clean)
    if reviewed and "fiction" not in story:
        story = [*story, "fiction"]  # a review's headline is the frame's second word
    if reviewed and not any(_HUMAN.search(lowered(c.text)) for c in affirmed):
        return Relevance(False, f"not violence: {FRAMES['fiction'][0]}", rule=RULE)
    if not affirmed:
        frame = _dominant_frame(clean, tolls)
        if frame is None:
            return None
        return Relevance(False, f"not violence: {FRAMES[frame][0]}", rule=RULE)
    whole = _headline_frame(clean, published)
    if whole is not None:  # the headline frames the whole report (a court case, an obituary)
        return Relevance(False, f"not violence: {FRAMES[whole][0]}", rule=RULE)
    sentences = {s.index: s for s in clean.sentences}
    lead = {s.index for s in clean.content()[:LEAD_SENTENCES]}
    first = min(lead, default=-1)
    lows: dict[int, str] = {}
    frames_of: dict[int, list[str]] = {}  # each sentence's frames, searched once
    frames_seen: Counter[str] = Counter()
    for cue in sorted(affirmed, key=lambda c: (-c.strength, c.sentence)):
        sentence = sentences.get(cue.sentence)
        if sentence is None:
            continue
        low = lows.get(cue.sentence)
        if low is None:
            low = lows[cue.sentence] = lowered(sentence.text)
        human = _HUMAN.search(lowered(cue.text)) is not None or _human_near(low, cue, sentence)
        if cue.sentence not in lead and _dated_old(low, published):
            continue  # "Last year, militants fired on a bus on the same route": history
        if _that_old_day(low, cue.sentence, sentences, published):
            continue  # "... le massacre du 28 septembre 2009. Ce jour-là, 156 tués": history
        if cue.sentence not in lead and context is not None and context(sentence.text):
            continue  # "roads cut by fighting, a conflict that has killed thousands": context
        if not human and cue.sentence != first and _told_before(low, cue, sentence):
            continue  # "The blast also destroyed shops": the event the lead framed
        if cue.sentence != first and _blast_did_it(low, cue, sentence):
            continue  # "The blast set fire to nearby shops": no one set that fire
        if scare_quoted(cue, sentence):
            continue  # "calls budget a 'massacre'": a word quoted, not a deed told
        in_story = reviewed or (bool(story) and any(_FRAME_RES[f].search(low) for f in story))
        if in_story and ("fiction" in story or not human):
            frames_seen.update(story)
            continue
        framed = frames_of.get(cue.sentence)
        if framed is None:
            framed = frames_of[cue.sentence] = _sentence_frames(low, published)
        remembers = "anniversary" in framed and not (
            human and _acts_before_remembrance(low, cue, sentence))
        if remembers or "politics" in framed or "court" in framed:
            frames_seen.update(framed)
            continue
        if framed and not human:
            frames_seen.update(framed)
            continue
        if cue.strength >= EVIDENCE_STRENGTH or human:
            return Relevance(True, f"violence: {cue.text!r} (sentence {cue.sentence})", rule=RULE)
    frame = frames_seen.most_common(1)[0][0] if frames_seen else _dominant_frame(clean, tolls)
    if frame is None:
        return None
    return Relevance(False, f"not violence: {FRAMES[frame][0]}", rule=RULE)


def _sentence_frames(low: str, published: date | None) -> list[str]:
    framed = [f for f in _SENTENCE_FRAMES if _FRAME_RES[f].search(low)]
    if _FRAME_RES["court"].search(low) and (
            _dated_old(low, published) or _FOR_THE_KILLING.search(low)):
        framed.append("court")
    return framed


def _acts_before_remembrance(low: str, cue: EventCue, sentence: Sentence) -> bool:
    """People's violence told before the words of remembrance: "Gunmen killed four
    mourners as they left a memorial service" is news; "families gathered to remember
    the 147 killed when gunmen stormed the school" is not."""
    remembered = _FRAME_RES["anniversary"].search(low)
    return remembered is not None and cue.span.start - sentence.span.start < remembered.start()


def _human_near(low: str, cue: EventCue, sentence: Sentence) -> bool:
    """A people's-violence word within 60 characters of the cue."""
    start = max(0, cue.span.start - sentence.span.start - 60)
    end = cue.span.end - sentence.span.start + 60
    return _HUMAN.search(low[start:end]) is not None


# "the blast", "this explosion": a cue that refers back to an event already told.
# "a similar explosion", "another such blast": one of the same kind as the event told.
_LIKE_BEFORE = re.compile(r"\b(?:(?:a|another)\s+similar|another\s+such|such\s+an?)\s+$")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|(?:a|another)\s+similar|another\s+such"
                              r"|such\s+an?)\s+$")


def _told_before(low: str, cue: EventCue, sentence: Sentence) -> bool:
    """The cue names, with a definite article, an explosion told before ("The blast also
    destroyed nearby shops"), or one like it ("a similar explosion in Jigawa killed 150"):
    its evidence is that earlier sentence's, framed or not."""
    start = cue.span.start - sentence.span.start
    if cue.sub_event_type != "remote_explosive":
        return _LIKE_BEFORE.search(low, max(0, start - 16), start) is not None
    return _DEFINITE_BEFORE.search(low, max(0, start - 16), start) is not None


# "The blast set fire to ...", "The explosion also set ablaze ...": a sentence whose
# subject is a blast told before, and what that blast did.
_BLAST_SUBJECT = re.compile(
    r"\W*(?:the|this|that)\s+(?:blast|explosion|fireball)\s+(?:also\s+)?"
    r"(?:set|sets|setting)\s+(?:fire\s+to|ablaze)\b"
)


def _blast_did_it(low: str, cue: EventCue, sentence: Sentence) -> bool:
    """The cue is the blast told before, or the fire it set, in a sentence that begins
    with it ("The blast set fire to nearby shops and vehicles"): no one set that fire,
    so the cue adds no violence of its own to the blast the report framed."""
    subject = _BLAST_SUBJECT.match(low)
    return subject is not None and cue.span.start - sentence.span.start < subject.end()


# A short quoted stretch around a cue: an opening quote after a space, at most three
# words to the cue; the closing quote at most three words after it.
_OPEN_QUOTE = re.compile(r"(?:^|\s)[\"'‘“«](?:[\w-]+\s+){0,2}$")
_CLOSE_QUOTE = re.compile(r"(?:\s+[\w-]+){0,2}[\"'’”»]")


def scare_quoted(cue: EventCue, sentence: Sentence) -> bool:
    """The cue stands in a quoted word or two of its own ("a 'massacre' of middle-income
    families", "rebels on her side said they had \"shot down\" a cut"): a word someone
    used, not a violent deed the report tells; its deeds are told by its other cues."""
    start = cue.span.start - sentence.span.start
    end = cue.span.end - sentence.span.start
    text = sentence.text
    if start < 1 or end >= len(text):
        return False
    opened = _OPEN_QUOTE.search(text, max(0, start - 30), start)
    if opened is None or _CLOSE_QUOTE.match(text, end) is None:
        return False
    # "he was \"kidnapped\" as he headed to the airport": a deed done to someone, quoted
    return _BE_BEFORE.search(text, max(0, opened.start() - 16), opened.start() + 1) is None


_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s*$", re.IGNORECASE)


def _is_review(clean: CleanText) -> bool:
    """The report's headline names it a review ("Review: ...", "Film review: ...") and its
    lead has a word of a story (film, novel, series)."""
    first = clean.content()[:1]
    if not (first and first[0].headline and _REVIEW.match(lowered(first[0].text))):
        return False
    lead = " ".join(lowered(s.text) for s in clean.content()[:LEAD_SENTENCES])
    return _FRAME_RES["fiction"].search(lead) is not None


def _headline_frame(clean: CleanText, published: date | None) -> str | None:
    """The frame of a headline that tells the whole report: a court case over an earlier
    killing ("Court jails two men over 2019 hotel attack"), a figure of speech
    ("Opposition kills budget bill"), or, with no violence of people of its own, a
    remembrance ("Nation remembers APS martyrs on 10th anniversary") or an obituary
    ("Veteran war photographer dies at 81"). The killings such a report recalls ("he
    survived being shot twice", "the gunmen who attacked the hotel") are history."""
    first = clean.content()[:1]
    if not (first and first[0].headline):
        return None
    low = lowered(first[0].text)
    if "court" in _sentence_frames(low, published):
        return "court"
    remembered = _ANNIVERSARY_HEADLINE.search(low)
    human = _HUMAN.search(low)
    if remembered is not None and (human is None or human.start() > remembered.start()
                                   or _YEARS_ON.search(low) is not None):
        return "anniversary"  # "Kenya marks ten years since Garissa University attack"
    if human is not None:
        return None
    if _FRAME_RES["politics"].search(low) is not None:
        return "politics"
    return "obituary" if _FRAME_RES["obituary"].search(low) is not None else None


def _story_frames(clean: CleanText) -> list[str]:
    """Fiction or sport, when the lead holds two different words of the frame."""
    lead = " ".join(lowered(s.text) for s in clean.content()[:LEAD_SENTENCES])
    found = []
    for name in TWO_WORD_FRAMES:
        words = {m.group(0) for m in _FRAME_RES[name].finditer(lead)}
        if len(words) >= 2:
            found.append(name)
    return found


def _that_old_day(
    low: str, index: int, sentences: dict[int, Sentence], published: date | None
) -> bool:
    """The sentence opens on "that day", or on the deeds told before ("Those attacks were
    claimed by ..."), and the sentence before dates its event to an earlier year."""
    if _THAT_DAY.match(low) is None and _THOSE_DEEDS.match(low) is None:
        return False
    before = sentences.get(index - 1)
    return before is not None and _dated_old(lowered(before.text), published)


def _dated_old(low: str, published: date | None) -> bool:
    """The sentence places its event in an earlier year ("in 2021", "last year")."""
    for m in _OLD.finditer(low):
        year = _YEAR.search(m.group(0))
        if year is None or published is None or int(year.group(1)) < published.year:
            return True
    return False


def _dominant_frame(clean: CleanText, tolls: Sequence[TollMention]) -> str | None:
    """The frame most named in the sentences with figures, else in the lead; with no
    frame beside the figures, an accident or a disaster that the lead names ("o carro
    invadiu a via contrária, colidindo com o ônibus" before "o motorista morreu no
    local")."""
    lead = {s.index for s in clean.content()[:LEAD_SENTENCES]}
    counts = _frames_in(clean, {t.sentence for t in tolls} or lead)
    if not counts and tolls:
        counts = Counter({f: n for f, n in _frames_in(clean, lead).items() if f in _LEAD_FRAMES})
    return counts.most_common(1)[0][0] if counts else None


# The frames a report's lead may give the figures after it when theirs name none.
_LEAD_FRAMES = ("disaster", "accident", "industrial")


def _frames_in(clean: CleanText, wanted: set[int]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in clean.sentences:
        if sentence.index not in wanted:
            continue
        low = lowered(sentence.text)
        counts.update(name for name, pattern in _FRAME_RES.items() if pattern.search(low))
    return counts
