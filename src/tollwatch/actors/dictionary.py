"""The actor dictionary and actor mentions: who did it, and to whom.

The dictionary is YAML (format in docs/actors.md): the packaged
`data/actors.yaml`, with `settings.actors_file` merged over it. Matching works on
word tokens, so case, hyphens and apostrophes do not matter ("pro-Damascus",
"PRO DAMASCUS"), and a `<country>` slot lets one entry cover "Syrian soldiers",
"Iraq's army" and "pro-Syrian government forces", naming the actor
"Military Forces of Syria" in the ACLED style.

    >>> from tollwatch.settings import Settings
    >>> from tollwatch.records import CleanText, Sentence, Span
    >>> text = "ISIS fighters attacked Syrian soldiers."
    >>> clean = CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))
    >>> [m.actor.name for m in find_actors(clean, clean.sentences, load_actors(Settings()))]
    ['Islamic State', 'Military Forces of Syria']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import SettingsError
from ..records import Actor, ActorMention, CleanText, Sentence, Span
from ..settings import Settings
from .lang import alias_files

RULE = "actors.v1"
SLOT = "<country>"
PERPETRATOR_TYPES = ("state", "rebel", "militia", "jihadist", "criminal", "civilians", "unknown")
CATEGORIES = (
    "state", "police", "pro_government", "rebel", "jihadist", "militia", "criminal",
    "civilians", "unknown",
)
SOURCE_ROLES = ("monitor", "official", "perpetrator_claim", "media", "witness", "unknown")

# Coarse category -> the contract's victim vocabulary.
_VICTIM_TYPE = {
    "state": "military",
    "police": "police",
    "pro_government": "militia",
    "militia": "militia",
    "rebel": "militant",
    "jihadist": "militant",
    "criminal": "militant",
    "civilians": "civilian",
    "unknown": "unknown",
}

_TOKEN = re.compile(r"[^\W_]+|['’]s\b")
_SHORT_CAPS = re.compile(r"[A-Z]{1,2}")
_TERMINAL = ""  # trie key of a terminal payload list (no token is empty)


def normalise_token(raw: str) -> str:
    """Lower case, accents stripped, typographic apostrophe folded: the matching key."""
    low = raw.lower()
    if low.isascii():
        return low
    low = low.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Tokens:
    """Word tokens of one piece of text: normalised keys, raw text and offsets."""

    keys: tuple[str, ...]
    raws: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def tokenize(text: str, offset: int = 0) -> Tokens:
    """Split `text` into word tokens ("Syria's" -> "syria", "'s"); offsets shifted by `offset`."""
    found = list(_TOKEN.finditer(text))
    starts = tuple(m.start() for m in found)
    ends = tuple(m.end() for m in found)
    raws = tuple(text[a:b] for a, b in zip(starts, ends, strict=True))
    if text.isascii():
        keys = tuple(r.lower() for r in raws)
    else:
        keys = tuple(normalise_token(r) for r in raws)
    if offset:
        starts = tuple(a + offset for a in starts)
        ends = tuple(b + offset for b in ends)
    return Tokens(keys=keys, raws=raws, starts=starts, ends=ends)


@dataclass(frozen=True)
class Payload:
    """What a phrase in the trie stands for: an entry index and case checks."""

    index: int
    exact: tuple[tuple[int, str], ...] = ()  # (token position, required raw text)


@dataclass(frozen=True)
class PhraseMatch:
    start: int  # token index
    end: int  # token index, exclusive
    index: int
    country: str | None


def _exact_checks(alias: str) -> tuple[tuple[int, str], ...]:
    """Short all-caps words ("IS", "UN") must keep their case to match."""
    raws = [m.group() for m in _TOKEN.finditer(alias)]
    return tuple((i, r) for i, r in enumerate(raws) if _SHORT_CAPS.fullmatch(r))


class PhraseMatcher:
    """Longest-match phrase lookup over tokens, with an optional `<country>` slot."""

    def __init__(self, countries: Mapping[str, Sequence[str]]) -> None:
        self._root: dict[str, Any] = {}
        self._countries: dict[str, Any] = {}
        for name, forms in countries.items():
            for form in (name, *forms):
                self._insert(self._countries, form, Payload(0, _exact_checks(form)), name)
        self._slot_starts = frozenset(self._countries)  # first tokens of a country form

    def add(self, alias: str, index: int) -> None:
        """Add one surface form for entry `index` (`<country>` marks the slot)."""
        self._insert(self._root, alias, Payload(index, _exact_checks(alias.replace(SLOT, " "))))

    @staticmethod
    def _insert(root: dict[str, Any], phrase: str, payload: Payload, value: Any = None) -> None:
        node = root
        for part in re.split(f"({re.escape(SLOT)})", phrase):
            keys = [SLOT] if part == SLOT else [normalise_token(m.group()) for m in
                                               _TOKEN.finditer(part)]
            for key in keys:
                node = node.setdefault(key, {})
        node.setdefault(_TERMINAL, []).append((payload, value))

    def scan(self, tokens: Tokens, upper: bool) -> Iterator[PhraseMatch]:
        """Greedy left-to-right longest matches that do not overlap."""
        i, n = 0, len(tokens.keys)
        while i < n:
            best: PhraseMatch | None = None
            key = tokens.keys[i]
            if key in self._root or (key in self._slot_starts and SLOT in self._root):
                for match in self._walk(self._root, tokens, i, i, None, upper):
                    if best is None or match.end >= best.end:  # same length: the later entry wins
                        best = match
            if best is None:
                i += 1
                continue
            yield best
            i = best.end

    def _walk(
        self, node: dict[str, Any], tokens: Tokens, start: int, j: int, country: str | None,
        upper: bool,
    ) -> Iterator[PhraseMatch]:
        for payload, _ in node.get(_TERMINAL, ()):
            if _case_ok(payload, tokens, start, upper):
                yield PhraseMatch(start, j, payload.index, country)
        if j >= len(tokens.keys):
            return
        child = node.get(tokens.keys[j])
        if child is not None:
            yield from self._walk(child, tokens, start, j + 1, country, upper)
        slot = node.get(SLOT)
        if slot is not None:
            for end, name in self._country_at(tokens, j, upper):
                yield from self._walk(slot, tokens, start, end, name, upper)

    def _country_at(self, tokens: Tokens, j: int, upper: bool) -> Iterator[tuple[int, str]]:
        node: dict[str, Any] | None = self._countries
        k = j
        while node is not None and k < len(tokens.keys):
            node = node.get(tokens.keys[k])
            k += 1
            if node is None:
                return
            for payload, name in node.get(_TERMINAL, ()):
                if _case_ok(payload, tokens, j, upper):
                    yield k, name
                    if k < len(tokens.keys) and tokens.keys[k] == "'s":
                        yield k + 1, name


def _case_ok(payload: Payload, tokens: Tokens, start: int, upper: bool) -> bool:
    if not payload.exact:
        return True
    if upper:  # "IS" in upper-case wire copy is the verb
        return False
    return all(tokens.raws[start + pos] == raw for pos, raw in payload.exact)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary (see docs/actors.md for the YAML fields)."""

    name: str
    type: str
    category: str
    aliases: tuple[str, ...] = ()
    country_name: str | None = None
    refers_to: tuple[str, ...] = ()  # anaphoric forms: categories they may refer back to

    def actor(self, country: str | None = None) -> Actor:
        """The `Actor` record, named for `country` when the entry has a country form."""
        name = self.name
        if country and self.country_name:
            name = self.country_name.replace(SLOT, country)
        return Actor(name=name, type=self.type, category=self.category)


