"""One settings object, layered: defaults -> config file -> environment -> CLI flags.

No stage reads the environment or module globals; they receive a `Settings`.
Environment variables are `TOLLWATCH_<FIELD>` in upper case (e.g. TOLLWATCH_DB).

Every value is checked when the settings are made (`Settings.__post_init__`): its type,
its range, and, in a config file or the environment, its name (an unknown key is
refused with the nearest known one). A value given as text (the environment, a quoted
TOML value) is read as the setting's type; booleans read true/false, yes/no, 1/0 only.
A bad value is a `SettingsError` naming the setting, where it came from and the fix.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

TRUE_WORDS = frozenset({"true", "yes", "1"})
FALSE_WORDS = frozenset({"false", "no", "0"})


@dataclass(frozen=True)
class Settings:
    """Documented defaults for every stage.

    Attributes:
        db: SQLAlchemy URL of the incident database (a SQLite file by default).
        gazetteer_dir: folder with user gazetteer additions (GeoNames imports,
            user places); the packaged default gazetteer is always loaded.
        actors_file: an extra YAML actor dictionary merged over the packaged one.
        places_file: an extra CSV/YAML of user places (name, lat, lon, country...).
        vague_convention: "dozens" -> 24, "scores" -> 40, "hundreds" -> 200, ... (docs/tolls.md).
        max_report_chars: longer texts are cut there, with a warning (a 50 MB text is
            read, not parsed whole). 1 or more.
        workers: processes used by `extract`/`run`. 1 or more.
        geocode: link places to the gazetteer (off gives place text only).
        db_connect_timeout: seconds to wait for a database server to answer before
            giving up with a clear error (PostgreSQL). More than 0.
        db_lock_timeout: seconds a writer waits for another process's write
            transaction (an ingest batch, a matching pass) before giving up. More than 0.
        report_timeout_s: time budget of one report's extraction, in seconds; a report
            that takes longer is rejected with its reason and the run goes on
            (docs/reliability.md). 0 turns the budget off.
        smtp_host: the SMTP server digests and alerts are sent through (unset: no
            e-mail; `--to` and alert rules then fail with this setting named).
        smtp_port: its port, 1-65535; 0 (the default) takes the TLS mode's usual port:
            25 (none), 587 (starttls), 465 (ssl).
        smtp_tls: none, starttls (the default) or ssl (TLS from the first byte).
        smtp_user: the SMTP login, if the server wants one (with smtp_password).
        smtp_password: its password, from the environment only
            (TOLLWATCH_SMTP_PASSWORD): refused in a config file, never printed.
        smtp_from: the From address of the messages (an e-mail address).
        smtp_timeout: seconds to wait for the SMTP server. More than 0.
        alerts: alert rules (docs/watch.md, "Alerts"), a list of tables in a config file
            (`[[tollwatch.alerts]]`), each with `recipients` and one or more of
            `country`, `min_killed`, `actor`, and `lat` + `lon` + `within_km`.
        alert_window_h: an alert check looks at the events created or updated in the
            last so many hours. More than 0.
    """

    db: str = "sqlite:///tollwatch.sqlite"
    gazetteer_dir: str | None = None
    actors_file: str | None = None
    places_file: str | None = None
    vague_convention: str = "tolls.vague.v1"
    max_report_chars: int = 2_000_000
    workers: int = 1
    geocode: bool = True
    db_connect_timeout: float = 5.0
    db_lock_timeout: float = 120.0
    report_timeout_s: float = 30.0
    smtp_host: str | None = None
    smtp_port: int = 0
    smtp_tls: str = "starttls"
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_from: str | None = None
    smtp_timeout: float = 30.0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    alert_window_h: float = 48.0
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in fields(self):
            _check(f.name, getattr(self, f.name))

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields set (None values are ignored).

        Unknown names are refused (naming the nearest setting); values are checked.
        """
        for name in values:
            _known(name)
        return replace(self, **{k: v for k, v in values.items() if v is not None})


# --- checks ------------------------------------------------------------------------------

# The kind of each setting: what `_check` accepts and `read_text` reads.
_TEXT = {"db", "vague_convention"}
_PATHS = {"gazetteer_dir", "actors_file", "places_file"}  # text or None
_OPTIONAL_TEXT = {"smtp_host", "smtp_user", "smtp_password"}  # text or None
_INTS = {"max_report_chars", "workers", "smtp_port"}
_FLOATS = {"db_connect_timeout", "db_lock_timeout", "report_timeout_s", "smtp_timeout",
           "alert_window_h"}
_SECRET = {"smtp_password"}  # never shown in a message
TLS_MODES = ("none", "starttls", "ssl")
_BOOLS = {"geocode"}

