"""Events -> iCalendar feeds that behave when subscribed to in Outlook.

One VEVENT per occurrence (no RRULE: "second Wednesday except August" has no Outlook form); UIDs
from (type, body, nominal date); no clock: DTSTAMP is injected; times carry TZID=Africa/Bamako
with its VTIMEZONE; deadlines are all-day, transparent and free; CRLF line ends, folding at 75
octets. Each event is rendered once per language and the same bytes are reused in every feed that
contains it.

The feeds' content lines are written here, byte for byte as icalendar writes the same values
(TEXT escaping, property order, date forms): importing icalendar alone made `generate` peak at
~6.7 MiB more (benchmarks R5), for eleven kinds of property. icalendar stays the reference (a
property test compares both on arbitrary text) and the tool for what needs a parser or iTIP:
the cancelled copy of a published event and the invitations, which import it when used.

The only module that imports `icalendar`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .. import __version__, i18n
from ..model import Event, EventKind, Model, Status
from .tracking import Revision

# DTSTAMP of an event never changed since ptfcal first published it: a fixed instant, so that
# the same input gives byte-identical feeds (RFC 5545 only asks for a UTC date-time).
FIRST_PUBLICATION = datetime(2000, 1, 1, tzinfo=UTC)
DEFAULT_REFRESH = timedelta(hours=3)


@dataclass(frozen=True)
class FeedMeta:
    name: str  # X-WR-CALNAME / NAME
    description: str
    refresh: timedelta = DEFAULT_REFRESH


class Renderer:
    """Renders events once, then assembles any number of feeds from the rendered bytes.

    `content(event)` is the event at revision 0 (what change tracking hashes); `event_bytes`
    is the event as published, with the revision set by `revise`.
    """

    def __init__(self, model: Model, lang: str):
        self.model = model
        self.lang = lang
        self.tzid = model.settings.timezone
        self.revisions: dict[str, Revision] = {}
        self._content: dict[str, bytes] = {}
        self._published: dict[str, bytes] = {}

    def content(self, event: Event) -> bytes:
        found = self._content.get(event.uid)
        if found is None:
            found = self._content[event.uid] = self._vevent(event, Revision())
        return found

    def revise(self, event: Event, revision: Revision) -> None:
        self.revisions[event.uid] = revision
        self._published.pop(event.uid, None)

    def event_bytes(self, event: Event) -> bytes:
        revision = self.revisions.get(event.uid, Revision())
        if revision == Revision():
            return self.content(event)
        found = self._published.get(event.uid)
        if found is None:
            found = self._published[event.uid] = self.render_at(event, revision)
        return found

    def render_at(self, event: Event, revision: Revision) -> bytes:
        """The event as published at `revision` (not kept)."""
        if revision == Revision():
            return self.content(event)
        return self._vevent(event, revision)

    def feed(self, meta: FeedMeta, events: Sequence[Event], extra: Sequence[bytes] = ()) -> bytes:
        """The feed's bytes: its events as rendered once, then `extra` VEVENTs (cancelled
        copies of events that left the schedule)."""
        end = b"END:VCALENDAR\r\n"
        parts = [_calendar_head(meta, self.tzid)]
        if any(e.start is not None for e in events) or any(b"TZID=" in x for x in extra):
            parts.append(self._vtimezone())
        parts.extend(self.event_bytes(e) for e in events)
        parts.extend(extra)
        parts.append(end)
        return b"".join(parts)

    def _vtimezone(self) -> bytes:
        found = self._content.get("\0vtimezone")
        if found is None:
            found = self._content["\0vtimezone"] = vtimezone(self.tzid)
        return found

    def cancelled(self, vevent: bytes, revision: Revision) -> bytes:
        """A copy of a published VEVENT marked cancelled: same UID, title marked, free."""
        from icalendar import Event as VEvent

        component = VEvent.from_ical(vevent)
        for name in ("DTSTART", "DTEND"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if prop is not None else None
            if tzid:  # parsed as an aware time, it would be written as UTC beside its TZID
                local = prop.dt.replace(tzinfo=None)
                component.pop(name)
                component.add(name.lower(), local, parameters={"TZID": tzid})
        title = str(component.get("SUMMARY", ""))
        for name in ("SUMMARY", "STATUS", "TRANSP", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP",
                     "X-MICROSOFT-CDO-BUSYSTATUS"):
            component.pop(name, None)
        marker = "ANNULÉ : " if self.lang == "fr" else "CANCELLED: "
        component.add("summary", title if title.startswith(marker) else marker + title)
        component.add("dtstamp", revision.modified or FIRST_PUBLICATION)
        component.add("status", "CANCELLED")
        component.add("transp", "TRANSPARENT")
        component.add("sequence", revision.sequence)
        if revision.modified is not None:
            component.add("last-modified", revision.modified)
        component.add("x-microsoft-cdo-busystatus", "FREE")
        return serialize(component)

    # --- one event -----------------------------------------------------------------------

    def _vevent(self, event: Event, rev: Revision) -> bytes:
        """The VEVENT's bytes, its properties in icalendar's order (SUMMARY, DTSTART, DTEND,
        DTSTAMP, UID, SEQUENCE, then by name)."""
        lang = self.lang
        if event.start is not None and event.end is not None:
            # local times with an explicit TZID (a UTC-equivalent zone written as UTC would not
            # show in Bamako time in Outlook)
            zone = f";TZID={self.tzid}"
            start, end = _local(event.start), _local(event.end)
        else:
            zone = ";VALUE=DATE"
            start, end = _day(event.day), _day(event.last_day + timedelta(days=1))  # exclusive
        cancelled = event.status is Status.CANCELLED
        title = event.title.get(lang)
        if cancelled:
            title = ("ANNULÉ : " if lang == "fr" else "CANCELLED: ") + title
        tentative = not cancelled and self.tentative(event)
        free = cancelled or event.kind is EventKind.DEADLINE
        lines = [
            ("BEGIN", "", "VEVENT"),
            ("SUMMARY", "", _text(title)),
            ("DTSTART", zone, start),
            ("DTEND", zone, end),
            ("DTSTAMP", "", _utc(rev.modified or FIRST_PUBLICATION)),
            ("UID", "", _text(event.uid)),
            ("SEQUENCE", "", str(rev.sequence)),
            ("CATEGORIES", "", ",".join(_text(c) for c in self.categories(event))),
            ("CLASS", "", "PUBLIC"),
            ("DESCRIPTION", "", _text(self.description(event))),
        ]
        if rev.modified is not None:
            lines.append(("LAST-MODIFIED", "", _utc(rev.modified)))
        if event.location:
            lines.append(("LOCATION", "", _text(event.location)))
        lines += [
            ("STATUS", "", "CANCELLED" if cancelled else "TENTATIVE" if tentative
             else "CONFIRMED"),
            ("TRANSP", "", "TRANSPARENT" if free else "OPAQUE"),
            ("X-MICROSOFT-CDO-ALLDAYEVENT", "", "TRUE" if event.start is None else "FALSE"),
            ("X-MICROSOFT-CDO-BUSYSTATUS", "", "FREE" if free else "TENTATIVE" if tentative
             else "BUSY"),
            ("END", "", "VEVENT"),
        ]
        return _lines(lines)

    def tentative(self, event: Event) -> bool:
        """A date a rule gives and nobody has confirmed: tentative, unless its meeting type
        says its rule dates are firm (`tentative: false`, e.g. a legal deadline)."""
        return tentative(self.model, event)

    def categories(self, event: Event) -> list[str]:
        level = i18n.t(f"level.{event.level.value}", self.lang)
        body = self.model.bodies[event.body].short.get(self.lang)
        found = [level, body]
        if event.kind is EventKind.DEADLINE:
            found.append(i18n.t("kind.deadline", self.lang))
        return found

    def _vice_chairs(self, event: Event) -> list[str]:
        """The GT CREDD's vice-chairs (002's table), by name."""
        m, lang = self.model, self.lang
        vice = [t.ref for t in m.bodies[event.body].vice_chair if t.ref in m.bodies]
        if not vice:
            return []
        names = ", ".join(m.bodies[b].short.get(lang) for b in vice)
        return [_field(lang, i18n.t("ics.vice-chair", lang), names)]

    def description(self, event: Event) -> str:
        """What an attendee needs, one fact per line."""
        lang = self.lang
        m = self.model
        lines = []
        if event.shift_reason is not None:
            sentence = i18n.shift_sentence(event.day, event.shifted_from,
                                           event.shift_reason.get(lang), lang)
            lines.append(_cap(sentence) + ".")
        if event.pending is not None and event.status is Status.PLANNED:
            lines.append(_cap(event.pending.get(lang)) + ".")
        if event.note is not None:
            lines.append(event.note.get(lang))
        body_names = ", ".join(m.bodies[b].name.get(lang) for b in event.bodies)
        lines.append(_field(lang, i18n.t("ics.body", lang), body_names))
        types = ", ".join(m.meeting_types[t].name.get(lang) for t in event.types)
        lines.append(_field(lang, i18n.t("ics.type", lang), types))
        deadline = event.kind is EventKind.DEADLINE
        for key, party in (("ics.chair", event.chair), ("ics.secretariat", event.secretariat),
                           ("ics.participants", event.attendees)):
            if party is not None and not deadline:  # a deadline is a date, not a meeting
                lines.append(_field(lang, i18n.t(key, lang), party.label.get(lang)))
            if key == "ics.chair" and not deadline:
                lines += self._vice_chairs(event)
        if event.enlarged_to:
            who = ", ".join(_name(m, x, lang) for x in event.enlarged_to)
            lines.append(i18n.t("ics.enlarged", lang, who=who))
        if event.convened_by:
            lines.append(i18n.t("ics.convened", lang, who=_name(m, event.convened_by, lang)))
        if deadline:
            laws = [short_title(m, law) for law in (event.source.legal_basis
                                                   if event.source else ())]
            lines.append(i18n.t("ics.deadline.law", lang, law=", ".join(laws)) if laws
                         else i18n.t("ics.deadline", lang))
        else:
            status = "ics.confirmed" if event.status is Status.CONFIRMED else "ics.planned"
            lines.append(i18n.t(status, lang))
        if event.nominal != event.day:
            lines.append(_field(lang, i18n.t("ics.rule_date", lang),
                                i18n.format_day(event.nominal, lang)))
        if event.rescheduled:
            rule = event.source.quote if event.source and event.source.quote else ""
            lines.append(i18n.t("ics.rescheduled", lang, rule=f"« {rule} »" if rule else ""))
        for source in (event.source, *event.other_sources):
            if source is None:
                continue
            lines.append(_field(lang, i18n.t("ics.source", lang), source_text(m, source)))
        return "\n".join(lines)


# --- content lines -------------------------------------------------------------------------


def _lines(lines: list[tuple[str, str, str]]) -> bytes:
    """(name, ";PARAM=value" or "", value) -> folded content lines, CRLF-terminated."""
    return b"".join(fold(f"{name}{params}:{value}".encode()) + b"\r\n"
                    for name, params, value in lines)


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11) as icalendar escapes it: a literal backslash-N
    read as a line break, then backslash, semicolon and comma escaped, and every line break
    (CRLF, LF or a lone CR) written as backslash-n."""
    value = value.replace("\\N", "\n").replace("\\", "\\\\")
    value = value.replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _unknown(value: str) -> str:
    """A value of a property icalendar has no type for (RFC 7986's NAME among them): written
    as it is, but a line break, which would end the line (icalendar refuses it), as
    backslash-n."""
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _day(day) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _local(moment: datetime) -> str:
    """A local DATE-TIME (written beside its TZID): the wall-clock time, no zone."""
    return (f"{_day(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")


