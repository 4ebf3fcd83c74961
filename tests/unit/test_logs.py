"""A person's log as its note writes it: entries under a log heading."""

from __future__ import annotations

from datetime import date

import pytest

from interview_vault.core.conventions import DEFAULT
from interview_vault.notes.logs import read_log

# (a recruiter's vault: `## Interaction History` over bold dated entries, each over its
# paragraph; every entry was "a dated line with no verb the tool knows", and she was
# "not contacted")
HISTORY = """\
## Role & Context
VP Sales, EMEA.

## Interaction History

**2026-05-18 — Slack DM after Jordan Smith HM interview**
Alex messaged immediately after: "Really strong." Asked to schedule a debrief.

**2026-04-10 — Sync on pipeline (Slack)**
Discussed Casey Morgan's profile.

**2026-03-18 — Intake meeting (60 min)**
Full intake session. Alex was well-prepared.

## Preferences / Style
- **2026-06-01 — Intake meeting** (not under the log: no verb, no fact)
"""


def facts(body: str) -> list[tuple[date, str, int]]:
    found, _, _ = read_log(body, 1, DEFAULT.verbs, ("Alex Chen", "Alex"))
    return [(fact.day, fact.what, fact.line) for fact in found]


def test_bold_dated_entries_of_an_interaction_history():
    assert facts(HISTORY) == [
        (date(2026, 5, 18), "incoming", 6),  # (Alex messaged: theirs)
        (date(2026, 4, 10), "did", 9),
        (date(2026, 3, 18), "met", 12),
    ]


@pytest.mark.parametrize(
    ("title", "what"),
    [
        ("Intake meeting (60 min)", ["met"]),
        ("Intro call", ["met"]),
        ("Catch-up coffee", ["met"]),
        ("Alex's call", ["met"]),  # (theirs: in their note)
        ("Slack DM after her HM interview", ["did"]),  # (longer: someone else's talk)
        ("Intake meeting prep", []),  # (no talk yet)
        # (a review: each was a talk held, and asked a thank-you; then a request)
        ("Missed call", []),
        ("Cancelled call", []),
        ("Call (no answer)", []),
        ("Scheduled call", []),
        ("Booked intro call", []),
        ("Asked for call", ["outgoing"]),
        ("Declined interview", ["declined"]),
        ("Jordan's HM interview", ["did"]),
        ("Jordan’s HM interview", ["did"]),  # (as a phone types it)
    ],
)
def test_an_entry_titled_by_a_kind_of_talk_tells_of_one(title, what):
    body = f"## Log\n### 2026-11-20 — {title}\nNotes here.\n"
    assert [fact[1] for fact in facts(body)] == what


@pytest.mark.parametrize(
    ("entry", "what"),
    [
        ("Slack DM\nAlex messaged right after.", "incoming"),
        # (a review: the person's verb in the text decides only where the title says
        # nothing, and only that they wrote)
        ("Pipeline update\nAlex interviewed Casey Morgan today.", "did"),
        ("Catch-up\nAlex met me for coffee.", "met"),
        ("Sent the deck\nAlex emailed the deck to his VP.", "outgoing"),
    ],
)
def test_the_persons_verb_in_an_entry_is_theirs_where_its_title_says_nothing(entry, what):
    assert [fact[1] for fact in facts(f"## Log\n### 2026-11-20 — {entry}\n")] == [what]
