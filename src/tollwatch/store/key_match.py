"""Match keys in matching: blocking on shared keys, and what shared keys say of a pair.

The keys themselves are read from report texts by keys.py and stored in `report_keys`;
docs/matching.md explains the rules and the figures behind them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from .keys import MIN_SURNAME
from .unit import MatchSettings, MatchUnit, norm_name, published_day


def key_pairs(
    units: Sequence[MatchUnit], settings: MatchSettings
) -> list[tuple[MatchUnit, MatchUnit]]:
    """Pairs sharing a person or street key, or two names, within their windows.

    A person of one report found as a plain name in the other counts as the person
    (`person_window_days`); two names in common (a person counting as a name) bring
    a pair in within `person_window_days` as well: a trial months later names the
    victim and the accused as the first report did. Two people or more in common (one
    of them with an age) bring a pair in up to `people_window_days` apart.
    """
    postings: dict[tuple[str, str], list[MatchUnit]] = {}
    for unit in units:
        if published_day(unit) is None:
            continue
        for held in unit.keys:
            postings.setdefault(held, []).append(unit)
    names: dict[tuple[int, int], int] = {}
    found: dict[tuple[int, int], tuple[MatchUnit, MatchUnit]] = {}
    for (kind, key), members in sorted(postings.items()):
        if kind == "street":
            for a, b in _within(members, settings.key_window_days):
                found[(a.id, b.id)] = (a, b)
        if kind != "name":
            continue
        people = postings.get(("person", key), [])
        if len(members) > settings.common_key:
            members = []  # too common a name to block on
        who = _unique([*people, *members])
        for a, b in _within(who, NAMES_DAYS):
            # one name in common, published within days: `key_evidence` decides
            found.setdefault((a.id, b.id), (a, b))
        for a, b in _within(who, settings.person_window_days):
            ids = (a.id, b.id)
            names[ids] = names.get(ids, 0) + 1
            if names[ids] >= 2:
                found[ids] = (a, b)
    for a, b in _loose_pairs(postings, settings):
        found.setdefault((a.id, b.id), (a, b))
    in_common: dict[tuple[int, int], int] = {}  # people held by both, further apart
    for (kind, key), members in sorted(postings.items()):
        if kind != "person":
            continue
        named = postings.get(("name", key), [])
        if len(named) > settings.common_key:
            named = []
        # a person on both sides, or named with an age on one side only
        aged = {u.id for u in members}
        longest = max(settings.person_window_days, settings.people_window_days)
        for a, b in _within(_unique([*members, *named]), longest):
            if a.id not in aged and b.id not in aged:
                continue
            ids = (a.id, b.id)
            if _days_apart(a, b) <= settings.person_window_days:
                found[ids] = (a, b)
            else:
                # further apart, two people in common at least (`people_window_days`)
                in_common[ids] = in_common.get(ids, 0) + 1
                if in_common[ids] >= 2:
                    found[ids] = (a, b)
    return [found[ids] for ids in sorted(found)]


def _days_apart(a: MatchUnit, b: MatchUnit) -> int:
    """Days between the publication (else start) dates of two dated units."""
    first, second = published_day(a), published_day(b)
    return abs((first - second).days) if first and second else 0


def _loose_pairs(
    postings: dict[tuple[str, str], list[MatchUnit]], settings: MatchSettings
) -> list[tuple[MatchUnit, MatchUnit]]:
    """Pairs holding one person written two ways (`same_person_loosely`), a person
    with an age on at least one side, published at most `person_window_days` apart.

    Distinct keys of one surname are compared, not the units holding them, so a
    frequent surname costs the square of its spellings only."""
    spellings: dict[str, set[str]] = {}
    for kind, key in postings:
        if kind in ("person", "name") and len(postings[(kind, key)]) <= settings.common_key:
            spellings.setdefault(key.split()[-1], set()).add(key)
    out: list[tuple[MatchUnit, MatchUnit]] = []
    for keys in spellings.values():
        for first, second in combinations(sorted(keys), 2):
            if not same_person_loosely(first, second):
                continue
            aged = {u.id for k in (first, second) for u in postings.get(("person", k), [])}
            one = _unique([*postings.get(("person", first), []), *_named(postings, first)])
            two = _unique([*postings.get(("person", second), []), *_named(postings, second)])
            mine = {u.id for u in one}
            theirs = {u.id for u in two}
            for a, b in _within(_unique([*one, *two]), settings.person_window_days):
                across = (a.id in mine and b.id in theirs) or (b.id in mine and a.id in theirs)
                if across and (a.id in aged or b.id in aged):
                    out.append((a, b))
    return out


def _named(postings: dict[tuple[str, str], list[MatchUnit]], key: str) -> list[MatchUnit]:
    return postings.get(("name", key), [])


def same_person_loosely(first: str, second: str) -> bool:
    """Two keys that write one person two ways: the same surname and first names of
    one spelling family ("jon" / "jonathan", "jamal" / "jamaal"), a middle name
    given or not ("ana ruiz" / "ana maria ruiz"); two keys, not the same one.

    >>> same_person_loosely("jamal reed", "jamaal reed")
    True
    >>> same_person_loosely("kim reed", "tom reed")
    False
    """
    one, two = first.split(), second.split()
    if first == second or one[-1] != two[-1] or len(one[-1]) < MIN_SURNAME:
        return False
    a, b = one[0], two[0]
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < 3:
        return False
    if (a.startswith(b) or b.startswith(a)) and min(len(a), len(b)) >= 3:
        return True
    allowed = 2 if min(len(a), len(b)) >= 7 else 1 if min(len(a), len(b)) >= 4 else 0
    return _edits(a, b) <= allowed


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _unique(units: Sequence[MatchUnit]) -> list[MatchUnit]:
    seen: dict[int, MatchUnit] = {}
    for unit in units:
        seen.setdefault(unit.id, unit)
    return list(seen.values())


def _within(members: Sequence[MatchUnit], days: int) -> list[tuple[MatchUnit, MatchUnit]]:
    """Pairs of `members` (ordered by id within a pair) published at most `days` apart."""
    ranked = sorted(members, key=lambda u: (published_day(u), u.id))
    out = []
    for i, a in enumerate(ranked):
        first = published_day(a)
        for b in ranked[i + 1 :]:
            second = published_day(b)
            if first is None or second is None or (second - first).days > days:
                break
            out.append((a, b) if a.id < b.id else (b, a))
    return out


@dataclass(frozen=True)
class KeyEvidence:
    """What the reports' match keys say of a pair: a floor for the score, a bonus
    (negative: a penalty), the shared keys and the reason."""

    floor: float | None = None
    bonus: float = 0.0
    shared: dict[str, list[str]] = field(default_factory=dict)
    reason: str = ""


PERSON_FLOOR = 0.95  # the same named person: one event, whatever dates and places say
STREET_FLOOR = 0.85  # the same street within the key window
NAMES_FLOOR = 0.8  # NAMES_MIN or more proper names in common
NAMES_MIN = 2
NAMES_DAYS = 3
NAMES_FAR_MIN = 3  # names in common that join reports published further apart
NAME_BONUS = 0.2  # one name in common, on top of the weighted score
PERSON_NAMED_FLOOR = 0.95
PEOPLE_DIFFER = -0.15  # both name people, none the same: likely two incidents


def _published_close(a: MatchUnit, b: MatchUnit) -> bool:
    """Published (or, without a date of publication, dated) at most NAMES_DAYS apart.

    Names in common are often places (a town and its district in two coder notes
    weeks apart): they stand for one event only in reports of the same days."""
    first, second = published_day(a), published_day(b)
    return first is not None and second is not None and abs((first - second).days) <= NAMES_DAYS


def _of_kind(unit: MatchUnit, kind: str) -> set[str]:
    return {key for k, key in unit.keys if k == kind}


def people_in_common(a: MatchUnit, b: MatchUnit) -> list[str]:
    """People named (with an age) on both sides, less the names of the units' places.

    Matching a person of one side with a plain name of the other was tried on
    gva-news: recall 0.51 -> 0.57 but precision 0.97 -> 0.84-0.90 (towns and
    spokesmen's names), so a person must be a person on both sides."""
    # a town followed by a number ("Baton Rouge, 12 miles away") reads like a person
    places = {norm_name(n) for u in (a, b) for n in (u.place, u.admin1, u.place_text)}
    return sorted(_of_kind(a, "person") & _of_kind(b, "person") - places)


def _person_named(a: MatchUnit, b: MatchUnit) -> list[str]:
    """People named with an age on one side and by name alone on the other, less the
    units' places. Weaker than a person on both sides (a spokesman, a town read as a
    name): it counts as strong only where the places agree (`key_evidence`)."""
    places = {norm_name(n) for u in (a, b) for n in (u.place, u.admin1, u.place_text)}
    found = (_of_kind(a, "person") & _of_kind(b, "name")) | (
        _of_kind(b, "person") & _of_kind(a, "name")
    )
    return sorted(found - places)


def loose_people(a: MatchUnit, b: MatchUnit) -> list[str]:
    """One person written two ways in the two reports (`same_person_loosely`), with an
    age on at least one side, less the units' places: "spelling / spelling"."""
    places = {norm_name(n) for u in (a, b) for n in (u.place, u.admin1, u.place_text)}
    held = ("person", "name")
    out = []
    for kind, key in sorted(a.keys):
        if kind not in held or key in places:
            continue
        for other_kind, other in sorted(b.keys):
            if other_kind not in held or other in places or "person" not in (kind, other_kind):
                continue
            if same_person_loosely(key, other):
                out.append(f"{key} / {other}")
    return out


def _middle_name_only(a: MatchUnit, b: MatchUnit, other: str = "person") -> bool:
    """A person named with an age on one side and as `other` (a person, or a plain
    name) on the other, with the same first name and surname, a middle name given on
    one side only ("Ana Maria Ruiz, 34" / "Ana Ruiz"): as sure as the same name."""
    pairs = [(one, two) for one in _of_kind(a, "person") for two in _of_kind(b, other)]
    pairs += [(one, two) for one in _of_kind(b, "person") for two in _of_kind(a, other)]
    for one, two in pairs:
        short, long = sorted((one.split(), two.split()), key=len)
        if len(short) < len(long) and short[0] == long[0] and short[-1] == long[-1]:
            return True
    return False


def streets_differ(a: MatchUnit, b: MatchUnit) -> bool:
    """Both reports name streets, and none of them is the same."""
    mine, theirs = _of_kind(a, "street"), _of_kind(b, "street")
    return bool(mine and theirs and not mine & theirs)


def names_in_common(a: MatchUnit, b: MatchUnit) -> set[str]:
    """Names (people included) both reports hold, less the units' places (written
    bare or after a possessive: "Cameroon's Northwest" is the province Northwest)."""
    places = {norm_name(n) for u in (a, b) for n in (u.place, u.admin1, u.place_text)}
    held = ("person", "name")
    mine = {key for kind, key in a.keys if kind in held}
    shared = mine & {key for kind, key in b.keys if kind in held}
    return {key for key in shared if unpossessed(key) not in places}


def unpossessed(key: str) -> str:
    """A name less a leading possessive word ("cameroon's bamenda" -> "bamenda"): a
    country's or a region's possessive qualifies the place it comes before."""
    first, _, rest = key.partition(" ")
    return rest if rest and first.endswith("'s") else key


def key_evidence(
    a: MatchUnit, b: MatchUnit, *, place_agrees: bool = False, place_vetoed: bool = False
) -> KeyEvidence:
    """Shared match keys between the reports of `a` and `b` (keys.py), and what they mean.

    A street name recurs from town to town ("17th Street", "Washington Street"), so a
    shared street counts only with the same province or place (`place_agrees`) or a
    proper name in common as well.

    >>> a = MatchUnit(1, 1, keys=frozenset({("person", "ana ruiz")}))
    >>> key_evidence(a, MatchUnit(2, 2, keys=a.keys)).floor
    0.95
    """
    shared: dict[str, list[str]] = {}
    for kind, key in sorted(a.keys & b.keys):
        shared.setdefault(kind, []).append(key)
    shared.pop("person", None)
    shared.pop("surname", None)  # a blocking key only: `loose_people` says what it means
    people = people_in_common(a, b)
    if people:
        shared["person"] = people
    names = len(shared.get("name", ()))
    if shared.get("person"):
        return KeyEvidence(PERSON_FLOOR, 0.0, shared, f"same person named: {shared['person'][0]}")
    named = _person_named(a, b)
    if named:
        shared["person_named"] = named
        if place_agrees or (not place_vetoed and _published_close(a, b)):
            why = f"same person named: {named[0]} (with an age in one report only)"
            return KeyEvidence(PERSON_NAMED_FLOOR, 0.0, shared, why)
    loose = loose_people(a, b)
    if loose:
        shared["person_loose"] = loose
        if _middle_name_only(a, b) or place_agrees or (
            not place_vetoed and (_published_close(a, b) or _middle_name_only(a, b, "name"))
        ):
            why = f"same person written two ways: {loose[0]}"
            return KeyEvidence(PERSON_NAMED_FLOOR, 0.0, shared, why)
    if shared.get("street") and (
        place_agrees or (not place_vetoed and (names or _published_close(a, b)))
    ):
        return KeyEvidence(STREET_FLOOR, 0.0, shared, f"same street: {shared['street'][0]}")
    if names >= NAMES_MIN and _published_close(a, b):
        return KeyEvidence(NAMES_FLOOR, 0.0, shared, f"{names} names in common")
    who = names_in_common(a, b)
    if len(who) >= NAMES_FAR_MIN:
        # weeks apart (a trial, a funeral): several names in common
        return KeyEvidence(NAMES_FLOOR, 0.0, shared, f"{len(who)} names in common")
    if len(who) == 1 and place_agrees and _published_close(a, b):
        return KeyEvidence(NAMES_FLOOR, 0.0, shared, f"a name in common: {sorted(who)[0]}")
    if _of_kind(a, "person") and _of_kind(b, "person") and not named:
        return KeyEvidence(None, PEOPLE_DIFFER, shared, "different people named")
    if who or named:
        return KeyEvidence(None, NAME_BONUS, shared, f"{len(who | set(named))} name(s) in common")
    return KeyEvidence()
