"""The Ministry of Finance's harmonised calendar of reviews, as the secretariat types it into a
spreadsheet: one row per sector review, French headers, saved as CSV. Each row is matched to its
CPS, checked against the decree (the rules of checks.yaml about sector reviews, the circular and
the CREDD technical session, with their quotes), and recorded in years/YYYY.yaml as a sector
review event through the recording verbs (journal, undo)."""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..calendar import rules as date_rules
from ..calendar import scheduler, workdays
from ..config import writer
from ..errors import InputError
from ..fileio import NotRegular, TooBig, read_bounded
from ..i18n import Counted, text
from ..model import CheckRule, Model, Text
from ..record import refs
from ..record.verbs import EVENT_ORDER, Edit, Editor, Facts, Nothing, _put, add, confirm, move

REVIEW_TYPE = "sector-review"
FINANCE_TYPE = "public-finance-review"  # the Ministry of Finance's own (PAGAM, then PREM)
CIRCULAR_TYPE = "harmonised-calendar-circular"
CREDD_TYPE = "credd-review-technical"
MAX_BYTES = 1 << 20
MAX_ROWS = 500  # rows of reviews (the 2021 circular has 11)
MAX_LINES = 5_000  # lines of the file, blank ones included
MAX_DAYS = 10
MAX_CELL = 2_000  # characters of one cell, as of one value of the configuration
MAX_ERRORS = 50  # problems shown, then how many more
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # control characters but tab and newline

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
class Sector:
    """Where a row of the circular is recorded: the meeting type, the body holding the review,
    and the sector's name when the body holds one review per sector it covers (a CPS covers
    the sectors its name lists: « CPS Santé, Développement Social et Promotion de la
    Famille »); None for the body's own review (its first sector, or the body named)."""

    type: str
    body: str
    sector: Text | None = None


@dataclass(frozen=True)
class Row:
    line: int
    body: str
    first: date
    last: date
    place: str | None
    note: str | None
    type: str = REVIEW_TYPE
    sector: Text | None = None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass
class Reading:
    """What a circular gives: the rows that can be read (recorded), the located problems of
    the rows that cannot (each names its line and column), the rows read in all."""

    rows: list[Row]
    problems: list[Text]
    read: int
    warnings: list[Text] = field(default_factory=list)  # days off accepted (--allow-day-off)


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


def _parts(name: str) -> list[str]:
    """The sectors a name lists: « Santé, Développement Social et Promotion de la Famille »;
    the programmes a name lists: « … (PAGAM, puis PREM) »."""
    return [p.strip() for p in re.split(r"[,/()]|\s+(?:et|and|puis|then)\s+", name)
            if p.strip()]


def holders(model: Model) -> list[tuple[str, str]]:
    """(meeting type, body) of every review the circular can record: the CPS's sector reviews
    and the Ministry of Finance's own (the public finance reform's review, PAGAM then PREM)."""
    out = [(REVIEW_TYPE, b) for b in model.meeting_types[REVIEW_TYPE].bodies]
    if FINANCE_TYPE in model.meeting_types:
        out += [(FINANCE_TYPE, b) for b in model.meeting_types[FINANCE_TYPE].bodies]
    return out


def _sectors(model: Model) -> dict[str, tuple[Sector, Text]]:
    """Plain names -> (where it is recorded, the name shown in a suggestion): each body's id,
    short and full names in both languages, and for a CPS each sector its name lists (the
    first is the CPS's own review; the others a review each)."""
    names: dict[str, tuple[Sector, Text]] = {}

    def put(name: str, sector: Sector, shown: Text) -> None:
        plain = _plain(name)
        for key in (plain, plain.removeprefix("cps ")):
            if key:
                names.setdefault(key, (sector, shown))

    for type_id, body_id in holders(model):
        body = model.bodies[body_id]
        own = Sector(type_id, body_id)
        for name in (body_id, body_id.removeprefix("cps-"), body.short.fr, body.short.en,
                     body.name.fr, body.name.en):
            put(name, own, body.short)
        if body.category != "cps":  # « Réforme des finances publiques (PAGAM/PREM) »
            for name in (*_parts(body.short.fr), *_parts(body.short.en)):
                put(name, own, body.short)
        fr = _parts(body.name.fr.removeprefix("CPS ").removeprefix("CPS/"))
        en = _parts(body.name.en.removeprefix("CPS ").removeprefix("CPS/"))
        if len(en) != len(fr):
            en = fr
        for i, (part_fr, part_en) in enumerate(zip(fr, en, strict=True)):
            if body.category != "cps" or i == 0:
                put(part_fr, own, body.short)
                put(part_en, own, body.short)
                continue
            sector = Sector(type_id, body_id, Text(part_fr, part_en))
            shown = Text(f"{part_fr} ({body.short.fr})", f"{part_en} ({body.short.en})")
            put(part_fr, sector, shown)
            put(part_en, sector, shown)
    return names


