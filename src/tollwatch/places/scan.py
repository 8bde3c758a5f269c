"""Scanning sentences for gazetteer names.

Part of rule ``places.v1`` (see places/geocode.py and docs/places.md): token n-grams
are looked up by name key, longest first, starting only at capitalised tokens
in ordinary text and at every token in upper-case or title-case text. What the names
say together is read by context.py (the report's countries) and frame.py (the other
names of a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

from ..read.script import (
    cyrillic_key,
    has_arabic,
    has_cyrillic,
    script_core,
    script_token_key,
    strip_clitics,
)
from ..records import CleanText, Sentence
from .gazetteer.model import Gazetteer
from .lang import union
from .lang.ar import TOWN_BEFORE
from .names import ARTICLES, fold, light_key, split_fused_article, token_key
from .ordinary import is_ordinary, title_case, unforced_capital

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]*[^\W_])?", re.UNICODE)


CONNECTORS = ARTICLES | frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "du",
        "des",
        "le",
        "les",
        "of",
        "and",
        "y",
        "e",
        "i",  # "Mazar-i-Sharif", "Dasht-i-Leili": the Persian link, as "-e-"
        "on",
        "upon",
        "sur",
        "au",
        "aux",
        "bin",
        "ibn",
        "bint",
    ]
)
# Lower-case words that end a name: the Cyrillic word for a province after its adjective,
# in its case forms ("Донецької області", data/gazetteer/admin1_aliases.csv).
NAME_TAILS = frozenset(["область", "области", "областью", "області", "областю"])
# Lower-case words inside the French, Spanish and Portuguese names of countries
# ("République démocratique du Congo", "República Democrática del Congo" written in lower
# case, "République centrafricaine", "Émirats arabes unis"): without them the run stops at
# "Congo", which alone is either Congo (data/gazetteer/country_aliases.csv)
COUNTRY_INNER_WORDS = frozenset(
    ["démocratique", "democrática", "centrafricaine", "arabe", "arabes", "unis", "syrienne"]
)
_INSIDE_NAMES = CONNECTORS | NAME_TAILS | COUNTRY_INNER_WORDS


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_ASCII_LOWER = re.compile(r"[a-z]")


MAX_CANDIDATES = 20  # the index lists the strongest candidates of a name first




# In upper-case text these short words start no name ("AT WAR", "AN ACT", "IN SAN...")
_NOT_FIRST_IN_CAPITALS = frozenset(
    [
        "an",
        "at",
        "as",
        "in",
        "to",
        "on",
        "of",
        "and",
        "or",
        "for",
        "by",
        "is",
        "it",
        "es",
        "en",
        "et",
        "ed",
        "er",
        "il",
        "ul",
        "a",
    ]
)


_LOWER_ARTICLES = frozenset({"al", "el", "ash", "adh", "ath", "az", "ez"})


@cache
def _stopwords() -> frozenset[str]:
    from .gazetteer.build import stopwords

    return stopwords()


def common_words() -> frozenset[str]:
    """Words that are never a place alone (our stop lists plus justext's)."""
    return _stopwords()


class Token(NamedTuple):
    start: int  # offset in the report text
    end: int
    text: str
    key: str  # spelling-folded key
    core: str  # key without a fused article ("ezzor" -> "zor"); "" for an article
    cap: bool


@dataclass
class Match:
    """A name found in a sentence, before it is resolved."""

    sentence: int
    first: int  # token positions in the sentence
    last: int
    start: int
    end: int
    candidates: tuple[int, ...]
    strict: bool
    exact: frozenset[int] = frozenset()  # candidates found with the articles kept
    sure: bool = False  # read by a rule that leaves no doubt ("Salem, Mass."): well spelled


@lru_cache(maxsize=65_536)
def _word_keys(raw: str) -> tuple[str, str, str, bool]:
    """(word without a possessive 's, key, article-free key, capitalised) of a raw token."""
    word = raw[:-2] if raw[-2:] in ("'s", "’s", "'S", "’S") else raw
    if has_arabic(word):  # keyed in its own script, as the gazetteer keys Arabic names
        key = script_token_key(word)
        return word, key, script_core(key), False
    if has_cyrillic(word):  # a stem, as the gazetteer keys Cyrillic names
        key = cyrillic_key(word)
        return word, key, key, word[:1].isupper()
    folded = fold(word).replace(" ", "")
    core = "" if folded in ARTICLES else token_key(split_fused_article(folded))
    return word, token_key(folded), core, word[:1].isupper()


_APOSTROPHES = ("'", "’")


def _drop_elision(text: str, raw: str, local: int) -> tuple[str, int]:
    """The French elided article or preposition on a name ("l'Ituri", "l'Extrême-Nord",
    "près d'Oicha", "la province d'Idleb") is not part of it; inside a hyphenated name
    ("Pont-l'Abbé") it is, and so is "d'" after a capitalised word ("Côte d'Ivoire")."""
    if not raw[2:3].isupper() or text[local - 1 : local] == "-":
        return raw, local
    if raw[0] == "d" and not _after_lower_word(text, local):
        return raw, local
    return raw[2:], local + 2


def _kept_de(raw: str) -> bool:
    """An elided "d'" kept on a capitalised name after a capitalised word ("Côte
    d'Ivoire"): a word of the name, as its capital says."""
    return raw[0] == "d" and raw[1:2] in _APOSTROPHES and raw[2:3].isupper()


def _after_lower_word(text: str, local: int) -> bool:
    """Whether the word before `local` (past spaces) starts in lower case ("près d'")."""
    end = local
    while end > 0 and text[end - 1] == " ":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < end and text[start].islower()


def _tokens(text: str, offset: int, strict: bool) -> list[Token]:
    """Word tokens; in ordinary text a lower-case word that cannot be inside a name
    ("killed", "near") gets no keys, which saves most of the work."""
    out: list[Token] = []
    add = out.append
    new = tuple.__new__  # Token(...) without its Python-level __new__: one per word
    keys, inside = _word_keys, _INSIDE_NAMES
    if strict:
        for m in _TOKEN.finditer(text):
            raw, local = m.group(), m.start()
            if raw[0] in "ld" and raw[1:2] in _APOSTROPHES:
                raw, local = _drop_elision(text, raw, local)
            word, key, core, cap = keys(raw)
            start = local + offset
            add(new(Token, (start, start + len(word), word, key, core, cap or _kept_de(raw))))
        return out
    for m in _TOKEN.finditer(text):
        raw = m.group()
        local = m.start()
        kept_de = False
        if raw[0] in "ld" and raw[1:2] in _APOSTROPHES:
            raw, local = _drop_elision(text, raw, local)
            kept_de = _kept_de(raw)
        start = local + offset
        if raw[0].islower() and raw not in inside and not kept_de:
            add(new(Token, (start, start + len(raw), raw, "", "-", False)))
            continue
        word, key, core, cap = keys(raw)
        add(new(Token, (start, start + len(word), word, key, core, cap or kept_de)))
    return out


def _longest(gaz: Gazetteer, tokens: list[Token], i: int) -> int:
    """The most tokens a name starting at token i can have (0: no name starts here)."""
    tok = tokens[i]
    firsts = gaz.firsts
    most = max(firsts.get(tok.key, 0), firsts.get(tok.core, 0) if tok.core else 0)
    if not tok.core and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        most = max(most, firsts.get(nxt.core, 0) + 1, firsts.get(nxt.key, 0) + 1)
    return min(most + 1, len(tokens) - i)


def _name_run(tokens: list[Token], i: int, most: int, strict: bool) -> int:
    """How many tokens from i on (`most` at most) may belong to one name: capitalised
    words or connectors; any word in upper-case or title-case text."""
    if strict:
        return most
    n = 0
    for tok in tokens[i : i + most]:
        if not (tok.cap or tok.text.lower() in _INSIDE_NAMES):
            break
        n += 1
    return n


def _is_strict(clean: CleanText, sentence: Sentence) -> bool:
    """Upper-case or title-case text: capitals say nothing, so ask for more evidence."""
    text = sentence.text
    if clean.upper or (
        _ASCII_LOWER.search(text) is None and not any(ch.islower() for ch in text)
    ):
        return True  # (an ASCII lower-case letter, found by a regex, spares the loop)
    long_words = _LONG_WORD.findall(text)
    if len(long_words) < 5:
        return False
    capitals = sum(map(str.isupper, map(itemgetter(0), long_words)))  # first letters
    return capitals / len(long_words) > 0.85


def _can_start(tokens: list[Token], i: int, strict: bool) -> bool:
    tok = tokens[i]
    lower = tok.text.lower()
    if lower == "the" or (strict and lower in _NOT_FIRST_IN_CAPITALS):
        return False
    if strict or tok.cap:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.cap or tok.text.lower() not in ARTICLES:
        return False
    # "al-Mayadeen", "ez-Zor": Arabic articles; a lone "en"/"as"/"at" is a Spanish or
    # English word ("en Juárez")
    return tok.end == nxt.start - 1 or tok.text.lower() in _LOWER_ARTICLES


def _common_word(gaz: Gazetteer, tok: Token, strict: bool) -> bool:
    """A lone word that is a common word, a demonym, or (in capital-less text) very short.

    A country's own name is never a demonym, though it may share the demonym's key
    ("Somalia" and "Somali", "Argentina" and "Argentine") or be used as one ("Myanmar").
    """
    lower = tok.text.lower()
    if lower in _stopwords() or (strict and len(lower) < 3):
        return True
    if len(lower) < 3 and not tok.text.isupper():
        return True  # "Os", "En": a two-letter place or country code is written "US", "DR"
    return tok.key in gaz.demonyms and not names_country(gaz, tok.text)


def _article_on_common_word(gaz: Gazetteer, text: str, run: list[Token], strict: bool) -> bool:
    """An article hyphened to a common word ("Al-Shabaab", "al-Houthi") is that word:
    the armed group is no place, though GeoNames has an Iranian "Shabāb" whose vote
    made "the capital" of a Somali report Tehran. Only with the hyphen: "El Centro"
    and "La Victoria" are names."""
    article, word = run
    return (
        not article.core
        and text[article.end : word.start] == "-"
        and _common_word(gaz, word, strict)
    )


def names_country(gaz: Gazetteer, word: str) -> bool:
    """Whether a word is spelled as a country's name ("Somalia", "Myanmar", not "Somali")."""
    return any(gaz.kinds[i] == 2 for i in gaz.spelled(light_key(word)))


def _lookup(gaz: Gazetteer, run: list[Token]) -> tuple[tuple[int, ...], frozenset[int]]:
    """Candidates by the full key, then by the article-free key; and the full-key ones."""
    if len(run) == 1:  # most lookups: one word
        tok = run[0]
        full, core = tok.key, tok.core
    else:
        full = " ".join([t.key for t in run])
        core = " ".join([t.core for t in run if t.core])
    found = gaz.candidates(full)
    if not core or core == full:
        return found, frozenset()
    more = gaz.candidates(core)
    if found and more:
        return tuple(dict.fromkeys(found + more)), frozenset(found)
    return found or more, frozenset()


def _possessive_names(gaz: Gazetteer, text: str, tokens: list[Token]) -> list[Token]:
    """Words whose "'s" is part of a longer name ("Cox's Bazar", "COX'S BAZAR") keep it:
    a word read without its possessive ("Cox") is kept with it when, with the next word,
    it is a gazetteer name ("Carroll's death" stays Carroll's)."""
    out = list(tokens)
    for k, tok in enumerate(tokens[:-1]):
        tail = text[tok.end : tok.end + 2]
        if tok.end == tok.start or tail[:1] not in ("'", "’") or tail[1:] not in ("s", "S"):
            continue
        raw = text[tok.start : tok.end + 2]
        key = token_key(fold(raw).replace(" ", ""))
        if gaz.firsts.get(key, 0) >= 2 and gaz.candidates(f"{key} {tokens[k + 1].key}"):
            out[k] = Token(tok.start, tok.end + 2, raw, key, key, tok.cap)
    return out


# A district or community word after a Cyrillic adjective ("район", "громаді").
_UNIT_WORD = re.compile(rf"(?:{union('unit_words')})$")
# Keys of a Cyrillic adjective of a town ("шостконск", "семеновск": "-ский", "-ський").
_ADJECTIVE_KEY = ("ск", "цк")
# What a town's adjective adds to its stem, tried in turn: "Семенівка" -> "Семенівський"
# (stem + "к"), "Ізмаїл" -> "Ізмаїльський" (stem), "Шостка" -> "Шосткинский" ("-ин-").
_ADJECTIVE_LINKS = ("он", "ан")


def _town_keys(key: str) -> list[str]:
    """The keys of the town an adjective's key ("шостконск") may be made from."""
    stem = key[:-2]
    keys = [stem + "к", stem]
    for link in _ADJECTIVE_LINKS:
        if stem.endswith(link) and len(stem) > len(link) + 2:
            keys += [stem[: -len(link)] + "к", stem[: -len(link)]]
    return [k for k in keys if len(k) >= 3]


def _named_so(gaz: Gazetteer, ids: tuple[int, ...], tok: Token) -> bool:
    """A town whose own name is the adjective's stem ("Куп'янського району": Kupiansk):
    a name in -sk that opens as the word does, not a place of another name that has the
    key as an alias, nor a place named by an adjective ("Semënovskoye")."""
    head = fold(tok.text)[:2]
    return any(
        (name := fold(gaz.names[i])).endswith(("sk", "ck")) and name.startswith(head)
        for i in ids
    )


def _adjectival_units(gaz: Gazetteer, tokens: list[Token]) -> list[Token]:
    """ "Шосткинский район", "Семенівській громаді": a capitalised Cyrillic adjective
    before a unit word names the unit of a town, looked up by that town's name (Shostka,
    Semenivka); a town named like the adjective (Kupiansk) stands for it; else the word
    names no place."""
    out = list(tokens)
    for k in range(len(tokens) - 1):
        tok = tokens[k]
        if (not tok.cap or not tok.key.endswith(_ADJECTIVE_KEY)
                or not _UNIT_WORD.match(tokens[k + 1].text.lower())):
            continue
        if _named_so(gaz, gaz.candidates(tok.key), tok):
            continue
        key = next((t for t in _town_keys(tok.key) if gaz.candidates(t)), "")
        out[k] = tok._replace(key=key, core=key)
    return out


def _unclitic(gaz: Gazetteer, tokens: list[Token]) -> list[Token]:
    """Arabic words that are no name's first word as written ("بحلب", "وإدلب") are looked
    up without their clitic prefix (read/script.py): "بحلب" is "حلب", Aleppo."""
    out = []
    for tok in tokens:
        bare = strip_clitics(tok.text) if tok.key not in gaz.firsts else tok.text
        if bare != tok.text and has_arabic(bare):
            _, key, core, cap = _word_keys(bare)
            if key in gaz.firsts:
                tok = Token(tok.end - len(bare), tok.end, bare, key, core, cap)
        out.append(tok)
    return out


_TOWN_BEFORE = re.compile(rf"(?:{TOWN_BEFORE})")


def _marked_towns(
    gaz: Gazetteer, sentence: Sentence, tokens: list[Token], matches: list[Match], strict: bool
) -> list[Match]:
    """Towns named by an everyday word, read where the word before marks a town:
    "مدينة الباب" (Al-Bab), "في بلدة القائم" (Al-Qaim), "مدينة صور" (Tyre); the same word
    elsewhere ("الباب", the door) names nothing (`Gazetteer.marked`)."""
    taken = {k for m in matches for k in range(m.first, m.last + 1)}
    found = []
    for k in range(1, len(tokens)):
        tok = tokens[k]
        if k in taken or k - 1 in taken:
            continue
        ids = gaz.marked.get(tok.key) or (gaz.marked.get(tok.core) if tok.core else None)
        if ids and _TOWN_BEFORE.fullmatch(tokens[k - 1].text):
            found.append(Match(sentence.index, k, k, tok.start, tok.end, ids, strict, sure=True))
    if not found:
        return matches
    return sorted([*matches, *found], key=lambda m: m.first)


def scan(
    gaz: Gazetteer, clean: CleanText, sentence: Sentence, ordinary: Container[str] = frozenset()
) -> tuple[list[Token], list[Match]]:
    """Gazetteer names of one sentence (`ordinary`: the report's lower-case words,
    `ordinary_words`, which a lone capitalised word by position does not name)."""
    strict = _is_strict(clean, sentence)
    tokens = _tokens(sentence.text, sentence.span.start, strict)
    title = bool(ordinary) and title_case(sentence)
    # each rule reads its own words, so all that a sentence's letters call for apply: an
    # apostrophe inside a Ukrainian word ("Куп'янського району") or an Arabic name quoted
    # in a Russian sentence keeps the Cyrillic adjective rule
    if "'" in sentence.text or "’" in sentence.text:
        tokens = _possessive_names(gaz, clean.text, tokens)
    if has_arabic(sentence.text):  # clitics are Arabic: other sentences keep their tokens
        tokens = _unclitic(gaz, tokens)
    if has_cyrillic(sentence.text):
        tokens = _adjectival_units(gaz, tokens)
    matches: list[Match] = []
    # a name starts at a capitalised word or an article; any word in strict text
    starts = range(len(tokens)) if strict else [
        k for k, tok in enumerate(tokens) if tok.cap or not tok.core
    ]
    after = 0  # the token after the last name found
    for i in starts:
        if i < after or not _can_start(tokens, i, strict):
            continue
        found = None
        most = _longest(gaz, tokens, i)
        for n in range(max(_name_run(tokens, i, most, strict), 1) if most else 0, 0, -1):
            run = tokens[i : i + n]
            tail = run[-1].text.lower()
            if tail in CONNECTORS or (not run[-1].cap and not strict and tail not in NAME_TAILS):
                continue
            if n == 1 and _common_word(gaz, run[0], strict):
                break
            if n == 2 and _article_on_common_word(gaz, clean.text, run, strict):
                break
            if (
                n == 1
                and ordinary
                and unforced_capital(sentence, run[0].start, title)
                and is_ordinary(run[0].text, ordinary)
            ):
                break
            cands, exact = _lookup(gaz, run)
            if cands:
                found = Match(
                    sentence.index, i, i + n - 1, run[0].start, run[-1].end, cands, strict, exact
                )
                break
        if found:
            matches.append(found)
            after = found.last + 1
    if gaz.marked and has_arabic(sentence.text):
        matches = _marked_towns(gaz, sentence, tokens, matches, strict)
    if ", " in sentence.text:
        matches = _with_abbreviations(gaz, sentence, tokens, matches, strict)
    return tokens, matches


@cache
def _abbreviations() -> dict[str, str]:
    from .gazetteer.build import data_rows

    return {abbr.lower(): code for abbr, code in data_rows("state_abbreviations.csv")}


def abbreviation_pattern() -> re.Pattern[str]:
    """The pattern of a state abbreviation after a town ("Salem, Mass.", "Dothan, AL")."""
    return _abbreviation_pattern()


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    dotted = "|".join(re.escape(a) for a in sorted(_abbreviations(), key=len, reverse=True))
    # "Salem, Mass." / "FORT WAYNE, IND." / "Dothan, AL": only right after a capitalised name
    return re.compile(rf"(?<=\w), (?:(?i:{dotted})|(?P<postal>[A-Z]{{2}})(?![\w'’-]))")


_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)$")


