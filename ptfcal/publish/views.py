"""Events -> what a month or a year looks like: filtered, laid out Monday-first, with holidays,
weekends, moved and flagged events. Pure data; `render` (terminal) and `planner` (HTML) draw it.
"""

from __future__ import annotations

import calendar as cal
from dataclasses import dataclass
from datetime import date

from .. import i18n
from ..calendar.workdays import Holiday, WorkCalendar
from ..model import Event, EventKind, Level, Model, Text


@dataclass(frozen=True)
class Filters:
    body: str | None = None
    institution: str | None = None
    level: Level | None = None

    def keep(self, model: Model, event: Event) -> bool:
        if self.level is not None and event.level is not self.level:
            return False
        if self.institution is not None and self.institution not in event.participants:
            return False
        if self.body is not None:
            family = {self.body} | {b.id for b in model.bodies.values()
                                    if self.body in b.under and b.level is Level.TECHNICAL}
            if not family & set(event.bodies):
                return False
        return True

    def describe(self, model: Model) -> Text | None:
        parts = []
        if self.body:
            parts.append(model.bodies[self.body].short)
        if self.institution:
            parts.append(model.institutions[self.institution].short)
        if self.level:
            parts.append(Text(self.level.value, self.level.value))
        if not parts:
            return None
        return Text(", ".join(p.fr for p in parts), ", ".join(p.en for p in parts))


@dataclass(frozen=True)
class Mark:
    """One line of a day: an event, or several of one type on that day (the 5 GT PTF)."""

    label: Text
    level: Level
    deadline: bool
    count: int
    moved: bool
    flagged: bool
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    weekend: bool
    holidays: tuple[Holiday, ...]
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]

    def days(self) -> list[Day]:
        return [d for week in self.weeks for d in week if d.in_month]


def label(model: Model, event: Event) -> Text:
    """The short label of an event: its type's, or its body's when the type has several."""
    mt = model.meeting_types[event.meeting_type]
    base = model.bodies[event.body].short if len(mt.bodies) > 1 else mt.short
    for other in event.combined_types:
        short = model.meeting_types[other].short
        base = Text(f"{base.fr} + {short.fr}", f"{base.en} + {short.en}")
    return base


def marks(model: Model, events: list[Event], flagged: set[str]) -> tuple[Mark, ...]:
    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(e.meeting_type, []).append(e)
    result = []
    for type_id, group in groups.items():
        first = group[0]
        text = (model.meeting_types[type_id].short if len(group) > 1 else label(model, first))
        result.append(Mark(
            label=text, level=first.level, deadline=first.kind is EventKind.DEADLINE,
            count=len(group),
            moved=any(e.shifted_from is not None or e.rescheduled for e in group),
            flagged=any(e.uid in flagged for e in group), events=tuple(group)))
    return tuple(result)


def month_view(model: Model, events: list[Event], calendar: WorkCalendar, year: int,
               month: int, flagged: set[str]) -> Month:
    by_day: dict[date, list[Event]] = {}
    for e in events:
        by_day.setdefault(e.day, []).append(e)
    weeks = []
    for week in cal.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(tuple(
            Day(day=d, in_month=d.month == month,
                weekend=d.weekday() not in model.settings.working_days,
                holidays=calendar.holidays_on(d),
                marks=marks(model, by_day.get(d, []), flagged) if d.month == month else ())
            for d in week))
    return Month(year, month, tuple(weeks))


def year_view(model: Model, events: list[Event], calendar: WorkCalendar, year: int,
              flagged: set[str], months: tuple[int, ...] = tuple(range(1, 13))) -> list[Month]:
    return [month_view(model, events, calendar, year, m, flagged) for m in months]


def agenda_row(event: Event, flags: dict[str, list[str]], lang: str) -> tuple[str, list[str]]:
    """An agenda line's time ("09:00–12:00" or all day) and remarks (why it moved, `*`; the
    rules it breaks, `!`): the same in the terminal and in the planner."""
    when = (f"{event.start:%H:%M}–{event.end:%H:%M}" if event.start and event.end
            else i18n.t("show.all-day", lang))
    remarks = []
    if event.shift_reason is not None:
        remarks.append("* " + i18n.shift_sentence(event.day, event.shifted_from,
                                                  event.shift_reason.get(lang), lang))
    elif event.rescheduled:
        remarks.append("* " + i18n.t("chk.rescheduled", lang))
    if event.uid in flags:
        remarks.append("! " + ", ".join(flags[event.uid]))
    return when, remarks
