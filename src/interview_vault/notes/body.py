"""Reading a note's Markdown body: headings, sections, prepared questions and tasks.

Two readers produce the same list of block events. `scan_simple_lines` reads line by line
and is several times faster, but only understands the plain Markdown most notes are
made of; it returns None whenever a line could mean something it does not model (HTML,
block quotes, indented code, setext headings, indented fences...). markdown-it-py then
reads the body properly. A property test checks the two agree wherever the scanner answers.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..core.dates import parse_day, why_no_day
from ..core.model import SECTION_NAMES, Body, Link, Problem, Section, Task, TaskStatus
from ..core.words import PEOPLE_HEADINGS, TEMPLATE_PROMPTS, names_listed
from .tasks import (
    clean_description,
    find_done,
    find_due,
    find_start,
    linked_names,
    read_checkbox,
    undated_fields,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Event(NamedTuple):  # a tuple: there are tens of thousands of these per run
    """One block that matters: a heading, a list item's first line, or other text."""

    kind: Literal["heading", "item", "text"]
    line: int  # 0-based, within the body
    text: str = ""  # heading text, or the item's first line of content
    level: int = 0  # heading level


_event = Event._make  # (a tuple built in C: several times faster than calling Event)


def read_body(
    text: str,
    first_line: int,
    note: str,
    *,
    want_sections: bool,
    statuses: Mapping[str, TaskStatus | None] | None = None,
    people: frozenset[str] = PEOPLE_HEADINGS,
) -> tuple[Body, list[Problem]]:
    """Tasks (and, for interviews, sections and questions) of a body starting at `first_line`;
    `statuses`: the vault's Tasks settings, by status character; `people`: the headings
    over who was there, casefolded."""
    if not want_sections and not _ANY_CHECKBOX.search(text):
        return Body(), []  # no checkbox anywhere, so no task: nothing to read
    lines = split_lines(text)
    events = scan_simple_lines(lines)
    if events is None:
        events = parse_markdown_events(text)
    return summarize(
        events, first_line, note, want_sections=want_sections, statuses=statuses, people=people
    )


_PREPARATION = frozenset(("goals", "research", "questions"))

# Every task has a checkbox, `[` one character `]` then a space or the line's end; a body
# with none has no task.
_ANY_CHECKBOX = re.compile(r"\[[^\[\]]\](?:[ \t]|$)", re.MULTILINE)


def preparation_sections(body: str) -> tuple[str, ...]:
    """The sections of preparation (goals, research, questions) a template's body has, in
    order: what `prepare` asks of a meeting made from it."""
    found, _ = read_body(body, 0, "", want_sections=True)
    return tuple(dict.fromkeys(s.name for s in found.sections if s.name in _PREPARATION))


