"""The ledger of the single files ptfcal wrote (publish/ledger.py): `actions --output`, in
every format, replaces its own file after a data change, and refuses a file the user edited,
a file of someone else's, a link, and everything when the ledger is damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ptfcal.errors import OutputError
from ptfcal.publish import ledger
from ptfcal.publish.output import write_own_file
from tests.test_meeting import REF, hold_march, ptfcal

REFUSED = "existe déjà et ptfcal ne l'a pas écrit, ou il a été modifié depuis"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    """This test's own state folder (the ledger's home)."""
    folder = tmp_path / "state"
    saved = os.environ.get("PTFCAL_STATE_DIR")
    os.environ["PTFCAL_STATE_DIR"] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop("PTFCAL_STATE_DIR", None)
    else:
        os.environ["PTFCAL_STATE_DIR"] = saved


def actions(config: Path, target: Path, fmt: str, code: int = 0):
    return ptfcal(config, "actions", "--open", "-f", fmt, "--output", str(target), code=code)


@pytest.mark.parametrize("fmt", ["csv", "text", "json"])
def test_actions_rewrite_their_own_file_and_refuse_an_edited_one(config_copy, tmp_path, state,
                                                                 fmt) -> None:
    target = tmp_path / f"suivi.{fmt}"
    hold_march(config_copy)
    actions(config_copy, target, fmt)
    first = target.read_bytes()
    assert b"A-2027-001" in first
    entries = json.loads((state / "written.json").read_text(encoding="utf-8"))["files"]
    assert list(entries.values()) == [[ledger.digest(first)]]
    # the next day, a new action: the file is ptfcal's, unchanged since, so it is replaced
    ptfcal(config_copy, "action", REF, "Relancer le MEF", "--owner", "france", "--due",
           "2027-04-16")
    actions(config_copy, target, fmt)
    second = target.read_bytes()
    assert second != first and b"Relancer le MEF" in second
    # the secretariat annotates it (Excel saves it over): never overwritten
    target.write_bytes(second + "Vu en réunion\r\n".encode())
    annotated = target.read_bytes()
    refused = actions(config_copy, target, fmt, code=2)
    assert REFUSED in refused.err and str(target) in refused.err
    assert "supprimez-le vous-même" in refused.err and "Traceback" not in refused.err
    assert target.read_bytes() == annotated
    # removed by the user: written again
    target.unlink()
    actions(config_copy, target, fmt)
    assert target.read_bytes() == second


def test_actions_refuse_someone_s_file_a_link_and_everything_with_a_damaged_ledger(
        config_copy, tmp_path, state) -> None:
    hold_march(config_copy)
    someone = tmp_path / "suivi.csv"
    someone.write_bytes(b"mes notes\r\n")
    assert REFUSED in actions(config_copy, someone, "csv", code=2).err
    assert someone.read_bytes() == b"mes notes\r\n"
    ours = tmp_path / "ours.csv"
    actions(config_copy, ours, "csv")
    link = tmp_path / "lien.csv"
    link.symlink_to(ours)
    refused = actions(config_copy, link, "csv", code=2)
    assert "est un lien symbolique : ptfcal n'écrit pas à travers un lien" in refused.err
    assert link.is_symlink() and os.readlink(link) == str(ours)
    # a damaged ledger: nothing is ptfcal's any more, refused without a traceback
    for damage in (b"{not json", b'{"ptfcal": "ptfcal written files", "files": []}',
                   b'{"ptfcal": "ptfcal written files", "files": {"x": ["no hash"]}}',
                   b'{"ptfcal": "ptfcal written files", "files": {"x": "%s"}}' % (b"0" * 64),
                   b"\xff\xfe" * 10):
        kept = ours.read_bytes()
        (state / "written.json").write_bytes(damage)
        refused = actions(config_copy, ours, "csv", code=2)
        assert REFUSED in refused.err and "Traceback" not in refused.err, damage
        assert ours.read_bytes() == kept
    # a new file still goes (the damaged ledger is started over)
    fresh = tmp_path / "nouveau.csv"
    actions(config_copy, fresh, "csv")
    assert ledger.holds(fresh, fresh.read_bytes(), state)
    # the ledger itself a link: never followed nor replaced
    (state / "written.json").unlink()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(b"{}")
    (state / "written.json").symlink_to(elsewhere)
    refused = actions(config_copy, tmp_path / "autre.csv", "csv", code=2)
    assert "n'est pas un fichier ordinaire" in refused.err
    assert not (tmp_path / "autre.csv").exists() and elsewhere.read_bytes() == b"{}"


def test_an_unwritable_ledger_writes_nothing(config_copy, tmp_path, state) -> None:
    state.parent.mkdir(exist_ok=True)
    state.write_bytes(b"a file where the state folder should be")
    target = tmp_path / "suivi.csv"
    hold_march(config_copy)
    refused = actions(config_copy, target, "csv", code=2)
    assert "impossible de noter dans" in refused.err or "n'est pas un dossier" in refused.err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".suivi")] == []


def test_the_ledger_keeps_the_latest_thousand_and_is_keyed_by_resolved_path(tmp_path) -> None:
    state = tmp_path / "state"
    folder = tmp_path / "out"
    folder.mkdir()
    for i in range(ledger.MAX_ENTRIES + 5):
        ledger.record(folder / f"f{i}.csv", b"%d" % i, state)
    entries = ledger.read(state)
    assert len(entries) == ledger.MAX_ENTRIES
    assert ledger.key(folder / "f5.csv") in entries
    assert ledger.key(folder / "f4.csv") not in entries  # the oldest went
    # written again: it becomes the most recent, so it is not the next one pruned
    ledger.record(folder / "f5.csv", b"again", state)
    ledger.record(folder / "new.csv", b"n", state)
    entries = ledger.read(state)
    assert ledger.key(folder / "f5.csv") in entries and ledger.key(folder / "f6.csv") \
        not in entries
    # the same file through a linked folder, or a relative path, is the same entry
    (tmp_path / "via").symlink_to(folder, target_is_directory=True)
    assert ledger.holds(tmp_path / "via" / "new.csv", b"n", state)
    cwd = os.getcwd()
    try:
        os.chdir(folder)
        assert ledger.holds(Path("new.csv"), b"n", state)
    finally:
        os.chdir(cwd)
    assert not ledger.holds(folder / "new.csv", b"other", state)
    assert (state / "written.json").stat().st_size < ledger.MAX_BYTES


def test_write_own_file_without_a_seal_relies_on_the_ledger(tmp_path, state) -> None:
    target = tmp_path / "liste.txt"
    assert write_own_file(target, b"un\n", None, 1000, "out.not-ours", remember=True)
    assert not write_own_file(target, b"deux\n", None, 1000, "out.not-ours", remember=True)
    assert target.read_bytes() == b"deux\n"
    target.write_bytes(b"deux\nmodifie\n")
    with pytest.raises(OutputError) as refused:
        write_own_file(target, b"trois\n", None, 1000, "out.not-ours", remember=True)
    assert refused.value.text.fr.startswith(f"{target} existe déjà")
    assert "delete it yourself" in refused.value.text.en
    # without `remember`, the ledger is not asked
    target.write_bytes(b"deux\n")
    with pytest.raises(OutputError):
        write_own_file(target, b"trois\n", None, 1000, "out.not-ours")


def test_a_rename_that_fails_leaves_the_old_file_still_ours(tmp_path, state) -> None:
    """Windows: Excel holds the CSV open, the rename fails after the ledger noted the new
    bytes; the file left in place (the previous write) is still ptfcal's at the next run."""
    target = tmp_path / "suivi.csv"
    write_own_file(target, b"lundi\r\n", None, 1000, "out.not-ours", remember=True)
    ledger.record(target, b"mardi\r\n")  # noted, then the rename failed
    assert ledger.holds(target, b"lundi\r\n") and ledger.holds(target, b"mardi\r\n")
    write_own_file(target, b"mercredi\r\n", None, 1000, "out.not-ours", remember=True)
    assert target.read_bytes() == b"mercredi\r\n"
    assert not ledger.holds(target, b"lundi\r\n")  # only the last two writes are kept
