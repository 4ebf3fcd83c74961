"""Creating files: a new vault from the packaged template, new notes from the vault's templates.

Nothing here ever replaces a file: every write goes through `store.create`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from . import store
from .config import Settings
from .digest import take_snapshot
from .edit import BOM, EditError, set_value
from .errors import VaultError
from .frontmatter import FrontMatter, FrontMatterError, read_front_matter, split_front_matter
from .lookup import KINDS, NameLookupError, find_note
from .model import Note
from .templates import (
    DEFAULT_DATE_FORMAT,
    DEFAULT_TIME_FORMAT,
    check_note_name,
    fill_placeholders,
    yaml_link,
    yaml_scalar,
)

Notice = Callable[[str], None]

# Where each kind of note goes, and the template it starts from (in the templates folder).
FOLDERS = {"contact": "Contacts", "interview": "Interviews", "organization": "Organizations"}
TEMPLATES = {
    "contact": "Contact.md",
    "interview": "Interview.md",
    "organization": "Organization.md",
}

# The dot files of the packaged vault that `vault init` copies; pyproject.toml ships the same.
SHIPPED_SETTINGS = (".obsidian/app.json", ".obsidian/templates.json", ".vault/config.toml")


class NoteExistsError(VaultError):
    """A note of that name is already in the vault; it is never overwritten."""


# --- vault init ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InitResult:
    root: Path
    created: tuple[str, ...]
    kept: tuple[str, ...]  # already there (with --force): left as they were


def packaged_vault() -> Traversable:
    """The example vault inside the installed package."""
    return resources.files("interview_vault") / "vault_template"


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


def init_vault(target: Path, *, force: bool = False) -> InitResult:
    """Copy the packaged vault into `target`; an existing file is never replaced.

    A folder with anything in it is refused unless `force`, which adds only what is missing.
    """
    if target.exists() and not target.is_dir():
        raise VaultError(f"{target} is a file, not a folder")
    try:
        if target.is_dir() and any(target.iterdir()) and not force:
            raise VaultError(
                f"{target} is not empty; use --force to add the missing files "
                "(existing files are never overwritten)"
            )
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise VaultError(f"cannot create a vault in {target}: {error.strerror or error}") from None
    created, kept = [], []
    for relative, source in template_files():
        if (target / relative).exists() or (target / relative).is_symlink():
            kept.append(relative)
            continue
        _create(target, relative, source.read_text(encoding="utf-8"))
        created.append(relative)
    return InitResult(target.resolve(), tuple(created), tuple(kept))


def _create(root: Path, relative: str, text: str) -> Path:
    try:
        return store.create(root, relative, text)
    except OSError as error:
        raise VaultError(f"cannot write {relative}: {error.strerror or error}") from None


# --- vault new ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewNote:
    path: Path  # absolute
    relative: str  # vault-relative, '/'-separated
    missing: tuple[tuple[str, str], ...] = ()  # (kind, name) linked to but without a note


@dataclass
class _Vault:
    """What composing a note needs from the vault: its folder, settings and notes."""

    root: Path
    settings: Settings
    notes: list[Note]
    notice: Notice
    missing: list[tuple[str, str]] = field(default_factory=list)


def _read_vault(root: Path, notice: Notice) -> _Vault:
    snapshot = take_snapshot(root, notice)
    try:
        return _Vault(snapshot.root, snapshot.settings, snapshot.notes(), notice)
    finally:
        snapshot.close()


def new_contact(
    root: Path,
    name: str,
    *,
    now: datetime,
    organization: str | None = None,
    referred_by: str | None = None,
    source: str | None = None,
    email: str | None = None,
    notice: Notice = lambda message: None,
) -> NewNote:
    """Create `Contacts/NAME.md` from the vault's contact template, with the given properties."""
    title = check_note_name(name)
    vault = _read_vault(root, notice)
    properties = {
        "organization": _optional(organization, lambda o: _link(vault, o, "organization")),
        "referred_by": _optional(referred_by, lambda r: _link(vault, r, "contact")),
        "source": _optional(source, yaml_scalar),
        "email": _optional(email, yaml_scalar),
    }
    return _new_note(vault, "contact", title, properties, now)


