"""Validated records -> the model's objects (Settings, Body, MeetingType, roles, holidays,
year facts), once every file is read."""

from __future__ import annotations

import re
import zoneinfo
from datetime import date

from .. import i18n
from ..errors import Mark
from ..meeting import Action, ActionStatus, AgendaItem, Decision, MeetingRecord
from ..model import (
    ISLAMIC_NAMES,
    Body,
    EventKind,
    ExtraEvent,
    HolidayOverride,
    MeetingType,
    OccurrenceFact,
    Settings,
    ShiftPolicy,
    Term,
    TermKind,
    Text,
    Validity,
    YearFacts,
    YearRoles,
)
from .reader import Collector, Ctx


def _settings(out: Collector, ctx: Ctx, values: dict | None) -> Settings | None:
    if values is None:
        return None
    nodes = values.get("_nodes", {})
    marks = {key: ctx.mark(node) for key, node in nodes.items()}
    problem = _timezone_problem(values["timezone"])
    if problem is not None:
        out.add(marks.get("timezone"), "timezone", problem)
    return Settings(
        timezone=values["timezone"],
        working_days=frozenset(int(d) for d in values["working_days"]),
        holiday_country=values["holidays_country"],
        reform_effective=values["reform_effective_date"],
        secretariat_handover=values["secretariat_handover"],
        uid_domain=values["uid_domain"],
        language=values["language"],
        languages=_languages(values),
        strict_deadlines=values["strict_deadlines"],
        placeholders=frozenset(values.get("placeholders", ())),
        calendar_name=values["calendar_name"],
        feed_years=(values["feeds"]["years_before"], values["feeds"]["years_after"]),
        refresh_hours=values["feeds"]["refresh_hours"],
        base_url=values["feeds"].get("base_url") or None,
        marks=marks,
    )


def _timezone_problem(name: str) -> Text | None:
    """Why a time zone cannot be used: not an IANA name ('localtime' would be this machine's
    zone), unknown, or with daylight saving time (ptfcal writes zones without it)."""
    from datetime import datetime

    if not re.fullmatch(r"(UTC|[A-Z][A-Za-z_-]+(/[A-Za-z0-9_+-]+)+)", name):
        return i18n.text("ld.timezone", value=repr(name))
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return i18n.text("ld.timezone", value=repr(name))
    for year in range(1990, 2101, 5):
        winter = datetime(year, 1, 15, 12, tzinfo=zone).utcoffset()
        summer = datetime(year, 7, 15, 12, tzinfo=zone).utcoffset()
        if winter != summer:
            return i18n.text("ld.timezone-dst", value=repr(name))
    return None


def _languages(values: dict) -> tuple[str, ...]:
    """The configuration's language first, then the others listed (default: fr and en)."""
    listed = values.get("languages") or ["fr", "en"]
    return (values["language"], *dict.fromkeys(x for x in listed if x != values["language"]))


def _terms(selector: tuple | None, body_ids: set[str]) -> tuple | None:
    """An id in a selector names a body or an institution; bodies are told apart here."""
    if selector is None:
        return None
    return tuple(
        Term(TermKind.BODY, t.ref) if t.kind is TermKind.INSTITUTION and t.ref in body_ids else t
        for t in selector
    )


def _era(value, settings: Settings | None, until: bool) -> date | None:
    if not isinstance(value, str):
        return value
    if settings is None:
        return None
    day = settings.reform_effective if value == "reform" else settings.secretariat_handover
    return date.fromordinal(day.toordinal() - 1) if until else day


