"""The configuration folder -> a validated `Model`, or a ConfigError listing every problem.

Files (all YAML, all strict):

    ptfcal.yaml        settings and the defaults RULES.md leaves open
    sources.yaml       the source documents and legal texts rules cite
    institutions.yaml  the PTF institutions
    roles.yaml         Chef de file, deputy, Troïka, UN coordinating agency, tripartites, by year
    bodies/*.yaml      every body, with its era (valid_from / valid_until)
    meetings.yaml      meeting types and deadlines, with their date rules
    holidays.yaml      announced dates of Islamic holidays, one-off days off
    years/YYYY.yaml    what the secretariat recorded for one year
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .. import i18n
from ..errors import ConfigError, Mark
from ..model import (
    ISLAMIC_HOLIDAYS,
    ISLAMIC_NAMES,
    Body,
    CheckRule,
    CombinedWith,
    Deadline,
    EventKind,
    ExtraEvent,
    FirstAfter,
    HolidayOverride,
    Institution,
    InstitutionKind,
    Level,
    MeetingType,
    Model,
    NthWeekday,
    OccurrenceFact,
    Relative,
    Role,
    Settings,
    Severity,
    ShiftPolicy,
    Source,
    SourceText,
    Spread,
    Term,
    TermKind,
    Text,
    Validity,
    Window,
    YearFacts,
    YearRoles,
)
from . import vocab
from .reader import (
    ID_RE,
    INVALID,
    KIND_NAMES,
    Bool,
    Choice,
    Collector,
    Conv,
    Ctx,
    Date,
    Field,
    IdRef,
    Int,
    ListOf,
    MapOf,
    Record,
    Ref,
    Str,
    TextConv,
    TimeRange,
    load_file,
    read_record,
)

KNOWN_FILES = (
    "ptfcal.yaml",
    "sources.yaml",
    "institutions.yaml",
    "roles.yaml",
    "meetings.yaml",
    "holidays.yaml",
    "checks.yaml",
    "categories.yaml",
)


# --- converters that know the domain vocabulary --------------------------------------------------


class Vocab(Conv):
    """A string parsed by one of the `vocab` functions."""

    def __init__(self, parse: Any, expected: Text):
        self.parse = parse
        self.expected = expected

    def __call__(self, node, path, ctx):
        value = self.scalar(node, path, ctx)
        if value is None:
            return INVALID
        try:
            return self.parse(value)
        except vocab.VocabError as exc:
            return ctx.problem(node, path, exc.text)


WORD_TERMS = {
    "all-ptf": Term(TermKind.ALL_PTF),
    "lead": Term(TermKind.LEAD),
    "tripartite": Term(TermKind.TRIPARTITE),
    "dialogue-leaders": Term(TermKind.DIALOGUE_LEADERS),
    "members": Term(TermKind.MEMBERS),
    "parent": Term(TermKind.PARENT),
    "government": Term(TermKind.GOVERNMENT),
    "embassies": Term(TermKind.EMBASSIES),
    **{k.value: Term(TermKind.INSTITUTION_KIND, k.value) for k in InstitutionKind},
    **{r.value: Term(TermKind.ROLE, r.value) for r in Role},
}


class SelectorConv(Conv):
    _words = ("chef-de-file, cdf-deputy, troika, ptf-secretariat, un-coordinating-agency, "
              "all-ptf, bilateral, embassies, multilateral, un, lead, tripartite, "
              "dialogue-leaders, members, parent, government, leads-of <category>, "
              "tripartites-of <category>")
    expected = Text(f"un rôle ou un groupe ({_words}), ou l'identifiant d'une institution ou "
                    "d'une instance ; un seul ou une liste",
                    f"who: a role or group ({_words}), or the id of an institution or a body; "
                    "one or a list")

    def __call__(self, node, path, ctx):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        terms = []
        for i, item in enumerate(items):
            p = f"{path}[{i}]" if isinstance(node, yaml.SequenceNode) else path
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                return self.fail(item, p, ctx)
            word = item.value.strip()
            m = re.fullmatch(r"(leads-of|tripartites-of) ([a-z0-9-]+)", word)
            if m:
                ctx.ref("category", m[2], item, p)
                terms.append(Term(TermKind(m[1]), m[2]))
            elif word in WORD_TERMS:
                terms.append(WORD_TERMS[word])
            elif ID_RE.match(word):
                ctx.ref("party", word, item, p)
                # a body or an institution: told apart once every file is read
                terms.append(Term(TermKind.INSTITUTION, word))
            else:
                return self.fail(item, p, ctx)
        return tuple(terms)


class HeldBy(Conv):
    expected = Text("un identifiant d'instance, « every <catégorie> », ou une liste",
                    "a body id, 'every <category>', or a list of them")

    def __call__(self, node, path, ctx):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        result = []
        for i, item in enumerate(items):
            p = f"{path}[{i}]" if isinstance(node, yaml.SequenceNode) else path
            if not isinstance(item, yaml.ScalarNode):
                return self.fail(item, p, ctx)
            m = re.fullmatch(r"every ([a-z0-9-]+)", item.value.strip())
            if m:
                ctx.ref("category", m[1], item, p)
                result.append(("every", m[1]))
                continue
            ident = IdRef("body")(item, p, ctx)
            if ident is INVALID:
                return INVALID
            result.append(("id", ident))
        return tuple(result)


class EraDate(Conv):
    """A date, or the name of a date set in ptfcal.yaml (so an era changes in one place)."""

    expected = Text("une date AAAA-MM-JJ, « reform » ou « secretariat-handover »",
                    "a date YYYY-MM-DD, 'reform' or 'secretariat-handover'")

    def __call__(self, node, path, ctx):
        if isinstance(node, yaml.ScalarNode) and node.value.strip() in ("reform",
                                                                        "secretariat-handover"):
            return node.value.strip()
        return Date()(node, path, ctx)


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

WINDOW = Text("une période", "a window")
LEVEL = Choice(Level, Text("un niveau", "a level"))


def _marked(values: dict, node, path, ctx) -> dict:
    """Keep where a record starts, to point at it in later errors."""
    values.pop("_nodes", None)
    return {**values, "_mark": ctx.mark(node)}
WEEKDAY = Vocab(vocab.weekday, Text(f"un jour de la semaine ({vocab.WEEKDAY_HELP})",
                                    f"a weekday ({vocab.WEEKDAY_HELP})"))


class Months(Conv):
    expected = Text("des mois : « all except august », ou une liste comme [april, october] "
                    f"({vocab.MONTH_HELP})",
                    "months: 'all except august', or a list such as [april, october] "
                    f"({vocab.MONTH_HELP})")

    def __call__(self, node, path, ctx):
        if isinstance(node, yaml.SequenceNode):
            month = Vocab(vocab.month, Text(f"un mois ({vocab.MONTH_HELP})",
                                            f"a month ({vocab.MONTH_HELP})"))
            found = ListOf(month)(node, path, ctx)
            return INVALID if found is INVALID else tuple(sorted(set(found)))
        return Vocab(vocab.months, self.expected)(node, path, ctx)


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
        "level": Field(LEVEL, True, "political, technical, joint, ad-hoc, support, government"),
        "category": Field(IdRef(), True, "family of bodies (gt-ptf, gd, cps...)"),
        "parent": Field(IdRef("body"), False, "body it belongs to"),
        "valid_from": Field(EraDate(), False, "first day it exists ('reform' = the reform date)"),
        "valid_until": Field(EraDate(), False, "last day it exists ('reform' = the day before "
                             "the reform date)"),
        "chair": Field(SelectorConv(), False, "who chairs it"),
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
        "combined_title": Field(TextConv(), False, "title of the combined event"),
        "avoid_august": Field(Bool(), False, "generated dates skip August (C-GEN-5)"),
        "tentative": Field(Bool(), False, "rule dates nobody confirmed are published as "
                           "tentative (default: true for meetings, false for deadlines)"),
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
        "attendance": Field(ATTENDANCE, False, "people per institution (checked: C-GEC-6)"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, False, "where this fact is recorded"),
    },
    _marked,
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
        "attendance": Field(ATTENDANCE, False, "people per institution"),
        "location": Field(Str(), False, "place"),
        "note": Field(TextConv(), False, "remark shown to users"),
        "source": Field(SOURCE, False, "where this fact is recorded"),
    },
    _marked,
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
    "by": Field(Str(Text("body ou key", "body or key"), re.compile(r"^(body|key)$")), False,
                "count per body/key"),
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


# --- loading -------------------------------------------------------------------------------------


class _Loader:
    def __init__(self, root: Path, overrides: Mapping[str, str] | None = None):
        self.root = root
        # relative path -> the text an edit would write: validated before it is written
        self.overrides = dict(overrides or {})
        self.out = Collector()
        self.refs: list[Ref] = []
        self.marks: dict[tuple[str, str], Mark] = {}  # (kind, id) -> where it is defined
        # every id written in the files, valid record or not: a broken record must not also
        # make each reference to it an "unknown id" error
        self.raw_ids: dict[str, set[str]] = {}

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def exists(self, path: Path) -> bool:
        return self.relative(path) in self.overrides or path.exists()

    def label(self, path: Path) -> str:
        try:
            return str(Path(self.root.name) / path.relative_to(self.root))
        except ValueError:
            return str(path)

    def read(self, path: Path, schema: dict[str, Field]) -> tuple[dict | None, Ctx]:
        label = self.label(path)
        ctx = Ctx(label, self.out, self.refs)
        before = len(self.out.problems)
        node = load_file(path, label, self.out, self.overrides.get(self.relative(path)))
        if node is None:
            if len(self.out.problems) == before:
                self.out.add(Mark(label, 1, 1), "", i18n.text("cfg.empty"))
            return None, ctx
        self._note_raw_ids(node)
        values = read_record(node, "", ctx, schema, Text.same(path.name))
        return (None if values is INVALID else values), ctx

    def _note_raw_ids(self, root: yaml.Node) -> None:
        kinds = {"texts": "text", "institutions": "institution", "bodies": "body",
                 "meeting_types": "meeting-type"}
        if not isinstance(root, yaml.MappingNode):
            return
        for key, items in root.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a complex key: reported by the schema
            kind = kinds.get(key.value)
            if kind is None or not isinstance(items, yaml.SequenceNode):
                continue
            for item in items.value:
                if not isinstance(item, yaml.MappingNode):
                    continue
                for k, v in item.value:
                    if (isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
                            and k.value in ("id", "category")):
                        bucket = kind if k.value == "id" else "category"
                        self.raw_ids.setdefault(bucket, set()).add(v.value.strip())

    def define(self, kind: str, ident: str, mark: Mark) -> bool:
        key = (kind, ident)
        if key in self.marks:
            first = self.marks[key]
            self.out.add(mark, "id", i18n.text("ld.duplicate-id", kind=KIND_NAMES[kind][0],
                                               ident=repr(ident), first=first))
            return False
        self.marks[key] = mark
        return True


def load(root: Path, overrides: Mapping[str, str] | None = None) -> Model:
    """Load and validate every file of the configuration folder `root`; `overrides` (a path
    relative to `root` -> text) replace or add files, as an edit would leave them."""
    root = Path(root)
    ld = _Loader(root, overrides)
    if not (root / "ptfcal.yaml").is_file():
        raise ConfigError([_missing(root)])

    # unknown files are errors: a misspelt file name must not be silently ignored
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or any(part.startswith((".", "__")) for part in path.parts[-2:]):
            continue
        if path.suffix in (".yaml", ".yml") and not (
            rel in KNOWN_FILES
            or rel == "people.yaml"  # the register of people: read by `lists` only
            or re.fullmatch(r"bodies/[^/]+\.yaml", rel)
            or re.fullmatch(r"years/\d{4}\.yaml", rel)
        ):
            ld.out.add(Mark(ld.label(path), 1, 1), "", i18n.text(
                "ld.unknown-file", known=", ".join(KNOWN_FILES)))

    settings_values, settings_ctx = ld.read(root / "ptfcal.yaml", SETTINGS_FIELDS)
    texts = _load_list(ld, root / "sources.yaml", "texts", "text")
    institutions = _load_list(ld, root / "institutions.yaml", "institutions", "institution")
    roles_values, _ = ld.read(root / "roles.yaml", FILE_SCHEMAS["roles.yaml"])
    bodies: list[tuple[dict, Mark]] = []
    body_files = sorted((root / "bodies").glob("*.yaml"))
    if not body_files:
        ld.out.add(Mark(ld.label(root / "bodies"), 1, 1), "", i18n.text("ld.no-bodies"))
    for path in body_files:
        bodies.extend(_load_list(ld, path, "bodies", "body"))
    meetings = _load_list(ld, root / "meetings.yaml", "meeting_types", "meeting-type")
    holidays_values: dict | None = {}
    if ld.exists(root / "holidays.yaml"):
        holidays_values, _ = ld.read(root / "holidays.yaml", FILE_SCHEMAS["holidays.yaml"])
    years: dict[int, tuple[dict, str]] = {}
    year_files = sorted({
        *(p for p in ((root / "years").glob("*.yaml") if (root / "years").is_dir() else ())
          if re.fullmatch(r"\d{4}\.yaml", p.name)),
        *(root / rel for rel in ld.overrides if re.fullmatch(r"years/\d{4}\.yaml", rel))})
    for path in year_files:  # (another name there is an unknown file, reported above)
        values, ctx = ld.read(path, FILE_SCHEMAS["years/YYYY.yaml"])
        if values is None:
            continue
        if values["year"] != int(path.stem):
            ld.out.add(Mark(ctx.file, 1, 1), "year",
                       i18n.text("ld.year-name", year=values["year"], name=path.name))
            continue
        years[values["year"]] = (values, ctx.file)

    body_ids = {v["id"] for v, _ in bodies}
    categories: dict[str, tuple[str, ...]] = {}
    for v, _ in bodies:
        categories[v["category"]] = (*categories.get(v["category"], ()), v["id"])

    settings = _settings(ld, settings_ctx, settings_values)
    model_texts = {v["id"]: SourceText(v["id"], v["title"], v.get("note")) for v, _ in texts}
    model_institutions = {
        v["id"]: Institution(
            v["id"], v["name"], v.get("short") or v["name"], v["kind"],
            article=Text(v.get("article", ""), v.get("article_en", "")),
            delegation=v.get("country") or v["id"],
            validity=Validity(v.get("valid_from"), v.get("valid_until")),
            source=v.get("source"), note=v.get("note"))
        for v, _ in institutions
    }
    model_bodies = {v["id"]: _body(v, m, body_ids, settings) for v, m in bodies}
    model_types = {v["id"]: _meeting_type(v, m, body_ids, categories) for v, m in meetings}
    model_roles = _roles(ld, roles_values)
    model_holidays = _holidays(ld, holidays_values or {})
    model_years = {y: _year(v, f, body_ids) for y, (v, f) in years.items()}
    model_checks = _checks(ld, root, body_ids)
    model_categories = _categories(ld, root, bodies)

    _check_refs(ld, categories)
    if not ld.out.problems:
        _check_semantics(ld, model_institutions, model_bodies, model_types, model_roles,
                         model_years, settings)
    if ld.out.problems or settings is None:
        raise ConfigError(ld.out.problems)
    return Model(
        settings=settings,
        texts=model_texts,
        institutions=model_institutions,
        bodies=model_bodies,
        meeting_types=model_types,
        roles=model_roles,
        holidays=model_holidays,
        years=model_years,
        checks=model_checks,
        config_dir=str(root),
        categories=model_categories,
    )


def _categories(ld: _Loader, root: Path, bodies: list[tuple[dict, Mark]]) -> dict[str, Text]:
    """The name of every family of bodies: messages and feeds name them, never by their id."""
    names: dict[str, Text] = {}
    path = root / "categories.yaml"
    if ld.exists(path):
        values, _ = ld.read(path, FILE_SCHEMAS["categories.yaml"])
        for v in (values or {}).get("categories", ()):
            if v["id"] in names:
                ld.out.add(v["_mark"], "id", i18n.text("ld.duplicate-id", kind=Text(
                    "une catégorie", "a category"), ident=repr(v["id"]), first="categories.yaml"))
            names[v["id"]] = v["name"]
    for v, mark in bodies:
        if v["category"] not in names:
            ld.out.add(mark, "category", i18n.text("ld.category-name",
                                                   category=repr(v["category"])))
            names[v["category"]] = Text.same(v["category"])  # said once
    return names


def _missing(root: Path):
    from ..errors import Problem

    return Problem(Mark(str(root / "ptfcal.yaml"), 1, 1), "", i18n.text("ld.not-config"))


def _load_list(ld: _Loader, path: Path, key: str, kind: str) -> list[tuple[dict, Mark]]:
    schema = FILE_SCHEMAS["bodies/*.yaml"] if key == "bodies" else next(
        s for s in FILE_SCHEMAS.values() if key in s
    )
    if not ld.exists(path):
        ld.out.add(Mark(ld.label(path), 1, 1), "", i18n.text("ld.missing-file", key=key))
        return []
    values, _ = ld.read(path, schema)
    result = []
    for item in (values or {}).get(key, ()):
        if ld.define(kind, item["id"], item["_mark"]):
            result.append((item, item["_mark"]))
    return result


def _settings(ld: _Loader, ctx: Ctx, values: dict | None) -> Settings | None:
    if values is None:
        return None
    nodes = values.get("_nodes", {})
    marks = {key: ctx.mark(node) for key, node in nodes.items()}
    problem = _timezone_problem(values["timezone"])
    if problem is not None:
        ld.out.add(marks.get("timezone"), "timezone", problem)
    return Settings(
        timezone=values["timezone"],
        working_days=frozenset(int(d) for d in values["working_days"]),
        holiday_country=values["holidays_country"],
        reform_effective=values["reform_effective_date"],
        secretariat_handover=values["secretariat_handover"],
        uid_domain=values["uid_domain"],
        language=values["language"],
        languages=_languages(values),
        strict_deadlines=values["strict_deadlines"],
        placeholders=frozenset(values.get("placeholders", ())),
        calendar_name=values["calendar_name"],
        feed_years=(values["feeds"]["years_before"], values["feeds"]["years_after"]),
        refresh_hours=values["feeds"]["refresh_hours"],
        base_url=values["feeds"].get("base_url") or None,
        marks=marks,
    )


def _timezone_problem(name: str) -> Text | None:
    """Why a time zone cannot be used: not an IANA name ('localtime' would be this machine's
    zone), unknown, or with daylight saving time (ptfcal writes zones without it)."""
    from datetime import datetime

    if not re.fullmatch(r"(UTC|[A-Z][A-Za-z_-]+(/[A-Za-z0-9_+-]+)+)", name):
        return i18n.text("ld.timezone", value=repr(name))
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return i18n.text("ld.timezone", value=repr(name))
    for year in range(1990, 2101, 5):
        winter = datetime(year, 1, 15, 12, tzinfo=zone).utcoffset()
        summer = datetime(year, 7, 15, 12, tzinfo=zone).utcoffset()
        if winter != summer:
            return i18n.text("ld.timezone-dst", value=repr(name))
    return None


def _languages(values: dict) -> tuple[str, ...]:
    """The configuration's language first, then the others listed (default: fr and en)."""
    listed = values.get("languages") or ["fr", "en"]
    return (values["language"], *dict.fromkeys(x for x in listed if x != values["language"]))


