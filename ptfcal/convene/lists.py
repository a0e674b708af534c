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
from .register import SEAT_NAMES, Person, Seat  # noqa: F401 (SEAT_NAMES: re-exported)
from .seats import IN_A_BODY, reason_if_none, seat_name, seats

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
    roles_unknown: bool = False  # an empty seat because the year's roles are not recorded


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
                                     seat.body, seat.roles_unknown))
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
    roles_missing = {r.event.uid for r in rows if r.person is None and r.roles_unknown}
    out = []
    for e in events:
        if e.uid in reached:
            continue
        unknown = e.uid in roles_missing
        out.append((e, reason_if_none(model, e) or (
            text("seat.roles-missing", year=e.day.year) if unknown
            else text("seat.empty-register"))))
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
    "fr": ["Réunion", "Date", "Institution", "Rôle", "Instance", "Participation", "Nom",
           "Courriel", "Langue", "Pourquoi"],
    "en": ["Meeting", "Date", "Institution", "Seat", "Body", "Participation", "Name", "E-mail",
           "Language", "Why"],
}
PARTICIPATION = {"fr": {REQUIRED: "requise", OPTIONAL: "facultative"},
                 "en": {REQUIRED: "required", OPTIONAL: "optional"}}
MISSING = {"fr": "non renseigné", "en": "not recorded"}


def place(model: Model, r: Recipient, lang: str) -> str:
    """The institution's short name; the seat's body when the institution is not known."""
    if r.institution:
        return model.institutions[r.institution].short.get(lang)
    return model.bodies[r.delegation].short.get(lang)


def seat_label(model: Model, r: Recipient, lang: str) -> str:
    """The seat, and the body it is held in when it is a body's seat: every Dialogue Leader
    line names its Groupe de Dialogue."""
    name = seat_name(model, r.seat, r.body).get(lang)
    if r.seat in IN_A_BODY and r.body and r.institution:
        return f"{name}, {model.bodies[r.body].short.get(lang)}"
    return name


