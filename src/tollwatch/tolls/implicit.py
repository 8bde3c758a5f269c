"""Tolls without a written figure: zero ("no one was hurt"), one ("the mayor was
assassinated", "killing him", "his body was found"), named people ("Ali and Omar
were killed") and unquantified plurals ("civilians were killed").
"""

from __future__ import annotations

import re

from ..read.prefilter import Prefiltered
from ..records import Outcome
from .lexicon import ACTIVE, NP_TOKEN, PASSIVE, PERSON, outcome_of
from .numbers import NUMBER, parse_number
from .own import PERPETRATOR_NOUN
from .phrases import (
    Binding,
    free,
    is_person,
    is_time,
    name_count,
    negated_subject,
    plural,
    strip_np,
    subject_before,
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
    r"(?:later\s+|then\s+|eventually\s+|subsequently\s+)?"
    rf"(?P<out>{PASSIVE})(?![\w-])"
    r"|\b(?P<pron>he|she)\s+(?:\w+ly\s+)?(?:later\s+|subsequently\s+|eventually\s+)?"
    r"(?P<died>died|succumbed|passed\s+away|was\s+killed)\b"
    # "was shot and died at the scene", "the teen has died from his wounds"
    # "the bomber also died": a second death, the subject before "also"
    r"|\b(?:also\s+)?(?:(?:was|got)\s+shot\s+and\s+(?:later\s+)?|(?:has|had)\s+(?:also\s+)?"
    r"(?:since\s+)?)?"
    r"(?P<died2>died|dies|succumbed\s+to\s+(?:his|her)\s+(?:injuries|wounds))\b(?!\s+down)"
    # a natural death: "dies peacefully", "has died aged 93", "died of cancer"
    r"(?!\s+(?:peacefully|aged|at\s+(?:the\s+)?age|in\s+(?:his|her)\s+sleep|of\s+(?:natural"
    r"|cancer|old\s+age|a\s+heart|an?\s+illness|illness|complications)))"
    # "the victim did not survive": one death told by its denial
    r"|\b(?P<survive>(?:did\s+not|didn['’]t)\s+survive)(?![\w-])",
    re.IGNORECASE,
)


_THE_OBJECT = re.compile(
    # "killed the mayor", "killed his wife"; a headline's bare age: "killed 2-year-old son"
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<np>(?:(?:the|his|her|their)\s+|(?=\d{{1,3}}-years?-old\s))"
    rf"(?:{NP_TOKEN})"
    rf"(?:\s+(?:{NP_TOKEN})){{0,5}})",
    re.IGNORECASE,
)


# "killed 24-year-old Alex Moreno", "killing Markeyo Carr": a named person as the object.
_NAME_OBJECT = re.compile(
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<np>(?:(?:\d+-years?-old|\d+-year|old)\s+)*"
    r"(?!(?:In|On|At|After|During|Near|Outside|Inside|Before|When|While|By|With|For|From"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Police|Officers"
    r"|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|One|Himself|Herself|Themselves)\b)"
    r"[A-Z][a-z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|la|van|von|bin|al))*)",
)


_NOMINAL_OF = re.compile(
    r"\b(?P<noun>murder|assassination|killing|death|execution|beheading|lynching|slaying"
    r"|fatal\s+(?:shooting|stabbing|beating))\s+of\s+"
    rf"(?P<np>(?:{NP_TOKEN})(?:\s+(?:{NP_TOKEN})){{0,5}})"
    rf"|(?P<poss>(?:(?:{NP_TOKEN})\s+)?[A-Z][\w.-]+)['’]S?\s+(?:\w+\s+)?"
    r"(?P<noun2>murder|assassination|killing|death|execution|slaying"
    r"|fatal\s+(?:shooting|stabbing|beating))\b",
    re.IGNORECASE,
)


_PLURAL = re.compile(
    rf"\b(?:were|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?:all\s+|both\s+)?(?P<out>{PASSIVE})"
    r"(?![\w-])",
    re.IGNORECASE,
)


