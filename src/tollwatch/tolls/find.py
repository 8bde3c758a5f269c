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

The binding is here; the counts of the dead that the figure rules leave unread
(captives, bodies, "among the dead", apposed counts, the attackers' own dead) are in
dead.py, and the sentence-wide flags (aggregate, cumulative, update, claim, summary,
background) in sentence_flags.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..errors import SettingsError
from ..read.script import fold_digits, has_harakat, strip_harakat
from ..records import CleanText, Sentence, Span, Toll, TollMention
from ..settings import Settings
from .clause_singulars import SingularGrammar, clause_singulars, joined_singulars
from .clauses import ClauseGrammar, clause_tolls
from .dead import (
    _among_the_dead,
    _apposed_dead,
    _bodies,
    _carry_captives,
    _killed_captives,
    _perpetrators_dead,
)
from .fatal import split_fatal
from .groups import group_forms
from .implicit import counted_forms, plurals, singulars, zeros
from .lang import TOLL_WORDS
from .lexicon import PRECHECK
from .numbers import NUMBER, Quantity, find_quantities
from .own import own_deaths, victim_then_self
from .phrases import Binding, free
from .prune import pruned
from .rules import bind, lists
from .sentence_flags import _sentence_flags

RULE = "tolls.v1"
VAGUE_CONVENTIONS = frozenset({"tolls.vague.v1"})  # numbers.VAGUE_MINIMUM / VAGUE_FLOOR
# The clause rules with the words of every language read (tolls/lang/), for a report whose
# language is not known.
_CLAUSES = ClauseGrammar.compile(TOLL_WORDS.values())
# A report known to be in one language reads only that language's words: the Portuguese
# "dos" (of the) is the Spanish "dos" (two). English has no clause words (its own rules
# are in tolls/rules.py and tolls/implicit.py), so an English report skips the clause rules
# altogether instead of trying every sentence against six other languages' words.
@cache
def _clauses_of(language: str | None) -> ClauseGrammar | None:
    """The clause grammar for a report's language, compiled on first use."""
    if language is None or language not in TOLL_WORDS:
        return _CLAUSES
    return ClauseGrammar.compile([TOLL_WORDS[language]])


@cache
def _singulars_of(language: str | None) -> SingularGrammar | None:
    """One victim without a figure in a report of another language (English has its own
    rules, tolls/implicit.py), compiled on first use."""
    if language is None or language == "en" or language not in TOLL_WORDS:
        return None
    return SingularGrammar.compile([TOLL_WORDS[language]])


_ARTICLE = re.compile(r"(?<![\w-])(?:an?|both|one)(?=\s+[\w'’-]+)", re.IGNORECASE)


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
    if language not in (None, "en"):  # taught by French and Spanish reports only
        worded = _QUOTED_WORD.sub(_unquote, worded)
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
        bound.extend(joined_singulars(masked, bound, singular))
    bound.extend(own_deaths(masked, bound, used_triggers))
    bound.extend(victim_then_self(masked, bound))
    bound.extend(_apposed_dead(masked, _uncounted(bound, quantities), bound, used_triggers))
    bound.extend(singulars(masked, bound, used_triggers))
    bound.extend(counted_forms(masked, bound))
    bound.extend(plurals(masked, bound, used_triggers, upper or masked.isupper()))
    bound.extend(group_forms(masked, bound))
    bound.extend(_own_men_lost(masked, _uncounted(bound, quantities), bound))
    rest = _uncounted(bound, quantities)
    bound.extend(lists(masked, rest, bound))
    bound.extend(_killed_captives(masked, bound))
    bound.extend(_bodies(masked, _uncounted(bound, quantities), bound))
    bound.extend(_among_the_dead(masked, _uncounted(bound, quantities), bound))
    bound.extend(split_fatal(masked, bound))
    _perpetrators_dead(masked, bound, singular.attackers if singular is not None else None)
    _carry_captives(masked, bound)
    _sentence_flags(worded, bound)
    _ordinal_deaths(masked, bound)
    bound = [b for b in bound if "rise" not in b.flags]  # inside the risen toll
    bound = _without_repeats(masked, bound)
    bound = pruned(masked, bound)
    return sorted(bound, key=lambda b: (b.start, b.end))


# "and lost two of their own men", "the army lost 12 soldiers": a side's own dead.
_LOST_BEFORE = re.compile(r"\blost\s+$", re.IGNORECASE)
_OWN_MEN_AFTER = re.compile(
    r"\s+(?:of\s+(?:its|their|his|our)\s+(?:own\s+)?)?(?P<np>men|soldiers|fighters|troops"
    r"|personnel|officers|policemen|comrades|servicemen|members)\b",
    re.IGNORECASE,
)


def _own_men_lost(text: str, quantities: list[Quantity], bound: list[Binding]) -> list[Binding]:
    """A side "lost" a figure of its men (soldiers, fighters): they were killed. Never
    other things lost (seats, matches) nor "lost their lives" (read by the toll rules)."""
    if "lost" not in text:
        return []
    found: list[Binding] = []
    for quantity in quantities:
        if quantity.best is None or not free(bound + found, quantity.start, quantity.end):
            continue
        if not _LOST_BEFORE.search(text, max(0, quantity.start - 6), quantity.start):
            continue
        after = _OWN_MEN_AFTER.match(text, quantity.end)
        if after is None:
            continue
        victim = (after.start("np"), after.end("np"))
        found.append(Binding("killed", quantity.low, quantity.best, quantity.high,
                             quantity.start, quantity.end, victim=victim,
                             trigger=(quantity.start - 5, quantity.start - 1),
                             flags={"passive", "own_losses"}, quantity=quantity))
    return found


# "A fourth soldier died of his wounds": the article, an ordinal, a noun or two, a death.
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL_DEATH = re.compile(
    r"\s+(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[a-z][\w'’-]*\s+){1,3}?(?:(?:has|had|later|also|then|subsequently)\s+)?"
    r"(?:died|dies|succumbed)\b",
    re.IGNORECASE,
)


def _ordinal_deaths(text: str, bound: list[Binding]) -> None:
    """ "Three soldiers were killed ... A fourth soldier died of his wounds": the article's
    one death is the Nth of a count told before, so the figure is the risen count (an
    update), not one more death to add."""
    for binding in bound:
        if (binding.outcome != "killed" or binding.best != 1 or binding.quantity is None
                or text[binding.start : binding.end].lower() not in ("a", "an")):
            continue
        match = _ORDINAL_DEATH.match(text, binding.end)
        if match is None:
            continue
        value = _ORDINALS[match.group("ord").lower()]
        binding.low = binding.best = binding.high = value
        binding.flags.add("update")


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


# A victim noun put in quotes by the writer: "cuatro «delincuentes» fueron abatidos",
# "trois « bandits » ont été tués". The quotes are blanked so the noun stands between
# the figure and its verb; only one or two lower-case words, after a word.
_QUOTED_WORD = re.compile(
    r"(?<=\w\s)(?P<q>[«“\"]\s?)(?P<w>[^\W\d_A-ZÀ-Ý]+(?:\s[^\W\d_A-ZÀ-Ý]+)?)(?P<e>\s?[»”\"])(?=\s)"
)


def _unquote(match: re.Match[str]) -> str:
    """The quoted words, their quote marks blanked (same length)."""
    return " " * len(match.group("q")) + match.group("w") + " " * len(match.group("e"))


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
        if word in ("a", "an") and _GROUP_OF.search(text, max(0, match.start() - 24),
                                                     match.start()):
            continue  # "Two members of a dissident faction": the faction is no victim
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


# "members of a gang", "fighters of an armed group": the group the counted belong to.
_GROUP_OF = re.compile(
    r"\b(?:members|fighters|militants|elements|commanders|leaders|units|cadres)\s+of\s+$",
    re.IGNORECASE)


def _mark_partitive(text: str, quantity: Quantity) -> Quantity:
    """"five of them": a part of a group named before."""
    if re.match(r"\s+of\s+(?:them|whom|those|these)\b", text[quantity.end :], re.I):
        return replace(quantity, flags=quantity.flags | {"partitive"})
    return quantity


def _adjacent(text: str, first: Quantity, second: Quantity) -> bool:
    """"12 others": the vague word only repeats the figure before it."""
    return not text[first.end : second.start].strip()


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
