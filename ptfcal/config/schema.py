"""The schema of every configuration file: records and their fields (key, converter,
required, meaning). The single truth of what the loader accepts; docs.py generates the
configuration reference from FILE_SCHEMAS."""

from __future__ import annotations

import re
from typing import Any

from .. import i18n
from ..meeting import ACTION_ID, ActionStatus
from ..model import (
    HELD_BY,
    ISLAMIC_HOLIDAYS,
    CombinedWith,
    Convener,
    EventKind,
    FirstAfter,
    InstitutionKind,
    Level,
    NthWeekday,
    Relative,
    SeatKind,
    SeatRule,
    SeatWho,
    Severity,
    ShiftPolicy,
    Source,
    Spread,
    Text,
    Window,
)
from . import vocab
from .converters import WEEKDAY, EraDate, HeldBy, Months, SelectorConv, Vocab, Within
from .reader import (
    INVALID,
    Bool,
    Choice,
    Date,
    Field,
    IdRef,
    Int,
    ListOf,
    MapOf,
    Record,
    Str,
    TextConv,
    TimeOfDay,
    TimeRange,
)


def _source(values: dict, node, path, ctx) -> Source:
    return Source(
        text=values["text"],
        ref=values.get("ref"),
        quote=values.get("quote"),
        legal_basis=values.get("legal_basis", ()),
        note=values.get("note"),
    )


SOURCE = Record(
    Text("source", "source"),
    {
        "text": Field(IdRef("text"), True, "id of the source text (000…004) or legal text"),
        "ref": Field(Str(), False, "section, article or passage"),
        "quote": Field(Str(), False, "the exact words of the text"),
        "legal_basis": Field(ListOf(IdRef("text")), False, "legal texts the rule rests on"),
        "note": Field(Str(), False, "[PROPOSAL] / [INFERRED] and why"),
    },
    _source,
)

class _ConvenerRef(IdRef):
    """A party, or `held-by`: the body that holds each occurrence."""

    def __init__(self) -> None:
        super().__init__("party")
        self.expected = Text("un identifiant d'instance ou d'institution, ou held-by",
                             "a body or institution id, or held-by")

    def __call__(self, node, path, ctx):
        if getattr(node, "value", None) == HELD_BY:
            return HELD_BY
        return super().__call__(node, path, ctx)


CONVENER = Record(
    Text("qui convoque", "who convenes"),
    {
        "by": Field(_ConvenerRef(), True, "the party that convenes (a ministry), or held-by: "
                    "the body holding each occurrence"),
        "source": Field(SOURCE, True, "the text that says so"),
    },
    lambda values, node, path, ctx: Convener(values["by"], values["source"]),
)

WINDOW = Text("une période", "a window")
LEVEL = Choice(Level, Text("un niveau", "a level"))


def _marked(values: dict, node, path, ctx) -> dict:
    """Keep where a record starts, to point at it in later errors."""
    values.pop("_nodes", None)
    return {**values, "_mark": ctx.mark(node)}


# --- rules ---------------------------------------------------------------------------------------


