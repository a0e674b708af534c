"""The ordre du jour and the follow-up matrix as text, CSV (Excel: UTF-8 with a BOM, `;`) and
JSON (docs/agenda-json.md, docs/actions-json.md). Returns strings and bytes; never prints."""

from __future__ import annotations

import json
from datetime import date

from .. import i18n, sheet
from ..meeting import Action, ActionStatus
from ..model import Model
from .followup import Meeting, Tracked

FORMAT_VERSION = 1


def _who(model: Model, ident: str | None, lang: str) -> str:
    if ident is None:
        return ""
    inst = model.institutions.get(ident)
    return inst.short.get(lang) if inst is not None else ident


def action_json(t: Tracked, as_of: date | None = None) -> dict:
    a = t.action
    return {
        "id": a.id,
        "text": a.text,
        "owner": a.owner,
        "due": a.due.isoformat() if a.due else None,
        "status": a.status.value,
        "done_on": a.done_on.isoformat() if a.done_on else None,
        "note": a.note,
        "meeting": t.meeting.ref,
        "meeting_date": t.meeting.day.isoformat(),
        "body": t.meeting.body,
        "item": a.item,
        "overdue": a.overdue_on(as_of) if as_of is not None else None,
    }


def _dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _state(a: Action, lang: str, as_of: date | None) -> str:
    if a.status is ActionStatus.OPEN:
        word = i18n.t("mt.status.open", lang)
        if as_of is not None and a.overdue_on(as_of):
            word += f" ({i18n.t('mt.overdue', lang)})"
        return word
    status = i18n.t(f"mt.status.{a.status.value}", lang)
    if a.done_on is None:
        return status
    return i18n.t("mt.closed-on", lang, status=status, day=i18n.format_day(a.done_on, lang,
                                                                             False))


def _line(model: Model, t: Tracked, lang: str, as_of: date | None) -> str:
    a = t.action
    due = (i18n.t("mt.due-short", lang, due=i18n.format_day(a.due, lang, False)) if a.due
           else i18n.t("mt.no-due", lang))
    return (f"{a.id}  {a.text} — {_who(model, a.owner, lang)}, {due} — "
            f"{_state(a, lang, as_of)}")


# --- the ordre du jour ---------------------------------------------------------------------------


def _named(previous: Meeting, e, lang: str) -> str:
    """The previous meeting as users name it: its day, and its title when it is of another
    type than `e` (an extraordinary GEC before a monthly one); never its reference, an id."""
    day = i18n.format_day(previous.day, lang)
    if previous.meeting_type == e.meeting_type:
        return day
    return i18n.t("mt.previous-other", lang, what=previous.event.title.get(lang), day=day)


def agenda_text(model: Model, meeting: Meeting, carried: list[Tracked],
                previous: Meeting | None, lang: str) -> str:
    e = meeting.event
    lines = [i18n.t("mt.agenda-head", lang, what=e.title.get(lang),
                    day=i18n.format_day(e.day, lang)), ""]
    head = i18n.t("mt.followup-title", lang)
    lines.append(f"— {head}" + (f" ({_named(previous, e, lang)})" if previous else ""))
    if carried:
        lines += [f"    {_line(model, t, lang, e.day)}" for t in carried]
    else:
        lines.append(f"    {i18n.t('mt.followup-none', lang)}")
    if not e.record.agenda:
        lines.append(i18n.t("mt.agenda-none", lang, ref=meeting.ref))
    for n, item in enumerate(e.record.agenda, 1):
        by = f" — {i18n.t('mt.by', lang, who=_who(model, item.by, lang))}" if item.by else ""
        lines.append(f"{n}. {item.title}{by}")
        lines += [f"    {doc}" for doc in item.docs]
    return "\n".join(lines) + "\n"


def agenda_json(meeting: Meeting, carried: list[Tracked], previous: Meeting | None) -> str:
    e = meeting.event
    return _dump({
        "version": FORMAT_VERSION,
        "meeting": {"ref": meeting.ref, "uid": e.uid, "type": e.meeting_type, "body": e.body,
                    "date": e.day.isoformat(), "title": {"fr": e.title.fr, "en": e.title.en}},
        "followup": {"previous": previous.ref if previous else None,
                     "actions": [action_json(t, e.day) for t in carried]},
        "items": [{"number": n, "title": item.title, "by": item.by, "docs": list(item.docs)}
                  for n, item in enumerate(e.record.agenda, 1)],
    })


# --- the follow-up matrix ------------------------------------------------------------------------


def actions_text(model: Model, found: list[Tracked], lang: str, as_of: date | None) -> str:
    if not found:
        return i18n.t("mt.actions-none", lang) + "\n"
    lines = []
    for t in found:
        lines.append(f"{_line(model, t, lang, as_of)} — {_meeting(t.meeting, lang)} "
                     f"[{t.meeting.ref}]")
        if t.action.note:
            lines.append(f"    {t.action.note}")
    lines.append(i18n.t("mt.actions-count", lang, count=len(found)))
    return "\n".join(lines) + "\n"


COLUMNS = ("id", "text", "owner", "due", "status", "done_on", "meeting", "meeting_date", "body",
           "item", "note")


def _meeting(m: Meeting, lang: str) -> str:
    """The meeting that gave an action, as users name it (« Réunion mensuelle du GEC du
    10 mars 2027 »): its reference is a command's handle, not French."""
    return i18n.t("mt.previous-other", lang, what=m.event.title.get(lang),
                  day=i18n.format_day(m.day, lang, False))


def actions_csv(model: Model, found: list[Tracked], lang: str, as_of: date | None) -> bytes:
    header = [i18n.t(f"mt.col.{c}", lang) for c in COLUMNS]
    rows = []
    for t in found:
        a = t.action
        rows.append([a.id, a.text, _who(model, a.owner, lang),
                     a.due.isoformat() if a.due else "", _state(a, lang, as_of),
                     a.done_on.isoformat() if a.done_on else "", _meeting(t.meeting, lang),
                     t.meeting.day.isoformat(), model.bodies[t.meeting.body].short.get(lang),
                     a.item or "", a.note or ""])
    return sheet.table(header, rows)


def actions_json(found: list[Tracked], as_of: date | None) -> str:
    return _dump({"version": FORMAT_VERSION, "as_of": as_of.isoformat() if as_of else None,
                  "actions": [action_json(t, as_of) for t in found]})