# Lowest value of a number setting, whether it may equal it, and what it means.
_RANGES: dict[str, tuple[float, bool, str]] = {
    "max_report_chars": (1, True, "must be 1 or more (the characters read of each report)"),
    "workers": (1, True, "must be 1 or more; use 1 to extract in this process"),
    "db_connect_timeout": (0, False, "must be more than 0 seconds"),
    "db_lock_timeout": (0, False, "must be more than 0 seconds"),
    "report_timeout_s": (0, True, "must be 0 (no time budget) or more seconds"),
    "smtp_port": (0, True, "must be a port, 1-65535, or 0 for the TLS mode's usual port"),
    "smtp_timeout": (0, False, "must be more than 0 seconds"),
    "alert_window_h": (0, False, "must be more than 0 hours"),
}


def _names() -> list[str]:
    return [f.name for f in fields(Settings)]


def _known(name: str) -> None:
    """Refuse an unknown setting name, suggesting the nearest known one."""
    names = _names()
    if name in names:
        return
    near = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}?" if near else f"known settings are {', '.join(names)}"
    raise SettingsError(f"unknown setting {name!r}: {hint}")


def _check(name: str, value: Any) -> None:
    """Raise a SettingsError when `value` is not of setting `name`'s type and range."""
    if name in _TEXT:
        if not isinstance(value, str) or not value.strip():
            _refuse(name, value, "must be non-empty text")
    elif name in _PATHS:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            _refuse(name, value, "must be a path (text), or unset")
    elif name in _OPTIONAL_TEXT:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            _refuse(name, value, "must be non-empty text, or unset")
    elif name == "smtp_tls":
        if value not in TLS_MODES:
            _refuse(name, value, "must be none, starttls or ssl")
    elif name == "smtp_from":
        if value is not None:
            check_address(value, "setting smtp_from")
    elif name == "alerts":
        if not isinstance(value, list):
            _refuse(name, value, "must be a list of rules ([[tollwatch.alerts]] tables)")
        for index, rule in enumerate(value):
            check_rule(rule, index)
    elif name in _BOOLS:
        if not isinstance(value, bool):
            _refuse(name, value, "must be a boolean: true or false (also yes/no, 1/0)")
    elif name in _INTS:
        if isinstance(value, bool) or not isinstance(value, int):
            _refuse(name, value, "must be a whole number")
        _check_range(name, value)
    elif name in _FLOATS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            _refuse(name, value, "must be a number of seconds")
        if not math.isfinite(value):
            _refuse(name, value, "must be a finite number")
        _check_range(name, value)
    elif name == "extra" and not isinstance(value, dict):
        _refuse(name, value, "must be a table (a mapping of names to values)")


def _check_range(name: str, value: float) -> None:
    low, inclusive, meaning = _RANGES[name]
    if value < low or (value == low and not inclusive):
        _refuse(name, value, meaning)
    if name == "smtp_port" and value > 65535:
        _refuse(name, value, meaning)


def _refuse(name: str, value: Any, why: str) -> None:
    if name in _SECRET:
        raise SettingsError(f"setting {name} is not valid: {why}")
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    raise SettingsError(f"setting {name}={shown} is not valid: {why}")


# --- e-mail addresses and alert rules ----------------------------------------------------

RULE_KEYS = ("name", "country", "min_killed", "actor", "lat", "lon", "within_km", "recipients")
_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+")


def check_address(value: Any, where: str) -> str:
    """`value` if it is one plain e-mail address (name@host.tld), else a SettingsError."""
    if not isinstance(value, str) or not _ADDRESS.fullmatch(value.strip()):
        raise SettingsError(
            f"{where}: {str(value)[:60]!r} is not an e-mail address; write it as name@host.org")
    return value.strip()


