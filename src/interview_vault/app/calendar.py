"""`vault import calendar`: the talks of a calendar export (Google, Apple, Outlook) as
meeting notes. One plan (`core.activity.plan_events`), printed with `--dry-run` or
applied: the same changes either way.

An event is with the contacts among its attendees (by email, then name; you and those
who declined left out) and those its summary names in full; one you declined or never
answered, one longer than a day and a timed one shown as free are no talks (see
`core.activity.not_a_talk`). A note created for it is made from the vault's template as
`vault log met` makes one (done when its day has passed), names them all, and keeps the
occurrence's key as `calendar_uid`, by which a later import finds it again, under
whatever name the note has by then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.activity import (
    Booked,
    Event,
    EventChange,
    Party,
    Skipped,
    event_minutes,
    not_a_talk,
    plan_events,
    when_written,
)
from ..core.conventions import spellings
from ..core.errors import EditError, FrontMatterError, NoteExistsError, UnsafeWriteError, VaultError
from ..core.graph import Graph
from ..core.incoming import Incoming
from ..core.model import Interview
from ..core.names import NameResolver, folded, loose_key, names_in
from ..core.settings import CONFIG_PATH
from ..notes.calendar import (
    BAD_ZONES,
    ZONES_BY_OFFSET,
    calendar_owner,
    declared_zone,
    read_events,
)
from ..notes.edit import property_key, set_value
from ..notes.frontmatter import read_properties
from ..notes.templates import yaml_scalar
from ..storage.files import load, save
from ..storage.settings import merge_settings
from ..storage.templates import new_notes_folder, read_template
from .activity import directory_of
from .create import new_interview
from .exporting import read_minutes
from .importing import free_name
from .session import Session

KEY = "calendar_uid"  # the property a meeting note keeps its event's key in


@dataclass
class CalendarImport:
    """What `vault import calendar` read, and did (or, with `--dry-run`, would do)."""

    read: int = 0  # occurrences within the window
    created: list[tuple[str, Event]] = field(default_factory=list)  # (note, its event)
    changed: dict[str, list[str]] = field(default_factory=dict)  # note -> what changed
    skipped: Skipped = field(default_factory=Skipped)
    failed: list[str] = field(default_factory=list)  # notes that could not be written

    def lines(self, dry_run: bool) -> list[str]:
        """Per note, what happens to it: `Interviews/2026-12-10 Ana Silva.md: created,
        2026-12-10T14:00`, `...: moves to 2026-12-11T09:00`."""
        made = "would create" if dry_run else "created"
        lines = [(note, f"{made}, {when_written(event)}") for note, event in self.created]
        for note, changes in self.changed.items():
            said = ", ".join(changes)
            lines.append((note, f"would {_base(said)}" if dry_run else said))
        return [f"{note}: {said}" for note, said in sorted(lines)]

    def summary(self, dry_run: bool = False) -> str:
        """`calendar: 40 events, 3 notes created, 2 changed; 30 events with nobody known`
        (with `dry_run`, "would be created", "would be changed")."""
        would = "would be " if dry_run else ""
        line = (
            f"calendar: {self.read:,} event{'s' * (self.read != 1)}, "
            f"{len(self.created):,} note{'s' * (len(self.created) != 1)} {would}created, "
            f"{len(self.changed):,} {would}changed"
        )
        rest = [
            f"{count:,} {_one(reason) if count == 1 else reason}"
            for reason, count in sorted(self.skipped.counts.items())
            if count
        ]
        return f"{line}; {', '.join(rest)}" if rest else line


# Why things were left out, said of one (the rest: "events" -> "event").
_ONE = {
    BAD_ZONES: "time zone that makes no sense",
    ZONES_BY_OFFSET: "time zone known by its offset alone",
}


def _one(reason: str) -> str:
    """A reason things were left out, said of one: "1 event with nobody known"."""
    return _ONE.get(reason) or reason.replace("events", "event", 1)


def _base(said: str) -> str:
    """What a change says, as a dry run says it would: "adds" -> "add", "moves" -> "move"."""
    return ", ".join(
        part.replace("adds", "add", 1)
        .replace("moves", "move", 1)
        .replace("marked", "mark", 1)
        .replace("lasts", "last", 1)
        for part in said.split(", ")
    )


def import_calendar(
    session: Session,
    path: Path,
    *,
    dry_run: bool,
    since: date,
    until: date,
    today: date,
    now: datetime,
) -> CalendarImport:
    """Read the events of an .ics file from `since` to `until` and bring them into the
    notes (unless `dry_run`). VaultError, one line naming the file, when it is no
    calendar or cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise VaultError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise VaultError(f"{path}: not UTF-8 text; is it an .ics file?") from None
    result = CalendarImport()
    zone = session.time_zone()
    if zone is None and (zone := declared_zone(text)) is not None:
        # (the calendar's own, as Google's and Apple's say it: yours from now on, so that
        # mail, LinkedIn and the export read times as these were written)
        saved = "" if dry_run else f"; saved as [me] timezone in {CONFIG_PATH}"
        session.notice(f"{path.name}: times read in {zone}, the calendar's time zone{saved}")
        if not dry_run:
            merge_settings(session.root, {"me": {"timezone": str(zone)}})
    mine = _your_addresses(session, text)
    try:
        events = list(read_events(text, since, until, zone, result.skipped, mine=mine))
    except VaultError as error:
        raise VaultError(f"{path}: {error}") from None
    if not mine and any(event.attendees for event in events):
        session.notice(
            f"{path.name}: your address is not known, so neither is what you answered: set "
            f'[me] emails = ["you@example.org"] in {CONFIG_PATH}'
        )
    result.read = len(events)
    graph = session.graph()
    people_of = _people_finder(session, graph, mine)
    booked = _booked(session, graph)
    changes = plan_events(events, people_of, booked, today, result.skipped)
    result.skipped.messages[:] = [f"{path.name}: {m}" for m in result.skipped.messages]
    # (a Google export keeps Outlook organizers' invitations NEEDS-ACTION even for talks
    # you went to: "34 events you never answered" alone reads as nothing to do)
    yours = [e for e in events if not_a_talk(e._replace(answer="")) is None and people_of(e)]
    if yours and all(event.unanswered for event in yours):
        many = len(yours) != 1
        result.skipped.messages.append(
            f"{path.name}: {'all ' * many}{len(yours):,} event{'s' * many} with people you"
            f" know {'are' if many else 'is'} unanswered in this calendar (PARTSTAT=NEEDS-ACTION),"
            " so none is taken as a talk; record each you had with `vault log met NAME`"
        )
    _apply(session, graph, changes, result, dry_run=dry_run, now=now)
    return result


