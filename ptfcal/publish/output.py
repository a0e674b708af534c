"""Write a set of files so that each appears only complete, and a failed run changes nothing.

Every new or changed file is first written to a temporary file beside its target and fsynced;
only when all of them are written are they renamed over their targets (rename is atomic on
POSIX and Windows). If anything fails before that point, the temporary files are removed and
the previous files are untouched. Unchanged files are not rewritten, so their modification time
(and a web server's ETag) stays put.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_tree(root: Path, files: Mapping[str, bytes],
               managed: tuple[str, ...] = ()) -> WriteReport:
    """Make `root` hold `files` (relative path -> bytes).

    Files under the `managed` sub-folders that are not in `files` any more are removed (after
    every new file is in place): ptfcal owns those folders (hidden files are left alone).
    Hidden files (the change-tracking state) are renamed last: a run killed among the renames
    leaves the previous state, so the next run recomputes the same new feeds.
    """
    report = WriteReport()
    pending: list[tuple[Path, Path]] = []  # (temporary, target)
    created: list[Path] = []  # folders made by this run, removed again if it fails
    order = sorted(files, key=lambda rel: (Path(rel).name.startswith("."), rel))
    lock = None
    try:
        _make_folder(root, created)
        lock = _lock(root)
        _remove_stale_temporaries(root, order)
        for rel in order:
            target = root / rel
            data = files[rel]
            if target.is_file() and _same(target, data):
                report.unchanged.append(rel)
                continue
            _make_folder(target.parent, created)
            pending.append((_write_temp(target, data), target))
            report.written.append(rel)
    except BaseException as exc:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        _unlock(lock)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise OutputError(_explain(exc, root)) from None
        raise
    try:
        try:
            for temp, target in pending:
                os.replace(temp, target)
        except OSError as exc:  # pragma: no cover - a rename within a folder hardly fails
            for temp, _ in pending:
                temp.unlink(missing_ok=True)
            raise OutputError(_explain(exc, root)) from None
        for folder in managed:
            base = root / folder
            if not base.is_dir():
                continue
            for path in sorted(p for p in base.iterdir() if p.is_file()
                               and not p.name.startswith(".")):
                rel = path.relative_to(root).as_posix()
                if rel not in files:
                    path.unlink()
                    report.removed.append(rel)
        _fsync_dir(root)
    finally:
        _unlock(lock)
    return report


def _lock(root: Path):
    """An exclusive lock on the output folder for the time of the writes, so that two runs
    (a scheduled one and a manual one) never mix their files. None where there is no flock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        from ..i18n import text

        raise OutputError(text("out.busy", where=root)) from None
    return fd


def _unlock(fd) -> None:
    if fd is not None:
        os.close(fd)  # closing the descriptor releases the lock


def _make_folder(folder: Path, created: list[Path]) -> None:
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _remove_stale_temporaries(root: Path, paths: list[str]) -> None:
    """Temporary files left by a run that was killed before its renames: exactly the names
    `_write_temp` makes (`.<name>.<8 random characters>.tmp`) for a file this run writes.
    Called with the folder locked, so no other run is writing them."""
    by_folder: dict[Path, set[str]] = {}
    for rel in paths:
        target = root / rel
        by_folder.setdefault(target.parent, set()).add(target.name)
    for folder, names in sorted(by_folder.items()):
        if not folder.is_dir():
            continue
        for temp in folder.glob(".*.tmp"):
            m = _TEMPORARY.fullmatch(temp.name)
            if m and m["name"] in names and temp.is_file():
                temp.unlink(missing_ok=True)


_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_temp(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _explain(exc: OSError, root: Path):
    from ..i18n import text

    where = exc.filename or root
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        why = text("out.full")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = text("out.denied")
    else:
        why = exc.strerror or str(exc)
    return text("out.cannot-write", where=where, why=why)


def read_state(root: Path):
    """The change-tracking state of an output folder (empty if there is none)."""
    from .tracking import STATE_FILE, State

    try:
        return State.parse((root / STATE_FILE).read_bytes())
    except OSError:
        return State()


def year_folders(root: Path) -> tuple[int, ...]:
    """The yearly archives already in an output folder."""
    if not root.is_dir():
        return ()
    return tuple(sorted(int(p.name) for p in root.iterdir()
                        if p.is_dir() and p.name.isdigit() and len(p.name) == 4))
