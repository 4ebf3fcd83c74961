"""Splitting a note into YAML front matter and body, and reading the YAML with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when present (six times faster), leaving dates as the text written.

    Obsidian keeps dates as strings too; reading them ourselves means one impossible
    date (2026-02-30) is a problem with that field, not a note whose YAML cannot load.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}

# A merge conflict is a <<<<<<< line followed, later, by a >>>>>>> line. (A lone
# ======= line is a perfectly good Markdown heading underline.)
_CONFLICT = re.compile(r"^<{7}(?: .*)?$.*?^>{7}(?: .*)?$", re.MULTILINE | re.DOTALL)
_DELIMITER = re.compile(r"---[ \t]*(?:\r\n|\r|\n|$)")


class FrontMatterError(ValueError):
    """The front matter is there but cannot be read; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class FrontMatter:
    """Properties with the file line of each key and of each list entry."""

    values: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    value_nodes: dict[str, yaml.Node] = field(default_factory=dict)  # where each value is written
    key_nodes: dict[str, yaml.Node] = field(default_factory=dict)  # and each key

    def line(self, key: str, index: int | None = None) -> int | None:
        if index is not None:
            lines = self.item_lines.get(key)
            if lines and index < len(lines):
                return lines[index]
        return self.key_lines.get(key)


def find_conflict_marker(text: str) -> int | None:
    """The 1-based line of the first git conflict marker, if any."""
    match = _CONFLICT.search(text) if "<<<<<<<" in text else None
    return text.count("\n", 0, match.start()) + 1 if match else None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(YAML text or None, body, 1-based file line where the body starts)."""
    opening = _DELIMITER.match(text)
    if not opening:
        return None, text, 1
    position = opening.end()
    line = 2
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end == -1 else end + 1
        current = text[position:end]
        if current.rstrip("\r\n").rstrip(" \t") == "---":
            return text[opening.end() : position], text[end:], line + 1
        position, line = end, line + 1
    raise FrontMatterError("front matter starts with --- but never ends with ---", 1)


def read_front_matter(yaml_text: str) -> FrontMatter:
    """Parse the YAML between the --- lines; raises FrontMatterError with the file line."""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        values = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is reported at the end of the YAML; where it
        # was opened (the context) is the line to fix.
        opened = isinstance(error, yaml.scanner.ScannerError | yaml.parser.ParserError)
        mark = error.context_mark if opened and error.context_mark else error.problem_mark
        line = mark.line + 2 if mark is not None else 1
        parts = [" ".join(str(part).split()) for part in (error.context, error.problem) if part]
        reason = ": ".join(parts) or str(error)
        hint = ""
        if "unhashable key" in reason:
            hint = ' (put quotes around values that start with { or [, like "{{date}}")'
        raise FrontMatterError(f"invalid YAML front matter: {reason}{hint}", line) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        # e.g. a timestamp like 2026-02-30, which the YAML loader itself cannot build
        raise FrontMatterError(f"invalid YAML front matter: {error}", 2) from None
    finally:
        loader.dispose()
    if values is None:
        return FrontMatter()
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("front matter is not a list of `property: value` lines", 2)
    result = FrontMatter()
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 2  # the YAML starts on the file's line 2
        if key in result.key_lines:
            raise FrontMatterError(f"property {key!r} appears twice", line)
        result.key_lines[key] = line
        result.value_nodes[key] = value_node
        result.key_nodes[key] = key_node
        if isinstance(value_node, yaml.SequenceNode):
            result.item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
    result.values = {str(key): value for key, value in values.items()}
    return result
