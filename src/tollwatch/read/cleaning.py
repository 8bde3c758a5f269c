"""Cleaning: split a report into sentences and mark boilerplate, never changing the text.

    report.text -> blocks (lines, or paragraphs of hard-wrapped wire text)
                -> sentences (offsets into the original text)
                -> flags: headline, boilerplate

Every `Sentence` satisfies ``text[s.span.start:s.span.end] == s.text``; whitespace
between sentences is simply not covered by any span. Cleaning runs on every report,
violent or not, so it uses precompiled regular expressions only (no NLP library).
The rules are written in docs/input.md; `clean.v1` is the name of this rule set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..records import CleanText, Report, Sentence, Span
from ..settings import Settings

RULE = "clean.v1"



def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles and other abbreviations that are followed by a name, never by a new sentence.
_PREFIX_ABBREVS = _words(
    """mr mrs ms messrs dr prof gen gens lt col cols maj capt cpt sgt cpl pvt adm cmdr cdr
    brig lieut supt insp det rev hon sen rep gov pres amb st mt ft sr jr"""
)
# Month abbreviations: an abbreviation when a day or year follows ("Jan. 5", "SEPT. 1990").
_MONTH_ABBREVS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
# Ambiguous abbreviations: a sentence ends after them only when a sentence opener follows.
_OTHER_ABBREVS = _words(
    """no nos vol vols fig figs pp etc inc corp ltd co bros approx est dept govt univ
    ca cf vs al"""
)
# Words that usually open a sentence; used after ambiguous periods ("the U.S. It said").
_OPENERS = _words(
    """the a an it he she they we i you this that these those there but and however
    meanwhile in on at after before when while his her their its our one two three
    according police officials witnesses residents no some many most all earlier later
    also yet so if as since"""
)

_UPPER_LETTERS = re.compile(r"[A-Z]")
_LOWER_LETTERS = re.compile(r"[a-z]")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
# A paragraph break in hard-wrapped text: a blank line, or a new line that is indented.
_WRAPPED_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]+\S)")
# A line break ends a sentence, unless the next line goes on in lower case.
_LINE_BREAK = re.compile(r"\n(?![ \t]*[a-z])")
# Sentence-final punctuation, with closing quotes/brackets, followed by whitespace.
# Linear: a run of marks is matched whole, from its first mark only (a line of 180
# periods made the former `(?:\.{3}|…|[.!?])+` backtrack exponentially).
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s)")
# Any script's letters: "blessés." is a word, not the initial "s." (tried from word starts only)
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_](?:[^\W\d_]|\.)*)\.$")
_WORD_WINDOW = 64
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]*([A-Za-z]+|\d)?")
_FINAL_PUNCT = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")
_TRAILING_TAG = re.compile(r"\s*\[[^\]]*\]\s*$")  # "... [size=no report]"
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$|^[A-Za-z]$")
_LIST_NUMBER = re.compile(r"^\s*[\(\[]?\d{1,3}$")
# Wire datelines: "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT]",
# "BEIRUT, March 3 (Reuters) - ": a city in capitals, then a date or an agency.
_DATELINE = re.compile(
    r"""[ \t]*
    (?P<dateline>
      [A-Z][A-Z.'’ -]{1,40}?(?:[ \t]\([A-Z][A-Za-z ]{1,30}\))?
      (?:,[ \t](?:[^\n()]|\([^()\n]{1,60}\)){1,80}?)?
      [ \t]*\n?[ \t]*(?:--|—|–|-)(?=\s)
      (?:\s*\[[^\]]{0,300}\])*
    )""",
    re.VERBOSE,
)
_DATELINE_HINT = re.compile(
    r"\d{1,2}[ \t][A-Z][A-Za-z]{2,8}\.?[ \t]\d{2,4}|[A-Z][a-z]{2,8}\.?[ \t]\d{1,2}"
    r"|\([A-Za-z][A-Za-z -]{1,30}\)|NO[ \t]DATE"
)


@dataclass(frozen=True)
class _Block:
    """A paragraph (wrapped text) or a line, by offsets; `dateline` for a wire dateline."""

    start: int
    end: int
    dateline: bool = False


def clean(report: Report, settings: Settings) -> CleanText:
    """Split `report.text` into sentences with offsets into the original text.

    Marks the headline (a first line without final punctuation), boilerplate
    (newsletter sign-ups, copyright lines, related-links lists, ...) and whether the
    text is upper-case wire copy.

    >>> c = clean(Report(id="r", text="Gen. Lee spoke.  Five died."), Settings())
    >>> [s.text for s in c.sentences]
    ['Gen. Lee spoke.', 'Five died.']
    """
    text = report.text
    upper = is_upper(text)
    wrapped = is_hard_wrapped(text)
    spans: list[Span] = []
    blocks: list[int] = []
    headline = False
    for number, block in enumerate(split_blocks(text, wrapped)):
        for span in split_sentences(text, block.start, block.end, upper):
            if not spans:
                headline = not block.dateline and _is_headline(text, span)
            spans.append(span)
            blocks.append(number)
    sentences = [
        Sentence(i, span, text[span.start : span.end], headline=headline and i == 0)
        for i, span in enumerate(spans)
    ]
    marked = mark_boilerplate(sentences, blocks, links=not wrapped, text=text)
    return CleanText(report.id, text, marked, upper=upper)


def dateline(cleaned: CleanText) -> Sentence | None:
    """The wire dateline ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- [TEXT]"), if any.

    It is the first sentence, or the second after a headline, and never a headline
    itself; it names where and when the report was filed: a fallback for the
    incident's country and an anchor for dates.
    """
    for sentence in cleaned.sentences[:2]:
        m = _DATELINE.match(cleaned.text, sentence.span.start)
        if m and m.end("dateline") == sentence.span.end and _DATELINE_HINT.search(sentence.text):
            return sentence
        if not sentence.headline:
            break
    return None


def is_upper(text: str, sample: int = 5_000) -> bool:
    """True when the text is upper-case copy (>= 90 % of its first letters are capitals)."""
    head = text[:sample]
    n_upper = len(_UPPER_LETTERS.findall(head))
    n_lower = len(_LOWER_LETTERS.findall(head))
    return n_upper >= 20 and n_upper >= 9 * n_lower


def is_hard_wrapped(text: str, max_lines: int = 400) -> bool:
    """True when lines are cut at a fixed width (wire copy) rather than one per paragraph.

    A line inside a paragraph (followed by a non-blank, non-indented line) of wrapped
    text is filled to nearly the wrap width (at most 100 characters), and often
    ends in the middle of a sentence. Text with one paragraph per line has inner
    lines of all lengths, most of them ending a sentence.
    """
    lines = text.split("\n", max_lines)[:max_lines]
    inner: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if line.strip() and following.strip() and not following[:1].isspace():
            inner.append(line.strip())
    if len(inner) < (2 if is_upper(text) else 3):
        return False
    width = max(len(line.strip()) for line in lines)
    if not 40 <= width <= 100:
        return False
    filled = sum(len(line) >= 0.75 * width for line in inner)
    mid_sentence = sum(not _FINAL_PUNCT.search(line) for line in inner)
    return filled >= 0.6 * len(inner) and mid_sentence >= 0.5 * len(inner)


def split_blocks(text: str, wrapped: bool) -> Iterator[_Block]:
    """Paragraph-level blocks: lines, or paragraphs in hard-wrapped text; a dateline alone.

    A dateline is looked for at the start of the first block, or of the second when
    the first is a headline-like single line ("Title\nBEIRUT (Reuters) - ...").
    """
    breaker = _WRAPPED_BREAK if wrapped else _LINE_BREAK
    start = 0
    seen: list[_Block] = []
    for m in [*breaker.finditer(text), None]:
        end = m.start() if m else len(text)
        may_have_dateline = not seen or (len(seen) == 1 and _title_line(text, seen[0]))
        for block in _trimmed(text, start, end, may_have_dateline):
            yield block
            if len(seen) < 2:
                seen.append(block)
        start = m.end() if m else len(text)


def _trimmed(text: str, start: int, end: int, first: bool) -> Iterator[_Block]:
    """The block [start, end) without surrounding whitespace; a leading dateline split off."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if first:
        m = _DATELINE.match(text, start, end)
        if m and _DATELINE_HINT.search(m.group("dateline")):
            yield _Block(m.start("dateline"), m.end("dateline"), dateline=True)
            yield from _trimmed(text, m.end(), end, first=False)
            return
    yield _Block(start, end)


