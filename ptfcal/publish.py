"""The year's publication: every file `ptfcal generate` writes under OUT/YEAR, as bytes.

Computes everything in memory first; `output.write_tree` then writes it atomically.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import exports, feeds, scheduler, workdays
from .ics import FeedMeta, Renderer
from .model import Model
from .scheduler import Schedule

MANAGED_FOLDERS = ("bodies", "institutions")


@dataclass
class Publication:
    year: int
    schedule: Schedule
    feeds: list[feeds.Feed]
    files: dict[str, bytes]  # path relative to OUT/YEAR -> content
    audit: object | None = None  # the check report, when asked for


def build_schedule(model: Model, year: int) -> Schedule:
    calendar = workdays.build(model.settings, model.holidays, [year])
    return scheduler.schedule(model, year, calendar)


def publish(model: Model, year: int, lang: str, with_check: bool = False) -> Publication:
    """Every file of OUT/YEAR; with `with_check`, the check report too (check.md, check.json)."""
    sched = build_schedule(model, year)
    catalogue = feeds.catalogue(model, year, sched.events)
    renderer = Renderer(model, lang)
    files: dict[str, bytes] = {}
    for feed in catalogue:
        meta = FeedMeta(feed.name.get(lang), feed.description.get(lang))
        files[feed.path] = renderer.feed(meta, feed.events)
    files["events.json"] = exports.events_json(model, year, sched.events)
    files["events.csv"] = exports.events_csv(model, sched.events, lang)
    audit_result = None
    if with_check:
        from .audit import audit
        from .report import report_json, report_markdown

        audit_result = audit(model, year, schedule=sched)
        files["check.md"] = report_markdown(model, audit_result, lang).encode("utf-8")
        files["check.json"] = report_json(model, audit_result, lang)
    return Publication(year, sched, catalogue, files, audit_result)
