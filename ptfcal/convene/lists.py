"""Distribution lists: who is convened to each occurrence, and why.

From the texts' representation rules (001, 002): for each institution expected at the meeting
(the body's participants that year, as the schedule resolves them), its titulaire is a required
participant and its suppléant an optional one — the head of agency and a deputy for the GEC, the
ambassador or resident representative for the Groupe des Ambassadeurs, the permanent expert and
the binôme for a Groupe de Dialogue (with its Dialogue Leader), the tripartite members and the
Dialogue Leaders for a GT PTF's coordination. The cap (C-GEC-6, C-GA-5: the `attendance` rules
of checks.yaml) is counted per delegation (France with the AFD); an excess is an error naming
the people over it, never a silent cut. A seat nobody holds is listed « non renseigné ».
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import sheet
from ..errors import ConfigError, Problem
from ..i18n import text
from ..model import Event, Model, Text
from .register import SEAT_NAMES, Person, Seat

REQUIRED, OPTIONAL = "REQ-PARTICIPANT", "OPT-PARTICIPANT"



@dataclass(frozen=True)
class Recipient:
    event: Event
    institution: str  # "" for a seat of the body (a Dialogue Leader)
    delegation: str
    seat: Seat
    role: str  # REQ-PARTICIPANT or OPT-PARTICIPANT
    person: Person | None  # None: « non renseigné »
    why: Text


def _seats(model: Model, e: Event) -> tuple[Seat, Seat | None]:
    """(titulaire seat, suppléant seat) per institution for this occurrence's type."""
    body = model.bodies[e.body]
    if e.meeting_type == "ga-meeting":
        return Seat.AMBASSADOR, Seat.DEPUTY
    if body.category == "gd":
        return Seat.EXPERT, Seat.BINOME
    return Seat.HEAD, Seat.DEPUTY


def _holders(people: list[Person], seat: Seat, day: date, institution: str | None = None,
             body: str | None = None) -> list[Person]:
    return [p for p in people if p.seat is seat and p.holds(day)
            and (institution is None or p.institution == institution)
            and (body is None or p.body == body)
            and (p.seat not in (Seat.EXPERT, Seat.BINOME) or p.body == body)]


def recipients(model: Model, e: Event, people: list[Person]) -> list[Recipient]:
    out: list[Recipient] = []
    body = model.bodies[e.body]
    day = e.day
    first, second = _seats(model, e)
    body_seat = body.id if first in (Seat.EXPERT,) else None
    # a tripartite coordination gathers people, not delegations (002 IV.11)
    delegations = () if e.meeting_type == "gt-ptf-coordination" else e.participants
    for inst_id in delegations:
        inst = model.institutions.get(inst_id)
        if inst is None:
            continue
        delegation = inst.delegation or inst_id
        found = _holders(people, first, day, inst_id, body_seat)
        why = text("lst.why", seat=SEAT_NAMES[first], who=inst.short, what=body.short)
        if not found:
            out.append(Recipient(e, inst_id, delegation, first, REQUIRED, None, why))
        for p in found:
            out.append(Recipient(e, inst_id, delegation, first, REQUIRED, p, why))
        if second is not None:
            for p in _holders(people, second, day, inst_id, body_seat):
                out.append(Recipient(e, inst_id, delegation, second, OPTIONAL, p,
                                     text("lst.why", seat=SEAT_NAMES[second], who=inst.short,
                                          what=body.short)))
    # the seats of the body itself
    extra: list[tuple[Seat, str]] = []
    if body.category == "gd":
        extra.append((Seat.DIALOGUE_LEADER, body.id))
    if e.meeting_type == "gt-ptf-coordination":
        extra.append((Seat.TRIPARTITE, body.id))
        extra += [(Seat.DIALOGUE_LEADER, b.id) for b in model.bodies.values()
                  if b.parent == body.id and b.category == "gd" and b.validity.contains(day)]
    for seat, body_id in extra:
        why = text("lst.why", seat=SEAT_NAMES[seat], who=model.bodies[body_id].short,
                   what=body.short)
        found = [p for p in people if p.seat is seat and p.body == body_id and p.holds(day)]
        if not found:
            out.append(Recipient(e, "", body_id, seat, REQUIRED, None, why))
        for p in found:
            inst = model.institutions[p.institution]
            out.append(Recipient(e, p.institution, inst.delegation or p.institution, seat,
                                 REQUIRED, p, why))
    return _dedupe(out)


def _dedupe(rows: list[Recipient]) -> list[Recipient]:
    """One row per person and occurrence: the required seat wins."""
    seen: dict[str, int] = {}
    out: list[Recipient] = []
    for r in rows:
        if r.person is None:
            out.append(r)
            continue
        key = r.person.email.lower()
        if key in seen:
            if r.role == REQUIRED and out[seen[key]].role != REQUIRED:
                out[seen[key]] = r
            continue
        seen[key] = len(out)
        out.append(r)
    return out


