"""What the rules share: making an item (with the person's name in its place, and why it is
there), the due-date windows, and what counts as a touch."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from ..dates import add_business_days, shift
from ..graph import Graph, Meeting, Person, active
from ..items import item_id
from ..model import Fact, Item, Why, status_of
from ..settings import DigestSettings

Rule = Callable[[Graph, DigestSettings, date], Iterator[Item]]

PERSON = "\x00"  # where the person's name goes in an item's text
_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def make_item(
    kind: str,
    due: date | None,
    person: str,
    note: str,
    line: int | None,
    text: str,
    person_note: str | None = None,
    *,
    about: str = "",
    task: str | None = None,
    why: Why = ((), ()),
) -> Item:
    """An item with its id; `text` holds PERSON where the person's name goes (so that the
    Markdown digest links the name there, and nowhere else), and `about` tells apart items
    of one kind from one note."""
    name_at = text.find(PERSON)
    text = text.replace(PERSON, person, 1)
    return Item(
        kind,
        due,
        person,
        note,
        line,
        text,
        person_note,
        item_id(kind, note, about),
        task,
        name_at,
        why,
    )


def window(day: date, days: int, settings: DigestSettings) -> date:
    """`day` + `days`, in business days when the `business_days` setting says so."""
    return add_business_days(day, days) if settings.business_days else shift(day, days)


def lapsed(due: date, settings: DigestSettings, today: date) -> bool:
    """Whether an item of a kind that lapses is too old to show: due more than
    `lapse_after_days` before today. An old vault is not a wall of chores."""
    return due < shift(today, -settings.lapse_after_days)


def settings_used(settings: DigestSettings, *names: str) -> tuple[tuple[str, int | bool], ...]:
    """The settings a rule applied, for `why` (and `business_days`, when it is on)."""
    used: list[tuple[str, int | bool]] = [(name, getattr(settings, name)) for name in names]
    return (*used, ("business_days", True)) if settings.business_days else tuple(used)


def note_of(person: Person) -> str | None:
    return person.note.path if person.note else None


def ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"


def date_fact(graph: Graph, person: Person, name: str, day: date) -> Fact:
    """Where a date of someone's (`contacted`, `replied`, `updated`) is written: their note,
    or the touch note it comes from."""
    origin = graph.origins.get((person.key, name, day))
    if origin is not None:
        return origin
    line = person.contact.line(name) if person.contact else None
    return (name, day.isoformat(), person.key, line)


def meeting_fact(meeting: Meeting) -> Fact:
    day = meeting.interview.date
    return (
        "date",
        day.isoformat() if day else "",
        meeting.note.path,
        meeting.interview.line("date"),
    )


def has_met(graph: Graph, person: Person, today: date) -> bool:
    """Whether a talk with them took place (a `done` meeting with a readable date)."""
    return any(
        status_of(m.interview, today) == "done" for m in active(graph.meetings_with(person), today)
    )


def touches(graph: Graph, person: Person, today: date) -> list[tuple[date, Fact]]:
    """Every touch with someone, with where it is written: a request, a reply, an update, a
    thank-you, or a meeting that is not cancelled."""
    found: list[tuple[date, Fact]] = []
    contact = person.contact
    if contact is not None:
        for name in ("contacted", "replied", "updated"):
            found += [(day, date_fact(graph, person, name, day)) for day in getattr(contact, name)]
    for meeting in active(graph.meetings_with(person), today):
        interview = meeting.interview
        assert interview.date is not None  # (active meetings have a date)
        found.append((interview.date, meeting_fact(meeting)))
        if interview.thanked_on is not None:
            origin = graph.origins.get((meeting.note.path, "thanked", interview.thanked_on))
            line = interview.line("thanked")
            thanked = ("thanked", interview.thanked_on.isoformat(), meeting.note.path, line)
            found.append((interview.thanked_on, origin or thanked))
    return found
