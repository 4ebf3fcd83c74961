"""Finding the one note a name on the command line means, the way links are resolved."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import VaultError
from .model import Contact, Interview, Note, Organization, Record

KINDS: dict[str, type[Record]] = {
    "contact": Contact,
    "interview": Interview,
    "organization": Organization,
}


class NameLookupError(VaultError):
    """A name on the command line matches no note, or several."""


def find_note(notes: Iterable[Note], name: str, kind: str | None = None) -> Note:
    """The note `name` means: a path, a file name, then a `name` or alias, ignoring case.

    Only notes of `kind` (contact, interview, organization) are considered when given.
    Raises NameLookupError listing the candidates when there is no match or several.
    """
    wanted = name.strip().removesuffix(".md").strip("/").casefold()
    pool = [n for n in notes if kind is None or isinstance(n.record, KINDS[kind])]
    matchers = (
        lambda n: n.path[:-3].casefold() == wanted,
        lambda n: n.name.casefold() == wanted,
        lambda n: wanted in {n.title.casefold(), *(a.casefold() for a in n.aliases)},
    )
    for matches in matchers:
        found = [note for note in pool if matches(note)]
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(sorted(note.path for note in found))
            raise NameLookupError(f'"{name}" matches {len(found)} notes: {listed}; give the path')
    what = f"{kind} note" if kind else "note"
    known = sorted({n.name for n in pool} | {n.title for n in pool})
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise NameLookupError(f'no {what} named "{name}"{hint}')
