"""The casualty grammar: hand-written patterns that bind figures to outcomes.

`find_tolls(clean, sentences, settings)` reads each given sentence, finds the
quantity phrases in it (`numbers.find_quantities`, plus "a"/"an", "both",
"him"/"her") and binds each one to an outcome word by a small set of rules:

* subject:   "Four senior officers were killed", "15 soldiers died", "3 killed in ..."
* object:    "killing 26 pro-Assad fighters", "killed another eight", "kill 2 men"
* nominal:   "5 Taliban fatalities", "left 12 dead", "two lifeless bodies"
* toll noun: "the death toll rose to 40", "fatalities coded as 3"
* "of":      "the bodies of 3 men", "the killing of six priests"
* zero:      "no casualties were reported", "no one was hurt", "without casualties"
* singular:  "the mayor was assassinated", "he died", "killing him"
* plural:    "Ali and Omar were killed", "both were killed", "civilians were killed"
* lists:     "killed 3 soldiers and 2 civilians", "including a child"

Conventions and flags are documented in docs/tolls.md. The grammar is sentence
local: agents, places and dates are the incident builder's business.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from ..errors import SettingsError
from ..read.script import fold_digits, has_harakat, strip_harakat
from ..records import CleanText, Sentence, Span, Toll, TollMention
from ..settings import Settings
from .clause_singulars import SingularGrammar, clause_singulars
from .clauses import ClauseGrammar, SentenceCues, clause_tolls
from .fatal import split_fatal
from .groups import group_forms
from .implicit import counted_forms, plurals, singulars, zeros
from .lang import TOLL_WORDS
from .lexicon import ACTIVE, PRECHECK
from .numbers import NUMBER, Quantity, find_quantities
from .own import own_deaths, victim_then_self
from .phrases import Binding, free
from .prune import pruned
from .rules import bind, lists

RULE = "tolls.v1"
VAGUE_CONVENTIONS = frozenset({"tolls.vague.v1"})  # numbers.VAGUE_MINIMUM / VAGUE_FLOOR
# The clause rules with the words of every language read (tolls/lang/).
_CLAUSES = ClauseGrammar.compile(TOLL_WORDS.values())
# A report known to be in one of the other languages reads only that language's words:
# the Portuguese "dos" (of the) is the Spanish "dos" (two).
@cache
def _clauses_of(language: str | None) -> ClauseGrammar | None:
    """The clause grammar for a report's language, compiled on first use."""
    if language is None or language == "en" or language not in TOLL_WORDS:
        return _CLAUSES
    return ClauseGrammar.compile([TOLL_WORDS[language]])


@cache
def _singulars_of(language: str | None) -> SingularGrammar | None:
    """One victim without a figure in a report of another language (English has its own
    rules, tolls/implicit.py), compiled on first use."""
    if language is None or language == "en" or language not in TOLL_WORDS:
        return None
    return SingularGrammar.compile([TOLL_WORDS[language]])


# The sentence cues of the other languages (update, claim, aggregate, cumulative).
_CUES = SentenceCues.compile(w for w in TOLL_WORDS.values() if w.code != "en")


_ARTICLE = re.compile(r"(?<![\w-])(?:an?|both|one)(?=\s+[\w'’-]+)", re.IGNORECASE)


_TALLY_ITEM = (
    r"(?:(?:at\s+least|about|around|some|more\s+than|over|a\s+total\s+of|total)\s+)?"
    rf"(?:{NUMBER})\s+(?:reported\s+|total\s+|confirmed\s+|civilian\s+)?(?:fatalities|fatality"
    r"|deaths|death|dead|killed|injured|wounded|injuries|injury|casualties|missing)"
    r"(?:\s+(?:coded|in\s+total|reported|confirmed))?"
)
# A verbless tally sentence ("2 fatalities, 1 injured.") restates the report's total.


_SUMMARY = re.compile(
    rf"^\W*{_TALLY_ITEM}(?:\s*(?:,|;|and|,\s*and)\s*{_TALLY_ITEM})*\W*$", re.IGNORECASE
)


