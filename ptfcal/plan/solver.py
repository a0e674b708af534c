"""The planning problem -> OR-Tools CP-SAT: one Boolean per occurrence and candidate day.

The only module that imports OR-Tools (`pip install 'ptfcal[plan]'`); `ptfcal plan` imports it
when it runs, nothing else does. Every solve is reproducible: one worker, a fixed seed and a
deterministic time limit (the solver's own work units, not the wall clock), so the same problem
gives the same answer on any run.

Two uses: `solve` (the objective: hard constraints hold, warnings cost WARNING_WEIGHT each,
moves and days of distance cost their weights) and `explain` (no objective: each rule's hard
constraints are enforced by one assumption literal, and the solver's sufficient assumptions for
infeasibility, reduced one by one, are the smallest set of rules that cannot hold together).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from .problem import (
    Apart,
    Constraint,
    Count,
    Exists,
    Forbid,
    NotBoth,
    Precede,
    Problem,
    Tag,
    Term,
    occurrences_of,
)

STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
          cp_model.INFEASIBLE: "infeasible", cp_model.MODEL_INVALID: "invalid",
          cp_model.UNKNOWN: "unknown"}


@dataclass(frozen=True)
class Weights:
    move: int  # an occurrence off its current date
    distance: int  # per day away from its rule date


@dataclass
class Result:
    status: str
    days: dict[int, date]  # every variable occurrence's day
    objective: float | None
    bound: float | None
    seconds: float


class _Builder:
    def __init__(self, problem: Problem, explain: bool):
        self.p = problem
        self.m = cp_model.CpModel()
        self.explain = explain
        self.x: dict[int, dict[date, cp_model.IntVar]] = {}
        self.assume: dict[tuple[str, str], cp_model.IntVar] = {}
        self.cost: list = []
        self.one = self.m.new_bool_var("one")
        self.m.add(self.one == 1)
        self._or: dict[tuple[int, date], object] = {}
        self._day: dict[int, object] = {}
        self._any: dict[frozenset, object] = {}
        for o in problem.occurrences:
            if o.anchor is None and len(o.domain) > 1:
                self.x[o.index] = {d: self.m.new_bool_var(f"o{o.index}_{d:%m%d}")
                                   for d in o.domain}
                self.m.add_exactly_one(self.x[o.index].values())

    # --- literals ----------------------------------------------------------------------------

    def lit(self, occ: int, day: date):
        """The literal `occ is on day`: a variable, `one`, or None (never)."""
        o = self.p.occurrences[occ]
        if o.anchor is not None:
            if (occ, day) not in self._or:
                sources = [self.lit(o.anchor, a) for a, own in sorted(o.follow.items())
                           if own == day]
                sources = [s for s in sources if s is not None]
                if not sources:
                    self._or[(occ, day)] = None
                elif len(sources) == 1:
                    self._or[(occ, day)] = sources[0]
                else:
                    b = self.m.new_bool_var(f"f{occ}_{day:%m%d}")
                    self.m.add_max_equality(b, sources)
                    self._or[(occ, day)] = b
            return self._or[(occ, day)]
        if occ in self.x:
            return self.x[occ].get(day)
        return self.one if o.domain[0] == day else None

    def terms(self, terms: tuple[Term, ...]) -> list:
        out = []
        for t in terms:
            for d in sorted(t.days):
                lit = self.lit(t.occ, d)
                if lit is not None:
                    out.append(lit)
        return out

    def any_of(self, terms: tuple[Term, ...]):
        """A literal true when one of `terms` holds (`one` if a fixed one does; None: never)."""
        lits = self.terms(terms)
        if not lits:
            return None
        if any(lit is self.one for lit in lits):
            return self.one
        if len(lits) == 1:
            return lits[0]
        key = frozenset(lit.index for lit in lits)
        if key not in self._any:
            b = self.m.new_bool_var("")
            self.m.add_max_equality(b, lits)
            self._any[key] = b
        return self._any[key]

    def day(self, occ: int):
        """The occurrence's day as an integer (ordinal), an expression."""
        if occ not in self._day:
            days = self.p.days(occ)
            if len(days) == 1:
                self._day[occ] = days[0].toordinal()
            else:
                self._day[occ] = sum(d.toordinal() * self.lit(occ, d) for d in days
                                     if self.lit(occ, d) is not None)
        return self._day[occ]

    def enforce(self, tag: Tag) -> list:
        if not self.explain:
            return []
        key = (tag.rule, tag.detail)
        if key not in self.assume:
            self.assume[key] = self.m.new_bool_var(f"a_{tag.rule}_{tag.detail}")
        return [self.assume[key]]

    # --- constraints -------------------------------------------------------------------------

    def add(self, c: Constraint) -> None:
        if not c.tag.hard and self.explain:
            return
        if not any(self.p.variable(i) for i in occurrences_of(c)):
            return  # between fixed dates: kept or broken whatever the plan (reported after)
        if isinstance(c, Forbid):
            lit = self.lit(c.occ, c.day)
            if lit is None:
                return
            if c.tag.hard:
                self.m.add(lit == 0).only_enforce_if(self.enforce(c.tag))
            else:
                self.cost.append(c.tag.weight * lit)
        elif isinstance(c, NotBoth):
            a, b = self.lit(c.a, c.day_a), self.lit(c.b, c.day_b)
            if a is None or b is None:
                return
            if c.tag.hard:
                self.m.add(a + b <= 1).only_enforce_if(self.enforce(c.tag))
            else:
                p = self.m.new_bool_var("")
                self.m.add(a + b - p <= 1)
                self.cost.append(c.tag.weight * p)
        elif isinstance(c, Count):
            lits = self.terms(c.terms)
            total = sum(lits)
            if c.tag.hard:
                if c.low is not None:
                    self.m.add(total >= c.low).only_enforce_if(self.enforce(c.tag))
                if c.high is not None:
                    self.m.add(total <= c.high).only_enforce_if(self.enforce(c.tag))
            else:
                slack = self.m.new_int_var(0, max(len(lits), c.low or 0), "")
                if c.low is not None:
                    self.m.add(total + slack >= c.low)
                if c.high is not None:
                    self.m.add(total - slack <= c.high)
                self.cost.append(c.tag.weight * slack)
        elif isinstance(c, Precede):
            span = self.p.occurrences[c.a].span - 1
            ok = self.day(c.b) - self.day(c.a) - span >= c.gap
            if c.tag.hard:
                self.m.add(ok).only_enforce_if(self.enforce(c.tag))
            else:
                p = self.m.new_bool_var("")
                self.m.add(ok).only_enforce_if(p.Not())
                self.cost.append(c.tag.weight * p)
        elif isinstance(c, Apart):
            lit = self.lit(c.occ, c.day)
            others = self.any_of(c.terms)
            if lit is None or others is None:
                return
            if c.tag.hard:
                self.m.add(lit + others <= 1).only_enforce_if(self.enforce(c.tag))
            else:
                p = self.m.new_bool_var("")
                self.m.add(lit + others - p <= 1)
                self.cost.append(c.tag.weight * p)
        elif isinstance(c, Exists):
            when = [] if c.when is None else [self.lit(*c.when)]
            if any(w is None for w in when):
                return
            when = [w for w in when if w is not self.one]
            lits = self.terms(c.terms)
            if c.tag.hard:
                self.m.add(sum(lits) >= 1).only_enforce_if([*when, *self.enforce(c.tag)])
            else:
                p = self.m.new_bool_var("")
                self.m.add(sum(lits) + p >= 1).only_enforce_if(when)
                self.cost.append(c.tag.weight * p)

    def objective(self, weights: Weights) -> None:
        for occ, lits in self.x.items():
            o = self.p.occurrences[occ]
            current = lits.get(o.current)
            if current is not None:
                self.cost.append(weights.move * (1 - current))
            else:
                self.cost.append(weights.move)
            rule_day = o.event.nominal
            for d, lit in lits.items():
                # each day away costs 2, one more before the rule date: at equal distance the
                # later day wins, so that ties never depend on the solver's search
                far = 2 * abs((d - rule_day).days) + (d < rule_day)
                if far:
                    self.cost.append(weights.distance * far * lit)
                if d == o.current:
                    self.m.add_hint(lit, 1)
                else:
                    self.m.add_hint(lit, 0)
        self.m.minimize(sum(self.cost))


