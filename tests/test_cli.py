"""The command line: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def test_cli_extract_seed_prints_three_events_as_json(seed_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_dir / "melitopol.txt"), "--json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert len(events) == 3
    assert {e["location"]["admin1"] for e in events} == {"Zaporizhzhia", "Crimea", "Luhansk"}


def test_cli_extract_missing_date_is_one_line_error(tmp_path: Path) -> None:
    article = tmp_path / "nodate.txt"
    article.write_text("Gunmen killed two people in Kaduna on Monday.")
    result = runner.invoke(app, ["extract", str(article), "--json"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "nodate.txt" in lines[0] and "publication date" in lines[0]


def test_cli_run_with_bad_input_exits_1_and_stores_good(tmp_path: Path, seed_dir: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "empty.meta.json").write_text('{"source": "X", "published": "2023-11-13"}')
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = runner.invoke(app, ["run", str(seed_dir), str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 1
    assert any("empty.txt" in line for line in result.stderr.splitlines())
    listed = runner.invoke(app, ["events", "--db", db, "--format", "json"])
    assert listed.exit_code == 0
    assert len(json.loads(listed.stdout)) == 3


def test_cli_events_rejects_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--format", "xml"]
    )
    assert result.exit_code == 2
    assert "unknown --format" in result.stderr


def test_cli_every_command_has_help() -> None:
    for command in ("run", "events", "extract", "evaluate"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout
