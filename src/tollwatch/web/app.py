"""The web workspace: FastAPI pages (Jinja2, server-rendered) and a JSON API over the store.

`create_app(store, public=False)` builds the application; `tollwatch serve` runs it
with uvicorn. Every page and API answer is read through tollwatch.store.browse (and
the store's tally/export); templates autoescape everything they show, and the
Content-Security-Policy forbids inline scripts, so a report's text is only ever text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import StoreError
from ..store import Store, browse
from ..store.export import COLUMN_SETS, FORMATS, spreadsheet_safe
from ..store.tally import BY_VALUES, GROUP_VALUES, TallyRow

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
FILTER_NAMES = (
    "country", "admin1", "since", "until", "event_type", "perpetrator_type", "victim_type",
    "min_killed", "q", "counted",
)  # fmt: skip


def parse_filter(params: Any) -> browse.EventFilter:
    """The list's filter from URL query parameters; empty values are ignored.
    A malformed date or number is a 400 naming the parameter and the expected form."""
    raw = {name: (params.get(name) or "").strip() for name in FILTER_NAMES}
    values: dict[str, Any] = {}
    for name, text in raw.items():
        if not text:
            continue
        if name in ("since", "until"):
            try:
                values[name] = date.fromisoformat(text)
            except ValueError as err:
                raise HTTPException(400, f"{name}={text!r} is not a date; use YYYY-MM-DD") from err
        elif name == "min_killed":
            if not text.isdigit() or len(text) > 9:
                raise HTTPException(400, f"min_killed={text!r} is not a whole number >= 0")
            values[name] = int(text)
        elif name == "counted":
            if text not in ("yes", "no"):
                raise HTTPException(400, f"counted={text!r}: use yes or no")
            values[name] = text == "yes"
        else:
            values[name] = text[:200]
    return browse.EventFilter(**values)


def _int_param(params: Any, name: str, default: int, low: int, high: int) -> int:
    text = (params.get(name) or "").strip()
    if not text:
        return default
    if not text.isdigit() or len(text) > 9:
        raise HTTPException(400, f"{name}={text!r} is not a whole number")
    return min(max(int(text), low), high)


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively (for JSON answers)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def create_app(store: Store, *, public: bool = False) -> FastAPI:
    """The workspace over an open store. `public`: a read-only published dashboard."""
    app = FastAPI(
        title="tollwatch workspace",
        description="Browse, review and publish the incident database.",
        version="1",
    )
    app.state.store = store
    app.state.public = public
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.globals["public"] = public
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, err: StoreError) -> Response:
        return JSONResponse({"detail": str(err)}, status_code=400)

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    def events_page(request: Request) -> tuple[browse.EventFilter, browse.Page, str, bool]:
        flt = parse_filter(request.query_params)
        sort = request.query_params.get("sort") or "date"
        if sort not in browse.SORTS:
            raise HTTPException(400, f"sort={sort!r}: use one of {', '.join(browse.SORTS)}")
        descending = (request.query_params.get("order") or "desc") != "asc"
        number = _int_param(request.query_params, "page", 1, 1, 10**6)
        per_page = _int_param(request.query_params, "per_page", 50, 1, browse.MAX_PER_PAGE)
        with store.sessions() as session:
            found = browse.list_events(
                session, flt, sort=sort, descending=descending, page=number, per_page=per_page
            )
        return flt, found, sort, descending

    # ---- pages ---------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> Response:
        return events_html(request)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_html(request: Request) -> Response:
        flt, found, sort, descending = events_page(request)
        with store.sessions() as session:
            options = browse.choices(session)
        params = flt.as_params()

        def link(**over: Any) -> str:
            merged = {**params, "sort": sort, "order": "desc" if descending else "asc", **over}
            return "/events?" + urlencode({k: v for k, v in merged.items() if v not in ("", None)})

        return page(
            request, "events.html", flt=params, found=found, sort=sort,
            descending=descending, options=options, link=link,
            query=urlencode(params),
        )  # fmt: skip

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_html(request: Request, event_id: int) -> Response:
        with store.sessions() as session:
            detail = browse.event_detail(session, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        return page(request, "event.html", **detail)

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_html(request: Request, report_id: int) -> Response:
        with store.sessions() as session:
            detail = browse.report_detail(session, report_id)
        if detail is None:
            raise HTTPException(404, f"no report {report_id}")
        return page(request, "report.html", **detail)

    @app.get("/tally", response_class=HTMLResponse, include_in_schema=False)
    def tally_html(request: Request) -> Response:
        by, group, rows = _tally(request)
        return page(
            request, "tally.html", rows=rows, by=by, group=group, by_values=BY_VALUES,
            group_values=GROUP_VALUES, formats=FORMATS, column_sets=COLUMN_SETS,
        )  # fmt: skip

    # ---- JSON API ------------------------------------------------------------

    @app.get("/api/events")
    def api_events(request: Request) -> dict[str, Any]:
        """Events with the list's filters (country, admin1, since, until, event_type,
        perpetrator_type, victim_type, min_killed, q, counted), sort, order, page, per_page."""
        _, found, _, _ = events_page(request)
        return {
            "total": found.total,
            "page": found.page,
            "per_page": found.per_page,
            "events": jsonable(found.events),
        }

    @app.get("/api/events/{event_id}")
    def api_event(event_id: int) -> dict[str, Any]:
        """One event with its members, figures, claims and match explanations."""
        with store.sessions() as session:
            detail = browse.event_detail(session, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        out: dict[str, Any] = jsonable(detail)
        return out

    @app.get("/api/reports/{report_id}")
    def api_report(report_id: int) -> dict[str, Any]:
        """One report: its text in marked segments and its incidents."""
        with store.sessions() as session:
            detail = browse.report_detail(session, report_id)
        if detail is None:
            raise HTTPException(404, f"no report {report_id}")
        out: dict[str, Any] = jsonable(detail)
        return out

    @app.get("/api/tally", response_model=None)
    def api_tally(request: Request) -> Response:
        """Killed low/best/high per period (by) and group; format=json (default) or csv."""
        _, _, rows = _tally(request)
        fmt = request.query_params.get("format") or "json"
        return tally_response(rows, fmt)

    @app.get("/api/export", response_model=None)
    def api_export(request: Request) -> Response:
        """Counted events as `tollwatch export` writes them: format csv, json or geojson;
        columns native, acled or ucdp."""
        fmt = request.query_params.get("format") or "csv"
        columns = request.query_params.get("columns") or "native"
        if fmt not in ("csv", "json", "geojson") or columns not in COLUMN_SETS:
            raise HTTPException(
                400, "format: csv, json or geojson; columns: " + ", ".join(COLUMN_SETS)
            )
        stream = io.StringIO()
        store.export(fmt, columns, stream=stream, allow_empty=True)
        media = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json"}
        return Response(
            stream.getvalue(),
            media_type=media[fmt],
            headers={"Content-Disposition": f'attachment; filename="events-{columns}.{fmt}"'},
        )

    def _tally(request: Request) -> tuple[str, str | None, list[TallyRow]]:
        by = request.query_params.get("by") or "month"
        group = request.query_params.get("group") or None
        flt = parse_filter(request.query_params)
        if by not in BY_VALUES or (group is not None and group not in GROUP_VALUES):
            raise HTTPException(
                400, f"by: {', '.join(BY_VALUES)}; group: {', '.join(GROUP_VALUES)}"
            )
        rows = store.tally(by=by, group=group, since=flt.since, until=flt.until,
                           country=flt.country)  # fmt: skip
        return by, group, rows

    return app


def tally_response(rows: list[TallyRow], fmt: str) -> Response:
    """A tally as a JSON or CSV download."""
    dicts = [r.as_dict() for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(TallyRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in dicts)
        return Response(
            out.getvalue(),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="tally.csv"'},
        )
    if fmt != "json":
        raise HTTPException(400, f"format={fmt!r}: use json or csv")
    return Response(json.dumps(dicts), media_type="application/json")
