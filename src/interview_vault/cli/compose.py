"""`vault draft outreach|thanks` and `vault prep`: compose text from the notes and print it.

These commands never write a note.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..app.compose import outreach as compose_outreach
from ..app.compose import prep_sheet
from ..app.compose import thanks as compose_thanks
from ..app.compose import update as compose_update
from ..app.drafts import Draft, mailto_link
from ..app.session import Session, settings_problems
from ..core.render import problem_line
from ..core.settings import CONFIG_PATH
from .common import TODAY_OPTION, VAULT_OPTION, session_at, warn


def _opened(vault: Path | None) -> Session:
    session = session_at(vault)
    for problem in settings_problems(session):  # else a broken file reads as empty settings
        warn(problem_line(problem))
    return session


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
      vault draft update "Lee Chen"
    """


@draft.command()
@click.argument("name")
@VAULT_OPTION
@TODAY_OPTION
@click.option("--mailto", is_flag=True, help="Print a mailto: link to open in your mail program.")
def outreach(name: str, vault: Path | None, today: date, mailto: bool) -> None:
    """Draft a request for a 20-minute talk with NAME.

    Uses your [me] settings (name, synopsis, availability, timezone), who
    referred you (or the contact's `source`), and their role, field and
    organization.

    \b
    Examples:
      vault draft outreach "Ama Agyapong" --vault ~/Notes/Careers
      open "$(vault draft outreach 'Ama Agyapong' --mailto)"
    """
    with _opened(vault) as session:
        text = compose_outreach(session, name, today)
    _print_draft(text, mailto)


@draft.command()
@click.argument("interview")
@VAULT_OPTION
@TODAY_OPTION
@click.option("--mailto", is_flag=True, help="Print a mailto: link to open in your mail program.")
def thanks(interview: str, vault: Path | None, today: date, mailto: bool) -> None:
    """Draft a thank-you for INTERVIEW (an interview note, or a person: their latest talk).

    Quotes the line of the Notes section you tagged #quote (else leaves
    "[one thing you learned]" to fill in), names the referrals they gave, and
    says your open tasks in the interview note.

    \b
    Examples:
      vault draft thanks "2026-11-20 Lee Chen"
      vault draft thanks "Lee Chen" --vault ~/Notes/Careers
    """
    with _opened(vault) as session:
        text = compose_thanks(session, interview, today)
    _print_draft(text, mailto)


@draft.command()
@click.argument("name")
@VAULT_OPTION
@TODAY_OPTION
@click.option("--mailto", is_flag=True, help="Print a mailto: link to open in your mail program.")
def update(name: str, vault: Path | None, today: date, mailto: bool) -> None:
    """Draft a note to NAME, who led you to someone, on how your talk with them went.

    Names whom you met, one thing you learned (a line of the talk's Notes tagged
    #quote, else the first), and thanks them again.

    \b
    Example:
      vault draft update "Lee Chen"
    """
    with _opened(vault) as session:
        text = compose_update(session, name, today)
    _print_draft(text, mailto)


@click.command()
@click.argument("name")
@VAULT_OPTION
@TODAY_OPTION
def prep(name: str, vault: Path | None, today: date) -> None:
    """Print a Markdown preparation sheet for your next talk with NAME.

    Who they are, how you met them, their organization, past talks and
    their notes, open promises both ways, and the questions for the next
    talk (with suggestions when fewer than `min_questions` are prepared).

    \b
    Examples:
      vault prep "Jordan Reyes" --vault ~/Notes/Careers
      vault prep Jordan > "Prep Jordan.md"
    """
    with _opened(vault) as session:
        sheet = prep_sheet(session, name, today)
    click.echo(sheet, nl=False)
