"""Issue 8, sentence level: singular and listed victims, local-news death forms, ages,
the same victim told again, perpetrators' own dead, claims by state forces, dates.

Every sentence here is written for these tests (docs/tolls.md, docs/dates.md,
docs/sources.md say what each rule does).
"""

from __future__ import annotations

import pytest

from tollwatch import Report, extract
from tollwatch.dates import find_dates, order_warnings
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.records import CleanText, Sentence, Span, TollMention
from tollwatch.settings import Settings
from tollwatch.tolls.find import find_tolls

SETTINGS = Settings()
K, W, A = "killed", "wounded", "abducted"


def _clean(text: str) -> CleanText:
    return CleanText("r", text, (Sentence(0, Span(0, len(text)), text),))


def tolls(text: str) -> list[TollMention]:
    clean = _clean(text)
    return find_tolls(clean, clean.sentences, SETTINGS)


def totals(text: str) -> dict[str, int]:
    """Best figures per outcome, summed over the sentence's bindings."""
    found: dict[str, int] = {}
    for mention in tolls(text):
        found[mention.outcome] = found.get(mention.outcome, 0) + (mention.toll.best or 0)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US local-news forms of one death
        pytest.param("A 23-year-old man was fatally shot on Saturday night.", {K: 1},
                     id="fatally-shot"),
        pytest.param("She was pronounced dead at the scene by paramedics.", {K: 1},
                     id="pronounced-dead"),
        pytest.param("A nine year old passenger has been pronounced dead.", {K: 1},
                     id="word-age-never-a-count"),
        pytest.param("8-year-old girl was fatally stabbed Sunday night on Elm Court.", {K: 1},
                     id="bare-age-subject"),
        pytest.param("The clerk was shot fatally during the robbery.", {K: 1},
                     id="shot-fatally"),
        pytest.param("A man fatally shot two women outside the bar.", {K: 2},
                     id="fatally-shot-active"),
        # ages are never counts
        pytest.param("A 4-year-old boy was found dead in the flat.", {K: 1},
                     id="age-and-found-dead-count-once"),
        pytest.param("Tomas Reyes, 19, was pronounced dead at a hospital.", {K: 1},
                     id="age-apposition"),
        pytest.param("A stray round killed 31-year-old Dana Whitfield of Eastgate.", {K: 1},
                     id="named-object-with-age"),
        pytest.param("The gunfire hit Omar Lund, 7, and his uncle.", {},
                     id="age-apposition-is-no-wounded-count"),
        pytest.param("The second burst killed Marta Kovac as she ran.", {K: 1},
                     id="named-object"),
        # listed outcomes keep their own verbs
        pytest.param("Rocket fire kills two and wounds five.", {K: 2, W: 5},
                     id="kills-two-wounds-five"),
        # singular and listed victims
        pytest.param("Gunmen shot dead a district water-board chairman outside his shop.",
                     {K: 1}, id="singular-object"),
        pytest.param("Councillor Ines Baptiste and her two bodyguards died in the ambush.",
                     {K: 3}, id="name-and-her-two"),
        pytest.param("A fisherman and his three sons were shot dead.", {K: 4},
                     id="a-man-and-his-three"),
        pytest.param("Nine prison guards including their commander died.", {K: 9},
                     id="including-without-commas"),
        pytest.param("The attacker wounded eight worshippers, three fatally.", {K: 3, W: 5},
                     id="wounded-n-m-fatally"),
        pytest.param("Bandits seized six surveyors; the captives were executed a week later.",
                     {A: 6, K: 6}, id="captives-executed"),
        pytest.param("Customs officers seized 30 rifles at the border.", {},
                     id="seized-things"),
        pytest.param("The blast killed their two children.", {K: 2},
                     id="possessive-figure"),
        pytest.param("Officials say Ann Lee, 30, Rob Lee, 6, and Kim Lee, 4, all died.", {},
                     id="all-died-is-no-single-victim"),
        pytest.param("The man is accused of killing 29-year-old Nora Patel and her infant son,"
                     " Ravi.", {K: 2}, id="named-object-and-her-son"),
        pytest.param("The girl was later pronounced dead at the hospital.", {K: 1},
                     id="later-pronounced-dead"),
        # no death read into these
        pytest.param("The boy was hit in the leg, and his aunt took him to a clinic.", {},
                     id="took-him-to-a-clinic"),
        pytest.param("He said he could have easily died that night.", {}, id="could-have-died"),
        pytest.param("Neighbours asked if anyone had been killed.", {}, id="if-anyone-killed"),
        pytest.param("A man was wounded in the 4500 block of Pine Street.", {W: 1},
                     id="block-number-is-no-count"),
        pytest.param("Her brother was threatening to take his own life.", {},
                     id="threat-to-take-own-life"),
        # perpetrators' own dead
        pytest.param("The gunman killed two co-workers and then took his own life.",
                     {K: 3}, id="victims-and-own-life"),
        pytest.param("A 3-year-old boy found the pistol and fatally shot himself.", {K: 1},
                     id="child-self-shooting-counted-once"),
    ],
)
def test_sentence_counts(text: str, expected: dict[str, int]) -> None:
    assert totals(text) == expected


