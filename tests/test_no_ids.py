"""No internal id in what users read (issue 19 item 12: C-GD-1 printed
`body:gt-ptf-2-capital-humain`). The published calendars of the repository (feeds' names and
descriptions, events' titles and descriptions, check reports, index.html's text) and the check
messages of every bundled year are scanned for the shapes of ptfcal's ids: role-holder keys
(« body:… », « tripartite:… »), body ids (« gt-ptf-1-economie », « gd-sante ») and meeting-type
ids (« gec-monthly »). A reference the user types (« gec-monthly@2027-02 ») is meant to be
read and copied: it is left out, as are file names and addresses."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ptfcal.calendar import workdays
from ptfcal.checks.kinds import Context, Options, run_checks
from ptfcal.model import Status
from ptfcal.publish.publication import build_schedule
from tests.conftest import CONFIG, bundled_model, run_ptfcal

ROOT = Path(__file__).parent.parent
CALENDARS = ROOT / "calendars"
READ = ("SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALDESC", "X-WR-CALNAME", "NAME", "COMMENT")


def _ids() -> re.Pattern[str]:
    model = bundled_model()
    words = sorted({*model.bodies, *model.meeting_types} - {
        # ids that are also plain words or acronyms users read
        b for b in model.bodies if "-" not in b}, key=len, reverse=True)
    keys = r"\b(?:body|tripartite|lead|role):[a-z]"
    # not part of a reference (@), a file name (.ics, /) or an address
    named = r"(?<![\w/.-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w@./-])"
    return re.compile(f"{keys}|{named}")


IDS = _ids()


def _unfold(data: str) -> str:
    return data.replace("\r\n ", "").replace("\r\n\t", "")


def _read_in_feed(data: str) -> list[str]:
    lines = []
    for line in _unfold(data).splitlines():
        name, _, value = line.partition(":")
        if name.split(";")[0] in READ:
            lines.append(value.replace("\\n", " ").replace("\\,", ","))
    return lines


def _read_in_page(data: str) -> str:
    data = re.sub(r"<(script|style|code)\b.*?</\1>", " ", data, flags=re.S)
    data = re.sub(r"<a\b[^>]*>.*?</a>", " ", data, flags=re.S)  # links show their file names
    return html.unescape(re.sub(r"<[^>]+>", " ", data))


def test_the_pattern_finds_what_c_gd_1_used_to_print() -> None:
    assert IDS.search("il manque parmi les participants : body:gt-ptf-2-capital-humain")
    assert IDS.search("Réunions et échéances de gt-ptf-2-capital-humain, 2027.")
    assert IDS.search("la réunion gec-monthly du 10 mars")
    assert not IDS.search("ptfcal move gec-monthly@2027-02 --to 2027-02-17")
    assert not IDS.search("feeds/gt-ptf-1-economie.ics")
    assert not IDS.search("Réunions et échéances du Groupe de Dialogue Santé, 2027.")


def test_no_id_in_the_published_calendars() -> None:
    found = []
    for path in sorted(CALENDARS.rglob("*")):
        if path.suffix == ".ics":
            texts = _read_in_feed(path.read_text(encoding="utf-8"))
        elif path.suffix == ".md":
            texts = path.read_text(encoding="utf-8").splitlines()
        elif path.suffix == ".html":
            texts = [_read_in_page(path.read_text(encoding="utf-8"))]
        else:
            continue
        found += [(str(path.relative_to(ROOT)), m.group(0)) for t in texts
                  for m in IDS.finditer(t)]
    assert found == []


@pytest.mark.parametrize("year", [2019, 2020, 2022, 2025, 2027])
def test_no_id_in_the_check_messages(year: int) -> None:
    model = bundled_model()
    sched = build_schedule(model, year)
    cal = workdays.build(model.settings, model.holidays, [year])
    ctx = Context(model, year, [e for e in sched.events if e.status is not Status.CANCELLED],
                  cal, Options())
    found = [(f.rule, lang, m.group(0)) for f in run_checks(ctx) for lang in ("fr", "en")
             for m in IDS.finditer(f.message.get(lang))]
    assert found == []


@pytest.mark.parametrize("command", [("check", "2027"), ("events", "2027"), ("show", "2027"),
                                     ("list", "holidays", "2027")])
def test_no_id_in_the_terminal(command: tuple[str, ...]) -> None:
    result = run_ptfcal(*command, "--config", str(CONFIG), env={"COLUMNS": "250"})
    assert result.code in (0, 1), result.err
    assert result.out.strip()
    assert [m.group(0) for m in IDS.finditer(result.out + result.err)] == []
