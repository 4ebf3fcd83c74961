"""The incremental digest, saved in the index between runs.

A run reads what every note's part needs for writing the digest (its keys, problems and
items as written: `Written`), catches up with the notes that changed since (found by
content hash, so it does not matter which run indexed them), recomputes what they reach,
and saves only that. Items themselves are decoded only for the notes a change reaches.
A saved digest holds for one day and one set of digest settings; on another day, or
with other settings, it is computed afresh and saved whole.
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from datetime import date

from .assembly import Assembly, Row, Written
from .codec import (
    decode_chain_input,
    decode_chains,
    decode_part,
    encode_body,
    encode_chain_input,
    encode_chains,
)
from .config import DigestSettings
from .incremental import Chains, Fetch, IncrementalDigest
from .index import Index, SavedChanges
from .model import Note, Problem
from .parts import ChainInput, Part


class SavedDigest(IncrementalDigest):
    """An incremental digest kept in the index, which decodes parts when they are needed."""

    def __init__(self, settings: DigestSettings, today: date, index: Index) -> None:
        super().__init__(settings, today)
        self.index = index
        self.version: int | None = None  # of the saved state this one continues
        self.chains_saved = False
        self.saved_chains: bytes | None = None  # as saved, decoded when needed
        self.saved_chain_problems: tuple[Problem, ...] = ()

    def _load_parts(self, paths: list[str]) -> dict[str, Part]:
        return {
            path: decode_part(self.written[path].problems, chain, body)
            for path, chain, body in self.index.saved_bodies(paths)
        }

    def forget_parts(self) -> None:
        """Drop the decoded parts that are saved (they are decoded again when needed): once
        prepared, writing the digest needs none of them, and they are most of its memory."""
        if not self.unsaved:
            self.parts = {}

    def load_all(self) -> None:
        """Decode every part: a long-running watcher then never reads a part again (which
        another run may have saved since, from another state)."""
        self._parts_at(list(self.written))

    def _chain_inputs(self, paths: Iterable[str] | None = None) -> dict[str, ChainInput]:
        if paths is not None or self.parts.keys() >= self.written.keys():
            return super()._chain_inputs(paths)
        found = {path: decode_chain_input(data) for path, data in self.index.saved_chain_inputs()}
        found.update(super()._chain_inputs(self.parts))  # those in memory may be newer
        return {path: found.get(path, ((), None)) for path in self.written}

    def _chains(self) -> Chains:
        if self.chains is None and self.saved_chains is not None:
            self.chains = decode_chains(self.saved_chains)  # only when the trees are needed
        return super()._chains()

    def _chain_problems(self) -> tuple[Problem, ...]:
        if self.chains is None and self.saved_chains is not None:
            return self.saved_chain_problems
        return super()._chain_problems()

    def _chains_changed(self) -> None:
        super()._chains_changed()
        self.chains_saved = False
        self.saved_chains = None


def note_fetcher(index: Index, unreadable: Mapping[str, Note]) -> Fetch:
    """Notes by path: from the index, or among those that could not be read."""

    def fetch(paths: Collection[str]) -> list[Note]:
        indexed = index.notes_at(path for path in paths if path not in unreadable)
        return [*indexed, *(unreadable[path] for path in paths if path in unreadable)]

    return fetch


# Bump when what a part holds, or how it is computed, changes: saved parts are then
# computed afresh rather than mixed with new ones.
PARTS_FORMAT = 5


def _meta(settings: DigestSettings, today: date) -> dict[str, str]:
    return {"today": today.isoformat(), "settings": f"{PARTS_FORMAT} {settings!r}"}


def load_digest(index: Index, settings: DigestSettings, today: date) -> SavedDigest:
    """The saved digest for this day and these settings; empty (version None) if none."""
    digest = SavedDigest(settings, today, index)
    try:
        data = index.saved("meta")
        meta = marshal.loads(data) if data else None
        if not meta or {key: meta.get(key) for key in ("today", "settings")} != _meta(
            settings, today
        ):
            return digest
        heads = marshal.loads(index.saved("notes") or b"")
        unwritten = Written((), None, None, {})  # one for the many notes without problems:
        # `prepare` replaces it (texts and all) before writing any of their items
        for path, head in heads.items():
            digest.written[path] = (
                Written(tuple(map(Problem._make, head[3])), None, None, {})
                if head[3]
                else unwritten
            )
        digest.hashes = {path: head[0] for path, head in heads.items()}
        digest.know_all((path, head[1], head[2]) for path, head in heads.items())
        chains = index.saved("chains")
        if chains is not None:
            digest.saved_chains = chains
            digest.saved_chain_problems = tuple(map(Problem._make, meta["chain_problems"]))
            digest.chain_texts = dict(meta.get("chain_texts", {}))
            digest.chains_saved = True
        digest.texts_for = frozenset(meta.get("ambiguous", ()))
        for name in meta.get("formats", ()):
            digest.assemblies[name] = Assembly(index.saved_items(name))
        version = index.saved("version")
        digest.version = int(version) if version else None
    except (sqlite3.Error, ValueError, EOFError, TypeError):
        return SavedDigest(settings, today, index)  # unreadable: start afresh
    return digest


def save_digest(digest: SavedDigest) -> None:
    """Save what changed since the digest was loaded or saved; a cache, so best effort."""
    everything = digest.version is None  # never saved, or unknown what was
    for name, assembly in list(digest.assemblies.items()):
        if assembly.stale != set():  # not brought up to date with the parts: not worth keeping
            del digest.assemblies[name]
    placed = {name: a.placed for name, a in digest.assemblies.items() if a.placed != set()}
    if not everything and not digest.unsaved and digest.chains_saved and not placed:
        return
    paths = digest.written.keys() if everything else digest.unsaved & digest.written.keys()
    parts = digest._parts_at(paths)
    rows = (  # encoded as SQLite takes them: a vault's worth is never all in memory at once
        (path, encode_chain_input(part), encode_body(part)) for path, part in parts.items()
    )
    heads = {  # every note's, made afresh: cheaper than keeping them between saves
        path: (
            digest.hashes.get(path, b""),
            digest.identities[path],
            digest.links[path],
            tuple(map(tuple, entry.problems)),
        )
        for path, entry in digest.written.items()
    }
    meta = {
        **_meta(digest.settings, digest.today),
        "ambiguous": sorted(digest.texts_for or ()),
        "chain_texts": digest.chain_texts,
        "chain_problems": tuple(map(tuple, digest._chain_problems())),
        "formats": sorted(digest.assemblies),
    }
    items: list[tuple[str, list[str] | None, list[Row]]] = []
    for name, assembly in digest.assemblies.items():
        again = None if everything else placed.get(name, set())
        if again is None:
            items.append((name, None, assembly.rows))
        elif again:
            written = assembly.rows_of(again)
            items.append((name, sorted(again), written))
    saved = [("notes", marshal.dumps(heads))]
    if everything or not digest.chains_saved:
        saved.append(("chains", encode_chains(digest._chains())))
    changes = SavedChanges(
        marshal.dumps(meta), rows, sorted(digest.unsaved - digest.written.keys()), saved, items
    )
    try:
        digest.version = digest.index.save_digest(
            changes, everything=everything, over=digest.version
        )
    except sqlite3.Error:
        digest.version = None  # unknown now: the next save writes everything
        return
    digest.unsaved.clear()
    digest.chains_saved = True
    for assembly in digest.assemblies.values():
        assembly.placed = set()