_PRONOUN_OBJECT = re.compile(
    rf"(?:^|\W)(?P<verb>{ACTIVE})\s+(?P<pron>him|her|another(?:\s+one)?|both(?:\s+of\s+them)?)\b(?!\s+\d)",
    re.IGNORECASE
)


_BODY_FOUND = re.compile(
    r"\b(?P<noun>body|corpse)\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?(?:later\s+)?"
    r"(?:found|discovered|recovered|dumped|located|retrieved|unearthed|pulled)\b",
    re.IGNORECASE,
)

# "officers found the body of the victim": one dead. ("claimed the life of a child" was
# tried too: one more right on gva-news, one less on UCDP Syria, whose best is 0 there)
_BODY_OF = re.compile(
    r"\b(?:found|discovered|recovered|located|pulled|identified)\s+(?:the\s+|a\s+)?"
    r"(?P<noun>body|corpse)\s+of\b",
    re.IGNORECASE,
)


# A headline's bare passive: "Man killed in weekend shooting", "UPDATE: Teen, 17, shot
# dead", "Child killed; teen charged": a singular person at the start, no auxiliary.
_HEADLINE_SINGULAR = re.compile(
    r"(?:^\W*(?:[^:;|\n]{0,40}[:|]\s*)?|;\s*)(?P<np>(?:[\w'’-]+\s+){0,3}?[A-Za-z][\w'’-]*)"
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+"
    r"(?P<out>killed|slain|shot\s+dead|shot\s*(?:,|and)\s*killed|shot\s+to\s+death"
    r"|(?:found\s+)?fatally\s+(?:shot|stabbed)|stabbed\s+to\s+death|gunned\s+down"
    r"|found\s+(?:dead|shot\s+(?:dead|to\s+death))|murdered)"
    # a passive has no object after it: "Man killed in ...", never "A man killed two"
    # ("Armed men killed at least 45 people": "at least" starts an object)
    r"(?=\s*(?:$|[,;:.!?|()\[\]—–-])|\s+(?:in|at(?!\s+(?:least|most)\b)|on|near|outside|inside|after|during|while|by"
    r"|overnight|early|late|last|this|as|when|following|over|from|with|along|behind|Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)",
    re.IGNORECASE,
)


def _headline_singular(text: str, bound: list[Binding]) -> list[Binding]:
    """"Man killed in weekend shooting", "...; suspect killed": one victim (or the
    attacker's own death), told without an auxiliary."""
    found: list[Binding] = []
    for match in _HEADLINE_SINGULAR.finditer(text):
        if match.start() > 0 and text[match.start()] != ";":
            continue
        found.extend(_headline_binding(text, match, bound + found))
    return found


# "Police identify man killed in ...", "Coroner names teen shot to death": the victim is
# the object of a headline verb, the words before it are no part of it.
_HEADLINE_VERB = re.compile(
    r"\b(?:identif(?:y|ies|ied)|IDs?|names?|mourns?|remembers?|honou?rs?)\s+",
    re.IGNORECASE,
)


def _headline_binding(text: str, match: re.Match[str], bound: list[Binding]) -> list[Binding]:
    victim = (match.start("np"), match.end("np"))
    verbs = list(_HEADLINE_VERB.finditer(text, *victim))
    if verbs:
        victim = (verbs[-1].end(), victim[1])
    trigger = (match.start("out"), match.end("out"))
    if not free(bound, *victim) or not free(bound, *trigger):
        return []
    head = text[victim[0] : victim[1]].split()[-1]
    if (not PERSON.fullmatch(head) or plural(text, victim) or negated_subject(text, victim)
            or re.search(r"\d", text[victim[0] : victim[1]])):
        return []
    flags = {"passive", "singular"} | _anaphor_flag(text, victim) & {"perpetrator"}
    return [Binding("killed", 1, 1, 1, trigger[0], trigger[1], victim=victim, trigger=trigger,
                    flags=flags)]


