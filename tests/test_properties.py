"""Properties of the generator over 2019-2030, and under any set of extra days off."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptfcal.calendar import scheduler, workdays
from ptfcal.calendar.rules import nth_weekday
from ptfcal.model import EventKind, HolidayOverride, Level, Origin, Status, Text, Window
from tests.conftest import bundled_model, bundled_schedule

YEARS = range(2019, 2031)


def _generated(events):
    """Events placed by a rule and not given a date by a recorded fact."""
    return [e for e in events if e.origin is Origin.RULE and e.status is Status.PLANNED]


@pytest.mark.parametrize("year", YEARS)
def test_no_generated_event_on_a_weekend_or_holiday(year: int) -> None:
    model = bundled_model()
    cal = workdays.build(model.settings, model.holidays, [year])
    for e in _generated(bundled_schedule(year).events):
        if _flagged_on_an_estimate(cal, e):
            continue
        assert cal.is_working_day(e.day), (e.id, e.day, cal.why_not_working(e.day))


def _flagged_on_an_estimate(cal, e) -> bool:
    """A rule date that only an *estimated* Islamic holiday makes a day off keeps its day,
    published « à confirmer » (estimates flag, they do not move: issue 19)."""
    return e.pending is not None and cal.estimated_on(e.day) is not None


@pytest.mark.parametrize("year", YEARS)
def test_uids_unique_and_stable(year: int) -> None:
    first = [e.uid for e in bundled_schedule(year).events]
    assert len(first) == len(set(first))
    from ptfcal.publish.publication import build_schedule

    again = [e.uid for e in build_schedule(bundled_model(), year).events]
    assert again == first


@pytest.mark.parametrize("year", YEARS)
def test_generated_calendar_satisfies_rules_md_section_8(year: int) -> None:
    """The generator's own output breaks none of the RULES.md §8 rules it can check alone."""
    events = [e for e in bundled_schedule(year).events if e.status is not Status.CANCELLED]
    of = lambda t: [e for e in events if t in e.types]  # noqa: E731
    reform = bundled_model().settings.reform_effective

    gec = of("gec-monthly")
    for e in gec:  # C-GEC-1 (a date moved off a holiday or recorded as rescheduled is SOFT)
        second_wednesday = nth_weekday(year, e.nominal.month, 2, 2)
        assert e.nominal == second_wednesday
        assert e.day == second_wednesday or e.shifted_from or e.rescheduled
    months = Counter(e.nominal.month for e in gec)
    assert 8 not in months  # C-GEC-2
    assert months == Counter({m: 1 for m in range(1, 13) if m != 8})  # C-GEC-3
    assert len(of("ga-meeting")) >= 2  # C-GA-1
    assert len(of("ga-meeting")) <= 4  # C-GA-2
    (retreat,) = of("annual-retreat")  # C-RET-1
    assert retreat.day <= date(year, 2, 28 if year % 4 else 29)  # C-RET-2
    axes = of("gec-annual-axes")
    assert axes and axes[0].day >= retreat.day  # C-RET-3
    # C-COORD-1: a GEC enlarged to the coordinators is their quarter's meeting
    quarters = Counter((e.day.month - 1) // 3 for e in events
                       if "gt-coordinators-meeting" in e.types
                       or "gt-coordinators" in e.enlarged_to)
    assert quarters == Counter({0: 1, 1: 1, 2: 1, 3: 1})
    (circular,) = of("harmonised-calendar-circular")
    assert circular.day < date(year, 1, 15)  # C-CIRC-1
    (technical,) = of("credd-review-technical")  # C-CREDD-1
    (political,) = of("credd-review-political")
    assert political.start - technical.end >= timedelta(days=3)  # C-CREDD-2 (and -3)
    (rbc,) = of("rbc")  # C-RBC-2
    assert rbc is political  # C-CREDD-5: one combined event
    assert rbc.day.month == 6  # C-RBC-1
    cm = of("commission-mixte-session")
    assert len(cm) >= 3  # C-CM-1
    assert any(s.day > political.day for s in cm)  # C-CM-2
    for body in {e.body for e in of("gt-ptf-coordination")}:  # C-TRI-1
        windows = {Window.TWO_MONTHS.bounds(e.day)[0].month
                   for e in of("gt-ptf-coordination") if e.body == body}
        first = 7 if year == reform.year else 1  # the first full window after the reform
        assert windows == set(range(first, 13, 2)), body
    for e in of("gt-ptf-coordination"):  # C-ARCH-1
        assert e.day >= reform
    major = {"credd-review-technical", "credd-review-political", "rbc",
             "commission-mixte-session", "sector-review"}
    joint_days = {e.day for e in events if set(e.types) & major}
    for e in events:  # C-GEN-4: no PTF-internal meeting on the day of a major joint event
        if e.kind is EventKind.MEETING and e.level in (Level.POLITICAL, Level.TECHNICAL):
            assert e.day not in joint_days, e.id
    for e in events:  # C-GEN-5: generated PTF-internal meetings other than the GEC avoid August
        if e.origin is Origin.RULE and e.level is not Level.JOINT and e.kind is EventKind.MEETING:
            assert e.day.month != 8 or e.meeting_type == "gec-monthly"


