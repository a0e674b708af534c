"""Holding the meeting (issue 21): the record read into the model and onto the events, its
located errors, and the follow-up of actions across meetings and years."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ptfcal.meeting import ActionStatus
from tests.conftest import run_ptfcal
from tests.test_record import ptfcal, tree

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


# --- the verbs, as the issue runs them (« Done when ») --------------------------------------------

REF = "gec-monthly@2027-03"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A working folder made by `ptfcal init`, as a secretariat would have it."""
    result = run_ptfcal("init", str(tmp_path / "seg"))
    assert result.code == 0, result.err
    return tmp_path / "seg" / "config"


def hold_march(config: Path) -> None:
    ptfcal(config, "agenda", REF, "add", "Revue annuelle du CREDD : préparation",
           "--by", "banque-mondiale", "--doc", "https://example.org/note.pdf")
    ptfcal(config, "attendance", REF, "--present", "banque-mondiale,france,afd,pnud",
           "--excused", "canada", "--absent", "belgique")
    ptfcal(config, "attendance", REF, "--present", "france=2")
    ptfcal(config, "decision", REF, "Le GEC adopte les axes du dialogue 2027", "--item", "1")
    ptfcal(config, "action", REF, "Transmettre la note au MEF", "--owner", "banque-mondiale",
           "--due", "2027-03-31", "--item", "1")
    ptfcal(config, "action", REF, "Diffuser le calendrier", "--owner", "afd", "--due",
           "2027-04-30")
    ptfcal(config, "action", REF, "Préparer la revue", "--owner", "pnud", "--due",
           "2027-03-19")
    ptfcal(config, "action", "done", "A-2027-003", "--on", "2027-03-18", "--note",
           "Transmise par courrier")


