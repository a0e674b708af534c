"""Which events go into which feed: everything, deadlines, one per level, per body, per
institution.

Pure: events in, a list of `Feed` (path, names, events) out; the ICS bytes are made by `ics`.
The same catalogue serves a year's folder (OUT/2020/bodies/gec.ics, named "… GEC 2020") and the
subscription feeds (OUT/feeds/gec.ics, flat names, named "… GEC", holding several years).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import i18n
from ..model import Event, EventKind, Level, Model, Text

RESERVED = ("all", "deadlines")  # feed names that are not body or institution ids
LEVEL_PREFIX = "level-"
LEVELS = (Level.POLITICAL, Level.TECHNICAL, Level.JOINT)


@dataclass(frozen=True)
class Feed:
    path: str  # relative to its folder: "bodies/gec.ics" (a year) or "gec.ics" (feeds/)
    kind: str  # all | deadlines | level | body | institution
    ident: str
    name: Text
    description: Text
    events: tuple[Event, ...]


def catalogue(model: Model, events: list[Event], period: str, flat: bool = False) -> list[Feed]:
    """Every feed of `events`; `period` is "2020" or "2025–2027" (names, descriptions)."""
    result = [_feed(model, "all", "all", period, flat, tuple(events))]
    deadlines = tuple(e for e in events if e.kind is EventKind.DEADLINE)
    if deadlines:
        result.append(_feed(model, "deadlines", "deadlines", period, flat, deadlines))
    for level in LEVELS:
        found = tuple(e for e in events if e.level is level)
        if found:
            result.append(_feed(model, "level", level.value, period, flat, found))
    for body_id in model.bodies:
        members = {body_id} | _technical_children(model, body_id)
        found = tuple(e for e in events if members & set(e.bodies))
        if found:
            result.append(_feed(model, "body", body_id, period, flat, found))
    for inst_id in model.institutions:
        found = tuple(e for e in events if inst_id in e.participants)
        if found:
            result.append(_feed(model, "institution", inst_id, period, flat, found))
    return result


def empty_feed(model: Model, path: str, period: str, flat: bool,
               known_name: str | None = None) -> Feed:
    """The feed at `path` with no current event: published before, it stays (a subscriber
    never gets a 404), with a description that says why it is empty; `known_name` is its name
    as last published, for an id the configuration no longer has."""
    from dataclasses import replace

    ident = path.rsplit("/", 1)[-1].removesuffix(".ics")
    why = _message("feed.empty", period)
    if ident in RESERVED:
        feed = _feed(model, ident, ident, period, flat, ())
    elif ident.startswith(LEVEL_PREFIX) or path.startswith("levels/"):
        feed = _feed(model, "level", ident.removeprefix(LEVEL_PREFIX), period, flat, ())
    elif ident in model.bodies or ident in model.institutions:
        kind = "body" if ident in model.bodies else "institution"
        feed = _feed(model, kind, ident, period, flat, ())
        if kind == "body":
            end, key = model.bodies[ident].validity.end, "feed.empty.ended"
        else:
            end, key = model.institutions[ident].validity.end, "feed.empty.left"
        if end is not None:
            why = Text(*(i18n.t(key, lang, day=i18n.format_day(end, lang))
                         for lang in ("fr", "en")))
    else:
        name = Text.same(known_name or ident)
        return Feed(path, "gone", ident, name, _message("feed.empty.unknown", period), ())
    return replace(feed, description=Text(f"{feed.description.fr} {why.fr}",
                                          f"{feed.description.en} {why.en}"))


def _feed(model: Model, kind: str, ident: str, period: str, flat: bool,
          events: tuple[Event, ...]) -> Feed:
    prefix = model.settings.calendar_name
    if kind in RESERVED:
        label, key, named = _message(f"feed.{kind}", period), f"feed.desc.{kind}", None
        path = f"{kind}.ics"
    elif kind == "level":
        label = Text(i18n.t(f"level.{ident}", "fr"), i18n.t(f"level.{ident}", "en"))
        key, named = "feed.desc.level", label
        path = f"{LEVEL_PREFIX}{ident}.ics" if flat else f"levels/{ident}.ics"
    elif kind == "body":
        body = model.bodies[ident]
        # « du Groupe de Dialogue Santé », « du Ministère de l'Economie et des Finances »
        label, key, named = body.short, "feed.desc.body", Text(body.of("fr"), body.of("en"))
        path = f"{ident}.ics" if flat else f"bodies/{ident}.ics"
    else:
        inst = model.institutions[ident]
        key = "feed.desc.institutions" if inst.plural("fr") else "feed.desc.institution"
        label, named = inst.short, Text(inst.called("fr"), inst.called("en"))
        path = f"{ident}.ics" if flat else f"institutions/{ident}.ics"
    suffix = "" if flat else f" {period}"
    name = Text(f"{prefix.fr} — {label.fr}{suffix}", f"{prefix.en} — {label.en}{suffix}")
    description = Text(*(i18n.t(key, lang, year=period,
                                **({"name": named.get(lang)} if named else {}))
                         for lang in ("fr", "en")))
    return Feed(path, kind, ident, name, description, events)


def _message(key: str, period: str) -> Text:
    return Text(i18n.t(key, "fr", year=period), i18n.t(key, "en", year=period))


def _technical_children(model: Model, body_id: str) -> set[str]:
    """A technical body's feed also holds its technical sub-groups: a GT PTF with its
    Groupes de Dialogue, a 2019 GT with its SGT."""
    body = model.bodies[body_id]
    if body.level is not Level.TECHNICAL:
        return set()
    return {b.id for b in model.bodies.values()
            if body_id in b.under and b.level is Level.TECHNICAL}
