"""The journal of edits: `ptfcal undo` restores the files byte for byte, last edit first.

One JSON file per edit in `<config>/.ptfcal-journal/` (`000001.json`, …), holding for each file
its text before (null: the edit created it) and after. Undo refuses when a file was changed
since (by hand or by a later edit that is not in the journal): restoring it would lose that
change. The folder and its files are ptfcal's: written atomically, never through a link.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..i18n import text
from ..model import Text

FOLDER = ".ptfcal-journal"
ENTRY = re.compile(r"^(\d{6})\.json$")
VERSION = 1


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
           files: dict[str, tuple[str | None, str]]) -> int:
    folder = _folder(config, True)
    number = (entries(config) or [0])[-1] + 1
    doc = {"version": VERSION, "summary": {"fr": summary.fr, "en": summary.en},
           "command": command,
           "files": {rel: {"before": before, "after": after}
                     for rel, (before, after) in sorted(files.items())}}
    write_atomic(folder / f"{number:06d}.json",
                 json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return number


def last(config: Path) -> Entry | None:
    numbers = entries(config)
    if not numbers:
        return None
    path = _folder(config, False) / f"{numbers[-1]:06d}.json"
    try:
        doc = json.loads(read_regular(path).decode("utf-8"))
        files = {rel: (v["before"], v["after"]) for rel, v in doc["files"].items()}
        if doc.get("version") != VERSION or not all(
                isinstance(b, str | None) and isinstance(a, str) for b, a in files.values()):
            raise ValueError
        summary = Text(doc["summary"]["fr"], doc["summary"]["en"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise InputError(text("journal.damaged", path=path)) from None
    return Entry(numbers[-1], summary, str(doc.get("command", "")), files)


def drop(config: Path, number: int) -> None:
    (_folder(config, False) / f"{number:06d}.json").unlink()


def read_regular(path: Path) -> bytes:
    """A regular file's bytes, never through a link."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(text("journal.not-file", path=path))
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
        os.replace(temp, path)
        # the rename itself reaches the disk (a power cut must not undo a recorded step)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
