"""Splitting a note into YAML front matter and body, and reading the YAML with line numbers.

The only module that imports PyYAML. What the YAML parser says about where each value is
written (for exact edits) is handed out as our own `Span`s, never as PyYAML's nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..core.errors import FrontMatterError

if TYPE_CHECKING:
    import yaml

BOM = "\ufeff"  # a byte-order mark some editors put first: not part of the text


@cache
def _loader() -> Any:
    """libyaml's parser when present (six times faster), leaving dates as the text written.

    Obsidian keeps dates as strings too; reading them ourselves means one impossible
    date (2026-02-30) is a problem with that field, not a note whose YAML cannot load.
    (Imported when first needed: plain front matter is read without it.)
    """
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in Loader.yaml_implicit_resolvers.items()
    }
    return Loader


# A merge conflict is a <<<<<<< line followed, later, by a >>>>>>> line. (A lone
# ======= line is a perfectly good Markdown heading underline.)
_CONFLICT = re.compile(r"^<{7}(?: .*)?$.*?^>{7}(?: .*)?$", re.MULTILINE | re.DOTALL)
_DELIMITER = re.compile(r"---[ \t]*(?:\r\n|\r|\n|$)")
# The closing delimiter: a line of `---`, perhaps with blanks and carriage returns after it
_CLOSING = re.compile(r"^---[ \t]*\r*$", re.MULTILINE)
_CLOSING_AT = re.compile(r"---[ \t]*\r*(?=\n|\Z)")


class Span(NamedTuple):
    """Where a value is written in the YAML text (0-based lines and columns), and how."""

    form: Literal["scalar", "list", "mapping"]
    start: tuple[int, int]  # (line, column) of its first character
    end: tuple[int, int]  # and just after its last
    flow: bool  # a list written `[a, b]`, not as `- a` lines
    text: str | None  # a scalar's text as read (without quotes); None for lists and mappings
    quoted: bool  # a scalar in quotes, or a block scalar
    null: bool  # a scalar YAML reads as nothing: `~`, `null`, or nothing written
    items: tuple[Span, ...] = ()  # a list's entries (their own entries are not kept)


@dataclass
class FrontMatter:
    """Properties with the file line of each key and of each list entry."""

    values: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)  # where each value is written
    key_ends: dict[str, int] = field(default_factory=dict)  # the column where each key ends
    # the keys written in the body, as Dataview's inline fields (notes/inline.py)
    inline: frozenset[str] = frozenset()

    def line(self, key: str, index: int | None = None) -> int | None:
        if index is not None:
            lines = self.item_lines.get(key)
            if lines and index < len(lines):
                return lines[index]
        return self.key_lines.get(key)


def find_conflict_marker(text: str) -> int | None:
    """The 1-based line of the first git conflict marker, if any; not one shown in a fenced
    code block (a help note's example of a conflict), where nothing is read anyway."""
    if "<<<<<<<" not in text:
        return None
    for match in _CONFLICT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if not _in_fence(text, match.start()):
            return line
    return None


_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$", re.MULTILINE)


def _in_fence(text: str, position: int) -> bool:
    """Whether `position` is inside a fenced code block (``` or ~~~, closed by a fence of
    the same character at least as long, or by the end of the text)."""
    fence = ""
    for match in _FENCE_LINE.finditer(text, 0, position):
        mark = match.group(1)
        if not fence:
            fence = mark
        elif mark[0] == fence[0] and len(mark) >= len(fence) and not match.group(2).strip():
            fence = ""
    return bool(fence)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(YAML text or None, body, 1-based file line where the body starts), of a note's text
    with or without a byte-order mark."""
    text = text.removeprefix(BOM)
    opening = _DELIMITER.match(text)
    if not opening:
        return None, text, 1
    start = opening.end()
    # (the first line is tried apart: after an opening `---` ended by a lone CR, it does not
    # follow a line feed, where `^` would find it)
    closing = _CLOSING_AT.match(text, start) or _CLOSING.search(text, start)
    if closing is not None:
        end = closing.end() + 1  # (past its line feed; the text may end there)
        line = 3 + text.count("\n", start, closing.start())
        return text[start : closing.start()], text[end:], line
    if "\r" in text and "\n" not in text:
        raise FrontMatterError(
            "the note's lines end with a carriage return alone (old Mac line endings): "
            "save it with LF line endings",
            1,
        )
    raise FrontMatterError("front matter starts with --- but never ends with ---", 1)


def read_properties(text: str) -> FrontMatter:
    """The front matter of a note's whole text, with where each value is written (empty
    when there is none); raises FrontMatterError."""
    yaml_text, _, _ = split_front_matter(text)
    return read_front_matter(yaml_text) if yaml_text is not None else FrontMatter()


_PROPERTY_LINE = re.compile(r"([^\s:#-][^:]*):[ \t]+(\S.*?)[ \t]*")


def _quote_hint(yaml_text: str, line: int) -> str:
    """For `role: Director: Water Programs`, the same line with the value in quotes: a colon
    and a space inside a plain value is where YAML sees a second property."""
    lines = yaml_text.splitlines()
    written = _PROPERTY_LINE.fullmatch(lines[line]) if line < len(lines) else None
    if written is None:
        return " (put the value in quotes)"
    key, value = written.groups()
    quoted = f"'{value}'" if '"' in value else f'"{value}"'
    return f" (put the value in quotes: {key}: {quoted})"


def read_front_matter(yaml_text: str, *, positions: bool = True) -> FrontMatter:
    """Parse the YAML between the --- lines; raises FrontMatterError with the file line.
    Without `positions` (where each value is written, for editing), the plain front matter
    most notes have is read by `read_plain_front_matter`, several times faster.

    With them, the result is shared with the next callers that read the same text (the
    caller must not change it): an edit reads the text it changes, then the text it wrote
    to check it, which the next edit reads again; a new note set a property at a time
    read its front matter some thirty times (13 ms a note: minutes for an import)."""
    if not positions:
        plain = read_plain_front_matter(yaml_text)
        if plain is not None:
            return plain
        return _read_yaml(yaml_text)
    return _read_yaml_again(yaml_text)


def _read_yaml(yaml_text: str) -> FrontMatter:
    import yaml

    loader = _loader()(yaml_text)
    try:
        node = loader.get_single_node()
        if node is not None and "*" in yaml_text:
            _refuse_alias_bombs(node, yaml)
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
        elif "mapping values are not allowed" in reason and error.problem_mark is not None:
            hint = _quote_hint(yaml_text, error.problem_mark.line)
        elif "cannot start any token" in reason and "\t" in yaml_text:
            hint = " (indent with spaces: YAML does not take tabs)"
        raise FrontMatterError(f"invalid YAML front matter: {reason}{hint}", line) from None
    except FrontMatterError:
        raise
    except RecursionError:
        raise FrontMatterError("invalid YAML front matter: nested too deeply", 2) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not take, such as NUL
        line = yaml_text.count("\n", 0, error.position) + 2
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        raise FrontMatterError(
            f"invalid YAML front matter: a control character ({code}) YAML does not allow",
            line,
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        # e.g. a timestamp like 2026-02-30, which the YAML loader itself cannot build
        reason = " ".join(str(error).split())  # (one line, whatever the library wrote)
        if "integer string conversion" in reason:  # Python's own limit, in Python's words
            reason = "a number of more than 4,300 digits (put quotes around it)"
        raise FrontMatterError(f"invalid YAML front matter: {reason}", 2) from None
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
        result.spans[key] = _span(value_node, yaml)
        result.key_ends[key] = key_node.end_mark.column
        if isinstance(value_node, yaml.SequenceNode):
            result.item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
    result.values = {str(key): value for key, value in values.items()}
    return result


# (the texts of the last few edits: a failed read is not kept, and raises again)
_read_yaml_again = lru_cache(maxsize=16)(_read_yaml)


# What a note's front matter may hold once its YAML aliases (`*name`) are expanded: a few
# bytes of `&a [*b, *b, ...]` can stand for a billion values (a "billion laughs"), and
# anything that walks them (a message quoting one, a mark compared with a list) would too.
MAX_EXPANDED_VALUES = 100_000


def _refuse_alias_bombs(root: Any, yaml: Any) -> None:
    """FrontMatterError when the front matter stands for more than MAX_EXPANDED_VALUES
    values; counted on the node graph, each shared node once (no recursion)."""
    sizes: dict[int, int] = {}
    waiting: list[tuple[Any, bool]] = [(root, False)]
    while waiting:
        node, counted = waiting.pop()
        if id(node) in sizes:
            continue
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        if not counted:
            waiting.append((node, True))
            waiting.extend((child, False) for child in children if id(child) not in sizes)
            continue
        sizes[id(node)] = total = 1 + sum(sizes.get(id(child), 1) for child in children)
        if total > MAX_EXPANDED_VALUES:
            raise FrontMatterError(
                "invalid YAML front matter: its aliases (*name) stand for more than "
                f"{MAX_EXPANDED_VALUES:,} values",
                node.start_mark.line + 2,
            )


def _span(node: yaml.Node, yaml: Any, *, items: bool = True) -> Span:
    start, end = (
        (node.start_mark.line, node.start_mark.column),
        (node.end_mark.line, node.end_mark.column),
    )
    if isinstance(node, yaml.ScalarNode):
        null = node.tag == "tag:yaml.org,2002:null"
        return Span("scalar", start, end, False, node.value, bool(node.style), null)
    flow = bool(getattr(node, "flow_style", False))
    if isinstance(node, yaml.SequenceNode):
        entries = tuple(_span(item, yaml, items=False) for item in node.value) if items else ()
        return Span("list", start, end, flow, None, False, False, entries)
    return Span("mapping", start, end, flow, None, False, False)


# --- plain front matter, read without the YAML parser -------------------------------------
#
# Most front matter is `key: value` lines and lists of `- value` lines. libyaml parses it
# quickly, but PyYAML then builds every value in Python, and that is most of the time of
# reading a note. This reader takes only lines whose meaning is unmistakable, resolves
# plain values with PyYAML's own rules (`plain_scalar`), and returns
# None for anything else (nested mappings, flow collections, block scalars, escapes,
# comments after a value, anchors, tabs, odd line breaks...), which the YAML parser then
# reads. A property test holds it equal to the YAML parser wherever it answers.

_PLAIN_KEY = re.compile(r"([^\W\d][\w-]*):(?:[ ]+(.*?))?[ ]*")
_PLAIN_ITEM = re.compile(r"([ ]*)-[ ]+(.*?)[ ]*")
_COMMENT = re.compile(r"[ ]*(?:#.*)?")  # a comment line, or a blank one
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# Characters that start something other than a plain value, or may end a line in YAML.
_NOT_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`<= ")
_ODD_BREAKS = re.compile(r"[\r\x85\u2028\u2029\t]")
_NO_VALUE = object()  # a line's value could not be read here
# What YAML 1.1 makes of plain values other than strings, as PyYAML's resolver has it
# (yaml/resolver.py; a test holds these equal): booleans, nothing, and numbers.
_BOOLEANS = {
    word: value
    for words, value in (("yes true on", True), ("no false off", False))
    for lower in words.split()
    for word in (lower, lower.capitalize(), lower.upper())
}
_NOTHING = frozenset(("~", "null", "Null", "NULL"))
_NUMBER_STARTS = frozenset("+-.0123456789")
_INT = re.compile(
    r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
)
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def read_plain_front_matter(yaml_text: str) -> FrontMatter | None:
    """The front matter, if it is written only in the plain forms read here; else None."""
    if _ODD_BREAKS.search(yaml_text):
        return None
    result = FrontMatter()
    values = result.values
    key: str | None = None  # the key whose list items may follow
    items: list[Any] = []
    item_indent = -1
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if not line.isprintable():
            return None  # characters YAML refuses even in comments (or odd spaces)
        if _COMMENT.fullmatch(line):
            continue
        match = _PLAIN_KEY.fullmatch(line)
        if match is not None:
            if key is not None and not items:
                values[key] = None  # `key:` and nothing under it
            key, written = match.group(1), match.group(2)
            if key in values or _plain_value(key) != key or len(key) > 1000:
                return None  # a key twice (an error), one YAML reads as a bool or number,
                # or one longer than YAML allows an implicit key (1024 characters)
            result.key_lines[key] = number
            if written:
                value = _plain_value(written)
                if value is _NO_VALUE:
                    return None
                if value == []:
                    result.item_lines[key] = []  # (as for any list)
                values[key], key = value, None
            else:
                items, item_indent = [], -1
                values[key] = items
            continue
        match = _PLAIN_ITEM.fullmatch(line)
        if match is None or key is None:
            return None
        indent = len(match.group(1))
        if item_indent not in (-1, indent):
            return None  # items at another depth: nested lists, or an error
        value = _plain_value(match.group(2)) if match.group(2) else _NO_VALUE
        if value is _NO_VALUE:
            return None
        item_indent = indent
        items.append(value)
        result.item_lines.setdefault(key, []).append(number)
    if key is not None and not items:
        values[key] = None
    return result


def _plain_value(text: str) -> Any:
    """A one-line scalar as PyYAML reads it, or _NO_VALUE if it is not sure to be one."""
    if not text.isprintable():
        return _NO_VALUE
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            return _NO_VALUE
        return inner
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            return _NO_VALUE
        return inner.replace("''", "'")
    if text == "[]":
        return []
    if first in _NOT_PLAIN_START or ": " in text or " #" in text or text[-1] == ":":
        return _NO_VALUE
    return plain_scalar(text)


def plain_scalar(text: str) -> Any:
    """A plain (unquoted) scalar as PyYAML builds it; _NO_VALUE for numbers other than
    plain integers (floats, octal, sexagesimal...), which the YAML parser builds."""
    if text in _BOOLEANS:
        return _BOOLEANS[text]
    if text in _NOTHING:
        return None
    if text[:1] in _NUMBER_STARTS and (_INT.fullmatch(text) or _FLOAT.fullmatch(text)):
        # (Python refuses to read integers of more than 4,300 digits: the YAML parser
        # then reports the value as a problem)
        simple = len(text) < 4000 and _SIMPLE_INT.fullmatch(text)
        return int(text) if simple else _NO_VALUE
    return text
