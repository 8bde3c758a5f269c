"""Arabic end to end: Arabic-Indic digits and clitics (read/script.py), casualty
figures, dates, places through our Arabic aliases, actor names, and the Arabic goldens
(tests/golden/annotated/languages-ar.jsonl)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.read import cleaning
from tollwatch.read.script import fold_digits, strip_clitics, with_clitics
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).parent / "golden" / "annotated" / "languages-ar.jsonl"
PUBLISHED = date(2021, 3, 4)  # a Thursday


def test_arabic_indic_digits_fold_one_for_one() -> None:
    text = "مقتل ١٥ شخصاً و۲۰ جريحاً"
    folded = fold_digits(text)
    assert "15" in folded and "20" in folded
    assert len(folded) == len(text)


def test_clitics_are_kept_apart_for_matching() -> None:
    import re

    pattern = re.compile(with_clitics(["قتلى", "مقتل"]))
    for word in ("قتلى", "والقتلى", "بمقتل", "لمقتل", "فالقتلى"):
        assert pattern.fullmatch(word), word
    assert strip_clitics("بحلب") == "حلب"
    assert strip_clitics("Aleppo") == "Aleppo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل 12 عنصراً من قوات النظام", [("killed", 12, 12)]),
        ("قتل خمسة مدنيين وأصيب سبعة آخرون", [("killed", 5, 5), ("wounded", 7, 7)]),
        ("ارتفعت حصيلة القتلى إلى 23 قتيلاً", [("killed", 23, 23)]),
        ("لقي ١٥ شخصاً مصرعهم", [("killed", 15, 15)]),
        ("سقوط عشرات القتلى", [("killed", 24, 24)]),
        ("وثق المرصد مقتل أكثر من 30 مدنياً", [("killed", 31, 31)]),
        ("قتل ما لا يقل عن 15 شخصاً", [("killed", 15, 15)]),
        ("أسفر القصف عن 4 قتلى و9 جرحى", [("killed", 4, 4), ("wounded", 9, 9)]),
    ],
)
def test_arabic_figures(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(b.outcome, b.low, b.best) for b in sentence_tolls(text)] == expected


def test_an_earlier_toll_in_the_same_sentence_is_not_the_update() -> None:
    text = "ارتفعت حصيلة القتلى إلى 23 قتيلاً، بعد أن كانت الحصيلة الأولية 14 قتيلاً"
    flagged = [(b.best, "update" in b.flags) for b in sentence_tolls(text)]
    assert flagged == [(23, True), (14, False)]


def _one(text: str, settings: Settings, resources: Resources):  # type: ignore[no-untyped-def]
    extraction = extract(Report(id="ar", text=text, published=PUBLISHED),
                         settings=settings, resources=resources)
    assert extraction.language is not None and extraction.language.code == "ar"
    assert len(extraction.incidents) == 1, extraction.incidents
    return extraction.incidents[0]


@pytest.mark.parametrize(
    ("text", "admin1", "day"),
    [
        ("قتل ثلاثة مدنيين بقصف على بلدة في ريف حلب الغربي أمس.", "Aleppo", "2021-03-03"),
        ("مقتل خمسة عناصر بغارة جوية بإدلب فجر اليوم.", "Idlib", "2021-03-04"),
        ("قتل 4 أشخاص بانفجار عبوة ناسفة في دير الزور يوم الخميس.", "Deir ez-Zor",
         "2021-03-04"),
        ("قتل 4 أشخاص بانفجار سيارة مفخخة في الرقة مساء أمس.", "Raqqa", "2021-03-03"),
    ],
)
def test_arabic_places_and_dates(
    text: str, admin1: str, day: str, settings: Settings, resources: Resources
) -> None:
    incident = _one(text, settings, resources)
    assert incident.place is not None and incident.place.country == "SY"
    assert incident.place.admin1 == admin1
    assert incident.date is not None and incident.date.start == date.fromisoformat(day)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("مقتل 12 عنصراً من قوات النظام بهجوم لتنظيم داعش", "Islamic State"),
        ("مقتل خمسة مدنيين بقصف لقوات النظام على ريف إدلب", "Military Forces of Syria"),
        ("مقتل ثلاثة مدنيين بهجوم لهيئة تحرير الشام", "Hayat Tahrir al-Sham"),
    ],
)
def test_arabic_actor_names(
    text: str, actor: str, settings: Settings, resources: Resources
) -> None:
    incident = _one(text, settings, resources)
    names = {a.actor.name for a in (incident.perpetrator, incident.victim) if a is not None}
    assert actor in names


def test_a_sentence_ends_after_an_arabic_word() -> None:
    clean = cleaning.clean(Report(id="s", text="قتل خمسة مدنيين. وأصيب سبعة آخرون."), Settings())
    assert len(clean.sentences) == 2


def test_arabic_goldens(settings: Settings, resources: Resources) -> None:
    records = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 6
    misses = []
    for r in records:
        for incident in r["incidents"]:
            assert all(quote in r["text"] for quote in incident["evidence"]), r["id"]
        report = Report(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"]))
        toll = extract(report, settings=settings, resources=resources).toll() or 0
        if toll != (r["doc_toll"] or 0):
            misses.append((r["id"], r["doc_toll"], toll))
    assert 1 - len(misses) / len(records) >= 0.85, misses
