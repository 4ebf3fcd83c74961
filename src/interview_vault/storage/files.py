"""Writing files safely: inside the vault only, atomically, never over a change made meanwhile.

A command reads a note (`load`), computes its new text, and `save`s it. `save` refuses
when the file changed on disk since it was read, so an edit made in Obsidian a moment
ago is never lost. New notes are created with `create`, which never replaces a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import UnsafeWriteError, VaultError


@dataclass(frozen=True)
class Loaded:
    """A note's text as read, with the bytes it came from (to detect later changes)."""

    path: Path
    relative: str
    data: bytes
    text: str


def inside_vault(root: Path, relative: str) -> Path:
    """The absolute path of a vault-relative name; refuses names that leave the vault."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise UnsafeWriteError(f"{relative}: not a path inside the vault")
    path = root / candidate
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise UnsafeWriteError(f"{relative}: leads outside the vault (through a link?)")
    return path


def load(root: Path, relative: str) -> Loaded:
    # A note that is a link to another file inside the vault is edited where it really is,
    # so the link stays a link.
    path = inside_vault(root, relative).resolve()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise VaultError(f"{relative}: cannot read it: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeWriteError(f"{relative}: not UTF-8 text; not editing it") from None
    return Loaded(path, relative, data, text)


def save(note: Loaded, text: str) -> bool:
    """Replace the note with `text`; False when nothing changed. Refuses if it changed on
    disk since it was read: checked once more after the new text is written and synced,
    immediately before the rename, so that another program's save is lost only if it
    lands in the instant between that last read and the rename (see docs/guarantees.md)."""
    if text == note.text:
        return False

    def unchanged() -> None:
        try:
            current = note.path.read_bytes()
        except OSError as error:
            raise UnsafeWriteError(f"{note.relative}: cannot read it again: {error}") from None
        if current != note.data:
            raise UnsafeWriteError(
                f"{note.relative} changed on disk while this command ran; nothing was "
                "written, run it again"
            )

    unchanged()  # (a change already made: refuse before writing anything)
    try:
        write_file(note.path, text.encode("utf-8"), replace=True, before_rename=unchanged)
    except OSError as error:
        raise VaultError(f"cannot write {note.relative}: {error.strerror or error}") from None
    return True


def create(root: Path, relative: str, text: str) -> Path:
    """Write a new note; refuses (and writes nothing) if a file of that name exists."""
    path = inside_vault(root, relative)
    if path.exists() or path.is_symlink():
        raise UnsafeWriteError(f"{relative} already exists; not overwriting it")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, text.encode("utf-8"), replace=False)
    return path


def write_file(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    replace: bool,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Temporary file in the same folder, fsync, then rename (or link, to never replace).
    `data` may come in pieces; `before_rename` may refuse, last thing before the rename."""
    import tempfile  # (imported when a file is written: most runs write none)

    # A short name: the note's own name may already be near the 255-byte limit.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".vault-", suffix=".tmp")
    # (a write killed before its rename leaves this file: the next walk removes it)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as file:
            for piece in [data] if isinstance(data, bytes) else data:
                file.write(piece)
            file.flush()
            os.fsync(file.fileno())
        if before_rename is not None:
            before_rename()
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if the name was taken meanwhile
            except FileExistsError:
                raise UnsafeWriteError(f"{path.name} already exists; not overwriting it") from None
            os.unlink(temporary)
        _sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_atomically(target: Path, text: str) -> None:
    """Write a file the tool owns (the digest, snoozes): old or new, never half."""
    write_pieces(target, [text])


def write_pieces(target: Path, pieces: Iterable[str]) -> None:
    """`write_atomically` for a text in pieces, which is never joined into one string."""
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, (piece.encode("utf-8") for piece in pieces), replace=True)


def read_file_bytes(path: Path) -> bytes:
    """A file the user names (an export to import), as bytes; VaultError, saying why,
    when it cannot be read or is a zip archive."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise VaultError(f"cannot read {path}: {error.strerror or error}") from None
    if data.startswith(b"PK\x03\x04"):  # (LinkedIn's export comes as a zip of CSV files)
        raise VaultError(f"{path} is a zip archive: unzip it and give the file inside")
    return data


def read_text_file(path: Path) -> str:
    """A file the user names (an export to import): UTF-8, with or without a byte-order
    mark; VaultError, saying why, when it cannot be read."""
    data = read_file_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise VaultError(f"{path}:{line}: not UTF-8 text; save it as UTF-8") from None
