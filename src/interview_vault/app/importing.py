"""`vault import`: people from another address book (a LinkedIn export, a phone's vCards)
brought in as contact notes.

An import creates each new person's contact note the way `vault new contact` does (the
vault's own template, never over an existing file), and leaves every matched note as it
is, unless `update` asks to add the properties it lacks (never replacing a value).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ..core.errors import (
    EditError,
    ExchangeFormatError,
    NoteExistsError,
    NoteNameError,
    UnsafeWriteError,
    VaultError,
)
from ..core.incoming import IMPORTED, Directory, Incoming, Known, missing, profile_key
from ..core.kinds import is_kind
from ..core.model import Note
from ..core.name_parts import without_credentials, without_symbols
from ..core.names import NameResolver, folded
from ..notes.edit import property_key, set_value
from ..notes.exchange import read_vcards
from ..notes.linkedin import read_connections
from ..notes.sections import NoteText
from ..notes.templates import check_note_name, safe_note_name, yaml_link, yaml_scalar
from ..storage.files import load, read_file_bytes, read_text_file, save
from ..storage.templates import new_notes_folder
from .create import new_contact
from .session import Session

Progress = Callable[[], None]

# Where a vCard's NOTE goes in the new note (an existing note's body is never changed).
ADDRESS_BOOK_SECTION = "From the address book"  # where a vCard's NOTE is kept
NOTE_HEADING = f"## {ADDRESS_BOOK_SECTION}"


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)  # notes (vault-relative paths)
    # the contact notes people were matched to, those made (or, dry, to be made) included:
    # what an import's messages are matched to next
    directory: Directory | None = None
    updated: list[str] = field(default_factory=list)  # "note: the properties added"
    unchanged: int = 0
    placeholders: int = 0  # organizations of only punctuation ("-", "....."), left out
    skipped: list[str] = field(default_factory=list)  # why, one line each ("row 7: ...")
    notices: list[str] = field(default_factory=list)  # what a user should know, not skips
    stopped: str | None = None  # why the import ended early, if it did

    def summary(self, dry_run: bool, unread: int) -> str:
        """The counts; `unread`: rows or cards the file reader skipped."""
        verb = "would be " if dry_run else ""
        counts = (
            f"{len(self.created)} {verb}created, {len(self.updated)} {verb}updated, "
            f"{self.unchanged} unchanged, {unread + len(self.skipped)} skipped"
        )
        if self.placeholders:
            many = "s" * (self.placeholders != 1)
            counts += f"; {self.placeholders} organization{many} left out: only punctuation"
        return counts


def read_people(path: Path, kind: str) -> tuple[list[Incoming], list[str], list[str], int]:
    """The people in a LinkedIn export (`kind` "linkedin") or a vCard file ("vcard"), the
    rows or cards skipped (why, and how many), and notices about the ones read in part."""
    try:
        if kind == "linkedin":
            return read_connections(read_text_file(path))
        people, skipped, notices = read_vcards(read_file_bytes(path))  # (each property in
        return people, skipped, notices, len(skipped)  # its own charset)
    except ExchangeFormatError as error:
        raise VaultError(f"{path}: {error}") from None


def import_people(
    session: Session,
    people: Iterable[Incoming],
    *,
    update: bool,
    dry_run: bool,
    now: datetime,
    progress: Progress = lambda: None,
) -> ImportReport:
    """Bring people into the vault (see the module's text); `dry_run` writes nothing."""
    importer = _Importer(session, update=update, dry_run=dry_run, now=now)
    for person in people:
        progress()
        try:
            importer.bring_in(person)
        except VaultError as error:  # (the disk full, say): what was done is still reported
            importer.report.stopped = f"{person.place}: {error}"
            break
    importer.report.directory = importer.directory
    return importer.report


class _Importer:
    """One import: the vault's contacts to match people to, the names taken, the report."""

    def __init__(self, session: Session, *, update: bool, dry_run: bool, now: datetime):
        self.session, self.update, self.dry_run, self.now = session, update, dry_run, now
        notes = session.notes()
        read = session.reader()
        self.directory = Directory(
            known_contact(note, read(note.path))
            for note in notes
            if is_kind(note.record, ("contact",))
        )
        self.names = NameResolver(notes)  # (links to organizations: new people do not matter)
        self.taken = {folded(note.name) for note in notes}  # file names new ones must avoid
        # Notes that could not be read: one may be the person's, so none is made beside it.
        self.unreadable = {folded(note.name): note for note in notes if _unreadable(note)}
        self.report = ImportReport()
        self.made: dict[str, Incoming] = {}  # a note this import made -> who it is for

    def bring_in(self, person: Incoming) -> None:
        person = _without_symbols(person)
        if person.organization and "organization" not in person.values():
            self.report.placeholders += 1  # ("-", "....."): no one's organization
        entry = self.directory.match(person)
        if entry is None:
            self._create(person)
            return
        first = self.made.get(entry.note.path)
        if first is not None and _maybe_two(first, person):
            self.report.notices.append(
                f"{person.place}: {person.name} at {person.organization} is taken for the "
                f"one at {first.organization} ({first.place}): nothing else tells them apart"
            )
        adding = missing(person, entry) if self.update else {}
        if not adding:
            self.report.unchanged += 1
            return
        if not self.dry_run:
            try:
                _add_properties(self.session, entry.note.path, adding)
            except (EditError, UnsafeWriteError) as error:  # (a note changed meanwhile)
                self.report.skipped.append(f"{person.place}: {error}")
                return
        self.report.updated.append(f"{entry.note.path}: adds {', '.join(adding)}")
        entry.has |= adding.keys()
        entry.linkedin = entry.linkedin or adding.get("linkedin")
        entry.emails += (adding["email"],) if "email" in adding else ()
        self.directory.learn(entry)  # (later rows match what was added)

    def _create(self, person: Incoming) -> None:
        # (the file a link finds: "Chris Oshewolo" for a name still with its credentials,
        # "Chris Oshewolo, CFA", where a card's suffix says others)
        title = safe_note_name(without_credentials(person.name), "contact")
        broken = self.unreadable.get(folded(title))
        if broken is not None:
            self.report.skipped.append(
                f"{person.place}: {broken.path} cannot be read, and may be {person.name}'s"
                " note; fix it, then import again"
            )
            return
        title = free_name(title, self.taken)
        if self.dry_run:  # (the path the real run writes: one plan, printed or applied)
            folder = new_notes_folder(self.session.root, self.session.settings.kinds.contact)
            created = f"{folder}/{title}.md"
        else:
            try:
                created = _write_note(self.session, person, title, self.names, self.now)
            except (NoteNameError, NoteExistsError, UnsafeWriteError) as error:
                self.report.skipped.append(f"{person.place}: {error}")
                return
        self.taken.add(folded(title))
        self.report.created.append(created)
        self.made[created] = person
        # (by the name as written too: "Jane Doe/Smith" again is her, in "Jane Doe Smith")
        self.directory.add(known_contact(Note(created, title, person.name), _incoming_text(person)))


def _without_symbols(person: Incoming) -> Incoming:
    """The person with the emoji and flags of their name left out (`Olga Kordas 🇸🇪🇺🇦`):
    no part of a name, and a file name with them answers to nothing typed."""
    name = without_symbols(person.name) or person.name  # (symbols alone: all there is)
    parts = person.parts and (
        without_symbols(person.parts[0]),
        without_symbols(person.parts[1]),
        without_symbols(person.parts[2]),
    )
    if name == person.name and parts == person.parts:
        return person
    return replace(person, name=name, parts=parts)


def _maybe_two(first: Incoming, then: Incoming) -> bool:
    """Whether two people of one name, matched by it alone, may be two: neither profile
    nor email is the same, and each is at another organization."""
    profile = profile_key(first.linkedin)
    if profile is not None and profile == profile_key(then.linkedin):
        return False
    if {e.casefold() for e in first.emails} & {e.casefold() for e in then.emails}:
        return False
    ours, theirs = first.organization, then.organization
    return bool(ours and theirs and folded(ours) != folded(theirs))


def known_contact(note: Note, text: NoteText) -> Known:
    """A contact note as matching needs it: its profile, emails and what it has."""
    emails = tuple(e.strip() for e in (text.text("email") or "").split(",") if e.strip())
    has = {key for key in IMPORTED if text.text(key) is not None}
    if text.text("referred_by") is not None:
        has.add("source")  # (found through someone: an import's source would say otherwise)
    return Known(note, text.text("linkedin"), emails, has)


def _unreadable(note: Note) -> bool:
    return note.record is None and any(p.severity == "error" for p in note.problems)


def _incoming_text(person: Incoming) -> NoteText:
    """What a note made from `person` will say (so later rows match it)."""
    return NoteText(properties=dict(person.values()))


def free_name(name: str, taken: set[str]) -> str:
    """`name`, or `name 2`, `name 3`... when another note has it (two people of one name)."""
    candidate, number = name, 1
    while folded(candidate) in taken:
        number += 1
        candidate = f"{name} {number}"
    return candidate


def _write_note(
    session: Session, person: Incoming, title: str, names: NameResolver, now: datetime
) -> str:
    values = person.values()
    extra: dict[str, str] = {
        key: yaml_scalar(values[key])
        for key in ("role", "phone", "linkedin", "honorific", "credentials")
        if key in values
    }
    # (the card's parts of the name, where the name read alone would say others)
    parts = person.name_values()
    extra |= {key: yaml_scalar(part) for key, part in parts.items()}
    if "connected" in values:
        extra["connected"] = values["connected"]  # (a date, as Obsidian writes dates)
    joined = " ".join(parts[key] for key in ("first_name", "last_name") if key in parts)
    if title != person.name or (parts and joined != person.name):
        # (the file name had to differ; or a note's name would be its first and last names)
        extra["name"] = yaml_scalar(person.name)
    organization = values.get("organization")
    if organization is not None and not _can_be_a_note(organization):
        # ("Brightwater Policy, Ltd." cannot be a file name: kept as the name it is)
        extra["organization"], organization = yaml_scalar(organization), None
    made = new_contact(
        session,
        title,
        now=now,
        organization=organization,
        source=values.get("source"),
        email=values.get("email"),
        extra=extra,
        names=names,
        appendix=f"{NOTE_HEADING}\n{person.note}" if person.note else None,
        as_given=True,  # (an organization's name as the file gives it: no one to ask)
        imported=True,  # (the template's "now" is no fact the export gives)
    )
    return made.relative


def _can_be_a_note(name: str) -> bool:
    try:
        check_note_name(name)
    except NoteNameError:
        return False
    return True


def _add_properties(session: Session, relative: str, adding: dict[str, str]) -> None:
    names = session.settings.properties
    note = load(session.root, relative)
    text = note.text
    for key, value in adding.items():
        if key == "connected":
            written = value  # (a date, as Obsidian writes dates)
        elif key == "organization" and _can_be_a_note(value):
            written = yaml_link(value)
        else:
            written = yaml_scalar(value)
        text = set_value(
            text, property_key(text, getattr(names, key, (key,)), relative), written, relative
        )
    save(note, text)
