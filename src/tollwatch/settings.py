"""One settings object, layered: defaults -> config file -> environment -> CLI flags.

No stage reads the environment or module globals; they receive a `Settings`.
Environment variables are `TOLLWATCH_<FIELD>` in upper case (e.g. TOLLWATCH_DB).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError


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
            read, not parsed whole).
        workers: processes used by `extract`/`run`.
        geocode: link places to the gazetteer (off gives place text only).
        db_connect_timeout: seconds to wait for a database server to answer before
            giving up with a clear error (PostgreSQL).
        db_lock_timeout: seconds a writer waits for another process's write
            transaction (an ingest batch, a matching pass) before giving up.
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
    extra: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given fields set (None values are ignored)."""
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise SettingsError(
                f"unknown setting(s) {sorted(unknown)}; known settings are {sorted(known)}"
            )
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        if raw.lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.lower() in {"0", "false", "no", "off"}:
            return False
        raise SettingsError(f"TOLLWATCH_{name.upper()}={raw!r} is not a boolean; use true or false")
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError as err:
            raise SettingsError(f"TOLLWATCH_{name.upper()}={raw!r} is not a number") from err
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError as err:
            raise SettingsError(
                f"TOLLWATCH_{name.upper()}={raw!r} is not a whole number"
            ) from err
    return raw


def load_settings(
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment and overrides."""
    settings = Settings()
    if config_file is not None:
        path = Path(config_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise SettingsError(f"config file {path} does not exist; check the path") from err
        except tomllib.TOMLDecodeError as err:
            raise SettingsError(f"config file {path} is not valid TOML: {err}") from err
        section = data.get("tollwatch", data)
        settings = settings.with_overrides(**section)
    env = os.environ if environ is None else environ
    from_env: dict[str, Any] = {}
    for f in fields(Settings):
        key = f"TOLLWATCH_{f.name.upper()}"
        if key in env and f.name != "extra":
            from_env[f.name] = _coerce(f.name, env[key], getattr(settings, f.name))
    settings = settings.with_overrides(**from_env)
    return settings.with_overrides(**overrides)
