"""For each error about a date: the nearest dates, before and after, that satisfy every rule and
create no new conflict.

A candidate date is tried by moving the event there (same times, same length) and checking
again what that move can change: the rules about the event's meeting types, on the whole year,
and the rules about single events and overlaps, on the events around the new date
(what such a rule newly finds involves the moved event, at its new date). It is accepted when no
error concerns the event any more, no other error appears, and the event is in no new conflict
(C-GEN-3, C-EXT-1), whatever its severity.

The search is bounded: at most HORIZON_DAYS days each way, and TRIALS_PER_AUDIT candidate
dates for the whole year (a year with hundreds of conflicts gets its first suggestions, not a
search that never ends); each event is searched once, however many errors name it.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import replace
from datetime import date, datetime, timedelta

from ..model import CheckRule, Event, Severity
from .kinds import KINDS, Context, Finding, Scope, run_rule

HORIZON_DAYS = 45
TRIALS_PER_AUDIT = 3000
CONFLICT_RULES = ("C-GEN-3", "C-EXT-1")


def with_suggestions(ctx: Context, findings: list[Finding]) -> list[Finding]:
    search = _Search(ctx, findings)
    by_uid = {e.uid: e for e in ctx.events}
    result = []
    for f in findings:
        subject = by_uid.get(f.subject or "")
        if f.severity is Severity.ERROR and subject is not None:
            f = replace(f, suggestions=search.nearest(subject))
        result.append(f)
    return result


class _Search:
    def __init__(self, ctx: Context, findings: list[Finding]):
        self.ctx = ctx
        self.errors = {f.key() for f in findings if f.severity is Severity.ERROR}
        self.conflicts = {f.key() for f in findings if f.rule in CONFLICT_RULES}
        self.trials = 0
        self.found: dict[str, tuple[date | None, date | None]] = {}
        self.ordered: list[Event] | None = None

    def nearest(self, subject: Event) -> tuple[date | None, date | None]:
        if subject.uid not in self.found:
            self.found[subject.uid] = (self._nearest(subject, -1), self._nearest(subject, +1))
        return self.found[subject.uid]

    def _nearest(self, subject: Event, step: int) -> date | None:
        day = subject.day
        for _ in range(HORIZON_DAYS):
            day += timedelta(days=step)
            if day.year != subject.day.year:
                return None
            if not self.ctx.calendar.is_working_day(day):
                continue
            if self.trials >= TRIALS_PER_AUDIT:
                return None
            self.trials += 1
            if self._acceptable(_moved(subject, day)):
                return day
        return None

    def _acceptable(self, moved: Event) -> bool:
        ctx = self.ctx
        types = set(moved.types)
        year: Context | None = None
        around: Context | None = None
        for rule in ctx.model.checks:
            scope = KINDS[rule.kind].scope
            if scope is Scope.STATIC:
                continue
            if scope is Scope.EVENT:
                if around is None:
                    around = self._around(moved)
                trial = around
            elif types & {*rule.of, *rule.then}:
                if year is None:
                    year = Context(ctx.model, ctx.year, self._year_with(moved), ctx.calendar,
                                   ctx.options, ctx.who)
                trial = year
            else:
                continue
            if not self._fine(rule, trial, moved):
                return False
        return True

    def _year_with(self, moved: Event) -> list[Event]:
        """The year's events, sorted by (day, id), with `moved` in place of the original."""
        if self.ordered is None:
            self.ordered = sorted(self.ctx.events, key=_order)
        events = [e for e in self.ordered if e.uid != moved.uid]
        insort(events, moved, key=_order)
        return events

    def _around(self, moved: Event) -> Context:
        """The events on the days the move reaches: what a rule about single events and
        overlaps can newly find involves the moved event there (found through the context's
        index of days, not by scanning the year at every trial)."""
        near = [e for e in self.ctx.around(moved.day, moved.last_day) if e.uid != moved.uid]
        near.append(moved)
        near.sort(key=_order)
        return Context(self.ctx.model, self.ctx.year, near, self.ctx.calendar, self.ctx.options,
                       self.ctx.who)

    def _fine(self, rule: CheckRule, trial: Context, moved: Event) -> bool:
        for f in run_rule(rule, trial):
            concerns = moved.uid in f.events
            if f.severity is Severity.ERROR and (concerns or f.key() not in self.errors):
                return False
            if f.rule in CONFLICT_RULES and concerns and f.key() not in self.conflicts:
                return False
        return True


def _order(e: Event) -> tuple[date, str]:
    return (e.day, e.id)


def _moved(event: Event, day: date) -> Event:
    delta = day - event.day

    def shift(moment: datetime | None) -> datetime | None:
        return moment + delta if moment is not None else None

    return replace(event, day=day, last_day=event.last_day + delta, start=shift(event.start),
                   end=shift(event.end), shifted_from=None, shift_reason=None)
