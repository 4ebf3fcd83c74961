"""Templater's tags in a template, filled as the plugin would where that needs no script:
the new note's title and dates; the rest left out and named by the template's lines. Pure.

Filled: `tp.file.title` (and `.slice(START, END)` with whole numbers, as JavaScript cuts
UTF-16 code units), `tp.date.now(FORMAT, DAYS)`, `tp.date.tomorrow(FORMAT)`,
`tp.date.yesterday(FORMAT)` and `tp.file.creation_date(FORMAT)`, each FORMAT a string
literal of Moment.js tokens; `tp.file.cursor()` is removed without a word. Whitespace
control (`<%_`, `_%>`: all blank space; `<%-`, `-%>`: one line break) trims as the plugin
does. The lines of scripts before the front matter are left out whole: the front matter
after them is the template's.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta

from .templates import format_moment

_TAG = r"<%(?:(?!%>).)*%>"  # (over several lines, too)
# A line of Templater's tags before the front matter: it starts and ends with one (the
# text between them is the script's to write or not: `<%* if (0) { -%> #template <%* } -%>`)
_SCRIPT_LINE = rf"[ \t]*{_TAG}(?:[^\n]*?{_TAG})*?[ \t]*\r?\n"
_LEADING_SCRIPTS = re.compile(
    rf"(?:(?:[ \t]*\r?\n)*{_SCRIPT_LINE})+(?:[ \t]*\r?\n)*(?=---[ \t]*\r?\n)", re.DOTALL
)
# A tag's parts: whitespace control, `*` (a script), its code, whitespace control.
_TAG_PARTS = re.compile(r"<%([_-]?)\s*(\*?)([_-]?)(.*?)([_-]?)%>", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?^---[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_SPACE_BEFORE_EOL = re.compile(r"[ \t]+(?=\r?$)", re.MULTILINE)
# A property's value left with nothing but the commas between its tags (`aliases: <% a %>,
# <% b %>`), bare or in brackets: no YAML, so written empty
_ONLY_COMMAS = re.compile(
    r"^([^\S\r\n]*[^\s:#][^:\r\n]*:)[ \t]*(\[)?[ \t,]*?(,[ \t,]*)(\])?[ \t]*$", re.MULTILINE
)


def _emptied(found: re.Match[str]) -> str:
    bracketed = found[2] is not None and found[4] is not None
    if (found[2] is None) != (found[4] is None):
        return found[0]  # (`key: [,` alone: a list over several lines, not this)
    return f"{found[1]} []" if bracketed else found[1]


_STRING = r"""(?:"([^"\\\n]*)"|'([^'\\\n]*)')"""
_NUMBER = r"\s*([+-]?\d+)\s*"
_TITLE = re.compile(r"tp\.file\.title")
_SLICE = re.compile(rf"tp\.file\.title\.slice\({_NUMBER}(?:,{_NUMBER})?\)")
_CURSOR = re.compile(r"tp\.file\.cursor\(\s*\d*\s*\)")
_NOW = re.compile(rf"tp\.date\.now\(\s*(?:{_STRING}\s*(?:,{_NUMBER})?)?\)")
_DAY = re.compile(
    rf"tp\.(date\.tomorrow|date\.yesterday|file\.creation_date)\(\s*(?:{_STRING}\s*)?\)"
)
_CALL = re.compile(r"\btp(?:\.\w+)+")
_FILLED = ("tp.file.title", "tp.date.", "tp.file.creation_date")
_DAYS = {"date.tomorrow": 1, "date.yesterday": -1, "file.creation_date": 0}
_DEFAULT_FORMATS = {"file.creation_date": "YYYY-MM-DD HH:mm"}
_MOMENT_DEFAULT = "YYYY-MM-DDTHH:mm:ssZ"  # what Moment writes for an empty format


@dataclass(frozen=True)
class LeftOut:
    """Templater's tags of a template left out: its lines (`3`, `1-5`) and what they were."""

    lines: str
    message: str
    removed: int = 0  # whole lines taken out of the text (the scripts before the front matter)


