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
from typing import Any

__all__ = ["finditer_from", "match_starts", "start_pattern"]

_CAP = 4096  # start strings per pattern before giving up on a length
_SPACE = "\0"  # stands for the whole \s class in start strings (\s in the prefilter)

try:
    _PARSER: Any = importlib.import_module("re._parser")
    _C: Any = importlib.import_module("re._constants")
except ImportError:  # another interpreter's layout: no prefilter, same answers
    _PARSER = _C = None


def match_starts(pattern: str, length: int) -> frozenset[str] | None:
    """The strings of `length` characters (or whole matches, when shorter) that every
    match of `pattern` begins with; "\\0" stands for any white space. None when the
    start cannot be listed (too many strings, `\\w`, a flag...) or the pattern can
    match the empty string."""
    if _PARSER is None:
        return None
    try:
        parsed = _PARSER.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII):
        return None
    found = _sequence(list(parsed), length)
    if found is None or "" in found:
        return None
    return frozenset(found)


def start_pattern(patterns: Iterable[str], longest: int = 6) -> str | None:
    """A zero-width regex (a lookahead) that matches wherever one of `patterns` may
    start a match: each pattern's starts of at most `longest` characters, fewer when
    its later characters cannot be listed. None when some pattern's start cannot be
    listed at all."""
    starts: set[str] = set()
    for pattern in patterns:
        found = next(
            (s for n in range(longest, 0, -1) if (s := match_starts(pattern, n)) is not None),
            None,
        )
        if found is None:
            return None
        starts |= found
    return f"(?={_trie(starts)})"


def finditer_from(regex: re.Pattern[str], starts: re.Pattern[str] | None, text: str
                  ) -> Iterator[re.Match[str]]:
    """The matches of `regex.finditer(text)`, trying `regex` only where `starts` matches.

    `starts` must match (zero-width) at every position where `regex` can match, and
    `regex` must never match the empty string; with `starts` None this is
    `regex.finditer(text)`.
    """
    if starts is None:
        yield from regex.finditer(text)
        return
    match, pos = regex.match, 0
    for candidate in starts.finditer(text):
        at = candidate.start()
        if at < pos:
            continue
        found = match(text, at)
        if found is not None:
            yield found
            pos = found.end()


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
        return {chr(arg)}
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
        if op is c.LITERAL:
            out.add(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] < 256:
            out.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
            out.add(_SPACE)
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
        head = r"\s" if first == _SPACE else re.escape(first)
        if "" in rests:
            branches.append(head)  # a shorter string covers every longer one
            continue
        branches.append(head + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
