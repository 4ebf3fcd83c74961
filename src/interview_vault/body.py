"""Reading a note's Markdown body: headings, sections, prepared questions and tasks.

Two readers produce the same list of block events. `scan_simple_lines` reads line by line
and is several times faster, but only understands the plain Markdown most notes are
made of; it returns None whenever a line could mean something it does not model (HTML,
block quotes, indented code, setext headings, indented fences...). markdown-it-py then
reads the body properly. A property test checks the two agree wherever the scanner answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Literal

from .model import SECTION_NAMES, Body, Problem, Section, Task
from .tasks import clean_description, find_due, read_checkbox

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Event:
    """One block that matters: a heading, a list item's first line, or other text."""

    kind: Literal["heading", "item", "text"]
    line: int  # 0-based, within the body
    text: str = ""  # heading text, or the item's first line of content
    level: int = 0  # heading level


def read_body(
    text: str, first_line: int, note: str, *, want_sections: bool
) -> tuple[Body, list[Problem]]:
    """Tasks (and, for interviews, sections and questions) of a body starting at `first_line`."""
    lines = split_lines(text)
    events = scan_simple_lines(lines)
    if events is None:
        events = parse_markdown_events(text)
    return summarize(events, first_line, note, want_sections=want_sections)


def split_lines(text: str) -> list[str]:
    """Lines as Markdown counts them: only CR, LF and CRLF end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def summarize(
    events: Iterable[Event], first_line: int, note: str, *, want_sections: bool
) -> tuple[Body, list[Problem]]:
    """Turn block events into tasks, sections and a question count."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    sections: list[tuple[str, int, bool]] = []  # name, line, has text; mutable while reading
    open_headings: list[tuple[int, int | None]] = []  # (level, index into sections)
    questions = 0

    for event in events:
        line = event.line + first_line
        if event.kind == "heading":
            while open_headings and open_headings[-1][0] >= event.level:
                open_headings.pop()
            name = event.text.strip().rstrip(":").strip().casefold()
            if name in SECTION_NAMES:
                sections.append((name, line, False))
                open_headings.append((event.level, len(sections) - 1))
            else:
                open_headings.append((event.level, None))
            continue
        active = [index for _, index in open_headings if index is not None]
        in_questions = any(sections[index][0] == "questions" for index in active)
        checkbox = read_checkbox(event.text) if event.kind == "item" else None
        placeholder = event.kind == "item" and (
            not event.text.strip() or (checkbox is not None and not checkbox[1])
        )
        if not placeholder:
            for index in active:
                name, heading_line, _ = sections[index]
                sections[index] = (name, heading_line, True)
        if event.kind != "item" or placeholder:
            continue
        if in_questions:
            questions += 1
        elif checkbox is not None:
            status, rest = checkbox
            due = None
            written = find_due(rest)
            if written:
                try:
                    due = date.fromisoformat(written)
                except ValueError:
                    problems.append(
                        Problem(note, line, "warning", f"task due date {written} does not exist")
                    )
            tasks.append(Task(line, status, clean_description(rest), due))

    if not want_sections:
        return Body(tasks=tuple(tasks)), problems
    found = tuple(Section(name, line, not has_text) for name, line, has_text in sections)
    return Body(tuple(tasks), found, questions), problems


