"""Hard to break, round two (issue 20): the journal, the outbox, the configuration files and the
holiday cache. A journal path never leads out of `config/`, a pipe or `/dev/zero` in place of a
file never hangs a command, hostile JSON is a located refusal (exit 2, never 70), the journal is
bounded, and the temporaries a killed edit leaves are removed by the next one. Each test
reproduces a defect found by attacking ptfcal."""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

import pytest

from ptfcal.model import Text
from ptfcal.record import journal
from tests.conftest import run_ptfcal
from tests.test_invite import ORGANIZER, config_with_people

FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")


def ptfcal(config: Path, *args: str, code: int = 0, **options):
    result = run_ptfcal(*args, "--config", str(config), **options)
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and "erreur interne" not in result.err, result.err
    return result


def _limited() -> None:
    """4 CPU-seconds and 1 GiB: reading /dev/zero whole would be killed, not swap the host."""
    resource.setrlimit(resource.RLIMIT_CPU, (4, 4))
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _entry(config: Path, doc: dict | str | bytes) -> Path:
    """A journal entry written by hand after the last one (a hostile or damaged entry)."""
    folder = config / journal.FOLDER
    folder.mkdir(exist_ok=True)
    number = (journal.entries(config) or [0])[-1] + 1
    path = folder / f"{number:06d}.json"
    data = doc if isinstance(doc, bytes) else (
        doc if isinstance(doc, str) else json.dumps(doc)).encode("utf-8")
    path.write_bytes(data)
    return path


def _files_entry(files: dict[str, dict]) -> dict:
    return {"version": 1, "summary": {"fr": "essai", "en": "test"}, "command": "ptfcal x",
            "files": files}


# --- item 1: undo never leaves the configuration folder ---------------------------------------

@pytest.mark.parametrize("where", ["parent", "absolute", "dotted", "linked-folder"])
def test_undo_refuses_a_journal_path_out_of_the_folder(tmp_path, config_copy, where) -> None:
    victim = tmp_path / "victim" / "precious.txt"
    victim.parent.mkdir()
    victim.write_text("précieux\n", encoding="utf-8")
    rel = {"parent": "../victim/precious.txt", "absolute": str(victim),
           "dotted": "years/../../victim/precious.txt",
           "linked-folder": "elsewhere/precious.txt"}[where]
    if where == "linked-folder":
        (config_copy / "elsewhere").symlink_to(victim.parent)
    for before in (None, "écrasé\n"):  # undo would delete it, or overwrite it
        entry = _entry(config_copy, _files_entry({rel: {"before": before,
                                                        "after": "précieux\n"}}))
        result = ptfcal(config_copy, "undo", code=2)
        assert f"{entry} : entrée du journal abîmée, le chemin « {rel} » sort du dossier de " \
               "configuration ; rien n'a été annulé" in result.err
        assert victim.read_text(encoding="utf-8") == "précieux\n"
        entry.unlink()


# --- item 6: pipes and endless files ------------------------------------------------------------

@FIFO
@pytest.mark.parametrize("name", ["bodies/pipe.yaml", "years/2021.yaml"])
def test_a_configuration_file_that_is_a_pipe_is_refused_at_once(tmp_path, config_copy,
                                                                 name) -> None:
    os.mkfifo(config_copy / name)
    result = ptfcal(config_copy, "validate", code=2, cwd=tmp_path, process=True,
                    preexec=_limited)
    assert f"config/{name}:1:1: impossible de lire le fichier (ce n'est pas un fichier " \
           "ordinaire : un tube, un périphérique ?)" in result.err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_configuration_file_linked_to_dev_zero_is_refused_in_bounded_memory(
        tmp_path, config_copy) -> None:
    (config_copy / "years" / "2021.yaml").symlink_to("/dev/zero")
    result = ptfcal(config_copy, "validate", code=2, cwd=tmp_path, process=True,
                    preexec=_limited)
    assert "config/years/2021.yaml:1:1: impossible de lire le fichier (ce n'est pas un " \
           "fichier ordinaire" in result.err


@FIFO
def test_a_journal_entry_that_is_a_pipe_is_refused_at_once(config_copy) -> None:
    (config_copy / journal.FOLDER).mkdir()
    os.mkfifo(config_copy / journal.FOLDER / "000001.json")
    result = ptfcal(config_copy, "undo", code=2, process=True, preexec=_limited)
    assert "000001.json : entrée du journal abîmée, ce n'est pas un fichier ordinaire" \
        in result.err


