"""Snoozed items: `.vault/snoozes.txt`, one `ID YYYY-MM-DD  # what` per line, synced with git.

A snooze hides an item until its day comes; lines whose day has passed are dropped the
next time the file is written, so the file cleans itself up.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..core.dates import parse_day
from ..core.errors import VaultError
from ..core.model import Problem
from .files import write_atomically

SNOOZE_PATH = ".vault/snoozes.txt"
HEADER = "# Items `vault snooze` hides until a day: ID YYYY-MM-DD. Old lines are dropped.\n"
_LINE = re.compile(r"([a-z0-9]{6})\s+(\d{4}-\d{2}-\d{2})(?:\s+#.*)?")


def read_snoozes(vault_root: Path) -> tuple[dict[str, date], list[Problem]]:
    """Each snoozed id with the day it comes back; unreadable lines are warnings."""
    try:
        text = (vault_root / SNOOZE_PATH).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [Problem(SNOOZE_PATH, None, "warning", f"cannot read snoozes: {error}")]
    problems: list[Problem] = []
    return read_snooze_text(text, problems)[0], problems


def read_snooze_text(text: str, problems: list[Problem]) -> tuple[dict[str, date], list[Problem]]:
    """The snoozes a text of the file holds; its unreadable lines are added to `problems`."""
    snoozes: dict[str, date] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line.lower())
        try:
            if match is None:
                raise ValueError(line)
            snoozes[match.group(1)] = max(
                parse_day(match.group(2)), snoozes.get(match.group(1), date.min)
            )
        except ValueError:
            problems.append(
                Problem(SNOOZE_PATH, number, "warning", f"cannot read {line!r} (ID YYYY-MM-DD)")
            )
    return snoozes, problems


def add_snooze(root: Path, snoozed_id: str, until: date, what: str, today: date) -> None:
    """Snooze an item (`what` it is, for the person reading the file) until a day."""
    _write(root, snooze_text(_current(root), snoozed_id, until, what, today))


def remove_snooze(root: Path, snoozed_id: str, today: date) -> bool:
    """Bring a snoozed item back; False when it was not snoozed."""
    current = _current(root)
    if snoozed_id not in read_snooze_text(current, [])[0]:
        return False
    _write(root, snooze_text(current, snoozed_id, None, "", today))
    return True


def _current(root: Path) -> str:
    try:
        return (root / SNOOZE_PATH).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as error:
        raise VaultError(f"cannot read {SNOOZE_PATH}: {error}") from None


def _write(root: Path, text: str) -> None:
    try:
        write_atomically(root / SNOOZE_PATH, text)
    except OSError as error:
        raise VaultError(f"cannot write {SNOOZE_PATH}: {error.strerror or error}") from None


def snooze_text(current: str, snoozed_id: str, until: date | None, what: str, today: date) -> str:
    """The file's new text with one snooze set (or, `until` None, taken away): lines that
    expired are dropped, and any line this tool does not understand (a comment, a typo) is
    kept as the person wrote it."""
    kept: list[str] = []
    for line in current.splitlines():
        match = _LINE.fullmatch(line.strip().lower())
        if match:
            try:
                expired = parse_day(match.group(2)) <= today
            except ValueError:
                expired = False
            if expired or match.group(1) == snoozed_id:
                continue
        kept.append(line)
    if not kept:
        kept.append(HEADER.rstrip("\n"))
    if until is not None:
        kept.append(f"{snoozed_id} {until.isoformat()}  # {what}")
    return "\n".join(kept) + "\n"
