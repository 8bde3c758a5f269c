"""The web workspace (`tollwatch serve`): pages and a JSON API over the store (docs/web.md)."""

from .app import create_app

__all__ = ["create_app"]
