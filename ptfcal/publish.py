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


def build_schedule(model: Model, year: int) -> Schedule:
    calendar = workdays.build(model.settings, model.holidays, [year])
    return scheduler.schedule(model, year, calendar)


def publish(model: Model, year: int, lang: str) -> Publication:
    sched = build_schedule(model, year)
    catalogue = feeds.catalogue(model, year, sched.events)
    renderer = Renderer(model, lang)
    files: dict[str, bytes] = {}
    for feed in catalogue:
        meta = FeedMeta(feed.name.get(lang), feed.description.get(lang))
        files[feed.path] = renderer.feed(meta, feed.events)
    files["events.json"] = exports.events_json(model, year, sched.events)
    files["events.csv"] = exports.events_csv(model, sched.events, lang)
    return Publication(year, sched, catalogue, files)
