"""Who holds and attends the meetings: chair, secretariat, attendance, the Troïka, the
expected participants, and the meetings the same people cannot attend at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import Counted, text
from ..model import (
    CheckRule,
    Event,
    EventKind,
    InstitutionKind,
    Level,
    Origin,
    Role,
    Severity,
    TermKind,
    Text,
)
from .context import (
    Context,
    Finding,
    Scope,
    _events_or_missing,
    _finding,
    _no_data,
    kind,
)


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


@kind("one-un", "of", "of")
def one_un(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """001 wishes the UN system to take part « dans l'esprit de la réforme One UN »: several
    UN entities convened each on its own to the same meetings is said once a year."""
    institutions = ctx.model.institutions
    for type_id in rule.of:
        sitting: set[str] = set()
        for e in ctx.of((type_id,)):
            present = e.attendance or e.participants
            sitting |= {i for i in present if i in institutions
                        and institutions[i].kind is InstitutionKind.UN
                        and institutions[i].validity.contains(e.day)}
        if len(sitting) < 2:
            continue
        roles = ctx.model.roles.get(ctx.year)
        agency = roles.un_coordinating_agency if roles else None
        yield Finding(rule.id, rule.severity, text(
            "chk.one-un", what=ctx.name(type_id), year=ctx.year, count=len(sitting),
            who=[institutions[i].short for i in sorted(sitting)],
            agency=institutions[agency].short if agency else text("chk.one-un.unknown")))


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
                missing.append(_holder_name(keys[0], ctx))
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


def _holder_name(key: str, ctx: Context) -> Text:
    """What a message says for a role-holder key (« body:gt-ptf-… » is for the code only)."""
    kind, _, ident = key.partition(":")
    if ident in ctx.model.bodies:
        name = ctx.model.bodies[ident].name
        return text("chk.holder.tripartite", body=name) if kind == "tripartite" else name
    if ident in ctx.model.institutions:
        return ctx.model.institutions[ident].name
    return Text(ident, ident)


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


@kind("people-conflict", "", "", Scope.EVENT)
def people_conflict(rule: CheckRule, ctx: Context) -> Iterator[Finding]:
    """A sweep over meetings sorted by start: each is compared only with those still running."""
    timed = sorted((e for e in ctx.events if e.start is not None), key=lambda e: e.start)
    active: list[Event] = []
    # (start, end) of the overlap -> institution -> the meetings it is expected at
    shared: dict[tuple, dict[str, dict[str, Event]]] = {}
    # start of the overlap -> role-holder -> the meetings it is expected at, by object: one
    # finding per moment, not per pair (200 types held at one hour made 19,900 pairs a month)
    clashes: dict[object, dict[str, dict[int, Event]]] = {}
    holder_sets: dict[int, frozenset[str]] = {}  # by object: ids need not be unique here
    position = {id(e): i for i, e in enumerate(timed)}
    for e in timed:
        active = [a for a in active if a.end > e.start]
        mine = holder_sets.setdefault(id(e), frozenset(e.holders))
        # how many running meetings expect each of e's holders: counted once per meeting, not
        # once per pair (a day of hundreds of simultaneous meetings made this cubic)
        busy = dict.fromkeys(mine, 0)
        for x in active:
            for h in mine.intersection(holder_sets[id(x)]):
                busy[h] += 1
        for a in active:
            # a team (the SEG) clashes only past the meetings it can serve at once
            holders = sorted(h for h in holder_sets[id(a)] & mine
                             if busy[h] >= ctx.model.capacity(h))
            if holders:
                slot = clashes.setdefault(max(a.start, e.start), {})
                for h in holders:
                    slot.setdefault(h, {}).update({id(a): a, id(e): e})
                continue
            common = set(a.participants) & set(e.participants)
            if common and rule.lesser:
                slot = shared.setdefault((max(a.start, e.start), min(a.end, e.end)), {})
                for inst in common:
                    slot.setdefault(inst, {}).update({a.id: a, e.id: e})
        active.append(e)
    for start, by_holder in clashes.items():
        # the holders expected at the same meetings are named together, in one finding
        named: dict[tuple[int, ...], list[str]] = {}
        for h, group in sorted(by_holder.items()):
            named.setdefault(tuple(sorted(position[i] for i in group)), []).append(h)
        for key, holders in sorted(named.items()):
            yield _conflict(rule, ctx, start, [timed[i] for i in key], holders)
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


def _conflict(rule: CheckRule, ctx: Context, start, meetings: list[Event],
              holders: list[str]) -> Finding:
    """One finding for the meetings (in order of start) the holders are expected at at once:
    a pair is worded as such; its subject is the last recorded meeting (a recorded date is
    the one to move), or the last generated one."""
    recorded = [m for m in meetings if m.origin is Origin.RECORDED]
    subject = (recorded or meetings)[-1]
    who = _holder_names(holders, ctx)
    if len(meetings) == 2:
        first, second = meetings
        message = text("chk.conflict", first=first.title, second=second.title,
                       day=second.day, who=who)
    else:
        message = text("chk.conflict.many", count=len(meetings), day=start.date(),
                       time=start.strftime("%H:%M"), who=who,
                       meetings=[m.title for m in meetings])
    return _finding(rule, message, meetings, subject=subject)


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
