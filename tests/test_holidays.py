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


# --- Mali's practices: Baptême 6 days after the Naissance, the Monday after a Sunday holiday,
# half days off, past estimates to confirm (issue 19 item 10)


def test_baptism_is_six_days_after_the_birth() -> None:
    model = bundled_model()
    cal = build(model.settings, model.holidays, range(2016, 2028))
    pairs = {h.day.year: h.day for h in cal.holidays() if h.islamic == "mawlid-baptism"}
    births = {h.day.year: h.day for h in cal.holidays() if h.islamic == "mawlid"}
    # the sourced pairs, and the estimate of 2027 (the package says 14 and 21 August)
    assert (births[2016], pairs[2016]) == (D("2016-12-12"), D("2016-12-18"))
    assert (births[2019], pairs[2019]) == (D("2019-11-10"), D("2019-11-16"))
    assert (births[2022], pairs[2022]) == (D("2022-10-09"), D("2022-10-15"))
    assert (births[2023], pairs[2023]) == (D("2023-09-28"), D("2023-10-04"))
    assert (births[2027], pairs[2027]) == (D("2027-08-14"), D("2027-08-20"))
    # only the Baptême of 2025 is sourced (Thursday 11 September): the Naissance is 6 days before
    assert births[2025] == D("2025-09-05")


def test_list_holidays_2027_gives_the_baptism_six_days_after() -> None:
    from tests.conftest import run_ptfcal

    result = run_ptfcal("list", "holidays", "2027", "--lang", "en")
    assert result.code == 0
    assert "2027-08-14" in result.out and "2027-08-20" in result.out
    assert "2027-08-21" not in result.out


def test_the_monday_after_a_sunday_holiday_is_avoided() -> None:
    """Sunday 30 March 2025 is the Eid: Monday 31 is commonly declared a day off, so the SEG's
    work-plan deadline (by 31 March) goes to Friday 28."""
    model = bundled_model()
    cal = build(model.settings, model.holidays, [2025])
    assert not cal.is_working_day(D("2025-03-31"))
    assert cal.why_not_working(D("2025-03-31")).fr == (
        "lendemain d'un jour férié tombé un dimanche (Journée de la Fête du Ramadan), souvent "
        "déclaré chômé")
    events = build_schedule(model, 2025).events
    assert [e.id for e in events if e.day <= D("2025-03-31") <= e.last_day] == []
    (plan,) = [e for e in events if e.meeting_type == "secretariat-annual-workplan"]
    assert (plan.nominal, plan.day) == (D("2025-03-31"), D("2025-03-28"))


def test_check_warns_about_a_meeting_recorded_on_that_monday(config_copy) -> None:
    """The Tabaski 2027 is estimated on Sunday 16 May: a GEC recorded on Monday 17 is warned
    about (C-GEN-8); nothing generated goes there."""
    from ptfcal.checks.audit import audit

    model = load(config_copy)
    assert [f for f in audit(model, 2027).findings if f.rule == "C-GEN-8"] == []
    (config_copy / "years" / "2027.yaml").write_text(
        "year: 2027\noccurrences:\n  - type: gec-monthly\n    nominal: 2027-05-12\n"
        "    date: 2027-05-17\n", encoding="utf-8")
    model = load(config_copy)
    (found,) = [f for f in audit(model, 2027).findings if f.rule == "C-GEN-8"]
    assert found.severity.value == "warning"
    assert found.dates == (D("2027-05-17"),)
    assert found.message.fr == (
        "Réunion mensuelle du GEC le lundi 17 mai 2027 : lendemain d'un jour férié tombé un "
        "dimanche (Journée de la Tabaski — date estimée, à confirmer), souvent déclaré chômé ; "
        "vérifier le communiqué du ministère du Travail")


def test_half_day_off_keeps_the_morning(config_copy) -> None:
    """Friday 14 October 2022: « fin des services … fixée à 12h30 »."""
    model = bundled_model()
    cal = build(model.settings, model.holidays, [2022])
    assert cal.is_working_day(D("2022-10-14"))
    (half,) = [h for h in cal.holidays() if h.day == D("2022-10-14")]
    assert half.label("fr") == ("Veille du Maouloud (Baptême) (après-midi chômé, à partir de "
                                "12:30)")
    from datetime import datetime
    from zoneinfo import ZoneInfo

    bamako = ZoneInfo("Africa/Bamako")
    assert cal.afternoon_off(datetime(2022, 10, 14, 9, tzinfo=bamako),
                             datetime(2022, 10, 14, 12, tzinfo=bamako)) is None
    assert cal.afternoon_off(datetime(2022, 10, 14, 10, tzinfo=bamako),
                             datetime(2022, 10, 14, 13, tzinfo=bamako)) == half