@pytest.mark.parametrize(
    ("text", "anaphoric"),
    [
        pytest.param("He died later at the county hospital.", True, id="pronoun"),
        pytest.param("The teenager was killed instantly.", True, id="definite"),
        pytest.param("Okafor was pronounced dead at 9 p.m.", True, id="bare-name"),
        pytest.param("A man was killed on Sunday.", False, id="indefinite"),
        pytest.param("The toddler also was shot and she was later pronounced dead.", False,
                     id="also-a-second-victim"),
        pytest.param("Another man was killed on Sunday.", False, id="another"),
    ],
)
def test_victim_told_again_is_marked(text: str, anaphoric: bool) -> None:
    found = tolls(text)
    assert [m.toll.best for m in found if m.outcome == K] == [1]
    assert ("anaphoric" in found[0].flags) is anaphoric


def _toll(resources: Resources, text: str, published: str = "2016-03-14") -> int | None:
    from datetime import date

    report = Report(id="t", text=text, published=date.fromisoformat(published))
    return document_toll(extract(report, settings=SETTINGS, resources=resources))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Man shot dead in Riverside\n\nA man was shot and killed outside a store on Maple"
            " Avenue on Sunday night, police said. He was taken to a hospital, where he died"
            " shortly after midnight.",
            1,
            id="headline-lead-pronoun",
        ),
        pytest.param(
            "Police said a 17-year-old was fatally shot on Friday in Lakeside. Officers found"
            " Jaylen Brooks, 17, lying near a bus stop. Brooks was pronounced dead at the"
            " scene; the other two victims were treated for minor wounds.",
            1,
            id="bare-name-with-others",
        ),
    ],
)
def test_same_victim_told_again_counts_once(
    resources: Resources, text: str, expected: int
) -> None:
    assert _toll(resources, text) == expected


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        pytest.param("He then turned the gun on himself.", True, id="turned-gun"),
        pytest.param("The suspect was shot and killed by deputies.", True, id="suspect-killed"),
        pytest.param("The bomber blew himself up at the gate.", True, id="bomber"),
        pytest.param("He died from a self-inflicted gunshot wound.", True, id="self-inflicted"),
        pytest.param("The clerk was shot and killed by the robber.", False, id="victim"),
    ],
)
def test_perpetrators_own_death_is_flagged(text: str, perpetrator: bool) -> None:
    found = [m for m in tolls(text) if m.outcome == K]
    assert len(found) == 1
    assert ("perpetrator" in found[0].flags) is perpetrator


def test_own_death_is_an_incident_apart(resources: Resources) -> None:
    text = ("A warehouse worker killed two co-workers on Tuesday in Millbrook and then took his"
            " own life, police said.")
    report = Report(id="t", text=text, published=__import__("datetime").date(2016, 3, 2))
    incidents = extract(report, settings=SETTINGS, resources=resources).incidents
    shapes = sorted((i.killed.best if i.killed else None, i.perpetrator_dead) for i in incidents)
    assert shapes == [(1, True), (2, False)]


def test_stated_total_already_counts_the_shooter(resources: Resources) -> None:
    text = ("Four dead in Glenwood shooting\n\nA man shot three neighbours on Sunday in Glenwood"
            " before he killed himself, police said.")
    assert _toll(resources, text) == 4


