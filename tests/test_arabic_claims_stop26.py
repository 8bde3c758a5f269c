"""Claims of state forces in Arabic (issue 9, stop 26): an army's "تحييد" (neutralised)
and "القضاء على" / "قضت ... على" (eliminated) give the figure of its kills as a claim,
never as the report's toll, and the own dead told before "والقضاء على" in the same
sentence stay counted (arabic-round5's "استشهاد ضابط و3 جنود والقضاء على 18 تكفيريا").
Scored once before the rules on tests/golden/annotated/arabic-round7.jsonl: claim F1
0.000; after them 0.444 (arabic-round5: 0.444 -> 0.857)."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls


def _found(text: str, settings: Settings, resources: Resources
           ) -> tuple[int | None, list[tuple[str, int | None]]]:
    report = Report(id="c", text=text, language="ar", published=date(2024, 6, 1))
    result = extract(report, settings=settings, resources=resources)
    return result.toll(), [(i.kind, i.killed.best if i.killed else None)
                           for i in result.incidents]


@pytest.mark.parametrize(("text", "figure"), [
    ('أعلنت وزارة الدفاع التركية تحييد 14 "إرهابيا" في شمال سوريا خلال الساعات الماضية.', 14),
    ("أعلنت قيادة العمليات المشتركة العراقية، اليوم السبت، القضاء على 5 مسلحين بضربة جوية.",
     5),
    ("وأوضح المصدر أن قوات الجيش تمكنت من صد الهجوم وقضت على 20 مسلحا حوثيا.", 20),
])
def test_an_armys_neutralised_is_a_claim_not_the_toll(
        text: str, figure: int, settings: Settings, resources: Resources) -> None:
    toll, incidents = _found(text, settings, resources)
    assert toll is None
    assert ("claim", figure) in incidents


def test_the_own_dead_before_the_claim_stay_counted(
        settings: Settings, resources: Resources) -> None:
    text = "المتحدث العسكري: استشهاد ضابط و3 جنود والقضاء على 18 تكفيريا في سيناء"
    toll, incidents = _found(text, settings, resources)
    assert toll == 4
    assert ("claim", 18) in incidents
    assert ("incident", 4) in incidents


def test_only_the_figures_after_the_joined_claim_are_flagged() -> None:
    text = "استشهاد ضابط و3 جنود والقضاء على 18 تكفيريا"
    flagged = {text[b.start:b.end]: "claim_cue" in b.flags
               for b in sentence_tolls(text, language="ar")}
    assert flagged["18"] is True
    assert flagged["3"] is False


def test_eliminating_things_is_no_death(settings: Settings, resources: Resources) -> None:
    toll, incidents = _found("تعهدت الحكومة القضاء على 5 ملفات عالقة خلال العام.",
                             settings, resources)
    assert toll is None
    assert all(kind != "claim" for kind, _ in incidents)
