"""The shape of one language's word table for the casualty grammar.

A language module (`tolls/lang/<code>.py`) fills one `TollWords` and nothing else:
the rules that read it (`tolls/clauses.py` for every language, plus the detailed
English grammar of `tolls/rules.py` and `tolls/implicit.py`, whose English words live
in `tolls/lang/en.py`) are shared. Every pattern piece is a regular-expression
alternation matched case-insensitively, without capturing groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...records import Outcome


@dataclass(frozen=True)
class TollWords:
    """The words of one language that the clause grammar (`tolls/clauses.py`) binds.

    * `numbers`: number words ("dos" -> 2) read where a figure may stand.
    * `precheck`: lower-case stems; a sentence with none of them has no toll in it.
    * `qualifiers`: kind -> alternation, kinds as in `tolls/numbers.py`: "least" (al
      menos), "more" (más de), "about" (unos, cerca de), "nearly", "upto", "fewer".
    * `outcomes`: outcome -> words written after the figure ("3 muertos", "5 blessés").
    * `verbs`: outcome -> verbs written before the figure ("asesinan a 4", "deja 3").
    """

    code: str
    name: str
    numbers: Mapping[str, int] = field(default_factory=dict)
    precheck: str = ""
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    outcomes: Mapping[Outcome, str] = field(default_factory=dict)
    verbs: Mapping[Outcome, str] = field(default_factory=dict)
