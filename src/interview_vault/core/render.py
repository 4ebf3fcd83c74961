"""Digest -> text: Markdown for Obsidian, plain text for a terminal, JSON for programs.

Each item is written on its own (`item_renderer`), so that the incremental digest writes
only the items that changed and keeps the rest as written. A whole digest is a `Document`:
its text in pieces, in order, which a large digest never joins into one string.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from .charts import mermaid
from .json_digest import json_chains, json_document, json_item
from .model import LONG_AGO_DAYS, ChainNode, Digest, Item, Problem, ReadCounts
from .names import folded

SECTIONS = ("Overdue", "Today", "Coming up", "Anytime")

# A piece of a text: a string, or UTF-8 (as the digest's items are kept written: a line with
# " — " in it takes two bytes a character as a string).
Piece = str | bytes

# A section as a document is written from it: (name, how many items, its items as written,
# in pieces that each hold one or more items joined by `item_separator`).
SectionText = tuple[str, int, list[Piece]]


# A text in pieces, to be written one after the other.
Document = list[Piece]


def joined(document: Iterable[Piece]) -> str:
    """The whole text of a document, as one string."""
    return "".join(piece if isinstance(piece, str) else piece.decode() for piece in document)


def encoded(document: Iterable[Piece]) -> Iterator[bytes]:
    """A document's pieces as UTF-8, one by one."""
    return (piece.encode() if isinstance(piece, str) else piece for piece in document)


def _interleaved(parts: Sequence[Piece], separator: str) -> Document:
    """`separator.join(parts)`, in pieces."""
    pieces: Document = [separator] * (2 * len(parts) - 1) if parts else []
    pieces[::2] = parts
    return pieces


def item_separator(output_format: str) -> str:
    """What stands between two items as a format writes them."""
    return ",\n" if output_format == "json" else "\n"


def when(item: Item, today: date) -> str:
    """How the due date relates to today, in words."""
    if item.due is None:
        return ""
    days = (item.due - today).days
    if item.kind == "reconnect" and -days > LONG_AGO_DAYS:
        return ""  # (its text says "last in touch 7 years ago")
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    soon = f"due in {days} day{'s' if days != 1 else ''}"
    return soon if item.due.isoformat() in item.text else f"{soon} ({item.due})"


def grouped(digest: Digest) -> Iterator[tuple[str, tuple[Item, ...]]]:
    """The items by section, in order: the items are sorted by due date (none last), so each
    section is one run of them."""
    items, today = digest.items, digest.today
    anytime = bisect_left(items, True, key=lambda item: item.due is None)

    def due(item: Item) -> date:
        return item.due or date.max

    overdue = bisect_left(items, today, hi=anytime, key=due)
    due_today = bisect_right(items, today, lo=overdue, hi=anytime, key=due)
    for section, start, end in zip(
        SECTIONS,
        (0, overdue, due_today, anytime),
        (overdue, due_today, anytime, len(items)),
        strict=True,
    ):
        if start < end:
            yield section, items[start:end]


# At most this many problems in a digest (all of them in JSON): a vault's imported notes
# with broken front matter (hundreds of them) drowned the few items of the day.
PROBLEMS_SHOWN = 20


def shown_problems(problems: Sequence[Problem]) -> Sequence[Problem]:
    """The problems a digest lists: all, or, past PROBLEMS_SHOWN, the errors first (a note
    that cannot be read is not to hide behind warnings), each in its order."""
    if len(problems) <= PROBLEMS_SHOWN:
        return problems
    return sorted(problems, key=lambda problem: problem.severity != "error")[:PROBLEMS_SHOWN]


def _more_problems(problems: Sequence[Problem]) -> list[str]:
    """The line that counts the problems not shown, if any."""
    left = len(problems) - PROBLEMS_SHOWN
    return [f"... and {left:,} more: `vault check` lists them all"] if left > 0 else []


# A file name's line breaks and tabs, written out: a problem stays one `path:line:` line
_CONTROLS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def problem_line(problem: Problem) -> str:
    """`path:line: severity: message`, the form editors and CI logs understand (a line
    break in a file name written `\\n`)."""
    note = problem.note.translate(_CONTROLS)
    where = f"{note}:{problem.line}" if problem.line else note
    return f"{where}: {problem.severity}: {problem.message}"


# --- Markdown --------------------------------------------------------------------------------


