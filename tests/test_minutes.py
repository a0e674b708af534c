"""The compte rendu (`ptfcal minutes`, issue 21): the March 2027 GEC's, read back by python-docx
and by LibreOffice (converted to PDF, then its text), the same bytes on every run, Markdown and
HTML goldens, the files it will not overwrite, and names of people only where they may go."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from ptfcal.meet import minutes as mn
from ptfcal.meeting import Action, ActionStatus, AgendaItem, Decision, MeetingRecord
from tests.conftest import bundled_model, run_ptfcal

REF = "gec-monthly@2027-03"

RECORD = MeetingRecord(
    agenda=(AgendaItem("Revue annuelle du CREDD : préparation", "banque-mondiale",
                       ("https://example.org/note.pdf",)),
            AgendaItem("Divers")),
    attendance={"banque-mondiale": 1, "france": 2, "afd": 1, "pnud": 1},
    excused=("canada",), absent=("belgique",),
    decisions=(Decision("Le GEC adopte les axes du dialogue 2027", 1),
               Decision("La prochaine réunion se tiendra à la DUE")),
    actions=(Action("A-2027-001", "Transmettre la note au MEF", "banque-mondiale",
                    date(2027, 3, 31), 1),
             Action("A-2027-002", "Diffuser le calendrier", "afd", date(2027, 4, 30))))

FOLLOW_UP = (
    mn.FollowUp(Action("A-2027-000", "Partager le projet de matrice", "france",
                       date(2027, 2, 26), status=ActionStatus.DONE,
                       done_on=date(2027, 3, 1), note="Envoyée par courriel"),
                date(2027, 2, 10)),
    mn.FollowUp(Action("A-2026-014", "Relancer le MEF sur le décaissement", "due",
                       date(2027, 1, 15)), date(2026, 12, 9)),
)


def march_gec():
    from ptfcal.calendar import scheduler, workdays
    from ptfcal.record import refs

    model = bundled_model()
    calendar = workdays.build(model.settings, model.holidays, [2027])
    events = scheduler.schedule(model, 2027, calendar).events
    return model, refs.resolve(REF, model, events).event


def minutes(lang: str = "fr", names=None) -> mn.Minutes:
    model, event = march_gec()
    return mn.build(model, event, REF, lang, record=RECORD, follow_up=FOLLOW_UP, names=names)


# --- Word, read back by two programs that did not write it ---------------------------------


def test_the_docx_holds_the_record_read_back_by_python_docx() -> None:
    data = mn.docx(minutes())
    read = docx.Document(io.BytesIO(data))
    texts = [p.text for p in read.paragraphs]
    assert texts[0] == "Compte rendu — Réunion mensuelle du GEC, mercredi 10 mars 2027"
    assert "Instance : Groupe Exécutif de Coopération (GEC)" in texts
    assert "Date : mercredi 10 mars 2027" in texts
    assert "Heure : de 9 h 00 à 12 h 00 (heure de Bamako, GMT)" in texts
    assert "Lieu : à compléter" in texts
    assert "Secrétariat : SEG" in texts
    assert "Présents : 4 institutions, 5 personnes" in texts
    assert "Excusés : Canada" in texts
    assert "Absents : Belgique" in texts
    assert "1. Revue annuelle du CREDD : préparation" in texts
    assert "2. Divers" in texts
    assert "Présenté par : BM" in texts
    assert "Le GEC adopte les axes du dialogue 2027" in texts
    # the decision without an agenda item comes after the agenda
    assert texts.index("La prochaine réunion se tiendra à la DUE") > texts.index("2. Divers")
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in read.tables]
    present, follow_up, item_actions, loose_actions = tables
    assert present == [["Institution", "Personnes"], ["Agence française de développement", "1"],
                       ["Banque mondiale", "1"], ["France", "2"],
                       ["Programme des Nations Unies pour le développement", "1"]]
    assert follow_up[1:] == [
        ["A-2026-014", "Relancer le MEF sur le décaissement", "DUE", "15 janvier 2027",
         "9 décembre 2026", "en cours, échéance dépassée", ""],
        ["A-2027-000", "Partager le projet de matrice", "France", "26 février 2027",
         "10 février 2027", "réalisée le 1er mars 2027", "Envoyée par courriel"]]
    assert item_actions == [["N°", "Action", "Responsable", "Échéance"],
                            ["A-2027-001", "Transmettre la note au MEF", "BM", "31 mars 2027"]]
    assert loose_actions[1] == ["A-2027-002", "Diffuser le calendrier", "AFD", "30 avril 2027"]
    assert read.core_properties.language == "fr-FR"


def _soffice(*args: str, profile: Path) -> None:
    """LibreOffice headless with a profile of its own (parallel runs do not share one)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is needed (apt-get install libreoffice-writer-nogui)"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", *args], check=True, capture_output=True, timeout=180)