def _your_addresses(session: Session, text: str) -> frozenset[str]:
    """Your addresses, in lower case: `[me] emails`, else the one Google names your own
    calendar by (its X-WR-CALNAME), so that your answer to each event is known."""
    mine = {address.strip().casefold() for address in session.settings.me.emails}
    mine.discard("")
    return frozenset(mine or {calendar_owner(text).casefold()} - {""})


def _people_finder(
    session: Session, graph: Graph, mine: frozenset[str]
) -> Callable[[Event], tuple[str, ...]]:
    """Who an event is with: the contact notes of its attendees (not you: `mine`), then
    of the names its summary says in full."""
    directory = directory_of(session, graph)
    full_names: dict[str, str] = {}
    shared: set[str] = set()
    for entry in graph.contacts:
        note = entry.person.note
        if note is None:
            continue
        key = loose_key(note.name)
        if " " not in key:  # (one word is no name said in full)
            continue
        if key in full_names and full_names[key] != note.path:
            shared.add(key)
        full_names[key] = note.path
    for key in shared:
        del full_names[key]  # two people of one name: the summary does not say which

    def people_of(event: Event) -> tuple[str, ...]:
        found: list[str] = []
        for party in event.attendees:
            if party.email.strip().casefold() in mine:
                continue
            entry = directory.match(_incoming(party))
            if entry is not None and entry.note.path not in found:
                found.append(entry.note.path)
        for note in names_in(event.summary, full_names):
            if note not in found:
                found.append(note)
        return tuple(found)

    return people_of


def _incoming(party: Party) -> Incoming:
    return Incoming(party.name, "", emails=(party.email,) if party.email else ())


def _booked(session: Session, graph: Graph) -> list[Booked]:
    """The vault's meeting notes with a date, with their key, date and duration as written
    (and whether one may be written: the note has an empty one, or none and the template
    has one)."""
    read = session.reader()
    template_lasts = _template_has_duration(session)
    booked = []
    for meeting in graph.meetings:
        interview = meeting.interview
        if meeting.logged is not None or not isinstance(meeting.note.record, Interview):
            continue
        if interview.date is None:
            continue
        text = read(meeting.note.path)
        people = tuple(p.note.path for p in meeting.people if p.note is not None)
        path = meeting.note.path
        duration = text.text("duration")
        minutes = read_minutes(duration)
        if duration is None:  # (empty or absent: which, the reading does not say)
            lasts = template_lasts or _has_duration(session, load(session.root, path).text)
        else:
            lasts = False  # (one that does not read, "about an hour": left as written)
        booked.append(
            Booked(
                meeting.note.path,
                text.text("date") or interview.date.isoformat(),
                interview.date,
                people,
                interview.status,
                (text.text(KEY) or "").strip(),
                minutes,
                lasts,
            )
        )
    return booked