def _match(value: str) -> str:
    plain = _plain(value)
    return re.sub(r"^(revue sectorielle|revue|secteur)( de la| du| des| de)? ", "", plain)


def _sector(value: str, names: dict[str, tuple[Sector, Text]]) -> Sector | None:
    inner = re.fullmatch(r"(.*)\(([^()]*)\)\s*", value)
    if inner:  # « CPS Santé (Développement social) »: the sector, if of that CPS
        outer, sector = _sector(inner[1], names), _sector(inner[2], names)
        if sector is not None and (outer is None or outer.body == sector.body):
            return sector
    plain = _match(value)
    for key in (plain, plain.removeprefix("cps ")):
        if key in names:
            return names[key][0]
    plain = plain.removeprefix("cps ")
    starts = {names[name][0] for name in names if plain and name.startswith(plain)}
    return starts.pop() if len(starts) == 1 else None


def _suggest(value: str, names: dict[str, tuple[Sector, Text]]) -> Text | None:
    """The nearest known name to a misspelt one (« CPS Educaton » -> « CPS Éducation »)."""
    plain = _match(value).removeprefix("cps ")
    close = difflib.get_close_matches(plain, sorted(names), n=3, cutoff=0.75)
    shown = list(dict.fromkeys(names[c][1] for c in close))
    if len(shown) != 1:
        return None
    return shown[0]


def _text_of(value: object) -> str | None:
    """The French title of a recorded event (a string or {fr:, en:})."""
    if value is None:
        return None
    if hasattr(value, "get"):
        return str(value.get("fr") or "") or None
    return str(value)


def _records(content: str, name: str, delimiter: str):
    """The CSV's records with the line each starts on. A quoted cell may hold a line break
    only as Excel writes one (Alt+Enter): a bare LF inside a file whose rows end with CRLF.
    Anything else — an LF-ended file, a CRLF inside the quote, a file ending inside it — is a
    stray quote that would swallow the rows after it: refused, naming its line and column."""
    ends: list[str] = []
    texts: list[str] = []

    def lines():
        for line in io.StringIO(content, newline=""):
            if len(ends) >= MAX_LINES:
                raise InputError(text("circ.too-big", file=name, limit=MAX_LINES))
            body = line.rstrip("\r\n")
            ends.append(line[len(body):])
            texts.append(body)
            yield line

    header: list[str] = []

    def column(line: int) -> str:  # the cell whose quote is still open at the line's end
        cells = next(csv.reader([texts[line - 1]], delimiter=delimiter), [""])
        i = max(len(cells), 1)
        named = header[i - 1].strip() if line > 1 and i <= len(header) else ""
        return f"« {named} »" if named else str(i)

    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    start, read = 1, 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            rows = max(read - 1, 0)
            if "unexpected end of data" in str(exc):
                raise InputError(text("circ.quote-end", file=name, line=start,
                                      column=column(start), rows=rows)) from None
            if reader.line_num > start:  # a quote opened on `start` closed lines later
                raise InputError(text("circ.quote", file=name, line=start,
                                      column=column(start), end=reader.line_num,
                                      rows=rows)) from None
            raise InputError(text("circ.csv", file=name, line=reader.line_num,
                                  why=_why(str(exc)), rows=rows)) from None
        last = reader.line_num
        if last > start:
            inside = ends[start - 1:last - 1]
            excel = ends[0] == "\r\n" and ends[last - 1] in ("\r\n", "") and \
                all(end == "\n" for end in inside)
            if not excel:
                raise InputError(text("circ.quote", file=name, line=start,
                                      column=column(start), end=last,
                                      rows=max(read - 1, 0)))
        if any(c.strip() for c in cells):
            read += 1
            header = header or cells
        yield start, cells
        start = last + 1


