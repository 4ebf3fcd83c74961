"""Notes to compact JSON and back, for the index: arrays, not objects, to stay small and fast."""

from __future__ import annotations

import json
import marshal
from datetime import date
from typing import Any

from .chains import PersonRef, Referral
from .model import (
    Body,
    ChainNode,
    Contact,
    Interview,
    Item,
    Link,
    Note,
    Organization,
    Problem,
    Record,
    Section,
    Task,
)
from .parts import Part


def encode_note(note: Note) -> str:
    return json.dumps(
        [
            note.path,
            note.name,
            note.title,
            list(note.aliases),
            _encode_record(note.record),
            [[p.note, p.line, p.severity, p.message] for p in note.problems],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_note(text: str) -> Note:
    path, name, title, aliases, record, problems = json.loads(text)
    return Note(
        path,
        name,
        title,
        tuple(aliases),
        _decode_record(record),
        tuple(Problem(*problem) for problem in problems),
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _undate(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _links(links: tuple[Link, ...]) -> list[list[Any]]:
    return [[link.target, link.line] for link in links]


def _unlinks(data: list[list[Any]]) -> tuple[Link, ...]:
    return tuple(Link(target, line) for target, line in data)


def _tasks(tasks: tuple[Task, ...]) -> list[list[Any]]:
    return [[t.line, t.status, t.text, _day(t.due)] for t in tasks]


def _untasks(data: list[list[Any]]) -> tuple[Task, ...]:
    return tuple(Task(line, status, text, _undate(due)) for line, status, text, due in data)


def _encode_record(record: Record | None) -> list[Any] | None:
    if isinstance(record, Contact):
        return [
            "contact",
            [record.organization.target, record.organization.line] if record.organization else None,
            _links(record.referred_by),
            record.source,
            [d.isoformat() for d in record.contacted],
            record.contacted_line,
            [d.isoformat() for d in record.replied],
            record.declined,
            record.keep_in_touch,
            _tasks(record.tasks),
        ]
    if isinstance(record, Interview):
        body = record.body
        return [
            "interview",
            _links(record.contacts),
            _day(record.date),
            record.status,
            record.thanked,
            _day(record.thanked_on),
            _links(record.referrals),
            _tasks(body.tasks),
            [[s.name, s.line, s.empty] for s in body.sections],
            body.questions,
        ]
    if isinstance(record, Organization):
        return ["organization", record.target, record.target_line]
    return None


def _decode_record(data: list[Any] | None) -> Record | None:
    if data is None:
        return None
    kind = data[0]
    if kind == "contact":
        _, organization, referred_by, source, contacted, line, replied, declined, keep, tasks = data
        return Contact(
            Link(*organization) if organization else None,
            _unlinks(referred_by),
            source,
            tuple(date.fromisoformat(d) for d in contacted),
            line,
            tuple(date.fromisoformat(d) for d in replied),
            declined,
            keep,
            _untasks(tasks),
        )
    if kind == "interview":
        _, contacts, day, status, thanked, thanked_on, referrals, tasks, sections, questions = data
        return Interview(
            _unlinks(contacts),
            _undate(day),
            status,
            thanked,
            _undate(thanked_on),
            _unlinks(referrals),
            Body(_untasks(tasks), tuple(Section(*s) for s in sections), questions),
        )
    return Organization(data[1], data[2])


# --- the incremental digest, saved (saved.py): marshal, the fastest to load --------------


def encode_chain_input(part: Part) -> bytes | None:
    """A part's referrals and stage; None when it has neither (most notes)."""
    if not part.referrals and part.stage is None:
        return None
    referrals = tuple(
        (tuple(r.person), tuple(r.referrer), r.rank, r.source, r.line) for r in part.referrals
    )
    return marshal.dumps((referrals, part.stage))


def decode_chain_input(data: bytes | None) -> tuple[tuple[Referral, ...], str | None]:
    if data is None:
        return (), None
    referrals, stage = marshal.loads(data)
    return (
        tuple(
            Referral(PersonRef(*person), PersonRef(*referrer), rank, source, line)
            for person, referrer, rank, source, line in referrals
        ),
        stage,
    )


def encode_body(part: Part) -> bytes:
    """The rest of a part, read only when a run needs the items themselves."""
    items = tuple((item[0], _ordinal(item.due), *item[2:]) for item in part.items)
    return marshal.dumps((items, tuple(tuple(hint) for hint in part.hints)))


def decode_part(problems: tuple[Problem, ...], chain: bytes | None, body: bytes) -> Part:
    items, hints = marshal.loads(body)
    referrals, stage = decode_chain_input(chain)
    return Part(
        tuple(
            Item(kind, date.fromordinal(due) if due else None, *rest) for kind, due, *rest in items
        ),
        problems,
        tuple(map(Problem._make, hints)),
        referrals,
        stage,
    )


def encode_chains(chains: tuple[tuple[ChainNode, ...], tuple[Problem, ...]]) -> bytes:
    trees, problems = chains
    return marshal.dumps((tuple(map(_plain_node, trees)), tuple(map(tuple, problems))))


def decode_chains(data: bytes) -> tuple[tuple[ChainNode, ...], tuple[Problem, ...]]:
    trees, problems = marshal.loads(data)
    return tuple(map(_node, trees)), tuple(map(Problem._make, problems))


def _plain_node(node: ChainNode) -> tuple[Any, ...]:
    children = tuple(map(_plain_node, node.children))
    return (node.person, node.note, node.stage, children, node.also_referred_by)


def _node(data: tuple[Any, ...]) -> ChainNode:
    person, note, stage, children, also = data
    return ChainNode(person, note, stage, tuple(map(_node, children)), also)


def _ordinal(day: date | None) -> int | None:
    return day.toordinal() if day else None
