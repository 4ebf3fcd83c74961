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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Problem

MIN_SAME = 5  # a copy has at least this many notes with the same bytes as the other's
PLACED = 0.9  # and of its notes, at least this share have one at the same place there
# Words in a folder's path that say it is the copy, of two that repeat each other
COPY_WORDS = frozenset(
    {
        "copy", "backup", "backups", "bak", "old", "original", "orig", "archive", "archived",
        "snapshot", "snapshots",
    }
)  # fmt: skip


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
    was taken from. Unless its own path says it is the copy where the other's does not, a
    folder is no copy of one that has a note where it has none (a live folder that lost
    notes since a backup was taken is no copy of the backup); of two folders that are
    then each a copy of the other, the copy is the one with fewer notes, else the deeper,
    else the later by path (`People 2/` after `People/`). A folder whose original lies
    inside a copy is none (`People/` beside `Snapshot/People/`, `Snapshot/` a copy of the
    vault).

    Linear in the notes: of notes with the same bytes and file name, each is paired with
    one of them only (the original: outside folders named as copies, the shortest path),
    and a pair of folders is looked inside only when it is no copy itself."""
    first: dict[bytes, str] = {}
    repeated: dict[bytes, list[str]] = {}
    for path, content in hashes.items():
        seen = first.setdefault(content, path)
        if seen is not path and content:  # (b"": a note that could not be read)
            repeated.setdefault(content, [seen]).append(path)
    if not repeated:
        return []
    # The notes' places below each pair of folders in which notes with the same bytes are
    # at the same place: (`_original`, ""): [`People/Ana.md`, ...]; the pair outermost
    pairs: dict[tuple[str, str], list[str]] = {}
    rank = _original_rank({})
    for paths in repeated.values():
        name = paths[0].rpartition("/")[2]
        if any(path.rpartition("/")[2] != name for path in paths):
            continue  # the same bytes under other names: a stub (a template's unfilled copy)
        original = min(paths, key=rank)
        for path in paths:
            if path is not original:
                one, other, place = _split(path, original)
                pairs.setdefault((one, other) if one < other else (other, one), []).append(place)
    listing = sorted(hashes)
    best: dict[str, Copy] = {}
    waiting = [(one, other, places) for (one, other), places in pairs.items()]
    while waiting:
        one, other, places = waiting.pop()
        if len(places) < MIN_SAME:
            continue
        found = [
            copy
            for folder, of in ((one, other), (other, one))
            if (copy := _copy_of(folder, of, listing, hashes)) is not None
        ]
        if found:  # (both: the same notes at the same places; the copy by rank)
            copy = max(found, key=lambda copy: _copy_rank(copy, copy.of))
            if _stronger(copy, best.get(copy.folder)):
                best[copy.folder] = copy
            continue
        deeper: dict[str, list[str]] = {}
        for place in places:
            part, _, rest = place.partition("/")
            if rest:
                deeper.setdefault(part, []).append(rest)
        waiting += [(_join(one, part), _join(other, part), rest) for part, rest in deeper.items()]
    copies = [
        copy
        for copy in best.values()
        if not any(
            other is not copy
            and (_inside(copy.folder, other.folder) or _inside(copy.of, other.folder))
            for other in best.values()
        )
    ]
    copies.sort(key=lambda copy: copy.folder)
    return copies


def _split(path: str, original: str) -> tuple[str, str, str]:
    """(path's folder, original's folder, place): the paths with the end they share (the
    file name at least) cut off, and that end."""
    ones, others = path.split("/"), original.split("/")
    shared, most = 1, min(len(ones), len(others))
    while shared < most and ones[-1 - shared] == others[-1 - shared]:
        shared += 1
    return "/".join(ones[:-shared]), "/".join(others[:-shared]), "/".join(ones[-shared:])


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _inside(path: str, folder: str) -> bool:
    """Whether a vault-relative path is the folder or inside it (the root is in none)."""
    return bool(path and folder) and (path == folder or path.startswith(f"{folder}/"))


def _original_rank(named: dict[str, bool]) -> Callable[[str], tuple[bool, int, int, str]]:
    """Of notes with the same bytes and name, which the others are compared with: the
    lowest (outside folders named as copies, then the shortest path). `named`: whether
    each folder's path has a word of COPY_WORDS, as found so far."""

    def rank(path: str) -> tuple[bool, int, int, str]:
        folder = path.rpartition("/")[0]
        said = named.get(folder)
        if said is None:
            said = named[folder] = bool(set(_WORDS.findall(folder.casefold())) & COPY_WORDS)
        return said, path.count("/"), len(path), path

    return rank


def _under(folder: str, listing: list[str]) -> list[str]:
    """The notes in a folder, at any depth (the root's: all), of all the notes sorted."""
    if not folder:
        return listing
    start = bisect_left(listing, f"{folder}/")
    return listing[start : bisect_left(listing, f"{folder}0", start)]  # ("0" follows "/")


def _copy_of(folder: str, of: str, listing: list[str], hashes: Mapping[str, bytes]) -> Copy | None:
    """`folder` as a copy of `of`, if it is one (see `find_copies`)."""
    if not folder or f"{of}/".startswith(f"{folder}/"):
        return None  # (the root is never a copy, nor a folder one of what it holds)
    says, denies = _says_copy(folder, of), _says_copy(of, folder)
    if denies and not says:
        return None
    found = _compare(folder, of, _under(folder, listing), hashes)
    if found is None or (says and not denies) or not _lacks(of, folder, listing, hashes):
        return found
    return None


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


def _lacks(of: str, folder: str, listing: list[str], hashes: Mapping[str, bytes]) -> bool:
    """Whether `of` has a note with none at the same place in `folder` (those of its notes
    inside `folder` aside)."""
    start = len(of) + 1 if of else 0
    inside = f"{folder}/"
    return any(
        not path.startswith(inside) and f"{inside}{path[start:]}" not in hashes
        for path in _under(of, listing)
    )


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
