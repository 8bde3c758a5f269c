"""Rules that bind a figure to an outcome word (the core of the casualty grammar).

`bind(text, quantity)` tries, in order: a toll noun before the figure ("the death
toll rose to 40"), "of" ("the bodies of 3 men"), an active verb before it ("killing
26 fighters"), an outcome after it ("15 soldiers died", "5 fatalities") and a
death adjective ("two lifeless men"). `lists` binds figures listed beside a bound
one. Other languages are read by the clause grammar (`tolls/clauses.py`).
"""

from __future__ import annotations

import re

from ..dates.words import MONTH_NAMES
from ..read.prefilter import Prefiltered
from ..records import Outcome
from .lang import en
from .lexicon import (
    ACTIVE,
    AUX,
    KILLED_ADJECTIVE,
    NOMINAL,
    NP_TOKEN,
    PASSIVE,
    PERSON,
    outcome_of,
)
from .numbers import Quantity
from .phrases import (
    Binding,
    free,
    has_killed_word,
    is_animal,
    is_body,
    is_person,
    is_time,
    make_binding,
    make_either,
    noun_phrase,
    np_words,
    strip_np,
)

_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the|those|these)\s+$", re.IGNORECASE)
_RELATIVE_PASSIVE = r"(?:who|that|which)\s+(?:were|was|are|is|had\s+been|have\s+been)\b"
_SUBJECT = re.compile(
    r"(?P<partitive>\s+of\s+(?:whom|them|those|these))?"
    rf"(?P<np>(?:\s+(?:{NP_TOKEN})){{0,10}}?"
    r"(?:\s+of\s+(?:one|the\s+same)\s+(?:family|household|clan))?)"
    # "Six members of one family, a couple and their four children, were killed": an
    # apposition that says who they were
    r"(?P<incl>\s*,\s*(?:including|among\s+them|mostly|mainly|most\s+of\s+them|all|both"
    # "Two children, aged 8 and 10, were killed": their ages
    r"|\w+\s+of\s+(?:them|whom)|(?:a|an|the|their|his|her|aged|ages)\s)"
    r"\b[^,;]{0,80},)?"
    # "Seven border guards including their captain died": the captain is among the seven
    r"(?P<incl2>\s+(?:including|among\s+them)\s+(?:(?:their|his|her|its|the|a|an)\s+)?"
    r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}?)?"
    r"(?:\s*,?\s+who)?"
    # "shot and killed" after a relative "who were" is no coordination of the subject's verbs
    rf"(?P<aux>(?:\s+(?:{AUX}))*)(?P<coord>\s+(?!{_RELATIVE_PASSIVE})[a-z]+"
    rf"(?:\s+(?!{_RELATIVE_PASSIVE})[a-z]+){{0,3}}?\s+and)??"
    r"\s*(?P<among>were\s+among\s+(?:the\s+)?)?"
    rf"(?P<out>{PASSIVE}|{NOMINAL})(?![\w-])",
    re.IGNORECASE,
)


# the coordination of "Two people were shot and killed" when the lazy subject is empty: one
# noun, its auxiliary, one verb and "and"
_NOUN_AUX_VERB = re.compile(
    r"\s+(?P<np>[a-z]+)\s+(?:were|are|have\s+been|had\s+been)\s+[a-z]+\s+and", re.IGNORECASE)


