"""A run builds only the command it runs; the others keep their name and help (building a
command inspects every parameter of its function: a third of the start-up, benchmarks R1, R6,
R7). What users see is the whole application's."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ptfcal.cli import app
from ptfcal.cli.app import needed, trimmed
from tests.conftest import run_ptfcal


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["people", "--help"],
                                  ["report", "--help"], ["holiday", "confirm", "--help"]])
def test_a_trimmed_application_shows_what_the_whole_one_shows(args) -> None:
    runner = CliRunner()
    full = runner.invoke(app, args, env={"COLUMNS": "100"})
    keep = needed(args, environ={})
    assert keep is not None
    trim = runner.invoke(trimmed(app, keep), args, env={"COLUMNS": "100"})
    assert full.exit_code == trim.exit_code == 0
    assert trim.output == full.output


def test_which_command_is_built() -> None:
    assert needed([], {}) == needed(["--help"], {}) == needed(["-h"], {}) == ""
    assert needed(["report", "2027", "--help"], {}) == "report"
    assert needed(["people", "check"], {}) == "people"
    assert needed(["--version"], {}) is None
    # shell completion reads its words from the environment: the whole application
    assert needed([], {"_PTFCAL_COMPLETE": "complete_bash"}) is None


def test_the_command_line_lists_every_command_in_french() -> None:
    result = run_ptfcal("--help", env={"COLUMNS": "100"})
    assert result.code == 0
    assert result.out.startswith("Utilisation : ptfcal [OPTIONS] COMMAND [ARGS]...")
    assert "Commandes :" in result.out
    for name in ("generate", "agenda", "minutes", "report", "people", "holiday", "login"):
        assert f"  {name} " in result.out
    sub = run_ptfcal("report", "--help", env={"COLUMNS": "100"})
    assert sub.code == 0 and "--programme" in sub.out


def test_a_mistyped_command_is_still_named_with_a_suggestion() -> None:
    result = run_ptfcal("movee", "x")
    assert result.code == 2
    assert "movee" in result.err and "move" in result.err