_AGGREGATE = re.compile(
    r"\b(?:(?:in|over|during|within)\s+(?:the\s+past\s+|the\s+last\s+)?(?:two|three|four|five"
    r"|six|seven|several"
    r"|\d+|the\s+past|recent)\s+(?:days|weeks|months|hours)|in\s+total|a\s+total\s+of|totall?ing"
    r"|altogether|so\s+far|to\s+date|since\s+the\s+(?:start|beginning)|across|combined"
    r"|in\s+separate|in\s+a\s+series\s+of|in\s+(?:a|one)\s+week\b"
    r"|a\s+week\s+of\s+(?:attacks|violence|fighting|clashes|raids)|overall|in\s+all|this\s+(?:week|month|year)"
    r"|over\s+the\s+(?:past|last)\s+\w+\s+(?:days|weeks)"
    r"|since\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|cumulative)\b",
    re.IGNORECASE,
)


_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid|march|april)\s+)?(?:19|20)\d\d|since\s+the\s+(?:start"
    r"\s+of\s+the\s+|beginning\s+of\s+the\s+|outbreak\s+of\s+the\s+)?(?:war|conflict|uprising"
    r"|revolution|crisis|insurgency|fighting)|over\s+the\s+(?:past|last)\s+\w+\s+(?:years"
    r"|decades)|in\s+(?:\w+|\d+)\s+years\s+of\s+(?:war|conflict|fighting|violence)"
    r"|since\s+(?:it|they)\s+(?:began|started)|in\s+(?:the\s+(?:past|last)\s+)?(?:\w+|\d+)\s+years"
    r"|(?:\w+|\d+)[- ]years?[- ](?:long\s+|old\s+)?(?:civil\s+)?(?:war|conflict|insurgency"
    r"|history|struggle)|during\s+(?:the\s+)?(?:\w+\s+){0,2}years\s+of)\b",
    re.IGNORECASE,
)


# "since the fighting erupted on Sunday": the span is the news's own days, no running total.
_RECENT_START = re.compile(
    r"\bsince\s+the\s+(?:\w+\s+){0,2}(?:erupted|began|started|broke\s+out|flared)\s+(?:on\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight"
    r"|last\s+night)\b",
    re.IGNORECASE,
)


_UPDATE = re.compile(
    r"\b(?:toll\s+(?:has\s+|had\s+|now\s+)?(?:rose|risen|rises|climbed|climbs|reached|increased"
    r"|jumped|went\s+up|mounted|grew|now\s+stands)|(?:bring|brings|bringing|brought|raise"
    r"|raises|raised|raising|push|pushes|pushed|pushing|take|takes|taking|took)\s+the\s+"
    r"(?:\w+\s+)?(?:toll|number\s+of\s+(?:[a-z-]+\s+){0,2}?(?:killed|dead|deaths))"
    r"|rose\s+to|risen\s+to|climbed\s+to)\b",
    re.IGNORECASE,
)
# The figure is what a protest, a demand or a reprisal is about, not this report's event.


_BACKGROUND = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march\w*|gather\w*|sit-in)\b[^.;]{0,60}?"
    r"\b(?:against|over|to\s+(?:denounce|condemn|demand|protest)|denouncing|condemning"
    r"|demanding)\b|\bjustice\s+for\b|\bin\s+(?:reprisal|retaliation|revenge)\s+for\b"
    r"|(?P<anywhere>\b(?:coded|reported|recorded)\s+(?:separately|as\s+an?\s+(?:separate|other"
    r"|different)\s+event))",
    re.IGNORECASE,
)


_SPLIT = re.compile(r"\bsplit\s+(?:between|across|over|among|into)\b", re.IGNORECASE)


# "no group has claimed responsibility", "nobody has yet claimed it": nothing is claimed.
_NO_CLAIM = re.compile(
    r"\b(?:no(?:body|\s+one|-one|\s+group|\s+organi[sz]ation|\s+party)?|none|not|never"
    r"|yet\s+to|neither)\b[^.;]{0,40}?\bclaim", re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|that|to\s+have|it|they|its|the\s+attack)"
    r"|\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:killed|kill)",
    re.IGNORECASE,
)


