"""Match keys: the names a report gives that tell one incident from another.

Local news names the people killed ("Jordan Miles, 19, of ..."), the shooter, the
street ("the 1300 block of Devon Avenue"); two outlets telling one shooting share
them even when their dates and places were resolved differently, and two
shootings of one city on one day do not. Three kinds of key, all lower-cased:

* `person`: a name given with an age or as identified ("Ana Ruiz, 34",
  "17-year-old Ana Ruiz", "identified him as Ana Ruiz"), titles dropped;
* `street`: a street, road or avenue by name ("Devon Avenue", "N. Clark St.");
* `name`: any other run of two to four capitalised words that holds no generic
  word (no "Police Department", "Associated Press", weekday or month);
* `surname`: the last word of each person and name key, so that one person written
  two ways ("Jon Miles" / "Jonathan Miles", "Jamal Reed" / "Jamaal Reed") is found
  by an indexed query and compared (key_match.same_person_loosely decides).

Keys are computed once per report when it is stored (`report_keys`) and kept in
the `report_keys` table, indexed by (kind, key), so candidates sharing a key can
be found by an indexed query.
"""

from __future__ import annotations

import re
import unicodedata

KINDS = ("person", "street", "name", "surname")
MIN_SURNAME = 3  # letters of a surname key ("Li" is too short to block on)
MAX_KEYS = 60  # per kind and report: a long list of names is a roundup, not one incident
# letters of Latin-1 too: "José Peña", "Zoë Müller" are as common in US local news as
# "Jose Pena", and a name split at its accent is no key
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_WORD = (
    rf"(?:Mc[{_UP}][{_LOW}]+|O['’][{_UP}][{_LOW}]+|[{_UP}][{_LOW}]+(?:['’-][{_UP}]?[{_LOW}]+)*"
    rf"|[{_UP}]\.)"
)
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,3}}"
_AGE_AFTER = re.compile(rf"\b({_NAME}),[ \t]+(\d{{1,3}})\b(?![,.]?\d)")
_AGE_BEFORE = re.compile(rf"\b\d{{1,3}}-year-old[ \t]+(?:[a-z]+[ \t]+){{0,2}}({_NAME})")
_IDENTIFIED = re.compile(
    rf"\bidentified[ \t]+(?:(?:him|her|them|the[ \t]+\w+|the[ \t]+\w+[ \t]+\w+)[ \t]+)?as[ \t]+"
    rf"({_NAME})"
)
_STREET_TYPES = (
    "Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|Boulevard|Blvd\\.|Drive|Dr\\.|Lane|Ln\\.|"
    "Parkway|Pkwy\\.|Highway|Hwy\\.|Place|Pl\\.|Court|Ct\\.|Terrace|Way"
)
_STREET = re.compile(
    rf"\b((?:[NSEW]\.?[ \t]+)?(?:\d+(?:st|nd|rd|th)|{_WORD})(?:[ \t]+{_WORD}){{0,2}}"
    rf"[ \t]+(?:{_STREET_TYPES}))(?![a-z])"
)
_RUN = re.compile(rf"\b{_NAME}\b")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _wordset(
    "mr mrs ms miss dr officer sgt sergeant deputy detective lt lieutenant capt captain "
    "chief trooper agent sheriff judge rev reverend pastor father sister brother coach "
    "president gov governor mayor sen senator rep"
)
# A capitalised run holding one of these is an institution, a date, a byline or boilerplate.
GENERIC = _wordset(
    """a an and at by for from in of on the to with he she it its his her they their we our
    you your this that these those all new north south east west northern southern eastern
    western central upper lower police department county city state office sheriff officer
    officers deputy deputies chief sgt detective lt capt mr mrs ms dr jr sr university
    college school high middle elementary academy church hospital medical center centre
    court courthouse district attorney attorneys public safety fire rescue emergency
    services service bureau agency division unit task force patrol highway street avenue
    road drive boulevard lane monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    associated press reuters news media group corporation corp inc llc co company
    broadcasting radio television tv online network newspaper times post daily herald
    tribune journal gazette star sun wire staff reporter editor contributed copyright
    reserved rights click here read more share email print comment comments video photo
    photos image images getty facebook twitter instagram pinterest youtube like loading
    related stay up page day eve night year years week month morning afternoon evening
    crime stoppers witness tips tip line hotline united states america american fbi atf
    national federal government ministry army forces military islamic republic party
    community memorial park side chronicle sun-times register examiner courier observer
    inquirer dispatch globe bulletin leader review"""
)


