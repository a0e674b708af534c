"""The typed, frozen model of the PTF concertation system and the events ptfcal derives from it.

Nothing here reads files or the clock: `config` builds a `Model`, `scheduler` turns it into
`Event`s, and every output reads those.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import IntEnum, StrEnum

from .errors import Mark
from .meeting import MeetingRecord
from .text import Text, of_fr, with_article

__all__ = ["Text"]  # re-exported: the model's texts

LANGUAGES = ("fr", "en")
# the years ptfcal schedules: a configuration's years, the command line's years and dates (a
# date far outside them only overflows the date arithmetic: 0001-01-01 minus a day)
FIRST_YEAR, LAST_YEAR = 1990, 2200


def schedulable(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


class Level(StrEnum):
    POLITICAL = "political"
    TECHNICAL = "technical"
    JOINT = "joint"
    AD_HOC = "ad-hoc"
    SUPPORT = "support"
    GOVERNMENT = "government"


class InstitutionKind(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    UN = "un"


class EventKind(StrEnum):
    MEETING = "meeting"
    DEADLINE = "deadline"


class Status(StrEnum):
    PLANNED = "planned"  # generated from a rule, not yet confirmed
    CONFIRMED = "confirmed"  # recorded by the secretariat
    CANCELLED = "cancelled"


class Origin(StrEnum):
    RULE = "rule"  # a rule occurrence (possibly moved or confirmed by a recorded fact)
    RECORDED = "recorded"  # an extra event entered in a year file


class Weekday(IntEnum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


class Window(StrEnum):
    """Counting windows (RULES.md §8 conventions): a shifted occurrence stays inside its own."""

    MONTH = "month"
    TWO_MONTHS = "two-months"  # calendar bimester: Jan-Feb, Mar-Apr, ...
    QUARTER = "quarter"
    HALF_YEAR = "half-year"
    YEAR = "year"

    def bounds(self, day: date) -> tuple[date, date]:
        """First and last day of the window that contains `day`."""
        size = {"month": 1, "two-months": 2, "quarter": 3, "half-year": 6, "year": 12}[self.value]
        first_month = (day.month - 1) // size * size + 1
        last_month = first_month + size - 1
        start = date(day.year, first_month, 1)
        end = date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
        return start, end


class ShiftPolicy(StrEnum):
    """What to do with a rule-generated date that is not a working day (RULES.md A-03)."""

    NEXT = "next-working-day"  # next working day without a hard conflict, else the previous one
    PREVIOUS = "previous-working-day"
    SAME_WEEKDAY_NEXT_WEEK = "same-weekday-next-week"
    SKIP = "skip"
    KEEP = "keep"


# --- sources -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceText:
    """One of the five French source documents, or a legal text they cite."""

    id: str
    title: str
    note: Text | None = None


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: the text, the passage, the exact quote."""

    text: str  # id of a SourceText ("000" ... "004")
    ref: str | None = None  # section or article
    quote: str | None = None
    legal_basis: tuple[str, ...] = ()  # ids of legal texts (décret n° 2018-0623/PM-RM ...)
    note: str | None = None  # [PROPOSAL], [INFERRED] ...


# --- who -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Institution:
    id: str
    name: Text
    short: Text
    kind: InstitutionKind
    article: Text | None = None  # « les » Pays-Bas, « l' »AFD; « the » Netherlands
    # the country or organisation it represents: France and the AFD send one delegation of two
    # people at most (001 « quel que soit la configuration institutionnelle … du pays »)
    delegation: str = ""
    validity: Validity = field(default_factory=lambda: Validity())
    source: Source | None = None  # where its arrival or departure is recorded
    note: Text | None = None

    def called(self, lang: str) -> str:
        """Its name in a sentence: « les Pays-Bas », « l'Agence française de développement »."""
        return with_article(self.article.get(lang) if self.article else "", self.name.get(lang))

    def plural(self, lang: str) -> bool:
        return lang == "fr" and self.article is not None and self.article.fr.strip() == "les"


