"""The text of a note, for drafts and prep sheets: properties, and what a section says. Pure.

The parsed model keeps only whether a section is empty; a draft needs the words. Sections
are found with the same block reader the parser uses (`body`), so a heading inside a code
block is never a heading here either, and a section runs to the next heading of the same
or a higher level, as in the digest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.errors import FrontMatterError
from ..core.links import shown_markdown_links
from ..core.model import SECTION_NAMES
from ..core.words import NOTES_HEADINGS
from .blocks import Event, parse_markdown_events, scan_simple_lines
from .body import heading_name, split_lines
from .frontmatter import BOM, read_front_matter, split_front_matter
from .inline import is_field_line
from .tasks import read_checkbox

_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_ATX_MARKS = re.compile(r"( {0,3})(#{1,6})(?=[ \t]|$)")
_WIKILINK = re.compile(r"\[\[([^\]|]*?)(?:\|([^\]]*))?\]\]")
_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+")


@dataclass(frozen=True)
class NoteText:
    """A note's properties as written in YAML, and its Markdown body."""

    properties: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # the vault's names

    def text(self, key: str) -> str | None:
        """A property as one line of text (lists joined by commas); None when empty or absent.
        `key` is the tool's name for it: the vault's names for it are tried, in any case."""
        folded = {name.casefold(): value for name, value in reversed(self.properties.items())}
        for name in self.names.get(key, (key,)):
            if name in folded:
                return property_text(folded[name])
        return None

    def section(self, name: str) -> str:
        return section_text(self.body, name)

    def entries(self, name: str, *, tasks: bool = True) -> list[str]:
        return section_entries(self.body, name, tasks=tasks)


NoteReader = Callable[[str], NoteText]  # a vault-relative path -> that note's text


def read_note_text(text: str, names: Mapping[str, tuple[str, ...]] | None = None) -> NoteText:
    """Split a note's text; unreadable front matter gives no properties (the digest reports
    it). `names` are the vault's names for properties, by the tool's names for them."""
    names = names or {}
    try:
        yaml_text, body, _ = split_front_matter(text)
        values = read_front_matter(yaml_text, positions=False).values if yaml_text else {}
    except FrontMatterError:
        return NoteText({}, text.removeprefix(BOM), names)
    return NoteText(values, body, names)


def property_text(value: Any) -> str | None:
    """A YAML value as a person would read it: links without brackets, lists joined."""
    if isinstance(value, list):
        parts = [part for part in (property_text(v) for v in value) if part]
        return ", ".join(parts) or None
    if isinstance(value, bool) or value is None:
        return None if value is None else ("yes" if value else "no")
    if isinstance(value, str | int | float | date):
        shown = plain_text(str(value)).strip()
        return shown or None
    return None


def plain_text(text: str) -> str:
    """`[[Target|Shown]]` -> `Shown` and `[[folder/Name]]` -> `Name`, for prose; a Markdown
    link to a note, `[Shown](folder/Name.md)`, -> `Shown` (one to a web page stays)."""
    text = shown_markdown_links(text)

    def shown(match: re.Match[str]) -> str:
        if match.group(2):
            return match.group(2)
        return match.group(1).split("#", 1)[0].rsplit("/", 1)[-1]

    return _WIKILINK.sub(shown, text)


def _events(lines: list[str], body: str) -> list[Event]:
    events = scan_simple_lines(lines)
    return events if events is not None else parse_markdown_events(body)


def _heading_name(event: Event) -> str:
    return heading_name(event.text)  # as the parser names sections


def _content_start(lines: list[str], heading: Event) -> int:
    """The first line after a heading: after its underline when it is a setext heading."""
    if _ATX_MARKS.match(lines[heading.line]):
        return heading.line + 1
    for number in range(heading.line + 1, len(lines)):
        if _SETEXT_UNDERLINE.fullmatch(lines[number]):
            return number + 1
    return heading.line + 1


def _section_ranges(lines: list[str], events: list[Event], name: str) -> list[tuple[int, int]]:
    """(first line, end line) of every section called `name`, in order."""
    headings = [e for e in events if e.kind == "heading"]
    ranges = []
    within: list[tuple[int, bool]] = []  # the open headings: (level, a section of the four)
    for index, heading in enumerate(headings):
        while within and within[-1][0] >= heading.level:
            within.pop()
        found = _heading_name(heading)
        nested = any(named for _, named in within)
        within.append((heading.level, found in SECTION_NAMES or found in NOTES_HEADINGS))
        if found != name.casefold() and not (
            name == "notes" and found in NOTES_HEADINGS and not nested
        ):
            continue  # (a talk's Summary or Minutes is read with its Notes, as the digest
            # does: not one within Research or Notes, as the digest does not)
        end = next((h.line for h in headings[index + 1 :] if h.level <= heading.level), len(lines))
        ranges.append((_content_start(lines, heading), end))
    return ranges


def section_text(body: str, name: str) -> str:
    """What is written under every heading called `name`, trimmed; "" when nothing is."""
    lines = split_lines(body)
    events = _events(lines, body)
    ranges = _section_ranges(lines, events, name)
    if not any(_is_written(lines, events, start, end) for start, end in ranges):
        return ""  # missing, or only `- ` placeholders: nothing worth showing
    parts = ["\n".join(lines[start:end]).strip("\n") for start, end in ranges]
    return "\n\n".join(part for part in parts if part.strip())


