"""Notes as records, built in a line, for the tests of the pure rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from interview_vault.core.graph import Graph
from interview_vault.core.linking import build_graph
from interview_vault.core.model import Contact, Interview, Item, Link, Note, Organization, Touch
from interview_vault.core.settings import DigestSettings

TODAY = date(2026, 11, 26)
Rule = Callable[[Graph, DigestSettings, date], Iterator[Item]]


def day(number: int, month: int = 11) -> date:
    return date(2026, month, number)


def contact(name: str, **fields: object) -> Note:
    return Note(f"Contacts/{name}.md", name, name, record=Contact(**fields))  # type: ignore[arg-type]


def talk(person: str, when: date | None, **fields: object) -> Note:
    name = f"{when} {person}"
    record = Interview(contacts=(Link(person, 2),), date=when, **fields)  # type: ignore[arg-type]
    return Note(f"Interviews/{name}.md", name, name, record=record)


def organization(name: str, target: bool = True) -> Note:
    return Note(f"Organizations/{name}.md", name, name, record=Organization(target, 2))


def items(rule: Rule, *notes: Note, today: date = TODAY, **settings: int | bool) -> list[Item]:
    return list(rule(build_graph(list(notes)), DigestSettings(**settings), today))  # type: ignore[arg-type]


def dues(
    rule: Rule, *notes: Note, today: date = TODAY, **settings: int | bool
) -> list[date | None]:
    return [item.due for item in items(rule, *notes, today=today, **settings)]


def touch(person: str, when: date, *, incoming: bool = False, also: str | None = None) -> Note:
    people = (Link(person, 3), *((Link(also, 4),) if also else ()))
    name = f"{when} email {person}"
    return Note(
        f"Emails/{name}.md",
        name,
        name,
        record=Touch(people, when, "incoming" if incoming else "outgoing"),
    )
