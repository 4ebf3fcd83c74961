"""`vault adopt` on vaults shaped like two a new user tried: a work onboarding vault whose
`People/` holds "Last, First" notes, most of them empty (Obsidian makes one when a link to
no note is clicked), and teams' rosters; and a job hunt with notes it cannot read. Black-box
tests through the command line, each on a tiny vault of real files in `tmp_path`.

Today is 2026-11-26.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import files, run
from spec_vault import TODAY, adopt, adopt_json, digest_json, write

ROSTER = "\nManager: [[Barber, Matt]]\n\n- [[Ly, Rachel]]\n- [[Kelly, Devin]]\n"
EMPTY = ("Barber, Matt", "Ly, Rachel", "Kelly, Devin", "Mays, Doug", "Moon, Seyoung")


def onboarding(vault: Path, people: str = "People") -> Path:
    """A work vault: three people with a line or two, five empty, one team's roster; a
    project note and a daily note linking them. No type, no tag."""
    write(vault, ".obsidian/app.json", "{}")
    write(vault, f"{people}/Crago, Deric.md", "Specialist, Site Reliability Engineer")
    write(vault, f"{people}/Hamm, Victoria.md", "Preferred Name: Vicki\nLocation: Cinci")
    write(vault, f"{people}/Siegel, Eric.md", "Sr. Systems Engineer\n\n- Into model trains")
    for name in EMPTY:
        write(vault, f"{people}/{name}.md", "")
    write(vault, f"{people}/Matthew Barber Department.md", ROSTER)
    write(vault, "Projects/Migration.md", "Ask [[Crago, Deric]] about the clusters.\n")
    return vault


def problems(vault: Path) -> list[str]:
    return [f"{p['note']}: {p['severity']}: {p['message']}" for p in digest_json(vault)["problems"]]


@pytest.mark.parametrize("people", ["People", "persons", "CRM/People", "Work/Network"])
def test_a_people_folder_of_mostly_empty_notes_is_proposed_as_the_people_mark(tmp_path, people):
    vault = onboarding(tmp_path, people)
    write(vault, f"{people}/Walden, Sam.md", "---\ntags:\n---\n")  # (a template's, unfilled)
    text = adopt(vault)
    assert "People: 3 notes\n" in text
    assert (
        f"  `{people}/`: 10 notes carry it; it marks all 3 people, and 6 empty notes (people "
        "with nothing written yet); 1 is a team's roster, no person\n"
    ) in text
    assert f'[kinds.contact]\nmarks = ["{people}/"]\nfolder = "{people}"\n' in text
    assert "Found no marks" not in text
    listed = adopt_json(vault)["kinds"]["contact"]
    assert f"{people}/Matthew Barber Department.md" not in listed["notes"]
    assert listed["marks"][0]["empty"] == 6 and listed["marks"][0]["rosters"] == 1
    # written, the digest reads the empty notes as people, the roster as none
    written = adopt(vault, "--write")
    assert "Wrote .vault/config.toml. Read 11 notes: 9 people, 0 meetings" in written
    assert problems(vault) == []


def test_a_folder_that_does_not_say_people_is_no_mark_for_its_empty_notes(tmp_path):
    # (empty notes are evidence of nothing: they never make a mark whose words do not say
    # the kind, and which would then read every empty note there as a person)
    vault = tmp_path
    write(vault, ".obsidian/app.json", "{}")
    for name in ("Ana Souza", "Ben Ito"):
        write(vault, f"Work/{name}.md", "Met at the fair.\n")
    for n in range(6):
        write(vault, f"Work/Empty {n}.md", "")
    people = '---\nattendees: ["[[Ana Souza]]", "[[Ben Ito]]"]\n---\n'
    write(vault, "Meetings/2026-11-20 Ana.md", people)
    contact = adopt_json(vault)["kinds"]["contact"]
    assert contact["notes"] == ["Work/Ana Souza.md", "Work/Ben Ito.md"]
    assert contact["marks"] == []  # (and adopt says to write one by hand)


def test_an_empty_persons_note_is_a_person_not_a_problem_in_the_digest(tmp_path):
    vault = onboarding(tmp_path)
    write(vault, ".vault/config.toml", '[kinds.contact]\nmarks = ["People/"]\nfolder = "People"\n')
    write(vault, "Tools/Hugo.md", "")  # (of no kind: said on asking, as ever)
    assert digest_json(vault)["read"]["people"] == 8
    assert problems(vault) == []
    check = run("check", str(vault), "--today", TODAY)
    assert check.exit_code == 0 and check.stdout == ""
    verbose = run("check", str(vault), "--today", TODAY, "--verbose").stdout.splitlines()
    empty = [line for line in verbose if line.endswith("info: the note is empty")]
    assert empty == sorted(
        [f"People/{name}.md:1: info: the note is empty" for name in EMPTY]
        + ["Tools/Hugo.md:1: info: the note is empty"]
    )


def test_adopt_write_that_found_nothing_says_so_and_exits_1(tmp_path):
    vault = tmp_path
    write(vault, ".obsidian/app.json", "{}")
    write(vault, "Ideas.md", "---\nstatus: draft\n---\nSome thoughts.\n")
    result = run("adopt", "--write", "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "vault: wrote nothing to .vault/config.toml: no folder, tag or `type` says which "
        "notes are people, meetings or organizations; say it by hand (the starter above)\n"
    )
    assert "# [kinds.contact]" in result.stdout  # (the starter to copy)
    assert not (vault / ".vault/config.toml").exists()


def test_adopt_write_with_nothing_to_add_says_so_in_one_line(tmp_path):
    vault = tmp_path
    write(vault, ".vault/config.toml", '[kinds.contact]\nmarks = ["People/"]\nfolder = "People"\n')
    for name in ("Ana Souza", "Ben Ito"):
        write(vault, f"People/{name}.md", "Met at the fair.\n")
    before = files(vault)
    result = run("adopt", "--write", "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout.endswith("\nWrote nothing: your settings already describe this vault.\n")
    assert files(vault) == before


APPLICATION = "---\ntags: [job-applications]\ncompany: {company}\nstatus: Applied\n{extra}---\n"


def test_adopt_names_the_notes_it_could_not_read(tmp_path):
    vault = tmp_path
    write(vault, ".obsidian/app.json", "{}")
    for company in ("Kestrel", "Quarry", "Pinecrest"):
        write(vault, f"Applications/{company}.md", APPLICATION.format(company=company, extra=""))
    broken = APPLICATION.format(company="Lumen", extra="interview_stage: Stage 2: technical\n")
    write(vault, "Applications/Lumen Medical.md", broken)
    text = adopt(vault)
    assert (
        "Could not read 1 more note, left out of what follows (fix it, then run `vault adopt` "
        "again):\n  Applications/Lumen Medical.md:5: error: invalid YAML front matter: mapping "
        "values are not allowed in this context (put the value in quotes: interview_stage: "
        '"Stage 2: technical")\n'
    ) in text
    assert "Applications: 3 notes" in text
    assert adopt_json(vault)["unread"] == [
        {
            "note": "Applications/Lumen Medical.md",
            "line": 5,
            "message": "invalid YAML front matter: mapping values are not allowed in this "
            'context (put the value in quotes: interview_stage: "Stage 2: technical")',
        }
    ]


def test_adopt_names_the_first_few_it_could_not_read_and_counts_the_rest(tmp_path):
    vault = tmp_path
    write(vault, ".obsidian/app.json", "{}")
    for n in range(7):
        write(vault, f"Notes/Bad {n}.md", "---\ntitle: [unclosed\n---\n")
    lines = adopt(vault).splitlines()
    assert "Could not read 7 more notes, left out of what follows" in lines[2]
    assert [line for line in lines if line.startswith("  Notes/Bad ")] == [
        f"  Notes/Bad {n}.md:2: error: {message}"
        for n, message in enumerate([lines[3].split(": error: ")[1]] * 5)
    ]
    assert "  (and 2 more: `vault check` lists them)" in lines
    every = adopt(vault, "--all")
    assert every.count("Notes/Bad ") == 7
    assert json.loads(adopt(vault, "--format", "json"))["scanned"] == 0
