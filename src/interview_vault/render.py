"""Digest -> text: Markdown for Obsidian, plain text for a terminal, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from .model import ChainNode, Digest, Item, Problem

SECTIONS = ("Overdue", "Today", "Coming up", "Anytime")


def section_of(item: Item, today: date) -> str:
    if item.due is None:
        return "Anytime"
    if item.due < today:
        return "Overdue"
    return "Today" if item.due == today else "Coming up"


def when(item: Item, today: date) -> str:
    """How the due date relates to today, in words."""
    if item.due is None:
        return ""
    days = (item.due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    soon = f"due in {days} day{'s' if days != 1 else ''}"
    return soon if item.due.isoformat() in item.text else f"{soon} ({item.due})"


def grouped(digest: Digest) -> Iterator[tuple[str, list[Item]]]:
    for section in SECTIONS:
        items = [item for item in digest.items if section_of(item, digest.today) == section]
        if items:
            yield section, items


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
    target = path[:-3] if name.casefold() in ambiguous else name
    return f"[[{target}]]" if target == shown else f"[[{target}|{shown}]]"


def render_markdown(digest: Digest) -> str:
    today = digest.today
    lines = [f"# Digest for {today.isoformat()}", ""]
    if not digest.items:
        lines += ["Nothing to do today.", ""]
    for section, items in grouped(digest):
        lines += [f"## {section}", ""]
        for item in items:
            person = _wikilink(item.person_note, item.person, digest.ambiguous_names)
            text = item.text.replace(item.person, person, 1)
            extras = [when(item, today)] if item.due else []
            if item.note != item.person_note:
                extras.append(_wikilink(item.note, "note", digest.ambiguous_names))
            extras.append(f"`{item.id}`")
            lines.append(f"- {text} — {' · '.join(extras)}")
        lines.append("")
    if digest.chains:
        lines += ["## Referral chains", ""]
        for chain in digest.chains:
            lines += _markdown_chain(chain, 0, digest.ambiguous_names)
        lines.append("")
    if digest.problems:
        lines += ["## Problems", ""]
        for problem in digest.problems:
            where = (
                _wikilink(problem.note, problem.note, digest.ambiguous_names)
                if problem.note.endswith(".md")
                else problem.note
            )
            line = f" line {problem.line}" if problem.line else ""
            lines.append(f"- {where}{line}: {problem.severity}: {problem.message}")
        lines.append("")
    return "\n".join(lines)


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


def render_text(digest: Digest, color: bool = False) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if color else text

    today = digest.today
    lines = [f"Digest for {today.isoformat()}", ""]
    if not digest.items:
        lines += ["Nothing to do today.", ""]
    for section, items in grouped(digest):
        lines.append(paint(f"{section} ({len(items)})", _STYLES[section]))
        for item in items:
            due = f" — {when(item, today)}" if item.due else ""
            lines.append(f"  • {item.text}{due}")
            where = f"{item.note}:{item.line}" if item.line else item.note
            lines.append("    " + paint(f"{item.id}  {where}", _DIM))
        lines.append("")
    if digest.chains:
        lines.append(paint("Referral chains", _STYLES["Anytime"]))
        for chain in digest.chains:
            lines += _text_chain(chain, "  ", "  ", paint)
        lines.append("")
    if digest.problems:
        lines.append(paint(f"Problems ({len(digest.problems)})", _STYLES["Overdue"]))
        lines += [f"  {problem_line(problem)}" for problem in digest.problems]
        lines.append("")
    return "\n".join(lines)


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


def digest_data(digest: Digest) -> dict[str, Any]:
    """The digest as plain data, in the documented JSON shape."""
    return {
        "today": digest.today.isoformat(),
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "due": item.due.isoformat() if item.due else None,
                "person": item.person,
                "note": item.note,
                "line": item.line,
                "text": item.text,
            }
            for item in digest.items
        ],
        "chains": [_chain_data(chain) for chain in digest.chains],
        "problems": [
            {"note": p.note, "line": p.line, "severity": p.severity, "message": p.message}
            for p in digest.problems
        ],
    }


def _chain_data(node: ChainNode) -> dict[str, Any]:
    return {
        "person": node.person,
        "note": node.note,
        "stage": node.stage,
        "also_referred_by": list(node.also_referred_by),
        "children": [_chain_data(child) for child in node.children],
    }


def render_json(digest: Digest) -> str:
    return json.dumps(digest_data(digest), indent=2, ensure_ascii=False) + "\n"


def render(digest: Digest, output_format: str, *, color: bool = False) -> str:
    """The digest in one of the formats: markdown, json or text."""
    if output_format == "json":
        return render_json(digest)
    if output_format == "text":
        return render_text(digest, color=color)
    return render_markdown(digest)
