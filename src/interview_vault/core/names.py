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
from .slips import one_slip

# Titles before a name ("Dr. Maya Ortiz"): not a first name, and an address book's prefix.
TITLES = (
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "mx",
    "mx.",
)


# After a comma, these end a name ("Lee Chen, Jr."), as do letters in capitals ("MBA") and
# words with dots ("Ph.D."); anything else there is the given name of a name written family
# first ("Chen, Lee").
SUFFIXES = frozenset({"jr", "sr", "esq", "phd", "dphil", "mphil", "edd", "md", "jd"})  # (no dots)
_END_SUFFIXES = SUFFIXES | {"ii", "iii", "iv"}


def name_parts(name: str) -> tuple[str, str, str]:
    """(prefix, given, family) of a name as written: titles first, the last word the
    family name, or what comes before a comma ("Chen, Lee"); suffixes and credentials after
    a comma, or at the end of three words or more, are left out (an address book's best
    guess; the full name is kept whole)."""
    parts = [part.strip() for part in _commas(split_credentials(name)[0])]
    if len(parts) == 2 and parts[0] and parts[1]:
        family, given = parts[0].split(), parts[1].split()
        prefix = _titles(family) + _titles(given)
        return " ".join(prefix), " ".join(given), " ".join(family)
    words = " ".join(parts).split()
    prefix = _titles(words)
    # ("Michael Angstadt Jr.": only a known suffix, as "Ana Maria SOUZA" writes a family
    # name in capitals)
    while len(words) > 2 and words[-1].replace(".", "").casefold() in _END_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return " ".join(prefix), " ".join(words), ""
    return " ".join(prefix), " ".join(words[:-1]), words[-1]


def split_honorific(name: str) -> tuple[str, str]:
    """(honorific, the name without it): "Dr. Chidi Okonkwo" is ("Dr.", "Chidi Okonkwo");
    a name of one word keeps it ("Dr. Who" is ("Dr.", "Who"), "Dr." alone is ("", "Dr."))."""
    words = name.split()
    taken = _titles(words)
    return " ".join(taken), " ".join(words)


def _titles(words: list[str]) -> list[str]:
    """The titles that start `words`, taken out of them (one word always stays)."""
    taken = []
    while len(words) > 1 and words[0].casefold() in TITLES:
        taken.append(words.pop(0))
    return taken


def without_credentials(name: str) -> str:
    """A name without the credentials and suffixes after its commas ("Chris Oshewolo, CFA"
    is Chris Oshewolo; "Chen, Lee" stays as it is): what a person is called, and linked."""
    return split_credentials(name)[0]


def split_credentials(name: str) -> tuple[str, str]:
    """(the name, its credentials): those after its commas, and a bracket of them ending it
    ("Brisk Haji (BA, MA)" is ("Brisk Haji", "BA, MA"); "Simeon Soetan, MSc,CEH" is
    ("Simeon Soetan", "MSc, CEH")); "Chen, Lee" is ("Chen, Lee", "")."""
    text, found = _bracketed_credentials(name.strip())
    parts = _commas(text)
    taken: list[str] = []
    while len(parts) > 1 and (not parts[-1].strip() or _is_credential(parts[-1].strip())):
        if parts[-1].strip():
            taken.insert(0, parts[-1].strip())
        parts.pop()
    return ",".join(parts).strip(), ", ".join([*taken, *found])


def family_and_credentials(family: str) -> tuple[str, str]:
    """(the family name, the credentials) of a family name written alone, as LinkedIn's
    `Last Name` is: what follows a comma is no given name there, so it is credentials
    ("Saleh, Certified Executive Coach"), or the particles Dutch and others write after
    it to sort by the name ("Sliedregt, van" is "van Sliedregt")."""
    text, found = _bracketed_credentials(family.strip().strip(" ,;"))
    first, *rest = _commas(text)
    after = [part.strip() for part in rest if part.strip()]
    words = " ".join(after).split()
    if words and all(word in _PARTICLES for word in words):
        return f"{' '.join(words)} {first.strip()}".strip(), ", ".join(found)
    return first.strip(), ", ".join([*after, *found])


