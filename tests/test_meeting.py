"""Holding the meeting (issue 21): the record read into the model and onto the events, its
located errors, and the follow-up of actions across meetings and years."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ptfcal.meeting import ActionStatus
from tests.conftest import run_ptfcal

MARCH = """\
year: 2027
occurrences:
  - type: gec-monthly
    nominal: 2027-03-10
    agenda:
      - title: "Revue annuelle du CREDD : préparation"
        by: banque-mondiale
        docs: ["https://example.org/note.pdf"]
      - title: "Divers"
    attendance: {banque-mondiale: 1, france: 2}
    excused: [canada]
    absent: [belgique]
    decisions:
      - text: "Le GEC adopte les axes du dialogue 2027"
        item: 1
    actions:
      - id: A-2027-001
        text: "Transmettre la note au MEF"
        owner: banque-mondiale
        due: 2027-03-31
        item: 1
      - id: A-2027-002
        text: "Diffuser le calendrier"
        owner: afd
        due: 2027-04-30
      - id: A-2027-003
        text: "Préparer la revue"
        owner: pnud
        status: done
        done_on: 2027-03-20
"""


def write_year(config: Path, text: str, year: int = 2027) -> Path:
    path = config / "years" / f"{year}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(config: Path):
    from ptfcal.config import load as load_config

    return load_config(config)


def events(model, year: int):
    from ptfcal.calendar import scheduler, workdays

    calendar = workdays.build(model.settings, model.holidays, [year])
    return scheduler.schedule(model, year, calendar).events


def test_the_record_is_read_onto_the_event(config_copy) -> None:
    write_year(config_copy, MARCH)
    model = load(config_copy)
    march = next(e for e in events(model, 2027)
                 if e.meeting_type == "gec-monthly" and e.nominal == date(2027, 3, 10))
    record = march.record
    assert [i.title for i in record.agenda] == ["Revue annuelle du CREDD : préparation", "Divers"]
    assert record.agenda[0].by == "banque-mondiale"
    assert record.agenda[0].docs == ("https://example.org/note.pdf",)
    assert record.attendance is march.attendance == {"banque-mondiale": 1, "france": 2}
    assert record.excused == ("canada",) and record.absent == ("belgique",)
    assert record.decisions[0].text == "Le GEC adopte les axes du dialogue 2027"
    assert record.decisions[0].item == 1
    first, _, third = record.actions
    assert (first.id, first.owner, first.due, first.item) == (
        "A-2027-001", "banque-mondiale", date(2027, 3, 31), 1)
    assert third.status is ActionStatus.DONE and third.done_on == date(2027, 3, 20)
    assert record.presence("canada") == "excused" and record.held
    april = next(e for e in events(model, 2027)
                 if e.meeting_type == "gec-monthly" and e.nominal == date(2027, 4, 14))
    assert not april.record.held and april.record.actions == ()


BAD = MARCH + """\
      - id: A-2026-004
        text: "x"
        owner: banqe-mondiale
        due: 2027-03-01
        item: 3
  - type: gec-monthly
    nominal: 2027-04-14
    excused: [france]
    attendance: {france: 1}
    decisions: [{text: y, item: 1}]
"""


def test_a_bad_record_is_refused_with_every_place_said(config_copy) -> None:
    write_year(config_copy, BAD)
    result = run_ptfcal("validate", "--config", str(config_copy))
    assert result.code == 2
    err = result.err
    assert "years/2027.yaml:35:15: occurrences[0].actions[3].item: point 3 de l'ordre du jour " \
           ": la réunion n'en a que 2" in err
    assert "years/2027.yaml:31:13: occurrences[0].actions[3].id: l'action A-2026-004 porte " \
           "l'année 2026" in err
    assert "occurrences[0].actions[3].owner: 'banqe-mondiale' n'est pas une institution " \
           "connue (vouliez-vous dire 'banque-mondiale' ?)" in err
    assert "years/2027.yaml:34:14: occurrences[0].actions[3].due: l'action A-2026-004 est due " \
           "le lundi 1er mars 2027, avant la réunion qui la donne (mercredi 10 mars 2027)" in err
    assert "occurrences[1].excused: 'france' est inscrite dans « excused » et déjà dans " \
           "« attendance »" in err
    assert "occurrences[1].decisions[0].item: point 1 de l'ordre du jour : la réunion n'en " \
           "a que 0" in err
    assert "Traceback" not in err


def test_an_action_id_is_unique_across_years(config_copy) -> None:
    write_year(config_copy, MARCH)
    write_year(config_copy, MARCH.replace("2027", "2028").replace("2028-03-10", "2028-03-08")
               .replace("A-2028-003", "A-2028-001"), 2028)
    result = run_ptfcal("validate", "--config", str(config_copy))
    assert result.code == 2
    assert "l'action A-2028-001 est déjà enregistrée" in result.err


def test_the_follow_up_carries_open_actions_to_the_next_meeting(config_copy) -> None:
    from ptfcal.meet.followup import Followup, next_action_id

    write_year(config_copy, MARCH)
    model = load(config_copy)
    book = Followup.of(model)
    assert [m.ref for m in book.meetings] == ["gec-monthly@2027-03"]
    april = next(e for e in events(model, 2027)
                 if e.meeting_type == "gec-monthly" and e.nominal == date(2027, 4, 14))
    # the two open ones, and the one done since March's meeting (shown closing)
    assert [t.action.id for t in book.carried_to(april)] == ["A-2027-001", "A-2027-002",
                                                             "A-2027-003"]
    assert book.previous(april).ref == "gec-monthly@2027-03"
    assert [t.action.id for t in book.actions(overdue_on=date(2027, 4, 15))] == ["A-2027-001"]
    assert [t.action.id for t in book.actions(still_open=True, owner="afd")] == ["A-2027-002"]
    assert book.find("A-2027-003").meeting.body == "gec"
    assert next_action_id(model, 2027) == "A-2027-004"
    assert next_action_id(model, 2028) == "A-2028-001"


@pytest.mark.parametrize("year", [2027])
def test_the_bundled_configuration_loads_unchanged(model, year) -> None:
    assert all(not e.record.held for e in events(model, year))
