"""The perpetrators' own dead: "then took his own life", "killed himself", "the gunman
was shot dead by police", "the bomber blew himself up".

GVA and most monitors count the shooter who died, but as a death apart from the
victims': the grammar flags these figures `perpetrator` and the incident builder
keeps them as a separate incident with `perpetrator_dead` (docs/tolls.md,
"Perpetrators' own dead").
"""

from __future__ import annotations

import re

from .phrases import Binding, free, plural

_REFLEXIVE = r"(?:himself|herself|themselves)"
_SELF = re.compile(
    r"\b(?:t(?:ook|aking|akes|ake)|taken)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    rf"|\b(?:killed|killing|kills|kill|fatally\s+sho(?:t|oting)|shot\s+and\s+killed"
    rf"|shooting\s+and\s+killing)\s+{_REFLEXIVE}"
    rf"|\bturn(?:ed|ing|s)?\s+(?:the|his|her|their)\s+(?:own\s+)?(?:gun|weapon|rifle|pistol|"
    rf"handgun|shotgun|firearm)s?\s+on"
    rf"\s+{_REFLEXIVE}"
    r"|\b(?:died|dead)\s+(?:of|from|with)\s+(?:an?\s+)?(?:apparent\s+)?self-inflicted"
    r"|\bcommitted\s+suicide\b|\bdied\s+by\s+suicide\b"
    rf"|\b(?:blew|blowing|blown|blows|blow)\s+{_REFLEXIVE}\s+up\b",
    re.IGNORECASE,
)

# A victim phrase naming the attacker: "the gunman was shot dead by police".
PERPETRATOR_NOUN = re.compile(
    r"\b(?:suspect|gunman|gunmen|shooter|attacker|assailant|robber|intruder|bomber"
    r"|perpetrator|hijacker|killer|carjacker|burglar|sniper)s?\b",
    re.IGNORECASE,
)


# A child who shot himself is the victim of an accident, not a perpetrator.
_CHILD_BEFORE = re.compile(
    r"\b(?:(?:[0-9]|1[0-3])-(?:year|month)|child|toddler|boy|girl|baby|infant|son|daughter"
    r"|kid)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


_INTENT = re.compile(
    r"\b(?:threat\w*|tr(?:y|ied|ying)|attempt\w*|want\w*|planned|plann\w*|vow\w*|would"
    r"|could|might|about)\s+(?:to\s+)?$",
    re.IGNORECASE,
)


# The attacker shot by those who stopped him: "killing two co-workers before officers shot
# him dead" (a pronoun object right after the forces; "gunmen shot him dead" is a victim).
_SHOT_BY_FORCES = re.compile(
    r"\b(?:police|officers|policemen|deput(?:y|ies)|troopers|agents|(?:security\s+)?guards?"
    r"|soldiers|troops)\s+(?:then\s+|later\s+|eventually\s+|fatally\s+)?(?:shot|gunned)\s+"
    r"(?:him|her)\s+(?:dead|down)\b",
    re.IGNORECASE,
)
# The attacker counted inside the figure: "killing six people including himself".
_INSIDE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom)\s+(?:himself|herself|the\s+(?:suicide\s+)?"
    r"(?:bomber|attacker|gunman|assailant|shooter))\b",
    re.IGNORECASE,
)


def own_deaths(
    text: str, bound: list[Binding], used: set[tuple[int, int]] | None = None
) -> list[Binding]:
    """One death per perpetrator who took their own life (best None for "themselves"),
    or whom the forces shot dead after the attack."""
    found: list[Binding] = []
    if _INSIDE.search(text):
        return found  # "killing six people including himself": he is among the six
    for match in _SHOT_BY_FORCES.finditer(text):
        before = text[: match.start()]
        if bound and free(bound + found, match.start(), match.end()) and re.search(
                r"\b(?:before|then|until|when)\s*$|,\s*(?:and\s+)?$", before):
            found.append(Binding("killed", 1, 1, 1, match.start(), match.end(),
                                 trigger=(match.start(), match.end()),
                                 flags={"perpetrator", "singular"}))
    for match in _SELF.finditer(text):
        if not free(bound + found, match.start(), match.end()) or any(
                s < match.end() and match.start() < e for s, e in used or ()):
            continue  # "a boy, 3, fatally shot himself": the subject's figure counts him
        if _INTENT.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "threatening to take his own life"
        plural = re.search(r"\b(?:themselves|their)\b", match.group(), re.I) is not None
        best = None if plural else 1
        flags = {"perpetrator", "singular"} | ({"vague", "unquantified"} if plural else set())
        child = _CHILD_BEFORE.search(text[max(0, match.start() - 80) : match.start()])
        if child and not re.search(r"\b(?:then|before)\b", child.group(), re.I):
            flags = {"singular", "anaphoric"}  # not "shot a woman and girl then killed himself"
        found.append(Binding("killed", 1, best, best, match.start(), match.end(),
                             trigger=(match.start(), match.end()), flags=flags))
    return found


# "killed his 4-year-old son and then himself", "kills 5-year-old son, self", "shot his
# girlfriend and then himself in a murder-suicide": one victim, then the killer.
_VICTIM_THEN_SELF = re.compile(
    r"\b(?P<verb>killed|killing|kills|kill|fatally\s+sho(?:t|ots|oting)|shot|shoots|shooting)"
    r"\s+(?P<obj>(?:(?:his|her|their|a|an|the)\s+)?(?:(?!(?:before|after|and|then|while|when"
    r"|by|to|with|in|at|on|as)\b)(?![\w'’-]*ing\b)[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"\s*,?\s+(?:and\s+)?(?:then\s+)?(?P<self>himself|herself|self)\b",
    re.IGNORECASE,
)
_DEATH_WORD = re.compile(r"murder[\s-]+suicide|kill|dead|died|fatal", re.IGNORECASE)


def victim_then_self(text: str, bound: list[Binding]) -> list[Binding]:
    """A killer's victim and own death told in one verb phrase: killed 1 (the victim,
    when no figure counts them yet) and the perpetrator's own death."""
    found: list[Binding] = []
    if _INSIDE.search(text):
        return found  # "killing six people including himself": he is among the six
    for match in _VICTIM_THEN_SELF.finditer(text):
        verb = match.group("verb").lower()
        if verb.startswith(("shot", "shoot")) and not _DEATH_WORD.search(
                text[: match.start()] + " " + text[match.end() :]):
            continue  # "shot his wife and then himself" with no word of death: maybe wounded
        obj = (match.start("obj"), match.end("obj"))
        if re.match(r"of\b", match.group("obj"), re.I):
            continue  # "suspect in the shooting of a teen turns himself in": a noun, no object
        me = (match.start("self"), match.end("self"))
        if free(bound + found, *obj) and not plural(text, obj) and not re.search(
                r"\d+\s+(?!-)", text[obj[0] : obj[1]]):
            found.append(Binding("killed", 1, 1, 1, obj[0], obj[1], victim=obj,
                                 trigger=(match.start("verb"), match.end("verb")),
                                 flags={"active", "singular"}))
        if free(bound + found, *me):
            found.append(Binding("killed", 1, 1, 1, me[0], me[1], trigger=me,
                                 flags={"perpetrator", "singular"}))
    return found
