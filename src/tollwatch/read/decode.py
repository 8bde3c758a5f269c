"""Bytes to text for the reader: encodings (BOMs, UTF-8, cp1252, charset-normalizer)
and HTML to text (main text through trafilatura; all text of fragments).

Split from read/files.py to keep modules small; read/files.py re-exports the public names.
See docs/input.md for the order in which encodings are tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import EncodingError

# --- bytes to text ---------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Characters a Western-European text decoded as cp1252 plausibly holds beyond ASCII.
_PLAUSIBLE_CP1252 = re.compile(r"[\u00a0-\u00ff‘’“”–—…€•]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SAMPLE_BYTES = 256 * 1024


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode a file's bytes; return the text and a warning when it was not plain UTF-8.

    Order: a byte-order mark (UTF-8/16/32), UTF-8, UTF-16 without a mark, then a
    Western cp1252 reading when it looks right, then charset-normalizer's guess.
    Raise EncodingError for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            note = None if encoding == "utf-8-sig" else _encoding_note(name, encoding.upper())
            return text, note
    if b"\x00" in data[:SAMPLE_BYTES]:
        return _decode_with_nuls(data, name)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    western = _decode_cp1252(data)
    if western is not None:
        text, encoding = western, "cp1252 (Windows Latin-1)"
    else:
        text, encoding = _guess_encoding(data, name)
    if _looks_binary(text):
        raise EncodingError(binary_message(name))
    return text, _encoding_note(name, encoding)


def _encoding_note(name: str, encoding: str) -> str:
    return f"{name} is not UTF-8; read it as {encoding} (save it as UTF-8 to silence this warning)"


def binary_message(name: str) -> str:
    return (f"{name} looks like a binary file, not text; give JSON Lines, plain-text, HTML "
            "or RSS/Atom files (UTF-8 preferred)")


def _decode_with_nuls(data: bytes, name: str) -> tuple[str, str | None]:
    """NUL bytes: UTF-16 without a byte-order mark (every other byte zero), else binary."""
    sample = data[: min(len(data), SAMPLE_BYTES) // 2 * 2]
    even_zero = sample[0::2].count(0) / max(1, len(sample) // 2)
    odd_zero = sample[1::2].count(0) / max(1, len(sample) // 2)
    encoding = "utf-16-le" if odd_zero > 0.3 > even_zero else (
        "utf-16-be" if even_zero > 0.3 > odd_zero else None)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _looks_binary(text):
            return text, _encoding_note(name, encoding.upper())
    raise EncodingError(binary_message(name))


def _decode_cp1252(data: bytes) -> str | None:
    """The cp1252 reading when it looks like Western-European text.

    Such text is mostly ASCII, with few accented letters or typographic quotes; a
    Cyrillic or Greek text read as cp1252 is nearly all accented letters instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:SAMPLE_BYTES]
    extra = sum(1 for c in sample if ord(c) > 127)
    plausible = len(_PLAUSIBLE_CP1252.findall(sample))
    letters = sum(1 for c in sample if c.isalpha())
    return text if extra and plausible == extra and extra <= 0.2 * letters else None


def _guess_encoding(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's best guess, from a sample; EncodingError when it has none."""
    from charset_normalizer import from_bytes  # imported here: most input is UTF-8

    best = from_bytes(data[:SAMPLE_BYTES]).best()
    if best is None:
        raise EncodingError(binary_message(name))
    return data.decode(best.encoding, errors="replace"), best.encoding


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


# --- HTML to text ----------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Text taken from HTML, with the page's title and date when found."""

    text: str
    title: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()
    language: str | None = None  # the page's <html lang="..."> (or xml:lang)


class _TextParser(HTMLParser):
    """All visible text of an HTML fragment; block elements become new lines."""

    _BLOCKS = frozenset(
        ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
         "table", "section", "article", "header", "footer", "blockquote", "pre"]
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def simple_html_text(html: str) -> str:
    """Visible text of HTML with the standard library (feed snippets, fallback)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


def html_to_text(html: str, *, main_text: bool = True) -> Page:
    """Text of an HTML page (main text through trafilatura) or of a fragment (all text)."""
    if not main_text or "<" not in html:
        return Page(simple_html_text(html) if "<" in html else html.strip())
    try:
        import trafilatura  # imported here: loading it takes a while
    except ImportError as err:  # e.g. lxml_html_clean missing
        note = f"trafilatura is not usable ({err}); took all text of the page instead"
        return Page(simple_html_text(html), warnings=(note,))
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        note = "trafilatura found no main text; took all text of the page instead"
        return Page(simple_html_text(html), warnings=(note,))
    title = (getattr(doc, "title", None) or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text, title=title, date=getattr(doc, "date", None), language=html_language(html))


_HTML_LANG = re.compile(
    r"<html\b[^>]*?\b(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)",
    re.IGNORECASE,
)


def html_language(html: str) -> str | None:
    """The `lang` attribute of the page's <html> element ("fr-FR"), else None.

    >>> html_language('<!doctype html><html lang="fr-FR"><body>...</body></html>')
    'fr-FR'
    """
    match = _HTML_LANG.search(html[:5000])
    return match.group(1) if match else None
