"""How a vault marks kinds of note and names properties: marks, classes, any-case names."""

from __future__ import annotations

import pytest

from interview_vault.core.conventions import Conventions, parse_mark, tags_of, value_key
from interview_vault.core.model import Contact, Interview, Touch
from interview_vault.core.settings import (
    KindSettings,
    KindsSettings,
    PropertySettings,
    TouchSettings,
    parse_settings,
)
from interview_vault.notes.parse import parse_note


@pytest.mark.parametrize(
    ("written", "form", "key", "value"),
    [
        ("type: contact", "property", "type", "contact"),
        ("Categories: [[People]]", "property", "categories", "people"),
        ("#Person", "tag", "person", ""),
        ("People/", "folder", "people", ""),
        ("Work/People/", "folder", "work/people", ""),
    ],
)
def test_marks_in_their_three_forms(written, form, key, value):
    assert parse_mark(written) == (form, key, value)


@pytest.mark.parametrize("written", ["", "type", "type:", ": contact", "#", "# two words", "/"])
def test_what_is_no_mark(written):
    assert parse_mark(written) is None


@pytest.mark.parametrize(
    "value", ["[[People]]", "[[Categories/People|people]]", "People", " people ", "[[People.md]]"]
)
def test_values_and_links_compare_on_their_target(value):
    assert value_key(value) == "people"


def test_tags_come_from_the_property_and_the_text():
    assert tags_of({"tags": ["person", "#Mentor"]}, "") == {"person", "mentor"}
    assert tags_of({"Tags": "a, b"}, "Text #person/friend and #x.\n# Heading") == {
        "a",
        "b",
        "person/friend",
        "x",
    }
    assert tags_of({}, "a link [[Note#Heading]] and url#anchor") == set()


CATEGORIES = Conventions(
    KindsSettings(
        contact=KindSettings(("categories: [[People]]", "#person"), "People", "People.md"),
        interview=KindSettings(("Meetings/",), "Meetings", "Meeting.md"),
        touch=TouchSettings(("categories: [[Emails]]",), ("categories: [[Received]]",)),
    ),
    PropertySettings(contact=("people", "contact"), date=("date", "created")),
)


def note(text: str, path: str = "Notes/A.md", conventions: Conventions = CATEGORIES):
    return parse_note(path, text.encode(), conventions)


def test_a_link_in_a_list_property_marks_a_kind():
    found = note('---\ncategories:\n  - "[[Places]]"\n  - "[[People]]"\n---\n')
    assert isinstance(found.record, Contact)
    assert note('---\ncategories: "[[People]]"\n---\n').record is not None  # one value too
    assert note('---\ncategories: "[[Places]]"\n---\n').record is None


def test_a_tag_or_a_folder_marks_a_kind():
    assert isinstance(note("Text #person here.\n").record, Contact)
    assert isinstance(note("---\ntags: [person/friend]\n---\n").record, Contact)
    talk = note("---\ndate: 2026-11-20\npeople: '[[Ama]]'\n---\n", "Meetings/2026/Talk.md")
    assert isinstance(talk.record, Interview) and talk.record.contacts[0].target == "Ama"


def test_the_folder_note_of_a_marked_folder_is_none_of_its_notes():
    # `People/README.md` says what the folder holds; `People/Ana/README.md` is Ana's note
    folders = Conventions(
        KindsSettings(
            contact=KindSettings(("People/",), "People", ""),
            interview=KindSettings(("4 - Meetings/",), "4 - Meetings", ""),
        ),
        PropertySettings(),
    )
    for path in ("People/README.md", "People/index.md", "People/People.md", "People/_Index.md"):
        assert note("# People\n\nEveryone I talk to.\n", path, folders).record is None, path
    assert note("# Meetings\n", "4 - Meetings/README.md", folders).record is None
    assert isinstance(note("# Ana\n", "People/Ana/README.md", folders).record, Contact)
    assert isinstance(note("# Ana\n", "People/Ana.md", folders).record, Contact)
    # an index of the folder's notes, at any depth: `_aliases`, a map of content
    table = "| Alias | Person | File |\n|---|---|---|\n| Ana | Ana Souza | [[Ana]] |\n"
    for path in ("People/_aliases.md", "People/Family/_aliases.md", "People/People MOC.md"):
        assert note(table, path, folders).record is None, path
    assert isinstance(note("# Ana\n", "People/Ana/_index.md", folders).record, Contact)


HUB = '---\ntitle: {0}\ntags:\n  - category-overview\ncategories:\n  - "[[{0}]]"\n---\n'


