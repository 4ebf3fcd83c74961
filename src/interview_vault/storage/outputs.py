"""Rendered digests kept as files beside the index, so a run where nothing changed reads no
note. Kept as files, not in the index: ten megabytes written through SQLite's journal cost
ten times as much, and a file is simply replaced.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

OUTPUT_PREFIX = "digest-cache-"  # + key
KEPT = 2  # the latest two (today's, and the one before: two formats, or yesterday's)
_LENGTH = 20  # digits of the length every file starts with


def read_output(folder: Path, key: str) -> str | None:
    """The digest stored under `key`, if it is there whole."""
    try:
        data = (folder / f"{OUTPUT_PREFIX}{key}").read_bytes()
    except OSError:
        return None
    header, _, text = data.partition(b"\n")
    if not header.isdigit() or int(header) != len(text):  # cut short by a crash: not trusted
        return None
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        return None


def store_output(folder: Path, key: str, pieces: Iterable[bytes]) -> None:
    """Keep a rendered digest (its pieces in UTF-8, in order); the oldest beyond a few are
    deleted."""
    target = folder / f"{OUTPUT_PREFIX}{key}"
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with temporary.open("wb") as file:
            file.write(b"0" * _LENGTH + b"\n")
            length = 0
            for piece in pieces:
                file.write(piece)
                length += len(piece)
            file.seek(0)
            file.write(f"{length:0{_LENGTH}d}".encode())
        os.replace(temporary, target)
        kept = sorted(folder.glob(f"{OUTPUT_PREFIX}*"), key=lambda path: path.stat().st_mtime_ns)
        for old in kept[:-KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)  # a cache: never worth an error


def clear_outputs(folder: Path) -> None:
    """Delete every stored digest (made from an index that is gone)."""
    for cached in folder.glob(f"{OUTPUT_PREFIX}*"):
        cached.unlink(missing_ok=True)
