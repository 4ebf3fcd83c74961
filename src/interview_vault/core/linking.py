"""Building the graph from the notes: every link the rules use resolved to people, each
person's meetings gathered, and what touch notes and log lines say about them read in. No I/O.

Touch notes (an email, a call, a message: `[kinds.touch]`) are read into the records they
stand for. Taken in date order, an incoming one is a reply from each person it names; an
outgoing one is the thank-you for the latest meeting with that person dated on or before
it that is not cancelled and has no thank-you yet (no `thanked`, and no earlier touch note
took it), or else a request to that person on its date; one both ways is a request and a
reply; one of a mixed archive keeps you in touch, and is neither. Log lines are read the
same way, the talks they tell of made meetings.

A touch note that says it was a talk (`medium: coffee`, "First Meeting at ...") is read
as a meeting (see `core.talks`); on a day a meeting note with its people has, it is that
meeting: its open tasks stay promises, and it is no other talk.

A meeting's people are people: a link of theirs to a note of another kind (an
organization, another meeting) is left out with a warning, and names taken from its title
count only where they are people with a note.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from .dates import shift
from .graph import (
    ApplicationLinks,
    ContactLinks,
    Graph,
    Meeting,
    Person,
    TouchLinks,
    contacts_named,
    nobody_where,
    person_of,
    talk_thanked_by,
)
from .hints import LOG_LINE
from .model import (
    Application,
    Body,
    Contact,
    Fact,
    Interview,
    Link,
    LogLine,
    Note,
    Organization,
    Problem,
    Section,
    Touch,
)
from .names import NameResolver

# An outgoing touch within this many days after a talk thanks for it (lapse_after_days)
THANK_WINDOW = 30


def build_graph(
    notes: list[Note], thank_window: int = THANK_WINDOW, focus: Iterable[str] | None = None
) -> Graph:
    """Resolve every link the rules use and index meetings by person; `thank_window` (the
    digest's `lapse_after_days`) is how long after a talk a message you sent thanks for it;
    `focus` the notes whose items are wanted (every note's by default)."""
    graph = Graph(notes, NameResolver(notes), focus=None if focus is None else frozenset(focus))
    for note in notes:
        if isinstance(note.record, Contact):
            graph.people[note.path] = person_of(note)
    for note in notes:
        record = note.record
        if isinstance(record, Contact):
            person = graph.people[note.path]
            referrers = []
            for link in record.referred_by:
                referrer = graph.person(link, note, "referred_by")
                if referrer is person:  # themselves: not a referral (and not a cycle)
                    message = (
                        f"{note.shown('referred_by')}: [[{link.target}]] is this contact; "
                        "it is left out"
                    )
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
                _people_of(graph, note, record.contacts, record.plain_names),
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
            for task in note.tasks:  # (those that link someone: promises to them)
                if contacts_named(graph, task.people):
                    graph.loose_tasks.append((note, task, ()))
        elif isinstance(record, Touch):
            people = _people_of(graph, note, record.people)
            graph.touches.append(TouchLinks(note, record, people))
        elif note.tasks:
            about = contacts_named(graph, (link.target for link in note.people))
            for task in note.tasks:
                if about or contacts_named(graph, task.people):
                    graph.loose_tasks.append((note, task, about))
    if any(meeting.interview.from_touch for meeting in graph.meetings):
        _same_talks(graph)
    logs = [note for note in notes if note.log]
    if graph.touches or logs:
        _apply_activity(graph, logs, thank_window)
    graph.contact_of = {entry.person.key: entry for entry in graph.contacts}
    return graph


def _same_talks(graph: Graph) -> None:
    """A talk a touch note tells of, on a day a meeting note with each of its people has, is
    that meeting (as a talk a log line tells of is): no talk of its own, to thank for or
    count; its open tasks stay promises to its people, said to be in it; its thank-you is
    that meeting's, and its referrals are read where it writes them (`graph.merged`)."""
    held = {
        (person.key, m.interview.date)
        for m in graph.meetings
        if not m.interview.from_touch and m.interview.status != "cancelled"
        for person in m.people
    }
    kept: list[Meeting] = []
    thanked: dict[tuple[str, date | None], Interview] = {}  # (person, day) -> a thanking talk
    for meeting in graph.meetings:
        day = meeting.interview.date
        if not (
            meeting.interview.from_touch
            and meeting.people
            and all((person.key, day) in held for person in meeting.people)
        ):
            kept.append(meeting)
            continue
        graph.merged.append(meeting)
        people = tuple(dict.fromkeys(meeting.people))
        if meeting.interview.thanked:
            thanked.update(((person.key, day), meeting.interview) for person in people)
        for task in meeting.interview.body.tasks:
            if task.status == "open":
                graph.loose_tasks.append((meeting.note, task, people))
    if thanked:
        kept = [_thanked_by(meeting, thanked) for meeting in kept]
    graph.meetings = kept
    graph.meetings_by_person = {}
    for meeting in kept:
        for person in dict.fromkeys(meeting.people):
            graph.meetings_by_person.setdefault(person.key, []).append(meeting)


def _thanked_by(meeting: Meeting, thanked: Mapping[tuple[str, date | None], Interview]) -> Meeting:
    """A meeting note's talk, thanked where a touch note telling of it says it was."""
    interview = meeting.interview
    if interview.thanked or interview.from_touch:
        return meeting
    said = next(
        (
            thanked[(p.key, interview.date)]
            for p in meeting.people
            if (p.key, interview.date) in thanked
        ),
        None,
    )
    if said is None:
        return meeting
    return replace(meeting, interview=replace(interview, thanked=True, thanked_on=said.thanked_on))


_NOT_PEOPLE = (Interview, Organization, Application, Touch)


def _people_of(
    graph: Graph, note: Note, links: tuple[Link, ...], plain_names: int = 0
) -> tuple[Person, ...]:
    """The people a meeting or touch note names: links to notes of other kinds left out
    (with a warning), and the last `plain_names` (names written without a link, on an
    Attendees line or in a title) kept only where they are people with a note, and
    otherwise passed over without a word (they are not links to notes not yet written)."""
    people: list[Person] = []
    first_plain = len(links) - plain_names
    for position, link in enumerate(links):
        if position >= first_plain:
            found, _ = graph.resolver.resolve(link.target)
            if found is None or not isinstance(found.record, Contact):
                continue
            if any(person.key == found.path for person in people):
                continue  # (named twice: on the Attendees line and in the title)
        person = graph.person(link, note, "contact")
        if person.note is not None and isinstance(person.note.record, _NOT_PEOPLE):
            message = f"[[{link.target}]] is not a person's note; left out of who was there"
            graph.problems.append(Problem(note.path, link.line, "warning", message))
            continue
        people.append(person)
    if plain_names and not people:  # (on the line that names them: none for a title)
        # (names on a line or in a tag are said: a title's words are only guesses at names;
        # "add attendees" sent a new user to add a property the tags already said)
        names = [link.target for link in links[first_plain:] if link.line is not None]
        people_property = f"`{note.shown('contact')}`"  # (as the vault names it)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        message = (
            f"nobody named has a person's note ({shown}): names without a link count only "
            "for people with a note; link them ([[Name]]) or add their notes"
            if names
            else f"nobody named: add attendees ({nobody_where(people_property)})"
        )
        line = next((link.line for link in links[first_plain:] if link.line is not None), None)
        graph.problems.append(Problem(note.path, line, "warning", message))
    return tuple(people)


# One thing that happened with someone: (day, note, line, person, what, where it is written)
_Event = tuple[date, str, int, Person, str, Fact]


def _apply_activity(graph: Graph, logs: list[Note], window: int) -> None:
    """Read touch notes and log lines into requests, replies, thank-yous and talks (see the
    module's text): in date order, so that a thank-you finds the talk before it."""
    events: list[_Event] = []
    for touch in graph.touches:
        day = touch.touch.date
        if day is None:
            continue
        fact = ("date", day.isoformat(), touch.note.path, touch.touch.date_line)
        for person in dict.fromkeys(touch.people):
            if person.note is None:
                graph.touched.add(person.key)
            line = touch.touch.date_line or 0
            events.append((day, touch.note.path, line, person, touch.touch.direction, fact))
    referrals: list[tuple[Note, LogLine]] = []  # the referrals said under a talk's line
    for note in logs:
        own = graph.people.get(note.path) if isinstance(note.record, Contact) else None
        for said in note.log:
            if said.what == "referral":
                referrals.append((note, said))
                continue
            if said.target is None:
                about = own
            elif (about := _first(contacts_named(graph, [said.target]))) is None:
                _unread_line(graph, note.path, Link(said.target, said.line))
            if about is not None:
                fact = ("log", said.text, note.path, said.line)
                what = said.what
                if what == "did":  # (a log's entry that says nothing of what it was)
                    if _talk_on(graph, about, said.day):
                        continue  # (a note of that day's talk, which its meeting note is)
                    what = "outgoing"
                events.append((said.day, note.path, said.line, about, what, fact))
    events.sort(key=lambda event: (event[0], event[1], event[2]))
    by_path = {note.path: note for note in logs}
    talks = _log_talks(graph, [event for event in events if event[4] == "met"], by_path)
    if referrals:
        _log_referrals(graph, referrals, talks)

    requests: dict[str, list[date]] = defaultdict(list)
    replies: dict[str, list[date]] = defaultdict(list)
    touched: dict[str, list[date]] = defaultdict(list)  # neither: an archive of both ways
    updated: dict[str, list[date]] = defaultdict(list)
    declined: set[str] = set()
    thanked: dict[int, tuple[Meeting, date]] = {}  # id of a meeting -> (it, thanked on)

    def note_down(
        table: dict[str, list[date]], name: str, person: Person, day: date, fact: Fact
    ) -> None:
        table[person.key].append(day)
        if day not in getattr(person.contact, name, ()):  # (a property saying so comes first)
            graph.origins.setdefault((person.key, name, day), fact)

    for day, _, _, person, what, fact in events:
        if what in ("incoming", "both"):
            note_down(replies, "replied", person, day, fact)
        if what == "both":
            note_down(requests, "contacted", person, day, fact)
        elif what == "mixed":
            note_down(touched, "touched", person, day, fact)
        elif what == "updated":
            note_down(updated, "updated", person, day, fact)
        elif what == "declined":
            declined.add(person.key)
        elif what in ("outgoing", "thanked"):
            # the thank-you for the latest talk before it not thanked yet (a message sent
            # within `window` days of it; a line saying "thanked", however long after)
            since = date.min if what == "thanked" else shift(day, -window)
            talk = talk_thanked_by(graph, person, since, day, thanked)
            if talk is not None:
                thanked[id(talk)] = (talk, day)
                graph.origins.setdefault((talk.note.path, "thanked", day), fact)
            elif what == "thanked":
                note_down(touched, "touched", person, day, fact)
            else:
                note_down(requests, "contacted", person, day, fact)
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
        if not any(key in table for table in (requests, replies, touched, updated, declined)):
            continue
        contact = entry.contact
        contact = replace(
            contact,
            contacted=tuple(sorted({*contact.contacted, *requests.get(key, ())})),
            replied=tuple(sorted({*contact.replied, *replies.get(key, ())})),
            touched=tuple(sorted({*contact.touched, *touched.get(key, ())})),
            updated=tuple(sorted({*contact.updated, *updated.get(key, ())})),
            declined=contact.declined or key in declined,
        )
        entry.person.contact = contact
        graph.contacts[position] = replace(entry, contact=contact)


def _talk_on(graph: Graph, person: Person, day: date) -> bool:
    """Whether a meeting note (not cancelled) has a talk with `person` on `day`: a log's
    entry of that day that says nothing of what it was (`### 2026-08-23` over `- Led
    [[2026-08-23 Kickoff]]`) is a note of that talk, not a message sent after it (nor a
    word that it was held: `- Rescheduled to Dec 2` is one too)."""
    return any(
        m.interview.date == day and m.interview.status != "cancelled"
        for m in graph.meetings_with(person)
    )


def _unread_line(graph: Graph, path: str, link: Link) -> None:
    """A log line about someone whose link leads to no note is not read: a link to nothing
    (`log line: [[Lena Ortz]] has no note`), said where a slip of the keyboard from a
    note's name makes it a likely typo (`core.hints`), not a talk silently lost."""
    if graph.resolver.resolve(link.target)[0] is None:
        graph.unresolved.append((path, link, "log", LOG_LINE.removesuffix(": ")))


def _first(people: tuple[Person, ...]) -> Person | None:
    return people[0] if people else None


def _log_talks(
    graph: Graph, events: list[_Event], notes: Mapping[str, Note]
) -> dict[tuple[str, int], Meeting]:
    """The talks log lines tell of, as meetings: each makes the person met and wants a
    thank-you (the line is its notes). One on a day a meeting note with them has is that
    meeting. Returns the talk each line tells of, by (note, line)."""
    told: list[Meeting] = []  # meetings still written scheduled that a line tells of
    talks: dict[tuple[str, int], Meeting] = {}
    for day, path, line, person, _, fact in events:
        held = [
            m
            for m in graph.meetings_with(person)
            if m.interview.date == day and m.interview.status != "cancelled"
        ]
        if held:
            told += (m for m in held if m.interview.status == "scheduled")
            talks.setdefault((path, line), held[0])
            continue
        talk = Interview(
            contacts=(Link(person.name, line),),
            date=day,
            body=Body(sections=(Section("notes", line, False),)),
            lines=(("date", line),),
        )
        meeting = Meeting(notes[path], talk, (person,), (), fact)
        graph.meetings.append(meeting)
        graph.meetings_by_person.setdefault(person.key, []).append(meeting)
        talks.setdefault((path, line), meeting)
    if told:  # (once: each list of meetings replaced a single time)
        held_now = _told_held(graph, told)
        talks = {at: held_now.get(id(m), m) for at, m in talks.items()}
    return talks


def _log_referrals(
    graph: Graph, referrals: list[tuple[Note, LogLine]], talks: dict[tuple[str, int], Meeting]
) -> None:
    """The referrals said under a daily note's line telling of a talk (`- She said I should
    talk to [[Christina Wu]]` under `## Coffee with [[Priya Shah]]`): that talk's (the
    meeting note's, when one has the talk that day), as a meeting note's `referrals` are
    (each once, never one of its people)."""
    told: dict[int, Meeting] = {}  # id of a talk -> it, with its referrals
    for note, said in referrals:
        found = talks.get((note.path, said.under or 0))
        if found is None or said.target is None:
            continue  # (its talk's person is nobody's note: nobody's referral)
        talk = told.get(id(found), found)
        link = Link(said.target, said.line)
        person = graph.person(link, note, "referrals")
        if person in talk.people or any(p is person for p, _ in talk.referrals):
            continue
        told[id(found)] = replace(talk, referrals=(*talk.referrals, (person, link)))
    if told:
        graph.meetings = [told.get(id(m), m) for m in graph.meetings]
        for key, meetings in graph.meetings_by_person.items():
            graph.meetings_by_person[key] = [told.get(id(m), m) for m in meetings]


def _told_held(graph: Graph, scheduled: list[Meeting]) -> dict[int, Meeting]:
    """Meetings still written `scheduled` that a line tells of: held on their day (`status_of`),
    as the line says, not a talk it forgot (a daily note's `- Coffee with [[Maya]]`). Returns
    them by the id of each as it was."""
    told = {
        id(m): replace(m, interview=replace(m.interview, told_held=True))
        for m in scheduled
        if not m.interview.told_held
    }
    if not told:
        return told
    graph.meetings = [told.get(id(m), m) for m in graph.meetings]
    for key, meetings in graph.meetings_by_person.items():
        graph.meetings_by_person[key] = [told.get(id(m), m) for m in meetings]
    return told
