"""A note an import makes from the vault's own template says what the export says: the
template's "now" goes into no fact about the person (a request, a last contact, a next
step, a log's row), and the tags the tool cannot fill leave no `#  — ` behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import notes_of, run
from spec_vault import config, contact, items

TODAY = "2026-12-07"

# As a job-search vault keeps its recruiters: a prompt in a script, its variables in the
# front matter and the heading, "now" in the dates and the contact log's first row.
RECRUITER = """\
<%*
const name = await tp.system.prompt("Recruiter name");
const company = await tp.system.prompt("Agency / company");
-%>
---
tags:
  - recruiters
name: <% name %>
company: <% company %>
created: <% tp.file.creation_date("YYYY-MM-DD") %>
first_contact: <% tp.date.now("YYYY-MM-DD") %>
last_contact: <% tp.date.now("YYYY-MM-DD") %>
next_follow_up: <% tp.date.now("YYYY-MM-DD", 7) %>
status: contacted
---

# <% name %> — <% company %>

- <% tp.date.now("YYYY-MM-DD") %> added this contact

## Contact Log
| Date | Type | Notes | Next Step |
| ---- | ---- | ----- | --------- |
| <% tp.date.now("YYYY-MM-DD") %> | Initial outreach | | Follow up in 1 week |

## Follow-Up Cadence
- No answer after 2 weeks: write to someone else at <% company %> instead.
"""
RECRUITERS = """\
[kinds.contact]
marks = ["#recruiters"]
folder = "Recruiters"
template = "Recruiter Contact.md"

[properties]
organization = ["company", "organization"]
"""
CONNECTIONS = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    "Claus,Bergh,claus@approveit.dk,ApproveIT,Owner,08 Jan 2018\n"
    "Maddie,Ho,,,,12 Mar 2017\n"
)


def recruiter_vault(root: Path) -> Path:
    (root / ".vault").mkdir(parents=True)
    config(root, RECRUITERS)
    (root / "Templates").mkdir()
    (root / "Templates" / "Recruiter Contact.md").write_text(RECRUITER, encoding="utf-8")
    contact(root, "Recruiters/Jordan Reyes", "tags: [recruiters]", "contacted: 2026-11-30")
    return root


def import_linkedin(vault: Path, export: Path, *more: str) -> tuple[str, str]:
    result = run("import", "linkedin", str(export), "--vault", str(vault), "--today", TODAY, *more)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_an_import_writes_no_now_into_facts_and_fills_the_name_and_heading(tmp_path):
    vault = recruiter_vault(tmp_path / "vault")
    export = tmp_path / "Connections.csv"
    export.write_text(CONNECTIONS, encoding="utf-8")
    before = notes_of(vault)
    dry, _ = import_linkedin(vault, export, "--dry-run")
    assert notes_of(vault) == before
    out, err = import_linkedin(vault, export)
    assert out == dry.replace("would be ", "").replace("would create", "created")
    claus = (vault / "Recruiters/Claus Bergh.md").read_text(encoding="utf-8")
    assert claus.startswith(
        '---\ntags:\n  - recruiters\nname: Claus Bergh\ncompany: "[[ApproveIT]]"\n'
        "created: 2026-12-07\nfirst_contact:\nlast_contact:\nnext_follow_up:\nstatus:\n"
    )
    assert "connected: 2018-01-08\n" in claus  # (what the export says goes in)
    assert "\n# Claus Bergh — ApproveIT\n" in claus
    assert "- 2026-12-07 added this contact\n" in claus  # (no fact: the note was made today)
    assert "| ---- | ---- | ----- | --------- |\n\n## Follow-Up Cadence" in claus  # (no row)
    assert "someone else at ApproveIT instead." in claus
    maddie = (vault / "Recruiters/Maddie Ho.md").read_text(encoding="utf-8")
    assert "name: Maddie Ho\ncompany:\n" in maddie
    assert "\n# Maddie Ho\n" in maddie  # (no organization: no ` — `)
    # what was left out is still said, by the template's lines
    assert "Templates/Recruiter Contact.md:1-4: Templater's script" in err
    assert "Templates/Recruiter Contact.md:17: Templater's `<% company %>` left out" in err
    # nobody new to follow up, nothing asked of them
    people = {item["person"] for item in items(vault, today=TODAY)}
    assert people == {"Jordan Reyes"}
    # again: nothing changes
    after = notes_of(vault)
    again, _ = import_linkedin(vault, export)
    assert notes_of(vault) == after
    assert "0 created, 0 updated, 2 unchanged, 0 skipped" in again


def test_vault_new_still_writes_today_and_fills_the_name_and_heading(tmp_path):
    vault = recruiter_vault(tmp_path / "vault")
    result = run(
        "new", "contact", "Dana Whitfield", "--org", "Bluebell Recruitment",
        "--vault", str(vault), "--today", TODAY,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    dana = (vault / "Recruiters/Dana Whitfield.md").read_text(encoding="utf-8")
    assert dana.startswith(
        "---\ntags:\n  - recruiters\nname: Dana Whitfield\n"
        'company: "[[Bluebell Recruitment]]"\ncreated: 2026-12-07\n'
        "first_contact: 2026-12-07\nlast_contact: 2026-12-07\nnext_follow_up: 2026-12-14\n"
        "status: contacted\n---\n\n# Dana Whitfield — Bluebell Recruitment\n"
    )
    assert "| 2026-12-07 | Initial outreach | | Follow up in 1 week |\n" in dana
    assert "someone else at Bluebell Recruitment instead." in dana
    assert "`<% name %>`" not in result.stderr and "`<% company %>`" not in result.stderr


# The core Templates plugin's form, in the spec's vault: a list of requests, a log line.
PERSON = """\
---
type: contact
organization:
date created: {{date}}
updated: {{date:YYYY-MM-DD}}
last_contact: {{date}}
contacted:
  - {{date}}
