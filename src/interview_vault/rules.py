"""The digest rules: one pure function per item kind, of (vault, settings, today)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta

from .config import DigestSettings
from .graph import ContactLinks, Meeting, Person, Vault
from .model import Interview, InterviewStatus, Item, Link, Organization, Problem, Task

Rule = Callable[[Vault, DigestSettings, date], Iterator[Item]]

_ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 signs, none easily mistaken for another
_ID_PAIRS = [_ID_LETTERS[i & 31] + _ID_LETTERS[i >> 5] for i in range(1024)]  # 10 bits each
_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def status_of(interview: Interview, today: date) -> InterviewStatus | None:
    """The written status, or else `done` for a past date and `scheduled` otherwise."""
    if interview.status is not None:
        return interview.status
    if interview.date is None:
        return None
    return "done" if interview.date < today else "scheduled"


def _note_of(person: Person) -> str | None:
    return person.note.path if person.note else None


def item_id(kind: str, note: str, about: str) -> str:
    """A short id that stays the same while the item does: from what it is, not where."""
    digest = hashlib.blake2b(f"{kind}\0{note}\0{about}".encode(), digest_size=4).digest()
    number = int.from_bytes(digest, "big")
    return (
        _ID_PAIRS[number & 1023] + _ID_PAIRS[number >> 10 & 1023] + _ID_PAIRS[number >> 20 & 1023]
    )


def make_item(
    kind: str,
    due: date | None,
    person: str,
    note: str,
    line: int | None,
    text: str,
    person_note: str | None = None,
    *,
    about: str = "",
    task: str | None = None,
) -> Item:
    """An item with its id; `about` tells apart items of one kind from one note."""
    return Item(kind, due, person, note, line, text, person_note, item_id(kind, note, about), task)


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, held at the ends of the calendar rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"


def _active(meetings: list[Meeting], today: date) -> list[Meeting]:
    return [m for m in meetings if status_of(m.interview, today) != "cancelled"]


def _readable(vault: Vault, today: date) -> list[Meeting]:
    """Meetings that produce more than commitments: not cancelled, with a date and people."""
    return [m for m in _active(vault.meetings, today) if m.interview.date is not None and m.people]


def follow_ups(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in vault.contacts:
        contact = entry.contact
        if contact.declined or not contact.contacted:
            continue
        last_reply = max(contact.replied, default=None)
        waiting = [d for d in contact.contacted if last_reply is None or d > last_reply]
        if not waiting or len(waiting) > settings.max_follow_ups:
            continue
        if any(
            m.interview.date is not None and m.interview.date >= waiting[0]
            for m in _active(vault.meetings_with(entry.person), today)
        ):
            continue
        name = entry.person.name
        yield make_item(
            "follow-up",
            shift(waiting[-1], settings.follow_up_after_days),
            name,
            entry.person.key,
            contact.contacted_line,
            f"Follow up with {name}: no reply since you wrote on {waiting[-1]} "
            f"({_ordinal(len(waiting))} request)",
            entry.person.key,
            about=entry.person.key,
        )


def thank_yous(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in _readable(vault, today):
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.thanked or interview.date is None:
            continue
        for person in dict.fromkeys(meeting.people):
            yield make_item(
                "thank-you",
                shift(interview.date, settings.thank_you_within_days),
                person.name,
                meeting.note.path,
                None,
                f"Send a thank-you note to {person.name} for your talk on {interview.date}",
                _note_of(person),
                about=person.key,
            )


def record_notes(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in _readable(vault, today):
        interview = meeting.interview
        if status_of(interview, today) != "done" or interview.date is None:
            continue
        notes = interview.section("notes")
        if notes is not None and not notes.empty:
            continue
        name = meeting.people[0].name
        yield make_item(
            "record-notes",
            interview.date,
            name,
            meeting.note.path,
            notes.line if notes else None,
            f"Write up your notes from the talk with {name} on {interview.date}",
            _note_of(meeting.people[0]),
        )


def preparations(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    for meeting in _readable(vault, today):
        interview = meeting.interview
        if (
            status_of(interview, today) != "scheduled"
            or interview.date is None
            or interview.date < today
        ):
            continue
        missing = []
        for section, advice in (("goals", "write your goals"), ("research", "do your research")):
            found = interview.section(section)
            if found is None or found.empty:
                missing.append(advice)
        if interview.body.questions < settings.min_questions:
            missing.append(
                f"prepare at least {settings.min_questions} questions "
                f"(you have {interview.body.questions})"
            )
        if not missing:
            continue
        name = meeting.people[0].name
        yield make_item(
            "prepare",
            shift(interview.date, -settings.prepare_days_before),
            name,
            meeting.note.path,
            None,
            f"Prepare for your talk with {name} on {interview.date}: {', '.join(missing)}",
            _note_of(meeting.people[0]),
        )


def commitments(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    sources: list[tuple[str, str | None, str, tuple[Task, ...]]] = [
        (entry.person.name, entry.person.key, entry.person.key, entry.contact.tasks)
        for entry in vault.contacts
    ]
    for meeting in _active(vault.meetings, today):
        first = meeting.people[0] if meeting.people else None
        name = first.name if first else meeting.note.title
        owner = _note_of(first) if first else None
        sources.append((name, owner, meeting.note.path, meeting.interview.body.tasks))
    for name, owner, path, tasks in sources:
        for task in tasks:
            if task.status != "open":
                continue
            when = f" (due {task.due})" if task.due else ""
            yield make_item(
                "commitment",
                task.due,
                name,
                path,
                task.line,
                f"Keep your promise to {name}: {task.text}{when}",
                owner,
                about=task.text,
                task=task.text,
            )


def _has_been_contacted(person: Person, vault: Vault, today: date) -> bool:
    contact = person.contact
    if contact is not None and (contact.contacted or contact.declined):
        return True
    return bool(_active(vault.meetings_with(person), today))


def referred_in_meetings(vault: Vault, today: date) -> dict[str, list[tuple[Meeting, Link]]]:
    """Each person named in a meeting's referrals -> (meeting, link), earliest meeting first."""
    found: dict[str, list[tuple[Meeting, Link]]] = {}
    meetings = sorted(_readable(vault, today), key=lambda m: (m.interview.date, m.note.path))
    for meeting in meetings:
        for person, link in meeting.referrals:
            if person not in meeting.people:
                found.setdefault(person.key, []).append((meeting, link))
    return found


