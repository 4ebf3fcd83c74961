"""Plain front matter read without the YAML parser: the same answer, or none at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import HERE, REALWORLD
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_vault.core.errors import FrontMatterError
from interview_vault.notes.frontmatter import (
    _NO_VALUE,
    plain_scalar,
    read_front_matter,
    read_plain_front_matter,
    split_front_matter,
)

KEYS = ["type", "name", "tags", "Key", "date-created", "é", "_x", "a b", "yes", "on", "null"]
KEYS += ["true", "1", "x1", "~", "a-"]
SEPARATORS = [": ", ":", ":  ", " : ", ":\t", ": \t"]
VALUES = [
    *["contact", "Ama A.", "Pérez", "emoji 🎉", "C#", "a#b", "a [b]", "x,", "a:b", "a :b"],
    *["https://x.y/z", "2026-01-19", "2025-06-08T10:45:00", "...", ".foo", "~foo", "x\\y"],
    *['"[[Ana]]"', "[[Ana]]", "'it''s'", "'a'b'", "''''", "'''", '""', "''", '"a\\"b"'],
    *['"a\\nb"', '"a # b"', "'a: b'", '"unclosed', "'unclosed", '"a" b', "'a' # c"],
    *["yes", "No", "ON", "oN", "y", "~", "null", "NULL", "Null", "nULL"],
    *["30", "0", "007", "+5", "-5", "1.5", ".5", "1_000", "10:45", "0x1F", "1e3", ".inf"],
    *["a #b", "a: b", "a:", "[]", "[ ]", "[a, b]", "{}", "{a: b}", "|", ">", "|-", "&a x"],
    *["*a", "!x y", "@x", "`x", "%x", "=", "<<", "?", "? x", "-", "- x", ",x", "#x"],
    *["a\u00a0b", "\x07", "a\u200bb", "x # comment", '"a"b"', '"\x07"', "'\x07'"],
]
INDENTS = ["", " ", "  ", "    "]
OTHER_LINES = ["# a comment", "  # indented", "", "   ", "  nested: x", "\tkey: x", "..."]
OTHER_LINES += ["key: |", "  text", "-", "  -", "- ", "-x", "key:value", "a: b\r", "a: \x85b"]

PLAIN_KEYS = ["type", "name", "tags", "Key", "date-created", "é", "_x", "a-"]
good_lines = st.one_of(
    st.builds("{}: {}".format, st.sampled_from(PLAIN_KEYS), st.sampled_from(VALUES)),
    st.builds("{}:".format, st.sampled_from(PLAIN_KEYS)),
    st.builds("{}- {}".format, st.sampled_from(INDENTS), st.sampled_from(VALUES)),
)
any_lines = st.one_of(
    st.builds(
        "{}{}{}".format,
        st.sampled_from(KEYS),
        st.sampled_from(SEPARATORS),
        st.sampled_from(VALUES),
    ),
    st.sampled_from(OTHER_LINES),
)
lines = st.one_of(good_lines, good_lines, good_lines, any_lines)  # mostly lines read plainly


@settings(max_examples=5000, deadline=None)
@given(
    st.one_of(
        st.text("0123456789+-._:eEbBxXoaAfFiInNtT", min_size=1, max_size=8),
        st.sampled_from(["yes", "Yes", "YES", "yEs", "on", "ON", "Off", "nuLL", "~", "y", "n"]),
        st.from_regex(r"[+-]?[0-9]{1,3}(:[0-9]{1,2}){0,2}(\.[0-9]*)?", fullmatch=True),
    )
)
def test_plain_values_mean_what_they_mean_to_pyyaml(text):
    """The booleans, nothing and numbers of YAML 1.1 (`plain_scalar` keeps its own copy
    of PyYAML's rules, so that plain front matter needs no YAML import)."""
    try:
        theirs = read_front_matter(f"key: {text}\n").values["key"]
    except FrontMatterError:
        return  # not a plain value at all (a lone ":"): the plain reader never asks
    ours = plain_scalar(text)
    if ours is _NO_VALUE:  # only numbers other than plain integers are left to YAML
        assert isinstance(theirs, int | float) and not isinstance(theirs, bool)
    else:
        assert repr(ours) == repr(theirs)


def as_yaml_reads_it(yaml_text: str):
    try:
        front = read_front_matter(yaml_text)
    except FrontMatterError:
        return "an error"
    return repr(front.values), front.key_lines, front.item_lines  # repr: True is not 1


def as_read_plainly(yaml_text: str):
    front = read_plain_front_matter(yaml_text)
    return None if front is None else (repr(front.values), front.key_lines, front.item_lines)


@settings(max_examples=3000, deadline=None)
@given(st.lists(lines, max_size=8))
def test_plain_front_matter_reads_as_yaml_does_or_not_at_all(written):
    yaml_text = "\n".join(written) + "\n"
    plain = as_read_plainly(yaml_text)
    if plain is not None:
        assert plain == as_yaml_reads_it(yaml_text)


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("written", ["key: {}\n", "key:\n  - {}\n", "key:\n- a\n- {}\n"])
def test_each_value_reads_as_yaml_does_or_not_at_all(written, value):
    yaml_text = written.format(value)
    plain = as_read_plainly(yaml_text)
    if plain is not None:
        assert plain == as_yaml_reads_it(yaml_text)


@pytest.mark.parametrize(
    "yaml_text",
    [
        "k:\n  - a\n- b\n",  # items less indented than the first: an error
        "k:\n  - a\n - b\n",
        "k:\n- a\n  - b\n",  # more indented: the first item's text goes on ("a - b")
        "# x\ry: z\n",  # a comment ended by a line break Python's split does not see
        "# x\x85y: z\n",
        "# x\u2028y: z\n",
        "k: v\nk: w\n",  # a key twice
        "# a\x01\nk: v\n",  # characters YAML refuses, even in a comment
        "#\x0c\nk: v\n",
        f"{'k' * 1025}: v\n",  # a key longer than YAML allows
        f"k: {'1' * 4301}\n",  # an integer longer than Python reads
        f"k:\n  - {'1' * 4301}\n",
    ],
)
def test_structures_the_plain_reader_leaves_to_yaml(yaml_text):
    assert read_plain_front_matter(yaml_text) is None


@pytest.mark.parametrize(
    "yaml_text",
    [
        "k:\n# c\n  - a\n\n  - b\n",  # comments and blank lines between items
        "a: 1\nb:\n  - x\n  - y\nc: ''\n",
        "k: []\nl:\nm: ~\n",
        "k: it's\nl: 'it''s'\nm: \"quoted\"\n",
        f"{'k' * 1000}: v\n",
        f"k: {'1' * 3999}\n",
    ],
)
def test_structures_the_plain_reader_reads_as_yaml_does(yaml_text):
    plain = as_read_plainly(yaml_text)
    assert plain is not None
    assert plain == as_yaml_reads_it(yaml_text)


def test_the_front_matter_most_notes_have_is_read_plainly():
    yaml_text = (
        'type: interview\ncontact: "[[Lee Chen]]"\ndate: 2025-06-08T10:45:00\nstatus: done\n'
        "duration: 30\nreferrals: []\ndeclined: false\n# a comment\ntags:\n  - interview\n"
        "contacted:\n- 2026-01-19\n- '2026-01-29'\nnotes:\n"
    )
    plain = read_plain_front_matter(yaml_text)
    assert plain is not None
    assert (repr(plain.values), plain.key_lines, plain.item_lines) == as_yaml_reads_it(yaml_text)
    assert plain.values["duration"] == 30 and plain.values["notes"] is None
    assert plain.item_lines == {"referrals": [], "tags": [11], "contacted": [13, 14]}


def _front_matters(root: Path):
    for path in sorted(root.rglob("*.md")):
        try:
            yaml_text, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, FrontMatterError):
            continue
        if yaml_text is not None:
            yield path, yaml_text


