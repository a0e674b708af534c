"""`ptfcal generate` end to end: the files it writes, its summary, determinism, atomicity."""

from __future__ import annotations

import json
import os
import resource
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.conftest import ROOT, edit, run_ptfcal


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generate_2020_writes_every_feed_and_export(tmp_path) -> None:
    result = run_ptfcal("generate", "2020", "--out", str(tmp_path), env={"COLUMNS": "250"})
    assert result.code == 0, result.err
    files = set(tree(tmp_path / "2020"))
    assert {"all.ics", "deadlines.ics", "events.json", "events.csv", "check.md",
            "check.json", "levels/political.ics", "levels/technical.ics",
            "levels/joint.ics"} <= files
    bodies = {f.split("/")[1][:-4] for f in files if f.startswith("bodies/")}
    assert bodies == {
        "gec", "ga", "collectif-ptf", "gt-coordinators", "commission-mixte", "credd-review",
        "comite-conjoint-abg", "mef", "sector-reviews", "seg", "gt-ptf-1-economie",
        "gt-ptf-2-capital-humain", "gt-ptf-3-gouvernance", "gt-ptf-4-paix-securite",
        "gt-ptf-5-environnement"}
    institutions = {f.split("/")[1][:-4] for f in files if f.startswith("institutions/")}
    assert len(institutions) == 24  # every institution sits in the GEC
    # the summary: counts per body, the moved dates and why, where the files are
    assert "Calendrier 2020 des PTF — 42 événements" in result.out
    assert "Journée du Maouloud (Baptême du Prophète)" in result.out
    assert "Réunion de coordination tripartite (×5)" in result.out
    assert "Aucune date déplacée." in result.out
    assert ("Date maintenue, à confirmer : Réunion de coordination tripartite (×5), jeudi 5 "
            "novembre 2020") in " ".join(result.out.split())
    assert f"44 flux ICS, events.json et events.csv écrits dans {tmp_path / '2020'}" in result.out


def test_english_output(tmp_path) -> None:
    result = run_ptfcal("generate", "2021", "--out", str(tmp_path), "--lang", "en",
                        env={"COLUMNS": "250"})
    assert result.code == 0, result.err
    assert "PTF calendar 2021 — 90 events" in result.out
    assert "Eid al-Fitr" in result.out
    feed = (tmp_path / "2021" / "en" / "bodies" / "gec.ics").read_bytes().decode("utf-8")
    assert "SUMMARY:GEC monthly meeting\r\n" in feed
    assert "X-WR-CALNAME:PTF Mali — GEC 2021\r\n" in feed
    assert "Moved from Wednesday 12 May 2021: Eid al-Fitr." in feed.replace("\r\n ", "")
    csv = (tmp_path / "2021" / "en" / "events.csv").read_bytes().decode("utf-8-sig")
    assert csv.startswith("Date;Last day;Weekday;Start;End;Title;")


