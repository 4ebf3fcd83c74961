"""The index: an SQLite cache of parsed notes under `.vault/`, disposable and rebuilt at will.

The only module that imports `sqlite3`; what SQLite raises leaves it as `IndexUnusableError`.
The files are the truth. Each row remembers a note's (mtime, size, content hash) and its
parsed form, so a run re-reads only what changed. `parts`, `saved` and `chunks` keep the
incremental digest (engine/saved.py), so a run recomputes only what a change reaches.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import ParamSpec, TypeVar

from ..core.errors import IndexUnusableError
from ..core.model import Note
from .codec import decode_note
from .files import write_atomically
from .outputs import clear_outputs

# The index's tables, and what a note is read into: raised whenever either changes, so that
# an index an older version wrote is rebuilt rather than read wrongly.
SCHEMA_VERSION = 28
INDEX_NAME = "index.sqlite"
GITIGNORE = """\
# Written by `vault`: caches rebuilt from your notes. Settings and snoozes are yours to commit.
*
!.gitignore
!config.toml
!snoozes.txt
"""

_SCHEMA = """
CREATE TABLE notes (
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,   -- -1: modified too close to when it was read (below)
    size INTEGER NOT NULL,
    hash BLOB NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    type TEXT,            -- contact, interview, organization, touch, or NULL: an ordinary note
    note TEXT NOT NULL    -- the parsed note (codec.encode_note): properties, tasks, sections,
                          -- links and problems
);
CREATE TABLE parts (      -- each note's part of the incremental digest (saved.py)
    path TEXT PRIMARY KEY,
    chain BLOB,           -- referrals and stage, when the note has any
    body BLOB NOT NULL    -- the items themselves, read when needed
);
-- meta, version, chains, and every note's content hash ('hashes'), problems ('problems'),
-- names and link keys ('names')
CREATE TABLE saved (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE chunks (     -- the items as written in a format, in chunks (assembly.Chunk)
    format TEXT NOT NULL,
    number INTEGER NOT NULL,
    first_key TEXT NOT NULL,  -- the first row's place: sort key, note, position
    first_path TEXT NOT NULL,
    first_position INTEGER NOT NULL,
    count INTEGER NOT NULL,
    ids TEXT NOT NULL,
    paths TEXT NOT NULL,
    lengths BLOB NOT NULL,
    text BLOB NOT NULL,       -- the rows' texts joined, in UTF-8
    places BLOB NOT NULL,     -- each row's sort key, note, position and id (marshal)
    PRIMARY KEY (format, number)
);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


# What the index knows about one file, to tell whether it changed: (path, mtime_ns, size,
# content hash, ctime_ns, inode). A plain tuple: every run reads one per note, and a named
# one costs twice.
Row = tuple[str, int, int, bytes, int, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """A parsed note ready to store."""

    path: str
    mtime_ns: int
    size: int
    hash: bytes
    ctime_ns: int
    inode: int
    type: str | None
    note: str  # encoded


@dataclass
class SavedChanges:
    """What a run changed in the saved digest."""

    meta: bytes
    parts: Iterable[tuple[str, bytes | None, bytes]]  # (path, chain, body)
    removed: list[str]
    # (key, value) to save besides (chains, names...): made one at a time as they are
    # written, so that a vault's worth of them is never all in memory at once
    saved: Iterable[tuple[str, bytes]]
    # (format, chunks dropped or None for all, chunks to write)
    items: list[tuple[str, list[int] | None, Iterable[ChunkRecord]]]


# A chunk as saved: its number, first row's (sort key, note, position), count, ids, notes,
# lengths, text, and its rows' places and ids (see `chunks` in the schema)
ChunkRecord = tuple[int, str, str, int, int, str, str, bytes, bytes, bytes]


# Notes decoded already, by path, with the content hash they were decoded from
Decoded = Mapping[str, tuple[bytes, Note]]


def _notes_of(rows: Iterable[tuple[str, bytes, str]], decoded: Decoded) -> list[Note]:
    """The notes of index rows (path, hash, encoded note), decoding only those not at hand."""
    notes = []
    for path, content_hash, text in rows:
        known = decoded.get(path)
        notes.append(known[1] if known and known[0] == content_hash else decode_note(text))
    return notes


def _batches(paths: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """SQLite takes so many parameters at most."""
    wanted = list(paths)
    for start in range(0, len(wanted), size):
        yield wanted[start : start + size]


def _unusable(error: sqlite3.Error) -> IndexUnusableError:
    text = str(error)
    locked = "locked" in text or "busy" in text
    return IndexUnusableError(text, locked=locked, damaged=_is_damaged(error))


# What SQLite says when the index is fine but cannot be used now: it is locked, the disk is
# full, the folder read-only or gone. Anything else (not a database, malformed, a table
# missing) means the file itself is broken, and it is built again.
_CIRCUMSTANCES = ("locked", "busy", "full", "readonly", "read-only", "unable to open", "i/o")


def _is_damaged(error: BaseException) -> bool:
    """Whether the index file itself is broken, rather than unusable for now."""
    text = str(error).lower()
    return not any(words in text for words in _CIRCUMSTANCES)


P = ParamSpec("P")
T = TypeVar("T")


def _guarded(method: Callable[P, T]) -> Callable[P, T]:
    """SQLite's errors, raised as our own."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            raise _unusable(error) from error

    return guarded


_ROWS = "SELECT path, mtime_ns, size, hash, ctime_ns, inode FROM notes"


class Index:
    """One open connection to a vault's index."""

    def __init__(self, connection: sqlite3.Connection, folder: Path) -> None:
        self.db = connection
        self.folder = folder  # `.vault/`

    @_guarded
    def rows(self) -> list[Row]:
        """Every note's row, sorted by path."""
        return sorted(self.db.execute(_ROWS))

    @_guarded
    def rows_at(self, path: str) -> list[Row]:
        """The rows of the note at `path`, or of every note under the folder `path`, sorted."""
        # '0' is the character after '/': the range holds exactly the paths under the folder
        query = f"{_ROWS} WHERE path = ? OR (path > ? AND path < ?)"
        return sorted(self.db.execute(query, (path, path + "/", path + "0")))

    @_guarded
    def apply(
        self,
        stored: Iterable[Entry],
        touched: Iterable[tuple[str, int, int, int, int]],  # (path, mtime, size, ctime, inode)
        removed: Iterable[str],
    ) -> bool:
        """Store changes in one transaction; True when any note's content changed."""
        stored, touched, removed = list(stored), list(touched), list(removed)
        if not (stored or touched or removed):
            return False
        with _transaction(self.db):
            self.db.executemany(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (e.path, e.mtime_ns, e.size, e.hash, e.ctime_ns, e.inode, e.type, e.note)
                    for e in stored
                ],
            )
            self.db.executemany(
                "UPDATE notes SET mtime_ns = ?, size = ?, ctime_ns = ?, inode = ? WHERE path = ?",
                [(mtime, size, ctime, inode, path) for path, mtime, size, ctime, inode in touched],
            )
            self.db.executemany("DELETE FROM notes WHERE path = ?", [(p,) for p in removed])
            if stored or removed:
                # A new generation: every cached digest is now stale.
                self.db.execute(
                    "INSERT INTO state VALUES ('generation', '1') ON CONFLICT(key) "
                    "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
                )
        return bool(stored or removed)

    @_guarded
    def read_with(self, fingerprint: str) -> bool:
        """Make sure the notes indexed were parsed as `fingerprint` says (the conventions of
        the settings): else empty the index, so that every note is read again. True then."""
        row = self.db.execute("SELECT value FROM state WHERE key = 'read with'").fetchone()
        if row is not None and row[0] == fingerprint:
            return False
        with _transaction(self.db):
            for table in ("notes", "parts", "saved", "chunks"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("INSERT OR REPLACE INTO state VALUES ('read with', ?)", (fingerprint,))
            self.db.execute(
                "INSERT INTO state VALUES ('generation', '1') ON CONFLICT(key) "
                "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
        return True

    @_guarded
    def generation(self) -> str:
        row = self.db.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()
        return row[0] if row else "0"

    @_guarded
    def notes(self, decoded: Decoded | None = None) -> list[Note]:
        """Every parsed note, sorted by path; those in `decoded` are reused where the index
        holds the same content."""
        rows = self.db.execute("SELECT path, hash, note FROM notes ORDER BY path")
        return _notes_of(rows, decoded or {})

    @_guarded
    def notes_at(self, paths: Iterable[str], decoded: Decoded | None = None) -> list[Note]:
        """The parsed notes at these paths (those indexed); those in `decoded` are reused
        where the index holds the same content."""
        found = []
        for chunk in _batches(paths):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT path, hash, note FROM notes WHERE path IN ({marks})"
            found += _notes_of(self.db.execute(query, chunk), decoded or {})
        return found

    @_guarded
    def hashed_notes_at(self, paths: Iterable[str]) -> list[tuple[bytes, Note]]:
        """The parsed notes at these paths, each with the content hash it was parsed from
        (read from one row: the two always go together)."""
        found = []
        for chunk in _batches(paths):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT hash, note FROM notes WHERE path IN ({marks})"
            found += [(known, decode_note(text)) for known, text in self.db.execute(query, chunk)]
        return found

    @_guarded
    def hashes(self) -> dict[str, bytes]:
        return dict(self.db.execute("SELECT path, hash FROM notes"))

    # --- the incremental digest (saved.py) ---------------------------------------------

    @_guarded
    def saved(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM saved WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def saved_bodies(self, paths: Iterable[str]) -> Iterator[tuple[str, bytes | None, bytes]]:
        try:
            for chunk in _batches(paths):
                marks = ",".join("?" * len(chunk))
                yield from self.db.execute(
                    f"SELECT path, chain, body FROM parts WHERE path IN ({marks})", chunk
                )
        except sqlite3.Error as error:
            raise _unusable(error) from error

    @_guarded
    def chunks(self, name: str) -> list[tuple[int, str, str, int, int, str, str, bytes, bytes]]:
        """The chunks saved for a format, without their places (`chunk_places`)."""
        return self.db.execute(
            "SELECT number, first_key, first_path, first_position, count, ids, paths, lengths,"
            " text FROM chunks WHERE format = ?",
            (name,),
        ).fetchall()

    @_guarded
    def chunk_places(self, name: str, number: int) -> bytes:
        row = self.db.execute(
            "SELECT places FROM chunks WHERE format = ? AND number = ?", (name, number)
        ).fetchone()
        if row is None:
            raise IndexUnusableError(f"chunk {number} of {name} is not saved", locked=False)
        return bytes(row[0])

    @_guarded
    def saved_chain_inputs(self) -> list[tuple[str, bytes]]:
        return self.db.execute("SELECT path, chain FROM parts WHERE chain IS NOT NULL").fetchall()

    @_guarded
    def save_digest(
        self,
        changes: SavedChanges,
        *,
        everything: bool,
        over: int | None,
    ) -> int | None:
        """Save the digest: all of it, or changes to the saved state numbered `over`.
        Returns the number of the state saved; None when another run saved another state
        since `over` was read (then mixing the two would be wrong)."""
        with _transaction(self.db):
            current = self.db.execute("SELECT value FROM saved WHERE key = 'version'").fetchone()
            version = int(current[0]) if current else 0
            if not everything and version != over:
                return None
            if everything:
                for table in ("parts", "saved", "chunks"):
                    self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", changes.parts)
            self.db.executemany("DELETE FROM parts WHERE path = ?", [(p,) for p in changes.removed])
            values = [("meta", changes.meta), ("version", str(version + 1).encode())]
            self.db.executemany(
                "INSERT OR REPLACE INTO saved VALUES (?, ?)", chain(values, changes.saved)
            )
            for name, dropped, chunks in changes.items:
                if dropped is None:
                    self.db.execute("DELETE FROM chunks WHERE format = ?", (name,))
                else:
                    self.db.executemany(
                        "DELETE FROM chunks WHERE format = ? AND number = ?",
                        [(name, number) for number in dropped],
                    )
                self.db.executemany(
                    "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((name, *chunk) for chunk in chunks),
                )
        return version + 1

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: every read inside sees the same state of the index."""
        try:
            self.db.execute("BEGIN")
        except sqlite3.Error as error:
            raise _unusable(error) from error
        try:
            yield
        finally:
            with suppress(sqlite3.Error):  # (a read transaction also ends with the connection)
                self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def open_index(vault_root: Path, notice: Callable[[str], None]) -> Index | None:
    """The vault's index, created or rebuilt as needed; None when `.vault/` cannot be written.

    `.vault/` is created only in a folder that looks like a vault (it has `.obsidian/`), so
    running the tool in the wrong folder leaves nothing behind. `mkdir .vault` opts in.
    """
    folder = vault_root / ".vault"
    if not folder.is_dir() and not (vault_root / ".obsidian").is_dir():
        return None
    path = folder / INDEX_NAME
    try:
        folder.mkdir(exist_ok=True)
        _write_gitignore(folder / ".gitignore")
        writable = os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    except OSError:
        writable = False
    if not writable or path.is_dir():
        # a read-only vault (or one whose `.vault/` another user owns), or a folder where
        # the index should be: work from the files alone, and touch nothing
        return None
    try:
        return _connect(path)
    except sqlite3.DatabaseError as error:
        if not _is_damaged(error):
            if "locked" not in str(error) and "busy" not in str(error):
                notice(f"the index cannot be used ({error}); reading the notes instead")
            return None
        notice(f"the index was unreadable ({error}); rebuilding it from the notes")
    except _Outdated as error:
        notice(f"the index is from another version ({error}); rebuilding it from the notes")
    except OSError:
        return None
    _remove(path)
    try:
        return _connect(path)
    except (sqlite3.Error, OSError, _Outdated):
        return None


def _write_gitignore(ignore: Path) -> None:
    """Keep the index out of git: `.vault/.gitignore`, written whole (a full disk once left
    it empty) and only when it is missing or empty, so a user's edit stays."""
    if ignore.exists() and ignore.stat().st_size > 0:
        return
    write_atomically(ignore, GITIGNORE)


class _Outdated(Exception):
    pass


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so two writers queue instead of deadlocking."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _connect(path: Path) -> Index:
    db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA journal_mode = WAL")  # readers never wait for the watcher
        db.execute("PRAGMA synchronous = NORMAL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            with _transaction(db):
                # another process may have created it since we looked
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    # digests rendered from an index before this one: their keys could recur
                    clear_outputs(path.parent)
        elif version != SCHEMA_VERSION:
            raise _Outdated(f"schema {version}, expected {SCHEMA_VERSION}")
        db.execute("SELECT count(*) FROM notes").fetchone()  # fails early on a damaged file
    except BaseException:
        db.close()
        raise
    return Index(db, path.parent)


def discard_index(vault_root: Path) -> None:
    """Delete a vault's index (it is only a cache: the next run builds it again)."""
    _remove(vault_root / ".vault" / INDEX_NAME)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):  # (what cannot be removed is simply not used)
            Path(f"{path}{suffix}").unlink(missing_ok=True)
