"""The incident database: store extractions, match them into events, tally and export.

    open_store(settings) -> Store
    Store.ingest(extractions) / .match() / .run(paths) / .tally(...) / .export(...)

Stages: ingest.py (reports, incidents; its items and counts in ingest_base.py, one
batch's transaction in batch.py), matching.py (candidate_pairs, score_pairs,
cluster), events.py (clusters -> events), reconcile.py (event tolls), tally.py,
export.py; models.py and db.py hold the schema and the engine.
"""

from .api import RunSummary, Store, open_store
from .events import MatchStats
from .ingest import IngestStats
from .matching import MatchSettings, MatchUnit, candidate_pairs, cluster, match_units, score_pairs
from .reconcile import EventToll, FigureRef, reconcile
from .tally import TallyRow

__all__ = [
    "EventToll",
    "FigureRef",
    "IngestStats",
    "MatchSettings",
    "MatchStats",
    "MatchUnit",
    "RunSummary",
    "Store",
    "TallyRow",
    "candidate_pairs",
    "cluster",
    "match_units",
    "open_store",
    "reconcile",
    "score_pairs",
]