def _rule(values: dict, node, path, ctx) -> Any:
    """A `rule:` mapping -> (Rule, until-limit or None)."""
    nodes = values.pop("_nodes")
    keys = set(values) - {"_mark"}

    def at(key: str):  # the value node of `key`, to point errors at it
        return nodes.get(key, node)

    for alone in ("combined_with", "deadline"):
        if alone in keys and keys != {alone}:
            return ctx.problem(node, path, i18n.text("ld.alone", key=alone,
                                                     others=", ".join(sorted(keys - {alone}))))
    if "combined_with" in keys:
        return CombinedWith(values["combined_with"]), None
    if "deadline" in keys:
        return values["deadline"], None
    if "day" not in keys:
        return ctx.problem(node, path, i18n.text("ld.rule-needs"))
    day = values["day"]
    until = values.get("until")
    folded = vocab._fold(day)
    try:
        if folded in ("first after", "premier apres", "premiere apres"):
            if "of" not in keys or "after" not in keys:
                return ctx.problem(node, path, i18n.text("ld.first-after"))
            return FirstAfter(values["of"], values["after"]), until
        if vocab.is_relative(day):
            if "of" not in keys:
                return ctx.problem(node, f"{path}.of", i18n.text("ld.relative-of", day=day))
            kind, amount, wd = vocab.offset(day)
            return Relative(values["of"], kind, amount, wd, values.get("months")), until
        if folded not in SPREAD and folded not in SPREAD_MONTHLY:
            ordinal, wd = vocab.nth_weekday(day)
    except vocab.VocabError as exc:
        return ctx.problem(at("day"), f"{path}.day", exc.text)
    if "months" not in keys:
        return ctx.problem(node, f"{path}.months", i18n.text("ld.needs-months", day=day))
    if {"of", "after"} & keys:
        return ctx.problem(node, path, i18n.text("ld.not-relative", day=day))
    months = values["months"]
    if until is not None:
        late = [m for m in months if m > until.month or (m == until.month and until.strict
                                                           and until.day == 1)]
        if late:
            names = Text(", ".join(vocab.MONTHS["fr"][m - 1] for m in late),
                         ", ".join(vocab.MONTHS["en"][m - 1] for m in late))
            limit = Text(i18n.deadline_words(until, "fr"), i18n.deadline_words(until, "en"))
            return ctx.problem(at("until"), f"{path}.until",
                               i18n.text("ld.after-limit", months=names, limit=limit))
    if folded in SPREAD or folded in SPREAD_MONTHLY:
        return Spread(months, folded in SPREAD_MONTHLY), until
    if ordinal == 5:
        return ctx.problem(at("day"), f"{path}.day", i18n.text(
            "ld.fifth", weekday=Text(vocab.WEEKDAYS["fr"][wd], vocab.WEEKDAYS["en"][wd])))
    return NthWeekday(ordinal, wd, months), until


SPREAD = ("spread", "reparti", "repartis")
SPREAD_MONTHLY = ("spread monthly", "spread each month", "reparti chaque mois",
                  "repartis chaque mois")

DEADLINE_WORDS = Text("« before 15 january » ou « by 31 march »",
                      "'before 15 january' or 'by 31 march'")

RULE = Record(
    Text("règle", "rule"),
    {
        "day": Field(Str(), False, "'second wednesday', 'tuesday before', '7 days before', "
                     "'first after', 'spread' or 'spread monthly' (placeholders)"),
        "months": Field(Months(), False, "months the rule applies to"),
        "of": Field(IdRef("meeting-type"), False, "the meeting type a relative day refers to"),
        "after": Field(IdRef("meeting-type"), False, "with 'first after': the earlier meeting"),
        "deadline": Field(Vocab(vocab.deadline, DEADLINE_WORDS), False,
                          "a legal deadline: 'before D' excludes D itself, 'by D' includes it"),
        "combined_with": Field(IdRef("meeting-type"), False,
                               "held as one event with another meeting type"),
        "until": Field(Vocab(vocab.deadline, DEADLINE_WORDS), False,
                       "generated dates stay before this limit"),
    },
    _rule,
)


# --- file schemas --------------------------------------------------------------------------------

SETTINGS_FIELDS = {
    "timezone": Field(Str(Text("un fuseau horaire IANA", "an IANA time zone")), True,
                      "time zone of every meeting (A-23)"),
    "working_days": Field(ListOf(WEEKDAY, min_items=1), True, "working week (A-23)"),
    "holidays_country": Field(Str(Text("un code pays de deux lettres",
                                       "a two-letter country code"),
                                  re.compile(r"^[A-Z]{2}$")), True,
                              "country of the public holidays (package `holidays`)"),
    "language": Field(Str(Text("fr ou en", "fr or en"), re.compile(r"^(fr|en)$")), True,
                      "language of the feeds at today's addresses and of the terminal"),
    "languages": Field(ListOf(Str(Text("fr ou en", "fr or en"), re.compile(r"^(fr|en)$")),
                              min_items=1), False,
                       "every language published (default: fr and en); the others than "
                       "`language` under OUT/feeds/<lang>/ and OUT/<year>/<lang>/"),
    "reform_effective_date": Field(Date(), True, "2019 architecture before, 5 GT PTF from (A-01)"),
    "secretariat_handover": Field(Date(), True, "Pool Technique before, SEG from (003)"),
    "strict_deadlines": Field(Bool(), True, "'avant le 30 avril' excludes the 30th (A-16)"),
    "placeholders": Field(ListOf(IdRef("meeting-type")), False,
                          "meeting types whose placeholder rules are switched on (A-22, A-41)"),
    "uid_domain": Field(Str(Text("un nom de domaine", "a domain name"),
                            re.compile(r"^[A-Za-z0-9.-]+$")), True,
                        "right-hand side of every UID"),
    "calendar_name": Field(TextConv(), True, "prefix of every feed name"),
    "feeds": Field(Record(Text("flux", "feeds"), {
        "years_before": Field(Int(0, 10), True, "years before the current one in OUT/feeds"),
        "years_after": Field(Int(0, 10), True, "years after the current one in OUT/feeds"),
        "refresh_hours": Field(Int(1, 168), True, "refresh hint of every feed, in hours"),
        "base_url": Field(Str(Text("une adresse http(s)", "an http(s) URL"),
                              re.compile(r"^(https?://\S+)?$")), False,
                          "where OUT is published (links of index.html)"),
    }), True, "subscription feeds"),
}