class Role(StrEnum):
    CHEF_DE_FILE = "chef-de-file"
    CDF_DEPUTY = "cdf-deputy"
    TROIKA = "troika"
    PTF_SECRETARIAT = "ptf-secretariat"  # Pool Technique, then SEG (from 3 June 2019)
    UN_COORDINATING_AGENCY = "un-coordinating-agency"


class TermKind(StrEnum):
    ROLE = "role"  # a Role, resolved for the event's date
    INSTITUTION = "institution"  # one institution
    INSTITUTION_KIND = "kind"  # every institution of a kind (bilateral, multilateral, un)
    ALL_PTF = "all-ptf"  # every institution
    EMBASSIES = "embassies"  # the bilateral institutions that head their delegation (GA)
    BODY = "body"  # the members of a body
    BODY_TEXT = "body-text"  # a non-PTF body named as chair/secretariat (CPS, CT-CSLP, ...)
    LEAD = "lead"  # the lead (coordinator, Dialogue Leader) of the event's body
    TRIPARTITE = "tripartite"  # the tripartite coordination of the event's body (GT PTF)
    DIALOGUE_LEADERS = "dialogue-leaders"  # leads of the Groupes de Dialogue under the body
    MEMBERS = "members"  # members of the event's body
    PARENT = "parent"  # the body the event's body belongs to (a GD's GT PTF, A-51)
    GOVERNMENT = "government"  # the Government side, unspecified (RULES.md A-45)
    LEADS_OF = "leads-of"  # the leads of every body of a category in force on the date
    TRIPARTITES_OF = "tripartites-of"  # the tripartite coordinations of a category's bodies


@dataclass(frozen=True)
class Term:
    kind: TermKind
    ref: str = ""


Selector = tuple[Term, ...]


@dataclass(frozen=True)
class Validity:
    """Dates a body or rule is in force (inclusive); None means unbounded."""

    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps_year(self, year: int) -> bool:
        return self.contains_any(date(year, 1, 1), date(year, 12, 31))

    def contains_any(self, first: date, last: date) -> bool:
        return (self.start is None or self.start <= last) and (
            self.end is None or first <= self.end
        )


@dataclass(frozen=True)
class Body:
    id: str
    name: Text
    short: Text
    level: Level
    category: str
    validity: Validity
    source: Source
    parent: str | None = None
    chair: Selector = ()
    secretariat: Selector = ()
    members: Selector = ()
    vice_chair: Selector = ()  # 002's table: « Vice-Présidence des GT-CREDD »
    lead: tuple[str, ...] = ()  # institutions leading it (coordinator / Dialogue Leader)
    lead_as_of: int | None = None  # the year `lead` is known for; later: « à confirmer »
    faces: tuple[str, ...] = ()  # CPS sub-groups a Groupe de Dialogue faces
    pairs_with: tuple[str, ...] = ()  # humanitarian clusters on the same theme
    former: tuple[str, ...] = ()  # 2019 groups it continues
    also_under: tuple[str, ...] = ()  # other bodies it belongs to (a CPS under two GT CREDD)
    team: int = 1  # meetings it can serve at once (the SEG is a team of five)
    note: Text | None = None
    mark: Mark | None = None
    # its name in a sentence, article first: « le Groupe de Dialogue Santé », « la CPS Santé »
    # (its own `article`, else its category's `called`); None: the bare name
    phrase: Text | None = None

    def called(self, lang: str) -> str:
        return self.phrase.get(lang) if self.phrase else self.name.get(lang)

    def of(self, lang: str) -> str:
        """« du Groupe de Dialogue Santé », « de la CPS Santé », « of the Health Dialogue
        Group »; « de l'instance Santé » when its article is not known."""
        if lang == "en":
            return f"of {self.called('en')}"
        if self.phrase is None:
            return f"de l'instance {self.name.fr}"
        return of_fr(self.phrase.fr)

    @property
    def under(self) -> tuple[str, ...]:
        """Every body it belongs to: its parent first, then the others (002's table puts the
        CPS Eau-Environnement under two GT CREDD)."""
        return ((self.parent,) if self.parent else ()) + self.also_under


