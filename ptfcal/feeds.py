"""Which events go into which feed: one per body, one per institution, deadlines, everything.

Pure: events in, a list of `Feed` (path, names, events) out. The ICS bytes are made by `ics`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import i18n
from .model import Event, EventKind, Model, Text


@dataclass(frozen=True)
class Feed:
    path: str  # relative to OUT/YEAR, e.g. "bodies/gec.ics"
    kind: str  # all | deadlines | body | institution
    ident: str
    name: Text
    description: Text
    events: tuple[Event, ...]


def catalogue(model: Model, year: int, events: list[Event]) -> list[Feed]:
    prefix = model.settings.calendar_name

    def name(label: Text) -> Text:
        return Text(f"{prefix.fr} — {label.fr} {year}", f"{prefix.en} — {label.en} {year}")

    def msg(key: str, label: Text | None = None) -> Text:
        if label is None:
            return Text(i18n.t(key, "fr", year=year), i18n.t(key, "en", year=year))
        return Text(i18n.t(key, "fr", name=label.fr, year=year),
                    i18n.t(key, "en", name=label.en, year=year))

    feeds = [
        Feed("all.ics", "all", "all", name(msg("feed.all")), msg("feed.desc.all"),
             tuple(events)),
    ]
    deadlines = tuple(e for e in events if e.kind is EventKind.DEADLINE)
    if deadlines:
        feeds.append(Feed("deadlines.ics", "deadlines", "deadlines", name(msg("feed.deadlines")),
                          msg("feed.desc.deadlines"), deadlines))
    for body_id, body in model.bodies.items():
        found = tuple(e for e in events if body_id in e.bodies)
        if found:
            feeds.append(Feed(f"bodies/{body_id}.ics", "body", body_id, name(body.short),
                              msg("feed.desc.body", body.name), found))
    for inst_id, inst in model.institutions.items():
        found = tuple(e for e in events if inst_id in e.participants)
        if found:
            feeds.append(Feed(f"institutions/{inst_id}.ics", "institution", inst_id,
                              name(inst.short), msg("feed.desc.institution", inst.name), found))
    return feeds
