"""The publication: every file `ptfcal generate` writes under OUT, as bytes, and what changed.

    OUT/YEAR/…              the year's feeds (bodies/, institutions/, levels/, all, deadlines),
                            events.json, events.csv, the check report and planner.html
    OUT/YEAR/en/…           the same, in each further language of `languages`
    OUT/feeds/<name>.ics    the subscription feeds: the years around the current one
    OUT/feeds/en/<name>.ics the same in English
    OUT/index.html          every subscription feed with its links and instructions
    OUT/.ptfcal-state.json  change tracking (SEQUENCE, LAST-MODIFIED, cancelled events, files)

Every language is written at every run, from one schedule: the language of the terminal never
changes a published byte. Computes everything in memory; `output` then writes it atomically.
Pure: the caller passes the date (`today`), the time (`now`) and the previous state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import partial

from ..calendar import scheduler, workdays
from ..model import Event, Model, Status, Text
from . import exports, feeds, site, tracking
from .ics import FeedMeta, Renderer
from .tracking import Revision

FEEDS_DIR = "feeds"
YEAR_FOLDERS = ("bodies", "institutions", "levels")


@dataclass
class YearOutput:
    """What one year's folder holds."""

    year: int
    schedule: scheduler.Schedule
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


class ChangeKind(StrEnum):
    ADDED = "added"  # a new event (or one back in the schedule after it left)
    MOVED = "moved"  # another date or time
    CHANGED = "changed"  # another title, place, status, description…
    CANCELLED = "cancelled"  # the secretariat recorded its cancellation
    REMOVED = "removed"  # it left the schedule: published as cancelled


@dataclass(frozen=True)
class Change:
    """One event subscribers will see change at this publication."""

    kind: ChangeKind
    uid: str
    title: Text
    day: date
    before: date | None = None  # moved: the date subscribers had
    start: str | None = None  # local start time, HH:MM
    before_start: str | None = None
    aspects: tuple[str, ...] = ()  # changed: status, title, place, time, description


@dataclass
class Publication:
    years: list[YearOutput]
    files: Files
    window: tuple[int, int] | None = None
    subscriptions: list[feeds.Feed] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    first: bool = False  # no history: everything is new (nothing to list)
    audits: dict[int, object] = field(default_factory=dict)  # every published year's check
    languages: tuple[str, ...] = ("fr",)
    kept: list[str] = field(default_factory=list)  # feeds kept, empty, so no address breaks
    published: int = 0  # events in the feeds

    def count(self, severity) -> int:
        return sum(a.count(severity) for a in self.audits.values())  # type: ignore[attr-defined]

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind is kind]


def build_schedule(model: Model, year: int) -> scheduler.Schedule:
    calendar = workdays.build(model.settings, model.holidays, [year])
    return scheduler.schedule(model, year, calendar)


def window(model: Model, today: date) -> tuple[int, int]:
    before, after = model.settings.feed_years
    return today.year - before, today.year + after


def language_dir(model: Model, lang: str) -> str:
    """'' for the configuration's language (today's addresses), 'en/' for the others."""
    return "" if lang == model.settings.language else f"{lang}/"


