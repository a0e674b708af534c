"""The file operations that differ on Windows (ptfcal.filesystem): the POSIX side here; the
Windows side is exercised for real by the Windows lane (tests/windows, under Wine)."""

from __future__ import annotations

import errno

from ptfcal import filesystem


def test_folders_synced_on_posix_only() -> None:
    # Windows refuses to open a folder as a file (the journal's PermissionError of issue 18)
    assert filesystem.posix_folder_sync("posix") is True
    assert filesystem.posix_folder_sync("nt") is False


def test_in_use_recognises_windows_sharing_errors() -> None:
    for winerror in (5, 32, 33):
        exc = PermissionError(errno.EACCES, "denied", "events.csv")
        exc.winerror = winerror  # what CPython sets on Windows
        assert filesystem.in_use(exc)
    assert not filesystem.in_use(PermissionError(errno.EACCES, "denied", "events.csv"))
    assert filesystem.in_use(filesystem.InUse(errno.EACCES, "denied", "events.csv"))
    assert not filesystem.in_use(ValueError())


def test_replace_renames_and_syncs(tmp_path) -> None:
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    filesystem.replace(source, target, delays=())
    filesystem.sync_folder(tmp_path)
    assert target.read_bytes() == b"new" and not source.exists()


def test_an_edit_that_cannot_write_every_file_puts_back_those_written(tmp_path) -> None:
    """All the files of an edit change, or none: the second cannot be written (its folder is
    a file), so the first gets its previous bytes back and the error says nothing changed."""
    import pytest

    from ptfcal.errors import OutputError
    from ptfcal.record.session import _write_all

    (tmp_path / "a.yaml").write_bytes(b"before\n")
    (tmp_path / "b").write_bytes(b"a file, not a folder\n")
    with pytest.raises(OutputError) as caught:
        _write_all(tmp_path, {"a.yaml": ("before\n", "after\n"), "b/c.yaml": (None, "new\n")})
    assert (tmp_path / "a.yaml").read_bytes() == b"before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b"]  # no temporary left
    assert caught.value.render("fr").endswith("aucun fichier n'a été modifié")
