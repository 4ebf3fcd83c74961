"""Small, exact edits to a note's text: every byte the edit does not mean to change stays.

Edits are textual, guided by where the YAML parser says each value is written, rather than
a load-and-dump of the YAML, which would lose comments, quoting, key order and spacing.
Each function takes the note's text and returns the new text; none touches a file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from ..core.conventions import parse_mark, spellings, value_key
from ..core.errors import EditError, FrontMatterError
from ..core.model import TaskStatus
from .frontmatter import (
    BOM,
    FrontMatter,
    Span,
    find_conflict_marker,
    read_front_matter,
    read_properties,
    split_front_matter,
)
from .inline import inline_fields
from .tasks import clean_description, read_checkbox
from .templates import yaml_link, yaml_scalar
from .values import parse_date_list

_DATAVIEW_FIELD = re.compile(r"[\[(]\s*[\w-]+::")
_TASK = re.compile(
    r"^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[)([^\[\]])(\].*?)(\s+\^[A-Za-z0-9-]+)?\s*$"
)


@dataclass
class _Parts:
    """A note split for editing: the front matter lines, the rest, and how lines end."""

    bom: str
    newline: str
    yaml_lines: list[str] | None  # None: the note has no front matter
    head: str  # the opening --- line as written
    tail: str  # the closing --- line and everything after it, untouched
    front: FrontMatter


def refuse_conflicts(text: str, path: str) -> None:
    """Never edit a note in the middle of a merge: which side is the note is the user's call."""
    marker = find_conflict_marker(text)
    if marker is not None:
        raise EditError(
            f"{path}:{marker}: unresolved git merge conflict (<<<<<<< markers); "
            "resolve it before editing"
        )


def _split(text: str, path: str) -> _Parts:
    refuse_conflicts(text, path)
    bom = BOM if text.startswith(BOM) else ""
    text = text[len(bom) :]
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    try:
        yaml_text, _, _ = split_front_matter(text)
        front = read_front_matter(yaml_text) if yaml_text is not None else FrontMatter()
    except FrontMatterError as error:
        raise EditError(f"{path}:{error.line}: {error}; fix it before editing") from None
    if yaml_text is None:
        return _Parts(bom, newline, None, "", text, front)
    head_end = text.index("\n") + 1
    yaml_end = head_end + len(yaml_text)
    lines = yaml_text.split("\n")[:-1] if yaml_text else []
    return _Parts(bom, newline, lines, text[:head_end], text[yaml_end:], front)


def _join(parts: _Parts, lines: list[str]) -> str:
    if parts.yaml_lines is None:
        nl = parts.newline
        return (
            parts.bom + "---" + nl + "".join(line + nl for line in lines) + "---" + nl + parts.tail
        )
    body = "".join(line + "\n" for line in lines)
    return parts.bom + parts.head + body + parts.tail


def _verified(
    parts: _Parts, new_text: str, key: str, path: str, accept: Callable[[Any], bool]
) -> str:
    """The edited text, after checking it says what was meant and nothing else changed.

    Front matter can be written in more ways than these edits understand (JSON, flow
    mappings, block scalars, odd line breaks); whatever they get wrong is caught here,
    and the command refuses rather than save a damaged note.
    """
    try:
        after: FrontMatter | None = read_properties(new_text)
    except FrontMatterError:
        after = None
    others_before = {k: v for k, v in parts.front.values.items() if k != key}
    if (
        after is None
        or {k: v for k, v in after.values.items() if k != key} != others_before
        or not accept(after.values.get(key))
    ):
        raise EditError(
            f"{path}: cannot change `{key}` safely in the way it is written; edit it by hand"
        )
    return new_text


def _line_ending(parts: _Parts) -> str:
    """The `\\r` that ends each YAML line in a CRLF note (the split kept it on each line)."""
    return "\r" if parts.newline == "\r\n" and parts.yaml_lines is not None else ""


def property_key(text: str, names: tuple[str, ...], path: str) -> str:
    """The key to edit for a property a vault calls `names`: the first of them the note
    has, as the note writes it (in any case); else the first of the names."""
    return key_among(_split(text, path).front.values, names)


