"""Issue 10: countries never lost, containers obeyed, the report's place as a fall-back.

Each case is a short report of our own; the whole pipeline runs on it and the
main incident's place is checked (country, province, name, precision).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import GazetteerError
from tollwatch.evaluate.predict import main_incident
from tollwatch.pipeline import Resources, extract
from tollwatch.places.fallback import most_specific_place, report_place
from tollwatch.places.gazetteer.build import merge_aliases, user_place_files
from tollwatch.places.gazetteer.geonames import country_dumps
from tollwatch.places.gazetteer.model import GazetteerBuilder
from tollwatch.records import CleanText, PlaceMention, Report, Sentence, Span
from tollwatch.settings import Settings


def incident_place(text: str, settings: Settings, resources: Resources) -> PlaceMention | None:
    extraction = extract(Report(id="t", text=text), settings=settings, resources=resources)
    main = main_incident(extraction)
    assert main is not None, f"no incident in {text!r}"
    return main.place


@pytest.mark.parametrize(
    ("text", "country", "precision"),
    [
        # a country's own name is not a demonym, whatever key it shares with one
        ("Junta airstrikes in Myanmar killed nine villagers on Sunday.", "MM", "country"),
        ("Myanmar junta airstrikes kill nine villagers", "MM", "country"),
        ("Three soldiers died in an ambush in southern Somalia.", "SO", "region"),
        ("Police in Argentina said two people were shot dead at a fair.", "AR", "country"),
        # a country named only as an adjective
        ("Syrian regime shelling killed four", "SY", "country"),
        ("Iraqi police said a roadside bomb killed two traders.", "IQ", "country"),
    ],
)
def test_country_is_never_lost(
    text: str, country: str, precision: str, settings: Settings, resources: Resources
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


def test_demonym_is_not_a_place_on_its_own(settings: Settings, resources: Resources) -> None:
    """ "Somali" stays an adjective: no town or country mention comes from it."""
    place = incident_place("Somali troops killed four fighters near Baidoa.", settings, resources)
    assert place is not None and place.name == "Baidoa" and place.country == "SO"


def test_figure_without_place_takes_the_reports_town(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "A quarrel started in a tavern in Dothan, Alabama, late on Friday. "
        "The men stepped out into the parking lot. "
        "One of them took a rifle from his pickup. "
        "Two customers were killed."
    )
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.country, place.admin1, place.name) == ("US", "Alabama", "Dothan")


def _mention(name: str, precision: str, start: int, *, source: bool = False) -> PlaceMention:
    return PlaceMention(
        name=name,
        country="SY",
        admin1="Idlib",
        admin2=None,
        lat=35.9,
        lon=36.6,
        geonameid=None,
        precision=precision,  # type: ignore[arg-type]
        text=name,
        span=Span(start, start + len(name)),
        sentence=0,
        is_source_location=source,
    )


def test_most_specific_place_prefers_towns_and_skips_the_source() -> None:
    places = [
        _mention("Idlib", "admin1", 0),
        _mention("Damascus", "point", 10, source=True),
        _mention("Saraqib", "point", 30),
        _mention("Ariha", "near", 50),
    ]
    best = most_specific_place(places, "SY")
    assert best is not None and best.name == "Saraqib"
    assert best.rule == "places.v1.report"
    assert most_specific_place(places, "IQ") is None


def test_report_place_falls_back_to_a_demonym() -> None:
    text = "Turkish drones struck a convoy; four died."
    clean = CleanText("t", text, (Sentence(0, Span(0, len(text)), text),))
    place = report_place(clean, [], "TR")
    assert place is not None
    assert (place.country, place.precision, place.text) == ("TR", "country", "Turkish")
    assert report_place(clean, [], None) is None


@pytest.mark.parametrize(
    ("text", "admin1", "name"),
    [
        (
            "A gunman shot three guests dead at a party in Salem, Mass., on Saturday.",
            "Massachusetts",
            "Salem",
        ),
        (
            "FORT WAYNE, Ind. (AP) - Police said a man shot and killed his neighbour on Friday.",
            "Indiana",
            "Fort Wayne",
        ),
        (
            "Two men were shot dead outside a bar in Dothan, AL, late on Friday.",
            "Alabama",
            "Dothan",
        ),
    ],
)
def test_state_abbreviation_after_a_town_is_its_container(
    text: str, admin1: str, name: str, settings: Settings, resources: Resources
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert (place.country, place.admin1, place.name) == ("US", admin1, name)


def test_abbreviation_alone_is_no_place(settings: Settings, resources: Resources) -> None:
    place = incident_place("Mass shooting kills four at a mall in Phoenix.", settings, resources)
    assert place is not None and place.admin1 == "Arizona"


def test_a_persons_name_is_not_a_place(settings: Settings, resources: Resources) -> None:
    """ "Toney Keith White" ends in a town's name; later, "White" alone is still the man."""
    text = (
        "A judge sentenced Toney Keith White to 16 years for killing his daughter in Fort Wayne. "
        "The judge told White the shooting was no accident."
    )
    place = incident_place(text, settings, resources)
    assert place is not None and place.name == "Fort Wayne"


def test_a_street_or_court_named_after_a_town_is_not_the_town(
    settings: Settings, resources: Resources
) -> None:
    text = "Gunmen shot two men dead on Pinckney Avenue in Charlotte on Thursday."
    place = incident_place(text, settings, resources)
    assert place is not None and place.name == "Charlotte"


