"""The vault folder: opening it, finding its notes (a stat walk) and reading them."""

from __future__ import annotations

import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..core.errors import VaultNotFoundError
from ..core.model import Problem
from ..core.settings import Settings
from ..core.words import is_templates_folder
from .diff import NoteFile


def open_vault(root: Path) -> Path:
    """The vault folder, resolved; VaultNotFoundError when it is not a readable folder."""
    if not root.exists():
        raise VaultNotFoundError(f"vault folder not found: {root}")
    if not root.is_dir():
        raise VaultNotFoundError(f"not a folder: {root}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise VaultNotFoundError(f"cannot read the vault folder: {root}")
    return root.resolve()


def find_vault_above(start: Path) -> Path | None:
    """The nearest folder, from `start` up, that holds `.vault/`; failing that, the nearest
    that holds `.obsidian/` (so a careers folder made with `vault init` inside a larger
    Obsidian vault is a vault of its own); None when no folder up to the root has either."""
    folders = [start, *start.parents]
    for marker in (".vault", ".obsidian"):
        for folder in folders:
            if (folder / marker).is_dir():
                return folder
    return None


def skipped_paths(settings: Settings) -> tuple[frozenset[str], str]:
    """(templates folders, digest file): vault-relative paths the walk leaves out, casefolded.
    (Folders named for templates, `0_meta/templates`, are left out wherever they are.)"""
    templates = frozenset(
        folder.replace("\\", "/").casefold() for folder in settings.vault.template_folders
    )
    output = settings.digest.output.strip("/").replace("\\", "/").casefold()
    return templates, output


def walk_settings(settings: Settings) -> tuple[object, ...]:
    """What the settings say of which files the walk reads: when it changes, every folder
    is to be walked again (the notes a folder left out holds, or those it no longer does)."""
    vault = settings.vault
    return vault.templates, vault.template_folders, vault.exclude, settings.digest.output


def _no_folder(name: str) -> bool:
    return False


def named_for_templates(settings: Settings) -> Callable[[str], bool]:
    """Which folder names say templates (`0_meta/templates`): `is_templates_folder`, unless
    `[vault] templates` names a folder called otherwise (`Tpl`): then the user said where
    the templates are, and a folder named `Templates` holds notes like any other."""
    setting = settings.vault.templates.replace("\\", "/").strip("/").rpartition("/")[2]
    return is_templates_folder if is_templates_folder(setting) else _no_folder


# `.md` in any case (`Notes.MD` is a note too), without lower-casing every name of the walk
_NOTE_SUFFIXES = frozenset({".md", ".mD", ".Md", ".MD"})
# A note named so is a folder's template (`meetings/_template.md`), never a note
TEMPLATE_NAMES = frozenset({"_template", "template", "_templates"})


def is_note_name(path: str) -> bool:
    """Whether a file name or path is a Markdown note's: it ends in `.md`, in any case."""
    return path[-3:] in _NOTE_SUFFIXES


UNREADABLE_NAME = "its name is not UTF-8, so it is not read (rename it)"


def is_utf8(name: str) -> bool:
    """Whether a name the system gave is UTF-8: one that is not holds the bytes it could
    not decode as lone surrogates (Python's surrogateescape), which no text can hold."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk_notes(root: Path, settings: Settings, problems: list[Problem]) -> list[NoteFile]:
    """Every note of the vault, sorted by path, except dot folders, templates, the folders
    `[vault] exclude` names and the digest."""
    found = _walk(root, "", settings, problems)
    found.sort(key=lambda note: note.path)
    return found


def notes_at(root: Path, settings: Settings, path: str, problems: list[Problem]) -> list[NoteFile]:
    """The notes `walk_notes` finds at a vault-relative path: the note there, or those in the
    folder there; none when nothing is there, or what is there is not a note."""
    parts = path.split("/")
    if any(part.startswith(".") for part in parts[:-1]) or not is_utf8(path):
        return []  # (a name that is not UTF-8 is said by the walk)
    templates, output = skipped_paths(settings)
    folded = path.casefold()
    left_out = templates | settings.vault.excluded_folders
    if folded == output or any(f"{folded}/".startswith(f"{t}/") for t in left_out):
        return []
    by_name = named_for_templates(settings)
    if any(map(by_name, parts[:-1])):
        return []
    full = root / path
    try:
        if full.is_dir() and not full.is_symlink():
            if parts[-1].startswith(".") or by_name(parts[-1]):
                return []
            return _walk(root, path, settings, problems)
        if is_note_name(path) and full.is_file() and not _template_named(parts[-1]):
            stat = full.stat()
            return [NoteFile(path, stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns, stat.st_ino)]
    except OSError:
        pass
    return []


def _walk(root: Path, top: str, settings: Settings, problems: list[Problem]) -> list[NoteFile]:
    """The notes in the folder `top` and below, in no particular order. One loop without
    recursion: for 30,000 notes the stat calls themselves are most of the time."""
    templates, output = skipped_paths(settings)
    left_out = templates | settings.vault.excluded_folders  # (folders: `[vault] exclude`)
    by_name = named_for_templates(settings)
    make = NoteFile._make
    found: list[NoteFile] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(root / folder if folder else root) as entries:
                listed = list(entries)
        except OSError as error:
            problems.append(
                Problem(folder or ".", None, "warning", f"cannot read folder: {error.strerror}")
            )
            continue
        for entry in listed:
            name = entry.name
            relative = f"{folder}/{name}" if folder else name
            if not (name.isascii() or is_utf8(name)):
                shown = os.fsencode(relative).decode("utf-8", "backslashreplace")
                problems.append(Problem(shown, None, "warning", UNREADABLE_NAME))
                continue
            try:
                if name[-3:] in _NOTE_SUFFIXES and entry.is_file():
                    if relative.casefold() != output and not _template_named(name):
                        stat = entry.stat()
                        found.append(
                            make(
                                (
                                    relative,
                                    stat.st_mtime_ns,
                                    stat.st_size,
                                    stat.st_ctime_ns,
                                    stat.st_ino,
                                )
                            )
                        )
                elif name.startswith(TEMPORARY_PREFIX) and name.endswith(".tmp"):
                    _clear_leftover(entry)
                elif (
                    entry.is_dir(follow_symlinks=False)
                    and not name.startswith(".")
                    and relative.casefold() not in left_out
                    and not by_name(name)
                ):
                    folders.append(relative)
            except OSError:
                continue  # vanished since it was listed: it is simply not there any more
    return found


def is_vault_note(relative: str, settings: Settings) -> bool:
    """Whether a vault-relative path is a note the walk reads (a Markdown file outside dot
    folders, the templates and the digest file): what no output may ever replace."""
    parts = relative.split("/")
    if not is_note_name(relative) or any(part.startswith(".") for part in parts):
        return False
    templates, output = skipped_paths(settings)
    folded = relative.casefold()
    if folded == output or any(f"{folded}/".startswith(f"{t}/") for t in templates):
        return False
    by_name = named_for_templates(settings)
    return not (_template_named(parts[-1]) or any(map(by_name, parts[:-1])))


def _template_named(name: str) -> bool:
    """Whether a note's file name says it is a template: a folder's (`_template.md`), or a
    kind's, its words ending in "template" (`Person-Template.md`, `meeting_template.md`) or
    "template" and one word (`template-daily.md`)."""
    if "emplate" not in name and "EMPLATE" not in name:  # (most notes: one quick look)
        return False
    stem = name[:-3].casefold()
    if stem in TEMPLATE_NAMES:
        return True
    words = _WORDS.findall(stem)
    return bool(words) and (words[-1] == "template" or (words[0] == "template" and len(words) == 2))


_WORDS = re.compile(r"[^\W_]+")


def leads_outside(root: Path, path: Path) -> bool:
    """Whether a file is a link to one outside the vault: what is outside it is not the
    vault's to read (nor to put in a digest that may be synced)."""
    if not path.is_symlink():
        return False
    real = os.path.realpath(path)
    return not real.startswith(f"{os.path.realpath(root)}{os.sep}")


# Opening a link with O_NOFOLLOW fails with one of these, so only links cost a second look
# (where the system has no O_NOFOLLOW, every file gets one: `leads_outside` first).
# O_BINARY: Windows opens in text mode without it (CRLF read as LF, 0x1A as the end).
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)
_IS_A_LINK = (errno.ELOOP, errno.EMLINK, getattr(errno, "EFTYPE", errno.ELOOP))


