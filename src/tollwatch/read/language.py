"""Which language a report is written in: the reader's hint, else detection.

`LanguageDetector().detect(text, hint)` gives a `LanguageGuess`: an ISO 639-1 code,
how sure it is and where it came from ("hint" when the reader gave one: a feed's
`language`, an HTML `lang`, a JSONL `lang`/`language`; "script" for a text in a
script only one read language uses; "detected" from lingua, whose models ship in
its wheel and load offline; "english" when the English function words decide it).

Detection reads the first `PREFIX` characters only: the language of an article does
not change after its lead, and lingua's cost grows with the text. Common English is
settled without lingua by its function words (a dictionary look-up per word).
Lingua runs in low-accuracy mode (trigrams: 37 MB, 0.2 s to load, against 380 MB
and 8 s for the full models) over the languages read and the languages most often
met in conflict reporting that are not read, so that those can be told apart and
reported as "not read" rather than misread as one of ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..records import LanguageGuess
from .languages import LANGUAGES

if TYPE_CHECKING:
    from lingua import LanguageDetector as _Lingua

RULE = "language.v1"
PREFIX = 600
GuessSource = Literal["hint", "english", "script", "detected", "none"]

# Languages that are not read but told apart (ISO 639-1 -> lingua's enum name).
OTHER_LANGUAGES: dict[str, str] = {
    "de": "GERMAN", "it": "ITALIAN", "nl": "DUTCH", "tr": "TURKISH", "fa": "PERSIAN",
    "ur": "URDU", "id": "INDONESIAN", "sw": "SWAHILI", "so": "SOMALI", "hi": "HINDI",
    "zh": "CHINESE", "ja": "JAPANESE", "ko": "KOREAN", "he": "HEBREW",
}  # fmt: skip
_READ: dict[str, str] = {
    "en": "ENGLISH", "fr": "FRENCH", "es": "SPANISH", "pt": "PORTUGUESE", "ar": "ARABIC",
    "ru": "RUSSIAN", "uk": "UKRAINIAN",
}  # fmt: skip

# Words that are English and not a word of the other Latin-script languages told apart.
_ENGLISH = frozenset({
    "the", "of", "and", "was", "were", "is", "are", "with", "from", "that", "this", "has",
    "have", "had", "said", "after", "their", "his", "her", "who", "which", "been", "by",
    "they", "it", "its", "would", "will", "there", "than", "into", "about", "also", "when",
})  # fmt: skip
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿ']+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_PERSIAN_LETTER = re.compile(r"[پچژگکی]")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # lone surrogates cannot be encoded for lingua
# A confident guess: lingua's confidence of its first language at least this much.
CONFIDENT = 0.6
CONFIDENCE_DIGITS = 4
# Shorter texts (headlines) are too short for a "not read" verdict.
MIN_LETTERS_FOR_VERDICT = 60


def guess(code: str | None, confidence: float, source: GuessSource,
          letters: int = 0, *, prose: bool = True) -> LanguageGuess:
    """A `LanguageGuess` with `read` and `verdict` filled in.

    A verdict needs a hint, or a confident guess over enough letters of prose (not a
    list of names, not an English note full of foreign place names).
    """
    verdict = source == "hint" or (
        prose and confidence >= CONFIDENT and letters >= MIN_LETTERS_FOR_VERDICT
    )
    return LanguageGuess(code, confidence, source, letters, code in LANGUAGES, verdict)


_NAME_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*")
_WORD = re.compile(r"\b[^\W\d_][\w'’-]*")
# English words of our reports that settle a "not read" verdict the other way.
_ENGLISH_NEWS = _ENGLISH | frozenset({
    "in", "on", "at", "to", "a", "an", "two", "three", "killed", "dead", "people", "police",
    "attack", "militants", "civilians", "soldiers", "forces", "army", "wounded", "injured",
})  # fmt: skip


def _prose(prefix: str) -> bool:
    """Running text in one language, not a list of names nor English with foreign names."""
    words = _WORD.findall(prefix)
    if not words:
        return False
    if not prefix.isupper() and len(_NAME_WORD.findall(prefix)) > 0.6 * len(words):
        return False
    english = sum(1 for w in words if w.lower() in _ENGLISH_NEWS)
    # "in", "a", "on" are words of German, Spanish, French too: English needs an eighth
    return english < max(2, len(words) // 8)


def normalise_hint(hint: str | None) -> str | None:
    """ISO 639-1 from a reader's hint ("fr-FR", "pt_BR", "French", "ara"), else None.

    >>> normalise_hint("pt-BR"), normalise_hint("Arabic"), normalise_hint("xx-YY")
    ('pt', 'ar', None)
    """
    if not hint:
        return None
    raw = hint.strip().lower().replace("_", "-").split("-")[0]
    names = {name.lower(): code for code, name in LANGUAGES.items()}
    three = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "por": "pt", "ara": "ar"}
    if raw in names:
        return names[raw]
    if raw in three:
        return three[raw]
    if raw in LANGUAGES or raw in OTHER_LANGUAGES:
        return raw
    return raw if len(raw) == 2 and raw.isalpha() else None


@dataclass
class LanguageDetector:
    """Detects a report's language; lingua is loaded on first need and kept.

    One detector per process (it lives in `pipeline.Resources`); its only state is
    the loaded lingua model, which never changes once loaded.
    """

    _lingua: Any = field(default=None, init=False, repr=False)

    @classmethod
    def loaded(cls) -> LanguageDetector:
        """A detector with its model loaded now (0.2 s, 40 MB), not on first need."""
        detector = cls()
        detector._model()
        return detector

    def detect(self, text: str, hint: str | None = None) -> LanguageGuess:
        """The language of `text`, the reader's `hint` first.

        >>> LanguageDetector().detect("Gunmen killed four villagers in the town.").code
        'en'
        """
        code = normalise_hint(hint)
        if code is not None:
            return guess(code, 1.0, "hint")
        prefix = text[:PREFIX]
        letters = len(_LETTER.findall(prefix))
        if letters == 0:
            return guess(None, 0.0, "none")
        arabic = len(_ARABIC_LETTER.findall(prefix))
        if arabic > letters / 2 and not _PERSIAN_LETTER.search(prefix):
            return guess("ar", 1.0, "script", letters)
        if self._english(prefix):
            return guess("en", 1.0, "english", letters)
        return self._detected(prefix, letters, mixed=arabic > letters / 10)

    @staticmethod
    def _english(prefix: str) -> bool:
        """Enough English function words to settle it without a model."""
        words = _LATIN_WORD.findall(prefix.lower())
        hits = sum(1 for w in words if w in _ENGLISH)
        return hits >= 2 and hits >= 0.12 * len(words)

    def _detected(self, prefix: str, letters: int, *, mixed: bool) -> LanguageGuess:
        """Lingua's guess; `mixed` (two scripts) text gets no "not read" verdict."""
        # lingua takes UTF-8: a lone surrogate (JSON "\\ud800", bad bytes read with
        # surrogateescape) raised UnicodeEncodeError, an internal error for the report
        values = self._model().compute_language_confidence_values(
            _SURROGATE.sub("\ufffd", prefix)
        )
        if not values:
            return guess(None, 0.0, "none", letters)
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        prose = not mixed and _prose(prefix)
        # rounded: lingua's last digits differ between processes (a spawned worker
        # gave 0.9999999984900538 where the parent gave ...537), and the output and
        # the store should not
        confidence = round(float(top.value), CONFIDENCE_DIGITS)
        return guess(code, confidence, "detected", letters, prose=prose)

    def _model(self) -> _Lingua:
        if self._lingua is None:
            from lingua import Language, LanguageDetectorBuilder  # loaded on first need

            names = [*_READ.values(), *OTHER_LANGUAGES.values()]
            self._lingua = (
                LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names))
                .with_low_accuracy_mode()
                .build()
            )
        return self._lingua


NOT_READ = "language not read:"


def not_read_summary(counts: Mapping[str, int]) -> str:
    """The closing line of a run for reports in languages not read.

    >>> not_read_summary({"de": 2, "tr": 1})
    '3 reports in a language not read (de 2, tr 1): see their warnings'
    """
    total = sum(counts.values())
    each = ", ".join(f"{code} {n}" for code, n in sorted(counts.items(), key=lambda c: -c[1]))
    noun = "report" if total == 1 else "reports"
    return f"{total} {noun} in a language not read ({each}): see their warnings"


def language_warning(found: LanguageGuess) -> str | None:
    """The warning for a report in a language that is not read, else None."""
    if found.code is None or found.read or not found.verdict:
        return None
    read = ", ".join(f"{name} ({code})" for code, name in LANGUAGES.items())
    how = "as its source says" if found.source == "hint" else f"detected, {found.confidence:.2f}"
    return (
        f"{NOT_READ} the report is in '{found.code}' ({how}); tollwatch reads {read},"
        " so its incidents are likely missed (docs/languages.md says how to add a language)"
    )