def _title_line(text: str, block: _Block) -> bool:
    piece = text[block.start : block.end]
    return not block.dateline and "\n" not in piece and not _FINAL_PUNCT.search(piece)


def split_sentences(text: str, start: int, end: int, upper: bool) -> Iterator[Span]:
    """Sentence spans inside the block [start, end) of `text` (no surrounding whitespace).

    No span is longer than `MAX_SENTENCE_CHARS` (see `_bounded`)."""
    sentence_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, sentence_start, m.start(), m.end(), end, upper):
            yield from _bounded(text, sentence_start, m.end())
            sentence_start = _skip_space(text, m.end(), end)
    if sentence_start < end:
        yield from _bounded(text, sentence_start, end)


# The longest sentence of the dev gold sets has 1,845 characters. Longer "sentences" are
# scraped lines without punctuation, tables or hostile text: cut into pieces, so the
# work of every sentence-local finder stays bounded per sentence and linear per report.
MAX_SENTENCE_CHARS = 4_000


def _bounded(text: str, start: int, end: int) -> Iterator[Span]:
    """[start, end) in pieces of at most `MAX_SENTENCE_CHARS` characters."""
    while end - start > MAX_SENTENCE_CHARS:
        piece_end = _piece_end(text, start)
        yield Span(start, piece_end)
        start = _skip_space(text, piece_end, end)
    if start < end:
        yield Span(start, end)


