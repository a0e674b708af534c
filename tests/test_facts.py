"""Facts are facts (issue 19 items 3-5): what the secretariat records is an input to the
planner, a cancellation cancels one meeting and not those placed from it, and a day off given as
a date is refused unless the secretariat says it is meant."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_ptfcal
from tests.test_record import ptfcal, tree


def test_a_cancelled_ga_is_an_input_the_plan_lists_apart(config_copy: Path) -> None:
    ptfcal(config_copy, "cancel", "ga-meeting@2027-10", "--reason", "test")
    start = tree(config_copy)
    result = ptfcal(config_copy, "plan", "2027")  # exit 0: the rest of the year is planned
    assert "Aucun calendrier" not in result.out
    assert "Proposition pour 2027 : aucun déplacement (optimale)" in result.out
    assert "Listées à part : les faits enregistrés" in result.out
    assert "C-GA-1 : Au moins deux réunions du GA par an" in result.out
    assert "dates : mercredi 28 avril 2027" in result.out
    assert "C-GA-1 : Réunion du Groupe des Ambassadeurs : 1 réunion dans l'année 2027 " \
           "(au moins 2)" in result.out
    doc = json.loads(ptfcal(config_copy, "plan", "2027", "--format", "json").out)
    assert doc["status"] == "optimal" and doc["conflicts"] == []
    assert doc["unfixable"] == [{
        "rule": "C-GA-1", "title": "Au moins deux réunions du GA par an",
        "quote": "Deux fois par an et plus selon les besoins.", "dates": ["2027-04-28"]}]
    assert [f["rule"] for f in doc["remaining"]] == ["C-GA-1"]
    english = ptfcal(config_copy, "plan", "2027", "--lang", "en").out
    assert "Listed apart: the recorded facts" in english
    assert tree(config_copy) == start
    # with the October GA back, nothing is listed apart
    ptfcal(config_copy, "undo")
    doc = json.loads(ptfcal(config_copy, "plan", "2027", "--format", "json").out)
    assert doc["unfixable"] == [] and doc["remaining"] == []


def test_a_real_conflict_between_rules_is_still_explained(config_copy: Path) -> None:
    # possible for each rule alone, impossible together: not listed apart, explained
    pin = ("--pin", "credd-review-technical@2020-06=2020-06-17")
    doc = json.loads(ptfcal(config_copy, "plan", "2020", *pin, "--format", "json",
                            code=1).out)
    assert doc["status"] == "infeasible" and doc["unfixable"] == []
    assert [c["rule"] for c in doc["conflicts"]] == ["C-CREDD-2", "pin"]


def coordinators(config: Path) -> dict[str, tuple[str, str]]:
    doc = json.loads(ptfcal(config, "events", "2027", "--type", "gt-coordinators-meeting",
                            "--format", "json").out)
    return {o["ref"]: (o["date"], o["status"]) for o in doc["occurrences"]}


def test_cancelling_the_june_gec_leaves_the_coordinators_meeting_in_place(
        config_copy: Path) -> None:
    before = coordinators(config_copy)
    assert before["gt-coordinators-meeting@2027-06"] == ("2027-06-08", "planned")
    result = ptfcal(config_copy, "cancel", "gec-monthly@2027-06")
    assert "Prochaine publication : 1 annulation." in result.out
    assert "retiré :" not in result.out and "publié comme annulé" not in result.out
    assert "Réunion trimestrielle des Coordonnateurs des Groupes thématiques : reste le " \
           "mardi 8 juin 2027 (sa date se déduit de la réunion annulée ; seule celle-ci est " \
           "annulée)" in result.out
    assert coordinators(config_copy) == before
    # the checker does not flag the quarter: only the month without its GEC
    doc = json.loads(ptfcal(config_copy, "check", "2027", "--format", "json", code=1).out)
    assert [f["rule"] for f in doc["findings"] if f["severity"] == "error"] == ["C-GEC-3"]
    # a fact recorded on the coordinators' meeting stays attached to it
    ptfcal(config_copy, "record", "gt-coordinators-meeting@2027-06", "--location", "Bamako")
    assert coordinators(config_copy)["gt-coordinators-meeting@2027-06"][0] == "2027-06-08"
    english = ptfcal(config_copy, "confirm", "gec-monthly@2027-06", "--lang", "en").out
    assert "stays on" not in english  # restoring cancels nothing


def test_a_cancelled_retreat_keeps_the_programme_and_the_axes(config_copy: Path) -> None:
    result = ptfcal(config_copy, "cancel", "annual-retreat@2027-02", "--lang", "en")
    assert "Milestone: the PTF Group's annual work programme, presented at the retreat: stays " \
           "on Tuesday 16 February 2027" in result.out
    # the GEC of March 2027 keeps its rule date, Wednesday 10, next to the estimated Korité
    assert "Milestone: the GEC sets the year's strategic dialogue axes: stays on Wednesday " \
           "10 March 2027" in result.out
    doc = json.loads(ptfcal(config_copy, "events", "2027", "--format", "json").out)
    dates = {o["ref"]: o["date"] for o in doc["occurrences"]}
    assert dates["ptf-annual-work-programme@2027-02"] == "2027-02-16"
    assert dates["gec-annual-axes@2027-03"] == "2027-03-10"


def test_a_weekend_date_is_refused_unless_meant(config_copy: Path) -> None:
    start = tree(config_copy)
    result = ptfcal(config_copy, "move", "gec-monthly@2027-09", "--to", "2027-09-11", code=2)
    assert "--to 2027-09-11 : samedi 11 septembre 2027 est un jour de week-end ; rien n'est " \
           "écrit. Si c'est bien la date, relancez avec --allow-day-off" in result.err
    assert "Traceback" not in result.err
    ptfcal(config_copy, "move", "gec-monthly@2027-09", "--to", "2027-09-11", "--dry-run", code=2)
    assert tree(config_copy) == start
    result = ptfcal(config_copy, "move", "gec-monthly@2027-09", "--to", "2027-09-11",
                    "--allow-day-off")
    assert "Attention : samedi 11 septembre 2027 est un jour de week-end (accepté avec " \
           "--allow-day-off)." in result.out
    assert "C-GEN-1 avertissement : Réunion mensuelle du GEC le samedi 11 septembre 2027 : " \
           "week-end" in result.out
    text = (config_copy / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "nominal: 2027-09-08\n    date: 2027-09-11\n" in text
    # already there: a new time alone is not a new date, nothing to refuse
    ptfcal(config_copy, "move", "gec-monthly@2027-09", "--to", "2027-09-11", "--time",
           "10:00-12:00")


def test_a_public_holiday_is_refused_with_its_name(config_copy: Path) -> None:
    start = tree(config_copy)
    result = run_ptfcal("move", "gec-monthly@2027-09", "--to", "2027-09-22", "--lang", "en",
                        "--config", str(config_copy))
    assert result.code == 2
    assert "--to 2027-09-22: Wednesday 22 September 2027 is a public holiday: National Day " \
           "of the Republic of Mali; nothing written. If it is the date indeed, run again " \
           "with --allow-day-off" in result.err
    result = ptfcal(config_copy, "add", "gec-extraordinary", "--on", "2027-03-26", code=2)
    assert "--on 2027-03-26 : vendredi 26 mars 2027 est un jour férié : Journée du 26 mars" \
        in result.err
    assert tree(config_copy) == start
    result = ptfcal(config_copy, "add", "gec-extraordinary", "--on", "2027-03-26",
                    "--allow-day-off")
    assert "Attention : vendredi 26 mars 2027 est un jour férié : Journée du 26 mars " \
           "(accepté avec --allow-day-off)." in result.out
    assert "date: 2027-03-26" in (config_copy / "years" / "2027.yaml").read_text("utf-8")


def test_a_pin_on_a_saturday_is_refused_the_same_way(config_copy: Path) -> None:
    pin = ("--pin", "gec-monthly@2027-09=2027-09-11")
    result = ptfcal(config_copy, "plan", "2027", *pin, code=2)
    assert "--pin gec-monthly@2027-09=2027-09-11 : samedi 11 septembre 2027 est un jour de " \
           "week-end ; rien n'est écrit. Si c'est bien la date, relancez avec " \
           "--allow-day-off" in result.err
    assert result.out == ""
    doc = json.loads(ptfcal(config_copy, "plan", "2027", *pin, "--allow-day-off", "--format",
                            "json").out)
    assert doc["status"] == "optimal"
    assert doc["warnings"] == ["Attention : samedi 11 septembre 2027 est un jour de week-end "
                               "(accepté avec --allow-day-off)."]
    assert [(m["ref"], m["to"]) for m in doc["moves"]] == [("gec-monthly@2027-09",
                                                             "2027-09-11")]


def test_the_shared_refusal_names_each_day_given(model) -> None:
    from datetime import date

    import pytest

    from ptfcal.errors import InputError
    from ptfcal.record.verbs import days_off

    assert days_off(model, [("circulaire.csv:2", date(2027, 3, 2))], False) == []
    with pytest.raises(InputError) as refused:
        days_off(model, [("circulaire.csv:2", date(2027, 3, 2)),
                         ("circulaire.csv:3", date(2027, 3, 6)),
                         ("circulaire.csv:4", date(2027, 5, 1))], False)
    message = str(refused.value)
    assert "circulaire.csv:2" not in message
    assert "circulaire.csv:3 : samedi 6 mars 2027 est un jour de week-end" in message
    assert "circulaire.csv:4 : samedi 1er mai 2027 est un jour férié : Fête du Travail" in message
    warnings = days_off(model, [("circulaire.csv:3", date(2027, 3, 6))], True)
    assert [w.en for w in warnings] == ["Warning: Saturday 6 March 2027 is a weekend day "
                                        "(accepted with --allow-day-off)."]
