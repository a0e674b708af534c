"""Recording the year by command (issue 12): the verbs as small, comment-preserving edits,
validated before they are written, previewed, journalled and undone byte for byte."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CONFIG, append, run_ptfcal
from tests.test_subscriptions import vevents

UID_GEC_JUNE = "gec-monthly.gec.20200610@ptfcal.ptf-mali"
UID_GA_OCTOBER = "ga-meeting.ga.20201028@ptfcal.ptf-mali"


def ptfcal(config: Path, *args: str, code: int = 0):
    result = run_ptfcal(*args, "--config", str(config), env={"COLUMNS": "200"})
    assert result.code == code, (result.code, result.out, result.err)
    return result


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.relative_to(folder).as_posix().startswith(".ptfcal")}


def test_a_round_trip_with_no_change_gives_every_bundled_file_back() -> None:
    from ptfcal.config.writer import Document

    for path in sorted(CONFIG.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = Document(text)
        assert doc.keeps_layout and doc.text() == text, path


def test_the_issues_commands_then_generate_then_undo_everything(tmp_path, config_copy) -> None:
    """The commands of issue 12, as written, on a copy of the bundled configuration."""
    start = tree(config_copy)
    said = ptfcal(config_copy, "move", "gec-monthly@2020-06", "--to", "2020-06-17",
                  "--reason", "GEC élargi, adoption des 5 GT PTF", "--dry-run")
    # the texts already record the June GEC on the 17th: nothing to do, nothing written
    assert said.out == "Réunion mensuelle du GEC : déjà le mercredi 17 juin 2020 ; rien à " \
                       "changer.\n"
    ptfcal(config_copy, "cancel", "ga-meeting@2020-10", "--reason", "Report sine die")
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")
    ptfcal(config_copy, "add", "gec-extraordinary", "--on", "2020-04-02", "--time",
           "10:00-12:00", "--title", "GEC extraordinaire : riposte COVID-19")
    ptfcal(config_copy, "record", "gec-monthly@2020-03", "--chair", "banque-mondiale",
           "--attendance", "fao=2", "--attendance", "pnud=1")
    ptfcal(config_copy, "holiday", "confirm", "eid-al-adha", "2025", "--on", "2025-06-06",
           "--source", "Communiqué N°2025-006/MARCC-SG")
    ptfcal(config_copy, "holiday", "add", "2022-09-23", "--name",
           "Lendemain de la fête nationale", "--source", "Conseil des ministres")
    ptfcal(config_copy, "roles", "2021", "--chef-de-file", "allemagne", "--troika",
           "allemagne,suisse,pnud")
    out = tmp_path / "out"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    feed = vevents((out / "2020" / "all.ics").read_bytes())
    assert "DTSTART;TZID=Africa/Bamako:20200617T090000" in feed[UID_GEC_JUNE]
    assert "STATUS:CANCELLED" in feed[UID_GA_OCTOBER]
    added = feed["gec-extraordinary.gec.20200402@ptfcal.ptf-mali"]
    assert "SUMMARY:GEC extraordinaire : riposte COVID-19" in added
    assert "DTSTART;TZID=Africa/Bamako:20200402T100000" in added
    assert "STATUS:CONFIRMED" in feed["gec-monthly.gec.20200708@ptfcal.ptf-mali"]
    undone = 0
    while (result := run_ptfcal("undo", "--config", str(config_copy))).code == 0:
        undone += 1
    assert (undone, result.code, result.out) == (5, 1, "Rien à annuler : le journal est vide.\n")
    assert tree(config_copy) == start


def test_a_move_is_one_small_record_and_keeps_every_comment(config_copy) -> None:
    path = config_copy / "years" / "2020.yaml"
    before = path.read_text(encoding="utf-8")
    result = ptfcal(config_copy, "move", "gec-monthly@2020-09", "--to", "2020-09-16",
                    "--reason", "Visite ministérielle")
    after = path.read_text(encoding="utf-8")
    assert after == before + (
        "  - type: gec-monthly\n    nominal: 2020-09-09\n    date: 2020-09-16\n"
        "    rescheduled: true\n    note: \"Visite ministérielle\"\n")
    assert result.out.splitlines() == [
        "Enregistré : Réunion mensuelle du GEC : déplacée au mercredi 16 septembre 2020 "
        "(prévue le mercredi 9 septembre 2020).",
        "years/2020.yaml : 5 lignes ajoutées, aucune ligne retirée",
        "Vérification : 1 constat ajouté, aucun constat levé.",
        "  + C-GEC-1 avertissement : Réunion mensuelle du GEC le mercredi 16 septembre 2020 au "
        "lieu du mercredi 9 septembre 2020 (date fixée hors de la règle)",
        "Prochaine publication : 2 déplacements.",
        "  déplacé : mar. 15 sept. 09:00 Réunion trimestrielle des Coordonnateurs des Groupes "
        "thématiques (auparavant mar. 8 sept. 09:00)",
        "  déplacé : mer. 16 sept. 09:00 Réunion mensuelle du GEC (auparavant mer. 9 sept. "
        "09:00)",
        "Pour revenir en arrière : ptfcal undo"]
    # moving it back to its planned date removes the record: the file is as it was
    back = ptfcal(config_copy, "move", "gec-monthly@2020-09-16", "--to", "2020-09-09")
    assert path.read_text(encoding="utf-8") == before
    assert "years/2020.yaml : aucune ligne ajoutée, 5 lignes retirées" in back.out


def test_moving_back_keeps_the_other_facts_and_their_comment(config_copy) -> None:
    """The June 2020 GEC record also says it was enlarged, with a source and a comment: moved
    back to the 10th, only the move goes."""
    path = config_copy / "years" / "2020.yaml"
    ptfcal(config_copy, "move", "gec-monthly@2020-06", "--to", "2020-06-10")
    text = path.read_text(encoding="utf-8")
    assert "# The June GEC met on the third Wednesday" in text
    assert "    nominal: 2020-06-10\n    enlarged_to: [gt-coordinators, cluster]\n" in text
    assert "date: 2020-06-17" not in text and "rescheduled: true" not in text


def test_dry_run_writes_nothing_and_shows_the_diff(config_copy) -> None:
    start = tree(config_copy)
    result = ptfcal(config_copy, "cancel", "ga-meeting@2020-10", "--dry-run")
    assert tree(config_copy) == start
    assert not (config_copy / ".ptfcal-journal").exists() or not any(
        (config_copy / ".ptfcal-journal").iterdir())
    assert result.out.startswith("--- a/years/2020.yaml\n+++ b/years/2020.yaml\n")
    assert "+    cancelled: true\n" in result.out
    assert "Aperçu, rien n'est écrit : Réunion du Groupe des Ambassadeurs du mercredi 28 " \
           "octobre 2020 : annulée" in result.out
    assert "+ C-GA-1 erreur : Réunion du Groupe des Ambassadeurs : 1 réunion dans l'année " \
           "2020 (au moins 2)" in result.out
    assert "Prochaine publication : 1 annulation." in result.out
    assert "ptfcal undo" not in result.out


@pytest.mark.parametrize(("args", "message"), [
    (("move", "gec-monthly@2020-09", "--to", "2020-09-31"), "--to"),
    (("move", "gt-ptf-coordination@2020-07", "--to", "2020-07-03"),
     "gt-ptf-coordination@2020-07 désigne 5 occurrences ; précisez : "
     "gt-ptf-coordination.gt-ptf-1-economie@2020-07; "),
    (("move", "gec-mensuel@2020-07", "--to", "2020-07-03"),
     "« gec-mensuel » n'est pas un type de réunion"),
    (("cancel", "gec-monthly@2020-08"), "gec-monthly@2020-08 : aucune occurrence à cette "
     "date ; celles de 2020 : gec-monthly@2020-01; "),
    (("record", "gec-monthly@2020-03", "--chair", "fmi"),
     "config/years/2020.yaml:28:12: occurrences[2].chair: 'fmi' n'est pas une institution ou "
     "une instance connue\nerreur : 1 erreur dans la configuration ; aucun fichier n'a été "
     "modifié."),
    (("roles", "2021", "--troika", "allemagne,xx"),
     "config/roles.yaml:26:25: years[2].troika[1]: 'xx' n'est pas une institution connue"),
    (("add", "troika-meeting", "--on", "2020-03-03", "--key", "reunion-a"),
     "--key reunion-a : un autre événement troika-meeting porte déjà ce nom"),
    (("holiday", "confirm", "eid-al-fitr", "2026", "--on", "2026-05-20"),
     "la bibliothèque « holidays » ne place la Fête du Ramadan (Korité) à moins de 5 jours"),
])
def test_a_refused_edit_writes_nothing_and_says_where(config_copy, args, message) -> None:
    append(config_copy / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
           "    date: 2020-03-02\n    key: reunion-a\n")
    start = tree(config_copy)
    result = ptfcal(config_copy, *args, code=2)
    assert message in result.err
    assert "Traceback" not in result.err
    assert tree(config_copy) == start
    assert not (config_copy / ".ptfcal-journal").exists() or not any(
        (config_copy / ".ptfcal-journal").iterdir())


def test_a_second_record_for_one_occurrence_is_refused_whoever_wrote_it(config_copy) -> None:
    append(config_copy / "years" / "2020.yaml",
           "  - type: ga-meeting\n    nominal: 2020-04-22\n    cancelled: true\n"
           "  - type: ga-meeting\n    nominal: 2020-04-22\n    date: 2020-04-23\n")
    start = tree(config_copy)
    result = ptfcal(config_copy, "confirm", "gec-monthly@2020-07", code=2)
    assert "two records for the same occurrence" in run_ptfcal(
        "validate", "--config", str(config_copy), "--lang", "en").err
    assert "deux enregistrements pour la même occurrence" in result.err
    assert tree(config_copy) == start


def test_a_moved_recorded_event_keeps_its_uid(tmp_path, config_copy) -> None:
    ptfcal(config_copy, "add", "troika-meeting", "--on", "2020-03-03")
    out = tmp_path / "out"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    uid = "troika-meeting.troika.20200303@ptfcal.ptf-mali"
    assert uid in vevents((out / "2020" / "all.ics").read_bytes())
    ptfcal(config_copy, "move", "troika-meeting@2020-03-03", "--to", "2020-03-05")
    summary = ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of",
                     "2020-07-01").out
    moved = vevents((out / "2020" / "all.ics").read_bytes())[uid]
    assert "DTSTART;TZID=Africa/Bamako:20200305T100000" in moved and "SEQUENCE:1" in moved
    assert "1 déplacement" in summary


def test_a_cancelled_recorded_event_is_published_cancelled(tmp_path, config_copy) -> None:
    ptfcal(config_copy, "add", "troika-meeting", "--on", "2020-03-03")
    ptfcal(config_copy, "cancel", "troika-meeting@2020-03-03", "--reason", "Reportée")
    out = tmp_path / "out"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    event = vevents((out / "2020" / "all.ics").read_bytes())[
        "troika-meeting.troika.20200303@ptfcal.ptf-mali"]
    assert "STATUS:CANCELLED" in event and "Reportée" in event


def test_an_announced_holiday_moves_what_falls_on_it(config_copy) -> None:
    """If Eid al-Fitr 2021 had been announced for Thursday 13 May, the GEC would stay on
    Wednesday the 12th (no longer a holiday)."""
    result = ptfcal(config_copy, "holiday", "confirm", "eid-al-fitr", "2021", "--on",
                    "2021-05-13", "--source", "Communiqué")
    assert "la Fête du Ramadan (Korité) : date officielle jeudi 13 mai 2021 (au lieu du " \
           "mercredi 12 mai 2021)" in result.out
    assert "déplacé : mer. 12 mai 09:00 Réunion mensuelle du GEC (auparavant jeu. 13 mai " \
           "09:00)" in result.out


def test_a_recurring_day_off_is_written_once(config_copy) -> None:
    result = ptfcal(config_copy, "holiday", "add", "2027-01-14", "--every-year", "--name",
                    "Journée nationale de la Souveraineté retrouvée", "--source", "Décret")
    assert "14 janvier : jour chômé chaque année à partir de 2027" in result.out
    text = (config_copy / "holidays.yaml").read_text(encoding="utf-8")
    assert text.endswith('  - day: 14 janvier\n    every_year_from: 2027\n'
                         '    name: "Journée nationale de la Souveraineté retrouvée"\n'
                         '    source: "Décret"\nnot_holidays: []\n')
    events = json.loads(ptfcal(config_copy, "events", "2027", "--type", "gec-monthly",
                               "--format", "json").out)["occurrences"]
    assert events[0]["planned"] == "2027-01-13"  # (the 14th is a Thursday: no GEC moves)


def test_roles_are_recorded_in_year_order(config_copy) -> None:
    ptfcal(config_copy, "roles", "2021", "--chef-de-file", "allemagne", "--troika",
           "allemagne,suisse,pnud", "--un-coordinating-agency", "pnud", "--tripartite",
           "gt-ptf-1-economie=fao,pnud,suisse")
    text = (config_copy / "roles.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "  - year: 2021\n    chef_de_file: allemagne\n    troika: [allemagne, suisse, pnud]\n"
        "    un_coordinating_agency: pnud\n    tripartite:\n"
        "      gt-ptf-1-economie: [fao, pnud, suisse]\n")
    check = run_ptfcal("check", "2021", "--config", str(config_copy), "--format", "json")
    assert not [f for f in json.loads(check.out)["findings"] if f["rule"] == "C-TROIKA-1"
                and f["severity"] != "info"]


def test_undo_refuses_when_the_file_changed_since(config_copy) -> None:
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")
    append(config_copy / "years" / "2020.yaml", "# a note by hand\n")
    result = ptfcal(config_copy, "undo", code=2)
    assert "impossible d'annuler « Réunion mensuelle du GEC du mercredi 8 juillet 2020 : " \
           "confirmée » : years/2020.yaml a été modifié depuis" in result.err
    assert (config_copy / "years" / "2020.yaml").read_text(encoding="utf-8").endswith(
        "# a note by hand\n")


def test_an_edit_that_was_journalled_but_never_written_is_dropped(config_copy) -> None:
    """A crash between the journal entry and the files: undo only drops the entry."""
    from ptfcal.model import Text
    from ptfcal.record import journal

    text = (config_copy / "roles.yaml").read_text(encoding="utf-8")
    journal.append(config_copy, Text("essai", "test"), "ptfcal roles", {
        "roles.yaml": (text, text + "# never written\n")})
    result = ptfcal(config_copy, "undo")
    assert result.out == "Annulé : essai (la modification n'avait pas été écrite).\n"
    assert (config_copy / "roles.yaml").read_text(encoding="utf-8") == text


def test_an_edit_is_refused_while_another_ptfcal_holds_the_folder(config_copy) -> None:
    from ptfcal.locking import FolderLock

    start = tree(config_copy)
    with FolderLock(config_copy):
        result = ptfcal(config_copy, "confirm", "gec-monthly@2020-07", code=2)
    assert "un autre ptfcal travaille dans" in result.err
    assert tree(config_copy) == start
    with FolderLock(config_copy, shared=True):  # a publication reading it
        ptfcal(config_copy, "confirm", "gec-monthly@2020-07", code=2)
    ptfcal(config_copy, "confirm", "gec-monthly@2020-07")


def test_a_link_in_the_configuration_is_not_edited(tmp_path, config_copy) -> None:
    real = tmp_path / "elsewhere.yaml"
    real.write_bytes((config_copy / "years" / "2020.yaml").read_bytes())
    (config_copy / "years" / "2020.yaml").unlink()
    (config_copy / "years" / "2020.yaml").symlink_to(real)
    result = ptfcal(config_copy, "confirm", "gec-monthly@2020-07", code=2)
    assert "n'est pas un fichier ordinaire (un lien ?) : ptfcal ne le modifie pas" in result.err
    assert (config_copy / "years" / "2020.yaml").is_symlink()


def test_events_lists_each_occurrence_with_its_reference(config_copy) -> None:
    doc = json.loads(ptfcal(config_copy, "events", "2020", "--type", "gt-ptf-coordination",
                            "--body", "gt-ptf-1-economie", "--format", "json").out)
    assert [(o["ref"], o["planned"], o["date"], o["status"]) for o in doc["occurrences"]] == [
        ("gt-ptf-coordination.gt-ptf-1-economie@2020-07", "2020-07-02", "2020-07-02",
         "planned"),
        ("gt-ptf-coordination.gt-ptf-1-economie@2020-09", "2020-09-03", "2020-09-03",
         "planned"),
        ("gt-ptf-coordination.gt-ptf-1-economie@2020-11", "2020-11-05", "2020-11-05",
         "planned")]
    text = ptfcal(config_copy, "events", "2020", "--type", "gec-monthly").out
    assert re.search(r"gec-monthly@2020-06 +│ mer\. 17 juin 09:00 +│ Réunion mensuelle du GEC "
                     r"+│ confirmée", text)
    # each listed reference names its occurrence
    for occurrence in doc["occurrences"]:
        ptfcal(config_copy, "confirm", occurrence["ref"], "--dry-run")


@pytest.mark.parametrize(("what", "expected"), [
    ("types", "gec-monthly"), ("institutions", "Agence française de développement"),
    ("bodies", "gt-ptf-1-economie"), ("holidays", "eid-al-fitr")])
def test_list_gives_the_ids_with_their_names(config_copy, what, expected) -> None:
    out = ptfcal(config_copy, "list", what, "2022").out
    assert expected in out
    if what == "institutions":
        assert "minusma" not in ptfcal(config_copy, "list", what, "2025").out
