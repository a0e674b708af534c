"""Another calendar (`ptfcal check --against FILE.ics`): a partner's Outlook export, the
Government's calendar, another year's feed -> its busy events in a date range, read within
bounds whatever the file holds.

Time zones are taken from the file's VTIMEZONEs, Windows names included ("Romance Standard
Time"); recurring events are expanded with their exceptions by `recurring_ical_events`. Free,
transparent and cancelled events are not busy and are skipped. A floating time (no zone) is
read in ptfcal's time zone; a time whose TZID the file does not define is read the same way,
with a warning.

Bounds: only a regular file is read (not a pipe, a device, a folder), and at most MAX_BYTES of
it; each recurring series is expanded only inside the checked years, one year at a time, up to
`max_occurrences` occurrences (ten times that for the whole file); a rule no meeting calendar
uses (every second, minute or hour, an interval below 1, a day that no month has) is skipped
with a warning; on POSIX the whole expansion stops after MAX_SECONDS. What a bound cuts is
said, with the file and line of the series.
"""

from __future__ import annotations

import calendar as cal
import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import InputError, Mark, Problem
from ..fileio import NotRegular, TooBig, read_bounded
from ..i18n import text
from .kinds import ExternalEvent

MAX_BYTES = 16_000_000
MAX_OCCURRENCES = 10_000  # of one series in the checked years (the file: ten times this)
# expanding a whole file (POSIX: a hostile rule cannot run for ever); the tests lower it
MAX_SECONDS = int(os.environ.get("PTFCAL_AGAINST_SECONDS", "20"))
TOO_FREQUENT = ("SECONDLY", "MINUTELY", "HOURLY")  # Outlook and Google write none of these


@dataclass
class External:
    events: list[ExternalEvent] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def read(path: Path, first: date, last: date, timezone: str,
         max_occurrences: int = MAX_OCCURRENCES) -> External:
    """Busy events of the iCalendar file `path` that touch [first, last]."""
    import recurring_ical_events
    from icalendar import Calendar

    data = _read_bounded(path)
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise InputError(text("ext.not-ics", path=path))
    try:
        calendar = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises many kinds on bad input
        raise InputError(text("ext.bad-ics", path=path, why=f"{type(exc).__name__}: {exc}")
                         ) from None
    raw = data.decode("utf-8", "replace")
    result = External()
    tz = ZoneInfo(timezone)
    known_zones = {str(z.get("TZID", "")) for z in calendar.walk("VTIMEZONE")}
    total_limit = max_occurrences * 10
    total = 0
    with _deadline(MAX_SECONDS, path):
        for uid, components in _series(calendar):
            where = Mark(path.name, _line_of(raw, uid), 1)
            master = next((c for c in components if c.get("RECURRENCE-ID") is None),
                          components[0])
            why = _unusable_rule(master)
            if why is not None:
                result.warnings.append(Problem(where, "RRULE", text("ext.rule-skipped",
                                                                    uid=uid, why=why)))
                continue
            _warn_unknown_zone(master, known_zones, where, uid, result)
            sub = Calendar()
            for zone in calendar.walk("VTIMEZONE"):
                sub.add_component(zone)
            for component in components:
                sub.add_component(component)
            try:
                occurrences = _expand(recurring_ical_events.of(sub), first, last,
                                      max_occurrences)
                for found, component in enumerate(occurrences, 1):
                    total += 1
                    if found > max_occurrences:
                        result.warnings.append(Problem(where, "RRULE", text(
                            "ext.series-capped", uid=uid, limit=f"{max_occurrences:,}")))
                        break
                    if total > total_limit:
                        result.warnings.append(Problem(where, "", text(
                            "ext.file-capped", limit=f"{total_limit:,}")))
                        return _sorted(result)
                    event = _busy_event(component, path.name, tz)
                    if event is not None:
                        result.events.append(event)
            except (InputError, _Expired):
                raise
            except Exception as exc:  # a series the library cannot expand
                result.warnings.append(Problem(where, "", text(
                    "ext.rule-skipped", uid=uid, why=f"{type(exc).__name__}: {exc}")))
    return _sorted(result)


def _sorted(result: External) -> External:
    result.events.sort(key=lambda x: (str(x.start), x.uid))
    return result


