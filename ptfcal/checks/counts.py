"""How many meetings and in what order: counts per window, gaps, order, what must come
within some days before, monthly activity, two types held as one event."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import i18n
from ..i18n import Counted, text
from ..model import (
    CheckRule,
    Event,
    Severity,
    Text,
    Window,
)
from .context import (
    Context,
    Finding,
    _events_or_missing,
    _finding,
    _generated_date,
    _input_only,
    _month_names,
    _no_data,
    _windows,
    kind,
)


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
                        # only because ptfcal moved a rule date off a day off: the rule
                        # dates keep the gap, nothing for the secretariat to fix
                        moved = any(e.shifted_from is not None and _generated_date(e)
                                    for e in (a, b))
                        severity = Severity.INFO if moved and (
                            b.nominal - a.nominal).days <= rule.max_gap_days else None
                        yield _finding(rule, text("chk.count.gap", what=what, days=gap,
                                                  first=a.day, second=b.day,
                                                  limit=rule.max_gap_days), [a, b], severity)


def _groups(rule: CheckRule, ctx: Context, type_id: str, events: list[Event]):
    """(label, events, is-the-group-active-in-this-window) per body / key / whole."""
    if rule.by == "key":
        keys = sorted({e.key or e.body for e in events})
        for key in keys:
            label = ctx.model.bodies[key].short if key in ctx.model.bodies else Text.same(key)
            yield label, [e for e in events if (e.key or e.body) == key], lambda a, b: True
    elif rule.by in ("body", "sector"):
        for body_id in ctx.model.meeting_types[type_id].bodies:
            body = ctx.model.bodies[body_id]
            if not body.validity.contains_any(date(ctx.year, 1, 1), date(ctx.year, 12, 31)):
                continue
            mine = [e for e in events if e.body == body_id]
            for title in _sectors(rule, mine):  # (by body: one group, the body's)
                group = [e for e in mine if title is None or e.title.fr == title]
                label = body.short if title is None else _sector_label(ctx.name(type_id),
                                                                        group[0])
                yield (label, group,
                       lambda a, b, v=body.validity: v.contains(a) and v.contains(b))
    else:
        yield None, events, lambda a, b: True


def _sectors(rule: CheckRule, events: list[Event]) -> list[str | None]:
    """`by: sector`: a body's events grouped by title — a CPS holds one review per sector it
    covers, each recorded with its sector in its title (« Revue sectorielle — Développement
    Social (CPS Santé) »), the CPS's own review with the type's; `by: body` (or no event):
    one group."""
    titles = sorted({e.title.fr for e in events}) if rule.by == "sector" else []
    return titles or [None]


def _sector_label(name: Text, event: Event) -> Text:
    """« Développement Social (CPS Santé) » from the review's title."""
    return Text(event.title.fr.removeprefix(f"{name.fr} — "),
                event.title.en.removeprefix(f"{name.en} — "))


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