def _wikilink(path: str | None, shown: str, ambiguous: frozenset[str]) -> str:
    """A link Obsidian resolves to exactly this note, showing `shown`."""
    if path is None:
        return f"[[{shown}]]"  # clicking it creates the note, which is what comes next
    name = path.rsplit("/", 1)[-1][:-3]
    target = path[:-3] if folded(name) in ambiguous else name
    return f"[[{target}]]" if target == shown else f"[[{target}|{shown}]]"


def markdown_item(item: Item, today: date, ambiguous: frozenset[str]) -> str:
    person = _wikilink(item.person_note, item.person, ambiguous)
    at = item.name_at
    text = item.text if at < 0 else item.text[:at] + person + item.text[at + len(item.person) :]
    extras = [when(item, today)] if item.due else []
    extras = [extra for extra in extras if extra]
    if item.note != item.person_note:
        extras.append(_wikilink(item.note, "note", ambiguous))
    extras.append(f"`{item.id}`")
    return f"- {text} — {' · '.join(extras)}"


def read_line(counts: ReadCounts) -> str:
    """What the digest was made from, in one line, or that nothing was recognized."""
    if counts.notes == counts.others:
        return (
            f"Read {_count(counts.notes, 'note')} and recognized none as a person, meeting, "
            "organization, touch note or application: `vault adopt` proposes settings that "
            "say how this vault marks them"
        )
    return f"Read {_count(counts.notes, 'note')}: {recognized_as(counts)}"


def recognized_as(counts: ReadCounts) -> str:
    """What the notes read were recognized as (`14 people, 2 meetings, 3 others`)."""
    if counts.notes == counts.others:
        return "none is a person, meeting, organization, touch note or application"
    return ", ".join(
        _count(number, word)
        for number, word in (
            (counts.people, "person/people"),
            (counts.meetings, "meeting"),
            (counts.organizations, "organization"),
            (counts.touches, "touch note"),
            (counts.applications, "application"),  # (only in a vault that has some)
            (counts.others, "other"),
        )
        if number or word != "application"
    )


def _count(number: int, word: str) -> str:
    one, _, many = word.partition("/")
    return f"{number:,} {one if number == 1 else many or one + 's'}"


def _snoozed_line(snoozed: Sequence[tuple[str, date]]) -> list[str]:
    count = len(snoozed)
    if not count:
        return []
    return [f"{count} item{'s' * (count != 1)} snoozed (vault snooze --list)", ""]


def _markdown_document(
    today: date,
    counts: ReadCounts,
    snoozed: Sequence[tuple[str, date]],
    sections: list[SectionText],
    chains: str,
    problems: tuple[Problem, ...],
    ambiguous: frozenset[str],
) -> Document:
    lines: list[Piece] = [f"# Digest for {today.isoformat()}", "", read_line(counts), ""]
    if not sections:
        lines += ["Nothing to do today.", ""]
    for section, _, pieces in sections:
        lines += [f"## {section}", "", *pieces, ""]
    if chains:
        lines += ["## Referral chains", "", chains, ""]
    if problems:
        lines += ["## Problems", ""]
        for problem in shown_problems(problems):
            where = (
                _wikilink(problem.note, problem.note, ambiguous)
                if problem.note.endswith(".md") and problem.note.isprintable()
                else problem.note.translate(_CONTROLS)  # (one line: `\n` written out)
            )
            at = f" line {problem.line}" if problem.line else ""
            lines.append(f"- {where}{at}: {problem.severity}: {problem.message}")
        lines += [f"- {more}" for more in _more_problems(problems)]
        lines.append("")
    lines += _snoozed_line(snoozed)
    return _interleaved(lines, "\n")


def _markdown_chain(node: ChainNode, depth: int, ambiguous: frozenset[str]) -> list[str]:
    also = f"; also referred by {', '.join(node.also_referred_by)}" if node.also_referred_by else ""
    line = f"{'  ' * depth}- {_wikilink(node.note, node.person, ambiguous)} ({node.stage}{also})"
    return [line] + [
        row for child in node.children for row in _markdown_chain(child, depth + 1, ambiguous)
    ]


# --- Plain text ------------------------------------------------------------------------------

_STYLES = {
    "Overdue": "\x1b[1;31m",
    "Today": "\x1b[1;33m",
    "Coming up": "\x1b[1m",
    "Anytime": "\x1b[1m",
}
_DIM, _RESET = "\x1b[2m", "\x1b[0m"


