"""The clause grammar: a figure next to an outcome word or verb, in any language.

`ClauseGrammar.compile(tables)` builds one pattern from the languages' `TollWords`
(tolls/lang/), with three shared rules whose words come from the tables:

* figure before an outcome word, up to six words apart: "al menos 3 muertos",
  "deja 5 heridos", "12 morts", "vingt soldats ont été tués", "مقتل 5"; a figure
  after a conjunction in between counts too ("trois gendarmes et un civil tués");
* verb before a figure: "asesinan a 4", "a tué au moins huit civils";
* noun before a figure: "la mort de deux militaires", "a morte de dois".

The qualifier convention (docs/tolls.md: "at least N" best N, "more than N" best
N+1, vague amounts under one convention) and the flags are the same for every
language. `SentenceCues.compile(tables)` gives the sentence cues ("update", "claim_cue",
"aggregate_cue", "cumulative") that `tolls/sentence_flags.py` sets on every figure of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..read.prefilter import finditer_from, prefilter_patterns
from ..records import Outcome
from .lang import TollWords
from .lang.base import SENTENCE_CUES
from .numbers import MAX_DIGITS
from .phrases import Binding, free

_OUTCOMES: tuple[Outcome, ...] = ("killed", "wounded", "abducted", "missing")
_DIGITS = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+"
_TOKEN = r"[^\W\d_][\w'’\u064b-\u065f-]*"  # Arabic short vowels and tanween inside words
# Before a figure: no word character, or a conjunction joined to it ("و9 جرحى").
_FIGURE_START = r"(?:(?<![\w-])|(?<=\sو))"
_GAP_WORDS = 6
# A verb before a figure whose figure is its object: "matou duas pessoas", "a tué 8",
# not "murieron 3" (its subject) nor the Arabic passive "قُتل 5".
_ACTIVE = re.compile(r"(?!mor|muer|muri|p[ée]ri|sont|ont)[a-zà-ÿ]", re.IGNORECASE)


# How far before a figure the words of what raised a toll may start ("توفي أحد
# الجريحين متأثراً": the verb before the one who died).
_RISE_REACH = 30


def _union(pieces: Iterable[str]) -> str:
    return "|".join(piece for piece in pieces if piece)


def _words(keys: Iterable[str]) -> str:
    """An alternation of literal words, longest first, spaces matching any blank."""
    return "|".join(
        r"\s+".join(re.escape(part) for part in key.split())
        for key in sorted(keys, key=len, reverse=True)
    )


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class ClauseGrammar:
    """The compiled clause rules of a set of languages (see `compile`)."""

    pattern: re.Pattern[str]
    numbers: Mapping[str, int]
    vague: Mapping[str, int]
    multipliers: Mapping[str, int]
    outcome_words: tuple[tuple[Outcome, re.Pattern[str]], ...]
    verb_words: tuple[tuple[Outcome, re.Pattern[str]], ...]
    noun_words: tuple[tuple[Outcome, re.Pattern[str]], ...]
    qualifier_words: tuple[tuple[str, re.Pattern[str]], ...]
    figure: re.Pattern[str]
    verb_before: re.Pattern[str]
    phrase_end: re.Pattern[str]
    # Words every match of `pattern` holds (read/prefilter.py): a sentence without any
    # of them has no clause figure, and most English sentences have none.
    gate: re.Pattern[str] | None = None
    partner: re.Pattern[str] | None = None
    # a unit word and the figure before it that it makes an age, a time or a distance
    # ("de 69 ans"): `without_units`
    unit: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # an aside naming some of the victims between a figure and its outcome ("huit
    # personnes, dont deux gendarmes, ont été tuées"): `_aside`
    aside: re.Pattern[str] | None = None
    # where a match of `pattern` may start (read/prefilter.py): `pattern` is tried only
    # there, the same matches
    starts: re.Pattern[str] | None = None
    # the dead and the wounded counted together ("entre muertos y heridos"): blanked by
    # `without_units`, so the figure before them is no toll
    mixed: re.Pattern[str] | None = None

    @classmethod
    def compile(cls, tables: Iterable[TollWords]) -> ClauseGrammar | None:
        """The grammar of these languages, or None when none of them has clause words."""
        tables = tuple(tables)
        numbers = {_key(w): value for t in tables for w, value in t.numbers.items()}
        vague = {_key(w): value for t in tables for w, value in t.vague.items()}
        multipliers = {_key(w): value for t in tables for w, value in t.multipliers.items()}
        outcomes = {o: _union(t.outcomes.get(o, "") for t in tables) for o in _OUTCOMES}
        verbs = {o: _union(t.verbs.get(o, "") for t in tables) for o in _OUTCOMES}
        nouns = {o: _union(t.nouns.get(o, "") for t in tables) for o in _OUTCOMES}
        kinds = sorted({kind for t in tables for kind in t.qualifiers})
        qualifiers = {k: _union(t.qualifiers.get(k, "") for t in tables) for k in kinds}
        outcome = _union(outcomes.values())
        verb = _union(verbs.values())
        if not outcome or not verb:
            return None
        leaves = _union(t.leaves for t in tables)
        objects = _union(t.objects for t in tables)
        conjunction = _union(t.conjunctions for t in tables)
        noun = _union(nouns.values())
        figure = _union((_DIGITS, _words(vague), _words(numbers)))
        multiplier = _words(multipliers)
        n_piece = _figure_piece("n", figure, multiplier)
        qualifier = _union(qualifiers.values())
        q1, q2, q3 = (
            (rf"(?:(?P<{name}>{qualifier})\s+)?" if qualifier else "") for name in ("q", "q2", "q3")
        )
        obj = rf"(?:(?:{objects})\s+)?" if objects else ""
        not_figure = rf"(?!(?:{figure})(?![\w'’-]))"
        coordinated = (
            rf"|(?:{conjunction})\s+(?:(?:{qualifier})\s+)?(?:{figure})\s+" if conjunction else ""
        )
        aside = _aside(_union(t.including for t in tables))
        after_token = rf"(?:\s+|{aside.pattern})" if aside is not None else r"\s+"
        token = rf"{not_figure}{_TOKEN}{after_token}"
        # a list of two subjects, each named at length: "Cuatro agentes de la Policía
        # Nacional y un civil que los guiaba murieron" (each side up to the usual gap)
        listed = (
            rf"|(?:{token}){{1,{_GAP_WORDS}}}?{coordinated[1:]}"
            rf"(?:{token}){{1,{_GAP_WORDS}}}?"
            if conjunction else ""
        )
        gap = (
            rf"(?P<gap>(?:{token}{coordinated}){{0,{_GAP_WORDS}}}?{listed})"
        )
        before = _union((verb, leaves))
        third = (
            rf"|(?<![\w-])(?P<o3>{noun})\s+{q3}{_figure_piece('n3', figure, multiplier)}"
            rf"(?![\w'’-])"
            if noun
            else ""
        )
        pattern = re.compile(
            rf"{_FIGURE_START}(?:(?P<v>{before})\s+{obj})?{q1}{n_piece}\s+{gap}(?P<o>{outcome})"
            rf"(?![\w-])"
            rf"|(?<![\w-])(?P<o2>{verb})\s+{obj}{q2}{_figure_piece('n2', figure, multiplier)}"
            rf"(?![\w'’-])"
            rf"{third}",
            re.IGNORECASE,
        )
        starts, gate = _prefilters(pattern)
        return cls(
            pattern,
            numbers,
            vague,
            multipliers,
            tuple((o, re.compile(p, re.IGNORECASE)) for o, p in outcomes.items() if p),
            tuple((o, re.compile(p, re.IGNORECASE)) for o, p in verbs.items() if p),
            tuple((o, re.compile(p, re.IGNORECASE)) for o, p in nouns.items() if p),
            tuple((k, re.compile(p, re.IGNORECASE)) for k, p in qualifiers.items()),
            re.compile(
                rf"(?:{conjunction})\s+(?:(?P<q>{qualifier})\s+)?(?P<n>{figure})\s"
                if conjunction and qualifier
                else r"(?!x)x(?P<q>)(?P<n>)",
                re.IGNORECASE,
            ),
            re.compile(rf"(?<![\w-])(?:{before})(?![\w-])", re.IGNORECASE),
            re.compile(
                rf"(?:{_union((_union(t.auxiliaries for t in tables), outcome, verb))})$",
                re.IGNORECASE,
            ),
            gate=gate,
            partner=_partner(conjunction, figure),
            unit=_unit(figure, _union(t.units for t in tables)),
            aside=aside,
            starts=starts,
            mixed=_mixed(_union([*(t.mixed for t in tables), *(t.rate for t in tables)])),
        )

    def without_units(self, text: str) -> str:
        """`text` with every figure of a unit blanked out, offsets kept: in "un homme de
        69 ans a été tué" the age is no count, and "un homme" stays next to its verb."""
        spans: list[tuple[int, int]] = []
        if self.mixed is not None:
            spans.extend(m.span() for m in self.mixed.finditer(text))
        if self.unit is None:
            return _blanked(text, spans)
        word, before = self.unit
        for unit in word.finditer(text):
            figure = before.search(text, max(0, unit.start() - _UNIT_WINDOW), unit.start())
            if figure is not None:
                spans.append((figure.start(), unit.end()))
        return _blanked(text, spans)

    def number(self, text: str) -> int | None:
        """The value of a digit string ("6 000") or one number word of these languages."""
        raw = _key(text)
        digits = re.sub(r"[.,\u00a0\u202f ]", "", raw)
        if digits.isdigit():
            # a figure of more digits is no count (numbers.py reads none either)
            return int(digits) if len(digits) <= MAX_DIGITS else None
        return self.numbers.get(raw, self.vague.get(raw))

    def value(self, figure: str, multiplier: str | None) -> int | None:
        """A figure times its multiplier word ("quatro mil" -> 4000), else None."""
        value = self.number(figure)
        if value is None or not multiplier:
            return value
        return value * self.multipliers.get(_key(multiplier), 1)

    def is_vague(self, figure: str) -> bool:
        return _key(figure) in self.vague

    def outcome(self, word: str, *, verb: bool = False, noun: bool = False) -> Outcome | None:
        """The outcome an outcome word (or, with `verb`, a verb) of these languages names."""
        table = self.noun_words if noun else self.verb_words if verb else self.outcome_words
        for outcome, pattern in table:
            if pattern.fullmatch(word):
                return outcome
        if verb:
            return "killed"  # a "leave" verb ("deja", "fait") before a figure and its outcome
        return None

    def qualifier(self, word: str) -> str | None:
        for kind, pattern in self.qualifier_words:
            if pattern.fullmatch(_key(word)) or pattern.fullmatch(word):
                return kind
        return None


