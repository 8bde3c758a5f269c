"""A figure-less report whose strong cue is dated and placed by the sentence after it.

Local news often tells the shooting in one sentence and where and when in the next
("... was shot in the chest, police said. The shooting happened late Friday in ...").
The reports below are our own."""

from __future__ import annotations

from datetime import date

from tollwatch import Report, extract

PUBLISHED = date(2016, 5, 9)


def _incidents(text: str) -> list[tuple[str | None, date | None]]:
    found = extract(Report(id="r", text=text, published=PUBLISHED)).incidents
    return [(i.place.name if i.place else None, i.date.start if i.date else None) for i in found]


def test_the_next_sentence_dates_and_places_a_figureless_shooting() -> None:
    text = (
        "Teenager hurt on his way home\n"
        "A 16-year-old boy was shot in the chest while walking home, police said. "
        "The shooting happened late Friday in Miami, Florida. "
        "Officers are looking for a grey sedan."
    )
    assert _incidents(text) == [("Miami", date(2016, 5, 6))]


def test_a_date_and_place_before_the_cue_do_not_anchor_it() -> None:
    """Coder notes date and place their main event first; a strong word after it is
    its manner or background, not an event of its own."""
    text = (
        "Teenager hurt on his way home\n"
        "The shooting happened late Friday in Miami, Florida. "
        "A 16-year-old boy was shot in the chest while walking home, police said. "
        "Officers are looking for a grey sedan."
    )
    assert _incidents(text) == []


def test_a_cue_with_no_anchor_anywhere_still_gives_no_incident() -> None:
    text = (
        "Teenager hurt on his way home\n"
        "A 16-year-old boy was shot in the chest while walking home, police said. "
        "Officers are looking for a grey sedan. Anyone who saw it should call the tip line."
    )
    assert _incidents(text) == []
