"""Date rules -> the dates they give. Pure calendar arithmetic, no holidays; python-dateutil
for the weekday before or after a date.

The scheduler decides which occurrences exist and moves them off non-working days; this module
only answers "which day is the second Wednesday of June 2020" and its relatives.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta, weekday

from ..model import Deadline, NthWeekday, OffsetKind, Relative


def nth_weekday(year: int, month: int, ordinal: int, day_of_week: int) -> date | None:
    """The `ordinal`-th (1..5, or -1 for last) `day_of_week` of the month; None if it has none.

    The second Wednesday is the Wednesday falling on day 8-14: a month that starts on a
    Wednesday has its first on the 1st and its second on the 8th.
    """
    if ordinal > 0:
        first = date(year, month, 1)
        day = 1 + (day_of_week - first.weekday()) % 7 + 7 * (ordinal - 1)
    else:
        length = monthrange(year, month)[1]
        last = date(year, month, length)
        day = length - (last.weekday() - day_of_week) % 7 + 7 * (ordinal + 1)
    if not 1 <= day <= monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def nth_weekday_dates(rule: NthWeekday, year: int) -> list[date]:
    found = (nth_weekday(year, m, rule.ordinal, rule.weekday) for m in rule.months)
    return [d for d in found if d is not None]


def relative_date(rule: Relative, anchor: date) -> date:
    """`tuesday before` / `7 days before` the anchor date."""
    if rule.offset_kind is OffsetKind.DAYS:
        return anchor + timedelta(days=rule.amount)
    assert rule.weekday is not None
    if rule.amount < 0:  # the <weekday> strictly before
        return anchor + relativedelta(days=-1, weekday=weekday(rule.weekday, -1))
    return anchor + relativedelta(days=+1, weekday=weekday(rule.weekday, +1))


def deadline_date(rule: Deadline, year: int, strict: bool | None = None) -> date:
    """The last valid day: 14 January for 'before 15 january' (strict, A-16), else the day."""
    limit = rule.limit(year)
    is_strict = rule.strict if strict is None else strict
    return limit - timedelta(days=1) if is_strict else limit


def first_on_or_after(dates: Sequence[date], start: date) -> date | None:
    later = [d for d in dates if d >= start]
    return min(later) if later else None


def spread(days: Sequence[date], count: int) -> list[date]:
    """`count` days picked evenly over `days` (sorted), the first on the first day."""
    if not days or count <= 0:
        return []
    if count >= len(days):
        return [days[i % len(days)] for i in range(count)]
    step = len(days) / count
    return [days[int(i * step)] for i in range(count)]
