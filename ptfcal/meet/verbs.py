"""The meeting's verbs as edits of its year file, through the recording machinery
(`record.session.apply`: validated before writing, previewed, journalled, undone byte for byte):
the ordre du jour, who came, the decisions, the actions and their follow-up.

Each returns an `Edit` (the files' new texts and a sentence saying what it records); nothing
here writes, reads the clock or prints. What the loader checks anyway (an unknown institution,
a due date before the meeting) is checked here first too, to name the option at fault.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..config import writer
from ..errors import InputError
from ..i18n import text
from ..meeting import ACTION_ID, ActionStatus
from ..model import Model, Status, Text
from ..record.refs import Target
from ..record.verbs import EVENT_ORDER, OCCURRENCE_ORDER, Edit, Editor, Nothing, _put, _record
from .followup import next_action_id


def institution(model: Model, value: str, option: str) -> str:
    """An institution id given on the command line, or an InputError with the closest one."""
    value = value.strip()
    if value in model.institutions:
        return value
    hint = difflib.get_close_matches(value, sorted(model.institutions), n=1, cutoff=0.6)
    raise InputError(text("mt.unknown-institution", option=option, value=repr(value[:60]),
                          hint=text("mt.hint", hint=hint[0]) if hint else ""))


def _entry(ed: Editor, target: Target) -> Any:
    """The year-file entry that holds the meeting's record (added when it has none). A meeting
    type held as one event with another (the CREDD's political session with the RBC) is
    recorded on the event's own type, where the scheduler reads `Event.record` from."""
    e = target.event
    if target.meeting_type != e.meeting_type:
        target = Target(e, e.meeting_type, e.body, target.recorded)
    return _record(ed, target)


def _order(target: Target) -> tuple[str, ...]:
    return EVENT_ORDER if target.recorded else OCCURRENCE_ORDER


def _list(record: Any, key: str, target: Target) -> Any:
    """`record[key]` as a block list, placed in the house order when it is new."""
    current = record.get(key)
    if isinstance(current, writer.Seq):
        return current
    seq = writer.Seq()
    _put(record, key, seq, _order(target))
    return seq


def _held(target: Target) -> None:
    """A cancelled meeting was not held: nothing is recorded as said or decided there."""
    e = target.event
    if e.status is Status.CANCELLED:
        raise InputError(text("mt.cancelled", what=e.title, day=e.day))


def _item(target: Target, item: int | None) -> None:
    count = len(target.event.record.agenda)
    if item is not None and not 1 <= item <= count:
        raise InputError(text("mt.no-item-option", item=item, count=count))


# --- the ordre du jour ---------------------------------------------------------------------------


def agenda_add(ed: Editor, target: Target, title: str, by: str | None,
               docs: tuple[str, ...]) -> Edit:
    e = target.event
    _held(target)
    entry = writer.new_map([("title", writer.quoted(title))])
    if by:
        entry["by"] = institution(ed.model, by, "--by")
    if docs:
        entry["docs"] = writer.flow_list(writer.quoted(d) for d in docs)
    agenda = _list(_entry(ed, target), "agenda", target)
    agenda.append(entry)
    return ed.edit(text("mt.agenda-added", n=len(agenda), title=title, what=e.title, day=e.day),
                   target.year)


def agenda_remove(ed: Editor, target: Target, n: int) -> Edit:
    e = target.event
    record = e.record
    _item(target, n)
    users = [d.text for d in record.decisions if d.item == n] + \
        [a.id for a in record.actions if a.item == n]
    if users:
        raise InputError(text("mt.item-used", n=n, users=", ".join(u[:40] for u in users)))
    written = _entry(ed, target)
    title = record.agenda[n - 1].title
    del written["agenda"][n - 1]
    if not written["agenda"]:
        del written["agenda"]
    for key in ("decisions", "actions"):  # the items after it move up by one
        for _, entry in writer.items(written.get(key)):
            if isinstance(entry.get("item"), int) and entry["item"] > n:
                entry["item"] -= 1
    return ed.edit(text("mt.agenda-removed", n=n, title=title, what=e.title, day=e.day),
                   target.year)


# --- attendance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Presence:
    """What `attendance` records: people per institution present, institutions excused and
    absent; merged with what is recorded (an institution moves from one list to another)."""

    present: tuple[tuple[str, int], ...] = ()
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

    def empty(self) -> bool:
        return not (self.present or self.excused or self.absent)


def attendance(ed: Editor, target: Target, given: Presence) -> Edit:
    e, model = target.event, ed.model
    if given.empty():
        raise InputError(text("mt.attendance-empty"))
    _held(target)
    named: dict[str, str] = {}
    for option, ids in (("--present", [i for i, _ in given.present]),
                        ("--excused", given.excused), ("--absent", given.absent)):
        for ident in ids:
            institution(model, ident, option)
            if named.setdefault(ident, option) != option:
                raise InputError(text("mt.twice-given", inst=ident, first=named[ident],
                                      second=option))
    record = _entry(ed, target)
    order = _order(target)
    present = dict(record.get("attendance") or {})
    excused = [i for i in (record.get("excused") or ()) if i not in named]
    absent = [i for i in (record.get("absent") or ()) if i not in named]
    for ident in (*given.excused, *given.absent):
        present.pop(ident, None)
    present.update(given.present)
    excused += [i for i in given.excused if i not in excused]
    absent += [i for i in given.absent if i not in absent]
    for key, value in (("attendance", writer.flow_map(present.items()) if present else None),
                       ("excused", writer.flow_list(excused) if excused else None),
                       ("absent", writer.flow_list(absent) if absent else None)):
        if value is None:
            record.pop(key, None)
        else:
            _put(record, key, value, order)
    return ed.edit(text("mt.attendance", what=e.title, day=e.day, present=len(present),
                        excused=len(excused), absent=len(absent)), target.year)


# --- decisions and actions -----------------------------------------------------------------------


def decision(ed: Editor, target: Target, what: str, item: int | None) -> Edit:
    e = target.event
    _held(target)
    _item(target, item)
    entry = writer.new_map([("text", writer.quoted(what))])
    if item is not None:
        entry["item"] = item
    decisions = _list(_entry(ed, target), "decisions", target)
    decisions.append(entry)
    return ed.edit(text("mt.decision", n=len(decisions), what=e.title, day=e.day), target.year)


def action(ed: Editor, target: Target, what: str, owner: str, due: date | None,
           item: int | None) -> Edit:
    """Record a new action, with the next free id of the meeting's year (said in the edit's
    summary)."""
    e = target.event
    _held(target)
    owner = institution(ed.model, owner, "--owner")
    _item(target, item)
    if due is not None and due < e.day:
        raise InputError(text("mt.due-option", due=due.isoformat(), day=e.day))
    ident = next_action_id(ed.model, target.year)  # the year file's, which the loader checks
    entry = writer.new_map([("id", ident), ("text", writer.quoted(what)), ("owner", owner)])
    if due is not None:
        entry["due"] = due
    if item is not None:
        entry["item"] = item
    _list(_entry(ed, target), "actions", target).append(entry)
    name = ed.model.institutions[owner].short
    return ed.edit(text("mt.action", id=ident, owner=name, what=e.title, day=e.day,
                        due=text("mt.due", due=due) if due else ""), target.year)


def find_action(ed: Editor, ident: str) -> Any:
    """The action's mapping in its year file, or an InputError (with the closest ids)."""
    return _located(ed, ident)[0]


def _located(ed: Editor, ident: str) -> tuple[Any, Any]:
    """The action's mapping and the entry of the meeting that gave it, or an InputError (with
    the closest ids)."""
    found = ACTION_ID.match(ident.strip())
    if found is not None:
        doc = ed.year_doc(int(found["year"])) if int(found["year"]) in ed.model.years else None
        for section in ("occurrences", "events"):
            for _, record in writer.items(doc.data.get(section) if doc else None):
                for _, entry in writer.items(record.get("actions")):
                    if str(entry.get("id")) == ident.strip():
                        return entry, record
    known = sorted(a.id for facts in ed.model.years.values()
                   for f in (*facts.occurrences, *facts.events) for a in f.record.actions)
    hint = difflib.get_close_matches(ident.strip(), known, n=1, cutoff=0.6)
    raise InputError(text("mt.unknown-action", id=repr(ident.strip()[:40]),
                          hint=text("mt.hint", hint=hint[0]) if hint else ""))


def _day(record: Any) -> date | None:
    """The day of the meeting that gave an action, as the year file's check reads it."""
    return writer.as_date(record.get("date")) or writer.as_date(record.get("nominal"))


ACTION_ORDER = ("id", "text", "owner", "due", "item", "status", "done_on", "note")


def close(ed: Editor, ident: str, status: ActionStatus, on: date, note: str | None) -> Edit:
    """Mark an action done or dropped on a day (the CLI gives today by default)."""
    entry, record = _located(ed, ident)
    ident = str(entry["id"])
    day = _day(record)
    if day is not None and on < day:
        raise InputError(text("mt.on-before", on=on.isoformat(), id=ident, day=day))
    if str(entry.get("status", "open")) == status.value and \
            writer.as_date(entry.get("done_on")) == on and (note is None or entry.get("note")
                                                            == note):
        raise Nothing(text("mt.already-closed", id=ident, status=_status(status), day=on))
    _put(entry, "status", status.value, ACTION_ORDER)
    _put(entry, "done_on", on, ACTION_ORDER)
    if note:
        _put(entry, "note", writer.quoted(note), ACTION_ORDER)
    return ed.edit(text("mt.closed", id=ident, status=_status(status), day=on),
                   int(ident[2:6]))


def reopen(ed: Editor, ident: str, note: str | None) -> Edit:
    """An action closed by mistake (or to be taken up again) is open again: its status and
    the day it was closed go; a note given replaces its note."""
    entry, _ = _located(ed, ident)
    ident = str(entry["id"])
    if str(entry.get("status", "open")) == ActionStatus.OPEN.value:
        raise Nothing(text("mt.already-open", id=ident))
    entry.pop("status", None)
    entry.pop("done_on", None)
    if note:
        _put(entry, "note", writer.quoted(note), ACTION_ORDER)
    return ed.edit(text("mt.reopened", id=ident), int(ident[2:6]))


@dataclass(frozen=True)
class Change:
    """What `action edit` corrects in an action: its text, owner, due date, agenda item
    (None: unchanged)."""

    text: str | None = None
    owner: str | None = None
    due: date | None = None
    item: int | None = None

    def empty(self) -> bool:
        return self.text is None and self.owner is None and self.due is None and \
            self.item is None


def edit_action(ed: Editor, ident: str, change: Change) -> Edit:
    """Correct an action as it was recorded; its id and its follow-up stay."""
    if change.empty():
        raise InputError(text("mt.edit-empty"))
    entry, record = _located(ed, ident)
    ident = str(entry["id"])
    day = _day(record)
    if change.owner is not None:
        owner = institution(ed.model, change.owner, "--owner")
        _put(entry, "owner", owner, ACTION_ORDER)
    if change.text is not None and entry.get("text") != change.text:
        _put(entry, "text", writer.quoted(change.text), ACTION_ORDER)
    if change.due is not None:
        if day is not None and change.due < day:
            raise InputError(text("mt.due-option", due=change.due.isoformat(), day=day))
        if writer.as_date(entry.get("due")) != change.due:
            _put(entry, "due", change.due, ACTION_ORDER)
    if change.item is not None:
        count = len(record.get("agenda") or ())
        if not 1 <= change.item <= count:
            raise InputError(text("mt.no-item-option", item=change.item, count=count))
        _put(entry, "item", change.item, ACTION_ORDER)
    edit = ed.edit(text("mt.edited", id=ident), int(ident[2:6]))
    if not edit.files:
        raise Nothing(text("mt.unchanged", id=ident))
    return edit


def decision_remove(ed: Editor, target: Target, n: int) -> Edit:
    """Remove decision `n` (1-based, as `minutes` and the year file list them) of a meeting;
    the later ones move up by one."""
    e = target.event
    count = len(e.record.decisions)
    if not 1 <= n <= count:
        raise InputError(text("mt.no-decision", n=n, count=count))
    written = _entry(ed, target)
    what = e.record.decisions[n - 1].text
    del written["decisions"][n - 1]
    if not written["decisions"]:
        del written["decisions"]
    return ed.edit(text("mt.decision-removed", n=n, text=what[:80], what=e.title, day=e.day),
                   target.year)


def _status(status: ActionStatus) -> Text:
    return text(f"mt.status.{status.value}")