def check_caps(model: Model, rows: list[Recipient]) -> list[Problem]:
    """People over a delegation's cap (the `attendance` rules), each located in the register."""
    caps = {t: (rule.at_most or 0, rule.id) for rule in model.checks
            if rule.kind == "attendance" for t in rule.of}
    problems: list[Problem] = []
    reported: set = set()
    by_event: dict[str, list[Recipient]] = {}
    for r in rows:
        by_event.setdefault(r.event.uid, []).append(r)
    for group in by_event.values():
        e = group[0].event
        cap = next((caps[t] for t in e.types if t in caps), None)
        if cap is None:
            continue
        limit, rule = cap
        delegations: dict[str, list[Recipient]] = {}
        for r in group:
            if r.person is not None:
                delegations.setdefault(r.delegation, []).append(r)
        for _, members in sorted(delegations.items()):
            if len(members) <= limit:
                continue
            # the titulaires first, then the register's order: the last ones are over
            members.sort(key=lambda r: (r.role != REQUIRED, r.person.mark.line))
            over = members[limit:]
            names = [f"{r.person.name} ({model.institutions[r.institution].short.fr})"
                     for r in members if r.person]
            for r in over:
                assert r.person is not None
                if (r.person.mark, rule) in reported:  # once per person, not per meeting
                    continue
                reported.add((r.person.mark, rule))
                problems.append(Problem(r.person.mark, "role", text(
                    "lst.over", rule=rule, what=e.title, day=e.day, count=len(members),
                    limit=limit, who=", ".join(names))))
    return problems


def build(model: Model, events: list[Event], people: list[Person]) -> list[Recipient]:
    rows = [r for e in events for r in recipients(model, e, people)]
    problems = check_caps(model, rows)
    if problems:
        raise ConfigError(problems)
    return rows


# --- formats -------------------------------------------------------------------------------------

HEADERS = {
    "fr": ["Réunion", "Date", "Institution", "Rôle", "Participation", "Nom", "Courriel",
           "Langue", "Pourquoi"],
    "en": ["Meeting", "Date", "Institution", "Seat", "Participation", "Name", "E-mail",
           "Language", "Why"],
}


def as_csv(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """UTF-8 with a BOM and `;`: what a French Excel opens as columns (no cell read as a
    formula: `sheet`)."""
    missing = "non renseigné" if lang == "fr" else "not recorded"
    participation = {"fr": {REQUIRED: "requise", OPTIONAL: "facultative"},
                     "en": {REQUIRED: "required", OPTIONAL: "optional"}}[lang]
    return sheet.table(HEADERS[lang], ([
        r.event.title.get(lang), r.event.day.isoformat(),
        model.institutions[r.institution].short.get(lang) if r.institution
        else model.bodies[r.delegation].short.get(lang),
        SEAT_NAMES[r.seat].get(lang), participation[r.role],
        r.person.name if r.person else missing, r.person.email if r.person else "",
        r.person.language if r.person else "", r.why.get(lang)] for r in rows))


def _vcard_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def _each_person(rows: list[Recipient]):
    """(person, given name, family name) for each person listed, once."""
    seen: set[str] = set()
    for r in rows:
        if r.person is None or r.person.email.lower() in seen:
            continue
        seen.add(r.person.email.lower())
        parts = r.person.name.rsplit(" ", 1)
        yield (r.person, *((parts[0], parts[1]) if len(parts) == 2 else ("", r.person.name)))


def as_vcard(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """One vCard 3.0 per person (each once), with the institution and the seat."""
    out: list[str] = []
    for p, given, family in _each_person(rows):
        out += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_text(p.name)}",
                f"N:{_vcard_text(family)};{_vcard_text(given)};;;",
                f"ORG:{_vcard_text(model.institutions[p.institution].name.get(lang))}",
                f"TITLE:{_vcard_text(SEAT_NAMES[p.seat].get(lang))}",
                f"EMAIL;TYPE=INTERNET:{p.email}", f"LANG:{p.language}", "END:VCARD"]
    return ("\r\n".join(out) + "\r\n").encode("utf-8") if out else b""


OUTLOOK = ["First Name", "Last Name", "E-mail Address", "Company", "Job Title"]


def as_outlook(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """The CSV Outlook imports as contacts (its own English column names), one per person."""
    return sheet.table(OUTLOOK, ([given, family, p.email,
                                  model.institutions[p.institution].name.get(lang),
                                  SEAT_NAMES[p.seat].get(lang)]
                                 for p, given, family in _each_person(rows)), delimiter=",")
