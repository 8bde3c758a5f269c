"""Combat, terrorism or other violence: so that a user counting terrorist attacks can
leave army-guerrilla battles out.

`violence_kind(event_type, sub_event_type, perpetrator_side, victim_side, words)`
gives, in this order (docs/incidents.md, "Combat and terrorism"):

* **terrorism**: a suicide bombing, a roadside or car bomb (IED), a grenade or bomb
  thrown among people, or the word "terror" near the figure; or an attack on
  civilians by a non-state armed group (jihadists, rebels, militia, unnamed gunmen)
  with a bomb, a massacre or a hostage-taking;
* **combat**: a battle (armed clash, ambush) or remote violence between armed
  parties (air strikes, shelling, drone strikes), and any attack whose victims are
  armed (soldiers, police, militants) by an armed party;
* **other**: the rest (crime, riots and mob violence, repression of protests,
  executions, attacks on civilians without a terrorism sign).

The sides are the incident builder's coarse sides (government, rebel, jihadist,
militant, criminal, civilian, or None when unknown).
"""

from __future__ import annotations

import re

ViolenceKind = str  # "combat" | "terrorism" | "other"

_TERROR_SUBTYPES = frozenset({"suicide_bomb", "ied", "grenade", "remote_explosive"})
_COMBAT_SUBTYPES = frozenset(
    {"armed_clash", "ambush", "air_strike", "shelling", "drone_strike", "territory_change"}
)
_ARMED = frozenset({"government", "rebel", "jihadist", "militant", "militia"})
_NON_STATE = frozenset({"rebel", "jihadist", "militant", "militia"})
_TERROR_WORDS = re.compile(
    r"\b(?:terror\w*|suicide\s+\w+|car\s+bomb\w*|massacre\w*|hostages?|beheaded|"
    r"mass\s+shooting|bombing|bomb\s+(?:blast|attack|explosion))\b"
)  # lower-case text only
_TERROR = re.compile(r"\bterror")


def violence_kind(
    event_type: str,
    sub_event_type: str | None,
    perpetrator_side: str | None,
    victim_side: str | None,
    words: str = "",
) -> ViolenceKind:
    """The kind of violence of one incident; `words` is the text of its sentences."""
    sub = sub_event_type or ""
    if sub in _TERROR_SUBTYPES and perpetrator_side != "government":
        return "terrorism"
    low = words.lower()
    if perpetrator_side != "government" and _TERROR.search(low):
        return "terrorism"
    terror_words = _TERROR_WORDS.search(low) is not None
    if (
        event_type == "violence_against_civilians"
        and victim_side in (None, "civilian")
        and perpetrator_side in _NON_STATE | {None}
        and terror_words
        and perpetrator_side != "criminal"
    ):
        return "terrorism"
    if event_type == "battle" or sub in _COMBAT_SUBTYPES:
        return "combat"
    if victim_side in _ARMED and perpetrator_side in _ARMED | {None}:
        return "combat"
    if event_type == "explosion_remote_violence" and terror_words:
        return "terrorism"
    return "other"