TEXT_RECORD = Record(
    Text("texte", "text"),
    {
        "id": Field(IdRef(), True, "id used by `source.text` and `legal_basis`"),
        "title": Field(Str(), True, "title as in the document"),
        "note": Field(TextConv(), False, "dating, era"),
    },
    _marked,
)

CATEGORY_RECORD = Record(
    Text("catégorie", "category"),
    {
        "id": Field(IdRef(), True, "the `category` of bodies"),
        "name": Field(TextConv(), True, "its name, plural (« Groupes de Dialogue »)"),
        "called": Field(TextConv(), False, "one of its bodies in a sentence, article first, "
                        "{name} standing for the body's name (« le Groupe de Dialogue {name} »)"),
    },
    _marked,
)

INSTITUTION_RECORD = Record(
    Text("institution", "institution"),
    {
        "id": Field(IdRef(), True, "kebab-case id"),
        "name": Field(TextConv(), True, "full name"),
        "short": Field(TextConv(), False, "acronym or short name"),
        "kind": Field(Choice(InstitutionKind, Text("un genre d'institution",
                                                    "a kind of institution")), True,
                      "bilateral / multilateral / un (GA membership, One UN rule)"),
        "article": Field(Str(Text("le, la, l' ou les", "le, la, l' or les"),
                             re.compile(r"^(le|la|l'|les)$")), False,
                         "the French article before its name in a sentence"),
        "article_en": Field(Str(Text("the", "the"), re.compile(r"^the$")), False,
                            "the English article before its name, if it takes one"),
        "country": Field(IdRef(), False, "the country or organisation it represents: its "
                         "delegation's id (France and AFD: france); default: its own id"),
        "valid_from": Field(Date(), False, "first day it takes part (default: always)"),
        "valid_until": Field(Date(), False, "last day it takes part (a partner that left)"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, False, "where its arrival or departure is recorded"),
    },
    _marked,
)

ROLES_RECORD = Record(
    Text("rôles de l'année", "year roles"),
    {
        "year": Field(Int(1990, 2200), True, "calendar year (CdF term, A-34)"),
        "chef_de_file": Field(IdRef("institution"), False, "Chef de file des PTF"),
        "cdf_deputy": Field(IdRef("institution"), False, "« sa suppléance de l'année » (A-35)"),
        "troika": Field(ListOf(IdRef("institution")), False, "Troïka (élargie)"),
        "un_coordinating_agency": Field(IdRef("institution"), False,
                                        "the UN agency that coordinates the UN system"),
        "tripartite": Field(MapOf(IdRef("body"), ListOf(IdRef("institution"))), False,
                            "GT PTF id -> its three institutions"),
        "nexus_focal_points": Field(MapOf(IdRef("body"), IdRef("institution")), False,
                                    "Groupe de Dialogue id -> its Nexus focal point (C-GD-5)"),
        "gd_members": Field(MapOf(IdRef("body"), MapOf(IdRef("institution"),
                                                       ListOf(Str(Text("un nom", "a name"))))),
                            False,
                            "Groupe de Dialogue id -> institution -> [expert, binôme] (C-GD-8)"),
        "source": Field(SOURCE, False, "where the roles are recorded"),
    },
    _marked,
)

