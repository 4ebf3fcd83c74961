"""Referrals a note's body says: whom a talk's notes say to see next, and who introduced
the person a note is about (forms from a survey of public notes)."""

from __future__ import annotations

import pytest

from interview_vault.core.model import Link
from interview_vault.notes.referrals import introduced_in_text, referred_in_text


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("**Introduced by:** [[Lee Chen]]", ["Lee Chen"]),
        ("Referred by: [[Lee]]", ["Lee"]),  # (one who introduces is a person: one word too)
        ("Introduced by [[oba]] (Adelaja O.)", ["oba"]),
        ("Intro from [[Lee]]", ["Lee"]),
        ("I was introduced to her by my old manager [[Lee Chen]]", ["Lee Chen"]),
        ("Introduced by [[Ana Souza]] and [[Lee Chen]]", ["Ana Souza", "Lee Chen"]),
        ("Met through [[Sarah Chen]].", ["Sarah Chen"]),
        ("Introduced through [[John Smith]] at a dinner party", ["John Smith"]),  # (sasky/courage)
        ("Warm intro via [[people/sarah-chen]] who ran ops", ["people/sarah-chen"]),
        ("- Met through [[Sarah]].", []),  # (met through one word: a website as often)
        ("Met via [[LinkedIn]]", []),
        ("Met through [[Women in Tech Meetup]]", []),
        ("Introduced by Lee at [[Stripe Inc]]", []),  # (a name between: not the link's)
        ("Introduced me to [[Priya Nair]]", []),  # (whom they introduced: the other way)
        ("preferred by [[Suhas Nandakumar]]", []),
        ("- [ ] Ask if referred by [[Lee Chen]]", []),
        ("Was it referred by [[Lee Chen]]?", []),
        ("Not introduced by [[Lee Chen]]", []),
        ("Friend of [[Harry Potter]]", []),
        ("```\nIntroduced by [[Lee Chen]]\n```", []),
        ("Introduced by <!-- [[Lee Chen]] -->", []),
    ],
)
def test_who_introduced_the_person_a_note_is_about(line, who):
    assert [link.target for link in introduced_in_text(line, 1).by] == who


def test_an_introduction_is_said_once_on_the_line_that_first_says_it():
    said, _ = introduced_in_text("Intro from [[Lee Chen]].\n\nReferred by: [[lee chen]]\n", 5)
    assert [(link.target, link.line) for link in said] == [("Lee Chen", 5)]


def test_a_talks_notes_say_intro_d_and_put_in_touch_with():
    said = referred_in_text(
        "- PG intro'd me to [[Michael Waxman]]\n- She put me in touch with [[Ana Souza]]\n", 1
    )
    assert [(link.target, link.line) for link in said] == [("Michael Waxman", 1), ("Ana Souza", 2)]


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("Met through [[Bob Jones]] at their Christmas party", True),
        ("- We know each other via [[Bob Jones]]", True),
        ("**Introduced by:** [[Bob Jones]]", False),  # (a referral: you may not have written)
        ("Warm intro via [[Bob Jones]]", False),
    ],
)
def test_a_note_saying_you_met_through_someone_says_you_met(text, met):
    assert introduced_in_text(text, 1) == ([Link("Bob Jones", 1)], met)
