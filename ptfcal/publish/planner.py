"""OUT/YEAR/planner.html: the year on one page, to print (A3 or A4 landscape) or to read.

Self-contained: no script, no font or image from the network. Twelve months as a grid, a colour
per level with a legend, weekends and public holidays shaded, deadlines, moved (*) and flagged
(!, see `ptfcal check`) events marked; then, on the following pages, the events body by body.
"""

from __future__ import annotations

from html import escape

from .. import i18n
from ..model import Event, EventKind, Model, Text
from .views import Day, Mark, Month, agenda_row

COLOURS = {"political": "#1f4e9c", "technical": "#2e7d32", "joint": "#8e24aa",
           "ad-hoc": "#00838f", "support": "#b26a00", "government": "#6a1b9a"}

STYLE = """
*{box-sizing:border-box}
html{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:11px;color:#1b1f24}
body{margin:1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h1 small{font-weight:normal;color:#57606a}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0 .6rem;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.3rem}
.swatch{display:inline-block;width:1.1rem;height:.8rem;border-radius:2px}
.year{display:grid;grid-template-columns:repeat(4,1fr);gap:.5rem .7rem}
.month h2{font-size:1rem;margin:0 0 .15rem;text-transform:capitalize}
.month table{width:100%;border-collapse:collapse;table-layout:fixed}
.month th{font-size:.75rem;font-weight:600;color:#57606a;padding:0}
.month td{border:1px solid #d0d7de;vertical-align:top;height:2.6rem;padding:1px;overflow:hidden}
td.out{border:none;background:none}
td.weekend{background:#eef0f2}
td.holiday{background:repeating-linear-gradient(135deg,#ffe2c2 0 4px,#fff1e0 4px 8px)}
.n{font-size:.72rem;color:#57606a;display:block;line-height:1}
td.holiday .n{color:#b25000;font-weight:700}
.chip{display:block;font-size:.66rem;line-height:1.15;color:#fff;border-radius:2px;
padding:0 2px;margin-top:2px;overflow-wrap:anywhere}
.chip.deadline{background:#fff!important;border:1px solid;font-weight:600}
.chip.moved{font-style:italic}
.chip.flagged{outline:2px solid #d1242f;outline-offset:1px}
.list{margin-top:1.5rem}
.list h2{font-size:1.2rem}.list h3{font-size:1rem;margin:.8rem 0 .2rem}
.list table{border-collapse:collapse;width:100%}
.list td,.list th{border-bottom:1px solid #d0d7de;padding:.15rem .4rem;text-align:left;
vertical-align:top}
.list th{background:#f6f8fa}
.holidays{margin:.5rem 0 0;color:#57606a}
@page{size:landscape;margin:7mm}
@media print{
 html{font-size:9px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 body{margin:0}
 .month td{height:3.3rem}
 .list{break-before:page;margin-top:0}
}
@media print and (min-width:380mm){html{font-size:12px}.month td{height:3.6rem}}
"""


def planner_html(model: Model, months: list[Month], events: list[Event],
                 flags: dict[str, list[str]], lang: str, heading: str) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ptfcal">',
        f"<title>{escape(heading)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
        _legend(lang),
        '<section class="year">',
    ]
    parts.extend(_month(m, lang) for m in months)
    parts.append("</section>")
    holidays = [(d.day, h) for m in months for d in m.days() for h in d.holidays]
    if holidays:
        parts.append('<p class="holidays">' + escape(i18n.t("planner.holidays", lang)) + " "
                     + " · ".join(escape(f"{i18n.format_short_day(day, lang)} : {h.label(lang)}"
                                         if lang == "fr" else
                                         f"{i18n.format_short_day(day, lang)}: {h.label(lang)}")
                                  for day, h in holidays) + "</p>")
    parts.append(_list(model, events, flags, lang))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _legend(lang: str) -> str:
    items = []
    for level in ("political", "technical", "joint", "support"):
        items.append(f'<li><span class="swatch" style="background:{COLOURS[level]}"></span>'
                     f"{escape(i18n.t(f'level.{level}', lang))}</li>")
    items.append('<li><span class="chip deadline" style="color:#1b1f24;display:inline-block">'
                 f"◆</span>{escape(i18n.t('kind.deadline', lang))}</li>")
    items.append(f'<li><span class="swatch" style="background:#eef0f2"></span>'
                 f"{escape(i18n.t('planner.weekend', lang))}</li>")
    items.append('<li><span class="swatch" style="background:repeating-linear-gradient(135deg,'
                 f'#ffe2c2 0 4px,#fff1e0 4px 8px)"></span>{escape(i18n.t("planner.holiday", lang))}'
                 "</li>")
    items.append(f"<li>* {escape(i18n.t('planner.moved', lang))}</li>")
    items.append(f"<li>! {escape(i18n.t('planner.flagged', lang))}</li>")
    return '<ul class="legend">' + "".join(items) + "</ul>"


