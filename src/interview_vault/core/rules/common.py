"""What the rules share: making an item (with the person's name in its place, and why it is
there), the due-date windows, and what counts as a touch."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

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


# A task's words in its item, at most: a pasted error message or a paragraph written as a
# task is cut where a word ends (the item keeps the whole task, to tick it)
SAID_AT_MOST = 120


def shortened(words: str) -> str:
    """`words`, or, longer than SAID_AT_MOST, their start up to a word's end, then "…"."""
    if len(words) <= SAID_AT_MOST:
        return words
    cut = words[: SAID_AT_MOST - 1]
    start = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return start.rstrip(" ,;:—–-") + "…"


def window(day: date, days: int, settings: DigestSettings) -> date:
    """`day` + `days`, in business days when the `business_days` setting says so."""
    return add_business_days(day, days) if settings.business_days else shift(day, days)


def lapsed(due: date, settings: DigestSettings, today: date) -> bool:
    """Whether an item of a kind that lapses is too old to show: due more than
    `lapse_after_days` before today. An old vault is not a wall of chores."""
    return due < shift(today, -settings.lapse_after_days)


@lru_cache(maxsize=64)
def settings_used(settings: DigestSettings, *names: str) -> tuple[tuple[str, int | bool], ...]:
    """The settings a rule applied, for `why` (and `business_days`, when it is on); one
    tuple for every item of a rule (there are tens of thousands)."""
    used: list[tuple[str, int | bool]] = [(name, getattr(settings, name)) for name in names]
    return (*used, ("business_days", True)) if settings.business_days else tuple(used)


iso = lru_cache(maxsize=4096)(date.isoformat)  # (the same few hundred days, over and over)


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
    if name == "touched":  # (a contact's own is their last contact)
        name = "last_contact"
    line = person.contact.line(name) if person.contact else None
    return (name, iso(day), person.key, line)


def meeting_fact(meeting: Meeting) -> Fact:
    if meeting.logged is not None:  # (a talk a log line tells of: that line)
        return meeting.logged
    day = meeting.interview.date
    return (
        "date",
        iso(day) if day else "",
        meeting.note.path,
        meeting.interview.line("date"),
    )


def has_met(graph: Graph, person: Person, today: date) -> bool:
    """Whether a talk with them took place (a `done` meeting with a readable date)."""
    return any(
        status_of(m.interview, today) == "done" for m in active(graph.meetings_with(person), today)
    )


def in_touch(graph: Graph, person: Person, today: date) -> bool:
    """Whether you were ever in touch with someone: a request, a reply, a last contact or
    another touch (for someone without a note, a touch note naming them), an update, or a
    talk set or held (not cancelled). Nobody so is `not contacted` in the chains."""
    contact = person.contact
    if contact is not None and (contact.contacted or contact.replied or contact.in_touch):
        return True
    return person.key in graph.touched or bool(active(graph.meetings_with(person), today))


def touched_since(graph: Graph, person: Person, day: date, today: date) -> bool:
    """Whether you were in touch with someone on or after `day`: a request, a reply, an
    update, a thank-you, or a meeting that is not cancelled (one set for later counts)."""
    contact = person.contact
    if contact is not None:
        for dates in (contact.contacted, contact.replied, contact.updated, contact.touched):
            if dates and dates[-1] >= day:
                return True
    for meeting in active(graph.meetings_with(person), today):
        interview = meeting.interview
        assert interview.date is not None  # (active meetings have a date)
        if interview.date >= day or (interview.thanked_on or date.min) >= day:
            return True
    return False


def planned(graph: Graph, person: Person, today: date) -> tuple[date, Fact] | None:
    """The day you chose to get back to someone (their next-contact property), while no
    touch with them is on or after it; and where it is written."""
    contact = person.contact
    day = contact.next_contact if contact is not None else None
    if day is None or contact is None or touched_since(graph, person, day, today):
        return None
    return day, ("next_contact", iso(day), person.key, contact.line("next_contact"))
