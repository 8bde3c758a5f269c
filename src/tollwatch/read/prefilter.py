"""Regex prefilters: where a big alternation of patterns may start a match.

A large alternation (the event-cue table, every language's rows) is tried in full at
every word start of a sentence, which costs far more than finding the few positions
where one of its rows could begin at all. `start_pattern` reads each row's pattern
and lists the first few characters any of its matches begins with ("kill", "shot\\s",
"bomb"); a lookahead over those strings finds the candidate positions at C speed,
and `finditer_from` runs the real regex only there. The answers are the same as
`regex.finditer(text)`: a position no row can start at never holds a match.

    >>> regex = re.compile(r"\\b(?:bomb(?:s|ed)?|shot\\s+dead)\\b")
    >>> starts = re.compile(r"\\b" + str(start_pattern([r"bomb(?:s|ed)?", r"shot\\s+dead"])))
    >>> text = "a bomb; two men shot dead, bombs"
    >>> [m.span() for m in finditer_from(regex, starts, text)] == [
    ...     m.span() for m in regex.finditer(text)]
    True

The patterns are read with the standard library's regex parser (`re._parser`); a
construct this module does not model (a `\\w` among the first characters, a
back-reference, a flag) makes `start_pattern` answer None, and the caller then runs
its regex unfiltered.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Prefiltered", "finditer_from", "match_starts", "prefilter_patterns", "required_pattern",
    "start_pattern",
]

_CAP = 4096  # start strings per pattern before giving up on a length
_SPACE = "\0"  # stands for the whole \s class in start strings (\s in the prefilter)
_DIGIT = "\1"  # the \d class

_CLASSES = {_SPACE: r"\s", _DIGIT: r"\d"}

try:
    _PARSER: Any = importlib.import_module("re._parser")
    _C: Any = importlib.import_module("re._constants")
except ImportError:  # another interpreter's layout: no prefilter, same answers
    _PARSER = _C = None


def match_starts(pattern: str, length: int, flags: int = 0) -> frozenset[str] | None:
    """The strings of `length` characters (or whole matches, when shorter) that every
    match of `pattern` (compiled with `flags`) begins with; "\\0" stands for any white
    space, "\\1" for any digit. None when the start cannot be listed (too many strings,
    `\\w`, an inline flag...) or the pattern can match the empty string. A regex built
    from them must be compiled with the same `flags`."""
    return _starts_of(_parsed(pattern, flags), length)


def _starts_of(parsed: list[Any] | None, length: int) -> frozenset[str] | None:
    if parsed is None:
        return None
    found = _sequence(parsed, length)
    if found is None or "" in found:
        return None
    return frozenset(found)


def start_pattern(patterns: Iterable[str], longest: int = 6, flags: int = 0) -> str | None:
    """A zero-width regex (a lookahead) that matches wherever one of `patterns` may
    start a match: each pattern's starts of at most `longest` characters, fewer when
    its later characters cannot be listed. None when some pattern's start cannot be
    listed at all. Compile it with the patterns' `flags`."""
    return _start_of([_parsed(pattern, flags) for pattern in patterns], longest)


def required_pattern(pattern: str, longest: int = 6, flags: int = 0) -> str | None:
    """A zero-width regex that finds something in every text `pattern` matches in: the
    starts of a part every match must contain (in each branch of a top-level
    alternation, the part with the longest starts). `gate.search(text) is None` then
    proves `pattern` has no match in `text`. None when no such part can be listed.
    Compile it with `flags`."""
    return _required_of(_parsed(pattern, flags), longest)


def prefilter_patterns(pattern: str, longest: int = 6, flags: int = 0
                       ) -> tuple[str | None, str | None]:
    """`(start_pattern([pattern], ...), required_pattern(pattern, ...))` from one reading
    of `pattern`: parsing a large alternation (a language's clause grammar) costs far
    more than listing its starts, so it is read once for both."""
    parsed = _parsed(pattern, flags)
    return _start_of([parsed], longest), _required_of(parsed, longest)