def _clean(name: str) -> str | None:
    words = [w for w in name.split() if w.lower().strip(".") not in _TITLES]
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]  # initials vary by outlet
    return _fold(" ".join(words)) if len(words) >= 2 else None


def _fold(name: str) -> str:
    """Lower case, accents and curly apostrophes dropped: "José O’Neal" and "Jose O'Neal"
    are one key, as outlets write them either way."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def _people(text: str) -> set[str]:
    found: list[str] = []
    for match in _AGE_AFTER.finditer(text):
        if 0 < int(match.group(2)) < 110:
            found.append(match.group(1))
    found.extend(m.group(1) for m in _AGE_BEFORE.finditer(text))
    found.extend(m.group(1) for m in _IDENTIFIED.finditer(text))
    out = set()
    for name in found:
        words = name.split()
        while words and words[0].lower().strip(".") in GENERIC | _TITLES:
            words = words[1:]  # "Police said Ana Ruiz, 34" reads from "Ana"
        cleaned = _clean(" ".join(words))
        if cleaned and not any(w.strip(".") in GENERIC for w in cleaned.split()):
            out.add(cleaned)
    return out


def _streets(text: str) -> set[str]:
    out = set()
    for match in _STREET.finditer(text):
        words = match.group(1).replace(".", "").lower().split()
        words = [w for w in words if w not in ("n", "s", "e", "w")]
        if len(words) >= 2 and words[0] not in GENERIC:
            out.add(" ".join(words[:-1]) + " " + _street_type(words[-1]))
    return out


def _street_type(word: str) -> str:
    short = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive",
             "ln": "lane", "pkwy": "parkway", "hwy": "highway", "pl": "place", "ct": "court"}
    return short.get(word, word)


def _names(text: str) -> set[str]:
    out = set()
    for match in _RUN.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower().strip(".") in GENERIC:
            words = words[1:]  # "The Riverbend Tavern"; a generic word after it stays fatal
        if any(w.lower().strip(".") in GENERIC for w in words):
            continue
        cleaned = _clean(" ".join(words))
        if cleaned:
            out.add(cleaned)
    return out


# a nickname in quotes between a first name and a surname ('Robert "Milhouse" Thomas, 27'):
# outlets give it or not, and the name with it is no run of capitalised words
_NICKNAME = re.compile(r"\b([A-Z][a-z]+)[ \t]+[\"“][^\"”\n]{1,25}[\"”][ \t]+(?=[A-Z])")


def report_keys(text: str) -> set[tuple[str, str]]:
    """The (kind, key) pairs of a report's text.

    >>> sorted(report_keys("Police said Ana Ruiz, 34, was shot on Devon Avenue."))
    [('person', 'ana ruiz'), ('street', 'devon avenue')]
    """
    text = _NICKNAME.sub(r"\1 ", text)
    people, streets = _people(text), _streets(text)
    names = _names(text) - people
    keys: set[tuple[str, str]] = set()
    for kind, found in (("person", people), ("street", streets), ("name", names)):
        keys.update((kind, key[:200]) for key in sorted(found)[:MAX_KEYS])
    surnames = {key.split()[-1] for kind, key in keys if kind in ("person", "name")}
    keys.update(("surname", s) for s in sorted(surnames)[:MAX_KEYS] if len(s) >= MIN_SURNAME)
    return keys
