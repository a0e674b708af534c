"""What the recording verbs and the listings print."""

from __future__ import annotations

import json
import sys
from collections import Counter

from .. import i18n
from ..model import Text


def say_nothing(message: Text, lang: str) -> None:
    print(i18n.t("out.nothing", lang, what=message.get(lang)))


def _severity(value: str, lang: str) -> str:
    return {"error": ("erreur", "error"), "warning": ("avertissement", "warning"),
            "info": ("information", "note")}[value][0 if lang == "fr" else 1]


def say_outcome(outcome, lang: str, dry_run: bool) -> None:
    """One short block: what was recorded, the lines changed, the findings added and cleared,
    what subscribers will see; with --dry-run, the diff first."""
    out = sys.stdout
    if dry_run:
        out.write(outcome.diff())
    key = "out.dry-run" if dry_run else "out.written"
    print(i18n.t(key, lang, what=outcome.summary.get(lang)))
    for warning in outcome.warnings:
        print(warning.get(lang))
    for rel, (before, after) in sorted(outcome.files.items()):
        old = (before or "").splitlines()
        new = after.splitlines()
        added, removed = _line_counts(old, new)
        print(i18n.t("out.file", lang, path=rel, added=i18n.count(added, "line-added", lang),
                     removed=i18n.count(removed, "line-removed", lang)))
    # information-level findings are shown when nothing more serious changes (recording the
    # roles clears « présidence non vérifiable »): never "no change" when something did
    shown = [("out.added", outcome.added), ("out.cleared", outcome.cleared)]
    if not outcome.added and not outcome.cleared:
        if outcome.notes_added or outcome.notes_cleared:
            print(i18n.t("out.checks.notes", lang))
            shown = _notes(outcome.notes_added, outcome.notes_cleared)
        else:
            print(i18n.t("out.checks.none", lang))
    else:
        print(i18n.t("out.checks", lang,
                     added=i18n.count(len(outcome.added), "finding-added", lang),
                     cleared=i18n.count(len(outcome.cleared), "finding-cleared", lang)))
    for key, found in shown:
        for f in found:
            print("  " + i18n.t(key, lang, rule=f.rule,
                                severity=_severity(f.severity.value, lang),
                                message=f.message.get(lang)))
    if not outcome.changes:
        print(i18n.t("out.publication.none", lang))
    else:
        counts = Counter(c.kind for c in outcome.changes)
        words = ", ".join(i18n.count(counts[k], k, lang)
                          for k in ("added", "moved", "changed", "cancelled", "removed")
                          if counts[k])
        print(i18n.t("out.publication", lang, counts=words))
        from datetime import date

        shown = outcome.changes if len(outcome.changes) <= 12 else outcome.changes[:10]
        for c in shown:
            when = i18n.format_short_day(date.fromisoformat(c.day), lang) + (
                f" {c.start}" if c.start else "")
            detail = ""
            if c.kind == "moved" and c.before:
                before = i18n.format_short_day(date.fromisoformat(c.before), lang) + (
                    f" {c.before_start}" if c.before_start else "")
                detail = " (" + i18n.t("out.from", lang, day=before) + ")"
            elif c.kind == "changed" and c.aspects:
                detail = " (" + ", ".join(i18n.t(f"aspect.{a}", lang) for a in c.aspects) + ")"
            print(f"  {i18n.t(f'change.{c.kind}', lang)} : {when} {c.title.get(lang)}{detail}"
                  if lang == "fr" else
                  f"  {i18n.t(f'change.{c.kind}', lang)}: {when} {c.title.get(lang)}{detail}")
        if len(shown) < len(outcome.changes):
            print("  " + i18n.t("out.more", lang, count=len(outcome.changes) - len(shown)))
    for title, day in outcome.kept:
        print(i18n.t("out.kept", lang, what=title.get(lang), day=i18n.format_day(day, lang)))
    if outcome.written:
        print(i18n.t("out.undo", lang))
    if outcome.forgotten:
        from ..record.journal import MAX_BYTES, MAX_ENTRIES

        key = "journal.forgotten-one" if outcome.forgotten == 1 else "journal.forgotten"
        print(i18n.t(key, lang, count=outcome.forgotten, entries=MAX_ENTRIES,
                     megabytes=MAX_BYTES // 1_000_000))


def _notes(added: list, cleared: list) -> list:
    """Notes added, changed (the same rule on both sides: its new words, once) and cleared."""
    again = {f.rule for f in added} & {f.rule for f in cleared}
    return [("out.added", [f for f in added if f.rule not in again]),
            ("out.changed", [f for f in added if f.rule in again]),
            ("out.cleared", [f for f in cleared if f.rule not in again])]


def _line_counts(old: list[str], new: list[str]) -> tuple[int, int]:
    import difflib

    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new,
                                                        autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return added, removed


def events_table(rows, year: int, lang: str, width: int = 200):
    """The year's occurrences: a table when the terminal is wide enough for every reference in
    full, else a list (each reference on its own line, never cut, then its date, title and
    status) — at 80 columns, in a pipe, on a phone's terminal."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text as RichText

    if not rows:
        return i18n.t("events.none", lang)
    title = i18n.t("events.title", lang, year=year)
    longest = max(len(r.ref) for r in rows)
    if width >= longest + 72:  # the date, a readable title and the status beside it
        table = Table(title=title, title_justify="left")
        table.add_column(i18n.t("events.ref", lang), no_wrap=True, min_width=longest)
        table.add_column(i18n.t("events.date", lang), no_wrap=True)
        table.add_column(i18n.t("events.title-col", lang), overflow="fold")
        table.add_column(i18n.t("events.status", lang), overflow="fold")
        for r in rows:
            when = _when(r, lang)
            table.add_row(r.ref, when, r.title.get(lang),
                          i18n.t(f"status.{r.status.value}", lang))
        return table
    import textwrap

    lines = [RichText(title, style="bold")]
    for r in rows:
        lines.append(RichText(r.ref, style="bold", overflow="fold"))
        detail = " — ".join((_when(r, lang).replace("\n", " "), r.title.get(lang),
                             i18n.t(f"status.{r.status.value}", lang)))
        lines.append(RichText(textwrap.fill(detail, max(width, 20), initial_indent="  ",
                                            subsequent_indent="  "), overflow="fold"))
    return Group(*lines)


def _when(r, lang: str) -> str:
    when = i18n.format_short_day(r.day, lang) + (f" {r.start}" if r.start else "")
    if r.moved:
        when += "\n(" + i18n.t("events.planned", lang).lower() + " " + \
            i18n.format_short_day(r.nominal, lang) + ")"
    return when


def events_json(rows, year: int) -> str:
    doc = {"version": 1, "year": year, "occurrences": [
        {"ref": r.ref, "uid": r.uid, "title": {"fr": r.title.fr, "en": r.title.en},
         "planned": r.nominal.isoformat(), "date": r.day.isoformat(), "start": r.start,
         "status": r.status.value, "recorded": r.recorded} for r in rows]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def ids_table(rows, what: str, year: int, lang: str, width: int = 200):
    """The ids to use with their names: a table when the terminal holds it, else a list (each
    id whole on its own line, then its name and detail), nothing cut."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text as RichText

    title = i18n.t(f"list.{what}", lang, year=year)
    longest = max((len(r.ident) for r in rows), default=0)
    if width >= longest + 60:
        table = Table(title=title, title_justify="left")
        table.add_column(i18n.t("events.date" if what == "holidays" else "list.id", lang),
                         no_wrap=True, min_width=longest)
        table.add_column(i18n.t("list.name", lang), overflow="fold")
        table.add_column(i18n.t("list.holiday-id" if what == "holidays" else "list.detail",
                                lang), overflow="fold")
        for r in rows:
            table.add_row(r.ident, r.name.get(lang), r.detail.get(lang) if r.detail else "")
        return table
    import textwrap

    lines = [RichText(title, style="bold")]
    for r in rows:
        lines.append(RichText(r.ident, style="bold", overflow="fold"))
        detail = r.name.get(lang) + (f" — {r.detail.get(lang)}" if r.detail else "")
        lines.append(RichText(textwrap.fill(detail, max(width, 20), initial_indent="  ",
                                            subsequent_indent="  "), overflow="fold"))
    return Group(*lines)
