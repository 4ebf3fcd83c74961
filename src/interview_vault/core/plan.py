"""The plan for a calendar and the contacts for an address book, as plain records. Pure.

A calendar gets the talks set for today or later as events (at their time, or all day when
the note gives none), and every dated item the digest would list, however far off (not
snoozed, not lapsed), as a to-do due that day. Every entry's UID comes from what it is,
not from when the file was made, so a calendar that imports the file again, or subscribes
to it, updates its entries instead of adding them twice; an item that is done is simply
not in the next file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .graph import Graph, active
from .items import item_id
from .model import status_of
from .rules import collect_items
from .settings import DigestSettings

UID_DOMAIN = "interview-vault"


@dataclass(frozen=True)
class Event:
    uid: str
    start: date | datetime  # a date: all day
    end: date | datetime
    summary: str
    location: str | None
    description: str


@dataclass(frozen=True)
class Todo:
    uid: str
    due: date
    summary: str
    description: str


@dataclass(frozen=True)
class When:
    """What a talk's note says of its time: its date or date-time, and how long it lasts."""

    start: date | datetime
    minutes: int | None = None
    location: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class Card:
    """A contact as an address book takes it."""

    uid: str
    name: str
    prefix: str
    given: str
    family: str
    organization: str | None
    role: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    linkedin: str | None
    note: str | None
    middle: str = ""  # vCard's additional names
    suffix: str = ""  # credentials and suffixes ("PhD", "Jr.")


def calendar_plan(
    graph: Graph,
    settings: DigestSettings,
    today: date,
    snoozed: Mapping[str, date],
    times: Mapping[str, When],
    default_minutes: int,
) -> tuple[list[Event], list[Todo]]:
    """The events and to-dos of the vault's plan (`times`: by interview note)."""
    events = []
    for meeting in active(graph.meetings, today):
        interview = meeting.interview
        if interview.date is None or interview.date < today:
            continue
        if status_of(interview, today) != "scheduled":
            continue
        when = times.get(meeting.note.path, When(interview.date))
        names = ", ".join(person.name for person in meeting.people)
        start = when.start
        if isinstance(start, datetime):
            end: date | datetime = start + timedelta(minutes=when.minutes or default_minutes)
        else:
            end = start + timedelta(days=1)
        how = f" ({when.mode})" if when.mode else ""
        events.append(
            Event(
                uid=f"talk-{item_id('talk', meeting.note.path, '')}@{UID_DOMAIN}",
                start=start,
                end=end,
                # (with nobody named, the note's title says what it is: "Team sync")
                summary=f"Talk with {names}{how}" if names else f"{meeting.note.title}{how}",
                location=when.location,
                description=f"Notes: {meeting.note.path}",
            )
        )
    todos = [
        Todo(
            uid=f"{item.id}@{UID_DOMAIN}",
            due=item.due,
            summary=item.text,
            description=f"{item.note}{f':{item.line}' if item.line else ''} (vault done {item.id})",
        )
        for item in collect_items(graph, settings, today)
        if item.due is not None and snoozed.get(item.id, today) <= today
    ]
    events.sort(key=lambda event: (_sortable(event.start), event.uid))
    todos.sort(key=lambda todo: (todo.due, todo.uid))
    return events, todos


def _sortable(moment: date | datetime) -> datetime:
    """A day or time as a time of no zone, to sort by (a time with an offset by its hour as
    written: the order of a day's talks is what matters, not exact instants)."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    return datetime(moment.year, moment.month, moment.day)
