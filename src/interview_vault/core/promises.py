"""Whose promise an open task is: yours (a commitment), or someone's you are waiting on.
Pure.

A task is theirs when it starts with a link to them or their full name (`[[Alice Chen]]
sign-off`, `[Alice](Alice%20Chen.md) sign-off`, `Maria Gomez: send the posting`), when, in
a note about them, it starts with their first name (or another of their names) and "to",
"will", "should", "promised", "offered", "owes", a colon or a dash (`Maria to send the
posting`, `Lee: intro to Sam`, `Alex - make the dashboard`), or when it carries `#waiting`.
An `@` before the link or the name marks it as theirs with or without a colon or a verb
(`@Max: send the note`, `@Matt Ober update`, `@[[Matt Ober]] review`). Every other open task
is yours (`@Chuck: ...`, the vault owner's, too: the owner is nobody's note).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .graph import Person
from .links import leading_link
from .model import Task
from .names import folded, loose_key

# (a dash between spaces too: a meeting's action items are often "Alex - make the dashboard")
_THEIR_VERBS = r"(?=\s+(?:to|will|should|promised|offered|owes)\b|\s*:|\s+[-–—]\s)"
_WAITING_TAG = re.compile(r"(?:^|\s)#waiting\b", re.IGNORECASE)
# What may follow a link to them that starts their task: a colon, or a dash between spaces
_AFTER_LINK = re.compile(r"\s*(?::|[-–—](?=\s))?\s*")
# What is left out of their task's text after their name: "to", "will", "should", a colon,
# a dash
_JOINER = re.compile(r"^(?:\s*:|\s+[-–—](?=\s)|\s*\b(?:to|will|should)\b)?\s*", re.IGNORECASE)


def waiting_on(
    task: Task, people: Sequence[Person], about: Iterable[Person] = ()
) -> tuple[Person, str] | None:
    """(whom a task waits on, what they are to do) when it is someone's of `people`, else
    None; `about` are the people whose note (or meeting) it is written in, whose first
    names alone say it is theirs."""
    text = task.words
    near = set(map(id, about))
    # (`@Max: ...`: the mark says a person's name follows; what they are to do is after it)
    marked = task.text[:1] == "@"
    written = task.text[1:] if marked else task.text
    named = text[1:] if marked and text[:1] == "@" else text
    linked = leading_link(written)
    if linked is not None:
        target, end = loose_key(linked[0]), linked[1]
        after = _AFTER_LINK.match(written, end)  # (always: all of it may be empty)
        for person in people:
            if target in _loose_names(person):
                rest = task._replace(text=written[after.end() if after else end :]).words
                return person, _JOINER.sub("", rest, count=1) or text
    lead = _lead(named)
    for person in people:
        names = _names(person)
        if lead not in _leads(names):
            continue  # (it starts with none of their names: no pattern to try)
        found = _their_pattern(names, id(person) in near, marked).match(named)
        if found is not None:
            return person, _JOINER.sub("", named[found.end() :], count=1) or text
    if _WAITING_TAG.search(task.text) and people:
        return people[0], text
    return None


def is_theirs(task: Task, person: Person, about: bool = True) -> bool:
    """Whether the task is something `person` said they would do, not you."""
    return waiting_on(task, [person], [person] if about else ()) is not None


def _names(person: Person) -> tuple[str, ...]:
    names = {person.name}
    if person.note is not None:
        names.update((person.note.name, person.note.title, *person.note.aliases))
    return tuple(sorted(names))


# The first word of a text, as a task that starts with one of someone's names starts with
# that name's: most tasks ("Send Lee the deck") start with none, and need no pattern.
_LEAD = re.compile(r"\W*(\w*)")


def _lead(text: str) -> str:
    found = _LEAD.match(text)
    return found.group(1).lower() if found else ""


@lru_cache(maxsize=65536)
def _leads(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_lead(name) for name in names)


def _loose_names(person: Person) -> set[str]:
    return {loose_key(name) for name in _names(person)}


@lru_cache(maxsize=4096)
def _their_pattern(names: tuple[str, ...], near: bool, marked: bool) -> re.Pattern[str]:
    """Their full names followed by anything; in a note about them, also their first
    names (and other names) followed by "to", "will"... or a colon, or by anything after
    an `@` (`marked`: `@Max send the note`)."""
    full = {name for name in names if len(name.split()) > 1}
    short = {name for name in names} - full
    firsts = {name.split()[0] for name in full}
    short |= {first for first in firsts if not first.endswith(".") and folded(first) != "dr"}
    alternatives = [rf"(?:{_either(full)})\b" if full else ""]
    if near and short:
        alternatives.append(rf"(?:{_either(short)})" + (r"\b" if marked else _THEIR_VERBS))
    pattern = "|".join(a for a in alternatives if a) or r"(?!)"
    return re.compile(rf"(?:{pattern})", re.IGNORECASE)


def _either(names: set[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
