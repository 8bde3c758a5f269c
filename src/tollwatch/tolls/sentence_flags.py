"""Sentence-wide flags of the casualty figures: what the whole sentence says of them.

`_sentence_flags(text, bound)` marks every figure of a sentence with the cues the
sentence holds: a total ("in total", "in two days"), a running count ("since the war
began"), a risen toll ("the toll rose to 40"), a party's claim, a verbless tally
("2 fatalities, 1 injured."), a figure that is what a protest is about, a tally split
across events; the deadliest of several attacks ("l'attaque la plus meurtrière");
and a partitive figure ("two of them", "one of the dead") as a part of
a toll told before. The words of the other languages come from tolls/lang/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import SentenceCues
from .lang import TOLL_WORDS, en
from .numbers import NUMBER
from .phrases import Binding

# The sentence cues of the other languages (update, claim, aggregate, cumulative).
_CUES = SentenceCues.compile(w for w in TOLL_WORDS.values() if w.code != "en")


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
    r"|history|struggle)|during\s+(?:the\s+)?(?:\w+\s+){0,2}years\s+of"
    # "devastated by more than two years of an Israeli onslaught that killed over 72,000"
    r"|(?:\w+|\d+)\s+years\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:war|conflict|fighting"
    r"|violence|onslaught|offensive|bombardment|siege|insurgency)"
    # "four soldiers have been killed ... over the same period" (a period told before)
    r"|(?:over|in|during|for)\s+the\s+same\s+period"
    r"|since\s+the\s+(?:truce|ceasefire|cease-fire|armistice)\b(?!\s+(?:collapsed|ended|broke))"
    r")\b",
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
    r"|rose\s+to|risen\s+to|climbed\s+to"
    # "the toll was later revised to 43", "the toll has since been raised to 81"
    r"|toll\s+(?:was|has\s+been|had\s+been)\s+(?:later\s+|since\s+|then\s+)?(?:revised"
    r"|raised|updated)\s+(?:up(?:ward)?s?\s+)?to)\b",
    re.IGNORECASE,
)
# The figure is what a protest, a demand or a reprisal is about, not this report's event.


_BACKGROUND = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march\w*|gather\w*|sit-in)\b[^.;]{0,60}?"
    r"\b(?:against|over|to\s+(?:denounce|condemn|demand|protest)|denouncing|condemning"
    r"|demanding)\b|\bjustice\s+for\b|\bin\s+(?:reprisal|retaliation|revenge)\s+for\b"
    r"|(?P<anywhere>\b(?:coded|reported|recorded)\s+(?:separately|as\s+an?\s+(?:separate|other"
    r"|different)\s+event)"
    # how the war itself began, told as context: "The war began when Hamas-led militants
    # attacked southern Israel, killing about 1,200 people"
    r"|^\W*(?:the|this|that)\s+(?:(?:civil|current|latest)\s+)?(?:war|conflict|insurgency"
    r"|uprising)\s+(?:began|started|erupted|broke\s+out|was\s+(?:triggered|sparked))"
    r"\s+(?:when|after|with)\b)",
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
    r"|\bsaid\s+(?:it|they)\s+(?:had\s+)?(?:killed|kill)"
    # a party's own men or its army told by its speaker: "a Fano commander said his
    # fighters had killed 30 soldiers", "the ministry said the army had \"neutralised\" ..."
    r"|\bsaid(?:\s+on\s+\w+day)?\s+(?:that\s+)?(?:(?:its|his|their)\s+(?:own\s+)?(?:fighters|troops|forces|men"
    r"|units|militants|combatants)|the\s+(?:army|military|armed\s+forces))\s+(?:had\s+|have\s+"
    r"|has\s+)?[\"“]?(?:killed|neutrali[sz]ed|eliminated)\b"
    rf"|{en.FORCES_PAST_CLAIM}",
    re.IGNORECASE,
)

# "claimed responsibility for the attack, in which four of their gunmen were also
# killed": the group claims the deed; the deaths of the aside after it are the report's.
_RESPONSIBILITY_ASIDE = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+responsibility\b[^.;]{0,80}?,\s+(?:in\s+which|during\s+which"
    r"|which\s+(?:killed|left))\b",
    re.IGNORECASE,
)


def _english_claim_end(text: str) -> int | None:
    """Where the figures of an English claim end: None when the sentence holds no claim,
    the end of a responsibility claim's aside when that claim is its only one (the
    figures after it are no part of the claim), else the sentence's length."""
    claims = list(_CLAIM.finditer(text))
    if not claims:
        return None
    aside = _RESPONSIBILITY_ASIDE.search(text)
    if aside is not None and all(aside.start() <= m.start() < aside.end() for m in claims):
        return aside.end()
    return len(text)


_OTHER_COUNT = re.compile(en.OTHER_COUNT, re.IGNORECASE)


# "one of the dead", "two of those killed": a part of a toll told before.
_OF_THE_DEAD = re.compile(
    r"\s+of\s+(?:the\s+|those\s+)?(?:dead|deceased|slain|killed|fatalities"
    r"|(?:people|victims|persons)\s+(?:killed|who\s+died))\b",
    re.IGNORECASE,
)


