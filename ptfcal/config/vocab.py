"""The closed vocabulary of date rules, parsed once at load: `second wednesday`, `tuesday before`,
`7 days before`, `before 15 january`, `by 31 march`, `all except august`.

French words are accepted beside English ones (`deuxième mercredi`, `avant le 15 janvier`).
Each parser returns a value or raises VocabError with what was expected.
"""

from __future__ import annotations

import re
import unicodedata

from ..i18n import MONTHS, WEEKDAYS
from ..i18n import text as msg
from ..model import Deadline, OffsetKind, Weekday
from ..text import Text


class VocabError(ValueError):
    def __init__(self, message: Text):
        self.text = message
        super().__init__(message.en)


def _fold(text: str) -> str:
    """Lower-case without accents, single spaces: 'Deuxième  Mercredi' -> 'deuxieme mercredi'."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text)


WEEKDAY_WORDS: dict[str, Weekday] = {}
for _lang in ("fr", "en"):
    for _i, _name in enumerate(WEEKDAYS[_lang]):
        WEEKDAY_WORDS[_fold(_name)] = Weekday(_i)
        WEEKDAY_WORDS[_fold(_name)[:3]] = Weekday(_i)

MONTH_WORDS: dict[str, int] = {}
for _lang in ("fr", "en"):
    for _i, _name in enumerate(MONTHS[_lang]):
        MONTH_WORDS[_fold(_name)] = _i + 1
for _abbr, _i in (("jan", 1), ("feb", 2), ("fev", 2), ("mar", 3), ("apr", 4), ("avr", 4),
                  ("jun", 6), ("jul", 7), ("juil", 7), ("aug", 8), ("aou", 8), ("sep", 9),
                  ("oct", 10), ("nov", 11), ("dec", 12)):
    MONTH_WORDS[_abbr] = _i

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "premier": 1, "premiere": 1, "deuxieme": 2, "seconde": 2, "troisieme": 3,
    "quatrieme": 4, "cinquieme": 5, "dernier": -1, "derniere": -1,
}
BEFORE = {"before", "avant"}
AFTER = {"after", "apres"}

WEEKDAY_HELP = "monday…sunday / lundi…dimanche"
MONTH_HELP = "january…december / janvier…décembre"


def weekday(word: str) -> Weekday:
    found = WEEKDAY_WORDS.get(_fold(word))
    if found is None:
        raise VocabError(msg("voc.weekday", value=repr(word), help=WEEKDAY_HELP))
    return found


def month(word: str) -> int:
    found = MONTH_WORDS.get(_fold(word))
    if found is None:
        raise VocabError(msg("voc.month", value=repr(word), help=MONTH_HELP))
    return found


def day_of_year(text: str) -> tuple[int, int]:
    """'14 january' / '14 janvier' / '1er mai' -> (month, day); 29 February is refused (it is
    not a day of every year)."""
    import calendar

    m = re.fullmatch(r"\s*(\d{1,2})(?:er)?\s+(\S+)\s*", text)
    if not m:
        raise VocabError(msg("voc.day-of-year", value=repr(text)))
    number, month_ = int(m[1]), month(m[2])
    if not 1 <= number <= calendar.monthrange(2023, month_)[1]:
        raise VocabError(msg("voc.day-of-year", value=repr(text)))
    return month_, number


def months(text: str) -> tuple[int, ...]:
    """'all', 'all except august', 'every month except august', 'april', 'march, june'."""
    folded = _fold(text)
    m = re.fullmatch(
        r"(?:all|every month|all months|tous les mois|chaque mois)(?: (?:except|sauf) (.+))?",
        folded,
    )
    if m:
        excluded = {month(w) for w in re.split(r"\s*(?:,| and | et )\s*", m[1])} if m[1] else set()
        return tuple(x for x in range(1, 13) if x not in excluded)
    return tuple(sorted({month(w) for w in re.split(r"\s*(?:,| and | et )\s*", folded)}))


def nth_weekday(text: str) -> tuple[int, Weekday]:
    """'second wednesday' / 'deuxième mercredi' -> (2, WEDNESDAY)."""
    words = _fold(text).split(" ")
    if len(words) == 2 and words[0] in ORDINALS:
        return ORDINALS[words[0]], weekday(words[1])
    raise VocabError(msg("voc.nth", value=repr(text), help=WEEKDAY_HELP))


def offset(text: str) -> tuple[OffsetKind, int, Weekday | None]:
    """'tuesday before' -> (WEEKDAY, -1, TUESDAY); '7 days before' -> (DAYS, -7, None)."""
    folded = _fold(text)
    m = re.fullmatch(r"(\d{1,3}) (?:days?|jours?) (\w+)", folded)
    if m and (m[2] in BEFORE or m[2] in AFTER):
        n = int(m[1])
        return OffsetKind.DAYS, -n if m[2] in BEFORE else n, None
    if folded in ("same day", "le meme jour", "meme jour"):
        return OffsetKind.DAYS, 0, None
    m = re.fullmatch(r"(?:the |le )?(\w+) (\w+)", folded)
    if m and (m[2] in BEFORE or m[2] in AFTER) and m[1] in WEEKDAY_WORDS:
        return OffsetKind.WEEKDAY, -1 if m[2] in BEFORE else 1, WEEKDAY_WORDS[m[1]]
    raise VocabError(msg("voc.relative", value=repr(text)))


def is_relative(text: str) -> bool:
    words = _fold(text).split(" ")
    return bool(words) and (words[-1] in BEFORE or words[-1] in AFTER or _fold(text) == "same day")


def deadline(text: str) -> Deadline:
    """'before 15 january' (strict) / 'by 31 march' (inclusive) / 'by end of february' (its
    last day, whatever the year), in French or English."""
    folded = _fold(text)
    end = re.fullmatch(r"(?:by )?(?:the )?end of (\w+)|(?:a la )?fin (?:de |d')?(\w+)", folded)
    if end:
        return Deadline(month(end[1] or end[2]), 0, False)
    m = re.fullmatch(
        r"(before|avant(?: le)?|by|au plus tard(?: le)?) (\d{1,2})(?:er)? (\w+)", folded
    )
    if not m:
        raise VocabError(msg("voc.deadline", value=repr(text)))
    strict = m[1].startswith(("before", "avant"))
    day, mon = int(m[2]), month(m[3])
    import calendar

    if not 1 <= day <= calendar.monthrange(2001, mon)[1]:
        raise VocabError(Text(f"{text!r} : {MONTHS['fr'][mon - 1]} n'a pas de {day} chaque année",
                              f"{text!r}: {MONTHS['en'][mon - 1]} has no day {day} in every year"))
    return Deadline(mon, day, strict)
