"""Cross-file checks, once every file is read: references to unknown ids, reserved ids,
then the semantics no single record shows (eras, ancestors, anchors of relative rules, cycles,
roles of a year, recorded facts)."""

from __future__ import annotations

from datetime import date

from .. import i18n
from ..model import (
    CombinedWith,
    Deadline,
    EventKind,
    ExtraEvent,
    FirstAfter,
    MeetingType,
    NthWeekday,
    OccurrenceFact,
    Relative,
    Role,
    TermKind,
    Text,
)
from . import vocab
from .reader import KIND_NAMES


def _check_refs(ld, categories: dict[str, tuple[str, ...]]) -> None:
    """`ld`: the loader, with every reference, id and mark it saw, and its collector."""
    raw = ld.raw_ids
    institutions, bodies = raw.get("institution", set()), raw.get("body", set())
    known = {
        "text": raw.get("text", set()),
        "institution": institutions,
        "body": bodies,
        "meeting-type": raw.get("meeting-type", set()),
        "category": raw.get("category", set()) | set(categories),
        "party": institutions | bodies,
        "party-or-category": institutions | bodies | raw.get("category", set()),
    }
    import difflib

    for ref in ld.refs:
        pool = known[ref.kind]
        if ref.value in pool:
            continue
        hint = difflib.get_close_matches(ref.value, sorted(pool), n=1, cutoff=0.7)
        ld.out.add(ref.mark, ref.path, i18n.text(
            "ld.unknown-ref", value=repr(ref.value), what=KIND_NAMES[ref.kind][1],
            hint=i18n.text("cfg.did-you-mean", hint=repr(hint[0])) if hint else ""))
    for ident in sorted(institutions | bodies):
        if ident in ("all", "deadlines") or ident.startswith("level-"):
            kind = "body" if ident in bodies else "institution"
            ld.out.add(ld.marks.get((kind, ident)), "id",
                       i18n.text("ld.reserved", ident=repr(ident)))
    for ident in sorted(institutions & bodies):
        ld.out.add(ld.marks.get(("body", ident)), "id",
                   i18n.text("ld.both", ident=repr(ident)))


