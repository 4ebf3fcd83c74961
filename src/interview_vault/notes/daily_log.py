"""A daily note's facts: its list items and headings that start with a verb and link a
person (`- Emailed [[Gus Lind]] about the deadlines`, `### Coffee with [[Ana Souza]]`),
about whom its first link and the links joined to it name; and the `- DAY thanked` lines
under one telling of a talk. The verbs, and what a line says, are `notes.logs`'. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..core.model import LogLine
from ..core.words import LOG_WORDS
from .logs import (
    DATED,
    HEADING,
    LIST_MARKER,
    THEM,
    not_held,
    verb_of,
    written_day,
)
from .referrals import referred_in_text
from .tasks import linked_names, linked_spans

# A list item that is no task: what a daily note's line says
_LIST_ITEM = re.compile(r"^[ \t]{0,3}[-*+][ \t]+(?!\[.\][ \t])(.*)$")


def read_daily_log(
    body: str, first_line: int, day: date, verbs: Mapping[str, str]
) -> list[LogLine]:
    """A daily note's facts: its list items and headings that start with a verb (after "I"
    or "we") and link a person (`- Emailed [[Gus Lind]] about the deadlines`, `### Coffee
    with [[Ana Souza]]`, or with a Markdown link, `[Gus Lind](Gus%20Lind.md)`): one about
    each person `whom_about` finds; and the `- DAY thanked` lines right under one telling
    of a talk (`vault done` writes them there)."""
    found: list[LogLine] = []
    talk: list[LogLine] = []  # the facts of the line just above, when it tells of a talk
    depth = -1  # that line's indent, when a list item (whose deeper lines stay its own)
    level = 0  # its level, when a heading (the lines under it, to the next, are its own)
    aside = fenced = False  # under it, in its Goals, Research or Questions, or in code
    for number, raw in enumerate(body.split("\n")):
        # (a talk item's own lines, indented under it, and blank lines keep it open: the
        # thank-you may come after them)
        nested = bool(talk) and depth >= 0 and _indent_of(raw) > depth
        if talk and not raw.strip():
            continue
        under = bool(talk) and (nested or (level > 0 and not _ends_section(raw, level)))
        if under:
            stripped = raw.strip()
            if stripped.startswith(("```", "~~~")):
                fenced = not fenced
                continue
            if level and stripped[:1] == "#" and (part := HEADING.match(raw)) is not None:
                aside = part.group(2).strip("*_: ").casefold() in _PREPARING
            if "[[" in raw and not (aside or fenced):
                said_to = referred_in_text(raw.rstrip("\r"), 0)
                if said_to:  # (`- She said I should talk to [[Christina Wu]]`: its referral)
                    at, text, above = number + first_line, stripped, talk[0].line
                    found += [LogLine(day, "referral", at, text, s.target, above) for s in said_to]
                    continue
            if fenced:
                continue
        if "[[" not in raw and "](" not in raw:
            if talk:  # (the cheap test first: most lines follow no talk)
                kept = _thanked_under(raw.rstrip("\r"), number + first_line, verbs, talk, found)
                talk = talk if under else kept  # (a talk's heading holds to the next one)
            continue
        line = raw.rstrip("\r")
        item = _LIST_ITEM.match(line)
        if not nested and not under:
            talk, aside, fenced = [], False, False
        if item is not None:
            said, said_level = item.group(1).strip(), 0
        elif "#" in line and (heading := HEADING.match(line)) is not None:
            said = heading.group(2).strip()  # (at any level: what it says decides)
            said_level = len(heading.group(1))
        else:
            continue
        # (a day planned by the hour: `- 10:00 Coffee with [[Ana Souza]]`, the time aside)
        words = _LEADING_TIME.sub("", said, count=1) if said[:1].isdigit() else said
        first = LOG_WORDS.match(words.casefold())
        if first is not None and first.group() in THEM:
            continue  # (`She emailed [[Jon]]`: someone else did, to the one it links)
        what = verb_of(words, verbs)
        if what is None and words[:1] == "[":  # (`[[Tom Lee]] replied, call set`: theirs)
            what = _said_by_them(words, verbs)
        if what is None or what == "neutral" or (what == "met" and not_held(words)):
            continue  # (`## Meeting prep: [[Ana Souza]]`, `coffee cancelled`: no talk)
        people = [LogLine(day, what, number + first_line, said, t) for t in whom_about(said)]
        found += people
        if what == "met" and not nested and not (under and item is not None):
            # (a talk of its own, its lines its own; not an item under a talk's heading)
            talk, aside, fenced = people, False, False
            depth, level = (_indent_of(line) if item is not None else -1), said_level
    return found


# A time, or a span of time, before what a daily note's line says: `10:00`, `9:30 am`,
# `14:30-15:00`, `9:30 am – 10 am:`, `10.00`, `0230p` (compact, as some guides write it),
# then a colon, a dash or a bar
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
_LEADING_TIME = re.compile(
    rf"\A(?:\d{{1,2}}[:.]\d{{2}}(?:[ \t]*[AaPp]\.?[Mm]\.?)?|\d{{3,4}}[AaPp][Mm]?(?![^\W_]))"
    rf"(?:[ \t]*[-–—][ \t]*{_CLOCK})?[ \t]*[:\-–—|]?[ \t]*"
)


_PREPARING = frozenset({"goals", "research", "questions"})


def _ends_section(line: str, level: int) -> bool:
    """Whether a line is a heading of `level` or higher, ending the section above it."""
    heading = HEADING.match(line) if "#" in line else None
    return heading is not None and len(heading.group(1)) <= level


def _indent_of(line: str) -> int:
    """A line's indent, tabs stopping every 4 columns."""
    return len(line[: len(line) - len(line.lstrip(" \t"))].expandtabs(4))