def updates_key(text: str, names: tuple[str, ...], path: str) -> str:
    """`property_key` for updates sent, passing over an `updated` that is the note's edit
    stamp (one date beside `created`, as the reading has it): the vault's next name for
    updates; a day added to the stamp would be erased by the next save's stamp, so with no
    other name it refuses, saying how to name one."""
    values = _split(text, path).front.values
    key = key_among(values, names)
    value = values.get(key)
    if key.casefold() != "updated" or value in (None, "", []) or isinstance(value, list):
        return key
    if not any("created" in written.casefold() for written in values):
        return key
    others = tuple(name for name in names if name.casefold() != "updated")
    if not others:
        raise EditError(
            f"{path}: its `{key}` is when the note was edited (one date beside `created`), "
            "not your updates: name those under [properties] updated in .vault/config.toml "
            '(`updated = ["told"]`, as vault adopt proposes), then log again'
        )
    return key_among(values, others)


def _inline_days(body: str, key: str) -> list[date]:
    """The days a body's whole-line Dataview fields named `key` (any case) hold."""
    days: list[date] = []
    for found in inline_fields(body, 1):
        if found.key.casefold() == key.casefold() and found.value is not None:
            days += parse_date_list(found.value)[0]
    return days


def key_among(keys: Iterable[str], names: tuple[str, ...]) -> str:
    """`property_key` for a note whose keys are `keys`, in order."""
    written = {key.casefold(): key for key in reversed(list(keys))}
    # (in any of their spellings, as they are read: `last-contacted` for `last_contacted`)
    return next((written[name] for name in spellings(names) if name in written), names[0])


def add_date(text: str, key: str, day: date, path: str) -> str:
    """Add `day` to a date-list property (`contacted`, `replied`); no change if it is there."""
    return add_dates(text, key, [day], path)


def moved_last_contact(
    text: str, names: tuple[str, ...], day: date, path: str, *, add: bool = False
) -> str:
    """The note's last-contact stamp (`last_contact: 2026-10-02`, under any of `names`)
    moved to `day` when it is earlier or empty: the vault's own field, kept current by what
    the tool records. A note without one gets one when `add`, else none; one with a later
    day is left as it is, and so is a value that is no single date (a list, a word), unless
    `add`: then what the tool was asked to record cannot be, and it refuses, saying so."""
    parts = _split(text, path)
    written = {key.casefold(): key for key in parts.front.values}
    key = next((written[name] for name in spellings(names) if name in written), None)
    if key is None:
        return set_value(text, names[0], day.isoformat(), path) if add else text
    value = parts.front.values[key]
    if value not in (None, ""):
        days, bad = parse_date_list(value)
        if not bad and len(days) == 1 and days[0] >= day:
            return text  # (as recorded already, or later)
        if bad or len(days) != 1 or isinstance(value, list):
            if add:
                held = (
                    f"is a list ({', '.join(map(str, value))})"
                    if isinstance(value, list)
                    else f"holds {value}"
                )
                raise EditError(f"{path}: {key} {held}, not one date: write {day} by hand")
            return text
    if isinstance(value, str) and value.lstrip().startswith("[["):  # (a daily note's link)
        return set_value(text, key, f'"[[{day.isoformat()}]]"', path)
    return set_value(text, key, day.isoformat(), path)


