"""A year's check: schedule the year, run every rule, suggest dates for the errors.

The library function behind `ptfcal check` (and the check report `generate` writes).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import scheduler, workdays
from .checks import Context, Finding, Options, run_checks
from .model import Model, Severity, Status
from .scheduler import Schedule
from .suggest import with_suggestions


@dataclass
class Audit:
    year: int
    findings: list[Finding]
    schedule: Schedule

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def audit(model: Model, year: int, options: Options | None = None,
          schedule: Schedule | None = None) -> Audit:
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = schedule or scheduler.schedule(model, year, calendar)
    events = [e for e in sched.events if e.status is not Status.CANCELLED]
    ctx = Context(model, year, events, calendar, options or Options())
    return Audit(year, with_suggestions(ctx, run_checks(ctx)), sched)


@dataclass
class Overview:
    """What `show` and the planner draw: the year's events, its working calendar, and the
    events the checks flag (errors and warnings), with the rules they break."""

    schedule: Schedule
    calendar: workdays.WorkCalendar
    flags: dict[str, list[str]]


def overview(model: Model, year: int, schedule: Schedule | None = None) -> Overview:
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = schedule or scheduler.schedule(model, year, calendar)
    events = [e for e in sched.events if e.status is not Status.CANCELLED]
    flags: dict[str, list[str]] = {}
    for f in run_checks(Context(model, year, events, calendar)):
        if f.severity in (Severity.ERROR, Severity.WARNING):
            for uid in f.events:
                if f.rule not in flags.setdefault(uid, []):
                    flags[uid].append(f.rule)
    return Overview(sched, calendar, flags)
