"""`vault prep`: the preparation sheet, and the section reading it relies on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import TEMPLATE

from interview_vault.app.prep import DEFAULT_QUESTIONS
from interview_vault.cli import cli
from interview_vault.notes.sections import (
    nest_headings,
    read_note_text,
    section_entries,
    section_text,
    without_fields,
)

SECTIONS = (
    "## Who they are",
    "## How you met",
    "## Organization",
    "## Past meetings",
    "## Open commitments",
    "## Questions",
)


def prep(vault: Path, name: str) -> Result:
    return CliRunner().invoke(cli, ["prep", name, "--vault", str(vault), "--today", "2026-11-26"])


def section(sheet: str, heading: str) -> str:
    """The text under a `## ` heading of the sheet, to the next one."""
    start = sheet.index(heading + "\n") + len(heading) + 1
    end = sheet.find("\n## ", start)
    return sheet[start : end if end != -1 else len(sheet)]


def add_line(note: Path, line: str) -> None:
    note.write_text(note.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_sheet_has_every_section_in_order(vault):
    result = prep(vault, "Jordan Reyes")
    assert result.exit_code == 0, result.output
    sheet = result.stdout
    assert sheet.startswith("# Preparing to talk with Jordan Reyes\n\n")
    positions = [sheet.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)


def test_sheet_names_the_next_talk(vault):
    sheet = prep(vault, "Jordan Reyes").stdout
    assert (
        "Next talk: 2026-11-30 at 15:00 (video, 30 minutes), [[2026-11-30 Jordan Reyes]]." in sheet
    )
    assert "No talk with Lee Chen is scheduled." in prep(vault, "Lee Chen").stdout


def test_who_they_are(vault):
    who = section(prep(vault, "Lee Chen").stdout, "## Who they are")
    assert "- Role: Director of Science Policy\n" in who
    assert "- Field: science policy\n" in who
    assert "- Organization: [[Center for Science Policy]]\n" in who
    assert "- Stage: met\n" in who
    assert "### About\n- Former chemist" in who


def test_how_you_met_runs_the_chain_to_its_root(vault):
    met = section(prep(vault, "Ama Agyapong").stdout, "## How you met")
    assert met.startswith(
        "- [[Maya Ortiz|Dr. Maya Ortiz]] (met) → [[Lee Chen]] (met) → "
        "[[Ama Agyapong]] (awaiting reply)\n"
    )
    assert "- How you found Dr. Maya Ortiz: Career center drop-in hours\n" in met
    assert "- Also suggested by: Priya Raman" in met


def test_how_you_met_without_a_referrer_gives_the_source(vault):
    met = section(prep(vault, "Jordan Reyes").stdout, "## How you met")
    assert met.strip() == "- How you found them: LinkedIn alumni search"


def test_how_you_met_in_the_notes_own_words(vault):
    # (sasky/courage: "## How We Met / Met at a tech conference in Wellington", and prep
    # said "Not recorded: add `referred_by` or `source`")
    add_line(vault / "Contacts" / "Ama Agyapong.md", "\n## How We Met\nAt a conference in Accra.")
    how = section(prep(vault, "Ama Agyapong").stdout, "## How you met")
    assert "At a conference in Accra." in how  # (after her chain)
    (vault / "Contacts" / "Zoe Park.md").write_text(
        "---\ntype: contact\n---\n## How We Met\nAt a meetup in Lisbon.\n", encoding="utf-8"
    )
    how = section(prep(vault, "Zoe Park").stdout, "## How you met")
    assert how.strip() == "At a meetup in Lisbon."  # (no chain, no source: not "Not recorded")


def test_organization_note_properties_and_body(vault):
    organization = prep(vault, "Lee Chen").stdout.split(
        "## Organization: Center for Science Policy\n"
    )[1]
    organization = organization.split("\n## ", 1)[0]
    assert "- website: https://example.org/science-policy\n" in organization
    assert "- target: yes\n" in organization
    assert "type:" not in organization
    assert "### What they do\n- Nonpartisan research center" in organization
    assert "### Notes\n- Lee Chen directs the science policy program here." in organization


def test_queries_are_left_out_of_the_sheet(vault):
    # (a Dataview or Tasks query is the vault's to run, not text to read before a talk)
    note = vault / "Organizations" / "Center for Science Policy.md"
    add_line(note, "\n## People there\n```dataview\nTABLE role FROM #person\n```\n- Ask Lee")
    add_line(note, "~~~tasks\nnot done\n~~~\n```python\nprint('kept')\n```")
    sheet = prep(vault, "Lee Chen").stdout
    assert "TABLE role" not in sheet and "not done" not in sheet and "dataview" not in sheet
    assert "### People there\n- Ask Lee" in sheet and "print('kept')" in sheet


def test_inline_queries_that_only_show_a_property_are_left_out(vault):
    # (a vault's template: `| Type | `= this.company_type` |`, shown as written)
    note = vault / "Organizations" / "Center for Science Policy.md"
    add_line(note, "\n## Facts\n| Field | Value |\n|---|---|\n| Type | `= this.company_type` |")
    add_line(note, "Owner: `$= dv.current().owner`\n- Founded `= this.founded` years ago")
    sheet = prep(vault, "Lee Chen").stdout
    assert "this.company_type" not in sheet and "dv.current" not in sheet
    assert "| Field | Value |" in sheet  # (the table's head stays: it says what it holds)
    assert "- Founded `= this.founded` years ago" in sheet  # (a sentence needs it)


def test_organization_without_a_note(vault):
    sheet = prep(vault, "Jordan Reyes").stdout
    assert (
        "## Organization: Helix Biosciences\n- No organization note for Helix Biosciences yet."
        in sheet
    )


def test_past_meetings_with_their_notes(vault):
    past = section(prep(vault, "Lee Chen").stdout, "## Past meetings")
    assert "### 2026-11-20: [[2026-11-20 Lee Chen]]\n- Analysts spend most of the week" in past
    assert "- Referrals: Ama Agyapong, Sam Park" in past
    assert section(prep(vault, "Jordan Reyes").stdout, "## Past meetings").strip() == "- None yet."


def test_past_meetings_without_a_notes_heading_show_what_is_written(vault):
    # the digest takes such a meeting as written up (no record-notes item): so does prep
    (vault / "Interviews" / "2026-11-10 Jordan Reyes.md").write_text(
        '---\ntype: interview\ncontact: "[[Jordan Reyes]]"\ndate: 2026-11-10\nstatus: done\n---\n'
        "## Info\n- [topic:: ]\n## Agenda\n1.\n2.\n## Talk\n- Discussed the book [[Out of Control]]\n",
        encoding="utf-8",
    )
    past = section(prep(vault, "Jordan Reyes").stdout, "## Past meetings")
    # (but for its field lines and what a template left to fill)
    assert "### 2026-11-10: [[2026-11-10 Jordan Reyes]]\n#### Talk\n- Discussed the book" in past
    assert "No notes written" not in past


def test_a_talk_a_log_line_tells_of_shows_that_line(vault):
    # (each row of a log table showed the contact note's own Notes section again)
    note = vault / "Contacts" / "Jordan Reyes.md"
    add_line(note, "\n## Interaction Log\n\n| Date | Type | Summary |\n|---|---|---|")
    add_line(
        note, "| 2026-11-04 | Coffee | Talked about lab careers |\n- 2026-11-10 met her at the expo"
    )
    past = section(prep(vault, "Jordan Reyes").stdout, "## Past meetings")
    assert "\n- 2026-11-04 · Coffee · Talked about lab careers\n" in past
    assert "\n- 2026-11-10 met her at the expo" in past
    assert past.count("### ") == 2 and "No notes written" not in past


def test_commitments_of_a_talk_with_several_are_each_ones_as_the_digest_reads_them(vault):
    (vault / "Interviews" / "2026-11-12 Panel.md").write_text(
        '---\ntype: interview\ncontact: ["[[Lee Chen]]", "[[Jordan Reyes]]"]\n'
        "date: 2026-11-12\nstatus: done\n---\n## Notes\nOk.\n"
        "- [ ] Jordan - send the reading list\n- [ ] Lee - share the fellowship call\n"
        "- [ ] Send both the slides\n",
        encoding="utf-8",
    )
    commitments = section(prep(vault, "Lee Chen").stdout, "## Open commitments")
    assert "- send the reading list" not in commitments  # (Jordan's: waited on in the digest)
    yours, theirs = commitments.split("### They promised\n")
    assert "Send both the slides, in [[2026-11-12 Panel]]" in yours
    assert "share the fellowship call" in theirs and "share the fellowship call" not in yours


def test_past_meetings_leave_out_the_next_and_cancelled_ones(vault):
    (vault / "Interviews" / "2026-11-10 Jordan Reyes.md").write_text(
        '---\ntype: interview\ncontact: "[[Jordan Reyes]]"\ndate: 2026-11-10\nstatus: cancelled\n---\n'
        "## Notes\n- Never happened.\n- [ ] Bring the cancelled promise\n",
        encoding="utf-8",
    )
    sheet = prep(vault, "Jordan Reyes").stdout
    assert "Never happened" not in sheet
    assert "cancelled promise" not in sheet
    assert "2026-11-30 Jordan Reyes" not in section(sheet, "## Past meetings")


def test_commitments_both_ways(vault):
    add_line(
        vault / "Contacts" / "Lee Chen.md", "- [ ] Lee to send me the fellowship call 📅 2026-12-05"
    )
    add_line(vault / "Interviews" / "2026-11-20 Lee Chen.md", "- [ ] Intro to Sam Park #waiting")
    commitments = section(prep(vault, "Lee Chen").stdout, "## Open commitments")
    yours, theirs = commitments.split("### They promised\n")
    assert yours == (
        "\n### You promised\n"
        "- Invite Lee to the department's science policy seminar in the spring, in [[Lee Chen]]\n"
        "- Send Lee the article on state science advisers we talked about (due 2026-11-27), "
        "in [[2026-11-20 Lee Chen]]\n"
        "- Read the Center's report on research security (due 2026-12-01), in [[2026-11-20 Lee Chen]]\n\n"
    )
    assert theirs == (
        "- Lee to send me the fellowship call (due 2026-12-05), in [[Lee Chen]]\n"
        "- Intro to Sam Park, in [[2026-11-20 Lee Chen]]\n"
    )
    assert "Connect with Lee on LinkedIn" not in commitments  # done


def test_commitments_in_other_notes_are_those_the_digest_lists(vault):
    # (a second trial: the digest said "Waiting on Alice Chen: sign-off (in Deploy to
    # Staging)", her prep sheet "They promised - Nothing open")
    (vault / "Deploy to Staging.md").write_text(
        "# Deploy\n- [ ] [[Ama Agyapong]] sign-off\n- [ ] Send [[Ama Agyapong]] the runbook\n"
        "- [ ] Send [[Lee Chen]] and [[Ama Agyapong]] the notes\n",  # (Lee's, the first)
        encoding="utf-8",
    )
    commitments = section(prep(vault, "Ama Agyapong").stdout, "## Open commitments")
    assert commitments == (
        "\n### You promised\n- Send Ama Agyapong the runbook, in [[Deploy to Staging]]\n\n"
        "### They promised\n- Ama Agyapong sign-off, in [[Deploy to Staging]]\n"
    )
    # (a review: and not where the digest reads no promise anywhere)
    config = vault / ".vault" / "config.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "commitments_anywhere = true", "commitments_anywhere = false"
        ),
        encoding="utf-8",
    )
    commitments = section(prep(vault, "Ama Agyapong").stdout, "## Open commitments")
    assert commitments.count("- Nothing open.") == 2


def test_no_commitments(vault):
    commitments = section(prep(vault, "Ama Agyapong").stdout, "## Open commitments")
    assert commitments.count("- Nothing open.") == 2


def test_prepared_questions_and_suggestions_when_too_few(vault):
    questions = section(prep(vault, "Jordan Reyes").stdout, "## Questions")
    assert "### Goals\n- Learn how policy work in a company differs" in questions
    assert "### Research\n- Not written yet." in questions
    assert (
        "### Prepared\n- How did you get into government affairs?\n"
        "- What does a typical week look like for you?\n" in questions
    )
    assert "### Suggested (you have 2, aim for at least 3)\n" in questions
    suggested = questions.split("### Suggested", 1)[1].splitlines()[1:]
    assert suggested == [f"- {q}" for q in DEFAULT_QUESTIONS]


def test_no_suggestions_once_enough_questions_are_prepared(vault):
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8").replace(
        "- What does a typical week look like for you?\n",
        "- What does a typical week look like for you?\n- [ ] Which teams hire juniors?\n",
    )
    note.write_text(text, encoding="utf-8")
    questions = section(prep(vault, "Jordan Reyes").stdout, "## Questions")
    assert "- Which teams hire juniors?" in questions
    assert "Suggested" not in questions


def test_suggestions_follow_min_questions(vault):
    (vault / ".vault" / "config.toml").write_text("[digest]\nmin_questions = 2\n", encoding="utf-8")
    assert "Suggested" not in prep(vault, "Jordan Reyes").stdout


def test_a_templates_question_left_as_it_gives_it_is_not_yours(vault):
    # (a two-week trial: prep listed the template's 12 questions as "Prepared" while the
    # digest said "prepare at least 3 questions (you have 0)")
    note = vault / "Interviews" / "2026-11-30 Jordan Reyes.md"
    text = note.read_text(encoding="utf-8").replace(
        "- How did you get into government affairs?", "- How did you get started in this field?"
    )
    note.write_text(text, encoding="utf-8")
    questions = section(prep(vault, "Jordan Reyes").stdout, "## Questions")
    assert "### Prepared\n- What does a typical week look like for you?\n\n" in questions
    assert (
        "### Suggested (you have 1, aim for at least 3; the note has the template's as it "
        "gives them: edit them to make them yours)\n"
    ) in questions


def test_default_questions_are_the_templates(vault):
    template = read_note_text((TEMPLATE / "Templates" / "Interview.md").read_text(encoding="utf-8"))
    assert tuple(template.entries("questions")) == DEFAULT_QUESTIONS


def test_someone_without_a_note(vault):
    result = prep(vault, "Sam Park")
    assert result.exit_code == 0, result.output
    assert "## Who they are\n- Sam Park has no contact note yet.\n" in result.stdout
    assert "→ [[Lee Chen]] (met) → Sam Park (no note)" in result.stdout


def test_unknown_name_is_one_line(vault):
    result = prep(vault, "Jordan")
    assert result.exit_code == 1
    assert result.stderr == 'vault: no contact named "Jordan"; did you mean Jordan Reyes?\n'
    assert result.stdout == ""


def test_prep_help_has_an_example():
    result = CliRunner().invoke(cli, ["prep", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_prep_never_changes_a_note(vault):
    before = {p: p.read_bytes() for p in vault.rglob("*.md")}
    assert prep(vault, "Lee Chen").exit_code == 0
    assert {p: p.read_bytes() for p in vault.rglob("*.md")} == before


# --- reading sections -----------------------------------------------------------------------

BODY = """\
# Talk
## Notes
- First point
```
## Notes
- not a heading, not an entry
```
### Detail
More text
## Questions
- [x] Asked one?
  - Nested one?
