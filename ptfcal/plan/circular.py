"""The Ministry of Finance's harmonised calendar of reviews, as the secretariat types it into a
spreadsheet: one row per sector review, French headers, saved as CSV. Each row is matched to its
CPS, checked against the decree (the rules of checks.yaml about sector reviews, the circular and
the CREDD technical session, with their quotes), and recorded in years/YYYY.yaml as a sector
review event through the recording verbs (journal, undo)."""

from __future__ import annotations

import csv
import io
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..calendar import rules as date_rules
from ..calendar import scheduler, workdays
from ..config import writer
from ..errors import InputError
from ..i18n import Counted, text
from ..model import CheckRule, Model, Text
from ..record import refs
from ..record.verbs import EVENT_ORDER, Edit, Editor, Facts, Nothing, _put, add, confirm, move

REVIEW_TYPE = "sector-review"
CIRCULAR_TYPE = "harmonised-calendar-circular"
CREDD_TYPE = "credd-review-technical"
MAX_BYTES = 1 << 20
MAX_ROWS = 500
MAX_DAYS = 10

# column -> the headers a spreadsheet may give it (compared without accents or case)
COLUMNS = {
    "sector": ("secteur", "cps", "revue", "revue sectorielle", "sector"),
    "first": ("premier jour", "debut", "date de debut", "du", "first day", "start"),
    "last": ("dernier jour", "fin", "date de fin", "au", "last day", "end"),
    "place": ("lieu", "place"),
    "note": ("note", "observation", "observations", "remarque", "notes"),
}
REQUIRED = ("sector", "first")