def _template_has_duration(session: Session) -> bool:
    """Whether the vault's meeting template has a duration property."""
    templates = session.settings.vault.template_folders
    name = session.settings.kinds.interview.template
    template, _ = read_template(session.root, templates, name, lambda _: None)
    return _has_duration(session, template)


def _has_duration(session: Session, text: str) -> bool:
    """Whether a note's (or template's) front matter has a duration property."""
    try:
        keys = read_properties(text).values
    except FrontMatterError:  # (a template's Templater tags, say: none known)
        return False
    names = set(spellings(session.settings.properties.duration))  # (as they are read)
    return any(str(key).casefold() in names for key in keys)


def _apply(
    session: Session,
    graph: Graph,
    changes: list[EventChange],
    result: CalendarImport,
    *,
    dry_run: bool,
    now: datetime,
) -> None:
    """Create the notes and make the changes (all of one note in one edit), or with
    `dry_run` only say them."""
    taken = {folded(note.name) for note in graph.notes}
    resolver = NameResolver(graph.notes)  # (once: a calendar may make hundreds of notes)
    folder = new_notes_folder(session.root, session.settings.kinds.interview)
    titles = {note.path: note.name for note in graph.notes}
    edits: dict[str, list[EventChange]] = defaultdict(list)
    for change in changes:
        if change.action != "create":
            edits[change.note].append(change)
            continue
        event = change.event
        people = [titles[note] for note in change.people]
        title = free_name(_title(_day(event.start), people), taken)
        taken.add(folded(title))
        relative = f"{folder}/{title}.md"
        if not dry_run:
            try:
                relative = _create(session, resolver, change, title, now)
            except (EditError, UnsafeWriteError, NoteExistsError) as error:
                result.failed.append(f"{relative}: {error}")
                continue
        result.created.append((relative, event))
    for note, found in edits.items():
        said = [_said(change) for change in found]
        if not dry_run:
            try:
                _change(session, note, found)
            except (EditError, UnsafeWriteError) as error:
                result.failed.append(f"{note}: {error}")
                continue
        result.changed[note] = said


def _title(day: date, names: list[str]) -> str:
    """`2026-12-10 Ana Silva`, `... Ana Silva and Lee Park`, `... Ana Silva and 3 others`."""
    if len(names) == 1:
        who = names[0]
    elif len(names) <= 3:
        who = f"{', '.join(names[:-1])} and {names[-1]}"
    else:
        who = f"{names[0]} and {len(names) - 1} others"
    return f"{day.isoformat()} {who}"


def _create(
    session: Session, names: NameResolver, change: EventChange, title: str, now: datetime
) -> str:
    event = change.event
    extra = {KEY: yaml_scalar(event.key)}
    if (minutes := event_minutes(event)) is not None:
        extra["duration"] = str(minutes)
    if event.location:
        extra["location"] = yaml_scalar(event.location)
    contacts = [note[:-3] for note in change.people]
    created = new_interview(
        session,
        contacts,
        event.start,
        now=now,
        names=names,
        as_given=True,
        title=title,
        extra=extra,
        imported=True,  # (the template's "now" is no fact the calendar gives)
    )
    if _day(event.start) < now.date():  # (`status: done` even where the template has none)
        _change(session, created.relative, [EventChange("done", event, created.relative)])
    return created.relative


def _said(change: EventChange) -> str:
    if change.action == "adopt":
        return f"adds {KEY}"
    if change.action == "move":
        return f"moves to {when_written(change.event)}"
    if change.action == "resize":
        return f"lasts {change.minutes} minutes"
    return "marked cancelled" if change.action == "cancel" else "marked done"


def _change(session: Session, note: str, changes: list[EventChange]) -> None:
    """One note's changes, in one safe edit: its key, date, duration and status, under the
    note's own names for them."""
    names = session.settings.properties
    loaded = load(session.root, note)
    text = loaded.text
    for change in changes:
        if change.action == "adopt":
            key, value = KEY, yaml_scalar(change.event.key)
            key = property_key(text, (KEY,), note)
        elif change.action == "move":
            key = property_key(text, names.date, note)
            value = when_written(change.event)
        elif change.action == "resize":
            key = property_key(text, names.duration, note)
            value = str(change.minutes)
        else:
            key = property_key(text, names.status, note)
            value = "cancelled" if change.action == "cancel" else "done"
        text = set_value(text, key, value, note)
    save(loaded, text)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment
