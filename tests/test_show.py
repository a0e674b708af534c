"""`ptfcal show`: golden outputs at 80 columns without colour, in French and English."""

from __future__ import annotations

import pytest

from tests.conftest import run_ptfcal

NARROW = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}

CASES = {
    "show-2020-06-fr.txt": ("show", "2020", "--month", "6"),
    "show-2020-06-en.txt": ("show", "2020", "--month", "6", "--lang", "en"),
    "show-2021-05-en.txt": ("show", "2021", "--month", "5", "--lang", "en"),
    "show-2020-fr.txt": ("show", "2020"),
    "show-2020-fao-list-fr.txt": ("show", "2020", "--institution", "fao", "--list"),
    "show-2020-gt-ptf-1-fr.txt": ("show", "2020", "--body", "gt-ptf-1-economie", "--month",
                                  "11"),
    "show-2021-joint-list-en.txt": ("show", "2021", "--level", "joint", "--list", "--lang",
                                    "en"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_show_golden(name: str, golden) -> None:
    result = run_ptfcal(*CASES[name], env=NARROW)
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "\x1b[" not in result.out  # no colour codes when piped or NO_COLOR
    golden(name, result.out)


def test_june_2020_shows_the_recorded_gec_the_rbc_and_the_technical_session() -> None:
    out = run_ptfcal("show", "2020", "--month", "6", env=NARROW).out
    grid = out.split("┌")[1]
    rows = grid.split("├")
    (week,) = [r for r in rows if "│15 " in r]
    assert "● GEC*!" in week  # the 17th: recorded, off the rule (flagged by the check)
    assert "■ RBC +" in week and "CREDD pol." in week  # the 18th, one combined event
    (before,) = [r for r in rows if "│8 " in r]
    assert "■ CREDD" in before and "tech." in before  # the 11th
    assert "mer. 17 juin │ 09:00–12:00 │ ● Réunion mensuelle du GEC" in out
    english = run_ptfcal("show", "2020", "--month", "6", "--lang", "en", env=NARROW).out
    assert english.startswith("PTF calendar — June 2020\n")
    assert "Wed 17 Jun │ 09:00–12:00 │ ● GEC monthly meeting" in english


def test_holidays_are_marked_and_named(golden) -> None:
    out = run_ptfcal("show", "2021", "--month", "5", env=NARROW).out
    assert "│12" in out and "férié" in out
    assert "12 mai : Journée de la Fête du Ramadan" in out
    # the 13th: moved off the holiday by the A-03 policy (*), nothing for check to say (no !)
    assert "● GEC*" in out and "● GEC*!" not in out


def test_unknown_filter_is_a_clear_error() -> None:
    result = run_ptfcal("show", "2020", "--body", "gec-mensuel")
    assert result.code == 2
    said, error = result.err.split("\n", 1)
    assert said.startswith("Configuration") and said.endswith("config") or "ptfcal init" in said
    assert error == "erreur : --body gec-mensuel : ce n'est pas une instance de la configuration\n"
