"""Model + year -> the planning problem: the occurrences, the days each may take, and the rules of
`config/checks.yaml` that concern dates and people compiled into constraints on those days.

Nothing here knows the solver: a constraint is plain data (which occurrence on which days), each
tagged with the rule it comes from, hard (an error) or soft (a warning, with its weight). The
compilers below read the rules' data (`of`, `then`, `per`, `months`, `days`, `deadline`...) and
the check kinds' meaning (checks/); the proposal is then checked by the checker itself,
and whatever it still finds is cut away (proposal.py): the two cannot disagree.

An occurrence is movable when its type is `flexible` (or freed with --free) and its date is not
a recorded fact (a date the secretariat recorded, a review of the circular, a pin): it may take
any working day of its window (`shift_within`, else its month). An occurrence whose rule follows
a movable one (the work programme on the retreat's day) follows it. Everything else is fixed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..calendar import rules as date_rules
from ..calendar.workdays import WorkCalendar
from ..checks.context import Context, _windows
from ..model import (
    CheckRule,
    Event,
    EventKind,
    FirstAfter,
    Level,
    Model,
    Origin,
    Relative,
    Severity,
    Status,
    Window,
)

WINDOW_RULE = "window"  # pseudo-rule: a movable occurrence stays in its window
PIN_RULE = "pin"  # pseudo-rule: a pinned occurrence stays on its pinned date
WARNING_WEIGHT = 1000  # a warning avoided is worth many days of distance and a few moves


@dataclass(frozen=True)
class Tag:
    rule: str
    hard: bool
    weight: int = 0  # for soft constraints: the cost of breaking it once
    detail: str = ""  # for a pin: the UID it pins


@dataclass
class Occurrence:
    index: int
    event: Event
    movable: bool
    domain: tuple[date, ...]  # the days it may take (one day when fixed)
    pinned: bool = False
    anchor: int | None = None  # follows this occurrence…
    follow: dict[date, date] = field(default_factory=dict)  # …anchor's day -> own day
    window: tuple[date, date] | None = None

    @property
    def span(self) -> int:
        return (self.event.last_day - self.event.day).days + 1

    @property
    def current(self) -> date:
        return self.event.day

    def interval(self, day: date) -> tuple[datetime, datetime] | None:
        """Start and end of the meeting when held on `day` (same hours)."""
        e = self.event
        if e.start is None or e.end is None:
            return None
        delta = day - e.day
        return e.start + delta, e.end + delta


@dataclass(frozen=True)
class Forbid:
    tag: Tag
    occ: int
    day: date


@dataclass(frozen=True)
class NotBoth:
    tag: Tag
    a: int
    day_a: date
    b: int
    day_b: date


@dataclass(frozen=True)
class Apart:
    """`occ` on `day` and any of `terms` together is a breach (a meeting and what overlaps it)."""

    tag: Tag
    occ: int
    day: date
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Term:
    occ: int
    days: frozenset[date]


@dataclass(frozen=True)
class Count:
    tag: Tag
    terms: tuple[Term, ...]
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Precede:
    """`b` starts at least `gap` days after `a`'s last day."""

    tag: Tag
    a: int
    b: int
    gap: int


@dataclass(frozen=True)
class Exists:
    """When `when` holds (an occurrence on a day; None: always), one of `terms` holds."""

    tag: Tag
    when: tuple[int, date] | None
    terms: tuple[Term, ...]


Constraint = Forbid | NotBoth | Count | Precede | Exists | Apart


@dataclass
class Problem:
    model: Model
    year: int
    calendar: WorkCalendar
    occurrences: list[Occurrence]
    constraints: list[Constraint] = field(default_factory=list)
    by_uid: dict[str, int] = field(default_factory=dict)

    _days: list[tuple[date, ...]] = field(default_factory=list)

    def settle(self) -> None:
        """Fix each occurrence's days (after the followers are known), for fast lookups."""
        self._days = [tuple(sorted(set(o.follow.values()))) if o.anchor is not None
                      else o.domain for o in self.occurrences]

    def days(self, occ: int) -> tuple[date, ...]:
        """The days an occurrence may be on (a follower's, from its anchor's)."""
        return self._days[occ]

    def variable(self, occ: int) -> bool:
        return len(self._days[occ]) > 1