@dataclass(frozen=True)
class YearRoles:
    """Who holds the rotating roles in one calendar year (RULES.md A-34, A-35, A-52)."""

    year: int
    chef_de_file: str | None
    cdf_deputy: str | None
    troika: tuple[str, ...]
    un_coordinating_agency: str | None
    tripartite: dict[str, tuple[str, ...]]  # GT PTF id -> its three institutions
    nexus_focal_points: dict[str, str] = field(default_factory=dict)  # GD -> institution
    gd_members: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    source: Source | None = None
    mark: Mark | None = None


# --- rules ---------------------------------------------------------------------------------------


class SeatKind(StrEnum):
    """A seat a person holds for an institution (the register's `role`)."""

    HEAD = "head"  # head of agency: the titulaire
    DEPUTY = "deputy"  # the suppléant
    AMBASSADOR = "ambassador"  # ambassador (a bilateral); in a seat rule: ambassador rank
    EXPERT = "expert"  # a Groupe de Dialogue's permanent expert
    BINOME = "binome"  # the expert's binôme
    DIALOGUE_LEADER = "dialogue-leader"
    TRIPARTITE = "tripartite"  # a member of a GT PTF's tripartite coordination
    NEXUS = "nexus-focal-point"


class SeatWho(StrEnum):
    """Whose seats a seat rule names, in the group(s) of its `in`."""

    MEMBERS = "members"  # the group's members (the occurrence's participants for its own body)
    CHEF_DE_FILE = "chef-de-file"
    TROIKA = "troika"
    UN_COORDINATING_AGENCY = "un-coordinating-agency"
    TRIPARTITE = "tripartite"  # the year's tripartite coordination of a GT PTF
    LEAD = "lead"  # the group's lead: Dialogue Leader, coordinator
    DIALOGUE_LEADERS = "dialogue-leaders"  # the leads of the Groupes de Dialogue under it
    EXPERTS = "experts"  # the institutions with an expert or binôme in the group


@dataclass(frozen=True)
class SeatRule:
    """Who sits for a meeting type (a `seats:` item of meetings.yaml)."""

    who: SeatWho
    seat: SeatKind
    # the group(s): ("self", ""), ("parent", ""), ("facing", ""), ("paired", ""),
    # ("every", category) or ("id", body id)
    within: tuple[str, str] = ("self", "")
    optional: bool = False
    source: Source | None = None


@dataclass(frozen=True)
class NthWeekday:
    """`second wednesday` of each listed month (ordinal -1 = last)."""

    ordinal: int
    weekday: Weekday
    months: tuple[int, ...]


class OffsetKind(StrEnum):
    DAYS = "days"  # N calendar days before/after
    WEEKDAY = "weekday"  # the <weekday> before/after


@dataclass(frozen=True)
class Relative:
    """A date placed relative to another meeting type's occurrence: `tuesday before` the GEC."""

    anchor: str
    offset_kind: OffsetKind
    amount: int  # signed: negative = before
    weekday: Weekday | None
    months: tuple[int, ...] | None  # only the anchor occurrences in these months


@dataclass(frozen=True)
class FirstAfter:
    """The date of the first `anchor` occurrence on or after the `after` occurrence of the year."""

    anchor: str
    after: str


@dataclass(frozen=True)
class Deadline:
    """`before 15 january` (strict: last valid day the 14th), `by 31 january` (inclusive), or
    `by end of february` (day 0: the month's last day in that year)."""

    month: int
    day: int
    strict: bool

    def limit(self, year: int) -> date:
        """The day named by the rule (15 January for `before 15 january`)."""
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, self.day or last)



@dataclass(frozen=True)
class Spread:
    """Placeholders: one occurrence per body holding the type, spread evenly over the months'
    free working days; `monthly`: one per body in each of the months (A-41)."""

    months: tuple[int, ...]
    monthly: bool = False


@dataclass(frozen=True)
class CombinedWith:
    """Held together with another meeting type's occurrence: one event, two meeting types."""

    anchor: str


Rule = NthWeekday | Relative | FirstAfter | Deadline | CombinedWith | Spread


