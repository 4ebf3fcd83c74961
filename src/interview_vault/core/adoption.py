"""`vault adopt`'s guess: how a vault already marks people, meetings, organizations and
touch notes, and names their properties, read from the notes themselves. Pure.

The people are the notes that dated notes link to in a property named for people
(`people`, `attendees`, `with`...); what most of them share (a property value such as
`categories: [[People]]`, a tag, or a folder) is the mark of a person. The dated notes
linking to people are meetings, or touch notes when what marks them speaks of email,
messages or calls. Organizations are what properties named for them (`org`, `company`...)
link to. Names of marks and properties are matched on words, so a vault in another
language needs its settings written by hand.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .conventions import _entries, parse_mark, value_key
from .dates import NoSuchDay, read_written_day

PEOPLE_WORDS = {
    "people", "person", "persons", "contact", "contacts", "attendee", "attendees",
    "participant", "participants", "with", "who", "interviewee", "interviewer", "from", "to",
}  # fmt: skip
ORG_WORDS = {
    "org", "orgs", "organization", "organizations", "organisation", "organisations",
    "company", "companies", "employer", "employers", "firm", "institution", "institutions",
}  # fmt: skip
MEETING_WORDS = {"meeting", "meetings", "interview", "interviews", "talk", "talks", "chat"}
TOUCH_WORDS = {
    "email", "emails", "mail", "mails", "message", "messages", "letter", "letters", "call",
    "calls", "dm", "dms", "note-to", "sent", "received", "inbox", "outreach",
}  # fmt: skip
INCOMING_WORDS = {"received", "inbox", "incoming", "reply", "replies"}
REFERRER_WORDS = {"referred", "referrer", "referral", "introduced", "introducer", "via"}
KIND_WORDS = {
    "contact": PEOPLE_WORDS,
    "interview": MEETING_WORDS,
    "organization": ORG_WORDS,
    "touch": TOUCH_WORDS,
}
_WORD = re.compile(r"[a-z]+")
_LINK = re.compile(r"\[\[([^\]]+)\]\]")


class Sample(NamedTuple):
    """What adopting needs of a note: where it is, its properties, its tags."""

    path: str
    properties: Mapping[str, Any]
    tags: frozenset[str]


@dataclass
class Found:
    """One kind of note as the vault marks it."""

    mark: str | None = None  # as it would be written in the settings
    notes: list[str] = field(default_factory=list)  # paths, sorted
    folder: str | None = None  # where most of them are
    names: list[str] = field(default_factory=list)  # properties naming them (people, org)
    dates: list[str] = field(default_factory=list)  # properties dating them


@dataclass
class Proposal:
    people: Found
    meetings: Found
    organizations: Found
    touches: Found
    incoming: Found
    referrers: list[str] = field(default_factory=list)  # properties naming who referred them


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _links(value: Any) -> list[str]:
    """The link targets a property's value holds (`[[...]]` only), as `value_key` has them."""
    found = []
    for entry in _entries(value):
        if isinstance(entry, str):
            found += [value_key(f"[[{target}]]") for target in _LINK.findall(entry)]
    return found


def _is_date(value: Any) -> bool:
    entries = _entries(value)
    if not entries or not isinstance(entries[0], str):
        return False
    try:
        return read_written_day(entries[0]) is not None
    except NoSuchDay:
        return True  # a date, if a wrong one


def _marks(sample: Sample, skipped: set[str]) -> set[str]:
    """What could mark a note: its short property values (not dates or numbers), its tags
    and its folder; leaving out the properties in `skipped` (those naming people or orgs)."""
    found = set()
    for key, value in sample.properties.items():
        if key.casefold() in skipped or key.casefold() in ("aliases", "name", "tags", "tag"):
            continue
        for entry in _entries(value):
            if not isinstance(entry, str) or not entry.strip() or _is_date(entry):
                continue
            text = entry.strip()
            if len(text) <= 40 and "\n" not in text and not text.replace(".", "").isdigit():
                found.add(f"{key}: {text}")
    found.update(f"#{tag}" for tag in sample.tags)
    folder = sample.path.rpartition("/")[0]
    if folder:
        found.add(f"{folder}/")
    return found


