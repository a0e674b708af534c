"""Crash-safe output: a run killed at any moment, or one that cannot write, loses nothing.

The kill test regenerates a published folder with a changed configuration and kills the real
process with SIGKILL at random moments. Afterwards every file must be exactly as before or
exactly as after an uninterrupted run, every feed must parse, and a new complete run must give
exactly the uninterrupted result. CI kills 8 runs, in two groups that run in parallel;
`PTFCAL_KILL_RUNS=200` is the nightly size (`PTFCAL_KILL_SEED` replays a sequence of moments).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import CONFIG, assert_permissions_bind, edit, run_ptfcal, unprivileged

KILLS = int(os.environ.get("PTFCAL_KILL_RUNS", "8"))
EPOCH = "1593561600"  # 2020-07-01 00:00 UTC: LAST-MODIFIED of changed events, reproducible
ARGS = ["generate", "2020", "--as-of", "2020-07-01"]


def _env() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONIOENCODING": "utf-8"}
    env.pop("PTFCAL_DEBUG", None)
    return env


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _temporaries(root: Path) -> list[str]:
    return [p.name for p in root.rglob(".*.tmp")]


def _generate(config: Path, out: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ptfcal", *ARGS, "--config", str(config),
                           "--out", str(out)], env=_env(), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return time.perf_counter() - start


def _configs(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled configuration, and a copy whose change touches most files: every feed's
    name, and the GEC's time (events, state, reports)."""
    old = tmp_path / "old" / "config"
    new = tmp_path / "new" / "config"
    for target in (old, new):
        shutil.copytree(CONFIG, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    edit(new / "ptfcal.yaml", "  fr: PTF Mali\n", "  fr: PTF Mali (révisé)\n")
    edit(new / "meetings.yaml", "    time: 09:00-12:00        # A-07",
         "    time: 10:00-13:00        # A-07")
    return old, new


GROUPS = 4  # the kills in four tests: the two workers share them evenly


@pytest.mark.parametrize("group", range(GROUPS))
def test_a_run_killed_at_random_moments_leaves_each_file_old_or_new(tmp_path, group) -> None:
    old_config, new_config = _configs(tmp_path)
    base = tmp_path / "base"
    _generate(old_config, base)
    before = _snapshot(base)
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    duration = _generate(new_config, reference)
    after = _snapshot(reference)
    changed = [rel for rel in after if before.get(rel) != after[rel]]
    assert len(changed) > 50 and ".ptfcal-state.json" in changed  # the change reaches far

    seed = int(os.environ.get("PTFCAL_KILL_SEED", random.SystemRandom().randrange(1 << 30)))
    rng = random.Random(seed + group)
    outcomes: Counter[str] = Counter()
    for k in range(group, KILLS, GROUPS):
        work = tmp_path / f"kill-{k}"
        shutil.copytree(base, work)
        proc = subprocess.Popen(
            [sys.executable, "-m", "ptfcal", *ARGS, "--config", str(new_config), "--out",
             str(work)], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.1) * duration)  # mostly late: the writes come last
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _snapshot(work)
        for rel in sorted(set(before) | set(after)):
            assert now.get(rel) in (before.get(rel), after.get(rel)), (seed, k, rel)
        for rel, data in now.items():
            if rel.endswith(".ics"):
                Calendar.from_ical(data)  # every feed parses
        new_files = sum(1 for rel in changed if now.get(rel) == after[rel])
        outcomes["untouched" if not new_files else
                 "complete" if new_files == len(changed) else "partly renamed"] += 1
        if _temporaries(work):
            outcomes["temporary files left"] += 1
        _generate(new_config, work)  # the next run completes the work, exactly
        assert _snapshot(work) == after, (seed, k)
        assert not _temporaries(work)
        shutil.rmtree(work)
    print(f"\n{KILLS} kills (seed {seed}): {dict(outcomes)}")


_CRASH_AFTER_RENAMES = """
import os, sys
limit, out = int(sys.argv[1]), sys.argv[2]
real, done = os.replace, [0]
def replace(source, target):  # the process dies at this rename, like a power cut
    if str(target).startswith(out):
        if done[0] == limit:
            os._exit(137)
        done[0] += 1
    real(source, target)
os.replace = replace
sys.argv = ["ptfcal", *sys.argv[3:]]
from ptfcal.cli import main
main()
"""


