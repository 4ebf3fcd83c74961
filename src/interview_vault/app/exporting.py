"""`vault export`: the people as vCards for an address book, and the plan as a calendar
(talks as events, dated items as to-dos) that a calendar app can import or subscribe to.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from ..core.dates import read_written_moment
from ..core.errors import VaultError
from ..core.incoming import NAME_PARTS
from ..core.name_parts import bare_name, name_parts, says, split_credentials, starts_with
from ..core.plan import Card, When, calendar_plan
from ..notes.calendar import write_calendar
from ..notes.exchange import write_vcards
from ..notes.sections import NoteText
from .importing import ADDRESS_BOOK_SECTION
from .session import Session


@dataclass(frozen=True)
class Export:
    """An export's text, and what it holds, as its closing line says it ("25 cards",
    "4 events and 12 to-dos")."""

    text: str
    holds: str


def export_cards(session: Session) -> Export:
    """Every contact as a vCard 3.0."""
    read = session.reader()
    graph = session.graph()
    cards = []
    for entry in graph.contacts:
        person = entry.person
        assert person.note is not None  # (a contact is a note)
        text = read(person.note.path)
        honorific = text.text("honorific") or ""
        credentials = text.text("credentials") or ""
        shown, prefix, given, middle, family = _name(person.name, honorific, credentials, text)
        emails = tuple(e.strip() for e in (text.text("email") or "").split(",") if e.strip())
        phones = tuple(p.strip() for p in (text.text("phone") or "").split(",") if p.strip())
        source = entry.contact.source
        referrer = entry.referred_by[0][0].name if entry.referred_by else None
        about = "; ".join(
            part
            for part in (
                f"referred by {referrer}" if referrer else None,
                f"source: {source}" if source else None,
            )
            if part
        )
        # what the address book said of them (an import kept it under this heading) goes
        # back to it, after the line above
        kept = text.section(ADDRESS_BOOK_SECTION)
        note = "\n".join(part for part in (about, kept) if part)
        cards.append(
            Card(
                uid=f"urn:uuid:{_uuid(person.note.path)}",
                name=shown,
                prefix=honorific or prefix,
                given=given,
                middle=middle,
                family=family,
                suffix=credentials,
                organization=entry.organization.name if entry.organization else None,
                role=text.text("role"),
                emails=emails,
                phones=phones,
                linkedin=text.text("linkedin"),
                note=note or None,
            )
        )
    return Export(write_vcards(cards), _count(len(cards), "card"))


def _name(
    name: str, honorific: str, credentials: str, text: NoteText
) -> tuple[str, str, str, str, str]:
    """(the name shown, prefix, given, middle, family) of a contact for its card: the
    honorific before the name and the credentials after it, unless it says them already
    ("Dr. Maya Ortiz", "Max Mustermann sen."), the parts of the name its `first_name`,
    `middle_name` and `last_name` when it has any, else the name read alone."""
    bare = bare_name(name, honorific, credentials)
    prefix, given, family = name_parts(bare)
    middle = ""
    written = [text.text(key) or "" for key in NAME_PARTS]
    if any(written):
        given, middle, family = written
    shown = name
    if honorific and not prefix and not starts_with(name, honorific):
        shown = f"{honorific} {shown}"
    if credentials and not split_credentials(name)[1] and not says(name, credentials):
        shown = f"{shown}, {credentials}"
    return shown, prefix, given, middle, family


def _count(number: int, what: str) -> str:
    return f"{number:,} {what}{'s' * (number != 1)}"


def _uuid(path: str) -> str:
    """A UUID for the note at `path`: the same every time, so address books update cards."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"interview-vault:{path}"))


_BEGINS = {"vcard": "BEGIN:VCARD", "calendar": "BEGIN:VCALENDAR"}


def save_export(
    session: Session, target: Path, export: Export, kind: str, *, force: bool = False
) -> str | None:
    """An export (`kind` "vcard" or "calendar") written to the file the user named, under
    the rule every output follows (`storage.owned`): never a note of the vault, a file the
    tool did not write only with `force` (or when it is an export of that kind made before
    records were kept), one edited since moved aside (the warning returned). The folder
    must be there: a mistyped one is not made."""
    if not target.parent.is_dir():
        raise VaultError(f"cannot write {target}: the folder {target.parent} does not exist")
    return session.write_output(target, export.text, force=force, begins=_BEGINS[kind])


def day_stamp(today: date) -> datetime:
    """The DTSTAMP of a calendar made for `today`: its first instant, in UTC, so that the
    file stays the same all day unless the plan changes (a subscriber sees no churn)."""
    return datetime.combine(today, time(0), UTC)


def export_calendar(session: Session, today: date, stamp: datetime) -> Export:
    """The plan as iCalendar: talks set from today on, and every dated item to do. A talk's
    time without a zone is one in `[me] timezone`, written in UTC; floating when unset."""
    graph = session.graph()
    read = session.reader()
    settings = session.settings
    times: dict[str, When] = {}
    for meeting in graph.meetings:
        if meeting.interview.date is None or meeting.interview.date < today:
            continue
        text = read(meeting.note.path)
        duration = text.text("duration")
        minutes = read_minutes(duration)
        if duration and minutes is None:
            session.notice(
                f'{meeting.note.path}: cannot read duration "{duration}" (write 45, 45 min, '
                f"1h30 or 2 hours); the talk is given {settings.calendar.default_minutes} minutes"
            )
        times[meeting.note.path] = When(
            _moment(text.text("date"), meeting.interview.date),
            minutes,
            text.text("location"),
            text.text("mode"),
        )
    events, todos = calendar_plan(
        graph, settings.digest, today, session.snoozed, times, settings.calendar.default_minutes
    )
    calendar = write_calendar(events, todos, stamp, session.time_zone())
    return Export(calendar, f"{_count(len(events), 'event')} and {_count(len(todos), 'to-do')}")


def _moment(written: str | None, day: date) -> date | datetime:
    """The talk's date and time as its note writes it (a date alone: all day); a time with
    an offset (`14:00-05:00`, `Z`) keeps it, so the calendar puts it at the right hour."""
    moment = read_written_moment(written) if written else None
    if isinstance(moment, datetime) and moment.date() == day:
        return moment
    return day


_DURATION = re.compile(
    r"(?:(?P<hours>\d{1,3}(?:[.,]\d{1,3})?)\s*(?:h|hrs?|hours?))?\s*"
    r"(?:(?P<minutes>\d{1,5})\s*(?:m|mins?|minutes?)?)?"
)


def read_minutes(written: str | None) -> int | None:
    """`45`, `45 min`, `1h`, `1h30`, `1.5 hours`, `1 hour 30 minutes`, `1:30` as minutes;
    None when it says something else (or nothing)."""
    text = (written or "").strip().casefold()
    clock = re.fullmatch(r"(\d{1,2}):(\d\d)", text)
    found = _DURATION.fullmatch(text) if text and not clock else None
    if clock:
        total = int(clock[1]) * 60 + int(clock[2])
    elif found is not None and (found["hours"] or found["minutes"]):
        hours = found["hours"] or "0"
        total = round(float(hours.replace(",", ".")) * 60) + int(found["minutes"] or "0")
    else:
        return None
    return total if 0 < total <= _LONGEST else None


_LONGEST = 24 * 60  # minutes: a talk that would last longer is a mistake in the note
