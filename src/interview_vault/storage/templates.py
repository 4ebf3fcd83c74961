"""The vault's templates as files: its own (`Templates/Contact.md`...), or the packaged
example vault's; the folders named for them; and the date and time formats set in
Obsidian's Templates settings.

The vault's templates folders are `[vault] templates` and those Obsidian's settings name
(`VaultSettings.template_folders`), each found in any case, as the walk skips them: the
first of them that exists is the vault's own, the one messages name.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import VaultError
from ..core.settings import KindSettings, Settings
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
    templates `folders` that has it, folders and name matched in any case; the packaged
    one, with a notice naming the vault's own templates folder, when the vault has none."""
    found = ((folder, _template_at(root, folder, name)) for folder in on_disk(root, folders))
    folder, path = next(((f, p) for f, p in found if p is not None), ("", None))
    if path is None:
        own = own_folder(root, folders)
        notice(f"no {own}/{name} in the vault; using the built-in template")
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
    found = (_template_at(root, folder, name) for folder in on_disk(root, folders))
    path = next((p for p in found if p is not None), None)
    if path is None:
        return _ALL_SECTIONS
    try:
        text = path.read_bytes().decode("utf-8")
        _, body, _ = split_front_matter(text)
    except (OSError, UnicodeDecodeError):
        return _ALL_SECTIONS
    return preparation_sections(body) or ("none",)


_ALL_SECTIONS = ("goals", "research", "questions")


def own_folder(root: Path, folders: tuple[str, ...]) -> str:
    """The vault's own templates folder, as it is on disk: the first of `folders` that
    exists (`[vault] templates`, else the one Obsidian's Templates plugin names, else
    Templater's), else the first as written."""
    return next(iter(on_disk(root, folders)), folders[0] if folders else "Templates")


def on_disk(root: Path, folders: tuple[str, ...]) -> tuple[str, ...]:
    """Those of the templates `folders` that exist in the vault, in order, each as it is
    spelled on disk (`templates` for `Templates`, each part matched in any case)."""
    found = (_folder_at(root, folder) for folder in folders)
    return tuple(dict.fromkeys(folder for folder in found if folder is not None))


def _folder_at(root: Path, folder: str) -> str | None:
    """The vault-relative folder `folder` names, found part by part in any case (the name
    as written first, else the first alike), or None when there is none in the vault."""
    here, parts = root, []
    for part in folder.strip("/").split("/"):
        if not part or part in (".", ".."):
            return None
        if not (here / part).is_dir():
            try:
                alike = [e.name for e in here.iterdir() if e.name.casefold() == part.casefold()]
            except OSError:
                return None
            part = next((name for name in sorted(alike) if (here / name).is_dir()), "")
            if not part:
                return None
        here = here / part
        parts.append(part)
    relative = "/".join(parts)
    try:
        inside_vault(root, relative)
    except VaultError:  # (a link out of the vault)
        return None
    return relative


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


def new_notes_folder(root: Path, kind: KindSettings) -> str:
    """The vault's folder where a new note of `kind` goes (see `KindSettings.new_notes_folder`),
    as `existing_folder` finds it; but a folder mark that is no folder of the vault while
    one of its name is deeper in (`prospectos/` for `wiki/crm/prospectos/`) is a mark
    written from inside the tree, which `vault check` names: no stray folder is made for
    it, and the note goes to `folder`, with the warning that it is not marked."""
    folder = kind.new_notes_folder()
    if folder != kind.folder.strip("/") and not (root / folder).is_dir():
        name = folder.rpartition("/")[2]
        if any(found.is_dir() for found in root.glob(f"**/{glob.escape(name)}")):
            folder = kind.folder.strip("/")
    return existing_folder(root, folder)


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
    for folder in on_disk(root, folders):
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
