"""Notes to compact JSON and back, for the index: arrays, not objects, to stay small and fast."""

from __future__ import annotations

import json
import sys
from datetime import date
from functools import lru_cache
from typing import Any, cast

from ..core.model import (
    Application,
    Body,
    Contact,
    Interview,
    InterviewStatus,
    Link,
    LogLine,
    Note,
    Organization,
    Problem,
    Record,
    Section,
    Task,
    TaskStatus,
    Touch,
)


def encode_note(note: Note) -> str:
    encoded = [
        note.path,
        note.name,
        note.title,
        list(note.aliases),
        _encode_record(note.record),
        [[p.note, p.line, p.severity, p.message] for p in note.problems],
        _tasks(note.tasks),
        _links(note.people),
        _logs(note.log),
    ]
    if note.written:  # (most notes write the tool's names: nothing to keep)
        encoded.append([list(entry) for entry in note.written])
    return json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))


def decode_note(text: str) -> Note:
    path, name, title, aliases, record, problems, tasks, people, log, *written = json.loads(text)
    return Note(
        path,
        name,
        name if title == name else title,
        tuple(aliases),
        _decode_record(record),
        tuple(Problem(*problem) for problem in problems),
        _untasks(tasks) if tasks else (),
        _unlinks(people) if people else (),
        _unlogs(log) if log else (),
        _shared_names(tuple((tool, _word(key)) for tool, key in written[0])) if written else (),
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


# Decoded notes are most of a large vault's memory, and much in them repeats: the same
# days, the same lines where a template puts each property, the same few words (a section's
# name, a task's status), the same people linked from note after note. One object each is
# kept: a third of the decoded notes' strings on a vault of 30,000 notes.
_day_of = lru_cache(maxsize=4096)(date.fromisoformat)
_word = sys.intern


@lru_cache(maxsize=4096)
def _shared_lines(lines: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    return lines


@lru_cache(maxsize=4096)
def _shared_names(written: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """(A vault's notes name their properties alike: one tuple for them all.)"""
    return written


@lru_cache(maxsize=4096)
def _shared_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    return sections


def _sections(data: list[list[Any]]) -> tuple[Section, ...]:
    """(A template puts its sections at the same lines in every note made from it.)"""
    return _shared_sections(tuple(Section(_word(name), line, empty) for name, line, empty in data))


def _undate(value: str | None) -> date | None:
    return _day_of(value) if value else None


def _links(links: tuple[Link, ...]) -> list[list[Any]]:
    return [[link.target, link.line] for link in links]


def _unlinks(data: list[list[Any]]) -> tuple[Link, ...]:
    return tuple(Link(_word(target), line) for target, line in data)


def _tasks(tasks: tuple[Task, ...]) -> list[list[Any]]:
    return [
        [t.line, t.status, t.text, _day(t.due), _day(t.start), list(t.people), _day(t.done_on)]
        for t in tasks
    ]


def _untasks(data: list[list[Any]]) -> tuple[Task, ...]:
    return tuple(
        Task(
            line,
            cast(TaskStatus, _word(status)),
            text,
            _undate(due),
            _undate(start),
            tuple(map(_word, people)),
            _undate(done),
        )
        for line, status, text, due, start, people, done in data
    )


def _logs(log: tuple[LogLine, ...]) -> list[list[Any]]:
    return [[e.day.isoformat(), e.what, e.line, e.text, e.target, e.under] for e in log]


def _unlogs(data: list[list[Any]]) -> tuple[LogLine, ...]:
    return tuple(
        LogLine(_day_of(day), _word(what), line, text, target, under)
        for day, what, line, text, target, under in data
    )


def _dates(days: tuple[date, ...]) -> list[str]:
    return [day.isoformat() for day in days]


def _undates(data: list[str]) -> tuple[date, ...]:
    return tuple(map(_day_of, data))


def _lines(lines: tuple[tuple[str, int], ...]) -> list[list[Any]]:
    return [list(entry) for entry in lines]


def _unlines(data: list[list[Any]]) -> tuple[tuple[str, int], ...]:
    return _shared_lines(tuple((name, line) for name, line in data))


def _encode_record(record: Record | None) -> list[Any] | None:
    if isinstance(record, Contact):
        return [
            "contact",
            [record.organization.target, record.organization.line] if record.organization else None,
            _links(record.referred_by),
            record.source,
            _dates(record.contacted),
            _dates(record.replied),
            _dates(record.updated),
            _dates(record.touched),
            record.declined,
            record.keep_in_touch,
            _tasks(record.tasks),
            _lines(record.lines),
            _day(record.next_contact),
            _day(record.created),
            record.acquainted,
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
            body.other_text,
            _links(body.people),
            _lines(record.lines),
            record.plain_names,
            list(body.named),
            record.from_touch,
        ]
    if isinstance(record, Organization):
        return ["organization", record.target, record.target_line]
    if isinstance(record, Touch):
        return [
            "touch",
            _links(record.people),
            _day(record.date),
            record.direction,
            record.date_line,
        ]
    if isinstance(record, Application):
        organization = record.organization
        return [
            "application",
            [organization.target, organization.line] if organization else None,
            record.role,
            record.stage,
            _day(record.applied),
            _day(record.follow_up),
            _day(record.deadline),
            _day(record.referral_asked),
            _dates(record.followed_up),
            _lines(record.lines),
        ]
    return None


def _decode_record(data: list[Any] | None) -> Record | None:
    if data is None:
        return None
    kind = data[0]
    if kind == "contact":
        _, organization, referred_by, source, contacted, replied, updated, *rest = data
        touched, declined, keep, tasks, lines, next_contact, created, acquainted = rest
        return Contact(
            Link(_word(organization[0]), organization[1]) if organization else None,
            _unlinks(referred_by),
            _word(source) if source else source,
            _undates(contacted),
            _undates(replied),
            _undates(updated),
            _undates(touched),
            declined,
            keep,
            _untasks(tasks),
            _unlines(lines),
            _undate(next_contact),
            _undate(created),
            acquainted,
        )
    if kind == "interview":
        _, contacts, day, status, thanked, thanked_on, referrals, tasks, sections, *body = data
        questions, other_text, people, lines, plain_names, named, from_touch = body
        return Interview(
            _unlinks(contacts),
            _undate(day),
            cast(InterviewStatus, _word(status)) if status else None,
            thanked,
            _undate(thanked_on),
            _unlinks(referrals),
            Body(
                _untasks(tasks),
                _sections(sections),
                questions,
                other_text,
                _unlinks(people),
                tuple(named),
            ),
            _unlines(lines),
            plain_names,
            from_touch,
        )
    if kind == "touch":
        return Touch(_unlinks(data[1]), _undate(data[2]), data[3], data[4])
    if kind == "application":
        _, organization, role, stage, applied, follow_up, deadline, asked, followed, lines = data
        return Application(
            Link(*organization) if organization else None,
            role,
            stage,
            _undate(applied),
            _undate(follow_up),
            _undate(deadline),
            _undate(asked),
            _undates(followed),
            _unlines(lines),
        )
    return Organization(data[1], data[2])
