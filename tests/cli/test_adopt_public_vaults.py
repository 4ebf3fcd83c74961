"""`vault adopt` on vaults shaped like public ones a user tried (a job hunt of Metadata Menu
positions, a personal CRM kept by an agent, a migrated Notion workspace): black-box tests
through the command line, each on a tiny vault of real files in `tmp_path`.

Today is 2026-11-26. Notes are written with `md(vault, path, front, body)`: `front` is the
front matter's lines, one string.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import run
from spec_vault import TODAY, adopt, adopt_json, digest_json, write

from interview_vault.cli import cli


def md(vault: Path, path: str, front: str = "", body: str = "") -> None:
    write(vault, path, f"---\n{front}\n---\n{body}" if front else body)


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


def crm(vault: Path, updated: str = "2026-01-26", meetings: str = "meetings/2026") -> Path:
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
            f"{meetings}/{day}-{who.split()[0].casefold()}.md",
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


@pytest.mark.parametrize("dated", ["2026", "2026/03", "2026-03", "2026/03-March"])
def test_new_meetings_go_in_the_folder_that_holds_a_folder_per_year(tmp_path, dated):
    # (`meetings/2026/`: proposed as where new meetings go, next year's went there too)
    vault = crm(tmp_path, meetings=f"meetings/{dated}")
    md(vault, "meetings/2025/2025-12-01-ben.md", "date: 2025-12-01\nattendees: [Ben Cohen]")
    interview = adopt_json(vault)["kinds"]["interview"]
    assert interview["folder"] == "meetings"
    assert interview["marks"][0]["mark"] == "meetings/"


def test_new_meetings_go_where_the_live_ones_are_not_in_the_archive(tmp_path):
    for n in range(1, 5):  # (more of them archived than kept)
        md(tmp_path, f"archive/interviews/Talk {n}.md", f"type: meeting\ndate: 2024-0{n}-02")
    for n in range(1, 3):
        md(tmp_path, f"meetings/Talk {n + 4}.md", f"type: meeting\ndate: 2026-0{n}-02")
    assert adopt_json(tmp_path)["kinds"]["interview"]["folder"] == "meetings"
    # all of them archived: the archive is no place for new ones, and none is proposed
    shutil.rmtree(tmp_path / "meetings")
    interview = adopt_json(tmp_path)["kinds"]["interview"]
    assert (len(interview["notes"]), interview["folder"]) == (4, None)
    assert "folder" not in adopt_json(tmp_path)["settings"]["kinds.interview"]


def test_new_meetings_go_in_the_vaults_meetings_folder_even_empty(tmp_path):
    # (a migrated workspace: its two meetings among resources, and a `meetings/` folder made
    # for the next ones; adopt proposed `resources`)
    md(tmp_path, "resources/Legal consultation.md", "type: meeting\ndate: 2025-01-28")
    md(tmp_path, "resources/glowcheck/Debrief.md", "type: meeting\ndate: 2026-02-27")
    md(tmp_path, "resources/Reading list.md", "type: resource")
    write(tmp_path, "meetings/.gitkeep", "")
    assert adopt_json(tmp_path)["kinds"]["interview"]["folder"] == "meetings"


# --- a migrated Notion workspace: typed notes, and tags about meetings on articles ----------


def workspace(vault: Path) -> Path:
    """Notes typed `type: person`, `type: meeting`, `type: resource`; tags on what is read
    about meetings and interviews, and on hiring interviews migrated as resources."""
    for name in ("Aiden", "Carlos"):
        md(vault, f"people/{name}.md", "type: person\ncompany: Nimble", f"# {name}\n")
    md(
        vault,
        "resources/Partnership consultation with legal advisor.md",
        "type: meeting\ncreated: 2025-01-28\ndate: 2025-01-28\nmeeting_type: consultation\n"
        "attendees: ['Julien', '[[Aiden]]']\ntags: [nimble, legal]",
        "## Summary\n\nEquity.\n",
    )
    md(
        vault,
        "resources/glowcheck/Debrief Meeting Summary.md",
        "type: meeting\ncreated: 2026-02-28\ndate: 2026-02-27\nattendees: ['Julien', 'Tanny']",
        "## Summary\n\nPlanning.\n",
    )
    research = "## Findings\n\nShorter meetings.\n\n---\n#meetings #research #team-performance\n"
    md(vault, "inbox/Meeting Analysis Research.md", "", research)
    md(vault, "inbox/Team Performance Analytics Framework.md", "", research)
    clipped = "created: 2026-01-10\nstatus: active\nurl: https://www.lennysnewsletter.com/p/{}\n"
    md(
        vault,
        "resources/How to pass any first-round interview.md",
        "type: resource\n" + clipped.format("pass") + "tags: [recruitment, hiring, interview]",
        "Saved from the newsletter.\n",
    )
    md(
        vault,
        "resources/The Secret to Note-taking for Busy People.md",
        "type: resource\n" + clipped.format("notes") + "tags: [note-taking, meetings]",
        "A video.\n",
    )
    migrated = "type: resource\nmigrated_from: notion\nmigrated_at: 2026-01-12\ncreated: {}\n"
    for name, day, tag in (
        ("Alice’s Interview", "2024-03-28", "interview"),
        ("Loic Farge’s Interview", "2025-07-29", "interview"),
        ("Pop’s Interview", "2025-10-16", "interview"),
        ("Catch-Up with Leroy", "2024-01-10", "one-on-one"),
        ("Sam's One-on-One", "2019-09-19", "one-on-one"),
    ):
        md(
            vault,
            f"archive/interviews/{name}.md",
            migrated.format(day) + f"tags: [{tag}]",
            "- How do you handle conflict?\n- Why this role?\n",
        )
    md(
        vault,
        "resources/nimble/One-on-Ones Agenda & Questions.md",
        migrated.format("2020-05-20") + "tags: [one-on-one]",
        "- How are you?\n",
    )
    write(vault, "meetings/.gitkeep", "")
    return vault


def test_adopt_proposes_no_tag_that_articles_and_write_ups_about_meetings_carry(tmp_path):
    vault = workspace(tmp_path)
    interview = adopt_json(vault)["kinds"]["interview"]
    assert interview["notes"] == [
        "resources/Partnership consultation with legal advisor.md",
        "resources/glowcheck/Debrief Meeting Summary.md",
    ]
    assert [m["mark"] for m in interview["marks"]] == ["type: meeting"]
    text = adopt(vault, "--write")
    assert '[kinds.interview]\nmarks = ["type: meeting"]\nfolder = "meetings"\n' in text
    assert "Read 14 notes: 2 people, 2 meetings" in text
    check = run("check", str(vault), "--today", TODAY)
    assert "has no `date`" not in check.output, check.output


# --- `updated:` as when a note was edited -------------------------------------------------------


def test_adopt_reads_updated_beside_created_as_when_a_note_was_edited(tmp_path):
    # (the agent bumps `updated:` whenever it edits a person's note: read as an update sent
    # them, it counted as being in touch and silenced every reconnect)
    vault = crm(tmp_path, updated="2026-11-20")
    assert shown(vault, "reconnect") == []  # (as the default settings read it)
    text = adopt(vault, "--write")
    assert (
        "`updated` is when a note was edited (2 notes carry it as a date, 2 beside `created`):"
        " not read as an update you sent; yours go under `told`\n"
    ) in text
    assert 'updated = ["told"]' in text
    assert [line.split(":")[0] for line in shown(vault, "reconnect")] == [
        "2026-05-31 Ben Cohen",  # (met on 2026-03-02, 90 days)
        "2026-06-07 Max Klein",
    ]
    assert "`updated` is when" not in adopt(vault)  # (the settings say so now)


def test_updated_on_notes_of_every_kind_is_when_they_were_edited(tmp_path):
    vault = crm(tmp_path)
    for path in ("people/ben-cohen.md", "people/max-klein.md"):  # (no `created` beside it)
        note = vault / path
        note.write_text(note.read_text().replace("created: 2026-01-24\n", ""))
    for path in ("meetings/2026/2026-03-02-ben.md", "knowledge/Pricing.md", "inbox/Ideas.md"):
        note = vault / path
        front = note.read_text()[4:] if note.exists() else "title: Notes\n---\nText.\n"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(f"---\nupdated: 2026-03-10\n{front}")
    proposed = adopt_json(vault)["settings"]["properties"]
    assert proposed["updated"] == ["told"]


def test_updated_on_people_alone_is_the_update_you_sent(tmp_path):
    # (as `vault log updated` writes it: on people's notes, no `created` beside it)
    vault = crm(tmp_path)
    for path in ("people/ben-cohen.md", "people/max-klein.md"):
        note = vault / path
        note.write_text(note.read_text().replace("created: 2026-01-24\n", ""))
    assert "updated" not in adopt_json(vault)["settings"].get("properties", {})


# --- kepano-style category pages: `People.md` in the category it is the page of ------------------

OVERVIEW = (
    'title: {0}\ncreated: 2026-04-11\ntags:\n  - category-overview\ncategories:\n  - "[[{0}]]"'
)


def test_category_pages_that_link_themselves_are_no_person_meeting_or_organization(tmp_path):
    # (obsidian-human: after `adopt --write` the read line said "1 person, 2 meetings, 1
    # organization", the pages themselves, and `check` said "Meetings.md:1: error:
    # interview has no `date`")
    vault = tmp_path
    for name in ("People", "Meetings", "Organizations"):
        md(vault, f"{name}.md", OVERVIEW.format(name), f"\n# {name}\n\n![[{name}.base]]\n")
    md(vault, "Templates/Meeting Template.md", 'categories:\n  - "[[Meetings]]"\ndate:\npeople: []')
    md(vault, "Ana Souza.md", 'categories:\n  - "[[People]]"\norg: "[[Acme]]"')
    md(vault, "Acme.md", 'categories:\n  - "[[Organizations]]"')
    md(vault, "Initech.md", 'categories:\n  - "[[Organizations]]"')
    meeting = 'categories:\n  - "[[Meetings]]"\ndate: 2026-03-24\npeople:\n  - "[[Ana Souza]]"'
    md(vault, "2026-03-24 Acme call.md", meeting, "Talked pricing.\n")
    text = adopt(vault, "--write")
    assert "People.md" not in text and "Meetings.md" not in text, text
    assert "Organizations.md" not in text
    read = digest_json(vault)["read"]
    assert (read["people"], read["meetings"], read["organizations"]) == (1, 1, 2), read
    checked = CliRunner().invoke(cli, ["check", str(vault), "--today", TODAY])
    assert checked.exit_code == 0, checked.output
    assert "Meetings.md" not in checked.output


# --- vaults in other languages: a German ticket system's contacts, a Danish network -------------

KONTAKT = (
    "tags: kontakt\nName: {0}\nEmail: {1}\nTelefon: '089-999'\nErstkontakt: 2023-06-07 @ 22:06"
)


def test_adopt_finds_people_in_a_german_vault_by_its_folder_and_tag(tmp_path):
    # (Obsidian-Ticketsystem: "Found no marks of people... (no folder, tag or type names
    # them in English)")
    vault = tmp_path
    for name, email in (("Armin Bayern", "a.bayern@example.de"), ("Hans Dampf", "hd@example.de")):
        md(vault, f"Kontakte/{name}.md", KONTAKT.format(name, email), "## Kontaktdetails:\n")
    md(vault, "0 Templates/Kontaktformular v3.1.md", "tags: kontakt\nName:\nEmail:")
    for n in (1, 2):
        md(vault, f"Tickets/20230607220{n}.md", "Status: offen\nKontakt: '[[Hans Dampf]]'")
    text = adopt(vault, "--write")
    assert 'marks = ["#kontakt"]' in text and 'folder = "Kontakte"' in text, text
    assert 'template = "Kontaktformular v3.1.md"' in text
    assert digest_json(vault)["read"]["people"] == 2


def test_adopt_finds_people_and_meetings_in_a_danish_vault_by_their_folders(tmp_path):
    vault = tmp_path
    for name in ("Ana Souza", "Mette Holm"):
        md(vault, f"Personer/{name}.md", "virksomhed: '[[Novo]]'", "Mødt på messen.\n")
    md(vault, "Virksomheder/Novo.md", "branche: pharma")
    md(vault, "Virksomheder/Maersk.md", "branche: shipping")
    for day, name in (("2026-03-02", "Ana Souza"), ("2026-03-09", "Mette Holm")):
        md(vault, f"Møder/{day} Kaffe.md", f"dato: {day}\ndeltagere: '[[{name}]]'", "Noter.\n")
    kinds = adopt_json(vault)["kinds"]
    assert [m["mark"] for m in kinds["contact"]["marks"]] == ["Personer/"]
    assert [m["mark"] for m in kinds["interview"]["marks"]] == ["Møder/"]
    assert [m["mark"] for m in kinds["organization"]["marks"]] == ["Virksomheder/"]