# The same matches as each regex's own finditer, cheaper (read/prefilter.py).
_SINGULAR_FAST = Prefiltered.of(_SINGULAR)
_BODY_FOUND_FAST = Prefiltered.of(_BODY_FOUND)
_BODY_OF_FAST = Prefiltered.of(_BODY_OF)
_PRONOUN_OBJECT_FAST = Prefiltered.of(_PRONOUN_OBJECT)
_THE_OBJECT_FAST = Prefiltered.of(_THE_OBJECT)
_NAME_OBJECT_FAST = Prefiltered.of(_NAME_OBJECT)
_NOMINAL_OF_FAST = Prefiltered.of(_NOMINAL_OF)


def _overlaps(trigger: tuple[int, int], used: set[tuple[int, int]]) -> bool:
    """The outcome word is (part of) one a figure already took: "a 9-year-old was found
    dead" is bound once by its article, whether the rule read "dead" or "found dead"."""
    return any(s < trigger[1] and trigger[0] < e for s, e in used)


# A victim already introduced: a pronoun, a definite or possessive phrase ("the teen",
# "his daughter"), or a bare name. Told again, it joins the incident told before
# (docs/tolls.md, "The same victim told again").
_ANAPHOR = re.compile(
    r"(?:he|she|him|her|the|this|that|his|its|their)\b"
    r"|(?!(?:an?|one|another|other|also|police|officers?)\b)[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$"
)


# Verbs that kill only with "the lives of": "took her to a hospital", "cost him his job".
_NOT_A_KILLING = re.compile(r"(?:claim|cost|t(?:ook|aking|akes))\w*$", re.IGNORECASE)
# "he could have died", "asked if anyone had been killed": nobody died.
_UNREAL = re.compile(
    r"\b(?:could(?:'ve|\s+have)?|would(?:'ve|\s+have)?|might(?:'ve|\s+have)?|may\s+have"
    r"|almost|nearly|if\s+anyone|whether|feared\s+(?:he|she)\s+(?:would|might))\s+"
    r"(?:\w+ly\s+)?(?:(?:had|have|has)\s+)?(?:been\s+)?$",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:also|too|as\s+well|second|other)\b", re.IGNORECASE)


def _anaphor_flag(text: str, span: tuple[int, int] | None) -> set[str]:
    """{"anaphoric"} when the victim phrase points back to someone named before."""
    if span is None:
        return set()
    phrase = text[span[0] : span[1]]
    if PERPETRATOR_NOUN.search(phrase):
        return {"perpetrator"}  # "the gunman was shot by police": not the victim again
    if not is_person(text, span):
        return {"anaphoric"}  # "shot in the abdomen and was pronounced dead": subject elided
    if re.search(r"\b(?:his|her|their)\s+$", text[max(0, span[0] - 8) : span[0]], re.I) or (
            re.match(r"(?:his|her|their)\s", phrase, re.I)):
        return {"anaphoric"}  # "his daughter's death", told after "killed his daughter"
    if re.match(r"(?:one|another|other|second|third)\b", phrase, re.I):
        return set()
    definite = re.search(r"\b(?:the|this|that)\s+$", text[max(0, span[0] - 8) : span[0]], re.I)
    if definite or re.match(r"(?:the|this|that)\s", phrase, re.I):
        # "the teen", "the victim": the person the report is about; "the mayor" may be new
        return {"anaphoric"} if _TOLD_BEFORE.search(phrase) else set()
    first = phrase.split(" ", 1)[0]
    if first.lower() in ("he", "she", "him", "her"):
        return {"anaphoric"}
    if _ANAPHOR.match(phrase) and first.lower() not in _POINTING and not first.isupper():
        return {"anaphoric"}
    return set()