@pytest.mark.parametrize(
    ("text", "country", "admin1", "name"),
    [
        # the province named beside a town lies in the town's country
        (
            "Gunmen killed a herder near Niangoloko (Niangoloko, Comoe); Burkinabe soldiers "
            "pursued them.",
            "BF",
            "Cascades",
            "Niangoloko",
        ),
        # a neighbourhood "of the port of" a city is in that city
        (
            "Two men were shot dead in the Progreso neighborhood of the port of Mazatlan.",
            "MX",
            "Sinaloa",
            "Mazatlan",
        ),
        # two known words of one unknown village are no places; its container places it
        (
            "Four civilians were killed in clashes near Kyauk Sayit and Nyaung Kan villages, "
            "Salin township (Minbu district, Magway region).",
            "MM",
            "Magway",
            None,
        ),
        # "Congo" is decided by the places around it
        (
            "Fighting in the Congo killed 12 people near Goma, North Kivu.",
            "CD",
            "Nord-Kivu",
            "Goma",
        ),
        ("Fighting in Congo killed 12 people near Brazzaville.", "CG", None, "Brazzaville"),
        # a big namesake does not pull a town out of the province beside it
        (
            "The coalition carried out an air raid on Al Jubah district (Marib), killing two.",
            "YE",
            "Marib",
            None,
        ),
    ],
)
def test_containers_are_obeyed(
    text: str,
    country: str,
    admin1: str | None,
    name: str | None,
    settings: Settings,
    resources: Resources,
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None
    assert place.country == country
    if admin1 is not None:
        assert place.admin1 == admin1
    if name is not None:
        assert place.name == name
    assert place.name not in {"Kan", "Nyaung"}


@pytest.mark.parametrize(
    ("text", "admin1", "precision"),
    [
        ("Five soldiers were killed in fighting in Karen State.", "Kayin", "admin1"),
        ("Junta troops killed three villagers in Arakan.", "Rakhine", "admin1"),
        ("Soldiers shot dead two men in the Irrawaddy delta.", "Ayeyarwady", None),
        ("Clashes in Kokang killed 12 soldiers.", "Shan", "region"),
    ],
)
def test_names_the_gazetteer_lacked(
    text: str, admin1: str, precision: str | None, settings: Settings, resources: Resources
) -> None:
    place = incident_place(text, settings, resources)
    assert place is not None and (place.country, place.admin1) == ("MM", admin1)
    if precision is not None:
        assert place.precision == precision


def test_a_first_name_is_not_a_state(settings: Settings, resources: Resources) -> None:
    place = incident_place("Karen Smith was shot dead in Dallas.", settings, resources)
    assert place is not None and (place.country, place.name) == ("US", "Dallas")


def _small_builder() -> GazetteerBuilder:
    builder = GazetteerBuilder()
    builder.add("Michoacan", [], country="MX", lat=19.2, lon=-101.9, kind="admin1")
    builder.add("Michoacan", [], country="MX", lat=19.0, lon=-101.0, kind="place")
    builder.add("Kafranbel", ["Kafr Nabl"], country="SY", lat=35.6, lon=36.6, kind="place")
    return builder


def test_user_aliases_file_adds_names_without_code(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(
        "alias,place,country\nHot Land,Michoacan,MX\nKafr Nubbul,Kafr Nabl,SY\n", encoding="utf-8"
    )
    builder = _small_builder()
    merge_aliases(builder, path)
    gaz = builder.finish()
    assert [p.kind for p in gaz.lookup("Hot Land")] == ["admin1"]
    assert [p.name for p in gaz.lookup("Kafr Nubbul")] == ["Kafranbel"]
    assert user_place_files(tmp_path) == [path]


def test_user_aliases_file_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("alias,place,country\nSomewhere,Nowhere Town,SY\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"line 2: no place named 'Nowhere Town' in SY"):
        merge_aliases(_small_builder(), path)


def test_import_countries_finds_the_files_or_names_the_missing(tmp_path: Path) -> None:
    (tmp_path / "SY.zip").write_bytes(b"")
    (tmp_path / "admin1CodesASCII.txt").write_text("SY.07\tIdlib\tIdlib\t1\n", encoding="utf-8")
    found = country_dumps(tmp_path, ["sy"])
    assert [p.name for p in found] == ["SY.zip", "admin1CodesASCII.txt"]
    with pytest.raises(GazetteerError, match=r"lacks IQ\.zip, MM\.zip; download them"):
        country_dumps(tmp_path, ["SY", "IQ", "MM"])
    with pytest.raises(GazetteerError, match="two-letter"):
        country_dumps(tmp_path, ["Syria"])


def test_import_countries_command_imports_a_real_country_file(
    shared_dir: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from tollwatch.cli.gazetteer import gazetteer_app

    if not (shared_dir / "geonames" / "UA.zip").is_file():
        pytest.skip("../shared/geonames/UA.zip is absent")
    result = CliRunner().invoke(
        gazetteer_app,
        [
            "import",
            "--countries",
            "UA",
            "--from",
            str(shared_dir / "geonames"),
            "--dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "geonames" / "UA.places.tsv").is_file()
    assert "45,086 places rows" in result.output