def fill_templater(template: str, title: str, now: datetime) -> tuple[str, tuple[LeftOut, ...]]:
    """(the template with Templater's tags filled for a note named `title` made at `now`, what
    was left out): the scripts before its front matter, and each tag it cannot fill, a line
    at a time. A value that was only such a tag is left empty (`Name: <%Vorname%>` is
    `Name:`); a body's tag is taken out of its line."""
    bom = "\ufeff" if template.startswith("\ufeff") else ""
    text = template[len(bom) :]
    left: list[LeftOut] = []
    start = 0
    scripts = _LEADING_SCRIPTS.match(text)
    if scripts:
        first = _line(text, text.index("<%"))
        last = _line(text, text.rindex("%>", 0, scripts.end()))
        lines = str(first) if first == last else f"{first}-{last}"
        message = "Templater's script before the front matter left out (vault new runs no script)"
        left.append(LeftOut(lines, message, text.count("\n", 0, scripts.end())))
        start = scripts.end()
    front = _FRONT_MATTER.match(text[start:])
    middle = start + (front.end() if front else 0)
    head, head_left = _filled(text, start, middle, title, now)
    if head_left:  # (`Name: <%Vorname%>` is `Name:`, not `Name: `)
        head = _SPACE_BEFORE_EOL.sub("", _ONLY_COMMAS.sub(_emptied, head))
    body, body_left = _filled(text, middle, len(text), title, now)
    for number, names in sorted((head_left | body_left).items()):
        left.append(LeftOut(str(number), _left_out(names)))
    return bom + head + body, tuple(left)


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _filled(
    text: str, start: int, end: int, title: str, now: datetime
) -> tuple[str, dict[int, list[str]]]:
    """`text[start:end]` with its tags filled, and what it could not fill by line."""
    written: list[str] = []
    left: dict[int, list[str]] = {}
    cursor, trim = start, ""
    for tag in _TAG_PARTS.finditer(text, start, end):
        before, star, after_star, code, after = tag.groups()
        literal = _trim_start(text[cursor : tag.start()], trim)
        written.append(_trim_end(literal, before or after_star))
        value = None if star else _value(code.strip(), title, now)
        if value is None:
            left.setdefault(_line(text, tag.start()), []).append(_name(star, code, tag[0]))
        else:
            written.append(value)
        cursor, trim = tag.end(), after
    written.append(_trim_start(text[cursor:end], trim))
    return "".join(written), left


def _trim_end(literal: str, control: str) -> str:
    if control == "_":
        return literal.rstrip()
    if control == "-":
        return re.sub(r"(?:\r\n|\n|\r)\Z", "", literal)
    return literal


def _trim_start(literal: str, control: str) -> str:
    if control == "_":
        return literal.lstrip()
    if control == "-":
        return re.sub(r"\A(?:\r\n|\n|\r)", "", literal)
    return literal


def _value(code: str, title: str, now: datetime) -> str | None:
    """What the plugin writes for this tag's `code`, where the tool can know it; else None."""
    if _TITLE.fullmatch(code):
        return title
    if _CURSOR.fullmatch(code):
        return ""
    found = _SLICE.fullmatch(code)
    if found:
        return _js_slice(title, int(found[1]), None if found[2] is None else int(found[2]))
    found = _NOW.fullmatch(code)
    if found:
        days = int(found[3]) if found[3] else 0
        return _formatted(now + timedelta(days=days), found[1], found[2], "YYYY-MM-DD")
    found = _DAY.fullmatch(code)
    if found:
        moment = now + timedelta(days=_DAYS[found[1]])
        return _formatted(moment, found[2], found[3], _DEFAULT_FORMATS.get(found[1], "YYYY-MM-DD"))
    return None


def _formatted(moment: datetime, double: str | None, single: str | None, default: str) -> str:
    pattern = double if double is not None else single
    if pattern is None:
        return format_moment(moment, default)
    return format_moment(moment, pattern or _MOMENT_DEFAULT)


def _js_slice(text: str, start: int, end: int | None) -> str | None:
    """`text.slice(start, end)` as JavaScript cuts it, by UTF-16 code units; None where that
    would split a character in two (an emoji), which no file can hold."""
    units = text.encode("utf-16-le")
    first, last, _ = slice(start, end).indices(len(units) // 2)
    try:
        return units[2 * first : 2 * max(first, last)].decode("utf-16-le")
    except UnicodeDecodeError:
        return None


def _name(star: str, code: str, tag: str) -> str:
    """How a message names a tag: `script`, the `tp.` call in it, or the tag as written
    (when the call is one filled elsewhere: `<% tp.date.now("YYYY", offset) %>`)."""
    if star:
        return "script"
    call = _CALL.search(code)
    if call and not call.group().startswith(_FILLED):  # (else: as written, to show why)
        return f"`{call.group()}`"
    return f"`{textwrap.shorten(tag, 48, placeholder=' ... %>')}`"


def _left_out(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    listed = unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} and {unique[-1]}"
    why = "runs no script" if unique == ["script"] else "fills only tp.file.title and dates"
    return f"Templater's {listed} left out (vault new {why})"