# "Two policemen guarding the consulate in the capital were killed": a subject with a
# participle or a place inside, allowed only before an explicit plural auxiliary.
_LONG_SUBJECT = re.compile(
    rf"(?P<np>(?:\s+(?:{NP_TOKEN})){{1,4}}?)"
    rf"(?P<rest>(?:\s+(?:{NP_TOKEN}|of|in|at|near|on|from|one|inside|outside|guarding|travelling"
    r"|traveling|working|riding|living|waiting|standing|sitting|walking|driving|praying"
    r"|shopping|queuing|queueing"
    # "Five people sheltering at a camp for the displaced were killed"
    r"|sheltering|staying|hiding|camping|gathered|attending|fleeing|for)){1,10}?)"
    r"\s+(?P<aux>were|have\s+been|had\s+been)\s+(?:(?:[a-z]+ly|also)\s+)?"
    rf"(?P<out>{PASSIVE})(?![\w-])",
    re.IGNORECASE,
)
_ACTIVE_BEFORE = re.compile(
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<mod>(?:(?:another|a\s+further|an\s+additional|all"
    r"|all\s+of\s+the|all\s+the|the|his|her|their|its|a\s+total\s+of|at\s+least|some|more)"
    r"\s+)?)$",
    re.IGNORECASE,
)


_TOLL_BEFORE = re.compile(
    r"(?P<noun>death\s+toll|casualty\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths"
    r"|fatalities|victims|people\s+killed|those\s+killed|killed"
    # "taking the number of terrorists killed to three"
    r"|(?:[a-z-]+\s+){1,2}?killed)|fatalities|deaths"
    r"|(?P<w>(?:number\s+of\s+)?(?:wounded|injured|injuries)))"
    # "the death toll from Monday's bombing at a market in Maiduguri rose to 19"
    r"(?:\s+(?:from|in|of|after)\s+[^.;:]{1,90}?(?=\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:rose|risen|rises|climbed|climbs|reached|increased|jumped|went\s+up|mounted|grew"
    r"|hit|stands|stood|is|was)\b))?"
    r"(?:\s+(?:\w+ly|has|had|have|now|was|is|were|are|further|later|then|reportedly))*"
    r"(?:\s*(?P<upd>rose|risen|rises|rising|climbed|climbs|reached|reaches|increased|jumped"
    r"|went\s+up|mounted|grew|hit|raised|revised|updated|stands|stood)?"
    r"\s*(?:to|at|of|is|was|were|are|coded\s+as|estimated\s+at|put\s+at|reported\s+as"
    r"|recorded\s+as|given\s+as|coded\s+to|as|:)"
    # "the death toll reached 47", "the number of dead has passed 100"
    r"|\s+(?P<reach>reached|reaches|hit|hits|passed|exceeded|surpassed|topped))\s*$",
    re.IGNORECASE,
)


_OF_BEFORE = re.compile(
    r"(?:^|\W)(?:(?P<k>bodies|corpses|remains|deaths?|murders?|killings?|assassinations?"
    r"|massacres?|executions?|lives)|(?P<a>kidnappings?|abductions?)"
    r"|(?P<w>injur(?:y|ies|ing)|wounding))\s+of\s+$",
    re.IGNORECASE,
)


_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:at\s+least|another|a|an|him|her|his|their|them|us|both|all|some|several|dozens|scores"
    r"|about|around|approximately|nearly|almost|more\s+than|over|up\s+to|roughly"
    r"|hundreds|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|a\s+dozen)(?![\w-])|\d|the\s+(?!(?:day|night|week|month"
    r"|year|same|previous|next"
    r"|following|morning|evening|afternoon)\b))",
    re.IGNORECASE,
)


_LIST_JOIN = re.compile(
    rf"^(?:\s+(?:{NP_TOKEN}))*?\s*(?:,\s*|\s+)(?:and|as\s+well\s+as|plus|along\s+with)?"
    # "killed the village chief and his two sons"
    r"\s*(?:another\s+|other\s+|a\s+further\s+|(?<=and\s)(?:his|her|their)\s+)?$",
    re.IGNORECASE,
)


# Prepositions of the other languages that end a list as English's break words do
# (NP_TOKEN): "matou 12 pessoas em ataques a 9 aldeias" lists no second toll.
_FOREIGN_BREAK = re.compile(
    r"(?<![\w'’-])(?:em|na|nos|nas|num|numa|durante|lors|dans|contre|sur|en|por|par|para"
    r"|pour|tras|após|apr[eè]s|contra|desde|depuis|com|con|avec|sem|sin|sans|entre)(?![\w'’-])",
    re.IGNORECASE,
)


# "killed tens of thousands and uprooted 12 million", "killing two of the deputies and
# leading dozens of officers on a chase": a second verb ends the list
_VERB_BREAK = re.compile(
    r"\b(?:and|but)\s+(?:also\s+)?(?:[a-z]+ed|[a-z]{2,}ing|forced|drove|left|made|sent|took"
    r"|put)\s*$",
    re.IGNORECASE,
)


_PART_JOIN = re.compile(
    rf"^(?:\s+(?:{NP_TOKEN}))*?\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom"
    r"|of\s+them|incl\.|among\s+the\s+(?:dead|victims|killed))\s*$",
    re.IGNORECASE,
)


_CODED_BEFORE = re.compile(
    r"\b(?:coded|estimated|recorded|counted|put|given)\s+(?:as|at|to)\s+$", re.IGNORECASE
)


_EITHER_AFTER = re.compile(
    r"(?:\s*,\s*[a-z]+)?\s*,?\s+or\s+(?:were\s+)?(?:injured|wounded|captured|arrested|missing"
    r"|hurt)\b|\s+(?:and|or)\s+(?:injur|wound)",
    re.IGNORECASE,
)


_ADJECTIVE_AFTER = re.compile(
    rf"\s+(?:(?:{NP_TOKEN})\s+)?(?P<adj>{KILLED_ADJECTIVE.pattern})"
    rf"(?P<np>(?:\s+(?:{NP_TOKEN})){{1,3}})",
    re.IGNORECASE,
)


# The same matches, cheaper: tried only where a match may start, or only in windows that
# hold a word every match needs (read/prefilter.py).
_TOLL_BEFORE_FAST = Prefiltered.of(_TOLL_BEFORE)
_OF_BEFORE_FAST = Prefiltered.of(_OF_BEFORE)
_ACTIVE_BEFORE_FAST = Prefiltered.of(_ACTIVE_BEFORE)
_CODED_FAST = Prefiltered.of(_CODED_BEFORE)

# "five adults and an unborn child": monitors of gun deaths do not count the unborn
_UNBORN = re.compile(r"\s+unborn\b", re.IGNORECASE)


def bind(text: str, quantity: Quantity) -> Binding | None:
    """Try the rules in order: toll noun, "of", object, subject."""
    if _UNBORN.match(text, quantity.end):
        return None
    before = text[max(0, quantity.start - 90) : quantity.start]
    article = "article" in quantity.flags
    if not article:
        wide = text[max(0, quantity.start - 160) : quantity.start]
        binding = _bind_toll_noun(text, wide, quantity) or _bind_of(text, before, quantity)
        if binding:
            return binding
    binding = _bind_object(text, before, quantity) or _bind_to_death(text, before, quantity)
    if binding:
        return binding
    return _bind_subject(text, quantity) or _bind_adjective(text, quantity)


# "shot two employees to death", "stabbed three relatives to death": the verb before the
# figure kills only with "to death" after its object.
_TO_DEATH_VERB = re.compile(
    r"(?:^|\W)(?P<verb>shot|shoots|shooting|stabbed|stabs|stabbing|beat|beats|beating|beaten"
    r"|bludgeoned|strangled|choked|hacked)\s+(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
_TO_DEATH_AFTER = re.compile(r"\s+to\s+death\b", re.IGNORECASE)


def _bind_to_death(text: str, before: str, quantity: Quantity) -> Binding | None:
    """ "A man who shot two employees to death": the figure between the verb and "to
    death" is killed (the verb alone would only wound)."""
    match = _TO_DEATH_VERB.search(before)
    if match is None:
        return None
    victim = noun_phrase(text, quantity.end, limit=6)
    if victim is None or is_time(text, victim) or not _TO_DEATH_AFTER.match(text, victim[1]):
        return None
    offset = max(0, quantity.start - 90)
    trigger = (offset + match.start("verb"), offset + match.end("verb"))
    return make_binding("killed", quantity, victim=victim, trigger=trigger, flags={"active"})


# The speaker raises the count: "SOHR raises toll of civilians executed to 33 in Baniyas",
# "has raised the number of civilians executed in the city to 33".
_RAISED_TO = re.compile(
    r"\b(?:rais(?:es|ed|ing|e)|revis(?:es|ed|ing)\s+up(?:wards?)?|updat(?:es|ed|ing)"
    # "bringing the number of people killed in Monday's attack to 14"
    r"|bring(?:s|ing)?|brought|tak(?:es|ing)|took|push(?:es|ed|ing))\s+"
    r"(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:death\s+)?(?:toll|number|count|tally)"
    # no other figure nor "to" inside: "raises the number of casualties to 47 and the
    # number of displaced people increases to about 14000" gives 47 alone
    r"(?P<of>\s+(?:of|in|from|for)\s+(?:(?!\bto\b)[^.;:\d]){1,90}?)?\s+to\s*$",
    re.IGNORECASE,
)


# "... bringing the number of casualties among the regime forces to 62 in 5 months"
_OVER_A_SPAN = re.compile(
    r"\s+(?:in|over|during|within)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|several|a\s+few)\s+(?:months|years|weeks)\b"
    r"|\s+since\s+(?:the\s+(?:start|beginning)|(?:19|20)\d\d|" + MONTH_NAMES + r")\b",
    re.IGNORECASE,
)
_RUNNING_CAUSE = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:(?:land)?mines|war\s+remnants|unexploded\s+\w+|explosive\s+remnants"
    r"|war|conflict|siege|offensive|campaign|fighting)\b",
    re.IGNORECASE,
)


def _bind_toll_noun(text: str, before: str, quantity: Quantity) -> Binding | None:
    match = _TOLL_BEFORE_FAST.search(before)
    if not match and "to" in before[-4:]:
        raised = _RAISED_TO.search(before)
        if raised is not None:
            of = raised.group("of") or ""
            wounded = re.search(r"wounded|injur", of, re.I)
            # "raise the death toll of mines in the city to about 160": a running count
            running = _RUNNING_CAUSE.search(of) or _OVER_A_SPAN.match(text, quantity.end)
            flags = {"update", "toll_noun"} | ({"cumulative"} if running else set())
            return make_binding("wounded" if wounded else "killed", quantity, flags=flags)
    if not match:
        if _CODED_FAST.search(before) and re.search(r"fatal|fatil|death|dead|kill", text, re.I):
            return make_binding("killed", quantity, flags={"toll_noun", "summary"})
        return None
    verb = match.group("upd") or match.group("reach")
    flags = {"update"} if verb and verb.lower() not in ("stands", "stood") else set()
    outcome: Outcome = "wounded" if match.group("w") else "killed"
    if _CODED_FAST.search(before):
        flags.add("summary")
    return make_binding(outcome, quantity, flags=flags | {"toll_noun"})


def _bind_of(text: str, before: str, quantity: Quantity) -> Binding | None:
    match = _OF_BEFORE_FAST.search(before)
    if not match:
        return None
    outcome: Outcome = "abducted" if match.group("a") else "killed"
    if match.group("w"):
        outcome = "wounded"
    victim = noun_phrase(text, quantity.end, limit=6)
    return make_binding(outcome, quantity, victim=victim, flags={"nominal"})


# "1 killed 3 injured", "2 dead 4 hurt": a headline's figure with its own outcome word
# after it is that outcome's subject, not the object of the verb before it.
_OWN_OUTCOME_AFTER = re.compile(
    r"\s*(?:injured|wounded|hurt|dead|killed|shot|missing)\b", re.IGNORECASE
)
# "killing one person and shooting four others": shot, not killed (wounded).
_SHOT_JOIN = re.compile(
    r"\b(?:and|,)\s+(?:shooting|shot|wounding|wounded|injuring|injured|stabbing|stabbed"
    r"|hurting|hurt)\s+(?:(?:at\s+least|another)\s+)?$",
    re.IGNORECASE,
)


_ARMED_MEN = re.compile(en.ARMED_MEN, re.IGNORECASE)


def _bind_object(text: str, before: str, quantity: Quantity) -> Binding | None:
    match = _ACTIVE_BEFORE_FAST.search(before)
    if not match:
        return None
    if not match.group("mod") and _OWN_OUTCOME_AFTER.match(text, quantity.end):
        return None
    verb = match.group("verb")
    victim = noun_phrase(text, quantity.end, limit=6)
    if "article" in quantity.flags and not is_person(text, victim):
        return None
    if is_time(text, victim):
        return None
    if re.match(r"seiz", verb, re.I) and not is_person(text, victim):
        return None  # "seized 4 rifles": things, not hostages
    if re.match(r"neutrali", verb, re.I) and (
            victim is None or not _ARMED_MEN.search(text, victim[0], victim[1])):
        return None  # "neutralised 35 terrorists" yes, "neutralised two IEDs" no
    flags = {"active"}
    mod = match.group("mod").lower()
    if mod.startswith("a total"):
        flags.add("aggregate_cue")
    lives = victim is not None and text[victim[0] : victim[1]].lower() in ("lives", "lives of")
    if re.match(r"claim|cost|t(?:ook|aking)", verb, re.I) and not lives:
        return None  # "claimed 5 lives" yes, "claimed 5 attacks" no
    start = quantity.start - len(match.group("mod"))
    offset = max(0, quantity.start - 90)
    trigger = (offset + match.start("verb"), offset + match.end("verb"))
    outcome = outcome_of(verb)
    if outcome == "wounded" and re.search(r"(?:kill\w*|dead)\s+(?:and|or)\s+$",
                                          before[: match.start("verb")], re.I):
        outcome = "killed"
    binding = make_binding(outcome or "killed", quantity, victim=victim, trigger=trigger,
                           flags=flags)
    if "article" in quantity.flags and victim is not None:
        _count_person_conjuncts(binding, text[victim[0] : victim[1]])  # "shot a woman and girl"
    elif victim is not None and binding.best is not None:
        _count_bare_conjunct(binding, text[victim[0] : victim[1]], text[victim[1] :])
    if outcome == "killed" and (
        _EITHER_AFTER.match(text, match.end("verb") + offset) or
        re.search(r"(?:kill\w*|dead)\s+(?:and|or)\s+$", before[: match.start("verb")], re.I)
    ):
        make_either(binding)
    binding.start = min(start, quantity.start)
    return binding


_BODY_WORD = re.compile(
    rf"(?:{KILLED_ADJECTIVE.pattern}|more|other|unidentified|decomposed|decomposing|rotting"
    r"|human|dead|lifeless|bagged|bound|abandoned|of|the|and|men|women|people|children|persons"
    r"|civilians?|soldiers?|police|victims?)",
    re.IGNORECASE,
)


def _count_conjuncts(binding: Binding, phrase: str) -> None:
    """"a civilian and his son were killed": one per determiner-led conjunct."""
    extra = len(re.findall(r"(?:,|\band)\s+(?:(?:his|her|their|a|an|the|one|another)\s|(?:girl|boy"
                           r"|child|woman|man|teen|teenager|baby|toddler|infant|son|daughter"
                           r"|wife|husband|mother|father|brother|sister|cousin|nephew|niece"
                           r"|grandmother|grandfather|grandson|granddaughter|uncle|aunt"
                           r"|girlfriend|boyfriend|fianc[eé]e?)\b)", phrase, re.I))
    if extra and binding.best == 1:
        binding.low = binding.best = binding.high = 1 + extra
        binding.flags.add("names")


_PERSON_CONJUNCT = re.compile(
    r"(?:,|\band)\s+(?:(?:his|her|their|a|an|the)\s+(?:[\w'’-]+\s+)?)?(?P<head>[\w'’-]+)",
    re.IGNORECASE,
)


def _count_person_conjuncts(binding: Binding, phrase: str) -> None:
    """"shot a woman and girl": one per conjunct whose head is a person word ("killed a
    child and his body was burned" stays one)."""
    extra = sum(1 for m in _PERSON_CONJUNCT.finditer(phrase) if PERSON.fullmatch(m.group("head"))
                and not is_body(m.group("head"))
                and m.group("head").lower() not in ("him", "her", "them", "himself", "herself"))
    if extra and binding.best == 1:
        binding.low = binding.best = binding.high = 1 + extra
        binding.flags.add("names")


# "Gunman kills two children and teacher": a headline drops the article of a last conjunct,
# one person named by a singular noun after the counted plural.
_BARE_CONJUNCT = re.compile(
    r"^(?:[\w'’-]+\s+)?(?P<plural>[\w'’-]+)\s+and\s+(?P<head>[a-z][\w'’-]*)$")
_PLURAL_PERSONS = frozenset({"children", "men", "women", "people", "persons"})
_NO_SINGLE = frozenset({"police", "staff", "personnel", "people", "troops", "crew", "family",
                        "others", "one", "another", "old", "him", "her", "them"})


# what may follow the last conjunct: a place or time ("and teacher at school"), or the end
_AFTER_CONJUNCT = re.compile(
    r"\s*(?:$|[,;:.(]|(?:at|in|on|near|outside|inside|during|as|from)\b)", re.IGNORECASE)
_NOT_NOUNS = frozenset({"later", "other", "after", "never", "over", "under", "either", "ever",
                        "together", "rather", "whether", "further", "however", "another"})


def _count_bare_conjunct(binding: Binding, phrase: str, after: str) -> None:
    """"two children and teacher" (a headline's words): one more than the figure."""
    match = _BARE_CONJUNCT.match(phrase)
    if match is None or binding.best is None or not _AFTER_CONJUNCT.match(after):
        return
    if match.group("head").lower() in _NOT_NOUNS:
        return
    plural, head = match.group("plural").lower(), match.group("head").lower()
    if not (plural in _PLURAL_PERSONS or (plural.endswith("s") and PERSON.fullmatch(plural))):
        return
    if head.endswith(("s", "children", "men", "people")) or head in _NO_SINGLE or (
            not PERSON.fullmatch(head)):
        return
    _add_leading_conjunct(binding)


# "Councillor Ana Ruiz and her two drivers died": one more than the figure.
_LEADING_CONJUNCT = re.compile(
    r"(?:\b[A-Z][\w'’.-]+|\b(?i:a|an|the)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?i:and\s+(?:his|her"
    r"|their))\s+$"
)


def _add_leading_conjunct(binding: Binding) -> None:
    binding.low = None if binding.low is None else binding.low + 1
    binding.best = None if binding.best is None else binding.best + 1
    binding.high = None if binding.high is None else binding.high + 1
    binding.flags.add("names")


# "1 killed 3 injured": the next figure has its own outcome word, so this one is no agent.
_HEADLINE_PAIR = re.compile(
    r"\s*,?\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:injured|wounded|hurt|dead|killed|shot|missing)\b",
    re.IGNORECASE,
)


def _bind_long_subject(text: str, quantity: Quantity) -> Binding | None:
    match = _LONG_SUBJECT.match(text, quantity.end)
    if not match or ("article" in quantity.flags and quantity.text.lower() != "both"):
        return None  # "both men inside the car were killed" is 2; "a man in ..." is not read here
    victim = strip_np(text, match.start("np"), match.end("np"))
    outcome = outcome_of(match.group("out"))
    if outcome is None or not is_person(text, victim):
        return None
    return make_binding(outcome, quantity, victim=victim,
                        trigger=(match.start("out"), match.end("out")), flags={"passive"})


def _bind_subject(text: str, quantity: Quantity) -> Binding | None:
    match = _SUBJECT.match(text, quantity.end)
    if not match:
        return _bind_long_subject(text, quantity)
    out = match.group("out")
    outcome = outcome_of(out)
    np_span = strip_np(text, match.start("np"), match.end("np"))
    if outcome is None or is_time(text, np_span) or is_animal(text, np_span):
        return None
    if re.fullmatch(NOMINAL, out, re.I) and len(np_words(text, np_span)) > 3:
        return None  # "4 new raids target the city cause casualties": too far to be one phrase
    if re.fullmatch(r"death|fatality", out, re.I) and quantity.best not in (None, 1):
        return None  # "Cloud 9 shooting death": a singular noun is never counted by 9
    if is_body(out) and not all(_BODY_WORD.fullmatch(w) for w in np_words(text, np_span)):
        return None  # "20 public bodies", "Olympic bodies": organisations, not the dead
    article = "article" in quantity.flags
    bare_both = quantity.text.lower() == "both" and np_span is None
    if article and not (is_person(text, np_span) or is_body(out) or bare_both):
        return None
    if re.match(r"seiz|snatch", out, re.I) and not is_person(text, np_span):
        return None  # "2 pistols seized": things, not hostages
    aux = match.group("aux").strip()
    if match.group("coord") and not aux:
        # "Two people were shot and killed": the noun and its auxiliary fell in the verbs
        coordinated = _NOUN_AUX_VERB.fullmatch(match.group("coord"))
        if coordinated is not None and np_span is None:
            start = match.start("coord") + coordinated.start("np")
            victim = (start, start + len(coordinated.group("np")))
            if is_person(text, victim) and outcome is not None:
                return make_binding(outcome, quantity, victim=victim, flags={"passive"},
                                    trigger=(match.start("out"), match.end("out")))
        # "three members of a family were shot and killed": the long subject reads it
        return _bind_long_subject(text, quantity)
    transitive = bool(re.fullmatch(rf"(?:{ACTIVE})", out, re.I))
    if transitive and re.search(r"\b(?:have|has|had)\b", aux, re.I) and not re.search(
            r"\bbeen\b", aux, re.I):
        return None  # "3 gunmen have killed ...": perfect tense, the figure counts the agents
    including = match.group("incl") or match.group("incl2")
    if including and _OF_THE_BEFORE.search(text[max(0, quantity.start - 16) : quantity.start]):
        return None  # "One of the six, a 24-year-old man, died": one died, not six
    if (transitive and not aux and not including and _OBJECT_AFTER.match(text, match.end())
            and not _HEADLINE_PAIR.match(text, match.end())):
        return None  # "3 gunmen killed a man": the figure counts the agents
    if out.lower().startswith("casualt") and not has_killed_word(text):
        outcome = "killed"  # "13 casualties in raids": monitors' headlines count the dead
    flags = {"passive"} if re.match(rf"(?:{PASSIVE})$", out, re.I) else set()
    if out.lower().startswith("casualt"):
        flags.add("casualties")
    if match.group("among"):
        flags.add("part")
    if "partitive" in quantity.flags or match.group("partitive"):
        flags.add("partitive")
    if np_span and KILLED_ADJECTIVE.fullmatch(text[np_span[0] : np_span[1]].split()[0]):
        outcome = "killed"
    binding = make_binding(outcome, quantity, victim=np_span, trigger=(match.start("out"),
                       match.end("out")), flags=flags)
    if article and np_span is not None:
        _count_conjuncts(binding, text[np_span[0] : np_span[1]])
    elif binding.best is not None and _LEADING_CONJUNCT.search(text[: quantity.start]):
        _add_leading_conjunct(binding)
    if outcome == "killed" and _EITHER_AFTER.match(text, match.end()):
        make_either(binding)
    return binding


# "left about 20 terrorists neutralised": an army's word for its kills, after armed men;
# also told in the passive, past an aside: "six attackers, some equipped with suicide
# vests, were neutralised by responding troops"
_NEUTRALISED_AFTER = re.compile(
    rf"\s+(?P<np>(?:{NP_TOKEN})(?:\s+(?:{NP_TOKEN})){{0,2}}?)(?:\s*,[^,.;:]{{1,60}},)?"
    r"\s+(?:(?:were|was|had\s+been|have\s+been|are)\s+)?(?P<adj>neutrali[sz]ed)\b",
    re.IGNORECASE,
)


def _bind_adjective(text: str, quantity: Quantity) -> Binding | None:
    """"two lifeless men", "3 charred bodies": the adjective says they are dead; "left 20
    terrorists neutralised": so does an army's word, of armed men."""
    match = _ADJECTIVE_AFTER.match(text, quantity.end)
    if not match:
        match = _NEUTRALISED_AFTER.match(text, quantity.end)
        if not match or not _ARMED_MEN.search(text, match.start("np"), match.end("np")):
            return None
    victim = strip_np(text, match.start("np"), match.end("np"))
    if not is_person(text, victim):
        return None
    return make_binding("killed", quantity, victim=victim,
                    trigger=(match.start("adj"), match.end("adj")), flags=set())


def lists(text: str, quantities: list[Quantity], bound: list[Binding]) -> list[Binding]:
    """Unbound figures listed beside a bound one: "killed 3 soldiers and 2 civilians"."""
    found: list[Binding] = []
    done = {id(b.quantity) for b in bound if b.quantity is not None}
    for quantity in quantities:
        if id(quantity) in done or not free(bound + found, quantity.start, quantity.end):
            continue
        binding = _join_previous(text, quantity, bound + found) or _join_next(
            text, quantity, bound + found)
        if binding is not None:
            found.append(binding)
    return found


# "has killed tens of thousands of people and driven 12 million from their homes": the
# second figure is of the displaced, not a second group of the dead.
_DISPLACING = re.compile(r"\b(?:driven|displaced|forced|uprooted|sent)\b", re.IGNORECASE)

# "shot dead on Thursday along with his two bodyguards": the anchor's companions.
_ALONG_WITH = re.compile(
    r"^[^.;:]{0,60}?\b(?:along|together)\s+with\s+(?:his|her|their|its)\s+$", re.IGNORECASE
)

# "killed a man, his wife and their three children": singular kin between the anchor and
# the figure, each one more person, the figure's group closing the list.
_KIN_WORD = (r"(?:wife|husband|son|daughter|mother|father|brother|sister|child|baby|grandson"
             r"|granddaughter|grandmother|grandfather|nephew|niece|cousin|uncle|aunt"
             r"|mother-in-law|father-in-law)")
_KIN_ITEM = re.compile(rf"(?:his|her|their)\s+(?:[\w'’-]+\s+)?{_KIN_WORD}\b", re.IGNORECASE)
_KIN_LISTED = re.compile(
    rf"(?P<kin>(?:\s*,\s*(?:his|her|their)\s+(?:[\w'’-]+\s+)?{_KIN_WORD}){{1,3}})"
    r"\s*,?\s+and\s+(?:his|her|their)\s+",
    re.IGNORECASE,
)

# "killed four members of one family": the family is no second count of victims.
_ONE_GROUP = re.compile(r"\s+(?:family|household|clan)\b", re.IGNORECASE)


# "killing 23 traders, two local officials said": after a comma, a figure whose noun
# phrase is the subject of a speech verb counts the speakers, not more victims.
_SPEAKERS_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){1,4}?\s+(?:said|say|says|told|confirmed|added|reported|recounted)\b",
    re.IGNORECASE,
)