def find_tolls(
    clean: CleanText, sentences: Sequence[Sentence], settings: Settings,
    *, language: str | None = None,
) -> list[TollMention]:
    """Casualty figures in the given sentences, with offsets into `clean.text`.

    >>> from tollwatch.records import CleanText, Sentence, Span
    >>> text = "Militants killed 26 pro-Assad fighters."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [(m.outcome, m.toll.best, m.victim_text) for m in find_tolls(clean, clean.sentences,
    ...  Settings())]
    [('killed', 26, 'pro-Assad fighters')]
    """
    if settings.vague_convention not in VAGUE_CONVENTIONS:
        raise SettingsError(
            f"vague_convention={settings.vague_convention!r} is unknown; the casualty grammar"
            f" knows {sorted(VAGUE_CONVENTIONS)} (see docs/tolls.md)"
        )
    mentions: list[TollMention] = []
    vowelled = has_harakat(clean.text)  # once per report, not per sentence
    for sentence in sentences:
        start, end = sentence.span.start, min(sentence.span.end, len(clean.text))
        text = clean.text[start:end]
        if not PRECHECK.search(text.lower()) and not (
                vowelled and PRECHECK.search(strip_harakat(text))):
            continue  # "قُتل": the stems are written without short vowels
        bindings = sentence_tolls(text, upper=clean.upper, language=language)
        mentions.extend(_mention(b, text, start, sentence.index) for b in bindings)
    return mentions


def sentence_tolls(
    text: str, *, upper: bool = False, language: str | None = None
) -> list[Binding]:
    """The bindings of one sentence (offsets relative to `text`), in text order; a
    `language` other than English reads the clause words of that language only."""
    worded = _mask(text, upper=upper or text.isupper())  # the cues read the units too
    masked = worded
    grammar = _clauses_of(language)
    # a report in one of the other languages: no rule reads a figure of a unit
    blanked = grammar is not None and language not in (None, "en")
    if grammar is not None and blanked:
        masked = grammar.without_units(masked)  # "de 69 ans", "52 عاما": no count
    bound = zeros(masked)
    quantities = [q for q in _quantities(masked) if free(bound, q.start, q.end)]
    used_triggers: set[tuple[int, int]] = set()
    named: list[Binding] = [b for b in bound if "names" in b.flags]  # few: kept apart
    for quantity in quantities:
        if _counted_inside(named, quantity) or _inside_phrase(bound, quantity):
            continue
        binding = bind(masked, quantity)
        if binding is not None:
            bound.append(binding)
            if "names" in binding.flags:
                named.append(binding)
            if binding.trigger:
                used_triggers.add(binding.trigger)
    if grammar is not None:
        bound.extend(clause_tolls(masked, bound, grammar, units_blanked=blanked))
    if (singular := _singulars_of(language)) is not None:
        bound.extend(clause_singulars(masked, bound, singular))
    bound.extend(own_deaths(masked, bound, used_triggers))
    bound.extend(victim_then_self(masked, bound))
    bound.extend(_apposed_dead(masked, _uncounted(bound, quantities), bound, used_triggers))
    bound.extend(singulars(masked, bound, used_triggers))
    bound.extend(counted_forms(masked, bound))
    bound.extend(plurals(masked, bound, used_triggers, upper or masked.isupper()))
    bound.extend(group_forms(masked, bound))
    rest = _uncounted(bound, quantities)
    bound.extend(lists(masked, rest, bound))
    bound.extend(_killed_captives(masked, bound))
    bound.extend(_bodies(masked, _uncounted(bound, quantities), bound))
    bound.extend(_among_the_dead(masked, _uncounted(bound, quantities), bound))
    bound.extend(split_fatal(masked, bound))
    _perpetrators_dead(masked, bound, singular.attackers if singular is not None else None)
    _carry_captives(masked, bound)
    _sentence_flags(worded, bound)
    bound = [b for b in bound if "rise" not in b.flags]  # inside the risen toll
    bound = _without_repeats(masked, bound)
    bound = pruned(masked, bound)
    return sorted(bound, key=lambda b: (b.start, b.end))


