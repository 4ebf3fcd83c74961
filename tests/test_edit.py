"""Exact edits of a note's text: only what the edit means to change changes."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.edit import EditError, add_date, complete_task, set_value
from interview_vault.parse import parse_note

DAY = date(2026, 11, 26)


def contacted(text: str) -> tuple[date, ...]:
    record = parse_note("Contacts/A.md", text.encode()).record
    return record.contacted  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # a block list, indented
            "---\ntype: contact\ncontacted:\n  - 2026-11-01\n  - 2026-11-08 # chased\nrole: x\n---\nBody\n",
            "---\ntype: contact\ncontacted:\n  - 2026-11-01\n  - 2026-11-08 # chased\n  - 2026-11-26\nrole: x\n---\nBody\n",
        ),
        (  # a block list, not indented, with quoted entries
            '---\ntype: contact\ncontacted:\n- "2026-11-01"\n---\n',
            '---\ntype: contact\ncontacted:\n- "2026-11-01"\n- 2026-11-26\n---\n',
        ),
        (  # a flow list
            "---\ntype: contact\ncontacted: [2026-11-01, 2026-11-08]  # two so far\n---\n",
            "---\ntype: contact\ncontacted: [2026-11-01, 2026-11-08, 2026-11-26]  # two so far\n---\n",
        ),
        (  # an empty flow list
            "---\ntype: contact\ncontacted: []\n---\n",
            "---\ntype: contact\ncontacted: [2026-11-26]\n---\n",
        ),
        (  # one date
            "---\ntype: contact\ncontacted: '2026-11-01' # first\n---\n",
            "---\ntype: contact\ncontacted: # first\n  - '2026-11-01'\n  - 2026-11-26\n---\n",
        ),
        (  # nothing yet
            "---\ntype: contact\ncontacted:\nrole: x\n---\n",
            "---\ntype: contact\ncontacted:\n  - 2026-11-26\nrole: x\n---\n",
        ),
        (  # no such property
            "---\ntype: contact\n---\n\nNotes.\n",
            "---\ntype: contact\ncontacted:\n  - 2026-11-26\n---\n\nNotes.\n",
        ),
        (  # no front matter at all
            "Just notes.\n",
            "---\ncontacted:\n  - 2026-11-26\n---\nJust notes.\n",
        ),
    ],
)
def test_add_date_keeps_every_other_byte(before, after):
    assert add_date(before, "contacted", DAY, "A.md") == after
    if "type: contact" in before:
        assert DAY in contacted(after)


def test_add_date_that_is_already_there_changes_nothing():
    text = "---\ntype: contact\ncontacted:\n  - 2026-11-26T10:00\n---\n"
    assert add_date(text, "contacted", DAY, "A.md") == text


def test_add_date_keeps_crlf_and_bom():
    text = "\ufeff---\r\ntype: contact\r\ncontacted:\r\n  - 2026-11-01\r\n---\r\nBody\r\n"
    assert add_date(text, "contacted", DAY, "A.md") == (
        "\ufeff---\r\ntype: contact\r\ncontacted:\r\n  - 2026-11-01\r\n  - 2026-11-26\r\n---\r\nBody\r\n"
    )


def test_invalid_front_matter_is_never_edited():
    with pytest.raises(EditError, match=r"A\.md:3"):
        add_date("---\ntype: contact\nname: [oops\n---\n", "contacted", DAY, "A.md")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\ntype: interview\n---\n", "---\ntype: interview\nthanked: 2026-11-26\n---\n"),
        (
            "---\ntype: interview\nthanked: false # not yet\n---\n",
            "---\ntype: interview\nthanked: 2026-11-26 # not yet\n---\n",
        ),
        ("---\nthanked:\nx: 1\n---\n", "---\nthanked: 2026-11-26\nx: 1\n---\n"),
        ('---\nthanked: ""\n---\n', "---\nthanked: 2026-11-26\n---\n"),
    ],
)
def test_set_value(before, after):
    assert set_value(before, "thanked", "2026-11-26", "I.md") == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("- [ ] Send the CV 📅 2026-11-28", "- [x] Send the CV 📅 2026-11-28 ✅ 2026-11-26"),
        ("\t* [/] Draft ^abc-1", "\t* [x] Draft ✅ 2026-11-26 ^abc-1"),
        ("> 1. [ ] Quoted", "> 1. [x] Quoted ✅ 2026-11-26"),
    ],
)
def test_complete_task(before, after):
    text = f"---\ntype: contact\n---\nIntro\n{before}\r\nAfter\n"
    assert (
        complete_task(text, 5, DAY, "A.md") == f"---\ntype: contact\n---\nIntro\n{after}\r\nAfter\n"
    )


@pytest.mark.parametrize("line", ["- [x] Done already", "Just text", "- [-] Cancelled"])
def test_complete_task_refuses_what_is_not_an_open_task(line):
    with pytest.raises(EditError, match="not an open task"):
        complete_task(f"{line}\n", 1, DAY, "A.md")


# --- writing notes safely -------------------------------------------------------------------


def test_save_refuses_when_the_note_changed_meanwhile(tmp_path):
    from interview_vault.store import UnsafeWriteError, load, save

    note = tmp_path / "A.md"
    note.write_text("---\ntype: contact\n---\n")
    loaded = load(tmp_path, "A.md")
    note.write_text("---\ntype: contact\nrole: edited in Obsidian\n---\n")
    with pytest.raises(UnsafeWriteError, match="changed on disk"):
        save(loaded, "---\ntype: contact\ncontacted: 2026-11-26\n---\n")
    assert "edited in Obsidian" in note.read_text()


def test_save_replaces_atomically_and_leaves_no_temporary(tmp_path):
    from interview_vault.store import load, save

    note = tmp_path / "A.md"
    note.write_bytes(b"old\r\n")
    note.chmod(0o640)
    assert save(load(tmp_path, "A.md"), "new\r\n") is True
    assert note.read_bytes() == b"new\r\n"
    assert note.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["A.md"]


def test_create_never_overwrites(tmp_path):
    from interview_vault.store import UnsafeWriteError, create

    create(tmp_path, "Contacts/Ama.md", "first\n")
    with pytest.raises(UnsafeWriteError, match="already exists"):
        create(tmp_path, "Contacts/Ama.md", "second\n")
    assert (tmp_path / "Contacts" / "Ama.md").read_text() == "first\n"


@pytest.mark.parametrize("name", ["../outside.md", "/etc/passwd", "Contacts/../../x.md"])
def test_names_never_escape_the_vault(tmp_path, name):
    from interview_vault.store import UnsafeWriteError, create

    vault = tmp_path / "vault"
    vault.mkdir()
    with pytest.raises(UnsafeWriteError):
        create(vault, name, "x\n")


def test_symlinks_out_of_the_vault_are_refused(tmp_path):
    from interview_vault.store import UnsafeWriteError, create

    vault = tmp_path / "vault"
    vault.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (vault / "Linked").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafeWriteError, match="outside"):
        create(vault, "Linked/Ama.md", "x\n")
    assert not (tmp_path / "elsewhere" / "Ama.md").exists()


def test_a_crash_mid_write_leaves_the_old_note_whole(tmp_path, monkeypatch):
    from interview_vault.store import load, save

    note = tmp_path / "A.md"
    note.write_text("---\ntype: contact\n---\nThe original.\n")
    loaded = load(tmp_path, "A.md")

    def power_cut(handle):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("os.fsync", power_cut)  # the system's, not ours: the write dies midway
    with pytest.raises(OSError):
        save(loaded, "---\ntype: contact\n---\nHalf of a new text")
    assert note.read_text() == "---\ntype: contact\n---\nThe original.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["A.md"]  # no temporary file left behind
