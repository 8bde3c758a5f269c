"""Export counted events as CSV, JSON, GeoJSON or Parquet, in native, ACLED or UCDP columns.

Files are written atomically: to a temporary file in the target folder, then
renamed over the target, so a reader never sees half a file; the new file keeps the
mode of the one it replaces (a new file: the umask's default). An export with no
events does not replace a file that has content unless asked (`allow_empty`).
CSV cells that a spreadsheet would run as a formula are neutralised (OWASP).
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import stat
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import StoreError
from .models import EventRow, IncidentRow, ReportRow
from .review import reviewed_names
from .tally import Counted, counted_events

FORMATS = ("csv", "json", "geojson", "parquet")
COLUMN_SETS = ("native", "acled", "ucdp")

ACLED_EVENT_TYPES = {
    "battle": "Battles",
    "explosion_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "other": "Other",
}
ACLED_SUB_TYPES = {
    "armed_clash": "Armed clash",
    "attack": "Attack",
    "ambush": "Armed clash",
    "air_strike": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "suicide_bomb": "Suicide bomb",
    "ied": "Remote explosive/landmine/IED",
    "execution": "Attack",
    "abduction": "Abduction/forced disappearance",
}
ACLED_GEO = {"point": 1, "near": 2, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
ACLED_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}
UCDP_WHERE = {"point": 1, "near": 2, "admin2": 3, "admin1": 4, "region": 5, "country": 6}
STATE_VICTIMS = frozenset({"military", "police"})


def check_options(fmt: str, columns: str) -> None:
    """StoreError naming the allowed values when the format or column set is unknown."""
    if fmt not in FORMATS:
        raise StoreError(
            f"--format {fmt!r} is not an export format; use one of {', '.join(FORMATS)}"
        )
    if columns not in COLUMN_SETS:
        raise StoreError(f"--columns {columns!r} is unknown; use one of {', '.join(COLUMN_SETS)}")


def export_rows(session: Session, columns: str = "native") -> list[dict[str, Any]]:
    """One dict per counted event, in the named column set, ordered by date and id; the
    last column, `reviewed`, lists the event's reviewed fields ("; "), empty when none."""
    check_options("json", columns)
    items = sorted(
        counted_events(session), key=lambda c: (c.event.date_start or date.max, c.event.id)
    )
    reports = _report_keys(session)
    shape = {"native": native_row, "acled": acled_row, "ucdp": ucdp_row}[columns]
    reviewed = reviewed_names(session)
    return [
        {
            **shape(item, reports.get(item.event.id, [])),
            "reviewed": "; ".join(reviewed.get(item.event.id, [])),
        }
        for item in items
    ]


def _report_keys(session: Session) -> dict[int, list[str]]:
    query = (
        select(IncidentRow.event_id, ReportRow.key)
        .join(ReportRow, IncidentRow.report_id == ReportRow.id)
        .where(IncidentRow.event_id.is_not(None))
    )
    keys: dict[int, set[str]] = defaultdict(set)
    for event_id, key in session.execute(query):
        if event_id is not None:
            keys[event_id].add(key)
    return {k: sorted(v) for k, v in keys.items()}


def native_row(item: Counted, reports: Sequence[str]) -> dict[str, Any]:
    """tollwatch's own columns: reconciled tolls, the counted share, provenance."""
    e = item.event
    return {
        "event_id": e.id,
        "kind": e.kind,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "country": e.country,
        "admin1": e.admin1,
        "location": e.location,
        "lat": e.lat,
        "lon": e.lon,
        "place_precision": e.place_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "perpetrator": e.perpetrator,
        "perpetrator_type": e.perpetrator_type,
        "victim": e.victim,
        "victim_type": e.victim_type,
        "killed_low": e.killed_low,
        "killed_best": e.killed_best,
        "killed_high": e.killed_high,
        "killed_counted": item.best,
        "wounded_low": e.wounded_low,
        "wounded_best": e.wounded_best,
        "wounded_high": e.wounded_high,
        "claims": e.claims,
        "sources": e.sources,
        "n_reports": e.n_reports,
        "reports": "; ".join(reports),
        "toll_rule": e.toll_rule,
        "summary": e.summary,
    }


def acled_row(item: Counted, reports: Sequence[str]) -> dict[str, Any]:
    """ACLED-style columns (fatalities = the counted best figure, 0 when unknown)."""
    e = item.event
    notes = " ".join(x for x in (e.summary, f"[{e.claims}]" if e.claims else None) if x)
    return {
        "event_date": e.date_start,
        "event_type": ACLED_EVENT_TYPES.get(e.event_type, "Other"),
        "sub_event_type": ACLED_SUB_TYPES.get(e.sub_event_type or "", e.sub_event_type),
        "actor1": e.perpetrator,
        "actor2": e.victim,
        "admin1": e.admin1,
        "location": e.location,
        "latitude": e.lat,
        "longitude": e.lon,
        "geo_precision": ACLED_GEO.get(e.place_precision),
        "time_precision": ACLED_TIME.get(e.date_precision),
        "source": e.sources,
        "notes": notes or None,
        "fatalities": item.best or 0,
    }