def _check_semantics(ld, institutions, bodies, types, roles, years, settings) -> None:
    out = ld.out
    for body in bodies.values():
        v = body.validity
        if v.start and v.end and v.end < v.start:
            out.add(body.mark, "valid_until", i18n.text("ld.until-before", end=str(v.end),
                                                        start=str(v.start)))
        seen, parent = {body.id}, body.parent
        while parent:
            if parent in seen:
                out.add(body.mark, "parent", i18n.text("ld.ancestor", ident=repr(body.id)))
                break
            seen.add(parent)
            parent = bodies[parent].parent

    for mt in types.values():
        if not mt.bodies:
            out.add(mt.mark, "held_by", i18n.text("ld.no-holder"))
        if mt.kind is EventKind.MEETING and mt.time is None:
            out.add(mt.mark, "time", i18n.text("ld.needs-time"))
        if mt.kind is EventKind.DEADLINE and mt.time is not None:
            out.add(mt.mark, "time", i18n.text("ld.deadline-time"))
        if mt.stagger and mt.time is None:
            out.add(mt.mark, "stagger", i18n.text("ld.stagger-time"))
        if isinstance(mt.rule, Deadline) and mt.kind is not EventKind.DEADLINE:
            out.add(mt.mark, "rule.deadline", i18n.text("ld.deadline-kind"))
        if mt.id in settings.placeholders and mt.generate:
            out.add(mt.mark, "generate", i18n.text("ld.not-placeholder"))
        anchor = _anchor(mt.rule)
        if anchor is None:
            continue
        target = types[anchor]
        if len(target.bodies) != 1 and set(target.bodies) != set(mt.bodies):
            out.add(mt.mark, "rule", i18n.text("ld.anchor-bodies", anchor=repr(anchor)))
        if isinstance(mt.rule, CombinedWith) and isinstance(target.rule, CombinedWith):
            out.add(mt.mark, "rule.combined_with", i18n.text("ld.combined-twice",
                                                             anchor=repr(anchor)))
        if isinstance(mt.rule, Relative) and mt.rule.months and isinstance(target.rule,
                                                                            NthWeekday):
            missing = [m for m in mt.rule.months if m not in target.rule.months]
            if missing:
                names = Text(", ".join(vocab.MONTHS["fr"][m - 1] for m in missing),
                             ", ".join(vocab.MONTHS["en"][m - 1] for m in missing))
                out.add(mt.mark, "rule.months", i18n.text("ld.anchor-months",
                                                          anchor=repr(anchor), months=names))
        if isinstance(mt.rule, FirstAfter) and types[mt.rule.after].rule is None:
            out.add(mt.mark, "rule.after", i18n.text("ld.no-date-rule",
                                                     anchor=repr(mt.rule.after)))
        if target.rule is None:
            out.add(mt.mark, "rule", i18n.text("ld.no-date-rule", anchor=repr(anchor)))
    # cycles between relative rules (through `of:` and `after:`)
    for mt in types.values():
        chain = _cycle(mt.id, types, [])
        if chain:
            out.add(mt.mark, "rule", i18n.text("ld.circular", chain=" -> ".join(chain)))
        if isinstance(mt.rule, Deadline) or mt.until is not None:
            limit = mt.rule if isinstance(mt.rule, Deadline) else mt.until
            if (limit.strict and settings.strict_deadlines and limit.month == 1
                    and limit.day == 1):
                out.add(mt.mark, "rule", i18n.text("ld.outside-year", rule=Text(
                    i18n.deadline_words(limit, "fr"), i18n.deadline_words(limit, "en"))))

    uses_secretariat = any(
        t.kind is TermKind.ROLE and t.ref == Role.PTF_SECRETARIAT.value
        for b in bodies.values() for t in (*b.chair, *b.secretariat, *b.members)
    )
    for needed in ("pool-technique", "seg") if uses_secretariat else ():
        if needed not in bodies:
            out.add(None, "ptf-secretariat", i18n.text("ld.secretariat-body",
                                                       ident=repr(needed)))

    for inst in institutions.values():
        v = inst.validity
        if v.start and v.end and v.end < v.start:
            out.add(ld.marks.get(("institution", inst.id)), "valid_until",
                    i18n.text("ld.until-before", end=str(v.end), start=str(v.start)))
    for year_roles in roles.values():
        named = [*year_roles.troika, year_roles.chef_de_file, year_roles.cdf_deputy,
                 year_roles.un_coordinating_agency,
                 *(i for members in year_roles.tripartite.values() for i in members)]
        for ident in dict.fromkeys(i for i in named if i):
            v = institutions[ident].validity
            if not v.contains_any(date(year_roles.year, 1, 1), date(year_roles.year, 12, 31)):
                out.add(year_roles.mark, "years", i18n.text(
                    "ld.gone-in-year", who=institutions[ident].short, year=year_roles.year))
        for gt, members in year_roles.tripartite.items():
            if bodies[gt].category != "gt-ptf":
                out.add(year_roles.mark, f"tripartite.{gt}", i18n.text("ld.not-gt-ptf",
                                                                       ident=repr(gt)))
            if len(members) != 3 or len(set(members)) != 3:
                out.add(year_roles.mark, f"tripartite.{gt}",
                        i18n.text("ld.three", count=len(members)))

    seen_actions: set[str] = set()  # an action id is unique across every year
    for facts in years.values():
        for fact in (*facts.occurrences, *facts.events):
            rule = types[fact.meeting_type].rule
            record = fact.record
            if isinstance(rule, CombinedWith) and isinstance(fact, OccurrenceFact) \
                    and fact.date is None and not fact.cancelled \
                    and (record.agenda or record.attendance or record.excused or record.absent
                         or record.decisions or record.actions):
                # held as one event with its anchor: the event reads its anchor's record
                out.add(fact.mark, "type", i18n.text("mt.combined-record", type=fact.meeting_type,
                                                     anchor=rule.anchor))
            for action in fact.record.actions:
                if action.id in seen_actions:
                    out.add(fact.mark, "actions.id", i18n.text("mt.id-twice", id=action.id))
                seen_actions.add(action.id)
    for facts in years.values():
        keys: set[tuple] = set()
        records: dict[tuple, OccurrenceFact] = {}
        for fact in facts.occurrences:
            mt = types[fact.meeting_type]
            key = (fact.meeting_type, fact.body or mt.bodies[0], fact.nominal)
            first = records.setdefault(key, fact)
            if first is not fact:
                out.add(fact.mark, "nominal", i18n.text(
                    "ld.occurrence-twice", type=fact.meeting_type, nominal=str(fact.nominal),
                    line=first.mark.line if first.mark else "?"))
        for fact in (*facts.occurrences, *facts.events):
            mt = types[fact.meeting_type]
            if fact.body and fact.body not in mt.bodies:
                out.add(fact.mark, "body", i18n.text("ld.not-held", body=repr(fact.body),
                                                     type=repr(mt.id), by=", ".join(mt.bodies)))
            elif not fact.body and len(mt.bodies) > 1:
                out.add(fact.mark, "body", i18n.text("ld.which-body", type=repr(mt.id),
                                                     by=", ".join(mt.bodies)))
            when = getattr(fact, "nominal", None) or fact.date
            if when.year != facts.year:
                out.add(fact.mark, "nominal" if hasattr(fact, "nominal") else "date",
                        i18n.text("ld.not-in-year", day=str(when), year=facts.year))
            if isinstance(fact, ExtraEvent):
                # with a key, the key names the event (its UID survives a change of date)
                key = (fact.meeting_type, fact.body, fact.key or fact.date)
                if key in keys:
                    out.add(fact.mark, "key", i18n.text("ld.same-key"))
                keys.add(key)
                if mt.kind is EventKind.DEADLINE and fact.time:
                    out.add(fact.mark, "time", i18n.text("ld.deadline-time"))


def _cycle(start: str, types: dict[str, MeetingType], path: list[str]) -> list[str]:
    """The chain of rules from `start` back to a type already on `path` (empty: no cycle)."""
    if start in path:
        return [*path[path.index(start):], start]
    rule = types[start].rule
    nexts = [_anchor(rule)] + ([rule.after] if isinstance(rule, FirstAfter) else [])
    for following in nexts:
        if following:
            found = _cycle(following, types, [*path, start])
            if found:
                return found
    return []


def _anchor(rule) -> str | None:
    if isinstance(rule, Relative | CombinedWith | FirstAfter):
        return rule.anchor
    return None
