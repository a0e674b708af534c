"""Naming one occurrence: `TYPE[.BODY]@WHEN`.

WHEN is a date (the date the rule gives, or the actual one) or a month (`2020-06`) holding one
occurrence; BODY is needed only when the type is held by several bodies and WHEN does not tell
them apart. A reference that names no occurrence or several is an error listing the candidates,
each with the reference that names it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..i18n import text
from ..model import FIRST_YEAR, LAST_YEAR, Event, Model, Origin, Text, schedulable

REF = re.compile(r"^(?P<type>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<body>[a-z0-9]+(?:-[a-z0-9]+)*))?"
                 r"@(?P<when>\d{4}-\d{2}(?:-\d{2})?)$")


@dataclass(frozen=True)
class Spec:
    meeting_type: str
    body: str | None
    year: int
    month: int
    day: date | None  # None: the whole month


@dataclass(frozen=True)
class Target:
    """One occurrence, and where its record is or would be."""

    event: Event
    meeting_type: str  # the type named (a combined event holds two)
    body: str  # the body holding that type
    recorded: bool  # an event entered in the year file (else a rule occurrence)

    @property
    def year(self) -> int:
        return self.event.nominal.year


def parse(ref: str, model: Model) -> Spec:
    found = REF.match(ref.strip())
    if not found:
        raise InputError(text("ref.syntax", ref=ref))
    mt = found["type"]
    if mt not in model.meeting_types:
        raise InputError(text("ref.unknown-type", ref=ref, type=mt,
                              known=", ".join(sorted(model.meeting_types))))
    body = found["body"]
    if body is not None and body not in model.meeting_types[mt].bodies:
        raise InputError(text("ref.unknown-body", ref=ref, body=body,
                              known=", ".join(model.meeting_types[mt].bodies)))
    when = found["when"]
    try:
        day = date(int(when[:4]), int(when[5:]), 1) if len(when) == 7 else \
            date.fromisoformat(when)
        if not schedulable(day):
            raise ValueError
    except ValueError:
        raise InputError(text("ref.bad-date", ref=ref, when=when, first=FIRST_YEAR,
                              last=LAST_YEAR)) from None
    if len(when) == 7:
        return Spec(mt, body, day.year, day.month, None)
    return Spec(mt, body, day.year, day.month, day)


def candidates(spec: Spec, events: list[Event], model: Model) -> list[Target]:
    """The occurrences of the spec's type (and body) in its year, cancelled ones included."""
    found = []
    for e in events:
        if spec.meeting_type not in e.types:
            continue
        body = e.bodies[e.types.index(spec.meeting_type)] if spec.meeting_type in e.types \
            else e.body
        if spec.body is not None and body != spec.body:
            continue
        found.append(Target(e, spec.meeting_type, body, e.origin is Origin.RECORDED))
    return found


def select(spec: Spec, targets: list[Target]) -> list[Target]:
    if spec.day is not None:
        return [t for t in targets if spec.day in (t.event.nominal, t.event.day)]
    return [t for t in targets
            if (t.event.nominal.year, t.event.nominal.month) == (spec.year, spec.month)
            or (t.event.day.year, t.event.day.month) == (spec.year, spec.month)]


def resolve(ref: str, model: Model, events: list[Event]) -> Target:
    spec = parse(ref, model)
    every = candidates(spec, events, model)
    chosen = select(spec, every)
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        listed = "; ".join(sorted(name(t, model, every) for t in every)[:24]) or "—"
        raise InputError(text("ref.none", ref=ref, year=spec.year, listed=listed))
    listed = "; ".join(sorted(name(t, model, every) for t in chosen))
    raise InputError(text("ref.several", ref=ref, count=len(chosen), listed=listed))


def name(target: Target, model: Model, siblings: list[Target] | None = None) -> str:
    """The shortest reference naming this occurrence alone: the month when it is the type's
    (and body's) only occurrence that month, else the date."""
    mt = model.meeting_types[target.meeting_type]
    head = target.meeting_type
    if len(mt.bodies) > 1:
        head += f".{target.body}"
    e = target.event
    if siblings is not None:
        same = [t for t in siblings if t.body == target.body and t.event is not e]
        month = (e.nominal.year, e.nominal.month)
        if not any((t.event.nominal.year, t.event.nominal.month) == month
                   or (t.event.day.year, t.event.day.month) == month for t in same) \
                and (e.day.year, e.day.month) == month:
            return f"{head}@{e.nominal:%Y-%m}"
    return f"{head}@{e.nominal.isoformat()}"


def describe(target: Target) -> Text:
    e = target.event
    return e.title
