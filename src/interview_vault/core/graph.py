"""Who is who: links resolved to people, each person's meetings gathered, and what touch
notes say about them. No I/O.

Touch notes (an email, a call, a message: `[kinds.touch]`) are read into the records they
stand for. Taken in date order, an incoming one is a reply from each person it names; an
outgoing one is the thank-you for the latest meeting with that person dated on or before
it that is not cancelled and has no thank-you yet (no `thanked`, and no earlier touch note
took it), or else a request to that person on its date; one both ways is a request and a
reply; one of a mixed archive keeps you in touch, and is neither.

A meeting's people are people: a link of theirs to a note of another kind (an
organization, another meeting) is left out with a warning, and names taken from its title
count only where they are people with a note.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from .model import (
    Application,
    Contact,
    Fact,
    Interview,
    Link,
    Note,
    Organization,
    Problem,
    Task,
    Touch,
    status_of,
)
from .names import NameResolver, folded, link_key


# one object per person: compared by identity, cheaply
@dataclass(eq=False, slots=True)
class Person:
    """Someone the notes speak of: a note, or just a name nobody has written a note for."""

    key: str  # the note's path, or "?" + the casefolded name
    name: str
    note: Note | None = None
    contact: Contact | None = None  # their contact note's, with what touch notes add to it


@dataclass(frozen=True, slots=True)
class Meeting:
    """An interview note with its people resolved."""

    note: Note
    interview: Interview
    people: tuple[Person, ...]
    referrals: tuple[tuple[Person, Link], ...]


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
    unresolved: list[tuple[str, Link, str]] = field(default_factory=list)  # (note, link, key)

    def person(self, link: Link, source: Note, key: str) -> Person:
        """The person a link names; records a warning when it matches several notes."""
        found, candidates = self.resolver.resolve(link.target)
        if candidates:
            others = ", ".join(c.path for c in candidates[1:])
            self.problems.append(
                Problem(
                    source.path,
                    link.line,
                    "warning",
                    f"{key}: [[{link.target}]] matches {len(candidates)} notes; "
                    f"using {candidates[0].path} (shortest path), not {others}",
                )
            )
        if found is not None:
            person = self.people.get(found.path)
            if person is None:
                person = self.people[found.path] = _person(found)
            return person
        self.unresolved.append((source.path, link, key))
        name = link.target.rsplit("/", 1)[-1]
        person_key = "?" + folded(name)
        person = self.people.get(person_key)
        if person is None:
            person = self.people[person_key] = Person(person_key, name)
        return person

    def unresolved_problems(self) -> list[Problem]:
        """Links to notes nobody has written yet: hints for `vault check`."""
        return [
            Problem(path, link.line, "warning", f"{key}: [[{link.target}]]{_NO_NOTE}")
            for path, link, key in self.unresolved
        ]

    def meetings_with(self, person: Person) -> list[Meeting]:
        return self.meetings_by_person.get(person.key, [])


_NO_NOTE = " has no note"


def hint_target(hint: Problem) -> str | None:
    """The link key of a hint's link to nothing (see `unresolved_problems`)."""
    if not hint.message.endswith(_NO_NOTE):
        return None
    opened = hint.message.find("[[")
    return link_key(hint.message[opened + 2 : -len(_NO_NOTE) - 2])


def suggest_names(
    hints: Iterable[Problem], meant: Mapping[str, str]
) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """The hints, each link to nothing that is one slip from a note's name (`meant`: link key
    -> that note's name) asking "did you mean [[Alex Morgan]]?"; and those ones apart: likely
    typos, which the digest lists too (a new referral without a note is the normal state of
    things, and stays a hint)."""
    shown: list[Problem] = []
    typos: list[Problem] = []
    for hint in hints:
        target = hint_target(hint)
        name = meant.get(target) if target is not None else None
        if name is not None:
            hint = hint._replace(message=f"{hint.message}; did you mean [[{name}]]?")
            typos.append(hint)
        shown.append(hint)
    return tuple(shown), tuple(typos)


def build_graph(notes: list[Note]) -> Graph:
    """Resolve every link the rules use and index meetings by person."""
    graph = Graph(notes, NameResolver(notes))
    for note in notes:
        if isinstance(note.record, Contact):
            graph.people[note.path] = _person(note)
    for note in notes:
        record = note.record
        if isinstance(record, Contact):
            person = graph.people[note.path]
            referrers = []
            for link in record.referred_by:
                referrer = graph.person(link, note, "referred_by")
                if referrer is person:  # themselves: not a referral (and not a cycle)
                    message = f"referred_by: [[{link.target}]] is this contact; it is left out"
                    graph.problems.append(Problem(note.path, link.line, "warning", message))
                else:
                    referrers.append((referrer, link))
            graph.contacts.append(
                ContactLinks(
                    person,
                    record,
                    tuple(referrers),
                    graph.person(record.organization, note, "organization")
                    if record.organization
                    else None,
                )
            )
        elif isinstance(record, Interview):
            meeting = Meeting(
                note,
                record,
                _people_of(graph, note, record.contacts, record.named_in_title),
                tuple((graph.person(link, note, "referrals"), link) for link in record.referrals),
            )
            graph.meetings.append(meeting)
            for person in dict.fromkeys(meeting.people):
                graph.meetings_by_person.setdefault(person.key, []).append(meeting)
        elif isinstance(record, Organization):
            graph.organizations.append(note)
        elif isinstance(record, Application):
            organization = record.organization
            graph.applications.append(
                ApplicationLinks(
                    note,
                    record,
                    graph.person(organization, note, "organization") if organization else None,
                )
            )
        elif isinstance(record, Touch):
            people = _people_of(graph, note, record.people, False)
            graph.touches.append(TouchLinks(note, record, people))
        elif note.tasks:
            about = contacts_named(graph, (link.target for link in note.people))
            for task in note.tasks:
                if about or contacts_named(graph, task.people):
                    graph.loose_tasks.append((note, task, about))
    if graph.touches:
        _apply_touches(graph)
    graph.contact_of = {entry.person.key: entry for entry in graph.contacts}
    return graph


