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
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from functools import partial
from typing import Any

from ..core.chains import PersonRef, Referral
from ..core.errors import IndexUnusableError
from ..core.model import ChainNode, Item, Note, Problem
from ..core.settings import DigestSettings
from ..storage.index import ChunkRecord, Decoded, Index, SavedChanges
from .assembly import Assembly, Chunk, Row, Written
from .incremental import Chains, Fetch, IncrementalDigest
from .parts import ChainInput, Part
from .typos import LikelyTypos, hints_mark


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

    def all_hints(self) -> dict[str, tuple[Problem, ...]]:
        if self.hints is None:
            saved = self.index.saved("hints")
            if saved is not None:
                found = marshal.loads(saved).items()
                self.hints = {path: tuple(map(Problem._make, hints)) for path, hints in found}
            else:  # (saved without them: they are in the parts too)
                parts = self.parts_at(list(self.written)).items()
                self.hints = {path: part.hints for path, part in parts if part.hints}
        return self.hints

    def all_marks(self) -> dict[str, int]:
        if self.hint_marks is None:
            saved = self.index.saved("hint marks")
            if saved is not None:
                self.hint_marks = marshal.loads(saved)
            else:
                self.hint_marks = {path: hints_mark(h) for path, h in self.all_hints().items()}
        return self.hint_marks

    def load_all(self) -> None:
        """Decode every part and chunk: a long-running watcher then never reads them again
        (which another run may have saved since, from another state)."""
        self.parts_at(list(self.written))
        self.all_hints()
        for assembly in self.assemblies.values():
            assembly.decode_all()

    def _chain_inputs(self, paths: Iterable[str] | None = None) -> dict[str, ChainInput]:
        if paths is not None or self.parts.keys() >= self.written.keys():
            return super()._chain_inputs(paths)
        saved = self.index.saved_chain_inputs()
        found = {path: decode_chain_input(data) for path, data in saved}
        found.update(super()._chain_inputs(self.parts))  # those in memory may be newer
        return {path: found.get(path, ((), None)) for path in self.written}

    def referral_chains(self) -> Chains:
        if self.chains is None and self.saved_chains is not None:
            self.chains = decode_chains(self.saved_chains)  # only when the trees are needed
        return super().referral_chains()

    def chain_problems(self) -> tuple[Problem, ...]:
        if self.chains is None and self.saved_chains is not None:
            return self.saved_chain_problems
        return super().chain_problems()

    def _chains_changed(self) -> None:
        super()._chains_changed()
        self.chains_saved = False
        self.saved_chains = None


def note_fetcher(
    index: Index, unreadable: Mapping[str, Note], decoded: Decoded | None = None
) -> Fetch:
    """Notes by path: from the index (or `decoded`, where the same), or among those that
    could not be read."""

    def fetch(paths: Collection[str]) -> list[Note]:
        wanted = [path for path in paths if path not in unreadable]
        indexed = index.notes_at(wanted, decoded)
        return [*indexed, *(unreadable[path] for path in paths if path in unreadable)]

    return fetch


# Bump when what a part holds, or how it is computed, changes: saved parts are then
# computed afresh rather than mixed with new ones.
PARTS_FORMAT = 19
# The tables of names and links the incremental digest keeps, saved one by one
NAME_TABLES = ("identities", "links", "titles", "categories")


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
        digest.hashes = marshal.loads(index.saved("hashes") or b"")
        unwritten = Written((), None, None, {})  # one for the many notes without problems:
        # `prepare` replaces it (texts and all) before writing any of their items
        digest.written = dict.fromkeys(digest.hashes, unwritten)
        for path, problems in marshal.loads(index.saved("problems") or b"").items():
            digest.written[path] = Written(tuple(map(Problem._make, problems)), None, None, {})
        digest.hints = digest.hint_marks = None  # (read when asked: see `all_hints`)
        identities, links, titles, categories = (
            marshal.loads(index.saved(f"names: {table}") or b"") for table in NAME_TABLES
        )
        # (the notes by name and by link are found again: as fast as reading them saved)
        digest.know_all((path, keys, links[path]) for path, keys in identities.items())
        digest.titles, digest.categories = titles, categories
        digest.names_unsaved = False
        typos = index.saved("typos")
        if typos is not None:
            problems = marshal.loads(typos)
            found = tuple(map(Problem._make, problems)) if problems is not None else None
            digest.typos = LikelyTypos(found, partial(_saved_answers, index))
        chains = index.saved("chains")
        if chains is not None:
            digest.saved_chains = chains
            digest.saved_chain_problems = tuple(map(Problem._make, meta["chain_problems"]))
            digest.chain_texts = dict(meta.get("chain_texts", {}))
            digest.chains_saved = True
        digest.texts_for = frozenset(meta.get("ambiguous", ()))
        repeated = meta.get("repeated", {})
        for name in meta.get("formats", ()):
            assembly = digest.assemblies[name] = _saved_assembly(digest, name)
            if name in repeated:
                assembly.repeated = set(repeated[name])
        version = index.saved("version")
        digest.version = int(version) if version else None
    except (IndexUnusableError, ValueError, EOFError, TypeError):
        return SavedDigest(settings, today, index)  # unreadable: start afresh
    return digest


