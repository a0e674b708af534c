"""The recording verbs as edits of the configuration's files: each returns the files' new texts
and a sentence saying what it records. They mean what the year file means (README, « Record the
year »): a move records the actual date and keeps the occurrence's UID, a cancellation keeps the
occurrence, marked cancelled, and so on. Nothing here writes: `session.apply` validates and
writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import i18n
from ..config import writer
from ..config.reader import MAX_FILE_BYTES
from ..errors import InputError
from ..fileio import read_bounded
from ..i18n import text
from ..model import ISLAMIC_HOLIDAYS, ISLAMIC_NAMES, Model, Text, TimeSlot
from .refs import Target

IDENTITY = ("type", "body", "nominal")


@dataclass
class Edit:
    """What a verb changes: files (relative path -> new text), and what it records."""

    summary: Text
    files: dict[str, str] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    warnings: list[Text] = field(default_factory=list)  # shown with the outcome


class Editor:
    """The configuration's files as a verb edits them (read once, written by `session`)."""

    def __init__(self, folder: Path, model: Model):
        self.folder = folder
        self.model = model
        self.docs: dict[str, writer.Document] = {}
        self.created: set[str] = set()
        self.replaced: dict[str, str] = {}  # a text edit (a removed record) replaces a file

    def doc(self, rel: str, initial: str = "") -> writer.Document:
        if rel not in self.docs:
            path = self.folder / rel
            try:  # bounded, never through a link (session refuses to write through one)
                content = read_bounded(path, MAX_FILE_BYTES, follow_links=False).decode("utf-8")
            except FileNotFoundError:
                content, _ = initial, self.created.add(rel)
            except (OSError, UnicodeDecodeError):  # loaded a moment ago: changed since
                raise InputError(text("rec.not-regular", path=path)) from None
            self.docs[rel] = writer.Document(content)
        return self.docs[rel]

    def year_doc(self, year: int) -> writer.Document:
        return self.doc(f"years/{year}.yaml", f"year: {year}\n")

    def texts(self) -> dict[str, str]:
        """Every file whose text changes, as it would be written."""
        out = {}
        for rel, doc in self.docs.items():
            new = self.replaced.get(rel, doc.text())
            if new != doc.original or rel in self.created:
                out[rel] = new
        return out

    def edit(self, summary: Text, *years: int) -> Edit:
        return Edit(summary, self.texts(), set(years))


# --- days off given as dates ---------------------------------------------------------------------


def days_off(model: Model, given: list[tuple[str, date]], allowed: bool) -> list[Text]:
    """The dates a user gives for a meeting (`move --to`, `add --on`, `plan --pin`, a row of
    the circular), each with where it was given (« --to 2027-09-11 », « circulaire.csv:5 »):
    a weekend or a public holiday among them is refused — an InputError naming each day, why,
    and --allow-day-off — unless `allowed`; then the warnings to show with what is recorded."""
    from ..calendar import workdays

    if not given:
        return []
    calendar = workdays.build(model.settings, model.holidays, sorted({d.year for _, d in given}))
    found = [(where, why) for where, day in given
             if (why := calendar.why_day_off(day)) is not None]
    if not found:
        return []
    if allowed:
        return [text("dayoff.allowed", why=why) for _, why in found]
    refusals = [text("dayoff.refused", where=where, why=why) for where, why in found]
    raise InputError(Text("\n".join(r.fr for r in refusals), "\n".join(r.en for r in refusals)))


# --- occurrences and recorded events -------------------------------------------------------------


def _needs_body(model: Model, type_id: str) -> bool:
    return len(model.meeting_types[type_id].bodies) > 1


def _same_body(item: Any, target: Target, model: Model) -> bool:
    body = item.get("body")
    return (body or model.meeting_types[target.meeting_type].bodies[0]) == target.body


def _find_occurrence(doc: writer.Document, target: Target, model: Model
                     ) -> tuple[int, Any] | None:
    for i, item in writer.items(doc.data.get("occurrences")):
        if item.get("type") == target.meeting_type and \
                writer.as_date(item.get("nominal")) == target.event.nominal and \
                _same_body(item, target, model):
            return i, item
    return None


def _occurrence(ed: Editor, target: Target) -> Any:
    """The occurrence's record in its year file, added when it has none."""
    doc = ed.year_doc(target.year)
    found = _find_occurrence(doc, target, ed.model)
    if found:
        return found[1]
    record = writer.new_map([("type", target.meeting_type)])
    if _needs_body(ed.model, target.meeting_type):
        record["body"] = target.body
    record["nominal"] = target.event.nominal
    writer.ensure_list(doc.data, "occurrences", after=("year",)).append(record)
    return record


def _find_event(doc: writer.Document, target: Target, model: Model) -> tuple[int, Any]:
    e = target.event
    for i, item in writer.items(doc.data.get("events")):
        if item.get("type") == target.meeting_type and _same_body(item, target, model) \
                and writer.as_date(item.get("date")) == e.nominal \
                and str(item.get("key", "") or "") == e.key:
            return i, item
    raise InputError(text("rec.no-record", what=e.title, day=e.day))  # pragma: no cover


def _record(ed: Editor, target: Target) -> Any:
    if target.recorded:
        return _find_event(ed.year_doc(target.year), target, ed.model)[1]
    return _occurrence(ed, target)


def _set(record: Any, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set `key`, placed after the first of `after` present (the house order), else at the
    end; an existing key keeps its place."""
    if key in record:
        record[key] = value
        return
    keys = list(record.keys())
    position = len(keys)
    for name in after:
        if name in keys:
            position = keys.index(name) + 1
            break
    record.insert(position, key, value)


def _note(reason: str | None) -> Any:
    return writer.quoted(reason) if reason else None


OCCURRENCE_ORDER = ("type", "body", "nominal", "date", "time", "days", "cancelled",
                    "rescheduled", "planned", "enlarged_to", "location", "chair", "secretariat",
                    "participants", "attendance", "agenda", "excused", "absent", "decisions",
                    "actions", "note", "source")
EVENT_ORDER = ("type", "body", "date", "key", "time", "days", "cancelled", "title",
               "convened_by", "trigger", "chair", "secretariat", "participants", "attendance",
               "agenda", "excused", "absent", "decisions", "actions", "location", "note",
               "source")


def _put(record: Any, key: str, value: Any, order: tuple[str, ...]) -> None:
    before = order[: order.index(key)]
    _set(record, key, value, tuple(reversed(before)))


def move(ed: Editor, target: Target, to: date, slot: TimeSlot | None,
         reason: str | None) -> Edit:
    e, model = target.event, ed.model
    mt = model.meeting_types[target.meeting_type]
    time_text = f"{slot.start:%H:%M}-{slot.end:%H:%M}" if slot else None
    if target.recorded:
        record = _record(ed, target)
        current = writer.as_date(record.get("date"))
        same_time = time_text is None or str(record.get("time", "")) == time_text
        if current == to and same_time:  # (a reason alone is no move)
            raise Nothing(text("rec.already", what=e.title, day=to))
        if current != to:
            if not record.get("key"):  # its UID stays: name it by its first date
                _put(record, "key", writer.quoted(f"{current:%Y%m%d}"), EVENT_ORDER)
            record["date"] = to
        if time_text:
            _put(record, "time", time_text, EVENT_ORDER)
        if reason:
            _put(record, "note", _note(reason), EVENT_ORDER)
        return ed.edit(text("rec.moved", what=e.title, day=to, before=e.day), to.year,
                       target.year)  # (a recorded event has no other planned date)
    if to.year != e.nominal.year:
        raise InputError(text("rec.other-year", what=e.title, year=e.nominal.year))
    default_time = mt.time and f"{mt.time.start:%H:%M}-{mt.time.end:%H:%M}"
    back = to == e.nominal and (time_text is None or time_text == default_time)
    doc = ed.year_doc(target.year)
    found = _find_occurrence(doc, target, model)
    if back:
        if found is None or (writer.as_date(found[1].get("date")) in (None, to)
                             and "time" not in found[1]):
            raise Nothing(text("rec.already", what=e.title, day=to))
        index, record = found
        leftover = set(record) - {*IDENTITY, "date", "time", "rescheduled", "note"}
        if leftover:  # other facts stay recorded; only the move goes
            for key in ("date", "time", "rescheduled"):
                record.pop(key, None)
        else:
            ed.replaced[f"years/{target.year}.yaml"] = writer.delete_item(
                doc.text(), ("occurrences",), index)
        return ed.edit(text("rec.moved-back", what=e.title, day=to, before=e.day),
                       target.year)
    if found is not None and writer.as_date(found[1].get("date")) == to and (
            time_text is None or str(found[1].get("time")) == time_text):
        raise Nothing(text("rec.already", what=e.title, day=to))  # (a reason alone is no move)
    record = _occurrence(ed, target)
    if to != e.nominal:
        _put(record, "date", to, OCCURRENCE_ORDER)
        _put(record, "rescheduled", True, OCCURRENCE_ORDER)
    else:
        record.pop("date", None)
        record.pop("rescheduled", None)
    if time_text:
        _put(record, "time", time_text, OCCURRENCE_ORDER)
    if reason:
        _put(record, "note", _note(reason), OCCURRENCE_ORDER)
    return ed.edit(text("rec.moved", what=e.title, day=to, before=e.nominal), target.year)


def plan(ed: Editor, year: int, changes: list[tuple[Target, date, bool]], summary: Text
         ) -> Edit:
    """Record a plan's dates in one edit: each (occurrence, day, pinned). A planned date is
    `date` + `planned: true` (the occurrence stays planned; `rescheduled` too for a type held to
    a day rule); a pin is recorded as `move` records it; a date back on the rule's date drops
    what only moved it. The hours an occurrence keeps are recorded when they are not its type's
    (a staggered slot), so that the year checked is the year planned."""
    model = ed.model
    day_rule_types = {t for rule in model.checks if rule.kind == "day-rule" for t in rule.of}
    doc = ed.year_doc(year)
    removals = []
    for target, to, pinned in changes:
        e = target.event
        if target.recorded:
            move(ed, target, to, None, None)
            continue
        mt = model.meeting_types[target.meeting_type]
        slot = None
        if e.start is not None and e.end is not None and mt.time is not None and \
                (e.start.time(), e.end.time()) != (mt.time.start, mt.time.end):
            slot = f"{e.start:%H:%M}-{e.end:%H:%M}"
        found = _find_occurrence(doc, target, model)
        if to == e.nominal and not pinned:
            if found is None:
                continue
            index, record = found
            leftover = set(record) - {*IDENTITY, "date", "time", "rescheduled", "planned"}
            if leftover:  # other facts stay; it stays planned (not confirmed by a plan)
                for key in ("date", "rescheduled"):
                    record.pop(key, None)
                _put(record, "planned", True, OCCURRENCE_ORDER)
            else:
                removals.append(index)
            continue
        record = _occurrence(ed, target)
        if to != e.nominal:
            _put(record, "date", to, OCCURRENCE_ORDER)
        else:
            record.pop("date", None)
        if slot and "time" not in record:
            _put(record, "time", slot, OCCURRENCE_ORDER)
        if to != e.nominal and (pinned or target.meeting_type in day_rule_types):
            _put(record, "rescheduled", True, OCCURRENCE_ORDER)
        else:
            record.pop("rescheduled", None)
        if pinned:
            record.pop("planned", None)
        else:
            _put(record, "planned", True, OCCURRENCE_ORDER)
    if removals:
        rel = f"years/{year}.yaml"
        content = ed.replaced.get(rel, doc.text())
        for index in sorted(removals, reverse=True):
            content = writer.delete_item(content, ("occurrences",), index)
        ed.replaced[rel] = content
    return ed.edit(summary, year)


def cancel(ed: Editor, target: Target, reason: str | None) -> Edit:
    e = target.event
    record = _record(ed, target)
    if record.get("cancelled") is True and not reason:
        raise Nothing(text("rec.already-cancelled", what=e.title, day=e.day))
    order = EVENT_ORDER if target.recorded else OCCURRENCE_ORDER
    _put(record, "cancelled", True, order)
    if reason:
        _put(record, "note", _note(reason), order)
    return ed.edit(text("rec.cancelled", what=e.title, day=e.day), target.year)


def confirm(ed: Editor, target: Target) -> Edit:
    e = target.event
    if target.recorded or _find_occurrence(ed.year_doc(target.year), target, ed.model):
        record = _record(ed, target)
        if record.get("cancelled") is True:
            # the cancellation's reason (« Report sine die ») goes with it: a restored meeting
            # must not still say why it was cancelled; it stays recorded, hence confirmed
            record.pop("cancelled")
            record.pop("note", None)
            return ed.edit(text("rec.uncancelled", what=e.title, day=e.day), target.year)
        if not target.recorded and set(record) <= {*IDENTITY, "agenda"}:
            # only an ordre du jour was recorded (it confirms no date): confirming records the
            # date the occurrence shows
            _put(record, "date", e.day, OCCURRENCE_ORDER)
            return ed.edit(text("rec.confirmed", what=e.title, day=e.day), target.year)
        raise Nothing(text("rec.already-confirmed", what=e.title, day=e.day))
    _occurrence(ed, target)
    return ed.edit(text("rec.confirmed", what=e.title, day=e.day), target.year)


@dataclass(frozen=True)
class Facts:
    """What `record` (and `add`) can say about a meeting."""

    chair: tuple[str, ...] = ()
    secretariat: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    attendance: tuple[tuple[str, int], ...] = ()
    location: str | None = None
    note: str | None = None

    def empty(self) -> bool:
        return not (self.chair or self.secretariat or self.participants or self.attendance
                    or self.location or self.note)


def _selector(values: tuple[str, ...]) -> Any:
    return values[0] if len(values) == 1 else writer.flow_list(values)


def _write_facts(record: Any, facts: Facts, order: tuple[str, ...]) -> None:
    for key in ("chair", "secretariat", "participants"):
        values = getattr(facts, key)
        if values:
            _put(record, key, _selector(values), order)
    if facts.attendance:
        current = record.get("attendance")
        merged = dict(current) if current else {}
        merged.update(facts.attendance)
        _put(record, "attendance", writer.flow_map(merged.items()), order)
        for key in ("excused", "absent"):  # present now: it leaves those lists (`attendance`)
            listed = record.get(key)
            if listed is None or not any(i in merged for i in listed):
                continue
            kept = [i for i in listed if i not in merged]
            if kept:
                record[key] = writer.flow_list(kept)
            else:
                del record[key]
    if facts.location:
        _put(record, "location", writer.quoted(facts.location), order)
    if facts.note:
        _put(record, "note", _note(facts.note), order)


def record_facts(ed: Editor, target: Target, facts: Facts) -> Edit:
    e = target.event
    if facts.empty():
        raise InputError(text("rec.record-empty"))
    if target.meeting_type != e.meeting_type:
        # a type held as one event with another (the CREDD's political session with the
        # RBC): the event reads its own type's entry, where `attendance` & co. record too
        target = Target(e, e.meeting_type, e.body, target.recorded)
    record = _record(ed, target)
    _write_facts(record, facts, EVENT_ORDER if target.recorded else OCCURRENCE_ORDER)
    return ed.edit(text("rec.recorded", what=e.title, day=e.day), target.year)


def add(ed: Editor, type_id: str, body: str | None, on: date, slot: TimeSlot | None,
        days: int | None, title: str | None, key: str | None, convened_by: str | None,
        trigger: str | None, facts: Facts) -> Edit:
    model = ed.model
    mt = model.meeting_types[type_id]
    if body is None and len(mt.bodies) > 1:
        raise InputError(text("rec.add-body", type=type_id, known=", ".join(mt.bodies)))
    doc = ed.year_doc(on.year)
    events = writer.ensure_list(doc.data, "events", after=("occurrences", "year"))
    taken = {str(item.get("key")) for _, item in writer.items(events)
             if item.get("type") == type_id and item.get("key")}
    if key is None:  # names the event: its UID stays if it is moved later
        key, n = f"{on:%Y%m%d}", 2
        while key in taken:
            key, n = f"{on:%Y%m%d}-{n}", n + 1
    elif key in taken:
        raise InputError(text("rec.key-taken", key=key, type=type_id))
    record = writer.new_map([("type", type_id)])
    if body is not None:
        record["body"] = body
    record["date"] = on
    record["key"] = writer.quoted(key)
    if slot:
        record["time"] = f"{slot.start:%H:%M}-{slot.end:%H:%M}"
    if days and days > 1:
        record["days"] = days
    if title:
        record["title"] = writer.quoted(title)
    if convened_by:
        record["convened_by"] = convened_by
    if trigger:
        record["trigger"] = trigger
    _write_facts(record, facts, EVENT_ORDER)
    events.append(record)
    name = Text(title, title) if title else mt.name
    return ed.edit(text("rec.added", what=name, day=on), on.year)


# --- holidays ------------------------------------------------------------------------------------


HOLIDAYS_FILE = "holidays.yaml"
HOLIDAYS_HEAD = ("official_dates", "days_off", "not_holidays")


def holiday_confirm(ed: Editor, holiday: str, year: int, on: date, source: str | None
                    ) -> Edit:
    if holiday not in ISLAMIC_HOLIDAYS:
        raise InputError(text("rec.holiday-unknown", holiday=holiday,
                              known=", ".join(ISLAMIC_HOLIDAYS)))
    if on.year != year:
        raise InputError(text("rec.holiday-year", day=on, year=year))
    doc = ed.doc(HOLIDAYS_FILE)
    dates = writer.ensure_list(doc.data, "official_dates")
    name = Text(*ISLAMIC_NAMES[holiday])
    for _, item in writer.items(dates):
        day = writer.as_date(item.get("date"))
        if item.get("holiday") == holiday and day is not None and day.year == year:
            if day == on:  # (its recorded source stays)
                raise Nothing(text("rec.holiday-same", what=name, day=on))
            item["date"] = on
            if source:
                _set(item, "source", writer.quoted(source), ("date",))
            return ed.edit(text("rec.holiday-changed", what=name, day=on, before=day), year)
    record = writer.new_map([("holiday", holiday), ("date", on)])
    if source:
        record["source"] = writer.quoted(source)
    dates.append(record)
    return ed.edit(text("rec.holiday-confirmed", what=name, day=on), year)


def holiday_add(ed: Editor, on: date, name: str, source: str | None, every_year: bool
                ) -> Edit:
    doc = ed.doc(HOLIDAYS_FILE)
    days_off = writer.ensure_list(doc.data, "days_off", after=("official_dates",))
    day_words = f"{on.day} {i18n.MONTHS['fr'][on.month - 1]}"
    for _, item in writer.items(days_off):
        if every_year and str(item.get("day", "")).strip().lower() == day_words:
            raise Nothing(text("rec.day-off-same", day=day_words))
        if not every_year and writer.as_date(item.get("date")) == on:
            raise Nothing(text("rec.day-off-same", day=on))
    if every_year:
        record = writer.new_map([("day", day_words), ("every_year_from", on.year)])
    else:
        record = writer.new_map([("date", on)])
    record["name"] = writer.quoted(name)
    if source:
        record["source"] = writer.quoted(source)
    days_off.append(record)
    if every_year:
        return ed.edit(text("rec.day-off-every", day=day_words, year=on.year, name=name),
                       on.year)
    return ed.edit(text("rec.day-off", day=on, name=name), on.year)


# --- roles ---------------------------------------------------------------------------------------


ROLE_ORDER = ("year", "chef_de_file", "cdf_deputy", "troika", "un_coordinating_agency",
              "tripartite", "nexus_focal_points", "gd_members", "source")


@dataclass(frozen=True)
class Roles:
    chef_de_file: str | None = None
    cdf_deputy: str | None = None
    troika: tuple[str, ...] = ()
    un_coordinating_agency: str | None = None
    tripartite: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def empty(self) -> bool:
        return not (self.chef_de_file or self.cdf_deputy or self.troika
                    or self.un_coordinating_agency or self.tripartite)


def roles(ed: Editor, year: int, given: Roles) -> Edit:
    if given.empty():
        raise InputError(text("rec.roles-empty"))
    doc = ed.doc("roles.yaml")
    years = writer.ensure_list(doc.data, "years")
    entry = next((item for _, item in writer.items(years) if item.get("year") == year), None)
    if entry is None:
        entry = writer.new_map([("year", year)])
        position = next((i for i, item in writer.items(years)
                         if isinstance(item.get("year"), int) and item["year"] > year),
                        len(years))
        years.insert(position, entry)
    for key in ("chef_de_file", "cdf_deputy", "un_coordinating_agency"):
        value = getattr(given, key)
        if value:
            _put(entry, key, value, ROLE_ORDER)
    if given.troika:
        _put(entry, "troika", writer.flow_list(given.troika), ROLE_ORDER)
    if given.tripartite:
        current = entry.get("tripartite")
        table = current if isinstance(current, writer.Map) else writer.new_map([])
        for gt, members in given.tripartite:
            table[gt] = writer.flow_list(members)
        if current is not table:
            _put(entry, "tripartite", table, ROLE_ORDER)
    return ed.edit(text("rec.roles", year=year), year)


class Nothing(Exception):
    """The verb would change nothing: said, and nothing is written."""

    def __init__(self, message: Text):
        super().__init__(message.fr)
        self.text = message
