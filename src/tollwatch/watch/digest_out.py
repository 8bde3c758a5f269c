"""A digest delivered: its pictures, a folder of files, an e-mail.

    digest_images(digest) -> [InlineImage]         map.png, sparkline.png (offline PNG)
    write_folder(digest, folder) -> [Path]         digest.md, digest.json, digest.html + PNGs
    digest_message(digest, sender, to) -> EmailMessage
    send_digest(digest, settings, to) -> EmailMessage

In the folder the HTML and Markdown show the PNGs by file name; in the e-mail the
HTML part shows them as inline images (cid:), next to a plain-text part.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

from PIL import Image

from ..errors import InputError
from ..settings import Settings
from .digest import Digest, Picture, render, subject
from .images import MapPoint, render_map, render_sparkline
from .mail import InlineImage, Mailer, compose, recipients, sender

FILES = {"md": "digest.md", "json": "digest.json", "html": "digest.html"}


def digest_images(digest: Digest) -> list[InlineImage]:
    """The map of the new and revised events (dots and rings sized by killed) and the
    sparkline of killed per day, as PNG."""
    lines = [(e, False) for e in digest.new_events] + [(r.event, True) for r in digest.revised]
    points = [MapPoint(e.lat, e.lon, e.killed_best or e.killed_low, revised)
              for e, revised in lines if e.lat is not None and e.lon is not None]
    placed = len(points)
    return [
        InlineImage("map.png", render_map(points),
                    f"map of the {placed} new or revised event{'s' * (placed != 1)} with a "
                    "place"),
        InlineImage("sparkline.png", render_sparkline(digest.daily),
                    "killed per day by event date"),
    ]


def write_folder(
    digest: Digest, folder: Path, images: Sequence[InlineImage] | None = None
) -> list[Path]:
    """Write the digest's three formats and its PNGs into `folder` (made if missing),
    each file atomically; the paths written, in order."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot make the folder {folder}: {err.strerror or err}; choose "
                         "another -o") from err
    pictures = list(images) if images is not None else digest_images(digest)
    shown = [_picture(image, image.name) for image in pictures]
    written = []
    for fmt, name in FILES.items():
        text = render(digest, fmt, shown)
        written.append(write_atomically(folder / name, text.encode("utf-8")))
    written += [write_atomically(folder / image.name, image.data) for image in pictures]
    return written


def digest_message(
    digest: Digest, from_address: str, to: Sequence[str],
    images: Sequence[InlineImage] | None = None,
) -> EmailMessage:
    """The digest as an e-mail: the Markdown as the plain-text part, the HTML with the
    map and the sparkline inline."""
    pictures = list(images) if images is not None else digest_images(digest)
    html = render(digest, "html", [_picture(i, f"cid:{i.cid}") for i in pictures])
    return compose(subject(digest), from_address, to, render(digest, "md"), html, pictures)


def send_digest(
    digest: Digest, settings: Settings, to: Sequence[str],
    images: Sequence[InlineImage] | None = None,
) -> EmailMessage:
    """Send the digest to `to` through the settings' SMTP server, in one message; the
    message sent. A MailError (naming the setting to check) when the server did not
    take it, or refused a recipient."""
    addresses = recipients(to)
    message = digest_message(digest, sender(settings), addresses, images)
    with Mailer(settings) as mailer:
        mailer.send(message, addresses)
    return message


def _picture(image: InlineImage, src: str) -> Picture:
    with Image.open(io.BytesIO(image.data)) as opened:
        width, height = opened.size
    return Picture(image.alt, src, width, height)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write through a temporary file in the same folder, renamed when complete."""
    if not path.parent.is_dir():
        raise InputError(f"folder {path.parent} does not exist; create it or choose another "
                         "file")
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {err.strerror or err}") from err
    return path
