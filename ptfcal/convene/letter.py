"""The convocation's words: its subject line and the formal letter a secretariat sends, French
first, then English for English readers.

Pure text from the model and one occurrence: who convenes (the SEG, or a ministry the message
only announces), the body, the meeting, its date, hours and time zone, place, chair,
secretariat, the ordre du jour recorded for it (« à suivre » otherwise) with its documents, how
to reply; for an update or a cancellation, what changed, from what to what, and why (the
reason `move`/`cancel --reason` recorded). No e-mail or iCalendar here: `invite.py` wraps
these lines into the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..i18n import format_day, known, t
from ..model import HELD_BY, Event, Model
from ..text import Text

SEPARATOR = "-" * 40  # between the French letter and its English version


@dataclass(frozen=True)
class Announced:
    """What a recipient was last told about the occurrence (the outbox's material facts)."""

    day: date
    last_day: date
    start: str | None  # HH:MM local
    end: str | None
    location: str
    cancelled: bool
    tentative: bool

    @classmethod
    def of(cls, facts: list) -> Announced:
        """From the outbox's fingerprint: [day, last day, start, end, place, cancelled] and,
        when the date was provisional, a last "tentative"."""
        def hours(value):
            return datetime.fromisoformat(value).strftime("%H:%M") if value else None

        return cls(date.fromisoformat(facts[0]), date.fromisoformat(facts[1]), hours(facts[2]),
                   hours(facts[3]), facts[4] or "", bool(facts[5]),
                   len(facts) > 6 and facts[6] == "tentative")


@dataclass(frozen=True)
class Letter:
    subject: str
    lines: tuple[str, ...]  # French, then SEPARATOR and English when asked

    @property
    def plain(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def html(self) -> str:
        """The letter as HTML; the English version below the rule marked `lang="en"` (what
        Outlook's spelling checker and a screen reader go by)."""
        body = "".join("</div><hr><div lang=\"en\">" if line == SEPARATOR
                       else f"<p>{_html(line)}</p>" if line else "" for line in self.lines)
        return f"<!DOCTYPE html><html lang=\"fr\"><body><div>{body}</div></body></html>"


def convener(model: Model, e: Event) -> Text | None:
    """The Government's party convening `e` (« le Ministère de l'Economie et des Finances »),
    or None when the PTF secretariat convenes it (the SEG's own meeting request)."""
    found = next((model.meeting_types[t].convened_by for t in e.types
                  if t in model.meeting_types and model.meeting_types[t].convened_by), None)
    if found is None:
        return None
    ident = e.body if found.by == HELD_BY else found.by
    if ident in model.bodies:
        body = model.bodies[ident]
        return Text(body.called("fr"), body.called("en"))
    if ident in model.institutions:
        inst = model.institutions[ident]
        return Text(inst.called("fr"), inst.called("en"))
    return None


def compose(model: Model, e: Event, *, cancel: bool, before: Announced | None,
            provisional: bool, announced_by: Text | None, mailbox: str,
            signature: str | Text, english: bool, follow_up: int = 0) -> Letter:
    """The letter for `e`: a convocation, an update (`before`: what was last announced), or a
    cancellation; `announced_by`: the convening ministry when the message is only an
    announcement (METHOD:PUBLISH); `follow_up`: the actions of the body's earlier meetings
    its ordre du jour opens with (meet/followup.py's « Suivi des recommandations »)."""
    lines = _letter(model, e, "fr", cancel, before, provisional, announced_by, mailbox,
                    signature, follow_up)
    if english:
        lines = [t("conv.english-below", "fr"), "", *lines, "", SEPARATOR, "",
                 *_letter(model, e, "en", cancel, before, provisional, announced_by, mailbox,
                          signature, follow_up)]
    return Letter(subject(model, e, cancel=cancel, update=before is not None,
                          provisional=provisional, publish=announced_by is not None,
                          english=english),
                  tuple(lines))


def subject(model: Model, e: Event, *, cancel: bool, update: bool, provisional: bool,
            publish: bool, english: bool = False) -> str:
    """« Convocation : Réunion mensuelle du GEC — mercredi 10 février 2027 »: the body (when
    the title does not name it), the meeting and the date; for English readers the English
    subject follows, « … / Invitation: GEC monthly meeting — Wednesday 10 February 2027 »
    (their letter has English below the French)."""
    if publish:
        key = "publish-cancel" if cancel else "publish-update" if update else "publish"
        key += "-provisional" if provisional and not cancel else ""
    elif cancel:
        key = "cancel"
    elif update:
        key = "update-provisional" if provisional else "update"
    else:
        key = "provisional" if provisional else "request"
    said = []
    for lang in ("fr", "en") if english else ("fr",):
        title = e.title.get(lang)
        short = model.bodies[e.body].short.get(lang) if e.body in model.bodies else ""
        what = title if not short or short in title else f"{short} — {title}"
        said.append(t(f"conv.subject.{key}", lang, what=what, day=format_day(e.day, lang)))
    return " / ".join(said)


def _letter(model: Model, e: Event, lang: str, cancel: bool, before: Announced | None,
            provisional: bool, announced_by: Text | None, mailbox: str,
            signature: str | Text, follow_up: int) -> list[str]:
    sender = t("conv.sender", lang)
    if announced_by is not None:
        who = _cap(announced_by.get(lang))
        intro = t("conv.publish-cancel" if cancel else "conv.publish", lang, convener=who,
                  sender=sender)
    else:
        intro = t("conv.cancel" if cancel else "conv.update" if before else "conv.invite",
                  lang, sender=sender)
    lines = [t("conv.salutation", lang), "", intro, ""]
    changes = _changes(e, lang, cancel, before, provisional)
    if changes:
        lines += [*changes, ""]
    lines.append(e.title.get(lang))
    if e.body in model.bodies:
        lines.append(t("conv.body", lang, value=model.bodies[e.body].name.get(lang)))
    lines.append(t("conv.date", lang, value=_when(model, e, lang)))
    lines.append(t("conv.place", lang, value=e.location) if e.location
                 else t("conv.place-unknown", lang))
    if e.chair is not None:
        lines.append(t("conv.chair", lang, value=e.chair.label.get(lang)))
    if e.secretariat is not None:
        lines.append(t("conv.secretariat", lang, value=e.secretariat.label.get(lang)))
    if announced_by is not None:
        lines.append(t("conv.convener", lang, value=announced_by.get(lang)))
    elif e.convened_by:  # recorded: an extraordinary GEC « convoquée par la Troïka élargie »
        lines.append(t("conv.convener", lang, value=_party(model, e.convened_by, lang)))
    if not cancel:
        if provisional:
            lines += ["", t("conv.provisional", lang)]
        lines += ["", *_agenda(model, e, lang, follow_up)]
    lines += ["", t("conv.reply-publish" if announced_by is not None or cancel
                    else "conv.reply", lang, mailbox=mailbox),
              "", t("conv.closing", lang), "",
              signature.get(lang) if isinstance(signature, Text) else signature]
    return lines


def _when(model: Model, e: Event, lang: str) -> str:
    day = format_day(e.day, lang)
    if e.last_day != e.day:
        day = t("conv.days", lang, first=day, last=format_day(e.last_day, lang))
    if e.start is None or e.end is None:
        return t("conv.all-day", lang, day=day)
    zone = model.settings.timezone
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    name = e.start.astimezone(ZoneInfo(zone)).tzname() or zone
    return t("conv.hours", lang, day=day, start=f"{e.start:%H:%M}", end=f"{e.end:%H:%M}",
             city=city, zone=name)


def _changes(e: Event, lang: str, cancel: bool, before: Announced | None,
             provisional: bool) -> list[str]:
    """What changed since `before`, each from what to what; the recorded reason with a move
    or a cancellation (`move`/`cancel --reason` keep it as the occurrence's note)."""
    why = e.note.get(lang).strip().rstrip(".") if e.note is not None else ""
    found: list[str] = []
    if cancel:
        found.append(t("conv.cancelled", lang, day=format_day(
            before.day if before else e.day, lang)))
    elif before is not None:
        if before.day != e.day:
            key = "conv.moved-later" if e.day > before.day else "conv.moved-earlier"
            found.append(t(key, lang, span=_span(before.day, e.day, lang)))
        hours = f"{e.start:%H:%M}–{e.end:%H:%M}" if e.start and e.end else None
        was = f"{before.start}–{before.end}" if before.start and before.end else None
        if before.day == e.day and hours != was and hours and was:
            found.append(t("conv.hours-changed", lang, before=was, after=hours))
        if before.location != (e.location or ""):
            if not before.location:
                found.append(t("conv.place-set", lang, after=e.location))
            elif not e.location:
                found.append(t("conv.place-unset", lang, before=before.location))
            else:
                found.append(t("conv.place-changed", lang, before=before.location,
                               after=e.location))
    # the reason goes with a move or a cancellation (what `move`/`cancel --reason` record);
    # a note beside a new place or new hours is not said to be why
    moved = cancel or (before is not None and before.day != e.day)
    sentences = [t("conv.reason" if why and moved and n == 0 else "conv.no-reason", lang,
                   what=what, why=why) for n, what in enumerate(found)]
    if before is not None and not cancel and before.tentative and not provisional:
        sentences.append(t("conv.confirmed-now", lang))
    return sentences


def _span(before: date, after: date, lang: str) -> str:
    """« du mercredi 10 au mercredi 17 février 2027 »: what the two days share said once."""
    full = format_day(before, lang)
    if before.year == after.year:
        weekday = full.split(" ", 1)[0]
        number = "1er" if lang == "fr" and before.day == 1 else str(before.day)
        full = f"{weekday} {number}"
        if before.month != after.month:
            full = format_day(before, lang).rsplit(" ", 1)[0]
    return t("conv.span", lang, before=full, after=format_day(after, lang))


def _agenda(model: Model, e: Event, lang: str, follow_up: int) -> list[str]:
    items = e.record.agenda  # the ordre du jour recorded for it (meeting.py)
    if not items and not follow_up:
        return [t("conv.agenda-later", lang)]
    lines = [t("conv.agenda", lang)]
    if follow_up:
        count = t("conv.actions" if follow_up == 1 else "conv.actions-many", lang, n=follow_up)
        lines.append(t("conv.follow-up", lang, count=count))
    if not items:
        lines.append(t("conv.agenda-rest", lang))
    for n, item in enumerate(items, 1):
        by = item.by
        if by in model.institutions:
            by = model.institutions[by].called(lang)
        elif by in model.bodies:
            by = model.bodies[by].called(lang)
        lines.append(t("conv.agenda-by", lang, n=n, title=item.title, by=by) if by
                     else t("conv.agenda-item", lang, n=n, title=item.title))
        lines += [t("conv.document", lang, url=url) for url in item.docs]
    return lines


def _party(model: Model, ident: str, lang: str) -> str:
    if ident in model.bodies:
        return model.bodies[ident].called(lang)
    if ident in model.institutions:
        return model.institutions[ident].called(lang)
    if known(f"value.{ident}"):  # a role: « la Troïka »
        return t(f"value.{ident}", lang)
    return ident


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _html(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