def check_rule(rule: Any, index: int) -> None:
    """Raise a SettingsError naming alert rule `index` (1-based in the message) and the
    fix when `rule` is not a valid rule (see `RULE_KEYS` and docs/watch.md)."""
    where = f"setting alerts, rule {index + 1}"
    if not isinstance(rule, dict):
        raise SettingsError(f"{where}: must be a table ([[tollwatch.alerts]]) of conditions "
                            "and recipients")
    for key in rule:
        if key not in RULE_KEYS:
            near = difflib.get_close_matches(str(key), RULE_KEYS, n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else f"use {', '.join(RULE_KEYS)}"
            raise SettingsError(f"{where}: unknown key {key!r}: {hint}")
    recipients = rule.get("recipients")
    if isinstance(recipients, str):
        recipients = [recipients]
    if not isinstance(recipients, list) or not recipients:
        raise SettingsError(f"{where}: give recipients = [\"name@host.org\", ...]")
    for address in recipients:
        check_address(address, where)
    _check_rule_values(rule, where)


def _check_rule_values(rule: dict[str, Any], where: str) -> None:
    if "name" in rule and (not isinstance(rule["name"], str) or not rule["name"].strip()):
        raise SettingsError(f"{where}: name must be non-empty text")
    countries = rule.get("country")
    if countries is not None:
        for code in [countries] if isinstance(countries, str) else countries:
            if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code):
                raise SettingsError(f"{where}: country {code!r} must be an ISO alpha-2 code "
                                    "(ML, SY), or a list of them")
    number = rule.get("min_killed")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int)
                               or number < 0):
        raise SettingsError(f"{where}: min_killed must be a whole number, 0 or more")
    actor = rule.get("actor")
    if actor is not None and (not isinstance(actor, str) or not actor.strip()):
        raise SettingsError(f"{where}: actor must be non-empty text (part of a perpetrator)")
    place = [rule.get(k) for k in ("lat", "lon", "within_km")]
    if any(v is not None for v in place):
        if any(isinstance(v, bool) or not isinstance(v, int | float) for v in place):
            raise SettingsError(f"{where}: a place needs lat, lon and within_km, all numbers")
        lat, lon, km = (float(v) for v in place if v is not None)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise SettingsError(f"{where}: lat must be -90..90, lon -180..180, within_km > 0")
    if not any(rule.get(k) is not None for k in ("country", "min_killed", "actor", "lat")):
        raise SettingsError(f"{where}: give at least one condition: country, min_killed, "
                            "actor, or lat + lon + within_km (min_killed = 0 for every event)")


def read_text(name: str, raw: str) -> Any:
    """Setting `name` given as text (an environment variable, a quoted TOML value),
    read as the setting's type; the result is checked by `Settings` itself.

    >>> read_text("geocode", "no"), read_text("workers", "4")
    (False, 4)
    """
    _known(name)
    word = raw.strip()
    if name in _BOOLS:
        if word.lower() in TRUE_WORDS:
            return True
        if word.lower() in FALSE_WORDS:
            return False
        _refuse(name, raw, "must be a boolean: true or false (also yes/no, 1/0)")
    if name in _INTS:
        try:
            return int(word)
        except ValueError:
            _refuse(name, raw, "must be a whole number")
    if name in _FLOATS:
        try:
            return float(word)
        except ValueError:
            _refuse(name, raw, "must be a number of seconds")
    if name == "extra":
        _refuse(name, raw, "must be a table in a config file; it cannot be given as text")
    if name == "alerts":
        _refuse(name, raw, "must be [[tollwatch.alerts]] tables in a config file; "
                "they cannot be given as text")
    return raw


def _layer(values: Mapping[str, Any]) -> dict[str, Any]:
    """A layer's values with text read as each setting's type."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        _known(name)
        out[name] = read_text(name, value) if isinstance(value, str) else value
    return out


# --- loading -----------------------------------------------------------------------------


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise SettingsError(f"config file {path} does not exist; check the path") from err
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"config file {path} is not valid TOML: {err}") from err
    section = data.get("tollwatch", data)
    if not isinstance(section, dict):
        raise SettingsError(
            f"config file {path}: [tollwatch] must be a table of settings, e.g. workers = 2"
        )
    if "smtp_password" in section:
        raise SettingsError(
            f"config file {path}: smtp_password is not read from a file; remove it and set "
            "the environment variable TOLLWATCH_SMTP_PASSWORD instead")
    return section


def _with_env(settings: Settings, env: Mapping[str, str]) -> Settings:
    """`settings` with each `TOLLWATCH_<NAME>` variable of `env` applied, one at a time
    so that an error names its variable. Other TOLLWATCH_ variables are not settings
    (CI's TOLLWATCH_REQUIRE_POSTGRES) and are left alone."""
    for name in _names():
        key = f"TOLLWATCH_{name.upper()}"
        if key in env and name != "extra":
            try:
                settings = settings.with_overrides(**{name: read_text(name, env[key])})
            except SettingsError as err:
                raise SettingsError(f"environment variable {key}: {err}") from err
    return settings


def load_settings(
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment and overrides.

    Each layer is checked as it is applied; a bad value raises a SettingsError naming
    the setting, the layer (config file, environment variable, option) and the fix.
    """
    settings = Settings()
    if config_file is not None:
        path = Path(config_file)
        section = _from_file(path)
        try:
            settings = settings.with_overrides(**_layer(section))
        except SettingsError as err:
            raise SettingsError(f"config file {path}: {err}") from err
    env = os.environ if environ is None else environ
    settings = _with_env(settings, env)
    try:
        return settings.with_overrides(**_layer(overrides))
    except SettingsError as err:
        raise SettingsError(f"option: {err}") from err
