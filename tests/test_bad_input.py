"""Issue 20, item 10: bad input from the command line is a located message and exit 2, never
an internal error (exit 70): dates far outside the years ptfcal schedules, a standard output
that cannot encode French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CONFIG, run_ptfcal
from tests.test_convene import register

RANGE = "de 1990 à 2200 / an existing date written YYYY-MM-DD, 1990 to 2200"


@pytest.mark.parametrize(("args", "where"), [
    (("add", "gec-extraordinary", "--on", "0001-01-01"), "--on"),
    (("add", "gec-extraordinary", "--on", "9999-12-31"), "--on"),
    (("holiday", "add", "0001-01-02", "--name", "Fête"), "DATE"),
    (("move", "gec-monthly@2020-06-10", "--to", "9999-12-31"), "--to"),
    (("check", "2020", "--as-of", "9999-12-31"), "--as-of"),
    (("generate", "2020", "--as-of", "0001-01-01", "--dry-run"), "--as-of"),
    (("invite", "2020", "--as-of", "9999-12-31", "--due", "21d", "--organizer",
      "seg@example.org"), "--as-of"),
])
def test_dates_outside_the_scheduled_years_are_refused(config_copy: Path, args,
                                                       where: str) -> None:
    register(config_copy)
    before = sorted((p.relative_to(config_copy).as_posix(), p.read_bytes())
                    for p in config_copy.rglob("*") if p.is_file() and p.name != ".ptfcal.lock")
    result = run_ptfcal(*args, "--config", str(config_copy))
    assert result.code == 2, (result.code, result.err)
    assert f"valeur invalide pour {where} : une date qui existe, écrite AAAA-MM-JJ, {RANGE}" \
        in result.err
    assert "erreur interne" not in result.err
    after = sorted((p.relative_to(config_copy).as_posix(), p.read_bytes())
                   for p in config_copy.rglob("*") if p.is_file() and p.name != ".ptfcal.lock")
    assert after == before


@pytest.mark.parametrize("ref", ["gec-monthly@0001-01-01", "gec-monthly@9999-12"])
def test_references_outside_the_scheduled_years_are_refused(config_copy: Path, ref) -> None:
    result = run_ptfcal("move", ref, "--to", "2020-06-12", "--config", str(config_copy))
    assert result.code == 2, result.err
    assert "n'est pas une date ou un mois qui existe, de 1990 à 2200" in result.err


def test_the_edges_of_the_range_are_dates_like_any_other(config_copy: Path) -> None:
    result = run_ptfcal("add", "gec-extraordinary", "--on", "2200-12-31", "--dry-run",
                        "--config", str(config_copy))
    assert result.code == 0, result.err
    assert "le mercredi 31 décembre 2200" in result.out


def test_an_output_that_cannot_encode_french_gets_question_marks_and_a_note() -> None:
    """`PYTHONIOENCODING=ascii ptfcal check 2020` stopped with exit 70 halfway through the
    report. The report is now whole, each character ascii cannot write a '?', with the same
    exit code, and a note on stderr says so once."""
    plain = run_ptfcal("check", "2020", "--config", str(CONFIG), process=True)
    ascii_ = run_ptfcal("check", "2020", "--config", str(CONFIG), process=True,
                        env={"PYTHONIOENCODING": "ascii"})
    assert ascii_.code == plain.code == 0
    assert "erreur interne" not in ascii_.err
    assert ascii_.out == plain.out.encode("ascii", "replace").decode("ascii")
    # every character the streams cannot write, stdout's and stderr's (the configuration's
    # line), is counted in the note
    replaced = sum(1 for c in plain.out + plain.err if ord(c) > 127)
    assert ascii_.err.splitlines()[-1] == (
        f"note : la sortie (ascii) ne peut pas ?crire certains caract?res, {replaced} "
        f"remplac?s par un point d'interrogation ; PYTHONIOENCODING=utf-8 les garde / the output "
        f"(ascii) cannot write some characters, {replaced} replaced by a question mark; "
        f"PYTHONIOENCODING=utf-8 keeps them")
    # an error message too, with its exit code
    bad = run_ptfcal("validate", "--config", str(CONFIG / "nowhere"), process=True,
                     env={"PYTHONIOENCODING": "ascii"})
    assert bad.code == 2 and "ce n'est pas un dossier de configuration" in bad.err


def test_ids_have_a_length_cap_on_the_command_line_and_at_load(config_copy: Path) -> None:
    """Issue 20, item 11: a 100 KB `--key` was accepted, and copied into every UID, feed and
    state entry of the event (a year's publication grew from 7.8 to 20 MB)."""
    long_key = "a" * 100_000
    result = run_ptfcal("add", "gec-extraordinary", "--on", "2020-09-15", "--key", long_key,
                        "--config", str(config_copy))
    assert result.code == 2, result.err
    assert "valeur invalide pour --key : un identifiant de 64 caractères au plus : minuscules, " \
           "chiffres et « - » (celui-ci en a 100000)" in result.err
    assert len(result.err) < 2_000  # the value is not echoed whole
    assert "gec-extraordinary" not in (config_copy / "years" / "2020.yaml").read_text(
        encoding="utf-8")
    assert run_ptfcal("add", "gec-extraordinary", "--on", "2020-09-15", "--key", "x" * 64,
                      "--config", str(config_copy)).code == 0
    # written by hand: refused at load, located
    path = config_copy / "years" / "2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"' + "x" * 64 + '"',
                                                               '"' + "x" * 65 + '"'),
                    encoding="utf-8")
    loaded = run_ptfcal("validate", "--config", str(config_copy))
    assert loaded.code == 2
    assert re.search(r"years/2020\.yaml:\d+:\d+: events\[\d+\]\.key: 'x{57}\.\.\.' : un "
                     r"identifiant de 64 caractères au plus \(celui-ci en a 65\)", loaded.err), \
        loaded.err
