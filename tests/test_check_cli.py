"""`ptfcal check` as a user runs it: the report formats, exit codes, suggestions, and another
calendar to check against (C-EXT-1, C-EXT-2)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, append, edit, run_ptfcal

PARTNER = Path(__file__).parent / "data" / "partner-outlook.ics"

# the issue's example: the June GEC moved to the 17th, a sector review on 4 May, an
# extraordinary GEC at the time of the GA
SCENARIO_EVENTS = (
    "events:\n"
    "  - type: sector-review\n    body: cps-sante-dspf\n    date: 2020-05-04\n"
    "    title: {fr: Revue sectorielle Santé, en: Health sector review}\n"
    "  - type: gec-extraordinary\n    date: 2020-04-22\n    time: 10:00-12:00\n"
    "    convened_by: troika\n")


def scenario(config: Path) -> Path:
    edit(config / "years" / "2020.yaml", "    rescheduled: true\n", "")
    append(config / "years" / "2020.yaml", SCENARIO_EVENTS)
    return config


def test_bundled_2020_is_clean_of_errors() -> None:
    result = run_ptfcal("check", "2020", env={"COLUMNS": "200"})
    assert result.code == 0, result.out + result.err
    first = result.out.splitlines()[0]
    # the warnings: the recorded GEC of 17 June 2020 (C-GEC-1), the five tripartite
    # coordinations kept on 5 November next to the estimated Baptême (C-GEN-7), and that
    # Baptême, past and never confirmed (C-GEN-10, on any day after 4 November 2020); among the
    # informations, the eight UN entities convened each on its own to the GEC (C-ONEUN-1)
    assert first == "Calendrier 2020 : aucune erreur, 7 avertissements, 23 informations."
    assert "Réunion mensuelle du GEC le mercredi 17 juin 2020 au lieu du mercredi 10 juin " \
           "2020 (date fixée hors de la règle)" in result.out


def test_strict_turns_warnings_into_failure() -> None:
    assert run_ptfcal("check", "2020", "--strict").code == 1


def test_clean_calendar_says_so_in_one_line(config_copy) -> None:
    """A year without error or warning: the verdict line says so."""
    edit(config_copy / "meetings.yaml", "    chair: tripartite\n    participants: [tripartite, "
         "dialogue-leaders]\n", "    chair: tripartite\n    participants: [tripartite]\n")
    edit(config_copy / "checks.yaml", "    expected: [tripartite, dialogue-leaders]\n",
         "    expected: [tripartite]\n")
    result = run_ptfcal("check", "2022", "--config", str(config_copy), "--strict")
    assert result.code == 0, result.out
    assert result.out.splitlines()[0] == "Calendrier 2022 : aucune erreur, aucun avertissement."


def test_the_issues_scenario_errors_and_suggestions(config_copy) -> None:
    result = run_ptfcal("check", "2020", "--config", str(scenario(config_copy)),
                        "--format", "json")
    assert result.code == 1
    doc = json.loads(result.out)
    assert doc["version"] == 1 and doc["year"] == 2020 and doc["language"] == "fr"
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["dates"], f["suggestions"]) for f in errors] == [
        # the extraordinary GEC and the GA need the Troïka and the SEG at once
        ("C-GEN-3", ["2020-04-22"], ["2020-04-21", "2020-04-23"]),
        # « avant le 30 avril »: the nearest day before is the 29th; none after is valid
        ("C-SR-1", ["2020-05-04"], ["2020-04-29"]),
        # the second Wednesday is the only valid day in June
        ("C-GEC-1", ["2020-06-17"], ["2020-06-10"]),
    ]
    (sr,) = [f for f in errors if f["rule"] == "C-SR-1"]
    assert sr["message"] == "Revue sectorielle Santé le lundi 4 mai 2020 : trop tard (avant le " \
                           "30 avril)"
    assert sr["source"] == {"text": "000", "ref": None,
                            "quote": "Les revues sectorielles se tiennent impérativement avant "
                                     "le 30 avril", "legal_basis": ["decree-2018-0623"]}
    assert sr["events"] == ["sector-review.cps-sante-dspf.20200504@ptfcal.ptf-mali"]


def test_markdown_and_text_reports(config_copy, tmp_path) -> None:
    config = scenario(config_copy)
    out = tmp_path / "report.md"
    result = run_ptfcal("check", "2020", "--config", str(config), "--format", "md",
                        "--output", str(out), "--lang", "en")
    assert result.code == 1
    assert result.out == ""
    assert f"Report written to {out}" in result.err
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Calendar check 2020\n\nCalendar 2020: 3 errors, 6 warnings, ")
    assert "- **C-SR-1** — Sector reviews are held before 30 April  \n" \
           "  Health sector review on Monday 4 May 2020: too late (before 30 April)  \n" \
           "  Possible dates: before: Wednesday 29 April 2020  \n" in md
    text = run_ptfcal("check", "2020", "--config", str(config), env={"COLUMNS": "200"}).out
    assert "C-SR-1  Revue sectorielle Santé le lundi 4 mai 2020 : trop tard" in text
    assert "Dates possibles : avant : mercredi 29 avril 2020" in text


def test_against_an_outlook_export_finds_the_clash_at_the_right_instant() -> None:
    """11:30 Paris summer time (Romance Standard Time) is 09:30 in Bamako: during the GEC."""
    result = run_ptfcal("check", "2020", "--against", str(PARTNER), "--format", "json")
    assert result.code == 0
    doc = json.loads(result.out)
    ext = [(f["rule"], f["severity"], f["dates"], f["events"]) for f in doc["findings"]
           if f["rule"].startswith("C-EXT")]
    assert ext == [
        ("C-EXT-1", "warning", ["2020-06-17"], ["gec-monthly.gec.20200610@ptfcal.ptf-mali",
                                                "040000008200E00074C5B7101A82E00800000000A1"]),
        ("C-EXT-2", "warning", ["2020-07-31"], ["040000008200E00074C5B7101A82E00800000000A5"]),
        # the weekly series' moved occurrence (RECURRENCE-ID) lands on the coordinators' meeting
        ("C-EXT-1", "warning", ["2020-09-08"],
         ["gt-coordinators-meeting.gt-coordinators.20200908@ptfcal.ptf-mali",
          "040000008200E00074C5B7101A82E00800000000A2"]),
        # one of its ordinary occurrences falls on the Fête Nationale
        ("C-EXT-2", "warning", ["2020-09-22"], ["040000008200E00074C5B7101A82E00800000000A2"]),
    ]
    (clash,) = [f for f in doc["findings"] if f["dates"] == ["2020-06-17"]
                and f["rule"] == "C-EXT-1"]
    assert "09:30–10:30 heure de Bamako" in clash["message"]


def test_c_ext_1_is_an_error_for_the_institution_that_chairs(config_copy) -> None:
    append(config_copy / "roles.yaml", "  - year: 2022\n    chef_de_file: afd\n")
    partner = config_copy.parent / "afd.ics"
    partner.write_bytes(PARTNER.read_bytes().replace(b"20200617T11", b"20220209T11")
                        .replace(b"20200617T12", b"20220209T12"))
    result = run_ptfcal("check", "2022", "--config", str(config_copy), "--against",
                        str(partner), "--for", "afd", "--format", "json")
    assert result.code == 1
    doc = json.loads(result.out)
    (clash,) = [f for f in doc["findings"] if f["rule"] == "C-EXT-1"]
    assert (clash["severity"], clash["dates"]) == ("error", ["2022-02-09"])
    # at 14:00 the partner is free during the GEC: no clash
    partner.write_bytes(partner.read_bytes().replace(b"20220209T11", b"20220209T15")
                        .replace(b"20220209T12", b"20220209T16"))
    doc = json.loads(run_ptfcal("check", "2022", "--config", str(config_copy), "--against",
                                str(partner), "--for", "afd", "--format", "json").out)
    assert [f for f in doc["findings"] if f["rule"] == "C-EXT-1"] == []


def test_c_ext_2_satisfied_without_holiday(tmp_path) -> None:
    partner = tmp_path / "p.ics"
    partner.write_bytes(PARTNER.read_bytes().replace(b"20200731", b"20200730")
                        .replace(b"20200801", b"20200731").replace(b"COUNT=10", b"COUNT=3"))
    doc = json.loads(run_ptfcal("check", "2020", "--against", str(partner), "--format",
                                "json").out)
    assert [f for f in doc["findings"] if f["rule"] == "C-EXT-2"] == []


def test_for_an_institution_keeps_its_events_only(config_copy) -> None:
    """Three tripartite coordinations recorded at the same hour: the EU sits in two of them,
    the FAO (GT PTF 1 only) in one, so only the EU's report has the clash."""
    append(config_copy / "years" / "2020.yaml", "".join(
        f"  - type: gt-ptf-coordination\n    body: {gt}\n    nominal: 2020-09-03\n"
        "    time: 10:00-12:00\n" for gt in ("gt-ptf-1-economie", "gt-ptf-2-capital-humain",
                                             "gt-ptf-3-gouvernance")))
    config = ("--config", str(config_copy), "--format", "json")
    doc = json.loads(run_ptfcal("check", "2020", "--for", "fao", *config).out)
    assert [f for f in doc["findings"] if f["rule"] == "C-GEN-3"] == []
    doc = json.loads(run_ptfcal("check", "2020", "--for", "due", *config).out)
    assert [(f["severity"], f["dates"]) for f in doc["findings"] if f["rule"] == "C-GEN-3"] \
        == [("warning", ["2020-09-03"])]


