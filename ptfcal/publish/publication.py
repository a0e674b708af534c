"""The publication: every file `ptfcal generate` writes under OUT, as bytes.

    OUT/YEAR/…              the year's feeds (bodies/, institutions/, levels/, all, deadlines),
                            events.json, events.csv, and the check report
    OUT/feeds/<name>.ics    the subscription feeds: the years around the current one
    OUT/index.html          every subscription feed with its links and instructions
    OUT/.ptfcal-state.json  change tracking (SEQUENCE, LAST-MODIFIED, cancelled events)

Computes everything in memory; `output.write_tree` then writes it atomically. Pure: the caller
passes the date (`today`), the time (`now`) and the previous state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial

from ..calendar import scheduler, workdays
from ..calendar.scheduler import Schedule
from ..model import Event, Model
from . import exports, feeds, site, tracking
from .ics import FeedMeta, Renderer

FEEDS_DIR = "feeds"
YEAR_FOLDERS = ("bodies", "institutions", "levels")


@dataclass
class YearOutput:
    """What one year's folder holds."""

    year: int
    schedule: Schedule
    feeds: list[feeds.Feed]
    audit: object | None = None  # the check report, when asked for


class Files(Mapping[str, bytes]):
    """Path relative to OUT -> content. A feed is assembled from its rendered events only when
    its content is asked for, and not kept: writing the folder holds one feed at a time, not
    every feed at once."""

    def __init__(self) -> None:
        self._items: dict[str, bytes | Callable[[], bytes]] = {}

    def __setitem__(self, path: str, value: bytes | Callable[[], bytes]) -> None:
        self._items[path] = value

    def __contains__(self, path: object) -> bool:  # without assembling the feed
        return path in self._items

    def update(self, other: Mapping[str, bytes]) -> None:
        self._items.update(other)

    def __getitem__(self, path: str) -> bytes:
        value = self._items[path]
        return value if isinstance(value, bytes) else value()

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class Publication:
    years: list[YearOutput]
    files: Files
    window: tuple[int, int] | None = None
    subscriptions: list[feeds.Feed] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # UIDs published with a new revision
    cancelled: list[str] = field(default_factory=list)  # UIDs that left the schedule
    planners: bool = False  # per-institution planners written

    def managed(self) -> tuple[str, ...]:
        """Folders whose files ptfcal owns (stale ones are removed)."""
        found: tuple[str, ...] = ()
        for out in self.years:
            found += tuple(f"{out.year}/{f}" for f in YEAR_FOLDERS)
            found += (f"{out.year}/planners",) if self.planners else ()
        return found + ((FEEDS_DIR,) if self.window else ())


def build_schedule(model: Model, year: int) -> Schedule:
    calendar = workdays.build(model.settings, model.holidays, [year])
    return scheduler.schedule(model, year, calendar)


def window(model: Model, today: date) -> tuple[int, int]:
    before, after = model.settings.feed_years
    return today.year - before, today.year + after


def publish(model: Model, targets: list[int], lang: str, *, today: date | None = None,
            previous: tracking.State | None = None, now: datetime | None = None,
            with_check: bool = False, base_url: str | None = None,
            archives: tuple[int, ...] = (), planners: bool = False) -> Publication:
    """The files of OUT for the years `targets`; with `today`, the subscription feeds, the
    index page and the change-tracking state too."""
    state = previous or tracking.State()
    # only used for events that changed; LAST-MODIFIED has whole seconds
    now = (now or datetime(2000, 1, 1, tzinfo=UTC)).astimezone(UTC).replace(microsecond=0)
    span = window(model, today) if today else None
    years = sorted(set(targets) | (set(range(span[0], span[1] + 1)) if span else set()))
    period = f"{span[0]}–{span[1]}" if span else ""
    schedules = {y: build_schedule(model, y) for y in years}
    events = {y: schedules[y].events for y in years}

    renderer = Renderer(model, lang)
    changed = []
    for y in years:
        for event in events[y]:
            revision = tracking.revise(state, event.uid, renderer.content(event), now)
            if revision != tracking.Revision():
                renderer.revise(event, revision)
            before = state.entries.get(event.uid)
            if before is not None and revision.sequence != before.sequence:
                changed.append(event.uid)  # (not `modified == now`: two runs in one second)
    present = {e.uid for y in years for e in events[y]}
    gone = tracking.vanished(state, present, set(years))

    files = Files()
    placed: dict[str, list[Event]] = {}
    outputs = []
    for year in sorted(set(targets)):
        year_feeds = feeds.catalogue(model, events[year], str(year))
        for feed in year_feeds:
            _add_feed(files, renderer, f"{year}/{feed.path}", feed, lang, placed)
        outputs.append(YearOutput(year, schedules[year], year_feeds))
    subscriptions: list[feeds.Feed] = []
    if span:
        in_window = [e for y in range(span[0], span[1] + 1) for e in events[y]]
        subscriptions = feeds.catalogue(model, in_window, period, flat=True)
        for feed in subscriptions:
            _add_feed(files, renderer, f"{FEEDS_DIR}/{feed.path}", feed, lang, placed)

    # events that left the schedule: published as cancelled where they were
    tombstones: dict[str, list[bytes]] = {}
    new_state = tracking.State(dict(state.entries))
    for uid in gone:
        entry = state.entries[uid]
        revision = tracking.tombstone_revision(entry, now)
        copy = renderer.cancelled(entry.vevent.encode(), revision)
        day = date.fromisoformat(entry.day)
        for path in entry.feeds:
            in_scope = (path.startswith(f"{day.year}/") and day.year in targets) or (
                span and path.startswith(f"{FEEDS_DIR}/") and span[0] <= day.year <= span[1])
            if in_scope:
                tombstones.setdefault(path, []).append(copy)
        new_state.entries[uid] = tracking.Entry(
            entry.hash, revision.sequence,
            revision.modified.isoformat() if revision.modified else None,
            entry.day, entry.vevent, entry.feeds, gone=True)
    all_feeds = {f"{o.year}/{f.path}": f for o in outputs for f in o.feeds}
    all_feeds.update({f"{FEEDS_DIR}/{f.path}": f for f in subscriptions})
    for path, extra in sorted(tombstones.items()):
        folder, name = path.split("/", 1)
        in_year = folder != FEEDS_DIR
        feed = all_feeds.get(path) or feeds.empty_feed(model, name, folder if in_year else period,
                                                        flat=not in_year)
        files[path] = partial(renderer.feed, _meta(feed, model, lang), placed.get(path, []),
                              extra)

    feeds_of: dict[str, set[str]] = {}  # UID -> the feed files holding it
    for path, held in placed.items():
        for event in held:
            feeds_of.setdefault(event.uid, set()).add(path)
    for y in years:
        for event in events[y]:
            revision = renderer.revisions.get(event.uid, tracking.Revision())
            previous_entry = state.entries.get(event.uid)
            paths = sorted({*(previous_entry.feeds if previous_entry else ()),
                            *feeds_of.get(event.uid, ())})
            new_state.entries[event.uid] = tracking.Entry(
                tracking.content_hash(renderer.content(event)), revision.sequence,
                revision.modified.isoformat() if revision.modified else None,
                event.day.isoformat(), renderer.event_bytes(event).decode("utf-8"), paths)

    for out in outputs:
        year, sched = out.year, out.schedule
        files[f"{year}/events.json"] = exports.events_json(model, year, sched.events,
                                                           feeds_of)
        files[f"{year}/events.csv"] = exports.events_csv(model, sched.events, lang)
        if with_check:
            from ..checks.audit import audit
            from ..checks.report import report_json, report_markdown

            out.audit = audit(model, year, schedule=sched)
            files[f"{year}/check.md"] = report_markdown(model, out.audit, lang).encode("utf-8")
            files[f"{year}/check.json"] = report_json(model, out.audit, lang)
        files.update(_planners(model, out, lang, planners))
    if span:
        files["index.html"] = site.index_html(
            model, subscriptions, sorted({*targets, *archives}), span,
            base_url if base_url is not None else model.settings.base_url).encode("utf-8")
        files[tracking.STATE_FILE] = new_state.dump()
    return Publication(outputs, files, span, subscriptions, changed, gone, planners)


def _planners(model: Model, out: YearOutput, lang: str, per_institution: bool
              ) -> dict[str, bytes]:
    """planner.html, and with `per_institution` one planner per institution."""
    from ..checks.audit import overview
    from ..model import Status
    from .planner import heading, planner_html
    from .views import Filters, year_view

    year, sched = out.year, out.schedule
    view = overview(model, year, schedule=sched, audited=out.audit)
    shown = [e for e in sched.events if e.status is not Status.CANCELLED]
    targets: list[tuple[str, Filters]] = [(f"{year}/planner.html", Filters())]
    if per_institution:
        targets += [(f"{year}/planners/{i}.html", Filters(institution=i))
                    for i in model.institutions]
    result = {}
    for path, filters in targets:
        events = [e for e in shown if filters.keep(model, e)]
        months = year_view(model, events, view.calendar, year, set(view.flags))
        title = heading(model, year, lang, filters.describe(model))
        result[path] = planner_html(model, months, events, view.flags, lang, title).encode()
    return result


def _meta(feed: feeds.Feed, model: Model, lang: str) -> FeedMeta:
    from datetime import timedelta

    return FeedMeta(feed.name.get(lang), feed.description.get(lang),
                    timedelta(hours=model.settings.refresh_hours))


def _add_feed(files, renderer, path, feed, lang, placed) -> None:
    files[path] = partial(renderer.feed, _meta(feed, renderer.model, lang), feed.events)
    placed[path] = list(feed.events)
