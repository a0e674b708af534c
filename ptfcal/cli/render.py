"""Results -> rich renderables (tables, panels). Never prints: the CLI does.

The only module that imports `rich` outside the CLI.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text as RichText

from .. import i18n
from ..model import EventKind, Model, Severity, Status
from ..publish.publication import Publication

LARGE_FEED = 900_000  # bytes: Google Calendar ignores events beyond about 1 MB of a feed


def generate_summary(model: Model, pub: Publication, report, past, out: Path, config: Path,
                     lang: str, dry_run: bool = False, refused: bool = False,
                     kept_copy: str | None = None) -> Group:
    """What `generate` did (or, dry, would do): the year, what changes for subscribers, the
    check of every published year, the files."""
    from ..config.workdir import is_bundled

    said = "workdir.read-only" if is_bundled(config) else "summary.config"
    parts: list = [RichText(i18n.t(said, lang, path=config.absolute()), style="dim")]
    if dry_run:
        parts.append(RichText(i18n.t("summary.dry-run", lang), style="bold yellow"))
    if past.recovered:
        why = (i18n.t("summary.recovered.missing", lang) if past.why == "missing"
               else i18n.t("state.damaged", lang, why=past.why))
        parts.append(RichText(i18n.t("summary.recovered", lang, path=out, why=why,
                                     feeds=i18n.count(past.feeds_read, "feed", lang)),
                              style="yellow"))
        if kept_copy:
            parts.append(RichText(i18n.t("summary.damaged-copy", lang, path=out / kept_copy),
                                  style="yellow"))
    elif kept_copy:
        parts.append(RichText(i18n.t("summary.damaged-fresh", lang, why=past.why,
                                     path=out / kept_copy), style="yellow"))
    if len(pub.years) == 1:
        parts.extend(_year_summary(model, pub.years[0], lang))
    else:
        table = Table(title=i18n.t("summary.years", lang), title_justify="left")
        for key in ("summary.year", "summary.events", "summary.moved.count",
                    "summary.check"):
            table.add_column(i18n.t(key, lang), justify="right")
        for year_out in pub.years:
            events = [e for e in year_out.schedule.events if e.status is not Status.CANCELLED]
            moved = [e for e in year_out.schedule.moved if e.status is not Status.CANCELLED]
            verdict = "—"
            if year_out.audit is not None:
                verdict = i18n.t("summary.check.counts", lang,
                                 errors=i18n.count(year_out.audit.count(Severity.ERROR),
                                                   "error", lang),
                                 warnings=i18n.count(year_out.audit.count(Severity.WARNING),
                                                     "warning", lang))
            table.add_row(str(year_out.year), str(len(events)), str(len(moved)), verdict)
        parts.append(table)
    if pub.window:
        parts.extend(_changes(pub, lang))
    parts.extend(_checked(model, pub, lang))
    written = i18n.count(len(report.written),
                         "file-to-write" if dry_run or refused else "file-written", lang)
    same = i18n.count(len(report.unchanged), "file-unchanged", lang)
    parts.append(RichText(i18n.t("summary.written", lang, path=out, written=written,
                                 unchanged=same), style="green"))
    langs = ", ".join(pub.languages)
    for year_out in pub.years:
        parts.append(RichText(i18n.t("summary.files.preview" if dry_run or refused
                                     else "summary.files", lang, feeds=len(year_out.feeds),
                                     path=out / str(year_out.year)) + " — "
                              + i18n.t("summary.languages", lang, langs=langs), style="green"))
    if pub.window:
        parts.append(RichText(i18n.t("summary.feeds", lang, feeds=len(pub.subscriptions),
                                     path=out / "feeds", first=pub.window[0],
                                     last=pub.window[1], index=out / "index.html"),
                              style="green"))
    if pub.kept:
        parts.append(RichText(i18n.t("summary.kept", lang,
                                     feeds=i18n.count(len(pub.kept), "feed", lang),
                                     paths=", ".join(pub.kept[:8])
                                     + (" …" if len(pub.kept) > 8 else ""))))
    for path, size in sorted(report.sizes.items()):
        if path.endswith(".ics") and size > LARGE_FEED:
            parts.append(RichText(i18n.t("summary.large", lang, path=path,
                                         size=f"{size // 1000:,}".replace(",", "\u202f")),
                                  style="yellow"))
    if refused:
        parts.append(RichText(i18n.t("summary.strict", lang, errors=i18n.count(
            pub.count(Severity.ERROR), "error", lang)), style="bold red"))
    return Group(*parts)


def _changes(pub: Publication, lang: str) -> list:
    """Every event subscribers will see change, by kind, with its date and title."""
    from ..publish.publication import ChangeKind

    if pub.first:
        return [RichText(i18n.t("summary.first", lang,
                                events=i18n.count(pub.published, "event", lang)))]
    if not pub.changes:
        return [RichText(i18n.t("summary.no-change", lang))]
    counts = ", ".join(i18n.count(len(pub.of(kind)), kind.value, lang)
                       for kind in ChangeKind if pub.of(kind))
    rows = []
    order = list(ChangeKind)
    for c in sorted(pub.changes, key=lambda c: (order.index(c.kind), c.day, c.uid)):
        when = i18n.format_short_day(c.day, lang) + (f" {c.start}" if c.start else "")
        detail = ""
        if c.before is not None:
            before = i18n.format_day(c.before, lang) + (
                f" {c.before_start}" if c.before_start and c.before_start != c.start else "")
            detail = i18n.t("change.from", lang, day=before)
        elif c.before_start:
            detail = i18n.t("change.from", lang, day=c.before_start)
        elif c.aspects:
            detail = i18n.t("change.aspects", lang, aspects=", ".join(
                i18n.t(f"aspect.{a}", lang) for a in c.aspects))
        rows.append((i18n.t(f"change.{c.kind.value}", lang), when, c.title.get(lang), detail))
    heads = [i18n.t(key, lang) for key in ("summary.change.what", "summary.change.date",
                                           "summary.moved.event", "summary.change.detail")]
    return [RichText(i18n.t("summary.changes.title", lang, counts=counts), style="bold"),
            _table_or_list(heads, rows, lang, (False, True, False, False))]


NARROW = 100  # columns: below, a four-column table would cut or crush its text


def _width() -> int:
    from rich.console import Console

    return Console().width


def _table_or_list(heads: list[str], rows: list[tuple[str, ...]], lang: str,
                   fixed: tuple[bool, ...], title: str | None = None):
    """A table on a wide terminal; on a narrow one (80 columns, a pipe, a phone) a list, one
    row per paragraph, each value labelled, so that nothing is cut. `fixed`: the columns kept
    on one line in the table (dates)."""
    if _width() >= NARROW:
        table = Table(title=title, title_justify="left")
        for head, keep in zip(heads, fixed, strict=True):
            if keep:
                table.add_column(head, no_wrap=True)
            else:
                table.add_column(head, ratio=1, overflow="fold")
        for row in rows:
            table.add_row(*row)
        return table
    colon = " : " if lang == "fr" else ": "
    lines: list = [RichText(title, style="bold")] if title else []
    for row in rows:
        first, *rest = row
        lines.append(RichText("• " + first, overflow="fold"))
        lines.extend(RichText(f"  {head}{colon}{value}", overflow="fold")
                     for head, value in zip(heads[1:], rest, strict=True) if value)
    return Group(*lines)


def _checked(model: Model, pub: Publication, lang: str) -> list:
    """The check of every year whose events are published, with each error named."""
    if not pub.audits:
        return []
    years = sorted(pub.audits)
    errors = pub.count(Severity.ERROR)
    line = i18n.t("summary.check.line", lang, years=i18n.years_text(years),
                  errors=i18n.count(errors, "error", lang),
                  warnings=i18n.count(pub.count(Severity.WARNING), "warning", lang))
    parts: list = [RichText(line, style="bold red" if errors else "bold")]
    if errors:
        parts.append(RichText(i18n.t("summary.check.errors", lang)))
        rows = [(f.rule, [(f.message.get(lang), "")]) for y in years
                for f in pub.audits[y].findings  # type: ignore[attr-defined]
                if f.severity is Severity.ERROR]
        parts.append(_Findings(rows, "bold red"))
    return parts


def _year_summary(model: Model, year_out, lang: str) -> list:
    events = [e for e in year_out.schedule.events if e.status is not Status.CANCELLED]
    title = i18n.t("summary.title", lang, year=year_out.year, count=len(events))
    per_body: Counter[str] = Counter()
    meetings: Counter[str] = Counter()
    for e in events:
        per_body[e.body] += 1
        if e.kind is EventKind.MEETING:
            meetings[e.body] += 1
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(i18n.t("summary.body", lang))
    table.add_column(i18n.t("summary.meetings", lang), justify="right")
    table.add_column(i18n.t("summary.deadlines", lang), justify="right")
    for body_id in sorted(per_body, key=lambda b: (-per_body[b], b)):
        body = model.bodies[body_id]
        table.add_row(body.short.get(lang), str(meetings[body_id]),
                      str(per_body[body_id] - meetings[body_id]))
    parts: list = [table]
    moved = [e for e in year_out.schedule.moved if e.status is not Status.CANCELLED]
    if moved:
        # the five GT PTF moved off the same holiday make one row, not five
        groups: dict[tuple, list] = {}
        for e in moved:
            assert e.shifted_from is not None and e.shift_reason is not None
            key = (e.meeting_type, e.shifted_from, e.day, e.shift_reason.get(lang))
            groups.setdefault(key, []).append(e)
        rows = []
        for (type_id, before, after, why), group in groups.items():
            name = (group[0].title if len(group) == 1
                    else model.meeting_types[type_id].name).get(lang)
            if len(group) > 1:
                name = f"{name} (×{len(group)})"
            rows.append((name, i18n.format_short_day(before, lang),
                         i18n.format_short_day(after, lang), why))
        heads = [i18n.t(key, lang) for key in ("summary.moved.event", "summary.moved.from",
                                               "summary.moved.to", "summary.moved.why")]
        parts.append(_table_or_list(heads, rows, lang, (False, True, True, False),
                                    title=i18n.t("summary.moved.title", lang)))
    else:
        parts.append(RichText(i18n.t("summary.moved.none", lang)))
    pending: dict[tuple, list] = {}
    for e in year_out.schedule.events:
        if e.pending is not None and e.status is Status.PLANNED:
            pending.setdefault((e.meeting_type, e.day, e.pending.get(lang)), []).append(e)
    for (type_id, day, why), group in pending.items():
        name = (group[0].title if len(group) == 1
                else model.meeting_types[type_id].name).get(lang)
        if len(group) > 1:
            name = f"{name} (×{len(group)})"
        parts.append(RichText(i18n.t("summary.pending", lang, title=name,
                                     day=i18n.format_day(day, lang), why=why), style="yellow"))
    for s in year_out.schedule.skipped:
        parts.append(RichText(i18n.t("summary.skipped", lang, title=s.title.get(lang),
                                     day=i18n.format_day(s.nominal, lang),
                                     reason=s.reason.get(lang)), style="yellow"))
    return parts


_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def check_report(model: Model, result, lang: str) -> Group:
    """The check report for the terminal: the verdict, then each finding with its text, wrapped
    so that continuation lines stay under their message (readable at 80 columns)."""
    from ..checks.report import suggestion_text, verdict
    from ..model import Severity

    rules = {r.id: r for r in model.checks}
    parts: list = [RichText(verdict(result, lang), style="bold")]
    for severity in Severity:
        group = [f for f in result.findings if f.severity is severity]
        if not group:
            continue
        style = _STYLES[severity.value]
        parts.append(RichText(""))
        parts.append(RichText(f"{i18n.t(f'report.{severity.value}s', lang)} ({len(group)})",
                              style=style + " underline"))
        rows = []
        for f in group:
            source = rules[f.rule].source
            cell = [(f.message.get(lang), "")]
            if severity is not Severity.INFO:
                hint = suggestion_text(f, lang)
                if hint:
                    cell.append((hint, "green"))
                if source.quote:
                    cell.append((f"« {source.quote} » ({source.text})", "dim"))
            rows.append((f.rule, cell))
        parts.append(_Findings(rows, style))
    return Group(*parts)


class _Findings:
    """A two-column list (rule id, wrapped paragraphs) rendered straight to segments.

    A rich `Table` measures and wraps every cell through its layout engine, which takes seconds
    for a hundred-year report; the layout here is fixed, so a plain word wrap does the job.
    """

    def __init__(self, rows: list[tuple[str, list[tuple[str, str]]]], style: str) -> None:
        self.rows = rows
        self.style = style

    def __rich_console__(self, console, options):
        from rich.segment import Segment
        from rich.style import Style

        label_width = max(len(rule) for rule, _ in self.rows)
        width = max(20, options.max_width - label_width - 1)
        label_style = console.get_style(self.style)
        styles = {"": Style.null(), "green": Style.parse("green"), "dim": Style.parse("dim")}
        blank = " " * (label_width + 1)
        newline = Segment.line()
        for rule, paragraphs in self.rows:
            first = True
            for paragraph, style in paragraphs:
                for chunk in paragraph.split("\n"):
                    for line in wrap(chunk, width):
                        if first:
                            yield Segment(rule.ljust(label_width), label_style)
                            yield Segment(" ")
                            first = False
                        else:
                            yield Segment(blank)
                        yield Segment(line, styles[style])
                        yield newline


def wrap(paragraph: str, width: int) -> list[str]:
    """Greedy word wrap at spaces (a word longer than the line is cut); at least one line."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