def _with_abbreviations(
    gaz: Gazetteer, sentence: Sentence, tokens: list[Token], matches: list[Match], strict: bool
) -> list[Match]:
    """Add the state abbreviations that follow a town ("Salem, Mass.") as sure provinces,
    in place of any name read from the same letters. In upper-case text a two-letter
    word is no postal code ("SAN SALVADOR, IN ...")."""
    found: list[Match] = []
    offset = sentence.span.start
    for hit in _abbreviation_pattern().finditer(sentence.text):
        word = _LAST_WORD.search(sentence.text, max(0, hit.start() - 40), hit.start())
        if word is None or not word.group()[0].isupper():
            continue  # "killed, PA" or "8, AL": no town before it
        if strict and hit.group("postal"):
            continue
        abbr = hit.group()[2:]
        code = f"US.{abbr}" if hit.group("postal") else _abbreviations().get(abbr.lower())
        entry = gaz.admin1_entries.get(code or "")
        if entry is None:
            continue
        start, end = offset + hit.start() + 2, offset + hit.end()
        inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        found.append(
            Match(
                sentence.index,
                first,
                last,
                start,
                tokens[last].end,
                (entry,),
                False,
                frozenset([entry]),
                sure=True,
            )
        )
    if not found:
        return matches
    kept = [m for m in matches if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)
