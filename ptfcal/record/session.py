"""Applying an edit: under the configuration folder's lock, the whole configuration is validated
with the edited files in memory, the consequences are worked out (the files' diff, the check
findings the edit adds and clears, the events the next publication changes), then — unless it
is a dry run — the journal entry is written, then the files, each atomically.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import filesystem
from ..checks.kinds import Finding
from ..config.workdir import refuse_bundled
from ..errors import InputError, OutputError
from ..fileio import TooBig, read_bounded
from ..i18n import text
from ..locking import FolderLock
from ..model import Model, Severity, Status, Text
from . import journal
from .verbs import Edit, Editor, Nothing

__all__ = ["Outcome", "EventChange", "apply", "undo", "Nothing"]


@dataclass(frozen=True)
class EventChange:
    """What subscribers would see of one event at the next publication."""

    kind: str  # added, moved, changed, cancelled, removed (publication.ChangeKind values)
    uid: str
    title: Text
    day: str  # ISO date
    before: str | None = None
    start: str | None = None
    before_start: str | None = None
    aspects: tuple[str, ...] = ()


@dataclass
class Outcome:
    summary: Text
    files: dict[str, tuple[str | None, str]]  # relative path -> (before, after)
    added: list[Finding] = field(default_factory=list)
    cleared: list[Finding] = field(default_factory=list)
    # information-level findings (the chair not verifiable until the roles are recorded…): not
    # counted with the errors and warnings, but never hidden behind "no change"
    notes_added: list[Finding] = field(default_factory=list)
    notes_cleared: list[Finding] = field(default_factory=list)
    changes: list[EventChange] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)  # the verb's (a day off allowed)
    # the meetings placed from a meeting the edit cancels, which keep their date
    kept: list[tuple[Text, date]] = field(default_factory=list)
    written: bool = False
    journal: int | None = None
    forgotten: int = 0  # the oldest journal entries dropped to keep the journal bounded
    language: str = "fr"  # the configuration's

    def diff(self) -> str:
        out = []
        for rel, (before, after) in sorted(self.files.items()):
            out += difflib.unified_diff((before or "").splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        f"a/{rel}" if before is not None else "/dev/null",
                                        f"b/{rel}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def apply(folder: Path, verb: Callable[[Editor], Edit], command: str, dry_run: bool,
          load: Callable[..., Model]) -> Outcome:
    """Run `verb` on the configuration at `folder` (loaded by `load`), validate, preview and,
    unless `dry_run`, write. Raises Nothing when the edit changes nothing, ConfigError when the
    edited configuration is not valid (nothing written in both cases). The configuration
    shipped with ptfcal is never edited (InputError, before even its lock is taken)."""
    refuse_bundled(folder)
    with FolderLock(folder):
        model = load(folder)
        editor = Editor(folder, model)
        edit = verb(editor)
        if not edit.files:
            raise Nothing(edit.summary)
        for rel in edit.files:
            _check_writable(folder, rel)
        after = load(folder, edit.files)
        from ..calendar import readiness

        readiness.check(after, sorted(edit.years))
        before_texts = {rel: (None if rel in editor.created else editor.docs[rel].original)
                        for rel in edit.files}
        outcome = Outcome(edit.summary, {rel: (before_texts[rel], new)
                                         for rel, new in edit.files.items()},
                          warnings=list(edit.warnings), language=model.settings.language)
        _consequences(model, after, sorted(edit.years), outcome)
        if dry_run:
            return outcome
        _remove_temporaries(folder, outcome.files)
        outcome.journal, outcome.forgotten = journal.append(folder, edit.summary, command,
                                                            outcome.files)
        try:
            _write_all(folder, outcome.files)
        except Partial:
            raise  # the journal keeps the edit: `ptfcal undo` puts back what was written
        except OutputError:
            journal.drop(folder, outcome.journal)  # nothing was written: nothing to undo
            raise
        outcome.written = True
        return outcome


def undo(folder: Path) -> tuple[journal.Entry | None, bool]:
    """Undo the last journalled edit: (the entry, whether files were restored). An edit whose
    files were never written (a crash between the journal and the files) is only dropped."""
    refuse_bundled(folder)
    with FolderLock(folder):
        entry = journal.last(folder)
        if entry is None:
            return None, False
        current: dict[str, bytes | None] = {}
        for rel in entry.files:
            _check_writable(folder, rel)
            current[rel] = _current(folder / rel)
        # compared as bytes: a hand edit may have left bytes that are not UTF-8
        if all(current[rel] == _bytes(before) for rel, (before, _) in entry.files.items()):
            journal.drop(folder, entry.number)  # the edit never landed
            return entry, False
        changed = [rel for rel, (_, after) in entry.files.items()
                   if current[rel] != _bytes(after)]
        if changed:
            raise InputError(text("journal.changed-since", files=", ".join(sorted(changed)),
                                  what=entry.summary))
        _remove_temporaries(folder, entry.files)
        _write_all(folder, {rel: (after, before) for rel, (before, after) in entry.files.items()})
        journal.drop(folder, entry.number)
        return entry, True


class Partial(OutputError):
    """Some files of an edit were written and could not be put back."""


def _write_all(folder: Path, files: dict[str, tuple[str | None, str | None]]) -> None:
    """Each file from its current text to its new one (None: no such file), atomically. When
    one cannot be written (on Windows: open in Excel or an editor that does not share it), the
    files already written get their previous text back and OutputError names the file: all
    of them change, or none."""
    done: list[tuple[Path, str | None]] = []
    try:
        for rel, (current, new) in sorted(files.items()):
            path = folder / rel
            _put(path, new)
            done.append((path, current))
    except OSError as exc:
        stuck = []
        for path, current in reversed(done):
            try:
                _put(path, current)
            except OSError:
                stuck.append(path)
        where = exc.filename or folder
        if stuck:
            raise Partial(text("rec.partial", path=where, why=exc.strerror or str(exc),
                               files=", ".join(str(p) for p in sorted(stuck)))) from None
        if filesystem.in_use(exc):
            raise OutputError(text("rec.in-use", path=where)) from None
        raise OutputError(text("rec.cannot-write", path=where,
                               why=exc.strerror or str(exc))) from None


def _put(path: Path, content: str | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)  # the edit created it
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    journal.write_atomic(path, content.encode("utf-8"))


def _check_writable(folder: Path, rel: str) -> None:
    """A configuration file an edit replaces must be a regular file, not a link, in folders
    that are not links either (ptfcal never writes through a link: a linked `years/` would
    take the edit elsewhere)."""
    path = folder
    parts = Path(rel).parts
    for n, part in enumerate(parts):
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return  # created by the edit, and the folders below it too
        last = n == len(parts) - 1
        if not last and not stat.S_ISDIR(info.st_mode):
            raise InputError(text("rec.linked-folder", path=path))
        if last and not stat.S_ISREG(info.st_mode):
            raise InputError(text("rec.not-regular", path=path))


def _current(path: Path) -> bytes | None:
    """A configuration file's bytes as they are now (None: there is none), read bounded."""
    from ..config.reader import MAX_FILE_BYTES

    try:
        return read_bounded(path, MAX_FILE_BYTES, follow_links=False)
    except FileNotFoundError:
        return None
    except TooBig:
        return b""  # not what the journal holds: refused as changed since
    except OSError as exc:
        raise InputError(text("journal.cannot-read", path=path, why=exc.strerror or exc)) \
            from None


