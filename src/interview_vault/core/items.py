"""Digest items as a whole: their short ids, made unique, and which of them are shown."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date

from .dates import shift
from .model import Item
from .settings import DigestSettings

_ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 signs, none easily mistaken for another
_ID_PAIRS = [_ID_LETTERS[i & 31] + _ID_LETTERS[i >> 5] for i in range(1024)]  # 10 bits each


def item_id(kind: str, note: str, about: str) -> str:
    """A short id that stays the same while the item does: from what it is, not where."""
    digest = hashlib.blake2b(f"{kind}\0{note}\0{about}".encode(), digest_size=4).digest()
    number = int.from_bytes(digest, "big")
    return (
        _ID_PAIRS[number & 1023] + _ID_PAIRS[number >> 10 & 1023] + _ID_PAIRS[number >> 20 & 1023]
    )


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


def snoozed_items(
    items: Iterable[Item], settings: DigestSettings, today: date, snoozed: Mapping[str, date]
) -> list[tuple[str, date]]:
    """(id, until) of the items a snooze hides that the digest would otherwise show, by day."""
    horizon = shift(today, settings.lookahead_days)
    hidden = (
        (item.id, snoozed[item.id])
        for item in items
        if (item.due is None or item.due <= horizon) and snoozed.get(item.id, today) > today
    )
    return by_day(hidden)


def by_day(snoozes: Iterable[tuple[str, date]]) -> list[tuple[str, date]]:
    """Snoozes (id, until) in the order they end, then by id."""
    return sorted(snoozes, key=lambda entry: (entry[1], entry[0]))
