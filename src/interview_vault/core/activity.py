"""What other programs recorded of your conversations: messages (mail, LinkedIn messages
and invitations) and calendar events, as the importers read them, and what each means for
the notes. Pure: records in, a plan of note edits out.

A message you sent to someone is the thank-you for a talk with them that day, or within
`lapse_after_days` after one not yet thanked; otherwise a request. One they sent you is
a reply. Each is one date per person, per day and per kind: a second import, or a date the
note already has, adds nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from .dates import read_written_moment, shift


class Party(NamedTuple):
    """Someone a message or an event names, by what it knows of them."""

    name: str = ""
    email: str = ""  # an address, as written
    linkedin: str = ""  # a profile URL


class Message(NamedTuple):
    """A message as another program keeps it: you sent it, or they sent it to you."""

    sent: bool
    day: date  # in your time zone
    others: tuple[Party, ...]  # whom you sent it to, or who sent it to you
    place: str  # where it is in the file, for messages about it ("message 12", "row 4")
    small_talk: bool = False  # only a greeting or thanks (see `words.small_talk`)


class Event(NamedTuple):
    """One occurrence of a calendar event within the window asked for."""

    uid: str
    recurrence: str  # its RECURRENCE-ID, "" for a single event
    start: date | datetime  # a date for an all-day event; a time in your time zone
    end: date | datetime | None
    summary: str
    location: str
    attendees: tuple[Party, ...]  # who was asked, those who declined left out
    cancelled: bool
    place: str
    answer: str = ""  # your PARTSTAT (ACCEPTED, DECLINED, NEEDS-ACTION...); "": not said
    free: bool = False  # shown as free (TRANSP:TRANSPARENT): it holds none of your time
    routine: bool = False  # one of an event that comes more than weekly (`more_than_weekly`)

    @property
    def key(self) -> str:
        """What the note keeps to find the event again: its UID, and the occurrence."""
        return f"{self.uid}#{self.recurrence}" if self.recurrence else self.uid

    @property
    def declined(self) -> bool:
        """You said no (or passed it on to someone else)."""
        return self.answer in ("DECLINED", "DELEGATED")

    @property
    def unanswered(self) -> bool:
        """You were asked and never said whether you would come."""
        return self.answer == "NEEDS-ACTION"


@dataclass
class Skipped:
    """Why things in a file were left out, counted ("auto-reply": 3), and lines to show."""

    counts: Counter[str] = field(default_factory=Counter)
    messages: list[str] = field(default_factory=list)

    def add(self, reason: str, message: str | None = None) -> None:
        self.counts[reason] += 1
        if message is not None:
            self.messages.append(message)


# --- what messages mean for the notes -----------------------------------------------------


class Talk(NamedTuple):
    """A talk a message may thank for: its note, its day, whether it was thanked (and when,
    when that is known)."""

    note: str
    day: date
    thanked: bool
    thanked_on: date | None = None


class Added(NamedTuple):
    """A date to add to a note: `contacted` or `replied` of a contact, `thanked` of a talk."""

    note: str
    name: str  # the property, as the tool names it
    day: date
    place: str  # the message it comes from


class MessagePlan(NamedTuple):
    """The dates some messages add, and how many of them added none, by why."""

    added: list[Added]
    nobody: int  # messages naming nobody known
    nothing_new: int  # messages with someone known, all of whose dates were known already
    small_talk: int = 0  # greetings and thanks that meant no date (see `plan_messages`)


def plan_messages(
    messages: Iterable[Message],
    find: Callable[[Party], str | None],
    has: Callable[[str, str, date], bool],
    talks: Mapping[str, list[Talk]],
    window: int,
) -> MessagePlan:
    """The dates to add for these messages: `find` gives the contact note a party is (or
    None), `has(note, name, day)` whether the note has that date already, `talks` each
    contact note's talks. Each message counts once: it adds dates, names nobody known, is
    small talk that says nothing (a greeting or thanks of theirs is no reply, and one of
    yours no request: it is a talk's thank-you where it would be one), or has nothing new."""
    added: list[Added] = []
    seen: set[tuple[str, str, date]] = set()
    thanked: set[str] = {talk.note for found in talks.values() for talk in found if talk.thanked}
    nobody = nothing_new = small = 0
    for message in sorted(messages, key=lambda m: m.day):
        known = list(dict.fromkeys(n for n in map(find, message.others) if n is not None))
        if not known:
            nobody += 1
            continue
        before = len(added)
        said = False  # (whether the message meant a date, new or not: small talk may not)
        for note in known:
            if not message.sent:
                if message.small_talk:
                    continue
                change = Added(note, "replied", message.day, message.place)
            else:
                since = shift(message.day, -window)
                near = [t for t in talks.get(note, ()) if since <= t.day <= message.day]
                if any(talk.thanked_on == message.day for talk in near):
                    said = True
                    continue  # (the thank-you a note already records: a second import)
                open_talks = [talk for talk in near if talk.note not in thanked]
                if open_talks:
                    talk = max(open_talks, key=lambda t: (t.day, t.note))
                    thanked.add(talk.note)
                    change = Added(talk.note, "thanked", message.day, message.place)
                elif message.small_talk:
                    continue
                else:
                    change = Added(note, "contacted", message.day, message.place)
            said = True
            key = (change.note, change.name, change.day)
            if key in seen or has(*key):
                continue
            seen.add(key)
            added.append(change)
        if len(added) == before:
            nothing_new += said
            small += not said
    return MessagePlan(added, nobody, nothing_new, small)


def one_line(kind: str, read: int, what: str, added: list[Added], skipped: Skipped) -> str:
    """The closing line of an import: `mail: 1,234 messages, 56 new dates for 12 contacts;
    1,100 messages with nobody known, 3 without a date`."""
    notes = len({change.note for change in added})
    line = (
        f"{kind}: {read:,} {what}{'s' * (read != 1)}, {len(added):,} new "
        f"date{'s' * (len(added) != 1)} in {notes:,} note{'s' * (notes != 1)}"
    )
    rest = [
        f"{count:,} {reason if count != 1 else _one(reason)}"
        for reason, count in sorted(skipped.counts.items())
        if count
    ]
    return f"{line}; {', '.join(rest)}" if rest else line


_PLURALS = {
    "drafts": "draft", "rows": "row", "messages": "message", "auto-replies": "auto-reply",
    "events": "event", "occurrences": "occurrence", "invitations": "invitation",
    "copies": "copy", "greetings": "greeting",
}  # fmt: skip


def _one(reason: str) -> str:
    """A reason said of one: "1 draft", "1 row that cannot be read"."""
    words = reason.split(" ")
    for at, word in enumerate(words[:2]):
        if word in _PLURALS:
            words[at] = _PLURALS[word]
            break
    return " ".join(words)


def local_day(moment: datetime, zone: tzinfo | None) -> date:
    """The day a moment falls on in your time zone (`zone`), else the machine's; a moment
    without a zone is taken as local already."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(zone).date()


# --- what calendar events mean for the notes ------------------------------------------------


class Booked(NamedTuple):
    """A meeting note as a calendar import sees it."""

    note: str
    written: str  # its date as written: `2026-12-10`, `2026-12-10T14:00`
    day: date
    people: tuple[str, ...]  # its contact notes
    status: str | None  # as written (None: decided by the date)
    key: str  # its calendar_uid ("" when it has none)
    minutes: int | None = None  # its duration (None: none, or none that reads)
    lasts: bool = False  # a duration may be written where it has none (see `_known`)

    def held(self, today: date) -> bool:
        return self.status == "done" or (self.status is None and self.day < today)


class EventChange(NamedTuple):
    """What one occurrence of an event does to the notes: `create` a meeting note with
    `people`, `adopt` a note of that day (its key added), `move` a scheduled note to the
    event's time, `resize` it to the event's length (its `minutes`), `cancel` it, or mark
    it `done` (the time it was set for has passed)."""

    action: str
    event: Event
    note: str = ""  # the note changed (all but `create`)
    people: tuple[str, ...] = ()  # the contact notes of a note created
    minutes: int | None = None  # the length a note is given (`resize`)


CANCELLED = "cancelled events"
NOBODY_KNOWN = "events with nobody known"
DECLINED = "events you declined"
UNANSWERED = "events you never answered"
LONG = "events longer than a day (not talks)"
FREE = "timed events shown as free (not talks)"
ROUTINE = "events recurring more than weekly (routines, not talks)"


def when_written(event: Event) -> str:
    """The event's start as a meeting note's date says it: `2026-12-10T14:00`, or the
    day alone for an all-day event."""
    start = event.start
    if isinstance(start, datetime):
        return start.strftime("%Y-%m-%dT%H:%M")
    return start.isoformat()


def plan_events(
    events: Iterable[Event],
    people_of: Callable[[Event], tuple[str, ...]],
    booked: Iterable[Booked],
    today: date,
    skipped: Skipped,
) -> list[EventChange]:
    """The changes these event occurrences make: `people_of` gives the contact notes an
    event is with (attendees, or names in its summary), `booked` the vault's meeting notes.
    An event whose occurrences are a routine (`Event.routine`: a stand-up, a daily block)
    is never a talk: counted once and left out whole.

    An event a note keeps the key of is that note: moved, cancelled (or declined) or (its
    time past, and the invitation answered) done when it was scheduled; never changed
    once held. Otherwise an event that is no talk is counted in `skipped` and left out:
    cancelled, declined, never answered, longer than a day, a timed one shown as free
    (`not_a_talk`), or with nobody known. An event with someone known adopts a note with
    one of them on its day that has no key (the note written before the invitation
    was), else it is a new note: done when its day has passed, as `vault log met`
    records a talk, scheduled otherwise."""
    by_key: dict[str, Booked] = {}
    unkeyed: dict[tuple[str, date], list[Booked]] = defaultdict(list)
    for note in booked:
        if note.key:
            by_key.setdefault(note.key, note)
        elif note.status != "cancelled":
            for person in note.people:
                unkeyed[(person, note.day)].append(note)
    changes: list[EventChange] = []
    taken: set[str] = set()  # notes an event has changed, or adopted
    events = list(events)
    routines = {event.uid for event in events if event.routine}
    for _routine in routines:
        skipped.add(ROUTINE)  # (once an event, however many times it comes)
    for event in events:
        if event.uid in routines:
            continue
        past = _day_of(event.start) < today
        found = by_key.get(event.key)
        if found is not None:
            if found.note not in taken and not found.held(today):
                taken.add(found.note)
                changes += _known(event, found, past)
            continue
        reason = not_a_talk(event)
        if reason is not None:
            skipped.add(reason)
            continue
        people = people_of(event)
        if not people:
            skipped.add(NOBODY_KNOWN)
            continue
        day = _day_of(event.start)
        same_day = [
            note
            for person in people
            for note in unkeyed.get((person, day), ())
            if note.note not in taken
        ]
        if same_day:
            note = min(same_day, key=lambda n: n.note)
            taken.add(note.note)
            changes.append(EventChange("adopt", event, note.note))
            # what the event read again by its key would change, changed now (an import
            # made twice changes nothing the second time: a talk held, never), and a time
            # added where none is
            known = [] if note.held(today) else _known(event, note, past)
            timeless = len(note.written.strip()) <= 10 and isinstance(event.start, datetime)
            if timeless and all(change.action != "move" for change in known):
                known.insert(0, EventChange("move", event, note.note))
            changes += known
        else:
            changes.append(EventChange("create", event, people=people))
        by_key[event.key] = Booked("", when_written(event), day, people, None, event.key)
    return changes


def more_than_weekly(days: Iterable[date]) -> bool:
    """Whether an event on these days (one a time it comes) comes more often than weekly: more
    times than the weeks they fall in, counted from the first day, and one more (a weekly call with
    one time moved, or one added, is still weekly; twice in a week, that week alone, too)."""
    ordered = sorted(days)
    return bool(ordered) and len(ordered) > (ordered[-1] - ordered[0]).days // 7 + 2


def not_a_talk(event: Event) -> str | None:
    """Why an event is no talk (the reason it is counted under), or None: cancelled; you
    declined it or never answered; longer than a day (a conference, a trip: an all-day
    event of two days or more); a timed event shown as free (a talk holds your time; an
    all-day event is free unless one says otherwise, in Google, Apple and Outlook alike,
    so that says nothing of it)."""
    if event.cancelled:
        return CANCELLED
    if event.declined:
        return DECLINED
    if event.unanswered:
        return UNANSWERED
    if event.end is not None and _length(event.start, event.end) > timedelta(days=1):
        return LONG
    if event.free and isinstance(event.start, datetime):
        return FREE
    return None


def event_minutes(event: Event) -> int | None:
    """How long a timed event lasts, in minutes, when it ends the same day or the next
    (less than a day); None otherwise (all day, no end, or none that makes sense)."""
    if not isinstance(event.start, datetime) or not isinstance(event.end, datetime):
        return None
    minutes = round((event.end - event.start).total_seconds() / 60)
    return minutes if 0 < minutes < 24 * 60 else None


def _length(start: date | datetime, end: date | datetime) -> timedelta:
    if isinstance(start, datetime) and isinstance(end, datetime):
        return end - start
    return _day_of(end) - _day_of(start)


def _known(event: Event, note: Booked, past: bool) -> list[EventChange]:
    """What a scheduled note's own event, read again, changes in it: its time, and its
    length where the note has one that reads, or, moved, where one may be written
    (`Booked.lasts`)."""
    if event.cancelled or event.declined:
        return [] if note.status == "cancelled" else [EventChange("cancel", event, note.note)]
    changes = []
    moved = _moved(note.written, event)
    if moved:
        changes.append(EventChange("move", event, note.note))
    minutes = event_minutes(event)
    if minutes is not None and minutes != note.minutes and (note.minutes or (moved and note.lasts)):
        changes.append(EventChange("resize", event, note.note, minutes=minutes))
    if past and not event.unanswered and note.status not in (None, "done"):
        changes.append(EventChange("done", event, note.note))
    return changes


def _moved(written: str, event: Event) -> bool:
    """Whether the event is no longer when the note says: another day, or another time
    (a note with no time, or a time with an offset, is compared by its day)."""
    now = when_written(event)
    if written[:10] != now[:10]:
        return True
    moment = read_written_moment(written)  # (`18:44`, `@ 18:44`, `6:44 PM` alike)
    if len(now) <= 10 or not isinstance(moment, datetime) or moment.tzinfo is not None:
        return False
    return f"{moment:%H:%M}" != now[11:16]


def _day_of(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment
