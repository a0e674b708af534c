"""`ptfcal report`: the year's bilan from a scripted 2027 on an init'd copy of the bundled
configuration, its figures exactly as the script implies, the same in the JSON, the HTML and
the .docx; the page rendered by a real browser (Debian's Chromium) offline, and printed."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ptfcal.meeting import Action, ActionStatus, Decision, MeetingRecord
from ptfcal.model import Status
from ptfcal.report.figures import action_state, bilan
from tests.conftest import ROOT, bundled_model, bundled_schedule, run_ptfcal

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
AS_OF = "2027-06-30"


def _ok(*args: str, cwd: Path) -> str:
    result = run_ptfcal(*args, cwd=cwd)
    assert result.code == 0, result.err
    return result.out


@pytest.fixture(scope="module")
def year_2027(tmp_path_factory) -> Path:
    """A working folder whose 2027 is recorded with the meeting verbs: three GEC held
    (attendance), one cancelled with its reason, one moved with its reason, a decision, three
    actions (one done on time, one overdue and one open at the end of June)."""
    work = tmp_path_factory.mktemp("bilan")
    _ok("init", str(work), cwd=work)
    _ok("attendance", "gec-monthly@2027-01", "--present", "france=2", "--present", "afd=1",
        "--present", "canada", "--present", "banque-mondiale", cwd=work)
    _ok("attendance", "gec-monthly@2027-02", "--present", "canada,pays-bas",
        "--excused", "allemagne", cwd=work)
    _ok("attendance", "gec-monthly@2027-03", "--present", "canada",
        "--present", "banque-mondiale=2", cwd=work)
    _ok("cancel", "gec-monthly@2027-04", "--reason", "Report : visite ministérielle", cwd=work)
    _ok("move", "gec-monthly@2027-10", "--to", "2027-10-20", "--reason",
        "Salle indisponible", cwd=work)
    _ok("decision", "gec-monthly@2027-01", "Le GEC adopte les axes du dialogue 2027", cwd=work)
    for text, owner, due in (("Transmettre la note au MEF", "canada", "2027-02-28"),
                             ("Préparer la revue conjointe", "banque-mondiale", "2027-03-31"),
                             ("Consolider les engagements", "france", "2027-09-30")):
        _ok("action", "gec-monthly@2027-01", text, "--owner", owner, "--due", due, cwd=work)
    _ok("action", "done", "A-2027-001", "--on", "2027-02-20", cwd=work)
    # the year before has one meeting held: the bilan puts 2026 beside 2027
    _ok("attendance", "gec-monthly@2026-11", "--present", "canada", cwd=work)
    _ok("action", "gec-monthly@2026-11", "Actualiser la matrice", "--owner", "canada",
        "--due", "2027-01-31", cwd=work)
    return work


@pytest.fixture(scope="module")
def report_json(year_2027) -> dict:
    return json.loads(_ok("report", "2027", "--format", "json", "--as-of", AS_OF,
                          cwd=year_2027))


def test_the_gec_regularity_is_what_the_script_did(report_json) -> None:
    gec = [r for r in report_json["bodies"] if r["body"] == "gec"]
    assert [(r["meeting_type"], r["planned"], r["held"], r["cancelled"], r["moved"],
             r["not_recorded"], r["upcoming"]) for r in gec] == [
        ("gec-monthly", 11, 3, 1, 1, 2, 5)]  # not recorded: 12 May, 9 June; Jul-Dec to come
    assert gec[0]["cancellations"] == [{"date": "2027-04-14",
                                        "reason": "Report : visite ministérielle"}]
    assert gec[0]["moves"] == [{"date": "2027-10-20", "reason": "Salle indisponible"}]
    assert report_json["recorded"] == 3
    gap = next(g for g in report_json["gaps"] if g["body"] == "gec")
    assert (gap["longest_days"], gap["after"], gap["before"]) == (28, "2027-01-13",
                                                                  "2027-02-10")
    assert gap["rule_days"] == 56  # July to September: no GEC in August


def test_participation_per_institution(report_json) -> None:
    rows = {r["institution"]: r for r in report_json["institutions"]}
    assert {k: rows["canada"][k] for k in ("convened", "present", "excused", "absent",
                                           "rate")} == {
        "convened": 3, "present": 3, "excused": 0, "absent": 0, "rate": 1.0}
    assert {k: rows["banque-mondiale"][k] for k in ("convened", "present", "absent",
                                                    "rate")} == {
        "convened": 3, "present": 2, "absent": 1, "rate": 0.6667}
    assert (rows["allemagne"]["present"], rows["allemagne"]["excused"],
            rows["allemagne"]["absent"], rows["allemagne"]["rate"]) == (0, 1, 2, 0.0)
    gec = next(a for a in report_json["attendance"] if a["body"] == "gec")
    assert gec["meetings"] == 3 and gec["average_present"] == round(8 / 3, 2)
    assert "allemagne" in gec["never_attended"] and "canada" not in gec["never_attended"]
    # France and the AFD are one delegation: three people on 13 January
    assert report_json["breaches"] == [{"date": "2027-01-13", "body": "gec",
                                        "meeting_type": "gec-monthly",
                                        "institutions": ["afd", "france"], "people": 3}]
    rules = {(f["rule"], f["severity"]) for f in report_json["conformity"]}
    assert ("C-GEC-6", "error") in rules  # the check's own finding of the same breach


def test_the_year_before_is_beside(report_json, page) -> None:
    before = report_json["previous"]
    assert before["period"] == {"first": 2026, "last": 2026} and before["recorded"] == 1
    gec = next(r for r in before["bodies"] if r["meeting_type"] == "gec-monthly")
    assert (gec["held"], gec["not_recorded"]) == (1, 10)  # every 2026 GEC is past on 30 June
    tables = Tables()
    tables.feed(page.read_text(encoding="utf-8"))
    assert ["Indicateur", "2026", "2027"] in tables.rows
    assert ["Tenues", "1", "3"] in tables.rows


def test_decisions_and_actions_as_of_the_end_of_june(report_json) -> None:
    assert report_json["decisions"] == [{"body": "gec", "count": 1}]
    assert report_json["actions"] == {"created": 3, "done": 1, "done_late": 0, "open": 1,
                                      "overdue": 1, "dropped": 0}
    owners = {r["owner"]: r for r in report_json["actions_by_owner"]}
    assert (owners["banque-mondiale"]["overdue"], owners["canada"]["done"],
            owners["france"]["open"]) == (1, 1, 1)
    assert [(a["id"], a["overdue"]) for a in report_json["open_actions"]] == [
        ("A-2027-002", True), ("A-2027-003", False)]
    # 2026's action, still open at the end of June 2027: the recommendation 2027 inherited
    assert [(a["id"], a["owner"], a["overdue"], a["given"][:7])
            for a in report_json["earlier_open_actions"]] == [
        ("A-2026-001", "canada", True, "2026-11")]


def test_the_contract_keys_are_there(report_json) -> None:
    assert {"body", "meeting_type", "planned", "held", "cancelled", "moved"} <= set(
        report_json["bodies"][0])
    assert {"institution", "convened", "present", "excused", "absent", "rate"} <= set(
        report_json["institutions"][0])
    assert set(report_json["actions"]) == {"created", "done", "done_late", "open", "overdue",
                                           "dropped"}
    doc = (ROOT / "docs" / "report-json.md").read_text(encoding="utf-8")
    for key in (*report_json, *report_json["bodies"][0], *report_json["institutions"][0]):
        assert f"`{key}`" in doc, key


def test_actions_are_counted_on_the_as_of_date() -> None:
    """Each action in exactly one state on the day: done on time, late, open, overdue,
    dropped; an action done after the as-of date was still open on it."""
    model = bundled_model()
    events = bundled_schedule(2020).events
    jan, feb = [e for e in events if e.meeting_type == "gec-monthly"][:2]
    records = {
        jan.id: MeetingRecord(attendance={"canada": 1}, decisions=(Decision("Adopté"),), actions=(
            Action("A-2020-001", "Note", "canada", date(2020, 2, 1), status=ActionStatus.DONE,
                   done_on=date(2020, 1, 30)),
            Action("A-2020-002", "Lettre", "france", date(2020, 2, 1),
                   status=ActionStatus.DONE, done_on=date(2020, 3, 2)),
            Action("A-2020-003", "Mission", "canada", date(2020, 3, 1)),
            Action("A-2020-004", "Étude", "afd", date(2020, 9, 1)),
            Action("A-2020-005", "Atelier", "afd", None, status=ActionStatus.DROPPED,
                   done_on=date(2020, 2, 20)))),
        feb.id: MeetingRecord(actions=(
            Action("A-2020-006", "Rapport", "canada", date(2020, 3, 15),
                   status=ActionStatus.DONE, done_on=date(2020, 7, 1)),))}
    b = bilan(model, events, 2020, 2020, date(2020, 6, 30), record=lambda e: records.get(e.id))
    assert (b.actions.created, b.actions.done, b.actions.done_late, b.actions.open,
            b.actions.overdue, b.actions.dropped) == (6, 1, 1, 1, 2, 1)
    owners = dict(b.actions_by_owner)
    assert (owners["canada"].created, owners["canada"].overdue) == (3, 2)
    assert dict(b.decisions) == {"gec": 1}
    assert [a.id for a in b.still_open] == ["A-2020-003", "A-2020-006", "A-2020-004"]
    assert action_state(records[feb.id].actions[0], date(2020, 7, 1)) == "done_late"


class Tables(HTMLParser):
    """The text of every table cell, row by row, and the page's charts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.charts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "svg":
            self.charts.append(dict(attrs).get("id", ""))

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data) -> None:
        if self.cell is not None:
            self.cell.append(data)


