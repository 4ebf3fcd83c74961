"""Referral chains: who led to whom, each person's stage, and cycles cut where they close."""

from __future__ import annotations

from datetime import date

from .graph import Person, Vault
from .model import ChainNode, Problem
from .rules import referred_in_meetings, status_of


def stage_of(person: Person, vault: Vault, today: date) -> str:
    """How far along you are with someone: the first stage that holds."""
    contact = person.contact
    if contact is None:
        return "no note"
    if contact.declined:
        return "declined"
    statuses = {status_of(m.interview, today) for m in vault.meetings_with(person)}
    if "done" in statuses:
        return "met"
    if contact.replied or "scheduled" in statuses:
        return "replied"
    if contact.contacted:
        return "awaiting reply"
    return "not contacted"


def _order(person: Person) -> tuple[str, str]:
    return person.name.casefold(), person.key


def build_chains(vault: Vault, today: date) -> tuple[list[ChainNode], list[Problem]]:
    """The referral trees with at least one edge, and a problem for each cycle."""
    referrers: dict[str, list[Person]] = {}  # person key -> everyone who referred them, in order
    source_line: dict[str, tuple[str, int | None]] = {}  # where the chosen referrer is written
    for entry in vault.contacts:
        if entry.referred_by:
            key = entry.person.key
            referrers[key] = [person for person, _ in entry.referred_by]
            source_line[key] = (key, entry.referred_by[0][1].line)
    for key, mentions in referred_in_meetings(vault, today).items():
        for meeting, link in mentions:
            referrers.setdefault(key, []).append(meeting.people[0])
            source_line.setdefault(key, (meeting.note.path, link.line))

    parent: dict[str, Person] = {key: people[0] for key, people in referrers.items()}
    children: dict[str, list[Person]] = {}
    for key, referrer in parent.items():
        children.setdefault(referrer.key, []).append(vault.people[key])

    problems: list[Problem] = []
    in_tree: set[str] = set()

    def grow(person: Person) -> ChainNode:
        in_tree.add(person.key)
        kids = [
            grow(child)
            for child in sorted(children.get(person.key, []), key=_order)
            if child.key not in in_tree
        ]
        first = parent.get(person.key)
        also = {p.name for p in referrers.get(person.key, []) if p is not first}
        return ChainNode(
            person.name,
            person.note.path if person.note else None,
            stage_of(person, vault, today),
            tuple(kids),
            tuple(sorted(also, key=str.casefold)),
        )

    roots = [p for key, p in vault.people.items() if key not in parent and key in children]
    trees = [grow(root) for root in sorted(roots, key=_order)]

    # What is left hangs off a cycle: every member has a referrer, so none is a root.
    leftover = sorted((vault.people[k] for k in parent if k not in in_tree), key=_order)
    for person in leftover:
        if person.key in in_tree:
            continue
        cycle = _find_cycle(person, parent)
        start = min(cycle, key=_order)
        names = [p.name for p in _rotate(cycle, start)]
        note, line = source_line[start.key]
        problems.append(
            Problem(
                note,
                line,
                "warning",
                "referral cycle: "
                + " ← ".join([*names, names[0]])
                + f" (each was referred by the next); {start.name} is shown at the top",
            )
        )
        trees.append(grow(start))
    trees = [tree for tree in trees if tree.children]
    trees.sort(key=lambda node: (node.person.casefold(), node.note or ""))
    return trees, problems


def _find_cycle(start: Person, parent: dict[str, Person]) -> list[Person]:
    """Follow referrers from `start` until someone repeats; return that loop."""
    seen: dict[str, int] = {}
    path: list[Person] = []
    person = start
    while person.key not in seen:
        seen[person.key] = len(path)
        path.append(person)
        person = parent[person.key]
    return path[seen[person.key] :]


def _rotate(cycle: list[Person], start: Person) -> list[Person]:
    index = cycle.index(start)
    return cycle[index:] + cycle[:index]
