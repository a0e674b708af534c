"""`ptfcal --help` lists the commands without building their options (a third of the start-up:
benchmarks R1); the list is the one the full application shows."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ptfcal.cli import app
from ptfcal.cli.app import listing, lists_commands
from tests.conftest import run_ptfcal


@pytest.mark.parametrize("args", [["--help"], ["-h"]])
def test_the_listing_shows_what_the_whole_application_shows(args) -> None:
    runner = CliRunner()
    full = runner.invoke(app, args, env={"COLUMNS": "100"})
    listed = runner.invoke(listing(app), args, env={"COLUMNS": "100"})
    assert full.exit_code == listed.exit_code == 0
    assert listed.output == full.output
    for name in ("generate", "agenda", "minutes", "report", "people", "holiday", "login"):
        assert f"  {name} " in listed.output


def test_only_the_bare_list_is_served_by_the_listing() -> None:
    assert lists_commands([]) and lists_commands(["--help"]) and lists_commands(["-h"])
    assert not lists_commands(["report", "--help"])
    assert not lists_commands(["--version"])
    assert not lists_commands(["people", "-h"])


def test_the_command_line_lists_every_command_in_french() -> None:
    result = run_ptfcal("--help", env={"COLUMNS": "100"})
    assert result.code == 0
    assert result.out.startswith("Utilisation : ptfcal [OPTIONS] COMMAND [ARGS]...")
    assert "Commandes :" in result.out
    assert "  minutes " in result.out and "  attendance " in result.out
    sub = run_ptfcal("report", "--help", env={"COLUMNS": "100"})
    assert sub.code == 0 and "--programme" in sub.out
