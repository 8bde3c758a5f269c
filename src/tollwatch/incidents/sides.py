"""One fight told in one sentence or beside its lead (world news, round seven).

* "Four soldiers and five militants were killed in a shootout, the military said": the
  soldiers' and the militants' dead are two counts of one fight, one incident per
  victim side (the annotation's convention), both counted;
* "the army said four of its soldiers were killed while troops killed nine attackers":
  in a state force's claim sentence, its own dead told in the passive are its report
  of its losses, not a claim; its kills are the claim, a figure of its own.
"""

from __future__ import annotations

import re

from ..actors.sources import CLAIM_RESULT
from ..records import ActorMention, CleanText, SourceMention, TollMention
from .context import Context, actor_side
from .draft import Draft

# The sides of a fight between state forces and an armed group.
_ARMED = frozenset({"rebel", "jihadist", "militant", "militia", "criminal"})


def opposed_sides(previous: TollMention, toll: TollMention, ctx: Context) -> bool:
    """The two figures' victims are state forces and an armed group, in either order."""
    return opposed_victims(ctx.victim_for(previous), ctx.victim_for(toll))


def opposed_victims(first: ActorMention | None, second: ActorMention | None) -> bool:
    """State forces and an armed group: the two sides of a fight, never one count."""
    a, b = _side(first), _side(second)
    return a != b and "government" in (a, b) and (a in _ARMED or b in _ARMED)


def _side(actor: ActorMention | None) -> str | None:
    """The actor's side; "militants", "gunmen" (an unidentified armed group) are armed."""
    side = actor_side(actor)
    if side is None and actor is not None and actor.actor.name.startswith("Unidentified Armed"):
        return "militant"
    return side


def claim_voice_split(previous: TollMention, toll: TollMention,
                      sources: list[SourceMention]) -> bool:
    """In a claim sentence, a passive figure and an active one are two figures: "the
    army said two soldiers were killed and troops killed 14 rebels"."""
    return any(s.rule == CLAIM_RESULT for s in sources) and (
        ("passive" in previous.flags) != ("passive" in toll.flags))


def own_loss(draft: Draft, anchor: TollMention | None, own_sources: list[SourceMention]) -> bool:
    """A state force's own dead, told in the passive in its claim sentence; any side's
    men it "lost" (tolls/find.py `_own_men_lost`), whatever it claims beside them."""
    if anchor is not None and "own_losses" in anchor.flags:
        return True
    claims = [s for s in own_sources if s.rule == CLAIM_RESULT]
    return (anchor is not None and "passive" in anchor.flags and bool(claims)
            and all(s.role == "official" for s in claims)
            and actor_side(draft.victim) == "government")


# "A member of the District Reserve Guard was also killed in the gunfight": "also" on
# the verb of a subject named at length, however far from the figure.
_ALSO_DIED = re.compile(
    r"^[^.;:]{0,120}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+also\s+"
    r"(?:killed|shot\s+dead|slain|martyred)\b|^[^.;:,]{0,120}?\balso\s+(?:died|perished)\b",
    re.IGNORECASE,
)


def also_died(draft: Draft, clean: CleanText) -> bool:
    """ "also" on the verb of death of one more victim, after the figure ("Four officers
    also died", after "five officers were killed", may be their breakdown)."""
    if not draft.killed or draft.best != 1:
        return False
    sentence = clean.sentences[draft.sentence]
    end = draft.killed[-1].span.end
    return _ALSO_DIED.search(clean.text[end : sentence.span.end]) is not None


def clause_apart(previous: Draft, draft: Draft, clean: CleanText) -> bool:
    """ "Glide bombs kill three in Kharkiv; toll from Sumy strike rises to nine": a
    figure before a semicolon of the same sentence is another item, not the one whose
    toll rose."""
    if previous.sentence != draft.sentence or not previous.killed or not draft.killed:
        return False
    start, end = previous.killed[-1].span.end, draft.killed[0].span.start
    return start < end and ";" in clean.text[start:end]


# The two sides of a fight, told by their head nouns even when no actor is named: "three
# soldiers were killed ... four militants were killed" are no two counts of one death toll
# ("fighters" may be of either side: "20 fighters killed in two days of clashes").
_FORCES = re.compile(r"\b(?:soldiers?|troops|servicem[ae]n|policem[ae]n|police|officers?|"
                     r"personnel|jawans?|guards?|sepoys?|volunteers?)\b", re.IGNORECASE)
_FIGHTERS = re.compile(r"\b(?:militants?|rebels?|insurgents?|terrorists?|jihadists?|"
                       r"gunm[ae]n|attackers?|assailants?|bandits?|khwarij|khawarij|"
                       r"kharijis?|maoists?|naxal(?:ite)?s?|guerrillas?)\b", re.IGNORECASE)


def _victim_class(text: str | None) -> str | None:
    if not text:
        return None
    forces, fighters = _FORCES.search(text), _FIGHTERS.search(text)
    if bool(forces) == bool(fighters):
        return None
    return "forces" if forces else "fighters"


def opposed_victim_words(first: str | None, second: str | None) -> bool:
    """Victims named as the forces and as armed men ("three soldiers", "four militants")."""
    a, b = _victim_class(first), _victim_class(second)
    return a is not None and b is not None and a != b


def victim_is_armed(words: str) -> bool:
    """Victims named as armed men ("militants", "khwarij", "Maoists")."""
    return _victim_class(words) == "fighters"