BODY_RECORD = Record(
    Text("instance", "body"),
    {
        "id": Field(IdRef(), True, "kebab-case id (RULES.md)"),
        "name": Field(TextConv(), True, "full name"),
        "short": Field(TextConv(), False, "acronym or short name"),
        "article": Field(Str(Text("le, la, l' ou les", "le, la, l' or les"),
                             re.compile(r"^(le|la|l'|les)$")), False,
                         "the French article before its name in a sentence"),
        "article_en": Field(Str(Text("the", "the"), re.compile(r"^the$")), False,
                            "the English article before its name, if it takes one"),
        "level": Field(LEVEL, True, "political, technical, joint, ad-hoc, support, government"),
        "category": Field(IdRef(), True, "family of bodies (gt-ptf, gd, cps...)"),
        "parent": Field(IdRef("body"), False, "body it belongs to"),
        "valid_from": Field(EraDate(), False, "first day it exists ('reform' = the reform date)"),
        "valid_until": Field(EraDate(), False, "last day it exists ('reform' = the day before "
                             "the reform date)"),
        "chair": Field(SelectorConv(), False, "who chairs it"),
        "vice_chair": Field(SelectorConv(), False, "who vice-chairs it (the GT CREDD)"),
        "secretariat": Field(SelectorConv(), False, "who serves as its secretariat"),
        "members": Field(SelectorConv(), False, "who takes part"),
        "lead": Field(ListOf(IdRef("institution")), False, "lead institution(s)"),
        "lead_as_of": Field(Int(1990, 2200), False, "the year `lead` is known for (later "
                            "years show it « à confirmer »)"),
        "faces": Field(ListOf(IdRef("body")), False, "CPS sub-groups a GD faces (A-25)"),
        "pairs_with": Field(ListOf(IdRef("body")), False, "clusters on the same theme (A-30)"),
        "former": Field(ListOf(IdRef("body")), False, "2019 groups it continues"),
        "also_under": Field(ListOf(IdRef("body")), False, "other bodies it belongs to (a CPS "
                            "under two GT CREDD)"),
        "team": Field(Int(1, 50), False, "meetings it can serve at once as a secretariat "
                      "(default 1; the SEG is a team)"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, True, "where it is described"),
    },
    _marked,
)

SEAT_RECORD = Record(
    Text("siège", "seat"),
    {
        "who": Field(Choice(SeatWho, Text("un groupe de sièges", "a group of seats")), True,
                     "whose seats, in the group(s) of `in`"),
        "seat": Field(Choice(SeatKind, Text("un siège", "a seat")), True,
                      "the seat (`ambassador`: the ambassador of a bilateral, the head of a "
                      "multilateral, who « ont rang d'ambassadeur »)"),
        "in": Field(Within(), False, "the group(s): self (default), parent, facing, paired, "
                    "'every <category>' or a body id"),
        "optional": Field(Bool(), False, "true: convened in Cc, may attend (default: required)"),
        "source": Field(SOURCE, False, "the text that says who sits"),
    },
    lambda v, node, path, ctx: SeatRule(v["who"], v["seat"], v.get("in", ("self", "")),
                                        v.get("optional", False), v.get("source")),
)

MEETING_RECORD = Record(
    Text("type de réunion", "meeting type"),
    {
        "id": Field(IdRef(), True, "kebab-case id (RULES.md §4)"),
        "name": Field(TextConv(), True, "name, also the event title"),
        "short": Field(TextConv(), False, "short label (month grids, planner)"),
        "kind": Field(Choice(EventKind, Text("une nature", "a kind")), True,
                      "meeting (timed, busy) or deadline (all-day, free)"),
        "level": Field(LEVEL, True, "level of the meetings"),
        "held_by": Field(HeldBy(), True, "body, bodies, or 'every <category>'"),
        "rule": Field(RULE, False, "date rule; none = entered in years/*.yaml only"),
        "generate": Field(Bool(), False, "false: a placeholder rule, switched on by "
                          "`placeholders` in ptfcal.yaml"),
        "flexible": Field(Bool(), False, "`ptfcal plan` may move its occurrences within "
                          "`shift_within`"),
        "time": Field(TimeRange(), False, "local time (A-07)"),
        "stagger": Field(ListOf(TimeRange()), False, "other hours for an occurrence that "
                         "shares people with one of the same type at `time` (A-56)"),
        "days": Field(Int(1, 31), False, "number of days (A-08)"),
        "shift": Field(Choice(ShiftPolicy, Text("une règle de report", "a shift policy")), False,
                       "when a date is not a working day (A-03)"),
        "shift_within": Field(Choice(Window, WINDOW), False,
                              "a moved date stays in this window"),
        "chair": Field(SelectorConv(), False, "who chairs (default: the body's chair)"),
        "secretariat": Field(SelectorConv(), False, "secretariat (default: the body's)"),
        "participants": Field(SelectorConv(), False, "who takes part (default: body members)"),
        "seats": Field(ListOf(SEAT_RECORD), False, "who is convened, seat by seat "
                       "(`lists`, `invite`)"),
        "combined_title": Field(TextConv(), False, "title of the combined event"),
        "avoid_august": Field(Bool(), False, "generated dates skip August (C-GEN-5)"),
        "tentative": Field(Bool(), False, "rule dates nobody confirmed are published as "
                           "tentative (default: true for meetings, false for deadlines)"),
        "convened_by": Field(CONVENER, False, "who convenes (default: the PTF secretariat); "
                             "a government party: `invite` announces it, never as a request"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, True, "text the rule comes from"),
    },
    _marked,
)


