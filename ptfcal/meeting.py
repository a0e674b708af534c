"""What was prepared and decided at one meeting: its ordre du jour, who came, its decisions and
the actions it gave, followed up until done (« la préparation, l'organisation et le suivi des
décisions », 000).

These are plain typed values, part of the model: `config` reads them from an occurrence's (or a
recorded event's) entry in `config/years/YEAR.yaml`, the scheduler carries them to the `Event`,
and `meet/` (follow-up, minutes), `convene/` (the convocation's ordre du jour) and `report/` (the
year's bilan) read them. Only institutions are recorded here: no person's name or e-mail.

The YAML shape, on the occurrence's entry (every key optional)::

    agenda:
      - title: "Revue annuelle du CREDD : préparation"
        by: banque-mondiale                  # presenting institution
        docs: ["https://…/note.pdf"]
    attendance: {banque-mondiale: 1, france: 2}   # present, people per institution (C-GEC-6)
    excused: [canada]
    absent: [belgique]
    decisions:
      - text: "Le GEC adopte les axes du dialogue 2027"
        item: 1                              # 1-based agenda item
    actions:
      - id: A-2027-001                       # stable, given when the action is created
        text: "Transmettre la note au MEF"
        owner: banque-mondiale
        due: 2027-03-31
        item: 1
        status: done                         # open (default), done, dropped
        done_on: 2027-03-25
        note: "Transmise par courrier"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

ACTION_ID = re.compile(r"^A-(?P<year>\d{4})-(?P<n>\d{3,})$")


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Presence(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


@dataclass(frozen=True)
class AgendaItem:
    title: str
    by: str | None = None  # the presenting institution's id
    docs: tuple[str, ...] = ()  # document links


@dataclass(frozen=True)
class Decision:
    text: str
    item: int | None = None  # 1-based number of the agenda item it belongs to


@dataclass(frozen=True)
class Action:
    id: str  # "A-2027-001": the year of the meeting that gave it, then its number in that year
    text: str
    owner: str  # institution id
    due: date | None = None
    item: int | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None  # the day it was done or dropped
    note: str | None = None

    def open_on(self, day: date) -> bool:
        """Still to do on `day`: open, or closed only after that day."""
        return self.status is ActionStatus.OPEN or (self.done_on is not None and self.done_on > day)

    def overdue_on(self, day: date) -> bool:
        return self.due is not None and self.due < day and self.open_on(day)


@dataclass(frozen=True)
class MeetingRecord:
    """One occurrence's record. `attendance` (present, people per institution) is the same data
    `record --attendance` writes and the attendance rules (C-GEC-6, C-GA-5) read."""

    agenda: tuple[AgendaItem, ...] = ()
    attendance: dict[str, int] = field(default_factory=dict)
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()

    @property
    def held(self) -> bool:
        """Recorded as held: its attendance, a decision or an action is recorded."""
        return bool(self.attendance or self.decisions or self.actions)

    def presence(self, institution: str) -> Presence | None:
        if institution in self.attendance:
            return Presence.PRESENT
        if institution in self.excused:
            return Presence.EXCUSED
        if institution in self.absent:
            return Presence.ABSENT
        return None
