"""The `tollwatch` command: thin adapters over the library (docs/cli.md).

One module per command group: main (the app and `extract`), store (`run`, `tally`,
`export`, `db`), eval (`eval`), gazetteer (`gazetteer ...`).
"""

from .main import app

__all__ = ["app"]
