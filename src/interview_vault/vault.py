"""The vault on disk: finding its notes, reading them, and writing files atomically."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .config import Settings
from .errors import VaultNotFoundError
from .model import Note, Problem
from .parse import note_name, parse_note
from .store import write_file


class NoteFile(NamedTuple):  # (a NamedTuple: the walk makes 30,000 of them, fast)
    """A Markdown file found by the walk, with what tells whether it changed."""

    path: str  # vault-relative, '/'-separated
    mtime_ns: int
    size: int


def open_vault(root: Path) -> Path:
    """The vault folder, resolved; VaultNotFoundError when it is not a readable folder."""
    if not root.exists():
        raise VaultNotFoundError(f"vault folder not found: {root}")
    if not root.is_dir():
        raise VaultNotFoundError(f"not a folder: {root}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise VaultNotFoundError(f"cannot read the vault folder: {root}")
    return root.resolve()


def skipped_paths(settings: Settings) -> tuple[str, str]:
    """(templates folder, digest file): vault-relative paths the walk leaves out, casefolded."""
    templates = settings.vault.templates.strip("/").replace("\\", "/").casefold()
    output = settings.digest.output.strip("/").replace("\\", "/").casefold()
    return templates, output


def walk_notes(root: Path, settings: Settings, problems: list[Problem]) -> list[NoteFile]:
    """Every note of the vault, sorted by path, except dot folders, templates and the digest."""
    return _kept(_scan(root, "", problems), settings)


def notes_at(root: Path, settings: Settings, path: str, problems: list[Problem]) -> list[NoteFile]:
    """The notes `walk_notes` finds at a vault-relative path: the note there, or those in the
    folder there; none when nothing is there, or what is there is not a note."""
    if any(part.startswith(".") for part in path.split("/")[:-1]):
        return []
    full = root / path
    try:
        if full.is_dir() and not full.is_symlink():
            if path.rsplit("/", 1)[-1].startswith("."):
                return []
            return _kept(_scan(root, path, problems), settings)
        if path.endswith(".md") and full.is_file():
            return _kept([(path, full)], settings)
    except OSError:
        pass
    return []


def _kept(
    found: Iterable[tuple[str, os.DirEntry[str] | Path]], settings: Settings
) -> list[NoteFile]:
    """The notes among files found, with their stat: not templates, nor the digest file."""
    templates, output = skipped_paths(settings)
    kept: list[NoteFile] = []
    for relative, entry in found:
        folded = relative.casefold()
        if folded == output or (templates and folded.startswith(templates + "/")):
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue  # vanished since it was listed: it is simply not there any more
        kept.append(NoteFile(relative, stat.st_mtime_ns, stat.st_size))
    kept.sort(key=lambda note: note.path)
    return kept


def _scan(
    root: Path, prefix: str, problems: list[Problem]
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    try:
        with os.scandir(root / prefix if prefix else root) as entries:
            children = list(entries)
    except OSError as error:
        problems.append(
            Problem(prefix or ".", None, "warning", f"cannot read folder: {error.strerror}")
        )
        return
    for entry in children:
        relative = f"{prefix}/{entry.name}" if prefix else entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith("."):
                    yield from _scan(root, relative, problems)
            elif entry.name.endswith(".md") and entry.is_file():
                yield relative, entry
        except OSError:
            continue


def read_note(root: Path, path: str) -> Note:
    """Read and parse one note; a file that cannot be read becomes a note with an error."""
    try:
        data = (root / path).read_bytes()
    except OSError as error:
        return unreadable_note(path, error.strerror or str(error))
    return parse_note(path, data)


def unreadable_note(path: str, reason: str) -> Note:
    """A note whose file could not be read: its name still resolves links."""
    name = note_name(path)
    problem = Problem(path, 1, "error", f"cannot read the file: {reason}")
    return Note(path, name, name, problems=(problem,))


def write_atomically(target: Path, text: str) -> None:
    """Write a file the tool owns (the digest, snoozes): old or new, never half (see store)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, text.encode("utf-8"), replace=True)