def _bytes(content: str | None) -> bytes | None:
    return None if content is None else content.encode("utf-8")


def _remove_temporaries(folder: Path, files) -> None:
    """What killed edits left: ptfcal's own temporaries beside the files this edit writes,
    at the top of the configuration and in the journal (under the lock: no run is writing)."""
    places = {folder, folder / journal.FOLDER}
    for rel in files:
        places.add((folder / rel).parent)
    for place in sorted(places):
        journal.remove_temporaries(place)


def _key(f: Finding) -> tuple:
    return (f.rule, f.severity.value, f.message.fr, f.dates)


def _consequences(before: Model, after: Model, years: list[int], outcome: Outcome) -> None:
    from ..checks.audit import audit

    for year in years:
        old, new = audit(before, year), audit(after, year)
        old_keys = {_key(f) for f in old.findings}
        new_keys = {_key(f) for f in new.findings}
        for f in new.findings:
            if _key(f) not in old_keys:
                (outcome.notes_added if f.severity is Severity.INFO else outcome.added).append(f)
        for f in old.findings:
            if _key(f) not in new_keys:
                (outcome.notes_cleared if f.severity is Severity.INFO
                 else outcome.cleared).append(f)
        assert old.schedule is not None and new.schedule is not None
        found = changes(old.schedule.events, new.schedule.events)
        outcome.changes += found
        outcome.kept += kept(after, new.schedule.events,
                             {c.uid for c in found if c.kind == "cancelled"})


