"""Arabic round seven (tests/golden/annotated/arabic-round7.jsonl): SOHR bulletins with
running totals since the start of the year, a toll that rose, the Gezira attack told by
the doctors' committee and the state ministry, El Fasher and Babanusa, IEDs in Kirkuk
and Anbar, the joint command's "القضاء على", Houthi strikes and claims, Tripoli and
Tajoura clashes, Gaza strikes beside the ministry's war-wide total, drone strikes in
south Lebanon, Manbij, Tabqa and Al-Qaim; and four reports of no violence (a road
accident, an earthquake, a football "سحق", a death sentence for an old killing).
Written for tollwatch, nothing copied; 23/24 out of sample (the court verdict missed).

Also the towns named by everyday words (الباب، الطبقة، القائم، صور، العين), read as
places only where the text marks a town ("مدينة الباب", "في بلدة القائم")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import load_records, record_toll
from tollwatch import Report, extract
from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources
from tollwatch.places.names import marked_arabic_name, usable_arabic_name
from tollwatch.records import Extraction
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND7 = Path(__file__).parent / "golden" / "annotated" / "arabic-round7.jsonl"
RECORDS = load_records(ROUND7)

# Reports of the round still missed (none: the court verdict of the first run is fixed).
KNOWN_MISSES: set[str] = set()


def _killed(text: str) -> list[tuple[int | None, bool]]:
    return [(b.best, "cumulative" in b.flags)
            for b in sentence_tolls(text, language="ar") if b.outcome == "killed"]


def _extract(text: str, settings: Settings, resources: Resources) -> Extraction:
    report = Report(id="ar7", text=text, language="ar", published=date(2025, 6, 2))
    return extract(report, settings=settings, resources=resources)


def test_the_round_holds_twenty_four_reports() -> None:
    assert len(RECORDS) == 24
    assert sum(1 for r in RECORDS if not r["relevant"]) == 4


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_round_seven_document_toll(
    record: dict[str, object], settings: Settings, resources: Resources
) -> None:
    toll = record_toll(record, settings, resources)
    if record["id"] in KNOWN_MISSES:
        pytest.xfail("known miss")
    assert toll == record["doc_toll"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("الحكم بإعدام 5 مدانين بعد محاكمة طويلة", [], id="a-death-sentence"),
        pytest.param("قضت المحكمة بإعدام 3 متهمين", [], id="the-court-ruled-death"),
        pytest.param("وقالت الوزارة إن عدد القتلى بلغ 40 شخصا.", [(40, False)],
                     id="the-toll-reached"),
        pytest.param("وبذلك، يرتفع عدد قتلى قوات النظام والمسلحين الموالين لها في البادية"
                     " السورية منذ مطلع العام الجاري إلى 112.", [(112, True)],
                     id="a-running-total-named-at-length"),
        pytest.param("نفذ التنظيم إعدام 4 مدنيين", [(4, False)], id="an-execution-still"),
    ],
)
def test_sentence_figures(text: str, expected: list[tuple[int | None, bool]]) -> None:
    assert _killed(text) == expected


def test_a_sentence_for_an_old_killing_is_no_violence(
    settings: Settings, resources: Resources
) -> None:
    text = ("الحكم بالسجن المؤبد على 4 مدانين في قضية مقتل صحفي\n\n"
            "أصدرت محكمة الجنايات حكما بالسجن المؤبد بحق 4 متهمين بعد إدانتهم باغتيال صحفي"
            " في عام 2018.")
    result = _extract(text, settings, resources)
    assert result.toll() in (None, 0)
    assert result.relevance is not None and not result.relevance.relevant


def test_the_accusers_count_is_another_source(settings: Settings, resources: Resources) -> None:
    """A party that accuses the other side gives its own count: the range widens, the
    medical source's figure stays the best."""
    text = ("مقتل 11 في قصف على سوق بمدينة الفاشر\n\n"
            "أفاد مصدر طبي في المستشفى السعودي بمقتل 11 شخصا في قصف مدفعي على السوق، أمس.\n\n"
            "واتهمت الحكومة قوات الدعم السريع بتنفيذ القصف، وقالت في بيان إن عدد القتلى بلغ"
            " 19 مدنيا.")
    main = main_incident(_extract(text, settings, resources))
    assert main is not None and main.killed is not None
    assert (main.killed.low, main.killed.best, main.killed.high) == (11, 11, 19)


def test_on_the_other_hand_a_ministry_says(settings: Settings, resources: Resources) -> None:
    text = ("مقتل 30 مدنيا في هجوم على قرية شرقي الجزيرة\n\n"
            "قالت شبكة أطباء السودان إن 30 مدنيا قتلوا في هجوم على القرية أمس.\n\n"
            "في المقابل، ذكرت وزارة الصحة بالولاية أن عدد القتلى بلغ 25 شخصا.")
    main = main_incident(_extract(text, settings, resources))
    assert main is not None and main.killed is not None
    assert (main.killed.low, main.killed.best, main.killed.high) == (25, 30, 30)


def _place(text: str, settings: Settings, resources: Resources) -> tuple[str | None, str | None]:
    main = main_incident(_extract(text, settings, resources))
    assert main is not None, f"no incident in {text!r}"
    return (main.place.name, main.place.country) if main.place else (None, None)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("قتل 3 مدنيين بقصف مدفعي على مدينة الباب في ريف حلب الشرقي.", "Al Bab", "SY"),
        ("قتل رجل برصاص مسلحين مجهولين في مدينة الطبقة.", "Al-Tabqa", "SY"),
        ("قتل 3 من عناصر الحشد الشعبي بقصف جوي في بلدة القائم غربي الأنبار.", "Al Qa'im", "IQ"),
        ("قتل شخصان بغارة من مسيرة على سيارة قرب مدينة صور جنوبي لبنان.", "Tyre", "LB"),
        ("قتل شخصان بإطلاق نار في مدينة العين.", "Al Ain City", "AE"),
    ],
)
def test_a_town_named_by_a_word_after_a_town_word(
    text: str, name: str, country: str, settings: Settings, resources: Resources
) -> None:
    assert _place(text, settings, resources) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        "قتل 3 مسلحين طرقوا الباب وأطلقوا النار على العائلة.",
        "قتل شخص وسقط آخر من الطبقة الثالثة للمبنى خلال الاشتباك.",
        "نشر ناشطون صور الضحايا بعد مقتل 4 مدنيين برصاص مجهولين.",
        "قتل طفل بإطلاق نار أصابه في العين.",
    ],
)
def test_the_same_word_unmarked_is_no_place(
    text: str, settings: Settings, resources: Resources
) -> None:
    assert _place(text, settings, resources) == (None, None)


def test_marked_names_stay_out_of_the_ordinary_index() -> None:
    assert marked_arabic_name("الباب") and not usable_arabic_name("الباب")
    assert not marked_arabic_name("الخميس") and not marked_arabic_name("حلب")


def test_factions_loyal_to_a_country_are_no_place(
    settings: Settings, resources: Resources
) -> None:
    """ "الفصائل الموالية لتركيا" names a party, not where the fighting was."""
    text = "قتل 4 من عناصر الفصائل الموالية لتركيا خلال اشتباكات، وفقا للمرصد السوري."
    assert _place(text, settings, resources) == (None, None)
