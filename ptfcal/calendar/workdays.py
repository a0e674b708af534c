"""Mali's working days: weekends, public holidays (package `holidays`), the officially announced
dates that replace its estimates, one-off days off, and the order in which a shift policy tries
other days.

The only module that imports `holidays`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache

from .. import i18n
from ..errors import ConfigError, Problem
from ..model import (
    ISLAMIC_HOLIDAYS,
    ISLAMIC_NAMES,
    HolidayOverride,
    Settings,
    ShiftPolicy,
    Text,
    Window,
)

OFFICIAL_MATCH_DAYS = 5  # an announced date replaces the package's date within this distance
# Mali observes the Baptême du Prophète 6 days after the Naissance (2016: 12 -> 18 December;
# 2019: 10 -> 16 November; 2022: 9 -> 15 October; 2023: 28 September -> 4 October), where the
# `holidays` package adds 7: an unannounced one is placed 6 days from the announced other.
BAPTISM_AFTER_BIRTH = 6
MAX_SHIFT_DAYS = 31  # a shift never looks further than this, even without a window


@dataclass(frozen=True)
class Holiday:
    day: date
    name: Text
    islamic: str | None = None  # ISLAMIC_HOLIDAYS id
    estimated: bool = False  # the package's estimate, not an announced date
    origin: str = "package"  # package | official | day-off | derived (Baptême = Naissance + 6)
    until: time | None = None  # a half day off: worked until this time, off after it

    def label(self, lang: str) -> str:
        name = self.name.get(lang)
        if self.until is not None:
            name += i18n.t("holiday.half", lang, time=self.until.strftime("%H:%M"))
        if self.estimated:
            return name + (" — date estimée, à confirmer" if lang == "fr" else
                           " — estimated date, to be confirmed")
        return name


@dataclass(frozen=True)
class PackageHoliday:
    """One holiday as the `holidays` package computes it (what a cache would store)."""

    day: date
    fr: str
    en: str
    estimated: bool


def package_holidays(country: str, years: Iterable[int]) -> list[PackageHoliday]:
    """Public holidays of `country` in `years` from the `holidays` package, in French and English,
    with the estimated (unconfirmed) Islamic dates flagged.

    Importing `holidays` loads all of its 250 country modules (~0.2 s) for 1 ms of work, so the
    dates are kept per (country, year) in a cache file named after the package's version: a new
    `holidays` release recomputes them. The cache is only a copy of what the package says.
    """
    years = sorted(set(years))
    cache = _HolidayCache(country)
    missing = [y for y in years if y not in cache.years]
    if missing:
        cache.add(_compute(country, missing))
    return [h for y in years for h in cache.years[y]]


def _compute(country: str, years: list[int]) -> dict[int, list[PackageHoliday]]:
    import re

    import holidays as holidays_pkg

    try:
        cls = holidays_pkg.country_holidays(country, years=[]).__class__
    except NotImplementedError:
        raise UnknownCountry(country) from None
    # The default language holds the msgids. Never let the package pick a language from the
    # process locale: the same input must give the same names on every machine.
    try:
        base = cls(years=years, language=cls.default_language, islamic_show_estimated=True)
    except TypeError:  # a country without Islamic holidays (FR) has no such option
        base = cls(years=years, language=cls.default_language)
    fr = cls(years=[], language="fr") if "fr" in cls.supported_languages else base
    en = cls(years=[], language="en_US") if "en_US" in cls.supported_languages else base
    label = getattr(cls, "estimated_label", "%s (estimated)")
    pattern = re.compile("^" + re.escape(label).replace("%s", "(.+)") + "$")
    generic = _generic_years(base)
    result: dict[int, list[PackageHoliday]] = {y: [] for y in years}
    for day in sorted(base):
        for name in base.get_list(day):
            m = pattern.match(name)
            msgid = m[1] if m else name
            english = en.tr(msgid)
            group = _LUNAR_GROUP.get(english)
            fallback = group is not None and day.year in generic.get(group, ())
            result[day.year].append(PackageHoliday(day, fr.tr(msgid), english,
                                                   bool(m) or fallback))
    return result


# the package's English names of the Islamic holidays -> the table of dates that gives them
_LUNAR_GROUP = {"Eid al-Fitr": "EID_AL_FITR", "Eid al-Adha": "EID_AL_ADHA",
                "Prophet's Birthday": "MAWLID", "Prophet's Baptism": "MAWLID"}


def _generic_years(instance) -> dict[str, set[int]]:
    """Years the package calls confirmed for a country but has no date of that country for: it
    then gives the generic lunar date, unlabelled (in holidays 0.109, Mali's Eid al-Adha of
    2019, 2020, 2022 and 2023). ptfcal treats those as estimates. Read from the country's
    Islamic calendar class; a package without such tables gives nothing here."""
    calendar = getattr(instance, "_islamic_calendar", None)
    found: dict[str, set[int]] = {}
    for group in set(_LUNAR_GROUP.values()):
        explicit = getattr(calendar, f"{group}_DATES_CUSTOM_CALENDAR", None)
        confirmed = getattr(calendar, f"{group}_DATES_CONFIRMED_YEARS_CUSTOM_CALENDAR", None)
        if isinstance(explicit, dict) and isinstance(confirmed, tuple) and len(confirmed) == 2:
            first, last = confirmed
            found[group] = {y for y in range(first, last + 1) if y not in explicit}
    return found


class UnknownCountry(Exception):
    """The `holidays` package has no public holidays for this country code."""


MAX_CACHE_BYTES = 10_000_000  # a century of Mali's holidays takes about 200 KB


class _HolidayCache:
    """<cache dir>/holidays-<country>-<package version>.json: {year: [[date, fr, en, est], …]}.

    The folder is $PTFCAL_CACHE_DIR, else $XDG_CACHE_HOME/ptfcal, else ~/.cache/ptfcal; a cache
    that cannot be read or written is simply not used. Loaded once per process and country.
    """

    _loaded: dict[tuple[str, str], dict[int, list[PackageHoliday]]] = {}

    FORMAT = 2  # 2: a package's generic fallback dates count as estimates

    def __init__(self, country: str):
        self.path = _cache_dir() / (f"holidays-{country}-{_package_version()}"
                                    f"-v{self.FORMAT}.json")
        key = (country, str(self.path))
        if key not in self._loaded:
            self._loaded[key] = self._read()
        self.years = self._loaded[key]

    def _read(self) -> dict[int, list[PackageHoliday]]:
        """The cached years; a cache that is damaged (`[]`, `null`, JSON nested thousands
        deep, a pipe, a huge file) is not used, and the next write replaces it."""
        import json

        from ..fileio import read_bounded

        try:
            doc = json.loads(read_bounded(self.path, MAX_CACHE_BYTES, follow_links=False))
            return {int(y): [PackageHoliday(date.fromisoformat(d), str(fr), str(en), bool(est))
                             for d, fr, en, est in rows] for y, rows in doc.items()}
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            return {}

    def add(self, found: dict[int, list[PackageHoliday]]) -> None:
        import json
        import os
        import tempfile

        self.years.update(found)
        doc = {str(y): [[h.day.isoformat(), h.fr, h.en, h.estimated] for h in rows]
               for y, rows in sorted(self.years.items())}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".holidays-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(doc, handle, ensure_ascii=False)
            os.replace(temp, self.path)
        except OSError:
            pass  # a read-only home: no cache, same dates


def _cache_dir():
    import os
    from pathlib import Path

    if os.environ.get("PTFCAL_CACHE_DIR"):
        return Path(os.environ["PTFCAL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ptfcal"


@cache
def _package_version() -> str:
    """The installed `holidays` version, from its dist-info folder, without importing it (or
    the package file's modification time when there is no such folder). Looked up once per
    process."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return "none"
    package = Path(spec.origin).parent
    for info in sorted(package.parent.glob("holidays-*.dist-info")):
        return info.name.removeprefix("holidays-").removesuffix(".dist-info")
    try:
        return f"m{Path(spec.origin).stat().st_mtime_ns}"
    except OSError:
        return "unknown"


class WorkCalendar:
    """Which days are worked in Mali, and why the others are not."""

    def __init__(self, working_days: frozenset[int], holidays: Iterable[Holiday]):
        self.working_days = working_days
        self._by_day: dict[date, tuple[Holiday, ...]] = {}
        self._half: dict[date, Holiday] = {}  # half days off: worked in the morning
        for h in sorted(holidays, key=lambda h: (h.day, h.name.fr)):
            if h.until is not None:
                self._half.setdefault(h.day, h)
            else:
                self._by_day[h.day] = (*self._by_day.get(h.day, ()), h)
        # the Monday after a legal holiday that falls on a Sunday: Mali commonly declares it
        # chômé by communiqué (Monday 19 December 2016, after the Sunday Baptême), so a
        # generated date avoids it and a recorded one is warned about (C-GEN-8)
        self._after_sunday: dict[date, Holiday] = {}
        for day, found in self._by_day.items():
            monday = day + timedelta(days=1)
            if day.weekday() == 6 and monday not in self._by_day:
                self._after_sunday.setdefault(monday, found[0])
        # the days next to an Islamic holiday whose date is only estimated: the announced date
        # may fall on them (a generated meeting avoids them; C-GEN-7 flags a recorded one)
        self._uncertain: dict[date, Holiday] = {}
        for h in self.holidays():
            if h.estimated and h.islamic:
                for step in (-1, 1):
                    self._uncertain.setdefault(h.day + timedelta(days=step), h)

    def holidays_on(self, day: date) -> tuple[Holiday, ...]:
        return self._by_day.get(day, ())

    def holidays(self) -> list[Holiday]:
        """Every day off, the half days included, by date."""
        days = sorted({*self._by_day, *self._half})
        return [h for day in days for h in (*self._by_day.get(day, ()),
                                             *((self._half[day],) if day in self._half else ()))]

    def is_working_day(self, day: date) -> bool:
        """Worked, and not the Monday after a Sunday holiday (probably declared chômé)."""
        return (day.weekday() in self.working_days and day not in self._by_day
                and day not in self._after_sunday)

    def after_sunday_holiday(self, day: date) -> Holiday | None:
        """The Sunday holiday that `day`, a Monday, follows (the Monday is commonly chômé)."""
        return self._after_sunday.get(day)

    def half_day_off(self, day: date) -> Holiday | None:
        """The half day off on `day` (worked until `until`), if any."""
        return self._half.get(day)

    def afternoon_off(self, start, end) -> Holiday | None:
        """The half day off that a meeting from `start` to `end` (aware datetimes) runs into."""
        if start is None or end is None:
            return None
        day = start.date()
        while day <= end.date():
            h = self._half.get(day)
            if h is not None and (end.date() > day or end.timetz().replace(tzinfo=None)
                                  > h.until):
                return h
            day += timedelta(days=1)
        return None

    def uncertain(self, day: date) -> Holiday | None:
        """The estimated Islamic holiday a day is next to, if any."""
        return self._uncertain.get(day)

    def estimated_on(self, day: date) -> Holiday | None:
        """The estimated Islamic holiday that alone makes `day` a day off: a working day
        otherwise, no other holiday on it (the announced date may well be the day before or
        after)."""
        found = self._by_day.get(day, ())
        if (not found or not all(h.estimated and h.islamic for h in found)
                or day.weekday() not in self.working_days or day in self._after_sunday):
            return None
        return found[0]

    def why_pending(self, day: date) -> Text:
        """« à confirmer selon l'annonce de la fête » for a day on or next to an estimated
        holiday."""
        on = self.estimated_on(day)
        if on is not None:
            return Text(i18n.t("shift.pending.on", "fr", holiday=on.name.fr),
                        i18n.t("shift.pending.on", "en", holiday=on.name.en))
        h = self._uncertain[day]
        return Text(i18n.t("shift.pending", "fr", holiday=h.name.fr,
                           day=i18n.format_day(h.day, "fr")),
                    i18n.t("shift.pending", "en", holiday=h.name.en,
                           day=i18n.format_day(h.day, "en")))

    def why_not_working(self, day: date) -> Text:
        """'Journée de la Tabaski' / 'week-end', in both languages."""
        found = self.holidays_on(day)
        if found:
            return Text(
                " ; ".join(h.label("fr") for h in found), "; ".join(h.label("en") for h in found)
            )
        if day in self._after_sunday and day.weekday() in self.working_days:
            return self.why_after_sunday(day)
        if day in self._half:
            h = self._half[day]
            return Text(h.label("fr"), h.label("en"))
        return Text(i18n.t("shift.weekend", "fr"), i18n.t("shift.weekend", "en"))

    def why_day_off(self, day: date) -> Text | None:
        """Why a date given as a meeting's date is not worked, as a sentence (« samedi 11
        septembre 2027 est un jour de week-end », « … est un jour férié : Journée du 26 mars »);
        None for a working day, and for the Monday after a Sunday holiday (commonly declared
        chômé, not a legal holiday: C-GEN-8 warns) and a half day off (C-GEN-9 warns)."""
        found = self.holidays_on(day)
        if found:
            name = Text(" ; ".join(h.label("fr") for h in found),
                        "; ".join(h.label("en") for h in found))
            return i18n.text("dayoff.holiday", day=day, name=name)
        if day.weekday() not in self.working_days:
            return i18n.text("dayoff.weekend", day=day)
        return None

    def why_after_sunday(self, day: date) -> Text:
        h = self._after_sunday[day]
        return Text(i18n.t("shift.after-sunday", "fr", holiday=h.label("fr")),
                    i18n.t("shift.after-sunday", "en", holiday=h.label("en")))

    def candidates(
        self, day: date, policy: ShiftPolicy, window: Window | None
    ) -> Iterator[date]:
        """Working days to try instead of `day`, best first, inside `window` (RULES.md A-03).

        next-working-day: the next working day, then the previous one, then further out in
        alternation (a coordinators' meeting pushed off a holiday Tuesday must not land on the
        GEC's Wednesday: the caller skips days with a hard conflict).
        """
        low, high = (
            window.bounds(day)
            if window
            else (day - timedelta(days=MAX_SHIFT_DAYS), day + timedelta(days=MAX_SHIFT_DAYS))
        )
        if policy is ShiftPolicy.SAME_WEEKDAY_NEXT_WEEK:
            step = 7
            probe = day + timedelta(days=step)
            while probe <= high:
                if self.is_working_day(probe):
                    yield probe
                probe += timedelta(days=step)
            return
        forward = self._walk(day, +1, high)
        backward = self._walk(day, -1, low)
        if policy is ShiftPolicy.PREVIOUS:
            yield from backward
            return
        if policy is ShiftPolicy.NEXT:
            yield from _alternate(forward, backward)

    def _walk(self, day: date, step: int, limit: date) -> Iterator[date]:
        probe = day + timedelta(days=step)
        while (probe <= limit) if step > 0 else (probe >= limit):
            if self.is_working_day(probe):
                yield probe
            probe += timedelta(days=step)


def _alternate(a: Iterator[date], b: Iterator[date]) -> Iterator[date]:
    done_a = done_b = False
    while not (done_a and done_b):
        if not done_a:
            x = next(a, None)
            if x is None:
                done_a = True
            else:
                yield x
        if not done_b:
            y = next(b, None)
            if y is None:
                done_b = True
            else:
                yield y


def build(
    settings: Settings,
    overrides: Iterable[HolidayOverride],
    years: Iterable[int],
    source: Iterable[PackageHoliday] | None = None,
) -> WorkCalendar:
    """The working calendar for `years` (plus the years around them, for shifts across 1 Jan)."""
    years = sorted(set(years))
    span = range(years[0] - 1, years[-1] + 2)
    try:
        found = list(source) if source is not None else package_holidays(
            settings.holiday_country, span)
    except UnknownCountry:
        raise ConfigError([Problem(settings.marks.get("holidays_country"), "holidays_country",
                                   i18n.text("ld.country",
                                             value=repr(settings.holiday_country)))]) from None
    islamic_by_en = {v: k for k, v in ISLAMIC_HOLIDAYS.items()}
    result = [
        Holiday(p.day, Text(p.fr, p.en), islamic_by_en.get(p.en), p.estimated) for p in found
    ]
    problems: list[Problem] = []
    for o in overrides:
        if o.every_year_from is not None:
            result.extend(Holiday(d, o.name, None, False, "day-off") for d in o.days(span))
            continue
        if o.date.year not in span:
            continue
        if o.removed:
            result = [h for h in result if h.day != o.date]
        elif o.replaces:
            near = [
                h for h in result
                if h.islamic == o.replaces and abs((h.day - o.date).days) <= OFFICIAL_MATCH_DAYS
            ]
            if not near:
                problems.append(Problem(o.mark, "official_dates.date", i18n.text(
                    "ld.official-far", day=o.date.isoformat(),
                    holiday=Text(*ISLAMIC_NAMES[o.replaces]),
                    days=OFFICIAL_MATCH_DAYS)))
                continue
            target = min(near, key=lambda h: abs((h.day - o.date).days))
            result.remove(target)
            result.append(Holiday(o.date, target.name, o.replaces, False, "official"))
        else:
            result.append(Holiday(o.date, o.name, None, False, "day-off", o.until))
    if problems:
        raise ConfigError(problems)
    return WorkCalendar(settings.working_days, _six_days_apart(result))


def _six_days_apart(found: list[Holiday]) -> list[Holiday]:
    """The Baptême placed `BAPTISM_AFTER_BIRTH` days after its Naissance when only the
    Naissance (or neither) was announced, and the Naissance that many days before an announced
    Baptême; an announced date is never moved. The pair is the Naissance and the first Baptême
    within two weeks after it."""
    result = list(found)
    births = [h for h in result if h.islamic == "mawlid"]
    for birth in births:
        baptisms = [h for h in result if h.islamic == "mawlid-baptism"
                    and 0 < (h.day - birth.day).days <= 14]
        if not baptisms:
            continue
        baptism = min(baptisms, key=lambda h: h.day)
        if baptism.origin != "official":
            day = birth.day + timedelta(days=BAPTISM_AFTER_BIRTH)
            if day != baptism.day:
                result.remove(baptism)
                result.append(Holiday(day, baptism.name, baptism.islamic,
                                      baptism.estimated or birth.estimated, "derived"))
        elif birth.origin != "official":
            day = baptism.day - timedelta(days=BAPTISM_AFTER_BIRTH)
            if day != birth.day:
                result.remove(birth)
                result.append(Holiday(day, birth.name, birth.islamic,
                                      birth.estimated or baptism.estimated, "derived"))
    return result
