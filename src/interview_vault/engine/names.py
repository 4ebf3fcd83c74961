"""The vault's names and links, as the incremental digest keeps them, and what a change
reaches through them (see incremental.py for why names are the way in)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..core.kinds import category_of
from ..core.model import Note, ReadCounts
from ..core.names import identity
from .parts import link_keys


class NoteNames:
    """Every note's identity keys, link keys and category, and the notes by key."""

    def __init__(self) -> None:
        self.identities: dict[str, tuple[str, ...]] = {}
        # the names shown for notes whose `name` is not their file name (a link's text shows
        # it, so a change of it reaches what its linkers reach), and what each note was read
        # as, but for ordinary notes (for the line saying what was read)
        self.titles: dict[str, str] = {}
        self.categories: dict[str, str] = {}
        self.links: dict[str, tuple[str, ...]] = {}
        # key -> notes answering to it / linking to it (lists: a few each, and 40,000 of them)
        self.owners: dict[str, list[str]] = defaultdict(list)
        self.linkers: dict[str, list[str]] = defaultdict(list)
        self.file_names: Counter[str] = Counter()

    def _learn(self, note: Note) -> None:
        self._know(note.path, identity(note), link_keys(note))
        self._label(note)

    def _label(self, note: Note) -> None:
        if note.title != file_name(note.path):
            self.titles[note.path] = note.title
        category = category_of(note)
        if category != "other":
            self.categories[note.path] = category

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
        self.titles.pop(path, None)
        self.categories.pop(path, None)
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

    def _people_around(self, touched: set[str]) -> set[str]:
        """The notes whose parts read the state of people a change is about, two links
        away: colleagues at the same organization (try-another reads whether they have
        been asked or met), applications there (whether anyone there answered), and
        referrers (update-referrer reads the talks of the people they led you to). A change
        is about a contact when it is their note, or a meeting or touch note with them, or a
        note whose lines tell of them (a daily note's log, a done task)."""
        categories = self.categories
        people: set[str] = set()  # their contact notes
        named: set[str] = set()  # the keys they answer to (a person without a note, too)
        for path in touched:
            category = categories.get(path)
            if category == "contact":
                people.add(path)
                named.update(self.identities.get(path, ()))
            elif category in ("interview", "touch", None):  # (a daily note's log lines too)
                links = self.links.get(path, ())
                named.update(links)
                people |= {p for p in self._answering(links) if categories.get(p) == "contact"}
        their_links = {key for path in people for key in self.links.get(path, ())}
        colleagues = self._linking(their_links)
        # (and their organization's note: find-contact reads whether anyone there was asked)
        colleagues |= {
            p for p in self._answering(their_links) if categories.get(p) == "organization"
        }
        # their referrers: whom their notes link (their organization's note too: find-contact
        # reads whether anyone there was asked), and the people of talks naming them
        naming = self._linking(named)
        referrers = self._answering(
            {key for path in people | naming for key in self.links.get(path, ())}
        )
        return {
            path
            for path in colleagues | referrers
            if categories.get(path) in ("contact", "application", "organization")
        }

    def _people_read_by(self, dirty: set[str]) -> set[str]:
        """The identity keys of the people whose whole story these notes' parts read: a
        contact's colleagues (try-another: were they asked, met?) and the people they led
        you to (update-referrer: their talks), named in their notes or in talks with the
        contact; an organization's or application's people (find-contact, the follow-up on
        an application: was anyone there asked, did anyone answer?); a talk's people and
        those referred in it."""
        categories, identities = self.categories, self.identities
        keys: set[str] = set()  # what the people we want link to, or are
        for path in dirty:
            category = categories.get(path)
            if category == "contact":
                own = identities.get(path, ())
                near = self._linking(own)
                keys.update(own)
                # their organization, by the links that lead to no person's note
                keys.update(
                    key
                    for key in self.links.get(path, ())
                    if not any(categories.get(o) == "contact" for o in self.owners.get(key, ()))
                )
                for talk in near:
                    if categories.get(talk) == "interview":
                        for owner in self._answering(self.links.get(talk, ())):
                            if categories.get(owner) == "contact":
                                keys.update(identities.get(owner, ()))
            elif category == "organization":
                keys.update(identities.get(path, ()))
            elif category in ("application", "interview"):  # (a talk's referrals too)
                keys.update(self.links.get(path, ()))
        people = {
            key
            for path in self._linking(keys) | self._answering(keys)
            if categories.get(path) == "contact"
            for key in identities.get(path, ())
        }
        return people

    def _known_of(self, people: set[str]) -> set[str]:
        """Every note that tells of these people (linking them), and whom the talks among
        those are with (a plain name counts only where its note is there)."""
        about_them = self._linking(people)
        with_whom = {
            key
            for path in about_them
            if self.categories.get(path) == "interview"
            for key in self.links.get(path, ())
        }
        return about_them | self._answering(with_whom)

    def _reach(self, path: str) -> set[str]:
        """The keys a note touches: its identity, its links', and its links' notes'."""
        links = self.links.get(path, ())
        keys = {*self.identities.get(path, ()), *links}
        for target in self._answering(links):
            keys.update(self.identities[target])
        return keys

    def read_counts(self) -> ReadCounts:
        """How many notes were read, and as what."""
        return ReadCounts.of(self.categories.values(), len(self.identities) - len(self.categories))

    def ambiguous_names(self) -> frozenset[str]:
        """File names (casefolded) that several notes share."""
        return frozenset(name for name, count in self.file_names.items() if count > 1)

    def people_sharing_names(self) -> list[str]:
        """The person's notes whose file name another note has too (those that may share
        it with another person's: `core.names.shared_name_problems`)."""
        categories, identities, owners = self.categories, self.identities, self.owners
        return [
            path
            for name in self.ambiguous_names()
            for path in owners.get(name, ())
            if categories.get(path) == "contact" and identities[path][0] == name
        ]


def file_name(path: str) -> str:
    return path.rpartition("/")[2][:-3]