def _terms(selector: tuple | None, body_ids: set[str]) -> tuple | None:
    """An id in a selector names a body or an institution; bodies are told apart here."""
    if selector is None:
        return None
    return tuple(
        Term(TermKind.BODY, t.ref) if t.kind is TermKind.INSTITUTION and t.ref in body_ids else t
        for t in selector
    )


def _era(value, settings: Settings | None, until: bool) -> date | None:
    if not isinstance(value, str):
        return value
    if settings is None:
        return None
    day = settings.reform_effective if value == "reform" else settings.secretariat_handover
    return date.fromordinal(day.toordinal() - 1) if until else day


def _body(v: dict, mark: Mark, body_ids: set[str], settings: Settings | None) -> Body:
    return Body(
        id=v["id"],
        name=v["name"],
        short=v.get("short") or v["name"],
        level=v["level"],
        category=v["category"],
        validity=Validity(_era(v.get("valid_from"), settings, False),
                          _era(v.get("valid_until"), settings, True)),
        source=v["source"],
        parent=v.get("parent"),
        chair=_terms(v.get("chair"), body_ids) or (),
        secretariat=_terms(v.get("secretariat"), body_ids) or (),
        members=_terms(v.get("members"), body_ids) or (),
        lead=v.get("lead", ()),
        lead_as_of=v.get("lead_as_of"),
        faces=v.get("faces", ()),
        pairs_with=v.get("pairs_with", ()),
        former=v.get("former", ()),
        also_under=v.get("also_under", ()),
        team=v.get("team", 1),
        note=v.get("note"),
        mark=mark,
    )


