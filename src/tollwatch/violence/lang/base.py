"""The shape of one language's violence words: its cue rows and its stems.

A language module (`violence/lang/<code>.py`) fills one `ViolenceWords`; the detector
(`violence/detect.py`) reads every language's rows and stems, so a report in any
language read (and a quote in another) gets its cues.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...records import EventType


@dataclass(frozen=True)
class CueRule:
    """One row of the cue table: a pattern and what it means."""

    pattern: str
    event_type: EventType
    sub_event_type: str
    strength: float
    figurative_after: str | None = None  # a following phrase that makes the use figurative
    figurative_before: str | None = None
    # The rule gives a cue only when this is found in the 60 characters before the cue
    # (an armed subject: "QSD fighters detained", "regime forces shell ...").
    needs_before: str | None = None
    # The rule gives a cue only when this is found in the sentence ("fought with" rebels).
    needs_near: str | None = None
    # The strength rises to `boost_to` when this is found within 50 characters of the cue
    # ("gunmen kill", "killed by militants", "a journalist killed").
    boost_near: str | None = None
    boost_to: float = 0.0


@dataclass(frozen=True)
class ViolenceWords:
    """One language's cue rows (most specific first) and the words around them.

    * `candidate`: lower-case stems; a sentence with none of them is not parsed.
    * `negation`: words that negate a cue written after them ("no attack", "sin").
    * `hypothetical`: words that make a cue a threat or plan ("threatened", "amenaza").
    * `accident`: lower-case words of deaths by accident, disaster or illness, which
      take the weak cues of their sentence ("inondations", "accidente", "chuvas").
    * `harm`: words that tell of people killed or hurt without a figure ("casualties",
      "killing"): a figure-less incident is placed in their clause of the sentence.
    """

    code: str
    cues: tuple[CueRule, ...]
    candidate: str
    negation: str = ""
    hypothetical: str = ""
    accident: str = ""
    harm: str = ""
