"""Small vaults of real files for the black-box tests, and the digest of one as JSON.

Notes are written with `note()` and friends: front matter line 1 is `---`, line 2 is `type: ...`,
and the n-th property line given is file line n + 2 (which is what the `line` values assert).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from interview_vault.cli import cli

TODAY = "2026-11-26"
NOTHING_READ = {
    "notes": 0,
    "people": 0,
    "meetings": 0,
    "organizations": 0,
    "touch_notes": 0,
    "applications": 0,
    "others": 0,
}

# An interview body that triggers neither `prepare` nor `record-notes`.
COMPLETE = (
    "## Goals\n"
    "Learn how people get into science policy.\n"
    "\n"
    "## Research\n"
    "Read their latest report.\n"
    "\n"
    "## Questions\n"
    "- How did you get started?\n"
    "- What is a typical day like?\n"
    "- Who else should I talk to?\n"
    "\n"
    "## Notes\n"
    "They suggested the annual review.\n"
)

PREPARED = (
    "## Goals\nLearn the field.\n\n"
    "## Research\nRead the report.\n\n"
    "## Questions\n- One?\n- Two?\n- Three?\n"
)


def write(root: Path, relative: str, text: str | bytes) -> Path:
    """Write a file of the vault (creating folders); bytes are written as they are."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def note(root: Path, relative: str, *front: str, body: str = "") -> str:
    """A note with these front matter lines and body; returns its vault path."""
    write(root, relative, "---\n" + "".join(f"{line}\n" for line in front) + "---\n" + body)
    return relative


def contact(root: Path, name: str, *front: str, body: str = "") -> str:
    return note(root, f"Contacts/{name}.md", "type: contact", *front, body=body)


def interview(root: Path, name: str, *front: str, body: str = COMPLETE) -> str:
    return note(root, f"Interviews/{name}.md", "type: interview", *front, body=body)


def organization(root: Path, name: str, *front: str) -> str:
    return note(root, f"Organizations/{name}.md", "type: organization", *front)


def config(root: Path, text: str) -> None:
    write(root, ".vault/config.toml", text)


def run(vault: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["digest", str(vault), *args])


def digest_json(vault: Path, today: str = TODAY) -> dict[str, Any]:
    result = run(vault, "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ok(*args: str) -> str:
    """`vault ARGS...`'s standard output, the command having succeeded."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def adopt(vault: Path, *args: str) -> str:
    return ok("adopt", "--vault", str(vault), "--today", TODAY, *args)


def adopt_json(vault: Path) -> dict[str, Any]:
    return json.loads(adopt(vault, "--format", "json"))


def items(vault: Path, kind: str | None = None, today: str = TODAY) -> list[dict[str, Any]]:
    found = digest_json(vault, today)["items"]
    return [item for item in found if kind is None or item["kind"] == kind]


def briefs(vault: Path, kind: str | None = None, today: str = TODAY) -> list[tuple[Any, ...]]:
    """(kind, due, person, note, line) of each item shown."""
    return [
        (i["kind"], i["due"], i["person"], i["note"], i["line"]) for i in items(vault, kind, today)
    ]


def dues(vault: Path, kind: str) -> list[tuple[Any, ...]]:
    """(kind, due, person, note) of each item of one kind, for rules whose line is not fixed."""
    return [(i["kind"], i["due"], i["person"], i["note"]) for i in items(vault, kind)]


def problems(vault: Path) -> list[tuple[Any, ...]]:
    """(note, line, severity) of each problem, in digest order."""
    return [(p["note"], p["line"], p["severity"]) for p in digest_json(vault)["problems"]]


def chains(vault: Path) -> list[dict[str, Any]]:
    return digest_json(vault)["chains"]


def shape(node: dict[str, Any]) -> tuple[Any, ...]:
    """(person, stage, [children...]) of a chain node."""
    return (node["person"], node["stage"], [shape(child) for child in node["children"]])


def shapes(vault: Path) -> list[tuple[Any, ...]]:
    return [shape(root) for root in chains(vault)]


def find_node(nodes: list[dict[str, Any]], person: str) -> dict[str, Any]:
    for node in nodes:
        if node["person"] == person:
            return node
        try:
            return find_node(node["children"], person)
        except LookupError:
            continue
    raise LookupError(person)


def met(root: Path, name: str, who: str, day: str, *front: str) -> str:
    """A done, thanked interview with notes: it only produces what `front` adds."""
    return interview(
        root, name, f'contact: "{who}"', f"date: {day}", "status: done", "thanked: true", *front
    )
