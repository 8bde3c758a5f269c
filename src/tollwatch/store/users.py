"""Accounts of the web workspace: users with roles, argon2 passwords, sessions, API tokens.

    add_user(session, "amina", "reviewer", password)  -> UserRow
    check_password(session, "amina", password)        -> UserRow | None
    new_session(session, user) -> (cookie, csrf); session_user(session, cookie)
    new_token(session, user, label) -> token;      token_user(session, token)

Only hashes are stored: argon2 for passwords, sha256 for session cookies and API
tokens (both are 32 random bytes, so a fast hash is enough).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import StoreError
from .ingest_base import audit, now
from .review_models import SessionRow, TokenRow, UserRow

ROLES = ("viewer", "coder", "reviewer", "admin")
SESSION_HOURS = 12
MIN_PASSWORD = 10
HASHER = PasswordHasher()
_DUMMY_HASH = HASHER.hash("not a password of anyone")


@dataclass(frozen=True)
class User:
    """A logged-in person as the web layer sees it."""

    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this user's role is `role` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


def digest(secret: str) -> str:
    """sha256 hex of a random secret (session cookie, API token)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role)


def check_role(role: str) -> None:
    """StoreError naming the roles when `role` is not one."""
    if role not in ROLES:
        raise StoreError(f"role {role!r} is unknown; use one of {', '.join(ROLES)}")


def check_new_password(password: str) -> None:
    """StoreError when a password is too short to be set."""
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"a password needs at least {MIN_PASSWORD} characters")


def add_user(session: Session, name: str, role: str, password: str) -> User:
    """Create an active user; StoreError if the name is taken or the role unknown."""
    check_role(role)
    check_new_password(password)
    name = name.strip()
    if not name or len(name) > 200:
        raise StoreError("a user name needs 1 to 200 characters")
    if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
        raise StoreError(f"user {name!r} exists; use `tollwatch users reset-password {name}`")
    row = UserRow(
        name=name, role=role, password_hash=HASHER.hash(password), active=True, created_at=now()
    )
    session.add(row)
    session.flush()
    audit(session, "user.add", "user", row.id, name, role=role)
    return _user(row)


def _named(session: Session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise StoreError(f"no user {name!r}; `tollwatch users list` shows them")
    return row


def list_users(session: Session) -> list[tuple[str, str, bool, datetime]]:
    """(name, role, active, created_at) of every user, by name."""
    rows = session.scalars(select(UserRow).order_by(UserRow.name))
    return [(r.name, r.role, r.active, r.created_at) for r in rows]


def disable_user(session: Session, name: str) -> None:
    """Disable a user: their sessions end and their tokens stop working."""
    row = _named(session, name)
    row.active = False
    session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
    for token in session.scalars(select(TokenRow).where(TokenRow.user_id == row.id)):
        token.active = False
    audit(session, "user.disable", "user", row.id, name)


def reset_password(session: Session, name: str, password: str) -> None:
    """Set a new password (and end the user's sessions)."""
    check_new_password(password)
    row = _named(session, name)
    row.password_hash = HASHER.hash(password)
    session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
    audit(session, "user.reset_password", "user", row.id, name)


def check_password(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, else None (same work either way)."""
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    try:
        HASHER.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    return _user(row)


def new_session(session: Session, user: User) -> tuple[str, str]:
    """Start a browser session: (cookie value, CSRF token)."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    stamp = now()
    session.add(
        SessionRow(
            digest=digest(cookie),
            user_id=user.id,
            csrf=csrf,
            created_at=stamp,
            expires_at=stamp + timedelta(hours=SESSION_HOURS),
        )
    )
    return cookie, csrf


def session_user(session: Session, cookie: str) -> tuple[User, str] | None:
    """The user and CSRF token of a live session cookie, else None."""
    found = session.execute(
        select(UserRow, SessionRow.csrf, SessionRow.expires_at)
        .join(SessionRow, SessionRow.user_id == UserRow.id)
        .where(SessionRow.digest == digest(cookie))
    ).first()
    if found is None:
        return None
    row, csrf, expires = found
    if not row.active or expires < now():
        return None
    return _user(row), csrf


def end_session(session: Session, cookie: str) -> None:
    """Log out: forget the session."""
    session.execute(delete(SessionRow).where(SessionRow.digest == digest(cookie)))


def new_token(session: Session, name: str, label: str | None = None) -> str:
    """Create an API token for the user `name`; the token is shown once, kept hashed."""
    row = _named(session, name)
    token = "tw_" + secrets.token_urlsafe(32)
    session.add(
        TokenRow(user_id=row.id, digest=digest(token), label=label, active=True, created_at=now())
    )
    audit(session, "token.create", "user", row.id, name, label=label)
    return token


def token_user(session: Session, token: str) -> User | None:
    """The active user of an active API token, else None."""
    row = session.scalar(
        select(UserRow)
        .join(TokenRow, TokenRow.user_id == UserRow.id)
        .where(TokenRow.digest == digest(token), TokenRow.active.is_(True))
    )
    return _user(row) if row is not None and row.active else None