def _start_of(parsed_patterns: list[list[Any] | None], longest: int) -> str | None:
    starts: set[str] = set()
    leads: set[str | None] = set()
    for parsed in parsed_patterns:
        found = _longest_starts(parsed, longest)
        if parsed is None or found is None:
            return None
        starts |= found
        leads.add(_leading(parsed))
    if not starts:
        return None
    lead = leads.pop() if len(leads) == 1 else None
    return f"{lead or ''}{_first(starts)}(?={_trie(starts)})"


def _required_of(parsed: list[Any] | None, longest: int) -> str | None:
    found = None if parsed is None else _required(parsed, longest)
    return None if found is None else f"(?={_trie(found)})"


def _leading(items: list[Any]) -> str | None:
    """A zero-width check every match of the parsed pattern `items` passes at its
    start, written to be tried before the start strings: "\\b" when every match begins
    with a word boundary, "(?<!\\w)" when each begins after a lookbehind that refuses a
    word character ("(?<![\\w-])"). Most positions of a text are inside a word, and this
    one test rejects them."""
    c = _C
    if not items:
        return None
    op, arg = items[0]
    if op is c.AT and arg is c.AT_BOUNDARY:
        return r"\b"
    if op is c.ASSERT_NOT and arg[0] == -1 and len(arg[1]) == 1:
        inner_op, inner_arg = next(iter(arg[1]))
        if inner_op is c.IN and (c.CATEGORY, c.CATEGORY_WORD) in inner_arg and not any(
                item_op is c.NEGATE for item_op, _ in inner_arg):
            return r"(?<!\w)"
        return None
    if op is c.SUBPATTERN and not any(arg[1:3]):
        return _leading(list(arg[3]))
    if op is c.BRANCH:
        found = {_leading(list(alternative)) for alternative in arg[1]}
        return found.pop() if len(found) == 1 else None
    return None


def _first(strings: set[str]) -> str:
    """A lookahead over the first characters of `strings`: one class test rejects a
    position before the trie's branches are tried one by one."""
    heads = sorted({_CLASSES.get(s[0]) or re.escape(s[0]) for s in strings})
    return f"(?=[{''.join(heads)}])" if len(heads) > 1 else ""


def _parsed(pattern: str, flags: int) -> list[Any] | None:
    """The items of `pattern` as the standard library's parser reads them; None when it
    cannot be read here (no parser, a syntax error, flags the caller's `flags` lack)."""
    if _PARSER is None:
        return None
    try:
        parsed = _PARSER.parse(pattern, flags)
    except re.error:
        return None
    return None if _unread_flags(parsed, flags) else list(parsed)


def _unread_flags(parsed: Any, flags: int) -> bool:
    """Verbose syntax, or a global inline flag ("(?i)") the caller's `flags` lack."""
    seen = parsed.state.flags
    return bool(seen & re.VERBOSE or (seen ^ flags) & (re.IGNORECASE | re.ASCII))


def _longest_starts(parsed: list[Any] | None, longest: int) -> frozenset[str] | None:
    return next(
        (s for n in range(longest, 0, -1)
         if (s := _starts_of(parsed, n)) is not None),
        None,
    )


def _required(items: list[Any], longest: int) -> set[str] | None:
    """Start strings of one part every match of the sequence `items` contains."""
    c = _C
    if len(items) == 1 and items[0][0] is c.BRANCH:
        out: set[str] = set()
        for alternative in items[0][1][1]:
            found = _required(list(alternative), longest)
            if found is None:
                return None
            out |= found
        return out
    if len(items) == 1 and items[0][0] is c.SUBPATTERN and not any(items[0][1][1:3]):
        return _required(list(items[0][1][3]), longest)
    best: set[str] | None = None
    for i in range(len(items)):  # the starts of each suffix: a part every match holds
        for length in range(longest, 0, -1):
            found = _sequence(items[i:], length)
            if found is not None and "" not in found:
                break
        else:
            continue
        if best is None or min(map(len, found)) > min(map(len, best)):
            best = found
            if min(map(len, best)) >= longest:
                break  # no later part can have longer starts
    return best