@pytest.fixture(scope="module")
def page(year_2027) -> Path:
    path = year_2027 / "bilan-2027.html"
    _ok("report", "2027", "--as-of", AS_OF, "--output", str(path), cwd=year_2027)
    return path


def test_the_page_and_the_docx_show_the_json_figures(year_2027, page, report_json) -> None:
    import docx

    html = Tables()
    html.feed(page.read_text(encoding="utf-8"))
    assert html.charts == ["chart-held", "chart-participation", "chart-actions"]
    assert ["GEC", "Réunion mensuelle du GEC", "11", "0", "3", "1", "1", "2", "5"] in html.rows
    assert ["Canada", "3", "3", "0", "0", "100,0\u00a0%"] in html.rows
    assert ["BM", "3", "2", "0", "1", "66,7\u00a0%"] in html.rows
    assert ["14 avril 2027", "Réunion mensuelle du GEC — GEC", "Annulée",
            "Report : visite ministérielle"] in html.rows
    assert ["GEC", "1", "3", "1", "0", "1", "1", "0"] in html.rows  # decisions, actions
    assert ["A-2027-002", "Préparer la revue conjointe", "GEC", "BM", "31 mars 2027",
            "En retard"] in html.rows

    target = year_2027 / "bilan-2027.docx"
    _ok("report", "2027", "--as-of", AS_OF, "--format", "docx", "--output", str(target),
        cwd=year_2027)
    document = docx.Document(str(target))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert [_trimmed(r) for r in rows] == [_trimmed(r) for r in html.rows]  # cell for cell
    assert len(document.inline_shapes) == 3  # the three charts, as images
    captions = " ".join(p.text for p in document.paragraphs)
    assert "GEC : tenues 3, prévues 11" in captions  # the charts' text alternatives


