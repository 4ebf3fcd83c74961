"""Digest -> text: Markdown for Obsidian, plain text for a terminal, JSON for programs.

Each item is written on its own (`item_renderer`), so that the incremental digest writes
only the items that changed and keeps the rest as written. A whole digest is a `Document`:
its text in pieces, in order, which a large digest never joins into one string.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from .charts import mermaid
from .explain import why_data
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


def problem_line(problem: Problem) -> str:
    """`path:line: severity: message`, the form editors and CI logs understand."""
    where = f"{problem.note}:{problem.line}" if problem.line else problem.note
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
    recognized = counts.notes - counts.others
    if not recognized:
        return (
            f"Read {_count(counts.notes, 'note')} and recognized none as a person, meeting, "
            "organization, touch note or application: `vault adopt` proposes settings that "
            "say how this vault marks them"
        )
    kinds = ", ".join(
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
    return f"Read {_count(counts.notes, 'note')}: {kinds}"


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
        for problem in problems:
            where = (
                _wikilink(problem.note, problem.note, ambiguous)
                if problem.note.endswith(".md")
                else problem.note
            )
            at = f" line {problem.line}" if problem.line else ""
            lines.append(f"- {where}{at}: {problem.severity}: {problem.message}")
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
        lines += [f"  {problem_line(problem)}" for problem in problems]
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


# --- JSON ------------------------------------------------------------------------------------


def item_data(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "due": item.due.isoformat() if item.due else None,
        "person": item.person or None,  # (an application's follow-up is about nobody)
        "note": item.note,
        "line": item.line,
        "text": item.text,
        "why": why_data(item),
    }


def digest_data(digest: Digest) -> dict[str, Any]:
    """The digest as plain data, in the documented JSON shape."""
    return {
        "today": digest.today.isoformat(),
        "read": _read_data(digest.read),
        "items": [item_data(item) for item in digest.items],
        "chains": [chain_data(chain) for chain in digest.chains],
        "problems": [_problem_data(problem) for problem in digest.problems],
        "snoozed": _snoozed_data(digest.snoozed),
    }


def _snoozed_data(snoozed: Sequence[tuple[str, date]]) -> list[dict[str, str]]:
    return [{"id": found, "until": until.isoformat()} for found, until in snoozed]


def _read_data(counts: ReadCounts) -> dict[str, int]:
    return {
        "notes": counts.notes,
        "people": counts.people,
        "meetings": counts.meetings,
        "organizations": counts.organizations,
        "touch_notes": counts.touches,
        "applications": counts.applications,
        "others": counts.others,
    }


def _problem_data(problem: Problem) -> dict[str, Any]:
    return {
        "note": problem.note,
        "line": problem.line,
        "severity": problem.severity,
        "message": problem.message,
    }


def chain_data(node: ChainNode) -> dict[str, Any]:
    return {
        "person": node.person,
        "note": node.note,
        "stage": node.stage,
        "also_referred_by": list(node.also_referred_by),
        "children": [chain_data(child) for child in node.children],
    }


def _element(data: Any) -> str:
    """One element of a top-level array, indented as it sits in the whole document."""
    return "    " + indented(data, "    ")


_string = json.encoder.encode_basestring  # what json.dumps does to a str, without its overhead


def indented(value: Any, pad: str = "") -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)` with `pad` before every line but
    the first. Written out: json's own indenting is pure Python, several times slower, and
    each call leaves an encoder in a cycle of closures for the garbage collector (which a
    run turns off: 70,000 items' explanations were 250 MB of garbage)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + "  "
        fields = ",\n".join(
            f"{inner}{_string(key if isinstance(key, str) else json.dumps(key))}: "
            f"{indented(item, inner)}"
            for key, item in value.items()
        )
        return "{\n" + fields + "\n" + pad + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = pad + "  "
        return (
            "[\n" + ",\n".join(inner + indented(item, inner) for item in value) + "\n" + pad + "]"
        )
    return _scalar(value)


def _item_element(item: Item) -> str:
    """`_element(item_data(item))`, written out: several times faster, and there are many
    (a property test compares the two)."""
    data = item_data(item)
    why = data.pop("why")
    facts = [
        "          {\n"
        f'            "property": {_scalar(fact["property"])},\n'
        f'            "value": {_scalar(fact["value"])},\n'
        f'            "note": {_scalar(fact["note"])},\n'
        f'            "line": {_scalar(fact["line"])}\n'
        "          }"
        for fact in why["facts"]
    ]
    settings = [
        f"          {_string(name)}: {_scalar(value)}" for name, value in why["settings"].items()
    ]
    fields = [f'      "{key}": {_scalar(value)}' for key, value in data.items()]
    fields.append(
        '      "why": {\n'
        f'        "rule": {_scalar(why["rule"])},\n'
        f'        "facts": {_block("[", facts, "]")},\n'
        f'        "settings": {_block("{", settings, "}")}\n'
        "      }"
    )
    return "    {\n" + ",\n".join(fields) + "\n    }"


def _block(opening: str, lines: list[str], closing: str) -> str:
    """An array or object of a why, its elements written already."""
    if not lines:
        return opening + closing
    return opening + "\n" + ",\n".join(lines) + "\n        " + closing


def _scalar(value: Any) -> str:
    """A string, number, boolean or null as `json.dumps` writes it."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:  # (as json writes it, without its encoder's overhead)
        return str(value)
    return json.dumps(value)


def _array(elements: list[str]) -> str:
    return "[\n" + ",\n".join(elements) + "\n  ]" if elements else "[]"


def _array_pieces(elements: list[Piece]) -> Document:
    """`_array(elements)`, in pieces."""
    return ["[\n", *_interleaved(elements, ",\n"), "\n  ]"] if elements else ["[]"]


def _json_document(
    today: date,
    counts: ReadCounts,
    snoozed: Sequence[tuple[str, date]],
    sections: list[SectionText],
    chains: str,
    problems: tuple[Problem, ...],
) -> Document:
    """`json.dumps(digest_data(digest), indent=2)`, built from the items as written."""
    items = [piece for _, _, pieces in sections for piece in pieces]
    read = json.dumps(_read_data(counts), indent=2).replace("\n", "\n  ")
    return [
        f'{{\n  "today": "{today.isoformat()}",\n  "read": {read},\n  "items": ',
        *_array_pieces(items),
        f',\n  "chains": {chains},\n',
        f'  "problems": {_array([_element(_problem_data(p)) for p in problems])},\n',
        f'  "snoozed": {_array([_element(data) for data in _snoozed_data(snoozed)])}\n}}\n',
    ]


# --- all formats -----------------------------------------------------------------------------


def item_renderer(
    output_format: str, color: bool, today: date, ambiguous: frozenset[str]
) -> Callable[[Item], str]:
    """How one item is written in a format."""
    if output_format == "json":
        return _item_element
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
        return _array([_element(chain_data(chain)) for chain in chains])
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
        return _json_document(today, counts, snoozed, sections, chains, problems)
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