def add_dates(text: str, key: str, days: Iterable[date], path: str) -> str:
    """Add each of `days` the date-list property lacks, in order, in one edit (an import
    adds many)."""
    parts = _split(text, path)
    value = parts.front.values.get(key)
    before: list[date] = []
    if value not in (None, "", []):
        before, _ = parse_date_list(value)
    # Days the note writes as a Dataview field in its text (`contacted:: 2026-11-02`), read
    # only while its front matter has no such property: carried into the one written now,
    # so that writing it hides none of them.
    carried = [] if key in parts.front.values else _inline_days(parts.tail, key)
    new = sorted(day for day in {*days, *carried} if day not in before)
    if not set(new) - set(carried):
        return text

    def has_the_new_days(new_value: Any) -> bool:
        dates, _ = parse_date_list(new_value) if new_value is not None else ([], [])
        return set(new) <= set(dates) and set(before) <= set(dates)

    span = parts.front.spans.get(key)
    written = _days_in_order(value, span)
    if written is not None and span is not None:
        # A list written in order stays so: each day goes before the first later one, and
        # only those later than all are added at the end.
        placed = [(bisect_right(written, day), day) for day in new]
        inside = [(index, day) for index, day in placed if index < len(written)]
        if inside:
            new = [day for index, day in placed if index == len(written)]
            text = _verified(
                parts,
                _insert_before(parts, span, inside),
                key,
                path,
                lambda value: has_the_new_days(value) or bool(new),
            )
            if not new:
                return text
    entries = [day.isoformat() for day in new]
    return add_entry(text, key, entries, path, has_the_new_days, "a date or a list of dates")


def _days_in_order(value: Any, span: Span | None) -> list[date] | None:
    """The days of a list property written entry by entry as dates, in order (the same day
    twice is in order); None for any other value (one out of order, one entry that is no
    date, an empty one), to which days are added at the end."""
    if span is None or span.form != "list" or not isinstance(value, list) or not value:
        return None
    if len(span.items) != len(value) or any(item.form != "scalar" for item in span.items):
        return None
    days, errors = parse_date_list(value)
    if errors or len(days) != len(value) or any(a > b for a, b in pairwise(days)):
        return None
    if not span.flow and len({item.start[0] for item in span.items}) != len(span.items):
        return None  # (entries of a block list that share a line: not a list of lines)
    return days


def _insert_before(parts: _Parts, span: Span, placed: list[tuple[int, date]]) -> str:
    """The note's text with each day written just before the entry at its index of the
    list at `span` (several before one in order), as the list writes its entries: a line
    with the entry's own marker in a block list, `day, ` in a flow one."""
    lines = list(parts.yaml_lines or [])
    cr = _line_ending(parts)
    for index in sorted({index for index, _ in placed}, reverse=True):  # (last first: the
        days = sorted(day.isoformat() for at, day in placed if at == index)  # rows hold)
        row, column = span.items[index].start
        line = lines[row]
        if span.flow:
            lines[row] = line[:column] + "".join(f"{day}, " for day in days) + line[column:]
        else:
            lines[row:row] = [f"{line[:column]}{day}{cr}" for day in days]
    return _join(parts, lines)


def add_entry(
    text: str,
    key: str,
    entry: str | list[str],
    path: str,
    accept: Callable[[Any], bool],
    what: str = "a list",
) -> str:
    """Add `entry` (YAML as written, e.g. `2026-11-26` or `"[[People]]"`; or a list of
    them) to a list property, made a list if it held one value; `accept` checks the
    property's new value."""
    entries = [entry] if isinstance(entry, str) else entry
    parts = _split(text, path)
    lines = list(parts.yaml_lines or [])
    cr = _line_ending(parts)
    span = parts.front.spans.get(key)
    marker = _list_marker(parts, lines)
    items = [f"{marker}{one}{cr}" for one in entries]
    if span is None:
        lines += [f"{key}:{cr}", *items]
    elif span.form == "list" and not span.flow and span.items:
        last = span.items[-1]
        row = last.end[0] if last.end[1] > 0 else last.end[0] - 1
        prefix = lines[last.start[0]][: last.start[1]]
        lines[row + 1 : row + 1] = [f"{prefix}{one}{cr}" for one in entries]
    elif span.form == "list":
        row, column = span.end[0], span.end[1] - 1  # at the closing ]
        line = lines[row]
        separator = ", " if span.items else ""
        joined = ", ".join(entries)
        lines[row] = f"{line[:column].rstrip()}{separator}{joined}{line[column:]}"
    elif span.form == "scalar":
        key_row = parts.front.key_lines[key] - 2
        (start_row, start), (end_row, end) = span.start, span.end
        if span.null or span.text == "":
            if start_row == key_row and end > start:
                line = lines[key_row]  # `key: ~` or `key: null`: the list replaces it
                lines[key_row] = line[:start].rstrip() + line[end:]
            lines[key_row + 1 : key_row + 1] = items
        else:
            if start_row != key_row or end_row != key_row:
                raise EditError(f"{path}: {key} is not written on one line; edit it by hand")
            written = lines[key_row][start:end]
            rest = lines[key_row][end:].rstrip("\r")
            lines[key_row : key_row + 1] = [
                f"{lines[key_row][:start].rstrip()}{rest}{cr}",
                f"{marker}{written}{cr}",
                *items,
            ]
    else:
        raise EditError(f"{path}: {key} is not {what}; edit it by hand")
    return _verified(parts, _join(parts, lines), key, path, accept)


