"""The digest kept up to date note by note, for the watcher and for `vault digest`.

Every part of a digest is written against one note: an item's `note`, a problem's `note`,
a contact's stage, a referral's source. So the digest is kept as one `Part` per note, and a
change recomputes only the parts it can reach, each from the few notes it depends on.

What reaches what goes through names. A link is matched on the last part of its target,
casefolded (its *key*: `[[Contacts/Ana Diaz|Ana]]` -> "ana diaz"), and a note answers to
its *identity*: its file name, `name` and aliases, casefolded. The part of note S depends on
S, on the notes its links can resolve to, on the notes linking to S or to those, and on
where those link. When notes change, the parts to recompute are those of every note that
links to, or answers to, a key the changed notes touch (their identity, their links, the
identities of the notes their links resolve to). When a note's identity itself changes
(it is created, deleted, renamed, or its `name` or aliases change), links elsewhere may
now resolve differently, so everything the notes linking to those names touch is
recomputed too. A property test checks, over random vaults and random edits, that the
result is always the digest computed from scratch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from sys import intern
from typing import NamedTuple

from .chains import Referral, chains_from, referrals_in, stages_in
from .config import DigestSettings
from .graph import build_vault
from .model import ChainNode, Contact, Digest, Interview, Item, Note, Problem, sort_problems
from .render import SECTIONS, chains_text, document, item_renderer
from .rules import (
    item_id,
    raw_items,
    shift,
    shown_items,
    stale_meetings,
    unique_ids,
    unique_within_note,
)

Fetch = Callable[[Collection[str]], Iterable[Note]]


class Part(NamedTuple):
    """What one note contributes to the digest."""

    items: tuple[Item, ...]  # in rule order
    problems: tuple[Problem, ...]
    hints: tuple[Problem, ...]  # links to notes nobody has written yet
    referrals: tuple[Referral, ...]  # the referrals written in this note
    stage: str | None  # a contact's stage in the referral chains


class Written(NamedTuple):
    """What writing the digest needs of a part: kept apart from the part, so that a saved
    digest is written again without rebuilding every item (see `text`)."""

    problems: tuple[Problem, ...]
    # each item's `sort_key` and id; None for a saved part, until its items are decoded
    keys: tuple[str, ...] | None
    ids: tuple[str, ...] | None
    texts: dict[str, tuple[str, ...]]  # format name -> each item as written in it


def sort_key(item: Item) -> str:
    """`Item.sort_key` as one string, which sorts the same and costs less to keep."""
    due = f"0{item.due.toordinal():07d}" if item.due else "1"
    return f"{due}\0{item.kind}\0{item.person.casefold()}\0{item.note}\0{item.line or 0:010d}"


def _day_key(day: date) -> str:
    return f"0{day.toordinal():07d}"


def written(part: Part) -> Written:
    return Written(
        part.problems,
        tuple(sort_key(item) for item in part.items),
        tuple(item.id for item in part.items),
        {},
    )


def format_name(output_format: str, color: bool) -> str:
    return f"{output_format}+color" if color else output_format


def link_key(target: str) -> str:
    """What a link is matched on: the last part of its target, casefolded (and interned:
    the same few thousand names are kept for tens of thousands of links)."""
    return intern(target.strip().strip("/").casefold().rpartition("/")[2])


def identity(note: Note) -> tuple[str, ...]:
    """The keys a note answers to: its file name first, then `name` and aliases."""
    keys = (note.name, note.title, *note.aliases)
    return tuple(dict.fromkeys(intern(key.casefold()) for key in keys))


def link_keys(note: Note) -> tuple[str, ...]:
    """The keys of the links the digest rules follow."""
    record = note.record
    if isinstance(record, Contact):
        links = [*record.referred_by, *([record.organization] if record.organization else [])]
    elif isinstance(record, Interview):
        links = [*record.contacts, *record.referrals]
    else:
        return ()
    return tuple(dict.fromkeys(link_key(link.target) for link in links))


def compute_parts(
    notes: Iterable[Note], wanted: Collection[str], settings: DigestSettings, today: date
) -> dict[str, Part]:
    """The parts of the `wanted` notes, computed from `notes` (which must hold everything
    those parts depend on)."""
    vault = build_vault(sorted(notes, key=lambda note: note.path))
    items: dict[str, list[Item]] = defaultdict(list)
    for item in raw_items(vault, settings, today):
        items[item.note].append(item)
    problems: dict[str, list[Problem]] = defaultdict(list)
    for problem in [*vault.problems, *stale_meetings(vault, today)]:
        problems[problem.note].append(problem)
    hints: dict[str, list[Problem]] = defaultdict(list)
    for hint in vault.unresolved_problems():
        hints[hint.note].append(hint)
    referrals: dict[str, list[Referral]] = defaultdict(list)
    for referral in referrals_in(vault, today):
        referrals[referral.source].append(referral)
    stages = stages_in(vault, today)
    return {
        note.path: Part(
            tuple(unique_within_note(items.get(note.path, ()))),
            (*note.problems, *problems.get(note.path, ())),
            tuple(hints.get(note.path, ())),
            tuple(referrals.get(note.path, ())),
            stages.get(note.path),
        )
        for note in vault.notes
        if note.path in wanted
    }


ChainInput = tuple[tuple[Referral, ...], str | None]
Chains = tuple[tuple[ChainNode, ...], tuple[Problem, ...]]


def _chain_input(part: Part | None) -> ChainInput:
    return (part.referrals, part.stage) if part else ((), None)


Spot = tuple[str, int]  # (note, position among its items)
Row = tuple[str, str, int, str, str]  # (sort key, note, position, id, text)


class Assembly:
    """Every item of the digest as written in one format, kept sorted between updates."""

    def __init__(self, rows: list[Row] | None = None) -> None:
        self.rows: list[Row] = rows or []  # by sort key, note and position: the digest's order
        self.stale: set[str] | None = None if rows is None else set()  # None: all notes
        self.placed: set[str] | None = set()  # notes placed again since saved; None: all
        self.renamed: dict[Spot, Row] | None = None  # see `IncrementalDigest._renamed`

    def refresh(self, written: Mapping[str, Written], name: str) -> None:
        """Place again the rows of the stale notes, from their parts as now `written`."""
        if self.stale is None:
            self.rows = sorted(
                row for path, entry in written.items() for row in _rows(path, entry, name)
            )
            self.stale = set()
            self.placed = None
            return
        if not self.stale:
            return
        if self.placed is not None:
            self.placed |= self.stale
        # A pass over every row finds the old ones: cheaper than keeping them by note.
        for position in reversed([i for i, row in enumerate(self.rows) if row[1] in self.stale]):
            del self.rows[position]
        for path in self.stale:
            entry = written.get(path)
            if entry is not None:
                for row in _rows(path, entry, name):
                    insort(self.rows, row)
        self.stale = set()

    def rows_of(self, paths: Collection[str]) -> list[Row]:
        return [row for row in self.rows if row[1] in paths]


def _rows(path: str, entry: Written, name: str) -> list[Row]:
    assert entry.keys is not None and entry.ids is not None  # (`prepare` sees to it)
    return [
        (key, path, position, item_id_, text)
        for position, (key, item_id_, text) in enumerate(
            zip(entry.keys, entry.ids, entry.texts[name], strict=True)
        )
    ]


class IncrementalDigest:
    """A vault's digest for one day and one set of settings, updated as notes change."""

    def __init__(self, settings: DigestSettings, today: date) -> None:
        self.settings = settings
        self.today = today
        self.parts: dict[str, Part] = {}  # (a saved digest decodes them when needed)
        self.written: dict[str, Written] = {}  # every note's
        self.identities: dict[str, tuple[str, ...]] = {}
        self.links: dict[str, tuple[str, ...]] = {}
        # key -> notes answering to it / linking to it (lists: a few each, and 40,000 of them)
        self.owners: dict[str, list[str]] = defaultdict(list)
        self.linkers: dict[str, list[str]] = defaultdict(list)
        self.file_names: Counter[str] = Counter()
        self.chains: Chains | None = None
        self.chain_texts: dict[str, str] = {}  # format name -> the chains written in it
        self.texts_for: frozenset[str] | None = None  # the ambiguous names texts were made with
        self.hashes: dict[str, bytes] = {}  # the content each note's part was computed from
        self.unsaved: set[str] = set()  # notes whose parts changed since they were saved
        self.counts = (0, 0)  # (items, problems) in the last text written
        self.assemblies: dict[str, Assembly] = {}  # format name -> the items written in it

    # --- keeping up with the notes -----------------------------------------------------

    def rebuild(self, notes: Iterable[Note], hashes: Mapping[str, bytes] | None = None) -> None:
        """Compute every part from scratch; `hashes` are the notes' content hashes."""
        notes = list(notes)
        for path in list(self.identities):
            self._forget(path)
        # the parts first: what they leave behind when done is room for the rest
        self.parts = compute_parts(notes, {n.path for n in notes}, self.settings, self.today)
        self.know_all([(note.path, identity(note), link_keys(note)) for note in notes])
        self.written = {path: written(part) for path, part in self.parts.items()}
        self.hashes = hashes if isinstance(hashes, dict) else dict(hashes or {})
        self.unsaved = set(self.parts)
        self.assemblies = {}
        self._chains_changed()

    def reconcile(self, hashes: Mapping[str, bytes], fetch: Fetch) -> int:
        """Catch up with the notes as they are: `hashes` holds every note's content hash.
        Returns how many notes' parts were recomputed."""
        changed = [path for path, known in hashes.items() if self.hashes.get(path) != known]
        removed = [path for path in self.hashes if path not in hashes]
        if not changed and not removed:
            return 0
        for path in changed:
            self.hashes[path] = hashes[path]
        for path in removed:
            del self.hashes[path]
        return self.update(fetch(changed), removed, fetch)

    def update(self, changed: Iterable[Note], removed: Iterable[str], fetch: Fetch) -> int:
        """Take in new or changed notes and removed paths; `fetch` returns the current notes
        at the paths asked (those it does not know are gone). Returns how many notes' parts
        were recomputed."""
        new = {note.path: note for note in changed}
        gone = set(removed) - new.keys()
        touched = new.keys() | gone
        renamed: set[str] = set()  # identity keys that now lead somewhere else
        for path in touched:
            before = self.identities.get(path, ())
            after = identity(new[path]) if path in new else ()
            if before != after:
                renamed.update(before, after)
        keys = self._touched_keys(touched, renamed)  # as things were
        for path in touched:
            self._forget(path)
        for note in new.values():
            self._learn(note)
        keys |= self._touched_keys(touched, renamed)  # and as they are now
        dirty = set(new) | self._linking(keys) | self._answering(keys)
        self._recompute(dirty, gone, fetch)
        self.unsaved |= dirty | gone
        return len(dirty)

    def _learn(self, note: Note) -> None:
        self._know(note.path, identity(note), link_keys(note))

    def _know(self, path: str, keys: tuple[str, ...], links: tuple[str, ...]) -> None:
        self.identities[path] = keys
        self.links[path] = links
        for key in keys:
            self.owners[key].append(path)
        for key in links:
            self.linkers[key].append(path)
        self.file_names[keys[0]] += 1

    def know_all(self, notes: Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
        """`_know` for many (path, identity, links) at once: the same, faster."""
        identities, links, owners, linkers = self.identities, self.links, self.owners, self.linkers
        for path, keys, targets in notes:
            identities[path] = keys
            links[path] = targets
            for key in keys:
                owners[key].append(path)
            for key in targets:
                linkers[key].append(path)
        self.file_names.update(keys[0] for keys in identities.values())

    def _forget(self, path: str) -> None:
        keys = self.identities.pop(path, ())
        for key in keys:
            self.owners[key].remove(path)
        for key in self.links.pop(path, ()):
            self.linkers[key].remove(path)
        if keys:
            self.file_names[keys[0]] -= 1

    def _linking(self, keys: Iterable[str]) -> set[str]:
        return {path for key in keys for path in self.linkers.get(key, ())}

    def _answering(self, keys: Iterable[str]) -> set[str]:
        return {path for key in keys for path in self.owners.get(key, ())}

    def _touched_keys(self, paths: Iterable[str], renamed: set[str]) -> set[str]:
        """The keys whose notes' parts a change to `paths` can alter; `renamed` are the
        identity keys that changed hands, which can redirect the links bearing them."""
        keys: set[str] = set()
        for path in [*paths, *self._linking(renamed)]:
            if path in self.identities:
                keys |= self._reach(path)
        return keys

    def _reach(self, path: str) -> set[str]:
        """The keys a note touches: its identity, its links', and its links' notes'."""
        links = self.links.get(path, ())
        keys = {*self.identities.get(path, ()), *links}
        for target in self._answering(links):
            keys.update(self.identities[target])
        return keys

    def _recompute(self, dirty: set[str], gone: set[str], fetch: Fetch) -> None:
        before = self._chain_inputs(dirty | gone)
        dirty_links = {key for path in dirty for key in self.links.get(path, ())}
        targets = self._answering(dirty_links)
        around = self._linking(
            {key for path in dirty | targets for key in self.identities.get(path, ())} | dirty_links
        )
        further = self._answering({key for path in around for key in self.links.get(path, ())})
        context = fetch(dirty | targets | around | further) if dirty else []
        parts = compute_parts(context, dirty, self.settings, self.today)
        for path in dirty | gone:
            self.parts.pop(path, None)
            self.written.pop(path, None)
        for assembly in self.assemblies.values():
            if assembly.stale is not None:
                assembly.stale |= dirty | gone
        for path, part in parts.items():
            self.parts[path] = part
            self.written[path] = written(part)
        nothing = _chain_input(None)
        if any(before.get(path, nothing) != _chain_input(parts.get(path)) for path in dirty | gone):
            self._chains_changed()

    # --- parts not in memory (a saved digest decodes them: saved.py) --------------------

    def _parts_at(self, paths: Iterable[str]) -> dict[str, Part]:
        """The parts of these notes, decoded if they are not in memory yet."""
        found = {}
        missing = []
        for path in paths:
            if path in self.parts:
                found[path] = self.parts[path]
            elif path in self.written:
                missing.append(path)
        if missing:
            loaded = self._load_parts(missing)
            self.parts.update(loaded)
            found.update(loaded)
        return found

    def _load_parts(self, paths: list[str]) -> dict[str, Part]:
        return {}  # all in memory

    def _chain_inputs(self, paths: Iterable[str] | None = None) -> dict[str, ChainInput]:
        """The referrals and stage of these notes' parts (of all when None)."""
        parts = self._parts_at(self.written if paths is None else paths)
        return {path: _chain_input(part) for path, part in parts.items()}

    # --- the digest --------------------------------------------------------------------

    def digest(
        self, problems: Iterable[Problem] = (), snoozed: Mapping[str, date] | None = None
    ) -> Digest:
        """The digest as data; `problems` are the vault's own (settings, folders)."""
        parts = self._parts_at(self.written)
        ordered = [parts[path] for path in sorted(parts)]
        items = unique_ids(item for part in ordered for item in part.items)
        chains, chain_problems = self._chains()
        everything = [*problems, *(p for part in ordered for p in part.problems), *chain_problems]
        return Digest(
            self.today,
            tuple(shown_items(items, self.settings, self.today, snoozed)),
            chains,
            sort_problems(everything),
            sort_problems(hint for part in ordered for hint in part.hints),
            self.ambiguous_names(),
        )

    def ambiguous_names(self) -> frozenset[str]:
        """File names (casefolded) that several notes share."""
        return frozenset(name for name, count in self.file_names.items() if count > 1)

    def _chains(self) -> Chains:
        if self.chains is None:
            inputs = self._chain_inputs()
            stages = {path: stage for path, (_, stage) in inputs.items() if stage}
            referrals = [r for found, _ in inputs.values() for r in found]
            trees, problems = chains_from(referrals, stages)
            self.chains = (tuple(trees), tuple(problems))
        return self.chains

    def _chains_changed(self) -> None:
        self.chains = None
        self.chain_texts = {}

    def prepare(self, output_format: str, color: bool = False) -> Assembly:
        """Everything `text` needs read or computed, so that it then reads nothing: each
        changed note's items written and placed, the chains grown."""
        ambiguous = self.ambiguous_names()
        if ambiguous != self.texts_for:  # links in Markdown texts depend on them
            for entry in self.written.values():
                entry.texts.clear()
            self.chain_texts = {}
            self.assemblies = {}
            self.texts_for = ambiguous
        name = format_name(output_format, color)
        write = item_renderer(output_format, color, self.today, ambiguous)
        assembly = self.assemblies.setdefault(name, Assembly())
        placed = self.written if assembly.stale is None else assembly.stale
        lacking = [
            path
            for path in placed
            if path in self.written
            and (self.written[path].keys is None or name not in self.written[path].texts)
        ]
        for path, part in self._parts_at(lacking).items():
            found = self.written[path]
            if found.keys is None:
                found = self.written[path] = written(part)
            found.texts[name] = tuple(map(write, part.items))
        if assembly.stale != set() or assembly.renamed is None:
            assembly.refresh(self.written, name)
            assembly.renamed = self._renamed(assembly, write)
        if name not in self.chain_texts:
            chains, _ = self._chains()
            self.chain_texts[name] = chains_text(output_format, color, chains, ambiguous)
        self._chain_problems()  # (read now, if they must be read)
        return assembly

    def _chain_problems(self) -> tuple[Problem, ...]:
        return self._chains()[1]

    def text(
        self,
        output_format: str,
        *,
        color: bool = False,
        problems: Iterable[Problem] = (),
        snoozed: Mapping[str, date] | None = None,
    ) -> str:
        """The digest written in a format: `render(self.digest(...), ...)`, kept sorted
        between calls, so that only changed notes' items are written and placed again."""
        today = self.today
        assembly = self.prepare(output_format, color)
        rows = assembly.rows
        first_undated = bisect_left(rows, "1", key=lambda row: row[0][:1])
        horizon = _day_key(shift(today, self.settings.lookahead_days))
        beyond = bisect_right(rows, horizon, hi=first_undated, key=lambda row: row[0][:8])
        shown = rows[:beyond] + rows[first_undated:]
        renamed = assembly.renamed or {}
        snoozed = snoozed or {}
        if renamed or snoozed:
            shown = [renamed.get((row[1], row[2]), row) for row in shown]
            shown = [row for row in shown if snoozed.get(row[3], today) <= today]

        chain_problems = self._chain_problems()
        everything = sort_problems(
            [
                *problems,
                *(p for entry in self.written.values() for p in entry.problems),
                *chain_problems,
            ]
        )
        self.counts = (len(shown), len(everything))
        return document(
            output_format,
            color,
            today,
            _sections(shown, _day_key(today)),
            self.chain_texts[format_name(output_format, color)],
            everything,
            self.texts_for or frozenset(),
        )

    def _renamed(self, assembly: Assembly, write: Callable[[Item], str]) -> dict[Spot, Row]:
        """The rows whose id another note's item had first, with the ids `unique_ids` gives
        them instead (ids that happen to hash alike: a few in 100,000 items)."""
        ids = [row[3] for row in assembly.rows]
        if len(set(ids)) == len(ids):
            return {}
        repeated = {item_id_ for item_id_, count in Counter(ids).items() if count > 1}
        holders = sorted((row[1], row[2], row) for row in assembly.rows if row[3] in repeated)
        renamed: dict[Spot, Row] = {}
        seen: set[str] = set()
        for path, position, row in holders:
            if row[3] in seen:
                item = self._item_list(path)[position]
                item = item._replace(id=item_id(item.kind, item.note, f"{item.line}"))
                renamed[(path, position)] = (row[0], path, position, item.id, write(item))
                seen.add(item.id)
            seen.add(row[3])
        return renamed

    def _item_list(self, path: str) -> tuple[Item, ...]:
        part = self._parts_at([path]).get(path)
        return part.items if part else ()


def _sections(rows: list[Row], today: str) -> list[tuple[str, list[str]]]:
    """Sorted rows cut into the digest's sections: keys start with the due day, and those
    without one come last."""
    overdue = bisect_left(rows, today, key=lambda row: row[0][:8])
    due_today = bisect_right(rows, today, lo=overdue, key=lambda row: row[0][:8])
    anytime = bisect_left(rows, "1", lo=due_today, key=lambda row: row[0][:1])
    bounds = (0, overdue, due_today, anytime, len(rows))
    return [
        (section, [row[4] for row in rows[start:end]])
        for section, start, end in zip(SECTIONS, bounds, bounds[1:], strict=False)
        if start < end
    ]
