"""`ptfcal circular` as reality (issue 19, item 6; issue 20, items 7 and 11): every row that can
be read is recorded, a row breaking the decree with its finding shown and refused only with
--strict, a row that cannot be read named by its line and column (with a suggestion), a CPS
holding one review per sector it covers, the Ministry of Finance's own review, a stray quote that
would swallow the rows after it refused, and the errors reported capped."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CONFIG, bundled_model, run_ptfcal
from tests.test_record import ptfcal, tree

SAMPLE = CONFIG.parent / "docs" / "circulaire-2021-sample.csv"
HEAD = "Secteur;Premier jour;Dernier jour;Lieu;Note\n"


def lines() -> list[str]:
    """The sample's rows (its header first), without their line ends."""
    return SAMPLE.read_bytes().decode("utf-8").split("\r\n")[:-1]


def reviews(config: Path, year: int = 2021) -> list[dict]:
    out = []
    for type_id in ("sector-review", "public-finance-review"):
        out += json.loads(ptfcal(config, "events", str(year), "--type", type_id,
                                 "--format", "json").out)["occurrences"]
    return out


def test_two_reviews_of_one_cps_a_row_on_5_may_and_a_misspelt_cps(config_copy: Path,
                                                                   tmp_path: Path) -> None:
    """Issue 19's « done when »: recorded whole, the 5 May row as C-SR-1, a suggestion for the
    misspelt name; rerun, nothing changes."""
    circular = tmp_path / "circulaire.csv"
    circular.write_text(HEAD + "CPS Santé;02/03/2021;03/03/2021;Bamako, CICB;\n"
                        "Développement social;10/03/2021;10/03/2021;Bamako;\n"
                        "CPS Justice;05/05/2021;05/05/2021;Bamako;\n"
                        "PAGAM;23/03/2021;;Bamako, MEF;\n"
                        "CPS Educaton;11/03/2021;;Bamako;\n", encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(circular), code=2)
    assert "ÉCARTS AU DÉCRET, enregistrés tels que la circulaire les donne : 1 erreur " \
           "(« --strict » les refuse) :" in result.out
    assert "circulaire.csv:4 : C-SR-1 CPS Justice le mercredi 5 mai 2021, au-delà de la " \
           "limite : avant le 30 avril" in result.out
    assert "Enregistré : Circulaire 2021 : 4 revues." in result.out
    assert "circulaire.csv:6, colonne « Secteur » : « CPS Educaton » ne désigne aucune CPS " \
           "ni secteur ; vouliez-vous dire « CPS Éducation » ?" in result.err
    assert "Lignes illisibles, non enregistrées (1)" in result.err
    found = {(e["ref"].split("@")[0], e["date"], e["title"]["fr"])
             for e in reviews(config_copy)}
    assert found == {
        ("sector-review.cps-sante-dspf", "2021-03-02", "Revue sectorielle — CPS Santé"),
        ("sector-review.cps-sante-dspf", "2021-03-10",
         "Revue sectorielle — Développement Social (CPS Santé)"),
        ("sector-review.cps-justice", "2021-05-05", "Revue sectorielle — CPS Justice"),
        ("public-finance-review", "2021-03-23", "Revue de la réforme des finances publiques")}
    check = json.loads(ptfcal(config_copy, "check", "2021", "--format", "json",
                              code=1).out)["findings"]
    assert [f["rule"] for f in check if f["severity"] == "error"] == ["C-SR-1"]
    assert "C-SR-3" not in {f["rule"] for f in check}  # one review per sector, not per CPS
    start = tree(config_copy)
    again = ptfcal(config_copy, "circular", "2021", "--from", str(circular), code=2)
    assert "déjà enregistrées telles quelles" in again.out
    assert tree(config_copy) == start


def test_strict_refuses_the_whole_circular_and_lenient_keeps_its_meaning(
        config_copy: Path, tmp_path: Path) -> None:
    rows = lines()
    rows[11] = rows[11].replace("15/04/2021;15/04/2021", "30/04/2021;30/04/2021")
    late = tmp_path / "circulaire.csv"
    late.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    start = tree(config_copy)
    refused = ptfcal(config_copy, "circular", "2021", "--from", str(late), "--strict", code=1)
    assert "Refusé (--strict), rien n'est écrit : 1 refus" in refused.out
    assert "« Les revues sectorielles se tiennent impérativement avant le 30 avril »" \
        in refused.out
    assert tree(config_copy) == start
    lenient = ptfcal(config_copy, "circular", "2021", "--from", str(late), "--strict",
                     "--lenient")
    assert "Enregistrées avec 1 avertissement (--lenient" in lenient.out
    assert "Enregistré : Circulaire 2021 : 13 revues." in lenient.out
    ptfcal(config_copy, "undo")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + "CPS Santé;02/03/2021;;;\nCPS Tourisme;03/03/2021;;;\n",
                   encoding="utf-8")
    refused = ptfcal(config_copy, "circular", "2021", "--from", str(bad), "--strict", code=2)
    assert "Refusé (--strict), rien n'est écrit : lignes illisibles (1)" in refused.err
    assert "bad.csv:3, colonne « Secteur » : « CPS Tourisme »" in refused.err
    assert tree(config_copy) == start


