"""Reading property values: dates, date lists and links, in every form Obsidian writes them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..core.dates import NoSuchDay, read_written_day
from ..core.errors import UnreadableValue
from ..core.links import markdown_link_to_note
from ..core.settings import LimitSettings

QUOTED = LimitSettings().quoted_characters  # how much of a value a message quotes


def unwrap_nested_link(value: Any) -> Any:
    """`link: [[Name]]` unquoted is YAML for a list in a list: read it as the link it means."""
    if (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], list)
        and len(value[0]) == 1
        and isinstance(value[0][0], str | date)
    ):
        inner = value[0][0]
        return f"[[{inner.isoformat() if isinstance(inner, date) else inner}]]"
    return value


def parse_date(value: Any, quote: int = QUOTED) -> date:
    """A calendar date from a YAML date, date-time, string, or daily-note link
    (`[[2026-11-20]]`, `[2026-11-20](Daily/2026-11-20.md)`); a message about one that is not
    quotes at most `quote` characters of it."""
    value = unwrap_nested_link(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith(("]]", ")")):  # a daily note's link
            text = link_target(text)
            text = text.rsplit("/", 1)[-1]
        try:
            day = read_written_day(text)
        except NoSuchDay as reason:
            raise UnreadableValue(str(reason)) from None
        if day is not None:
            return day
    raise UnreadableValue(f"cannot read {_show(value, quote)} as a date (write YYYY-MM-DD)")


def parse_date_list(value: Any, quote: int = QUOTED) -> tuple[list[date], list[tuple[int, str]]]:
    """Every readable date of one date or a list of them, and (index, message) for the rest."""
    value = unwrap_nested_link(value)
    entries = value if isinstance(value, list) else [value]
    dates: list[date] = []
    errors: list[tuple[int, str]] = []
    for index, entry in enumerate(entries):
        if entry is None or entry == "":
            continue  # an empty list entry, as Obsidian leaves when you clear one
        try:
            dates.append(parse_date(entry, quote))
        except UnreadableValue as error:
            errors.append((index, str(error)))
    return dates, errors


def link_target(text: str) -> str:
    """`[[folder/Name#Heading|Shown]]` -> `folder/Name`, as `[Shown](folder/Name.md#Heading)`
    (a Markdown link to a note: see core.links); a plain name is returned trimmed."""
    text = text.strip()
    if text.endswith(")") and text.startswith("["):
        target = markdown_link_to_note(text)
        if target is not None:
            return target
    if text.startswith("[[") and text.endswith("]]"):
        text = text[2:-2]
    text = text.split("|", 1)[0]
    text = text.split("#", 1)[0]
    text = text.strip()
    if text.lower().endswith(".md"):
        text = text[:-3]
    return text


def parse_link(value: Any, quote: int = QUOTED) -> str:
    """The target of one link value; raises UnreadableValue for anything that is not text."""
    value = unwrap_nested_link(value)
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
        value = f"[[{value[0]}]]"  # an unquoted `- [[Name]]` list entry
    if isinstance(value, bool) or not isinstance(value, str | int | float | date):
        raise UnreadableValue(f'cannot read {_show(value, quote)} as a link (write "[[Name]]")')
    target = link_target(value if isinstance(value, str) else str(value))
    if not target:
        raise UnreadableValue(f"empty link {_show(value, quote)}")
    return target


def _show(value: Any, quote: int = QUOTED) -> str:
    """A value as a message quotes it: at most `quote` characters, written out only as far
    as that (a value nested a thousand deep, or huge, costs no more than a short one)."""
    if isinstance(value, date):
        return value.isoformat()
    text = f'"{value[:quote]}"' if isinstance(value, str) else _brief_repr(value, quote + 1)
    return text if len(text) <= quote else text[: max(quote - 3, 0)] + "..."


shown_value = _show  # (for the other messages that quote a value)


def _brief_repr(value: Any, limit: int) -> str:
    """`repr(value)`, without recursion, stopping once it is `limit` characters long."""
    out: list[str] = []
    size = 0
    waiting: list[Any] = [value]
    closers = {"[": "]", "{": "}"}
    while waiting and size < limit:
        item = waiting.pop()
        if isinstance(item, _Text):
            piece = item.text
        elif isinstance(item, list | tuple | dict):
            opening = "{" if isinstance(item, dict) else "["
            entries = list(item.items()) if isinstance(item, dict) else list(item)
            waiting.append(_Text(closers[opening]))
            for index in range(min(len(entries), limit) - 1, -1, -1):
                entry = entries[index]
                if isinstance(item, dict):
                    waiting.append(entry[1])
                    waiting.append(_Text(f"{entry[0]!r}: "[:limit]))
                else:
                    waiting.append(entry)
                if index:
                    waiting.append(_Text(", "))
            piece = opening
        else:
            piece = repr(item)[:limit]
        out.append(piece)
        size += len(piece)
    return "".join(out)


class _Text:
    """A piece of `_brief_repr`'s output waiting its turn."""

    def __init__(self, text: str) -> None:
        self.text = text
