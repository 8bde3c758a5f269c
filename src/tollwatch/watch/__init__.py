"""Watching sources: poll feeds and index pages, fetch new articles, store and match them.

    fetch.py    polite HTTP: robots.txt, a delay per host, conditional requests, retries
    listing.py  a source's listing (RSS/Atom, an HTML index page) -> entries
    article.py  an article page -> a Report (main text, title, date, canonical URL)
    dedupe.py   URLs without tracking parameters, content hashes, MinHash signatures
    loop.py     one round over the due sources; the loop that runs until stopped
    digest.py   what changed in a period: new events, revised tolls (md, json, html)
"""

from .fetch import Fetcher, FetchError, Response, WatchSettings
from .loop import RoundReport, SourceReport, Watcher

__all__ = [
    "FetchError",
    "Fetcher",
    "Response",
    "RoundReport",
    "SourceReport",
    "WatchSettings",
    "Watcher",
]
