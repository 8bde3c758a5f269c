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
from collections.abc import Sequence
from dataclasses import dataclass, field

from .numbers import Quantity, find_quantities, parse_spanish_number
from .records import CleanText, Outcome, Sentence, Span, Toll, TollMention
from .settings import Settings
from .toll_lexicon import (
    ACTIVE,
    AUX,
    KILLED_ADJECTIVE,
    NOMINAL,
    NP_TOKEN,
    PASSIVE,
    PERSON,
    PRECHECK,
    SPANISH_OUTCOME,
    TIME_NOUN,
    outcome_of,
)

RULE = "tolls.v1"


@dataclass
class _Binding:
    """A figure bound to an outcome, offsets relative to the sentence."""

    outcome: Outcome
    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int
    victim: tuple[int, int] | None = None
    trigger: tuple[int, int] | None = None
    flags: set[str] = field(default_factory=set)
    quantity: Quantity | None = None


_SUBJECT = re.compile(
    rf"(?P<np>(?:\s+(?:{NP_TOKEN})){{0,8}}?)"
    r"(?P<incl>\s*,\s*(?:including|among\s+them|mostly|mainly|most\s+of\s+them|all|both)"
    r"\b[^,;]{0,80},)?"
    rf"(?P<aux>(?:\s+(?:{AUX}))*)\s*(?P<among>were\s+among\s+(?:the\s+)?)?"
    rf"(?P<out>{PASSIVE}|{NOMINAL})(?![\w-])",
    re.IGNORECASE,
)
_ACTIVE_BEFORE = re.compile(
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<mod>(?:(?:another|a\s+further|an\s+additional|all"
    r"|all\s+of\s+the|all\s+the|the|a\s+total\s+of|at\s+least|some|more)\s+)?)$",
    re.IGNORECASE,
)
_TOLL_BEFORE = re.compile(
    r"(?P<noun>death\s+toll|casualty\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths"
    r"|fatalities|victims|people\s+killed|those\s+killed|killed)|fatalities|deaths"
    r"|(?P<w>(?:number\s+of\s+)?(?:wounded|injured|injuries)))"
    r"(?:\s+(?:\w+ly|has|had|have|now|was|is|were|are|further|later|then|reportedly))*"
    r"\s*(?P<upd>rose|risen|rises|rising|climbed|climbs|reached|reaches|increased|jumped"
    r"|went\s+up|mounted|grew|hit|raised|stands|stood)?"
    r"\s*(?:to|at|of|is|was|were|are|coded\s+as|estimated\s+at|put\s+at|reported\s+as"
    r"|recorded\s+as|given\s+as|as|:)\s*$",
    re.IGNORECASE,
)
_OF_BEFORE = re.compile(
    r"(?:^|\W)(?:(?P<k>bodies|corpses|remains|deaths?|murders?|killings?|assassinations?"
    r"|massacres?|executions?|lives)|(?P<a>kidnappings?|abductions?))\s+of\s+$",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:(?:no|zero)\s+(?:(?:other|further|human|reported|immediate|known|civilian)\s+)*"
    r"(?P<noun>casualties|casualty|deaths|death|fatalities|fatality|injuries|injury"
    r"|victims|loss(?:es)?\s+of\s+(?:human\s+)?li(?:fe|ves)|lives\s+lost|one|body|people"
    r"|person|persons|civilians)"
    r"|(?P<neg>nobody|no\s+one|no-one|none)"
    r"|without\s+(?:causing\s+|leaving\s+|any\s+)*(?P<without>casualties|injuries|deaths"
    r"|fatalities|victims|loss\s+of\s+life)"
    r"|did\s+not\s+(?:cause|result\s+in|leave|claim)\s+(?:any\s+)?(?P<notany>casualties|deaths"
    r"|injuries|fatalities|victims))\b"
    r"(?P<rest>(?:\s+(?:was|were|has|have|had|been|is|are|being|reported|recorded|reportedly"
    r"|seriously|badly|else|other|in|the|attack|incident|\w+ly))*\s*"
    r"(?P<verb>killed|died|dead|hurt|injured|wounded|harmed|reported|recorded|lost|were|was)?)",
    re.IGNORECASE,
)
_SINGULAR = re.compile(
    r"\b(?P<aux>was|has\s+been|had\s+been|is|got)\s+(?:\w+ly\s+)?(?:also\s+)?"
    rf"(?P<out>{PASSIVE})(?![\w-])"
    r"|\b(?P<pron>he|she)\s+(?:\w+ly\s+)?(?:later\s+|subsequently\s+|eventually\s+)?"
    r"(?P<died>died|succumbed|passed\s+away|was\s+killed)\b",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    rf"\b(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?:all\s+|both\s+)?(?P<out>{PASSIVE})"
    r"(?![\w-])",
    re.IGNORECASE,
)
_PRONOUN_OBJECT = re.compile(
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<pron>him|her|both(?:\s+of\s+them)?)\b", re.IGNORECASE
)
_ARTICLE = re.compile(r"(?<![\w-])(?:an?|both|one)(?=\s+[\w'’-]+)", re.IGNORECASE)
_NAMES = re.compile(
    r"^(?:[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al|el|bin|de|del|da|van|von))*"
    r"(?:\s*,\s*|\s+and\s+))+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*$"
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:at\s+least|another|a|an|him|her|them|us|both|all|some|several|dozens|scores"
    r"|hundreds|\d|the\s+(?!(?:day|night|week|month|year|same|previous|next|following"
    r"|morning|evening|afternoon)\b))",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(
    rf"^(?:\s+(?:{NP_TOKEN}))*?\s*(?:,\s*|\s+)(?:and|as\s+well\s+as|plus|along\s+with)?"
    r"\s*(?:another\s+|other\s+|a\s+further\s+)?$",
    re.IGNORECASE,
)
_PART_JOIN = re.compile(
    rf"^(?:\s+(?:{NP_TOKEN}))*?\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom"
    r"|of\s+them|incl\.|among\s+the\s+(?:dead|victims|killed))\s*$",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"^\W*(?:(?:total\s+)?(?:fatalities|deaths|death\s+toll|dead|killed)\s*(?:coded\s+as|:|-)"
    r"\s*[\w ,]{1,30}|[\w ,-]{1,30}?\s+(?:reported\s+|total\s+|coded\s+)?(?:fatalities"
    r"|fatality|deaths|dead|killed)(?:\s+coded|\s+in\s+total|\s+reported)?)\W*$",
    re.IGNORECASE,
)
_AGGREGATE = re.compile(
    r"\b(?:in\s+(?:the\s+past\s+|the\s+last\s+)?(?:two|three|four|five|six|seven|several"
    r"|\d+|the\s+past|recent)\s+(?:days|weeks|months|hours)|in\s+total|a\s+total\s+of|totall?ing"
    r"|altogether|so\s+far|to\s+date|since\s+the\s+(?:start|beginning)|across|combined"
    r"|in\s+separate|in\s+a\s+series\s+of|overall|in\s+all|this\s+(?:week|month|year)"
    r"|over\s+the\s+(?:past|last)\s+\w+\s+(?:days|weeks)|bringing\s+the\s+(?:\w+\s+)?toll"
    r"|since\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|cumulative)\b",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid|march|april)\s+)?(?:19|20)\d\d|since\s+the\s+(?:start"
    r"\s+of\s+the\s+|beginning\s+of\s+the\s+|outbreak\s+of\s+the\s+)?(?:war|conflict|uprising"
    r"|revolution|crisis|insurgency|fighting)|over\s+the\s+(?:past|last)\s+\w+\s+(?:years"
    r"|decades)|in\s+(?:\w+|\d+)\s+years\s+of\s+(?:war|conflict|fighting|violence)"
    r"|since\s+(?:it|they)\s+(?:began|started))\b",
    re.IGNORECASE,
)
_UPDATE = re.compile(
    r"\b(?:toll\s+(?:has\s+|had\s+|now\s+)?(?:rose|risen|rises|climbed|climbs|reached|increased"
    r"|jumped|went\s+up|mounted|grew|now\s+stands)|bringing\s+the\s+(?:\w+\s+)?toll"
    r"|raising\s+the\s+(?:\w+\s+)?toll|rose\s+to|risen\s+to|climbed\s+to)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:responsibility|that|to\s+have|it|they|its|the\s+attack)"
    r"|\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:killed|kill)",
    re.IGNORECASE,
)


def find_tolls(
    clean: CleanText, sentences: Sequence[Sentence], settings: Settings
) -> list[TollMention]:
    """Casualty figures in the given sentences, with offsets into `clean.text`.

    >>> from tollwatch.records import CleanText, Sentence, Span
    >>> text = "Militants killed 26 pro-Assad fighters."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [(m.outcome, m.toll.best, m.victim_text) for m in find_tolls(clean, clean.sentences,
    ...  Settings())]
    [('killed', 26, 'pro-Assad fighters')]
    """
    mentions: list[TollMention] = []
    for sentence in sentences:
        start, end = sentence.span.start, min(sentence.span.end, len(clean.text))
        text = clean.text[start:end]
        if not PRECHECK.search(text):
            continue
        bindings = sentence_tolls(text, upper=clean.upper)
        mentions.extend(_mention(b, text, start, sentence.index) for b in bindings)
    return mentions


def sentence_tolls(text: str, *, upper: bool = False) -> list[_Binding]:
    """The bindings of one sentence (offsets relative to `text`), in text order."""
    masked = _mask(text, upper=upper or text.isupper())
    bound = _zeros(masked)
    quantities = [q for q in _quantities(masked) if _free(bound, q.start, q.end)]
    used_triggers: set[tuple[int, int]] = set()
    for quantity in quantities:
        binding = _bind(masked, quantity)
        if binding is not None:
            bound.append(binding)
            if binding.trigger:
                used_triggers.add(binding.trigger)
    bound.extend(_spanish(masked, bound))
    bound.extend(_singulars(masked, bound, used_triggers))
    bound.extend(_plurals(masked, bound, used_triggers, upper or masked.isupper()))
    bound.extend(_lists(masked, quantities, bound))
    _sentence_flags(masked, bound)
    return sorted(bound, key=lambda b: (b.start, b.end))


def _mask(text: str, *, upper: bool) -> str:
    """Blank coder tags such as "[size=around 80]" and disguise acronyms ("IS" is no verb).

    The result has the same length as `text`, so offsets hold.
    """
    masked = re.sub(r"\[size=[^\]]*\]", lambda m: " " * len(m.group()), text, flags=re.I)
    if upper:
        return masked
    return re.sub(r"\b[A-Z]{2,6}\b", lambda m: "Q" + "q" * (len(m.group()) - 1), masked)


def _quantities(text: str) -> list[Quantity]:
    """Numbers and vague amounts, plus "a"/"an"/"both"/"one" outside other quantities."""
    found = find_quantities(text)
    taken = [(q.start, q.end) for q in found]
    for match in _ARTICLE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word = match.group().lower()
        if word == "one" and re.match(r"\s+of\b", text[match.end() :], re.I):
            quantity = Quantity(1, 1, 1, match.group(), match.start(), match.end(),
                                frozenset({"partitive"}))
        elif word == "one":
            continue
        else:
            value = 2 if word == "both" else 1
            quantity = Quantity(value, value, value, match.group(), match.start(), match.end(),
                                frozenset({"article"}))
        found.append(quantity)
    return sorted(found, key=lambda q: q.start)


def _bind(text: str, quantity: Quantity) -> _Binding | None:
    """Try the rules in order: toll noun, "of", object, subject."""
    before = text[max(0, quantity.start - 90) : quantity.start]
    article = "article" in quantity.flags
    if not article:
        binding = _bind_toll_noun(before, quantity) or _bind_of(before, quantity)
        if binding:
            return binding
    binding = _bind_object(text, before, quantity)
    if binding:
        return binding
    return _bind_subject(text, quantity)


def _binding(outcome: Outcome, quantity: Quantity, **kwargs: object) -> _Binding:
    flags = set(quantity.flags) - {"article"}
    extra = kwargs.pop("flags", set())
    assert isinstance(extra, set)  # internal call sites only pass sets
    return _Binding(outcome, quantity.low, quantity.best, quantity.high, quantity.start,
                    quantity.end, flags=flags | extra, quantity=quantity, **kwargs)  # type: ignore[arg-type]


def _bind_toll_noun(before: str, quantity: Quantity) -> _Binding | None:
    match = _TOLL_BEFORE.search(before)
    if not match:
        return None
    if match.group("noun").lower() == "toll" and not re.search(r"death|casualt", before, re.I):
        return None
    flags = {"update"} if match.group("upd") and match.group("upd").lower() not in (
        "stands", "stood") else set()
    outcome: Outcome = "wounded" if match.group("w") else "killed"
    return _binding(outcome, quantity, flags=flags | {"toll_noun"})


def _bind_of(before: str, quantity: Quantity) -> _Binding | None:
    match = _OF_BEFORE.search(before)
    if not match:
        return None
    outcome: Outcome = "abducted" if match.group("a") else "killed"
    return _binding(outcome, quantity, flags=set())


def _bind_object(text: str, before: str, quantity: Quantity) -> _Binding | None:
    match = _ACTIVE_BEFORE.search(before)
    if not match:
        return None
    verb = match.group("verb")
    victim = _noun_phrase(text, quantity.end, limit=6)
    if "article" in quantity.flags and not _is_person(text, victim):
        return None
    if _is_time(text, victim):
        return None
    flags = {"active"}
    mod = match.group("mod").lower()
    if mod.startswith("a total"):
        flags.add("aggregate_cue")
    if re.match(r"claim|cost|t(?:ook|aking)", verb, re.I):
        if not victim or text[victim[0] : victim[1]].lower() not in ("lives", "lives of"):
            return None
    start = quantity.start - len(match.group("mod"))
    offset = max(0, quantity.start - 90)
    trigger = (offset + match.start("verb"), offset + match.end("verb"))
    binding = _binding(outcome_of(verb), quantity, victim=victim, trigger=trigger, flags=flags)
    binding.start = min(start, quantity.start)
    return binding


def _bind_subject(text: str, quantity: Quantity) -> _Binding | None:
    match = _SUBJECT.match(text, quantity.end)
    if not match:
        return None
    out = match.group("out")
    outcome = outcome_of(out)
    np_span = _strip_np(text, match.start("np"), match.end("np"))
    if outcome is None or _is_time(text, np_span) or _is_animal(text, np_span):
        return None
    article = "article" in quantity.flags
    if article and not (_is_person(text, np_span) or _is_body(out)):
        return None
    aux = match.group("aux").strip()
    if not aux and not match.group("incl") and _OBJECT_AFTER.match(text, match.end()):
        if re.match(rf"(?:{ACTIVE})$", out, re.I):
            return None  # "3 gunmen killed a man": the figure counts the agents
    if out.lower().startswith("casualt"):
        outcome = "wounded"
    flags = {"passive"} if re.match(rf"(?:{PASSIVE})$", out, re.I) else set()
    if out.lower().startswith("casualt"):
        flags.add("casualties")
    if match.group("among"):
        flags.add("part")
    if "partitive" in quantity.flags:
        flags.add("partitive")
    if np_span and KILLED_ADJECTIVE.fullmatch(text[np_span[0] : np_span[1]].split()[0]):
        outcome = "killed"
    return _binding(outcome, quantity, victim=np_span, trigger=(match.start("out"),
                    match.end("out")), flags=flags)


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    match = re.compile(rf"(?:\s+(?:{NP_TOKEN})){{0,{limit}}}", re.I).match(text, pos)
    if not match:
        return None
    return _strip_np(text, match.start(), match.end())


def _strip_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim spaces and edge words ("of", "and", "the") from a noun phrase span."""
    while True:
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            return None
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        lead = re.match(r"(?:of|the|more|other|others|and)(?:\s+|$)", text[start:end], re.I)
        tail = re.search(r"(?:^|\s+)(?:and|or|of|the|more|then|were|was)$", text[start:end],
                         re.I)
        if lead:
            start += lead.end()
        elif tail:
            end = start + tail.start()
        else:
            return (start, end)


def _words(text: str, span: tuple[int, int] | None) -> list[str]:
    return [] if span is None else re.findall(r"[\w'’-]+", text[span[0] : span[1]].lower())


def _is_person(text: str, span: tuple[int, int] | None) -> bool:
    words = _words(text, span)
    return any(PERSON.fullmatch(w) for w in words) or (
        span is not None and bool(re.match(r"[A-Z]", text[span[0] : span[1]]))
    )


def _is_time(text: str, span: tuple[int, int] | None) -> bool:
    words = _words(text, span)
    return bool(words) and bool(TIME_NOUN.fullmatch(words[0]))


def _is_animal(text: str, span: tuple[int, int] | None) -> bool:
    return bool(re.search(r"\b(?:cattle|cows?|goats?|sheep|camels?|livestock|animals?|donkeys?"
                          r"|horses?|dogs?|chickens?|heads\s+of)\b", text[span[0] : span[1]]
                          if span else "", re.I))


def _is_body(out: str) -> bool:
    return bool(re.match(r"bod|corps|remains", out, re.I))


def _free(bound: list[_Binding], start: int, end: int) -> bool:
    return not any(b.start < end and start < b.end for b in bound)


def _spanish(text: str, bound: list[_Binding]) -> list[_Binding]:
    """Spanish headlines: "Asesinan a 4", "deja 3 muertos", "Hallan 2 cuerpos"."""
    found: list[_Binding] = []
    for match in SPANISH_OUTCOME.finditer(text):
        n, o, q = ("n", "o", "q") if match.group("n") else ("n2", "o2", "q2")
        value = parse_spanish_number(match.group(n))
        outcome = outcome_of(match.group(o))
        if value is None or outcome is None:
            continue
        if not _free(bound + found, match.start(n), match.end(n)):
            continue
        qualifier = (match.group(q) or "").lower()
        low: int | None = value
        high: int | None = value
        if qualifier.startswith("m"):
            value += 1
            low, high = value, None
        elif qualifier.startswith(("al", "por")):
            high = None
        elif qualifier:
            low, high = None, None
        start = match.start(q) if match.group(q) else match.start(n)
        found.append(_Binding(outcome, low, value, high, start, match.end(n),
                              trigger=(match.start(o), match.end(o)), flags={"spanish"}))
    return found


def _zeros(text: str) -> list[_Binding]:
    """"no casualties", "no one was hurt", "without casualties": toll 0."""
    found: list[_Binding] = []
    for match in _ZERO.finditer(text):
        outcomes = _zero_outcomes(match)
        if not outcomes:
            continue
        for outcome in outcomes:
            found.append(_Binding(outcome, 0, 0, 0, match.start(), match.end(),
                                  flags={"zero"}))
    return found


def _zero_outcomes(match: re.Match[str]) -> list[Outcome]:
    noun = (match.group("noun") or match.group("neg") or match.group("without")
            or match.group("notany") or "").lower()
    verb = (match.group("verb") or "").lower()
    if noun in ("one", "body", "people", "person", "persons", "civilians", "nobody", "no one",
                "no-one", "none"):
        if verb in ("killed", "died", "dead", "lost"):
            return ["killed"]
        if verb in ("hurt", "harmed"):
            return ["killed", "wounded"]
        return ["wounded"] if verb in ("injured", "wounded") else []
    if noun.startswith("injur"):
        return ["wounded"]
    if noun.startswith("casualt") or noun == "victims":
        return ["killed", "wounded"]
    return ["killed"]


def _singulars(text: str, bound: list[_Binding], used: set[tuple[int, int]]) -> list[_Binding]:
    """"the mayor was assassinated", "he later died", "killing him": one victim."""
    found: list[_Binding] = []
    for match in _SINGULAR.finditer(text):
        group = "out" if match.group("out") else "died"
        trigger = (match.start(group), match.end(group))
        if trigger in used or not _free(bound + found, match.start(), match.end()):
            continue
        outcome = outcome_of(match.group(group))
        if outcome is None or outcome == "missing":
            continue
        if match.group("pron"):
            victim: tuple[int, int] | None = (match.start("pron"), match.end("pron"))
        else:
            victim = _subject_before(text, match.start())
            if victim is None or _negated_subject(text, victim) or _is_time(text, victim):
                continue
        flags = {"passive", "singular"}
        if re.match(r"one\s+of\b", text[victim[0] : victim[1]], re.I):
            flags.add("partitive")
        found.append(_Binding(outcome, 1, 1, 1, trigger[0], trigger[1], victim=victim,
                              trigger=trigger, flags=flags))
    for match in _PRONOUN_OBJECT.finditer(text):
        span = (match.start("pron"), match.end("pron"))
        if not _free(bound + found, *span):
            continue
        value = 2 if match.group("pron").lower().startswith("both") else 1
        found.append(_Binding(outcome_of(match.group("verb")) or "killed", value, value, value,
                              span[0], span[1], victim=span,
                              trigger=(match.start("verb"), match.end("verb")),
                              flags={"active", "singular"}))
    return found


def _subject_before(text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase just before `pos` (up to 6 words, stopping at a clause break)."""
    head = text[max(0, pos - 80) : pos]
    match = re.search(rf"(?:(?:{NP_TOKEN})\s+){{1,6}}$", head, re.I)
    if not match:
        return None
    start = max(0, pos - 80) + match.start()
    span = _strip_np(text, start, pos)
    if span and re.fullmatch(r"who|which|that", text[span[0] : span[1]], re.I):
        return _subject_before(text, span[0])
    return span


def _negated_subject(text: str, span: tuple[int, int]) -> bool:
    return bool(re.match(r"(?:no\b|nobody|none|neither)", text[span[0] : span[1]], re.I))


def _plurals(text: str, bound: list[_Binding], used: set[tuple[int, int]],
             upper: bool) -> list[_Binding]:
    """"Ali and Omar were killed" (2), "civilians were killed" (unknown, at least 1)."""
    found: list[_Binding] = []
    for match in _PLURAL.finditer(text):
        trigger = (match.start("out"), match.end("out"))
        if trigger in used or not _free(bound + found, match.start(), match.end()):
            continue
        outcome = outcome_of(match.group("out"))
        victim = _subject_before(text, match.start())
        if outcome is None or victim is None or _negated_subject(text, victim):
            continue
        phrase = text[victim[0] : victim[1]]
        count = None if upper else _name_count(phrase)
        if count is not None:
            found.append(_Binding(outcome, count, count, count, victim[0], victim[1],
                                  victim=victim, trigger=trigger, flags={"passive", "names"}))
        elif _is_person(text, victim) or re.fullmatch(r"they", phrase, re.I):
            found.append(_Binding(outcome, 1, None, None, trigger[0], trigger[1], victim=victim,
                                  trigger=trigger, flags={"passive", "vague", "unquantified"}))
    return found


def _name_count(phrase: str) -> int | None:
    if not _NAMES.match(phrase) or any(PERSON.fullmatch(w.lower()) for w in phrase.split()):
        return None
    return len(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase))


