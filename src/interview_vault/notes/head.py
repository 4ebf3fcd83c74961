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


def _head_text(body: str) -> str:
    """The body's first HEAD_LINES lines."""
    end = -1
    for _ in range(HEAD_LINES):  # (the head alone: a body may be long, read for every talk)
        end = body.find("\n", end + 1)
        if end < 0:
            return body
    return body[:end]


def _head(text: str) -> list[str]:
    """The lines of a body's head, from its first lines (`_head_text`): up to the first
    heading that follows other text (headings that open it, a title, are part of it) or a
    code block or comment; headings left empty (so numbers hold)."""
    found: list[str] = []
    text_seen = False
    for line in split_lines(text)[:HEAD_LINES]:
        if _HEADING.match(line):
            if text_seen:
                break
            found.append("")
            continue
        if _FENCE.match(line) or "<!--" in line or "%%" in line:
            break
        text_seen = text_seen or bool(line.strip())
        found.append(line)
    return found


def day_at_head(body: str, labels: tuple[str, ...]) -> tuple[date, int] | None:
    """(the day, its line in the body, 0-based) of the first line at the body's head labelled
    with one of `labels` whose value is a date alone; None when there is none."""
    head = _head_text(body)
    if not labels or ":" not in head:
        return None
    folded = head.casefold()
    if not any(label.casefold() in folded for label in labels):
        return None  # (most meetings: no such line)
    pattern = _labelled(labels)
    for number, line in enumerate(_head(head)):
        found = pattern.fullmatch(line) if line else None
        if found is None or not found.group(1):
            continue
        try:
            return parse_date(found.group(1).rstrip("*_ \t")), number
        except UnreadableValue:
            continue  # (`Date: {{date}}` a template left)
    return None


# Any labelled line, as `vault adopt` looks at a head: `- Datum:: 2026-11-20`, `**Where:**
# Cafe`; a label of words (a few, with spaces or dashes between), then its value
_ANY_LABEL = re.compile(
    r"[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*([^\W\d_][\w \t-]{0,39}?)"
    r"[ \t]*(?:\*\*|__)?[ \t]*::?[ \t]*(?:\*\*|__)?[ \t]*(.*?)[ \t]*"
)


def fields_at_head(body: str) -> tuple[tuple[str, str], ...]:
    """(label, value) of the labelled lines at the body's head that hold a value, as
    written, the first of each label (in any case): the properties a note writes in its
    text (Dataview's `Datum:: 2026-11-20`), which `vault adopt` reads as it reads
    properties."""
    head = _head_text(body)
    if ":" not in head:
        return ()
    found: dict[str, tuple[str, str]] = {}
    for line in _head(head):
        labelled = _ANY_LABEL.fullmatch(line) if ":" in line else None
        if labelled is not None and labelled.group(2).rstrip("*_ \t"):
            label = " ".join(labelled.group(1).split())
            found.setdefault(label.casefold(), (label, labelled.group(2).rstrip("*_ \t")))
    return tuple(found.values())


def meeting_day_at_head(body: str, date_names: tuple[str, ...]) -> tuple[date, int] | None:
    """`day_at_head` under the vault's names for a meeting's date, but those that say when a
    note was written (`created`): a `Created:` line dates no talk."""
    return day_at_head(body, _date_labels(date_names))


@cache
def _date_labels(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if not speaks_of(name, STAMP_WORDS))
