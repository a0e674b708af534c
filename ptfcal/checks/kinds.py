"""Events + model -> findings: every rule of RULES.md §8, each citing the text it comes from.

The rules themselves are data (`config/checks.yaml`): each names a check kind from the closed
vocabulary below (`KINDS`) with its parameters and severity. A kind is one function; adding a
rule of an existing kind needs no code. A rule whose data is missing reports an info finding:
nothing passes silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from .. import i18n
from ..calendar.parties import Resolver
from ..calendar.workdays import WorkCalendar
from ..i18n import Counted, text
from ..model import (
    CheckRule,
    Event,
    EventKind,
    InstitutionKind,
    Level,
    Model,
    Origin,
    Role,
    Severity,
    Status,
    TermKind,
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


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for rule in ctx.model.checks:
        findings.extend(run_rule(rule, ctx))
    return sorted(findings, key=lambda f: (f.severity.rank, f.dates[:1], f.rule, f.events))


def run_rule(rule: CheckRule, ctx: Context) -> Iterable[Finding]:
    found = KINDS[rule.kind].run(rule, ctx)
    if ctx.options.institution:
        # a conflict concerns an institution only if it is expected at two of the meetings
        needed = 2 if rule.kind == "people-conflict" else 1
        found = (f for f in found if _concerns(f, ctx, needed))
    return found


def _concerns(finding: Finding, ctx: Context, needed: int) -> bool:
    """Is --for's institution among the participants of (enough of) the finding's events?"""
    inst = ctx.options.institution
    if not finding.events:
        return True
    uids = set(finding.events)
    if any(x.uid in uids for x in ctx.options.external):
        return True
    return sum(1 for e in ctx.events if e.uid in uids and inst in e.participants) >= needed


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


# --- dates ---------------------------------------------------------------------------------------


@kind("day-rule", "of day", "of day")
def day_rule(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from ..calendar.rules import nth_weekday

    ordinal, weekday = rule.day  # type: ignore[misc]
    label = Text(f"{_ORD_FR[ordinal]} {i18n.WEEKDAYS['fr'][weekday]}",
                 f"{_ORD_EN[ordinal]} {i18n.WEEKDAYS['en'][weekday]}")
    for e in ctx.of(rule.of):
        expected = nth_weekday(e.day.year, e.day.month, ordinal, weekday)
        if e.day == expected:
            continue
        what = e.title
        if e.rescheduled:
            yield _finding(rule, text("chk.day-rule.moved", what=what, day=e.day,
                                      expected=expected, why=text("chk.rescheduled")), [e],
                           rule.lesser or rule.severity)
        elif e.shifted_from == expected:
            # ptfcal moved it by the shift policy: nothing for the secretariat to fix
            why = e.shift_reason or text("chk.moved-holiday")
            yield _finding(rule, text("chk.day-rule.moved", what=what, day=e.day,
                                      expected=expected, why=why), [e], Severity.INFO)
        else:
            yield _finding(rule, text("chk.day-rule", what=what, day=e.day, rule=label,
                                      expected=expected), [e], subject=e)


_ORD_FR = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième",
           -1: "dernier"}
_ORD_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


@kind("not-in-months", "of months", "of months")
def not_in_months(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.of(rule.of):
        if e.day.month in (rule.months or ()):
            yield _finding(rule, text("chk.not-in-months", what=e.title, day=e.day,
                                      months=_month_names(rule.months or ())), [e], subject=e)


@kind("in-months", "of months", "of months")
def in_months(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.of(rule.of):
        if e.day.month not in (rule.months or ()):
            yield _finding(rule, text("chk.in-months", what=e.title, day=e.day,
                                      months=_month_names(rule.months or ())), [e], subject=e)


def _windows(per: Window, year: int, months: tuple[int, ...] | None) -> list[tuple[date, date]]:
    result = []
    day = date(year, 1, 1)
    while day.year == year:
        first, last = per.bounds(day)
        if months is None or first.month in months:
            result.append((first, last))
        day = last + timedelta(days=1)
    return result


def _window_name(first: date, last: date, per: Window) -> Text:
    if per is Window.YEAR:
        return text("window.year", year=first.year)
    if per is Window.MONTH:
        return Text(*(i18n.t("window.month", lang, month=i18n.MONTHS[lang][first.month - 1],
                             year=first.year) for lang in ("fr", "en")))
    return text("window.other", first=first, last=last)


@kind("count", "of per months by exactly at_least at_most max_gap_days from_reform "
      "also_enlarged_to then", "of per")
def count(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    assert rule.per is not None
    low = rule.exactly if rule.exactly is not None else rule.at_least
    high = rule.exactly if rule.exactly is not None else rule.at_most
    reform = ctx.model.settings.reform_effective
    for type_id in rule.of:
        events = ctx.of([type_id])
        if not events and not ctx.generated(type_id):
            yield _no_data(rule, ctx, ctx.name(type_id))
            continue
        extra = [e for e in ctx.of(rule.then)
                 if rule.also_enlarged_to and rule.also_enlarged_to in e.enlarged_to]
        groups = _groups(rule, ctx, type_id, events)
        for group, members, valid in groups:
            what = ctx.name(type_id) if group is None else Text(
                f"{ctx.name(type_id).fr} — {group.fr}", f"{ctx.name(type_id).en} — {group.en}")
            for first, last in _windows(rule.per, ctx.year, rule.months):
                if rule.from_reform and first < reform:
                    continue
                if not valid(first, last):
                    continue
                inside = [e for e in members if first <= e.day <= last]
                inside += [e for e in extra if first <= e.day <= last and e not in inside]
                found = len(inside)
                if low is not None and found < low:
                    window = _window_name(first, last, rule.per)
                    yield _finding(rule, text("chk.count.missing", what=what,
                                              found=Counted(found, "meeting"), window=window,
                                              expected=low), inside,
                                   dates=[first])
                if high is not None and found > high:
                    severity = rule.lesser if rule.exactly is None and rule.lesser else None
                    window = _window_name(first, last, rule.per)
                    yield _finding(rule, text("chk.count.extra", what=what,
                                              found=Counted(found, "meeting"), window=window,
                                              expected=high), inside,
                                   severity=severity, subject=inside[-1])
            if rule.max_gap_days:
                ordered = sorted(members, key=lambda e: e.day)
                for a, b in zip(ordered, ordered[1:], strict=False):
                    gap = (b.day - a.day).days
                    if gap > rule.max_gap_days:
                        yield _finding(rule, text("chk.count.gap", what=what, days=gap,
                                                  first=a.day, second=b.day,
                                                  limit=rule.max_gap_days), [a, b])


def _groups(rule: CheckRule, ctx: Context, type_id: str, events: list[Event]):
    """(label, events, is-the-group-active-in-this-window) per body / key / whole."""
    if rule.by == "key":
        keys = sorted({e.key or e.body for e in events})
        for key in keys:
            label = ctx.model.bodies[key].short if key in ctx.model.bodies else Text.same(key)
            yield label, [e for e in events if (e.key or e.body) == key], lambda a, b: True
    elif rule.by == "body":
        for body_id in ctx.model.meeting_types[type_id].bodies:
            body = ctx.model.bodies[body_id]
            if not body.validity.contains_any(date(ctx.year, 1, 1), date(ctx.year, 12, 31)):
                continue
            yield (body.short, [e for e in events if e.body == body_id],
                   lambda a, b, v=body.validity: v.contains(a) and v.contains(b))
    else:
        yield None, events, lambda a, b: True


@kind("deadline", "of deadline late", "of deadline")
def deadline(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from ..calendar.rules import deadline_date

    assert rule.deadline is not None
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    lenient = ctx.options.lenient_deadlines or not ctx.model.settings.strict_deadlines
    for e in events:
        limit_day = deadline_date(rule.deadline, e.day.year)
        label = _deadline_text(rule.deadline)
        if e.last_day <= limit_day:
            continue
        if lenient and rule.deadline.strict and e.last_day == rule.deadline.limit(e.day.year):
            yield _finding(rule, text("chk.deadline.on-limit", what=e.title, day=e.last_day,
                                      limit=label), [e], Severity.WARNING)
            continue
        if rule.late and e.last_day > deadline_date(rule.late, e.day.year):
            late = _deadline_text(rule.late)
            yield _finding(rule, text("chk.deadline.late", what=e.title, day=e.last_day,
                                      limit=late), [e], subject=e)
            continue
        yield _finding(rule, text("chk.deadline", what=e.title, day=e.last_day, limit=label),
                       [e], subject=e)


def _deadline_text(limit) -> Text:
    return Text(i18n.deadline_words(limit, "fr"), i18n.deadline_words(limit, "en"))


# --- relations between meetings ------------------------------------------------------------------


@kind("gap", "of then days", "of then days")
def gap(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    firsts, thens = ctx.of(rule.of), ctx.of(rule.then)
    if not firsts or not thens:
        return  # counted by the rule that requires them
    a, b = firsts[0], thens[0]
    days = (b.day - a.last_day).days
    if days < (rule.days or 0):
        yield _finding(rule, text("chk.gap", first=a.title, end=a.last_day, second=b.title,
                                  start=b.day, days=Counted(days, "day"),
                                  limit=Counted(rule.days or 0, "day")), [a, b], subject=a)


@kind("order", "of then mode", "of then")
def order(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    firsts, thens = ctx.of(rule.of), ctx.of(rule.then)
    if not firsts or not thens:
        missing = rule.of if not firsts else rule.then
        if _input_only(rule, ctx, missing):
            yield _no_data(rule, ctx, ctx.name(missing[0]))
        return
    if rule.mode == "any":
        anchor = max(firsts, key=lambda e: e.last_day)
        if not any(t.day > anchor.last_day for t in thens if t is not anchor):
            yield _finding(rule, text("chk.order.any", second=ctx.name(rule.then[0]),
                                      first=anchor.title, day=anchor.day), [anchor, *thens])
        return
    last = max(firsts, key=lambda e: e.last_day)
    for t in thens:
        if t is not last and t.day <= last.last_day:
            yield _finding(rule, text("chk.order", second=t.title, day=t.day, first=last.title,
                                      before=last.last_day), [last, t], subject=t)


@kind("within-before", "of then days", "of then days")
def within_before(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    mt = ctx.model.meeting_types[rule.of[0]]
    for target in ctx.of(rule.then):
        for body_id in mt.bodies:
            body = ctx.model.bodies[body_id]
            if not body.validity.contains(target.day - timedelta(days=rule.days or 0)):
                continue
            start = target.day - timedelta(days=rule.days or 0)
            if not any(e.body == body_id and start <= e.day < target.day
                       for e in ctx.of(rule.of)):
                yield _finding(rule, text("chk.within-before", body=body.short, what=mt.name,
                                          days=rule.days, then=target.title, day=target.day),
                               [target])


@kind("same-event", "of", "of")
def same_event(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    a_type, b_type = rule.of[0], rule.of[1]
    for a in ctx.of([a_type]):
        if b_type in a.types:
            continue
        for b in ctx.of([b_type]):
            yield _finding(rule, text("chk.same-event", first=a.title, day1=a.day,
                                      second=b.title, day2=b.day), [a, b], subject=a)


# --- who -----------------------------------------------------------------------------------------


@kind("attribute", "of field values", "of field values")
def attribute(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    assert rule.examines is not None
    unrecorded = [e for e in events if getattr(e, rule.examines) is None]
    if unrecorded:
        yield _finding(rule, text("chk.attribute.missing", what=ctx.name(rule.of[0]),
                                  field=_field_name(rule.examines),
                                  count=Counted(len(unrecorded), "meeting")), unrecorded,
                       Severity.INFO)
    for e in events:
        value = getattr(e, rule.examines)
        if value is None:
            continue
        if value not in rule.values:
            yield _finding(rule, text("chk.attribute", what=e.title, day=e.day,
                                      field=_field_name(rule.examines),
                                      value=_value_name(value),
                                      expected=[_value_name(v) for v in rule.values]), [e])
        elif value == "gec-request" and not any(g.day < e.day for g in ctx.of(["gec-monthly"])):
            yield _finding(rule, text("chk.attribute.no-gec", what=e.title, day=e.day), [e])


def _field_name(field_: str) -> Text:
    """A recorded field as users read it (never its key in the YAML)."""
    return i18n.text(f"field.{field_}") if i18n.known(f"field.{field_}") else \
        Text.same(field_)


def _value_name(value: str) -> Text:
    return i18n.text(f"value.{value}") if i18n.known(f"value.{value}") else \
        Text.same(value)


@kind("chair", "of expected", "of expected")
def chair(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    expected = rule.expected[0].ref
    reported_years: set[int] = set()
    unverifiable: list[Event] = []
    label = Text("", "")
    for e in ctx.of(rule.of):
        year = e.day.year
        roles = ctx.model.roles.get(year)
        if expected == Role.TROIKA.value:
            allowed = set(roles.troika) if roles else set()
            lesser: set[str] = set()
            label = Text("la Troïka", "the Troika")
        else:
            # 001: the year's lead, its deputy, or - both being absent - the outgoing lead
            _, interim = ctx.who.chef_de_file(e.day)
            previous = ctx.model.roles.get(year - 1)
            allowed = {i for i in (roles.chef_de_file if roles else None,
                                   roles.cdf_deputy if roles else None,
                                   previous.chef_de_file if previous else None) if i}
            lesser = set(roles.troika) if roles else set()  # 000: another Troïka member
            label = Text("le Chef de file, sa suppléance ou le Chef de file sortant",
                         "the lead donor, its deputy or the outgoing lead")
            if interim is not None and year not in reported_years and "chair" not in e.recorded:
                reported_years.add(year)
                who = ctx.who.party(rule.expected, ctx.model.bodies[e.body], e.day)
                yield Finding(rule.id, Severity.INFO, text("chk.chair.unknown", year=year,
                                                           who=who.label if who else "?"))
        if "chair" not in e.recorded:
            if not allowed:
                unverifiable.append(e)
            continue
        actual = set(e.chair.institutions) if e.chair else set()
        who = e.chair.label if e.chair else Text("?", "?")
        if actual and actual <= allowed:
            continue
        if actual and actual <= allowed | lesser and rule.lesser:
            yield _finding(rule, text("chk.chair.fallback", what=e.title, day=e.day, who=who),
                           [e], rule.lesser)
            continue
        yield _finding(rule, text("chk.chair", what=e.title, day=e.day, who=who,
                                  expected=label), [e])
    if unverifiable:
        yield _finding(rule, text("chk.chair.none", what=ctx.name(rule.of[0]), expected=label,
                                  count=Counted(len(unverifiable), "meeting")), unverifiable,
                       Severity.INFO)


@kind("secretariat", "of categories expected", "expected", Scope.EVENT)
def secretariat(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """The events of `of`, the configured secretariat of the bodies of `categories`, and the
    secretariat recorded for any event those bodies hold."""
    recorded = [e for e in ctx.events if "secretariat" in e.recorded
                and ctx.model.bodies[e.body].category in rule.categories]
    for e in ctx.of(rule.of) + [e for e in recorded if not set(e.types) & set(rule.of)]:
        body = ctx.model.bodies[e.body]
        want = ctx.who.party(rule.expected, body, e.day)
        have = e.secretariat
        if want and set(want.holders) != set(have.holders if have else ()):
            yield _finding(rule, text("chk.secretariat", what=e.title,
                                      who=have.label if have else "—", expected=want.label),
                           [e])
    for body in ctx.model.bodies.values():
        if body.category not in rule.categories:
            continue
        day = max(date(ctx.year, 1, 1), body.validity.start or date(ctx.year, 1, 1))
        if not body.validity.contains(day):
            continue
        want = ctx.who.party(rule.expected, body, day)
        have = ctx.who.party(body.secretariat, body, day)
        if have is None:
            yield Finding(rule.id, Severity.INFO, text("chk.no-data", what=body.short,
                                                       year=ctx.year))
        elif want and set(want.holders) != set(have.holders):
            yield Finding(rule.id, rule.severity, text("chk.secretariat", what=body.short,
                                                       who=have.label, expected=want.label))


@kind("attendance", "of at_most", "of at_most")
def attendance(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    events = ctx.of(rule.of)
    missing = [e for e in events if not e.attendance]
    institutions = ctx.model.institutions
    for e in events:
        # counted per delegation: France and the AFD together (001 « quel que soit la
        # configuration institutionnelle de coopération du pays ou de l'agence »)
        delegations: dict[str, list[str]] = {}
        for inst in sorted(e.attendance):
            delegations.setdefault(institutions[inst].delegation, []).append(inst)
        for members in delegations.values():
            people = sum(e.attendance[i] for i in members)
            if people > (rule.at_most or 0):
                who = [institutions[i].short for i in members]
                yield _finding(rule, text("chk.attendance", what=e.title, day=e.day,
                                          count=people, who=who, limit=rule.at_most), [e])
    if missing:
        yield Finding(rule.id, Severity.INFO, text(
            "chk.attendance.missing", what=ctx.name(rule.of[0]),
            count=Counted(len(missing), "meeting"),
            year=ctx.year))


@kind("troika-un", "from_year", "", Scope.STATIC)
def troika_un(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    roles = ctx.model.roles.get(ctx.year)
    if not roles or not roles.troika:
        yield _no_data(rule, ctx, Text("Troïka", "Troika"))
        return
    un = [i for i in roles.troika if ctx.model.institutions[i].kind is InstitutionKind.UN]
    names = [ctx.model.institutions[i].short for i in un]
    if rule.from_year and ctx.year < rule.from_year:
        if un:
            yield Finding(rule.id, Severity.INFO, text("chk.troika.before", year=ctx.year,
                                                       first=rule.from_year, who=names))
        return
    if len(un) > 1:
        yield Finding(rule.id, rule.severity, text("chk.troika.many", year=ctx.year,
                                                   count=len(un), who=names))
    for i in un:
        if roles.un_coordinating_agency is None:
            yield Finding(rule.id, rule.severity, text(
                "chk.troika.no-agency", year=ctx.year, who=ctx.model.institutions[i].short))
        elif i != roles.un_coordinating_agency:
            expected = ctx.model.institutions[roles.un_coordinating_agency].short
            yield Finding(rule.id, rule.severity, text(
                "chk.troika.not-coordinating", year=ctx.year,
                who=ctx.model.institutions[i].short, expected=expected))


@kind("participants-include", "of expected", "of expected")
def participants_include(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    unrecorded: set[str] = set()
    for e in events:
        body = ctx.model.bodies[e.body]
        missing = []
        for term in rule.expected:
            keys = _required_holders(term.kind.value, body, e.day, ctx)
            if keys and not set(keys) & set(e.holders):
                missing.append(keys[0])
            if term.kind is TermKind.TRIPARTITE:
                roles = ctx.model.roles.get(e.day.year)
                if not (roles and roles.tripartite.get(body.id)):
                    unrecorded.add(body.id)
        if missing:
            yield _finding(rule, text("chk.participants", what=e.title, day=e.day,
                                      missing=missing), [e])
    if unrecorded:
        yield Finding(rule.id, Severity.INFO, text(
            "chk.participants.unknown", what=ctx.name(rule.of[0]),
            who=[ctx.model.bodies[b].short for b in sorted(unrecorded)], year=ctx.year))


def _required_holders(word: str, body, day: date, ctx: Context) -> list[str]:
    """Holder keys one of which must be present for the expected participant `word`."""
    if word == "tripartite":
        return [f"tripartite:{body.id}"]
    if word == "dialogue-leaders":
        return [f"lead:{b.id}" for b in ctx.model.bodies.values()
                if b.parent == body.id and b.category == "gd" and b.validity.contains(day)]
    if word == "parent" and body.parent:
        return [f"body:{body.parent}", f"tripartite:{body.parent}"]
    return []


@kind("no-overlap", "of then field", "of then", Scope.EVENT)
def no_overlap(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    then = set(rule.then)
    for e in events:
        if e.start is None:
            continue
        body = ctx.model.bodies[e.body]
        if rule.examines == "pairs_with":
            related = [o for o in ctx.around(e.day, e.last_day)
                       if o.body in body.pairs_with and then.intersection(o.types)]
        else:
            related = [o for o in ctx.around(e.day, e.last_day)
                       if then.intersection(o.types) or o.body in body.faces
                       or o.body in body.under]
        for o in related:
            if o.id == e.id or o.start is None:
                continue
            if o.start < e.end and e.start < o.end:
                yield _finding(rule, text("chk.overlap", first=e.title, second=o.title,
                                          day=e.day), [e, o], subject=e)
            elif o.day == e.day and rule.lesser:
                yield _finding(rule, text("chk.overlap.day", first=e.title, second=o.title,
                                          day=e.day), [e, o], rule.lesser)


@kind("roles-ahead", "deadline", "deadline", Scope.STATIC)
def roles_ahead(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """From `deadline` of the year before (1 November), the year's rotating roles must be
    recorded: the Chef de file, the Troïka and each GT PTF's tripartite coordination."""
    today, limit = ctx.options.today, rule.deadline
    if today is None or limit is None or ctx.year != today.year + 1:
        return
    from ..calendar.rules import deadline_date

    if today < deadline_date(limit, today.year, limit.strict):
        return
    roles = ctx.model.roles.get(ctx.year)
    missing: list[Text] = []
    if roles is None or roles.chef_de_file is None:
        missing.append(Text("Chef de file", "lead donor"))
    if roles is None or not roles.troika:
        missing.append(Text("Troïka", "Troika"))
    start = date(ctx.year, 1, 1)
    groups = [b.short for b in ctx.model.bodies.values()
              if b.category == "gt-ptf" and b.validity.contains(start)
              and not (roles and roles.tripartite.get(b.id))]
    if groups:
        missing.append(Text(
            ("coordination tripartite" if len(groups) == 1 else "coordinations tripartites")
            + f" ({', '.join(g.fr for g in groups)})",
            ("tripartite coordination" if len(groups) == 1 else "tripartite coordinations")
            + f" ({', '.join(g.en for g in groups)})"))
    if missing:
        yield Finding(rule.id, rule.severity, text(
            "chk.roles-ahead", year=ctx.year, who=Text(", ".join(m.fr for m in missing),
                                                       ", ".join(m.en for m in missing))))