OFFICIAL_DATE_RECORD = Record(
    Text("date officielle", "official date"),
    {
        "holiday": Field(Str(Text.same(" / ".join(ISLAMIC_HOLIDAYS)),
                             re.compile("^(" + "|".join(ISLAMIC_HOLIDAYS) + ")$")),
                         True, "which holiday: " + ", ".join(ISLAMIC_HOLIDAYS)),
        "date": Field(Date(), True, "the officially announced date"),
        "source": Field(Str(), False, "communiqué or decree that announced it"),
    },
    _marked,
)
def _day_off(values: dict, node, path, ctx) -> Any:
    """One date, or a day of the year with `every_year_from` (a legal day the package lacks)."""
    values = _marked(values, node, path, ctx)
    if ("date" in values) == ("day" in values):
        return ctx.problem(node, path, i18n.text("ld.day-off-date"))
    if "day" in values and "every_year_from" not in values:
        return ctx.problem(node, f"{path}.every_year_from", i18n.text("ld.day-off-every"))
    if "date" in values and ("every_year_from" in values or "every_year_until" in values):
        return ctx.problem(node, f"{path}.day", i18n.text("ld.day-off-every"))
    if values.get("every_year_until", 9999) < values.get("every_year_from", 0):
        return ctx.problem(node, f"{path}.every_year_until",
                           i18n.text("ld.until-before", end=values["every_year_until"],
                                     start=values["every_year_from"]))
    return values


DAY_OFF_RECORD = Record(
    Text("jour chômé", "day off"),
    {
        "date": Field(Date(), False, "the day (a one-off day off)"),
        "day": Field(Vocab(vocab.day_of_year, Text("un jour de l'année comme « 14 janvier »",
                                                   "a day of the year such as '14 january'")),
                     False, "the day of each year (with every_year_from)"),
        "every_year_from": Field(Int(1990, 2200), False,
                                 "a legal day off the package lacks: every year from this one"),
        "every_year_until": Field(Int(1990, 2200), False, "…to this one (default: every year)"),
        "until": Field(TimeOfDay(), False, "a half day off: the day is worked until this time "
                       "(\"12:30\": « fin des services fixée à 12h30 »), off after it"),
        "name": Field(TextConv(), True, "why it is off"),
        "source": Field(Str(), False, "communiqué or decree"),
    },
    _day_off,
)
NOT_HOLIDAY_RECORD = Record(
    Text("jour travaillé", "not a holiday"),
    {
        "date": Field(Date(), True, "a day the package lists that was worked"),
        "source": Field(Str(), False, "why"),
    },
    _marked,
)

ATTENDANCE = MapOf(IdRef("institution"), Int(0, 99))

# --- a meeting's record (ptfcal/meeting.py): ordre du jour, presence, decisions, actions ----------

MAX_ITEMS = 200  # agenda items, decisions or actions of one meeting (a long GEC has ~10)
ITEM = Int(1, MAX_ITEMS)
INSTITUTIONS = ListOf(IdRef("institution"))
URL = Str(Text("une adresse http(s)", "an http(s) URL"), re.compile(r"^https?://\S+$"))

