"""Write a set of files so that each appears only complete, nothing that is not ptfcal's is
touched, and a failed run changes nothing.

Every new or changed file is first written to a temporary file beside its target and fsynced;
only when all of them are written are they renamed over their targets (rename is atomic on
POSIX and Windows), the hidden ones (the change-tracking state) last. Each replaced file is
kept (a hard link, else a copy) until every rename has succeeded: if one fails, the renames
already done are rolled back, and the message says so. Unchanged files are not rewritten, so
their modification time (and a web server's ETag) stays put. Nothing is ever deleted but the
temporary files ptfcal itself made.

Never touched: a path inside OUT that is a symbolic link or not a regular file (folder or
file), and a file ptfcal did not publish (`owned` says which it did).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError
from ..fileio import TooBig, read_bounded
from ..filesystem import in_use, replace, sync_folder
from ..i18n import text
from ..locking import FolderLock

MAX_LISTED = 5  # paths named in one refusal
MAX_OWN = 50 * 1024 * 1024  # bytes of an existing --output read to tell whether it is ours
# Linux's sync(2) returns once everything is on disk: one call for a thousand files instead of
# a thousand fsyncs (the bulk of a ten-year run). Elsewhere each file is fsynced.
ONE_SYNC = sys.platform == "linux"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)  # new or changed
    created: list[str] = field(default_factory=list)  # of `written`: did not exist
    unchanged: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # every file's size, in bytes


class OutputFolder:
    """OUT, locked for the time of a publication: read its state and feeds, then write."""

    def __init__(self, root: Path, create: bool = True):
        self.root = root
        self.create = create
        self.created: list[Path] = []  # folders this run made (removed again if it fails)
        self.lock: FolderLock | None = None

    def __enter__(self) -> OutputFolder:
        try:
            if self.root.is_symlink() and not self.root.is_dir():
                raise OutputError(text("out.not-folder", where=self.root))
            if self.root.exists() and not self.root.is_dir():
                raise OutputError(text("out.not-folder", where=self.root))
            if self.create:
                _make_folder(self.root, self.created)
            if self.root.is_dir():
                self.lock = FolderLock(self.root)
                self.lock.acquire()
        except OSError as exc:
            self._undo_folders()
            raise OutputError(_explain(exc, self.root)) from None
        except BaseException:
            self._undo_folders()
            raise
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if self.lock is not None:
            self.lock.release()
        if exc is not None:
            self._undo_folders()

    def _undo_folders(self) -> None:
        for folder in reversed(self.created):
            with contextlib.suppress(OSError):
                (folder / ".ptfcal.lock").unlink(missing_ok=True) if folder == self.root \
                    else None
                folder.rmdir()
        self.created.clear()

    # --- reading -----------------------------------------------------------------------

    def read(self, rel: str, limit: int) -> bytes | None:
        """A file of OUT ptfcal may read (a regular file, reached through no link), or None
        if there is none. At most `limit` bytes: a larger one is refused."""
        path = self._checked(rel)
        try:
            info = path.lstat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise OutputError(_explain(exc, path)) from None
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(text("out.foreign-kind", where=path))
        try:
            return read_bounded(path, limit, follow_links=False)
        except TooBig:
            raise OutputError(text("out.too-big", where=path, limit=f"{limit:,}")) from None
        except OSError as exc:
            raise OutputError(_explain(exc, path)) from None

    def files(self, pattern: str) -> Iterator[str]:
        """Paths (relative to OUT) of the regular files matching `pattern` (a glob relative to
        OUT), reached through no link."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob(pattern)):
            rel = path.relative_to(self.root).as_posix()
            try:
                self._checked(rel)
            except OutputError:
                continue
            if path.is_file() and not path.is_symlink():
                yield rel

    def _checked(self, rel: str) -> Path:
        """root/rel, after making sure no folder on the way is a link or not a folder."""
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts) or "\\" in rel or "\0" in rel:
            raise OutputError(text("out.bad-path", path=rel))
        folder = self.root
        for part in parts[:-1]:
            folder = folder / part
            try:
                info = folder.lstat()
            except FileNotFoundError:
                return self.root / rel
            except OSError as exc:
                raise OutputError(_explain(exc, folder)) from None
            if stat.S_ISLNK(info.st_mode):
                raise OutputError(text("out.link", where=folder))
            if not stat.S_ISDIR(info.st_mode):
                raise OutputError(text("out.foreign-kind", where=folder))
        return self.root / rel

    # --- writing -----------------------------------------------------------------------

    def write(self, files: Mapping[str, bytes], owned: Callable[[str, bytes], bool],
              dry_run: bool = False) -> WriteReport:
        """Make OUT hold `files` (relative path -> bytes). `owned(rel, head)` says whether an
        existing file at `rel` (its first bytes: `head`) is one ptfcal published; any other
        file in the way, any link, and any non-regular file stop the run before a byte is
        written. With `dry_run`, only compares."""
        report = WriteReport()
        pending: list[tuple[Path, Path, str]] = []  # (temporary, target, rel)
        order = sorted(files, key=lambda rel: (Path(rel).name.startswith("."), rel))
        foreign: list[str] = []
        try:
            if not dry_run:
                self._remove_stale_temporaries(order)
            for rel in order:
                target = self._checked(rel)
                data = files[rel]
                report.sizes[rel] = len(data)
                try:
                    info = target.lstat()
                except FileNotFoundError:
                    info = None
                if info is not None:
                    if stat.S_ISLNK(info.st_mode):
                        raise OutputError(text("out.link", where=target))
                    if not stat.S_ISREG(info.st_mode):
                        raise OutputError(text("out.foreign-kind", where=target))
                    if _same(target, data):
                        report.unchanged.append(rel)
                        continue
                    if not owned(rel, _head(target)):
                        foreign.append(rel)
                        continue
                else:
                    report.created.append(rel)
                report.written.append(rel)
                if not dry_run:
                    _make_folder(target.parent, self.created)
                    pending.append((_write_temp(target, data, sync=not ONE_SYNC), target, rel))
            if foreign:
                listed = ", ".join(foreign[:MAX_LISTED]) + (" …" if len(foreign) > MAX_LISTED
                                                            else "")
                raise OutputError(text("out.foreign", count=len(foreign), where=self.root,
                                       paths=listed))
        except BaseException as exc:
            for temp, _, _ in pending:
                temp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise OutputError(_explain(exc, self.root)) from None
            raise
        if not dry_run:
            if ONE_SYNC and pending:
                os.sync()  # every temporary on disk before the first rename: one call, not N
            self._rename(pending)
            sync_folder(self.root)
            self.created.clear()  # the folders hold the new files now: keep them
        return report

    def _rename(self, pending: list[tuple[Path, Path, str]]) -> None:
        """Every temporary over its target; on the first failure, every target back as it
        was (or, if even that fails, a message naming exactly what was published)."""
        done: list[tuple[Path, Path | None]] = []  # (target, its previous content kept)
        try:
            for temp, target, _ in pending:
                backup = _keep(target)
                try:
                    replace(temp, target)
                except BaseException:
                    if backup is not None:
                        backup.unlink(missing_ok=True)
                    raise
                done.append((target, backup))
        except OSError as exc:
            for temp, _, _ in pending:
                temp.unlink(missing_ok=True)
            failed = _roll_back(done)
            if failed:
                published = ", ".join(p.relative_to(self.root).as_posix() for p in failed)
                raise OutputError(text("out.partial", where=exc.filename or self.root,
                                       why=_why(exc), paths=published)) from None
            raise OutputError(_explain(exc, self.root)) from None
        for _, backup in done:
            if backup is not None:
                backup.unlink(missing_ok=True)

    def _remove_stale_temporaries(self, paths: list[str]) -> None:
        """Temporary files and kept copies left by a run that was killed before it finished:
        exactly the names `_write_temp` and `_keep` make (`.<name>.<8 characters>.tmp`) for a
        file this run writes. Called with the folder locked, so no other run is writing."""
        by_folder: dict[Path, set[str]] = {}
        for rel in paths:
            target = self._checked(rel)
            by_folder.setdefault(target.parent, set()).add(target.name)
        for folder, names in sorted(by_folder.items()):
            if not folder.is_dir() or folder.is_symlink():
                continue
            for temp in folder.glob(".*.tmp"):
                m = _TEMPORARY.fullmatch(temp.name)
                if m and m["name"] in names and temp.is_file() and not temp.is_symlink():
                    temp.unlink(missing_ok=True)


