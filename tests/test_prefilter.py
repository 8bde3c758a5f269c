"""The regex prefilter gives exactly the matches of the regex it stands in front of."""

from __future__ import annotations

import doctest
import re

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tollwatch.read import prefilter
from tollwatch.read.prefilter import (
    Prefiltered,
    finditer_from,
    match_starts,
    required_pattern,
    start_pattern,
)
from tollwatch.violence import detect


def spans(matches: object) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]


def test_doctest() -> None:
    assert doctest.testmod(prefilter).failed == 0


def test_starts_of_simple_patterns() -> None:
    assert match_starts(r"bomb(?:s|ed)?", 4) == {"bomb"}
    assert match_starts(r"(?:car|truck)\s+bombs?", 4) == {"car\0", "truc"}
    assert match_starts(r"kills?", 6) == {"kill", "kills"}
    assert match_starts(r"air\s*-?\s*strikes?", 4) == {"air\0", "air-", "airs"}


def test_unlisted_starts_give_none() -> None:
    assert match_starts(r"\w+ed", 3) is None  # \w among the first characters
    assert match_starts(r"(?i)bomb", 3) is None  # a flag changes what matches
    assert match_starts(r"x?", 1) is None  # can match the empty string
    assert start_pattern([r"bomb", r"[^a]b"]) is None


def test_longest_falls_back_per_pattern() -> None:
    # the second pattern's third character is \w: its starts are cut at two characters
    pattern = start_pattern([r"bombed", r"ab\w+"], longest=4)
    assert pattern is not None
    starts = re.compile(pattern)
    assert starts.match("abzz") and starts.match("bomb") and not starts.match("bozo")


def test_no_starts_runs_the_regex_unfiltered() -> None:
    regex = re.compile(r"\bfoo\w*")
    text = "foo food bar"
    assert spans(finditer_from(regex, None, text)) == spans(regex.finditer(text))


def test_cue_table_has_a_prefilter() -> None:
    assert detect._CUE_STARTS is not None


_WORDS = [
    "killed", "kill", "shot", "dead", "a", "the", "bomb", "suicide", "car", "air", "strike",
    "raids", "  ", "-", "attack", "muertos", "tués", "clashes", "fighting", "with", "rebels",
    "set", "fire", "to", "explosion", "blew", "up", "bridge", "gunmen", "قتل", "انفجار",
    "Shell", "shelled", "town", "ieds", "IED", "de", "un", "balazo", "x", ",", ".",
]


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from([" ", "", "\t", "  "]))
def test_cue_matches_are_the_unfiltered_ones(words: list[str], joiner: str) -> None:
    low = detect.lowered(joiner.join(words))
    assert spans(finditer_from(detect._CUE_RE, detect._CUE_STARTS, low)) == spans(
        detect._CUE_RE.finditer(low)
    )


def test_prefiltered_finds_what_its_regex_finds() -> None:
    gated = Prefiltered.of(re.compile(r"(?:^|\W)(?P<v>killed|shot)\s+(?:him|her)\b", re.I))
    assert gated.starts is None and gated.gate is not None
    started = Prefiltered.of(re.compile(r"\b(?:said|told)\b", re.I))
    assert started.starts is not None
    for text in ["Gunmen KILLED him.", "no one was hurt", "He told police", "retold", ""]:
        for fast in (gated, started):
            assert spans(fast.finditer(text)) == spans(fast.regex.finditer(text))


def test_required_part_of_each_branch() -> None:
    gate = required_pattern(r"\bdeath\s+of\s+\w+|\w+'s\s+murder", flags=re.I)
    assert gate is not None
    found = re.compile(gate, re.I)
    assert found.search("the Death of X") and found.search("Ana's MURDER")
    assert not found.search("a quiet day")


_TOLL_WORDS = [*_WORDS, "him", "her", "Ana", "Ruiz", "'s", "murder", "of", "was", "he", "died",
               "12", "dozens"]
_TOLL_TEXTS = st.lists(st.sampled_from(_TOLL_WORDS), max_size=25)


