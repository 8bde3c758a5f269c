"""One victim without a figure, in the languages of the clause grammar: "un líder
comunitario fue asesinado", "le maire a été assassiné", "o agricultor foi morto",
and the attacker's own death ("o atirador se matou", "le kamikaze est mort").

The words come from the language tables (`TollWords.singular`, `own_death`,
`attackers`, `nobody`); the rules are shared and mirror the English ones of
`tolls/implicit.py`: a subject told with a definite or possessive article or left
out points back to someone told before ("anaphoric"); "also" makes it a second
death; "one of them" is partitive; a figure already bound in the sentence keeps it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .clauses import _union
from .lang import TollWords
from .phrases import Binding, free

# a clause opens after a stop, a quote, or a comma and a conjunction; "when" opens a
# clause of its own too: "seis mortos ... desde sexta-feira, quando um soldado foi morto"
_CLAUSE_START = re.compile(
    r"[.;:!?\n«»\"“”]|,\s+(?:y|e|et|mais|pero|mas|quando|cuando|lorsque|quand)\s",
    re.IGNORECASE,
)
_SUBJECT_WORDS = 9  # a subject longer than this is no subject of the verb
_WORD = re.compile(r"\w")
# where a too-long clause may hand over to the verb's subject: a comma, or "and" between
# two clauses ("la policía repelió la agresión y uno de los atacantes fue abatido"); the
# Arabic comma too ("استهدفت مسيرة سيارة، ما أدى إلى سقوط شهيد")
_SUBJECT_CUT = re.compile(r"[,،]|\s(?:y|e|et)\s", re.IGNORECASE)


@dataclass(frozen=True)
class SingularGrammar:
    """The compiled singular words of some languages."""

    death: re.Pattern[str]
    own_death: re.Pattern[str] | None
    attackers: re.Pattern[str] | None
    nobody: re.Pattern[str] | None
    pointing: re.Pattern[str] | None
    also: re.Pattern[str] | None
    partitive: re.Pattern[str] | None
    # a subject written after its verb ("погибла женщина"): read when the words before
    # the verb are no subject (too long)
    inverted: re.Pattern[str] | None = None
    # one more person joined to a counted group by "and" ("двое полицейских и мирный
    # житель"), read right after the group's figure
    joined: re.Pattern[str] | None = None

    @classmethod
    def compile(cls, tables: Iterable[TollWords]) -> SingularGrammar | None:
        """The grammar of these languages, or None when none has singular words."""
        tables = tuple(tables)
        death = _union(t.singular for t in tables)
        own = _union(t.own_death for t in tables)
        if not death and not own:
            return None
        return cls(
            death=re.compile(rf"(?<![\w-])(?:{_union((death, own))})(?![\w'’-])", re.IGNORECASE),
            own_death=_words(own),
            attackers=_words(_union(t.attackers for t in tables)),
            nobody=_words(_union(t.nobody for t in tables)),
            pointing=_start(_union(t.pointing for t in tables)),
            also=_words(_union(t.distinct for t in tables)),
            partitive=_start(_union(t.partitive for t in tables)),
            inverted=_after(_union(t.inverted for t in tables)),
            joined=_joined(_union(t.conjunctions for t in tables),
                           _union(t.inverted for t in tables)),
        )


def _words(pattern: str) -> re.Pattern[str] | None:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w'’-])", re.IGNORECASE) if pattern else None


def _after(pattern: str) -> re.Pattern[str] | None:
    """A subject right after the verb, up to two words before its noun."""
    if not pattern:
        return None
    return re.compile(
        rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{pattern})(?![\w'’-])", re.IGNORECASE)


# a word of the joined phrase starts with a letter: a dash opens an apposition that
# names the counted ones ("двоє цивільних - чоловік і жінка"), no one more
_LETTERED = r"[^\W\d_][\w'’-]*"


def _joined(conjunctions: str, nouns: str) -> re.Pattern[str] | None:
    """After a figure: its group's noun (up to three words, no comma), "and", up to three
    words and a singular person noun ("двое сотрудников полиции и находившийся рядом
    местный житель")."""
    if not conjunctions or not nouns:
        return None
    return re.compile(
        rf"(?:\s+{_LETTERED}){{1,3}}?\s+(?:{conjunctions})\s+(?:{_LETTERED}\s+){{0,3}}?"
        rf"(?P<noun>{nouns})(?![\w'’-])",
        re.IGNORECASE,
    )


def joined_singulars(text: str, bound: list[Binding], grammar: SingularGrammar) -> list[Binding]:
    """One more victim for a singular person joined to a counted group: "погибли двое
    полицейских и мирный житель" is three, as "two police officers and a civilian" is in
    English, where the article counts the one. The joined words hold no figure of their
    own ("и трое жителей" is counted by the clause grammar)."""
    if grammar.joined is None:
        return []
    found: list[Binding] = []
    for b in bound:
        if "clause" not in b.flags or b.best is None or "singular" in b.flags:
            continue
        match = grammar.joined.match(text, b.end)
        if match is None or not free([x for x in bound if x is not b] + found, b.end,
                                     match.end()):
            continue
        noun = (match.start("noun"), match.end("noun"))
        found.append(Binding(b.outcome, 1, 1, 1, noun[0], noun[1], victim=noun,
                             trigger=b.trigger, flags={"clause", "joined"}))
    return found


def _start(pattern: str) -> re.Pattern[str] | None:
    return re.compile(rf"\s*(?:{pattern})(?![\w'’-])", re.IGNORECASE) if pattern else None


def clause_singulars(text: str, bound: list[Binding], grammar: SingularGrammar) -> list[Binding]:
    """One killed for each singular death verb whose clause has no figure of its own."""
    found: list[Binding] = []
    marks = [m.end() for m in _CLAUSE_START.finditer(text)]  # once: linear in the text
    triggers = [b.trigger for b in bound if b.trigger is not None]
    for match in grammar.death.finditer(text):
        start = _clause_start(marks, match.start())
        if not free(bound + found, start, match.end()) or any(
                s <= match.start() < e for s, e in triggers):
            continue  # "tres personas ... uno murió", "погиб один": a figure of the clause
        start = _subject_start(text, start, match.start())
        subject = text[start : match.start()]
        after = grammar.inverted.match(text, match.end()) if grammar.inverted else None
        if _hits(grammar.nobody, subject):
            continue  # "nadie murió"
        if _words_in(subject) > _SUBJECT_WORDS and after is None:
            continue  # a verb far from anything like its subject
        if after is not None and _words_in(subject) > _SUBJECT_WORDS:
            start = match.end()  # "в результате обстрела ... погибла женщина"
            subject = text[match.end() : after.end()]
        flags = {"singular", "passive", "clause"}
        own = _hits(grammar.own_death, match.group(0))
        if own or _hits(grammar.attackers, subject):
            flags.add("perpetrator")
        if _hits(grammar.also, subject):
            flags.add("another")  # "su escolta también murió": a second death
        elif "perpetrator" in flags:
            pass  # "o atirador se matou": the attacker's own death, not the victim again
        elif not subject.strip() or _starts(grammar.pointing, subject):
            flags.add("anaphoric")  # "el candidato fue asesinado": told before
        if _starts(grammar.partitive, subject):
            flags.add("partitive")
        lead = len(subject) - len(subject.lstrip())
        end = start + len(subject) - (len(subject) - len(subject.rstrip()))
        victim = (start + lead, end)
        found.append(Binding(
            "killed", 1, 1, 1, match.start(), match.end(),
            victim=victim if victim[0] < victim[1] else None,
            trigger=(match.start(), match.end()), flags=flags,
        ))
    return found


def _words_in(text: str) -> int:
    """The words of `text`, a dash or bracket of a wire tag ("(EFE).-") not one."""
    return sum(1 for token in text.split() if _WORD.search(token))


def _subject_start(text: str, start: int, verb: int) -> int:
    """Where the verb's subject may begin: the clause start, or, when the clause is too
    long for a subject, after the first comma or "and" that leaves one ("Según el
    comandante, un presunto integrante del grupo murió": the subject follows the fronted
    phrase)."""
    if _words_in(text[start:verb]) <= _SUBJECT_WORDS:
        return start
    for cut in _SUBJECT_CUT.finditer(text, start, verb):  # the longest subject that fits
        if 0 < _words_in(text[cut.end() : verb]) <= _SUBJECT_WORDS:
            return cut.end()
    return start  # no cut leaves a subject: the long clause stays (and is dropped)


def _clause_start(marks: list[int], end: int) -> int:
    """The end of the last clause mark at or before `end` (0 when none)."""
    i = bisect_right(marks, end)
    return marks[i - 1] if i else 0


def _hits(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def _starts(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.match(text) is not None