# A victim told again in the sentence that first counted them: a pronoun or "the/that" + a
# person word ("a boy was shot ... that boy was murdered", "has died ... killing her"); an
# object pronoun only after a participle: in "... before the officer killed him" a new
# subject may kill someone else.
_POINTER = re.compile(r"he|she|him|her|(?:the|that|this)\s+[\w'’-]+", re.IGNORECASE)


def _pointing(text: str, victim: tuple[int, int], *, active: bool) -> bool:
    """The victim phrase is a pronoun of its case or "the/that/this" and one word."""
    phrase = text[victim[0] : victim[1]].strip()
    if re.fullmatch(r"him|her" if active else r"he|she", phrase, re.IGNORECASE):
        return True  # "the man who shot her was killed": "her" is no subject
    if _POINTER.fullmatch(phrase):
        return not re.fullmatch(r"he|she|him|her", phrase, re.IGNORECASE)
    before = text[max(0, victim[0] - 6) : victim[0]]
    return bool(re.search(r"\b(?:the|that|this)\s+$", before, re.IGNORECASE)) and bool(
        re.fullmatch(r"[\w'’-]+", phrase))


def _without_repeats(text: str, bound: list[Binding]) -> list[Binding]:
    """Drop a single anaphoric death that follows a death counted earlier in the sentence:
    one victim told twice is one death (across sentences, incidents/structure.py joins them)."""
    kept: list[Binding] = []
    for binding in sorted(bound, key=lambda b: (b.start, b.end)):
        victim = binding.victim
        if (binding.outcome == "killed" and binding.best == 1 and victim is not None
                and "anaphoric" in binding.flags
                and not binding.flags & {"perpetrator", "partitive", "another"}
                and _pointing(text, victim, active="active" in binding.flags)
                and not ("active" in binding.flags and binding.trigger is not None
                         and not text[: binding.trigger[1]].lower().endswith("ing"))
                and any(b.outcome == "killed" and (b.best or 0) >= 1 and b.end <= binding.start
                        and not b.flags & {"perpetrator", "zero"} for b in kept)):
            continue
        kept.append(binding)
    return kept


def _inside_phrase(bound: list[Binding], quantity: Quantity) -> bool:
    """"the two children, Leo and Ana, both died": "both" between a bound figure and its
    outcome word repeats that figure."""
    return quantity.text.lower() in ("both", "all") and any(
        b.trigger is not None and b.end <= quantity.start and quantity.end <= b.trigger[0]
        for b in bound)


_CAPTIVES = re.compile(
    r"(?:the|those|these|all|both)\s+(?:(?:\w+\s+)?(?:captives|hostages|abductees|kidnapped"
    r"|kidnap\s+victims|prisoners)|men|workers|engineers)$",
    re.IGNORECASE,
)