AGENDA_RECORD = Record(
    Text("point de l'ordre du jour", "agenda item"),
    {
        "title": Field(Str(), True, "the item's title"),
        "by": Field(IdRef("institution"), False, "presenting institution"),
        "docs": Field(ListOf(URL), False, "links to its documents"),
    },
    _marked,
)
def _with_marks(values: dict, node, path, ctx) -> dict:
    """`_marked`, with where each key's value is (`_marks`), for the record's later checks."""
    marks = {key: ctx.mark(n) for key, n in values.get("_nodes", {}).items()}
    return {**_marked(values, node, path, ctx), "_marks": marks}


DECISION_RECORD = Record(
    Text("décision", "decision"),
    {
        "text": Field(Str(), True, "what was decided"),
        "item": Field(ITEM, False, "number of its agenda item (1 = the first)"),
    },
    _with_marks,
)
ACTION_RECORD = Record(
    Text("action", "action"),
    {
        "id": Field(Str(Text("un identifiant d'action comme A-2027-001",
                             "an action id such as A-2027-001"), ACTION_ID), True,
                    "stable id: A-<year of the meeting>-<number>, given by `ptfcal action`"),
        "text": Field(Str(), True, "what is to be done"),
        "owner": Field(IdRef("institution"), True, "institution responsible"),
        "due": Field(Date(), False, "deadline (not before the meeting)"),
        "item": Field(ITEM, False, "number of its agenda item"),
        "status": Field(Choice(ActionStatus, Text("un état d'action", "an action status")),
                        False, "open (default), done or dropped"),
        "done_on": Field(Date(), False, "the day it was done or dropped"),
        "note": Field(Str(), False, "remark on its follow-up"),
    },
    _with_marks,
)
MEETING_FIELDS = {
    "agenda": Field(ListOf(AGENDA_RECORD, single_ok=False), False, "ordre du jour, in order"),
    "excused": Field(INSTITUTIONS, False, "institutions excused"),
    "absent": Field(INSTITUTIONS, False, "institutions absent"),
    "decisions": Field(ListOf(DECISION_RECORD, single_ok=False), False, "decisions taken"),
    "actions": Field(ListOf(ACTION_RECORD, single_ok=False), False,
                     "actions given, followed up until done or dropped"),
}


def _with_record(values: dict, node, path, ctx) -> Any:
    """A recorded occurrence or event, its meeting record checked in itself: no institution
    both present and excused or absent, decisions and actions on an existing agenda item, no
    status date on an open action."""
    nodes = values.get("_nodes", {})
    ok = True
    seen: dict[str, str] = {inst: "attendance" for inst in values.get("attendance", {})}
    for key in ("excused", "absent"):
        for inst in values.get(key, ()):
            if inst in seen:
                ok = ctx.problem(nodes.get(key, node), f"{path}.{key}", i18n.text(
                    "mt.presence-twice", inst=repr(inst), key=key, other=seen[inst])) and False
            seen.setdefault(inst, key)
    for key in ("agenda", "decisions", "actions"):
        if len(values.get(key, ())) > MAX_ITEMS:
            ok = ctx.problem(nodes.get(key, node), f"{path}.{key}", i18n.text(
                "mt.too-many", key=key, count=len(values[key]), limit=MAX_ITEMS)) and False
    items = len(values.get("agenda", ()))
    for key in ("decisions", "actions"):
        for i, entry in enumerate(values.get(key, ())):
            if entry.get("item") is not None and entry["item"] > items:
                mark = entry.get("_marks", {}).get("item", entry["_mark"])
                ctx.out.add(mark, f"{path}.{key}[{i}].item",
                            i18n.text("mt.no-item", item=entry["item"], count=items))
                ok = False
    day = values.get("date") or values.get("nominal")  # the meeting's day
    for i, action in enumerate(values.get("actions", ())):
        marks, at = action["_marks"], f"{path}.actions[{i}]"
        problems = []
        status = action.get("status", ActionStatus.OPEN)
        if status is ActionStatus.OPEN and action.get("done_on") is not None:
            problems.append(("done_on", i18n.text("mt.open-done-on", id=action["id"])))
        if day is not None and action.get("due") is not None and action["due"] < day:
            problems.append(("due", i18n.text("mt.due-before", id=action["id"],
                                              due=action["due"], day=day)))
        if day is not None and action.get("done_on") is not None and action["done_on"] < day:
            problems.append(("done_on", i18n.text("mt.done-before", id=action["id"],
                                                  done=action["done_on"], day=day)))
        given = int(ACTION_ID.match(action["id"])["year"])
        if day is not None and given != day.year:
            problems.append(("id", i18n.text("mt.id-year", id=action["id"], given=given,
                                             year=day.year)))
        for key, message in problems:
            ctx.out.add(marks.get(key, action["_mark"]), f"{at}.{key}", message)
            ok = False
    values = _marked(values, node, path, ctx)
    return values if ok else INVALID