# Words that make a figure a share of a group: "two of his bodyguards", "اثنان من مرافقيه".
_PARTITIVE = r"(?:of|de|d['’]|des|dos|das|del|من)"


def _partner(conjunction: str, figure: str) -> re.Pattern[str] | None:
    """ "killed an officer and two of his bodyguards": a figure joined by a conjunction
    and naming a share of a group, in the same clause after a bound figure (in Arabic any
    figure in digits after the joined "و": "مقتل ضابط و3 جنود"); or a second
    object of the same verb, its preposition repeated: "a coûté la vie à quinze
    militaires et à six supplétifs", "mataron a dos policías y a un civil"."""
    if not conjunction:
        return None
    return re.compile(
        rf"[^.;:!?،,]{{0,80}}?(?:(?:\s(?:{conjunction})\s+(?:a\s+)?|\sو)"
        rf"(?=(?:{figure})\s+{_PARTITIVE}\s)|\s(?:{conjunction})\s+(?:à|a)\s+"
        # the Arabic "and" joined to a second figure in digits: "مقتل ضابط و3 جنود"
        rf"|\sو(?=\d+\s+[^\W\d_]))(?P<n>{figure})\s",
        re.IGNORECASE,
    )


def _aside(including: str) -> re.Pattern[str] | None:
    """An aside between commas that names some of the victims, right after the figure's
    noun: ", dont deux gendarmes,", ", entre ellas dos policías,", ", entre eles um
    bebé,". Its figures are parts of the figure before it, never added to it."""
    if not including:
        return None
    return re.compile(rf",\s*(?:{including})\s+[^,.;:!?()]{{1,80}}?,\s*", re.IGNORECASE)


