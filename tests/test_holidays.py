"""Mali's working calendar and what happens to a rule date that is not a working day."""

from __future__ import annotations

from datetime import date

from ptfcal.calendar.workdays import build, package_holidays
from ptfcal.config import load
from ptfcal.publish.publication import build_schedule
from tests.conftest import bundled_model, edit

D = date.fromisoformat


def events_of(config, year: int, meeting_type: str):
    return [e for e in build_schedule(load(config), year).events if meeting_type in e.types]


def test_package_holidays_have_french_and_english_names() -> None:
    found = {(h.day.isoformat(), h.fr, h.en) for h in package_holidays("ML", [2022])}
    # 1 May 2022 is both Labour Day and Eid al-Fitr: two holidays, each with both names
    assert ("2022-05-01", "Fête du Travail", "Labor Day") in found
    assert ("2022-05-01", "Journée de la Fête du Ramadan", "Eid al-Fitr") in found
    assert ("2022-07-09", "Journée de la Tabaski", "Eid al-Adha") in found


def test_names_do_not_depend_on_the_process_locale(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    names = {h.fr for h in package_holidays("ML", [2020])}
    assert "Journée du Maouloud (Baptême du Prophète)" in names


def test_future_islamic_dates_are_marked_estimated() -> None:
    cal = build(bundled_model().settings, (), [2026])
    (fitr,) = [h for h in cal.holidays() if h.islamic == "eid-al-fitr" and h.day.year == 2026]
    assert fitr.day == D("2026-03-20")
    assert fitr.estimated
    assert fitr.label("fr") == "Journée de la Fête du Ramadan — date estimée, à confirmer"
    (new_year,) = [h for h in cal.holidays() if h.day == D("2026-01-01")]
    assert not new_year.estimated


def test_announced_date_replaces_the_estimate(config_copy) -> None:
    edit(config_copy / "holidays.yaml", "official_dates:\n", (
        "official_dates:\n  - holiday: eid-al-fitr\n    date: 2026-03-21\n"
        "    source: Communiqué\n"))
    model = load(config_copy)
    cal = build(model.settings, model.holidays, [2026])
    fitr = [h for h in cal.holidays() if h.islamic == "eid-al-fitr" and h.day.year == 2026]
    assert [(h.day, h.estimated, h.origin) for h in fitr] == [(D("2026-03-21"), False,
                                                                "official")]
    assert cal.is_working_day(D("2026-03-20"))  # a Friday, no longer a holiday


def test_announced_date_changes_where_the_gec_goes(config_copy) -> None:
    """If Eid al-Fitr 2021 had been announced for the 13th, the GEC stays on the 12th... and
    a GEC on the 13th would have moved."""
    edit(config_copy / "holidays.yaml", "    date: 2021-05-12\n", "    date: 2021-05-13\n")
    (gec,) = [e for e in events_of(config_copy, 2021, "gec-monthly") if e.day.month == 5]
    assert gec.day == D("2021-05-12")
    assert gec.shifted_from is None


def test_day_off_moves_the_coordinators_meeting_back_not_onto_the_gec(config_copy) -> None:
    """A-03: Tuesday 8 Sept 2020 declared off; Wednesday 9 is the GEC, chaired by the same
    Chef de file at the same hours, so the meeting goes to Monday 7."""
    edit(config_copy / "holidays.yaml", "days_off:\n", (
        "days_off:\n  - date: 2020-09-08\n    name: {fr: Journée chômée, en: Day off}\n"))
    (meeting,) = [e for e in events_of(config_copy, 2020, "gt-coordinators-meeting")
                  if e.day.month == 9]
    assert meeting.day == D("2020-09-07")
    assert meeting.shifted_from == D("2020-09-08")
    assert meeting.shift_reason.fr == "Journée chômée"


def test_next_working_day_when_it_is_free(config_copy) -> None:
    """The same day off for the GA (no shared holder with anything on the next day)."""
    edit(config_copy / "holidays.yaml", "days_off:\n", (
        "days_off:\n  - date: 2020-04-22\n    name: {fr: Journée chômée, en: Day off}\n"))
    (ga,) = [e for e in events_of(config_copy, 2020, "ga-meeting") if e.day.month == 4]
    assert ga.day == D("2020-04-23")


def test_same_weekday_next_week_policy(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "    time: 09:00-12:00        # A-07 [PROPOSAL]\n"
         "    shift_within: month\n", "    time: 09:00-12:00\n    shift_within: month\n"
         "    shift: same-weekday-next-week\n")
    (gec,) = [e for e in events_of(config_copy, 2021, "gec-monthly") if e.nominal.month == 5]
    assert gec.day == D("2021-05-19")


def test_skip_policy_drops_the_occurrence_and_says_so(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "    time: 09:00-12:00        # A-07 [PROPOSAL]\n"
         "    shift_within: month\n", "    time: 09:00-12:00\n    shift: skip\n")
    model = load(config_copy)
    sched = build_schedule(model, 2021)
    assert D("2021-05-12") not in [e.nominal for e in sched.events
                                   if e.meeting_type == "gec-monthly"]
    assert [(s.meeting_type, s.nominal) for s in sched.skipped] == [("gec-monthly",
                                                                      D("2021-05-12"))]


def test_keep_policy_keeps_the_holiday_and_says_why(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "    time: 09:00-12:00        # A-07 [PROPOSAL]\n"
         "    shift_within: month\n", "    time: 09:00-12:00\n    shift: keep\n")
    (gec,) = [e for e in events_of(config_copy, 2021, "gec-monthly") if e.nominal.month == 5]
    assert gec.day == D("2021-05-12")
    assert gec.shifted_from is None
    assert gec.shift_reason.en == "Eid al-Fitr"


def test_deadline_never_moves_later() -> None:
    """By 31 January 2021 (a Sunday): the limit is the last working day before, Friday 29."""
    events = [e for e in build_schedule(bundled_model(), 2021).events
              if e.meeting_type == "gd-annual-priorities"]
    assert {e.day for e in events} == {D("2021-01-29")}
    assert all(e.nominal == D("2021-01-31") for e in events)


def test_lenient_deadlines_put_the_milestone_on_the_day_itself(config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "strict_deadlines: true", "strict_deadlines: false")
    (circular,) = events_of(config_copy, 2020, "harmonised-calendar-circular")
    assert circular.day == D("2020-01-15")


def test_sector_review_placeholders_when_switched_on(config_copy) -> None:
    """A-22: one placeholder per CPS over the working days of March-April, before 30 April,
    never on a day that already has a meeting (the GEC among them)."""
    edit(config_copy / "ptfcal.yaml", "placeholders: []", "placeholders: [sector-review]")
    model = load(config_copy)
    events = build_schedule(model, 2020).events
    reviews = [e for e in events if e.meeting_type == "sector-review"]
    assert len(reviews) == 11
    assert {e.body for e in reviews} == {b.id for b in model.bodies.values()
                                         if b.category == "cps"}
    busy = {e.day for e in events if e.kind.value == "meeting" and e not in reviews}
    for review in reviews:
        assert D("2020-03-01") <= review.day <= D("2020-04-29")
        assert review.day not in busy
        assert review.day.weekday() < 5
    assert reviews[0].day == D("2020-03-02")
    assert reviews[0].title.fr.startswith("Revue sectorielle — CPS ")


def test_announced_date_far_from_any_estimate_is_an_error(config_copy) -> None:
    import pytest

    from ptfcal.errors import ConfigError

    edit(config_copy / "holidays.yaml", "official_dates:\n",
         "official_dates:\n  - holiday: eid-al-adha\n    date: 2026-03-20\n")
    model = load(config_copy)
    with pytest.raises(ConfigError) as info:
        build(model.settings, model.holidays, [2026])
    (problem,) = info.value.problems
    lines = (config_copy / "holidays.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.mark.file == "config/holidays.yaml"
    assert lines[problem.mark.line - 1] == "  - holiday: eid-al-adha"
    assert "2026-03-20: the holidays package has no date of Eid al-Adha within 5 days" in \
        problem.render("en")
    assert ("2026-03-20 : la bibliothèque « holidays » ne place la Tabaski à moins de 5 jours "
            "de cette date") in str(problem)