def _claimed_by_cue(
    text: str, binding: Binding, claim_at: int | None, conceded_at: int | None = None,
    others: Sequence[Binding] = (),
) -> bool:
    """A figure after the start of a language's claim words, or inside their clause
    ("cinq assaillants ont été neutralisés"): not one told before them across a clause
    break ("dix soldats tués près de Tillia, l'armée dit avoir neutralisé ..."), nor one
    with another of the sentence's figures (`others`) between it and the claim words
    (the claim's own figure: "cinq soldats tués et 12 terroristes neutralisés"), nor one
    the other party concedes after a clause break ("FLEC diz ter matado 12 militares,
    FAA reconhecem duas mortes": its own dead, not the claim)."""
    if claim_at is None:
        return False
    if (conceded_at is not None and claim_at < conceded_at < binding.start
            and _CLAUSE_BREAK.search(text, claim_at, conceded_at)):
        return False
    if binding.end > claim_at:
        return True
    if any(binding.end <= other.start < claim_at for other in others):
        return False  # "Cinq soldats ont été tués et 12 terroristes neutralisés"
    return not (_CLAUSE_BREAK.search(text, binding.end, claim_at)
                or _JOINED_CLAUSE.search(text, binding.end, min(claim_at + 1, len(text))))


_CLAUSE_BREAK = re.compile(r"[,;:.!?،؛؟]")
# Arabic joins its clauses with a "و" written onto the next word: in "استشهاد ضابط و3
# جنود والقضاء على 18 تكفيريا" the own dead before "والقضاء على" are no part of the
# claim after it (an Arabic claim names its figure after its verb, never before).
_JOINED_CLAUSE = re.compile(r"(?<!\S)و")


# "five more victims", "another three bodies": deaths added to a count told before.
_MORE_AFTER = re.compile(r"\s*(?:more|other|additional|further)\b", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"\b(?:another|further|additional)\s+$", re.IGNORECASE)


def _more_inside_the_update(text: str, bound: list[Binding]) -> None:
    """Flag "rise" a smaller killed figure told as more deaths after a risen toll in the
    same sentence ("The toll was later revised to 43 ..., who said the bodies of five
    more victims had been found"): they are what raised it, already inside the 43."""
    new = next((b for b in bound if "update" in b.flags and b.outcome == "killed"), None)
    if new is None:
        return
    for b in bound:
        if (b is not new and b.outcome == "killed" and b.start > new.end
                and (b.best or 0) < (new.best or 0)
                and (_MORE_AFTER.match(text, b.end)
                     or _MORE_BEFORE.search(text, max(0, b.start - 12), b.start))):
            b.flags.add("rise")


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
    conceded_at = _CUES.first(text, "concession") if "concession" in worded else None
    contrast_at = _CUES.first(text, "contrast") if "contrast" in worded else None
    no_claim = _NO_CLAIM.search(text) is not None
    claim_end = _english_claim_end(text)
    other_count = _OTHER_COUNT.search(text) if len(bound) > 1 else None
    if other_count is not None and not any(b.end <= other_count.start() for b in bound):
        other_count = None  # another source's count only after a figure of the sentence
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
        if not no_claim and (
            (claim_end is not None and binding.start < claim_end)
            or _claimed_by_cue(text, binding, claim_at, conceded_at, bound)
        ) and not ("own_ranks" in worded and binding.outcome == "killed"
                   and _CUES.follows(text, "own_ranks", binding.end)):
            # "l'armée annonce deux morts dans ses rangs et revendique douze ...": its
            # own dead are no part of its claim
            binding.flags.add("claim_cue")
        if ("enemy_label" in worded and binding.outcome == "killed" and binding.victim
                and _CUES.inside(text, "enemy_label", binding.victim)):
            binding.flags.add("claim_cue")  # "28 terroristes tués dans une riposte des FDS"
        if background and (background.group("anywhere") or background.start() < binding.start):
            binding.flags.add("background")
        if "background" in worded:  # "survient trois semaines après celle de Fambita"
            binding.flags.add("background")
        if "other_source" in worded and binding.outcome == "killed":
            binding.flags.add("other_source")  # "a pour sa part fait état de 31 morts"
        if (other_count is not None and binding.outcome == "killed"
                and binding.start >= other_count.end()):
            binding.flags.add("other_source")  # ", while a spokesman said eight had died"
        if "part_cue" in worded and binding.outcome == "killed":
            binding.flags.add("part_cue")  # "l'attaque la plus meurtrière ... vingt tués"
        if "shootout" in worded and binding.outcome == "killed":
            binding.flags.add("shootout")  # "quatro suspeitos mortos em confronto"
        if contrast_at is not None and binding.outcome == "killed" and binding.start > contrast_at:
            binding.flags.add("contrast")  # "mas organizações ... falam em nove mortos"
        if ("of_the_dead" in worded and binding.outcome == "killed"
                and _CUES.follows(text, "of_the_dead", binding.end, within=2)):
            binding.flags.update({"part", "of_the_dead"})  # "Parentes de dois dos mortos"
        if ("next_one" in worded and binding.outcome == "killed" and (binding.best or 0) > 1
                and _CUES.follows(text, "next_one", binding.end, within=60)):
            # "Três vítimas morreram no local e a quarta ... não resistiu": three of four
            binding.flags.update({"part", "of_the_dead"})
        if "provisional" in worded and binding.outcome == "killed":
            binding.flags.add("provisional")  # "un bilan provisoire de douze morts"
        if split and "summary" in binding.flags:
            binding.flags.add("split")
        if summary:
            binding.flags.update({"summary", "aggregate_cue"})
        if "update" not in binding.flags and update and "toll_noun" in binding.flags:
            binding.flags.add("update")
        if "update" in binding.flags and brings:
            binding.flags.add("aggregate_cue")
    _more_inside_the_update(text, bound)
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