def reach_outs(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    referred = referred_in_meetings(vault, today)
    for key, mentions in referred.items():
        person = vault.people[key]
        if _has_been_contacted(person, vault, today):
            continue
        meeting, link = mentions[0]
        assert meeting.interview.date is not None  # _readable meetings have dates
        referrer = meeting.people[0].name
        others = sorted({m.people[0].name for m, _ in mentions[1:]} - {referrer}, key=str.casefold)
        also = f" (also suggested by {', '.join(others)})" if others else ""
        yield make_item(
            "reach-out",
            shift(meeting.interview.date, settings.reach_out_within_days),
            person.name,
            meeting.note.path,
            link.line,
            f"Reach out to {person.name}: {referrer} suggested them "
            f"on {meeting.interview.date}{also}",
            _note_of(person),
            about=person.key,
        )
    for entry in vault.contacts:
        if not entry.referred_by or entry.person.key in referred:
            continue
        if _has_been_contacted(entry.person, vault, today):
            continue
        introducer, link = entry.referred_by[0]
        yield make_item(
            "reach-out",
            None,
            entry.person.name,
            entry.person.key,
            link.line,
            f"Reach out to {entry.person.name}: {introducer.name} put you in touch",
            entry.person.key,
            about=entry.person.key,
        )


def _last_touch(entry: ContactLinks, vault: Vault, today: date) -> tuple[date | None, bool]:
    """(the latest date you were in touch, whether you have met)."""
    touches = [*entry.contact.contacted, *entry.contact.replied]
    met = False
    for meeting in vault.meetings_with(entry.person):
        interview = meeting.interview
        if status_of(interview, today) == "done":
            met = True
            touches += [d for d in (interview.date, interview.thanked_on) if d is not None]
    return max(touches, default=None), met


def reconnects(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    for entry in vault.contacts:
        contact = entry.contact
        interval = (
            contact.keep_in_touch
            if contact.keep_in_touch is not None
            else settings.keep_in_touch_days
        )
        if contact.declined or interval == 0:
            continue
        last, met = _last_touch(entry, vault, today)
        if last is None or not (met or contact.replied):
            continue
        yield make_item(
            "reconnect",
            shift(last, interval),
            entry.person.name,
            entry.person.key,
            None,
            f"Reconnect with {entry.person.name}: last in touch on {last}",
            entry.person.key,
            about=entry.person.key,
        )


def find_contacts(vault: Vault, settings: DigestSettings, today: date) -> Iterator[Item]:
    covered = {entry.organization.key for entry in vault.contacts if entry.organization is not None}
    for note in vault.organizations:
        record = note.record
        if not isinstance(record, Organization) or not record.target or note.path in covered:
            continue
        yield make_item(
            "find-contact",
            None,
            note.title,
            note.path,
            record.target_line,
            f"Find someone to talk to at {note.title}",
            note.path,
        )


RULES: tuple[Rule, ...] = (
    follow_ups,
    thank_yous,
    record_notes,
    preparations,
    commitments,
    reach_outs,
    reconnects,
    find_contacts,
)


def stale_meetings(vault: Vault, today: date) -> list[Problem]:
    """Talks still marked `scheduled` after their day: the reminders they should give are
    missing until the note says whether the talk happened."""
    problems = []
    for meeting in vault.meetings:
        interview = meeting.interview
        if interview.status == "scheduled" and interview.date and interview.date < today:
            name = meeting.people[0].name if meeting.people else meeting.note.title
            problems.append(
                Problem(
                    meeting.note.path,
                    None,
                    "warning",
                    f"the talk with {name} on {interview.date} is still `scheduled`: if it "
                    f'happened, run `vault log met "{name}" --date {interview.date}` '
                    "(or set `status: done`); if not, set `status: cancelled`",
                )
            )
    return problems


def raw_items(vault: Vault, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, in rule order; ids may repeat."""
    return [item for rule in RULES for item in rule(vault, settings, today)]


def unique_ids(items: Iterable[Item]) -> list[Item]:
    """The items with an id each: where one repeats, the later item gets an id from its line.

    First within each note (the same promise written twice), then across notes (two ids
    that happen to hash alike), with the notes in path order: so which item keeps an id
    depends on nothing but the notes, and a note's own repeats are settled by the note.
    """
    by_note: dict[str, list[Item]] = {}
    for item in items:
        by_note.setdefault(item.note, []).append(item)
    return _renamed_repeats(
        item for note in sorted(by_note) for item in _renamed_repeats(by_note[note])
    )


def _renamed_repeats(items: Iterable[Item]) -> list[Item]:
    unique = list(items)
    seen: set[str] = set()
    for position, item in enumerate(unique):
        if item.id in seen:
            unique[position] = item._replace(id=item_id(item.kind, item.note, f"{item.line}"))
        seen.add(unique[position].id)
    return unique


def unique_within_note(items: Iterable[Item]) -> list[Item]:
    """One note's items with an id each (see `unique_ids`)."""
    return _renamed_repeats(items)


def collect_items(vault: Vault, settings: DigestSettings, today: date) -> list[Item]:
    """Every item of every rule, however far off, each with an id of its own."""
    return unique_ids(raw_items(vault, settings, today))


def shown_items(
    items: Iterable[Item],
    settings: DigestSettings,
    today: date,
    snoozed: Mapping[str, date] | None = None,
) -> list[Item]:
    """The items due by today + the look-ahead (or with no due date), in digest order.

    An item snoozed until a later day is left out until that day.
    """
    horizon = shift(today, settings.lookahead_days)
    snoozed = snoozed or {}
    shown = [
        item
        for item in items
        if (item.due is None or item.due <= horizon) and snoozed.get(item.id, today) <= today
    ]
    return sorted(shown, key=Item.sort_key)


def build_items(
    vault: Vault,
    settings: DigestSettings,
    today: date,
    snoozed: Mapping[str, date] | None = None,
) -> list[Item]:
    """The items the digest shows, in digest order."""
    return shown_items(collect_items(vault, settings, today), settings, today, snoozed)