@pytest.mark.parametrize("where", ["first", "middle", "all but the state"])
def test_a_crash_among_the_renames_leaves_each_file_old_or_new(tmp_path, where) -> None:
    """The moment random kills rarely hit: the run dies after k of its n renames (fault
    injection in a real child process), the state file being the last one."""
    old_config, new_config = _configs(tmp_path)
    out = tmp_path / "out"
    _generate(old_config, out)
    before = _snapshot(out)
    reference = tmp_path / "reference"
    shutil.copytree(out, reference)
    _generate(new_config, reference)
    after = _snapshot(reference)
    renames = sorted(rel for rel in after if before.get(rel) != after[rel])
    limit = {"first": 0, "middle": len(renames) // 2, "all but the state": len(renames) - 1}
    proc = subprocess.run([sys.executable, "-c", _CRASH_AFTER_RENAMES, str(limit[where]),
                           str(out), *ARGS, "--config", str(new_config), "--out", str(out)],
                          env=_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 137, proc.stderr
    now = _snapshot(out)
    done = [rel for rel in renames if now.get(rel) == after[rel]]
    assert len(done) == limit[where]
    assert now[".ptfcal-state.json"] == before[".ptfcal-state.json"]  # renamed last
    for rel in sorted(set(before) | set(after)):
        assert now.get(rel) in (before.get(rel), after.get(rel)), rel
    _generate(new_config, out)  # the next run completes the work, exactly
    assert _snapshot(out) == after
    assert not _temporaries(out)


# --- failures that leave everything as it was ----------------------------------------------

@pytest.fixture
def published(tmp_path):
    """A folder holding a publication of the bundled configuration, and the changed one."""
    old_config, new_config = _configs(tmp_path)
    out = tmp_path / "calendars"
    _generate(old_config, out)
    yield out, new_config
    for path in [out, *out.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)


def test_a_read_only_folder_gives_a_clear_message_and_changes_nothing(published) -> None:
    out, new_config = published
    assert_permissions_bind(out.parent)
    before = _snapshot(out)
    for path in [out, *out.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)
    result = run_ptfcal(*ARGS, "--config", str(new_config), "--out", str(out), "--lang", "en",
                        env={"SOURCE_DATE_EPOCH": EPOCH}, preexec=unprivileged)
    assert result.code == 2, result.err
    assert "cannot write" in result.err and "permission denied" in result.err, result.err
    assert "Traceback" not in result.err
    assert _snapshot(out) == before
    assert not _temporaries(out)


def _small_files() -> None:
    """No file may grow beyond 64 KiB: like a full disk, a large feed cannot be written."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_full_disk_gives_a_clear_message_and_changes_nothing(published) -> None:
    out, new_config = published
    before = _snapshot(out)
    assert max(len(data) for data in before.values()) > 64 * 1024
    result = run_ptfcal(*ARGS, "--config", str(new_config), "--out", str(out), "--lang", "en",
                        env={"SOURCE_DATE_EPOCH": EPOCH}, preexec=_small_files)
    assert result.code == 2, result.err
    assert "cannot write" in result.err and "full" in result.err, result.err
    assert "Traceback" not in result.err
    assert _snapshot(out) == before
    assert not _temporaries(out)


def test_a_failed_first_run_leaves_no_empty_folders(tmp_path) -> None:
    out = tmp_path / "site" / "calendars"
    result = run_ptfcal(*ARGS, "--out", str(out), "--lang", "en",
                        env={"SOURCE_DATE_EPOCH": EPOCH}, preexec=_small_files)
    assert result.code == 2, result.err
    assert not (tmp_path / "site").exists()


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path) -> None:
    out = tmp_path / "calendars"
    _generate(CONFIG, out)
    stale = out / "feeds" / ".all.ics.k1ll3d_x.tmp"  # what a killed run leaves: half a feed
    stale.write_bytes(b"BEGIN:VCALENDAR\r\n")
    foreign = [out / "feeds" / ".all.ics.bak.tmp", out / ".index.html.old-copy.tmp",
               out / "feeds" / ".notes.txt.abcd1234.tmp"]  # not ptfcal's: left alone
    for path in foreign:
        path.write_bytes(b"x")
    _generate(CONFIG, out)
    assert not stale.exists()
    assert all(path.exists() for path in foreign)


def test_a_second_run_while_one_is_writing_is_refused(tmp_path) -> None:
    from ptfcal.locking import FolderLock

    out = tmp_path / "calendars"
    _generate(CONFIG, out)
    before = _snapshot(out)
    with FolderLock(out):  # what a run holds from before it reads the state to its last write
        result = run_ptfcal(*ARGS, "--out", str(out), "--lang", "en",
                            env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.code == 2
    assert "another ptfcal is working in" in result.err and "no file was changed" in \
        result.err, result.err
    assert _snapshot(out) == before
