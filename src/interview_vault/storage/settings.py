"""Reading the vault's settings file, `.vault/config.toml` (the settings themselves: core)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.errors import VaultError
from ..core.model import Problem
from ..core.settings import CONFIG_PATH, Settings, parse_settings, settings_problem
from .files import write_atomically


def load_settings(vault_root: Path) -> tuple[Settings, list[Problem]]:
    """Read the vault's settings; anything unreadable is a problem and falls back to the default."""
    path = vault_root / CONFIG_PATH
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [
            settings_problem(None, f"cannot read settings: {error.strerror}", "error")
        ]
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        line = getattr(error, "lineno", None)
        return Settings(), [settings_problem(line, f"invalid settings file: {error}", "error")]
    return parse_settings(data)


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
