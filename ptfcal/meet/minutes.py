"""The compte rendu of one meeting: built once as a neutral document, then written as Markdown,
HTML or Word.

`build` reads the occurrence (`Event`: body, date, hours, place, chair, secretariat, who was
convened), its record (`MeetingRecord`: agenda, attendance, decisions, actions) and the actions
to follow up (the previous meeting's, and any older one still open), and lays them out as blocks:
headings, « label : value » fields, bullet lists, tables and notes. A value nothing recorded is
left blank (`Field.value` None), and every writer shows it as « à compléter ». The writers only
lay the blocks out: `markdown` (a stable format, docs/minutes-md.md), `html` (one self-contained
page, print CSS, no script, nothing fetched) and `docx` (through ptfcal/word.py).

Only institutions by default. Names of people appear only when the caller passes `names` (read
from the private register by the command line, which also decides where such a file may go).

A file written here carries a seal: the SHA-256 of its content after the seal's line (Markdown,
HTML) or of its body (Word, see word.py). `ours(data)` is true for a file ptfcal wrote that
nobody has changed since, the only kind `ptfcal minutes --output` replaces.
"""

from __future__ import annotations

import html as html_escape
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from .. import i18n
from ..meeting import Action, ActionStatus, MeetingRecord
from ..model import Event, Model, Party, Status

FORMAT_VERSION = 1  # of the Markdown (docs/minutes-md.md)
SEAL = re.compile(r"<!-- ptfcal minutes (?P<version>\d+) (?P<ref>\S+) (?:(?P<names>names) )?"
                  r"sha256=(?P<digest>[0-9a-f]{64}) -->\n")
# a compte rendu naming people (--names): the word in the seal (Markdown, HTML), the category in
# the properties (Word); `generate` refuses an output folder holding one (convene/private.py)
NAMES_MARK = "names"
NAMES_CATEGORY = "ptfcal:names"


class Format(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"


# --- the neutral document ------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: a section, 2: a sub-section (an agenda item)


@dataclass(frozen=True)
class Field:
    label: str
    value: str | None  # None: nothing recorded, « à compléter »


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...]  # in Word, on a 17 cm wide A4 text column
    small: bool = False  # a wide table: a smaller text in Word
    ids: bool = False  # the first column holds action ids, never broken at their hyphens


Block = Heading | Field | Note | Bullets | Table


@dataclass(frozen=True)
class Minutes:
    title: str
    lang: str
    when: datetime  # the meeting's start (its day at midnight, Bamako, for an all-day one)
    blank: str  # « à compléter »
    blocks: tuple[Block, ...]
    ref: str  # gec-monthly@2027-03: in the files' metadata (the seal, <meta>, keywords) only
    names: bool = False  # it names people (--names): internal, marked so in the files


@dataclass(frozen=True)
class FollowUp:
    """An action to follow up at this meeting, and the meeting that gave it (its date)."""

    action: Action
    given_on: date | None = None  # the day of the meeting that gave it (None: unknown)

    @property
    def id(self) -> str:
        return self.action.id


def build(model: Model, event: Event, ref: str, lang: str, *,
          record: MeetingRecord | None = None, follow_up: Sequence[FollowUp] = (),
          names: Mapping[str, Sequence[str]] | None = None) -> Minutes:
    """The compte rendu of `event` (named `ref`), in `lang`. `record`: the meeting's record
    (default: the event's own, `event.record`); `follow_up`: the actions of earlier meetings
    to review; `names`: institution -> people's names, or None to leave people out (the
    default)."""
    rec = record if record is not None else event.record
    t = _Words(model, lang)
    body = model.bodies[event.body]
    blocks: list[Block] = [Note(t("min.draft"))]
    if event.status is Status.CANCELLED:
        blocks.append(Note(t("min.cancelled")))
    if names is not None:
        blocks.append(Note(t("min.with-names")))
    blocks += [
        Field(t("min.body"), f"{body.name.get(lang)} ({body.short.get(lang)})"
              if body.short.get(lang) != body.name.get(lang) else body.name.get(lang)),
        Field(t("min.meeting"), event.title.get(lang)),
        Field(t("min.date"), _days(event, lang)),
        Field(t("min.time"), _hours(event, model, lang)),
        Field(t("min.place"), event.location),
        Field(t("min.chair"), _party(event.chair, model, lang)),
        Field(t("min.secretariat"), _party(event.secretariat, model, lang)),
    ]
    blocks += _attendance(event, rec, t, names)
    blocks += _follow_up(event, follow_up, t)
    blocks += _agenda(rec, t)
    when = event.start or datetime.combine(event.day, datetime.min.time(),
                                           ZoneInfo(model.settings.timezone))
    return Minutes(t("min.title", meeting=f"{event.title.get(lang)}, {_days(event, lang)}"),
                   lang, when, t("min.blank"), tuple(blocks), ref, names is not None)


