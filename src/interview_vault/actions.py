"""Recording what you did: `vault log`, `vault done` and `vault snooze`, as note edits.

Each action finds the note, makes one exact edit (edit.py) and saves it safely (store.py).
The functions return a sentence saying what was written, for the command to print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .create import NewNote, new_contact, new_interview
from .digest import take_snapshot
from .edit import add_date, complete_task, set_value
from .errors import VaultError
from .graph import build_vault
from .lookup import NameLookupError, find_note
from .model import Item, Note
from .rules import collect_items, status_of
from .snooze import SNOOZE_PATH, snooze_text
from .store import load, save
from .vault import write_atomically


@dataclass(frozen=True)
class Outcome:
    message: str
    changed: bool = True


def _edit(root: Path, relative: str, change: str, edit: Callable[[str], str]) -> Outcome:
    note = load(root, relative)
    new_text = edit(note.text)
    if save(note, new_text):
        return Outcome(f"{relative}: {change}")
    return Outcome(f"{relative}: already recorded ({change})", changed=False)


def log_contact(root: Path, name: str, what: str, day: date) -> Outcome:
    """`contacted` / `replied`: add the day to the list; `declined`: set it."""
    snapshot = take_snapshot(root, lambda message: None)
    try:
        note = find_note(snapshot.notes(), name, "contact")
    finally:
        snapshot.close()
    return _log(snapshot.root, note, what, day)


def _log(root: Path, note: Note, what: str, day: date) -> Outcome:
    if what == "declined":
        return _edit(
            root,
            note.path,
            f"declined on {day}",
            lambda text: set_value(text, "declined", day.isoformat(), note.path),
        )
    return _edit(
        root,
        note.path,
        f"{what} on {day}",
        lambda text: add_date(text, what, day, note.path),
    )


def log_thanked(root: Path, name: str, day: date) -> Outcome:
    """Set `thanked` on an interview note (or the latest talk with a person of that name)."""
    snapshot = take_snapshot(root, lambda message: None)
    try:
        notes = snapshot.notes()
        try:
            note = find_note(notes, name, "interview")
        except NameLookupError:
            note = _latest_talk(notes, find_note(notes, name, "contact"), day)
    finally:
        snapshot.close()
    return _edit(
        snapshot.root,
        note.path,
        f"thanked on {day}",
        lambda text: set_value(text, "thanked", day.isoformat(), note.path),
    )


def log_met(root: Path, name: str, day: date, now: datetime) -> Outcome:
    """Record a talk: mark that day's interview with NAME done, or create the interview note."""
    snapshot = take_snapshot(root, lambda message: None)
    try:
        notes = snapshot.notes()
        person = find_note(notes, name, "contact")
        vault = build_vault(notes)
        talks = [
            meeting.note
            for meeting in vault.meetings_with(vault.people[person.path])
            if meeting.interview.date == day and meeting.interview.status != "cancelled"
        ]
    finally:
        snapshot.close()
    if talks:
        talk = talks[0]
        return _edit(
            snapshot.root,
            talk.path,
            "marked done",
            lambda text: set_value(text, "status", "done", talk.path),
        )
    created = new_interview(snapshot.root, person.name, day, now=now)
    _edit(
        snapshot.root,
        created.relative,
        "done",
        lambda text: set_value(text, "status", "done", created.relative),
    )
    return Outcome(f"{created.relative}: created, status done; write your notes there")


def _latest_talk(notes: list[Note], person: Note, today: date) -> Note:
    vault = build_vault(notes)
    talks = [
        meeting
        for meeting in vault.meetings_with(vault.people[person.path])
        if status_of(meeting.interview, today) == "done" and meeting.interview.date
    ]
    if not talks:
        raise NameLookupError(f"{person.title} has no interview that took place yet")
    return max(talks, key=lambda m: (m.interview.date or date.min, m.note.path)).note


def all_items(root: Path, today: date) -> dict[str, Item]:
    """Every item by id, shown in the digest or not (snoozed, or further ahead)."""
    snapshot = take_snapshot(root, lambda message: None)
    try:
        vault = build_vault(snapshot.notes())
        return {item.id: item for item in collect_items(vault, snapshot.settings.digest, today)}
    finally:
        snapshot.close()


def find_item(items: dict[str, Item], item_id: str) -> Item:
    item = items.get(item_id.strip().lower())
    if item is None:
        raise VaultError(
            f"no item {item_id!r} in the digest: done already? (an id also changes when its "
            "note is renamed)"
        )
    return item


def complete(root: Path, item_id: str, today: date) -> Outcome:
    """Do the natural thing for an item: record the request, the thank-you, the promise kept."""
    item = find_item(all_items(root, today), item_id)
    if item.kind in ("follow-up", "reconnect") and item.person_note:
        person_note = item.person_note
        return _edit(
            root,
            person_note,
            f"contacted on {today}",
            lambda text: add_date(text, "contacted", today, person_note),
        )
    if item.kind == "thank-you":
        return _edit(
            root,
            item.note,
            f"thanked on {today}",
            lambda text: set_value(text, "thanked", today.isoformat(), item.note),
        )
    if item.kind == "commitment" and item.line is not None and item.task is not None:
        line, task = item.line, item.task
        return _edit(
            root,
            item.note,
            f"done: {task}",
            lambda text: complete_task(text, line, today, item.note, expected=task),
        )
    if item.kind == "reach-out":
        created = None if item.person_note else _create_referred(root, item, today).relative
        person_note = item.person_note or created or ""
        outcome = _edit(
            root,
            person_note,
            f"contacted on {today}",
            lambda text: add_date(text, "contacted", today, person_note),
        )
        if created:
            return Outcome(f"{created}: created, with who referred them; contacted on {today}")
        return outcome
    return Outcome(_what_is_missing(item), changed=False)  # only you can do this one


def _create_referred(root: Path, item: Item, today: date) -> NewNote:
    """The contact note of someone you were referred to, with who referred them."""
    snapshot = take_snapshot(root, lambda message: None)
    try:
        vault = build_vault(snapshot.notes())
    finally:
        snapshot.close()
    meeting = next((m for m in vault.meetings if m.note.path == item.note), None)
    referrer = meeting.people[0] if meeting and meeting.people else None
    return new_contact(
        root,
        item.person,
        now=datetime.combine(today, datetime.now().time()),
        referred_by=referrer.note.name if referrer and referrer.note else None,
    )


def _what_is_missing(item: Item) -> str:
    if item.kind in ("prepare", "record-notes"):
        return f"nothing to tick: {item.text[0].lower()}{item.text[1:]} (in {item.note})"
    return f"nothing to tick: {item.text[0].lower()}{item.text[1:]}"


def snooze(root: Path, item_id: str, until: date, today: date) -> Outcome:
    """Hide an item until `until`; the line expires by itself."""
    if until <= today:
        raise VaultError(f"{until} is not after {today}: snooze until a later day")
    items = all_items(root, today)
    item = find_item(items, item_id)
    try:
        current = (root / SNOOZE_PATH).read_text(encoding="utf-8")
    except FileNotFoundError:
        current = ""
    except (OSError, UnicodeDecodeError) as error:
        raise VaultError(f"cannot read {SNOOZE_PATH}: {error}") from None
    write_atomically(root / SNOOZE_PATH, snooze_text(current, item.id, until, items, today))
    return Outcome(f"snoozed until {until}: {item.text}")
