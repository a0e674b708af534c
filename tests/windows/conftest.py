"""The Windows lane's fixtures: the official Windows CPython under Wine (prepared once by
prepare.py), a working folder whose path has a space and accents, and running `ptfcal` there
with pipes for its standard streams, as a script or the Task Scheduler would."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import CONFIG
from . import prepare

SAMPLE_PEOPLE = CONFIG.parent / "docs" / "people-sample.yaml"


@dataclass
class Run:
    code: int
    raw_out: bytes
    raw_err: bytes

    # text with Windows line ends (\r\n, what a pipe gets on Windows) read as \n
    @property
    def out(self) -> str:
        return self.raw_out.decode("utf-8").replace("\r\n", "\n")

    @property
    def err(self) -> str:
        return self.raw_err.decode("utf-8").replace("\r\n", "\n")


@pytest.fixture(scope="session")
def lane(testrun_uid: str) -> Iterator[str]:
    """Prepared once per run (cached under .wine-lane/), by whichever worker comes first:
    the interpreter's version. An idle Windows process stays up meanwhile, so the prefix's
    Wine server does not stop and boot again between two scenarios."""
    prepare.LANE.mkdir(exist_ok=True)
    stamp = prepare.LANE / "prepared"
    with open(prepare.LANE / "prepare.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists() and stamp.read_text().split("\n")[0] == testrun_uid:
            version = stamp.read_text().split("\n")[1]
        else:
            version = prepare.prepare()
            stamp.write_text(f"{testrun_uid}\n{version}")
    keeper = Holder("", prepare.LANE)
    try:
        yield version
    finally:
        keeper.__exit__()


def windows(*args: str, cwd: Path, env: dict | None = None, timeout: int = 240,
            stdin: bytes = b"") -> Run:
    """`python.exe <args>` on the Windows interpreter, in `cwd`, stdin/stdout/stderr pipes."""
    done = subprocess.run([prepare.wine(), str(prepare.PYTHON_DIR / "python.exe"), *args],
                          cwd=cwd, env={**prepare.wine_env(), "COLUMNS": "200", **(env or {})},
                          input=stdin, capture_output=True, timeout=timeout)
    return Run(done.returncode, done.stdout, done.stderr)


def ptfcal(*args: str, cwd: Path, code: int | None = 0, env: dict | None = None) -> Run:
    result = windows("-m", "ptfcal", *args, cwd=cwd, env=env)
    if code is not None:
        assert result.code == code, (result.code, result.raw_out.decode(errors="replace"),
                                     result.raw_err.decode(errors="replace"))
    return result


def on_console(*args: str, cwd: Path, code: int = 0) -> str:
    """`python.exe -m ptfcal <args>` in a terminal: Wine gives a process whose streams are a
    terminal a Windows console (Python writes to it as to any Windows console, in UTF-16);
    what the terminal shows, without its control sequences."""
    import os
    import pty
    import re
    import struct
    import termios

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    process = subprocess.Popen(
        [prepare.wine(), str(prepare.PYTHON_DIR / "python.exe"), "-m", "ptfcal", *args],
        cwd=cwd, env={**prepare.wine_env(), "TERM": "xterm"}, stdin=side, stdout=side,
        stderr=side, start_new_session=True)
    os.close(side)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the terminal's last writer is gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=300) == code
    shown = b"".join(chunks).decode("utf-8")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r", "", shown)


class Holder:
    """Another Windows process that holds something (`code` takes it) until closed; it says
    "ready" once it holds it."""

    def __init__(self, code: str, cwd: Path):
        self.process = subprocess.Popen(
            [prepare.wine(), str(prepare.PYTHON_DIR / "python.exe"), "-c",
             f"import sys\n{code}\nprint('ready', flush=True)\nsys.stdin.read()\n"],
            cwd=cwd, env=prepare.wine_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        assert self.process.stdout is not None and self.process.stderr is not None
        line = self.process.stdout.readline()
        assert line.strip() == b"ready", (line, self.process.stderr.read())

    def __enter__(self) -> Holder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.communicate(timeout=120)
        assert self.process.returncode == 0


def open_file(path: Path, cwd: Path) -> Holder:
    """A file held open as Excel or a viewer does: `open()` in CPython on Windows shares
    reading and writing, not deletion, so nothing can be renamed over the file meanwhile."""
    return Holder(f"f = open(r'{prepare.windows_path(path)}', 'rb')", cwd)


def folder_lock(folder: Path, cwd: Path, shared: bool) -> Holder:
    """Another ptfcal holding the folder's lock (shared: a publication reading it)."""
    return Holder("from pathlib import Path\nfrom ptfcal.locking import FolderLock\n"
                  f"lock = FolderLock(Path(r'{prepare.windows_path(folder)}'), "
                  f"shared={shared})\nlock.acquire()", cwd)


@pytest.fixture
def office(tmp_path: Path, lane: str) -> Path:
    """`…/Secrétariat SEG/` holding `config/`, a copy of the bundled configuration."""
    office = tmp_path / "Secrétariat SEG"
    shutil.copytree(CONFIG, office / "config", ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    return office


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