@hsettings(max_examples=200, deadline=None)
@given(_TOLL_TEXTS)
def test_toll_and_source_patterns_match_as_before(words: list[str]) -> None:
    from tollwatch.actors import sources
    from tollwatch.tolls import implicit, numbers

    text = " ".join(words)
    for fast in (implicit._SINGULAR_FAST, implicit._THE_OBJECT_FAST, implicit._NOMINAL_OF_FAST,
                 implicit._NAME_OBJECT_FAST, implicit._PRONOUN_OBJECT_FAST,
                 implicit._BODY_FOUND_FAST, numbers._QUANTITY_FAST, sources._VERB_FAST,
                 sources._ACCORDING_FAST, *sources._ROLE_RES):
        assert spans(fast.finditer(text)) == spans(fast.regex.finditer(text))


def test_clause_gate_keeps_every_clause_figure() -> None:
    from dataclasses import replace

    from tollwatch.tolls.clauses import clause_tolls
    from tollwatch.tolls.find import _CLAUSES

    assert _CLAUSES is not None and _CLAUSES.gate is not None
    ungated = replace(_CLAUSES, gate=None)
    for text in ["El ataque deja 3 muertos", "Asesinan a 4 en Guerrero", "12 morts dans l'attaque",
                 "Gunmen killed 3 people", "Três mortos em tiroteio", "a quiet day"]:
        fast = [(b.start, b.end, b.best, b.outcome) for b in clause_tolls(text, [], _CLAUSES)]
        slow = [(b.start, b.end, b.best, b.outcome) for b in clause_tolls(text, [], ungated)]
        assert fast == slow


@hsettings(max_examples=200, deadline=None)
@given(_TOLL_TEXTS)
def test_searches_before_a_figure_match_as_before(words: list[str]) -> None:
    from tollwatch.tolls import rules

    text = " ".join([*words, ""])  # a window read before a figure ends in a space
    for fast in (rules._TOLL_BEFORE_FAST, rules._OF_BEFORE_FAST, rules._ACTIVE_BEFORE_FAST,
                 rules._CODED_FAST, detect._CANDIDATE_FAST):
        found, plain = fast.search(text), fast.regex.search(text)
        assert (found and found.span()) == (plain and plain.span())


def test_date_rules_match_as_before_inside_a_window() -> None:
    from tollwatch.dates.resolve import _FAST_RULES

    text = "Filed Monday. On 3 March 2022, two days ago, el pasado martes 5 de marzo. Next."
    begin, stop = 14, len(text) - 6
    for fast in _FAST_RULES:
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text, begin, stop)]
        plain = [(m.span(), m.groupdict()) for m in fast.regex.finditer(text, begin, stop)]
        assert found == plain


def test_start_pattern_leads_with_the_patterns_own_word_start() -> None:
    # every match starts at a word boundary / after a non-word character: the prefilter
    # rejects the positions inside words before trying its start strings
    assert str(start_pattern([r"\b(?:said|told)\b"])).startswith(r"\b(?=[st])")
    assert str(start_pattern([r"(?<![\w-])x|(?<![\w$])yy"])).startswith(r"(?<!\w)")
    # no common lead: a plain lookahead; a negated lookbehind class proves nothing
    assert str(start_pattern([r"\bkill", r"(?<![\w-])shot"])).startswith("(?=")
    assert str(start_pattern([r"(?<![^\w])x"])) == "(?=x)"
    for pattern in [r"\b(?:said|told)\b", r"(?<![\w-])(?:x|yy)", r"(?:\b(?P<p>in|on)\s+)?day"]:
        regex = re.compile(pattern, re.I)
        fast = Prefiltered.of(regex)
        for text in ["Said he", "retold, TOLD", "a-x yy-x byy", "in day, Monday", "on  day", ""]:
            assert spans(fast.finditer(text)) == spans(regex.finditer(text))


def test_clause_starts_find_every_clause_figure() -> None:
    from dataclasses import replace

    from tollwatch.tolls.clauses import clause_tolls
    from tollwatch.tolls.find import _CLAUSES

    assert _CLAUSES is not None and _CLAUSES.starts is not None
    unfiltered = replace(_CLAUSES, starts=None)
    for text in ["El ataque deja 3 muertos", "Asesinan a 4 en Guerrero", "12 morts dans l'attaque",
                 "La mort de deux militaires", "مقتل 5 أشخاص", "a tué au moins huit civils"]:
        fast = [(b.start, b.end, b.best, b.outcome) for b in clause_tolls(text, [], _CLAUSES)]
        slow = [(b.start, b.end, b.best, b.outcome) for b in clause_tolls(text, [], unfiltered)]
        assert fast == slow and fast
