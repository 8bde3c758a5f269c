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
    text = (  # a note: no headline (an article with one: test_an_article_telling...)
        "The shooting happened late Friday in Miami, Florida. "
        "A 16-year-old boy was shot in the chest while walking home, police said. "
        "Officers are looking for a grey sedan."
    )
    assert _incidents(text) == []


def test_a_cue_with_no_anchor_anywhere_still_gives_no_incident() -> None:
    text = (  # a note: no headline (an article with one: test_an_article_telling...)
        "A 16-year-old boy was shot in the chest while walking home, police said. "
        "Officers are looking for a grey sedan. Anyone who saw it should call the tip line."
    )
    assert _incidents(text) == []


BAR = (
    "A man was shot outside a bar early on, police said. He was taken to a hospital "
    "with wounds that were not life-threatening. Officers have not named a suspect."
)


def test_an_article_telling_of_a_shooting_in_its_lead_gets_one_incident() -> None:
    """No figure, no date or town near the cue: the article still tells of one event,
    and matching needs an incident to put it with other outlets' reports of it."""
    x = extract(Report(id="r", text="Police look for gunman after bar shooting\n" + BAR,
                       published=PUBLISHED))
    assert x.relevance is not None and x.relevance.relevant
    assert len(x.incidents) == 1
    only = x.incidents[0]
    assert only.killed is None and only.date is not None and only.date.start == PUBLISHED


def test_without_a_headline_the_lead_gives_no_incident() -> None:
    """A coder's note or a wire without a headline keeps the stricter rules."""
    assert not extract(Report(id="r", text=BAR, published=PUBLISHED)).incidents
