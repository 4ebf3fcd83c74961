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
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .templates import format_moment, yaml_scalar

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


# A value left as a link to nothing: `Project: '[[<% projectName %>]]'` with the tag left
# out (Obsidian would show an empty link, and `[[]]` leads nowhere): empty
_EMPTY_LINK = re.compile(
    r"^([^\S\r\n]*[^\s:#][^:\r\n]*:)[ \t]*(['\"]?)\[\[[ \t]*\]\]\2[ \t]*$", re.MULTILINE
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
_VARIABLE = re.compile(r"[A-Za-z_$][\w$]*")  # a script's variable: `<% name %>`
# A property whose value is tags alone, on its line (`name: <% name %>`, `Name: <%v%> <%n%>`)
_TAGS_VALUE = re.compile(
    rf"^[ \t]*([^\s:#'\"-][^:\r\n]*?)[ \t]*:[ \t]*((?:{_TAG}[ \t]*)+)\r?$", re.M
)
_ONE_TAG = re.compile(_TAG)
_HEADING = re.compile(r"^(#{1,6}[ \t]+)(.*?)(\r?)$", re.M)
_DROPPED = "\x00"  # (a line left out, kept until the tags are filled so lines still count)
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


def fill_templater(
    template: str,
    title: str,
    now: datetime,
    *,
    known: Mapping[str, str] | None = None,
    mark: Callable[[str], str] | None = None,
) -> tuple[str, tuple[LeftOut, ...]]:
    """(the template with Templater's tags filled for a note named `title` made at `now`, what
    was left out): the scripts before its front matter, and each tag it cannot fill, a line
    at a time. A value that was only such a tag is left empty (`Name: <%Vorname%>` is
    `Name:`), unless `known` (the tool's values, by property name in lower case) has the
    property: then it is that value, and so is the script's variable the tag names
    (`<% name %>`) wherever else it stands; a body's tag is taken out of its line, and a
    heading of only tags and punctuation keeps the values filled (`# <% name %> — <% org
    %>` is `# Lee Chen`), or is left out. `mark` wraps each date written (see
    notes.template_dates)."""
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
    filling = _Filling(title, now, mark or _as_written)
    if known and "<%" in text:
        filling.bind(text, start, middle, known)
    head, head_left = _filled(text, start, middle, filling)
    if head_left:  # (`Name: <%Vorname%>` is `Name:`, not `Name: `)
        head = _SPACE_BEFORE_EOL.sub("", _ONLY_COMMAS.sub(_emptied, head))
        head = _EMPTY_LINK.sub(r"\1", head)
    elif filling.at:  # (`Name: <%v%> <%n%>` is `Name: Max Mustermann`, no space after)
        head = _SPACE_BEFORE_EOL.sub("", head)
    text, headings_left = _headings(text, middle, filling)
    body, body_left = _filled(text, middle, len(text), filling)
    if _DROPPED in body:
        body = re.sub(rf"^{_DROPPED}(?:\r?\n|\Z)", "", body, flags=re.M)
    for number, names in sorted((head_left | headings_left | body_left).items()):
        left.append(LeftOut(str(number), _left_out(names)))
    return bom + head + body, tuple(left)


def _as_written(text: str) -> str:
    return text


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


@dataclass
class _Filling:
    """What filling a template's tags knows: the note's title, the moment it is made, the
    values of tags the tool knows (by position, and by the variable they name), and how a
    date is written."""

    title: str
    now: datetime
    mark: Callable[[str], str]
    at: dict[int, str] = field(default_factory=dict)  # a tag's start -> its value (YAML)
    variables: dict[str, str] = field(default_factory=dict)

    def bind(self, text: str, start: int, end: int, known: Mapping[str, str]) -> None:
        """The values of the front matter's properties of tags alone that the tool cannot
        fill (`company: <% company %>`, `Name: <%v%> <%n%>`) where `known` has them, and
        the variable of such a property's one tag."""
        for found in _TAGS_VALUE.finditer(text, start, end):
            value = known.get(found[1].casefold())
            tags = list(_ONE_TAG.finditer(text, found.start(2), found.end(2)))
            parts = [_TAG_PARTS.fullmatch(tag[0]) for tag in tags]
            if value is None or any(
                p is None or p[2] or self.value(p[4]) is not None for p in parts
            ):
                continue
            for number, tag in enumerate(tags):
                self.at[tag.start()] = "" if number else yaml_scalar(value)
            code = parts[0][4].strip() if parts[0] is not None else ""
            if len(tags) == 1 and _VARIABLE.fullmatch(code):
                self.variables.setdefault(code, value)

    def value(self, code: str) -> str | None:
        code = code.strip()
        if code in self.variables:
            return self.variables[code]
        return _value(code, self.title, self.now, self.mark)


def _filled(text: str, start: int, end: int, filling: _Filling) -> tuple[str, dict[int, list[str]]]:
    """`text[start:end]` with its tags filled, and what it could not fill by line."""
    written: list[str] = []
    left: dict[int, list[str]] = {}
    cursor, trim = start, ""
    for tag in _TAG_PARTS.finditer(text, start, end):
        before, star, after_star, code, after = tag.groups()
        literal = _trim_start(text[cursor : tag.start()], trim)
        written.append(_trim_end(literal, before or after_star))
        value = None if star else filling.at.get(tag.start(), filling.value(code))
        if value is None:
            left.setdefault(_line(text, tag.start()), []).append(_name(star, code, tag[0]))
        else:
            written.append(value)
        cursor, trim = tag.end(), after
    written.append(_trim_start(text[cursor:end], trim))
    return "".join(written), left


def _headings(text: str, start: int, filling: _Filling) -> tuple[str, dict[int, list[str]]]:
    """The text with each heading after `start` made of tags and punctuation alone, where a
    tag cannot be filled, written with the values that can (and the punctuation between
    them: `# Lee Chen — Acme`, `# Lee Chen`), or left out when none can; what was left out
    by line. Lines stay where they were (a heading left out is marked, and taken out once
    the tags are filled), so the other lines are named by their own number."""
    left: dict[int, list[str]] = {}

    def rewrite(heading: re.Match[str]) -> str:
        pieces = re.split(f"({_TAG})", heading[2])  # (text, tag, text, ... text)
        literal = "".join(pieces[0::2])
        if len(pieces) < 3 or not all(_punctuation(c) for c in literal):
            return heading[0]
        tags = [_TAG_PARTS.fullmatch(tag) for tag in pieces[1::2]]
        if any(t is None or t[1] or t[3] or t[5] for t in tags):
            return heading[0]  # (whitespace control in a heading: left to the plugin's rules)
        values = [None if t is None or t[2] else filling.value(t[4]) for t in tags]
        if None not in values:
            return heading[0]
        names = [
            _name(t[2], t[4], t[0]) for t, v in zip(tags, values, strict=True) if t and v is None
        ]
        left[_line(text, start + heading.start())] = names
        kept = [(pieces[2 * i], v) for i, v in enumerate(values) if v is not None]
        if not kept:
            return _DROPPED + heading[3]
        lead = pieces[0] if values[0] is not None else ""
        tail = pieces[-1] if values[-1] is not None else ""
        joined = "".join(sep + value for sep, value in kept[1:])
        return f"{heading[1]}{lead}{kept[0][1]}{joined}{tail}".rstrip() + heading[3]

    if "#" not in text[start:] or "<%" not in text[start:]:
        return text, left
    return text[:start] + _HEADING.sub(rewrite, text[start:]), left


def _punctuation(character: str) -> bool:
    return character.isspace() or unicodedata.category(character)[0] in "PS"


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


def _value(
    code: str, title: str, now: datetime, mark: Callable[[str], str] = _as_written
) -> str | None:
    """What the plugin writes for this tag's `code`, where the tool can know it; else None.
    A date is written through `mark`."""
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
        return mark(_formatted(now + timedelta(days=days), found[1], found[2], "YYYY-MM-DD"))
    found = _DAY.fullmatch(code)
    if found:
        moment = now + timedelta(days=_DAYS[found[1]])
        default = _DEFAULT_FORMATS.get(found[1], "YYYY-MM-DD")
        return mark(_formatted(moment, found[2], found[3], default))
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
