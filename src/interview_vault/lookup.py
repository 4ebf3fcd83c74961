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
    notes = list(notes)
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
    for note in notes:  # a note of that name that could not be read: say that, not "no note"
        errors = [p for p in note.problems if p.severity == "error"]
        if errors and wanted in (note.name.casefold(), note.path[:-3].casefold()):
            problem = errors[0]
            where = f"{problem.note}:{problem.line}" if problem.line else problem.note
            raise NameLookupError(f"{where}: {problem.message}; fix it first")
    what = f"{kind} note" if kind else "note"
    raise NameLookupError(f'no {what} named "{name}"{_suggestions(pool, wanted)}')


def _suggestions(pool: list[Note], wanted: str) -> str:
    """'; did you mean Ama Agyapong?': names a word of which starts so, or spelled alike."""
    known = {name.casefold(): name for n in pool for name in (n.name, n.title, *n.aliases)}
    starting = [
        shown
        for folded, shown in known.items()
        if any(w.startswith(wanted) for w in folded.split())
    ]
    close = [known[f] for f in difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)]
    hints = sorted({*starting, *close}, key=str.casefold)[:5]
    return f"; did you mean {', '.join(hints)}?" if hints else ""
