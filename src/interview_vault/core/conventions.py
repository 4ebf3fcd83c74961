"""How a vault marks each kind of note and names the properties the tool reads: the `[kinds]`
and `[properties]` settings, made into quick answers. Pure.

A mark is one of:
- `property: value`: the property (any case) holds the value, or a list holding it; values
  and links compare on their text or link target, ignoring case (`categories: [[People]]`
  matches `"[[People]]"`, `[[Categories/People|people]]` and `People`);
- `#tag`: the note has the tag, in its `tags` property or in its text (`#person` also
  matches `#person/friend`, as Obsidian's tag search does);
- `Folder/`: the note is in that folder of the vault, or a folder inside it;
- `[property]`: the note has the property, with any value (Obsidian's search writes it so).

Daily notes are never of a kind, a note that is the vault owner's (`[me] names`) is never a
person's, and a category's own page is of none: a note whose type-like value (or the
property of the mark that holds) links to the note itself, by its file name or an alias
(`People.md` with `categories: [[People]]`), or whose tag mark is one of those names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any, Literal, NamedTuple

from .daily import daily_day
from .kinds import KINDS
from .model import Problem, TaskStatus
from .names import LOOSE, loose_key
from .settings import CONFIG_PATH, KindsSettings, LogSettings, PropertySettings, Settings
from .words import FOLDER_NOTES, LOG_WORDS, PEOPLE_HEADINGS, TYPE_KEYS, is_index_note, is_roster

KIND_ORDER = tuple(kind.name for kind in KINDS)  # the order in which marks are tried
DEFAULT_LOG = LogSettings()
# A checkbox's meaning as the Tasks plugin's settings (or ours) write it
_STATUS_TYPES: dict[str, TaskStatus | None] = {
    "TODO": "open",
    "IN_PROGRESS": "open",
    "ON_HOLD": "open",
    "DONE": "done",
    "CANCELLED": "cancelled",
    "NON_TASK": None,
    "open": "open",
    "done": "done",
    "cancelled": "cancelled",
    "none": None,
}
# Properties that are never a meeting's people, whatever the settings say
_NOT_PEOPLE_LABELS = frozenset({*TYPE_KEYS, "tags", "tag", "aliases", "alias"})
_LINKISH = re.compile(r"[\[|#/]|\.md$", re.IGNORECASE)
_INLINE_TAG = re.compile(r"(?:^|(?<=\s))#([^\s#!@$%^&*(),.?\"':;{}|<>\[\]`=+~]+)")


class Mark(NamedTuple):
    form: Literal["property", "tag", "folder", "presence"]
    key: str  # the property, tag or folder, casefolded
    value: str = ""  # a property's value, as `value_key` gives it


def value_key(value: Any) -> str:
    """What a value is compared on: its text, or a link's target without its folder,
    heading or shown text; casefolded."""
    text = (value if isinstance(value, str) else str(value)).strip()
    if not _LINKISH.search(text):
        return text.casefold()  # (most values: a word such as `contact`)
    if text.startswith("[[") and text.endswith("]]"):
        text = text[2:-2]
    text = text.split("|", 1)[0].split("#", 1)[0].strip()
    if text[-3:].casefold() == ".md":
        text = text[:-3]
    return text.rpartition("/")[2].strip().casefold()


def parse_mark(text: str) -> Mark | None:
    """A mark as written in the settings; None when it is none of the three forms."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]") and not text.startswith("[["):
        name = text[1:-1].strip().casefold()
        return Mark("presence", name) if name and not any(c in name for c in "[]:") else None
    if text.startswith("#"):
        tag = text[1:].strip().casefold()
        return Mark("tag", tag) if tag and " " not in tag else None
    if text.endswith("/"):
        folder = text.strip().strip("/").casefold()
        return Mark("folder", folder) if folder else None
    key, colon, value = text.partition(":")
    if not colon or not key.strip() or not value.strip():
        return None
    return Mark("property", key.strip().casefold(), value_key(value))