def _list_marker(parts: _Parts, lines: list[str]) -> str:
    """How the note's front matter starts a list's entries (`  - `, or `- ` at the margin,
    as Obsidian writes them): a new list is written as its others are."""
    for span in parts.front.spans.values():
        if span.form == "list" and not span.flow and span.items:
            first = span.items[0].start
            marker = lines[first[0]][: first[1]]
            if marker.strip() == "-":
                return marker
    return "  - "


def add_mark(text: str, written_mark: str, path: str) -> str:
    """Mark a note as a vault marks a kind of note (`type: contact`, `categories: [[People]]`,
    `#person`): the property set, or its value added to the property's list (a link always
    goes in a list, as Obsidian writes them), or the tag added to `tags`. A folder mark is
    where the note is, not what it says: the text is returned as it was."""
    mark = parse_mark(written_mark)
    if mark is None or mark.form == "folder":
        return text
    if mark.form == "tag":
        key = property_key(text, ("tags",), path)
        tag = written_mark.strip().lstrip("#").strip()

        def has_tag(new: Any) -> bool:
            entries = new if isinstance(new, list) else [new]
            return any(str(e).lstrip("#").casefold() == mark.key for e in entries if e)

        return add_entry(text, key, yaml_scalar(tag), path, has_tag, "a list of tags")
    key = property_key(text, (mark.key,), path)
    value = written_mark.partition(":")[2].strip()
    if value.startswith("[["):
        entry = yaml_link(value[2:-2]) if value.endswith("]]") else yaml_scalar(value)

        def has_link(new: Any) -> bool:
            entries = new if isinstance(new, list) else [new]
            return any(value_key(e) == mark.value for e in entries if e is not None)

        return add_entry(text, key, entry, path, has_link)
    return set_value(text, key, yaml_scalar(value), path)


def set_value(text: str, key: str, value: str, path: str) -> str:
    """Set a one-line property to `value` (YAML as written, e.g. `2026-11-26` or `true`)."""
    parts = _split(text, path)
    lines = list(parts.yaml_lines or [])
    cr = _line_ending(parts)
    span = parts.front.spans.get(key)
    if span is None:
        lines.append(f"{key}: {value}{cr}")
    else:
        key_row = parts.front.key_lines[key] - 2
        line = lines[key_row]
        colon = line.find(":", parts.front.key_ends[key])
        empty = span.form == "scalar" and span.text == "" and not span.quoted
        if empty and colon >= 0:
            # `key:`, perhaps with a comment after it: the value goes right after the colon
            rest = line[colon + 1 :].rstrip("\r").strip()
            ending = "\r" if line.endswith("\r") else ""
            lines[key_row] = f"{line[: colon + 1]} {value}{' ' + rest if rest else ''}{ending}"
        elif span.form == "scalar" and span.start[0] == key_row and span.end[0] == key_row:
            start, end = span.start[1], span.end[1]
            lines[key_row] = f"{line[:start]}{value}{line[end:]}"
        else:
            raise EditError(f"{path}: {key} is not a single value; edit it by hand")
    expected = read_front_matter(f"{key}: {value}\n").values.get(key)
    return _verified(parts, _join(parts, lines), key, path, lambda new: new == expected)


