"""One file -> Note: front matter lines, typed records and the problems of bad input."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.conventions import conventions_of
from interview_vault.core.model import Contact, Interview, Organization, Touch
from interview_vault.core.settings import (
    KindSettings,
    KindsSettings,
    PropertySettings,
    TouchSettings,
)
from interview_vault.notes.parse import parse_note


def note(text: str | bytes, path: str = "Contacts/Ama.md"):
    return parse_note(path, text.encode() if isinstance(text, str) else text)


def problems(parsed):
    return [(p.line, p.severity, p.message) for p in parsed.problems]


def test_contact_properties():
    parsed = note(
        "---\ntype: Contact\nname: Ama A.\naliases: [Ama]\norganization: '[[Lab]]'\n"
        "referred_by:\n  - '[[Lee]]'\n  - Sam\ncontacted:\n  - 2026-11-02\n  - 2026-11-02\n"
        "  - 2026-11-01\nreplied: 2026-11-03\ndeclined: false\nkeep_in_touch: 30\n---\n"
        "- [ ] Send CV 📅 2026-11-30\n"
    )
    assert parsed.name == "Ama"
    assert parsed.title == "Ama A."
    assert parsed.aliases == ("Ama",)
    contact = parsed.record
    assert isinstance(contact, Contact)
    assert contact.organization.target == "Lab"
    assert [(link.target, link.line) for link in contact.referred_by] == [("Lee", 7), ("Sam", 8)]
    assert contact.contacted == (date(2026, 11, 1), date(2026, 11, 2))  # sorted, once each
    assert contact.line("contacted") == 9
    assert contact.replied == (date(2026, 11, 3),)
    assert contact.declined is False
    assert contact.keep_in_touch == 30
    assert [(t.line, t.text, t.due) for t in contact.tasks] == [(17, "Send CV", date(2026, 11, 30))]
    assert parsed.problems == ()


def test_declined_as_true_or_date_and_keep_in_touch_false():
    assert note("---\ntype: contact\ndeclined: true\n---\n").record.declined is True
    assert note("---\ntype: contact\ndeclined: 2026-11-01\n---\n").record.declined is True
    assert note("---\ntype: contact\nkeep_in_touch: false\n---\n").record.keep_in_touch == 0
    assert note("---\ntype: contact\nkeep_in_touch:\n---\n").record.keep_in_touch is None


def test_interview_properties_and_sections():
    parsed = note(
        "---\ntype: interview\ncontact: [[Ama]]\ndate: 2026-11-20 10:00\nstatus: Done\n"
        "thanked: 2026-11-21\nreferrals:\n  - '[[Sam]]'\n---\n## Notes\nGood talk.\n",
        "Interviews/x.md",
    )
    interview = parsed.record
    assert isinstance(interview, Interview)
    assert [link.target for link in interview.contacts] == ["Ama"]
    assert interview.date == date(2026, 11, 20)
    assert interview.status == "done"
    assert interview.thanked and interview.thanked_on == date(2026, 11, 21)
    assert [(link.target, link.line) for link in interview.referrals] == [("Sam", 8)]
    assert interview.section("notes").empty is False
    assert interview.section("goals") is None


def test_interview_without_a_date_is_an_error_and_without_anybody_a_warning():
    parsed = note("---\ntype: interview\nstatus: done\n---\n", "Interviews/x.md")
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [
        (1, "warning"),  # (amended: nobody named is a warning, "add attendees")
        (1, "error"),
    ]
    parsed = note("---\ntype: interview\ncontact: Ama\ndate: soon\n---\n", "Interviews/x.md")
    assert problems(parsed) == [
        (4, "error", 'date: cannot read "soon" as a date (write YYYY-MM-DD)')
    ]


MET = '---\ntype: interview\ncontact: "[[Ama]]"\n---\n'  # (the body's first line is 5)


@pytest.mark.parametrize(
    ("body", "day", "line"),
    [
        ("# Meeting: Ama intro\n\n**Date:** 2026-01-21\n**Attendees:** Ama\n", "2026-01-21", 7),
        ("Date: [[2026-01-21]]\n", "2026-01-21", 5),  # (a link to its day's note)
        ("Date: [2026-01-21](../Daily/2026-01-21.md)\n", "2026-01-21", 5),  # (Markdown's)
        ("- date:: 2026-01-21 14:00\n", "2026-01-21", 5),  # (Dataview's field)
        ("> [!info]\n> **Date**: 2026-01-21\n", "2026-01-21", 6),  # (in a callout)
        ("# Ama\n## Details\n- Date: 2026-01-21\n", "2026-01-21", 7),  # (headings on top)
        ("# Ama\nDate: {{date}}\nDate: 2026-01-21\n", "2026-01-21", 7),  # (the first read)
        # not at its head: after a heading that follows text, or past its first 10 lines
        ("# Ama\nGood.\n## Follow-ups\n- Date: 2026-01-21\n", None, None),
        ("\n" * 10 + "Date: 2026-01-21\n", None, None),
        ("**Due date:** 2026-01-21\n", None, None),  # (another label)
        ("```\nDate: 2026-01-21\n```\n", None, None),  # (code)
        ("Date: 2026-01-21 was busy\n", None, None),  # (no date alone)
    ],
)
def test_a_meetings_date_on_a_line_at_its_head(body, day, line):
    # (a public vault's meeting notes write `**Date:** 2026-01-21` under their title)
    interview = note(MET + body, "Interviews/x.md").record
    assert interview.date == (date.fromisoformat(day) if day else None)
    assert interview.line("date") == line


def test_a_meetings_date_from_its_property_line_file_name_then_folder():
    line = "Date: 2026-01-21\n"
    assert note(MET.replace("---\n", "---\ndate: 2026-01-22\n", 1) + line).record.date == date(
        2026, 1, 22
    )
    assert note(MET + line, "Interviews/2026-01-20 Ama.md").record.date == date(2026, 1, 21)
    # the folder holding it, when its name has no date (a meeting's folder of files)
    for path, day in [
        ("Interviews/20260121-ama-intro/summary.md", date(2026, 1, 21)),
        ("Interviews/2024-06-14 Coffee/notes.md", date(2024, 6, 14)),
        ("Interviews/2024-06-14 Week/2024-06-12 Ama.md", date(2024, 6, 12)),
        ("Interviews/2024-06/notes.md", None),  # (no full date)
        ("Interviews/2024-06-14/Week/notes.md", None),  # (only the folder holding it)
    ]:
        assert note(MET, path).record.date == day


def test_unknown_status_is_a_warning_and_ignored():
    parsed = note("---\ntype: interview\ncontact: A\ndate: 2026-11-20\nstatus: postponed\n---\n")
    assert parsed.record.status is None
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [(5, "warning")]


def test_unreadable_list_entry_is_reported_at_its_own_line():
    parsed = note("---\ntype: contact\ncontacted:\n  - 2026-11-01\n  - someday\n---\n")
    assert parsed.record.contacted == (date(2026, 11, 1),)
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [(5, "warning")]


def test_organization_target():
    parsed = note("---\ntype: organization\ntarget: true\n---\n", "Organizations/Lab.md")
    assert parsed.record == Organization(target=True, target_line=3)


def test_ordinary_note_keeps_name_and_aliases_only():
    parsed = note("---\naliases: Amy\ntags: [x]\n---\n- [ ] not a commitment\n", "Daily/Ama.md")
    assert (parsed.record, parsed.aliases) == (None, ("Amy",))


def test_note_without_front_matter_is_ordinary():
    assert note("Just text\n").record is None


def test_invalid_yaml_is_an_error_at_the_line():
    parsed = note("---\ntype: contact\nname: [unclosed\nrole: x\n---\n")
    assert parsed.record is None
    [(line, severity, message)] = problems(parsed)
    assert (line, severity) == (3, "error")
    assert message.startswith("invalid YAML front matter")


def test_unquoted_template_placeholder_explains_the_fix():
    [(line, severity, message)] = problems(note("---\ntype: contact\nx: {{date}}\n---\n"))
    assert line == 3
    assert severity == "error" and '"{{date}}"' in message


def test_duplicate_key_is_an_error():
    [(line, severity, message)] = problems(note("---\ntype: contact\ntype: interview\n---\n"))
    assert (line, severity) == (3, "error") and "twice" in message


def test_front_matter_that_never_closes_is_an_error():
    assert problems(note("---\ntype: contact\n")) == [
        (1, "error", "front matter starts with --- but never ends with ---")
    ]


def test_front_matter_that_is_not_a_mapping_is_an_error():
    assert problems(note("---\n- a\n- b\n---\n"))[0][:2] == (2, "error")


def test_conflict_markers_are_an_error_at_their_line():
    parsed = note("---\ntype: contact\n<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> x\n---\n")
    assert parsed.record is None
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [(3, "error")]


def test_a_conflict_shown_in_a_code_block_is_no_conflict():
    # (a help note showing what a conflict looks like: nothing in a code block is read)
    example = "<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n"
    for fence, close in (("```", "```"), ("~~~~ text", "~~~~"), ("```", "")):
        shown = note(f"---\ntype: contact\n---\nLike this:\n{fence}\n{example}{close}\n- [ ] x\n")
        assert problems(shown) == []
    # a fence closed before it, or one of the other character, hides nothing
    for before in ("```\ncode\n```\n", "~~~\n```\n~~~\n"):
        real = note(f"---\ntype: contact\n---\n{before}{example}")
        assert [severity for _, severity, _ in problems(real)] == ["error"]


def test_not_utf8_is_an_error_at_the_line():
    parsed = note(b"---\ntype: contact\nname: Caf\xe9\n---\n")
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [(3, "error")]
    assert parsed.name == "Ama"  # still reachable by links


def test_an_empty_link_is_a_placeholder_left_empty():
    # (a template's `organization: "[[]]"`, kept in every note made from it)
    parsed = note(
        '---\ntype: contact\norganization: "[[]]"\nreferred_by:\n  - "[[ ]]"\n  - "[[Lee]]"\n'
        "contact_links:\n---\n"
    )
    assert problems(parsed) == []
    assert parsed.record.organization is None
    assert [link.target for link in parsed.record.referred_by] == ["Lee"]
    unquoted = note("---\ntype: contact\nreferred_by: [[]]\n---\n")
    assert problems(unquoted) == [] and unquoted.record.referred_by == ()


def test_empty_file_is_no_person_by_default_and_said_on_asking():
    assert problems(note("")) == [(1, "info", "the note is empty")]
    assert note("").record is None  # (`type: contact` marks people: an empty note has none)


def test_an_empty_note_is_a_person_in_a_people_folder_and_warns_where_talks_are():
    people = KindsSettings(contact=KindSettings(("People/",), "People", "Contact.md"))
    marked = conventions_of(people, PropertySettings(), (), ("Journal", "YYYY-MM-DD"))
    empty = "\n  \n"
    # where a folder mark says people: one with nothing written yet, said on asking
    for path in ("People/Ana.md", "people/Old/Ben.md"):
        parsed = parse_note(path, empty.encode(), marked)
        assert isinstance(parsed.record, Contact)
        assert problems(parsed) == [(1, "info", "the note is empty")]
    # where meetings are (where `vault new` puts them): a meeting that says nothing is none
    for path in ("Interviews/2026-11-20 Ana.md", "Applications/Acme.md"):
        parsed = parse_note(path, empty.encode(), marked)
        assert parsed.record is None
        assert problems(parsed) == [(1, "warning", "the note is empty")]
    # a daily note, made empty each day by Obsidian: nothing to say
    for path in ("Journal/2026-11-20.md", "Journal/2026/11/2026-11-20.md", "Daily/2026-11-20.md"):
        assert problems(parse_note(path, b"", marked)) == []
    # elsewhere, as Obsidian makes a note when a link to none is clicked: only on asking
    assert problems(parse_note("Tools/Hugo.md", b"", marked)) == [(1, "info", "the note is empty")]
    assert problems(parse_note("Contacts/Hugo.md", b"", marked)) == [
        (1, "info", "the note is empty")
    ]


def test_a_teams_roster_in_a_people_folder_is_no_person():
    people = KindsSettings(contact=KindSettings(("People/",), "People", "Contact.md"))
    marked = conventions_of(people, PropertySettings())
    roster = b"Manager: [[Barber, Matt]]\n\n- [[Ly, Rachel]]\n"
    for name in ("Matthew Barber Department", "Team Atlas", "Platform team"):
        assert parse_note(f"People/{name}.md", roster, marked).record is None
    for name in ("Barber, Matt", "Teamson, Ana", "Ana Department Head"):  # (people)
        assert isinstance(parse_note(f"People/{name}.md", b"x\n", marked).record, Contact)
    meetings = KindsSettings(interview=KindSettings(("Meetings/",), "Meetings", "I.md"))
    at = conventions_of(meetings, PropertySettings())
    sync = parse_note("Meetings/2026-11-20 Team.md", b"Notes\n", at)
    assert isinstance(sync.record, Interview)  # (only a people folder's rosters are none)


def test_byte_order_mark_and_crlf_are_read():
    parsed = note(
        b"\xef\xbb\xbf---\r\ntype: contact\r\ncontacted: 2026-11-01\r\n---\r\n- [ ] x\r\n"
    )
    assert parsed.record.contacted == (date(2026, 11, 1),)
    assert parsed.record.tasks[0].line == 5


def test_impossible_yaml_date_is_a_field_problem_not_a_broken_note():
    parsed = note("---\ntype: contact\nname: Ama\ncontacted: 2026-02-30\n---\n")
    assert parsed.title == "Ama"
    assert [(line, severity) for line, severity, _ in problems(parsed)] == [(4, "warning")]


def test_a_number_too_long_to_read_is_a_problem_with_a_hint():
    parsed = note(f"---\ntype: contact\nphone: {'1' * 5000}\n---\n")
    ((line, severity, message),) = problems(parsed)
    assert (line, severity) == (2, "error")
    assert "more than 4,300 digits (put quotes around it)" in message
    assert "sys." not in message


INTERACTIONS = conventions_of(
    KindsSettings(touch=TouchSettings(marks=("type: interaction",), incoming=("#inbox",))),
    PropertySettings(contact=("participants", "contact")),
)


def interaction(front: str, path: str, body: str = ""):
    text = f"---\ntype: interaction\ndate: 2026-11-09\nparticipants: ['[[Deryn]]']\n{front}---\n"
    return parse_note(path, (text + body).encode(), INTERACTIONS)


def test_a_touch_note_whose_title_says_it_was_a_meeting_is_read_as_one():
    # (a public vault keeps its meetings as `type: interaction` notes)
    parsed = interaction(
        "",
        "Interactions/Deryn Wagner - First Meeting at Brewing Market.md",
        "## Summary\n- We met at Brewing Market.\n\n## Action Items\n- [ ] Ask for intros\n",
    )
    meeting = parsed.record
    assert isinstance(meeting, Interview)
    assert meeting.from_touch
    assert [link.target for link in meeting.contacts] == ["Deryn"]
    assert meeting.date == date(2026, 11, 9)
    assert [task.text for task in meeting.body.tasks] == ["Ask for intros"]
    assert problems(parsed) == []
    # a title that says nothing, or says a message, leaves a touch note
    for title in ("Deryn - Collaging", "Re: our meeting", "Nice meeting you"):
        assert isinstance(interaction("", f"Interactions/{title}.md").record, Touch)


@pytest.mark.parametrize(
    ("front", "meeting"),
    [
        ("interaction_type: meeting\n", True),
        ("medium: In person\n", True),
        ("Channel: Video_Call\n", True),
        ("method: coffee\n", True),
        ("title: Deryn Meeting\n", True),
        ("interaction_type: email\ntitle: Deryn Meeting\n", False),  # (the medium first)
        ("Contact-Method: Phone_Call\ndirection: Sent\n", False),  # (you called them)
        ("Contact-Method: Phone_Call\ndirection: Exchanged\n", True),
        ("direction: sent\ntitle: Deryn Meeting\n", False),  # (one way: a message)
        ("tags: [inbox]\ntitle: Deryn Meeting\n", False),  # (they sent it)
        ("tags: [inbox]\nmedium: lunch\n", True),
        ("interaction_type:\n", False),
        ("tags: [email]\ntitle: Meeting with Deryn next week\n", False),  # (a subject)
        ("tags: [meeting]\n", True),
    ],
)
def test_a_touch_note_whose_medium_says_a_talk_is_a_meeting(front, meeting):
    record = interaction(front, "Interactions/Interaction - 2026-11-09 Deryn.md").record
    assert isinstance(record, Interview) is meeting
    assert isinstance(record, Touch) is not meeting


def test_a_touch_note_read_as_a_meeting_keeps_its_line_numbers_and_problems():
    parsed = interaction("medium: coffee\nthanked: 2026-11-10\n", "Interactions/x.md")
    meeting = parsed.record
    assert isinstance(meeting, Interview)
    assert meeting.line("date") == 3 and meeting.thanked_on == date(2026, 11, 10)
    nobody = parse_note(
        "Interactions/x.md", b"---\ntype: interaction\nmedium: coffee\n---\n", INTERACTIONS
    )
    assert problems(nobody) == [
        (1, "warning", "nobody named: add attendees (in its `participants` property, under an "
         "Attendees heading or on an Attendees: line)"),
        (1, "error", "interview has no `date`"),
    ]  # fmt: skip


GERMAN = conventions_of(
    KindsSettings(
        contact=KindSettings(("#person",), "", ""), interview=KindSettings(("#meeting",), "", "")
    ),
    PropertySettings(date=("Datum", "date")),
)


@pytest.mark.parametrize(
    "label",
    [
        "Teilnehmer", "Teilnehmende", "Anwesende", "participants", "Participantes",
        "asistentes", "Deelnemers", "Partecipanti", "Attendees",
    ],
)  # fmt: skip
def test_who_was_there_under_a_heading_or_label_in_the_common_languages(label):
    # (a German vault's meeting template: `- Teilnehmer:: [[Jana Keller]]`, or a heading)
    head = "# Kennenlernen Jana Keller\n\n- Datum:: 2026-11-20\n"
    for body in (
        f"{head}- {label}:: [[Jana Keller]]\n\nTags: #meeting\n\n# Ergebnis\n- Gut.\n",
        f"{head}\nTags: #meeting\n\n---\n# {label}\n- [[Jana Keller]]\n\n# Ergebnis\n- Gut.\n",
    ):
        parsed = parse_note("Kennenlernen Jana Keller.md", body.encode(), GERMAN)
        meeting = parsed.record
        assert isinstance(meeting, Interview)
        assert [link.target for link in meeting.contacts] == ["Jana Keller"]
        assert meeting.date == date(2026, 11, 20)
        assert problems(parsed) == []
        assert meeting.section("notes") is None and meeting.body.other_text  # (Ergebnis)


def test_who_was_there_under_the_vaults_own_names_for_the_people_property():
    rules = conventions_of(
        KindsSettings(interview=KindSettings(("#meeting",), "", "")),
        PropertySettings(contact=("Gäste", "Meeting attendees", "contact")),
    )
    for body in (
        "#meeting\n- Gäste:: [[Jana Keller]]\n",
        "#meeting\n**Meeting attendees:** [[Jana Keller]]\n",
        "#meeting\n## Gäste\n- [[Jana Keller]]\n",
        "#meeting\n[gäste:: [[Jana Keller]]]\n",
    ):
        meeting = parse_note("2026-11-20 Jana.md", body.encode(), rules).record
        assert isinstance(meeting, Interview)
        assert [link.target for link in meeting.contacts] == ["Jana Keller"], body
    # (without the setting, `Gäste` is a heading like any other)
    plain = parse_note(
        "2026-11-20 Jana.md", "#meeting\n## Gäste\n- [[Jana Keller]]\n".encode(), GERMAN
    )
    assert isinstance(plain.record, Interview)
    assert [link.target for link in plain.record.contacts] == ["Jana"]  # (its title's)


def test_a_personal_crm_s_rhythm_in_days_is_keep_in_touch():
    # (pnthn-ai/solomon-kit-prm: `cadence_days: 14` was read as nothing: the 90-day default)
    parsed = note("---\ntype: contact\ncadence_days: 14\n---\n")
    assert parsed.record.keep_in_touch == 14
    assert note("---\ntype: contact\nkeep_in_touch_days: 0\n---\n").record.keep_in_touch == 0


def test_a_person_s_note_named_in_short_is_named_by_its_first_heading():
    # (a work vault: `People/Tony B.md` headed `# Tony Bianco`, meetings with [[Tony Bianco]]:
    # 41 "has no note" warnings, and his 1:1s nobody's)
    tony = note(
        "---\ntype: contact\n---\n# Tony Bianco\n- **Role:** Engineer\n", "People/Tony B.md"
    )
    assert (tony.name, tony.title) == ("Tony B", "Tony Bianco")
    andrea = note("---\ntype: contact\n---\n\n# Andrea Bierly\n", "People/Andrea.md")
    assert andrea.title == "Andrea Bierly"
    # a first heading that is a section's, or another name, is none
    for heading in ("# About", "# Tom Bianco", "# Tony Bianco's notes", "## Tony Bianco"):
        assert note(f"---\ntype: contact\n---\n{heading}\n", "People/Tony B.md").title == "Tony B"
    named = note("---\ntype: contact\nname: T. Bianco\n---\n# Tony Bianco\n", "People/Tony B.md")
    assert named.title == "T. Bianco"  # (a `name` property says it first)


def test_a_note_named_by_a_slug_is_named_by_its_first_heading():
    # (vb-kb: `data/person/al/person@alice-formwalt/index.md` headed `# Alice Formwalt` was
    # "Reconnect with person@alice-formwalt", and "Dear person@bob-greene," in a draft)
    folder = "data/person/al/person@alice-formwalt/index.md"
    alice = note("---\ntype: contact\n---\n\n# Alice Formwalt\n\n## Bio\n", folder)
    assert alice.title == "Alice Formwalt"
    assert "person@alice-formwalt" in alice.aliases  # (links by the folder still lead here)
    slug = note("---\ntype: contact\n---\n# Alice Formwalt\n", "People/alice-formwalt.md")
    assert slug.title == "Alice Formwalt"
    org = note("---\ntype: organization\n---\n# Contour Venture Partners\n",
               "data/org/co/org@contour-venture-partners/index.md")  # fmt: skip
    assert org.title == "Contour Venture Partners"
    acme = note("---\ntype: organization\n---\n# Acme\n", "data/org/ac/org@acme/index.md")
    assert acme.title == "Acme"  # (one word, after the kind's prefix)
    assert note("---\ntype: contact\n---\n# Formwalt\n", folder).title == "person@alice-formwalt"
    # a heading that is not the slug's name, or a name of several words, says none
    assert note("---\ntype: contact\n---\n# Bio\n", folder).title == "person@alice-formwalt"
    assert note("---\ntype: contact\n---\n# Smith\n", "People/Jane Smith.md").title == "Jane Smith"
    named = note("---\ntype: contact\nname: Alice F.\n---\n# Alice Formwalt\n", folder)
    assert named.title == "Alice F."  # (a `name` property says it first)
    # (employer-vault-boilerplate: `People/!AveryChen.md` headed `# Avery Chen`)
    avery = note("---\ntype: contact\n---\n# Avery Chen\n", "People/!AveryChen.md")
    assert avery.title == "Avery Chen"
    assert note("---\ntype: contact\n---\n# Avery Chan\n", "People/AveryChen.md").title == (
        "AveryChen"
    )


def test_a_person_s_file_name_written_family_first_shows_given_first():
    # (a work vault's People/Sarver, Andrew.md: "Keep your promise to Sarver, Andrew")
    assert note("---\ntype: contact\n---\n", "People/Sarver, Andrew.md").title == "Andrew Sarver"
    headed = note("---\ntype: contact\n---\n# Andy Sarver\n", "People/Sarver, Andrew.md")
    assert headed.title == "Andrew Sarver"  # (a heading of another name says none)
    named = note("---\ntype: contact\nname: A. Sarver\n---\n", "People/Sarver, Andrew.md")
    assert named.title == "A. Sarver"
    assert note("---\ntype: contact\n---\n", "People/Lee Chen, PhD.md").title == "Lee Chen, PhD"
    acme = note("---\ntype: organization\n---\n", "Organizations/Acme, Inc.md")
    assert acme.title == "Acme, Inc"  # (a person's name only)


def test_a_person_s_file_name_with_underscores_for_spaces_shows_as_a_name():
    # (a demo vault's People/Sarah_Chen.md: "Send a thank-you note to Sarah_Chen")
    assert note("---\ntype: contact\n---\n", "People/Sarah_Chen.md").title == "Sarah Chen"
    assert note("---\ntype: contact\n---\n", "People/sarah_chen.md").title == "sarah_chen"
    assert note("---\ntype: contact\n---\n", "People/Ana_.md").title == "Ana_"
