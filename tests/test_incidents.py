"""The incident builder on hand-made mentions: structure independent of the finders."""

from __future__ import annotations

from datetime import date

from tollwatch.actors.sources import CLAIM_RESULT
from tollwatch.incidents.build import build_incidents
from tollwatch.records import (
    Actor,
    ActorMention,
    CleanText,
    DateMention,
    EventCue,
    Mentions,
    PlaceMention,
    Report,
    Sentence,
    SourceMention,
    Span,
    Toll,
    TollMention,
)
from tollwatch.settings import Settings

ARTICLE = (
    "Gunmen kill more than 50 soldiers in a week\n"
    "Gunmen have killed more than 50 soldiers in a week in the north, a monitor said. "
    "Since Monday, Red Banner fighters have killed 30 soldiers near Alpha, the monitor said. "
    "On Wednesday, Blue Crescent fighters attacked an outpost, killing 21 soldiers. "
    "Ten soldiers died near Beta. "
    "Red Banner said it had killed 40 soldiers. "
    "Another 12 soldiers were killed near Gamma. "
    "Five Red Banner fighters were killed in the fighting."
)

SOLDIERS = Actor("Military Forces", "state", "state")
RED = Actor("Red Banner", "rebel", "rebel")
BLUE = Actor("Blue Crescent", "rebel", "rebel")


def _sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    start = 0
    pieces = text.split("\n", 1)
    out.append(Sentence(0, Span(0, len(pieces[0])), pieces[0], headline=True))
    start = len(pieces[0]) + 1
    body = pieces[1]
    pos = 0
    for part in body.split(". "):
        chunk = part if part.endswith(".") else part + "."
        s = start + pos
        out.append(Sentence(len(out), Span(s, s + len(chunk)), chunk))
        pos += len(part) + 2
    return tuple(out)


def _find(text: str, phrase: str, nth: int = 0) -> Span:
    idx = -1
    for _ in range(nth + 1):
        idx = text.index(phrase, idx + 1)
    return Span(idx, idx + len(phrase))


def _sentence_of(sentences: tuple[Sentence, ...], span: Span) -> int:
    return next(s.index for s in sentences if s.span.contains(span))


def _toll(text, sents, phrase, value, *, nth=0, low=None, flags=(), victim="soldiers"):
    span = _find(text, phrase, nth)
    vspan = Span(span.start + phrase.index(victim), span.start + phrase.index(victim) + len(victim))
    return TollMention(
        outcome="killed",
        toll=Toll(low if low is not None else value, value, None if low else value, phrase, span),
        sentence=_sentence_of(sents, span),
        span=span,
        victim_text=victim,
        victim_span=vspan,
        flags=frozenset(flags),
    )


def _actor(text, sents, phrase, actor, nth=0):
    span = _find(text, phrase, nth)
    return ActorMention(actor, phrase, span, _sentence_of(sents, span))


