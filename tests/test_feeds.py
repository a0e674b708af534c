"""The feeds as other programs read them: parsed by libraries that did not write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from ptfcal.publish.feeds import catalogue
from ptfcal.publish.ics import FeedMeta, Renderer
from tests.conftest import bundled_model, bundled_schedule


def feed_bytes(year: int, path: str, lang: str = "fr") -> bytes:
    model = bundled_model()
    events = bundled_schedule(year).events
    (feed,) = [f for f in catalogue(model, events, str(year)) if f.path == path]
    return Renderer(model, lang).feed(FeedMeta(feed.name.get(lang), feed.description.get(lang)),
                                      feed.events)


def test_vobject_reads_what_we_meant() -> None:
    data = feed_bytes(2021, "all.ics").decode("utf-8")
    cal = vobject.readOne(data, validate=True)
    events = {str(ve.uid.value): ve for ve in cal.vevent_list}
    assert set(events) == {e.uid for e in bundled_schedule(2021).events}
    gec = events["gec-monthly.gec.20210512@ptfcal.ptf-mali"]
    assert gec.summary.value == "Réunion mensuelle du GEC"
    assert gec.dtstart.value.astimezone(UTC) == datetime(2021, 5, 13, 9, 0, tzinfo=UTC)
    assert gec.dtend.value.astimezone(UTC) == datetime(2021, 5, 13, 12, 0, tzinfo=UTC)
    assert gec.transp.value == "OPAQUE"
    deadline = events["harmonised-calendar-circular.mef.20210114@ptfcal.ptf-mali"]
    assert deadline.dtstart.value == date(2021, 1, 14)
    assert deadline.dtend.value == date(2021, 1, 15)  # exclusive end: one day
    assert deadline.transp.value == "TRANSPARENT"
    assert deadline.x_microsoft_cdo_busystatus.value == "FREE"
    assert deadline.x_microsoft_cdo_alldayevent.value == "TRUE"
    assert cal.method.value == "PUBLISH"
    assert cal.x_wr_calname.value == "PTF Mali — Tous les événements 2021"


def test_home_assistant_ical_reads_times_and_descriptions() -> None:
    data = feed_bytes(2020, "bodies/gt-ptf-1-economie.ics").decode("utf-8")
    calendar = IcsCalendarStream.calendar_from_ics(data)
    starts = [(e.uid, e.dtstart.astimezone(UTC)) for e in calendar.events]
    assert starts[-1] == ("gt-ptf-coordination.gt-ptf-1-economie.20201105@ptfcal.ptf-mali",
                          datetime(2020, 11, 5, 10, 0, tzinfo=UTC))
    moved = calendar.events[-1]
    assert moved.description.splitlines()[0] == (
        "Date à confirmer selon l'annonce de la fête : à un jour de la Journée du Maouloud "
        "(Baptême du Prophète), estimée au mercredi 4 novembre 2020.")
    assert "Présidence : Coordination tripartite (à renseigner)" in moved.description
    assert "Type : Réunion de coordination tripartite" in moved.description


def test_wire_format_is_what_outlook_needs() -> None:
    data = feed_bytes(2020, "bodies/gec.ics")
    lines = data.split(b"\r\n")
    assert lines[-1] == b""  # CRLF after the last line too
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    text = data.decode("utf-8")
    assert "METHOD:PUBLISH\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Africa/Bamako\r\n" in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert "DTSTART;TZID=Africa/Bamako:20200617T090000\r\n" in text
    assert "RRULE" not in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT3H\r\n" in text


def test_deadline_only_feed_has_no_time_zone() -> None:
    text = feed_bytes(2020, "deadlines.ics").decode("utf-8")
    assert "VTIMEZONE" not in text
    assert text.count("BEGIN:VEVENT") == 5


@pytest.mark.parametrize(("institution", "present", "absent"), [
    # FAO leads the GD Économie agricole (ex-GT EAR): it sits in GT PTF 1's coordination
    ("fao", ["gt-ptf-coordination.gt-ptf-1-economie.20200702"],
     ["ga-meeting.ga.20200422", "gt-ptf-coordination.gt-ptf-2-capital-humain.20200702"]),
    # the Netherlands: an embassy, so the GA; no Groupe de Dialogue lead
    ("pays-bas", ["ga-meeting.ga.20200422", "gec-monthly.gec.20200108"],
     ["gt-ptf-coordination.gt-ptf-1-economie.20200702"]),
    # the GA is the ambassadors': the AFD sits in the GEC, France's embassy in the GA
    ("afd", ["gec-monthly.gec.20200108"], ["ga-meeting.ga.20200422"]),
    # only the UN coordinating agency sits in the GA; none is recorded for 2020
    ("pnud", ["gec-monthly.gec.20200108"], ["ga-meeting.ga.20200422"]),
    ("unicef", ["gec-monthly.gec.20200108"], ["ga-meeting.ga.20200422"]),
])
def test_institution_feeds_follow_membership(institution, present, absent) -> None:
    text = feed_bytes(2020, f"institutions/{institution}.ics").decode("utf-8")
    for uid in present:
        assert f"UID:{uid}@ptfcal.ptf-mali\r\n" in text
    for uid in absent:
        assert f"UID:{uid}@ptfcal.ptf-mali" not in text


def test_every_event_is_rendered_once_and_reused() -> None:
    """The bytes of an event are the same in every feed that contains it."""
    model = bundled_model()
    events = bundled_schedule(2020).events
    renderer = Renderer(model, "fr")
    feeds = [renderer.feed(FeedMeta(f.name.fr, f.description.fr), f.events)
             for f in catalogue(model, events, "2020")]
    gec = renderer.event_bytes(events[0])
    holding = [f for f in feeds if gec in f]
    assert len(holding) == 1 + 1 + 1 + 24  # all, political level, the GEC's, 24 institutions


# --- the plain way: icalendar builds every component (the reference of ics.py's writer) -----


def icalendar_vevent(renderer: Renderer, event, rev) -> icalendar.Event:
    from ptfcal.model import EventKind, Status
    from ptfcal.publish.ics import FIRST_PUBLICATION

    lang, tzid = renderer.lang, renderer.tzid
    ve = icalendar.Event()
    ve.add("uid", event.uid)
    ve.add("dtstamp", rev.modified or FIRST_PUBLICATION)
    if event.start is not None:
        ve.add("dtstart", event.start.replace(tzinfo=None), parameters={"TZID": tzid})
        ve.add("dtend", event.end.replace(tzinfo=None), parameters={"TZID": tzid})
    else:
        ve.add("dtstart", event.day)
        ve.add("dtend", event.last_day + timedelta(days=1))
    cancelled = event.status is Status.CANCELLED
    title = event.title.get(lang)
    if cancelled:
        title = ("ANNULÉ : " if lang == "fr" else "CANCELLED: ") + title
    ve.add("summary", title)
    ve.add("description", renderer.description(event))
    if event.location:
        ve.add("location", event.location)
    ve.add("categories", renderer.categories(event))
    tentative = not cancelled and renderer.tentative(event)
    ve.add("status", "CANCELLED" if cancelled else "TENTATIVE" if tentative else "CONFIRMED")
    free = cancelled or event.kind is EventKind.DEADLINE
    ve.add("transp", "TRANSPARENT" if free else "OPAQUE")
    ve.add("class", "PUBLIC")
    ve.add("sequence", rev.sequence)
    if rev.modified is not None:
        ve.add("last-modified", rev.modified)
    ve.add("x-microsoft-cdo-busystatus", "FREE" if free else "TENTATIVE" if tentative else "BUSY")
    ve.add("x-microsoft-cdo-alldayevent", "TRUE" if event.start is None else "FALSE")
    return ve


def icalendar_calendar(meta: FeedMeta, tzid: str) -> icalendar.Calendar:
    from ptfcal import __version__

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//PTF Mali//ptfcal {__version__}//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", meta.name)
    cal.add("x-wr-calname", icalendar.vText(meta.name))
    cal.add("description", meta.description)
    cal.add("x-wr-caldesc", icalendar.vText(meta.description))
    cal.add("x-wr-timezone", icalendar.vText(tzid))
    cal.add("refresh-interval", meta.refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(meta.refresh))
    return cal


def icalendar_vtimezone(tzid: str) -> icalendar.Timezone:
    tz = icalendar.Timezone()
    tz.add("tzid", tzid)
    tz.add("x-lic-location", tzid)
    std = icalendar.TimezoneStandard()
    std.add("dtstart", datetime(1970, 1, 1))  # noqa: DTZ001
    std.add("tzoffsetfrom", timedelta(0))
    std.add("tzoffsetto", timedelta(0))
    std.add("tzname", "GMT")
    tz.add_component(std)
    return tz


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_assembled_feeds_are_byte_identical_to_rendering_each_feed_whole(lang) -> None:
    """Serialise once, assemble many: every feed of a publication (the year's and the
    subscription feeds, with one event at a new revision) equals the feed built the plain way,
    one icalendar Calendar per feed with a new VEVENT object per event, serialised whole: the
    content lines ptfcal writes itself are icalendar's, byte for byte."""
    from ptfcal.publish import ics, tracking
    from ptfcal.publish.publication import FEEDS_DIR, language_dir, publish

    model = bundled_model()
    today = date(2020, 7, 1)
    first = publish(model, [2020], today=today)
    state = tracking.State.parse(first.files[tracking.STATE_FILE], "fr")
    moved = "gec-monthly.gec.20200610@ptfcal.ptf-mali"
    state.entries[moved].hashes[lang] = "edited"
    now = datetime(2020, 7, 1, 8, 30, tzinfo=UTC)
    pub = publish(model, [2020], today=today, previous=state, now=now)
    assert [c.uid for c in pub.changes] == [moved]

    reference = Renderer(model, lang)
    prefix = language_dir(model, lang)
    feeds = {f"2020/{prefix}{f.path}": f for f in pub.years[0].feeds}
    feeds.update({f"{FEEDS_DIR}/{prefix}{f.path}": f for f in pub.subscriptions})
    compared = 0
    for path, feed in sorted(feeds.items()):
        meta = FeedMeta(feed.name.get(lang), feed.description.get(lang),
                        timedelta(hours=model.settings.refresh_hours))
        calendar = icalendar_calendar(meta, model.settings.timezone)
        if any(e.start is not None for e in feed.events):
            calendar.add_component(icalendar_vtimezone(model.settings.timezone))
        for event in feed.events:
            revision = (tracking.Revision(1, now) if event.uid == moved
                        else tracking.Revision())
            calendar.add_component(icalendar_vevent(reference, event, revision))
        assert pub.files[path] == ics.serialize(calendar), path
        compared += 1
    assert compared == 105
    assert len([p for p in pub.files if p.endswith(".ics")]) == 2 * 105  # French and English


