"""`vault log`, `vault done`, `vault snooze`: record what you did in the notes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from ..app.record import (
    complete,
    explain,
    log_contact,
    log_met,
    log_thanked,
    snooze,
    snoozed,
    unsnooze,
)
from ..core.dates import shift
from ..core.errors import VaultError
from .common import DATE_OPTION, TODAY_OPTION, UNTIL_OPTION, VAULT_OPTION, now, session_at


@click.command("log")
@click.argument(
    "what", type=click.Choice(["contacted", "replied", "declined", "thanked", "met", "updated"])
)
@click.argument("name")
@DATE_OPTION
@TODAY_OPTION
@VAULT_OPTION
def log(what: str, name: str, day: date | None, today: date, vault: Path | None) -> None:
    """Record that you wrote to NAME, they replied or declined, you met or thanked them.

    NAME is matched like a link: a file name, a `name` or an alias, any case.
    For `thanked`, NAME is the interview note (or a person: their latest talk).
    `met` marks that day's interview with NAME done, or creates it. `updated`:
    you told NAME, who led you to someone, how your talk went.

    \b
    Examples:
      vault log contacted "Ama Agyapong"
      vault log replied "ama agyapong" --date 2026-11-24
      vault log thanked "2026-11-20 Lee Chen"
      vault log met "Jordan Reyes" --date 2026-11-30
    """
    day = day or today
    if day > today:
        schedule = (
            f'; to plan a talk: vault new interview "{name}" --date {day}' if what == "met" else ""
        )
        raise VaultError(f"{day} is after today ({today}): log records what happened{schedule}")
    with session_at(vault, writing=True) as session:
        if what == "met":
            outcome = log_met(session, name, day, now(today))
        elif what == "thanked":
            outcome = log_thanked(session, name, day)
        else:
            outcome = log_contact(session, name, what, day)
    click.echo(outcome.message)


@click.command("done")
@click.argument("item_id", metavar="ID")
@TODAY_OPTION
@VAULT_OPTION
def done(item_id: str, today: date, vault: Path | None) -> None:
    """Mark the digest item ID as done, in the note it comes from.

    A follow-up or reach-out records that you wrote today (`contacted`); a
    reconnect, that you were in touch (`last_contact`); a thank-you sets
    `thanked`; a promise, yours or one you wait on, is ticked as the Tasks
    plugin does (`[x] ... ✅ date`); an application's follow-up or referral ask
    writes today's date into it (`followed_up`, `referral_asked`).

    \b
    Example:
      vault done k3v9xq
    """
    with session_at(vault, writing=True) as session:
        click.echo(complete(session, item_id, today).message)


def _parse_span(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*([dw])\s*", value.lower())
    if not match:
        raise click.BadParameter(f"{value!r} is not a span like 3d or 2w")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


@click.command("snooze")
@click.argument("item_id", metavar="ID", required=False)
@UNTIL_OPTION
@click.option("--for", "days", metavar="SPAN", callback=_parse_span, help="Hide it for 3d, 2w...")
@click.option("--list", "listing", is_flag=True, help="List the snoozed items and their days.")
@TODAY_OPTION
@VAULT_OPTION
def snooze_command(
    item_id: str | None,
    until: date | None,
    days: int | None,
    listing: bool,
    today: date,
    vault: Path | None,
) -> None:
    """Hide the digest item ID until a later day (kept in .vault/snoozes.txt).

    With --list, list every item snoozed past today instead; `vault unsnooze
    ID` brings one back.

    \b
    Examples:
      vault snooze k3v9xq --for 3d
      vault snooze k3v9xq --until 2026-12-07
      vault snooze --list
    """
    if listing and (item_id or until or days):
        raise click.UsageError("--list takes no ID, --until or --for")
    if not listing and item_id is None:
        raise click.UsageError("give the ID of the item to snooze (or --list)")
    if not listing and (until is None) == (days is None):
        raise click.UsageError("give either --until DATE or --for SPAN")
    with session_at(vault, writing=item_id is not None) as session:
        if item_id is not None:
            click.echo(snooze(session, item_id, until or shift(today, days or 0), today).message)
            return
        found = snoozed(session, today)
    for found_id, day, what in found:
        click.echo(f"{found_id}  until {day}  {what}")
    if not found:
        click.echo("Nothing is snoozed.")


@click.command("unsnooze")
@click.argument("item_id", metavar="ID")
@TODAY_OPTION
@VAULT_OPTION
def unsnooze_command(item_id: str, today: date, vault: Path | None) -> None:
    """Bring the snoozed item ID back into the digest.

    \b
    Example:
      vault unsnooze k3v9xq
    """
    with session_at(vault, writing=True) as session:
        click.echo(unsnooze(session, item_id, today).message)


@click.command("why")
@click.argument("item_id", metavar="ID")
@TODAY_OPTION
@VAULT_OPTION
def why_command(item_id: str, today: date, vault: Path | None) -> None:
    """Say why the digest item ID is there: its rule, the facts and the settings.

    \b
    Example:
      vault why k3v9xq
    """
    with session_at(vault) as session:
        click.echo(explain(session, item_id, today), nl=False)