@dataclass(frozen=True)
class TimeSlot:
    start: time
    end: time


HELD_BY = "held-by"  # a meeting type convened by the body that holds each occurrence


@dataclass(frozen=True)
class Convener:
    """Who convenes a meeting type's occurrences: a party (a ministry for the joint frameworks
    the Government convenes), or HELD_BY (each sector review by its own CPS). A meeting type
    without one is convened by the PTF secretariat (the SEG), whose mailbox sends `invite`."""

    by: str
    source: Source | None = None


@dataclass(frozen=True)
class MeetingType:
    id: str
    name: Text
    short: Text  # label where space is short (month grids, planner)
    kind: EventKind
    level: Level
    bodies: tuple[str, ...]  # the bodies that hold it (one occurrence series per body)
    source: Source
    rule: Rule | None = None  # None: entered in year files only
    until: Deadline | None = None  # generated dates stay before this limit
    generate: bool = True  # False: a placeholder rule that is off unless switched on
    flexible: bool = False  # `ptfcal plan` may move its rule occurrences within shift_within
    time: TimeSlot | None = None
    days: int = 1
    shift: ShiftPolicy = ShiftPolicy.NEXT
    shift_within: Window | None = None
    chair: Selector | None = None  # overrides the body's
    secretariat: Selector | None = None
    participants: Selector | None = None
    title: Text | None = None  # title of the event; default: name
    combined_title: Text | None = None  # title when combined with another type
    avoid_august: bool = False  # RULES.md C-GEN-5 / A-04 (PTF-internal placeholders)
    stagger: tuple[TimeSlot, ...] = ()  # other hours, when same-type occurrences share people
    tentative: bool = True  # rule dates not yet confirmed are published as tentative
    seats: tuple[SeatRule, ...] = ()  # who is convened (convene/seats.py)
    convened_by: Convener | None = None  # None: the PTF secretariat convenes
    note: Text | None = None
    mark: Mark | None = None


# --- checks ---------------------------------------------------------------------------------------


class Severity(StrEnum):
    """RULES.md: HARD -> error, SOFT -> warning, INFO -> info (never a failure)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class CheckRule:
    """One checkable rule of RULES.md §8: what it checks (a check kind from the closed
    vocabulary of `checks.py`, with its parameters), how severe a breach is, and its text."""

    id: str  # C-GEC-1 ...
    kind: str
    severity: Severity
    title: Text
    source: Source
    of: tuple[str, ...] = ()  # meeting types it applies to
    then: tuple[str, ...] = ()  # second group (order, gap, within, overlap)
    per: Window | None = None
    months: tuple[int, ...] | None = None
    by: str | None = None  # count per body, per key, or per sector (body and title)
    exactly: int | None = None
    at_least: int | None = None
    at_most: int | None = None
    lesser: Severity | None = None  # severity of the milder form of a breach (RULES.md)
    max_gap_days: int | None = None
    day: tuple[int, int] | None = None  # (ordinal, weekday) for day rules
    deadline: Deadline | None = None
    late: Deadline | None = None  # a second, stronger limit (C-RET-2)
    days: int | None = None
    mode: str = "all"  # order: every `then` after all `of` ("all") or one after ("any")
    examines: str | None = None  # the `field:` of checks.yaml: an attribute or relation
    values: tuple[str, ...] = ()
    expected: Selector = ()
    categories: tuple[str, ...] = ()
    from_reform: bool = False
    from_year: int | None = None
    also_enlarged_to: str | None = None  # count: an enlarged `then` meeting counts too
    counts: dict[str, int] = field(default_factory=dict)
    note: Text | None = None
    mark: Mark | None = None


# --- recorded facts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OccurrenceFact:
    """What the secretariat recorded about one rule occurrence: it keeps its identity (UID)."""

    meeting_type: str
    body: str
    nominal: date
    date: date | None = None
    time: TimeSlot | None = None
    days: int | None = None
    cancelled: bool = False
    rescheduled: bool = False
    planned: bool = False  # a date set when planning the year: the occurrence stays planned
    enlarged_to: tuple[str, ...] = ()
    location: str | None = None
    chair: Selector | None = None  # who actually chaired (C-GEC-5, C-GA-3, C-COORD-2)
    secretariat: Selector | None = None
    participants: Selector | None = None
    attendance: dict[str, int] = field(default_factory=dict)  # institution -> people (C-GEC-6)
    note: Text | None = None
    source: Source | None = None
    mark: Mark | None = None
    # the meeting's record (agenda, presence, decisions, actions); its `attendance` is the
    # same dict as `attendance` above
    record: MeetingRecord = field(default_factory=MeetingRecord)

    @property
    def preparation_only(self) -> bool:
        """The entry holds nothing but the ordre du jour being prepared: the occurrence keeps the
        rule's date, shift and status (an agenda confirms no date; `confirm` does)."""
        return (self.record.agenda != () and self.date is None and self.time is None
                and self.days is None and not (self.cancelled or self.rescheduled or self.planned)
                and not self.enlarged_to and self.location is None and self.chair is None
                and self.secretariat is None and self.participants is None
                and not self.attendance and self.note is None and self.source is None
                and not (self.record.excused or self.record.absent or self.record.decisions
                         or self.record.actions))


