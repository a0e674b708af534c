"""A publication the secretariat can trust (issue 9): loud about what it publishes and about
the rules it breaks, both languages side by side without churn, history that survives the
loss of the change-tracking state, tentative dates, addresses that never break."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import append, edit, run_ptfcal

AS_OF = "2020-07-01"
UID_GEC_JUNE = "gec-monthly.gec.20200610@ptfcal.ptf-mali"
UID_GEC_JULY = "gec-monthly.gec.20200708@ptfcal.ptf-mali"
UID_CM_JULY = "commission-mixte-session.commission-mixte.20200716@ptfcal.ptf-mali"
SECTOR_REVIEW = ("events:\n  - type: sector-review\n    body: cps-sante-dspf\n"
                 "    date: 2020-05-04\n"
                 "    title: {fr: Revue sectorielle Santé, en: Health sector review}\n")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def generate(config: Path, out: Path, *args: str, code: int = 0):
    result = run_ptfcal("generate", "2020", "--config", str(config), "--out", str(out),
                        "--as-of", AS_OF, *args, env={"COLUMNS": "200"})
    assert result.code == code, (result.code, result.out, result.err)
    return result


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def vevents(data: bytes) -> dict[str, str]:
    text = data.decode("utf-8").replace("\r\n ", "")
    return {re.search(r"\r\nUID:(.*?)\r\n", block).group(1): block
            for block in text.split("BEGIN:VEVENT")[1:]}


def test_a_recorded_error_is_in_the_summary_and_strict_publishes_nothing(tmp_path,
                                                                        config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    before = tree(out)
    append(config_copy / "years" / "2020.yaml", SECTOR_REVIEW)
    refused = generate(config_copy, out, "--strict", code=1)
    assert tree(out) == before  # nothing written
    assert "Publication refusée (--strict) : 1 erreur ; aucun fichier n'a été écrit." \
        in lines(refused.out)
    # without --strict the fact is published, and said
    result = generate(config_copy, out)
    summary = lines(result.out)
    # the warnings: the recorded GEC of 17 June 2020 (C-GEC-1) and the five tripartite
    # coordinations kept on 5 November 2020, next to the estimated Baptême (C-GEN-7)
    assert "Vérification des années publiées (2019–2021) : 1 erreur, 6 avertissements." \
        in summary
    at = summary.index("Ces erreurs sont publiées telles quelles (détail dans check.md ; --strict "
                       "refuse de publier un calendrier qui en contient) :")
    assert summary[at + 1] == ("C-SR-1 Revue sectorielle Santé le lundi 4 mai 2020 : trop tard "
                               "(avant le 30 avril)")
    assert "Changements pour les abonnés depuis la publication précédente : 1 ajout" in summary
    row = next(line for line in summary if "│ ajouté" in line)
    assert "lun. 4 mai 09:00" in row and "Revue sectorielle Santé" in row
    assert tree(out) != before


def test_dry_run_names_each_change_and_writes_nothing(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    append(config_copy / "years" / "2020.yaml",
           "events:\n  - type: troika-meeting\n    date: 2020-09-15\n")
    generate(config_copy, out)
    before = tree(out)
    # an event added, one moved, one cancelled, one removed
    edit(config_copy / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
         "    date: 2020-09-15\n", SECTOR_REVIEW)
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    edit(config_copy / "years" / "2020.yaml", "\noccurrences:\n", "\noccurrences:\n"
         "  - type: commission-mixte-session\n    nominal: 2020-07-16\n    cancelled: true\n")
    dry = generate(config_copy, out, "--dry-run")
    assert tree(out) == before
    summary = lines(dry.out)
    assert "Simulation (--dry-run) : aucun fichier n'a été écrit ; voici ce que la publication " \
           "ferait." in summary
    assert ("Changements pour les abonnés depuis la publication précédente : 1 ajout, "
            "1 déplacement, 1 annulation, 1 retrait (publié comme annulé)") in summary
    rows = [line for line in summary if line.startswith("│ ") and "│" in line[2:]]
    named = {line.split("│")[1].strip(): line for line in rows
             if line.split("│")[1].strip() in ("ajouté", "déplacé", "annulé",
                                              "retiré, publié comme annulé")}
    assert "Revue sectorielle Santé" in named["ajouté"]
    assert "Réunion mensuelle du GEC" in named["déplacé"]
    assert "auparavant le mercredi 17 juin 2020" in named["déplacé"]
    assert "Session de la Commission Mixte" in named["annulé"]
    assert "Réunion de la Troïka" in named["retiré, publié comme annulé"]
    assert re.search(r"Fichiers dans .* : \d+ fichiers à écrire", dry.out)
    # the real run prints the same changes, and writes them
    real = lines(generate(config_copy, out).out)
    assert [line for line in real if line.startswith("│ ")] == rows
    assert tree(out) != before


def test_dry_run_into_a_new_folder_creates_nothing(tmp_path, config_copy) -> None:
    out = tmp_path / "new"
    result = generate(config_copy, out, "--dry-run")
    assert not out.exists()
    assert "Première publication dans ce dossier" in result.out


def test_the_terminal_language_changes_no_published_byte(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    before = tree(out)
    english = generate(config_copy, out, "--lang", "en")
    assert "No change for subscribers since the previous publication." in english.out
    assert tree(out) == before
    generate(config_copy, out, "--lang", "fr")
    assert tree(out) == before
    # both languages are there, at their own addresses
    fr = (out / "feeds" / "gec.ics").read_bytes().decode()
    en = (out / "feeds" / "en" / "gec.ics").read_bytes().decode()
    assert "SUMMARY:Réunion mensuelle du GEC\r\n" in fr
    assert "SUMMARY:GEC monthly meeting\r\n" in en
    assert set(vevents(fr.encode())) == set(vevents(en.encode()))  # the same UIDs
    assert (out / "2020" / "en" / "events.csv").read_bytes().decode("utf-8-sig").startswith(
        "Date;Last day;")
    assert (out / "2020" / "en" / "planner.html").is_file()


def _sequence(path: Path, uid: str) -> int:
    return int(re.search(r"\r\nSEQUENCE:(\d+)\r\n", vevents(path.read_bytes())[uid]).group(1))


def _lost_state_scenario(tmp_path, config_copy, damage) -> tuple[Path, str]:
    """Publish; move the June GEC (SEQUENCE 1); remove an event (published as cancelled);
    damage the state; regenerate."""
    out = tmp_path / "out"
    append(config_copy / "years" / "2020.yaml",
           "events:\n  - type: troika-meeting\n    date: 2020-09-15\n")
    generate(config_copy, out)
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    edit(config_copy / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
         "    date: 2020-09-15\n", "")
    generate(config_copy, out)
    state = out / ".ptfcal-state.json"
    assert json.loads(state.read_bytes())["version"] == 3
    published = tree(out)
    damage(state)
    result = generate(config_copy, out)
    after = tree(out)
    for path in published:  # nothing subscribers have changes
        if path.endswith(".ics"):
            assert after[path] == published[path], path
    return out, result.out


TROIKA = "troika-meeting.troika.20200915@ptfcal.ptf-mali"


@pytest.mark.parametrize("damage", ["deleted", "truncated", "wrong shape"])
def test_a_lost_state_keeps_sequences_and_cancellations(tmp_path, config_copy, damage) -> None:
    def hurt(state: Path) -> None:
        if damage == "deleted":
            state.unlink()
        elif damage == "truncated":
            state.write_bytes(state.read_bytes()[:1000])
        else:
            state.write_text('{"version": 3, "events": []}', encoding="utf-8")

    out, summary = _lost_state_scenario(tmp_path, config_copy, hurt)
    assert _sequence(out / "feeds" / "gec.ics", UID_GEC_JUNE) == 1
    assert _sequence(out / "feeds" / "en" / "gec.ics", UID_GEC_JUNE) == 1
    troika = vevents((out / "feeds" / "troika.ics").read_bytes())[TROIKA]
    assert "\r\nSTATUS:CANCELLED\r\n" in troika and "\r\nSEQUENCE:1\r\n" in troika
    assert "Historique reconstitué à partir de" in summary
    assert "Aucun changement pour les abonnés depuis la publication précédente." in summary
    kept = sorted(p.name for p in out.glob(".ptfcal-state.damaged*"))
    if damage == "deleted":
        assert kept == [] and "état de suivi absent" in summary
    else:
        assert kept == [".ptfcal-state.damaged.json"]  # the damaged state is never lost
        assert "L'état illisible est conservé sous" in summary
    # history goes on from there: the next change is SEQUENCE 2
    config = out.parent / "config"
    edit(config / "years" / "2020.yaml", "    date: 2020-06-18\n", "    date: 2020-06-19\n")
    generate(config, out)
    assert _sequence(out / "feeds" / "gec.ics", UID_GEC_JUNE) == 2
    assert "\r\nSEQUENCE:1\r\n" in vevents((out / "feeds" / "troika.ics").read_bytes())[TROIKA]


def test_a_state_from_a_newer_ptfcal_stops_the_run(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    state = out / ".ptfcal-state.json"
    state.write_text('{"version": 99, "events": {}}', encoding="utf-8")
    before = tree(out)
    result = generate(config_copy, out, code=2)
    assert "plus récente de ptfcal (format 99" in result.err
    assert "aucun fichier n'a été modifié" in result.err
    assert tree(out) == before


def test_a_state_that_is_a_folder_stops_the_run(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    state = out / ".ptfcal-state.json"
    state.unlink()
    state.mkdir()
    before = tree(out)
    result = generate(config_copy, out, code=2)
    assert "n'est pas un fichier ordinaire" in result.err
    assert tree(out) == before and state.is_dir()


def test_planned_dates_are_tentative_and_a_confirmation_is_a_revision(tmp_path,
                                                                     config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    july = vevents((out / "feeds" / "gec.ics").read_bytes())[UID_GEC_JULY]
    for line in ("STATUS:TENTATIVE", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE", "TRANSP:OPAQUE",
                 "SEQUENCE:0"):
        assert f"\r\n{line}\r\n" in july, line
    june = vevents((out / "feeds" / "gec.ics").read_bytes())[UID_GEC_JUNE]  # recorded
    assert "\r\nSTATUS:CONFIRMED\r\n" in june and "BUSYSTATUS:BUSY\r\n" in june
    deadline = vevents((out / "feeds" / "deadlines.ics").read_bytes())[
        "harmonised-calendar-circular.mef.20200114@ptfcal.ptf-mali"]
    assert "\r\nSTATUS:CONFIRMED\r\n" in deadline  # a legal deadline is firm (tentative: false)
    edit(config_copy / "years" / "2020.yaml", "\noccurrences:\n",
         "\noccurrences:\n  - type: gec-monthly\n    nominal: 2020-07-08\n")
    summary = lines(generate(config_copy, out).out)
    july = vevents((out / "feeds" / "gec.ics").read_bytes())[UID_GEC_JULY]
    for line in ("STATUS:CONFIRMED", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "SEQUENCE:1"):
        assert f"\r\n{line}\r\n" in july, line
    row = next(line for line in summary if "│ modifié" in line)
    assert "Réunion mensuelle du GEC" in row and "statut" in row


def test_tentative_is_configurable_per_meeting_type(tmp_path, config_copy) -> None:
    edit(config_copy / "meetings.yaml", "  - id: gec-monthly\n",
         "  - id: gec-monthly\n    tentative: false\n")
    out = tmp_path / "out"
    generate(config_copy, out)
    july = vevents((out / "feeds" / "gec.ics").read_bytes())[UID_GEC_JULY]
    assert "\r\nSTATUS:CONFIRMED\r\n" in july


def test_a_feed_whose_events_leave_the_window_stays_published(tmp_path, config_copy) -> None:
    """The Pool Technique handed over to the SEG on 3 June 2019: when the window moves past
    2019, its subscription feed stays, empty, saying why - never a 404."""
    out = tmp_path / "out"
    generate(config_copy, out)
    old = sorted(p.name for p in (out / "feeds").glob("*.ics"))
    result = run_ptfcal("generate", "2023", "--config", str(config_copy), "--out", str(out),
                        "--as-of", "2023-03-01", env={"COLUMNS": "200"})
    assert result.code == 0, result.err
    now = sorted(p.name for p in (out / "feeds").glob("*.ics"))
    assert set(old) <= set(now)
    gone = [name for name in old if not vevents((out / "feeds" / name).read_bytes())]
    assert gone == ["pool-technique.ics"]
    text = (out / "feeds" / "pool-technique.ics").read_bytes().decode().replace("\r\n ", "")
    assert ("X-WR-CALDESC:Réunions et échéances du Pool Technique des PTF\\, "
            "2022–2024. Cette instance a pris fin le dimanche 2 juin 2019 : l'abonnement reste "
            "valable\\, sans événement à venir.\r\n") in text
    assert "X-WR-CALNAME:PTF Mali — PT\r\n" in text
    assert ("2 flux sans événement conservés pour que leur adresse reste valable : "
            "feeds/en/pool-technique.ics, feeds/pool-technique.ics") in lines(result.out)


def test_a_partner_that_left_keeps_its_feed_saying_since_when(tmp_path) -> None:
    """MINUSMA's withdrawal was completed on 31 December 2023: published in 2023, its feed
    stays in 2026, empty, with the reason in its description."""
    out = tmp_path / "out"
    assert run_ptfcal("generate", "2023", "--out", str(out), "--as-of", "2023-03-01").code == 0
    assert vevents((out / "feeds" / "minusma.ics").read_bytes())
    result = run_ptfcal("generate", "2026", "--out", str(out), "--as-of", "2026-03-01")
    assert result.code == 0, result.err
    assert vevents((out / "feeds" / "minusma.ics").read_bytes()) == {}
    text = (out / "feeds" / "minusma.ics").read_bytes().decode().replace("\r\n ", "")
    assert ("Ce partenaire ne prend plus part aux rencontres après le dimanche 31 décembre "
            "2023 : l'abonnement reste valable\\, sans événement à venir.\r\n") in text
    assert "MINUSMA" not in (out / "2026" / "events.csv").read_text(encoding="utf-8-sig")


def test_a_foreign_file_in_the_way_is_never_replaced(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    (out / "feeds").mkdir(parents=True)
    mine = out / "feeds" / "gec.ics"
    mine.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n")
    other = out / "feeds" / "podcasts.opml"
    other.write_text("<opml/>")
    result = generate(config_copy, out, code=2)
    assert "que ptfcal n'a pas publiés (feeds/gec.ics)" in result.err
    assert sorted(p.name for p in (out / "feeds").iterdir()) == ["gec.ics", "podcasts.opml"]
    assert mine.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Someone else")
    mine.unlink()
    generate(config_copy, out)
    assert other.read_text() == "<opml/>"  # never deleted: ptfcal deletes nothing


@pytest.mark.parametrize("base, cloud", [
    ("https://ptf-mali.example.org/calendriers/", True),
    ("http://ptf-mali.example.org/calendriers/", False),
    ("https://192.168.1.20:8443/", False),
    ("http://localhost:8080/", False),
])
def test_cloud_links_only_for_a_public_https_address(tmp_path, config_copy, base, cloud):
    out = tmp_path / "out"
    generate(config_copy, out, "--base-url", base)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert ("outlook.office.com" in page) == cloud
    assert ("calendar.google.com" in page) == cloud
    assert ("n'est pas une adresse https publique" in page) == (not cloud)
    assert "webcal://" in page


def test_help_shows_the_choices_and_quiet_prints_nothing(tmp_path, config_copy) -> None:
    help_text = run_ptfcal("check", "--help", env={"COLUMNS": "200"}).out
    # (click writes the choices [a|b] or <a|b>, depending on its release)
    assert re.search(r"[\[<]text\|md\|json[\]>]", help_text), help_text
    assert re.search(r"[\[<]fr\|en[\]>]", help_text), help_text
    assert "--install-completion" in run_ptfcal("--help", env={"COLUMNS": "200"}).out
    quiet = generate(config_copy, tmp_path / "out", "--quiet")
    assert quiet.out == "" and quiet.err == ""


def test_a_progress_line_counts_the_years_on_a_terminal(tmp_path, config_copy) -> None:
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PTFCAL_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ptfcal", "generate", "2020-2022", "--config", str(config_copy),
         "--out", str(tmp_path / "out"), "--as-of", AS_OF],
        stderr=secondary, stdout=subprocess.PIPE, env=env, timeout=120)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert proc.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "Année 2019 (1/4)…" in text and "Année 2022 (4/4)…" in text  # (the window too)


def test_the_summary_warns_of_a_feed_near_googles_limit() -> None:
    from ptfcal.cli.render import generate_summary
    from ptfcal.publish.history import History
    from ptfcal.publish.output import WriteReport
    from ptfcal.publish.publication import publish
    from tests.conftest import bundled_model

    model = bundled_model()
    pub = publish(model, [2020])
    report = WriteReport(sizes={"feeds/all.ics": 950_000, "feeds/gec.ics": 40_000})
    from rich.console import Console

    console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(generate_summary(model, pub, report, History(pub_state()), Path("out"),
                                   Path("config"), "fr"))
    text = console.export_text()
    assert "feeds/all.ics : 950 Ko. Google Agenda ignore les événements au-delà d'environ 1 Mo" \
        in text
    assert "gec.ics :" not in text


def pub_state():
    from ptfcal.publish.tracking import State

    return State()


def test_pyproject_declares_its_licence_the_current_way() -> None:
    import tomllib

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
