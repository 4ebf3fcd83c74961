"""The one name resolver, for links and for names typed in commands."""

from __future__ import annotations

import pytest

from interview_vault.core.errors import NameLookupError
from interview_vault.core.model import Contact, Interview, Note, Problem
from interview_vault.core.names import NameResolver, identity, link_key, name_key


def note(path: str, *, title: str | None = None, aliases: tuple[str, ...] = (), record=None):
    name = path.rsplit("/", 1)[-1][:-3]
    return Note(path, name, title or name, aliases, record)


CONTACT, INTERVIEW = Contact(), Interview()
NOTES = [
    note("Ama.md", record=CONTACT),
    note("Contacts/Ama.md", record=CONTACT),
    note("Contacts/Lee Chen.md", title="Dr. Lee Chen", aliases=("Lee",), record=CONTACT),
    note("Archive/Contacts/Sam.md", record=CONTACT),
    note("People/Sam.md", record=CONTACT),
    note("Interviews/2026-11-20 Lee Chen.md", record=INTERVIEW),
    note("Daily/2026-11-20.md"),
]
RESOLVER = NameResolver(NOTES)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ama", ["Ama.md"]),  # a path first: the root note, not the one in Contacts
        ("contacts/ama", ["Contacts/Ama.md"]),
        ("Contacts/Ama.md", ["Contacts/Ama.md"]),
        ("Contacts/Sam", ["Archive/Contacts/Sam.md"]),  # a path ending so
        ("Elsewhere/Lee Chen", ["Contacts/Lee Chen.md"]),  # no such path: the file name
        ("LEE CHEN", ["Contacts/Lee Chen.md"]),
        ("dr. lee chen", ["Contacts/Lee Chen.md"]),  # then `name` and aliases
        ("Sam", ["People/Sam.md", "Archive/Contacts/Sam.md"]),  # shortest path first
        ("Nobody", []),
    ],
)
def test_candidates_come_from_the_first_tier_that_matches(name, expected):
    assert [n.path for n in RESOLVER.candidates(name)] == expected


def test_a_link_takes_the_shortest_path_and_names_the_others():
    found, candidates = RESOLVER.resolve("Sam")
    assert found is not None and found.path == "People/Sam.md"
    assert [n.path for n in candidates] == ["People/Sam.md", "Archive/Contacts/Sam.md"]
    assert RESOLVER.resolve("Lee") == (NOTES[2], [])


def test_kinds_are_matched_before_tiers_are_decided():
    assert RESOLVER.candidates("2026-11-20", ("contact",)) == []
    found = RESOLVER.find("2026-11-20 lee chen", ("interview",))
    assert found.path == "Interviews/2026-11-20 Lee Chen.md"


def test_a_command_refuses_several_matches_listing_them():
    with pytest.raises(
        NameLookupError,
        match=r'"Sam" matches 2 notes: Archive/Contacts/Sam.md, People/Sam.md; give the path',
    ):
        RESOLVER.find("Sam", ("contact",))


def test_no_match_suggests_names_starting_so_or_spelled_alike():
    with pytest.raises(NameLookupError) as error:
        RESOLVER.find("Le", ("contact",))
    assert (
        str(error.value) == 'no contact note named "Le"; did you mean Dr. Lee Chen, Lee, Lee Chen?'
    )
    message = RESOLVER.not_found("Zed", ("contact",), what="contact", others=["Zeb"])
    assert message == 'no contact named "Zed"; did you mean Zeb?'


def test_a_note_that_cannot_be_read_is_named_with_its_problem():
    broken = Note(
        "Contacts/Kim.md",
        "Kim",
        "Kim",
        problems=(Problem("Contacts/Kim.md", 3, "error", "invalid YAML"),),
    )
    with pytest.raises(NameLookupError, match=r"Contacts/Kim.md:3: invalid YAML; fix it first"):
        NameResolver([broken]).find("Kim", ("contact",))


def test_keys_for_the_incremental_digest():
    assert name_key("  Contacts/Ama.MD/ ") == "contacts/ama"
    assert link_key("Contacts/Lee Chen") == "lee chen"
    assert identity(NOTES[2]) == ("lee chen", "dr. lee chen", "lee")