@dataclass(frozen=True)
class ExtraEvent:
    """An event that no rule generates: extraordinary GEC, sector review, PM-Troïka meeting..."""

    meeting_type: str
    body: str
    date: date
    key: str  # distinguishes several extra events of one type on one day
    time: TimeSlot | None = None
    days: int = 1
    title: Text | None = None
    convened_by: str | None = None
    trigger: str | None = None
    chair: Selector | None = None
    secretariat: Selector | None = None
    participants: Selector | None = None
    attendance: dict[str, int] = field(default_factory=dict)
    location: str | None = None
    note: Text | None = None
    source: Source | None = None
    mark: Mark | None = None
    cancelled: bool = False  # entered, then called off: published as cancelled
    record: MeetingRecord = field(default_factory=MeetingRecord)  # as OccurrenceFact's


@dataclass(frozen=True)
class YearFacts:
    year: int
    occurrences: tuple[OccurrenceFact, ...] = ()
    events: tuple[ExtraEvent, ...] = ()
    file: str | None = None


# --- working calendar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HolidayOverride:
    """An officially announced date (replacing the package's estimate), a one-off day off, or
    a legal day off the package lacks, every year from `every_year_from` (on `date`'s day)."""

    date: date
    name: Text
    replaces: str | None = None  # Islamic holiday id whose estimate this date replaces
    removed: bool = False  # the package lists this day, but it is not a holiday
    source: str | None = None
    mark: Mark | None = None
    every_year_from: int | None = None  # a recurring day off: each year from this one…
    every_year_until: int | None = None  # …to this one (None: every year)
    until: time | None = None  # a half day off: worked until this time, off after it

    def days(self, years: range) -> list[date]:
        """The dates this override gives in `years`."""
        if self.every_year_from is None:
            return [self.date] if self.date.year in years else []
        last = self.every_year_until or years[-1]
        return [date(y, self.date.month, self.date.day) for y in years
                if self.every_year_from <= y <= last]


ISLAMIC_HOLIDAYS = {
    # ptfcal id -> name the `holidays` package gives in English (en_US)
    "eid-al-fitr": "Eid al-Fitr",
    "eid-al-adha": "Eid al-Adha",
    "mawlid": "Prophet's Birthday",
    "mawlid-baptism": "Prophet's Baptism",
}
ISLAMIC_NAMES = {  # how a message names them (French, English)
    "eid-al-fitr": ("la Fête du Ramadan (Korité)", "Eid al-Fitr"),
    "eid-al-adha": ("la Tabaski", "Eid al-Adha"),
    "mawlid": ("le Maouloud", "the Prophet's Birthday"),
    "mawlid-baptism": ("le Baptême du Prophète", "the Prophet's Baptism"),
}


