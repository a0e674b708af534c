"""Events + model -> findings: every rule of RULES.md §8, each citing the text it comes from.

The rules themselves are data (`config/checks.yaml`): each names a check kind from the closed
vocabulary (`KINDS`) with its parameters and severity. A kind is one function, registered with
`@kind(...)` in the module of its family (dates, counts, who, records, against); importing this
module registers them all. Adding a rule of an existing kind needs no code. A rule whose data is
missing reports an info finding: nothing passes silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import CheckRule

# importing the families registers every kind in KINDS
from . import against, counts, dates, records, who  # noqa: F401
from .context import KINDS, Context, ExternalEvent, Finding, Kind, Options, Scope, kind

__all__ = ["KINDS", "Context", "ExternalEvent", "Finding", "Kind", "Options", "Scope", "kind",
           "run_checks", "run_rule"]


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
