"""Reading the vault's settings file, `.vault/config.toml` (the settings themselves: core)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..core.model import Problem
from ..core.settings import CONFIG_PATH, Settings, parse_settings, settings_problem


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