@pytest.mark.parametrize(
    ("text", "kind", "role"),
    [
        pytest.param("The army said it killed 14 insurgents near Konduga on Friday.", "claim",
                     "official", id="state-force-claim-is-official"),
        pytest.param("Police said officers killed two cartel gunmen in Culiacan on Monday.",
                     "claim", "official", id="police-claim"),
        pytest.param("The Taliban said it killed 9 soldiers near Kunduz on Friday.", "claim",
                     "perpetrator_claim", id="armed-group-claim"),
        pytest.param("A bomb killed 6 shoppers at a market in Maiduguri on Monday; no group has"
                     " claimed responsibility.", "incident", None, id="nobody-claimed"),
        pytest.param("Gunmen killed 4 farmers in Zamfara on Monday. Nobody has yet claimed the"
                     " attack.", "incident", None, id="nobody-yet-claimed"),
    ],
)
def test_claims(resources: Resources, text: str, kind: str, role: str | None) -> None:
    from datetime import date

    report = Report(id="t", text=text, published=date(2024, 5, 7))
    incidents = extract(report, settings=SETTINGS, resources=resources).incidents
    assert [i.kind for i in incidents] == [kind]
    if role is not None:
        assert incidents[0].source is not None and incidents[0].source.role == role


def _sentences(text: str) -> CleanText:
    """Sentences cut at "; " and ". " (enough for these examples)."""
    import re

    parts, pos = [], 0
    for index, piece in enumerate(re.split(r"(?<=[.;])\s+", text)):
        start = text.index(piece, pos)
        parts.append(Sentence(index, Span(start, start + len(piece)), piece))
        pos = start + len(piece)
    return CleanText("r", text, tuple(parts))


def dates(text: str, published: str | None = None, source: str | None = None) -> list[
        tuple[str, str | None, str | None, str]]:
    from datetime import date

    clean = _sentences(text)
    day = date.fromisoformat(published) if published else None
    return [(m.text, m.start.isoformat() if m.start else None,
             m.end.isoformat() if m.end else None, m.rule)
            for m in find_dates(clean, clean.sentences, day, SETTINGS, source=source)]


@pytest.mark.parametrize(
    ("text", "published", "source", "expected"),
    [
        pytest.param("Deputies in Tulsa, Oklahoma, were shot on 04/09/2017.", "2017-04-20", None,
                     "2017-04-09", id="us-state-month-first"),
        pytest.param("Two guards were shot on 04/09/2017.", "2017-09-20",
                     "https://news.example.co.uk/a", "2017-09-04", id="uk-source-day-first"),
        pytest.param("Two guards were shot on 04/09/2017 and buried on 15/09/2017.", "2017-09-20",
                     None, "2017-09-04", id="other-numeric-date-day-first"),
        pytest.param("Two guards were shot on 04/09/2017; the attack on Sunday 9 April 2017 was"
                     " condemned.", "2017-09-20", None, "2017-04-09",
                     id="other-worded-date"),
        pytest.param("Deputies in Texas were shot on 11/09/2017.", "2017-10-01", None,
                     "2017-09-11", id="never-after-publication"),
    ],
)
def test_numeric_order_settled(
    text: str, published: str, source: str | None, expected: str
) -> None:
    first = dates(text, published, source)[0]
    assert first[1] == expected
    assert first[3] != "dates.numeric.ambiguous.v1"


def test_numeric_order_left_ambiguous_is_said() -> None:
    from datetime import date

    clean = _sentences("Two guards were shot on 04/09/2017.")
    found = find_dates(clean, clean.sentences, date(2017, 9, 20), SETTINGS)
    assert [(m.start, m.rule) for m in found] == [(date(2017, 9, 4),
                                                   "dates.numeric.ambiguous.v1")]
    assert len(order_warnings(found)) == 1 and "04/09/2017" in order_warnings(found)[0]


def test_unambiguous_numeric_date_is_not_touched() -> None:
    assert dates("Two guards were shot on 23/09/2017.", "2017-09-30")[0][1:] == (
        "2017-09-23", "2017-09-23", "dates.numeric.v1")


def test_second_day_carries_start_and_year() -> None:
    found = dates("Fighting in the port entered its second day on 18 April; it had started on"
                  " 17 April. The UN said on 19 April 2011 that 12 people died.")
    assert found[0][1:] == ("2011-04-17", "2011-04-18", "dates.nth_day.v1")
    assert found[1][1:3] == ("2011-04-17", "2011-04-17")


def test_crawl_date_does_not_move_the_year() -> None:
    found = dates("The shooting was on 8 December 2016. The man died on 10 December.",
                  "2018-03-01")
    assert [f[1] for f in found] == ["2016-12-08", "2016-12-10"]


def test_third_day_of_a_weekday() -> None:
    assert dates("Fighting entered its third day on Sunday.", "2016-05-03")[0][1:3] == (
        "2016-04-29", "2016-05-01")
