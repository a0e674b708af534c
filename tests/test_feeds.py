"""The feeds as other programs read them: parsed by libraries that did not write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import vobject
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


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_assembled_feeds_are_byte_identical_to_rendering_each_feed_whole(lang) -> None:
    """Serialise once, assemble many: every feed of a publication (the year's and the
    subscription feeds, with one event at a new revision) equals the feed built the plain way,
    one icalendar Calendar per feed with a new VEVENT object per event, serialised whole."""
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
        calendar = ics._calendar(meta, model.settings.timezone)
        if any(e.start is not None for e in feed.events):
            calendar.add_component(ics.vtimezone(model.settings.timezone))
        for event in feed.events:
            revision = (tracking.Revision(1, now) if event.uid == moved
                        else tracking.Revision())
            calendar.add_component(reference._vevent(event, revision))
        assert pub.files[path] == ics.serialize(calendar), path
        compared += 1
    assert compared == 105
    assert len([p for p in pub.files if p.endswith(".ics")]) == 2 * 105  # French and English