OCCURRENCE_RECORD = Record(
    Text("occurrence enregistrée", "recorded occurrence"),
    {
        "type": Field(IdRef("meeting-type"), True, "meeting type of the occurrence"),
        "body": Field(IdRef("body"), False, "body (needed when the type has several)"),
        "nominal": Field(Date(), True, "the date the rule gives (identifies the occurrence)"),
        "date": Field(Date(), False, "the actual date"),
        "time": Field(TimeRange(), False, "the actual time"),
        "days": Field(Int(1, 31), False, "number of days"),
        "cancelled": Field(Bool(), False, "the occurrence is not held"),
        "rescheduled": Field(Bool(), False, "deliberately off the rule's day (C-GEC-1, A-02)"),
        "planned": Field(Bool(), False, "a date set when planning the year (`ptfcal plan`): "
                         "the occurrence stays planned, not confirmed"),
        "enlarged_to": Field(ListOf(IdRef("party-or-category")), False,
                             "bodies invited in addition (A-06)"),
        "location": Field(Str(), False, "place"),
        "chair": Field(SelectorConv(), False, "who actually chaired (checked: C-GEC-5, C-GA-3)"),
        "secretariat": Field(SelectorConv(), False, "who actually served (checked: C-GEC-7)"),
        "participants": Field(SelectorConv(), False, "who actually took part"),
        "attendance": Field(ATTENDANCE, False, "people per institution present (checked: "
                            "C-GEC-6)"),
        **MEETING_FIELDS,
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, False, "where this fact is recorded"),
    },
    _with_record,
)

EVENT_RECORD = Record(
    Text("événement enregistré", "recorded event"),
    {
        "type": Field(IdRef("meeting-type"), True, "meeting type"),
        "body": Field(IdRef("body"), False, "body (needed when the type has several)"),
        "date": Field(Date(), True, "first day"),
        "key": Field(IdRef(), False, "names the event: its UID then stays when its date "
                     "changes; needed for two events of one type on one day"),
        "time": Field(TimeRange(), False, "time (default: the type's)"),
        "days": Field(Int(1, 31), False, "number of days"),
        "cancelled": Field(Bool(), False, "called off after it was entered (published as "
                           "cancelled)"),
        "title": Field(TextConv(), False, "title (default: the type's name)"),
        "convened_by": Field(IdRef("party"), False, "who convened it (C-GEC-4)"),
        "trigger": Field(Str(Text("gec-request ou self-referral", "gec-request or self-referral"),
                             re.compile(r"^(gec-request|self-referral)$")), False,
                         "why a GA meets (C-GA-4)"),
        "chair": Field(SelectorConv(), False, "who chairs"),
        "secretariat": Field(SelectorConv(), False, "who serves as secretariat"),
        "participants": Field(SelectorConv(), False, "who takes part"),
        "attendance": Field(ATTENDANCE, False, "people per institution present"),
        **MEETING_FIELDS,
        "location": Field(Str(), False, "place"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, False, "where this fact is recorded"),
    },
    _with_record,
)

SEVERITY = Choice(Severity, Text("une gravité", "a severity"))