def _meeting_type(
    v: dict, mark: Mark, body_ids: set[str], categories: dict[str, tuple[str, ...]]
) -> MeetingType:
    rule, until = v.get("rule", (None, None))
    kind = v["kind"]
    bodies: list[str] = []
    for how, held in v["held_by"]:
        for ident in categories.get(held, ()) if how == "every" else (held,):
            if ident not in bodies:
                bodies.append(ident)
    default_shift = ShiftPolicy.PREVIOUS if kind is EventKind.DEADLINE else ShiftPolicy.NEXT
    return MeetingType(
        id=v["id"],
        name=v["name"],
        short=v.get("short") or v["name"],
        kind=kind,
        level=v["level"],
        bodies=tuple(bodies),
        source=v["source"],
        rule=rule,
        until=until,
        generate=v.get("generate", True),
        flexible=v.get("flexible", False),
        time=v.get("time"),
        stagger=tuple(v.get("stagger", ())),
        days=v.get("days", 1),
        shift=v.get("shift", default_shift),
        shift_within=v.get("shift_within"),
        chair=_terms(v.get("chair"), body_ids),
        secretariat=_terms(v.get("secretariat"), body_ids),
        participants=_terms(v.get("participants"), body_ids),
        combined_title=v.get("combined_title"),
        avoid_august=v.get("avoid_august", False),
        tentative=v.get("tentative", kind is EventKind.MEETING),
        note=v.get("note"),
        mark=mark,
    )