def language_of(model: Model, path: str) -> str:
    """The language of a published path: 'feeds/en/gec.ics' -> en, '2020/bodies/…' -> fr."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] in model.settings.languages:
        return parts[1]
    return model.settings.language


def publish(model: Model, targets: list[int], *, today: date | None = None,
            previous: tracking.State | None = None, now: datetime | None = None,
            with_check: bool = False, base_url: str | None = None,
            archives: tuple[int, ...] = (), planners: bool = False,
            progress: Callable[[int, int, int], None] | None = None) -> Publication:
    """The files of OUT for the years `targets`, in every language of the configuration;
    with `today`, the subscription feeds, the index page and the change-tracking state too.
    `progress(year, done, total)` is called as each year is scheduled."""
    langs = model.settings.languages
    state = previous or tracking.State()
    # only used for events that changed; LAST-MODIFIED has whole seconds
    now = (now or datetime(2000, 1, 1, tzinfo=UTC)).astimezone(UTC).replace(microsecond=0)
    span = window(model, today) if today else None
    years = sorted(set(targets) | (set(range(span[0], span[1] + 1)) if span else set()))
    period = f"{span[0]}–{span[1]}" if span else ""
    schedules = {}
    for done, y in enumerate(years, 1):
        schedules[y] = build_schedule(model, y)
        if progress:
            progress(y, done, len(years))
    events = {y: schedules[y].events for y in years}
    renderers = {lang: Renderer(model, lang) for lang in langs}
    primary = renderers[model.settings.language]

    changes: list[Change] = []
    for y in years:
        for event in events[y]:
            contents = {lang: r.content(event) for lang, r in renderers.items()}
            revision = tracking.revise(
                state, event.uid, contents,
                lambda lang, rev, e=event: renderers[lang].render_at(e, rev), now)
            if revision != Revision():
                for r in renderers.values():
                    r.revise(event, revision)
            change = _change(state, event, revision, primary)
            if change is not None:
                changes.append(change)
    present = {e.uid for y in years for e in events[y]}
    gone = tracking.vanished(state, present, set(years))

    files = Files()
    placed: dict[str, list[Event]] = {}
    outputs = []
    for year in sorted(set(targets)):
        year_feeds = feeds.catalogue(model, events[year], str(year))
        for lang in langs:
            for feed in year_feeds:
                _add_feed(files, renderers[lang], f"{year}/{language_dir(model, lang)}{feed.path}",
                          feed, placed)
        outputs.append(YearOutput(year, schedules[year], year_feeds))
    subscriptions: list[feeds.Feed] = []
    if span:
        in_window = [e for y in range(span[0], span[1] + 1) for e in events[y]]
        subscriptions = feeds.catalogue(model, in_window, period, flat=True)
        for lang in langs:
            for feed in subscriptions:
                _add_feed(files, renderers[lang],
                          f"{FEEDS_DIR}/{language_dir(model, lang)}{feed.path}", feed, placed)

    def in_scope(path: str, day: date | None = None) -> bool:
        """Is `path` one of the feeds this run writes again (for an event of `day`)?"""
        folder = path.split("/", 1)[0]
        if language_of(model, path) not in langs:
            return False
        if folder == FEEDS_DIR:
            return bool(span) and (day is None or span[0] <= day.year <= span[1])
        return folder.isdigit() and int(folder) in targets and (day is None
                                                                 or day.year == int(folder))

    # events that left the schedule: published as cancelled where they were
    tombstones: dict[str, list[bytes]] = {}
    new_state = tracking.State(dict(state.entries), dict(state.files))
    for uid in gone:
        entry = state.entries[uid]
        revision = tracking.tombstone_revision(entry, now)
        day = date.fromisoformat(entry.day)
        for path in entry.feeds:
            vevent = entry.vevents.get(language_of(model, path))
            if vevent is not None and in_scope(path, day):
                copy = renderers[language_of(model, path)].cancelled(vevent, revision)
                tombstones.setdefault(path, []).append(copy)
        if not entry.gone:
            changes.append(Change(ChangeKind.REMOVED, uid, _published_title(model, entry, uid),
                                  day))
        new_state.entries[uid] = tracking.Entry(
            revision.sequence, revision.modified.isoformat() if revision.modified else None,
            entry.day, entry.hashes, entry.vevents, entry.feeds, True, entry.start)

    # a feed once published is never deleted: one that has no event now stays, empty, with
    # its cancelled events and a description saying why
    all_feeds = {f"{o.year}/{language_dir(model, lang)}{f.path}": f
                 for o in outputs for f in o.feeds for lang in langs}
    all_feeds.update({f"{FEEDS_DIR}/{language_dir(model, lang)}{f.path}": f
                      for f in subscriptions for lang in langs})
    kept = sorted(p for p in state.files if p.endswith(".ics") and p not in all_feeds
                  and in_scope(p) and p not in files)
    for path in sorted({*tombstones, *kept}):
        lang = language_of(model, path)
        feed = all_feeds.get(path) or _empty_feed(model, path, lang, period, state)
        files[path] = partial(renderers[lang].feed, _meta(feed, model, lang),
                              placed.get(path, []), tombstones.get(path, ()))

    feeds_of: dict[str, set[str]] = {}  # UID -> the feed files holding it
    for path, held in placed.items():
        for event in held:
            feeds_of.setdefault(event.uid, set()).add(path)
    for y in years:
        for event in events[y]:
            revision = primary.revisions.get(event.uid, Revision())
            previous_entry = state.entries.get(event.uid)
            paths = sorted({*(previous_entry.feeds if previous_entry else ()),
                            *feeds_of.get(event.uid, ())})
            new_state.entries[event.uid] = tracking.Entry(
                revision.sequence, revision.modified.isoformat() if revision.modified else None,
                event.day.isoformat(),
                {lang: tracking.content_hash(r.content(event)) for lang, r in renderers.items()},
                {lang: r.event_bytes(event) for lang, r in renderers.items()},
                paths, False, f"{event.start:%H:%M}" if event.start else None)

    audits: dict[int, object] = {}
    if with_check:
        from ..checks.audit import audit
        from ..checks.kinds import Options

        for y in years:
            audits[y] = audit(model, y, Options(today=today), schedule=schedules[y])
    # every document is made when it is written, one at a time: the run never holds them all
    for out in outputs:
        year, sched = out.year, out.schedule
        out.audit = audits.get(year)
        files[f"{year}/events.json"] = partial(exports.events_json, model, year, sched.events,
                                               feeds_of)
        view = None
        for lang in langs:
            prefix = f"{year}/{language_dir(model, lang)}"
            files[f"{prefix}events.csv"] = partial(exports.events_csv, model, sched.events, lang)
            if out.audit is not None:
                from ..checks.report import report_json, report_markdown

                files[f"{prefix}check.md"] = partial(_encoded, report_markdown, model,
                                                     out.audit, lang)
                files[f"{prefix}check.json"] = partial(report_json, model, out.audit, lang)
            view = view or _overview(model, out)
            for path, filters in _planners(model, prefix, planners):
                files[path] = partial(_planner, model, out.year, view, lang, filters)
    if span:
        files["index.html"] = partial(
            _encoded, site.index_html, model, subscriptions, sorted({*targets, *archives}),
            span, base_url if base_url is not None else model.settings.base_url)
        for path in files:
            new_state.files[path] = _feed_name(all_feeds.get(path), language_of(model, path))
        for path in kept:
            new_state.files[path] = state.files[path]
        files[tracking.STATE_FILE] = new_state.dump
    return Publication(outputs, files, span, subscriptions, changes, state.empty, audits,
                       langs, kept, len(feeds_of))


def _change(state: tracking.State, event: Event, revision: Revision,
            renderer: Renderer) -> Change | None:
    """What a subscriber sees of this event at this publication (None: nothing)."""
    entry = state.entries.get(event.uid)
    start = f"{event.start:%H:%M}" if event.start else None
    if entry is None or entry.gone:
        if state.empty or (entry is not None and revision.sequence == entry.sequence):
            return None
        return Change(ChangeKind.ADDED, event.uid, event.title, event.day, start=start)
    if revision.sequence == entry.sequence:
        return None
    old = tracking.properties(entry.vevents.get(renderer.lang)
                              or next(iter(entry.vevents.values()), b""))
    new = tracking.properties(renderer.event_bytes(event).decode("utf-8"))
    day = date.fromisoformat(entry.day)
    if new.get("STATUS") == "CANCELLED" and old.get("STATUS") != "CANCELLED":
        return Change(ChangeKind.CANCELLED, event.uid, event.title, event.day, start=start)
    if day != event.day or entry.start != start:
        return Change(ChangeKind.MOVED, event.uid, event.title, event.day, day, start,
                      entry.start)
    aspects = tuple(name for name, prop in (("status", "STATUS"), ("title", "SUMMARY"),
                                            ("place", "LOCATION"), ("time", "DTEND"),
                                            ("description", "DESCRIPTION"))
                    if old.get(prop) != new.get(prop))
    return Change(ChangeKind.CHANGED, event.uid, event.title, event.day, start=start,
                  aspects=aspects)


def _published_title(model: Model, entry: tracking.Entry, uid: str) -> Text:
    """An event's title as subscribers last saw it, in each language it was published in."""
    titles = {lang: tracking.text_value(tracking.properties(vevent).get("SUMMARY", ""))
              for lang, vevent in entry.vevents.items()}
    fr = titles.get("fr") or titles.get(model.settings.language) or next(
        (x for x in titles.values() if x), uid)
    return Text(fr, titles.get("en") or fr)


