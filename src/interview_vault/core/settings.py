"""The settings and their defaults (defaults live only here), read from decoded TOML tables.

The file itself, `.vault/config.toml`, is read by `storage.settings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .model import Problem

CONFIG_PATH = ".vault/config.toml"


@dataclass(frozen=True)
class DigestSettings:
    follow_up_after_days: int = 7
    max_follow_ups: int = 2
    thank_you_within_days: int = 1
    reach_out_within_days: int = 7
    keep_in_touch_days: int = 90
    prepare_days_before: int = 1
    min_questions: int = 3
    lookahead_days: int = 7
    output: str = "DIGEST.md"


@dataclass(frozen=True)
class VaultSettings:
    templates: str = "Templates"


@dataclass(frozen=True)
class MeSettings:
    name: str = ""
    synopsis: str = ""
    availability: tuple[str, ...] = ()
    timezone: str = ""


@dataclass(frozen=True)
class Settings:
    digest: DigestSettings = field(default_factory=DigestSettings)
    vault: VaultSettings = field(default_factory=VaultSettings)
    me: MeSettings = field(default_factory=MeSettings)


def parse_settings(data: dict[str, Any]) -> tuple[Settings, list[Problem]]:
    """Settings from already-decoded TOML tables; wrong types become warnings."""
    problems: list[Problem] = []
    defaults = Settings()
    sections: dict[str, Any] = {}
    for section_field in fields(Settings):
        section_default = getattr(defaults, section_field.name)
        table = data.get(section_field.name, {})
        if not isinstance(table, dict):
            problems.append(settings_problem(None, f"[{section_field.name}] must be a table"))
            table = {}
        sections[section_field.name] = _parse_table(
            section_field.name, table, section_default, problems
        )
    for unknown in sorted(set(data) - {f.name for f in fields(Settings)}):
        problems.append(settings_problem(None, f"unknown settings table [{unknown}]"))
    return Settings(**sections), problems


def _parse_table(name: str, table: dict[str, Any], default: Any, problems: list[Problem]) -> Any:
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(default)}
    for key, value in table.items():
        if key not in known:
            problems.append(settings_problem(None, f"unknown setting {name}.{key}"))
            continue
        expected = getattr(default, key)
        converted = _convert(value, expected)
        if converted is None:
            problems.append(
                settings_problem(None, f"{name}.{key} must be {_describe(expected)}, not {value!r}")
            )
            continue
        values[key] = converted
    return replace(default, **values)


def _convert(value: Any, expected: Any) -> Any:
    """The value in the default's type, or None when it cannot be one."""
    if isinstance(expected, bool):
        return value if isinstance(value, bool) else None
    if isinstance(expected, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return value if ok else None
    if isinstance(expected, str):
        return value if isinstance(value, str) else None
    if isinstance(expected, tuple):
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return None
    return None


def _describe(expected: Any) -> str:
    if isinstance(expected, int):
        return "a whole number of 0 or more"
    if isinstance(expected, str):
        return "text"
    return "a list of text"


def settings_problem(line: int | None, message: str, severity: str = "warning") -> Problem:
    return Problem(CONFIG_PATH, line, "error" if severity == "error" else "warning", message)
