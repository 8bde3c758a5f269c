"""The offline gazetteer (STUB: owned by the gazetteer helper)."""

from __future__ import annotations

from dataclasses import dataclass

from .settings import Settings


@dataclass
class Gazetteer:
    """Places by normalised name."""


def load_gazetteer(settings: Settings) -> Gazetteer:
    return Gazetteer()