def _roles(ld: _Loader, values: dict | None) -> dict[int, YearRoles]:
    result: dict[int, YearRoles] = {}
    for item in (values or {}).get("years", ()):
        year = item["year"]
        if year in result:
            ld.out.add(item["_mark"], "years.year", i18n.text("ld.roles-twice", year=year))
            continue
        result[year] = YearRoles(
            year=year,
            chef_de_file=item.get("chef_de_file"),
            cdf_deputy=item.get("cdf_deputy"),
            troika=item.get("troika", ()),
            un_coordinating_agency=item.get("un_coordinating_agency"),
            tripartite=dict(item.get("tripartite", {})),
            nexus_focal_points=dict(item.get("nexus_focal_points", {})),
            gd_members={gd: {i: tuple(names) for i, names in members.items()}
                        for gd, members in item.get("gd_members", {}).items()},
            source=item.get("source"),
            mark=item["_mark"],
        )
    return result


def _holidays(ld: _Loader, values: dict) -> tuple[HolidayOverride, ...]:
    seen: dict[tuple, Mark] = {}
    for key, records in (("official_dates", values.get("official_dates", ())),
                         ("days_off", values.get("days_off", ())),
                         ("not_holidays", values.get("not_holidays", ()))):
        for v in records:
            if key == "official_dates":
                fr, en = ISLAMIC_NAMES[v["holiday"]]
                what = (v["holiday"], v["date"].year)
                label = Text(f"La date de {fr} {v['date'].year}",
                             f"The date of {en} {v['date'].year}")
            elif "day" in v:
                what, label = ("every", v["day"]), Text.same(f"{v['day'][1]}/{v['day'][0]}")
            else:
                what, label = v["date"], Text.same(str(v["date"]))
            first = seen.setdefault((key, what), v["_mark"])
            if first is not v["_mark"]:
                ld.out.add(v["_mark"], f"{key}.date",
                           i18n.text("ld.holiday-twice", what=label, line=first.line))
    items = []
    for v in values.get("official_dates", ()):
        items.append(HolidayOverride(v["date"], Text.same(v["holiday"]), replaces=v["holiday"],
                                     source=v.get("source"), mark=v["_mark"]))
    for v in values.get("days_off", ()):
        if "day" in v:
            month, day = v["day"]
            items.append(HolidayOverride(
                date(v["every_year_from"], month, day), v["name"], source=v.get("source"),
                mark=v["_mark"], every_year_from=v["every_year_from"],
                every_year_until=v.get("every_year_until")))
        else:
            items.append(HolidayOverride(v["date"], v["name"], source=v.get("source"),
                                         mark=v["_mark"]))
    for v in values.get("not_holidays", ()):
        items.append(HolidayOverride(v["date"], Text.same(""), removed=True,
                                     source=v.get("source"), mark=v["_mark"]))
    return tuple(items)


