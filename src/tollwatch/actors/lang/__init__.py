"""Per-language actor words: attribution verbs (`<code>.py`) and names (`<code>.yaml`).

`SOURCE_WORDS["en"]` is English's `SourceWords` (actors/lang/base.py); the source
finder reads the union. `alias_files()` lists the languages' YAML alias files, which
`load_actors` merges over the packaged dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from importlib.abc import Traversable
from types import MappingProxyType

from . import ar, en, es, fr, pt, ru, uk
from .base import SourceWords

SOURCE_WORDS: Mapping[str, SourceWords] = MappingProxyType(
    {words.code: words for words in (
        en.WORDS, es.WORDS, fr.WORDS, pt.WORDS, ar.WORDS, ru.WORDS, uk.WORDS
    )}
)


def alias_files() -> list[tuple[str, Traversable]]:
    """(code, file) of each language's actor names, in the order of `SOURCE_WORDS`."""
    folder = resources.files(__name__)
    found = [(code, folder.joinpath(f"{code}.yaml")) for code in SOURCE_WORDS]
    return [(code, path) for code, path in found if path.is_file()]


__all__ = ["SOURCE_WORDS", "SourceWords", "alias_files"]
