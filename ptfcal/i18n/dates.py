"""Day and month names, and dates and times written in each language."""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}

MONTHS_SHORT = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin",
           "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def years_text(years) -> str:
    """2019, 2020, 2021, 2025 -> '2019–2021, 2025'."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def deadline_words(deadline, lang: str = "en") -> str:
    """'before 30 April' / 'avant le 30 avril' / 'end of February'."""
    month = MONTHS[lang][deadline.month - 1]
    if deadline.day == 0:
        return f"fin {month}" if lang == "fr" else f"end of {month}"
    if lang == "fr":
        return f"{'avant le' if deadline.strict else 'au plus tard le'} {deadline.day} {month}"
    return f"{'before' if deadline.strict else 'by'} {deadline.day} {month}"


def format_day(day: date, lang: str = "fr", weekday: bool = True) -> str:
    """'mercredi 12 mai 2021' / 'Wednesday 12 May 2021'."""
    name = WEEKDAYS[lang][day.weekday()] + " " if weekday else ""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{name}{number} {MONTHS[lang][day.month - 1]} {day.year}"


def format_short_day(day: date, lang: str = "fr") -> str:
    """'jeu. 5 nov.' / 'Thu 5 Nov'."""
    weekday = WEEKDAYS[lang][day.weekday()][:3]
    month = MONTHS_SHORT[lang][day.month - 1]
    if lang == "fr":
        return f"{weekday}. {'1er' if day.day == 1 else day.day} {month}"
    return f"{weekday} {day.day} {month}"


def format_day_month(day: date, lang: str = "fr") -> str:
    """'1er janv.' / '1 Jan'."""
    month = MONTHS_SHORT[lang][day.month - 1]
    return f"{'1er' if lang == 'fr' and day.day == 1 else day.day} {month}"


def format_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")