status: emailed
---
# {{title}}

last_contact:: {{date}}

## Log
- {{date}} emailed them about a chat
- {{date}}: added this contact
"""


def test_a_vcard_import_leaves_the_core_template_s_dates_out_of_its_facts(tmp_path):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / "Templates").mkdir()
    (vault / "Templates" / "Contact.md").write_text(PERSON, encoding="utf-8")
    card = tmp_path / "cards.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nORG:Acme\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = run("import", "vcard", str(card), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    ana = (vault / "Contacts/Ana Souza.md").read_text(encoding="utf-8")
    assert ana == (
        '---\ntype: contact\norganization: "[[Acme]]"\ndate created: 2026-12-07\n'
        "updated: 2026-12-07\nlast_contact:\ncontacted:\nstatus:\nsource: address book\n---\n"
        "# Ana Souza\n\nlast_contact::\n\n## Log\n- 2026-12-07: added this contact\n"
    )
    assert items(vault, today=TODAY) == []  # (no request, so nothing to follow up)


def test_an_import_leaves_a_bold_fields_template_date_out_as_a_plain_fields(tmp_path):
    # (`**Folgetermin**:: <date>` is the field `Folgetermin` to Dataview and the digest)
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    (vault / "Templates").mkdir()
    template = "---\ntype: contact\n---\n# {{title}}\n\n- **last_contact**:: {{date}}\n"
    (vault / "Templates" / "Contact.md").write_text(template, encoding="utf-8")
    card = tmp_path / "cards.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nEND:VCARD\r\n", "utf-8")
    result = run("import", "vcard", str(card), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    ana = (vault / "Contacts/Ana Souza.md").read_text(encoding="utf-8")
    assert ana.endswith("# Ana Souza\n\n- **last_contact**::\n"), ana


INTERVIEW = """\
---
type: interview
contact: []
date: {{date}}
thanked: {{date}}
created: {{date}}
status: scheduled
---
## Notes
"""


def test_a_calendar_import_dates_a_talk_by_the_event_and_thanks_nobody(tmp_path):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    config(vault, '[me]\ntimezone = "UTC"\nemails = ["me@example.com"]\n')
    (vault / "Templates").mkdir()
    (vault / "Templates" / "Interview.md").write_text(INTERVIEW, encoding="utf-8")
    contact(vault, "Ana Souza", "email: ana@example.com")
    calendar = tmp_path / "calendar.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART:20261203T150000Z\r\nSUMMARY:Coffee\r\n"
        "ATTENDEE;CN=Ana Souza;PARTSTAT=ACCEPTED:mailto:ana@example.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    result = run("import", "calendar", str(calendar), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    talk = (vault / "Interviews/2026-12-03 Ana Souza.md").read_text(encoding="utf-8")
    assert "date: 2026-12-03T15:00\nthanked:\ncreated: 2026-12-07\nstatus: done\n" in talk
    kinds = {item["kind"] for item in items(vault, today=TODAY) if item["person"] == "Ana Souza"}
    assert "thank-you" in kinds


@pytest.mark.parametrize(
    ("status", "log"),
    [
        ("Contacted - awaiting reply", ""),  # (its first word says it, as a log line's)
        ("møde", '[log]\nmet = ["møde"]\n'),  # (the vault's own verbs, in its letters)
    ],
)
def test_a_template_status_saying_something_happened_is_emptied(tmp_path, status, log):
    vault = tmp_path / "vault"
    (vault / ".vault").mkdir(parents=True)
    if log:
        config(vault, log)
    (vault / "Templates").mkdir()
    template = f"---\ntype: contact\nstatus: {status}\n---\n# {{{{title}}}}\n"
    (vault / "Templates" / "Contact.md").write_text(template, encoding="utf-8")
    card = tmp_path / "cards.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nEND:VCARD\r\n", encoding="utf-8")
    result = run("import", "vcard", str(card), "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    ana = (vault / "Contacts/Ana Souza.md").read_text(encoding="utf-8")
    assert "\nstatus:\n" in ana, ana
