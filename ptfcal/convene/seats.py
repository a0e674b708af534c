"""Who sits for each occurrence, institution by institution: the seats the texts give each
body (the `seats:` of meetings.yaml), resolved for the occurrence's date and the year's roles.

A pure function over the model (and, for the Groupes de Dialogue's experts and binômes, the
register of people): no person is named here. `lists` fills the seats with the register's
people; the bilan counts who was convened. A seat whose institution is not known (the year's
Troïka not recorded, a GT PTF's tripartite coordination not recorded) is kept, with
`institution=None` and a reason, never dropped in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from ..calendar.parties import Resolver
from ..i18n import text
from ..model import (
    Body,
    Event,
    InstitutionKind,
    Model,
    SeatKind,
    SeatRule,
    SeatWho,
    Source,
    Text,
)
from ..text import of_fr

SEAT_NAMES = {
    SeatKind.HEAD: Text("titulaire (chef d'agence)", "head of agency"),
    SeatKind.DEPUTY: Text("suppléant(e)", "deputy"),
    SeatKind.AMBASSADOR: Text("ambassadeur ou représentant(e) résident(e)",
                              "ambassador or resident representative"),
    SeatKind.EXPERT: Text("expert(e) permanent(e)", "permanent expert"),
    SeatKind.BINOME: Text("binôme", "binôme (deputy expert)"),
    SeatKind.DIALOGUE_LEADER: Text("Dialogue Leader", "Dialogue Leader"),
    SeatKind.TRIPARTITE: Text("membre de la coordination tripartite", "tripartite member"),
    SeatKind.NEXUS: Text("point focal Nexus", "Nexus focal point"),
}

# the seats held in a body (the register names it); the others are an institution's own
IN_A_BODY = {SeatKind.EXPERT, SeatKind.BINOME, SeatKind.DIALOGUE_LEADER, SeatKind.TRIPARTITE,
             SeatKind.NEXUS}


def seat_name(model: Model, kind: SeatKind, body: str | None) -> Text:
    """The seat's name; the lead of a group that is not a Groupe de Dialogue (a 2019 GT or
    SGT) is its coordinator, not a Dialogue Leader."""
    if kind is SeatKind.DIALOGUE_LEADER and body in model.bodies and \
            model.bodies[body].category != "gd":
        return Text("coordonnateur (coordinatrice)", "coordinator")
    return SEAT_NAMES[kind]


class Holder(Protocol):
    """What seats() reads of a person of the register (convene/register.py's Person)."""

    institution: str
    seat: SeatKind
    body: str | None

    def holds(self, day: date) -> bool: ...


@dataclass(frozen=True)
class Seat:
    """One seat at one occurrence: the institution that holds it (None: not known), the kind
    of seat, whether the texts require it, the body it is held in, and why (its source)."""

    institution: str | None
    kind: SeatKind
    required: bool
    body: str  # the body the seat belongs to: the GD of an expert, the GT PTF of a tripartite
    why: Text
    roles_unknown: bool = False  # not known because the year's roles (roles.yaml) are not

    @property
    def known(self) -> bool:
        return self.institution is not None

    def register_body(self) -> str | None:
        """The `body` a person of the register gives for this seat (None: an agency's own)."""
        return self.body if self.kind in IN_A_BODY else None


_RESOLVERS: dict[int, tuple[Model, Resolver]] = {}


def _resolver(model: Model) -> Resolver:
    found = _RESOLVERS.get(id(model))
    if found is None or found[0] is not model:
        if len(_RESOLVERS) > 8:
            _RESOLVERS.clear()
        found = _RESOLVERS[id(model)] = (model, Resolver(model))
    return found[1]


def seats(model: Model, event: Event, register: Sequence[Holder] | None = None,
          ) -> tuple[Seat, ...]:
    """The seats of `event` (its type's and those of the types combined with it), required
    first where one institution would hold the same seat twice. `register`: the people, read
    only for the experts and binômes a Groupe de Dialogue has (and the year's gd_members)."""
    found: dict[tuple, Seat] = {}
    for meeting_type in event.types:
        for rule in model.meeting_types[meeting_type].seats:
            for seat in _rule_seats(model, event, rule, register):
                key = (seat.institution, seat.kind, seat.register_body(),
                       seat.why if seat.institution is None else None)
                old = found.get(key)
                if old is None or (seat.required and not old.required):
                    found[key] = seat
    return tuple(found.values())


def reason_if_none(model: Model, event: Event) -> Text | None:
    """Why an occurrence has no seat at all (the texts name nobody; no GD faces the CPS…), or
    None when it has seats."""
    rules = [r for t in event.types for r in model.meeting_types[t].seats]
    what = model.bodies[event.body].short
    if not rules:
        return text("seat.none", what=event.title)
    for within in ("facing", "paired"):
        if rules and all(r.within[0] == within for r in rules) and not _groups(
                model, event, within, ""):
            return text(f"seat.{within}-none", body=what)
    return None


# --- resolving one rule ---------------------------------------------------------------------------


def _groups(model: Model, event: Event, how: str, ref: str) -> list[Body]:
    """The bodies a rule's `in` names for this occurrence, in force on its date."""
    day = event.day
    body = model.bodies[event.body]
    if how == "self":
        found = [body]
    elif how == "parent":
        found = [model.bodies[b] for b in body.under]
    elif how == "id":
        found = [model.bodies[ref]]
    elif how == "every":
        found = [b for b in model.bodies.values() if b.category == ref]
    elif how == "facing":  # a CPS: the GD facing the sub-group it chairs; a GT CREDD: its GT PTF
        # only the CREDD sub-groups a CPS chairs: the CPS Santé also chairs the GT CREDD
        # Capital humain, whose GT PTF is no Groupe de Dialogue of its sector (002 III.3)
        chaired = {b.id for b in model.bodies.values() if b.category == "credd-subgroup"
                   and any(term.ref == body.id for term in b.chair)}
        targets = {body.id} | chaired
        found = [b for b in model.bodies.values() if targets.intersection(b.faces)]
    elif how == "paired":
        found = [b for b in model.bodies.values() if body.id in b.pairs_with]
    else:
        raise AssertionError(how)
    return [b for b in found if b.validity.contains(day)]


def _rule_seats(model: Model, event: Event, rule: SeatRule,
                register: Sequence[Holder] | None) -> Iterable[Seat]:
    for group in _groups(model, event, *rule.within):
        yield from _group_seats(model, event, rule, group, register)


def _group_seats(model: Model, event: Event, rule: SeatRule, group: Body,
                 register: Sequence[Holder] | None) -> Iterable[Seat]:
    day = event.day
    resolver = _resolver(model)
    roles = model.roles.get(day.year)
    what = model.bodies[event.body].short
    required = not rule.optional
    who = rule.who

    def unknown(why: Text) -> Seat:  # the year's roles are not recorded
        return Seat(None, rule.seat, required, group.id, why, roles_unknown=True)

    def role_unknown(role: str) -> Seat:
        return unknown(text("seat.role-unknown", role=text(f"seat.role.{role}"),
                            year=day.year, option=role))

    institutions: tuple[str, ...]
    if who is SeatWho.MEMBERS:
        if group.id == event.body and event.attendees is not None:
            institutions = event.attendees.institutions  # recorded participants honoured
        else:
            party = resolver.party(group.members, group, day)
            institutions = party.institutions if party else ()
    elif who is SeatWho.CHEF_DE_FILE:
        ident, _ = resolver.chef_de_file(day)
        if ident is None:
            yield role_unknown("chef-de-file")
            return
        institutions = (ident,)
    elif who is SeatWho.TROIKA:
        if not roles or not roles.troika:
            yield role_unknown("troika")
            return
        institutions = roles.troika
    elif who is SeatWho.UN_COORDINATING_AGENCY:
        if not roles or not roles.un_coordinating_agency:
            yield role_unknown("un-coordinating-agency")
            return
        institutions = (roles.un_coordinating_agency,)
    elif who is SeatWho.TRIPARTITE:
        institutions = roles.tripartite.get(group.id, ()) if roles else ()
        if not institutions:
            yield unknown(text("seat.tripartite-unknown", year=day.year, body=group.short,
                               ident=group.id))
            return
    elif who is SeatWho.LEAD:
        yield from _leads(model, event, rule, group, what, register)
        return
    elif who is SeatWho.DIALOGUE_LEADERS:
        for gd in model.bodies.values():
            if gd.parent == group.id and gd.category == "gd" and gd.validity.contains(day):
                yield from _leads(model, event, rule, gd, what, register)
        return
    elif who is SeatWho.EXPERTS:
        institutions = _experts(model, group, day, register)
    else:
        raise AssertionError(who)
    for ident in institutions:
        inst = model.institutions.get(ident)
        if inst is None or not inst.validity.contains(day):
            continue  # a body named as a participant (the Prime Minister), a partner gone
        yield _seat(model, rule, ident, group, what)


def _seat(model: Model, rule: SeatRule, ident: str, group: Body, what: Text) -> Seat:
    inst = model.institutions[ident]
    kind, message = rule.seat, "seat.why"
    if kind is SeatKind.AMBASSADOR:
        if inst.kind is InstitutionKind.BILATERAL:
            ident = inst.delegation or ident  # the AFD's ambassador is France's
        else:  # the head of a multilateral agency « a rang d'ambassadeur » (001)
            kind, message = SeatKind.HEAD, "seat.why-rank"
    holder = model.institutions[ident]
    of = Text(of_fr(holder.called("fr")), f"of {holder.called('en')}")
    where = group.short if kind in IN_A_BODY else what
    why = text(message, seat=seat_name(model, kind, group.id), of=of, what=where,
               source=_source(rule.source))
    return Seat(ident, kind, not rule.optional, group.id, why)


def _leads(model: Model, event: Event, rule: SeatRule, group: Body, what: Text,
           register: Sequence[Holder] | None) -> Iterable[Seat]:
    """The group's lead: the institutions whose Dialogue Leader the register holds that day
    (the secretariat's latest word), else the configuration's `lead` (known for `lead_as_of`)."""
    day = event.day
    leads = list(dict.fromkeys(
        p.institution for p in register or ()
        if p.seat is SeatKind.DIALOGUE_LEADER and p.body == group.id and p.holds(day)))
    registered = bool(leads)
    leads = leads or [i for i in group.lead if model.institutions[i].validity.contains(day)]
    if not leads:
        yield Seat(None, rule.seat, not rule.optional, group.id,
                   text("seat.lead-unknown", body=group.short,
                        seat=seat_name(model, rule.seat, group.id)))
    stale = (not registered and group.lead_as_of is not None and day.year > group.lead_as_of)
    for ident in leads:
        seat = _seat(model, rule, ident, group, what)
        if stale:  # a lead known for an earlier year (the GD's, inferred from 2019)
            seat = replace(seat, why=text("seat.lead-stale", why=seat.why,
                                          year=group.lead_as_of))
        yield seat


def _experts(model: Model, group: Body, day: date, register: Sequence[Holder] | None
             ) -> tuple[str, ...]:
    """The institutions with an expert or a binôme in the group: the register's (on that
    day), then the year's `gd_members` (roles.yaml), in that order, each once."""
    found: dict[str, None] = {}
    for p in register or ():
        if (p.seat in (SeatKind.EXPERT, SeatKind.BINOME) and p.body == group.id
                and p.holds(day)):
            found.setdefault(p.institution, None)
    roles = model.roles.get(day.year)
    for ident in (roles.gd_members.get(group.id, {}) if roles else {}):
        found.setdefault(ident, None)
    return tuple(found)


def _source(source: Source | None) -> Text:
    if source is None:
        return Text("", "")
    ref = f", {source.ref}" if source.ref else ""
    return text("seat.source", text=source.text, ref=ref)
