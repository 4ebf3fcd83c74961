"""`vault adopt`'s guess: how a vault already marks people, meetings, organizations, touch
notes and job applications, names their properties, and who owns it, read from the notes
themselves. Pure.

First, what each note is, on evidence: its own words (a `type`, `category`, `kind`, `class`
or `fileClass` value, or a tag, that names a kind: `person`, `meeting`, `log-communication`,
`job-application`...); else being named where people are named (a meeting's `attendees`,
links under its Attendees heading, a slug in an email's `people`: a person), or where
organizations are (`company`: an organization); else the name of a folder it is in
(`People`, `20 Meetings`, `Positions`...), unless it is itself a dated note that names
people, which is no person nor organization. A tag is about its subject: alone, it makes
a meeting only of a note that looks like one (dated, naming people), and nothing read or
kept (`type: resource`, a web page's `url`) is a meeting or a message. Then the marks that
say so: the fewest that explain every such note and take no note of another kind for
theirs, those that say the kind in words first. A mark without such words must explain
two notes at least: one note is no evidence. An empty note (Obsidian makes one when a link
is clicked), and a team's roster among people's, is evidence of nothing: it counts neither
for nor against a mark whose words say a kind. Folders, tags and type values are read in
English and in the words of nine other European languages for people, meetings and
organizations (`core.words`); property names in English, so a vault in another language
may need some of them written by hand.

Touch notes most of which say they were talks (`core.talks`: a meeting, a call), none a
message, are a vault's meetings kept as interactions: proposed as meetings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .conventions import _entries, is_category_page, note_names, parse_mark, value_key
from .dates import day_in_name, day_in_path
from .homes import home_folder
from .kinds import KINDS
from .names import loose_key
from .property_names import Edited, edited_stamp, property_names
from .samples import (
    NOT_PEOPLE_KEYS,
    Names,
    Sample,
    an_org_key,
    is_date,
    named_people,
    names_in,
    owner_names,
    texts_of,
    with_head,
)
from .talks import Told, is_medium_name, told_as
from .words import (
    ARCHIVE_WORDS,
    FOLDER_NOTES,
    STAMP_WORDS,
    TYPE_KEYS,
    direction_of,
    is_index_note,
    is_roster,
    is_web_page,
    kind_said,
    says_document,
    speaks_of,
)

KIND_ORDER = tuple(kind.name for kind in KINDS)
INCOMING_WORDS = frozenset({"received", "inbox", "incoming", "reply", "replies", "inbound"})
# Words of a person's note's properties, for a mark such as `[first_name]` where nothing
# else tells people apart (a slug archive's people)
PERSON_PROPERTY_WORDS = frozenset({"first", "last", "given", "family", "surname", "slug"})


@dataclass
class MarkFound:
    mark: str  # as it is written in the settings
    carried: int  # notes that carry it
    explains: int  # of the notes taken for its kind, those it marks
    empty: int = 0  # the empty notes it marks, of no kind (read as it says, if people)
    rosters: int = 0  # the teams' rosters it marks, among people's notes: no people


@dataclass
class Found:
    """One kind of note as the vault marks it."""

    kind: str
    notes: list[str] = field(default_factory=list)  # paths taken for this kind, sorted
    marks: list[MarkFound] = field(default_factory=list)
    folder: str | None = None  # where most of them are

    @property
    def mark(self) -> str | None:
        return self.marks[0].mark if self.marks else None


@dataclass
class Proposal:
    kinds: dict[str, Found]  # by kind: contact, interview, organization, application, touch
    incoming: list[MarkFound] = field(default_factory=list)  # touch notes they sent
    direction: str | None = None  # "mixed" for an archive of both ways
    properties: dict[str, list[str]] = field(default_factory=dict)  # the tool's name -> found
    owner: list[str] = field(default_factory=list)  # names and slugs of the vault's owner
    # people with a note in nearly every meeting: the owner, perhaps (said, not proposed)
    maybe_owner: list[str] = field(default_factory=list)
    # touch notes that say they were talks (a meeting, a call: read as meetings), by path
    talks: list[str] = field(default_factory=list)
    # the touch notes as found, when they are proposed as meetings: most say they were
    # talks, none a message, and some say nothing (which only the kind makes meetings)
    as_meetings: Found | None = None
    # `updated` as the vault's notes carry it: when each was edited, no update you sent
    edited: Edited | None = None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.casefold()))


def _words_of(sample: Sample) -> list[tuple[str, str, str]]:
    """(what it says, as a mark, its words) of a note's type-like values and tags."""
    found = []
    for key, value in sample.properties.items():
        if key.casefold() in TYPE_KEYS:
            for entry in _entries(value):
                if isinstance(entry, str) and entry.strip():
                    found.append((value_key(entry), f"{key}: {entry.strip()}"))
    found += [(tag, f"#{tag}") for tag in sorted(sample.tags)]
    return [(said, mark, said) for said, mark in found]


