"""`vault import mail|linkedin|calendar`'s conversations: what other programs recorded of
them, written into the notes as the dates `vault log` writes. One plan, printed with
`--dry-run` or applied: the same changes either way.

Messages are matched to contact notes as people are (`core.incoming.Directory`: profile,
then email, then name), and planned by `core.activity.plan_messages`; each note is then
changed once, with the same safe edit as `vault log` (dates added under the note's own
names for `contacted` and `replied`, `thanked` set on a talk's note).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..core.activity import Added, Message, Party, Talk, plan_messages
from ..core.errors import EditError, UnsafeWriteError, VaultError
from ..core.graph import Graph, Meeting
from ..core.incoming import Directory, Incoming
from ..core.kinds import is_kind
from ..core.model import Contact, Interview
from ..notes.edit import add_date, property_key
from ..storage.files import load, save
from .importing import known_contact
from .record import thank_talk
from .session import Session

Progress = Callable[[], None]


def time_zone(session: Session) -> ZoneInfo | None:
    """`[me] timezone` as a time zone; None when unset (the machine's is used). A name that
    is no IANA time zone is an error naming the setting."""
    name = session.settings.me.timezone.strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise VaultError(
            f"[me] timezone: {name!r} is not a time zone name (e.g. Europe/Berlin); "
            "set it in .vault/config.toml"
        ) from None


@dataclass
class Applied:
    """What an import of messages did (or, with `--dry-run`, would do), note by note."""

    changes: dict[str, list[Added]] = field(default_factory=dict)  # note -> its dates
    skipped: list[str] = field(default_factory=list)  # notes that could not be changed
    nobody: int = 0  # messages with nobody known

    @property
    def added(self) -> list[Added]:
        return [change for found in self.changes.values() for change in found]

    def lines(self, dry_run: bool) -> list[str]:
        """Per note, what it adds: `Contacts/Ama.md: adds contacted 2026-11-13, replied ...`."""
        verb = "would add" if dry_run else "adds"
        return [
            f"{note}: {verb} " + ", ".join(f"{c.name} {c.day.isoformat()}" for c in found)
            for note, found in sorted(self.changes.items())
        ]


def import_messages(
    session: Session, messages: Iterable[Message], *, dry_run: bool, since: date | None
) -> Applied:
    """Plan the dates these messages add to the notes, and (unless `dry_run`) write them."""
    graph = session.graph()
    directory, notes_of = _directory(session, graph)
    talks, meetings = _talks(graph)

    def find(party: Party) -> str | None:
        emails = (party.email,) if party.email else ()
        entry = directory.match(Incoming(party.name, "", emails=emails, linkedin=party.linkedin))
        return entry.note.path if entry is not None else None

    def has(note: str, name: str, day: date) -> bool:
        if name == "thanked":
            meeting = meetings.get(note)
            return meeting is not None and meeting.interview.thanked
        contact = notes_of.get(note)
        return contact is not None and day in getattr(contact, name)

    wanted = (m for m in messages if since is None or m.day >= since)
    added, nobody = plan_messages(
        wanted, find, has, talks, session.settings.digest.lapse_after_days
    )
    applied = Applied(nobody=nobody)
    by_note: dict[str, list[Added]] = defaultdict(list)
    for change in added:
        by_note[change.note].append(change)
    for note, changes in by_note.items():
        if not dry_run:
            try:
                _write(session, note, changes, meetings.get(note))
            except (EditError, UnsafeWriteError) as error:
                applied.skipped.append(f"{note}: {error}")
                continue
        applied.changes[note] = changes
    return applied


def _directory(session: Session, graph: Graph) -> tuple[Directory, dict[str, Contact]]:
    """The contact notes to match people to, and each one's facts as the digest has them
    (its properties, touch notes and log lines: a date known from any is not added)."""
    read = session.reader()
    contacts = [note for note in graph.notes if is_kind(note.record, ("contact",))]
    directory = Directory(known_contact(note, read(note.path)) for note in contacts)
    return directory, {entry.person.key: entry.contact for entry in graph.contacts}


def _talks(graph: Graph) -> tuple[dict[str, list[Talk]], dict[str, Meeting]]:
    """Each contact note's talks (a message may be their thank-you), and the talks by note."""
    talks: dict[str, list[Talk]] = defaultdict(list)
    meetings: dict[str, Meeting] = {}
    for meeting in graph.meetings:
        interview = meeting.interview
        if interview.date is None or interview.status == "cancelled":
            continue
        key = _talk_key(meeting)
        meetings[key] = meeting
        for person in meeting.people:
            if person.note is not None:
                talks[person.note.path].append(Talk(key, interview.date, interview.thanked))
    return talks, meetings


def _talk_key(meeting: Meeting) -> str:
    """A talk's note; a talk a log line tells of is known by its note and line."""
    if isinstance(meeting.note.record, Interview) or meeting.logged is None:
        return meeting.note.path
    return f"{meeting.note.path}:{meeting.logged[3]}"


def _write(session: Session, note: str, changes: list[Added], talk: Meeting | None) -> None:
    """One note's changes, in one safe edit (a talk's thank-you as `vault log` writes it)."""
    if talk is not None:
        thank_talk(session, talk, min(change.day for change in changes))
        return
    names = session.settings.properties
    loaded = load(session.root, note)
    text = loaded.text
    for change in changes:
        key = property_key(text, getattr(names, change.name), note)
        text = add_date(text, key, change.day, note)
    save(loaded, text)
