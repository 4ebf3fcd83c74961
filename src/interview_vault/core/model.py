"""Domain records: what a note says, and what the digest makes of it. No I/O here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

from .links import shown_markdown_links

Day = date  # for fields named `date`, which would hide the type inside their class

Severity = Literal["error", "warning", "info"]  # info: for `vault check --verbose` only
TaskStatus = Literal["open", "done", "cancelled"]
InterviewStatus = Literal["scheduled", "done", "cancelled"]
# A touch note: you wrote (a thank-you or a request), they wrote (a reply), both on that day
# (a request and a reply), or one of an archive of both ways (in touch: neither).
Direction = Literal["outgoing", "incoming", "both", "mixed"]
Stage = Literal["considering", "applied", "in-progress", "closed"]  # a job application's

SECTION_NAMES = ("goals", "research", "questions", "notes")
# An Obsidian tag: `#` after a space or the start, then letters, digits, `_`, `-` or `/`, not
# only digits (`#1` is no tag).
_TAG = re.compile(r"(?<!\S)#(?!\d+(?![\w/-]))[\w/-]+")
_TAG_THEN_LINK = re.compile(r"((?<!\S)#[\w/-]+)\[\[")
_WIKILINK = re.compile(r"\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]")


def _link_text(link: re.Match[str]) -> str:
    """What a wikilink shows: its alias, else its target's name."""
    return (link.group(2) or link.group(1).rpartition("/")[2]).strip()


class Problem(NamedTuple):
    """Something the tool could not read or did not understand, with where it is."""

    note: str
    line: int | None
    severity: Severity
    message: str


# Problems about a word a vault uses that the tool does not know: said once, on the first
# note using it (by path), with how many more do, not once per note.
ONCE_PER_VAULT = ("unknown status ", "unknown direction ", "unknown stage ")


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """By note, then line (file-level ones first), then message: stable across runs. A
    word the tool does not know is one problem, on the first note that uses it."""
    unique = dict.fromkeys(problems)
    found = sorted(unique, key=lambda p: (p.note, p.line or 0, p.message, p.severity))
    if not any(p.message.startswith(ONCE_PER_VAULT) for p in found):
        return tuple(found)
    repeats = Counter(p.message for p in found if p.message.startswith(ONCE_PER_VAULT))
    said: set[str] = set()
    kept = []
    for problem in found:
        message = problem.message
        if message in repeats:
            if message in said:
                continue
            said.add(message)
            more = repeats[message] - 1
            if more:
                note = f"note{'s' if more > 1 else ''}"
                problem = problem._replace(message=f"{message} (and in {more} more {note})")
        kept.append(problem)
    return tuple(kept)


class Link(NamedTuple):
    """A reference to another note as written: the target without brackets, alias or heading."""

    target: str
    line: int | None


class Task(NamedTuple):
    """A checkbox list item; open ones are commitments."""

    line: int
    status: TaskStatus
    text: str
    due: date | None
    start: date | None = None  # 🛫: not to be done before this day
    people: tuple[str, ...] = ()  # the targets of the links in its text
    done_on: date | None = None  # a done one's day (✅ 2026-08-03, or a date at its end)

    @property
    def words(self) -> str:
        """What to do, as said: without the tags that sort the task (#task, #waiting) before
        and after its words, a tag within them as its word ("at the #office by" is "at the
        office by"), and links as their text (`[[Ana Souza|Ana]]` and `[Ana](Ana%20Souza.md)`
        are "Ana")."""
        text = self.text if "](" not in self.text else shown_markdown_links(self.text)
        if "[[" in text:
            # (a tag ends where a link begins: `#proj[[Dan Roe]]` is #proj, then Dan Roe)
            text = _WIKILINK.sub(_link_text, _TAG_THEN_LINK.sub(r"\1 [[", text))
        if "#" not in text:
            return text
        words = text.split()
        tags = [_TAG.fullmatch(word) is not None for word in words]
        first = next((i for i, tag in enumerate(tags) if not tag), len(words))
        last = len(words) - next((i for i, tag in enumerate(reversed(tags)) if not tag), 0)
        kept = [w.lstrip("#") if tag else w for w, tag in zip(words, tags, strict=True)]
        return " ".join(kept[first:last]) or text


