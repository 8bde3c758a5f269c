"""French: the words of the casualty grammar (`tolls/clauses.py`)."""

from __future__ import annotations

from .base import TollWords

WORDS = TollWords(
    code="fr",
    name="French",
    precheck=r"morts|tu[ée]s|bless",
    outcomes={"killed": r"morts|tu[ée]s", "wounded": r"bless[ée]s"},
    verbs={"killed": r"fait|font"},
)
