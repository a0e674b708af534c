"""Events -> `events.json` (documented, versioned) and `events.csv` (Excel in French).

The JSON format is described in docs/events-json.md; bump JSON_VERSION on any incompatible
change.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__, i18n, sheet
from ..model import Event, Model, Party, Source, Text
from .ics import source_text

JSON_VERSION = 1


def _text(t: Text | None) -> dict[str, str] | None:
    return None if t is None else {"fr": t.fr, "en": t.en}


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"label": _text(p.label), "institutions": list(p.institutions),
            "holders": list(p.holders), "interim": p.interim}


def _source(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"text": s.text, "ref": s.ref, "quote": s.quote, "legal_basis": list(s.legal_basis),
            "note": s.note}


def event_dict(e: Event, feeds: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": e.id,
        "uid": e.uid,
        "meeting_type": e.meeting_type,
        "combined_types": list(e.combined_types),
        "body": e.body,
        "bodies": list(e.bodies),
        "level": e.level.value,
        "kind": e.kind.value,
        "status": e.status.value,
        "origin": e.origin.value,
        "title": _text(e.title),
        "date": e.day.isoformat(),
        "last_date": e.last_day.isoformat(),
        "all_day": e.start is None,
        "start": e.start.isoformat() if e.start else None,
        "end": e.end.isoformat() if e.end else None,
        "nominal_date": e.nominal.isoformat(),
        "shifted_from": e.shifted_from.isoformat() if e.shifted_from else None,
        "shift_reason": _text(e.shift_reason),
        "rescheduled": e.rescheduled,
        "chair": _party(e.chair),
        "secretariat": _party(e.secretariat),
        "attendees": _party(e.attendees),
        "participants": list(e.participants),
        "holders": list(e.holders),
        "enlarged_to": list(e.enlarged_to),
        "convened_by": e.convened_by,
        "trigger": e.trigger,
        "location": e.location,
        "note": _text(e.note),
        "source": _source(e.source),
        "other_sources": [_source(s) for s in e.other_sources],
        "feeds": feeds or [],
    }


def events_json(model: Model, year: int, events: list[Event],
                feeds_of: dict[str, set[str]] | None = None) -> bytes:
    doc = {
        "version": JSON_VERSION,
        "generator": f"ptfcal {__version__}",
        "year": year,
        "timezone": model.settings.timezone,
        "events": [event_dict(e, sorted((feeds_of or {}).get(e.uid, ()))) for e in events],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


CSV_COLUMNS = ("date", "last_day", "weekday", "start", "end", "title", "body", "type", "level",
               "kind", "status", "chair", "secretariat", "participants", "nominal", "moved",
               "source", "uid")


def events_csv(model: Model, events: list[Event], lang: str) -> bytes:
    """UTF-8 with a BOM, ';' separators and CRLF: what Excel opens directly in French (no
    cell read as a formula: `sheet`)."""
    return sheet.table([i18n.t(f"csv.{c}", lang) for c in CSV_COLUMNS], (
        [
            e.day.isoformat(),
            e.last_day.isoformat(),
            i18n.WEEKDAYS[lang][e.day.weekday()],
            e.start.strftime("%H:%M") if e.start else "",
            e.end.strftime("%H:%M") if e.end else "",
            e.title.get(lang),
            model.bodies[e.body].short.get(lang),
            ", ".join(model.meeting_types[t].name.get(lang) for t in e.types),
            i18n.t(f"level.{e.level.value}", lang),
            i18n.t(f"kind.{e.kind.value}", lang),
            i18n.t(f"status.{e.status.value}", lang),
            e.chair.label.get(lang) if e.chair else "",
            e.secretariat.label.get(lang) if e.secretariat else "",
            ", ".join(model.institutions[i].short.get(lang) for i in e.participants),
            e.nominal.isoformat(),
            i18n.shift_sentence(e.day, e.shifted_from, e.shift_reason.get(lang), lang)
            if e.shift_reason else "",
            source_text(model, e.source) if e.source else "",
            e.uid,
        ] for e in events))
