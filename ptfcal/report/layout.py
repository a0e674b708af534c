"""The bilan laid out in one language: sections of paragraphs, charts and tables, the same for
the HTML page and the .docx (so both show the same figures)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import i18n
from ..model import Model
from .charts import Chart
from .figures import ActionCounts, Bilan

STATES = ("done", "done_late", "open", "overdue", "dropped")
_STATE_KEYS = {"done": "rep.c.done", "done_late": "rep.c.done-late", "open": "rep.c.open",
               "overdue": "rep.c.overdue", "dropped": "rep.c.dropped"}


@dataclass
class Table:
    title: str | None
    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # columns aligned right


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def rate(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    number = f"{value * 100:.1f}"
    return f"{number.replace('.', ',')}\u00a0%" if lang == "fr" else f"{number}%"


def decimal(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


class Names:
    def __init__(self, model: Model, lang: str):
        self.model, self.lang = model, lang

    def body(self, ident: str) -> str:
        b = self.model.bodies.get(ident)
        return b.short.get(self.lang) if b else ident

    def type(self, ident: str) -> str:
        t = self.model.meeting_types.get(ident)
        return t.name.get(self.lang) if t else ident

    def inst(self, ident: str) -> str:
        i = self.model.institutions.get(ident)
        return i.short.get(self.lang) if i else ident

    def day(self, day) -> str:
        return i18n.format_day(day, self.lang, weekday=False)


def _t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


def header(b: Bilan, model: Model, lang: str) -> tuple[str, list[str]]:
    names = Names(model, lang)
    title = _t("rep.title", lang, period=b.period)
    lines = [_t("rep.subtitle", lang, day=names.day(b.as_of))]
    if b.body:
        lines.append(_t("rep.scope", lang, body=names.body(b.body)))
    if not b.recorded:
        lines.append(_t("rep.nothing", lang))
    return title, lines


def held_chart(b: Bilan, names: Names, lang: str) -> Chart:
    per: dict[str, list[int]] = {}
    for r in b.bodies:
        acc = per.setdefault(r.body, [0, 0])
        acc[0] += r.held
        acc[1] += r.planned + r.extra
    labels = tuple(names.body(k) for k in per)
    alt = "; ".join(_t("rep.chart.alt.held", lang, body=names.body(k), held=v[0],
                       planned=v[1]) for k, v in per.items())
    return Chart("held", _t("rep.chart.held", lang),
                 (_t("rep.c.held", lang), _t("rep.c.planned", lang)), labels,
                 tuple((v[0], v[1]) for v in per.values()),
                 alt or _t("rep.chart.empty", lang))


def participation_chart(b: Bilan, names: Names, lang: str) -> Chart:
    rows = b.institutions
    alt = "; ".join(_t("rep.chart.alt.participation", lang, institution=names.inst(r.institution),
                       present=r.present, excused=r.excused, absent=r.absent) for r in rows)
    return Chart("participation", _t("rep.chart.participation", lang),
                 (_t("rep.c.present", lang), _t("rep.c.excused", lang),
                  _t("rep.c.absent", lang)),
                 tuple(names.inst(r.institution) for r in rows),
                 tuple((r.present, r.excused, r.absent) for r in rows),
                 alt or _t("rep.chart.empty", lang))


def actions_chart(b: Bilan, lang: str) -> Chart:
    labels = tuple(_t(_STATE_KEYS[s], lang) for s in STATES)
    values = tuple((getattr(b.actions, s),) for s in STATES)
    alt = "; ".join(_t("rep.chart.alt.actions", lang, status=label, count=v[0])
                    for label, v in zip(labels, values, strict=True))
    return Chart("actions", _t("rep.chart.actions", lang), (_t("rep.c.action", lang),),
                 labels, values, alt)


def _counts(c: ActionCounts) -> list[str]:
    return [str(c.created)] + [str(getattr(c, s)) for s in STATES]


def sections(b: Bilan, model: Model, lang: str) -> list[Section]:
    names = Names(model, lang)
    c = lambda key: _t(key, lang)  # noqa: E731
    out: list[Section] = []

    # regularity
    reg = Section(c("rep.s.regularity"), charts=[held_chart(b, names, lang)],
                  paragraphs=[_t("rep.n.regularity", lang, day=names.day(b.as_of))])
    head = [c("rep.c.body"), c("rep.c.type"), c("rep.c.planned"), c("rep.c.extra"),
            c("rep.c.held"), c("rep.c.cancelled"), c("rep.c.moved"), c("rep.c.not-recorded"),
            c("rep.c.upcoming")]
    rows = [[names.body(r.body), names.type(r.meeting_type), str(r.planned), str(r.extra),
             str(r.held), str(r.cancelled), str(r.moved), str(r.not_recorded),
             str(r.upcoming)] for r in b.bodies]
    tot = b.totals
    rows.append([c("rep.total"), "", *(str(tot[k]) for k in (
        "planned", "extra", "held", "cancelled", "moved", "not_recorded", "upcoming"))])
    reg.tables.append(Table(None, head, rows, frozenset(range(2, 9))))
    if b.years:
        reg.paragraphs.append(_t("rep.n.years", lang))
        reg.tables.append(year_by_year(b, names, lang))
    changes = [[names.day(x.day), f"{names.type(r.meeting_type)} — {names.body(r.body)}",
                kind, x.reason.get(lang) if x.reason else c("rep.no-reason")]
               for r in b.bodies
               for kind, items in ((c("rep.one-cancelled"), r.cancellations),
                                   (c("rep.one-moved"), r.moves)) for x in items]
    if changes:
        reg.tables.append(Table(c("rep.s.cancelled"), [c("rep.c.date"), c("rep.c.what"),
                                                       "", c("rep.c.reason")], changes))
    gaps = [[names.body(g.body),
             (str(g.days) + (f" ({c('rep.beyond')})" if g.beyond else "")) if g.after
             else c("rep.no-gap"),
             f"{names.day(g.after)} — {names.day(g.before)}" if g.after and g.before else "",
             str(g.rule_days) if g.rule_days else "—"] for g in b.gaps]
    reg.tables.append(Table(c("rep.s.gaps"), [c("rep.c.body"), c("rep.c.gap"),
                                              c("rep.c.between"), c("rep.c.rule-gap")], gaps,
                            frozenset({1, 3})))
    out.append(reg)

    # participation
    part = Section(c("rep.s.participation"), charts=[participation_chart(b, names, lang)],
                   paragraphs=[_t("rep.n.participation", lang,
                                  count=sum(a.meetings for a in b.attendance))])
    part.tables.append(Table(None, [c("rep.c.institution"), c("rep.c.convened"),
                                    c("rep.c.present"), c("rep.c.excused"), c("rep.c.absent"),
                                    c("rep.c.rate")],
                             [[names.inst(r.institution), str(r.convened), str(r.present),
                               str(r.excused), str(r.absent), rate(r.rate, lang)]
                              for r in b.institutions], frozenset(range(1, 6))))
    part.tables.append(Table(c("rep.s.per-body"), [c("rep.c.body"), c("rep.c.meetings"),
                                                   c("rep.c.average"), c("rep.c.rate"),
                                                   c("rep.c.never")],
                             [[names.body(a.body), str(a.meetings),
                               decimal(a.average_present, lang), rate(a.rate, lang),
                               ", ".join(names.inst(i) for i in a.never) or c("rep.none")]
                              for a in b.attendance], frozenset({1, 2, 3})))
    part.tables.append(Table(c("rep.s.breaches"), [c("rep.c.date"), c("rep.c.what"),
                                                   c("rep.c.delegation"), c("rep.c.people")],
                             [[names.day(x.day),
                               f"{names.type(x.meeting_type)} — {names.body(x.body)}",
                               ", ".join(names.inst(i) for i in x.delegation), str(x.people)]
                              for x in b.breaches], frozenset({3})))
    out.append(part)

    # decisions and follow-up
    follow = Section(c("rep.s.follow-up"), charts=[actions_chart(b, lang)])
    count_head = [c("rep.c.created"), *(c(_STATE_KEYS[s]) for s in STATES)]
    decided = dict(b.decisions)
    by_body = dict(b.actions_by_body)
    bodies = [k for k in dict.fromkeys([*decided, *by_body])]
    follow.tables.append(Table(None, [c("rep.c.body"), c("rep.c.decisions"), *count_head],
                               [[names.body(k), str(decided.get(k, 0)),
                                 *_counts(by_body.get(k, ActionCounts()))] for k in bodies]
                               + [[c("rep.total"), str(sum(decided.values())),
                                   *_counts(b.actions)]], frozenset(range(1, 8))))
    follow.tables.append(Table(c("rep.s.by-owner"), [c("rep.c.owner"), *count_head],
                               [[names.inst(k), *_counts(v)] for k, v in b.actions_by_owner],
                               frozenset(range(1, 7))))
    follow.tables.append(Table(c("rep.s.open"), ["", c("rep.c.action"), c("rep.c.body"),
                                                 c("rep.c.owner"), c("rep.c.due"), ""],
                               [[a.id, a.text, names.body(a.body), names.inst(a.owner),
                                 names.day(a.due) if a.due else c("rep.no-due"),
                                 c("rep.c.overdue") if a.overdue else c("rep.c.open")]
                                for a in b.still_open]))
    if b.earlier_open:
        follow.tables.append(Table(c("rep.s.earlier"), ["", c("rep.c.action"), c("rep.c.body"),
                                                        c("rep.c.given"), c("rep.c.owner"),
                                                        c("rep.c.due"), ""],
                                   [[a.id, a.text, names.body(a.body),
                                     names.day(a.given) if a.given else "",
                                     names.inst(a.owner),
                                     names.day(a.due) if a.due else c("rep.no-due"),
                                     c("rep.c.overdue") if a.overdue else c("rep.c.open")]
                                    for a in b.earlier_open]))
    out.append(follow)

    # conformity
    conf = Section(c("rep.s.conformity"), paragraphs=[c("rep.n.conformity")])
    conf.tables.append(Table(None, [c("rep.c.rule"), c("rep.c.severity"), c("rep.c.count"),
                                    ""],
                             [[f.rule, c(f"rep.sev.{f.severity.value}"), str(f.count),
                               f.title.get(lang)] for f in b.conformity], frozenset({2})))
    out.append(conf)

    if b.previous is not None:
        out.append(comparison(b, b.previous, lang))
    return out


def year_by_year(b: Bilan, names: Names, lang: str) -> Table:
    """Per body, « held / planned » for each year of the period; then the attendance rate."""
    bodies = list(dict.fromkeys(r.body for y in (b, *b.years) for r in y.bodies))

    def cell(y: Bilan, body: str | None) -> str:
        rows = [r for r in y.bodies if body is None or r.body == body]
        return f"{sum(r.held for r in rows)}/{sum(r.planned + r.extra for r in rows)}"

    rows = [[names.body(k), *(cell(y, k) for y in b.years)] for k in bodies]
    rows.append([_t("rep.total", lang), *(cell(y, None) for y in b.years)])
    rows.append([_t("rep.c.rate", lang),
                 *(rate(headline(y)["rep.rate-overall"], lang) for y in b.years)])
    return Table(_t("rep.s.years", lang), [_t("rep.c.body", lang),
                                           *(str(y.first) for y in b.years)], rows,
                 frozenset(range(1, len(b.years) + 1)))


def headline(b: Bilan) -> dict[str, object]:
    """The figures compared with the year before."""
    convened = sum(r.convened for r in b.institutions)
    present = sum(r.present for r in b.institutions)
    tot = b.totals
    return {"rep.c.planned": tot["planned"], "rep.c.held": tot["held"],
            "rep.c.cancelled": tot["cancelled"],
            "rep.rate-overall": present / convened if convened else None,
            "rep.c.decisions": sum(n for _, n in b.decisions),
            "rep.c.created": b.actions.created, "rep.c.done": b.actions.done,
            "rep.c.overdue": b.actions.overdue,
            "rep.findings-errors": sum(f.count for f in b.conformity
                                       if f.severity.value == "error"),
            "rep.findings-warnings": sum(f.count for f in b.conformity
                                         if f.severity.value == "warning")}


def comparison(b: Bilan, prev: Bilan, lang: str) -> Section:
    now, before = headline(b), headline(prev)

    def show(v: object) -> str:
        return rate(v, lang) if isinstance(v, float) or v is None else str(v)

    rows = [[_t(k, lang), show(before[k]), show(now[k])] for k in now]
    return Section(_t("rep.s.previous", lang, year=prev.period),
                   tables=[Table(None, [_t("rep.c.figure", lang), prev.period, b.period], rows,
                                 frozenset({1, 2}))])
