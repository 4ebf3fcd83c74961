"""What one note contributes to the digest (its `Part`), and the names it is reached by.

A part is computed from the notes around its note (`compute_parts`); which notes those
are, and which parts a change reaches, follow from two sets of keys per note: the names it
answers to (`identity`) and the names its links are matched on (`link_keys`). No I/O here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from ..core.chains import Referral, referrals_in, stages_in
from ..core.items import unique_within_note
from ..core.linking import build_graph
from ..core.model import Application, Body, Contact, Interview, Item, Link, Note, Problem, Touch
from ..core.names import LOOSE, link_key, loose_key
from ..core.rules import raw_items, stale_meetings
from ..core.settings import DigestSettings
from .assembly import Written, sort_key


class Part(NamedTuple):
    """What one note contributes to the digest."""

    items: tuple[Item, ...]  # in rule order
    problems: tuple[Problem, ...]
    hints: tuple[Problem, ...]  # links to notes nobody has written yet
    referrals: tuple[Referral, ...]  # the referrals written in this note
    stage: str | None  # a contact's stage in the referral chains


def written(part: Part) -> Written:
    return Written(
        part.problems,
        tuple(sort_key(item) for item in part.items),
        tuple(item.id for item in part.items),
        {},
    )


def link_keys(note: Note) -> tuple[str, ...]:
    """The keys of the links the digest rules follow."""
    record = note.record
    if isinstance(record, Contact):
        links = [*record.referred_by, *([record.organization] if record.organization else [])]
        tasks = record.tasks
    elif isinstance(record, Interview):
        links, tasks = [*record.contacts, *record.referrals], record.body.tasks
        # (those listed by name: whose a task is, a person's note where one has the name)
        links += [Link(name, None) for name in record.body.named]
    elif isinstance(record, Touch):
        links, tasks = list(record.people), ()
    elif isinstance(record, Application):
        links, tasks = [record.organization] if record.organization else [], note.tasks
    else:  # an ordinary note's tasks about someone: its commitments to them
        links, tasks = list(note.people), note.tasks
    # (a task's links say whose promise it is, and to whom; a log line's, whom it is about)
    targets = [link.target for link in links] + [t for task in tasks for t in task.people]
    targets += [said.target for said in note.log if said.target is not None]
    return _keys(targets)


def outward(note: Note) -> Note:
    """A note as the parts of other notes read it. Its tasks make its own commitments and
    waiting items, and what a talk's body says (sections written, questions, tasks) its own
    preparation and write-up items: a change to those alone changes its own part only (the
    people a task links are in its link keys, compared apart)."""
    record = note.record
    if isinstance(record, Contact) and record.tasks:
        record = replace(record, tasks=())
    elif isinstance(record, Interview):
        record = replace(record, body=Body(people=record.body.people))
    return replace(note, record=record, tasks=())


def _keys(targets: list[str]) -> tuple[str, ...]:
    """Each target's key, then its loose key (which the last tier of matching uses)."""
    exact = [link_key(target) for target in targets]
    loose = (found for found in map(loose_key, targets) if found != LOOSE)  # (none: no tier)
    return tuple(dict.fromkeys([*exact, *loose]))


def compute_parts(
    notes: Iterable[Note], wanted: Collection[str], settings: DigestSettings, today: date
) -> dict[str, Part]:
    """The parts of the `wanted` notes, computed from `notes` (which must hold everything
    those parts depend on)."""
    notes = sorted(notes, key=lambda note: note.path)
    focus = wanted if len(wanted) < len(notes) else None  # (the rules skip the rest)
    graph = build_graph(notes, settings.lapse_after_days, focus)
    items: dict[str, list[Item]] = defaultdict(list)
    for item in raw_items(graph, settings, today):
        items[item.note].append(item)
    problems: dict[str, list[Problem]] = defaultdict(list)
    for problem in [*graph.problems, *stale_meetings(graph, today)]:
        problems[problem.note].append(problem)
    hints: dict[str, list[Problem]] = defaultdict(list)
    for hint in graph.unresolved_problems():
        hints[hint.note].append(hint)
    referrals: dict[str, list[Referral]] = defaultdict(list)
    for referral in referrals_in(graph, today):
        referrals[referral.source].append(referral)
    stages = stages_in(graph, today)
    return {
        note.path: Part(
            tuple(unique_within_note(items.get(note.path, ()))),
            (*(p for p in note.problems if p.severity != "info"), *problems.get(note.path, ())),
            (*hints.get(note.path, ()), *(p for p in note.problems if p.severity == "info")),
            tuple(referrals.get(note.path, ())),
            stages.get(note.path),
        )
        for note in graph.notes
        if note.path in wanted
    }


ChainInput = tuple[tuple[Referral, ...], str | None]


def chain_input(part: Part | None) -> ChainInput:
    return (part.referrals, part.stage) if part else ((), None)