def _piece_end(text: str, start: int) -> int:
    """Where a piece of a long sentence ends: after the last comma, semicolon or colon in
    the second half of its `MAX_SENTENCE_CHARS`, else at the last white space there
    (trailing white space left out), else at the limit (a word longer than that)."""
    low, limit = start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS
    cut = max(text.rfind(mark, low, limit) for mark in (", ", "; ", ": "))
    if cut >= 0:
        return cut + 1
    cut = max(text.rfind(space, low, limit) for space in (" ", "\n", "\t", "\r"))
    if cut < 0:
        return limit
    while cut > start + 1 and text[cut - 1].isspace():
        cut -= 1
    return cut


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(
    text: str, sentence_start: int, punct_start: int, punct_end: int, end: int, upper: bool
) -> bool:
    """Does the sentence end at this punctuation? Abbreviations, initials, lists say no."""
    nxt = _NEXT_WORD.match(text, punct_end, end)
    next_word = nxt.group(1) if nxt else None
    if next_word is None:  # a symbol or a non-ASCII letter follows
        return True
    if not upper and next_word[0].islower():
        return False
    if text[punct_start] != "." or text[punct_start : punct_start + 3] == "...":
        return True
    # The word before the period, looked for in a window: a long run of periods that end
    # no sentence ("Dr. Dr. Dr. ...") must not read the whole sentence at each one.
    before = text[max(sentence_start, punct_start - _WORD_WINDOW) : punct_start + 1]
    if punct_start - sentence_start <= 6 and _LIST_NUMBER.match(before[:-1]):  # "1. AT 0945"
        return False
    word_match = _WORD_BEFORE.search(before)
    if not word_match:
        return True
    return _ends_after_word(word_match.group(1), next_word)


def _ends_after_word(word: str, next_word: str) -> bool:
    """Given the word before a period and the word after, is this a sentence end?"""
    key = word.lower().replace(".", "")
    opener = next_word.lower() in _OPENERS
    if key in _PREFIX_ABBREVS:
        return False
    if key in _MONTH_ABBREVS:
        return not next_word.isdigit()
    if key in _OTHER_ABBREVS or _INITIALISM.match(word):
        return opener
    return True


def _is_headline(text: str, first: Span) -> bool:
    """Is the first sentence a whole first line without final punctuation?"""
    line_start = text.rfind("\n", 0, first.start) + 1
    line_end = text.find("\n", first.start)
    line_end = len(text) if line_end < 0 else line_end
    return (
        not text[:first.start].strip()
        and not text[first.end : line_end].strip()
        and first.end - first.start <= 300
        and not _FINAL_PUNCT.search(_TRAILING_TAG.sub("", text[first.start : first.end]))
        and line_start <= first.start
    )


