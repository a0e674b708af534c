"""The follow-up of the actions the meetings gave, across meetings and years.

The API the minutes, the convocation and the report use::

    from ptfcal.meet import followup

    book = followup.Followup.of(model)            # every recorded meeting of every year
    book.meetings                                 # [Meeting(ref, event, body, meeting_type)]
    book.actions(body="gec", owner=None, open_on=None, overdue_on=date(2027, 4, 15), year=2027)
                                                  # [Tracked(action, meeting)], in id order
    book.carried_to(event)                        # the « Suivi des recommandations » of `event`
    book.previous(event)                          # the body's last recorded meeting before it
    book.find("A-2027-001")                       # Tracked or None
    followup.meeting_of(model, event, year_events) # Meeting: any event with its reference
    followup.next_action_id(model, 2027)          # "A-2027-002" (no scheduling involved)

`event` is any `Event` (from `calendar.scheduler.schedule`), recorded or not: its own record is
`event.record` (agenda, attendance, decisions, actions). Nothing here reads the clock: "as of" is
always a date the caller gives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..meeting import ACTION_ID, Action, ActionStatus
from ..model import Event, Model, Status
from ..record import refs


@dataclass(frozen=True)
class Meeting:
    """One recorded meeting and the occurrence reference that names it (`gec-monthly@2027-03`)."""

    ref: str
    event: Event

    @property
    def body(self) -> str:
        return self.event.body

    @property
    def meeting_type(self) -> str:
        return self.event.meeting_type

    @property
    def day(self) -> date:
        return self.event.day


@dataclass(frozen=True)
class Tracked:
    """An action and the meeting that gave it."""

    action: Action
    meeting: Meeting


def _order(action: Action) -> tuple[int, int]:
    found = ACTION_ID.match(action.id)
    return (int(found["year"]), int(found["n"])) if found else (0, 0)


def recorded_years(model: Model) -> list[int]:
    """The years whose file records at least one meeting (agenda, presence, decisions...)."""
    return sorted(y for y, facts in model.years.items()
                  if any(_has_record(f) for f in (*facts.occurrences, *facts.events)))


def _has_record(fact) -> bool:
    r = fact.record
    return bool(r.agenda or r.attendance or r.excused or r.absent or r.decisions or r.actions)


def meetings_of(model: Model, events: Iterable[Event]) -> list[Meeting]:
    """The events of one year that carry a record, each with its reference."""
    events = list(events)
    found = []
    by_type: dict[tuple[str, int], list[refs.Target]] = {}
    for e in events:
        r = e.record
        if not (r.agenda or r.attendance or r.excused or r.absent or r.decisions or r.actions):
            continue
        key = (e.meeting_type, e.nominal.year)
        if key not in by_type:
            spec = refs.Spec(e.meeting_type, None, e.nominal.year, 1, None)
            by_type[key] = refs.candidates(spec, events, model)
        siblings = [t for t in by_type[key] if t.body == e.body]
        target = next(t for t in siblings if t.event is e)
        found.append(Meeting(refs.name(target, model, siblings), e))
    return found


def meeting_of(model: Model, event: Event, events: list[Event]) -> Meeting:
    """Any event (recorded or not) with the reference that names it among its year's
    `events` (those `calendar.scheduler.schedule` gives)."""
    spec = refs.Spec(event.meeting_type, None, event.nominal.year, 1, None)
    siblings = [t for t in refs.candidates(spec, events, model) if t.body == event.body]
    target = next(t for t in siblings if t.event is event)
    return Meeting(refs.name(target, model, siblings), event)


class Followup:
    """Every recorded meeting and its actions, in date order."""

    def __init__(self, meetings: Iterable[Meeting]):
        self.meetings = sorted(meetings, key=lambda m: (m.day, m.ref))
        self.tracked = sorted((Tracked(a, m) for m in self.meetings
                               for a in m.event.record.actions), key=lambda t: _order(t.action))

    @classmethod
    def of(cls, model: Model, years: Iterable[int] | None = None,
           scheduled: dict[int, list[Event]] | None = None) -> Followup:
        """Schedules the recorded years (or `years`) of `model` and collects their meetings;
        `scheduled`: the events of years the caller has scheduled already."""
        from ..calendar import scheduler, workdays
        from ..calendar.parties import Resolver

        scheduled = scheduled or {}
        chosen = sorted(set(recorded_years(model) if years is None else years))
        missing = [y for y in chosen if y not in scheduled]
        if missing:
            calendar = workdays.build(model.settings, model.holidays, missing)
            resolver = Resolver(model)
            scheduled = {**scheduled, **{y: scheduler.schedule(model, y, calendar,
                                                               resolver).events
                                         for y in missing}}
        meetings: list[Meeting] = []
        for year in chosen:
            meetings += meetings_of(model, scheduled[year])
        return cls(meetings)

    def find(self, action_id: str) -> Tracked | None:
        return next((t for t in self.tracked if t.action.id == action_id), None)

    def actions(self, body: str | None = None, owner: str | None = None,
                open_on: date | None = None, overdue_on: date | None = None,
                year: int | None = None, still_open: bool = False) -> list[Tracked]:
        """The actions, filtered: of a body's meetings, of an owner, still to do on a day (or,
        with `still_open`, not closed at all), overdue on a day, given in a year."""
        return [t for t in self.tracked
                if (body is None or t.meeting.body == body)
                and (owner is None or t.action.owner == owner)
                and (not still_open or t.action.status is ActionStatus.OPEN)
                and (open_on is None or t.action.open_on(open_on))
                and (overdue_on is None or t.action.overdue_on(overdue_on))
                and (year is None or t.meeting.day.year == year)]

    def previous(self, event: Event) -> Meeting | None:
        """The last recorded meeting of the event's body before its day (a cancelled one, its
        ordre du jour prepared, is no previous meeting: nothing was followed up there)."""
        earlier = [m for m in self.meetings if m.body == event.body and m.day < event.day
                   and m.event.id != event.id and m.event.status is not Status.CANCELLED]
        return earlier[-1] if earlier else None

    def carried_to(self, event: Event) -> list[Tracked]:
        """The follow-up of `event` (« Suivi des recommandations de la réunion précédente »):
        the actions of its body's earlier meetings still to do on its day — of every earlier
        year too — and those closed since the body's previous meeting, shown closing."""
        before = self.previous(event)
        if before is None:
            return []
        since = before.day
        found = []
        for t in self.tracked:
            if t.meeting.body != event.body or t.meeting.day >= event.day \
                    or t.meeting.event.id == event.id:
                continue
            a = t.action
            if a.open_on(event.day) or (a.done_on is not None and a.done_on >= since) \
                    or (a.done_on is None and t.meeting.event.id == before.event.id):
                found.append(t)
        return found


def next_action_id(model: Model, year: int) -> str:
    """The next free action id of a year: one more than the highest given in that year."""
    facts = model.years.get(year)
    numbers = [int(ACTION_ID.match(a.id)["n"])
               for f in ((*facts.occurrences, *facts.events) if facts else ())
               for a in f.record.actions if ACTION_ID.match(a.id)]
    return f"A-{year}-{max(numbers, default=0) + 1:03d}"
