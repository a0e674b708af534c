"""Output that fits a terminal (issue 19 item 2): at 80 columns, and in a pipe, the references
the README tells the user to copy are never cut, and generate's tables become lists."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import edit, run_ptfcal


def test_every_reference_of_the_year_is_shown_in_full_at_80_columns(config_copy) -> None:
    config = ("--config", str(config_copy))
    doc = json.loads(run_ptfcal("events", "2027", "--format", "json", *config).out)
    refs = [o["ref"] for o in doc["occurrences"]]
    assert len(refs) > 80 and "gd-annual-priorities.gd-autonomisation-femmes@2027-01" in refs
    for env in ({"COLUMNS": "80"}, {"COLUMNS": "60"}):
        result = run_ptfcal("events", "2027", *config, env=env)
        assert result.code == 0, result.err
        lines = result.out.splitlines()
        assert "…" not in result.out
        for ref in refs:
            assert ref in lines, ref  # on a line of its own, whole
        assert max(len(line) for line in lines) <= int(env["COLUMNS"])
    # a real pipe, no COLUMNS: the same list
    piped = run_ptfcal("events", "2027", *config, env={"COLUMNS": ""}, process=True)
    assert piped.code == 0 and all(ref in piped.out.splitlines() for ref in refs)
    # wide: the table, every reference in full too
    wide = run_ptfcal("events", "2027", *config, env={"COLUMNS": "160"})
    assert "┃ Référence" in wide.out and all(ref in wide.out for ref in refs)


def test_generate_lists_its_changes_at_80_columns_without_cutting_a_title(
        tmp_path: Path, config_copy) -> None:
    out = tmp_path / "out"
    config = ("--config", str(config_copy), "--out", str(out), "--as-of", "2020-07-01")
    assert run_ptfcal("generate", "2020", *config).code == 0
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    preview = run_ptfcal("generate", "2020", *config, "--dry-run", env={"COLUMNS": "80"})
    assert preview.code == 0, preview.err
    text = preview.out
    assert "…" not in text and "┃" not in text.split("Changements pour les abonnés")[1]
    assert "• déplacé\n  Date : jeu. 18 juin 09:00\n  Événement : Réunion mensuelle du GEC\n" \
        in text
    assert max(len(line) for line in text.splitlines()) <= 80
    # what a dry run would write is not said to be written
    assert "à écrire dans" in text and "écrits dans" not in text
    wide = run_ptfcal("generate", "2020", *config, "--dry-run", env={"COLUMNS": "120"})
    assert "┃ Changement" in wide.out and "Réunion mensuelle du GEC" in wide.out
    # the dates moved off a weekend: a list too
    shifts = run_ptfcal("generate", "2027", *config, "--dry-run", env={"COLUMNS": "80"}).out
    moved = shifts.split("Dates déplacées (week-end ou jour férié)\n")[1]
    assert moved.startswith("• Échéance : priorités annuelles du Groupe de Dialogue au GT PTF "
                            "(×16)\n  Date prévue : dim. 31 janv.\n  Nouvelle date : ven. 29 "
                            "janv.\n  Motif : week-end\n")
    assert "…" not in shifts and max(len(line) for line in shifts.splitlines()) <= 80


def test_the_ids_to_use_are_listed_whole_at_80_columns(config_copy) -> None:
    from ptfcal.config import load
    from ptfcal.record import listing

    model = load(config_copy)
    for what in ("types", "bodies", "institutions"):
        result = run_ptfcal("list", what, "2027", "--config", str(config_copy),
                            env={"COLUMNS": "80"})
        assert result.code == 0, result.err
        lines = result.out.splitlines()
        for row in listing.ids(model, what, 2027):  # a line of its own, or a whole cell
            assert row.ident in lines or f"│ {row.ident} " in result.out, (what, row.ident)
        assert max(len(line) for line in lines) <= 80