def test_a_circular_issued_after_15_january_is_recorded_with_c_circ_1(
        config_copy: Path) -> None:
    result = ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE), "--issued",
                    "2021-01-20")
    assert "circulaire-2021-sample.csv:--issued : C-CIRC-1 circulaire datée du mercredi " \
           "20 janvier 2021, au-delà de la limite : avant le 15 janvier" in result.out
    assert "Enregistré : Circulaire 2021 : 13 revues." in result.out
    circular = json.loads(ptfcal(config_copy, "events", "2021", "--type",
                                 "harmonised-calendar-circular", "--format", "json").out)
    assert circular["occurrences"][0]["date"] == "2021-01-20"


def test_a_new_circular_moves_the_recorded_reviews_with_their_uids(config_copy: Path,
                                                                  tmp_path: Path) -> None:
    ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE))
    before = {e["uid"] for e in reviews(config_copy)}
    assert len(before) == 13
    rows = lines()
    rows[1] = rows[1].replace("02/03/2021;03/03/2021", "09/03/2021;09/03/2021")
    second = tmp_path / "circulaire-2.csv"
    second.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    ptfcal(config_copy, "circular", "2021", "--from", str(second))
    after = {e["uid"]: e["date"] for e in reviews(config_copy)}
    assert set(after) == before
    assert after["sector-review.cps-sante-dspf.20210302@ptfcal.ptf-mali"] == "2021-03-09"


def test_one_stray_quote_no_longer_swallows_the_rest(config_copy: Path,
                                                      tmp_path: Path) -> None:
    """Issue 20, item 7: today an LF-ended file with one unbalanced quote records 2 reviews of
    11, the nine others in the « Lieu » of the second."""
    start = tree(config_copy)
    rows = lines()
    rows[2] = rows[2].replace("Bamako, ministère", '"Bamako, ministère')
    stray = tmp_path / "stray.csv"
    stray.write_bytes(("\n".join(rows) + "\n").encode())
    result = ptfcal(config_copy, "circular", "2021", "--from", str(stray), code=2)
    assert "stray.csv:3, colonne « Lieu » : le guillemet ouvert ici n'est jamais refermé ; " \
           "un guillemet de trop ? Lignes lues avant elle : 1 ; rien n'est enregistré" \
        in result.err
    # closed lines later: the same, with the line it closes on; CRLF ends are no excuse
    rows[6] += ';"'
    stray.write_bytes(("\r\n".join(rows) + "\r\n").encode())
    result = ptfcal(config_copy, "circular", "2021", "--from", str(stray), code=2)
    assert "stray.csv:3, colonne « Lieu » : le guillemet ouvert ici n'est refermé que ligne 7" \
        in result.err
    assert tree(config_copy) == start


def test_an_excel_cell_over_two_lines_is_one_cell(config_copy: Path, tmp_path: Path) -> None:
    """Excel (Alt+Enter) ends its rows with CRLF and puts a bare LF inside a quoted cell."""
    rows = lines()
    rows[1] = rows[1].replace("Bamako, CICB", '"Bamako\nCICB"')
    excel = tmp_path / "excel.csv"
    excel.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    result = ptfcal(config_copy, "circular", "2021", "--from", str(excel))
    assert "Enregistré : Circulaire 2021 : 13 revues." in result.out
    assert 'location: "Bamako CICB"' in (config_copy / "years" / "2021.yaml").read_text(
        encoding="utf-8")


def test_cell_errors_name_the_csv_never_the_yaml_being_written(config_copy: Path,
                                                                tmp_path: Path) -> None:
    bad = tmp_path / "c.csv"
    bad.write_text(HEAD + "CPS Santé;02/03/2021;;Bamako\x0cCICB;\n"
                   "CPS Justice;30/03/2021;;Bamako;" + "x" * 2001 + "\n", encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(bad), code=2)
    assert "c.csv:2, colonne « Lieu » : un caractère de contrôle, ou plus de 2000 caractères" \
        in result.err
    assert "c.csv:3, colonne « Note » : un caractère de contrôle" in result.err
    assert "years/2021.yaml" not in result.err


def test_errors_are_capped(config_copy: Path, tmp_path: Path) -> None:
    """Issue 20, item 11: 170,000 bad rows gave 170,001 error lines."""
    bad = tmp_path / "c.csv"
    bad.write_text(HEAD + "CPS Tourisme;02/03/2021;;;\n" * 400, encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(bad), code=2)
    assert result.err.count("CPS Tourisme") == 50
    assert "… et 350 autres erreurs" in result.err
    huge = tmp_path / "huge.csv"
    huge.write_text(HEAD + "x;y\n" * 170_000, encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(huge), code=2)
    assert result.err.strip().splitlines()[-1] == "erreur : huge.csv : plus de 500 lignes ; " \
        "est-ce bien la circulaire ?"


