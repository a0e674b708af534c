"""Another calendar (`ptfcal check --against FILE.ics`): a partner's Outlook export, the
Government's calendar, another year's feed -> its busy events in a date range.

Time zones are taken from the file's VTIMEZONEs, Windows names included ("Romance Standard
Time"); recurring events are expanded with their exceptions by `recurring_ical_events`. Free,
transparent and cancelled events are not busy and are skipped. A floating time (no zone) is
read in ptfcal's time zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import InputError
from ..i18n import text
from .kinds import ExternalEvent

MAX_BYTES = 20_000_000


def read(path: Path, first: date, last: date, timezone: str) -> list[ExternalEvent]:
    """Busy events of the iCalendar file `path` that touch [first, last]."""
    import recurring_ical_events
    from icalendar import Calendar

    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(text("ext.too-big", path=path, size=f"{size:,}",
                                  limit=f"{MAX_BYTES:,}"))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(text("ext.cannot-read", path=path, why=exc.strerror)) from None
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise InputError(text("ext.not-ics", path=path))
    try:
        calendar = Calendar.from_ical(data)
        found = recurring_ical_events.of(calendar).between(first, last + timedelta(days=1))
    except Exception as exc:  # icalendar and its expansion raise many kinds on bad input
        raise InputError(text("ext.bad-ics", path=path, why=f"{type(exc).__name__}: {exc}")
                         ) from None
    tz = ZoneInfo(timezone)
    events = []
    for component in found:
        if not _busy(component):
            continue
        start = component.get("DTSTART")
        if start is None:
            continue
        start = start.dt
        end = _end(component, start)
        all_day = not isinstance(start, datetime)
        if not all_day:
            start = start if start.tzinfo else start.replace(tzinfo=tz)
            end = end if end.tzinfo else end.replace(tzinfo=tz)
        events.append(ExternalEvent(
            source=name,
            uid=str(component.get("UID", "")) or f"{name}:{start}",
            summary=str(component.get("SUMMARY", "")).strip() or "(sans titre)",
            start=start,
            end=end,
            all_day=all_day,
        ))
    return sorted(events, key=lambda x: (str(x.start), x.uid))


def _busy(component) -> bool:
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return False
    if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
        return False
    busy = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    return busy not in ("FREE", "WORKINGELSEWHERE")


def _end(component, start):
    end = component.get("DTEND")
    if end is not None:
        return end.dt
    duration = component.get("DURATION")
    if duration is not None:
        return start + duration.dt
    return start + timedelta(days=1) if not isinstance(start, datetime) else start