def test_bad_input_exits_2_with_a_message(tmp_path) -> None:
    missing = run_ptfcal("check", "2020", "--against", str(tmp_path / "nope.ics"))
    assert missing.code == 2
    assert missing.err.startswith("Configuration")  # the folder used, named first
    assert missing.err.split("\n", 1)[1] == (
        f"erreur : {tmp_path / 'nope.ics'} : impossible de lire le fichier (No such file or "
        "directory)\n")
    junk = tmp_path / "junk.ics"
    junk.write_text("BEGIN:VCALENDAR\nthis is not a calendar\n", encoding="utf-8")
    bad = run_ptfcal("check", "2020", "--against", str(junk))
    assert bad.code == 2
    assert bad.err.split("\n", 1)[1].startswith(f"erreur : {junk} : calendrier illisible (")
    assert "Traceback" not in bad.err
    unknown = run_ptfcal("check", "2020", "--for", "onu")
    assert unknown.code == 2
    assert unknown.err.split("\n", 1)[1].startswith("erreur : --for onu : ce n'est pas une "
                                                     "institution de la configuration")
    wrong = run_ptfcal("check", "2020", "--format", "pdf")
    assert wrong.code == 2


def test_generate_writes_the_check_report_beside_the_feeds(tmp_path) -> None:
    assert run_ptfcal("generate", "2020", "--out", str(tmp_path)).code == 0
    doc = json.loads((tmp_path / "2020" / "check.json").read_text(encoding="utf-8"))
    assert doc["summary"] == {"error": 0, "warning": 7, "info": 23}  # as check 2020
    md = (tmp_path / "2020" / "check.md").read_text(encoding="utf-8")
    assert md.startswith("# Vérification du calendrier 2020\n")
    assert (ROOT / "calendars" / "2020" / "check.json").read_bytes() == \
        (tmp_path / "2020" / "check.json").read_bytes()
