"""Where a meeting falls: its day in the month, its months, its deadline, the reform's era,
August, working days and holidays (confirmed or estimated)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from .. import i18n
from ..i18n import text
from ..model import (
    CheckRule,
    EventKind,
    Level,
    Severity,
    Status,
    Text,
)
from .context import (
    Context,
    Finding,
    Scope,
    _days,
    _events_or_missing,
    _finding,
    _generated_date,
    _month_names,
    kind,
)


@kind("day-rule", "of day", "of day")
def day_rule(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from ..calendar.rules import nth_weekday

    ordinal, weekday = rule.day  # type: ignore[misc]
    label = Text(f"{_ORD_FR[ordinal]} {i18n.WEEKDAYS['fr'][weekday]}",
                 f"{_ORD_EN[ordinal]} {i18n.WEEKDAYS['en'][weekday]}")
    for e in ctx.of(rule.of):
        expected = nth_weekday(e.day.year, e.day.month, ordinal, weekday)
        if e.day == expected:
            continue
        what = e.title
        if e.rescheduled:
            yield _finding(rule, text("chk.day-rule.moved", what=what, day=e.day,
                                      expected=expected, why=text("chk.rescheduled")), [e],
                           rule.lesser or rule.severity)
        elif e.shifted_from == expected:
            # ptfcal moved it by the shift policy: nothing for the secretariat to fix
            why = e.shift_reason or text("chk.moved-holiday")
            yield _finding(rule, text("chk.day-rule.moved", what=what, day=e.day,
                                      expected=expected, why=why), [e], Severity.INFO)
        else:
            yield _finding(rule, text("chk.day-rule", what=what, day=e.day, rule=label,
                                      expected=expected), [e], subject=e)


_ORD_FR = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième",
           -1: "dernier"}
_ORD_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


@kind("not-in-months", "of months", "of months")
def not_in_months(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.of(rule.of):
        if e.day.month in (rule.months or ()):
            yield _finding(rule, text("chk.not-in-months", what=e.title, day=e.day,
                                      months=_month_names(rule.months or ())), [e], subject=e)


@kind("in-months", "of months", "of months")
def in_months(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.of(rule.of):
        if e.day.month not in (rule.months or ()):
            yield _finding(rule, text("chk.in-months", what=e.title, day=e.day,
                                      months=_month_names(rule.months or ())), [e], subject=e)


@kind("deadline", "of deadline late", "of deadline")
def deadline(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from ..calendar.rules import deadline_date

    assert rule.deadline is not None
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    lenient = ctx.options.lenient_deadlines or not ctx.model.settings.strict_deadlines
    for e in events:
        limit_day = deadline_date(rule.deadline, e.day.year)
        label = _deadline_text(rule.deadline)
        if e.last_day <= limit_day:
            continue
        if lenient and rule.deadline.strict and e.last_day == rule.deadline.limit(e.day.year):
            yield _finding(rule, text("chk.deadline.on-limit", what=e.title, day=e.last_day,
                                      limit=label), [e], Severity.WARNING)
            continue
        if rule.late and e.last_day > deadline_date(rule.late, e.day.year):
            late = _deadline_text(rule.late)
            yield _finding(rule, text("chk.deadline.late", what=e.title, day=e.last_day,
                                      limit=late), [e], subject=e)
            continue
        yield _finding(rule, text("chk.deadline", what=e.title, day=e.last_day, limit=label),
                       [e], subject=e)


def _deadline_text(limit) -> Text:
    return Text(i18n.deadline_words(limit, "fr"), i18n.deadline_words(limit, "en"))


@kind("era", "of then", "of then")
def era(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    reform = ctx.model.settings.reform_effective
    for e in ctx.of(rule.of):
        if e.day < reform:
            yield _finding(rule, text("chk.era.early", what=e.title, day=e.day, reform=reform),
                           [e], subject=e)
    for e in ctx.of(rule.then):
        if e.day >= reform:
            yield _finding(rule, text("chk.era.late", what=e.title, day=e.day, reform=reform),
                           [e], subject=e)


@kind("august", "of values", "values", Scope.EVENT)
def august(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    levels = {Level(v) for v in rule.values}
    for e in ctx.events:
        if (e.day.month == 8 and e.kind is EventKind.MEETING and e.level in levels
                and _generated_date(e) and e.meeting_type not in rule.of):
            yield _finding(rule, text("chk.august", what=e.title, day=e.day), [e], subject=e)


@kind("working-day", "", "", Scope.EVENT)
def working_day(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.events:
        weekend = [d for d in _days(e) if d.weekday() not in ctx.model.settings.working_days]
        if weekend:
            severity = rule.severity if _generated_date(e) else (rule.lesser or rule.severity)
            yield _finding(rule, text("chk.weekend", what=e.title, day=weekend[0]), [e],
                           severity, subject=e)


@kind("holiday", "", "", Scope.EVENT)
def holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.events:
        for d in _days(e):
            found = ctx.calendar.holidays_on(d)
            if not found:
                continue
            why = ctx.calendar.why_not_working(d)
            key = "chk.holiday.estimated" if any(h.estimated for h in found) else "chk.holiday"
            yield _finding(rule, text(key, what=e.title, day=d, why=why), [e], subject=e)
            break


@kind("near-estimated-holiday", "days", "days", Scope.EVENT)
def near_estimated_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """A meeting within `days` of an Islamic holiday whose date is still an estimate: the
    announced date may move the holiday onto it (on the day itself, C-GEN-2 speaks)."""
    span = rule.days or 1
    for e in ctx.events:
        if e.kind is not EventKind.MEETING or e.status is Status.CANCELLED:
            continue
        for offset in range(-span, span + 1):
            day = e.day + timedelta(days=offset) if offset < 0 else \
                e.last_day + timedelta(days=offset)
            if offset == 0:
                continue
            near = [h for h in ctx.calendar.holidays_on(day) if h.estimated and h.islamic]
            if near:
                yield _finding(rule, text("chk.near-estimated", what=e.title, day=e.day,
                                          holiday=near[0].name, when=day), [e], subject=e)
                break


@kind("after-sunday-holiday", "", "", Scope.EVENT)
def after_sunday_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """An event on the Monday after a legal holiday that fell on a Sunday: Mali commonly
    declares that Monday chômé by communiqué (generated dates avoid it)."""
    for e in ctx.events:
        if e.status is Status.CANCELLED:
            continue
        for d in _days(e):
            if ctx.calendar.after_sunday_holiday(d) is not None and not \
                    ctx.calendar.holidays_on(d):
                yield _finding(rule, text("chk.after-sunday", what=e.title, day=d,
                                          why=ctx.calendar.why_after_sunday(d)), [e], subject=e)
                break


@kind("half-day-off", "", "", Scope.EVENT)
def half_day_off(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """A meeting that runs into the afternoon of a half day off (« fin des services fixée à
    12h30 »); one that ends by then is fine."""
    for e in ctx.events:
        if e.kind is not EventKind.MEETING or e.status is Status.CANCELLED:
            continue
        found = ctx.calendar.afternoon_off(e.start, e.end)
        if found is not None:
            yield _finding(rule, text("chk.half-day", what=e.title, day=found.day,
                                      why=Text(found.label("fr"), found.label("en")),
                                      until=found.until.strftime("%H:%M")),
                           [e], subject=e)


@kind("unconfirmed-holiday", "", "", Scope.STATIC)
def unconfirmed_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """An Islamic holiday of the year whose date is still the estimate although the day is
    past (the day of the run, from the CLI): the secretariat records the announced date."""
    today = ctx.options.today
    if today is None:
        return
    for h in ctx.calendar.holidays():
        if h.day.year != ctx.year or not (h.estimated and h.islamic) or h.day >= today:
            continue
        command = f"ptfcal holiday confirm {h.islamic} {h.day.year} --on"
        yield _finding(rule, text("chk.unconfirmed-holiday", holiday=h.name, day=h.day,
                                  command=Text(f"{command} AAAA-MM-JJ --source « … »",
                                               f"{command} YYYY-MM-DD --source '…'")),
                       dates=[h.day])
