"""`notes.logs.read_log` finds a plain body's dated lines without walking every line; a
body with fences or a log heading is walked. Both ways must find the same facts."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from interview_vault.core.settings import LogSettings
from interview_vault.notes.logs import read_log, verb_table

HERE = Path(__file__).parent.parent
VERBS = verb_table({f.name: getattr(LogSettings(), f.name) for f in fields(LogSettings)})
FORCE_WALK = "\n```\n```\n"  # a fence: no fact, and the body is walked line by line
BODIES = [  # (the body, how many dated lines it has that are facts or have no verb known)
    ("- 2026-11-13 emailed asking for a short call\n- 2026-11-14: added this contact\n", 1),
    ("## Notes\r\n- [[2026-11-13]]: Ana replied, keen\r\n1. 2026-11-20 - met for coffee\r\n", 2),
    ("# 2026-11-13 heading, not a line\n| 2026-11-13 | table, outside a log |\n", 0),
    ("text\n   - 2026-02-30 no such day\n- 2026-11-13 wrote back\n**2026-11-15** thanked\n", 2),
]


@pytest.mark.parametrize(("body", "dated"), BODIES)
def test_a_plain_body_gives_what_walking_it_gives(body, dated):
    facts, unknown = read_log(body, 5, VERBS, ("Ana Silva", "Ana"))
    assert (facts, unknown) == read_log(body + FORCE_WALK, 5, VERBS, ("Ana Silva", "Ana"))
    assert len(facts) + len(unknown) == dated


def test_every_fixture_note_reads_the_same_both_ways():
    notes = sorted((HERE / "fixtures").rglob("*.md"))
    assert len(notes) > 100
    for note in notes:
        body = note.read_text(encoding="utf-8", errors="replace")
        assert read_log(body, 1, VERBS) == read_log(body + FORCE_WALK, 1, VERBS), note
