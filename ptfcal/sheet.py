"""Every CSV ptfcal writes (events.csv, the distribution lists, the Outlook contacts): UTF-8
with a BOM and CRLF, as Excel opens it, and no cell a spreadsheet would run as a formula.

A cell that begins with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed is read by
Excel and LibreOffice as a formula (`=HYPERLINK(…)`, `-2+3+cmd|…`: OWASP's "CSV injection"); it
is written with a leading `'`, so the spreadsheet shows it as text. No value ptfcal itself
writes in these files begins with one of them (dates are YYYY-MM-DD, times HH:MM): only titles,
names, notes and addresses people typed can, and they are the ones to neutralise.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value: object) -> str:
    """The value as a spreadsheet shows it as text, never as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table(header: Iterable[object], rows: Iterable[Iterable[object]],
          delimiter: str = ";") -> bytes:
    """A CSV document: the header, then the rows, every cell neutralised. `;` is what a French
    Excel opens as columns; Outlook's contacts import wants `,`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([cell(v) for v in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