_NOT_PEOPLE = (Interview, Organization, Application, Touch)
NOBODY_WHERE = "in its people property, or as links under an Attendees heading"


def contacts_named(graph: Graph, targets: Iterable[str]) -> tuple[Person, ...]:
    """The people with a contact note these link targets mean, in order."""
    found = (graph.resolver.resolve(target)[0] for target in targets)
    notes = [note for note in found if note is not None and isinstance(note.record, Contact)]
    return tuple(dict.fromkeys(graph.people[note.path] for note in notes))


def _people_of(
    graph: Graph, note: Note, links: tuple[Link, ...], named_in_title: bool
) -> tuple[Person, ...]:
    """The people a meeting or touch note names: links to notes of other kinds left out
    (with a warning), and names from its title kept only where they are people with a note."""
    people = []
    for link in links:
        person = graph.person(link, note, "contact")
        if named_in_title:
            if person.contact is None:
                continue
        elif person.note is not None and isinstance(person.note.record, _NOT_PEOPLE):
            message = f"[[{link.target}]] is not a person's note; left out of who was there"
            graph.problems.append(Problem(note.path, link.line, "warning", message))
            continue
        people.append(person)
    if named_in_title and not people:
        message = f"nobody named: add attendees ({NOBODY_WHERE})"
        graph.problems.append(Problem(note.path, None, "warning", message))
    return tuple(people)


def _person(note: Note) -> Person:
    record = note.record
    return Person(note.path, note.title, note, record if isinstance(record, Contact) else None)


def _apply_touches(graph: Graph) -> None:
    """Read the touch notes into requests, replies and thank-yous (see the module's text)."""
    requests: dict[str, list[date]] = defaultdict(list)
    replies: dict[str, list[date]] = defaultdict(list)
    touched: dict[str, list[date]] = defaultdict(list)  # neither: an archive of both ways
    thanked: dict[int, tuple[Meeting, date]] = {}  # id of a meeting -> (it, thanked on)
    for touch in sorted(graph.touches, key=lambda t: (t.touch.date or date.min, t.note.path)):
        day = touch.touch.date
        if day is None:
            continue
        for person in dict.fromkeys(touch.people):
            if person.note is None:
                graph.touched.add(person.key)
            fact = ("date", day.isoformat(), touch.note.path, touch.touch.date_line)
            direction = touch.touch.direction
            if direction == "mixed":
                touched[person.key].append(day)
                graph.origins.setdefault((person.key, "touched", day), fact)
                continue
            if direction in ("incoming", "both"):
                replies[person.key].append(day)
                graph.origins.setdefault((person.key, "replied", day), fact)
            if direction == "both":
                requests[person.key].append(day)
                graph.origins.setdefault((person.key, "contacted", day), fact)
            if direction != "outgoing":
                continue
            open_talks = [
                m
                for m in graph.meetings_with(person)
                if m.interview.date is not None
                and m.interview.date <= day
                and m.interview.status != "cancelled"
                and not m.interview.thanked
                and id(m) not in thanked
            ]
            if open_talks:
                talk = max(open_talks, key=lambda m: (m.interview.date or date.min, m.note.path))
                thanked[id(talk)] = (talk, day)
                graph.origins.setdefault((talk.note.path, "thanked", day), fact)
            else:
                requests[person.key].append(day)
                graph.origins.setdefault((person.key, "contacted", day), fact)
    if thanked:
        done = {
            key: replace(m, interview=replace(m.interview, thanked=True, thanked_on=day))
            for key, (m, day) in thanked.items()
        }
        graph.meetings = [done.get(id(m), m) for m in graph.meetings]
        for key, meetings in graph.meetings_by_person.items():
            graph.meetings_by_person[key] = [done.get(id(m), m) for m in meetings]
    for position, entry in enumerate(graph.contacts):
        key = entry.person.key
        if key in requests or key in replies or key in touched:
            contact = replace(
                entry.contact,
                contacted=tuple(sorted({*entry.contact.contacted, *requests.get(key, ())})),
                replied=tuple(sorted({*entry.contact.replied, *replies.get(key, ())})),
                touched=tuple(sorted({*entry.contact.touched, *touched.get(key, ())})),
            )
            entry.person.contact = contact
            graph.contacts[position] = replace(entry, contact=contact)


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
    """Each person named in a meeting's referrals -> (meeting, link), earliest meeting first."""
    found: dict[str, list[tuple[Meeting, Link]]] = {}
    meetings = sorted(
        readable_meetings(graph, today), key=lambda m: (m.interview.date, m.note.path)
    )
    for meeting in meetings:
        for person, link in meeting.referrals:
            if person not in meeting.people:
                found.setdefault(person.key, []).append((meeting, link))
    return found
