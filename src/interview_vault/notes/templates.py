"""Obsidian template placeholders, YAML values, safe note names, obsidian:// links. Pure.

`{{title}}`, `{{date}}`, `{{time}}`, `{{date:FORMAT}}` and `{{time:FORMAT}}` are filled the way
the core Templates plugin does, with Moment.js format tokens (its English locale).
"""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from datetime import datetime

from ..core.dates import MONTHS
from ..core.errors import FrontMatterError, NoteNameError
from .frontmatter import read_front_matter

DEFAULT_DATE_FORMAT = "YYYY-MM-DD"
DEFAULT_TIME_FORMAT = "HH:mm"

_PLACEHOLDER = re.compile(r"{{\s*(title|date|time)\s*(?::(.*?))?\s*}}", re.IGNORECASE)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Moment's localized formats (English), expanded before the other tokens.
_LOCALIZED = {
    "LTS": "h:mm:ss A",
    "LT": "h:mm A",
    "LLLL": "dddd, MMMM D, YYYY h:mm A",
    "LLL": "MMMM D, YYYY h:mm A",
    "LL": "MMMM D, YYYY",
    "L": "MM/DD/YYYY",
    "llll": "ddd, MMM D, YYYY h:mm A",
    "lll": "MMM D, YYYY h:mm A",
    "ll": "MMM D, YYYY",
    "l": "M/D/YYYY",
}
_LOCALIZED_TOKEN = re.compile(r"\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l")


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"


def _offset(moment: datetime, separator: str) -> str:
    offset = moment.astimezone().utcoffset() if moment.tzinfo is None else moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{separator}{abs(minutes) % 60:02d}"


def _hour12(moment: datetime) -> int:
    return moment.hour % 12 or 12


