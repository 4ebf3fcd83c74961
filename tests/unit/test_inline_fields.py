"""Dataview's inline fields written as whole lines (`type:: customer meeting`) are the
note's properties where its front matter lacks them: for its kind, people, date, links."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.conventions import conventions_of
from interview_vault.core.model import Contact, Interview
from interview_vault.core.settings import KindSettings, KindsSettings, PropertySettings
from interview_vault.notes.inline import field_value
from interview_vault.notes.parse import parse_note
from interview_vault.notes.sample import read_sample

MEETINGS = conventions_of(
    KindsSettings(
        contact=KindSettings(("people/",), "people", ""),
        interview=KindSettings(("type: customer meeting",), "daily", ""),
    ),
    PropertySettings(organization=("customer", "organization")),
)


def read(text: str, path: str = "daily/2022/10/2022-10-10_0937.md"):
    return parse_note(path, text.encode(), MEETINGS)


def problems(parsed):
    return [(p.line, p.severity, p.message) for p in parsed.problems]


MWP = (  # (a public vault's meeting note: its properties are Dataview's fields)
    "titel::customer needs\nsummary:: Discussing customer needs with [[John Doe]]\n"
    "customer:: [[AwsomeInc]]\ntype::customer meeting\nrefnr::[[survey]]\n\n"
    "## Participants\nparticipants::[[John Doe]]\n## Titel\n\n### Noter\n\n### Actions\n"
    "- [ ] create proposal for john \n"
)


def test_a_field_marks_the_kind_names_people_and_the_file_dates_it():
    parsed = read(MWP)
    meeting = parsed.record
    assert isinstance(meeting, Interview)
    assert [link.target for link in meeting.contacts] == ["John Doe"]
    assert meeting.date == date(2022, 10, 10)
    assert [task.text for task in parsed.record.body.tasks] == ["create proposal for john"]
    assert problems(parsed) == []


@pytest.mark.parametrize(
    "line",
    [
        "type:: customer meeting",
        "type::customer meeting",
        "Type::  customer meeting  ",  # (any case, as property names are read)
        "- type:: customer meeting",  # (a list item)
        "  * type:: customer meeting",
        # a key in emphasis or code marks, as Dataview reads it (its docs: `**Bold Field**::`)
        "**Type**:: customer meeting",
        "- **type**:: customer meeting",
        "*type*:: customer meeting",
        "`type`:: customer meeting",
        "~~type~~::customer meeting",
        # one field in brackets alone on its line, after an emoji (a person template's)
        "- 🏷️ [type:: customer meeting ]",
        "[type:: customer meeting]",
    ],
)
def test_a_whole_line_field_is_a_property(line):
    parsed = read(f"# Call\n\nSome words.\n{line}\nparticipants:: [[Ana]]\n")
    assert isinstance(parsed.record, Interview)


@pytest.mark.parametrize(
    "line",
    [
        "```\ntype:: customer meeting\n```",  # (code)
        "~~~md\n- type:: customer meeting\n~~~",
        "- [ ] type:: customer meeting",  # (a task)
        "Met Ana [type:: customer meeting] today",  # (in brackets mid-line: not a property)
        "(type:: customer meeting)",
        "- [type:: customer meeting] and [mode:: call]",  # (two: each the line's, not the note's)
        "- [type:: customer meeting] today",
        "> [type:: customer meeting]",  # (quoted, as a plain field quoted is none)
        "==type==:: customer meeting",  # (a highlight: Dataview reads no key there)
        "**type::** customer meeting",  # (the value is `** customer meeting`, as Dataview's)
        "**type** note:: customer meeting",  # (marks inside the key: none, to Dataview too)
        "> type:: customer meeting",
        "type: customer meeting",  # (one colon: text)
    ],
)
def test_not_a_property(line):
    parsed = read(f"{line}\nparticipants:: [[Ana]]\n")
    assert parsed.record is None


def test_the_front_matter_wins_in_any_case():
    parsed = read("---\nType: note\n---\ntype:: customer meeting\nparticipants:: [[Ana]]\n")
    assert parsed.record is None
    # and a front matter without it takes it from the text
    parsed = read("---\ntopic: sales\n---\ntype:: customer meeting\nparticipants:: [[Ana]]\n")
    assert isinstance(parsed.record, Interview)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("[[John Doe]]", "[[John Doe]]"),
        ("[[Ana]], [[Ben Ito]]", ["[[Ana]]", "[[Ben Ito]]"]),  # (a list, as Dataview reads it)
        ("[Ana](Ana%20Souza.md),[[Ben]]", ["[Ana](Ana%20Souza.md)", "[[Ben]]"]),
        ("Discussing needs with [[John Doe]]", "Discussing needs with [[John Doe]]"),
        ("[[Ana]], Lee Chen", "[[Ana]], Lee Chen"),  # (not links alone: text)
        ("2026-11-20", "2026-11-20"),
    ],
)
def test_a_fields_value(text, value):
    assert field_value(text) == value


def test_a_fields_links_date_and_problems_point_at_its_line():
    people = conventions_of(
        KindsSettings(contact=KindSettings(("people/",), "people", "")),
        PropertySettings(organization=("customer", "organization")),
    )
    text = "---\nname: John Doe\n---\n# John\n\ncustomer::[[AwsomeInc]]\ncontacted:: soon\n"
    parsed = parse_note("people/John Doe.md", text.encode(), people)
    contact = parsed.record
    assert isinstance(contact, Contact)
    assert (contact.organization.target, contact.organization.line) == ("AwsomeInc", 6)
    assert problems(parsed) == [
        (7, "warning", 'contacted: cannot read "soon" as a date (write YYYY-MM-DD)')
    ]


def test_a_date_field_anywhere_dates_a_meeting_and_its_line_is_the_dates():
    body = "type:: customer meeting\nparticipants:: [[Ana]]\n## Notes\nGood.\n\ndate:: 2026-11-20\n"
    meeting = read(body, "Calls/Ana.md").record
    assert isinstance(meeting, Interview)
    assert meeting.date == date(2026, 11, 20)
    assert dict(meeting.lines)["date"] == 6


def test_a_key_written_twice_gathers_its_values():
    body = "type:: customer meeting\nwho:: [[Ana]]\nwho:: [[Ben]], [[Cy]]\n"
    people = conventions_of(
        KindsSettings(interview=KindSettings(("type: customer meeting",), "", "")),
        PropertySettings(contact=("who",)),
    )
    meeting = parse_note("Calls/2026-11-20.md", body.encode(), people).record
    assert isinstance(meeting, Interview)
    assert [(link.target, link.line) for link in meeting.contacts] == [
        ("Ana", 2), ("Ben", 3), ("Cy", 3),
    ]  # fmt: skip


def test_a_field_naming_people_keeps_its_plain_names_as_an_attendees_line_does():
    text = "type:: customer meeting\nattendees:: [[Ana]], Lee Chen\n"
    meeting = read(text, "Calls/2026-11-20.md").record
    assert isinstance(meeting, Interview)
    # (a link and a plain name, counted only where a note has it: not one "[[Ana]], Lee Chen")
    assert [link.target for link in meeting.contacts] == ["Ana", "Lee Chen"]
    assert meeting.plain_names == 1


def test_a_bracketed_field_on_its_own_line_names_a_persons_organization():
    # (dex0501/Obsidian-Template: `- 🏢 [company:: [[Boring Company]] ]`, and adopt took
    # the front matter's `company-role: [[Role_Software_Developer]]` for the organization)
    body = "## Info\n\n- 🏢 [company:: [[Boring Company]] ] \n- 🖥️ [office-location:: [[SF]] ]\n"
    sample = read_sample("Work/People/Person B.md", f"---\ntype: person\n---\n{body}".encode())
    assert sample is not None
    assert sample.properties["company"] == "[[Boring Company]]"


def test_adopt_reads_the_fields_as_properties():
    sample = read_sample("daily/2022/10/2022-10-10_0937.md", MWP.encode())
    assert sample is not None
    assert sample.properties["type"] == "customer meeting"
    assert sample.properties["customer"] == "[[AwsomeInc]]"
    assert sample.properties["participants"] == "[[John Doe]]"
    assert "titel" in sample.properties and "## Participants" not in sample.properties
