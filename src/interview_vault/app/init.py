"""`vault init`: a new vault, copied from the example vault that ships in the package.

Nothing here ever replaces a file: every write goes through `storage.files.create`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path

from ..core.errors import VaultError
from ..storage import files
from ..storage.templates import packaged_vault

# The dot files of the packaged vault that `vault init` copies; pyproject.toml ships the same.
SHIPPED_SETTINGS = (".obsidian/app.json", ".obsidian/templates.json", ".vault/config.toml")


@dataclass(frozen=True)
class InitResult:
    root: Path
    created: tuple[str, ...]
    kept: tuple[str, ...]  # already there (with --force): left as they were


def template_files() -> list[tuple[str, Traversable]]:
    """The packaged vault's files, vault-relative: its notes and settings, never a cache."""
    return sorted(_walk(packaged_vault(), ""), key=lambda entry: entry[0])


def _walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        relative = prefix + entry.name
        if entry.is_dir():
            yield from _walk(entry, relative + "/")
        elif is_shipped(relative):
            yield relative, entry


def is_shipped(relative: str) -> bool:
    """Notes at most one folder deep, outside dot folders, and the settings files."""
    parts = relative.split("/")
    visible = not any(part.startswith(".") for part in parts)
    return relative in SHIPPED_SETTINGS or (
        visible and len(parts) <= 2 and relative.endswith(".md")
    )


# The folders of notes an empty vault starts with (where `vault new` puts each kind).
NOTE_FOLDERS = ("Contacts", "Interviews", "Organizations")


def init_vault(target: Path, *, force: bool = False, empty: bool = False) -> InitResult:
    """Copy the packaged vault into `target`; an existing file is never replaced. With
    `empty`, only its settings and templates, and empty folders for the notes.

    A folder with anything in it is refused unless `force`, which adds only what is missing.
    """
    if target.exists() and not target.is_dir():
        raise VaultError(f"{target} is a file, not a folder")
    try:
        if target.is_dir() and any(target.iterdir()) and not force:
            raise VaultError(
                f"{target} is not empty; use --force to add the missing files "
                "(existing files are never overwritten; --empty leaves out the example notes)"
            )
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise VaultError(f"cannot create a vault in {target}: {error.strerror or error}") from None
    created, kept = [], []
    for relative, source in template_files():
        if empty and not (relative in SHIPPED_SETTINGS or relative.startswith("Templates/")):
            continue
        if (target / relative).exists() or (target / relative).is_symlink():
            kept.append(relative)
            continue
        create_file(target, relative, source.read_text(encoding="utf-8"))
        created.append(relative)
    if empty:
        for folder in NOTE_FOLDERS:
            if not (target / folder).exists():
                (target / folder).mkdir()
                created.append(f"{folder}/")
    return InitResult(target.resolve(), tuple(created), tuple(kept))


def create_file(root: Path, relative: str, text: str) -> Path:
    """A new file in the vault; refuses (and writes nothing) if one of that name exists."""
    try:
        return files.create(root, relative, text)
    except OSError as error:
        raise VaultError(f"cannot write {relative}: {error.strerror or error}") from None