class _Words:
    """Messages and names in one language."""

    def __init__(self, model: Model, lang: str):
        self.model, self.lang = model, lang

    def __call__(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)

    def institution(self, ident: str) -> str:
        known = self.model.institutions.get(ident)
        return known.short.get(self.lang) if known is not None else ident

    def name(self, ident: str) -> str:
        """The institution's full name (« Banque mondiale »), for the attendance."""
        known = self.model.institutions.get(ident)
        return known.name.get(self.lang) if known is not None else ident

    def day(self, day) -> str:
        return i18n.format_day(day, self.lang, weekday=False)


def _alphabetical(name: str) -> tuple[str, str]:
    """« États-Unis » between « Espagne » and « FAO »: accents aside, then as written."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name)
                    if not unicodedata.combining(c))
    return plain.casefold(), name


def _days(event: Event, lang: str) -> str:
    first = i18n.format_day(event.day, lang)
    if event.last_day == event.day:
        return first
    return i18n.t("min.days", lang, first=first, last=i18n.format_day(event.last_day, lang))


def _hours(event: Event, model: Model, lang: str) -> str | None:
    if event.start is None:
        return None
    offset = event.start.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes > 0 else "-"
    label = "GMT" if minutes == 0 else \
        f"GMT{sign}{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")
    city = model.settings.timezone.rsplit("/", 1)[-1].replace("_", " ")
    start = _clock(event.start, lang)
    if event.end is None:
        return i18n.t("min.time-start", lang, start=start, city=city, offset=label)
    return i18n.t("min.time-value", lang, start=start, end=_clock(event.end, lang), city=city,
                  offset=label)


def _clock(moment: datetime, lang: str) -> str:
    return f"{moment.hour} h {moment.minute:02d}" if lang == "fr" else f"{moment:%H:%M}"


def _party(party: Party | None, model: Model, lang: str) -> str | None:
    if party is None:
        return None
    label = party.label.get(lang)
    return label or ", ".join(model.institutions[i].short.get(lang) if i in model.institutions
                              else i for i in party.institutions) or None


def _attendance(event: Event, rec: MeetingRecord, t: _Words,
                names: Mapping[str, Sequence[str]] | None) -> list[Block]:
    blocks: list[Block] = [Heading(t("min.attendance"), 1)]
    present = sorted(rec.attendance.items(), key=lambda kv: _alphabetical(t.name(kv[0])))
    people = sum(rec.attendance.values())
    if present:
        blocks.append(Field(t("min.present-count",
                              institutions=i18n.count(len(present), "institution", t.lang),
                              people=i18n.count(people, "person", t.lang)), ""))
        header = (t("min.institution"), t("min.people"))
        if names is not None:
            header += (t("min.names"),)
        rows = tuple((t.name(i), str(n),
                      *((", ".join(names.get(i, ())) or "—",) if names is not None else ()))
                     for i, n in present)
        blocks.append(Table(header, rows, (7.0, 3.0, 7.0) if names is not None else (10.0, 4.0)))
    else:
        blocks.append(Field(t("min.present"), None))
    for key, ids in (("min.excused", rec.excused), ("min.absent", rec.absent)):
        listed = sorted((t.name(i) for i in ids), key=_alphabetical)
        blocks.append(Field(t(key), ", ".join(listed) if listed else None))
    recorded = set(rec.attendance) | set(rec.excused) | set(rec.absent)
    unrecorded = sorted((_with_people(t.name(i), names, i) for i in event.participants
                         if i not in recorded), key=_alphabetical)
    if unrecorded:
        blocks.append(Field(t("min.unrecorded"), ", ".join(unrecorded)))
    if names is None:
        blocks.append(Note(t("min.no-names")))
    return blocks


def _with_people(name: str, names: Mapping[str, Sequence[str]] | None, ident: str) -> str:
    """« Banque mondiale (Awa Exemple, Moussa Exemple) » with --names, else the name."""
    people = names.get(ident, ()) if names is not None else ()
    return f"{name} ({', '.join(people)})" if people else name


def _status(action: Action, on, t: _Words) -> str:
    """The action's state at the meeting (`on`: its day)."""
    if action.open_on(on):
        return t("min.status.overdue") if action.overdue_on(on) else t("min.status.open")
    kind = "done" if action.status is ActionStatus.DONE else "dropped"
    if action.done_on is None:
        return t(f"min.status.{kind}-undated")
    return t(f"min.status.{kind}", day=t.day(action.done_on))


