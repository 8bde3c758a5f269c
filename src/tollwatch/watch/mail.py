"""E-mail through SMTP: a plain-text part, an HTML part, inline (CID) images.

    compose(subject, sender, recipients, text, html, images) -> EmailMessage
    with Mailer(settings) as mailer: mailer.send(message)   one connection, many messages

The SMTP settings (`smtp_host`, `smtp_port`, `smtp_tls`, `smtp_user`, `smtp_password`,
`smtp_from`, `smtp_timeout`) are read from `Settings`. Every failure is a `MailError`
naming the setting to check; the password never appears in a message.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from types import TracebackType

from ..errors import MailError, SettingsError
from ..settings import Settings, check_address

DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


def tls_context() -> ssl.SSLContext:
    """The TLS context of SSL and STARTTLS connections: the system's trusted
    certificates, the host name checked."""
    return ssl.create_default_context()


class RecipientRefused(MailError):
    """The server refused one or more recipients; the others (if any) got the message."""

    def __init__(self, message: str, refused: Sequence[str], delivered: Sequence[str]) -> None:
        super().__init__(message)
        self.refused = tuple(refused)
        self.delivered = tuple(delivered)


@dataclass(frozen=True)
class InlineImage:
    """A PNG shown inside the HTML part (`<img src="cid:...">`) and saved as `name`."""

    name: str
    data: bytes
    alt: str

    @property
    def cid(self) -> str:
        """The Content-ID (without angle brackets) the HTML refers to."""
        return f"{self.name.rsplit('.', 1)[0]}@tollwatch"


def compose(
    subject: str,
    sender: str,
    recipients: Sequence[str],
    text: str,
    html: str | None = None,
    images: Sequence[InlineImage] = (),
) -> EmailMessage:
    """A message: text/plain alone, or multipart/alternative of text/plain and the HTML
    (a multipart/related with `images` inline when there are images)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain="tollwatch.local")
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
        html_part = message.get_payload()[-1]  # type: ignore[index]
        assert isinstance(html_part, EmailMessage)
        for image in images:
            html_part.add_related(image.data, "image", "png", cid=f"<{image.cid}>",
                                  filename=image.name, disposition="inline")
    return message


def sender(settings: Settings) -> str:
    """The From address: `smtp_from`, or a SettingsError saying how to set it."""
    if not settings.smtp_from:
        raise SettingsError("setting smtp_from is not set: give the From address of the "
                            "messages (config file smtp_from = ..., or TOLLWATCH_SMTP_FROM)")
    return settings.smtp_from


def check_smtp(settings: Settings) -> None:
    """A SettingsError when the settings cannot send mail (no smtp_host, no smtp_from)."""
    Mailer(settings)
    sender(settings)


def recipients(values: Sequence[str], where: str = "--to") -> list[str]:
    """The addresses checked (name@host.org each), in order, without repeats."""
    return list(dict.fromkeys(check_address(v, where) for v in values))


class Mailer:
    """One SMTP connection for several messages (a context manager)."""

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise SettingsError(
                "setting smtp_host is not set: give the SMTP server that sends e-mail "
                "(config file smtp_host = ..., or TOLLWATCH_SMTP_HOST)")
        self.settings = settings
        self.host = settings.smtp_host
        self.port = settings.smtp_port or DEFAULT_PORTS[settings.smtp_tls]
        self._smtp: smtplib.SMTP | None = None

    @property
    def where(self) -> str:
        """host:port (smtp_tls=mode), for messages."""
        return f"{self.host}:{self.port} (smtp_tls={self.settings.smtp_tls})"

    def __enter__(self) -> Mailer:
        self._smtp = self._connect()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        try:
            if s.smtp_tls == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=s.smtp_timeout,
                    context=tls_context())
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=s.smtp_timeout)
        except ssl.SSLError as err:
            raise MailError(f"TLS with the SMTP server {self.where} failed ({err.reason}): "
                            "smtp_tls = \"ssl\" wants a TLS port (465); for port 587 use "
                            "smtp_tls = \"starttls\"") from err
        except (OSError, smtplib.SMTPException) as err:
            raise MailError(f"cannot reach the SMTP server {self.where}: {_why(err)}; check "
                            "smtp_host and smtp_port, and that the server is up") from err
        try:
            self._hello(smtp)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _hello(self, smtp: smtplib.SMTP) -> None:
        s = self.settings
        try:
            smtp.ehlo()
            if s.smtp_tls == "starttls":
                smtp.starttls(context=tls_context())
                smtp.ehlo()
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password or "")
        except smtplib.SMTPNotSupportedError as err:
            if "STARTTLS" in str(err):
                raise MailError(f"the SMTP server {self.where} does not offer STARTTLS: set "
                                "smtp_tls = \"none\" for a local relay, or \"ssl\" with its "
                                "TLS port (smtp_port)") from err
            raise MailError(f"the SMTP server {self.where} does not offer a login (many offer "
                            "it only over TLS): set smtp_tls = \"starttls\" or \"ssl\", or "
                            "unset smtp_user if it needs none") from err
        except smtplib.SMTPAuthenticationError as err:
            raise MailError(f"the SMTP server {self.where} refused the login of smtp_user="
                            f"{s.smtp_user!r} ({err.smtp_code}): check smtp_user and the "
                            "password in TOLLWATCH_SMTP_PASSWORD") from err
        except ssl.SSLError as err:
            raise MailError(f"STARTTLS with the SMTP server {self.where} failed "
                            f"({err.reason}): check smtp_tls and smtp_port") from err
        except (OSError, smtplib.SMTPException) as err:
            raise MailError(f"the SMTP server {self.where} failed the greeting: {_why(err)}; "
                            "check smtp_host, smtp_port and smtp_tls") from err

    def send(self, message: EmailMessage, to: Sequence[str] | None = None) -> None:
        """Send `message` to `to` (default: its To addresses). A RecipientRefused when
        the server refused some or all of them; a MailError for any other failure."""
        if self._smtp is None:
            raise MailError("the SMTP connection is not open; use `with Mailer(settings)`")
        targets = list(to) if to is not None else [
            a.strip() for a in str(message["To"] or "").split(",") if a.strip()]
        try:
            refused = self._smtp.send_message(message, to_addrs=targets)
        except smtplib.SMTPRecipientsRefused as err:
            raise RecipientRefused(
                f"the SMTP server {self.where} refused every recipient: "
                f"{_refusals(err.recipients)}; check the addresses", list(err.recipients), [],
            ) from err
        except smtplib.SMTPSenderRefused as err:
            raise MailError(f"the SMTP server {self.where} refused the sender smtp_from="
                            f"{err.sender!r} ({err.smtp_code}): set smtp_from to an address "
                            "the server accepts") from err
        except (OSError, smtplib.SMTPException) as err:
            raise MailError(f"the SMTP server {self.where} did not take the message: "
                            f"{_why(err)}; nothing was sent") from err
        if refused:
            delivered = [t for t in targets if t not in refused]
            raise RecipientRefused(
                f"the SMTP server {self.where} refused {_refusals(refused)}; sent to "
                f"{', '.join(delivered)} only", list(refused), delivered)


def _why(err: BaseException) -> str:
    if isinstance(err, smtplib.SMTPResponseException):
        return f"{err.smtp_code} {_text(err.smtp_error)}"
    return str(err) or err.__class__.__name__


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _refusals(refused: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{address} ({code} {_text(text)})"
                     for address, (code, text) in refused.items())
