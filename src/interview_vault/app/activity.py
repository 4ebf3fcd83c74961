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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.activity import Added, Message, Party, Skipped, Talk, plan_messages
from ..core.errors import EditError, ExchangeFormatError, UnsafeWriteError, VaultError
from ..core.graph import Graph, Meeting
from ..core.incoming import Directory, Incoming
from ..core.kinds import is_kind
from ..core.model import Interview
from ..core.settings import CONFIG_PATH
from ..notes.edit import add_dates, property_key
from ..notes.linkedin import read_connections
from ..notes.linkedin_messages import (
    connected_on,
    learn_me,
    read_invitations,
    read_messages,
    says_direction,
)
from ..notes.mail import COPY, SPAM_OR_TRASH, learn_addresses, message_key, read_headers
from ..storage.files import load, save
from ..storage.linkedin_export import export_files
from ..storage.mailboxes import in_sent_folder, message_headers
from ..storage.settings import merge_settings
from .importing import ImportReport, import_people, known_contact
from .record import thank_talk
from .session import Session

Progress = Callable[[], None]


@dataclass
class Applied:
    """What an import of messages did (or, with `--dry-run`, would do), note by note."""

    changes: dict[str, list[Added]] = field(default_factory=dict)  # note -> its dates
    skipped: list[str] = field(default_factory=list)  # notes that could not be changed
    nobody: int = 0  # messages with nobody known
    nothing_new: int = 0  # messages with someone known, adding no date the notes lack
    small_talk: int = 0  # greetings and thanks that meant no date (see `plan_messages`)
    before: int = 0  # messages before `since`
    since: date | None = None

    def count_left_out(self, skipped: Skipped) -> None:
        """Count in `skipped` the messages read that add no date, by why, so that the last
        line accounts for each: `5 before --since 2026-11-11, 2 with nobody known`."""
        if self.before and self.since is not None:
            skipped.counts[f"before --since {self.since.isoformat()}"] += self.before
        if self.nobody:
            skipped.counts["with nobody known"] += self.nobody
        if self.nothing_new:
            skipped.counts["with no new date"] += self.nothing_new
        if self.small_talk:
            skipped.counts["greetings"] += self.small_talk

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
    session: Session,
    messages: Iterable[Message],
    *,
    dry_run: bool,
    since: date | None,
    directory: Directory | None = None,
) -> Applied:
    """Plan the dates these messages add to the notes, and (unless `dry_run`) write them.
    `directory`: the contact notes to match people to, when an import of people just made
    it (with `--dry-run`, the notes it would make)."""
    graph = session.graph()
    directory = directory or directory_of(session, graph)
    notes_of = {entry.person.key: entry.contact for entry in graph.contacts}
    talks, meetings = _talks(graph)

    def find(party: Party) -> str | None:
        emails = (party.email,) if party.email else ()
        entry = directory.match(Incoming(party.name, "", emails=emails, linkedin=party.linkedin))
        return entry.note.path if entry is not None else None

    # (each note's facts as the digest has them, from properties, touch notes and log
    # lines: a date known from any is not added)
    def has(note: str, name: str, day: date) -> bool:
        if name == "thanked":
            meeting = meetings.get(note)
            return meeting is not None and meeting.interview.thanked
        contact = notes_of.get(note)
        return contact is not None and day in getattr(contact, name)

    before = 0

    def wanted() -> Iterator[Message]:
        nonlocal before
        for message in messages:
            if since is not None and message.day < since:
                before += 1
            else:
                yield message

    plan = plan_messages(wanted(), find, has, talks, session.settings.digest.lapse_after_days)
    added = plan.added
    applied = Applied(
        nobody=plan.nobody,
        nothing_new=plan.nothing_new,
        small_talk=plan.small_talk,
        before=before,
        since=since,
    )
    by_note: dict[str, list[Added]] = defaultdict(list)
    for change in added:
        by_note[change.note].append(change)
    for note in sorted(by_note, key=lambda key: _edit_order(key, meetings)):
        changes = by_note[note]
        if not dry_run:
            try:
                _write(session, note, changes, meetings.get(note))
            except (EditError, UnsafeWriteError) as error:
                said = str(error)
                applied.skipped.append(said if said.startswith(note) else f"{note}: {said}")
                continue
        applied.changes[note] = changes
    return applied