def _lists(text: str, quantities: list[Quantity], bound: list[_Binding]) -> list[_Binding]:
    """Unbound figures listed beside a bound one: "killed 3 soldiers and 2 civilians"."""
    found: list[_Binding] = []
    done = {id(b.quantity) for b in bound if b.quantity is not None}
    for quantity in quantities:
        if id(quantity) in done or not _free(bound + found, quantity.start, quantity.end):
            continue
        binding = _join_previous(text, quantity, bound + found) or _join_next(
            text, quantity, bound + found)
        if binding is not None:
            found.append(binding)
    return found


def _join_previous(text: str, quantity: Quantity, bound: list[_Binding]) -> _Binding | None:
    previous = [b for b in bound if b.end <= quantity.start and b.best != 0]
    if not previous:
        return None
    anchor = max(previous, key=lambda b: b.end)
    gap_start = anchor.victim[1] if anchor.victim and anchor.victim[1] <= quantity.start else (
        anchor.end)
    gap = text[gap_start : quantity.start]
    article = "article" in quantity.flags
    victim = _noun_phrase(text, quantity.end, limit=6)
    if article and not _is_person(text, victim):
        return None
    if _is_time(text, victim):
        return None
    if _PART_JOIN.match(gap):
        flags = {"part"} | ({"active"} & anchor.flags)
    elif _LIST_JOIN.match(gap) and "active" in anchor.flags:
        flags = {"active"}
    else:
        return None
    return _binding(anchor.outcome, quantity, victim=victim, flags=flags)