YEAR_2027 = """\
year: 2027
occurrences:
  - type: gec-monthly
    nominal: 2027-02-10
    attendance: {france: 1, due: 1}
    actions:
      - id: A-2027-001
        text: "Partager le projet de matrice"
        owner: france
        due: 2027-02-26
        status: done
        done_on: 2027-03-01
        note: "Envoyée par courriel"
      - id: A-2027-002
        text: "Relancer le MEF sur le décaissement"
        owner: due
        due: 2027-03-05
  - type: gec-monthly
    nominal: 2027-03-10
    location: "Bamako, Délégation de l'Union européenne"
    agenda:
      - title: "Revue annuelle du CREDD : préparation"
        by: banque-mondiale
        docs: ["https://example.org/note.pdf"]
      - title: "Divers"
    attendance: {banque-mondiale: 1, france: 2, afd: 1, pnud: 1}
    excused: [canada]
    absent: [belgique]
    decisions:
      - text: "Le GEC adopte les axes du dialogue 2027"
        item: 1
    actions:
      - id: A-2027-003
        text: "Transmettre la note au MEF"
        owner: banque-mondiale
        due: 2027-03-31
        item: 1
"""


def test_the_march_gec_compte_rendu_from_the_configuration_converts_to_pdf(
        config_copy: Path, tmp_path: Path) -> None:
    """End to end: the record in years/2027.yaml, `ptfcal minutes … --output X.docx`, then
    python-docx and LibreOffice (to PDF, then the PDF's text) read it back."""
    (config_copy / "years" / "2027.yaml").write_text(YEAR_2027, encoding="utf-8")
    source = tmp_path / "CR-GEC-2027-03.docx"
    result = run_ptfcal("minutes", REF, "-c", str(config_copy), "--format", "docx",
                        "--output", str(source))
    assert result.code == 0, result.err
    read = docx.Document(str(source))
    texts = [p.text for p in read.paragraphs]
    assert "Lieu : Bamako, Délégation de l'Union européenne" in texts
    assert "Excusés : Canada" in texts and "Absents : Belgique" in texts
    assert "Présents : 4 institutions, 5 personnes" in texts
    assert "1. Revue annuelle du CREDD : préparation" in texts and "2. Divers" in texts
    assert "Le GEC adopte les axes du dialogue 2027" in texts
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in read.tables]
    present, follow_up, actions = tables
    assert [row[0] for row in present[1:]] == [
        "Agence française de développement", "Banque mondiale", "France",
        "Programme des Nations Unies pour le développement"]
    # February's actions, as they stand on 10 March
    assert follow_up[1:] == [
        ["A-2027-001", "Partager le projet de matrice", "France", "26 février 2027",
         "10 février 2027", "réalisée le 1er mars 2027", "Envoyée par courriel"],
        ["A-2027-002", "Relancer le MEF sur le décaissement", "DUE", "5 mars 2027",
         "10 février 2027", "en cours, échéance dépassée", ""]]
    assert actions[1] == ["A-2027-003", "Transmettre la note au MEF", "BM", "31 mars 2027"]

    _soffice("--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source),
             profile=tmp_path / "profile")
    pdf = tmp_path / "pdf" / "CR-GEC-2027-03.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):  # the PDF's own text (poppler)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                              capture_output=True, timeout=60).stdout.decode("utf-8")
    else:  # LibreOffice's reading of the document, as text
        _soffice("--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path / "txt"),
                 str(source), profile=tmp_path / "profile")
        text = (tmp_path / "txt" / "CR-GEC-2027-03.txt").read_text(encoding="utf-8-sig")
    flat = " ".join(text.split())
    for expected in ("Revue annuelle du CREDD : préparation", "Divers",
                     "Le GEC adopte les axes du dialogue 2027", "Transmettre la note au MEF",
                     "31 mars 2027", "Excusés : Canada", "Absents : Belgique",
                     "Banque mondiale", "Ordre du jour", "Partager le projet de matrice"):
        assert expected in flat, expected