def idle_folder_marks(kinds: KindsSettings, paths: Iterable[str]) -> list[Problem]:
    """The settings' folder marks that hold no note (a mark is a folder's path from the
    vault's root: `prospectos/` marks nothing in a vault that keeps `wiki/crm/prospectos/`,
    and nothing else would say so), each with the folders of that name that hold notes: a
    warning where there is one, else an info."""
    folders: dict[str, str] = {}  # every folder holding a note, casefolded -> as written
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and folder.casefold() not in folders:
            folders[folder.casefold()] = folder
            folder = folder.rpartition("/")[0]
    problems = []
    for kind in fields(kinds):
        settings = getattr(kinds, kind.name)
        for written in (*settings.marks, *getattr(settings, "incoming", ())):
            mark = parse_mark(written)
            if mark is None or mark.form != "folder" or mark.key in folders:
                continue
            deeper = sorted(f for key, f in folders.items() if key.endswith("/" + mark.key))
            meant = f"; did you mean {' or '.join(f'{f}/' for f in deeper[:3])}?" if deeper else ""
            message = (
                f"[kinds.{kind.name}] marks: no note is in {written!r} (a folder mark is the "
                f"folder's path from the vault's root){meant}"
            )
            # (a folder of that name deeper in: surely the one meant; else perhaps one
            # still to fill, which `check --verbose` mentions)
            problems.append(Problem(CONFIG_PATH, None, "warning" if deeper else "info", message))
    return problems


def _entries(value: Any) -> list[Any]:
    """A property's values: a list's entries, or the one value (an unquoted `[[X]]` too)."""
    if isinstance(value, list):
        flat: list[Any] = []
        for entry in value:
            flat += entry if isinstance(entry, list) else [entry]
        return flat
    return [] if value is None else [value]


def tags_of(values: Mapping[str, Any], body: str) -> set[str]:
    """The note's tags, casefolded, without `#`: its `tags` property and its text's."""
    found: set[str] = set()
    for key, value in values.items():
        if key.casefold() in ("tags", "tag"):
            for entry in _entries(value):
                words = str(entry).replace(",", " ").split() if isinstance(entry, str) else []
                found.update(word.lstrip("#").casefold() for word in words if word.strip("#"))
    if "#" in body:
        text = _without_code(body) if "`" in body or "~~~" in body or "    " in body else body
        found.update(tag.casefold() for tag in _INLINE_TAG.findall(text))
    return found


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _without_code(body: str) -> str:
    """The body without code blocks (fenced, or indented after a blank line outside a
    list) and code spans, where Obsidian sees no tags (a Dataview query's `FROM #person`
    is not the note's tag)."""
    kept: list[str] = []
    fence = ""
    previous = ""  # the last line kept, or "" after a blank line
    in_list = False
    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if not line.strip():
            previous = ""
            kept.append(line)
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and not previous and not in_list:
            continue  # indented code
        in_list = bool(_ITEM.match(line)) or (in_list and line[:1] in " \t")
        previous = line
        kept.append(line)
    return _CODE_SPAN.sub(" ", "\n".join(kept))


def note_names(folded: Mapping[str, Any], path: str) -> set[str]:
    """A note's names, casefolded, as a link or a tag would give them: its file name and its
    aliases (a tag page's `#person` as `person`)."""
    names = {path.rpartition("/")[2].removesuffix(".md").casefold()}
    for key in ("aliases", "alias"):
        for entry in _entries(folded.get(key)):
            if isinstance(entry, str) and entry.strip("# "):
                names.add(entry.strip().lstrip("#").casefold())
    return names


def _links_in(value: Any) -> list[str]:
    """The link targets of a property's value, as `value_key` gives them: `"[[People]]"`,
    and an unquoted `[[People]]` (a list in a list, to YAML)."""
    found: list[str] = []
    for entry in value if isinstance(value, list) else (value,):
        if isinstance(entry, list):
            found += [value_key(item) for item in entry if isinstance(item, str)]
        elif isinstance(entry, str) and "[[" in entry:
            found.append(value_key(entry))
    return found


def is_category_page(folded: Mapping[str, Any], path: str, keys: Iterable[str] = TYPE_KEYS) -> bool:
    """Whether a note is the page of a category it links to itself as (`People.md` with
    `categories: [[People]]`, embedding a view of the people): a link to one of its names
    (`note_names`) in one of `keys`, the type-like properties by default. `folded`: its
    properties by casefolded name."""
    names: set[str] | None = None
    for key in keys:
        value = folded.get(key)
        if value is None or (isinstance(value, str) and "[[" not in value):
            continue  # (most: `type: contact`, no link)
        for target in _links_in(value):
            names = note_names(folded, path) if names is None else names
            if target in names:
                return True
    return False


def _is_folder_note(folder: str, file: str) -> bool:
    """Whether a note (its casefolded file name) is its folder's own: `People/README.md`,
    `People/index.md`, `People/People.md`, an index of the people, not one of them."""
    name = file[:-3]
    return name in FOLDER_NOTES or name == folder.rpartition("/")[2] or is_index_note(name)


