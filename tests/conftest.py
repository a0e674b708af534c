"""Shared fixtures: the bundled configuration, schedules, a mutable copy of the configuration,
golden-file comparison, and running the real `ptfcal` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"
GOLDEN = ROOT / "tests" / "golden"


def pytest_configure(config: pytest.Config) -> None:
    """The holidays cache of this test session, not the user's (tests run hermetic)."""
    import tempfile

    os.environ["PTFCAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="ptfcal-cache-")
    # nor the user's sign-ins (`ptfcal login microsoft`'s token cache)
    os.environ["PTFCAL_STATE_DIR"] = tempfile.mkdtemp(prefix="ptfcal-state-")


WINDOWS_LANE = ROOT / "tests" / "windows"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The Windows lane (tests/windows, under Wine) runs only when named on the command line
    (`python -m pytest tests/windows`), never in the main suite."""
    if collection_path != WINDOWS_LANE:
        return None
    named = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    return not any(p == WINDOWS_LANE or WINDOWS_LANE in p.parents for p in named)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files (tests/golden, docs references, calendars/2020) from the "
        "current output instead of comparing",
    )


@cache
def bundled_model():
    from ptfcal.config import load

    return load(CONFIG)


@cache
def bundled_schedule(year: int):
    from ptfcal.publish.publication import build_schedule

    return build_schedule(bundled_model(), year)


@pytest.fixture(scope="session")
def model():
    return bundled_model()


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    """A copy of the bundled configuration that a test may edit."""
    target = tmp_path / "config"
    shutil.copytree(CONFIG, target, ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a configuration file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


@dataclass
class Result:
    code: int
    out: str
    err: str


IN_PROCESS_ENV = {"COLUMNS", "SOURCE_DATE_EPOCH", "PTFCAL_AGAINST_SECONDS",
                  "PTFCAL_SMTP_PASSWORD", "PTFCAL_SMTP_TOKEN_COMMAND", "PTFCAL_STATE_DIR"}


def run_ptfcal(*args: str, cwd: Path | None = None, env: dict | None = None,
               preexec=None, process: bool = False) -> Result:
    """Run the real command: its exit code, stdout and stderr.

    In this process (the command line's own entry point, with stdout, stderr, the working
    folder and the environment swapped for the call) unless the test needs a process of its
    own: `process=True`, a `preexec` (resource limits, dropped privileges), or environment
    variables that act on the interpreter (TZ, LANG, PYTHONHASHSEED…)."""
    if process or preexec is not None or set(env or {}) - IN_PROCESS_ENV:
        return _in_a_process(args, cwd, env, preexec)
    return _in_this_process(args, cwd, env)


def _in_this_process(args, cwd: Path | None, env: dict | None) -> Result:
    import contextlib
    import io

    from ptfcal.cli import main

    values = {"COLUMNS": "100", **(env or {})}
    saved = {key: os.environ.get(key) for key in [*values, "PTFCAL_DEBUG"]}
    streams = [io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
               for _ in range(2)]
    folder, argv = os.getcwd(), sys.argv
    code = 0
    try:
        os.environ.update(values)
        os.environ.pop("PTFCAL_DEBUG", None)
        os.chdir(cwd or ROOT)
        sys.argv = ["ptfcal", *args]
        with contextlib.redirect_stdout(streams[0]), contextlib.redirect_stderr(streams[1]):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
        os.chdir(folder)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    out, err = (s.buffer.getvalue().decode("utf-8") for s in streams)
    return Result(code, out, err)


def _in_a_process(args, cwd: Path | None, env: dict | None, preexec) -> Result:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", **(env or {})}
    full_env.pop("PTFCAL_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ptfcal", *args],
        cwd=cwd or ROOT, env=full_env, capture_output=True, text=True, encoding="utf-8",
        preexec_fn=preexec, timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def unprivileged() -> None:
    """In the child: as root, drop every capability (the bounding set, so that the exec'd
    interpreter gets none), so that file permissions apply to it as to anyone else."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, pr_cap_ambient, pr_cap_ambient_clear_all = 24, 47, 4
    libc.prctl(pr_cap_ambient, pr_cap_ambient_clear_all, 0, 0, 0)
    for capability in range(64):
        libc.prctl(pr_capbset_drop, capability, 0, 0, 0)


def assert_permissions_bind(folder: Path) -> None:
    """Fail (not skip) where `unprivileged` cannot make file permissions bind a child, e.g.
    as root without CAP_SETPCAP: the permission tests would prove nothing there."""
    probe = folder / "permission-probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        proc = subprocess.run([sys.executable, "-c", "open(__import__('sys').argv[1], 'w')",
                               str(probe / "x")], preexec_fn=unprivileged, capture_output=True)
    finally:
        probe.chmod(0o755)
        (probe / "x").unlink(missing_ok=True)
        probe.rmdir()
    assert proc.returncode != 0, "an unprivileged child can write into a read-only folder here"


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """compare(name, text_or_bytes): equal to tests/golden/<name>, or rewrite it with
    --update-golden."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, actual: str | bytes, where: Path = GOLDEN) -> None:
        path = where / name
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        assert path.exists(), f"missing golden file {path}: run pytest --update-golden"
        expected = path.read_bytes()
        if expected != data:
            import difflib

            diff = "\n".join(difflib.unified_diff(
                expected.decode("utf-8", "replace").splitlines(),
                data.decode("utf-8", "replace").splitlines(),
                f"golden/{name}", "actual", lineterm="", n=2))
            pytest.fail(f"{name} differs from its golden file (pytest --update-golden to "
                        f"accept):\n{diff[:6000]}")

    compare.update = update
    return compare