def ucdp_row(item: Counted, reports: Sequence[str]) -> dict[str, Any]:
    """UCDP GED-style columns; side_a is the state side when the victims are state forces."""
    e = item.event
    side_a, side_b = e.perpetrator, e.victim
    if e.victim_type in STATE_VICTIMS:
        side_a, side_b = e.victim, e.perpetrator
    return {
        "best": item.best,
        "low": item.low,
        "high": item.high,
        "date_start": e.date_start,
        "date_end": e.date_end or e.date_start,
        "where_prec": UCDP_WHERE.get(e.place_precision, 7),
        "date_prec": _ucdp_date_prec(e.date_precision, e.date_start, e.date_end),
        "side_a": side_a,
        "side_b": side_b,
        "country": e.country,
        "adm_1": e.admin1,
        "where_coordinates": e.location,
        "latitude": e.lat,
        "longitude": e.lon,
        "source_article": "; ".join(reports) or None,
    }


def _ucdp_date_prec(precision: str, start: date | None, end: date | None) -> int:
    # UCDP: 1 exact day, 2 within 2-6 days, 3 within a week-month, 4 month, 5 year or more
    if precision == "day":
        days = (end - start).days if start and end else 0
        return 1 if days == 0 else 2 if days <= 6 else 3
    return {"week": 3, "month": 4, "year": 5}.get(precision, 5)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def column_names(columns: str) -> list[str]:
    """The column names of a column set (native, acled, ucdp), in order."""
    check_options("json", columns)
    shape = {"native": native_row, "acled": acled_row, "ucdp": ucdp_row}[columns]
    return [*shape(Counted(EventRow(), None, None, None), []), "reviewed"]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @, a
    tab or a carriage return gets a leading apostrophe (OWASP's advice on CSV
    injection). Numbers are left alone, so -3.5 in a numeric column stays a number.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe(-3.5), spreadsheet_safe("Idlib")
    ("'=HYPERLINK(1)", -3.5, 'Idlib')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_text(rows: Sequence[dict[str, Any]], fmt: str, header: Sequence[str] = ()) -> str:
    """Rows as CSV, JSON or GeoJSON text (`header` names CSV columns when there are no rows)."""
    if fmt == "csv":
        out = io.StringIO()
        fieldnames = list(rows[0]) if rows else list(header)
        writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(
            {k: spreadsheet_safe(_plain(v)) for k, v in row.items()} for row in rows
        )
        return out.getvalue()
    plain = [{k: _plain(v) for k, v in row.items()} for row in rows]
    if fmt == "json":
        return json.dumps(plain, ensure_ascii=False, indent=1) + "\n"
    return (
        json.dumps(
            {"type": "FeatureCollection", "features": [_feature(r) for r in plain]},
            ensure_ascii=False,
        )
        + "\n"
    )


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    lat = row.get("lat", row.get("latitude"))
    lon = row.get("lon", row.get("longitude"))
    geometry = {"type": "Point", "coordinates": [lon, lat]} if None not in (lat, lon) else None
    return {"type": "Feature", "geometry": geometry, "properties": row}


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    path: Path | None,
    stream: IO[str] | None = None,
    header: Sequence[str] = (),
    allow_empty: bool = False,
) -> None:
    """Write rows to `path` atomically (or to `stream` for text formats).

    With no rows, a `path` that exists with content is kept (StoreError) unless
    `allow_empty`: an empty database or a filter that matched nothing does not
    silently wipe an earlier export."""
    check_options(fmt, "native")
    if not rows and path is not None and not allow_empty:
        _keep_nonempty(path)
    if path is None:
        if fmt == "parquet":
            raise StoreError("Parquet is binary: give an output file with -o FILE.parquet")
        if stream is None:
            raise StoreError("give an output file (-o FILE) or a stream to write to")
        stream.write(render_text(rows, fmt, header))
        return
    if fmt == "parquet":
        _atomic(path, lambda tmp: _write_parquet(rows, tmp, header))
    else:
        text = render_text(rows, fmt, header)
        _atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _write_parquet(rows: Sequence[dict[str, Any]], path: Path, header: Sequence[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    empty = {name: pa.array([], pa.null()) for name in header}
    table = pa.Table.from_pylist(list(rows)) if rows else pa.table(empty)
    pq.write_table(table, path)


def _keep_nonempty(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # no file there: an empty export is written
    if size > 0:
        raise StoreError(
            f"there are no counted events to export, and {path} exists ({size} bytes): it is "
            "kept as it is. Check --db (is it the database you meant?), or pass "
            "--allow-empty to replace it with an empty export"
        )


def _atomic(path: Path, write: Any) -> None:
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        raise StoreError(
            f"cannot write {path}: the folder {folder} does not exist; create it first"
        )
    try:
        tmp = _new_temporary(folder, path.name)
    except OSError as err:
        raise StoreError(f"cannot write in {folder}: {err}; check the permissions") from err
    try:
        write(tmp)
        _keep_mode(path, tmp)
        os.replace(tmp, path)
    except OSError as err:
        raise StoreError(f"cannot write {path}: {err}; check the path and permissions") from err
    finally:
        tmp.unlink(missing_ok=True)


def _new_temporary(folder: Path, name: str) -> Path:
    """An empty file beside the target, created with mode 0o666 less the umask (as any
    new file), unlike tempfile's 0o600."""
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name beside {name} in {folder}")


def _keep_mode(target: Path, tmp: Path) -> None:
    """Give `tmp` the permission bits of the file it is about to replace, if any."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(tmp, mode)