# Lower-case words that start a family name (van Sliedregt, de la Cruz, von Trapp)
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "di", "da", "das", "do", "dos", "du",
     "la", "le", "ten", "ter", "te", "zu", "zum", "zur", "vom", "'t", "y", "bin", "al"}
)  # fmt: skip


def bare_name(name: str, honorific: str = "", credentials: str = "") -> str:
    """A name without the honorific it starts with and the credentials it ends with (after
    a comma or not): "Herr Max Mustermann sen." with Herr and sen. is "Max Mustermann"."""
    words = name.split()
    title = honorific.split()
    if title and len(words) > len(title) and _same(words[: len(title)], title):
        words = words[len(title) :]
    ending = credentials.replace(",", " ").split()
    if ending and len(words) > len(ending):
        last = [word.rstrip(",") for word in words[-len(ending) :]]
        if _same(last, ending):
            words = words[: -len(ending)]
    return " ".join(words).rstrip(" ,")


def starts_with(name: str, honorific: str) -> bool:
    """Whether a name starts with the words of an honorific, in any case ("Herr Max")."""
    title = honorific.split()
    words = name.split()
    return bool(title) and len(words) > len(title) and _same(words[: len(title)], title)


def says(name: str, words: str) -> bool:
    """Whether `name` has `words` in it, whole and in order, in any case, commas aside
    ("Dr. Max Mustermann jr. Maxl" says "jr.")."""
    wanted = [word.casefold() for word in words.replace(",", " ").split()]
    found = [word.casefold() for word in name.replace(",", " ").split()]
    return bool(wanted) and any(
        found[at : at + len(wanted)] == wanted for at in range(len(found) - len(wanted) + 1)
    )


def _same(words: list[str], others: list[str]) -> bool:
    return [w.casefold() for w in words] == [w.casefold() for w in others]


def _commas(text: str) -> list[str]:
    """`text` split at its commas, but for those inside brackets."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _bracketed_credentials(text: str) -> tuple[str, list[str]]:
    """A bracket of credentials ending a name taken off it: ("Brisk Haji", ["BA", "MA"])."""
    if not text.endswith(")") or "(" not in text:
        return text, []
    cut = text.rindex("(")
    inside = [part.strip() for part in text[cut + 1 : -1].split(",")]
    before = text[:cut].rstrip(" ,")
    if before and inside and all(part and _is_credential(part) for part in inside):
        return before, inside
    return text, []


def _is_credential(text: str) -> bool:
    """Whether what follows a comma in a name is a credential or suffix ("MBA", "Ph.D.",
    "Jr.", "MSc", "cATO"), not a given name ("Lee", "LaToya")."""
    letters = text.replace(".", "").replace(" ", "")
    return bool(letters) and (
        letters.casefold() in SUFFIXES
        or (letters.isupper() and len(letters) > 1)
        or ("." in text.rstrip(".") and " " not in text)
        # (a degree in mixed case, "MSc", "BEng"; lower case first, as "cATO" and "eMBA")
        or (len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2)
        or (letters[0].islower() and any(c.isupper() for c in letters))
    )


def has_name(text: str) -> bool:
    """Whether `text` can be a name at all: a letter or a digit in it ("-" and "....." are
    the placeholders exports write for none)."""
    return any(char.isalnum() for char in text)


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
    `jose nunez`, where NFKD alone keeps ł and ø), case, punctuation, titles (`Dr.`,
    `Prof.`...), and the dashes and underscores of a slug (`alex-barnes` is `alex barnes`).
    Starts with LOOSE; just LOOSE when nothing is left, or when the name has letters of
    another script than Latin, whose ASCII forms may bring two names together (王伟 and
    汪伟 are both "wang wei"): such names are matched by the other tiers."""
    if not latin(name):
        return LOOSE
    text = name if name.isascii() else _in_ascii(unicodedata.normalize("NFC", name))
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
    loose = (found for found in map(loose_key, keys) if found != LOOSE)  # (none: no tier)
    return tuple(dict.fromkeys([*exact, *loose]))


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
            for loose in {loose_key(key) for key in (note.name, note.title, *note.aliases)}:
                if loose != LOOSE:
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