def finditer_from(regex: re.Pattern[str], starts: re.Pattern[str] | None, text: str,
                  pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `regex.finditer(text, pos, endpos)`, trying `regex` only where
    `starts` matches.

    `starts` must match (zero-width) at every position where `regex` can match, and
    `regex` must never match the empty string; with `starts` None this is
    `regex.finditer(text, pos, endpos)`.
    """
    end = len(text) if endpos is None else endpos
    if starts is None:
        yield from regex.finditer(text, pos, end)
        return
    match = regex.match
    for candidate in starts.finditer(text, pos, end):
        at = candidate.start()
        if at < pos:
            continue
        found = match(text, at, end)
        if found is not None:
            yield found
            pos = found.end()


@dataclass(frozen=True)
class Prefiltered:
    """A compiled regex with its prefilters, derived from its own pattern and flags:
    `finditer(text)` gives exactly `regex.finditer(text)`, cheaper.

    * `starts`: where a match may start (None when that cannot be listed);
    * `gate`: something every match contains; a text without it has no match.
    """

    regex: re.Pattern[str]
    starts: re.Pattern[str] | None
    gate: re.Pattern[str] | None

    @classmethod
    def of(cls, regex: re.Pattern[str], longest: int = 6) -> Prefiltered:
        """The prefilters of `regex` (none when its pattern cannot be read)."""
        flags = regex.flags
        parsed = _parsed(regex.pattern, flags)
        starts = _start_of([parsed], longest)
        gate = None if starts else _required_of(parsed, longest)
        return cls(
            regex,
            re.compile(starts, flags) if starts else None,
            re.compile(gate, flags) if gate else None,
        )

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        """The matches of `self.regex.finditer(text, pos, endpos)`."""
        end = len(text) if endpos is None else endpos
        if self.gate is not None and self.gate.search(text, pos, end) is None:
            return iter(())
        return finditer_from(self.regex, self.starts, text, pos, end)

    def search(self, text: str) -> re.Match[str] | None:
        """`self.regex.search(text)`: the first match tried where one may start."""
        if self.gate is not None and self.gate.search(text) is None:
            return None
        if self.starts is None:
            return self.regex.search(text)
        return next(finditer_from(self.regex, self.starts, text), None)


def _sequence(items: list[Any], length: int) -> set[str] | None:
    out = {""}
    for op, arg in items:
        if all(len(s) >= length for s in out):
            break
        more = _item(op, arg, length)
        if more is None:
            return None
        out = {s if len(s) >= length else (s + m)[:length] for s in out for m in more}
        if len(out) > _CAP:
            return None
    return out


def _item(op: Any, arg: Any, length: int) -> set[str] | None:
    """The strings (cut to `length`) one parsed item can match; a zero-width
    assertion matches "" (a superset is always safe)."""
    c = _C
    if op is c.LITERAL:
        return None if chr(arg) in _CLASSES else {chr(arg)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    if op is c.IN:
        return _charset(arg)
    if op is c.BRANCH:
        out: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(list(alternative), length)
            if found is None:
                return None
            out |= found
        return out
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = arg
        return None if add_flags or del_flags else _sequence(list(body), length)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return _repeat(arg, length)
    return None


def _charset(items: Any) -> set[str] | None:
    c, out = _C, set()
    for op, arg in items:
        if op is c.LITERAL and chr(arg) not in _CLASSES:
            out.add(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] < 256:
            out.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
            out.add(_SPACE)
        elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            out.add(_DIGIT)
        else:
            return None  # a negated set, \w, \d, a wide range
    return out


def _repeat(arg: Any, length: int) -> set[str] | None:
    low, high, body = arg
    once = _sequence(list(body), length)
    if once is None:
        return None
    out: set[str] = set()
    current = {""}
    for count in range(min(high, max(low, length)) + 1):
        if count >= low:
            out |= current
        current = {(s + m)[:length] for s in current for m in once}
        if len(current) > _CAP:
            return None
    return out


def _trie(strings: set[str]) -> str:
    """An alternation of `strings` written as a trie (one branch per first character,
    which CPython's engine skips in one comparison)."""
    by_first: dict[str, set[str]] = {}
    for s in sorted(strings):
        by_first.setdefault(s[0], set()).add(s[1:])
    branches = []
    for first, rests in by_first.items():
        head = _CLASSES.get(first) or re.escape(first)
        if "" in rests:
            branches.append(head)  # a shorter string covers every longer one
            continue
        branches.append(head + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
