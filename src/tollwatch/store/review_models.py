"""Tables of the web workspace (docs/web.md): accounts, sessions, API tokens, reviews.

`reviews` holds what a person decided about an event: a corrected field, an
acceptance, "not an incident", a merge. A review is anchored to the event's
incidents by (report key, incident local id), not only by event id, so it finds
its event again after re-extraction and re-matching (store/review.py applies it).
Every review action is also written to `audit_log` (who, when, before, after, comment).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, EventRow


class UserRow(Base):
    """A person who can log in: a role (viewer, coder, reviewer, admin), an argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SessionRow(Base):
    """A logged-in browser: the sha256 of its cookie, its CSRF token, when it ends."""

    __tablename__ = "web_sessions"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class TokenRow(Base):
    """An API token of a user (`tollwatch tokens create`): only its sha256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewRow(Base):
    """One reviewed value of an event (the latest per event and field wins)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    anchors: Mapped[list[Any]] = mapped_column(JSON)  # [[report key, local id], ...]
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    user: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


# Indexes the events list and the map filter and sort on (migration 0007_review).
Index("ix_events_country_date", EventRow.country, EventRow.date_start)
Index("ix_events_killed_best", EventRow.killed_best)
