"""Who was at a meeting, from the lines of its body that say so: `**Attendees:** [[Ana
Souza]], Lee Chen`, `- Participants: ...`, `> With: ...` in a callout, Dataview's
`Attendees:: ...`, or such a label over a list (see docs/format.md, "Who was at a
meeting"); the labels are the common words (`core.words.PEOPLE_HEADINGS`) and the vault's
names for its people property (`Conventions.people_labels`). Code blocks and comments are
not read: a template's example is nobody."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..core.model import Link
from ..core.words import PEOPLE_HEADINGS, names_listed
from .body import split_lines
from .tasks import linked_names

# A link of either kind, in a bracketed field's value
_LINKS = r"\[\[[^\]]*\]\]|\[[^\[\]]*\]\((?:<[^<>\n]*>|[^\s()<>]*)\)"


class _Labels(NamedTuple):
    """The words that label who was there (casefolded), as the patterns that find them."""

    words: frozenset[str]
    # "**Attendees:** [[Ana Souza]], Lee Chen", "- Participants: Ana", "> With: Ana" in a
    # callout, or Dataview's inline field "Attendees:: [[Ana Souza]]": a line that says who
    # was there (with nothing after the label, the list items under it do)
    line: re.Pattern[str]
    # Dataview's inline field in brackets, anywhere on a line: "- [participants:: [[Ana]],
    # [[Ben]] ]", "Met today (attendees:: [[Dan Roe]])"; links of either kind in its value
    bracketed: re.Pattern[str]
    longest: int  # the longest single word's length
    spaced: tuple[str, ...]  # those of more than a word (`meeting attendees`): looked for as text


@cache
def _labels(words: frozenset[str]) -> _Labels:
    names = "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))
    line = re.compile(
        r"[ \t]{0,3}(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*("
        + names
        + r")[ \t]*(?:\*\*|__)?[ \t]*::?[ \t]*(?:\*\*|__)?[ \t]*(.*)",
        re.IGNORECASE,
    )
    bracketed = re.compile(
        rf"\[[ \t]*(?:{names})[ \t]*::((?:{_LINKS}|[^\[\]])*)\]"
        rf"|\([ \t]*(?:{names})[ \t]*::((?:{_LINKS}|[^()\[\]])*)\)",
        re.IGNORECASE,
    )
    single = [word for word in words if word.isalpha()]
    spaced = tuple(sorted(word for word in words if not word.isalpha()))
    return _Labels(words, line, bracketed, max(map(len, single), default=0), spaced)


_LISTED_ITEM = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)")
_QUOTED_BLANK = re.compile(r"[ \t]*(?:>[ \t]*)*")
_LINK_TEXT = re.compile(r"\[\[[^\]]*\]\]")
_INLINE_COMMENT = re.compile(r"<!--.*?-->|%%.*?%%")
_COMMENT_OPENING = re.compile(r"<!--|%%")


def people_on_a_line(
    body: str, first_line: int, labels: frozenset[str] = PEOPLE_HEADINGS
) -> tuple[list[Link], list[Link]]:
    """Who the lines of a body labelled "Attendees: ..." (or Participants..., or one of
    `labels`) name: (their links, the plain names they list besides). Code blocks and
    comments are not read."""
    known = _labels(labels)
    if not _has_people_label(body, labels):  # (most bodies: a look at each colon, no loop)
        return [], []
    links: list[Link] = []
    plain: list[Link] = []
    lines = [uncommented(line) for line in split_lines(body)]
    closing: str | None = None  # what ends the code block or comment we are in
    for number, line in enumerate(lines):
        if closing is not None:
            if closing in ("-->", "%%"):
                if closing in line:
                    closing = None
            elif line.strip().startswith(closing):
                closing = None
            continue
        stripped = line.strip()
        run = stripped[: len(stripped) - len(stripped.lstrip(stripped[:1]))]
        if len(run) >= 3 and run[0] in "`~" and not (run[0] == "`" and "`" in stripped[len(run) :]):
            closing = run  # (a fence; "```x```" on one line is inline code, not one)
            continue
        opened = _COMMENT_OPENING.search(line)
        if opened is not None:  # a comment running on to later lines: read up to it
            closing = "-->" if opened.group() == "<!--" else "%%"
            line = line[: opened.start()]
        found = known.line.fullmatch(line)
        if found is not None:
            listed = found.group(2).strip()
            if not listed and closing is None:  # "**Attendees:**" over a list of them
                listed = ", ".join(_items_after(lines, number + 1))
        else:
            fields = [m.group(1) or m.group(2) or "" for m in known.bracketed.finditer(line)]
            if not fields:
                continue
            listed = ", ".join(fields)
        at = number + first_line
        links += [Link(target, at) for target in linked_names(listed) if target]
        plain += [Link(name, at) for name in names_listed(_LINK_TEXT.sub(",", listed))]
    return links, plain


def people_lines(body: str, labels: frozenset[str] = PEOPLE_HEADINGS) -> set[int]:
    """The lines of a body (0-based) that only say who was there: a labelled line and the
    list under a label alone, a line of Dataview fields naming people and nothing else.
    They are no notes of the talk: a meeting note holding only them is not written up."""
    if not _has_people_label(body, labels):
        return set()
    known = _labels(labels)
    found: set[int] = set()
    lines = split_lines(body)
    for number, line in enumerate(lines):
        labelled = known.line.fullmatch(line)
        if labelled is not None:
            found.add(number)
            if not labelled.group(2).strip():  # (the list under it says who)
                position = number + 1
                while position < len(lines) and _QUOTED_BLANK.fullmatch(lines[position]):
                    position += 1
                while position < len(lines) and _LISTED_ITEM.fullmatch(lines[position]):
                    found.add(position)
                    position += 1
        elif "::" in line and not known.bracketed.sub("", line).strip(" \t-*+>"):
            found.add(number)
    return found


def _has_people_label(body: str, labels: frozenset[str] = PEOPLE_HEADINGS) -> bool:
    """Whether a word that labels people (`Attendees`, `With`...) stands right before a
    colon somewhere in the body (a few marks between them allowed: `**With**:`): looked
    for colon by colon, as a body has few colons and many words (a regular expression
    trying every word took a third of the time to read a meeting's note). A label of more
    than a word (`Meeting attendees`) is looked for as text: then the lines decide."""
    longest = _labels(labels).longest
    at = body.find(":")
    while at >= 0:
        end = at
        while end > 0 and at - end < 3 and not _is_word(body[end - 1]):
            end -= 1
        start = end
        while start > 0 and body[start - 1].isalpha():
            start -= 1
        if (
            end - start <= longest
            and body[start:end].casefold() in labels
            and not (start and _is_word(body[start - 1]))
        ):
            return True
        at = body.find(":", at + 1)
    spaced = _labels(labels).spaced
    return bool(spaced) and ":" in body and any(label in body.casefold() for label in spaced)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # (as `\w` has it)


def uncommented(line: str) -> str:
    """A line without the comments that open and close on it."""
    return _INLINE_COMMENT.sub(" ", line) if ("<!--" in line or "%%" in line) else line


def _items_after(lines: list[str], start: int) -> Iterator[str]:
    """The texts of the list items from `start` on (blank lines before them skipped)."""
    position = start
    while position < len(lines) and _QUOTED_BLANK.fullmatch(lines[position]):
        position += 1
    for line in lines[position:]:
        item = _LISTED_ITEM.fullmatch(line)
        if item is None:
            return
        yield item.group(1)
