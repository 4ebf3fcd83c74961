"""What a note an import makes keeps of the "now" its template writes: the dates a template
fills (`{{date}}`, `tp.date.now()`...) are marked while it is filled, then each is kept
where it says when the note was made, and left out where the tool would read it as a fact
about the person, which only the export can give (see docs/format.md, "Import and
export"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..core.conventions import Conventions
from ..core.words import STAMP_WORDS, TOUCH_WORDS, meeting_status, speaks_of
from .logs import verb_class
from .parse import parse_note

_OPEN, _CLOSE = "\ue000", "\ue001"  # (private-use characters: no template holds them)
_MARKED = re.compile(f"{_OPEN}([^{_OPEN}{_CLOSE}]*){_CLOSE}")
# A property's line at the top level of the front matter: its key, and where its value starts
_KEY = re.compile(r"([^\s:#'\"-][^:\r\n]*?)[ \t]*:(?=[ \t]|\r?$)")
# A whole line of the body that is a Dataview field: `- last_contact:: <date>`, `**Next**::`
_FIELD = re.compile(
    r"([ \t]*(?:[-*+][ \t]+)?[*~`]*)(\w[\w \t-]*?)([*~`]*[ \t]*::)(?!:)[^\r\n]*?(\r?)"
)


def mark_now(written: str) -> str:
    """A date a template writes for "now", marked as such while the template is filled."""
    return f"{_OPEN}{written}{_CLOSE}"


def unmarked(text: str) -> str:
    """The text with the marks of `mark_now` taken out (the dates stay)."""
    return _MARKED.sub(r"\1", text) if _OPEN in text else text


def is_fact_name(key: str, facts: frozenset[str], keys: Mapping[str, object]) -> bool:
    """Whether a property named `key` states a fact about the person (or the talk) that
    "now" would invent: one of `facts` (the vault's names for the properties the tool reads
    as such, in lower case), or named for a touch with them (`first_contact`, `date_met`,
    `follow_up_date`); never a stamp of when the note was made or edited (`created`, `date
    created`, `modified`), nor `updated` beside a `created` (an edit stamp: as the tool
    reads it, see `notes.parse`). `keys`: the note's properties."""
    folded = key.casefold()
    if folded == "updated":
        return not any("created" in other.casefold() for other in keys)
    if speaks_of(key, STAMP_WORDS):
        return False
    return folded in facts or speaks_of(key, TOUCH_WORDS)


def facts_only(
    text: str,
    path: str,
    conventions: Conventions,
    facts: frozenset[str],
    statuses: frozenset[str],
) -> tuple[str, frozenset[str]]:
    """(the filled template `text` of a note an import makes at `path`, the properties it
    left empty): each property of a fact (`is_fact_name`, with `facts` the vault's names
    for those the tool reads, lower case) that holds a marked date is left empty (its
    key kept); a whole-line field of the body so too; a body line the tool reads as a dated
    fact (a log's row, a dated line: see `notes.parse`) whose date is marked is left out;
    a property of `statuses` (the vault's names for a status or a stage, lower case) whose
    value says something happened (`contacted`, `met`, `done`: a verb of the log's classes
    but neutral, or a meeting's done or cancelled) is left empty. Other dates stay."""
    emptied: set[str] = set()
    lines = text.split("\n")
    body = 0
    keys: dict[str, None] = {}
    if lines[0].lstrip("\ufeff").rstrip("\r") == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "---"), 0)
        body = end + 1
        keys = {m[1]: None for line in lines[1:end] if (m := _KEY.match(line))}
        row = 1
        while row < end:
            found = _KEY.match(lines[row])
            after = row + 1
            while after < end and not _KEY.match(lines[after]):
                after += 1  # (the lines of its value: a list, a folded text)
            if found is not None and _needs_emptying(
                lines[row:after], found[1], facts, statuses, conventions, keys
            ):
                cr = "\r" if lines[row].endswith("\r") else ""
                lines[row:after] = [f"{lines[row][: found.end()]}{cr}"]
                emptied.add(found[1])
                end -= after - row - 1
                after = row + 1
            row = after
    for row in range(body, len(lines)):
        field = _FIELD.fullmatch(lines[row]) if _OPEN in lines[row] else None
        if field is not None and is_fact_name(" ".join(field[2].split()), facts, keys):
            lines[row] = f"{field[1]}{field[2]}{field[3]}{field[4]}"
            emptied.add(field[2])
    if any(_OPEN in line for line in lines[body:]):
        plain = unmarked("\n".join(lines))
        read = parse_note(path, plain.encode("utf-8"), conventions)
        logged = {log.line for log in read.log}  # (1-based lines of the file)
        lines = [
            line for number, line in enumerate(lines, 1) if not (number in logged and _OPEN in line)
        ]
    return unmarked("\n".join(lines)), frozenset(emptied)


def _needs_emptying(
    block: list[str],
    key: str,
    facts: frozenset[str],
    statuses: frozenset[str],
    conventions: Conventions,
    keys: Mapping[str, object],
) -> bool:
    """Whether a property (its lines) holds a date for "now" in a fact, or a status that
    says something happened."""
    if any(_OPEN in line for line in block):
        return is_fact_name(key, facts, keys)
    if key.casefold() not in statuses or len(block) != 1:
        return False
    value = block[0].split(":", 1)[1].strip().strip("\"'")
    said = verb_class(value, conventions.verbs)  # (its first words, as a log line's)
    return (said is not None and said != "neutral") or meeting_status(value) in (
        "done",
        "cancelled",
    )