def _optional(value: str | None, write: Callable[[str], str]) -> str | None:
    return None if value is None else write(value)


def new_interview(
    root: Path,
    contact: str,
    when: date,
    *,
    now: datetime,
    notice: Notice = lambda message: None,
) -> NewNote:
    """Create `Interviews/YYYY-MM-DD NAME.md` with `contact` and `date` (a date or date-time)."""
    vault = _read_vault(root, notice)
    target = _target(vault, contact, "contact")
    person = target.rsplit("/", 1)[-1]
    written = when.strftime("%Y-%m-%dT%H:%M") if isinstance(when, datetime) else when.isoformat()
    properties = {"contact": yaml_link(target), "date": written}
    day = when.date() if isinstance(when, datetime) else when
    if day < now.date():
        properties["status"] = "done"  # set only where the template has a status
    title = check_note_name(f"{day.isoformat()} {person}")
    return _new_note(vault, "interview", title, properties, now)


def new_organization(
    root: Path,
    name: str,
    *,
    now: datetime,
    target: bool = False,
    notice: Notice = lambda message: None,
) -> NewNote:
    """Create `Organizations/NAME.md`; `target: true` when you want to meet someone there."""
    title = check_note_name(name)
    vault = _read_vault(root, notice)
    return _new_note(vault, "organization", title, {"target": "true" if target else None}, now)


def _new_note(
    vault: _Vault, kind: str, title: str, properties: Mapping[str, str | None], now: datetime
) -> NewNote:
    relative = f"{_folder(vault.root, FOLDERS[kind])}/{title}.md"
    for note in vault.notes:
        if note.name.casefold() == title.casefold():
            if note.path == relative:
                raise NoteExistsError(f"{relative} already exists; not overwriting it")
            raise NoteExistsError(f'a note named "{title}" already exists: {note.path}')
    template, label = _read_template(vault, kind)
    date_format, time_format = _obsidian_formats(vault)
    text = fill_placeholders(template, title, now, date_format, time_format)
    front = _front_matter(text, label)
    if str(front.values.get("type") or "").casefold() != kind:
        text = set_value(text, "type", kind, label)
    for key, value in properties.items():
        if value is None or (key == "status" and not front.values.get("status")):
            continue
        text = _set_property(text, key, value, label)
    path = _create(vault.root, relative, text)
    return NewNote(path, relative, tuple(vault.missing))


def _link(vault: _Vault, name: str, kind: str) -> str:
    """`"[[Name]]"` for the note of `kind` that `name` means (see `_target`)."""
    return yaml_link(_target(vault, name, kind))


def _target(vault: _Vault, name: str, kind: str) -> str:
    """What a link to `name` should say: the note's name (its path if the name is shared).

    A name without a note of `kind` is kept as given, and remembered as missing.
    """
    note = _resolve(vault.notes, name, kind)
    if note is None:
        check_note_name(name)  # it will be a note's name one day
        vault.missing.append((kind, name))
        return name
    shared = sum(1 for n in vault.notes if n.name.casefold() == note.name.casefold()) > 1
    return note.path[:-3] if shared else note.name


def _resolve(notes: list[Note], name: str, kind: str) -> Note | None:
    """The note of `kind` that `name` means, None when there is none; several: an error."""
    try:
        return find_note(notes, name, kind)
    except NameLookupError:
        wanted = name.strip().removesuffix(".md").strip("/").casefold()
        pool = [n for n in notes if isinstance(n.record, KINDS[kind])]
        if any(wanted in _names(note) for note in pool):
            raise  # several notes answer to this name: the message lists them
        return None