def _empty_feed(model: Model, path: str, lang: str, period: str,
                state: tracking.State) -> feeds.Feed:
    """A feed published before that has no event now: its name, and why it is empty."""
    folder, rest = path.split("/", 1)
    rest = rest.removeprefix(language_dir(model, lang))
    flat = folder == FEEDS_DIR
    return feeds.empty_feed(model, rest, period if flat else folder, flat,
                            state.files.get(path) or None)


def _feed_name(feed: feeds.Feed | None, lang: str) -> str:
    return feed.name.get(lang) if feed is not None else ""


def _encoded(make: Callable[..., str], *args) -> bytes:
    return make(*args).encode("utf-8")


def _overview(model: Model, out: YearOutput):
    from ..checks.audit import overview

    return overview(model, out.year, schedule=out.schedule, audited=out.audit)


def _planners(model: Model, prefix: str, per_institution: bool) -> list[tuple[str, object]]:
    """(path, filters) of planner.html and, with `per_institution`, one planner per
    institution."""
    from .views import Filters

    targets: list[tuple[str, object]] = [(f"{prefix}planner.html", Filters())]
    if per_institution:
        targets += [(f"{prefix}planners/{i}.html", Filters(institution=i))
                    for i in model.institutions]
    return targets


def _planner(model: Model, year: int, view, lang: str, filters) -> bytes:
    from .planner import heading, planner_html
    from .views import year_view

    events = [e for e in view.schedule.events
              if e.status is not Status.CANCELLED and filters.keep(model, e)]
    months = year_view(model, events, view.calendar, year, set(view.flags))
    title = heading(model, year, lang, filters.describe(model))
    return planner_html(model, months, events, view.flags, lang, title).encode("utf-8")


def _meta(feed: feeds.Feed, model: Model, lang: str) -> FeedMeta:
    return FeedMeta(feed.name.get(lang), feed.description.get(lang),
                    timedelta(hours=model.settings.refresh_hours))


def _add_feed(files: Files, renderer: Renderer, path: str, feed: feeds.Feed,
              placed: dict[str, list[Event]]) -> None:
    files[path] = partial(renderer.feed, _meta(feed, renderer.model, renderer.lang),
                          feed.events)
    placed[path] = list(feed.events)
