"""Floors for reading a vault: how fast can anything read the notes and their front matter?

Usage: python benchmarks/baselines.py VAULT [--runs 3]

Each baseline walks the vault the way the tool does (every `*.md` below it,
skipping folders whose name starts with `.`, the top-level `Templates` folder
and the digest file) and returns (elapsed seconds, count). Needs PyYAML built
with libyaml and python-frontmatter.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import frontmatter
import yaml

TEMPLATES = "Templates"
DIGEST = "DIGEST.md"
# The closing line of a front matter block; the opening `---` is checked separately.
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)

Baseline = Callable[[Path], tuple[float, int]]


def note_paths(vault: Path) -> list[Path]:
    """Every note the tool would read, in a stable order."""
    notes: list[Path] = []
    for folder, subfolders, files in os.walk(vault):
        top = Path(folder) == vault
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and not (top and name == TEMPLATES)
        )
        notes.extend(
            Path(folder, name)
            for name in sorted(files)
            if name.endswith(".md") and not (top and name == DIGEST)
        )
    return notes


def split_front_matter(text: str) -> str | None:
    """The YAML between a note's leading `---` line and the closing one, if any."""
    if not text.startswith(("---\n", "---\r\n")):
        return None
    start = text.index("\n") + 1
    end = _FRONT_MATTER_END.search(text, start)
    return text[start : end.start()] if end else None


def read_all(vault: Path) -> tuple[float, int]:
    """Read every note as bytes, like `cat`: the I/O floor. Counts files."""
    started = time.perf_counter()
    count = 0
    for path in note_paths(vault):
        path.read_bytes()
        count += 1
    return time.perf_counter() - started, count


def parse_front_matter_csafe(vault: Path) -> tuple[float, int]:
    """Read, split and parse every front matter with libyaml. Counts notes with a mapping."""
    started = time.perf_counter()
    count = 0
    for path in note_paths(vault):
        try:
            block = split_front_matter(path.read_bytes().decode("utf-8"))
            data = yaml.load(block, Loader=yaml.CSafeLoader) if block is not None else None
        except (UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict):
            count += 1
    return time.perf_counter() - started, count


def frontmatter_loop(vault: Path) -> tuple[float, int]:
    """`frontmatter.load` on every note (python-frontmatter). Counts notes with metadata."""
    started = time.perf_counter()
    count = 0
    for path in note_paths(vault):
        try:
            post = frontmatter.load(path)
        except (UnicodeDecodeError, yaml.YAMLError, ValueError):
            continue
        if post.metadata:
            count += 1
    return time.perf_counter() - started, count


BASELINES: list[tuple[str, Baseline, str]] = [
    ("read_all", read_all, "files"),
    ("parse_front_matter_csafe", parse_front_matter_csafe, "with front matter"),
    ("frontmatter_loop", frontmatter_loop, "with front matter"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the floors for reading a vault.")
    parser.add_argument("vault", type=Path, help="the vault folder")
    parser.add_argument("--runs", type=int, default=3, help="runs per baseline (median shown)")
    args = parser.parse_args(argv)
    vault: Path = args.vault
    if not vault.is_dir():
        print(f"baselines.py: {vault} is not a folder", file=sys.stderr)
        return 2
    if not yaml.__with_libyaml__:
        print("baselines.py: PyYAML was built without libyaml (no CSafeLoader)", file=sys.stderr)
        return 2

    notes = note_paths(vault)
    size = sum(path.stat().st_size for path in notes)
    print(f"{vault}: {len(notes):,} notes, {size / 1e6:.1f} MB; median of {args.runs} runs")
    for name, baseline, unit in BASELINES:
        results = [baseline(vault) for _ in range(args.runs)]
        elapsed = statistics.median(seconds for seconds, _ in results)
        print(f"  {name:<26} {elapsed:8.3f} s  {results[0][1]:>8,} {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
