"""Putting it together: the folder -> notes (through the index) -> items, chains, problems."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .chains import build_chains
from .config import Settings, load_settings
from .graph import build_vault
from .index import Index, open_index
from .model import Digest, Note, Problem, sort_problems
from .render import render
from .rules import build_items, stale_meetings
from .saved import SavedDigest, load_digest, note_fetcher, save_digest
from .snooze import read_snoozes
from .sync import SyncReport, merge_notes, read_all_notes, sync_index
from .vault import open_vault

Notice = Callable[[str], None]


def build_digest(
    notes: list[Note],
    settings: Settings,
    today: date,
    problems: Iterable[Problem] = (),
    snoozed: Mapping[str, date] | None = None,
) -> Digest:
    """The digest of parsed notes; `problems` were found before parsing (settings, folders)."""
    vault = build_vault(notes)
    items = build_items(vault, settings.digest, today, snoozed)
    chains, chain_problems = build_chains(vault, today)
    everything = [
        *problems,
        *(p for n in notes for p in n.problems),
        *vault.problems,
        *chain_problems,
        *stale_meetings(vault, today),
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


@dataclass
class Snapshot:
    """A vault brought up to date: its settings, early problems, and index (if any)."""

    root: Path
    settings: Settings
    problems: list[Problem]
    index: Index | None
    report: SyncReport
    snoozed: dict[str, date]
    generation: str | None = None  # of the index state the digest was made from

    def digest(self, today: date) -> Digest:
        if self.index is None:
            return build_digest(self.notes(), self.settings, today, self.problems, self.snoozed)
        with self.index.reading():
            incremental = self.incremental(today)
            digest = incremental.digest(self.problems, self.snoozed)
        save_digest(incremental)
        return digest

    def incremental(self, today: date) -> SavedDigest:
        """The digest saved in the index, caught up with the notes (save it when done)."""
        assert self.index is not None
        index = self.index
        unreadable = {note.path: note for note in self.report.unreadable}
        decoded = self.report.take_decoded()
        fetch = note_fetcher(index, unreadable, decoded)
        # Called in a read transaction: the notes' hashes must describe the state it reads.
        # Another run may have indexed changes since our sync; then take them from it.
        self.generation = index.generation()
        same = self.generation == self.report.generation
        hashes = self.report.hashes if same else index.hashes()  # (taken over, not copied)
        hashes.update(dict.fromkeys(unreadable, b""))
        digest = load_digest(index, self.settings.digest, today)
        if digest.version is None:
            digest.rebuild(merge_notes(index.notes(decoded), self.report.unreadable), hashes)
        else:
            digest.reconcile(hashes, fetch)
        return digest

    def notes(self) -> list[Note]:
        decoded = self.report.take_decoded()
        if self.index is None:
            return read_all_notes(self.root, self.settings, self.problems)
        return merge_notes(self.index.notes(decoded), self.report.unreadable)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()


def take_snapshot(root: Path, notice: Notice, *, use_index: bool = True) -> Snapshot:
    """Open the vault and bring its index up to date (without the index: nothing to do yet)."""
    root = open_vault(root)
    settings, problems = load_settings(root)
    snoozed, snooze_problems = read_snoozes(root)
    problems += snooze_problems
    index = open_index(root, notice) if use_index else None
    report = SyncReport()
    if index is not None:
        try:
            report = sync_index(root, settings, index, problems)
        except BaseException:
            index.close()
            raise
    return Snapshot(root, settings, problems, index, report, snoozed)


def output_key(
    snapshot: Snapshot,
    today: date,
    output_format: str,
    color: bool,
    generation: str | None = None,
) -> str | None:
    """What a rendered digest depends on, hashed; None when it must not be cached.
    `generation` is the index state the digest was made from (by default: the current)."""
    if snapshot.index is None or snapshot.report.unreadable:
        return None
    parts = [
        generation or snapshot.index.generation(),
        today.isoformat(),
        output_format,
        color,
        repr(snapshot.settings),
        [list(problem) for problem in snapshot.problems],
        sorted((key, day.isoformat()) for key, day in snapshot.snoozed.items()),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def digest_text(
    root: Path,
    today: date,
    output_format: str,
    *,
    color: bool = False,
    use_index: bool = True,
    notice: Notice = lambda message: None,
) -> str:
    """The rendered digest; when nothing changed since the same digest was made, read no note."""
    snapshot = take_snapshot(root, notice, use_index=use_index)
    try:
        key = output_key(snapshot, today, output_format, color)
        if key is not None and snapshot.index is not None:
            cached = snapshot.index.cached_output(key)
            if cached is not None:
                return cached
        text = None
        if snapshot.index is not None:
            try:
                text = _incremental_text(snapshot, today, output_format, color)
            except sqlite3.Error as error:
                notice(f"the index could not be read ({error}); reading the notes instead")
                snapshot.index.close()
                snapshot.index = None
        if text is None:
            text = render(snapshot.digest(today), output_format, color=color)
        if snapshot.index is not None and snapshot.generation is not None:
            # under the state the text was made from, which another run may have moved on
            made = output_key(snapshot, today, output_format, color, snapshot.generation)
            if made is not None:
                snapshot.index.store_output(made, text)
        return text
    finally:
        snapshot.close()


def _incremental_text(snapshot: Snapshot, today: date, output_format: str, color: bool) -> str:
    """The digest written from the incremental digest saved in the index, saved again.
    (A function of its own so that the digest's memory is free once the text is made.)"""
    assert snapshot.index is not None
    with snapshot.index.reading():  # one consistent state of the index throughout
        incremental = snapshot.incremental(today)
        incremental.prepare(output_format, color)
    save_digest(incremental)  # before the text is made: the two never need memory at once
    incremental.forget_parts()
    return incremental.text(
        output_format, color=color, problems=snapshot.problems, snoozed=snapshot.snoozed
    )


def digest_folder(
    root: Path, today: date, *, use_index: bool = True, notice: Notice = lambda message: None
) -> Digest:
    """The digest of a vault folder, as data."""
    snapshot = take_snapshot(root, notice, use_index=use_index)
    try:
        return snapshot.digest(today)
    finally:
        snapshot.close()