def _why(error: str) -> Text:
    """Python's CSV reader's words, in the user's language."""
    if "NUL" in error:
        return Text("un caractère nul : un fichier binaire ?", "a NUL character: a binary file?")
    if "expected after" in error:
        return Text("du texte après le guillemet qui ferme une cellule",
                    "text after the quote that closes a cell")
    if "field limit" in error:
        return Text("une cellule trop longue", "a cell too long")
    return Text("format CSV invalide", "invalid CSV")


def read(path: Path, model: Model, year: int, allow_day_off: bool = False) -> Reading:
    """The circular's rows, each matched to its CPS (or the Ministry of Finance's reform
    programme); a row that cannot be read is a located problem, the file's structure broken
    (a stray quote, a binary file) a located error."""
    name = path.name
    try:
        data = read_bounded(path, MAX_BYTES)  # a pipe or a device would never end
    except NotRegular:
        raise InputError(text("circ.unreadable", file=name,
                              why=Text("pas un fichier ordinaire", "not a regular file"))) \
            from None
    except TooBig:
        raise InputError(text("circ.too-big-bytes", file=name, limit=MAX_BYTES)) from None
    except FileNotFoundError:
        raise InputError(text("circ.unreadable", file=name,
                              why=Text("fichier introuvable", "no such file"))) from None
    except OSError:
        raise InputError(text("circ.unreadable", file=name,
                              why=Text("accès refusé ou lecture impossible",
                                       "access refused or read failed"))) from None
    content = _decode(data, name)
    head = content.replace("\r\n", "\n").replace("\r", "\n").split("\n", 1)[0]
    delimiter = ";" if head.count(";") >= head.count(",") else ","
    records = _records(content, name, delimiter)
    try:
        _, header = next(records)
    except StopIteration:
        raise InputError(text("circ.empty", file=name)) from None
    return _rows(records, header, name, model, year, allow_day_off)


class _Unread(Exception):
    """A row that cannot be read: the column at fault and the message (without the place)."""

    def __init__(self, column: str | None, message: Text):
        super().__init__(message.en)
        self.column, self.message = column, message


def _rows(records, header: list[str], name: str, model: Model, year: int,
          allow_day_off: bool) -> Reading:
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        for column, accepted in COLUMNS.items():
            if _plain(cell) in accepted and column not in columns:
                columns[column] = i
    if any(c not in columns for c in REQUIRED):
        expected = "« Secteur », « Premier jour », « Dernier jour », « Lieu », « Note »"
        raise InputError(text("circ.headers", file=name, expected=expected,
                              found=", ".join(f"« {c} »" for c in header) or "—"))
    labels = {"sector": "Secteur", "first": "Premier jour", "last": "Dernier jour",
              "place": "Lieu", "note": "Note"}  # (a missing « Dernier jour » is the first's)
    labels.update({c: (header[i].strip() or str(i + 1)) for c, i in columns.items()})
    names = _sectors(model)
    calendar = workdays.build(model.settings, model.holidays, [year])
    warnings: list[Text] = []
    rows: list[Row] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    problems: list[Text] = []
    read = 0
    for number, cells in records:
        if not any(c.strip() for c in cells):
            continue
        read += 1
        if read > MAX_ROWS:
            raise InputError(text("circ.too-big", file=name, limit=MAX_ROWS))
        try:
            row = _row(number, {c: cells[i] if i < len(cells) else ""
                                for c, i in columns.items()}, names, model, year)
            key = (row.type, row.body, row.sector.fr if row.sector else None)
            if key in seen:
                raise _Unread("sector", text("circ.sector-twice", sector=label(row, model),
                                             other=seen[key]))
            off = _day_off(row, calendar)
            if off is not None and not allow_day_off:
                raise _Unread(off[0], text("circ.day-off", why=off[1]))
            if off is not None:
                allowed = text("dayoff.allowed", why=off[1])
                warnings.append(Text(f"{name}:{number} : {allowed.fr}",
                                     f"{name}:{number}: {allowed.en}"))
        except _Unread as unread:
            column = labels[unread.column] if unread.column else None
            where = (f", colonne « {column} »", f", column '{column}'") if column else ("", "")
            problems.append(Text(f"{name}:{number}{where[0]} : {unread.message.fr}",
                                 f"{name}:{number}{where[1]}: {unread.message.en}"))
            continue
        seen[key] = number
        rows.append(row)
    if not rows and not problems:
        raise InputError(text("circ.empty", file=name))
    return Reading(rows, problems, read, warnings)