def _own_kind(
    sample: Sample, shared: Counter[str], event: bool = False
) -> tuple[str | None, list[str]]:
    """(the kind a note's own words say, the marks that say it): a type-like property's
    value or a tag naming a kind, as a whole (`person`, `log-communication`), or by its
    last word (`crm-contact`) where two notes at least say so (`#note-organization`, once,
    is not an organization's), or where the note records an event (dated, naming people)
    and the word says one (`type:: customer meeting`, a vault's one meeting so far)."""
    marks: list[tuple[str, str]] = []
    for said, mark, _ in _words_of(sample):
        kind = kind_said(said, whole=True)
        if kind is None:
            last = kind_said(said)  # (by its last word: said twice, or an event's)
            kind = last if shared[said] >= 2 or (event and last in ("interview", "touch")) else None
        if kind:
            marks.append((kind, mark))
    if not marks:
        return None, []
    kind = marks[0][0]
    return kind, [mark for found, mark in marks if found == kind]


def _folder_kind(path: str) -> tuple[str | None, str | None]:
    """(the kind the nearest folder's name says, that folder as a mark: a folder named by a
    day is one talk's, and says none); none for a folder note (`Recruiters/Recruiters.md`,
    `People/index.md`) or an index (`people/_aliases.md`): the folder's, not one of its
    notes."""
    parts = path.split("/")[:-1]
    name = path.rpartition("/")[2][:-3].casefold()
    if parts and (name == parts[-1].casefold() or is_index_note(name)):
        return None, None
    if parts and name in FOLDER_NOTES and kind_said(parts[-1], folder=True):
        return None, None  # (`People/index.md`: the folder's index; `People/Ana/index.md` is Ana)
    for depth in range(len(parts), 0, -1):
        if day_in_name(parts[depth - 1]) is not None:
            continue  # (one talk's folder, named by its day: `20260113-ana-ai-chat` is no chat)
        kind = kind_said(parts[depth - 1], folder=True)
        if kind == "contact" and is_roster(name):
            return None, None  # (`People/Matthew Barber Department.md` lists people: no one)
        if kind:
            return kind, "/".join(parts[:depth]) + "/"
    return None, None


def _category_page(sample: Sample) -> bool:
    """Whether a note is a category's own page: a type-like value links to the note itself,
    or a tag is its name (`People.md` with `categories: [[People]]`, a tag page aliased
    `#person`)."""
    folded = {key.casefold(): value for key, value in sample.properties.items()}
    if is_category_page(folded, sample.path):
        return True
    # (a tag that is its name and says a kind: `#person` on a page aliased so; `Stripe.md`
    # tagged `#stripe` beside `#company` is an organization, not a page of one)
    own = sample.tags & note_names(folded, sample.path)
    return any(kind_said(tag) is not None for tag in own)


def _dated(sample: Sample) -> bool:
    """Whether a note says a day, as the digest dates a meeting: a property, a `Date:` line at
    its head, its file name or the folder holding it (`20260121-ken-intro/summary.md`)."""
    if sample.dated or day_in_path(sample.path) is not None:
        return True
    values = [*sample.properties.values(), *(value for _, value in sample.head)]
    return any(is_date(v) for v in values)


def _kept(sample: Sample) -> bool:
    """Whether a note says it is of something read or kept, no event: a type-like value
    such as `resource`, `article` or `book`, or a `url` or `source` holding a web page's
    address (not a video call's)."""
    for key, value in sample.properties.items():
        folded = key.casefold()
        texts = [entry for entry in _entries(value) if isinstance(entry, str)]
        if folded in TYPE_KEYS and any(says_document(value_key(text)) for text in texts):
            return True
        if folded in ("url", "source") and any(is_web_page(text) for text in texts):
            return True
    return False


def _like_a_meeting(sample: Sample, names: Names) -> bool:
    """Whether a note looks like a meeting's: dated by a property that does not stamp the
    note (`created`, `migrated_at` are no meeting's day), a field at its head, its name or
    its folder's; or naming people."""
    if sample.dated or day_in_path(sample.path) is not None:
        return True
    said = with_head(sample).items()
    if any(is_date(value) and not speaks_of(key, STAMP_WORDS) for key, value in said):
        return True
    return bool(named_people(sample, names))