CHECK_FIELDS = {
    "id": Field(Str(Text("un identifiant de règle comme C-GEC-1", "a rule id such as C-GEC-1"),
                    re.compile(r"^C-[A-Z]+-\d+$")), True,
                "rule id (RULES.md §8)"),
    "title": Field(TextConv(), True, "what the rule says, in one line"),
    "check": Field(Str(Text("un genre de vérification", "a check kind")), True,
                   "what is verified (closed vocabulary)"),
    "severity": Field(SEVERITY, True, "error (HARD), warning (SOFT) or info"),
    "lesser": Field(SEVERITY, False, "severity of the milder form of a breach"),
    "of": Field(ListOf(IdRef("meeting-type")), False, "meeting types it applies to"),
    "then": Field(ListOf(IdRef("meeting-type")), False, "the second group of meeting types"),
    "per": Field(Choice(Window, WINDOW), False, "counting window"),
    "months": Field(Months(), False, "months concerned"),
    "by": Field(Str(Text("body, key ou sector", "body, key or sector"),
                    re.compile(r"^(body|key|sector)$")), False,
                "count per body/key/sector"),
    "exactly": Field(Int(0, 999), False, "count"),
    "at_least": Field(Int(0, 999), False, "minimum count"),
    "at_most": Field(Int(0, 999), False, "maximum count"),
    "max_gap_days": Field(Int(1, 366), False, "largest gap between two meetings"),
    "day": Field(Vocab(vocab.nth_weekday, Text("« <rang> <jour> »", "'<ordinal> <weekday>'")),
                 False, "the rule's day"),
    "deadline": Field(Vocab(vocab.deadline, DEADLINE_WORDS), False,
                      "the limit"),
    "late": Field(Vocab(vocab.deadline, DEADLINE_WORDS), False, "a second, later limit"),
    "days": Field(Int(0, 366), False, "number of days"),
    "mode": Field(Str(Text("all ou any", "all or any"), re.compile(r"^(all|any)$")), False,
                  "order: every one after all (all) or one after (any)"),
    "field": Field(Str(Text("un nom de champ", "a field name"), re.compile(r"^[a-z_]+$")), False,
                   "the recorded field or relation examined"),
    "values": Field(ListOf(Str()), False, "accepted values"),
    "expected": Field(SelectorConv(), False, "who is expected"),
    "categories": Field(ListOf(IdRef()), False, "body categories"),
    "from_reform": Field(Bool(), False, "count from the reform date only"),
    "from_year": Field(Int(1990, 2200), False, "applies from this year"),
    "also_enlarged_to": Field(IdRef(), False, "an enlarged `then` meeting counts too (A-06)"),
    "counts": Field(MapOf(IdRef(), Int(0, 999)), False, "expected number of bodies per category"),
    "note": Field(TextConv(), False, "remark"),
    "source": Field(SOURCE, True, "the text the rule comes from"),
}
CHECK_RECORD = Record(Text("vérification", "check"), CHECK_FIELDS, _marked)

FILE_SCHEMAS: dict[str, dict[str, Field]] = {
    "ptfcal.yaml": SETTINGS_FIELDS,
    "categories.yaml": {"categories": Field(ListOf(CATEGORY_RECORD, single_ok=False), True,
                                            "the names of the families of bodies")},
    "sources.yaml": {"texts": Field(ListOf(TEXT_RECORD, single_ok=False), True,
                                    "source documents and legal texts")},
    "institutions.yaml": {"institutions": Field(ListOf(INSTITUTION_RECORD, single_ok=False),
                                                True, "PTF institutions")},
    "roles.yaml": {"years": Field(ListOf(ROLES_RECORD, single_ok=False), True, "roles by year")},
    "bodies/*.yaml": {"bodies": Field(ListOf(BODY_RECORD, single_ok=False), True, "bodies")},
    "meetings.yaml": {"meeting_types": Field(ListOf(MEETING_RECORD, single_ok=False), True,
                                             "meeting types and deadlines")},
    "holidays.yaml": {
        "official_dates": Field(ListOf(OFFICIAL_DATE_RECORD, single_ok=False), False,
                                "announced dates of Islamic holidays (replace estimates)"),
        "days_off": Field(ListOf(DAY_OFF_RECORD, single_ok=False), False,
                          "one-off days off declared by the Government"),
        "not_holidays": Field(ListOf(NOT_HOLIDAY_RECORD, single_ok=False), False,
                              "days the package lists that were worked"),
    },
    "checks.yaml": {"checks": Field(ListOf(CHECK_RECORD, single_ok=False), True,
                                    "the rules `ptfcal check` verifies (RULES.md §8)")},
    "years/YYYY.yaml": {
        "year": Field(Int(1990, 2200), True, "the year (must match the file name)"),
        "occurrences": Field(ListOf(OCCURRENCE_RECORD, single_ok=False), False,
                             "facts about rule occurrences: moved, confirmed, cancelled"),
        "events": Field(ListOf(EVENT_RECORD, single_ok=False), False,
                        "events no rule generates"),
    },
}
