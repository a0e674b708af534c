"""Literal expected dates for 2020 and 2021, for every meeting type the bundled rules generate.

Dates were worked out from the rules by hand (calendar arithmetic and Mali's holidays), not
copied from ptfcal's output.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import bundled_schedule

D = date.fromisoformat


def dates_of(year: int, meeting_type: str, body: str | None = None) -> list[str]:
    return [
        e.day.isoformat()
        for e in bundled_schedule(year).events
        if meeting_type in e.types and (body is None or e.body == body)
    ]


GT_PTF = ("gt-ptf-1-economie", "gt-ptf-2-capital-humain", "gt-ptf-3-gouvernance",
          "gt-ptf-4-paix-securite", "gt-ptf-5-environnement")

EXPECTED = {
    2020: {
        # second Wednesday, not August; June recorded on the 17th (002: the enlarged GEC)
        "gec-monthly": ["2020-01-08", "2020-02-12", "2020-03-11", "2020-04-08", "2020-05-13",
                        "2020-06-17", "2020-07-08", "2020-09-09", "2020-10-14", "2020-11-11",
                        "2020-12-09"],
        # the Tuesday before the GEC of Mar/Jun/Sep/Dec; none in June: the GEC of 17 June,
        # enlarged to the coordinators (002 I.3), is their quarter's meeting
        "gt-coordinators-meeting": ["2020-03-10", "2020-09-08", "2020-12-08"],
        "ga-meeting": ["2020-04-22", "2020-10-28"],  # fourth Wednesday of April and October
        "annual-retreat": ["2020-02-18"],  # third Tuesday of February
        "ptf-annual-work-programme": ["2020-02-18"],  # presented at the retreat
        "commission-mixte-session": ["2020-03-19", "2020-07-16", "2020-11-19"],
        "rbc": ["2020-06-18"],  # third Thursday of June
        "credd-review-political": ["2020-06-18"],  # the same event as the RBC
        "credd-review-technical": ["2020-06-11"],  # 7 days before
        "harmonised-calendar-circular": ["2020-01-14"],  # before 15 January
        "sector-reviews-deadline": ["2020-04-29"],  # before 30 April
        "secretariat-annual-workplan": ["2020-03-31"],
        "gec-annual-axes": ["2020-03-11"],  # the first GEC after the 18 February retreat
        "gd-annual-priorities": [],  # the Groupes de Dialogue exist from 17 June 2020
        "nexus-focal-point-renewal": [],
    },
    2021: {
        # 12 May 2021 is Eid al-Fitr in Mali: the GEC moves to Thursday 13 May
        "gec-monthly": ["2021-01-13", "2021-02-10", "2021-03-10", "2021-04-14", "2021-05-13",
                        "2021-06-09", "2021-07-14", "2021-09-08", "2021-10-13", "2021-11-10",
                        "2021-12-08"],
        "gt-coordinators-meeting": ["2021-03-09", "2021-06-08", "2021-09-07", "2021-12-07"],
        "ga-meeting": ["2021-04-28", "2021-10-27"],
        "annual-retreat": ["2021-02-16"],
        "ptf-annual-work-programme": ["2021-02-16"],
        "commission-mixte-session": ["2021-03-18", "2021-07-15", "2021-11-18"],
        "rbc": ["2021-06-17"],
        "credd-review-political": ["2021-06-17"],
        "credd-review-technical": ["2021-06-10"],
        "harmonised-calendar-circular": ["2021-01-14"],
        "sector-reviews-deadline": ["2021-04-29"],
        "secretariat-annual-workplan": ["2021-03-31"],
        "gec-annual-axes": ["2021-03-10"],
        # by 31 January, a Sunday in 2021: the last working day before it, once per GD (16)
        "gd-annual-priorities": ["2021-01-29"] * 16,
        "nexus-focal-point-renewal": ["2021-01-29"] * 16,  # with the priorities
    },
}

GT_PTF_EXPECTED = {
    # first Thursday of Jan/Mar/May/Jul/Sep/Nov, from the reform (17 June 2020);
    # the Baptême of 2020 is Wednesday 4 November (the announced Naissance, 29 October, + 6),
    # a date no public source confirms: the rule date, the day after it, stays (tentative)
    2020: ["2020-07-02", "2020-09-03", "2020-11-05"],
    2021: ["2021-01-07", "2021-03-04", "2021-05-06", "2021-07-01", "2021-09-02", "2021-11-04"],
}


@pytest.mark.parametrize(
    ("year", "meeting_type"),
    [(y, t) for y, types in EXPECTED.items() for t in types],
)
def test_meeting_type_dates(year: int, meeting_type: str) -> None:
    assert dates_of(year, meeting_type) == EXPECTED[year][meeting_type]


@pytest.mark.parametrize("year", [2020, 2021])
@pytest.mark.parametrize("body", GT_PTF)
def test_tripartite_coordination_dates(year: int, body: str) -> None:
    assert dates_of(year, "gt-ptf-coordination", body) == GT_PTF_EXPECTED[year]


def test_every_generated_type_is_covered() -> None:
    """A new rule in meetings.yaml must get its literal dates here."""
    generated = {t for e in bundled_schedule(2021).events for t in e.types}
    assert generated == set(EXPECTED[2021]) | {"gt-ptf-coordination"}


def test_2021_may_gec_shows_the_holiday_policy() -> None:
    (gec,) = [e for e in bundled_schedule(2021).events
              if e.meeting_type == "gec-monthly" and e.nominal == D("2021-05-12")]
    assert gec.day == D("2021-05-13")
    assert gec.shifted_from == D("2021-05-12")
    assert gec.shift_reason is not None
    assert gec.shift_reason.fr == "Journée de la Fête du Ramadan"
    assert gec.shift_reason.en == "Eid al-Fitr"
    # the identity comes from the rule date, so the UID survives the move
    assert gec.uid == "gec-monthly.gec.20210512@ptfcal.ptf-mali"
    assert gec.start.isoformat() == "2021-05-13T09:00:00+00:00"


def test_recorded_june_2020_gec_keeps_its_identity() -> None:
    (gec,) = [e for e in bundled_schedule(2020).events
              if e.meeting_type == "gec-monthly" and e.day.month == 6]
    assert gec.nominal == D("2020-06-10")
    assert gec.day == D("2020-06-17")
    assert gec.uid == "gec-monthly.gec.20200610@ptfcal.ptf-mali"
    assert gec.status.value == "confirmed"
    assert gec.rescheduled
    assert gec.enlarged_to == ("gt-coordinators", "cluster")


def test_structure_follows_the_reform_date() -> None:
    """2020: GT PTF meetings only after 17 June; the Groupes de Dialogue lead the priorities
    from 2021."""
    events = bundled_schedule(2020).events
    gt_ptf = [e for e in events if e.meeting_type == "gt-ptf-coordination"]
    assert len(gt_ptf) == 15
    assert min(e.day for e in gt_ptf) == D("2020-07-02")


def test_secretariat_era() -> None:
    """The Pool Technique until 2 June 2019, the SEG from 3 June 2019."""
    plan_2019 = [e for e in bundled_schedule(2019).events
                 if e.meeting_type == "secretariat-annual-workplan"]
    assert [(e.body, e.day.isoformat()) for e in plan_2019] == [("pool-technique", "2019-03-29")]
    gec_2019 = {e.day.isoformat(): e.secretariat.label.fr for e in bundled_schedule(2019).events
                if e.meeting_type == "gec-monthly"}
    assert gec_2019["2019-05-08"] == "PT"
    assert gec_2019["2019-06-12"] == "SEG"


def test_gec_chair_interim_in_2020() -> None:
    """No 2020 Chef de file is recorded: the outgoing one (Banque mondiale, 2019) is interim."""
    gec = next(e for e in bundled_schedule(2020).events if e.meeting_type == "gec-monthly")
    assert gec.chair is not None
    assert gec.chair.institutions == ("banque-mondiale",)
    assert gec.chair.interim
    assert "intérim : Chef de file sortant 2019" in gec.chair.label.fr


def test_recorded_events_are_added_as_entered(config_copy) -> None:
    """An extraordinary GEC, a sector review and an extra GA from the year file: never moved,
    confirmed, and named by their key when they have one."""
    from ptfcal.config import load
    from ptfcal.publish.publication import build_schedule
    from tests.conftest import append

    append(config_copy / "years" / "2020.yaml", (
        "events:\n"
        "  - type: gec-extraordinary\n    date: 2020-04-22\n    time: 15:00-17:00\n"
        "    convened_by: troika\n"
        "  - type: sector-review\n    body: cps-sante-dspf\n    key: sante\n"
        "    date: 2020-05-04\n    days: 2\n"
        "    title: {fr: Revue sectorielle Santé, en: Health sector review}\n"
        "  - type: ga-meeting\n    date: 2020-07-31\n    trigger: self-referral\n"))
    events = build_schedule(load(config_copy), 2020).events
    extra = {e.meeting_type: e for e in events if e.origin.value == "recorded"}
    gec = extra["gec-extraordinary"]
    assert (gec.uid, gec.start.isoformat()) == (
        "gec-extraordinary.gec.20200422@ptfcal.ptf-mali", "2020-04-22T15:00:00+00:00")
    assert gec.convened_by == "troika" and gec.status.value == "confirmed"
    review = extra["sector-review"]
    assert review.uid == "sector-review.cps-sante-dspf.sante@ptfcal.ptf-mali"
    assert (review.day, review.last_day) == (D("2020-05-04"), D("2020-05-05"))
    assert review.title.fr == "Revue sectorielle Santé"
    ga = extra["ga-meeting"]
    assert ga.day == D("2020-07-31")  # Tabaski: recorded events are never moved
    assert ga.shifted_from is None and ga.trigger == "self-referral"


def test_monthly_dialogue_group_placeholders_when_switched_on(config_copy) -> None:
    """A-41: switched on, each Groupe de Dialogue gets one meeting a month except August, on a
    working day without any other meeting: in March 2022 the 19 free days (not the 3rd, the
    tripartite coordinations; the 8th, the coordinators; the 9th, the GEC; the 17th, the
    Commission Mixte) shared by the 16 groups in order."""
    from ptfcal.config import load
    from ptfcal.publish.publication import build_schedule
    from tests.conftest import edit

    assert dates_of(2022, "gt-gd-meeting") == []  # off unless switched on
    edit(config_copy / "ptfcal.yaml", "placeholders: []", "placeholders: [gt-gd-meeting]")
    events = build_schedule(load(config_copy), 2022).events
    gd = [e for e in events if e.meeting_type == "gt-gd-meeting"]
    assert len(gd) == 16 * 11 and not [e for e in gd if e.day.month == 8]
    assert [(e.day.isoformat(), e.body) for e in gd if e.day.month == 3] == [
        ("2022-03-01", "gd-autonomisation-femmes"), ("2022-03-02", "gd-dev-secteur-prive"),
        ("2022-03-04", "gd-ear"), ("2022-03-07", "gd-ecofin-stats"),
        ("2022-03-10", "gd-transport"), ("2022-03-11", "gd-energie"),
        ("2022-03-15", "gd-crzpc"), ("2022-03-16", "gd-eau-assainissement"),
        ("2022-03-18", "gd-efp"), ("2022-03-21", "gd-pssan"), ("2022-03-22", "gd-sante"),
        ("2022-03-24", "gd-ddi"), ("2022-03-25", "gd-pdosc"), ("2022-03-28", "gd-justice"),
        ("2022-03-29", "gd-securite-interieure"), ("2022-03-30", "gd-env-cc")]
    others = {e.day for e in events if e.start and e.meeting_type != "gt-gd-meeting"}
    assert not others & {e.day for e in gd}
