"""HTML pages: the main text through trafilatura, with the page's title and date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..errors import InputError
from ..records import Report
from .decode import html_to_text
from .result import ReadResult, decode_nonempty, parse_date, reject


def read_html_bytes(
    data: bytes, *, name: str, origin: str, published: date | None = None,
    source: str | None = None,
) -> Iterator[ReadResult]:
    """An HTML page: the main text (through trafilatura), its title and date if found."""
    try:
        html, warnings = decode_nonempty(data, name)
        page = html_to_text(html, main_text=True)
    except InputError as err:
        yield reject(name, origin, err, key=source)
        return
    if not page.text.strip():
        yield reject(name, origin, InputError(
            f"{name}: no main text found in the HTML page; save the article page itself, "
            "or give its text as a .txt file"), key=source)
        return
    when = published or parse_date(page.date)
    yield ReadResult(
        Report(id=name, text=page.text, published=when, title=page.title, origin=origin,
               language=page.language, key=source),
        warnings + page.warnings,
    )
