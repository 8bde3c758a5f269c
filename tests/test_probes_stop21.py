"""Reports of our own written before stop 21's rules, as an honest check of text the
rules were not written from (docs/quality.md, "All of 2026-12-07 (stop 21) merged"):
world news in English, French, Spanish, Portuguese and Arabic, irrelevant reports among
them. Each must keep its document toll."""

from __future__ import annotations

from pathlib import Path

from golden_support import doc_toll_misses
from tollwatch.pipeline import Resources
from tollwatch.settings import Settings

PROBES = Path(__file__).resolve().parent / "golden" / "annotated" / "probes-stop21.jsonl"


def test_every_probe_keeps_its_document_toll(settings: Settings, resources: Resources) -> None:
    assert not doc_toll_misses(PROBES, settings, resources, at_least=46)