def _utc(moment: datetime) -> str:
    """A UTC DATE-TIME (DTSTAMP, LAST-MODIFIED: RFC 5545 asks for UTC); a time without a zone
    is taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return _local(moment) + "Z"


def _duration(span: timedelta) -> str:
    """A DURATION value (RFC 5545 3.3.6): P[nD][T[nH][nM][nS]]."""
    sign = "-" if span.days < 0 else ""
    span = abs(span)
    clock = ""
    if span.seconds:
        hours, minutes, seconds = (span.seconds // 3600, span.seconds % 3600 // 60,
                                   span.seconds % 60)
        clock = "T" + (f"{hours}H" if hours else "")
        clock += f"{minutes}M" if minutes or (hours and seconds) else ""
        clock += f"{seconds}S" if seconds else ""
    if span.days == 0 and clock:
        return f"{sign}P{clock}"
    return f"{sign}P{span.days}D{clock}"


def _offset(span: timedelta) -> str:
    """A UTC-OFFSET value: +HHMM (or +HHMMSS), signed."""
    sign = "-" if span < timedelta(0) else "+"
    total = int(abs(span).total_seconds())
    hours, minutes, seconds = total // 3600, total % 3600 // 60, total % 60
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def serialize(component) -> bytes:
    """A component's bytes: icalendar's content lines, folded here (RFC 5545 3.1).

    Folding is ptfcal's own so that the same event gives the same bytes whatever icalendar
    release is installed (its folding changed within 7.x), and because icalendar folds one
    character at a time, which was half of `generate`'s time.
    """
    return b"".join(fold(line.encode("utf-8")) + b"\r\n"
                    for line in component.content_lines() if line)


def fold(line: bytes, limit: int = 74) -> bytes:
    """Lines of at most `limit` octets after the folding space, split between characters,
    never just after a backslash or caret (a TEXT or RFC 6868 escape stays whole)."""
    if len(line) <= limit:
        return line
    parts = []
    start = 0
    while len(line) - start > limit:
        end = start + limit
        while line[end] & 0xC0 == 0x80:  # inside a UTF-8 character
            end -= 1
        if line[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return b"\r\n ".join(parts)


def source_text(model: Model, source) -> str:
    """« quote » — 000, text title, passage — legal basis (no parentheses: titles have some)."""
    parts = []
    if source.quote:
        parts.append(f"« {source.quote} »")
    text = model.texts.get(source.text)
    if text is None or text.title == source.text:
        where = source.text
    elif source.text.isdigit():  # the five texts are known by their number: « 000, … »
        where = f"{source.text}, {text.title}"
    else:  # a legal text or the proposed defaults: its title, not an internal id
        where = text.title
    if source.ref:
        where = f"{where}, {source.ref}"
    parts.append(where)
    for law in source.legal_basis:
        law_text = model.texts.get(law)
        parts.append(law_text.title if law_text else law)
    return " — ".join(parts)


def short_title(model: Model, ident: str) -> str:
    """'décret n° 2018-0623/PM-RM' from 'Décret n° 2018-0623/PM-RM du 08 août 2018 fixant…'."""
    text = model.texts.get(ident)
    title = text.title if text else ident
    head = title.split(" du ", 1)[0]
    return head[:1].lower() + head[1:]


def _field(lang: str, label: str, value: str) -> str:
    return f"{label} : {value}" if lang == "fr" else f"{label}: {value}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(model: Model, ident: str, lang: str) -> str:
    if ident in model.bodies:
        return model.bodies[ident].short.get(lang)
    if ident in model.institutions:
        return model.institutions[ident].short.get(lang)
    if ident in model.categories:  # « élargie aux clusters humanitaires »
        return model.categories[ident].get(lang)
    if i18n.known(f"value.{ident}"):  # a role: « convoquée par la Troïka »
        return i18n.t(f"value.{ident}", lang)
    return ident


def _calendar_head(meta: FeedMeta, tzid: str) -> bytes:
    """A feed's VCALENDAR line and properties (its components and END follow), in icalendar's
    order: VERSION, PRODID, CALSCALE, METHOD, DESCRIPTION, X-WR-CALDESC, NAME, X-WR-CALNAME,
    then by name."""
    refresh = _duration(meta.refresh)
    return _lines([
        ("BEGIN", "", "VCALENDAR"),
        ("VERSION", "", "2.0"),
        ("PRODID", "", _text(f"-//PTF Mali//ptfcal {__version__}//FR")),
        ("CALSCALE", "", "GREGORIAN"),
        ("METHOD", "", "PUBLISH"),
        ("DESCRIPTION", "", _text(meta.description)),
        ("X-WR-CALDESC", "", _text(meta.description)),
        ("NAME", "", _unknown(meta.name)),
        ("X-WR-CALNAME", "", _text(meta.name)),
        ("REFRESH-INTERVAL", ";VALUE=DURATION", refresh),
        ("X-PUBLISHED-TTL", "", refresh),
        ("X-WR-TIMEZONE", "", _text(tzid)),
    ])


def vtimezone(tzid: str) -> bytes:
    """A VTIMEZONE for a zone without daylight saving time (Africa/Bamako: UTC+0 all year).

    Built by hand from the zone's current offset: icalendar's generated VTIMEZONEs use
    multi-valued RDATEs that ical.js and vobject misread (see the ics-harness notes).
    """
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tzid)
    probe = datetime(2020, 1, 1, tzinfo=zone)
    offset = probe.utcoffset() or timedelta(0)
    summer = datetime(2020, 7, 1, tzinfo=zone).utcoffset() or timedelta(0)
    if summer != offset:
        raise ValueError(f"{tzid} has daylight saving time; ptfcal writes zones without it only")
    return _lines([
        ("BEGIN", "", "VTIMEZONE"),
        ("TZID", "", _text(tzid)),
        ("X-LIC-LOCATION", "", _text(tzid)),
        ("BEGIN", "", "STANDARD"),
        # a VTIMEZONE rule's DTSTART is local time by definition (RFC 5545 3.6.5)
        ("DTSTART", "", "19700101T000000"),
        ("TZNAME", "", _text(probe.tzname() or "GMT")),
        ("TZOFFSETFROM", "", _offset(offset)),
        ("TZOFFSETTO", "", _offset(offset)),
        ("END", "", "STANDARD"),
        ("END", "", "VTIMEZONE"),
    ])


def invitation(e: Event, method: str, sequence: int,
               attendees: Sequence[tuple[str, str, str]], organizer: str,
               organizer_name: str, now: datetime, *, uid: str | None = None,
               status: str | None = None, description: str = "") -> str:
    """The iTIP calendar of an invitation (RFC 5546): METHOD, one VEVENT with `uid` (the
    invitation's own), STATUS as the feeds say it (TENTATIVE for a provisional date), ORGANIZER
    and an ATTENDEE per recipient (address, name, ROLE), times in UTC. A PUBLISH (a meeting
    the Government convenes, announced for information) has neither: the SEG does not
    organise it and expects no answer."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", f"-//ptfcal {__version__}//PTF Mali//FR")
    cal.add("version", "2.0")
    cal.add("method", method)
    ev = VEvent()
    ev.add("uid", uid or e.uid)
    ev.add("sequence", sequence)
    ev.add("dtstamp", now.astimezone(UTC).replace(microsecond=0))
    if e.start is not None and e.end is not None:
        ev.add("dtstart", e.start.astimezone(UTC))
        ev.add("dtend", e.end.astimezone(UTC))
    else:
        ev.add("dtstart", e.day)
        ev.add("dtend", e.last_day + timedelta(days=1))
    ev.add("summary", e.title.fr)
    if description:
        ev.add("description", description)
    if e.location:
        ev.add("location", e.location)
    ev.add("status", status or ("CANCELLED" if method == "CANCEL" else "CONFIRMED"))
    # replies go to the organiser's mailbox; a counter-proposal would reach nobody who can
    # move the meeting (the calendar is the rules' and the SEG's), so Outlook offers none
    ev.add("x-microsoft-disallow-counter", "TRUE")
    if method != "PUBLISH":
        ev.add("organizer", f"mailto:{organizer}", parameters={"CN": organizer_name})
        for address, name, role in attendees:
            params = {"ROLE": role, "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
            if name:
                params["CN"] = name
            ev.add("attendee", f"mailto:{address}", parameters=params)
    cal.add_component(ev)
    return serialize(cal).decode("utf-8")


def tentative(model: Model, event: Event) -> bool:
    """A date a rule gives and nobody has confirmed: tentative, unless its meeting type says
    its rule dates are firm (`tentative: false`, e.g. a legal deadline). The feeds publish it
    STATUS:TENTATIVE; an invitation says the same."""
    return (event.status is Status.PLANNED
            and (model.meeting_types[event.meeting_type].tentative
                 or event.pending is not None))