@dataclass(frozen=True)
class SourceEntry:
    """A named source ("Syrian Observatory for Human Rights") and its role."""

    name: str
    role: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorDictionary:
    """Actors and sources keyed by their surface forms, with compiled matchers."""

    actors: tuple[ActorEntry, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    countries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    actor_matcher: PhraseMatcher = field(
        default_factory=lambda: PhraseMatcher({}), compare=False, repr=False
    )
    source_matcher: PhraseMatcher = field(
        default_factory=lambda: PhraseMatcher({}), compare=False, repr=False
    )

    @classmethod
    def build(
        cls,
        actors: Sequence[ActorEntry],
        sources: Sequence[SourceEntry],
        countries: Mapping[str, Sequence[str]],
    ) -> ActorDictionary:
        """Compile the matchers for the given entries."""
        actor_matcher = PhraseMatcher(countries)
        for i, entry in enumerate(actors):
            for alias in entry.aliases:
                actor_matcher.add(alias, i)
                if entry.country_name and SLOT not in alias:
                    actor_matcher.add(f"{SLOT} {alias}", i)
        source_matcher = PhraseMatcher(countries)
        for i, source in enumerate(sources):
            for alias in source.aliases:
                source_matcher.add(alias, i)
        return cls(
            tuple(actors), tuple(sources), {k: tuple(v) for k, v in countries.items()},
            actor_matcher, source_matcher,
        )

    def entry(self, name: str) -> ActorEntry | None:
        """The actor entry called `name` (case-insensitive), if any."""
        low = name.lower()
        return next((e for e in self.actors if e.name.lower() == low), None)


# ---------------------------------------------------------------------------- loading


def _fail(path: str, node: Any, problem: str, fix: str) -> SettingsError:
    line = getattr(getattr(node, "start_mark", None), "line", None)
    where = f"{path}, line {line + 1}" if line is not None else path
    return SettingsError(f"actor dictionary {where}: {problem}; {fix} (format: docs/actors.md)")


def _strings(path: str, node: yaml.Node | None, what: str) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode) or not all(
        isinstance(v, yaml.ScalarNode) for v in node.value
    ):
        raise _fail(path, node, f"`{what}` must be a list of strings",
                    f"write `{what}: [form one, form two]`")
    return tuple(str(v.value) for v in node.value)