def propose(samples: list[Sample], folders: Iterable[str] = ()) -> Proposal:
    """The vault's conventions, as far as its notes show them; `folders` are the vault's
    that hold no note (a `meetings/` made for the next ones), where new notes may go."""
    names = Names(samples)
    homes = sorted({*_folders_of(samples), *folders})
    shared = Counter(said for s in samples for said, _, _ in _words_of(s))
    # Notes that record an event: dated, naming people. Never a person or organization.
    events = {s.path for s in samples if _dated(s) and named_people(s, names)}
    # A category's own page (`People.md`, `categories: [[People]]`) is of no kind, whatever
    # marks it carries: the digest reads it as none (see `core.conventions`)
    pages = {s.path for s in samples if _category_page(s)}
    own = {
        s.path: (None, []) if s.path in pages else _own_kind(s, shared, s.path in events)
        for s in samples
    }
    folder = {s.path: (None, None) if s.path in pages else _folder_kind(s.path) for s in samples}
    first = {path: found[0] or folder[path][0] for path, found in own.items()}
    meetings_and_touches = [
        s for s in samples if first[s.path] in ("interview", "touch") or s.path in events
    ]
    owner, maybe_owner = owner_names(meetings_and_touches, names, first)
    owned = {loose_key(name) for name in owner}

    # Named where people are named, or where organizations are
    as_person: set[str] = set()
    as_org: set[str] = set()
    naming = {s.path for s in meetings_and_touches}
    for sample in samples:
        for name in named_people(sample, names) if sample.path in naming else ():
            target = names.find(name)
            if target is not None and loose_key(name) not in owned:
                as_person.add(target.path)
        for key, value in sample.properties.items():
            if an_org_key(key):
                for name in names_in(value):
                    target = names.find(name)
                    if target is not None and target.path != sample.path:
                        as_org.add(target.path)

    truth: dict[str, str | None] = {}
    for sample in samples:
        path = sample.path
        if path in pages:
            truth[path] = None  # (a category's page, even one a meeting names)
            continue
        kind, said = own[path]
        tagged = kind in ("interview", "touch") and all(mark.startswith("#") for mark in said)
        unlike = kind == "interview" and not _like_a_meeting(sample, names)
        kept = _kept(sample) and path not in events  # (a dated note naming people is an event)
        if tagged and (unlike or kept):
            kind = None  # (a tag is about its subject: `#meetings` on a write-up of them)
        if kind is None and path not in events:
            kind = "contact" if path in as_person else "organization" if path in as_org else None
        if kind is None and not sample.blank:
            kind = folder[path][0]
            if path in events and kind in ("contact", "organization"):
                kind = None  # (a dated note naming people is an event, not a person)
            if kind in ("interview", "touch") and (not _dated(sample) or kept):
                kind = None  # (a meeting or a message happens on a day: a dashboard does not)
        if kind == "touch" and path not in events:
            kind = None  # (a message is to or from someone: `#email` on a clipping is a topic)
        truth[path] = kind

    by_kind = {kind: [s for s in samples if truth[s.path] == kind] for kind in KIND_ORDER}
    marks_of = {
        s.path: set() if s.path in pages else _marks(s, own[s.path][1], folder[s.path][1])
        for s in samples
    }
    # Marks that hold alike (`type: contact`, `type: Contact`) are one, written as most do
    written: dict[Any, Counter[str]] = defaultdict(Counter)
    for found in marks_of.values():
        for mark in found:
            written[parse_mark(mark)][mark] += 1
    written.pop(None, None)
    shown = {form: counts.most_common(1)[0][0] for form, counts in written.items()}
    marks_of = {
        path: {shown[form] for mark in found if (form := parse_mark(mark)) in shown}
        for path, found in marks_of.items()
    }
    carriers: dict[str, list[str]] = defaultdict(list)
    for path, found in marks_of.items():
        for mark in found:
            carriers[mark].append(path)
    # Notes that say nothing of themselves where a mark's words say the kind: empty ones
    # (Obsidian makes one when a link is clicked), and a team's roster among people's
    empty = {s.path: "empty" for s in samples if s.blank}
    rosters = {s.path: "roster" for s in samples if is_roster(s.path.rpartition("/")[2][:-3])}
    kinds = {
        kind: _found(
            kind,
            by_kind[kind],
            marks_of,
            carriers,
            truth,
            {**rosters, **empty} if kind == "contact" else empty,
            homes,
        )
        for kind in KIND_ORDER
    }
    touches = by_kind["touch"]
    properties = property_names(by_kind, names)
    incoming = [] if "direction" in properties else _incoming(touches, marks_of, carriers, truth)
    told = _told(touches, [*properties.get("direction", []), "direction"], incoming)
    talks = sorted(path for path, said in told.items() if said == "talk")
    as_meetings = None
    silent = [path for path, said in told.items() if said is None]
    if silent and "message" not in told.values() and len(talks) * 2 > len(touches):
        # (notes of interactions, most of them meetings and none a message: the kind is
        # one of meetings, and the few that say nothing of themselves are meetings too)
        as_meetings = kinds["touch"]
        kinds["interview"] = _merged(kinds["interview"], kinds["touch"], homes)
        kinds["touch"] = Found("touch")
        by_kind["interview"] += touches
        by_kind["touch"] = touches = []
        properties, incoming = property_names(by_kind, names), []
    # Emails and chats that nothing says the way of: an archive holds both ways
    archive = any(speaks_of(m.mark, ARCHIVE_WORDS) for m in kinds["touch"].marks)
    undirected = touches and not incoming and "direction" not in properties
    direction = "mixed" if undirected and archive else None
    edited = edited_stamp(samples, truth)
    return Proposal(
        kinds, incoming, direction, properties, owner, maybe_owner, talks, as_meetings, edited
    )


