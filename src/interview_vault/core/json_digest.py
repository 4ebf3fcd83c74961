"""The digest as JSON, in the shape docs/format.md documents: as data (`digest_data`), and
written out piece by piece exactly as `json.dumps(..., indent=2, ensure_ascii=False)` would
write it (`json_item`, `json_chains`, `json_document`), several times faster: a large
digest has tens of thousands of items, and each is written on its own (see `render`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from .explain import why_data
from .model import ChainNode, Digest, Item, Problem, ReadCounts


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


def json_item(item: Item) -> str:
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


def json_chains(chains: tuple[ChainNode, ...]) -> str:
    """The referral chains, as they sit in the whole document."""
    return _array([_element(chain_data(chain)) for chain in chains])


def json_document(
    today: date,
    counts: ReadCounts,
    snoozed: Sequence[tuple[str, date]],
    items: list[str | bytes],
    chains: str,
    problems: tuple[Problem, ...],
) -> list[str | bytes]:
    """`json.dumps(digest_data(digest), indent=2)` in pieces, from the items as written
    (`items`: each written by `json_item`, with ",\\n" between them) and the chains as
    `json_chains` writes them."""
    read = json.dumps(_read_data(counts), indent=2).replace("\n", "\n  ")
    return [
        f'{{\n  "today": "{today.isoformat()}",\n  "read": {read},\n  "items": ',
        *(["[\n", *items, "\n  ]"] if items else ["[]"]),
        f',\n  "chains": {chains},\n',
        f'  "problems": {_array([_element(_problem_data(p)) for p in problems])},\n',
        f'  "snoozed": {_array([_element(data) for data in _snoozed_data(snoozed)])}\n}}\n',
    ]
