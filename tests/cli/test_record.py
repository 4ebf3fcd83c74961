"""`vault log`, `vault done`, `vault snooze` on real copies of the template vault."""

from __future__ import annotations

import difflib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import files

from interview_vault.cli import cli

TODAY = "2026-11-26"


def run(vault: Path, *args: str):
    """`vault ARGS... --vault VAULT`."""
    return CliRunner().invoke(cli, [*args, "--vault", str(vault)])


def items(vault: Path, today: str = TODAY) -> list[dict]:
    result = CliRunner().invoke(cli, ["digest", str(vault), "--today", today, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["items"]


def item(vault: Path, kind: str, person: str) -> dict:
    (found,) = [i for i in items(vault) if i["kind"] == kind and i["person"] == person]
    return found


def added_lines(before: str, after: str) -> list[str]:
    """What an edit added; fails if it removed or changed anything."""
    diff = list(difflib.ndiff(before.splitlines(True), after.splitlines(True)))
    assert not [line for line in diff if line.startswith("- ")], "".join(diff)
    return [line[2:] for line in diff if line.startswith("+ ")]


def test_log_contacted_adds_today_and_nothing_else(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    before = note.read_text()
    result = run(vault, "log", "contacted", "ama agyapong", "--date", "2026-11-28")
    assert result.exit_code == 0, result.output
    assert "contacted on 2026-11-28" in result.output
    assert added_lines(before, note.read_text()) == ["  - 2026-11-28\n"]


@pytest.mark.parametrize(
    ("stamp", "after"),
    [
        ("last_contact: 2026-10-02", "last_contact: 2026-11-20"),  # moved on
        ("Last Contact:", "Last Contact: 2026-11-20"),  # the template's, left empty
        ("last_contact: 2026-11-24", "last_contact: 2026-11-24"),  # a later day stays
        ("last_contact: soon", "last_contact: soon"),  # no date: the user's
        ('Last Contact: "[[2026-10-01]]"', 'Last Contact: "[[2026-11-20]]"'),  # (as written)
    ],
)
def test_log_keeps_the_vaults_own_last_contact_current(tmp_path, stamp, after):
    # a recruiter tracker's Bases views sort by `last_contact`: `vault log` moves it too
    note = tmp_path / "Contacts" / "Jordan Reyes.md"
    note.parent.mkdir()
    note.write_text(f"---\ntype: contact\n{stamp}\nnext_follow_up: 2026-10-05\n---\n")
    result = run(tmp_path, "log", "contacted", "Jordan Reyes", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert note.read_text() == (
        f"---\ntype: contact\n{after}\nnext_follow_up: 2026-10-05\ncontacted:\n  - 2026-11-20\n---\n"
    )
    moved = "; its last contact moved to 2026-11-20" if stamp != after else ""
    assert result.output == f"Contacts/Jordan Reyes.md: contacted on 2026-11-20{moved}\n"


def test_log_contacted_after_a_talk_not_yet_thanked_is_its_thank_you(tmp_path):
    # as the digest reads a line "- 2026-11-24 emailed Jason" and as the mail import does
    (tmp_path / ".vault").mkdir()
    (tmp_path / "Contacts").mkdir()
    (tmp_path / "Interviews").mkdir()
    contact = tmp_path / "Contacts" / "Jason Hurlbut.md"
    contact.write_text("---\ntype: contact\n---\n")
    talk = tmp_path / "Interviews" / "2026-11-20 Jason Hurlbut.md"
    talk.write_text(
        '---\ntype: interview\ncontact: "[[Jason Hurlbut]]"\ndate: 2026-11-20\nstatus: done\n---\n'
        "## Notes\nOk.\n"
    )
    assert item(tmp_path, "thank-you", "Jason Hurlbut")
    result = run(tmp_path, "log", "contacted", "Jason Hurlbut", "--date", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Interviews/2026-11-20 Jason Hurlbut.md: thanked on 2026-11-24 (writing to Jason "
        "Hurlbut after your talk on 2026-11-20 thanks them for it)\n"
    )
    assert "thanked: 2026-11-24" in talk.read_text()
    assert contact.read_text() == "---\ntype: contact\n---\n"
    assert [i["kind"] for i in items(tmp_path)] == []


def test_log_contacted_after_a_talk_with_several_says_whose_thank_yous_end_too(tmp_path):
    (tmp_path / ".vault").mkdir()
    for name in ("Jason Hurlbut", "Ana Souza"):
        (tmp_path / "Contacts").mkdir(exist_ok=True)
        (tmp_path / "Contacts" / f"{name}.md").write_text("---\ntype: contact\n---\n")
    (tmp_path / "Interviews").mkdir()
    (tmp_path / "Interviews" / "2026-11-20 Kickoff.md").write_text(
        '---\ntype: interview\ncontact: ["[[Jason Hurlbut]]", "[[Ana Souza]]"]\n'
        "date: 2026-11-20\nstatus: done\n---\n## Notes\nOk.\n"
    )
    result = run(tmp_path, "log", "contacted", "Jason Hurlbut", "--date", "2026-11-24")
    assert result.output == (
        "Interviews/2026-11-20 Kickoff.md: thanked on 2026-11-24 (writing to Jason Hurlbut "
        "after your talk on 2026-11-20 thanks them for it; the thank-you to Ana Souza is "
        "ended too)\n"
    )


def test_log_replied_stops_the_follow_up(vault):
    assert item(vault, "follow-up", "Ama Agyapong")
    run(vault, "log", "replied", "Ama Agyapong", "--date", "2026-11-25")
    assert not [i for i in items(vault) if i["kind"] == "follow-up"]


def test_log_declined_sets_the_date(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    run(vault, "log", "declined", "Ama Agyapong", "--date", "2026-11-26")
    assert "declined: 2026-11-26" in note.read_text()
    assert not [i for i in items(vault) if i["person"] == "Ama Agyapong"]


def test_log_thanked_by_interview_or_by_person(vault):
    interview = vault / "Interviews" / "2026-11-20 Lee Chen.md"
    before = interview.read_text()
    result = run(vault, "log", "thanked", "Lee Chen", "--date", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert without_property(interview.read_text(), "thanked") == without_property(before, "thanked")
    assert "thanked: 2026-11-26" in interview.read_text()
    assert not [i for i in items(vault) if i["kind"] == "thank-you"]


def test_unknown_or_ambiguous_names_are_errors_with_candidates(vault):
    result = run(vault, "log", "contacted", "Ama Agyapog")
    assert result.exit_code == 1
    assert 'no contact note named "Ama Agyapog"; did you mean Ama Agyapong' in result.stderr
    (vault / "Contacts" / "Elsewhere").mkdir()
    shutil.copy(vault / "Contacts" / "Ama Agyapong.md", vault / "Contacts" / "Elsewhere")
    result = run(vault, "log", "contacted", "Ama Agyapong")
    assert result.exit_code == 1
    assert (
        "matches 2 notes" in result.stderr and "Contacts/Elsewhere/Ama Agyapong.md" in result.stderr
    )


def test_a_note_with_invalid_front_matter_is_never_rewritten(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    broken = note.read_text().replace("type: contact", "type: contact\nrole: [unclosed", 1)
    note.write_text(broken)
    result = run(vault, "log", "contacted", "Ama Agyapong")
    assert result.exit_code == 1
    assert note.read_text() == broken


def test_done_thank_you_sets_thanked(vault):
    found = item(vault, "thank-you", "Lee Chen")
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 0, result.output
    text = (vault / found["note"]).read_text()
    assert "thanked: 2026-11-26" in text
    assert found["id"] not in {i["id"] for i in items(vault)}


def test_done_commitment_ticks_the_task_as_the_tasks_plugin_does(vault):
    found = item(vault, "commitment", "Priya Raman")
    note = vault / found["note"]
    before = note.read_text().splitlines()
    assert run(vault, "done", found["id"], "--today", TODAY).exit_code == 0
    after = note.read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    old, new = changed[0]
    assert old.replace("[ ]", "[x]", 1) + " ✅ 2026-11-26" == new
    assert found["id"] not in {i["id"] for i in items(vault)}


def test_done_follow_up_records_the_new_request(vault):
    found = item(vault, "follow-up", "Ama Agyapong")
    run(vault, "done", found["id"], "--today", TODAY)
    assert "2026-11-26" in (vault / found["note"]).read_text()
    again = [i for i in items(vault) if i["kind"] == "follow-up"]
    assert again and again[0]["text"].endswith("(second request)")


def test_done_reconnect_records_a_touch_not_a_request(vault):
    # before: it added today to `contacted`, and a week later the digest said "Follow up
    # with Dr. Maya Ortiz: no reply since you wrote" for a word to keep in touch
    note = vault / "Contacts" / "Maya Ortiz.md"
    before = note.read_text()
    found = item(vault, "reconnect", "Dr. Maya Ortiz")
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.output == "Contacts/Maya Ortiz.md: in touch: last contact on 2026-11-26\n"
    assert added_lines(before, note.read_text()) == ["last_contact: 2026-11-26\n"]
    later = [(i["kind"], i["person"]) for i in items(vault, "2026-12-20")]
    assert ("follow-up", "Dr. Maya Ortiz") not in later
    assert ("reconnect", "Dr. Maya Ortiz") not in later
    # a last contact written earlier moves; a later one stays
    note.write_text(before.replace("---\n", "---\nlast_contact: 2026-01-05\n", 1))
    run(vault, "done", found["id"], "--today", TODAY)
    assert "last_contact: 2026-11-26\n" in note.read_text()


def test_a_last_contact_that_is_no_single_date_is_refused_by_done_and_left_by_log(tmp_path):
    # (a review: a one-date list made `done` on the reconnect fail with "not a single value"
    # and `log contacted` fail as a whole; a word would have said "already recorded")
    note = tmp_path / "People" / "Eve Po.md"
    note.parent.mkdir()
    for value in ("\n  - 2026-01-05", " soon"):
        note.write_text(f"---\ntype: contact\nlast_contact:{value}\nkeep_in_touch: 60\n---\n")
        if value == " soon":
            note.write_text(
                note.read_text().replace("keep_in_touch", "replied: 2026-01-05\nkeep_in_touch")
            )
        (found,) = [i for i in items(tmp_path, "2026-11-25") if i["kind"] == "reconnect"]
        before = note.read_text()
        result = run(tmp_path, "done", found["id"], "--today", "2026-11-25")
        assert result.exit_code == 1 and note.read_text() == before
        assert "People/Eve Po.md: last_contact " in result.stderr
        assert "not one date: write 2026-11-25 by hand" in result.stderr
        result = run(tmp_path, "log", "contacted", "Eve Po", "--date", "2026-11-25")
        assert result.exit_code == 0, result.output
        assert added_lines(before, note.read_text()) == ["contacted:\n", "  - 2026-11-25\n"]


def test_done_prepare_says_what_ends_it_and_changes_nothing(vault):
    # before: "nothing to tick: ..." and exit 0, as if it were done
    found = item(vault, "prepare", "Jordan Reyes")
    before = files(vault)
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"vault: {found['id']} goes by itself once {found['note']} has your goals, research "
        'and questions (vault prep "Jordan Reyes" gathers what you know)\n'
    )
    assert files(vault) == before


def test_done_with_an_unknown_id(vault):
    result = run(vault, "done", "zzzzzz", "--today", TODAY)
    assert result.exit_code == 1
    assert "no item 'zzzzzz'" in result.stderr


def test_snooze_hides_an_item_until_its_day(vault):
    found = item(vault, "reconnect", "Dr. Maya Ortiz")
    result = run(vault, "snooze", found["id"], "--for", "3d", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert found["id"] not in {i["id"] for i in items(vault)}
    assert found["id"] not in {i["id"] for i in items(vault, "2026-11-28")}
    assert found["id"] in {i["id"] for i in items(vault, "2026-11-29")}
    line = (vault / ".vault" / "snoozes.txt").read_text().splitlines()[-1]
    assert line.startswith(f"{found['id']} 2026-11-29  # Reconnect with Dr. Maya Ortiz")


def test_snoozes_expire_from_the_file(vault):
    first = item(vault, "reconnect", "Dr. Maya Ortiz")
    second = item(vault, "follow-up", "Ama Agyapong")
    run(vault, "snooze", first["id"], "--until", "2026-11-27", "--today", TODAY)
    run(vault, "snooze", second["id"], "--until", "2026-12-05", "--today", "2026-11-28")
    text = (vault / ".vault" / "snoozes.txt").read_text()
    assert first["id"] not in text and second["id"] in text


def test_snooze_needs_a_later_day(vault):
    found = item(vault, "reconnect", "Dr. Maya Ortiz")
    result = run(vault, "snooze", found["id"], "--until", "2026-11-20", "--today", TODAY)
    assert result.exit_code == 1
    assert run(vault, "snooze", found["id"], "--today", TODAY).exit_code == 2


def without_property(text: str, key: str) -> str:
    """The note's text with one property's lines (its key line and list entries) taken out."""
    kept, inside = [], False
    for line in text.splitlines(True):
        if line.startswith(f"{key}:"):
            inside = True
            continue
        if inside and line.startswith(("  - ", "- ")):
            continue
        inside = False
        kept.append(line)
    return "".join(kept)


def test_every_template_note_survives_an_edit_byte_for_byte(vault):
    from interview_vault.notes.parse import parse_note

    notes = sorted((vault / "Contacts").glob("*.md")) + sorted((vault / "Interviews").glob("*.md"))
    assert len(notes) >= 8
    for note in notes:
        before = note.read_text()
        key = "contacted" if note.parent.name == "Contacts" else "thanked"
        command = "contacted" if key == "contacted" else "thanked"
        result = run(
            vault, "log", command, note.stem, "--date", "2027-01-02", "--today", "2027-01-02"
        )
        assert result.exit_code == 0, result.output
        after = note.read_text()
        assert without_property(after, key) == without_property(before, key), note.name
        record = parse_note(note.name, after.encode()).record
        if key == "contacted":
            assert date(2027, 1, 2) in record.contacted
        else:
            assert record.thanked_on == date(2027, 1, 2)


def test_crlf_notes_stay_crlf(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    note.write_bytes(note.read_bytes().replace(b"\n", b"\r\n"))
    run(vault, "log", "contacted", "Ama Agyapong", "--date", "2026-11-28")
    data = note.read_bytes()
    assert b"  - 2026-11-28\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_the_date_defaults_to_today(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    run(vault, "log", "replied", "Ama Agyapong")
    assert f"  - {date.today().isoformat()}" in note.read_text()


def test_log_met_completes_the_interview_of_that_day(vault):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    before = note.read_text()
    result = run(vault, "log", "met", "Jordan Reyes", "--date", "2026-11-30")
    assert result.exit_code == 0, result.output
    after = note.read_text()
    assert "status: done" in after
    assert without_property(after, "status") == without_property(before, "status")


def test_log_met_creates_the_interview_note_when_there_is_none(vault):
    from interview_vault.notes.parse import parse_note

    result = run(vault, "log", "met", "Ama Agyapong", "--date", "2026-11-25")
    assert result.exit_code == 0, result.output
    note = vault / "Interviews" / "2026-11-25 Ama Agyapong.md"
    interview = parse_note(note.name, note.read_bytes()).record
    assert interview.status == "done"
    assert interview.date == date(2026, 11, 25)
    assert [link.target for link in interview.contacts] == ["Ama Agyapong"]
    kinds = {
        i["kind"] for i in items(vault) if i["note"] == "Interviews/2026-11-25 Ama Agyapong.md"
    }
    assert "thank-you" in kinds


def test_log_met_creates_the_talk_with_a_person_kept_in_a_folder_note(tmp_path):
    # (vb-kb: each person is `person@slug/index.md`; `log met` asked for "index", which 46
    # notes are, and `new interview` made "Interviews/2026-12-05 index.md")
    for slug, name in (("alice-formwalt", "Alice Formwalt"), ("bob-greene", "Bob Greene")):
        note = tmp_path / "people" / f"person@{slug}" / "index.md"
        note.parent.mkdir(parents=True)
        note.write_text(f"---\ntype: contact\n---\n# {name}\n")
    met = ("log", "met", "Alice Formwalt", "--date", "2026-12-05", "--today", "2026-12-07")
    result = run(tmp_path, *met)
    assert result.exit_code == 0, result.output
    talk = tmp_path / "Interviews" / "2026-12-05 Alice Formwalt.md"
    assert "[[people/person@alice-formwalt/index|Alice Formwalt]]" in talk.read_text()
    found = items(tmp_path, "2026-12-07")
    assert [i["person"] for i in found if i["kind"] == "thank-you"] == ["Alice Formwalt"]


@pytest.mark.parametrize("what", ["met", "contacted"])
def test_log_refuses_a_day_after_today(vault, what):
    # before: `log met --date` after today wrote a talk as held (status done), which the
    # chains and the statistics then counted
    before = files(vault)
    result = run(vault, "log", what, "Ama Agyapong", "--date", "2026-12-20", "--today", TODAY)
    assert result.exit_code == 1 and result.stdout == ""
    plan = '; to plan a talk: vault new interview "Ama Agyapong" --date 2026-12-20'
    assert result.stderr == (
        f"vault: 2026-12-20 is after today ({TODAY}): log records what happened"
        f"{plan if what == 'met' else ''}\n"
    )
    assert files(vault) == before


def test_log_names_how_to_make_the_note_of_someone_referred(vault):
    # before: 'no contact note named "Sam Park"; did you mean Nadia Park?'
    result = run(vault, "log", "contacted", "Sam Park", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        'vault: Sam Park has no contact note yet; make one: vault new contact "Sam Park" '
        '--referred-by "Lee Chen" (or vault done ID on their reach-out item, which makes it '
        "and records the request)\n"
    )


def test_log_met_is_today_without_a_date(vault):
    result = run(vault, "log", "met", "Ama Agyapong")
    assert result.exit_code == 0, result.output
    assert (vault / "Interviews" / f"{date.today().isoformat()} Ama Agyapong.md").is_file()


def test_done_reach_out_creates_the_contact_note_and_records_the_request(vault):
    from interview_vault.notes.parse import parse_note

    found = item(vault, "reach-out", "Sam Park")
    result = run(vault, "done", found["id"], "--today", TODAY)
    assert result.exit_code == 0, result.output
    note = vault / "Contacts" / "Sam Park.md"
    contact = parse_note(note.name, note.read_bytes()).record
    assert [link.target for link in contact.referred_by] == ["Lee Chen"]
    assert contact.contacted == (date(2026, 11, 26),)
    assert found["id"] not in {i["id"] for i in items(vault)}
    assert not [i for i in items(vault) if i["kind"] == "reach-out" and i["person"] == "Sam Park"]


def test_snoozing_keeps_hand_written_lines_and_reads_any_case(vault):
    first = item(vault, "reconnect", "Dr. Maya Ortiz")
    second = item(vault, "follow-up", "Ama Agyapong")
    path = vault / ".vault" / "snoozes.txt"
    path.write_text(f"# my own note\n{first['id'].upper()} 2026-12-01\nsomething I typed\n")
    assert first["id"] not in {i["id"] for i in items(vault)}  # upper case is read too
    run(vault, "snooze", second["id"], "--for", "2d", "--today", TODAY)
    lines = path.read_text().splitlines()
    assert lines[:3] == ["# my own note", f"{first['id'].upper()} 2026-12-01", "something I typed"]
    assert lines[3].startswith(f"{second['id']} 2026-11-28")


@pytest.mark.parametrize("typed", ["ama agyapog", "Ama", "ama"])
def test_suggestions_ignore_case_and_take_first_names(vault, typed):
    result = run(vault, "log", "contacted", typed)
    assert result.exit_code == 1
    assert "did you mean Ama Agyapong" in result.stderr


def test_a_note_that_cannot_be_read_is_named_as_such_not_as_missing(vault):
    note = vault / "Contacts" / "Ama Agyapong.md"
    note.write_text(note.read_text().replace("type: contact", 'type: contact\nrole: "unclosed', 1))
    result = run(vault, "log", "contacted", "Ama Agyapong")
    assert result.exit_code == 1
    assert "Contacts/Ama Agyapong.md:" in result.stderr and "invalid YAML" in result.stderr
    assert "fix it first" in result.stderr


def test_log_contacted_that_thanks_a_talk_moves_last_contact_too(tmp_path):
    contacts, talks = tmp_path / "Contacts", tmp_path / "Interviews"
    contacts.mkdir()
    talks.mkdir()
    (contacts / "Ana Souza.md").write_text("---\ntype: contact\nlast_contact: 2026-10-01\n---\n")
    (talks / "2026-11-19 Ana Souza.md").write_text(
        '---\ntype: interview\ncontact: "[[Ana Souza]]"\ndate: 2026-11-19\nstatus: done\n---\n'
    )
    result = run(tmp_path, "log", "contacted", "Ana Souza", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "thanked on 2026-11-20" in result.output
    assert "last_contact: 2026-11-20\n" in (contacts / "Ana Souza.md").read_text()
