"""Dates as people write them, read in one place, and days counted without overflowing."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")
# What Obsidian and people write in a date property: a date, optionally followed by a time
# (T or space), seconds, fraction and UTC offset.
_WRITTEN = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?"
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


def read_written_day(text: str) -> date | None:
    """The calendar day of a date or date-time as written in a property; None if it is not
    one (or names a day that does not exist)."""
    match = _WRITTEN.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held at the ends of the calendar rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