def _mapping(path: str, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"{what} must be a mapping", "use `key: value` lines")
    return {str(k.value): v for k, v in node.value}


def _scalar(path: str, fields_: dict[str, yaml.Node], key: str, owner: yaml.Node,
            allowed: Sequence[str] | None = None) -> str | None:
    node = fields_.get(key)
    if node is None:
        return None
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise _fail(path, node, f"`{key}` must be a non-empty string", f"write `{key}: value`")
    value = str(node.value).strip()
    if allowed is not None and value not in allowed:
        raise _fail(path, node, f"`{key}: {value}` is not one of {', '.join(allowed)}",
                    f"use one of those values for `{key}`")
    return value


def _actor_entry(path: str, node: yaml.Node, base: ActorEntry | None) -> ActorEntry:
    f = _mapping(path, node, "each actor")
    name = _scalar(path, f, "name", node)
    if name is None:
        raise _fail(path, node, "an actor has no `name`", "give every actor a `name:`")
    type_ = _scalar(path, f, "type", node, PERPETRATOR_TYPES) or (base.type if base else None)
    category = _scalar(path, f, "category", node, CATEGORIES) or (
        base.category if base else None)
    if type_ is None or category is None:
        raise _fail(path, node, f"actor {name!r} needs `type` and `category`",
                    "add them (or name an actor of the packaged dictionary to extend it)")
    aliases = _strings(path, f.get("aliases"), "aliases") + _strings(path, f.get("exact"), "exact")
    refers_to: tuple[str, ...] = ()
    if "anaphoric" in f:
        ana = _mapping(path, f["anaphoric"], "`anaphoric`")
        aliases += _strings(path, ana.get("forms"), "forms")
        refers_to = _strings(path, ana.get("refers_to"), "refers_to")
    replace = _scalar(path, f, "replace_aliases", node, ("true", "false")) == "true"
    if base is not None and not replace:
        aliases = base.aliases + aliases
        refers_to = refers_to or base.refers_to
    country_name = _scalar(path, f, "country_name", node) or (base.country_name if base else None)
    return ActorEntry(name, type_, category, aliases, country_name, refers_to)