# --- ptfcal show --------------------------------------------------------------------------------

LEVEL_SYMBOLS = {"political": "●", "technical": "◆", "joint": "■", "ad-hoc": "○",
                 "support": "□", "government": "■"}
DEADLINE_SYMBOL = "◇"
LEVEL_STYLES = {"political": "bold blue", "technical": "green", "joint": "magenta",
                "ad-hoc": "cyan", "support": "yellow", "government": "magenta"}


def legend(lang: str) -> RichText:
    text = RichText()
    for level in ("political", "technical", "joint"):
        text.append(f"{LEVEL_SYMBOLS[level]} ", style=LEVEL_STYLES[level])
        text.append(i18n.t(f"legend.{level}", lang) + "  ")
    text.append(f"{DEADLINE_SYMBOL} {i18n.t('kind.deadline', lang).lower()}  ")
    text.append(i18n.t("show.legend", lang))
    return text


def _mark_text(mark, lang: str) -> RichText:
    symbol = DEADLINE_SYMBOL if mark.deadline else LEVEL_SYMBOLS[mark.level.value]
    text = RichText(f"{symbol} ", style=LEVEL_STYLES[mark.level.value])
    label = mark.label.get(lang) + (f" ×{mark.count}" if mark.count > 1 else "")
    text.append(label)
    if mark.moved:
        text.append("*", style="bold")
    if mark.flagged:
        text.append("!", style="bold red")
    return text