# "killed their captives", "killed all of them", "executed the hostages": the people
# taken earlier in the sentence, active voice (the passive is `_carry_captives`).
_KILLED_CAPTIVES = re.compile(
    rf"(?<![\w-])(?P<verb>{ACTIVE})\s+(?P<obj>(?:their|the|all\s+(?:of\s+)?(?:the|their)|all|both)"
    r"\s+(?:\w+\s+)?(?:captives|hostages|abductees|prisoners)|all\s+of\s+them|them\s+all"
    r"|both\s+of\s+them)\b",
    re.IGNORECASE,
)
# "the bodies of the four men were recovered": that many dead.
_BODIES_OF = re.compile(r"\bbodies\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


def _taken_before(bound: list[Binding], pos: int) -> int | None:
    """How many were taken (the last abducted figure) before `pos`, or None."""
    taken = [b.best for b in bound if b.outcome == "abducted" and b.best is not None
             and b.end <= pos]
    return taken[-1] if taken else None


def _killed_captives(text: str, bound: list[Binding]) -> list[Binding]:
    """ "seized four engineers ... killed their captives": 4 killed."""
    found: list[Binding] = []
    for match in _KILLED_CAPTIVES.finditer(text):
        span = (match.start("obj"), match.end("obj"))
        if not free(bound + found, *span):
            continue
        count = _taken_before(bound, match.start())
        if count is None:
            continue
        found.append(Binding("killed", count, count, count, span[0], span[1], victim=span,
                             trigger=(match.start("verb"), match.end("verb")),
                             flags={"active", "carried"}))
    return found


def _bodies(text: str, quantities: list[Quantity], bound: list[Binding]) -> list[Binding]:
    """ "the bodies of the four men": a count of the dead the figure rules leave unread."""
    return _dead_where(quantities, bound, {"bodies"},
                       lambda q: _BODIES_OF.search(text, max(0, q.start - 30), q.start))


# "Three aid workers were among those killed": a part of a toll the sentence may not give.
_AMONG_THE_DEAD = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+"
    r"(?:those|the)\b[^.;,]{0,30}?\b(?:killed|dead|died|slain|victims|fatalities)\b",
    re.IGNORECASE,
)


def _among_the_dead(
    text: str, quantities: list[Quantity], bound: list[Binding]
) -> list[Binding]:
    """ "Three aid workers were among those killed": killed, a part of the incident's
    toll (structure.py folds it into a total when the report gives one; alone, it is
    what the report knows: at least that many)."""
    return _dead_where(quantities, bound, {"part"},
                       lambda q: _AMONG_THE_DEAD.match(text, q.end))


# "The bombers, three women, also died": a count in apposition to the plural subject of
# a death verb (the subject before it, the verb after the closing comma).
_APPOSED_SUBJECT = re.compile(r"\b(?:the|all)\s+(?:[\w'’-]+\s+)?(?P<noun>[\w'’-]+s|gunmen|men"
                              r"|women|children|people)\s*,\s*$", re.IGNORECASE)
_APPOSED_VERB = re.compile(
    r"(?:\s+[\w'’-]+){1,3}?\s*,\s*(?:(?:also|later|all|both|then|reportedly)\s+)*"
    r"(?:died|perished|were\s+(?:also\s+|all\s+|later\s+)*(?P<verb>killed|shot\s+dead)"
    r"|blew\s+themselves\s+up)\b",
    re.IGNORECASE,
)


def _apposed_dead(
    text: str, quantities: list[Quantity], bound: list[Binding], used: set[tuple[int, int]]
) -> list[Binding]:
    """ "The bombers, three women, also died": the attackers' own dead, flagged
    `perpetrator`; "the victims, two brothers, were killed": killed."""
    found: list[Binding] = []
    for quantity in quantities:
        if quantity.best is None or not free(bound + found, quantity.start, quantity.end):
            continue
        subject = _APPOSED_SUBJECT.search(text, max(0, quantity.start - 50), quantity.start)
        verb = _APPOSED_VERB.match(text, quantity.end)
        if subject is None or verb is None:
            continue
        flags = {"perpetrator"} if _ATTACKER_GROUP.fullmatch(subject.group("noun")) else set()
        # the passive verb is this figure's: no unquantified "the victims were killed" too
        trigger = verb.span("verb") if verb.group("verb") else None
        if trigger is not None:
            used.add(trigger)
        found.append(Binding("killed", quantity.low, quantity.best, quantity.high,
                             quantity.start, quantity.end, trigger=trigger, flags=flags))
    return found


def _dead_where(
    quantities: list[Quantity], bound: list[Binding], flags: set[str],
    test: Callable[[Quantity], object],
) -> list[Binding]:
    """The unbound figures that `test` says are counts of the dead, as killed."""
    found: list[Binding] = []
    for quantity in quantities:
        if quantity.best is None or not free(bound + found, quantity.start, quantity.end):
            continue
        if test(quantity):
            found.append(Binding("killed", quantity.low, quantity.best, quantity.high,
                                 quantity.start, quantity.end, flags=set(flags)))
    return found


