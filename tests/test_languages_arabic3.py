"""Arabic round three (tests/golden/annotated/arabic-round3.jsonl): SOHR bulletins and
Al Jazeera / Al Arabiya / Asharq Al-Awsat style reports on Syria, Iraq, Yemen, Sudan,
Gaza, Libya, Somalia and Lebanon. One sentence or short report per rule the round's
misses taught, written for tollwatch, nothing copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

ROUND3 = Path(__file__).parent / "golden" / "annotated" / "arabic-round3.jsonl"
FRESH = Path(__file__).parent / "golden" / "annotated" / "arabic-round3-fresh.jsonl"


def _flags(text: str) -> list[tuple[str, int | None, bool]]:
    bindings = sentence_tolls(text, language="ar")
    return [(b.outcome, b.best, "claim_cue" in b.flags) for b in bindings]


def _toll(text: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="ar3", text=text, language="ar", published=date(2025, 6, 11))
    return document_toll(extract(report, settings=settings, resources=resources)) or 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("وثق المرصد مقتل خمسة عشر شخصاً في مناطق مختلفة.", [15], id="fifteen"),
        pytest.param("خمسة عشر قتيلاً في قصف على البلدة", [15], id="fifteen-before-outcome"),
        pytest.param("قتل ثلاث عشرة امرأة في الهجوم.", [13], id="thirteen-feminine"),
        pytest.param("مقتل إحدى عشرة امرأة بغارة", [11], id="eleven"),
        pytest.param("لقي اثنا عشر شخصاً مصرعهم", [12], id="twelve"),
        pytest.param("قتل ثلاثة وعشرون شخصاً في الانفجار", [23], id="twenty-three-not-3-plus-20"),
        pytest.param("مقتل ستين شخصاً في المجزرة", [60], id="sixty"),
        pytest.param("مقتل ثلاثمئة شخص منذ بداية الشهر", [300], id="three-hundred"),
    ],
)
def test_arabic_number_words(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("أسفر القصف عن سقوط 45 قتيلا وجريحا، بينهم 12 قتيلا.", [12],
                     id="killed-and-wounded-then-the-dead-among-them"),
        pytest.param("ارتفعت الحصيلة إلى 191 شخصا ما بين قتيل وجريح", [],
                     id="between-killed-and-wounded"),
        pytest.param("أسفر القصف عن مقتل وإصابة 23 شخصاً", [], id="killing-and-wounding-of"),
        pytest.param("أسفر القصف عن 4 قتلى و9 جرحى", [4], id="two-figures-stay-two"),
        pytest.param("سقوط 30 قتيلا و50 جريحا في الاشتباكات", [30], id="each-with-its-figure"),
    ],
)
def test_the_dead_and_wounded_counted_together_are_no_toll(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("وقال القائد إن جنديين من الجيش قتلا وأصيب ثلاثة آخرون.", [2],
                     id="dual-passive-after-its-subject"),
        pytest.param("وأشار البيان إلى أن أحد مقاتليها قتل خلال الاشتباك.", [1],
                     id="one-of-then-the-passive"),
        pytest.param("اعتقلت الشرطة ثلاثة أشخاص بتهمة قتل شاب", [1],
                     id="the-three-arrested-are-no-dead"),
        pytest.param("مسلحون قتلوا 3 مدنيين في القرية", [3], id="they-killed-three"),
    ],
)
def test_arabic_passives_after_the_subject(text: str, expected: list[int]) -> None:
    assert killed_figures(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        pytest.param("أعلن الجيش الوطني الصومالي، أمس الثلاثاء، مقتل 20 إرهابياً من عناصر "
                     "الحركة.", True, id="army-announces-terrorists-killed"),
        pytest.param("العمليات المشتركة: مقتل خمسة إرهابيين بضربة جوية", True,
                     id="headline-terrorists-killed"),
        pytest.param("الجيش يعلن تصفية 30 متمرداً في كردفان", True, id="rebels-liquidated"),
        pytest.param("قسد تعلن التصدي لهجوم قرب منبج ومقتل سبعة من الفصائل", True,
                     id="a-party-announces-and-killing"),
        pytest.param("قالت الحركة إن مقاتليها تصدوا للهجوم وقتلوا سبعة من المهاجمين.", True,
                     id="its-fighters-killed-seven"),
        pytest.param("مقتل 3 مدنيين بهجوم إرهابي على سوق", False,
                     id="a-terrorist-attack-is-no-claim"),
        pytest.param("قالت الحركة إن 3 من مقاتليها قتلوا في غارة", False,
                     id="its-fighters-were-killed"),
    ],
)
def test_arabic_claims(text: str, claim: bool) -> None:
    killed = [f for f in _flags(text) if f[0] == "killed"]
    assert killed and all(is_claim == claim for _, _, is_claim in killed), killed


def test_a_monitor_day_total_holds_its_parts(settings: Settings, resources: Resources) -> None:
    text = ("المرصد: تسعة قتلى في سوريا خلال الـ24 ساعة الماضية\n\n"
            "وثق المرصد السوري مقتل تسعة أشخاص في مناطق سورية مختلفة خلال الـ24 ساعة الماضية، "
            "بينهم أربعة مدنيين.\n\n"
            "وقتل أربعة مدنيين بانفجار لغم في ريف حماة. كما قتل خمسة عناصر من القوات الحكومية "
            "بهجوم لتنظيم داعش في ريف دير الزور.")
    assert _toll(text, settings, resources) == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ارتفاع حصيلة اشتباكات طرابلس إلى ثمانية قتلى\n\nأعلنت وزارة الصحة، اليوم "
                     "الأربعاء، ارتفاع حصيلة الاشتباكات التي شهدتها المدينة ليل الاثنين إلى "
                     "ثمانية قتلى، بعد أن كانت الحصيلة الأولية خمسة قتلى.", 8,
                     id="a-first-toll-in-the-update-sentence"),
        pytest.param("محكمة تقضي بإعدام مدان بتفجير السوق\n\nأصدرت المحكمة، اليوم الثلاثاء، حكماً "
                     "بالإعدام بحق مدان بتفجير سوق المدينة عام 2016، الذي أودى بحياة 40 شخصاً.", 0,
                     id="a-court-on-a-bombing-of-an-earlier-year"),
        pytest.param("مقتل ثلاثة أشخاص بانفجار أسطوانة غاز في مطعم\n\nقتل ثلاثة أشخاص وأصيب "
                     "خمسة آخرون إثر انفجار أسطوانة غاز داخل مطعم وسط المدينة.", 0,
                     id="a-gas-cylinder-is-an-accident"),
        pytest.param("مصرع 12 شخصاً في تصادم قطارين\n\nلقي 12 شخصاً مصرعهم إثر تصادم قطار "
                     "ركاب بقطار بضائع.", 0, id="a-train-collision-is-an-accident"),
        pytest.param("مقتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق\n\nقتل ثلاثة أشخاص وأصيب "
                     "خمسة آخرون إثر انفجار عبوة ناسفة داخل سوق وسط المدينة.", 3,
                     id="a-bomb-is-no-accident"),
    ],
)
def test_arabic_reports(text: str, expected: int, settings: Settings, resources: Resources) -> None:
    assert _toll(text, settings, resources) == expected


def test_round_three_document_tolls(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(ROUND3, settings, resources, at_least=24) == []


def test_round_three_fresh_document_tolls(settings: Settings, resources: Resources) -> None:
    assert doc_toll_misses(FRESH, settings, resources, at_least=8) == []


def test_a_court_sentence_is_no_incident(settings: Settings, resources: Resources) -> None:
    text = ("محكمة تقضي بإعدام مدان بتفجير السوق\n\nأصدرت المحكمة، اليوم الثلاثاء، حكماً "
            "بالإعدام بحق مدان بالمشاركة في التخطيط لتفجير سوق المدينة عام 2016.")
    report = Report(id="ar3", text=text, language="ar", published=date(2025, 6, 11))
    incidents = extract(report, settings=settings, resources=resources).incidents
    assert [i for i in incidents if not i.background] == []


def test_an_execution_by_an_armed_group_stays_violence(
    settings: Settings, resources: Resources
) -> None:
    text = "أعدم تنظيم داعش ستة مدنيين في ريف دير الزور أمس."
    assert _toll(text, settings, resources) == 6
