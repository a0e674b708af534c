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
