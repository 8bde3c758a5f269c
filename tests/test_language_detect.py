"""Language detection (read/language.py): hints, script, lingua, "language not read"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select

from tollwatch import Report, extract
from tollwatch.contract import extraction_json
from tollwatch.pipeline import Resources
from tollwatch.read.decode import html_language
from tollwatch.read.files import read_paths
from tollwatch.read.language import (
    LanguageDetector,
    language_warning,
    normalise_hint,
    not_read_summary,
)
from tollwatch.records import Rejection
from tollwatch.settings import Settings
from tollwatch.store import Store
from tollwatch.store import db as store_db
from tollwatch.store.models import ReportRow

DETECTOR = LanguageDetector()

# Our own sentences, one per language, with the language they are in.
SAMPLES = [
    ("en", "Gunmen killed four villagers near the market on Monday, the police said."),
    ("fr", "Au moins douze soldats ont été tués lundi dans une attaque contre leur poste."),
    ("es", "Al menos cinco personas murieron tras un enfrentamiento armado en la sierra."),
    ("pt", "Pelo menos sete civis foram mortos num ataque de insurgentes na aldeia ontem."),
    ("ar", "قال المرصد السوري لحقوق الإنسان إن خمسة مدنيين قتلوا في قصف على ريف إدلب."),
    ("de", "Bei einem Anschlag auf einen Markt wurden am Montag zwölf Menschen getötet."),
    ("fa", "در این حمله دست کم ده نفر کشته و چند نفر دیگر زخمی شدند."),
    ("ru", "В результате обстрела погибли трое мирных жителей, сообщили власти."),
]


@pytest.mark.parametrize(("code", "text"), SAMPLES, ids=[c for c, _ in SAMPLES])
def test_detects_the_language(code: str, text: str) -> None:
    assert DETECTOR.detect(text).code == code


def test_arabic_script_needs_no_model_and_persian_is_not_arabic() -> None:
    arabic = DETECTOR.detect(SAMPLES[4][1])
    assert (arabic.code, arabic.source, arabic.read) == ("ar", "script", True)
    assert DETECTOR.detect(SAMPLES[6][1]).code == "fa"


def test_common_english_is_settled_by_its_function_words() -> None:
    found = DETECTOR.detect("The army said that it had killed ten of the attackers.")
    assert (found.code, found.source) == ("en", "english")


def test_the_readers_hint_wins() -> None:
    found = DETECTOR.detect(SAMPLES[0][1], hint="fr-FR")
    assert (found.code, found.source, found.verdict) == ("fr", "hint", True)


@pytest.mark.parametrize(
    ("hint", "code"),
    [("pt-BR", "pt"), ("pt_BR", "pt"), ("Arabic", "ar"), ("ara", "ar"), ("EN", "en"),
     ("de", "de"), ("", None), (None, None), ("x", None), ("12", None)],
)
def test_hints_are_normalised(hint: str | None, code: str | None) -> None:
    assert normalise_hint(hint) == code


def test_no_letters_no_language() -> None:
    assert DETECTOR.detect("12 - 14 / 2020").code is None


def test_a_language_not_read_is_said_in_the_warnings_and_the_contract(
    settings: Settings, resources: Resources
) -> None:
    text = ("Bei einem Anschlag auf einen Markt in der Stadt wurden am Montag zwölf Menschen "
            "getötet, teilte die Polizei mit.")
    line = extraction_json(extract(Report(id="d1", text=text), settings=settings,
                                   resources=resources))
    assert line["language"] == "de"
    assert any(w.startswith("language not read: the report is in 'de'") for w in
               line["warnings"])


def test_a_longer_german_report_with_in_twice_is_not_read(
    settings: Settings, resources: Resources
) -> None:
    """ "in" is German as well as English: two of them do not make the text English."""
    text = ("Bei einem Anschlag in der Stadt wurden am Montag mindestens zwölf Menschen "
            "getötet, teilte die Polizei mit. Die Angreifer flohen anschließend in einem Auto.")
    extraction = extract(Report(id="d2", text=text), settings=settings, resources=resources)
    assert any(w.startswith("language not read: the report is in 'de'")
               for w in extraction.warnings)


def test_a_short_headline_gets_no_verdict() -> None:
    found = DETECTOR.detect("Soldiers vs Boko Haram, Borno")
    assert language_warning(found) is None


def test_languages_read_get_no_warning() -> None:
    for code, text in SAMPLES[:5]:
        found = DETECTOR.detect(text)
        assert found.read and language_warning(found) is None, code


def test_the_contract_carries_the_language(settings: Settings, resources: Resources) -> None:
    line = extraction_json(extract(Report(id="r", text=SAMPLES[1][1]), settings=settings,
                                   resources=resources))
    assert line["language"] == "fr"


def test_not_read_summary() -> None:
    assert not_read_summary({"ru": 1}) == (
        "1 report in a language not read (ru 1): see their warnings")


def test_html_lang_attribute() -> None:
    assert html_language('<html xml:lang="pt-BR" lang="pt"><body></body></html>') == "pt-BR"
    assert html_language("<html><body>no lang</body></html>") is None


def _reports(path: Path) -> list[Report]:
    found = [r for r in read_paths([path], published=None, settings=Settings())
             if not isinstance(r, Rejection)]
    return [r for r in found if isinstance(r, Report)]


def test_jsonl_lang_and_language_fields_are_hints(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "x y z", "lang": "fr"}) + "\n"
        + json.dumps({"id": "b", "text": "x y z", "language": "es-MX"}) + "\n"
        + json.dumps({"id": "c", "text": "x y z"}) + "\n",
        encoding="utf-8",
    )
    assert [r.language for r in _reports(path)] == ["fr", "es-MX", None]


def test_html_lang_is_a_hint(tmp_path: Path) -> None:
    body = " ".join(["Au moins douze soldats ont été tués lundi près de Djibo."] * 8)
    path = tmp_path / "page.html"
    path.write_text(
        f'<!doctype html><html lang="fr"><head><title>Attaque</title></head><body><article>'
        f"<h1>Attaque</h1><p>{body}</p><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    assert [r.language for r in _reports(path)] == ["fr"]


def test_feed_language_is_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Noticias</title>'
        "<language>es-CO</language><item><title>Enfrentamiento deja 3 muertos</title>"
        "<description>Tres muertos en un enfrentamiento.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    assert [r.language for r in _reports(path)] == ["es-CO"]


def test_the_store_keeps_each_reports_language_and_counts_those_not_read(
    store: Store, tmp_path: Path, resources: Resources
) -> None:
    path = tmp_path / "r.jsonl"
    german = ("Bei einem Anschlag auf einen Markt in der Stadt wurden am Montag zwölf Menschen "
              "getötet, teilte die Polizei mit.")
    path.write_text(
        json.dumps({"id": "fr1", "text": SAMPLES[1][1]}) + "\n"
        + json.dumps({"id": "de1", "text": german}) + "\n"
        + json.dumps({"id": "es1", "text": "Asesinan a 4 en Culiacán", "lang": "es"}) + "\n",
        encoding="utf-8",
    )
    summary = store.run([path], resources=resources)
    assert dict(summary.ingest.not_read) == {"de": 1}
    with store.sessions() as session:
        rows = {r.report_id: r.language for r in session.scalars(select(ReportRow))}
    assert rows == {"fr1": "fr", "de1": "de", "es1": "es"}


def test_migrations_have_one_head() -> None:
    script = ScriptDirectory.from_config(store_db.alembic_config())
    assert len(script.get_heads()) == 1
