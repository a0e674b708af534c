"""`ptfcal plan` (issue 13): a solver's proposal that the checker accepts, the smallest repair
around a pin, impossible pins explained with the texts' words, the same plan on every run, and
`ptfcal circular`, the Ministry's harmonised calendar of reviews read from a spreadsheet."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import CONFIG, edit, run_ptfcal
from tests.test_record import ptfcal, tree

SAMPLE = CONFIG.parent / "docs" / "circulaire-2021-sample.csv"
PLACEHOLDERS = "placeholders: [gt-gd-meeting, sector-review, credd-subgroup-meeting]"


def with_placeholders(config: Path) -> Path:
    edit(config / "ptfcal.yaml", "placeholders: []", PLACEHOLDERS)
    return config


def findings(config: Path, year: int) -> dict[str, list[dict]]:
    out = run_ptfcal("check", str(year), "--format", "json", "--config", str(config)).out
    found: dict[str, list[dict]] = {"error": [], "warning": [], "info": []}
    for f in json.loads(out)["findings"]:
        found[f["severity"]].append(f)
    return found


def test_the_2021_placeholders_leave_nothing_to_plan(config_copy: Path) -> None:
    """Switched on together, the placeholders share 2021 by themselves (issue 19 item 8): the
    GD CRZPC of May no longer sits on the GEC moved to the 13th, nothing for plan to clear."""
    config = with_placeholders(config_copy)
    before = findings(config, 2021)
    assert before["error"] == [] and before["warning"] == []
    doc = json.loads(ptfcal(config, "plan", "2021", "--format", "json").out)
    assert doc["status"] == "optimal" and doc["moves"] == []


def test_the_2020_plan_with_placeholders_checks_clean_and_undoes_byte_for_byte(
        config_copy: Path) -> None:
    config = with_placeholders(config_copy)
    start = tree(config)
    before = findings(config, 2020)
    assert before["error"] == [] and before["warning"], "the unplanned year has warnings"
    # the year's warnings are the estimates' (C-GEN-7, the five tripartite coordinations of
    # 5 November next to the Baptême estimated on the 4th): they flag, plan moves nothing
    assert json.loads(ptfcal(config, "plan", "2020", "--format", "json").out)["moves"] == []
    # a pin makes a plan to write: the GEC on the coordinators' Tuesday, who give way
    doc = json.loads(ptfcal(config, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08",
                            "--write", "--format", "json").out)
    assert doc["version"] == 1 and doc["year"] == 2020
    assert doc["status"] in ("optimal", "feasible")
    # check also asks, on the day it runs, to confirm the past estimates (C-GEN-10): no date
    # of the plan can change that
    def dated(found):
        return [f for f in found["warning"] if f["rule"] != "C-GEN-10"]

    assert doc["before"]["warning"] == len(dated(before))
    assert doc["after"]["error"] == 0
    # the pinned GEC off its rule date (C-GEC-1) is the one warning more
    assert doc["after"]["warning"] == doc["before"]["warning"] + 1
    assert doc["moves"] and all({"ref", "uid", "from", "to", "reasons"} <= set(m)
                                for m in doc["moves"])
    # what check sees after --write is what the proposal said
    after = findings(config, 2020)
    assert after["error"] == []
    assert len(dated(after)) == doc["after"]["warning"]
    # every move kept its UID, recorded as a planned date
    events = json.loads(ptfcal(config, "events", "2020", "--format", "json").out)
    by_uid = {e["uid"]: e for e in events["occurrences"]}
    for m in doc["moves"]:  # a pin is the secretariat's date: recorded confirmed
        assert by_uid[m["uid"]]["date"] == m["to"], m
        assert by_uid[m["uid"]]["status"] == ("confirmed" if m["pinned"] else "planned"), m
    text = (config / "years" / "2020.yaml").read_text(encoding="utf-8")
    assert text.count("planned: true") == len([m for m in doc["moves"] if not m["pinned"]])
    result = ptfcal(config, "undo")
    assert "2020" in result.out
    assert tree(config) == start


def test_the_same_plan_on_every_run() -> None:
    runs = []
    for seed in ("1", "2"):  # two processes, two hash seeds: nothing depends on set order
        result = run_ptfcal("plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08",
                            "--format", "json", "--config", str(CONFIG), process=True,
                            env={"PYTHONHASHSEED": seed})
        assert result.code == 0, result.err
        doc = json.loads(result.out)
        doc.pop("seconds")
        runs.append(doc)
    assert runs[0] == runs[1]


def test_the_2020_placeholders_keep_to_the_new_architecture(config_copy: Path) -> None:
    config = with_placeholders(config_copy)
    # the GD PSSAN placeholder spread on the reform day, taken by the enlarged GEC of 17 June:
    # the scheduler moves it to a later day (before the 17th it would belong to the old
    # architecture, C-ARCH-1; the 18th is the RBC's), its reference unchanged
    events = json.loads(ptfcal(config, "events", "2020", "--type", "gt-gd-meeting",
                               "--body", "gd-pssan", "--format", "json").out)
    (june,) = [o for o in events["occurrences"] if o["ref"] == "gt-gd-meeting.gd-pssan@2020-06"]
    assert (june["planned"], june["date"]) == ("2020-06-17", "2020-06-19")
    doc = json.loads(ptfcal(config, "plan", "2020", "--format", "json").out)
    assert doc["before"]["error"] == 0 and doc["after"]["error"] == 0
    assert "gt-gd-meeting.gd-pssan@2020-06" not in {m["ref"] for m in doc["moves"]}


def test_a_date_to_confirm_is_flagged_never_moved(config_copy: Path) -> None:
    """A rule date next to an estimated Islamic holiday is published « à confirmer selon
    l'annonce de la fête » and listed by check (C-GEN-7); plan does not move it on the
    estimate (issue 19 item 9): not the 10 March 2027 GEC even when freed, not the five
    tripartite coordinations of Thursday 4 May 2028 (Tabaski estimated on Friday the 5th),
    which plan used to move to Wednesday the 3rd."""
    for year, extra, flagged in (
            (2027, ("--free", "gec-monthly"), [("gec-monthly.gec.20270310", "2027-03-10")]),
            (2028, (), [(f"gt-ptf-coordination.{gt}.20280504", "2028-05-04") for gt in (
                "gt-ptf-1-economie", "gt-ptf-2-capital-humain", "gt-ptf-3-gouvernance",
                "gt-ptf-4-paix-securite", "gt-ptf-5-environnement")])):
        warned = findings(config_copy, year)["warning"]
        near = sorted((f["events"][0].split("@")[0], f["dates"][0]) for f in warned
                      if f["rule"] == "C-GEN-7")
        assert near == sorted(flagged)
        doc = json.loads(ptfcal(config_copy, "plan", str(year), *extra, "--format",
                                "json").out)
        assert doc["status"] == "optimal" and doc["moves"] == [], doc["moves"]
        assert doc["after"]["warning"] == doc["before"]["warning"]


def test_a_pin_moves_only_what_must_move(config_copy: Path) -> None:
    start = tree(config_copy)
    # the example: the June 2020 GEC is already recorded on the 17th
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-06=2020-06-17")
    assert "aucun déplacement" in result.out and "Rien à déplacer" in result.out
    # the September GEC pinned on the coordinators' Tuesday: they give way (to the GEC's
    # Wednesday: as near their rule date as the Monday, and later), nothing else moves
    doc = json.loads(ptfcal(config_copy, "plan", "2020", "--pin",
                            "gec-monthly@2020-09=2020-09-08", "--format", "json").out)
    assert doc["status"] == "optimal"
    assert [(m["ref"], m["from"], m["to"], m["pinned"]) for m in doc["moves"]] == [
        ("gec-monthly@2020-09", "2020-09-09", "2020-09-08", True),
        ("gt-coordinators-meeting@2020-09", "2020-09-08", "2020-09-09", False),
    ]
    assert doc["after"]["error"] == 0
    text = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08").out
    assert "fait place, le mardi 8 septembre 2020, à : Réunion mensuelle du GEC" in text
    assert "épinglée au mardi 8 septembre 2020 (--pin)" in text
    assert tree(config_copy) == start  # without --write nothing is written


def test_impossible_pins_name_the_rules_with_their_quotes(config_copy: Path) -> None:
    start = tree(config_copy)
    pin = ("--pin", "credd-review-technical@2020-06=2020-06-17")
    result = ptfcal(config_copy, "plan", "2020", *pin, "--write", code=1)
    assert "Aucun calendrier 2020 ne respecte ensemble ces règles" in result.out
    assert "C-CREDD-2 : Au moins trois jours entre la session technique et la session " \
           "politique" in result.out
    assert "« espacées d'au moins trois jours »" in result.out
    assert "mercredi 17 juin 2020, jeudi 18 juin 2020" in result.out
    assert tree(config_copy) == start
    doc = json.loads(ptfcal(config_copy, "plan", "2020", *pin, "--format", "json",
                            code=1).out)
    assert doc["status"] == "infeasible" and doc["moves"] == []
    assert [(c["rule"], c["dates"]) for c in doc["conflicts"]] == [
        ("C-CREDD-2", ["2020-06-17", "2020-06-18"]), ("pin", ["2020-06-17"])]
    # and in English
    english = ptfcal(config_copy, "plan", "2020", *pin, "--lang", "en", code=1).out
    assert "No 2020 calendar keeps these rules together" in english


def test_bad_pins_and_types_are_located_errors(config_copy: Path) -> None:
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-06", code=2)
    assert "--pin gec-monthly@2020-06 : attendu RÉFÉRENCE=AAAA-MM-JJ" in result.err
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-mensuel@2020-06=2020-06-10",
                    code=2)
    assert "« gec-mensuel » n'est pas un type de réunion" in result.err
    result = ptfcal(config_copy, "plan", "2020", "--free", "gec", code=2)
    assert "--free gec : ce n'est pas un type de réunion" in result.err


def test_plan_without_the_solver_says_how_to_install_it(tmp_path: Path) -> None:
    fake = tmp_path / "site" / "ortools"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("", encoding="utf-8")  # no sat.python inside
    result = run_ptfcal("plan", "2020", "--config", str(CONFIG), process=True,
                        env={"PYTHONPATH": str(tmp_path / "site")})
    assert result.code == 2, (result.out, result.err)
    assert "pip install 'ptfcal[plan]'" in result.err


def test_generate_never_imports_the_solver(tmp_path: Path) -> None:
    code = ("import sys\nfrom ptfcal.cli import main\n"
            f"sys.argv = ['ptfcal', 'generate', '2020', '--out', {str(tmp_path / 'o')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('ortools' in {m.split('.')[0] for m in sys.modules})")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "False", out
    assert (tmp_path / "o" / "2020" / "all.ics").is_file()  # generate did run (--out)


# --- the circular ---------------------------------------------------------------------------


def test_the_circular_sample_imports_then_is_already_recorded(config_copy: Path) -> None:
    start = tree(config_copy)
    dry = ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE), "--issued",
                 "2021-01-08", "--dry-run")
    assert "Aperçu, rien n'est écrit : Circulaire 2021 : 13 revues." in dry.out
    assert tree(config_copy) == start
    done = ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE), "--issued",
                  "2021-01-08")
    assert "Enregistré : Circulaire 2021 : 13 revues." in done.out
    events = json.loads(ptfcal(config_copy, "events", "2021", "--type", "sector-review",
                               "--format", "json").out)["occurrences"]
    assert len(events) == 12  # the eleven CPS, CPS Santé twice (Développement social)
    sante = [e for e in events if e["ref"].startswith("sector-review.cps-sante-dspf")]
    assert [e["date"] for e in sante] == ["2021-03-02", "2021-03-05"]
    circular = json.loads(ptfcal(config_copy, "events", "2021", "--type",
                                 "harmonised-calendar-circular", "--format", "json").out)
    assert circular["occurrences"][0]["date"] == "2021-01-08"
    again = ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE), "--issued",
                   "2021-01-08")
    assert "déjà enregistrées telles quelles" in again.out
    assert findings(config_copy, 2021)["error"] == []
    # the reviews are recorded facts: the plan places the rest around them, never moves them
    doc = json.loads(ptfcal(config_copy, "plan", "2021", "--format", "json").out)
    assert not [m for m in doc["moves"] if m["ref"].startswith("sector-review")]
    ptfcal(config_copy, "undo")
    assert tree(config_copy) == start


def test_a_review_on_30_april_is_recorded_with_the_decrees_words(config_copy: Path,
                                                                  tmp_path: Path) -> None:
    late = tmp_path / "circulaire.csv"
    late.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        "15/04/2021;15/04/2021", "30/04/2021;30/04/2021"), encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(late))
    assert "circulaire.csv:12 : C-SR-1 CPS Coopération-Intégration le vendredi 30 avril " \
           "2021, au-delà de la limite : avant le 30 avril" in result.out
    assert "« Les revues sectorielles se tiennent impérativement avant le 30 avril »" \
        in result.out
    assert "Enregistré : Circulaire 2021 : 13 revues." in result.out
    ptfcal(config_copy, "undo")
    lenient = ptfcal(config_copy, "circular", "2021", "--from", str(late), "--lenient")
    assert "Enregistrées avec 1 avertissement (--lenient" in lenient.out
    assert "Enregistré : Circulaire 2021 : 13 revues." in lenient.out


def test_circular_rows_that_cannot_be_read_are_located(config_copy: Path,
                                                       tmp_path: Path) -> None:
    bad = tmp_path / "c.csv"
    bad.write_text("Secteur;Premier jour;Dernier jour;Lieu\nCPS Tourisme;02/03/2021;;\n"
                   "Santé;31/02/2021;;\nÉducation;12/03/2021;11/03/2021;\n",
                   encoding="cp1252")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(bad), code=2)
    assert "c.csv:2, colonne « Secteur » : « CPS Tourisme » ne désigne aucune CPS" in result.err
    assert "c.csv:3, colonne « Premier jour » : 31/02/2021 n'est pas une date" in result.err
    assert "c.csv:4, colonne « Dernier jour » : le dernier jour (jeudi 11 mars 2021) précède " \
           "le premier" in result.err
    headers = tmp_path / "h.csv"
    headers.write_text("Ministère,Date\nSanté,2021-03-02\n", encoding="utf-8")
    result = ptfcal(config_copy, "circular", "2021", "--from", str(headers), code=2)
    assert "h.csv:1 : colonnes attendues « Secteur », « Premier jour »" in result.err


def test_pins_on_cancelled_or_twice_and_broken_csvs_are_refused(config_copy: Path,
                                                                 tmp_path: Path) -> None:
    ptfcal(config_copy, "cancel", "gec-monthly@2020-09")
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-15",
                    code=2)
    assert "cette occurrence est annulée" in result.err
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-10=2020-10-07",
                    "--pin", "gec-monthly@2020-10=2020-10-21", code=2)
    assert "déjà épinglée" in result.err
    broken = tmp_path / "c.csv"
    broken.write_bytes("Secteur;Premier jour\nCPS Santé;02/03/2021\rxx\n".encode())
    result = ptfcal(config_copy, "circular", "2021", "--from", str(broken), code=2)
    # a stray carriage return ends a line, as a spreadsheet would read it: located
    assert "c.csv:3, colonne « Secteur » : « xx » ne désigne aucune CPS" in result.err
    result = ptfcal(config_copy, "circular", "2021", "--from", str(SAMPLE), "--issued",
                    "2021-1-5", code=2)
    assert "date de la circulaire 2021-1-5" in result.err


# --- hardening (issue 20, items 9 and 11) ------------------------------------------------------


def test_a_proposal_made_on_a_configuration_changed_since_is_never_written(
        config_copy: Path) -> None:
    """Issue 20, item 9: a day off declared (or a `move`) while the solver ran; the proposal
    puts the September GEC on that very day. Written today; refused now, nothing written."""
    from ptfcal.cli.planning import _record
    from ptfcal.cli.recording import _load
    from ptfcal.errors import InputError
    from ptfcal.plan.proposal import Request, propose

    request = Request(2020, pins=(("gec-monthly@2020-09", date(2020, 9, 8)),))
    proposal = propose(config_copy, _load, request)
    assert [(m.ref, m.after) for m in proposal.moves][0] == ("gec-monthly@2020-09",
                                                             date(2020, 9, 8))
    ptfcal(config_copy, "holiday", "add", "2020-09-08", "--name", "Deuil national")
    start = tree(config_copy)
    with pytest.raises(InputError) as refused:
        _record(config_copy, proposal)
    assert "La configuration a changé pendant le calcul de la proposition ; relancez " \
           "« ptfcal plan »." in refused.value.text.fr
    assert tree(config_copy) == start
    ptfcal(config_copy, "undo")  # back as it was: the same proposal is written
    _record(config_copy, proposal)
    assert "2020-09-08" in (config_copy / "years" / "2020.yaml").read_text(encoding="utf-8")


def test_plan_output_writes_the_text_and_effort_must_be_a_number(config_copy: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    result = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08",
                    "--output", str(out))
    assert result.out == ""
    assert f"Proposition écrite dans {out}" in result.err
    assert out.read_text(encoding="utf-8").startswith(
        "Proposition pour 2020 : 2 déplacements (optimale)\n")
    # its own proposal is replaced by the next one (the ledger of written files) ...
    first = out.read_bytes()
    ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08",
           "--output", str(out), "--format", "json")
    assert out.read_bytes() != first and out.read_text(encoding="utf-8").startswith("{")
    # ... a file edited since is not: exit 2, its bytes kept
    out.write_bytes(b"mes notes\n")
    refused = ptfcal(config_copy, "plan", "2020", "--pin", "gec-monthly@2020-09=2020-09-08",
                     "--output", str(out), code=2)
    assert "ptfcal ne l'écrase pas et rien n'est écrit" in refused.err
    assert out.read_bytes() == b"mes notes\n"
    for bad in ("nan", "NaN", "inf", "-1"):
        result = ptfcal(config_copy, "plan", "2020", "--effort", bad, code=2)
        assert "--effort" in result.err
