"""The bilan as data for other programs: a JSON document (docs/report-json.md) and a CSV for
Excel (through sheet.py: formulas neutralised). Ids are kept, names given in `lang`."""

from __future__ import annotations

import json

from .. import i18n
from ..model import Model
from ..sheet import table
from . import Kind
from .figures import ActionCounts, Bilan
from .layout import Names
from .seal import seal

VERSION = 1
STATES = ("created", "done", "done_late", "open", "overdue", "dropped")


def _counts(c: ActionCounts) -> dict[str, int]:
    return {k: getattr(c, k) for k in STATES}


def document(b: Bilan, model: Model, lang: str) -> dict:
    n = Names(model, lang)

    def reasons(items) -> list[dict]:
        return [{"date": x.day.isoformat(), "reason": x.reason.get(lang) if x.reason else None}
                for x in items]

    doc = {
        "period": {"first": b.first, "last": b.last},
        "as_of": b.as_of.isoformat(),
        "body": b.body,
        "recorded": b.recorded,
        "bodies": [{"body": r.body, "body_name": n.body(r.body),
                    "meeting_type": r.meeting_type, "meeting_type_name": n.type(r.meeting_type),
                    "planned": r.planned, "extra": r.extra, "held": r.held,
                    "cancelled": r.cancelled, "moved": r.moved,
                    "not_recorded": r.not_recorded, "upcoming": r.upcoming,
                    "cancellations": reasons(r.cancellations), "moves": reasons(r.moves)}
                   for r in b.bodies],
        "gaps": [{"body": g.body, "longest_days": g.days,
                  "after": g.after.isoformat() if g.after else None,
                  "before": g.before.isoformat() if g.before else None,
                  "rule_days": g.rule_days, "beyond_rule": g.beyond} for g in b.gaps],
        "institutions": [{"institution": r.institution, "name": n.inst(r.institution),
                          "convened": r.convened, "present": r.present,
                          "excused": r.excused, "absent": r.absent, "rate": r.rate}
                         for r in b.institutions],
        "attendance": [{"body": a.body, "meetings": a.meetings,
                        "average_present": a.average_present, "rate": a.rate,
                        "never_attended": list(a.never)} for a in b.attendance],
        "breaches": [{"date": x.day.isoformat(), "body": x.body,
                      "meeting_type": x.meeting_type, "institutions": list(x.delegation),
                      "people": x.people} for x in b.breaches],
        "decisions": [{"body": k, "count": v} for k, v in b.decisions],
        "actions": _counts(b.actions),
        "actions_by_body": [{"body": k, **_counts(v)} for k, v in b.actions_by_body],
        "actions_by_owner": [{"owner": k, **_counts(v)} for k, v in b.actions_by_owner],
        "open_actions": [_line(a) for a in b.still_open],
        "earlier_open_actions": [_line(a) for a in b.earlier_open],
        "conformity": [{"rule": f.rule, "severity": f.severity.value, "count": f.count,
                        "title": f.title.get(lang)} for f in b.conformity],
    }
    return doc


def _line(a) -> dict:
    return {"id": a.id, "body": a.body, "owner": a.owner,
            "due": a.due.isoformat() if a.due else None, "text": a.text, "overdue": a.overdue,
            "given": a.given.isoformat() if a.given else None}


def report_json(b: Bilan, model: Model, lang: str) -> bytes:
    doc = {"version": VERSION, "lang": lang, **document(b, model, lang),
           "previous": document(b.previous, model, lang) if b.previous else None,
           "years": [document(y, model, lang) for y in b.years]}
    return seal(Kind.JSON, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode())


def report_csv(b: Bilan, model: Model, lang: str) -> bytes:
    """One long table (section, subject, detail, figure, value): Excel's pivot tables read
    it as it is. For a period of several years, each year follows with its own period; then
    the year before, when it has records."""
    n = Names(model, lang)
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows: list[list[object]] = []
    for bil in (b, *b.years, b.previous):
        if bil is None:
            continue
        p = bil.period
        for r in bil.bodies:
            for k, key in (("planned", "rep.c.planned"), ("extra", "rep.c.extra"),
                           ("held", "rep.c.held"), ("cancelled", "rep.c.cancelled"),
                           ("moved", "rep.c.moved"), ("not_recorded", "rep.c.not-recorded"),
                           ("upcoming", "rep.c.upcoming")):
                rows.append([p, t("rep.k.bodies"), n.body(r.body), n.type(r.meeting_type),
                             t(key), getattr(r, k)])
        for g in bil.gaps:
            rows.append([p, t("rep.k.gaps"), n.body(g.body), "", t("rep.c.gap"), g.days])
            rows.append([p, t("rep.k.gaps"), n.body(g.body), "", t("rep.c.rule-gap"),
                         g.rule_days])
        for r in bil.institutions:
            for k, key in (("convened", "rep.c.convened"), ("present", "rep.c.present"),
                           ("excused", "rep.c.excused"), ("absent", "rep.c.absent")):
                rows.append([p, t("rep.k.institutions"), n.inst(r.institution), "", t(key),
                             getattr(r, k)])
            rows.append([p, t("rep.k.institutions"), n.inst(r.institution), "",
                         t("rep.c.rate"), _number(r.rate, lang)])
        for a in bil.attendance:
            rows.append([p, t("rep.k.attendance"), n.body(a.body), "", t("rep.c.meetings"),
                         a.meetings])
            rows.append([p, t("rep.k.attendance"), n.body(a.body), "", t("rep.c.average"),
                         _number(a.average_present, lang)])
        for k, v in bil.decisions:
            rows.append([p, t("rep.k.decisions"), n.body(k), "", t("rep.c.decisions"), v])
        for subject, counts, section in (
                [(t("rep.total"), bil.actions, "rep.k.actions")]
                + [(n.body(k), v, "rep.k.actions-body") for k, v in bil.actions_by_body]
                + [(n.inst(k), v, "rep.k.actions-owner") for k, v in bil.actions_by_owner]):
            for k, key in zip(STATES, ("rep.c.created", "rep.c.done", "rep.c.done-late",
                                       "rep.c.open", "rep.c.overdue", "rep.c.dropped"),
                              strict=True):
                rows.append([p, t(section), subject, "", t(key), getattr(counts, k)])
        for f in bil.conformity:
            rows.append([p, t("rep.k.conformity"), f.rule, t(f"rep.sev.{f.severity.value}"),
                         t("rep.c.count"), f.count])
    header = [t(k) for k in ("rep.c.period", "rep.c.section", "rep.c.subject", "rep.c.detail",
                             "rep.c.figure", "rep.c.value")]
    return table(header, rows)


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text

