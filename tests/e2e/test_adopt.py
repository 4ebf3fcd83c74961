"""Vaults in other conventions: `vault adopt` finds how each marks its notes, and the digest
is then what a user of that vault expects. No note is ever changed: not by adopting, not by
a digest, not by the watcher."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import BASIC, HERE, REALWORLD, TEMPLATE, files, run

TODAY = "2026-11-26"
CATEGORIES = HERE / "fixtures" / "categories"  # categories: [[People]], people:, emails as notes
TAGS = HERE / "fixtures" / "tags"  # #person notes in People/, #meeting notes with attendees:
# Conventions met in public vaults (issue 18), dated around 2026-12-07:
# People/, Meetings/ and Companies/ folders, capitalised properties, people listed under a
# `## Participants` or `## Attendees` heading or named in the title ("Coffee with Ana Souza")
MEETINGS = HERE / "fixtures" / "meetings"
# a mail-and-chat archive: People/<slug>/<slug>.md with first and last names, dated emails
# and chats naming `people: [alex-barnes, bernie]` as slugs, bernie the owner, no direction
ARCHIVE = HERE / "fixtures" / "archive"
# a job search: #person, #company, #position and #log-communication tags, logs with
# `Comm-Type: Sent|Received|Exchanged`, positions with `App-Stage` and their dates
JOBSEARCH = HERE / "fixtures" / "jobsearch"
DAY_OF = {"meetings": "2026-12-07", "archive": "2026-12-07", "jobsearch": "2026-12-07"}


def copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("index.sqlite*", "digest-*"))
    return target


def notes(folder: Path) -> dict[str, bytes]:
    return {p: data for p, data in files(folder).items() if not p.startswith(".vault/")}


def digest(vault: Path, output_format: str = "text") -> str:
    today = DAY_OF.get(vault.name, TODAY)
    result = run("digest", str(vault), "--today", today, "--format", output_format)
    assert result.exit_code == 0, result.output
    return result.stdout


def adopt(vault: Path) -> str:
    today = DAY_OF.get(vault.name, TODAY)
    result = run("adopt", "--write", "--vault", str(vault), "--today", today)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "fixture", [CATEGORIES, TAGS, MEETINGS, ARCHIVE, JOBSEARCH], ids=lambda p: p.name
)
@pytest.mark.parametrize("output_format", ["markdown", "text", "json"])
def test_the_adopted_digest_matches_its_golden_file(tmp_path, fixture, output_format):
    vault = copy(fixture, tmp_path)
    before = notes(vault)
    assert "recognized none" in digest(vault)  # before adopting: and it says so
    adopt(vault)
    text = digest(vault, output_format)
    golden = HERE / "golden" / f"{fixture.name}.{output_format}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert notes(vault) == before


def test_the_categories_vault_reads_emails_as_requests_thanks_and_replies(tmp_path):
    vault = copy(CATEGORIES, tmp_path)
    found = adopt(vault)
    assert "`categories: [[People]]`: 3 notes carry it; it marks all 3 people" in found
    assert "`categories: [[Meetings]]`: 4 notes carry it; it marks all 4 meetings" in found
    assert "`categories: [[Emails]]`: 5 notes carry it; it marks all 5 touch notes" in found
    assert "they sent (replies): `categories: [[Received]]` (1 note carries it)" in found
    assert 'date = ["date", "created"]' in found  # a meeting's date first
    assert "Read 20 notes: 3 people, 4 meetings, 2 organizations, 5 touch notes, 6 others" in found
    text = digest(vault)
    # 2026-11-18: an email to Omar, whose last talk was thanked in 2025: a request
    assert "Follow up with Omar Haddad: no reply since you wrote on 2026-11-18" in text
    # the email of 2026-11-21 thanked Ivy for 2026-11-20; the notes are plain bullets
    assert "Ivy Chen" not in text
    # a talk in 2025 never thanked: lapsed, not a chore
    assert "2025-09-15" not in text
    # Lena replied (an email marked Received) and a talk is set: nothing to do, since the
    # vault's meeting template has no goals, research or questions to prepare
    assert "Lena" not in text
    assert "Follow up with Lena" not in text


def test_the_tags_vault_reads_tags_folders_and_several_people(tmp_path):
    vault = copy(TAGS, tmp_path)
    found = adopt(vault)
    assert "`#person`: 4 notes carry it; it marks all 4 people" in found
    assert "`#meeting`: 2 notes carry it; it marks all 2 meetings" in found
    assert "`#company`: 2 notes carry it; it marks all 2 organizations" in found
    assert 'contact = ["attendees", "contact", "participants"]' in found
    assert 'organization = ["company", "organization"]' in found
    text = digest(vault)
    assert "Send a thank-you note to Ama Okafor for your talk on 2026-11-19" in text
    assert "Send a thank-you note to Ben Ito for your talk on 2026-11-19" in text
    assert text.count("Write up your notes") == 1  # one for the meeting
    assert "Reach out to Dev Patel: Cara Diaz put you in touch" in text  # `introduced_by`


@pytest.mark.parametrize("fixture", [BASIC, TEMPLATE], ids=lambda p: p.name)
def test_a_vault_in_this_tools_own_format_needs_nothing(tmp_path, fixture):
    vault = copy(fixture, tmp_path)
    before, config = notes(vault), files(vault).get(".vault/config.toml")
    expected = digest(vault)
    found = adopt(vault)
    assert "Your settings already describe this vault" in found
    assert "type: contact" in found and "type: interview" in found
    assert files(vault).get(".vault/config.toml") == config
    assert digest(vault) == expected and notes(vault) == before


def test_writing_keeps_the_users_other_settings_and_comments(tmp_path):
    vault = copy(TAGS, tmp_path)
    (vault / ".vault").mkdir()
    mine = "# my own settings\n[digest]\nlookahead_days = 3  # a short week\n"
    (vault / ".vault" / "config.toml").write_text(mine)
    adopt(vault)
    written = (vault / ".vault" / "config.toml").read_text()
    assert written.startswith(mine)
    assert '[kinds.contact]\nmarks = ["#person"]' in written
    assert 'contact = ["attendees", "contact", "participants"]' in written


def test_adopting_without_writing_writes_nothing(tmp_path):
    vault = copy(CATEGORIES, tmp_path)
    before = files(vault)
    result = run("adopt", "--vault", str(vault))
    assert result.exit_code == 0 and "vault adopt --write" in result.stdout
    assert files(vault) == before


def test_new_notes_and_logged_dates_follow_the_adopted_conventions(tmp_path):
    vault = copy(CATEGORIES, tmp_path)
    adopt(vault)
    assert (
        run("new", "contact", "Nora Lee", "--org", "Helio Labs", "--vault", str(vault)).exit_code
        == 0
    )
    nora = (vault / "References" / "Nora Lee.md").read_text()
    assert nora.startswith('---\ncategories:\n  - "[[People]]"\norg:\n  - "[[Helio Labs]]"\n')
    assert "Read 21 notes: 4 people" in digest(vault)  # read as a person
    lena = vault / "References" / "Lena Wu.md"
    lena.write_text(lena.read_text().replace("org:", "Contacted: 2026-11-01\norg:"))
    assert run("log", "contacted", "Lena Wu", "--date", TODAY, "--vault", str(vault)).exit_code == 0
    assert "Contacted:\n  - 2026-11-01\n  - 2026-11-26\norg:" in lena.read_text()  # its own key


def test_the_watcher_never_changes_a_note(tmp_path):
    vault = copy(CATEGORIES, tmp_path)
    adopt(vault)
    before = notes(vault)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "interview_vault", "watch", str(vault)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watcher.stderr is not None
        assert "wrote DIGEST.md" in watcher.stderr.readline()
        email = vault / "Emails" / "2026-11-25 Hello Nora.md"
        email.write_text('---\ncategories: ["[[Emails]]"]\ncreated: 2026-11-25\n---\n')
        time.sleep(1.0)
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)
    after = notes(vault)
    assert after.pop("DIGEST.md") and after.pop("Emails/2026-11-25 Hello Nora.md")
    assert after == before


def test_a_real_vault_in_someone_elses_conventions_gives_a_small_digest(tmp_path):
    if not (REALWORLD / "kepano").is_dir():
        pytest.skip("the real-world vaults are not beside this checkout")
    vault = copy(REALWORLD / "kepano", tmp_path)
    for path in vault.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    before = notes(vault)
    found = adopt(vault)
    assert "`categories: [[People]]`: 3 notes carry it; it marks all 3 people" in found
    assert "`categories: [[Meetings]]`: 1 note carries it; it marks the one meeting" in found
    text = digest(vault)
    assert "Read 51 notes: 3 people, 1 meeting, 1 organization" in text
    assert "Reconnect with Steph Ango: last in touch 3 years ago" in text  # (on 2023-09-12)
    assert text.count("  • ") == 1  # nothing else: an old vault is not a wall of chores
    assert notes(vault) == before


# --- vaults in conventions met in public vaults (issue 18) ----------------------------------


def test_a_people_meetings_companies_vault_finds_who_was_there(tmp_path):
    vault = copy(MEETINGS, tmp_path)
    found = adopt(vault)
    assert "`People/`: 8 notes carry it; it marks all 8 people" in found
    assert "`Meetings/`: 9 notes carry it; it marks all 9 meetings" in found
    assert 'date = ["Date & Time", "Date", "date"]' in found  # (Date: the coffee's)
    assert "Read 22 notes: 8 people, 9 meetings, 4 organizations" in found
    text = digest(vault)
    # people under a Participants or Attendees heading, or named in the title
    assert "Send a thank-you note to Ana Souza for your talk on 2026-12-04" in text
    assert "Prepare for your talk with Ben Ito on 2026-12-09" in text
    # never a meeting's title as a person, nor someone only mentioned in the notes
    assert "Keep your promise to Meeting" not in text and "Coffee with Ana Souza:" not in text
    assert "thank-you note to Ben Ito" not in text and "thank-you note to Samir" not in text
    # `todo` is no status: the date decides (a talk past is done); held is done
    assert "Send a thank-you note to Daniel Okoro for your talk on 2026-11-27" in text
    assert "unknown status" not in text
    # someone else's promises are waited on; one in a note of nobody's, linking nobody, is none
    assert "Waiting on Maria Gomez: send the internship posting" in text
    assert "Waiting on Ben Ito: sign-off" in text
    # a done task that links Maria and says so is her thank-you: none is asked
    assert "thank-you note to Maria" not in text
    assert "residency" not in text
    assert "Meeting - 2026-11-30 1500.md:1: warning: nobody named: add attendees (in its" in text
    # a cancelled meeting gives nothing
    assert "2026-12-02" not in text


def test_an_archive_of_slugs_reads_people_and_leaves_its_owner_out(tmp_path):
    vault = copy(ARCHIVE, tmp_path)
    found = adopt(vault)
    assert "`[first_name]`: 7 notes carry it; it marks all 7 people" in found
    assert "You (the owner, in most meetings and messages, with no note): `bernie`" in found
    assert '[me]\nnames = ["bernie"]' in found and 'direction = "mixed"' in found
    assert '[kinds.contact]\nmarks = ["[first_name]"]\nfolder = "People"' in found
    text = digest(vault)
    assert "bernie" not in text.casefold()  # never a contact, never warned about
    assert "Problems" not in text
    # shown by first and last name; the daily note's [[Kofi Asante]] is kofi-asante's note
    assert "Check in with Rosa Jiménez: last in touch on 2026-06-02" in text
    assert "Keep your promise to Kofi Asante: Ask Kofi Asante whether the role is remote" in text
    # emails both ways, nothing saying which: no follow-up, no schedule; but the daily
    # note's `- Emailed [[Alex Barnes]] about the deadlines` is a request
    assert "Follow up with Alex Barnes: no reply since you wrote on 2026-12-03" in text
    assert text.count("Follow up") == 1 and "Schedule" not in text
    # notes of a call that name people hold promises to them, and theirs
    assert "Keep your promise to Dana Whitfield: Send Dana my case study draft" in text
    assert "Waiting on Dana Whitfield: introduce me to Marcus Lee" in text


def test_a_job_search_vault_reads_logs_with_their_direction_and_applications(tmp_path):
    vault = copy(JOBSEARCH, tmp_path)
    found = adopt(vault)
    assert "`#person`: 9 notes carry it; it marks all 9 people" in found  # one in its text
    assert "Phone_Call" not in found  # a method is no mark, and names nobody
    assert 'direction = ["Comm-Type", "direction"]' in found
    assert 'stage = ["App-Stage", "stage"]' in found
    assert "5 applications" in found
    text = digest(vault)
    # the dashboard's `FROM #person` is a query, not a tag: 9 people, not 10
    # (and its four logged calls, `Contact-Method: Video_Call`, are talks: meetings)
    assert (
        "Read 32 notes: 9 people, 5 meetings, 6 organizations, 6 touch notes, 5 applications"
        in text
    )
    # a call is a talk: Grace's screen was thanked by the email sent that day, Samuel's
    # catch-up months ago lapsed; met, they are to reconnect with, not to schedule a talk
    assert "thank-you note to Samuel" not in text and "thank-you note to Grace" not in text
    assert "Reconnect with Samuel Adebayo: last in touch on 2026-08-19" in text
    assert "Schedule your talk with Grace" not in text
    assert "Follow up with Priya Raman: no reply since you wrote on 2026-11-27" in text
    assert "Ask Ana Souza about the Data Analyst role at Helio Labs before you apply" in text
    assert "Follow up on your application to Junior Data Analyst at Northwind Analytics" in text
    assert "Tidewater" not in text  # their recruiter wrote after you applied
    assert "Waiting on Karen Osei: share the rubric" in text
    # facts from the people's logs: dated lines, and a contact-log table
    assert "Schedule your talk with José Núñez: José Núñez replied on 2026-11-24" in text
    assert "Follow up with Marcus Bell: no reply since you wrote on 2026-11-21 (second" in text