@FIFO
def test_an_outbox_that_is_a_pipe_is_refused_at_once(config_copy, tmp_path) -> None:
    config = config_with_people(config_copy)
    outbox = tmp_path / "ob"
    outbox.mkdir()
    os.mkfifo(outbox / "outbox.json")
    result = ptfcal(config, "invite", "2020", "--type", "gec-monthly", "--dry-run",
                    "--organizer", ORGANIZER, "--outbox", str(outbox), code=2, process=True,
                    preexec=_limited)
    assert f"{outbox / 'outbox.json'} est illisible ou abîmé" in result.err


# --- item 10: hostile journal and outbox contents, exit 2 never 70 -----------------------------

def test_undo_after_a_hand_edit_adding_a_latin1_byte(config_copy) -> None:
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")
    year = config_copy / "years" / "2020.yaml"
    year.write_bytes(year.read_bytes() + b"# caf\xe9\n")
    result = ptfcal(config_copy, "undo", code=2)
    assert "years/2020.yaml a été modifié depuis ; rien n'a été changé" in result.err
    assert year.read_bytes().endswith(b"# caf\xe9\n")


def test_a_journal_entry_that_is_a_link_is_refused(tmp_path, config_copy) -> None:
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")
    entry = config_copy / journal.FOLDER / "000001.json"
    target = tmp_path / "entry.json"
    target.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(target)
    result = ptfcal(config_copy, "undo", code=2)
    assert f"{entry} : entrée du journal abîmée, ce n'est pas un fichier ordinaire (un lien, " \
           "un tube ?) ; rien n'a été annulé" in result.err


def test_json_nested_100000_deep_in_the_journal(config_copy) -> None:
    entry = _entry(config_copy, "[" * 100_000 + "]" * 100_000)
    result = ptfcal(config_copy, "undo", code=2)
    assert f"{entry} : entrée du journal illisible ; rien n'a été annulé" in result.err


@pytest.mark.parametrize("content, message", [
    ("[" * 100_000 + "]" * 100_000, "est illisible ou abîmé"),
    (json.dumps({"version": 1, "events": {"x@ptfcal": {
        "sequence": 2**70, "fingerprint": None, "recipients": {}}}}), "est illisible ou abîmé"),
    (json.dumps({"version": 1, "events": {"x@ptfcal": {
        "sequence": 0, "fingerprint": None, "recipients": {
            "a@example.org": {"method": "REQUEST", "sequence": -1}}}}}),
     "est illisible ou abîmé"),
    (json.dumps({"version": 99, "events": {}}),
     "a été écrit par une version plus récente de ptfcal (version 99 ; celle-ci lit la "
     "version 1) : mettez ptfcal à jour ; rien n'est envoyé"),
], ids=["nested", "sequence-2**70", "negative-sequence", "version-99"])
def test_a_hostile_outbox_is_refused_with_its_name(config_copy, tmp_path, content,
                                                   message) -> None:
    config = config_with_people(config_copy)
    outbox = tmp_path / "ob"
    outbox.mkdir()
    (outbox / "outbox.json").write_text(content, encoding="utf-8")
    result = ptfcal(config, "invite", "2020", "--type", "gec-monthly", "--dry-run",
                    "--organizer", ORGANIZER, "--outbox", str(outbox), code=2)
    assert f"{outbox / 'outbox.json'} {message}" in result.err


@pytest.mark.parametrize("content", ["[]", "null", "[" * 100_000 + "]" * 100_000,
                                     '{"2020": [["2020-13-45", 1, 2, 3]]}', '{"2020": 5}'])
def test_a_damaged_holiday_cache_is_not_used_and_is_replaced(tmp_path, config_copy,
                                                             content) -> None:
    """A cache is ptfcal's own copy of what the holidays package says: a damaged one is
    not read (the dates are computed again, the same) and the next write replaces it."""
    from ptfcal.calendar import workdays

    cache = tmp_path / "cache"
    cache.mkdir()
    name = (f"holidays-ML-{workdays._package_version()}"
            f"-v{workdays._HolidayCache.FORMAT}.json")
    (cache / name).write_text(content, encoding="utf-8")
    result = ptfcal(config_copy, "check", "2020", "--format", "json",
                    env={"PTFCAL_CACHE_DIR": str(cache)}, process=True)
    assert json.loads(result.out)["year"] == 2020
    assert json.loads((cache / name).read_text(encoding="utf-8"))["2020"][0][0] == "2020-01-01"


# --- item 11: temporaries, linked folders, the journal's bound ---------------------------------

