"""LinkedIn's data export as the user has it: the `.zip` LinkedIn sends, the folder it
unzips to, or one CSV taken out of it. Each CSV is known by its header (`notes.linkedin.
detect`), never by its name: LinkedIn puts `messages.csv` at the top and other files in
folders, and renames them between exports.

A zip is read in place, member by member (nothing is written to disk), and only the start
of each CSV is read until its header says it is one the import wants. A file larger than
`LIMIT` uncompressed is left out with a notice, before any of it is decompressed: a zip of
a few kilobytes can unpack to gigabytes, and the text of each file is held in memory.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from ..core.errors import VaultError
from ..notes.linkedin_messages import detect, unread_messages

LIMIT = 200 * 1024 * 1024  # bytes, uncompressed: far above any real export's file
HEAD = 65_536  # bytes read to find a file's header
MOST_FILES = 10_000  # a folder or zip with more is not an export (a home folder given by mistake)
# The name each file has in LinkedIn's exports: the one preferred when two are of one kind.
USUAL = {
    "connections": "connections.csv",
    "messages": "messages.csv",
    "invitations": "invitations.csv",
}
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first bytes (the second: an empty one)
_BROKEN_MEMBER = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
)


@dataclass(frozen=True)
class _Candidate:
    """A CSV of the export whose header says what it is: where it is, and how to read it."""

    kind: str
    name: str  # as the user sees it: the path inside the folder or the zip
    open: Callable[[], IO[bytes]]

    @property
    def preference(self) -> tuple[int, bool, str]:
        """Nearest the top first, then the name LinkedIn gives the file, then by name."""
        path = PurePosixPath(self.name)
        return (len(path.parts), path.name.casefold() != USUAL[self.kind], self.name)


def export_files(
    path: Path, notices: list[str] | None = None, names: dict[str, str] | None = None
) -> dict[str, str]:
    """The files of a LinkedIn export the import reads, by kind ("connections",
    "messages", "invitations"; see `notes.linkedin.detect`) -> their text. `path` is the
    export's folder, its zip, or one CSV of it. UTF-8, with or without a byte-order mark.
    Files that are none of these are passed over; a file too large, a zip member that
    cannot be read, or a second file of one kind (the one nearest the top is read) is left
    out with a line added to `notices`. VaultError, one line naming `path`, when it is none
    of these, holds none of the files, or cannot be read. `names`, when given, gets the
    name of the file read for each kind (its path in the folder or the zip)."""
    notes: list[str] = [] if notices is None else notices
    chosen: dict[str, str] = {} if names is None else names
    if path.is_dir():
        return _chosen(path, list(_in_folder(path, notes)), notes, chosen)
    try:
        with path.open("rb") as file:
            start = file.read(HEAD)
    except OSError as error:
        raise VaultError(f"cannot read {path}: {error.strerror or error}") from None
    if start.startswith(_ZIP):
        try:
            with zipfile.ZipFile(path) as archive:
                return _chosen(path, list(_in_zip(path, archive, notes)), notes, chosen)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise VaultError(f"{path}: a damaged zip archive ({error})") from None
        except OSError as error:
            raise VaultError(f"cannot read {path}: {error.strerror or error}") from None
    kind = detect(_head(start))
    if kind is None:
        why = _unread(path.name, _head(start))
        if why:
            raise VaultError(f"{path}: {why}")
        raise VaultError(
            f"{path}: neither a LinkedIn export (its folder or .zip) nor one of its"
            " Connections.csv, messages.csv or Invitations.csv"
        )
    if path.stat().st_size > LIMIT:
        raise VaultError(f"{path}: over {LIMIT // 2**20} MB; not a file of LinkedIn's export")
    chosen[kind] = path.name
    return {kind: _text(path.read_bytes(), str(path))}


def _in_folder(root: Path, notices: list[str]) -> Iterator[_Candidate]:
    """The export's CSV files in a folder and the folders in it (links to folders are not
    followed: they may lead anywhere), by what their headers say."""
    seen = 0
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            seen += 1
            if seen > MOST_FILES:
                raise VaultError(f"{root}: over {MOST_FILES:,} files; not a LinkedIn export")
            if not name.casefold().endswith(".csv"):
                continue
            path = Path(folder, name)
            shown = path.relative_to(root).as_posix()
            try:
                if path.stat().st_size > LIMIT:
                    notices.append(f"{shown}: over {LIMIT // 2**20} MB; left out")
                    continue
                with path.open("rb") as file:
                    head = _head(file.read(HEAD))
            except OSError as error:
                notices.append(f"{shown}: cannot be read ({error.strerror or error}); left out")
                continue
            kind = detect(head)
            if kind is not None:
                yield _Candidate(kind, shown, _opener(path))
            else:
                _unknown(shown, head, notices)


def _in_zip(path: Path, archive: zipfile.ZipFile, notices: list[str]) -> Iterator[_Candidate]:
    """The export's CSV files in a zip, read in place. A member's size is what the zip
    says, checked before it is opened; reading stops at `LIMIT` whatever it says."""
    members = archive.infolist()
    if len(members) > MOST_FILES:
        raise VaultError(f"{path}: over {MOST_FILES:,} files; not a LinkedIn export")
    for member in members:
        if member.is_dir() or not member.filename.casefold().endswith(".csv"):
            continue
        if member.file_size > LIMIT:
            notices.append(
                f"{member.filename}: {member.file_size / 2**20:,.0f} MB uncompressed, over"
                f" {LIMIT // 2**20} MB; left out"
            )
            continue
        try:
            with archive.open(member) as file:
                head = _head(file.read(HEAD))
        except _BROKEN_MEMBER as error:
            notices.append(f"{member.filename}: cannot be read ({error}); left out")
            continue
        kind = detect(head)
        if kind is not None:
            yield _Candidate(kind, member.filename, partial(archive.open, member))
        else:
            _unknown(member.filename, head, notices)


def _unknown(name: str, head: str, notices: list[str]) -> None:
    """A file named as one the import reads whose header is not one it knows is said, not
    passed over: a messages.csv with what it lacks (no DATE, or nothing to tell yours)."""
    if PurePosixPath(name).name.casefold() in USUAL.values():
        why = _unread(name, head) or (
            "not in the form of LinkedIn's exports this reads (its header is another: an"
            " older export?)"
        )
        notices.append(f"{name}: {why}; left out")


def _unread(name: str, head: str) -> str | None:
    """What a file named messages.csv (any case) lacks to be read, if it looks like one."""
    if PurePosixPath(name).name.casefold() != USUAL["messages"]:
        return None
    return unread_messages(head)


def _chosen(
    path: Path, found: list[_Candidate], notices: list[str], names: dict[str, str]
) -> dict[str, str]:
    """The text of one file of each kind: the first by `preference`, the others noted;
    `names` gets each one's name."""
    texts: dict[str, str] = {}
    passed_over: dict[str, list[str]] = {}  # kind -> the other files of its columns
    for candidate in sorted(found, key=lambda c: c.preference):
        if candidate.kind in texts:
            passed_over.setdefault(candidate.kind, []).append(candidate.name)
            continue
        try:
            with candidate.open() as file:
                data = file.read(LIMIT + 1)
        except _BROKEN_MEMBER as error:
            notices.append(f"{candidate.name}: cannot be read ({error}); left out")
            continue
        if len(data) > LIMIT:  # (a zip may say a member is smaller than it is)
            notices.append(f"{candidate.name}: over {LIMIT // 2**20} MB; left out")
            continue
        texts[candidate.kind] = _text(data, f"{path}: {candidate.name}")
        names[candidate.kind] = candidate.name
    # (information, once a kind: a 2024 export has coach_messages.csv and two more of
    # messages.csv's columns, LinkedIn's talks with its coach, which read as three problems)
    for kind, others in passed_over.items():
        listed = ", ".join(others[:-1]) + " and " * (len(others) > 1) + others[-1]
        notices.append(
            f"{names[kind]} is read as LinkedIn's {USUAL[kind]}; {listed}, of the same"
            f" columns, {'is' if len(others) == 1 else 'are'} not"
        )
    if not texts:
        raise VaultError(
            f"{path}: no Connections.csv, messages.csv or Invitations.csv of LinkedIn's"
            " export in it (each is known by its header)"
        )
    return texts


def _opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _head(data: bytes) -> str:
    """The start of a file as text, enough for its header (a character cut at the end, or
    a file that is not UTF-8 at all, does not stop `detect` answering)."""
    return data.decode("utf-8-sig", errors="replace")


def _text(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise VaultError(f"{shown}:{line}: not UTF-8 text; save it as UTF-8") from None