# Boilerplate: a sentence matching one of these is marked, wherever it stands.
_BOILERPLATE = re.compile(
    "|".join(
        [
            r"\bsign(?:ing)?[ -]?up\b.{0,80}?\b(?:newsletters?|e-?mails?|latest|updates|alerts|"
            r"briefings?|inbox)\b",
            r"\b(?:newsletters?|e-?mail alerts?|briefing)\b.{0,60}?\bsign(?:ing)?[ -]?up\b",
            r"^(?:new\b[ :]*)?(?:[\w'’&.-]+ ){0,4}newsletters?\b",
            r"^subscribe\b|\bsubscribe (?:now|today|here|to (?:our|the|get))\b",
            r"\bto learn more about republishing\b",
            r"\brepublish(?:ing)? this (?:content|article|story)",
            r"\breprints? (?:and|&) permissions\b",
            r"^follow us\b|\bfollow (?:us|[\w@.]+) on (?:twitter|facebook|instagram|x|telegram|"
            r"whatsapp|linkedin|youtube|tiktok|threads|bluesky)\b|\blike us on facebook\b",
            r"^(?:read more|related|see also|also read|read also|more on this story|"
            r"recommended|you may also like|most read|most popular|trending now)\b",
            # the French link to another story: "→ A LIRE AUSSI : Niger : 8 morts ..."
            r"^(?:[→>»•*-]\s*)?(?:(?:à|a)\s+)?lire\s+(?:aussi|également|la\s+suite)\b",
            # a link to another story: "[OTHER NEWS: Man shot dead in ...]", "MORE: ..."
            r"^[\[(]\s*(?:other news|more news|related|read more|see also|also|more|watch)"
            r"\s*:|^(?:other news|more news|more|also|watch|previous|read)\s*:",
            r"^(?:copyright|©)|©\s*(?:\d{4}|[A-Z])|\bcopyright\s*(?:©\s*)?(?:\(c\)\s*)?\d{4}"
            r"|\(c\)\s*\d{4}",
            r"\ball rights reserved\b",
            r"\b(?:click|tap) here\b|\bcan be found here\b",
            r"^(?:photo|photograph|image|picture|pictured|file photo|main image|caption)"
            r"(?: credit| caption)?\s*[:/|]",
            # a byline or a time stamp line: "By Our Correspondent | 14 May 2025, 08:41",
            # "Updated 13 July 2025 | 4 min read"
            r"^by\s+[^.|]{2,60}\|\s*\d|^by\s+(?:our|staff|an?)\s+(?:\w+\s+)?"
            r"(?:correspondents?|reporters?|writers?)\W*$",
            r"^(?:(?:last\s+)?updated|published|posted)\b[^.]{0,40}?(?:19|20)\d\d\b"
            r"|^(?:(?:last\s+)?updated|published|posted)\b[^.]{0,40}\|\s*\d+\s+min\w*\s+read\W*$",
            r"\b(?:photo|image|picture) (?:credit|courtesy)\b|\b(?:getty images|ap photo|"
            r"afp via getty|afp photo|shutterstock|epa-efe)\b",
            r"\b(?:terms of (?:use|service)|privacy policy|cookie policy|we use cookies)\b",
            r"\b(?:download|get) (?:our|the) app\b|\bsupport (?:our|independent) journalism\b",
            r"\b(?:delivers|provides|brings you) "
            r"(?:independent|in-depth|award-winning|unrivalled)\b",
            r"^(?:advertisement|share|share this(?: article| story| page)?|"
            r"skip to (?:main )?content|"
            r"listen to this article|image caption|media caption|comments?|print|e-?mail|"
            r"whatsapp|facebook|twitter)\W*$",
        ]
    ),
    re.IGNORECASE,
)
# A header that announces a list of links; the title-like lines after it are boilerplate.
_LINKS_HEADER = re.compile(
    r"^(?:read more|related(?: \w+)?|see also|more on this story|more from [\w ]{1,30}|"
    r"you may also like|recommended(?: for you)?|most read|most popular|top stories|"
    r"latest news|more stories|also read|read also"
    # the same header in the other languages read: "إقرأ أيضاً:", "À lire aussi",
    # "Lee también", "Leia também"
    r"|[اإ]قرأ\s+(?:أيضا|ايضا)\W?|(?:à\s+|a\s+)?lire\s+aussi|lea?\s+también|leer\s+más"
    r"|leia\s+(?:também|mais)|veja\s+também)\W*$",
    re.IGNORECASE,
)
_TITLE_START = re.compile(r"^(?:[*•·–—-]\s*)?[\"'“‘]?[A-Z0-9]")  # a bullet may lead
# after a links header, a title in a script without capitals (Arabic) starts a link too
_TITLE_START_ANY = re.compile(r"^(?:[*•·–—-]\s*)?[\"'“‘«]?[A-Z0-9\u0600-\u06FF]")
_LINK_RUN = 3  # this many title-like lines in a row (away from the top) are a links list


# Every boilerplate pattern holds one of these (lower case): a cheap test first, so the
# full pattern only runs on the few sentences that may match.
_BOILERPLATE_KEYS = (
    "sign", "newsletter", "subscribe", "republish", "reprint", "follow", "like us", "read", "lire",
    "related", "see also", "news:", "more:", "also:", "watch:", "previous:",
    "more on this", "recommended", "you may also", "most ",
    "trending", "copyright", "©", "(c)", "rights reserved", "here", "photo", "image",
    "picture", "caption", "getty", "by ", "updated", "published", "posted", "shutterstock",
    "epa-efe", "terms of", "privacy",
    "cookie", "app", "journalism", "delivers", "provides", "brings you", "advertis", "share",
    "skip to", "listen to", "comment", "print", "mail", "whatsapp", "facebook", "twitter",
)


