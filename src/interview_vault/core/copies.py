"""Copies of notes inside the vault: a folder whose notes repeat, file for file, those of
another folder (a backup kept inside the vault: `_original/`, `Archive/old vault/`,
`People copy/`), so that every person, meeting and promise in it is read twice.

Found from the notes' paths and content hashes alone. Notes with the same bytes and the
same file name say which two folders may hold a copy (`_original/People/Ana.md` and
`People/Ana.md`: `_original` and the vault's root, and `_original/People` and `People`);
only such folders are then looked at, note by note, each a lookup of the note at the same
place in the other. A vault without repeated notes costs one dictionary entry per note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Problem

MIN_SAME = 5  # a copy has at least this many notes with the same bytes as the other's
PLACED = 0.9  # and of its notes, at least this share have one at the same place there
# Bytes that more notes than this share are a stub's (an empty note, a template's
# unfilled copy), no evidence that one folder copies another.
MOST_ALIKE = 8
# Words in a folder's path that say it is the copy, of two that repeat each other
COPY_WORDS = frozenset(
    {"copy", "backup", "backups", "bak", "old", "original", "orig", "archive", "archived"}
)


@dataclass(frozen=True)
class Copy:
    """A folder (vault-relative) whose notes repeat those at the same places in `of` (the
    vault's root when empty)."""

    folder: str
    of: str
    notes: int  # in the folder, at any depth
    placed: int  # of them, those with a note at the same place in `of`
    same: int  # and of those, the ones with the same bytes


def find_copies(hashes: Mapping[str, bytes]) -> list[Copy]:
    """The folders that are copies, by path, none inside another: at least MIN_SAME of a
    folder's notes have the same bytes as the note at the same place in another folder (or
    the root) outside it, they are more than half of its notes, and nine in ten of its
    notes have a note at that place (a backup's notes edited since, or removed since,
    aside). A folder is no copy of one whose path says it is one (COPY_WORDS) when its own
    does not: `Projects/` whose notes are all in `Archive/Projects/` is what the archive
    was taken from. Of two folders that are each a copy of the other, the copy is the one
    whose path says so, else the one with fewer notes, else the deeper, else the later by
    path (`People copy/` after `People/`)."""
    first: dict[bytes, str] = {}
    repeated: dict[bytes, list[str]] = {}
    for path, content in hashes.items():
        seen = first.setdefault(content, path)
        if seen is not path and content:  # (b"": a note that could not be read)
            repeated.setdefault(content, [seen]).append(path)
    if not repeated:
        return []
    votes: Counter[tuple[str, str]] = Counter()
    for paths in repeated.values():
        if len(paths) <= MOST_ALIKE:
            for one in paths:
                for other in paths:
                    if one is not other:
                        votes.update(_places(one, other))
    candidates = [
        (folder, of)
        for (folder, of), count in votes.items()
        if count >= MIN_SAME and (not _says_copy(of, folder) or _says_copy(folder, of))
    ]
    if not candidates:
        return []
    under = _notes_under({folder for folder, _ in candidates}, hashes)
    best: dict[str, Copy] = {}
    for folder, of in candidates:
        found = _compare(folder, of, under[folder], hashes)
        if found is not None and _stronger(found, best.get(folder)):
            best[folder] = found
    copies = [
        found
        for found in best.values()
        if (mirror := best.get(found.of)) is None
        or mirror.of != found.folder
        or _copy_rank(found, mirror.folder) > _copy_rank(mirror, found.folder)
    ]
    copies.sort(key=lambda found: found.folder)
    outer: list[Copy] = []
    for found in copies:  # (sorted: a folder comes before those inside it)
        if not any(found.folder.startswith(f"{kept.folder}/") for kept in outer):
            outer.append(found)
    return outer


def _places(one: str, other: str) -> Iterable[tuple[str, str]]:
    """The pairs of folders (first's, second's) in which two notes with the same bytes are
    at the same place: their paths with the end they share cut off (one file name at
    least), and each folder of that end added back to both. A pair whose first folder is
    the root, or holds the second, is none (the root is never a copy)."""
    ones, others = one.split("/"), other.split("/")
    shared = 0
    while shared < min(len(ones), len(others)) and ones[-1 - shared] == others[-1 - shared]:
        shared += 1
    if shared == 0:
        return
    cut_one, cut_other = len(ones) - shared, len(others) - shared
    for more in range(shared):  # (the folders of the shared end; the file name never)
        folder = "/".join(ones[: cut_one + more])
        of = "/".join(others[: cut_other + more])
        if folder and not f"{of}/".startswith(f"{folder}/"):
            yield folder, of


def _notes_under(folders: set[str], hashes: Mapping[str, bytes]) -> dict[str, list[str]]:
    """The notes in each of these folders, at any depth."""
    found: dict[str, list[str]] = {folder: [] for folder in folders}
    for path in hashes:
        folder = path
        while (cut := folder.rfind("/")) > 0:
            folder = folder[:cut]
            if folder in found:
                found[folder].append(path)
    return found


def _compare(folder: str, of: str, notes: list[str], hashes: Mapping[str, bytes]) -> Copy | None:
    """`folder` as a copy of `of`, if it is one."""
    placed = same = 0
    start = len(folder) + 1
    for path in notes:
        there = f"{of}/{path[start:]}" if of else path[start:]
        content = hashes.get(there)
        if content is not None:
            placed += 1
            same += content == hashes[path] and bool(content)
    if same < MIN_SAME or same * 2 <= len(notes) or placed < PLACED * len(notes):
        return None
    return Copy(folder, of, len(notes), placed, same)


def _stronger(found: Copy, other: Copy | None) -> bool:
    """Whether `found` says more than `other` of what its folder copies: more notes the
    same, then the folder nearer the root (the vault's root first)."""
    if other is None:
        return True
    return (-found.same, found.of.count("/") + bool(found.of), found.of) < (
        -other.same,
        other.of.count("/") + bool(other.of),
        other.of,
    )


def _says_copy(path: str, other: str) -> bool:
    """Whether a folder's path says it is a copy where the other's does not: a word of
    COPY_WORDS the other lacks (`_original/Archives` beside `Archives`)."""
    words = set(_WORDS.findall(path.casefold())) - set(_WORDS.findall(other.casefold()))
    return bool(words & COPY_WORDS)


def _copy_rank(found: Copy, other: str) -> tuple[bool, int, int, str]:
    """How surely a folder, of two each a copy of the other, is the copy: the higher."""
    folder = found.folder
    return (_says_copy(folder, other), -found.notes, folder.count("/"), folder)


_WORDS = re.compile(r"[^\W_]+")


def said_once(problems: Iterable[Problem], copies: Sequence[Copy]) -> list[Problem]:
    """The problems, but those of the notes inside a copy, whose warning is said instead:
    one line for the folder, not one for each note it repeats (a copy's notes have the
    problems of the notes they copy, and their links meet the same notes twice)."""
    if not copies:
        return list(problems)
    inside = tuple(f"{found.folder}/" for found in copies)
    kept = [problem for problem in problems if not problem.note.startswith(inside)]
    return [*kept, *map(copy_problem, copies)]


def outside_copies(paths: Iterable[str], copies: Sequence[Copy]) -> list[str]:
    """The paths that are not inside a copy."""
    inside = tuple(f"{found.folder}/" for found in copies)
    return [path for path in paths if not path.startswith(inside)] if inside else list(paths)


def copy_problem(found: Copy) -> Problem:
    """ "_original: a copy of notes in the vault's root: 60 of its 60 notes are ...": one
    line for the whole folder, not one for each note it repeats."""
    message = (
        f"a copy of notes in {where_copied(found)}: {found.same:,} of its {found.notes:,} "
        "notes are the same as those at the same place there, so each person, meeting and "
        f'promise in it is read twice; leave it out with [vault] exclude = ["{found.folder}"] '
        "(vault adopt proposes it)"
    )
    return Problem(found.folder, None, "warning", message)


def where_copied(found: Copy) -> str:
    """The folder a copy repeats, as messages name it: `People/`, or the vault's root."""
    return f"{found.of}/" if found.of else "the vault's root"