@pytest.mark.parametrize(
    "root", [HERE / "fixtures", HERE.parent / "vault-template", REALWORLD], ids=lambda p: p.name
)
def test_every_front_matter_of_real_vaults_reads_the_same_plainly(root):
    if not root.exists():
        pytest.skip(f"{root} is not here")
    read = 0
    for path, yaml_text in _front_matters(root):
        plain = as_read_plainly(yaml_text)
        if plain is not None:
            read += 1
            assert plain == as_yaml_reads_it(yaml_text), path
    assert read > 0


def _split_line_by_line(text: str) -> tuple[str | None, str, int] | str:
    """The closing delimiter as the docs state it, one line at a time: after the opening
    `---`, the first line that is `---` with only blanks and carriage returns after it
    closes the front matter; the body starts on the line after."""
    text = text.removeprefix("\ufeff")
    opening = re.match(r"---[ \t]*(?:\r\n|\r|\n|$)", text)
    if opening is None:
        return None, text, 1
    start = opening.end()
    position, line = start, 2
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end == -1 else end + 1
        if text[position:end].rstrip("\r\n").rstrip(" \t") == "---":
            return text[start:position], text[end:], line + 1
        position, line = end, line + 1
    return "never ends"


@given(st.lists(st.sampled_from(["---", "--- ", "\t", "\r", "\n", "\r\n", "a: 1", " ---", "x"])))
@settings(max_examples=2000)
def test_front_matter_ends_at_the_first_line_of_three_dashes(pieces):
    text = "".join(pieces)
    expected = _split_line_by_line(text)
    try:
        found: tuple[str | None, str, int] | str = split_front_matter(text)
    except FrontMatterError:
        found = "never ends"
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\na: 1\n---\nbody", ("a: 1\n", "body", 4)),
        ("---\r\na: 1\r\n--- \t\r\nbody", ("a: 1\r\n", "body", 4)),
        ("---\n---", ("", "", 3)),
        ("---\ra: 1\n---\r\r\nb", ("a: 1\n", "b", 4)),  # (an opening line ended by a CR)
        ("---\r---\nb", ("", "b", 3)),
        ("---\na: 1\n ---\n---\n", ("a: 1\n ---\n", "", 5)),  # (indented: no delimiter)
    ],
)
def test_front_matter_delimiters(text, expected):
    assert split_front_matter(text) == expected
