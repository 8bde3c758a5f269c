"""Russian and Ukrainian (issue 9): number words in their case forms, outcome words,
dates, place names in Cyrillic, language detection, and the golden reports
(tests/golden/annotated/languages-{ru,uk}.jsonl, written for tollwatch, nothing copied)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from golden_support import doc_toll_misses, killed_figures
from tollwatch import Report, extract
from tollwatch.dates import find_dates
from tollwatch.evaluate.articles import document_toll
from tollwatch.pipeline import Resources
from tollwatch.places.names import name_key, usable_name
from tollwatch.read import cleaning
from tollwatch.read.language import LanguageDetector, language_warning
from tollwatch.read.script import cyrillic_key
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls

GOLDEN = Path(__file__).parent / "golden" / "annotated"
UA_DUMP = Path(__file__).resolve().parents[1] / ".." / "shared" / "geonames" / "UA.zip"

# Reports of the golden sets still missed (none when this was written).
KNOWN_MISSES: set[str] = set()


def _wounded(text: str, language: str) -> list[int | None]:
    return [b.best for b in sentence_tolls(text, language=language) if b.outcome == "wounded"]


@pytest.mark.parametrize(
    ("text", "language", "killed", "wounded"),
    [
        pytest.param("В результате обстрела погибли 3 человека, ещё 7 ранены.", "ru", [3], [7],
                     id="ru-verb-figure"),
        pytest.param("Два мирных жителя погибли, четверо получили ранения.", "ru", [2], [4],
                     id="ru-figure-outcome-collective"),
        pytest.param("При обстреле погибли не менее пятерых человек.", "ru", [5], [],
                     id="ru-genitive-qualifier"),
        pytest.param("По меньшей мере 34 человека погибли, в том числе двое детей.", "ru", [34],
                     [], id="ru-including"),
        pytest.param("Погибли более 6 тысяч человек.", "ru", [6001], [], id="ru-thousands"),
        pytest.param("Число погибших в результате удара возросло до девяти.", "ru", [9], [],
                     id="ru-toll-rose"),
        pytest.param("Погиб мужчина 45 лет.", "ru", [1], [], id="ru-age-no-count"),
        pytest.param("Внаслідок обстрілу загинули двоє людей, ще п'ятеро поранені.", "uk", [2],
                     [5], id="uk-verb-figure"),
        pytest.param("Загинули щонайменше троє цивільних, ще 12 травмовано.", "uk", [3], [12],
                     id="uk-qualifier"),
        pytest.param("Кількість загиблих унаслідок удару зросла до чотирьох.", "uk", [4], [],
                     id="uk-toll-rose"),
        pytest.param("Загинули 24 людини, ще 19 поранено.", "uk", [24], [19], id="uk-digits"),
        pytest.param("Загинули понад двадцять два військовослужбовці.", "uk", [23], [],
                     id="uk-compound-more"),
        pytest.param("Дев’ятеро людей постраждали.", "uk", [], [9], id="uk-apostrophe"),
    ],
)
def test_figures_and_outcomes(text: str, language: str, killed: list[int],
                              wounded: list[int]) -> None:
    assert killed_figures(text, language) == killed
    assert _wounded(text, language) == wounded


def _toll(text: str, language: str, settings: Settings, resources: Resources) -> int:
    report = Report(id="ru-uk", text=text, language=language, published=date(2025, 10, 7))
    return document_toll(extract(report, settings=settings, resources=resources)) or 0


@pytest.mark.parametrize(
    ("text", "language", "toll"),
    [
        # the army's claim is no count
        pytest.param("За сутки уничтожено до 50 военнослужащих ВСУ, сообщили в Минобороны.",
                     "ru", 0, id="ru-claim"),
        pytest.param("Сили оборони за добу ліквідували ще 980 окупантів.", "uk", 0,
                     id="uk-claim"),
        # a subject after its verb; the attacker's own death
        pytest.param("Кроме того, в среду утром в результате обстрела Горловки со стороны ВСУ "
                     "погибла женщина.", "ru", 1, id="ru-subject-after-verb"),
        pytest.param("Двое сотрудников полиции погибли при нападении на пост. Нападавший был "
                     "убит ответным огнем.", "ru", 3, id="ru-attacker-killed"),
        # another event of the day before, told in its own sentence
        pytest.param("Унаслідок удару по Білопіллю загинули дев'ятеро людей. Напередодні "
                     "внаслідок удару по Сумах загинули двоє людей.", "uk", 11,
                     id="uk-the-day-before"),
        # an accident is no violence
        pytest.param("Пять человек погибли в результате ДТП с грузовиком на трассе.", "ru", 0,
                     id="ru-road-accident"),
    ],
)
def test_document_tolls(text: str, language: str, toll: int, settings: Settings,
                        resources: Resources) -> None:
    assert _toll(text, language, settings, resources) == toll


# A Tuesday.
PUBLISHED = date(2025, 10, 14)


def _first_date(text: str) -> tuple[date | None, date | None]:
    settings = Settings()
    clean = cleaning.clean(Report(id="d", text=text, published=PUBLISHED), settings)
    found = find_dates(clean, clean.content(), PUBLISHED, settings)
    assert found, text
    return found[0].start, found[0].end


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Три человека погибли при обстреле накануне.", "2025-10-13"),
        ("Обстрел произошел 12 октября, погибли двое.", "2025-10-12"),
        ("В воскресенье в результате удара погибли двое.", "2025-10-12"),
        ("Вчора внаслідок обстрілу загинули двоє людей.", "2025-10-13"),
        ("Удар стався 11 жовтня, загинули троє.", "2025-10-11"),
        ("У неділю внаслідок удару загинули двоє.", "2025-10-12"),
    ],
)
def test_dates(text: str, day: str) -> None:
    assert _first_date(text) == (date.fromisoformat(day), date.fromisoformat(day))


@pytest.mark.parametrize(
    ("forms"),
    [
        ("Харків", "Харкова", "Харкові", "Харьков", "Харькове"),
        ("Київ", "Києві", "Киев", "Киева"),
        ("Дніпро", "Дніпрі", "Днепр", "Днепру"),
        ("Запоріжжя", "Запоріжжі", "Запорожье", "Запорожью"),
        ("Горлівка", "Горлівці", "Горловка", "Горловке"),
        ("Суми", "Сум", "Сумах"),
        ("Херсонська область", "Херсонської області", "Херсонской области"),
    ],
)
def test_cyrillic_names_meet_in_every_case_and_spelling(forms: tuple[str, ...]) -> None:
    assert len({name_key(form) for form in forms}) == 1, [name_key(f) for f in forms]
    assert cyrillic_key(forms[0]) == cyrillic_key(forms[0].upper())


def test_cyrillic_alternate_names_are_kept() -> None:
    assert usable_name("Харків") and usable_name("Горловка")
    assert not usable_name("харків")  # a lower-case form is a slug


@pytest.mark.parametrize(
    ("text", "language", "country", "admin1"),
    [
        ("В результате обстрела Херсона во вторник погибли три человека.", "ru", "UA",
         "Kherson"),
        ("Унаслідок удару по Харкову загинули двоє людей.", "uk", "UA", "Kharkiv"),
        ("У селі Ярова Донецької області загинули 24 людини.", "uk", "UA", "Donetsk"),
        ("Два человека погибли в Шебекино Белгородской области.", "ru", "RU", "Belgorod"),
    ],
)
def test_places_in_cyrillic(text: str, language: str, country: str, admin1: str,
                            settings: Settings, resources: Resources) -> None:
    report = Report(id="p", text=text, language=language, published=date(2025, 10, 14))
    incidents = extract(report, settings=settings, resources=resources).incidents
    assert incidents
    place = incidents[0].place
    assert place is not None and place.country == country
    assert admin1 in (place.admin1 or ""), place


@pytest.mark.skipif(not UA_DUMP.is_file(), reason="../shared/geonames/UA.zip is absent")
def test_ukraines_cyrillic_names_are_usable_and_keyed() -> None:
    """GeoNames' Ukrainian populated places with Cyrillic alternate names: the names are
    kept, and a village in "-івка" meets its locative "-івці" ("у Миколаївці")."""
    with zipfile.ZipFile(UA_DUMP) as archive, archive.open("UA.txt") as raw:
        rows = (line.split("\t") for line in io.TextIOWrapper(raw, encoding="utf-8"))
        names = [alt for cols in rows if len(cols) > 7 and cols[6] == "P"
                 for alt in cols[3].split(",") if alt.endswith("івка")]
    assert len(names) > 1000
    assert all(usable_name(name) for name in names[:1000])
    locatives = [(name, name[:-2] + "ці") for name in names[:1000]]
    assert all(name_key(a) == name_key(b) for a, b in locatives)


DETECTOR = LanguageDetector()


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("ru", "В результате обстрела Херсона погибли три человека, еще семь ранены, сообщил "
               "глава областной военной администрации."),
        ("uk", "Унаслідок обстрілу Херсона загинули двоє людей, ще п'ятеро дістали поранень, "
               "повідомив начальник обласної військової адміністрації."),
    ],
)
def test_detected_and_read(code: str, text: str) -> None:
    found = DETECTOR.detect(text)
    assert found.code == code
    assert found.read and language_warning(found) is None


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_golden_detected_language(code: str) -> None:
    import json

    path = GOLDEN / f"languages-{code}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert DETECTOR.detect(record["text"]).code == code, record["id"]


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_golden_document_tolls(code: str, settings: Settings, resources: Resources) -> None:
    misses = doc_toll_misses(GOLDEN / f"languages-{code}.jsonl", settings, resources,
                             at_least=15)
    assert {m[0] for m in misses} <= KNOWN_MISSES, misses
