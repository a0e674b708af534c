"""Baseline B for R2 and R5: what writing ptfcal's feeds costs with icalendar alone.

    python benchmarks/baseline.py REFERENCE OUT

REFERENCE is a folder written by `ptfcal generate 2019-2021 --as-of 2020-07-01` (the 2020
feeds and the rolling feeds of 2019-2021, which is what `ptfcal generate 2020 --as-of
2020-07-01` writes). This script reads the `events.json` files ptfcal wrote there and writes the
same set of feed files (`2020/**/*.ics`, `feeds/*.ics`) into OUT, building every feed's events
directly with icalendar: one VEVENT object per event per feed, serialised with its calendar.
That is the plain way to do it, and the floor under anything that writes the same feeds.

It uses icalendar and the standard library only, never ptfcal.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneStandard

YEARS = (2019, 2020, 2021)
TARGET = "2020"
STAMP = datetime(2000, 1, 1, 0, 0, 0)  # noqa: DTZ001 - written as a floating time, like a fixed stamp


def description(event: dict) -> str:
    lines = []
    if event["shift_reason"]:
        lines.append(event["shift_reason"]["fr"])
    if event["note"]:
        lines.append(event["note"]["fr"])
    lines.append("Instance : " + ", ".join(event["bodies"]))
    lines.append("Type : " + ", ".join([event["meeting_type"], *event["combined_types"]]))
    for key, label in (("chair", "Présidence"), ("secretariat", "Secrétariat"),
                       ("attendees", "Participants")):
        if event[key]:
            lines.append(f"{label} : {event[key]['label']['fr']}")
    for source in (event["source"], *event["other_sources"]):
        if source:
            lines.append(f"Source : « {source['quote'] or ''} » ({source['text']} — "
                         f"{source['ref'] or ''})")
    return "\n".join(lines)


def vevent(event: dict, tzid: str) -> Event:
    ve = Event()
    ve.add("uid", event["uid"])
    ve.add("dtstamp", STAMP)
    if event["all_day"]:
        ve.add("dtstart", date.fromisoformat(event["date"]))
        ve.add("dtend", date.fromisoformat(event["last_date"]) + timedelta(days=1))
    else:
        for name in ("start", "end"):
            local = datetime.fromisoformat(event[name]).replace(tzinfo=None)
            ve.add("dt" + name, local, parameters={"TZID": tzid})
    ve.add("summary", event["title"]["fr"])
    ve.add("description", description(event))
    if event["location"]:
        ve.add("location", event["location"])
    ve.add("categories", [event["level"], event["body"]])
    ve.add("status", "CANCELLED" if event["status"] == "cancelled" else "CONFIRMED")
    free = event["kind"] == "deadline"
    ve.add("transp", "TRANSPARENT" if free else "OPAQUE")
    ve.add("class", "PUBLIC")
    ve.add("sequence", 0)
    ve.add("x-microsoft-cdo-busystatus", "FREE" if free else "BUSY")
    ve.add("x-microsoft-cdo-alldayevent", "TRUE" if event["all_day"] else "FALSE")
    return ve


def timezone(tzid: str) -> Timezone:
    tz = Timezone()
    tz.add("tzid", tzid)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))  # noqa: DTZ001
    standard.add("tzoffsetfrom", timedelta(0))
    standard.add("tzoffsetto", timedelta(0))
    standard.add("tzname", "GMT")
    tz.add_component(standard)
    return tz


def main(reference: Path, out: Path) -> int:
    feeds: dict[str, list[dict]] = {}
    for folder in (reference / TARGET, reference / "feeds"):
        for path in sorted(folder.rglob("*.ics")):
            feeds[path.relative_to(reference).as_posix()] = []
    tzid = "Africa/Bamako"
    for year in YEARS:
        data = json.loads((reference / str(year) / "events.json").read_text("utf-8"))
        tzid = data["timezone"]
        for event in data["events"]:
            for path in event["feeds"]:
                if path in feeds:
                    feeds[path].append(event)
    for path, events in feeds.items():
        calendar = Calendar()
        calendar.add("prodid", "-//ptfcal benchmark baseline//FR")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", path)
        calendar.add("x-wr-timezone", tzid)
        calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
        if any(not e["all_day"] for e in events):
            calendar.add_component(timezone(tzid))
        for event in sorted(events, key=lambda e: (e["date"], e["uid"])):
            calendar.add_component(vevent(event, tzid))
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(calendar.to_ical())
    return len(feeds)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
