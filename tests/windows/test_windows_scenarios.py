"""The Windows lane: ptfcal on the official Windows build of CPython 3.13, under Wine, in a
working folder whose path has a space and accents (`…/Secrétariat SEG/config`).

Run with `python -m pytest tests/windows` (prepare.py downloads what it needs once); the main
suite does not collect this folder. Each scenario runs `python.exe -m ptfcal` with pipes for
its standard streams and compares what Windows wrote with what Linux writes from the same
input, byte for byte.
"""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import shutil
import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from ..conftest import CONFIG, run_ptfcal
from . import prepare
from .conftest import SAMPLE_PEOPLE, folder_lock, on_console, open_file, ptfcal, tree, windows

SAMPLE_CIRCULAR = CONFIG.parent / "docs" / "circulaire-2021-sample.csv"
PARTNER = CONFIG.parent / "tests" / "data" / "partner-outlook.ics"
AS_OF = "2020-07-01"
EPOCH = {"SOURCE_DATE_EPOCH": "1593561600"}  # 2020-07-01: the same DTSTAMP on both systems


def linux_twin(tmp_path: Path) -> Path:
    """The same working folder for the Linux run (same relative paths, so same output)."""
    twin = tmp_path / "linux" / "Secrétariat SEG"
    shutil.copytree(CONFIG, twin / "config", ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    return twin


def test_the_interpreter_is_the_official_windows_cpython(lane: str, office: Path) -> None:
    result = windows("-c", "import os, sys, platform; sys.stdout.reconfigure(encoding='utf-8'); "
                     "print(sys.platform, os.name, "
                     "platform.python_implementation(), sys.version_info[:2], os.getcwd())",
                     cwd=office)
    assert result.code == 0, result.raw_err
    # the working folder reached the Windows process with its accents, as a Windows path
    assert result.out.strip() == (f"win32 nt CPython (3, 13) "
                                  f"{prepare.windows_path(office)}"), result.out


def test_generate_writes_what_linux_writes(office: Path, tmp_path: Path) -> None:
    args = ("generate", "2020", "--config", "config", "--out", "sortie publiée", "--as-of",
            AS_OF)
    first = ptfcal(*args, cwd=office, env=EPOCH)
    assert "2020" in first.out
    twin = linux_twin(tmp_path)
    assert run_ptfcal(*args, cwd=twin, env=EPOCH).code == 0
    windows_files = tree(office / "sortie publiée")
    assert windows_files == tree(twin / "sortie publiée")
    assert "2020/events.csv" in windows_files and "2020/all.ics" in windows_files
    # a second run changes nothing
    ptfcal(*args, cwd=office, env=EPOCH)
    assert tree(office / "sortie publiée") == windows_files


def test_every_recording_verb_then_undo_back_to_the_same_bytes(office: Path,
                                                               tmp_path: Path) -> None:
    start = tree(office / "config")
    verbs = [
        ("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--reason",
         "Salle indisponible — reportée"),
        ("cancel", "ga-meeting@2020-10", "--reason", "Report sine die"),
        ("confirm", "gec-monthly@2020-07"),
        ("add", "gec-extraordinary", "--on", "2020-04-02", "--time", "10:00-12:00", "--title",
         "GEC extraordinaire : riposte COVID-19"),
        ("record", "gec-monthly@2020-03", "--chair", "banque-mondiale", "--attendance",
         "fao=2", "--attendance", "pnud=1"),
        ("holiday", "confirm", "eid-al-adha", "2025", "--on", "2025-06-06", "--source",
         "Communiqué N°2025-006/MARCC-SG"),
        ("holiday", "add", "2022-09-23", "--name", "Lendemain de la fête nationale",
         "--source", "Conseil des ministres"),
        ("roles", "2021", "--chef-de-file", "allemagne", "--troika", "allemagne,suisse,pnud"),
    ]
    twin = linux_twin(tmp_path)
    recorded = 0
    for verb in verbs:
        said = ptfcal(*verb, "--config", "config", cwd=office)
        # some are already recorded in the bundled texts (nothing written, nothing journalled)
        recorded += "Enregistré" in said.out
        assert "rien à changer" in said.out or "Enregistré" in said.out, said.out
        assert run_ptfcal(*verb, "--config", "config", cwd=twin).code == 0
    edited = tree(office / "config")
    linux_edited = tree(twin / "config")
    assert {k: v for k, v in edited.items() if not k.startswith(".ptfcal")} == {
        k: v for k, v in linux_edited.items() if not k.startswith(".ptfcal")}
    assert recorded == 6
    assert len([k for k in edited if k.startswith(".ptfcal-journal/")]) == recorded
    # generate from the edited folder on Windows
    ptfcal("generate", "2020", "--config", "config", "--out", "sortie", "--as-of", AS_OF,
           cwd=office)
    undone = 0
    while (result := ptfcal("undo", "--config", "config", cwd=office, code=None)).code == 0:
        undone += 1
    assert (undone, result.code, result.out) == (
        recorded, 1, "Rien à annuler : le journal est vide.\n")
    assert {k: v for k, v in tree(office / "config").items()
            if not k.startswith(".ptfcal")} == start
    assert not list((office / "config" / ".ptfcal-journal").iterdir())


def test_circular_of_the_sample_then_undo(office: Path) -> None:
    start = tree(office / "config")
    shutil.copy(SAMPLE_CIRCULAR, office / "circulaire 2021.csv")
    done = ptfcal("circular", "2021", "--from", "circulaire 2021.csv", "--issued",
                  "2021-01-08", "--config", "config", cwd=office)
    # the sample: eleven CPS reviews, Développement social's (CPS Santé's second sector) and
    # the Ministry of Finance's own (PAGAM, a public-finance-review)
    assert "Enregistré : Circulaire 2021 : 13 revues." in done.out
    events = json.loads(ptfcal("events", "2021", "--type", "sector-review", "--format",
                               "json", "--config", "config", cwd=office).out)["occurrences"]
    assert len(events) == 12
    ptfcal("undo", "--config", "config", cwd=office)
    assert {k: v for k, v in tree(office / "config").items()
            if not k.startswith(".ptfcal")} == start


def test_lists_as_csv_for_excel(office: Path, tmp_path: Path) -> None:
    shutil.copy(SAMPLE_PEOPLE, office / "config" / "people.yaml")
    args = ("lists", "2020", "--type", "gec-monthly", "--format", "csv", "--output",
            "listes GEC.csv", "--config", "config")
    ptfcal(*args, cwd=office)
    data = (office / "listes GEC.csv").read_bytes()
    twin = linux_twin(tmp_path)
    shutil.copy(SAMPLE_PEOPLE, twin / "config" / "people.yaml")
    assert run_ptfcal(*args, cwd=twin).code == 0
    assert data == (twin / "listes GEC.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len({r["Date"] for r in rows}) == 11
    # accented names come through Windows whole (the CSV is also byte-identical to Linux's)
    assert {"États-Unis", "Suède"} <= {r["Institution"] for r in rows}


def test_the_bilan_is_what_linux_writes(office: Path, tmp_path: Path) -> None:
    """`report` on Windows: the page, the JSON and the CSV of a recorded year, byte for byte
    Linux's (the .docx needs the optional extra, not installed in this lane: it says how)."""
    record = ("attendance", "gec-monthly@2020-03", "--present", "france=2,canada",
              "--config", "config")
    twin = linux_twin(tmp_path)
    ptfcal(*record, cwd=office)
    assert run_ptfcal(*record, cwd=twin).code == 0
    for fmt, name in (("html", "bilan 2020.html"), ("json", "bilan 2020.json"),
                      ("csv", "bilan 2020.csv")):
        args = ("report", "2020", "--as-of", AS_OF, "--format", fmt, "--output", name,
                "--config", "config")
        ptfcal(*args, cwd=office)
        assert run_ptfcal(*args, cwd=twin).code == 0
        assert (office / name).read_bytes() == (twin / name).read_bytes(), fmt
    data = json.loads((office / "bilan 2020.json").read_text(encoding="utf-8"))
    gec = next(r for r in data["bodies"] if r["meeting_type"] == "gec-monthly")
    assert gec["held"] == 1
    refused = ptfcal("report", "2020", "--format", "docx", "--output", "bilan.docx",
                     "--config", "config", cwd=office, code=2)
    assert "pip install" in refused.err


def test_the_compte_rendu_is_what_linux_writes(office: Path, tmp_path: Path) -> None:
    """`minutes` on Windows: the Markdown and the HTML of a recorded meeting, byte for byte
    Linux's, in the accented folder; written again over its own file, refused over one someone
    changed (nothing written); the .docx needs the optional extra, not installed in this lane:
    it says how."""
    ref = "gec-monthly@2020-03"
    record = ("attendance", ref, "--present", "france=2,canada", "--excused", "belgique",
              "--config", "config")
    twin = linux_twin(tmp_path)
    ptfcal(*record, cwd=office)
    assert run_ptfcal(*record, cwd=twin).code == 0
    for name in ("compte rendu mars.md", "compte rendu mars.html"):
        args = ("minutes", ref, "--output", name, "--config", "config")
        ptfcal(*args, cwd=office)
        assert run_ptfcal(*args, cwd=twin).code == 0
        assert (office / name).read_bytes() == (twin / name).read_bytes(), name
        ptfcal(*args, cwd=office)  # its own file: replaced (the same bytes)
    text = (office / "compte rendu mars.md").read_text(encoding="utf-8")
    assert "**Excusés** : Belgique" in text
    completed = (office / "compte rendu mars.md").read_bytes() + "Complété.\n".encode()
    (office / "compte rendu mars.md").write_bytes(completed)
    refused = ptfcal("minutes", ref, "--output", "compte rendu mars.md", "--config", "config",
                     cwd=office, code=2)
    assert "n'est pas un compte rendu que ptfcal a écrit" in refused.err
    assert (office / "compte rendu mars.md").read_bytes() == completed
    refused = ptfcal("minutes", ref, "--output", "cr.docx", "--config", "config", cwd=office,
                     code=2)
    assert "pip install 'ptfcal[docx]'" in refused.err
    assert not (office / "cr.docx").exists()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@pytest.fixture
def smtp():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


def calendar_uid(data: bytes) -> str:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    (uid,) = {line.removeprefix("UID:") for part in msg.walk()
              if part.get_content_type() == "text/calendar"
              for line in part.get_content().splitlines() if line.startswith("UID:")}
    return uid


def test_invite_dry_run_then_send_exactly_once(office: Path, smtp) -> None:
    inbox, url = smtp
    shutil.copy(SAMPLE_PEOPLE, office / "config" / "people.yaml")
    # --provisional: the 2020 GECs are rule dates nobody confirmed but June's
    base = ("invite", "2020", "--type", "gec-monthly", "--provisional", "--organizer",
            "seg@example.org", "--config", "config")
    ptfcal(*base, "--dry-run", cwd=office)
    drafts = sorted((office / "config" / ".ptfcal-outbox" / "drafts").glob("*.eml"))
    assert len(drafts) == 11 and drafts[0].name.startswith("2020-01-08-gec-monthly-request-0-")
    assert inbox.messages == []
    ptfcal(*base, "--send", "--smtp", url, cwd=office)
    assert len(inbox.messages) == 11
    uids = {calendar_uid(m) for _, m in inbox.messages}
    assert len(uids) == 11 and "gec-monthly.gec.20200610.convocation@ptfcal.ptf-mali" in uids
    again = ptfcal(*base, "--send", "--smtp", url, cwd=office)
    assert len(inbox.messages) == 11, again.out  # the rerun sent nothing
    outbox = json.loads((office / "config" / ".ptfcal-outbox" / "outbox.json")
                        .read_text(encoding="utf-8"))
    assert len(outbox["events"]) == 11
    # an update is due; the outbox open in another program: refused before anything is sent
    ptfcal("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--config", "config",
           cwd=office)
    with open_file(office / "config" / ".ptfcal-outbox" / "outbox.json", office):
        held = ptfcal(*base, "--send", "--smtp", url, cwd=office, code=2)
    assert "aucun message n'a été envoyé" in held.err, held.err
    assert len(inbox.messages) == 11
    ptfcal(*base, "--send", "--smtp", url, cwd=office)
    assert len(inbox.messages) == 12  # the update, once
    assert calendar_uid(inbox.messages[-1][1]) == \
        "gec-monthly.gec.20200909.convocation@ptfcal.ptf-mali"


def test_check_against_a_partner_export(office: Path) -> None:
    shutil.copy(PARTNER, office / "agenda partenaire.ics")
    result = ptfcal("check", "2020", "--against", "agenda partenaire.ics", "--format", "json",
                    "--config", "config", cwd=office)
    linux = run_ptfcal("check", "2020", "--against", "agenda partenaire.ics", "--format",
                       "json", "--config", "config", cwd=office)
    found = json.loads(result.out)
    assert [(f["rule"], f["dates"]) for f in found["findings"] if f["rule"].startswith("C-EXT")
            ] == [("C-EXT-1", ["2020-06-17"]), ("C-EXT-2", ["2020-07-31"]),
                  ("C-EXT-1", ["2020-09-08"]), ("C-EXT-2", ["2020-09-22"])]
    assert [f["message"] for f in found["findings"]] == [
        f["message"] for f in json.loads(linux.out)["findings"]]


def wine_major() -> int:
    import subprocess

    version = subprocess.run([prepare.wine(), "--version"], capture_output=True, text=True)
    return int(version.stdout.strip().removeprefix("wine-").split(".")[0])


@pytest.mark.xfail(wine_major() < 9, strict=True, reason=(
    "Wine 8's ucrtbase lacks crealf, which numpy's Windows wheel (needed by ortools) calls on "
    "import: the solver cannot load under this Wine, only on Windows itself"))
def test_plan_with_the_solvers_windows_wheel(office: Path) -> None:
    pin = ("--pin", "gec-monthly@2020-06=2020-06-17")
    doc = json.loads(ptfcal("plan", "2020", *pin, "--format", "json", "--config", "config",
                            cwd=office).out)
    linux = json.loads(run_ptfcal("plan", "2020", *pin, "--format", "json", "--config",
                                  str(office / "config")).out)
    assert doc == linux


def test_french_comes_out_readable_through_a_pipe(office: Path) -> None:
    result = ptfcal("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--reason",
                    "Salle indisponible — reportée", "--config", "config", "--dry-run",
                    cwd=office)
    text = result.raw_out.decode("utf-8")  # strict: UTF-8 bytes, not the ANSI code page
    assert "Aperçu" in text and "mercredi 16 septembre 2020" in text, text
    error = ptfcal("move", "gec-mensuel@2020-09", "--to", "2020-09-16", "--config", "config",
                   cwd=office, code=2)
    assert "« gec-mensuel » n'est pas un type de réunion" in error.raw_err.decode("utf-8")
    helped = ptfcal("--help", cwd=office)
    assert "génère les flux ICS, vérifie les règles" in " ".join(helped.out.split())


def test_french_comes_out_readable_on_a_console(office: Path) -> None:
    shown = on_console("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--reason",
                       "Salle indisponible — reportée", "--config", "config", "--dry-run",
                       cwd=office)
    assert "Aperçu" in shown and "mercredi 16 septembre 2020" in shown, shown
    assert "Salle indisponible — reportée" in shown, shown
    error = on_console("move", "gec-mensuel@2020-09", "--to", "2020-09-16", "--config",
                       "config", cwd=office, code=2)
    assert "« gec-mensuel » n'est pas un type de réunion" in error, error


def test_an_output_file_open_in_another_program(office: Path) -> None:
    """events.csv open in Excel while `generate` must rewrite it: a message naming it, the
    publication as it was (every file whole, nothing half-written), then a rerun once it is
    closed publishes."""
    args = ("generate", "2020", "--config", "config", "--out", "sortie", "--as-of", AS_OF)
    ptfcal(*args, cwd=office)
    ptfcal("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--config", "config",
           cwd=office)
    before = tree(office / "sortie")
    held = office / "sortie" / "2020" / "events.csv"
    with open_file(held, office):
        refused = ptfcal(*args, cwd=office, code=2)
        assert tree(office / "sortie") == before  # no temporary left, no file changed
    assert refused.out == ""
    assert "sortie\\2020\\events.csv" in refused.err, refused.err
    assert "ouvert dans un autre programme" in refused.err, refused.err
    ptfcal(*args, cwd=office)
    assert held.read_bytes() != before["2020/events.csv"]
    assert b"2020-09-16" in held.read_bytes()


def test_a_configuration_file_open_in_an_editor(office: Path) -> None:
    """The file a `move` edits held open: a message naming it, no file changed, nothing in
    the journal (`undo` has nothing to undo); once closed, the move is recorded."""
    move = ("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--config", "config")
    start = tree(office / "config")
    dry = ptfcal(*move, "--dry-run", cwd=office).out
    (edited,) = {line.split("b/", 1)[1].strip() for line in dry.splitlines()
                 if line.startswith("+++ b/")}
    with open_file(office / "config" / edited, office):
        refused = ptfcal(*move, cwd=office, code=2)
        assert tree(office / "config") == start | {k: v for k, v in tree(office / "config")
                                                     .items() if k == ".ptfcal.lock"}
    assert "ouvert dans un autre programme" in refused.err, refused.err
    assert edited.replace("/", "\\") in refused.err, refused.err
    assert "Enregistré" not in refused.out
    nothing = ptfcal("undo", "--config", "config", cwd=office, code=1)
    assert nothing.out == "Rien à annuler : le journal est vide.\n"
    assert "Enregistré" in ptfcal(*move, cwd=office).out


def test_the_folder_lock_shared_and_exclusive(office: Path) -> None:
    """A publication reading the configuration (shared lock) does not stop another from
    reading it; an edit waits for neither and says so."""
    move = ("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--config", "config")
    with folder_lock(office / "config", office, shared=True):
        ptfcal("generate", "2020", "--config", "config", "--out", "sortie", "--as-of", AS_OF,
               cwd=office)
        busy = ptfcal(*move, cwd=office, code=2)
        assert "un autre ptfcal travaille dans" in busy.err, busy.err
    with folder_lock(office / "config", office, shared=False):
        busy = ptfcal("generate", "2020", "--config", "config", "--out", "sortie",
                      "--as-of", AS_OF, cwd=office, code=2)
        assert "un autre ptfcal travaille dans" in busy.err, busy.err
    assert "Enregistré" in ptfcal(*move, cwd=office).out  # released when the holder ended


def test_the_ledger_of_written_files_on_windows(office: Path, tmp_path: Path) -> None:
    """`actions --output suivi.csv` on Windows, the state folder (the ledger's home) a Windows
    path given by PTFCAL_STATE_DIR: its own file replaced after a new action, the same file
    annotated by the secretariat refused (exit 2, its bytes kept)."""
    ref = "gec-monthly@2020-03"
    for args in (("attendance", ref, "--present", "france=2,canada"),
                 ("action", ref, "Transmettre la note au MEF", "--owner", "banque-mondiale",
                  "--due", "2020-03-31")):
        assert run_ptfcal(*args, "--config", "config", cwd=office).code == 0
    state = tmp_path / "état ptfcal"
    env = {"PTFCAL_STATE_DIR": prepare.windows_path(state)}
    args = ("actions", "--open", "--format", "csv", "--output", "suivi.csv", "--config",
            "config")
    target = office / "suivi.csv"
    ptfcal(*args, cwd=office, env=env)
    first = target.read_bytes()
    assert b"Transmettre la note au MEF" in first
    written = json.loads((state / "written.json").read_text(encoding="utf-8"))["files"]
    # the key is the Windows path, case folded (NTFS ignores case)
    [key] = written
    assert key == prepare.windows_path(target).lower(), key
    # a new action, then the same command: the file is ptfcal's and unchanged, so replaced
    ptfcal("action", ref, "Diffuser le calendrier", "--owner", "afd", "--due", "2020-04-30",
           "--config", "config", cwd=office, env=env)
    ptfcal(*args, cwd=office, env=env)
    second = target.read_bytes()
    assert second != first and b"Diffuser le calendrier" in second
    # annotated in Excel: never overwritten, nothing written
    annotated = second + "Vu en réunion\r\n".encode()
    target.write_bytes(annotated)
    refused = ptfcal(*args, cwd=office, env=env, code=2)
    assert "existe déjà et ptfcal ne l'a pas écrit, ou il a été modifié depuis" in refused.err
    assert "suivi.csv" in refused.err and "Traceback" not in refused.err
    assert target.read_bytes() == annotated
    assert sorted(p.name for p in office.iterdir()) == ["config", "suivi.csv"]