def _day_off(row: Row, calendar) -> tuple[str, Text] | None:
    """The first day of the review that is a weekend or a public holiday: (its column, why);
    days off are refused as dates unless --allow-day-off, as `move --to` and `add --on`."""
    for i in range(row.days):
        why = calendar.why_day_off(row.first + timedelta(days=i))
        if why is not None:
            return ("first" if i == 0 else "last"), why
    return None


def _row(number: int, raw: dict[str, str], names: dict[str, tuple[Sector, Text]],
         model: Model, year: int) -> Row:
    """One row of the circular, read; _Unread names the column at fault."""
    for column, value in raw.items():
        if _CONTROL.search(value) or len(value) > MAX_CELL:
            raise _Unread(column, text("circ.cell-bad", limit=MAX_CELL))
    cells = {c: " ".join(v.split()) for c, v in raw.items()}  # Alt+Enter read as a space
    value = cells["sector"]
    if not value:
        raise _Unread("sector", text("circ.missing"))
    sector = _sector(value, names)
    if sector is None:
        near = _suggest(value, names)
        if near is not None:
            raise _Unread("sector", text("circ.sector-near", value=value, near=near))
        known = ", ".join(model.bodies[b].short.fr for _, b in holders(model))
        raise _Unread("sector", text("circ.sector", value=value, known=known))
    days: list[date] = []
    for column in ("first", "last"):
        given = cells.get(column) or (cells["first"] if column == "last" else "")
        if not given:
            raise _Unread(column, text("circ.missing"))
        try:
            days.append(_date(given))
        except ValueError:
            raise _Unread(column, text("circ.cell", value=given)) from None
    first, last = days
    if last < first:
        raise _Unread("last", text("circ.order", first=first, last=last))
    if first.year != year or last.year != year:
        raise _Unread("first" if first.year != year else "last", text(
            "circ.year", day=first if first.year != year else last, year=year))
    if (last - first).days + 1 > MAX_DAYS:
        raise _Unread("last", text("circ.long", days=(last - first).days + 1, limit=MAX_DAYS))
    return Row(number, sector.body, first, last, cells.get("place") or None,
               cells.get("note") or None, sector.type, sector.sector)


def capped(problems: list[Text], limit: int = MAX_ERRORS) -> Text:
    """The problems, one a line, the first `limit` of them then how many more."""
    shown = problems[:limit]
    lines = [Text(p.fr, p.en) for p in shown]
    if len(problems) > limit:
        lines.append(text("circ.more", count=len(problems) - limit))
    return Text("\n".join(p.fr for p in lines), "\n".join(p.en for p in lines))


def _rule(model: Model, kind: str, of: str, then: str | None = None) -> CheckRule | None:
    for rule in model.checks:
        if rule.kind == kind and of in rule.of and (then is None or then in rule.then):
            return rule
    return None


def label(row: Row, model: Model) -> Text:
    """What a row names: its body, or its sector with the body holding it."""
    short = model.bodies[row.body].short
    if row.sector is None:
        return short
    return Text(f"{row.sector.fr} ({short.fr})", f"{row.sector.en} ({short.en})")


