"""The gazetteer: name keys, country/admin1 normalisers, GeoNames import, user places."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tollwatch.errors import GazetteerError
from tollwatch.pipeline import Resources
from tollwatch.places.admin_names import display_name
from tollwatch.places.gazetteer import Gazetteer, GazetteerBuilder, load_gazetteer
from tollwatch.places.gazetteer import build as gazetteer_build
from tollwatch.places.gazetteer.build import merge_user_places
from tollwatch.places.gazetteer.geonames import import_file, imported_files, merge_imported
from tollwatch.places.names import country_code, light_key, name_key, normalise_admin1
from tollwatch.read.script import has_arabic, has_cyrillic
from tollwatch.settings import Settings

# --- name keys: one key for the spellings the press uses ------------------------------

SAME_PLACE = [
    ("al-Mayadeen", "Al Mayadin"),
    ("Mayadin", "Al Mayādīn"),
    ("Deir Ezzor", "Deir ez-Zor"),
    ("Dayr az Zawr", "Deir ez-Zor"),
    ("Daraa", "Deraa"),
    ("Dar'a", "Daraa"),
    ("Dar’ā", "DARAA"),
    ("Raqqa", "Ar Raqqah"),
    ("Idleb", "Idlib"),
    ("Hasakeh", "Al Hasakah"),
    ("Baghouz", "Baghuz"),
    ("el-Sukhna", "As Sukhnah"),
    ("Qandahar", "Kandahar"),
    ("Culiacán", "CULIACAN"),
]


@pytest.mark.parametrize(("a", "b"), SAME_PLACE, ids=[f"{a}={b}" for a, b in SAME_PLACE])
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


DIFFERENT = [("Homs", "Hama"), ("Aleppo", "Idlib"), ("Mosul", "Basra"), ("Sinaloa", "Sonora")]


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a}!={b}" for a, b in DIFFERENT])
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_light_key_keeps_vowels_that_the_name_key_merges() -> None:
    assert name_key("Idleb") == name_key("Idlib")
    assert light_key("Idleb") != light_key("Idlib")
    assert light_key("al-Raqqa") == light_key("Ar Raqqah")


@given(st.text(max_size=40))
def test_name_key_is_ascii_lower_and_idempotent_on_its_output(text: str) -> None:
    # a name in Arabic or Cyrillic script is keyed in its own script (places/names.name_keys)
    key = name_key(text)
    assert key == key.lower()
    assert key.isascii() or has_arabic(text) or has_cyrillic(text)
    assert name_key(key) == name_key(key)


def test_an_arabic_name_keeps_its_script() -> None:
    assert name_key("عدن") != name_key("Adn")
    assert has_arabic(name_key("عدن"))


# --- the normalisers the scorer reuses ------------------------------------------------

COUNTRIES = [
    ("Syria", "SY"),
    ("Yemen (North Yemen)", "YE"),
    ("DR Congo (Zaire)", "CD"),
    ("Democratic Republic of Congo", "CD"),
    ("Mexico", "MX"),
    ("El Salvador", "SV"),
    ("(El Salvador", "SV"),
    ("? Honduras", "HN"),
    ("Myanmar (Burma)", "MM"),
    ("Russia (Soviet Union)", "RU"),
    ("sy", "SY"),
]


@pytest.mark.parametrize(("name", "iso"), COUNTRIES, ids=[c for c, _ in COUNTRIES])
def test_country_code_accepts_gold_styles(name: str, iso: str) -> None:
    assert country_code(name) == iso


def test_country_code_of_unknown_is_none() -> None:
    assert country_code("Atlantis") is None
    assert country_code("") is None


ADMIN1 = [
    ("Homs Governorate", "Syria", "Homs", "SY"),
    ("Deir ez Zor Governorate", "Syria", "Dayr az Zawr", "SY"),
    ("Deir ez-Zor", "Syria", "Deir Ezzor", "SY"),
    ("Rif Dimashq governorate", "Syria", "Rural Damascus", "SY"),
    ("Idleb", "Syria", "Idlib", "SY"),
    ("Sinaloa state", "Mexico", "Sinaloa", "MX"),
    ("Michoacán state", "Mexico", "Michoacan de Ocampo", "MX"),
    ("Khost", "Afghanistan", "Khōst", "AF"),
    ("Nīnawá province", "Iraq", "Ninewa", "IQ"),
    ("Thi Qar", "Iraq", "Dhi Qar", "IQ"),
    ("Hudaydah governorate", "Yemen (North Yemen)", "Al Hudaydah", "YE"),
    ("HaMerkaz", "Israel", "Central", "IL"),
    ("Shan-North", "Myanmar", "Shan", "MM"),
    ("Bago-West", "Myanmar", "Bago", "MM"),
    ("Province 1", "Nepal", "Koshi", "NP"),
    ("Federal Capital Territory", "Pakistan", "Islamabad", "PK"),
    ("Federal Capital Territory", "Nigeria", "Abuja Federal Capital Territory", "NG"),
]


@pytest.mark.parametrize(
    ("gold", "gold_country", "pred", "pred_country"), ADMIN1, ids=[a[0] for a in ADMIN1]
)
def test_normalise_admin1_matches_gold_and_predicted_forms(
    gold: str, gold_country: str, pred: str, pred_country: str
) -> None:
    assert normalise_admin1(gold, gold_country) == normalise_admin1(pred, pred_country)


def test_normalise_admin1_keeps_different_provinces_apart() -> None:
    assert normalise_admin1("Homs", "SY") != normalise_admin1("Hama", "SY")
    assert normalise_admin1(None, "SY") == ""


# --- small gazetteers built through the real code paths -------------------------------


def tiny_builder() -> GazetteerBuilder:
    builder = GazetteerBuilder()
    builder.gaz.admin1_names["SY.11"] = "Homs"
    builder.add(
        "Tadmur",
        ["Palmyra"],
        country="SY",
        lat=34.56,
        lon=38.28,
        kind="place",
        admin1_code="11",
        population=51015,
        geonameid=163808,
    )
    return builder


GEONAMES_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2,
    # admin1..4, population, elevation, dem, timezone, modified
    [
        "9000001",
        "Al Kawm",
        "Al Kawm",
        "Al-Koum,El Koum,al-Kum",
        "35.20",
        "38.85",
        "P",
        "PPL",
        "SY",
        "",
        "11",
        "",
        "",
        "",
        "0",
        "",
        "400",
        "Asia/Damascus",
        "2020-01-01",
    ],
    [
        "9000002",
        "Mukhayyam Test",
        "Mukhayyam Test",
        "Test Camp",
        "34.90",
        "38.10",
        "S",
        "CMP",
        "SY",
        "",
        "11",
        "",
        "",
        "",
        "0",
        "",
        "400",
        "Asia/Damascus",
        "2020-01-01",
    ],
    [
        "163808",
        "Tadmur",
        "Tadmur",
        "Tadmor",
        "34.56",
        "38.28",
        "P",
        "PPLA2",
        "SY",
        "",
        "11",
        "",
        "",
        "",
        "51015",
        "",
        "400",
        "Asia/Damascus",
        "2020-01-01",
    ],
]


def write_tsv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_import_then_merge_adds_villages_and_names(tmp_path: Path) -> None:
    dump = write_tsv(tmp_path / "SY.txt", GEONAMES_ROWS)
    result = import_file(dump, tmp_path / "gaz")
    assert (result.kind, result.rows) == ("places", 3)
    builder = tiny_builder()
    for stored in imported_files(tmp_path / "gaz"):
        merge_imported(builder, stored)
    gaz = builder.finish()
    koum = gaz.lookup("al-Koum")
    assert [p.geonameid for p in koum] == [9000001]
    assert koum[0].admin1 == "Homs" and koum[0].kind == "place"
    assert gaz.lookup("Test Camp")[0].kind == "feature"
    assert [p.name for p in gaz.lookup("Tadmor")] == ["Tadmur"]  # known id: a new name only
    assert len(gaz) == 3


def test_import_reads_a_geonames_zip(tmp_path: Path) -> None:
    txt = write_tsv(tmp_path / "SY.txt", GEONAMES_ROWS)
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(txt, "SY.txt")
        z.writestr("readme.txt", "about the file")
    assert import_file(archive, tmp_path / "gaz").rows == 3


def test_import_alternate_names_and_admin1_codes(tmp_path: Path) -> None:
    alt = write_tsv(
        tmp_path / "alternateNamesV2.txt",
        [
            ["1", "163808", "en", "Palmyra Oasis", "", "", "", "", "", ""],
            [
                "2",
                "163808",
                "link",
                "https://en.wikipedia.org/wiki/Palmyra",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    )
    adm = write_tsv(tmp_path / "admin1CodesASCII.txt", [["SY.99", "Test Province", "Test", "1"]])
    import_file(alt, tmp_path / "gaz")
    import_file(adm, tmp_path / "gaz")
    builder = tiny_builder()
    for stored in imported_files(tmp_path / "gaz"):
        merge_imported(builder, stored)
    gaz = builder.finish()
    assert [p.name for p in gaz.lookup("Palmyra Oasis")] == ["Tadmur"]
    assert gaz.admin1_names["SY.99"] == "Test"


@pytest.mark.parametrize(
    ("rows", "line", "what"),
    [
        ([*GEONAMES_ROWS[:1], GEONAMES_ROWS[1][:7]], 2, "7 columns"),
        ([GEONAMES_ROWS[0], ["x", *GEONAMES_ROWS[1][1:]]], 2, "invalid literal"),
        ([[*GEONAMES_ROWS[0][:4], "135.0", *GEONAMES_ROWS[0][5:]]], 1, "out of range"),
    ],
    ids=["truncated", "bad-id", "bad-latitude"],
)
def test_malformed_dump_names_the_line_and_keeps_the_old_import(
    tmp_path: Path, rows: list[list[str]], line: int, what: str
) -> None:
    folder = tmp_path / "gaz"
    good = import_file(write_tsv(tmp_path / "SY.txt", GEONAMES_ROWS), folder)
    before = good.stored.read_bytes()
    (tmp_path / "new").mkdir()
    target = write_tsv(tmp_path / "new" / "SY.txt", rows)  # a re-import of the same file name
    with pytest.raises(GazetteerError, match=rf"line {line}: .*{what}"):
        import_file(target, folder)
    assert good.stored.read_bytes() == before
    assert [p.name for p in (folder / "geonames").iterdir()] == ["SY.places.tsv"]


def test_unknown_table_shape_is_refused(tmp_path: Path) -> None:
    dump = tmp_path / "odd.txt"
    dump.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 1 has 3 tab-separated columns"):
        import_file(dump, tmp_path / "gaz")


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="does not exist"):
        import_file(tmp_path / "nope.zip", tmp_path / "gaz")


# --- user places ---------------------------------------------------------------------


def test_user_places_csv_is_merged(tmp_path: Path) -> None:
    csv_file = tmp_path / "places.csv"
    csv_file.write_text(
        "name,lat,lon,country,admin1,aliases\nRukban camp,33.3,38.7,Syria,Homs,Rukban|Al-Rukban\n",
        encoding="utf-8",
    )
    builder = tiny_builder()
    merge_user_places(builder, csv_file)
    place = builder.finish().lookup("Rukban")[0]
    assert (place.name, place.kind, place.country, place.admin1) == (
        "Rukban camp",
        "user",
        "SY",
        "Homs",
    )


def test_user_places_yaml_is_merged(tmp_path: Path) -> None:
    yaml_file = tmp_path / "places.yaml"
    yaml_file.write_text(
        "places:\n  - {name: Checkpoint 9, lat: 35.1, lon: 40.4, country: SY}\n",
        encoding="utf-8",
    )
    builder = tiny_builder()
    merge_user_places(builder, yaml_file)
    assert builder.finish().lookup("Checkpoint 9")[0].lat == 35.1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lon\nX,3\n", "line 1: the header lacks \\['lat'\\]"),
        ("name,lat,lon\nX,north,3\n", "line 2: lat 'north' is not a number"),
        ("name,lat,lon\nX,95,3\n", "line 2: lat 95.0 is outside"),
        ("name,lat,lon,country\nX,1,3,Narnia\n", "line 2: unknown country 'Narnia'"),
    ],
    ids=["no-lat-column", "lat-not-number", "lat-out-of-range", "unknown-country"],
)
def test_bad_user_places_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    csv_file = tmp_path / "places.csv"
    csv_file.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        merge_user_places(tiny_builder(), csv_file)


# --- load_gazetteer: cache and user folder, with a small default --------------------


def test_load_merges_user_folder_and_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def small_default(builder: GazetteerBuilder) -> None:
        calls.append(1)
        builder.gaz.admin1_names["SY.11"] = "Homs"
        builder.add(
            "Tadmur",
            ["Palmyra"],
            country="SY",
            lat=34.56,
            lon=38.28,
            kind="place",
            admin1_code="11",
            population=51015,
            geonameid=163808,
        )

    monkeypatch.setattr(gazetteer_build, "build_default", small_default)
    folder = tmp_path / "gaz"
    import_file(write_tsv(tmp_path / "SY.txt", GEONAMES_ROWS), folder)
    (folder / "places.csv").write_text("name,lat,lon,country\nRukban,33.3,38.7,SY\n")
    settings = Settings(gazetteer_dir=str(folder))
    first = load_gazetteer(settings)
    second = load_gazetteer(settings)
    assert isinstance(second, Gazetteer) and len(calls) == 1  # the second load is the cache
    assert first.lookup("al-Koum") and second.lookup("Rukban")
    assert list((folder / "cache").glob("gazetteer-*.pkl"))


def test_missing_places_file_setting_is_an_error(tmp_path: Path) -> None:
    settings = Settings(gazetteer_dir=str(tmp_path), places_file=str(tmp_path / "none.csv"))
    with pytest.raises(GazetteerError, match=r"places file .* does not exist"):
        load_gazetteer(settings)


# --- the CLI (a thin adapter) ---------------------------------------------------------


def test_cli_import_lookup_and_info(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from tollwatch.cli.gazetteer import gazetteer_app

    monkeypatch.setattr(gazetteer_build, "build_default", lambda builder: None)
    runner = CliRunner()
    dump = write_tsv(tmp_path / "SY.txt", GEONAMES_ROWS)
    folder = str(tmp_path / "gaz")
    result = runner.invoke(gazetteer_app, ["import", str(dump), "--dir", folder])
    assert result.exit_code == 0 and "3 places rows" in result.output
    result = runner.invoke(gazetteer_app, ["lookup", "El Koum", "--dir", folder])
    assert result.exit_code == 0 and result.output.startswith("Al Kawm\tplace\tSY")
    result = runner.invoke(gazetteer_app, ["info", "--dir", folder])
    assert "place: 2" in result.output and "feature: 1" in result.output
    truncated = write_tsv(tmp_path / "new.txt", [GEONAMES_ROWS[0][:5]])
    result = runner.invoke(gazetteer_app, ["import", str(truncated), "--dir", folder])
    assert result.exit_code == 2 and "line 1 has 5 tab-separated columns" in result.output


def test_every_gazetteer_command_has_help_and_is_documented() -> None:
    from tollwatch.cli.gazetteer import gazetteer_app

    docs = (Path(__file__).resolve().parent.parent / "docs" / "places.md").read_text()
    for command in gazetteer_app.registered_commands:
        assert command.callback is not None and command.callback.__doc__
        assert f"tollwatch gazetteer {command.name}" in docs


def test_the_cache_keeps_the_most_recently_used_builds(tmp_path: Path) -> None:
    import os

    from tollwatch.places.gazetteer.cache import prune_cache

    for age, name in enumerate(["a", "b", "c", "d", "e", "f"]):
        path = tmp_path / f"gazetteer-{name}.pkl"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # a newest, f oldest
    (tmp_path / "notes.txt").write_text("kept")
    prune_cache(tmp_path, keep=4)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gazetteer-a.pkl", "gazetteer-b.pkl", "gazetteer-c.pkl", "gazetteer-d.pkl", "notes.txt"]


@pytest.mark.parametrize(
    ("name", "aliases", "shown"),
    [
        pytest.param("Ḩimş", ("Homs", "Homs Governorate"), "Homs",
                     id="english-form-of-a-romanised-name"),
        pytest.param("California", ("Golden State", "State of California"), "California",
                     id="a-nickname-is-no-name"),
        pytest.param("Rhode Island", ("Rhode Island and Providence Plantations State",),
                     "Rhode Island", id="the-long-official-form"),
    ],
)
def test_subdivision_display_name(name: str, aliases: tuple[str, ...], shown: str) -> None:
    """A subdivision is shown as the English press writes it, never by its nickname."""
    assert display_name(name, aliases) == shown


def test_california_is_shown_by_its_name(resources: Resources) -> None:
    assert resources.gazetteer.admin1_names["US.CA"] == "California"