def read_inside(root: str, path: str) -> bytes | None:
    """The bytes of the note at `path` under `root`; None when it is a link to a file
    outside the vault. (OSError when it cannot be read.)"""
    full = os.path.join(root, path)
    if not _NO_FOLLOW and leads_outside(Path(root), Path(full)):
        return None
    try:
        descriptor = os.open(full, _READ | _NO_FOLLOW)
    except OSError as error:
        if error.errno not in _IS_A_LINK:
            raise
        if leads_outside(Path(root), Path(full)):
            return None
        descriptor = os.open(full, _READ)
    try:  # (a folder by now: an error, and the descriptor closed all the same)
        size = os.fstat(descriptor).st_size
        data = os.read(descriptor, size + 1)  # the whole file, unless it grew meanwhile
        if len(data) <= size:
            return data
        chunks = [data]
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


TEMPORARY_PREFIX = ".vault-"  # the temporary files `files.write_file` writes beside a note
_LEFTOVER_AGE = 60 * 10**9  # nanoseconds: a temporary file older than this was abandoned


def _clear_leftover(entry: os.DirEntry[str]) -> None:
    """Remove a temporary file of ours that a killed write left behind (one being written
    right now is younger than a minute, and left alone)."""
    try:
        if time.time_ns() - entry.stat(follow_symlinks=False).st_mtime_ns > _LEFTOVER_AGE:
            os.unlink(entry.path)
    except OSError:
        pass


def top_folders(root: Path, settings: Settings) -> list[str]:
    """The folders at the vault's top, empty ones too, sorted: dot folders and templates
    folders aside."""
    templates, _ = skipped_paths(settings)
    by_name = named_for_templates(settings)
    try:
        with os.scandir(root) as entries:
            names = [entry.name for entry in entries if entry.is_dir()]
    except OSError:
        return []
    return sorted(
        name
        for name in names
        if not name.startswith(".")
        and is_utf8(name)
        and not by_name(name)
        and name.casefold() not in templates
    )


def note_bytes(
    root: Path, settings: Settings, problems: list[Problem]
) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every note the walk finds; one that cannot be read is left out."""
    for found in walk_notes(root, settings, problems):
        try:
            yield found.path, (root / found.path).read_bytes()
        except OSError:
            continue