_TOLD_BEFORE = re.compile(
    r"\b(?:victim|man|woman|boy|girl|teen|teenager|child|toddler|baby|infant|youth"
    r"|juvenile|student|person|\d+-year-old|\d+-year|old)$",
    re.IGNORECASE,
)


_POINTING = frozenset({"he", "she", "him", "her", "the", "this", "that", "his", "its", "their"})


def zeros(text: str) -> list[Binding]:
    """"no casualties", "no one was hurt", "without casualties": toll 0."""
    found: list[Binding] = []
    for match in _ZERO.finditer(text):
        outcomes = _zero_outcomes(match)
        if not outcomes:
            continue
        for outcome in outcomes:
            found.append(Binding(outcome, 0, 0, 0, match.start(), match.end(),
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


# "A man who walked into a shop and shot two employees to death was killed minutes later":
# the subject of the death is the head of a relative clause that tells of his own killing.
_KILLER_SUBJECT = re.compile(
    r"\b(?P<head>(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:man|woman|gunman|shooter|suspect"
    r"|attacker|assailant|teen|teenager|person|driver|husband|wife|father|boyfriend|son"
    r"|employee|customer|student|neighbou?r))\s*,?\s+who\s+(?!(?:was|were|had\s+been|has"
    r"\s+been|is|had\s+survived)\b)(?P<rel>[^.;]{0,250}?)\s*,?\s+(?:was|had\s+been|has\s+been)"
    r"\s+(?:(?:later|then|\w+ly)\s+)?$",
    re.IGNORECASE,
)
_KILLING_VERB = re.compile(
    r"\b(?:killed|shot|stabbed|murdered|opened\s+fire|gunned\s+down)\b", re.IGNORECASE
)


def _killer_subject(text: str, at: int) -> tuple[int, int] | None:
    """The span of a subject that killed before he died ("the man who shot his wife was
    found dead"): his own death, not another victim's. None for anyone else."""
    if " who " not in text[:at]:
        return None
    match = _KILLER_SUBJECT.search(text, max(0, at - 330), at)
    if match is None or match.end() != at or not _KILLING_VERB.search(match.group("rel")):
        return None
    return match.start("head"), match.end("head")


def singulars(text: str, bound: list[Binding], used: set[tuple[int, int]]) -> list[Binding]:
    """"the mayor was assassinated", "he later died", "killing him": one victim."""
    found: list[Binding] = []
    for match in _SINGULAR_FAST.finditer(text):
        group = next(g for g in ("out", "died", "died2", "survive") if match.group(g))
        trigger = (match.start(group), match.end(group))
        if _overlaps(trigger, used) or not free(bound + found, match.start(), match.end()):
            continue
        outcome = outcome_of(match.group(group))
        if outcome is None or outcome == "missing":
            continue
        if _UNREAL.search(text[max(0, trigger[0] - 40) : trigger[0]]):
            continue
        killer = _killer_subject(text, trigger[0]) if not match.group("pron") else None
        subject = (
            (match.start("pron"), match.end("pron"))
            if match.group("pron")
            else killer or subject_before(text, match.start())
        )
        if subject is None or negated_subject(text, subject) or is_time(text, subject):
            continue
        if group == "survive" and not _one_person(text, subject):
            continue  # "the house did not survive the fire", "both did not survive"
        if group == "died2" and (plural(text, subject) or re.search(
                r"\b(?:all|both)\s+$", text[: match.start(group)], re.I)):
            continue  # "..., and Avery, 2, all died": a list, not one victim
        victim = subject
        flags = {"passive", "singular"} | _anaphor_flag(text, victim)
        if killer is not None:
            flags = {"passive", "singular", "perpetrator"}
        if match.group(0)[:4].lower() == "also" and "perpetrator" not in flags:
            continue  # "Shakur Franklin also died": maybe counted before; "the bomber also died"
        if _ALSO.search(text[: match.start(group)]):
            flags.discard("anaphoric")  # "the toddler also ... later died": a second victim
        if re.match(r"one\s+of\b", text[victim[0] : victim[1]], re.I):
            flags.add("partitive")
        found.append(Binding(outcome, 1, 1, 1, trigger[0], trigger[1], victim=victim,
                              trigger=trigger, flags=flags))
    found.extend(_headline_singular(text, bound + found))
    found.extend(_singular_objects(text, bound + found))
    for match in [*_BODY_FOUND_FAST.finditer(text), *_BODY_OF_FAST.finditer(text)]:
        trigger = (match.start("noun"), match.end("noun"))
        if not free(bound + found, *trigger) or any(
                b.outcome == "killed" for b in bound + found):
            continue  # "a man was killed and his body was found": the same man
        owner = subject_before(text, match.end("noun"))
        flags = {"singular", "nominal"}
        if re.search(r"\b(?:his|her|their|the)\s+$", text[: match.start("noun")], re.I):
            flags.add("anaphoric")  # "his body": someone named before, maybe already counted
        found.append(Binding("killed", 1, 1, 1, trigger[0], trigger[1], victim=owner,
                              trigger=trigger, flags=flags))
    for match in _PRONOUN_OBJECT_FAST.finditer(text):
        span = (match.start("pron"), match.end("pron"))
        if not free(bound + found, *span) or _NOT_A_KILLING.match(match.group("verb")):
            continue  # "her mother took her to a hospital"
        value = 2 if match.group("pron").lower().startswith("both") else 1
        if re.match(r"\s+and\s+(?:his|her|their|a|an|the)\s+(?!unborn\b)[\w'’-]+", text[span[1] :],
                    re.I):
            value += 1  # "killing him and his brother"
        flags = {"active", "singular"} | ({"anaphoric"} if value == 1 else set())
        found.append(Binding(outcome_of(match.group("verb")) or "killed", value, value, value,
                              span[0], span[1], victim=span,
                              trigger=(match.start("verb"), match.end("verb")),
                              flags=flags))
    return found


def _one_person(text: str, span: tuple[int, int]) -> bool:
    """"he", "the victim", "Ana Ruiz": one person by the head word or a name, never "the
    old barn" (whose "old" a person phrase may end with) nor "both brothers"."""
    phrase = text[span[0] : span[1]]
    if re.fullmatch(r"he|she", phrase, re.IGNORECASE):
        return True
    if plural(text, span):
        return False
    words = phrase.split()
    if not words:
        return False
    head = words[-1].lower()
    if PERSON.fullmatch(head) and head != "old":
        return True
    return not text.isupper() and all(w[:1].isupper() for w in words) and (
        words[0].lower() not in ("the", "a", "an", "this", "that"))


_AND_COUNTED = re.compile(
    rf"\s+and\s+(?:(?:his|her|their)\s+)?(?:{NUMBER})\b", re.IGNORECASE
)


def _singular_objects(text: str, bound: list[Binding]) -> list[Binding]:
    """"killed the mayor" and "the murder of General X": one victim."""
    found: list[Binding] = []
    upper = text.isupper()
    for match in _THE_OBJECT_FAST.finditer(text):
        end = match.end("np")
        # "the village chief and his two sons": the first conjunct is the one victim; the
        # list rule counts the figure after it
        joined = _AND_COUNTED.search(text, match.start("np"), end + 30)
        if joined is not None and joined.start() < end:
            end = joined.start()
        victim = strip_np(text, match.start("np"), end)
        if (victim is None or plural(text, victim) or not is_person(text, victim)
                or not free(bound + found, *victim) or _NOT_A_KILLING.match(match.group("verb"))):
            continue  # "paramedics took the man to a hospital"
        found.append(Binding(outcome_of(match.group("verb")) or "killed", 1, 1, 1, victim[0],
                              victim[1], victim=victim,
                              trigger=(match.start("verb"), match.end("verb")),
                              flags={"active", "singular"} | _anaphor_flag(text, victim)))
    if not upper:
        found.extend(_name_objects(text, bound + found))
    for match in _NOMINAL_OF_FAST.finditer(text):
        group = "np" if match.group("np") else "poss"
        victim = strip_np(text, match.start(group), match.end(group))
        if victim is None or plural(text, victim) or not free(bound + found, *victim):
            continue
        if not (upper or is_person(text, victim)) or is_time(text, victim):
            continue
        if re.match(r"(?:an?|the\s+\w+\s+of)\b", text[victim[0] : victim[1]], re.I) and not (
                is_person(text, victim)):
            continue
        noun = match.group("noun") or match.group("noun2")
        found.append(Binding("killed", 1, 1, 1, victim[0], victim[1], victim=victim,
                              trigger=(match.start(), match.start() + len(noun)),
                              flags={"nominal", "singular"} | _anaphor_flag(text, victim)))
    return found


def _name_objects(text: str, bound: list[Binding]) -> list[Binding]:
    """"killed Markeyo Carr", "killing 17-year-old Ana Ruiz": one named victim."""
    found: list[Binding] = []
    for match in _NAME_OBJECT_FAST.finditer(text):
        victim = (match.start("np"), match.end("np"))
        if not free(bound + found, *victim) or _title_case(text):
            continue
        verb = match.group("verb")
        if _NOT_A_KILLING.match(verb) or re.match(r"slay|lynch|behead", verb, re.I):
            continue  # "the Kareem Mano slaying Pause": a noun and a video caption
        if " " not in text[victim[0] : victim[1]].strip():
            continue  # one capitalised word is too weak a name
        value, flags = 1, {"active", "singular", "named", "anaphoric"}
        if _AND_KIN.match(text, victim[1]):
            value, flags = 2, {"active", "names"}  # "killed Ana Ruiz and her son, Leo"
        found.append(Binding(outcome_of(verb) or "killed", value, value, value, victim[0],
                             victim[1], victim=victim,
                             trigger=(match.start("verb"), match.end("verb")), flags=flags))
    return found


_AND_KIN = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:son|daughter|wife|husband|girlfriend|boyfriend|mother|father|brother|sister|child"
    r"|baby|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?|partner|nephew|niece"
    r"|cousin|friend|uncle|aunt)\b",
    re.IGNORECASE,
)


def _title_case(text: str) -> bool:
    """A headline in title case ("Gunman Kills Store Clerk"): capitals say nothing."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def plurals(text: str, bound: list[Binding], used: set[tuple[int, int]],
             upper: bool) -> list[Binding]:
    """"Ali and Omar were killed" (2), "civilians were killed" (unknown, at least 1)."""
    found: list[Binding] = []
    for match in _PLURAL.finditer(text):
        trigger = (match.start("out"), match.end("out"))
        if _overlaps(trigger, used) or not free(bound + found, match.start(), match.end()):
            continue
        outcome = outcome_of(match.group("out"))
        aged = None if upper else _aged_names(text, match.start())
        if outcome is not None and aged is not None:
            first, last, named = aged
            found.append(Binding(outcome, named, named, named, first, last,
                                  victim=(first, last), trigger=trigger,
                                  flags={"passive", "names"}))
            continue
        victim = subject_before(text, match.start())
        if outcome is None or victim is None or negated_subject(text, victim):
            continue
        phrase = text[victim[0] : victim[1]]
        count = None if upper else name_count(phrase)
        if count is not None:
            found.append(Binding(outcome, count, count, count, victim[0], victim[1],
                                  victim=victim, trigger=trigger, flags={"passive", "names"}))
        elif is_person(text, victim) or re.fullmatch(r"they", phrase, re.I):
            found.append(Binding(outcome, 1, None, None, trigger[0], trigger[1], victim=victim,
                                  trigger=trigger, flags={"passive", "vague", "unquantified"}))
    return found


_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
# "Ana Ruiz, 16, and Omar Diaz, 17, were killed" (local news often drops the commas
# after the ages: "Ana Ruiz, 16 and Omar Diaz, 17 were killed"); "Ana Ruiz and Omar
# Diaz, both 16, died"
_AGED_NAMES = re.compile(
    rf"(?:(?P<aged>{_NAME},\s*\d{{1,3}}(?:,\s*|\s+)"
    rf"(?:(?:and\s+)?{_NAME},\s*\d{{1,3}}(?:,\s*|\s+))+)"
    rf"|(?P<both>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME},\s*(?:both|all)\s+"
    r"\d{1,3}(?:\s+and\s+\d{1,3})?,\s*))$"
)


def _aged_names(text: str, end: int) -> tuple[int, int, int] | None:
    """People named with their ages just before `end`, and how many: (start, end, count)."""
    match = _AGED_NAMES.search(text, max(0, end - 160), end)
    if match is None:
        return None
    names = re.findall(_NAME, re.sub(r"\b(?:and|both|all)\b", ",", match.group(0)))
    return match.start(), match.end(), len(names)


# "2 people shot, 1 fatally", "four were shot, one of them fatally": killed and wounded.
_SHOT_FATALLY = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:(?:people|persons|men|women|teens|others)\s+)?"
    r"(?:(?:have|had)\s+been\s+|were\s+)?shot\s*,\s*"
    rf"(?P<m>{NUMBER})\s+(?:of\s+them\s+)?(?:fatally|mortally)\b",
    re.IGNORECASE,
)
# "crews pronounced the victim dead", "the coroner pronounced Ana Ruiz, 18, dead"; the
# finding of one: "officers found 20-year-old Leo Diaz shot to death"
_PRONOUNCED = re.compile(
    r"\b(?:pronounced|found)\s+(?P<np>(?:the|a|an|his|her)?\s*[\w'’.-]+(?:\s*,?\s+[\w'’.-]+){0,5}?)"
    r"\s*,?\s+(?:dead|deceased|shot\s+(?:to\s+death|dead)|stabbed\s+to\s+death)\b",
    re.IGNORECASE,
)
# "a double homicide", "triple fatal shooting": the count in the word
_MULTIPLE = re.compile(
    r"\b(?P<m>double|triple|quadruple)\s+(?:fatal\s+shooting|homicide|murder|slaying|killing)s?"
    r"\b(?![\w-]*suicide)",
    re.IGNORECASE,
)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4}


def counted_forms(text: str, bound: list[Binding]) -> list[Binding]:
    """Local-news forms whose count is not a figure bound to an outcome word."""
    found: list[Binding] = []
    for match in _SHOT_FATALLY.finditer(text):
        shot, dead = parse_number(match.group("n")), parse_number(match.group("m"))
        span = (match.start(), match.end())
        if shot is None or dead is None or dead > shot or not free(bound + found, *span):
            continue
        m_span = (match.start("m"), match.end("m"))
        found.append(Binding("killed", dead, dead, dead, *m_span, trigger=span,
                             flags={"passive"}))
        if shot > dead:
            hurt = shot - dead
            found.append(Binding("wounded", hurt, hurt, hurt, match.start("n"), match.end("n"),
                                 trigger=span, flags={"passive", "less_fatal"}))
    for match in _PRONOUNCED.finditer(text):
        victim = (match.start("np"), match.end("np"))
        if not free(bound + found, *victim) or not is_person(text, victim) or plural(
                text, victim):
            continue
        found.append(Binding("killed", 1, 1, 1, *victim, victim=victim,
                             trigger=(match.start(), match.end()),
                             flags={"active", "singular"} | _anaphor_flag(text, victim)))
    if not any(b.outcome == "killed" for b in bound + found):
        for match in _MULTIPLE.finditer(text):
            value = _TIMES[match.group("m").lower()]
            span = (match.start(), match.end())
            if free(bound + found, *span):
                found.append(Binding("killed", value, value, value, *span, trigger=span,
                                     flags={"nominal"}))
    return found