def text_item(item: Item, today: date, color: bool) -> str:
    said = when(item, today) if item.due else ""
    due = f" — {said}" if said else ""
    where = f"{item.note}:{item.line}" if item.line else item.note
    shown = f"{item.id}  {where}"
    return f"  • {item.text}{due}\n    " + (f"{_DIM}{shown}{_RESET}" if color else shown)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _text_document(
    today: date,
    counts: ReadCounts,
    snoozed: Sequence[tuple[str, date]],
    sections: list[SectionText],
    chains: str,
    problems: tuple[Problem, ...],
    color: bool,
) -> Document:
    lines: list[Piece] = [f"Digest for {today.isoformat()}", read_line(counts), ""]
    if not sections:
        lines += ["Nothing to do today.", ""]
    for section, count, pieces in sections:
        lines += [_paint(f"{section} ({count})", _STYLES[section], color), *pieces, ""]
    if chains:
        lines += [_paint("Referral chains", _STYLES["Anytime"], color), chains, ""]
    if problems:
        lines.append(_paint(f"Problems ({len(problems)})", _STYLES["Overdue"], color))
        lines += [f"  {problem_line(problem)}" for problem in shown_problems(problems)]
        lines += [f"  {more}" for more in _more_problems(problems)]
        lines.append("")
    lines += _snoozed_line(snoozed)
    return _interleaved(lines, "\n")


def text_chains(chains: tuple[ChainNode, ...], color: bool) -> str:
    def paint(text: str, style: str) -> str:
        return _paint(text, style, color)

    return "\n".join(row for chain in chains for row in _text_chain(chain, "  ", "  ", paint))


def _text_chain(node: ChainNode, first: str, rest: str, paint: Any) -> list[str]:
    also = f"; also referred by {', '.join(node.also_referred_by)}" if node.also_referred_by else ""
    lines = [f"{first}{node.person} {paint(f'({node.stage}{also})', _DIM)}"]
    for index, child in enumerate(node.children):
        last = index == len(node.children) - 1
        lines += _text_chain(
            child, rest + ("└─ " if last else "├─ "), rest + ("   " if last else "│  "), paint
        )
    return lines


# --- all formats -----------------------------------------------------------------------------


def item_renderer(
    output_format: str, color: bool, today: date, ambiguous: frozenset[str]
) -> Callable[[Item], str]:
    """How one item is written in a format."""
    if output_format == "json":
        return json_item
    if output_format == "text":
        return lambda item: text_item(item, today, color)
    return lambda item: markdown_item(item, today, ambiguous)


def chains_text(
    output_format: str,
    color: bool,
    chains: tuple[ChainNode, ...],
    ambiguous: frozenset[str],
    chart: bool = False,
) -> str:
    """The referral chains as a format writes them; `chart`: in Markdown, the Mermaid
    picture too (the `chains_chart` setting)."""
    if output_format == "json":
        return json_chains(chains)
    if output_format == "text":
        return text_chains(chains, color)
    rows = "\n".join(row for chain in chains for row in _markdown_chain(chain, 0, ambiguous))
    return f"{rows}\n\n```mermaid\n{mermaid(chains)}\n```" if chart and chains else rows


def document(
    output_format: str,
    color: bool,
    today: date,
    counts: ReadCounts,
    snoozed: Sequence[tuple[str, date]],
    sections: list[SectionText],
    chains: str,
    problems: tuple[Problem, ...],
    ambiguous: frozenset[str],
) -> Document:
    """A whole digest from its written parts: what was read, each section's items, the
    chains, problems."""
    if output_format == "json":
        items = _interleaved([piece for _, _, pieces in sections for piece in pieces], ",\n")
        return json_document(today, counts, snoozed, items, chains, problems)
    if output_format == "text":
        return _text_document(today, counts, snoozed, sections, chains, problems, color)
    return _markdown_document(today, counts, snoozed, sections, chains, problems, ambiguous)


def render(
    digest: Digest, output_format: str, *, color: bool = False, chart: bool = False
) -> Document:
    """The digest in one of the formats: markdown, json or text (`chart`: see chains_text)."""
    today, ambiguous = digest.today, digest.ambiguous_names
    write = item_renderer(output_format, color, today, ambiguous)
    sections: list[SectionText] = [
        (name, len(items), [write(item) for item in items]) for name, items in grouped(digest)
    ]
    chains = chains_text(output_format, color, digest.chains, ambiguous, chart)
    return document(
        output_format,
        color,
        today,
        digest.read,
        digest.snoozed,
        sections,
        chains,
        digest.problems,
        ambiguous,
    )