# --- the circular, mutated at random (as tests/test_fuzz.py does the configuration) ------------

EXAMPLES = int(os.environ.get("PTFCAL_FUZZ_EXAMPLES", "40"))
TOKENS = ['"', '""', ";", ",", "\r", "\n", "\r\n", "\x00", "\x0c", "\t", "\ufeff", "é",
          "30/04/2021", "31/02/2021", "2021-05-05", "9999-12-31", "0/0/0", "CPS", "PAGAM",
          "Développement social", "Santé", "=HYPERLINK()", "x" * 3000, ";;;;;;;;", "'"]


@st.composite
def circulars(draw) -> bytes:
    """The sample with 1 to 4 edits: tokens inserted, a span deleted, a line repeated."""
    text = SAMPLE.read_bytes().decode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "insert", "delete", "repeat"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            line = text[:at].rsplit("\n", 1)[-1] + text[at:].split("\n", 1)[0]
            text = text[:at] + "\n" + line * draw(st.integers(1, 3)) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "cp1252"]))
    return text.encode(encoding, "replace")


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=circulars())
def test_a_mutated_circular_is_read_or_refused_with_its_line(data, tmp_path) -> None:
    from ptfcal.errors import InputError
    from ptfcal.plan import circular as circ

    path = tmp_path / "c.csv"
    path.write_bytes(data)
    try:
        reading = circ.read(path, bundled_model(), 2021)
    except InputError as exc:
        assert exc.text.fr.startswith("c.csv"), exc.text.fr
    else:
        for problem in reading.problems:
            assert re.match(r"c\.csv:\d+", problem.fr), problem.fr
        circ.review(reading.rows, bundled_model(), 2021, None, "c.csv")


@settings(max_examples=max(4, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=circulars())
def test_the_circular_command_never_gives_a_traceback(data, tmp_path) -> None:
    config = Path(tempfile.mkdtemp(dir=tmp_path)) / "config"
    shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = config.parent / "c.csv"
    path.write_bytes(data)
    result = run_ptfcal("circular", "2021", "--from", str(path), "--config", str(config))
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.code in (0, 1, 2), result.err
    if result.code == 2:
        assert re.search(r"c\.csv(:\d+)?[ ,]", result.err), result.err


def test_one_review_per_sector_a_year(config_copy: Path, tmp_path: Path) -> None:
    """C-SR-3 counts by sector (`by: sector`): CPS Santé's review and its Développement social
    review are one each; a second Développement social review is one too many."""
    twice = tmp_path / "c.csv"
    twice.write_text(HEAD + "Développement social;10/03/2021;;;\n", encoding="utf-8")
    ptfcal(config_copy, "circular", "2021", "--from", str(twice))
    ptfcal(config_copy, "add", "sector-review", "--body", "cps-sante-dspf", "--on",
           "2021-03-17", "--title", "Revue sectorielle — Développement Social (CPS Santé)")
    check = json.loads(ptfcal(config_copy, "check", "2021", "--format", "json").out)
    (extra,) = [f for f in check["findings"] if f["rule"] == "C-SR-3"]
    assert extra["message"].startswith("Revue sectorielle — Développement Social (CPS Santé) : "
                                       "2 réunions dans l'année 2021")


def test_a_review_on_a_day_off_is_refused_unless_allowed(config_copy: Path,
                                                         tmp_path: Path) -> None:
    """Issue 19, item 5, for the circular: a weekend or a public holiday as a review's date is
    a row not recorded (its line and column named) unless --allow-day-off."""
    off = tmp_path / "c.csv"
    off.write_text(HEAD + "CPS Santé;02/03/2021;;;\nCPS Justice;05/03/2021;06/03/2021;;\n"
                   "CPS Éducation;26/03/2021;;;\n", encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(off), "--dry-run", code=2)
    assert "Circulaire 2021 : 1 revue." in result.out
    assert "c.csv:3, colonne « Dernier jour » : samedi 6 mars 2021 est un jour de week-end ; " \
           "si c'est bien la date, relancez avec --allow-day-off" in result.err
    assert "c.csv:4, colonne « Premier jour » : vendredi 26 mars 2021 est un jour férié" \
        in result.err
    allowed = ptfcal(config_copy, "circular", "2021", "--from", str(off), "--allow-day-off")
    assert "c.csv:3 : Attention : samedi 6 mars 2021 est un jour de week-end (accepté avec " \
           "--allow-day-off)." in allowed.out
    assert "Circulaire 2021 : 3 revues." in allowed.out