def _trimmed(row: list[str]) -> list[str]:
    """An empty table is one « — » cell in the page, « — » and blank cells in the .docx."""
    while row and row[-1] == "":
        row = row[:-1]
    return row


def test_same_input_same_bytes(year_2027, tmp_path) -> None:
    for fmt in ("json", "csv", "html", "docx"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for out in (first, second):
            _ok("report", "2027", "--as-of", AS_OF, "--format", fmt, "-o", str(out),
                cwd=year_2027)
        assert first.read_bytes() == second.read_bytes(), fmt


def test_output_replaces_only_its_own_unchanged_file(year_2027, tmp_path) -> None:
    args = ("report", "2027", "--as-of", AS_OF)
    for fmt in ("html", "json", "docx", "csv"):
        target = tmp_path / f"bilan.{fmt}"
        _ok(*args, "--format", fmt, "-o", str(target), cwd=year_2027)
        # its own, unchanged: replaced (the CSV, which has no seal, by the ledger of written
        # files: the next day's figures go into yesterday's file)
        _ok(*args, "--format", fmt, "-o", str(target), "--as-of", "2027-07-01",
            cwd=year_2027)
        before = target.read_bytes()
        if fmt == "docx":
            import docx

            edited = docx.Document(str(target))
            edited.add_paragraph("Relu par le secrétariat")
            edited.save(str(target))
        else:
            target.write_bytes(before.replace(b"2027", b"2028", 1) + b"\n")
        changed = target.read_bytes()
        result = run_ptfcal(*args, "--format", fmt, "-o", str(target), cwd=year_2027)
        assert result.code == 2 and "n'est pas un bilan" in result.err, fmt
        assert target.read_bytes() == changed, fmt
    someone = tmp_path / "notes.html"
    someone.write_text("<p>mes notes</p>", encoding="utf-8")
    link = tmp_path / "lien.html"
    link.symlink_to(tmp_path / "bilan.html")
    for path in (someone, link):
        result = run_ptfcal(*args, "-o", str(path), cwd=year_2027)
        assert result.code == 2, path
    assert someone.read_text(encoding="utf-8") == "<p>mes notes</p>"


def test_the_csv_opens_in_excel(year_2027) -> None:
    out = _ok("report", "2027", "--as-of", AS_OF, "--format", "csv", "--body", "gec",
              cwd=year_2027)
    lines = out.splitlines()
    assert lines[0].lstrip("\ufeff") == "Période;Rubrique;Objet;Détail;Indicateur;Valeur"
    assert "2027;Régularité;GEC;Réunion mensuelle du GEC;Tenues;3" in lines
    assert "2027;Participation;Canada;;Taux de présence;1" in lines
    assert "2027;Participation;BM;;Taux de présence;0,6667" in lines


def test_the_page_reads_as_french(page, year_2027) -> None:
    from tests.test_french import _ids, problems, readable

    assert problems(readable(page), _ids()) == []
    programme = year_2027 / "programme.html"
    _ok("report", "2028", "--programme", "-o", str(programme), "--as-of", AS_OF,
        cwd=year_2027)
    assert problems(readable(programme), _ids()) == []


def test_the_programme_of_2028(year_2027) -> None:
    out = _ok("report", "2028", "--programme", "--as-of", AS_OF, cwd=year_2027)
    tables = Tables()
    tables.feed(out)
    gec = next(r for r in tables.rows if r[:2] == ["GEC", "Réunion mensuelle du GEC"])
    assert gec[2:] == ["12", "9", "8", "12", "10", "14", "12", "", "13", "11", "8", "13"]
    assert tables.rows[0][:4] == ["Instance", "Type de réunion", "janv.", "févr."]
    assert any(r[0] == "Chef de file" for r in tables.rows) or "Rôles de 2028 non" in out
    target = year_2027 / "programme-2028.docx"
    _ok("report", "2028", "--programme", "--format", "docx", "-o", str(target),
        "--as-of", AS_OF, cwd=year_2027)
    assert target.read_bytes()[:2] == b"PK"
    assert "Établi par ptfcal à partir du calendrier et de ses règles." in out  # no records


@pytest.mark.parametrize(("args", "says"), [
    (("--body", "gecc"), "--body gecc"),
    (("--format", "docx"), "--output"),
    (("--programme", "--format", "json"), "--programme"),
])
def test_bad_input_is_said_not_raised(year_2027, args, says) -> None:
    result = run_ptfcal("report", "2027", *args, cwd=year_2027)
    assert result.code == 2 and says in result.err and "Traceback" not in result.err


def test_the_programme_is_one_years(year_2027, tmp_path) -> None:
    result = run_ptfcal("report", "2027-2028", "--programme", cwd=year_2027)
    assert result.code == 2 and "--programme est le programme d'une seule année" in result.err
    assert "pas de 2027-2028" in result.err and "Traceback" not in result.err
    result = run_ptfcal("report", "2028", "--programme", "-o", str(tmp_path / "p.html"),
                        "--as-of", AS_OF, cwd=year_2027)
    assert result.code == 0 and "Programme écrit dans" in result.err


def test_a_browser_renders_the_page_offline_and_prints_it(page) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed (the README's test command installs it)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        try:
            tab = browser.new_page(viewport={"width": 1000, "height": 1400})
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on("request", lambda r: None if r.url == page.as_uri()
                   else outside.append(r.url))
            tab.goto(page.as_uri())
            charts = tab.locator("svg.chart")
            assert charts.count() == 3
            for i in range(3):
                box = charts.nth(i).bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 50
                assert charts.nth(i).get_attribute("role") == "img"
            assert tab.locator("#chart-held rect").count() > 10
            tab.screenshot(path=str(ARTIFACTS / "report-2027.png"), full_page=True)
            tab.emulate_media(media="print")
            pdf = tab.pdf(format="A4", print_background=True)
            (ARTIFACTS / "report-2027-a4.pdf").write_bytes(pdf)
        finally:
            browser.close()
    assert errors == [] and outside == []
    assert pdf[:5] == b"%PDF-" and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 3
    assert (ARTIFACTS / "report-2027.png").stat().st_size > 50_000


def test_format_pdf_prints_through_chromium(year_2027, tmp_path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed (the README's test command installs it)")
    target = tmp_path / "bilan.pdf"
    _ok("report", "2027", "--as-of", AS_OF, "--format", "pdf", "-o", str(target),
        cwd=year_2027)
    assert target.read_bytes()[:5] == b"%PDF-"
    # dated the as-of day at noon, not the second it was printed: same input, same bytes
    assert b"/CreationDate (D:20270630120000" in target.read_bytes()
    again = tmp_path / "again.pdf"
    _ok("report", "2027", "--as-of", AS_OF, "--format", "pdf", "-o", str(again),
        cwd=year_2027)
    assert again.read_bytes() == target.read_bytes()
    import subprocess

    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(again), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    assert "Bilan 2027 des cadres de concertation des PTF" in text  # still a sound PDF


def test_without_a_browser_pdf_says_how(year_2027, tmp_path) -> None:
    result = run_ptfcal("report", "2027", "--format", "pdf", "-o", str(tmp_path / "x.pdf"),
                        cwd=year_2027, env={"PTFCAL_BROWSER": str(tmp_path / "none")},
                        process=True)
    assert result.code == 2 and "--format html" in result.err
    assert not (tmp_path / "x.pdf").exists()


def test_a_cancelled_meeting_is_not_held_nor_missing(report_json) -> None:
    assert Status.CANCELLED.value == "cancelled"  # the schedule's own status, counted once
    totals = {k: sum(r[k] for r in report_json["bodies"]) for k in (
        "planned", "extra", "held", "cancelled", "not_recorded", "upcoming")}
    assert totals["planned"] + totals["extra"] == (totals["held"] + totals["cancelled"]
                                                   + totals["not_recorded"]
                                                   + totals["upcoming"])


def test_typed_text_is_shown_never_run() -> None:
    """A reason typed with markup or a formula: escaped in the page, text in the CSV."""
    from dataclasses import replace

    from ptfcal.report import Kind, render
    from ptfcal.text import Text

    model = bundled_model()
    events = bundled_schedule(2020).events
    hostile = Text("<script>alert(1)</script> =HYPERLINK(\"x\")", "<img src=x onerror=1>")
    events = [replace(e, status=Status.CANCELLED, note=hostile)
              if e.meeting_type == "gec-monthly" and e.day.month == 3 else e for e in events]
    b = bilan(model, events, 2020, 2020, date(2020, 6, 30))
    page, _ = render(b, model, Kind.HTML, "fr")
    assert b"<script>" not in page and b"&lt;script&gt;alert(1)&lt;/script&gt;" in page
    english, _ = render(b, model, Kind.HTML, "en")
    assert b"<img" not in english and b"&lt;img src=x onerror=1&gt;" in english


def test_one_body(year_2027) -> None:
    data = json.loads(_ok("report", "2027", "--format", "json", "--as-of", AS_OF,
                          "--body", "gec", cwd=year_2027))
    assert {r["body"] for r in data["bodies"]} == {"gec"}
    assert {r["body"] for r in data["gaps"]} == {"gec"}
    rules = {f["rule"] for f in data["conformity"]}
    assert "C-GEC-6" in rules and "C-SR-1" not in rules  # the sector reviews are not the GEC's


def test_a_chart_without_fonts_keeps_its_words() -> None:
    from ptfcal.report.png import _plain

    assert _plain("Prévues, Échéance, Troïka") == "Prevues, Echeance, Troika"


def test_libreoffice_breaks_no_word_of_the_docx_tables(year_2027, tmp_path) -> None:
    """Printed by LibreOffice (whose stand-in for Calibri, DejaVu Sans, is the widest usual
    font), no header of the bilan's or the programme's tables is cut in the middle of a word
    (« Dépl / acée / s »): each column is as wide as its longest word, the wide tables turned."""
    import shutil
    import subprocess

    import docx

    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is needed (apt-get install libreoffice-writer-nogui)"
    assert shutil.which("pdftotext"), "pdftotext is needed (apt-get install poppler-utils)"
    for args in (("2027",), ("2028", "--programme")):
        target = tmp_path / f"{args[0]}.docx"
        _ok("report", *args, "--as-of", AS_OF, "--format", "docx", "-o", str(target),
            cwd=year_2027)
        subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                        str(tmp_path), str(target)], check=True, capture_output=True,
                       timeout=180)
        printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target.with_suffix(".pdf")),
                                  "-"], check=True, capture_output=True, timeout=60)
        words = set(printed.stdout.decode("utf-8").split())
        heads = {w for t in docx.Document(str(target)).tables for c in t.rows[0].cells
                 for w in c.text.split()}
        assert {"Déplacées", "Abandonnées", "Convoquée", "janv.", "Instance"} & heads
        assert sorted(heads - words) == [], args
        if args == ("2027",):  # the figures aligned right, as on the page
            first = docx.Document(str(target)).tables[0]
            assert [c.paragraphs[0].alignment for c in first.rows[1].cells][:4] == [
                None, None, 2, 2]  # WD_ALIGN_PARAGRAPH.RIGHT


