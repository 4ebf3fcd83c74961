"""Which note a name means: the one resolver, for links in notes and for names in commands.

A name matches, ignoring case, in tiers, and the first tier with a match decides: the note
at that path (`Contacts/Ama Agyapong`), notes whose path ends in it (a link
`[[Contacts/Ama Agyapong]]` to `People/Contacts/Ama Agyapong.md`), notes with that file
name, then notes with that `name` or alias. A name with a `/` that matches no path is
looked up by its last part. Of several matches, a link takes the one with the shortest
path (then the alphabetically first), and the digest warns about it; a name typed in a
command must match exactly one note, or the command lists the candidates.

The incremental digest follows the same names as keys: a note answers to its
`identity`, and a link is matched on its `link_key`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from sys import intern

from .errors import NameLookupError
from .kinds import is_kind
from .model import Note, Problem
from .name_parts import TITLES, given_first, without_symbols
from .slips import one_slip
from .words import FOLDER_NOTES


def folded(text: str) -> str:
    """A name as names are compared: in Unicode's composed form (NFC: "Zoë" typed on a Mac,
    or in a file name it made, is often decomposed) and casefolded."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


_WORDS = re.compile(r"[a-z0-9]+")
LOOSE = "~"  # what starts a loose key, so that it is never taken for a name


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """A name with what does not tell people apart left out, for the last tier of matching:
    accents and letters such as ł, ø and ß written in ASCII (anyascii: `José Núñez` is
    `jose nunez`, where NFKD alone keeps ł and ø), case, punctuation, emoji and flags
    (`Olga Kordas 🇸🇪🇺🇦` is `olga kordas`), titles (`Dr.`, `Prof.`...), and the dashes
    and underscores of a slug (`alex-barnes` is `alex barnes`).
    Starts with LOOSE; just LOOSE when nothing is left, or when the name has letters of
    another script than Latin, whose ASCII forms may bring two names together (王伟 and
    汪伟 are both "wang wei"): such names are matched by the other tiers."""
    if not latin(name):
        return LOOSE
    # (a flag's regional indicators would be letters in ASCII: `Olga Kordas 🇸🇪` as
    # `olga kordas se`, an emoji a word: `:computer:`)
    text = (
        name if name.isascii() else _in_ascii(without_symbols(unicodedata.normalize("NFC", name)))
    )
    words = _WORDS.findall(last_part(text.casefold()).removesuffix(".md"))
    while len(words) > 1 and words[0] in _BARE_TITLES:
        words.pop(0)
    return intern(LOOSE + " ".join(words))


_BARE_TITLES = frozenset(title.rstrip(".") for title in TITLES)


def latin(text: str) -> bool:
    """Whether every letter of `text` is a Latin one (accented too: up to Latin
    Extended-B, and Latin Extended Additional), whose ASCII form only drops accents."""
    return text.isascii() or all(
        not char.isalpha() or ord(char) < 0x250 or 0x1E00 <= ord(char) <= 0x1EFF for char in text
    )


def _in_ascii(text: str) -> str:
    """anyascii's transliteration; imported when first needed, as most names are ASCII
    (its import brings importlib.resources and tempfile: a tenth of a quick command's)."""
    from anyascii import anyascii

    return anyascii(text)


def names_in(text: str, full_names: Mapping[str, str], longest: int = 4) -> list[str]:
    """What `full_names` (loose keys of names of two words or more -> a note) maps the
    names said in `text` to, as whole words, in their order: "Coffee with José Nunez" says
    `~jose nunez`. A name of one word is never looked for: too many words are one."""
    found: list[str] = []
    words = _WORDS.findall(folded(text) if text.isascii() else _in_ascii(folded(text)).lower())
    at = 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 1, -1):
            note = full_names.get(LOOSE + " ".join(words[at : at + size]))
            if note is not None:
                if note not in found:
                    found.append(note)
                at += size
                break
        else:
            at += 1
    return found


