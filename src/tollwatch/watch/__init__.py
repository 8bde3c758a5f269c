"""Watching sources: poll feeds and index pages, fetch new articles, store and match them.

    fetch.py    polite HTTP: robots.txt, a delay per host, conditional requests, retries
    listing.py  a source's listing (RSS/Atom, an HTML index page) -> entries
    article.py  an article page -> a Report (main text, title, date, canonical URL)
    dedupe.py   URLs without tracking parameters, content hashes, MinHash signatures
    loop.py     one round over the due sources; the loop that runs until stopped
    digest.py   what changed in a period: new events, revised tolls (md, json, html)
    digest_out.py  a digest as a folder of files or an e-mail, with its pictures
    images.py   the map and the sparkline, drawn offline as PNG (Pillow)
    mail.py     SMTP: messages with a text part, an HTML part and inline images
    alerts.py   alert rules checked against the events; each alert sent once per toll
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