_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.tmp")


def _keep(target: Path) -> Path | None:
    """The content of `target` kept under a temporary name until the run succeeds (None:
    there is no such file)."""
    if not target.exists():
        return None
    # (not `secrets`: it imports hashlib, and with it OpenSSL, 3.6 MiB of peak memory)
    backup = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    if os.name == "nt":
        # a copy: on Windows a second name of a file another program holds open cannot be
        # deleted until it closes the file (the kept copy would stay behind); the bytes only
        # (copy2's CopyFile2 adds nothing a publication needs)
        shutil.copyfile(target, backup)
        return backup
    try:
        os.link(target, backup)
    except OSError:  # a file system without hard links: a copy
        shutil.copy2(target, backup)
    return backup


def _roll_back(done: list[tuple[Path, Path | None]]) -> list[Path]:
    """Undo the renames of `done`; the targets that could not be restored."""
    failed = []
    for target, backup in reversed(done):
        try:
            if backup is None:
                target.unlink()
            else:
                os.replace(backup, target)
        except OSError:
            failed.append(target)
    return sorted(failed)


def _make_folder(folder: Path, created: list[Path]) -> None:
    missing = []
    while not folder.is_dir():
        if folder.is_symlink():
            raise OutputError(text("out.link", where=folder))
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _same(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        with _open_nofollow(path) as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _head(path: Path, size: int = 4096) -> bytes:
    try:
        with _open_nofollow(path) as handle:
            return handle.read(size)
    except OSError:
        return b""


def _open_nofollow(path: Path):
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK",
                                                                              0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _write_temp(target: Path, data: bytes, sync: bool = True) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _why(exc: OSError):
    if in_use(exc):  # before EACCES: Windows says "access denied" for a file open elsewhere
        return text("out.in-use")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return text("out.full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return text("out.denied")
    return exc.strerror or str(exc)


def _explain(exc: OSError, root: Path):
    return text("out.cannot-write", where=exc.filename or root, why=_why(exc))


def publication_around(path: Path) -> Path | None:
    """The published folder `path` is in, or is: the nearest folder, itself or above it, that
    holds ptfcal's change-tracking state (links followed). None outside any publication.
    Personal data (a distribution list, an outbox, the register) must never be there."""
    from .tracking import STATE_FILE

    here = Path(os.path.realpath(path))
    for folder in (here, *here.parents):
        if os.path.lexists(folder / STATE_FILE):
            return folder
    return None


def year_folders(root: Path) -> tuple[int, ...]:
    """The yearly archives already in an output folder."""
    if not root.is_dir():
        return ()
    return tuple(sorted(int(p.name) for p in root.iterdir()
                        if p.is_dir() and not p.is_symlink() and p.name.isdigit()
                        and len(p.name) == 4))


def write_own_file(path: Path, data: bytes, ours: Callable[[bytes], bool] | None, limit: int,
                   refused: str, remember: bool = False) -> bool:
    """Write one document the user named (`minutes --output`), atomically, over nothing but a
    file of ptfcal's: a file already at `path` is replaced only if `ours(its bytes)` (read
    through no link, at most `limit` bytes) or, with `remember`, if the ledger of written files
    (publish/ledger.py) holds its bytes for that path; otherwise, and for a link or anything
    that is not a regular file, the message `refused` (with {where}) and nothing written.
    `remember`: for a format with no seal of its own (a CSV, plain text), the bytes written
    are noted in that ledger (before the file is put in place: if the ledger cannot be
    written, neither is the file). True: the file is new."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(_explain(exc, path)) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(text("out.link-file", where=path))
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(text("out.not-regular", where=path))
        try:
            existing = read_bounded(path, limit, follow_links=False)
        except TooBig:
            existing = None
        except OSError as exc:
            raise OutputError(_explain(exc, path)) from None
        mine = existing is not None and ours is not None and ours(existing)
        if existing is not None and not mine and remember:
            from . import ledger

            mine = ledger.holds(path, existing)
        if not mine:
            raise OutputError(text(refused, where=path))
        if existing == data:
            if remember:
                from . import ledger

                with contextlib.suppress(OutputError):  # nothing written either way
                    ledger.record(path, data)  # an identical file accepted: ours from now on
            return False
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(text("out.cannot-write", where=path, why=text("out.no-folder")))
    try:
        temp = _write_temp(path, data)
        try:
            if remember:
                from . import ledger

                ledger.record(path, data)
            replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(_explain(exc, path)) from None
    sync_folder(folder)
    return info is None