def _follow_up(event: Event, follow_up: Sequence[FollowUp], t: _Words) -> list[Block]:
    blocks: list[Block] = [Heading(t("min.follow-up"), 1)]
    if not follow_up:
        return [*blocks, Note(t("min.follow-up-none"))]
    header = (t("min.action-id"), t("min.action"), t("min.owner"), t("min.due"),
              t("min.meeting-of"), t("min.status"), t("min.note"))
    rows = tuple((f.action.id, f.action.text, t.institution(f.action.owner),
                  t.day(f.action.due) if f.action.due else "—",
                  t.day(f.given_on) if f.given_on else "—",
                  _status(f.action, event.day, t), f.action.note or "")
                 for f in sorted(follow_up, key=lambda f: _id_order(f.action.id)))
    return [*blocks, Table(header, rows, (2.1, 3.6, 2.4, 2.2, 2.2, 2.2, 2.3), small=True,
                           ids=True)]


def _id_order(ident: str) -> tuple[int, int, str]:
    m = re.fullmatch(r"A-(\d{4})-(\d+)", ident)
    return (int(m[1]), int(m[2]), ident) if m else (0, 0, ident)


def _actions_table(actions: Sequence[Action], t: _Words) -> Table:
    return Table((t("min.action-id"), t("min.action"), t("min.owner"), t("min.due")),
                 tuple((a.id, a.text, t.institution(a.owner), t.day(a.due) if a.due else "—")
                       for a in actions), (2.2, 8.8, 3.5, 2.5), ids=True)


def _agenda(rec: MeetingRecord, t: _Words) -> list[Block]:
    blocks: list[Block] = [Heading(t("min.agenda"), 1)]
    if not rec.agenda:
        blocks.append(Field(t("min.agenda"), None))
    for n, item in enumerate(rec.agenda, start=1):
        blocks.append(Heading(f"{n}. {item.title}", 2))
        if item.by:
            blocks.append(Field(t("min.by"), t.institution(item.by)))
        if item.docs:
            blocks.append(Field(t("min.docs"), ", ".join(item.docs)))
        blocks.append(Field(t("min.discussion"), None))
        blocks += _outcomes([d.text for d in rec.decisions if d.item == n],
                            [a for a in rec.actions if a.item == n], t, blank=True)
    numbered = range(1, len(rec.agenda) + 1)
    loose_decisions = [d.text for d in rec.decisions if d.item not in numbered]
    loose_actions = [a for a in rec.actions if a.item not in numbered]
    if loose_decisions or loose_actions or not rec.agenda:
        blocks.append(Heading(t("min.other"), 2 if rec.agenda else 1))
        blocks += _outcomes(loose_decisions, loose_actions, t, blank=not rec.agenda)
    return blocks


def _outcomes(decisions: list[str], actions: list[Action], t: _Words,
              blank: bool) -> list[Block]:
    blocks: list[Block] = []
    if decisions:
        blocks += [Field(t("min.decisions"), ""), Bullets(tuple(decisions))]
    elif blank:
        blocks.append(Field(t("min.decisions"), None))
    if actions:
        blocks += [Field(t("min.actions"), ""), _actions_table(actions, t)]
    elif blank:
        blocks.append(Field(t("min.actions"), None))
    return blocks


# --- writers -------------------------------------------------------------------------------


def render(minutes: Minutes, fmt: Format) -> bytes:
    if fmt is Format.MD:
        return markdown(minutes).encode("utf-8")
    if fmt is Format.HTML:
        return html(minutes).encode("utf-8")
    return docx(minutes)


def _sha256(data: bytes) -> str:
    import hashlib  # (here: `generate` reads names_people without paying for OpenSSL)

    return hashlib.sha256(data).hexdigest()


def _sealed(content: str, minutes: Minutes) -> str:
    digest = _sha256(content.encode("utf-8"))
    mark = f"{NAMES_MARK} " if minutes.names else ""
    return (f"<!-- ptfcal minutes {FORMAT_VERSION} {minutes.ref} {mark}sha256={digest} -->\n"
            f"{content}")


def _md_cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_text(value: str, heading: bool = False) -> str:
    """Text a Markdown reader shows as written: no line break, no HTML, no leading marker."""
    value = " ".join(value.split())
    value = value.replace("\\", "\\\\").replace("<", "\\<")
    for marker in ("*", "_", "`", "[", "]"):
        value = value.replace(marker, "\\" + marker)
    return value if heading else re.sub(r"^([#>+\-=]|\d+[.)])", r"\\\1", value)