def _folders_of(samples: list[Sample]) -> set[str]:
    """The folders holding the notes, and those holding them (`meetings`, `meetings/2026`)."""
    found = set()
    for sample in samples:
        folder = sample.path.rpartition("/")[0]
        while folder and folder not in found:
            found.add(folder)
            folder = folder.rpartition("/")[0]
    return found


def _told(
    touches: list[Sample], direction: list[str], incoming: list[MarkFound]
) -> dict[str, Told | None]:
    """What each touch note says it was, a talk or a message, as the digest reads it (see
    `core.talks`); one that says which way it went (its direction property, an incoming
    mark) is a message's."""
    received = {s.path for s in marked(touches, incoming[0].mark)} if incoming else set()
    found: dict[str, Told | None] = {}
    for sample in touches:
        props = sample.properties
        media = texts_of(props, [k.casefold() for k in props if is_medium_name(k)])
        types = texts_of(props, [k.casefold() for k in props if k.casefold() in TYPE_KEYS])
        types += sorted(sample.tags)
        way = [direction_of(word) for word in texts_of(props, [k.casefold() for k in direction])]
        titles = (sample.path.rpartition("/")[2][:-3], *texts_of(props, ["title"])[:1])
        one_way = sample.path in received or "incoming" in way or "outgoing" in way
        said = told_as(media, types, titles, one_way)
        found[sample.path] = "message" if said is None and any(way) else said
    return found


def _merged(meetings: Found, touches: Found, folders: list[str]) -> Found:
    """The meetings, with the touch notes and their marks."""
    paths = sorted([*meetings.notes, *touches.notes])
    marks = [*meetings.marks, *touches.marks]
    home = home_folder(paths, [m.mark for m in marks], "interview", folders)
    return Found("interview", paths, marks, home)


def _marks(sample: Sample, own: list[str], folder: str | None) -> set[str]:
    """What could mark a note: its own words' marks, its short property values, its tags,
    its folders, and the properties it has."""
    found = set(own)
    for key, value in sample.properties.items():
        if key.casefold() in NOT_PEOPLE_KEYS - TYPE_KEYS:
            continue
        if value not in (None, "", []):
            found.add(f"[{key}]")
        for entry in _entries(value):
            if not isinstance(entry, str) or not entry.strip() or is_date(entry):
                continue
            text = entry.strip()
            if len(text) <= 40 and "\n" not in text and not text.replace(".", "").isdigit():
                found.add(f"{key}: {text}")
    # (a nested tag carries its parents, as Obsidian's search and the digest's marks read
    # it: `#meeting/one-on-one` is carried by `#meeting`)
    found.update(f"#{tag[:end]}" for tag in sample.tags for end in _tag_ends(tag))
    parts = sample.path.split("/")[:-1]
    if not is_index_note(sample.path.rpartition("/")[2][:-3]):  # (no folder mark reads one)
        found.update("/".join(parts[: depth + 1]) + "/" for depth in range(len(parts)))
    if folder:
        found.add(folder)
    return found


def _tag_ends(tag: str) -> list[int]:
    """Where a tag and each of its parents end: `a/b/c` -> 1, 3, 5."""
    return [at for at, char in enumerate(tag) if char == "/"] + [len(tag)]