def _year(values: dict, file: str, body_ids: set[str]) -> YearFacts:
    occurrences = []
    for v in values.get("occurrences", ()):
        occurrences.append(OccurrenceFact(
            meeting_type=v["type"], body=v.get("body", ""), nominal=v["nominal"],
            date=v.get("date"), time=v.get("time"), days=v.get("days"),
            cancelled=v.get("cancelled", False), rescheduled=v.get("rescheduled", False),
            planned=v.get("planned", False), enlarged_to=v.get("enlarged_to", ()),
            location=v.get("location"),
            chair=_terms(v.get("chair"), body_ids),
            secretariat=_terms(v.get("secretariat"), body_ids),
            participants=_terms(v.get("participants"), body_ids),
            attendance=dict(v.get("attendance", {})),
            note=v.get("note"), source=v.get("source"), mark=v["_mark"],
        ))
    events = []
    for v in values.get("events", ()):
        events.append(ExtraEvent(
            meeting_type=v["type"], body=v.get("body", ""), date=v["date"],
            key=v.get("key", ""), time=v.get("time"), days=v.get("days", 1),
            title=v.get("title"), convened_by=v.get("convened_by"), trigger=v.get("trigger"),
            chair=_terms(v.get("chair"), body_ids),
            secretariat=_terms(v.get("secretariat"), body_ids),
            participants=_terms(v.get("participants"), body_ids),
            attendance=dict(v.get("attendance", {})),
            location=v.get("location"), note=v.get("note"), source=v.get("source"),
            mark=v["_mark"], cancelled=v.get("cancelled", False),
        ))
    return YearFacts(values["year"], tuple(occurrences), tuple(events), file)


