"""Script helpers for languages not written in Latin letters (Arabic first).

* `fold_digits(text)`: Arabic-Indic (٠١٢...) and Eastern Arabic-Indic (۰۱۲...) digits
  to ASCII, and the Arabic decimal and thousands separators to "." and ",", one
  character for one, so every offset into the text still holds.
* `CLITIC` and `with_clitics(words)`: Arabic writes the conjunctions و and ف, the
  prepositions ب ل ك and the article ال joined to the next word ("والقتلى", "بريف",
  "لمقتل"). A table word is matched with an optional clitic prefix before it, so the
  word stays apart from its clitics for matching without rewriting the text.
* `strip_clitics(word)`: the word without its clitic prefix (for name lookups:
  "بحلب" -> "حلب").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬",
    "0123456789" "0123456789" ".,",
)

# و / ف (and, so), then one of ب ل ك (in/by, for, like), then the article ال.
CLITIC = r"(?:[وف]?[بلك]?(?:ال)?)"
_CLITIC_PREFIX = re.compile(
    r"^(?:[وف](?=[بلك]?ال|[بلك]|\w{3,}))?(?:[بلك](?=\w{3,}))?(?:ال(?=\w{2,}))?"
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def fold_digits(text: str) -> str:
    """ASCII digits for Arabic-Indic ones; the text keeps its length.

    >>> fold_digits("مقتل ١٢ شخصاً في ٢٠٢٣")
    'مقتل 12 شخصاً في 2023'
    """
    return text.translate(_DIGITS)


_HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")


def strip_harakat(text: str) -> str:
    """Arabic text without its short vowels and tanween ("قُتل" -> "قتل"), for word
    pre-checks written bare; offsets change, so only for yes/no tests."""
    return _HARAKAT.sub("", text)


def has_harakat(text: str) -> bool:
    """Whether the text writes any Arabic short vowel or tanween (one scan per report)."""
    return _HARAKAT.search(text) is not None


_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


def script_token_key(token: str) -> str:
    """An Arabic word's key in its own script: no short vowels or tatweel, one alef, final
    ya and ta marbuta folded ("غزّة" and "غزه" -> "غزه"). Latin words never give such a key,
    so an Arabic name keyed this way cannot match an English word, however short.

    >>> script_token_key("غزّة") == script_token_key("غزه")
    True
    """
    return _HARAKAT.sub("", token).translate(_ALEFS).lower()


def script_core(key: str) -> str:
    """A script key without its article: "الموصل" -> "موصل"; "" for the article alone."""
    if key == "ال":
        return ""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def has_arabic(text: str) -> bool:
    """True when the text holds an Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def with_clitics(words: Iterable[str]) -> str:
    """A regex alternation of Arabic words, each with an optional clitic prefix.

    >>> re.fullmatch(with_clitics(["قتلى"]), "والقتلى") is not None
    True
    """
    alternation = "|".join(sorted(words, key=len, reverse=True))
    return rf"{CLITIC}(?:{alternation})"


def strip_clitics(word: str) -> str:
    """An Arabic word without its clitic prefix; other words unchanged.

    >>> strip_clitics("بحلب"), strip_clitics("والرقة"), strip_clitics("حلب")
    ('حلب', 'رقة', 'حلب')
    """
    if not has_arabic(word[:1]):
        return word
    return word[_CLITIC_PREFIX.match(word).end() :]  # type: ignore[union-attr]


# Cyrillic (Russian, Ukrainian): names decline ("Херсон", "Херсона", "в Херсоне") and
# the two languages spell one name apart ("Харків", "Харьков"; "Дніпро", "Днепр").
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_FOLD = str.maketrans({
    "ё": "е", "є": "е", "ї": "і", "ы": "і", "и": "і", "й": "і", "ь": None, "ъ": None, "'": None,
    "’": None, "ʼ": None, "ґ": "г", "э": "е",
})
# Case endings of nouns and adjectives, as folded above, longest first.
# (Not "-ов", "-ів": "Харьков", "Харків" end so.)
_CYRILLIC_ENDINGS = (
    "амі", "ямі", "ого", "его", "ому", "ему", "ах", "ях", "ом", "ем", "ою", "ею", "оі", "еі",
    "іі", "ая", "яя", "ое", "ее", "іе", "ую", "юю", "ім", "у", "ю", "а", "я", "е", "і", "о",
)
_LAST_VOWEL = re.compile(r"[іе](?=[^аеіоуюя]+$)")
_DOUBLED = re.compile(r"([^аеіоуюя])\1+")


def has_cyrillic(text: str) -> bool:
    """True when the text holds a Cyrillic letter."""
    return _CYRILLIC_LETTER.search(text) is not None


def cyrillic_key(token: str) -> str:
    """A Cyrillic word's key: its stem without a case ending (и ы й ї folded to і, є ё э
    to е, soft and hard signs and apostrophes dropped), folded so that the Russian
    and the Ukrainian spellings of a name and its case forms meet: "Харків", "Харкова",
    "Харьков" -> "харков"; "Дніпро", "Днепру" -> "днопр"; "Горлівка", "Горловке";
    a final "ц" of a stem is "к" ("Костянтинівці", "Костянтинівка").

    >>> cyrillic_key("Харків") == cyrillic_key("Харкова") == cyrillic_key("Харьков")
    True
    >>> cyrillic_key("Дніпро") == cyrillic_key("Днепру")
    True
    """
    word = _DOUBLED.sub(r"\1", token.lower().translate(_CYRILLIC_FOLD))
    for ending in _CYRILLIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if word.endswith("ц"):
        word = word[:-1] + "к"
    return _DOUBLED.sub(r"\1", _LAST_VOWEL.sub("о", word))