@pytest.mark.parametrize("year", YEARS)
def test_no_role_holder_is_booked_twice(year: int) -> None:
    """C-GEN-3: two meetings that need the same role-holder never overlap."""
    meetings = sorted((e for e in bundled_schedule(year).events if e.start is not None),
                      key=lambda e: e.start)
    for i, a in enumerate(meetings):
        for b in meetings[i + 1:]:
            if b.start >= a.end:
                break
            assert not set(a.holders) & set(b.holders), (a.id, b.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.sampled_from(list(YEARS)),
    offsets=st.sets(st.integers(0, 364), max_size=40),
)
def test_any_days_off_keep_identities_and_windows(year: int, offsets: set[int]) -> None:
    """Whatever days the Government declares off, every occurrence keeps its UID, nothing
    generated lands on a non-working day unless no working day was left (and then it says
    why), and a moved date stays inside its window."""
    model = bundled_model()
    base = date(year, 1, 1)
    extra = [HolidayOverride(base + timedelta(days=o), Text.same("jour chômé")) for o in offsets]
    cal = workdays.build(model.settings, (*model.holidays, *extra), [year])
    events = scheduler.schedule(model, year, cal).events
    assert {e.uid for e in events} == {e.uid for e in bundled_schedule(year).events}
    for e in _generated(events):
        if not cal.is_working_day(e.day) and not _flagged_on_an_estimate(cal, e):
            assert e.shifted_from is None and e.shift_reason is not None, e.id
        mt = model.meeting_types[e.meeting_type]
        if e.shifted_from is not None and mt.shift_within is not None:
            low, high = mt.shift_within.bounds(e.shifted_from)
            assert low <= e.day <= high, (e.id, e.day)


# --- the bytes of a feed -------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
               max_size=600))
def test_folding_keeps_every_character_and_stays_within_75_octets(line: str) -> None:
    from ptfcal.publish.ics import fold

    folded = fold(line.encode("utf-8"))
    physical = folded.split(b"\r\n")
    assert all(len(p) <= 75 for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    for part in physical:
        part.decode("utf-8")  # never a character cut in two
    for part in physical[:-1]:  # never a lone backslash or caret before a fold
        assert not (part.endswith((b"\\", b"^")) and len(part.lstrip(b" ")) > 1)
    assert folded.replace(b"\r\n ", b"").decode("utf-8") == line


def test_folding_of_a_known_line() -> None:
    from ptfcal.publish.ics import fold

    line = ("DESCRIPTION:Reportée du jeudi 5 novembre 2020 (Journée du Maouloud (Baptême du "
            "Prophète)).")
    assert fold(line.encode()) == (
        "DESCRIPTION:Reportée du jeudi 5 novembre 2020 (Journée du Maouloud (Bapt\r\n"
        " ême du Prophète)).").encode()


def test_a_cancelled_copy_of_a_cancelled_copy_is_the_same() -> None:
    """Recovered from the feeds, a withdrawn event is cancelled again at each publication:
    the bytes must not drift."""
    from datetime import UTC, datetime

    from ptfcal.publish.ics import Renderer
    from ptfcal.publish.tracking import Revision

    renderer = Renderer(bundled_model(), "fr")
    event = bundled_schedule(2020).events[0]
    revision = Revision(3, datetime(2020, 7, 1, tzinfo=UTC))
    once = renderer.cancelled(renderer.event_bytes(event), revision)
    assert renderer.cancelled(once, revision) == once
    assert b"SUMMARY:ANNUL\xc3\x89 : R\xc3\xa9union mensuelle du GEC\r\n" in once


def test_history_read_back_from_feeds_keeps_the_highest_revision() -> None:
    from ptfcal.publish.tracking import recover

    def feed(sequence: int, status: str) -> bytes:
        return ("BEGIN:VCALENDAR\r\nX-WR-CALNAME:PTF Mali — GEC\r\nBEGIN:VEVENT\r\n"
                "UID:a@x\r\nDTSTAMP:20200701T000000Z\r\n"
                "DTSTART;TZID=Africa/Bamako:20200617T090000\r\n"
                f"SEQUENCE:{sequence}\r\nSTATUS:{status}\r\n"
                "LAST-MODIFIED:20200701T083000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode()

    state = recover([("2020/all.ics", "fr", feed(1, "CONFIRMED")),
                     ("feeds/gec.ics", "fr", feed(2, "CANCELLED")),
                     ("feeds/en/gec.ics", "en", feed(2, "CANCELLED"))])
    entry = state.entries["a@x"]
    assert (entry.sequence, entry.day, entry.start, entry.gone) == (2, "2020-06-17", "09:00",
                                                                    True)
    assert entry.modified == "2020-07-01T08:30:00+00:00"
    assert entry.feeds == ["2020/all.ics", "feeds/en/gec.ics", "feeds/gec.ics"]
    assert sorted(entry.vevents) == ["en", "fr"] and b"SEQUENCE:2" in entry.vevents["fr"]
    assert state.files["feeds/gec.ics"] == "PTF Mali — GEC"


@pytest.mark.parametrize("year", range(2024, 2031))
def test_a_partner_that_left_takes_part_in_nothing(year: int) -> None:
    """MINUSMA's withdrawal was completed on 31 December 2023 (valid_until): from 2024 it is
    neither a participant nor named as chair, secretariat or lead of any event."""
    for e in bundled_schedule(year).events:
        assert "minusma" not in e.participants, e.uid
        for party in (e.chair, e.secretariat, e.attendees):
            assert party is None or "MINUSMA" not in party.label.fr, e.uid
