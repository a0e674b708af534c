"""Model + year -> the sorted list of the year's events. Pure and deterministic.

For each meeting type with a date rule (anchors before the types relative to them), for each body
that holds it and is in force: the rule gives a nominal date (the occurrence's identity); a fact
recorded in years/YYYY.yaml may move, confirm or cancel it; otherwise a date that is not a working
day is moved by the type's shift policy to the nearest working day that creates no hard conflict
(RULES.md A-03). Relative rules follow their anchor: the nominal date from the anchor's nominal
date, the actual date from the anchor's actual date. Events entered in the year file are added as
they are (A-21: input is never moved).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .. import i18n
from ..errors import ConfigError, Problem
from ..model import (
    Body,
    CombinedWith,
    Deadline,
    Event,
    EventKind,
    ExtraEvent,
    FirstAfter,
    MeetingType,
    Model,
    NthWeekday,
    OccurrenceFact,
    Origin,
    Party,
    Relative,
    ShiftPolicy,
    Spread,
    Status,
    Text,
    TimeSlot,
)
from . import rules
from .parties import Resolver, union
from .workdays import WorkCalendar


@dataclass(frozen=True)
class Skipped:
    """A rule occurrence that was not placed (skip policy): reported, never silently dropped."""

    meeting_type: str
    body: str
    nominal: date
    title: Text
    reason: Text


@dataclass
class Schedule:
    year: int
    events: list[Event]
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def moved(self) -> list[Event]:
        return [e for e in self.events if e.shifted_from is not None]


def schedule(model: Model, year: int, calendar: WorkCalendar,
             resolver: Resolver | None = None) -> Schedule:
    """The year's events; pass one `resolver` to schedule several years of one model faster."""
    return _Scheduler(model, year, calendar, resolver or Resolver(model)).run()


