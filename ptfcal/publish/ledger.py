"""Which single files ptfcal wrote, for the formats that have no room for a seal (a CSV, the
actions' text or JSON): a ledger, resolved path -> SHA-256 of the bytes written, kept in the
user's state folder (`convene.oauth.state_folder`, where `ptfcal login` keeps its token cache).
Each path keeps the digest of the previous write too: the new one is noted before the file is
renamed into place, and if that rename fails (Excel holds the CSV open on Windows) the file
left there is still recognised at the next run.

A file is ptfcal's if the ledger holds, for its path, the hash of its current bytes: a file the
user edited since (the secretariat's annotations in Excel) or wrote themselves is not. The
ledger is bounded (the `MAX_ENTRIES` most recent writes), replaced atomically, read and
rewritten under the state folder's lock (two runs at once each keep their entry), and a damaged
one (not JSON, not the expected shape, too big, a link) means that nothing is ptfcal's: the
writer refuses, it does not crash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..errors import OutputError
from ..fileio import read_bounded
from ..filesystem import replace, sync_folder
from ..i18n import text
from ..locking import Busy, FolderLock

LEDGER_FILE = "written.json"
MAX_ENTRIES = 1000  # the oldest writes beyond these are forgotten
MAX_BYTES = 8 * 1024 * 1024  # a larger ledger is damaged (1,000 long paths are ~4 MiB)
MARK = "ptfcal written files"
KEPT = 2  # digests per path: the previous write's and the latest
LOCK_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)  # waiting for another run's lock, in seconds
_DIGEST = re.compile(r"[0-9a-f]{64}")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(path: Path) -> str:
    """The ledger's name for `path`: its folder resolved (links followed, made absolute), its
    own name as given (the file itself is never reached through a link), case folded where
    the file system ignores case (Windows)."""
    folder = os.path.realpath(path.parent if str(path.parent) else Path("."))
    return os.path.normcase(os.path.join(folder, path.name))


def location(folder: Path | None = None) -> Path:
    if folder is None:
        from ..convene.oauth import state_folder

        folder = state_folder()
    return folder / LEDGER_FILE


def read(folder: Path | None = None) -> dict[str, list[str]]:
    """The ledger's entries, oldest first; empty when there is none or it is damaged."""
    path = location(folder)
    try:
        raw = read_bounded(path, MAX_BYTES, follow_links=False)
        content = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # missing, a link, too big, not JSON
        return {}
    if not isinstance(content, dict) or content.get("ptfcal") != MARK:
        return {}
    files = content.get("files")
    if not isinstance(files, dict):
        return {}
    if not all(isinstance(k, str) and isinstance(v, list) and 0 < len(v) <= KEPT
               and all(isinstance(d, str) and _DIGEST.fullmatch(d) for d in v)
               for k, v in files.items()):
        return {}
    return dict(files)


def holds(path: Path, existing: bytes, folder: Path | None = None) -> bool:
    """Whether ptfcal wrote exactly `existing` at `path` (and nobody changed it since)."""
    return digest(existing) in read(folder).get(key(path), ())


def record(path: Path, data: bytes, folder: Path | None = None) -> None:
    """Remember that ptfcal writes `data` at `path` (called before the file is renamed into
    place: if the ledger cannot be written, neither is the file)."""
    ledger = location(folder)
    state = ledger.parent
    try:
        state.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(state)
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            raise OutputError(text("out.not-folder", where=state))
        with _locked(state):
            if os.path.lexists(ledger) and not stat.S_ISREG(os.lstat(ledger).st_mode):
                raise OutputError(text("out.ledger-odd", where=ledger))
            entries = read(state)
            name = key(path)
            kept = [d for d in entries.pop(name, []) if d != digest(data)]
            entries[name] = [*kept[-(KEPT - 1):], digest(data)]
            while len(entries) > MAX_ENTRIES:
                del entries[next(iter(entries))]
            body = json.dumps({"ptfcal": MARK, "files": entries}, ensure_ascii=False,
                              indent=0).encode("utf-8") + b"\n"
            _write(ledger, body)
    except OSError as exc:
        raise OutputError(text("out.ledger-cannot", where=ledger,
                               why=exc.strerror or str(exc))) from None


@contextlib.contextmanager
def _locked(state: Path):
    lock = FolderLock(state)
    for delay in (*LOCK_DELAYS, None):
        try:
            lock.acquire()
            break
        except Busy:
            if delay is None:
                raise
            time.sleep(delay)
    try:
        yield
    finally:
        lock.release()


def _write(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
