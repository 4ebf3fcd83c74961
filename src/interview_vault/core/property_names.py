"""Which names a vault gives the properties the tool reads (`attendees` for `contact`,
`Applied-Date` for `applied`), and whether its `updated` is when a note was edited, as
`vault adopt` finds them in its notes. Pure."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .conventions import _entries
from .dates import day_in_name
from .samples import (
    REFERRER_WORDS,
    Names,
    Sample,
    an_org_key,
    head_people,
    is_date,
    names_in,
    people_keys,
    with_head,
)
from .words import STAMP_WORDS, TYPE_KEYS, direction_of, speaks_of

CREATED_WORDS = frozenset({"created"})  # (`created`, `date created`, `created_at`)
# Where the tool's updates go when a vault's `updated` says when a note was edited (the word
# log lines use for an update, besides `updated`)
UPDATED_INSTEAD = "told"
# The words that name a property for a date (`Follow-Up-Reminder-Date`, `Deadline`)
DATE_WORDS = frozenset({"date", "day", "on", "deadline", "due"})
# An application's properties, by the words of their names: (the tool's name, words, a date)
APPLICATION_WORDS = (
    ("stage", frozenset({"stage", "status"}), False),
    ("applied", frozenset({"applied"}), True),
    ("follow_up", frozenset({"follow", "reminder"}), True),
    ("deadline", frozenset({"deadline", "expiration", "expiry", "expires", "closing"}), True),
    ("role", frozenset({"role", "title", "position"}), False),
)


@dataclass
class Edited:
    """The tool's `updated` (the day you sent someone an update) as a vault's notes carry
    it: when each was edited, which plugins and agents bump."""

    name: str  # as most notes write it
    notes: int  # notes that carry it as one date
    beside_created: int  # of those, with a `created` date too
    not_people: int  # of those, no person's


def edited_stamp(samples: list[Sample], truth: Mapping[str, str | None]) -> Edited | None:
    """`updated` as a note's timestamp: one date (the tool's is a list, each update added),
    on two notes at least, beside `created` on most of them or on two notes at least that
    are no person's (meetings, organizations, ordinary notes: no update is sent to them)."""
    written: Counter[str] = Counter()
    notes = beside = others = 0
    for sample in samples:
        keys = {key.casefold(): key for key in sample.properties}
        value = sample.properties.get(keys.get("updated", ""))
        if isinstance(value, list) or not is_date(value):
            continue
        written[keys["updated"]] += 1
        notes += 1
        beside += any(speaks_of(key, CREATED_WORDS) for key in keys)
        others += truth[sample.path] != "contact"
    if notes < 2 or (beside * 2 <= notes and others < 2):
        return None
    return Edited(written.most_common(1)[0][0], notes, beside, others)


def property_names(by_kind: Mapping[str, list[Sample]], names: Names) -> dict[str, list[str]]:
    """The names the vault gives the properties the tool reads, most used first."""
    events = by_kind["interview"] + by_kind["touch"]
    people = Counter(key for s in events for key in people_keys(s, names))
    people.update(key for s in by_kind["interview"] for key in head_people(s, names))
    found: dict[str, list[str]] = {"contact": _ranked(people), "date": []}
    for kind in ("interview", "touch"):  # (a meeting's date first: the rules read it most)
        notes = by_kind[kind]
        dates: Counter[str] = Counter()
        values: dict[str, set[str]] = defaultdict(set)
        for sample in notes:
            # (a meeting's fields at its head count as its properties: the digest reads
            # its date there under the vault's names for it; a touch note's, never)
            said = with_head(sample) if kind == "interview" else sample.properties
            for key, value in said.items():
                if is_date(value):
                    dates[key] += 1
                    values[key].add(str(_entries(value)[0]))
        for key in list(dates):  # (one day on most notes is when they were moved in)
            if dates[key] >= 5 and len(values[key]) * 3 < dates[key]:
                del dates[key]
        least = max(1, len(notes) // 2)
        ranked = _ranked(dates, "date")
        stamps = [key for key in ranked if speaks_of(key, STAMP_WORDS)]
        ranked = [key for key in ranked if key not in stamps]
        chosen = [key for key in ranked if dates[key] >= least][:1]
        chosen += [key for key in ranked if key.casefold() == "date"]  # (where there is one)
        # (when a meeting was written down dates it only where its file name does not:
        # "2023-11-26 Demo" made on the 24th was held on the 26th; a touch note is dated
        # by its properties alone)
        named = sum(1 for s in notes if day_in_name(s.path.rpartition("/")[2]) is not None)
        if kind == "touch" or named < least:
            chosen += [key for key in stamps if dates[key] >= least][:1]
        found["date"] += chosen[:2]
    holders = by_kind["contact"] + by_kind["application"]
    found["organization"] = _ranked(
        Counter(
            key
            for s in holders
            for key, value in s.properties.items()
            if an_org_key(key) and names_in(value)
        )
    )
    found["referred_by"] = _ranked(
        Counter(
            key
            for s in by_kind["contact"]
            for key, value in s.properties.items()
            if speaks_of(key, REFERRER_WORDS) and names_in(value)
        )
    )
    directions: Counter[str] = Counter()
    for sample in by_kind["touch"]:
        for key, value in sample.properties.items():
            written = [e for e in _entries(value) if isinstance(e, str)]
            if written and all(direction_of(word) is not None for word in written):
                directions[key] += 1
    direction = [key for key in _ranked(directions) if directions[key] >= 2]
    if direction:
        found["direction"] = direction[:1]
    applications = by_kind["application"]
    for name, naming, dated in APPLICATION_WORDS:
        counts = Counter(
            key
            for s in applications
            for key, value in s.properties.items()
            if speaks_of(key, naming)
            and key.casefold() not in TYPE_KEYS
            and (_holds_date(key, value) if dated else names_in(value) and not is_date(value))
        )
        if counts:
            found[name] = _ranked(counts, name)[:2]
    found["date"] = list(dict.fromkeys(found["date"]))
    return {name: names for name, names in found.items() if names}


def _holds_date(key: str, value: Any) -> bool:
    """Whether a property holds a date, or is one still to be set: empty, and named for a
    date (`Follow-Up-Reminder-Date:`, a field every position has, filled when planned)."""
    return is_date(value) or (value in (None, "", []) and speaks_of(key, DATE_WORDS))


def _ranked(counter: Counter[str], first: str | None = None) -> list[str]:
    """Most common first; `first` before the rest when as many notes have it as any."""
    most = max(counter.values(), default=0)
    return sorted(
        counter, key=lambda key: (not (key == first and counter[key] == most), -counter[key], key)
    )