def month_table(month, lang: str) -> Table:
    from rich import box

    title = f"{i18n.MONTHS[lang][month.month - 1].capitalize()} {month.year}"
    table = Table(title=title, title_justify="left", box=box.SQUARE, expand=True,
                  show_lines=True, padding=(0, 0))
    for name in i18n.WEEKDAYS[lang]:
        table.add_column(name[:3], ratio=1, min_width=9, overflow="fold")
    for week in month.weeks:
        row = []
        for day in week:
            if not day.in_month:
                row.append(RichText(""))
                continue
            style = "dim" if day.weekend else ""
            cell = RichText(str(day.day.day), style=f"bold {style}".strip())
            if day.holidays:
                cell.stylize("reverse")
                cell.append("\n" + i18n.t("show.holiday", lang), style="italic")
            for mark in day.marks:
                cell.append("\n")
                cell.append_text(_mark_text(mark, lang))
            row.append(cell)
        table.add_row(*row)
    return table


def agenda_table(model: Model, events, flags: dict[str, list[str]], lang: str,
                 title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column(i18n.t("csv.date", lang), no_wrap=True)
    table.add_column(i18n.t("show.time", lang), no_wrap=True)
    table.add_column(i18n.t("summary.moved.event", lang), ratio=3)
    table.add_column(i18n.t("show.remarks", lang), ratio=2)
    from ..publish.views import agenda_row

    for e in events:
        when, remarks = agenda_row(e, flags, lang)
        symbol = DEADLINE_SYMBOL if e.kind.value == "deadline" else LEVEL_SYMBOLS[e.level.value]
        title_text = RichText(f"{symbol} ", style=LEVEL_STYLES[e.level.value])
        title_text.append(e.title.get(lang))
        table.add_row(i18n.format_short_day(e.day, lang), when, title_text, "\n".join(remarks))
    return table


def show_view(model: Model, months, events, flags: dict[str, list[str]], lang: str,
              heading: str, with_agenda: bool) -> Group:
    parts: list = [RichText(heading, style="bold"), legend(lang)]
    for month in months:
        parts.append(month_table(month, lang))
        holidays = [(d.day, h) for d in month.days() for h in d.holidays]
        if holidays:
            colon = " :" if lang == "fr" else ":"
            parts.append(RichText("  ".join(f"{i18n.format_day_month(day, lang)}{colon} "
                                            f"{h.label(lang)}" for day, h in holidays),
                                  style="italic"))
        if with_agenda:
            inside = [e for e in events if e.day.month == month.month]
            if inside:
                parts.append(agenda_table(model, inside, flags, lang))
    return Group(*parts)


def agenda_view(model: Model, events, flags: dict[str, list[str]], lang: str,
                heading: str) -> Group:
    return Group(RichText(heading, style="bold"), legend(lang),
                 agenda_table(model, events, flags, lang))
