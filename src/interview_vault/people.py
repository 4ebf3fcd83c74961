"""One person as drafts and prep sheets see them: who led you to them, meetings, promises. Pure."""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import NamedTuple

from .chains import build_chains
from .graph import Meeting, Person, Vault
from .lookup import KINDS, NameLookupError, find_note
from .model import ChainNode, InterviewStatus, Note, Task
from .rules import status_of

# A task is theirs, not yours, when it starts with their name and "to", "will"... or a colon
# ("Lee to send me the report", "Lee: intro to Sam"), or carries a #waiting tag.
_THEIR_VERBS = r"(?:\s+(?:to|will|should|promised|offered|owes)\b|\s*:)"
_WAITING_TAG = re.compile(r"(?:^|\s)#waiting\b", re.IGNORECASE)


class Promise(NamedTuple):
    """An open task about someone: what you (or, if `theirs`, they) said would be done."""

    note: str  # the note the task is in
    task: Task
    theirs: bool


def find_person(vault: Vault, name: str) -> Person:
    """The contact NAME means, or someone without a note yet who is named in a link.

    Raises NameLookupError listing candidates when no contact matches, or several do.
    """
    try:
        note = find_note(vault.notes, name, "contact")
    except NameLookupError:
        wanted = name.strip().casefold()
        for person in _noteless(vault):
            if person.name.casefold() == wanted:
                return person  # a referral nobody has written a note for yet
        if is_named(vault, name, ("contact",)):
            raise  # several notes have the name: the error lists them
        raise NameLookupError(not_found(vault, name, ("contact",))) from None
    return vault.people[note.path]


def not_found(vault: Vault, name: str, kinds: tuple[str, ...]) -> str:
    """'no contact named "Jo"; did you mean Jo Park?': names starting so, or spelled alike."""
    known = {n for note in _of_kinds(vault, kinds) for n in (note.name, note.title, *note.aliases)}
    if "contact" in kinds:
        known.update(p.name for p in _noteless(vault))
    wanted = name.strip().casefold()
    starting = [n for n in known if any(w.startswith(wanted) for w in n.casefold().split())]
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    hint = sorted({*starting, *close}, key=str.casefold)[:5]
    what = " or ".join(kinds)
    return f'no {what} named "{name}"' + (f"; did you mean {', '.join(hint)}?" if hint else "")


def _noteless(vault: Vault) -> list[Person]:
    """People named in `contact`, `referred_by` or `referrals` links who have no note yet."""
    found = {
        "?" + link.target.rsplit("/", 1)[-1].casefold()
        for _, link, key in vault.unresolved
        if key != "organization"
    }
    return [vault.people[key] for key in sorted(found) if key in vault.people]


def _of_kinds(vault: Vault, kinds: tuple[str, ...]) -> list[Note]:
    return [n for n in vault.notes if any(isinstance(n.record, KINDS[k]) for k in kinds)]


def is_named(vault: Vault, name: str, kinds: tuple[str, ...]) -> bool:
    """Whether some note of these kinds has exactly this path, name or alias (ignoring case)."""
    wanted = name.strip().removesuffix(".md").strip("/").casefold()
    return any(
        wanted in {n.path[:-3].casefold(), n.name.casefold(), n.title.casefold()}
        or wanted in {a.casefold() for a in n.aliases}
        for n in _of_kinds(vault, kinds)
    )


def organization_of(person: Person, vault: Vault) -> Person | None:
    """The organization their contact note names (a note, or just a name), if any."""
    for entry in vault.contacts:
        if entry.person is person:
            return entry.organization
    return None


def chain_to(person: Person, vault: Vault, today: date) -> list[ChainNode]:
    """The referral chain from its root down to `person` (as the digest draws it); [] if none."""
    chains, _ = build_chains(vault, today)
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
    person: Person, vault: Vault, today: date, status: InterviewStatus
) -> list[Meeting]:
    """Their meetings with this status and a readable date, earliest first."""
    found = [
        m
        for m in vault.meetings_with(person)
        if m.interview.date is not None and status_of(m.interview, today) == status
    ]
    return sorted(found, key=lambda m: (m.interview.date or date.min, m.note.path))


def open_promises(person: Person, vault: Vault, today: date) -> list[Promise]:
    """Open tasks in their contact note and their (not cancelled) interviews, in note order."""
    sources: list[tuple[str, tuple[Task, ...]]] = []
    contact = person.contact
    if contact is not None and person.note is not None:
        sources.append((person.note.path, contact.tasks))
    meetings = sorted(
        vault.meetings_with(person), key=lambda m: (m.interview.date or date.min, m.note.path)
    )
    for meeting in meetings:
        if status_of(meeting.interview, today) != "cancelled":
            sources.append((meeting.note.path, meeting.interview.body.tasks))
    return [
        Promise(path, task, is_theirs(task, person))
        for path, tasks in sources
        for task in tasks
        if task.status == "open"
    ]


def is_theirs(task: Task, person: Person) -> bool:
    """Whether the task is something `person` said they would do, not you."""
    return bool(_their_task_pattern(person).match(task.text) or _WAITING_TAG.search(task.text))


def _their_task_pattern(person: Person) -> re.Pattern[str]:
    names = {person.name}
    if person.note is not None:
        names.update((person.note.name, *person.note.aliases))
    firsts = {name.split()[0] for name in names if name.split()}
    names.update(first for first in firsts if not first.endswith("."))  # not "Dr."
    ordered = sorted(names, key=len, reverse=True)  # the longest name first
    alternatives = "|".join(re.escape(name) for name in ordered)
    return re.compile(rf"(?:{alternatives}){_THEIR_VERBS}", re.IGNORECASE)