def _without_asides(grammar: ClauseGrammar, gap: str) -> str:
    """The gap with its asides blanked (offsets kept): "entre ellos un niño y dos
    mujeres" names parts, not figures coordinated with the one before."""
    if grammar.aside is None:
        return gap
    return grammar.aside.sub(lambda m: " " * len(m.group()), gap)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with these spans turned to spaces, offsets kept."""
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        out[start:end] = " " * (end - start)
    return "".join(out)


def _mixed(words: str) -> re.Pattern[str] | None:
    """The words of the dead and wounded counted together, as whole words."""
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE) if words else None


def _unit(figure: str, units: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A unit word, and what may stand before it: a figure with its preposition ("de 69
    ans", "a 5 km"), figures listed before one unit ("de 17 e 19 anos") and the comma of
    an aside (", de 17 e 19 anos,": the subject stays next to its verb). The second is
    searched backwards from each unit in a short window, so a long run of figures with
    no unit costs linear time."""
    if not units:
        return None
    # "de 17 e 19 anos", "entre 20 a 25 años"; "le 17 et le 19 septembre": a day's
    # article may repeat after the conjunction
    listed = r"(?:\d{1,3}(?:\s*,\s*|\s+(?:e|y|et|and|ou|o|a|à)\s+(?:le\s+|el\s+)?)){0,4}"
    before = re.compile(
        rf"(?:,\s*)?(?<![\w-])(?:(?:âgée?s?\s+)?(?:de|d[eo]l?|of|a|à)\s+)?{listed}"
        rf"(?:{figure})\s*$",
        re.IGNORECASE,
    )
    return re.compile(rf"(?:{units})(?![\w'’-])(?:\s*,)?", re.IGNORECASE), before