def name_key(name: str) -> str:
    """A name as it is compared: trimmed, without `.md` or outer slashes, folded."""
    text = name.strip().strip("/")
    if text[-3:].casefold() == ".md":
        text = text[:-3]
    return folded(text.strip().strip("/"))


def link_key(target: str) -> str:
    """What a link is matched on: the last part of its target, folded (and interned: the
    same few thousand names are kept for tens of thousands of links)."""
    return intern(folded(last_part(target.strip().strip("/"))))


def last_part(target: str) -> str:
    """The note name a link's target ends in: what follows its last `/`, unless that `/`
    stands inside brackets, where it is no folder's ("Matt (PM for DRCC/Alloy)" is one
    name; "Met (2023)/1) Ana" is Ana's note "1) Ana" in the folder "Met (2023)")."""
    cut = target.rfind("/")
    if cut < 0 or ("(" not in target and "[" not in target):
        return target[cut + 1 :]
    depth = 0
    last = -1
    for position, char in enumerate(target):  # (from the start: a bracket opens first)
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "/" and depth == 0:
            last = position
    return target[last + 1 :]


def identity(note: Note) -> tuple[str, ...]:
    """The keys a note answers to: its file name first, then `name` and aliases, then the
    loose forms of them all (see `loose_key`)."""
    keys = (note.name, note.title, *note.aliases)
    exact = (intern(folded(key)) for key in keys)
    return tuple(dict.fromkeys([*exact, *loose_keys(keys)]))


def loose_keys(names: Iterable[str]) -> list[str]:
    """The loose keys of a note's names (none for a name with no tier), and of those written
    family name first, in the order people say them (`Barber, Matt` answers to `Matt
    Barber`)."""
    names = list(names)
    names += [said for name in names if "," in name and (said := given_first(name))]
    return [found for found in map(loose_key, names) if found != LOOSE]


def exact_identity(keys: Iterable[str]) -> list[str]:
    """Of a note's `identity`, the keys that are names as written (not loose forms)."""
    return [key for key in keys if not key.startswith(LOOSE)]


def _by_length(note: Note) -> tuple[int, str]:
    return len(note.path), note.path


