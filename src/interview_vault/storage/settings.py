"""Reading the vault's settings file, `.vault/config.toml` (the settings themselves: core)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..core.errors import VaultError
from ..core.model import Problem
from ..core.settings import (
    CONFIG_PATH,
    Settings,
    excluded_path,
    parse_settings,
    settings_problem,
)
from ..core.words import is_templates_folder
from .files import write_atomically
from .folder import named_for_templates
from .templates import interview_sections, named_templates_folders


def load_settings(vault_root: Path) -> tuple[Settings, list[Problem]]:
    """Read the vault's settings; anything unreadable is a problem and falls back to the
    default. What they leave unset of the templates and daily notes comes from Obsidian's."""
    settings, problems = _read_settings(vault_root)
    problems += exclude_problems(settings, vault_root)
    return with_obsidian(settings, vault_root), problems


def exclude_problems(settings: Settings, vault_root: Path) -> list[Problem]:
    """A warning for each entry of `[vault] exclude` that names no folder of the vault (a
    typo, `Snapshot/*`, a note's path), which would leave nothing out and say nothing."""
    return [
        settings_problem(
            None,
            f"vault.exclude: no folder {json.dumps(entry, ensure_ascii=False)} in the vault "
            "(a folder path from the vault's root; no wildcards)",
        )
        for entry in settings.vault.exclude
        if not _is_folder(vault_root, excluded_path(entry))
    ]


def _is_folder(root: Path, path: str) -> bool:
    """Whether a vault-relative path is a folder, its names in any case (as the walk
    compares them)."""
    names = path.split("/")
    if not path or any(name in (".", "..") for name in names):
        return False
    folder = root
    for name in names:
        if (folder / name).is_dir():
            folder = folder / name
            continue
        try:
            with os.scandir(folder) as entries:
                found = [e.path for e in entries if e.name.casefold() == name.casefold()]
        except OSError:
            return False
        folders = [each for each in found if os.path.isdir(each)]
        if not folders:
            return False
        folder = Path(folders[0])
    return True


def _read_settings(vault_root: Path) -> tuple[Settings, list[Problem]]:
    path = vault_root / CONFIG_PATH
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [
            settings_problem(None, f"cannot read settings: {error.strerror}", "error")
        ]
    import tomllib  # (imported only for a vault with settings)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        line = getattr(error, "lineno", None)
        return Settings(), [settings_problem(line, f"invalid settings file: {error}", "error")]
    return parse_settings(data)


def with_obsidian(settings: Settings, vault_root: Path) -> Settings:
    """The settings with what Obsidian's own say where they leave it unset: the folders of
    its Templates and Templater plugins (failing those, the folders named for templates:
    `0_meta/templates`), and the daily notes' folder and format (the Periodic Notes
    plugin's when it has daily notes on, else the Daily notes plugin's)."""
    vault = settings.vault
    if not vault.obsidian_templates:
        folders = (
            _setting(vault_root, "templates.json", "folder"),
            _setting(vault_root, "plugins/templater-obsidian/data.json", "templates_folder"),
        )
        found = tuple(f.strip().strip("/") for f in folders if f and f.strip().strip("/"))
        if not found and named_for_templates(settings) is is_templates_folder:
            own = vault.templates.strip("/").casefold()
            found = tuple(f for f in named_templates_folders(vault_root) if f.casefold() != own)
        vault = replace(vault, obsidian_templates=found)
    if not vault.daily_notes and not vault.daily_format:
        periodic = _json(vault_root / ".obsidian/plugins/periodic-notes/data.json").get("daily")
        if isinstance(periodic, dict) and periodic.get("enabled"):
            daily: Mapping[str, Any] = periodic
        else:
            daily = _json(vault_root / ".obsidian/daily-notes.json")
            if not (vault_root / ".obsidian/daily-notes.json").is_file():
                daily = {}
        if daily:
            folder, fmt = daily.get("folder"), daily.get("format")
            vault = replace(
                vault,
                daily_notes=folder.strip().strip("/") if isinstance(folder, str) else "",
                daily_format=fmt.strip() if isinstance(fmt, str) and fmt.strip() else "YYYY-MM-DD",
            )
    if not settings.digest.prepare_sections:
        sections = interview_sections(vault_root, vault.template_folders, settings)
        if sections != ("goals", "research", "questions"):  # (else left empty: all three)
            digest = replace(settings.digest, prepare_sections=sections)
            settings = replace(settings, digest=digest)
    if not vault.task_statuses:
        tasks = _json(vault_root / ".obsidian/plugins/obsidian-tasks-plugin/data.json")
        status_settings = tasks.get("statusSettings")
        statuses: list[str] = []
        if isinstance(status_settings, dict):
            for group in ("coreStatuses", "customStatuses"):
                for status in status_settings.get(group) or []:
                    if not isinstance(status, dict):
                        continue
                    symbol, kind = status.get("symbol"), status.get("type")
                    if isinstance(symbol, str) and len(symbol) == 1 and isinstance(kind, str):
                        statuses.append(f"{symbol} {kind}")
        if statuses:
            vault = replace(vault, task_statuses=tuple(statuses))
    return settings if vault is settings.vault else replace(settings, vault=vault)


def _setting(vault_root: Path, name: str, key: str) -> str | None:
    value = _json(vault_root / ".obsidian" / name).get(key)
    return value if isinstance(value, str) else None


def _json(path: Path) -> dict[str, Any]:
    """A JSON object from a file of Obsidian's; empty when it is missing or unreadable (a
    plugin's settings are its own business: they never stop a run)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def merge_settings(vault_root: Path, tables: Mapping[str, Mapping[str, Any]]) -> Path:
    """Set these settings (by table, `kinds.contact`...) in `.vault/config.toml`, keeping the
    rest of the file as written: other settings, comments, order. The file, and `.vault/`,
    are made when missing. tomlkit edits TOML in place; tomllib only reads it."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = vault_root / CONFIG_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise VaultError(f"cannot read {CONFIG_PATH}: {error}") from None
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as error:
        raise VaultError(f"{CONFIG_PATH} is not valid TOML ({error}); fix it first") from None
    for dotted, values in tables.items():
        table: Any = document
        parts = dotted.split(".")
        for depth, part in enumerate(parts):
            if part not in table:
                table[part] = tomlkit.table(is_super_table=depth < len(parts) - 1)
            table = table[part]
        for key, value in values.items():
            table[key] = value
    try:
        write_atomically(path, tomlkit.dumps(document))
    except OSError as error:
        raise VaultError(f"cannot write {CONFIG_PATH}: {error.strerror or error}") from None
    return path
