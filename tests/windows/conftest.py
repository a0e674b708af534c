"""The Windows lane's fixtures: the official Windows CPython under Wine (prepared once by
prepare.py), a working folder whose path has a space and accents, and running `ptfcal` there
with pipes for its standard streams, as a script or the Task Scheduler would."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
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

    @property
    def out(self) -> str:
        return self.raw_out.decode("utf-8")

    @property
    def err(self) -> str:
        return self.raw_err.decode("utf-8")


@pytest.fixture(scope="session")
def lane(testrun_uid: str) -> str:
    """Prepared once per run (cached under .wine-lane/), by whichever worker comes first:
    the interpreter's version. The prefix's Wine server is kept up between processes (each
    then starts in a fraction of a second instead of booting it again) and stops by itself
    a minute after the last one."""
    prepare.LANE.mkdir(exist_ok=True)
    stamp = prepare.LANE / "prepared"
    with open(prepare.LANE / "prepare.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists() and stamp.read_text().split("\n")[0] == testrun_uid:
            version = stamp.read_text().split("\n")[1]
        else:
            version = prepare.prepare()
            stamp.write_text(f"{testrun_uid}\n{version}")
    subprocess.run([prepare.wine_server(), "-p60"], env=prepare.wine_env(), check=False,
                   stderr=subprocess.DEVNULL)
    return version


def windows(*args: str, cwd: Path, env: dict | None = None, timeout: int = 300,
            stdin: bytes = b"") -> Run:
    """`python.exe <args>` on the Windows interpreter, in `cwd`, stdin/stdout/stderr pipes."""
    done = subprocess.run([prepare.wine(), str(prepare.PYTHON_DIR / "python.exe"), *args],
                          cwd=cwd, env={**prepare.wine_env(), "COLUMNS": "200", **(env or {})},
                          input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout)
    return Run(done.returncode, done.stdout, done.stderr)


def ptfcal(*args: str, cwd: Path, code: int | None = 0, env: dict | None = None) -> Run:
    result = windows("-m", "ptfcal", *args, cwd=cwd, env=env)
    if code is not None:
        assert result.code == code, (result.code, result.raw_out.decode(errors="replace"),
                                     result.raw_err.decode(errors="replace"))
    return result


class Holder:
    """A Windows process holding a file open as Excel or a viewer does: `open()` in CPython
    on Windows shares reading and writing, never deletion, so nothing can be renamed over the
    file while it is open."""

    def __init__(self, path: Path, cwd: Path):
        code = ("import sys\n"
                f"f = open(r'{prepare.windows_path(path)}', 'rb')\n"
                "print('open', flush=True)\n"
                "sys.stdin.read()\n")
        self.process = subprocess.Popen(
            [prepare.wine(), str(prepare.PYTHON_DIR / "python.exe"), "-c", code], cwd=cwd,
            env=prepare.wine_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line.strip() == b"open", (line, self.process.stderr.read())  # type: ignore

    def close(self) -> None:
        self.process.communicate(timeout=60)
        assert self.process.returncode == 0


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
