"""Referral chains: who led to whom, each person's stage, and cycles cut where they close.

In two steps, so a digest can be updated note by note: each note contributes its
referrals (`referrals_in`) and each contact its stage (`stages_in`); `chains_from` grows
the trees from those contributions alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from .graph import Graph, Person, active, referred_in_meetings
from .model import ChainNode, Problem, status_of


class PersonRef(NamedTuple):
    """A person as a chain shows them."""

    key: str  # the note's path, or `noteless_key` of the name
    name: str
    note: str | None


class Referral(NamedTuple):
    """`person` was referred by `referrer`, as written in `source` at `line`."""

    person: PersonRef
    referrer: PersonRef
    # Where it comes among the person's referrers: their own `referred_by` first, in order,
    # then meetings' referrals by date and path. The first one is the chain's parent.
    rank: tuple[int, str, str, int]
    source: str
    line: int | None


def _ref(person: Person) -> PersonRef:
    return PersonRef(person.key, person.name, person.note.path if person.note else None)


def stage_of(person: Person, graph: Graph, today: date) -> str:
    """How far along you are with someone: the first stage that holds."""
    contact = person.contact
    if contact is None:
        return "no note"
    if contact.declined:
        return "declined"
    # (a meeting without a readable date is no meeting: it gives only its promises)
    statuses = {status_of(m.interview, today) for m in active(graph.meetings_with(person), today)}
    if "done" in statuses:
        return "met"
    if contact.replied or "scheduled" in statuses:
        return "replied"
    if contact.contacted:
        return "awaiting reply"
    if contact.in_touch:  # (a last contact, say: neither asked nor answered)
        return "in touch"
    return "not contacted"


def stages_in(graph: Graph, today: date) -> dict[str, str]:
    """Each contact's stage, by person key (everyone else has no note to tell)."""
    return {
        entry.person.key: stage_of(entry.person, graph, today)
        for entry in graph.contacts
        if graph.wants(entry.person.key)
    }


def referrals_in(graph: Graph, today: date) -> list[Referral]:
    """Every referral the notes record: contacts' `referred_by` and meetings' `referrals`."""
    found = []
    for entry in graph.contacts:
        if not entry.referred_by or not graph.wants(entry.person.key):
            continue
        person = _ref(entry.person)
        for position, (referrer, link) in enumerate(entry.referred_by):
            found.append(
                Referral(person, _ref(referrer), (0, "", "", position), person.key, link.line)
            )
    for key, mentions in referred_in_meetings(graph, today).items():
        person = _ref(graph.people[key])
        for meeting, link in mentions:
            if not graph.wants(meeting.note.path):
                continue
            day = meeting.interview.date.isoformat() if meeting.interview.date else ""
            position = meeting.referrals.index((graph.people[key], link))
            found.append(
                Referral(
                    person,
                    _ref(meeting.people[0]),
                    (1, day, meeting.note.path, position),
                    meeting.note.path,
                    link.line,
                )
            )
    return found


def build_chains(graph: Graph, today: date) -> tuple[list[ChainNode], list[Problem]]:
    """The referral trees with at least one edge, and a problem for each cycle."""
    return chains_from(referrals_in(graph, today), stages_in(graph, today))


# Deeper chains are cut (with a warning): every step down is a step of recursion, here and
# wherever the trees are written, and nobody is a hundred introductions away.
MAX_CHAIN_DEPTH = 100


def _order(person: PersonRef) -> tuple[str, str]:
    return person.name.casefold(), person.key