_SEPARATORS = re.compile(r"[-_ ]")


def spellings(names: Iterable[str]) -> tuple[str, ...]:
    """Property names casefolded, each followed by its other spellings of the words'
    separators: `last_contacted` is also `last-contacted` and `last contacted` (vaults write
    keys in snake, kebab or plain case: `last-contacted-at`, `follow-up-due`)."""
    folded = [name.casefold() for name in names]
    others = [
        _SEPARATORS.sub(separator, name)
        for name in folded
        if _SEPARATORS.search(name)
        for separator in "_- "
    ]
    return tuple(dict.fromkeys([*folded, *others]))


class Conventions:
    """The settings' marks and property names, ready to classify notes and read properties;
    and who the vault's owner is, and where its daily notes are."""

    def __init__(
        self,
        kinds: KindsSettings,
        properties: PropertySettings,
        owner: tuple[str, ...] = (),
        daily: tuple[str, str] = ("", ""),
        log: LogSettings = DEFAULT_LOG,
        statuses: tuple[str, ...] = (),
    ) -> None:
        self.kinds = kinds
        # what a checkbox's character means: "open", "done", "cancelled", or None (no task);
        # the first setting of a character holds (as the Tasks plugin says of duplicates)
        self.statuses: dict[str, TaskStatus | None] = {}
        for entry in statuses:
            symbol, kind = entry[:1], entry[1:].strip().casefold().replace("-", "_")
            known = kind.upper() if kind.upper() in _STATUS_TYPES else kind
            if symbol and known in _STATUS_TYPES:
                self.statuses.setdefault(symbol, _STATUS_TYPES[known])
        self.owner = frozenset(loose_key(name) for name in owner) - {LOOSE}
        self.daily = daily  # (folder, format)
        # each verb of a log line (one or two words, lower case) -> what it means
        self.verbs: dict[str, str] = {}
        for what in fields(log):
            for verb in getattr(log, what.name):
                words = " ".join(LOG_WORDS.findall(verb.casefold())[:2])
                if words:
                    self.verbs.setdefault(words, what.name)
        self.marks: list[tuple[str, bool, Mark]] = []  # (kind, incoming, mark), in order
        for kind in KIND_ORDER:
            settings = getattr(kinds, kind)
            if kind == "touch":  # (an incoming one may carry the outgoing ones' mark too)
                for text in settings.incoming:
                    self._add(kind, True, text)
            for text in settings.marks:
                self._add(kind, False, text)
        self.uses_tags = any(mark.form == "tag" for _, _, mark in self.marks)
        # property marks by property, then value: each property's value is read once
        self.by_property: dict[str, dict[str, int]] = {}
        for position, (_, _, mark) in enumerate(self.marks):
            if mark.form == "property":
                self.by_property.setdefault(mark.key, {}).setdefault(mark.value, position)
        self.others = [(i, m) for i, (_, _, m) in enumerate(self.marks) if m.form != "property"]
        # where a note of each mark may link itself as its category: its type-like
        # properties, and the mark's property
        self.page_keys = [
            tuple(TYPE_KEYS | ({m.key} if m.form == "property" else set()))
            for _, _, m in self.marks
        ]
        self.names: dict[str, tuple[str, ...]] = {
            f.name: spellings(getattr(properties, f.name)) for f in fields(properties)
        }
        # how a message names a property a note does not have: the settings' first name
        # for it, as they spell it (`Referred By`)
        self.first_names: dict[str, str] = {
            f.name: next(iter(getattr(properties, f.name)), f.name) for f in fields(properties)
        }
        # the properties the vault names only as the tool does (`status = ["status"]`)
        self.own_names = frozenset(
            name
            for name, names in self.names.items()
            if names == (name,) and self.first_names[name] == name
        )
        # what heads or labels who was at a meeting in its body: the common words, and the
        # vault's names for its people property (`Teilnehmer`, `Gäste`: `## Gäste` over a
        # list of them, `Gäste:: [[Ana]]`)
        self.people_labels = PEOPLE_HEADINGS | {
            name
            for name in self.names["contact"]
            if name.strip() and name not in _NOT_PEOPLE_LABELS and ":" not in name
        }

    def _add(self, kind: str, incoming: bool, text: str) -> None:
        mark = parse_mark(text)
        if mark is not None:
            self.marks.append((kind, incoming, mark))

    def classify(
        self, folded: Mapping[str, Any], path: str, tags: Iterable[str]
    ) -> tuple[str | None, bool]:
        """(the kind of a note, whether it is an incoming touch note): the first mark that
        holds decides. `folded` is the note's properties by casefolded name."""
        first = len(self.marks)  # the position of the first mark that holds
        for key, values in self.by_property.items():
            value = folded.get(key)
            if value is None:
                continue
            if isinstance(value, str):  # (the usual `type: contact`)
                first = min(first, values.get(value_key(value), first))
                continue
            for entry in value if isinstance(value, list) else (value,):
                for item in entry if isinstance(entry, list) else (entry,):
                    first = min(first, values.get(value_key(item), first))
        if self.others:
            tag_set = set(tags)
            folder, _, file = path.casefold().rpartition("/")
            for position, mark in self.others:
                if position >= first:
                    break
                if mark.form == "tag":
                    hit = any(t == mark.key or t.startswith(mark.key + "/") for t in tag_set)
                elif mark.form == "presence":
                    hit = folded.get(mark.key) not in (None, "", [])
                elif folder == mark.key:  # (but the folder's own note says what it holds)
                    hit = not _is_folder_note(folder, file)
                else:  # (an index lists the notes of its folder, at any depth)
                    hit = folder.startswith(mark.key + "/") and not is_index_note(file[:-3])
                if hit and mark.form == "folder" and self.marks[position][0] == "contact":
                    hit = not is_roster(file[:-3])  # (a team's roster lists people: no one)
                if hit:
                    first = position
                    break
        if first == len(self.marks) or self.is_daily(path):
            return None, False
        kind, incoming, mark = self.marks[first]
        if mark.form == "tag" and mark.key in note_names(folded, path):
            return None, False  # (`#person` on `Person.md`, or a tag page aliased `#person`)
        if is_category_page(folded, path, self.page_keys[first]):
            return None, False  # (`People.md`, `categories: [[People]]`: the category's page)
        return kind, incoming

    def kind_of_place(self, path: str) -> tuple[str | None, bool]:
        """(the kind whose notes are where the note at `path` is, whether a mark says it):
        a folder mark's (its own note aside), else the kind whose `folder` holds it, where
        `vault new` puts them. What a note that says nothing is, if anything."""
        kind = self.classify({}, path, ())[0]
        if kind is not None:
            return kind, True
        folder = path.rpartition("/")[0].casefold() + "/"
        for kind in KIND_ORDER:
            home = "" if kind == "touch" else getattr(self.kinds, kind).folder.strip("/")
            if home and folder.startswith(home.casefold() + "/"):
                return kind, False
        return None, False

    def is_daily(self, path: str) -> bool:
        """Whether the note at `path` is a daily note."""
        return daily_day(path, *self.daily) is not None

    def daily_day(self, path: str) -> date | None:
        """The day of the daily note at `path`, or None when it is not one."""
        return daily_day(path, *self.daily)

    def is_owner(self, name: str) -> bool:
        """Whether a name (or slug) is one of the vault owner's."""
        return bool(self.owner) and loose_key(name) in self.owner

    def key_in(self, canonical: str, folded: Mapping[str, Any]) -> str | None:
        """The casefolded name under which a note holds a property, if it has one."""
        for name in self.names[canonical]:
            if name in folded:
                return name
        return None


@cache
def conventions_of(
    kinds: KindsSettings,
    properties: PropertySettings,
    owner: tuple[str, ...] = (),
    daily: tuple[str, str] = ("", ""),
    log: LogSettings = DEFAULT_LOG,
    statuses: tuple[str, ...] = (),
) -> Conventions:
    return Conventions(kinds, properties, owner, daily, log, statuses)


def reading_conventions(
    settings: Settings,
) -> tuple[tuple[str, ...], tuple[str, str], LogSettings, tuple[str, ...]]:
    """(the owner's names, the daily notes' folder and format, the verbs of log lines, what
    checkboxes mean): what reading a note depends on besides the kinds and property names."""
    me, vault = settings.me, settings.vault
    owner = tuple(name for name in (me.name, *me.names) if name.strip())
    return owner, (vault.daily_notes, vault.daily_format), settings.log, vault.task_statuses


def conventions(settings: Settings) -> Conventions:
    """The conventions of a vault's settings (made once per set of settings)."""
    return conventions_of(settings.kinds, settings.properties, *reading_conventions(settings))


DEFAULT = conventions(Settings())
