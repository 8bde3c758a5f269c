"""Polite HTTP for the watch loop (standard library urllib, protego for robots.txt).

Every request names tollwatch in its User-Agent, waits `min_host_delay` seconds
after the previous request to the same host, obeys the host's robots.txt, sends the
validators of the last answer (ETag, Last-Modified) so an unchanged feed costs a 304,
stops reading past `max_bytes`, and retries timeouts, connection errors, 429 and
5xx answers with exponential back-off and jitter. Clock, sleep and randomness are
passed in, so tests run without waiting.
"""

from __future__ import annotations

import random
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

from .. import __version__
from ..errors import InputError

USER_AGENT = f"tollwatch/{__version__} (casualty-report monitor; polls feeds politely)"


class FetchError(InputError):
    """A URL that could not be fetched: the message says why and what to do."""

    code = "fetch"


@dataclass(frozen=True)
class WatchSettings:
    """Settings of the watch loop.

    user_agent: sent with every request.
    timeout: seconds to wait for a server before giving up on one attempt.
    retries: further attempts after a timeout, a connection error, 429 or 5xx.
    backoff: seconds before the first retry, doubled at each (plus up to 50% jitter).
    min_host_delay: seconds between two requests to one host.
    max_bytes: a page or feed larger than this is refused.
    near_duplicate: MinHash similarity from which two texts are one article.
    respect_robots: obey robots.txt (only turn off for your own servers).
    """

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    min_host_delay: float = 2.0
    max_bytes: int = 5_000_000
    near_duplicate: float = 0.8
    respect_robots: bool = True


@dataclass(frozen=True)
class Response:
    """An answer: 200 with its body, or 304 (not modified, empty body)."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    charset: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304: the validators sent still hold."""
        return self.status == 304


class _Retry(Exception):
    """An attempt that may succeed later (timeout, connection error, 429, 5xx)."""


@dataclass
class Fetcher:
    """HTTP GET with politeness and retries; one per watch process (it keeps each
    host's robots.txt and the time of its last request)."""

    settings: WatchSettings = field(default_factory=WatchSettings)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, object | None] = field(default_factory=dict)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """Fetch `url` (conditionally when validators are given); FetchError when it fails."""
        host = _host(url)
        if self.settings.respect_robots and not self._allowed(url, host):
            raise FetchError(
                f"{url}: the site's robots.txt does not allow {self.settings.user_agent.split()[0]}"
                " to fetch it; remove the source, or ask the site"
            )
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._with_retries(url, host, headers)

    def _with_retries(self, url: str, host: str, headers: dict[str, str]) -> Response:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                return self._once(url, host, headers)
            except _Retry as err:
                if attempt + 1 == attempts:
                    raise FetchError(
                        f"{url}: {err} (after {attempts} attempts); the source is retried "
                        "later, backed off while it keeps failing"
                    ) from err
                delay = self.settings.backoff * 2**attempt
                self.sleep(delay * (1 + 0.5 * self.jitter()))
        raise FetchError(f"{url}: no attempt was made (retries={self.settings.retries})")

    def _once(self, url: str, host: str, headers: dict[str, str]) -> Response:
        self._wait_for(host)
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout) as answer:
                body = self._read(answer, url)
                return _response(answer.geturl(), answer.status, body, answer.headers)
        except urllib.error.HTTPError as err:
            if err.code == 304:
                return _response(url, 304, b"", err.headers)
            if err.code == 429 or err.code >= 500:
                raise _Retry(f"the server answered {err.code} {err.reason}") from err
            raise FetchError(_http_message(url, err)) from err
        except TimeoutError as err:
            raise _Retry(f"no answer within {self.settings.timeout:g} s") from err
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError | socket.timeout):
                raise _Retry(f"no answer within {self.settings.timeout:g} s") from err
            raise _Retry(f"cannot connect ({err.reason})") from err
        except (ConnectionError, OSError) as err:
            raise _Retry(f"the connection failed ({err})") from err
        finally:
            self._last[host] = self.clock()

    def _read(self, answer: object, url: str) -> bytes:
        limit = self.settings.max_bytes
        body: bytes = answer.read(limit + 1)  # type: ignore[attr-defined]
        if len(body) > limit:
            raise FetchError(
                f"{url} is larger than {limit} bytes; it was not read (raise max_bytes "
                "if it is really a feed or an article)"
            )
        return body

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.min_host_delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)

    def _allowed(self, url: str, host: str) -> bool:
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        parser = self._robots[host]
        if parser is None:
            return True
        return bool(parser.can_fetch(url, self.settings.user_agent))  # type: ignore[attr-defined]

    def _load_robots(self, host: str) -> object | None:
        """The host's robots.txt (Protego), or None when it has none (all allowed)."""
        from protego import Protego

        headers = {"User-Agent": self.settings.user_agent}
        try:
            answer = self._once(f"{host}/robots.txt", host, headers)
        except (FetchError, _Retry):
            return None  # no robots.txt (404) or none reachable: nothing is forbidden
        text = answer.body.decode(answer.charset or "utf-8", "replace")
        return Protego.parse(text)


def _host(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url} is not an http(s) URL; give a full URL such as https://...")
    return f"{parts.scheme}://{parts.netloc}"


def _response(url: str, status: int, body: bytes, headers: Message) -> Response:
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    return Response(
        url=url, status=status, body=body, etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"), content_type=kind,
        charset=headers.get_content_charset(),
    )


def _http_message(url: str, err: urllib.error.HTTPError) -> str:
    if 300 <= err.code < 400:
        return f"{url}: redirects in a loop ({err.code}); check the URL in a browser"
    if err.code == 404:
        return f"{url} was not found (404); check the URL, or remove the source"
    if err.code in (401, 403):
        return f"{url} is refused ({err.code} {err.reason}); the site does not let us read it"
    return f"{url}: the server answered {err.code} {err.reason}"