def save_digest(digest: SavedDigest) -> None:
    """Save what changed since the digest was loaded or saved; a cache, so best effort."""
    everything = digest.version is None  # never saved, or unknown what was
    for name, assembly in list(digest.assemblies.items()):
        if assembly.stale != set():  # not brought up to date with the parts: not worth keeping
            del digest.assemblies[name]
    if everything:  # then every chunk is written, and must be at hand as it is
        for name, assembly in list(digest.assemblies.items()):
            if any(chunk.rows is None for chunk in assembly.chunks()):
                del digest.assemblies[name]
    placed = [a for a in digest.assemblies.values() if a.changed != set() or a.dropped]
    quiet = (
        not digest.unsaved
        and not digest.typos.unsaved
        and not digest.hints_unsaved
        and digest.chains_saved
    )
    if not everything and quiet and not placed:
        return
    paths = digest.written.keys() if everything else digest.unsaved & digest.written.keys()
    parts = digest.parts_at(paths)
    rows = (  # encoded as SQLite takes them: a vault's worth is never all in memory at once
        (path, encode_chain_input(part), encode_body(part)) for path, part in parts.items()
    )
    hashes = digest.hashes  # (one per note with a part, as it almost always is)
    if hashes.keys() != digest.written.keys():
        hashes = {path: digest.hashes.get(path, b"") for path in digest.written}
    problems = {
        path: tuple(map(tuple, entry.problems))
        for path, entry in digest.written.items()
        if entry.problems
    }
    meta = {
        **_meta(digest.settings, digest.today),
        "ambiguous": sorted(digest.texts_for or ()),
        "chain_texts": digest.chain_texts,
        "chain_problems": tuple(map(tuple, digest.chain_problems())),
        "formats": sorted(digest.assemblies),
        "repeated": {  # each format's ids that several items share
            name: sorted(assembly.repeated)
            for name, assembly in digest.assemblies.items()
            if assembly.repeated is not None
        },
    }
    items: list[tuple[str, list[int] | None, Iterable[ChunkRecord]]] = []
    for name, assembly in digest.assemblies.items():  # (records made as they are written)
        if everything or assembly.changed is None:
            items.append((name, None, map(partial(_record, assembly), assembly.chunks())))
        elif assembly.changed or assembly.dropped:
            changed = [c for c in assembly.chunks() if c.number in assembly.changed]
            dropped = sorted(assembly.dropped - assembly.changed)
            items.append((name, dropped, map(partial(_record, assembly), changed)))
    saved = _saved_tables(digest, everything, hashes, problems)
    changes = SavedChanges(
        marshal.dumps(meta), rows, sorted(digest.unsaved - digest.written.keys()), saved, items
    )
    try:
        digest.version = digest.index.save_digest(
            changes, everything=everything, over=digest.version
        )
    except IndexUnusableError:
        digest.version = None  # unknown now: the next save writes everything
        return
    digest.unsaved.clear()
    digest.names_unsaved = False
    digest.typos.unsaved = False
    digest.hints_unsaved = False
    digest.chains_saved = True
    for assembly in digest.assemblies.values():
        assembly.changed = set()
        assembly.dropped = set()


def _saved_tables(
    digest: SavedDigest,
    everything: bool,
    hashes: dict[str, bytes],
    problems: dict[str, tuple[tuple[Any, ...], ...]],
) -> Iterator[tuple[str, bytes]]:
    """The digest's tables to save, (key, value), each encoded as it is written."""
    yield "hashes", marshal.dumps(hashes)
    yield "problems", marshal.dumps(problems)
    if everything or digest.names_unsaved:  # (most edits change neither names nor links)
        # (one table at a time: the notes by name and by link, found again from these when
        # loaded, made 17 MB more to save than the rest of the digest)
        tables: tuple[dict[str, Any], ...] = (
            digest.identities,
            digest.links,
            digest.titles,
            digest.categories,
        )
        for name, table in zip(NAME_TABLES, tables, strict=True):
            yield f"names: {name}", marshal.dumps(table)
    if (everything or digest.hints_unsaved) and digest.hints is not None:
        hints = {path: tuple(map(tuple, found)) for path, found in digest.hints.items()}
        yield "hints", marshal.dumps(hints)
        yield "hint marks", marshal.dumps(digest.all_marks())
    if everything or digest.typos.unsaved:
        typos = digest.typos
        found = tuple(map(tuple, typos.problems)) if typos.problems is not None else None
        yield "typos", marshal.dumps(found)
        if typos.read:
            yield "typo answers", marshal.dumps(typos.meant)
    if everything or not digest.chains_saved:
        yield "chains", encode_chains(digest.referral_chains())


