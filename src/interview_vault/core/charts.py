"""The referral chains as pictures: a Mermaid flowchart (which Obsidian draws in a note)
and Graphviz DOT; and the part of the chains around one person. Pure.

People are nodes labelled with their name and stage, coloured by stage; a node's id is
its place in the drawing (`p1`, `p2`...), never one of the tool's ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .model import ChainNode

# Stage -> (class name, fill, border): from talked to (green) to not yet asked (grey).
STAGE_STYLES = {
    "met": ("met", "#d3f0d8", "#2e7d32"),
    "replied": ("replied", "#dcebfa", "#1565c0"),
    "awaiting reply": ("awaiting", "#fff3cd", "#b8860b"),
    "in touch": ("intouch", "#e0f2f1", "#00796b"),
    "not contacted": ("uncontacted", "#eeeeee", "#757575"),
    "declined": ("declined", "#f8d7da", "#b71c1c"),
    "no note": ("nonote", "#ffffff", "#9e9e9e"),
}


def _nodes(chains: tuple[ChainNode, ...]) -> Iterator[tuple[str, ChainNode, str | None]]:
    """(id, node, its parent's id) of every node, depth first, without recursion."""
    number = 0
    waiting: list[tuple[ChainNode, str | None]] = [(root, None) for root in reversed(chains)]
    while waiting:
        node, parent = waiting.pop()
        number += 1
        own = f"p{number}"
        yield own, node, parent
        waiting.extend((child, own) for child in reversed(node.children))


def mermaid(chains: tuple[ChainNode, ...]) -> str:
    """A Mermaid flowchart, top to bottom (the lines inside a ```mermaid block)."""
    lines = ["flowchart TD"]
    used: set[str] = set()
    for own, node, parent in _nodes(chains):
        style = STAGE_STYLES.get(node.stage, STAGE_STYLES["no note"])[0]
        used.add(node.stage)
        label = f"{_mermaid_text(node.person)}<br/><small>{_mermaid_text(node.stage)}</small>"
        lines.append(f'  {own}["{label}"]:::{style}')
        if parent is not None:
            lines.append(f"  {parent} --> {own}")
    if not used:
        lines.append('  none["No referral chains yet"]')
    for stage, (style, fill, border) in STAGE_STYLES.items():
        if stage in used:
            lines.append(f"  classDef {style} fill:{fill},stroke:{border},color:#000")
    return "\n".join(lines)


def _mermaid_text(text: str) -> str:
    """Text in a quoted Mermaid label: its quotes and angle brackets as entities."""
    return (
        text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    )


def dot(chains: tuple[ChainNode, ...]) -> str:
    """A Graphviz digraph, left to right."""
    lines = [
        "digraph referrals {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    ]
    edges = []
    for own, node, parent in _nodes(chains):
        _, fill, border = STAGE_STYLES.get(node.stage, STAGE_STYLES["no note"])
        label = f"{_dot_text(node.person)}\\n{_dot_text(node.stage)}"
        lines.append(f'  {own} [label="{label}", fillcolor="{fill}", color="{border}"];')
        if parent is not None:
            edges.append(f"  {parent} -> {own};")
    return "\n".join([*lines, *edges, "}"])


def _dot_text(text: str) -> str:
    """Text in a quoted DOT string: backslashes and quotes escaped, lines kept to one."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def around(chains: tuple[ChainNode, ...], note: str | None, name: str) -> tuple[ChainNode, ...]:
    """The chain through one person (their note's path, or for someone without a note
    their name, any case): the path from its root down to them, each person on it with only
    the next one below, then everyone below them. Empty when they are in no chain."""
    folded = name.casefold()

    def is_them(node: ChainNode) -> bool:
        if note is not None:
            return node.note == note
        return node.note is None and node.person.casefold() == folded

    for root in chains:
        path = _path_to(root, is_them)
        if path:
            found = path[-1]
            for node in reversed(path[:-1]):  # (each one above, with only the way down)
                found = ChainNode(
                    node.person, node.note, node.stage, (found,), node.also_referred_by
                )
            return (found,)
    return ()


def _path_to(root: ChainNode, is_them: Callable[[ChainNode], bool]) -> list[ChainNode]:
    """The nodes from `root` down to the first one `is_them`, without recursion."""
    waiting: list[list[ChainNode]] = [[root]]
    while waiting:
        path = waiting.pop()
        if is_them(path[-1]):
            return path
        waiting.extend([*path, child] for child in reversed(path[-1].children))
    return []