class _Scheduler:
    def __init__(self, model: Model, year: int, calendar: WorkCalendar, resolver: Resolver):
        self.model = model
        self.year = year
        self.cal = calendar
        self.tz = ZoneInfo(model.settings.timezone)
        self.who = resolver
        self.facts = model.years.get(year)
        self.fact_index: dict[tuple[str, str, date], OccurrenceFact] = {}
        self.used_facts: set[int] = set()
        for fact in self.facts.occurrences if self.facts else ():
            body = fact.body or model.meeting_types[fact.meeting_type].bodies[0]
            self.fact_index[(fact.meeting_type, body, fact.nominal)] = fact
        self.events: list[Event] = []
        self.skipped: list[Skipped] = []
        self.extras: list[Event] = []  # the events entered in the year file
        # (type, body) -> occurrences placed so far, for relative rules
        self.placed: dict[tuple[str, str], list[Event]] = {}
        self.spread_days: dict[str, dict[str, list[date]]] = {}

    # --- driver ------------------------------------------------------------------------------

    def run(self) -> Schedule:
        combined: dict[str, list[MeetingType]] = {}
        for mt in self.model.meeting_types.values():
            if isinstance(mt.rule, CombinedWith):
                combined.setdefault(mt.rule.anchor, []).append(mt)
        # the events entered in the year file, known before the rules are expanded so that a
        # placeholder does not land on one (they are added, as they are, at the end)
        self.extras = [self._extra(x) for x in (self.facts.events if self.facts else ())]
        for mt in self._ordered_types():
            if mt.rule is None or isinstance(mt.rule, CombinedWith):
                continue
            if not mt.generate and mt.id not in self.model.settings.placeholders:
                continue
            for body_id in mt.bodies:
                self._expand(mt, self.model.bodies[body_id], combined.get(mt.id, []))
        for extra in self.extras:
            self._add(extra)
        self._check_unused_facts()
        self.events.sort(key=_sort_key)
        return Schedule(self.year, self.events, self.skipped)

    def _ordered_types(self) -> list[MeetingType]:
        """Types whose rules others depend on come first; otherwise configuration order,
        placeholders (spread over the free days) last."""
        types = self.model.meeting_types
        order: list[MeetingType] = []
        seen: set[str] = set()

        def visit(mt: MeetingType) -> None:
            if mt.id in seen:
                return
            seen.add(mt.id)
            rule = mt.rule
            if isinstance(rule, Relative | CombinedWith):
                visit(types[rule.anchor])
            if isinstance(rule, FirstAfter):
                visit(types[rule.anchor])
                visit(types[rule.after])
            order.append(mt)

        for mt in types.values():
            visit(mt)
        anchors = {getattr(mt.rule, name, None) for mt in types.values()
                   for name in ("anchor", "after")}
        # among placeholders, those bound by a deadline (the sector reviews, before 30 April)
        # choose their days before the monthly ones (the Dialogue Groups), which have more room
        return sorted(order, key=lambda mt: (isinstance(mt.rule, Spread) and mt.id not in anchors,
                                             isinstance(mt.rule, Spread) and mt.until is None))

    # --- one series --------------------------------------------------------------------------

    def _expand(self, mt: MeetingType, body: Body, combined: list[MeetingType]) -> None:
        for nominal, base, key in self._nominal_dates(mt, body):
            if not body.validity.contains(nominal) or nominal.year != self.year:
                continue
            if mt.avoid_august and nominal.month == 8:
                continue
            fact = self.fact_index.get((mt.id, body.id, nominal))
            if fact is not None:
                self.used_facts.add(id(fact))
            event = self._occurrence(mt, body, nominal, base, key, fact)
            if event is None:
                continue
            for other in combined:
                event = self._combine(event, other)
            self._add(event)

    def _nominal_dates(self, mt: MeetingType, body: Body) -> list[tuple[date, date, str]]:
        """(nominal date, date before shifting, key) for each occurrence of the year."""
        rule = mt.rule
        s = self.model.settings
        if isinstance(rule, NthWeekday):
            found = [(d, d, "") for d in rules.nth_weekday_dates(rule, self.year)]
        elif isinstance(rule, Deadline):
            d = rules.deadline_date(rule, self.year, rule.strict and s.strict_deadlines)
            found = [(d, d, "")]
        elif isinstance(rule, Relative):
            found = []
            # a cancelled anchor still places what follows it (the June GEC cancelled, the
            # coordinators still meet on the Tuesday before its date)
            for anchor in self._anchor_events(rule.anchor, body):
                if rule.months and anchor.nominal.month not in rule.months:
                    continue
                nominal = rules.relative_date(rule, anchor.nominal)
                if body.id in anchor.enlarged_to and (mt.id, body.id, nominal) not in \
                        self.fact_index:
                    # the anchor enlarged to this body holds this meeting (the GEC of
                    # 17 June 2020, enlarged to the coordinators, was their quarter's meeting)
                    continue
                found.append((nominal, rules.relative_date(rule, anchor.day), ""))
        elif isinstance(rule, FirstAfter):
            # the retreat cancelled, the axes still come at the first GEC after its date; a
            # cancelled GEC keeps the axes' identity (their nominal date) and they go to the
            # first GEC held after the retreat
            after = self._anchor_events(rule.after, body)
            every = self._anchor_events(rule.anchor, body)
            held = [a.day for a in every if a.status is not Status.CANCELLED]
            found = []
            if after:
                first = rules.first_on_or_after(held, after[0].day) or \
                    rules.first_on_or_after([a.day for a in every], after[0].day)
                nominal = rules.first_on_or_after([a.nominal for a in every], after[0].nominal)
                if first and nominal:
                    found = [(nominal, first, "")]
        elif isinstance(rule, Spread):
            found = [(day, day, "") for day in self._spread(mt, rule).get(body.id, ())]
        else:  # pragma: no cover - CombinedWith is handled by its anchor
            found = []
        if mt.until is not None:
            limit = rules.deadline_date(mt.until, self.year, mt.until.strict and s.strict_deadlines)
            found = [f for f in found if f[1] <= limit]
        return found

    def _anchor_events(self, type_id: str, body: Body) -> list[Event]:
        """The occurrences placed so far that another rule is placed from, the cancelled ones
        too (at the date they had): cancelling one meeting cancels that meeting only."""
        anchor_type = self.model.meeting_types[type_id]
        anchor_body = body.id if body.id in anchor_type.bodies else anchor_type.bodies[0]
        return self.placed.get((type_id, anchor_body), [])

    def _spread(self, mt: MeetingType, rule: Spread) -> dict[str, list[date]]:
        """One placeholder per body holding `mt`, evenly over the months' free working days
        (a day without any other meeting), or over each month's for a monthly rule; computed
        once for all the bodies."""
        if mt.id in self.spread_days:
            return self.spread_days[mt.id]
        # the rule dates of the meetings placed so far: what is recorded (a move, an event
        # added) never changes which day a placeholder is, so its records stay attached
        busy = {e.nominal for e in self.events
                if e.kind is EventKind.MEETING and e.origin is Origin.RULE}
        limit = None
        if mt.until is not None:
            limit = rules.deadline_date(mt.until, self.year,
                                        mt.until.strict and self.model.settings.strict_deadlines)
        found: dict[str, list[date]] = {}
        for months in ([(m,) for m in rule.months] if rule.monthly else [rule.months]):
            first = date(self.year, months[0], 1)
            targets = [b for b in mt.bodies
                       if self.model.bodies[b].validity.contains_any(
                           first, date(self.year, months[-1], 28))]
            days = []
            for month in months:
                d = date(self.year, month, 1)
                while d.month == month:
                    half = self.cal.half_day_off(d)
                    half_busy = half is not None and (mt.time is None
                                                      or mt.time.end > half.until)
                    if (self.cal.is_working_day(d) and d not in busy and not half_busy
                            and not self._uncertain(mt, d) and (limit is None or d <= limit)):
                        days.append(d)
                    d += timedelta(days=1)
            if not days:  # every day taken: share them rather than drop the placeholders
                days = [d for d in self._month_days(months)
                        if self.cal.is_working_day(d) and (limit is None or d <= limit)]
            for body, day in zip(targets, rules.spread(days, len(targets)), strict=False):
                found.setdefault(body, []).append(day)
        self.spread_days[mt.id] = found
        return found

    def _month_days(self, months) -> list[date]:
        found = []
        for month in months:
            d = date(self.year, month, 1)
            while d.month == month:
                found.append(d)
                d += timedelta(days=1)
        return found

    def _clash(self, event: Event) -> Event | None:
        """Another meeting, placed or entered, on a day of this placeholder: one of another
        type (a placeholder's day is a day without any other meeting), or another body's
        placeholder of the same type that needs some of the same people."""
        people = set(event.participants) | set(event.holders)
        for other in (*self.events, *self.extras):
            if (other.kind is not EventKind.MEETING or other.status is Status.CANCELLED
                    or other.id == event.id or other.day > event.last_day
                    or event.day > other.last_day):
                continue
            if other.meeting_type != event.meeting_type or (
                    other.body != event.body
                    and people & (set(other.participants) | set(other.holders))):
                return other
        return None

    def _unclash(self, mt: MeetingType, event: Event) -> Event:
        """A placeholder whose day another meeting of the same people took since the days were
        spread (a meeting moved off a holiday, a recorded move, an event entered) goes to the
        nearest free day of its months; its identity (the spread day) stays."""
        other = self._clash(event)
        if other is None:
            return event
        rule = mt.rule
        assert isinstance(rule, Spread)
        limit = None
        if mt.until is not None:
            limit = rules.deadline_date(mt.until, self.year,
                                        mt.until.strict and self.model.settings.strict_deadlines)
        months = (event.nominal.month,) if rule.monthly else rule.months
        for candidate in self.cal.candidates(event.day, ShiftPolicy.NEXT, None):
            if (candidate.year != self.year or candidate.month not in months
                    or (limit is not None and candidate > limit)
                    or not self.model.bodies[event.body].validity.contains(candidate)
                    or self._uncertain(mt, candidate)):
                continue
            moved = self._move(event, candidate)
            if (self._clash(moved) is None and not self._afternoon_off(moved)
                    and not self._hard_conflict(moved)):
                why = Text(i18n.t("shift.taken", "fr", what=other.title.fr),
                           i18n.t("shift.taken", "en", what=other.title.en))
                return replace(moved, shifted_from=event.day, shift_reason=why)
        return event

    def _occurrence(
        self, mt: MeetingType, body: Body, nominal: date, base: date, key: str,
        fact: OccurrenceFact | None,
    ) -> Event | None:
        slot = (fact.time if fact and fact.time else None) or mt.time
        days = (fact.days if fact and fact.days else None) or mt.days
        event = self._event(mt, body, nominal, base, slot, days, key)
        if fact is not None and fact.preparation_only:
            # an ordre du jour being prepared: the occurrence is scheduled as the rule places
            # it, and carries its record
            scheduled = self._occurrence(mt, body, nominal, base, key, None)
            return replace(scheduled, record=fact.record) if scheduled is not None else None
        if fact is not None:
            event = self._apply_fact(event, fact, slot, days)
            return self._stagger(mt, event) if not fact.time else event
        if base != nominal:  # a relative rule whose anchor was moved: say it follows it
            event = replace(event, shifted_from=nominal, shift_reason=self._follows(mt))
        if self._estimated(mt, event):
            # on or next to an Islamic holiday whose date is only estimated: the rule date
            # stays, published tentative « à confirmer selon l'annonce de la fête » (C-GEN-2 or
            # C-GEN-7 lists it); once the date is announced, the shift policy applies if it
            # must. A meeting is not moved on a guess (issue 19 items 9 and 10: the March 2027
            # coordinators stay on Tuesday 9, the day before the GEC, not Thursday 11 after it)
            event = replace(event, pending=self.cal.why_pending(base))
        elif not self.cal.is_working_day(base) or self._afternoon_off(event):
            event = self._shift(event, mt)
        if event is not None and isinstance(mt.rule, Spread):
            event = self._unclash(mt, event)
        return self._stagger(mt, event) if event is not None else None

    def _stagger(self, mt: MeetingType, event: Event) -> Event:
        if not mt.stagger or event.start is None:
            return event
        slot = self._staggered(mt, event)
        if slot is None or self._times(event.day, slot, (event.last_day - event.day).days + 1
                                       )[:2] == (event.start, event.end):
            return event  # it already has the slot found: nothing to move
        return self._move(event, event.day, slot)

    def _uncertain(self, mt: MeetingType, day: date) -> bool:
        """A generated meeting avoids the days next to an Islamic holiday whose date is only
        estimated (the announced date may fall on them)."""
        return mt.kind is EventKind.MEETING and self.cal.uncertain(day) is not None

    def _estimated(self, mt: MeetingType, event: Event) -> bool:
        """Is a meeting's rule date on, or next to, an Islamic holiday whose date is only
        estimated (and otherwise a day it may be held)? A placeholder's date is no rule's:
        on an estimate it goes elsewhere, as on any day off."""
        if mt.kind is not EventKind.MEETING or self._afternoon_off(event):
            return False
        day = event.day
        if self.cal.estimated_on(day) is not None:
            return mt.generate
        return self.cal.is_working_day(day) and self.cal.uncertain(day) is not None

    def _afternoon_off(self, event: Event) -> bool:
        """A meeting that runs into a half day off's afternoon (« fin des services fixée à
        12h30 »); one that ends by then keeps its day."""
        return (event.kind is EventKind.MEETING
                and self.cal.afternoon_off(event.start, event.end) is not None)

    def _follows(self, mt: MeetingType) -> Text:
        anchor = self.model.meeting_types[mt.rule.anchor]  # type: ignore[union-attr]
        return Text(i18n.t("shift.follows", "fr", what=anchor.name.fr),
                    i18n.t("shift.follows", "en", what=anchor.name.en))

    def _apply_fact(self, event: Event, fact: OccurrenceFact, slot: TimeSlot | None,
                    days: int) -> Event:
        day = fact.date or event.day
        start, end, last = self._times(day, slot, days)
        event = self._recorded_parties(event, fact, day)
        return replace(
            event,
            day=day, last_day=last, start=start, end=end,
            status=Status.CANCELLED if fact.cancelled else
            Status.PLANNED if fact.planned else Status.CONFIRMED,
            rescheduled=fact.rescheduled,
            enlarged_to=fact.enlarged_to,
            attendance=fact.attendance,
            record=fact.record,
            location=fact.location,
            note=fact.note or event.note,
            other_sources=(*event.other_sources, fact.source) if fact.source
            else event.other_sources,
            shifted_from=None,
        )

    def _recorded_parties(self, event: Event, fact, day: date) -> Event:
        """Who actually chaired, served and attended, when the secretariat recorded it."""
        body = self.model.bodies[event.body]
        changes: dict = {}
        recorded = set(event.recorded)
        for name, attr in (("chair", "chair"), ("secretariat", "secretariat"),
                           ("participants", "attendees")):
            selector = getattr(fact, name)
            if selector is not None:
                changes[attr] = self.who.party(selector, body, day)
                recorded.add(name)
        if not changes:
            return event
        parts = [p for p in (changes.get("chair", event.chair),
                             changes.get("secretariat", event.secretariat),
                             changes.get("attendees", event.attendees)) if p]
        return replace(event, **changes, recorded=frozenset(recorded),
                       participants=union(p.institutions for p in parts),
                       holders=union(p.holders for p in parts))

    def _shift(self, event: Event, mt: MeetingType) -> Event | None:
        why = self.cal.why_not_working(event.day)
        if mt.shift is ShiftPolicy.KEEP:
            return replace(event, shift_reason=why)
        if mt.shift is ShiftPolicy.SKIP:
            self.skipped.append(Skipped(mt.id, event.body, event.nominal, event.title, why))
            return None
        for candidate in self.cal.candidates(event.day, mt.shift, mt.shift_within):
            if self._uncertain(mt, candidate):
                continue
            moved = self._move(event, candidate)
            if not self._hard_conflict(moved) and not self._afternoon_off(moved):
                cause = why if event.shift_reason is None else Text(
                    f"{event.shift_reason.fr} ; {why.fr}", f"{event.shift_reason.en}; {why.en}")
                return replace(moved, shifted_from=event.shifted_from or event.day,
                               shift_reason=cause)
        # if no working day in the window is free, keep the date and say why
        return replace(event, shift_reason=why)

    def _move(self, event: Event, day: date, slot: TimeSlot | None = None) -> Event:
        if slot is None and event.start is not None:
            slot = TimeSlot(event.start.timetz().replace(tzinfo=None),
                            event.end.timetz().replace(tzinfo=None))
        start, end, last = self._times(day, slot, (event.last_day - event.day).days + 1)
        return replace(event, day=day, last_day=last, start=start, end=end)

    def _staggered(self, mt: MeetingType, event: Event) -> TimeSlot | None:
        """The first of the type's slots (`time`, then `stagger`) where this occurrence shares
        nobody with an occurrence of the same type already placed at that hour (the five
        tripartite coordinations, whose Dialogue Leaders overlap, meet in turn)."""
        slots = (mt.time, *mt.stagger)
        people = set(event.participants) | set(event.holders)
        days = (event.last_day - event.day).days + 1
        for slot in slots:
            # the hours alone, no new event (no slot: the event's own, as _move takes it)
            start, end = ((event.start, event.end) if slot is None
                          else self._times(event.day, slot, days)[:2])
            if not any(o.meeting_type == mt.id and o.start is not None and o.day == event.day
                       and o.start < end and start < o.end
                       and people & (set(o.participants) | set(o.holders))
                       for o in self.events):
                return slot
        return slots[0]

    def _hard_conflict(self, event: Event) -> bool:
        """Would `event` overlap in time an event that needs one of the same role-holders
        (more of them than a team such as the SEG can serve at once)?"""
        if event.start is None or not event.holders:
            return False
        busy: dict[str, int] = {}
        for other in self.events:
            if other.start is None or other.status is Status.CANCELLED:
                continue
            if other.start < event.end and event.start < other.end:
                for holder in set(event.holders) & set(other.holders):
                    busy[holder] = busy.get(holder, 0) + 1
        return any(n >= self.model.capacity(h) for h, n in busy.items())

    def _combine(self, event: Event, other: MeetingType) -> Event:
        """Attach a combined meeting type (the CREDD political session held with the RBC)."""
        body = self.model.bodies[other.bodies[0]]
        fact = self.fact_index.get((other.id, body.id, event.nominal))
        if fact is not None:
            self.used_facts.add(id(fact))
            if fact.date and fact.date != event.day or fact.cancelled:
                # recorded apart from its anchor: it becomes an event of its own
                slot = fact.time or other.time
                alone = self._event(other, body, event.nominal, event.nominal, slot, other.days,
                                    "")
                self._add(self._apply_fact(alone, fact, slot, fact.days or other.days))
                return event
        title = other.combined_title or Text(f"{event.title.fr} + {other.name.fr}",
                                             f"{event.title.en} + {other.name.en}")
        source_extra = (other.source,) if other.source else ()
        return replace(
            event,
            combined_types=(*event.combined_types, other.id),
            bodies=(*event.bodies, body.id),
            title=title,
            participants=union((event.participants,
                                self._parties(other, body, event.day)[3])),
            other_sources=(*event.other_sources, *source_extra),
        )

    # --- building events ---------------------------------------------------------------------

    def _event(self, mt: MeetingType, body: Body, nominal: date, day: date,
               slot: TimeSlot | None, days: int, key: str, dated: bool = True) -> Event:
        """`dated`: the identity includes the nominal date (rule occurrences, and recorded
        events without a key); a recorded event with a key is named by its key alone."""
        start, end, last = self._times(day, slot, days)
        chair, secretariat, attendees, participants, holders = self._parties(mt, body, day)
        parts = [nominal.isoformat()] if dated else []
        parts += [key] if key else []
        ident = "/".join([body.id, mt.id, *parts])
        uid = ".".join([mt.id, body.id, *(p.replace("-", "") if p == nominal.isoformat() else p
                                          for p in parts)])
        return Event(
            id=ident,
            uid=f"{uid}@{self.model.settings.uid_domain}",
            meeting_type=mt.id,
            combined_types=(),
            body=body.id,
            bodies=(body.id,),
            level=mt.level,
            kind=mt.kind,
            title=self._title(mt, body, key),
            day=day,
            last_day=last,
            start=start,
            end=end,
            nominal=nominal,
            key=key,
            chair=chair,
            secretariat=secretariat,
            attendees=attendees,
            participants=participants,
            holders=holders,
            note=mt.note,
            source=mt.source,
        )

    def _extra(self, extra: ExtraEvent) -> Event:
        mt = self.model.meeting_types[extra.meeting_type]
        body = self.model.bodies[extra.body or mt.bodies[0]]
        event = self._event(mt, body, extra.date, extra.date, extra.time or mt.time, extra.days,
                            extra.key, dated=not extra.key)
        event = self._recorded_parties(event, extra, extra.date)
        return replace(
            event,
            attendance=extra.attendance,
            record=extra.record,
            title=extra.title or event.title,
            status=Status.CANCELLED if extra.cancelled else Status.CONFIRMED,
            origin=Origin.RECORDED,
            convened_by=extra.convened_by,
            trigger=extra.trigger,
            location=extra.location,
            note=extra.note or event.note,
            other_sources=(extra.source,) if extra.source else (),
        )

    def _title(self, mt: MeetingType, body: Body, key: str) -> Text:
        name = mt.name
        if key and key in self.model.bodies:
            other = self.model.bodies[key].short
            return Text(f"{name.fr} — {other.fr}", f"{name.en} — {other.en}")
        if len(mt.bodies) > 1:
            return Text(f"{name.fr} — {body.short.fr}", f"{name.en} — {body.short.en}")
        return name

    def _times(self, day: date, slot: TimeSlot | None, days: int
               ) -> tuple[datetime | None, datetime | None, date]:
        last = day + timedelta(days=days - 1)
        if slot is None:
            return None, None, last
        return (datetime.combine(day, slot.start, self.tz),
                datetime.combine(last, slot.end, self.tz), last)

    def _parties(self, mt: MeetingType, body: Body, day: date) -> tuple[
        Party | None, Party | None, Party | None, tuple[str, ...], tuple[str, ...]
    ]:
        chair = self.who.party(mt.chair if mt.chair is not None else body.chair, body, day)
        secretariat = self.who.party(
            mt.secretariat if mt.secretariat is not None else body.secretariat, body, day
        )
        attending = self.who.party(
            mt.participants if mt.participants is not None else body.members, body, day
        )
        participants, holders = self.who.everyone(chair, secretariat, attending)
        if mt.kind is EventKind.DEADLINE:
            holders = ()  # a deadline needs nobody in a room
        return chair, secretariat, attending, participants, holders

    def _add(self, event: Event) -> None:
        self.events.append(event)
        self.placed.setdefault((event.meeting_type, event.body), []).append(event)
        for other_type, other_body in zip(event.combined_types, event.bodies[1:], strict=True):
            self.placed.setdefault((other_type, other_body), []).append(event)

    def _check_unused_facts(self) -> None:
        """A recorded fact about an occurrence the rules do not give is a mistake: say so."""
        problems = []
        for key, fact in self.fact_index.items():
            if id(fact) in self.used_facts:
                continue
            type_id, body_id, _ = key
            dates = sorted({e.nominal for e in self.placed.get((type_id, body_id), [])})
            listed = ", ".join(d.isoformat() for d in dates) or "—"
            problems.append(Problem(fact.mark, "nominal", i18n.text(
                "ld.no-occurrence", type=repr(type_id), body=repr(body_id),
                nominal=fact.nominal.isoformat(), year=self.year, listed=listed)))
        if problems:
            raise ConfigError(problems)


def _sort_key(event: Event) -> tuple:
    start = event.start.isoformat() if event.start else ""
    return (event.day, event.kind is EventKind.MEETING, start, event.id)