def markdown(minutes: Minutes) -> str:
    """The Markdown compte rendu (docs/minutes-md.md): a seal line, then CommonMark."""
    blank = f"*{minutes.blank}*"
    lines = [f"# {_md_text(minutes.title, heading=True)}", ""]
    for block in minutes.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * (block.level + 1)} {_md_text(block.text, heading=True)}", ""]
        elif isinstance(block, Field):
            value = blank if block.value is None else _md_text(block.value)
            sep = (" : " if minutes.lang == "fr" else ": ") if value else ""
            lines += [f"**{_md_text(block.label)}**{sep}{value}", ""]
        elif isinstance(block, Note):
            lines += [f"> {_md_text(block.text)}", ""]
        elif isinstance(block, Bullets):
            lines += [f"- {_md_text(item)}" for item in block.items] + [""]
        else:
            lines.append("| " + " | ".join(_md_cell(h) for h in block.header) + " |")
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return _sealed("\n".join(lines).rstrip("\n") + "\n", minutes)


_CSS = """
body { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 11pt; max-width: 46em;
       margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
p.note { font-style: italic; color: #444; }
.blank { font-style: italic; color: #8a4b00; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #999; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
table.ids td:first-child { white-space: nowrap; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } thead { display: table-header-group; }
               tr, h2, h3 { break-inside: avoid; } h2, h3 { break-after: avoid; } }
""".strip()


def html(minutes: Minutes) -> str:
    """One self-contained page: its own style, no script, nothing fetched."""
    e = html_escape.escape
    blank = f'<span class="blank">{e(minutes.blank)}</span>'
    sep = " : " if minutes.lang == "fr" else ": "
    out = [f"<h1>{e(minutes.title)}</h1>"]
    for block in minutes.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level + 1}>{e(block.text)}</h{block.level + 1}>")
        elif isinstance(block, Field):
            value = blank if block.value is None else e(block.value)
            out.append(f"<p><strong>{e(block.label)}</strong>{sep if value else ''}{value}</p>")
        elif isinstance(block, Note):
            out.append(f'<p class="note">{e(block.text)}</p>')
        elif isinstance(block, Bullets):
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
        else:
            head = "".join(f"<th>{e(h)}</th>" for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                           for row in block.rows)
            kind = ' class="ids"' if block.ids else ""
            out.append(f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                       "</table>")
    content = "\n".join([
        f'<html lang="{minutes.lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="generator" content="ptfcal">',
        f'<meta name="ptfcal-minutes" content="{e(minutes.ref)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{e(minutes.title)}</title>", f"<style>\n{_CSS}\n</style>", "</head>", "<body>",
        *out, "</body>", "</html>", ""])
    return "<!DOCTYPE html>\n" + _sealed(content, minutes)


def docx(minutes: Minutes) -> bytes:
    """The Word compte rendu (python-docx, through word.py)."""
    from .. import word

    doc = word.Document(minutes.title, language=minutes.lang, when=minutes.when,
                        keywords=minutes.ref,
                        category=NAMES_CATEGORY if minutes.names else "")
    doc.heading(minutes.title, 0)
    sep = " : " if minutes.lang == "fr" else ": "
    for block in minutes.blocks:
        if isinstance(block, Heading):
            doc.heading(block.text, block.level)
        elif isinstance(block, Field):
            if block.value is None:
                doc.paragraph(minutes.blank, italic=True, label=block.label + sep,
                              highlight=True)
            else:
                doc.paragraph(block.value, label=block.label + (sep if block.value else ""))
        elif isinstance(block, Note):
            doc.paragraph(block.text, italic=True)
        elif isinstance(block, Bullets):
            doc.bullets(block.items)
        else:
            doc.table(block.header, block.rows, block.widths_cm, 9 if block.small else None)
    return doc.data()


# --- which files are ours ------------------------------------------------------------------


def ours(data: bytes) -> bool:
    """A compte rendu ptfcal wrote (Markdown, HTML or Word) that nobody has changed since."""
    if data.startswith(b"PK"):
        from ..word import made_here

        return made_here(data)
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    content = content.removeprefix("<!DOCTYPE html>\n")
    found = SEAL.match(content)
    if found is None:
        return False
    rest = content[found.end():].encode("utf-8")
    return _sha256(rest) == found["digest"]


def names_people(data: bytes) -> bool:
    """A compte rendu ptfcal wrote with --names (changed since or not): Markdown or HTML by
    the first bytes (the seal), Word by its properties."""
    if data.startswith(b"PK"):
        from ..word import category_of

        return category_of(data) == NAMES_CATEGORY
    head = data[:1024].decode("utf-8", "replace").removeprefix("<!DOCTYPE html>\n")
    found = SEAL.match(head)
    return found is not None and found["names"] is not None
