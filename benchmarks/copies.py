"""What telling copies of notes costs (`core.copies.find_copies`), on 30,000 notes' paths
and content hashes, with no copy, one large backup, one deep one and several backups.

Usage: python benchmarks/copies.py [--runs 3]

No files: `find_copies` takes the notes' content hashes by path, as the index keeps them.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections.abc import Callable

from interview_vault.core.copies import find_copies

NOTES = 30_000


def _hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def live(count: int, depth: int = 1) -> dict[str, str]:
    """`count` notes by path below the vault's root, `depth` folders deep, each its own."""
    below = "/".join(f"level {n}" for n in range(depth - 1))
    found = {}
    for n in range(count):
        folder = f"Folder {n % 20}" + (f"/{below}" if below else "")
        found[f"{folder}/Note {n}.md"] = f"note {n}"
    return found


def with_backups(notes: dict[str, str], backups: list[str]) -> dict[str, bytes]:
    """The notes, and each backup folder holding a copy of them all."""
    hashes = {path: _hash(text) for path, text in notes.items()}
    for backup in backups:
        hashes |= {f"{backup}/{path}": _hash(text) for path, text in notes.items()}
    return hashes


CASES: dict[str, Callable[[], dict[str, bytes]]] = {
    "no copies": lambda: with_backups(live(NOTES), []),
    "one 15k-note backup": lambda: with_backups(live(NOTES // 2), ["_backup"]),
    "one backup at depth 20": lambda: with_backups(live(NOTES // 2, depth=20), ["_backup"]),
    "seven backups at depth 10": lambda: with_backups(
        live(NOTES // 8, depth=10), [f"backups/2026-01-0{n}" for n in range(1, 8)]
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    for name, make in CASES.items():
        hashes = make()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            copies = find_copies(hashes)
            times.append(time.perf_counter() - started)
        print(
            f"{name:28} {len(hashes):>7,} notes  {statistics.median(times) * 1000:8.1f} ms"
            f"  {len(copies)} cop{'y' if len(copies) == 1 else 'ies'}"
        )


if __name__ == "__main__":
    main()
