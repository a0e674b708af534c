"""`check --against` reads any calendar within bounds (issue 10): hostile recurrence rules,
special files and huge inputs are skipped or refused with a located message, in bounded time
and memory, never a hang or a traceback."""

from __future__ import annotations

import os
import resource

import pytest

from tests.conftest import run_ptfcal

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def vevent(uid: str, rrule: str | None, start: str = "20200106T090000",
           tzid: str | None = None) -> str:
    zone = f";TZID={tzid}" if tzid else ""
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20200101T000000Z",
             f"DTSTART{zone}:{start}", f"DTEND{zone}:{start[:9]}100000",
             f"SUMMARY:Réunion {uid}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    return "\r\n".join([*lines, "END:VEVENT"]) + "\r\n"


def _limited() -> None:
    """30 CPU-seconds and 1 GiB: an expansion without bound would be killed."""
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def check(path, *args, env=None):
    return run_ptfcal("check", "2020", "--against", str(path), "--format", "json", *args,
                      preexec=_limited, env=env)


@pytest.mark.parametrize("rrule, reason", [
    ("FREQ=SECONDLY", "elle se répète à chaque SECONDLY"),
    ("FREQ=MINUTELY;INTERVAL=1", "elle se répète à chaque MINUTELY"),
    ("FREQ=HOURLY", "elle se répète à chaque HOURLY"),
    ("FREQ=DAILY;INTERVAL=0", "intervalle 0"),
    ("FREQ=DAILY;BYMINUTE=0,1,2,3,4,5", "elle se répète plusieurs fois par jour"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31", "aucun de ses jours du mois"),
], ids=["secondly", "minutely", "hourly", "interval-0", "byminute", "no-day"])
def test_a_rule_no_meeting_calendar_uses_is_skipped_with_its_line(tmp_path, rrule,
                                                                  reason) -> None:
    path = tmp_path / "hostile.ics"
    path.write_text(HEAD + vevent("good", None, "20200617T090000")
                    + vevent("bad", rrule) + TAIL, encoding="utf-8")
    result = check(path)
    assert result.code == 0, result.err
    assert f"avertissement : hostile.ics:12:1: RRULE: série bad ignorée : {reason}" \
        in result.err, result.err
    # the rest of the file is read: its event clashes with the June GEC (C-EXT-1)
    assert "« Réunion good » (hostile.ics, mercredi 17 juin 2020, 09:00–10:00" in result.out


def test_a_series_beyond_the_limit_is_cut_and_said(tmp_path) -> None:
    path = tmp_path / "daily.ics"
    path.write_text(HEAD + vevent("daily", "FREQ=DAILY", "20000103T090000") + TAIL,
                    encoding="utf-8")
    result = check(path, "--max-occurrences", "50")
    assert result.code in (0, 1), result.err
    assert ("daily.ics:5:1: RRULE: la série daily compte plus de 50 occurrences dans les "
            "années vérifiées : seules les 50 premières sont lues") in result.err


def test_an_unknown_time_zone_is_a_warning_not_silently_floating(tmp_path) -> None:
    path = tmp_path / "zone.ics"
    path.write_text(HEAD + vevent("z", None, "20200617T090000", tzid="Mars/Olympus") + TAIL,
                    encoding="utf-8")
    result = check(path)
    assert ("zone.ics:5:1: DTSTART: série z : le fuseau Mars/Olympus n'est défini nulle "
            "part ; ses heures sont lues à l'heure de Bamako") in result.err, result.err


def test_a_rule_that_never_yields_is_stopped_by_the_time_bound(tmp_path) -> None:
    path = tmp_path / "never.ics"
    # the 60th day of the year is never a 31st: the library would search until year 9999
    path.write_text(HEAD + vevent("never", "FREQ=DAILY;BYYEARDAY=60;BYMONTH=3;BYMONTHDAY=31")
                    + TAIL, encoding="utf-8")
    result = check(path, env={"PTFCAL_AGAINST_SECONDS": "2"})
    assert result.code == 2, result.err
    assert "never.ics : développer ses séries récurrentes demande plus de 2 s" in result.err


def test_dev_zero_and_a_folder_are_refused(tmp_path) -> None:
    for path in ("/dev/zero", str(tmp_path)):
        result = check(path)
        assert result.code == 2, result.err
        assert "ce n'est pas un fichier ordinaire" in result.err, result.err


def test_a_fifo_is_refused_without_waiting(tmp_path) -> None:
    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    result = check(fifo)  # (run_ptfcal's timeout fails the test if ptfcal waits for a writer)
    assert result.code == 2 and "ce n'est pas un fichier ordinaire" in result.err


def test_a_file_over_the_size_limit_is_refused_reading_only_the_limit(tmp_path) -> None:
    from ptfcal.checks.external import MAX_BYTES

    path = tmp_path / "huge.ics"
    with path.open("wb") as handle:
        handle.write(HEAD.encode())
        handle.truncate(MAX_BYTES + 10)  # sparse: costs no disk
    result = check(path)
    assert result.code == 2 and "au-delà des 16,000,000 acceptés" in result.err, result.err


def test_a_ci_sized_fuzz_of_hostile_calendars_stays_bounded(tmp_path) -> None:
    """Random rules and broken lines: every run ends (0, 1 or 2), never 70, never a kill."""
    import random

    rng = random.Random(int(os.environ.get("PTFCAL_FUZZ_SEED", "10")))
    parts = ["FREQ=" + f for f in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY", "SECONDLY", "X")]
    extras = ["INTERVAL=0", "INTERVAL=-3", "INTERVAL=100000", "COUNT=999999999", "BYDAY=MO,TU",
              "BYMONTHDAY=31", "BYMONTH=2", "BYSETPOS=-1", "UNTIL=99991231T000000Z",
              "BYWEEKNO=53", "BYYEARDAY=366", "WKST=XX", "BYHOUR=25"]
    for k in range(int(os.environ.get("PTFCAL_FUZZ_CALENDARS", "12"))):
        rules = ";".join([rng.choice(parts), *rng.sample(extras, rng.randrange(0, 4))])
        start = rng.choice(["20200106T090000", "16000101T000000", "99991231T235959",
                            "20200230T090000", "2020"])
        body = vevent(f"u{k}", rules, start)
        if rng.random() < 0.3:
            body = body.replace("DTEND", "DTEND;TZID=Nowhere/Else", 1)
        path = tmp_path / f"fuzz{k}.ics"
        path.write_text(HEAD + body * rng.randrange(1, 4) + TAIL, encoding="utf-8")
        result = check(path, env={"PTFCAL_AGAINST_SECONDS": "5"})
        assert result.code in (0, 1, 2), (rules, start, result.err)
        assert "Traceback" not in result.err and "internal error" not in result.err, \
            (rules, start, result.err)
