"""The vault's templates as files: its own (`Templates/Contact.md`...), or the packaged
example vault's; the folders named for them; and the date and time formats set in
Obsidian's Templates settings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import VaultError
from ..core.settings import Settings
from ..core.words import is_templates_folder
from ..notes.body import preparation_sections
from ..notes.frontmatter import split_front_matter
from ..notes.templates import DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
from .files import inside_vault

if TYPE_CHECKING:
    from importlib.abc import Traversable


def packaged_vault() -> Traversable:
    """The example vault inside the installed package."""
    from importlib import resources  # (its import brings tempfile: only when needed)

    return resources.files("interview_vault") / "vault_template"


def read_template(
    root: Path, folders: tuple[str, ...], name: str, notice: Callable[[str], None]
) -> tuple[str, str]:
    """(text, where it comes from) of the template `name` in the first of the vault's
    templates `folders` that has it, matched in any case; the packaged one, with a notice,
    when the vault has none."""
    found = ((folder, _template_at(root, folder, name)) for folder in folders)
    folder, path = next(((f, p) for f, p in found if p is not None), (folders[0], None))
    if path is None:
        notice(f"no {folders[0]}/{name} in the vault; using the built-in template")
        builtin = packaged_vault() / "Templates" / name
        return builtin.read_text(encoding="utf-8"), f"built-in {name}"
    label = f"{folder}/{path.name}"
    try:
        return path.read_bytes().decode("utf-8"), label
    except OSError as error:
        raise VaultError(f"cannot read {label}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise VaultError(f"{label} is not UTF-8 text: save it as UTF-8") from None


def interview_sections(root: Path, folders: tuple[str, ...], settings: Settings) -> tuple[str, ...]:
    """The sections of preparation the vault's interview template has (`("none",)` when it
    has none of goals, research and questions); all three with the built-in template, or
    one that cannot be read (`vault new` says why when it is used)."""
    name = settings.kinds.interview.template
    path = next((p for f in folders if (p := _template_at(root, f, name)) is not None), None)
    if path is None:
        return _ALL_SECTIONS
    try:
        text = path.read_bytes().decode("utf-8")
        _, body, _ = split_front_matter(text)
    except (OSError, UnicodeDecodeError):
        return _ALL_SECTIONS
    return preparation_sections(body) or ("none",)


_ALL_SECTIONS = ("goals", "research", "questions")


def _template_at(root: Path, folder: str, name: str) -> Path | None:
    try:
        return _child(inside_vault(root, folder), name)
    except VaultError:  # (a folder outside the vault, as Obsidian's settings may name one)
        return None


def _child(folder: Path, name: str) -> Path | None:
    """`folder/name`, matching the name in any case (as on macOS and Windows), or None."""
    if (folder / name).is_file():
        return folder / name
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    return next((e for e in entries if e.name.casefold() == name.casefold() and e.is_file()), None)


def named_templates_folders(root: Path) -> tuple[str, ...]:
    """The folders named for templates (`Templates`, `_templates`, `0_meta/templates`) at
    the vault's root or in a folder there, shallowest first, then by name: where templates
    are looked for when Obsidian's settings name none. (Deeper ones are left out of the
    notes all the same, by the walk; looking for them here would cost a second walk.)"""
    found: list[str] = []
    for top in _subfolders(root, ""):
        if is_templates_folder(top):
            found.append(top)
        else:
            found += (f for f in _subfolders(root, top) if is_templates_folder(f.split("/")[1]))
    return tuple(sorted(found, key=lambda f: (f.count("/"), f.casefold())))


def _subfolders(root: Path, folder: str) -> list[str]:
    """The vault-relative paths of the folders in `folder` (not dot folders, not links)."""
    try:
        with os.scandir(root / folder if folder else root) as entries:
            names = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    return [f"{folder}/{name}" if folder else name for name in names if not name.startswith(".")]


def existing_folder(root: Path, name: str) -> str:
    """The vault's folder called `name` in any case (`contacts/`), or `name` itself."""
    if (root / name).is_dir():
        return name
    try:
        entries = list(root.iterdir())
    except OSError:
        return name
    existing = [e.name for e in entries if e.is_dir() and e.name.casefold() == name.casefold()]
    return min(existing) if existing else name


def obsidian_formats(root: Path, notice: Callable[[str], None]) -> tuple[str, str]:
    """The default `{{date}}` and `{{time}}` formats set in Obsidian's Templates settings."""
    path = root / ".obsidian" / "templates.json"
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    except (OSError, ValueError) as error:
        notice(f".obsidian/templates.json cannot be read ({error}); using YYYY-MM-DD, HH:mm")
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    if not isinstance(settings, dict):
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    date_format, time_format = settings.get("dateFormat"), settings.get("timeFormat")
    return (
        date_format if isinstance(date_format, str) and date_format else DEFAULT_DATE_FORMAT,
        time_format if isinstance(time_format, str) and time_format else DEFAULT_TIME_FORMAT,
    )


def template_texts(root: Path, folders: tuple[str, ...]) -> list[tuple[str, str]]:
    """(file name, text) of every template in the vault's templates folders."""
    found = []
    entries = []
    for folder in folders:
        try:
            entries += sorted(inside_vault(root, folder.strip("/")).iterdir())
        except (OSError, VaultError):
            continue
    for entry in entries:
        if entry.suffix.casefold() == ".md" and entry.is_file():
            try:
                found.append((entry.name, entry.read_bytes().decode("utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return found
