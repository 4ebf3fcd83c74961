"""Exact edits of a note's text: only what the edit means to change changes."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.errors import EditError, UnsafeWriteError, VaultError
from interview_vault.notes.edit import (
    add_date,
    add_dates,
    add_log_line,
    complete_task,
    set_value,
)
from interview_vault.notes.parse import parse_note

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
        (  # a new list, written as the note's other lists are: at the margin
            "---\ntags:\n- person\ncontacted: '2026-11-01'\n---\n",
            "---\ntags:\n- person\ncontacted:\n- '2026-11-01'\n- 2026-11-26\n---\n",
        ),
        (
            "---\naliases:\n- Ana\n---\n",
            "---\naliases:\n- Ana\ncontacted:\n- 2026-11-26\n---\n",
        ),
    ],
)
def test_add_date_keeps_every_other_byte(before, after):
    assert add_date(before, "contacted", DAY, "A.md") == after
    if "type: contact" in before:
        assert DAY in contacted(after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\ncontacted:\n  - 2026-11-01\n---\n",
         "---\ncontacted:\n  - 2026-11-01\n  - 2026-11-02\n  - 2026-11-03\n---\n"),
        ("---\ncontacted: [2026-11-01]\n---\n",
         "---\ncontacted: [2026-11-01, 2026-11-02, 2026-11-03]\n---\n"),
        ("---\ncontacted: 2026-11-01\n---\n",
         "---\ncontacted:\n  - 2026-11-01\n  - 2026-11-02\n  - 2026-11-03\n---\n"),
        ("---\nname: A\n---\n",
         "---\nname: A\ncontacted:\n  - 2026-11-01\n  - 2026-11-02\n  - 2026-11-03\n---\n"),
    ],
)  # fmt: skip
def test_add_dates_adds_those_missing_in_one_edit(before, after):
    days = [date(2026, 11, 2), date(2026, 11, 1), date(2026, 11, 3), date(2026, 11, 2)]
    assert add_dates(before, "contacted", days, "A.md") == after


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
        # (a task that writes its dates as Dataview fields is done as one too)
        (
            "- [ ] Send the CV [due:: 2026-11-28]",
            "- [x] Send the CV [due:: 2026-11-28] [completion:: 2026-11-26]",
        ),
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


@pytest.mark.parametrize("symbol", ["?", ">", "!", "*"])
def test_complete_task_ticks_any_status_the_digest_reads_as_open(symbol):
    """The Tasks plugin's custom statuses: open unless the vault's settings say otherwise."""
    line = f"- [{symbol}] Send the report 📅 2026-11-30\n"
    assert complete_task(line, 1, DAY, "A.md", "Send the report") == (
        "- [x] Send the report 📅 2026-11-30 ✅ 2026-11-26\n"
    )
    for meaning in ("done", "cancelled", None):  # (None: not a task at all)
        with pytest.raises(EditError, match="not an open task"):
            complete_task(line, 1, DAY, "A.md", statuses={symbol: meaning})


# --- writing notes safely -------------------------------------------------------------------


def test_save_refuses_when_the_note_changed_meanwhile(tmp_path):
    from interview_vault.storage.files import load, save

    note = tmp_path / "A.md"
    note.write_text("---\ntype: contact\n---\n")
    loaded = load(tmp_path, "A.md")
    note.write_text("---\ntype: contact\nrole: edited in Obsidian\n---\n")
    with pytest.raises(UnsafeWriteError, match="changed on disk"):
        save(loaded, "---\ntype: contact\ncontacted: 2026-11-26\n---\n")
    assert "edited in Obsidian" in note.read_text()


def test_save_replaces_atomically_and_leaves_no_temporary(tmp_path):
    from interview_vault.storage.files import load, save

    note = tmp_path / "A.md"
    note.write_bytes(b"old\r\n")
    note.chmod(0o640)
    assert save(load(tmp_path, "A.md"), "new\r\n") is True
    assert note.read_bytes() == b"new\r\n"
    assert note.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["A.md"]


def test_create_never_overwrites(tmp_path):
    from interview_vault.storage.files import create

    create(tmp_path, "Contacts/Ama.md", "first\n")
    with pytest.raises(UnsafeWriteError, match="already exists"):
        create(tmp_path, "Contacts/Ama.md", "second\n")
    assert (tmp_path / "Contacts" / "Ama.md").read_text() == "first\n"


@pytest.mark.parametrize("name", ["../outside.md", "/etc/passwd", "Contacts/../../x.md"])
def test_names_never_escape_the_vault(tmp_path, name):
    from interview_vault.storage.files import create

    vault = tmp_path / "vault"
    vault.mkdir()
    with pytest.raises(UnsafeWriteError):
        create(vault, name, "x\n")


def test_symlinks_out_of_the_vault_are_refused(tmp_path):
    from interview_vault.storage.files import create

    vault = tmp_path / "vault"
    vault.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (vault / "Linked").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafeWriteError, match="outside"):
        create(vault, "Linked/Ama.md", "x\n")
    assert not (tmp_path / "elsewhere" / "Ama.md").exists()


def test_a_crash_mid_write_leaves_the_old_note_whole(tmp_path, monkeypatch):
    from interview_vault.storage.files import load, save

    note = tmp_path / "A.md"
    note.write_text("---\ntype: contact\n---\nThe original.\n")
    loaded = load(tmp_path, "A.md")

    def power_cut(handle):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("os.fsync", power_cut)  # the system's, not ours: the write dies midway
    with pytest.raises(VaultError, match=r"cannot write A\.md: Input/output error"):
        save(loaded, "---\ntype: contact\n---\nHalf of a new text")
    assert note.read_text() == "---\ntype: contact\n---\nThe original.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["A.md"]  # no temporary file left behind


# --- what the review found: edits that must refuse, or land in the right place ----------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "---\nthanked: # date you sent it\nx: 1\n---\n",
            "---\nthanked: 2026-11-26 # date you sent it\nx: 1\n---\n",
        ),
        (
            "---\nx: 1\r\nthanked:\t# c\r\n---\r\n",
            "---\nx: 1\r\nthanked: 2026-11-26 # c\r\n---\r\n",
        ),
    ],
)
def test_set_value_on_an_empty_value_with_a_comment(before, after):
    assert set_value(before, "thanked", "2026-11-26", "I.md") == after


@pytest.mark.parametrize(
    "text",
    [
        "---\nthanked:\n  false\n---\n",
        "---\nthanked: long\n  text\n---\n",
        '---\nthanked: "long\n  text"\n---\n',
        "---\n? thanked\n: no\n---\n",
        '---\n{"type": "interview"}\n---\n',
        "---\n  type: interview\n  x: 1\n---\n",
        '---\nrole: "a\u2028b"\nthanked: false\nx: 1\n---\n',
    ],
)
def test_set_value_refuses_what_it_cannot_edit_safely(text):
    with pytest.raises(EditError):
        set_value(text, "thanked", "2026-11-26", "I.md")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\ncontacted: ~\n---\n", "---\ncontacted:\n  - 2026-11-26\n---\n"),
        (
            "---\ncontacted: null # none yet\n---\n",
            "---\ncontacted: # none yet\n  - 2026-11-26\n---\n",
        ),
    ],
)
def test_add_date_to_a_null_value(before, after):
    assert add_date(before, "contacted", DAY, "A.md") == after


@pytest.mark.parametrize(
    "text",
    [
        "---\ncontacted:\n  -\nx: 1\n---\n",
        "---\ncontacted:\n  - 2026-11-01\n  -\n---\n",
        "---\ncontacted: [2026-11-01, ]\n---\n",
        '---\n{"contacted": "2026-11-01", "x": 1}\n---\n',
        '---\n{"contacted": null}\n---\n',
    ],
)
def test_add_date_refuses_what_it_cannot_edit_safely(text):
    with pytest.raises(EditError):
        add_date(text, "contacted", DAY, "A.md")


def test_complete_task_checks_it_is_the_expected_task():
    text = "- [ ] Send CV\n- [ ] Call Monday\n"
    with pytest.raises(EditError, match="not the task 'Send CV'"):
        complete_task(text, 2, DAY, "A.md", expected="Send CV")
    assert complete_task(text, 1, DAY, "A.md", expected="Send CV").startswith("- [x] Send CV")


def test_a_repeating_task_is_left_to_the_tasks_plugin():
    with pytest.raises(EditError, match="repeats"):
        complete_task("- [ ] Check in 🔁 every month 📅 2026-11-26\n", 1, DAY, "A.md")


def test_a_note_that_is_a_link_inside_the_vault_stays_a_link(tmp_path):
    from interview_vault.storage.files import load, save

    (tmp_path / "People").mkdir()
    (tmp_path / "People" / "Ama.md").write_text("old\n")
    (tmp_path / "Contacts").mkdir()
    (tmp_path / "Contacts" / "Ama.md").symlink_to("../People/Ama.md")
    save(load(tmp_path, "Contacts/Ama.md"), "new\n")
    assert (tmp_path / "Contacts" / "Ama.md").is_symlink()
    assert (tmp_path / "People" / "Ama.md").read_text() == "new\n"


def test_a_note_with_a_very_long_name_can_be_saved(tmp_path):
    from interview_vault.storage.files import load, save

    name = "李" * 80 + ".md"  # 243 bytes: no room for a longer temporary name
    (tmp_path / name).write_text("old\n")
    assert save(load(tmp_path, name), "new\n")
    assert (tmp_path / name).read_text() == "new\n"


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("  * 2026-11-24 coffee with her", "  * 2026-11-26 thanked"),  # (its marker, indent)
        ("2026-11-24: coffee with her", "2026-11-26 thanked"),
        ("### 2026-11-24 - Coffee with her", "- 2026-11-26 thanked"),  # (no heading: a list's)
    ],
)
def test_a_log_line_is_written_after_the_one_it_follows_as_that_one_is(line, written):
    text = f"Intro\n{line}\nMore\n"
    after = add_log_line(text, 2, "2026-11-26 thanked", "Contacts/A.md", "2026-11-24")
    assert after == f"Intro\n{line}\n{written}\nMore\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\ncontacted:\n  - 2026-10-29\n  - 2026-11-10 # chased\nrole: x\n---\n",
         "---\ncontacted:\n  - 2026-10-29\n  - 2026-10-30\n  - 2026-11-08\n  - 2026-11-10 # chased\n  - 2026-11-26\nrole: x\n---\n"),
        ("---\ncontacted:\n- '2026-11-10'\n---\n",
         "---\ncontacted:\n- 2026-10-29\n- 2026-10-30\n- 2026-11-08\n- '2026-11-10'\n- 2026-11-26\n---\n"),
        ("---\ncontacted: [2026-10-29, 2026-11-10]  # two\n---\n",
         "---\ncontacted: [2026-10-29, 2026-10-30, 2026-11-08, 2026-11-10, 2026-11-26]  # two\n---\n"),
        ("---\ncontacted: [\n  2026-10-29,\n  2026-11-10,\n  2026-11-26]\n---\n",
         "---\ncontacted: [\n  2026-10-29,\n  2026-10-30, 2026-11-08, 2026-11-10,\n  2026-11-26]\n---\n"),
        ("---\r\ncontacted:\r\n  - 2026-11-10\r\n---\r\nBody\r\n",
         "---\r\ncontacted:\r\n  - 2026-10-29\r\n  - 2026-10-30\r\n  - 2026-11-08\r\n  - 2026-11-10\r\n  - 2026-11-26\r\n---\r\nBody\r\n"),
        # written out of order, or with an entry that is no date: left as written, the new
        # days at the end
        ("---\ncontacted: [2026-11-10, 2026-10-29]\n---\n",
         "---\ncontacted: [2026-11-10, 2026-10-29, 2026-10-30, 2026-11-08, 2026-11-26]\n---\n"),
        ("---\ncontacted:\n  - 2026-11-10\n  - soon\n---\n",
         "---\ncontacted:\n  - 2026-11-10\n  - soon\n  - 2026-10-29\n  - 2026-10-30\n  - 2026-11-08\n  - 2026-11-26\n---\n"),
    ],
)  # fmt: skip
def test_days_added_to_a_list_in_order_keep_it_in_order(before, after):
    # (an import made `contacted: [2026-11-10, 2026-10-29, 2026-10-30, 2026-11-08]`)
    days = [date(2026, 11, 26), date(2026, 11, 8), date(2026, 10, 30), date(2026, 10, 29)]
    assert add_dates(before, "contacted", days, "A.md") == after