def split_lines(text: str) -> list[str]:
    """Lines as Markdown counts them: only CR, LF and CRLF end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def heading_name(text: str) -> str:
    """The section a heading names: its text without the marks around it, in any case.
    "**Notes:**", "📝 Notes", "🗒️ Notes 📌" and "2. Notes" all name Notes (templates often
    put an emoji or a number first)."""
    if text[:1].isalpha() and text[-1:].isalnum():  # (most headings: "Notes")
        return text.casefold()
    start, end = 0, len(text)
    while start < end and not text[start].isalpha():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")]?!"):
        end -= 1
    return text[start:end].casefold()


def summarize(
    events: Iterable[Event],
    first_line: int,
    note: str,
    *,
    want_sections: bool,
    statuses: Mapping[str, TaskStatus | None] | None = None,
    people: frozenset[str] = PEOPLE_HEADINGS,
) -> tuple[Body, list[Problem]]:
    """Turn block events into tasks, sections and a question count."""
    tasks: list[Task] = []
    problems: list[Problem] = []
    names: list[str] = []  # the sections found, in order, with their heading lines...
    lines: list[int] = []
    written: list[bool] = []  # ...and whether anything is written in them
    open_headings: list[tuple[int, int | None]] = []  # (level, index into the sections)
    active: list[int] = []  # the sections the current line is in
    in_questions = False
    in_preparation = False  # in Goals, Research or Questions
    people_level = 0  # the level of the Attendees (or Participants...) heading we are under
    attending: list[Link] = []  # who was there
    named: list[str] = []  # and who, without a link
    questions = 0
    other_text = False  # written outside those (tasks aside)

    for event in events:
        if event.kind == "heading":
            while open_headings and open_headings[-1][0] >= event.level:
                open_headings.pop()
            name = heading_name(event.text)
            index = None
            if name in SECTION_NAMES:
                index = len(names)
                names.append(name)
                lines.append(event.line + first_line)
                written.append(False)
            open_headings.append((event.level, index))
            active = [i for _, i in open_headings if i is not None]
            in_questions = any(names[i] == "questions" for i in active)
            in_preparation = any(names[i] in _PREPARATION for i in active)
            if people_level and event.level <= people_level:
                people_level = 0
            if name in people and want_sections:
                people_level = event.level
            continue
        if people_level and not (event.kind == "item" and _ANY_CHECKBOX.match(event.text)):
            # who was there: neither notes nor a task (a task there is one: `## Contact`
            # over `- [ ] Send Ana my CV`)
            if event.kind == "item":
                line = event.line + first_line
                linked = [Link(target, line) for target in linked_names(event.text) if target]
                attending += linked
                if not linked:
                    named += filter(_a_name, names_listed(event.text))
            continue
        if event.kind == "text":
            for index in active:
                written[index] = True
            other_text = other_text or not in_preparation
            continue
        checkbox = read_checkbox(event.text, statuses)
        if not event.text or (checkbox is not None and not checkbox[1]):
            continue  # a placeholder: `- ` or `- [ ]` with nothing after it
        if (
            checkbox is not None
            and not in_questions  # (there, a question prepared, in italics or not)
            and checkbox[1][-2:] in _PROMPT_ENDS
            and _PROMPT.fullmatch(checkbox[1])
        ):
            continue  # a template's prompt: `- [ ] _Any follow-ups?_`
        if checkbox is not None and not in_questions and _unfilled(checkbox[1]):
            continue  # a template's line left as it was: `- [ ] Follow up on: [topic]`
        if in_questions:
            if event.text.strip().casefold() in TEMPLATE_PROMPTS:
                continue  # the template's prompt, left as it was: not a question prepared
            questions += 1
            for index in active:
                written[index] = True
        elif checkbox is not None:
            task = _task(checkbox, event.line + first_line, note, problems)
            if task.text:  # (one holding only its dates and fields is a placeholder too)
                tasks.append(task)  # (a task is no note: it leaves a section empty)
        else:
            for index in active:
                written[index] = True
            other_text = other_text or not in_preparation

    if not want_sections:
        return Body(tasks=tuple(tasks)), problems
    found = tuple(
        Section(name, line, not has_text)
        for name, line, has_text in zip(names, lines, written, strict=True)
    )
    body = Body(tuple(tasks), found, questions, other_text, tuple(attending), tuple(named))
    return body, problems


# A question in italics, alone in a task: what a template asks, not a promise
_PROMPT = re.compile(r"([_*])[^_*]+\?\1")
_PROMPT_ENDS = frozenset(("?_", "?*"))


# A template's task left as it was shipped, in the shapes templates give it: a label with
# nothing after it (`Birthday:`, `Work anniversary:`), a prompt in brackets right after a
# label (`Follow up on: [topic]`, `Check in every: [X weeks/months]`), one opening the task
# before an arrow (`[Task description] → [[Person]]`), or a date still to fill
# (`[[YYYY-MM-DD]]`). Not brackets elsewhere: `[urgent] Send Ana my CV`, `Send [Ana] the
# deck` are promises (a review found the first rules dropping them)
_BLANK_TO_FILL = re.compile(
    r":[ \t]*\[[^\[\]\d:]+\](?![(\[])|^\[[^\[\]\d:]+\][ \t]*(?:→|->)|\[\[YYYY-MM-DD\]\]"
)
_LABEL = re.compile(r"[^\W\d_][\w'’ -]*:")


def _unfilled(text: str) -> bool:
    """Whether a task is a template's line left unfilled (see `_BLANK_TO_FILL`): a label
    of one to three words with nothing after it, or a blank to fill."""
    if "[" in text:
        return _BLANK_TO_FILL.search(text) is not None
    return text.endswith(":") and len(text.split()) <= 3 and _LABEL.fullmatch(text) is not None


def _a_name(text: str) -> bool:
    """Whether an Attendees list's entry may be someone's name: a few words of letters
    (`Mike`, `Lee Chen`), not a sentence or a note (`Explicit wikilinks: ...`)."""
    return len(text.split()) <= 4 and not _NOT_IN_NAMES.search(text)


_NOT_IN_NAMES = re.compile(r"[\d:`\[\]#@/<>=*_]")


def _task(checkbox: tuple[TaskStatus, str], line: int, note: str, problems: list[Problem]) -> Task:
    status, text = checkbox
    due = start = None
    for field in undated_fields(text):  # (kept in the text, and said: never silently unread)
        problems.append(
            Problem(note, line, "warning", f"task date {field!r} is no date (write 📅 YYYY-MM-DD)")
        )
    for written, name in ((find_due(text), "due date"), (find_start(text), "start date")):
        if written is None:
            continue
        try:
            day = parse_day(written)
        except ValueError:
            reason = why_no_day(written) or f"{written} does not exist"
            problems.append(Problem(note, line, "warning", f"task {name} {reason}"))
            continue
        if name == "due date":
            due = day
        else:
            start = day
    done_on = None
    written = find_done(text) if status == "done" else None
    if written is not None and why_no_day(written) is None:  # (a fact only when it is one)
        done_on = parse_day(written)
    return Task(line, status, clean_description(text), due, start, linked_names(text), done_on)


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