# Notes:
Second section
"""


def test_section_runs_to_the_next_heading_of_its_level_and_skips_code():
    text = section_text(BODY, "notes")
    assert text.startswith("- First point\n```\n## Notes\n")
    assert "### Detail\nMore text" in text
    assert "Asked one" not in text
    assert text.endswith("\n\nSecond section")  # a second Notes section is joined


def test_section_entries_are_items_and_paragraphs_outside_code():
    assert section_entries(BODY, "notes") == ["First point", "More text", "Second section"]
    assert section_entries(BODY, "questions") == ["Asked one?", "Nested one?"]
    assert section_entries(BODY, "goals") == []


def test_a_summary_is_read_with_the_notes():
    # (a meeting template's `## Summary` over its notes: the prep sheet shows them)
    text = "## Notes\n\n## Summary\nShe moved to Stripe.\n## Research\nRead.\n"
    assert section_text(text, "notes") == "She moved to Stripe."
    assert section_entries(text, "notes") == ["She moved to Stripe."]
    assert section_text("## Research summary\nRead.\n", "notes") == ""
    # (a review) one within Research is none; one within Notes is read once, with them
    assert section_text("## Research\n### Summary\n- PM at Stripe\n## Notes\n- \n", "notes") == ""
    assert section_text("## Notes\nA\n### Key takeaways\nB\n", "notes") == "A\n### Key takeaways\nB"
    nested = "## Notes\n- see below\n## Meeting Notes\n### Summary\nBo is hiring.\n"
    assert section_text(nested, "notes") == "- see below\n\n### Summary\nBo is hiring."


def test_a_meeting_shown_whole_leaves_out_its_fields_and_what_a_template_left_to_fill():
    # (dex0501/Obsidian-Template: prep showed `- [topic:: ]`, `- [date:: ...]` and an
    # agenda's `1.` `2.` `...` as the notes of a talk)
    body = (
        "## Info 📑\n\n- [topic:: ] \n- [date::  2023-03-05 21:34  ]\n"
        "- [participants:: [[Person A]], [[Person B]] ]\nrole:: host\n\n"
        "## Agenda 📝\n1.\n2.\n...\n\n## Means of Meeting\n- [[Person A]] spoke\n\n"
        "## Next\n### Ideas\n- Ship it [due:: 2023-03-10]\n```\n## In code\n```\n"
    )
    assert without_fields(body) == (
        "## Means of Meeting\n- [[Person A]] spoke\n\n"
        "## Next\n### Ideas\n- Ship it [due:: 2023-03-10]\n```\n## In code\n```"
    )


def test_placeholder_only_section_is_empty():
    assert section_text("## Notes\n- \n- [ ]\n\n## Goals\n- x\n", "notes") == ""


def test_setext_heading_starts_a_section():
    assert section_text("Notes\n-----\nWritten.\n\nNext\n----\nOther\n", "notes") == "Written."


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("## A\ntext\n### B", 3, "### A\ntext\n#### B"),
        ("# A\n```\n# code\n```", 2, "## A\n```\n# code\n```"),
        ("A\n===\ntext", 4, "#### A\ntext"),
        ("no headings", 3, "no headings"),
    ],
)
def test_nest_headings(text, level, expected):
    assert nest_headings(text, level) == expected


def test_read_note_text_tolerates_broken_front_matter():
    note = read_note_text("---\nrole: [unclosed\n---\nBody\n")
    assert note.properties == {}
    assert re.search("Body", note.body)
