"""The kinds of note the rules read, and everything tied to a kind, in one table."""

from __future__ import annotations

from typing import NamedTuple

from .model import Contact, Interview, Organization, Record


class Kind(NamedTuple):
    name: str  # its `type:` value (read in any case), and how messages name it
    record: type[Contact | Interview | Organization]  # what the notes of this kind are read as
    folder: str  # where `vault new` puts a new one
    template: str  # the file it starts from, in the templates folder
    command: str  # `vault new COMMAND`


KINDS = (
    Kind("contact", Contact, "Contacts", "Contact.md", "contact"),
    Kind("interview", Interview, "Interviews", "Interview.md", "interview"),
    Kind("organization", Organization, "Organizations", "Organization.md", "org"),
)
_BY_NAME = {kind.name: kind for kind in KINDS}
_BY_RECORD = {kind.record: kind for kind in KINDS}


def kind_named(name: str) -> Kind:
    """The kind called `name` (contact, interview, organization)."""
    return _BY_NAME[name]


def kind_of(record: Record | None) -> str | None:
    """The name of a record's kind; None for an ordinary note."""
    kind = _BY_RECORD.get(type(record)) if record is not None else None
    return kind.name if kind else None


def is_kind(record: Record | None, kinds: tuple[str, ...] | None) -> bool:
    """Whether a record is of one of these kinds (of any, when `kinds` is None)."""
    return kinds is None or kind_of(record) in kinds