class LogLine(NamedTuple):
    """A fact a note's text states: a dated line of a log (`- 2026-11-13 emailed her`), a
    daily note's `- Emailed [[Gus Lind]]`, a done task that says you wrote."""

    day: date
    what: str  # outgoing, incoming, declined, met, thanked, updated; did (a log's entry)
    line: int
    text: str  # the line, as written
    target: str | None = None  # whom it is about (a link's target); None: the note's person
    under: int | None = None  # a referral's: the line of the talk it is said under


# Where properties are written in a note: (the property as the tool names it, its line)
Lines = tuple[tuple[str, int], ...]


def line_in(lines: Lines, name: str) -> int | None:
    """The line a property is written on, if the note has it."""
    return next((line for key, line in lines if key == name), None)


class Section(NamedTuple):
    """A Goals / Research / Questions / Notes heading and whether anything is written under it."""

    name: str
    line: int
    empty: bool


@dataclass(frozen=True, slots=True)
class Body:
    """What the rules need from a note's Markdown body."""

    tasks: tuple[Task, ...] = ()
    sections: tuple[Section, ...] = ()
    questions: int = 0
    # text outside Goals, Research and Questions (tasks aside): notes, when there is no
    # Notes section
    other_text: bool = False
    people: tuple[Link, ...] = ()  # links listed under an Attendees or Participants heading
    # names listed there without a link (`- Mike (Product)`): whose an action item is
    named: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Contact:
    organization: Link | None = None
    referred_by: tuple[Link, ...] = ()
    source: str | None = None
    contacted: tuple[date, ...] = ()
    replied: tuple[date, ...] = ()
    updated: tuple[date, ...] = ()  # you told them how a talk they led you to went
    touched: tuple[date, ...] = ()  # in touch, neither a request nor a reply (last contact)
    declined: bool = False
    keep_in_touch: int | None = None  # None: the default; 0: never remind
    tasks: tuple[Task, ...] = ()
    lines: Lines = ()
    next_contact: date | None = None  # a day you chose to get back to them
    created: date | None = None  # when the note was made (a referral's day, failing others)
    acquainted: bool = False  # its text says you met them through someone (no day said)

    def line(self, name: str) -> int | None:
        return line_in(self.lines, name)

    @property
    def in_touch(self) -> tuple[date, ...]:
        """The days you were in touch otherwise than by a request or a reply: a last contact,
        a touch both ways, an update (unsorted; empty when none)."""
        return self.touched + self.updated


@dataclass(frozen=True, slots=True)
class Interview:
    contacts: tuple[Link, ...] = ()
    date: Day | None = None
    status: InterviewStatus | None = None  # None: absent or unknown, decided by the date
    thanked: bool = False
    thanked_on: Day | None = None
    referrals: tuple[Link, ...] = ()
    body: Body = field(default_factory=Body)
    lines: Lines = ()
    # how many of `contacts`, at their end, are plain names (on an Attendees line, in its
    # title), not links: those count only where they are people with a note
    plain_names: int = 0
    # read from a touch note that says it was a talk (`medium: coffee`, "First Meeting"):
    # on a day a meeting note with its people has, it is that meeting (see graph)
    from_touch: bool = False
    # still written `scheduled`, where a line of a log or a daily note tells of the talk on
    # its day (`- Coffee with [[Maya Chen]]`): held, once that day has come (see graph)
    told_held: bool = False

    def line(self, name: str) -> int | None:
        return line_in(self.lines, name)

    def section(self, name: str) -> Section | None:
        """The first section with this name; a section written twice is empty only if both are."""
        found = [s for s in self.body.sections if s.name == name]
        if not found:
            return None
        return Section(name, found[0].line, all(s.empty for s in found))


def status_of(interview: Interview, today: date) -> InterviewStatus | None:
    """The written status, or else `done` for a past date and `scheduled` otherwise; a talk
    still written `scheduled` that a line tells of is `done` after its day."""
    if interview.status is not None:
        if interview.told_held and interview.date is not None and interview.date < today:
            return "done"  # (once its day is past: a line written that morning is a plan)
        return interview.status
    if interview.date is None:
        return None
    return "done" if interview.date < today else "scheduled"


@dataclass(frozen=True, slots=True)
class Organization:
    target: bool = False
    target_line: int | None = None


@dataclass(frozen=True, slots=True)
class Touch:
    """An email, a call or a message, as a note of its own: whom, and when."""

    people: tuple[Link, ...] = ()
    date: Day | None = None
    direction: Direction = "outgoing"
    date_line: int | None = None


