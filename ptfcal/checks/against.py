"""Another calendar (`--against`): its events that clash with ours or fall on a holiday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ..i18n import text
from ..model import (
    CheckRule,
    Event,
    EventKind,
)
from .context import (
    Context,
    ExternalEvent,
    Finding,
    Scope,
    kind,
)


@kind("external-clash", "", "", Scope.EVENT)
def external_clash(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from zoneinfo import ZoneInfo

    inst = ctx.options.institution
    tz = ZoneInfo(ctx.model.settings.timezone)
    for x in ctx.options.external:
        if x.all_day:
            first, last = x.start, x.end - timedelta(days=1)  # type: ignore[operator]
        else:
            first = x.start.astimezone(tz).date()  # type: ignore[union-attr]
            last = x.end.astimezone(tz).date()  # type: ignore[union-attr]
        for e in ctx.around(first, max(first, last)):  # type: ignore[type-var]
            if e.kind is not EventKind.MEETING or (inst and inst not in e.participants):
                continue
            if not _overlaps_external(x, e, ctx):
                continue
            roles = {*(e.chair.institutions if e.chair else ()),
                     *(e.secretariat.institutions if e.secretariat else ())}
            severity = rule.severity if inst and inst in roles else rule.lesser
            if x.all_day:
                message = text("chk.external.day", external=x.summary, source=x.source,
                               day=x.start, what=e.title)
            else:
                start = x.start.astimezone(e.start.tzinfo)  # type: ignore[union-attr]
                end = x.end.astimezone(e.start.tzinfo)  # type: ignore[union-attr]
                message = text("chk.external", external=x.summary, source=x.source,
                               day=start.date(), start=start.strftime("%H:%M"),
                               end=end.strftime("%H:%M"), what=e.title)
            yield Finding(rule.id, severity or rule.severity, message, (e.day,),
                          (e.uid, x.uid))


def _overlaps_external(x: ExternalEvent, e: Event, ctx: Context) -> bool:
    if x.all_day:
        return x.start <= e.day < x.end or (e.day <= x.start <= e.last_day)  # type: ignore
    assert e.start is not None and e.end is not None
    return x.start < e.end and e.start < x.end  # type: ignore[operator]


@kind("external-holiday", "", "", Scope.EVENT)
def external_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(ctx.model.settings.timezone)
    for x in ctx.options.external:
        day = x.start if x.all_day else x.start.astimezone(tz).date()  # type: ignore[attr-defined]
        if ctx.calendar.holidays_on(day):  # type: ignore[arg-type]
            yield Finding(rule.id, rule.severity, text(
                "chk.external.holiday", external=x.summary, source=x.source, day=day,
                why=ctx.calendar.why_not_working(day)), (day,), (x.uid,))  # type: ignore
