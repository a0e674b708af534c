"""What the configuration and the records must hold: recorded attributes, the yearly
records, the bodies' structure and references, integrity, the roles recorded ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from .. import i18n
from ..i18n import Counted, text
from ..model import (
    CheckRule,
    Severity,
    Text,
)
from .context import (
    Context,
    Finding,
    Scope,
    _events_or_missing,
    _finding,
    kind,
)


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