# --- cross-file checks ---------------------------------------------------------------------------


def _check_refs(ld: _Loader, categories: dict[str, tuple[str, ...]]) -> None:
    raw = ld.raw_ids
    institutions, bodies = raw.get("institution", set()), raw.get("body", set())
    known = {
        "text": raw.get("text", set()),
        "institution": institutions,
        "body": bodies,
        "meeting-type": raw.get("meeting-type", set()),
        "category": raw.get("category", set()) | set(categories),
        "party": institutions | bodies,
        "party-or-category": institutions | bodies | raw.get("category", set()),
    }
    import difflib

    for ref in ld.refs:
        pool = known[ref.kind]
        if ref.value in pool:
            continue
        hint = difflib.get_close_matches(ref.value, sorted(pool), n=1, cutoff=0.7)
        ld.out.add(ref.mark, ref.path, i18n.text(
            "ld.unknown-ref", value=repr(ref.value), what=KIND_NAMES[ref.kind][1],
            hint=i18n.text("cfg.did-you-mean", hint=repr(hint[0])) if hint else ""))
    for ident in sorted(institutions | bodies):
        if ident in ("all", "deadlines") or ident.startswith("level-"):
            kind = "body" if ident in bodies else "institution"
            ld.out.add(ld.marks.get((kind, ident)), "id",
                       i18n.text("ld.reserved", ident=repr(ident)))
    for ident in sorted(institutions & bodies):
        ld.out.add(ld.marks.get(("body", ident)), "id",
                   i18n.text("ld.both", ident=repr(ident)))


