"""A local SMTP server for the mail tests (no tests here): aiosmtpd on 127.0.0.1, on a
free port, in a thread. It keeps each message as received, and can refuse addresses."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tollwatch.store import Store
from tollwatch.store.models import EventRow


@dataclass
class Received:
    """One message as the server got it: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """The aiosmtpd handler: stores messages; refuses the addresses in `refuse`."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    host: str = "127.0.0.1"
    port: int = 0

    async def handle_RCPT(  # aiosmtpd calls hooks by these names
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # aiosmtpd calls hooks by these names
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def settings(self) -> dict[str, Any]:
        """Settings fields that send through this server."""
        return {"smtp_host": self.host, "smtp_port": self.port, "smtp_tls": "none",
                "smtp_from": "tollwatch@monitor.example.org", "smtp_timeout": 10.0}


def free_port() -> int:
    """A TCP port nothing listens on (now) on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_certificate(folder: Path) -> Path | None:
    """A self-signed certificate (and key) for 127.0.0.1 in `folder`, made by the
    openssl command; None when there is no openssl."""
    if shutil.which("openssl") is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60)
    return cert


def server_context(cert: Path) -> ssl.SSLContext:
    """The server side's TLS context for `make_certificate`'s certificate."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, cert.with_name("key.pem"))
    return context


def client_context(cert: Path) -> ssl.SSLContext:
    """A client TLS context that trusts `make_certificate`'s certificate."""
    return ssl.create_default_context(cafile=str(cert))


LOGINS = {"monitor": "s3cret-Pa55"}


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                   data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and LOGINS.get(data.login.decode()) == \
        data.password.decode()
    return AuthResult(success=ok, handled=False)


@contextmanager
def smtp_server(tls: str = "none", cert: Path | None = None) -> Iterator[Inbox]:
    """An SMTP server on 127.0.0.1 for the length of the block: plain (`none`), with
    STARTTLS required and a login (`starttls`), or TLS from the first byte (`ssl`)."""
    inbox = Inbox(port=free_port())
    options: dict[str, Any] = {}
    if tls == "starttls" and cert is not None:
        options = {"tls_context": server_context(cert), "require_starttls": True,
                   "authenticator": _authenticator, "auth_require_tls": True}
    elif tls == "ssl" and cert is not None:
        # aiosmtpd does not count TLS from the first byte as TLS for AUTH
        options = {"ssl_context": server_context(cert), "authenticator": _authenticator,
                   "auth_require_tls": False}
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port, **options)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def add_event(store: Store, **values: Any) -> int:
    """Store an event directly (the alert and digest tests need events, not reports)."""
    stamp = datetime.now(UTC).replace(tzinfo=None)
    row = EventRow(
        kind="incident", counted=True, date_start=date(2026, 12, 5), date_precision="day",
        country="ML", location="Mopti", place_precision="point", event_type="attack",
        n_reports=1, toll_rule="single", created_at=stamp, updated_at=stamp,
        lat=14.49, lon=-4.18, killed_low=12, killed_best=12, killed_high=12,
    )
    for key, value in values.items():
        setattr(row, key, value)
    with store.writing() as session:
        session.add(row)
        session.flush()
        return row.id


def set_toll(store: Store, event_id: int, killed: int) -> None:
    """Revise an event's killed as matching would (figures and updated_at)."""
    with store.writing() as session:
        row = session.get(EventRow, event_id)
        assert row is not None
        row.killed_low = row.killed_best = row.killed_high = killed
        row.updated_at = datetime.now(UTC).replace(tzinfo=None)