def test_the_docx_is_the_same_bytes_on_every_run(tmp_path: Path) -> None:
    outputs = []
    for n in range(2):
        path = tmp_path / f"cr{n}.docx"
        result = run_ptfcal("minutes", REF, "--output", str(path), process=n == 1)
        assert result.code == 0, result.err
        assert "Compte rendu écrit dans" in result.err
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1]
    assert mn.ours(outputs[0])


# --- Markdown and HTML ---------------------------------------------------------------------


def test_markdown_and_html_goldens(golden) -> None:
    golden("minutes/gec-2027-03.fr.md", mn.markdown(minutes()))
    golden("minutes/gec-2027-03.en.md", mn.markdown(minutes("en")))
    golden("minutes/gec-2027-03.fr.html", mn.html(minutes()))


def test_english_on_request() -> None:
    text = mn.markdown(minutes("en"))
    assert "# Minutes — GEC monthly meeting, Wednesday 10 March 2027" in text
    assert "**Time**: 09:00 to 12:00 (Bamako time, GMT)" in text
    assert "**Place**: *to be completed*" in text
    assert "| A-2027-000 | Partager le projet de matrice | France | 26 February 2027 | " \
           "10 February 2027 | done on 1 March 2027 | Envoyée par courriel |" in text


def test_html_is_self_contained_printable_and_escaped() -> None:
    model, event = march_gec()
    hostile = MeetingRecord(agenda=(AgendaItem('<script>alert(1)</script> & "co"'),))
    page = mn.html(mn.build(model, event, REF, "fr", record=hostile))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;" in page
    assert "@media print" in page and "@page { size: A4" in page
    for fetched in ("src=", "<link", "@import", "url("):
        assert fetched not in page
    assert '<html lang="fr">' in page


def test_markdown_keeps_typed_text_as_text() -> None:
    model, event = march_gec()
    typed = MeetingRecord(decisions=(Decision("# pas un titre | ni *une* cellule"),),
                          actions=(Action("A-2027-009", "a|b", "france"),))
    text = mn.markdown(mn.build(model, event, REF, "fr", record=typed))
    assert "- \\# pas un titre | ni \\*une\\* cellule" in text
    assert "| A-2027-009 | a\\|b | France | — |" in text


def test_blank_places_where_nothing_is_recorded() -> None:
    model, event = march_gec()
    text = mn.markdown(mn.build(model, event, REF, "fr"))
    for line in ("**Lieu** : *à compléter*", "**Présents** : *à compléter*",
                 "**Excusés** : *à compléter*", "**Absents** : *à compléter*",
                 "**Ordre du jour** : *à compléter*", "**Décisions** : *à compléter*",
                 "**Actions** : *à compléter*"):
        assert line in text
    assert "Aucune action de la réunion précédente de cette instance n'est enregistrée." in text


# --- where it writes -----------------------------------------------------------------------


def test_output_replaces_only_an_untouched_compte_rendu(tmp_path: Path) -> None:
    for name in ("cr.md", "cr.html", "cr.docx"):
        path = tmp_path / name
        assert run_ptfcal("minutes", REF, "-o", str(path)).code == 0
        assert run_ptfcal("minutes", REF, "-o", str(path)).code == 0  # its own: replaced
    (tmp_path / "cr.md").write_text((tmp_path / "cr.md").read_text(encoding="utf-8")
                                    + "Complété à la main.\n", encoding="utf-8")
    edited = docx.Document(str(tmp_path / "cr.docx"))
    edited.add_paragraph("Complété dans Word")
    edited.save(str(tmp_path / "cr.docx"))
    (tmp_path / "notes.html").write_text("<p>mes notes</p>", encoding="utf-8")
    for name in ("cr.md", "cr.docx", "notes.html"):
        before = (tmp_path / name).read_bytes()
        result = run_ptfcal("minutes", REF, "-o", str(tmp_path / name))
        assert result.code == 2
        assert "n'est pas un compte rendu que ptfcal a écrit" in result.err
        assert "Traceback" not in result.err
        assert (tmp_path / name).read_bytes() == before
    # a link is never followed, even to a compte rendu of ptfcal's
    (tmp_path / "link.md").symlink_to(tmp_path / "cr.html")
    assert run_ptfcal("minutes", REF, "-o", str(tmp_path / "link.md")).code == 2


