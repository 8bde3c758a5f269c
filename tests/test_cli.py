"""The `tollwatch` command line, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from tollwatch import cli, parallel, pipeline
from tollwatch.errors import GazetteerError
from tollwatch.pipeline import Resources
from tollwatch.records import Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs" / "cli.md"
RUNNER = CliRunner()


@pytest.fixture(autouse=True)
def _loaded_once(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> None:
    """Hand the session's resources to the CLI, so each test does not load them again."""
    monkeypatch.setattr(pipeline, "load_resources", lambda settings: resources)


def invoke(*args: str | Path) -> Result:
    return RUNNER.invoke(cli.app, [str(a) for a in args])


def lines_of(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Four good reports and one unreadable line, in a known order."""
    path = tmp_path / "reports.jsonl"
    rows = [
        {"id": "r-3", "text": "Gunmen killed five people in a village on Monday.",
         "published": "2024-03-06"},
        {"id": "r-1", "text": "No casualties were reported after the blast."},
        "this line is not JSON",
        {"id": "r-2", "text": "The central bank raised interest rates on Thursday."},
        {"id": "r-0", "text": "Two soldiers were wounded in an ambush, the army said."},
    ]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_output_one_line_per_report_in_input_order(batch: Path) -> None:
    result = invoke("extract", batch)
    assert result.exit_code == 0, result.stderr
    out = lines_of(result.stdout)
    assert [line["id"] for line in out] == ["r-3", "r-1", "reports.jsonl:3", "r-2", "r-0"]
    for line in out:
        assert line["contract"] == 1
        assert isinstance(line["incidents"], list) and isinstance(line["warnings"], list)
    bad = out[2]
    assert bad["incidents"] == [] and "line 3 of reports.jsonl is not JSON" in bad["error"]
    assert "line 3 of reports.jsonl is not JSON" in result.stderr
    assert 'each line must be one JSON object with "id" and "text"' in result.stderr


def test_examples_run_through(tmp_path: Path) -> None:
    result = invoke("extract", EXAMPLES)
    assert result.exit_code == 0, result.stderr
    out = lines_of(result.stdout)
    assert len(out) >= 12 and not any("error" in line for line in out)


def test_output_file_is_same_as_stdout(batch: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    to_file = invoke("extract", batch, "-o", target)
    to_stdout = invoke("extract", batch)
    assert to_file.exit_code == 0
    assert to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_file_is_written_atomically(
    batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous complete output\n", encoding="utf-8")
    calls = {"n": 0}

    def interrupted(report: Report, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real_extract(report, **kwargs)

    real_extract = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", interrupted)
    result = invoke("extract", batch, "-o", target)
    assert result.exit_code != 0
    assert target.read_text(encoding="utf-8") == "previous complete output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "reports.jsonl"]


def test_workers_give_the_same_output(batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_REPORTS", 2)  # several chunks, so both workers are used
    one = invoke("extract", batch, EXAMPLES)
    two = invoke("extract", batch, EXAMPLES, "--workers", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout
    assert len(lines_of(two.stdout)) >= 17


def test_table_format(batch: Path) -> None:
    result = invoke("extract", batch, "--format", "table")
    assert result.exit_code == 0
    for heading in ("report", "kind", "killed", "date", "place", "perpetrator", "victim",
                    "source"):
        assert heading in result.stdout
    for report_id in ("r-3", "r-1", "r-2", "r-0"):
        assert report_id in result.stdout
    assert "5 reports" in result.stdout


def test_table_to_a_file(batch: Path, tmp_path: Path) -> None:
    target = tmp_path / "table.txt"
    result = invoke("extract", batch, "--format", "table", "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert "r-3" in written and "perpetrator" in written


@pytest.mark.parametrize(
    ("files", "code", "message"),
    [
        pytest.param({"bad.jsonl": "{oops\n"}, 1, "line 1 of bad.jsonl is not JSON",
                     id="only-bad-lines"),
        pytest.param({"empty.txt": ""}, 1, "empty.txt is empty", id="only-empty-file"),
        pytest.param({"no-id.jsonl": '{"text": "x"}\n'}, 1, 'line 1 of no-id.jsonl has no "id"',
                     id="no-id"),
        pytest.param({"a.jsonl": '{"id": "a", "text": "Calm day."}\n', "b.txt": ""}, 0,
                     "b.txt is empty", id="one-good-one-bad"),
    ],
)
def test_exit_codes_and_messages(
    tmp_path: Path, files: dict[str, str], code: int, message: str
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = invoke("extract", *(tmp_path / name for name in files))
    assert result.exit_code == code
    assert message in result.stderr
    assert len(lines_of(result.stdout)) == len(files)


def test_missing_path_and_nothing_found(tmp_path: Path) -> None:
    missing = invoke("extract", tmp_path / "nope.jsonl")
    assert missing.exit_code == 1
    assert "nope.jsonl does not exist" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = invoke("extract", tmp_path / "empty")
    assert empty.exit_code == 1
    assert "holds no report files" in empty.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--published", "13/04/2019"], "give it as YYYY-MM-DD", id="bad-published"),
        pytest.param(["--workers", "0"], "--workers", id="zero-workers"),
        pytest.param(["--format", "csv"], "--format", id="bad-format"),
        pytest.param(["-o", "/no/such/folder/out.jsonl"], "does not exist", id="bad-output-dir"),
        pytest.param(["--config", "/no/such/tollwatch.toml"], "does not exist", id="bad-config"),
    ],
)
def test_usage_errors_exit_2(batch: Path, args: list[str], message: str) -> None:
    result = invoke("extract", batch, *args)
    assert result.exit_code == 2
    assert message in re.sub(r"[\s│]+", " ", result.stderr)
    assert result.stdout == ""


def test_standard_input(batch: Path) -> None:
    result = RUNNER.invoke(cli.app, ["extract", "-"], input=batch.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert [line["id"] for line in lines_of(result.stdout)] == [
        "r-3", "r-1", "stdin:3", "r-2", "r-0"]
    assert "line 3 of stdin is not JSON" in result.stderr


def test_published_option_reaches_text_reports(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Gunmen killed two guards on Thursday, police said.", encoding="utf-8")
    result = invoke("extract", path, "--published", "2019-04-13")
    assert result.exit_code == 0
    assert [line["id"] for line in lines_of(result.stdout)] == ["note.txt"]


def test_long_text_is_cut_with_a_warning(tmp_path: Path) -> None:
    config = tmp_path / "tollwatch.toml"
    config.write_text("[tollwatch]\nmax_report_chars = 1000\n", encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("Officials met to discuss the budget. " * 200, encoding="utf-8")
    result = invoke("extract", path, "--config", config)
    assert result.exit_code == 0
    (line,) = lines_of(result.stdout)
    assert any("only the first 1,000 were read" in w for w in line["warnings"])
    assert "long.txt" in result.stderr


def test_encoding_warning_goes_to_output_and_stderr(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Attentat à Gao: trois morts.".encode("latin-1"))
    result = invoke("extract", path)
    assert result.exit_code == 0
    (line,) = lines_of(result.stdout)
    assert "latin.txt is not UTF-8" in line["warnings"][0]
    assert "warning: latin.txt is not UTF-8" in result.stderr


def test_forced_progress_bar_works_without_a_terminal(batch: Path) -> None:
    plain = invoke("extract", batch, "--no-progress")
    shown = invoke("extract", batch, "--progress")
    assert shown.exit_code == plain.exit_code == 0
    assert shown.stdout == plain.stdout


def test_internal_stage_error_becomes_an_error_line(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(report: Report, **kwargs: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "extract", broken)
    result = invoke("extract", batch)
    assert result.exit_code == 1
    out = lines_of(result.stdout)
    assert len(out) == 5
    assert all(line["incidents"] == [] and line["error"] for line in out)
    assert "ZeroDivisionError" in out[0]["error"]


def test_resources_that_cannot_load_give_a_clear_error(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(settings: object) -> Resources:
        raise GazetteerError("gazetteer file places.csv is missing; reinstall tollwatch")

    monkeypatch.setattr(pipeline, "load_resources", missing)
    result = invoke("extract", batch)
    assert result.exit_code == 1
    assert "error: gazetteer file places.csv is missing; reinstall tollwatch" in result.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("tollwatch ")


def test_every_command_has_help_and_extract_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for command in cli.app.registered_commands:
        assert (command.help or (command.callback and command.callback.__doc__)), command.name
    help_text = invoke("extract", "--help").stdout
    for option in ("--published", "--format", "--output", "--workers", "--config", "--progress"):
        assert option in help_text
        assert option in docs, f"{option} is not in docs/cli.md"
    assert "tollwatch extract" in docs
    for code in ("0", "1", "2"):
        assert f"| {code} |" in docs