def test_an_afternoon_meeting_moves_off_a_half_day(config_copy) -> None:
    """A half day off on the GEC's Wednesday 12 May 2021... moves a 15:00 GEC, not a morning
    one."""
    edit(config_copy / "holidays.yaml", "days_off:\n", (
        "days_off:\n  - date: 2021-06-09\n    until: \"12:30\"\n"
        "    name: {fr: Demi-journée, en: Half day}\n"))
    (gec,) = [e for e in events_of(config_copy, 2021, "gec-monthly") if e.nominal.month == 6]
    assert gec.day == D("2021-06-09")  # 09:00-12:00 ends before 12:30
    edit(config_copy / "meetings.yaml", "    time: 09:00-12:00        # A-07 [PROPOSAL]\n",
         "    time: 11:00-13:00\n")
    (gec,) = [e for e in events_of(config_copy, 2021, "gec-monthly") if e.nominal.month == 6]
    assert gec.day == D("2021-06-10")
    assert gec.shift_reason.fr == "Demi-journée (après-midi chômé, à partir de 12:30)"


def test_until_must_be_a_time(config_copy) -> None:
    import pytest

    from ptfcal.errors import ConfigError

    edit(config_copy / "holidays.yaml", "days_off:\n", (
        "days_off:\n  - date: 2021-06-09\n    until: midi\n"
        "    name: {fr: Demi-journée, en: Half day}\n"))
    with pytest.raises(ConfigError) as info:
        load(config_copy)
    assert "days_off[0].until" in info.value.problems[0].render("en")
    assert "a time of day such as '12:30'" in info.value.problems[0].render("en")


def test_a_past_estimate_asks_to_be_confirmed() -> None:
    from ptfcal.checks.audit import audit
    from ptfcal.checks.context import Options

    model = bundled_model()
    assert [f for f in audit(model, 2027).findings if f.rule == "C-GEN-10"] == []
    found = [f for f in audit(model, 2027, Options(today=D("2027-12-07"))).findings
             if f.rule == "C-GEN-10"]
    assert [f.dates for f in found] == [(D("2027-03-09"),), (D("2027-05-16"),),
                                        (D("2027-08-14"),), (D("2027-08-20"),)]
    assert found[0].message.fr == (
        "Journée de la Fête du Ramadan : la date estimée, le mardi 9 mars 2027, est passée et "
        "n'est toujours pas confirmée ; enregistrer la date annoncée : ptfcal holiday confirm "
        "eid-al-fitr 2027 --on AAAA-MM-JJ --source « … »")
    # before the Korité nothing is due yet; on the day itself neither
    assert [f for f in audit(model, 2027, Options(today=D("2027-03-09"))).findings
            if f.rule == "C-GEN-10"] == []


# --- estimates flag, they do not move (issue 19 item 9)


def test_a_rule_date_next_to_an_estimate_keeps_its_date_tentative(config_copy) -> None:
    """The Korité of 2027 is estimated on Tuesday 9 March: the GEC of Wednesday 10 keeps its
    rule date, published tentative « à confirmer selon l'annonce de la fête »."""
    from ptfcal.publish.ics import Renderer

    model = load(config_copy)
    (gec,) = [e for e in events_of(config_copy, 2027, "gec-monthly") if e.nominal.month == 3]
    assert (gec.day, gec.shifted_from) == (D("2027-03-10"), None)
    assert gec.pending.fr == ("date à confirmer selon l'annonce de la fête : à un jour de la "
                              "Journée de la Fête du Ramadan, estimée au mardi 9 mars 2027")
    vevent = Renderer(model, "fr").content(gec)
    vevent = vevent.decode() if isinstance(vevent, bytes) else vevent
    unfolded = vevent.replace("\r\n ", "").replace("\n ", "")
    assert "STATUS:TENTATIVE" in unfolded
    assert "DESCRIPTION:Date à confirmer selon l'annonce de la fête : à un jour de la " \
        "Journée de la Fête du Ramadan\\, estimée au mardi 9 mars 2027." in unfolded


def test_2_january_2026_is_a_day_off_by_communique() -> None:
    """The Ministry of Labour declared Friday 2 January 2026 chômé et payé (communiqué of 31
    December 2025): the five tripartite coordinations of January, moved off New Year's Day,
    are on Monday 5, not on the 2nd."""
    model = bundled_model()
    cal = build(model.settings, model.holidays, [2026])
    assert not cal.is_working_day(D("2026-01-02"))
    assert cal.why_not_working(D("2026-01-02")).fr == "Lendemain du Nouvel An"
    january = [e for e in build_schedule(model, 2026).events
               if e.meeting_type == "gt-ptf-coordination" and e.nominal.month == 1]
    assert len(january) == 5
    assert {(e.nominal, e.day) for e in january} == {(D("2026-01-01"), D("2026-01-05"))}


