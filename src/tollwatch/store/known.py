"""Which reports of a run the store already holds, looked up window by window.

`tollwatch run` does not extract a report the store holds under its key with the same
text. Rather than loading every stored key first (a store of millions of reports
would put hundreds of megabytes in the client before it reads a line), the reader's
items are passed on in windows of at most `WINDOW_ITEMS` items or `WINDOW_CHARS`
characters, and the stored content hashes of each window's keys are fetched with
one indexed query (`Store.stored_hashes`) before its first item is passed on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from ..records import Rejection, Report

__all__ = ["WINDOW_CHARS", "WINDOW_ITEMS", "Lookup", "windows_with_known"]

WINDOW_ITEMS = 1000
WINDOW_CHARS = 10_000_000
Lookup = Callable[[list[str]], Mapping[str, str]]


def windows_with_known(
    items: Iterable[Report | Rejection],
    lookup: Lookup,
    key: Callable[[Report], str],
    known: dict[str, str],
) -> Iterator[Report | Rejection]:
    """`items` in order. While an item is passed on, `known` maps the keys (`key`) of
    the reports of its window that the store holds to their content hash, and only
    those: it is refilled before each window."""
    window: list[Report | Rejection] = []
    chars = 0
    for item in items:
        window.append(item)
        chars += len(item.text) if isinstance(item, Report) else 0
        if len(window) >= WINDOW_ITEMS or chars >= WINDOW_CHARS:
            yield from _passed(window, lookup, key, known)
            window, chars = [], 0
    if window:
        yield from _passed(window, lookup, key, known)


def _passed(
    window: list[Report | Rejection],
    lookup: Lookup,
    key: Callable[[Report], str],
    known: dict[str, str],
) -> Iterator[Report | Rejection]:
    keys = sorted({key(item) for item in window if isinstance(item, Report)})
    known.clear()
    known.update(lookup(keys) if keys else {})
    yield from window
