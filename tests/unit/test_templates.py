"""Template placeholders, Moment.js formats, safe note names, YAML values, obsidian:// links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_vault.notes.frontmatter import read_front_matter
from interview_vault.notes.templates import (
    NoteNameError,
    check_note_name,
    fill_placeholders,
    format_moment,
    obsidian_uri,
    yaml_link,
    yaml_scalar,
)

# Thursday 5 March 2026, 09:07:04.250
MORNING = datetime(2026, 3, 5, 9, 7, 4, 250000, tzinfo=timezone(timedelta(hours=2)))
AFTERNOON = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)  # a Sunday


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("YYYY", "2026"),
        ("YY", "26"),
        ("MM", "03"),
        ("M", "3"),
        ("DD", "05"),
        ("D", "5"),
        ("HH", "09"),
        ("H", "9"),
        ("mm", "07"),
        ("ss", "04"),
        ("ddd", "Thu"),
        ("dddd", "Thursday"),
        ("MMM", "Mar"),
        ("MMMM", "March"),
        ("YYYY-MM-DD", "2026-03-05"),
        ("HH:mm", "09:07"),
        ("dddd, MMMM Do YYYY", "Thursday, March 5th 2026"),
        ("[Week] W, [Q]Q", "Week 10, Q1"),  # [text] is printed as is
        ("DDDD", "064"),
        ("h:mm A", "9:07 AM"),
        ("SSS", "250"),
        ("Z", "+02:00"),
        ("ZZ", "+0200"),
        ("LL", "March 5, 2026"),
        ("YYYY/MM/DD", "2026/03/05"),
    ],
)
def test_moment_tokens(pattern, expected):
    assert format_moment(MORNING, pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("hh:mm a", "03:30 pm"),
        ("d dd", "0 Su"),  # Sunday is day 0 in Moment
        ("E", "7"),  # and 7 in ISO
        ("Do MMM", "22nd Nov"),
        ("GGGG-[W]WW", "2026-W47"),
    ],
)
def test_moment_tokens_in_the_afternoon_of_a_sunday(pattern, expected):
    assert format_moment(AFTERNOON, pattern) == expected


@pytest.mark.parametrize(
    ("day", "suffix"),
    [
        (1, "st"),
        (2, "nd"),
        (3, "rd"),
        (4, "th"),
        (11, "th"),
        (12, "th"),
        (13, "th"),
        (21, "st"),
        (22, "nd"),
        (23, "rd"),
        (31, "st"),
    ],
)
def test_ordinal_days(day, suffix):
    assert format_moment(datetime(2026, 1, day), "Do") == f"{day}{suffix}"


def test_placeholders_are_filled_as_obsidian_does():
    template = (
        "---\n"
        'created: "{{date}} {{time}}"\n'
        'day: "{{date:YYYY-MM-DD}}"\n'
        "---\n"
        "# {{title}}\n"
        "{{date:dddd D MMMM}} at {{time:HH:mm:ss}}; also {{ DATE }} and {{Title}}\n"
        "{{time:YYYY-MM-DD}} works too\n"
    )
    assert fill_placeholders(template, "Lee Chen", MORNING) == (
        "---\n"
        'created: "2026-03-05 09:07"\n'
        'day: "2026-03-05"\n'
        "---\n"
        "# Lee Chen\n"
        "Thursday 5 March at 09:07:04; also 2026-03-05 and Lee Chen\n"
        "2026-03-05 works too\n"
    )


def test_default_formats_can_be_changed():
    filled = fill_placeholders("{{date}} {{time}} {{date:YYYY}}", "x", MORNING, "DD/MM/YYYY", "h A")
    assert filled == "05/03/2026 9 AM 2026"


def test_other_placeholders_are_left_alone():
    template = "{{foo}} {{date:}} <% tp.date.now() %> {title} {{titles}}"
    assert fill_placeholders(template, "T", MORNING) == (
        "{{foo}} 2026-03-05 <% tp.date.now() %> {title} {{titles}}"
    )


@pytest.mark.parametrize(
    "name",
    [
        "Lee Chen",
        "José Núñez-García",
        "Dr. Ama O'Neil",
        "2026-11-20 Lee Chen",
        "Console",
        "COM10",
        "LPT0",
        "Lee (CSP), fellow",
        "李明",
        "A+B & co.!",
    ],
)
def test_good_names_are_kept_as_they_are(name):
    assert check_note_name(name) == name


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("a/b", "a /"),
        ("../escape", "a /"),
        ("a\\b", "a \\"),
        ("10:00 call", "a :"),
        ("tab\there", "control character (U+0009)"),
        ("line\nbreak", "control character (U+000A)"),
        ("bell\x07", "control character (U+0007)"),
        ("del\x7f", "control character (U+007F)"),
        (".hidden", "starts with a dot"),
        ("trailing.", "ends with a dot"),
        ("trailing ", "starts or ends with a space"),
        (" leading", "starts or ends with a space"),
        ("CON", "reserves"),
        ("con", "reserves"),
        ("Nul.txt", "reserves"),
        ("aux", "reserves"),
        ("PRN", "reserves"),
        ("COM1", "reserves"),
        ("com9", "reserves"),
        ("LPT5", "reserves"),
        ("a<b", "a <"),
        ("a>b", "a >"),
        ('say "hi"', 'a "'),
        ("a|b", "a |"),
        ("why?", "a ?"),
        ("star*", "a *"),
        ("C# devs", "a #"),
        ("x^2", "a ^"),
        ("[draft]", "a ["),
        ("Lee Chen.md", ".md"),
        ("x" * 300, "too long"),
    ],
)
def test_names_that_cannot_be_file_names_are_refused_with_the_reason(name, reason):
    with pytest.raises(NoteNameError) as error:
        check_note_name(name)
    assert reason in str(error.value)
    assert "\n" not in str(error.value).replace(name, "")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("lchen@example.org", "lchen@example.org"),
        ("LinkedIn search", "LinkedIn search"),
        ("Lee's article, 2024", "Lee's article, 2024"),
        ("Article: the fellowship", '"Article: the fellowship"'),
        ("yes", '"yes"'),
        ("null", '"null"'),
        ("2026-11-20", '"2026-11-20"'),
        ("42", '"42"'),
        ("#hashtag", '"#hashtag"'),
        ("talk #2", '"talk #2"'),
        ("[[Lee]]", '"[[Lee]]"'),
        ("- item", '"- item"'),
        ("@handle", '"@handle"'),
        ('say "hi"', 'say "hi"'),
        ('"hi" she said', '"\\"hi\\" she said"'),
        ("", '""'),
        (" padded", '" padded"'),
    ],
)
def test_yaml_scalar_quotes_only_what_yaml_would_misread(text, written):
    assert yaml_scalar(text) == written
    assert read_front_matter(f"value: {written}\n").values["value"] == text


@given(st.text())
def test_any_text_reads_back_as_itself(text):
    assert read_front_matter(f"value: {yaml_scalar(text)}\n").values["value"] == text


def test_links_are_quoted_as_obsidian_writes_them():
    assert yaml_link("Lee Chen") == '"[[Lee Chen]]"'
    assert yaml_link("People/Lee Chen") == '"[[People/Lee Chen]]"'


@pytest.mark.parametrize(
    ("vault", "note", "uri"),
    [
        (
            "Careers",
            "Contacts/Lee Chen.md",
            "obsidian://open?vault=Careers&file=Contacts%2FLee%20Chen",
        ),
        (
            "My Vault & Co",
            "Interviews/2026-11-20 Lee Chen.md",
            "obsidian://open?vault=My%20Vault%20%26%20Co&file=Interviews%2F2026-11-20%20Lee%20Chen",
        ),
        ("Notes", "José.md", "obsidian://open?vault=Notes&file=Jos%C3%A9"),
    ],
)
def test_obsidian_uri(vault, note, uri):
    assert obsidian_uri(vault, note) == uri