# text as the configuration may hold it: any character but the surrogates (not UTF-8) and the
# line breaks icalendar refuses in an untyped value (NAME), and its own escapes
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, location=_TEXT, name=_TEXT.map(lambda t: t.replace("\r", "").replace("\n", "")),
       description=_TEXT, hours=st.integers(1, 168), seconds=st.integers(0, 10**6),
       sequence=st.integers(0, 10**6), cancelled=st.booleans())
def test_the_written_content_lines_are_icalendars(title, location, name, description, hours,
                                                  seconds, sequence, cancelled) -> None:
    """Whatever a title, a place or a feed's name holds (commas, semicolons, backslashes, a
    literal backslash-N, CR, LF, accents, emoji), the bytes ptfcal writes are those icalendar
    writes for the same values; so are the refresh durations and LAST-MODIFIED."""
    from dataclasses import replace

    from ptfcal.model import Status
    from ptfcal.publish import ics, tracking
    from ptfcal.text import Text

    model = bundled_model()
    timed, day = bundled_schedule(2021).events[:2]
    revision = tracking.Revision(sequence, datetime(2021, 3, 1, tzinfo=UTC)
                                 + timedelta(seconds=seconds))
    meta = FeedMeta(name, description, timedelta(hours=hours, seconds=seconds))
    for lang in ("fr", "en"):
        renderer = Renderer(model, lang)
        for base in (timed, day):
            event = replace(base, title=Text(title, title), location=location,
                            status=Status.CANCELLED if cancelled else base.status)
            assert renderer.render_at(event, revision) == ics.serialize(
                icalendar_vevent(renderer, event, revision))
        calendar = icalendar_calendar(meta, model.settings.timezone)
        calendar.add_component(icalendar_vtimezone(model.settings.timezone))
        assert renderer.feed(meta, [timed]) == ics.serialize(calendar).replace(
            b"END:VCALENDAR\r\n", renderer.event_bytes(timed) + b"END:VCALENDAR\r\n")
