"""Facts are facts (issue 19 items 3-5): what the secretariat records is an input to the
planner, a cancellation cancels one meeting and not those placed from it, and a day off given as
a date is refused unless the secretariat says it is meant."""

from __future__ import annotations

import json
from pathlib import Path

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