def chains_from(
    referrals: Iterable[Referral], stages: Mapping[str, str]
) -> tuple[list[ChainNode], list[Problem]]:
    """The trees grown from referrals; `stages` by person key (a missing one: no note)."""
    referrers: dict[str, list[PersonRef]] = {}  # person key -> who referred them, in rank order
    first: dict[str, Referral] = {}
    people: dict[str, PersonRef] = {}
    for referral in sorted(referrals, key=lambda r: (r.person.key, r.rank)):
        key = referral.person.key
        referrers.setdefault(key, []).append(referral.referrer)
        first.setdefault(key, referral)
        people[key] = referral.person
        people.setdefault(referral.referrer.key, referral.referrer)

    parent: dict[str, PersonRef] = {key: found.referrer for key, found in first.items()}
    children: dict[str, list[PersonRef]] = {}
    for key, referrer in parent.items():
        children.setdefault(referrer.key, []).append(people[key])

    problems: list[Problem] = []
    tree = _Tree(referrers, parent, children, stages)
    grow = tree.grow
    in_tree = tree.in_tree

    roots = [p for key, p in people.items() if key not in parent and key in children]
    trees = [grow(root) for root in sorted(roots, key=_order)]

    # What is left hangs off a cycle: every member has a referrer, so none is a root.
    leftover = sorted((people[k] for k in parent if k not in in_tree), key=_order)
    for person in leftover:
        if person.key in in_tree:
            continue
        cycle = _find_cycle(person, parent)
        start = min(cycle, key=_order)
        names = [p.name for p in _rotate(cycle, start)]
        where = first[start.key]
        problems.append(
            Problem(
                where.source,
                where.line,
                "warning",
                "referral cycle: "
                + " ← ".join([*names, names[0]])
                + f" (each was referred by the next); {start.name} is shown at the top",
            )
        )
        trees.append(grow(start))
    for person in tree.cut:  # (a hundred steps below a root: they were referred)
        where = first[person.key]
        problems.append(
            Problem(
                where.source,
                where.line,
                "warning",
                f"a referral chain of more than {MAX_CHAIN_DEPTH} people: shown down to "
                f"{person.name}, not below",
            )
        )
    trees = [tree for tree in trees if tree.children]
    trees.sort(key=lambda node: (node.person.casefold(), node.note or ""))
    return trees, problems


class _Tree:
    """Grows referral trees, each person once. (A class, not a closure: a function that
    calls itself from its own closure is a reference cycle, which would keep every tree's
    lists alive until the garbage collector ran, and `vault digest` runs without it.)"""

    def __init__(
        self,
        referrers: dict[str, list[PersonRef]],
        parent: dict[str, PersonRef],
        children: dict[str, list[PersonRef]],
        stages: Mapping[str, str],
    ) -> None:
        self.referrers = referrers
        self.parent = parent
        self.children = children
        self.stages = stages
        self.in_tree: set[str] = set()
        self.cut: list[PersonRef] = []  # people below whom a chain too deep was cut

    def grow(self, person: PersonRef, depth: int = 0) -> ChainNode:
        self.in_tree.add(person.key)
        below = [c for c in self.children.get(person.key, []) if c.key not in self.in_tree]
        if depth >= MAX_CHAIN_DEPTH and below:
            self.cut.append(person)
            self._leave_out(below)
            below = []
        kids = [self.grow(child, depth + 1) for child in sorted(below, key=_order)]
        chosen = self.parent.get(person.key)
        also = {p.name for p in self.referrers.get(person.key, []) if p != chosen}
        return ChainNode(
            person.name,
            person.note,
            self.stages.get(person.key, "no note"),
            tuple(kids),
            tuple(sorted(also, key=str.casefold)),
        )

    def _leave_out(self, people: list[PersonRef]) -> None:
        """Count everyone below as placed (without a loop in the call stack)."""
        waiting = list(people)
        while waiting:
            person = waiting.pop()
            if person.key not in self.in_tree:
                self.in_tree.add(person.key)
                waiting.extend(self.children.get(person.key, []))


def _find_cycle(start: PersonRef, parent: dict[str, PersonRef]) -> list[PersonRef]:
    """Follow referrers from `start` until someone repeats; return that loop."""
    seen: dict[str, int] = {}
    path: list[PersonRef] = []
    person = start
    while person.key not in seen:
        seen[person.key] = len(path)
        path.append(person)
        person = parent[person.key]
    return path[seen[person.key] :]


def _rotate(cycle: list[PersonRef], start: PersonRef) -> list[PersonRef]:
    index = cycle.index(start)
    return cycle[index:] + cycle[:index]