def as_csv(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """UTF-8 with a BOM and `;`: what a French Excel opens as columns (no cell read as a
    formula: `sheet`)."""
    return sheet.table(HEADERS[lang], ([
        r.event.title.get(lang), r.event.day.isoformat(), place(model, r, lang),
        seat_name(model, r.seat, r.body).get(lang),
        model.bodies[r.body].short.get(lang) if r.body else "",
        PARTICIPATION[lang][r.role],
        r.person.name if r.person else MISSING[lang], r.person.email if r.person else "",
        r.person.language if r.person else "", r.why.get(lang)] for r in rows))


# --- JSON and the To/Cc lines ---------------------------------------------------------------------

JSON_FORMAT = "ptfcal-lists"  # the first key of the document: how a list is recognised


def _by_event(events: list[Event], rows: list[Recipient]):
    by_uid: dict[str, list[Recipient]] = {}
    for r in rows:
        by_uid.setdefault(r.event.uid, []).append(r)
    return [(e, by_uid.get(e.uid, [])) for e in events]


def _address(name: str, email: str) -> str:
    """`Name <address>` as Outlook reads it pasted in To or Cc (a name with a separator
    quoted)."""
    if any(c in name for c in ',;"<>()[]\\@:'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def addresses(group: list[Recipient]) -> tuple[list[str], list[str]]:
    """(To, Cc) of one occurrence: the required seats' people, then the optional ones', once
    each (an address in To is not repeated in Cc)."""
    to: dict[str, str] = {}
    cc: dict[str, str] = {}
    for r in group:
        if r.person is None:
            continue
        key = r.person.email.lower()
        target = to if r.role == REQUIRED else cc
        if key not in to and key not in cc:
            target[key] = _address(r.person.name, r.person.email)
    return list(to.values()), list(cc.values())


def _text(value: Text) -> dict[str, str]:
    return {"fr": value.fr, "en": value.en}


def as_json(model: Model, events: list[Event], rows: list[Recipient]) -> bytes:
    """The lists as a document (docs/lists-json.md): per occurrence, its reference, date, body,
    each recipient with institution, seat, participation, e-mail and why; the empty seats; the
    To and Cc lines; why nobody is convened, when nobody is."""
    import json

    from ..record.refs import Target, name

    nobody = dict((e.uid, why) for e, why in unconvened(model, events, rows))
    occurrences = []
    for e, group in _by_event(events, rows):
        to, cc = addresses(group)
        occurrences.append({
            "reference": name(Target(e, e.meeting_type, e.body, False), model),
            "uid": e.uid,
            "date": e.day.isoformat(),
            "start": e.start.isoformat() if e.start else None,
            "meeting_type": e.meeting_type,
            "body": e.body,
            "title": _text(e.title),
            "recipients": [{
                "institution": r.institution,
                "seat": r.seat.value,
                "seat_body": r.body or None,
                "participation": "required" if r.role == REQUIRED else "optional",
                "name": r.person.name,
                "email": r.person.email,
                "language": r.person.language,
                "why": _text(r.why),
            } for r in group if r.person is not None],
            "empty_seats": [{
                "institution": r.institution or None,
                "seat": r.seat.value,
                "seat_body": r.body or None,
                "why": _text(r.why),
            } for r in group if r.person is None],
            "to": to,
            "cc": cc,
            "nobody_to_convene": _text(nobody[e.uid]) if e.uid in nobody else None,
        })
    doc = {"format": JSON_FORMAT, "version": 1, "occurrences": occurrences}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def as_to_cc(model: Model, events: list[Event], rows: list[Recipient], lang: str) -> bytes:
    """Per occurrence, the To and Cc lines to paste into an Outlook message."""
    from ..i18n import format_day, t

    nobody = dict((e.uid, why) for e, why in unconvened(model, events, rows))
    out: list[str] = []
    for e, group in _by_event(events, rows):
        out.append(f"{format_day(e.day, lang)} — {e.title.get(lang)}")
        if e.uid in nobody:
            out.append("  " + t("lst.nobody", lang, why=nobody[e.uid].get(lang)))
        else:
            to, cc = addresses(group)
            out.append(t("lst.to", lang, line="; ".join(to)))
            if cc:
                out.append(t("lst.cc", lang, line="; ".join(cc)))
        out.append("")
    return "\n".join(out).encode("utf-8")


# --- contacts -------------------------------------------------------------------------------------

PRODID = "-//ptfcal//lists//FR"  # marks the vCards ptfcal wrote (it may replace only those)


def _vcard_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """A content line folded at 75 octets (RFC 2426 2.6), never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return out


def _each_person(rows: list[Recipient]):
    """(person, given name, family name) for each person listed, once."""
    seen: set[str] = set()
    for r in rows:
        if r.person is None or r.person.email.lower() in seen:
            continue
        seen.add(r.person.email.lower())
        parts = r.person.name.rsplit(" ", 1)
        yield (r.person, *((parts[0], parts[1]) if len(parts) == 2 else ("", r.person.name)))


def _title(model: Model, p: Person, lang: str) -> str:
    name = seat_name(model, p.seat, p.body).get(lang)
    return f"{name}, {model.bodies[p.body].short.get(lang)}" if p.body else name


def _property(name: str, value: str) -> str:
    """`NAME:value`, with CHARSET=UTF-8 when the value is not plain ASCII: Outlook for Windows
    reads a card without it in the system's code page (« AÃ¯cha » for « Aïcha »); the other
    readers (Google, Apple, Thunderbird, vobject) take the parameter and ignore it."""
    return f"{name}{'' if value.isascii() else ';CHARSET=UTF-8'}:{value}"


def vcards(model: Model, rows: list[Recipient], lang: str) -> list[tuple[Person, bytes]]:
    """One vCard 3.0 per person (each once): CRLF, folded lines, the institution and the seat
    (with its body: the Dialogue Leader's Groupe de Dialogue)."""
    out = []
    for p, given, family in _each_person(rows):
        org = model.institutions[p.institution].name.get(lang)
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"PRODID:{PRODID}",
                 _property("FN", _vcard_text(p.name)),
                 _property("N", f"{_vcard_text(family)};{_vcard_text(given)};;;"),
                 _property("ORG", _vcard_text(org)),
                 _property("TITLE", _vcard_text(_title(model, p, lang))),
                 f"EMAIL;TYPE=INTERNET:{p.email}", "END:VCARD"]
        card = "".join(part + "\r\n" for line in lines for part in _fold(line))
        out.append((p, card.encode("utf-8")))
    return out


def as_vcard(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """Every card in one file (Google, Apple, Thunderbird read them all; Outlook reads one
    card a file: `vcard_files`)."""
    return b"".join(card for _, card in vcards(model, rows, lang))


def vcard_files(model: Model, rows: list[Recipient], lang: str) -> list[tuple[str, bytes]]:
    """(file name, one card) per person, for Outlook, which imports one card per file: the
    name from the person's name and address, so two people never share a file (the same name
    and mailbox at two domains, or two spellings Windows takes as one, get the address's
    digest after the name)."""
    import hashlib
    import re

    out = []
    taken: set[str] = set()
    for p, card in vcards(model, rows, lang):
        stem = re.sub(r"[^\w.-]+", "-", f"{p.name} {p.email.split('@')[0]}",
                      flags=re.UNICODE).strip("-.")[:80] or "contact"
        if stem.casefold() in taken:
            stem += "-" + hashlib.sha256(p.email.lower().encode()).hexdigest()[:8]
        taken.add(stem.casefold())
        out.append((f"{stem}.vcf", card))
    return out


OUTLOOK = ["First Name", "Last Name", "E-mail Address", "Company", "Job Title"]


def as_outlook(model: Model, rows: list[Recipient], lang: str) -> bytes:
    """The CSV Outlook imports as contacts (its own English column names), one per person."""
    return sheet.table(OUTLOOK, ([given, family, p.email,
                                  model.institutions[p.institution].name.get(lang),
                                  _title(model, p, lang)]
                                 for p, given, family in _each_person(rows)), delimiter=",")