def _month(month: Month, lang: str) -> str:
    name = f"{i18n.MONTHS[lang][month.month - 1]} {month.year}"
    head = "".join(f"<th>{escape(d[:2])}</th>" for d in i18n.WEEKDAYS[lang])
    rows = []
    for week in month.weeks:
        rows.append("<tr>" + "".join(_day(day, lang) for day in week) + "</tr>")
    return (f'<div class="month" id="m{month.month:02d}"><h2>{escape(name)}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</div>")


def _day(day: Day, lang: str) -> str:
    if not day.in_month:
        return '<td class="out"></td>'
    classes = []
    title = ""
    if day.weekend:
        classes.append("weekend")
    if day.holidays:
        classes.append("holiday")
        title = f' title="{escape(" ; ".join(h.label(lang) for h in day.holidays))}"'
    chips = "".join(_chip(mark, lang) for mark in day.marks)
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return (f'<td{cls}{title} data-date="{day.day.isoformat()}">'
            f'<span class="n">{day.day.day}</span>{chips}</td>')


def _chip(mark: Mark, lang: str) -> str:
    colour = COLOURS[mark.level.value]
    classes = ["chip", mark.level.value]
    style = f"background:{colour}"
    label = mark.label.get(lang) + (f" ×{mark.count}" if mark.count > 1 else "")
    if mark.deadline:
        classes.append("deadline")
        style = f"border-color:{colour};color:{colour}"
        label = "◆ " + label
    if mark.moved:
        classes.append("moved")
        label += "*"
    if mark.flagged:
        classes.append("flagged")
        label += "!"
    first = mark.events[0]
    tooltip = "\n".join(_tooltip(e, lang) for e in mark.events)
    return (f'<span class="{" ".join(classes)}" style="{style}" '
            f'data-type="{first.meeting_type}" data-uid="{escape(first.uid)}" '
            f'data-count="{mark.count}" '
            f'title="{escape(tooltip)}">{escape(label)}</span>')


def _tooltip(event: Event, lang: str) -> str:
    when = (f"{event.start:%H:%M}–{event.end:%H:%M}" if event.start and event.end
            else i18n.t("show.all-day", lang))
    text = f"{event.title.get(lang)} ({when})"
    if event.shift_reason is not None:
        text += " — " + i18n.shift_sentence(event.day, event.shifted_from,
                                             event.shift_reason.get(lang), lang)
    return text


def _list(model: Model, events: list[Event], flags: dict[str, list[str]], lang: str) -> str:
    parts = ['<section class="list">',
             f"<h2>{escape(i18n.t('planner.by-body', lang))}</h2>"]
    order = ("political", "technical", "joint", "ad-hoc", "support", "government")
    bodies = sorted(model.bodies.values(), key=lambda b: order.index(b.level.value))
    for body in bodies:
        body_id = body.id
        held = [e for e in events if e.body == body_id]
        if not held:
            continue
        parts.append(f"<h3>{escape(body.name.get(lang))}</h3><table><tr>"
                     f"<th>{escape(i18n.t('csv.date', lang))}</th>"
                     f"<th>{escape(i18n.t('show.time', lang))}</th>"
                     f"<th>{escape(i18n.t('summary.moved.event', lang))}</th>"
                     f"<th>{escape(i18n.t('show.remarks', lang))}</th></tr>")
        for e in held:
            when, remarks = agenda_row(e, flags, lang)
            marker = "◆ " if e.kind is EventKind.DEADLINE else ""
            parts.append(
                f'<tr data-uid="{escape(e.uid)}"><td>{escape(i18n.format_day(e.day, lang))}</td>'
                f"<td>{escape(when)}</td><td>{marker}{escape(e.title.get(lang))}</td>"
                f"<td>{escape(' ; '.join(remarks))}</td></tr>")
        parts.append("</table>")
    parts.append("</section>")
    return "".join(parts)


def heading(model: Model, year: int, lang: str, what: Text | None) -> str:
    text = i18n.t("show.title", lang, period=str(year))
    if what is not None:
        text += i18n.t("show.filtered", lang, what=what.get(lang))
    return text
