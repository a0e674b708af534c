"""Every text a user reads, in French (the default) and English, from one catalogue.

Names of bodies, meetings and rules come from the configuration (both languages); this package
holds the rest: day and month names, nouns, and the messages of each capability, one table per
module, looked up here by `t()` and `text()`.
"""

from __future__ import annotations

from datetime import date

from .check import CHECK_MESSAGES
from .config import CONFIG_MESSAGES
from .convene import CONVENE_MESSAGES
from .convocation import CONVOCATION_MESSAGES
from .dates import (
    MONTHS,
    MONTHS_SHORT,
    WEEKDAYS,
    deadline_words,
    format_day,
    format_day_month,
    format_short_day,
    format_time,
    years_text,
)
from .meet import MEET_MESSAGES
from .minutes import MINUTES_MESSAGES
from .nouns import NOUNS, Counted, count
from .output import OUTPUT_MESSAGES
from .plan import PLAN_MESSAGES
from .publish import PUBLISH_MESSAGES
from .record import RECORD_MESSAGES
from .report import REPORT_MESSAGES
from .seats import SEATS_MESSAGES

__all__ = ["MONTHS", "MONTHS_SHORT", "NOUNS", "WEEKDAYS", "Counted", "count", "deadline_words",
           "format_day", "format_day_month", "format_short_day", "format_time", "known",
           "shift_sentence", "t", "text", "years_text"]

_TABLES = (PUBLISH_MESSAGES, CHECK_MESSAGES, CONFIG_MESSAGES, OUTPUT_MESSAGES, RECORD_MESSAGES,
           PLAN_MESSAGES, CONVENE_MESSAGES, MEET_MESSAGES, SEATS_MESSAGES,
           MINUTES_MESSAGES, REPORT_MESSAGES, CONVOCATION_MESSAGES)


def known(message: str) -> bool:
    return any(message in table for table in _TABLES)


def t(message: str, lang: str = "fr", /, **values: object) -> str:
    """The message `message` in `lang`, with its {placeholders} filled."""
    entry = next((table[message] for table in _TABLES if message in table), None)
    if entry is None:
        raise KeyError(message)
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text


def text(message: str, /, **values: object):
    """The message in both languages; dates, Texts and lists are rendered per language."""
    from ..text import Text

    def render(value: object, lang: str) -> str:
        if isinstance(value, Text | Counted):
            return value.get(lang)
        if isinstance(value, date):
            return format_day(value, lang)
        if isinstance(value, list | tuple):
            return ", ".join(render(v, lang) for v in value)
        return str(value)

    return Text(*(t(message, lang, **{k: render(v, lang) for k, v in values.items()})
                  for lang in ("fr", "en")))


def shift_sentence(day: date, shifted_from: date | None, why: str, lang: str) -> str:
    """'reportée du jeudi 5 novembre 2020 (Tabaski)', or why a date stayed on a day off."""
    if shifted_from is None:
        return t("shift.kept", lang, why=why)
    key = "shift.moved" if day > shifted_from else "shift.advanced"
    return t(key, lang, day=format_day(shifted_from, lang), why=why)