def test_the_march_2027_coordinators_keep_the_day_before_the_gec(config_copy) -> None:
    """Their rule date, Tuesday 9 March 2027, is the Korité's estimate itself: the meeting is
    not moved on the guess (it went to Thursday 11, after the GEC it prepares) but stays the
    day before the GEC, tentative « à confirmer selon l'annonce de la fête », and C-GEN-2
    lists it; plan leaves it there. Announced for the 10th, the Korité moves the GEC and the
    coordinators keep the 9th."""
    from ptfcal.checks.audit import audit

    (coord,) = [e for e in events_of(config_copy, 2027, "gt-coordinators-meeting")
                if e.nominal.month == 3]
    (gec,) = [e for e in events_of(config_copy, 2027, "gec-monthly") if e.nominal.month == 3]
    assert (coord.day, coord.shifted_from, gec.day) == (D("2027-03-09"), None, D("2027-03-10"))
    assert coord.pending.fr == ("date à confirmer selon l'annonce de la fête : la Journée de "
                                "la Fête du Ramadan est estimée ce jour-là")
    assert coord.pending.en == ("date to be confirmed when the holiday is announced: Eid "
                                "al-Fitr is estimated on that day")
    found = [f for f in audit(load(config_copy), 2027).findings
             if f.rule in ("C-GEN-2", "C-GEN-7")]
    assert [(f.rule, f.severity.value, f.dates) for f in found] == [
        ("C-GEN-2", "warning", (D("2027-03-09"),)), ("C-GEN-7", "warning", (D("2027-03-10"),))]
    edit(config_copy / "holidays.yaml", "official_dates:\n", (
        "official_dates:\n  - holiday: eid-al-fitr\n    date: 2027-03-10\n"
        "    source: Communiqué\n"))
    (coord,) = [e for e in events_of(config_copy, 2027, "gt-coordinators-meeting")
                if e.nominal.month == 3]
    (gec,) = [e for e in events_of(config_copy, 2027, "gec-monthly") if e.nominal.month == 3]
    assert (coord.day, coord.pending, gec.day) == (D("2027-03-09"), None, D("2027-03-11"))


def test_once_confirmed_the_rule_shifts_as_usual(config_copy) -> None:
    """Announced for Wednesday 10 March, the Korité moves the GEC by its own policy."""
    edit(config_copy / "holidays.yaml", "official_dates:\n", (
        "official_dates:\n  - holiday: eid-al-fitr\n    date: 2027-03-10\n"
        "    source: Communiqué\n"))
    (gec,) = [e for e in events_of(config_copy, 2027, "gec-monthly") if e.nominal.month == 3]
    assert (gec.day, gec.shifted_from, gec.pending) == (D("2027-03-11"), D("2027-03-10"), None)
    assert gec.shift_reason.fr == "Journée de la Fête du Ramadan"


# --- placeholders that share the year (issue 19 item 8)


def test_every_placeholder_family_on_shares_the_years(config_copy) -> None:
    """With the Dialogue Groups, the CPS sub-groups and the sector reviews all switched on,
    each year 2021-2030 gets its eleven sector reviews before 30 April on at least four days,
    no placeholder shares a day with another type's meeting (the GEC among them), and `check`
    finds nothing that the placeholders bring (compared with the same year without them)."""
    from ptfcal.calendar.parties import Resolver
    from ptfcal.checks.audit import audit

    def blocking(model, year, resolver):
        return {(f.rule, f.message.en) for f in audit(model, year, resolver=resolver).findings
                if f.severity.value in ("error", "warning")}

    plain = load(config_copy)
    edit(config_copy / "ptfcal.yaml", "placeholders: []",
         "placeholders: [gt-gd-meeting, credd-subgroup-meeting, sector-review]")
    model = load(config_copy)
    plain_who, who = Resolver(plain), Resolver(model)
    cps = {b.id for b in model.bodies.values() if b.category == "cps"}
    placeholder_types = {"gt-gd-meeting", "sector-review"}
    for year in range(2021, 2031):
        result = audit(model, year, resolver=who)
        events = result.schedule.events
        reviews = [e for e in events if e.meeting_type == "sector-review"]
        assert {e.body for e in reviews} == cps, year
        assert all(date(year, 3, 1) <= e.day <= date(year, 4, 29) for e in reviews), year
        assert len({e.day for e in reviews}) >= 4, year
        for e in events:
            if e.meeting_type not in placeholder_types:
                continue
            others = [o for o in events if o.kind.value == "meeting" and o is not e
                      and o.meeting_type != e.meeting_type
                      and o.day <= e.last_day and e.day <= o.last_day]
            assert others == [], (year, e.id, [o.id for o in others])
        found = {(f.rule, f.message.en) for f in result.findings
                 if f.severity.value in ("error", "warning")}
        assert found - blocking(plain, year, plain_who) == set(), year


def test_a_placeholder_leaves_a_recorded_gec_day(config_copy) -> None:
    """The GEC of June 2020 was held on Wednesday 17 (recorded): no Dialogue Group placeholder
    on that day, nor on Thursday 13 May 2021 (the GEC moved off the Korité)."""
    edit(config_copy / "ptfcal.yaml", "placeholders: []",
         "placeholders: [gt-gd-meeting, credd-subgroup-meeting, sector-review]")
    model = load(config_copy)
    for year, day in ((2020, D("2020-06-17")), (2021, D("2021-05-13"))):
        events = build_schedule(model, year).events
        on_day = [e.meeting_type for e in events if e.day == day and e.kind.value == "meeting"]
        assert on_day == ["gec-monthly"], (year, on_day)