def _carry_captives(text: str, bound: list[Binding]) -> None:
    """"seized four engineers; the captives were executed": the 4 were killed."""
    for binding in bound:
        if binding.outcome != "killed" or "unquantified" not in binding.flags:
            continue
        victim = binding.victim
        phrase = text[max(0, victim[0] - 8) : victim[1]] if victim else ""
        if not _CAPTIVES.search(phrase.strip()):
            continue
        count = _taken_before(bound, binding.start)
        if count is not None:
            binding.low = binding.best = binding.high = count
            binding.flags -= {"vague", "unquantified"}
            binding.flags.add("carried")


def _counted_inside(bound: list[Binding], quantity: Quantity) -> bool:
    """The "a" of "a soldier and a civilian" once the pair is counted as 2."""
    return any(
        "names" in b.flags and b.victim is not None
        and b.victim[0] <= quantity.start < b.victim[1]
        for b in bound
    )


def _uncounted(bound: list[Binding], quantities: list[Quantity]) -> list[Quantity]:
    """The quantities not `_counted_inside` the bindings, in one pass over each list."""
    named = [b.victim for b in bound if "names" in b.flags and b.victim is not None]
    if not named:
        return quantities
    return [q for q in quantities if not any(s <= q.start < e for s, e in named)]


def _mask(text: str, *, upper: bool) -> str:
    """Blank coder tags such as "[size=around 80]" and disguise acronyms ("IS" is no verb).

    The result has the same length as `text`, so offsets hold.
    """
    # Arabic-Indic digits read as ASCII ones, one character for one (read/script.py)
    masked = re.sub(r"\[size=[^\]]*\]", lambda m: " " * len(m.group()), fold_digits(text),
                    flags=re.I)
    masked = _WORD_AGE.sub(_age_mask, masked)
    masked = _FAMILY_OF.sub(lambda m: " " * len(m.group()), masked)
    if upper:
        return masked
    return re.sub(r"\b[A-Z]{2,6}\b", lambda m: "Q" + "q" * (len(m.group()) - 1), masked)


_WORD_AGE = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})(?P<s1>[- ])(?P<y>years?)(?P<s2>[- ])(?P<o>old)(?![\w-])",
    re.IGNORECASE,
)


# "armed men killed a family of four -- a couple and their sons": the family's size is the
# count; its article and noun are blanked so "four" stands as the victims, the way it
# does after a verb ("killed four at their farm"). A noun after the size ("a family of
# two victims") keeps the phrase as it is.
_FAMILY_OF = re.compile(
    rf"\b(?:an?|the|one)\s+family\s+of\s+(?=(?:{NUMBER})\s*(?:[,.;:\u2014\u2013(-]|$|"
    r"(?:was|were|in|at|on|inside|near|from|as|when|while|and)\b))",
    re.IGNORECASE,
)


def _age_mask(match: re.Match[str]) -> str:
    """"six year old" -> "000-year-old": an age reads as the digit form, never a count."""
    return "0" * len(match.group("n")) + "-" + match.group("y") + "-" + match.group("o")


def _quantities(text: str) -> list[Quantity]:
    """Numbers and vague amounts, plus "a"/"an"/"both"/"one" outside other quantities."""
    numbers = find_quantities(text)
    found = [q for i, q in enumerate(numbers)
             if not (i and "vague" in q.flags and _adjacent(text, numbers[i - 1], q))
             and not _ONE_GROUP_OF.match(text[max(0, q.start - 24) : q.end + 12])]
    taken = [(q.start, q.end) for q in found]
    for match in _ARTICLE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word = match.group().lower()
        if word == "one" and re.match(r"\s+of\b", text[match.end() :], re.I):
            quantity = Quantity(1, 1, 1, match.group(), match.start(), match.end(),
                                frozenset({"partitive"}))
        elif word == "one":
            continue  # "one" as a number is found by find_quantities
        else:
            value = 2 if word == "both" else 1
            quantity = Quantity(value, value, value, match.group(), match.start(), match.end(),
                                frozenset({"article"}))
        found.append(quantity)
    return sorted((_mark_partitive(text, q) for q in found), key=lambda q: q.start)


