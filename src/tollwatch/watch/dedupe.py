"""Knowing an article again: normalised URLs, content hashes, MinHash signatures.

The same article comes under several URLs (two feeds, tracking parameters, a URL
changed by the site) and in several versions (an update with a new toll). The
watch loop asks in turn: is its canonical URL known, is its exact text known, is a
near-duplicate text known (MinHash over word 3-shingles, datasketch)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

NUM_PERM = 64
TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ref|ref_src|"
    r"cmpid|ocid|smid|at_medium|at_campaign|cid)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_url(url: str) -> str:
    """`url` without tracking parameters, fragment, default port or trailing index noise.

    >>> normalise_url("HTTPS://Example.org:443/a/b/?utm_source=x&id=3#top")
    'https://example.org/a/b/?id=3'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING.match(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(sorted(query)), ""))


def shingles(text: str, size: int = 3) -> set[str]:
    """Word `size`-grams of the lower-cased text (the words themselves for short texts)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM 64-bit values) of a text's shingles."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    for gram in shingles(text):
        sketch.update(gram.encode("utf-8", "surrogatepass"))
    return np.asarray(sketch.hashvalues, dtype=np.uint64)


def encode(values: np.ndarray) -> str:
    """A signature as stored (hex of its bytes)."""
    return values.astype("<u8").tobytes().hex()


def decode(stored: str) -> np.ndarray:
    """A stored signature; an empty array when it is not one."""
    try:
        values = np.frombuffer(bytes.fromhex(stored), dtype="<u8")
    except ValueError:
        return np.zeros(0, dtype=np.uint64)
    return values.astype(np.uint64) if values.size == NUM_PERM else np.zeros(0, np.uint64)


@dataclass
class Signatures:
    """Signatures of recent items in memory: the most similar one in one vector step."""

    ids: list[int] = field(default_factory=list)
    rows: list[np.ndarray] = field(default_factory=list)
    _matrix: np.ndarray | None = None

    def add(self, item_id: int, values: np.ndarray) -> None:
        """Remember (or replace) the signature of an item."""
        if values.size != NUM_PERM:
            return
        if item_id in self.ids:
            self.rows[self.ids.index(item_id)] = values
        else:
            self.ids.append(item_id)
            self.rows.append(values)
        self._matrix = None

    def nearest(self, values: np.ndarray) -> tuple[int | None, float]:
        """The item most similar to `values` and the estimated Jaccard similarity."""
        if not self.ids or values.size != NUM_PERM:
            return None, 0.0
        if self._matrix is None:
            self._matrix = np.vstack(self.rows)
        scores = (self._matrix == values).mean(axis=1)
        best = int(np.argmax(scores))
        return self.ids[best], float(scores[best])