def speakers_listed(text: str, quantity: Quantity) -> bool:
    """The figure, after a comma, counts the people who speak: "two officials said"."""
    return (text[: quantity.start].rstrip().endswith(",")
            and _SPEAKERS_AFTER.match(text, quantity.end) is not None)


# "the bodies of six men, several with their hands bound": some of the figure's victims,
# described, never more of them.
_DESCRIBED_SOME = re.compile(
    r"\s*,\s*(?:several|some|many|most|a\s+few)\s+(?:with|bearing|showing|wearing|of\s+(?:them"
    r"|whom))\b.*",
    re.IGNORECASE | re.DOTALL,
)


def _join_previous(text: str, quantity: Quantity, bound: list[Binding]) -> Binding | None:
    if _UNBORN.match(text, quantity.end) or speakers_listed(text, quantity):
        return None
    if quantity.best == 1 and _ONE_GROUP.match(text, quantity.end):
        return None
    previous = [b for b in bound if b.end <= quantity.start and b.best != 0]
    if not previous:
        return None
    anchor = max(previous, key=lambda b: b.end)
    gap_start = anchor.victim[1] if anchor.victim and anchor.victim[1] <= quantity.start else (
        anchor.end)
    gap = text[gap_start : quantity.start]
    article = "article" in quantity.flags
    victim = noun_phrase(text, quantity.end, limit=6)
    if article and not is_person(text, victim):
        return None
    if is_time(text, victim):
        return None
    if (anchor.outcome == "killed" and "active" in anchor.flags
            and _SHOT_JOIN.search(text[anchor.end : quantity.start])):
        return make_binding("wounded", quantity, victim=victim, flags={"active"})
    if (anchor.outcome == "killed" and "active" in anchor.flags
            and (kin := _KIN_LISTED.fullmatch(gap)) is not None):
        # "killed a man, his wife and their three children": the kin named between count
        binding = make_binding("killed", quantity, victim=victim, flags={"active", "names"})
        for _ in range(len(_KIN_ITEM.findall(kin.group("kin")))):
            _add_leading_conjunct(binding)
        return binding
    if anchor.outcome == "killed" and _ALONG_WITH.search(text[max(0, anchor.end) : quantity.start]):
        # "was shot dead along with his two bodyguards": the companions die too
        return make_binding("killed", quantity, victim=victim, flags={"passive"} & anchor.flags)
    if _PART_JOIN.match(gap) or "partitive" in quantity.flags or _DESCRIBED_SOME.fullmatch(
            gap + text[quantity.start : quantity.end + 12]):
        flags = {"part"} | ({"active"} & anchor.flags)
    elif (_LIST_JOIN.match(gap) and anchor.flags & {"active", "nominal"}
          and not _FOREIGN_BREAK.search(gap)
          and not _VERB_BREAK.search(text, anchor.end, quantity.start)
          and not _DISPLACING.search(text[anchor.end : quantity.start])
          and not (article and not re.search(r"\b(?:and|plus|as\s+well\s+as)\b", gap, re.I))):
        # "among them ten women and three babies": the list goes on with parts
        flags = {"active", "part"} & anchor.flags
    else:
        return None
    return make_binding(anchor.outcome, quantity, victim=victim, flags=flags)


def _join_next(text: str, quantity: Quantity, bound: list[Binding]) -> Binding | None:
    following = [b for b in bound if b.start >= quantity.end and "passive" in b.flags
                 and "partitive" not in b.flags]
    if not following:
        return None
    anchor = min(following, key=lambda b: b.start)
    if anchor.victim and anchor.victim[0] <= quantity.start < anchor.victim[1]:
        return None  # "Jordan Harris, a 24-year-old man, died": the one who died, not another
    gap = text[quantity.end : anchor.start]
    match = re.fullmatch(rf"((?:\s+(?:{NP_TOKEN})){{0,6}}?)\s*(?:,|\s+and|,\s*and)\s+", gap,
                         re.I)
    if not match:
        return None
    victim = strip_np(text, quantity.end, quantity.end + len(match.group(1)))
    if "article" in quantity.flags and not is_person(text, victim):
        return None
    return make_binding(anchor.outcome, quantity, victim=victim, flags={"passive"})