def test_a_killed_edits_temporaries_are_removed_by_the_next_edit(tmp_path, config_copy) -> None:
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")
    years, folder = config_copy / "years", config_copy / journal.FOLDER
    stale = [years / ".2020.yaml.k3x_9abz.tmp", folder / ".000002.json.0a1b2c3d.tmp",
             config_copy / ".roles.yaml.zzzzzzzz.tmp"]
    for path in stale:
        path.write_text("half-written", encoding="utf-8")
    target = tmp_path / "not-ours.txt"
    target.write_text("keep", encoding="utf-8")
    kept = [years / "notes.tmp", years / ".2020.yaml.tmp", years / ".2020.yaml.short.tmp",
            years / ".2020.yaml.abcdefgh.tmp.bak", folder / "README"]
    for path in kept:
        path.write_text("someone else's", encoding="utf-8")
    link = years / ".2019.yaml.abcdefgh.tmp"
    link.symlink_to(target)
    ptfcal(config_copy, "confirm", "gec-monthly@2020-09")
    assert not [p for p in stale if p.exists()]
    assert all(p.read_text(encoding="utf-8") == "someone else's" for p in kept)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep"


def test_an_edit_never_writes_through_a_linked_years_folder(tmp_path, config_copy) -> None:
    elsewhere = tmp_path / "elsewhere"
    (config_copy / "years").rename(elsewhere)
    (config_copy / "years").symlink_to(elsewhere)
    before = (elsewhere / "2020.yaml").read_bytes()
    result = ptfcal(config_copy, "confirm", "gec-monthly@2020-07", code=2)
    assert f"{config_copy / 'years'} n'est pas un dossier (un lien ?) : ptfcal n'écrit pas " \
           "au travers d'un lien" in result.err
    assert (elsewhere / "2020.yaml").read_bytes() == before
    assert not (config_copy / journal.FOLDER).exists()


def test_the_journal_keeps_the_last_edits_and_says_when_it_forgets(config_copy,
                                                                   monkeypatch) -> None:
    monkeypatch.setattr(journal, "MAX_ENTRIES", 3)
    for month in ("01", "02", "03"):
        said = ptfcal(config_copy, "confirm", f"gec-monthly@2020-{month}")
        assert "plus annulable" not in said.out
    said = ptfcal(config_copy, "confirm", "gec-monthly@2020-04")
    assert "Le journal garde les 3 dernières modifications (50 Mo au plus) : la plus " \
           "ancienne n'est plus annulable." in said.out
    assert journal.entries(config_copy) == [2, 3, 4]
    for _ in range(3):
        ptfcal(config_copy, "undo")
    said = ptfcal(config_copy, "undo", code=1)
    assert "Rien à annuler" in said.out
    # the first edit was forgotten, not undone
    assert (config_copy / "years" / "2020.yaml").read_text(encoding="utf-8").endswith(
        "  - type: gec-monthly\n    nominal: 2020-01-08\n")


def test_the_journal_keeps_within_its_bytes(config_copy, monkeypatch) -> None:
    text = (config_copy / "roles.yaml").read_text(encoding="utf-8")
    first, _ = journal.append(config_copy, Text("un", "one"), "x", {"roles.yaml": (text, text)})
    size = (config_copy / journal.FOLDER / f"{first:06d}.json").stat().st_size
    monkeypatch.setattr(journal, "MAX_BYTES", 2 * size + 10)
    journal.append(config_copy, Text("deux", "two"), "x", {"roles.yaml": (text, text)})
    number, dropped = journal.append(config_copy, Text("trois", "three"), "x",
                                     {"roles.yaml": (text, text)})
    assert (number, dropped) == (3, 1) and journal.entries(config_copy) == [2, 3]


# --- item 10: a state entry published as cancelled whose VEVENT is damaged ----------------------

@pytest.mark.parametrize("vevents", [
    {"fr": "garbage"}, {"fr": 5}, {"fr": {"a": 1}},
    {"fr": "BEGIN:VEVENT\r\nDTSTART;TZID=Africa/Bamako:zzz\r\nEND:VEVENT\r\n"},
    "nested",
], ids=["text", "number", "object", "bad-dtstart", "nested-100000"])
def test_a_gone_entry_with_bad_vevents_is_a_damaged_state(tmp_path, vevents) -> None:
    """An event that left the schedule is republished as cancelled from the VEVENT the state
    kept: a damaged one is a damaged state (history read back from the feeds, a copy kept),
    never exit 70 in the middle of a publication."""
    from tests.test_hardening import AS_OF, EPOCH, generate

    out = tmp_path / "out"
    generate(out)
    path = out / ".ptfcal-state.json"
    state = json.loads(path.read_bytes())
    entry = dict(next(iter(state["events"].values())))
    entry.update(gone=True, vevents=vevents)
    state["events"]["left-the-schedule@ptfcal.ptf-mali"] = entry
    damaged = json.dumps(state).encode()
    if vevents == "nested":
        damaged = damaged[:-1] + b', "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    path.write_bytes(damaged)
    result = run_ptfcal("generate", "2020", "--out", str(out), *AS_OF, env=EPOCH)
    assert result.code == 0, result.err
    assert "Historique reconstitué" in result.out
    assert (out / ".ptfcal-state.damaged.json").read_bytes() == damaged