def _names(note: Note) -> set[str]:
    """Every name a link can reach `note` by, in lower case."""
    return {name.casefold() for name in (note.path[:-3], note.name, note.title, *note.aliases)}


def _read_template(vault: _Vault, kind: str) -> tuple[str, str]:
    """The vault's own template for `kind` (text, vault-relative path), or the packaged one."""
    folder = vault.settings.vault.templates.strip("/")
    wanted = TEMPLATES[kind]
    path = _child(store.inside_vault(vault.root, folder), wanted)
    if path is None:
        vault.notice(f"no {folder}/{wanted} in the vault; using the built-in template")
        builtin = packaged_vault() / "Templates" / wanted
        return builtin.read_text(encoding="utf-8"), f"built-in {wanted}"
    label = f"{folder}/{path.name}"
    try:
        return path.read_bytes().decode("utf-8"), label
    except OSError as error:
        raise VaultError(f"cannot read {label}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise VaultError(f"{label} is not UTF-8 text: save it as UTF-8") from None


def _child(folder: Path, name: str) -> Path | None:
    """`folder/name`, matching the name in any case (as on macOS and Windows), or None."""
    if (folder / name).is_file():
        return folder / name
    try:
        entries = list(folder.iterdir())
    except OSError:
        return None
    return next((e for e in entries if e.name.casefold() == name.casefold() and e.is_file()), None)


def _folder(root: Path, name: str) -> str:
    """The folder for a kind of note: an existing one in any case (`contacts/`), or `name`."""
    if (root / name).is_dir():
        return name
    existing = [
        e.name for e in root.iterdir() if e.is_dir() and e.name.casefold() == name.casefold()
    ]
    return min(existing) if existing else name


def _obsidian_formats(vault: _Vault) -> tuple[str, str]:
    """The default `{{date}}` and `{{time}}` formats set in Obsidian's Templates settings."""
    path = vault.root / ".obsidian" / "templates.json"
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    except (OSError, ValueError) as error:
        vault.notice(f".obsidian/templates.json cannot be read ({error}); using YYYY-MM-DD, HH:mm")
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    if not isinstance(settings, dict):
        return DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT
    date_format, time_format = settings.get("dateFormat"), settings.get("timeFormat")
    return (
        date_format if isinstance(date_format, str) and date_format else DEFAULT_DATE_FORMAT,
        time_format if isinstance(time_format, str) and time_format else DEFAULT_TIME_FORMAT,
    )


def _front_matter(text: str, label: str) -> FrontMatter:
    try:
        yaml_text, _, _ = split_front_matter(text.removeprefix(BOM))
        return read_front_matter(yaml_text) if yaml_text is not None else FrontMatter()
    except FrontMatterError as error:
        raise EditError(f"{label}:{error.line}: {error}; fix the template") from None


_EMPTY_LIST = re.compile(r"(.*:)[ \t]*\[[ \t]*\]([ \t]*#.*?)?(\r?)")


def _set_property(text: str, key: str, value: str, label: str) -> str:
    """Set `key` to `value`; where the template has an empty list (`contact: []`), a list of one."""
    front = _front_matter(text, label)
    if front.values.get(key) == []:
        lines = text.split("\n")
        row = front.key_lines[key] - 1
        match = _EMPTY_LIST.fullmatch(lines[row])
        if match:
            head, comment, cr = match.groups()
            lines[row : row + 1] = [f"{head}{comment or ''}{cr}", f"  - {value}{cr}"]
            return "\n".join(lines)
    return set_value(text, key, value, label)


# --- vault open ---------------------------------------------------------------------------


def locate_note(root: Path, name: str, notice: Notice = lambda message: None) -> tuple[Path, str]:
    """(vault folder, vault-relative path) of the note `name` means, resolved like a link."""
    vault = _read_vault(root, notice)
    return vault.root, find_note(vault.notes, name).path