def _solver(limit: float, wall: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = limit
    solver.parameters.max_time_in_seconds = wall  # a safety net, far above the deterministic one
    solver.parameters.linearization_level = 2  # the LP bound: proofs in seconds, not minutes
    solver.parameters.symmetry_level = 0
    # a lighter presolve: on the bundled years the proof of optimality comes in half the time
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.presolve_use_bva = False
    solver.parameters.max_presolve_iterations = 1
    solver.parameters.presolve_inclusion_work_limit = 0
    return solver


def solve(problem: Problem, extra: list[Constraint], weights: Weights, limit: float,
          wall: float = 600.0) -> Result:
    b = _Builder(problem, explain=False)
    for c in [*problem.constraints, *extra]:
        b.add(c)
    b.objective(weights)
    solver = _solver(limit, wall)
    status = solver.solve(b.m)
    name = STATUS.get(status, "unknown")
    days: dict[int, date] = {}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for occ, lits in b.x.items():
            days[occ] = next(d for d, lit in lits.items() if solver.boolean_value(lit))
        return Result(name, days, solver.objective_value, solver.best_objective_bound,
                      solver.wall_time)
    return Result(name, days, None, None, solver.wall_time)


def explain(problem: Problem, extra: list[Constraint], limit: float) -> list[tuple[str, str]]:
    """The smallest set of rules (rule, detail) whose hard constraints cannot hold together:
    the solver's sufficient assumptions, then each dropped in turn while the rest stay
    infeasible."""
    constraints = [*problem.constraints, *extra]

    def infeasible(keep: set[tuple[str, str]] | None) -> tuple[bool, list[tuple[str, str]]]:
        b = _Builder(problem, explain=True)
        for c in constraints:
            if c.tag.hard and (keep is None or (c.tag.rule, c.tag.detail) in keep):
                b.add(c)
        names = {v.index: k for k, v in b.assume.items()}
        b.m.add_assumptions(list(b.assume.values()))
        solver = _solver(limit, 600.0)
        status = solver.solve(b.m)
        if status != cp_model.INFEASIBLE:
            return False, []
        core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility()
                if i in names]
        return True, sorted(core)

    found, core = infeasible(None)
    if not found:
        return []
    if not core:  # infeasible whatever the rules: the windows alone
        return []
    kept = set(core)
    for item in list(core):
        trial = kept - {item}
        still, smaller = infeasible(trial)
        if still:
            kept = set(smaller) if smaller else trial
    return sorted(kept)