def _check_semantics(ld, institutions, bodies, types, roles, years, settings) -> None:
    out = ld.out
    for body in bodies.values():
        v = body.validity
        if v.start and v.end and v.end < v.start:
            out.add(body.mark, "valid_until", i18n.text("ld.until-before", end=str(v.end),
                                                        start=str(v.start)))
        seen, parent = {body.id}, body.parent
        while parent:
            if parent in seen:
                out.add(body.mark, "parent", i18n.text("ld.ancestor", ident=repr(body.id)))
                break
            seen.add(parent)
            parent = bodies[parent].parent

    for mt in types.values():
        if not mt.bodies:
            out.add(mt.mark, "held_by", i18n.text("ld.no-holder"))
        if mt.kind is EventKind.MEETING and mt.time is None:
            out.add(mt.mark, "time", i18n.text("ld.needs-time"))
        if mt.kind is EventKind.DEADLINE and mt.time is not None:
            out.add(mt.mark, "time", i18n.text("ld.deadline-time"))
        if mt.stagger and mt.time is None:
            out.add(mt.mark, "stagger", i18n.text("ld.stagger-time"))
        if isinstance(mt.rule, Deadline) and mt.kind is not EventKind.DEADLINE:
            out.add(mt.mark, "rule.deadline", i18n.text("ld.deadline-kind"))
        if mt.id in settings.placeholders and mt.generate:
            out.add(mt.mark, "generate", i18n.text("ld.not-placeholder"))
        anchor = _anchor(mt.rule)
        if anchor is None:
            continue
        target = types[anchor]
        if len(target.bodies) != 1 and set(target.bodies) != set(mt.bodies):
            out.add(mt.mark, "rule", i18n.text("ld.anchor-bodies", anchor=repr(anchor)))
        if isinstance(mt.rule, CombinedWith) and isinstance(target.rule, CombinedWith):
            out.add(mt.mark, "rule.combined_with", i18n.text("ld.combined-twice",
                                                             anchor=repr(anchor)))
        if isinstance(mt.rule, Relative) and mt.rule.months and isinstance(target.rule,
                                                                            NthWeekday):
            missing = [m for m in mt.rule.months if m not in target.rule.months]
            if missing:
                names = Text(", ".join(vocab.MONTHS["fr"][m - 1] for m in missing),
                             ", ".join(vocab.MONTHS["en"][m - 1] for m in missing))
                out.add(mt.mark, "rule.months", i18n.text("ld.anchor-months",
                                                          anchor=repr(anchor), months=names))
        if isinstance(mt.rule, FirstAfter) and types[mt.rule.after].rule is None:
            out.add(mt.mark, "rule.after", i18n.text("ld.no-date-rule",
                                                     anchor=repr(mt.rule.after)))
        if target.rule is None:
            out.add(mt.mark, "rule", i18n.text("ld.no-date-rule", anchor=repr(anchor)))
    # cycles between relative rules (through `of:` and `after:`)
    for mt in types.values():
        chain = _cycle(mt.id, types, [])
        if chain:
            out.add(mt.mark, "rule", i18n.text("ld.circular", chain=" -> ".join(chain)))
        if isinstance(mt.rule, Deadline) or mt.until is not None:
            limit = mt.rule if isinstance(mt.rule, Deadline) else mt.until
            if (limit.strict and settings.strict_deadlines and limit.month == 1
                    and limit.day == 1):
                out.add(mt.mark, "rule", i18n.text("ld.outside-year", rule=Text(
                    i18n.deadline_words(limit, "fr"), i18n.deadline_words(limit, "en"))))

    uses_secretariat = any(
        t.kind is TermKind.ROLE and t.ref == Role.PTF_SECRETARIAT.value
        for b in bodies.values() for t in (*b.chair, *b.secretariat, *b.members)
    )
    for needed in ("pool-technique", "seg") if uses_secretariat else ():
        if needed not in bodies:
            out.add(None, "ptf-secretariat", i18n.text("ld.secretariat-body",
                                                       ident=repr(needed)))

    for inst in institutions.values():
        v = inst.validity
        if v.start and v.end and v.end < v.start:
            out.add(ld.marks.get(("institution", inst.id)), "valid_until",
                    i18n.text("ld.until-before", end=str(v.end), start=str(v.start)))
    for year_roles in roles.values():
        named = [*year_roles.troika, year_roles.chef_de_file, year_roles.cdf_deputy,
                 year_roles.un_coordinating_agency,
                 *(i for members in year_roles.tripartite.values() for i in members)]
        for ident in dict.fromkeys(i for i in named if i):
            v = institutions[ident].validity
            if not v.contains_any(date(year_roles.year, 1, 1), date(year_roles.year, 12, 31)):
                out.add(year_roles.mark, "years", i18n.text(
                    "ld.gone-in-year", who=institutions[ident].short, year=year_roles.year))
        for gt, members in year_roles.tripartite.items():
            if bodies[gt].category != "gt-ptf":
                out.add(year_roles.mark, f"tripartite.{gt}", i18n.text("ld.not-gt-ptf",
                                                                       ident=repr(gt)))
            if len(members) != 3 or len(set(members)) != 3:
                out.add(year_roles.mark, f"tripartite.{gt}",
                        i18n.text("ld.three", count=len(members)))

    for facts in years.values():
        keys: set[tuple] = set()
        records: dict[tuple, OccurrenceFact] = {}
        for fact in facts.occurrences:
            mt = types[fact.meeting_type]
            key = (fact.meeting_type, fact.body or mt.bodies[0], fact.nominal)
            first = records.setdefault(key, fact)
            if first is not fact:
                out.add(fact.mark, "nominal", i18n.text(
                    "ld.occurrence-twice", type=fact.meeting_type, nominal=str(fact.nominal),
                    line=first.mark.line if first.mark else "?"))
        for fact in (*facts.occurrences, *facts.events):
            mt = types[fact.meeting_type]
            if fact.body and fact.body not in mt.bodies:
                out.add(fact.mark, "body", i18n.text("ld.not-held", body=repr(fact.body),
                                                     type=repr(mt.id), by=", ".join(mt.bodies)))
            elif not fact.body and len(mt.bodies) > 1:
                out.add(fact.mark, "body", i18n.text("ld.which-body", type=repr(mt.id),
                                                     by=", ".join(mt.bodies)))
            when = getattr(fact, "nominal", None) or fact.date
            if when.year != facts.year:
                out.add(fact.mark, "nominal" if hasattr(fact, "nominal") else "date",
                        i18n.text("ld.not-in-year", day=str(when), year=facts.year))
            if isinstance(fact, ExtraEvent):
                # with a key, the key names the event (its UID survives a change of date)
                key = (fact.meeting_type, fact.body, fact.key or fact.date)
                if key in keys:
                    out.add(fact.mark, "key", i18n.text("ld.same-key"))
                keys.add(key)
                if mt.kind is EventKind.DEADLINE and fact.time:
                    out.add(fact.mark, "time", i18n.text("ld.deadline-time"))


