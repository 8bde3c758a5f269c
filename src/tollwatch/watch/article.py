"""An article page -> its main text (trafilatura), title, date and canonical URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from ..errors import InputError
from ..read.decode import decode_bytes, html_to_text
from ..read.result import parse_date
from .dedupe import normalise_url
from .fetch import Response

MIN_WORDS = 25  # a page with less main text than this is not an article

_CANONICAL = re.compile(
    r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*>", re.IGNORECASE)
_OG_URL = re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']og:url[\"'][^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\b(?:href|content)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """An article as fetched: `url` where it was read, `canonical` the URL the page
    names as its own (else `url`), both normalised."""

    url: str
    canonical: str
    text: str
    title: str | None = None
    published: date | None = None
    language: str | None = None


def read_article(response: Response, published: date | None = None) -> Article:
    """The article in a fetched page; InputError when the page has no main text."""
    url = normalise_url(response.url)
    if response.charset:
        html = response.body.decode(response.charset, "replace")
    else:
        html = decode_bytes(response.body, url)[0]
    page = html_to_text(html, main_text=True)
    text = page.text.strip()
    if len(text.split()) < MIN_WORDS:
        raise InputError(
            f"{url} is not an article: its main text has {len(text.split())} words "
            f"(fewer than {MIN_WORDS}); it is not fetched again unless its listing entry changes"
        )
    return Article(
        url=url,
        canonical=canonical_url(html, url),
        text=text,
        title=page.title,
        published=parse_date(page.date) or published,
        language=page.language,
    )


def canonical_url(html: str, url: str) -> str:
    """The page's <link rel="canonical">, else its og:url, else `url` (normalised)."""
    head = html[:200_000]
    for pattern in (_CANONICAL, _OG_URL):
        tag = pattern.search(head)
        found = _HREF.search(tag.group(0)) if tag else None
        if found and found.group(1).strip():
            target = urljoin(url, found.group(1).strip())
            if target.startswith(("http://", "https://")):
                return normalise_url(target)
    return url