@dataclass(frozen=True)
class Settings:
    timezone: str
    working_days: frozenset[int]
    holiday_country: str
    reform_effective: date  # RULES.md A-01
    secretariat_handover: date  # Pool Technique -> SEG, 3 June 2019
    uid_domain: str
    language: str  # the language at today's addresses, and of the terminal by default
    strict_deadlines: bool  # RULES.md A-16
    placeholders: frozenset[str]  # meeting types whose placeholder rules are switched on
    calendar_name: Text
    feed_years: tuple[int, int] = (1, 1)  # years before / after the current one in OUT/feeds
    refresh_hours: int = 3
    base_url: str | None = None
    languages: tuple[str, ...] = ("fr", "en")  # every language published; `language` first
    marks: dict[str, Mark] = field(default_factory=dict, compare=False)  # key -> where it is


@dataclass(frozen=True)
class Model:
    settings: Settings
    texts: dict[str, SourceText]
    institutions: dict[str, Institution]
    bodies: dict[str, Body]
    meeting_types: dict[str, MeetingType]
    roles: dict[int, YearRoles]
    holidays: tuple[HolidayOverride, ...]
    years: dict[int, YearFacts]
    checks: tuple[CheckRule, ...] = ()
    config_dir: str = ""
    categories: dict[str, Text] = field(default_factory=dict)  # body category -> its name

    def capacity(self, holder: str) -> int:
        """How many meetings at once a role-holder can serve: one, but a body's team."""
        kind, _, ident = holder.partition(":")
        body = self.bodies.get(ident) if kind == "body" else None
        return body.team if body is not None else 1


# --- events --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """Who chairs or serves a meeting on its date: a label and the institutions behind it."""

    label: Text
    institutions: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()  # role-holder keys ("role:chef-de-file", "lead:gd-ear", ...)
    interim: bool = False


@dataclass(frozen=True)
class Event:
    id: str  # "<body>/<meeting type>/<nominal date>[/<key>]": stable identity
    uid: str
    meeting_type: str
    combined_types: tuple[str, ...]
    body: str
    bodies: tuple[str, ...]  # body first, then the bodies of combined types
    level: Level
    kind: EventKind
    title: Text
    day: date  # first day
    last_day: date  # last day (inclusive)
    start: datetime | None  # aware, for meetings
    end: datetime | None
    nominal: date
    key: str = ""  # names one of a type's events (a sector review's sector)
    shifted_from: date | None = None  # the date before it was moved (None: not moved)
    shift_reason: Text | None = None  # why: holiday names, weekend, or the anchor it follows
    # the rule date is next to an Islamic holiday whose date is only estimated: kept, and
    # published tentative « à confirmer selon l'annonce de la fête » (why, in both languages)
    pending: Text | None = None
    status: Status = Status.PLANNED
    origin: Origin = Origin.RULE
    rescheduled: bool = False
    chair: Party | None = None
    secretariat: Party | None = None
    attendees: Party | None = None  # who takes part, as configured (label + institutions)
    participants: tuple[str, ...] = ()  # institution ids: chair, secretariat and attendees
    holders: tuple[str, ...] = ()  # role-holders needed in person (chair, secretariat, leads)
    enlarged_to: tuple[str, ...] = ()
    attendance: dict[str, int] = field(default_factory=dict)
    # what the meeting recorded: agenda, presence, decisions, actions (ptfcal/meeting.py); its
    # `attendance` is the same dict as `attendance` above
    record: MeetingRecord = field(default_factory=MeetingRecord)
    recorded: frozenset[str] = frozenset()  # which of chair/secretariat/participants were recorded
    convened_by: str | None = None
    trigger: str | None = None
    location: str | None = None
    note: Text | None = None
    source: Source | None = None
    # sources of the combined meeting types and of the recorded facts about this occurrence
    other_sources: tuple[Source, ...] = field(default_factory=tuple)

    def __hash__(self) -> int:  # events are identified by their id (dict fields aside)
        return hash(self.id)

    @property
    def types(self) -> tuple[str, ...]:
        return (self.meeting_type, *self.combined_types)

    @property
    def all_day(self) -> bool:
        return self.start is None
