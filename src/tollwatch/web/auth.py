"""Who is asking: session cookies (browsers) and bearer tokens (scripts), CSRF, throttling.

Browsers log in with a name and password and get an HttpOnly, SameSite=Strict
cookie (Secure when served over HTTPS); every form they post carries the session's
CSRF token, and API calls made with the cookie carry it in `X-CSRF-Token`. Scripts
send `Authorization: Bearer TOKEN` (`tollwatch tokens create`) and need no CSRF
token (no cookie is involved). The login form is guarded by a double-submit CSRF
cookie, and failed logins are throttled per name and per client address.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request

from ..store import Store
from ..store import users as accounts
from ..store.users import User

COOKIE = "tw_session"
LOGIN_COOKIE = "tw_login"
MAX_FAILURES = 5
WINDOW_SECONDS = 600.0


@dataclass(frozen=True)
class Caller:
    """The user behind a request (None: anonymous) and how they came."""

    user: User | None
    csrf: str | None  # the session's CSRF token (None: a token or nobody)
    via_token: bool = False


class Throttle:
    """At most MAX_FAILURES failed logins per key within WINDOW_SECONDS."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.limit, self.window = limit, window
        self.failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str) -> deque[float]:
        marks = self.failures[key]
        while marks and marks[0] < time.monotonic() - self.window:
            marks.popleft()
        return marks

    def blocked(self, *keys: str) -> bool:
        """True when any key has used up its failures."""
        return any(len(self._recent(k)) >= self.limit for k in keys)

    def fail(self, *keys: str) -> None:
        """Count one failure against every key."""
        for key in keys:
            self._recent(key).append(time.monotonic())

    def clear(self, key: str) -> None:
        """Forget a key's failures (after a good login)."""
        self.failures.pop(key, None)


def identify(request: Request, store: Store) -> Caller:
    """The caller of a request, read once and kept on request.state."""
    cached = getattr(request.state, "caller", None)
    if isinstance(cached, Caller):
        return cached
    caller = Caller(None, None)
    header = request.headers.get("authorization", "")
    with store.sessions() as session:
        if header.lower().startswith("bearer "):
            user = accounts.token_user(session, header[7:].strip())
            if user is None:
                raise HTTPException(401, "the API token is unknown or disabled")
            caller = Caller(user, None, via_token=True)
        elif cookie := request.cookies.get(COOKIE):
            found = accounts.session_user(session, cookie)
            if found is not None:
                caller = Caller(found[0], found[1])
    request.state.caller = caller
    return caller


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two secrets (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def new_login_token() -> str:
    """A fresh double-submit token for the login form."""
    return secrets.token_urlsafe(24)


def secure(request: Request) -> bool:
    """Whether cookies should be Secure: the request came over HTTPS."""
    return request.url.scheme == "https"