def kept(model: Model, events, cancelled: set[str]) -> list[tuple[Text, date]]:
    """The events placed from one of the `cancelled` occurrences (the coordinators on the
    Tuesday before a cancelled GEC), which stay where they were: (title, day)."""
    from ..calendar import rules
    from ..model import FirstAfter, Relative

    gone = [e for e in events if e.uid in cancelled]
    out = []
    for e in events:
        if e.status is Status.CANCELLED or e.uid in cancelled:
            continue
        rule = model.meeting_types[e.meeting_type].rule
        if not isinstance(rule, Relative | FirstAfter):
            continue
        source = rule.anchor if isinstance(rule, Relative) else rule.after
        bodies = model.meeting_types[source].bodies
        body = e.body if e.body in bodies else bodies[0]
        for g in gone:
            if g.meeting_type != source or g.body != body:
                continue
            if isinstance(rule, FirstAfter) or rules.relative_date(rule, g.nominal) == e.nominal:
                out.append((e.title, e.day))
                break
    return out


# what subscribers see of an event, by aspect (as the next publication names its changes);
# every other field of an event is in its description
_ASPECTS = {"status": ("status",), "title": ("title",), "place": ("location",),
            "time": ("end", "last_day")}
# what a meeting recorded (agenda, attendance, decisions, actions) is not in the feeds: no change
# to subscribers
_SEEN = {"day", "start", "record", "attendance",
         *(f for fields in _ASPECTS.values() for f in fields)}


def changes(was_events, now_events) -> list[EventChange]:
    """The events the next publication adds, moves, changes, cancels or removes."""
    from dataclasses import fields, replace

    was = {e.uid: e for e in was_events}
    now = {e.uid: e for e in now_events}
    out = []
    for uid, e in now.items():
        start = f"{e.start:%H:%M}" if e.start else None
        prior = was.get(uid)
        if prior is None:
            out.append(EventChange("added", uid, e.title, e.day.isoformat(), start=start))
            continue
        if prior == e or prior == replace(e, record=prior.record, attendance=prior.attendance):
            continue  # (what a meeting recorded is not published in the feeds)
        if e.status is Status.CANCELLED and prior.status is not Status.CANCELLED:
            kind = "cancelled"
        elif prior.day != e.day or prior.start != e.start:
            kind = "moved"
        else:
            kind = "changed"
        aspects = [name for name, names in _ASPECTS.items()
                   if any(getattr(prior, f) != getattr(e, f) for f in names)]
        if any(getattr(prior, f.name) != getattr(e, f.name) for f in fields(e)
               if f.name not in _SEEN):
            aspects.append("description")
        out.append(EventChange(kind, uid, e.title, e.day.isoformat(), prior.day.isoformat(),
                               start, f"{prior.start:%H:%M}" if prior.start else None,
                               tuple(aspects)))
    for uid, e in was.items():
        if uid not in now:
            out.append(EventChange("removed", uid, e.title, e.day.isoformat()))
    return out
