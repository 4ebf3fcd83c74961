"""Property values: dates, date lists and links in every form the spec names."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from interview_vault.core.errors import UnreadableValue
from interview_vault.notes.values import (
    link_target,
    parse_date,
    parse_date_list,
    parse_link,
)

NOV_20 = date(2026, 11, 20)


@pytest.mark.parametrize(
    "written",
    [
        NOV_20,
        datetime(2026, 11, 20, 10, 0),
        "2026-11-20",
        " 2026-11-20 ",
        "2026-11-20T10:00",
        "2026-11-20 10:00",
        "2026-11-20T10:00:30",
        "2026-11-20T10:00:30.5",
        "2026-11-20T10:00+02:00",
        "2026-11-20T10:00:00Z",
        "2026-11-20 10:00 -0500",
        "2026-11-20 @ 18:44",  # Obsidian's "YYYY-MM-DD @ HH:mm"
        "2026-11-20 @18:44",
        "2026-11-20 10:00 PM",
        "2026-11-20 9:30 a.m.",
        "[[2026-11-20]]",
        "[[Daily/2026-11-20|Friday]]",
        "[2026-11-20](Daily/2026-11-20.md)",  # (Markdown links: "Use [[Wikilinks]]" off)
        "[Friday](<../Daily/2026-11-20.md>)",
        [["2026-11-20"]],  # [[2026-11-20]] without quotes
    ],
)
def test_every_date_form_gives_the_calendar_date(written):
    assert parse_date(written) == NOV_20


@pytest.mark.parametrize(
    "written", ["next week", "2026-02-30", "20/11/2026", 20261120, True, "[[Ama]]"]
)
def test_unreadable_dates_raise(written):
    with pytest.raises(UnreadableValue):
        parse_date(written)


def test_date_list_takes_one_date_or_a_list_and_drops_bad_entries_alone():
    assert parse_date_list("2026-11-20") == ([NOV_20], [])
    dates, errors = parse_date_list(["2026-11-20", "soon", None, "2026-11-21"])
    assert dates == [NOV_20, date(2026, 11, 21)]
    assert [index for index, _ in errors] == [1]


@pytest.mark.parametrize(
    ("written", "target"),
    [
        ("[[Ama Agyapong]]", "Ama Agyapong"),
        ("[[Ama Agyapong|Ama]]", "Ama Agyapong"),
        ("[[Contacts/Ama Agyapong]]", "Contacts/Ama Agyapong"),
        ("[[Ama Agyapong#Notes]]", "Ama Agyapong"),
        ("[[Ama Agyapong.md]]", "Ama Agyapong"),
        ("Ama Agyapong", "Ama Agyapong"),
        ([["Ama Agyapong"]], "Ama Agyapong"),
        (["Ama Agyapong"], "Ama Agyapong"),
    ],
)
def test_link_forms(written, target):
    assert parse_link(written) == target


@pytest.mark.parametrize(
    ("written", "target"),
    [
        ("[Ama](Ama%20Agyapong.md)", "Ama Agyapong"),
        ("[Ama](../Contacts/Ama%20Agyapong.md#Notes)", "Contacts/Ama Agyapong"),
        (" [Ama](<Contacts/Ama Agyapong.md>) ", "Contacts/Ama Agyapong"),
        ("[Ama](Ama%20Agyapong)", "Ama Agyapong"),
        # (no note: read as a name is, as before)
        ("[Ama](https://example.com/ama)", "[Ama](https://example.com/ama)"),
        ("[Ama](Ama.pdf) and more", "[Ama](Ama.pdf) and more"),
    ],
)
def test_a_value_written_as_a_markdown_link_is_that_link(written, target):
    # (Obsidian with "Use [[Wikilinks]]" off writes links so; a property can be written so)
    assert parse_link(written) == target


def test_link_target_of_heading_and_alias_together():
    assert link_target("[[Note#Heading|Shown]]") == "Note"


@pytest.mark.parametrize("written", [{"a": 1}, True, "[[]]", "  "])
def test_unreadable_links_raise(written):
    with pytest.raises(UnreadableValue):
        parse_link(written)