class NameResolver:
    """Every note by path, file name, and `name` or alias."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.notes = list(notes)
        self.by_path: dict[str, Note] = {}
        self.by_name: dict[str, list[Note]] = defaultdict(list)
        self.by_alias: dict[str, list[Note]] = defaultdict(list)
        self.by_loose: dict[str, list[Note]] = defaultdict(list)
        for note in self.notes:
            self.by_path[folded(note.path[:-3])] = note
            self.by_name[folded(note.name)].append(note)
            for alias in {folded(note.title), *(folded(a) for a in note.aliases)}:
                self.by_alias[alias].append(note)
            for loose in set(loose_keys((note.name, note.title, *note.aliases))):
                self.by_loose[loose].append(note)

    def candidates(self, name: str, kinds: tuple[str, ...] | None = None) -> list[Note]:
        """The notes `name` matches in the first tier that has any (counting only notes of
        `kinds`, when given), shortest path first."""
        wanted = name_key(name)
        exact = self.by_path.get(wanted)
        if exact is not None and is_kind(exact.record, kinds):
            return [exact]
        last = last_part(wanted) if "/" in wanted else wanted
        if last != wanted:
            folder, wanted = wanted[: -len(last) - 1], last
            ending = f"/{folder}/{wanted}"
            inside = [
                n for n in self.by_name.get(wanted, ()) if folded(n.path[:-3]).endswith(ending)
            ]
            found = _of_kinds(inside, kinds)
            if found:
                return found
        for table in (self.by_name, self.by_alias):
            listed = table.get(wanted)
            if listed:
                found = _of_kinds(listed, kinds)
                if found:
                    return found
        # The last tier: accents, titles and slugs aside; only one note may answer so
        loose = _of_kinds(self.by_loose.get(loose_key(wanted), []), kinds)
        return loose if len(loose) == 1 else []

    def resolve(self, target: str) -> tuple[Note | None, list[Note]]:
        """(the note a link means or None, every candidate when there were several)."""
        found = self.candidates(target)
        if not found:
            return None, []
        return found[0], (found if len(found) > 1 else [])

    def find(
        self,
        name: str,
        kinds: tuple[str, ...] | None = None,
        *,
        what: str = "",
        others: Iterable[str] = (),
    ) -> Note:
        """The one note of `kinds` a name typed in a command means; `what` they are called,
        and the `others` names worth suggesting, for the message when none matches.

        Raises NameLookupError listing the candidates when several match, naming the problem
        when the note is there but cannot be read, and with suggestions when none matches.
        """
        found = self.candidates(name, kinds)
        if len(found) == 1:
            return found[0]
        if not found:  # (several that match only loosely: say which, as for any others)
            found = _of_kinds(self.by_loose.get(loose_key(name), []), kinds)
        if found:
            listed = ", ".join(sorted(note.path for note in found))
            raise NameLookupError(f'"{name}" matches {len(found)} notes: {listed}; give the path')
        self.refuse_unreadable(name)
        raise NameLookupError(self.not_found(name, kinds, what=what, others=others))

    def refuse_unreadable(self, name: str) -> None:
        """A note of that name that could not be read: say that, not "no note"."""
        wanted = name_key(name)
        for note in self.notes:
            errors = [p for p in note.problems if p.severity == "error"]
            if errors and wanted in (folded(note.name), folded(note.path[:-3])):
                problem = errors[0]
                where = f"{problem.note}:{problem.line}" if problem.line else problem.note
                raise NameLookupError(f"{where}: {problem.message}; fix it first")

    def not_found(
        self,
        name: str,
        kinds: tuple[str, ...] | None = None,
        *,
        what: str = "",
        others: Iterable[str] = (),
    ) -> str:
        """'no contact note named "Jo"; did you mean Jo Park?': the names of notes of `kinds`
        (and `others`) with a word starting with what was typed, or spelled alike."""
        what = what or (f"{' or '.join(kinds)} note" if kinds else "note")
        pool = [n for n in self.notes if is_kind(n.record, kinds)]
        # compared as the last tier compares names: accents, titles and slugs aside
        known: dict[str, set[str]] = defaultdict(set)
        for shown in [name for n in pool for name in (n.name, n.title, *n.aliases)] + [*others]:
            if loose_key(shown) != LOOSE:
                known[loose_key(shown)[1:]].add(shown)
        wanted = loose_key(name)[1:]
        import difflib  # (only for a name not found: not worth its import on every run)

        starting = [
            shown
            for loose, names in known.items()
            if wanted and any(word.startswith(wanted) for word in loose.split())
            for shown in names
        ]
        close = [
            shown
            for found in difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.6)
            for shown in known[found]
        ]
        hints = sorted({*starting, *close}, key=str.casefold)[:5]
        return f'no {what} named "{name}"' + (
            f"; did you mean {', '.join(hints)}?" if hints else ""
        )

    def likely_meant(self, name: str, kinds: tuple[str, ...] | None = None) -> list[str]:
        """Names of notes of `kinds` that `name` is likely part of, or a slip from: a word
        of theirs starts with it ("Aisha" for "Aisha Bello"), or it is one slip away
        ("Aisha Belo"). Not names merely alike ("Sam Park" and "Nadia Park": two people)."""
        wanted = loose_key(name)[1:]
        if not wanted:
            return []
        found = set()
        for note in self.notes:
            if not is_kind(note.record, kinds):
                continue
            for shown in (note.name, note.title, *note.aliases):
                loose = loose_key(shown)[1:]
                words = loose.split()
                starts = any(" ".join(words[i:]).startswith(wanted) for i in range(len(words)))
                if loose != wanted and (starts or one_slip(wanted, loose)):
                    found.add(shown)
        return sorted(found, key=str.casefold)[:5]

    def is_unique_name(self, note: Note) -> bool:
        return len(self.by_name.get(folded(note.name), ())) == 1

    def shared_file_names(self) -> frozenset[str]:
        """File names (casefolded) that several notes have."""
        return frozenset(name for name, found in self.by_name.items() if len(found) > 1)


def _of_kinds(notes: list[Note], kinds: tuple[str, ...] | None) -> list[Note]:
    found = notes if kinds is None else [n for n in notes if is_kind(n.record, kinds)]
    return sorted(found, key=_by_length) if len(found) > 1 else list(found)


# --- names that are two of one note -------------------------------------------------------

# The copies sync tools make when two devices changed a note: Syncthing's
# "Note.sync-conflict-20261120-101500-ABCDEFG.md", Dropbox's and Nextcloud's
# "Note (conflicted copy 2026-11-20).md", Obsidian Sync's "Note (Conflicted copy ...).md".
_CONFLICT_COPY = re.compile(r"\.sync-conflict-\d{8}-\d{6}|\([^)]*conflicted copy[^)]*\)", re.I)


def path_problems(paths: Iterable[str]) -> list[Problem]:
    """Warnings about the notes' paths themselves: sync conflict copies (read like any note,
    but two versions of one), and paths that are the same once their accents are written
    alike (composed, NFC, or decomposed, NFD, as macOS often writes file names), which a
    link cannot tell apart."""
    problems: list[Problem] = []
    composed: dict[str, str] = {}
    # (only those two kinds of path can have a problem: the digest asks on every update,
    # and a vault's paths are almost all plain)
    odd = sorted(path for path in paths if not path.isascii() or "onflict" in path)
    for path in odd:
        name = path.rpartition("/")[2]
        if "onflict" in name and _CONFLICT_COPY.search(name):
            message = "a sync conflict copy of a note: merge what it adds into it, then delete it"
            problems.append(Problem(path, None, "warning", message))
        if not path.isascii():
            other = composed.setdefault(unicodedata.normalize("NFC", path), path)
            if other != path:
                message = (
                    f"the same name as {other}, its accents written another way (Unicode NFC "
                    "and NFD): links find only one of them; rename one"
                )
                problems.append(Problem(path, None, "warning", message))
    return problems


def shared_name_problems(people: Iterable[str]) -> list[Problem]:
    """One warning for each file name two person's notes or more share, in different
    folders (`People/Tom_Wilson.md` and `Areas/People/Tom_Wilson.md`): on the note links
    reach (the shortest path, then the first by path), naming the others, which no link
    to the name reaches. (Links that meet them are warned about too, each where it is;
    these notes may have no link at all, and then read as two people, each promise twice.)
    A folder's own note (`People/Ana Souza/README.md`) is named by its folder: not here;
    paths that differ only in how accents are written are `path_problems`'."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in people:
        name = folded(path.rpartition("/")[2][:-3])
        if name not in FOLDER_NOTES:
            by_name[name].append(path)
    problems: list[Problem] = []
    for paths in by_name.values():
        if len(paths) < 2 or len({unicodedata.normalize("NFC", p) for p in paths}) < 2:
            continue
        first, *others = sorted(paths, key=lambda path: (len(path), path))
        if len(others) == 1:
            where = f"a person's note of the same name is at {others[0]}"
            fix = "merge the two, or rename one"
        else:
            where = f"person's notes of the same name are at {_listed(others)}"
            fix = "merge them, or rename all but one"
        message = f"{where}: links to the name reach only this one (the shortest path); {fix}"
        problems.append(Problem(first, None, "warning", message))
    return problems


def _listed(paths: list[str]) -> str:
    """ "A, B and C"."""
    return f"{', '.join(paths[:-1])} and {paths[-1]}"