def test_a_deadline_has_no_compte_rendu() -> None:
    result = run_ptfcal("minutes", "gd-annual-priorities.gd-sante@2027-01")
    assert result.code == 2
    assert "est une échéance, pas une réunion : elle n'a pas de compte rendu" in result.err
    assert result.out == ""


def test_docx_needs_an_output_file_and_says_how() -> None:
    result = run_ptfcal("minutes", REF, "--format", "docx")
    assert result.code == 2
    assert "précisez-le avec --output FICHIER.docx" in result.err


def test_without_the_extra_docx_says_how_to_install_it(tmp_path: Path) -> None:
    code = ("import sys\nsys.modules['docx'] = None\nfrom ptfcal.cli import main\n"
            f"sys.argv = ['ptfcal', 'minutes', '{REF}', '-o', sys.argv[1]]\nmain()\n")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "cr.docx")],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 2
    assert "pip install 'ptfcal[docx]'" in proc.stderr
    assert proc.stderr.index("a besoin de python-docx") < proc.stderr.index("pip install")
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "cr.docx").exists()
    # Markdown and HTML need nothing more
    proc = subprocess.run([sys.executable, "-c", code.replace("'-o', sys.argv[1]",
                                                              "'-f', 'md'")],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0 and "# Compte rendu" in proc.stdout


# --- names of people -----------------------------------------------------------------------


def test_no_names_by_default_and_it_says_so() -> None:
    text = mn.markdown(minutes())
    assert "Exemple" not in text
    assert "s'ajoutent avec « --names » depuis le registre privé" in text


def test_names_from_the_register_only_in_a_private_place(config_copy: Path,
                                                         tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    shutil.copyfile(root / "docs" / "people-sample.yaml", config_copy / "people.yaml")
    private = tmp_path / "private"
    private.mkdir()
    result = run_ptfcal("minutes", REF, "--names", "-c", str(config_copy), "-o",
                        str(private / "cr.md"))
    assert result.code == 0, result.err
    text = (private / "cr.md").read_text(encoding="utf-8")
    assert "Awa Exemple, Moussa Exemple" in text
    assert "Document interne" in text
    # never in the configuration folder, nor in a published one
    result = run_ptfcal("minutes", REF, "--names", "-c", str(config_copy), "-o",
                        str(config_copy / "cr.md"))
    assert result.code == 2 and "ni dans le dossier de configuration" in result.err
    assert not (config_copy / "cr.md").exists()
    out = tmp_path / "out"
    assert run_ptfcal("generate", "2027", "-c", str(config_copy), "--out", str(out)).code == 0
    result = run_ptfcal("minutes", REF, "--names", "-c", str(config_copy), "-o",
                        str(out / "cr.docx"))
    assert result.code == 2 and "ne s'écrit ni dans un dossier publié" in result.err
    assert not (out / "cr.docx").exists()
    # without --names, the institutions only may go anywhere, and generate publishes beside
    for name in ("cr.md", "cr.html", "cr.docx"):
        assert run_ptfcal("minutes", REF, "-c", str(config_copy), "-o",
                          str(out / "2027" / name)).code == 0
        assert not mn.names_people((out / "2027" / name).read_bytes())
    assert "Exemple" not in (out / "2027" / "cr.md").read_text(encoding="utf-8")
    assert run_ptfcal("generate", "2027", "-c", str(config_copy), "--out", str(out)).code == 0


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_generate_refuses_a_folder_holding_a_compte_rendu_naming_people(
        fmt: str, config_copy: Path, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    shutil.copyfile(root / "docs" / "people-sample.yaml", config_copy / "people.yaml")
    named = tmp_path / f"cr.{fmt}"
    assert run_ptfcal("minutes", REF, "--names", "-c", str(config_copy), "-o",
                      str(named)).code == 0
    assert mn.names_people(named.read_bytes())
    out = tmp_path / "out"
    (out / "2027").mkdir(parents=True)
    shutil.copyfile(named, out / "2027" / f"compte rendu.{fmt}")
    result = run_ptfcal("generate", "2027", "-c", str(config_copy), "--out", str(out))
    assert result.code == 2
    assert f"compte rendu.{fmt} : des données personnelles" in result.err
    assert "compte rendu nominatif" in result.err
    assert sorted(p.name for p in out.rglob("*")) == ["2027", f"compte rendu.{fmt}"]


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"# Compte rendu\n",
                                  b"<!-- ptfcal minutes 1 sha256=" + b"0" * 64 + b" -->\nx"])
def test_ours_refuses_what_it_cannot_prove(data: bytes) -> None:
    assert not mn.ours(data)


def test_the_french_compte_rendu_reads_as_french(tmp_path: Path) -> None:
    from tests.test_french import _ids, problems, readable

    path = tmp_path / "cr.html"
    path.write_text(mn.html(minutes()), encoding="utf-8")
    assert problems(readable(path), _ids()) == []
    assert problems(mn.markdown(minutes()).split("\n", 1)[1], _ids()) == []


def test_the_issue_s_commands_then_the_compte_rendu(tmp_path: Path) -> None:
    """The meeting held with the verbs (tests/test_meeting.py's hold_march) in a folder made by
    `ptfcal init`; March's compte rendu holds what they recorded, April's opens with the
    follow-up of March's actions; `minutes` changes nothing in the configuration."""
    from tests.test_meeting import hold_march, tree

    assert run_ptfcal("init", str(tmp_path / "seg")).code == 0
    config = tmp_path / "seg" / "config"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "docs" / "people-sample.yaml",
                    config / "people.yaml")
    hold_march(config)
    before = tree(config)
    out = tmp_path / "CR-GEC-2027-03.docx"
    result = run_ptfcal("minutes", REF, "--config", str(config), "--output", str(out))
    assert result.code == 0, result.err
    read = docx.Document(str(out))
    texts = [p.text for p in read.paragraphs]
    assert "1. Revue annuelle du CREDD : préparation" in texts
    assert "Présents : 4 institutions, 5 personnes" in texts
    assert "Excusés : Canada" in texts and "Absents : Belgique" in texts
    rows = [[c.text for c in r.cells] for t in read.tables for r in t.rows]
    assert ["A-2027-001", "Transmettre la note au MEF", "BM", "31 mars 2027"] in rows
    assert ["A-2027-002", "Diffuser le calendrier", "AFD", "30 avril 2027"] in rows
    april = run_ptfcal("minutes", "gec-monthly@2027-04", "--config", str(config))
    assert april.code == 0, april.err
    text = april.out
    assert text.index("## Suivi des recommandations") < text.index("## Ordre du jour")
    assert "| A-2027-001 | Transmettre la note au MEF | BM | 31 mars 2027 | 10 mars 2027 | " \
           "en cours, échéance dépassée |  |" in text
    assert "| A-2027-003 | Préparer la revue | PNUD | 19 mars 2027 | 10 mars 2027 | " \
           "réalisée le 18 mars 2027 | Transmise par courrier |" in text
    # the register is there, and no name or address reaches the documents
    for data in (zipfile_text(out), text.encode("utf-8")):
        assert b"Exemple" not in data and b"@example.org" not in data
    assert tree(config) == before


def zipfile_text(path: Path) -> bytes:
    """Every entry of a .docx, uncompressed."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        return b"".join(package.read(name) for name in package.namelist())


def test_a_meeting_over_two_days_and_one_without_hours() -> None:
    from dataclasses import replace

    model, event = march_gec()
    two_days = replace(event, last_day=date(2027, 3, 11))
    text = mn.markdown(mn.build(model, two_days, REF, "fr"))
    assert "**Date** : du mercredi 10 mars 2027 au jeudi 11 mars 2027" in text
    all_day = replace(event, start=None, end=None)
    first = mn.docx(mn.build(model, all_day, REF, "fr"))
    assert "**Heure** : *à compléter*" in mn.markdown(mn.build(model, all_day, REF, "fr"))
    # dated at midnight in Bamako whatever the machine's time zone
    read = docx.Document(io.BytesIO(first))
    assert read.core_properties.created.isoformat() == "2027-03-10T00:00:00+00:00"