def is_boilerplate(sentence_text: str) -> bool:
    """Does this sentence match a boilerplate pattern (sign-ups, credits, copyright...)?"""
    lowered = sentence_text.lower()
    if not any(key in lowered for key in _BOILERPLATE_KEYS):
        return False
    return _BOILERPLATE.search(sentence_text.strip()) is not None


def mark_boilerplate(
    sentences: list[Sentence], blocks: list[int], *, links: bool = True, text: str = ""
) -> tuple[Sentence, ...]:
    """Flag boilerplate sentences; `blocks[i]` is the line/paragraph of sentence i.

    A sentence is boilerplate when it matches a pattern, when at least half of the
    sentences of its block do, or (with `links`, for text that is not hard-wrapped)
    when it is one of a run of short title-like lines (a related-links list) or
    follows a "Related:" header.
    """
    flags = [is_boilerplate(s.text) for s in sentences]
    by_block: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        by_block.setdefault(block, []).append(i)
    for members in by_block.values():
        if 2 * sum(flags[i] for i in members) >= len(members):
            for i in members:
                flags[i] = flags[i] or any(flags[j] for j in members)
    for i in _link_list_members(sentences, by_block) if links else []:
        flags[i] = True
    for i in _teaser_after_header(sentences, blocks, text) if links else []:
        flags[i] = True
    return tuple(
        s if flag == s.boilerplate else replace(s, boilerplate=flag)
        for s, flag in zip(sentences, flags, strict=True)
    )


def _title_like(sentence: Sentence, *, any_script: bool = False) -> bool:
    """A short line that reads like a link title: 2-15 words, no final punctuation
    (with `any_script`, right after a links header, a title may start in Arabic).

    Lines that are mostly figures ("Net 27,608,000 vs 31,117,000", "Kabul: 12 killed,
    20 wounded") are table rows, not titles: a quarter of the words at most may hold
    digits.
    """
    words = sentence.text.split()
    figures = sum(any(c.isdigit() for c in word) for word in words)
    return (
        not sentence.headline
        and "\n" not in sentence.text
        and 2 <= len(words) <= 15
        and 4 * figures <= len(words)
        and len(sentence.text) <= 120
        and (_TITLE_START_ANY if any_script else _TITLE_START).match(sentence.text)
        is not None
        and not _FINAL_PUNCT.search(sentence.text)
    )


def _teaser_after_header(sentences: list[Sentence], blocks: list[int], text: str) -> list[int]:
    """After a links header ("إقرأ أيضاً:", "Read also"), the block of a title line, and
    the other story's lead on the very next line when the report ends there (a teaser at
    the foot); a paragraph after a blank line is the report's own again."""
    members: list[int] = []
    for i, sentence in enumerate(sentences[:-1]):
        if _LINKS_HEADER.match(sentence.text.strip()) is None:
            continue
        title = blocks[i + 1]
        if blocks[i] == title or not _title_like(sentences[i + 1], any_script=True):
            continue
        members.extend(j for j in range(i + 1, len(sentences)) if blocks[j] == title)
        rest = [j for j in range(i + 1, len(sentences)) if blocks[j] != title]
        if not rest or len({blocks[j] for j in rest}) != 1:
            continue
        gap = text[sentences[rest[0] - 1].span.end : sentences[rest[0]].span.start]
        if text and gap.count("\n") == 1:
            members.extend(rest)
    return members


def _link_list_members(sentences: list[Sentence], by_block: dict[int, list[int]]) -> list[int]:
    """Sentences in related-links lists: title-like one-sentence blocks in a run."""
    singles = [m[0] for m in by_block.values() if len(m) == 1]
    members: list[int] = []
    run: list[int] = []
    after_header = False
    for i in [*singles, -1]:
        # "RELATED COVERAGE" is title-like too: a header ends a run and opens a list
        header = i >= 0 and _LINKS_HEADER.match(sentences[i].text.strip()) is not None
        if i >= 0 and not header and _title_like(sentences[i], any_script=after_header) and (
                not run or run[-1] == i - 1):
            run.append(i)
            continue
        top = bool(run) and run[0] <= 1
        if after_header or (len(run) >= _LINK_RUN and not top):
            members.extend(run)
        after_header = header
        run = []
        if i >= 0 and not header and _title_like(sentences[i]):
            run.append(i)
            after_header = False
    return members