def _body(v: dict, mark: Mark, body_ids: set[str], settings: Settings | None) -> Body:
    return Body(
        id=v["id"],
        name=v["name"],
        short=v.get("short") or v["name"],
        level=v["level"],
        category=v["category"],
        validity=Validity(_era(v.get("valid_from"), settings, False),
                          _era(v.get("valid_until"), settings, True)),
        source=v["source"],
        parent=v.get("parent"),
        chair=_terms(v.get("chair"), body_ids) or (),
        secretariat=_terms(v.get("secretariat"), body_ids) or (),
        members=_terms(v.get("members"), body_ids) or (),
        vice_chair=_terms(v.get("vice_chair"), body_ids) or (),
        lead=v.get("lead", ()),
        lead_as_of=v.get("lead_as_of"),
        faces=v.get("faces", ()),
        pairs_with=v.get("pairs_with", ()),
        former=v.get("former", ()),
        also_under=v.get("also_under", ()),
        team=v.get("team", 1),
        note=v.get("note"),
        mark=mark,
    )


def _meeting_type(
    v: dict, mark: Mark, body_ids: set[str], categories: dict[str, tuple[str, ...]]
) -> MeetingType:
    rule, until = v.get("rule", (None, None))
    kind = v["kind"]
    bodies: list[str] = []
    for how, held in v["held_by"]:
        for ident in categories.get(held, ()) if how == "every" else (held,):
            if ident not in bodies:
                bodies.append(ident)
    default_shift = ShiftPolicy.PREVIOUS if kind is EventKind.DEADLINE else ShiftPolicy.NEXT
    return MeetingType(
        id=v["id"],
        name=v["name"],
        short=v.get("short") or v["name"],
        kind=kind,
        level=v["level"],
        bodies=tuple(bodies),
        source=v["source"],
        rule=rule,
        until=until,
        generate=v.get("generate", True),
        flexible=v.get("flexible", False),
        time=v.get("time"),
        stagger=tuple(v.get("stagger", ())),
        days=v.get("days", 1),
        shift=v.get("shift", default_shift),
        shift_within=v.get("shift_within"),
        chair=_terms(v.get("chair"), body_ids),
        secretariat=_terms(v.get("secretariat"), body_ids),
        participants=_terms(v.get("participants"), body_ids),
        combined_title=v.get("combined_title"),
        avoid_august=v.get("avoid_august", False),
        tentative=v.get("tentative", kind is EventKind.MEETING),
        seats=tuple(v.get("seats", ())),
        convened_by=v.get("convened_by"),
        note=v.get("note"),
        mark=mark,
    )


def _roles(out: Collector, values: dict | None) -> dict[int, YearRoles]:
    result: dict[int, YearRoles] = {}
    for item in (values or {}).get("years", ()):
        year = item["year"]
        if year in result:
            out.add(item["_mark"], "years.year", i18n.text("ld.roles-twice", year=year))
            continue
        result[year] = YearRoles(
            year=year,
            chef_de_file=item.get("chef_de_file"),
            cdf_deputy=item.get("cdf_deputy"),
            troika=item.get("troika", ()),
            un_coordinating_agency=item.get("un_coordinating_agency"),
            tripartite=dict(item.get("tripartite", {})),
            nexus_focal_points=dict(item.get("nexus_focal_points", {})),
            gd_members={gd: {i: tuple(names) for i, names in members.items()}
                        for gd, members in item.get("gd_members", {}).items()},
            source=item.get("source"),
            mark=item["_mark"],
        )
    return result