def review(rows: list[Row], model: Model, year: int, issued: date | None,
           file: str, lenient: bool = False) -> list[Finding]:
    """The decree's limits, read from the rules of checks.yaml (with their quotes): each
    review before its deadline, the circular before its own, the CREDD technical session after
    the last review. `lenient`: a review on the limit day itself (« avant le 30 avril », A-16)
    is a warning, as `check --lenient-deadlines` says."""
    out: list[Finding] = []
    for row in rows:
        limit_rule = _rule(model, "deadline", row.type)
        if limit_rule is None or limit_rule.deadline is None:
            continue
        limit = date_rules.deadline_date(limit_rule.deadline, year)
        words = Text(*(_deadline(limit_rule, lang) for lang in ("fr", "en")))
        if row.last > limit:
            on_limit = limit_rule.deadline.strict and \
                row.last == limit_rule.deadline.limit(year)
            out.append(Finding(file, row.line, limit_rule.id, text(
                "circ.on-or-after", what=label(row, model), day=row.last,
                limit=words), limit_rule.source.quote or "", lenient and on_limit))
    circular_rule = _rule(model, "deadline", CIRCULAR_TYPE)
    if issued is not None and circular_rule is not None and circular_rule.deadline:
        limit = date_rules.deadline_date(circular_rule.deadline, year)
        if issued > limit:
            words = Text(*(_deadline(circular_rule, lang) for lang in ("fr", "en")))
            out.append(Finding(file, "--issued", circular_rule.id,
                               text("circ.issued-late", day=issued, limit=words),
                               circular_rule.source.quote or ""))
    calendar = None
    for row in rows:
        order_rule = _rule(model, "order", row.type, CREDD_TYPE)
        if order_rule is None:
            continue
        if calendar is None:
            calendar = workdays.build(model.settings, model.holidays, [year])
            events = scheduler.schedule(model, year, calendar).events
            credd = sorted(e.day for e in events if CREDD_TYPE in e.types)
        if credd and row.last >= credd[0]:
            out.append(Finding(file, row.line, order_rule.id, text(
                "circ.credd", what=label(row, model), day=row.last, credd=credd[0]),
                order_rule.source.quote or ""))
    return out


def _deadline(rule: CheckRule, lang: str) -> str:
    from ..i18n import deadline_words

    return deadline_words(rule.deadline, lang)


def title(row: Row, model: Model) -> Text | None:
    """The title of a sector's own review under its CPS (« Revue sectorielle — Développement
    Social (CPS Santé) »); None for the CPS's own review, which keeps the type's title."""
    if row.sector is None:
        return None
    name, short = model.meeting_types[row.type].name, model.bodies[row.body].short
    return Text(f"{name.fr} — {row.sector.fr} ({short.fr})",
                f"{name.en} — {row.sector.en} ({short.en})")


def record(ed: Editor, rows: list[Row], year: int, issued: date | None) -> Edit:
    """Each row as a review of years/YYYY.yaml: added, or the one already recorded for its
    body and sector updated (same UID); the circular's date as its deadline occurrence's."""
    doc = ed.year_doc(year)
    changed = 0
    for row in rows:
        mt = ed.model.meeting_types[row.type]
        alone = mt.bodies[0] if len(mt.bodies) == 1 else None
        named = title(row, ed.model)
        existing = None
        for _, item in writer.items(doc.data.get("events")):
            day = writer.as_date(item.get("date"))
            if item.get("type") == row.type and (item.get("body") or alone) == row.body and \
                    day is not None and day.year == year and \
                    _text_of(item.get("title")) == (named.fr if named else None):
                existing = item
        facts = Facts(location=row.place, note=row.note)
        if existing is None:
            add(ed, row.type, row.body, row.first, None, row.days, None, None, None, None,
                facts)
            if named is not None:
                events = writer.ensure_list(doc.data, "events")
                _put(events[len(events) - 1], "title", writer.flow_map(
                    [("fr", writer.quoted(named.fr)), ("en", writer.quoted(named.en))]),
                    EVENT_ORDER)
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