@kind("yearly-record", "field categories", "field categories", Scope.STATIC)
def yearly_record(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    roles = ctx.model.roles.get(ctx.year)
    records = getattr(roles, rule.examines or "", None) or {}
    bodies = [b for b in ctx.model.bodies.values() if b.category in rule.categories
              and b.validity.overlaps_year(ctx.year)]
    if not bodies:
        return
    if not records:
        yield Finding(rule.id, Severity.INFO, text("chk.no-data", what=rule.title, year=ctx.year))
        return
    for body in bodies:
        entry = records.get(body.id)
        if not entry:
            yield Finding(rule.id, rule.severity, text("chk.record.missing", what=rule.title,
                                                       body=body.short, year=ctx.year))
        elif isinstance(entry, dict):
            for inst, names in sorted(entry.items()):
                if len(names) != 2:
                    yield Finding(rule.id, rule.severity, text(
                        "chk.record.pair", body=body.short,
                        who=ctx.model.institutions[inst].short,
                        count=Counted(len(names), "name")))


@kind("reference", "categories values", "categories values", Scope.STATIC)
def reference(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    bodies = [b for b in ctx.model.bodies.values() if b.category in rule.categories]
    if not bodies:
        yield Finding(rule.id, Severity.INFO, text("chk.reference.none"))
    for body in bodies:
        parent = ctx.model.bodies.get(body.parent) if body.parent else None
        if parent is None or parent.category not in rule.values:
            yield Finding(rule.id, rule.severity, text("chk.reference", body=body.short))


@kind("monthly-activity", "of categories", "of categories")
def monthly_activity(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    events, missing = _events_or_missing(rule, ctx)
    if missing:
        yield missing
        return
    for body in ctx.model.bodies.values():
        if body.category not in rule.categories or not body.validity.overlaps_year(ctx.year):
            continue
        months = []
        for month in range(1, 13):
            first = date(ctx.year, month, 1)
            last = Window.MONTH.bounds(first)[1]
            if not body.validity.contains_any(first, last):
                continue
            if not any(e.body == body.id and first <= e.day <= last for e in events):
                months.append(month)
        if months:
            yield Finding(rule.id, rule.severity, text("chk.activity", body=body.short,
                                                       months=_month_names(months)))


@kind("era", "of then", "of then")
def era(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    reform = ctx.model.settings.reform_effective
    for e in ctx.of(rule.of):
        if e.day < reform:
            yield _finding(rule, text("chk.era.early", what=e.title, day=e.day, reform=reform),
                           [e], subject=e)
    for e in ctx.of(rule.then):
        if e.day >= reform:
            yield _finding(rule, text("chk.era.late", what=e.title, day=e.day, reform=reform),
                           [e], subject=e)


@kind("structure-counts", "counts", "counts", Scope.STATIC)
def structure_counts(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    found: dict[str, int] = {}
    for body in ctx.model.bodies.values():
        found[body.category] = found.get(body.category, 0) + 1
    for category, expected in sorted(rule.counts.items()):
        if found.get(category, 0) != expected:
            yield Finding(rule.id, rule.severity, text(
                "chk.structure", category=ctx.model.categories.get(category, Text.same(category)),
                found=Counted(found.get(category, 0), "body"), expected=expected))
    for body in ctx.model.bodies.values():
        if body.category == "gd":
            parent = ctx.model.bodies.get(body.parent) if body.parent else None
            if parent is None or parent.category != "gt-ptf":
                yield Finding(rule.id, rule.severity, text("chk.structure.parent",
                                                           body=body.short))


# --- the calendar --------------------------------------------------------------------------------


def _days(e: Event) -> Iterator[date]:
    day = e.day
    while day <= e.last_day:
        yield day
        day += timedelta(days=1)


def _generated_date(e: Event) -> bool:
    """Was this date chosen by ptfcal (a rule occurrence not dated by the secretariat)?"""
    return e.origin is Origin.RULE and e.status is Status.PLANNED


@kind("working-day", "", "", Scope.EVENT)
def working_day(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.events:
        weekend = [d for d in _days(e) if d.weekday() not in ctx.model.settings.working_days]
        if weekend:
            severity = rule.severity if _generated_date(e) else (rule.lesser or rule.severity)
            yield _finding(rule, text("chk.weekend", what=e.title, day=weekend[0]), [e],
                           severity, subject=e)


@kind("holiday", "", "", Scope.EVENT)
def holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    for e in ctx.events:
        for d in _days(e):
            found = ctx.calendar.holidays_on(d)
            if not found:
                continue
            why = ctx.calendar.why_not_working(d)
            key = "chk.holiday.estimated" if any(h.estimated for h in found) else "chk.holiday"
            yield _finding(rule, text(key, what=e.title, day=d, why=why), [e], subject=e)
            break


@kind("near-estimated-holiday", "days", "days", Scope.EVENT)
def near_estimated_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """A meeting within `days` of an Islamic holiday whose date is still an estimate: the
    announced date may move the holiday onto it (on the day itself, C-GEN-2 speaks)."""
    span = rule.days or 1
    for e in ctx.events:
        if e.kind is not EventKind.MEETING or e.status is Status.CANCELLED:
            continue
        for offset in range(-span, span + 1):
            day = e.day + timedelta(days=offset) if offset < 0 else \
                e.last_day + timedelta(days=offset)
            if offset == 0:
                continue
            near = [h for h in ctx.calendar.holidays_on(day) if h.estimated and h.islamic]
            if near:
                yield _finding(rule, text("chk.near-estimated", what=e.title, day=e.day,
                                          holiday=near[0].name, when=day), [e], subject=e)
                break


@kind("people-conflict", "", "", Scope.EVENT)
def people_conflict(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """A sweep over meetings sorted by start: each is compared only with those still running."""
    timed = sorted((e for e in ctx.events if e.start is not None), key=lambda e: e.start)
    active: list[Event] = []
    # (start, end) of the overlap -> institution -> the meetings it is expected at
    shared: dict[tuple, dict[str, dict[str, Event]]] = {}
    for e in timed:
        active = [a for a in active if a.end > e.start]
        for a in active:
            # a team (the SEG) clashes only past the meetings it can serve at once
            holders = sorted(h for h in set(a.holders) & set(e.holders)
                             if sum(1 for x in active if h in x.holders)
                             >= ctx.model.capacity(h))
            if holders:
                who = _holder_names(holders, ctx)
                later = e if e.origin is Origin.RECORDED or a.origin is not Origin.RECORDED else a
                yield _finding(rule, text("chk.conflict", first=a.title, second=e.title,
                                          day=e.day, who=who), [a, e], subject=later)
                continue
            common = set(a.participants) & set(e.participants)
            if common and rule.lesser:
                slot = shared.setdefault((max(a.start, e.start), min(a.end, e.end)), {})
                for inst in common:
                    slot.setdefault(inst, {}).update({a.id: a, e.id: e})
        active.append(e)
    for (start, _), by_institution in sorted(shared.items()):
        # institutions expected at the same meetings are named together
        together: dict[tuple[str, ...], list[str]] = {}
        for inst, events in sorted(by_institution.items()):
            together.setdefault(tuple(sorted(events)), []).append(inst)
        all_events = {i: ev for events in by_institution.values() for i, ev in events.items()}
        same_type = len({ev.meeting_type for ev in all_events.values()}) == 1
        details = []
        for ids, insts in together.items():
            labels = [ctx.model.bodies[all_events[i].body].short if same_type
                      else all_events[i].title for i in ids]
            details.append(text("chk.conflict.pair",
                                 who=[ctx.model.institutions[i].short for i in insts],
                                 meetings=labels))
        detail = Text(" ; ".join(d.fr for d in details), "; ".join(d.en for d in details))
        heading = (ctx.name(next(iter(all_events.values())).meeting_type) if same_type
                   else Text("réunions simultanées", "simultaneous meetings"))
        yield _finding(rule, text("chk.conflict.institution", day=start.date(),
                                  time=start.strftime("%H:%M"), what=heading, detail=detail),
                       all_events.values(), rule.lesser)


def _holder_names(holders: list[str], ctx: Context) -> list[Text]:
    names = []
    for holder in holders:
        kind_, _, ident = holder.partition(":")
        if kind_ == "role":
            names.append({"chef-de-file": Text("le Chef de file", "the lead donor"),
                          "troika": Text("la Troïka", "the Troika"),
                          "cdf-deputy": Text("la suppléance", "the deputy")}.get(
                              ident, Text.same(ident)))
        elif ident in ctx.model.bodies:
            body = ctx.model.bodies[ident].short
            prefix = {"lead": ("la présidence de ", "the lead of "),
                      "tripartite": ("la coordination tripartite de ",
                                     "the tripartite of ")}.get(kind_, ("", ""))
            names.append(Text(prefix[0] + body.fr, prefix[1] + body.en))
        else:
            names.append(Text.same(holder))
    return names


@kind("joint-day", "of values", "of values", Scope.EVENT)
def joint_day(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    joint = set(rule.of)
    levels = {Level(v) for v in rule.values}
    for e in ctx.events:
        if e.kind is not EventKind.MEETING or e.level not in levels:
            continue
        same_days = [j for j in ctx.around(e.day, e.last_day) if joint.intersection(j.types)]
        for j in sorted(same_days, key=lambda j: (j.day, j.id)):
            if j.day <= e.day <= j.last_day or e.day <= j.day <= e.last_day:
                yield _finding(rule, text("chk.joint-day", what=e.title, joint=j.title,
                                          day=j.day), [e, j], subject=e)
                break


@kind("august", "of values", "values", Scope.EVENT)
def august(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    levels = {Level(v) for v in rule.values}
    for e in ctx.events:
        if (e.day.month == 8 and e.kind is EventKind.MEETING and e.level in levels
                and _generated_date(e) and e.meeting_type not in rule.of):
            yield _finding(rule, text("chk.august", what=e.title, day=e.day), [e], subject=e)


@kind("integrity", "", "", Scope.EVENT)
def integrity(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    m = ctx.model
    for e in ctx.events:
        for t in e.types:
            if t not in m.meeting_types:
                yield _finding(rule, text("chk.integrity", what=e.title,
                                          problem=text("chk.integrity.type"),
                                          value=t), [e])
        for b in e.bodies:
            if b not in m.bodies:
                yield _finding(rule, text("chk.integrity", what=e.title,
                                          problem=text("chk.integrity.body"),
                                          value=b), [e])


# --- another calendar ----------------------------------------------------------------------------


@kind("external-clash", "", "", Scope.EVENT)
def external_clash(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from zoneinfo import ZoneInfo

    inst = ctx.options.institution
    tz = ZoneInfo(ctx.model.settings.timezone)
    for x in ctx.options.external:
        if x.all_day:
            first, last = x.start, x.end - timedelta(days=1)  # type: ignore[operator]
        else:
            first = x.start.astimezone(tz).date()  # type: ignore[union-attr]
            last = x.end.astimezone(tz).date()  # type: ignore[union-attr]
        for e in ctx.around(first, max(first, last)):  # type: ignore[type-var]
            if e.kind is not EventKind.MEETING or (inst and inst not in e.participants):
                continue
            if not _overlaps_external(x, e, ctx):
                continue
            roles = {*(e.chair.institutions if e.chair else ()),
                     *(e.secretariat.institutions if e.secretariat else ())}
            severity = rule.severity if inst and inst in roles else rule.lesser
            if x.all_day:
                message = text("chk.external.day", external=x.summary, source=x.source,
                               day=x.start, what=e.title)
            else:
                start = x.start.astimezone(e.start.tzinfo)  # type: ignore[union-attr]
                end = x.end.astimezone(e.start.tzinfo)  # type: ignore[union-attr]
                message = text("chk.external", external=x.summary, source=x.source,
                               day=start.date(), start=start.strftime("%H:%M"),
                               end=end.strftime("%H:%M"), what=e.title)
            yield Finding(rule.id, severity or rule.severity, message, (e.day,),
                          (e.uid, x.uid))


def _overlaps_external(x: ExternalEvent, e: Event, ctx: Context) -> bool:
    if x.all_day:
        return x.start <= e.day < x.end or (e.day <= x.start <= e.last_day)  # type: ignore
    assert e.start is not None and e.end is not None
    return x.start < e.end and e.start < x.end  # type: ignore[operator]


@kind("external-holiday", "", "", Scope.EVENT)
def external_holiday(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(ctx.model.settings.timezone)
    for x in ctx.options.external:
        day = x.start if x.all_day else x.start.astimezone(tz).date()  # type: ignore[attr-defined]
        if ctx.calendar.holidays_on(day):  # type: ignore[arg-type]
            yield Finding(rule.id, rule.severity, text(
                "chk.external.holiday", external=x.summary, source=x.source, day=day,
                why=ctx.calendar.why_not_working(day)), (day,), (x.uid,))  # type: ignore