def test_a_period_is_also_shown_year_by_year(year_2027) -> None:
    """The reform's yardstick is year on year: a period's bilan adds its years up and gives
    each year's own figures beside (the page's table, the JSON's `years`, the CSV's rows)."""
    doc = json.loads(_ok("report", "2026-2027", "--format", "json", "--as-of", AS_OF,
                         cwd=year_2027))

    def gec(d: dict) -> tuple:
        r = next(r for r in d["bodies"] if r["meeting_type"] == "gec-monthly")
        return r["planned"], r["held"], r["cancelled"]

    assert gec(doc) == (22, 4, 1)
    assert [y["period"] for y in doc["years"]] == [{"first": 2026, "last": 2026},
                                                   {"first": 2027, "last": 2027}]
    assert [gec(y) for y in doc["years"]] == [(11, 1, 0), (11, 3, 1)]
    canada = [next(r for r in y["institutions"] if r["institution"] == "canada")
              for y in doc["years"]]
    assert [(r["convened"], r["present"]) for r in canada] == [(1, 1), (3, 3)]
    assert json.loads(_ok("report", "2027", "--format", "json", "--as-of", AS_OF,
                          cwd=year_2027))["years"] == []

    tables = Tables()
    tables.feed(_ok("report", "2026-2027", "--as-of", AS_OF, cwd=year_2027))
    assert ["Instance", "2026", "2027"] in tables.rows
    assert ["GEC", "1/11", "3/11"] in tables.rows
    assert ["Total", "1/53", "3/53"] in tables.rows
    assert ["Taux de présence", "4,5\u00a0%", "12,1\u00a0%"] in tables.rows  # 1/22, 8/66
    lines = _ok("report", "2026-2027", "--format", "csv", "--as-of", AS_OF,
                cwd=year_2027).splitlines()
    assert "2026;Régularité;GEC;Réunion mensuelle du GEC;Tenues;1" in lines
    assert "2026–2027;Régularité;GEC;Réunion mensuelle du GEC;Tenues;4" in lines


