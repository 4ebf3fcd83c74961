"""A note's Markdown body as block events: headings, list items' first lines, other text.

Two readers produce the same list of events. `scan_simple_lines` reads line by line and is
several times faster, but only understands the plain Markdown most notes are made of; it
returns None whenever a line could mean something it does not model (HTML, block quotes,
indented code, setext headings, indented fences...). markdown-it-py (the only module that
imports it) then reads the body properly. A property test checks the two agree wherever
the scanner answers. `notes.body` reads the events into tasks, sections and questions.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Event(NamedTuple):  # a tuple: there are tens of thousands of these per run
    """One block that matters: a heading, a list item's first line, or other text."""

    kind: Literal["heading", "item", "text"]
    line: int  # 0-based, within the body
    text: str = ""  # heading text, or the item's first line of content
    level: int = 0  # heading level


_event = Event._make  # (a tuple built in C: several times faster than calling Event)


# --- the fast reader ------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"([-+*]|(\d{1,9})[.)])(?=[ \t]|$)([ \t]*)(.*)", re.DOTALL)
_ATX_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$|(#{1,6})$")
_THEMATIC_BREAK = re.compile(r"([-*_])[ \t]*(?:\1[ \t]*){2,}")
_SETEXT_UNDERLINE = re.compile(r"=+[ \t]*|-+[ \t]*")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_LINK_DEFINITION = re.compile(r"\[[^\]]*\]:")
_BLOCK_STARTS = ("#", ">", "<", "`", "~")
_QUOTE_MARKERS = re.compile(r"^(?:>[ \t]?)+")
# First characters after which a line can only be paragraph text. (Lines starting with
# anything else, other letters included, take the careful path: slower, still right.)
_PLAIN_STARTS = frozenset(string.ascii_letters + "\"'(),.:;!?@$%&/\\{}|^")


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
    fence: tuple[str, re.Pattern[str]] | None = None  # its character, and its closing line
    in_comment = False
    open_items: list[int] = []  # content columns of the list items a line may belong to
    empty_item_depth = 0  # len(open_items) just after the last item was opened
    paragraph: list[str] = []  # lines of a top-level paragraph, which a setext line may head
    paragraph_event = 0  # the index of that paragraph's event
    previous = "blank"  # the last line: blank, text, quote, item, empty item, heading or block

    for number, line in enumerate(lines):
        if fence is not None:
            if fence[0] in line:  # (no closing fence without the fence's character)
                indent, rest = _indent(line)
                if indent <= 3 and fence[1].fullmatch(rest):
                    fence, previous = None, "block"
            continue
        if in_comment:
            if "-->" in line:
                in_comment, previous = False, "block"
            continue
        if line[:1] in _PLAIN_STARTS:
            # Most lines are prose at the margin: only text, whatever came before.
            # (At column 0 every open list item is closed, so none can be empty.)
            open_items.clear()
            if previous == "text":
                if paragraph:
                    paragraph.append(line)
                continue  # one event per run of text is all the rules need
            paragraph = [line] if previous in ("blank", "heading", "block") else []
            paragraph_event = len(events)
            events.append(_event(("text", number, "", 0)))
            previous = "text"
            continue
        if line[:2] == "- " and (
            line[2:3] in _PLAIN_STARTS or (line[2:3] == "[" and "]:" not in line)
        ):
            # The next commonest: a bullet at the margin, its text plain (or a checkbox).
            # Read as below would read it: it closes every open item and opens one.
            if previous != "text":
                paragraph = []
            open_items[:] = (2,)
            events.append(_event(("item", number, line[2:].strip(), 0)))
            previous, empty_item_depth = "item", 1
            continue
        if not line or line.isspace():
            if previous == "empty item":
                del open_items[empty_item_depth - 1 :]  # an empty item ends at a blank line
            previous = "blank"
            continue
        indent, rest = _indent(line) if line[0] in " \t" else (0, line)
        after_text = previous in ("text", "quote")
        if previous != "text":
            paragraph = []
        while open_items and open_items[-1] > indent:
            open_items.pop()
        if previous == "empty item" and len(open_items) == empty_item_depth:
            return None  # "-" then an indented line: that line is the item's own text
        if indent >= 4 and (not open_items or indent >= open_items[-1] + 4):
            return None  # indented code, or a lazy line markdown-it may read otherwise
        if after_text and _SETEXT_UNDERLINE.fullmatch(rest):
            if not paragraph:
                return None
            # "Notes" over "-----": the paragraph above was a heading all along
            level = 1 if rest[0] == "=" else 2
            heading = "\n".join(paragraph).strip()
            start = events[paragraph_event].line
            events[paragraph_event:] = [Event("heading", start, heading, level)]
            paragraph, previous = [], "heading"
            continue
        first = rest[0]
        if first in "-*_" and not rest.strip("-*_ \t") and _THEMATIC_BREAK.fullmatch(rest):
            return None
        if first == "[" and _LINK_DEFINITION.match(rest):
            return None
        if first in "<>":
            if open_items:
                return None
            if rest.startswith("<!--"):
                in_comment = "-->" not in rest[4:]
                previous = "block"
                continue
            if rest[0] == "<":
                return None
            quoted = _QUOTE_MARKERS.sub("", rest)
            if not quoted.strip():
                previous = "blank"
                continue
            if _is_block_start(quoted):
                return None
            events.append(Event("text", number))
            previous = "quote"
            continue
        fence_match = _FENCE.fullmatch(rest) if first in "`~" else None
        if fence_match:
            marker, info = fence_match.groups()
            if indent > 0 or (marker[0] == "`" and "`" in info):
                return None
            closing = re.compile(rf"{re.escape(marker[0])}{{{len(marker)},}}[ \t]*")
            fence, open_items, previous = (marker[0], closing), [], "block"
            continue
        if first == "#":
            heading_match = _ATX_HEADING.match(rest)
            if heading_match:
                if indent >= 4:
                    return None
                text = heading_match.group(2) or ""
                level = len(heading_match.group(1) or heading_match.group(3))
                events.append(_event(("heading", number, text.strip(), level)))
                previous = "heading"
                continue
        item = _LIST_ITEM.fullmatch(rest) if first in "-+*0123456789" else None
        if item:
            marker, ordinal, spacing, content = item.groups()
            empty = not content.strip()
            if (
                "\t" in spacing
                or len(spacing) > 4
                # whether these may interrupt a paragraph depends on where it sits
                or (after_text and (empty or ordinal is not None))
                or (content[:1] not in _PLAIN_STARTS and _is_block_start(content))
            ):
                return None
            open_items.append(indent + len(marker) + (len(spacing) if not empty else 1))
            events.append(_event(("item", number, content.strip(), 0)))
            previous = "empty item" if empty else "item"
            empty_item_depth = len(open_items)
            continue
        if previous == "text":
            if paragraph and not open_items:
                paragraph.append(rest)
            continue
        # a lazy line after an item or quote is not the start of a paragraph
        paragraph = [rest] if not open_items and previous in ("blank", "heading", "block") else []
        paragraph_event = len(events)
        events.append(Event("text", number))
        previous = "text"
    return events


def _is_block_start(text: str) -> bool:
    """Whether text inside a list item or quote could start a block of its own."""
    if text[:1] in _PLAIN_STARTS:
        return False
    if text[:1] == "[":
        return "]:" in text and bool(_LINK_DEFINITION.match(text))
    return bool(
        text.startswith(_BLOCK_STARTS)
        or _LIST_ITEM.fullmatch(text)
        or _LINK_DEFINITION.match(text)
        or _THEMATIC_BREAK.fullmatch(text)
        or _SETEXT_UNDERLINE.fullmatch(text)
    )


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
            content = tokens[index + 1].content
            line = token.map[0] if token.map else 0
            if token.level > 0:
                # inside a block quote or a list item: written text, never a section's start
                # or end (`> ## Key quote` under Notes is part of the notes)
                if pending_item is not None:
                    events.append(Event("item", pending_item, content.strip()))
                    pending_item = None
                else:
                    events.append(Event("text", line))
                continue
            if pending_item is not None:
                events.append(Event("item", pending_item))
                pending_item = None
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
