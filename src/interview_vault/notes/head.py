"""When a meeting was, from a line at the head of its body that says so: `**Date:**
2026-01-21` under its title, `- Date: [[2026-01-21]]`, Dataview's `Date:: 2026-01-21` (see
docs/format.md, "Its date"). Only the head is read: a body holds many dates (a follow-up's,
a transcript's), and the one the note gives itself is written first, as its properties are.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..core.errors import UnreadableValue
from ..core.words import STAMP_WORDS, speaks_of
from .body import split_lines
from .values import parse_date

# How far down a note's head goes: a title, a few labelled lines (date, people, place...)
HEAD_LINES = 10
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"[ \t]*(?:>[ \t]?)*(?:```|~~~)")


@cache
def _labelled(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A line labelled with one of `labels`, as an Attendees line is: `**Date:** ...`,
    `- Date: ...`, `> Date: ...` in a callout, `Date:: ...`; its value in group 1."""
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(
        r"[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*(?:"
        + names
        + r")[ \t]*(?:\*\*|__)?[ \t]*::?[ \t]*(?:\*\*|__)?[ \t]*(.*?)[ \t]*",
        re.IGNORECASE,
    )


def day_at_head(body: str, labels: tuple[str, ...]) -> tuple[date, int] | None:
    """(the day, its line in the body, 0-based) of the first line at the body's head labelled
    with one of `labels` whose value is a date alone; None when there is none. The head is
    its first HEAD_LINES lines, up to the first heading that follows other text (headings
    that open it, a title, are part of it) or a code block or comment."""
    end = -1
    for _ in range(HEAD_LINES):  # (the head alone: a body may be long, read for every talk)
        end = body.find("\n", end + 1)
        if end < 0:
            end = len(body)
            break
    head = body[:end]
    if not labels or ":" not in head:
        return None
    folded = head.casefold()
    if not any(label.casefold() in folded for label in labels):
        return None  # (most meetings: no such line)
    pattern = _labelled(labels)
    text_seen = False
    for number, line in enumerate(split_lines(head)[:HEAD_LINES]):
        if _HEADING.match(line):
            if text_seen:
                return None
            continue
        if _FENCE.match(line) or "<!--" in line or "%%" in line:
            return None
        if not line.strip():
            continue
        text_seen = True
        found = pattern.fullmatch(line)
        if found is None or not found.group(1):
            continue
        try:
            return parse_date(found.group(1).rstrip("*_ \t")), number
        except UnreadableValue:
            continue  # (`Date: {{date}}` a template left)
    return None


def meeting_day_at_head(body: str, date_names: tuple[str, ...]) -> tuple[date, int] | None:
    """`day_at_head` under the vault's names for a meeting's date, but those that say when a
    note was written (`created`): a `Created:` line dates no talk."""
    return day_at_head(body, _date_labels(date_names))


@cache
def _date_labels(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if not speaks_of(name, STAMP_WORDS))
