"""Who is who: links resolved to notes, and each person's notes gathered. No I/O."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Contact, Interview, Link, Note, Organization, Problem


# one object per person: compared by identity, cheaply
@dataclass(frozen=True, eq=False, slots=True)
class Person:
    """Someone the notes speak of: a note, or just a name nobody has written a note for."""

    key: str  # the note's path, or "?" + the casefolded name
    name: str
    note: Note | None = None

    @property
    def contact(self) -> Contact | None:
        record = self.note.record if self.note else None
        return record if isinstance(record, Contact) else None


@dataclass(frozen=True, slots=True)
class Meeting:
    """An interview note with its people resolved."""

    note: Note
    interview: Interview
    people: tuple[Person, ...]
    referrals: tuple[tuple[Person, Link], ...]


@dataclass(frozen=True, slots=True)
class ContactLinks:
    """A contact note with its `referred_by` and `organization` resolved."""

    person: Person
    contact: Contact
    referred_by: tuple[tuple[Person, Link], ...]
    organization: Person | None


class LinkResolver:
    """Obsidian's link rules: path or file name first (any case), then `name` and aliases."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.by_path: dict[str, Note] = {}
        self.by_name: dict[str, list[Note]] = defaultdict(list)
        self.by_alias: dict[str, list[Note]] = defaultdict(list)
        for note in notes:
            self.by_path[note.path[:-3].casefold()] = note
            self.by_name[note.name.casefold()].append(note)
            for alias in {note.title.casefold(), *(a.casefold() for a in note.aliases)}:
                self.by_alias[alias].append(note)

    def resolve(self, target: str) -> tuple[Note | None, list[Note]]:
        """(the note a link means or None, every candidate when there were several)."""
        wanted = target.strip().strip("/").casefold()
        if "/" in wanted:
            exact = self.by_path.get(wanted)
            if exact is not None:
                return exact, []
            folder, _, wanted = wanted.rpartition("/")
            same_name = self.by_name.get(wanted, [])
            inside = [
                n for n in same_name if n.path[:-3].casefold().endswith(f"/{folder}/{wanted}")
            ]
            if inside:
                return _shortest(inside)
        for table in (self.by_name, self.by_alias):
            candidates = table.get(wanted)
            if candidates:
                return _shortest(candidates)
        return None, []

    def is_unique_name(self, note: Note) -> bool:
        return len(self.by_name.get(note.name.casefold(), ())) == 1


def _shortest(candidates: list[Note]) -> tuple[Note, list[Note]]:
    if len(candidates) == 1:
        return candidates[0], []
    ordered = sorted(candidates, key=lambda note: (len(note.path), note.path))
    return ordered[0], (ordered if len(ordered) > 1 else [])


@dataclass
class Vault:
    """Every note, with the links the rules use resolved; built once per digest."""

    notes: list[Note]
    resolver: LinkResolver
    people: dict[str, Person] = field(default_factory=dict)
    contacts: list[ContactLinks] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    organizations: list[Note] = field(default_factory=list)
    meetings_by_person: dict[str, list[Meeting]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # links that match two notes
    unresolved: list[tuple[str, Link, str]] = field(default_factory=list)  # (note, link, key)

    def person(self, link: Link, source: Note, key: str) -> Person:
        """The person a link names; records a warning when it matches several notes."""
        found, candidates = self.resolver.resolve(link.target)
        if candidates:
            others = ", ".join(c.path for c in candidates[1:])
            self.problems.append(
                Problem(
                    source.path,
                    link.line,
                    "warning",
                    f"{key}: [[{link.target}]] matches {len(candidates)} notes; "
                    f"using {candidates[0].path} (shortest path), not {others}",
                )
            )
        if found is not None:
            person = self.people.get(found.path)
            if person is None:
                person = self.people[found.path] = Person(found.path, found.title, found)
            return person
        self.unresolved.append((source.path, link, key))
        name = link.target.rsplit("/", 1)[-1]
        person_key = "?" + name.casefold()
        person = self.people.get(person_key)
        if person is None:
            person = self.people[person_key] = Person(person_key, name)
        return person

    def unresolved_problems(self) -> list[Problem]:
        """Links to notes nobody has written yet: hints for `vault check`."""
        return [
            Problem(path, link.line, "warning", f"{key}: [[{link.target}]] has no note")
            for path, link, key in self.unresolved
        ]

    def meetings_with(self, person: Person) -> list[Meeting]:
        return self.meetings_by_person.get(person.key, [])


def build_vault(notes: list[Note]) -> Vault:
    """Resolve every link the rules use and index meetings by person."""
    vault = Vault(notes, LinkResolver(notes))
    for note in notes:
        if isinstance(note.record, Contact):
            vault.people[note.path] = Person(note.path, note.title, note)
    for note in notes:
        record = note.record
        if isinstance(record, Contact):
            vault.contacts.append(
                ContactLinks(
                    vault.people[note.path],
                    record,
                    tuple(
                        (vault.person(link, note, "referred_by"), link)
                        for link in record.referred_by
                    ),
                    vault.person(record.organization, note, "organization")
                    if record.organization
                    else None,
                )
            )
        elif isinstance(record, Interview):
            meeting = Meeting(
                note,
                record,
                tuple(vault.person(link, note, "contact") for link in record.contacts),
                tuple((vault.person(link, note, "referrals"), link) for link in record.referrals),
            )
            vault.meetings.append(meeting)
            for person in dict.fromkeys(meeting.people):
                vault.meetings_by_person.setdefault(person.key, []).append(meeting)
        elif isinstance(record, Organization):
            vault.organizations.append(note)
    return vault