def test_the_issue_s_commands_then_undo_restores_every_file(workdir) -> None:
    before = tree(workdir)
    result = ptfcal(workdir, "action", REF, "Transmettre la note au MEF", "--owner",
                    "banque-mondiale", "--due", "2027-03-31")
    assert "Réunion mensuelle du GEC du mercredi 10 mars 2027 : action A-2027-001 confiée à " \
           "BM, échéance le mercredi 31 mars 2027" in result.out
    ptfcal(workdir, "undo")
    hold_march(workdir)
    year = (workdir / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "attendance: {banque-mondiale: 1, france: 2, afd: 1, pnud: 1}" in year
    assert "excused: [canada]" in year and "absent: [belgique]" in year
    assert "      - id: A-2027-003\n" in year and "        done_on: 2027-03-18\n" in year

    # the April GEC's agenda opens with March's follow-up: the open actions, and the one
    # done since, shown closing
    agenda = ptfcal(workdir, "agenda", "gec-monthly@2027-04").out
    assert agenda.splitlines()[:6] == [
        "Ordre du jour — Réunion mensuelle du GEC du mercredi 14 avril 2027",
        "",
        "— Suivi des recommandations de la réunion précédente (mercredi 10 mars 2027)",
        "    A-2027-001  Transmettre la note au MEF — BM, échéance 31 mars 2027 — ouverte "
        "(en retard)",
        "    A-2027-002  Diffuser le calendrier — AFD, échéance 30 avril 2027 — ouverte",
        "    A-2027-003  Préparer la revue — PNUD, échéance 19 mars 2027 — réalisée le "
        "18 mars 2027",
    ]
    # the follow-up matrix: exactly the open action whose due date has passed
    overdue = ptfcal(workdir, "actions", "--overdue", "--as-of", "2027-04-15", "-f", "json")
    assert [a["id"] for a in __import__("json").loads(overdue.out)["actions"]] == ["A-2027-001"]
    csv = ptfcal(workdir, "actions", "--open", "--overdue", "--as-of", "2027-04-15",
                 "--format", "csv").out
    assert csv.splitlines() == [
        "\ufeffIdentifiant;Action;Responsable;Échéance;État;Close le;Réunion;Date de la réunion;"
        "Instance;Point;Note",
        "A-2027-001;Transmettre la note au MEF;BM;2027-03-31;ouverte (en retard);;"
        "Réunion mensuelle du GEC du 10 mars 2027;2027-03-10;GEC;1;"]
    # france=2 and afd=1 (both French) at the March GEC: C-GEC-6, on that date
    check = run_ptfcal("check", "2027", "--config", str(workdir), env={"COLUMNS": "300"})
    assert any("C-GEC-6" in line and "mercredi 10 mars 2027" in line
               for line in check.out.splitlines()), check.out
    # every verb is undone, byte for byte, to the configuration `init` made
    for _ in range(8):
        ptfcal(workdir, "undo")
    assert tree(workdir) == before
    ptfcal(workdir, "undo", code=1)  # the journal is empty


def test_attendance_and_record_attendance_are_the_same_data(config_copy) -> None:
    ptfcal(config_copy, "record", REF, "--attendance", "france=2")
    ptfcal(config_copy, "attendance", REF, "--present", "afd", "--excused", "canada")
    ptfcal(config_copy, "attendance", REF, "--present", "canada", "--absent", "afd")
    year = (config_copy / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "    attendance: {france: 2, canada: 1}\n    absent: [afd]\n" in year
    assert "excused" not in year
    model = load(config_copy)
    march = next(e for e in events(model, 2027) if e.id == "gec/gec-monthly/2027-03-10")
    assert march.attendance == {"france": 2, "canada": 1}
    assert march.record.absent == ("afd",)


@pytest.mark.parametrize("args, message", [
    (["action", REF, "x", "--owner", "banqe-mondiale"],
     "--owner 'banqe-mondiale' : ce n'est pas une institution connue ; vouliez-vous dire "
     "banque-mondiale ?"),
    (["action", REF, "x", "--owner", "afd", "--due", "2027-03-01"],
     "--due 2027-03-01 : l'échéance est avant la réunion (mercredi 10 mars 2027)"),
    (["action", "done", "A-2027-009"],
     "'A-2027-009' : aucune action enregistrée sous cet identifiant"),
    (["decision", REF, "y", "--item", "2"],
     "--item 2 : ce point n'existe pas (points à l'ordre du jour de la réunion : 0"),
    (["attendance", REF, "--present", "france", "--excused", "france"],
     "france est donnée à la fois dans --present et dans --excused"),
    (["agenda", REF, "add", "x", "--by", "frnace"],
     "--by 'frnace' : ce n'est pas une institution connue ; vouliez-vous dire france ?"),
    (["action", REF, "x" * 3000, "--owner", "afd"], "3,000"),
    (["decision", REF, "a\x01b"], "(caractères de contrôle)"),
])
def test_a_refused_verb_writes_nothing_and_says_why(config_copy, args, message) -> None:
    before = tree(config_copy)
    result = ptfcal(config_copy, *args, code=2)
    assert message in result.err
    assert "Traceback" not in result.err and "interne" not in result.err
    assert tree(config_copy) == before


def test_in_english_and_dry_run(config_copy) -> None:
    before = tree(config_copy)
    result = run_ptfcal("action", REF, "Send the note", "--owner", "banque-mondiale",
                        "--dry-run", "--lang", "en", "--config", str(config_copy))
    assert result.code == 0, result.err
    assert "+      - id: A-2027-001" in result.out
    assert "GEC monthly meeting on Wednesday 10 March 2027: action A-2027-001 given to WB" \
        in result.out
    assert tree(config_copy) == before


def test_the_agenda_as_json_is_the_documented_format(config_copy) -> None:
    import json

    hold_march(config_copy)
    ptfcal(config_copy, "agenda", "gec-monthly@2027-04", "add", "Divers")
    doc = json.loads(ptfcal(config_copy, "agenda", "gec-monthly@2027-04", "-f", "json").out)
    assert doc["version"] == 1
    assert doc["meeting"] == {"ref": "gec-monthly@2027-04",
                              "uid": "gec-monthly.gec.20270414@ptfcal.ptf-mali",
                              "type": "gec-monthly", "body": "gec", "date": "2027-04-14",
                              "title": {"fr": "Réunion mensuelle du GEC",
                                        "en": "GEC monthly meeting"}}
    assert doc["followup"]["previous"] == "gec-monthly@2027-03"
    assert [a["id"] for a in doc["followup"]["actions"]] == ["A-2027-001", "A-2027-002",
                                                             "A-2027-003"]
    assert doc["followup"]["actions"][0]["overdue"] is True
    assert doc["items"] == [{"number": 1, "title": "Divers", "by": None, "docs": []}]
    # the May agenda no longer shows the action closed before April's meeting
    may = json.loads(ptfcal(config_copy, "agenda", "gec-monthly@2027-05", "-f", "json").out)
    assert [a["id"] for a in may["followup"]["actions"]] == ["A-2027-001", "A-2027-002"]


def test_no_person_s_name_or_address_in_the_record_or_the_outputs(config_copy) -> None:
    import re

    hold_march(config_copy)
    mail = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}")
    texts = [(config_copy / "years" / "2027.yaml").read_text(encoding="utf-8"),
             ptfcal(config_copy, "agenda", "gec-monthly@2027-04").out,
             ptfcal(config_copy, "actions", "-f", "json").out]
    assert not any(mail.search(t) for t in texts)


def test_actions_carry_across_years_and_from_a_recorded_event(config_copy) -> None:
    import json

    # an extraordinary GEC (a recorded event) gives an action; December's GEC another
    ptfcal(config_copy, "add", "gec-extraordinary", "--on", "2027-11-23")
    ptfcal(config_copy, "action", "gec-extraordinary@2027-11-23", "Saisir le MEF",
           "--owner", "pnud", "--due", "2027-12-15")
    ptfcal(config_copy, "action", "gec-monthly@2027-12", "Préparer 2028", "--owner", "afd")
    ptfcal(config_copy, "action", "drop", "A-2027-001", "--on", "2027-12-01", "--note",
           "Sans objet")
    year = (config_copy / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "      - id: A-2027-001\n        text: \"Saisir le MEF\"\n        owner: pnud\n" \
           "        due: 2027-12-15\n        status: dropped\n        done_on: 2027-12-01\n" \
           "        note: \"Sans objet\"\n" in year
    # the January 2028 GEC: December's open action (the one dropped before December's
    # meeting, the previous one, was shown closing there)
    doc = json.loads(ptfcal(config_copy, "agenda", "gec-monthly@2028-01", "-f", "json").out)
    assert doc["followup"]["previous"] == "gec-monthly@2027-12"
    assert [a["id"] for a in doc["followup"]["actions"]] == ["A-2027-002"]
    # December's agenda shows the event's action closing (dropped after the event)
    doc = json.loads(ptfcal(config_copy, "agenda", "gec-monthly@2027-12", "-f", "json").out)
    assert doc["followup"]["previous"] == "gec-extraordinary@2027-11"
    # named in the text by its title and day (of another type than December's), not its id
    assert ptfcal(config_copy, "agenda", "gec-monthly@2027-12").out.splitlines()[2] == \
        "— Suivi des recommandations de la réunion précédente (Réunion extraordinaire du GEC " \
        "du mardi 23 novembre 2027)"
    assert [(a["id"], a["status"]) for a in doc["followup"]["actions"]] == [
        ("A-2027-001", "dropped")]
    rows = ptfcal(config_copy, "actions", "--body", "gec", "--year", "2027", "--lang",
                  "en").out.splitlines()
    assert rows == [
        "A-2027-001  Saisir le MEF — UNDP, due 15 December 2027 — dropped on 1 December 2027 "
        "— Extraordinary GEC meeting on 23 November 2027 [gec-extraordinary@2027-11]",
        "    Sans objet",
        "A-2027-002  Préparer 2028 — AFD, no deadline — open — GEC monthly meeting on "
        "8 December 2027 [gec-monthly@2027-12]",
        "Actions: 2"]


def test_removing_an_agenda_item_renumbers_the_later_ones(config_copy) -> None:
    for title in ("Un", "Deux", "Trois"):
        ptfcal(config_copy, "agenda", REF, "add", title)
    ptfcal(config_copy, "decision", REF, "Sur le point trois", "--item", "3")
    result = ptfcal(config_copy, "agenda", REF, "remove", "3", code=2)
    assert "le point 3 porte des décisions ou des actions (Sur le point trois) : il reste" \
        in result.err
    ptfcal(config_copy, "agenda", REF, "remove", "2")
    model = load(config_copy)
    march = next(e for e in events(model, 2027) if e.id == "gec/gec-monthly/2027-03-10")
    assert [i.title for i in march.record.agenda] == ["Un", "Trois"]
    assert march.record.decisions[0].item == 2


def test_a_meeting_s_lists_are_bounded(config_copy) -> None:
    items = "".join(f"      - title: \"Point {n}\"\n" for n in range(201))
    write_year(config_copy, "year: 2027\noccurrences:\n  - type: gec-monthly\n"
               "    nominal: 2027-03-10\n    agenda:\n" + items)
    result = run_ptfcal("validate", "--config", str(config_copy))
    assert result.code == 2
    assert "years/2027.yaml:6:7: occurrences[0].agenda: agenda : 201 entrées pour une " \
           "réunion ; 200 au plus" in result.err


def test_a_text_comes_back_as_it_was_typed(config_copy) -> None:
    typed = '- Il a dit "oui" : 50 % # pas \\ un commentaire\n\tsuite « ok » 🙂 {x} [y] &z *w'
    for args in (["decision", "--config", str(config_copy), REF, "--", typed],
                 ["agenda", "--config", str(config_copy), REF, "add", "--",
                  "- point : « un » # deux"]):
        result = run_ptfcal(*args)
        assert result.code == 0, result.err
    model = load(config_copy)
    march = next(e for e in events(model, 2027) if e.id == "gec/gec-monthly/2027-03-10")
    assert march.record.decisions[0].text == typed
    assert march.record.agenda[0].title == "- point : « un » # deux"


def test_the_agenda_in_english(config_copy) -> None:
    hold_march(config_copy)
    out = ptfcal(config_copy, "agenda", REF, "--lang", "en").out
    assert out.splitlines() == [
        "Agenda — GEC monthly meeting on Wednesday 10 March 2027",
        "",
        "— Follow-up of the previous meeting's recommendations",
        "    no action to follow up",
        "1. Revue annuelle du CREDD : préparation — presented by WB",
        "    https://example.org/note.pdf"]


def test_a_combined_meeting_s_record_is_on_the_event(config_copy) -> None:
    # the CREDD's political session is held as one event with the RBC: named either way, the
    # record goes where the event reads it
    ptfcal(config_copy, "decision", "credd-review-political@2027-06", "Adoptée")
    ptfcal(config_copy, "attendance", "rbc@2027-06", "--present", "france=2")
    model = load(config_copy)
    event = next(e for e in events(model, 2027) if "credd-review-political" in e.types)
    assert event.meeting_type == "rbc"
    assert [d.text for d in event.record.decisions] == ["Adoptée"]
    assert event.record.attendance == {"france": 2}


def test_a_record_written_by_hand_on_a_combined_type_is_refused(config_copy) -> None:
    write_year(config_copy, "year: 2027\noccurrences:\n  - type: credd-review-political\n"
               "    nominal: 2027-06-17\n    decisions: [{text: x}]\n")
    result = run_ptfcal("validate", "--config", str(config_copy))
    assert result.code == 2
    assert "years/2027.yaml:3:5: type: credd-review-political se tient en un seul événement " \
           "avec rbc" in result.err


def test_the_matrix_written_to_a_file(config_copy, tmp_path) -> None:
    hold_march(config_copy)
    target = tmp_path / "suivi.csv"
    result = ptfcal(config_copy, "actions", "--open", "-f", "csv", "--output", str(target))
    assert result.out == ""
    assert "tableau de suivi écrit dans" in result.err and "(actions : 2)" in result.err
    data = target.read_bytes()
    assert data.startswith("\ufeffIdentifiant;".encode()) and data.count(b"\r\n") == 3
    folder = tmp_path / "a-folder"
    folder.mkdir()
    refused = ptfcal(config_copy, "actions", "-f", "csv", "--output", str(folder), code=2)
    assert "existe et n'est pas un fichier ordinaire : ptfcal ne le remplace pas" in refused.err


@pytest.fixture(scope="module")
def fuzz_config(tmp_path_factory) -> Path:
    import shutil

    from tests.conftest import CONFIG

    target = tmp_path_factory.mktemp("fuzz") / "config"
    shutil.copytree(CONFIG, target, ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    return target


def test_a_mutated_record_is_refused_where_it_is_or_read(fuzz_config) -> None:
    """Any value of the record replaced by a weird one: read (then followed up and rendered),
    or refused with every problem located — never another exception."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ptfcal.errors import ConfigError
    from ptfcal.meet import followup, render
    from tests.test_fuzz import WEIRD

    lines = MARCH.splitlines()
    editable = [i for i, line in enumerate(lines) if ": " in line and i > 1]

    @settings(max_examples=15, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(editable), st.sampled_from(WEIRD + ["2027-03-09", "A-2027-1",
                                                                "A-2026-001", "dropped", "9"]))
    def mutate(i: int, value: str) -> None:
        edited = list(lines)
        key = edited[i].split(": ")[0]
        edited[i] = f"{key}: {value}"
        write_year(fuzz_config, "\n".join(edited) + "\n")
        try:
            model = load(fuzz_config)
        except ConfigError as exc:
            assert exc.problems and all(p.mark and p.mark.line >= 1 for p in exc.problems)
            return
        book = followup.Followup.of(model)
        render.actions_json(book.actions(), date(2027, 4, 15))
        render.actions_csv(model, book.actions(), "fr", None)

    mutate()


def test_record_attendance_on_a_combined_type_goes_where_the_event_reads_it(config_copy) -> None:
    # `record --attendance` names the political session: the event (held with the RBC) reads
    # the RBC's entry, as the meeting verbs write it
    ptfcal(config_copy, "attendance", "rbc@2027-06", "--present", "afd", "--excused", "france")
    ptfcal(config_copy, "record", "credd-review-political@2027-06", "--attendance", "france=2")
    year = (config_copy / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "credd-review-political" not in year
    # present now, france leaves the excused list (both at once is refused)
    assert "  - type: rbc\n    nominal: 2027-06-17\n    attendance: {afd: 1, france: 2}\n" \
        in year and "excused" not in year
    model = load(config_copy)
    event = next(e for e in events(model, 2027) if "credd-review-political" in e.types)
    assert event.attendance == {"afd": 1, "france": 2}
    # written by hand on the combined type, it is a located error, not a lost record
    write_year(config_copy, "year: 2027\noccurrences:\n  - type: credd-review-political\n"
               "    nominal: 2027-06-17\n    attendance: {france: 2}\n")
    result = run_ptfcal("validate", "--config", str(config_copy))
    assert result.code == 2
    assert "years/2027.yaml:3:5: type: credd-review-political se tient en un seul événement " \
           "avec rbc" in result.err


def test_an_action_is_reopened_corrected_and_a_decision_removed(config_copy) -> None:
    hold_march(config_copy)
    before = tree(config_copy)
    # closed before the meeting that gave it: refused, the option named, nothing written
    result = ptfcal(config_copy, "action", "done", "A-2027-001", "--on", "2027-03-09", code=2)
    assert "--on 2027-03-09 : l'action A-2027-001 ne peut être close avant la réunion qui " \
           "l'a donnée (mercredi 10 mars 2027)" in result.err
    # an option the form does not use is said, not ignored
    result = ptfcal(config_copy, "action", "done", "A-2027-001", "--due", "2027-04-01", code=2)
    assert "--due" in result.err and "--on, --note" in result.err
    assert tree(config_copy) == before
    # closed by mistake: reopened (its status and day go; its note stays)
    result = ptfcal(config_copy, "action", "reopen", "A-2027-003")
    assert "action A-2027-003 : rouverte" in result.out
    assert ptfcal(config_copy, "action", "reopen", "A-2027-003").out.startswith(
        "l'action A-2027-003 est déjà ouverte ; rien à changer")
    # corrected: text, owner, due date, item; its id stays
    ptfcal(config_copy, "action", "edit", "A-2027-002", "--text", "Diffuser le calendrier 2027",
           "--owner", "pnud", "--due", "2027-05-14", "--item", "1")
    for args, message in (
            (["--due", "2027-03-01"], "--due 2027-03-01 : l'échéance est avant la réunion"),
            (["--item", "2"], "--item 2 : ce point n'existe pas (points à l'ordre du jour de la "
                              "réunion : 1"),
            (["--owner", "frnace"], "vouliez-vous dire france ?"),
            ([], "rien à corriger : --text, --owner, --due ou --item")):
        assert message in ptfcal(config_copy, "action", "edit", "A-2027-002", *args,
                                 code=2).err
    # a decision recorded by mistake is removed by its number
    ptfcal(config_copy, "decision", REF, "Décision saisie par erreur")
    assert "décision 3 : elle n'existe pas (décisions enregistrées pour la réunion : 2)" in \
        ptfcal(config_copy, "decision", REF, "remove", "3", code=2).err
    result = ptfcal(config_copy, "decision", REF, "remove", "2")
    assert "décision n° 2 « Décision saisie par erreur » retirée" in result.out
    year = (config_copy / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert "    decisions:\n      - text: \"Le GEC adopte les axes du dialogue 2027\"\n" \
           "        item: 1\n    actions:\n" in year
    assert "      - id: A-2027-002\n        text: \"Diffuser le calendrier 2027\"\n" \
           "        owner: pnud\n        due: 2027-05-14\n        item: 1\n" in year
    assert "      - id: A-2027-003\n        text: \"Préparer la revue\"\n        owner: pnud\n" \
           "        due: 2027-03-19\n        note: \"Transmise par courrier\"\n" in year
    rows = ptfcal(config_copy, "actions", "--overdue", "--as-of", "2027-04-15").out
    assert rows.splitlines() == [
        "A-2027-001  Transmettre la note au MEF — BM, échéance 31 mars 2027 — ouverte "
        "(en retard) — Réunion mensuelle du GEC du 10 mars 2027 [gec-monthly@2027-03]",
        "A-2027-003  Préparer la revue — PNUD, échéance 19 mars 2027 — ouverte (en retard) — "
        "Réunion mensuelle du GEC du 10 mars 2027 [gec-monthly@2027-03]",
        "    Transmise par courrier",
        "Actions : 2"]
    for _ in range(4):  # each correction is undone byte for byte
        ptfcal(config_copy, "undo")
    assert tree(config_copy) == before


def test_action_done_without_on_records_today_in_bamako(config_copy) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    ptfcal(config_copy, "action", "gec-monthly@2020-03", "Transmettre la note", "--owner",
           "afd")
    year = config_copy / "years" / "2020.yaml"
    assert "      - id: A-2020-001\n" in year.read_text(encoding="utf-8")
    bamako = ZoneInfo("Africa/Bamako")
    for _ in range(2):  # (the day may turn during the call: then once more)
        first = datetime.now(bamako).date()
        ptfcal(config_copy, "action", "done", "A-2020-001")
        if datetime.now(bamako).date() == first:
            break
        ptfcal(config_copy, "undo")
    assert f"        status: done\n        done_on: {first.isoformat()}\n" in \
        year.read_text(encoding="utf-8")


def test_a_cancelled_meeting_records_nothing_held_and_is_no_previous_meeting(config_copy
                                                                            ) -> None:
    hold_march(config_copy)
    ptfcal(config_copy, "agenda", "gec-monthly@2027-04", "add", "Point préparé")
    ptfcal(config_copy, "cancel", "gec-monthly@2027-04", "--reason", "Report")
    before = tree(config_copy)
    for args in (["attendance", "gec-monthly@2027-04", "--present", "afd"],
                 ["decision", "gec-monthly@2027-04", "Adoptée"],
                 ["action", "gec-monthly@2027-04", "Transmettre", "--owner", "afd"],
                 ["agenda", "gec-monthly@2027-04", "add", "Divers"]):
        result = ptfcal(config_copy, *args, code=2)
        assert "Réunion mensuelle du GEC du mercredi 14 avril 2027 est annulée : rien ne s'y " \
               "enregistre comme tenu (« ptfcal confirm RÉF » la rétablit)" in result.err
    assert tree(config_copy) == before
    # May's follow-up is March's (April, prepared then cancelled, followed nothing up)
    agenda = ptfcal(config_copy, "agenda", "gec-monthly@2027-05").out.splitlines()
    assert agenda[2] == "— Suivi des recommandations de la réunion précédente (mercredi 10 " \
                        "mars 2027)"
    assert [line.split()[0] for line in agenda[3:6]] == ["A-2027-001", "A-2027-002",
                                                         "A-2027-003"]
