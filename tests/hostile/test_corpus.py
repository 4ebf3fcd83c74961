"""A corpus of hostile vaults, each with the exact outcome expected of `vault digest`.

Every case is a small vault of real files: malformed YAML of several kinds, encodings,
huge and deep values, names and links, file-system oddities, damaged indexes and
settings, conflict markers and conflict copies. For each, the digest must come out (never
a traceback), with exactly the problems and items listed, and no note may change.
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import files

from interview_vault.cli import cli

TODAY = "2026-11-26"
CONTACT = "---\ntype: contact\ncontacted: 2026-11-20\n---\n"  # one follow-up, due 11-27
Files = dict[str, "str | bytes"]


@dataclass
class Case:
    name: str
    files: Files
    problems: list[tuple[str, int | None, str, str]]  # (note, line, severity, message)
    kinds: list[str] = field(default_factory=list)  # the items shown, by kind, sorted
    index: bool = False  # keep an index (`.vault/`), and run twice
    prepare: Callable[[Path], None] | None = None  # file-system setup beyond `files`


def alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "---\ntype: contact\n" + "\n".join(lines) + "\ncontacted: *i\n---\n"


def nested(depth: int) -> str:
    return "[" * depth + "2026-11-20" + "]" * depth


def symlink_outside(vault: Path) -> None:
    outside = vault.parent / "outside.md"
    outside.write_text("---\ntype: contact\n---\n- [ ] Secret task\n", encoding="utf-8")
    (vault / "Contacts").mkdir(exist_ok=True)
    (vault / "Contacts" / "Leak.md").symlink_to(outside)


def symlink_inside_loop(vault: Path) -> None:
    (vault / "Loop").mkdir()
    (vault / "Loop" / "again").symlink_to(vault / "Loop", target_is_directory=True)


def index_is_a_folder(vault: Path) -> None:
    (vault / ".vault" / "index.sqlite").mkdir(parents=True)


def index_is_garbage(vault: Path) -> None:
    (vault / ".vault").mkdir(exist_ok=True)
    (vault / ".vault" / "index.sqlite").write_bytes(b"not a database at all" * 100)


def index_lost_a_table(vault: Path) -> None:
    run_digest(vault)
    with sqlite3.connect(vault / ".vault" / "index.sqlite") as db:
        db.execute("DROP TABLE parts")


def cache_not_utf8(vault: Path) -> None:
    run_digest(vault)
    for cached in (vault / ".vault").glob("digest-cache-*"):
        data = cached.read_bytes()
        cached.write_bytes(data[:21] + b"\xff\xfe" + data[23:])


def old_leftover(vault: Path) -> None:
    leftover = vault / "Contacts" / ".vault-abc123.tmp"
    leftover.write_text("half a note", encoding="utf-8")
    os.utime(leftover, (1_000_000_000, 1_000_000_000))


def fresh_leftover(vault: Path) -> None:
    (vault / "Contacts" / ".vault-def456.tmp").write_text("a note being written", "utf-8")


def folder_named_like_a_note(vault: Path) -> None:
    (vault / "Contacts" / "Folder.md").mkdir(parents=True)


NFD_ZOE = unicodedata.normalize("NFD", "Zoë Park")
YAML_ERROR = "invalid YAML front matter"

CASES = [
    # --- malformed YAML ---------------------------------------------------------------
    Case(
        "unclosed-quote",
        {"Contacts/A.md": '---\ntype: contact\nrole: "Director\ncontacted: 2026-11-20\n---\n'},
        [
            (
                "Contacts/A.md",
                3,
                "error",
                f"{YAML_ERROR}: while scanning a quoted scalar: found unexpected end of stream",
            )
        ],
    ),
    Case(
        "tab-indentation",
        {"Contacts/A.md": "---\ntype: contact\ncontacted:\n\t- 2026-11-20\n---\n"},
        [
            (
                "Contacts/A.md",
                4,
                "error",
                f"{YAML_ERROR}: while scanning for the next token: "
                "found character that cannot start any token (indent with spaces: YAML does not "
                "take tabs)",
            )
        ],
    ),
    Case(
        "property-twice",
        {"Contacts/A.md": "---\ntype: contact\nrole: A\nrole: B\n---\n"},
        [("Contacts/A.md", 4, "error", "property 'role' appears twice")],
    ),
    Case(
        "colon-in-value",
        {"Contacts/A.md": "---\ntype: contact\nrole: Director: Water Programs\n---\n"},
        [
            (
                "Contacts/A.md",
                3,
                "error",
                f"{YAML_ERROR}: mapping values are not allowed in this "
                'context (put the value in quotes: role: "Director: Water Programs")',
            )
        ],
    ),
    Case(
        "template-placeholder",
        {"Contacts/A.md": "---\ntype: contact\ncontacted: {{date}}\n---\n"},
        [
            (
                "Contacts/A.md",
                3,
                "error",
                f"{YAML_ERROR}: while constructing a mapping: found "
                'unhashable key (put quotes around values that start with { or [, like "{{date}}")',
            )
        ],
    ),
    Case(
        "never-closes",
        {"Contacts/A.md": "---\ntype: contact\ncontacted: 2026-11-20\n"},
        [("Contacts/A.md", 1, "error", "front matter starts with --- but never ends with ---")],
    ),
    Case(
        "front-matter-a-list",
        {"Contacts/A.md": "---\n- type: contact\n---\n"},
        [("Contacts/A.md", 2, "error", "front matter is not a list of `property: value` lines")],
    ),
    Case(
        "python-tag-never-runs",
        {"Contacts/A.md": "---\ntype: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n"},
        [
            (
                "Contacts/A.md",
                2,
                "error",
                f"{YAML_ERROR}: could not determine a constructor for "
                "the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
            )
        ],
    ),
    Case(
        "alias-bomb",
        {"Contacts/A.md": alias_bomb()},
        [
            (
                "Contacts/A.md",
                8,
                "error",
                f"{YAML_ERROR}: its aliases (*name) stand for more than 100,000 values",
            )
        ],  # (`f`, 9 to the 6th: the first past the budget)
    ),
    Case(
        "small-aliases-are-fine",
        {"Contacts/A.md": "---\ntype: contact\nfirst: &d 2026-11-20\ncontacted: *d\n---\n"},
        [],
        ["follow-up"],
    ),
    Case(
        "nested-990-deep",
        {"Contacts/A.md": f"---\ntype: contact\ncontacted: {nested(990)}\n---\n"},
        [
            (
                "Contacts/A.md",
                3,
                "warning",
                "contacted: cannot read [[[[[[[[[[[[[[[[[[[[[[[[[[[["
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... as a date (write YYYY-MM-DD)",
            )
        ],
    ),
    Case(
        "nested-1000-deep",
        {"Contacts/A.md": f"---\ntype: contact\ncontacted: {nested(1000)}\n---\n"},
        [
            (
                "Contacts/A.md",
                3,
                "error",
                f"{YAML_ERROR}: while increasing flow level: exceeded maximum nesting depth",
            )
        ],
    ),
    Case(
        "huge-number",
        {"Contacts/A.md": "---\ntype: contact\nkeep_in_touch: " + "9" * 5000 + "\n---\n"},
        [
            (
                "Contacts/A.md",
                2,
                "error",
                f"{YAML_ERROR}: a number of more than 4,300 digits (put quotes around it)",
            )
        ],
    ),
    Case(
        "empty-front-matter",
        {"Contacts/A.md": "---\n---\n- [ ] [[Ama]]\n"},
        [],
    ),
    Case(
        "bad-value-quoted-briefly",
        {"Contacts/A.md": "---\ntype: contact\ncontacted: " + "x" * 500 + "\n---\n"},
        [
            (
                "Contacts/A.md",
                3,
                "warning",
                'contacted: cannot read "' + "x" * 56 + "... as a date (write YYYY-MM-DD)",
            )
        ],
    ),
    # --- encodings and line endings ---------------------------------------------------
    Case(
        "latin-1",
        {"Contacts/A.md": "---\ntype: contact\nname: Zoë\n---\n".encode("latin-1")},
        [("Contacts/A.md", 3, "error", "not UTF-8 text: save the file as UTF-8")],
    ),
    Case(
        "utf-16",
        {"Contacts/A.md": CONTACT.encode("utf-16")},
        [("Contacts/A.md", 1, "error", "not UTF-8 text: save the file as UTF-8")],
    ),
    Case("utf-8-bom", {"Contacts/A.md": "\ufeff" + CONTACT}, [], ["follow-up"]),
    Case("crlf", {"Contacts/A.md": CONTACT.replace("\n", "\r\n")}, [], ["follow-up"]),
    Case(
        "lone-cr",
        {"Contacts/A.md": CONTACT.replace("\n", "\r")},
        [
            (
                "Contacts/A.md",
                1,
                "error",
                "the note's lines end with a carriage return alone (old "
                "Mac line endings): save it with LF line endings",
            )
        ],
    ),
    Case("nul-in-body", {"Contacts/A.md": CONTACT + "text\x00more\n"}, [], ["follow-up"]),
    Case(
        "empty-file",
        {"Interviews/A.md": ""},
        [("Interviews/A.md", 1, "warning", "the note is empty")],
    ),
    Case("empty-file-where-people-go", {"Contacts/A.md": ""}, []),  # (said on asking)
    # --- huge values and the limits ---------------------------------------------------
    Case(
        "note-over-the-limit",
        {
            ".vault/config.toml": "[limits]\nnote_bytes = 1000\n",
            "Contacts/A.md": CONTACT + "x" * 2000,
        },
        [("Contacts/A.md", 1, "error", "larger than 1,000 bytes (limits.note_bytes): not read")],
    ),
    Case(
        "front-matter-over-the-limit",
        {
            ".vault/config.toml": "[limits]\nfront_matter_bytes = 100\n",
            "Contacts/A.md": "---\ntype: contact\nabout: " + "y" * 200 + "\n---\n",
        },
        [
            (
                "Contacts/A.md",
                1,
                "error",
                "front matter larger than 100 bytes (limits.front_matter_bytes): not read",
            )
        ],
    ),
    Case(
        "list-over-the-limit",
        {
            ".vault/config.toml": "[limits]\nlist_entries = 2\n",
            "Contacts/A.md": "---\ntype: contact\ncontacted: [2026-11-18, 2026-11-19, 2026-11-25]"
            "\n---\n",
        },
        [
            (
                "Contacts/A.md",
                3,
                "warning",
                "contacted: 3 entries; only the first 2 are read (limits.list_entries)",
            )
        ],
        ["follow-up"],
    ),
    Case(
        "limit-raised-by-settings",
        {".vault/config.toml": "[limits]\nnote_bytes = 99999999999\n", "Contacts/A.md": CONTACT},
        [
            (
                ".vault/config.toml",
                None,
                "warning",
                "limits.note_bytes may only lower the limit: 2,000,000 is used, not 99,999,999,999",
            )
        ],
        ["follow-up"],
    ),
    # --- names and links --------------------------------------------------------------
    Case(
        "nfd-file-nfc-link",
        {
            f"Contacts/{NFD_ZOE}.md": "---\ntype: contact\n---\n",
            "Contacts/Bo.md": '---\ntype: contact\nreferred_by: "[[Zoë Park]]"\n---\n',
        },
        [],
        ["reach-out"],
    ),
    Case(
        "nfc-nfd-twins",
        {
            f"Contacts/{NFD_ZOE}.md": "---\ntype: contact\n---\n",
            "Contacts/Zoë Park.md": "---\ntype: contact\n---\n",
        },
        [
            (
                "Contacts/Zoë Park.md",
                None,
                "warning",
                f"the same name as Contacts/{NFD_ZOE}.md, its "
                "accents written another way (Unicode NFC and NFD): links find only one of them; "
                "rename one",
            )
        ],
    ),
    Case(
        "link-climbing-out",
        {"Contacts/A.md": '---\ntype: contact\nreferred_by: "[[../../etc/passwd]]"\n---\n'},
        [],
        ["reach-out"],
    ),
    Case(
        "self-referral",
        {"Contacts/A.md": '---\ntype: contact\nreferred_by: "[[A]]"\n---\n'},
        [("Contacts/A.md", 3, "warning", "referred_by: [[A]] is this contact; it is left out")],
    ),
    Case(
        "emoji-and-heading-links",
        {
            "Contacts/Ama 🌍.md": CONTACT,
            "Contacts/Bo.md": '---\ntype: contact\nreferred_by: "[[Ama 🌍#About|Ama]]"\n---\n',
        },
        [],
        ["follow-up", "reach-out"],
    ),
    Case(
        "likely-typo",
        {
            "Contacts/Alex Morgan.md": "---\ntype: contact\n---\n",
            "Contacts/Bo.md": '---\ntype: contact\nreferred_by: "[[Alex Morgn]]"\n---\n',
        },
        [
            (
                "Contacts/Bo.md",
                3,
                "warning",
                "referred_by: [[Alex Morgn]] has no note; did you mean [[Alex Morgan]]?",
            )
        ],
        ["reach-out"],
    ),
    # --- the file system --------------------------------------------------------------
    Case(
        "symlink-leaving-the-vault",
        {},
        [
            (
                "Contacts/Leak.md",
                1,
                "error",
                "cannot read the file: it links to a file outside the vault, which is not read",
            )
        ],
        prepare=symlink_outside,
    ),
    Case(
        "folder-link-loop",
        {"Contacts/A.md": CONTACT},
        [],
        ["follow-up"],
        prepare=symlink_inside_loop,
    ),
    Case("capital-extension", {"Contacts/A.MD": CONTACT}, [], ["follow-up"]),
    Case(
        "folder-named-like-a-note",
        {"Contacts/A.md": CONTACT},
        [],
        ["follow-up"],
        prepare=folder_named_like_a_note,
    ),
    Case("old-temporary-file", {"Contacts/A.md": CONTACT}, [], ["follow-up"], prepare=old_leftover),
    Case(
        "fresh-temporary-file",
        {"Contacts/A.md": CONTACT},
        [],
        ["follow-up"],
        prepare=fresh_leftover,
    ),
    # --- the index, caches and settings -----------------------------------------------
    Case(
        "index-is-a-folder", {"Contacts/A.md": CONTACT}, [], ["follow-up"], True, index_is_a_folder
    ),
    Case("index-is-garbage", {"Contacts/A.md": CONTACT}, [], ["follow-up"], True, index_is_garbage),
    Case(
        "index-lost-a-table",
        {"Contacts/A.md": CONTACT},
        [],
        ["follow-up"],
        True,
        index_lost_a_table,
    ),
    Case("cache-not-utf-8", {"Contacts/A.md": CONTACT}, [], ["follow-up"], True, cache_not_utf8),
    Case(
        "settings-not-toml",
        {".vault/config.toml": "[digest\n", "Contacts/A.md": CONTACT},
        [
            (
                ".vault/config.toml",
                None,
                "error",
                "invalid settings file: Expected ']' at the end "
                "of a table declaration (at line 1, column 8)",
            )
        ],
        ["follow-up"],
    ),
    Case(
        "settings-of-the-wrong-type",
        {
            ".vault/config.toml": '[digest]\nfollow_up_after_days = "soon"\n',
            "Contacts/A.md": CONTACT,
        },
        [
            (
                ".vault/config.toml",
                None,
                "warning",
                "digest.follow_up_after_days must be a whole number of 0 or more, not 'soon'",
            )
        ],
        ["follow-up"],
    ),
    Case(
        "snoozes-garbage",
        {".vault/snoozes.txt": "\x00\x01 garbage\nabc123 tomorrow\n", "Contacts/A.md": CONTACT},
        [
            (
                ".vault/snoozes.txt",
                1,
                "warning",
                "cannot read '\\x00\\x01 garbage' (ID YYYY-MM-DD)",
            ),
            (".vault/snoozes.txt", 2, "warning", "cannot read 'abc123 tomorrow' (ID YYYY-MM-DD)"),
        ],
        ["follow-up"],
    ),
    # --- conflicts --------------------------------------------------------------------
    Case(
        "conflict-in-front-matter",
        {
            "Contacts/A.md": "---\ntype: contact\n<<<<<<< HEAD\ncontacted: 2026-11-20\n=======\n"
            "contacted: 2026-11-21\n>>>>>>> theirs\n---\n"
        },
        [("Contacts/A.md", 3, "error", "unresolved git merge conflict (<<<<<<< markers)")],
    ),
    Case(
        "conflict-in-body",
        {
            "Contacts/A.md": CONTACT + "<<<<<<< HEAD\n- [ ] Send the deck\n=======\n"
            "- [ ] Send the slides\n>>>>>>> theirs\n"
        },
        [("Contacts/A.md", 5, "error", "unresolved git merge conflict (<<<<<<< markers)")],
        ["commitment", "commitment", "follow-up"],
    ),
    Case(
        "sync-conflict-copies",
        {
            "Contacts/A.md": CONTACT,
            "Contacts/A.sync-conflict-20261120-101500-ABCDEFG.md": "---\ntype: contact\n---\n",
            "Contacts/A (conflicted copy 2026-11-20).md": "---\ntype: contact\n---\n",
        },
        [
            (
                "Contacts/A (conflicted copy 2026-11-20).md",
                None,
                "warning",
                "a sync conflict copy of a note: merge what it adds into it, then delete it",
            ),
            (
                "Contacts/A.sync-conflict-20261120-101500-ABCDEFG.md",
                None,
                "warning",
                "a sync conflict copy of a note: merge what it adds into it, then delete it",
            ),
        ],
        ["follow-up"],
    ),
]


def run_digest(vault: Path):
    result = CliRunner().invoke(cli, ["digest", str(vault), "--today", TODAY, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return json.loads(result.stdout)


def test_the_corpus_has_forty_cases_or_more_each_named_once():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_vault_gives_its_exact_outcome(tmp_path, case):
    vault = tmp_path / "vault"
    vault.mkdir()
    for relative, content in case.files.items():
        path = vault / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    if case.index:
        (vault / ".vault").mkdir(exist_ok=True)
    if case.prepare is not None:
        case.prepare(vault)
    notes_before = {p: data for p, data in files(vault).items() if not p.startswith(".vault/")}
    for _ in range(2 if case.index else 1):  # (a second run: from the index, as it is left)
        data = run_digest(vault)
        found = [(p["note"], p["line"], p["severity"], p["message"]) for p in data["problems"]]
        assert found == case.problems
        assert sorted(item["kind"] for item in data["items"]) == case.kinds
    notes_after = {p: data for p, data in files(vault).items() if not p.startswith(".vault/")}
    if case.name == "old-temporary-file":
        assert "Contacts/.vault-abc123.tmp" not in notes_after  # cleaned up
        notes_after["Contacts/.vault-abc123.tmp"] = notes_before["Contacts/.vault-abc123.tmp"]
    assert notes_after == notes_before