@dataclass(frozen=True)
class Settings:
    free: frozenset[str] = frozenset()  # types the planner may move although not flexible
    pins: tuple[tuple[str, date], ...] = ()  # (UID, date)


def build(model: Model, year: int, calendar: WorkCalendar, events: list[Event],
          settings: Settings) -> Problem:
    """`events`: the year's scheduled events, cancelled ones left out."""
    pins = dict(settings.pins)
    problem = Problem(model, year, calendar, [])
    for e in events:
        index = len(problem.occurrences)
        problem.by_uid[e.uid] = index
        mt = model.meeting_types[e.meeting_type]
        if e.uid in pins:
            # on its pinned date; its current date only when the pin itself is questioned
            o = Occurrence(index, e, False, tuple(sorted({pins[e.uid], e.day})), pinned=True)
        elif ((mt.flexible or mt.id in settings.free) and e.origin is Origin.RULE
              and e.status is Status.PLANNED):
            first, last = _window(e, mt.shift_within, year)
            o = Occurrence(index, e, True, (), window=(first, last))
            o.domain = tuple(d for d in _range(first, last - timedelta(days=o.span - 1))
                             if all(calendar.is_working_day(d + timedelta(days=k))
                                    for k in range(o.span)))
            if e.day not in o.domain:  # where it is now stays possible (a recorded shift…)
                o.domain = tuple(sorted({*o.domain, e.day}))
        else:
            o = Occurrence(index, e, False, (e.day,))
        problem.occurrences.append(o)
    _followers(problem)
    problem.settle()
    for o in problem.occurrences:
        if o.pinned and len(o.domain) > 1:
            problem.constraints.append(Forbid(Tag(PIN_RULE, True, detail=o.event.uid),
                                              o.index, o.event.day))
    _Compiler(problem).run()
    return problem


def _window(e: Event, within: Window | None, year: int) -> tuple[date, date]:
    first, last = (within or Window.MONTH).bounds(e.nominal)
    return max(first, date(year, 1, 1)), min(last, date(year, 12, 31))


