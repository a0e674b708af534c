"""The two file operations whose behaviour differs between POSIX and Windows.

- Syncing a folder (so that a rename reaches the disk) is a POSIX operation: `fsync` on a
  descriptor of the folder. Windows refuses to open a folder as a file (PermissionError), and
  NTFS journals its renames itself: there, nothing to do.
- Renaming a file over another (`os.replace`) fails on Windows while another program holds the
  target open without sharing deletion (Excel with a CSV, a viewer with a feed, an antivirus
  scanning it for a moment): `replace` retries briefly, then raises `InUse`, naming the file,
  and the target is left as it was (a rename either happens whole or not at all).
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

# Windows errors meaning "another program has this file open": access denied (what
# MoveFileEx reports for a target open without FILE_SHARE_DELETE), sharing violation, lock
# violation
_IN_USE_WINERRORS = frozenset({5, 32, 33})
# how long `replace` keeps trying (an antivirus or an indexer lets go within a moment; Excel
# does not, and the user is told)
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


class InUse(OSError):
    """The target is held open by another program (Windows); the rename did not happen."""


def posix_folder_sync(name: str = os.name) -> bool:
    """Whether folders are synced after a rename (on POSIX only)."""
    return name == "posix"


def sync_folder(path: Path) -> None:
    """Make the renames in `path` durable (POSIX); a no-op on Windows."""
    if not posix_folder_sync():
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) refuse to sync a folder; nothing more to do
    finally:
        os.close(fd)


def in_use(exc: BaseException) -> bool:
    """Whether `exc` says the file is open in another program (Windows sharing rules; ETXTBSY
    on POSIX)."""
    if isinstance(exc, InUse):
        return True
    if not isinstance(exc, OSError):
        return False
    return (getattr(exc, "winerror", None) in _IN_USE_WINERRORS
            or exc.errno == errno.ETXTBSY)


def replace(source: Path | str, target: Path | str,
            delays: tuple[float, ...] = RETRY_DELAYS) -> None:
    """`os.replace(source, target)`, retried while another program holds `target` open; then
    `InUse` (filename: the target). `source` is left for the caller to remove."""
    for delay in (*delays, None):
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if not in_use(exc):
                raise
            if delay is None:
                raise InUse(exc.errno, exc.strerror, str(target)) from None
            time.sleep(delay)