def _cycle(start: str, types: dict[str, MeetingType], path: list[str]) -> list[str]:
    """The chain of rules from `start` back to a type already on `path` (empty: no cycle)."""
    if start in path:
        return [*path[path.index(start):], start]
    rule = types[start].rule
    nexts = [_anchor(rule)] + ([rule.after] if isinstance(rule, FirstAfter) else [])
    for following in nexts:
        if following:
            found = _cycle(following, types, [*path, start])
            if found:
                return found
    return []


def _anchor(rule) -> str | None:
    if isinstance(rule, Relative | CombinedWith | FirstAfter):
        return rule.anchor
    return None


def _checks(ld: _Loader, root: Path, body_ids: set[str]) -> tuple[CheckRule, ...]:
    from ..checks.kinds import KINDS

    path = root / "checks.yaml"
    if not ld.exists(path):
        return ()
    values, ctx = ld.read(path, FILE_SCHEMAS["checks.yaml"])
    result = []
    seen: set[str] = set()
    for v in (values or {}).get("checks", ()):
        mark = v["_mark"]
        if v["id"] in seen:
            ld.out.add(mark, "id", i18n.text("ld.rule-twice", rule=v["id"]))
            continue
        seen.add(v["id"])
        kind = KINDS.get(v["check"])
        if kind is None:
            ld.out.add(mark, "check", i18n.text("ld.check-kind", value=repr(v["check"]),
                                                kinds=", ".join(sorted(KINDS))))
            continue
        params = set(v) - {"id", "title", "check", "severity", "lesser", "note", "source",
                           "_mark"}
        for key in sorted(params - kind.allowed):
            ld.out.add(mark, key, i18n.text("ld.check-param", key=key, kind=repr(v["check"]),
                                            takes=", ".join(sorted(kind.allowed)) or "—"))
        # an empty list gives a kind nothing to check (`of: []`): as good as missing
        given = {key for key in params if v[key] != ()}
        for key in sorted(kind.required - given):
            ld.out.add(mark, key, i18n.text("ld.check-needs", kind=repr(v["check"]), key=key))
        day = v.get("day")
        result.append(CheckRule(
            id=v["id"], kind=v["check"], severity=v["severity"], title=v["title"],
            source=v["source"], of=v.get("of", ()), then=v.get("then", ()), per=v.get("per"),
            months=v.get("months"), by=v.get("by"), exactly=v.get("exactly"),
            at_least=v.get("at_least"), at_most=v.get("at_most"), lesser=v.get("lesser"),
            max_gap_days=v.get("max_gap_days"),
            day=(day[0], int(day[1])) if day else None, deadline=v.get("deadline"),
            late=v.get("late"), days=v.get("days"), mode=v.get("mode", "all"),
            examines=v.get("field"), values=tuple(v.get("values", ())),
            expected=_terms(v.get("expected"), body_ids) or (),
            categories=tuple(v.get("categories", ())), from_reform=v.get("from_reform", False),
            from_year=v.get("from_year"), also_enlarged_to=v.get("also_enlarged_to"),
            counts=dict(v.get("counts", {})), note=v.get("note"), mark=mark,
        ))
    return tuple(result)
