"""Putting it together: notes -> items, chains and problems for one day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .chains import build_chains
from .config import Settings, load_settings
from .graph import build_vault
from .model import Digest, Note, Problem
from .rules import build_items
from .vault import open_vault, read_note, walk_notes


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """By note, then line (file-level ones first), then message: stable across runs."""
    unique = dict.fromkeys(problems)
    return tuple(sorted(unique, key=lambda p: (p.note, p.line or 0, p.message, p.severity)))


def build_digest(
    notes: list[Note], settings: Settings, today: date, problems: Iterable[Problem] = ()
) -> Digest:
    """The digest of parsed notes; `problems` were found before parsing (settings, folders)."""
    vault = build_vault(notes)
    items = build_items(vault, settings.digest, today)
    chains, chain_problems = build_chains(vault, today)
    everything = [
        *problems,
        *(p for n in notes for p in n.problems),
        *vault.problems,
        *chain_problems,
    ]
    shared = frozenset(name for name, found in vault.resolver.by_name.items() if len(found) > 1)
    return Digest(
        today,
        tuple(items),
        tuple(chains),
        sort_problems(everything),
        sort_problems(vault.unresolved_problems()),
        shared,
    )


def load_notes(root: Path, settings: Settings, problems: list[Problem]) -> list[Note]:
    """Read every note of the vault from disk, without any cache."""
    return [read_note(root, found.path) for found in walk_notes(root, settings, problems)]


def digest_folder(root: Path, today: date) -> Digest:
    """Read a vault folder from scratch and build its digest."""
    root = open_vault(root)
    settings, problems = load_settings(root)
    notes = load_notes(root, settings, problems)
    return build_digest(notes, settings, today, problems)
