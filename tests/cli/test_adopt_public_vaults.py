"""`vault adopt` on vaults shaped like public ones a user tried (a job hunt of Metadata Menu
positions, a personal CRM kept by an agent, a migrated Notion workspace): black-box tests
through the command line, each on a tiny vault of real files in `tmp_path`.

Today is 2026-11-26. Notes are written with `md(vault, path, front, body)`: `front` is the
front matter's lines, one string.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import run
from spec_vault import TODAY, digest_json, write


def md(vault: Path, path: str, front: str = "", body: str = "") -> None:
    write(vault, path, f"---\n{front}\n---\n{body}" if front else body)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def adopt(vault: Path, *args: str) -> str:
    return ok("adopt", "--vault", str(vault), "--today", TODAY, *args)


def adopt_json(vault: Path) -> dict[str, Any]:
    return json.loads(adopt(vault, "--format", "json"))


def shown(vault: Path, kind: str) -> list[str]:
    """Each item of a kind shown, as "due person: text"."""
    return [
        f"{i['due']} {i['person']}: {i['text']}"
        for i in digest_json(vault)["items"]
        if i["kind"] == kind
    ]


# --- a job hunt: positions whose follow-up and expiration dates are still empty ----------------

POSITION = """\
Job-Title: {title}
Company: "[[Orbital]]"
App-Stage: Applied
Applied-Date: {applied}
Follow-Up-Reminder-Date:
Expiration-Date:
Applied: true
Contacts:"""


def test_adopt_names_an_applications_follow_up_and_expiration_dates_while_still_empty(
    tmp_path,
):
    # (Metadata Menu's positions: the dates are fields of every position, empty until set;
    # adopt mapped neither, and the follow-up came due applied + 10 days)
    vault = tmp_path
    for n, applied in ((1, "2026-11-10"), (2, "2026-11-12")):
        front = POSITION.format(title=f"Analyst {n}", applied=applied)
        md(vault, f"30 Records/10 Positions/job {n}.md", front, "## Position\n\n#position\n")
    for company in ("Orbital", "Helio"):
        md(vault, f"30 Records/30 Companies/{company}.md", "Industry: Space", "#company\n")
    text = adopt(vault, "--write")
    assert 'follow_up = ["Follow-Up-Reminder-Date", "follow_up"]' in text
    assert 'deadline = ["Expiration-Date", "deadline"]' in text
    assert 'applied = ["Applied-Date", "applied"]' in text  # (a date: `Applied: true` is none)
    # the user sets the day they meant to follow up: the digest keeps it
    note = vault / "30 Records/10 Positions/job 1.md"
    day = "Follow-Up-Reminder-Date: 2026-11-30"
    note.write_text(note.read_text().replace("Follow-Up-Reminder-Date:", day))
    assert [line.split(" ")[0] for line in shown(vault, "application-follow-up")] == [
        "2026-11-22",  # (job 2: applied + 10 days)
        "2026-11-30",  # (job 1: its own day, not 2026-11-20)
    ]


# --- a personal CRM kept by an agent: people/, meetings/2026/, timestamps on every note -------

ALIASES = """\
# Aliases — Quick Lookup

| Alias | Person | File |
|-------|--------|------|
| Ben | Ben Cohen | [ben-cohen.md](ben-cohen.md) |
| Max | Max Klein | [max-klein.md](max-klein.md) |
"""


def crm(vault: Path, updated: str = "2026-01-26") -> Path:
    """A personal CRM as an agent keeps it: one file per person in `people/` (with an index
    of their aliases and a README), meetings in a folder per year."""
    for slug, name, company in (
        ("ben-cohen", "Ben Cohen", "Startup"),
        ("max-klein", "Max Klein", "LEA"),
    ):
        front = (
            f"name: {name}\ntags: [collaborator]\ncompany: {company}\nlast_contact:\n"
            f"created: 2026-01-24\nupdated: {updated}"
        )
        md(vault, f"people/{slug}.md", front, f"# {name}\n\n## Summary\n\nFounder.\n")
    md(vault, "people/README.md", "", "# People\n\nPersonal CRM - one file per person.\n")
    md(vault, "people/_aliases.md", "", ALIASES)
    for day, who in (("2026-03-02", "Ben Cohen"), ("2026-03-09", "Max Klein")):
        md(
            vault,
            f"meetings/2026/{day}-{who.split()[0].casefold()}.md",
            f"date: {day}\nattendees: [Chuck Blake, {who}]\ntype: external\nthanked: {day}",
            f"# Meeting: {who} - {day}\n\n## Summary\n\nTalked.\n",
        )
    return vault


def test_adopt_leaves_an_index_of_the_people_folder_out_of_the_people(tmp_path):
    vault = crm(tmp_path)
    contact = adopt_json(vault)["kinds"]["contact"]
    assert contact["notes"] == ["people/ben-cohen.md", "people/max-klein.md"]
    text = adopt(vault, "--write")
    assert '[kinds.contact]\nmarks = ["people/"]\nfolder = "people"\n' in text
    assert "Read 6 notes: 2 people, 2 meetings" in text  # (neither README nor _aliases)
