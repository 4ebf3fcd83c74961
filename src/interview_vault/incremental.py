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

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from .chains import Referral, chains_from, referrals_in, stages_in
from .config import DigestSettings
from .graph import build_vault
from .model import ChainNode, Contact, Digest, Interview, Item, Note, Problem
from .render import RenderCache, render
from .rules import raw_items, shown_items, stale_meetings, unique_ids

Fetch = Callable[[Collection[str]], Iterable[Note]]


class Part(NamedTuple):
    """What one note contributes to the digest."""

    items: tuple[Item, ...]  # in rule order
    problems: tuple[Problem, ...]
    hints: tuple[Problem, ...]  # links to notes nobody has written yet
    referrals: tuple[Referral, ...]  # the referrals written in this note
    stage: str | None  # a contact's stage in the referral chains


def link_key(target: str) -> str:
    """What a link is matched on: the last part of its target, casefolded."""
    return target.strip().strip("/").casefold().rpartition("/")[2]


def identity(note: Note) -> tuple[str, ...]:
    """The keys a note answers to: its file name first, then `name` and aliases."""
    keys = (note.name, note.title, *note.aliases)
    return tuple(dict.fromkeys(key.casefold() for key in keys))


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
            tuple(items.get(note.path, ())),
            (*note.problems, *problems.get(note.path, ())),
            tuple(hints.get(note.path, ())),
            tuple(referrals.get(note.path, ())),
            stages.get(note.path),
        )
        for note in vault.notes
        if note.path in wanted
    }


def _chain_input(part: Part | None) -> tuple[tuple[Referral, ...], str | None]:
    return (part.referrals, part.stage) if part else ((), None)


class IncrementalDigest:
    """A vault's digest for one day and one set of settings, updated as notes change."""

    def __init__(self, settings: DigestSettings, today: date) -> None:
        self.settings = settings
        self.today = today
        self.parts: dict[str, Part] = {}
        self.identities: dict[str, tuple[str, ...]] = {}
        self.links: dict[str, tuple[str, ...]] = {}
        self.owners: dict[str, set[str]] = defaultdict(set)  # key -> notes answering to it
        self.linkers: dict[str, set[str]] = defaultdict(set)  # key -> notes linking to it
        self.file_names: Counter[str] = Counter()
        self.chains: tuple[tuple[ChainNode, ...], list[Problem]] | None = None
        self.caches: dict[tuple[str, bool], tuple[frozenset[str], RenderCache]] = {}

    # --- keeping up with the notes -----------------------------------------------------

    def rebuild(self, notes: Iterable[Note]) -> None:
        """Compute every part from scratch."""
        notes = list(notes)
        for path in list(self.identities):
            self._forget(path)
        for note in notes:
            self._learn(note)
        self.parts = compute_parts(notes, self.identities.keys(), self.settings, self.today)
        self.chains = None

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
        for path in gone:
            if _chain_input(self.parts.pop(path, None)) != _chain_input(None):
                self.chains = None
        dirty = set(new) | self._linking(keys) | self._answering(keys)
        self._recompute(dirty, fetch)
        return len(dirty)

    def _learn(self, note: Note) -> None:
        self.identities[note.path] = keys = identity(note)
        self.links[note.path] = links = link_keys(note)
        for key in keys:
            self.owners[key].add(note.path)
        for key in links:
            self.linkers[key].add(note.path)
        self.file_names[keys[0]] += 1

    def _forget(self, path: str) -> None:
        keys = self.identities.pop(path, ())
        for key in keys:
            self.owners[key].discard(path)
        for key in self.links.pop(path, ()):
            self.linkers[key].discard(path)
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

    def _recompute(self, dirty: set[str], fetch: Fetch) -> None:
        if not dirty:
            return
        dirty_links = {key for path in dirty for key in self.links.get(path, ())}
        targets = self._answering(dirty_links)
        around = self._linking(
            {key for path in dirty | targets for key in self.identities.get(path, ())} | dirty_links
        )
        further = self._answering({key for path in around for key in self.links.get(path, ())})
        context = fetch(dirty | targets | around | further)
        parts = compute_parts(context, dirty, self.settings, self.today)
        for path in dirty:
            before = self.parts.pop(path, None)
            after = parts.get(path)
            if after is not None:
                self.parts[path] = after
            if _chain_input(before) != _chain_input(after):
                self.chains = None

    # --- the digest --------------------------------------------------------------------

    def digest(
        self, problems: Iterable[Problem] = (), snoozed: Mapping[str, date] | None = None
    ) -> Digest:
        """The digest as of now; `problems` are the vault's own (settings, folders)."""
        from .digest import sort_problems  # digest.py builds on this module

        ordered = [self.parts[path] for path in sorted(self.parts)]
        items = unique_ids(item for part in ordered for item in part.items)
        chains, chain_problems = self._chains()
        everything = [*problems, *(p for part in ordered for p in part.problems), *chain_problems]
        return Digest(
            self.today,
            tuple(shown_items(items, self.settings, self.today, snoozed)),
            chains,
            sort_problems(everything),
            sort_problems(hint for part in ordered for hint in part.hints),
            frozenset(name for name, count in self.file_names.items() if count > 1),
        )

    def _chains(self) -> tuple[tuple[ChainNode, ...], list[Problem]]:
        if self.chains is None:
            stages = {path: part.stage for path, part in self.parts.items() if part.stage}
            referrals = [r for part in self.parts.values() for r in part.referrals]
            trees, problems = chains_from(referrals, stages)
            self.chains = (tuple(trees), problems)
        return self.chains

    def render(self, digest: Digest, output_format: str, *, color: bool = False) -> str:
        """`render(digest, ...)`, reusing what earlier renders of this digest made."""
        ambiguous, cache = self.caches.get((output_format, color), (None, None))
        if cache is None or ambiguous != digest.ambiguous_names:
            cache = RenderCache()
        elif len(cache.items) > 2 * len(digest.items) + 1000:
            cache.items = {item: cache.items[item] for item in digest.items if item in cache.items}
        self.caches[(output_format, color)] = (digest.ambiguous_names, cache)
        return render(digest, output_format, color=color, cache=cache)
