"""A proposal for the year: solve, record the answer in memory as the recording verbs would,
check it with the checker, cut away what the checker still finds, and say what moves and why.

The solver's answer is never trusted alone: each round writes the moves into the year file's
text (the same edit `--write` makes), loads the configuration with it, schedules and checks the
year; an error the proposal causes becomes a constraint (not this combination of dates) and the
solver runs again. What is proposed is exactly what `ptfcal check` will see after `--write`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..calendar import scheduler, workdays
from ..checks.kinds import Context, Finding, run_checks
from ..errors import InputError
from ..i18n import Counted, text
from ..model import Model, Origin, Severity, Status, Text
from ..record import refs
from ..record.refs import Target
from ..record.verbs import Editor, days_off, plan
from . import problem as prob
from .problem import PIN_RULE, Count, Settings, Tag, Term

VERSION = 1
# check kinds about who, not when: no date the planner chooses can make or clear them
NOT_ABOUT_DATES = frozenset({
    "attribute", "chair", "secretariat", "attendance", "troika-un", "one-un",
    "participants-include",
    "yearly-record", "reference", "structure-counts", "roles-ahead", "integrity", "same-event",
    "monthly-activity"})
ROUNDS = 12  # checker rounds before giving up on a proposal the checker still faults


@dataclass(frozen=True)
class Reason:
    rule: str
    message: Text


@dataclass
class Move:
    ref: str
    uid: str
    title: Text
    before: date
    after: date
    pinned: bool
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class Conflict:
    rule: str
    title: Text
    quote: str
    dates: tuple[date, ...]


@dataclass
class Proposal:
    year: int
    status: str  # optimal, feasible, infeasible, unknown
    moves: list[Move]
    before: dict[str, int]
    after: dict[str, int]
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0  # the solver's wall time: the one figure that differs between runs
    rounds: int = 0
    occurrences: int = 0
    movable: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    # rules the recorded facts already break, whatever the plan: planned without, listed apart
    unfixable: list[Conflict] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)  # errors after (recorded facts…)
    introduced: list[Finding] = field(default_factory=list)  # errors the proposal would make
    files: dict[str, str] = field(default_factory=dict)  # what --write records
    bases: dict[str, str | None] = field(default_factory=dict)  # the texts it was made from
    summary: Text | None = None
    pins: list[tuple[str, date]] = field(default_factory=list)
    fingerprint: str = ""  # the configuration it was computed on (see `fingerprint`)
    warnings: list[Text] = field(default_factory=list)  # pins on a day off, allowed

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        if self.objective == 0:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)

    def document(self) -> dict:
        """The versioned JSON document of `ptfcal plan --format json` (README, "Planning")."""
        return {
            "version": VERSION,
            "year": self.year,
            "status": self.status,
            "moves": [{"ref": m.ref, "uid": m.uid, "title": m.title.fr,
                       "from": m.before.isoformat(), "to": m.after.isoformat(),
                       "pinned": m.pinned,
                       "reasons": [{"rule": r.rule, "message": r.message.fr}
                                   for r in m.reasons]} for m in self.moves],
            "before": self.before,
            "after": self.after,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "seconds": round(self.seconds, 3),
            "rounds": self.rounds,
            "occurrences": self.occurrences,
            "movable": self.movable,
            "conflicts": [{"rule": c.rule, "title": c.title.fr, "quote": c.quote,
                           "dates": [d.isoformat() for d in c.dates]} for c in self.conflicts],
            "warnings": [w.fr for w in self.warnings],
            "unfixable": [{"rule": c.rule, "title": c.title.fr, "quote": c.quote,
                           "dates": [d.isoformat() for d in c.dates]} for c in self.unfixable],
            "remaining": [{"rule": f.rule, "message": f.message.fr,
                           "dates": [d.isoformat() for d in f.dates]} for f in self.remaining],
            "introduced": [{"rule": f.rule, "message": f.message.fr,
                            "dates": [d.isoformat() for d in f.dates]}
                           for f in self.introduced],
        }


@dataclass(frozen=True)
class Request:
    year: int
    free: tuple[str, ...] = ()
    pins: tuple[tuple[str, date], ...] = ()  # (reference, date)
    limit: float = 0.5  # deterministic time per solve (the solver's work units)
    allow_day_off: bool = False  # a pin on a weekend or a public holiday is meant


Loader = Callable[..., Model]


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {s.value: sum(1 for f in findings if f.severity is s)
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


def _year(model: Model, year: int):
    calendar = workdays.build(model.settings, model.holidays, [year])
    sched = scheduler.schedule(model, year, calendar)
    events = [e for e in sched.events if e.status is not Status.CANCELLED]
    ctx = Context(model, year, events, calendar)
    return calendar, sched.events, events, run_checks(ctx)


def fingerprint(folder: Path) -> str:
    """The configuration as the loader reads it: every YAML file's path and bytes (the register
    of people aside: no plan reads it). Taken before a proposal is computed and again, under
    the folder's lock, before it is written: an edit in between (a `move` during the solve)
    makes the proposal stale. Bounded as the loader is: a file over its limit counts by size."""
    from ..config.reader import MAX_FILE_BYTES
    from ..fileio import NotRegular, TooBig, read_bounded

    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.suffix not in (".yaml", ".yml") or parts == ("people.yaml",) or \
                any(part.startswith((".", "__")) for part in parts):
            continue
        digest.update("/".join(parts).encode("utf-8", "surrogateescape") + b"\0")
        try:
            data = read_bounded(path, MAX_FILE_BYTES)
        except NotRegular:  # a pipe is never read: its kind is enough
            digest.update(b"not a regular file\0")
            continue
        except TooBig as exc:  # refused by the loader: its size is enough
            digest.update(f"too big {exc.size}\0".encode())
            continue
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}\0".encode())
            continue
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def propose(folder: Path, load: Loader, request: Request) -> Proposal:
    from . import solver as cp

    year = request.year
    seen = fingerprint(folder)  # before reading: an edit after it is seen at --write
    model = load(folder)
    for type_id in request.free:
        if type_id not in model.meeting_types:
            raise InputError(text("plan.unknown-type", type=type_id,
                                  known=", ".join(sorted(model.meeting_types))))
    calendar, every, events, before = _year(model, year)
    targets: dict[str, Target] = {}
    pins = []
    for ref, day in request.pins:
        target = refs.resolve(ref, model, every)
        if target.year != year or day.year != year:
            raise InputError(text("plan.pin-year", ref=ref, year=year))
        if target.event.status is Status.CANCELLED:
            raise InputError(text("plan.pin-cancelled", ref=ref))
        if target.event.uid in targets:
            raise InputError(text("plan.pin-twice", ref=ref))
        pins.append((target.event.uid, day))
        targets[target.event.uid] = target
    # a pin on a weekend or a public holiday is refused unless meant (--allow-day-off)
    warnings = days_off(model, [(f"--pin {ref}={day.isoformat()}", day)
                                for (ref, day), (uid, _) in zip(request.pins, pins, strict=True)
                                if day != targets[uid].event.day], request.allow_day_off)
    problem = prob.build(model, year, calendar, events, Settings(frozenset(request.free),
                                                                 tuple(pins)))
    # what the recorded facts decide is an input: the rules they break are planned without
    dropped = prob.impossible_alone(problem, problem.constraints)
    if dropped:
        gone = {id(c) for c in dropped}
        problem.constraints = [c for c in problem.constraints if id(c) not in gone]
    apart = {c.tag.rule for c in dropped}
    weights = cp.Weights(move=100_000, distance=1) if pins else cp.Weights(move=40, distance=1)
    occs = problem.occurrences
    result = Proposal(year, "unknown", [], _counts(before), _counts(before),
                      occurrences=len(occs), movable=sum(1 for o in occs if o.movable),
                      pins=[(ref, day) for ref, day in request.pins], warnings=warnings,
                      unfixable=_unfixable(problem, dropped, model), fingerprint=seen)
    cuts: list = []
    seconds = 0.0
    for round_ in range(1, ROUNDS + 1):
        answer = cp.solve(problem, cuts, weights, request.limit)
        seconds += answer.seconds
        result.rounds, result.seconds = round_, seconds
        if answer.status not in ("optimal", "feasible"):
            result.status = answer.status
            if answer.status == "infeasible":
                result.conflicts = _conflicts(problem, cp.explain(problem, cuts, request.limit),
                                              dict(pins), targets, model)
            return result
        changes = {occ: day for occ, day in answer.days.items() if day != occs[occ].current}
        edit_targets = []
        for occ in sorted(changes, key=lambda i: (changes[i], occs[i].event.id)):
            e = occs[occ].event
            if e.uid not in targets:
                targets[e.uid] = _target(e)
            edit_targets.append((targets[e.uid], changes[occ], occs[occ].pinned))
        summary = text("plan.summary", year=year, count=Counted(len(changes), "moved"))
        files: dict[str, str] = {}
        bases: dict[str, str | None] = {}
        after_model = model
        if edit_targets:
            editor = Editor(folder, model)
            files = plan(editor, year, edit_targets, summary).files
            bases = {rel: None if rel in editor.created else editor.docs[rel].original
                     for rel in files}
            after_model = load(folder, files)
        _, _, after_events, after = _year(after_model, year)
        moved = {occs[i].event.uid: i for i in changes}
        kinds = {r.id: r.kind for r in model.checks}
        # an error the proposal makes: about dates, and naming an occurrence it moves
        residual = [f for f in after if f.severity is Severity.ERROR
                    and kinds.get(f.rule) not in NOT_ABOUT_DATES and f.rule not in apart
                    and any(uid in moved for uid in f.events)]
        result.introduced = residual
        if residual and round_ < ROUNDS:
            for f in residual:  # not this combination of dates again
                involved = [moved[u] for u in f.events if u in moved]
                placed = {o.uid: o.day for o in after_events}
                terms = tuple(Term(i, frozenset({placed.get(occs[i].event.uid,
                                                            occs[i].current)}))
                              for i in involved)
                if kinds.get(f.rule) == "people-conflict" and len(f.events) > 2:
                    # one finding for k meetings at once, any two of which clash: each moved
                    # one alone clashes with one that stayed; if all moved, one at most
                    if len(terms) < len(f.events):
                        cuts.extend(Count(Tag(f.rule, True), (t,), None, 0) for t in terms)
                    else:
                        cuts.append(Count(Tag(f.rule, True), terms, None, 1))
                    continue
                cuts.append(Count(Tag(f.rule, True), terms, None, len(terms) - 1))
            continue
        result.status = answer.status
        result.objective, result.bound = answer.objective, answer.bound
        result.after = _counts(after)
        result.files, result.bases, result.summary = files, bases, summary
        result.remaining = [f for f in after if f.severity is Severity.ERROR]
        result.moves = _moves(changes, problem, targets, model, every, before, after)
        return result
    return result  # pragma: no cover - the loop returns


def _target(event) -> Target:
    return Target(event, event.meeting_type, event.body, event.origin is Origin.RECORDED)


def _moves(changes: dict[int, date], problem: prob.Problem, targets: dict[str, Target],
           model: Model, every, before: list[Finding], after: list[Finding]) -> list[Move]:
    occs = problem.occurrences
    after_keys = {f.key() for f in after}
    cleared = [f for f in before if f.key() not in after_keys
               and f.severity in (Severity.ERROR, Severity.WARNING)]
    by_type: dict[tuple[str, str], list[Target]] = {}
    for e in every:
        by_type.setdefault((e.meeting_type, e.body), []).append(_target(e))
    moves = []
    for occ, day in sorted(changes.items(), key=lambda kv: (kv[1], occs[kv[0]].event.id)):
        o = occs[occ]
        e = o.event
        target = targets[e.uid]
        reasons = [Reason(f.rule, f.message) for f in cleared if e.uid in f.events]
        if o.pinned:
            reasons.insert(0, Reason(PIN_RULE, text("plan.reason.pinned", day=day)))
        if not reasons:
            # the moves that take its former day (a pinned GEC on the coordinators' day)
            taking = [occs[i].event.title for i, d in sorted(changes.items())
                      if i != occ and d == o.current]
            reasons = [Reason("", text("plan.reason.makes-room", what=taking[:3],
                                       day=o.current)
                              if taking else text("plan.reason.room"))]
        moves.append(Move(refs.name(target, model, by_type.get((e.meeting_type, e.body))),
                          e.uid, e.title, o.current, day, o.pinned, reasons))
    return moves


def _conflicts(problem: prob.Problem, core: list[tuple[str, str]], pins: dict[str, date],
               targets: dict[str, Target], model: Model) -> list[Conflict]:
    """The rules that cannot hold together, with their quotes and the dates they involve."""
    occs = problem.occurrences
    rules = {r.id: r for r in model.checks}
    touched: dict[tuple[str, str], list[set[int]]] = {key: [] for key in core}
    for c in problem.constraints:
        key = (c.tag.rule, c.tag.detail)
        if key in touched:
            touched[key].append(prob.occurrences_of(c))
    counts: dict[int, int] = {}
    for groups in touched.values():
        for i in set().union(*groups) if groups else ():
            counts[i] = counts.get(i, 0) + 1
    shared = {i for i, n in counts.items() if n > 1}
    out = []
    for rule_id, detail in core:
        found = touched[(rule_id, detail)]
        if rule_id == PIN_RULE:
            uid = detail
            target = targets[uid]
            day = pins[uid]
            ref = refs.name(target, model)
            out.append(Conflict(PIN_RULE, text("plan.pin", ref=ref, day=day),
                                f"--pin {ref}={day.isoformat()}", (day,)))
            continue
        rule = rules[rule_id]
        # the constraints of this rule that meet another rule of the set, with every date
        # they involve (the RBC beside a pinned technical session)
        keep = set().union(*(g for g in found if g & shared)) or set().union(*found)
        dates = sorted({pins.get(occs[i].event.uid, occs[i].current) for i in keep})
        out.append(Conflict(rule_id, rule.title, rule.source.quote or "", tuple(dates[:8])))
    return out


def _unfixable(problem: prob.Problem, dropped: list, model: Model) -> list[Conflict]:
    """The rules the recorded facts break whatever the plan, with the dates they involve."""
    occs = problem.occurrences
    rules = {r.id: r for r in model.checks}
    involved: dict[str, set[int]] = {}
    for c in dropped:
        involved.setdefault(c.tag.rule, set()).update(prob.occurrences_of(c))
    out = []
    for rule_id in sorted(involved):
        rule = rules.get(rule_id)
        if rule is None:  # pragma: no cover - a pin alone always has its pinned day
            continue
        dates = sorted({occs[i].current for i in involved[rule_id]})
        out.append(Conflict(rule_id, rule.title, rule.source.quote or "", tuple(dates[:8])))
    return out
