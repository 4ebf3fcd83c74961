"""Messages name each property as the note writes it: the key found in its front matter
(`introduced-by`, `Referred By`, `Company`), else the vault's first name for it; never the
tool's own name for it (`referred_by`), which the user's notes may not hold at all. Each
through the real CLI on a small vault of real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from spec_vault import TODAY, config, contact, digest_json, interview, note, ok, organization

from interview_vault.cli import cli


def check(root: Path, *args: str) -> list[str]:
    """`vault check` lines, `path:line: severity: message`."""
    result = CliRunner().invoke(cli, ["check", str(root), "--today", TODAY, *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout.splitlines()


def messages(root: Path) -> list[str]:
    return [p["message"] for p in digest_json(root)["problems"]]


def test_a_referrer_without_a_note_is_named_under_the_vaults_name(tmp_path: Path) -> None:
    config(tmp_path, '[properties]\nreferred_by = ["introduced-by"]\n')
    contact(tmp_path, "Ama", 'introduced-by: "[[Ann]]"')
    contact(tmp_path, "Bo", 'Introduced-By: "[[Cy]]"')  # (in other capitals: as written)
    expected = [
        "Contacts/Ama.md:3: warning: introduced-by: [[Ann]] has no note",
        "Contacts/Bo.md:3: warning: Introduced-By: [[Cy]] has no note",
    ]
    assert check(tmp_path) == expected
    # a note that gains its link's note elsewhere is read again from the index: the same
    contact(tmp_path, "Ann")
    assert check(tmp_path) == expected[1:]


def test_a_self_referral_and_a_link_to_two_notes_name_the_property_as_written(
    tmp_path: Path,
) -> None:
    config(tmp_path, '[properties]\nreferred_by = ["introduced-by"]\n')
    contact(tmp_path, "Ama", 'introduced-by: ["[[Ama]]", "[[Sam]]"]')
    note(tmp_path, "Contacts/Sam.md", "type: contact")
    note(tmp_path, "Archive/Sam.md", "type: contact")
    assert messages(tmp_path) == [
        # (and the two notes of one name are a warning of their own)
        "a person's note of the same name is at Contacts/Sam.md: links to the name reach only "
        "this one (the shortest path); merge the two, or rename one",
        "introduced-by: [[Ama]] is this contact; it is left out",
        "introduced-by: [[Sam]] matches 2 notes; using Archive/Sam.md (shortest path), "
        "not Contacts/Sam.md",
    ]


def test_a_likely_typo_is_named_under_the_vaults_name(tmp_path: Path) -> None:
    config(tmp_path, '[properties]\nreferred_by = ["Referred By", "referred_by"]\n')
    contact(tmp_path, "Alex Morgan")
    contact(tmp_path, "Bo", 'Referred By: "[[Alex Morgn]]"')
    meant = "Referred By: [[Alex Morgn]] has no note; did you mean [[Alex Morgan]]?"
    assert messages(tmp_path) == [meant]
    assert check(tmp_path) == [f"Contacts/Bo.md:3: warning: {meant}"]


def test_organizations_without_notes_are_named_as_written_and_still_counted_together(
    tmp_path: Path,
) -> None:
    config(tmp_path, '[properties]\norganization = ["Company", "organization"]\n')
    contact(tmp_path, "Ama", 'Company: "[[Delta]]"')
    assert check(tmp_path) == ["Contacts/Ama.md:3: warning: Company: [[Delta]] has no note"]
    contact(tmp_path, "Bo", 'company: "[[Echo]]"')
    assert check(tmp_path) == [
        "Contacts/Ama.md:3: warning: 2 organizations have no note: Delta, Echo; vault new org NAME"
    ]
    assert check(tmp_path, "--verbose") == [
        "Contacts/Ama.md:3: warning: Company: [[Delta]] has no note",
        "Contacts/Bo.md:3: warning: company: [[Echo]] has no note",
    ]


def test_a_meetings_people_and_referrals_are_named_as_written(tmp_path: Path) -> None:
    config(tmp_path, '[properties]\ncontact = ["People", "contact"]\nreferrals = ["suggested"]\n')
    interview(
        tmp_path,
        "2026-11-20 Lee",
        'people: "[[Lee]]"',
        "date: 2026-11-20",
        "status: done",
        "thanked: true",
        'Suggested: ["[[Sam]]"]',
    )
    assert check(tmp_path) == [
        "Interviews/2026-11-20 Lee.md:3: warning: people: [[Lee]] has no note",
        "Interviews/2026-11-20 Lee.md:7: warning: Suggested: [[Sam]] has no note",
    ]


def test_people_listed_in_the_text_are_named_by_the_vaults_first_name(tmp_path: Path) -> None:
    # (no people property: the name the vault's settings give it first, as they spell it)
    config(tmp_path, '[properties]\ncontact = ["Attendees", "contact"]\n')
    body = "## Attendees\n- [[Lee]]\n\n## Notes\nGrants.\n"
    interview(tmp_path, "2026-11-20 Lee", "date: 2026-11-20", "thanked: true", body=body)
    assert check(tmp_path) == [
        "Interviews/2026-11-20 Lee.md:7: warning: Attendees: [[Lee]] has no note"
    ]


def test_a_talk_still_scheduled_says_to_set_the_status_as_written(tmp_path: Path) -> None:
    contact(tmp_path, "Lee")
    interview(
        tmp_path, "2026-11-20 Lee", 'contact: "[[Lee]]"', "date: 2026-11-20", "Status: scheduled"
    )
    [message] = messages(tmp_path)
    assert message.endswith("(or set `Status: done`); if not, set `Status: cancelled`")


def test_a_property_a_note_lacks_is_named_as_the_settings_spell_it(tmp_path: Path) -> None:
    config(tmp_path, '[properties]\ndate = ["Meeting Date", "date"]\n')
    contact(tmp_path, "Lee")
    interview(tmp_path, "Talk", 'contact: "[[Lee]]"')
    assert messages(tmp_path) == ["interview has no `Meeting Date`"]


def test_the_names_vault_adopt_proposes_are_the_names_messages_use(tmp_path: Path) -> None:
    for name in ("Ana Souza", "Ben Ito", "Samir Haddad"):
        note(tmp_path, f"People/{name}.md", f"Name: {name}", 'Company: "[[Helio Labs]]"')
    note(tmp_path, "People/Lena Wu.md", "Name: Lena Wu", 'Referred By: "[[Ana Souza]]"')
    note(tmp_path, "People/Omar Ali.md", "Name: Omar Ali", 'Referred By: "[[Nobody Here]]"')
    organization(tmp_path, "Helio Labs")
    adopted = CliRunner().invoke(cli, ["adopt", "--write", "--vault", str(tmp_path)])
    assert adopted.exit_code == 0, adopted.output
    assert 'referred_by = ["Referred By", "referred_by"]' in adopted.stdout
    assert check(tmp_path) == [
        "People/Omar Ali.md:3: warning: Referred By: [[Nobody Here]] has no note"
    ]


@pytest.mark.parametrize("key", ["last_interaction", "last-touch", "Last touchpoint", "last_spoke"])
def test_a_last_interaction_is_a_last_contact(tmp_path: Path, key: str) -> None:
    # (a recruiter's vault: `last_interaction: 2026-05-18`, and "Stage: not contacted")
    contact(tmp_path, "Alex Chen", f"{key}: 2026-05-18")
    found = {(i["kind"], i["person"], i["due"]) for i in digest_json(tmp_path)["items"]}
    assert found == {("reconnect", "Alex Chen", "2026-08-16")}


def test_property_names_are_read_in_any_spelling_of_their_words_separators(tmp_path: Path) -> None:
    # (vb-kb writes `last-contacted-at`, `follow-up-due`, `how-we-met`: none was read, and
    # prep said "How you met — Not recorded" of a note saying "Coffee chat")
    contact(tmp_path, "Alice Formwalt", "last-contacted-at: 2026-02-19", "how-we-met: Coffee chat")
    contact(tmp_path, "Bob Greene", "Follow-Up-Due: 2026-11-20", "Replied: [2026-01-05]")
    found = {(i["kind"], i["person"], i["due"]) for i in digest_json(tmp_path)["items"]}
    assert ("reconnect", "Alice Formwalt", "2026-05-20") in found  # (a touch, 90 days on)
    assert ("reconnect", "Bob Greene", "2026-11-20") in found  # (the day chosen)
    prep = ok("prep", "Alice Formwalt", "--vault", str(tmp_path), "--today", TODAY)
    assert "Coffee chat" in prep
    # and a writer edits the property under the note's own spelling, never a second one
    note = tmp_path / "Contacts" / "Alice Formwalt.md"
    ok("log", "contacted", "Alice Formwalt", "--vault", str(tmp_path), "--today", TODAY)
    text = note.read_text()
    assert f"last-contacted-at: {TODAY}\n" in text and "last_contact" not in text