def _range(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _followers(problem: Problem) -> None:
    """A fixed occurrence whose rule follows a movable one follows it (the programme on the
    retreat's day, the year's axes at the first GEC after the retreat)."""
    model, occs = problem.model, problem.occurrences
    movable_types = {o.event.meeting_type for o in occs if o.movable}
    for o in occs:
        if o.movable or o.pinned or o.event.origin is not Origin.RULE or \
                o.event.status is not Status.PLANNED:
            continue
        rule = model.meeting_types[o.event.meeting_type].rule
        if isinstance(rule, Relative) and rule.anchor in movable_types:
            anchors = [a for a in occs if a.event.meeting_type == rule.anchor and a.movable
                       and date_rules.relative_date(rule, a.event.nominal) == o.event.nominal]
            if len(anchors) == 1:
                a = anchors[0]
                o.anchor = a.index
                o.follow = {d: date_rules.relative_date(rule, d) for d in a.domain}
        elif isinstance(rule, FirstAfter) and rule.after in movable_types:
            afters = [a for a in occs if a.event.meeting_type == rule.after and a.movable]
            targets = sorted(x.event.day for x in occs if x.event.meeting_type == rule.anchor)
            if len(afters) == 1 and targets:
                a = afters[0]
                o.anchor = a.index
                o.follow = {d: found for d in a.domain
                            if (found := date_rules.first_on_or_after(targets, d)) is not None}
        if o.anchor is not None:
            anchor = occs[o.anchor]
            if not o.follow:
                o.anchor, o.follow = None, {}
                continue
            # the anchor keeps the days on which the follower can be held
            keep = {d for d, own in o.follow.items()
                    if problem.calendar.is_working_day(own) or o.event.kind is EventKind.DEADLINE}
            anchor.domain = tuple(d for d in anchor.domain if d in keep) or anchor.domain
            o.follow = {d: own for d, own in o.follow.items() if d in anchor.domain}


class _Compiler:
    """The rules of checks.yaml that concern dates and people, as constraints."""

    def __init__(self, problem: Problem):
        self.p = problem
        self.model = problem.model
        self.out = problem.constraints
        self.by_type: dict[str, list[int]] = defaultdict(list)
        for o in problem.occurrences:
            for t in o.event.types:
                self.by_type[t].append(o.index)
        self.ctx = Context(self.model, problem.year, [o.event for o in problem.occurrences],
                           problem.calendar)

    def run(self) -> None:
        for rule in self.model.checks:
            compile_ = getattr(self, "k_" + rule.kind.replace("-", "_"), None)
            if compile_ is not None:
                compile_(rule)

    # --- helpers -----------------------------------------------------------------------------

    def of(self, types: Iterable[str]) -> list[int]:
        found: set[int] = set()
        for t in types:
            found.update(self.by_type.get(t, ()))
        return sorted(found)

    def tag(self, rule: CheckRule, severity: Severity | None = None) -> Tag | None:
        severity = severity or rule.severity
        if severity is Severity.ERROR:
            return Tag(rule.id, True)
        if severity is Severity.WARNING:
            return Tag(rule.id, False, WARNING_WEIGHT)
        return None

    def days(self, occ: int) -> tuple[date, ...]:
        return self.p.days(occ)

    def forbid(self, tag: Tag | None, occ: int, keep) -> None:
        """Forbid the days of `occ` for which keep(day) is false."""
        if tag is None:
            return
        for d in self.days(occ):
            if not keep(d):
                self.out.append(Forbid(tag, occ, d))

    def generated(self, occ: int) -> bool:
        """Will its date be ptfcal's (a planned rule date), as kinds._generated_date says?"""
        o = self.p.occurrences[occ]
        return not o.pinned and o.event.origin is Origin.RULE and \
            o.event.status is Status.PLANNED

    # --- single events -----------------------------------------------------------------------

    def k_working_day(self, rule: CheckRule) -> None:
        working = self.model.settings.working_days
        for o in self.p.occurrences:
            severity = rule.severity if self.generated(o.index) else (rule.lesser or
                                                                     rule.severity)
            self.forbid(self.tag(rule, severity), o.index,
                        lambda d, o=o: all((d + timedelta(days=k)).weekday() in working
                                           for k in range(o.span)))

    def k_holiday(self, rule: CheckRule) -> None:
        cal = self.p.calendar
        for o in self.p.occurrences:
            # a rule date on an estimated holiday, published « à confirmer », keeps its date
            own = o.event.day if o.event.pending is not None else None
            self.forbid(self.tag(rule), o.index,
                        lambda d, o=o, own=own: d == own or not any(
                            cal.holidays_on(d + timedelta(days=k)) for k in range(o.span)))

    def k_near_estimated_holiday(self, rule: CheckRule) -> None:
        span = rule.days or 1
        cal = self.p.calendar

        def near(day: date) -> bool:
            return any(h.estimated and h.islamic for h in cal.holidays_on(day))

        for o in self.p.occurrences:
            if o.event.kind is not EventKind.MEETING:
                continue
            # a rule date published « à confirmer selon l'annonce de la fête » keeps its date:
            # an estimate flags it (check lists it), it is no reason to move it (issue 19 item
            # 9); other days near an estimate are still avoided
            own = o.event.day if o.event.pending is not None else None
            self.forbid(self.tag(rule), o.index, lambda d, o=o, own=own: d == own or not any(
                near(d - timedelta(days=k)) or near(d + timedelta(days=o.span - 1 + k))
                for k in range(1, span + 1)))

    def k_deadline(self, rule: CheckRule) -> None:
        assert rule.deadline is not None
        lenient = not self.model.settings.strict_deadlines and rule.deadline.strict
        limit = date_rules.deadline_date(rule.deadline, self.p.year)
        if lenient:  # the limit day itself is only a warning (checks: chk.deadline.on-limit)
            on_limit = rule.deadline.limit(self.p.year)
        for occ in self.of(rule.of):
            span = self.p.occurrences[occ].span - 1
            if lenient:
                self.forbid(self.tag(rule), occ,
                            lambda d, span=span: d + timedelta(days=span) <= on_limit)
                self.forbid(self.tag(rule, Severity.WARNING), occ,
                            lambda d, span=span: d + timedelta(days=span) != on_limit)
            else:
                self.forbid(self.tag(rule), occ,
                            lambda d, span=span: d + timedelta(days=span) <= limit)

    def k_in_months(self, rule: CheckRule) -> None:
        for occ in self.of(rule.of):
            self.forbid(self.tag(rule), occ, lambda d: d.month in (rule.months or ()))

    def k_not_in_months(self, rule: CheckRule) -> None:
        for occ in self.of(rule.of):
            self.forbid(self.tag(rule), occ, lambda d: d.month not in (rule.months or ()))

    def k_day_rule(self, rule: CheckRule) -> None:
        ordinal, weekday = rule.day  # type: ignore[misc]
        for occ in self.of(rule.of):
            # a date the planner sets is recorded as rescheduled: the rule's milder form
            self.forbid(self.tag(rule, rule.lesser or rule.severity), occ,
                        lambda d: d == date_rules.nth_weekday(d.year, d.month, ordinal,
                                                              weekday))

    def k_era(self, rule: CheckRule) -> None:
        reform = self.model.settings.reform_effective
        for occ in self.of(rule.of):
            self.forbid(self.tag(rule), occ, lambda d: d >= reform)
        for occ in self.of(rule.then):
            self.forbid(self.tag(rule), occ, lambda d: d < reform)

    def k_august(self, rule: CheckRule) -> None:
        levels = {Level(v) for v in rule.values}
        for o in self.p.occurrences:
            e = o.event
            if (e.kind is EventKind.MEETING and e.level in levels and self.generated(o.index)
                    and e.meeting_type not in rule.of):
                self.forbid(self.tag(rule), o.index, lambda d: d.month != 8)

    # --- counts, order, gaps -------------------------------------------------------------------

    def k_count(self, rule: CheckRule) -> None:
        assert rule.per is not None
        low = rule.exactly if rule.exactly is not None else rule.at_least
        high = rule.exactly if rule.exactly is not None else rule.at_most
        reform = self.model.settings.reform_effective
        tag = self.tag(rule)
        high_tag = self.tag(rule, rule.lesser) if rule.exactly is None and rule.lesser else tag
        extra = [i for i in self.of(rule.then) if rule.also_enlarged_to and
                 rule.also_enlarged_to in self.p.occurrences[i].event.enlarged_to]
        for type_id in rule.of:
            members = [i for i in self.by_type.get(type_id, ())]
            if not members and not self.ctx.generated(type_id):
                continue
            for group in self._groups(rule, type_id, members):
                occs, valid = group
                for first, last in _windows(rule.per, self.p.year, rule.months):
                    if (rule.from_reform and first < reform) or not valid(first, last):
                        continue
                    terms = self._terms([*occs, *[i for i in extra if i not in occs]],
                                        first, last)
                    if low is not None and tag is not None:
                        self.out.append(Count(tag, terms, low, None))
                    if high is not None and high_tag is not None:
                        self.out.append(Count(high_tag, terms, None, high))
                if rule.max_gap_days and tag is not None:
                    self._max_gap(tag, occs, rule.max_gap_days)

    def _groups(self, rule: CheckRule, type_id: str, members: list[int]):
        occs = self.p.occurrences
        if rule.by == "key":
            keys = sorted({occs[i].event.key or occs[i].event.body for i in members})
            for key in keys:
                yield ([i for i in members if (occs[i].event.key or occs[i].event.body) == key],
                       lambda a, b: True)
        elif rule.by in ("body", "sector"):
            for body_id in self.model.meeting_types[type_id].bodies:
                body = self.model.bodies[body_id]
                if not body.validity.contains_any(date(self.p.year, 1, 1),
                                                  date(self.p.year, 12, 31)):
                    continue
                mine = [i for i in members if occs[i].event.body == body_id]
                # by sector: one group per title (a CPS's review of each sector it covers)
                titles = sorted({occs[i].event.title.fr for i in mine}) \
                    if rule.by == "sector" else []
                for title in titles or [None]:
                    yield ([i for i in mine if title is None or occs[i].event.title.fr == title],
                           lambda a, b, v=body.validity: v.contains(a) and v.contains(b))
        else:
            yield members, lambda a, b: True

    def _terms(self, occs: Iterable[int], first: date, last: date) -> tuple[Term, ...]:
        terms = []
        for i in occs:
            inside = frozenset(d for d in self.days(i) if first <= d <= last)
            if inside:
                terms.append(Term(i, inside))
        return tuple(terms)

    def _max_gap(self, tag: Tag, occs: list[int], limit: int) -> None:
        ordered = sorted(occs, key=lambda i: self.p.occurrences[i].event.nominal)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if self.p.variable(a) or self.p.variable(b):
                # b no later than `limit` days after a: a precedence the other way round
                self.out.append(Precede(tag, b, a, -limit - self.p.occurrences[b].span + 1))

    def k_gap(self, rule: CheckRule) -> None:
        tag = self.tag(rule)
        if tag is None:
            return
        for a in self.of(rule.of):
            for b in self.of(rule.then):
                if a != b:
                    self.out.append(Precede(tag, a, b, rule.days or 0))

    def k_order(self, rule: CheckRule) -> None:
        tag = self.tag(rule)
        if tag is None:
            return
        firsts, thens = self.of(rule.of), self.of(rule.then)
        if not firsts or not thens:
            return
        if rule.mode == "any":
            occs = self.p.occurrences
            for a in firsts:
                for da in self.days(a):
                    end = da + timedelta(days=occs[a].span - 1)
                    terms = tuple(Term(t, frozenset(d for d in self.days(t) if d > end))
                                  for t in thens if t != a)
                    self.out.append(Exists(tag, (a, da) if self.p.variable(a) else None,
                                           tuple(x for x in terms if x.days)))
            return
        for a in firsts:
            for t in thens:
                if a != t:
                    self.out.append(Precede(tag, a, t, 1))

    def k_within_before(self, rule: CheckRule) -> None:
        tag = self.tag(rule)
        if tag is None:
            return
        mt = self.model.meeting_types[rule.of[0]]
        occs = self.p.occurrences
        days = rule.days or 0
        for target in self.of(rule.then):
            for body_id in mt.bodies:
                body = self.model.bodies[body_id]
                members = [i for i in self.of(rule.of) if occs[i].event.body == body_id]
                for dt in self.days(target):
                    if not body.validity.contains(dt - timedelta(days=days)):
                        continue
                    start = dt - timedelta(days=days)
                    terms = tuple(Term(i, frozenset(d for d in self.days(i) if start <= d < dt))
                                  for i in members)
                    self.out.append(Exists(tag, (target, dt) if self.p.variable(target)
                                           else None, tuple(x for x in terms if x.days)))

    # --- overlaps and people -------------------------------------------------------------------

    def _index(self) -> None:
        """Each occurrence's placements (its candidate days with their hours), and the
        placements by calendar day."""
        if hasattr(self, "placed"):
            return
        self.placed: dict[int, list[tuple[date, datetime | None, datetime | None]]] = {}
        self.on_day: dict[date, list[tuple[int, date, datetime | None, datetime | None]]] = \
            defaultdict(list)
        for o in self.p.occurrences:
            rows = []
            for d in self.days(o.index):
                span = o.interval(d)
                rows.append((d, *(span or (None, None))))
                for k in range(o.span):
                    self.on_day[d + timedelta(days=k)].append((o.index, *rows[-1]))
            self.placed[o.index] = rows

    def _apart(self, tag: Tag | None, occ: int, day: date, others: dict[int, set[date]],
               seen: set) -> None:
        """`occ` on `day` apart from `others`; when `occ` is fixed, each variable other is
        simply kept off those days."""
        if tag is None or not others:
            return
        if self.p.variable(occ):
            terms = tuple(Term(i, frozenset(ds)) for i, ds in sorted(others.items()))
            self.out.append(Apart(tag, occ, day, terms))
            return
        for i, ds in sorted(others.items()):
            if self.p.variable(i):
                for d in sorted(ds):
                    if (tag, i, d) not in seen:
                        seen.add((tag, i, d))
                        self.out.append(Forbid(tag, i, d))

    def k_no_overlap(self, rule: CheckRule) -> None:
        self._index()
        hard = self.tag(rule)
        lesser = self.tag(rule, rule.lesser) if rule.lesser else None
        occs = self.p.occurrences
        then = set(rule.then)
        seen: set = set()
        related: dict[tuple[str, int], bool] = {}
        for a in self.of(rule.of):
            ea = occs[a].event
            if ea.start is None:
                continue
            body = self.model.bodies[ea.body]
            a_variable = self.p.variable(a)
            span = occs[a].span
            for da, sa, ea_end in self.placed[a]:
                clash, near = defaultdict(set), defaultdict(set)
                covered = [row for k in range(span)
                           for row in self.on_day.get(da + timedelta(days=k), ())]
                for b, db, sb, eb_end in covered:
                    if b == a or sb is None or not (a_variable or self.p.variable(b)):
                        continue
                    if (body.id, b) not in related:
                        eb = occs[b].event
                        if rule.examines == "pairs_with":
                            found = eb.body in body.pairs_with and bool(
                                then.intersection(eb.types))
                        else:
                            found = bool(then.intersection(eb.types)) or \
                                eb.body in body.faces or eb.body in body.under
                        related[(body.id, b)] = found
                    if not related[(body.id, b)]:
                        continue
                    if sa < eb_end and sb < ea_end:
                        clash[b].add(db)
                    elif sb.date() == sa.date():
                        near[b].add(db)
                self._apart(hard, a, da, clash, seen)
                self._apart(lesser, a, da, near, seen)

    def k_joint_day(self, rule: CheckRule) -> None:
        self._index()
        tag = self.tag(rule)
        if tag is None:
            return
        levels = {Level(v) for v in rule.values}
        joint = set(self.of(rule.of))
        seen: set = set()
        for o in self.p.occurrences:
            e = o.event
            if e.kind is not EventKind.MEETING or e.level not in levels:
                continue
            for da in self.days(o.index):
                others: dict[int, set[date]] = defaultdict(set)
                for k in range(o.span):
                    for j, dj, _, _ in self.on_day.get(da + timedelta(days=k), ()):
                        if j in joint and j != o.index and (self.p.variable(j) or
                                                            self.p.variable(o.index)):
                            others[j].add(dj)
                self._apart(tag, o.index, da, others, seen)

    def k_people_conflict(self, rule: CheckRule) -> None:
        """At every moment a meeting starts, each role-holder is at no more meetings than it
        can serve (the checker's sweep); an institution expected at two meetings at once is
        the milder form, counted the same way."""
        self._index()
        occs = self.p.occurrences
        for severity, capacity, who in (
                (rule.severity, self.model.capacity, lambda e: e.holders),
                (rule.lesser, lambda _: 1, lambda e: e.participants)):
            tag = self.tag(rule, severity) if severity else None
            if tag is None:
                continue
            members: dict[str, list[int]] = defaultdict(list)
            for o in occs:
                if o.event.start is not None:
                    for h in who(o.event):
                        members[h].append(o.index)
            seen: set = set()
            done: set[tuple[tuple[int, ...], int]] = set()
            for holder, found in sorted(members.items()):
                if len(found) < 2 or not any(self.p.variable(i) for i in found):
                    continue
                key = (tuple(found), capacity(holder))
                if key in done:  # expected at the very same meetings as another: same bound
                    continue
                done.add(key)
                self._capacity(tag, found, capacity(holder), seen)

    def _capacity(self, tag: Tag, members: list[int], cap: int, seen: set) -> None:
        # the members' placements by the day they start
        local: dict[date, list[tuple[int, date, datetime, datetime]]] = defaultdict(list)
        for i in members:
            for d, s, e in self.placed[i]:
                if s is not None and e is not None:
                    local[s.date()].append((i, d, s, e))
        longest = max(self.p.occurrences[i].span for i in members)
        starts = sorted({row[2] for rows in local.values() for row in rows})
        for moment in starts:
            found: dict[int, set[date]] = defaultdict(set)
            for k in range(longest):
                for i, d, s, e in local.get(moment.date() - timedelta(days=k), ()):
                    if s <= moment < e:
                        found[i].add(d)
            if len(found) <= cap or not any(self.p.variable(i) for i in found):
                continue
            terms = tuple(Term(i, frozenset(ds)) for i, ds in sorted(found.items()))
            if (terms, cap) in seen:  # institutions expected at the same meetings
                continue
            seen.add((terms, cap))
            self.out.append(Count(tag, terms, None, cap))


def occurrences_of(c: Constraint) -> set[int]:
    if isinstance(c, Forbid):
        return {c.occ}
    if isinstance(c, NotBoth | Precede):
        return {c.a, c.b}
    if isinstance(c, Exists):
        return {t.occ for t in c.terms} | ({c.when[0]} if c.when else set())
    if isinstance(c, Apart):
        return {c.occ} | {t.occ for t in c.terms}
    return {t.occ for t in c.terms}


def impossible_alone(problem: Problem, constraints: Iterable[Constraint]) -> list[Constraint]:
    """The hard constraints that no plan can keep, each rule taken alone: what the fixed dates
    (a recorded cancellation, a move, a late review) already decide. A GA cancelled in October
    leaves one GA in the year, and no day given to the April one makes two. The planner plans
    the rest and lists these apart; a real conflict between rules (a pin against a gap) is
    possible for each rule alone and stays for `explain`."""
    occs = problem.occurrences

    def possible(occ: int) -> frozenset[date]:
        return frozenset(problem.days(occ))

    def certain(occ: int, days: Iterable[date]) -> bool:
        return possible(occ) <= set(days)

    out: list[Constraint] = []
    # the days each rule alone rules out for an occurrence: all of them, and it cannot hold
    ruled_out: dict[tuple[Tag, int], list[tuple[Constraint, date]]] = defaultdict(list)
    for c in constraints:
        if not c.tag.hard or not any(problem.variable(i) for i in occurrences_of(c)):
            continue  # a soft one costs; between fixed dates it is reported after anyway
        if isinstance(c, Forbid):
            ruled_out[(c.tag, c.occ)].append((c, c.day))
        elif isinstance(c, Apart):
            if any(certain(t.occ, t.days) for t in c.terms):
                ruled_out[(c.tag, c.occ)].append((c, c.day))
        elif isinstance(c, Exists):
            reachable = any(possible(t.occ) & t.days for t in c.terms)
            if reachable:
                continue
            if c.when is None:
                out.append(c)
            else:
                ruled_out[(c.tag, c.when[0])].append((c, c.when[1]))
        elif isinstance(c, Count):
            by_occ: dict[int, set[date]] = defaultdict(set)
            for t in c.terms:
                by_occ[t.occ] |= possible(t.occ) & t.days
            most = sum(1 for days in by_occ.values() if days)
            least = sum(1 for i, days in by_occ.items() if days and certain(i, days))
            if (c.low is not None and most < c.low) or (c.high is not None and least > c.high):
                out.append(c)
        elif isinstance(c, Precede):
            span = occs[c.a].span - 1
            if (max(possible(c.b)) - min(possible(c.a))).days - span < c.gap:
                out.append(c)
    for (_, occ), found in ruled_out.items():
        if possible(occ) <= {day for _, day in found}:
            out.extend(c for c, _ in found)
    return out
