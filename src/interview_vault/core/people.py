"""One person as drafts and prep sheets see them: who led you to them, meetings, promises. Pure."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .chains import build_chains
from .graph import Graph, Meeting, Person, noteless_key, people_named, present
from .model import ChainNode, InterviewStatus, Task, status_of
from .names import last_part, name_key
from .promises import waiting_on


class Promise(NamedTuple):
    """An open task about someone: what you (or, if `theirs`, they) said would be done."""

    note: str  # the note the task is in
    task: Task
    theirs: bool


def find_person(graph: Graph, name: str) -> Person:
    """The contact NAME means, or someone without a note yet who is named in a link.

    Raises NameLookupError listing candidates when no contact matches, or several do.
    """
    if not graph.resolver.candidates(name, ("contact",)):
        person = noteless_named(graph, name)
        if person is not None:
            return person  # a referral nobody has written a note for yet
    others = [person.name for person in noteless(graph)]
    return graph.people[graph.resolver.find(name, ("contact",), what="contact", others=others).path]


def noteless_named(graph: Graph, name: str) -> Person | None:
    """The person without a note whom links name so, if any."""
    wanted = noteless_key(name_key(name))
    return next((p for p in noteless(graph) if p.key == wanted), None)


def noteless(graph: Graph) -> list[Person]:
    """People named in `contact`, `referred_by` or `referrals` links who have no note yet."""
    found = {
        noteless_key(last_part(link.target))
        for _, link, key, _ in graph.unresolved
        if key != "organization"
    }
    return [graph.people[key] for key in sorted(found) if key in graph.people]


def organization_of(person: Person, graph: Graph) -> Person | None:
    """The organization their contact note names (a note, or just a name), if any."""
    for entry in graph.contacts:
        if entry.person is person:
            return entry.organization
    return None


def chain_to(person: Person, graph: Graph, today: date) -> list[ChainNode]:
    """The referral chain from its root down to `person` (as the digest draws it); [] if none."""
    chains, _ = build_chains(graph, today)
    for root in chains:
        path = _path_to(root, person)
        if path:
            return path
    return []


def _path_to(node: ChainNode, person: Person) -> list[ChainNode]:
    same = (
        node.note == person.key
        if person.note is not None
        else node.note is None and node.person.casefold() == person.name.casefold()
    )
    if same:
        return [node]
    for child in node.children:
        path = _path_to(child, person)
        if path:
            return [node, *path]
    return []


def meetings_of(
    person: Person, graph: Graph, today: date, status: InterviewStatus
) -> list[Meeting]:
    """Their meetings with this status and a readable date, earliest first."""
    found = [
        m
        for m in graph.meetings_with(person)
        if m.interview.date is not None and status_of(m.interview, today) == status
    ]
    return sorted(found, key=lambda m: (m.interview.date or date.min, m.note.path))


def open_promises(
    person: Person, graph: Graph, today: date, anywhere: bool = True
) -> list[Promise]:
    """Open tasks in their contact note and their (not cancelled) interviews, in note order,
    then in other notes, as the digest gives them to this person: yours, and theirs; a task
    of someone else's met with them (`Sam - send the deck` in a talk with Sam too) is
    neither, as the digest reads it."""
    sources: list[tuple[str, tuple[Person, ...], tuple[Task, ...]]] = []
    contact = person.contact
    if contact is not None and person.note is not None:
        sources.append((person.note.path, (person,), contact.tasks))
    meetings = sorted(
        graph.meetings_with(person), key=lambda m: (m.interview.date or date.min, m.note.path)
    )
    for meeting in meetings:
        if status_of(meeting.interview, today) != "cancelled":
            sources.append(
                (meeting.note.path, present(graph, meeting), meeting.interview.body.tasks)
            )
    promises = []
    for path, about, tasks in sources:
        for task in tasks:
            if task.status != "open":
                continue
            linked = people_named(graph, task.people) if task.people else ()
            whose = waiting_on(task, tuple(dict.fromkeys([*about, *linked])), about)
            if whose is None or whose[0] is person:
                promises.append(Promise(path, task, whose is not None))
    # Promises anywhere else (a task note's `- [ ] [[Alice Chen]] sign-off`, a daily note's
    # line), theirs or to them as the digest reads them (`anywhere`: its setting
    # `commitments_anywhere`): its items and the sheet agree
    for note, task, about in graph.loose_tasks if anywhere else ():
        if task.status != "open" or (task.start is not None and task.start > today):
            continue
        linked = people_named(graph, task.people) if task.people else ()
        people = tuple(dict.fromkeys([*about, *linked]))
        if not people:
            continue
        whose = waiting_on(task, people, about)
        if (whose[0] if whose is not None else (about or linked)[0]) is person:
            promises.append(Promise(note.path, task, whose is not None))
    return promises
