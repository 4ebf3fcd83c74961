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

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date

from ..core.chains import chains_from
from ..core.copies import Copy, outside_copies, said_once
from ..core.dates import shift
from ..core.hints import hint_target, suggest_names
from ..core.items import by_day, item_id, shown_items, snoozed_items, unique_ids
from ..core.kinds import category_of
from ..core.model import ChainNode, Digest, Item, Note, Problem, sort_problems
from ..core.names import LOOSE, exact_identity, identity, path_problems, shared_name_problems
from ..core.render import Document, chains_text, document, item_renderer, item_separator
from ..core.settings import DigestSettings
from .assembly import Assembly, Row, Spot, Written, format_name
from .names import NoteNames, file_name
from .parts import (
    ChainInput,
    Part,
    chain_input,
    compute_parts,
    link_keys,
    outward,
    written,
)
from .typos import LikelyTypos, hints_mark

NAMED = ("contact", "organization")  # the notes whose names a link to nothing may misspell
Fetch = Callable[[Collection[str]], Iterable[Note]]
Previous = Mapping[str, tuple[bytes, Note]]  # path -> (content hash, note) of a note as it was
Chains = tuple[tuple[ChainNode, ...], tuple[Problem, ...]]


class IncrementalDigest(NoteNames):
    """A vault's digest for one day and one set of settings, updated as notes change."""

    def __init__(self, settings: DigestSettings, today: date) -> None:
        super().__init__()
        self.settings = settings
        self.today = today
        self.parts: dict[str, Part] = {}  # (a saved digest decodes them when needed)
        self.written: dict[str, Written] = {}  # every note's
        self.chains: Chains | None = None
        self.chain_texts: dict[str, str] = {}  # format name -> the chains written in it
        self.texts_for: frozenset[str] | None = None  # the ambiguous names texts were made with
        self.hashes: dict[str, bytes] = {}  # the content each note's part was computed from
        self.unsaved: set[str] = set()  # notes whose parts changed since they were saved
        self.names_unsaved = True  # identities or links changed since they were saved
        self.typos = LikelyTypos()  # links to nothing that are one slip from a name
        # every note's links to nothing, and a checksum of each note's (that tells a change
        # without reading them all); None: saved, not read yet (see SavedDigest)
        self.hints: dict[str, tuple[Problem, ...]] | None = {}
        self.hint_marks: dict[str, int] | None = {}
        self.hints_unsaved = False
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
        self.typos = LikelyTypos()  # (every name is new)
        for note in notes:
            self._label(note)
        self.written = {path: written(part) for path, part in self.parts.items()}
        self.hints = {path: part.hints for path, part in self.parts.items() if part.hints}
        self.hint_marks = {path: hints_mark(hints) for path, hints in self.hints.items()}
        self.hints_unsaved = True
        self.hashes = hashes if isinstance(hashes, dict) else dict(hashes or {})
        self.unsaved = set(self.parts)
        self.names_unsaved = True
        self.assemblies = {}
        self._chains_changed()

    def reconcile(
        self, hashes: Mapping[str, bytes], fetch: Fetch, previous: Previous | None = None
    ) -> int:
        """Catch up with the notes as they are: `hashes` holds every note's content hash;
        `previous`, where known, the notes changed as they were (see `update`). Returns how
        many notes' parts were recomputed."""
        return self.reconcile_some(
            hashes, [path for path in self.hashes if path not in hashes], fetch, previous
        )

    def reconcile_some(
        self,
        hashes: Mapping[str, bytes],
        removed: Iterable[str],
        fetch: Fetch,
        previous: Previous | None = None,
    ) -> int:
        """`reconcile` when only some notes may have changed: `hashes` holds their content
        hashes, `removed` the paths that may be gone (those not in `hashes` are)."""
        changed = [path for path, known in hashes.items() if self.hashes.get(path) != known]
        removed = [path for path in removed if path in self.hashes and path not in hashes]
        if not changed and not removed:
            return 0
        # (a note as it was is of use only if its part was computed from it)
        was = {
            path: found[1]
            for path in changed
            if (found := (previous or {}).get(path)) is not None
            and found[0] == self.hashes.get(path)
        }
        for path in changed:
            self.hashes[path] = hashes[path]
        for path in removed:
            del self.hashes[path]
        return self.update(fetch(changed), removed, fetch, was)

    def update(
        self,
        changed: Iterable[Note],
        removed: Iterable[str],
        fetch: Fetch,
        was: Mapping[str, Note] | None = None,
    ) -> int:
        """Take in new or changed notes and removed paths; `fetch` returns the current notes
        at the paths asked (those it does not know are gone); `was`, the changed notes as
        their parts were computed from, where known. Returns how many notes' parts were
        recomputed."""
        new = {note.path: note for note in changed}
        gone = set(removed) - new.keys()
        # Changes no other note's part can see (a promise added, a talk's notes written):
        # only the note's own part is computed again.
        own = {
            path
            for path, note in new.items()
            if (earlier := (was or {}).get(path)) is not None
            and self.links.get(path) == link_keys(note)
            and outward(earlier) == outward(note)
        }
        if own:
            for path in own:
                self._forget(path)
                self._learn(new[path])
                del new[path]
            if not new and not gone:
                self._recompute(own, set(), fetch)
                self.unsaved |= own
                return len(own)
        touched = new.keys() | gone
        renamed: set[str] = set()  # identity keys that now lead somewhere else
        named: set[str] = set()  # and those of notes that became, or stopped being, a person's
        for path in touched:
            before = self.identities.get(path, ())
            after = identity(new[path]) if path in new else ()
            shown = self.titles.get(path, file_name(path)) if before else None
            now_shown = new[path].title if path in new else None
            if before != after or shown != now_shown:
                renamed.update(before, after)
            links = link_keys(new[path]) if path in new else None
            if links != self.links.get(path):
                # A person without a note is shown as the first note linking them writes
                # the name: a note that links them (or did) may change how they are shown.
                linked = {*self.links.get(path, ()), *(links or ())}
                renamed.update(key for key in linked if not self.owners.get(key))
            category = category_of(new[path]) if path in new else None
            if (category in NAMED) != (self.categories.get(path) in NAMED):
                named.update(before, after)
            if before and category is not None and category != self.categories.get(path, "other"):
                # (a talk linking it may have one person more or fewer now, and what reads
                # that talk's people reads them again: its referrals' other talks)
                renamed.update(before, after)
            if (
                before != after
                or shown != now_shown
                or self.links.get(path) != links
                or self.categories.get(path, "other") != category
            ):
                self.names_unsaved = True
        self.typos.forget_near(exact_identity(renamed | named))  # (typos are of names)
        keys = self._touched_keys(touched, renamed)  # as things were
        # (notes whose links now lead elsewhere are about other people now)
        near = self._people_around(touched | self._linking(renamed))
        for path in touched:
            self._forget(path)
        for note in new.values():
            self._learn(note)
        keys |= self._touched_keys(touched, renamed)  # and as they are now
        near |= self._people_around(touched | self._linking(renamed))
        dirty = set(new) | self._linking(keys) | self._answering(keys)
        dirty |= near & self.identities.keys()
        dirty |= own
        self._recompute(dirty, gone, fetch)
        self.unsaved |= dirty | gone
        return len(dirty)

    def _recompute(self, dirty: set[str], gone: set[str], fetch: Fetch) -> None:
        before = self._chain_inputs(dirty | gone)
        dirty_links = {key for path in dirty for key in self.links.get(path, ())}
        targets = self._answering(dirty_links)
        around = self._linking(
            {key for path in dirty | targets for key in self.identities.get(path, ())} | dirty_links
        )
        around_links = {key for path in around for key in self.links.get(path, ())}
        further = self._answering(around_links)
        further |= self._known_of(self._people_read_by(dirty))
        # A person without a note is shown as the first note (by path) that links them
        # writes their name: every such note is needed to tell which one that is.
        owners = self.owners
        noteless = {key for key in dirty_links | around_links if not owners.get(key)}
        further |= self._linking(noteless)
        context = fetch(dirty | targets | around | further) if dirty else []
        parts = compute_parts(context, dirty, self.settings, self.today)
        moved: set[str] = set()  # notes whose items changed: their rows are placed again
        for path in dirty | gone:
            old_part, old = self.parts.pop(path, None), self.written.pop(path, None)
            new = parts.get(path)
            self._take_hints(path, new.hints if new else ())
            if old_part and old and new and old_part.items == new.items:
                # (most notes a change reaches come out the same: their rows stay put)
                self.written[path] = old._replace(problems=new.problems)
            else:
                moved.add(path)
        for assembly in self.assemblies.values():
            if assembly.stale is not None:
                assembly.stale |= moved
        for path, part in parts.items():
            self.parts[path] = part
            if path in moved:
                self.written[path] = written(part)
        nothing = chain_input(None)
        if any(before.get(path, nothing) != chain_input(parts.get(path)) for path in dirty | gone):
            self._chains_changed()

    # --- parts not in memory (a saved digest decodes them: saved.py) --------------------

    def parts_at(self, paths: Iterable[str]) -> dict[str, Part]:
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
        parts = self.parts_at(self.written if paths is None else paths)
        return {path: chain_input(part) for path, part in parts.items()}

    # --- the digest --------------------------------------------------------------------

    def digest(
        self,
        problems: Iterable[Problem] = (),
        snoozed: Mapping[str, date] | None = None,
        copies: Sequence[Copy] = (),
    ) -> Digest:
        """The digest as data; `problems` are the vault's own (settings, folders); `copies`,
        the folders holding a copy of other notes, are each one warning."""
        parts = self.parts_at(self.written)
        ordered = [parts[path] for path in sorted(parts)]
        items = unique_ids(item for part in ordered for item in part.items)
        chains, chain_problems = self.referral_chains()
        hints, typos = self.suggested(hint for part in ordered for hint in part.hints)
        self.typos.keep(typos)
        everything = [
            *problems,
            *(p for part in ordered for p in part.problems),
            *chain_problems,
            *typos,
            *path_problems(self.identities),
            *shared_name_problems(outside_copies(self.people_sharing_names(), copies)),
        ]
        return Digest(
            self.today,
            tuple(shown_items(items, self.settings, self.today, snoozed)),
            chains,
            sort_problems(said_once(everything, copies)),
            sort_problems(hints),
            self.ambiguous_names(),
            self.read_counts(),
            tuple(snoozed_items(items, self.settings, self.today, snoozed or {})),
        )

    def suggested(
        self, hints: Iterable[Problem]
    ) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
        """`suggest_names` with the vault's names as they are."""
        hints = list(hints)
        targets = {target for hint in hints if (target := hint_target(hint)) is not None}
        if not targets:
            return tuple(hints), ()
        categories = self.categories
        owners = {  # (typos are of the names of people and organizations)
            key: named
            for key, paths in self.owners.items()
            if not key.startswith(LOOSE)
            and (named := [path for path in paths if categories.get(path) in NAMED])
        }
        return suggest_names(hints, self.typos.meant_for(targets, owners))

    def all_hints(self) -> dict[str, tuple[Problem, ...]]:
        """Every note's links to nothing (see SavedDigest, which reads them when asked)."""
        assert self.hints is not None
        return self.hints

    def all_marks(self) -> dict[str, int]:
        assert self.hint_marks is not None
        return self.hint_marks

    def _take_hints(self, path: str, hints: tuple[Problem, ...]) -> None:
        """A note's hints as now computed; when they changed, the likely typos are found
        again (when next asked)."""
        marks = self.all_marks()
        mark = hints_mark(hints)
        if marks.get(path, 0) == mark:
            return
        found = self.all_hints()
        if hints:
            found[path], marks[path] = hints, mark
        else:
            found.pop(path, None)
            marks.pop(path, None)
        self.hints_unsaved = True
        self.typos.problems = None

    def likely_typos(self) -> tuple[Problem, ...]:
        """The links to nothing that are likely typos (kept until a hint or a name changes)."""
        if self.typos.problems is None:
            hints = (hint for found in self.all_hints().values() for hint in found)
            self.typos.keep(self.suggested(hints)[1])
        assert self.typos.problems is not None
        return self.typos.problems

    def referral_chains(self) -> Chains:
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
        render_item = item_renderer(output_format, color, self.today, ambiguous)

        def write(item: Item) -> bytes:  # (kept in UTF-8: see `Written`)
            return render_item(item).encode()

        assembly = self.assemblies.get(name)
        if assembly is None:
            assembly = self.assemblies[name] = self.new_assembly(output_format)
        placed = self.written if assembly.stale is None else assembly.stale
        lacking = [
            path
            for path in placed
            if path in self.written
            and (self.written[path].keys is None or name not in self.written[path].texts)
        ]
        for path, part in self.parts_at(lacking).items():
            found = self.written[path]
            if found.keys is None:
                found = self.written[path] = written(part)
            found.texts[name] = tuple(map(write, part.items))
        if assembly.stale != set() or assembly.renamed is None:
            every_row = assembly.stale is None
            assembly.refresh(self.written, name)
            assembly.renamed = self._renamed(assembly, write)
            if every_row:
                self._let_go_of_rows()
        if name not in self.chain_texts:
            chains, _ = self.referral_chains()
            chart = self.settings.chains_chart
            self.chain_texts[name] = chains_text(output_format, color, chains, ambiguous, chart)
        self.chain_problems()  # (read now, if they must be read)
        return assembly

    def _let_go_of_rows(self) -> None:
        """With every row placed, the assembly holds each item's sort key, id and text: the
        notes' own tuples of them are let go (8 MB on a vault of 30,000 notes), and made
        again for a note when it changes, as for a saved part."""
        for path, entry in self.written.items():
            if entry.keys is not None:
                self.written[path] = Written(entry.problems, None, None, {})

    def new_assembly(self, output_format: str) -> Assembly:
        horizon = shift(self.today, self.settings.lookahead_days)
        return Assembly(self.today, horizon, item_separator(output_format).encode())

    def chain_problems(self) -> tuple[Problem, ...]:
        return self.referral_chains()[1]

    def render(
        self,
        output_format: str,
        *,
        color: bool = False,
        problems: Iterable[Problem] = (),
        snoozed: Mapping[str, date] | None = None,
        copies: Sequence[Copy] = (),
    ) -> Document:
        """The digest written in a format: `render(self.digest(...), ...)`, kept sorted
        between calls, so that only changed notes' items are written and placed again."""
        assembly = self.prepare(output_format, color)
        shown, hidden = assembly.sections(assembly.renamed or {}, snoozed or {}, self.today)
        left_out = by_day((found, (snoozed or {})[found]) for found in hidden)
        chain_problems = self.chain_problems()
        typos = self.likely_typos()
        everything = sort_problems(
            said_once(
                [
                    *problems,
                    *(p for entry in self.written.values() for p in entry.problems),
                    *chain_problems,
                    *typos,
                    *path_problems(self.identities),
                    *shared_name_problems(outside_copies(self.people_sharing_names(), copies)),
                ],
                copies,
            )
        )
        self.counts = (sum(count for _, count, _ in shown), len(everything))
        return document(
            output_format,
            color,
            self.today,
            self.read_counts(),
            left_out,
            shown,
            self.chain_texts[format_name(output_format, color)],
            everything,
            self.texts_for or frozenset(),
        )

    def _renamed(self, assembly: Assembly, write: Callable[[Item], bytes]) -> dict[Spot, Row]:
        """The rows whose id another note's item had first, with the ids `unique_ids` gives
        them instead (ids that happen to hash alike: a few in 100,000 items). Which ids
        several rows share is kept: an update looks only at the ids of the rows it placed."""
        if assembly.repeated is None or assembly.moved_ids is None:
            counts = Counter(assembly.ids())
            assembly.repeated = {found for found, count in counts.items() if count > 1}
        elif assembly.moved_ids:
            wanted = assembly.repeated | assembly.moved_ids
            counts = Counter(row[3] for row in assembly.rows_with_ids(wanted))
            assembly.repeated = {found for found, count in counts.items() if count > 1}
        assembly.moved_ids = set()
        if not assembly.repeated:
            return {}
        holders = sorted((row[1], row[2], row) for row in assembly.rows_with_ids(assembly.repeated))
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
        part = self.parts_at([path]).get(path)
        return part.items if part else ()
