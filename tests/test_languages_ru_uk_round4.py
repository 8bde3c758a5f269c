"""Russian and Ukrainian, round 4 (issue 9): the daily claims of both sides' military
(a direction's figure, then the day's total of losses) and the adjective of a town
before a district or community word ("Шосткинский район", "Семенівській громаді").
Sentences written for these tests; nothing copied."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.read.script import cyrillic_key
from tollwatch.records import Incident
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GEONAMES = Path(__file__).resolve().parents[2] / "shared" / "geonames"


def _incidents(text: str, language: str, settings: Settings,
               resources: Resources) -> list[Incident]:
    report = Report(id="t", text=text, language=language, published=date(2026, 6, 3))
    return list(extract(report, settings=settings, resources=resources).incidents)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        pytest.param("За минувшие сутки потери противника на всех участках фронта составили "
                     "до 980 военнослужащих.", "ru", 980, id="ru-losses"),
        pytest.param("Сумарні втрати ворога за добу становили 760 осіб, повідомили в "
                     "Генштабі.", "uk", 760, id="uk-losses"),
    ],
)
def test_a_forces_daily_losses_are_a_claimed_figure(text: str, language: str,
                                                     value: int) -> None:
    killed = [b for b in sentence_tolls(text, language=language) if b.outcome == "killed"]
    assert [b.best for b in killed] == [value]
    assert "claim_cue" in killed[0].flags


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("Потери компании за год составили 40 миллионов рублей.", "ru",
                     id="ru-money"),
        pytest.param("Втрати врожаю склали 30 відсотків.", "uk", id="uk-harvest"),
    ],
)
def test_losses_of_no_force_are_no_toll(text: str, language: str) -> None:
    assert [b for b in sentence_tolls(text, language=language) if b.outcome == "killed"] == []


@pytest.mark.parametrize(
    ("text", "language", "total"),
    [
        pytest.param(
            "Минобороны: ВСУ потеряли за сутки до 900 военнослужащих\n\nВ сводке министерства "
            "говорится, что на южном направлении уничтожено до 70 военнослужащих ВСУ и "
            "танк. Всего за сутки потери украинских формирований составили до 900 "
            "военнослужащих.\n\nВ Горловке при обстреле погибла женщина, сообщил глава города.",
            "ru", 900, id="ru-direction-then-total"),
        pytest.param(
            "Генштаб: ворог втратив 820 осіб за добу\n\nЗагальні втрати противника за минулу "
            "добу склали 820 осіб. На Куп'янському напрямку Сили оборони ліквідували до 60 "
            "окупантів.\n\nУ Костянтинівці внаслідок обстрілу загинув чоловік, повідомив "
            "начальник ОВА.",
            "uk", 820, id="uk-total-then-direction"),
    ],
)
def test_one_claim_of_the_days_total(text: str, language: str, total: int,
                                     settings: Settings, resources: Resources) -> None:
    incidents = _incidents(text, language, settings, resources)
    claims = [i.killed.best for i in incidents if i.kind == "claim" and i.killed]
    assert claims == [total]
    news = [i.killed.best for i in incidents if i.kind != "claim" and i.killed]
    assert news == [1]


@pytest.mark.parametrize(
    ("text", "language", "name", "admin1"),
    [
        pytest.param("Обстріл Чернігівщини: загинула жінка\n\nУ Семенівській громаді "
                     "Чернігівської області внаслідок обстрілу загинула 60-річна жінка, "
                     "повідомили в ОВА.", "uk", "Semenivka", "Chernihiv", id="uk-community"),
        pytest.param("На Сумщині дрон атакував авто\n\nУ Шосткинському районі Сумської "
                     "області внаслідок удару дрона загинув чоловік, повідомили в ОВА.",
                     "uk", "Shostka", "Sumy", id="uk-district"),
        pytest.param("Удар дрона в Сумской области\n\nВ Шосткинском районе Сумской области "
                     "при атаке беспилотника погиб мужчина, сообщили в администрации.",
                     "ru", "Shostka", "Sumy", id="ru-district"),
        pytest.param("Обстріл Харківщини\n\nУ селі Куп'янського району Харківської області "
                     "внаслідок обстрілу загинув чоловік, повідомили в ОВА.",
                     "uk", "Kupyansk", "Kharkiv", id="uk-town-in-sk"),
    ],
)
def test_a_town_adjective_before_a_unit_word_is_that_towns_unit(
        text: str, language: str, name: str, admin1: str,
        settings: Settings, resources: Resources) -> None:
    places = [i.place for i in _incidents(text, language, settings, resources)
              if i.place is not None]
    assert places, "no place"
    assert places[0].country == "UA"
    assert places[0].admin1 == admin1
    assert places[0].name == name


def _geonames_districts() -> list[tuple[str, str]]:
    """(Ukrainian district name, its seat) from the GeoNames dump of Ukraine."""
    archive = GEONAMES / "UA.zip"
    if not archive.exists():
        pytest.skip("../shared/geonames/UA.zip is absent")
    out = []
    with zipfile.ZipFile(archive) as z, z.open("UA.txt") as raw:
        for row in csv.reader(io.TextIOWrapper(raw, encoding="utf-8"), delimiter="\t",
                              quoting=csv.QUOTE_NONE):
            if len(row) > 7 and row[7] == "ADM2" and row[3]:
                out.append((row[1], row[3]))
    return out


def test_district_adjectives_of_geonames_stem_to_their_seat() -> None:
    """The Shostka district of GeoNames ("Shostkins'kyi raion") and its seat: the
    adjective's key, less its link, is the town's key (a check of the shared stemmer)."""
    districts = _geonames_districts()
    assert any("Shostk" in name for name, _ in districts)
    assert cyrillic_key("Шосткинському").startswith(cyrillic_key("Шостка"))
    assert cyrillic_key("Семенівській").startswith(cyrillic_key("Семенівка")[:-1])
