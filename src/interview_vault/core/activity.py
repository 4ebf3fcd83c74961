"""What other programs recorded of your conversations: messages (mail, LinkedIn messages
and invitations) and calendar events, as the importers read them, and what each means for
the notes. Pure: records in, a plan of note edits out.

A message you sent to someone is the thank-you for a talk with them that day, or within
`lapse_after_days` after one not yet thanked; otherwise a request. One they sent you is
a reply. Each is one date per person, per day and per kind: a second import, or a date the
note already has, adds nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import NamedTuple

from .dates import shift


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

    @property
    def key(self) -> str:
        """What the note keeps to find the event again: its UID, and the occurrence."""
        return f"{self.uid}#{self.recurrence}" if self.recurrence else self.uid


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


def plan_messages(
    messages: Iterable[Message],
    find: Callable[[Party], str | None],
    has: Callable[[str, str, date], bool],
    talks: Mapping[str, list[Talk]],
    window: int,
) -> tuple[list[Added], int]:
    """The dates to add for these messages: `find` gives the contact note a party is (or
    None), `has(note, name, day)` whether the note has that date already, `talks` each
    contact note's talks. Returns the dates and how many messages named nobody known."""
    added: list[Added] = []
    seen: set[tuple[str, str, date]] = set()
    thanked: set[str] = {talk.note for found in talks.values() for talk in found if talk.thanked}
    nobody = 0
    for message in sorted(messages, key=lambda m: m.day):
        known = list(dict.fromkeys(n for n in map(find, message.others) if n is not None))
        if not known:
            nobody += 1
            continue
        for note in known:
            if not message.sent:
                change = Added(note, "replied", message.day, message.place)
            else:
                since = shift(message.day, -window)
                near = [t for t in talks.get(note, ()) if since <= t.day <= message.day]
                if any(talk.thanked_on == message.day for talk in near):
                    continue  # (the thank-you a note already records: a second import)
                open_talks = [talk for talk in near if talk.note not in thanked]
                if open_talks:
                    talk = max(open_talks, key=lambda t: (t.day, t.note))
                    thanked.add(talk.note)
                    change = Added(talk.note, "thanked", message.day, message.place)
                else:
                    change = Added(note, "contacted", message.day, message.place)
            key = (change.note, change.name, change.day)
            if key in seen or has(*key):
                continue
            seen.add(key)
            added.append(change)
    return added, nobody


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
