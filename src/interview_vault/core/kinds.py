"""The kinds of note the rules read, and everything tied to a kind, in one table."""

from __future__ import annotations

from typing import NamedTuple

from .model import Application, Contact, Interview, Note, Organization, Record, Touch


class Kind(NamedTuple):
    name: str  # how settings and messages name it
    record: type[Contact | Interview | Organization | Application | Touch]  # read as this
    command: str  # `vault new COMMAND` ("": none)


# (How a vault marks each kind, and where new notes of it go: the `[kinds]` settings.)
KINDS = (
    Kind("contact", Contact, "contact"),
    Kind("interview", Interview, "interview"),
    Kind("organization", Organization, "org"),
    Kind("application", Application, ""),
    Kind("touch", Touch, ""),
)
_BY_NAME = {kind.name: kind for kind in KINDS}
_BY_RECORD = {kind.record: kind for kind in KINDS}


def kind_named(name: str) -> Kind:
    """The kind called `name` (contact, interview, organization, application, touch)."""
    return _BY_NAME[name]


def kind_of(record: Record | None) -> str | None:
    """The name of a record's kind; None for an ordinary note."""
    kind = _BY_RECORD.get(type(record)) if record is not None else None
    return kind.name if kind else None


def is_kind(record: Record | None, kinds: tuple[str, ...] | None) -> bool:
    """Whether a record is of one of these kinds (of any, when `kinds` is None)."""
    return kinds is None or kind_of(record) in kinds


def category_of(note: Note) -> str:
    """What a note was read as: its kind, `unreadable` (an error, and no kind), or `other`."""
    kind = kind_of(note.record)
    if kind is not None:
        return kind
    return "unreadable" if any(p.severity == "error" for p in note.problems) else "other"