def section_entries(body: str, name: str, *, tasks: bool = True) -> list[str]:
    """Each list item's first line (checkbox removed) and each paragraph's first line.

    Placeholders (`- `, `- [ ]`) are left out, and tasks too when `tasks` is False.
    """
    lines = split_lines(body)
    events = _events(lines, body)
    found = []
    for start, end in _section_ranges(lines, events, name):
        for event in events:
            if start <= event.line < end and event.kind != "heading":
                if not tasks and event.kind == "item" and read_checkbox(event.text):
                    continue
                entry = _entry(lines, event)
                if entry:
                    found.append(entry)
    return found


def _entry(lines: list[str], event: Event) -> str:
    if event.kind == "text":
        return _QUOTE_MARKERS.sub("", lines[event.line]).strip()
    checkbox = read_checkbox(event.text)
    return (checkbox[1] if checkbox else event.text).strip()


def _is_written(lines: list[str], events: list[Event], start: int, end: int) -> bool:
    """Whether anything but placeholders (`- `, `- [ ]`) is written between the lines."""
    return any(start <= e.line < end and e.kind != "heading" and _entry(lines, e) for e in events)


# A query block (Dataview, Tasks, Obsidian's own search or a base): the vault runs it, so
# as text it says nothing to a reader
_QUERY_BLOCK = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[ \t]*(?:dataview|dataviewjs|tasks|query|base)\b[^\n]*\n"
    r".*?^[ \t]*\1[ \t]*(?:\n|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)


# Dataview's inline queries, `= this.role` and `$= dv.current().role` (JavaScript)
_INLINE_QUERY = re.compile(r"`\$?=[^`]*`")
_LABEL_ONLY = re.compile(r"[\s>*+\-|]*(?:[^:|`]*:)?[\s*_|]*")


def without_queries(text: str) -> str:
    """The text without its query blocks (```dataview ... ```, ~~~tasks ... ~~~) and its
    inline queries (`= this.role`): a table's row or a line with nothing else but a label
    (`| Role | `= this.role` |`, `Role: `= this.role``)."""
    if "``" in text or "~~" in text:
        text = _QUERY_BLOCK.sub("", text)
    if "`=" not in text and "`$=" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if _INLINE_QUERY.search(line):
            if line.lstrip().startswith("|"):
                continue  # (a table's row: the property it shows, prep shows apart)
            if _LABEL_ONLY.fullmatch(_INLINE_QUERY.sub("", line)):
                continue  # (in a sentence, it stays as written: the sentence needs it)
        lines.append(line)
    return "\n".join(lines)


# A list item a template leaves to fill: `-`, `1.`, `2.`, or `...` alone
_EMPTY_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])?[ \t]*(?:\.{3}|…)?[ \t]*")


def without_fields(text: str) -> str:
    """A whole note's text as a prep sheet shows it for its notes: without its field lines
    (`- [topic:: ]`, `- [date:: 2023-03-05]`: properties, shown apart), the list items a
    template left to fill (`1.`, `...`), and the headings left over nothing."""
    lines = [
        line
        for line in split_lines(text)
        if not is_field_line(line) and not (line.strip() and _EMPTY_ITEM.fullmatch(line))
    ]
    fenced, fence = set(), False  # (a heading in code is none)
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif fence:
            fenced.add(number)
    kept: list[str] = []
    for number in range(len(lines) - 1, -1, -1):  # (from the end: a heading over nothing
        # but blank lines and a heading of its level or higher is left out)
        line = lines[number]
        heading = None if number in fenced else _ATX_MARKS.match(line)
        if heading is not None:
            level = len(heading.group(2))
            below = next((other for other in reversed(kept) if other.strip()), None)
            above_nothing = below is None or (
                (found := _ATX_MARKS.match(below)) is not None and len(found.group(2)) <= level
            )
            if above_nothing:
                while kept and not kept[-1].strip():
                    kept.pop()  # (and the blank lines it stood over)
                continue
        kept.append(line)
    return "\n".join(reversed(kept)).strip("\n")


def nest_headings(text: str, top_level: int) -> str:
    """Shift the headings of `text` so the highest becomes `top_level` (kept within 1-6)."""
    lines = split_lines(text)
    headings = [e for e in _events(lines, text) if e.kind == "heading"]
    if not headings:
        return text
    shift = top_level - min(h.level for h in headings)
    dropped: set[int] = set()
    for heading in headings:
        level = max(1, min(6, heading.level + shift))
        match = _ATX_MARKS.match(lines[heading.line])
        if match:
            rest = lines[heading.line][match.end() :]
            lines[heading.line] = f"{match.group(1)}{'#' * level}{rest}"
            continue
        end = _content_start(lines, heading)  # a setext heading becomes one ATX line
        lines[heading.line] = f"{'#' * level} {' '.join(heading.text.split())}"
        dropped.update(range(heading.line + 1, end))
    return "\n".join(line for number, line in enumerate(lines) if number not in dropped)