def _edit_order(key: str, meetings: dict[str, Meeting]) -> tuple[str, int]:
    """The order a file's edits are made in: the thank-you lines after talks its log tells
    of first, the last line first (each adds a line below its own: those above keep their
    numbers), then its properties (which move no line the others name)."""
    talk = meetings.get(key)
    if talk is None or talk.logged is None:
        return (key, 0)
    line = talk.logged[3] or 0
    return (talk.note.path, -line - 1)


def directory_of(session: Session, graph: Graph) -> Directory:
    """The contact notes to match people to (by profile, email, name)."""
    read = session.reader()
    contacts = [note for note in graph.notes if is_kind(note.record, ("contact",))]
    return Directory(known_contact(note, read(note.path)) for note in contacts)


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
                talks[person.note.path].append(
                    Talk(key, interview.date, interview.thanked, interview.thanked_on)
                )
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
    by_name: dict[str, list[date]] = defaultdict(list)
    for change in changes:
        by_name[change.name].append(change.day)
    for name, days in by_name.items():  # (each property in one edit: an import adds many)
        key = property_key(text, getattr(names, name), note)
        text = add_dates(text, key, days, note)
    save(loaded, text)


# --- mail -----------------------------------------------------------------------------------


@dataclass
class MailImport:
    """What `vault import mail` read and did."""

    applied: Applied
    read: int  # messages read
    skipped: Skipped
    learned: tuple[str, ...] = ()  # your addresses, learned from the messages you sent


def import_mail(
    session: Session,
    path: Path,
    *,
    dry_run: bool,
    since: date | None,
    progress: Progress = lambda: None,
) -> MailImport:
    """The dates the messages of a mailbox (see `message_headers`) add to the notes, each
    message read once (by `message_key`) however many folders hold it. Your addresses are
    `[me] emails`; without them, learned from messages labelled Sent or filed in a Sent
    folder (and, unless `dry_run`, saved in the settings). Bodies are never read."""
    zone = session.time_zone()
    me = tuple(address.strip() for address in session.settings.me.emails if address.strip())
    learned: tuple[str, ...] = ()
    if not me:
        headers = message_headers(path, Skipped())
        learned = learn_addresses(
            (data, in_sent_folder(place)) for place, data in headers if data is not None
        )
        if not learned:
            raise VaultError(
                f"{path}: no message is labelled Sent or in a Sent folder to learn your "
                "addresses from; set "
                f'[me] emails = ["you@example.org"] in {CONFIG_PATH}'
            )
        me = learned
        if not dry_run:
            merge_settings(session.root, {"me": {"emails": list(learned)}})
    skipped = Skipped()
    read = 0
    mine = frozenset(address.casefold() for address in me)

    def messages() -> Iterator[Message]:
        nonlocal read
        seen: set[int] = set()
        for place, data in message_headers(path, skipped):
            progress()
            key = None if data is None else message_key(data)
            if key is not None:
                if key in seen:  # (the same message in another folder: Gmail's labels)
                    skipped.add(COPY)
                    continue
                seen.add(key)
            read += 1
            if data is None:  # (in a trash or spam folder)
                skipped.add(SPAM_OR_TRASH)
                continue
            message = read_headers(data, place, mine, zone, skipped)
            if message is not None:
                yield message

    applied = import_messages(session, messages(), dry_run=dry_run, since=since)
    applied.count_left_out(skipped)
    return MailImport(applied, read, skipped, learned)


# --- LinkedIn -------------------------------------------------------------------------------


@dataclass
class LinkedInExport:
    """A LinkedIn export as read: its files by kind, the people of Connections.csv, and
    the rows left out of it with notices about the export."""

    files: dict[str, str]
    people: list[Incoming]
    unread: list[str]
    rows_skipped: int = 0  # rows of Connections.csv that could not be read


