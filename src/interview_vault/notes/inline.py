"""Dataview's inline fields written as whole lines (`type:: customer meeting`, `-
participants:: [[John Doe]]`): properties a note writes in its text, read where its front
matter does not have them (see docs/format.md, "Properties in the text"). Pure.

A field in brackets alone on its line (`- 🏢 [company:: [[Boring Company]] ]`) is one too;
fields in brackets mid-line (`[due:: ...]`, `(attendees:: [[Ana]])`) are no properties of
the note: a task's dates and an Attendees line's people are read where they are written
(tasks.py, attendees.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, NamedTuple

from .frontmatter import FrontMatter

# A whole line `key:: value`, or a list item `- key:: value`: a key of word characters,
# spaces, `-` and `_` (so no task, `- [ ] ...`, no link), in emphasis or code marks or not
# (`**Folgetermin**:: 2023-06-16`: Dataview drops them from the key), then its value
_FIELD_LINE = re.compile(
    r"[ \t]*(?:[-*+][ \t]+)?[*~`]*(\w[\w \t-]*?)[*~`]*[ \t]*::(?!:)[ \t]*(.*?)[ \t]*\r?"
)
# A list item or line that is one field in brackets and no more, after an emoji or a mark
# (`- 🏢 [company:: [[Boring Company]] ]`, as a person template writes its fields): a
# whole-line field too (not a task's `- [ ] Call [due:: 2026-12-01]`)
_BRACKETED_LINE = re.compile(
    r"[ \t]*(?:[-*+][ \t]+)?(?:[^\w\s\[\]()>]+[ \t]*)?\[[*~`]*(\w[\w \t-]*?)[*~`]*[ \t]*"
    r"::(?!:)[ \t]*((?:[^\[\]]|\[\[[^\[\]]*\]\]|\[[^\[\]]*\]\([^()]*\))*?)[ \t]*\][ \t]*\r?"
)
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.MULTILINE)
# (`"::" in body` takes twice as long on a body with letters beyond Latin-1 and many
# single colons, as most have: 8.6 us a note against 4.6)
_TWO_COLONS = re.compile(r":(?=:)")
# One link (a wikilink, or a Markdown link to a note), alone in a value's comma-separated part
_ONE_LINK = re.compile(r"\[\[[^\[\]\n]*\]\]|\[[^\[\]\n]*\]\((?:<[^<>\n]*>|[^\s()<>]*)\)")


class InlineField(NamedTuple):
    """One field: its key as written, its value as read (text, a link's text, a list of
    links' texts, or None when empty) and its 1-based line in the file."""

    key: str
    value: Any
    line: int


def inline_fields(body: str, body_line: int) -> list[InlineField]:
    """The whole-line inline fields of a body whose first line is the file's `body_line`,
    in order; none in fenced code."""
    if _TWO_COLONS.search(body) is None:  # (most notes: one look, no loop)
        return []
    fenced: list[tuple[int, int]] | None = None
    found: list[InlineField] = []
    line, counted = body_line, 0
    at = body.find("::")
    while at >= 0:  # (line by line, those with `::` only: a task's `[due:: ...]` is most)
        start = body.rfind("\n", 0, at) + 1
        end = body.find("\n", at)
        end = len(body) if end < 0 else end
        match = _FIELD_LINE.fullmatch(body, start, end)
        if match is None and body[end - 1 : end] in ("]", " ", "\t", "\r"):
            match = _BRACKETED_LINE.fullmatch(body, start, end)
        if match is not None:
            if fenced is None:
                fenced = _fenced_spans(body) if ("```" in body or "~~~" in body) else []
            if not any(opened <= start < closed for opened, closed in fenced):
                line += body.count("\n", counted, start)
                counted = start
                key = " ".join(match.group(1).split())
                found.append(InlineField(key, field_value(match.group(2)), line))
        at = body.find("::", end)
    return found


def is_field_line(line: str) -> bool:
    """Whether a line is one whole-line field and no more (`type:: call`, `- 🏢 [company::
    [[Acme]] ]`): a property, which a prep sheet shows apart, not a note of the talk."""
    return "::" in line and (
        _FIELD_LINE.fullmatch(line) is not None or _BRACKETED_LINE.fullmatch(line) is not None
    )


def field_value(text: str) -> Any:
    """A field's value as Dataview reads it: nothing when empty; a link's text, or a list of
    them when links alone are separated by commas; else the text (a date is text, as in
    front matter, read as a date where one is wanted)."""
    if not text:
        return None
    if "[" in text:
        parts = [part.strip() for part in text.split(",")] if "," in text else [text]
        if all(_ONE_LINK.fullmatch(part) for part in parts):
            return parts if len(parts) > 1 else parts[0]
    return text


def with_inline_fields(front: FrontMatter, body: str, body_line: int) -> FrontMatter:
    """The front matter with the body's inline fields added as properties, each where the
    front matter has no property of that name (in any case): the front matter wins. A key
    written again in the body (any case) gathers its values into a list, as Dataview does.
    The same front matter when the body has none."""
    fields = inline_fields(body, body_line)
    if not fields:
        return front
    have = {key.casefold() for key in front.values}
    spelled: dict[str, str] = {}  # casefolded key -> as the body first writes it
    values: dict[str, list[Any]] = {}
    lines: dict[str, list[int]] = {}
    for field in fields:
        folded = field.key.casefold()
        if folded in have:
            continue
        key = spelled.setdefault(folded, field.key)
        entries = field.value if isinstance(field.value, list) else [field.value]
        values.setdefault(key, []).extend(entries)
        lines.setdefault(key, []).extend([field.line] * len(entries))
    if not values:
        return front
    merged = dict(front.values)
    key_lines = dict(front.key_lines)
    item_lines = dict(front.item_lines)
    for key, entries in values.items():
        merged[key] = entries[0] if len(entries) == 1 else [e for e in entries if e is not None]
        key_lines[key] = lines[key][0]
        if len(entries) > 1:
            pairs = zip(lines[key], entries, strict=True)
            item_lines[key] = [at for at, entry in pairs if entry is not None]
    return replace(
        front, values=merged, key_lines=key_lines, item_lines=item_lines,
        inline=frozenset(values),
    )  # fmt: skip


def _fenced_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block (``` or ~~~, closed by a fence of the same
    character at least as long, or by the end of the body)."""
    spans: list[tuple[int, int]] = []
    fence, opened = "", 0
    for match in _FENCE_LINE.finditer(body):
        mark = match.group(1)
        if not fence:
            fence, opened = mark, match.start()
        elif mark[0] == fence[0] and len(mark) >= len(fence) and not match.group(2).strip():
            spans.append((opened, match.end()))
            fence = ""
    if fence:
        spans.append((opened, len(body)))
    return spans
