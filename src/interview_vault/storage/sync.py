"""Bringing the index up to date with the folder: stat walk, diff, re-read only what changed.

`diff` says which notes changed; this applies it: reads them (in worker processes when
there are many), parses what is new, and stores it in the index a batch at a time.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..core.conventions import conventions_of, reading_conventions
from ..core.kinds import kind_of
from ..core.model import Note, Problem
from ..core.settings import (
    KindsSettings,
    LimitSettings,
    LogSettings,
    PropertySettings,
    Settings,
)
from ..notes.parse import parse_note, unreadable_note
from .codec import decode_note, encode_note
from .diff import NoteFile, Row, diff_listings
from .folder import notes_at, read_inside, walk_notes
from .index import Entry, Index

OUTSIDE = "it links to a file outside the vault, which is not read"
DEFAULT_READING = (
    KindsSettings(),
    PropertySettings(),
    LimitSettings(),
    (),
    ("", ""),
    LogSettings(),
    (),
)
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 1000
BATCHES_PER_WORKER = 32
# Up to this many changed notes, the sync keeps them as they were (see `_previous`).
PREVIOUS_UP_TO = 200


@dataclass
class SyncReport:
    """What one update found; `unreadable` notes are kept out of the index."""

    added: int = 0
    modified: int = 0
    removed: int = 0
    unchanged: int = 0
    unreadable: list[Note] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # paths of new or changed notes
    # those notes decoded, with their content hash: decoded while the workers parse the rest
    decoded: dict[str, tuple[bytes, Note]] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)  # paths no longer in the index
    # the changed notes as they were indexed before, with their content hash (for a small
    # sync only: see `_previous`)
    previous: dict[str, tuple[bytes, Note]] = field(default_factory=dict)
    hashes: dict[str, bytes] = field(default_factory=dict)  # every indexed note's, after
    generation: str = ""  # the index's, right after the sync: what `hashes` describe

    def take_decoded(self) -> dict[str, tuple[bytes, Note]]:
        """The decoded notes, no longer kept here: the run needs them once, and they are big."""
        decoded, self.decoded = self.decoded, {}
        return decoded

    @property
    def changed(self) -> bool:
        return bool(self.added or self.modified or self.removed)

    def summary(self) -> str:
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.added, "added"),
                (self.modified, "modified"),
                (self.removed, "removed"),
            )
            if count
        ]
        return ", ".join(parts) or "no note changed"


class ReadResult(NamedTuple):  # (a tuple: the workers send 30,000 of them, unpickled fast)
    path: str
    hash: bytes
    type: str | None
    note: str | None  # encoded; None when the file could not be read
    error: str | None = None


def content_hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


# How the vault marks kinds and names properties, who owns it and where its daily notes
# are: what parsing a note depends on, besides its bytes (and picklable, for the worker
# processes).
Reading = tuple[
    KindsSettings,
    PropertySettings,
    LimitSettings,
    tuple[str, ...],
    tuple[str, str],
    LogSettings,
    tuple[str, ...],
]


def reading_of(settings: Settings) -> Reading:
    owner, daily, log, statuses = reading_conventions(settings)
    return settings.kinds, settings.properties, settings.limits, owner, daily, log, statuses


def read_batch(
    root: str, batch: list[tuple[str, bytes | None]], reading: Reading = DEFAULT_READING
) -> list[ReadResult]:
    """Read, hash and parse files; skip the parse where the hash is the one already known."""
    results = []
    for path, known_hash in batch:
        try:
            data = read_inside(root, path)
        except FileNotFoundError:
            results.append(ReadResult(path, b"", None, None, "it disappeared while being read"))
            continue
        except OSError as error:
            results.append(ReadResult(path, b"", None, None, error.strerror or str(error)))
            continue
        if data is None:
            results.append(ReadResult(path, b"", None, None, OUTSIDE))
            continue
        digest = content_hash(data)
        if digest == known_hash:
            results.append(ReadResult(path, digest, None, None))
            continue
        kinds, properties, limits, owner, daily, log, statuses = reading
        rules = conventions_of(kinds, properties, owner, daily, log, statuses)
        note = parse_note(path, data, rules, limits)
        results.append(ReadResult(path, digest, kind_of(note.record), encode_note(note)))
    return results


def read_files(
    root: Path, wanted: list[tuple[str, bytes | None]], reading: Reading
) -> Iterator[ReadResult]:
    """`read_batch` over both cores when there is enough to read; results come as each
    batch is done, so that the caller's work on them overlaps the reading of the rest."""
    workers = min(os.cpu_count() or 1, 4)
    if len(wanted) < PARALLEL_FROM or workers < 2:
        yield from read_batch(str(root), wanted, reading)
        return
    # Small batches: the last one keeps one core busy while the other waits, and the main
    # process decodes each as it comes; 32 per worker (about 500 notes each on 30,000) make
    # that wait short, and cost nothing measurable in sending them.
    size = max(50, len(wanted) // (workers * BATCHES_PER_WORKER))
    batches = [wanted[start : start + size] for start in range(0, len(wanted), size)]
    from concurrent.futures import ProcessPoolExecutor  # costs 25 ms to import: only when used

    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rooted = [str(root)] * len(batches)
            for results in pool.map(read_batch, rooted, batches, [reading] * len(batches)):
                done += 1
                yield from results
    except (OSError, RuntimeError):  # no processes to be had: read the rest here
        for batch in batches[done:]:
            yield from read_batch(str(root), batch, reading)


def sync_index(root: Path, settings: Settings, index: Index, problems: list[Problem]) -> SyncReport:
    """Make the index match the folder; the files are the truth."""
    index.read_with(_fingerprint(settings))
    started = time.time_ns()
    files = walk_notes(root, settings, problems)
    return _sync(root, index, files, index.rows(), reading_of(settings), started)


def sync_paths(
    root: Path, settings: Settings, index: Index, paths: Iterable[str], problems: list[Problem]
) -> SyncReport:
    """Make the index match the folder at these vault-relative paths only: files, or folders
    with everything under them (what the watcher heard of); `hashes` holds theirs only."""
    if index.read_with(_fingerprint(settings)):
        return sync_index(root, settings, index, problems)  # every note is to be read again
    files: dict[str, NoteFile] = {}
    rows: dict[str, Row] = {}
    started = time.time_ns()
    for path in paths:
        rows.update((row[0], row) for row in index.rows_at(path))
        files.update((found.path, found) for found in notes_at(root, settings, path, problems))
    found = sorted(files.values())
    return _sync(root, index, found, sorted(rows.values()), reading_of(settings), started)


def _fingerprint(settings: Settings) -> str:
    """What the index's notes were parsed with, besides their bytes: the conventions."""
    return hashlib.sha256(repr(reading_of(settings)).encode()).hexdigest()


# A file modified this close to the walk that read it may be modified again within the same
# tick of the file system's clock, and look unchanged: such a file's row is "smudged" (as
# git does), so the next run reads it again (the content hash then tells if it changed).
_RACY_NS = 2 * 10**9  # two seconds: FAT's tick; others' are finer


def _stamped(found: NoteFile, started: int) -> tuple[str, int, int, int, int]:
    """The row's stamp for a file: as found, but with the modification time smudged (-1)
    when it is too close to the time the walk began."""
    mtime_ns = found.mtime_ns if found.mtime_ns < started - _RACY_NS else -1
    return found.path, mtime_ns, found.size, found.ctime_ns, found.inode


STORE_BATCH = 2000  # notes written to the index in one go while the rest are read


def _sync(
    root: Path,
    index: Index,
    files: list[NoteFile],
    rows: list[Row],
    reading: Reading,
    started: int,
) -> SyncReport:
    """Bring the index's `rows` in line with `files`, the notes found where they are (both
    sorted by path)."""
    diff = diff_listings(files, rows)
    report = SyncReport(unchanged=diff.unchanged)
    removed = diff.removed
    stored: list[Entry] = []  # (written to the index a batch at a time: a vault's worth
    # of encoded notes is never all in memory at once)
    new_hashes: dict[str, bytes] = {}
    touched: list[tuple[str, int, int, int, int]] = []
    by_path = {found.path: (found, known) for found, known in diff.to_read}
    wanted = [(found.path, known) for found, known in diff.to_read]
    report.previous = _previous(index, wanted)
    for result in read_files(root, wanted, reading):
        found, known = by_path[result.path]
        if result.error is not None:
            if known is not None:
                removed.append(result.path)
            message = f"cannot read the file: {result.error}"
            report.unreadable.append(unreadable_note(result.path, message))
        elif result.note is None:
            touched.append(_stamped(found, started))  # saved, not changed: a new stamp
            report.unchanged += 1
        else:
            path, mtime_ns, size, ctime_ns, inode = _stamped(found, started)
            stored.append(
                Entry(path, mtime_ns, size, result.hash, ctime_ns, inode, result.type, result.note)
            )
            report.stored.append(found.path)
            report.decoded[found.path] = (result.hash, decode_note(result.note))
            new_hashes[found.path] = result.hash
            if len(stored) >= STORE_BATCH:
                index.apply(stored, (), ())
                stored.clear()
            if known is not None:
                report.modified += 1
            else:
                report.added += 1
    index.apply(stored, touched, removed)
    report.generation = index.generation()
    report.hashes = {row[0]: row[3] for row in rows}
    report.deleted = [path for path in removed if path in report.hashes]
    report.removed = len(report.deleted)
    for path in report.deleted:
        del report.hashes[path]
    report.hashes.update(new_hashes)
    return report


def _previous(
    index: Index, wanted: list[tuple[str, bytes | None]]
) -> dict[str, tuple[bytes, Note]]:
    """The indexed notes about to be read again, as they are now: a digest kept up to date
    compares each with what it becomes, and where no other note can see the change (a
    promise added to a contact's note), recomputes that note's part alone. Only for a few
    notes (a save, a command's edit): a large sync recomputes widely anyway."""
    known = {path: content for path, content in wanted if content is not None}
    if not known or len(known) > PREVIOUS_UP_TO:
        return {}
    # (the hash read with each note: another run may have indexed a newer one since the
    # listing `known` comes from, and the note must be the one its hash says)
    return {note.path: (content, note) for content, note in index.hashed_notes_at(known)}


def read_all_notes(
    root: Path, settings: Settings, problems: list[Problem], hashes: dict[str, bytes] | None = None
) -> list[Note]:
    """Every note read from scratch, without the index; `hashes`, when given, gets each
    note's content hash (what tells a copy of notes: `core.copies`)."""
    files = walk_notes(root, settings, problems)
    notes: list[Note] = []
    for result in read_files(root, [(f.path, None) for f in files], reading_of(settings)):
        if result.note is not None:
            notes.append(decode_note(result.note))
            if hashes is not None:
                hashes[result.path] = result.hash
        elif result.error is not None:
            notes.append(unreadable_note(result.path, f"cannot read the file: {result.error}"))
    return notes


def merge_notes(stored: list[Note], extra: Iterable[Note]) -> list[Note]:
    return sorted([*stored, *extra], key=lambda note: note.path)
