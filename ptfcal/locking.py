"""One ptfcal at a time per folder: an exclusive lock on `<folder>/.ptfcal.lock`.

Publishing (the output folder) and editing (the configuration folder) take it before they read
anything, and hold it until they have written everything, so two runs never interleave their
reads and writes. It is an OS lock on an open file (`flock` on POSIX, `LockFileEx` on Windows,
both with a shared and an exclusive mode): the OS releases it when the process ends, even
killed, so no stale lock survives a crash. The lock file is opened without following a link and
never truncated or deleted.
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
            if os.name == "nt":  # pragma: no cover - Windows (the Windows lane runs it)
                _windows_lock(fd, unlock=True)
            os.close(fd)  # on POSIX, closing the descriptor releases the lock


def _lock(fd: int, shared: bool = False) -> None:
    if os.name == "nt":  # pragma: no cover - Windows (the Windows lane runs it)
        _windows_lock(fd, shared)
        return
    import fcntl

    fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)


def _windows_lock(fd: int, shared: bool = False, unlock: bool = False) -> None:
    """`LockFileEx` on the first byte: shared or exclusive, failing at once (BlockingIOError)
    when another process holds it. (`msvcrt.locking` has no shared mode: two `generate` runs
    reading the same configuration would refuse each other.)"""
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class Overlapped(ctypes.Structure):  # offset 0, no event
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                    ("hEvent", wintypes.HANDLE)]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
    overlapped = Overlapped()
    if unlock:
        kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(overlapped))
        return
    fail_immediately, exclusive = 0x1, 0x2
    flags = fail_immediately | (0 if shared else exclusive)
    if not kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(overlapped)):
        error = ctypes.get_last_error()
        if error == 33:  # ERROR_LOCK_VIOLATION: another process holds it
            raise BlockingIOError
        raise ctypes.WinError(error)
