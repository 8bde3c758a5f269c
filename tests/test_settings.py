"""Settings are checked when they are made (issue 11, item 6): types, ranges, boolean
words, unknown names with the nearest one suggested, and messages naming the setting,
where it came from and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.errors import SettingsError
from tollwatch.settings import Settings, load_settings, read_text


@pytest.mark.parametrize(
    ("values", "message"),
    [
        pytest.param({"max_report_chars": -5}, "max_report_chars=-5 .*1 or more", id="chars<0"),
        pytest.param({"max_report_chars": 0}, "max_report_chars=0 ", id="chars=0"),
        pytest.param({"max_report_chars": 2.5}, "whole number", id="chars-float"),
        pytest.param({"max_report_chars": True}, "whole number", id="chars-bool"),
        pytest.param({"workers": 0}, "workers=0 .*use 1", id="workers=0"),
        pytest.param({"geocode": "no"}, "geocode='no' .*boolean", id="geocode-text"),
        pytest.param({"geocode": 0}, "boolean", id="geocode-int"),
        pytest.param({"db_connect_timeout": 0}, "more than 0", id="connect=0"),
        pytest.param({"db_lock_timeout": -1.0}, "more than 0", id="lock<0"),
        pytest.param({"db_lock_timeout": float("inf")}, "finite", id="lock-inf"),
        pytest.param({"report_timeout_s": -1}, "0 \\(no time budget\\)", id="budget<0"),
        pytest.param({"report_timeout_s": float("nan")}, "finite", id="budget-nan"),
        pytest.param({"report_timeout_s": "30"}, "number of seconds", id="budget-text"),
        pytest.param({"db": ""}, "db='' .*non-empty text", id="db-empty"),
        pytest.param({"db": 5}, "non-empty text", id="db-int"),
        pytest.param({"gazetteer_dir": 3}, "path", id="path-int"),
        pytest.param({"extra": ["a"]}, "table", id="extra-list"),
    ],
)
def test_bad_values_are_refused_naming_the_setting(values: dict[str, Any], message: str) -> None:
    (name,) = values
    with pytest.raises(SettingsError, match=message) as caught:
        Settings(**values)
    assert str(caught.value).startswith(f"setting {name}=")


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"max_report_chars": 1, "workers": 8, "geocode": False},
        {"db_connect_timeout": 1, "db_lock_timeout": 0.5, "report_timeout_s": 0},
        {"gazetteer_dir": "gaz", "actors_file": None, "extra": {"note": 1}},
    ],
    ids=["defaults", "ints-and-bool", "seconds", "paths"],
)
def test_good_values_are_kept(values: dict[str, Any]) -> None:
    settings = Settings(**values)
    for name, value in values.items():
        assert getattr(settings, name) == value


def test_overrides_are_checked_too() -> None:
    with pytest.raises(SettingsError, match="workers=-2"):
        Settings().with_overrides(workers=-2)
    assert Settings().with_overrides(workers=None).workers == 1


@pytest.mark.parametrize(
    ("raw", "value"),
    [("true", True), ("TRUE", True), ("yes", True), ("1", True), (" no ", False),
     ("false", False), ("0", False), ("No", False)],
)
def test_boolean_words(raw: str, value: bool) -> None:
    assert read_text("geocode", raw) is value


@pytest.mark.parametrize("raw", ["on", "off", "y", "2", "", "nein", "True!"])
def test_other_boolean_words_are_refused(raw: str) -> None:
    with pytest.raises(SettingsError, match=r"geocode=.*true or false"):
        read_text("geocode", raw)


@pytest.mark.parametrize(
    ("name", "suggested"),
    [("max_report_char", "max_report_chars"), ("wokers", "workers"),
     ("geocoding", "geocode"), ("report_timeout", "report_timeout_s")],
)
def test_unknown_names_suggest_the_nearest(name: str, suggested: str) -> None:
    expected = f"unknown setting '{name}': did you mean '{suggested}'"
    with pytest.raises(SettingsError, match=expected):
        Settings().with_overrides(**{name: 1})


def test_an_unknown_name_with_nothing_near_lists_the_settings() -> None:
    with pytest.raises(SettingsError, match=r"known settings are db, .*report_timeout_s"):
        Settings().with_overrides(colour="blue")


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tollwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("max_report_chars = -5\n", "max_report_chars=-5", id="negative"),
        pytest.param("[tollwatch]\nworkers = 1.5\n", "workers=1.5 .*whole number", id="float"),
        pytest.param('geocode = "maybe"\n', "geocode='maybe' .*boolean", id="bool-word"),
        pytest.param("geocod = false\n", "unknown setting 'geocod': did you mean 'geocode'",
                     id="unknown"),
        pytest.param("tollwatch = 3\n", "must be a table of settings", id="not-a-table"),
    ],
)
def test_config_file_errors_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(SettingsError, match=f"config file {path}.*{message}"):
        load_settings(path, environ={})


def test_text_in_a_config_file_is_read_as_the_settings_type(tmp_path: Path) -> None:
    """`geocode = "no"` used to leave geocoding on (a non-empty string is true)."""
    path = _config(tmp_path, 'geocode = "no"\nworkers = "3"\nreport_timeout_s = 2\n')
    settings = load_settings(path, environ={})
    assert (settings.geocode, settings.workers, settings.report_timeout_s) == (False, 3, 2)


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("TOLLWATCH_MAX_REPORT_CHARS", "-5", "max_report_chars=-5"),
        ("TOLLWATCH_MAX_REPORT_CHARS", "lots", "whole number"),
        ("TOLLWATCH_GEOCODE", "off", "true or false"),
        ("TOLLWATCH_REPORT_TIMEOUT_S", "soon", "number of seconds"),
        ("TOLLWATCH_WORKERS", "0", "workers=0"),
    ],
)
def test_environment_errors_name_the_variable(key: str, raw: str, message: str) -> None:
    with pytest.raises(SettingsError, match=f"environment variable {key}: .*{message}"):
        load_settings(environ={key: raw})


def test_the_environment_is_read() -> None:
    settings = load_settings(environ={
        "TOLLWATCH_GEOCODE": "no", "TOLLWATCH_REPORT_TIMEOUT_S": "0",
        "TOLLWATCH_MAX_REPORT_CHARS": "1000", "TOLLWATCH_UNRELATED": "x",
    })
    assert (settings.geocode, settings.report_timeout_s, settings.max_report_chars) == (
        False, 0.0, 1000,
    )


def test_options_are_checked_last() -> None:
    with pytest.raises(SettingsError, match="option: setting workers=0"):
        load_settings(environ={}, workers=0)
    assert load_settings(environ={"TOLLWATCH_WORKERS": "2"}, workers=3).workers == 3


def test_the_cli_refuses_a_bad_config_file_with_a_usage_error(tmp_path: Path) -> None:
    path = _config(tmp_path, "max_report_chars = -5\n")
    report = tmp_path / "r.txt"
    report.write_text("Nothing happened.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(report), "--config", str(path)])
    assert result.exit_code == 2
    assert "max_report_chars=-5" in result.output and "1 or more" in result.output