def _mentions(text: str, sents: tuple[Sentence, ...]) -> Mentions:
    tolls = (
        _toll(text, sents, "more than 50 soldiers", 51, low=51, flags=("aggregate_cue",)),
        _toll(text, sents, "more than 50 soldiers", 51, nth=1, low=51, flags=("aggregate_cue",)),
        _toll(text, sents, "killed 30 soldiers", 30),
        _toll(text, sents, "killing 21 soldiers", 21),
        _toll(text, sents, "Ten soldiers died", 10),
        _toll(text, sents, "killed 40 soldiers", 40),
        _toll(text, sents, "12 soldiers were killed", 12),
        _toll(text, sents, "Five Red Banner fighters", 5, victim="Red Banner fighters"),
    )
    actors = []
    for phrase, actor, nth in [
        ("soldiers", SOLDIERS, 0), ("soldiers", SOLDIERS, 1), ("Red Banner", RED, 0),
        ("soldiers", SOLDIERS, 2), ("Blue Crescent", BLUE, 0), ("soldiers", SOLDIERS, 3),
        ("soldiers", SOLDIERS, 4), ("Red Banner", RED, 1), ("soldiers", SOLDIERS, 5),
        ("soldiers", SOLDIERS, 6), ("Red Banner fighters", RED, 1),
    ]:
        actors.append(_actor(text, sents, phrase, actor, nth))
    s3 = _find(text, "a monitor said")
    s4 = _find(text, "the monitor said")
    claim = _find(text, "Red Banner said")
    sources = (
        SourceMention("A monitor", "monitor", "a monitor said", s3, _sentence_of(sents, s3)),
        SourceMention("A monitor", "monitor", "the monitor said", s4, _sentence_of(sents, s4)),
        SourceMention(
            "Red Banner", "perpetrator_claim", "Red Banner said", claim,
            _sentence_of(sents, claim), rule=CLAIM_RESULT,
        ),
    )
    since = _find(text, "Since Monday")
    wed = _find(text, "On Wednesday")
    three = _find(text, "in a week", 1)
    dates = (
        DateMention(date(2024, 3, 4), date(2024, 3, 10), "week", "in a week", three,
                    _sentence_of(sents, three), relative=True),
        DateMention(date(2024, 3, 4), date(2024, 3, 10), "day", "Since Monday", since,
                    _sentence_of(sents, since), relative=True),
        DateMention(date(2024, 3, 6), date(2024, 3, 6), "day", "On Wednesday", wed,
                    _sentence_of(sents, wed), relative=True),
    )
    north = _find(text, "the north")
    places = (
        PlaceMention("north", "XX", None, None, None, None, None, "region", "in the north",
                     north, _sentence_of(sents, north)),
    )
    attack = _find(text, "attacked")
    cues = (EventCue("battle", "attack", "attacked", attack, _sentence_of(sents, attack)),)
    return Mentions(tolls=tolls, dates=dates, places=places, actors=tuple(actors),
                    sources=sources, cues=cues)


def _build():
    sents = _sentences(ARTICLE)
    clean = CleanText("r", ARTICLE, sents)
    report = Report("r", ARTICLE, published=date(2024, 3, 10))
    mentions = _mentions(ARTICLE, sents)
    incidents = build_incidents(clean, mentions, report, Settings())
    return {i.killed.best: i for i in incidents if i.killed}, incidents


def test_headline_and_lead_are_one_aggregate() -> None:
    by_toll, incidents = _build()
    assert [i.killed.best for i in incidents if i.killed].count(51) == 1
    total = by_toll[51]
    assert total.kind == "aggregate"
    assert len(total.evidence) == 2  # headline and lead


def test_parts_are_nested_and_not_added() -> None:
    by_toll, _incidents = _build()
    total, red, blue = by_toll[51], by_toll[30], by_toll[21]
    assert set(total.parts) == {red.id, blue.id}
    assert {by_toll[10].id, by_toll[12].id} <= set(red.parts)


def test_claim_is_kept_apart_and_linked() -> None:
    by_toll, _incidents = _build()
    claim = by_toll[40]
    assert claim.kind == "claim"
    assert claim.claim_of == by_toll[30].id
    assert claim.source is not None and claim.source.role == "perpetrator_claim"


def test_document_toll_counts_once() -> None:
    from tollwatch.records import Extraction

    _, incidents = _build()
    assert Extraction("r", incidents).toll() == 51 + 5


def test_parts_inherit_the_container_perpetrator_and_date() -> None:
    by_toll, _ = _build()
    ten = by_toll[10]
    assert ten.perpetrator is not None and ten.perpetrator.actor.name == "Red Banner"
    assert ten.date is not None and ten.date.text == "Since Monday"


def test_report_without_mentions_has_no_incident() -> None:
    clean = CleanText("q", "Markets rose.", (Sentence(0, Span(0, 13), "Markets rose."),))
    assert build_incidents(clean, Mentions(), Report("q", "Markets rose."), Settings()) == []