# How far before a unit its figures may start.
_UNIT_WINDOW = 60


def _figure_piece(name: str, figure: str, multiplier: str) -> str:
    more = rf"(?:\s+(?P<{name}m>{multiplier}))?" if multiplier else ""
    return rf"(?P<{name}>{figure}){more}"


@dataclass(frozen=True)
class SentenceCues:
    """Each sentence cue's words in every language read (`SENTENCE_CUES`)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def compile(cls, tables: Iterable[TollWords]) -> SentenceCues:
        tables = tuple(tables)
        found = []
        for flag in SENTENCE_CUES:
            words = _union(t.cues.get(flag, "") for t in tables)
            if words:
                found.append((flag, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)))
        return cls(tuple(found))

    def flags(self, text: str) -> set[str]:
        """The cue flags whose words occur in `text`."""
        return {flag for flag, pattern in self.patterns if pattern.search(text)}

    def first(self, text: str, flag: str) -> int | None:
        """Where the earliest words of cue `flag` start in `text`, or None."""
        starts = [m.start() for name, pattern in self.patterns if name == flag
                  for m in [pattern.search(text)] if m is not None]
        return min(starts, default=None)

    def inside(self, text: str, flag: str, span: tuple[int, int]) -> bool:
        """Whether words of cue `flag` occur inside `span` of `text` (a victim phrase)."""
        return any(name == flag and pattern.search(text, span[0], span[1])
                   for name, pattern in self.patterns)

    def follows(self, text: str, flag: str, at: int, within: int = 40) -> bool:
        """Whether words of cue `flag` start within `within` characters after `at`,
        no clause break between ("deux morts dans ses rangs")."""
        window = text[at : at + within + 40]  # the words may end past `within`
        for name, pattern in self.patterns:
            if name != flag or (m := pattern.search(window)) is None or m.start() > within:
                continue
            if not re.search(r"[,;:.!?]", window[: m.start()]):
                return True
        return False

    def flag_update(self, text: str, bound: list[Binding]) -> None:
        """Flag "update" the first killed figure after the update words: the new toll,
        not the earlier one told after it ("... إلى 23 قتيلاً، بعد أن كانت 14")."""
        for flag, pattern in self.patterns:
            if flag != "update" or (cue := pattern.search(text)) is None:
                continue
            after = sorted((b for b in bound if b.outcome == "killed" and b.end > cue.start()),
                           key=lambda b: b.start)
            if after:
                new = _risen_toll(text, after)
                new.flags.add("update")
                self._flag_rise(text, new, bound)
                self._flag_rise_before(text, cue.start(), new, bound)

    def _flag_rise(self, text: str, new: Binding, bound: list[Binding]) -> None:
        """Flag "rise" a killed figure after the update's, told as what made the toll
        rise ("ارتفعت الحصيلة إلى 6 بعد وفاة اثنين من الجرحى", "passé à six morts après
        le décès de deux blessés"): those dead are inside the new toll, not added to it."""
        for flag, pattern in self.patterns:
            if flag != "rise_cause":
                continue
            for b in bound:
                if (b is not new and b.outcome == "killed" and b.start >= new.end
                        and (new.best or 0) >= (b.best or 0)
                        # up to the figure's end: a verb of one death is its own figure
                        # ("в больнице скончалась женщина")
                        and pattern.search(text, new.end, b.end)):
                    b.flags.add("rise")


    def _flag_rise_before(
        self, text: str, cue: int, new: Binding, bound: list[Binding]
    ) -> None:
        """Flag "rise" a smaller killed figure told before the update's words as the
        death that raised the toll ("أحد الجريحين توفي متأثراً بجراحه، لترتفع حصيلة القتلى
        إلى أربعة"): the cause's words start within its figure's reach, before the cue."""
        for flag, pattern in self.patterns:
            if flag != "rise_cause":
                continue
            for b in bound:
                if (b is not new and b.outcome == "killed" and b.end <= cue
                        and (new.best or 0) > (b.best or 0)
                        and (m := pattern.search(text, max(0, b.start - _RISE_REACH), cue))
                        and m.start() <= b.end):
                    b.flags.add("rise")


# "quatre autres corps", "dos cuerpos más", "outros três": more deaths, not a toll.
_MORE_AFTER = re.compile(r"\s+(?:autres|otr[oa]s|outr[oa]s|more|other|additional|más|mais)\b",
                         re.IGNORECASE)
_MORE_BEFORE = re.compile(r"(?:\b(?:más|mais|another|further|additional)|\boutr[oa]s)\s+$",
                          re.IGNORECASE)


def _risen_toll(text: str, after: list[Binding]) -> Binding:
    """The risen toll of an update's words: the first killed figure after them, unless
    it counts more deaths ("le bilan s'est alourdi : quatre autres corps ont été
    retrouvés, portant à dix le nombre de morts") and a larger figure follows: then the
    larger one is the toll, and the first is what raised it ("rise": inside the toll)."""
    first = after[0]
    more = (_MORE_AFTER.match(text, first.end) is not None
            or _MORE_BEFORE.search(text, max(0, first.start - 12), first.start) is not None)
    larger = [b for b in after[1:] if (b.best or 0) > (first.best or 0)]
    if not more or not larger:
        return first
    first.flags.add("rise")
    return larger[0]


def _prefilters(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Where a match of the grammar's `pattern` may start, and the words every match
    holds (read/prefilter.py), from one reading of the pattern: parsing a language's
    whole grammar is most of the cost of compiling it."""
    starts, gate = prefilter_patterns(pattern.pattern, flags=pattern.flags)
    return (re.compile(starts, pattern.flags) if starts else None,
            re.compile(gate, pattern.flags) if gate else None)


def _search(grammar: ClauseGrammar, text: str, pos: int) -> re.Match[str] | None:
    """`grammar.pattern.search(text, pos)`, tried only where a match may start."""
    return next(finditer_from(grammar.pattern, grammar.starts, text, pos), None)


def clause_tolls(
    text: str, bound: list[Binding], grammar: ClauseGrammar, *, units_blanked: bool = False
) -> list[Binding]:
    """Figures bound by the clause rules: "Asesinan a 4", "deja 3 muertos", "12 morts".
    `units_blanked`: the caller already passed `text` through `grammar.without_units`."""
    found: list[Binding] = []
    if grammar.gate is not None and grammar.gate.search(text) is None:
        return found  # no outcome word of the clause rules: no match below
    scan = text if units_blanked else grammar.without_units(text)
    pos = 0
    while (match := _search(grammar, scan, pos)) is not None:
        pos = match.end()
        if match.group("n") is not None:
            n, o, q, verb, noun = "n", "o", "q", False, False
        elif match.group("n2") is not None:
            n, o, q, verb, noun = "n2", "o2", "q2", True, False
        else:
            n, o, q, verb, noun = "n3", "o3", "q3", False, True
        outcome = grammar.outcome(match.group(o), verb=verb, noun=noun)
        if n == "n" and outcome in ("abducted", "missing") and _killing_verb(grammar, match):
            outcome = "killed"  # "ont exécuté trois otages": the hostages are dead
        if n == "n" and _loose_article(grammar, match, scan):
            pos = match.end(n)  # read on from the article: "Une frappe a tué 8 civils"
            continue
        if outcome is None:
            continue
        multiplied = match.group(n + "m")
        first = match.start(q) if match.group(q) else match.start(n)
        figures = [(match.group(q), match.group(n), multiplied, first, match.start(n),
                    match.end(n + "m") if multiplied else match.end(n))]
        if n == "n" and match.group("gap"):
            offset = match.start("gap")
            for extra in grammar.figure.finditer(_without_asides(grammar, match.group("gap"))):
                first = extra.start("q") if extra.group("q") else extra.start("n")
                figures.append((extra.group("q"), extra.group("n"), None, offset + first,
                                offset + extra.start("n"), offset + extra.end("n")))
        for qualifier, figure, multiplier, first, start, end in figures:
            own = _own_outcome(grammar, figure, start, end)
            said, trigger = own if own else (outcome, (match.start(o), match.end(o)))
            binding = _binding(grammar, said, qualifier, figure, multiplier, start, end,
                               trigger)
            if binding is not None and free(bound + found, start, end):
                if verb and _ACTIVE.match(match.group(o)):
                    binding.flags.add("active")  # "matou duas pessoas": the victims only
                binding.start = first
                binding.victim = _victim(grammar, text, binding.end)
                found.append(binding)
        if n != "n" and outcome is not None:
            found.extend(_partners(grammar, text, match.end(n), outcome, bound + found))
    return found


def _own_outcome(
    grammar: ClauseGrammar, figure: str, start: int, end: int
) -> tuple[Outcome, tuple[int, int]] | None:
    """A figure that is itself an outcome word names its own outcome: the Arabic dual
    "قتيلان" (two dead) in "سقط قتيلان وخمسة جرحى" is two killed, whatever outcome word
    the figures joined after it end on."""
    if figure.isdigit():
        return None
    outcome = grammar.outcome(figure)
    return (outcome, (start, end)) if outcome is not None else None


def _killing_verb(grammar: ClauseGrammar, match: re.Match[str]) -> bool:
    """The verb before the figure is one of killing (not a "leave" verb: "a fait trois
    otages" took hostages)."""
    verb = match.group("v")
    return verb is not None and any(
        outcome == "killed" and pattern.fullmatch(verb) for outcome, pattern in grammar.verb_words
    )


def _partners(
    grammar: ClauseGrammar, text: str, pos: int, outcome: Outcome, bound: list[Binding]
) -> list[Binding]:
    """ "قُتل قيادي عسكري واثنان من مرافقيه": the officer and two of his companions."""
    if grammar.partner is None or (m := grammar.partner.match(text, pos)) is None:
        return []
    word = _NEXT_WORD.match(text, m.end("n"))
    if word is not None and grammar.outcome(word.group(1)) not in (None, outcome):
        return []  # "55 قتيلاً و146 جريحاً": the joined figure is of another outcome
    binding = _binding(grammar, outcome, None, m.group("n"), None, m.start("n"), m.end("n"),
                       (m.start("n"), m.end("n")))
    if binding is None or not free(bound, binding.start, binding.end):
        return []
    binding.flags.add("partner")
    return [binding]


_NEXT_WORD = re.compile(r"\s*(\S+?)[.,;:!?،]*(?=\s|$)")
_VICTIM_TOKEN = re.compile(rf"\s+(?:(?:de|d['’]|des|of)\s*)?({_TOKEN})")


def _victim(grammar: ClauseGrammar, text: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase right after a figure, up to three words, stopped by an auxiliary,
    a verb or an outcome word: "vingt soldats ont été tués" -> "soldats"."""
    start = end = None
    for _ in range(3):
        token = _VICTIM_TOKEN.match(text, pos if end is None else end)
        if token is None or grammar.phrase_end.match(token.group(1)):
            break
        if start is None:
            start = token.start(1)
        end = token.end(1)
    return (start, end) if start is not None and end is not None else None


def _loose_article(grammar: ClauseGrammar, match: re.Match[str], text: str) -> bool:
    """ "Une attaque a fait des morts": a word for one far from its outcome is an article;
    so is one whose outcome word is a verb with its own figure ("dans un communiqué
    avoir tué 25 soldats")."""
    if grammar.number(match.group("n")) != 1 or match.group("n").isdigit():
        return False
    gap = match.group("gap") or ""
    if len(gap.split()) > 3 or grammar.verb_before.search(gap) is not None:
        return True
    after = grammar.pattern.match(text, match.start("o"))
    return after is not None and after.group("n2") is not None


def _binding(
    grammar: ClauseGrammar, outcome: Outcome, qualifier: str | None, figure: str,
    multiplier: str | None, start: int, end: int, trigger: tuple[int, int],
) -> Binding | None:
    value = grammar.value(figure, multiplier)
    if value is None:
        return None
    kind = grammar.qualifier(qualifier) if qualifier else None
    low: int | None = value
    high: int | None = value
    flags = {"clause"}
    if grammar.is_vague(figure):
        high = None  # "dozens": at least the convention's figure, as in English
        flags.add("vague")
    elif kind == "more":
        value += 1
        low, high = value, None
    elif kind == "least":
        high = None
    elif kind:
        low, high = None, None
    return Binding(outcome, low, value, high, start, end, trigger=trigger, flags=flags)