def _source_entry(path: str, node: yaml.Node, base: SourceEntry | None) -> SourceEntry:
    f = _mapping(path, node, "each source")
    name = _scalar(path, f, "name", node)
    if name is None:
        raise _fail(path, node, "a source has no `name`", "give every source a `name:`")
    role = _scalar(path, f, "role", node, SOURCE_ROLES) or (base.role if base else None)
    if role is None:
        raise _fail(path, node, f"source {name!r} needs a `role`", "add `role: monitor` or another")
    aliases = _strings(path, f.get("aliases"), "aliases") + _strings(path, f.get("exact"), "exact")
    if base is not None:
        aliases = base.aliases + aliases
    return SourceEntry(name, role, aliases)


@dataclass
class _Raw:
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    countries: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _merge_text(raw: _Raw, text: str, path: str) -> None:
    """Merge one YAML document over `raw` (same names extend or override)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise SettingsError(
            f"actor dictionary {path}{where} is not valid YAML ({getattr(err, 'problem', err)}); "
            "check indentation and quote values containing ':', '{' or '#' (format: docs/actors.md)"
        ) from err
    if root is None:
        return
    top = _mapping(path, root, "the file")
    unknown = set(top) - {"version", "countries", "actors", "sources"}
    if unknown:
        raise _fail(path, root, f"unknown top-level key(s) {sorted(unknown)}",
                    "use only version, countries, actors and sources")
    if "countries" in top:
        for key, forms in _mapping(path, top["countries"], "`countries`").items():
            raw.countries[key] = raw.countries.get(key, ()) + _strings(path, forms, key)
    for node in _sequence(path, top.get("actors"), "actors"):
        name_node = _mapping(path, node, "each actor").get("name")
        base = raw.actors.get(str(getattr(name_node, "value", "")).lower())
        entry = _actor_entry(path, node, base)
        raw.actors[entry.name.lower()] = entry
    for node in _sequence(path, top.get("sources"), "sources"):
        name_node = _mapping(path, node, "each source").get("name")
        src_base = raw.sources.get(str(getattr(name_node, "value", "")).lower())
        source = _source_entry(path, node, src_base)
        raw.sources[source.name.lower()] = source


def _sequence(path: str, node: yaml.Node | None, what: str) -> list[yaml.Node]:
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"`{what}` must be a list",
                    f"start each {what[:-1]} with `- name:`")
    return list(node.value)


def load_actors(settings: Settings) -> ActorDictionary:
    """The packaged actor dictionary and each language's names (actors/lang/<code>.yaml),
    with `settings.actors_file` merged over them.

    A user entry with the name of a packaged one extends its aliases (or replaces
    them with `replace_aliases: true`) and may change its type and category; new
    names add actors. A malformed file raises `SettingsError` naming the line.
    """
    raw = _Raw()
    packaged = resources.files("tollwatch").joinpath("data/actors.yaml")
    _merge_text(raw, packaged.read_text(encoding="utf-8"), "tollwatch/data/actors.yaml")
    for code, path in alias_files():
        _merge_text(raw, path.read_text(encoding="utf-8"), f"tollwatch/actors/lang/{code}.yaml")
    if settings.actors_file:
        path = Path(settings.actors_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise SettingsError(
                f"actors_file {path} cannot be read ({err.strerror}); check the path in "
                "settings (TOLLWATCH_ACTORS_FILE)"
            ) from err
        _merge_text(raw, text, str(path))
    return ActorDictionary.build(
        list(raw.actors.values()), list(raw.sources.values()), raw.countries
    )


# ---------------------------------------------------------------------------- finding


def victim_type(actor: Actor) -> str:
    """The contract's victim vocabulary for an actor: military, police, militia, ...

    >>> victim_type(Actor("Civilians (Syria)", "civilians", "civilians"))
    'civilian'
    """
    return _VICTIM_TYPE.get(actor.category, "unknown")


_GENERIC_TAIL = re.compile(r"[\s()\-]*(?:[A-Z]{2,6}\)?)?[\s()\-]*(?:group\s*)?", re.IGNORECASE)
_LINKED = re.compile(
    r"\s+(?:linked|loyal|allied|affiliated|belonging|tied)\s+(?:to|with)\s+(?:the\s+)?|"
    r"\s+(?:of|from)\s+(?:the\s+)?|"
    # French, Spanish, Portuguese: "rebelles des ADF", "disidentes de las FARC"
    r"\s+(?:li[ée]s|affili[ée]s|vinculados|ligados)\s+(?:à|a|au|aux|al)\s+(?:la\s+|l['’]\s*)?|"
    r"\s*,?\s+(?:des|du|de\s+la|de\s+l['’]|d['’]|del|de\s+los|de\s+las|de|do|da|dos|das)\s*",
    re.IGNORECASE,
)


def find_actors(
    clean: CleanText, sentences: Sequence[Sentence], actors: ActorDictionary
) -> list[ActorMention]:
    """Actor mentions in `sentences`, longest form first, in text order.

    A generic form next to a named one is folded into it ("IS militants",
    "militants linked to Syria's former Al-Qaeda affiliate" -> one named
    mention); anaphoric forms ("the militant group") take the last named
    non-state actor before them, and are dropped when there is none.
    """
    found: list[ActorMention] = []
    last_named: list[ActorMention] = []
    for sentence in sentences:
        tokens = tokenize(sentence.text, sentence.span.start)
        mentions: list[tuple[ActorMention, bool]] = []
        for match in actors.actor_matcher.scan(tokens, clean.upper):
            entry = actors.actors[match.index]
            span = Span(tokens.starts[match.start], tokens.ends[match.end - 1])
            text = clean.text[span.start:span.end]
            if entry.refers_to:
                target = next(
                    (m for m in reversed(last_named) if m.actor.category in entry.refers_to), None
                )
                if target is None:
                    continue
                mention = ActorMention(target.actor, text, span, sentence.index, RULE + ".anaphor")
                mentions.append((mention, False))
                continue
            generic = entry.country_name is not None or entry.category == "unknown"
            mention = ActorMention(entry.actor(match.country), text, span, sentence.index, RULE)
            mentions.append((mention, generic))
        for mention, generic in _fold_generic(clean.text, mentions):
            found.append(mention)
            if not generic and mention.rule == RULE:
                last_named.append(mention)
    return found


_ARMED = frozenset({"unknown", "rebel", "militia", "jihadist", "criminal", "pro_government"})


def _fold_generic(
    text: str, mentions: list[tuple[ActorMention, bool]]
) -> list[tuple[ActorMention, bool]]:
    """Merge "IS militants", "Islamic State (IS)" and "militants linked to X" into one.

    Each item is (mention, generic); a generic armed form (militants, fighters)
    beside a named actor is the same party, so the named actor is kept.
    """
    out: list[tuple[ActorMention, bool]] = []
    for mention, generic in mentions:
        if out:
            prev, prev_generic = out[-1]
            gap = text[prev.span.end:mention.span.start]
            same = prev.actor == mention.actor and re.fullmatch(r"[\s()]*", gap) is not None
            named_then_generic = (
                generic and not prev_generic and mention.actor.category in _ARMED
                and _GENERIC_TAIL.fullmatch(gap) is not None
            )
            generic_then_named = (
                prev_generic and not generic and prev.actor.category in _ARMED
                and _LINKED.fullmatch(gap) is not None
            )
            if same or named_then_generic or generic_then_named:
                keep = mention if generic_then_named else prev
                span = Span(prev.span.start, mention.span.end)
                merged = ActorMention(
                    keep.actor, text[span.start:span.end], span, keep.sentence, keep.rule
                )
                out[-1] = (merged, generic and prev_generic)
                continue
        out.append((mention, generic))
    return out
