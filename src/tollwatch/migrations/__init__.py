"""Alembic migrations of the incident database (run by `tollwatch db upgrade` and on open)."""
