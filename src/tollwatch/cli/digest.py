"""`tollwatch digest` and `tollwatch alerts check|rules`: thin adapters over
tollwatch.watch.digest, digest_out and alerts (docs/watch.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..store import sources as store_sources
from ..store.ingest_base import now
from .store import ConfigOption, DbOption, _errors, _opened, _settings

PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7)}

alerts_app = typer.Typer(no_args_is_help=True, help="Alert rules: check them, list them.")


def digest_cmd(
    period: Annotated[
        str | None, typer.Option(help="day or week: the last day or week ending --until.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Start instead: 24h, 7d... back from --until, or a date/time "
                     "(YYYY-MM-DD[THH:MM]). Default 24h."),
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="End of the period (YYYY-MM-DD[THH:MM], UTC); default now.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, json or html (stdout or -o FILE).")
                   ] = "md",
    country: Annotated[str | None, typer.Option(help="Only this country (ISO alpha-2).")] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output",
                     help="A folder (existing, or a path without extension): digest.md, "
                          ".json, .html and the PNGs; else one file in --format."),
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", metavar="EMAIL", help="E-mail it here (repeatable), by SMTP."),
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """What changed in a period: new events, revised tolls, totals, a map; as files or e-mail."""
    from ..watch import digest as watch_digest
    from ..watch import digest_out
    from ..watch.mail import check_smtp, recipients

    with _errors():
        start, end = _period(period, since, until)
        if fmt not in watch_digest.FORMATS:
            watch_digest.render(watch_digest.Digest("", "", None), fmt)
        addresses = recipients(to or [])
        if addresses:  # refuse missing SMTP settings before the work
            check_smtp(_settings(db, config))
    with _opened(db, config, create=False) as store, _errors():
        with store.sessions() as session:
            digest = watch_digest.build_digest(session, start, end, country)
        images = digest_out.digest_images(digest) if addresses or _is_folder(output) else None
        if output is not None and _is_folder(output):
            written = digest_out.write_folder(digest, output, images)
            typer.echo(f"digest written to {output}/ ({', '.join(p.name for p in written)})",
                       err=True)
        elif output is not None:
            digest_out.write_atomically(output, watch_digest.render(digest, fmt).encode())
            typer.echo(f"digest written to {output}", err=True)
        if addresses:
            message = digest_out.send_digest(digest, store.settings, addresses, images)
            typer.echo(f"digest sent to {', '.join(addresses)}: {message['Subject']}", err=True)
        if output is None and not addresses:
            typer.echo(watch_digest.render(digest, fmt), nl=False)


def _is_folder(output: Path | None) -> bool:
    """-o names a folder when it is one, or ends with a separator, or has no extension."""
    if output is None:
        return False
    return output.is_dir() or str(output).endswith(("/", "\\")) or not output.suffix


def _period(period: str | None, since: str | None, until: str | None) -> tuple[datetime, datetime]:
    end = _moment(until, "--until") if until else now()
    if period is not None:
        if since is not None:
            raise InputError("give --period or --since, not both")
        if period not in PERIODS:
            raise InputError(f"--period {period!r} is unknown; use day or week")
        return end - PERIODS[period], end
    return _since(since or "24h", end), end


def _moment(value: str, option: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as err:
        raise InputError(f"{option} {value!r} is not a date or time; write YYYY-MM-DD or "
                         "YYYY-MM-DDTHH:MM (UTC)") from err
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _since(value: str, until: datetime) -> datetime:
    if "-" in value:
        try:
            return _moment(value, "--since")
        except InputError as err:
            raise InputError(f"--since {value!r} is neither a period (24h, 7d) nor a date "
                             "(YYYY-MM-DD)") from err
    try:
        return until - timedelta(seconds=store_sources.parse_period(value))
    except InputError as err:
        raise InputError(f"--since {value!r} is neither a period (24h, 7d) nor a date "
                         f"(YYYY-MM-DD): {err}") from err


@alerts_app.command("check")
def alerts_check_cmd(
    since: Annotated[
        str | None,
        typer.Option(help="Look at events updated since: 48h, 7d... or a date (default: "
                     "the setting alert_window_h)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the alerts due; send and record nothing.")
    ] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Check the alert rules now: send each alert due once (again when its toll changes)."""
    from ..watch.alerts import check_alerts, rules_from_settings

    with _opened(db, config, create=False) as store, _errors():
        if not rules_from_settings(store.settings):
            raise InputError("no alert rules: add [[tollwatch.alerts]] tables to the config "
                             "file (docs/watch.md, Alerts)")
        start = _since(since, now()) if since else None
        report = check_alerts(store, start, dry_run=dry_run)
    verb = "due" if dry_run else "sent"
    shown = report.due if dry_run else report.sent
    for alert in shown:
        e = alert.event
        change = f"{alert.before} -> {e.toll}" if alert.before is not None else e.toll
        typer.echo(f"{verb}: [{alert.rule.name}] event {e.id} ({e.place}, killed {change}) "
                   f"to {alert.recipient}")
    typer.echo(f"{report.events} event(s) checked, {len(report.due)} alert(s) due, "
               f"{len(report.sent)} sent", err=True)
    for error in report.errors:
        typer.echo(f"error (mail): {error}", err=True)
    if report.errors:
        raise typer.Exit(1)


@alerts_app.command("rules")
def alerts_rules_cmd(config: ConfigOption = None) -> None:
    """List the alert rules of the settings: name, conditions, recipients."""
    from ..watch.alerts import rules_from_settings

    with _errors():
        rules = rules_from_settings(_settings(None, config))
    table = Table("name", "conditions", "recipients")
    for rule in rules:
        table.add_row(rule.name, rule.describe(), ", ".join(rule.recipients))
    Console().print(table)
    if not rules:
        typer.echo("no alert rules (docs/watch.md, Alerts)", err=True)


def register(app: typer.Typer) -> None:
    """Add `digest` and `alerts ...` to `app`."""
    app.command("digest")(digest_cmd)
    app.add_typer(alerts_app, name="alerts")
