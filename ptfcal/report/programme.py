"""The year's programme the annual retreat adopts (« adopter le programme de l'année », 000):
its meetings by body and month, its legal deadlines and who holds its roles, laid out as the
bilan is (sections of tables) for the HTML page and the .docx."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from .. import i18n
from ..model import Event, EventKind, Model, Status
from .layout import Names, Section, Table


def _t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


def header(model: Model, year: int, as_of: date, lang: str) -> tuple[str, list[str]]:
    return (_t("rep.p.title", lang, year=year),
            [_t("rep.p.subtitle", lang, day=Names(model, lang).day(as_of))])


def sections(model: Model, year: int, events: list[Event], lang: str,
             body: str | None = None) -> list[Section]:
    names = Names(model, lang)
    live = [e for e in events if e.status is not Status.CANCELLED
            and (body is None or body in e.bodies)]
    grid: dict[tuple[str, str], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    marked = False
    for e in live:
        if e.kind is not EventKind.MEETING:
            continue
        mark = "*" if e.pending is not None else ""
        marked |= bool(mark)
        grid[(e.body, e.meeting_type)][e.day.month].append(f"{e.day.day}{mark}")
    bodies, types = list(model.bodies), list(model.meeting_types)
    order = sorted(grid, key=lambda k: (bodies.index(k[0]) if k[0] in bodies else 999,
                                        types.index(k[1]) if k[1] in types else 999, k))
    months = i18n.MONTHS_SHORT[lang]
    meetings = Section(_t("rep.p.meetings", lang))
    if marked:
        meetings.paragraphs.append(f"* {_t('rep.p.tentative', lang)}")
    meetings.tables.append(Table(
        None, [_t("rep.c.body", lang), _t("rep.c.type", lang), *months],
        [[names.body(b), names.type(t), *(", ".join(grid[(b, t)].get(m, [])) or ""
                                          for m in range(1, 13))] for b, t in order]))
    deadlines = Section(_t("rep.p.deadlines", lang))
    deadlines.tables.append(Table(None, [_t("rep.c.date", lang), _t("rep.p.deadline", lang)],
                                  [[names.day(e.day), e.title.get(lang)] for e in live
                                   if e.kind is EventKind.DEADLINE]))
    return [meetings, deadlines, roles(model, year, lang)]


def roles(model: Model, year: int, lang: str) -> Section:
    names = Names(model, lang)
    section = Section(_t("rep.p.roles", lang))
    held = model.roles.get(year)
    if held is None:
        section.paragraphs.append(_t("rep.p.no-roles", lang, year=year))
        return section

    def who(ids) -> str:
        return ", ".join(names.inst(i) for i in ids if i) or "—"

    rows = [[_t("rep.p.cdf", lang), who([held.chef_de_file])],
            [_t("rep.p.deputy", lang), who([held.cdf_deputy])],
            [_t("rep.p.troika", lang), who(held.troika)],
            [_t("rep.p.un", lang), who([held.un_coordinating_agency])]]
    rows += [[_t("rep.p.tripartite", lang, body=names.body(b)), who(insts)]
             for b, insts in sorted(held.tripartite.items(),
                                    key=lambda kv: names.body(kv[0]).casefold())]
    section.tables.append(Table(None, [_t("rep.p.role", lang), _t("rep.p.holder", lang)],
                                rows))
    return section
