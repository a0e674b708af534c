"""Distribution lists: who is convened to each occurrence, and why.

The seats come from the texts (convene/seats.py: the `seats:` of meetings.yaml, resolved for
the date and the year's roles); each seat is filled with the people of the register who hold
it that day: the titulaire is a required participant, the suppléant or the binôme an optional
one. The cap (C-GEC-6, C-GA-5: the `attendance` rules of checks.yaml) is counted per delegation
(France with the AFD); an excess is an error naming the people over it, never a silent cut. A
required seat nobody holds is listed « non renseigné », naming the seat and its body; an
occurrence with nobody to convene is reported with the reason (`unconvened`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import sheet
from ..errors import ConfigError, Problem
from ..i18n import text
from ..model import Event, Model, Text
from .register import SEAT_NAMES, Person, Seat
from .seats import IN_A_BODY, reason_if_none, seats

REQUIRED, OPTIONAL = "REQ-PARTICIPANT", "OPT-PARTICIPANT"


@dataclass(frozen=True)
class Recipient:
    event: Event
    institution: str  # "" when the seat's institution is not known (the year's roles)
    delegation: str  # the institution's delegation; the seat's body when not known
    seat: Seat
    role: str  # REQ-PARTICIPANT or OPT-PARTICIPANT
    person: Person | None  # None: « non renseigné »
    why: Text
    body: str = ""  # the body the seat is held in (the GD of a Dialogue Leader)


def _holders(people: list[Person], kind: Seat, institution: str, body: str | None,
             day: date) -> list[Person]:
    return [p for p in people if p.seat is kind and p.institution == institution
            and (kind not in IN_A_BODY or p.body == body) and p.holds(day)]


def recipients(model: Model, e: Event, people: list[Person]) -> list[Recipient]:
    """Each seat of the occurrence with the people who hold it; an empty required seat once,
    « non renseigné » (an empty optional seat is left out: nobody is missing)."""
    out: list[Recipient] = []
    for seat in seats(model, e, people):
        role = REQUIRED if seat.required else OPTIONAL
        if seat.institution is None:
            if seat.required:
                out.append(Recipient(e, "", seat.body, seat.kind, role, None, seat.why,
                                     seat.body))
            continue
        inst = model.institutions[seat.institution]
        delegation = inst.delegation or seat.institution
        found = _holders(people, seat.kind, seat.institution, seat.register_body(), e.day)
        if not found and seat.required:
            out.append(Recipient(e, seat.institution, delegation, seat.kind, role, None,
                                 seat.why, seat.body))
        for p in found:
            out.append(Recipient(e, seat.institution, delegation, seat.kind, role, p,
                                 seat.why, seat.body))
    return _dedupe(out)


def unconvened(model: Model, events: list[Event], rows: list[Recipient]
               ) -> list[tuple[Event, Text]]:
    """The occurrences nobody is convened to, each with the reason: the texts name nobody,
    no Groupe de Dialogue faces the CPS, or nobody in the register holds the seats."""
    reached = {r.event.uid for r in rows if r.person is not None}
    out = []
    for e in events:
        if e.uid in reached:
            continue
        out.append((e, reason_if_none(model, e) or text("seat.empty-register")))
    return out


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
