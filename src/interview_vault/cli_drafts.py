"""`vault draft outreach|thanks` and `vault prep`: read the vault, compose text, print it.

These commands never write a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import click

from .cli_common import VAULT_OPTION, reports_errors, warn
from .config import CONFIG_PATH, Settings
from .digest import take_snapshot
from .drafts import Draft, draft_outreach, draft_thanks, find_meeting, mailto_link
from .graph import Vault, build_vault
from .people import find_person
from .prep import build_prep_sheet
from .render import problem_line
from .sections import NoteReader, NoteText, read_note_text

TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Take this day as today: it decides which talks are past and which is next.",
)


@dataclass(frozen=True)
class Opened:
    vault: Vault
    settings: Settings
    read: NoteReader


def open_notes(folder: Path) -> Opened:
    """The vault's notes with their links resolved, and a reader for their text."""
    snapshot = take_snapshot(folder, warn)
    try:
        notes = snapshot.notes()
    finally:
        snapshot.close()
    for problem in snapshot.problems:
        if problem.note == CONFIG_PATH:  # else a broken file reads as empty settings
            warn(problem_line(problem))
    return Opened(build_vault(notes), snapshot.settings, _reader(snapshot.root))


def _reader(root: Path) -> NoteReader:
    @cache
    def read(path: str) -> NoteText:
        try:
            data = (root / path).read_bytes()
        except OSError:
            return NoteText()  # gone since the index saw it: draft with what is known
        return read_note_text(data.decode("utf-8", errors="replace"))

    return read


def _day(today: datetime | None) -> date:
    return today.date() if today else date.today()


def _print_draft(draft: Draft, mailto: bool) -> None:
    if draft.missing_settings:
        keys = ", ".join(draft.missing_settings)
        warn(f"fill in [me] {keys} in {CONFIG_PATH} to complete the draft")
    for notice in draft.notices:
        warn(notice)
    if mailto and draft.to is None:
        warn("no `email` in the contact note: the link has no address")
    if mailto:
        click.echo(mailto_link(draft))
    else:
        click.echo(draft.text(), nl=False)


@click.group()
def draft() -> None:
    """Draft an email from your notes; edit it, then send it yourself.

    \b
    Examples:
      vault draft outreach "Ama Agyapong"
      vault draft thanks "2026-11-20 Lee Chen"
    """


@draft.command()
@click.argument("name")
@VAULT_OPTION
@TODAY_OPTION
@click.option("--mailto", is_flag=True, help="Print a mailto: link to open in your mail program.")
@reports_errors
def outreach(name: str, vault: Path, today: datetime | None, mailto: bool) -> None:
    """Draft a request for a 20-minute talk with NAME.

    Uses your [me] settings (name, synopsis, availability, timezone), who
    referred you (or the contact's `source`), and their role, field and
    organization.

    \b
    Examples:
      vault draft outreach "Ama Agyapong" --vault ~/Notes/Careers
      open "$(vault draft outreach 'Ama Agyapong' --mailto)"
    """
    found = open_notes(vault)
    person = find_person(found.vault, name)
    text = draft_outreach(person, found.vault, found.settings.me, found.read, _day(today))
    _print_draft(text, mailto)


@draft.command()
@click.argument("interview")
@VAULT_OPTION
@TODAY_OPTION
@click.option("--mailto", is_flag=True, help="Print a mailto: link to open in your mail program.")
@reports_errors
def thanks(interview: str, vault: Path, today: datetime | None, mailto: bool) -> None:
    """Draft a thank-you for INTERVIEW (an interview note, or a person: their latest talk).

    Mentions the first thing in the Notes section, the referrals they gave,
    and your open tasks in the interview note.

    \b
    Examples:
      vault draft thanks "2026-11-20 Lee Chen"
      vault draft thanks "Lee Chen" --vault ~/Notes/Careers
    """
    day = _day(today)
    found = open_notes(vault)
    meeting = find_meeting(found.vault, interview, day)
    text = draft_thanks(meeting, found.vault, found.settings.me, found.read, day)
    _print_draft(text, mailto)


@click.command()
@click.argument("name")
@VAULT_OPTION
@TODAY_OPTION
@reports_errors
def prep(name: str, vault: Path, today: datetime | None) -> None:
    """Print a Markdown preparation sheet for your next talk with NAME.

    Who they are, how you met them, their organization, past talks and
    their notes, open promises both ways, and the questions for the next
    talk (with suggestions when fewer than `min_questions` are prepared).

    \b
    Examples:
      vault prep "Jordan Reyes" --vault ~/Notes/Careers
      vault prep Jordan > "Prep Jordan.md"
    """
    found = open_notes(vault)
    person = find_person(found.vault, name)
    sheet = build_prep_sheet(person, found.vault, found.settings, found.read, _day(today))
    click.echo(sheet, nl=False)