def read_linkedin(path: Path) -> LinkedInExport:
    """A LinkedIn export: its folder, its zip, or one file of it (VaultError, one line,
    when it is none of these)."""
    unread: list[str] = []
    names: dict[str, str] = {}
    files = export_files(path, unread, names)
    people: list[Incoming] = []
    skipped_rows: list[str] = []
    rows_skipped = 0
    if "connections" in files:
        try:
            people, skipped_rows, more, rows_skipped = read_connections(files["connections"])
        except ExchangeFormatError as error:
            raise VaultError(f"{path}: {error}") from None
        # (given the export's folder or zip, a row is said with the file it is a row of)
        inside = "" if names["connections"] == path.name else f"{names['connections']}: "
        unread += [f"{inside}{line}" for line in (*skipped_rows, *more)]
    return LinkedInExport(files, people, unread, rows_skipped)


def import_linkedin(
    session: Session,
    export: LinkedInExport,
    *,
    update: bool,
    dry_run: bool,
    since: date | None,
    now: datetime,
    progress: Progress = lambda: None,
) -> tuple[ImportReport, LinkedInMessages]:
    """Import a LinkedIn export: Connections.csv's people (as `import_people`; `progress`
    is called for each), then the dates of messages and invitations with them."""
    me, learned = your_profile(session, export.files, dry_run)  # (before anything is written)
    report = import_people(
        session, export.people, update=update, dry_run=dry_run, now=now, progress=progress
    )
    talked = import_linkedin_messages(
        session,
        export.files,
        export.people,
        directory=report.directory,
        dry_run=dry_run,
        since=since,
        me=me,
        learned=learned,
    )
    return report, talked


@dataclass
class LinkedInMessages:
    """What `vault import linkedin` read of messages and invitations, and did."""

    applied: Applied
    read: int
    skipped: Skipped
    learned: frozenset[str] = frozenset()  # your profile, learned from the conversations


def your_profile(
    session: Session, files: dict[str, str], dry_run: bool
) -> tuple[frozenset[str], frozenset[str]]:
    """(your LinkedIn profile, the part of it learned now): `[me] linkedin`; without it,
    learned from messages.csv (see `learn_me`) and, unless `dry_run`, saved; the 2018
    export's, whose rows say their direction, needs none. VaultError when it is needed and
    cannot be learned: said before the import writes anything."""
    me = frozenset(url for url in session.settings.me.linkedin if url.strip())
    if me or "messages" not in files:
        return me, frozenset()
    try:
        if says_direction(files["messages"]):
            return me, frozenset()
        learned = learn_me(files["messages"])
    except ExchangeFormatError as error:
        raise VaultError(str(error)) from None
    if not learned:
        raise VaultError(
            "messages.csv: cannot tell your profile (none is in nearly every conversation, "
            "or more than one is and no draft says which); "
            f'set [me] linkedin = ["https://www.linkedin.com/in/you"] in {CONFIG_PATH} '
            "(nothing was imported)"
        )
    if not dry_run:
        merge_settings(session.root, {"me": {"linkedin": sorted(learned)}})
    return learned, learned


def import_linkedin_messages(
    session: Session,
    files: dict[str, str],
    people: list[Incoming],
    *,
    directory: Directory | None,
    dry_run: bool,
    since: date | None,
    me: frozenset[str],
    learned: frozenset[str] = frozenset(),
) -> LinkedInMessages:
    """The dates LinkedIn's messages and invitations add to the notes of the people they
    are with (contacts, and the connections of this export: `directory`); `me`: your
    profile (see `your_profile`), `learned` the part of it learned from these messages."""
    zone = session.time_zone()
    skipped = Skipped()
    read = 0
    streams: list[Iterable[Message]] = []
    try:
        if "messages" in files:
            streams.append(read_messages(files["messages"], me, zone, skipped))
        if "invitations" in files:
            streams.append(
                read_invitations(files["invitations"], connected_on(people), zone, skipped)
            )
    except ExchangeFormatError as error:
        raise VaultError(str(error)) from None

    def messages() -> Iterator[Message]:
        nonlocal read
        for stream in streams:
            for message in stream:
                read += 1
                yield message

    try:
        applied = import_messages(
            session, messages(), dry_run=dry_run, since=since, directory=directory
        )
    except ExchangeFormatError as error:
        raise VaultError(str(error)) from None
    applied.count_left_out(skipped)
    return LinkedInMessages(applied, read, skipped, learned)