def _saved_answers(index: Index) -> dict[str, str | None]:
    saved = index.saved("typo answers")
    return marshal.loads(saved) if saved is not None else {}


def _record(assembly: Assembly, chunk: Chunk) -> ChunkRecord:
    places = marshal.dumps([row[:4] for row in assembly.rows_of(chunk)])
    text, lengths = chunk.joined(assembly.separator)
    key, path, position = chunk.first
    return (
        chunk.number,
        key,
        path,
        position,
        chunk.count,
        chunk.ids,
        chunk.paths,
        lengths,
        text,
        places,
    )


def _saved_assembly(digest: SavedDigest, name: str) -> Assembly:
    """A format's assembly as saved: its chunks' rows decoded only when touched."""
    assembly = digest.new_assembly(name.partition("+")[0])
    index = digest.index
    chunks = []
    for number, key, path, position, count, ids, paths, lengths, text in index.chunks(name):
        chunk = Chunk(number)
        chunk.first, chunk.count, chunk.ids, chunk.paths = (key, path, position), count, ids, paths
        chunk.lengths, chunk.text = lengths, text
        chunks.append(chunk)

    def decode(chunk: Chunk) -> list[Row]:
        places = marshal.loads(index.chunk_places(name, chunk.number))
        texts = chunk.texts(assembly.separator)
        return [(*place, text) for place, text in zip(places, texts, strict=True)]

    assembly.load(chunks)
    assembly.decode = decode
    return assembly


# --- parts and chains as saved: marshal, the fastest to load ---------------------------------


def encode_chain_input(part: Part) -> bytes | None:
    """A part's referrals and stage; None when it has neither (most notes)."""
    if not part.referrals and part.stage is None:
        return None
    referrals = tuple(
        (tuple(r.person), tuple(r.referrer), r.rank, r.source, r.line) for r in part.referrals
    )
    return marshal.dumps((referrals, part.stage))


def decode_chain_input(data: bytes | None) -> tuple[tuple[Referral, ...], str | None]:
    if data is None:
        return (), None
    referrals, stage = marshal.loads(data)
    return (
        tuple(
            Referral(PersonRef(*person), PersonRef(*referrer), rank, source, line)
            for person, referrer, rank, source, line in referrals
        ),
        stage,
    )


def encode_body(part: Part) -> bytes:
    """The rest of a part, read only when a run needs the items themselves."""
    items = tuple((item[0], _ordinal(item.due), *item[2:]) for item in part.items)
    return marshal.dumps((items, tuple(tuple(hint) for hint in part.hints)))


def decode_part(problems: tuple[Problem, ...], chain: bytes | None, body: bytes) -> Part:
    items, hints = marshal.loads(body)
    referrals, stage = decode_chain_input(chain)
    return Part(
        tuple(
            Item(kind, date.fromordinal(due) if due else None, *rest) for kind, due, *rest in items
        ),
        problems,
        tuple(map(Problem._make, hints)),
        referrals,
        stage,
    )


def encode_chains(chains: tuple[tuple[ChainNode, ...], tuple[Problem, ...]]) -> bytes:
    trees, problems = chains
    return marshal.dumps((tuple(map(_plain_node, trees)), tuple(map(tuple, problems))))


def decode_chains(data: bytes) -> tuple[tuple[ChainNode, ...], tuple[Problem, ...]]:
    trees, problems = marshal.loads(data)
    return tuple(map(_node, trees)), tuple(map(Problem._make, problems))


def _plain_node(node: ChainNode) -> tuple[Any, ...]:
    children = tuple(map(_plain_node, node.children))
    return (node.person, node.note, node.stage, children, node.also_referred_by)


def _node(data: tuple[Any, ...]) -> ChainNode:
    person, note, stage, children, also = data
    return ChainNode(person, note, stage, tuple(map(_node, children)), also)


def _ordinal(day: date | None) -> int | None:
    return day.toordinal() if day else None