@dataclass(frozen=True, slots=True)
class Application:
    """A job you are considering or have applied for."""

    organization: Link | None = None
    role: str | None = None
    stage: Stage = "considering"
    applied: Day | None = None
    follow_up: Day | None = None  # when you planned to follow up
    deadline: Day | None = None
    referral_asked: Day | None = None  # you asked someone there about it
    followed_up: tuple[Day, ...] = ()
    lines: Lines = ()

    def line(self, name: str) -> int | None:
        return line_in(self.lines, name)


Record = Contact | Interview | Organization | Application | Touch


@dataclass(frozen=True, slots=True)
class Note:
    """One Markdown file of the vault, parsed."""

    path: str  # vault-relative, '/'-separated
    name: str  # the file name without .md: what links match
    title: str  # the `name` property, or the file name
    aliases: tuple[str, ...] = ()
    record: Record | None = None  # None: an ordinary note
    problems: tuple[Problem, ...] = ()
    tasks: tuple[Task, ...] = ()  # an ordinary note's open tasks that are about someone
    # the people an ordinary note says it is about (its people property): its tasks are theirs
    people: tuple[Link, ...] = ()
    log: tuple[LogLine, ...] = ()  # what its text says happened (see LogLine)
    # the properties the digest's messages may name (those holding links, a meeting's
    # status) that this note names otherwise than the tool does: (the tool's name, the key
    # as written), or, for one it lacks, the vault's first name for it (see `shown`)
    written: tuple[tuple[str, str], ...] = ()

    def shown(self, name: str) -> str:
        """A property as this note writes it (`introduced-by` for `referred_by`): how a
        message about it names it."""
        return next((key for tool, key in self.written if tool == name), name)


# Why an item is there: the facts a rule used, each (property, value, note, line), and the
# settings it applied, each (name, value). Plain tuples: there is one per item.
Fact = tuple[str, str, str, int | None]
Why = tuple[tuple[Fact, ...], tuple[tuple[str, int | bool], ...]]
NO_WHY: Why = ((), ())


# A reconnect overdue by more than this says how long ago you were last in touch, in years,
# and no count of days overdue ("last in touch 7 years ago", not "2786 days overdue").
LONG_AGO_DAYS = 365


class Item(NamedTuple):
    """One thing to do, as the digest shows it."""

    kind: str
    due: date | None
    person: str
    note: str
    line: int | None
    text: str
    person_note: str | None = None  # the person's own note, for linking to them
    id: str = ""  # short and stable: `vault done ID`
    task: str | None = None  # a commitment's task text, to tick the right line
    name_at: int = -1  # where the person's name is in `text` (for a link in its place)
    why: Why = NO_WHY

    def sort_key(self) -> tuple[bool, date, str, str, str, int]:
        return (
            self.due is None,
            self.due or date.min,
            self.kind,
            self.person.casefold(),
            self.note,
            self.line or 0,
        )


@dataclass(frozen=True, slots=True)
class ChainNode:
    """A person in a referral tree and the people they led to."""

    person: str
    note: str | None
    stage: str
    children: tuple[ChainNode, ...] = ()
    also_referred_by: tuple[str, ...] = ()


class ReadCounts(NamedTuple):
    """How many notes a digest was made from, and what they were read as (files that could
    not be read are problems, not counted)."""

    notes: int = 0
    people: int = 0
    meetings: int = 0
    organizations: int = 0
    touches: int = 0
    applications: int = 0

    @property
    def others(self) -> int:
        kinds = self.people + self.meetings + self.organizations + self.touches
        return self.notes - kinds - self.applications

    @classmethod
    def of(cls, categories: Iterable[str], others: int = 0) -> ReadCounts:
        """From what each note was read as (a kind, `other` or `unreadable`), and how many
        more notes are `other`."""
        counts = Counter(categories)
        read = sum(counts.values()) + others - counts["unreadable"]
        kinds = ("contact", "interview", "organization", "touch", "application")
        return cls(read, *(counts[kind] for kind in kinds))


@dataclass(frozen=True, slots=True)
class Digest:
    today: date
    items: tuple[Item, ...]
    chains: tuple[ChainNode, ...]
    problems: tuple[Problem, ...]
    hints: tuple[Problem, ...] = ()  # links to notes nobody has written yet: `vault check` only
    ambiguous_names: frozenset[str] = frozenset()  # file names (casefolded) shared by notes
    read: ReadCounts = field(default_factory=ReadCounts)
    snoozed: tuple[tuple[str, date], ...] = ()  # (id, until) of items a snooze hides
