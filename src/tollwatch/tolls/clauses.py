"""The clause grammar: a figure next to an outcome word or verb, in any language.

`ClauseGrammar.compile(tables)` builds two patterns from the languages' `TollWords`
(tolls/lang/): a figure before an outcome word ("al menos 3 muertos", "deja 5 heridos",
"12 morts") and a verb before a figure ("asesinan a 4"). The words come from the
tables; the rules, the qualifier convention (docs/tolls.md) and the flags are the
same for every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..records import Outcome
from .lang import TollWords
from .phrases import Binding, free

_OUTCOMES: tuple[Outcome, ...] = ("killed", "wounded", "abducted", "missing")


def _union(pieces: Iterable[str]) -> str:
    return "|".join(piece for piece in pieces if piece)


@dataclass(frozen=True)
class ClauseGrammar:
    """The compiled clause rules of a set of languages (see `compile`)."""

    pattern: re.Pattern[str]
    numbers: Mapping[str, int]
    outcome_words: tuple[tuple[Outcome, re.Pattern[str]], ...]
    verb_words: tuple[tuple[Outcome, re.Pattern[str]], ...]
    qualifier_words: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def compile(cls, tables: Iterable[TollWords]) -> ClauseGrammar | None:
        """The grammar of these languages, or None when none of them has clause words."""
        tables = tuple(tables)
        numbers = {word: value for t in tables for word, value in t.numbers.items()}
        outcomes = {o: _union(t.outcomes.get(o, "") for t in tables) for o in _OUTCOMES}
        verbs = {o: _union(t.verbs.get(o, "") for t in tables) for o in _OUTCOMES}
        kinds = sorted({kind for t in tables for kind in t.qualifiers})
        qualifiers = {k: _union(t.qualifiers.get(k, "") for t in tables) for k in kinds}
        outcome = _union(outcomes.values())
        verb = _union(verbs.values())
        if not outcome or not verb:
            return None
        number = "|".join(sorted(numbers, key=len, reverse=True))
        figure = rf"\d+|{number}" if number else r"\d+"
        qualifier = _union(qualifiers.values())
        q1 = rf"(?:(?P<q>{qualifier})\s+)?" if qualifier else ""
        q2 = rf"(?:(?P<q2>{qualifier})\s+)?" if qualifier else ""
        pattern = re.compile(
            rf"(?<![\w-])(?:(?P<v>{verb})\s+(?:a\s+)?)?{q1}"
            rf"(?P<n>{figure})\s+(?:[^\W\d_]+\s+){{0,3}}?(?P<o>{outcome})(?![\w-])"
            rf"|(?<![\w-])(?P<o2>{verb})\s+a\s+{q2}(?P<n2>{figure})(?![\w-])",
            re.IGNORECASE,
        )
        return cls(
            pattern,
            numbers,
            tuple((o, re.compile(p, re.IGNORECASE)) for o, p in outcomes.items() if p),
            tuple((o, re.compile(p, re.IGNORECASE)) for o, p in verbs.items() if p),
            tuple((k, re.compile(p, re.IGNORECASE)) for k, p in qualifiers.items()),
        )

    def number(self, text: str) -> int | None:
        """The value of a digit string or one number word of these languages, else None."""
        raw = text.strip().lower()
        return int(raw) if raw.isdigit() else self.numbers.get(raw)

    def outcome(self, word: str, *, verb: bool) -> Outcome | None:
        """The outcome an outcome word (or, with `verb`, a verb) of these languages names."""
        for outcome, pattern in self.verb_words if verb else self.outcome_words:
            if pattern.fullmatch(word):
                return outcome
        return None

    def qualifier(self, word: str) -> str | None:
        for kind, pattern in self.qualifier_words:
            if pattern.fullmatch(word):
                return kind
        return None


def clause_tolls(text: str, bound: list[Binding], grammar: ClauseGrammar) -> list[Binding]:
    """Figures bound by the clause rules: "Asesinan a 4", "deja 3 muertos", "12 morts"."""
    found: list[Binding] = []
    for match in grammar.pattern.finditer(text):
        n, o, q = ("n", "o", "q") if match.group("n") else ("n2", "o2", "q2")
        value = grammar.number(match.group(n))
        outcome = grammar.outcome(match.group(o), verb=o == "o2")
        if value is None or outcome is None:
            continue
        if not free(bound + found, match.start(n), match.end(n)):
            continue
        qualifier = match.group(q) if q in match.re.groupindex else None
        kind = grammar.qualifier(qualifier) if qualifier else None
        low: int | None = value
        high: int | None = value
        if kind == "more":
            value += 1
            low, high = value, None
        elif kind == "least":
            high = None
        elif kind:
            low, high = None, None
        start = match.start(q) if qualifier else match.start(n)
        found.append(Binding(outcome, low, value, high, start, match.end(n),
                             trigger=(match.start(o), match.end(o)), flags={"clause"}))
    return found