def test_same_input_gives_byte_identical_files(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_ptfcal("generate", "2020", "--out", str(a)).code == 0
    other_machine = {"LANG": "en_US.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "America/New_York",
                     "PYTHONHASHSEED": "12345"}
    assert run_ptfcal("generate", "2020", "--out", str(b), env=other_machine).code == 0
    assert tree(a) == tree(b)


def test_rerun_leaves_unchanged_files_untouched(tmp_path) -> None:
    assert run_ptfcal("generate", "2020", "--out", str(tmp_path)).code == 0
    gec = tmp_path / "2020" / "bodies" / "gec.ics"
    os.utime(gec, (1_000_000_000, 1_000_000_000))
    assert run_ptfcal("generate", "2020", "--out", str(tmp_path)).code == 0
    assert gec.stat().st_mtime == 1_000_000_000


def test_feed_of_a_body_that_no_longer_has_events_keeps_its_cancellations(
        tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    assert run_ptfcal("generate", "2020", "--config", str(config_copy), "--out",
                      str(out)).code == 0
    assert (out / "2020" / "bodies" / "ga.ics").exists()
    edit(config_copy / "meetings.yaml", "    rule:                    # A-11 [PROPOSAL]: one per "
         "half-year\n      day: fourth wednesday\n      months: [april, october]\n", "")
    assert run_ptfcal("generate", "2020", "--config", str(config_copy), "--out",
                      str(out)).code == 0
    # its two meetings are published as cancelled, so the feed stays with them
    feed = (out / "2020" / "bodies" / "ga.ics").read_bytes().decode()
    assert feed.count("STATUS:CANCELLED") == 2
    assert feed.count("SUMMARY:ANNULÉ : Réunion du Groupe des Ambassadeurs") == 2


def test_a_failed_write_changes_nothing(tmp_path) -> None:
    """A file-size limit makes the second file's write fail: no file changes, no temporary
    file is left, the message says why."""
    out = tmp_path / "calendars"
    assert run_ptfcal("generate", "2020", "--out", str(out)).code == 0
    before = tree(out)
    # change the input so that every file would change, then write under a 20 kB limit
    config = tmp_path / "config"
    import shutil

    shutil.copytree(ROOT / "config", config)
    edit(config / "ptfcal.yaml", "  fr: PTF Mali\n", "  fr: PTF du Mali\n")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = run_ptfcal("generate", "2020", "--config", str(config), "--out", str(out),
                        preexec=limit)
    assert result.code == 2
    assert ("plus de place (disque plein ou limite de taille de fichier) ; aucun fichier n'a été "
            "modifié") in result.err
    assert "Traceback" not in result.err
    assert tree(out) == before


def test_output_folder_that_is_a_file(tmp_path) -> None:
    blocker = tmp_path / "calendars"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_ptfcal("generate", "2020", "--out", str(blocker))
    assert result.code == 2
    assert result.err == f"erreur : {blocker} n'est pas un dossier ; aucun fichier n'a été " \
                         "modifié\n"
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_default_year_is_the_current_year_in_bamako(tmp_path) -> None:
    result = run_ptfcal("generate", "--out", str(tmp_path))
    assert result.code == 0, result.err
    this_year = datetime.now(ZoneInfo("Africa/Bamako")).year
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [str(this_year), "feeds", "index.html", ".ptfcal-state.json", ".ptfcal.lock"])


def test_events_json_is_versioned_and_complete(tmp_path) -> None:
    assert run_ptfcal("generate", "2020", "--out", str(tmp_path)).code == 0
    doc = json.loads((tmp_path / "2020" / "events.json").read_text(encoding="utf-8"))
    assert doc["version"] == 1
    assert doc["year"] == 2020
    assert doc["timezone"] == "Africa/Bamako"
    assert len(doc["events"]) == 42
    rbc = next(e for e in doc["events"] if e["meeting_type"] == "rbc")
    assert rbc["combined_types"] == ["credd-review-political"]
    assert rbc["bodies"] == ["comite-conjoint-abg", "credd-review"]
    assert rbc["start"] == "2020-06-18T09:00:00+00:00"
    assert rbc["source"]["legal_basis"] == ["joint-decision-2018-01", "as-abg-2012",
                                            "mef-decision-145"]
    # the day after the estimated Baptême (Wednesday 4 November): kept, to be confirmed
    kept = [e for e in doc["events"] if e["meeting_type"] == "gt-ptf-coordination"
            and e["nominal_date"] == "2020-11-05"]
    assert len(kept) == 5
    assert {(e["date"], e["shifted_from"]) for e in kept} == {("2020-11-05", None)}


def test_events_csv_opens_in_french_excel(tmp_path) -> None:
    assert run_ptfcal("generate", "2020", "--out", str(tmp_path)).code == 0
    raw = (tmp_path / "2020" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfDate;Dernier jour;Jour;D\xc3\xa9but;Fin;Titre;")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == ""  # CRLF after every row
    assert len(lines) == 1 + 42 + 1
    assert lines[1].startswith("2020-01-08;2020-01-08;mercredi;09:00;12:00;Réunion mensuelle "
                               "du GEC;GEC;Réunion mensuelle du GEC;Niveau politique;Réunion;"
                               "prévisionnelle;")


def test_python_dash_m_and_version() -> None:
    result = run_ptfcal("--version")
    assert result.code == 0
    assert result.out.strip() == "ptfcal 0.1.0"


def test_installed_command_uses_its_bundled_configuration(tmp_path) -> None:
    """From a folder without ./config, the installed `ptfcal` finds the configuration shipped
    in the package and writes the same feeds as the repository's golden copy."""
    import shutil
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("ptfcal")
    if not exe.exists():  # pragma: no cover - always installed by the README's command
        exe = Path(shutil.which("ptfcal") or "ptfcal")
    proc = subprocess.run([str(exe), "generate", "2020"], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "PTFCAL_CONFIG": ""})
    assert proc.returncode == 0, proc.stderr
    from ptfcal.config import bundled_dir

    assert (bundled_dir() / "ptfcal.yaml").is_file()
    assert tree(tmp_path / "calendars" / "2020") == tree(ROOT / "calendars" / "2020")
