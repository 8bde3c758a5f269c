"""A local SMTP server for the mail tests (no tests here): aiosmtpd on 127.0.0.1, on a
free port, in a thread. It keeps each message as received, and can refuse addresses."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

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


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    """An SMTP server on 127.0.0.1 for the length of the block."""
    inbox = Inbox(port=free_port())
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
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