def _read_bounded(path: Path) -> bytes:
    """The file's bytes: a regular file only (a pipe would block, /dev/zero never ends), at
    most MAX_BYTES."""
    try:
        return read_bounded(path, MAX_BYTES)
    except NotRegular:
        raise InputError(text("ext.not-file", path=path)) from None
    except TooBig:
        raise InputError(text("ext.too-big", path=path, size=f"> {MAX_BYTES:,}",
                              limit=f"{MAX_BYTES:,}")) from None
    except OSError as exc:
        raise InputError(text("ext.cannot-read", path=path, why=exc.strerror)) from None


def _series(calendar) -> Iterator[tuple[str, list]]:
    """The VEVENTs grouped by UID: a recurring series with its moved occurrences."""
    groups: dict[str, list] = {}
    for n, component in enumerate(calendar.walk("VEVENT")):
        uid = str(component.get("UID", "")) or f"#{n}"
        groups.setdefault(uid, []).append(component)
    return iter(groups.items())


def _expand(query, first: date, last: date, limit: int) -> Iterator:
    """The series' occurrences in [first, last], a year at a time (each query of the library
    is bounded by its year), until `limit` + 1 were found."""
    found = 0
    year = first.year
    while year <= last.year and found <= limit:
        start = max(first, date(year, 1, 1))
        stop = min(last + timedelta(days=1), date(year + 1, 1, 1))
        for component in query.between(start, stop):
            found += 1
            yield component
            if found > limit:
                return
        year += 1


def _rules(component) -> list:
    found = component.get("RRULE")
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _unusable_rule(component) -> object | None:
    """Why a series' RRULE is skipped (None: it is expanded)."""
    for rule in _rules(component):
        freq = str((rule.get("FREQ") or [""])[0]).upper()
        if freq in TOO_FREQUENT:
            return text("ext.rule-frequency", freq=freq)
        interval = (rule.get("INTERVAL") or [1])[0]
        if not isinstance(interval, int) or interval < 1:
            return text("ext.rule-interval", interval=interval)
        if rule.get("BYSECOND") or rule.get("BYMINUTE") or len(rule.get("BYHOUR") or []) > 1:
            return text("ext.rule-within-day")
        months = [m for m in rule.get("BYMONTH") or [] if isinstance(m, int) and 1 <= m <= 12]
        longest = max(cal.monthrange(2024, m)[1] for m in months or range(1, 13))
        days = [d for d in rule.get("BYMONTHDAY") or [] if isinstance(d, int) and d]
        if days and all(abs(d) > longest for d in days):
            return text("ext.rule-no-day")
    return None


def _warn_unknown_zone(component, known: set[str], where: Mark, uid: str, result) -> None:
    start = component.get("DTSTART")
    tzid = start.params.get("TZID") if start is not None else None
    if not tzid or tzid in known:
        return
    moment = start.dt
    if isinstance(moment, datetime) and moment.tzinfo is not None:
        return  # a zone icalendar knows (IANA or Windows name)
    result.warnings.append(Problem(where, "DTSTART", text("ext.unknown-zone", uid=uid,
                                                          tzid=tzid)))


def _busy_event(component, source: str, tz: ZoneInfo) -> ExternalEvent | None:
    if not _busy(component):
        return None
    start = component.get("DTSTART")
    if start is None:
        return None
    start = start.dt
    end = _end(component, start)
    all_day = not isinstance(start, datetime)
    if not all_day:
        start = start if start.tzinfo else start.replace(tzinfo=tz)
        end = end if end.tzinfo else end.replace(tzinfo=tz)
    return ExternalEvent(
        source=source,
        uid=str(component.get("UID", "")) or f"{source}:{start}",
        summary=str(component.get("SUMMARY", "")).strip() or "(sans titre)",
        start=start, end=end, all_day=all_day)


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


def _line_of(raw: str, uid: str) -> int:
    m = re.search(r"^UID[^:\r\n]*:" + re.escape(uid), raw, re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else 1


class _Expired(InputError):
    pass


@contextlib.contextmanager
def _deadline(seconds: int, path: Path) -> Iterator[None]:
    """Stop after `seconds` of expansion (POSIX, main thread; elsewhere no time bound)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not \
            threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise _Expired(text("ext.too-slow", path=path, seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