def _rank(mark: str, kind: str, explains: int) -> tuple[bool, int, int, str]:
    """Marks that say the kind in words first; then property values, tags, folders and
    properties had, in that order; then those explaining more."""
    form = 2 if mark.endswith("/") else 1 if mark.startswith("#") else 3 if mark[0] == "[" else 0
    if mark.endswith("/"):
        said = kind_said(mark.rstrip("/").rpartition("/")[2], folder=True) == kind
    elif mark.startswith("#"):
        said = kind_said(mark[1:]) == kind
    elif mark[0] == "[":
        said = False
    else:
        key, _, value = mark.partition(":")
        said = key.strip().casefold() in TYPE_KEYS and kind_said(value_key(value)) == kind
    if form == 3 and speaks_of(mark, PERSON_PROPERTY_WORDS):
        form = 2  # (`[first_name]` says a person's note better than `[email]`)
    return (not said, form, -explains, mark)


def _candidates(
    notes: list[Sample],
    marks_of: Mapping[str, set[str]],
    carriers: Mapping[str, list[str]],
    truth: Mapping[str, str | None],
    silent: Mapping[str, str],
    kind: str,
) -> list[MarkFound]:
    """The marks that could say `kind`: carried by notes of it, by no note of another kind,
    and by two notes of it at least unless their words say the kind; best first. Notes that
    say nothing (`silent`: "empty" ones, a team's "roster" among people's) are evidence of
    nothing: where a mark's words say the kind, they count neither for nor against it."""
    paths = {s.path for s in notes}
    found = []
    for mark in {m for s in notes for m in marks_of[s.path]}:
        if parse_mark(mark) is None:
            continue
        holders = carriers[mark]
        explains = sum(1 for path in holders if path in paths)
        others = sum(1 for path in holders if truth[path] not in (None, kind))
        unknown = len(holders) - explains - others
        said = not _rank(mark, kind, explains)[0]
        if others or (not said and (explains < 2 or unknown > explains // 4)):
            continue
        quiet = [path for path in holders if path in silent and path not in paths] if said else []
        if said and unknown - len(quiet) > max(1, explains // 2):
            continue  # (a People/ folder holding as many notes of nothing as people)
        empty = sum(1 for path in quiet if silent[path] == "empty")
        marks = MarkFound(mark, len(holders), explains, empty, len(quiet) - empty)
        found.append((_rank(mark, kind, explains), marks))
    return [mark for _, mark in sorted(found, key=lambda entry: entry[0])]


def _incoming(
    touches: list[Sample],
    marks_of: Mapping[str, set[str]],
    carriers: Mapping[str, list[str]],
    truth: Mapping[str, str | None],
) -> list[MarkFound]:
    """The mark, among touch notes' and theirs only, that speaks of receiving (`[[Received]]`,
    `#inbox`): the notes they sent you."""
    found = [
        MarkFound(mark, len(carriers[mark]), len(carriers[mark]))
        for mark in {m for s in touches for m in marks_of[s.path]}
        if speaks_of(mark, INCOMING_WORDS)
        and parse_mark(mark) is not None
        and all(truth[path] == "touch" for path in carriers[mark])
    ]
    return sorted(found, key=lambda m: (-m.carried, m.mark))[:1]


def _found(
    kind: str,
    notes: list[Sample],
    marks_of: Mapping[str, set[str]],
    carriers: Mapping[str, list[str]],
    truth: Mapping[str, str | None],
    silent: Mapping[str, str],
    folders: list[str],
) -> Found:
    """The notes of a kind, and the fewest marks, best first, that explain them all, and
    where new ones go (of the vault's `folders`, one named for the kind, perhaps)."""
    chosen: list[MarkFound] = []
    left = {s.path for s in notes}
    for candidate in _candidates(notes, marks_of, carriers, truth, silent, kind):
        if not left:
            break
        if left & set(carriers[candidate.mark]):
            chosen.append(candidate)
            left -= set(carriers[candidate.mark])
    paths = sorted(s.path for s in notes)
    return Found(kind, paths, chosen, home_folder(paths, [m.mark for m in chosen], kind, folders))


def marked(samples: Iterable[Sample], mark: str | None) -> list[Sample]:
    """The samples a mark holds for."""
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
        elif parsed.form == "presence":
            hit = any(
                k.casefold() == parsed.key and v not in (None, "", [])
                for k, v in sample.properties.items()
            )
        else:
            values = [v for k, v in sample.properties.items() if k.casefold() == parsed.key]
            hit = any(value_key(e) == parsed.value for v in values for e in _entries(v))
        if hit:
            found.append(sample)
    return found
