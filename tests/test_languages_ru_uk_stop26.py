"""Russian and Ukrainian at stop 26 (issue 9): one person joined to a counted group by
"and" ("двое полицейских и мирный житель": three), and the scanner's word rules applied
together in one sentence (an apostrophe inside a Ukrainian word, an Arabic word quoted
in a Cyrillic sentence). Sentences written for these tests; nothing copied."""

from __future__ import annotations

from datetime import date

import pytest

from tollwatch import Report, extract
from tollwatch.pipeline import Resources
from tollwatch.places.scan import scan
from tollwatch.read.cleaning import clean
from tollwatch.records import Incident
from tollwatch.settings import Settings
from tollwatch.tolls.find import sentence_tolls


def _killed(text: str, language: str, outcome: str = "killed") -> list[int | None]:
    return [b.best for b in sentence_tolls(text, language=language) if b.outcome == outcome]


@pytest.mark.parametrize(
    ("text", "language", "outcome"),
    [
        pytest.param("При нападении на пост погибли двое полицейских и мирный житель.", "ru",
                     "killed", id="ru-civilian"),
        pytest.param("Погибли трое военных и находившаяся рядом пожилая женщина.", "ru",
                     "killed", id="ru-words-between"),
        pytest.param("Унаслідок обстрілу загинули двоє поліцейських і місцевий житель.", "uk",
                     "killed", id="uk-resident"),
        pytest.param("Ранены двое военнослужащих и водитель автобуса.", "ru", "wounded",
                     id="ru-wounded"),
    ],
)
def test_one_person_joined_to_a_counted_group_counts_one_more(
        text: str, language: str, outcome: str) -> None:
    found = _killed(text, language, outcome)
    assert sum(v or 0 for v in found) == (3 if "двое" in text or "двоє" in text else 4)


@pytest.mark.parametrize(
    ("text", "language", "total"),
    [
        # a comma ends the group: the resident is told of in another clause
        pytest.param("Погибли двое полицейских, местный житель ранен.", "ru", 2,
                     id="ru-comma"),
        # a genitive after "and" is no one joined ("и местного жителя" is someone's)
        pytest.param("Погибли двое сотрудников полиции и охраны местного жителя.", "ru", 2,
                     id="ru-genitive"),
    ],
)
def test_nobody_is_joined_across_a_comma_or_without_a_singular_noun(
        text: str, language: str, total: int) -> None:
    assert sum(v or 0 for v in _killed(text, language)) == total


def _incidents(text: str, language: str, settings: Settings,
               resources: Resources) -> list[Incident]:
    report = Report(id="t", text=text, language=language, published=date(2026, 6, 3))
    return list(extract(report, settings=settings, resources=resources).incidents)


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_an_apostrophe_in_a_ukrainian_sentence_keeps_the_adjective_rule(
        apostrophe: str, settings: Settings, resources: Resources) -> None:
    text = ("На Сумщині дрон атакував авто\n\nУ Шосткинському районі Сумської області від "
            f"удару дрона загинув В{apostrophe}ячеслав Бойко, водій м{apostrophe}ясокомбінату, "
            "повідомили в ОВА.")
    places = [i.place for i in _incidents(text, "uk", settings, resources) if i.place]
    assert places and places[0].name == "Shostka" and places[0].admin1 == "Sumy"


def _adjective_key(text: str, word: str, settings: Settings, resources: Resources) -> str:
    cleaned = clean(Report(id="t", text=text, language="uk"), settings)
    sentence = cleaned.sentences[0]
    tokens, _ = scan(resources.gazetteer, cleaned, sentence)
    return next(t.key for t in tokens if t.text == word)


def test_an_arabic_word_in_a_cyrillic_sentence_keeps_the_adjective_rule(
        settings: Settings, resources: Resources) -> None:
    plain = "У Шосткинському районі загинув чоловік."
    quoted = "У Шосткинському районі загинув чоловік (بحلب)."
    key = _adjective_key(plain, "Шосткинському", settings, resources)
    assert key  # the town's key (Shostka), not the adjective's own
    assert _adjective_key(quoted, "Шосткинському", settings, resources) == key


def test_a_dash_apposition_names_the_counted_ones() -> None:
    text = "Дрон атакував подвір'я, загинули двоє цивільних - чоловік і жінка."
    assert sum(v or 0 for v in _killed(text, "uk")) == 2