def test_the_page_says_what_its_figures_count(page) -> None:
    """« Absente » is every institution convened and neither present nor excused, over the
    meetings whose attendance is recorded: the page says so where the figures are."""
    text = " ".join(page.read_text(encoding="utf-8").split())
    assert ("Comptées sur les réunions tenues dont les présences sont enregistrées (3) : les "
            "autres ne disent pas qui est venu.") in text
    assert "absente : ni enregistrée présente, ni excusée" in text
    assert "Sans compte rendu : réunions passées au 30 juin 2027, ni annulées ni" in text
    assert "Une information dit le plus souvent ce qui n&#x27;a pas pu être vérifié" in text


def test_a_period_shows_its_progress_on_a_terminal(year_2027, tmp_path) -> None:
    """`report 2020-2029` counts ten years: on a terminal, a progress bar says it is working
    (and nothing of it goes into a file or a pipe)."""
    import os
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PTFCAL_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ptfcal", "report", "2026-2027", "--as-of", AS_OF,
         "-o", str(tmp_path / "bilan.html")],
        cwd=year_2027, stderr=secondary, stdout=subprocess.PIPE, env=env, timeout=120)
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
    assert "Bilan 2026–2027" in text and "Bilan écrit dans" in text
    piped = run_ptfcal("report", "2026-2027", "--as-of", AS_OF, "-o",
                       str(tmp_path / "again.html"), cwd=year_2027, process=True)
    assert piped.code == 0 and "Bilan 2026–2027" not in piped.err


def test_a_bilan_as_of_a_past_day_says_what_was_known_then(year_2027) -> None:
    """As of 1 February 2027 only January's GEC had been held: February's and March's
    records (entered since) are not counted yet, nor who came to them."""
    doc = json.loads(_ok("report", "2027", "--format", "json", "--as-of", "2027-02-01",
                         cwd=year_2027))
    gec = next(r for r in doc["bodies"] if r["meeting_type"] == "gec-monthly")
    assert (gec["held"], gec["cancelled"], gec["not_recorded"], gec["upcoming"]) == (1, 1, 0, 9)
    canada = next(r for r in doc["institutions"] if r["institution"] == "canada")
    assert (canada["convened"], canada["present"]) == (1, 1)
    assert doc["recorded"] == 1
    assert doc["actions"] == {"created": 3, "done": 0, "done_late": 0, "open": 3, "overdue": 0,
                              "dropped": 0}  # the one done on 20 February was not yet