@dataclass(frozen=True)
class Row:
    line: int
    body: str
    first: date
    last: date
    place: str | None
    note: str | None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | str
    rule: str
    message: Text
    quote: str
    warning: bool = False  # --lenient: the limit day itself, recorded with a warning


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value)
    value = "".join(c for c in value if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", value).strip()


def _date(value: str) -> date:
    value = value.strip()
    found = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if found:
        return date(int(found[3]), int(found[2]), int(found[1]))
    return date.fromisoformat(value)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # a French Excel saves CSV in Windows-1252
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(text("circ.unreadable", file=name,
                          why=Text("encodage inconnu", "unknown encoding")))


def _sectors(model: Model) -> dict[str, str]:
    """Plain names -> CPS body id: the id, the short and full names in both languages."""
    names: dict[str, str] = {}
    for body_id in model.meeting_types[REVIEW_TYPE].bodies:
        body = model.bodies[body_id]
        for name in (body_id, body_id.removeprefix("cps-"), body.short.fr, body.short.en,
                     body.name.fr, body.name.en):
            plain = _plain(name)
            names[plain] = body_id
            names[plain.removeprefix("cps ")] = body_id
    return names


def _sector(value: str, names: dict[str, str]) -> str | None:
    plain = _plain(value)
    plain = re.sub(r"^(revue sectorielle|revue|secteur)( de la| du| des| de)? ", "", plain)
    if plain in names:
        return names[plain]
    plain = plain.removeprefix("cps ")
    if plain in names:
        return names[plain]
    starts = {body for name, body in names.items() if plain and name.startswith(plain)}
    return starts.pop() if len(starts) == 1 else None


def read(path: Path, model: Model, year: int) -> list[Row]:
    """The circular's rows, each matched to its CPS; any problem is a located error."""
    name = path.name
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe or a device would never end
            raise InputError(text("circ.unreadable", file=name,
                                  why=Text("pas un fichier ordinaire", "not a regular file")))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(text("circ.unreadable", file=name,
                              why=Text("fichier introuvable", "no such file"))) from None
    except OSError:
        raise InputError(text("circ.unreadable", file=name,
                              why=Text("accès refusé ou lecture impossible",
                                       "access refused or read failed"))) from None
    if len(data) > MAX_BYTES:
        raise InputError(text("circ.too-big-bytes", file=name, limit=MAX_BYTES))
    content = _decode(data, name)
    head = content.replace("\r\n", "\n").replace("\r", "\n").split("\n", 1)[0]
    delimiter = ";" if head.count(";") >= head.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError(text("circ.empty", file=name)) from None
    try:
        return _rows(reader, header, name, model, year)
    except csv.Error as exc:
        raise InputError(text("circ.csv", file=name, line=reader.line_num,
                              why=str(exc))) from None


def _rows(reader, header: list[str], name: str, model: Model, year: int) -> list[Row]:
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        for column, accepted in COLUMNS.items():
            if _plain(cell) in accepted and column not in columns:
                columns[column] = i
    if any(c not in columns for c in REQUIRED):
        expected = "« Secteur », « Premier jour », « Dernier jour », « Lieu », « Note »"
        raise InputError(text("circ.headers", file=name, expected=expected,
                              found=", ".join(f"« {c} »" for c in header) or "—"))
    names = _sectors(model)
    rows: list[Row] = []
    seen: dict[str, int] = {}
    problems: list[Text] = []
    for cells in reader:
        number = reader.line_num
        if len(rows) >= MAX_ROWS:
            raise InputError(text("circ.too-big", file=name, limit=MAX_ROWS))
        if not any(c.strip() for c in cells):
            continue

        def cell(column: str, cells: list[str] = cells) -> str:
            i = columns.get(column)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        sector = cell("sector")
        if not sector:
            problems.append(text("circ.missing", file=name, line=number, column="Secteur"))
            continue
        body = _sector(sector, names)
        if body is None:
            known = ", ".join(model.bodies[b].short.fr
                              for b in model.meeting_types[REVIEW_TYPE].bodies)
            problems.append(text("circ.sector", file=name, line=number, value=sector,
                                 known=known))
            continue
        days: list[date] = []
        for column, label in (("first", "Premier jour"), ("last", "Dernier jour")):
            value = cell(column) or (cell("first") if column == "last" else "")
            if not value:
                problems.append(text("circ.missing", file=name, line=number, column=label))
                break
            try:
                days.append(_date(value))
            except ValueError:
                problems.append(text("circ.cell", file=name, line=number, column=label,
                                     value=value))
                break
        if len(days) < 2:
            continue
        first, last = days
        if last < first:
            problems.append(text("circ.order", file=name, line=number, first=first,
                                 last=last))
            continue
        if first.year != year or last.year != year:
            problems.append(text("circ.year", file=name, line=number,
                                 day=first if first.year != year else last, year=year))
            continue
        if (last - first).days + 1 > MAX_DAYS:
            problems.append(text("circ.long", file=name, line=number,
                                 days=(last - first).days + 1, limit=MAX_DAYS))
            continue
        if body in seen:
            problems.append(text("circ.sector-twice", file=name, line=number,
                                 sector=model.bodies[body].short, other=seen[body]))
            continue
        seen[body] = number
        rows.append(Row(number, body, first, last, cell("place") or None,
                        cell("note") or None))
    if problems:
        raise InputError(Text("\n".join(p.fr for p in problems),
                              "\n".join(p.en for p in problems)))
    if not rows:
        raise InputError(text("circ.empty", file=name))
    return rows


def _rule(model: Model, kind: str, of: str, then: str | None = None) -> CheckRule | None:
    for rule in model.checks:
        if rule.kind == kind and of in rule.of and (then is None or then in rule.then):
            return rule
    return None


def review(rows: list[Row], model: Model, year: int, issued: date | None,
           file: str, lenient: bool = False) -> list[Finding]:
    """The decree's limits, read from the rules of checks.yaml (with their quotes): each
    review before its deadline, the circular before its own, the CREDD technical session after
    the last review. `lenient`: a review on the limit day itself (« avant le 30 avril », A-16)
    is a warning, as `check --lenient-deadlines` says."""
    out: list[Finding] = []
    limit_rule = _rule(model, "deadline", REVIEW_TYPE)
    if limit_rule is not None and limit_rule.deadline is not None:
        limit = date_rules.deadline_date(limit_rule.deadline, year)
        words = Text(*(_deadline(limit_rule, lang) for lang in ("fr", "en")))
        for row in rows:
            if row.last > limit:
                on_limit = limit_rule.deadline.strict and \
                    row.last == limit_rule.deadline.limit(year)
                out.append(Finding(file, row.line, limit_rule.id, text(
                    "circ.on-or-after", what=model.bodies[row.body].short, day=row.last,
                    limit=words), limit_rule.source.quote or "", lenient and on_limit))
    circular_rule = _rule(model, "deadline", CIRCULAR_TYPE)
    if issued is not None and circular_rule is not None and circular_rule.deadline:
        limit = date_rules.deadline_date(circular_rule.deadline, year)
        if issued > limit:
            words = Text(*(_deadline(circular_rule, lang) for lang in ("fr", "en")))
            out.append(Finding(file, "--issued", circular_rule.id,
                               text("circ.issued-late", day=issued, limit=words),
                               circular_rule.source.quote or ""))
    order_rule = _rule(model, "order", REVIEW_TYPE, CREDD_TYPE)
    if order_rule is not None:
        calendar = workdays.build(model.settings, model.holidays, [year])
        events = scheduler.schedule(model, year, calendar).events
        credd = [e.day for e in events if CREDD_TYPE in e.types]
        if credd:
            for row in rows:
                if row.last >= min(credd):
                    out.append(Finding(file, row.line, order_rule.id, text(
                        "circ.credd", what=model.bodies[row.body].short, day=row.last,
                        credd=min(credd)), order_rule.source.quote or ""))
    return out


def _deadline(rule: CheckRule, lang: str) -> str:
    from ..i18n import deadline_words

    return deadline_words(rule.deadline, lang)


def record(ed: Editor, rows: list[Row], year: int, issued: date | None) -> Edit:
    """Each row as a sector review of years/YYYY.yaml: added, or the existing one of its CPS
    updated (same UID); the circular's date as its deadline occurrence's date."""
    doc = ed.year_doc(year)
    changed = 0
    for row in rows:
        existing = None
        for _, item in writer.items(doc.data.get("events")):
            if item.get("type") == REVIEW_TYPE and item.get("body") == row.body and \
                    writer.as_date(item.get("date")) is not None and \
                    writer.as_date(item.get("date")).year == year:
                existing = item
        facts = Facts(location=row.place, note=row.note)
        if existing is None:
            add(ed, REVIEW_TYPE, row.body, row.first, None, row.days, None, None, None, None,
                facts)
            changed += 1
            continue
        before = (writer.as_date(existing.get("date")), existing.get("days", 1),
                  existing.get("location"), existing.get("note"))
        current = writer.as_date(existing.get("date"))
        if current != row.first:
            if not existing.get("key"):  # its UID stays
                _put(existing, "key", writer.quoted(f"{current:%Y%m%d}"), EVENT_ORDER)
            existing["date"] = row.first
        if row.days > 1:
            _put(existing, "days", row.days, EVENT_ORDER)
        else:
            existing.pop("days", None)
        if row.place and str(existing.get("location") or "") != row.place:
            _put(existing, "location", writer.quoted(row.place), EVENT_ORDER)
        if row.note and str(existing.get("note") or "") != row.note:
            _put(existing, "note", writer.quoted(row.note), EVENT_ORDER)
        after = (writer.as_date(existing.get("date")), existing.get("days", 1),
                 existing.get("location"), existing.get("note"))
        changed += before != after
    if issued is not None:
        model = ed.model
        calendar = workdays.build(model.settings, model.holidays, [year])
        events = scheduler.schedule(model, year, calendar).events
        target = refs.resolve(f"{CIRCULAR_TYPE}@{year}-01", model, events) \
            if any(CIRCULAR_TYPE in e.types for e in events) else None
        if target is not None:
            try:
                if issued != target.event.day:
                    move(ed, target, issued, None, None)
                else:
                    confirm(ed, target)
                changed += 1
            except Nothing:
                pass
    if not changed:
        raise Nothing(text("circ.already", year=year))
    return ed.edit(text("circ.summary", year=year, count=Counted(len(rows), "review")), year)

