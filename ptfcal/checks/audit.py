"""A year's check: schedule the year, run every rule, suggest dates for the errors.

The library function behind `ptfcal check` (and the check report `generate` writes).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..calendar import scheduler, workdays
from ..calendar.parties import Resolver
from ..calendar.scheduler import Schedule
from ..model import Model, Severity, Status
from .kinds import Context, Finding, Options, run_checks
from .suggest import with_suggestions


@dataclass
class Audit:
    year: int
    findings: list[Finding]
    schedule: Schedule | None
    last_year: int | None = None  # the last year of a range (check 2020-2119)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def period(self) -> str:
        return f"{self.year}–{self.last_year}" if self.last_year else str(self.year)


def audit(model: Model, year: int, options: Options | None = None,
          schedule: Schedule | None = None, resolver: Resolver | None = None) -> Audit:
    resolver = resolver or Resolver(model)
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = schedule or scheduler.schedule(model, year, calendar, resolver)
    events = [e for e in sched.events if e.status is not Status.CANCELLED]
    ctx = Context(model, year, events, calendar, options or Options(), resolver)
    return Audit(year, with_suggestions(ctx, run_checks(ctx)), sched)


def audit_years(model: Model, years: list[int], options: Options | None = None) -> Audit:
    """One report for one year or a range of years (each year checked on its own calendar)."""
    if len(years) == 1:
        return audit(model, years[0], options)
    findings: list[Finding] = []
    resolver = Resolver(model)  # one for all the years: who is who is computed once per era
    for year in years:
        external = tuple(x for x in (options.external if options else ())
                         if _year_of(x) == year)
        each = Options(options.lenient_deadlines, external, options.institution,
                       options.today) if options else None
        findings.extend(audit(model, year, each, resolver=resolver).findings)
    return Audit(years[0], findings, None, years[-1])


def _year_of(external) -> int:
    return external.start.year


@dataclass
class Overview:
    """What `show` and the planner draw: the year's events, its working calendar, and the
    events the checks flag (errors and warnings), with the rules they break."""

    schedule: Schedule
    calendar: workdays.WorkCalendar
    flags: dict[str, list[str]]


def overview(model: Model, year: int, schedule: Schedule | None = None,
             audited: Audit | None = None) -> Overview:
    """The year's events, calendar and flags; from `audited` when the checks already ran."""
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = schedule or scheduler.schedule(model, year, calendar)
    events = [e for e in sched.events if e.status is not Status.CANCELLED]
    findings = (audited.findings if audited is not None
                else run_checks(Context(model, year, events, calendar)))
    flags: dict[str, list[str]] = {}
    for f in findings:
        if f.severity in (Severity.ERROR, Severity.WARNING):
            for uid in f.events:
                if f.rule not in flags.setdefault(uid, []):
                    flags[uid].append(f.rule)
    return Overview(sched, calendar, flags)
