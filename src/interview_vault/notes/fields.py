"""Typed access to a note's front matter: its properties by the names the tool knows them
by, whichever of the vault's names for them the note uses, each unreadable value a
problem naming the property as the note writes it. Pure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from ..core.conventions import Conventions
from ..core.errors import UnreadableValue
from ..core.model import Link, Problem
from ..core.settings import LimitSettings
from .frontmatter import FrontMatter
from .values import parse_date, parse_date_list, parse_link, shown_value

T = TypeVar("T")


class Fields:
    """Typed access to front matter values, by the names the tool knows them by (`contact`,
    `date`...), whichever of the vault's names for them a note uses; every unreadable
    value becomes a problem that names the property as written."""

    def __init__(
        self, path: str, front: FrontMatter, conventions: Conventions, limits: LimitSettings
    ) -> None:
        self.path = path
        self.front = front
        self.names = conventions.names
        self.first_names = conventions.first_names
        self.own_names = conventions.own_names
        self.quote = limits.quoted_characters
        self.most = limits.list_entries
        self.problems: list[Problem] = []
        values = front.values
        # The note's properties by casefolded name, and the name each is written with. Most
        # notes write every name in lower case already: then that is the values themselves.
        self.folded: dict[str, Any] = values
        self.written: dict[str, str] | None = None
        if not all(key == key.casefold() for key in values):
            self.folded, self.written = {}, {}
            for key, value in values.items():
                folded = key.casefold()
                first = self.written.get(folded)
                if first is None:
                    self.written[folded], self.folded[folded] = key, value
                    continue
                message = (
                    f"`{key}` is `{first}` written again in other capitals; only `{first}` is read"
                )
                self.problems.append(Problem(path, front.line(key) or 1, "warning", message))

    def key(self, name: str) -> str | None:
        """The property as written in the note, for one the tool knows (`contact`...) or
        for a fixed one (`name`, `aliases`)."""
        for candidate in self.names.get(name, (name,)):
            if candidate in self.folded:
                return candidate if self.written is None else self.written[candidate]
        return None

    def in_text(self, name: str) -> bool:
        """Whether the note writes this property in its text, as Dataview's inline field."""
        key = self.key(name)
        return key is not None and key in self.front.inline

    def shown(self, name: str) -> str:
        """How to name a property in a message: as the note writes it, else as the vault's
        settings first name it (in their spelling), else as the tool does."""
        return self.key(name) or self.first_names.get(name, name)

    def lines(self, names: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
        """(name, line) of those of these properties the note has."""
        found = ((name, self.line(name)) for name in names)
        return tuple((name, line) for name, line in found if line is not None)

    def line(self, name: str, index: int | None = None) -> int | None:
        key = self.key(name)
        return self.front.line(key, index) if key is not None else None

    def get(self, name: str, names: tuple[str, ...] | None = None) -> Any:
        """The value of a property the tool knows, under the first of the vault's names for
        it the note writes (or of `names`, when given)."""
        for candidate in names or self.names.get(name, (name,)):
            value = self.folded.get(candidate)
            if value is not None:
                return None if value == "" or value == [] else value
            if candidate in self.folded:
                return None  # `key:` with nothing after it
        return None

    def single(self, name: str) -> Any:
        """A property that holds one value: a list's first entry when it is a list."""
        value = self.get(name)
        if isinstance(value, list) and value and not _is_nested_link(value):
            return value[0] if value[0] != "" else None
        return value

    def warn(self, name: str, message: str, index: int | None = None) -> None:
        self.problems.append(Problem(self.path, self.line(name, index) or 1, "warning", message))

    def error(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(name) or 1, "error", message))

    def _read(
        self, name: str, reader: Callable[[Any, int], T], index: int | None = None
    ) -> T | None:
        value = self.single(name)
        if value is None:
            return None
        try:
            return reader(value, self.quote)
        except UnreadableValue as error:
            self.warn(name, f"{self.shown(name)}: {error}", index)
            return None

    def entries(self, key: str, value: list[Any]) -> list[Any]:
        """A list property's entries, the first `limits.list_entries` of them."""
        if len(value) > self.most:
            self.warn(
                key,
                f"{self.shown(key)}: {len(value):,} entries; only the first {self.most:,} "
                "are read (limits.list_entries)",
            )
            return value[: self.most]
        return value

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The text of the first of these properties the note has."""
        return next(filter(None, map(self.text, keys)), None)

    def text(self, key: str) -> str | None:
        value = self.single(key)
        if value is None or isinstance(value, dict | list):
            return None
        return str(value).strip() or None

    def text_list(self, key: str) -> list[str]:
        value = self.get(key)
        entries = self.entries(key, value) if isinstance(value, list) else [value]
        return [str(entry).strip() for entry in entries if isinstance(entry, str | int | float)]

    def flag(self, key: str) -> bool:
        value = self.single(key)
        return value is True or (isinstance(value, str) and value.strip().casefold() == "true")

    def flag_or_date(self, key: str) -> bool:
        """`true` or a date means yes; `false` means no; anything else is a problem (no)."""
        value = self.single(key)
        if isinstance(value, bool):
            return value
        return self._read(key, parse_date) is not None

    def one_date(self, key: str) -> date | None:
        return self._read(key, parse_date)

    def dates(self, key: str, names: tuple[str, ...] | None = None) -> tuple[date, ...]:
        value = self.get(key, names)
        if value is None:
            return ()
        if isinstance(value, list):
            value = self.entries(key, value)
        dates, errors = parse_date_list(value, self.quote)
        for index, message in errors:
            shown = f"{self.shown(key)}: {message}"
            self.warn(key, shown, index if isinstance(value, list) else None)
        return tuple(sorted(set(dates)))

    def link(self, key: str) -> Link | None:
        links = self.links(key)
        return links[0] if links else None

    def links(self, key: str) -> list[Link]:
        value = self.get(key)
        if value is None:
            return []
        entries = value if isinstance(value, list) and not _is_nested_link(value) else [value]
        if entries is value:
            entries = self.entries(key, entries)
        links: list[Link] = []
        for index, entry in enumerate(entries):
            if entry is None or entry == "" or _is_empty_link(entry):
                continue  # (`[[]]`: a template's placeholder, left to fill in, as empty is)
            position = index if isinstance(value, list) else None
            target = self._read_entry(key, entry, parse_link, position)
            if target is not None:
                links.append(Link(target, self.line(key, position)))
        return links

    def _read_entry(
        self, key: str, value: Any, reader: Callable[[Any, int], T], index: int | None
    ) -> T | None:
        try:
            return reader(value, self.quote)
        except UnreadableValue as error:
            self.warn(key, f"{self.shown(key)}: {error}", index)
            return None

    def keep_in_touch(self) -> int | None:
        value = self.single("keep_in_touch")
        if value is None or value is True:
            return None
        if value is False:
            return 0
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())  # (`"60"`: as Obsidian writes a Text property)
        if isinstance(value, int) and value >= 0:
            return value
        self.warn(
            "keep_in_touch",
            f"{self.shown('keep_in_touch')}: {shown_value(value, self.quote)} is not a number "
            "of days (or false); "
            "using the default",
        )
        return None


def _is_nested_link(value: list[Any]) -> bool:
    """`[[Name]]` unquoted: a one-item list holding a one-item list."""
    return len(value) == 1 and isinstance(value[0], list)


def _is_empty_link(entry: Any) -> bool:
    """`"[[]]"` (or `[[]]` unquoted, which YAML reads as lists in a list)."""
    if isinstance(entry, str):
        return entry.startswith("[[") and not entry.strip("[] \t")
    return bool(entry == [] or entry == [[]])


def without_owner(links: list[Link], conventions: Conventions) -> list[Link]:
    """The links that are not to the vault's owner (who is at every meeting of theirs)."""
    if not conventions.owner:
        return links
    return [link for link in links if not conventions.is_owner(link.target)]
