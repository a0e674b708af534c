"""One ptfcal at a time per folder: an exclusive lock on `<folder>/.ptfcal.lock`.

Publishing (the output folder) and editing (the configuration folder) take it before they read
anything, and hold it until they have written everything, so two runs never interleave their
reads and writes. It is an OS lock on an open file (`flock` on POSIX, `msvcrt.locking` on
Windows): the OS releases it when the process ends, even killed, so no stale lock survives a
crash. The lock file is opened without following a link and never truncated or deleted.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import PtfcalError
from .i18n import text

LOCK_FILE = ".ptfcal.lock"


class Busy(PtfcalError):
    """Another ptfcal process holds the folder."""


class FolderLock:
    """`shared`: a reader's lock (publishing reads the configuration folder): readers share
    it, an editor's exclusive lock waits for none of them. A reader that cannot create the
    lock file (a read-only folder, which nobody edits either) reads without it."""

    def __init__(self, folder: Path, shared: bool = False):
        self.folder = folder
        self.shared = shared
        self.fd: int | None = None

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        path = self.folder / LOCK_FILE
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC",
                                                                                0)
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            if self.shared and isinstance(exc, PermissionError | FileNotFoundError):
                return
            raise PtfcalError(text("lock.cannot", path=path, why=exc.strerror or exc)) from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise PtfcalError(text("lock.cannot", path=path, why=text("lock.not-file")))
            _lock(fd, self.shared)
        except BlockingIOError:
            os.close(fd)
            raise Busy(text("lock.busy", where=self.folder)) from None
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the descriptor releases the lock


def _lock(fd: int, shared: bool = False) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise BlockingIOError from None
        return
    fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
