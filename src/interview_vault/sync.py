"""Bringing the index up to date with the folder: stat walk, diff, re-read only what changed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .codec import decode_note, encode_note
from .config import Settings
from .index import Entry, Index, Stamp
from .model import Contact, Interview, Note, Organization, Problem
from .parse import parse_note
from .vault import NoteFile, notes_at, unreadable_note, walk_notes

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 1000


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


@dataclass(frozen=True, slots=True)
class ReadResult:
    path: str
    hash: bytes
    type: str | None
    note: str | None  # encoded; None when the file could not be read
    error: str | None = None


def content_hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _type_of(note: Note) -> str | None:
    record = note.record
    if isinstance(record, Contact):
        return "contact"
    if isinstance(record, Interview):
        return "interview"
    if isinstance(record, Organization):
        return "organization"
    return None


def read_batch(root: str, batch: list[tuple[str, bytes | None]]) -> list[ReadResult]:
    """Read, hash and parse files; skip the parse where the hash is the one already known."""
    results = []
    for path, known_hash in batch:
        try:
            data = Path(root, path).read_bytes()
        except FileNotFoundError:
            results.append(ReadResult(path, b"", None, None, "it disappeared while being read"))
            continue
        except OSError as error:
            results.append(ReadResult(path, b"", None, None, error.strerror or str(error)))
            continue
        digest = content_hash(data)
        if digest == known_hash:
            results.append(ReadResult(path, digest, None, None))
            continue
        note = parse_note(path, data)
        results.append(ReadResult(path, digest, _type_of(note), encode_note(note)))
    return results


def read_files(root: Path, wanted: list[tuple[str, bytes | None]]) -> Iterator[ReadResult]:
    """`read_batch` over both cores when there is enough to read; results come as each
    batch is done, so that the caller's work on them overlaps the reading of the rest."""
    workers = min(os.cpu_count() or 1, 4)
    if len(wanted) < PARALLEL_FROM or workers < 2:
        yield from read_batch(str(root), wanted)
        return
    size = max(50, len(wanted) // (workers * 8))
    batches = [wanted[start : start + size] for start in range(0, len(wanted), size)]
    from concurrent.futures import ProcessPoolExecutor  # costs 25 ms to import: only when used

    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for results in pool.map(read_batch, [str(root)] * len(batches), batches):
                done += 1
                yield from results
    except (OSError, RuntimeError):  # no processes to be had: read the rest here
        for batch in batches[done:]:
            yield from read_batch(str(root), batch)


def sync_index(root: Path, settings: Settings, index: Index, problems: list[Problem]) -> SyncReport:
    """Make the index match the folder; the files are the truth."""
    return _sync(root, index, walk_notes(root, settings, problems), index.rows())


def sync_paths(
    root: Path, settings: Settings, index: Index, paths: Iterable[str], problems: list[Problem]
) -> SyncReport:
    """Make the index match the folder at these vault-relative paths only: files, or folders
    with everything under them (what the watcher heard of); `hashes` holds theirs only."""
    files: dict[str, NoteFile] = {}
    known: dict[str, Stamp] = {}
    for path in paths:
        known.update(index.rows_at(path))
        for found in notes_at(root, settings, path, problems):
            files[found.path] = found
    return _sync(root, index, sorted(files.values(), key=lambda f: f.path), known)


def _sync(root: Path, index: Index, files: list[NoteFile], known: dict[str, Stamp]) -> SyncReport:
    """Bring the index's `known` rows in line with `files`, the notes found where they are."""
    report = SyncReport()
    changed: list[NoteFile] = []
    for found in files:
        path, mtime_ns, size = found
        row = known.get(path)
        if row is not None and row[0] == mtime_ns and row[1] == size:
            report.unchanged += 1
        else:
            changed.append(found)
    removed = sorted(known.keys() - {found.path for found in files})
    by_path = {found.path: found for found in changed}
    stored: list[Entry] = []
    touched: list[tuple[str, int, int]] = []
    wanted = [(f.path, known[f.path][2] if f.path in known else None) for f in changed]
    for result in read_files(root, wanted):
        found = by_path[result.path]
        if result.error is not None:
            if result.path in known:
                removed.append(result.path)
            report.unreadable.append(unreadable_note(result.path, result.error))
        elif result.note is None:
            touched.append((found.path, found.mtime_ns, found.size))  # saved, not changed
            report.unchanged += 1
        else:
            stored.append(
                Entry(found.path, found.mtime_ns, found.size, result.hash, result.type, result.note)
            )
            report.stored.append(found.path)
            report.decoded[found.path] = (result.hash, decode_note(result.note))
            if found.path in known:
                report.modified += 1
            else:
                report.added += 1
    report.deleted = [path for path in removed if path in known]
    report.removed = len(report.deleted)
    index.apply(stored, touched, removed)
    report.generation = index.generation()
    report.hashes = {path: row[2] for path, row in known.items()}
    for path in report.deleted:
        del report.hashes[path]
    report.hashes.update((entry.path, entry.hash) for entry in stored)
    return report


def read_all_notes(root: Path, settings: Settings, problems: list[Problem]) -> list[Note]:
    """Every note read from scratch, without the index."""
    files = walk_notes(root, settings, problems)
    notes: list[Note] = []
    for result in read_files(root, [(f.path, None) for f in files]):
        if result.note is not None:
            notes.append(decode_note(result.note))
        elif result.error is not None:
            notes.append(unreadable_note(result.path, result.error))
    return notes


def merge_notes(stored: list[Note], extra: Iterable[Note]) -> list[Note]:
    return sorted([*stored, *extra], key=lambda note: note.path)