# --- the fast reader ------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"([-+*]|(\d{1,9})[.)])(?=[ \t]|$)([ \t]*)(.*)", re.DOTALL)
_ATX_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$|(#{1,6})$")
_THEMATIC_BREAK = re.compile(r"([-*_])[ \t]*(?:\1[ \t]*){2,}")
_SETEXT_UNDERLINE = re.compile(r"=+[ \t]*|-+[ \t]*")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_LINK_DEFINITION = re.compile(r"\[[^\]]*\]:")
_BLOCK_STARTS = ("#", ">", "<", "`", "~")


def _indent(line: str) -> tuple[int, str]:
    """The column of the first non-blank character (tabs stop every 4) and the rest."""
    column = 0
    for position, char in enumerate(line):
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            return column, line[position:]
    return column, ""


def scan_simple_lines(lines: Sequence[str]) -> list[Event] | None:
    """Events of plain Markdown read line by line, or None when markdown-it must decide."""
    events: list[Event] = []
    fence: tuple[str, int] | None = None
    open_items: list[int] = []  # content columns of the list items a line may belong to
    empty_item_depth = 0  # len(open_items) just after the last item was opened
    previous = "blank"  # the last line: blank, text, item, empty item, heading or fence

    for number, line in enumerate(lines):
        if fence is not None:
            indent, rest = _indent(line)
            char, length = fence
            if indent <= 3 and re.fullmatch(rf"{re.escape(char)}{{{length},}}[ \t]*", rest):
                fence, previous = None, "fence"
            continue
        indent, rest = _indent(line)
        if not rest:
            if previous == "empty item":
                del open_items[empty_item_depth - 1 :]  # an empty item ends at a blank line
            previous = "blank"
            continue
        while open_items and open_items[-1] > indent:
            open_items.pop()
        if previous == "empty item" and len(open_items) == empty_item_depth:
            return None  # "-" then an indented line: that line is the item's own text
        if indent >= 4 and (not open_items or indent >= open_items[-1] + 4):
            return None  # indented code, or a lazy line markdown-it may read otherwise
        if rest[0] in "<>" or _THEMATIC_BREAK.fullmatch(rest) or _LINK_DEFINITION.match(rest):
            return None
        if previous == "text" and _SETEXT_UNDERLINE.fullmatch(rest):
            return None
        fence_match = _FENCE.fullmatch(rest)
        if fence_match:
            marker, info = fence_match.groups()
            if indent > 0 or (marker[0] == "`" and "`" in info):
                return None
            fence, open_items, previous = (marker[0], len(marker)), [], "fence"
            continue
        if rest[0] == "#":
            heading = _ATX_HEADING.match(rest)
            if heading:
                if indent >= 4:
                    return None
                text = heading.group(2) or ""
                level = len(heading.group(1) or heading.group(3))
                events.append(Event("heading", number, text.strip(), level))
                previous = "heading"
                continue
        item = _LIST_ITEM.fullmatch(rest)
        if item:
            marker, ordinal, spacing, content = item.groups()
            empty = not content.strip()
            if (
                "\t" in spacing
                or len(spacing) > 4
                # whether these may interrupt a paragraph depends on where it sits
                or (previous == "text" and (empty or ordinal is not None))
                or content.startswith(_BLOCK_STARTS)
                or _LIST_ITEM.fullmatch(content)
                or _LINK_DEFINITION.match(content)
            ):
                return None
            open_items.append(indent + len(marker) + (len(spacing) if not empty else 1))
            events.append(Event("item", number, content.strip()))
            previous = "empty item" if empty else "item"
            empty_item_depth = len(open_items)
            continue
        events.append(Event("text", number))
        previous = "text"
    return events


# --- the full reader ------------------------------------------------------------------------


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported lazily: most runs never need it

    parser = MarkdownIt("commonmark")
    parser.disable(["inline", "text_join"])  # only the block structure matters here
    return parser


def parse_markdown_events(text: str) -> list[Event]:
    """Events from markdown-it-py's block tokens; code and HTML blocks produce none."""
    tokens = _markdown().parse(text)
    events: list[Event] = []
    pending_item: int | None = None  # line of a list item whose first paragraph is next
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            if pending_item is not None:
                events.append(Event("item", pending_item))
            pending_item = token.map[0] if token.map else 0
        elif token.type == "heading_open":
            if pending_item is not None:
                events.append(Event("item", pending_item))
                pending_item = None
            content = tokens[index + 1].content
            line = token.map[0] if token.map else 0
            events.append(Event("heading", line, content, int(token.tag[1:])))
        elif token.type == "paragraph_open":
            content = tokens[index + 1].content
            line = token.map[0] if token.map else 0
            first, _, more = content.partition("\n")
            if pending_item is not None:
                events.append(Event("item", pending_item, first.strip()))
                pending_item = None
                if more.strip():
                    events.append(Event("text", line + 1))
            else:
                events.append(Event("text", line))
        elif token.type in ("list_item_close", "fence", "code_block", "html_block", "hr"):
            if pending_item is not None:
                events.append(Event("item", pending_item))
                pending_item = None
        elif token.type.endswith("_open") and pending_item is not None:
            # a nested list or block quote as the item's first block: the item itself is empty
            events.append(Event("item", pending_item))
            pending_item = None
    if pending_item is not None:
        events.append(Event("item", pending_item))
    return events
