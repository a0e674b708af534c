"""The bilan of a period from a model: schedule each year, run its checks, read its records.

The one entry point the command calls; `figures.bilan` does the counting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..calendar import scheduler, workdays
from ..calendar.parties import Resolver
from ..checks.audit import audit
from ..convene.seats import seats
from ..meet import followup
from ..model import Event, Model
from .figures import ActionLine, Bilan, bilan, record_of

Progress = Callable[[int], None]  # called with each year done


def _year(model: Model, year: int, resolver: Resolver, body: str | None
          ) -> tuple[list[Event], list]:
    """The year's events and its findings (with --body: those about the body's events)."""
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = scheduler.schedule(model, year, calendar, resolver)
    findings = audit(model, year, schedule=sched, resolver=resolver).findings
    if body is not None:
        uids = {e.uid for e in sched.events if body in e.bodies}
        findings = [f for f in findings if uids.intersection(f.events)]
    return sched.events, findings


def convened(model: Model) -> Callable[[Event], list[str]]:
    """Who is convened to a meeting: the institutions of its seats (the texts' `seats:`),
    else, for a meeting type that has none, its participants as configured."""

    def of(event: Event) -> list[str]:
        held = [s.institution for s in seats(model, event) if s.institution is not None]
        return held or list(event.participants)

    return of


def compute(model: Model, first: int, last: int, as_of: date, body: str | None = None,
            progress: Progress | None = None) -> Bilan:
    """The bilan of `first`..`last`, with the year before beside it when it has records."""
    resolver = Resolver(model)
    events: list[Event] = []
    findings: list = []
    years: list[Bilan] = []
    for year in range(first, last + 1):
        evs, found = _year(model, year, resolver, body)
        events += evs
        findings += found
        if last > first:
            years.append(bilan(model, evs, year, year, as_of, body=body, findings=found,
                               convened=convened(model)))
        if progress is not None:
            progress(year)
    previous = None
    before = first - 1
    if before >= 1990 and before in model.years:
        evs, found = _year(model, before, resolver, body)
        if any((r := record_of(e)) is not None and r.held for e in evs):
            previous = bilan(model, evs, before, before, as_of, body=body, findings=found,
                             convened=convened(model))
    return bilan(model, events, first, last, as_of, body=body, findings=findings,
                 convened=convened(model), previous=previous,
                 earlier_open=earlier_open(model, first, as_of, body), years=years)


def earlier_open(model: Model, first: int, as_of: date, body: str | None) -> list[ActionLine]:
    """The actions given at meetings before `first` still to do on `as_of`: the
    recommendations the period inherited and has not closed."""
    years = [y for y in followup.recorded_years(model) if y < first]
    if not years:
        return []
    book = followup.Followup.of(model, years)
    return [ActionLine(t.action.id, t.meeting.body, t.action.owner, t.action.due,
                       t.action.text, t.action.overdue_on(as_of), t.meeting.day)
            for t in book.actions(body=body, open_on=as_of)]
