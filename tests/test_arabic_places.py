"""Arabic-script place names through the gazetteer's Arabic alternate names (issues 9
and 10): towns of Arabic-speaking countries are found by the names Arabic reports
write ("سنجار", "نيالا", "الزاوية"), everyday words that GeoNames also lists as some
village's name ("الخميس", "الشهداء") are never read as places, and the report's
country and province still win over namesakes. Short reports of our own.
"""

from __future__ import annotations

import pytest

from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places.names import usable_arabic_name
from tollwatch.records import PlaceMention, Report
from tollwatch.settings import Settings


def incident_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = extract(Report(id="ar", text=text, language="ar"), settings=settings,
                         resources=resources)
    main = main_incident(extraction)
    assert main is not None, f"no incident in {text!r}"
    return main.place


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a town in rural Idlib, with the province as container
        ("قتل ثلاثة مدنيين بينهم طفلة في قصف مدفعي استهدف بلدة كفرنبل بريف إدلب الجنوبي",
         "Kafranbel", "SY"),
        ("انفجرت عبوة ناسفة بدورية للجيش في قضاء سنجار بمحافظة نينوى ما أدى إلى مقتل جنديين",
         "Sinjar", "IQ"),
        ("قتل تسعة مدنيين في قصف بطائرة مسيرة على سوق شعبي في مدينة نيالا بجنوب دارفور",
         "Nyala", "SD"),
        ("لقي أربعة أشخاص مصرعهم في اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية غرب طرابلس",
         "Zawiya", "LY"),
        # Jableh on the Syrian coast, not Jiblah in Yemen: the province decides
        ("قتل رجلان برصاص مسلحين مجهولين في مدينة جبلة بريف اللاذقية", "Jablah", "SY"),
        # a clitic preposition joined to the name
        ("قتل خمسة أشخاص بانفجار سيارة مفخخة بسنجار", "Sinjar", "IQ"),
    ],
)
def test_town_found_by_its_arabic_name(
    text: str, name: str, country: str, settings: Settings, resources: Resources
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.country, place.precision) == (country, "point")
    assert name.lower() in (place.name or "").lower() or place.name in {
        "Az Zawiyah", "Az Zāwīyah"
    }


def test_weekday_is_not_a_place(settings: Settings, resources: Resources) -> None:
    """ "الخميس" is Thursday here, not Al Khamis in Yemen: the place is Homs."""
    place = incident_place(
        "قتل شخصان وأصيب ثلاثة آخرون يوم الخميس في انفجار عبوة ناسفة بمدينة حمص",
        settings,
        resources,
    )
    assert place is not None and place.country == "SY"


def test_martyrs_is_not_a_place(settings: Settings, resources: Resources) -> None:
    """ "الشهداء" (the martyrs) names no village in Egypt or Palestine."""
    place = incident_place(
        "شيع أهالي درعا الشهداء الخمسة الذين قتلوا في كمين على طريق المزيريب",
        settings,
        resources,
    )
    assert place is not None and place.country == "SY"


@pytest.mark.parametrize(
    "word",
    ["الخميس", "الجمعة", "الشهداء", "المدينة", "مخيم", "السوق", "الجنوب", "الثلاثة", "بيان"],
)
def test_everyday_words_are_not_indexed(word: str) -> None:
    assert not usable_arabic_name(word)


def test_weekday_with_clitics_is_not_a_place(settings: Settings, resources: Resources) -> None:
    """ "والجمعة" is "and Friday": stripped of its clitic it is still no town."""
    place = incident_place(
        "قتل ثلاثة جنود يومي الخميس والجمعة في هجمات متفرقة بمحافظة دير الزور",
        settings,
        resources,
    )
    assert place is not None and place.country == "SY" and place.admin1 == "Deir ez-Zor"


@pytest.mark.parametrize("name", ["سنجار", "نيالا", "الزاوية", "جبلة", "الرطبة", "كفرنبل"])
def test_town_names_are_indexed(name: str) -> None:
    assert usable_arabic_name(name)


def test_everyday_words_find_no_town(resources: Resources) -> None:
    gaz = resources.gazetteer
    for word in ("الخميس", "الشهداء", "المدينة", "بيان", "مصدر"):
        assert not [i for i in gaz.lookup(word) if i.kind == "place"], word


def test_persian_script_names_are_left_out() -> None:
    assert not usable_arabic_name("تیبازہ")  # Urdu letters: not an Arabic press spelling
