"""Counts of the dead that the figure rules leave unread, and the attackers' own dead.

Run by `find.sentence_tolls` after the binding rules: captives killed ("seized four
engineers ... killed their captives"), "the bodies of the four men", "three aid workers
were among those killed", a count in apposition ("the bombers, three women, also
died"); and the `perpetrator` flag on a figure whose victims are the attackers
("all six attackers were killed", "killed four of them").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import ACTIVE
from .numbers import Quantity
from .phrases import Binding, free

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
# "the body of one of the attackers was later found": one of a group named after it.
_BODY_OF = re.compile(r"\bbody\s+of\s+$", re.IGNORECASE)
_OF_THE_GROUP = re.compile(r"\s+of\s+(?:the|their|its)\s+(?P<group>[\w'’-]+)", re.IGNORECASE)


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
    found = _dead_where(quantities, bound, {"bodies"},
                        lambda q: _BODIES_OF.search(text, max(0, q.start - 30), q.start))
    one = _dead_where(quantities, bound + found, {"bodies", "perpetrator"},
                      lambda q: _body_of_an_attacker(text, q))
    return found + one


def _body_of_an_attacker(text: str, quantity: Quantity) -> bool:
    """ "the body of one of the attackers was later found": the attackers' own dead (one
    of a victims' group is already in their toll, so only the attackers are read)."""
    if quantity.best != 1 or _BODY_OF.search(text, max(0, quantity.start - 12),
                                             quantity.start) is None:
        return False
    group = _OF_THE_GROUP.match(text, quantity.end)
    return group is not None and _ATTACKER_GROUP.fullmatch(group.group("group")) is not None


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
    r"|worshippers|students|workers|passengers|victims|travell?ers|commuters|pilgrims"
    r"|hostages|captives|farmers|herders|traders|miners|guards|guests|customers|patients"
    r"|mourners|protesters|demonstrators|shoppers|detainees|prisoners)\b",
    re.IGNORECASE,
)
# The sentence's subject: "Gunmen stopped a bus ... and shot dead seven of them" (the
# killers are not "them").
_SUBJECT_START = re.compile(r"^\W*(?:[A-Z][A-Z .'-]*:\s*)?(?:(?:the|suspected|armed|unidentified"
                            r"|unknown|masked|a\s+group\s+of)\s+)*$", re.IGNORECASE)
_ATTACKER_GROUP = re.compile(
    r"gunm[ae]n|attackers|assailants|bombers|shooters|hijackers|perpetrators|militants"
    r"|insurgents|rebels|fighters|jihadists|raiders|bandits|terrorists",
    re.IGNORECASE,
)

# The attacking group's own men after a partitive ("three of its fighters", "four of their
# gunmen"), told as "also" killed beside the victims: the attackers' own dead. Without
# "also" ("five of its fighters were killed in an Islamic State attack") they may be the
# victims.
_OWN_MEN_ALSO = re.compile(
    rf"(?:its|their)\s+(?:own\s+)?(?:{_ATTACKER_GROUP.pattern})", re.IGNORECASE
)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def _attackers_of_them(text: str, binding: Binding) -> bool:
    """ "pursued the attackers and killed four of them": the partitive's group is the
    attackers (the last plural of people before the figure), not a toll told before."""
    if "partitive" not in binding.flags or binding.outcome != "killed":
        return False
    groups = list(_GROUP.finditer(text, 0, binding.start))
    if not groups or _ATTACKER_GROUP.fullmatch(groups[-1].group()) is None:
        return False
    return not (len(groups) == 1 and _SUBJECT_START.match(text[: groups[0].start()]))


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
        if _OWN_MEN_ALSO.fullmatch(victims) and _ALSO.search(
                text, binding.start, min(len(text), binding.start + 60)):
            binding.flags.add("perpetrator")  # "three of its fighters were also killed"
            continue
        if _ATTACKERS.fullmatch(victims) is None and (
            attackers is None or attackers.search(victims) is None
        ):
            continue
        if _AMONG_BEFORE.search(text, max(0, binding.start - 20), binding.start):
            continue
        binding.flags.add("perpetrator")
