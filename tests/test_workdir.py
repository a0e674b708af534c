"""A working folder, never the installed copy (issue 19 item 1): the recording verbs refuse to
edit the configuration shipped with ptfcal (exit 2, nothing written, `ptfcal init` named);
`ptfcal init DIR` makes DIR/config from it, and the commands run from DIR use it and say so.

Real processes in temporary folders; the package and its bundled configuration are hashed
before and after."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from ptfcal.config import bundled_dir
from ptfcal.config.workdir import is_bundled
from tests.conftest import CONFIG, run_ptfcal

PACKAGE = Path(__file__).resolve().parent.parent / "ptfcal"
# PTFCAL_CONFIG empty: the configuration is ./config, else the bundled one
NO_ENV = {"PTFCAL_CONFIG": ""}


def _installed() -> set[Path]:
    """The package the commands' processes import (site-packages once installed, not the
    working tree this test imports), and its bundled configuration."""
    where = subprocess.run(
        [sys.executable, "-c", "import ptfcal, ptfcal.config as c; "
         "print(ptfcal.__file__); print(c.bundled_dir())"],
        cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True).stdout.split("\n")
    return {Path(where[0]).resolve().parent, Path(where[1]).resolve()}


def fingerprint() -> dict[str, str]:
    """Every file of the installed package and of the bundled configuration (byte code aside,
    which the interpreter writes), with its hash."""
    found = {}
    for root in {PACKAGE.resolve(), bundled_dir().resolve(), *_installed()}:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_recording_from_an_empty_folder_refuses_and_names_init(tmp_path: Path) -> None:
    before = fingerprint()
    moved = run_ptfcal("move", "gec-monthly@2027-02", "--to", "2027-02-17", cwd=tmp_path,
                       env=NO_ENV, process=True)
    assert moved.code == 2, moved
    # the copy the process uses: the repository's config/ run from a working tree, the
    # package's bundled_config once installed
    assert "ptfcal init" in moved.err
    assert "est la configuration fournie avec ptfcal" in moved.err
    assert moved.out == ""
    for args in (["cancel", "ga-meeting@2027-10", "--dry-run"], ["undo"],
                 ["holiday", "add", "2027-03-26", "--name", "Journée"],
                 ["roles", "2027", "--chef-de-file", "ue"]):
        refused = run_ptfcal(*args, cwd=tmp_path, env=NO_ENV, process=True)
        assert refused.code == 2 and "ptfcal init" in refused.err, (args, refused)
    # reading it is fine, and names it as read-only (nothing written there either, no lock)
    listed = run_ptfcal("events", "2027", "--format", "json", cwd=tmp_path, env=NO_ENV,
                        process=True)
    assert listed.code == 0 and "(lecture seule)" in listed.err and "ptfcal init" in listed.err
    published = run_ptfcal("generate", "2027", "--out", str(tmp_path / "out"), "--as-of",
                           "2027-01-05", cwd=tmp_path, env=NO_ENV, process=True)
    assert published.code == 0, published
    assert fingerprint() == before
    assert list(tmp_path.iterdir()) == [tmp_path / "out"]


def test_init_makes_a_working_folder_that_the_commands_use(tmp_path: Path) -> None:
    before = fingerprint()
    made = run_ptfcal("init", "seg", cwd=tmp_path, env=NO_ENV, process=True)
    assert made.code == 0, made
    assert "seg/config" in made.out
    config = tmp_path / "seg" / "config"
    shipped = sorted(p.relative_to(CONFIG).as_posix() for p in CONFIG.rglob("*.yaml")
                     if p.name != "people.yaml")
    assert sorted(p.relative_to(config).as_posix() for p in config.rglob("*.yaml")) == shipped
    for rel in shipped:
        assert (config / rel).read_bytes() == (CONFIG / rel).read_bytes(), rel
    assert (config / ".gitignore").read_text(encoding="utf-8").splitlines()[1:] == [
        "people.yaml", ".ptfcal.lock", ".ptfcal-journal/", ".ptfcal-outbox/"]

    moved = run_ptfcal("move", "gec-monthly@2027-02", "--to", "2027-02-17",
                       cwd=tmp_path / "seg", env=NO_ENV, process=True)
    assert moved.code == 0, moved
    assert f"Configuration : {config}\n" == moved.err
    assert "years/2027.yaml" in moved.out
    assert "2027-02-17" in (config / "years" / "2027.yaml").read_text(encoding="utf-8")
    assert fingerprint() == before


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "ptfcal.yaml").write_text("mine\n", encoding="utf-8")
    again = run_ptfcal("init", str(tmp_path), process=True)
    assert again.code == 2 and "existe déjà" in again.err and "n'écrase rien" in again.err
    assert (tmp_path / "config" / "ptfcal.yaml").read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in (tmp_path / "config").iterdir()] == ["ptfcal.yaml"]
    link = tmp_path / "other"
    link.mkdir()
    (link / "config").symlink_to(tmp_path / "nowhere")  # a broken link is not a way in
    refused = run_ptfcal("init", str(link), process=True)
    assert refused.code == 2 and not (tmp_path / "nowhere").exists()


def test_the_bundled_copy_is_recognised_however_it_is_named(tmp_path: Path) -> None:
    assert is_bundled(bundled_dir())
    assert is_bundled(bundled_dir() / "years" / "..")
    assert is_bundled(CONFIG)  # the repository's config/ is the bundled copy's source
    link = tmp_path / "link"
    link.symlink_to(bundled_dir())
    assert is_bundled(link)
    assert not is_bundled(tmp_path)
    copy = tmp_path / "config"
    copy.mkdir()
    assert not is_bundled(copy)
