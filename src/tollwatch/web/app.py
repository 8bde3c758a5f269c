"""The web workspace: FastAPI pages (Jinja2, server-rendered) and a JSON API over the store.

`create_app(store, public=False)` builds the application; `tollwatch serve` runs it
with uvicorn. Every page and API answer is read through tollwatch.store.browse (and
the store's tally/export); templates autoescape everything they show, and the
Content-Security-Policy forbids inline scripts, so a report's text is only ever text.

The routes are here; the parsing of query parameters and the OpenAPI descriptions are
in params.py, the answers' helpers (JSON dates, tally downloads, cached snapshots,
the place search) in answers.py.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import StoreError
from ..places.gazetteer.model import Gazetteer
from ..store import Store, browse, review
from ..store import users as accounts
from ..store.export import COLUMN_SETS, FORMATS
from ..store.tally import BY_VALUES, GROUP_VALUES, TallyRow
from . import auth, charts
from .answers import Snapshots, _default_gazetteer, _Places, jsonable, tally_response
from .params import (
    FILTER_NAMES,
    REVIEW_BODY,
    _bbox,
    _incident_ids,
    _int_param,
    _query,
    parse_filter,
)

HERE = FilePath(__file__).parent
RowId = Annotated[int, Path(ge=0, le=2**31 - 1, description="a row id")]
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
TIMELINE_GROUPS = ("country", "perpetrator_type", "event_type", "admin1", "victim_type")


def create_app(
    store: Store, *, public: bool = False, gazetteer: Callable[[], Gazetteer] | None = None
) -> FastAPI:
    """The workspace over an open store. `public`: a read-only published dashboard.
    `gazetteer`: loads the gazetteer `/api/places` searches (default: the store's
    settings' gazetteer, loaded at the first search)."""
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
    throttle = auth.Throttle()
    cache = Snapshots()
    app.state.throttle = throttle
    places = _Places(gazetteer or _default_gazetteer(store))

    @app.middleware("http")
    async def readers_only(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Outside --public, every page and API answer needs a logged-in caller."""
        path = request.url.path
        if public or path in ("/login", "/favicon.ico") or path.startswith("/static/"):
            return await call_next(request)
        try:
            caller = auth.identify(request, store)
        except HTTPException as err:
            return JSONResponse({"detail": err.detail}, status_code=err.status_code)
        if caller.user is None:
            if path.startswith("/api/") or path in ("/openapi.json", "/docs"):
                return JSONResponse({"detail": "log in or send an API token"}, status_code=401)
            return RedirectResponse("/login?" + urlencode({"next": path}), status_code=303)
        return await call_next(request)

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
        caller = auth.Caller(None, None) if public else auth.identify(request, store)
        context.setdefault("me", caller.user)
        context.setdefault("csrf", caller.csrf)
        return templates.TemplateResponse(request, name, context)

    def writer(request: Request, role: str, csrf: str | None) -> accounts.User:
        """The caller allowed to write with `role`: 403 in --public mode, 401 without a
        caller, 403 with a lower role or a missing or wrong CSRF token."""
        if public:
            raise HTTPException(403, "this workspace is published read-only (--public)")
        caller = auth.identify(request, store)
        if caller.user is None:
            raise HTTPException(401, "log in or send an API token")
        if not caller.user.can(role):
            raise HTTPException(403, f"this needs the {role} role (you are {caller.user.role})")
        if not caller.via_token and not auth.same(csrf, caller.csrf):
            raise HTTPException(403, "the form's CSRF token is missing or wrong; reload the page")
        return caller.user

    def events_page(request: Request) -> tuple[browse.EventFilter, browse.Page, str, bool]:
        flt = parse_filter(request.query_params)
        sort = request.query_params.get("sort") or "date"
        if sort not in browse.SORTS:
            raise HTTPException(400, f"sort={sort!r}: use one of {', '.join(browse.SORTS)}")
        descending = (request.query_params.get("order") or "desc") != "asc"
        number = _int_param(request.query_params, "page", 1, 1, 10**6)
        per_page = _int_param(request.query_params, "per_page", 50, 1, browse.MAX_PER_PAGE)
        with store.sessions() as session:  # the total is kept while the store is unchanged
            total = cache.get(session, ("count", flt), lambda: browse.count_events(session, flt))
            found = browse.list_events(
                session, flt, sort=sort, descending=descending, page=number, per_page=per_page,
                total=total,
            )  # fmt: skip
        return flt, found, sort, descending

    # ---- pages ---------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> Response:
        return events_html(request)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_html(request: Request) -> Response:
        flt, found, sort, descending = events_page(request)
        with store.sessions() as session:
            options = cache.get(session, ("choices",), lambda: browse.choices(session))
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
    def event_html(request: Request, event_id: RowId) -> Response:
        with store.sessions() as session:
            detail = browse.event_detail(session, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        return page(
            request, "event.html", fields=review.FIELDS, event_types=review.EVENT_TYPES,
            notice=request.query_params.get("notice"), **detail,
        )  # fmt: skip

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_html(request: Request, report_id: RowId) -> Response:
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

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_html(request: Request) -> Response:
        flt = parse_filter(request.query_params)
        return page(request, "map.html", query=urlencode(flt.as_params()))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_html(request: Request) -> Response:
        flt, by, group, rows = _timeline(request)
        return page(
            request, "timeline.html", chart=charts.stacked(rows), by=by, group=group,
            by_values=BY_VALUES, group_values=TIMELINE_GROUPS, query=urlencode(flt.as_params()),
            flt=flt.as_params(),
        )  # fmt: skip

    def _timeline(
        request: Request,
    ) -> tuple[browse.EventFilter, str, str | None, list[tuple[str, str, int]]]:
        flt = parse_filter(request.query_params)
        by = request.query_params.get("by") or "month"
        group = request.query_params.get("group") or "country"
        if by not in BY_VALUES or group not in TIMELINE_GROUPS:
            raise HTTPException(
                400, f"by: {', '.join(BY_VALUES)}; group: {', '.join(TIMELINE_GROUPS)}"
            )
        key = ("timeline", by, group, flt)
        with store.sessions() as session:
            rows = cache.get(
                session, key, lambda: browse.timeline(session, flt, by=by, group=group)
            )
        return flt, by, group, rows

    @app.get("/api/map", openapi_extra=_query(*FILTER_NAMES, "grid", "bbox"))
    def api_map(request: Request) -> dict[str, Any]:
        """Events on a grid (`grid` degrees, coarsened to at most 4,000 cells) with the
        list's filters: per cell events, killed, mean position, point-precise events."""
        flt = parse_filter(request.query_params)
        text = request.query_params.get("grid") or "0.1"
        try:
            grid = float(text)
        except ValueError as err:
            raise HTTPException(400, f"grid={text!r} is not a number of degrees") from err
        if not 0.01 <= grid <= 90:
            raise HTTPException(400, "grid must be between 0.01 and 90 degrees")
        bbox = _bbox(request.query_params.get("bbox"))
        with store.sessions() as session:
            cells: dict[str, Any] = cache.get(
                session, ("map", flt, grid, bbox),
                lambda: browse.map_cells(session, flt, grid, bbox),
            )  # fmt: skip
        return cells

    @app.get("/api/timeline", openapi_extra=_query(*FILTER_NAMES, "by", "group"))
    def api_timeline(request: Request) -> list[dict[str, Any]]:
        """Killed per period (`by`) and group (`group`: country, perpetrator_type,
        event_type, admin1, victim_type) with the list's filters, counted once."""
        _, _, _, rows = _timeline(request)
        return [{"period": p, "group": g, "killed": k} for p, g, k in rows]

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # ---- accounts --------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request) -> Response:
        if public:
            raise HTTPException(404, "no login on a published read-only workspace")
        token = request.cookies.get(auth.LOGIN_COOKIE) or ""  # kept: two tabs, one token
        if not (20 <= len(token) <= 64):
            token = auth.new_login_token()
        answer = page(request, "login.html", login_token=token, error=None,
                      next=request.query_params.get("next") or "/events")  # fmt: skip
        answer.set_cookie(auth.LOGIN_COOKIE, token, httponly=True, samesite="strict",
                          secure=auth.secure(request), path="/login")  # fmt: skip
        return answer

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        if public:
            raise HTTPException(404, "no login on a published read-only workspace")
        form = await request.form()
        name = str(form.get("name") or "")[:200]
        password = str(form.get("password") or "")[:1000]
        target = str(form.get("next") or "/events")
        if not target.startswith("/") or target.startswith("//"):
            target = "/events"
        if not auth.same(str(form.get("csrf") or ""), request.cookies.get(auth.LOGIN_COOKIE)):
            raise HTTPException(403, "the login form expired; reload the page")
        client = f"ip:{request.client.host if request.client else '?'}"
        if throttle.blocked(f"name:{name}", client):
            raise HTTPException(429, "too many failed logins; wait ten minutes")
        with store.writing() as session:
            user = accounts.check_password(session, name, password)
            if user is None:
                throttle.fail(f"name:{name}", client)
                token = auth.new_login_token()
                answer = page(request, "login.html", login_token=token, next=target,
                              error="Wrong name or password.")  # fmt: skip
                answer.status_code = 401
                answer.set_cookie(auth.LOGIN_COOKIE, token, httponly=True, samesite="strict",
                                  secure=auth.secure(request), path="/login")  # fmt: skip
                return answer
            cookie, _ = accounts.new_session(session, user)
        throttle.clear(f"name:{name}")
        done = RedirectResponse(target, status_code=303)
        done.set_cookie(
            auth.COOKIE, cookie, httponly=True, samesite="strict", secure=auth.secure(request),
            max_age=accounts.SESSION_HOURS * 3600,
        )  # fmt: skip
        done.delete_cookie(auth.LOGIN_COOKIE, path="/login")
        return done

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        form = await request.form()
        caller = auth.identify(request, store)
        if caller.user is not None and not auth.same(str(form.get("csrf") or ""), caller.csrf):
            raise HTTPException(403, "the form's CSRF token is missing or wrong; reload the page")
        if cookie := request.cookies.get(auth.COOKIE):
            with store.writing() as session:
                accounts.end_session(session, cookie)
        answer = RedirectResponse("/login", status_code=303)
        answer.delete_cookie(auth.COOKIE)
        return answer

    # ---- review ----------------------------------------------------------------

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_html(request: Request) -> Response:
        if public:
            raise HTTPException(403, "this workspace is published read-only (--public)")
        caller = auth.identify(request, store)
        if caller.user is None or not caller.user.can("coder"):
            raise HTTPException(403, "the review queue needs the coder role")
        with store.sessions() as session:
            queue = [browse.event_dict(e) for e in review.review_queue(session)]
        return page(request, "review.html", queue=queue)

    @app.get("/audit", response_class=HTMLResponse, include_in_schema=False)
    def audit_html(request: Request) -> Response:
        caller = auth.identify(request, store)
        if public or caller.user is None or not caller.user.can("admin"):
            raise HTTPException(403, "everyone's audit log needs the admin role")
        with store.sessions() as session:
            trail = review.audit_trail(session)
        return page(request, "audit.html", trail=trail)

    def do_review(user: accounts.User, event_id: int, data: dict[str, Any]) -> review.Outcome:
        action = str(data.get("action") or "")
        other_raw = str(data.get("other") or "").strip()
        if other_raw and (not other_raw.isdigit() or len(other_raw) > 9):
            raise HTTPException(400, "other must be an event id")
        incidents = _incident_ids(data.get("incidents"))
        value = data.get("value")
        if data.get("field") == "place" and not isinstance(value, dict):
            names = (*review.PLACE_FIELDS, "place_precision")
            value = {name: data.get(f"place_{name}") for name in names}
        with store.writing() as session:
            return review.act(
                session, event_id, action, user.name,
                field=str(data["field"]) if data.get("field") else None,
                value=value,
                other=int(other_raw) if other_raw else None,
                comment=str(data["comment"]) if data.get("comment") else None,
                incidents=incidents,
            )  # fmt: skip

    def role_for(action: str) -> str:
        return "coder" if action == "correct" else "reviewer"

    @app.post("/events/{event_id}/review", include_in_schema=False)
    async def review_form(request: Request, event_id: RowId) -> Response:
        form = await request.form()
        data: dict[str, Any] = {k: str(v) for k, v in form.items()}
        data["incidents"] = [str(v) for v in form.getlist("incidents")]
        user = writer(request, role_for(data.get("action", "")), data.get("csrf"))
        outcome = do_review(user, event_id, data)
        target = outcome.event_id if outcome.action != "merge" else int(outcome.after)
        return RedirectResponse(
            f"/events/{target}?" + urlencode({"notice": f"{outcome.action} recorded"}),
            status_code=303,
        )

    @app.post("/api/events/{event_id}/review", openapi_extra=REVIEW_BODY)
    async def api_review(request: Request, event_id: RowId) -> dict[str, Any]:
        """Review an event: JSON {action: accept|correct|not_incident|merge|split, field,
        value, other, comment}. Needs a token (Bearer) or a session with X-CSRF-Token;
        correct needs the coder role, the other actions reviewer."""
        try:
            data = await request.json()
        except ValueError as err:
            raise HTTPException(400, "the body must be a JSON object") from err
        if not isinstance(data, dict):
            raise HTTPException(400, "the body must be a JSON object")
        user = writer(
            request, role_for(str(data.get("action") or "")), request.headers.get("x-csrf-token")
        )
        outcome = do_review(user, event_id, data)
        return {
            "event_id": outcome.event_id,
            "action": outcome.action,
            "field": outcome.field,
            "before": jsonable(outcome.before),
            "after": jsonable(outcome.after),
        }

    # ---- JSON API ------------------------------------------------------------

    @app.get("/api/places", openapi_extra=_query("q", "limit"))
    def api_places(request: Request) -> list[dict[str, Any]]:
        """Gazetteer places for a name or the start of one (q, at least 2 characters;
        limit, at most 50): name, country, admin1, admin2, lat, lon, feature, kind,
        population, precision (the place_precision a correction to it stores). For
        correcting an event's place: needs the coder role."""
        caller = auth.Caller(None, None) if public else auth.identify(request, store)
        if caller.user is None or not caller.user.can("coder"):
            raise HTTPException(403, "the place search needs the coder role")
        query = (request.query_params.get("q") or "").strip()
        if not 2 <= len(query) <= 100:
            raise HTTPException(400, "q must be a place name of 2 to 100 characters")
        limit = _int_param(request.query_params, "limit", 20, 1, 50)
        return places.search(query, limit)

    @app.get(
        "/api/events", openapi_extra=_query(*FILTER_NAMES, "sort", "order", "page", "per_page")
    )
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
    def api_event(event_id: RowId) -> dict[str, Any]:
        """One event with its members, figures, claims and match explanations."""
        with store.sessions() as session:
            detail = browse.event_detail(session, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id}")
        out: dict[str, Any] = jsonable(detail)
        return out

    @app.get("/api/reports/{report_id}")
    def api_report(report_id: RowId) -> dict[str, Any]:
        """One report: its text in marked segments and its incidents."""
        with store.sessions() as session:
            detail = browse.report_detail(session, report_id)
        if detail is None:
            raise HTTPException(404, f"no report {report_id}")
        out: dict[str, Any] = jsonable(detail)
        return out

    @app.get(
        "/api/tally",
        response_model=None,
        openapi_extra=_query("by", "group", "since", "until", "country", "format"),
    )
    def api_tally(request: Request) -> Response:
        """Killed low/best/high per period (by) and group; format=json (default) or csv."""
        _, _, rows = _tally(request)
        fmt = request.query_params.get("format") or "json"
        return tally_response(rows, fmt)

    @app.get("/api/export", response_model=None, openapi_extra=_query("format", "columns"))
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
        key = ("tally", by, group, flt.since, flt.until, flt.country)
        with store.sessions() as session:
            rows = cache.get(session, key, lambda: store.tally(
                by=by, group=group, since=flt.since, until=flt.until, country=flt.country,
            ))  # fmt: skip
        return by, group, rows

    return app
