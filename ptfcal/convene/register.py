"""The register of people (`people.yaml`): who holds which seat for an institution, with an
e-mail address and a language. Personal data: it is read only by the commands that convene
(`people check`, `lists`), never bundled, published or served.

    people:
      - name: "Aminata Diallo"
        institution: ambassade-france
        role: head              # head, deputy, ambassador, expert, binome, dialogue-leader,
        email: a.diallo@example.org       # tripartite, nexus-focal-point
        language: fr            # fr (default) or en
        body: gd-sante          # the body of an expert, binôme, Dialogue Leader, tripartite…
        from: 2020-01-01        # optional: the seat's first and last day
        until: 2021-12-31

Validated as strictly as the configuration: every problem located (file:line:column, key),
all reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from ..config.loader import _marked
from ..config.reader import (
    Choice,
    Collector,
    Ctx,
    Date,
    Field,
    ListOf,
    Record,
    Str,
    load_file,
    read_record,
)
from ..errors import ConfigError, Mark, Problem
from ..i18n import text
from ..model import Model, Text
from ..model import SeatKind as Seat
from .seats import IN_A_BODY, SEAT_NAMES

__all__ = ["SEAT_NAMES", "Person", "Seat", "load"]

DEFAULT_NAME = "people.yaml"
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


NEEDS_BODY = IN_A_BODY


class Language(StrEnum):
    FR = "fr"
    EN = "en"


PERSON = Record(Text("personne", "person"), {
    "name": Field(Str(), True, "full name"),
    "institution": Field(Str(), True, "institution id (institutions.yaml)"),
    "role": Field(Choice(Seat, Text("un siège", "a seat")), True, "the seat held"),
    "email": Field(Str(Text("une adresse électronique", "an e-mail address"), EMAIL), True,
                   "e-mail address"),
    "language": Field(Choice(Language, Text("une langue", "a language")), False,
                      "language of the invitations (default fr)"),
    "body": Field(Str(), False, "the body of an expert, binôme, Dialogue Leader, tripartite "
                  "member or Nexus focal point"),
    "from": Field(Date(), False, "first day in the seat"),
    "until": Field(Date(), False, "last day in the seat"),
}, _marked)
SCHEMA = {"people": Field(ListOf(PERSON, single_ok=False), True, "the people convened")}


@dataclass(frozen=True)
class Person:
    name: str
    institution: str
    seat: Seat
    email: str
    language: str
    body: str | None
    start: date | None
    end: date | None
    mark: Mark

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def default_path(config: Path) -> Path:
    return config / DEFAULT_NAME


def load(path: Path, model: Model) -> list[Person]:
    """The register at `path`, checked against the configuration's institutions and bodies;
    ConfigError with every problem when it is not valid."""
    label = path.name
    out = Collector()
    node = load_file(path, label, out)
    if node is None:
        if not out.problems:
            out.add(Mark(label, 1, 1), "", text("ppl.empty"))
        raise ConfigError(out.problems)
    ctx = Ctx(label, out, [])
    read_record(node, "", ctx, SCHEMA, Text("registre", "register"))  # reports every problem
    # each valid person is then checked against the configuration, whatever the others
    quiet = Ctx(label, Collector(), [])
    valid = []
    for key, items in node.value if getattr(node, "id", "") == "mapping" else ():
        if getattr(key, "value", None) == "people" and getattr(items, "id", "") == "sequence":
            for i, item in enumerate(items.value):
                v = PERSON(item, f"people[{i}]", quiet)
                if isinstance(v, dict):
                    valid.append(v)
    people: list[Person] = []
    seen: dict[tuple, Mark] = {}
    for v in valid:
        mark = v["_mark"]
        inst, body, seat = v["institution"], v.get("body"), v["role"]
        if inst not in model.institutions:
            out.add(mark, "institution", text("ppl.institution", value=inst))
            continue
        if seat in NEEDS_BODY and body is None:
            out.add(mark, "body", text("ppl.body-needed", seat=seat.value))
            continue
        if body is not None and body not in model.bodies:
            out.add(mark, "body", text("ppl.body", value=body))
            continue
        start, end = v.get("from"), v.get("until")
        if start and end and end < start:
            out.add(mark, "until", text("ppl.dates", start=start, end=end))
            continue
        key = (inst, seat, body, v["email"].lower(), start)
        if key in seen:
            out.add(mark, "", text("ppl.duplicate", first=seen[key]))
            continue
        seen[key] = mark
        person = Person(v["name"], inst, seat, v["email"], (v.get("language") or
                                                            Language.FR).value,
                        body, start, end, mark)
        for other in people:
            if _stands_in(other, person):
                out.add(mark, "email", text("ppl.stands-in", email=person.email,
                                            other=SEAT_NAMES[other.seat],
                                            seat=SEAT_NAMES[person.seat], first=other.mark))
                break
        else:
            people.append(person)
    if out.problems:
        raise ConfigError(out.problems)
    return people


# one seat stands in for the other when its holder is away: never the same person
STANDS_IN = ({Seat.HEAD, Seat.DEPUTY}, {Seat.EXPERT, Seat.BINOME})


def _overlap(a: Person, b: Person) -> bool:
    return (a.start is None or b.end is None or a.start <= b.end) and (
        b.start is None or a.end is None or b.start <= a.end)


def _stands_in(a: Person, b: Person) -> bool:
    """The same address holds a seat and the seat that stands in for it, at the same time."""
    return (a.email.lower() == b.email.lower() and a.institution == b.institution
            and a.body == b.body and {a.seat, b.seat} in STANDS_IN and _overlap(a, b))


def shared_addresses(people: list[Person]) -> list[Problem]:
    """Warnings: an address that holds several seats at the same time (a person may, say an
    expert in two Groupes de Dialogue; a copied line does too). Each names the first line."""
    first: dict[str, Person] = {}
    found = []
    for person in people:
        other = first.setdefault(person.email.lower(), person)
        if other is person or not _overlap(other, person):
            continue
        names = "" if other.name == person.name else text("ppl.other-name", name=other.name)
        found.append(Problem(person.mark, "email", text(
            "ppl.shared-address", email=person.email, other=SEAT_NAMES[other.seat],
            institution=other.institution, first=other.mark, names=names)))
    return found