# "Six members of one family were killed": "one family" names the group, no count.
_ONE_GROUP_OF = re.compile(
    r"^.*\b(?:members|relatives|people|children)\s+(?:of|from)\s+(?:one|a\s+single)"
    r"\s+(?:family|household|clan)\b", re.IGNORECASE | re.DOTALL)


def _mark_partitive(text: str, quantity: Quantity) -> Quantity:
    """"five of them": a part of a group named before."""
    if re.match(r"\s+of\s+(?:them|whom|those|these)\b", text[quantity.end :], re.I):
        return replace(quantity, flags=quantity.flags | {"partitive"})
    return quantity


def _adjacent(text: str, first: Quantity, second: Quantity) -> bool:
    """"12 others": the vague word only repeats the figure before it."""
    return not text[first.end : second.start].strip()


# "all six attackers were killed", "two gunmen died", "one of the suspected attackers was
# killed": the victims are the attackers.
_ATTACKERS = re.compile(
    r"(?:(?:all|the|both|other|suspected|alleged|armed|two|three|four|five|six|seven|eight"
    r"|nine|ten|\d+)\s+)*"
    r"(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|hijackers?|perpetrators?)",
    re.IGNORECASE,
)
_AMONG_BEFORE = re.compile(r"\b(?:including|among\s+them|among|of\s+whom)\s+$", re.IGNORECASE)


# "Soldiers who pursued the attackers killed four of them": the group "them" points to,
# the last plural of people before the figure in the sentence.
_GROUP = re.compile(
    r"\b(?:gunm[ae]n|attackers|assailants|bombers|shooters|hijackers|perpetrators"
    r"|militants|insurgents|rebels|fighters|jihadists|raiders|bandits|terrorists|people"
    r"|civilians|villagers|soldiers|troops|officers|policemen|men|women|children|residents"
    r"|worshippers|students|workers|passengers|victims)\b",
    re.IGNORECASE,
)
_ATTACKER_GROUP = re.compile(
    r"gunm[ae]n|attackers|assailants|bombers|shooters|hijackers|perpetrators|militants"
    r"|insurgents|rebels|fighters|jihadists|raiders|bandits|terrorists",
    re.IGNORECASE,
)


def _attackers_of_them(text: str, binding: Binding) -> bool:
    """ "pursued the attackers and killed four of them": the partitive's group is the
    attackers (the last plural of people before the figure), not a toll told before."""
    if "partitive" not in binding.flags or binding.outcome != "killed":
        return False
    groups = [m.group() for m in _GROUP.finditer(text, 0, binding.start)]
    return bool(groups) and _ATTACKER_GROUP.fullmatch(groups[-1]) is not None


def _perpetrators_dead(
    text: str, bound: list[Binding], attackers: re.Pattern[str] | None = None
) -> None:
    """Flag `perpetrator` a killed figure whose victims are the attackers themselves, unless
    it is named inside another total ("20 dead, including three gunmen"); `attackers`, the
    words of another language for them ("uno de los atacantes", "أحد المهاجمين")."""
    for binding in bound:
        if _attackers_of_them(text, binding):
            binding.flags.discard("partitive")
            binding.flags.add("perpetrator")
            continue
        if binding.outcome != "killed" or binding.victim is None or "perpetrator" in binding.flags:
            continue
        victims = text[binding.victim[0] : binding.victim[1]]
        if _ATTACKERS.fullmatch(victims) is None and (
            attackers is None or attackers.search(victims) is None
        ):
            continue
        if _AMONG_BEFORE.search(text, max(0, binding.start - 20), binding.start):
            continue
        binding.flags.add("perpetrator")