_TOKENS: dict[str, Callable[[datetime], str]] = {
    "YYYY": lambda m: f"{m.year:04d}",
    "YY": lambda m: f"{m.year % 100:02d}",
    "Y": lambda m: str(m.year),
    "Qo": lambda m: _ordinal((m.month - 1) // 3 + 1),
    "Q": lambda m: str((m.month - 1) // 3 + 1),
    "MMMM": lambda m: MONTHS[m.month - 1],
    "MMM": lambda m: MONTHS[m.month - 1][:3],
    "MM": lambda m: f"{m.month:02d}",
    "Mo": lambda m: _ordinal(m.month),
    "M": lambda m: str(m.month),
    "DDDD": lambda m: f"{m.timetuple().tm_yday:03d}",
    "DDDo": lambda m: _ordinal(m.timetuple().tm_yday),
    "DDD": lambda m: str(m.timetuple().tm_yday),
    "DD": lambda m: f"{m.day:02d}",
    "Do": lambda m: _ordinal(m.day),
    "D": lambda m: str(m.day),
    "dddd": lambda m: WEEKDAYS[m.weekday()],
    "ddd": lambda m: WEEKDAYS[m.weekday()][:3],
    "dd": lambda m: WEEKDAYS[m.weekday()][:2],
    "do": lambda m: _ordinal(m.isoweekday() % 7),
    "d": lambda m: str(m.isoweekday() % 7),  # Sunday is 0
    "E": lambda m: str(m.isoweekday()),
    "GGGG": lambda m: f"{m.isocalendar().year:04d}",
    "WW": lambda m: f"{m.isocalendar().week:02d}",
    "Wo": lambda m: _ordinal(m.isocalendar().week),
    "W": lambda m: str(m.isocalendar().week),
    "HH": lambda m: f"{m.hour:02d}",
    "H": lambda m: str(m.hour),
    "hh": lambda m: f"{_hour12(m):02d}",
    "h": lambda m: str(_hour12(m)),
    "kk": lambda m: f"{m.hour or 24:02d}",
    "k": lambda m: str(m.hour or 24),
    "mm": lambda m: f"{m.minute:02d}",
    "m": lambda m: str(m.minute),
    "ss": lambda m: f"{m.second:02d}",
    "s": lambda m: str(m.second),
    "SSS": lambda m: f"{m.microsecond // 1000:03d}",
    "SS": lambda m: f"{m.microsecond // 10000:02d}",
    "S": lambda m: str(m.microsecond // 100000),
    "A": lambda m: "AM" if m.hour < 12 else "PM",
    "a": lambda m: "am" if m.hour < 12 else "pm",
    "ZZ": lambda m: _offset(m, ""),
    "Z": lambda m: _offset(m, ":"),
    "X": lambda m: str(int(m.timestamp())),
    "x": lambda m: str(int(m.timestamp() * 1000)),
}
# Longest first, so MMMM is read before MM; `[text]` is printed as is, as Moment does.
_TOKEN = re.compile(
    r"\[([^\]]*)\]|" + "|".join(sorted(map(re.escape, _TOKENS), key=len, reverse=True))
)


def format_moment(moment: datetime, pattern: str) -> str:
    """`moment` written with a Moment.js format string, e.g. `YYYY-MM-DD` or `dddd, MMMM Do`."""
    pattern = _LOCALIZED_TOKEN.sub(lambda t: _LOCALIZED.get(t.group(0), t.group(0)), pattern)

    def replace(token: re.Match[str]) -> str:
        if token.group(1) is not None:
            return token.group(1)
        return _TOKENS[token.group(0)](moment)

    return _TOKEN.sub(replace, pattern)


def fill_placeholders(
    text: str,
    title: str,
    now: datetime,
    date_format: str = DEFAULT_DATE_FORMAT,
    time_format: str = DEFAULT_TIME_FORMAT,
    mark: Callable[[str], str] | None = None,
) -> str:
    """The template `text` with `{{title}}`, `{{date}}`, `{{time}}` (and `:FORMAT`) filled;
    each date and time written through `mark` (see notes.template_dates)."""

    def replace(placeholder: re.Match[str]) -> str:
        variable, pattern = placeholder.group(1).lower(), placeholder.group(2)
        if variable == "title":
            return title
        default = date_format if variable == "date" else time_format
        written = format_moment(now, pattern if pattern else default)
        return mark(written) if mark else written

    return _PLACEHOLDER.sub(replace, text)


# Windows refuses these as a file's name, whatever follows the first dot.
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}
_FORBIDDEN = {
    "/": "a /",
    "\\": "a \\",
    ":": "a :",
    "<": "a <",
    ">": "a >",
    '"': 'a "',
    "|": "a |",
    "?": "a ?",
    "*": "a *",
    "#": "a # (links would break)",
    "^": "a ^ (links would break)",
    "[": "a [ (links would break)",
    "]": "a ] (links would break)",
}
_MAX_BYTES = 255 - len(".md")  # the longest file name most systems allow


def check_note_name(name: str) -> str:
    """`name` itself when it can be a note's file name on every system; else NoteNameError.

    Never renames: a name that would need changing is refused with the reason.
    """
    problem = _name_problem(name)
    if problem:
        raise NoteNameError(f'"{name}" cannot be a note name: {problem}')
    return name


def safe_note_name(name: str, kind: str) -> str:
    """`name` made into one `check_note_name` accepts, for a note made from someone else's
    data (an import): each character no file system or link takes becomes a space, the
    ends lose spaces and dots, a name Windows reserves gains the kind ("Con (contact)"), and
    a long one is cut, leaving room for " 2" and a sync tool's conflict suffix. Accents and
    curly apostrophes are kept as written."""
    spaced = "".join(" " if c in _FORBIDDEN or unicodedata.category(c) == "Cc" else c for c in name)
    text = " ".join(spaced.split())
    text = text.encode("utf-8")[: _MAX_BYTES - 64].decode("utf-8", "ignore")
    text = text.strip(". ")
    while text.lower().endswith(".md"):
        text = text[: -len(".md")].strip(". ")
    device, dot, rest = text.partition(".")
    if device.rstrip().upper() in _RESERVED:  # ("Con. Smith" is still the device CON)
        text = f"{device.rstrip()} ({kind}){dot}{rest}"
    return text if text and _name_problem(text) is None else f"Unnamed {kind}"


def _name_problem(name: str) -> str | None:
    if not name.strip():
        return "it is empty"
    for character in name:
        if character in _FORBIDDEN:
            return f"it contains {_FORBIDDEN[character]}"
        if unicodedata.category(character) == "Cc":
            return f"it contains a control character (U+{ord(character):04X})"
    if name.startswith("."):
        return "it starts with a dot (the file would be hidden)"
    if name[0].isspace() or name[-1].isspace():
        return "it starts or ends with a space"
    if name.endswith("."):
        return "it ends with a dot (Windows drops it)"
    if name.lower().endswith(".md"):
        return "leave out the .md"
    if name.split(".")[0].rstrip().upper() in _RESERVED:
        return "Windows reserves this name for a device"
    if len(name.encode("utf-8")) > _MAX_BYTES:
        return "it is too long for a file name"
    return None


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line: plain when YAML reads it back as that very text."""
    return text if _reads_back(text) else _quoted(text)


# YAML forbids these raw in a file (or reads them as line breaks): written as \u escapes.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _quoted(text: str) -> str:
    """A YAML double-quoted string: JSON's, which escapes quotes and control characters."""
    written = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda c: f"\\u{ord(c.group(0)):04x}", written)


def _reads_back(text: str) -> bool:
    # Starting with a letter rules out numbers, dates, and YAML's indicator characters.
    if not text[:1].isalpha() or text != text.strip() or "\n" in text:
        return False
    try:
        values = read_front_matter(f"value: {text}\n").values
    except FrontMatterError:
        return False
    return values.get("value") == text


def yaml_link(name: str) -> str:
    """A link property as Obsidian writes it: `"[[Name]]"`."""
    return _quoted(f"[[{name}]]")


def obsidian_uri(vault_name: str, relative: str) -> str:
    """The `obsidian://open` link to a note: vault name and path without `.md`, URL-encoded."""
    file = relative.removesuffix(".md")
    quote = urllib.parse.quote
    return f"obsidian://open?vault={quote(vault_name, safe='')}&file={quote(file, safe='')}"


_KEY_LINE = re.compile(r"^([^\s:#'\"][^:]*?)([ \t]*:(?:[ \t]|$))")


def in_conventions(text: str, drop: str | None, renames: dict[str, str]) -> str:
    """A template written for the spec's format, in a vault's conventions: the `drop`
    property's line left out (`type`, where the vault marks the kind otherwise) and the
    properties in `renames` (by their name in the template) given the vault's names."""
    if not text.startswith("---"):
        return text
    lines = text.split("\n")
    kept = [lines[0]]
    for number, line in enumerate(lines[1:], 1):
        if line.rstrip("\r") == "---":
            return "\n".join(kept + lines[number:])
        found = _KEY_LINE.match(line)
        if found and found.group(1) == drop:
            continue
        if found and found.group(1) in renames:
            line = renames[found.group(1)] + line[found.end(1) :]
        kept.append(line)
    return text
