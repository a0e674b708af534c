"""For each error about a date: the nearest dates, before and after, that satisfy every rule and
create no new conflict.

A candidate date is tried by moving the event there (same times, same length) and running every
check again: it is accepted when no error concerns the event any more, no other error appears,
and the event is in no new conflict (C-GEN-3, C-EXT-1), whatever its severity.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from ..model import Event, Severity
from .kinds import Context, Finding, run_checks

HORIZON_DAYS = 45
CONFLICT_RULES = ("C-GEN-3", "C-EXT-1")


def with_suggestions(ctx: Context, findings: list[Finding]) -> list[Finding]:
    errors = {f.key() for f in findings if f.severity is Severity.ERROR}
    conflicts = {f.key() for f in findings if f.rule in CONFLICT_RULES}
    by_uid = {e.uid: e for e in ctx.events}
    result = []
    for f in findings:
        subject = by_uid.get(f.subject or "")
        if f.severity is Severity.ERROR and subject is not None:
            f = replace(f, suggestions=(_nearest(ctx, subject, errors, conflicts, -1),
                                        _nearest(ctx, subject, errors, conflicts, +1)))
        result.append(f)
    return result


def _nearest(ctx: Context, subject: Event, errors: set, conflicts: set, step: int
             ) -> date | None:
    day = subject.day
    for _ in range(HORIZON_DAYS):
        day += timedelta(days=step)
        if day.year != subject.day.year:
            return None
        if not ctx.calendar.is_working_day(day):
            continue
        if _acceptable(ctx, _moved(subject, day), errors, conflicts):
            return day
    return None


def _moved(event: Event, day: date) -> Event:
    delta = day - event.day

    def shift(moment: datetime | None) -> datetime | None:
        return moment + delta if moment is not None else None

    return replace(event, day=day, last_day=event.last_day + delta, start=shift(event.start),
                   end=shift(event.end), shifted_from=None, shift_reason=None)


def _acceptable(ctx: Context, moved: Event, errors: set, conflicts: set) -> bool:
    events = sorted((moved if e.uid == moved.uid else e for e in ctx.events),
                    key=lambda e: (e.day, e.id))
    trial = Context(ctx.model, ctx.year, events, ctx.calendar, ctx.options)
    for f in run_checks(trial):
        concerns = moved.uid in f.events
        if f.severity is Severity.ERROR and (concerns or f.key() not in errors):
            return False
        if f.rule in CONFLICT_RULES and concerns and f.key() not in conflicts:
            return False
    return True
