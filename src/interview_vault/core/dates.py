"""Dates as people write them, read in one place, and days counted without overflowing."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")
# What Obsidian and people write in a date property: a date, optionally followed by a time
# (after T, a space or `@`: `2026-11-20 @ 18:44` is a date format Obsidian offers), seconds,
# fraction, AM or PM and UTC offset.
_WRITTEN = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:(?:[Tt ]+|[ \t]*@[ \t]*)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?:(?P<half>[AaPp])\.?[Mm]\.?)?"
    r"\s*(?P<offset>[Zz]|(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?)?)?"
)
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def parse_day(text: str) -> date:
    """`YYYY-MM-DD` exactly, as typed in a command, a snooze or a task's due date.

    Raises ValueError (saying why) for anything else, or a day that does not exist.
    """
    match = _DAY.fullmatch(text.strip())
    try:
        if match is not None:
            return date(*map(int, match.groups()))
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date like 2026-11-26")


def parse_day_or_moment(text: str) -> date | datetime:
    """`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space for the T also does): a day, or a moment."""
    written = text.strip()
    try:
        if _DAY_AND_TIME.fullmatch(written):
            moment = datetime.fromisoformat(written)
            return moment if len(written) > 10 else moment.date()
    except ValueError:  # a day or time that does not exist
        pass
    raise ValueError(f"{text!r} is not a date like 2026-12-01 or 2026-12-01T10:00")


class NoSuchDay(ValueError):
    """A date or time written rightly that does not exist; the message says why."""


@lru_cache(maxsize=8192)  # (the same few hundred days are written in thousands of notes)
def read_written_day(text: str) -> date | None:
    """The calendar day of a date or date-time as written in a property (YYYY-MM-DD, with a
    time or not); None if it is not written so. Raises NoSuchDay when it is, but names a
    day or time that does not exist."""
    match = _WRITTEN.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(match[part]) for part in ("year", "month", "day"))
    written = text.strip()[:10]
    if year < 1:
        raise NoSuchDay(f"{written}: there is no year 0")
    if not 1 <= month <= 12:
        raise NoSuchDay(f"{written}: there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        leap = f" {year}" if month == 2 else ""
        raise NoSuchDay(f"{written}: {MONTHS[month - 1]}{leap} has {days} days")
    hour, minute, second = (int(match[part] or 0) for part in ("hour", "minute", "second"))
    for value, unit, highest in (
        (hour, "hour", 23),
        (minute, "minute", 59),
        (second, "second", 59),
    ):
        if value > highest:
            raise NoSuchDay(f"{text.strip()}: there is no {unit} {value}")
    return date(year, month, day)


def read_written_moment(text: str) -> date | datetime | None:
    """A date or date-time as a property writes it (see `read_written_day`): a day alone,
    or its moment: a time without an offset as written (`10:00 PM` is 22:00), one with an
    offset in it. None when it is not written so, or names no such day or time."""
    try:
        day = read_written_day(text)
    except NoSuchDay:
        return None
    match = _WRITTEN.fullmatch(text.strip())
    if day is None or match is None or match["hour"] is None:
        return day
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["half"] is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] in "Pp" else 0)
    zone = None
    if match["offset"] is not None:
        minutes = int(match["hours"] or 0) * 60 + int(match["minutes"] or 0)
        zone = timezone(timedelta(minutes=-minutes if match["sign"] == "-" else minutes))
    return datetime.combine(day, time(hour, minute, int(match["second"] or 0)), zone)


# A day written in words, in English: `Dec 19, 2026`, `December 19th 2026`, `19 Dec 2026`,
# `Dec. 19` (month names whole or cut to three letters, `Sept` too; a year or none)
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
DAY_IN_WORDS = (
    rf"(?:{_MONTH_WORD}[ \t]+{_DAY_NUMBER}|{_DAY_NUMBER}[ \t]+{_MONTH_WORD})"
    r"(?:,?[ \t]+\d{4})?(?![\w-])"
)
_MONTH_IN_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_NUMBERS = re.compile(r"\d+")


_WHOLE_DAY_IN_WORDS = re.compile(DAY_IN_WORDS, re.IGNORECASE)


def is_day_in_words(text: str) -> bool:
    """Whether `text`, all of it, is a day in words (`Dec 19`, `19 December 2026`)."""
    return _WHOLE_DAY_IN_WORDS.fullmatch(text.strip()) is not None


def day_in_words(text: str) -> date | None:
    """The day `text`, all of it a day in words, names, when it gives a year and the day
    exists; None otherwise (`Dec 19`: which year, it does not say; `Wk 2 Oct 2026`)."""
    if not is_day_in_words(text):
        return None
    month = _MONTH_IN_WORDS.search(text)
    numbers = _NUMBERS.findall(text)  # (the day, then the year)
    if month is None or len(numbers) != 2:
        return None
    try:
        return date(int(numbers[1]), MONTH_NUMBERS[month[0].casefold()], int(numbers[0]))
    except ValueError:
        return None


MONTH_NUMBERS = {name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)}


# A date in a file name: `2024-06-14`, `2024.10.13`, or written compactly, `20230301` (as
# in "MoM 20230301"), with no digit on either side
_DAY_IN_NAME = re.compile(r"(?<!\d)(\d{4})([-.]?)(\d{2})\2(\d{2})(?!\d)")


def day_in_name(name: str) -> date | None:
    """The first date a note's name holds, if any: one that exists, from 1900 to 2100 (an
    eight-digit number that is no date is none)."""
    for found in _DAY_IN_NAME.finditer(name):
        try:
            day = read_written_day(f"{found[1]}-{found[3]}-{found[4]}")
        except NoSuchDay:
            continue
        if day is not None and 1900 <= day.year <= 2100:
            return day
    return None


def day_in_path(path: str) -> date | None:
    """The date a note's file name holds (`Meeting - 2024-06-14 2247`, `MoM 20230301`),
    else the name of the folder holding it (`2024-06-14 Coffee/index.md`,
    `20260121-ken-intro/summary.md`), if either holds one."""
    folders, _, name = path.rpartition("/")
    return day_in_name(name.removesuffix(".md")) or (
        day_in_name(folders.rpartition("/")[2]) if folders else None
    )


def why_no_day(text: str) -> str | None:
    """Why a YYYY-MM-DD date does not exist (None when it does, or is not one)."""
    try:
        read_written_day(text)
    except NoSuchDay as reason:
        return str(reason)
    return None


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held at the ends of the calendar rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def add_business_days(day: date, days: int) -> date:
    """`day` moved by `days` business days: one day at a time, counting only Monday to
    Friday (Saturday + 1 is Monday, Monday - 1 is Friday). Holidays are not known."""
    step = 1 if days >= 0 else -1
    left = abs(days)
    try:
        while left:
            day += timedelta(days=step)
            if day.weekday() < 5:
                left -= 1
    except OverflowError:
        return date.max if step > 0 else date.min
    return day
