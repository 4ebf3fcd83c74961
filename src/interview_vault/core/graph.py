"""Who is who: people, their meetings, the links between them, and the questions the rules
ask of them (who was at a talk, whom links name, which talk a message thanks for). No I/O.

`core.linking` builds the graph from the notes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from .hints import NO_NOTE
from .model import (
    Application,
    Contact,
    Fact,
    Interview,
    Link,
    Note,
    Problem,
    Task,
    Touch,
    status_of,
)
from .names import LOOSE, NameResolver, folded, last_part, loose_key


# one object per person: compared by identity, cheaply
@dataclass(eq=False, slots=True)
class Person:
    """Someone the notes speak of: a note, or just a name nobody has written a note for."""

    key: str  # the note's path, or `noteless_key` of the name
    name: str
    note: Note | None = None
    contact: Contact | None = None  # their contact note's, with what touch notes add to it


@dataclass(frozen=True, slots=True)
class Meeting:
    """An interview note with its people resolved; or a talk a log line tells of (`- 2026-11-20
    coffee with her`), which `logged` says: the line it is written on."""

    note: Note
    interview: Interview
    people: tuple[Person, ...]
    referrals: tuple[tuple[Person, Link], ...]
    logged: Fact | None = None


@dataclass(frozen=True, slots=True)
class ContactLinks:
    """A contact note with its `referred_by` and `organization` resolved."""

    person: Person
    contact: Contact
    referred_by: tuple[tuple[Person, Link], ...]
    organization: Person | None


@dataclass(frozen=True, slots=True)
class ApplicationLinks:
    """A job application with its organization resolved."""

    note: Note
    application: Application
    organization: Person | None


@dataclass(frozen=True, slots=True)
class TouchLinks:
    """A touch note with its people resolved."""

    note: Note
    touch: Touch
    people: tuple[Person, ...]


@dataclass
class Graph:
    """Every note, with the links the rules use resolved to people; built once per digest."""

    notes: list[Note]
    resolver: NameResolver
    people: dict[str, Person] = field(default_factory=dict)
    contacts: list[ContactLinks] = field(default_factory=list)
    contact_of: dict[str, ContactLinks] = field(default_factory=dict)  # by person key
    meetings: list[Meeting] = field(default_factory=list)
    # talks touch notes tell of that are a meeting note's talk (see `core.linking`): read
    # only for their referrals
    merged: list[Meeting] = field(default_factory=list)
    organizations: list[Note] = field(default_factory=list)
    meetings_by_person: dict[str, list[Meeting]] = field(default_factory=dict)
    touches: list[TouchLinks] = field(default_factory=list)
    applications: list[ApplicationLinks] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # people without a note a touch names
    # where dates that touch notes give come from: (person key or meeting path, property,
    # date) -> the touch note's fact
    origins: dict[tuple[str, str, date], Fact] = field(default_factory=dict)
    # ordinary notes' open tasks about people with a contact note: (note, task, the people
    # the note says it is about)
    loose_tasks: list[tuple[Note, Task, tuple[Person, ...]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # links that match two notes
    # links to nobody's note: (note, link, the property as the tool names it, as the note does)
    unresolved: list[tuple[str, Link, str, str]] = field(default_factory=list)
    # what several rules ask of a graph built once, by what they ask (the graph does not
    # change once built)
    answers: dict[tuple[str, date], Any] = field(default_factory=dict)
    # the notes whose items, problems and referrals are wanted (None: every note's). The
    # incremental digest recomputes a few notes' parts from the many notes around them:
    # rules skip the work whose result lands on a note nobody asked for.
    focus: frozenset[str] | None = None

    def wants(self, path: str) -> bool:
        """Whether what is written against this note is wanted (see `focus`)."""
        return self.focus is None or path in self.focus

    def person(self, link: Link, source: Note, key: str) -> Person:
        """The person a link in the property `key` (as the tool names it) names; records a
        warning when it matches several notes."""
        found, candidates = self.resolver.resolve(link.target)
        if candidates:
            others = ", ".join(c.path for c in candidates[1:])
            self.problems.append(
                Problem(
                    source.path,
                    link.line,
                    "warning",
                    f"{source.shown(key)}: [[{link.target}]] matches {len(candidates)} notes; "
                    f"using {candidates[0].path} (shortest path), not {others}",
                )
            )
        if found is not None:
            person = self.people.get(found.path)
            if person is None:
                person = self.people[found.path] = person_of(found)
            return person
        self.unresolved.append((source.path, link, key, source.shown(key)))
        name = last_part(link.target)
        person_key = noteless_key(name)
        person = self.people.get(person_key)
        if person is None:
            person = self.people[person_key] = Person(person_key, name)
        elif " " in name and " " not in person.name:
            person.name = name  # (`[[sam-park]]` first, then `[[Sam Park]]`: shown as a name)
        return person

    def unresolved_problems(self) -> list[Problem]:
        """Links to notes nobody has written yet: hints for `vault check`."""
        return [
            Problem(path, link.line, "warning", f"{shown}: [[{link.target}]]{NO_NOTE}")
            for path, link, _, shown in self.unresolved
        ]

    def meetings_with(self, person: Person) -> list[Meeting]:
        return self.meetings_by_person.get(person.key, [])


def nobody_where(people_property: str) -> str:
    """Where a meeting names who was there, its people property as the vault names it."""
    return f"in its {people_property} property, under an Attendees heading or on an Attendees: line"


def noteless_key(name: str) -> str:
    """The key of someone links name who has no note: their loose key (see `loose_key`), as
    a note's name would be matched, so that `[[sam-park]]`, `[[Sam Park]]` and `[[Dr. Sam
    Park]]` are one person."""
    loose = loose_key(name)  # (none for a name in another script: see `loose_key`)
    return "?" + (loose if loose != LOOSE else folded(last_part(name)))


def present(graph: Graph, meeting: Meeting) -> tuple[Person, ...]:
    """Everyone at a meeting: its people, then those its Attendees heading lists by name
    without a link (`- Mike (Product)`), a person's note where one has the name, else just
    the name (not one of its people: only whose an action item is reads them)."""
    listed = []
    for name in meeting.interview.body.named:
        note = graph.resolver.resolve(name)[0]
        if note is None:
            listed.append(Person(noteless_key(name), name))
        elif isinstance(note.record, Contact):
            listed.append(graph.people.get(note.path) or person_of(note))
    return tuple(dict.fromkeys([*meeting.people, *listed]))


def people_named(graph: Graph, targets: Iterable[str]) -> tuple[Person, ...]:
    """The people these link targets mean, in order: those with a contact note, and those
    without a note whom other links name as people (an attendee, a referral...); a link to
    nobody's note that no link names so may be a project's or a topic's."""
    found: list[Person] = []
    for target in targets:
        note = graph.resolver.resolve(target)[0]
        if note is None:
            person = graph.people.get(noteless_key(target))
            if person is not None and person.note is None:
                found.append(person)
        elif isinstance(note.record, Contact):
            found.append(graph.people[note.path])
    return tuple(dict.fromkeys(found))


def contacts_named(graph: Graph, targets: Iterable[str]) -> tuple[Person, ...]:
    """The people with a contact note these link targets mean, in order."""
    found = (graph.resolver.resolve(target)[0] for target in targets)
    notes = [note for note in found if note is not None and isinstance(note.record, Contact)]
    return tuple(dict.fromkeys(graph.people[note.path] for note in notes))


def person_of(note: Note) -> Person:
    """The person a note stands for (its contact, if it is a person's note)."""
    record = note.record
    return Person(note.path, note.title, note, record if isinstance(record, Contact) else None)


def talk_thanked_by(
    graph: Graph, person: Person, since: date, day: date, taken: Collection[int] = ()
) -> Meeting | None:
    """The talk a message to `person` on `day` thanks them for: the latest with them from
    `since` to that day, not cancelled, not thanked yet (nor `taken`, by id, by a message
    before); None when there is none (then the message is a request)."""
    talks = [
        m
        for m in graph.meetings_with(person)
        if m.interview.date is not None
        and since <= m.interview.date <= day
        and m.interview.status != "cancelled"
        and not m.interview.thanked
        and id(m) not in taken
    ]
    return max(talks, key=lambda m: (m.interview.date or date.min, m.note.path), default=None)


def active(meetings: list[Meeting], today: date) -> list[Meeting]:
    """The meetings that are not cancelled and have a readable date: the ones that happened or
    will. (One without a date gives only its commitments.)"""
    return [
        m
        for m in meetings
        if m.interview.date is not None and status_of(m.interview, today) != "cancelled"
    ]


def done_talks(graph: Graph, person: Person, today: date) -> list[Meeting]:
    """The talks with someone that took place, earliest first."""
    talks = [
        m
        for m in active(graph.meetings_with(person), today)
        if status_of(m.interview, today) == "done"
    ]
    return sorted(talks, key=lambda m: (m.interview.date or date.min, m.note.path))


def latest_talks(graph: Graph, today: date) -> dict[str, date]:
    """The day of each person's latest talk that took place (person key -> day)."""
    latest: dict[str, date] = {}
    for meeting in readable_meetings(graph, today):
        held = meeting.interview.date
        if held is not None and status_of(meeting.interview, today) == "done":
            for person in meeting.people:
                latest[person.key] = max(held, latest.get(person.key, held))
    return latest


def met_again(meeting: Meeting, person: Person, latest: dict[str, date]) -> bool:
    """Whether someone at a talk held was met again since: that later talk's thank-you is
    the one to send (weekly talks with a mentor ask one, not one a week)."""
    held = meeting.interview.date
    return held is not None and latest.get(person.key, held) > held


def referrer_of(
    graph: Graph, person: Person, today: date, referred: dict[str, list[tuple[Meeting, Link]]]
) -> tuple[Person, Fact] | None:
    """The one referrer the chains give someone (their `referred_by`, else the first person
    of the earliest meeting naming them in `referrals`), with where that is written."""
    contact = graph.contact_of.get(person.key)
    if contact is not None and contact.referred_by:
        referrer, link = contact.referred_by[0]
        return referrer, ("referred_by", referrer.name, person.key, link.line)
    mentions = referred.get(person.key)
    if mentions:
        meeting, link = mentions[0]
        return meeting.people[0], ("referrals", person.name, meeting.note.path, link.line)
    return None


def readable_meetings(graph: Graph, today: date) -> list[Meeting]:
    """Meetings that produce more than commitments: not cancelled, with a date and people."""
    return [m for m in active(graph.meetings, today) if m.interview.date is not None and m.people]


def referred_in_meetings(graph: Graph, today: date) -> dict[str, list[tuple[Meeting, Link]]]:
    """Each person named in a meeting's referrals -> (meeting, link), earliest meeting first
    (worked out once a graph and day: five rules ask)."""
    known = graph.answers.get(("referred", today))
    if known is not None:
        return cast(dict[str, list[tuple[Meeting, Link]]], known)
    found: dict[str, list[tuple[Meeting, Link]]] = {}
    graph.answers[("referred", today)] = found
    merged = [m for m in graph.merged if m.interview.date is not None]
    meetings = sorted(
        [*readable_meetings(graph, today), *active(merged, today)],
        key=lambda m: (m.interview.date, m.note.path),
    )
    for meeting in meetings:
        for person, link in meeting.referrals:
            if person not in meeting.people:
                found.setdefault(person.key, []).append((meeting, link))
    return found