def _join_next(text: str, quantity: Quantity, bound: list[_Binding]) -> _Binding | None:
    following = [b for b in bound if b.start >= quantity.end and "passive" in b.flags]
    if not following:
        return None
    anchor = min(following, key=lambda b: b.start)
    gap = text[quantity.end : anchor.start]
    match = re.fullmatch(rf"((?:\s+(?:{NP_TOKEN})){{0,6}}?)\s*(?:,|\s+and|,\s*and)\s+", gap,
                         re.I)
    if not match:
        return None
    victim = _strip_np(text, quantity.end, quantity.end + len(match.group(1)))
    if "article" in quantity.flags and not _is_person(text, victim):
        return None
    return _binding(anchor.outcome, quantity, victim=victim, flags={"passive"})


def _sentence_flags(text: str, bound: list[_Binding]) -> None:
    if not bound:
        return
    cues = {
        "aggregate_cue": _AGGREGATE.search(text),
        "cumulative": _CUMULATIVE.search(text),
        "claim_cue": _CLAIM.search(text),
    }
    summary = bool(_SUMMARY.match(text)) and len(bound) <= 2
    for binding in bound:
        binding.flags.update(name for name, hit in cues.items() if hit)
        if summary:
            binding.flags.update({"summary", "aggregate_cue"})
        if "update" not in binding.flags and _UPDATE.search(text) and "toll_noun" in binding.flags:
            binding.flags.add("update")
        if binding.flags & {"update"} and re.search(r"bringing", text, re.I):
            binding.flags.add("aggregate_cue")
    killed = [b for b in bound if b.outcome == "killed" and "partitive" not in b.flags]
    for binding in bound:
        if "partitive" in binding.flags and any(
            k.outcome == binding.outcome and k.start < binding.start for k in killed
        ):
            binding.flags.add("part")


def _mention(binding: _Binding, text: str, offset: int, index: int) -> TollMention:
    span = Span(offset + binding.start, offset + binding.end)
    toll_text = text[binding.start : binding.end]
    victim_span = (
        Span(offset + binding.victim[0], offset + binding.victim[1]) if binding.victim else None
    )
    victim_text = text[binding.victim[0] : binding.victim[1]] if binding.victim else None
    toll = Toll(binding.low, binding.best, binding.high, toll_text, span, RULE)
    return TollMention(binding.outcome, toll, index, span, victim_text, victim_span,
                       frozenset(binding.flags), RULE)