def complete_task(
    text: str,
    line_number: int,
    day: date,
    path: str,
    expected: str | None = None,
    statuses: Mapping[str, TaskStatus | None] | None = None,
) -> str:
    """Tick the open task on `line_number` (1-based) as the Tasks plugin does: `[x] ... ✅ day`
    (`[completion:: day]` for a task that writes its dates as Dataview fields, `[due:: ]`).
    Open as the digest reads it: `[ ]`, `[/]`, or any character `statuses` (the vault's
    Tasks settings) do not say is done, cancelled or no task (`[?]`, `[>]`, `[!]`...).

    With `expected` (the task's text as the digest showed it), refuses when the line holds
    another task: line numbers are only a hint where a note uses unusual line breaks.
    """
    refuse_conflicts(text, path)
    bom = BOM if text.startswith(BOM) else ""
    lines = text[len(bom) :].split("\n")
    index = line_number - 1
    if not 0 <= index < len(lines):
        raise EditError(f"{path}:{line_number}: there is no such line")
    line = lines[index]
    cr = "\r" if line.endswith("\r") else ""
    match = _TASK.match(line.rstrip("\r"))
    checkbox = read_checkbox(f"[{match.group(2)}]", statuses) if match else None
    if match is None or checkbox is None or checkbox[0] != "open":
        raise EditError(f"{path}:{line_number}: this line is not an open task")
    opening, _, rest, block_id = match.groups()
    if expected is not None and clean_description(rest[1:]) != expected:
        raise EditError(f"{path}:{line_number}: this line is not the task {expected!r}")
    if "🔁" in rest:
        raise EditError(
            f"{path}:{line_number}: this task repeats (🔁); tick it in Obsidian so the "
            "Tasks plugin adds the next one"
        )
    # (as the task writes its dates: the Tasks plugin's emoji, or Dataview's fields)
    done = f"[completion:: {day}]" if _DATAVIEW_FIELD.search(rest) else f"✅ {day}"
    lines[index] = f"{opening}x{rest.rstrip()} {done}{block_id or ''}{cr}"
    return bom + "\n".join(lines)


_LINE_START = re.compile(r"^([ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?)")
_HEADING_START = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")


def add_log_line(text: str, after: int, entry: str, path: str, expected: str) -> str:
    """Write `entry` as a line of a log right after line `after` (1-based), as that line is
    written (its list marker and indent): `- 2026-11-21 thanked` under the line telling of
    the talk; under a dated heading, as a list's line. Refuses when that line no longer
    says `expected`."""
    refuse_conflicts(text, path)
    bom = BOM if text.startswith(BOM) else ""
    lines = text[len(bom) :].split("\n")
    index = after - 1
    if not 0 <= index < len(lines) or expected not in lines[index]:
        raise EditError(f"{path}:{after}: this line no longer says {expected!r}")
    line = lines[index]
    cr = "\r" if line.endswith("\r") else ""
    if _HEADING_START.match(line):
        marker = "- "  # (a heading's own `###` would make the entry a heading)
    else:
        start = _LINE_START.match(line)
        marker = start.group(1) if start else ""
        index = _end_of_item(lines, index)  # (after the lines under it, which stay its)
    lines.insert(index + 1, f"{marker}{entry}{cr}")
    return bom + "\n".join(lines)


def log_line_at(text: str, after: int) -> int:
    """The line (1-based) `add_log_line(text, after, ...)` writes its entry on."""
    lines = text.removeprefix(BOM).split("\n")
    index = after - 1
    if not 0 <= index < len(lines) or _HEADING_START.match(lines[index]):
        return after + 1
    return _end_of_item(lines, index) + 2


def _end_of_item(lines: list[str], index: int) -> int:
    """The last line of the item at `index`: the lines after it indented deeper, and the
    blank lines between them."""
    depth = _depth(lines[index])
    end = index
    for at in range(index + 1, len(lines)):
        if not lines[at].strip():
            continue
        if _depth(lines[at]) <= depth:
            break
        end = at
    return end


def _depth(line: str) -> int:
    """A line's indent, tabs stopping every 4 columns."""
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return len(lead.expandtabs(4))
