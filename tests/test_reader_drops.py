"""Nothing is skipped without a word (issue 11, item 4): an unreadable subfolder, a feed
cut off in its last entry, files that are not reports, linked folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tollwatch.read import read_results
from tollwatch.records import Rejection, Report

GOOD = "Gunmen killed 4 villagers in Gwoza on Monday, police said.\n"


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `folder` unreadable: by its mode, or (root reads any mode) by refusing to
    list it, as the operating system would."""
    if os.geteuid() != 0:
        folder.chmod(0)
        return
    scandir = os.scandir

    def refusing(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == folder:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)


def test_an_unreadable_subfolder_is_a_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    _unreadable(locked, monkeypatch)
    try:
        items = [r.item for r in read_results([tmp_path])]
    finally:
        locked.chmod(0o755)
    assert [type(i).__name__ for i in items] == ["Rejection", "Report"]
    refused = items[0]
    assert isinstance(refused, Rejection)
    assert refused.id == "locked" and refused.origin == str(locked)
    assert "cannot be read" in refused.error and "were skipped" in refused.error


FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Wire</title>'
    "<link>https://wire.example.org/</link>\n"
    "<item><guid>https://wire.example.org/1</guid><title>Gunmen kill 4 in Gwoza</title>"
    "<description>Gunmen killed 4 villagers in Gwoza on Monday, police said.</description>"
    "</item>\n"
    "<item><guid>https://wire.example.org/2</guid><title>Bomb kills 12 in Maiduguri</title>"
    "<description>A bomb killed 12 people at a market in Maiduguri on Tuesday. Rescuers "
    "searched the rubble through the night.</description></item>\n</channel></rss>\n"
)


def test_a_feed_cut_off_in_its_last_entry_rejects_that_entry(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(FEED[: FEED.index("Rescuers") + 9], encoding="utf-8")
    results = list(read_results([path]))
    first, second = (r.item for r in results)
    assert isinstance(first, Report) and "Gwoza" in first.text
    assert any("not well-formed" in w and "1 cut off" in w for w in results[0].warnings)
    assert isinstance(second, Rejection)
    assert "entry 2 of wire.xml is cut off" in second.error
    assert second.id == "https://wire.example.org/2"


def test_a_whole_feed_reads_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(FEED, encoding="utf-8")
    results = list(read_results([path]))
    assert [type(r.item).__name__ for r in results] == ["Report", "Report"]
    assert all(not r.warnings for r in results)
    assert results[1].item.text.endswith("through the night.")  # type: ignore[union-attr]


def test_files_that_are_not_reports_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")  # hidden: not counted
    results = list(read_results([tmp_path]))
    assert len(results) == 1
    assert results[0].warnings == (
        f"folder {tmp_path}: 2 file(s) that are not report files were not read "
        "(1 .pdf, 1 .png); give such a file by name to read it",
    )


def test_linked_folders_are_read_once_and_loops_end(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(GOOD, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "linked").symlink_to(real, target_is_directory=True)
    (real / "back").symlink_to(root, target_is_directory=True)  # a loop
    items = [r.item for r in read_results([root])]
    assert [i.id for i in items] == ["linked/a.txt"]
    assert isinstance(items[0], Report) and items[0].key == (real / "a.txt").as_uri()