def test_a_category_page_linking_itself_is_of_no_kind():
    # kepano-style overview notes: `People.md` is the page of the people, embedding a view
    hubs = Conventions(
        KindsSettings(
            contact=KindSettings(("categories: [[People]]",), "", ""),
            interview=KindSettings(("categories: [[Meetings]]",), "", ""),
            organization=KindSettings(("up: [[Organizations]]",), "", ""),
        ),
        PropertySettings(),
    )
    for name in ("People", "Meetings"):
        page = HUB.format(name) + f"\n# {name}\n\n![[{name}.base]]\n"
        assert note(page, f"{name}.md", hubs).record is None, name
        assert note(page, f"Categories/{name}.md", hubs).record is None, name
    # by any of its names: an alias, a link with a folder or shown text, unquoted
    aliased = '---\naliases: [Contacts]\ncategories: ["[[Categories/Contacts|People]]"]\n---\n'
    assert note(aliased.replace("Contacts]]", "People]]"), "Hub.md", hubs).record is None
    assert note("---\nup: [[Organizations]]\n---\n", "Organizations.md", hubs).record is None
    # another's link, the same text as no link, or another category: a member
    member = '---\ncategories: ["[[People]]"]\n---\n'
    assert isinstance(note(member, "Ana Souza.md", hubs).record, Contact)
    assert isinstance(note("---\ncategories: People\n---\n", "People.md", hubs).record, Contact)
    # a type-like value linking the note itself, whatever mark holds: a category's page
    itself = '---\ncategories: ["[[People]]"]\ntype: "[[Ana]]"\n---\n'
    assert note(itself, "Ana.md", hubs).record is None


def test_a_tag_page_of_the_tag_mark_is_of_no_kind():
    # Tag Wrangler's tag page is aliased `#person`; a note named as the tag is its page too
    assert note("---\naliases: ['#person']\n---\nAll #person notes.\n", "Tags/P.md").record is None
    assert note("Every #person I know.\n", "Notes/Person.md").record is None
    assert isinstance(note("Text #person here.\n", "Notes/Ana.md").record, Contact)


def test_touch_notes_outgoing_and_incoming():
    sent = note('---\ncategories: ["[[Emails]]"]\ncreated: 2026-11-21\npeople: ["[[Ivy]]"]\n---\n')
    assert sent.record == Touch((sent.record.people[0],), sent.record.date, "outgoing", 3)
    assert str(sent.record.date) == "2026-11-21"
    received = note(
        '---\ncategories: ["[[Emails]]", "[[Received]]"]\ncreated: 2026-11-22\npeople: Ivy\n---\n'
    )
    assert isinstance(received.record, Touch) and received.record.direction == "incoming"


def test_a_touch_note_without_people_or_date_is_a_warning():
    found = note('---\ncategories: ["[[Emails]]"]\n---\n')
    assert [(p.severity, p.message) for p in found.problems] == [
        ("warning", "touch note names nobody in `people`"),
        ("warning", "touch note has no `date`"),
    ]


def test_property_names_are_read_in_any_case_the_first_spelling_wins():
    found = parse_note("Contacts/A.md", b"---\nType: contact\nContacted: 2026-11-02\n---\n")
    assert isinstance(found.record, Contact) and str(found.record.contacted[0]) == "2026-11-02"
    twice = parse_note(
        "Contacts/A.md", b"---\ntype: contact\ncontacted: 2026-11-02\nCONTACTED: 2026-11-09\n---\n"
    )
    assert [str(d) for d in twice.record.contacted] == ["2026-11-02"]
    assert [(p.line, p.severity) for p in twice.problems] == [(4, "warning")]
    assert "only `contacted` is read" in twice.problems[0].message


def test_another_name_for_a_property_is_named_in_messages():
    found = note("---\ndate: someday\npeople: [[Ama]]\n---\n", "Meetings/Talk.md")
    assert [p.message for p in found.problems] == [
        'date: cannot read "someday" as a date (write YYYY-MM-DD)'
    ]


def test_a_property_holding_a_list_where_one_value_is_read_takes_the_first():
    found = parse_note(
        "Interviews/T.md", b"---\ntype: interview\ncontact: Ama\ndate: [2026-11-20]\n---\n"
    )
    assert str(found.record.date) == "2026-11-20"


def test_settings_of_kinds_and_properties():
    data = {
        "kinds": {
            "contact": {"marks": ["#person", "not a mark"], "folder": "People"},
            "touch": {"marks": ["categories: [[Emails]]"]},
            "meeting": {},
        },
        "properties": {"contact": ["people", "contact"], "date": []},
    }
    settings, problems = parse_settings(data)
    assert settings.kinds.contact == KindSettings(("#person",), "People", "Contact.md")
    assert settings.kinds.touch.marks == ("categories: [[Emails]]",)
    assert settings.properties.contact == ("people", "contact")
    assert settings.properties.date == ("date",)  # a property needs a name
    assert sorted(p.message for p in problems) == [
        'kinds.contact.marks: cannot read the mark "not a mark" '
        '(write "property: value", "#tag" or "Folder/")',
        "properties.date must list at least one name",
        "unknown settings table [kinds.meeting]",
    ]