def _thanked_under(
    line: str, number: int, verbs: Mapping[str, str], talk: list[LogLine], found: list[LogLine]
) -> list[LogLine]:
    """A line under a daily note's line telling of a talk (`talk`, its facts): when it is
    a dated `thanked` line (`- 2026-11-26 thanked`), the thank-you of that talk for each of
    its people, and the talk stays open to another; else it ends it (returns [])."""
    dated = DATED.match(line) if "-" in line else None
    day = written_day(dated.group(1)) if dated is not None else None
    if dated is None or day is None:
        return []
    said = dated.group(2)
    if "thanked" not in (verb_of(said, verbs), verb_of(said, _THANKED)):
        return []
    text = LIST_MARKER.sub("", dated.group(0).strip(), count=1)
    found += [LogLine(day, "thanked", number, text, fact.target) for fact in talk]
    return talk


# What `vault done` writes under a talk, whatever else the vault calls a thank-you
_THANKED = {"thanked": "thanked"}


# Between two links of a line, what says both name whom it is about: nothing but spaces
# and commas, `&`, `+`, `/`, or "and" (in a few languages: Danish and Norwegian `og`,
# Swedish `och`, German `und`, French `et`, Spanish `y`, Italian and Portuguese `e`, Dutch
# `en`), as in `[[Ana Souza]], [[Bo Lee]] and [[Cy Moss]]`
_JOINED = re.compile(
    r"[\s,;&+/]*(?:(?:and|og|och|und|et|y|e|en)(?![^\W_])[\s,;&+/]*)?", re.IGNORECASE
)


def _said_by_them(said: str, verbs: Mapping[str, str]) -> str | None:
    """What a line whose subject is the person its first link names says they did, as a
    line of their own note with their name first (`[[Tom Lee]] replied, call set for March
    7`: a reply; `[[Tom Lee]] texted`: theirs, not yours)."""
    spans = linked_spans(said)
    if not spans or spans[0][1] != 0:
        return None
    target, _, stop = spans[0]
    name = target.rpartition("/")[2]
    return verb_of(name + said[stop:], verbs, (name,))


def whom_about(said: str) -> list[str]:
    """Whom a daily note's line or heading is about: the targets of its first link and of
    the links joined to it (`_JOINED`), each once; a link further on, after other words, is
    what it was about (`Call with [[Ana Souza]] re [[Bo Lee]]'s team`: Ana). Links to notes
    that are nobody's (a project, a day) are left out later, where people are known."""
    if said.count("[[") == 1 and "](" not in said:  # (most lines: one link, no more to join)
        return [target for target in linked_names(said) if target]
    links = linked_spans(said)
    people: list[str] = []
    end = -1
    for target, start, stop in links:
        if end >= 0 and not _JOINED.fullmatch(said, end, start):
            break
        end = stop
        if target and target not in people:
            people.append(target)
    return people
