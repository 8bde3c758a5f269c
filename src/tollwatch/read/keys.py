"""Report keys: the identity a report has in the incident database (docs/store.md).

An id is chosen by whoever wrote the input, and ids collide: two folders both hold
`a.txt`, two JSONL files both number their records from 1. The key makes them two
reports:

* a text or HTML file: the file's resolved path, as a `file://` URI;
* a JSONL record or a feed entry: `<where>#<id>`, where `<where>` is the file's URI
  (a feed: its channel link when it has one), unless the id is itself global;
* a global id, taken as it is from any file: a URI (`https://...`, `urn:...`,
  `tag:...`), as feeds give their entries;
* input without a file (standard input, the Python API): the id.
"""

from __future__ import annotations

import re
from pathlib import Path

_GLOBAL_ID = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://\S|(?:urn|tag):\S)")


def is_global_id(report_id: str) -> bool:
    """True for ids that name a report wherever they are read: URIs and URNs.

    >>> is_global_id("https://example.org/news/1"), is_global_id("urn:uuid:1"), is_global_id("1")
    (True, True, False)
    """
    return bool(_GLOBAL_ID.match(report_id))


def file_source(path: Path) -> str:
    """The `file://` URI of `path`, resolved (symlinks followed, absolute)."""
    return path.expanduser().resolve().as_uri()


def record_key(source: str | None, report_id: str) -> str | None:
    """The key of a record `report_id` read from `source` (None: the id is the key)."""
    if source is None or is_global_id(report_id):
        return None
    return f"{source}#{report_id}"
