"""The journal of edits: `ptfcal undo` restores the files byte for byte, last edit first.

One JSON file per edit in `<config>/.ptfcal-journal/` (`000001.json`, …), holding for each file
its text before (null: the edit created it) and after. Undo refuses when a file was changed
since (by hand or by a later edit that is not in the journal): restoring it would lose that
change. The folder and its files are ptfcal's: written atomically, never through a link.

The journal is bounded: it keeps the last MAX_ENTRIES edits and at most MAX_BYTES in all; an
edit that would go beyond drops the oldest entries (those undo levels are gone, and the edit
says so). An entry is read only if it is a regular file of at most MAX_BYTES, and its paths
must stay inside the configuration folder (a hand-made `../elsewhere` or `/etc/x` is a
damaged entry, never a file undo writes or deletes).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from .. import filesystem
from ..errors import InputError
from ..fileio import IsLink, NotRegular, TooBig, read_bounded
from ..i18n import text
from ..model import Text

FOLDER = ".ptfcal-journal"
ENTRY = re.compile(r"^(\d{6})\.json$")
VERSION = 1
MAX_ENTRIES = 100  # undo levels kept
MAX_BYTES = 50_000_000  # all entries together (one edit of the largest configuration: ~2 MB)
# what write_atomic leaves behind when killed: `.<name>.<8 random characters>.tmp`, for the
# files ptfcal writes in a configuration or an outbox folder (nothing else is ever removed)
TEMPORARY = re.compile(r"^\.(?:[^/\\]+\.yaml|\d{6}\.json)\.[a-z0-9_]{8}\.tmp$")


@dataclass(frozen=True)
class Entry:
    number: int
    summary: Text
    command: str
    files: dict[str, tuple[str | None, str]]  # relative path -> (before or None, after)


def _folder(config: Path, create: bool) -> Path:
    folder = config / FOLDER
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return folder
        folder.mkdir()
        return folder
    if not stat.S_ISDIR(info.st_mode):
        raise InputError(text("journal.not-folder", path=folder))
    return folder


def entries(config: Path) -> list[int]:
    folder = _folder(config, False)
    if not folder.is_dir():
        return []
    return sorted(int(m[1]) for p in folder.iterdir() if (m := ENTRY.match(p.name)))


def append(config: Path, summary: Text, command: str,
           files: dict[str, tuple[str | None, str]]) -> tuple[int, int]:
    """Write the entry of an edit: (its number, how many of the oldest entries were dropped
    to keep the journal within MAX_ENTRIES and MAX_BYTES)."""
    folder = _folder(config, True)
    numbers = entries(config)
    number = (numbers or [0])[-1] + 1
    doc = {"version": VERSION, "summary": {"fr": summary.fr, "en": summary.en},
           "command": command,
           "files": {rel: {"before": before, "after": after}
                     for rel, (before, after) in sorted(files.items())}}
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise InputError(text("journal.entry-too-big", size=f"{len(data):,}",
                              limit=f"{MAX_BYTES:,}"))
    sizes = {n: _size(folder / f"{n:06d}.json") for n in numbers}
    dropped = 0
    while numbers and (len(numbers) + 1 > MAX_ENTRIES
                       or sum(sizes[n] for n in numbers) + len(data) > MAX_BYTES):
        oldest = numbers.pop(0)
        with contextlib.suppress(FileNotFoundError):
            (folder / f"{oldest:06d}.json").unlink()
        dropped += 1
    write_atomic(folder / f"{number:06d}.json", data)
    return number, dropped


def _size(path: Path) -> int:
    try:
        return os.lstat(path).st_size
    except FileNotFoundError:
        return 0


def last(config: Path) -> Entry | None:
    numbers = entries(config)
    if not numbers:
        return None
    path = _folder(config, False) / f"{numbers[-1]:06d}.json"
    try:
        # a pipe or a link to /dev/zero in place of an entry would never end: bounded read
        doc = json.loads(read_regular(path).decode("utf-8"))
        files = {rel: (v["before"], v["after"]) for rel, v in doc["files"].items()}
        if doc.get("version") != VERSION or not all(
                isinstance(b, str | None) and isinstance(a, str) for b, a in files.values()):
            raise ValueError
        for rel, (b, a) in files.items():  # a lone surrogate (\udcff) cannot be written back
            f"{rel}{b or ''}{a}".encode()
        summary = Text(str(doc["summary"]["fr"]), str(doc["summary"]["en"]))
        f"{summary.fr}{summary.en}{doc.get('command')}".encode()  # printed: no lone surrogate
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError,
            RecursionError):  # RecursionError: JSON nested thousands deep
        raise InputError(text("journal.damaged", path=path)) from None
    for rel in files:
        if not inside(config, rel):
            raise InputError(text("journal.outside", path=path, file=rel))
    return Entry(numbers[-1], summary, str(doc.get("command", "")), files)


def inside(config: Path, rel: str) -> bool:
    """Whether `rel`, a journal's path, names a file of the configuration folder: relative,
    no `..`, no drive, and not leading out of the folder through a link."""
    if not rel or "\0" in rel or "\\" in rel:
        return False
    for pure in (PurePosixPath(rel), PureWindowsPath(rel)):
        if pure.is_absolute() or pure.drive or pure.root or ".." in pure.parts:
            return False
    try:
        top = config.resolve()
        return (config / rel).resolve().is_relative_to(top)
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name the system refuses
        return False


def drop(config: Path, number: int) -> None:
    (_folder(config, False) / f"{number:06d}.json").unlink()


def read_regular(path: Path) -> bytes:
    """A journal entry's bytes: a regular file, never through a link, at most MAX_BYTES."""
    try:
        return read_bounded(path, MAX_BYTES, follow_links=False)
    except (IsLink, NotRegular):
        raise InputError(text("journal.not-file", path=path)) from None
    except TooBig:
        raise InputError(text("journal.damaged", path=path)) from None
    except OSError as exc:
        raise InputError(text("journal.cannot-read", path=path, why=exc.strerror or exc)) \
            from None


def temporaries_of(name: str) -> re.Pattern[str]:
    """The names write_atomic gives its temporaries for a file `name`."""
    return re.compile(rf"^\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp$")


def remove_temporaries(folder: Path, pattern: re.Pattern[str] = TEMPORARY) -> list[str]:
    """Remove what write_atomic left in `folder` when a run was killed: regular files named
    as its temporaries (`pattern`), never a link or any other file. Call it holding the
    folder's lock (no other run is writing there). Returns the names removed."""
    removed: list[str] = []
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):  # a linked folder is not looked into
            return removed
        names = sorted(os.listdir(folder))
    except OSError:
        return removed
    for name in names:
        if not pattern.match(name):
            continue
        path = folder / name
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode):
                path.unlink()
                removed.append(name)
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file renamed over `path` (never a half-written file; a link
    at `path` is replaced, not followed)."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = stat.S_IMODE(os.lstat(path).st_mode)
        except FileNotFoundError:
            mode = 0o644
        os.chmod(temp, mode)
        filesystem.replace(temp, path)  # retried while another program holds `path` open
        # the rename itself reaches the disk (a power cut must not undo a recorded step)
        filesystem.sync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