def _holidays(out: Collector, values: dict) -> tuple[HolidayOverride, ...]:
    seen: dict[tuple, Mark] = {}
    for key, records in (("official_dates", values.get("official_dates", ())),
                         ("days_off", values.get("days_off", ())),
                         ("not_holidays", values.get("not_holidays", ()))):
        for v in records:
            if key == "official_dates":
                fr, en = ISLAMIC_NAMES[v["holiday"]]
                what = (v["holiday"], v["date"].year)
                label = Text(f"La date de {fr} {v['date'].year}",
                             f"The date of {en} {v['date'].year}")
            elif "day" in v:
                what, label = ("every", v["day"]), Text.same(f"{v['day'][1]}/{v['day'][0]}")
            else:
                what, label = v["date"], Text.same(str(v["date"]))
            first = seen.setdefault((key, what), v["_mark"])
            if first is not v["_mark"]:
                out.add(v["_mark"], f"{key}.date",
                        i18n.text("ld.holiday-twice", what=label, line=first.line))
    items = []
    for v in values.get("official_dates", ()):
        items.append(HolidayOverride(v["date"], Text.same(v["holiday"]), replaces=v["holiday"],
                                     source=v.get("source"), mark=v["_mark"]))
    for v in values.get("days_off", ()):
        if "day" in v:
            month, day = v["day"]
            items.append(HolidayOverride(
                date(v["every_year_from"], month, day), v["name"], source=v.get("source"),
                mark=v["_mark"], every_year_from=v["every_year_from"],
                every_year_until=v.get("every_year_until"), until=v.get("until")))
        else:
            items.append(HolidayOverride(v["date"], v["name"], source=v.get("source"),
                                         mark=v["_mark"], until=v.get("until")))
    for v in values.get("not_holidays", ()):
        items.append(HolidayOverride(v["date"], Text.same(""), removed=True,
                                     source=v.get("source"), mark=v["_mark"]))
    return tuple(items)


def meeting_record(v: dict, attendance: dict[str, int]) -> MeetingRecord:
    """The meeting's record of one recorded occurrence or event (its validated values)."""
    return MeetingRecord(
        agenda=tuple(AgendaItem(a["title"], a.get("by"), tuple(a.get("docs", ())))
                     for a in v.get("agenda", ())),
        attendance=attendance,
        excused=tuple(v.get("excused", ())),
        absent=tuple(v.get("absent", ())),
        decisions=tuple(Decision(d["text"], d.get("item")) for d in v.get("decisions", ())),
        actions=tuple(Action(
            id=a["id"], text=a["text"], owner=a["owner"], due=a.get("due"), item=a.get("item"),
            status=a.get("status", ActionStatus.OPEN), done_on=a.get("done_on"),
            note=a.get("note")) for a in v.get("actions", ())),
    )


def _year(values: dict, file: str, body_ids: set[str]) -> YearFacts:
    occurrences = []
    for v in values.get("occurrences", ()):
        attendance = dict(v.get("attendance", {}))
        occurrences.append(OccurrenceFact(
            meeting_type=v["type"], body=v.get("body", ""), nominal=v["nominal"],
            date=v.get("date"), time=v.get("time"), days=v.get("days"),
            cancelled=v.get("cancelled", False), rescheduled=v.get("rescheduled", False),
            planned=v.get("planned", False), enlarged_to=v.get("enlarged_to", ()),
            location=v.get("location"),
            chair=_terms(v.get("chair"), body_ids),
            secretariat=_terms(v.get("secretariat"), body_ids),
            participants=_terms(v.get("participants"), body_ids),
            attendance=attendance, record=meeting_record(v, attendance),
            note=v.get("note"), source=v.get("source"), mark=v["_mark"],
        ))
    events = []
    for v in values.get("events", ()):
        attendance = dict(v.get("attendance", {}))
        events.append(ExtraEvent(
            meeting_type=v["type"], body=v.get("body", ""), date=v["date"],
            key=v.get("key", ""), time=v.get("time"), days=v.get("days", 1),
            title=v.get("title"), convened_by=v.get("convened_by"), trigger=v.get("trigger"),
            chair=_terms(v.get("chair"), body_ids),
            secretariat=_terms(v.get("secretariat"), body_ids),
            participants=_terms(v.get("participants"), body_ids),
            attendance=attendance, record=meeting_record(v, attendance),
            location=v.get("location"), note=v.get("note"), source=v.get("source"),
            mark=v["_mark"], cancelled=v.get("cancelled", False),
        ))
    return YearFacts(values["year"], tuple(occurrences), tuple(events), file)