def _best_mark(samples: list[Sample], skipped: set[str], words: set[str]) -> str | None:
    """The mark most of `samples` share (at least half of them), preferring one that speaks
    of the kind (`words`), then property values over tags over folders."""
    if not samples:
        return None
    counts = Counter(mark for sample in samples for mark in _marks(sample, skipped))
    least = max(1, (len(samples) + 1) // 2)

    def rank(mark: str) -> tuple[bool, int, int, str]:
        form = 2 if mark.endswith("/") else 1 if mark.startswith("#") else 0
        return (not (_words(mark) & words), -counts[mark], form, mark)

    shared = [mark for mark, count in counts.items() if count >= least]
    return min(shared, key=rank) if shared else None


def _marked(samples: Iterable[Sample], mark: str | None) -> list[Sample]:
    parsed = parse_mark(mark) if mark else None
    if parsed is None:
        return []
    found = []
    for sample in samples:
        if parsed.form == "tag":
            hit = any(t == parsed.key or t.startswith(parsed.key + "/") for t in sample.tags)
        elif parsed.form == "folder":
            folder = sample.path.rpartition("/")[0].casefold()
            hit = folder == parsed.key or folder.startswith(parsed.key + "/")
        else:
            values = [v for k, v in sample.properties.items() if k.casefold() == parsed.key]
            hit = any(value_key(e) == parsed.value for v in values for e in _entries(v))
        if hit:
            found.append(sample)
    return found


def _folder(samples: list[Sample]) -> str | None:
    folders = Counter(sample.path.rpartition("/")[0] for sample in samples)
    return folders.most_common(1)[0][0] if folders else None


def _ranked(counter: Counter[str], first: str | None = None) -> list[str]:
    """Most common first; `first` before the rest when as many notes have it as any."""
    most = max(counter.values(), default=0)
    return sorted(
        counter, key=lambda key: (not (key == first and counter[key] == most), -counter[key], key)
    )


def propose(samples: list[Sample]) -> Proposal:
    """The vault's conventions, as far as its notes show them."""
    by_name: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_name[value_key(sample.path.rpartition("/")[2])].append(sample)
    dated = [s for s in samples if any(_is_date(v) for v in s.properties.values())]

    # Properties that name people and organizations, with the notes they link to
    people_keys: Counter[str] = Counter()
    org_keys: Counter[str] = Counter()
    people: dict[str, Sample] = {}
    orgs: dict[str, Sample] = {}
    for sample in samples:
        for key, value in sample.properties.items():
            words = _words(key)
            targets = [t for name in _links(value) for t in by_name.get(name, [])]
            if words & ORG_WORDS and _links(value):
                org_keys[key] += 1
                orgs.update((t.path, t) for t in targets)
            elif words & PEOPLE_WORDS and _links(value) and sample in dated:
                people_keys[key] += 1
                people.update((t.path, t) for t in targets)
    skipped = {key.casefold() for key in (*people_keys, *org_keys)}

    person_mark = _best_mark(sorted(people.values()), skipped, PEOPLE_WORDS)
    org_mark = _best_mark(sorted(orgs.values()), skipped, ORG_WORDS)
    linking = [
        s
        for s in dated
        if any(_links(v) for k, v in s.properties.items() if k in people_keys)
        and s.path not in people
    ]
    meeting_mark, touch_mark = _split_dated(linking, skipped)
    incoming = Counter(
        mark
        for sample in _marked(linking, touch_mark)
        for mark in _marks(sample, skipped)
        if _words(mark) & INCOMING_WORDS
    )
    incoming_mark = max(incoming, key=lambda m: (incoming[m], m)) if incoming else None

    def found(mark: str | None, naming: Counter[str], dating: bool) -> Found:
        """The notes with a mark, where they are, and (for notes that name people, or are
        named by `naming` properties) which properties name and date them."""
        notes = _marked(samples, mark)
        paths = {s.path for s in notes}
        if dating:  # the properties these notes name people in
            names = Counter(k for s in notes for k in s.properties if k in people_keys)
        else:  # the properties other notes name these in
            names = Counter(
                key
                for s in samples
                for key, value in s.properties.items()
                if key in naming
                and any(t.path in paths for n in _links(value) for t in by_name.get(n, []))
            )
        dates: Counter[str] = Counter(
            key for s in notes for key, v in s.properties.items() if _is_date(v)
        )
        return Found(
            mark,
            sorted(paths),
            _folder(notes),
            _ranked(names),
            _ranked(dates, "date")[:1] if dating else [],  # the one that dates them
        )

    people_found = _marked(samples, person_mark)
    referrers: Counter[str] = Counter(
        key
        for s in people_found
        for key, value in s.properties.items()
        if _words(key) & REFERRER_WORDS and _links(value)
    )
    return Proposal(
        found(person_mark, people_keys, False),
        found(meeting_mark, people_keys, True),
        found(org_mark, org_keys, False),
        found(touch_mark, people_keys, True),
        found(incoming_mark, people_keys, True),
        _ranked(referrers),
    )


def _split_dated(linking: list[Sample], skipped: set[str]) -> tuple[str | None, str | None]:
    """(meeting mark, touch mark) of the dated notes that link to people: each group of
    them shares a mark; one speaking of email, messages or calls marks touch notes."""
    counts = Counter(mark for s in linking for mark in _marks(s, skipped))
    marks = [m for m in counts if not m.endswith("/")] or list(counts)
    touch = [m for m in marks if _words(m) & TOUCH_WORDS]
    meeting = [m for m in marks if _words(m) & MEETING_WORDS]
    touch_mark = max(touch, key=lambda m: (counts[m], m)) if touch else None
    if meeting:
        return max(meeting, key=lambda m: (counts[m], m)), touch_mark
    rest = [s for s in linking if s not in _marked(linking, touch_mark)]
    return _best_mark(rest, skipped, MEETING_WORDS), touch_mark
