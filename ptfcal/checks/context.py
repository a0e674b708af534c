"""What every check kind works with: the findings, the options of a run, the context (the
year's events indexed by type and by day), the registry of kinds with its `kind` decorator,
and the helpers the kinds share. The kinds themselves live in one module per family
(dates, counts, who, records, against); `kinds` imports them all and runs them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from .. import i18n
from ..calendar.parties import Resolver
from ..calendar.workdays import WorkCalendar
from ..i18n import text
from ..model import (
    CheckRule,
    Event,
    Model,
    Origin,
    Severity,
    Status,
    Text,
    Window,
)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: Text
    dates: tuple[date, ...] = ()
    events: tuple[str, ...] = ()  # UIDs
    subject: str | None = None  # UID of the event whose date is at fault (for suggestions)
    suggestions: tuple[date | None, date | None] | None = None  # nearest (before, after)

    def key(self) -> tuple:
        """Identity of a finding, to compare two runs (suggestions)."""
        return (self.rule, self.severity, self.events, self.message.en)


@dataclass(frozen=True)
class ExternalEvent:
    """A busy event from another calendar (`--against`)."""

    source: str  # file name
    uid: str
    summary: str
    start: object  # aware datetime, or a date for all-day events
    end: object
    all_day: bool


@dataclass
class Options:
    lenient_deadlines: bool = False
    external: tuple[ExternalEvent, ...] = ()
    institution: str | None = None  # --for: only this institution's events
    today: date | None = None  # the day of the run (roles-ahead), from the CLI only


@dataclass
class Context:
    model: Model
    year: int
    events: list[Event]  # not cancelled, sorted
    calendar: WorkCalendar
    options: Options = field(default_factory=Options)
    resolver: Resolver | None = None

    def __post_init__(self) -> None:
        self.who = self.resolver or Resolver(self.model)
        self.by_type: dict[str, list[Event]] = {}
        self.by_day: dict[date, list[Event]] = {}  # every day an event covers, in events order
        for e in self.events:
            for t in e.types:
                self.by_type.setdefault(t, []).append(e)
            for d in _days(e):
                self.by_day.setdefault(d, []).append(e)
        self._rank = {e.id: i for i, e in enumerate(self.events)}
        self._first_day = min(self.by_day, default=date(self.year, 1, 1))
        self._last_day = max(self.by_day, default=date(self.year, 1, 1))

    def of(self, types: Iterable[str]) -> list[Event]:
        found: dict[str, Event] = {}
        for t in types:
            for e in self.by_type.get(t, ()):
                found[e.id] = e
        return sorted(found.values(), key=lambda e: (e.day, e.id))

    def around(self, first: date, last: date) -> list[Event]:
        """The events covering at least one day from `first` to `last`, in events order: the
        index that spares the overlap checks from comparing every pair."""
        found: dict[str, Event] = {}
        if not self.by_day:
            return []
        # only the days that hold events: a long external event costs no more than the year
        day = max(first, self._first_day)
        last = min(last, self._last_day)
        while day <= last:
            for e in self.by_day.get(day, ()):
                found[e.id] = e
            day += timedelta(days=1)
        return sorted(found.values(), key=lambda e: self._rank[e.id])

    def generated(self, type_id: str) -> bool:
        """Does a rule produce this type's occurrences (else they are entered by hand)?"""
        mt = self.model.meeting_types[type_id]
        return mt.rule is not None and (mt.generate or type_id in self.model.settings.placeholders)

    def name(self, type_id: str) -> Text:
        return self.model.meeting_types[type_id].name


Run = Callable[[CheckRule, Context], Iterator[Finding]]


class Scope(StrEnum):
    """What a kind looks at, so that a trial move re-checks only what it can change."""

    TYPES = "types"  # the events of its `of`/`then` meeting types (counts, windows, order…)
    EVENT = "event"  # each event alone or with the events it overlaps (holidays, conflicts…)
    STATIC = "static"  # the configuration only: no date can change it


@dataclass(frozen=True)
class Kind:
    run: Run
    allowed: frozenset[str]
    required: frozenset[str]
    scope: Scope = Scope.TYPES


KINDS: dict[str, Kind] = {}


def kind(name: str, allowed: str = "", required: str = "",
         scope: Scope = Scope.TYPES) -> Callable[[Run], Run]:
    def register(run: Run) -> Run:
        KINDS[name] = Kind(run, frozenset(allowed.split()), frozenset(required.split()), scope)
        return run

    return register


def _finding(rule: CheckRule, message: Text, events: Iterable[Event] = (),
             severity: Severity | None = None, subject: Event | None = None,
             dates: Iterable[date] = ()) -> Finding:
    events = list(events)
    all_dates = tuple(sorted({*dates, *(e.day for e in events)}))
    return Finding(rule.id, severity or rule.severity, message, all_dates,
                   tuple(e.uid for e in events), subject.uid if subject else None)


def _no_data(rule: CheckRule, ctx: Context, what: Text) -> Finding:
    return Finding(rule.id, Severity.INFO, text("chk.no-data", what=what, year=ctx.year))


def _month_names(months: Iterable[int]) -> Text:
    months = list(months)
    return Text(", ".join(i18n.MONTHS["fr"][m - 1] for m in months),
                ", ".join(i18n.MONTHS["en"][m - 1] for m in months))


def _events_or_missing(rule: CheckRule, ctx: Context) -> tuple[list[Event], Finding | None]:
    """The events a rule examines, or - when there are none and no rule generates them - the
    info finding that says its data is missing."""
    events = ctx.of(rule.of)
    if not events and _input_only(rule, ctx, rule.of):
        return events, _no_data(rule, ctx, ctx.name(rule.of[0]))
    return events, None


def _input_only(rule: CheckRule, ctx: Context, types: Iterable[str]) -> bool:
    """True when none of `types` is generated by a rule and none was recorded this year."""
    types = list(types)
    return not ctx.of(types) and not any(ctx.generated(t) for t in types)


def _windows(per: Window, year: int, months: tuple[int, ...] | None) -> list[tuple[date, date]]:
    result = []
    day = date(year, 1, 1)
    while day.year == year:
        first, last = per.bounds(day)
        if months is None or first.month in months:
            result.append((first, last))
        day = last + timedelta(days=1)
    return result


def _days(e: Event) -> Iterator[date]:
    day = e.day
    while day <= e.last_day:
        yield day
        day += timedelta(days=1)


def _generated_date(e: Event) -> bool:
    """Was this date chosen by ptfcal (a rule occurrence not dated by the secretariat)?"""
    return e.origin is Origin.RULE and e.status is Status.PLANNED
