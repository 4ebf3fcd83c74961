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
        # (a review: plans, other things one did, you introducing, no people, code)
        ("- Ask for an intro from [[Lee Chen]] to the hiring manager", []),
        ("- Book recommended by [[Ana Souza]]: Thinking Fast", []),
        ("Joined Stripe in 2021, referred by [[Lee Chen]].", []),
        ("Introduced by me to [[Bo Berg]]", []),
        ("Referred by a recruiter at [[Acme Labs]]", []),
        ("Met via [[Hacker News]]", []),
        ("Met via [[Twitter DMs]]", []),
        ("Referred by [[Glassdoor]]", []),
        ("Met through [[women-in-tech-meetup]]", []),
        ("Met through [[Ana Souza]] and [[Stripe]]", ["Ana Souza"]),
        ("Referred by [[Lee Chen]], [[Google]] recruiter", ["Lee Chen"]),
        ("No reply yet. Referred by [[Lee Chen]]", ["Lee Chen"]),  # (a "no" of another sentence)
        ("`Introduced by [[Lee Chen]]`", []),
        ("- [[Bo Berg]] (intro from [[Lee Chen]], 2026-11-05)", []),
        ("Key client. Met via [[Sarah Chen]].", ["Sarah Chen"]),
        # (a second review: as people label or say it)
        ("Source: referred by [[Lee Chen]]", ["Lee Chen"]),
        ("Was referred by [[Lee Chen]]", ["Lee Chen"]),
        ("Originally introduced by [[Lee Chen]]", ["Lee Chen"]),
        ("We first met through [[Bob Jones]]", ["Bob Jones"]),
        ("Maria and I met through [[Bob Jones]]", ["Bob Jones"]),
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


def test_a_long_note_of_links_is_read_in_time():
    # (a review: prose with a link after "via" or "through" every few words cost 1.2 ms a
    # note, and a line of 2,000 links with one cue 5 s, read again from its start each time)
    import time

    prose = "She moved to [[Stripe]] via [[Square]] and through the [[Payments]] launch. " * 100
    line = " ".join(f"[[Note {n}]] via" for n in range(2000)) + ". Met through [[Ana Souza]]"
    started = time.perf_counter()
    assert introduced_in_text(prose, 1).by == []
    assert introduced_in_text(line, 1).by == [Link("Ana Souza", 1)]
    assert time.perf_counter() - started < 0.2


def test_a_plan_to_ask_for_an_introduction_is_no_referral():
    # (a review: `Ask for an intro to [[X]]` under a talk was "Reach out to X")
    said = referred_in_text(
        "- Ask her for an intro to [[Jon Park]]\n- I want to talk to [[Bo Berg]]\n"
        "- Then she said to talk to [[Ana Souza]]\n",
        1,
    )
    assert said == [Link("Ana Souza", 3)]
