"""A wall-clock bound for one block of a test: the stall and fuzz tests share it."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


class Stalled(Exception):
    """The bounded block was still running when its time ran out."""


@contextmanager
def bounded(seconds: int) -> Iterator[None]:
    """Fail (raise Stalled) when the block runs longer than `seconds`."""

    def stop(signum: int, frame: object) -> None:
        raise Stalled(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
