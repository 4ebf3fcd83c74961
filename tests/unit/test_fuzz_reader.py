"""The note reader on anything at all: it returns a note (with its problems), never raises.

Three kinds of input: arbitrary bytes; front matter put together from YAML's pieces (keys,
quotes, brackets, anchors, tags, tabs, odd line breaks); and Markdown bodies of headings,
lists, tasks, quotes, fences and HTML. The example count is bounded, so CI stays quick.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_vault.core.conventions import conventions
from interview_vault.core.model import Note
from interview_vault.core.settings import LimitSettings, Settings
from interview_vault.notes.parse import parse_note

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = [
    "type",
    "contact",
    "contacted",
    "replied",
    "date",
    "status",
    "referrals",
    "name",
    "aliases",
    "tags",
    "keep_in_touch",
    "referred_by",
    "Type",
    "DATE",
    "x",
]
PIECES = [
    "contact",
    "interview",
    "organization",
    "2026-11-20",
    "2026-02-30",
    "2026-11-20T25:00",
    "[[Ama]]",
    '"[[Lee Chen|Lee]]"',
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ": ",
    "- ",
    "  - ",
    "'",
    '"',
    "&a ",
    "*a",
    "!!str ",
    "!!python/object ",
    "#",
    "|",
    ">",
    "\t",
    "\r",
    "\r\n",
    "\u2028",
    "\x85",
    "~",
    "null",
    "yes",
    "0x1F",
    "1e9",
    "{{date}}",
    "<<<<<<< HEAD",
    "=======",
    ">>>>>>> x",
    "\ufeff",
    "é",
    "Zoe\u0308",
    "\x00",
]
BLOCKS = [
    "## Notes\n",
    "## Goals\n",
    "# Questions\n",
    "Notes\n-----\n",
    "- [ ] Send [[Ama]] 📅 2026-12-01\n",
    "- [x] done ✅ 2026-11-20\n",
    "- [ ] ⏳ 2026-11-31 🛫 2026-13-01 #task\n",
    "> ## Key quote\n",
    "> - [ ] quoted task\n",
    "```\n## not a heading\n",
    "```\n",
    "<div>\n",
    "</div>\n",
    "    indented code\n",
    "1. item\n",
    "- \n",
    "* [/] in progress\n",
    "text\n",
    "\n",
    "<!-- a comment\n",
    "-->\n",
    "[due:: 2026-12-01]\n",
    "- [ ] (due:: tomorrow)\n",
]


DEFAULT_LIMITS = LimitSettings()


def check(data: bytes, limits: LimitSettings = DEFAULT_LIMITS) -> None:
    note = parse_note("Contacts/Fuzz.md", data, conventions(Settings()), limits)
    assert isinstance(note, Note)
    assert note.path == "Contacts/Fuzz.md"
    for problem in note.problems:
        assert problem.note == "Contacts/Fuzz.md"
        assert problem.severity in ("error", "warning", "info")
        assert problem.message and "\n" not in problem.message


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_at_all(data):
    check(data)
    check(b"---\n" + data)
    check(b"---\ntype: contact\n" + data + b"\n---\n" + data)


front_matter = st.lists(
    st.tuples(st.sampled_from(KEYS), st.lists(st.sampled_from(PIECES), max_size=8)),
    max_size=10,
).map(lambda lines: "".join(f"{key}: {''.join(value)}\n" for key, value in lines))
body = st.lists(st.sampled_from(BLOCKS), max_size=20).map("".join)


@FUZZ
@given(front_matter, body, st.sampled_from(["---\n", "---\r\n", "--- \n", ""]))
def test_yaml_like_front_matter_and_markdown(front, text, closing):
    check(f"---\n{front}{closing}{text}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(front_matter, body)
def test_within_tight_limits_too(front, text):
    tight = LimitSettings(
        note_bytes=400, front_matter_bytes=120, list_entries=2, quoted_characters=5
    )
    check(f"---\ntype: contact\n{front}---\n{text}".encode(), tight)
