"""Why an item is in the digest: the rule that made it, the facts it used with where each
is written, and the settings it applied; as data (the JSON `why`) and as a sentence
(`vault why`)."""

from __future__ import annotations

from typing import Any

from .model import Item


def why_text(item: Item) -> str:
    """`why_data` in a sentence or two, for `vault why`."""
    data = why_data(item)
    due = f"due {item.due}" if item.due else "with no due date"
    facts = [
        f"{fact['property']} {fact['value']} ({_where(fact['note'], fact['line'])})"
        for fact in data["facts"]
    ]
    settings = [f"{name} = {_setting(value)}" for name, value in data["settings"].items()]
    sentence = f"The {item.kind} rule made it, {due}"
    if facts:
        sentence += f", from {_and(facts)}"
    if settings:
        sentence += f", with {_and(settings)}"
    return f"{item.id}: {item.text}\n{sentence}.\n"


def _where(note: str, line: int | None) -> str:
    return f"{note}:{line}" if line else note


def _setting(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) < 2 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def why_data(item: Item) -> dict[str, Any]:
    """Why an item is there: its rule, the facts it used (each with where it is written) and
    the settings it applied."""
    facts, settings = item.why
    if item.kind == "commitment":  # (a promise is its own fact: not kept twice per item)
        facts = (("task", item.task or "", item.note, item.line), *facts)
    return {
        "rule": item.kind,
        "facts": [
            {"property": name, "value": value, "note": note, "line": line}
            for name, value, note, line in facts
        ],
        "settings": dict(settings),
    }