# "one of the dead", "two of those killed": a part of a toll told before.
_OF_THE_DEAD = re.compile(
    r"\s+of\s+(?:the\s+|those\s+)?(?:dead|deceased|slain|killed|fatalities"
    r"|(?:people|victims|persons)\s+(?:killed|who\s+died))\b",
    re.IGNORECASE,
)


def _claimed_by_cue(text: str, binding: Binding, claim_at: int | None) -> bool:
    """A figure after the start of a language's claim words, or inside their clause
    ("cinq assaillants ont été neutralisés"): not one told before them across a clause
    break ("dix soldats tués près de Tillia, l'armée dit avoir neutralisé ...")."""
    if claim_at is None:
        return False
    return binding.end > claim_at or not _CLAUSE_BREAK.search(text, binding.end, claim_at)


_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


def _sentence_flags(text: str, bound: list[Binding]) -> None:
    if not bound:
        return
    worded = _CUES.flags(text)
    cues = {
        "aggregate_cue": _AGGREGATE.search(text) or "aggregate_cue" in worded,
        "cumulative": (_CUMULATIVE.search(text) and not _RECENT_START.search(text))
        or "cumulative" in worded,
    }
    # a claim's words of a language flag the figures from them on: in "dix soldats tués
    # près de Tillia, l'armée dit avoir neutralisé des dizaines de terroristes" the
    # soldiers are no claim
    claim_at = _CUES.first(text, "claim_cue") if "claim_cue" in worded else None
    no_claim = _NO_CLAIM.search(text) is not None
    english_claim = _CLAIM.search(text) is not None
    if "update" in worded:  # "le bilan s'est alourdi à 42": the first killed figure after it
        _CUES.flag_update(text, bound)
    summary = bool(_SUMMARY.match(text))
    background = _BACKGROUND.search(text)
    split = _SPLIT.search(text)
    # Searched once per sentence, not once per binding: a sentence of n figures would
    # cost n times its length.
    update = _UPDATE.search(text) is not None
    brings = re.search(r"\bbr(?:ing|ings|inging|ought)\b", text, re.I) is not None
    for binding in bound:
        binding.flags.update(name for name, hit in cues.items() if hit)
        if not no_claim and (english_claim or _claimed_by_cue(text, binding, claim_at)):
            binding.flags.add("claim_cue")
        if background and (background.group("anywhere") or background.start() < binding.start):
            binding.flags.add("background")
        if "background" in worded:  # "survient trois semaines après celle de Fambita"
            binding.flags.add("background")
        if "other_source" in worded and binding.outcome == "killed":
            binding.flags.add("other_source")  # "a pour sa part fait état de 31 morts"
        if split and "summary" in binding.flags:
            binding.flags.add("split")
        if summary:
            binding.flags.update({"summary", "aggregate_cue"})
        if "update" not in binding.flags and update and "toll_noun" in binding.flags:
            binding.flags.add("update")
        if "update" in binding.flags and brings:
            binding.flags.add("aggregate_cue")
    first_killed = min(
        (b.start for b in bound if b.outcome == "killed" and "partitive" not in b.flags),
        default=None,
    )
    for binding in bound:
        if ("partitive" in binding.flags and binding.outcome == "killed"
                and first_killed is not None and first_killed < binding.start):
            binding.flags.add("part")
        elif "partitive" in binding.flags and _OF_THE_DEAD.match(text, binding.end):
            binding.flags.add("part")  # "One of the dead was a 17-year-old": told before


def _mention(binding: Binding, text: str, offset: int, index: int) -> TollMention:
    span = Span(offset + binding.start, offset + binding.end)
    toll_text = text[binding.start : binding.end]
    victim_span = (
        Span(offset + binding.victim[0], offset + binding.victim[1]) if binding.victim else None
    )
    victim_text = text[binding.victim[0] : binding.victim[1]] if binding.victim else None
    toll = Toll(binding.low, binding.best, binding.high, toll_text, span, RULE)
    return TollMention(binding.outcome, toll, index, span, victim_text, victim_span,
                       frozenset(binding.flags), RULE)
