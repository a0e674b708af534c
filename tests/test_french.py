"""French as the administration writes it (issue 11): what ptfcal publishes in French holds no
internal id, no « (s) » plural, no English word, no nested parentheses, « 1er » for the first
of a month, and no « de le »."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import bundled_model, run_ptfcal

HUMAN = ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "X-WR-CALDESC", "NAME", "CATEGORIES",
         "LOCATION")
ENGLISH = ("trigger", "EXTERNAL", "public holiday", "estimated", "deadline", "planned",
           "to be recorded", "meeting", "Troika ", "lead donor", "weekend")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag) -> None:
        self.skip -= tag in ("style", "script")

    def handle_data(self, data) -> None:
        if not self.skip:
            self.parts.append(data)


def readable(path: Path) -> str:
    """What a French reader reads in a published file."""
    raw = path.read_bytes().decode("utf-8-sig")
    if path.suffix == ".ics":
        lines = raw.replace("\r\n ", "").split("\r\n")
        return "\n".join(line for line in lines if line.split(":", 1)[0].split(";")[0] in HUMAN)
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(raw)
        return " ".join(parser.parts)
    if path.suffix == ".csv":
        rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
        return "\n".join(";".join(row[:-1]) for row in rows)  # the last column is the UID
    return raw


def problems(text: str, ids: set[str]) -> list[str]:
    found = [f"id {t}" for t in re.findall(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", text) if t in ids]
    found += [f"holder {p}" for p in ("body:", "lead:", "role:", "tripartite:") if p in text]
    found += ["plural (s)"] if "(s)" in text else []
    found += [f"English {w!r}" for w in ENGLISH if w in text]
    nested = re.search(r"\([^()]*\([^()]*\)[^()]*\)", text)
    found += [f"nested {nested.group(0)[:60]}"] if nested else []
    short = re.search(r"\b1 (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)", text)
    found += [f"short date {short.group(0)}"] if short else []
    article = re.search(r"\b(de|à) (le|les) ", text)
    found += [f"article {article.group(0)}"] if article else []
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("french")
    for year, as_of in ((2020, "2020-07-01"), (2026, "2026-07-01")):
        result = run_ptfcal("generate", str(year), "--out", str(out), "--as-of", as_of, "-q",
                            "--planners")
        assert result.code == 0, result.err
    return out


def _ids() -> set[str]:
    model = bundled_model()
    every = {*model.bodies, *model.institutions, *model.meeting_types, *model.categories}
    return {i for i in every if "-" in i}


def test_french_outputs_read_as_french(published) -> None:
    ids = _ids()
    french = [p for p in sorted(published.rglob("*"))
              if p.is_file() and p.suffix in (".ics", ".csv", ".md", ".html")
              and "/en/" not in p.as_posix() and p.name != "index.html"]  # (index: both)
    assert len(french) > 100
    bad = {p.relative_to(published).as_posix(): problems(readable(p), ids) for p in french}
    assert {p: found for p, found in bad.items() if found} == {}


def test_planners_are_checked_too(published) -> None:
    assert (published / "2026" / "planners" / "pays-bas.html").is_file()
    assert (published / "2020" / "planner.html").is_file()


@pytest.mark.parametrize("args", [("2020",), ("2026", "--list"), ("2020", "--month", "6"),
                                  ("2026", "--institution", "pays-bas", "--list")])
def test_the_terminal_reads_as_french(args) -> None:
    result = run_ptfcal("show", *args, env={"COLUMNS": "200"})
    assert result.code == 0, result.err
    assert problems(result.out, _ids()) == []


@pytest.mark.parametrize("year", [2019, 2020, 2023, 2026, 2027, 2030])
def test_the_check_report_reads_as_french(year) -> None:
    result = run_ptfcal("check", str(year), env={"COLUMNS": "200"})
    assert result.code in (0, 1), result.err
    assert problems(result.out, _ids()) == []


def test_a_partner_is_named_with_its_article(published) -> None:
    text = readable(published / "feeds" / "pays-bas.ics")
    assert "X-WR-CALDESC:Les réunions auxquelles participent les Pays-Bas\\, 2025–2027." in text
    text = readable(published / "feeds" / "pnud.ics")
    assert ("X-WR-CALDESC:Les réunions auxquelles participe le Programme des Nations Unies pour "
            "le développement\\, 2025–2027.") in text


def test_a_deadline_is_a_date_limit_not_a_meeting(published) -> None:
    text = readable(published / "2020" / "deadlines.ics")
    block = text[text.index("lettre circulaire"):].split("\nSUMMARY")[0]
    assert "Date limite (décret n° 2018-0623/PM-RM)" in block
    assert "Présidence" not in block and "Participants" not in block
    assert "Date prévisionnelle" not in block


def test_the_report_against_another_calendar_reads_as_french() -> None:
    partner = Path(__file__).parent / "data" / "partner-outlook.ics"
    result = run_ptfcal("check", "2020", "--against", str(partner), env={"COLUMNS": "200"})
    assert "C-EXT-2" in result.out
    assert problems(result.out, _ids()) == []
    assert "(rules)" not in result.out


CLICK_ENGLISH = ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message",
                 "[default:", "[required]", "Install completion", "Show completion")


@pytest.mark.parametrize("args", [("--help",), (), ("generate", "--help"), ("move", "-h"),
                                  ("holiday",), ("holiday", "confirm", "--help")])
def test_the_help_reads_as_french(args) -> None:
    """click's and typer's own words in the help (headings, the help option's line, the
    default and required marks) are said in French; `--lang en` keeps click's English."""
    result = run_ptfcal(*args)
    assert result.code in (0, 2), result.err
    shown = result.out + result.err
    assert shown.startswith("Utilisation : ptfcal"), shown[:200]
    assert [w for w in CLICK_ENGLISH if w in shown] == []
    assert "Options :" in shown
    if args in [("--help",), (), ("holiday",)]:
        assert "Commandes :" in shown
    if args[:1] == ("generate",):
        assert "[par défaut : calendars]" in " ".join(shown.split())
        assert "-h, --help           Affiche cette aide et s'arrête." in shown
    if args[:1] == ("move",):
        assert "Arguments :" in shown
        assert "Nouvelle date AAAA-MM-JJ / new date.  [obligatoire]" in shown
    english = run_ptfcal(*args, "--lang", "en") if len(args) > 1 else None  # a command's
    if english is not None:
        text = english.out + english.err
        assert text.startswith("Usage: ptfcal"), text[:200]
        assert "Show this message and exit." in text
        assert "Utilisation" not in text and "Affiche cette aide" not in text


def test_the_help_words_table() -> None:
    """typer's bracket is translated part by part; a bracket of the help's own, or a part the
    table does not know, is left as written."""
    from ptfcal.cli.helptext import french

    assert french("Dossier / folder.  [default: calendars]") == \
        "Dossier / folder.  [par défaut : calendars]"
    assert french("Année.  [default: 2020; required]") == "Année.  [par défaut : 2020; obligatoire]"
    assert french("[required]") == "[obligatoire]"
    assert french("Effort.  [default: 0.5; 0.05<=x<=1000.0]") == \
        "Effort.  [par défaut : 0.5; 0.05<=x<=1000.0]"
    assert french("Show this message and exit.") == "Affiche cette aide et s'arrête."
    assert french("Les dates [AAAA-MM-JJ]") == "Les dates [AAAA-MM-JJ]"
    assert french("X.  [default: a; deprecated]") == "X.  [default: a; deprecated]"
